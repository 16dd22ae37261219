// CreateEngagementInvitation, GetEngagementInvitation and ListEngagementInvitations of the local endpoint. Each gets a
// body already valid against the operation's input in the model (model-validator.ts); these add idempotency,
// existence, the sender's view of its own invitations and the List filters the model documents.
import { readDenied, SenderInvitationReads } from './access';
import { EngagementStore } from './engagement-store';
import { page } from './pagination';
import { conflict, notFound } from './service-error';
import { InvitationStore, StoredInvitation } from './store';

type Body = Record<string, any>;

export interface InvitationContext {
  readonly store: InvitationStore;
  readonly engagementStore: EngagementStore;
  /** EndpointOptions.engagements and strictEngagements: which engagements CreateEngagementInvitation may invite to. */
  readonly engagements: readonly string[] | undefined;
  readonly strictEngagements: boolean;
  /** Read on every call: tests switch them while the endpoint runs. */
  readonly settings: { readonly senderInvitationReads: SenderInvitationReads; readonly listLagMs: number };
}

/** ListEngagementInvitationsRequest.MaxResults (PageSize, 1 to 100) has no default in the model: the largest page. */
const DEFAULT_INVITATION_PAGE = 100;

export function createInvitation(body: Body, { store, engagementStore, engagements, strictEngagements }: InvitationContext): object {
  const { ClientToken, ...request } = body;
  const listed = engagements?.includes(request.EngagementIdentifier) ?? false;
  const created = engagementStore.get(request.Catalog, request.EngagementIdentifier) !== undefined;
  if ((strictEngagements || engagements) && !listed && !created) {
    throw notFound(`Engagement ${request.EngagementIdentifier} not found`);
  }
  const result = store.create(ClientToken, request as any);
  if (result.kind === 'conflict') throw conflict('Conflicting client token submitted for a new request body.');
  return { Id: result.invitation.Id, Arn: result.invitation.Arn };
}

/** Every invitation in the store was sent by the endpoint's account: `senderInvitationReads` decides the answer. */
export function getInvitation(body: Body, { store, settings }: InvitationContext): object {
  const invitation = store.get(body.Identifier);
  if (!invitation || invitation.Catalog !== body.Catalog) {
    throw notFound(`Engagement invitation ${String(body.Identifier).slice(0, 120)} not found`);
  }
  switch (settings.senderInvitationReads) {
    case 'denied': throw readDenied();
    case 'summary': return summary(invitation);
    default: return { ...summary(invitation), Payload: invitation.Payload, InvitationMessage: invitation.InvitationMessage };
  }
}

/**
 * The filters of ListEngagementInvitationsRequest, each a list of accepted values: EngagementIdentifier (ids or
 * ARNs), Status, PayloadType ("the type of payload associated with the engagement invitations to be listed") and
 * SenderAwsAccountId ("List of sender AWS account IDs to filter the invitations"). An empty list (PayloadType's has
 * no minimum length) filters nothing. Sort: by InvitationDate, ascending or descending; without Sort the order is
 * undocumented, here the oldest first.
 */
export function listInvitations(body: Body, { store, settings }: InvitationContext): object {
  if (body.ParticipantType !== 'SENDER') {
    // Everything this endpoint knows was sent by its own account: the receiver view is always empty.
    return { EngagementInvitationSummaries: [] };
  }
  const accepts = (filter: string[] | undefined, value: string) => !filter?.length || filter.includes(value);
  const visibleBefore = Date.now() - settings.listLagMs;
  const matching = store.list().filter((i) => i.Catalog === body.Catalog
    && Date.parse(i.InvitationDate) <= visibleBefore
    && (!body.EngagementIdentifier || body.EngagementIdentifier.some((e: string) => namesEngagement(e, i)))
    && accepts(body.Status, i.Status)
    && accepts(body.PayloadType, payloadType(i))
    && accepts(body.SenderAwsAccountId, i.SenderAwsAccountId));
  const ordered = [...matching].sort((a, b) => Date.parse(a.InvitationDate) - Date.parse(b.InvitationDate));
  if (body.Sort?.SortOrder === 'DESCENDING') ordered.reverse();
  const { items, nextToken } = page(ordered, body.MaxResults ?? DEFAULT_INVITATION_PAGE, body.NextToken);
  return {
    EngagementInvitationSummaries: items.map((i) => ({ ...summary(i), ParticipantType: 'SENDER' })),
    ...(nextToken ? { NextToken: nextToken } : {}),
  };
}

/** EngagementIdentifiers holds ids or ARNs (EngagementArnOrIdentifier); an invitation records the engagement's id. */
function namesEngagement(identifier: string, i: StoredInvitation): boolean {
  return identifier === i.EngagementId || identifier.endsWith(`:catalog/${i.Catalog}/engagement/${i.EngagementId}`);
}

function payloadType(i: StoredInvitation): string {
  return 'OpportunityInvitation' in i.Payload ? 'OpportunityInvitation' : 'LeadInvitation';
}

function summary(i: StoredInvitation): object {
  return {
    Arn: i.Arn,
    Id: i.Id,
    Catalog: i.Catalog,
    EngagementId: i.EngagementId,
    PayloadType: payloadType(i),
    Status: i.Status,
    InvitationDate: i.InvitationDate,
    ExpirationDate: i.ExpirationDate,
    SenderAwsAccountId: i.SenderAwsAccountId,
    Receiver: i.Receiver,
  };
}
