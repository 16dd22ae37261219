// Custom::PartnerCentralEngagement through the handler entry point: the SDK clients mocked, the ResponseURL a real
// HTTP server on 127.0.0.1 recording what CloudFormation would receive.
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  CreateEngagementCommand,
  CreateEngagementContextCommand,
  GetEngagementCommand,
  PartnerCentralSellingClient,
  UpdateEngagementContextCommand,
  ValidationException,
} from '@aws-sdk/client-partnercentral-selling';
import { mockClient } from 'aws-sdk-client-mock';
import { CustomResourceEvent, RequestType } from '../../lambda/core/types';
import { handler } from '../../lambda/index';
import { ENGAGEMENT_CREATE_FAILED_MARKER, ENGAGEMENT_RESOURCE_TYPE } from '../../lib/core/contract';
import { lambdaContext } from '../support/events';
import { ScriptedServer, startScriptedServer } from '../support/local-servers';

const ARN = 'arn:aws:partnercentral:us-east-1::catalog/Sandbox/engagement/eng-abcdefghijklmn';
const ID = 'eng-abcdefghijklmn';
const NEW_ARN = 'arn:aws:partnercentral:us-east-1::catalog/Sandbox/engagement/eng-zyxwvutsrqponm';
const STACK_ID = 'arn:aws:cloudformation:us-east-1:123456789012:stack/EngagementStack/2b7f0a30-0000-11ef-8000-0a1b2c3d4e5f';

const partnerCentral = mockClient(PartnerCentralSellingClient);
const cloudFormation = mockClient(CloudFormationClient);
let receiver: ScriptedServer;

const customerProject = { Id: '1', Type: 'CustomerProject', Payload: { CustomerProject: { Customer: { CompanyName: 'Acme', CountryCode: 'US' } } } };
const lead = (date = '2026-11-01T10:00:00Z') => ({
  Id: '2',
  Type: 'Lead',
  Payload: { Lead: { Customer: { CompanyName: 'Acme' }, Interactions: [{ SourceType: 'Event', InteractionDate: date, Contact: { BusinessTitle: 'CTO' } }] } },
});

function properties(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:handler',
    Catalog: 'Sandbox',
    Title: 'Acme migration',
    Description: 'Co-sell on the Acme migration',
    Contexts: [customerProject],
    ...overrides,
  };
}

let sequence = 0;
function event(requestType: RequestType, overrides: Partial<CustomResourceEvent> = {}): CustomResourceEvent {
  sequence += 1;
  return {
    RequestType: requestType,
    RequestId: `0d7c3e8a-1c1d-4b5e-9a7e-${String(sequence).padStart(12, '0')}`,
    ResponseURL: receiver.url,
    StackId: STACK_ID,
    LogicalResourceId: 'Engagement',
    ResourceType: ENGAGEMENT_RESOURCE_TYPE,
    ResourceProperties: properties(),
    ...overrides,
  };
}

function response(): Record<string, any> {
  return JSON.parse(receiver.requests[receiver.requests.length - 1].body);
}

/** What DescribeStacks answers for the stack (CREATE_IN_PROGRESS unless a test says otherwise). */
let stackStatus = 'CREATE_IN_PROGRESS';
function stackIs(status: string) {
  stackStatus = status;
}

/** The physical id Create answers for `props`, by running a Create. */
async function created(props = properties()): Promise<string> {
  partnerCentral.on(CreateEngagementCommand).resolvesOnce({ Arn: ARN, Id: ID, ModifiedAt: new Date() });
  // The Create ran while the stack was being created; the test's own status answers the events after it.
  const testStatus = stackStatus;
  stackStatus = 'CREATE_IN_PROGRESS';
  await handler(event('Create', { ResourceProperties: props }), lambdaContext());
  stackStatus = testStatus;
  const physicalId = response().PhysicalResourceId;
  partnerCentral.resetHistory(); // keeps the test's own answers, forgets the Create's calls
  cloudFormation.resetHistory();
  return physicalId;
}

/** An Update from `before` to `after` of the engagement Create answered for `before`. */
async function update(before: Record<string, unknown>, after: Record<string, unknown>) {
  const physicalId = await created(before);
  await handler(event('Update', { PhysicalResourceId: physicalId, OldResourceProperties: before, ResourceProperties: after }), lambdaContext());
  return physicalId;
}

const calls = (command: any) => partnerCentral.commandCalls(command);

beforeEach(async () => {
  partnerCentral.reset();
  cloudFormation.reset();
  stackStatus = 'CREATE_IN_PROGRESS';
  cloudFormation.on(DescribeStacksCommand).callsFake(() => ({
    Stacks: [{ StackName: 'EngagementStack', StackStatus: stackStatus, CreationTime: new Date() }],
  }));
  receiver = await startScriptedServer([{ status: 200 }]);
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(async () => {
  jest.restoreAllMocks();
  await receiver.close();
});

test('Create: CreateEngagement with ClientToken = RequestId, InteractionDate sent as a timestamp, Arn and Id answered', async () => {
  partnerCentral.on(CreateEngagementCommand).resolves({ Arn: ARN, Id: ID, ModifiedAt: new Date() });
  const create = event('Create', { ResourceProperties: properties({ Contexts: [customerProject, lead('2026-11-01')] }) });

  await handler(create, lambdaContext());

  const [call] = calls(CreateEngagementCommand);
  expect(call.args[0].input).toMatchObject({ Catalog: 'Sandbox', ClientToken: create.RequestId, Title: 'Acme migration', Description: 'Co-sell on the Acme migration' });
  const interaction = (call.args[0].input.Contexts![1].Payload as any).Lead.Interactions[0];
  expect(interaction.InteractionDate).toEqual(new Date('2026-11-01T00:00:00Z'));
  expect(response()).toMatchObject({ Status: 'SUCCESS', Data: { Arn: ARN, Id: ID } });
  expect(response().PhysicalResourceId).toMatch(new RegExp(`^${ARN}#[0-9a-f]{32}$`));
});

test('Create refused: FAILED with the engagement\'s failure marker; Delete of it sends nothing', async () => {
  partnerCentral.on(CreateEngagementCommand).rejects(new ValidationException({ $metadata: {}, message: 'bad', Message: 'bad', Reason: 'REQUEST_VALIDATION_FAILED' }));
  await handler(event('Create'), lambdaContext());
  expect(response()).toMatchObject({ Status: 'FAILED', PhysicalResourceId: ENGAGEMENT_CREATE_FAILED_MARKER, Reason: 'ValidationException: bad' });

  partnerCentral.reset();
  await handler(event('Delete', { PhysicalResourceId: ENGAGEMENT_CREATE_FAILED_MARKER }), lambdaContext());
  expect(response()).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: ENGAGEMENT_CREATE_FAILED_MARKER });
  expect(partnerCentral.calls()).toHaveLength(0);
});

test('a malformed InteractionDate is refused before any call', async () => {
  await handler(event('Create', { ResourceProperties: properties({ Contexts: [lead('yesterday')] }) }), lambdaContext());

  expect(response()).toMatchObject({ Status: 'FAILED', Reason: 'MalformedProperties: an InteractionDate is not an ISO-8601 date' });
  expect(partnerCentral.calls()).toHaveLength(0);
});

test('Update where only ApiRegion or ServiceTimeout moved: no call, no status read, same id and Data', async () => {
  const physicalId = await update(properties(), properties({ ApiRegion: 'us-east-1', ServiceTimeout: '600' }));

  expect(partnerCentral.calls()).toHaveLength(0);
  expect(cloudFormation.calls()).toHaveLength(0);
  expect(response()).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: physicalId, Data: { Arn: ARN, Id: ID } });
});

describe('forward Updates (stack UPDATE_IN_PROGRESS)', () => {
  beforeEach(() => stackIs('UPDATE_IN_PROGRESS'));

  test('an added context: CreateEngagementContext in place, token derived from the RequestId, same physical id', async () => {
    const physicalId = await update(properties(), properties({ Contexts: [customerProject, lead()] }));

    const [call] = calls(CreateEngagementContextCommand);
    expect(call.args[0].input).toMatchObject({ Catalog: 'Sandbox', EngagementIdentifier: ID, Type: 'Lead', ClientToken: expect.stringMatching(/-0$/) });
    expect(calls(CreateEngagementCommand)).toHaveLength(0);
    expect(response()).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: physicalId, Data: { Arn: ARN, Id: ID } });
  });

  test('a changed context with an id: UpdateEngagementContext with the engagement\'s last modification time', async () => {
    const modifiedAt = new Date('2026-11-20T08:00:00Z');
    partnerCentral.on(GetEngagementCommand).resolves({ Id: ID, ModifiedAt: modifiedAt });
    partnerCentral.on(UpdateEngagementContextCommand).resolves({ EngagementId: ID, EngagementArn: ARN, ContextId: '1', EngagementLastModifiedAt: new Date() });
    const changed = { ...customerProject, Payload: { CustomerProject: { Customer: { CompanyName: 'Acme Corp', CountryCode: 'US' } } } };

    await update(properties(), properties({ Contexts: [changed] }));

    expect(calls(UpdateEngagementContextCommand).map((c) => c.args[0].input)).toEqual([
      { Catalog: 'Sandbox', EngagementIdentifier: ID, ContextIdentifier: '1', EngagementLastModifiedAt: modifiedAt, Type: 'CustomerProject', Payload: changed.Payload },
    ]);
    expect(response().Status).toBe('SUCCESS');
  });

  test('a lead context with one more interaction: one UpdateEngagementContext carrying that interaction, as a timestamp', async () => {
    partnerCentral.on(GetEngagementCommand).resolves({ Id: ID, ModifiedAt: new Date() });
    partnerCentral.on(UpdateEngagementContextCommand).resolves({ EngagementId: ID, EngagementArn: ARN, ContextId: '2', EngagementLastModifiedAt: new Date() });
    const first = lead();
    const more = JSON.parse(JSON.stringify(first));
    more.Payload.Lead.Interactions.push({ SourceType: 'Webinar', InteractionDate: '2026-11-15T09:30:00Z', Contact: { BusinessTitle: 'CIO' } });

    await update(properties({ Contexts: [first] }), properties({ Contexts: [more] }));

    expect(calls(UpdateEngagementContextCommand).map((c) => c.args[0].input)).toEqual([expect.objectContaining({
      ContextIdentifier: '2',
      Type: 'Lead',
      Payload: { Lead: { Customer: { CompanyName: 'Acme' }, Interaction: { SourceType: 'Webinar', InteractionDate: new Date('2026-11-15T09:30:00Z'), Contact: { BusinessTitle: 'CIO' } } } },
    })]);
    expect(response().Status).toBe('SUCCESS');
  });

  test('a lead context whose existing interaction changed cannot be updated in place', async () => {
    const edited = lead('2026-10-01T10:00:00Z');
    await update(properties({ Contexts: [lead()] }), properties({ Contexts: [edited] }));

    expect(partnerCentral.calls()).toHaveLength(0);
    expect(response().Reason).toMatch(/^ReplacementNotAllowed: .*a lead context only by new interactions after its existing ones/);
  });

  const withoutId = { ...customerProject, Id: undefined };
  test.each([
    ['a changed title', properties(), properties({ Title: 'Acme migration (typo fixed)' })],
    ['a removed context', properties(), properties({ Contexts: [] })],
    ['a changed context without an id', properties({ Contexts: [withoutId] }),
      properties({ Contexts: [{ ...withoutId, Payload: { CustomerProject: { Customer: { CompanyName: 'X' } } } }] })],
  ])('%s without allowReplacement: FAILED saying what would happen and how to allow it, nothing sent', async (_name, before, after) => {
    const physicalId = await update(before, after);

    expect(partnerCentral.calls()).toHaveLength(0);
    expect(response()).toMatchObject({ Status: 'FAILED', PhysicalResourceId: physicalId });
    expect(response().Reason).toMatch(/^ReplacementNotAllowed: nothing was sent\. .* can only be a new engagement: eng-abcdefghijklmn .*every invitation .* sent again .*allowReplacement: true/);
  });

  test('a changed title with allowReplacement: a new engagement, ClientToken = RequestId, a new physical id', async () => {
    const after = properties({ Title: 'Acme migration, phase 2', AllowReplacement: 'true' });
    const physicalId = await created(properties());
    partnerCentral.on(CreateEngagementCommand).resolves({ Arn: NEW_ARN, Id: 'eng-zyxwvutsrqponm' });
    const change = event('Update', { PhysicalResourceId: physicalId, OldResourceProperties: properties(), ResourceProperties: after });

    await handler(change, lambdaContext());

    expect(calls(CreateEngagementCommand).map((c) => c.args[0].input.ClientToken)).toEqual([change.RequestId]);
    expect(response().PhysicalResourceId).toMatch(new RegExp(`^${NEW_ARN}#`));
  });
});

describe('Updates sent by a rollback', () => {
  beforeEach(() => stackIs('UPDATE_ROLLBACK_IN_PROGRESS'));

  test('back from a changed title: nothing sent, the engagement already there answered', async () => {
    const replaced = properties({ Title: 'Acme migration, phase 2', AllowReplacement: 'true' });
    const physicalId = await created(properties());
    await handler(event('Update', { PhysicalResourceId: physicalId, OldResourceProperties: replaced, ResourceProperties: properties() }), lambdaContext());

    // The target is the physical id's own identity and contexts are unchanged: no call, no status read at all.
    expect(partnerCentral.calls()).toHaveLength(0);
    expect(response()).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: physicalId, Data: { Arn: ARN, Id: ID } });
  });

  test('to a replacement\'s new id with the old title: never a new engagement', async () => {
    const newId = await created(properties({ Title: 'Acme migration, phase 2' }));
    await handler(event('Update', {
      PhysicalResourceId: newId,
      OldResourceProperties: properties({ Title: 'Acme migration, phase 2', AllowReplacement: 'true' }),
      ResourceProperties: properties({ AllowReplacement: 'true' }),
    }), lambdaContext());

    expect(partnerCentral.calls()).toHaveLength(0);
    expect(response()).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: newId });
  });

  test('a context the failed update tried to remove is not added again; a changed context is put back in place', async () => {
    partnerCentral.on(GetEngagementCommand).resolves({ Id: ID, ModifiedAt: new Date() });
    partnerCentral.on(UpdateEngagementContextCommand).resolves({ EngagementId: ID, EngagementArn: ARN, ContextId: '1', EngagementLastModifiedAt: new Date() });
    const changedBack = { ...customerProject, Payload: { CustomerProject: { Customer: { CompanyName: 'Acme Corp', CountryCode: 'US' } } } };

    await update(properties({ Contexts: [changedBack] }), properties({ Contexts: [customerProject, lead()] }));

    expect(calls(CreateEngagementContextCommand)).toHaveLength(0);
    expect(calls(CreateEngagementCommand)).toHaveLength(0);
    expect(calls(UpdateEngagementContextCommand).map((c) => c.args[0].input.ContextIdentifier)).toEqual(['1']);
    expect(response().Status).toBe('SUCCESS');
  });
});

test('Delete sends nothing: no API deletes an engagement', async () => {
  const physicalId = await created();
  await handler(event('Delete', { PhysicalResourceId: physicalId }), lambdaContext());

  expect(partnerCentral.calls()).toHaveLength(0);
  expect(response()).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: physicalId });
});
