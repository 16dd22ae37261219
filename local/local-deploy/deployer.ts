// Deploys and destroys one stack of a cloud assembly the way CloudFormation would, with custom resources driven
// through their Lambda code and everything else simulated: dependency order, Create/Update/Delete events with
// old and new properties, replacement cleanup after success, rollback after a failure, export checks.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AssemblyStack, dependencyOrder, TemplateResource } from './cloud-assembly';
import { CustomResourceRequest, invokeCustomResource } from './custom-resource-invoker';
import { references, resolve } from './intrinsics';
import { LocalFunction, localFunction } from './lambda-runner';
import { literalImports, stackResolveContext } from './resolve-context';
import { ResponseReceiver } from './response-receiver';
import { Environment, simulateResource } from './simulated-resources';
import { DeployedOutput, DeployedResource, StackStateStore } from './stack-state';
import { canonicalJson } from '../../lambda/engagement-invitation/canonical-json';

const STACK_TYPE = 'AWS::CloudFormation::Stack';

export interface ProgressEvent {
  readonly stackName: string;
  readonly logicalId: string;
  readonly resourceType: string;
  readonly status: string;
  readonly physicalId?: string;
  readonly reason?: string;
  /** The custom resource event's RequestId (the invitation's ClientToken). */
  readonly requestId?: string;
  readonly durationMs?: number;
}

export interface DeployerOptions {
  readonly states: StackStateStore;
  readonly env: Environment;
  readonly receiver: ResponseReceiver;
  /** Added to every function's environment: the local endpoint's URL and dummy credentials. */
  readonly functionEnvironment: Record<string, string>;
  readonly report: (event: ProgressEvent) => void;
}

export interface StackResult {
  readonly stackName: string;
  readonly status: string;
  readonly failed: boolean;
  readonly changed: boolean;
  readonly outputs: Record<string, DeployedOutput>;
  readonly reason?: string;
}

interface JournalEntry {
  readonly logicalId: string;
  readonly before?: DeployedResource;
  readonly after: DeployedResource;
  /** A custom resource that answered SUCCESS (with a new physical id, its side effect is not undone by a rollback). */
  readonly completedCustom?: boolean;
}

export async function deployStack(stack: AssemblyStack, o: DeployerOptions): Promise<StackResult> {
  const previous = o.states.load(stack.name);
  const stackId = previous?.stackId ?? `arn:aws:cloudformation:${o.env.region}:${o.env.account}:stack/${stack.name}/${randomUUID()}`;
  const report = (logicalId: string, resourceType: string, status: string, extra: Partial<ProgressEvent> = {}) =>
    o.report({ stackName: stack.name, logicalId, resourceType, status, ...extra });
  const stackEvent = (status: string, reason?: string) => report(stack.name, STACK_TYPE, status, { reason });
  const verb = previous ? 'UPDATE' : 'CREATE';

  // Like a change set, a missing import fails the deployment before anything changes.
  const missing = literalImports(stack.template).find((name) => !o.states.findExport(name));
  if (missing) {
    const reason = `No export named ${missing} found`;
    stackEvent(`${verb}_FAILED`, reason);
    return { stackName: stack.name, status: previous?.status ?? 'NOT_CREATED', failed: true, changed: false, outputs: previous?.outputs ?? {}, reason };
  }

  const resources: Record<string, DeployedResource> = {};
  const imports = new Set<string>();
  const ctx = stackResolveContext(stack.name, stackId, stack.template, o.env, resources, o.states, imports);
  const active = Object.entries(stack.template.Resources).filter(([, r]) => !r.Condition || ctx.condition(r.Condition));
  const activeIds = new Set(active.map(([id]) => id));
  const dependsOn = (resource: TemplateResource) => [...references(resource.Properties), ...[resource.DependsOn ?? []].flat()]
    .filter((id, i, all) => activeIds.has(id) && all.indexOf(id) === i);
  const order = dependencyOrder(active, ([id]) => id, ([, r]) => dependsOn(r));

  const journal: JournalEntry[] = [];
  const cleanup: Array<[string, DeployedResource]> = [];
  try {
    for (const [logicalId, definition] of order) {
      const properties = (resolve(definition.Properties ?? {}, ctx) ?? {}) as Record<string, unknown>;
      const before = previous?.resources[logicalId]?.type === definition.Type ? previous.resources[logicalId] : undefined;
      if (before && canonicalJson(before.properties) === canonicalJson(properties)) {
        resources[logicalId] = { ...before, dependsOn: dependsOn(definition) };
        continue;
      }
      if (journal.length === 0) stackEvent(`${verb}_IN_PROGRESS`);
      const after = isCustomResource(definition.Type)
        ? await applyCustomResource(stack, stackId, logicalId, definition.Type, properties, before, resources, o, journal)
        : applySimulatedResource(stack, logicalId, definition.Type, properties, before, o, report);
      resources[logicalId] = { ...after, dependsOn: dependsOn(definition) };
      if (!isCustomResource(definition.Type)) journal.push({ logicalId, before, after: resources[logicalId] });
      if (before && before.physicalId !== after.physicalId) cleanup.push([logicalId, before]);
    }

    const outputs = resolveOutputs(stack, ctx);
    checkExports(stack.name, previous?.outputs ?? {}, outputs, o.states);
    const removed = previous ? deletionOrder(previous.resources).filter((id) => !activeIds.has(id)) : [];
    cleanup.push(...removed.map((id): [string, DeployedResource] => [id, previous!.resources[id]]));
    const changed = !previous || journal.length > 0 || removed.length > 0 || canonicalJson(outputs) !== canonicalJson(previous.outputs)
      || canonicalJson([...imports].sort()) !== canonicalJson([...previous.imports].sort());
    if (!changed) {
      return { stackName: stack.name, status: previous.status, failed: false, changed: false, outputs };
    }
    if (journal.length === 0) stackEvent(`${verb}_IN_PROGRESS`);

    const status = `${verb}_COMPLETE`;
    o.states.save({ stackName: stack.name, stackId, status, resources, outputs, imports: [...imports] });
    if (cleanup.length > 0) stackEvent(`${verb}_COMPLETE_CLEANUP_IN_PROGRESS`);
    for (const [logicalId, old] of cleanup) {
      // A failed cleanup delete is reported but does not fail the stack, as in CloudFormation.
      await deleteResource(stack.name, stackId, logicalId, old, resources, o);
    }
    stackEvent(status);
    return { stackName: stack.name, status, failed: false, changed: true, outputs };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    stackEvent(previous ? 'UPDATE_ROLLBACK_IN_PROGRESS' : 'ROLLBACK_IN_PROGRESS', reason);
    await rollBack(stack.name, stackId, journal, resources, o);
    const status = previous ? 'UPDATE_ROLLBACK_COMPLETE' : 'ROLLBACK_COMPLETE';
    // A stack whose creation rolled back holds nothing: the next deploy creates it afresh (as the CDK CLI does).
    if (previous) o.states.save({ ...previous, status });
    else o.states.remove(stack.name);
    // Custom resources that created something (a new physical id): a rollback's Delete cannot take that back.
    const kept = journal.filter((e) => e.completedCustom && e.before?.physicalId !== e.after.physicalId)
      .map((e) => `${e.logicalId} (${e.after.physicalId})`);
    stackEvent(status, kept.length ? `what these custom resources did before the failure is not undone by the rollback: ${kept.join(', ')}` : undefined);
    return { stackName: stack.name, status, failed: true, changed: true, outputs: previous?.outputs ?? {}, reason };
  }
}

/** Deletes every resource of a deployed stack, dependents first. Refused while another stack imports its exports. */
export async function destroyStack(stackName: string, o: DeployerOptions): Promise<StackResult> {
  const deployed = o.states.load(stackName);
  if (!deployed) return { stackName, status: 'DOES_NOT_EXIST', failed: false, changed: false, outputs: {} };
  const stackEvent = (status: string, reason?: string) => o.report({ stackName, logicalId: stackName, resourceType: STACK_TYPE, status, reason });

  for (const output of Object.values(deployed.outputs)) {
    const importers = output.exportName ? o.states.importers(output.exportName, stackName) : [];
    if (importers.length > 0) {
      const reason = `Export ${output.exportName} cannot be deleted as it is in use by ${importers.join(', ')}`;
      stackEvent('DELETE_FAILED', reason);
      return { stackName, status: deployed.status, failed: true, changed: false, outputs: deployed.outputs, reason };
    }
  }
  stackEvent('DELETE_IN_PROGRESS');
  const remaining = { ...deployed.resources };
  let failure: string | undefined;
  for (const logicalId of deletionOrder(deployed.resources)) {
    // Keep what a resource that failed to delete still depends on (its function), so a retry can delete it.
    if (Object.values(remaining).some((r) => r !== remaining[logicalId] && r.dependsOn.includes(logicalId))) continue;
    const result = await deleteResource(stackName, deployed.stackId, logicalId, remaining[logicalId], remaining, o);
    if (result.ok) delete remaining[logicalId];
    else failure ??= `${logicalId}: ${result.reason}`;
  }
  if (failure) {
    o.states.save({ ...deployed, status: 'DELETE_FAILED', resources: remaining });
    stackEvent('DELETE_FAILED', failure);
    return { stackName, status: 'DELETE_FAILED', failed: true, changed: true, outputs: deployed.outputs, reason: failure };
  }
  o.states.remove(stackName);
  stackEvent('DELETE_COMPLETE');
  return { stackName, status: 'DELETE_COMPLETE', failed: false, changed: true, outputs: {} };
}

function isCustomResource(type: string): boolean {
  return type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource';
}

async function applyCustomResource(
  stack: AssemblyStack,
  stackId: string,
  logicalId: string,
  resourceType: string,
  properties: Record<string, unknown>,
  before: DeployedResource | undefined,
  resources: Record<string, DeployedResource>,
  o: DeployerOptions,
  journal: JournalEntry[],
): Promise<DeployedResource> {
  const verb = before ? 'UPDATE' : 'CREATE';
  o.report({ stackName: stack.name, logicalId, resourceType, status: `${verb}_IN_PROGRESS` });
  const started = Date.now();
  const result = await sendEvent(properties, {
    requestType: before ? 'Update' : 'Create',
    stackId,
    logicalId,
    resourceType,
    properties,
    oldProperties: before?.properties,
    physicalId: before?.physicalId,
  }, resources, o);
  const after: DeployedResource = {
    type: resourceType,
    physicalId: result.physicalId ?? before?.physicalId ?? `${stack.name}-${logicalId}-${result.requestId}`,
    properties,
    attributes: result.data,
    dependsOn: [],
  };
  // A failed resource is rolled back too (CloudFormation sends the failed Create's physical id a Delete).
  journal.push({ logicalId, before, after, completedCustom: result.status === 'SUCCESS' });
  o.report({
    stackName: stack.name,
    logicalId,
    resourceType,
    status: `${verb}_${result.status === 'SUCCESS' ? 'COMPLETE' : 'FAILED'}`,
    physicalId: after.physicalId,
    reason: result.reason,
    requestId: result.requestId,
    durationMs: Date.now() - started,
  });
  if (result.status !== 'SUCCESS') throw new Error(`${logicalId} (${resourceType}): ${result.reason ?? 'failed'}`);
  return after;
}

function applySimulatedResource(
  stack: AssemblyStack,
  logicalId: string,
  type: string,
  properties: Record<string, any>,
  before: DeployedResource | undefined,
  o: DeployerOptions,
  report: (logicalId: string, type: string, status: string, extra?: Partial<ProgressEvent>) => void,
): DeployedResource {
  const simulated = simulateResource(stack.name, logicalId, type, properties, o.env, before);
  const fn = type === 'AWS::Lambda::Function' ? deployFunctionCode(stack, simulated.physicalId, simulated.attributes.Arn as string, properties, o) : undefined;
  report(logicalId, type, `${before ? 'UPDATE' : 'CREATE'}_COMPLETE`, { physicalId: simulated.physicalId, reason: 'simulated' });
  return { type, physicalId: simulated.physicalId, properties, attributes: simulated.attributes, dependsOn: [], ...(fn ? { function: fn } : {}) };
}

/** Keeps a copy of the function's code under the state folder, as Lambda keeps the deployed package. */
function deployFunctionCode(stack: AssemblyStack, name: string, arn: string, properties: Record<string, any>, o: DeployerOptions): LocalFunction {
  const code = properties.Code ?? {};
  let codeDirectory: string;
  if (typeof code.ZipFile === 'string') {
    codeDirectory = o.states.functionCodeDir(`inline-${name}`);
    fs.mkdirSync(codeDirectory, { recursive: true });
    fs.writeFileSync(path.join(codeDirectory, 'index.js'), code.ZipFile);
  } else {
    const source = typeof code.S3Key === 'string' ? stack.assetDirectory(code.S3Key) : undefined;
    if (!source) throw new Error(`function ${name}: its code asset ${code.S3Key ?? '(none)'} is not in the cloud assembly`);
    codeDirectory = o.states.functionCodeDir(path.basename(source));
    if (!fs.existsSync(codeDirectory)) fs.cpSync(source, codeDirectory, { recursive: true });
  }
  return localFunction(name, arn, properties, codeDirectory, o.env.region);
}

async function sendEvent(
  properties: Record<string, unknown>,
  request: CustomResourceRequest,
  resources: Record<string, DeployedResource>,
  o: DeployerOptions,
) {
  const token = properties.ServiceToken;
  const fn = [...Object.values(resources), ...o.states.all().flatMap((s) => Object.values(s.resources))]
    .find((r) => r.function?.functionArn === token)?.function;
  if (!fn) {
    return { status: 'FAILED' as const, data: {}, requestId: randomUUID(), invocations: 0, reason: `ServiceToken ${String(token)} is not a function deployed locally` };
  }
  return invokeCustomResource(fn, request, {
    receiver: o.receiver,
    extraEnvironment: o.functionEnvironment,
    logFile: o.states.logFile(fn.functionName),
  });
}

async function deleteResource(
  stackName: string,
  stackId: string,
  logicalId: string,
  resource: DeployedResource,
  resources: Record<string, DeployedResource>,
  o: DeployerOptions,
): Promise<{ ok: boolean; reason?: string }> {
  const event = (status: string, extra: Partial<ProgressEvent> = {}) =>
    o.report({ stackName, logicalId, resourceType: resource.type, status, physicalId: resource.physicalId, ...extra });
  if (!isCustomResource(resource.type)) {
    event('DELETE_COMPLETE', { reason: 'simulated' });
    return { ok: true };
  }
  event('DELETE_IN_PROGRESS');
  const started = Date.now();
  const result = await sendEvent(resource.properties, {
    requestType: 'Delete',
    stackId,
    logicalId,
    resourceType: resource.type,
    properties: resource.properties,
    physicalId: resource.physicalId,
  }, resources, o);
  const ok = result.status === 'SUCCESS';
  event(ok ? 'DELETE_COMPLETE' : 'DELETE_FAILED', { reason: result.reason, requestId: result.requestId, durationMs: Date.now() - started });
  return { ok, reason: result.reason };
}

/** Undoes this run's changes, newest first: what it created or replaced is deleted; what it updated in place is
 * updated back (old and new properties swapped), as CloudFormation's rollback does. */
async function rollBack(
  stackName: string,
  stackId: string,
  journal: JournalEntry[],
  resources: Record<string, DeployedResource>,
  o: DeployerOptions,
) {
  for (const { logicalId, before, after } of [...journal].reverse()) {
    if (!before || before.physicalId !== after.physicalId) {
      await deleteResource(stackName, stackId, logicalId, after, resources, o);
    } else if (isCustomResource(after.type)) {
      o.report({ stackName, logicalId, resourceType: after.type, status: 'UPDATE_IN_PROGRESS', reason: 'rollback' });
      const result = await sendEvent(before.properties, {
        requestType: 'Update',
        stackId,
        logicalId,
        resourceType: after.type,
        properties: before.properties,
        oldProperties: after.properties,
        physicalId: after.physicalId,
      }, resources, o);
      o.report({
        stackName,
        logicalId,
        resourceType: after.type,
        status: result.status === 'SUCCESS' ? 'UPDATE_COMPLETE' : 'UPDATE_FAILED',
        physicalId: result.physicalId,
        reason: result.reason,
        requestId: result.requestId,
      });
    }
  }
}

function resolveOutputs(stack: AssemblyStack, ctx: ReturnType<typeof stackResolveContext>): Record<string, DeployedOutput> {
  const outputs: Record<string, DeployedOutput> = {};
  for (const [name, output] of Object.entries(stack.template.Outputs ?? {})) {
    if (output.Condition && !ctx.condition(output.Condition)) continue;
    const exportName = output.Export ? String(resolve(output.Export.Name, ctx)) : undefined;
    outputs[name] = { value: resolve(output.Value, ctx), ...(exportName ? { exportName } : {}) };
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

