// CloudFormation's intrinsic functions, as far as a synthesized CDK template uses them: Ref, Fn::GetAtt, Fn::Sub,
// Fn::Join, Fn::Select, Fn::Split, Fn::ImportValue, Fn::If and the condition functions. Anything else is refused
// with its name, never passed through unresolved.

export interface ResolveContext {
  /** A parameter's or pseudo parameter's value (AWS::Region, AWS::StackName…), or undefined if there is none. */
  parameter(name: string): unknown;
  /** The Ref value (physical id) of a resource already deployed. */
  ref(logicalId: string): string;
  getAtt(logicalId: string, attribute: string): unknown;
  importValue(exportName: string): string;
  condition(name: string): boolean;
}

/** The functions `resolve` evaluates; a template using any other is refused before anything is deployed. */
export const SUPPORTED_FUNCTIONS: ReadonlySet<string> = new Set([
  'Ref', 'Condition', 'Fn::GetAtt', 'Fn::Join', 'Fn::Select', 'Fn::Split', 'Fn::Sub', 'Fn::ImportValue', 'Fn::If',
  'Fn::Equals', 'Fn::Not', 'Fn::And', 'Fn::Or',
]);

/** Names of intrinsic functions `value` uses that `resolve` does not evaluate (an object's one `Fn::` key). */
export function unsupportedFunctions(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    value.forEach((v) => unsupportedFunctions(v, found));
  } else if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0].startsWith('Fn::') && !SUPPORTED_FUNCTIONS.has(keys[0])) found.add(keys[0]);
    Object.values(value).forEach((v) => unsupportedFunctions(v, found));
  }
  return found;
}

/** The value AWS::NoValue stands for: the property is left out. */
const NO_VALUE = Symbol('AWS::NoValue');

export function resolve(value: unknown, context: ResolveContext): unknown {
  const resolved = resolveValue(value, context);
  return resolved === NO_VALUE ? undefined : resolved;
}

function resolveValue(value: unknown, ctx: ResolveContext): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, ctx)).filter((v) => v !== NO_VALUE);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && (entries[0][0] === 'Ref' || entries[0][0].startsWith('Fn::') || entries[0][0] === 'Condition')) {
    return intrinsic(entries[0][0], entries[0][1], ctx);
  }
  const result: Record<string, unknown> = {};
  for (const [key, v] of entries) {
    const r = resolveValue(v, ctx);
    if (r !== NO_VALUE) result[key] = r;
  }
  return result;
}

function intrinsic(name: string, arg: any, ctx: ResolveContext): unknown {
  const str = (v: unknown) => asString(resolveValue(v, ctx), name);
  switch (name) {
    case 'Ref': {
      if (arg === 'AWS::NoValue') return NO_VALUE;
      const parameter = ctx.parameter(arg);
      return parameter !== undefined ? parameter : ctx.ref(arg);
    }
    case 'Fn::GetAtt': {
      const [logicalId, attribute] = Array.isArray(arg) ? arg : String(arg).split(/\.(.*)/s);
      return ctx.getAtt(logicalId, str(attribute));
    }
    case 'Fn::Join': return (resolveValue(arg[1], ctx) as unknown[]).map((v) => asString(v, name)).join(arg[0]);
    case 'Fn::Select': return (resolveValue(arg[1], ctx) as unknown[])[Number(resolveValue(arg[0], ctx))];
    case 'Fn::Split': return str(arg[1]).split(arg[0]);
    case 'Fn::Sub': return substitute(arg, ctx);
    case 'Fn::ImportValue': return ctx.importValue(str(arg));
    case 'Fn::If': return resolveValue(ctx.condition(arg[0]) ? arg[1] : arg[2], ctx);
    case 'Fn::Equals': return JSON.stringify(resolveValue(arg[0], ctx)) === JSON.stringify(resolveValue(arg[1], ctx));
    case 'Fn::Not': return !truthy(arg[0], ctx);
    case 'Fn::And': return (arg as unknown[]).every((c) => truthy(c, ctx));
    case 'Fn::Or': return (arg as unknown[]).some((c) => truthy(c, ctx));
    case 'Condition': return ctx.condition(arg);
    default: throw new Error(`${name} is not supported by the local deploy`);
  }
}

function truthy(condition: unknown, ctx: ResolveContext): boolean {
  const value = resolveValue(condition, ctx);
  return value === true || value === 'true';
}

function substitute(arg: string | [string, Record<string, unknown>], ctx: ResolveContext): string {
  const [text, variables] = typeof arg === 'string' ? [arg, {}] : arg;
  return text.replace(/\$\{(!?)([^}]+)\}/g, (_match, literal: string, name: string) => {
    if (literal) return `\${${name}}`;
    if (name in variables) return asString(resolveValue(variables[name], ctx), 'Fn::Sub');
    const [logicalId, attribute] = name.split(/\.(.*)/s);
    return asString(attribute ? ctx.getAtt(logicalId, attribute) : intrinsic('Ref', name, ctx), 'Fn::Sub');
  });
}

function asString(value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`${where}: expected a string, got ${JSON.stringify(value)?.slice(0, 80)}`);
}

/** Logical ids a value refers to through Ref, Fn::GetAtt or Fn::Sub (parameters included; callers filter). */
export function references(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    value.forEach((v) => references(v, found));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'Ref' && typeof v === 'string') {found.add(v);} else if (key === 'Fn::GetAtt') {found.add(Array.isArray(v) ? v[0] : String(v).split('.')[0]);} else if (key === 'Fn::Sub') {
        const [text, variables] = typeof v === 'string' ? [v, {}] : v as [string, Record<string, unknown>];
        for (const m of text.matchAll(/\$\{([^!}][^}.]*)/g)) if (!(m[1] in variables)) found.add(m[1]);
        references(variables, found);
      } else {references(v, found);}
    }
  }
  return found;
}
