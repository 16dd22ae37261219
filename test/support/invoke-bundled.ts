// Runs the shipped handler asset in a fresh `node` process, as Lambda would: the test's jest VM cannot run the
// bundle's dynamic imports of node builtins, and a fresh process is also the honest model of a cold start.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { CustomResourceEvent } from '../../lambda/engagement-invitation/types';
import { HANDLER_ASSET_PATH } from '../../lib/handler-function';

export interface InvokeResult {
  readonly stdout: string;
  readonly stderr: string;
}

/** Invokes `index.handler` of the asset with `event`; `env` is the whole environment of the process. */
export function invokeBundledHandler(event: CustomResourceEvent, env: Record<string, string>, remainingMs = 60_000): Promise<InvokeResult> {
  const script = [
    `const { handler } = require(${JSON.stringify(path.join(HANDLER_ASSET_PATH, 'index.js'))});`,
    `const end = Date.now() + ${remainingMs};`,
    'handler(JSON.parse(process.env.CFN_EVENT), { getRemainingTimeInMillis: () => end - Date.now() })',
    '  .catch((error) => { console.error(error); process.exit(1); });',
  ].join('\n');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--no-warnings', '-e', script], {
      env: { PATH: process.env.PATH ?? '', ...env, CFN_EVENT: JSON.stringify(event) },
      timeout: remainingMs + 5_000,
    }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve({ stdout, stderr })));
  });
}
