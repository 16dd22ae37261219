// Two invitations of one stack that would send the same request (catalog, engagement, receiver, message, payload)
// fail the synth, naming both: Partner Central would hold them as one, since the handler adopts an identical
// invitation it already holds instead of sending it again. The requests are compared as they resolve (references
// included), not as the tokens' strings.
import { App, CfnParameter, Duration, Fn, Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Catalog, Engagement, EngagementInvitation } from '../lib';
import { distinctInvitation, distinctProps, PII, testStack, validProps } from './support/fixtures';

const INVITATION = 'Custom::PartnerCentralEngagementInvitation';
const DUPLICATE = /: would send identical invitations \(same catalog, engagement, receiver, message and payload\), .*\(duplicate invitation\)/;

/** The synth error of `stack` (undefined when it synthesizes). */
function synthError(stack: Stack): string | undefined {
  try {
    Template.fromStack(stack);
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

/** The problem lines of a synth error that name duplicate invitations. */
function duplicateProblems(stack: Stack): string[] {
  return (synthError(stack) ?? '').split('\n').filter((line) => DUPLICATE.test(line)).map((line) => line.trim());
}

test('two literal identical invitations: the synth fails, naming both paths and the rule; each construct alone was accepted', () => {
  const stack = testStack();
  expect(() => {
    new EngagementInvitation(stack, 'First', validProps());
    new EngagementInvitation(stack, 'Second', validProps());
  }).not.toThrow();

  const problems = duplicateProblems(stack);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatch(/^\[TestStack\/PartnerCentralInvitationHandler8f3b2c1e\] TestStack\/First and TestStack\/Second: would send identical invitations/);
});

test('the error names paths only, never a value of the request (customer and contact values are sensitive)', () => {
  const stack = testStack();
  new EngagementInvitation(stack, 'First', validProps());
  new EngagementInvitation(stack, 'Second', validProps());
  const message = synthError(stack);

  expect(message).toMatch(DUPLICATE);
  for (const value of [...Object.values(PII), '111122223333', 'Partner A', 'Join us on the Acme migration', 'eng-abcdefghijklmn']) {
    expect(message).not.toContain(value);
  }
});

test('three identical and two other identical: one problem per group, each naming all its members', () => {
  const stack = testStack();
  for (const id of ['A', 'B', 'C']) new EngagementInvitation(stack, id, validProps());
  for (const id of ['D', 'E']) new EngagementInvitation(stack, id, distinctProps(1));
  new EngagementInvitation(stack, 'Alone', distinctProps(2));

  expect(duplicateProblems(stack).map((p) => p.match(/\] (.*): would send/)![1])).toEqual([
    'TestStack/A and TestStack/B and TestStack/C',
    'TestStack/D and TestStack/E',
  ]);
});

test('two invitations of one engagement (engagement.invite, bound to its engagementId) with the same invitation: refused', () => {
  const stack = testStack();
  const engagement = new Engagement(stack, 'Engagement', { catalog: Catalog.SANDBOX });
  engagement.invite('PartnerA', { invitation: distinctInvitation(0) });
  engagement.invite('PartnerAAgain', { invitation: distinctInvitation(0) });

  expect(duplicateProblems(stack)).toEqual([expect.stringContaining('TestStack/Engagement/PartnerA and TestStack/Engagement/PartnerAAgain: would send')]);
});

test('the same invitation to two engagements of the stack is two invitations: accepted', () => {
  const stack = testStack();
  for (const id of ['First', 'Second']) {
    new Engagement(stack, id, { catalog: Catalog.SANDBOX }).invite('Partner', { invitation: distinctInvitation(0) });
  }

  expect(synthError(stack)).toBeUndefined();
  Template.fromStack(stack).resourceCountIs(INVITATION, 2);
});

test('the same content to different receivers: accepted', () => {
  const stack = testStack();
  for (let i = 0; i < 3; i++) new EngagementInvitation(stack, `Invite${i}`, distinctProps(i));

  expect(synthError(stack)).toBeUndefined();
  Template.fromStack(stack).resourceCountIs(INVITATION, 3);
});

test.each([
  ['message', validProps({ invitation: { ...validProps().invitation, message: 'Another message' } })],
  ['receiver alias', validProps({ invitation: { ...validProps().invitation, receiver: { account: { awsAccountId: '111122223333', alias: 'Partner B' } } } })],
  ['catalog', validProps({ catalog: Catalog.AWS })],
  ['engagement', validProps({ engagementIdentifier: 'eng-zyxwvutsrqponm' })],
])('invitations that differ only in their %s: accepted', (_field, other) => {
  const stack = testStack();
  new EngagementInvitation(stack, 'First', validProps());
  new EngagementInvitation(stack, 'Second', other);

  expect(synthError(stack)).toBeUndefined();
});

test('how it is sent (apiRegion, serviceTimeout) is not what is sent: still identical', () => {
  const stack = testStack();
  new EngagementInvitation(stack, 'First', validProps());
  new EngagementInvitation(stack, 'Second', validProps({ apiRegion: 'us-west-2', serviceTimeout: Duration.minutes(15) }));

  expect(duplicateProblems(stack)).toEqual([expect.stringContaining('TestStack/First and TestStack/Second: would send')]);
});

describe('deploy-time values are compared by what they resolve to', () => {
  test('the same Fn.importValue twice (two token objects) with identical content: refused', () => {
    const stack = testStack();
    new EngagementInvitation(stack, 'First', validProps({ engagementIdentifier: Fn.importValue('SharedEngagementId') }));
    new EngagementInvitation(stack, 'Second', validProps({ engagementIdentifier: Fn.importValue('SharedEngagementId') }));

    expect(duplicateProblems(stack)).toEqual([expect.stringContaining('TestStack/First and TestStack/Second: would send')]);
  });

  test('two different imports: accepted', () => {
    const stack = testStack();
    new EngagementInvitation(stack, 'First', validProps({ engagementIdentifier: Fn.importValue('EngagementOne') }));
    new EngagementInvitation(stack, 'Second', validProps({ engagementIdentifier: Fn.importValue('EngagementTwo') }));

    expect(synthError(stack)).toBeUndefined();
  });

  test('one parameter twice: refused; two parameters: accepted', () => {
    const same = testStack();
    const engagementId = new CfnParameter(same, 'EngagementId').valueAsString;
    new EngagementInvitation(same, 'First', validProps({ engagementIdentifier: engagementId }));
    new EngagementInvitation(same, 'Second', validProps({ engagementIdentifier: engagementId }));
    const different = testStack('Different');
    new EngagementInvitation(different, 'First', validProps({ engagementIdentifier: new CfnParameter(different, 'One').valueAsString }));
    new EngagementInvitation(different, 'Second', validProps({ engagementIdentifier: new CfnParameter(different, 'Two').valueAsString }));

    expect(duplicateProblems(same)).toHaveLength(1);
    expect(synthError(different)).toBeUndefined();
  });

  test('a lazy message that produces the literal message of another invitation: refused', () => {
    const stack = testStack();
    const invitation = validProps().invitation;
    new EngagementInvitation(stack, 'Literal', validProps());
    new EngagementInvitation(stack, 'Lazy', validProps({ invitation: { ...invitation, message: Lazy.string({ produce: () => invitation.message }) } }));

    expect(duplicateProblems(stack)).toEqual([expect.stringContaining('TestStack/Literal and TestStack/Lazy: would send')]);
  });
});

test('identical invitations in two stacks: each stack is checked on its own, and each synthesizes', () => {
  const app = new App();
  const first = new Stack(app, 'First');
  const second = new Stack(app, 'Second');
  new EngagementInvitation(first, 'Invite', validProps());
  new EngagementInvitation(second, 'Invite', validProps());

  expect(() => app.synth()).not.toThrow();
});
