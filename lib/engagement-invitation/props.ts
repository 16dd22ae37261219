// How an EngagementInvitation is sent, and its props: the CreateEngagementInvitation request in camelCase
// (invitation-props.ts holds the `Invitation` structure).
import { Duration } from 'aws-cdk-lib';
import { Invitation } from './invitation-props';

/**
 * How an EngagementInvitation is sent, apart from the invitation itself.
 */
export interface EngagementInvitationOptions {
  /**
   * The region of the Partner Central Selling API endpoint the handler calls.
   *
   * @default 'us-east-1' (the only region where the service exists)
   */
  readonly apiRegion?: string;

  /**
   * How long CloudFormation waits for the handler's answer before failing the resource (ServiceTimeout), between
   * 360 and 3600 seconds.
   *
   * The handler answers within its own 60-second timeout; if its answer cannot be delivered, the invocation fails
   * and Lambda runs it twice more, after about 1 and 2 more minutes: its last honest answer arrives within 360
   * seconds, which is the smallest value allowed. Past this time the resource fails, so a handler that cannot answer
   * at all (a crash at start-up, an answer lost on the way) fails the stack in minutes rather than in an hour.
   *
   * @default - 420 seconds: the 360-second worst case plus one minute for the "about" of Lambda's delays
   */
  readonly serviceTimeout?: Duration;

  /**
   * A role to send the invitation as, for a Partner Central-linked account other than the stack's. The handler
   * calls STS AssumeRole on it (session name `cfn-<stack name>`, so CloudTrail in that account shows which stack
   * sent the invitation) and calls Partner Central with the role's credentials. The handler's own role is then
   * granted only `sts:AssumeRole` on this role for this invitation; the role must trust the stack's account and
   * allow `partnercentral:CreateEngagementInvitation`, and should allow `partnercentral:ListEngagementInvitations` and
   * `partnercentral:GetEngagementInvitation`, with which a redeploy adopts an identical invitation an earlier
   * deployment sent instead of sending it again.
   *
   * @default - the handler's own role calls Partner Central (the stack's account is the linked account)
   */
  readonly assumeRoleArn?: string;
}

/**
 * Properties of an EngagementInvitation: the CreateEngagementInvitation request, in camelCase.
 */
export interface EngagementInvitationProps extends EngagementInvitationOptions {
  /**
   * The catalog: the value of the `AWS` constant of the `Catalog` class (the string `AWS`, production) or of its
   * `SANDBOX` constant (the string `Sandbox`, testing); no other value is accepted, because the handler's IAM policy
   * and the resource's identity name the catalog.
   */
  readonly catalog: string;

  /**
   * The engagement the receiver is invited to, `eng-` and 14 lowercase letters or digits.
   */
  readonly engagementIdentifier: string;

  /**
   * The invitation to send.
   */
  readonly invitation: Invitation;
}
