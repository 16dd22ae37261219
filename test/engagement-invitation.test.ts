// The construct's template: one handler per stack, the exact IAM statement, properties in the API's shape.
import { CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Catalog, EngagementInvitation } from '../lib';
import { distinctProps, testApp, testStack, validProps } from './support/fixtures';

const TYPE = 'Custom::PartnerCentralEngagementInvitation';
/** What the handler may do with invitations: send one, and find and read one it already sent (to adopt it). */
const INVITATION_ACTIONS = [
  'partnercentral:CreateEngagementInvitation', 'partnercentral:ListEngagementInvitations', 'partnercentral:GetEngagementInvitation',
];

/** `count` invitations, each to its own receiver (the first is validProps()'s), in the catalogs in turn. */
function stackWith(count: number, catalogs: string[] = ['Sandbox']): Stack {
  const stack = testStack();
  for (let i = 0; i < count; i++) {
    new EngagementInvitation(stack, `Invite${i}`, distinctProps(i, { catalog: catalogs[i % catalogs.length] }));
  }
  return stack;
}

test('3 invitations: 1 function, 1 role, 3 custom resources, no IAM policy resource', () => {
  const template = Template.fromStack(stackWith(3));

  template.resourceCountIs('AWS::Lambda::Function', 1);
  template.resourceCountIs('AWS::IAM::Role', 1);
  template.resourceCountIs('AWS::IAM::Policy', 0);
  template.resourceCountIs('AWS::Logs::LogGroup', 1);
  template.resourceCountIs(TYPE, 3);
  const functionId = Object.keys(template.findResources('AWS::Lambda::Function'))[0];
  for (const resource of Object.values(template.findResources(TYPE))) {
    expect(resource.Properties.ServiceToken).toEqual({ 'Fn::GetAtt': [functionId, 'Arn'] });
  }
});

test('the role may only create, list and read invitations, on *, in the catalogs the stack uses, read its own stack\'s status and write its logs', () => {
  const template = Template.fromStack(stackWith(3, [Catalog.SANDBOX, Catalog.AWS]));
  const [role] = Object.values(template.findResources('AWS::IAM::Role'));

  expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
    { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } },
  ]);
  const statements = role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement);
  expect(statements).toEqual([
    {
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Effect: 'Allow',
      Resource: { 'Fn::GetAtt': [Object.keys(template.findResources('AWS::Logs::LogGroup'))[0], 'Arn'] },
    },
    // The rollback signal: this stack's status, and no other stack's.
    { Action: 'cloudformation:DescribeStacks', Effect: 'Allow', Resource: { Ref: 'AWS::StackId' } },
    {
      Action: INVITATION_ACTIONS,
      Effect: 'Allow',
      Resource: '*',
      Condition: { StringEquals: { 'partnercentral:Catalog': ['AWS', 'Sandbox'] } },
    },
  ]);
  const partnerCentralActions = JSON.stringify(template.toJSON()).match(/"partnercentral:[A-Za-z]+"/g);
  expect(new Set(partnerCentralActions)).toEqual(new Set([...INVITATION_ACTIONS, 'partnercentral:Catalog'].map((a) => JSON.stringify(a))));
});

describe('assumeRoleArn (the Partner Central account is another account)', () => {
  const ROLE_A = 'arn:aws:iam::444455556666:role/PartnerCentralInvitations';
  const ROLE_B = 'arn:aws:iam::777788889999:role/path/Invitations';

  test('the handler may only assume the roles; the property names the role', () => {
    const stack = testStack();
    new EngagementInvitation(stack, 'A1', distinctProps(0, { assumeRoleArn: ROLE_A }));
    new EngagementInvitation(stack, 'A2', distinctProps(1, { assumeRoleArn: ROLE_A }));
    new EngagementInvitation(stack, 'B', distinctProps(2, { assumeRoleArn: ROLE_B }));
    const template = Template.fromStack(stack);

    const [role] = Object.values(template.findResources('AWS::IAM::Role'));
    const statements = role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement);
    expect(statements.slice(2)).toEqual([{ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: [ROLE_A, ROLE_B] }]);
    expect(JSON.stringify(statements)).not.toContain('partnercentral:');
    template.hasResourceProperties(TYPE, { AssumeRoleArn: ROLE_B, Catalog: 'Sandbox' });
  });

  test('mixed with direct invitations: both statements, each for its own invitations', () => {
    const stack = testStack();
    new EngagementInvitation(stack, 'Direct', validProps({ catalog: 'AWS' }));
    new EngagementInvitation(stack, 'Assumed', validProps({ assumeRoleArn: ROLE_A }));
    const [role] = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Role'));

    expect(role.Properties.Policies[0].PolicyDocument.Statement.slice(2)).toEqual([
      { Action: INVITATION_ACTIONS, Effect: 'Allow', Resource: '*', Condition: { StringEquals: { 'partnercentral:Catalog': ['AWS'] } } },
      { Action: 'sts:AssumeRole', Effect: 'Allow', Resource: ROLE_A },
    ]);
  });

  test('a literal that is not a role ARN is refused at synth; a token is accepted', () => {
    expect(() => new EngagementInvitation(testStack(), 'Bad', validProps({ assumeRoleArn: 'arn:aws:iam::4444:user/x' })))
      .toThrow(/assumeRoleArn: "arn:aws:iam::4444:user\/x" is not an IAM role ARN/);
    const stack = testStack();
    new EngagementInvitation(stack, 'Token', validProps({ assumeRoleArn: new CfnParameter(stack, 'RoleArn').valueAsString }));
    Template.fromStack(stack).hasResourceProperties(TYPE, { AssumeRoleArn: { Ref: 'RoleArn' } });
  });
});

test('the function: current Node.js, the shipped asset, 60 s, its own log group with retention', () => {
  const template = Template.fromStack(stackWith(1));

  template.hasResourceProperties('AWS::Lambda::Function', {
    Runtime: 'nodejs24.x',
    Handler: 'index.handler',
    Timeout: 60,
    MemorySize: 128,
    Architectures: ['arm64'],
    LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('LogGroup') } },
  });
  template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
});

test('resource properties are the API request in its own PascalCase shape, plus ServiceToken and ServiceTimeout', () => {
  const template = Template.fromStack(stackWith(1));
  const [resource] = Object.values(template.findResources(TYPE));
  const { ServiceToken, ServiceTimeout, ...request } = resource.Properties;

  expect(request).toEqual({
    Catalog: 'Sandbox',
    EngagementIdentifier: 'eng-abcdefghijklmn',
    Invitation: {
      Message: 'Join us on the Acme migration',
      Receiver: { Account: { AwsAccountId: '111122223333', Alias: 'Partner A' } },
      Payload: {
        OpportunityInvitation: {
          Customer: { CompanyName: 'Acme Pii Holdings', CountryCode: 'US', Industry: 'Software and Internet', WebsiteUrl: 'https://acme.example' },
          Project: {
            Title: 'Migration',
            BusinessProblem: 'The customer needs to leave its data centre by 2027.',
            TargetCompletionDate: '2027-03-31',
            ExpectedCustomerSpend: [{ Amount: '1000', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' }],
          },
          ReceiverResponsibilities: ['Reseller'],
          SenderContacts: [{ Email: 'jane.doe@acme-pii.example', FirstName: 'Janelle', LastName: 'Doerington', Phone: '+14155550123' }],
        },
      },
    },
  });
});

test('apiRegion appears only when set; serviceTimeout as set', () => {
  const stack = testStack();
  new EngagementInvitation(stack, 'Invite', validProps({ apiRegion: 'us-west-2', serviceTimeout: Duration.minutes(10) }));

  Template.fromStack(stack).hasResourceProperties(TYPE, { ApiRegion: 'us-west-2', ServiceTimeout: '600' });
});

describe('serviceTimeout', () => {
  test('defaults to 420 seconds: the handler\'s worst case (3 runs of 60 s, Lambda\'s retries after 60 s and 120 s) plus a minute', () => {
    const template = Template.fromStack(stackWith(1));

    template.hasResourceProperties(TYPE, { ServiceTimeout: '420', ApiRegion: Match.absent() });
  });

  test.each([
    [Duration.seconds(359), /serviceTimeout: 359 seconds is less than 360 seconds, the time the handler may take to answer .*\(minimum\)/],
    [Duration.seconds(3601), /serviceTimeout: 3601 seconds is more than CloudFormation's maximum of 3600 seconds \(maximum\)/],
    [Duration.millis(1500), /serviceTimeout: 1 second 500 millis is not a whole number of seconds \(integer\)/],
  ])('%s is refused at synth, naming the field and the rule', (serviceTimeout, message) => {
    expect(() => new EngagementInvitation(testStack(), 'Invite', validProps({ serviceTimeout }))).toThrow(message);
  });

  test.each([360, 3600])('%d seconds is accepted', (seconds) => {
    const stack = testStack();
    new EngagementInvitation(stack, 'Invite', validProps({ serviceTimeout: Duration.seconds(seconds) }));
    Template.fromStack(stack).hasResourceProperties(TYPE, { ServiceTimeout: String(seconds) });
  });
});

test('the custom resource writes no DeletionPolicy or UpdateReplacePolicy (CloudFormation\'s default, Delete, applies)', () => {
  const [resource] = Object.values(Template.fromStack(stackWith(1)).findResources(TYPE));

  expect(resource.DeletionPolicy).toBeUndefined();
  expect(resource.UpdateReplacePolicy).toBeUndefined();
});

test('invitationArn and invitationId are the Arn and Id attributes', () => {
  const stack = testStack();
  const invite = new EngagementInvitation(stack, 'Invite', validProps());
  const logicalId = stack.getLogicalId(invite.node.defaultChild as any);

  expect(stack.resolve(invite.invitationArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'Arn'] });
  expect(stack.resolve(invite.invitationId)).toEqual({ 'Fn::GetAtt': [logicalId, 'Id'] });
});

test('deploy-time values (a CfnParameter) pass through, and their catalog joins the IAM condition', () => {
  const stack = testStack();
  const engagement = new CfnParameter(stack, 'EngagementId');
  const catalog = new CfnParameter(stack, 'Catalog');
  new EngagementInvitation(stack, 'Invite', validProps({ engagementIdentifier: engagement.valueAsString, catalog: catalog.valueAsString }));
  const template = Template.fromStack(stack);

  template.hasResourceProperties(TYPE, { EngagementIdentifier: { Ref: 'EngagementId' }, Catalog: { Ref: 'Catalog' } });
  template.hasResourceProperties('AWS::IAM::Role', {
    Policies: [{ PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Condition: { StringEquals: { 'partnercentral:Catalog': [{ Ref: 'Catalog' }] } } })]) } }],
  });
});

test('each stack gets its own handler', () => {
  const app = testApp();
  const first = new Stack(app, 'First');
  const second = new Stack(app, 'Second');
  new EngagementInvitation(first, 'A', validProps());
  new EngagementInvitation(second, 'B', validProps());

  Template.fromStack(first).resourceCountIs('AWS::Lambda::Function', 1);
  Template.fromStack(second).resourceCountIs('AWS::Lambda::Function', 1);
});

test('the handler keeps its construct id, so the ServiceToken of deployed invitations never changes', () => {
  const template = Template.fromStack(stackWith(1));

  expect(Object.keys(template.findResources('AWS::Lambda::Function'))).toEqual([
    expect.stringMatching(/^PartnerCentralInvitationHandler8f3b2c1eFunction[0-9A-F]{8}$/),
  ]);
});

describe('fromEngagementInvitationArn', () => {
  const arn = 'arn:aws:partnercentral::123456789012:Sandbox/engagement-invitation/engi-0a1b2c3d4e5f6';

  test('a literal ARN gives its id', () => {
    const imported = EngagementInvitation.fromEngagementInvitationArn(testStack(), 'Imported', arn);
    expect(imported.invitationArn).toBe(arn);
    expect(imported.invitationId).toBe('engi-0a1b2c3d4e5f6');
  });

  test('a token ARN gives a deploy-time id', () => {
    const stack = testStack();
    const imported = EngagementInvitation.fromEngagementInvitationArn(stack, 'Imported', new CfnParameter(stack, 'Arn').valueAsString);
    expect(stack.resolve(imported.invitationId)).toEqual({ 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'Arn' }] }] });
  });

  test('a malformed literal ARN is rejected', () => {
    expect(() => EngagementInvitation.fromEngagementInvitationArn(testStack(), 'Imported', 'arn:aws:s3:::bucket'))
      .toThrow('TestStack/Imported: invitationArn: "arn:aws:s3:::bucket" is not an engagement invitation ARN');
  });
});

describe('creation chains (Partner Central takes 1 write request per second per account)', () => {
  /** Each invitation's chain predecessors (undefined for none); every invitation also waits for the EventInvokeConfig. */
  function dependsOn(stack: Stack): Array<string[] | undefined> {
    const template = Template.fromStack(stack);
    const [eventInvokeConfig] = Object.keys(template.findResources('AWS::Lambda::EventInvokeConfig'));
    return Object.values(template.findResources(TYPE)).map((r) => {
      const chain = (r.DependsOn as string[]).filter((id) => id !== eventInvokeConfig);
      // A chain head waits for the EventInvokeConfig itself; the invitations behind it wait for it through the chain.
      expect(r.DependsOn).toEqual(chain.length > 0 ? chain : [eventInvokeConfig]);
      return chain.length > 0 ? chain : undefined;
    });
  }

  test('by default, invitation n waits for invitation n - 5: at most 5 are created at the same time', () => {
    const stack = stackWith(12);
    const ids = Object.keys(Template.fromStack(stack).findResources(TYPE));

    expect(dependsOn(stack)).toEqual([
      undefined, undefined, undefined, undefined, undefined,
      [ids[0]], [ids[1]], [ids[2]], [ids[3]], [ids[4]],
      [ids[5]], [ids[6]],
    ]);
  });

  test.each([
    ['2', [undefined, undefined, 0, 1, 2]],
    [1, [undefined, 0, 1, 2, 3]],
    ['unlimited', [undefined, undefined, undefined, undefined, undefined]],
  ])('the context key sets the number of chains: %s', (value, expected) => {
    const stack = new Stack(testApp(), 'Chained');
    stack.node.setContext('cdk-engagement-invitation:maxConcurrentInvitations', value);
    for (let i = 0; i < 5; i++) new EngagementInvitation(stack, `Invite${i}`, distinctProps(i));
    const ids = Object.keys(Template.fromStack(stack).findResources(TYPE));

    expect(dependsOn(stack)).toEqual(expected.map((n) => (n === undefined ? undefined : [ids[n as number]])));
  });

  test.each([0, '-1', 'many', 2.5])('an invalid value (%s) is refused at synth, naming the key, before anything is added', (value) => {
    const stack = new Stack(testApp(), 'Chained');
    stack.node.setContext('cdk-engagement-invitation:maxConcurrentInvitations', value);

    expect(() => new EngagementInvitation(stack, 'Invite', validProps()))
      .toThrow(/context cdk-engagement-invitation:maxConcurrentInvitations: .* is not a positive integer or "unlimited" \(context\)/);
    expect(stack.node.children).toHaveLength(0);
  });
});
