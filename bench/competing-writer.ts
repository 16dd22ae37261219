// Another writer of the same partner account, as a CRM integration is: CreateEngagementInvitation calls at a set
// average rate (Poisson arrivals: writes that follow users' actions), each through the AWS SDK for JavaScript v3
// client with its standard retry strategy (3 attempts, exponential backoff with full jitter), against the local
// endpoint while a deploy runs. It signs with an access key of its own, so the endpoint's record tells its calls from
// the handler's, and writes to an engagement of its own, so its invitations are not the deploy's.
import { CreateEngagementInvitationCommand, PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import { invitationProps } from './invitation-apps';
import { toInvitationRequest } from '../lib/engagement-invitation/request';

export const COMPETING_WRITER_ACCESS_KEY = 'AKIALOCALCRMWRITER00';
export const COMPETING_WRITER_ENGAGEMENT = 'eng-crmintegration';

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
    credentials: { accessKeyId: COMPETING_WRITER_ACCESS_KEY, secretAccessKey: 'local-bench-not-a-secret' },
    maxAttempts: 3,
    retryMode: 'standard',
  });
  const pending: Array<Promise<void>> = [];
  const figures = { writes: 0, through: 0, failed: 0, requests: 0 };
  let timer: NodeJS.Timeout | undefined;
  const write = (n: number) => {
    // An invitation of the writer's own: its engagement, a receiver per write, a token per write.
    const request = { ...toInvitationRequest(invitationProps(1_000_000 + n)), EngagementIdentifier: COMPETING_WRITER_ENGAGEMENT };
    const command = new CreateEngagementInvitationCommand({ ...(request as any), ClientToken: `crm-${process.pid}-${n}` });
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
