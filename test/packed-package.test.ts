// A consumer app that installs the packed tarball synthesizes without esbuild (or Docker): the handler asset is
// prebuilt and shipped. Runs after `npx projen compile` (the `test` task compiles first).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..');

let consumerDir: string;

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'build', 'index.js'))) {
    throw new Error('build/ is missing: run `npm test` (or `npx projen compile`) so the package can be packed');
  }
  consumerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'invitation-consumer-'));
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', consumerDir], { cwd: ROOT, encoding: 'utf8' });
  const tarball = path.join(consumerDir, JSON.parse(packed)[0].filename);

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
    const app = new App({ outdir: 'cdk.out', context: { '@aws-cdk/core:validateAgainstDefaultRules': true } });
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
    console.log(JSON.stringify({ esbuild }));
  `);
}, 60_000);

afterAll(() => {
  if (consumerDir) fs.rmSync(consumerDir, { recursive: true, force: true });
});

test('the tarball ships the compiled library and the handler asset, not the sources', () => {
  const files = execFileSync('tar', ['-tzf', fs.readdirSync(consumerDir).map((f) => path.join(consumerDir, f)).find((f) => f.endsWith('.tgz'))!], { encoding: 'utf8' })
    .split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));

  expect(files).toEqual(expect.arrayContaining(['build/index.js', 'build/index.d.ts', '.jsii', 'assets/engagement-invitation-handler/index.js']));
  expect(files.filter((f) => /^(lib|lambda|bin|test|cdk\.out)\//.test(f) || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
});

test('a consumer app synthesizes from the installed tarball, with no esbuild anywhere it can resolve', () => {
  const stdout = execFileSync(process.execPath, ['app.js'], {
    cwd: consumerDir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: consumerDir },
  });

  expect(JSON.parse(stdout.trim().split('\n').pop()!)).toEqual({ esbuild: 'absent' });
  const template = JSON.parse(fs.readFileSync(path.join(consumerDir, 'cdk.out', 'ConsumerApp.template.json'), 'utf8'));
  const types = Object.values<any>(template.Resources).map((r) => r.Type);
  expect(types.filter((t) => t === 'AWS::Lambda::Function')).toHaveLength(1);
  expect(types.filter((t) => t === 'Custom::PartnerCentralEngagementInvitation')).toHaveLength(2);
  const assetDirs = fs.readdirSync(path.join(consumerDir, 'cdk.out')).filter((f) => f.startsWith('asset.'));
  expect(assetDirs).toHaveLength(1);
  expect(fs.readdirSync(path.join(consumerDir, 'cdk.out', assetDirs[0]))).toEqual(['index.js']);
});
