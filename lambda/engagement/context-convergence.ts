// The context writes an engagement Update still needs once what the service holds is known. CreateEngagementContext
// is idempotent only per ClientToken (a new deployment brings a new one) and UpdateEngagementContext has no token at
// all, so each write is checked against GetEngagement's contexts first:
// - a context to add that the engagement already holds (same Type and Payload) is not added again;
// - a lead interaction the context already holds is not appended again (copies counted: one held satisfies one);
// - an update whose payload the context already has is not sent.
import { ContextChanges, ContextUpdate } from './context-changes';
import { HeldContext } from './reads';
import { EngagementContextRequest } from '../../lib/core/contract';
import { missingItems, sameContent } from '../../lib/core/same-content';

type Lead = Record<string, unknown> & { Interactions?: unknown[]; Interaction?: unknown };

export function pendingContextWrites(
  changes: ContextChanges,
  wanted: readonly EngagementContextRequest[],
  held: readonly HeldContext[],
): Pick<ContextChanges, 'added' | 'updates'> {
  // Added contexts get ids from the service, so a template id cannot be compared: Type and Payload are.
  const added = missingItems(changes.added, held, (w, h) => w.Type === (h as HeldContext).Type && sameContent(w.Payload, (h as HeldContext).Payload));
  const updates: ContextUpdate[] = [];
  for (const id of new Set(changes.updates.map((u) => u.Id))) {
    const forContext = changes.updates.filter((u) => u.Id === id);
    const current = held.find((c) => c.Id === id);
    if (!current) {
      updates.push(...forContext); // not held (or not readable): the service will say what is wrong
      continue;
    }
    updates.push(...pendingUpdates(forContext, current, wanted.find((c) => c.Id === id)));
  }
  return { added, updates };
}

function pendingUpdates(forContext: ContextUpdate[], current: HeldContext, wanted: EngagementContextRequest | undefined): ContextUpdate[] {
  const lead = (u: { Payload?: Record<string, unknown> }) => u.Payload?.Lead as Lead | undefined;
  const heldLead = lead(current);
  if (!lead(forContext[0])) {
    // A CustomerProject update carries the whole payload.
    return forContext.filter((u) => !sameContent(u.Payload, current.Payload));
  }
  const withoutInteractions = ({ Interactions: _list, Interaction: _one, ...rest }: Lead) => rest;
  const missing = missingItems(lead(wanted ?? {})?.Interactions ?? [], heldLead?.Interactions ?? []);
  const pending: ContextUpdate[] = [];
  for (const update of forContext) {
    const interaction = lead(update)!.Interaction;
    if (interaction === undefined) continue;
    const index = missing.findIndex((m) => sameContent(m, interaction));
    if (index < 0) continue; // already held
    missing.splice(index, 1);
    pending.push(update);
  }
  // The lead's other members travel with each update; if no interaction is left to append, they need one of their own.
  const fields = withoutInteractions(lead(forContext[forContext.length - 1])!);
  if (pending.length === 0 && !sameContent(fields, withoutInteractions(heldLead ?? {}))) {
    pending.push({ Id: forContext[0].Id, Type: forContext[0].Type, Payload: { Lead: fields } });
  }
  return pending;
}
