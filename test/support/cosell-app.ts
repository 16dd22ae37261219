// A small co-sell app for the tests of parameters and dynamic references: stacks each opening an engagement and
// inviting a partner with a lead invitation whose message the test chooses (a parameter's value, a dynamic
// reference…), also its output InvitationMessage; synthesized into a temporary cloud assembly; and the local deploy run on it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CfnOutput, CfnResource, Stack } from 'aws-cdk-lib';
import { parseArguments, runLocalDeploy, StackStateStore } from 'cdk-engagement-invitation-local';
import { Catalog, Engagement, EngagementContextType } from '../../lib';

export interface CosellAppOptions {
  /** Each stack depends on the one before it. @default false: independent stacks (a test deploys one by naming it) */
  readonly chained?: boolean;
  /** Changes the template of each invitation (by stack name) as an escape hatch would: what the library refuses at synth
   * but a template could still hold. */
  readonly invitationOverrides?: Record<string, Record<string, unknown>>;
}

/** Synthesizes one stack per entry of `messages` (by stack name): each invites a partner with the message its
 * function returns (given the stack, so it can add parameters). Returns the assembly's directory. */
export function synthCosellApp(messages: Record<string, (stack: Stack) => string>, options: CosellAppOptions = {}): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cosell-assembly-'));
  // Without CDK's synth-time template validation (the example app's): faster, and it refuses what a test deploys on purpose.
  const app = new App({ outdir, builtinCloudFormationValidation: false });
  let previous: Stack | undefined;
  for (const [stackName, message] of Object.entries(messages)) {
    const stack = new Stack(app, stackName, { env: { region: 'us-east-1' } });
    const engagement = new Engagement(stack, 'Engagement', {
      catalog: Catalog.SANDBOX,
      title: 'Acme data platform migration',
      description: 'Co-sell on moving Acme analytics to AWS',
      contexts: [{
        type: EngagementContextType.CUSTOMER_PROJECT,
        payload: {
          customerProject: {
            customer: { companyName: 'Acme Corporation', countryCode: 'US', industry: 'Software and Internet', websiteUrl: 'https://acme.example.com' },
            project: { title: 'Data platform migration', businessProblem: 'Acme runs its analytics on ageing clusters.', targetCompletionDate: '2027-06-30' },
          },
        },
      }],
    });
    const text = message(stack);
    // The message as an output too: CloudFormation resolves parameters and ssm references in outputs as well.
    new CfnOutput(stack, 'InvitationMessage', { value: text });
    const invitation = engagement.invite('Invitation', {
      invitation: {
        message: text,
        receiver: { account: { awsAccountId: '444455556666', alias: 'Partner B' } },
        payload: {
          leadInvitation: {
            customer: { companyName: 'Acme Corporation', industry: 'Software and Internet', countryCode: 'US', websiteUrl: 'https://acme.example.com' },
            interaction: { sourceType: 'Event', sourceName: 'Data summit 2026', usecase: 'Analytics migration', contactBusinessTitle: 'Head of Data' },
          },
        },
      },
    });
    for (const [property, value] of Object.entries(options.invitationOverrides?.[stackName] ?? {})) {
      (invitation.node.findChild('Resource').node.defaultChild as CfnResource).addPropertyOverride(property, value);
    }
    if (options.chained && previous) stack.addDependency(previous);
    previous = stack;
  }
  app.synth();
  return outdir;
}

export interface CosellRun {
  readonly code: number;
  readonly output: string;
  /** Messages of the invitations in the local account after the run (kept in the state folder across runs). */
  readonly messages: string[];
  /** Engagements in the local account after the run. */
  readonly engagements: number;
  /** CreateEngagementInvitation requests of the run, from its request-count line. */
  readonly invitationRequests: number;
}

/** Runs `local-deploy deploy --app <assemblyDir> --state-dir <stateDir> …argv` and reads what it left. */
export async function deployCosell(assemblyDir: string, stateDir: string, ...argv: string[]): Promise<CosellRun> {
  const lines: string[] = [];
  const code = await runLocalDeploy(parseArguments(['deploy', '--app', assemblyDir, '--state-dir', stateDir, '--no-quotas', ...argv]),
    (line) => lines.push(line));
  const output = lines.join('\n');
  const accountFile = path.join(stateDir, 'partner-central', 'account.json');
  const account = fs.existsSync(accountFile) ? JSON.parse(fs.readFileSync(accountFile, 'utf8')) : {};
  return {
    code,
    output,
    messages: (account.invitations ?? []).map((i: { InvitationMessage: string }) => i.InvitationMessage),
    engagements: account.engagements?.engagements?.length ?? 0,
    invitationRequests: requestCount(output),
  };
}

/** Nothing of any stack was created or sent: no stack state, no resource in progress, no function deployed or run (none
 * wrote a log), no Partner Central account written (every write creates it), no CreateEngagementInvitation request. */
export function expectNothingDeployed(run: CosellRun, stateDir: string): void {
  expect(run.code).not.toBe(0);
  expect(run.invitationRequests).toBe(0);
  expect(deployedStacks(stateDir)).toEqual([]);
  expect(run.output).not.toMatch(/_IN_PROGRESS/);
  expect(fs.existsSync(path.join(stateDir, 'functions'))).toBe(false);
  expect(fs.existsSync(path.join(stateDir, 'logs'))).toBe(false);
  expect(fs.existsSync(path.join(stateDir, 'partner-central', 'account.json'))).toBe(false);
}

/** The stacks the local deploy recorded in `stateDir`. */
export function deployedStacks(stateDir: string): string[] {
  return new StackStateStore(stateDir).all().map((s) => s.stackName);
}

function requestCount(output: string): number {
  const count = /^Partner Central Selling: (\d+) CreateEngagementInvitation request\(s\) this run/m.exec(output);
  if (!count) throw new Error(`no request count in the output:\n${output}`);
  return Number(count[1]);
}
