// The engagement this stack creates (Custom::PartnerCentralEngagement), and its invitations (`invite`).
import { IResource, Resource, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { EngagementOptions, EngagementProps } from './props';
import { checkedEngagementRequest } from './request';
import { CREATE_ENGAGEMENT_RULES } from './rules';
import { PartnerCentralCallOptions } from '../core/call-options';
import { readCliInputJson, warnIfClientTokenIgnored } from '../core/cli-input';
import { ALLOW_REPLACEMENT_PROPERTY, ENGAGEMENT_ID_PATTERN, ENGAGEMENT_MAX_MEMBERS, ENGAGEMENT_RESOURCE_TYPE } from '../core/contract';
import { addPartnerCentralResource } from '../core/custom-resource';
import { invitationsBoundTo, registerEngagement } from '../core/stack-engagements';
import { EngagementInvitation } from '../engagement-invitation/engagement-invitation';
import { Invitation } from '../engagement-invitation/invitation-props';

/**
 * An engagement, created here or imported.
 */
export interface IEngagement extends IResource {
  /**
   * The engagement's id, e.g. `eng-abcdefghijklmn`.
   *
   * @attribute
   */
  readonly engagementId: string;
}

/**
 * An invitation to an engagement of this stack: the invitation, and how it is sent. Unlike an `EngagementInvitation`
 * on its own, each send option left out here takes the engagement's own value: `apiRegion`, `assumeRoleArn` and
 * `serviceTimeout` default to the ones the engagement was given (the invitation is sent as the engagement's creator).
 */
export interface EngagementInviteOptions extends PartnerCentralCallOptions {
  /**
   * The invitation to send.
   */
  readonly invitation: Invitation;
}

/**
 * An AWS Partner Central engagement, created once when the resource is created, with its invitations in the same
 * stack (`invite`).
 *
 * - Create calls `CreateEngagement` (an `@idempotent` operation) with the CloudFormation `RequestId` as
 *   `ClientToken`, so Lambda's retries of the same event never create a second engagement. The caller's account
 *   becomes a member of the engagement (CreateEngagement documentation).
 * - Update changes the contexts in place where the API can (CreateEngagementContext, UpdateEngagementContext); a
 *   change that only a new engagement can carry (title, description, a removed context) fails the update unless
 *   `allowReplacement` is set.
 * - Delete sends nothing: the Partner Central Selling API has no operation that closes or deletes an engagement.
 *
 * Engagements and invitations of a stack share one handler function and one role.
 *
 * @resource Custom::PartnerCentralEngagement
 */
export class Engagement extends Resource implements IEngagement {
  /**
   * The CloudFormation resource type of an engagement.
   */
  public static readonly RESOURCE_TYPE = ENGAGEMENT_RESOURCE_TYPE;

  /**
   * Creates an engagement from the JSON that `aws partnercentral-selling create-engagement` takes with
   * `--cli-input-json` (the shape `--generate-cli-skeleton` prints): `Catalog`, `Title`, `Description` and
   * `Contexts`, in the API's PascalCase.
   *
   * The JSON is checked with the same rules as the props, and problems name its own paths
   * (`Contexts[0].Payload.Lead.Interactions[0].InteractionDate: …`). A `ClientToken` in it is ignored, with a
   * warning: the CloudFormation `RequestId` is the token, which is what makes the engagement be created only once.
   *
   * Named `create…`, not `from…`: in the CDK, `from*` methods import an existing resource and return its interface;
   * this one defines a new engagement.
   *
   * @param scope the construct the engagement is defined in
   * @param id the engagement's construct id
   * @param json the CLI input JSON, as a literal string (read when the app is synthesized)
   * @param options how the engagement is created and changed
   */
  public static createFromCliInputJson(scope: Construct, id: string, json: string, options: EngagementOptions = {}): Engagement {
    const input = readCliInputJson<Pick<EngagementProps, 'catalog' | 'title' | 'description' | 'contexts'>>(
      scope, id, json, 'CreateEngagement', CREATE_ENGAGEMENT_RULES);
    const engagement = new Engagement(scope, id, { ...options, ...input.request });
    warnIfClientTokenIgnored(engagement, input);
    return engagement;
  }

  /**
   * Refers to an existing engagement by its id, to invite partners to it with an `EngagementInvitation` (its
   * `engagementIdentifier`).
   *
   * @param scope the construct the reference is defined in
   * @param id the reference's construct id
   * @param engagementId `eng-` and 14 lowercase letters or digits, or a token
   */
  public static fromEngagementId(scope: Construct, id: string, engagementId: string): IEngagement {
    if (!Token.isUnresolved(engagementId) && !ENGAGEMENT_ID_PATTERN.test(engagementId)) {
      throw new Error(`${scope.node.path}/${id}: engagementId: ${JSON.stringify(engagementId)} is not an engagement id `
        + '("eng-" and 14 lowercase letters or digits)');
    }
    class Import extends Resource implements IEngagement {
      public readonly engagementId = engagementId;
    }
    return new Import(scope, id);
  }

  /**
   * The engagement's id, e.g. `eng-abcdefghijklmn`.
   *
   * @attribute
   */
  public readonly engagementId: string;

  /**
   * The engagement's ARN, e.g. `arn:aws:partnercentral:us-east-1::catalog/Sandbox/engagement/eng-abcdefghijklmn`.
   *
   * @attribute
   */
  public readonly engagementArn: string;

  /**
   * The engagement's catalog; its invitations are sent in the same one.
   */
  public readonly catalog: string;

  private readonly sendOptions: PartnerCentralCallOptions;

  /**
   * Defines the engagement; its props are checked at once (an error names every problem, and nothing is added).
   *
   * @param scope the construct the engagement is defined in
   * @param id the engagement's construct id
   * @param props the CreateEngagement request, in camelCase, and how it is sent
   */
  public constructor(scope: Construct, id: string, props: EngagementProps) {
    // Checked before anything joins the construct tree: rejected props leave nothing half-created behind.
    const { request, advisories } = checkedEngagementRequest(scope, id, props);
    super(scope, id);
    this.catalog = props.catalog;
    this.sendOptions = { apiRegion: props.apiRegion, assumeRoleArn: props.assumeRoleArn, serviceTimeout: props.serviceTimeout };

    const resource = addPartnerCentralResource(this, {
      resourceType: Engagement.RESOURCE_TYPE,
      request,
      advisories,
      options: props,
      moreProperties: props.allowReplacement === true ? { [ALLOW_REPLACEMENT_PROPERTY]: 'true' } : {},
      grantOwnRole: (handler) => handler.allowEngagements(props.catalog),
    });
    this.engagementId = resource.id;
    this.engagementArn = resource.arn;
    registerEngagement(this, this.engagementId, props.catalog, props.assumeRoleArn);
  }

  /**
   * Invites a partner to this engagement: an `EngagementInvitation` in this engagement's catalog, below it in the
   * construct tree, sent after the engagement is created (its `engagementIdentifier` is this engagement's id).
   *
   * The invitation is sent as the engagement's creator, its one member so far: `apiRegion` and `assumeRoleArn`
   * default to the engagement's own, so that a stack whose engagement is created in a linked account (through
   * `assumeRoleArn`) does not send its invitations from an account that is not a member.
   *
   * An engagement has at most 10 members, its creator included, so at most 9 invitations per engagement.
   *
   * @param id the invitation's construct id, below this engagement
   * @param options the invitation to send, and how to send it where it differs from the engagement
   */
  public invite(id: string, options: EngagementInviteOptions): EngagementInvitation {
    if (invitationsBoundTo(this, this.engagementId) >= ENGAGEMENT_MAX_MEMBERS - 1) {
      throw new Error(`${this.node.path}: cannot invite '${id}': an engagement has at most ${ENGAGEMENT_MAX_MEMBERS} members, `
        + `its creator included, so at most ${ENGAGEMENT_MAX_MEMBERS - 1} invitations (member limit)`);
    }
    // Forgotten options (from JavaScript) come to the invitation's own check as a missing `invitation`.
    const given: Partial<EngagementInviteOptions> = options ?? {};
    const invitation = new EngagementInvitation(this, id, {
      apiRegion: given.apiRegion ?? this.sendOptions.apiRegion,
      assumeRoleArn: given.assumeRoleArn ?? this.sendOptions.assumeRoleArn,
      serviceTimeout: given.serviceTimeout ?? this.sendOptions.serviceTimeout,
      invitation: given.invitation!,
      catalog: this.catalog,
      engagementIdentifier: this.engagementId,
    });
    return invitation;
  }
}
