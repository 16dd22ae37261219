// Deploy-time scale: N invitations in one stack, deployed through the local deploy (resources in parallel as
// CloudFormation does, the bundled handler on the runtime's Node.js) against the local Partner Central endpoint
// enforcing the write quota of 1 request/s with burst 1 and the read quota of 10 requests/s. The write quota's own
// floor is N seconds for N invitations. Every invitation is distinct (a receiver of its own, invitation-apps.ts), so
// each handler reads before it sends (DescribeStacks, then ListEngagementInvitations, a page per 100 invitations open
// on the engagement), finds no copy to adopt, and sends once. Another writer of the account can run at the same time
// (competing-writer.ts): the calls are told apart by the access key that signed them.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startCloudFormationEndpoint, readCloudAssembly, ProgressEvent, deployStack, startResponseReceiver, StackStateStore, startPartnerCentralEndpoint, startStsEndpoint, COMPETING_WRITER_ENGAGEMENT, CompetingWriterFigures, startCompetingWriter } from 'cdk-engagement-invitation-local';
import { invitationApp } from './invitation-apps';

const INVITATION_TYPE = 'Custom::PartnerCentralEngagementInvitation';
const READ_OPERATIONS = ['ListEngagementInvitations', 'GetEngagementInvitation'];
const HANDLER_ACCESS_KEY = 'AKIALOCALBENCH000000';

/** The handler's JSON log lines in the functions' logs of the local deploy's state directory `logs`. */
function handlerLogLines(logs: string): Array<Record<string, unknown>> {
  if (!fs.existsSync(logs)) return [];
  return fs.readdirSync(logs).flatMap((file) => fs.readFileSync(path.join(logs, file), 'utf8').split('\n')).flatMap((line) => {
    try {
      const value = JSON.parse(line);
      return typeof value === 'object' && value !== null && 'outcome' in value ? [value] : [];
    } catch {
      return [];
    }
  });
}

export interface DeployFigures {
  readonly count: number;
  readonly success: number;
  readonly failed: number;
  readonly duplicates: number;
  /** CreateEngagementInvitation calls, and of them throttled. */
  readonly requests: number;
  readonly throttled: number;
  /** Partner Central reads: ListEngagementInvitations and GetEngagementInvitation calls, and of them throttled. */
  readonly reads: number;
  readonly readsThrottled: number;
  /** Of the reads, GetEngagementInvitation calls (a summary with the same receiver; none expected). */
  readonly gets: number;
  /** DescribeStacks calls the handlers made (the local CloudFormation endpoint's record). */
  readonly stackReads: number;
  /** Handler invocations (their log lines), and of them the invitations adopted instead of sent (none expected). */
  readonly invocations: number;
  readonly adopted: number;
  readonly wallMs: number;
  /** The longest time one invitation resource took, against its ServiceTimeout. */
  readonly slowestResourceMs: number;
  readonly serviceTimeoutSeconds: number;
  readonly stackStatus: string;
  /** The other writer's writes while the deploy ran, if one was running. */
  readonly competingWriter?: CompetingWriterFigures;
}

export interface DeployOptions {
  /** Context of the app (cdk.json "context"). */
  readonly context?: Record<string, string>;
  /** At most this many resources at a time. @default - the local deploy's own cap */
  readonly concurrency?: number;
  /** Another writer of the account at this average rate (requests/s) while the deploy runs. @default - none */
  readonly competingWriterRate?: number;
}

/** Synthesizes an app with `count` invitations and deploys it once into a fresh local account. */
export async function deployUnderQuota(count: number, options: DeployOptions = {}): Promise<DeployFigures> {
  const { context = {}, concurrency, competingWriterRate } = options;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-deploy-'));
  invitationApp('EngagementInvitation', count, path.join(work, 'cdk.out'), 'example', context).synth();
  const [stack] = readCloudAssembly(path.join(work, 'cdk.out'));
  const serviceTimeoutSeconds = Number(Object.values(stack.template.Resources).find((r) => r.Type === INVITATION_TYPE)?.Properties?.ServiceTimeout);

  const endpoint = await startPartnerCentralEndpoint({ maxRequests: 100_000, quotas: { invitationRate: 1, invitationBurst: 1 } });
  const sts = await startStsEndpoint();
  // DescribeStacks before every send and every retried send: unchained deploys retry for minutes.
  const cloudFormation = await startCloudFormationEndpoint(100_000);
  const receiver = await startResponseReceiver(10_000);
  const progress: ProgressEvent[] = [];
  const started = Date.now();
  const competing = competingWriterRate ? startCompetingWriter(endpoint.url, competingWriterRate) : undefined;
  try {
    const result = await deployStack(stack, {
      states: new StackStateStore(path.join(work, 'state')),
      env: { account: '123456789012', region: 'us-east-1' },
      receiver,
      cloudFormation,
      functionEnvironment: {
        AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING: endpoint.url,
        AWS_ENDPOINT_URL_STS: sts.url,
        AWS_ENDPOINT_URL_CLOUDFORMATION: cloudFormation.url,
        AWS_ACCESS_KEY_ID: HANDLER_ACCESS_KEY,
        AWS_SECRET_ACCESS_KEY: 'local-bench-not-a-secret',
      },
      report: (event) => progress.push(event),
      ...(concurrency ? { concurrency } : {}),
    });
    const wallMs = Date.now() - started;
    const competingWriter = await competing?.stop();
    const invitations = progress.filter((e) => e.resourceType === INVITATION_TYPE);
    const handlerCalls = endpoint.calls.filter((c) => c.accessKeyId === HANDLER_ACCESS_KEY);
    const creates = handlerCalls.filter((c) => c.operation === 'CreateEngagementInvitation');
    const reads = handlerCalls.filter((c) => READ_OPERATIONS.includes(c.operation));
    const logLines = handlerLogLines(path.join(work, 'state', 'logs'));
    return {
      count,
      success: invitations.filter((e) => e.status === 'CREATE_COMPLETE').length,
      failed: invitations.filter((e) => e.status === 'CREATE_FAILED').length,
      // Invitations beyond one per ClientToken (RequestId) that reached the endpoint.
      duplicates: endpoint.store.list().filter((i) => i.EngagementId !== COMPETING_WRITER_ENGAGEMENT).length
        - new Set(creates.filter((c) => c.status === 200).map((c) => c.clientToken)).size,
      requests: creates.length,
      throttled: creates.filter((c) => c.status === 429).length,
      reads: reads.length,
      readsThrottled: reads.filter((c) => c.status === 429).length,
      gets: reads.filter((c) => c.operation === 'GetEngagementInvitation').length,
      stackReads: cloudFormation.calls.length,
      invocations: logLines.length,
      adopted: logLines.filter((line) => line.adopted === true).length,
      wallMs,
      slowestResourceMs: Math.max(0, ...invitations.map((e) => e.durationMs ?? 0)),
      serviceTimeoutSeconds,
      stackStatus: result.status,
      ...(competingWriter ? { competingWriter } : {}),
    };
  } finally {
    await competing?.stop();
    await receiver.close();
    await cloudFormation.close();
    await sts.close();
    await endpoint.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// The deploy alone, for one count: `ts-node bench/deploy-bench.ts <count> [--competing-writer=<rate>] [<context key>=<value> ...]`
if (require.main === module) {
  const count = Number(process.argv[2] ?? 10);
  const args = process.argv.slice(3);
  const writer = args.find((arg) => arg.startsWith('--competing-writer='));
  const context = Object.fromEntries(args.filter((arg) => arg !== writer).map((pair) => pair.split('=') as [string, string]));
  deployUnderQuota(count, { context, ...(writer ? { competingWriterRate: Number(writer.split('=')[1]) } : {}) }).then((figures) => process.stdout.write(`${JSON.stringify(figures)}\n`), (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  });
}
