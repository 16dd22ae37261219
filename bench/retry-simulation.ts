// Why the handler's throttling retries wait less as a call waits longer: a discrete-event simulation of N invitation
// calls in `chains` concurrent chains against a token bucket (1 request/s, burst 1), each call with the handler's
// 54 s retry budget. Seeded, so every run prints the same figures. It compares the handler's own retry window
// (lambda/core/call-retries.ts) with exponential full-jitter backoff until the same deadline.
import { LAST_ATTEMPT_MARGIN_MS, throttledRetryWindowMs } from '../lambda/core/call-retries';

export type RetryWindow = (waitedMs: number, attempt: number) => number;

export const RETRY_WINDOWS: Record<string, RetryWindow> = {
  'the handler\'s shrinking window': (waitedMs) => throttledRetryWindowMs(waitedMs),
  'exponential full jitter (0.5 s doubling, 2 s cap)': (_waitedMs, attempt) => Math.min(2_000, 500 * 2 ** attempt),
};

export interface SimulationResult {
  readonly failed: number;
  readonly calls: number;
  readonly wallMs: number;
  readonly slowestMs: number;
}

const BUDGET_MS = 55_000 - LAST_ATTEMPT_MARGIN_MS;

/** `count` calls in `chains` chains; `overheadMs` between a chain's calls (CloudFormation starting the next one). */
export function simulate(window: RetryWindow, count: number, chains: number, seed: number, overheadMs = 300, latencyMs = 50): SimulationResult {
  let state = seed;
  const random = () => { state = (state * 48_271) % 2_147_483_647; return (state - 1) / 2_147_483_646; };
  let tokens = 1;
  let refilledAt = 0;
  const take = (at: number) => {
    tokens = Math.min(1, tokens + (at - refilledAt) / 1000);
    refilledAt = at;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
  // Pending attempts, by time: [at, startedAt, attempt]
  const queue: Array<[number, number, number]> = [];
  const push = (item: [number, number, number]) => {
    let i = queue.length;
    queue.push(item);
    while (i > 0 && queue[i - 1][0] > item[0]) { queue[i] = queue[i - 1]; i -= 1; }
    queue[i] = item;
  };
  let started = 0;
  const next = (at: number) => {
    if (started < count) { started += 1; push([at + overheadMs * (0.5 + random()), at + overheadMs, 0]); }
  };
  for (let c = 0; c < Math.min(chains, count); c++) next(0);
  let failed = 0;
  let calls = 0;
  let wallMs = 0;
  let slowestMs = 0;
  while (queue.length > 0) {
    const [at, startedAt, attempt] = queue.shift()!;
    calls += 1;
    if (take(at + latencyMs / 2)) {
      slowestMs = Math.max(slowestMs, at + latencyMs - startedAt);
      wallMs = Math.max(wallMs, at + latencyMs);
      next(at + latencyMs);
      continue;
    }
    const delay = random() * window(at - startedAt, attempt);
    if (at + latencyMs + delay > startedAt + BUDGET_MS) {
      failed += 1;
      wallMs = Math.max(wallMs, at);
      next(at);
      continue;
    }
    push([at + latencyMs + delay, startedAt, attempt + 1]);
  }
  return { failed, calls, wallMs, slowestMs };
}

/** Failed calls over `seeds` runs, and the worst slowest call, for each retry window. */
export function compareWindows(count: number, chains: number, seeds = 20): Record<string, { failed: number; slowestMs: number }> {
  return Object.fromEntries(Object.entries(RETRY_WINDOWS).map(([name, window]) => {
    const runs = Array.from({ length: seeds }, (_, i) => simulate(window, count, chains, i + 1));
    return [name, { failed: runs.reduce((sum, r) => sum + r.failed, 0), slowestMs: Math.max(...runs.map((r) => r.slowestMs)) }];
  }));
}

if (require.main === module) {
  for (const chains of [5, 10]) {
    process.stdout.write(`${JSON.stringify({ count: 100, chains, ...compareWindows(100, chains) })}\n`);
  }
}
