// ListEngagements of the local endpoint: the engagements of the request's catalog that the account is a member of
// (all in the store: those created through the endpoint and those seeded as another account's), filtered as
// ListEngagementsRequest documents, in pages of EngagementSummary. The body is already valid against the model.
import { EngagementStore, StoredEngagement } from './engagement-store';
import { page } from './pagination';

type Body = Record<string, any>;

/**
 * How ContextTypes and ExcludeContextTypes read a list of several types; the model says only "include only those
 * containing the specified context types" and "exclude those containing the specified context types":
 * - 'any': ContextTypes keeps an engagement with at least one of the types, ExcludeContextTypes drops one with any;
 * - 'all': ContextTypes keeps an engagement with every one of the types, ExcludeContextTypes drops one with all.
 */
export type ContextTypesMatch = 'any' | 'all';

export interface ListSettings {
  readonly contextTypesMatch: ContextTypesMatch;
  /** Engagements created less than this long ago are not listed yet (an eventually consistent listing). */
  readonly listLagMs: number;
}

/** ListEngagementsRequest.MaxResults: `smithy.api#default` 20, range 1 to 100 (EngagementPageSize). */
const DEFAULT_PAGE_SIZE = 20;

export function listEngagements(body: Body, engagements: EngagementStore, settings: ListSettings): object {
  const visibleBefore = Date.now() - settings.listLagMs;
  const matching = engagements.list().filter((e) => e.Catalog === body.Catalog
    && Date.parse(e.CreatedAt) <= visibleBefore
    && matches(e, body, settings.contextTypesMatch));
  // Sort: SortBy has the one value CreatedDate. Without Sort the order is undocumented; here the oldest first.
  const ordered = [...matching].sort((a, b) => Date.parse(a.CreatedAt) - Date.parse(b.CreatedAt));
  if (body.Sort?.SortOrder === 'DESCENDING') ordered.reverse();
  const { items, nextToken } = page(ordered, body.MaxResults ?? DEFAULT_PAGE_SIZE, body.NextToken);
  return { EngagementSummaryList: items.map(summary), ...(nextToken ? { NextToken: nextToken } : {}) };
}

/**
 * The request's filters, all of which must hold. EngagementIdentifier ("engagement identifiers to retrieve") takes
 * ids or ARNs (EngagementArnOrIdentifier). CreatedBy keeps "engagements created by these accounts", ExcludeCreatedBy
 * drops those "created by specific users". An empty ContextTypes or ExcludeContextTypes (their list may be empty in
 * the model) filters nothing.
 */
function matches(e: StoredEngagement, body: Body, contextTypesMatch: ContextTypesMatch): boolean {
  const ids: string[] | undefined = body.EngagementIdentifier;
  if (ids && !ids.some((id) => id === e.Id || id === e.Arn)) return false;
  if (body.CreatedBy && !body.CreatedBy.includes(e.CreatedBy)) return false;
  if (body.ExcludeCreatedBy?.includes(e.CreatedBy)) return false;
  const types = contextTypes(e);
  const has = (wanted: string[]) => (contextTypesMatch === 'all' ? wanted.every((t) => types.includes(t)) : wanted.some((t) => types.includes(t)));
  if (body.ContextTypes?.length && !has(body.ContextTypes)) return false;
  if (body.ExcludeContextTypes?.length && has(body.ExcludeContextTypes)) return false;
  return true;
}

/** EngagementSummary: "an Engagement's subset of fields". */
function summary(e: StoredEngagement): object {
  return {
    Arn: e.Arn,
    Id: e.Id,
    Title: e.Title,
    CreatedAt: e.CreatedAt,
    CreatedBy: e.CreatedBy,
    MemberCount: e.MemberCount,
    ModifiedAt: e.ModifiedAt,
    ModifiedBy: e.ModifiedBy,
    ContextTypes: contextTypes(e),
  };
}

/** The engagement's context types, each once, in the order of its contexts. */
function contextTypes(e: StoredEngagement): string[] {
  return [...new Set(e.Contexts.map((c) => c.Type))];
}
