// End to end, stack by stack: the example app's cloud assembly deployed, updated and destroyed locally, as
// CloudFormation would drive it, through the bundled handler and the local Partner Central endpoint.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArguments, runLocalDeploy, readCloudAssembly, deployStack, destroyStack, ProgressEvent } from 'cdk-engagement-invitation-local';
import { INVITATION_CREATE_FAILED_MARKER } from '../../lib/core/contract';
import { isRead, writesOf } from '../support/endpoint-calls';
import {
  ENGAGEMENT, ENGAGEMENT_ID, INVITATION, INVITATION_ID, LEAD_INVITATION_ID, LEAD_MESSAGE, leftAlone, NEW_MESSAGE, OPPORTUNITY_MESSAGE,
} from '../support/example-resources';
import { LocalAccount, startLocalAccount, synthExampleApp } from '../support/local-lifecycle';

// The example stack's invitations wait for their paced write slots (up to 2.1 s each, lambda/core/write-pacing.ts).
jest.setTimeout(30_000);

const ARN = /^arn:aws:partnercentral::123456789012:Sandbox\/engagement-invitation\/engi-[0-9a-z]{13}$/;

let defaultAssembly: string;
let account: LocalAccount;
const temporary: string[] = [];

function assembly(context: Record<string, string> = {}): string {
  const dir = synthExampleApp(context);
  temporary.push(dir);
  return dir;
}

async function deployAll(assemblyDir: string, only?: string) {
  const results = [];
  for (const stack of readCloudAssembly(assemblyDir).filter((s) => !only || s.name === only)) {
    results.push(await deployStack(stack, account.deployer));
  }
  return results;
}

/** Both invitations' events. */
const invitationEvents = (status?: string): ProgressEvent[] =>
  account.progress.filter((e) => e.resourceType === INVITATION && (!status || e.status === status));
/** The opportunity invitation's events. */
const opportunityEvents = (status?: string): ProgressEvent[] => invitationEvents(status).filter((e) => e.logicalId === INVITATION_ID);
const engagementEvents = (): ProgressEvent[] => account.progress.filter((e) => e.resourceType === ENGAGEMENT);
const createCalls = () => account.endpoint.calls.filter((c) => c.operation === 'CreateEngagementInvitation');
const createEngagementCalls = () => account.endpoint.calls.filter((c) => c.operation === 'CreateEngagement');
const engagements = () => account.endpoint.store.engagementState().engagements;
/** A resource's physical id as the local CloudFormation recorded it (its format is the handler's business). */
const physicalIdOf = (logicalId: string) => account.states.load('InvitationStack')?.resources[logicalId]?.physicalId;
const invitationPhysicalId = () => physicalIdOf(INVITATION_ID);


beforeAll(() => { defaultAssembly = assembly(); });
afterAll(() => temporary.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
beforeEach(async () => { account = await startLocalAccount(); });
afterEach(async () => account.close());

test('deploy: both stacks created in dependency order; the outputs flow through the export into the consumer', async () => {
  const [invitation, consumer] = await deployAll(defaultAssembly);

  expect([invitation.stackName, invitation.status, consumer.stackName, consumer.status])
    .toEqual(['InvitationStack', 'CREATE_COMPLETE', 'ConsumerStack', 'CREATE_COMPLETE']);
  const arn = invitation.outputs.InvitationArn.value as string;
  expect(arn).toMatch(ARN);
  expect(invitation.outputs.InvitationId.value).toBe(arn.split('/').pop());
  expect(invitation.outputs.InvitationArn.exportName).toBe('InvitationStack-InvitationArn');
  expect(consumer.outputs.ConsumedInvitationArn.value).toBe(arn);
  expect(consumer.outputs.ConsumedInvitationId.value).toBe(invitation.outputs.InvitationId.value);
  expect(consumer.outputs.InvitationArnParameterName.value).toMatch(/^CFN-InvitationArnParameter/);
  const leadArn = invitation.outputs.LeadInvitationArn.value as string;
  expect(leadArn).toMatch(ARN);
  expect(leadArn).not.toBe(arn);
  expect(invitation.outputs.EngagementId.value).toMatch(/^eng-[0-9a-z]{14}$/);
  // Two invitations, each sent once with its own event's RequestId as its ClientToken.
  const created = invitationEvents('CREATE_COMPLETE');
  expect(created.map((e) => e.logicalId).sort()).toEqual([INVITATION_ID, LEAD_INVITATION_ID].sort());
  const requestIds = created.map((e) => e.requestId);
  expect(new Set(requestIds).size).toBe(2);
  expect(createCalls().map((c) => [c.clientToken, c.status]).sort()).toEqual(requestIds.map((id) => [id, 200]).sort());
  expect(account.endpoint.store.list().map((i) => i.Arn).sort()).toEqual([arn, leadArn].sort());
}, 20_000); // both stacks, three custom resources: over the default 5 s on a loaded machine

test('deploy again with nothing changed: no changes, no event sent, the same outputs', async () => {
  const first = await deployAll(defaultAssembly);
  const eventsBefore = account.progress.length;
  const callsBefore = account.endpoint.calls.length;

  const second = await deployAll(assembly());

  expect(second.map((r) => [r.changed, r.failed])).toEqual([[false, false], [false, false]]);
  expect(second.map((r) => r.outputs)).toEqual(first.map((r) => r.outputs));
  expect(account.progress).toHaveLength(eventsBefore);
  expect(account.endpoint.calls).toHaveLength(callsBefore);
  expect(createCalls()).toHaveLength(2);
  expect(createEngagementCalls()).toHaveLength(1);
});

test('a deploy creates 1 engagement and invites 2 partners to it by the id it got; a second deploy sends nothing', async () => {
  const [first] = await deployAll(defaultAssembly, 'InvitationStack');

  // One CreateEngagement, whose ClientToken is its event's RequestId.
  const [engagementCreated] = engagementEvents().filter((e) => e.status === 'CREATE_COMPLETE');
  expect(engagementCreated.requestId).toBeDefined();
  expect(createEngagementCalls()).toMatchObject([{ clientToken: engagementCreated.requestId, status: 200 }]);
  expect(engagements()).toHaveLength(1);
  const [engagement] = engagements();
  expect(engagement.Id).toMatch(/^eng-[0-9a-z]{14}$/);
  expect(first.outputs.EngagementId.value).toBe(engagement.Id);
  // Two invitations; the EngagementIdentifier each request carried (the store keeps it as received) is the id the
  // engagement got, resolved from the GetAtt: not the made-up id of the old example.
  expect(createCalls().map((c) => c.status)).toEqual([200, 200]);
  const invitations = account.endpoint.store.list();
  expect(invitations.map((i) => i.EngagementId)).toEqual([engagement.Id, engagement.Id]);
  expect(invitations.map((i) => i.InvitationMessage).sort()).toEqual([LEAD_MESSAGE, OPPORTUNITY_MESSAGE].sort());
  // Both invitations started after the engagement was created (they reference it).
  const engagementDone = account.progress.indexOf(engagementCreated);
  expect(invitationEvents().map((e) => account.progress.indexOf(e)).every((i) => i > engagementDone)).toBe(true);
  const callsBefore = account.endpoint.calls.length;
  const eventsBefore = account.progress.length;

  const [second] = await deployAll(assembly(), 'InvitationStack');

  expect(second).toMatchObject({ changed: false, failed: false, outputs: first.outputs });
  expect(account.endpoint.calls).toHaveLength(callsBefore);
  expect(account.progress).toHaveLength(eventsBefore);
  expect(engagements()).toHaveLength(1);
  expect(account.endpoint.store.list()).toHaveLength(2);
});

test('a changed message replaces the invitation: Update with old and new properties, then Delete of the old one', async () => {
  const [before] = await deployAll(defaultAssembly, 'InvitationStack');
  const oldId = invitationPhysicalId();
  const expectUntouched = leftAlone(account);

  const [after] = await deployAll(assembly({ message: NEW_MESSAGE }), 'InvitationStack');

  expect(after.status).toBe('UPDATE_COMPLETE');
  const oldArn = before.outputs.InvitationArn.value;
  const newArn = after.outputs.InvitationArn.value;
  expect(newArn).toMatch(ARN);
  expect(newArn).not.toBe(oldArn);
  expect(after.outputs.LeadInvitationArn).toEqual(before.outputs.LeadInvitationArn);
  expect(after.outputs.EngagementId).toEqual(before.outputs.EngagementId);
  const newId = invitationPhysicalId();
  expect(newId).not.toBe(oldId);
  expect(opportunityEvents().map((e) => [e.status, e.physicalId])).toEqual([
    ['CREATE_IN_PROGRESS', undefined], ['CREATE_COMPLETE', oldId],
    ['UPDATE_IN_PROGRESS', undefined], ['UPDATE_COMPLETE', newId],
    ['DELETE_IN_PROGRESS', oldId], ['DELETE_COMPLETE', oldId], // cleanup: no withdraw API, so nothing is sent
  ]);
  // The handler read the stack's status before sending: CREATE_IN_PROGRESS for each Create of the first deploy (the
  // engagement once; each invitation twice, again just before its paced write), then UPDATE_IN_PROGRESS (a forward
  // Update, twice as well); the cleanup's Delete read nothing.
  expect(account.cloudFormation.calls.map((c) => c.stackStatus)).toEqual([...Array(5).fill('CREATE_IN_PROGRESS'), ...Array(2).fill('UPDATE_IN_PROGRESS')]);
  expect(createCalls()).toHaveLength(3);
  const messages = account.endpoint.store.list().map((i) => i.InvitationMessage);
  expect(messages.slice(0, 2).sort()).toEqual([LEAD_MESSAGE, OPPORTUNITY_MESSAGE].sort()); // the first deploy's, in parallel
  expect(messages[2]).toBe(NEW_MESSAGE);
  expectUntouched();
});

test('a failed replacement (5xx storm on the Update) rolls back without sending the original invitation again', async () => {
  const [before] = await deployAll(defaultAssembly, 'InvitationStack');
  const oldId = invitationPhysicalId();
  const expectUntouched = leftAlone(account);
  account.endpoint.injectFaults('internal', 4);

  const [after] = await deployAll(assembly({ message: NEW_MESSAGE }), 'InvitationStack');

  expect(after).toMatchObject({ status: 'UPDATE_ROLLBACK_COMPLETE', failed: true, outputs: before.outputs });
  expect(createCalls().map((c) => c.status)).toEqual([200, 200, 500, 500, 500, 500]);
  // As CloudFormation: the rollback Updates the pre-update physical id back to the old properties (the answer to
  // the failed Update carried that id); the handler sees that they are what it sent and sends nothing.
  expect(opportunityEvents().slice(2).map((e) => [e.status, e.physicalId, e.reason?.slice(0, 8)])).toEqual([
    ['UPDATE_IN_PROGRESS', undefined, undefined], ['UPDATE_FAILED', oldId, 'Internal'],
    ['UPDATE_IN_PROGRESS', oldId, 'rollback'], ['UPDATE_COMPLETE', oldId, undefined],
  ]);
  expect(account.endpoint.store.list()).toHaveLength(2); // the two original invitations stay the only ones
  expectUntouched();
}, 30_000);

test('an Update that leaves the invitation as it is (ServiceTimeout added) carries the old properties: nothing sent', async () => {
  const [before] = await deployAll(defaultAssembly, 'InvitationStack');
  const expectUntouched = leftAlone(account);
  const callsBefore = account.endpoint.calls.length;
  const edited = assembly();
  const templateFile = path.join(edited, 'InvitationStack.template.json');
  const template = JSON.parse(fs.readFileSync(templateFile, 'utf8'));
  const resource = template.Resources[INVITATION_ID];
  expect(resource.Type).toBe(INVITATION);
  resource.Properties.ServiceTimeout = 600;
  fs.writeFileSync(templateFile, JSON.stringify(template));

  const [after] = await deployAll(edited, 'InvitationStack');

  expect(after.status).toBe('UPDATE_COMPLETE');
  expect(after.outputs).toEqual(before.outputs);
  expect(invitationEvents('UPDATE_COMPLETE').map((e) => [e.logicalId, e.physicalId])).toEqual([[INVITATION_ID, invitationPhysicalId()]]);
  expect(opportunityEvents('CREATE_COMPLETE').map((e) => e.physicalId)).toEqual([invitationPhysicalId()]);
  expect(account.endpoint.calls).toHaveLength(callsBefore);
  expect(createCalls()).toHaveLength(2);
  expectUntouched();
});

test('a changed invitation whose export another stack imports: CloudFormation refuses the export change and rolls back', async () => {
  const [before] = await deployAll(defaultAssembly);
  const expectUntouched = leftAlone(account);

  const [after] = await deployAll(assembly({ message: NEW_MESSAGE }), 'InvitationStack');

  expect(after).toMatchObject({ status: 'UPDATE_ROLLBACK_COMPLETE', failed: true, outputs: before.outputs });
  expect(after.reason).toBe('Cannot update export InvitationStack-InvitationArn as it is in use by ConsumerStack');
  // The new invitation was sent before the refusal and cannot be withdrawn: the progress says so.
  const invitations = account.endpoint.store.list();
  expect(invitations).toHaveLength(3);
  const sent = invitations[2];
  expect(sent.InvitationMessage).toBe(NEW_MESSAGE);
  const rolledBack = account.progress.find((e) => e.status === 'UPDATE_ROLLBACK_COMPLETE');
  expect(rolledBack?.reason).toContain(sent.Arn);
  expect(account.states.load('InvitationStack')?.outputs).toEqual(before.outputs);
  // The replacement is deleted in the rollback's cleanup (nothing is sent: there is no withdraw API).
  expect(invitationEvents('UPDATE_COMPLETE').map((e) => e.logicalId)).toEqual([INVITATION_ID]);
  const replacement = opportunityEvents('UPDATE_COMPLETE')[0].physicalId;
  expect(account.progress.map((e) => [e.status, e.physicalId]).slice(-3)).toEqual([
    ['DELETE_IN_PROGRESS', replacement], ['DELETE_COMPLETE', replacement], ['UPDATE_ROLLBACK_COMPLETE', undefined],
  ]);
  expect(account.progress.filter((e) => e.resourceType === 'AWS::CloudFormation::Stack').map((e) => e.status).slice(-4)).toEqual([
    'UPDATE_IN_PROGRESS', 'UPDATE_ROLLBACK_IN_PROGRESS', 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS', 'UPDATE_ROLLBACK_COMPLETE',
  ]);
  expectUntouched();
});

test('a failed Create rolls back: the Delete of the failed-create marker succeeds with no API call', async () => {
  // The engagement is created; from then on every call fails, so both invitations (in parallel) fail after their 4
  // attempts each (8 faults, whatever the interleaving). The faults are queued when the engagement's CREATE_COMPLETE
  // is reported, before its dependents start.
  const report = (e: ProgressEvent) => {
    account.deployer.report(e);
    if (e.logicalId === ENGAGEMENT_ID && e.status === 'CREATE_COMPLETE') account.endpoint.injectFaults('internal', 8);
  };
  const stack = readCloudAssembly(defaultAssembly).find((s) => s.name === 'InvitationStack')!;

  const result = await deployStack(stack, { ...account.deployer, report });

  expect(result).toMatchObject({ status: 'ROLLBACK_COMPLETE', failed: true });
  expect(result.reason).toMatch(new RegExp(`^(${INVITATION_ID}|${LEAD_INVITATION_ID}) \\(Custom::PartnerCentralEngagementInvitation\\): InternalServerException`));
  for (const logicalId of [INVITATION_ID, LEAD_INVITATION_ID]) {
    expect(invitationEvents().filter((e) => e.logicalId === logicalId).map((e) => [e.status, e.physicalId])).toEqual([
      ['CREATE_IN_PROGRESS', undefined], ['CREATE_FAILED', INVITATION_CREATE_FAILED_MARKER],
      ['DELETE_IN_PROGRESS', INVITATION_CREATE_FAILED_MARKER], ['DELETE_COMPLETE', INVITATION_CREATE_FAILED_MARKER],
    ]);
  }
  expect(createCalls().map((c) => c.status)).toEqual([500, 500, 500, 500, 500, 500, 500, 500]);
  // The engagement created before the failure is deleted by the rollback; no API deletes one, so nothing is sent.
  expect(engagementEvents().map((e) => e.status)).toEqual(['CREATE_IN_PROGRESS', 'CREATE_COMPLETE', 'DELETE_IN_PROGRESS', 'DELETE_COMPLETE']);
  // Every call was made by the Creates: the writes are the engagement's and the 8 failed attempts; the reads are the
  // engagement's ListEngagements and one ListEngagementInvitations per invitation (nothing held yet, so no Get*).
  expect(writesOf(account.endpoint.calls).map((c) => c.operation)).toEqual(['CreateEngagement', ...createCalls().map(() => 'CreateEngagementInvitation')]);
  expect(account.endpoint.calls.filter(isRead).map((c) => c.operation).sort())
    .toEqual(['ListEngagementInvitations', 'ListEngagementInvitations', 'ListEngagements']);
  expect(account.endpoint.store.list()).toHaveLength(0);
  // As in CloudFormation, the stack stays, empty, in ROLLBACK_COMPLETE.
  const failedStack = account.states.load('InvitationStack');
  expect(failedStack).toMatchObject({ status: 'ROLLBACK_COMPLETE', resources: {}, outputs: {} });

  // The next deploy deletes it (as the CDK CLI does) and creates the stack afresh, with a new stack id.
  const [retried] = await deployAll(defaultAssembly, 'InvitationStack');
  expect(retried.status).toBe('CREATE_COMPLETE');
  expect(account.states.load('InvitationStack')?.stackId).not.toBe(failedStack?.stackId);
}, 30_000);

test('destroy: dependents first; the invitation\'s Delete sends nothing; an export in use cannot be deleted', async () => {
  await deployAll(defaultAssembly);
  const callsBefore = account.endpoint.calls.length;

  const refused = await destroyStack('InvitationStack', account.deployer);
  expect(refused).toMatchObject({ failed: true, reason: 'Export InvitationStack-InvitationArn cannot be deleted as it is in use by ConsumerStack' });

  expect((await destroyStack('ConsumerStack', account.deployer)).status).toBe('DELETE_COMPLETE');
  expect((await destroyStack('InvitationStack', account.deployer)).status).toBe('DELETE_COMPLETE');
  expect(invitationEvents('DELETE_COMPLETE').map((e) => e.logicalId).sort()).toEqual([INVITATION_ID, LEAD_INVITATION_ID].sort());
  expect(engagementEvents().filter((e) => e.status === 'DELETE_COMPLETE')).toHaveLength(1);
  expect(account.endpoint.calls).toHaveLength(callsBefore);
  expect(account.states.all()).toEqual([]);
  // There is no withdraw API: the invitations stay PENDING until they are answered or expire; no API deletes an
  // engagement either.
  expect(account.endpoint.store.list().map((i) => i.Status)).toEqual(['PENDING', 'PENDING']);
  expect(engagements()).toHaveLength(1);
});

describe('the deploy:local command', () => {
  let stateDir: string;
  beforeEach(() => { stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-local-')); });
  afterEach(() => fs.rmSync(stateDir, { recursive: true, force: true }));

  async function run(...argv: string[]) {
    const lines: string[] = [];
    const code = await runLocalDeploy(parseArguments([...argv, '--state-dir', stateDir]), (line) => lines.push(line));
    return { code, output: lines.join('\n') };
  }

  test('prints progress and both stacks\' outputs; a second run sends nothing; destroy removes both', async () => {
    const deployed = await run('deploy', '--app', defaultAssembly);
    expect(deployed.code).toBe(0);
    const arn = /\| InvitationStack \| InvitationArn +\| (\S+) +\| InvitationStack-InvitationArn +\|/.exec(deployed.output)?.[1];
    expect(arn).toMatch(ARN);
    expect(deployed.output).toMatch(/\| InvitationStack \| EngagementId +\| eng-[0-9a-z]{14} +\| InvitationStack-EngagementId +\|/);
    const leadArn = /\| InvitationStack \| LeadInvitationArn +\| (\S+) +\| InvitationStack-LeadInvitationArn +\|/.exec(deployed.output)?.[1];
    expect(leadArn).toMatch(ARN);
    expect(leadArn).not.toBe(arn);
    expect(deployed.output).toMatch(new RegExp(`\\| ConsumerStack +\\| ConsumedInvitationArn +\\| ${arn!.replace(/[/]/g, '\\/')} `));
    expect(deployed.output).toMatch(/\| ConsumerStack +\| ConsumedInvitationId +\| engi-[0-9a-z]{13} /);
    // Two invitations. The command enforces the write quota (1 request/s), so the second may have been throttled and
    // retried: the requests not throttled are exactly the two invitations.
    const count = /^Partner Central Selling: (\d+) CreateEngagementInvitation request\(s\) this run, 2 invitation\(s\) in the local account(?: \((\d+) of the requests throttled\))?$/m
      .exec(deployed.output);
    expect(count).not.toBeNull();
    expect(Number(count![1]) - Number(count![2] ?? 0)).toBe(2);

    const again = await run('deploy', '--app', defaultAssembly, '--fault', 'quota=1', '--fault', 'lost=1', '--fail-resource', 'InvitationArnParameterC02A59B6');
    expect(again.output).toMatch(/InvitationStack +\| no changes/);
    expect(again.output).toContain('0 CreateEngagementInvitation request(s) this run, 2 invitation(s) in the local account');
    // Nothing was sent, so the faults met nothing: the command says so rather than leave them silently unused.
    expect(again.output).toContain('NOTE: 1 of 1 --fault quota=1 had no effect: no request reached the Partner Central endpoint');
    expect(again.output).toContain('NOTE: 1 of 1 --fault lost=1 had no effect');
    expect(again.output).toContain('NOTE: --fail-resource InvitationArnParameterC02A59B6 had no effect');
    expect(again.output).toContain(arn);
    expect(again.output).toContain(leadArn);

    const destroyed = await run('destroy');
    expect(destroyed.code).toBe(0);
    expect(destroyed.output.indexOf('ConsumerStack   | DELETE_COMPLETE              | AWS::CloudFormation::Stack'))
      .toBeLessThan(destroyed.output.indexOf('InvitationStack | DELETE_COMPLETE              | AWS::CloudFormation::Stack'));
    expect(fs.readdirSync(path.join(stateDir, 'stacks'))).toEqual([]);
  }, 30_000);

  test('exits 1 with the reason when a stack fails; bad arguments are refused with the usage', async () => {
    const failed = await run('deploy', '--app', defaultAssembly, '--fault', 'quota=1');
    expect(failed.code).toBe(1);
    // The engagement is the stack's first Partner Central call.
    expect(failed.output).toMatch(new RegExp(`FAILED: InvitationStack: ${ENGAGEMENT_ID} \\(Custom::PartnerCentralEngagement\\): ServiceQuotaExceededException`));
    expect(failed.output).not.toContain('ConsumerStack |');

    expect(() => parseArguments(['launch'])).toThrow(/^usage: cdk-engagement-invitation-local <deploy\|destroy>/);
    expect(() => parseArguments(['deploy', '--fault', 'meteor=2'])).toThrow(/--fault meteor=2: expected one of throttle, internal/);
    expect(() => parseArguments(['deploy', '--fault', 'throttle'])).toThrow(/^--fault throttle: expected throttle=<count>, how many faults to inject, e.g. --fault throttle=2$/);
    expect(() => parseArguments(['deploy', '--timeout-scale', 'fast'])).toThrow(/--timeout-scale fast: expected a number/);
    expect(parseArguments(['deploy', '--fault', 'lost=2', '--fault', 'quota=1', '--timeout-scale', '0.01', '--duplicate-delivery',
      '--rollback-update-after-replacement', '--fail-resource', 'Parameter'])).toMatchObject({
      faults: [['quota', 1]],
      receiverFaults: [['lost', 2]],
      timeoutScale: 0.01,
      duplicateDelivery: true,
      rollbackUpdateAfterReplacement: true,
      failResources: ['Parameter'],
    });
    expect(() => parseArguments(['deploy', '-c', 'message'])).toThrow(/-c message: expected key=value/);
    expect(parseArguments(['deploy', 'InvitationStack', '-c', 'message=Two words'])).toMatchObject({ stacks: ['InvitationStack'], context: ['message=Two words'] });
  }, 30_000);
});
