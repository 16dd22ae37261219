// What a stack deployment takes besides its template, checked before anything of any selected stack is created, as
// CloudFormation validates a stack before it changes anything: every parameter has a value its type and constraints
// allow (stack-parameters.ts), every dynamic reference in the resources, outputs and parameter values can be resolved
// (dynamic-references.ts), and the Rules hold (template-rules.ts). Each refusal names what is missing and the option
// that supplies it.
import { AssemblyStack } from './cloud-assembly';
import { checkDynamicReferences, resolveDynamicReferences } from './dynamic-references';
import { resolve, ResolveContext } from './intrinsics';
import { LocalSsmParameters } from './local-ssm-parameters';
import { Environment } from './simulated-resources';
import { ParameterAssignment, ParameterValue, resolveStackParameters } from './stack-parameters';
import { DeployedStack, StackStateStore } from './stack-state';
import { ruleProblems } from './template-rules';

/** --parameters, --ssm and --no-previous-parameters. */
export interface StackInputOptions {
  readonly parameters?: readonly ParameterAssignment[];
  readonly ssm?: LocalSsmParameters;
  /** Keep each parameter's value of the stack's last successful deployment where none is given, as `cdk deploy` does
   * (--previous-parameters, true by default). @default true */
  readonly usePreviousParameters?: boolean;
}

export interface StackInputs {
  /** What Ref of each template parameter gives. */
  readonly parameterValues: Record<string, ParameterValue>;
  /** The parameters' values as given, recorded with the deployed stack. */
  readonly recordedParameters: Record<string, string>;
  /** `value` (resolved properties, an output) with its dynamic references replaced by their values. */
  resolveReferences(value: unknown): unknown;
}

export interface PreparedStack {
  readonly inputs?: StackInputs;
  /** Why the stack cannot be deployed; empty when `inputs` is set. */
  readonly problems: string[];
}

/** The inputs of `stack`, whose last deployment is `previous`, or why it is refused. */
export function prepareStackInputs(stack: AssemblyStack, options: StackInputOptions, previous: DeployedStack | undefined,
  env: Environment): PreparedStack {
  const ssm = options.ssm ?? new LocalSsmParameters();
  const declared = stack.template.Parameters ?? {};
  const problems: string[] = [];
  // As the CDK CLI: values for every stack first, then this stack's own. `cdk deploy` passes a value without a stack
  // to every stack, and CloudFormation refuses a stack that lacks the parameter: refused here before anything is sent.
  const given: Record<string, string> = {};
  for (const a of options.parameters ?? []) {
    if (a.stack) continue;
    if (a.name in declared) {
      given[a.name] = a.value;
    } else {
      problems.push(`--parameters ${a.name}: stack ${stack.name} has no parameter ${a.name} (${parameterList(declared)}); `
        + `cdk deploy would pass it to every stack and CloudFormation would refuse this one ("Parameters: [${a.name}] do `
        + 'not exist in the template"): give it as <Stack>:' + `${a.name}=<value> for the stacks that declare it`);
    }
  }
  for (const a of options.parameters ?? []) {
    if (a.stack !== stack.name) continue;
    if (a.name in declared) given[a.name] = a.value;
    // CloudFormation: "Parameters: [Name] do not exist in the template".
    else problems.push(`--parameters ${a.stack}:${a.name}: stack ${stack.name} has no parameter ${a.name} (${parameterList(declared)})`);
  }
  const parameters = resolveStackParameters(declared, {
    stackName: stack.name,
    given,
    previous: options.usePreviousParameters === false ? undefined : previous?.parameters,
    ssm,
  });
  problems.push(...parameters.problems);
  for (const [name, value] of Object.entries(parameters.values)) {
    problems.push(...checkDynamicReferences(value, { where: `${stack.name}: parameter ${name}`, customResource: false, parameter: true }, ssm));
  }
  const pseudo: Record<string, string> = {
    'AWS::AccountId': env.account, 'AWS::Region': env.region, 'AWS::Partition': 'aws', 'AWS::URLSuffix': 'amazonaws.com', 'AWS::StackName': stack.name,
  };
  if (parameters.problems.length === 0) {
    problems.push(...ruleProblems(stack.name, stack.template.Rules, (name) => parameters.values[name] ?? pseudo[name]));
  }
  const active = activeCondition(stack, { ...pseudo, ...parameters.values });
  for (const [logicalId, resource] of Object.entries(stack.template.Resources)) {
    if (!active(resource.Condition)) continue;
    const customResource = resource.Type === 'AWS::CloudFormation::CustomResource' || resource.Type.startsWith('Custom::');
    const where = `${stack.name}: resource ${logicalId} (${resource.Type})`;
    problems.push(...checkDynamicReferences({ Properties: resource.Properties }, { where, customResource }, ssm));
  }
  for (const [name, output] of Object.entries(stack.template.Outputs ?? {})) {
    if (!active(output.Condition)) continue;
    problems.push(...checkDynamicReferences({ Value: output.Value, Export: output.Export }, { where: `${stack.name}: output ${name}`, customResource: false }, ssm));
  }
  if (problems.length > 0) return { problems };
  return {
    problems,
    inputs: {
      parameterValues: parameters.values,
      recordedParameters: parameters.recorded,
      resolveReferences: (value) => resolveDynamicReferences(value, ssm),
    },
  };
}

/**
 * The inputs of every stack in `selected` (the stacks of one deploy), or every problem of any of them: then no stack
 * is to be deployed. Also refuses a --parameters that names no selected stack.
 */
export function prepareSelectedStacks(selected: readonly AssemblyStack[], options: StackInputOptions, states: StackStateStore,
  env: Environment): { inputs: Map<string, StackInputs>; problems: string[] } {
  const problems: string[] = [];
  const names = selected.map((s) => s.name);
  for (const a of options.parameters ?? []) {
    if (a.stack && !names.includes(a.stack)) {
      problems.push(`--parameters ${a.stack}:${a.name}: no selected stack is named ${a.stack} (selected: ${names.join(', ')})`);
    }
  }
  const inputs = new Map<string, StackInputs>();
  for (const stack of selected) {
    const prepared = prepareStackInputs(stack, options, states.load(stack.name), env);
    problems.push(...prepared.problems);
    if (prepared.inputs) inputs.set(stack.name, prepared.inputs);
  }
  return { inputs, problems };
}

function parameterList(parameters: Record<string, unknown>): string {
  const names = Object.keys(parameters);
  return names.length ? `its parameters: ${names.join(', ')}` : 'it has no parameters';
}

/** Whether a resource or output with this Condition is deployed; a condition that cannot be evaluated before the
 * deploy counts as true (its references are checked rather than missed). */
function activeCondition(stack: AssemblyStack, values: Record<string, ParameterValue>): (condition: string | undefined) => boolean {
  const unknown = (what: string) => () => { throw new Error(`${what} is not known before the deploy`); };
  const cache = new Map<string, boolean>();
  const context: ResolveContext = {
    parameter: (name) => values[name],
    ref: unknown('a resource'),
    getAtt: unknown('an attribute'),
    importValue: unknown('an import'),
    condition: (name) => {
      if (!cache.has(name)) {
        const value = resolve(stack.template.Conditions?.[name], context);
        cache.set(name, value === true || value === 'true');
      }
      return cache.get(name)!;
    },
  };
  return (condition) => {
    if (!condition) return true;
    try {
      return context.condition(condition);
    } catch {
      return true;
    }
  };
}
