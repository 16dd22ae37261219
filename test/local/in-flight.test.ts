// Custom resources still in progress when another resource fails (`--in-flight`). What CloudFormation does is not
// documented; stack events users have shared show them cancelled ("Resource creation cancelled" / "Resource update
// cancelled") and the rollback starting without waiting. `wait` (the default) lets them finish first; `cancel` reports
// them cancelled, moves the stack to its rollback status at once and ignores the answer that still comes. Here the
// lead invitation fails at once (fail-resource) while the opportunity invitation's event is out.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BackgroundWork, parseArguments, runLocalDeploy, readCloudAssembly, DeployerOptions, deployStack, CREATE_CANCELLED, UPDATE_CANCELLED } from 'cdk-engagement-invitation-local';
import { INVITATION_ID, LEAD_INVITATION_ID, NEW_LEAD_MESSAGE, NEW_MESSAGE } from '../support/example-resources';
import { LocalAccount, startLocalAccount, synthExampleApp } from '../support/local-lifecycle';
import { observeStackStatuses } from '../support/stack-observer';

// The example stack's invitations wait for their paced write slots (up to 2.1 s each, lambda/core/write-pacing.ts).
jest.setTimeout(30_000);

const STACK = 'InvitationStack';

let original: string;
let bothChanged: string;
let account: LocalAccount;

beforeAll(() => {
  original = synthExampleApp();
  bothChanged = synthExampleApp({ message: NEW_MESSAGE, leadMessage: NEW_LEAD_MESSAGE });
});
afterAll(() => [original, bothChanged].forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
beforeEach(async () => { account = await startLocalAccount(); });
afterEach(async () => account.close());

async function deploy(assemblyDir: string, options: Partial<DeployerOptions> = {}) {
  const stack = readCloudAssembly(assemblyDir).find((s) => s.name === STACK)!;
  return deployStack(stack, { ...account.deployer, ...options });
}

const eventsOf = (logicalId: string) => account.progress.filter((e) => e.logicalId === logicalId);
const indexOf = (logicalId: string, status: string) => account.progress.findIndex((e) => e.logicalId === logicalId && e.status === status);
const createCalls = () => account.endpoint.calls.filter((c) => c.operation === 'CreateEngagementInvitation');
/** How many times the function was run with `requestId` (its log, as CloudWatch Logs would hold it). */
function deliveries(requestId: string): number {
  const logs = fs.readdirSync(path.join(account.states.stateDir, 'logs')).map((f) => fs.readFileSync(path.join(account.states.stateDir, 'logs', f), 'utf8'));
  return logs.join('').split('\n').filter((line) => line.startsWith(`START RequestId: ${requestId}`)).length;
}

test('cancel, failed creation: the invitation in progress is CREATE_FAILED "Resource creation cancelled", the rollback starts at once, its answer is ignored', async () => {
  const background = new BackgroundWork();
  const observed = observeStackStatuses(account);
  let statusWhenAnswered: string | undefined;
  let readsBeforeCancel = 0;
  const report: DeployerOptions['report'] = (e) => {
    account.progress.push(e);
    if (e.status === 'ANSWER_IGNORED') statusWhenAnswered = observed.current();
    if (e.reason === CREATE_CANCELLED) readsBeforeCancel = account.cloudFormation.calls.length;
  };

  const result = await deploy(original, { failResources: [LEAD_INVITATION_ID], inFlight: 'cancel', background, cloudFormation: observed.sink, report });
  await background.settle();

  expect(result).toMatchObject({ status: 'ROLLBACK_COMPLETE', failed: true, reason: expect.stringMatching(new RegExp(`^${LEAD_INVITATION_ID} `)) });
  const events = eventsOf(INVITATION_ID);
  expect(events.map((e) => [e.status, e.physicalId, e.reason])).toEqual([
    ['CREATE_IN_PROGRESS', undefined, undefined],
    ['CREATE_FAILED', undefined, CREATE_CANCELLED],
    // No physical id was recorded: nothing to delete, no Delete event.
    ['DELETE_SKIPPED', undefined, expect.stringMatching(/^its creation was cancelled before an answer, so CloudFormation recorded no physical id/)],
    ['ANSWER_IGNORED', expect.anything(), expect.stringMatching(/after CloudFormation cancelled the resource: not recorded$/)],
  ]);
  // The stack moved to ROLLBACK_IN_PROGRESS while the function was still running; its answer came in the rollback.
  expect(indexOf(STACK, 'ROLLBACK_IN_PROGRESS')).toBeGreaterThan(indexOf(INVITATION_ID, 'CREATE_FAILED'));
  expect(indexOf(STACK, 'ROLLBACK_IN_PROGRESS')).toBeLessThan(indexOf(INVITATION_ID, 'ANSWER_IGNORED'));
  expect(statusWhenAnswered).toMatch(/^ROLLBACK_(IN_PROGRESS|COMPLETE)$/);
  expect(observed.published.map((p) => p.status)).toEqual(['CREATE_IN_PROGRESS', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_COMPLETE']);
  // The function got the Create once, and nothing else for this resource.
  const [answered] = events.filter((e) => e.status === 'ANSWER_IGNORED');
  expect(deliveries(answered.requestId!)).toBe(1);
  // The answer is not recorded: the stack is empty.
  expect(account.states.load(STACK)).toMatchObject({ status: 'ROLLBACK_COMPLETE', resources: {} });
  expect(account.progress.find((e) => e.logicalId === STACK && e.status === 'ROLLBACK_COMPLETE')?.reason)
    .toContain(`${INVITATION_ID} (cancelled: what its function did is unknown)`);
  // Whatever the function read from DescribeStacks after the cancellation was a rollback status.
  const readsAfterCancel = account.cloudFormation.calls.slice(readsBeforeCancel).map((c) => c.stackStatus);
  expect(readsAfterCancel).toEqual(readsAfterCancel.map(() => expect.stringMatching(/^ROLLBACK_/)));
}, 60_000);

test('wait (the default), failed creation: the invitation in progress completes before the rollback, which deletes it', async () => {
  const result = await deploy(original, { failResources: [LEAD_INVITATION_ID] });

  expect(result.status).toBe('ROLLBACK_COMPLETE');
  expect(eventsOf(INVITATION_ID).map((e) => e.status)).toEqual(['CREATE_IN_PROGRESS', 'CREATE_COMPLETE', 'DELETE_IN_PROGRESS', 'DELETE_COMPLETE']);
  expect(indexOf(INVITATION_ID, 'CREATE_COMPLETE')).toBeLessThan(indexOf(STACK, 'ROLLBACK_IN_PROGRESS'));
}, 60_000);

test('cancel, failed update: UPDATE_FAILED "Resource update cancelled", then the Update back to the pre-update physical id', async () => {
  await deploy(original);
  const before = account.states.load(STACK)!.resources[INVITATION_ID].physicalId;
  const background = new BackgroundWork();
  const observed = observeStackStatuses(account);
  const progressBefore = account.progress.length;
  const readsBefore = account.cloudFormation.calls.length;

  const result = await deploy(bothChanged, { failResources: [LEAD_INVITATION_ID], inFlight: 'cancel', background, cloudFormation: observed.sink });
  await background.settle();

  expect(result.status).toBe('UPDATE_ROLLBACK_COMPLETE');
  const events = account.progress.slice(progressBefore).filter((e) => e.logicalId === INVITATION_ID);
  // The ignored answer of the cancelled Update may come before or after the rollback's Update.
  expect(events.filter((e) => e.status !== 'ANSWER_IGNORED').map((e) => [e.status, e.physicalId, e.reason])).toEqual([
    ['UPDATE_IN_PROGRESS', undefined, undefined],
    ['UPDATE_FAILED', before, UPDATE_CANCELLED],
    ['UPDATE_IN_PROGRESS', before, 'rollback'],
    ['UPDATE_COMPLETE', before, undefined],
  ]);
  expect(events.filter((e) => e.status === 'ANSWER_IGNORED')).toHaveLength(1);
  expect(observed.published.map((p) => p.status)).toEqual(['CREATE_COMPLETE', 'UPDATE_IN_PROGRESS', 'UPDATE_ROLLBACK_IN_PROGRESS', 'UPDATE_ROLLBACK_COMPLETE']);
  expect(account.states.load(STACK)).toMatchObject({ status: 'UPDATE_ROLLBACK_COMPLETE', resources: { [INVITATION_ID]: { physicalId: before } } });
  // The cancelled Update's function asked DescribeStacks after the rollback had begun, and was told so.
  const reads = account.cloudFormation.calls.slice(readsBefore).map((c) => c.stackStatus);
  expect(reads.length).toBeGreaterThan(0);
  expect(reads).toEqual(reads.map(() => expect.stringMatching(/^UPDATE_ROLLBACK_/)));
  // So it sent nothing: the two invitations of the first deploy are the only ones.
  expect(createCalls()).toHaveLength(2);
  expect(account.endpoint.store.list()).toHaveLength(2);
}, 60_000);

test('deploy:local --in-flight cancel: the cancelled invocation is awaited before the summary; bad values are refused', async () => {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-local-'));
  try {
    const lines: string[] = [];
    const code = await runLocalDeploy(parseArguments(['deploy', STACK, '--app', original, '--state-dir', stateDir,
      '--fail-resource', LEAD_INVITATION_ID, '--in-flight', 'cancel']), (line) => lines.push(line));

    expect(code).toBe(1);
    const at = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l));
    expect(at(new RegExp(`CREATE_FAILED +\\| Custom::PartnerCentralEngagementInvitation \\| ${INVITATION_ID} \\| ${CREATE_CANCELLED}$`))).toBeGreaterThan(-1);
    expect(at(/ANSWER_IGNORED/)).toBeGreaterThan(at(/ROLLBACK_IN_PROGRESS/));
    expect(at(/^Partner Central Selling: \d+ CreateEngagementInvitation request/)).toBeGreaterThan(at(/ANSWER_IGNORED/));
  } finally {
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
  expect(parseArguments(['deploy']).inFlight).toBe('wait');
  expect(parseArguments(['deploy', '--in-flight', 'cancel']).inFlight).toBe('cancel');
  expect(() => parseArguments(['deploy', '--in-flight', 'abort'])).toThrow(/^--in-flight abort: expected wait or cancel$/);
}, 60_000);
