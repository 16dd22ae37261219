// End to end, event by event: the bundled handler from the synthesized example app's cloud assembly, run as Lambda
// runs it (fresh process, handler string, environment, timeout), against the local Partner Central endpoint.
import { CloudFormationEndpoint, invokeLocalFunction, LocalFunction, startCloudFormationEndpoint } from 'cdk-engagement-invitation-local';
import { INVITATION_CREATE_FAILED_MARKER } from '../../lib/core/contract';
import { PII } from '../support/fixtures';
import { EXAMPLE_STACK_ID, invitationEvent, useExampleHandler } from '../support/local-lifecycle';

// The example stack's invitations wait for their paced write slots (up to 2.1 s each, lambda/core/write-pacing.ts).
jest.setTimeout(30_000);

/** The physical id: the invitation's ARN (group 1), its id (group 2) and the fingerprint of what was sent. */
const PHYSICAL_ID = /^(arn:aws:partnercentral::123456789012:Sandbox\/engagement-invitation\/(engi-[0-9a-z]{13}))#[0-9a-f]{32}$/;

const fixture = useExampleHandler();
let cloudFormation: CloudFormationEndpoint;

beforeEach(async () => {
  cloudFormation = await startCloudFormationEndpoint(50);
  cloudFormation.setStackStatus(EXAMPLE_STACK_ID, 'InvitationStack', 'UPDATE_IN_PROGRESS');
});
afterEach(async () => cloudFormation.close());

function event(request: Parameters<typeof invitationEvent>[2]) {
  return invitationEvent(fixture.account.receiver, fixture.properties, request);
}

async function deliver(e: ReturnType<typeof event>, fn: LocalFunction = fixture.handler) {
  const invocation = await invokeLocalFunction(fn, e.body, e.requestId,
    { ...fixture.account.functionEnvironment, AWS_ENDPOINT_URL_CLOUDFORMATION: cloudFormation.url });
  return { invocation, response: e.responses().at(-1)! };
}

const createCalls = () => fixture.account.endpoint.calls.filter((c) => c.operation === 'CreateEngagementInvitation');

test('Create: SUCCESS with a well-formed Arn and Id; the wire ClientToken is the RequestId', async () => {
  const create = event({ requestType: 'Create' });
  const { invocation, response } = await deliver(create);

  expect(invocation.outcome).toBe('succeeded');
  expect(response.Status).toBe('SUCCESS');
  const [, arn, id] = PHYSICAL_ID.exec(response.PhysicalResourceId) ?? [];
  expect(response.Data).toEqual({ Arn: arn, Id: id });
  expect(createCalls()).toMatchObject([{ operation: 'CreateEngagementInvitation', clientToken: create.requestId, status: 200 }]);
  expect(fixture.account.endpoint.store.get(id!)).toMatchObject({ Status: 'PENDING', EngagementId: 'eng-abcdefghijklmn' });
});

test('the same Create event delivered three times (Lambda retries) sends exactly one invitation, once', async () => {
  const create = event({ requestType: 'Create' });
  for (let i = 0; i < 3; i++) await deliver(create);

  const responses = create.responses();
  expect(responses).toHaveLength(3);
  expect(new Set(responses.map((r) => `${r.Status} ${r.PhysicalResourceId} ${JSON.stringify(r.Data)}`)).size).toBe(1);
  // The first delivery sends; the next two find the invitation it created and adopt it.
  expect(createCalls().map((c) => c.clientToken)).toEqual([create.requestId]);
  expect(fixture.account.endpoint.store.list()).toHaveLength(1);
});

test('throttled three times, then answered: SUCCESS, one invitation', async () => {
  fixture.account.endpoint.injectFaults('throttle', 3);
  const { response } = await deliver(event({ requestType: 'Create' }));

  expect(response.Status).toBe('SUCCESS');
  expect(createCalls().map((c) => c.status)).toEqual([429, 429, 429, 200]);
  expect(fixture.account.endpoint.store.list()).toHaveLength(1);
}, 30_000);

test('one hung request, then a normal answer: abandoned after its 8 s request timeout and retried with the same token', async () => {
  fixture.account.endpoint.injectFaults('hang', 1);
  const create = event({ requestType: 'Create' });
  const { invocation, response } = await deliver(create);

  expect(response.Status).toBe('SUCCESS');
  expect(createCalls().map((c) => [c.status, c.clientToken])).toEqual([['dropped', create.requestId], [200, create.requestId]]);
  expect(fixture.account.endpoint.store.list()).toHaveLength(1);
  // One request timeout (8 s) and a retry, far from the 55 s deadline guard.
  expect(invocation.durationMs).toBeGreaterThanOrEqual(8_000);
  expect(invocation.durationMs).toBeLessThan(15_000);
}, 30_000);

test('an endpoint that hangs past the function\'s time: FAILED is answered before Lambda\'s timeout', async () => {
  // The template's 60 s timeout, shortened to 8 s so the test takes seconds: the handler keeps 5 s back.
  const shortTimeout = { ...fixture.handler, timeoutSeconds: 8 };
  fixture.account.endpoint.injectFaults('hang', 10);
  const { invocation, response } = await deliver(event({ requestType: 'Create' }), shortTimeout);

  expect(invocation.outcome).toBe('succeeded'); // returned by itself: Lambda did not have to kill it
  expect(invocation.durationMs).toBeLessThan(8_000);
  expect(response).toMatchObject({ Status: 'FAILED', PhysicalResourceId: INVITATION_CREATE_FAILED_MARKER });
  expect(response.Reason).toMatch(/^Timeout: /);
}, 20_000);

test('Delete after a failed Create: SUCCESS with no API call', async () => {
  fixture.account.endpoint.injectFaults('internal', 4);
  const { response: failed } = await deliver(event({ requestType: 'Create' }));
  expect(failed).toMatchObject({ Status: 'FAILED', PhysicalResourceId: INVITATION_CREATE_FAILED_MARKER, Reason: expect.stringMatching(/^InternalServerException/) });
  const callsBefore = fixture.account.endpoint.calls.length;

  const { response } = await deliver(event({ requestType: 'Delete', physicalId: failed.PhysicalResourceId }));

  expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: INVITATION_CREATE_FAILED_MARKER });
  expect(fixture.account.endpoint.calls).toHaveLength(callsBefore);
}, 30_000);

test('Update with a changed message: a new invitation and a new physical id', async () => {
  const { response: created } = await deliver(event({ requestType: 'Create' }));
  const changed = { ...fixture.properties, Invitation: { ...(fixture.properties.Invitation as object), Message: 'A new message for the partner' } };
  cloudFormation.calls.length = 0; // the Create's own status read

  const update = event({ requestType: 'Update', properties: changed, oldProperties: fixture.properties, physicalId: created.PhysicalResourceId });
  const { response } = await deliver(update);

  expect(response.Status).toBe('SUCCESS');
  expect(response.PhysicalResourceId).toMatch(PHYSICAL_ID);
  expect(response.PhysicalResourceId).not.toBe(created.PhysicalResourceId);
  expect(createCalls().at(-1)?.clientToken).toBe(update.requestId);
  // Read before sending, and again just before the paced write's slot.
  expect(cloudFormation.calls).toMatchObject(Array(2).fill({ stackName: EXAMPLE_STACK_ID, status: 200, stackStatus: 'UPDATE_IN_PROGRESS' }));
  expect(fixture.account.endpoint.store.list().map((i) => i.InvitationMessage)).toEqual([
    'Join us on the Acme data platform migration',
    'A new message for the partner',
  ]);
});

test('the rollback Update after a failed forward Update: nothing sent, the original invitation answered', async () => {
  const { response: created } = await deliver(event({ requestType: 'Create' }));
  const changed = { ...fixture.properties, Invitation: { ...(fixture.properties.Invitation as object), Message: 'A new message for the partner' } };
  fixture.account.endpoint.injectFaults('internal', 4);
  const { response: failed } = await deliver(event({ requestType: 'Update', properties: changed, oldProperties: fixture.properties, physicalId: created.PhysicalResourceId }));
  expect(failed).toMatchObject({ Status: 'FAILED', PhysicalResourceId: created.PhysicalResourceId });
  cloudFormation.setStackStatus(EXAMPLE_STACK_ID, 'InvitationStack', 'UPDATE_ROLLBACK_IN_PROGRESS');
  const callsBefore = fixture.account.endpoint.calls.length;

  const { response } = await deliver(event({ requestType: 'Update', properties: fixture.properties, oldProperties: changed, physicalId: created.PhysicalResourceId }));

  expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: created.PhysicalResourceId, Data: created.Data });
  expect(fixture.account.endpoint.calls).toHaveLength(callsBefore);
  expect(fixture.account.endpoint.store.list()).toHaveLength(1);
}, 30_000);

test('DescribeStacks throttled twice, then answered: the forward Update is sent once', async () => {
  const { response: created } = await deliver(event({ requestType: 'Create' }));
  const changed = { ...fixture.properties, Invitation: { ...(fixture.properties.Invitation as object), Message: 'A new message for the partner' } };
  cloudFormation.calls.length = 0; // the Create's own status read
  cloudFormation.injectFaults('throttle', 2);

  const { response } = await deliver(event({ requestType: 'Update', properties: changed, oldProperties: fixture.properties, physicalId: created.PhysicalResourceId }));

  expect(response.Status).toBe('SUCCESS');
  // Read once more just before the paced write, unless the SDK's retries of the first read ended past the write's slot.
  expect([[400, 400, 200], [400, 400, 200, 200]]).toContainEqual(cloudFormation.calls.map((c) => c.status));
  expect(fixture.account.endpoint.store.list()).toHaveLength(2);
}, 30_000);

test('Update with the invitation unchanged (only ServiceTimeout moved): no API call, the same Data', async () => {
  const { response: created } = await deliver(event({ requestType: 'Create' }));
  cloudFormation.calls.length = 0; // the Create's own status read

  const { response } = await deliver(event({
    requestType: 'Update',
    properties: { ...fixture.properties, ServiceTimeout: 600 },
    oldProperties: fixture.properties,
    physicalId: created.PhysicalResourceId,
  }));

  expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: created.PhysicalResourceId, Data: created.Data });
  expect(createCalls()).toHaveLength(1);
  expect(cloudFormation.calls).toHaveLength(0);
});

test('a ValidationException: FAILED with a reason naming the field, and nothing created', async () => {
  const invitation = fixture.properties.Invitation as any;
  const invalid = { ...fixture.properties, Invitation: { ...invitation, Receiver: { Account: { ...invitation.Receiver.Account, AwsAccountId: '1111-2222-3333' } } } };

  const { response } = await deliver(event({ requestType: 'Create', properties: invalid }));

  expect(response.Status).toBe('FAILED');
  expect(response.Reason).toMatch(/^ValidationException: .*Invitation\.Receiver\.Account\.AwsAccountId \(INVALID_STRING_FORMAT\)/);
  expect(fixture.account.endpoint.store.list()).toHaveLength(0);
});

test('the function\'s log has ids and outcome only: no resource properties, no ResponseURL', async () => {
  const create = event({ requestType: 'Create' });
  const { invocation } = await deliver(create);

  expect(JSON.parse(invocation.logs.trim())).toMatchObject({ requestId: create.requestId, outcome: 'SUCCESS', apiCalls: 1 });
  for (const secret of [...Object.values(PII), 'Acme Corporation', 'jane.doe@example.com', create.url, 'X-Amz-Signature']) {
    expect(invocation.logs).not.toContain(secret);
  }
});
