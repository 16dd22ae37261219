// What Partner Central holds of engagements, read before the handler writes. Converge, don't replay:
// - an engagement with the same catalog, title, description and contexts, created by the account the handler sends
//   as, is adopted instead of creating a second one (a stack whose first creation failed after CreateEngagement, then
//   deleted and created again; a lost answer). Reading beats a token derived from the resource (stack, logical id,
//   content): the service documents no lifetime for ClientTokens, and a token that outlives nothing protects nothing,
//   while what the service holds is the fact itself. The first send keeps the event's RequestId as its token.
// - an engagement's contexts (GetEngagement), so that a context or a lead interaction it already holds is not
//   written again (UpdateEngagementContext has no ClientToken: a redelivered event would append twice).
import { GetEngagementCommand, ListEngagementsCommand, ListEngagementsCommandOutput } from '@aws-sdk/client-partnercentral-selling';
import { EngagementContextRequest, EngagementRequest } from '../../lib/core/contract';
import { missingItems, sameContent } from '../../lib/core/same-content';
import { readRetry, withRetries } from '../core/call-retries';
import { ApiTarget, partnerCentralClient } from '../core/partner-central';
import { describeError } from '../core/service-errors';
import { countRead, Lookup, ResourceRef, TimeBudget } from '../core/types';

/** Pages of 100 engagement summaries read at most before the handler gives up looking (and creates). */
const MAX_PAGES = 10;
const MAX_CANDIDATES = 10;

/** A context as GetEngagement answers it. */
export interface HeldContext {
  readonly Id?: string;
  readonly Type?: string;
  readonly Payload?: Record<string, unknown>;
}

export interface HeldEngagement {
  readonly Arn?: string;
  readonly Id?: string;
  readonly Title?: string;
  readonly Description?: string;
  readonly ModifiedAt?: Date;
  readonly CreatedAt?: Date;
  readonly Contexts?: readonly HeldContext[];
}

/** The account an engagement created by the handler belongs to: the assumed role's, else the stack's. */
export function creatorAccount(target: ApiTarget, stackId: string): string | undefined {
  const arn = target.assumeRole?.roleArn ?? stackId;
  return /^arn:[\w-]+:[\w-]+:[\w-]*:(\d{12}):/.exec(arn)?.[1];
}

/** GetEngagement, counted as a read, retried as every call is. */
export async function readEngagement(catalog: string, engagementId: string, target: ApiTarget, budget: TimeBudget): Promise<HeldEngagement> {
  const client = await partnerCentralClient(target);
  countRead(budget, 'serviceReads');
  const command = new GetEngagementCommand({ Catalog: catalog, Identifier: engagementId });
  const answer = await withRetries(() => client.send(command, { abortSignal: budget.abortSignal }), readRetry(budget));
  return (answer ?? {}) as HeldEngagement;
}

export async function findIdenticalEngagement(
  request: EngagementRequest,
  creator: string | undefined,
  target: ApiTarget,
  budget: TimeBudget,
): Promise<Lookup<ResourceRef>> {
  if (!creator) return { unreadable: 'the account that would have created it is not known' };
  try {
    const client = await partnerCentralClient(target);
    const candidates: string[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const command: ListEngagementsCommand = new ListEngagementsCommand({
        Catalog: request.Catalog,
        CreatedBy: [creator],
        MaxResults: 100,
        ...(nextToken ? { NextToken: nextToken } : {}),
      });
      countRead(budget, 'serviceReads');
      const answer: ListEngagementsCommandOutput | undefined = await withRetries(
        () => client.send(command, { abortSignal: budget.abortSignal }), readRetry(budget));
      for (const summary of answer?.EngagementSummaryList ?? []) {
        // Filtered again: a filter the service did not apply must not lead to an adoption.
        if (!summary.Id || (summary.CreatedBy !== undefined && summary.CreatedBy !== creator)) continue;
        if (sameContent(summary.Title, request.Title)) candidates.push(summary.Id);
      }
      nextToken = answer?.NextToken;
      if (!nextToken) break;
    }
    if (nextToken) return { unreadable: `more than ${MAX_PAGES * 100} engagements were created by the account` };
    for (const id of candidates.slice(0, MAX_CANDIDATES)) {
      let held: HeldEngagement;
      try {
        held = await readEngagement(request.Catalog, id, target, budget);
      } catch (error) {
        if (budget.abortSignal.aborted) throw error;
        continue;
      }
      if (held.Arn && isIdentical(held, request)) return { found: { arn: held.Arn, id: held.Id ?? id } };
    }
    return { notFound: true };
  } catch (error) {
    if (budget.abortSignal.aborted) throw error;
    return { unreadable: describeError(error, request).reason };
  }
}

function isIdentical(held: HeldEngagement, request: EngagementRequest): boolean {
  const wanted = request.Contexts ?? [];
  const contexts = held.Contexts ?? [];
  return sameContent(held.Title, request.Title)
    && sameContent(held.Description, request.Description)
    && contexts.length === wanted.length
    && missingItems(wanted, contexts, sameContext).length === 0;
}

/** A held context is the wanted one when Type and Payload match, and its Id too where the template gives one. */
export function sameContext(wanted: EngagementContextRequest, held: unknown): boolean {
  const h = held as HeldContext;
  return (wanted.Id === undefined || wanted.Id === h.Id) && wanted.Type === h.Type && sameContent(wanted.Payload, h.Payload);
}
