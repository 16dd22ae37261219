// Another writer of the same account (a CRM integration), through the SDK with its standard retries, against the
// local endpoint's write quota: what it sends, what gets through, and that the endpoint tells its calls apart.
import { COMPETING_WRITER_ACCESS_KEY, COMPETING_WRITER_ENGAGEMENT, startCompetingWriter } from '../src/competing-writer';
import { parseArguments } from '../src/local-deploy/cli-arguments';
import { startPartnerCentralEndpoint } from '../src/partner-central-endpoint/server';

test('at 8 writes/s against 1 request/s: some get through, others are given up after the SDK\'s 3 attempts', async () => {
  const endpoint = await startPartnerCentralEndpoint({
    quotas: { invitationRate: 1, invitationBurst: 1 }, strictEngagements: true, engagements: [COMPETING_WRITER_ENGAGEMENT],
  });
  try {
    const writer = startCompetingWriter(endpoint.url, 8, () => 0.5);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const figures = await writer.stop();

    expect(figures.writes).toBeGreaterThanOrEqual(10);
    expect(figures.through + figures.failed).toBe(figures.writes);
    expect(figures.through).toBeGreaterThanOrEqual(1);
    expect(figures.failed).toBeGreaterThanOrEqual(1);
    const calls = endpoint.calls.filter((c) => c.operation === 'CreateEngagementInvitation');
    expect(calls.length).toBe(figures.requests);
    expect(calls.every((c) => c.accessKeyId === COMPETING_WRITER_ACCESS_KEY)).toBe(true);
    expect(calls.filter((c) => c.status === 429).length).toBeGreaterThanOrEqual(figures.failed * 3);
    expect(endpoint.store.list().length).toBe(figures.through);
    expect(endpoint.store.list().every((i) => i.EngagementId === COMPETING_WRITER_ENGAGEMENT)).toBe(true);
    expect(await writer.stop()).toEqual(figures);
  } finally {
    await endpoint.close();
  }
}, 30_000);

test('--competing-writer takes a positive rate', () => {
  expect(parseArguments(['deploy', '--competing-writer', '0.3']).competingWriter).toBe(0.3);
  expect(parseArguments(['deploy']).competingWriter).toBeUndefined();
  expect(() => parseArguments(['deploy', '--competing-writer', '0'])).toThrow(/--competing-writer 0: expected a positive number/);
});
