// How an engagement's contexts changed between two sets of resource properties, and which of those changes the API
// can make in place: CreateEngagementContext adds a context; UpdateEngagementContext changes one, with its own payload
// shape: a Lead update (`UpdateLeadContext`) carries Customer, QualificationStatus, Insights and at most ONE
// Interaction, which is added to the context's interactions (Partner Central Selling model, UpdateLeadContext).
import { canonicalJson } from '../../lib/core/canonical-json';
import { EngagementContextRequest } from '../../lib/core/contract';

/** One UpdateEngagementContext call: the context's Id, its Type and an update-shaped Payload. */
export interface ContextUpdate {
  readonly Id: string;
  readonly Type: string;
  readonly Payload: Record<string, unknown>;
}

export interface ContextChanges {
  readonly added: EngagementContextRequest[];
  readonly updates: ContextUpdate[];
  /** Contexts that are gone, or changed in a way no update can express: only a new engagement can hold them. */
  readonly removed: EngagementContextRequest[];
}

/** Contexts by Id (those without an Id by position): added, updated in place, or gone. */
export function contextChanges(before: readonly EngagementContextRequest[], after: readonly EngagementContextRequest[]): ContextChanges {
  const key = (context: EngagementContextRequest, index: number) => context.Id ?? `#${index}`;
  const old = new Map(before.map((c, i) => [key(c, i), c]));
  const now = new Map(after.map((c, i) => [key(c, i), c]));
  const added = [...now].filter(([k]) => !old.has(k)).map(([, c]) => c);
  const removed = [...old].filter(([k]) => !now.has(k)).map(([, c]) => c);
  const updates: ContextUpdate[] = [];
  for (const [k, context] of now) {
    const previous = old.get(k);
    if (!previous || canonicalJson(previous) === canonicalJson(context)) continue;
    const inPlace = context.Id !== undefined && context.Type === previous.Type ? updatesOf(context.Id, previous, context) : undefined;
    if (inPlace) updates.push(...inPlace);
    else removed.push(previous);
  }
  return { added, updates, removed };
}

/** The UpdateEngagementContext calls that turn `before` into `after`, or undefined if none can. */
function updatesOf(id: string, before: EngagementContextRequest, after: EngagementContextRequest): ContextUpdate[] | undefined {
  const lead = after.Payload.Lead as Record<string, unknown> | undefined;
  if (!lead) return [{ Id: id, Type: after.Type, Payload: after.Payload }]; // CustomerProject: the same shape
  const previous = (before.Payload.Lead ?? {}) as Record<string, unknown>;
  const oldInteractions = (previous.Interactions ?? []) as unknown[];
  const newInteractions = (lead.Interactions ?? []) as unknown[];
  // Interactions can only be added, one per update, after those already there.
  const kept = newInteractions.slice(0, oldInteractions.length);
  if (newInteractions.length < oldInteractions.length || canonicalJson(kept) !== canonicalJson(oldInteractions)) return undefined;
  const { Interactions: _interactions, ...leadWithoutInteractions } = lead;
  const { Interactions: _previous, ...previousWithoutInteractions } = previous;
  const addedInteractions = newInteractions.slice(oldInteractions.length);
  const updates: ContextUpdate[] = addedInteractions.map((Interaction) => ({
    Id: id, Type: after.Type, Payload: { Lead: { ...leadWithoutInteractions, Interaction } },
  }));
  if (updates.length === 0 && canonicalJson(leadWithoutInteractions) !== canonicalJson(previousWithoutInteractions)) {
    updates.push({ Id: id, Type: after.Type, Payload: { Lead: leadWithoutInteractions } });
  }
  return updates;
}
