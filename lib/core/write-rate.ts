// The write rate a deployment plans for. Partner Central Selling takes 1 write request per second per partner account
// (AWS Partner Central developer guide, "Quotas for the AWS Partner Central Selling API"), shared with everything else
// that writes for the partner, its CRM integration above all. The handler paces its CreateEngagementInvitation calls
// on this rate (lambda/core/write-pacing.ts); a lower one leaves the rest of the quota to the other writers.
import { Construct } from 'constructs';
import { DOCUMENTED_WRITE_RATE, MAX_PACED_WAIT_SECONDS } from './contract';

/** Context key that caps the planned rate (`cdk.json` "context", or `-c`): write requests per second. */
export const MAX_WRITE_RATE_CONTEXT = 'cdk-engagement-invitation:maxWriteRate';

/**
 * How long one invitation is paced at most before its first write (20 s of the handler's 55 s): the chains of a
 * stack are at most rate × 20 s, so that each invitation's turn comes within it.
 */
export const PACING_WINDOW_SECONDS = MAX_PACED_WAIT_SECONDS - 1;

/** The lowest rate: one write in a pacing window. */
export const MIN_MAX_WRITE_RATE = 1 / PACING_WINDOW_SECONDS;

/** The planned rate in `scope`'s context: the documented quota by default. Throws, naming the key, for anything else. */
export function maxWriteRate(scope: Construct): number {
  const value: unknown = scope.node.tryGetContext(MAX_WRITE_RATE_CONTEXT);
  if (value === undefined) return DOCUMENTED_WRITE_RATE;
  const rate = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < MIN_MAX_WRITE_RATE) {
    throw new Error(`context ${MAX_WRITE_RATE_CONTEXT}: ${JSON.stringify(value)} is not a number of write requests per second `
      + `of at least ${MIN_MAX_WRITE_RATE} (one in ${PACING_WINDOW_SECONDS} s); the documented quota is ${DOCUMENTED_WRITE_RATE}`);
  }
  return rate;
}

/**
 * The chains at `rate`: `limit`, but no more than the rate serves in a pacing window (fewer below 0.25 request/s,
 * where 5 chains would make each invitation wait longer than the window for its turn).
 */
export function chainsAtRate(limit: number, rate: number): number {
  return Math.max(1, Math.min(limit, Math.floor(rate * PACING_WINDOW_SECONDS + 1e-9)));
}
