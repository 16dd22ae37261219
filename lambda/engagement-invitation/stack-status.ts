// The one signal that tells a rollback Update from a forward one: the status of the stack that sent the event.
// CloudFormation's events carry no rollback flag; while it rolls back, DescribeStacks reports
// UPDATE_ROLLBACK_IN_PROGRESS (ROLLBACK_IN_PROGRESS, IMPORT_ROLLBACK_IN_PROGRESS) (CloudFormation API reference,
// "Stack" data type, StackStatus; ../shared/reference/cloudformation-custom-resource-semantics.md).
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { describeError } from './service-errors';

export type StackStatusResult =
  | { readonly status: string }
  | { readonly unreadable: string };

export type ReadStackStatus = (stackId: string, abortSignal: AbortSignal) => Promise<StackStatusResult>;

// Throttling and 5xx are retried by the SDK's standard strategy; a hung request is abandoned after its timeout
// (throwOnRequestTimeout, else @smithy/node-http-handler only logs a warning) and retried.
const MAX_ATTEMPTS = 5;
const REQUEST_TIMEOUT_MS = 5_000;
const CONNECTION_TIMEOUT_MS = 3_000;

const clients = new Map<string, CloudFormationClient>();

/** The stack's region is in its id: arn:<partition>:cloudformation:<region>:<account>:stack/<name>/<uuid>. */
function regionOf(stackId: string): string | undefined {
  return /^arn:[\w-]+:cloudformation:([a-z0-9-]+):/.exec(stackId)?.[1] ?? process.env.AWS_REGION;
}

/** DescribeStacks on the event's own stack, with the function's own credentials (never an assumed role). */
export const readStackStatus: ReadStackStatus = async (stackId, abortSignal) => {
  const region = regionOf(stackId);
  if (!region) return { unreadable: 'the StackId names no region' };
  let client = clients.get(region);
  if (!client) {
    // The endpoint can only be overridden through the SDK's own AWS_ENDPOINT_URL_CLOUDFORMATION.
    client = new CloudFormationClient({
      region,
      maxAttempts: MAX_ATTEMPTS,
      retryMode: 'standard',
      requestHandler: { requestTimeout: REQUEST_TIMEOUT_MS, connectionTimeout: CONNECTION_TIMEOUT_MS, throwOnRequestTimeout: true },
    });
    clients.set(region, client);
  }
  try {
    const { Stacks } = await client.send(new DescribeStacksCommand({ StackName: stackId }), { abortSignal });
    const status = Stacks?.[0]?.StackStatus;
    return status ? { status } : { unreadable: 'DescribeStacks answered no StackStatus' };
  } catch (error) {
    return { unreadable: `DescribeStacks: ${describeError(error).reason}` };
  }
};

/** Statuses in which CloudFormation rolls back, and so every Update it sends restores an earlier state. */
export function isRollback(status: string): boolean {
  return /ROLLBACK/.test(status);
}

/** The one status in which CloudFormation sends forward Updates ("Ongoing update"; CloudFormation User Guide, stack
 * status codes). */
export const FORWARD_UPDATE_STATUS = 'UPDATE_IN_PROGRESS';
