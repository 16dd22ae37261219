// EventBridge rules on one invitation's events: the one implementation behind `onAccepted`, `onRejected`,
// `onExpired` and `onEvent` of EngagementInvitationBase (base.ts), which the created invitation and the imported one
// extend.
//
// Facts from the AWS Partner Central developer guide, "Notifications for the AWS Partner Central Selling API" [DG],
// and the EventBridge events reference for Partner Central Selling [EB]:
// - the events' source is `aws.partnercentral-selling`, on the default event bus of us-east-1 only [DG];
// - the invitation detail-types are "Engagement Invitation Created", "… Accepted", "… Rejected", "… Expired" [DG, EB];
// - the invitation is `detail.engagementInvitation` ({ arn, id, … }) [DG]; the event's ARN
//   (`arn:aws:partnercentral:us-east-1::catalog/<Catalog>/engagement-invitation/<id>`) is not the one
//   CreateEngagementInvitation returns, so a rule matches the id, never `resources`.
import { Annotations, Stack, Token } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import { IConstruct } from 'constructs';

/**
 * The detail-types of the EventBridge events that Partner Central Selling sends about an engagement invitation, as
 * constants (the same pattern as the library's other value classes): for event patterns of one's own.
 */
export class EngagementInvitationEventType {
  /** The invitation was sent (the sender receives it when it invites). */
  public static readonly CREATED = 'Engagement Invitation Created';
  /** The receiver accepted the invitation. */
  public static readonly ACCEPTED = 'Engagement Invitation Accepted';
  /** The receiver rejected the invitation. */
  public static readonly REJECTED = 'Engagement Invitation Rejected';
  /** The receiver did not answer within 15 days. */
  public static readonly EXPIRED = 'Engagement Invitation Expired';

  private constructor() {}
}

/** Every invitation detail-type [DG, EB]: what `onEvent` matches. */
export const ALL_INVITATION_EVENTS = [
  EngagementInvitationEventType.CREATED,
  EngagementInvitationEventType.ACCEPTED,
  EngagementInvitationEventType.REJECTED,
  EngagementInvitationEventType.EXPIRED,
];

/** The `source` of every Partner Central Selling event [DG]. */
const EVENT_SOURCE = 'aws.partnercentral-selling';

/** The only region whose default bus receives the events [DG]. */
const EVENTS_REGION = 'us-east-1';

/** What every explanation of the region starts with. */
const ONLY_US_EAST_1 = `Partner Central Selling sends its events (source ${EVENT_SOURCE}) only to the default event bus of `
  + `${EVENTS_REGION};`;

/** The two ways to react to the events elsewhere than in a us-east-1 stack. */
const WAYS_OUT = `Either define the rule in a ${EVENTS_REGION} stack (import the invitation there with `
  + 'EngagementInvitation.fromEngagementInvitationArn and call the same method), or forward the events to this region: in '
  + `${EVENTS_REGION}, an EventBridge rule on source ${EVENT_SOURCE} whose target is this region's event bus `
  + '(aws-events-targets EventBus), and here an events.Rule of your own on that bus with the same pattern.';

/** What an invitation must offer to have rules on its events. */
interface InvitationLike extends IConstruct {
  readonly invitationId: string;
}

/**
 * A rule, on the default bus of the invitation's stack, on the events of `detailTypes` about this invitation.
 *
 * Refuses, before creating anything, a stack whose region is known and is not us-east-1: the rule would never fire.
 * A stack without a known region gets a warning on the rule.
 */
export function onInvitationEvents(
  invitation: InvitationLike,
  detailTypes: readonly string[],
  id: string,
  options: events.OnEventOptions = {},
): events.Rule {
  const stack = Stack.of(invitation);
  const region = stack.region;
  if (!Token.isUnresolved(region) && region !== EVENTS_REGION) {
    throw new Error(`${invitation.node.path}/${id}: ${ONLY_US_EAST_1} this rule's stack ${stack.stackName} is in ${region}, `
      + `where it would never fire. ${WAYS_OUT}`);
  }

  // Our pattern first, then the user's merged into it (fields unioned, as in aws-cdk-lib's own `on…` methods). Not
  // the other way round: Rule adopts the objects of the first pattern and merges later ones into them, so ours would
  // be written into the caller's `options.eventPattern`, which may serve another invitation too.
  const rule = new events.Rule(invitation, id, { ...options, eventPattern: undefined });
  rule.addEventPattern({
    source: [EVENT_SOURCE],
    detailType: [...detailTypes],
    detail: { engagementInvitation: { id: [invitation.invitationId] } },
  });
  rule.addEventPattern(options.eventPattern);
  rule.addTarget(options.target);

  if (Token.isUnresolved(region)) {
    Annotations.of(rule).addWarningV2('cdk-engagement-invitation:eventsRegion',
      `${ONLY_US_EAST_1} this rule's stack ${stack.stackName} has no region at synth (environment-agnostic), so the rule `
      + `fires only if the stack is deployed in ${EVENTS_REGION}. ${WAYS_OUT}`);
  }
  return rule;
}
