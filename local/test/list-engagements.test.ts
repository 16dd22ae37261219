// ListEngagements of the local endpoint, and the wire form of its engagement reads, driven by the real SDK client over
// HTTP on 127.0.0.1: the filters and pages the model documents, the model's input rules, and answers that fit the
// model's output shapes.
import {
  CreateEngagementCommand,
  CreateEngagementInvitationCommand,
  GetEngagementCommand,
  ListEngagementsCommand,
  ListEngagementsCommandInput,
  paginateListEngagements,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-partnercentral-selling';
import { CUSTOMER_PROJECT, leadEngagement, LocalSelling, opportunityInvitation, rawCall, startError, startLocalSelling } from './support/partner-central-fixtures';
import { validateOperationOutput } from '../src/partner-central-endpoint/model-validator';
import { operationClass } from '../src/partner-central-endpoint/quotas';
import { EndpointOptions } from '../src/partner-central-endpoint/server';

const ACCOUNT = '210987654321';
const OTHER = '999988887777';
let local: LocalSelling;

/** A Lead context payload as the wire carries it (InteractionDate an RFC 3339 string). */
const LEAD = {
  Lead: {
    Customer: { CompanyName: 'Acme', Industry: 'Software and Internet', AwsMaturity: 'Early' },
    Interactions: [{
      SourceType: 'Event',
      SourceId: 'evt-1',
      SourceName: 'Summit',
      CustomerAction: 'Asked for a demo',
      InteractionDate: '2026-11-01T09:30:00Z',
      Contact: { BusinessTitle: 'CTO', Email: 'cto@acme.example', FirstName: 'Ada', LastName: 'Lovelace' },
    }],
  },
};

afterEach(async () => { await local?.close(); });

async function start(options: EndpointOptions = {}): Promise<LocalSelling> {
  local = await startLocalSelling({ account: ACCOUNT, ...options });
  return local;
}

/** Lead (by the account), Project (by the account), Both (by another account), Bare (no context); one in AWS. */
async function fourEngagements() {
  const { client, endpoint } = local;
  const lead = await client.send(new CreateEngagementCommand(leadEngagement('t-lead', 'Lead')));
  const project = await client.send(new CreateEngagementCommand({
    Catalog: 'Sandbox', ClientToken: 't-project', Title: 'Project', Contexts: [{ Type: 'CustomerProject', Payload: CUSTOMER_PROJECT }],
  }));
  const both = endpoint.engagements.create({ Catalog: 'Sandbox', Title: 'Both' }, [
    { Id: '1', Type: 'Lead', Payload: LEAD }, { Id: '2', Type: 'CustomerProject', Payload: CUSTOMER_PROJECT }, { Id: '3', Type: 'Lead', Payload: LEAD },
  ], OTHER);
  const bare = await client.send(new CreateEngagementCommand({ Catalog: 'Sandbox', ClientToken: 't-bare', Title: 'Bare' }));
  await client.send(new CreateEngagementCommand({ Catalog: 'AWS', ClientToken: 't-aws', Title: 'Elsewhere' }));
  return { lead, project, both, bare };
}

async function titles(input: Omit<ListEngagementsCommandInput, 'Catalog'>): Promise<string[]> {
  const answer = await local.client.send(new ListEngagementsCommand({ Catalog: 'Sandbox', ...input }));
  return answer.EngagementSummaryList!.map((e) => e.Title!);
}

test('lists the catalog\'s engagements as EngagementSummary; those created through the endpoint are by its account', async () => {
  await start();
  const { lead, both } = await fourEngagements();

  const answer = await local.client.send(new ListEngagementsCommand({ Catalog: 'Sandbox' }));

  expect(answer.EngagementSummaryList!.map((e) => [e.Title, e.CreatedBy, e.MemberCount, e.ContextTypes])).toEqual([
    ['Lead', ACCOUNT, 1, ['Lead']],
    ['Project', ACCOUNT, 1, ['CustomerProject']],
    ['Both', OTHER, 2, ['Lead', 'CustomerProject']],
    ['Bare', ACCOUNT, 1, []],
  ]);
  expect(answer.NextToken).toBeUndefined();
  const got = await local.client.send(new GetEngagementCommand({ Catalog: 'Sandbox', Identifier: lead.Id! }));
  expect(answer.EngagementSummaryList![0]).toEqual({
    Arn: lead.Arn,
    Id: lead.Id,
    Title: 'Lead',
    CreatedAt: got.CreatedAt,
    CreatedBy: ACCOUNT,
    MemberCount: 1,
    ModifiedAt: lead.ModifiedAt,
    ModifiedBy: ACCOUNT,
    ContextTypes: ['Lead'],
  });
  expect(answer.EngagementSummaryList![2]).toMatchObject({ Id: both.Id, Arn: both.Arn, ModifiedBy: OTHER });
  const inAws = await local.client.send(new ListEngagementsCommand({ Catalog: 'AWS' }));
  expect(inAws.EngagementSummaryList!.map((e) => e.Title)).toEqual(['Elsewhere']);
});

test('CreatedBy keeps, ExcludeCreatedBy drops the engagements of the accounts given', async () => {
  await start();
  await fourEngagements();

  expect(await titles({ CreatedBy: [ACCOUNT] })).toEqual(['Lead', 'Project', 'Bare']);
  expect(await titles({ CreatedBy: [OTHER, '123456789012'] })).toEqual(['Both']);
  expect(await titles({ ExcludeCreatedBy: [ACCOUNT] })).toEqual(['Both']);
  expect(await titles({ CreatedBy: [OTHER], ExcludeCreatedBy: [OTHER] })).toEqual([]);
});

test('ContextTypes and ExcludeContextTypes: any of the types by default, all of them with contextTypesMatch all', async () => {
  await start();
  await fourEngagements();

  expect(await titles({ ContextTypes: ['Lead'] })).toEqual(['Lead', 'Both']);
  expect(await titles({ ContextTypes: ['Lead', 'CustomerProject'] })).toEqual(['Lead', 'Project', 'Both']);
  expect(await titles({ ExcludeContextTypes: ['Lead'] })).toEqual(['Project', 'Bare']);
  expect(await titles({ ContextTypes: [], ExcludeContextTypes: [] })).toEqual(['Lead', 'Project', 'Both', 'Bare']);
  await local.close();

  await start({ contextTypesMatch: 'all' });
  await fourEngagements();
  expect(await titles({ ContextTypes: ['Lead', 'CustomerProject'] })).toEqual(['Both']);
  expect(await titles({ ExcludeContextTypes: ['Lead', 'CustomerProject'] })).toEqual(['Lead', 'Project', 'Bare']);
  expect((await startError({ contextTypesMatch: 'every' as any }))?.message).toMatch(/contextTypesMatch must be any or all/);
});

test('EngagementIdentifier takes ids and ARNs; Sort DESCENDING by CreatedDate reverses the order', async () => {
  await start();
  const { lead, both } = await fourEngagements();

  expect(await titles({ EngagementIdentifier: [both.Arn, lead.Id!] })).toEqual(['Lead', 'Both']);
  expect(await titles({ EngagementIdentifier: ['eng-00000000000000'] })).toEqual([]);
  expect(await titles({ Sort: { SortBy: 'CreatedDate', SortOrder: 'DESCENDING' } })).toEqual(['Bare', 'Both', 'Project', 'Lead']);
  expect(await titles({ Sort: { SortBy: 'CreatedDate', SortOrder: 'ASCENDING' } })).toEqual(['Lead', 'Project', 'Both', 'Bare']);
});

test('pages: 20 by default (the model\'s default MaxResults), MaxResults otherwise, NextToken until the last page', async () => {
  await start();
  for (let i = 0; i < 25; i++) local.endpoint.engagements.create({ Catalog: 'Sandbox', Title: `E${i}` }, []);

  const first = await local.client.send(new ListEngagementsCommand({ Catalog: 'Sandbox' }));
  expect(first.EngagementSummaryList).toHaveLength(20);
  expect(typeof first.NextToken).toBe('string');

  const pages: string[][] = [];
  for await (const p of paginateListEngagements({ client: local.client }, { Catalog: 'Sandbox', MaxResults: 7 })) {
    pages.push(p.EngagementSummaryList!.map((e) => e.Title!));
    // An engagement created while paging is on a later page, and no page repeats or skips one.
    if (pages.length === 1) local.endpoint.engagements.create({ Catalog: 'Sandbox', Title: 'Late' }, []);
  }
  expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 5]);
  expect(pages.flat()).toEqual([...Array.from({ length: 25 }, (_, i) => `E${i}`), 'Late']);

  const exact = await local.client.send(new ListEngagementsCommand({ Catalog: 'Sandbox', MaxResults: 26 }));
  expect(exact.EngagementSummaryList).toHaveLength(26);
  expect(exact.NextToken).toBeUndefined();
});

test('a NextToken the listing did not hand out is a ValidationException on NextToken', async () => {
  await start();
  const { lead } = await fourEngagements();
  const page1 = await local.client.send(new ListEngagementsCommand({ Catalog: 'Sandbox', MaxResults: 1 }));
  expect(page1.EngagementSummaryList![0].Id).toBe(lead.Id);

  const forged = await local.client.send(new ListEngagementsCommand({ Catalog: 'Sandbox', NextToken: 'not-a-token' })).catch((e) => e);
  const otherFilters = await local.client.send(new ListEngagementsCommand({
    Catalog: 'Sandbox', ExcludeContextTypes: ['Lead'], NextToken: page1.NextToken,
  })).catch((e) => e);
  const sameFilters = await local.client.send(new ListEngagementsCommand({ Catalog: 'Sandbox', MaxResults: 1, NextToken: page1.NextToken }));

  for (const error of [forged, otherFilters]) {
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.ErrorList.map((e: any) => [e.FieldName, e.Code])).toEqual([['NextToken', 'INVALID_VALUE']]);
  }
  expect(sameFilters.EngagementSummaryList!.map((e) => e.Title)).toEqual(['Project']);
});

test('the input is checked against the model: MaxResults 1 to 100, list lengths, enums, the Sort structure', async () => {
  await start();
  const refusal = async (input: any) => {
    const error = await local.client.send(new ListEngagementsCommand({ Catalog: 'Sandbox', ...input })).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.$metadata.httpStatusCode).toBe(400);
    return error.ErrorList.map((e: any) => [e.FieldName, e.Code]);
  };

  expect(await refusal({ MaxResults: 0 })).toEqual([['MaxResults', 'VALUE_OUT_OF_RANGE']]);
  expect(await refusal({ MaxResults: 101 })).toEqual([['MaxResults', 'VALUE_OUT_OF_RANGE']]);
  expect(await refusal({ CreatedBy: [] })).toEqual([['CreatedBy', 'NOT_ENOUGH_VALUES']]);
  expect(await refusal({ ExcludeCreatedBy: Array.from({ length: 11 }, (_, i) => `1000000000${10 + i}`) }))
    .toEqual([['ExcludeCreatedBy', 'TOO_MANY_VALUES']]);
  expect(await refusal({ ContextTypes: ['Document'] })).toEqual([['ContextTypes[0]', 'INVALID_ENUM_VALUE']]);
  expect(await refusal({ Sort: { SortOrder: 'ASCENDING' } })).toEqual([['Sort.SortBy', 'REQUIRED_FIELD_MISSING']]);
  expect(await refusal({ EngagementIdentifier: ['eng-TOOSHORT'] })).toEqual([['EngagementIdentifier[0]', 'INVALID_STRING_FORMAT']]);
  expect(await refusal({ Catalog: 'Production' })).toEqual([['Catalog', 'INVALID_ENUM_VALUE']]);
  expect((await local.client.send(new ListEngagementsCommand({ Catalog: 'Sandbox', MaxResults: 100 }))).EngagementSummaryList).toEqual([]);
});

test('listLagMs: a new engagement is missing from ListEngagements until the lag has passed; GetEngagement finds it', async () => {
  await start({ listLagMs: 60_000 });
  const created = await local.client.send(new CreateEngagementCommand(leadEngagement('t-lag', 'Lagging')));

  expect(await titles({})).toEqual([]);
  await expect(local.client.send(new GetEngagementCommand({ Catalog: 'Sandbox', Identifier: created.Id! }))).resolves.toMatchObject({ Id: created.Id });
  local.endpoint.setListLag(0);
  expect(await titles({})).toEqual(['Lagging']);
  expect(() => local.endpoint.setListLag(-1)).toThrow(/listLagMs/);
});

test('wire answers fit the model\'s output shapes, timestamps as RFC 3339 date-time strings (DateTime)', async () => {
  await start();
  const { lead, both } = await fourEngagements();

  const list = await rawCall(local.endpoint.url, 'ListEngagements', { Catalog: 'Sandbox' });
  const get = await rawCall(local.endpoint.url, 'GetEngagement', { Catalog: 'Sandbox', Identifier: lead.Id });
  const seeded = await rawCall(local.endpoint.url, 'GetEngagement', { Catalog: 'Sandbox', Identifier: both.Id });

  expect([list.status, get.status, seeded.status]).toEqual([200, 200, 200]);
  expect(validateOperationOutput('ListEngagements', list.body)).toEqual([]);
  expect(validateOperationOutput('GetEngagement', get.body)).toEqual([]);
  expect(validateOperationOutput('GetEngagement', seeded.body)).toEqual([]);
  expect(get.body.CreatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  expect(get.body.Contexts[0].Payload.Lead.Interactions[0].InteractionDate).toBe('2026-11-01T09:30:00Z');
  // The check itself refuses an answer in another form: epoch seconds where the model says date-time.
  const epoch = { ...list.body, EngagementSummaryList: [{ ...list.body.EngagementSummaryList[0], CreatedAt: 1_793_525_400 }] };
  expect(validateOperationOutput('ListEngagements', epoch).map((v) => [v.fieldName, v.code]))
    .toEqual([['EngagementSummaryList[0].CreatedAt', 'INVALID_VALUE']]);
});

test('InteractionDate comes back as the instant sent: a Date with milliseconds, or a date-time with an offset', async () => {
  await start();
  const sent = new Date('2026-11-01T09:30:00.250Z');
  const viaSdk = await local.client.send(new CreateEngagementCommand(leadEngagement('t-ms', 'Millis', sent)));
  const raw: any = leadEngagement('t-offset', 'Offset');
  raw.Contexts[0].Payload.Lead.Interactions[0].InteractionDate = '2026-11-01T11:30:00+02:00';
  const viaWire = await rawCall(local.endpoint.url, 'CreateEngagement', raw);
  expect(viaWire.status).toBe(200);

  const interactionDate = async (id: string) => {
    const got = await local.client.send(new GetEngagementCommand({ Catalog: 'Sandbox', Identifier: id }));
    return got.Contexts![0].Payload!.Lead!.Interactions![0].InteractionDate!;
  };
  expect((await interactionDate(viaSdk.Id!)).getTime()).toBe(sent.getTime());
  expect((await interactionDate(viaWire.body.Id)).toISOString()).toBe('2026-11-01T09:30:00.000Z');
});

test('ListEngagements is a read for the request quotas: 10 per second, then ThrottlingException', async () => {
  expect(operationClass('ListEngagements')).toBe('read');
  await start({ quotas: { now: () => 0 } }); // a stopped clock: no token comes back during the test

  const results = [];
  for (let i = 0; i < 12; i++) results.push(await local.client.send(new ListEngagementsCommand({ Catalog: 'Sandbox' })).catch((e) => e));

  expect(results.slice(0, 10).every((r) => Array.isArray(r.EngagementSummaryList))).toBe(true);
  expect(results.slice(10).every((r) => r instanceof ThrottlingException)).toBe(true);
  expect(local.endpoint.calls.slice(10).map((c) => [c.operation, c.status, c.throttledBy])).toEqual([
    ['ListEngagements', 429, 'quota'], ['ListEngagements', 429, 'quota'],
  ]);
  // Writes have their own bucket: a CreateEngagementInvitation is still admitted.
  await expect(local.client.send(new CreateEngagementInvitationCommand(opportunityInvitation('t-w')))).resolves.toHaveProperty('Id');
});
