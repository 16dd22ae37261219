// Template parameters as the local deploy resolves them before a deploy: value precedence, types, constraints, SSM
// parameter types, and the --parameters / --ssm syntax. No deploy: the functions alone.
import { LocalSsmParameters, LOCAL_BOOTSTRAP_VERSION, parseSsmOption } from '../src/local-deploy/local-ssm-parameters';
import { parseParameterOption, resolveStackParameters, TemplateParameter } from '../src/local-deploy/stack-parameters';

const ssm = new LocalSsmParameters([
  { name: '/cosell/message', value: 'From SSM' },
  { name: '/cosell/accounts', value: '111122223333, 444455556666' },
  { name: '/cosell/pinned', version: 2, value: 'Version two' },
]);

function resolveOne(parameter: TemplateParameter, given?: string, previous?: string) {
  return resolveStackParameters({ P: parameter }, {
    stackName: 'S',
    given: given === undefined ? {} : { P: given },
    previous: previous === undefined ? undefined : { P: previous },
    ssm,
  });
}

/** The Ref value of P, or its refusal. */
function refOf(parameter: TemplateParameter, given?: string, previous?: string): unknown {
  const resolved = resolveOne(parameter, given, previous);
  return resolved.problems.length ? resolved.problems.join('\n') : resolved.values.P;
}

test('a value is the one given, else the previous deployment\'s, else the Default, else refused naming the option', () => {
  expect(refOf({ Type: 'String', Default: 'd' }, 'g', 'p')).toBe('g');
  expect(refOf({ Type: 'String', Default: 'd' }, undefined, 'p')).toBe('p');
  expect(refOf({ Type: 'String', Default: 'd' })).toBe('d');
  expect(refOf({ Type: 'String' })).toBe('S: parameter P has no value: give it with --parameters S:P=<value>');
  expect(resolveOne({ Type: 'String', Default: 'd' }, undefined, 'p').recorded).toEqual({ P: 'p' });
});

test.each([
  [{ Type: 'Number' }, '42.5', '42.5'],
  [{ Type: 'List<Number>' }, '80, 443', ['80', '443']],
  [{ Type: 'CommaDelimitedList' }, 'test, dev,prod', ['test', 'dev', 'prod']],
  [{ Type: 'CommaDelimitedList', Default: ['a', 'b'] }, undefined, ['a', 'b']],
  [{ Type: 'Number', Default: 3306 }, undefined, '3306'],
  [{ Type: 'AWS::SSM::Parameter::Value<String>' }, '/cosell/message', 'From SSM'],
  [{ Type: 'AWS::SSM::Parameter::Value<String>' }, '/cosell/pinned:2', 'Version two'],
  [{ Type: 'AWS::SSM::Parameter::Value<List<String>>' }, '/cosell/accounts', ['111122223333', '444455556666']],
  [{ Type: 'AWS::SSM::Parameter::Value<CommaDelimitedList>' }, '/cosell/accounts', ['111122223333', '444455556666']],
  [{ Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>' }, '/cosell/message', 'From SSM'],
  [{ Type: 'AWS::SSM::Parameter::Name' }, '/cosell/pinned', '/cosell/pinned'],
  [{ Type: 'AWS::SSM::Parameter::Value<String>', Default: '/cdk-bootstrap/hnb659fds/version' }, undefined, LOCAL_BOOTSTRAP_VERSION],
])('%j = %j: Ref gives %j', (parameter, given, expected) => {
  expect(refOf(parameter as TemplateParameter, given)).toEqual(expected);
});

test('an SSM type records the Systems Manager parameter\'s name, never its value', () => {
  expect(resolveOne({ Type: 'AWS::SSM::Parameter::Value<String>' }, '/cosell/message').recorded).toEqual({ P: '/cosell/message' });
});

test.each([
  [{ Type: 'Number' }, 'ten', 'must be a number'],
  [{ Type: 'List<Number>' }, '1,x', 'must be a list of numbers'],
  [{ Type: 'String', AllowedValues: ['dev', 'prod'] }, 'staging', 'must be one of AllowedValues: dev, prod'],
  [{ Type: 'CommaDelimitedList', AllowedValues: ['dev', 'prod'] }, 'dev,test', 'must be one of AllowedValues: dev, prod (each member)'],
  [{ Type: 'String', AllowedPattern: '[a-z]+' }, 'abc1', 'must match pattern [a-z]+'],
  [{ Type: 'CommaDelimitedList', AllowedPattern: '[a-z]+' }, 'abc, A', 'must match pattern [a-z]+ (each member)'],
  [{ Type: 'String', MinLength: 3 }, 'ab', 'must contain at least 3 characters'],
  [{ Type: 'String', MaxLength: '2' }, 'abc', 'must contain at most 2 characters'],
  [{ Type: 'Number', MinValue: 1150 }, '80', 'must not be less than 1150'],
  [{ Type: 'List<Number>', MaxValue: 100 }, '80,443', 'must not be greater than 100'],
  [{ Type: 'AWS::SSM::Parameter::Value<String>', AllowedPattern: '/cosell/.*' }, '/other', 'must match pattern /cosell/.*'],
])('%j = %j is refused: %s (without quoting the value, which may be a message or contact data)', (parameter, given, violation) => {
  expect(refOf(parameter as TemplateParameter, given)).toBe(
    `S: parameter P (given with --parameters) ${violation}: give another value with --parameters S:P=<value>`);
});

test('allowed values pass, numbers compared as numbers; a ConstraintDescription is quoted; a bad Default is refused too', () => {
  expect(refOf({ Type: 'Number', AllowedValues: [1, 2] }, '2.0')).toBe('2.0');
  expect(refOf({ Type: 'String', AllowedValues: ['dev', 'prod'], Default: 'prod' })).toBe('prod');
  expect(refOf({ Type: 'String', AllowedPattern: '[a-z]+', ConstraintDescription: 'lower-case letters only' }, 'A'))
    .toContain('must match pattern [a-z]+ (ConstraintDescription: lower-case letters only)');
  expect(refOf({ Type: 'String', AllowedValues: ['a'], Default: 'b' })).toContain('parameter P (its Default) must be one of AllowedValues: a');
});

test('an SSM name without a value names the --ssm that gives it, with its version', () => {
  expect(refOf({ Type: 'AWS::SSM::Parameter::Value<String>', Default: '/cosell/missing' })).toBe('S: parameter P (AWS::SSM::Parameter::Value<String>) '
    + 'names the Systems Manager parameter /cosell/missing, which the local account does not have: give its value with --ssm /cosell/missing=<value>');
  expect(refOf({ Type: 'AWS::SSM::Parameter::Value<String>' }, '/cosell/message:3')).toContain('give its value with --ssm /cosell/message:3=<value>');
  expect(refOf({ Type: 'AWS::SSM::Parameter::Name' }, '/cosell/missing')).toContain('give its value with --ssm /cosell/missing=<value>');
  expect(refOf({ Type: 'AWS::SSM::Parameter::Value<String>' }, 'not a name')).toContain('is not a Systems Manager parameter name');
});

test('AWS-specific types are refused, saying why; an unknown type too', () => {
  expect(refOf({ Type: 'AWS::EC2::KeyPair::KeyName' }, 'my-key')).toMatch(/^S: parameter P has the AWS-specific type AWS::EC2::KeyPair::KeyName: CloudFormation checks/);
  expect(refOf({ Type: 'List<AWS::EC2::Subnet::Id>' }, 'subnet-1')).toContain('AWS-specific type');
  expect(refOf({ Type: 'Text' }, 'x')).toBe('S: parameter P has the type Text, which is not a CloudFormation parameter type');
});

test('--parameters and --ssm read as the CDK CLI reads --parameters', () => {
  expect(parseParameterOption('Message=a=b')).toEqual({ name: 'Message', value: 'a=b' });
  expect(parseParameterOption('Stack:Message=')).toEqual({ stack: 'Stack', name: 'Message', value: '' });
  expect(parseParameterOption('*:Message=x')).toEqual({ name: 'Message', value: 'x' });
  expect(() => parseParameterOption('Message')).toThrow('--parameters Message: expected Name=Value or Stack:Name=Value');
  expect(() => parseParameterOption(':Message=x')).toThrow(/expected Name=Value/);
  expect(parseSsmOption('/cosell/message=Hello, world=1')).toEqual({ name: '/cosell/message', value: 'Hello, world=1' });
  expect(parseSsmOption('/cosell/message:3=v')).toEqual({ name: '/cosell/message', version: 3, value: 'v' });
  expect(() => parseSsmOption('/cosell/message=')).toThrow(/^--ssm \/cosell\/message=: expected \/name=value/);
  expect(() => parseSsmOption('/cosell message=x')).toThrow(/expected \/name=value/);
  expect(() => parseSsmOption('/cosell/message:0=x')).toThrow(/expected \/name=value/);
});

test('the local account is bootstrapped unless --ssm says otherwise; a version is only the value given for it', () => {
  expect(new LocalSsmParameters().value('/cdk-bootstrap/custom123/version')).toBe(LOCAL_BOOTSTRAP_VERSION);
  expect(new LocalSsmParameters([{ name: '/cdk-bootstrap/hnb659fds/version', value: '5' }]).value('/cdk-bootstrap/hnb659fds/version')).toBe('5');
  expect(ssm.value('/cosell/message', 1)).toBeUndefined();
  expect(ssm.value('/cosell/pinned')).toBeUndefined();
  expect(ssm.exists('/cosell/pinned')).toBe(true);
});
