// cdk-nag's AwsSolutions rules on the example app: no unacknowledged error or warning. The one acknowledgement (the
// library's own, on the handler role's `Resource: *`) is scoped to that finding on that role, with its reason.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { addExampleStacks } from '../bin/example-stacks';
import { EngagementInvitation } from '../lib';
import { testApp, validProps } from './support/fixtures';

/** Synthesizes `build`'s app with AwsSolutionsChecks; returns the synth error (undefined if none) and the report. */
function nag(build: (app: ReturnType<typeof testApp>) => void) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'nag-'));
  const app = testApp(outdir);
  build(app);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  let error: Error | undefined;
  try {
    app.synth();
  } catch (e) {
    error = e as Error;
  }
  const reportFile = path.join(outdir, 'validation-report.json');
  const report = fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : undefined;
  fs.rmSync(outdir, { recursive: true, force: true });
  return { error, report };
}

test('the example app passes AwsSolutionsChecks: no error, no warning, one scoped acknowledgement', () => {
  const { error, report } = nag((app) => addExampleStacks(app));

  expect(error).toBeUndefined();
  const [plugin] = report.pluginReports;
  expect(plugin).toMatchObject({ pluginName: 'AwsSolutions', conclusion: 'success' });
  expect(plugin.violations ?? []).toEqual([]);
  expect(plugin.suppressedViolations.map((v: any) => [v.acknowledgedId, v.acknowledgedAt, v.reason])).toEqual([[
    'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
    'InvitationStack/PartnerCentralInvitationHandler8f3b2c1e/Role/Resource',
    expect.stringMatching(/^partnercentral:CreateEngagementInvitation has no resource to name before the call/),
  ]]);
});

test('the acknowledgement covers that finding of that resource only: Resource::* elsewhere is still reported', () => {
  const { error } = nag((app) => {
    const stack = new Stack(app, 'Nagged');
    new EngagementInvitation(stack, 'Invite', validProps());
    const role = stack.node.findAll().find((c): c is iam.Role => c instanceof iam.Role)!;
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));
  });

  expect(error?.message).toContain('Nagged/PartnerCentralInvitationHandler8f3b2c1e/Role/DefaultPolicy/Resource aws-cdk-lib.aws_iam.CfnPolicy\n'
    + "   Acknowledge with 'AwsSolutions::AwsSolutions-IAM5[Resource::*]'");
});
