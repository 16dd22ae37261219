// Whether what the service holds is what the template asks for. The service answers in its own shapes: timestamps
// as dates, members left at their model default ("" for an Amount or a lead's SourceType, an empty list) omitted or
// echoed. Both sides are normalized the same way before they are compared; anything else that differs is a
// difference, and a difference is never adopted (the handler then sends, as it would without the read). The
// construct compares two invitations of a stack the same way at synth, so that it refuses exactly what the handler
// would hold as one. Free of aws-cdk-lib: the handler bundle imports it.
import { canonicalJson } from './canonical-json';

/** Members whose values are Smithy timestamps: compared as instants, whatever their text. */
const TIMESTAMP_MEMBERS = new Set(['InteractionDate']);

export function normalized(value: unknown, member?: string): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value === 'string') {
    if (value === '') return undefined;
    if (member && TIMESTAMP_MEMBERS.has(member)) {
      const instant = new Date(value);
      return Number.isNaN(instant.getTime()) ? value : instant.toISOString();
    }
    return value;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => normalized(item, member)).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([key]) => key !== '$unknown')
      .map(([key, child]) => [key, normalized(child, key)] as const)
      .filter(([, child]) => child !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value ?? undefined;
}

/** A string equal for two values exactly when sameContent says they are the same. */
export function sameContentKey(value: unknown): string {
  return canonicalJson(normalized(value));
}

export function sameContent(a: unknown, b: unknown): boolean {
  return sameContentKey(a) === sameContentKey(b);
}

/**
 * The items of `wanted` that `held` does not hold, in order, counting copies: an item held once satisfies one wanted
 * copy of it. Used for an engagement's contexts and a lead's interactions, which can only be added.
 */
export function missingItems<T>(wanted: readonly T[], held: readonly unknown[], same: (w: T, h: unknown) => boolean = sameContent): T[] {
  const pool = [...held];
  const missing: T[] = [];
  for (const item of wanted) {
    const index = pool.findIndex((candidate) => same(item, candidate));
    if (index >= 0) pool.splice(index, 1);
    else missing.push(item);
  }
  return missing;
}
