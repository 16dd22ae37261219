// assumeRoleArn through the real path: the bundled handler assumes the role at a local STS endpoint and calls the
// local Partner Central endpoint with the assumed credentials.
import { invokeLocalFunction } from 'cdk-engagement-invitation-local';
import { handler as warmHandler } from '../../lambda/index';
import { invitationEvent, useExampleHandler } from '../support/local-lifecycle';

// The example stack's invitations wait for their paced write slots (up to 2.1 s each, lambda/core/write-pacing.ts).
jest.setTimeout(30_000);

const ROLE = 'arn:aws:iam::444455556666:role/PartnerCentralInvitations';

const fixture = useExampleHandler({ AssumeRoleArn: ROLE });

async function create() {
  const event = invitationEvent(fixture.account.receiver, fixture.properties, { requestType: 'Create' });
  await invokeLocalFunction(fixture.handler, event.body, event.requestId, fixture.account.functionEnvironment);
  return event.responses().at(-1)!;
}

test('the invitation is sent with the assumed role\'s credentials; the session is named after the stack', async () => {
  const response = await create();

  expect(response.Status).toBe('SUCCESS');
  expect(fixture.account.sts.calls).toEqual([{
    roleArn: ROLE,
    sessionName: 'cfn-InvitationStack',
    durationSeconds: 900,
    callerAccessKeyId: 'AKIALOCALTEST0000000', // the function's own credentials call STS
    status: 200,
    accessKeyId: expect.stringMatching(/^ASIA/),
  }]);
  // The read that looks for an identical invitation and the write, both as the assumed role.
  const assumed = fixture.account.sts.calls[0].accessKeyId;
  expect(fixture.account.endpoint.calls).toMatchObject([
    { operation: 'ListEngagementInvitations', status: 200, accessKeyId: assumed },
    { operation: 'CreateEngagementInvitation', status: 200, accessKeyId: assumed },
  ]);
});

test('a warm function assumes the role once for many events', async () => {
  // The handler's sources in this process (a warm Lambda container), against the same local endpoints.
  Object.assign(process.env, fixture.account.functionEnvironment, { AWS_REGION: 'us-east-1' });
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const events = [1, 2, 3].map(() => invitationEvent(fixture.account.receiver, fixture.properties, { requestType: 'Create' }));
  for (const event of events) await warmHandler(event.body as any, { getRemainingTimeInMillis: () => 60_000 });
  log.mockRestore();

  expect(events.map((e) => e.responses()[0]?.Status)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS']);
  expect(fixture.account.sts.calls).toHaveLength(1);
  expect(new Set(fixture.account.endpoint.calls.map((c) => c.accessKeyId))).toEqual(new Set([fixture.account.sts.calls[0].accessKeyId]));
});

test('a refused AssumeRole: FAILED saying so, and nothing sent to Partner Central', async () => {
  fixture.account.sts.refuseNext(10);

  const response = await create();

  expect(response.Status).toBe('FAILED');
  expect(response.Reason).toMatch(new RegExp(`^AssumeRoleFailed: could not assume ${ROLE}: AccessDenied: User: AKIALOCALTEST0000000 is not authorized`));
  expect(fixture.account.endpoint.calls).toEqual([]);
});
