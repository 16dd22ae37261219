// CloudFormation's rollback of a failed stack operation, from the journal of what the operation did, newest first.
// Statuses are the StackStatus values of the CloudFormation API reference ("Stack" data type):
// - a failed create: ROLLBACK_IN_PROGRESS ("removal of one or more stacks after a failed stack creation"), every
//   resource it created deleted, then ROLLBACK_COMPLETE, or ROLLBACK_FAILED if a delete fails;
// - a failed update: UPDATE_ROLLBACK_IN_PROGRESS ("return ... to the previous working state"), in which custom
//   resources updated in place, and the one whose Update failed, get an Update back to their old properties at their
//   pre-update physical id; then UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS ("removal of new resources"), in which
//   what the failed update created is deleted: new resources and the new physical ids of replacements; then
//   UPDATE_ROLLBACK_COMPLETE, or UPDATE_ROLLBACK_FAILED if an Update back fails.
// A resource CloudFormation cancelled (in-flight.ts): a Create has no physical id on record, so nothing is deleted
// (DELETE_SKIPPED, with the reason); an Update gets the Update back to its pre-update physical id.
import { reportResource, setStackStatus, StackContext } from './deploy-context';
import { CustomOutcome, deleteResource, isCustomResource, retainedBy, updateBack } from './resource-operations';
import { DeployedResource } from './stack-state';

/** One resource the failed operation acted on. */
export interface JournalEntry {
  readonly logicalId: string;
  /** As it was before the operation; undefined if the operation created it. */
  readonly before?: DeployedResource;
  /** As the operation left it (with the template's policies). */
  readonly after: DeployedResource;
  /** For a custom resource: what its Create or Update came to. */
  readonly custom?: CustomOutcome;
  /** CloudFormation cancelled it while in progress (another resource failed): its outcome is not known. */
  readonly cancelled?: boolean;
}

export interface RollbackResult {
  /** The stack's final status. */
  readonly status: string;
  /** Why the rollback itself failed, if it did. */
  readonly failure?: string;
  /** After a failed create: the resources the rollback could not delete (they stay in the ROLLBACK_FAILED stack). */
  readonly remaining?: Record<string, DeployedResource>;
}

const NOTHING_TO_DELETE = 'its creation was cancelled before an answer, so CloudFormation recorded no physical id and has '
  + 'nothing to delete; what its function did, or still does, is not undone';

/** Rolls back the operation that wrote `journal`; `updating`: the stack existed before it. Reports as it goes. */
export async function rollBackStack(ctx: StackContext, journal: readonly JournalEntry[], updating: boolean, reason: string): Promise<RollbackResult> {
  const newestFirst = [...journal].reverse();
  if (!updating) {
    setStackStatus(ctx, 'ROLLBACK_IN_PROGRESS', reason);
    let failure: string | undefined;
    const remaining: Record<string, DeployedResource> = {};
    for (const { logicalId, after, cancelled } of newestFirst) {
      if (cancelled) {
        reportResource(ctx, logicalId, after.type, 'DELETE_SKIPPED', { reason: NOTHING_TO_DELETE });
        continue;
      }
      // What a resource that failed to delete depends on (its function) is kept, so that a later delete can run.
      if (Object.values(remaining).some((r) => r.dependsOn.includes(logicalId))) {
        remaining[logicalId] = after;
        continue;
      }
      // A failed Create is deleted too, at the physical id its answer carried (the handler's CREATE_FAILED marker).
      const result = await deleteResource(ctx, logicalId, after, retainedBy(after, 'rolled-back-create'));
      if (!result.ok) {
        failure ??= `${logicalId}: ${result.reason}`;
        remaining[logicalId] = after;
      }
    }
    const status = failure ? 'ROLLBACK_FAILED' : 'ROLLBACK_COMPLETE';
    setStackStatus(ctx, status, failure ?? sideEffectsNote(journal));
    return { status, failure, remaining };
  }

  setStackStatus(ctx, 'UPDATE_ROLLBACK_IN_PROGRESS', reason);
  const cleanup: Array<[string, DeployedResource, boolean | undefined]> = [];
  let failure: string | undefined;
  const restore = async (logicalId: string, before: DeployedResource, after: DeployedResource) => {
    if (!(await updateBack(ctx, logicalId, before, after.properties, before.physicalId))) failure ??= `${logicalId}: its rollback Update failed`;
  };
  for (const { logicalId, before, after, custom, cancelled } of newestFirst) {
    if (!before) {
      cleanup.push([logicalId, after, cancelled]);
    } else if (!isCustomResource(after.type)) {
      reportResource(ctx, logicalId, after.type, 'UPDATE_COMPLETE', { physicalId: before.physicalId, reason: 'simulated (rollback)' });
    } else if (custom?.refused) {
      // Refused by CloudFormation before any event was sent: nothing changed, nothing to restore.
    } else if (custom?.status === 'FAILED') {
      // The rollback Update goes to the pre-update physical id whatever the FAILED answer carried; an id it carried
      // is recorded by CloudFormation and later sent a Delete (aws/aws-cdk #13527, #30012).
      if (custom.answeredPhysicalId !== undefined && custom.answeredPhysicalId !== before.physicalId) {
        reportResource(ctx, logicalId, after.type, 'UPDATE_FAILED', {
          physicalId: custom.answeredPhysicalId,
          reason: `the FAILED answer carried another physical id than the pre-update one (${before.physicalId}); `
            + 'CloudFormation records it and sends it a Delete in the cleanup (aws/aws-cdk #13527, #30012)',
        });
        cleanup.push([logicalId, { ...after, physicalId: custom.answeredPhysicalId }, false]);
      }
      await restore(logicalId, before, after);
    } else if (after.physicalId === before.physicalId) {
      // Updated in place, or cancelled while its Update was out: back to the old properties at the same id.
      await restore(logicalId, before, after);
    } else {
      // A successful replacement: the old physical resource is still there; its replacement goes in the cleanup.
      // Whether CloudFormation also sends the old id an Update back is not documented: optional, both must be safe.
      cleanup.push([logicalId, after, false]);
      if (ctx.options.rollbackUpdateAfterReplacement) await restore(logicalId, before, after);
    }
  }
  if (failure) {
    setStackStatus(ctx, 'UPDATE_ROLLBACK_FAILED', failure);
    return { status: 'UPDATE_ROLLBACK_FAILED', failure };
  }
  if (cleanup.length > 0) {
    setStackStatus(ctx, 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS');
    // A failed delete here is reported but does not fail the stack, as in UPDATE_COMPLETE_CLEANUP_IN_PROGRESS (CFN
    // custom resource docs; not documented for the rollback's cleanup).
    for (const [logicalId, resource, cancelled] of cleanup) {
      if (cancelled) reportResource(ctx, logicalId, resource.type, 'DELETE_SKIPPED', { reason: NOTHING_TO_DELETE });
      else await deleteResource(ctx, logicalId, resource, retainedBy(resource, 'rolled-back-create'));
    }
  }
  setStackStatus(ctx, 'UPDATE_ROLLBACK_COMPLETE', sideEffectsNote(journal));
  return { status: 'UPDATE_ROLLBACK_COMPLETE' };
}

/** Custom resources whose effect a rollback cannot take back: a new physical id (something was created), or no
 * answer (what the function did is unknown). */
function sideEffectsNote(journal: readonly JournalEntry[]): string | undefined {
  const kept = journal.flatMap(({ logicalId, before, after, custom, cancelled }) => {
    if (cancelled && isCustomResource(after.type)) return [`${logicalId} (cancelled: what its function did is unknown)`];
    if (custom?.noAnswer) return [`${logicalId} (no answer: what its function did is unknown)`];
    if (custom?.status === 'SUCCESS' && before?.physicalId !== after.physicalId) return [`${logicalId} (${after.physicalId})`];
    return [];
  });
  return kept.length ? `what these custom resources did before the failure is not undone by the rollback: ${kept.join(', ')}` : undefined;
}
