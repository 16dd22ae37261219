// The Node.js that runs a function locally is its Lambda runtime's (nodejs24.x -> the pinned v24 binary), with a
// note when this machine cannot provide it, and non-Node.js runtimes refused.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { invokeLocalFunction, localFunction, describeRuntimeNodes, PINNED_NODE_BINARY, runtimeNode } from 'cdk-engagement-invitation-local';
import { PartnerCentralHandler } from '../../lib/core/partner-central-handler';
import { cfnEvent, INVITATION_ARN, INVITATION_ID } from '../support/events';
import { BUNDLED_RUNTIME, invokeBundledHandler } from '../support/invoke-bundled';
import { awsJson, startScriptedServer } from '../support/local-servers';

const machineMajor = Number(process.versions.node.split('.')[0]);
/** A real Lambda runtime whose major is not this machine's. */
const otherRuntime = machineMajor === 24 ? 'nodejs22.x' : 'nodejs24.x';
const INSTALL = 'npx projen install:lambda-runtime';

let tmp: string;
beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-runtime-test-')); });
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A function that logs the version of the Node.js it runs on. */
function probe(runtime: string) {
  const dir = path.join(tmp, 'probe');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.js'), 'exports.handler = async () => { console.log(`running on ${process.version}`); };');
  return localFunction('probe', 'arn:aws:lambda:us-east-1:123456789012:function:probe', { Handler: 'index.handler', Runtime: runtime, Timeout: 20 }, dir, 'us-east-1');
}

/** A stand-in binary that reports `version` and counts how often it was asked. */
function fakeNode(version: string): { binary: string; calls: () => number } {
  const binary = path.join(tmp, 'fake-node');
  const counter = path.join(tmp, 'calls');
  fs.writeFileSync(binary, `#!/bin/sh\necho x >> '${counter}'\necho ${version}\n`, { mode: 0o755 });
  return { binary, calls: () => (fs.existsSync(counter) ? fs.readFileSync(counter, 'utf8').split('\n').filter(Boolean).length : 0) };
}

function requirePinnedBinary(): string {
  if (!fs.existsSync(PINNED_NODE_BINARY)) throw new Error(`no Node.js at ${PINNED_NODE_BINARY}: run \`${INSTALL}\` (the test task does)`);
  return PINNED_NODE_BINARY;
}

test('the bundled handler runs on the runtime\'s Node.js v24, the construct\'s runtime', async () => {
  requirePinnedBinary();
  expect(PartnerCentralHandler.of(new Stack()).function.runtime.name).toBe(BUNDLED_RUNTIME);
  const endpoint = await startScriptedServer([awsJson(200, { Arn: INVITATION_ARN, Id: INVITATION_ID })], 5);
  const receiver = await startScriptedServer([{ status: 200 }], 5);
  try {
    const { nodeVersion } = await invokeBundledHandler(cfnEvent('Create', receiver.url), {
      AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING: endpoint.url,
      AWS_ACCESS_KEY_ID: 'AKIDLOCALTEST',
      AWS_SECRET_ACCESS_KEY: 'local-test-secret',
    });
    expect(nodeVersion).toMatch(/^v24\./);
    // The handler's own process says so too: the SDK puts its Node.js version in the user agent.
    expect(String(endpoint.requests[0].headers['user-agent'])).toContain(`md/nodejs#${nodeVersion.slice(1)}`);
    expect(JSON.parse(receiver.requests[0].body)).toMatchObject({ Status: 'SUCCESS' });
  } finally {
    await endpoint.close();
    await receiver.close();
  }
}, 30_000);

test('the runner picks the Node.js of the runtime\'s major: the pinned binary, or this machine\'s', async () => {
  const pinned = requirePinnedBinary();
  const pinnedMajor = Number(/^v(\d+)\./.exec(runtimeNode(BUNDLED_RUNTIME).version)?.[1]);
  for (const [runtime, binary] of [[`nodejs${pinnedMajor}.x`, pinned], [`nodejs${machineMajor}.x`, pinnedMajor === machineMajor ? pinned : process.execPath]]) {
    const node = runtimeNode(runtime);
    expect(node).toMatchObject({ path: binary, matchesRuntime: true });
    expect(node.note).toBeUndefined();
    const invocation = await invokeLocalFunction(probe(runtime), {}, `request-${runtime}`);
    expect(invocation.outcome).toBe('succeeded');
    expect(invocation.nodeVersion.startsWith(`v${runtime.slice('nodejs'.length, -'.x'.length)}.`)).toBe(true);
    expect(invocation.logs).toContain(`running on ${invocation.nodeVersion}`);
  }
}, 30_000);

test('a pinned binary counts only with the runtime\'s major, checked once per process', () => {
  const fake = fakeNode('v99.3.1');
  expect(runtimeNode('nodejs99.x', fake.binary)).toEqual({ path: fake.binary, version: 'v99.3.1', matchesRuntime: true });
  const other = runtimeNode(otherRuntime, fake.binary);
  expect(other).toMatchObject({ path: process.execPath, version: process.version, matchesRuntime: false });
  expect(other.note).toContain('is Node.js v99.3.1');
  expect(fake.calls()).toBe(1);
});

test('without the pinned binary, this machine\'s Node.js runs the function, with a note saying how to get the right one', async () => {
  const missing = path.join(tmp, 'not-installed', 'node');
  const node = runtimeNode(otherRuntime, missing);
  expect(node).toMatchObject({ path: process.execPath, version: process.version, matchesRuntime: false });
  expect(node.note).toContain(`${otherRuntime} asks for Node.js ${otherRuntime.slice(6, -2)}`);
  expect(node.note).toContain(`this machine's Node.js ${process.version} runs it`);
  expect(node.note).toContain(INSTALL);
  const [line] = describeRuntimeNodes([otherRuntime], missing);
  expect(line).toContain(`run on this machine's Node.js ${process.version}: NOT the runtime's major`);
  expect(line).toContain(`note: ${node.note}`);
});

test('a runtime other than nodejsNN.x is refused', async () => {
  for (const runtime of ['python3.12', 'java21', 'nodejs', 'unknown']) {
    expect(() => runtimeNode(runtime)).toThrow(`runtime ${runtime}: only Node.js runtimes (nodejsNN.x) can run locally`);
  }
  // As a caller sees it: its awaited invocation fails (whether the runner throws or rejects).
  const invoke = async (fn: ReturnType<typeof localFunction>) => invokeLocalFunction(fn, {}, 'request');
  await expect(invoke(probe('python3.12'))).rejects.toThrow('runtime python3.12: only Node.js runtimes');
  await expect(invoke(localFunction('bare', 'arn', { Handler: 'index.handler' }, tmp, 'us-east-1'))).rejects.toThrow('runtime unknown: only Node.js runtimes');
  expect(describeRuntimeNodes(['python3.12'])).toEqual([expect.stringContaining('runtime python3.12: only Node.js runtimes')]);
});
