// Custom::PartnerCentralEngagementInvitation, event by event: what each CloudFormation event does and answers.
import { createEngagementInvitation } from './api';
import { findIdenticalInvitation } from './reads';
import { readInvitationRequest } from './request';
import { canonicalJson } from '../../lib/core/canonical-json';
import {
  INVITATION_CREATE_FAILED_MARKER, INVITATION_ID, INVITATION_REQUEST_PROPERTIES, InvitationRequest,
} from '../../lib/core/contract';
import { adoptOrCreate } from '../core/adopt-or-create';
import { failed, physicalIdOnFailure, unchanged } from '../core/outcomes';
import { apiTarget } from '../core/partner-central';
import { physicalIdParser, requestFingerprint } from '../core/physical-id';
import { readStackStatus, ReadStackStatus } from '../core/stack-status';
import { CustomResourceEvent, Outcome, TimeBudget } from '../core/types';
import { updateDirection } from '../core/update-direction';
import { pacedSchedule, WritePacing, writePacingFrom } from '../core/write-pacing';

/** The invitation a physical id stands for (`<ARN>#<fingerprint>`), or undefined for a marker or anything else. */
export const parseInvitationPhysicalId = physicalIdParser(INVITATION_ID);

/** What the invitation's lifecycle calls outside the handler (replaced by fakes in unit tests). */
export interface InvitationServices {
  readonly createInvitation: typeof createEngagementInvitation;
  readonly findInvitation: typeof findIdenticalInvitation;
  readonly readStackStatus: ReadStackStatus;
  /** The deployment's write plan (the function's environment); undefined: no pacing. */
  readonly writePacing?: (logicalId: string) => WritePacing | undefined;
}

const AWS_SERVICES: InvitationServices = {
  createInvitation: createEngagementInvitation, findInvitation: findIdenticalInvitation, readStackStatus, writePacing: (id) => writePacingFrom(id),
};

export async function runInvitationLifecycle(
  event: CustomResourceEvent,
  budget: TimeBudget,
  services: InvitationServices = AWS_SERVICES,
): Promise<Outcome> {
  switch (event.RequestType) {
    case 'Create':
      return send(event, budget, services, readInvitationRequest(event.ResourceProperties), false);
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
async function update(event: CustomResourceEvent, budget: TimeBudget, services: InvitationServices): Promise<Outcome> {
  const physicalResourceId = event.PhysicalResourceId ?? INVITATION_CREATE_FAILED_MARKER;
  const current = parseInvitationPhysicalId(physicalResourceId);
  const request = readInvitationRequest(event.ResourceProperties);
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

/** Converge, don't replay (core/adopt-or-create.ts). `statusRead`: the caller already saw the stack in a sending status. */
async function send(
  event: CustomResourceEvent,
  budget: TimeBudget,
  services: InvitationServices,
  request: InvitationRequest | string,
  statusRead: boolean,
): Promise<Outcome> {
  if (typeof request === 'string') return failed(physicalIdOnFailure(event, INVITATION_CREATE_FAILED_MARKER), 'MalformedProperties', request);
  const target = apiTarget(event.ResourceProperties, event.StackId);
  const pacing = services.writePacing?.(event.LogicalResourceId);
  return adoptOrCreate({
    event,
    budget,
    readStackStatus: services.readStackStatus,
    statusRead,
    request,
    fingerprint: requestFingerprint(request),
    failureId: physicalIdOnFailure(event, INVITATION_CREATE_FAILED_MARKER),
    find: () => services.findInvitation(request, target, budget),
    create: (clientToken, retry) => services.createInvitation(request, clientToken, target, retry),
    // Spaced on the write quota with the stack's other invitations (core/write-pacing.ts).
    ...(pacing ? { schedule: pacedSchedule(pacing, budget.startedAt ?? Date.now()) } : {}),
  });
}

/** For a bare-ARN physical id (no fingerprint): the request properties did not change. */
function sameRequest(before: Record<string, unknown> | undefined, after: Record<string, unknown>): boolean {
  if (!before) return false;
  return INVITATION_REQUEST_PROPERTIES.every((key) => canonicalJson(before[key]) === canonicalJson(after[key]));
}
