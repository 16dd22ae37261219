// How CloudFormation drives a Lambda-backed custom resource: one event per operation (a new RequestId each time),
// an asynchronous invocation that Lambda retries twice if the function fails without answering, and the first
// response PUT to the ResponseURL as the result.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { invokeLocalFunction, LocalFunction } from './lambda-runner';
import { ResponseReceiver } from './response-receiver';

/** Lambda retries a failed asynchronous invocation twice. */
const ASYNC_INVOKE_ATTEMPTS = 3;

export interface CustomResourceRequest {
  readonly requestType: 'Create' | 'Update' | 'Delete';
  readonly stackId: string;
  readonly logicalId: string;
  readonly resourceType: string;
  readonly properties: Record<string, unknown>;
  readonly oldProperties?: Record<string, unknown>;
  readonly physicalId?: string;
}

export interface CustomResourceResult {
  readonly status: 'SUCCESS' | 'FAILED';
  readonly physicalId?: string;
  readonly data: Record<string, unknown>;
  readonly reason?: string;
  readonly requestId: string;
  /** How many times Lambda ran the function for this event. */
  readonly invocations: number;
}

export interface InvokerContext {
  readonly receiver: ResponseReceiver;
  /** Added to the function's environment (the local endpoint's URL and dummy credentials). */
  readonly extraEnvironment: Record<string, string>;
  /** The function's output is appended here (its CloudWatch Logs). */
  readonly logFile: string;
}

/** The event CloudFormation sends; like CloudFormation, every scalar property value becomes a string. */
export function customResourceEvent(request: CustomResourceRequest, requestId: string, responseUrl: string): Record<string, unknown> {
  return {
    RequestType: request.requestType,
    ServiceToken: request.properties.ServiceToken,
    ResponseURL: responseUrl,
    StackId: request.stackId,
    RequestId: requestId,
    LogicalResourceId: request.logicalId,
    ResourceType: request.resourceType,
    ...(request.physicalId !== undefined ? { PhysicalResourceId: request.physicalId } : {}),
    ResourceProperties: asCloudFormationStrings(request.properties),
    ...(request.oldProperties ? { OldResourceProperties: asCloudFormationStrings(request.oldProperties) } : {}),
  };
}

export async function invokeCustomResource(fn: LocalFunction, request: CustomResourceRequest, ctx: InvokerContext): Promise<CustomResourceResult> {
  const requestId = randomUUID();
  const { key, url } = ctx.receiver.newResponseUrl();
  const event = customResourceEvent(request, requestId, url);
  fs.mkdirSync(path.dirname(ctx.logFile), { recursive: true });

  let invocations = 0;
  let lastError: string | undefined;
  while (invocations < ASYNC_INVOKE_ATTEMPTS && ctx.receiver.received(key).length === 0) {
    invocations += 1;
    const invocation = await invokeLocalFunction(fn, event, requestId, ctx.extraEnvironment);
    fs.appendFileSync(ctx.logFile, `START RequestId: ${requestId}\n${invocation.logs}END RequestId: ${requestId} `
      + `(${invocation.outcome}, ${invocation.durationMs} ms)\n`);
    if (invocation.outcome === 'succeeded') break; // returned without answering: Lambda does not retry
    lastError = invocation.errorMessage;
  }

  const [first] = ctx.receiver.received(key);
  if (!first) {
    const why = lastError ? `the function failed (${lastError})` : 'the function returned';
    return {
      status: 'FAILED',
      data: {},
      requestId,
      invocations,
      reason: `No response: ${why} without answering the ResponseURL; CloudFormation would have waited until the `
        + 'resource\'s ServiceTimeout (default 3600 s) and then failed it',
    };
  }
  if (first.rejected || !first.response) {
    return { status: 'FAILED', data: {}, requestId, invocations, reason: first.rejected };
  }
  const { response } = first;
  if (response.RequestId !== requestId || response.StackId !== request.stackId || response.LogicalResourceId !== request.logicalId) {
    return { status: 'FAILED', data: {}, requestId, invocations, reason: 'Invalid response object: RequestId, StackId or LogicalResourceId does not match the request' };
  }
  return {
    status: response.Status,
    physicalId: response.PhysicalResourceId,
    data: response.Data ?? {},
    reason: response.Reason,
    requestId,
    invocations,
  };
}

function asCloudFormationStrings(value: unknown): any {
  if (Array.isArray(value)) return value.map(asCloudFormationStrings);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asCloudFormationStrings(v)]));
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}
