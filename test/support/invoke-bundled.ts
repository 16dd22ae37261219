// Runs the shipped handler asset as Lambda would (a fresh `node` process of the runtime's Node.js, `index.handler`,
// the function's environment): the test's jest VM cannot run the bundle's dynamic imports of node builtins, and a
// fresh process is also the honest model of a cold start.
import { invokeLocalFunction, localFunction } from 'cdk-engagement-invitation-local';
import { CustomResourceEvent } from '../../lambda/core/types';
import { HANDLER_ASSET_PATH } from '../../lib/core/partner-central-handler';

/** The handler function's runtime in AWS (test/local/lambda-runtime.test.ts checks it against the construct's). */
export const BUNDLED_RUNTIME = 'nodejs24.x';

/**
 * Invokes the asset with `event` and `env` added to Lambda's variables; resolves to the function's log output and
 * the version of the Node.js that ran it.
 */
export async function invokeBundledHandler(
  event: CustomResourceEvent,
  env: Record<string, string>,
  timeoutSeconds = 60,
): Promise<{ stdout: string; nodeVersion: string }> {
  const fn = localFunction('handler', 'arn:aws:lambda:us-east-1:123456789012:function:handler',
    { Handler: 'index.handler', Runtime: BUNDLED_RUNTIME, Timeout: timeoutSeconds }, HANDLER_ASSET_PATH, 'us-east-1');
  const invocation = await invokeLocalFunction(fn, event, event.RequestId, env);
  if (invocation.outcome !== 'succeeded') throw new Error(`${invocation.errorMessage}\n${invocation.logs}`);
  return { stdout: invocation.logs, nodeVersion: invocation.nodeVersion };
}
