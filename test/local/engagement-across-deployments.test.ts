// Exactly once across deployments, for engagements and their contexts: the bundled handler of the example app, run as
// Lambda runs it, against the local Partner Central (what it holds is what the tests assert) and a local
// DescribeStacks. CreateEngagementContext's token is per event and UpdateEngagementContext has none, so only what
// the engagement already holds can stop a second copy.
import { randomUUID } from 'node:crypto';
import { CloudFormationEndpoint, startCloudFormationEndpoint, customResourceEvent, CustomResourceRequest, invokeLocalFunction, CustomResourceResponse } from 'cdk-engagement-invitation-local';
import { EXAMPLE_STACK_ID, useExampleHandler } from '../support/local-lifecycle';

const ENGAGEMENT_TYPE = 'Custom::PartnerCentralEngagement';
const SECOND_STACK_ID = 'arn:aws:cloudformation:us-east-1:123456789012:stack/InvitationStack/0c9d8e7f-0000-11f1-9000-0a1b2c3d4e5f';
const fixture = useExampleHandler();
let cloudFormation: CloudFormationEndpoint;

const customerProject = (title = 'Data platform migration') => ({
  Id: 'cp',
  Type: 'CustomerProject',
  Payload: {
    CustomerProject: {
      Customer: { CompanyName: 'Acme Corporation', CountryCode: 'US', Industry: 'Software and Internet', WebsiteUrl: 'https://acme.example.com' },
      Project: { Title: title, BusinessProblem: 'Acme wants to move its analytics to AWS.', TargetCompletionDate: '2027-06-30' },
    },
  },
});
const interaction = (date: string) => ({
  SourceType: 'Event', InteractionDate: date, Contact: { BusinessTitle: 'CTO', Email: 'cto@acme.example', FirstName: 'Ada', LastName: 'Lee' },
});
const lead = (...dates: string[]) => ({
  Id: 'ld',
  Type: 'Lead',
  Payload: { Lead: { Customer: { CompanyName: 'Acme Corporation' }, Interactions: dates.map(interaction) } },
});
const properties = (contexts: unknown[] = [customerProject()], overrides: Record<string, unknown> = {}) => ({
  ServiceToken: fixture.handler.functionArn,
  Catalog: 'Sandbox',
  Title: 'Acme co-sell',
  Description: 'Acme data platform migration',
  Contexts: contexts,
  ...overrides,
});

beforeEach(async () => {
  cloudFormation = await startCloudFormationEndpoint(100);
  stackIs('CREATE_IN_PROGRESS');
});
afterEach(async () => cloudFormation.close());

function stackIs(status: string, stackId = EXAMPLE_STACK_ID) {
  cloudFormation.setStackStatus(stackId, 'InvitationStack', status);
}

/** One event for an engagement, delivered `times` times with the same RequestId. */
async function deliver(request: Partial<CustomResourceRequest> & Pick<CustomResourceRequest, 'requestType'>, times = 1, timeoutSeconds?: number) {
  const { key, url } = fixture.account.receiver.newResponseUrl();
  const requestId = randomUUID();
  const body = customResourceEvent({
    stackId: EXAMPLE_STACK_ID, logicalId: 'Engagement', resourceType: ENGAGEMENT_TYPE, properties: properties(), ...request,
  }, requestId, url);
  const fn = timeoutSeconds ? { ...fixture.handler, timeoutSeconds } : fixture.handler;
  let logs = '';
  for (let i = 0; i < times; i++) {
    const environment = { ...fixture.account.functionEnvironment, AWS_ENDPOINT_URL_CLOUDFORMATION: cloudFormation.url };
    logs = (await invokeLocalFunction(fn, body, requestId, environment)).logs;
  }
  const response = fixture.account.receiver.received(key).at(-1)!.response as CustomResourceResponse;
  return { requestId, response, log: JSON.parse(logs.trim().split('\n').at(-1)!) };
}

const engagements = () => Object.values(fixture.account.endpoint.store.engagementState().engagements);
const contexts = () => engagements()[0].Contexts;
const interactionsHeld = () => contexts().find((c: any) => c.Id === 'ld')!.Payload.Lead.Interactions;
const writes = (operation: string) => fixture.account.endpoint.calls.filter((c) => c.operation === operation && c.status === 200);

/** Creates the engagement with `contexts` and moves the stack to UPDATE_IN_PROGRESS; returns its physical id. */
async function created(contextList: unknown[] = [customerProject()]): Promise<string> {
  const { response } = await deliver({ requestType: 'Create', properties: properties(contextList) });
  expect(response.Status).toBe('SUCCESS');
  stackIs('UPDATE_IN_PROGRESS');
  return response.PhysicalResourceId!;
}

test('the stack\'s first creation opened the engagement then failed; the stack is created again: the engagement is adopted', async () => {
  const { response: first } = await deliver({ requestType: 'Create' });
  stackIs('ROLLBACK_COMPLETE');
  // The CDK CLI deletes a ROLLBACK_COMPLETE stack and creates it anew: another stack id, new RequestIds.
  stackIs('CREATE_IN_PROGRESS', SECOND_STACK_ID);

  const { response, log } = await deliver({ requestType: 'Create', stackId: SECOND_STACK_ID });

  expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: first.PhysicalResourceId, Data: first.Data });
  expect(log).toMatchObject({ apiCalls: 0, adopted: true });
  expect(engagements()).toHaveLength(1);
  expect(writes('CreateEngagement')).toHaveLength(1);
});

test('an engagement that differs (another description) is not adopted', async () => {
  await deliver({ requestType: 'Create' });

  await deliver({ requestType: 'Create', properties: properties([customerProject()], { Description: 'Another migration' }) });

  expect(engagements()).toHaveLength(2);
});

test('an Update added a context, the deployment rolled back (the context stays), the redeploy: the context is not added again', async () => {
  const physicalId = await created();
  const before = properties();
  const after = properties([customerProject(), lead('2026-11-01T10:00:00Z')]);
  await deliver({ requestType: 'Update', physicalId, oldProperties: before, properties: after });
  stackIs('UPDATE_ROLLBACK_IN_PROGRESS');
  await deliver({ requestType: 'Update', physicalId, oldProperties: after, properties: before });
  expect(contexts()).toHaveLength(2); // no API removes a context
  stackIs('UPDATE_IN_PROGRESS');

  const { response, log } = await deliver({ requestType: 'Update', physicalId, oldProperties: before, properties: after });

  expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: physicalId });
  expect(log).toMatchObject({ apiCalls: 0, adopted: true });
  expect(contexts()).toHaveLength(2);
  expect(writes('CreateEngagementContext')).toHaveLength(1);
});

test('an Update that appends a lead interaction, delivered twice by Lambda: the interaction is appended once', async () => {
  const physicalId = await created([customerProject(), lead('2026-11-01T10:00:00Z')]);
  const before = properties([customerProject(), lead('2026-11-01T10:00:00Z')]);
  const after = properties([customerProject(), lead('2026-11-01T10:00:00Z', '2026-11-20T15:30:00Z')]);

  const { response } = await deliver({ requestType: 'Update', physicalId, oldProperties: before, properties: after }, 2);

  expect(response.Status).toBe('SUCCESS');
  expect(interactionsHeld()).toHaveLength(2);
  expect(writes('UpdateEngagementContext')).toHaveLength(1);
});

test('the same interaction appended, rolled back, and deployed again: still appended once', async () => {
  const physicalId = await created([customerProject(), lead('2026-11-01T10:00:00Z')]);
  const before = properties([customerProject(), lead('2026-11-01T10:00:00Z')]);
  const after = properties([customerProject(), lead('2026-11-01T10:00:00Z', '2026-11-20T15:30:00Z')]);
  await deliver({ requestType: 'Update', physicalId, oldProperties: before, properties: after });
  stackIs('UPDATE_ROLLBACK_IN_PROGRESS');
  await deliver({ requestType: 'Update', physicalId, oldProperties: after, properties: before });
  stackIs('UPDATE_IN_PROGRESS');

  await deliver({ requestType: 'Update', physicalId, oldProperties: before, properties: after });

  expect(interactionsHeld()).toHaveLength(2);
});

describe('a rollback never fails because of Partner Central', () => {
  const changed = () => properties([customerProject('Data platform migration, phase 2')]);

  test('the context cannot be restored (denied): SUCCESS, the context named in the log, left as the service holds it', async () => {
    const physicalId = await created();
    await deliver({ requestType: 'Update', physicalId, oldProperties: properties(), properties: changed() });
    stackIs('UPDATE_ROLLBACK_IN_PROGRESS');
    fixture.account.endpoint.denyOperations(['UpdateEngagementContext']);

    const { response, log } = await deliver({ requestType: 'Update', physicalId, oldProperties: changed(), properties: properties() });

    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: physicalId });
    expect(log).toMatchObject({ outcome: 'SUCCESS', contextsLeftAsHeld: ['cp'], errorName: 'AccessDeniedException' });
    expect((contexts()[0].Payload as any).CustomerProject.Project.Title).toBe('Data platform migration, phase 2');

    // The next forward deploy of the restored template converges on it.
    fixture.account.endpoint.denyOperations([]);
    stackIs('UPDATE_IN_PROGRESS');
    await deliver({ requestType: 'Update', physicalId, oldProperties: properties(), properties: properties([customerProject('Data platform migration, phase 3')]) });
    expect((contexts()[0].Payload as any).CustomerProject.Project.Title).toBe('Data platform migration, phase 3');
  });

  test('throttled for as long as it may try: SUCCESS before the function\'s time is out, never UPDATE_ROLLBACK_FAILED', async () => {
    const physicalId = await created();
    await deliver({ requestType: 'Update', physicalId, oldProperties: properties(), properties: changed() });
    stackIs('UPDATE_ROLLBACK_IN_PROGRESS');
    fixture.account.endpoint.throttleFraction(1);

    // A 20 s function: its deadline guard leaves 15 s, of which the restore may use 6.
    const { response, log } = await deliver({ requestType: 'Update', physicalId, oldProperties: changed(), properties: properties() }, 1, 20);
    fixture.account.endpoint.throttleFraction(0);

    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: physicalId });
    expect(log).toMatchObject({ contextsLeftAsHeld: ['cp'], errorName: 'ThrottlingException' });
  }, 30_000);
});

test('ListEngagements denied: the engagement is created once with the RequestId token, as without reads', async () => {
  fixture.account.endpoint.denyOperations(['ListEngagements']);

  const { requestId, response } = await deliver({ requestType: 'Create' });

  expect(response.Status).toBe('SUCCESS');
  expect(writes('CreateEngagement').map((c) => c.clientToken)).toEqual([requestId]);
});
