// Shared by the construct (duplicate checks at synth) and the handler (fingerprints, comparisons): free of aws-cdk-lib.
/** JSON with object keys sorted at every level, so that key order never counts as a difference. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v) ?? 'undefined';
}
