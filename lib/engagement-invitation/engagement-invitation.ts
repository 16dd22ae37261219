// The engagement invitation this stack sends (Custom::PartnerCentralEngagementInvitation).
import { Construct } from 'constructs';
import { EngagementInvitationBase, IEngagementInvitation } from './base';
import { importEngagementInvitation } from './import';
import { EngagementInvitationProps } from './props';
import { checkedInvitationRequest } from './request';
import { CREATE_ENGAGEMENT_INVITATION_RULES } from './rules';
import { PartnerCentralCallOptions } from '../core/call-options';
import { readCliInputJson, warnIfClientTokenIgnored } from '../core/cli-input';
import { INVITATION_RESOURCE_TYPE } from '../core/contract';
import { addPartnerCentralResource } from '../core/custom-resource';
import { bindInvitation } from '../core/stack-engagements';

/**
 * Sends an AWS Partner Central engagement invitation exactly once, when the resource is created.
 *
 * - Create calls `CreateEngagementInvitation` with the CloudFormation `RequestId` as `ClientToken`, so Lambda's
 *   retries of the same event never send a second invitation.
 * - Update sends a new invitation only for a forward change of `catalog`, `engagementIdentifier` or `invitation`
 *   (the resource is then replaced). Updates that CloudFormation sends to roll back never send: the physical id
 *   records what the current invitation was sent with, and the stack's status tells a rollback from a change.
 * - Delete sends nothing: the API has no way to withdraw an invitation. Unaccepted invitations expire after 15 days.
 *
 * Every invitation in a stack shares one handler function and one role.
 *
 * @resource Custom::PartnerCentralEngagementInvitation
 */
export class EngagementInvitation extends EngagementInvitationBase {
  /**
   * The CloudFormation resource type of an engagement invitation.
   */
  public static readonly RESOURCE_TYPE = INVITATION_RESOURCE_TYPE;

  /**
   * Creates an invitation from the JSON that `aws partnercentral-selling create-engagement-invitation` takes with
   * `--cli-input-json` (the shape `--generate-cli-skeleton` prints): `Catalog`, `EngagementIdentifier` and
   * `Invitation`, in the API's PascalCase.
   *
   * The JSON is checked with the same rules as the props, and problems name its own paths
   * (`Invitation.Payload.OpportunityInvitation.Customer.CountryCode: …`). A `ClientToken` in it is ignored, with a
   * warning if it is not the skeleton's empty placeholder: the CloudFormation `RequestId` is the token, which is what
   * makes the invitation be sent only once. A leading UTF-8 byte order mark (as Windows editors write) is dropped.
   *
   * Named `create…`, not `from…`: in the CDK, `from*` methods import an existing resource and return its interface;
   * this one defines a new invitation.
   *
   * @param scope the construct the invitation is defined in
   * @param id the invitation's construct id
   * @param json the CLI input JSON, as a literal string (read when the app is synthesized)
   * @param options how the invitation is sent
   */
  public static createFromCliInputJson(scope: Construct, id: string, json: string, options: PartnerCentralCallOptions = {}): EngagementInvitation {
    const input = readCliInputJson<Pick<EngagementInvitationProps, 'catalog' | 'engagementIdentifier' | 'invitation'>>(
      scope, id, json, 'CreateEngagementInvitation', CREATE_ENGAGEMENT_INVITATION_RULES);
    const invitation = new EngagementInvitation(scope, id, { ...options, ...input.request });
    warnIfClientTokenIgnored(invitation, input);
    return invitation;
  }

  /**
   * Refers to an existing invitation by its ARN (for example an export of another stack).
   *
   * @param scope the construct the reference is defined in
   * @param id the reference's construct id
   * @param invitationArn the invitation's ARN, as CreateEngagementInvitation returned it (a literal or a token)
   */
  public static fromEngagementInvitationArn(scope: Construct, id: string, invitationArn: string): IEngagementInvitation {
    return importEngagementInvitation(scope, id, invitationArn);
  }

  public readonly invitationArn: string;
  public readonly invitationId: string;

  /**
   * Defines the invitation; its props are checked at once (an error names every problem, and nothing is added).
   *
   * @param scope the construct the invitation is defined in
   * @param id the invitation's construct id
   * @param props the CreateEngagementInvitation request, in camelCase, and how it is sent
   */
  public constructor(scope: Construct, id: string, props: EngagementInvitationProps) {
    // Checked before anything joins the construct tree: rejected props leave nothing half-created behind.
    const { request, advisories } = checkedInvitationRequest(scope, id, props);
    super(scope, id);

    const resource = addPartnerCentralResource(this, {
      resourceType: EngagementInvitation.RESOURCE_TYPE,
      request,
      advisories,
      options: props,
      grantOwnRole: (handler) => handler.allowInvitations(props.catalog),
      chained: true,
    });
    resource.handler.registerInvitation(this.node.path, request, props.assumeRoleArn);
    bindInvitation(this, props);
    this.invitationArn = resource.arn;
    this.invitationId = resource.id;
  }
}
