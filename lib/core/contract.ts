// The contract between the constructs (EngagementInvitation, Engagement) and their handler, written once and imported
// by both sides: resource types, the request each resource's properties carry (names and shapes), the other property
// names, the attributes the handler answers, failure markers, id patterns and timing. Free of aws-cdk-lib, so the
// handler bundle does not grow.

import { createHash } from 'node:crypto';

// Resource types.

/** CloudFormation resource type of an engagement invitation. */
export const INVITATION_RESOURCE_TYPE = 'Custom::PartnerCentralEngagementInvitation';

/** CloudFormation resource type of an engagement. */
export const ENGAGEMENT_RESOURCE_TYPE = 'Custom::PartnerCentralEngagement';

// Requests: what the constructs write into the resource properties, in the API's own shape (minus ClientToken, which
// the handler sets), and what the handler reads back.

/** The CreateEngagementInvitation request of an invitation's properties. */
export interface InvitationRequest {
  readonly Catalog: string;
  readonly EngagementIdentifier: string;
  readonly Invitation: Record<string, unknown>;
}

/** The resource properties that make up an invitation's request: any change of them is a new invitation. */
export const INVITATION_REQUEST_PROPERTIES = ['Catalog', 'EngagementIdentifier', 'Invitation'] as const satisfies
  ReadonlyArray<keyof InvitationRequest>;

/** A context of an engagement's request: Type, Payload (CustomerProject | Lead) and an optional Id. */
export interface EngagementContextRequest {
  readonly Id?: string;
  readonly Type: string;
  readonly Payload: Record<string, unknown>;
}

/** The CreateEngagement request of an engagement's properties. */
export interface EngagementRequest {
  readonly Catalog: string;
  readonly Title?: string;
  readonly Description?: string;
  readonly Contexts?: readonly EngagementContextRequest[];
}

/** The resource properties that make up an engagement's request. */
export const ENGAGEMENT_REQUEST_PROPERTIES = ['Catalog', 'Title', 'Description', 'Contexts'] as const satisfies
  ReadonlyArray<keyof EngagementRequest>;

// Properties that say how a request is sent, not what: changing them sends nothing.

export const API_REGION_PROPERTY = 'ApiRegion';
export const ASSUME_ROLE_ARN_PROPERTY = 'AssumeRoleArn';

/**
 * Set to "true" when a change that can only be a new engagement (a changed title or description, a removed context)
 * may create one; without it such a change fails the update, naming what would happen.
 */
export const ALLOW_REPLACEMENT_PROPERTY = 'AllowReplacement';

// Attributes: the handler's `Data`, read by the constructs with Fn::GetAtt.

export const ARN_ATTRIBUTE = 'Arn';
export const ID_ATTRIBUTE = 'Id';

/** The `Data` of a SUCCESS answer: the resource's ARN and id, under the attribute names above. */
export interface ResourceAttributes {
  readonly [ARN_ATTRIBUTE]: string;
  readonly [ID_ATTRIBUTE]: string;
}

/** The attributes of the resource `arn`, `id`. */
export function resourceAttributes(arn: string, id: string): ResourceAttributes {
  return { [ARN_ATTRIBUTE]: arn, [ID_ATTRIBUTE]: id };
}

// Markers: the PhysicalResourceId of a failed Create. Nothing was created, and the rollback's Delete (a no-op) needs
// an id.

export const INVITATION_CREATE_FAILED_MARKER = 'PartnerCentralEngagementInvitation::CREATE_FAILED';
export const ENGAGEMENT_CREATE_FAILED_MARKER = 'PartnerCentralEngagement::CREATE_FAILED';

// Id patterns (the model's), as regular expression sources without anchors, to be placed in larger patterns.

/** The model's `EngagementIdentifier`: `eng-` and 14 lowercase letters or digits. */
export const ENGAGEMENT_ID = 'eng-[0-9a-z]{14}';

/**
 * An invitation id as the handler reads it at the end of an ARN: `engi-` and 13 lowercase letters or digits (the
 * model's own pattern also lets a comma through, see INVITATION_ARN_PATTERN).
 */
export const INVITATION_ID = 'engi-[0-9a-z]{13}';

/** An engagement id, whole. */
export const ENGAGEMENT_ID_PATTERN = new RegExp(`^${ENGAGEMENT_ID}$`);

/**
 * The response ARN of CreateEngagementInvitation, as the model writes it:
 * `arn:aws:partnercentral::<account>:<Catalog>/engagement-invitation/<id>`; group 1 is the id.
 */
export const INVITATION_ARN_PATTERN = /^arn:aws:partnercentral::[0-9]{12}:[a-zA-Z]+\/engagement-invitation\/(engi-[0-9,a-z]{13})$/;

// Timing.

/** The handler function's Lambda timeout. */
export const HANDLER_TIMEOUT_SECONDS = 60;

/**
 * Lambda runs a failed asynchronous invocation (CloudFormation invokes custom resource functions asynchronously)
 * twice more, "the first after about 1 minute and the second after about 2 more" (Lambda developer guide, "Error
 * handling and automatic retries in asynchronous invocation").
 */
export const LAMBDA_ASYNC_RETRY_DELAYS_SECONDS = [60, 120] as const;

/**
 * The latest time the handler can still answer honestly: its timeout, three times, plus Lambda's two retry delays
 * (360 s). A ServiceTimeout below this could fail a resource whose answer is on its way.
 */
export const SERVICE_TIMEOUT_FLOOR_SECONDS = HANDLER_TIMEOUT_SECONDS * (LAMBDA_ASYNC_RETRY_DELAYS_SECONDS.length + 1)
  + LAMBDA_ASYNC_RETRY_DELAYS_SECONDS.reduce((sum, delay) => sum + delay, 0);

/**
 * The default ServiceTimeout: the floor plus one minute for the "about" of Lambda's retry delays (420 s), instead
 * of CloudFormation's 3600 s, so a function that cannot answer at all (crash at init, lost answer) fails the stack
 * in minutes.
 */
export const DEFAULT_SERVICE_TIMEOUT_SECONDS = SERVICE_TIMEOUT_FLOOR_SECONDS + 60;

/** CloudFormation's range for ServiceTimeout (`AWS::CloudFormation::CustomResource`). */
export const SERVICE_TIMEOUT_MAX_SECONDS = 3600;

// The write pacing the handler function's environment carries (lambda/core/write-pacing.ts). In the environment and
// not in the resources' properties: a new property would make CloudFormation send an Update to every deployed resource.

/** How many invitations of the stack may be in flight at once: its creation chains, or fewer invitations. */
export const INVITATIONS_IN_FLIGHT_ENV = 'INVITATIONS_IN_FLIGHT';

/** The write rate the deployment plans for, in requests per second. */
export const PLANNED_WRITE_RATE_ENV = 'PLANNED_WRITES_PER_SECOND';

/**
 * The first invitation of each creation chain, in chain order, as `chainHeadKey`s separated by spaces: these start
 * together, and each takes a lane of its own instead of all wanting the same first slot.
 */
export const CHAIN_HEADS_ENV = 'CHAIN_HEADS';

/** An invitation's logical id, shortened for the environment (4 KB in all): 8 hex digits of its SHA-256. */
export function chainHeadKey(logicalId: string): string {
  return createHash('sha256').update(logicalId).digest('hex').slice(0, 8);
}

/**
 * The documented write quota of Partner Central Selling, in requests per second per partner account (AWS Partner
 * Central developer guide, "Quotas for the AWS Partner Central Selling API").
 */
export const DOCUMENTED_WRITE_RATE = 1;

/** The longest the handler waits for its first paced write: the rest of its 55 s is for retries. */
export const MAX_PACED_WAIT_SECONDS = 21;

// What the handler knows of the service, shared with the constructs' checks and the tests.

/**
 * An engagement's member list holds at most 10 members, its creator included (Partner Central Selling model,
 * `ExistingMembers` documentation of GetEngagementInvitation): at most 9 invitations can be accepted.
 */
export const ENGAGEMENT_MAX_MEMBERS = 10;

/**
 * Request members whose values the Partner Central Selling model marks `@sensitive` (customer, contact and account
 * details, and the invitation's message), in the inputs of CreateEngagementInvitation, CreateEngagement,
 * CreateEngagementContext and UpdateEngagementContext. The handler replaces their values wherever the service's error
 * text quotes them before it reports the error (FAILED reason, log line). test/model-conformance.test.ts checks the
 * list against the committed model.
 */
export const SENSITIVE_MEMBER_NAMES: readonly string[] = [
  'Alias', 'Amount', 'AwsAccountId', 'BusinessProblem', 'BusinessTitle', 'City', 'CompanyName', 'ContactBusinessTitle',
  'Country', 'CountryCode', 'CurrencyCode', 'Email', 'FirstName', 'LastName', 'Message', 'Phone', 'PostalCode',
  'StateOrRegion', 'StreetAddress', 'WebsiteUrl',
];

/**
 * The statuses of an invitation that an identical resource may adopt instead of sending it again: still open
 * (PENDING) or taken up (ACCEPTED). A REJECTED or EXPIRED invitation is sent anew (GetEngagementInvitation's Status;
 * invitations expire after 15 days, ListEngagementInvitations documentation).
 */
export const ADOPTABLE_INVITATION_STATUSES = ['PENDING', 'ACCEPTED'] as const;

/**
 * The only stack statuses in which CloudFormation sends a Create or a forward Update ("Ongoing creation" / "Ongoing
 * update"; CloudFormation User Guide, stack status codes). An event that arrives in any other status is late or stray:
 * the handler sends nothing for it.
 */
export const SENDING_STACK_STATUSES = ['CREATE_IN_PROGRESS', 'UPDATE_IN_PROGRESS'] as const;
