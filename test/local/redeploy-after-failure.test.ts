// Exactly once across deployments: a deployment sends an invitation, fails later and rolls back (there is no API to
// withdraw an invitation, so it stays PENDING); the user fixes the cause and deploys the same change again. That is a
// new operation with new RequestIds, so the RequestId (the ClientToken) cannot recognise the invitation already
// sent: the handler must find it and adopt it instead of sending a second copy.
import { ACCEPTED_RULE_ID, INVITATION_ID, NEW_MESSAGE } from '../support/example-resources';
import { useExampleDeploys } from '../support/local-lifecycle';

// The example stack's invitations wait for their paced write slots (up to 2.1 s each, lambda/core/write-pacing.ts).
jest.setTimeout(30_000);


const example = useExampleDeploys(NEW_MESSAGE);
const { deploy } = example;

const createCalls = () => example.account.endpoint.calls.filter((c) => c.operation === 'CreateEngagementInvitation');
const invitations = () => example.account.endpoint.store.list();

test('failed deployment then a clean redeploy: the redeploy adopts the invitation the failed one sent, none is sent again', async () => {
  expect((await deploy(example.original)).status).toBe('CREATE_COMPLETE');
  expect(createCalls()).toHaveLength(2);

  // The changed message replaces the opportunity invitation (one new invitation sent), then the rule that names the
  // invitation's Id fails: the stack rolls back, the replacement is deleted in the cleanup (nothing can withdraw it).
  const failed = await deploy(example.changed, { failResources: [ACCEPTED_RULE_ID] });
  expect(failed).toMatchObject({ status: 'UPDATE_ROLLBACK_COMPLETE', failed: true });
  expect(createCalls()).toHaveLength(3);
  expect(invitations()).toHaveLength(3);
  const sentByFailedRun = invitations().find((i) => i.InvitationMessage === NEW_MESSAGE)!;
  expect(sentByFailedRun).toBeDefined();
  const failedRunRequestIds = new Set(example.account.progress.map((e) => e.requestId).filter(Boolean));

  // The cause fixed (no failure injected), the same change deployed again: a new operation, new RequestIds.
  const redeployed = await deploy(example.changed);

  expect(redeployed).toMatchObject({ status: 'UPDATE_COMPLETE', failed: false });
  const update = example.account.progress.filter((e) => e.logicalId === INVITATION_ID && e.status === 'UPDATE_COMPLETE').at(-1)!;
  expect(failedRunRequestIds.has(update.requestId)).toBe(false);
  // No CreateEngagementInvitation reached the endpoint for the redeploy, and the account holds the same 3 invitations:
  // the invitation the failed run sent is the one the stack now names.
  expect(createCalls()).toHaveLength(3);
  expect(invitations()).toHaveLength(3);
  expect(redeployed.outputs.InvitationArn.value).toBe(sentByFailedRun.Arn);
}, 60_000);
