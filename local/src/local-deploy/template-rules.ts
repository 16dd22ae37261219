// A template's Rules, evaluated as CloudFormation does before it creates or updates anything: a rule whose
// RuleCondition holds (or that has none) checks each of its Assertions, and a false one refuses the stack with its
// AssertDescription. CDK writes one into every stack with the default synthesizer: CheckBootstrapVersion, which reads
// the BootstrapVersion parameter. The rule functions that need only parameter values are evaluated; Fn::ValueOf,
// Fn::ValueOfAll and Fn::RefAll look up resources in the account and are refused. Source: CloudFormation User Guide,
// template "Rules" section syntax and "Rule functions" (the template reference).
import { ParameterValue } from './stack-parameters';

export interface TemplateRule {
  readonly RuleCondition?: unknown;
  readonly Assertions?: Array<{ readonly Assert: unknown; readonly AssertDescription?: string }>;
}

const NEEDS_THE_ACCOUNT = ['Fn::ValueOf', 'Fn::ValueOfAll', 'Fn::RefAll'];

/** Why the stack is refused: each failed assertion, or each rule the local deploy cannot evaluate. */
export function ruleProblems(stackName: string, rules: Record<string, TemplateRule> | undefined,
  parameter: (name: string) => ParameterValue | undefined): string[] {
  const problems: string[] = [];
  for (const [name, rule] of Object.entries(rules ?? {})) {
    try {
      if (rule.RuleCondition !== undefined && !isTrue(evaluate(rule.RuleCondition, parameter))) continue;
      for (const assertion of rule.Assertions ?? []) {
        if (!isTrue(evaluate(assertion.Assert, parameter))) {
          problems.push(`${stackName}: rule ${name}: ${assertion.AssertDescription ?? 'an assertion failed (it has no AssertDescription)'}`);
        }
      }
    } catch (error) {
      problems.push(`${stackName}: rule ${name} cannot be evaluated: ${(error as Error).message}`);
    }
  }
  return problems;
}

type RuleValue = string | boolean | RuleValue[];

function evaluate(expression: unknown, parameter: (name: string) => ParameterValue | undefined): RuleValue {
  const value = (e: unknown) => evaluate(e, parameter);
  const list = (e: unknown, what: string): RuleValue[] => {
    const v = value(e);
    if (!Array.isArray(v)) throw new Error(`${what}: expected a list of strings, got ${JSON.stringify(v)}`);
    return v;
  };
  if (typeof expression === 'string' || typeof expression === 'boolean') return expression;
  if (typeof expression === 'number') return String(expression);
  if (Array.isArray(expression)) return expression.map(value);
  const entries = typeof expression === 'object' && expression !== null ? Object.entries(expression) : [];
  if (entries.length !== 1) throw new Error(`${JSON.stringify(expression)?.slice(0, 80)} is not a rule function`);
  const [fn, arg] = entries[0] as [string, any];
  if (NEEDS_THE_ACCOUNT.includes(fn)) {
    throw new Error(`${fn} looks up resources of the account (their attributes or every value of a parameter type), `
      + 'which the local account does not have');
  }
  switch (fn) {
    case 'Ref': {
      const v = parameter(String(arg));
      if (v === undefined) throw new Error(`Ref ${arg}: rules refer only to the template's parameters`);
      return v;
    }
    case 'Fn::And': return (arg as unknown[]).every((c) => isTrue(value(c)));
    case 'Fn::Or': return (arg as unknown[]).some((c) => isTrue(value(c)));
    case 'Fn::Not': return !isTrue(value(Array.isArray(arg) ? arg[0] : arg));
    case 'Fn::Equals': return JSON.stringify(value(arg[0])) === JSON.stringify(value(arg[1]));
    case 'Fn::Contains': return list(arg[0], fn).some((member) => JSON.stringify(member) === JSON.stringify(value(arg[1])));
    case 'Fn::EachMemberEquals': {
      const expected = JSON.stringify(value(arg[1]));
      return list(arg[0], fn).every((member) => JSON.stringify(member) === expected);
    }
    case 'Fn::EachMemberIn': {
      const checked = list(arg[0], fn);
      const allowed = list(arg[1], fn).map((m) => JSON.stringify(m));
      return checked.every((member) => allowed.includes(JSON.stringify(member)));
    }
    default: throw new Error(`${fn} is not a rule function (rules take Ref and the rule functions Fn::And, Fn::Contains, `
      + 'Fn::EachMemberEquals, Fn::EachMemberIn, Fn::Equals, Fn::Not, Fn::Or)');
  }
}

function isTrue(value: RuleValue): boolean {
  return value === true || value === 'true';
}
