// Deploys and destroys one stack of a cloud assembly the way CloudFormation would, with custom resources driven
// through their Lambda code and everything else simulated: dependency order, Create/Update/Delete events with
// old and new properties, replacement cleanup after success, rollback after a failure (rollback.ts), export checks,
// deletion policies, and the stack's status published as it moves (for DescribeStacks).
import { randomUUID } from 'node:crypto';
import { AssemblyStack, dependencyOrder, TemplateResource } from './cloud-assembly';
import { SentEvent } from './custom-resource-invoker';
import { DEFAULT_CONCURRENCY, DeployerOptions, setStackStatus, STACK_TYPE, StackContext } from './deploy-context';
import { InFlightResources } from './in-flight';
import { references, resolve } from './intrinsics';
import { redeliverLate } from './late-redelivery';
import { runByDependencies } from './parallel';
import { literalImports, stackResolveContext } from './resolve-context';
import { applyCustomResource, applySimulatedResource, deleteResource, isCustomResource, retainedBy } from './resource-operations';
import { JournalEntry, rollBackStack } from './rollback';
import { prepareStackInputs, StackInputs } from './stack-inputs';
import { DeployedOutput, DeployedResource, DeployedStack, StackStateStore } from './stack-state';
import { canonicalJson } from '../canonical-json';

export type { DeployerOptions, ProgressEvent } from './deploy-context';

export interface StackResult {
  readonly stackName: string;
  readonly status: string;
  readonly failed: boolean;
  readonly changed: boolean;
  readonly outputs: Record<string, DeployedOutput>;
  readonly reason?: string;
}

/** A stack whose creation failed: CloudFormation cannot update it, only delete it (ROLLBACK_COMPLETE, ROLLBACK_FAILED;
 * the CDK CLI's StackStatus.isCreationFailure). */
export function isCreationFailure(status: string): boolean {
  return status === 'ROLLBACK_COMPLETE' || status === 'ROLLBACK_FAILED';
}

/** Deploys `stack` with `inputs` (prepared with the other stacks of the deploy: stack-inputs.ts), or prepares them
 * first; a stack whose inputs are refused is left as it is, before anything is sent. */
export async function deployStack(stack: AssemblyStack, o: DeployerOptions, inputs?: StackInputs): Promise<StackResult> {
  let previous = o.states.load(stack.name);
  if (!inputs) {
    const prepared = prepareStackInputs(stack, o.inputs ?? {}, previous, o.env);
    if (!prepared.inputs) {
      const reason = prepared.problems.join('; ');
      return { stackName: stack.name, status: previous?.status ?? 'NOT_CREATED', failed: true, changed: false, outputs: previous?.outputs ?? {}, reason };
    }
    inputs = prepared.inputs;
  }
  if (previous && isCreationFailure(previous.status)) {
    // As the CDK CLI does ("previously failed creation"): delete the stack, then create it afresh, a new stack id.
    const deleted = await destroyStack(stack.name, o);
    if (deleted.failed) return deleted;
    previous = undefined;
  }
  const stackId = previous?.stackId ?? `arn:aws:cloudformation:${o.env.region}:${o.env.account}:stack/${stack.name}/${randomUUID()}`;
  const resources: Record<string, DeployedResource> = {};
  const sentEvents: SentEvent[] = [];
  const ctx: StackContext = { stackName: stack.name, stackId, resources, previous: previous?.resources, options: o, sentEvents };
  try {
    return await applyStack(stack, ctx, previous, inputs);
  } finally {
    if (o.redeliverLate) await redeliverLate(ctx);
  }
}

/** The create or update of `stack` (`previous`: as deployed before), then its cleanup or its rollback. */
async function applyStack(stack: AssemblyStack, ctx: StackContext, previous: DeployedStack | undefined, inputs: StackInputs): Promise<StackResult> {
  const { options: o, stackId, resources } = ctx;
  // DescribeStacks answers the status the stack was left in until this operation moves it.
  if (previous) o.cloudFormation?.setStackStatus(stackId, stack.name, previous.status);
  const verb = previous ? 'UPDATE' : 'CREATE';

  // Like a change set, a missing import fails the deployment before anything changes.
  const missing = literalImports(stack.template).find((name) => !o.states.findExport(name));
  if (missing) {
    const reason = `No export named ${missing} found`;
    o.report({ stackName: stack.name, logicalId: stack.name, resourceType: STACK_TYPE, status: `${verb}_FAILED`, reason });
    return { stackName: stack.name, status: previous?.status ?? 'NOT_CREATED', failed: true, changed: false, outputs: previous?.outputs ?? {}, reason };
  }

  const imports = new Set<string>();
  const resolveCtx = stackResolveContext(stack.name, stackId, stack.template, o.env, resources, o.states, imports, inputs.parameterValues);
  const active = Object.entries(stack.template.Resources).filter(([, r]) => !r.Condition || resolveCtx.condition(r.Condition));
  const activeIds = new Set(active.map(([id]) => id));
  const dependsOn = (resource: TemplateResource) => [...references(resource.Properties), ...[resource.DependsOn ?? []].flat()]
    .filter((id, i, all) => activeIds.has(id) && all.indexOf(id) === i);
  // Refuses a cycle before anything is deployed, as CloudFormation validates the template first.
  dependencyOrder(active, ([id]) => id, ([, r]) => dependsOn(r));
  // What CloudFormation keeps of the template besides the resource itself: dependencies and policies.
  const record = (resource: DeployedResource, definition: TemplateResource): DeployedResource => ({
    ...resource,
    dependsOn: dependsOn(definition),
    deletionPolicy: definition.DeletionPolicy,
    updateReplacePolicy: definition.UpdateReplacePolicy,
  });

  const journal: JournalEntry[] = [];
  const cleanup: Array<[string, DeployedResource, string | undefined]> = [];
  let started = false;
  const start = () => {
    if (!started) setStackStatus(ctx, `${verb}_IN_PROGRESS`);
    started = true;
  };
  try {
    // Independent resources in parallel, as CloudFormation does; after a failure nothing new starts and what is in
    // progress finishes before the rollback, or is cancelled (--in-flight, in-flight.ts; parallel.ts).
    const definitions = new Map(active);
    const concurrency = o.concurrency ?? DEFAULT_CONCURRENCY;
    const inFlight = new InFlightResources(ctx);
    await runByDependencies(active.map(([id]) => id), (id) => dependsOn(definitions.get(id)!), concurrency, async (logicalId) => {
      const definition = definitions.get(logicalId)!;
      // Dynamic references are resolved after the intrinsic functions, as CloudFormation sends a custom resource its
      // ssm references' values.
      const properties = inputs.resolveReferences(resolve(definition.Properties ?? {}, resolveCtx) ?? {}) as Record<string, unknown>;
      const before = previous?.resources[logicalId]?.type === definition.Type ? previous.resources[logicalId] : undefined;
      if (before && canonicalJson(before.properties) === canonicalJson(properties)) {
        resources[logicalId] = record(before, definition);
        return;
      }
      start();
      if (o.failResources?.includes(logicalId)) {
        const reason = `${logicalId} (${definition.Type}): failed on purpose (fault injection: fail-resource)`;
        o.report({ stackName: stack.name, logicalId, resourceType: definition.Type, status: `${before ? 'UPDATE' : 'CREATE'}_FAILED`, reason });
        throw new Error(reason);
      }
      const cancelled = inFlight.start(logicalId, definition.Type, properties, before);
      if (isCustomResource(definition.Type)) {
        const outcome = await applyCustomResource(ctx, logicalId, definition.Type, properties, before, cancelled);
        if (cancelled.aborted) return; // CloudFormation no longer listens: nothing recorded
        inFlight.finish(logicalId);
        journal.push({ logicalId, before, after: record(outcome.after, definition), custom: outcome });
        if (outcome.status !== 'SUCCESS') throw new Error(`${logicalId} (${definition.Type}): ${outcome.reason ?? 'failed'}`);
        resources[logicalId] = record(outcome.after, definition);
      } else {
        inFlight.finish(logicalId);
        resources[logicalId] = record(applySimulatedResource(ctx, stack, logicalId, definition.Type, properties, before), definition);
        journal.push({ logicalId, before, after: resources[logicalId] });
      }
      if (before && before.physicalId !== resources[logicalId].physicalId) {
        cleanup.push([logicalId, before, retainedBy(resources[logicalId], 'replaced')]);
      }
    }, {
      runsInProgress: o.inFlight === 'cancel' ? 'abandon' : 'wait',
      onAbandon: (logicalId, run) => {
        const entry = inFlight.cancel(logicalId, run);
        if (entry) journal.push(entry);
      },
    });

    const outputs = resolveOutputs(stack, resolveCtx, inputs);
    checkExports(stack.name, previous?.outputs ?? {}, outputs, o.states);
    const removed = previous ? deletionOrder(previous.resources).filter((id) => !activeIds.has(id)) : [];
    cleanup.push(...removed.map((id): [string, DeployedResource, string | undefined] =>
      [id, previous!.resources[id], retainedBy(previous!.resources[id], 'removed')]));
    const policiesChanged = Object.entries(resources).some(([id, r]) => previous?.resources[id]
      && (previous.resources[id].deletionPolicy !== r.deletionPolicy || previous.resources[id].updateReplacePolicy !== r.updateReplacePolicy));
    const changed = !previous || journal.length > 0 || removed.length > 0 || policiesChanged
      || canonicalJson(outputs) !== canonicalJson(previous.outputs)
      || canonicalJson([...imports].sort()) !== canonicalJson([...previous.imports].sort())
      || canonicalJson(inputs.recordedParameters) !== canonicalJson(previous.parameters ?? {});
    if (!changed) {
      return { stackName: stack.name, status: previous.status, failed: false, changed: false, outputs };
    }
    start();

    const status = `${verb}_COMPLETE`;
    o.states.save({ stackName: stack.name, stackId, status, resources, outputs, imports: [...imports], parameters: inputs.recordedParameters });
    if (cleanup.length > 0) setStackStatus(ctx, `${verb}_COMPLETE_CLEANUP_IN_PROGRESS`);
    for (const [logicalId, old, retained] of cleanup) {
      // A failed cleanup delete is reported but does not fail the stack, as in CloudFormation (CFN custom resource
      // docs; aws-cdk docs/CLOUDFORMATION.md).
      await deleteResource(ctx, logicalId, old, retained);
    }
    setStackStatus(ctx, status);
    return { stackName: stack.name, status, failed: false, changed: true, outputs };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const rollback = await rollBackStack(ctx, journal, !!previous, reason);
    // A stack whose creation rolled back stays, holding what could not be deleted, until it is deleted: the next
    // deploy deletes it first, as the CDK CLI does (deployStack).
    if (previous) o.states.save({ ...previous, status: rollback.status });
    else o.states.save({ stackName: stack.name, stackId, status: rollback.status, resources: rollback.remaining ?? {}, outputs: {}, imports: [] });
    const why = rollback.failure ? `${reason}; the rollback failed too: ${rollback.failure}` : reason;
    return { stackName: stack.name, status: rollback.status, failed: true, changed: true, outputs: previous?.outputs ?? {}, reason: why };
  }
}

/** Deletes every resource of a deployed stack, dependents first, except those a DeletionPolicy keeps. Refused while
 * another stack imports its exports. */
export async function destroyStack(stackName: string, o: DeployerOptions): Promise<StackResult> {
  const deployed = o.states.load(stackName);
  if (!deployed) return { stackName, status: 'DOES_NOT_EXIST', failed: false, changed: false, outputs: {} };
  const remaining = { ...deployed.resources };
  const ctx: StackContext = { stackName, stackId: deployed.stackId, resources: remaining, options: o, sentEvents: [] };
  try {
    return await deleteStack(ctx, deployed);
  } finally {
    if (o.redeliverLate) await redeliverLate(ctx);
  }
}

/** Deletes the resources of `deployed` (ctx.resources: those not deleted yet). */
async function deleteStack(ctx: StackContext, deployed: DeployedStack): Promise<StackResult> {
  const { options: o, stackName, resources: remaining } = ctx;
  for (const output of Object.values(deployed.outputs)) {
    const importers = output.exportName ? o.states.importers(output.exportName, stackName) : [];
    if (importers.length > 0) {
      const reason = `Export ${output.exportName} cannot be deleted as it is in use by ${importers.join(', ')}`;
      setStackStatus(ctx, 'DELETE_FAILED', reason);
      return { stackName, status: deployed.status, failed: true, changed: false, outputs: deployed.outputs, reason };
    }
  }
  setStackStatus(ctx, 'DELETE_IN_PROGRESS');
  let failure: string | undefined;
  for (const logicalId of deletionOrder(deployed.resources)) {
    // Keep what a resource that failed to delete still depends on (its function), so a retry can delete it.
    if (Object.values(remaining).some((r) => r !== remaining[logicalId] && r.dependsOn.includes(logicalId))) continue;
    const result = await deleteResource(ctx, logicalId, remaining[logicalId], retainedBy(remaining[logicalId], 'removed'));
    if (result.ok) delete remaining[logicalId];
    else failure ??= `${logicalId}: ${result.reason}`;
  }
  if (failure) {
    o.states.save({ ...deployed, status: 'DELETE_FAILED', resources: remaining });
    setStackStatus(ctx, 'DELETE_FAILED', failure);
    return { stackName, status: 'DELETE_FAILED', failed: true, changed: true, outputs: deployed.outputs, reason: failure };
  }
  o.states.remove(stackName);
  setStackStatus(ctx, 'DELETE_COMPLETE');
  return { stackName, status: 'DELETE_COMPLETE', failed: false, changed: true, outputs: {} };
}

function resolveOutputs(stack: AssemblyStack, ctx: ReturnType<typeof stackResolveContext>, inputs: StackInputs): Record<string, DeployedOutput> {
  const outputs: Record<string, DeployedOutput> = {};
  for (const [name, output] of Object.entries(stack.template.Outputs ?? {})) {
    if (output.Condition && !ctx.condition(output.Condition)) continue;
    const exportName = output.Export ? String(inputs.resolveReferences(resolve(output.Export.Name, ctx))) : undefined;
    outputs[name] = { value: inputs.resolveReferences(resolve(output.Value, ctx)), ...(exportName ? { exportName } : {}) };
  }
  return outputs;
}

/** CloudFormation's export rules: names are unique in the account and region, and an export another stack imports
 * can be neither changed nor removed. Exports are updated after the resources, so a refusal rolls them back. */
function checkExports(stackName: string, before: Record<string, DeployedOutput>, after: Record<string, DeployedOutput>, states: StackStateStore) {
  for (const output of Object.values(after)) {
    const owner = output.exportName ? states.findExport(output.exportName) : undefined;
    if (owner && owner.stackName !== stackName) throw new Error(`Export with name ${output.exportName} is already exported by stack ${owner.stackName}`);
  }
  for (const old of Object.values(before)) {
    if (!old.exportName) continue;
    const now = Object.values(after).find((o) => o.exportName === old.exportName);
    if (now && canonicalJson(now.value) === canonicalJson(old.value)) continue;
    const importers = states.importers(old.exportName, stackName);
    if (importers.length > 0) {
      throw new Error(`Cannot ${now ? 'update' : 'delete'} export ${old.exportName} as it is in use by ${importers.join(', ')}`);
    }
  }
}

/** Dependents before what they depend on. */
function deletionOrder(resources: Record<string, DeployedResource>): string[] {
  return dependencyOrder(Object.keys(resources), (id) => id, (id) => resources[id].dependsOn).reverse();
}

