// Handler figures: cold import of the bundled handler vs the unbundled SDK client, warm per-event overhead and
// peak memory over 1,000 Creates, and 100 concurrent Creates against a throttling endpoint. The handler runs in a
// fresh plain `node` process (no ts-node, no jest), so its memory and timings are its own, on its Lambda runtime's
// Node.js (the SDK client it is compared with as well). Every Create is a distinct invitation (a receiver of its
// own): identical ones would converge on the first, which the handler adopts instead of sending again.
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { startCloudFormationEndpoint, customResourceEvent, startResponseReceiver, lambdaHeapArguments, RuntimeNode, runtimeNode, startPartnerCentralEndpoint, WireCall } from 'cdk-engagement-invitation-local';
import { invitationProps } from './invitation-apps';
import { median, percentile } from './stats';
import { HANDLER_ASSET_PATH, PartnerCentralHandler } from '../lib/core/partner-central-handler';
import { toInvitationRequest } from '../lib/engagement-invitation/request';

export const BUNDLE = path.join(HANDLER_ASSET_PATH, 'index.js');
const SDK_CLIENT = require.resolve('@aws-sdk/client-partnercentral-selling');

// The Node.js of the handler function's runtime (as the local deploy chooses it), said once on stderr.
let chosen: RuntimeNode | undefined;
const handlerFunction = () => PartnerCentralHandler.of(new Stack()).function;
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

// Runs the events of EVENTS_FILE through the bundled handler as the parent asks over IPC: { index } one event (the
// parent runs them one at a time, so that every call its endpoints receive meanwhile is that event's), { all: true }
// all at once, { end: true } answers the peak RSS and exits. The handler's log lines go to stdout (parsed for
// `adopted`).
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
process.on('message', async (message) => {
  if (message.end) {
    clearInterval(sampler);
    process.send({ maxRssMb: peakRss / 1048576 }, () => process.exit(0));
  } else if (message.all) {
    const started = process.hrtime.bigint();
    const results = await Promise.all(events.map(timed));
    process.send({ results, wallMs: Number(process.hrtime.bigint() - started) / 1e6 });
  } else {
    process.send(await timed(events[message.index]));
  }
});
`;

/** The worker process: `ask` sends a message and resolves with its answer; `logs` holds its stdout so far. */
interface Worker {
  readonly logs: () => string;
  readonly process: ChildProcess;
  ask<T>(message: object): Promise<T>;
}

function startWorker(args: string[], env: Record<string, string>, timeoutMs: number): Worker {
  const child = spawn(handlerNode().path, [...args, '-e', WORKER], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
  const waiting: Array<{ resolve: (answer: any) => void; reject: (error: Error) => void }> = [];
  child.on('message', (answer) => waiting.shift()?.resolve(answer));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  child.on('exit', (code, signal) => {
    clearTimeout(timer);
    for (const w of waiting.splice(0)) w.reject(new Error(`handler worker exited (${signal ?? code}) before answering\n${stderr}`));
  });
  return {
    ask: <T>(message: object) => new Promise<T>((resolve, reject) => {
      waiting.push({ resolve, reject });
      child.send(message);
    }),
    logs: () => stdout,
    process: child,
  };
}

/** Waits until every call from `from` on has its endpoint time (recorded once its answer is written). */
async function settled(calls: WireCall[], from: number): Promise<void> {
  const open = () => calls.slice(from).some((c) => c.status !== 'dropped' && c.durationMs === undefined);
  for (let i = 0; i < 200 && open(); i++) await new Promise((resolve) => setTimeout(resolve, i < 50 ? 0 : 5));
}

/** The handler's JSON log line, or undefined for any other output. */
function logLine(line: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(line);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

const endpointTime = (calls: WireCall[]) => calls.reduce((sum, c) => sum + (c.durationMs ?? 0), 0);
const isServiceRead = (c: WireCall) => /^(List|Get)/.test(c.operation);

export interface LoadFigures {
  readonly events: number;
  readonly success: number;
  readonly invitations: number;
  readonly duplicates: number;
  /** Events the handler answered by adopting an invitation the service held (none expected: all are distinct). */
  readonly adopted: number;
  /** Partner Central calls of all kinds, and of them the reads (ListEngagementInvitations, GetEngagementInvitation). */
  readonly requests: number;
  readonly serviceReads: number;
  /** DescribeStacks calls (the local CloudFormation endpoint). */
  readonly stackReads: number;
  readonly throttled: number;
  /**
   * Sequential only: per event, the handler's time minus the Partner Central endpoint's time for every call it
   * received during that event (reads, retries and the Create). DescribeStacks's endpoint time is not recorded by
   * the local CloudFormation endpoint and stays in the overhead (a small over-estimate).
   */
  readonly overheadP50Ms?: number;
  readonly overheadP99Ms?: number;
  readonly wallMs: number;
  readonly maxRssMb: number;
}

/** Invitations per engagement in the handler bench: each event's List reads the up to 9 sent before it on its engagement. */
export const INVITATIONS_PER_ENGAGEMENT = 10;

/**
 * The i-th Create of the handler bench: a receiver of its own, on an engagement shared with 9 others. Real
 * engagements hold a few partners: 1,000 invitations on one engagement would have each List page through up to
 * 1,000 summaries, which no real deployment does.
 */
export function benchRequest(i: number) {
  const engagement = `eng-bench${String(Math.floor(i / INVITATIONS_PER_ENGAGEMENT)).padStart(9, '0')}`;
  return toInvitationRequest({ ...invitationProps(i), engagementIdentifier: engagement });
}

/** `count` distinct Creates through the handler against the local endpoints, `sequential` or all concurrent. */
export async function handlerLoad(count: number, mode: 'sequential' | 'concurrent', throttledFraction = 0): Promise<LoadFigures> {
  const endpoint = await startPartnerCentralEndpoint({ maxRequests: count * 20 });
  const cloudFormation = await startCloudFormationEndpoint(count * 20);
  const receiver = await startResponseReceiver(count * 2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-handler-'));
  let worker: Worker | undefined;
  try {
    if (throttledFraction > 0) endpoint.throttleFraction(throttledFraction, 42);
    const stackId = 'arn:aws:cloudformation:us-east-1:123456789012:stack/Bench/00000000-0000-0000-0000-000000000000';
    // The handler sends only while its stack is in progress (it reads DescribeStacks before sending).
    cloudFormation.setStackStatus(stackId, 'Bench', 'CREATE_IN_PROGRESS');
    const keys: string[] = [];
    const events = Array.from({ length: count }, (_, i) => {
      const { key, url } = receiver.newResponseUrl();
      keys.push(key);
      return customResourceEvent({
        requestType: 'Create',
        stackId,
        logicalId: `Invitation${i}`,
        resourceType: 'Custom::PartnerCentralEngagementInvitation',
        properties: { ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:bench', ...benchRequest(i) },
      }, randomUUID(), url);
    });
    fs.writeFileSync(path.join(dir, 'events.json'), JSON.stringify(events));
    // The process the handler runs in, with the heap limits Lambda gives a function of its memory size.
    worker = startWorker(lambdaHeapArguments(handlerMemorySizeMb()), {
      BUNDLE,
      EVENTS_FILE: path.join(dir, 'events.json'),
      AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING: endpoint.url,
      AWS_ENDPOINT_URL_CLOUDFORMATION: cloudFormation.url,
      AWS_ACCESS_KEY_ID: 'AKIABENCHMARK0000000',
      AWS_SECRET_ACCESS_KEY: 'bench-not-a-secret',
      AWS_REGION: 'us-east-1',
    }, 600_000);
    let wallMs = 0;
    const overhead: number[] = [];
    if (mode === 'sequential') {
      for (let i = 0; i < count; i++) {
        const from = endpoint.calls.length;
        const { ms } = await worker.ask<{ ms: number }>({ index: i });
        await settled(endpoint.calls, from);
        overhead.push(ms - endpointTime(endpoint.calls.slice(from)));
        wallMs += ms;
      }
    } else {
      ({ wallMs } = await worker.ask<{ wallMs: number }>({ all: true }));
      await settled(endpoint.calls, 0);
    }
    const { maxRssMb } = await worker.ask<{ maxRssMb: number }>({ end: true });
    const responses = keys.map((k) => receiver.received(k)[0]?.response);
    const invitations = endpoint.store.list().length;
    const logLines = worker.logs().split('\n').map(logLine);
    return {
      events: count,
      success: responses.filter((r) => r?.Status === 'SUCCESS').length,
      invitations,
      duplicates: invitations - new Set(responses.map((r) => r?.PhysicalResourceId).filter(Boolean)).size,
      adopted: logLines.filter((line) => line?.adopted === true).length,
      requests: endpoint.calls.length,
      serviceReads: endpoint.calls.filter(isServiceRead).length,
      stackReads: cloudFormation.calls.length,
      throttled: endpoint.calls.filter((c) => c.status === 429).length,
      ...(mode === 'sequential' ? { overheadP50Ms: percentile(overhead, 50), overheadP99Ms: percentile(overhead, 99) } : {}),
      wallMs,
      maxRssMb,
    };
  } finally {
    worker?.process.kill();
    fs.rmSync(dir, { recursive: true, force: true });
    await receiver.close();
    await cloudFormation.close();
    await endpoint.close();
  }
}
