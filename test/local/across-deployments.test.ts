// Exactly once across deployments, invitation by invitation: the bundled handler of the example app, run as Lambda
// runs it, against the local Partner Central (what it holds is what the tests assert) and a local DescribeStacks.
// Each deployment brings new RequestIds, so the ClientToken alone cannot stop a second copy: the handler must find
// what an earlier deployment already sent and adopt it.
import { CloudFormationEndpoint, invokeLocalFunction, startCloudFormationEndpoint } from 'cdk-engagement-invitation-local';
import { PII } from '../support/fixtures';
import { EXAMPLE_STACK_ID, invitationEvent, useExampleHandler } from '../support/local-lifecycle';

const fixture = useExampleHandler();
// Every write waits for its paced slot (the example stack has two invitations in flight: up to 2.1 s), and some tests
// deliver three or four events.
jest.setTimeout(30_000);
let cloudFormation: CloudFormationEndpoint;

beforeEach(async () => {
  cloudFormation = await startCloudFormationEndpoint(100);
  stackIs('UPDATE_IN_PROGRESS');
});
afterEach(async () => cloudFormation.close());

function stackIs(status: string) {
  cloudFormation.setStackStatus(EXAMPLE_STACK_ID, 'InvitationStack', status);
}

function event(request: Parameters<typeof invitationEvent>[2]) {
  return invitationEvent(fixture.account.receiver, fixture.properties, request);
}

async function deliver(e: ReturnType<typeof event>) {
  const invocation = await invokeLocalFunction(fixture.handler, e.body, e.requestId,
    { ...fixture.account.functionEnvironment, AWS_ENDPOINT_URL_CLOUDFORMATION: cloudFormation.url });
  return { invocation, response: e.responses().at(-1)!, log: JSON.parse(invocation.logs.trim().split('\n').at(-1)!) };
}

const withMessage = (message: string) => ({ ...fixture.properties, Invitation: { ...(fixture.properties.Invitation as object), Message: message } });
const held = () => fixture.account.endpoint.store.list();
const writes = () => fixture.account.endpoint.calls.filter((c) => c.operation === 'CreateEngagementInvitation');

test('a deployment that failed after the invitation was sent, then a fixed redeploy: the invitation is adopted, not sent again', async () => {
  // Deployment 1 adds the invitation (a Create), a later resource fails; its rollback Delete is a no-op.
  const { response: first } = await deliver(event({ requestType: 'Create' }));
  stackIs('UPDATE_ROLLBACK_IN_PROGRESS');
  await deliver(event({ requestType: 'Delete', physicalId: first.PhysicalResourceId }));
  // Deployment 2: the same Create, with a new RequestId.
  stackIs('UPDATE_IN_PROGRESS');
  const { response, log } = await deliver(event({ requestType: 'Create' }));

  expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: first.PhysicalResourceId, Data: first.Data });
  expect(log).toMatchObject({ outcome: 'SUCCESS', apiCalls: 0, adopted: true });
  expect(held()).toHaveLength(1);
  expect(writes()).toHaveLength(1);
});

test('A → B forward, a later failure, rollback, the same change again: B is adopted (2 invitations, not 3)', async () => {
  const { response: a } = await deliver(event({ requestType: 'Create' }));
  const { response: b } = await deliver(event({ requestType: 'Update', properties: withMessage('Message B'), oldProperties: fixture.properties, physicalId: a.PhysicalResourceId }));
  expect(b.PhysicalResourceId).not.toBe(a.PhysicalResourceId);
  // The rollback: B's new id is deleted in the cleanup (a no-op); A's id keeps the old properties.
  stackIs('UPDATE_ROLLBACK_IN_PROGRESS');
  await deliver(event({ requestType: 'Delete', physicalId: b.PhysicalResourceId }));
  stackIs('UPDATE_IN_PROGRESS');

  const { response } = await deliver(event({ requestType: 'Update', properties: withMessage('Message B'), oldProperties: fixture.properties, physicalId: a.PhysicalResourceId }));

  expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: b.PhysicalResourceId, Data: b.Data });
  expect(held().map((i) => i.InvitationMessage)).toEqual([(fixture.properties.Invitation as any).Message, 'Message B']);
});

test('A → B → A while A is still pending: A is adopted back, nothing is sent', async () => {
  const { response: a } = await deliver(event({ requestType: 'Create' }));
  const { response: b } = await deliver(event({ requestType: 'Update', properties: withMessage('Message B'), oldProperties: fixture.properties, physicalId: a.PhysicalResourceId }));

  const { response } = await deliver(event({ requestType: 'Update', properties: fixture.properties, oldProperties: withMessage('Message B'), physicalId: b.PhysicalResourceId }));

  expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: a.PhysicalResourceId, Data: a.Data });
  expect(held()).toHaveLength(2);
  expect(writes()).toHaveLength(2);
});

test('the answer never reached CloudFormation (the invitation exists, the resource failed at its ServiceTimeout): the redeploy adopts it', async () => {
  const lost = event({ requestType: 'Create' });
  await deliver(lost); // sent and created; what CloudFormation does with the answer plays no part in what follows
  stackIs('UPDATE_ROLLBACK_IN_PROGRESS');
  stackIs('UPDATE_IN_PROGRESS');

  const { response, log } = await deliver(event({ requestType: 'Create' }));

  expect(response.Status).toBe('SUCCESS');
  expect(response.Data!.Id).toBe(held()[0].Id);
  expect(log).toMatchObject({ apiCalls: 0, adopted: true });
  expect(held()).toHaveLength(1);
  expect(writes().map((w) => w.clientToken)).toEqual([lost.requestId]);
});

test('a rejected or expired invitation is not adopted: the redeploy sends a new one', async () => {
  const { response: first } = await deliver(event({ requestType: 'Create' }));
  fixture.account.endpoint.store.setStatus(first.Data!.Id as string, 'REJECTED');

  const { response } = await deliver(event({ requestType: 'Create' }));

  expect(response.Data!.Id).not.toBe(first.Data!.Id);
  expect(held().map((i) => i.Status)).toEqual(['REJECTED', 'PENDING']);
});

test('another receiver, or any other difference in content, is not adopted', async () => {
  await deliver(event({ requestType: 'Create' }));
  const invitation = fixture.properties.Invitation as any;
  const otherReceiver = { ...fixture.properties, Invitation: { ...invitation, Receiver: { Account: { ...invitation.Receiver.Account, AwsAccountId: '999988887777' } } } };

  await deliver(event({ requestType: 'Create', properties: otherReceiver }));
  await deliver(event({ requestType: 'Create', properties: withMessage('Another message') }));

  expect(held()).toHaveLength(3);
});

describe('where the service\'s state cannot be read, the handler sends once, as without reads', () => {
  test('the reads are denied: SUCCESS, sent with the RequestId token (a redeploy would send a second copy)', async () => {
    await deliver(event({ requestType: 'Create' }));
    fixture.account.endpoint.denyOperations(['ListEngagementInvitations']);

    const create = event({ requestType: 'Create' });
    const { response } = await deliver(create);

    expect(response.Status).toBe('SUCCESS');
    expect(writes().at(-1)?.clientToken).toBe(create.requestId);
    expect(held()).toHaveLength(2);
  });

  test.each(['summary', 'denied'] as const)('a sender\'s GetEngagementInvitation answers %s: the content is unknown, nothing is adopted', async (mode) => {
    await deliver(event({ requestType: 'Create' }));
    fixture.account.endpoint.setSenderInvitationReads(mode);

    const { response } = await deliver(event({ requestType: 'Create' }));

    expect(response.Status).toBe('SUCCESS');
    expect(held()).toHaveLength(2);
  });
});

describe('late and racing events send nothing', () => {
  test.each(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'ROLLBACK_COMPLETE', 'UPDATE_ROLLBACK_IN_PROGRESS'])(
    'a Create delivered while the stack is %s: FAILED, nothing read or sent', async (status) => {
      stackIs(status);

      const { response } = await deliver(event({ requestType: 'Create' }));

      expect(response.Status).toBe('FAILED');
      expect(response.Reason).toMatch(new RegExp(`^StackNotInProgress: the stack is ${status}`));
      expect(fixture.account.endpoint.calls).toHaveLength(0);
    });

  test('a rollback that begins while the write is throttled stops the send before its next attempt', async () => {
    fixture.account.endpoint.throttleFraction(1); // every call from here: the reads give up, the write keeps trying
    const pending = deliver(event({ requestType: 'Create' }));
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    stackIs('UPDATE_ROLLBACK_IN_PROGRESS');
    const { response } = await pending;
    fixture.account.endpoint.throttleFraction(0);

    expect(response).toMatchObject({ Status: 'FAILED', Reason: expect.stringMatching(/^StackNotInProgress: the stack is UPDATE_ROLLBACK_IN_PROGRESS/) });
    expect(held()).toHaveLength(0);
    expect(cloudFormation.calls.at(-1)).toMatchObject({ stackStatus: 'UPDATE_ROLLBACK_IN_PROGRESS' });
  }, 30_000);
});

test('a physical id in the layout of the service\'s events: an Update of ServiceTimeout alone sends nothing', async () => {
  const { response: created } = await deliver(event({ requestType: 'Create' }));
  const [, fingerprint] = created.PhysicalResourceId.split('#');
  const eventLayout = `arn:aws:partnercentral:us-east-1::catalog/Sandbox/engagement-invitation/${created.Data!.Id}#${fingerprint}`;

  const { response } = await deliver(event({ requestType: 'Update', properties: { ...fixture.properties, ServiceTimeout: 900 }, oldProperties: fixture.properties, physicalId: eventLayout }));

  expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: eventLayout, Data: { Id: created.Data!.Id } });
  expect(held()).toHaveLength(1);
});

test('a refusal whose message quotes a request value: the value is not in the FAILED reason nor the log', async () => {
  const invitation = fixture.properties.Invitation as any;
  const contact = invitation.Payload.OpportunityInvitation.SenderContacts[0];
  // The local service quotes the e-mail it refuses, as real services may.
  const bad = {
    ...fixture.properties,
    Invitation: {
      ...invitation,
      Payload: {
        OpportunityInvitation: {
          ...invitation.Payload.OpportunityInvitation, SenderContacts: [{ ...contact, Email: `not-an-address ${PII.email}` }],
        },
      },
    },
  };
  fixture.account.endpoint.quoteValuesInErrors(true);

  const { response, invocation } = await deliver(event({ requestType: 'Create', properties: bad }));

  expect(response.Status).toBe('FAILED');
  expect(response.Reason).toContain('<Email>');
  expect(response.Reason).not.toContain(PII.email);
  expect(invocation.logs).not.toContain(PII.email);
});
