// Work the local deploy no longer waits for but must not abandon: a custom resource's invocation that CloudFormation
// stopped listening to (cancelled, see in-flight.ts) still runs in Lambda. The command awaits it all at the very end,
// before it stops the local endpoints, so that no invocation is cut off by the process exiting under it.
export class BackgroundWork {
  private readonly pending: Array<Promise<unknown>> = [];

  /** Keeps `work` to be awaited later; its failure is its own business (it was reported where it happened). */
  public add(work: Promise<unknown>): void {
    this.pending.push(work.catch(() => undefined));
  }

  /** Waits for everything added so far, and for what that adds in turn. */
  public async settle(): Promise<void> {
    while (this.pending.length > 0) await Promise.all(this.pending.splice(0));
  }
}
