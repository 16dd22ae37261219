// Converge, don't replay: before it sends an invitation, the handler looks for one the service already holds with
// the same engagement, receiver and content, still PENDING or ACCEPTED, sent by this account (an earlier deployment
// that failed after sending it, a lost answer, a Create delivered after its stack was deleted and created again).
// Such an invitation is adopted: nothing is sent, since no API withdraws an invitation and the partner would get two.
//
// ListEngagementInvitations (ParticipantType SENDER) finds the candidates by engagement, status, payload type and
// receiver; GetEngagementInvitation reads each one's message and payload. Whether a sender may read its own
// invitation's content is not documented: an answer without InvitationMessage or Payload, or a refusal, is not
// adopted, and the handler sends as it would without reads.
import {
  GetEngagementInvitationCommand, GetEngagementInvitationCommandOutput, ListEngagementInvitationsCommand,
} from '@aws-sdk/client-partnercentral-selling';
import { ADOPTABLE_INVITATION_STATUSES, InvitationRequest } from '../../lib/core/contract';
import { sameContent } from '../../lib/core/same-content';
import { readRetry, withRetries } from '../core/call-retries';
import { ApiTarget, partnerCentralClient } from '../core/partner-central';
import { describeError } from '../core/service-errors';
import { countRead, Lookup, ResourceRef, TimeBudget } from '../core/types';

/**
 * Pages of 100 summaries read at most (the engagement's open invitations to every receiver): beyond them the handler
 * stops looking and sends, as without reads. An engagement holds at most 10 members, so real engagements stay far
 * below this.
 */
const MAX_PAGES = 10;
/** Candidates (same receiver and payload type) whose content is read at most, newest first. */
const MAX_CANDIDATES = 10;

interface ReceiverShape { readonly Account?: { readonly AwsAccountId?: string; readonly Alias?: string } }

export async function findIdenticalInvitation(request: InvitationRequest, target: ApiTarget, budget: TimeBudget): Promise<Lookup<ResourceRef>> {
  const invitation = request.Invitation as { Message?: string; Receiver?: ReceiverShape; Payload?: Record<string, unknown> };
  const payloadType = Object.keys(invitation.Payload ?? {})[0];
  const receiverAccount = invitation.Receiver?.Account?.AwsAccountId;
  try {
    const client = await partnerCentralClient(target);
    const send = <T>(call: () => Promise<T>) => {
      countRead(budget, 'serviceReads');
      return withRetries(call, readRetry(budget));
    };
    const candidates: Array<{ Id: string; Arn?: string; sentAt: number }> = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const command = new ListEngagementInvitationsCommand({
        Catalog: request.Catalog,
        ParticipantType: 'SENDER',
        EngagementIdentifier: [request.EngagementIdentifier],
        Status: [...ADOPTABLE_INVITATION_STATUSES],
        ...(payloadType ? { PayloadType: [payloadType as never] } : {}),
        MaxResults: 100,
        ...(nextToken ? { NextToken: nextToken } : {}),
      });
      const answer = await send(() => client.send(command, { abortSignal: budget.abortSignal }));
      for (const summary of answer?.EngagementInvitationSummaries ?? []) {
        const receiver = (summary.Receiver as ReceiverShape | undefined)?.Account?.AwsAccountId;
        // Summaries are filtered again: a filter the service did not apply must not lead to an adoption.
        if (!summary.Id || (summary.EngagementId && summary.EngagementId !== request.EngagementIdentifier)) continue;
        if (summary.Status && !(ADOPTABLE_INVITATION_STATUSES as readonly string[]).includes(summary.Status)) continue;
        if (receiver !== undefined && receiver !== receiverAccount) continue;
        candidates.push({ Id: summary.Id, Arn: summary.Arn, sentAt: summary.InvitationDate?.getTime() ?? 0 });
      }
      nextToken = answer?.NextToken;
      if (!nextToken) break;
    }
    if (nextToken) return { unreadable: `more than ${MAX_PAGES * 100} invitations are open on the engagement` };
    candidates.sort((a, b) => b.sentAt - a.sentAt);
    for (const candidate of candidates.slice(0, MAX_CANDIDATES)) {
      const command = new GetEngagementInvitationCommand({ Catalog: request.Catalog, Identifier: candidate.Id });
      let held: GetEngagementInvitationCommandOutput | undefined;
      try {
        held = await send(() => client.send(command, { abortSignal: budget.abortSignal }));
      } catch (error) {
        if (budget.abortSignal.aborted) throw error;
        continue; // this one's content cannot be read: it cannot be adopted
      }
      if (isIdentical(held as unknown as Record<string, unknown> | undefined, request)) {
        return { found: { arn: held.Arn ?? candidate.Arn ?? candidate.Id, id: held.Id ?? candidate.Id } };
      }
    }
    return { notFound: true };
  } catch (error) {
    if (budget.abortSignal.aborted) throw error;
    return { unreadable: describeError(error, request).reason };
  }
}

/** Every field of the request, as held by the service; an answer without the content is never identical. */
function isIdentical(held: Record<string, unknown> | undefined, request: InvitationRequest): boolean {
  if (!held || held.InvitationMessage === undefined || held.Payload === undefined || held.Receiver === undefined) return false;
  const invitation = request.Invitation as { Message?: unknown; Receiver?: unknown; Payload?: unknown };
  return (held.Catalog === undefined || held.Catalog === request.Catalog)
    && held.EngagementId === request.EngagementIdentifier
    && typeof held.Status === 'string' && (ADOPTABLE_INVITATION_STATUSES as readonly string[]).includes(held.Status)
    && held.InvitationMessage === invitation.Message
    && sameContent(held.Receiver, invitation.Receiver)
    && sameContent(held.Payload, invitation.Payload);
}
