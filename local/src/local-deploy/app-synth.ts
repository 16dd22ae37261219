// Where the cloud assembly comes from, in the CDK CLI's conventions: `--app` names a synthesized assembly (a directory
// with manifest.json) or the command that synthesizes the app; without it, cdk.json's "app" in the working directory.
// The command runs as the CDK CLI runs it: cdk.json's "build" first, then the app with CDK_OUTDIR (where to write the
// assembly) and CDK_CONTEXT_JSON (the context: cdk.json's "context", then cdk.context.json, then each -c key=value)
// in its environment, which is how aws-cdk-lib's App learns both (AWS CDK Developer Guide, "Runtime context" and
// "AWS CDK CLI reference": `--app`, `--context`, `--output`).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface AppSource {
  /** A cloud assembly directory, or the command that synthesizes the app. */
  readonly app?: string;
  /** `key=value` pairs, as `-c` gives them. */
  readonly context: readonly string[];
  /** Where a synthesized app writes its assembly. */
  readonly output?: string;
}

interface CdkJson {
  readonly app?: string;
  readonly build?: string;
  readonly output?: string;
  readonly context?: Record<string, unknown>;
}

/** The directory of the cloud assembly to deploy: `--app`'s, or the one the app's command writes. */
export function cloudAssemblyDir(source: AppSource, cwd = process.cwd()): string {
  if (source.app !== undefined && isAssemblyDir(path.resolve(cwd, source.app))) {
    if (source.context.length > 0) {
      throw new Error(`--app ${source.app} is a synthesized cloud assembly: -c ${source.context[0]} cannot change it; `
        + 'give the command that synthesizes the app instead (as in cdk.json\'s "app")');
    }
    return path.resolve(cwd, source.app);
  }
  const cdkJson = readJson<CdkJson>(path.join(cwd, 'cdk.json')) ?? {};
  const command = source.app ?? cdkJson.app;
  if (!command) {
    throw new Error('no app to deploy: give --app <cloud assembly directory or the command that synthesizes the app>, '
      + 'or run where a cdk.json names the app ("app")');
  }
  const outdir = path.resolve(cwd, source.output ?? cdkJson.output ?? 'cdk.out');
  const context = {
    ...cdkJson.context,
    ...readJson<Record<string, unknown>>(path.join(cwd, 'cdk.context.json')),
    ...Object.fromEntries(source.context.map(contextPair)),
  };
  if (cdkJson.build) run(cdkJson.build, cwd, {}, 'the build command of cdk.json');
  run(command, cwd, { CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify(context) }, 'the app');
  if (!isAssemblyDir(outdir)) throw new Error(`the app (${command}) wrote no cloud assembly to ${outdir}`);
  return outdir;
}

function isAssemblyDir(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'manifest.json'));
}

/** `key=value` as the CDK CLI reads it: the value is a string, everything after the first `=`. */
function contextPair(pair: string): [string, string] {
  const at = pair.indexOf('=');
  return [pair.slice(0, at), pair.slice(at + 1)];
}

function readJson<T>(file: string): T | undefined {
  if (!fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
  }
}

function run(command: string, cwd: string, env: Record<string, string>, what: string): void {
  const result = spawnSync(command, { cwd, shell: true, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  if (result.error) throw new Error(`${what} (${command}) could not start: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${what} (${command}) failed (exit code ${result.status})`);
}
