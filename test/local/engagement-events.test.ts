// The engagement end to end, event by event: the bundled handler from the example app's cloud assembly, run as Lambda
// runs it, against the local Partner Central endpoint (which validates every request against the Smithy model).
import { randomUUID } from 'node:crypto';
import { CloudFormationEndpoint, startCloudFormationEndpoint, readCloudAssembly, customResourceEvent, CustomResourceRequest, invokeLocalFunction, CustomResourceResponse } from 'cdk-engagement-invitation-local';
import { EXAMPLE_STACK_ID, useExampleHandler } from '../support/local-lifecycle';

const ENGAGEMENT_TYPE = 'Custom::PartnerCentralEngagement';
const fixture = useExampleHandler();
let cloudFormation: CloudFormationEndpoint;
let engagementProperties: Record<string, unknown>;

beforeEach(async () => {
  cloudFormation = await startCloudFormationEndpoint(50);
  cloudFormation.setStackStatus(EXAMPLE_STACK_ID, 'InvitationStack', 'UPDATE_IN_PROGRESS');
  const stack = readCloudAssembly(fixture.assemblyDir).find((s) => s.name === 'InvitationStack')!;
  const engagement = Object.values(stack.template.Resources).find((r) => r.Type === ENGAGEMENT_TYPE)!;
  engagementProperties = { ...engagement.Properties, ServiceToken: fixture.handler.functionArn };
});
afterEach(async () => cloudFormation.close());

/** One event for the example's engagement, delivered `times` times (Lambda may deliver an event again). */
async function deliver(request: Partial<CustomResourceRequest> & Pick<CustomResourceRequest, 'requestType'>, times = 1) {
  const { key, url } = fixture.account.receiver.newResponseUrl();
  const requestId = randomUUID();
  const body = customResourceEvent({
    stackId: EXAMPLE_STACK_ID, logicalId: 'EngagementCA20B2E9', resourceType: ENGAGEMENT_TYPE, properties: engagementProperties, ...request,
  }, requestId, url);
  for (let i = 0; i < times; i++) {
    const environment = { ...fixture.account.functionEnvironment, AWS_ENDPOINT_URL_CLOUDFORMATION: cloudFormation.url };
    await invokeLocalFunction(fixture.handler, body, requestId, environment);
  }
  return { requestId, response: fixture.account.receiver.received(key).at(-1)!.response as CustomResourceResponse };
}

const engagements = () => Object.values(fixture.account.endpoint.store.engagementState().engagements);
const calls = (operation: string) => fixture.account.endpoint.calls.filter((c) => c.operation === operation);

test('Create delivered twice: one engagement, sent once, both answers the same, ClientToken = RequestId, a wire request valid for the model', async () => {
  const { requestId, response } = await deliver({ requestType: 'Create' }, 2);

  expect(response.Status).toBe('SUCCESS');
  expect(engagements()).toHaveLength(1);
  // The second delivery finds the engagement the first created and adopts it: one CreateEngagement in all.
  expect(calls('CreateEngagement').map((c) => [c.clientToken, c.status])).toEqual([[requestId, 200]]);
  expect(response.Data).toEqual({ Arn: expect.stringMatching(/^arn:aws:partnercentral:us-east-1::catalog\/Sandbox\/engagement\/eng-[0-9a-z]{14}$/), Id: expect.stringMatching(/^eng-/) });
});

test('a Lead context\'s InteractionDate goes on the wire as a timestamp the model accepts; a date-only string too', async () => {
  const lead = {
    Type: 'Lead',
    Payload: { Lead: { Customer: { CompanyName: 'Acme' }, Interactions: [{ SourceType: 'Event', InteractionDate: '2026-11-01', Contact: { BusinessTitle: 'CTO', Email: 'cto@acme.example', FirstName: 'Ada', LastName: 'Lee' } }] } },
  };
  engagementProperties = { ...engagementProperties, Contexts: [...(engagementProperties.Contexts as unknown[]), lead] };

  const { response } = await deliver({ requestType: 'Create' });

  expect(response).toMatchObject({ Status: 'SUCCESS' });
  const stored = engagements()[0] as any;
  expect(JSON.stringify(stored)).toContain('2026-11-01T00:00:00');
});

test('a rollback Update back from a changed title creates nothing', async () => {
  const { response: created } = await deliver({ requestType: 'Create' });
  const changed = { ...engagementProperties, Title: 'A changed title', AllowReplacement: 'true' };
  cloudFormation.setStackStatus(EXAMPLE_STACK_ID, 'InvitationStack', 'UPDATE_ROLLBACK_IN_PROGRESS');

  const { response } = await deliver({ requestType: 'Update', properties: engagementProperties, oldProperties: changed, physicalId: created.PhysicalResourceId });

  expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: created.PhysicalResourceId, Data: created.Data });
  expect(engagements()).toHaveLength(1);
  expect(calls('CreateEngagement')).toHaveLength(1);
}, 30_000);

test('a changed title without allowReplacement fails the forward Update and creates nothing', async () => {
  const { response: created } = await deliver({ requestType: 'Create' });

  const { response } = await deliver({
    requestType: 'Update', properties: { ...engagementProperties, Title: 'A changed title' }, oldProperties: engagementProperties, physicalId: created.PhysicalResourceId,
  });

  expect(response.Status).toBe('FAILED');
  expect(response.Reason).toMatch(/^ReplacementNotAllowed: nothing was sent/);
  expect(engagements()).toHaveLength(1);
}, 30_000);
