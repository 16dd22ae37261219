// Another writer of the same partner account, as a CRM integration is: CreateEngagementInvitation calls at a set
// average rate (Poisson arrivals: writes that follow users' actions), each through the AWS SDK for JavaScript v3
// client with its standard retry strategy (3 attempts, exponential backoff with full jitter), against the local
// endpoint while a deploy runs. It signs with an access key of its own, so the endpoint's record tells its calls from
// the handler's, and writes to an engagement of its own, so its invitations are not the deploy's. The local deploy's
// --competing-writer and the library's benchmark run it.
import { CreateEngagementInvitationCommand, CreateEngagementInvitationCommandInput, PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';

export const COMPETING_WRITER_ACCESS_KEY = 'AKIALOCALCRMWRITER00';
export const COMPETING_WRITER_ENGAGEMENT = 'eng-crmintegration';

/** The writer's n-th invitation: a lead invitation of its engagement to a receiver of its own, a token of its own. */
function writerRequest(n: number): CreateEngagementInvitationCommandInput {
  return {
    Catalog: 'Sandbox',
    EngagementIdentifier: COMPETING_WRITER_ENGAGEMENT,
    ClientToken: `crm-${process.pid}-${n}`,
    Invitation: {
      Message: 'Invitation sent by the CRM integration',
      Receiver: { Account: { AwsAccountId: String(100_000_000_000 + n) } },
      Payload: { LeadInvitation: { Customer: { CompanyName: 'CRM customer' }, Interaction: { ContactBusinessTitle: 'Buyer' } } } as never,
    },
  };
}

export interface CompetingWriterFigures {
  /** Writes started while the writer ran. */
  readonly writes: number;
  /** Of them, created: one attempt or a retry got through. */
  readonly through: number;
  /** Of them, given up: still throttled (or failed) after the SDK's attempts. */
  readonly failed: number;
  /** Requests sent in all, retries included. */
  readonly requests: number;
}

export interface CompetingWriter {
  /** Stops starting writes, waits for those under way, and reports (the same figures however often it is called). */
  stop(): Promise<CompetingWriterFigures>;
}

/** Starts writing to `endpointUrl` at `writesPerSecond` on average until stopped. */
export function startCompetingWriter(endpointUrl: string, writesPerSecond: number, random: () => number = Math.random): CompetingWriter {
  if (!(writesPerSecond > 0)) throw new Error(`a competing writer needs a rate > 0 (got ${writesPerSecond})`);
  const client = new PartnerCentralSellingClient({
    region: 'us-east-1',
    endpoint: endpointUrl,
    credentials: { accessKeyId: COMPETING_WRITER_ACCESS_KEY, secretAccessKey: 'local-writer-not-a-secret' },
    maxAttempts: 3,
    retryMode: 'standard',
  });
  const pending: Array<Promise<void>> = [];
  const figures = { writes: 0, through: 0, failed: 0, requests: 0 };
  let timer: NodeJS.Timeout | undefined;
  const write = (n: number) => {
    const command = new CreateEngagementInvitationCommand(writerRequest(n));
    figures.writes += 1;
    pending.push(client.send(command).then((answer) => {
      figures.through += 1;
      figures.requests += answer.$metadata.attempts ?? 1;
    }, (error) => {
      figures.failed += 1;
      figures.requests += error?.$metadata?.attempts ?? 1;
    }));
  };
  const next = () => {
    timer = setTimeout(() => {
      write(figures.writes);
      next();
    }, (-Math.log(1 - random()) * 1000) / writesPerSecond);
  };
  next();
  let stopped: Promise<CompetingWriterFigures> | undefined;
  return {
    stop: () => stopped ??= (async () => {
      clearTimeout(timer);
      await Promise.all(pending);
      client.destroy();
      return { ...figures };
    })(),
  };
}
