// `deploy --ssm`: Systems Manager values of the local account reach the invitation through a {{resolve:ssm:…}} message
// and through StringParameter.valueForStringParameter (an AWS::SSM::Parameter::Value<String> parameter); an SSM name
// without a value, a secure reference, or an old CDK bootstrap version is refused before anything is sent.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { deployCosell, expectNothingDeployed, synthCosellApp } from '../support/cosell-app';

let assemblyDir: string;
let stateDir: string;

beforeAll(() => {
  assemblyDir = synthCosellApp({
    ReferenceStack: () => '{{resolve:ssm:/cosell/message}}',
    PinnedStack: () => 'Pinned: {{resolve:ssm:/cosell/message:3}}',
    LookupStack: (stack) => ssm.StringParameter.valueForStringParameter(stack, '/cosell/lookup-message'),
    SecureStack: () => 'Replaced below',
  }, {
    // The library refuses a secure reference in a message at synth; a template changed afterwards still holds one.
    invitationOverrides: { SecureStack: { 'Invitation.Message': '{{resolve:ssm-secure:/cosell/secret:1}}' } },
  });
});
afterAll(() => fs.rmSync(assemblyDir, { recursive: true, force: true }));
beforeEach(() => { stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ssm-values-')); });
afterEach(() => fs.rmSync(stateDir, { recursive: true, force: true }));

test('{{resolve:ssm:/cosell/message}} given with --ssm: the stored invitation holds the value, not the reference', async () => {
  const run = await deployCosell(assemblyDir, stateDir, 'ReferenceStack', '--ssm', '/cosell/message=Join us, from Parameter Store');
  expect(run.code).toBe(0);
  expect(run.messages).toEqual(['Join us, from Parameter Store']);
  expect(run.output).toMatch(/^\| ReferenceStack \| InvitationMessage \| Join us, from Parameter Store +\| +\|$/m);
}, 30_000);

test('StringParameter.valueForStringParameter given with --ssm: the invitation holds the value, not the parameter\'s name', async () => {
  const run = await deployCosell(assemblyDir, stateDir, 'LookupStack', '--ssm', '/cosell/lookup-message=Looked up at deploy');
  expect(run.code).toBe(0);
  expect(run.messages).toEqual(['Looked up at deploy']);
  expect(run.output).toMatch(/^\| LookupStack +\| InvitationMessage \| Looked up at deploy +\| +\|$/m);
}, 30_000);

test('a versioned reference reads only the value given for that version', async () => {
  const unversioned = await deployCosell(assemblyDir, stateDir, 'PinnedStack', '--ssm', '/cosell/message=Latest');
  expectNothingDeployed(unversioned, stateDir);
  expect(unversioned.output).toContain('give it with --ssm /cosell/message:3=<value>');

  const run = await deployCosell(assemblyDir, stateDir, 'PinnedStack', '--ssm', '/cosell/message=Latest', '--ssm', '/cosell/message:3=Third');
  expect(run.code).toBe(0);
  expect(run.messages).toEqual(['Pinned: Third']);
}, 30_000);

test('an SSM name without a value is refused before anything is sent: as a dynamic reference and as a parameter type', async () => {
  const run = await deployCosell(assemblyDir, stateDir, 'ReferenceStack', 'LookupStack');
  expectNothingDeployed(run, stateDir);
  // The reference in the message is found in the invitation's properties and in the output.
  expect(run.output).toContain('FAILED: nothing deployed: 3 problem(s) found before any resource was created:');
  expect(run.output).toContain('  ReferenceStack: output InvitationMessage Value: {{resolve:ssm:/cosell/message}}: the Systems Manager parameter');
  expect(run.output).toMatch(/^ {2}ReferenceStack: resource EngagementInvitation93D6396B \(Custom::PartnerCentralEngagementInvitation\) Properties\.Invitation\.Message: \{\{resolve:ssm:\/cosell\/message\}\}: the Systems Manager parameter \/cosell\/message has no value in the local account: give it with --ssm \/cosell\/message=<value>$/m);
  expect(run.output).toMatch(/^ {2}LookupStack: parameter SsmParameterValue\S+ \(AWS::SSM::Parameter::Value<String>\) names the Systems Manager parameter \/cosell\/lookup-message, which the local account does not have: give its value with --ssm \/cosell\/lookup-message=<value>$/m);
}, 30_000);

test('an ssm-secure reference in a custom resource is refused before anything is sent, saying CloudFormation does not resolve it', async () => {
  const run = await deployCosell(assemblyDir, stateDir, 'SecureStack', '--ssm', '/cosell/secret:1=not used');
  expectNothingDeployed(run, stateDir);
  expect(run.output).toContain('{{resolve:ssm-secure:/cosell/secret:1}}: CloudFormation does not resolve secure dynamic references (ssm-secure, '
    + 'secretsmanager) in the properties of a custom resource');
}, 30_000);

test('an old CDK bootstrap version in the local account fails CheckBootstrapVersion before anything is sent', async () => {
  const run = await deployCosell(assemblyDir, stateDir, 'ReferenceStack', '--ssm', '/cosell/message=x', '--ssm', '/cdk-bootstrap/hnb659fds/version=5');
  expectNothingDeployed(run, stateDir);
  expect(run.output).toContain('  ReferenceStack: rule CheckBootstrapVersion: CDK bootstrap stack version 6 required. Please run \'cdk bootstrap\' '
    + 'with a recent version of the CDK CLI.');
}, 30_000);
