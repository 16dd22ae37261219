// Rollbacks end to end, as CloudFormation drives them (a failed Update is followed by an Update back to the old
// properties, aws/aws-cdk docs/CLOUDFORMATION.md; the local deploy's rollback.ts lists the statuses with their sources):
// the example app deployed locally through the bundled handler, then an update that fails in each way CloudFormation
// knows (refused, answer lost, a later resource failing), and what the rollback sends. The example opens an engagement
// and invites two partners; the changed message is the opportunity invitation's, so the lead invitation and the
// engagement must be left alone. Every test counts the invitations in the local account: a rollback must never send one.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArguments, runLocalDeploy, readCloudAssembly, invokeCustomResource, DeployerOptions, deployStack, destroyStack, localFunction, ResponseReceiver } from 'cdk-engagement-invitation-local';
import { writesOf } from '../support/endpoint-calls';
import {
  ENGAGEMENT, INVITATION, INVITATION_ID, LEAD_INVITATION_ID, LEAD_MESSAGE, leftAlone, NEW_MESSAGE, OPPORTUNITY_MESSAGE,
} from '../support/example-resources';
import { LocalAccount, startLocalAccount, synthExampleApp, TEST_TIMEOUT_SCALE } from '../support/local-lifecycle';

// The example stack's invitations wait for their paced write slots (up to 2.1 s each, lambda/core/write-pacing.ts).
jest.setTimeout(30_000);

const STACK = 'InvitationStack';

let original: string;
let changed: string;
let account: LocalAccount;
const temporary: string[] = [];

beforeAll(() => {
  original = synthExampleApp();
  changed = synthExampleApp({ message: NEW_MESSAGE });
  temporary.push(original, changed);
});
afterAll(() => temporary.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
beforeEach(async () => { account = await startLocalAccount(); });
afterEach(async () => account.close());

async function deploy(assemblyDir: string, options: Partial<DeployerOptions> = {}) {
  const stack = readCloudAssembly(assemblyDir).find((s) => s.name === STACK)!;
  return deployStack(stack, { ...account.deployer, ...options });
}

/** A copy of `assemblyDir` whose InvitationStack template went through `edit`. */
function edited(assemblyDir: string, edit: (resources: Record<string, any>) => void): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'edited-assembly-'));
  temporary.push(copy);
  fs.cpSync(assemblyDir, copy, { recursive: true });
  const file = path.join(copy, `${STACK}.template.json`);
  const template = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(template.Resources);
  fs.writeFileSync(file, JSON.stringify(template));
  return copy;
}

/** With an SSM parameter recording the invitation's Arn: updated after the invitation whenever it is replaced. */
const withArnRecord = (assemblyDir: string) => edited(assemblyDir, (resources) => {
  resources.InvitationArnRecord = { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: { 'Fn::GetAtt': [INVITATION_ID, 'Arn'] } } };
});

const invitations = () => account.endpoint.store.list();
const engagements = () => account.endpoint.store.engagementState().engagements;
const createCalls = () => account.endpoint.calls.filter((c) => c.operation === 'CreateEngagementInvitation');
const physicalId = (logicalId = INVITATION_ID) => account.states.load(STACK)?.resources[logicalId]?.physicalId;
/** The opportunity invitation's events. */
const opportunityEvents = () => account.progress.filter((e) => e.resourceType === INVITATION && e.logicalId === INVITATION_ID);
const stackStatuses = () => account.progress.filter((e) => e.resourceType === 'AWS::CloudFormation::Stack').map((e) => e.status);
/** The handler's log lines (one JSON line per event it ran), from the deployed function's log. */
const handlerLog = (): Array<Record<string, any>> => {
  const fn = Object.values(account.states.load(STACK)!.resources).find((r) => r.function)!.function!;
  return fs.readFileSync(account.states.logFile(fn.functionName), 'utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
};


test('a refused Update rolls back with an Update to the pre-update physical id: the two original invitations stay the only ones', async () => {
  const first = await deploy(original);
  const sent = [first.outputs.InvitationArn.value, first.outputs.LeadInvitationArn.value];
  const before = physicalId();
  const expectUntouched = leftAlone(account);
  account.endpoint.injectFaults('quota', 1);

  const result = await deploy(changed);

  expect(result).toMatchObject({ status: 'UPDATE_ROLLBACK_COMPLETE', failed: true });
  expect(opportunityEvents().slice(2).map((e) => [e.status, e.physicalId, e.reason?.split(':')[0]])).toEqual([
    ['UPDATE_IN_PROGRESS', undefined, undefined],
    ['UPDATE_FAILED', before, 'ServiceQuotaExceededException'],
    ['UPDATE_IN_PROGRESS', before, 'rollback'],
    ['UPDATE_COMPLETE', before, undefined],
  ]);
  expect(createCalls().map((c) => c.status)).toEqual([200, 200, 402]);
  // 0 new after the rollback: the two original invitations are the only ones.
  expect(invitations().map((i) => i.Arn).sort()).toEqual([...sent].sort());
  expect(account.states.load(STACK)).toMatchObject({ status: 'UPDATE_ROLLBACK_COMPLETE', resources: { [INVITATION_ID]: { physicalId: before } } });
  expect(stackStatuses()).toEqual(['CREATE_IN_PROGRESS', 'CREATE_COMPLETE', 'UPDATE_IN_PROGRESS', 'UPDATE_ROLLBACK_IN_PROGRESS', 'UPDATE_ROLLBACK_COMPLETE']);
  expectUntouched();
}, 20_000);

// A stand-in handler (inline code) that answers a FAILED Update with another physical id than the event's.
const FAILS_WITH_ANOTHER_ID = `const http = require('node:http');
exports.handler = async (e) => {
  const fail = e.RequestType === 'Update' && e.ResourceProperties.Mode === 'fail';
  const body = JSON.stringify({ Status: fail ? 'FAILED' : 'SUCCESS', Reason: fail ? 'refused' : undefined,
    PhysicalResourceId: fail ? 'another-id' : (e.PhysicalResourceId || 'first-id'),
    StackId: e.StackId, RequestId: e.RequestId, LogicalResourceId: e.LogicalResourceId, Data: { Arn: 'arn', Id: 'id' } });
  await new Promise((resolve, reject) => http.request(e.ResponseURL, { method: 'PUT', headers: { 'content-length': Buffer.byteLength(body) } },
    (res) => { res.resume(); res.on('end', resolve); }).on('error', reject).end(body));
};`;

test('a FAILED answer with another physical id is reported; the rollback Update still goes to the pre-update id, the other id is deleted in the cleanup', async () => {
  const standIn = (mode: string) => edited(original, (resources) => {
    const fn = Object.values(resources).find((r) => r.Type === 'AWS::Lambda::Function');
    fn.Properties.Code = { ZipFile: FAILS_WITH_ANOTHER_ID };
    fn.Properties.Handler = 'index.handler';
    resources[INVITATION_ID].Properties.Mode = mode;
  });
  await deploy(standIn('succeed'));
  const expectUntouched = leftAlone(account);

  const result = await deploy(standIn('fail'));

  expect(result.status).toBe('UPDATE_ROLLBACK_COMPLETE');
  expect(opportunityEvents().slice(2).map((e) => [e.status, e.physicalId, e.reason?.slice(0, 40)])).toEqual([
    ['UPDATE_IN_PROGRESS', undefined, undefined],
    ['UPDATE_FAILED', 'another-id', 'refused'],
    ['UPDATE_FAILED', 'another-id', 'the FAILED answer carried another physic'],
    ['UPDATE_IN_PROGRESS', 'first-id', 'rollback'],
    ['UPDATE_COMPLETE', 'first-id', undefined],
    ['DELETE_IN_PROGRESS', 'another-id', undefined],
    ['DELETE_COMPLETE', 'another-id', undefined],
  ]);
  expect(physicalId()).toBe('first-id');
  expect(invitations()).toHaveLength(0); // the stand-in sends nothing to Partner Central
  expect(engagements()).toHaveLength(0);
  expectUntouched();
}, 20_000);

test('a lost answer fails the Update after the (scaled) ServiceTimeout; the rollback Update sends nothing', async () => {
  await deploy(original);
  const before = physicalId();
  const expectUntouched = leftAlone(account);
  account.receiver.failNext(1, 'lost'); // the forward Update's answer: 200 to the handler, never seen by CloudFormation

  const result = await deploy(changed);

  expect(result.status).toBe('UPDATE_ROLLBACK_COMPLETE');
  const failed = opportunityEvents().find((e) => e.status === 'UPDATE_FAILED')!;
  expect(failed.reason).toMatch(new RegExp(`^No response within the ServiceTimeout \\(420 s, scaled by ${TEST_TIMEOUT_SCALE}\\)`));
  expect(failed.durationMs).toBeGreaterThanOrEqual(420 * 1000 * TEST_TIMEOUT_SCALE);
  expect(failed.physicalId).toBe(before); // no answer: no new physical id
  expect(opportunityEvents().slice(-2).map((e) => [e.status, e.physicalId])).toEqual([['UPDATE_IN_PROGRESS', before], ['UPDATE_COMPLETE', before]]);
  // The lost forward Update did send its invitation (CloudFormation never heard of it); the rollback sent none.
  expect(createCalls()).toHaveLength(3);
  expect(invitations()).toHaveLength(3);
  expect(account.progress.at(-1)?.reason).toContain(`${INVITATION_ID} (no answer: what its function did is unknown)`);
  expectUntouched();
}, 30_000);

test.each([false, true])('a replacement, then a later resource fails (rollbackUpdateAfterReplacement %s): the replacement is deleted in the cleanup, nothing sent', async (updateBack) => {
  await deploy(withArnRecord(original));
  const before = physicalId();
  const expectUntouched = leftAlone(account);
  const published: Array<[string, string]> = [];
  const cloudFormation = {
    setStackStatus: (id: string, name: string, status: string) => {
      published.push([id, status]);
      account.cloudFormation.setStackStatus(id, name, status);
    },
  };

  const result = await deploy(withArnRecord(changed), { failResources: ['InvitationArnRecord'], rollbackUpdateAfterReplacement: updateBack, cloudFormation });

  expect(result).toMatchObject({ status: 'UPDATE_ROLLBACK_COMPLETE', reason: expect.stringMatching(/^InvitationArnRecord \(AWS::SSM::Parameter\): failed on purpose/) });
  const replacement = opportunityEvents().find((e) => e.status === 'UPDATE_COMPLETE')!.physicalId;
  expect(replacement).not.toBe(before);
  expect(opportunityEvents().slice(4).map((e) => [e.status, e.physicalId])).toEqual([
    ...(updateBack ? [['UPDATE_IN_PROGRESS', before], ['UPDATE_COMPLETE', before]] : []),
    ['DELETE_IN_PROGRESS', replacement], ['DELETE_COMPLETE', replacement],
  ]);
  // The statuses DescribeStacks answered, with the StackId the events carry.
  const stackId = account.states.load(STACK)!.stackId;
  expect(published).toEqual(['CREATE_COMPLETE', 'UPDATE_IN_PROGRESS', 'UPDATE_ROLLBACK_IN_PROGRESS', 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
    'UPDATE_ROLLBACK_COMPLETE'].map((status) => [stackId, status]));
  // DescribeStacks as the handler called it: each Create of the first deploy (the engagement once, the two invitations
  // twice: again just before the paced write), then the forward Update (twice too); the Update back to the old id (if
  // sent) and the cleanup's Delete read nothing.
  expect(account.cloudFormation.calls.map((c) => [c.stackName, c.stackStatus])).toEqual([
    ...Array(5).fill([stackId, 'CREATE_IN_PROGRESS']), ...Array(2).fill([stackId, 'UPDATE_IN_PROGRESS']),
  ]);
  // The replacement's invitation is the only extra one; the Update back to the old id (if sent) sent nothing.
  expect(createCalls()).toHaveLength(3);
  expect(invitations()).toHaveLength(3);
  expectUntouched();
}, 30_000);

test.each([false, true])('a forward Update sends exactly one invitation (duplicate delivery %s)', async (duplicateDelivery) => {
  // Every ResponseURL handed out, to read all the answers each event got (the deployer keeps only the first).
  const responseKeys: string[] = [];
  const receiver: ResponseReceiver = {
    ...account.receiver,
    newResponseUrl: () => {
      const url = account.receiver.newResponseUrl();
      responseKeys.push(url.key);
      return url;
    },
  };
  await deploy(original, { duplicateDelivery, receiver });
  const callsBefore = account.endpoint.calls.length;
  const expectUntouched = leftAlone(account);

  const result = await deploy(changed, { duplicateDelivery, receiver });

  expect(result.status).toBe('UPDATE_COMPLETE');
  const messages = invitations().map((i) => i.InvitationMessage);
  expect(messages.slice(0, 2).sort()).toEqual([LEAD_MESSAGE, OPPORTUNITY_MESSAGE].sort()); // the first deploy's, in parallel
  expect(messages.slice(2)).toEqual([NEW_MESSAGE]);
  // Each invitation written once, with its own event's RequestId, however many times the event was delivered.
  const tokens = createCalls().map((c) => c.clientToken);
  expect(tokens).toHaveLength(3);
  expect(new Set(tokens).size).toBe(3);
  // The forward Update's only write is its invitation, with its event's RequestId; the rest are the reads before it.
  const updateRequestId = opportunityEvents().find((e) => e.status === 'UPDATE_COMPLETE')!.requestId;
  expect(updateRequestId).toBeDefined();
  const updateCalls = account.endpoint.calls.slice(callsBefore);
  expect(writesOf(updateCalls).map((c) => [c.operation, c.clientToken, c.status])).toEqual([['CreateEngagementInvitation', updateRequestId, 200]]);
  // Delivered twice, the same event carries the same RequestId: the second delivery finds what the first one created
  // and adopts it (no write), and answers CloudFormation exactly as the first did.
  const answers = responseKeys.map((key) => account.receiver.received(key).map((r) => r.response));
  expect(answers).toHaveLength(5); // the 3 Creates, the forward Update, the cleanup's Delete of the old id
  for (const [first, ...again] of answers) {
    expect(first?.Status).toBe('SUCCESS');
    expect(again).toEqual(duplicateDelivery ? [first] : []);
  }
  const runs = new Map<string, Array<Record<string, any>>>();
  handlerLog().forEach((line) => runs.set(line.requestId, [...(runs.get(line.requestId) ?? []), line]));
  const sending = [...runs.values()].filter(([line]) => line.requestType === 'Create' || line.requestType === 'Update');
  expect(sending.map(([line]) => line.requestType).sort()).toEqual(['Create', 'Create', 'Create', 'Update']);
  for (const lines of sending) {
    expect(lines.map((l) => [l.outcome, l.apiCalls, l.adopted])).toEqual(
      [['SUCCESS', 1, undefined], ...(duplicateDelivery ? [['SUCCESS', 0, true]] : [])]);
  }
  // The engagement too: one CreateEngagement, one engagement, however many times its Create was delivered.
  expect(account.endpoint.calls.filter((c) => c.operation === 'CreateEngagement')).toHaveLength(1);
  expect(engagements()).toHaveLength(1);
  expectUntouched();
}, 30_000);

test('a changed ServiceToken is refused by CloudFormation itself: no event sent, the stack rolls back', async () => {
  await deploy(original);
  const before = physicalId();
  const expectUntouched = leftAlone(account);
  const stackReadsBefore = account.cloudFormation.calls.length;
  const callsBefore = account.endpoint.calls.length;
  const otherToken = edited(original, (resources) => {
    resources[INVITATION_ID].Properties.ServiceToken = 'arn:aws:lambda:us-east-1:123456789012:function:AnotherHandler';
  });

  const result = await deploy(otherToken);

  expect(result).toMatchObject({ status: 'UPDATE_ROLLBACK_COMPLETE', reason: `${INVITATION_ID} (${INVITATION}): Modifying service token is not allowed.` });
  expect(opportunityEvents().slice(2).map((e) => [e.status, e.physicalId])).toEqual([['UPDATE_IN_PROGRESS', undefined], ['UPDATE_FAILED', before]]);
  // No event sent, so the handler ran not at all: no DescribeStacks, no Partner Central call.
  expect(account.cloudFormation.calls).toHaveLength(stackReadsBefore);
  expect(account.endpoint.calls).toHaveLength(callsBefore);
  expect(invitations()).toHaveLength(2);
  expectUntouched();
}, 20_000);

test('Retain is honoured: a replaced invitation with UpdateReplacePolicy Retain and the Retain log group are DELETE_SKIPPED', async () => {
  const retain = (dir: string) => edited(dir, (resources) => { resources[INVITATION_ID].UpdateReplacePolicy = 'Retain'; });
  await deploy(retain(original));
  const before = physicalId();
  const lead = physicalId(LEAD_INVITATION_ID);
  await deploy(retain(changed));
  const replacement = physicalId();
  expect(replacement).not.toBe(before);
  const destroyed = await destroyStack(STACK, account.deployer);

  expect(destroyed.status).toBe('DELETE_COMPLETE');
  const skipped = account.progress.filter((e) => e.status === 'DELETE_SKIPPED').map((e) => [e.resourceType, e.physicalId === before, e.reason]);
  expect(skipped).toEqual([
    [INVITATION, true, 'UpdateReplacePolicy: Retain'],
    ['AWS::Logs::LogGroup', false, 'DeletionPolicy: Retain'],
  ]);
  expect(account.progress.filter((e) => e.status === 'DELETE_COMPLETE').map((e) => e.resourceType).sort()).toEqual(
    ['AWS::CloudFormation::Stack', 'AWS::Events::Rule', 'AWS::IAM::Role', 'AWS::Lambda::EventInvokeConfig', 'AWS::Lambda::Function',
      'AWS::SNS::Topic', 'AWS::SNS::TopicPolicy', ENGAGEMENT, INVITATION, INVITATION]);
  // The invitations deleted with the stack: the opportunity's replacement and the lead (the retained one is not).
  expect(account.progress.filter((e) => e.status === 'DELETE_COMPLETE' && e.resourceType === INVITATION).map((e) => e.physicalId).sort())
    .toEqual([replacement, lead].sort());
  expect(invitations()).toHaveLength(3);
}, 30_000);

test('a function that fails without answering: Lambda\'s two retries, then the rest of the ServiceTimeout, then FAILED', async () => {
  const code = fs.mkdtempSync(path.join(os.tmpdir(), 'crashing-function-'));
  temporary.push(code);
  fs.writeFileSync(path.join(code, 'index.js'), 'exports.handler = async () => { throw new Error("crashed"); };');
  const runtime = readCloudAssembly(original).flatMap((s) => Object.values(s.template.Resources))
    .find((r) => r.Type === 'AWS::Lambda::Function')!.Properties!.Runtime;
  const fn = localFunction('Crashing', 'arn:aws:lambda:us-east-1:123456789012:function:Crashing', { Handler: 'index.handler', Runtime: runtime }, code, 'us-east-1');
  const started = Date.now();

  const result = await invokeCustomResource(fn, {
    requestType: 'Create',
    stackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/S/1',
    logicalId: 'R',
    resourceType: 'Custom::R',
    properties: { ServiceToken: fn.functionArn, ServiceTimeout: '400' },
  }, { receiver: account.receiver, extraEnvironment: {}, logFile: path.join(code, 'log.txt'), timeoutScale: 0.01 });

  expect(result).toMatchObject({ status: 'FAILED', invocations: 3, noAnswer: true });
  expect(result.reason).toMatch(/^No response within the ServiceTimeout \(400 s, scaled by 0.01\): the function failed/);
  expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
}, 20_000);

test('destroy of a stack that is not deployed fails, naming the deployed stacks', async () => {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-local-'));
  temporary.push(stateDir);
  const run = (...argv: string[]) => runLocalDeploy(parseArguments([...argv, '--state-dir', stateDir]), () => undefined);
  expect(await run('deploy', '--app', original)).toBe(0);

  await expect(run('destroy', 'NoSuchStack')).rejects.toThrow(/^no deployed stack named NoSuchStack \(deployed stacks: (ConsumerStack, InvitationStack|InvitationStack, ConsumerStack)\)$/);
  expect(fs.readdirSync(path.join(stateDir, 'stacks')).sort()).toEqual(['ConsumerStack.json', 'InvitationStack.json']);
}, 20_000);
