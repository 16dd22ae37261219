// Reads a synthesized cloud assembly (cdk.out): its stacks in dependency order, their templates, and where the
// file asset behind an S3 key (a Lambda function's code) sits on disk.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Template {
  readonly Parameters?: Record<string, { Type: string; Default?: unknown }>;
  readonly Conditions?: Record<string, unknown>;
  readonly Resources: Record<string, TemplateResource>;
  readonly Outputs?: Record<string, { Value: unknown; Export?: { Name: unknown }; Condition?: string }>;
}

export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DependsOn?: string | string[];
  readonly Condition?: string;
}

export interface AssemblyStack {
  readonly name: string;
  readonly template: Template;
  /** Names of the stacks this one depends on (deployed before it, destroyed after it). */
  readonly dependencies: string[];
  /** The directory of the file asset uploaded under `objectKey`, or undefined. */
  assetDirectory(objectKey: string): string | undefined;
}

/** The assembly's stacks, each after the stacks it depends on. */
export function readCloudAssembly(outdir: string): AssemblyStack[] {
  const manifestFile = path.join(outdir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`${manifestFile} not found: synthesize the app first`);
  const artifacts: Record<string, any> = JSON.parse(fs.readFileSync(manifestFile, 'utf8')).artifacts ?? {};
  const stackNames = Object.keys(artifacts).filter((name) => artifacts[name].type === 'aws:cloudformation:stack');

  const stacks = stackNames.map((name): AssemblyStack => {
    const artifact = artifacts[name];
    const assetManifests = (artifact.dependencies ?? []).filter((d: string) => artifacts[d]?.type === 'cdk:asset-manifest');
    const files = Object.assign({}, ...assetManifests.map((d: string) =>
      JSON.parse(fs.readFileSync(path.join(outdir, artifacts[d].properties.file), 'utf8')).files ?? {}));
    return {
      name: artifact.properties?.stackName ?? name,
      template: JSON.parse(fs.readFileSync(path.join(outdir, artifact.properties.templateFile), 'utf8')),
      dependencies: (artifact.dependencies ?? []).filter((d: string) => stackNames.includes(d)),
      assetDirectory: (objectKey) => {
        const file = Object.values<any>(files).find((f) =>
          f.source?.packaging === 'zip' && Object.values<any>(f.destinations ?? {}).some((d) => d.objectKey === objectKey));
        return file ? path.resolve(outdir, file.source.path) : undefined;
      },
    };
  });
  return dependencyOrder(stacks, (s) => s.name, (s) => s.dependencies);
}

/** Topological order (dependencies first), stable for independent items; a cycle is an error. */
export function dependencyOrder<T>(items: T[], key: (item: T) => string, dependsOn: (item: T) => string[]): T[] {
  const byKey = new Map(items.map((item) => [key(item), item]));
  const ordered: T[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (item: T, trail: string[]) => {
    const k = key(item);
    if (state.get(k) === 'done') return;
    if (state.get(k) === 'visiting') throw new Error(`circular dependency: ${[...trail, k].join(' -> ')}`);
    state.set(k, 'visiting');
    for (const dependency of dependsOn(item)) {
      const next = byKey.get(dependency);
      if (next) visit(next, [...trail, k]);
    }
    state.set(k, 'done');
    ordered.push(item);
  };
  items.forEach((item) => visit(item, []));
  return ordered;
}
