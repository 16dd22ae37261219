// `--redeliver-late`: Lambda delivers an asynchronous event at least once and may deliver it again late, so after a
// stack operation finished every custom resource event it sent reaches the function once more (same RequestId, same
// body). CloudFormation no longer listens: the answers are reported and never recorded. An event older than the
// function's MaximumEventAgeInSeconds is discarded by Lambda instead. The deploys here run at timeoutScale 1 (nothing
// in them waits), so that the events' ages are real seconds, far below any maximum event age.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArguments, runLocalDeploy, USAGE, UsageRequested, DeployerOptions, ProgressEvent, EVENT_INVOKE_CONFIG_TYPE, LATE_DELIVERY } from 'cdk-engagement-invitation-local';
import { ACCEPTED_RULE_ID, ENGAGEMENT_ID, INVITATION_ID, LEAD_INVITATION_ID, NEW_MESSAGE } from '../support/example-resources';
import { useExampleDeploys } from '../support/local-lifecycle';
import { observeStackStatuses } from '../support/stack-observer';

// The example stack's invitations wait for their paced write slots (up to 2.1 s each, lambda/core/write-pacing.ts).
jest.setTimeout(30_000);

const STACK = 'InvitationStack';

const example = useExampleDeploys(NEW_MESSAGE);
/** Lambda's retry delays in real time here: the maximum event age is what is under test. */
const deploy = (assemblyDir: string, options: Partial<DeployerOptions> = {}) => example.deploy(assemblyDir, { timeoutScale: 1, ...options });
const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const late = (from = 0): ProgressEvent[] => example.account.progress.slice(from).filter((e) => e.status === LATE_DELIVERY);
/** The custom resource events an operation sent: [logical id, RequestId], in the order they were answered. */
const sentRequests = (from: number) => example.account.progress.slice(from)
  .filter((e) => e.requestId && e.status !== LATE_DELIVERY && e.status !== 'WAITING')
  .map((e) => [e.logicalId, e.requestId!]);

test('after CREATE_COMPLETE, each Create is delivered once more with its RequestId: answered, reported, not recorded', async () => {
  const observed = observeStackStatuses(example.account);
  const statusAtLateDelivery: string[] = [];
  const report: DeployerOptions['report'] = (e) => {
    example.account.progress.push(e);
    if (e.status === LATE_DELIVERY) statusAtLateDelivery.push(observed.current()!);
  };

  const result = await deploy(example.original, { redeliverLate: true, cloudFormation: observed.sink, report });

  expect(result.status).toBe('CREATE_COMPLETE');
  const completed = example.account.progress.findIndex((e) => e.logicalId === STACK && e.status === 'CREATE_COMPLETE');
  // One late delivery per event sent (same RequestId), all after the operation finished.
  const byId = (a: string[], b: string[]) => a[0].localeCompare(b[0]);
  expect(late().map((e) => [e.logicalId, e.requestId!]).sort(byId)).toEqual(sentRequests(0).sort(byId));
  expect(late().map((e) => e.logicalId).sort()).toEqual([ENGAGEMENT_ID, INVITATION_ID, LEAD_INVITATION_ID].sort());
  expect(example.account.progress.findIndex((e) => e.status === LATE_DELIVERY)).toBeGreaterThan(completed);
  expect(statusAtLateDelivery).toEqual(['CREATE_COMPLETE', 'CREATE_COMPLETE', 'CREATE_COMPLETE']);
  for (const e of late()) expect(e.reason).toMatch(new RegExp(`^late delivery of ${e.logicalId} Create: (SUCCESS \\S+|FAILED \\(\\w+\\))$`));
  // The answers change nothing CloudFormation holds: the stack as the operation left it.
  const recorded = example.account.states.load(STACK)!;
  expect(Object.fromEntries([ENGAGEMENT_ID, INVITATION_ID, LEAD_INVITATION_ID].map((id) => [id, recorded.resources[id].physicalId])))
    .toEqual(Object.fromEntries([ENGAGEMENT_ID, INVITATION_ID, LEAD_INVITATION_ID].map((id) =>
      [id, example.account.progress.find((e) => e.logicalId === id && e.status === 'CREATE_COMPLETE')!.physicalId])));
  expect(observed.published.map((p) => p.status)).toEqual(['CREATE_IN_PROGRESS', 'CREATE_COMPLETE']);
  // The late Creates carry the same RequestId (the ClientToken): still one engagement and two invitations.
  expect(example.account.endpoint.store.engagementState().engagements).toHaveLength(1);
  expect(example.account.endpoint.store.list()).toHaveLength(2);
}, 60_000);

test('after UPDATE_ROLLBACK_COMPLETE, the forward Update and the cleanup Delete are delivered again; the function reads the rollback', async () => {
  await deploy(example.original);
  const before = example.account.states.load(STACK)!.resources[INVITATION_ID].physicalId;
  const progressBefore = example.account.progress.length;
  let readsInOperation = 0;
  const report: DeployerOptions['report'] = (e) => {
    example.account.progress.push(e);
    if (e.logicalId === STACK && e.status === 'UPDATE_ROLLBACK_COMPLETE') readsInOperation = example.account.cloudFormation.calls.length;
  };

  const result = await deploy(example.changed, { failResources: [ACCEPTED_RULE_ID], redeliverLate: true, report });

  expect(result.status).toBe('UPDATE_ROLLBACK_COMPLETE');
  const sent = sentRequests(progressBefore);
  expect(late(progressBefore).map((e) => [e.logicalId, e.requestId])).toEqual(sent);
  expect(late(progressBefore).map((e) => e.reason!.replace(/:.*/, ''))).toEqual([
    `late delivery of ${INVITATION_ID} Update`, `late delivery of ${INVITATION_ID} Delete`,
  ]);
  // What DescribeStacks told the late Update, which differs from the restored invitation: the operation is over.
  const lateReads = example.account.cloudFormation.calls.slice(readsInOperation).map((c) => c.stackStatus);
  expect(lateReads.length).toBeGreaterThan(0);
  expect(lateReads).toEqual(lateReads.map(() => 'UPDATE_ROLLBACK_COMPLETE'));
  // Nothing recorded: the rollback's pre-update physical id stays; the late Update sent no invitation.
  expect(example.account.states.load(STACK)).toMatchObject({ status: 'UPDATE_ROLLBACK_COMPLETE', resources: { [INVITATION_ID]: { physicalId: before } } });
  expect(example.account.endpoint.store.list()).toHaveLength(3);
}, 60_000);

test('an event older than the function\'s MaximumEventAgeInSeconds is discarded, not delivered', async () => {
  // 60 s, the least AWS::Lambda::EventInvokeConfig allows; at 0.0001 real seconds per CloudFormation second every
  // event of the deploy is older than that when it ends.
  const withMaximumAge = fs.mkdtempSync(path.join(os.tmpdir(), 'event-age-assembly-'));
  temporary.push(withMaximumAge);
  fs.cpSync(example.original, withMaximumAge, { recursive: true });
  const file = path.join(withMaximumAge, `${STACK}.template.json`);
  const template = JSON.parse(fs.readFileSync(file, 'utf8'));
  const [functionId] = Object.entries(template.Resources as Record<string, any>).find(([, r]) => r.Type === 'AWS::Lambda::Function')!;
  const configs = Object.values(template.Resources as Record<string, any>).filter((r) => r.Type === EVENT_INVOKE_CONFIG_TYPE);
  if (configs.length === 0) {
    template.Resources.HandlerEventInvokeConfig = { Type: EVENT_INVOKE_CONFIG_TYPE, Properties: { FunctionName: { Ref: functionId }, Qualifier: '$LATEST' } };
    configs.push(template.Resources.HandlerEventInvokeConfig);
  }
  configs.forEach((config) => { config.Properties.MaximumEventAgeInSeconds = 60; });
  fs.writeFileSync(file, JSON.stringify(template));
  const invocationsLogged = () => fs.readFileSync(path.join(example.account.states.stateDir, 'logs', fs.readdirSync(path.join(example.account.states.stateDir, 'logs'))[0]), 'utf8')
    .split('\n').filter((l) => l.startsWith('START RequestId:')).length;

  const result = await deploy(withMaximumAge, { redeliverLate: true, timeoutScale: 0.0001 });

  expect(result.status).toBe('CREATE_COMPLETE');
  expect(late()).toHaveLength(3);
  for (const e of late()) {
    expect(e.reason).toMatch(/^late delivery of \w+ Create: discarded by Lambda, the event is \d+ s old \(MaximumEventAgeInSeconds 60\)$/);
  }
  expect(invocationsLogged()).toBe(3); // the three Creates, once each
}, 60_000);

test('deploy:local --redeliver-late prints one line per late event', async () => {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-local-'));
  temporary.push(stateDir);
  const lines: string[] = [];

  const code = await runLocalDeploy(parseArguments(['deploy', STACK, '--app', example.original, '--state-dir', stateDir, '--redeliver-late']), (l) => lines.push(l));

  expect(code).toBe(0);
  const lateLines = lines.filter((l) => / \| late delivery of /.test(l));
  expect(lateLines).toHaveLength(3);
  expect(lateLines.find((l) => l.includes(`late delivery of ${ENGAGEMENT_ID} Create: `))).toMatch(/^InvitationStack +\| LATE_DELIVERY +\| Custom::PartnerCentralEngagement \| /);
  expect(parseArguments(['deploy']).redeliverLate).toBe(false);
  expect(parseArguments(['deploy', '--redeliver-late']).redeliverLate).toBe(true);
  // --help: the usage names each option, and says where CloudFormation's behaviour is not documented.
  expect(() => parseArguments(['deploy', '--help'])).toThrow(UsageRequested);
  for (const option of ['--redeliver-late', '--in-flight <wait|cancel>', '--fail-resource <id>']) expect(USAGE).toContain(option);
  expect(USAGE).toContain('not documented whether CloudFormation waits for them');
  expect(USAGE).toContain('not documented whether CloudFormation records it');
}, 60_000);
