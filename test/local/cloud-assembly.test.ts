// The local deploy's cloud assembly reader: stacks, dependency order and assets as the manifest describes them;
// what the local deploy cannot simulate refused before anything is deployed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CfnDeletionPolicy, CfnResource, NestedStack, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { parseArguments, runLocalDeploy, checkDeployable, readCloudAssembly, StackStateStore } from 'cdk-engagement-invitation-local';
import { synthExampleApp } from '../support/local-lifecycle';

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

/** Synthesizes the stacks `build` adds to a fresh app into a temporary directory. */
function synth(build: (app: App) => void): string {
  const outdir = tempDir('assembly-');
  const app = new App({ outdir });
  build(app);
  app.synth();
  return outdir;
}

const parameter = (scope: Stack, id: string) => new ssm.StringParameter(scope, id, { stringValue: id });

/** A template file of the assembly, edited in place. */
function editTemplate(outdir: string, stackName: string, edit: (template: any) => void) {
  const file = path.join(outdir, `${stackName}.template.json`);
  const template = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(template);
  fs.writeFileSync(file, JSON.stringify(template));
}

describe('the example app', () => {
  let outdir: string;
  beforeAll(() => { outdir = synthExampleApp(); temporary.push(outdir); });

  test('stacks in dependency order with the templates and dependencies the manifest names', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    const stacks = readCloudAssembly(outdir);

    const names = stacks.map((s) => s.name);
    for (const stack of stacks) {
      const artifact = manifest.artifacts[stack.name];
      expect(artifact.type).toBe('aws:cloudformation:stack');
      expect(stack.template).toEqual(JSON.parse(fs.readFileSync(path.join(outdir, artifact.properties.templateFile), 'utf8')));
      const stackDependencies = artifact.dependencies.filter((d: string) => manifest.artifacts[d].type === 'aws:cloudformation:stack');
      expect(stack.dependencies).toEqual(stackDependencies);
      // Each stack after the stacks it depends on.
      stack.dependencies.forEach((d) => expect(names.indexOf(d)).toBeLessThan(names.indexOf(stack.name)));
    }
    expect(names.sort()).toEqual(Object.keys(manifest.artifacts).filter((id) => manifest.artifacts[id].type === 'aws:cloudformation:stack').sort());
    expect(stacks.find((s) => s.name === 'ConsumerStack')?.dependencies).toContain('InvitationStack');
  });

  test('a function\'s S3Key leads to the asset directory its asset manifest names; other keys to none', () => {
    const stack = readCloudAssembly(outdir).find((s) => s.name === 'InvitationStack')!;
    const fn = Object.values(stack.template.Resources).find((r) => r.Type === 'AWS::Lambda::Function')!;
    const s3Key = (fn.Properties as any).Code.S3Key as string;
    const assets = JSON.parse(fs.readFileSync(path.join(outdir, 'InvitationStack.assets.json'), 'utf8')).files;
    const asset = Object.values<any>(assets).find((f) => Object.values<any>(f.destinations).some((d) => d.objectKey === s3Key));

    expect(stack.assetDirectory(s3Key)).toBe(path.resolve(outdir, asset.source.path));
    expect(fs.existsSync(path.join(stack.assetDirectory(s3Key)!, 'index.js'))).toBe(true);
    expect(stack.assetDirectory('no-such-key.zip')).toBeUndefined();
  });
});

test('a stack with its own stackName is known, and depended on, by that name', () => {
  const outdir = synth((app) => {
    const first = new Stack(app, 'First', { stackName: 'first-stack-name' });
    parameter(first, 'P');
    const second = new Stack(app, 'Second');
    parameter(second, 'Q');
    second.addStackDependency(first);
  });

  const stacks = readCloudAssembly(outdir);

  expect(stacks.map((s) => [s.name, s.dependencies])).toEqual([['first-stack-name', []], ['Second', ['first-stack-name']]]);
});

test('DeletionPolicy, UpdateReplacePolicy and Metadata are read with each resource', () => {
  const outdir = synth((app) => {
    const stack = new Stack(app, 'Policies');
    const kept = parameter(stack, 'Kept');
    kept.applyRemovalPolicy(RemovalPolicy.RETAIN);
    const cfn = kept.node.defaultChild as CfnResource;
    cfn.cfnOptions.updateReplacePolicy = CfnDeletionPolicy.DELETE;
    cfn.addMetadata('Purpose', 'kept on delete');
    parameter(stack, 'Plain');
  });

  const resources = Object.values(readCloudAssembly(outdir)[0].template.Resources);

  expect(resources.map((r) => [r.DeletionPolicy, r.UpdateReplacePolicy, r.Metadata]))
    .toEqual([['Retain', 'Delete', { Purpose: 'kept on delete' }], [undefined, undefined, undefined]]);
});

describe('refused before anything is deployed', () => {
  test('a nested stack: named with its stack and logical id, even when a deployable stack comes first', async () => {
    let logicalId = '';
    const outdir = synth((app) => {
      parameter(new Stack(app, 'Plain'), 'P');
      const parent = new Stack(app, 'Parent');
      parent.addStackDependency(app.node.findChild('Plain') as Stack);
      const nested = new NestedStack(parent, 'Inner');
      parameter(nested, 'InNested');
      logicalId = parent.getLogicalId(nested.nestedStackResource as CfnResource);
    });
    const expected = new RegExp(`stack Parent: resource ${logicalId} is a nested stack \\(AWS::CloudFormation::Stack\\): `
      + 'nested stacks are not simulated by the local deploy.*Deploy the nested content as a top-level stack');
    expect(() => readCloudAssembly(outdir)).toThrow(expected);

    // Through the CLI: the error before any stack, Plain included, is deployed.
    const stateDir = tempDir('state-');
    const lines: string[] = [];
    await expect(runLocalDeploy(parseArguments(['deploy', '--app', outdir, '--state-dir', stateDir]), (l) => lines.push(l)))
      .rejects.toThrow(expected);
    expect(new StackStateStore(stateDir).all()).toEqual([]);
    expect(lines.join('\n')).not.toMatch(/CREATE_/);
  });

  test('a stack without resources, with CloudFormation\'s message', () => {
    const outdir = synth((app) => {
      parameter(new Stack(app, 'Full'), 'P');
      new Stack(app, 'Empty');
    });

    expect(() => readCloudAssembly(outdir))
      .toThrow(/^stack Empty: Template format error: At least one Resources member must be defined\./);
  });

  test('an empty Resources section, as CloudFormation', () => {
    const outdir = synth((app) => { parameter(new Stack(app, 'Emptied'), 'P'); });
    editTemplate(outdir, 'Emptied', (t) => { t.Resources = {}; });

    expect(() => readCloudAssembly(outdir)).toThrow(/^stack Emptied: Template format error: At least one Resources member/);
  });

  test('a Transform (macro): not expanded locally', () => {
    const outdir = synth((app) => {
      const stack = new Stack(app, 'Sam');
      stack.templateOptions.transforms = ['AWS::Serverless-2016-10-31'];
      parameter(stack, 'P');
    });

    expect(() => readCloudAssembly(outdir)).toThrow('stack Sam: its template declares Transform "AWS::Serverless-2016-10-31": macros are not expanded');
  });

  test.each([
    ['Resources is a list', (t: any) => { t.Resources = [t.Resources]; }, /Resources section is not an object/],
    ['a resource without Type', (t: any) => { delete Object.values<any>(t.Resources)[0].Type; }, /resource P\w+ has no Type/],
    ['a resource that is a string', (t: any) => { t.Resources[Object.keys(t.Resources)[0]] = 'x'; }, /resource P\w+ is not an object/],
    ['Properties as a list', (t: any) => { Object.values<any>(t.Resources)[0].Properties = []; }, /resource P\w+: Properties is not an object/],
    ['DependsOn as a number', (t: any) => { Object.values<any>(t.Resources)[0].DependsOn = 1; }, /resource P\w+: DependsOn is neither/],
    ['DeletionPolicy as an object', (t: any) => { Object.values<any>(t.Resources)[0].DeletionPolicy = {}; }, /resource P\w+: DeletionPolicy is not a string/],
    ['Outputs as a string', (t: any) => { t.Outputs = 'x'; }, /Outputs section is not an object/],
    ['a function it does not evaluate', (t: any) => { t.Outputs = { Zones: { Value: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] } } }; },
      /its template uses Fn::GetAZs, which the local deploy does not evaluate/],
  ])('a template the reader cannot handle, naming the stack: %s', (_name, edit, message) => {
    const outdir = synth((app) => { parameter(new Stack(app, 'Odd'), 'P'); });
    editTemplate(outdir, 'Odd', edit);

    expect(() => readCloudAssembly(outdir)).toThrow(new RegExp(`^stack Odd: .*${message.source}`));
  });

  test('a template that is not JSON, naming the stack and the file', () => {
    const outdir = synth((app) => { parameter(new Stack(app, 'Broken'), 'P'); });
    fs.writeFileSync(path.join(outdir, 'Broken.template.json'), '{ "Resources": ');

    expect(() => readCloudAssembly(outdir)).toThrow(/^stack Broken: cannot read its template Broken\.template\.json: /);
  });

  test('a manifest of a newer schema than the reader knows', () => {
    const outdir = synth((app) => { parameter(new Stack(app, 'Future'), 'P'); });
    const file = path.join(outdir, 'manifest.json');
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), version: '999.0.0' }));

    expect(() => readCloudAssembly(outdir)).toThrow(new RegExp(`^cannot read the cloud assembly in ${outdir}: .*999\\.0\\.0`));
  });

  test('checkDeployable on stacks read elsewhere', () => {
    const stack = { name: 'Given', dependencies: [], assetDirectory: () => undefined };
    expect(() => checkDeployable([{ ...stack, template: { Resources: { Only: { Type: 'AWS::SNS::Topic' } } } }])).not.toThrow();
    expect(() => checkDeployable([{ ...stack, template: {} as any }])).toThrow(/^stack Given: Template format error/);
  });
});
