// Where the cloud assembly comes from, as the CDK CLI decides it: --app (a directory or a command), else cdk.json.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cloudAssemblyDir } from '../src/local-deploy/app-synth';

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-synth-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A stand-in app: writes a manifest and what it was given (CDK_OUTDIR, CDK_CONTEXT_JSON) into CDK_OUTDIR. */
const FAKE_APP = 'node -e "const fs=require(\'fs\');const o=process.env.CDK_OUTDIR;fs.mkdirSync(o,{recursive:true});'
  + 'fs.writeFileSync(o+\'/manifest.json\',\'{}\');fs.writeFileSync(o+\'/given.json\',JSON.stringify({outdir:o,context:JSON.parse(process.env.CDK_CONTEXT_JSON)}))"';
const given = (outdir: string) => JSON.parse(fs.readFileSync(path.join(outdir, 'given.json'), 'utf8'));

test('without --app: cdk.json\'s app, after its build, with the context of cdk.json, cdk.context.json and -c, in that order', () => {
  fs.writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({
    app: FAKE_APP,
    build: 'node -e "require(\'fs\').writeFileSync(\'built\', \'yes\')"',
    context: { fromCdkJson: 'a', overridden: 'by cdk.json' },
  }));
  fs.writeFileSync(path.join(dir, 'cdk.context.json'), JSON.stringify({ fromContextFile: 'b', overridden: 'by cdk.context.json' }));

  const outdir = cloudAssemblyDir({ context: ['overridden=by -c', 'message=Two words=and more'] }, dir);

  expect(outdir).toBe(path.join(dir, 'cdk.out'));
  expect(fs.readFileSync(path.join(dir, 'built'), 'utf8')).toBe('yes');
  expect(given(outdir)).toEqual({
    outdir,
    context: { fromCdkJson: 'a', fromContextFile: 'b', overridden: 'by -c', message: 'Two words=and more' },
  });
});

test('--app as a command and --output as the assembly directory', () => {
  const outdir = cloudAssemblyDir({ app: FAKE_APP, output: 'out/assembly', context: [] }, dir);
  expect(outdir).toBe(path.join(dir, 'out', 'assembly'));
  expect(given(outdir).context).toEqual({});
});

test('--app as a synthesized assembly is used as it is; -c cannot change it', () => {
  const assembly = path.join(dir, 'cdk.out');
  fs.mkdirSync(assembly);
  fs.writeFileSync(path.join(assembly, 'manifest.json'), '{}');

  expect(cloudAssemblyDir({ app: 'cdk.out', context: [] }, dir)).toBe(assembly);
  expect(() => cloudAssemblyDir({ app: 'cdk.out', context: ['message=x'] }, dir)).toThrow(/is a synthesized cloud assembly: -c message=x cannot change it/);
});

test('no app anywhere, an app that fails, an app that writes no assembly: each a clear error', () => {
  expect(() => cloudAssemblyDir({ context: [] }, dir)).toThrow(/^no app to deploy: give --app/);
  expect(() => cloudAssemblyDir({ app: 'node -e "process.exit(3)"', context: [] }, dir)).toThrow(/failed \(exit code 3\)/);
  expect(() => cloudAssemblyDir({ app: 'node -e ""', context: [] }, dir)).toThrow(/wrote no cloud assembly to /);
  fs.writeFileSync(path.join(dir, 'cdk.json'), '{ "app": ');
  expect(() => cloudAssemblyDir({ context: [] }, dir)).toThrow(/cdk\.json: not valid JSON/);
});
