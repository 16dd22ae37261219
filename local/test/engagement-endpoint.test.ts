// The local endpoint's engagement operations, driven by the real SDK client over HTTP on 127.0.0.1.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ConflictException,
  CreateEngagementCommand,
  CreateEngagementCommandInput,
  CreateEngagementContextCommand,
  CreateEngagementInvitationCommand,
  CreateEngagementInvitationCommandInput,
  GetEngagementCommand,
  PartnerCentralSellingClient,
  ResourceNotFoundException,
  UpdateEngagementContextCommand,
  ValidationException,
} from '@aws-sdk/client-partnercentral-selling';
import { wireProperties, leadEngagement } from './support/partner-central-fixtures';
import { EndpointOptions, PartnerCentralEndpoint, startPartnerCentralEndpoint } from '../src/partner-central-endpoint/server';

let endpoint: PartnerCentralEndpoint;
let client: PartnerCentralSellingClient;
let stateDir: string;

const INTERACTION_DATE = new Date('2026-11-01T09:30:00Z');

/** A CreateEngagement request written from the model: a Lead context whose interaction date is a timestamp. */
function engagementRequest(token: string, title = 'Acme migration'): CreateEngagementCommandInput {
  return leadEngagement(token, title, INTERACTION_DATE);
}

const customerProject = {
  CustomerProject: {
    Customer: { Industry: 'Retail', CompanyName: 'Acme', WebsiteUrl: 'https://acme.example', CountryCode: 'US' },
    Project: { Title: 'Data platform', BusinessProblem: 'The warehouse does not scale with the season.', TargetCompletionDate: '2027-03-31' },
  },
} as const;

async function start(options: EndpointOptions = {}) {
  endpoint = await startPartnerCentralEndpoint({ maxRequests: 200, stateFile: path.join(stateDir, 'state.json'), ...options });
  client = new PartnerCentralSellingClient({
    region: 'us-east-1',
    endpoint: endpoint.url,
    credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

/** A request the SDK would never send: its own body, straight onto the wire. */
async function rawRequest(operation: string, body: object): Promise<{ status: number; body: any }> {
  const response = await fetch(endpoint.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AWSPartnerCentralSelling.${operation}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

beforeEach(() => { stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-engagement-')); });
afterEach(async () => {
  client?.destroy();
  await endpoint?.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

test('CreateEngagement makes a real-format id and ARN; GetEngagement returns it with the Lead context and its date', async () => {
  await start({ account: '210987654321' });

  const created = await client.send(new CreateEngagementCommand(engagementRequest('eng-token-1')));
  const got = await client.send(new GetEngagementCommand({ Catalog: 'Sandbox', Identifier: created.Arn! }));

  expect(created.Id).toMatch(/^eng-[0-9a-z]{14}$/);
  expect(created.Arn).toBe(`arn:aws:partnercentral:us-east-1::catalog/Sandbox/engagement/${created.Id}`);
  expect(created.ModifiedAt).toBeInstanceOf(Date);
  expect(got).toMatchObject({
    Id: created.Id,
    Arn: created.Arn,
    Title: 'Acme migration',
    CreatedBy: '210987654321',
    ModifiedBy: '210987654321',
    MemberCount: 1,
    ModifiedAt: created.ModifiedAt,
    CreatedAt: created.ModifiedAt,
  });
  expect(got.Contexts).toHaveLength(1);
  expect(got.Contexts![0].Id).toBe('1');
  expect(got.Contexts![0].Payload!.Lead!.Interactions![0].InteractionDate).toEqual(INTERACTION_DATE);
  // The SDK wrote the Date as an RFC 3339 string, which is what the endpoint stored.
  const state = JSON.parse(fs.readFileSync(path.join(stateDir, 'state.json'), 'utf8'));
  expect(state.engagements.engagements[0].Contexts[0].Payload.Lead.Interactions[0].InteractionDate).toBe('2026-11-01T09:30:00Z');
});

test('the same ClientToken and body replay the engagement; another body is a ConflictException', async () => {
  await start();

  const first = await client.send(new CreateEngagementCommand(engagementRequest('eng-token-2')));
  const again = await client.send(new CreateEngagementCommand(engagementRequest('eng-token-2')));
  const other = await client.send(new CreateEngagementCommand(engagementRequest('eng-token-2', 'Another title'))).catch((e) => e);

  expect(again).toMatchObject({ Id: first.Id, Arn: first.Arn, ModifiedAt: first.ModifiedAt });
  expect(other).toBeInstanceOf(ConflictException);
  expect(other.message).toBe('Conflicting client token submitted for a new request body.');
  const third = await client.send(new CreateEngagementCommand(engagementRequest('eng-token-3')));
  expect(third.Id).not.toBe(first.Id);
});

test.each([
  ['a date-only string', '2026-11-01'],
  ['epoch seconds', 1_793_525_400],
])('an InteractionDate as %s on the wire is a ValidationException (date-time is RFC 3339)', async (_, value) => {
  await start();
  const body: any = engagementRequest('eng-token-raw');
  body.Contexts[0].Payload.Lead.Interactions[0].InteractionDate = value;

  const answer = await rawRequest('CreateEngagement', body);

  expect(answer.status).toBe(400);
  expect(answer.body.__type).toBe('ValidationException');
  expect(answer.body.ErrorList.map((e: any) => [e.FieldName, e.Code])).toEqual([
    ['Contexts[0].Payload.Lead.Interactions[0].InteractionDate', 'INVALID_VALUE'],
  ]);
  // The same body with an RFC 3339 date-time is accepted: only the value's form was wrong.
  body.Contexts[0].Payload.Lead.Interactions[0].InteractionDate = '2026-11-01T09:30:00Z';
  expect((await rawRequest('CreateEngagement', body)).status).toBe(200);
});

test('GetEngagement of an unknown engagement, or in another catalog, is a ResourceNotFoundException (404)', async () => {
  await start();
  const created = await client.send(new CreateEngagementCommand(engagementRequest('eng-token-4')));

  const unknown = await client.send(new GetEngagementCommand({ Catalog: 'Sandbox', Identifier: 'eng-00000000000000' })).catch((e) => e);
  const otherCatalog = await client.send(new GetEngagementCommand({ Catalog: 'AWS', Identifier: created.Id! })).catch((e) => e);

  expect(unknown).toBeInstanceOf(ResourceNotFoundException);
  expect(unknown.$metadata.httpStatusCode).toBe(404);
  expect(otherCatalog).toBeInstanceOf(ResourceNotFoundException);
});

test('CreateEngagementContext adds a context; UpdateEngagementContext needs the current ModifiedAt', async () => {
  await start();
  const created = await client.send(new CreateEngagementCommand(engagementRequest('eng-token-5')));

  const added = await client.send(new CreateEngagementContextCommand({
    Catalog: 'Sandbox', EngagementIdentifier: created.Id!, ClientToken: 'ctx-token-1', Type: 'CustomerProject', Payload: customerProject,
  }));
  const replayed = await client.send(new CreateEngagementContextCommand({
    Catalog: 'Sandbox', EngagementIdentifier: created.Id!, ClientToken: 'ctx-token-1', Type: 'CustomerProject', Payload: customerProject,
  }));
  expect(added).toMatchObject({ EngagementId: created.Id, EngagementArn: created.Arn, ContextId: '2' });
  expect(added.EngagementLastModifiedAt!.getTime()).toBeGreaterThan(created.ModifiedAt!.getTime());
  expect(replayed).toMatchObject({ ContextId: '2', EngagementLastModifiedAt: added.EngagementLastModifiedAt });

  const update = (at: Date) => client.send(new UpdateEngagementContextCommand({
    Catalog: 'Sandbox',
    EngagementIdentifier: created.Arn!,
    ContextIdentifier: '2',
    EngagementLastModifiedAt: at,
    Type: 'CustomerProject',
    Payload: { CustomerProject: { ...customerProject.CustomerProject, Project: { ...customerProject.CustomerProject.Project, Title: 'Data platform v2' } } },
  }));
  const stale = await update(created.ModifiedAt!).catch((e) => e);
  expect(stale).toBeInstanceOf(ConflictException);
  expect(stale.$metadata.httpStatusCode).toBe(409);

  const updated = await update(added.EngagementLastModifiedAt!);
  expect(updated).toMatchObject({ EngagementId: created.Id, ContextId: '2' });
  expect(updated.EngagementLastModifiedAt!.getTime()).toBeGreaterThan(added.EngagementLastModifiedAt!.getTime());
  // The timestamp just used is stale now.
  await expect(update(added.EngagementLastModifiedAt!)).rejects.toBeInstanceOf(ConflictException);

  const got = await client.send(new GetEngagementCommand({ Catalog: 'Sandbox', Identifier: created.Id! }));
  expect(got.ModifiedAt).toEqual(updated.EngagementLastModifiedAt);
  expect(got.Contexts!.map((c) => [c.Id, c.Type, c.Payload?.CustomerProject?.Project?.Title])).toEqual([
    ['1', 'Lead', undefined],
    ['2', 'CustomerProject', 'Data platform v2'],
  ]);
});

test('UpdateEngagementContext of a missing context is a ResourceNotFoundException', async () => {
  await start();
  const created = await client.send(new CreateEngagementCommand(engagementRequest('eng-token-6')));

  const missing = await client.send(new UpdateEngagementContextCommand({
    Catalog: 'Sandbox',
    EngagementIdentifier: created.Id!,
    ContextIdentifier: '9',
    EngagementLastModifiedAt: created.ModifiedAt!,
    Type: 'CustomerProject',
    Payload: customerProject,
  })).catch((e) => e);

  expect(missing).toBeInstanceOf(ResourceNotFoundException);
});

describe('CreateEngagementInvitation and the engagements the endpoint knows', () => {
  function invitation(token: string, engagementId: string): CreateEngagementInvitationCommandInput {
    const { ServiceToken, ...wire } = wireProperties();
    return { ...(wire as any), ClientToken: token, EngagementIdentifier: engagementId };
  }

  test('strictEngagements: an unknown engagement is a ResourceNotFoundException, a created one is invited to', async () => {
    await start({ strictEngagements: true });
    const created = await client.send(new CreateEngagementCommand(engagementRequest('eng-token-7')));

    const unknown = await client.send(new CreateEngagementInvitationCommand(invitation('inv-1', 'eng-abcdefghijklmn'))).catch((e) => e);
    const invited = await client.send(new CreateEngagementInvitationCommand(invitation('inv-2', created.Id!)));

    expect(unknown).toBeInstanceOf(ResourceNotFoundException);
    expect(unknown.$metadata.httpStatusCode).toBe(404);
    expect(invited.Id).toMatch(/^engi-[0-9a-z]{13}$/);
    expect(endpoint.store.list().map((i) => i.EngagementId)).toEqual([created.Id]);
  });

  test('strictEngagements: an engagement of another catalog does not exist; a listed one does', async () => {
    await start({ strictEngagements: true, engagements: ['eng-listedlisted01'] });
    const inAws = await client.send(new CreateEngagementCommand({ ...engagementRequest('eng-token-8'), Catalog: 'AWS' }));

    const otherCatalog = await client.send(new CreateEngagementInvitationCommand(invitation('inv-3', inAws.Id!))).catch((e) => e);
    const listed = await client.send(new CreateEngagementInvitationCommand(invitation('inv-4', 'eng-listedlisted01')));

    expect(otherCatalog).toBeInstanceOf(ResourceNotFoundException);
    expect(listed.Id).toMatch(/^engi-/);
  });

  test('without the option every well-formed engagement id is accepted, as before', async () => {
    await start();

    const invited = await client.send(new CreateEngagementInvitationCommand(invitation('inv-5', 'eng-abcdefghijklmn')));

    expect(invited.Id).toMatch(/^engi-/);
  });
});

test('engagements persist in the state file next to invitations; a state file without engagements still loads', async () => {
  fs.writeFileSync(path.join(stateDir, 'state.json'), JSON.stringify({ invitations: [], tokens: {} }));
  await start();
  const created = await client.send(new CreateEngagementCommand(engagementRequest('eng-token-9')));
  client.destroy();
  await endpoint.close();

  await start();
  const got = await client.send(new GetEngagementCommand({ Catalog: 'Sandbox', Identifier: created.Id! }));
  const replayed = await client.send(new CreateEngagementCommand(engagementRequest('eng-token-9')));

  expect(got.Id).toBe(created.Id);
  expect(replayed.Id).toBe(created.Id);
});

test('CreateEngagement requests go through the CreateEngagement quota, not the write quota', async () => {
  await start({ quotas: { invitationRate: 1, invitationBurst: 1 } });

  const results = await Promise.all([1, 2, 3].map((n) => client.send(new CreateEngagementCommand(engagementRequest(`eng-q-${n}`))).catch((e) => e)));

  expect(results.every((r) => typeof r.Id === 'string')).toBe(true);
  expect(endpoint.calls.filter((c) => c.status === 429)).toEqual([]);
});

test('a context payload other than its Type is a ValidationException', async () => {
  await start();
  const request: any = engagementRequest('eng-token-10');
  request.Contexts[0].Type = 'CustomerProject';

  const error = await client.send(new CreateEngagementCommand(request)).catch((e) => e);

  expect(error).toBeInstanceOf(ValidationException);
  expect(error.ErrorList.map((e: any) => [e.FieldName, e.Code])).toEqual([['Contexts[0].Payload', 'INVALID_VALUE']]);
});
