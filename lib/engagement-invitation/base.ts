// What every engagement invitation offers, created here or imported: its ARN and id, and rules on its events. The
// created invitation (EngagementInvitation) and the imported one (import.ts) both extend EngagementInvitationBase.
import { IResource, Resource, ResourceProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import { ALL_INVITATION_EVENTS, EngagementInvitationEventType as EventType, onInvitationEvents } from './events';

/**
 * An engagement invitation, created here or imported.
 */
export interface IEngagementInvitation extends IResource {
  /**
   * The invitation's ARN, e.g. `arn:aws:partnercentral::111122223333:Sandbox/engagement-invitation/engi-0123456789abc`.
   *
   * @attribute
   */
  readonly invitationArn: string;

  /**
   * The invitation's id, e.g. `engi-0123456789abc`.
   *
   * @attribute
   */
  readonly invitationId: string;

  /**
   * A rule on the event Partner Central Selling sends when the receiver accepts this invitation
   * (detail-type "Engagement Invitation Accepted", matched on `detail.engagementInvitation.id`).
   *
   * The events reach only the default event bus of us-east-1: the stack must be in us-east-1 (an error otherwise; a
   * warning if its region is unknown at synth). Delivery is best effort: where a missed answer matters, re-check it
   * with `GetEngagementInvitation`.
   *
   * @param id the rule's construct id
   * @param options the rule's target, description, name and any pattern fields to add
   */
  onAccepted(id: string, options?: events.OnEventOptions): events.Rule;

  /**
   * A rule on the event Partner Central Selling sends when the receiver rejects this invitation
   * (detail-type "Engagement Invitation Rejected"). Same region and delivery terms as `onAccepted`.
   *
   * @param id the rule's construct id
   * @param options the rule's target, description, name and any pattern fields to add
   */
  onRejected(id: string, options?: events.OnEventOptions): events.Rule;

  /**
   * A rule on the event Partner Central Selling sends when this invitation expires unanswered, 15 days after it was
   * sent (detail-type "Engagement Invitation Expired"). Same region and delivery terms as `onAccepted`.
   *
   * @param id the rule's construct id
   * @param options the rule's target, description, name and any pattern fields to add
   */
  onExpired(id: string, options?: events.OnEventOptions): events.Rule;

  /**
   * A rule on every invitation event about this invitation: Created, Accepted, Rejected and Expired. Same region and
   * delivery terms as `onAccepted`.
   *
   * @param id the rule's construct id
   * @param options the rule's target, description, name and any pattern fields to add
   */
  onEvent(id: string, options?: events.OnEventOptions): events.Rule;
}

/**
 * What an engagement invitation defined in the app (an `EngagementInvitation`) and one imported by its ARN have in
 * common: its ARN and id, and the rules on its events.
 */
export abstract class EngagementInvitationBase extends Resource implements IEngagementInvitation {
  /**
   * The invitation's ARN, e.g. `arn:aws:partnercentral::111122223333:Sandbox/engagement-invitation/engi-0123456789abc`.
   */
  public abstract readonly invitationArn: string;

  /**
   * The invitation's id, e.g. `engi-0123456789abc`.
   */
  public abstract readonly invitationId: string;

  /**
   * @param scope the construct the invitation is defined in
   * @param id the invitation's construct id
   * @param props the resource's environment, as any Resource takes (the invitation has no physical name of its own)
   */
  protected constructor(scope: Construct, id: string, props: ResourceProps = {}) {
    super(scope, id, props);
  }

  /**
   * A rule on the event sent when the receiver accepts this invitation; see the same method of IEngagementInvitation.
   *
   * @param id the rule's construct id
   * @param options the rule's target, description, name and any pattern fields to add
   */
  public onAccepted(id: string, options?: events.OnEventOptions): events.Rule {
    return onInvitationEvents(this, [EventType.ACCEPTED], id, options);
  }

  /**
   * A rule on the event sent when the receiver rejects this invitation; see the same method of IEngagementInvitation.
   *
   * @param id the rule's construct id
   * @param options the rule's target, description, name and any pattern fields to add
   */
  public onRejected(id: string, options?: events.OnEventOptions): events.Rule {
    return onInvitationEvents(this, [EventType.REJECTED], id, options);
  }

  /**
   * A rule on the event sent when this invitation expires unanswered; see the same method of IEngagementInvitation.
   *
   * @param id the rule's construct id
   * @param options the rule's target, description, name and any pattern fields to add
   */
  public onExpired(id: string, options?: events.OnEventOptions): events.Rule {
    return onInvitationEvents(this, [EventType.EXPIRED], id, options);
  }

  /**
   * A rule on every invitation event about this invitation; see the same method of IEngagementInvitation.
   *
   * @param id the rule's construct id
   * @param options the rule's target, description, name and any pattern fields to add
   */
  public onEvent(id: string, options?: events.OnEventOptions): events.Rule {
    return onInvitationEvents(this, ALL_INVITATION_EVENTS, id, options);
  }
}
