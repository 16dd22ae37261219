// The local deploy's intrinsic functions, as CloudFormation evaluates them.
import { references, resolve, ResolveContext, unsupportedFunctions } from '../src/local-deploy/intrinsics';

const context: ResolveContext = {
  parameter: (name) => ({ 'AWS::Region': 'us-east-1', 'AWS::AccountId': '123456789012', 'Env': 'prod' } as Record<string, string>)[name],
  ref: (id) => `${id}-physical`,
  getAtt: (id, attribute) => `${id}.${attribute}`,
  importValue: (name) => `imported:${name}`,
  condition: (name) => name === 'IsProd',
};

test.each([
  [{ Ref: 'Env' }, 'prod'],
  [{ Ref: 'Bucket' }, 'Bucket-physical'],
  [{ 'Fn::GetAtt': ['Fn', 'Arn'] }, 'Fn.Arn'],
  [{ 'Fn::GetAtt': 'Fn.Arn' }, 'Fn.Arn'],
  [{ 'Fn::Sub': 'b-${AWS::AccountId}-${AWS::Region}-${Fn.Arn}-${!Literal}' }, 'b-123456789012-us-east-1-Fn.Arn-${Literal}'],
  [{ 'Fn::Sub': ['${X}/${Env}', { X: { Ref: 'Bucket' } }] }, 'Bucket-physical/prod'],
  [{ 'Fn::Join': ['/', ['a', { Ref: 'Env' }, 3]] }, 'a/prod/3'],
  [{ 'Fn::Select': [1, { 'Fn::Split': ['/', 'x/y/z'] }] }, 'y'],
  [{ 'Fn::ImportValue': { 'Fn::Sub': '${Env}-Arn' } }, 'imported:prod-Arn'],
  [{ 'Fn::If': ['IsProd', 'big', 'small'] }, 'big'],
  [{ 'Fn::Or': [{ 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'] }, { Condition: 'IsProd' }] }, true],
  [{ 'Fn::And': [{ 'Fn::Not': [{ Condition: 'IsTest' }] }, { 'Fn::Equals': ['a', 'b'] }] }, false],
  [{ A: 1, B: { Ref: 'AWS::NoValue' }, C: ['x', { 'Fn::If': ['IsTest', 'y', { Ref: 'AWS::NoValue' }] }] }, { A: 1, C: ['x'] }],
])('%j resolves to %j', (value, expected) => {
  expect(resolve(value, context)).toEqual(expected);
});

test('an unsupported function is refused by name, never passed through', () => {
  expect(() => resolve({ 'Fn::GetAZs': '' }, context)).toThrow('Fn::GetAZs is not supported by the local deploy');
  expect(() => resolve({ 'Fn::Join': ['', [{ A: 1 }]] }, context)).toThrow(/^Fn::Join: expected a string/);
});

test('references finds the logical ids a value depends on', () => {
  const value = { A: { Ref: 'Role' }, B: { 'Fn::GetAtt': ['Fn', 'Arn'] }, C: { 'Fn::Sub': ['${Bucket.Arn}/${X}/${!Not}', { X: { Ref: 'Log' } }] } };
  expect([...references(value)].sort()).toEqual(['Bucket', 'Fn', 'Log', 'Role']);
});

test('a function resolve does not evaluate is found anywhere in a value, for the template check before deploying', () => {
  expect([...unsupportedFunctions({ A: [{ 'Fn::Base64': 'x' }], B: { 'Fn::Join': ['', [{ 'Fn::GetAZs': '' }]] }, C: { Ref: 'X' } })])
    .toEqual(['Fn::Base64', 'Fn::GetAZs']);
  expect([...unsupportedFunctions({ 'Fn::Sub': 'x', 'Fn::Join': 'y' })]).toEqual([]); // two keys: not a function call
});
