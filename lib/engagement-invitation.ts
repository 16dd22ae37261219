import { CfnResource, CustomResource, Duration, Fn, IResource, Resource, Token } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import { readCliInputJson, warnIfClientTokenIgnored } from './cli-input';
import { API_REGION_PROPERTY, ASSUME_ROLE_ARN_PROPERTY, DEFAULT_SERVICE_TIMEOUT_SECONDS, INVITATION_RESOURCE_TYPE } from './handler-contract';
import { EngagementInvitationHandler } from './handler-function';
import { INVITATION_ARN_PATTERN } from './invitation-arn';
import { ALL_INVITATION_EVENTS, EngagementInvitationEventType as EventType, onInvitationEvents } from './invitation-events';
import { Invitation } from './invitation-props';
import { sendOptionProblems } from './send-options';
import { CREATE_ENGAGEMENT_INVITATION_RULES, formatViolation, invalidInputError, propsProblems, validate } from './validation';
import { toWireRequest } from './wire-request';

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
   * @default Duration.seconds(420) - the 360-second worst case plus one minute for the "about" of Lambda's delays
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
   * The catalog: `Catalog.AWS` (production) or `Catalog.SANDBOX` (testing).
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
export class EngagementInvitation extends Resource implements IEngagementInvitation {
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
   * @param json the CLI input JSON, as a literal string (read when the app is synthesized)
   * @param options how the invitation is sent
   */
  public static createFromCliInputJson(scope: Construct, id: string, json: string, options: EngagementInvitationOptions = {}): EngagementInvitation {
    const input = readCliInputJson<Pick<EngagementInvitationProps, 'catalog' | 'engagementIdentifier' | 'invitation'>>(
      scope, id, json, 'CreateEngagementInvitation', CREATE_ENGAGEMENT_INVITATION_RULES);
    const invitation = new EngagementInvitation(scope, id, { ...options, ...input.request });
    warnIfClientTokenIgnored(invitation, input);
    return invitation;
  }

  /**
   * Refers to an existing invitation by its ARN (for example an export of another stack).
   */
  public static fromEngagementInvitationArn(scope: Construct, id: string, invitationArn: string): IEngagementInvitation {
    if (!Token.isUnresolved(invitationArn) && !INVITATION_ARN_PATTERN.test(invitationArn)) {
      throw new Error(`${scope.node.path}/${id}: invitationArn: ${JSON.stringify(invitationArn)} is not an engagement invitation ARN `
        + '(arn:aws:partnercentral::<account>:<catalog>/engagement-invitation/engi-<13 characters>)');
    }
    class Import extends Resource implements IEngagementInvitation {
      public readonly invitationArn = invitationArn;
      public readonly invitationId = Token.isUnresolved(invitationArn)
        ? Fn.select(2, Fn.split('/', invitationArn))
        : invitationArn.split('/')[2];

      public onAccepted(ruleId: string, options?: events.OnEventOptions): events.Rule {
        return onInvitationEvents(this, [EventType.ACCEPTED], ruleId, options);
      }

      public onRejected(ruleId: string, options?: events.OnEventOptions): events.Rule {
        return onInvitationEvents(this, [EventType.REJECTED], ruleId, options);
      }

      public onExpired(ruleId: string, options?: events.OnEventOptions): events.Rule {
        return onInvitationEvents(this, [EventType.EXPIRED], ruleId, options);
      }

      public onEvent(ruleId: string, options?: events.OnEventOptions): events.Rule {
        return onInvitationEvents(this, ALL_INVITATION_EVENTS, ruleId, options);
      }
    }
    return new Import(scope, id);
  }

  public readonly invitationArn: string;
  public readonly invitationId: string;

  public constructor(scope: Construct, id: string, props: EngagementInvitationProps) {
    // Validate before anything joins the construct tree: rejected props leave nothing half-created behind.
    const notAnObject = propsProblems(props, CREATE_ENGAGEMENT_INVITATION_RULES);
    if (notAnObject.length > 0) throw invalidInputError(scope, id, 'EngagementInvitation', notAnObject);
    const request = toWireRequest(props);
    const problems = findProblems(request, props, scope);
    if (problems.length > 0) throw invalidInputError(scope, id, 'EngagementInvitation', problems);
    super(scope, id);

    const handler = EngagementInvitationHandler.of(this);
    if (props.assumeRoleArn !== undefined) handler.allowAssumeRole(props.assumeRoleArn);
    else handler.allowCatalog(props.catalog);

    const serviceTimeout = props.serviceTimeout ?? Duration.seconds(DEFAULT_SERVICE_TIMEOUT_SECONDS);
    const resource = new CustomResource(this, 'Resource', {
      resourceType: EngagementInvitation.RESOURCE_TYPE,
      serviceToken: handler.function.functionArn,
      serviceTimeout,
      // The API's own request shape (minus ClientToken), so the template shows exactly what will be sent.
      properties: {
        ...request,
        ...(props.apiRegion !== undefined ? { [API_REGION_PROPERTY]: props.apiRegion } : {}),
        ...(props.assumeRoleArn !== undefined ? { [ASSUME_ROLE_ARN_PROPERTY]: props.assumeRoleArn } : {}),
      },
    });
    // CustomResource writes DeletionPolicy and UpdateReplacePolicy `Delete`, which are CloudFormation's defaults
    // ("DeletionPolicy attribute", "UpdateReplacePolicy attribute" in the CloudFormation User Guide): they change
    // nothing, and cost about 60 bytes per invitation in the template.
    const cfnResource = resource.node.defaultChild as CfnResource;
    cfnResource.cfnOptions.deletionPolicy = undefined;
    cfnResource.cfnOptions.updateReplacePolicy = undefined;
    const chained = handler.creationChains.add(cfnResource);
    handler.serve(cfnResource, serviceTimeout, chained);
    handler.registerInvitation(this.node.path, request, props.assumeRoleArn);
    this.invitationArn = resource.getAttString('Arn');
    this.invitationId = resource.getAttString('Id');
  }

  /**
   * A rule on the event sent when the receiver accepts this invitation; see `IEngagementInvitation.onAccepted`.
   */
  public onAccepted(id: string, options?: events.OnEventOptions): events.Rule {
    return onInvitationEvents(this, [EventType.ACCEPTED], id, options);
  }

  /**
   * A rule on the event sent when the receiver rejects this invitation; see `IEngagementInvitation.onRejected`.
   */
  public onRejected(id: string, options?: events.OnEventOptions): events.Rule {
    return onInvitationEvents(this, [EventType.REJECTED], id, options);
  }

  /**
   * A rule on the event sent when this invitation expires unanswered; see `IEngagementInvitation.onExpired`.
   */
  public onExpired(id: string, options?: events.OnEventOptions): events.Rule {
    return onInvitationEvents(this, [EventType.EXPIRED], id, options);
  }

  /**
   * A rule on every invitation event about this invitation; see `IEngagementInvitation.onEvent`.
   */
  public onEvent(id: string, options?: events.OnEventOptions): events.Rule {
    return onInvitationEvents(this, ALL_INVITATION_EVENTS, id, options);
  }
}

/** Every rule the props break, as `<field path>: <what is wrong> (<rule>)`. */
function findProblems(request: Record<string, unknown>, props: EngagementInvitationProps, scope: Construct): string[] {
  return [
    ...validate(CREATE_ENGAGEMENT_INVITATION_RULES, request, { isUnresolved: Token.isUnresolved }).map((violation) => formatViolation(violation)),
    ...sendOptionProblems(props, scope),
  ];
}
