// CloudFormation creates, updates and deletes resources that do not depend on each other in parallel; DependsOn and
// references order them (AWS CloudFormation User Guide, "DependsOn attribute"). The local deploy does the same, up to
// a cap, so that concurrency problems (quotas, throttling) show up locally too.

/** What happens to the runs in progress when one fails. */
export interface AfterFailure {
  /** `wait`: they are awaited before the error is thrown. `abandon`: the error is thrown at once; each run still in
   * progress is handed to `onAbandon` and goes on by itself. @default 'wait' */
  readonly runsInProgress: 'wait' | 'abandon';
  /** Told each id still running when the runs are abandoned, with its run (which never rejects). */
  readonly onAbandon?: (id: string, run: Promise<void>) => void;
}

/**
 * Runs `run` for every id once all the ids it depends on have completed, at most `limit` at a time. After the first
 * failure nothing new starts; the runs in progress are awaited or abandoned (`afterFailure`), then the first error is
 * thrown.
 */
export async function runByDependencies(
  ids: readonly string[],
  dependsOn: (id: string) => readonly string[],
  limit: number,
  run: (id: string) => Promise<void>,
  afterFailure: AfterFailure = { runsInProgress: 'wait' },
): Promise<void> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`concurrency must be a positive integer (got ${limit})`);
  const known = new Set(ids);
  const waitingFor = new Map(ids.map((id) => [id, new Set(dependsOn(id).filter((d) => known.has(d) && d !== id))]));
  const done = new Set<string>();
  const running = new Map<string, Promise<void>>();
  let failure: { error: unknown } | undefined;

  const ready = () => ids.filter((id) => !done.has(id) && !running.has(id) && [...waitingFor.get(id)!].every((d) => done.has(d)));
  for (;;) {
    if (!failure) {
      for (const id of ready()) {
        if (running.size >= limit) break;
        running.set(id, run(id).then(() => { done.add(id); }, (error) => { failure ??= { error }; }).finally(() => running.delete(id)));
      }
    }
    if (failure && afterFailure.runsInProgress === 'abandon') {
      for (const [id, pending] of running) afterFailure.onAbandon?.(id, pending);
      break;
    }
    if (running.size === 0) break;
    await Promise.race(running.values());
  }
  if (failure) throw failure.error;
  const blocked = ids.filter((id) => !done.has(id));
  if (blocked.length > 0) throw new Error(`circular dependency among ${blocked.join(', ')}`);
}
