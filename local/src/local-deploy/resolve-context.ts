// The intrinsic-function context of one stack deployment: pseudo parameters, template parameters (their values,
// resolved before the deployment by stack-inputs.ts), the resources deployed so far, the other stacks' exports and the
// template's conditions.
import { Template } from './cloud-assembly';
import { ResolveContext, resolve } from './intrinsics';
import { Environment } from './simulated-resources';
import { ParameterValue } from './stack-parameters';
import { DeployedResource, StackStateStore } from './stack-state';

export function stackResolveContext(
  stackName: string,
  stackId: string,
  template: Template,
  env: Environment,
  resources: Record<string, DeployedResource>,
  states: StackStateStore,
  imports: Set<string>,
  parameterValues: Record<string, ParameterValue>,
): ResolveContext {
  const pseudo: Record<string, string> = {
    'AWS::AccountId': env.account,
    'AWS::Region': env.region,
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
    'AWS::StackName': stackName,
    'AWS::StackId': stackId,
  };
  const conditions = new Map<string, boolean>();
  const context: ResolveContext = {
    parameter: (name) => {
      if (name in pseudo) return pseudo[name];
      if (!template.Parameters?.[name]) return undefined;
      if (!(name in parameterValues)) throw new Error(`parameter ${name} has no value`);
      return parameterValues[name];
    },
    ref: (logicalId) => deployed(resources, logicalId).physicalId,
    getAtt: (logicalId, attribute) => {
      const resource = deployed(resources, logicalId);
      if (!(attribute in resource.attributes)) {
        throw new Error(resource.type.startsWith('Custom::') || resource.type === 'AWS::CloudFormation::CustomResource'
          ? `CustomResource attribute error: Vendor response doesn't contain ${attribute} key in object ${resource.physicalId}`
          : `${logicalId} (${resource.type}): attribute ${attribute} is not simulated by the local deploy`);
      }
      return resource.attributes[attribute];
    },
    importValue: (exportName) => {
      const found = states.findExport(exportName);
      if (!found || found.stackName === stackName) throw new Error(`No export named ${exportName} found`);
      imports.add(exportName);
      return String(found.value);
    },
    condition: (name) => {
      if (!conditions.has(name)) {
        if (!template.Conditions || !(name in template.Conditions)) throw new Error(`condition ${name} is not defined`);
        const value = resolve(template.Conditions[name], context);
        conditions.set(name, value === true || value === 'true');
      }
      return conditions.get(name)!;
    },
  };
  return context;
}

function deployed(resources: Record<string, DeployedResource>, logicalId: string): DeployedResource {
  const resource = resources[logicalId];
  if (!resource) throw new Error(`${logicalId} is referenced before it is deployed (or it does not exist)`);
  return resource;
}

/** Export names the template imports as literal strings: CloudFormation checks them before changing anything. */
export function literalImports(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) {value.forEach((v) => literalImports(v, found));} else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'Fn::ImportValue' && typeof v === 'string') found.push(v);
      else literalImports(v, found);
    }
  }
  return found;
}
