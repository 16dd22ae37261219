// What CloudFormation does with a resource still in progress when another resource of the stack fails. It is not
// documented. Stack events users have shared show such resources ending CREATE_FAILED "Resource creation cancelled"
// or UPDATE_FAILED "Resource update cancelled", and the rollback starting without waiting for them; whether an answer
// that arrives afterwards is recorded is not documented either. Lambda does not know: the function's invocation goes
// on, and its call to the service may still complete after the rollback began.
//
// `--in-flight wait` (the default) lets them finish before the rollback. `--in-flight cancel` does what those events
// show: every resource in progress is reported cancelled at once, the stack moves to its rollback status at once
// (DescribeStacks says so while the invocation still runs), and the answer that still comes is ignored (reported,
// never recorded). The invocation runs on in the background (BackgroundWork). In the rollback (rollback.ts) a
// cancelled Create has no physical id on record, so there is nothing to delete: it is reported DELETE_SKIPPED with
// the reason; a cancelled Update is sent the Update back to its pre-update physical id, as a failed Update is.
import { reportResource, StackContext } from './deploy-context';
import { JournalEntry } from './rollback';
import { DeployedResource } from './stack-state';

/** CloudFormation's reasons for a cancelled resource, as its stack events show them. */
export const CREATE_CANCELLED = 'Resource creation cancelled';
export const UPDATE_CANCELLED = 'Resource update cancelled';

interface Running {
  readonly controller: AbortController;
  readonly type: string;
  readonly properties: Record<string, unknown>;
  readonly before?: DeployedResource;
}

/** The resources of one stack operation that are in progress, and their cancellation. */
export class InFlightResources {
  private readonly running = new Map<string, Running>();

  public constructor(private readonly ctx: StackContext) {}

  /** A resource's create (no `before`) or update starts; the signal fires if CloudFormation cancels it. */
  public start(logicalId: string, type: string, properties: Record<string, unknown>, before?: DeployedResource): AbortSignal {
    const controller = new AbortController();
    this.running.set(logicalId, { controller, type, properties, before });
    return controller.signal;
  }

  public finish(logicalId: string): void {
    this.running.delete(logicalId);
  }

  /**
   * Cancels a resource in progress: reported CREATE_FAILED/UPDATE_FAILED with CloudFormation's reason, its run handed
   * to the background work, and the journal entry the rollback needs returned (undefined if it was not in progress).
   */
  public cancel(logicalId: string, run: Promise<void>): JournalEntry | undefined {
    const resource = this.running.get(logicalId);
    if (!resource) return undefined;
    this.running.delete(logicalId);
    resource.controller.abort();
    const { type, properties, before } = resource;
    reportResource(this.ctx, logicalId, type, before ? 'UPDATE_FAILED' : 'CREATE_FAILED', {
      physicalId: before?.physicalId,
      reason: before ? UPDATE_CANCELLED : CREATE_CANCELLED,
    });
    this.ctx.options.background?.add(run);
    // A cancelled Create has no physical id: CloudFormation recorded none.
    const after: DeployedResource = { ...(before ?? { physicalId: '', attributes: {}, dependsOn: [] }), type, properties };
    return { logicalId, before, after, cancelled: true };
  }
}
