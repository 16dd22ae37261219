// Dynamic references and template Rules as the local deploy checks them before a deploy, and resolves them during it.
// No deploy: the functions alone.
import { checkDynamicReferences, resolveDynamicReferences } from '../src/local-deploy/dynamic-references';
import { LocalSsmParameters } from '../src/local-deploy/local-ssm-parameters';
import { ruleProblems, TemplateRule } from '../src/local-deploy/template-rules';

const ssm = new LocalSsmParameters([{ name: '/cosell/message', value: 'From SSM' }, { name: '/cosell/message', version: 3, value: 'Third' }]);
const resource = { where: 'S: resource R (Custom::X)', customResource: true };

test('ssm references are resolved where they sit in a string, latest or by version', () => {
  const value = { Message: 'Say: {{resolve:ssm:/cosell/message}} / {{resolve:ssm:/cosell/message:3}}', List: ['{{resolve:ssm:/cosell/message}}', 1] };
  expect(checkDynamicReferences(value, resource, ssm)).toEqual([]);
  expect(resolveDynamicReferences(value, ssm)).toEqual({ Message: 'Say: From SSM / Third', List: ['From SSM', 1] });
  expect(() => resolveDynamicReferences('{{resolve:ssm:/other}}', ssm)).toThrow(/^\{\{resolve:ssm:\/other\}\}: no value in the local account/);
});

test('a reference without a value names the --ssm that gives it', () => {
  expect(checkDynamicReferences({ Properties: { Invitation: { Message: '{{resolve:ssm:/cosell/other}}' } } }, resource, ssm)).toEqual([
    'S: resource R (Custom::X) Properties.Invitation.Message: {{resolve:ssm:/cosell/other}}: the Systems Manager parameter /cosell/other '
      + 'has no value in the local account: give it with --ssm /cosell/other=<value>',
  ]);
  expect(checkDynamicReferences('{{resolve:ssm:/cosell/message:2}}', resource, ssm))
    .toEqual([expect.stringContaining('version 2 of the Systems Manager parameter /cosell/message has no value in the local account: give it with --ssm /cosell/message:2=<value>')]);
});

test('secure references are refused: in a custom resource saying CloudFormation does not resolve them there', () => {
  const [custom] = checkDynamicReferences('{{resolve:ssm-secure:/cosell/secret:1}}', resource, ssm);
  expect(custom).toMatch(/^S: resource R \(Custom::X\): \{\{resolve:ssm-secure:\/cosell\/secret:1\}\}: CloudFormation does not resolve secure dynamic references/);
  expect(custom).toContain('aren\'t currently supported in custom resources');
  const [other] = checkDynamicReferences('{{resolve:secretsmanager:MySecret:SecretString:password}}', { where: 'S: output O', customResource: false }, ssm);
  expect(other).toContain('the local account holds no secure values (secretsmanager)');
});

test('a reference built from Fn::Join or Fn::Sub pieces, an unknown service or a malformed name is refused', () => {
  const joined = { 'Fn::Join': ['', ['{{resolve:ssm:', { Ref: 'Name' }, '}}']] };
  expect(checkDynamicReferences(joined, resource, ssm)).toEqual([expect.stringMatching(
    /^S: resource R \(Custom::X\) Fn::Join\[1\]\[0\]: "\{\{resolve:ssm:" holds the start of a dynamic reference without its end/)]);
  expect(checkDynamicReferences({ 'Fn::Sub': '{{resolve:ssm:${Name}}}' }, resource, ssm)).toEqual([expect.stringContaining('without its end')]);
  expect(checkDynamicReferences('{{resolve:vault:x}}', resource, ssm)).toEqual([expect.stringContaining('"vault" is not a dynamic reference service')]);
  expect(checkDynamicReferences('{{resolve:ssm:/a b}}', resource, ssm)).toEqual([expect.stringContaining('not a reference the local deploy resolves')]);
});

test('in a parameter\'s value an ssm reference needs a version, as CloudFormation requires', () => {
  const site = { where: 'S: parameter P', customResource: false, parameter: true };
  expect(checkDynamicReferences('{{resolve:ssm:/cosell/message}}', site, ssm)).toEqual([expect.stringContaining('needs a version')]);
  expect(checkDynamicReferences('{{resolve:ssm:/cosell/message:3}}', site, ssm)).toEqual([]);
});

/** CDK's rule, as every stack synthesized with the default synthesizer has it. */
const CHECK_BOOTSTRAP_VERSION: Record<string, TemplateRule> = {
  CheckBootstrapVersion: {
    Assertions: [{
      Assert: { 'Fn::Not': [{ 'Fn::Contains': [['1', '2', '3', '4', '5'], { Ref: 'BootstrapVersion' }] }] },
      AssertDescription: 'CDK bootstrap stack version 6 required. Please run \'cdk bootstrap\' with a recent version of the CDK CLI.',
    }],
  },
};

test('Rules: CDK\'s CheckBootstrapVersion holds for a recent bootstrap version and fails, with its description, for an old one', () => {
  expect(ruleProblems('S', CHECK_BOOTSTRAP_VERSION, () => '33')).toEqual([]);
  expect(ruleProblems('S', CHECK_BOOTSTRAP_VERSION, () => '5'))
    .toEqual(['S: rule CheckBootstrapVersion: CDK bootstrap stack version 6 required. Please run \'cdk bootstrap\' with a recent version of the CDK CLI.']);
});

test('Rules: a false RuleCondition skips the assertions; the list functions; lookups in the account are refused', () => {
  const values: Record<string, string | string[]> = { Env: 'prod', Subnets: ['a', 'b'], Allowed: ['a', 'b', 'c'] };
  const parameter = (name: string) => values[name];
  const rule = (Assert: unknown, RuleCondition?: unknown): Record<string, TemplateRule> => ({ R: { RuleCondition, Assertions: [{ Assert }] } });
  expect(ruleProblems('S', rule(false, { 'Fn::Equals': [{ Ref: 'Env' }, 'test'] }), parameter)).toEqual([]);
  expect(ruleProblems('S', rule(false, { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }), parameter)).toEqual(['S: rule R: an assertion failed (it has no AssertDescription)']);
  expect(ruleProblems('S', rule({ 'Fn::And': [{ 'Fn::EachMemberIn': [{ Ref: 'Subnets' }, { Ref: 'Allowed' }] }, { 'Fn::Or': [false, 'true'] }] }), parameter)).toEqual([]);
  expect(ruleProblems('S', rule({ 'Fn::EachMemberEquals': [{ Ref: 'Subnets' }, 'a'] }), parameter)).toHaveLength(1);
  expect(ruleProblems('S', rule({ 'Fn::EachMemberIn': [{ 'Fn::ValueOfAll': ['AWS::EC2::Subnet::Id', 'VpcId'] }, { 'Fn::RefAll': 'AWS::EC2::VPC::Id' }] }), parameter))
    .toEqual([expect.stringMatching(/^S: rule R cannot be evaluated: Fn::ValueOfAll looks up resources of the account/)]);
  expect(ruleProblems('S', rule({ 'Fn::Equals': [{ Ref: 'Bucket' }, 'x'] }), parameter)).toEqual([expect.stringContaining('Ref Bucket: rules refer only to the template\'s parameters')]);
  expect(ruleProblems('S', rule({ 'Fn::If': ['C', true, false] }), parameter)).toEqual([expect.stringContaining('Fn::If is not a rule function')]);
});
