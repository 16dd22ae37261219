// A stack's template parameters as CloudFormation resolves them before it creates anything: each takes the value given
// (--parameters), else the one the stack's last successful deployment used (as `cdk deploy` passes UsePreviousValue,
// unless --no-previous-parameters), else its Default; a parameter with none is refused, as is a value its Type or
// constraints do not allow. Ref gives the value of the parameter's type: a list of strings for the list types, the
// Systems Manager parameter's value for AWS::SSM::Parameter::Value<…>. Sources: CloudFormation User Guide, template
// "Parameters" section syntax, and "Use CloudFormation-supplied parameter types" (SSM and AWS-specific types).
import { LocalSsmParameters, SSM_PARAMETER_NAME, ssmOptionFor } from './local-ssm-parameters';

export interface TemplateParameter {
  readonly Type: string;
  readonly Default?: unknown;
  readonly AllowedValues?: unknown[];
  readonly AllowedPattern?: string;
  readonly ConstraintDescription?: string;
  readonly MinLength?: number | string;
  readonly MaxLength?: number | string;
  readonly MinValue?: number | string;
  readonly MaxValue?: number | string;
  readonly NoEcho?: boolean | string;
  readonly Description?: string;
}

/** One `--parameters [Stack:]Name=Value`; without a stack it applies to every selected stack, as in `cdk deploy`. */
export interface ParameterAssignment {
  readonly stack?: string;
  readonly name: string;
  readonly value: string;
}

/** As the CDK CLI reads --parameters: the value follows the first `=`, a `Stack:` (or `*:`) prefix names the stack. */
export function parseParameterOption(text: string): ParameterAssignment {
  const equals = text.indexOf('=');
  const key = equals < 0 ? '' : text.slice(0, equals);
  const [first, second] = key.split(':', 2);
  const [stack, name] = second === undefined ? [undefined, first] : [first === '*' ? undefined : first, second];
  if (!name || stack === '') throw new Error(`--parameters ${text}: expected Name=Value or Stack:Name=Value`);
  return { ...(stack ? { stack } : {}), name, value: text.slice(equals + 1) };
}

export type ParameterValue = string | string[];

export interface ResolvedParameters {
  /** What Ref of each parameter gives. */
  readonly values: Record<string, ParameterValue>;
  /** Each parameter's value as given (an SSM type's is the Systems Manager parameter's name): the next deployment's
   * previous values. */
  readonly recorded: Record<string, string>;
  readonly problems: string[];
}

export interface ParameterSources {
  readonly stackName: string;
  /** --parameters values for this stack, by parameter name. */
  readonly given: Record<string, string>;
  /** The values of the stack's last successful deployment, when they are to be kept. */
  readonly previous?: Record<string, string>;
  readonly ssm: LocalSsmParameters;
}

const SOURCE_TEXT = { given: 'given with --parameters', previous: 'kept from the previous deployment', default: 'its Default' } as const;

export function resolveStackParameters(parameters: Record<string, TemplateParameter>, sources: ParameterSources): ResolvedParameters {
  const values: Record<string, ParameterValue> = {};
  const recorded: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, parameter] of Object.entries(parameters)) {
    const option = `--parameters ${sources.stackName}:${name}=<value>`;
    const refuse = (why: string) => problems.push(`${sources.stackName}: parameter ${name} ${why}`);
    const kind = parameterKind(String(parameter.Type));
    if (typeof kind === 'string') {
      refuse(kind);
      continue;
    }
    const [raw, source] = sources.given[name] !== undefined ? [sources.given[name], 'given' as const]
      : sources.previous?.[name] !== undefined ? [sources.previous[name], 'previous' as const]
        : parameter.Default !== undefined ? [templateString(parameter.Default), 'default' as const] : [undefined, undefined];
    if (raw === undefined || source === undefined) {
      // CloudFormation: "Parameters: [Name] must have values".
      refuse(`has no value: give it with ${option}`);
      continue;
    }
    const violated = constraintViolations(parameter, kind, raw);
    if (violated.length > 0) {
      const description = parameter.ConstraintDescription ? ` (ConstraintDescription: ${parameter.ConstraintDescription})` : '';
      // The value itself is not quoted, as CloudFormation does not quote it: it may be a message or contact data.
      refuse(`(${SOURCE_TEXT[source]}) ${violated.join(', ')}${description}: give another value with ${option}`);
      continue;
    }
    recorded[name] = raw;
    if (kind.ssm === undefined) {
      values[name] = kind.list ? splitList(raw) : raw;
      continue;
    }
    // The value of an SSM type is a Systems Manager parameter's name, looked up at each deployment (an earlier
    // deployment's value is its name, never the value it had).
    const key = /^([^:]+)(?::([1-9]\d*))?$/.exec(raw);
    if (!key || !SSM_PARAMETER_NAME.test(key[1])) {
      refuse(`(${parameter.Type}) = ${JSON.stringify(raw)} is not a Systems Manager parameter name: give one with ${option}`);
      continue;
    }
    const version = key[2] ? Number(key[2]) : undefined;
    const ssmValue = sources.ssm.value(key[1], version);
    if (kind.ssm === 'name' ? !sources.ssm.exists(key[1]) : ssmValue === undefined) {
      refuse(`(${parameter.Type}) names the Systems Manager parameter ${raw}, which the local account does not have: `
        + `give its value with ${ssmOptionFor(key[1], version)}`);
      continue;
    }
    values[name] = kind.ssm === 'name' ? raw : kind.list ? splitList(ssmValue!) : ssmValue!;
  }
  return { values, recorded, problems };
}

interface ParameterKind {
  /** Ref gives a list of strings. */
  readonly list: boolean;
  /** Checked as numbers (Number, List<Number>). */
  readonly numeric: boolean;
  /** The value names a Systems Manager parameter: Ref gives its value, or (AWS::SSM::Parameter::Name) the name. */
  readonly ssm?: 'value' | 'name';
}

/** How a parameter of `type` is read, or why it is refused. */
function parameterKind(type: string): ParameterKind | string {
  switch (type) {
    case 'String': return { list: false, numeric: false };
    case 'Number': return { list: false, numeric: true };
    case 'List<Number>': return { list: true, numeric: true };
    case 'CommaDelimitedList': return { list: true, numeric: false };
    case 'AWS::SSM::Parameter::Name': return { list: false, numeric: false, ssm: 'name' };
  }
  const ssmValue = /^AWS::SSM::Parameter::Value<(.+)>$/.exec(type)?.[1];
  // CloudFormation validates an SSM parameter's key, not its value, so a value of an AWS-specific type is taken as
  // it is (User Guide, "Systems Manager parameter types").
  if (ssmValue === 'String' || /^AWS::[A-Za-z0-9]+::[A-Za-z0-9:]+$/.test(ssmValue ?? '')) return { list: false, numeric: false, ssm: 'value' };
  if (ssmValue === 'List<String>' || ssmValue === 'CommaDelimitedList' || /^List<AWS::[A-Za-z0-9]+::[A-Za-z0-9:]+>$/.test(ssmValue ?? '')) {
    return { list: true, numeric: false, ssm: 'value' };
  }
  if (/^(List<)?AWS::/.test(type) && ssmValue === undefined) {
    return `has the AWS-specific type ${type}: CloudFormation checks such a value against the resources the account `
      + 'has (an existing key pair, VPC, subnet…), which the local account does not have. The local deploy refuses '
      + 'these types rather than accept a value CloudFormation could refuse; declare the parameter as String (or '
      + 'CommaDelimitedList) to rehearse the stack locally';
  }
  return `has the type ${type}, which is not a CloudFormation parameter type`;
}

/** The constraints `raw` breaks, each as a phrase ("must be one of AllowedValues: a, b"). */
function constraintViolations(parameter: TemplateParameter, kind: ParameterKind, raw: string): string[] {
  const members = kind.list ? splitList(raw) : [raw];
  const violated: string[] = [];
  if (kind.numeric && members.some((m) => !isNumber(m))) violated.push(kind.list ? 'must be a list of numbers' : 'must be a number');
  if (parameter.AllowedValues !== undefined) {
    const allowed = parameter.AllowedValues.map(templateString);
    const sameNumber = (a: string, m: string) => kind.numeric && isNumber(a) && isNumber(m) && Number(a) === Number(m);
    const isAllowed = (m: string) => allowed.some((a) => a === m || sameNumber(a, m));
    if (!members.every(isAllowed)) violated.push(`must be one of AllowedValues: ${allowed.join(', ')}${kind.list ? ' (each member)' : ''}`);
  }
  // The pattern must match the whole value, or each member of a CommaDelimitedList.
  if (parameter.AllowedPattern !== undefined && !kind.numeric) {
    const pattern = wholeMatch(parameter.AllowedPattern);
    if (!pattern) violated.push(`cannot be checked: its AllowedPattern ${parameter.AllowedPattern} is not a regular expression JavaScript reads`);
    else if (!members.every((m) => pattern.test(m))) violated.push(`must match pattern ${parameter.AllowedPattern}${kind.list ? ' (each member)' : ''}`);
  }
  if (!kind.list) {
    const length = [...raw].length;
    if (parameter.MinLength !== undefined && length < Number(parameter.MinLength)) violated.push(`must contain at least ${parameter.MinLength} characters`);
    if (parameter.MaxLength !== undefined && length > Number(parameter.MaxLength)) violated.push(`must contain at most ${parameter.MaxLength} characters`);
  }
  if (kind.numeric && members.every(isNumber)) {
    const below = parameter.MinValue !== undefined && members.some((m) => Number(m) < Number(parameter.MinValue));
    const above = parameter.MaxValue !== undefined && members.some((m) => Number(m) > Number(parameter.MaxValue));
    if (below) violated.push(`must not be less than ${parameter.MinValue}`);
    if (above) violated.push(`must not be greater than ${parameter.MaxValue}`);
  }
  return violated;
}

/** A CommaDelimitedList (or List<Number>, or StringList value): one member per comma, each space trimmed. */
function splitList(raw: string): string[] {
  return raw.split(',').map((member) => member.trim());
}

/** CloudFormation reads AllowedPattern as a Java regular expression; the common subset reads the same in JavaScript. */
function wholeMatch(pattern: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return undefined;
  }
}

function isNumber(text: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim());
}

/** A template value (Default, AllowedValues member) as the string a parameter value is: JSON templates may hold numbers,
 * and a list default may be written as an array. */
function templateString(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(',') : String(value);
}
