// From a fresh directory, as a user would: the library and the local rehearsal package packed from this repository
// and unpacked into a new CDK app's node_modules, the app synthesized by the package's bin (--app <command>), with a
// template parameter given with --parameters and a {{resolve:ssm:…}} message given with --ssm: the invitation the
// local Partner Central stores holds the resolved values. Runs after the test task built both packages.
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { PINNED_NODE_BINARY } from 'cdk-engagement-invitation-local';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join('node_modules', 'cdk-engagement-invitation-local', 'bin', 'cdk-engagement-invitation-local.js');

let appDir: string;

/** Packs `workspace` (or the root) into `dir` and unpacks it as node_modules/<name>. */
function install(dir: string, name: string, workspace?: string): void {
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir, ...(workspace ? ['--workspace', workspace] : [])],
    { cwd: ROOT, encoding: 'utf8' });
  const target = path.join(dir, 'node_modules', name);
  fs.mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(dir, JSON.parse(packed)[0].filename), '-C', target, '--strip-components=1']);
}

beforeAll(() => {
  for (const built of ['build/index.js', 'local/lib/index.js', 'assets/engagement-invitation-handler/index.js']) {
    if (!fs.existsSync(path.join(ROOT, built))) throw new Error(`${built} is missing: run \`npm test\`, which builds both packages first`);
  }
  appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cosell-app-'));
  install(appDir, 'cdk-engagement-invitation');
  install(appDir, 'cdk-engagement-invitation-local', 'local');
  // Offline: the dependencies a user's npm install would bring (the library's peers, the package's dependencies as its
  // manifest lists them), from this repository's node_modules.
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'local', 'package.json'), 'utf8'));
  for (const dependency of ['aws-cdk-lib', 'constructs', ...Object.keys(manifest.dependencies)]) {
    fs.mkdirSync(path.dirname(path.join(appDir, 'node_modules', dependency)), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules', dependency), path.join(appDir, 'node_modules', dependency), 'dir');
  }
  fs.writeFileSync(path.join(appDir, 'app.js'), `
    const { App, CfnParameter, Stack } = require('aws-cdk-lib');
    const { Catalog, Engagement } = require('cdk-engagement-invitation');
    const app = new App();
    const stack = new Stack(app, 'CosellStack', { env: { region: 'us-east-1' } });
    const receiver = new CfnParameter(stack, 'ReceiverAccountId', { type: 'String', allowedPattern: '^[0-9]{12}$' });
    const engagement = new Engagement(stack, 'Engagement', { catalog: Catalog.SANDBOX, title: 'Acme migration' });
    engagement.invite('Invitation', {
      invitation: {
        message: '{{resolve:ssm:/cosell/message}}',
        receiver: { account: { awsAccountId: receiver.valueAsString } },
        payload: { leadInvitation: { customer: { companyName: 'Acme' }, interaction: { contactBusinessTitle: 'CTO' } } },
      },
    });
    app.synth();
  `);
}, 120_000);

afterAll(() => {
  if (appDir) fs.rmSync(appDir, { recursive: true, force: true });
});

/** Runs the installed bin in the app's directory, on the Lambda runtime's Node.js when it is installed. */
async function rehearse(...args: string[]): Promise<{ code: number; output: string }> {
  const node = fs.existsSync(PINNED_NODE_BINARY) ? PINNED_NODE_BINARY : process.execPath;
  try {
    const { stdout } = await promisify(execFile)(node, [BIN, ...args], { cwd: appDir, encoding: 'utf8', timeout: 120_000 });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

const storedInvitations = (stateDir: string) => {
  const file = path.join(appDir, stateDir, 'partner-central', 'account.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).invitations ?? [] : [];
};

test('without the parameter\'s value and the SSM value: refused before anything is sent, naming both options', async () => {
  const run = await rehearse('deploy', '--app', 'node app.js', '--state-dir', 'refused');
  expect(run.code).toBe(1);
  expect(run.output).toContain('CosellStack: parameter ReceiverAccountId has no value: give it with --parameters CosellStack:ReceiverAccountId=<value>');
  expect(run.output).toMatch(/\/cosell\/message.*--ssm \/cosell\/message=/);
  expect(run.output).toContain('0 CreateEngagementInvitation request(s) this run');
  expect(storedInvitations('refused')).toEqual([]);
}, 180_000);

test('with --parameters and --ssm: the stored invitation holds the resolved message and receiver', async () => {
  const run = await rehearse('deploy', '--app', 'node app.js', '--state-dir', 'deployed',
    '--parameters', 'CosellStack:ReceiverAccountId=444455556666', '--ssm', '/cosell/message=Join us on the Acme migration');
  expect(run.output).toMatch(/CosellStack +\| CREATE_COMPLETE +\| AWS::CloudFormation::Stack/);
  expect(run.code).toBe(0);
  const invitations = storedInvitations('deployed');
  expect(invitations).toHaveLength(1);
  expect(JSON.stringify(invitations[0])).toContain('Join us on the Acme migration');
  expect(JSON.stringify(invitations[0])).toContain('444455556666');
  expect(JSON.stringify(invitations[0])).not.toContain('{{resolve:');
}, 180_000);
