// How the handler retries each Partner Central call, always with the same request (so the same ClientToken):
// - throttling until the handler's time budget is spent, because the write quota of Partner Central Selling is
//   1 request per second per partner account (AWS Partner Central developer guide, "Quotas") and CloudFormation
//   creates independent resources in parallel; a paced write (write-pacing.ts) waits for its slot first and retries
//   on the next slot, any other call after a random wait;
// - 5xx, dropped connections and hung requests a bounded number of times;
// - anything else not at all.

/** Attempts in all for 5xx, dropped connections and hung requests. */
export const TRANSIENT_ATTEMPTS = 4;

/**
 * The retry window after a throttled call that is not paced (reads, engagement writes, invitations without a plan),
 * in ms: uniformly random in [0, window), the window shrinking from 2 s to 0.5 s as the call waits longer. Calls that
 * have waited longest retry most often, so under a fixed-rate quota they are served roughly in arrival order, where
 * exponential backoff lets the newest win and the oldest run out of time (bench/retry-simulation.ts). It costs about
 * 7 requests per invitation under 1 request/s, which is why invitation writes are paced (write-pacing.ts).
 */
export function throttledRetryWindowMs(waitedMs: number): number {
  return Math.max(500, 2_000 - waitedMs / 10);
}

/** Backoff after a 5xx, a dropped connection or a hung request: full jitter, 0.5 s doubling, capped at 4 s. */
export function transientRetryWindowMs(failures: number): number {
  return Math.min(4_000, 500 * 2 ** (failures - 1));
}

/**
 * How long a throttled or failing read is retried before the handler stops looking and behaves as without reads: the
 * write it precedes keeps most of the event's time.
 */
export const READ_RETRY_MS = 10_000;

/** No attempt starts later than this before the deadline: a call needs time to be answered. */
export const LAST_ATTEMPT_MARGIN_MS = 1_000;

/**
 * A paced attempt re-reads the stack's status this long before its slot, so that the write itself leaves on time: the
 * read's own time would otherwise shift every write of the stack by a varying amount.
 */
export const STATUS_READ_LEAD_MS = 300;

/** When the attempts of a paced call start (epoch ms): write-pacing.ts. */
export interface AttemptSchedule {
  /** The first attempt waits for this time. */
  readonly firstAttemptAt: number;
  /** The next attempt after one throttled and answered at `now`. */
  nextAttemptAt(now: number): number;
}

export type ErrorKind = 'throttling' | 'transient' | 'final';

const NETWORK_ERROR_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);

interface ErrorShape {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly $fault?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
}

export function classifyError(error: unknown): ErrorKind {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  if (e.name === 'ThrottlingException' || status === 429) return 'throttling';
  if (e.name === 'AbortError') return 'final'; // the handler's own deadline
  if (e.$fault === 'server' || (status !== undefined && status >= 500) || e.name === 'TimeoutError'
    || (typeof e.code === 'string' && NETWORK_ERROR_CODES.has(e.code))) return 'transient';
  return 'final';
}

export interface RetryOptions {
  /** Epoch ms after which no attempt may start (less LAST_ATTEMPT_MARGIN_MS). */
  readonly deadline: number;
  readonly abortSignal: AbortSignal;
  /**
   * Runs before every attempt but the first; an error it throws ends the retries (with that error). The handler
   * re-reads the stack's status here, so that a rollback that began while a write waited stops the write.
   */
  readonly beforeRetry?: () => Promise<void>;
  /** No retry starts later than this many ms after the first attempt (reads give up early, writes use the deadline). */
  readonly retryForMs?: number;
  /**
   * Paced: the first attempt waits for its slot and a throttled one retries on the next (a wait for the first
   * attempt is followed by `beforeRetry` too). Without it: at once, then random waits.
   */
  readonly schedule?: AttemptSchedule;
  /** For tests: the source of jitter, the clock and the wait. */
  readonly random?: () => number;
  readonly now?: () => number;
  readonly sleep?: (ms: number, abortSignal: AbortSignal) => Promise<void>;
}

/**
 * Runs `attempt` until it succeeds, fails for good, or time runs out. The error thrown is the last one, with
 * `$metadata.attempts` set to the number of attempts, so the FAILED reason says "(after N attempts)".
 */
export async function withRetries<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
  const { schedule } = options;
  const started = now();
  const lastStart = Math.min(options.deadline - LAST_ATTEMPT_MARGIN_MS, started + (options.retryForMs ?? Infinity));
  let attempts = 0;
  let transientFailures = 0;
  // Waits until `at`, the stack's status re-read on the way (just before a paced slot, else after the wait).
  const waitUntil = async (at: number) => {
    const readAt = schedule ? at - STATUS_READ_LEAD_MS : at;
    if (readAt > now()) await sleep(readAt - now(), options.abortSignal);
    if (options.beforeRetry) {
      try {
        await options.beforeRetry();
      } catch (stop) {
        throw withAttempts(stop, attempts);
      }
    }
    if (at > now()) await sleep(at - now(), options.abortSignal);
  };
  // A slot after the last start would leave no time for the answer: the first attempt goes then at the latest.
  if (schedule && schedule.firstAttemptAt > now()) await waitUntil(Math.min(schedule.firstAttemptAt, lastStart));
  for (;;) {
    attempts += 1;
    try {
      return await attempt();
    } catch (error) {
      const kind = classifyError(error);
      if (kind === 'transient') transientFailures += 1;
      let at: number | undefined;
      if (kind === 'throttling') {
        at = schedule ? schedule.nextAttemptAt(now()) : now() + random() * throttledRetryWindowMs(now() - started);
      } else if (kind === 'transient' && transientFailures < TRANSIENT_ATTEMPTS) {
        at = now() + random() * transientRetryWindowMs(transientFailures);
      }
      if (at === undefined || at > lastStart) throw withAttempts(error, attempts);
      await waitUntil(at);
    }
  }
}

/** The retry options of a read: the event's, ending READ_RETRY_MS after the first attempt. */
export function readRetry(options: RetryOptions): RetryOptions {
  return { ...options, retryForMs: READ_RETRY_MS };
}

function withAttempts(error: unknown, attempts: number): unknown {
  if (typeof error === 'object' && error !== null) {
    const e = error as { $metadata?: Record<string, unknown> };
    e.$metadata = { ...e.$metadata, attempts };
  }
  return error;
}

function abortableSleep(ms: number, abortSignal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (abortSignal.aborted) {
      reject(abortSignal.reason);
      return;
    }
    const timer = setTimeout(() => {
      abortSignal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortSignal.reason);
    };
    abortSignal.addEventListener('abort', onAbort, { once: true });
  });
}
