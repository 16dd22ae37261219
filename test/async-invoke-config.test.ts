// The handler's AWS::Lambda::EventInvokeConfig: CloudFormation invokes the handler asynchronously, and an event older
// than the largest ServiceTimeout of the stack is discarded instead of being run (and retried) long after
// CloudFormation stopped waiting. One per stack; every custom resource is created after it.
import { App, CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Catalog, Engagement, EngagementInvitation } from '../lib';
import { distinctInvitation, distinctProps, testApp, testStack } from './support/fixtures';

const CONFIG = 'AWS::Lambda::EventInvokeConfig';
const INVITATION = 'Custom::PartnerCentralEngagementInvitation';
const ENGAGEMENT = 'Custom::PartnerCentralEngagement';

/** The stack's one EventInvokeConfig: its logical id and properties (fails unless there is exactly one). */
function eventInvokeConfig(template: Template): { id: string; properties: Record<string, unknown> } {
  const configs = Object.entries(template.findResources(CONFIG));
  expect(configs).toHaveLength(1);
  const [[id, resource]] = configs;
  return { id, properties: resource.Properties };
}

/** Every custom resource of the stack (invitations and engagements), by logical id. */
function customResources(template: Template): Array<[string, any]> {
  return [...Object.entries(template.findResources(INVITATION)), ...Object.entries(template.findResources(ENGAGEMENT))];
}

function maximumEventAge(stack: Stack): unknown {
  return eventInvokeConfig(Template.fromStack(stack)).properties.MaximumEventAgeInSeconds;
}

test('one per stack, on the handler function\'s $LATEST (what the ServiceToken invokes): 2 retries, events at most 420 s old by default', () => {
  const stack = testStack();
  for (let i = 0; i < 3; i++) new EngagementInvitation(stack, `Invite${i}`, distinctProps(i));
  const template = Template.fromStack(stack);
  const functionId = Object.keys(template.findResources('AWS::Lambda::Function'))[0];

  template.resourceCountIs(CONFIG, 1);
  expect(eventInvokeConfig(template).properties).toEqual({
    FunctionName: { Ref: functionId },
    Qualifier: '$LATEST',
    MaximumRetryAttempts: 2,
    MaximumEventAgeInSeconds: 420,
  });
  // The ServiceToken is the unqualified function ARN: CloudFormation's invocations run $LATEST, which the config covers.
  for (const [, resource] of customResources(template)) {
    expect(resource.Properties.ServiceToken).toEqual({ 'Fn::GetAtt': [functionId, 'Arn'] });
  }
});

test('every custom resource waits for the EventInvokeConfig: directly, or through the invitation its chain waits for', () => {
  const stack = testStack();
  const engagement = new Engagement(stack, 'Engagement', { catalog: Catalog.SANDBOX });
  // 7 invitations: with the default 5 chains, the last two also wait for an earlier invitation.
  for (let i = 0; i < 4; i++) engagement.invite(`Partner${i}`, { invitation: distinctInvitation(i) });
  for (let i = 4; i < 7; i++) new EngagementInvitation(stack, `Invite${i}`, distinctProps(i));
  new Engagement(stack, 'Other', { catalog: Catalog.AWS });
  const template = Template.fromStack(stack);
  const { id } = eventInvokeConfig(template);

  const resources = customResources(template);
  expect(resources).toHaveLength(9);
  const dependencies = new Map(resources.map(([logicalId, r]) => [logicalId, (r.DependsOn ?? []) as string[]]));
  const waitsForConfig = (logicalId: string): boolean =>
    dependencies.get(logicalId)!.includes(id) || dependencies.get(logicalId)!.some((d) => dependencies.has(d) && waitsForConfig(d));
  for (const [logicalId] of resources) expect([logicalId, waitsForConfig(logicalId)]).toEqual([logicalId, true]);
  // The 2 chained invitations wait through their chain only: one DependsOn each, on an invitation, not the config.
  const chained = resources.filter(([, r]) => !(r.DependsOn as string[]).includes(id));
  expect(chained).toHaveLength(2);
  for (const [, r] of chained) expect(r.DependsOn).toEqual([expect.not.stringMatching(id)]);
});

test('an engagement alone gets it too, with the engagement\'s ServiceTimeout', () => {
  const stack = testStack();
  new Engagement(stack, 'Engagement', { catalog: Catalog.SANDBOX, serviceTimeout: Duration.minutes(12) });
  const template = Template.fromStack(stack);
  const { id, properties } = eventInvokeConfig(template);

  expect(properties.MaximumEventAgeInSeconds).toBe(720);
  template.hasResource(ENGAGEMENT, { DependsOn: [id] });
});

describe('MaximumEventAgeInSeconds is the largest ServiceTimeout of the stack\'s resources', () => {
  test.each([
    ['the 900 s one first', [900, undefined, undefined]],
    ['the 900 s one last', [undefined, 480, 900]],
    ['the 900 s one among others', [360, 900, 600]],
  ])('one invitation at 900 s, the others at 360-600 s or the default 420 s: 900 (%s)', (_order, timeouts) => {
    const stack = testStack();
    timeouts.forEach((seconds, i) => new EngagementInvitation(stack, `Invite${i}`,
      distinctProps(i, seconds === undefined ? {} : { serviceTimeout: Duration.seconds(seconds) })));

    expect(maximumEventAge(stack)).toBe(900);
  });

  test('an engagement\'s ServiceTimeout counts as much as an invitation\'s', () => {
    const stack = testStack();
    const engagement = new Engagement(stack, 'Engagement', { catalog: Catalog.SANDBOX, serviceTimeout: Duration.seconds(1000) });
    engagement.invite('Partner', { invitation: distinctInvitation(0), serviceTimeout: Duration.seconds(900) });

    expect(maximumEventAge(stack)).toBe(1000);
  });

  test('the lowest ServiceTimeout allowed (360 s) and the highest (3600 s) are written as they are', () => {
    const low = testStack();
    new EngagementInvitation(low, 'Invite', distinctProps(0, { serviceTimeout: Duration.seconds(360) }));
    const high = new Stack(testApp(), 'High');
    new EngagementInvitation(high, 'Invite', distinctProps(0, { serviceTimeout: Duration.hours(1) }));

    expect([maximumEventAge(low), maximumEventAge(high)]).toEqual([360, 3600]);
  });

  test('a ServiceTimeout known only at deploy time (a token) counts as CloudFormation\'s maximum, 3600 s', () => {
    const stack = testStack();
    const timeout = new CfnParameter(stack, 'Timeout', { type: 'Number' });
    new EngagementInvitation(stack, 'Fixed', distinctProps(0, { serviceTimeout: Duration.seconds(900) }));
    new EngagementInvitation(stack, 'Deployed', distinctProps(1, { serviceTimeout: Duration.seconds(timeout.valueAsNumber) }));
    const template = Template.fromStack(stack);

    template.hasResourceProperties(INVITATION, { ServiceTimeout: { Ref: 'Timeout' } });
    expect(eventInvokeConfig(template).properties.MaximumEventAgeInSeconds).toBe(3600);
  });

  test('each stack its own: one stack\'s 900 s does not raise another\'s 420 s', () => {
    const app = new App();
    const slow = new Stack(app, 'Slow');
    const fast = new Stack(app, 'Fast');
    new EngagementInvitation(slow, 'Invite', distinctProps(0, { serviceTimeout: Duration.seconds(900) }));
    new EngagementInvitation(fast, 'Invite', distinctProps(0));

    expect([maximumEventAge(slow), maximumEventAge(fast)]).toEqual([900, 420]);
  });
});

test('the library calls no deprecated CDK API (JSII_DEPRECATED=fail turns each into an error)', () => {
  // aws-cdk-lib reports each deprecated call once per module instance: fresh modules, so that an earlier test's
  // synth cannot have used up the report.
  const previous = process.env.JSII_DEPRECATED;
  process.env.JSII_DEPRECATED = 'fail';
  try {
    expect(() => jest.isolateModules(() => {
      /* eslint-disable @typescript-eslint/no-require-imports */
      const cdk: typeof import('aws-cdk-lib') = require('aws-cdk-lib');
      const lib: typeof import('../lib') = require('../lib');
      /* eslint-enable @typescript-eslint/no-require-imports */
      const app = new cdk.App();
      const stack = new cdk.Stack(app, 'Strict');
      const engagement = new lib.Engagement(stack, 'Engagement', { catalog: lib.Catalog.SANDBOX });
      engagement.invite('Partner', { invitation: distinctInvitation(0) });
      new lib.EngagementInvitation(stack, 'Invite', distinctProps(1));
      app.synth();
    })).not.toThrow();
  } finally {
    if (previous === undefined) delete process.env.JSII_DEPRECATED;
    else process.env.JSII_DEPRECATED = previous;
  }
});
