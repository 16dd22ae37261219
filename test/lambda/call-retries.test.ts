// The handler's retries of its write call: throttling until the time budget is spent, transient errors a bounded
// number of times, anything else never; always the same call (so the same ClientToken).
import {
  classifyError, LAST_ATTEMPT_MARGIN_MS, STATUS_READ_LEAD_MS, throttledRetryWindowMs, TRANSIENT_ATTEMPTS, transientRetryWindowMs,
  withRetries,
} from '../../lambda/core/call-retries';

const throttling = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } });
const serverError = () => Object.assign(new Error('An internal error occurred'), { name: 'InternalServerException', $fault: 'server', $metadata: { httpStatusCode: 500 } });
const validation = () => Object.assign(new Error('The request failed validation.'), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } });

/** A clock that only the fake sleep moves, and a record of every wait. */
function fakeTime(start = 1_000_000) {
  let now = start;
  const waits: Array<{ at: number; ms: number }> = [];
  return {
    now: () => now,
    sleep: async (ms: number) => { waits.push({ at: now - start, ms }); now += ms; },
    waits,
    elapsed: () => now - start,
  };
}

describe('classifyError', () => {
  test.each([
    ['ThrottlingException', 'throttling', throttling()],
    ['any 429', 'throttling', { $metadata: { httpStatusCode: 429 } }],
    ['a 5xx', 'transient', serverError()],
    ['a hung request (throwOnRequestTimeout)', 'transient', Object.assign(new Error('timeout'), { name: 'TimeoutError', code: 'ETIMEDOUT' })],
    ['a dropped connection', 'transient', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    ['a ValidationException', 'final', validation()],
    ['a ConflictException', 'final', { name: 'ConflictException', $metadata: { httpStatusCode: 409 } }],
    ['the handler\'s own deadline', 'final', Object.assign(new Error('aborted'), { name: 'AbortError' })],
    ['not an object', 'final', 'boom'],
  ])('%s is %s', (_name, kind, error) => {
    expect(classifyError(error)).toBe(kind);
  });
});

test('the throttling window shrinks from 2 s to 0.5 s as the call waits, so the longest-waiting call retries most often', () => {
  expect([0, 5_000, 10_000, 15_000, 40_000].map(throttledRetryWindowMs)).toEqual([2_000, 1_500, 1_000, 500, 500]);
  expect([1, 2, 3, 4].map(transientRetryWindowMs)).toEqual([500, 1_000, 2_000, 4_000]);
});

test('throttling is retried until the deadline margin, then the last error is thrown with the attempt count', async () => {
  const time = fakeTime();
  const deadline = time.now() + 50_000;
  let calls = 0;

  const error = await withRetries(async () => { calls += 1; throw throttling(); }, {
    deadline, abortSignal: new AbortController().signal, now: time.now, sleep: time.sleep, random: () => 0.999,
  }).catch((e) => e);

  expect(error).toMatchObject({ name: 'ThrottlingException', $metadata: { httpStatusCode: 429, attempts: calls } });
  // Close to the budget, never into the margin kept for the last answer.
  expect(time.elapsed()).toBeGreaterThan(50_000 - LAST_ATTEMPT_MARGIN_MS - 2_000);
  expect(time.elapsed()).toBeLessThanOrEqual(50_000 - LAST_ATTEMPT_MARGIN_MS);
  // Every wait stayed inside the window of its moment.
  for (const { at, ms } of time.waits) expect(ms).toBeLessThan(throttledRetryWindowMs(at));
  expect(calls).toBeGreaterThan(50);
});

test('a throttled call that gets through returns its answer', async () => {
  const time = fakeTime();
  let calls = 0;
  const answer = await withRetries(async () => {
    calls += 1;
    if (calls < 7) throw throttling();
    return 'created';
  }, { deadline: time.now() + 50_000, abortSignal: new AbortController().signal, now: time.now, sleep: time.sleep, random: () => 0.5 });

  expect(answer).toBe('created');
  expect(calls).toBe(7);
});

test(`5xx, drops and hangs are retried ${TRANSIENT_ATTEMPTS} attempts in all; other errors are not retried`, async () => {
  const time = fakeTime();
  const options = { deadline: time.now() + 50_000, abortSignal: new AbortController().signal, now: time.now, sleep: time.sleep, random: () => 0.5 };
  let calls = 0;

  await expect(withRetries(async () => { calls += 1; throw serverError(); }, options))
    .rejects.toMatchObject({ name: 'InternalServerException', $metadata: { attempts: TRANSIENT_ATTEMPTS } });
  expect(calls).toBe(TRANSIENT_ATTEMPTS);

  calls = 0;
  await expect(withRetries(async () => { calls += 1; throw validation(); }, options))
    .rejects.toMatchObject({ name: 'ValidationException', $metadata: { attempts: 1 } });
  expect(calls).toBe(1);
});

test('the deadline\'s abort ends a wait at once', async () => {
  const controller = new AbortController();
  const started = Date.now();
  setTimeout(() => controller.abort(Object.assign(new Error('deadline'), { name: 'AbortError' })), 50);

  const options = { deadline: Date.now() + 60_000, abortSignal: controller.signal, random: () => 0.999 };
  await expect(withRetries(async () => { throw throttling(); }, options))
    .rejects.toMatchObject({ name: 'AbortError' });
  expect(Date.now() - started).toBeLessThan(1_000);
});

describe('a paced call (write-pacing.ts)', () => {
  const SLOT = 1_000;
  /** A schedule whose first slot is `firstIn` ms away and whose slots are SLOT apart. */
  const scheduleFrom = (start: number, firstIn: number) => ({
    firstAttemptAt: start + firstIn,
    nextAttemptAt: (now: number) => start + (Math.floor((now - start) / SLOT) + 1) * SLOT,
  });

  test('waits for its slot, re-reads the stack status just before it, and retries on the next slots with the same call', async () => {
    const time = fakeTime();
    const start = time.now();
    const attemptsAt: number[] = [];
    const readsAt: number[] = [];

    const answer = await withRetries(async () => {
      attemptsAt.push(time.elapsed());
      if (attemptsAt.length < 3) throw throttling();
      return 'created';
    }, {
      deadline: start + 50_000,
      abortSignal: new AbortController().signal,
      now: time.now,
      sleep: time.sleep,
      schedule: scheduleFrom(start, 5_000),
      beforeRetry: async () => { readsAt.push(time.elapsed()); },
    });

    expect(answer).toBe('created');
    expect(attemptsAt).toEqual([5_000, 6_000, 7_000]);
    // The status is read before every attempt that waited, early enough for the write to leave on its slot.
    expect(readsAt).toEqual(attemptsAt.map((at) => at - STATUS_READ_LEAD_MS));
  });

  test('a stack that left CREATE_IN_PROGRESS while the first write waited stops it: nothing is sent', async () => {
    const time = fakeTime();
    let calls = 0;
    const stop = Object.assign(new Error('the stack is ROLLBACK_IN_PROGRESS'), { name: 'StackNotInProgress' });

    const error = await withRetries(async () => { calls += 1; return 'created'; }, {
      deadline: time.now() + 50_000,
      abortSignal: new AbortController().signal,
      now: time.now,
      sleep: time.sleep,
      schedule: scheduleFrom(time.now(), 5_000),
      beforeRetry: async () => { throw stop; },
    }).catch((e) => e);

    expect(error).toBe(stop);
    expect(error.$metadata.attempts).toBe(0);
    expect(calls).toBe(0);
  });

  test('retries stop before the deadline margin, and a first slot past it is moved to the last start', async () => {
    const time = fakeTime();
    const deadline = time.now() + 8_000;
    const attemptsAt: number[] = [];

    const error = await withRetries(async () => { attemptsAt.push(time.elapsed()); throw throttling(); }, {
      deadline, abortSignal: new AbortController().signal, now: time.now, sleep: time.sleep, schedule: scheduleFrom(time.now(), 30_000),
    }).catch((e) => e);

    expect(attemptsAt).toEqual([8_000 - LAST_ATTEMPT_MARGIN_MS]);
    expect(error).toMatchObject({ name: 'ThrottlingException', $metadata: { attempts: 1 } });
  });
});
