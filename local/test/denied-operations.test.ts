// The local endpoint's deniedOperations: operations answered as IAM answers an action the caller's policy does not
// allow (AccessDeniedException, 403), to run the handler with a role without read permissions. Driven by the real
// SDK client over HTTP on 127.0.0.1.
import {
  AccessDeniedException,
  CreateEngagementCommand,
  CreateEngagementInvitationCommand,
  GetEngagementInvitationCommand,
  ListEngagementInvitationsCommand,
  ListEngagementsCommand,
  PartnerCentralSellingClient,
} from '@aws-sdk/client-partnercentral-selling';
import { leadEngagement, LocalSelling, opportunityInvitation, rawCall, startError, startLocalSelling } from './support/partner-central-fixtures';

const ACCOUNT = '210987654321';
let local: LocalSelling;

afterEach(async () => { await local?.close(); });

test('a denied operation is an AccessDeniedException (403) naming the action and no request value; others are served', async () => {
  local = await startLocalSelling({ account: ACCOUNT, deniedOperations: ['ListEngagements', 'GetEngagementInvitation'] });
  const { client, endpoint } = local;
  const invitation = await client.send(new CreateEngagementInvitationCommand(opportunityInvitation('inv-denied')));

  const list = await client.send(new ListEngagementsCommand({ Catalog: 'Sandbox', EngagementIdentifier: ['eng-abcdefghijklmn'] })).catch((e) => e);
  const get = await client.send(new GetEngagementInvitationCommand({ Catalog: 'Sandbox', Identifier: invitation.Id! })).catch((e) => e);
  const allowed = await client.send(new ListEngagementInvitationsCommand({ Catalog: 'Sandbox', ParticipantType: 'SENDER' }));

  for (const [error, operation] of [[list, 'ListEngagements'], [get, 'GetEngagementInvitation']] as const) {
    expect(error).toBeInstanceOf(AccessDeniedException);
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toMatch(new RegExp(`^User: arn:aws:sts::${ACCOUNT}:\\S+ is not authorized to perform: partnercentral:${operation} `));
    expect(error.message).not.toMatch(/Sandbox|eng-abcdefghijklmn|engi-/);
  }
  expect(allowed.EngagementInvitationSummaries!.map((i) => i.Id)).toEqual([invitation.Id]);
  expect(endpoint.calls.map((c) => [c.operation, c.status])).toEqual([
    ['CreateEngagementInvitation', 200], ['ListEngagements', 403], ['GetEngagementInvitation', 403], ['ListEngagementInvitations', 200],
  ]);
});

test('IAM refuses before the request is read: a denied operation with an invalid body is still a 403', async () => {
  local = await startLocalSelling({ deniedOperations: ['ListEngagements'] });

  const answer = await rawCall(local.endpoint.url, 'ListEngagements', { Catalog: 'Sandbox', MaxResults: 0 });

  expect(answer.status).toBe(403);
  expect(answer.body.__type).toBe('AccessDeniedException');
});

test('the SDK does not retry a denial: one call on the wire however many attempts the client may make', async () => {
  local = await startLocalSelling({ deniedOperations: ['ListEngagements'] });
  const patient = new PartnerCentralSellingClient({
    region: 'us-east-1', endpoint: local.endpoint.url, credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local' }, maxAttempts: 5,
  });

  await expect(patient.send(new ListEngagementsCommand({ Catalog: 'Sandbox' }))).rejects.toBeInstanceOf(AccessDeniedException);
  patient.destroy();

  expect(local.endpoint.calls.map((c) => c.status)).toEqual([403]);
});

test('denyOperations switches the denied set while the endpoint runs; [] allows everything again', async () => {
  local = await startLocalSelling();
  const { client, endpoint } = local;
  const create = (token: string) => client.send(new CreateEngagementCommand(leadEngagement(token, 'Denied'))).catch((e) => e);

  expect((await create('t-1')).Id).toMatch(/^eng-/);
  endpoint.denyOperations(['CreateEngagement']);
  expect(await create('t-2')).toBeInstanceOf(AccessDeniedException);
  endpoint.denyOperations([]);
  expect((await create('t-3')).Id).toMatch(/^eng-/);
  expect(endpoint.engagements.list()).toHaveLength(2);
});

test('an operation name the model does not have is refused: a misspelt one would deny nothing', async () => {
  expect((await startError({ deniedOperations: ['ListEngagement'] }))?.message).toBe('Not operations of Partner Central Selling: ListEngagement');
  local = await startLocalSelling();
  expect(() => local.endpoint.denyOperations(['GetEngagementInvitations'])).toThrow(/GetEngagementInvitations/);
});
