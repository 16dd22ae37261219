// How the handler's writes should meet the write quota, decided by a discrete-event simulation: N invitation calls in
// `chains` creation chains against a token bucket (1 request/s, burst 1, as the local endpoint enforces), each call
// with the handler's 54 s budget, optionally with another writer of the same account (Poisson arrivals, the AWS SDK's
// standard retries). Seeded, so every run prints the same figures. It compares the pacing of #18
// (lambda/core/write-pacing.ts) with the retries it replaced and with exponential backoff.
import { LAST_ATTEMPT_MARGIN_MS, throttledRetryWindowMs } from '../lambda/core/call-retries';
import { pacedSchedule, WritePacing } from '../lambda/core/write-pacing';
import { HANDLER_TIMEOUT_SECONDS } from '../lib/core/contract';

/** When a call's attempts go, as epoch-like ms; `throttles`: how many of its attempts were throttled so far. */
export interface Strategy {
  /** The stack's status is re-read before the attempt's time (paced) rather than after the wait (the others). */
  readonly readsAhead: boolean;
  /** `chainHead`: the index of the chain this call is the first of. */
  first(startedAt: number, random: () => number, chainHead?: number): number;
  retry(answeredAt: number, startedAt: number, throttles: number, random: () => number): number;
}

export const STRATEGIES: Record<string, (pacing: WritePacing) => Strategy> = {
  'paced on lanes (#18)': (pacing) => ({
    first: (startedAt, _random, chainHead) => pacedSchedule({ ...pacing, chainHead }, startedAt).firstAttemptAt,
    retry: (answeredAt, startedAt) => pacedSchedule(pacing, startedAt).nextAttemptAt(answeredAt),
    readsAhead: true,
  }),
  'at once, then random waits of 2 s to 0.5 s (before #18)': () => ({
    first: (startedAt) => startedAt,
    retry: (answeredAt, startedAt, _throttles, random) => answeredAt + random() * throttledRetryWindowMs(answeredAt - startedAt),
    readsAhead: false,
  }),
  // The first idea, kept to show why the grid: each call waits one round from its own start, retries one slot later.
  'paced by a wait from its own start, without the grid': (pacing) => ({
    first: (startedAt) => startedAt + (pacing.inFlight * 1_000) / pacing.writesPerSecond,
    retry: (answeredAt) => answeredAt + 1_000 / pacing.writesPerSecond,
    readsAhead: true,
  }),
  'at once, then exponential full jitter (0.5 s doubling, 2 s cap)': () => ({
    first: (startedAt) => startedAt,
    retry: (answeredAt, _startedAt, throttles, random) => answeredAt + random() * Math.min(2_000, 500 * 2 ** throttles),
    readsAhead: false,
  }),
};

export interface Scenario {
  readonly count: number;
  readonly chains: number;
  /** The rate the deployment plans for (requests/s); the quota stays 1/s. @default 1 */
  readonly plannedRate?: number;
  /** Another writer's average rate (requests/s). @default 0 */
  readonly otherWriterRate?: number;
  /** From one invitation's answer to the next handler's start in its chain (CloudFormation, Lambda), mean ms. @default 300 */
  readonly overheadMs?: number;
}

export interface SimulationResult {
  readonly requests: number;
  readonly throttled: number;
  readonly failed: number;
  readonly wallMs: number;
  readonly slowestMs: number;
  /** The other writer's writes, those that got through, and its requests (retries included). */
  readonly otherWrites: number;
  readonly otherThrough: number;
}

const BUDGET_MS = HANDLER_TIMEOUT_SECONDS * 1_000 - 5_000 - LAST_ATTEMPT_MARGIN_MS;
const LATENCY_MS = 20;
const ARRIVAL_JITTER_MS = 10;
const READS_MS = 60;
const STACK_READ_MS = 15;
// The AWS SDK for JavaScript v3's standard retry strategy: 3 attempts; after a throttling error, a wait drawn in
// [0, 1 s × 2^retry) (@smithy/core util-retry: StandardRetryStrategy, DefaultRetryBackoffStrategy, throttlingDelay).
const SDK_ATTEMPTS = 3;
const SDK_THROTTLING_BASE_MS = 1_000;

type Event = { at: number; kind: 'invitation' | 'other'; startedAt: number; throttles: number; fresh?: boolean };

export function simulate(strategy: Strategy, scenario: Scenario, seed: number): SimulationResult {
  let state = seed;
  const random = () => { state = (state * 48_271) % 2_147_483_647; return (state - 1) / 2_147_483_646; };
  const overheadMs = scenario.overheadMs ?? 300;
  // A clock far from 0, as the handler's Date.now(): the grid's phase against it is random.
  const epoch = 1_700_000_000_000 + Math.floor(random() * 1e6);
  let tokens = 1;
  let refilledAt = epoch;
  const take = (arrival: number) => {
    const at = Math.max(arrival, refilledAt);
    tokens = Math.min(1, tokens + (at - refilledAt) / 1000);
    refilledAt = at;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
  const queue: Event[] = [];
  const push = (event: Event) => {
    let lo = 0;
    let hi = queue.length;
    while (lo < hi) { const mid = Math.floor((lo + hi) / 2); if (queue[mid].at <= event.at) lo = mid + 1; else hi = mid; }
    queue.splice(lo, 0, event);
  };
  let started = 0;
  let done = 0;
  const startNext = (answeredAt: number) => {
    if (started >= scenario.count) return;
    const chainHead = started < scenario.chains ? started : undefined;
    started += 1;
    const startedAt = answeredAt + overheadMs * (0.5 + random());
    push({ at: Math.max(startedAt + READS_MS, strategy.first(startedAt, random, chainHead)), kind: 'invitation', startedAt, throttles: 0 });
  };
  const otherRate = scenario.otherWriterRate ?? 0;
  const nextOther = (at: number) => {
    if (otherRate > 0) push({ at: at - (Math.log(1 - random()) * 1000) / otherRate, kind: 'other', startedAt: at, throttles: 0, fresh: true });
  };
  for (let c = 0; c < Math.min(scenario.chains, scenario.count); c++) startNext(epoch);
  nextOther(epoch);
  const r = { requests: 0, throttled: 0, failed: 0, wallMs: 0, slowestMs: 0, otherWrites: 0, otherThrough: 0 };
  while (queue.length > 0) {
    const event = queue.shift()!;
    const arrives = event.at + LATENCY_MS / 2 + random() * ARRIVAL_JITTER_MS;
    if (event.kind === 'other') {
      if (done >= scenario.count) continue; // the deploy is over: the other writer is counted while it runs
      if (event.fresh) { r.otherWrites += 1; nextOther(event.at); }
      if (take(arrives)) {r.otherThrough += 1;} else if (event.throttles + 1 < SDK_ATTEMPTS) {
        push({ at: event.at + LATENCY_MS + random() * SDK_THROTTLING_BASE_MS * 2 ** event.throttles, kind: 'other', startedAt: event.startedAt, throttles: event.throttles + 1 });
      }
      continue;
    }
    r.requests += 1;
    if (take(arrives)) {
      done += 1;
      r.slowestMs = Math.max(r.slowestMs, event.at + LATENCY_MS - event.startedAt);
      r.wallMs = Math.max(r.wallMs, event.at + LATENCY_MS - epoch);
      startNext(event.at + LATENCY_MS);
      continue;
    }
    r.throttled += 1;
    const answeredAt = event.at + LATENCY_MS;
    const next = strategy.retry(answeredAt, event.startedAt, event.throttles + 1, random) + (strategy.readsAhead ? 0 : STACK_READ_MS);
    if (next > event.startedAt + BUDGET_MS) {
      r.failed += 1;
      done += 1;
      r.wallMs = Math.max(r.wallMs, answeredAt - epoch);
      startNext(answeredAt);
      continue;
    }
    push({ ...event, at: next, throttles: event.throttles + 1 });
  }
  return r;
}

export interface Comparison {
  /** CreateEngagementInvitation requests per invitation, throttled ones included. */
  readonly requestsPerInvitation: number;
  readonly failed: number;
  /** Mean wall time over the quota's floor (N s at 1 request/s). */
  readonly wallVsFloor: number;
  readonly slowestMs: number;
  /** The other writer's writes that got through, of all it made while the deploy ran. */
  readonly otherShare?: number;
}

/** Each strategy over `seeds` seeded runs of the scenario, its chains and rate given to the paced one. */
export function compareStrategies(scenario: Scenario, seeds = 10): Record<string, Comparison> {
  const pacing = { inFlight: Math.min(scenario.chains, scenario.count), writesPerSecond: scenario.plannedRate ?? 1 };
  return Object.fromEntries(Object.entries(STRATEGIES).map(([name, make]) => {
    const runs = Array.from({ length: seeds }, (_, i) => simulate(make(pacing), scenario, i + 1));
    const sum = (key: keyof SimulationResult) => runs.reduce((total, run) => total + run[key], 0);
    return [name, {
      requestsPerInvitation: sum('requests') / (scenario.count * seeds),
      failed: sum('failed'),
      wallVsFloor: sum('wallMs') / seeds / (scenario.count * 1000),
      slowestMs: Math.max(...runs.map((run) => run.slowestMs)),
      ...(sum('otherWrites') > 0 ? { otherShare: sum('otherThrough') / sum('otherWrites') } : {}),
    }];
  }));
}

if (require.main === module) {
  const scenarios: Scenario[] = [
    ...[10, 100, 497].map((count) => ({ count, chains: 5 })),
    { count: 100, chains: 5, overheadMs: 600 },
    { count: 100, chains: 5, overheadMs: 1_000 },
    { count: 100, chains: 5, otherWriterRate: 0.3 },
    { count: 100, chains: 5, otherWriterRate: 0.3, plannedRate: 0.5 },
  ];
  for (const scenario of scenarios) {
    for (const [name, c] of Object.entries(compareStrategies(scenario))) {
      process.stdout.write(`${JSON.stringify(scenario)} ${name}: ${c.requestsPerInvitation.toFixed(2)} requests/invitation, `
        + `${c.wallVsFloor.toFixed(2)}x floor, ${c.failed} failed, slowest ${(c.slowestMs / 1000).toFixed(1)} s`
        + `${c.otherShare !== undefined ? `, other writer ${(100 * c.otherShare).toFixed(0)}% through` : ''}\n`);
    }
  }
}
