// Create, update and delete of one resource as CloudFormation performs them: a custom resource through its Lambda
// function (one event per operation), any other resource simulated; DeletionPolicy and UpdateReplacePolicy decide
// whether a delete happens at all.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AssemblyStack } from './cloud-assembly';
import { CustomResourceRequest, CustomResourceResult, invokeCustomResource } from './custom-resource-invoker';
import { reportResource, StackContext } from './deploy-context';
import { asyncInvokeConfig } from './event-invoke-config';
import { LocalFunction, localFunction } from './lambda-runner';
import { simulateResource } from './simulated-resources';
import { DeployedResource } from './stack-state';

/** CloudFormation's refusal of a changed ServiceToken (custom resource docs; aws/aws-cdk #25938). */
export const SERVICE_TOKEN_CHANGE_REFUSED = 'Modifying service token is not allowed.';

export function isCustomResource(type: string): boolean {
  return type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource';
}

/** What a custom resource's Create or Update came to. */
export interface CustomOutcome {
  readonly status: 'SUCCESS' | 'FAILED';
  /** CloudFormation refused the change itself: no event was sent, the resource is as it was. */
  readonly refused?: boolean;
  /** The physical id the answer carried, FAILED answers included; undefined when there was no answer. */
  readonly answeredPhysicalId?: string;
  /** No answer within the ServiceTimeout: what the function did is unknown. */
  readonly noAnswer?: boolean;
  readonly reason?: string;
  /** The resource as recorded after the event (its new properties; the answered physical id, else the old one). */
  readonly after: DeployedResource;
}

/**
 * Sends a custom resource its Create (no `before`) or Update event and reports the outcome. Once `cancelled` fires,
 * CloudFormation no longer listens (in-flight.ts): the answer that still comes is reported as ignored, not recorded.
 */
export async function applyCustomResource(
  ctx: StackContext,
  logicalId: string,
  type: string,
  properties: Record<string, unknown>,
  before: DeployedResource | undefined,
  cancelled?: AbortSignal,
): Promise<CustomOutcome> {
  const verb = before ? 'UPDATE' : 'CREATE';
  reportResource(ctx, logicalId, type, `${verb}_IN_PROGRESS`);
  if (before && before.properties.ServiceToken !== properties.ServiceToken) {
    // Refused by CloudFormation before any event: the function is never asked (custom resource docs, "updates of
    // ServiceToken aren't supported"; aws/aws-cdk #25938).
    reportResource(ctx, logicalId, type, 'UPDATE_FAILED', { physicalId: before.physicalId, reason: SERVICE_TOKEN_CHANGE_REFUSED });
    return { status: 'FAILED', refused: true, reason: SERVICE_TOKEN_CHANGE_REFUSED, after: before };
  }
  const started = Date.now();
  const result = await sendEvent(ctx, {
    requestType: before ? 'Update' : 'Create',
    stackId: ctx.stackId,
    logicalId,
    resourceType: type,
    properties,
    oldProperties: before?.properties,
    physicalId: before?.physicalId,
  }, cancelled);
  if (cancelled?.aborted) {
    const answer = result.noAnswer ? 'no answer' : `answered ${result.status}${result.reason ? ` (${result.reason})` : ''}`;
    reportResource(ctx, logicalId, type, 'ANSWER_IGNORED', {
      physicalId: result.physicalId,
      reason: `${answer} after CloudFormation cancelled the resource: not recorded`,
      requestId: result.requestId,
      durationMs: Date.now() - started,
    });
    return { status: 'FAILED', reason: 'cancelled', after: before ?? { type, physicalId: '', properties, attributes: {}, dependsOn: [] } };
  }
  const after: DeployedResource = {
    type,
    physicalId: result.physicalId ?? before?.physicalId ?? `${ctx.stackName}-${logicalId}-${result.requestId}`,
    properties,
    attributes: result.data,
    dependsOn: [],
  };
  reportResource(ctx, logicalId, type, `${verb}_${result.status === 'SUCCESS' ? 'COMPLETE' : 'FAILED'}`, {
    physicalId: after.physicalId,
    reason: result.reason,
    requestId: result.requestId,
    durationMs: Date.now() - started,
  });
  return { status: result.status, answeredPhysicalId: result.physicalId, noAnswer: result.noAnswer, reason: result.reason, after };
}

/**
 * The rollback's Update of a custom resource: `ResourceProperties` = its old properties, `OldResourceProperties` =
 * the ones the failed update sent (aws/aws-cdk docs/CLOUDFORMATION.md), to `physicalId`. Whether it succeeded.
 */
export async function updateBack(
  ctx: StackContext,
  logicalId: string,
  target: DeployedResource,
  fromProperties: Record<string, unknown>,
  physicalId: string,
): Promise<boolean> {
  reportResource(ctx, logicalId, target.type, 'UPDATE_IN_PROGRESS', { physicalId, reason: 'rollback' });
  const started = Date.now();
  const result = await sendEvent(ctx, {
    requestType: 'Update',
    stackId: ctx.stackId,
    logicalId,
    resourceType: target.type,
    properties: target.properties,
    oldProperties: fromProperties,
    physicalId,
  });
  const moved = result.status === 'SUCCESS' && result.physicalId !== physicalId
    ? `the rollback's answer carried another physical id than the one it restores (${physicalId})` : undefined;
  reportResource(ctx, logicalId, target.type, result.status === 'SUCCESS' ? 'UPDATE_COMPLETE' : 'UPDATE_FAILED', {
    physicalId: result.physicalId,
    reason: [result.reason, moved].filter(Boolean).join('; ') || undefined,
    requestId: result.requestId,
    durationMs: Date.now() - started,
  });
  return result.status === 'SUCCESS';
}

/**
 * Why CloudFormation keeps this resource instead of deleting it, or undefined (it deletes it). `replaced`: the old
 * physical resource after a replacement (UpdateReplacePolicy); `rolled-back-create`: a resource the failed operation
 * created, which RetainExceptOnCreate does not keep; `removed`: a stack delete or a resource left out of the template.
 * ("DeletionPolicy attribute", "UpdateReplacePolicy attribute", CloudFormation User Guide.)
 */
export function retainedBy(resource: DeployedResource, why: 'replaced' | 'rolled-back-create' | 'removed'): string | undefined {
  if (why === 'replaced') return resource.updateReplacePolicy === 'Retain' ? 'UpdateReplacePolicy: Retain' : undefined;
  const policy = resource.deletionPolicy;
  if (policy === 'Retain' || (policy === 'RetainExceptOnCreate' && why === 'removed')) return `DeletionPolicy: ${policy}`;
  return undefined;
}

/** Deletes a resource (a Delete event for a custom resource), unless `retained` names the policy that keeps it. */
export async function deleteResource(
  ctx: StackContext,
  logicalId: string,
  resource: DeployedResource,
  retained?: string,
): Promise<{ ok: boolean; reason?: string }> {
  const report = (status: string, extra: Parameters<typeof reportResource>[4] = {}) =>
    reportResource(ctx, logicalId, resource.type, status, { physicalId: resource.physicalId, ...extra });
  if (retained) {
    report('DELETE_SKIPPED', { reason: retained });
    return { ok: true };
  }
  if (!isCustomResource(resource.type)) {
    report('DELETE_COMPLETE', { reason: 'simulated' });
    return { ok: true };
  }
  report('DELETE_IN_PROGRESS');
  const started = Date.now();
  const result = await sendEvent(ctx, {
    requestType: 'Delete',
    stackId: ctx.stackId,
    logicalId,
    resourceType: resource.type,
    properties: resource.properties,
    physicalId: resource.physicalId,
  });
  const ok = result.status === 'SUCCESS';
  report(ok ? 'DELETE_COMPLETE' : 'DELETE_FAILED', { reason: result.reason, requestId: result.requestId, durationMs: Date.now() - started });
  return { ok, reason: result.reason };
}

/** Creates or updates a resource that is not a custom resource: recorded as CloudFormation would name it. */
export function applySimulatedResource(
  ctx: StackContext,
  stack: AssemblyStack,
  logicalId: string,
  type: string,
  properties: Record<string, any>,
  before: DeployedResource | undefined,
): DeployedResource {
  const simulated = simulateResource(stack.name, logicalId, type, properties, ctx.options.env, before);
  const fn = type === 'AWS::Lambda::Function' ? deployFunctionCode(ctx, stack, simulated.physicalId, simulated.attributes.Arn as string, properties) : undefined;
  reportResource(ctx, logicalId, type, `${before ? 'UPDATE' : 'CREATE'}_COMPLETE`, { physicalId: simulated.physicalId, reason: 'simulated' });
  return { type, physicalId: simulated.physicalId, properties, attributes: simulated.attributes, dependsOn: [], ...(fn ? { function: fn } : {}) };
}

/** Keeps a copy of the function's code under the state folder, as Lambda keeps the deployed package. */
function deployFunctionCode(ctx: StackContext, stack: AssemblyStack, name: string, arn: string, properties: Record<string, any>): LocalFunction {
  const states = ctx.options.states;
  const code = properties.Code ?? {};
  let codeDirectory: string;
  if (typeof code.ZipFile === 'string') {
    codeDirectory = states.functionCodeDir(`inline-${name}`);
    fs.mkdirSync(codeDirectory, { recursive: true });
    fs.writeFileSync(path.join(codeDirectory, 'index.js'), code.ZipFile);
  } else {
    const source = typeof code.S3Key === 'string' ? stack.assetDirectory(code.S3Key) : undefined;
    if (!source) throw new Error(`function ${name}: its code asset ${code.S3Key ?? '(none)'} is not in the cloud assembly`);
    codeDirectory = states.functionCodeDir(path.basename(source));
    if (!fs.existsSync(codeDirectory)) fs.cpSync(source, codeDirectory, { recursive: true });
  }
  return localFunction(name, arn, properties, codeDirectory, ctx.options.env.region);
}

/** One event to the function the request's ServiceToken names, wherever it is deployed. */
async function sendEvent(ctx: StackContext, request: CustomResourceRequest, cancelled?: AbortSignal): Promise<CustomResourceResult> {
  const token = request.properties.ServiceToken;
  const o = ctx.options;
  const candidates = [ctx.resources, ctx.previous ?? {}, ...o.states.all().map((s) => s.resources)].flatMap((r) => Object.values(r));
  const fn = candidates.find((r) => r.function?.functionArn === token)?.function;
  if (!fn) {
    return { status: 'FAILED', data: {}, requestId: randomUUID(), invocations: 0, reason: `ServiceToken ${String(token)} is not a function deployed locally` };
  }
  return invokeCustomResource(fn, request, {
    receiver: o.receiver,
    extraEnvironment: o.functionEnvironment,
    logFile: o.states.logFile(fn.functionName),
    timeoutScale: o.timeoutScale ?? 1,
    duplicateDelivery: o.duplicateDelivery,
    onWait: (what) => reportResource(ctx, request.logicalId, request.resourceType, 'WAITING', { reason: what }),
    asyncConfig: asyncInvokeConfig(fn, candidates),
    cancelled,
    onEvent: (sent) => ctx.sentEvents?.push(sent),
  });
}
