// Lambda's settings for a function's asynchronous invocations (AWS::Lambda::EventInvokeConfig), which is how
// CloudFormation invokes a custom resource's function: how many times Lambda retries an invocation that failed
// (MaximumRetryAttempts, 0 to 2, default 2) and how old an event may get before Lambda discards it instead of
// delivering it (MaximumEventAgeInSeconds, 60 to 21600, default 21600: Lambda keeps retrying a throttled event for up
// to 6 hours). AWS Lambda Developer Guide, "Error handling and automatic retries in asynchronous invocation"; AWS
// CloudFormation resource reference, AWS::Lambda::EventInvokeConfig.
import { LocalFunction } from './lambda-runner';
import { DeployedResource } from './stack-state';

export const EVENT_INVOKE_CONFIG_TYPE = 'AWS::Lambda::EventInvokeConfig';

export interface AsyncInvokeConfig {
  readonly maximumRetryAttempts: number;
  readonly maximumEventAgeSeconds: number;
}

export const DEFAULT_ASYNC_INVOKE_CONFIG: AsyncInvokeConfig = { maximumRetryAttempts: 2, maximumEventAgeSeconds: 21_600 };

/**
 * The settings of `fn`'s unqualified version ($LATEST, which a ServiceToken naming the function's ARN invokes), from
 * the first EventInvokeConfig among `resources` that names the function by name or ARN; Lambda's defaults if none.
 */
export function asyncInvokeConfig(fn: LocalFunction, resources: Iterable<DeployedResource>): AsyncInvokeConfig {
  for (const resource of resources) {
    if (resource.type !== EVENT_INVOKE_CONFIG_TYPE) continue;
    const p = resource.properties;
    const named = p.FunctionName === fn.functionName || p.FunctionName === fn.functionArn;
    if (!named || p.Qualifier !== '$LATEST') continue;
    const setting = (value: unknown, fallback: number) => (value === undefined || !Number.isFinite(Number(value)) ? fallback : Number(value));
    return {
      maximumRetryAttempts: setting(p.MaximumRetryAttempts, DEFAULT_ASYNC_INVOKE_CONFIG.maximumRetryAttempts),
      maximumEventAgeSeconds: setting(p.MaximumEventAgeInSeconds, DEFAULT_ASYNC_INVOKE_CONFIG.maximumEventAgeSeconds),
    };
  }
  return DEFAULT_ASYNC_INVOKE_CONFIG;
}
