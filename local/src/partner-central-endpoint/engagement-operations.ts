// CreateEngagement, GetEngagement, CreateEngagementContext and UpdateEngagementContext of the local endpoint. Each gets
// a body already valid against the operation's input in the model (model-validator.ts); these add what the model
// cannot say: idempotency, existence, the context limit and the optimistic lock on EngagementLastModifiedAt.
import { EngagementStore, MAX_CONTEXTS, nextContextId, StoredContext, StoredEngagement } from './engagement-store';
import { conflict, notFound, ServiceError } from './service-error';

type Body = Record<string, any>;
type Handler = (body: Body, engagements: EngagementStore) => object;

// The documented answer to a reused token with another body (model documentation of CreateOpportunityRequest.ClientToken).
const TOKEN_CONFLICT = 'Conflicting client token submitted for a new request body.';

export const ENGAGEMENT_OPERATIONS: Readonly<Record<string, Handler>> = {
  CreateEngagement: createEngagement,
  GetEngagement: getEngagement,
  CreateEngagementContext: createEngagementContext,
  UpdateEngagementContext: updateEngagementContext,
};

function createEngagement(body: Body, engagements: EngagementStore): object {
  return idempotent('CreateEngagement', body, engagements, () => {
    const contexts: StoredContext[] = [];
    for (const [i, context] of ((body.Contexts ?? []) as Body[]).entries()) {
      checkPayloadType(context.Type, context.Payload, `Contexts[${i}]`);
      if (context.Id !== undefined && contexts.some((c) => c.Id === context.Id)) {
        throw businessError(`Contexts[${i}].Id`, `Context id ${JSON.stringify(context.Id)} is used twice`, 'DUPLICATE_KEY_VALUE');
      }
      contexts.push({ Id: context.Id, Type: context.Type, Payload: context.Payload ?? {} });
    }
    // Ids the request leaves out are assigned after those it gives, so a given id is never taken by an assigned one.
    for (const [i, c] of contexts.entries()) {
      if (c.Id === undefined) contexts[i] = { ...c, Id: nextContextId(contexts.filter((other) => other.Id !== undefined)) };
    }
    const engagement = engagements.create(body as any, contexts);
    return { Id: engagement.Id, Arn: engagement.Arn, ModifiedAt: engagement.ModifiedAt };
  });
}

function getEngagement(body: Body, engagements: EngagementStore): object {
  const e = existing(body.Catalog, body.Identifier, engagements);
  return {
    Id: e.Id,
    Arn: e.Arn,
    Title: e.Title,
    Description: e.Description,
    CreatedAt: e.CreatedAt,
    CreatedBy: e.CreatedBy,
    MemberCount: e.MemberCount,
    ModifiedAt: e.ModifiedAt,
    ModifiedBy: e.ModifiedBy,
    Contexts: e.Contexts,
  };
}

function createEngagementContext(body: Body, engagements: EngagementStore): object {
  return idempotent('CreateEngagementContext', body, engagements, () => {
    const engagement = existing(body.Catalog, body.EngagementIdentifier, engagements);
    checkPayloadType(body.Type, body.Payload, '');
    if (engagement.Contexts.length >= MAX_CONTEXTS) {
      // CreateEngagementContext lists ServiceQuotaExceededException ("would cause a service quota to be exceeded");
      // the limit is EngagementContexts' length max 5.
      throw new ServiceError('ServiceQuotaExceededException', 402, `An engagement holds at most ${MAX_CONTEXTS} contexts`);
    }
    const context: StoredContext = { Id: nextContextId(engagement.Contexts), Type: body.Type, Payload: body.Payload };
    engagement.Contexts.push(context);
    engagements.touch(engagement);
    return contextAnswer(engagement, context);
  });
}

function updateEngagementContext(body: Body, engagements: EngagementStore): object {
  const engagement = existing(body.Catalog, body.EngagementIdentifier, engagements);
  const context = engagement.Contexts.find((c) => c.Id === body.ContextIdentifier);
  if (!context) throw notFound(`Context ${String(body.ContextIdentifier)} not found in engagement ${engagement.Id}`);
  // Optimistic concurrency (UpdateEngagementContextRequest.EngagementLastModifiedAt documentation): a timestamp other
  // than the engagement's ModifiedAt means someone changed it since; ConflictException's documentation asks the caller
  // to "fetch the latest state of the resource, verify the state, and retry". Compared as instants, not strings.
  if (Date.parse(body.EngagementLastModifiedAt) !== Date.parse(engagement.ModifiedAt)) {
    throw conflict(`Engagement ${engagement.Id} was modified at ${engagement.ModifiedAt}, after the EngagementLastModifiedAt given`);
  }
  if (body.Type !== context.Type) {
    throw businessError('Type', `Context ${context.Id} is a ${context.Type} context, not ${String(body.Type)}`, 'INVALID_VALUE');
  }
  checkPayloadType(body.Type, body.Payload, '');
  context.Payload = updatedPayload(context, body.Payload);
  engagements.touch(engagement);
  return contextAnswer(engagement, context);
}

/**
 * The stored payload after an update. UpdateEngagementContextPayload mirrors the context payload except for a lead:
 * UpdateLeadContext carries one `Interaction` where LeadContext has `Interactions` (1-10). The model does not say how
 * they combine; here the interaction is added to the list and the other members replace the stored ones.
 */
function updatedPayload(context: StoredContext, payload: Body): Body {
  if (!payload.Lead) return payload;
  const { Interaction, ...lead } = payload.Lead;
  const interactions: Body[] = [...(context.Payload.Lead?.Interactions ?? []), ...(Interaction ? [Interaction] : [])];
  if (interactions.length > 10) throw businessError('Payload.Lead.Interaction', 'A lead holds at most 10 interactions (LeadInteractionList)', 'TOO_MANY_VALUES');
  return { Lead: { ...lead, Interactions: interactions } };
}

function contextAnswer(engagement: StoredEngagement, context: StoredContext): object {
  return { EngagementId: engagement.Id, EngagementArn: engagement.Arn, EngagementLastModifiedAt: engagement.ModifiedAt, ContextId: context.Id };
}

function existing(catalog: string, identifier: string, engagements: EngagementStore): StoredEngagement {
  const engagement = engagements.get(catalog, identifier);
  if (!engagement) throw notFound(`Engagement ${String(identifier).slice(0, 120)} not found`);
  return engagement;
}

/** The first answer to a ClientToken, again for the same body; ConflictException for another body. */
function idempotent(operation: string, body: Body, engagements: EngagementStore, run: () => object): object {
  const { ClientToken, ...request } = body;
  const previous = engagements.replay(operation, ClientToken, request);
  if (previous.kind === 'conflict') throw conflict(TOKEN_CONFLICT);
  if (previous.kind === 'replayed') return previous.response;
  const response = run();
  engagements.remember(operation, ClientToken, request, response);
  return response;
}

/** The payload's union member is the context's Type (EngagementContextType's enum values name the union members). */
function checkPayloadType(type: string, payload: Body | undefined, at: string): void {
  const member = payload ? Object.keys(payload)[0] : undefined;
  if (member !== undefined && member !== type) {
    throw businessError(`${at ? `${at}.` : ''}Payload`, `A ${type} context needs a ${type} payload, not ${member}`, 'INVALID_VALUE');
  }
}

function businessError(fieldName: string, message: string, code: string): ServiceError {
  return new ServiceError('ValidationException', 400, 'The request failed validation.', {
    Reason: 'BUSINESS_VALIDATION_FAILED', ErrorList: [{ FieldName: fieldName, Message: message, Code: code }],
  });
}
