// How CloudFormation drives a Lambda-backed custom resource: one event per operation (a new RequestId each time),
// an asynchronous invocation that Lambda retries twice if the function fails, the first response PUT to the
// ResponseURL as the result, and no result at all (the resource fails) when none arrives within the resource's
// ServiceTimeout. Waits are scaled (`timeoutScale`) so that tests and trials take seconds, not an hour.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AsyncInvokeConfig, DEFAULT_ASYNC_INVOKE_CONFIG } from './event-invoke-config';
import { Invocation, invokeLocalFunction, LocalFunction } from './lambda-runner';
import { ResponseReceiver } from './response-receiver';

/** Lambda retries a failed asynchronous invocation twice, "the first after about 1 minute and the second after about
 * 2 more" (Lambda docs, "Error handling and automatic retries in asynchronous invocation"). */
const ASYNC_RETRY_DELAYS_SECONDS = [60, 120];

/** `ServiceTimeout` of `AWS::CloudFormation::CustomResource`: 1–3600 seconds, default 3600 (resource reference). */
const DEFAULT_SERVICE_TIMEOUT_SECONDS = 3600;

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
  /** No answer arrived within the ServiceTimeout: CloudFormation failed the resource without a physical id. */
  readonly noAnswer?: boolean;
}

export interface InvokerContext {
  readonly receiver: ResponseReceiver;
  /** Added to the function's environment (the local endpoint's URL and dummy credentials). */
  readonly extraEnvironment: Record<string, string>;
  /** The function's output is appended here (its CloudWatch Logs). */
  readonly logFile: string;
  /** Real seconds per CloudFormation/Lambda second, for the ServiceTimeout and Lambda's retry delays.
   * @default 0 - no waiting: an unanswered event fails as soon as Lambda's attempts are over */
  readonly timeoutScale?: number;
  /** Deliver the event once more (same RequestId) after the first delivery, as Lambda's at-least-once delivery may
   * ("Error handling and automatic retries in asynchronous invocation"). @default false */
  readonly duplicateDelivery?: boolean;
  /** Told before a long wait (a retry delay, the rest of the ServiceTimeout). */
  readonly onWait?: (what: string) => void;
  /** The function's asynchronous invocation settings (retries, maximum event age). @default Lambda's defaults */
  readonly asyncConfig?: AsyncInvokeConfig;
  /** Aborted when CloudFormation stops listening (the resource was cancelled): it no longer waits out the
   * ServiceTimeout, while Lambda's invocations and retries of the event go on. @default - never */
  readonly cancelled?: AbortSignal;
  /** Told the event as it is sent (to deliver it again later, as Lambda may). */
  readonly onEvent?: (sent: SentEvent) => void;
}

/** One event as CloudFormation sent it to a function. */
export interface SentEvent {
  readonly fn: LocalFunction;
  readonly request: CustomResourceRequest;
  /** The body, as delivered. */
  readonly event: Record<string, unknown>;
  readonly requestId: string;
  /** The receiver's key for the event's ResponseURL. */
  readonly responseKey: string;
  /** When it was sent (epoch ms). */
  readonly sentAt: number;
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

/** Runs `fn` once with an event, its output appended to the function's log (its CloudWatch Logs). */
export async function deliverEvent(
  fn: LocalFunction,
  event: Record<string, unknown>,
  requestId: string,
  ctx: Pick<InvokerContext, 'extraEnvironment' | 'logFile'>,
  label = '',
): Promise<Invocation> {
  fs.mkdirSync(path.dirname(ctx.logFile), { recursive: true });
  const invocation = await invokeLocalFunction(fn, event, requestId, ctx.extraEnvironment);
  fs.appendFileSync(ctx.logFile, `START RequestId: ${requestId}${label}\n${invocation.logs}END RequestId: ${requestId} `
    + `(${invocation.outcome}, ${invocation.durationMs} ms)\n`);
  return invocation;
}

export async function invokeCustomResource(fn: LocalFunction, request: CustomResourceRequest, ctx: InvokerContext): Promise<CustomResourceResult> {
  const requestId = randomUUID();
  const { key, url } = ctx.receiver.newResponseUrl();
  const event = customResourceEvent(request, requestId, url);
  ctx.onEvent?.({ fn, request, event, requestId, responseKey: key, sentAt: Date.now() });
  const scale = ctx.timeoutScale ?? 0;
  const serviceTimeout = serviceTimeoutSeconds(request.properties);
  const deadline = Date.now() + serviceTimeout * 1000 * scale;
  const answered = () => ctx.receiver.received(key).length > 0;
  const config = ctx.asyncConfig ?? DEFAULT_ASYNC_INVOKE_CONFIG;
  const retryDelays = ASYNC_RETRY_DELAYS_SECONDS.slice(0, config.maximumRetryAttempts);

  let invocations = 0;
  let lastError: string | undefined;
  let eventAgeSeconds = 0; // Lambda's retry delays so far: how old the event is when it is retried
  const invoke = async (label = '') => {
    invocations += 1;
    return deliverEvent(fn, event, requestId, ctx, label);
  };
  for (let attempt = 0; attempt <= retryDelays.length && !answered(); attempt++) {
    if (attempt > 0) {
      eventAgeSeconds += retryDelays[attempt - 1];
      if (eventAgeSeconds > config.maximumEventAgeSeconds) break; // Lambda discards an event past its maximum age
      const delayMs = retryDelays[attempt - 1] * 1000 * scale;
      if (Date.now() + delayMs >= deadline && scale > 0) break; // CloudFormation gives up before Lambda retries
      if (delayMs >= 1000) ctx.onWait?.(`Lambda retries in ${(delayMs / 1000).toFixed(1)} s`);
      await sleep(delayMs);
    }
    const invocation = await invoke();
    if (invocation.outcome === 'succeeded') break; // returned (with or without answering): Lambda does not retry
    lastError = invocation.errorMessage;
  }
  if (ctx.duplicateDelivery) await invoke(' (duplicate delivery)');

  const [first] = ctx.receiver.received(key);
  if (!first) {
    const remainingMs = Math.max(0, deadline - Date.now());
    if (remainingMs >= 1000 && !ctx.cancelled?.aborted) {
      ctx.onWait?.(`no answer: waiting ${(remainingMs / 1000).toFixed(1)} s, the rest of the ServiceTimeout`);
    }
    await sleep(remainingMs, ctx.cancelled);
    const why = lastError ? `the function failed (${lastError})` : 'the function returned';
    return {
      status: 'FAILED',
      data: {},
      requestId,
      invocations,
      noAnswer: true,
      reason: `No response within the ServiceTimeout (${serviceTimeout} s${scale !== 1 ? `, scaled by ${scale}` : ''}): ${why} `
        + `after ${invocations} invocation(s) and no answer reached the ResponseURL`,
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

/** The resource's ServiceTimeout property in seconds (CloudFormation passes it as a string), or the default. */
export function serviceTimeoutSeconds(properties: Record<string, unknown>): number {
  const value = Number(properties.ServiceTimeout);
  return properties.ServiceTimeout !== undefined && Number.isFinite(value) && value > 0 ? value : DEFAULT_SERVICE_TIMEOUT_SECONDS;
}

/** Waits `ms`, or less if `abort` fires. */
function sleep(ms: number, abort?: AbortSignal): Promise<void> {
  if (ms <= 0 || abort?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      abort?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    abort?.addEventListener('abort', done);
  });
}

function asCloudFormationStrings(value: unknown): any {
  if (Array.isArray(value)) return value.map(asCloudFormationStrings);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asCloudFormationStrings(v)]));
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}
