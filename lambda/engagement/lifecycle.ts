// Custom::PartnerCentralEngagement, event by event. The rules of invitations hold (an identical engagement the
// service holds is adopted, else ClientToken = the Create's RequestId; an unchanged Update sends nothing; Delete sends
// nothing because no API deletes an engagement; a rollback never creates), plus in-place changes of contexts where
// the API allows them, each checked against what the engagement already holds (context-convergence.ts).
import { createEngagement, createEngagementContext, updateEngagementContext } from './api';
import { ContextChanges, contextChanges } from './context-changes';
import { pendingContextWrites } from './context-convergence';
import { creatorAccount, findIdenticalEngagement, HeldEngagement, readEngagement } from './reads';
import { readEngagementRequest } from './request';
import { canonicalJson } from '../../lib/core/canonical-json';
import {
  ALLOW_REPLACEMENT_PROPERTY, ENGAGEMENT_CREATE_FAILED_MARKER, ENGAGEMENT_ID, EngagementContextRequest, EngagementRequest,
} from '../../lib/core/contract';
import { adoptOrCreate } from '../core/adopt-or-create';
import { failed, unchanged } from '../core/outcomes';
import { ApiTarget, apiTarget } from '../core/partner-central';
import { physicalIdParser, requestFingerprint, ResourcePhysicalId } from '../core/physical-id';
import { assertStackSending } from '../core/send-gate';
import { describeError } from '../core/service-errors';
import { readStackStatus, ReadStackStatus } from '../core/stack-status';
import { CustomResourceEvent, Outcome, TimeBudget } from '../core/types';
import { updateDirection } from '../core/update-direction';

/** The engagement a physical id stands for (`<ARN>#<fingerprint>`), or undefined for a marker or anything else. */
export const parseEngagementPhysicalId = physicalIdParser(ENGAGEMENT_ID);

export interface EngagementServices {
  readonly createEngagement: typeof createEngagement;
  readonly findEngagement: typeof findIdenticalEngagement;
  readonly readEngagement: typeof readEngagement;
  readonly createEngagementContext: typeof createEngagementContext;
  readonly updateEngagementContext: typeof updateEngagementContext;
  readonly readStackStatus: ReadStackStatus;
}

const AWS_SERVICES: EngagementServices = {
  createEngagement,
  findEngagement: findIdenticalEngagement,
  readEngagement,
  createEngagementContext,
  updateEngagementContext,
  readStackStatus,
};

export async function runEngagementLifecycle(
  event: CustomResourceEvent,
  budget: TimeBudget,
  services: EngagementServices = AWS_SERVICES,
): Promise<Outcome> {
  const physicalResourceId = event.PhysicalResourceId ?? ENGAGEMENT_CREATE_FAILED_MARKER;
  switch (event.RequestType) {
    case 'Create':
      return create(event, budget, services, ENGAGEMENT_CREATE_FAILED_MARKER, false);
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

/** Adopts an identical engagement the service holds, or creates one (`statusRead`: the stack was already seen sending). */
async function create(
  event: CustomResourceEvent, budget: TimeBudget, services: EngagementServices, failureId: string, statusRead: boolean,
): Promise<Outcome> {
  const request = readEngagementRequest(event.ResourceProperties);
  if (typeof request === 'string') return failed(failureId, 'MalformedProperties', request);
  const target = apiTarget(event.ResourceProperties, event.StackId);
  return adoptOrCreate({
    event,
    budget,
    readStackStatus: services.readStackStatus,
    statusRead,
    request,
    fingerprint: requestFingerprint(identity(request)),
    failureId,
    find: () => services.findEngagement(request, creatorAccount(target, event.StackId), target, budget),
    create: (clientToken, retry) => services.createEngagement(request, clientToken, target, retry),
  });
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

  const change = await updateDirection(event.StackId, physicalResourceId, services.readStackStatus, budget);
  if (change.direction === 'unknown') return change.failure;
  const target = apiTarget(event.ResourceProperties, event.StackId);
  const write: ContextWrite = { catalog: request.Catalog, contexts: request.Contexts ?? [], event, target, budget, services };
  if (change.direction === 'rollback') {
    // A rollback never creates: neither an engagement nor a context (a context "added back" was never removed,
    // since removals are refused). Changed contexts are put back in place where an update can express it.
    if (needsNewEngagement || changes.updates.length === 0) return unchanged(physicalResourceId, current);
    return restoreInPlace(physicalResourceId, current!, { ...changes, added: [] }, write);
  }
  if (needsNewEngagement) {
    if (event.ResourceProperties[ALLOW_REPLACEMENT_PROPERTY] !== 'true' && current) {
      return failed(physicalResourceId, 'ReplacementNotAllowed', replacementRefusal(current, !sameIdentity, changes.removed));
    }
    return create(event, budget, services, physicalResourceId, true);
  }
  const { pendingIds: _pending, ...outcome } = await updateInPlace(physicalResourceId, current!, changes, write, true);
  return outcome;
}

/** What an in-place change writes with: the engagement's catalog, the contexts the template wants, and the event. */
interface ContextWrite {
  readonly catalog: string;
  readonly contexts: readonly EngagementContextRequest[];
  readonly event: CustomResourceEvent;
  readonly target: ApiTarget;
  readonly budget: TimeBudget;
  readonly services: EngagementServices;
}

/**
 * Adds and updates contexts of the engagement `current` (its physical id stays the same), after reading what it holds:
 * what is already there is not written again. `forward`: each retried write first checks that the stack still waits.
 */
async function updateInPlace(
  physicalResourceId: string, current: ResourcePhysicalId, changes: ContextChanges, w: ContextWrite, forward: boolean,
): Promise<Outcome & { readonly pendingIds?: readonly string[] }> {
  let apiCalls = 0;
  let remaining = changes.updates;
  const retry = forward
    ? { ...w.budget, beforeRetry: () => assertStackSending(w.event.StackId, w.services.readStackStatus, w.budget) }
    : w.budget;
  try {
    let held: HeldEngagement | undefined;
    try {
      held = await w.services.readEngagement(w.catalog, current.id, w.target, w.budget);
    } catch (error) {
      // Added contexts can still be sent once (their ClientToken protects this deployment); updates need ModifiedAt.
      if (changes.updates.length > 0 || w.budget.abortSignal.aborted) throw error;
    }
    const pending = held ? pendingContextWrites(changes, w.contexts, held.Contexts ?? []) : changes;
    remaining = [...pending.updates];
    for (const [index, context] of pending.added.entries()) {
      apiCalls += 1;
      // One token per added context, derived from the event: Lambda's retries of the event add nothing twice.
      await w.services.createEngagementContext(w.catalog, current.id, context, `${w.event.RequestId}-${index}`, w.target, retry);
    }
    let modifiedAt = held?.ModifiedAt ?? held?.CreatedAt;
    for (const context of pending.updates) {
      if (!modifiedAt) throw Object.assign(new Error('GetEngagement answered no ModifiedAt'), { name: 'InvalidResponse' });
      apiCalls += 1;
      modifiedAt = await w.services.updateEngagementContext(w.catalog, current.id, context, modifiedAt, w.target, retry);
      remaining = remaining.slice(1);
    }
    const wrote = apiCalls > 0;
    return { ...unchanged(physicalResourceId, current), apiCalls, ...(wrote ? {} : { adopted: true }) };
  } catch (error) {
    const { name, reason } = describeError(error, w.contexts);
    return { ...failed(physicalResourceId, name, reason), apiCalls, pendingIds: [...new Set(remaining.map((u) => u.Id))] };
  }
}

/** A hung request's timeout (core/partner-central.ts) and a second: what the restore leaves of the event's time. */
const RESTORE_MARGIN_MS = 9_000;

/**
 * A rollback never fails because of Partner Central: UPDATE_ROLLBACK_FAILED would leave the stack stuck, which is
 * worse for its owner than a context left as the service holds it. A context that could not be restored (throttled,
 * conflict, denied) is named in the log line, and the next forward deploy converges on it.
 */
async function restoreInPlace(physicalResourceId: string, current: ResourcePhysicalId, changes: ContextChanges, w: ContextWrite): Promise<Outcome> {
  // Its own deadline, a request timeout before the event's: the last attempt ends in time to answer SUCCESS.
  const budget = { ...w.budget, deadline: w.budget.deadline - RESTORE_MARGIN_MS };
  const outcome = await updateInPlace(physicalResourceId, current, changes, { ...w, budget }, false);
  if (outcome.status === 'SUCCESS') return outcome;
  return {
    ...unchanged(physicalResourceId, current),
    apiCalls: outcome.apiCalls,
    errorName: outcome.errorName,
    contextsLeft: outcome.pendingIds ?? [],
  };
}

function replacementRefusal(current: ResourcePhysicalId, identityChanged: boolean, removed: readonly EngagementContextRequest[]): string {
  const what = [
    ...(identityChanged ? ['a changed catalog, title or description'] : []),
    ...(removed.length > 0 ? [`${removed.length} removed or rewritten context(s) (a context changes in place only with an id, `
      + 'and a lead context only by new interactions after its existing ones)'] : []),
  ].join(' and ');
  return `ReplacementNotAllowed: nothing was sent. ${what} can only be a new engagement: ${current.id} cannot be changed `
    + 'that way, and every invitation of the new one would be sent again to every partner. To create the new engagement, '
    + 'set allowReplacement: true on the Engagement and deploy again; to keep this one, undo the change.';
}
