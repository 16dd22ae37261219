// Handler figures: cold import of the bundled handler vs the unbundled SDK client, warm per-event overhead and
// peak memory over 1,000 Creates, and 100 concurrent Creates against a throttling endpoint. The handler runs in a
// fresh plain `node` process (no ts-node, no jest), so its memory and timings are its own, on its Lambda runtime's
// Node.js (the SDK client it is compared with as well).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { invitationProps } from './invitation-apps';
import { median, percentile } from './stats';
import { EngagementInvitationHandler, HANDLER_ASSET_PATH } from '../lib/handler-function';
import { toWireRequest } from '../lib/wire-request';
import { customResourceEvent } from '../local/local-deploy/custom-resource-invoker';
import { startResponseReceiver } from '../local/local-deploy/response-receiver';
import { lambdaHeapArguments, RuntimeNode, runtimeNode } from '../local/local-deploy/runtime-node';
import { startPartnerCentralEndpoint } from '../local/partner-central-endpoint/server';

export const BUNDLE = path.join(HANDLER_ASSET_PATH, 'index.js');
const SDK_CLIENT = require.resolve('@aws-sdk/client-partnercentral-selling');

// The Node.js of the handler function's runtime (as the local deploy chooses it), said once on stderr.
let chosen: RuntimeNode | undefined;
const handlerFunction = () => EngagementInvitationHandler.of(new Stack()).function;
/** The handler function's memory size (MB), which sets the heap limits Lambda's runtime starts it with. */
const handlerMemorySizeMb = () => Number((handlerFunction().node.defaultChild as lambda.CfnFunction).memorySize);
function handlerNode(): RuntimeNode {
  if (!chosen) {
    const runtime = handlerFunction().runtime.name;
    chosen = runtimeNode(runtime);
    process.stderr.write(`   handler processes run on Node.js ${chosen.version} (${path.relative(process.cwd(), chosen.path) || chosen.path}) for ${runtime}`
      + `${chosen.matchesRuntime ? '' : `; note: ${chosen.note}`}\n`);
  }
  return chosen;
}

function node(args: string[], env: Record<string, string> = {}, timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(handlerNode().path, args, { env: { PATH: process.env.PATH ?? '', ...env }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)));
  });
}

/** Milliseconds to `require` `file` in a fresh process (the process's own start-up excluded). */
async function importTime(file: string): Promise<number> {
  const script = `const s = process.hrtime.bigint(); require(${JSON.stringify(file)}); process.stdout.write(String(Number(process.hrtime.bigint() - s) / 1e6));`;
  return Number(await node(['-e', script]));
}

export interface ColdStart {
  readonly bundleBytes: number;
  readonly bundleGzipBytes: number;
  readonly bundleImportMs: number;
  readonly sdkImportMs: number;
}

export async function coldStart(runs: number): Promise<ColdStart> {
  const bundle: number[] = [];
  const sdk: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate the order, as for synth.
    const pair = i % 2 === 0 ? [BUNDLE, SDK_CLIENT] : [SDK_CLIENT, BUNDLE];
    for (const file of pair) (file === BUNDLE ? bundle : sdk).push(await importTime(file));
  }
  const code = fs.readFileSync(BUNDLE);
  const { gzipSync } = await import('node:zlib');
  return { bundleBytes: code.length, bundleGzipBytes: gzipSync(code, { level: 9 }).length, bundleImportMs: median(bundle), sdkImportMs: median(sdk) };
}

// Runs the events of EVENTS_FILE through the bundled handler, one after another or all at once, and writes each
// event's handler time and the process's peak RSS to RESULT_FILE. The handler's log lines go to /dev/null.
const WORKER = `
const fs = require('node:fs');
const { handler } = require(process.env.BUNDLE);
const events = JSON.parse(fs.readFileSync(process.env.EVENTS_FILE, 'utf8'));
const context = { getRemainingTimeInMillis: () => 60000 };
// Peak RSS sampled in this process: resourceUsage().maxRSS would also count the parent's memory copied at fork.
let peakRss = process.memoryUsage.rss();
const sample = () => { peakRss = Math.max(peakRss, process.memoryUsage.rss()); };
const sampler = setInterval(sample, 5);
const timed = async (event) => {
  const started = process.hrtime.bigint();
  await handler(event, context);
  sample();
  return { requestId: event.RequestId, ms: Number(process.hrtime.bigint() - started) / 1e6 };
};
(async () => {
  const started = process.hrtime.bigint();
  let results;
  if (process.env.MODE === 'sequential') { results = []; for (const e of events) results.push(await timed(e)); }
  else results = await Promise.all(events.map(timed));
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  clearInterval(sampler);
  fs.writeFileSync(process.env.RESULT_FILE, JSON.stringify({ results, wallMs, maxRssMb: peakRss / 1048576 }));
})();
`;

export interface LoadFigures {
  readonly events: number;
  readonly success: number;
  readonly invitations: number;
  readonly duplicates: number;
  readonly throttled: number;
  readonly overheadP50Ms: number;
  readonly overheadP99Ms: number;
  readonly wallMs: number;
  readonly maxRssMb: number;
}

/** `count` Creates through the handler against the local endpoint, `sequential` or all concurrent. */
export async function handlerLoad(count: number, mode: 'sequential' | 'concurrent', throttledFraction = 0): Promise<LoadFigures> {
  const endpoint = await startPartnerCentralEndpoint({ maxRequests: count * 5 });
  const receiver = await startResponseReceiver(count * 2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-handler-'));
  try {
    if (throttledFraction > 0) endpoint.throttleFraction(throttledFraction, 42);
    const properties = { ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:bench', ...toWireRequest(invitationProps(0)) };
    const keys: string[] = [];
    const events = Array.from({ length: count }, () => {
      const { key, url } = receiver.newResponseUrl();
      keys.push(key);
      return customResourceEvent({
        requestType: 'Create',
        stackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/Bench/00000000-0000-0000-0000-000000000000',
        logicalId: 'Invitation',
        resourceType: 'Custom::PartnerCentralEngagementInvitation',
        properties,
      }, randomUUID(), url);
    });
    fs.writeFileSync(path.join(dir, 'events.json'), JSON.stringify(events));
    // The process the handler runs in, with the heap limits Lambda gives a function of its memory size.
    await node([...lambdaHeapArguments(handlerMemorySizeMb()), '-e', WORKER], {
      BUNDLE,
      MODE: mode,
      EVENTS_FILE: path.join(dir, 'events.json'),
      RESULT_FILE: path.join(dir, 'result.json'),
      AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING: endpoint.url,
      AWS_ACCESS_KEY_ID: 'AKIABENCHMARK0000000',
      AWS_SECRET_ACCESS_KEY: 'bench-not-a-secret',
      AWS_REGION: 'us-east-1',
    }, 600_000);
    const { results, wallMs, maxRssMb } = JSON.parse(fs.readFileSync(path.join(dir, 'result.json'), 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 50)); // the last answers' timings are recorded on write
    const endpointMs = new Map<string, number>();
    for (const call of endpoint.calls) endpointMs.set(call.clientToken!, (endpointMs.get(call.clientToken!) ?? 0) + (call.durationMs ?? 0));
    const overhead = (results as Array<{ requestId: string; ms: number }>).map((r) => r.ms - (endpointMs.get(r.requestId) ?? 0));
    const responses = keys.map((k) => receiver.received(k)[0]?.response);
    const invitations = endpoint.store.list().length;
    return {
      events: count,
      success: responses.filter((r) => r?.Status === 'SUCCESS').length,
      invitations,
      duplicates: invitations - new Set(responses.map((r) => r?.PhysicalResourceId).filter(Boolean)).size,
      throttled: endpoint.calls.filter((c) => c.status === 429).length,
      overheadP50Ms: percentile(overhead, 50),
      overheadP99Ms: percentile(overhead, 99),
      wallMs,
      maxRssMb,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await receiver.close();
    await endpoint.close();
  }
}
