// A local CloudFormation endpoint on 127.0.0.1 for DescribeStacks only, in the service's awsQuery protocol
// (form-encoded request, XML answer): it reports the status the local deploy gives each stack as it moves, which is
// what the handler reads to tell a rollback Update from a forward one. Point the SDK at it with
// AWS_ENDPOINT_URL_CLOUDFORMATION.
import { randomUUID } from 'node:crypto';
import { AwsQueryAnswer, awsQueryError, escapeXml, startAwsQueryServer } from '../aws-query-server';

const XMLNS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';

/** What the next DescribeStacks calls get instead of the status: `throttle` (400 Throttling) or `deny` (403). */
export type CloudFormationFault = 'throttle' | 'deny';

export interface DescribeStacksCall {
  readonly stackName: string;
  readonly status: number;
  /** The StackStatus answered, if any. */
  readonly stackStatus?: string;
  readonly accessKeyId?: string;
}

export interface CloudFormationEndpoint {
  readonly url: string;
  readonly calls: DescribeStacksCall[];
  /** Records `status` as the current status of the stack (created on first use). */
  setStackStatus(stackId: string, stackName: string, status: string): void;
  /** The next `count` DescribeStacks calls get `fault`. */
  injectFaults(fault: CloudFormationFault, count: number): void;
  close(): Promise<void>;
}

interface KnownStack {
  readonly stackId: string;
  readonly stackName: string;
  readonly creationTime: string;
  status: string;
}

export async function startCloudFormationEndpoint(maxRequests = 1_000): Promise<CloudFormationEndpoint> {
  const stacks = new Map<string, KnownStack>();
  const calls: DescribeStacksCall[] = [];
  const faults: CloudFormationFault[] = [];
  const server = await startAwsQueryServer(maxRequests, ({ form, accessKeyId }) => {
    const stackName = form.get('StackName') ?? '';
    const reply = (status: number, xml: string, stackStatus?: string): AwsQueryAnswer => {
      calls.push({ stackName, status, stackStatus, accessKeyId });
      return { status, xml };
    };
    if (form.get('Action') !== 'DescribeStacks' || !stackName) {
      return reply(400, errorXml('ValidationError', 'Only DescribeStacks with a StackName is supported by the local endpoint'));
    }
    const fault = faults.shift();
    if (fault === 'throttle') return reply(400, errorXml('Throttling', 'Rate exceeded'));
    if (fault === 'deny') {
      return reply(403, errorXml('AccessDenied', `User: ${accessKeyId ?? 'anonymous'} is not authorized to perform: `
        + `cloudformation:DescribeStacks on resource: ${stackName} with an explicit deny in a service control policy`));
    }
    // By name, only a stack that exists: a deleted one (say the failed creation the CDK CLI deleted before creating
    // the stack again) is found by its stack id only, as in CloudFormation.
    const stack = stacks.get(stackName) ?? [...stacks.values()].find((s) => s.stackName === stackName && s.status !== 'DELETE_COMPLETE');
    if (!stack) return reply(400, errorXml('ValidationError', `Stack with id ${stackName} does not exist`));
    return reply(200, `<DescribeStacksResponse xmlns="${XMLNS}"><DescribeStacksResult><Stacks><member>`
      + `<StackId>${escapeXml(stack.stackId)}</StackId><StackName>${escapeXml(stack.stackName)}</StackName>`
      + `<CreationTime>${stack.creationTime}</CreationTime><StackStatus>${stack.status}</StackStatus>`
      + `</member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId>`
      + '</ResponseMetadata></DescribeStacksResponse>', stack.status);
  });
  return {
    url: server.url,
    calls,
    setStackStatus: (stackId, stackName, status) => {
      const known = stacks.get(stackId);
      if (known) known.status = status;
      else stacks.set(stackId, { stackId, stackName, status, creationTime: new Date().toISOString() });
    },
    injectFaults: (fault, count) => { for (let i = 0; i < count; i++) faults.push(fault); },
    close: server.close,
  };
}

function errorXml(code: string, message: string): string {
  return awsQueryError(XMLNS, code, message, randomUUID());
}
