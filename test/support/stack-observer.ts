// What the CloudFormation side of a local deploy shows: every stack status published for DescribeStacks (with the
// StackId, in order), and DescribeStacks itself as the handler calls it.
import { StackStatusSink } from 'cdk-engagement-invitation-local';
import { LocalAccount } from './local-lifecycle';

export interface PublishedStatus {
  readonly stackId: string;
  readonly status: string;
}

export interface StackStatusObserver {
  /** Give it to the deployer as `cloudFormation`. */
  readonly sink: StackStatusSink;
  readonly published: PublishedStatus[];
  /** The last status published. */
  current(): string | undefined;
}

/** A sink that records each status and passes it on to the account's local CloudFormation endpoint. */
export function observeStackStatuses(account: LocalAccount): StackStatusObserver {
  const published: PublishedStatus[] = [];
  return {
    published,
    current: () => published.at(-1)?.status,
    sink: {
      setStackStatus: (stackId, stackName, status) => {
        published.push({ stackId, status });
        account.cloudFormation.setStackStatus(stackId, stackName, status);
      },
    },
  };
}

/** DescribeStacks on the local endpoint: the StackStatus and StackId, or the error code. */
export async function describeStack(account: LocalAccount, stackName: string): Promise<{ status?: string; stackId?: string; error?: string }> {
  const response = await fetch(account.cloudFormation.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ Action: 'DescribeStacks', Version: '2010-05-15', StackName: stackName }).toString(),
  });
  const xml = await response.text();
  const field = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
  return response.ok ? { status: field('StackStatus'), stackId: field('StackId') } : { error: field('Code') };
}
