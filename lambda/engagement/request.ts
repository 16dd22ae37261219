// The CreateEngagement request as the construct writes it into the resource properties, read back by the handler.
import { EngagementContextRequest, EngagementRequest } from '../../lib/core/contract';

/** The CreateEngagement request from the properties, or what is wrong with them (the service checks the rest). */
export function readEngagementRequest(properties: unknown): EngagementRequest | string {
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
