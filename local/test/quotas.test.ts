// The local endpoint's request quotas: token buckets per operation class, as the Partner Central developer guide
// documents them (writes 1/s, CreateEngagement 15/s, reads 10/s), answering ThrottlingException over them.
import {
  CreateEngagementInvitationCommand,
  GetEngagementInvitationCommand,
  PartnerCentralSellingClient,
  ThrottlingException,
} from '@aws-sdk/client-partnercentral-selling';
import { wireProperties } from './support/partner-central-fixtures';
import { operationClass, RequestQuotas, TokenBucket } from '../src/partner-central-endpoint/quotas';
import { PartnerCentralEndpoint, startPartnerCentralEndpoint } from '../src/partner-central-endpoint/server';

test('operation classes: Get/List are reads, CreateEngagement has its own quota, the rest are writes', () => {
  expect(['GetEngagementInvitation', 'ListEngagementInvitations', 'CreateEngagement', 'CreateEngagementInvitation', 'CreateEngagementContext']
    .map(operationClass)).toEqual(['read', 'read', 'createEngagement', 'write', 'write']);
});

test('a bucket refills at its rate and stores at most its burst', () => {
  let now = 0;
  const bucket = new TokenBucket(1, 2, () => now);
  expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, false]);
  now = 999;
  expect(bucket.tryTake()).toBe(false);
  now = 1_000;
  expect(bucket.tryTake()).toBe(true);
  now = 60_000; // a long quiet period stores no more than the burst
  expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, false]);
  expect(() => new TokenBucket(0, 1, () => 0)).toThrow(/rate > 0/);
});

test('by default: 1 write per second with burst 1, 10 reads per second, 15 CreateEngagement per second', () => {
  let now = 0;
  const quotas = new RequestQuotas({ now: () => now });
  const admitted = (operation: string, count: number) => Array.from({ length: count }, () => quotas.admit(operation)).filter(Boolean).length;

  expect(admitted('CreateEngagementInvitation', 5)).toBe(1);
  expect(admitted('GetEngagementInvitation', 12)).toBe(10);
  expect(admitted('CreateEngagement', 20)).toBe(15);
  now = 1_000;
  expect(admitted('CreateEngagementInvitation', 5)).toBe(1);
});

test('the invitation\'s rate and burst can be set', () => {
  let now = 0;
  const quotas = new RequestQuotas({ now: () => now, invitationRate: 2, invitationBurst: 4 });
  const admitted = (count: number) => Array.from({ length: count }, () => quotas.admit('CreateEngagementInvitation')).filter(Boolean).length;

  expect(admitted(6)).toBe(4);
  now = 1_000;
  expect(admitted(6)).toBe(2);
});

describe('through the endpoint, with the real SDK client', () => {
  let endpoint: PartnerCentralEndpoint;
  let client: PartnerCentralSellingClient;

  beforeEach(async () => {
    endpoint = await startPartnerCentralEndpoint({ maxRequests: 50, quotas: {} });
    client = new PartnerCentralSellingClient({
      region: 'us-east-1', endpoint: endpoint.url, credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local' }, maxAttempts: 1,
    });
  });
  afterEach(async () => {
    client.destroy();
    await endpoint.close();
  });

  test('three invitations at once: one created, two answered ThrottlingException (429), which create nothing', async () => {
    const { ServiceToken, ...request } = wireProperties() as any;
    const results = await Promise.allSettled(['a', 'b', 'c'].map((token) => client.send(new CreateEngagementInvitationCommand({ ...request, ClientToken: token }))));

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
    expect(refused).toHaveLength(2);
    for (const error of refused) expect(error).toBeInstanceOf(ThrottlingException);
    expect(endpoint.calls.filter((c) => c.status === 429).map((c) => c.throttledBy)).toEqual(['quota', 'quota']);
    expect(endpoint.store.list()).toHaveLength(1);
  });

  test('reads have their own bucket: a write quota spent does not throttle them', async () => {
    const { ServiceToken, ...request } = wireProperties() as any;
    const { Id } = await client.send(new CreateEngagementInvitationCommand({ ...request, ClientToken: 'only' }));

    const reads = await Promise.all(Array.from({ length: 5 }, () => client.send(new GetEngagementInvitationCommand({ Catalog: 'Sandbox', Identifier: Id! }))));

    expect(reads.map((r) => r.Id)).toEqual(Array(5).fill(Id));
  });
});

test('an endpoint started without quotas throttles nothing', async () => {
  const endpoint = await startPartnerCentralEndpoint({ maxRequests: 10 });
  const client = new PartnerCentralSellingClient({
    region: 'us-east-1', endpoint: endpoint.url, credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local' }, maxAttempts: 1,
  });
  const { ServiceToken, ...request } = wireProperties() as any;
  try {
    await Promise.all(['a', 'b', 'c'].map((token) => client.send(new CreateEngagementInvitationCommand({ ...request, ClientToken: token }))));
    expect(endpoint.store.list()).toHaveLength(3);
  } finally {
    client.destroy();
    await endpoint.close();
  }
});
