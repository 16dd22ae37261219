// Invitations bound to an engagement of the same stack (its engagementId, by invite() or by hand): what the service
// would refuse at deploy time is said at synth.
import { Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Catalog, Engagement, EngagementInvitation } from '../lib';
import { distinctProps, testStack } from './support/fixtures';
import { SENDER_DIFFERS_WARNING } from '../lib/core/stack-engagements';

const INVITATION = 'Custom::PartnerCentralEngagementInvitation';
const ROLE = 'arn:aws:iam::444455556666:role/PartnerCentralInvitations';

function boundTo(engagement: Engagement, n: number, overrides: Record<string, unknown> = {}) {
  return { ...distinctProps(n), catalog: engagement.catalog, engagementIdentifier: engagement.engagementId, ...overrides };
}

test('the member limit holds for any invitation bound to the engagement: the 10th fails at synth and adds nothing', () => {
  const stack = testStack();
  const engagement = new Engagement(stack, 'Engagement', { catalog: Catalog.SANDBOX });
  for (let i = 0; i < 5; i++) engagement.invite(`Invited${i}`, { invitation: distinctProps(i).invitation });
  for (let i = 5; i < 9; i++) new EngagementInvitation(stack, `ByHand${i}`, boundTo(engagement, i));

  expect(() => new EngagementInvitation(stack, 'Tenth', boundTo(engagement, 9)))
    .toThrow(/engagementIdentifier: TestStack\/Engagement already has 9 invitations in this stack; an engagement has at most 10 members, its creator included \(member limit\)/);
  expect(() => engagement.invite('TenthInvited', { invitation: distinctProps(10).invitation })).toThrow(/member limit/);
  expect(stack.node.tryFindChild('Tenth')).toBeUndefined();
  expect(Object.keys(Template.fromStack(stack).findResources(INVITATION))).toHaveLength(9);
});

test('another engagement, or a literal engagement id, does not count against it', () => {
  const stack = testStack();
  const engagement = new Engagement(stack, 'Engagement', { catalog: Catalog.SANDBOX });
  const other = new Engagement(stack, 'Other', { catalog: Catalog.SANDBOX, title: 'Another engagement' });
  for (let i = 0; i < 9; i++) new EngagementInvitation(stack, `A${i}`, boundTo(engagement, i));
  for (let i = 0; i < 9; i++) new EngagementInvitation(stack, `B${i}`, boundTo(other, i));
  for (let i = 0; i < 10; i++) new EngagementInvitation(stack, `C${i}`, distinctProps(i));

  expect(Object.keys(Template.fromStack(stack).findResources(INVITATION))).toHaveLength(28);
});

test('an invitation in another catalog than its engagement\'s is an error naming both', () => {
  const stack = testStack();
  const engagement = new Engagement(stack, 'Engagement', { catalog: Catalog.SANDBOX });

  expect(() => new EngagementInvitation(stack, 'Invite', boundTo(engagement, 0, { catalog: Catalog.AWS })))
    .toThrow('catalog: "AWS" is not the catalog of its engagement TestStack/Engagement ("Sandbox"); an invitation is sent in its engagement\'s catalog (catalog mismatch)');
  expect(stack.node.tryFindChild('Invite')).toBeUndefined();
});

test('an invitation sent as another account than its engagement: a warning with an id that can be acknowledged', () => {
  const stack = testStack();
  const engagement = new Engagement(stack, 'Engagement', { catalog: Catalog.SANDBOX });
  new EngagementInvitation(stack, 'Warned', boundTo(engagement, 0, { assumeRoleArn: ROLE }));
  const acknowledged = new EngagementInvitation(stack, 'Acknowledged', boundTo(engagement, 1, { assumeRoleArn: ROLE }));
  Validations.of(acknowledged).acknowledge({ id: SENDER_DIFFERS_WARNING, reason: 'the linked account is a member' });
  engagement.invite('Inherits', { invitation: distinctProps(2).invitation });

  const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('sent as another account'));
  expect(warnings.map((w) => w.id)).toEqual(['/TestStack/Warned']);
  expect(String(warnings[0].entry.data)).toContain(`[ack: ${SENDER_DIFFERS_WARNING}]`);
  expect(String(warnings[0].entry.data)).toMatch(/assumeRoleArn: this invitation is sent as another account than its engagement TestStack\/Engagement/);
});

describe('checked alike everywhere', () => {
  test('a PascalCase key beside its camelCase twin is an error naming both, not a silent override', () => {
    const props = distinctProps(0);
    const twin = { ...props, invitation: { ...props.invitation, Message: 'Another message' } } as never;

    expect(() => new EngagementInvitation(testStack(), 'Invite', twin))
      .toThrow(/invitation\.Message: is also given as invitation\.message; .* \(duplicate member\)/);
  });

  test.each([
    ['2027-02-30', false], ['2026-13-01', false], ['2028-02-29', true], ['2027-02-28', true],
  ])('targetCompletionDate %s is a real calendar date: %s', (date, real) => {
    const props = distinctProps(0) as any;
    props.invitation.payload.opportunityInvitation.project.targetCompletionDate = date;
    const create = () => new EngagementInvitation(testStack(), 'Invite', props);
    if (real) expect(create).not.toThrow();
    else expect(create).toThrow(/targetCompletionDate: .*is not (a real calendar date \(calendar date\)|a date YYYY-MM-DD)/);
  });
});
