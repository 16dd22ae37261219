// `--fail-resource`, then a clean run, as CloudFormation and the CDK CLI handle it. A failed creation rolls back to
// ROLLBACK_COMPLETE and the stack stays (CloudFormation cannot update it); the next `cdk deploy` deletes it and creates
// the stack afresh, with a new stack id (the CDK CLI treats ROLLBACK_COMPLETE and ROLLBACK_FAILED as "previously
// failed creation"). A failed update rolls back to UPDATE_ROLLBACK_COMPLETE and the next deploy updates the same
// stack. Either way the clean run is a new operation: every event carries a new RequestId. What the handler does
// with the invitation sent in the failed run is test/local/redeploy-after-failure.test.ts's business.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArguments, runLocalDeploy } from 'cdk-engagement-invitation-local';
import { ACCEPTED_RULE_ID, INVITATION, INVITATION_ID, NEW_MESSAGE } from '../support/example-resources';
import { useExampleDeploys } from '../support/local-lifecycle';
import { describeStack, observeStackStatuses } from '../support/stack-observer';

// The example stack's invitations wait for their paced write slots (up to 2.1 s each, lambda/core/write-pacing.ts).
jest.setTimeout(30_000);

const STACK = 'InvitationStack';

const example = useExampleDeploys(NEW_MESSAGE);
const { deploy } = example;

/** The RequestIds of the custom resource events reported from progress index `from` on. */
const requestIdsFrom = (from: number) => new Set(example.account.progress.slice(from).map((e) => e.requestId).filter(Boolean));

test('a failed creation stays ROLLBACK_COMPLETE; the clean run deletes that stack, then creates it with a new stack id', async () => {
  const observed = observeStackStatuses(example.account);

  const failed = await deploy(example.original, { failResources: [ACCEPTED_RULE_ID], cloudFormation: observed.sink });

  expect(failed).toMatchObject({ status: 'ROLLBACK_COMPLETE', failed: true, reason: expect.stringMatching(new RegExp(`^${ACCEPTED_RULE_ID} `)) });
  const failedStack = example.account.states.load(STACK)!;
  expect(failedStack).toMatchObject({ status: 'ROLLBACK_COMPLETE', resources: {}, outputs: {}, imports: [] });
  const firstId = failedStack.stackId;
  expect(observed.published).toEqual(['CREATE_IN_PROGRESS', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_COMPLETE'].map((status) => ({ stackId: firstId, status })));
  // The invitation sent before the rule failed was deleted by the rollback (a Delete event: no withdraw API).
  expect(example.account.progress.filter((e) => e.logicalId === INVITATION_ID).map((e) => e.status))
    .toEqual(['CREATE_IN_PROGRESS', 'CREATE_COMPLETE', 'DELETE_IN_PROGRESS', 'DELETE_COMPLETE']);
  const firstRun = requestIdsFrom(0);
  const progressBefore = example.account.progress.length;
  const publishedBefore = observed.published.length;

  const clean = await deploy(example.original, { cloudFormation: observed.sink });

  expect(clean).toMatchObject({ status: 'CREATE_COMPLETE', failed: false });
  const secondId = example.account.states.load(STACK)!.stackId;
  expect(secondId).not.toBe(firstId);
  expect(secondId).toMatch(/^arn:aws:cloudformation:us-east-1:123456789012:stack\/InvitationStack\/[0-9a-f-]{36}$/);
  expect(observed.published.slice(publishedBefore)).toEqual([
    { stackId: firstId, status: 'DELETE_IN_PROGRESS' },
    { stackId: firstId, status: 'DELETE_COMPLETE' },
    { stackId: secondId, status: 'CREATE_IN_PROGRESS' },
    { stackId: secondId, status: 'CREATE_COMPLETE' },
  ]);
  // The empty failed stack had nothing to delete: no resource event before the new creation's.
  expect(example.account.progress.slice(progressBefore, progressBefore + 2).map((e) => [e.resourceType, e.status]))
    .toEqual([['AWS::CloudFormation::Stack', 'DELETE_IN_PROGRESS'], ['AWS::CloudFormation::Stack', 'DELETE_COMPLETE']]);
  // A new operation: none of its events reuses a RequestId of the failed run.
  const secondRun = requestIdsFrom(progressBefore);
  expect(secondRun.size).toBeGreaterThanOrEqual(3);
  expect([...secondRun].filter((id) => firstRun.has(id))).toEqual([]);
  // DescribeStacks: the deleted stack by its id only; by name, the new one.
  expect(await describeStack(example.account, firstId)).toEqual({ status: 'DELETE_COMPLETE', stackId: firstId });
  expect(await describeStack(example.account, STACK)).toEqual({ status: 'CREATE_COMPLETE', stackId: secondId });
}, 60_000);

test('a failed update stays UPDATE_ROLLBACK_COMPLETE at the pre-update ids; the clean run updates the same stack', async () => {
  await deploy(example.original);
  const { stackId } = example.account.states.load(STACK)!;
  const before = example.account.states.load(STACK)!.resources[INVITATION_ID].physicalId;
  const observed = observeStackStatuses(example.account);

  const failed = await deploy(example.changed, { failResources: [ACCEPTED_RULE_ID], cloudFormation: observed.sink });

  expect(failed).toMatchObject({ status: 'UPDATE_ROLLBACK_COMPLETE', failed: true });
  expect(example.account.states.load(STACK)).toMatchObject({ stackId, status: 'UPDATE_ROLLBACK_COMPLETE', resources: { [INVITATION_ID]: { physicalId: before } } });
  const replacement = example.account.progress.filter((e) => e.logicalId === INVITATION_ID && e.status === 'UPDATE_COMPLETE')[0].physicalId;
  expect(replacement).not.toBe(before);
  const failedRun = requestIdsFrom(0);
  const progressBefore = example.account.progress.length;
  const publishedBefore = observed.published.length;

  const clean = await deploy(example.changed, { cloudFormation: observed.sink });

  expect(clean).toMatchObject({ status: 'UPDATE_COMPLETE', failed: false });
  expect(example.account.states.load(STACK)?.stackId).toBe(stackId);
  // DescribeStacks answers the status the failed update left until the clean run moves the stack.
  expect(observed.published.slice(publishedBefore).map((p) => [p.stackId, p.status])).toEqual([
    [stackId, 'UPDATE_ROLLBACK_COMPLETE'], [stackId, 'UPDATE_IN_PROGRESS'], [stackId, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS'], [stackId, 'UPDATE_COMPLETE'],
  ]);
  // The clean run's Update starts again from the pre-update physical id the rollback restored, with a new RequestId;
  // the pre-update invitation is cleaned up afterwards.
  const invitationEvents = example.account.progress.slice(progressBefore).filter((e) => e.logicalId === INVITATION_ID);
  expect(invitationEvents.map((e) => e.status)).toEqual(['UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE', 'DELETE_IN_PROGRESS', 'DELETE_COMPLETE']);
  expect(invitationEvents[3].physicalId).toBe(before);
  expect(failedRun.has(invitationEvents[1].requestId)).toBe(false);
  expect(example.account.states.load(STACK)?.resources[INVITATION_ID].type).toBe(INVITATION);
}, 60_000);

test('deploy:local: --fail-resource exits 1 with ROLLBACK_COMPLETE; the clean run deletes the stack first and exits 0', async () => {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-local-'));
  const run = async (...argv: string[]) => {
    const lines: string[] = [];
    const code = await runLocalDeploy(parseArguments([...argv, '--app', example.original, '--state-dir', stateDir]), (line) => lines.push(line));
    return { code, output: lines.join('\n') };
  };
  try {
    const failed = await run('deploy', STACK, '--fail-resource', ACCEPTED_RULE_ID);
    expect(failed.code).toBe(1);
    expect(failed.output).toMatch(/^InvitationStack +\| ROLLBACK_COMPLETE +\| AWS::CloudFormation::Stack/m);
    expect(failed.output).not.toContain('had no effect');

    const clean = await run('deploy', STACK);
    expect(clean.code).toBe(0);
    const stackLines = clean.output.split('\n').filter((l) => l.includes('| AWS::CloudFormation::Stack |')).map((l) => l.split('|')[1].trim());
    expect(stackLines).toEqual(['DELETE_IN_PROGRESS', 'DELETE_COMPLETE', 'CREATE_IN_PROGRESS', 'CREATE_COMPLETE']);
  } finally {
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}, 60_000);
