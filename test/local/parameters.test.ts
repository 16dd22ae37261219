// `deploy --parameters`: a CfnParameter's value reaches the invitation; a parameter without a value, a value its
// constraints refuse, or a --parameters naming no selected stack or parameter is refused before anything is sent; the
// previous deployment's value is kept where none is given, as `cdk deploy` keeps it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CfnParameter, Fn } from 'aws-cdk-lib';
import { parseArguments, readCloudAssembly, deployStack } from 'cdk-engagement-invitation-local';
import { deployCosell, expectNothingDeployed, synthCosellApp } from '../support/cosell-app';
import { startLocalAccount } from '../support/local-lifecycle';

let assemblyDir: string;
let stateDir: string;

beforeAll(() => {
  assemblyDir = synthCosellApp({
    // Message (no Default) and Team (AllowedValues, Default) make the invitation's message.
    ParameterStack: (stack) => {
      const message = new CfnParameter(stack, 'Message', { type: 'String' });
      const team = new CfnParameter(stack, 'Team', { type: 'String', allowedValues: ['data', 'apps'], default: 'data' });
      return Fn.join(' ', [message.valueAsString, '- team', team.valueAsString]);
    },
    OtherStack: () => 'A message of its own',
  });
});
afterAll(() => fs.rmSync(assemblyDir, { recursive: true, force: true }));
beforeEach(() => { stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parameters-')); });
afterEach(() => fs.rmSync(stateDir, { recursive: true, force: true }));

test('a parameter without a default is given with --parameters: the stored invitation holds its value', async () => {
  const run = await deployCosell(assemblyDir, stateDir, 'ParameterStack', '--parameters', 'ParameterStack:Message=Join the Acme migration');
  expect(run.code).toBe(0);
  expect(run.messages).toEqual(['Join the Acme migration - team data']);
}, 30_000);

test('a parameter without a value is refused before anything is sent, naming the option that gives it', async () => {
  const run = await deployCosell(assemblyDir, stateDir, 'ParameterStack');
  expectNothingDeployed(run, stateDir);
  expect(run.output).toContain('Partner Central Selling: 0 CreateEngagementInvitation request(s) this run, 0 invitation(s) in the local account');
  expect(run.output).toContain('FAILED: nothing deployed: 1 problem(s) found before any resource was created:\n'
    + '  ParameterStack: parameter Message has no value: give it with --parameters ParameterStack:Message=<value>');
}, 30_000);

test('a value outside AllowedValues is refused before anything is sent', async () => {
  const run = await deployCosell(assemblyDir, stateDir, 'ParameterStack', '--parameters', 'Message=Hello', '--parameters', 'Team=sales');
  expectNothingDeployed(run, stateDir);
  expect(run.output).toContain('  ParameterStack: parameter Team (given with --parameters) must be one of AllowedValues: data, apps: '
    + 'give another value with --parameters ParameterStack:Team=<value>');
}, 30_000);

test('a redeploy keeps the previous values where none is given; a new value updates; --no-previous-parameters drops them', async () => {
  expect((await deployCosell(assemblyDir, stateDir, 'ParameterStack', '--parameters', 'Message=First', '--parameters', 'Team=apps')).code).toBe(0);

  const kept = await deployCosell(assemblyDir, stateDir, 'ParameterStack');
  expect(kept.code).toBe(0);
  expect(kept.output).toMatch(/ParameterStack +\| no changes/);
  expect(kept.invitationRequests).toBe(0);

  // A new Message, and Team still the previous apps (not its Default): the invitation is replaced by one with both.
  const changed = await deployCosell(assemblyDir, stateDir, 'ParameterStack', '--parameters', 'ParameterStack:Message=Second', '--timeout-scale', '0.01');
  expect(changed.code).toBe(0);
  expect(changed.messages).toEqual(['First - team apps', 'Second - team apps']);

  const dropped = await deployCosell(assemblyDir, stateDir, 'ParameterStack', '--no-previous-parameters');
  expect(dropped.code).toBe(1);
  expect(dropped.invitationRequests).toBe(0);
  expect(dropped.output).toContain('ParameterStack: parameter Message has no value');
}, 60_000);

test('--parameters naming no selected stack, or a parameter a selected stack lacks (cdk deploy passes it to every stack), is refused before anything is sent', async () => {
  const run = await deployCosell(assemblyDir, stateDir, 'ParameterStack', '--parameters', 'Message=Hi',
    '--parameters', 'OtherStack:Message=x', '--parameters', 'ParameterStack:Mesage=x', '--parameters', 'Teem=x');
  expectNothingDeployed(run, stateDir);
  expect(run.output).toContain('  --parameters OtherStack:Message: no selected stack is named OtherStack (selected: ParameterStack)');
  expect(run.output).toContain('  --parameters Teem: stack ParameterStack has no parameter Teem (its parameters: Message, Team, BootstrapVersion); cdk deploy would pass it to every stack');
  expect(run.output).toContain('  --parameters ParameterStack:Mesage: stack ParameterStack has no parameter Mesage (its parameters: Message, Team, BootstrapVersion)');
}, 30_000);

test('a problem of any selected stack stops them all: the stack without one is not deployed either', async () => {
  const run = await deployCosell(assemblyDir, stateDir, 'OtherStack', 'ParameterStack');
  expectNothingDeployed(run, stateDir);
  expect(run.output).toContain('ParameterStack: parameter Message has no value');
}, 30_000);

test('deployStack alone (without the command) refuses the stack too: the endpoint records no call, nothing is reported', async () => {
  const account = await startLocalAccount();
  try {
    const stack = readCloudAssembly(assemblyDir).find((s) => s.name === 'ParameterStack')!;
    const result = await deployStack(stack, account.deployer);
    expect(result).toMatchObject({ failed: true, changed: false, status: 'NOT_CREATED' });
    expect(result.reason).toBe('ParameterStack: parameter Message has no value: give it with --parameters ParameterStack:Message=<value>');
    expect(account.endpoint.calls).toEqual([]);
    expect(account.progress).toEqual([]);
    expect(account.states.all()).toEqual([]);

    const given = await deployStack(stack, { ...account.deployer, inputs: { parameters: [{ name: 'Message', value: 'Direct' }] } });
    expect(given.failed).toBe(false);
    expect(account.endpoint.store.list().map((i) => i.InvitationMessage)).toEqual(['Direct - team data']);
  } finally {
    await account.close();
  }
}, 30_000);

test('the options\' syntax is checked when they are read', () => {
  expect(parseArguments(['deploy', '--parameters', 'S:Message=a=b', '--ssm', '/cosell/message:2=x', '--no-previous-parameters'])).toMatchObject({
    parameters: [{ stack: 'S', name: 'Message', value: 'a=b' }],
    ssm: [{ name: '/cosell/message', version: 2, value: 'x' }],
    usePreviousParameters: false,
  });
  expect(() => parseArguments(['deploy', '--parameters', 'Message'])).toThrow('--parameters Message: expected Name=Value or Stack:Name=Value');
  expect(() => parseArguments(['deploy', '--ssm', 'cosell message=x'])).toThrow(/^--ssm cosell message=x: expected \/name=value/);
  expect(() => parseArguments(['destroy', '--parameters', 'Message=x'])).toThrow(/apply to deploy/);
});
