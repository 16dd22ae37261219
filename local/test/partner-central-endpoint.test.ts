// The local endpoint, driven by the real SDK client over HTTP on 127.0.0.1.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ConflictException,
  CreateEngagementInvitationCommand,
  CreateEngagementInvitationCommandInput,
  GetEngagementInvitationCommand,
  ListEngagementInvitationsCommand,
  PartnerCentralSellingClient,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ValidationException,
} from '@aws-sdk/client-partnercentral-selling';
import { canonicalJson } from '../src/canonical-json';
import { wireProperties } from './support/partner-central-fixtures';
import { PartnerCentralEndpoint, startPartnerCentralEndpoint } from '../src/partner-central-endpoint/server';

let endpoint: PartnerCentralEndpoint;
let client: PartnerCentralSellingClient;
let stateDir: string;

function request(token: string, message?: string): CreateEngagementInvitationCommandInput {
  const { ServiceToken, ...wire } = wireProperties(message);
  return { ...(wire as any), ClientToken: token };
}

async function start(options: Parameters<typeof startPartnerCentralEndpoint>[0] = {}) {
  endpoint = await startPartnerCentralEndpoint({ maxRequests: 200, ...options });
  client = new PartnerCentralSellingClient({
    region: 'us-east-1',
    endpoint: endpoint.url,
    credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local' },
    maxAttempts: 4,
  });
}

beforeEach(() => { stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-endpoint-')); });
afterEach(async () => {
  client?.destroy();
  await endpoint?.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

test('creates an invitation with a real-format id and ARN, PENDING for 15 days', async () => {
  await start({ account: '210987654321' });

  const created = await client.send(new CreateEngagementInvitationCommand(request('token-1')));

  expect(created.Id).toMatch(/^engi-[0-9a-z]{13}$/);
  expect(created.Arn).toBe(`arn:aws:partnercentral::210987654321:Sandbox/engagement-invitation/${created.Id}`);
  const got = await client.send(new GetEngagementInvitationCommand({ Catalog: 'Sandbox', Identifier: created.Arn! }));
  expect(got).toMatchObject({ Id: created.Id, Status: 'PENDING', EngagementId: 'eng-abcdefghijklmn', PayloadType: 'OpportunityInvitation' });
  expect(got.ExpirationDate!.getTime() - got.InvitationDate!.getTime()).toBe(15 * 86_400_000);
  expect(endpoint.calls.map((c) => [c.operation, c.clientToken, c.status])).toEqual([
    ['CreateEngagementInvitation', 'token-1', 200],
    ['GetEngagementInvitation', undefined, 200],
  ]);
});

test('the same ClientToken and body replay the invitation; another body is a ConflictException', async () => {
  await start();

  const first = await client.send(new CreateEngagementInvitationCommand(request('token-2')));
  const again = await client.send(new CreateEngagementInvitationCommand(request('token-2')));
  const conflict = client.send(new CreateEngagementInvitationCommand(request('token-2', 'a different message')));

  expect(again).toMatchObject({ Id: first.Id, Arn: first.Arn });
  await expect(conflict).rejects.toBeInstanceOf(ConflictException);
  expect(endpoint.store.list()).toHaveLength(1);
});

test('invalid requests get the service\'s ValidationException with an ErrorList of wire field names', async () => {
  await start();
  const bad = request('token-3') as any;
  bad.Invitation.Payload.OpportunityInvitation.Customer.CountryCode = 'XX';
  bad.Invitation.Payload.OpportunityInvitation.SenderContacts = [];
  delete bad.EngagementIdentifier;

  const error = await client.send(new CreateEngagementInvitationCommand(bad)).catch((e) => e);

  expect(error).toBeInstanceOf(ValidationException);
  expect(error.$metadata.httpStatusCode).toBe(400);
  expect(error.Reason).toBe('REQUEST_VALIDATION_FAILED');
  expect(error.ErrorList.map((e: any) => [e.FieldName, e.Code])).toEqual([
    ['EngagementIdentifier', 'REQUIRED_FIELD_MISSING'],
    ['Invitation.Payload.OpportunityInvitation.SenderContacts', 'NOT_ENOUGH_VALUES'],
    ['Invitation.Payload.OpportunityInvitation.Customer.CountryCode', 'INVALID_ENUM_VALUE'],
  ]);
  expect(endpoint.store.list()).toHaveLength(0);
});

test('a lead invitation of the 2026-08 model (free-text customer fields) is accepted', async () => {
  await start();
  const lead = request('token-lead') as any;
  lead.Invitation.Payload = {
    LeadInvitation: {
      Customer: { CompanyName: 'Example Corp', Industry: 'Space mining', CountryCode: 'Mars' },
      Interaction: { ContactBusinessTitle: 'CTO' },
    },
  };

  const created = await client.send(new CreateEngagementInvitationCommand(lead));
  const got = await client.send(new GetEngagementInvitationCommand({ Catalog: 'Sandbox', Identifier: created.Id! }));

  expect(got.PayloadType).toBe('LeadInvitation');
  expect(got.Payload).toEqual(lead.Invitation.Payload);
});

test('rules the API reference documents beyond the model: ClientToken [!-~]{1,64}, Catalog AWS or Sandbox', async () => {
  await start();
  const spaced = request('token with spaces'); // the model's ^.{1,255}$ accepts it
  const longToken = request('t'.repeat(65));
  const otherCatalog = { ...request('token-8'), Catalog: 'Production' }; // the model's ^[a-zA-Z]+$ accepts it

  const send = (input: CreateEngagementInvitationCommandInput) => client.send(new CreateEngagementInvitationCommand(input)).catch((e) => e);
  const errors = await Promise.all([spaced, longToken, otherCatalog].map(send));

  expect(errors.map((e) => [e.name, e.ErrorList?.map((x: any) => [x.FieldName, x.Code])])).toEqual([
    ['ValidationException', [['ClientToken', 'INVALID_STRING_FORMAT']]],
    ['ValidationException', [['ClientToken', 'INVALID_STRING_FORMAT']]],
    ['ValidationException', [['Catalog', 'INVALID_ENUM_VALUE']]],
  ]);
  expect(endpoint.store.list()).toHaveLength(0);
});

test('GetEngagementInvitation and ListEngagementInvitations inputs are checked against the model too', async () => {
  await start();

  const get = await client.send(new GetEngagementInvitationCommand({ Catalog: 'Sandbox', Identifier: 'engi-TOOSHORT' })).catch((e) => e);
  const list = await client.send(new ListEngagementInvitationsCommand({
    Catalog: 'Sandbox', ParticipantType: 'OBSERVER' as any, MaxResults: 500, Status: [],
  })).catch((e) => e);

  expect(get).toBeInstanceOf(ValidationException);
  expect(get.ErrorList.map((e: any) => [e.FieldName, e.Code])).toEqual([['Identifier', 'INVALID_STRING_FORMAT']]);
  expect(list).toBeInstanceOf(ValidationException);
  expect(list.ErrorList.map((e: any) => [e.FieldName, e.Code])).toEqual([
    ['MaxResults', 'VALUE_OUT_OF_RANGE'],
    ['ParticipantType', 'INVALID_ENUM_VALUE'],
    ['Status', 'NOT_ENOUGH_VALUES'],
  ]);
});

test('the local canonical JSON: keys sorted at every level, list order kept', () => {
  expect(canonicalJson({ b: 1, a: { d: [{ y: 1, x: 2 }, 3], c: null } })).toBe('{"a":{"c":null,"d":[{"x":2,"y":1},3]},"b":1}');
  expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  expect(canonicalJson(undefined)).toBe('undefined');
});

test('an unknown engagement is a ResourceNotFoundException when engagements are configured', async () => {
  await start({ engagements: ['eng-zzzzzzzzzzzzzz'] });

  await expect(client.send(new CreateEngagementInvitationCommand(request('token-4')))).rejects.toBeInstanceOf(ResourceNotFoundException);
});

test('injected faults: throttling and 5xx are retried by the SDK, quota is not, drops are retried', async () => {
  await start();

  // The client makes at most 4 attempts: 3 faults, then the answer.
  endpoint.injectFaults('throttle', 1);
  endpoint.injectFaults('internal', 1);
  endpoint.injectFaults('drop', 1);
  const created = await client.send(new CreateEngagementInvitationCommand(request('token-5')));
  expect(created.Id).toBeDefined();
  expect(endpoint.calls.map((c) => c.status)).toEqual([429, 500, 'dropped', 200]);
  expect(new Set(endpoint.calls.map((c) => c.clientToken))).toEqual(new Set(['token-5']));

  endpoint.injectFaults('quota', 1);
  const error = await client.send(new CreateEngagementInvitationCommand(request('token-6'))).catch((e) => e);
  expect(error).toBeInstanceOf(ServiceQuotaExceededException);
  expect(error.$metadata.httpStatusCode).toBe(402);
}, 30_000);

test('a throttled fraction: the same seed throttles the same calls; every call\'s endpoint time is recorded', async () => {
  const statuses = async (seed: number) => {
    await start();
    endpoint.throttleFraction(0.3, seed);
    const raw = new PartnerCentralSellingClient({ region: 'us-east-1', endpoint: endpoint.url, credentials: { accessKeyId: 'A', secretAccessKey: 'S' }, maxAttempts: 1 });
    for (let i = 0; i < 40; i++) await raw.send(new CreateEngagementInvitationCommand(request(`token-${i}`))).catch(() => undefined);
    raw.destroy();
    await new Promise((resolve) => setImmediate(resolve));
    const result = { statuses: endpoint.calls.map((c) => c.status), timed: endpoint.calls.every((c) => typeof c.durationMs === 'number') };
    await endpoint.close();
    return result;
  };
  const first = await statuses(7);
  const throttled = first.statuses.filter((s) => s === 429).length;
  expect(throttled).toBeGreaterThan(4);
  expect(throttled).toBeLessThan(20);
  expect(first.timed).toBe(true);
  expect((await statuses(7)).statuses).toEqual(first.statuses);
  expect((await statuses(8)).statuses).not.toEqual(first.statuses);
}, 30_000);

test('ListEngagementInvitations (SENDER) filters by engagement and pages', async () => {
  await start();
  for (let i = 0; i < 3; i++) await client.send(new CreateEngagementInvitationCommand(request(`token-list-${i}`)));

  const page1 = await client.send(new ListEngagementInvitationsCommand({ Catalog: 'Sandbox', ParticipantType: 'SENDER', MaxResults: 2 }));
  const page2 = await client.send(new ListEngagementInvitationsCommand({
    Catalog: 'Sandbox', ParticipantType: 'SENDER', MaxResults: 2, NextToken: page1.NextToken,
  }));
  const other = await client.send(new ListEngagementInvitationsCommand({
    Catalog: 'Sandbox', ParticipantType: 'SENDER', EngagementIdentifier: ['eng-zzzzzzzzzzzzzz'],
  }));

  expect(page1.EngagementInvitationSummaries).toHaveLength(2);
  expect(page2.EngagementInvitationSummaries).toHaveLength(1);
  expect(page2.NextToken).toBeUndefined();
  expect(other.EngagementInvitationSummaries).toEqual([]);
});

test('state persists in its JSON file across restarts, idempotency included', async () => {
  const stateFile = path.join(stateDir, 'state.json');
  await start({ stateFile });
  const first = await client.send(new CreateEngagementInvitationCommand(request('token-7')));
  client.destroy();
  await endpoint.close();

  await start({ stateFile });
  const replayed = await client.send(new CreateEngagementInvitationCommand(request('token-7')));

  expect(replayed.Id).toBe(first.Id);
  expect(endpoint.store.list()).toHaveLength(1);
});
