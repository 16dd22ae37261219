// An EngagementInvitation's props: the CreateEngagementInvitation request in camelCase (invitation-props.ts holds the
// `Invitation` structure), and how it is sent (core/call-options.ts).
import { Invitation } from './invitation-props';
import { PartnerCentralCallOptions } from '../core/call-options';

/**
 * Properties of an EngagementInvitation: the CreateEngagementInvitation request, in camelCase, and how it is sent.
 *
 * With `assumeRoleArn`, the role of the linked account must allow `partnercentral:CreateEngagementInvitation`, and
 * should allow `partnercentral:ListEngagementInvitations` and `partnercentral:GetEngagementInvitation`, with which a
 * redeploy adopts an identical invitation an earlier deployment sent instead of sending it again.
 */
export interface EngagementInvitationProps extends PartnerCentralCallOptions {
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
