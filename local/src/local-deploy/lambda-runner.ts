// Runs a Lambda function's code as the Lambda Node.js runtime would: a fresh `node` process per invocation (the
// Node.js of the function's runtime, see runtime-node.ts), the module and export named by the handler string, the
// function's environment (and nothing of the host's AWS settings), a context whose remaining time counts down from
// the function's timeout, and a kill at the timeout.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lambdaHeapArguments, runtimeNode } from './runtime-node';

export interface LocalFunction {
  readonly functionName: string;
  readonly functionArn: string;
  /** The unzipped code (the asset directory). */
  readonly codeDirectory: string;
  /** `file.export`, e.g. `index.handler`. */
  readonly handler: string;
  readonly runtime: string;
  readonly timeoutSeconds: number;
  readonly memorySize: number;
  readonly environment: Record<string, string>;
  readonly region: string;
}

export interface Invocation {
  /** Whether the handler's promise resolved before the timeout. */
  readonly outcome: 'succeeded' | 'failed' | 'timed-out';
  /** Lambda's own message for a failed or timed-out invocation. */
  readonly errorMessage?: string;
  /** Everything the function wrote to stdout and stderr (its CloudWatch Logs). */
  readonly logs: string;
  readonly durationMs: number;
  /** The `process.version` of the Node.js that ran it (the runtime's major unless runtime-node.ts noted otherwise). */
  readonly nodeVersion: string;
}

// Loads the handler module and calls it once with the event on stdin's first line, like Lambda's runtime client.
const BOOTSTRAP = `
const path = require('node:path');
const [file, name] = process.env._HANDLER.split(/\\.(?=[^.]+$)/);
const exported = require(path.join(process.env.LAMBDA_TASK_ROOT, file))[name];
if (typeof exported !== 'function') { console.error('Runtime.HandlerNotFound: ' + process.env._HANDLER); process.exit(2); }
const end = Number(process.env.LOCAL_LAMBDA_DEADLINE);
const context = {
  functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
  functionVersion: '$LATEST',
  invokedFunctionArn: process.env.LOCAL_LAMBDA_FUNCTION_ARN,
  memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
  awsRequestId: process.env.LOCAL_LAMBDA_REQUEST_ID,
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => Math.max(0, end - Date.now()),
};
let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  Promise.resolve().then(() => exported(JSON.parse(input), context))
    .then(() => process.exit(0), (error) => { console.error('Invoke Error', error && error.name, error && error.message); process.exit(1); });
});
`;

/** The function described by an AWS::Lambda::Function's resolved properties, with its code in `codeDirectory`. */
export function localFunction(
  functionName: string,
  functionArn: string,
  properties: Record<string, any>,
  codeDirectory: string,
  region: string,
): LocalFunction {
  if (!properties.Handler) throw new Error(`function ${functionName}: only zip functions with a Handler can run locally`);
  return {
    functionName,
    functionArn,
    codeDirectory,
    handler: properties.Handler,
    runtime: properties.Runtime ?? 'unknown',
    timeoutSeconds: Number(properties.Timeout ?? 3),
    memorySize: Number(properties.MemorySize ?? 128),
    environment: properties.Environment?.Variables ?? {},
    region,
  };
}

/** Where a local function's SDK clients go when no local endpoint stands for their service: nothing listens there. */
export const NO_AWS_ENDPOINT = 'http://127.0.0.1:9';

/** Invokes `fn` once with `event`. `extraEnvironment` is added to the function's own variables. */
export function invokeLocalFunction(
  fn: LocalFunction,
  event: object,
  requestId: string,
  extraEnvironment: Record<string, string> = {},
): Promise<Invocation> {
  const started = Date.now();
  const timeoutMs = fn.timeoutSeconds * 1000;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    TZ: ':UTC',
    LANG: 'en_US.UTF-8',
    ...fn.environment,
    // Lambda's reserved variables win over the function's own, as in Lambda.
    _HANDLER: fn.handler,
    LAMBDA_TASK_ROOT: fn.codeDirectory,
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    AWS_REGION: fn.region,
    AWS_DEFAULT_REGION: fn.region,
    // Keep the host's ~/.aws out: a Lambda function has no config files.
    AWS_CONFIG_FILE: path.join(fn.codeDirectory, '.no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(fn.codeDirectory, '.no-aws-credentials'),
    // Every AWS service the function was not pointed at (AWS_ENDPOINT_URL_<SERVICE> in extraEnvironment) is a
    // refused loopback port, never the real AWS: the SDK's global endpoint variable applies to every client.
    AWS_ENDPOINT_URL: NO_AWS_ENDPOINT,
    LOCAL_LAMBDA_DEADLINE: String(started + timeoutMs),
    LOCAL_LAMBDA_FUNCTION_ARN: fn.functionArn,
    LOCAL_LAMBDA_REQUEST_ID: requestId,
    ...extraEnvironment,
  };
  if (!fs.existsSync(fn.codeDirectory)) throw new Error(`function ${fn.functionName}: code not found at ${fn.codeDirectory}`);
  const { path: nodeBinary, version: nodeVersion } = runtimeNode(fn.runtime);

  return new Promise((resolve) => {
    // The heap limits Lambda's runtime gives a function of this memory size (runtime-node.ts).
    const args = ['--no-warnings', ...lambdaHeapArguments(fn.memorySize), '-e', BOOTSTRAP];
    const child = spawn(nodeBinary, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let logs = '';
    child.stdout.on('data', (chunk: Buffer) => { logs += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { logs += chunk.toString('utf8'); });
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const durationMs = Date.now() - started;
      if (timedOut) {
        resolve({ outcome: 'timed-out', errorMessage: `Task timed out after ${fn.timeoutSeconds.toFixed(2)} seconds`, logs, durationMs, nodeVersion });
      } else if (code === 0) {
        resolve({ outcome: 'succeeded', logs, durationMs, nodeVersion });
      } else {
        resolve({ outcome: 'failed', errorMessage: `Runtime exited with code ${code}`, logs, durationMs, nodeVersion });
      }
    });
    child.stdin.end(JSON.stringify(event));
  });
}
