// The status of the stack that sent the event: the one signal that tells a rollback Update from a forward one, and a
// live event from a late or stray one. CloudFormation's events carry no rollback flag; while it rolls back,
// DescribeStacks reports UPDATE_ROLLBACK_IN_PROGRESS (ROLLBACK_IN_PROGRESS, IMPORT_ROLLBACK_IN_PROGRESS), and it
// sends Creates and forward Updates only in CREATE_IN_PROGRESS or UPDATE_IN_PROGRESS (CloudFormation API reference,
// "Stack" data type, StackStatus; User Guide, "Stack status codes").
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { classifyError } from './call-retries';
import { describeError } from './service-errors';
import { SENDING_STACK_STATUSES } from '../../lib/core/contract';

export type StackStatusResult =
  | { readonly status: string }
  /** `retryable`: throttled, a 5xx or a network failure (a denial or a missing stack is not). */
  | { readonly unreadable: string; readonly retryable?: boolean };

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
    const answer = await client.send(new DescribeStacksCommand({ StackName: stackId }), { abortSignal });
    const status = answer?.Stacks?.[0]?.StackStatus;
    return status ? { status } : { unreadable: 'DescribeStacks answered no StackStatus' };
  } catch (error) {
    const kind = classifyError(error);
    return { unreadable: `DescribeStacks: ${describeError(error).reason}`, retryable: kind === 'throttling' || kind === 'transient' };
  }
};

/** How long the handler waits between two reads of a status that could not be read for a passing reason. */
const UNREADABLE_RETRY_MS = 2_000;
/** The time kept, after the last read, for what the answer decides. */
const READ_MARGIN_MS = 3_000;

/**
 * The stack's status, read again while the read fails for a passing reason (throttled, 5xx) and the event's time
 * allows: a rollback must not fail because DescribeStacks was busy for a few seconds.
 */
export async function readStackStatusWithin(
  stackId: string,
  read: ReadStackStatus,
  budget: { readonly deadline: number; readonly abortSignal: AbortSignal },
  onRead: () => void = () => {},
): Promise<StackStatusResult> {
  for (;;) {
    onRead();
    const result = await read(stackId, budget.abortSignal);
    if (!('unreadable' in result) || !result.retryable || Date.now() + UNREADABLE_RETRY_MS + READ_MARGIN_MS > budget.deadline) {
      return result;
    }
    await new Promise((resolve) => setTimeout(resolve, UNREADABLE_RETRY_MS));
  }
}

/** Statuses in which CloudFormation rolls back, and so every Update it sends restores an earlier state. */
export function isRollback(status: string): boolean {
  return /ROLLBACK/.test(status);
}

/** The one status in which CloudFormation sends forward Updates ("Ongoing update"). */
export const FORWARD_UPDATE_STATUS = 'UPDATE_IN_PROGRESS';

/** Whether CloudFormation can be waiting for a Create or a forward Update of this stack. */
export function isSending(status: string): boolean {
  return (SENDING_STACK_STATUSES as readonly string[]).includes(status);
}
