// JSON with object keys sorted at every level, for the local stand-ins (the Partner Central endpoint's idempotency
// hashes, the local deployer's comparisons). Kept apart from the handler's own copy on purpose: a local endpoint that
// shared the handler's code could not catch a mistake in it.

/** `value` as JSON with object keys sorted at every level, so that key order never counts as a difference. */
export function canonicalJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (isPlainObject(v) ? sortedKeys(v) : v));
  return text ?? 'undefined';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sortedKeys(value: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => [key, value[key]]));
}
