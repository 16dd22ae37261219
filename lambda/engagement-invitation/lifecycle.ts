// Custom::PartnerCentralEngagementInvitation, event by event: what each CloudFormation event does and answers.
import { adoptOrCreate } from './adopt-or-create';
import { findIdenticalInvitation } from './invitation-reads';
import { failed, unchanged } from './outcomes';
import { apiTarget, createEngagementInvitation, InvitationRequest } from './partner-central';
import { parsePhysicalId, requestFingerprint } from './physical-id';
import { readStackStatus, ReadStackStatus } from './stack-status';
import { CustomResourceEvent, Outcome, TimeBudget } from './types';
import { updateDirection } from './update-direction';
import { canonicalJson } from '../../lib/core/canonical-json';
import {
  INVITATION_CREATE_FAILED_MARKER, ENGAGEMENT_CREATE_FAILED_MARKER, ENGAGEMENT_RESOURCE_TYPE, INVITATION_REQUEST_PROPERTIES,
} from '../../lib/core/contract';

export type { TimeBudget };

/**
 * The physical id a FAILED answer to `event` carries. A failed Update answers with the event's own id, as aws-cdk's
 * provider framework does (custom-resources/lib/provider-framework/runtime/cfn-response.ts): what CloudFormation
 * does with another id returned with FAILED is not documented.
 */
export function physicalIdOnFailure(event: Pick<CustomResourceEvent, 'RequestType' | 'PhysicalResourceId' | 'ResourceType'>): string {
  const marker = event.ResourceType === ENGAGEMENT_RESOURCE_TYPE ? ENGAGEMENT_CREATE_FAILED_MARKER : INVITATION_CREATE_FAILED_MARKER;
  return event.RequestType === 'Create' ? marker : event.PhysicalResourceId ?? marker;
}

/** What the lifecycle calls outside the handler (replaced by fakes in unit tests). */
export interface LifecycleServices {
  readonly createInvitation: typeof createEngagementInvitation;
  readonly findInvitation: typeof findIdenticalInvitation;
  readonly readStackStatus: ReadStackStatus;
}

const AWS_SERVICES: LifecycleServices = { createInvitation: createEngagementInvitation, findInvitation: findIdenticalInvitation, readStackStatus };

export async function runLifecycle(
  event: CustomResourceEvent,
  budget: TimeBudget,
  services: LifecycleServices = AWS_SERVICES,
): Promise<Outcome> {
  switch (event.RequestType) {
    case 'Create':
      return send(event, budget, services, readRequest(event.ResourceProperties), false);
    case 'Update':
      return update(event, budget, services);
    case 'Delete':
      // There is no API to withdraw an invitation: it stays PENDING until accepted, rejected or expired (15 days).
      return { status: 'SUCCESS', physicalResourceId: event.PhysicalResourceId ?? INVITATION_CREATE_FAILED_MARKER, apiCalls: 0 };
    default:
      return failed(event.PhysicalResourceId ?? INVITATION_CREATE_FAILED_MARKER, 'MalformedEvent',
        `unknown RequestType ${JSON.stringify(String((event as { RequestType?: unknown }).RequestType)).slice(0, 40)}`);
  }
}

/**
 * An Update sends a new invitation only when it is a forward change of what was sent. CloudFormation also sends
 * Updates to roll back (after a failed Update, a lost answer, a later resource's failure, ContinueUpdateRollback),
 * with the earlier properties as the target; the event does not say which kind it is.
 */
async function update(event: CustomResourceEvent, budget: TimeBudget, services: LifecycleServices): Promise<Outcome> {
  const physicalResourceId = event.PhysicalResourceId ?? INVITATION_CREATE_FAILED_MARKER;
  const current = parsePhysicalId(physicalResourceId);
  const request = readRequest(event.ResourceProperties);
  if (typeof request === 'string') return failed(physicalResourceId, 'MalformedProperties', request);

  // 1. The target is what the current invitation was sent with: a rollback to it, or only ApiRegion, AssumeRoleArn
  //    or ServiceTimeout moved. Nothing to send, whatever the stack is doing (no read needed).
  const targetIsCurrent = current?.fingerprint !== undefined
    ? current.fingerprint === requestFingerprint(request)
    : current !== undefined && sameRequest(event.OldResourceProperties, event.ResourceProperties);
  if (targetIsCurrent) return unchanged(physicalResourceId, current);

  // 2. The target differs from what was sent: a forward change, or a rollback whose physical id is not the
  //    invitation it restores. Only the stack's status tells; when it cannot be read, nothing is sent.
  const change = await updateDirection(event.StackId, physicalResourceId, services.readStackStatus, budget);
  if (change.direction === 'unknown') return change.failure;
  if (change.direction === 'rollback') return unchanged(physicalResourceId, current);
  return send(event, budget, services, request, true);
}

/** Converge, don't replay (adopt-or-create.ts). `statusRead`: the caller already saw the stack in a sending status. */
async function send(
  event: CustomResourceEvent,
  budget: TimeBudget,
  services: LifecycleServices,
  request: InvitationRequest | string,
  statusRead: boolean,
): Promise<Outcome> {
  if (typeof request === 'string') return failed(physicalIdOnFailure(event), 'MalformedProperties', request);
  const target = apiTarget(event.ResourceProperties, event.StackId);
  return adoptOrCreate({
    event,
    budget,
    readStackStatus: services.readStackStatus,
    statusRead,
    request,
    fingerprint: requestFingerprint(request),
    failureId: physicalIdOnFailure(event),
    find: () => services.findInvitation(request, target, budget),
    create: (clientToken, retry) => services.createInvitation(request, clientToken, target, retry),
  });
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

/** For a bare-ARN physical id (no fingerprint): the request properties did not change. */
function sameRequest(before: Record<string, unknown> | undefined, after: Record<string, unknown>): boolean {
  if (!before) return false;
  return INVITATION_REQUEST_PROPERTIES.every((key) => canonicalJson(before[key]) === canonicalJson(after[key]));
}
