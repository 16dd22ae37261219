// The local deploy's scheduler: dependencies first, independent resources in parallel up to a cap, and after a
// failure nothing new starts while what runs is awaited, or abandoned.
import { runByDependencies } from '../src/local-deploy/parallel';

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

test('independent ids run at the same time, up to the cap; dependents start after their dependencies', async () => {
  const log: string[] = [];
  let inFlight = 0;
  let peak = 0;
  const deps: Record<string, string[]> = { a: [], b: [], c: [], d: ['a', 'b'], e: ['d'], f: [] };

  await runByDependencies(Object.keys(deps), (id) => deps[id], 3, async (id) => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    log.push(`start ${id}`);
    await tick(id === 'a' ? 20 : 5);
    log.push(`end ${id}`);
    inFlight -= 1;
  });

  expect(peak).toBe(3);
  for (const [id, dependencies] of Object.entries(deps)) {
    for (const dependency of dependencies) expect(log.indexOf(`start ${id}`)).toBeGreaterThan(log.indexOf(`end ${dependency}`));
  }
  expect(log.filter((l) => l.startsWith('end'))).toHaveLength(6);
});

test('after a failure nothing new starts, the runs in progress finish, and the first error is thrown', async () => {
  const started: string[] = [];
  const finished: string[] = [];
  const deps: Record<string, string[]> = { slow: [], bad: [], later: ['bad'], queued: [] };

  const error = await runByDependencies(Object.keys(deps), (id) => deps[id], 2, async (id) => {
    started.push(id);
    await tick(id === 'slow' ? 30 : 1);
    if (id === 'bad') throw new Error('bad failed');
    finished.push(id);
  }).catch((e: Error) => e);

  expect((error as Error).message).toBe('bad failed');
  expect(started).toEqual(['slow', 'bad']);
  expect(finished).toEqual(['slow']);
});

test('a cycle is reported; a cap below 1 is refused', async () => {
  await expect(runByDependencies(['x', 'y'], (id) => (id === 'x' ? ['y'] : ['x']), 2, async () => undefined))
    .rejects.toThrow('circular dependency among x, y');
  await expect(runByDependencies(['x'], () => [], 0, async () => undefined)).rejects.toThrow('concurrency must be a positive integer');
});

test('abandoning after a failure: the error is thrown at once, each run in progress handed over, nothing new starts', async () => {
  const finished: string[] = [];
  const abandoned: Array<[string, Promise<void>]> = [];
  const deps: Record<string, string[]> = { slow: [], bad: [], later: ['bad'] };

  const error = await runByDependencies(Object.keys(deps), (id) => deps[id], 3, async (id) => {
    await tick(id === 'slow' ? 30 : 1);
    if (id === 'bad') throw new Error('bad failed');
    finished.push(id);
  }, { runsInProgress: 'abandon', onAbandon: (id, run) => abandoned.push([id, run]) }).catch((e: Error) => e);

  expect((error as Error).message).toBe('bad failed');
  expect(abandoned.map(([id]) => id)).toEqual(['slow']);
  expect(finished).toEqual([]); // thrown before the slow run finished
  await Promise.all(abandoned.map(([, run]) => run));
  expect(finished).toEqual(['slow']); // it went on by itself; `later` never started
});
