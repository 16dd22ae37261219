// The lifecycle table of DESIGN.md, row by row: what each CloudFormation event does and answers.
import { canonicalJson } from './canonical-json';
import { ApiTarget, createEngagementInvitation, DEFAULT_API_REGION, describeError, InvitationRequest } from './partner-central';
import { CustomResourceEvent, Outcome } from './types';
import { INVITATION_ARN_PATTERN } from '../../lib/invitation-arn';

/** PhysicalResourceId of a failed Create, so the rollback's Delete (a no-op anyway) has a stable id. */
export const CREATE_FAILED_MARKER = 'PartnerCentralEngagementInvitation::CREATE_FAILED';

/**
 * PhysicalResourceId of a failed replacement (an Update that tried to send a new invitation). A new id makes
 * CloudFormation treat the failure as a failed replacement: its rollback deletes this id (a no-op) and keeps the old
 * invitation. Answering with the old id instead would make the rollback send an Update back to the old properties,
 * which this handler cannot tell from a real change: it would send the original invitation a second time.
 */
export const UPDATE_FAILED_MARKER = 'PartnerCentralEngagementInvitation::UPDATE_FAILED';

/** The physical id a FAILED answer to `event` carries. */
export function physicalIdOnFailure(event: Pick<CustomResourceEvent, 'RequestType' | 'PhysicalResourceId'>): string {
  switch (event.RequestType) {
    case 'Create': return CREATE_FAILED_MARKER;
    case 'Update': return UPDATE_FAILED_MARKER;
    default: return event.PhysicalResourceId ?? CREATE_FAILED_MARKER;
  }
}

/** The properties that make up the invitation; any other property (ServiceToken, ServiceTimeout, ApiRegion,
 * AssumeRoleArn) may change without sending a new invitation. */
const REQUEST_KEYS = ['Catalog', 'EngagementIdentifier', 'Invitation'] as const;

export type CreateInvitation = typeof createEngagementInvitation;

export async function runLifecycle(
  event: CustomResourceEvent,
  abortSignal: AbortSignal,
  create: CreateInvitation = createEngagementInvitation,
): Promise<Outcome> {
  switch (event.RequestType) {
    case 'Create':
      return send(event, abortSignal, create);
    case 'Update': {
      const physicalResourceId = event.PhysicalResourceId ?? CREATE_FAILED_MARKER;
      const existing = INVITATION_ARN_PATTERN.exec(physicalResourceId);
      if (existing && sameInvitation(event.OldResourceProperties, event.ResourceProperties)) {
        return { status: 'SUCCESS', physicalResourceId, data: { Arn: physicalResourceId, Id: existing[1] }, apiCalls: 0 };
      }
      // A changed invitation is a new invitation; CloudFormation then deletes the old one (a no-op).
      return send(event, abortSignal, create);
    }
    case 'Delete':
      // There is no API to withdraw an invitation: it stays PENDING until accepted, rejected or expired (15 days).
      return { status: 'SUCCESS', physicalResourceId: event.PhysicalResourceId ?? CREATE_FAILED_MARKER, apiCalls: 0 };
    default:
      return failed(event.PhysicalResourceId ?? CREATE_FAILED_MARKER, 'MalformedEvent',
        `unknown RequestType ${JSON.stringify(String((event as { RequestType?: unknown }).RequestType)).slice(0, 40)}`);
  }
}

async function send(
  event: CustomResourceEvent,
  abortSignal: AbortSignal,
  create: CreateInvitation,
): Promise<Outcome> {
  const request = readRequest(event.ResourceProperties);
  if (typeof request === 'string') return failed(physicalIdOnFailure(event), 'MalformedProperties', request);
  try {
    // The RequestId is the idempotency token: Lambda's retries of this event cannot send a second invitation.
    const { Arn, Id } = await create(request, event.RequestId, apiTarget(event), abortSignal);
    return { status: 'SUCCESS', physicalResourceId: Arn, data: { Arn, Id }, apiCalls: 1 };
  } catch (error) {
    const { name, reason } = describeError(error);
    return { ...failed(physicalIdOnFailure(event), name, reason), apiCalls: 1 };
  }
}

/** The API's region and, with AssumeRoleArn, the role to call it as: its session is named after the stack. */
function apiTarget(event: CustomResourceEvent): ApiTarget {
  const { ApiRegion, AssumeRoleArn } = event.ResourceProperties;
  const region = typeof ApiRegion === 'string' && ApiRegion ? ApiRegion : DEFAULT_API_REGION;
  if (typeof AssumeRoleArn !== 'string' || !AssumeRoleArn) return { region };
  return { region, assumeRole: { roleArn: AssumeRoleArn, sessionName: roleSessionName(event.StackId) } };
}

/** `<stack name>` from the StackId, in the characters and length (2 to 64) STS allows for a session name. */
export function roleSessionName(stackId: string): string {
  const stackName = /:stack\/([^/]+)\//.exec(stackId)?.[1] ?? 'stack';
  return `cfn-${stackName}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}

function failed(physicalResourceId: string, errorName: string, reason: string): Outcome {
  return { status: 'FAILED', physicalResourceId, reason, errorName, apiCalls: 0 };
}

/** The request from the properties, or what is wrong with them. The service checks every field rule itself. */
function readRequest(properties: unknown): InvitationRequest | string {
  if (typeof properties !== 'object' || properties === null) return 'MalformedProperties: ResourceProperties is not an object';
  const p = properties as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof p.Catalog !== 'string' || !p.Catalog) problems.push('Catalog must be a non-empty string');
  if (typeof p.EngagementIdentifier !== 'string' || !p.EngagementIdentifier) problems.push('EngagementIdentifier must be a non-empty string');
  if (typeof p.Invitation !== 'object' || p.Invitation === null || Array.isArray(p.Invitation)) problems.push('Invitation must be an object');
  if (problems.length) return `MalformedProperties: ${problems.join('; ')}`;
  return {
    Catalog: p.Catalog as string,
    EngagementIdentifier: p.EngagementIdentifier as string,
    Invitation: p.Invitation as Record<string, unknown>,
  };
}

function sameInvitation(before: Record<string, unknown> | undefined, after: Record<string, unknown>): boolean {
  if (!before) return false;
  return REQUEST_KEYS.every((key) => canonicalJson(before[key]) === canonicalJson(after[key]));
}
