// Custom::PartnerCentralEngagement, event by event. The rules of invitations hold (ClientToken = the Create's
// RequestId, an unchanged Update sends nothing, Delete sends nothing because no API deletes an engagement, a rollback
// never creates), plus in-place changes of contexts where the API allows them.
import { canonicalJson } from './canonical-json';
import { ContextChanges, contextChanges } from './context-changes';
import {
  createEngagement, createEngagementContext, EngagementContextRequest, EngagementRequest, engagementModifiedAt,
  updateEngagementContext,
} from './engagement-api';
import { TimeBudget } from './lifecycle';
import { failed, unchanged } from './outcomes';
import { apiTarget } from './partner-central';
import { formatPhysicalId, InvitationPhysicalId, parseEngagementPhysicalId, requestFingerprint } from './physical-id';
import { describeError } from './service-errors';
import { readStackStatus, ReadStackStatus } from './stack-status';
import { CustomResourceEvent, Outcome } from './types';
import { updateDirection } from './update-direction';
import { ALLOW_REPLACEMENT_PROPERTY, ENGAGEMENT_CREATE_FAILED_MARKER } from '../../lib/handler-contract';

export interface EngagementServices {
  readonly createEngagement: typeof createEngagement;
  readonly engagementModifiedAt: typeof engagementModifiedAt;
  readonly createEngagementContext: typeof createEngagementContext;
  readonly updateEngagementContext: typeof updateEngagementContext;
  readonly readStackStatus: ReadStackStatus;
}

const AWS_SERVICES: EngagementServices = {
  createEngagement, engagementModifiedAt, createEngagementContext, updateEngagementContext, readStackStatus,
};

export async function runEngagementLifecycle(
  event: CustomResourceEvent,
  budget: TimeBudget,
  services: EngagementServices = AWS_SERVICES,
): Promise<Outcome> {
  const physicalResourceId = event.PhysicalResourceId ?? ENGAGEMENT_CREATE_FAILED_MARKER;
  switch (event.RequestType) {
    case 'Create':
      return create(event, budget, services, ENGAGEMENT_CREATE_FAILED_MARKER);
    case 'Update':
      return update(event, budget, services);
    case 'Delete':
      // No API deletes or closes an engagement (Partner Central Selling model: no such operation).
      return { status: 'SUCCESS', physicalResourceId, apiCalls: 0 };
    default:
      return failed(physicalResourceId, 'MalformedEvent', 'unknown RequestType');
  }
}

/** What identifies the engagement: a change of any of these can only be a new engagement. */
const identity = (request: EngagementRequest) => ({ Catalog: request.Catalog, Title: request.Title, Description: request.Description });

async function create(event: CustomResourceEvent, budget: TimeBudget, services: EngagementServices, failureId: string): Promise<Outcome> {
  const request = readEngagementRequest(event.ResourceProperties);
  if (typeof request === 'string') return failed(failureId, 'MalformedProperties', request);
  try {
    const { Arn, Id } = await services.createEngagement(request, event.RequestId, apiTarget(event.ResourceProperties, event.StackId), budget);
    return { status: 'SUCCESS', physicalResourceId: formatPhysicalId(Arn, requestFingerprint(identity(request))), data: { Arn, Id }, apiCalls: 1 };
  } catch (error) {
    const { name, reason } = describeError(error);
    return { ...failed(failureId, name, reason), apiCalls: 1 };
  }
}

async function update(event: CustomResourceEvent, budget: TimeBudget, services: EngagementServices): Promise<Outcome> {
  const physicalResourceId = event.PhysicalResourceId ?? ENGAGEMENT_CREATE_FAILED_MARKER;
  const current = parseEngagementPhysicalId(physicalResourceId);
  const request = readEngagementRequest(event.ResourceProperties);
  if (typeof request === 'string') return failed(physicalResourceId, 'MalformedProperties', request);
  const before = readEngagementRequest(event.OldResourceProperties ?? {});
  const changes = contextChanges(typeof before === 'string' ? [] : before.Contexts ?? [], request.Contexts ?? []);
  const sameIdentity = current?.fingerprint !== undefined
    ? current.fingerprint === requestFingerprint(identity(request))
    : typeof before !== 'string' && canonicalJson(identity(before)) === canonicalJson(identity(request));
  const needsNewEngagement = !current || !sameIdentity || changes.removed.length > 0;
  if (!needsNewEngagement && changes.added.length === 0 && changes.updates.length === 0) {
    return unchanged(physicalResourceId, current);
  }

  const change = await updateDirection(event.StackId, physicalResourceId, services.readStackStatus, budget.abortSignal);
  if (change.direction === 'unknown') return change.failure;
  const target = apiTarget(event.ResourceProperties, event.StackId);
  if (change.direction === 'rollback') {
    // A rollback never creates: neither an engagement nor a context (a context "added back" was never removed,
    // since removals are refused). Changed contexts are put back in place where an update can express it.
    if (needsNewEngagement || changes.updates.length === 0) return { ...unchanged(physicalResourceId, current), stackReads: 1 };
    const restored = await updateInPlace(request.Catalog, physicalResourceId, current!, { ...changes, added: [] }, event, target, budget, services);
    return { ...restored, stackReads: 1 };
  }
  if (needsNewEngagement) {
    if (event.ResourceProperties[ALLOW_REPLACEMENT_PROPERTY] !== 'true' && current) {
      return { ...failed(physicalResourceId, 'ReplacementNotAllowed', replacementRefusal(current, !sameIdentity, changes.removed)), stackReads: 1 };
    }
    return { ...await create(event, budget, services, physicalResourceId), stackReads: 1 };
  }
  return { ...await updateInPlace(request.Catalog, physicalResourceId, current!, changes, event, target, budget, services), stackReads: 1 };
}

/** Adds and updates contexts of the engagement `current`; its physical id stays the same. */
async function updateInPlace(
  catalog: string,
  physicalResourceId: string,
  current: InvitationPhysicalId,
  changes: ContextChanges,
  event: CustomResourceEvent,
  target: ReturnType<typeof apiTarget>,
  budget: TimeBudget,
  services: EngagementServices,
): Promise<Outcome> {
  let apiCalls = 0;
  try {
    for (const [index, context] of changes.added.entries()) {
      apiCalls += 1;
      // One token per added context, derived from the event: Lambda's retries of the event add nothing twice.
      await services.createEngagementContext(catalog, current.id, context, `${event.RequestId}-${index}`, target, budget);
    }
    if (changes.updates.length > 0) {
      let modifiedAt = await services.engagementModifiedAt(catalog, current.id, target, budget);
      for (const context of changes.updates) {
        apiCalls += 1;
        modifiedAt = await services.updateEngagementContext(catalog, current.id, context, modifiedAt, target, budget);
      }
    }
    return { ...unchanged(physicalResourceId, current), apiCalls };
  } catch (error) {
    const { name, reason } = describeError(error);
    return { ...failed(physicalResourceId, name, reason), apiCalls };
  }
}

function replacementRefusal(current: InvitationPhysicalId, identityChanged: boolean, removed: readonly EngagementContextRequest[]): string {
  const what = [
    ...(identityChanged ? ['a changed catalog, title or description'] : []),
    ...(removed.length > 0 ? [`${removed.length} removed or rewritten context(s) (a context changes in place only with an id, `
      + 'and a lead context only by new interactions after its existing ones)'] : []),
  ].join(' and ');
  return `ReplacementNotAllowed: nothing was sent. ${what} can only be a new engagement: ${current.id} cannot be changed `
    + 'that way, and every invitation of the new one would be sent again to every partner. To create the new engagement, '
    + 'set allowReplacement: true on the Engagement and deploy again; to keep this one, undo the change.';
}

/** The CreateEngagement request from the properties, or what is wrong with them (the service checks the rest). */
function readEngagementRequest(properties: unknown): EngagementRequest | string {
  if (typeof properties !== 'object' || properties === null) return 'MalformedProperties: ResourceProperties is not an object';
  const p = properties as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof p.Catalog !== 'string' || !p.Catalog) problems.push('Catalog must be a non-empty string');
  for (const name of ['Title', 'Description'] as const) {
    if (p[name] !== undefined && typeof p[name] !== 'string') problems.push(`${name} must be a string`);
  }
  const contexts = p.Contexts;
  if (contexts !== undefined && (!Array.isArray(contexts) || contexts.some((c) => typeof c !== 'object' || c === null
    || typeof (c as EngagementContextRequest).Type !== 'string' || typeof (c as EngagementContextRequest).Payload !== 'object'))) {
    problems.push('Contexts must be a list of { Type, Payload }');
  }
  for (const date of interactionDates(contexts)) {
    if (typeof date !== 'string' || Number.isNaN(new Date(date).getTime())) problems.push('an InteractionDate is not an ISO-8601 date');
  }
  if (problems.length) return `MalformedProperties: ${problems.join('; ')}`;
  return {
    Catalog: p.Catalog as string,
    ...(p.Title !== undefined ? { Title: p.Title as string } : {}),
    ...(p.Description !== undefined ? { Description: p.Description as string } : {}),
    ...(contexts !== undefined ? { Contexts: contexts as EngagementContextRequest[] } : {}),
  };
}

function interactionDates(contexts: unknown): unknown[] {
  if (!Array.isArray(contexts)) return [];
  return contexts.flatMap((c) => (c?.Payload?.Lead?.Interactions ?? []) as Array<{ InteractionDate?: unknown }>)
    .map((i) => i?.InteractionDate).filter((d) => d !== undefined);
}
