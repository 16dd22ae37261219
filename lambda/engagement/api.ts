// The engagement writes the handler makes: CreateEngagement, CreateEngagementContext and UpdateEngagementContext
// (its reads are in reads.ts), each write retried as every call is (core/call-retries.ts), always with the same
// ClientToken.
import {
  CreateEngagementCommand,
  CreateEngagementContextCommand,
  UpdateEngagementContextCommand,
} from '@aws-sdk/client-partnercentral-selling';
import { ContextUpdate } from './context-changes';
import { EngagementContextRequest, EngagementRequest } from '../../lib/core/contract';
import { RetryOptions, withRetries } from '../core/call-retries';
import { ApiTarget, partnerCentralClient } from '../core/partner-central';
import { ResourceRef } from '../core/types';

/**
 * `InteractionDate` is a Smithy timestamp (`DateTime`, `timestampFormat: date-time`); CloudFormation hands it over
 * as the template's string. The SDK writes a `Date` as RFC 3339, so the string becomes a `Date` here, in a Lead
 * context's `Interactions` (create) or its one `Interaction` (update).
 */
export function withTimestamps(payload: Record<string, unknown>): Record<string, unknown> {
  const lead = payload.Lead as { Interactions?: Array<Record<string, unknown>>; Interaction?: Record<string, unknown> } | undefined;
  if (!lead) return payload;
  return {
    ...payload,
    Lead: {
      ...lead,
      ...(lead.Interactions ? { Interactions: lead.Interactions.map(withDate) } : {}),
      ...(lead.Interaction ? { Interaction: withDate(lead.Interaction) } : {}),
    },
  };
}

function withDate(interaction: Record<string, unknown>): Record<string, unknown> {
  return typeof interaction.InteractionDate === 'string' ? { ...interaction, InteractionDate: new Date(interaction.InteractionDate) } : interaction;
}

const contextsOnTheWire = (contexts: readonly EngagementContextRequest[] | undefined) =>
  contexts?.map((c) => ({ ...c, Payload: withTimestamps(c.Payload) }));

export async function createEngagement(
  request: EngagementRequest,
  clientToken: string,
  target: ApiTarget,
  retry: RetryOptions,
): Promise<ResourceRef> {
  const client = await partnerCentralClient(target);
  const command = new CreateEngagementCommand({
    Catalog: request.Catalog,
    ClientToken: clientToken,
    ...(request.Title !== undefined ? { Title: request.Title } : {}),
    ...(request.Description !== undefined ? { Description: request.Description } : {}),
    ...(request.Contexts ? { Contexts: contextsOnTheWire(request.Contexts) as never } : {}),
  });
  const { Arn, Id } = await withRetries(() => client.send(command, { abortSignal: retry.abortSignal }), retry);
  if (!Arn || !Id) throw Object.assign(new Error('the response has no Arn or Id'), { name: 'InvalidResponse' });
  return { arn: Arn, id: Id };
}

export async function createEngagementContext(
  catalog: string,
  engagementId: string,
  context: EngagementContextRequest,
  clientToken: string,
  target: ApiTarget,
  retry: RetryOptions,
): Promise<void> {
  const client = await partnerCentralClient(target);
  const command = new CreateEngagementContextCommand({
    Catalog: catalog,
    EngagementIdentifier: engagementId,
    ClientToken: clientToken,
    Type: context.Type as never,
    Payload: withTimestamps(context.Payload) as never,
  });
  await withRetries(() => client.send(command, { abortSignal: retry.abortSignal }), retry);
}

/** Updates one context in place; returns the engagement's new modification time for the next update. */
export async function updateEngagementContext(
  catalog: string,
  engagementId: string,
  context: ContextUpdate,
  lastModifiedAt: Date,
  target: ApiTarget,
  retry: RetryOptions,
): Promise<Date> {
  const client = await partnerCentralClient(target);
  const command = new UpdateEngagementContextCommand({
    Catalog: catalog,
    EngagementIdentifier: engagementId,
    ContextIdentifier: context.Id,
    EngagementLastModifiedAt: lastModifiedAt,
    Type: context.Type as never,
    Payload: withTimestamps(context.Payload) as never,
  });
  const { EngagementLastModifiedAt } = await withRetries(() => client.send(command, { abortSignal: retry.abortSignal }), retry);
  return EngagementLastModifiedAt ?? lastModifiedAt;
}
