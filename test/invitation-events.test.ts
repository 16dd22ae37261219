// onAccepted / onRejected / onExpired / onEvent: the rule's exact template, what its pattern matches (the documented
// example event, test/fixtures/engagement-invitation-accepted.json, and its variants), the us-east-1 check, options.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CfnParameter, CfnResource, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EngagementInvitation, EngagementInvitationEventType, IEngagementInvitation } from '../lib';
import { testApp, testStack, validProps } from './support/fixtures';

/** The id in the fixture: the reference's example event with this id (and its ARN) substituted. */
const INVITATION_ID = 'engi-0a1b2c3d4e5f6';
const INVITATION_ARN = `arn:aws:partnercentral::123456789012:Sandbox/engagement-invitation/${INVITATION_ID}`;
const OTHER_ID = 'engi-zzzzzzzzzzzzz';
const SOURCE = 'aws.partnercentral-selling';

const ACCEPTED_EVENT: Record<string, any> = JSON.parse(
  fs.readFileSync(path.join(__dirname, 'fixtures', 'engagement-invitation-accepted.json'), 'utf8'));

const INVITATION_TYPES = [
  'Engagement Invitation Created',
  'Engagement Invitation Accepted',
  'Engagement Invitation Rejected',
  'Engagement Invitation Expired',
];

/** The documented event of `detailType` about invitation `id`: the fixture with those two changed. */
function invitationEvent(detailType: string, id = INVITATION_ID): Record<string, any> {
  const event = structuredClone(ACCEPTED_EVENT);
  event['detail-type'] = detailType;
  event.detail.engagementInvitation.id = id;
  event.detail.engagementInvitation.arn = event.resources[0] = event.resources[0].replace(INVITATION_ID, id);
  return event;
}

/** Another event of the same source, in its documented shape (no `engagementInvitation`). */
const MEMBER_ADDED_EVENT = {
  ...structuredClone(ACCEPTED_EVENT),
  'detail-type': 'Engagement Member Added',
  'detail': { catalog: 'AWS', engagement: { id: 'eng-abcdefghijklmn' }, engagementMember: { accountId: '111122223333', companyName: 'Partner A' } },
};

type Pattern = { [field: string]: unknown[] | Pattern };

/**
 * EventBridge's matching for the two pattern forms these rules use: an array of allowed exact values (the event's
 * field equals one of them), or an object (every field of it matches the event's nested object). Anything else in a
 * pattern is refused rather than guessed at.
 */
function matches(pattern: Pattern, event: Record<string, unknown> | undefined): boolean {
  return Object.entries(pattern).every(([field, expected]) => {
    const actual = event?.[field];
    if (Array.isArray(expected)) {
      if (expected.some((value) => typeof value === 'object' && value !== null)) {
        throw new Error(`${field}: ${JSON.stringify(expected)} is not a list of exact values`);
      }
      return expected.includes(actual);
    }
    return typeof actual === 'object' && actual !== null && matches(expected, actual as Record<string, unknown>);
  });
}

/** Replaces the intrinsics these templates use with values: `known` maps `Ref` names and `<logicalId>.<attribute>`. */
function evaluate(value: any, known: Record<string, string>): any {
  if (Array.isArray(value)) return value.map((item) => evaluate(item, known));
  if (typeof value !== 'object' || value === null) return value;
  const lookup = (key: string) => {
    if (!(key in known)) throw new Error(`no value for ${key}`);
    return known[key];
  };
  if ('Ref' in value) return lookup(value.Ref);
  if ('Fn::GetAtt' in value) return lookup(value['Fn::GetAtt'].join('.'));
  if ('Fn::Split' in value) return String(evaluate(value['Fn::Split'][1], known)).split(value['Fn::Split'][0]);
  if ('Fn::Select' in value) return evaluate(value['Fn::Select'][1], known)[value['Fn::Select'][0]];
  if (Object.keys(value).some((key) => key.startsWith('Fn::'))) throw new Error(`unexpected intrinsic ${JSON.stringify(value)}`);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, evaluate(item, known)]));
}

function stackIn(region: string, id = 'Events'): Stack {
  return new Stack(testApp(), id, { env: { account: '123456789012', region } });
}

/** The stack's one and only rule's properties. */
function onlyRule(stack: Stack): Record<string, any> {
  const rules = Object.values(Template.fromStack(stack).findResources('AWS::Events::Rule'));
  expect(rules).toHaveLength(1);
  return rules[0].Properties;
}

function logicalId(stack: Stack, construct: { node: { defaultChild?: unknown } }): string {
  return stack.getLogicalId(construct.node.defaultChild as CfnResource);
}

/** A created invitation, and the values its `invitationId` stands for in the template. */
function createdInvitation(stack: Stack): { invite: IEngagementInvitation; known: Record<string, string> } {
  const invite = new EngagementInvitation(stack, 'Invite', validProps());
  const resourceId = logicalId(stack, invite.node.findChild('Resource'));
  return { invite, known: { [`${resourceId}.Id`]: INVITATION_ID } };
}

function importedInvitation(stack: Stack): { invite: IEngagementInvitation; known: Record<string, string> } {
  return { invite: EngagementInvitation.fromEngagementInvitationArn(stack, 'Invite', INVITATION_ARN), known: {} };
}

describe('onAccepted with an SNS target, in a us-east-1 stack', () => {
  const stack = stackIn('us-east-1');
  const { invite, known } = createdInvitation(stack);
  const topic = new sns.Topic(stack, 'Topic');
  const rule = invite.onAccepted('Accepted', { target: new targets.SnsTopic(topic) });
  const properties = onlyRule(stack);
  const pattern = evaluate(properties.EventPattern, known);

  test('one rule, on the default bus, with the exact pattern (the id from the custom resource) and the target', () => {
    expect(rule.node.path).toBe('Events/Invite/Accepted');
    expect(properties).toEqual({
      State: 'ENABLED',
      EventPattern: {
        'source': [SOURCE],
        'detail-type': ['Engagement Invitation Accepted'],
        'detail': { engagementInvitation: { id: [{ 'Fn::GetAtt': [logicalId(stack, invite.node.findChild('Resource')), 'Id'] }] } },
      },
      Targets: [{ Arn: { Ref: logicalId(stack, topic) }, Id: 'Target0' }],
    });
  });

  test('the pattern matches the documented "Engagement Invitation Accepted" event', () => {
    expect(ACCEPTED_EVENT['detail-type']).toBe('Engagement Invitation Accepted');
    expect(matches(pattern, ACCEPTED_EVENT)).toBe(true);
  });

  test('and neither a Rejected event, another invitation\'s Accepted event, nor another source', () => {
    expect(matches(pattern, invitationEvent('Engagement Invitation Rejected'))).toBe(false);
    expect(matches(pattern, invitationEvent('Engagement Invitation Accepted', OTHER_ID))).toBe(false);
    expect(matches(pattern, { ...ACCEPTED_EVENT, source: 'aws.partnercentral-account' })).toBe(false);
  });

  test('the pattern does not use `resources` (the event\'s ARN is not the API\'s)', () => {
    expect(ACCEPTED_EVENT.resources[0]).not.toBe(INVITATION_ARN);
    expect(properties.EventPattern.resources).toBeUndefined();
  });
});

const METHODS: Array<[string, (invite: IEngagementInvitation) => events.Rule, string[]]> = [
  ['onAccepted', (invite) => invite.onAccepted('Rule'), ['Engagement Invitation Accepted']],
  ['onRejected', (invite) => invite.onRejected('Rule'), ['Engagement Invitation Rejected']],
  ['onExpired', (invite) => invite.onExpired('Rule'), ['Engagement Invitation Expired']],
  ['onEvent', (invite) => invite.onEvent('Rule'), INVITATION_TYPES],
];

describe.each([
  ['a created invitation', createdInvitation],
  ['an imported invitation (literal ARN: the id parsed from it)', importedInvitation],
])('%s', (_, make) => {
  describe.each(METHODS)('%s', (_method, on, expectedTypes) => {
    const stack = stackIn('us-east-1');
    const { invite, known } = make(stack);
    on(invite);
    const properties = onlyRule(stack);
    const pattern = evaluate(properties.EventPattern, known);

    test(`the pattern: source, detail-type ${expectedTypes.join(', ')}, this invitation's id; no target`, () => {
      expect(pattern).toEqual({
        'source': [SOURCE],
        'detail-type': expectedTypes,
        'detail': { engagementInvitation: { id: [INVITATION_ID] } },
      });
      expect(properties.Targets).toBeUndefined();
    });

    test.each(INVITATION_TYPES)('"%s" about this invitation: matched only if one of its types', (type) => {
      expect(matches(pattern, invitationEvent(type))).toBe(expectedTypes.includes(type));
    });

    test.each(INVITATION_TYPES)('"%s" about another invitation: never matched', (type) => {
      expect(matches(pattern, invitationEvent(type, OTHER_ID))).toBe(false);
    });

    test('"Engagement Member Added" (same source): never matched', () => {
      expect(matches(pattern, MEMBER_ADDED_EVENT)).toBe(false);
    });
  });
});

test('an imported invitation with a token ARN: the id is taken from the ARN at deployment', () => {
  const stack = stackIn('us-east-1');
  const arn = new CfnParameter(stack, 'InvitationArn');
  EngagementInvitation.fromEngagementInvitationArn(stack, 'Invite', arn.valueAsString).onExpired('Expired');
  const properties = onlyRule(stack);

  expect(properties.EventPattern.detail).toEqual({
    engagementInvitation: { id: [{ 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'InvitationArn' }] }] }] },
  });
  const pattern = evaluate(properties.EventPattern, { InvitationArn: INVITATION_ARN });
  expect(matches(pattern, invitationEvent('Engagement Invitation Expired'))).toBe(true);
  expect(matches(pattern, invitationEvent('Engagement Invitation Expired', OTHER_ID))).toBe(false);
});

describe('outside us-east-1', () => {
  test.each(METHODS)('%s in an eu-west-1 stack is refused before the rule exists, with the way out', (_method, on) => {
    const stack = stackIn('eu-west-1', 'EuStack');
    const { invite } = createdInvitation(stack);

    expect(() => on(invite)).toThrow(new RegExp([
      '^EuStack/Invite/Rule: Partner Central Selling sends its events \\(source aws\\.partnercentral-selling\\) only to the ',
      'default event bus of us-east-1; this rule\'s stack EuStack is in eu-west-1, where it would never fire\\. ',
      'Either define the rule in a us-east-1 stack \\(import the invitation there with ',
      'EngagementInvitation\\.fromEngagementInvitationArn .*or forward the events to this region: in us-east-1, an ',
      'EventBridge rule on source aws\\.partnercentral-selling whose target is this region\'s event bus',
    ].join('')));
    expect(invite.node.tryFindChild('Rule')).toBeUndefined();
    Template.fromStack(stack).resourceCountIs('AWS::Events::Rule', 0);
  });

  test('an imported invitation in an eu-west-1 stack is refused too', () => {
    const invite = EngagementInvitation.fromEngagementInvitationArn(stackIn('eu-west-1', 'EuStack'), 'Invite', INVITATION_ARN);
    expect(() => invite.onAccepted('Accepted')).toThrow(/this rule's stack EuStack is in eu-west-1, where it would never fire/);
  });

  test('an environment-agnostic stack gets a warning on the rule, and the rule', () => {
    const stack = testStack('Agnostic');
    const { invite } = createdInvitation(stack);
    invite.onAccepted('Accepted');

    Template.fromStack(stack).resourceCountIs('AWS::Events::Rule', 1);
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('Partner Central Selling sends its events'));
    expect(warnings.map((w) => [w.id, w.entry.data])).toEqual([[
      '/Agnostic/Invite/Accepted',
      expect.stringMatching(/^Partner Central Selling sends its events .* only to the default event bus of us-east-1; this rule's stack Agnostic has no region at synth \(environment-agnostic\), so the rule fires only if the stack is deployed in us-east-1\. Either define the rule in a us-east-1 stack .* \[ack: cdk-engagement-invitation:eventsRegion\]$/),
    ]]);
  });

  test('a us-east-1 stack gets no such warning', () => {
    const stack = stackIn('us-east-1');
    createdInvitation(stack).invite.onAccepted('Accepted');
    Template.fromStack(stack);
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('eventsRegion'))).toEqual([]);
  });
});

describe('options', () => {
  test('description, ruleName and extra pattern fields are merged into the rule', () => {
    const stack = stackIn('us-east-1');
    const { invite, known } = createdInvitation(stack);
    invite.onAccepted('Accepted', {
      description: 'A partner accepted our invitation',
      ruleName: 'invitation-accepted',
      eventPattern: { account: ['123456789012'], detail: { catalog: ['AWS'] } },
    });
    const properties = onlyRule(stack);
    const pattern = evaluate(properties.EventPattern, known);

    expect(properties.Description).toBe('A partner accepted our invitation');
    expect(properties.Name).toBe('invitation-accepted');
    expect(pattern).toEqual({
      'source': [SOURCE],
      'detail-type': ['Engagement Invitation Accepted'],
      'detail': { engagementInvitation: { id: [INVITATION_ID] }, catalog: ['AWS'] },
      'account': ['123456789012'],
    });
    expect(matches(pattern, ACCEPTED_EVENT)).toBe(true);
    expect(matches(pattern, { ...ACCEPTED_EVENT, detail: { ...ACCEPTED_EVENT.detail, catalog: 'Sandbox' } })).toBe(false);
    expect(matches(pattern, { ...ACCEPTED_EVENT, account: '444455556666' })).toBe(false);
    expect(matches(pattern, invitationEvent('Engagement Invitation Accepted', OTHER_ID))).toBe(false);
  });

  test('one options object serves several invitations: each rule has its own id, and the options are unchanged', () => {
    const stack = stackIn('us-east-1');
    const options: events.OnEventOptions = { eventPattern: { detail: { catalog: ['AWS'] } } };
    const first = EngagementInvitation.fromEngagementInvitationArn(stack, 'First', INVITATION_ARN);
    const second = EngagementInvitation.fromEngagementInvitationArn(stack, 'Second', INVITATION_ARN.replace(INVITATION_ID, OTHER_ID));
    first.onAccepted('Accepted', options);
    second.onAccepted('Accepted', options);

    const ids = Object.values(Template.fromStack(stack).findResources('AWS::Events::Rule'))
      .map((rule) => rule.Properties.EventPattern.detail.engagementInvitation.id);
    expect(ids).toEqual([[INVITATION_ID], [OTHER_ID]]);
    expect(options).toEqual({ eventPattern: { detail: { catalog: ['AWS'] } } });
  });
});

test('the detail-types are exported as EngagementInvitationEventType, for patterns of one\'s own', () => {
  expect(Object.values(EngagementInvitationEventType)).toEqual(INVITATION_TYPES);
});
