// Reads a synthesized cloud assembly (cdk.out) with @aws-cdk/cloud-assembly-api, the reader aws-cdk-lib bundles: its
// stacks in dependency order, their templates, and where the file asset behind an S3 key (a Lambda function's code)
// sits on disk. Refuses what the local deploy cannot simulate before anything is deployed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AssetManifestArtifact, CloudAssembly, CloudFormationStackArtifact, MANIFEST_FILE } from '@aws-cdk/cloud-assembly-api';
import { SUPPORTED_FUNCTIONS, unsupportedFunctions } from './intrinsics';
import type { TemplateParameter } from './stack-parameters';
import type { TemplateRule } from './template-rules';

export interface Template {
  readonly Parameters?: Record<string, TemplateParameter>;
  readonly Rules?: Record<string, TemplateRule>;
  readonly Conditions?: Record<string, unknown>;
  readonly Resources: Record<string, TemplateResource>;
  readonly Outputs?: Record<string, { Value: unknown; Export?: { Name: unknown }; Condition?: string }>;
}

export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DependsOn?: string | string[];
  readonly Condition?: string;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly Metadata?: unknown;
}

export interface AssemblyStack {
  readonly name: string;
  readonly template: Template;
  /** Names of the stacks this one depends on (deployed before it, destroyed after it). */
  readonly dependencies: string[];
  /** The directory of the file asset uploaded under `objectKey`, or undefined. */
  assetDirectory(objectKey: string): string | undefined;
}

/**
 * The assembly's stacks, each after the stacks it depends on. Throws, before anything is deployed, if a stack
 * holds what the local deploy cannot simulate (see checkDeployable).
 */
export function readCloudAssembly(outdir: string): AssemblyStack[] {
  const manifestFile = path.join(outdir, MANIFEST_FILE);
  if (!fs.existsSync(manifestFile)) throw new Error(`${manifestFile} not found: synthesize the app first`);
  let assembly: CloudAssembly;
  try {
    // Also checks the manifest's schema version against the schema aws-cdk-lib writes with.
    assembly = new CloudAssembly(outdir);
  } catch (error) {
    throw new Error(`cannot read the cloud assembly in ${outdir}: ${(error as Error).message}`);
  }
  // Top-level stacks only, as `cdk deploy --all`: the stacks of a Stage sit in a nested assembly.
  const artifacts = assembly.stacks;
  const stacks = artifacts.map((artifact): AssemblyStack => {
    let template: Template;
    try {
      template = artifact.template;
    } catch (error) {
      throw new Error(`stack ${artifact.stackName}: cannot read its template ${artifact.templateFile}: ${(error as Error).message}`);
    }
    const assetManifests = artifact.dependencies.filter(AssetManifestArtifact.isAssetManifestArtifact);
    return {
      name: artifact.stackName,
      template,
      // Artifact ids to stack names: a stack with an explicit stackName is known by it.
      dependencies: artifact.dependencies.filter(CloudFormationStackArtifact.isCloudFormationStackArtifact).map((d) => d.stackName),
      assetDirectory: (objectKey) => assetDirectory(assetManifests, objectKey),
    };
  });
  checkDeployable(stacks);
  return dependencyOrder(stacks, (s) => s.name, (s) => s.dependencies);
}

function assetDirectory(manifests: AssetManifestArtifact[], objectKey: string): string | undefined {
  for (const manifest of manifests) {
    const file = Object.values(manifest.contents.files ?? {}).find((f) => f.source.packaging === 'zip'
      && Object.values(f.destinations).some((d) => d.objectKey === objectKey));
    // Asset paths are relative to the asset manifest's directory.
    if (file?.source.path) return path.resolve(path.dirname(manifest.file), file.source.path);
  }
  return undefined;
}

/**
 * Refuses, naming the stack, what the local deploy cannot simulate or the reader cannot handle: templates without
 * resources (CloudFormation refuses them too), nested stacks (their resources would never be created, while the
 * parent reports CREATE_COMPLETE), macros (Transform), intrinsic functions it does not evaluate, and malformed
 * sections.
 */
export function checkDeployable(stacks: readonly AssemblyStack[]): void {
  for (const stack of stacks) checkTemplate(stack.name, stack.template);
}

function checkTemplate(stackName: string, template: unknown): void {
  const fail = (message: string) => { throw new Error(`stack ${stackName}: ${message}`); };
  if (!isObject(template)) return fail('its template is not a JSON object');
  if (template.Transform !== undefined) {
    fail(`its template declares Transform ${JSON.stringify(template.Transform)}: macros are not expanded by the local deploy`);
  }
  if (template.Resources === undefined || (isObject(template.Resources) && Object.keys(template.Resources).length === 0)) {
    fail('Template format error: At least one Resources member must be defined. '
      + '(CloudFormation refuses a template without resources; add one or leave the stack out of the app)');
  }
  for (const section of ['Resources', 'Parameters', 'Conditions', 'Outputs', 'Rules']) {
    if (template[section] !== undefined && !isObject(template[section])) fail(`its template's ${section} section is not an object`);
  }
  // Refused before anything is deployed rather than when the resource that uses one comes to be created.
  const unsupported = [...unsupportedFunctions([template.Resources, template.Outputs, template.Conditions])];
  if (unsupported.length > 0) {
    fail(`its template uses ${unsupported.join(', ')}, which the local deploy does not evaluate (it evaluates `
      + `${[...SUPPORTED_FUNCTIONS].join(', ')})`);
  }
  for (const [logicalId, resource] of Object.entries(template.Resources as Record<string, unknown>)) {
    const where = `resource ${logicalId}`;
    if (!isObject(resource)) return fail(`${where} is not an object`);
    if (typeof resource.Type !== 'string') fail(`${where} has no Type`);
    if (resource.Type === NESTED_STACK_TYPE) {
      fail(`${where} is a nested stack (${NESTED_STACK_TYPE}): nested stacks are not simulated by the local deploy, `
        + 'their resources would never be created. Deploy the nested content as a top-level stack to try it locally');
    }
    if (resource.Properties !== undefined && !isObject(resource.Properties)) fail(`${where}: Properties is not an object`);
    const dependsOn = resource.DependsOn;
    if (dependsOn !== undefined && typeof dependsOn !== 'string' && !(Array.isArray(dependsOn) && dependsOn.every((d) => typeof d === 'string'))) {
      fail(`${where}: DependsOn is neither a logical id nor a list of them`);
    }
    for (const attribute of ['Condition', 'DeletionPolicy', 'UpdateReplacePolicy']) {
      if (resource[attribute] !== undefined && typeof resource[attribute] !== 'string') fail(`${where}: ${attribute} is not a string`);
    }
  }
}

const NESTED_STACK_TYPE = 'AWS::CloudFormation::Stack';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
