// The walker that checks a request in the API's own (PascalCase) shape against a rule table
// (engagement-invitation/rules.ts, engagement/rules.ts), and the one way problems are written and reported. Used by
// the constructs at synth, and free of aws-cdk-lib so other tools can apply exactly the same rules.
import { ListRule, Rule, StringRule, StructureRule } from './rule-types';

/** One broken rule: where (path segments: member names and list indexes), what is wrong, and which rule. */
export interface Violation {
  readonly path: ReadonlyArray<string | number>;
  /** What is wrong, naming fields as the wire does. */
  readonly problem: string;
  readonly rule: string;
  /** For a union: its members and how many are set, so the problem can be written in either naming. */
  readonly union?: { readonly members: readonly string[]; readonly present: number };
  /**
   * A value outside an open enum's known values (StringRule.openEnum): reported as a warning, not an error, because
   * the service may accept a value added after this library's copy of the model.
   */
  readonly advisory?: boolean;
}

export interface ValidateOptions {
  /**
   * Values for which this returns true (deploy-time tokens) are not checked; nor are strings with a `{{resolve:ssm:…}}`
   * dynamic reference. Strings with a secure one (`ssm-secure`, `secretsmanager`) are refused.
   */
  readonly isUnresolved?: (value: unknown) => boolean;
}

/** The one error for rejected input: where (the construct's path), what was rejected, then every problem. */
export function invalidInputError(scope: { node: { path: string } }, id: string, subject: string, problems: string[]): Error {
  const where = scope.node.path ? `${scope.node.path}/${id}` : id;
  return new Error(`${where}: invalid ${subject} (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n  ${problems.join('\n  ')}`);
}

/**
 * The problem of props that are not an object at all (`undefined` from JavaScript, a forgotten argument), which
 * would otherwise surface as a TypeError that names neither the construct nor the props.
 */
export function propsProblems(props: unknown, rule: StructureRule): string[] {
  if (typeof props === 'object' && props !== null && !Array.isArray(props)) return [];
  const required = Object.keys(rule.members).filter((name) => rule.members[name].required).map((name) => formatPath([name]));
  const fields = required.length > 1 ? `${required.slice(0, -1).join(', ')} and ${required[required.length - 1]}` : required[0];
  return [`(props): must be an object with ${fields}, got ${typeOf(props)} (type)`];
}

/** Checks `value` against `rule` and returns every violation (an empty list when valid). */
export function validate(rule: Rule, value: unknown, options: ValidateOptions = {}): Violation[] {
  const violations: Violation[] = [];
  check(rule, value, [], { out: violations, isUnresolved: options.isUnresolved ?? (() => false) }, false);
  return violations;
}

/**
 * `a.b[0].c: problem (rule)`. `camelCase` writes member names as the construct's props name them; otherwise the
 * API's own PascalCase names are kept (for input that came in the wire shape).
 */
export function formatViolation(v: Violation, naming: 'camelCase' | 'wire' = 'camelCase'): string {
  const problem = v.union ? unionProblem(v.union.members, v.union.present, naming) : v.problem;
  return `${formatPath(v.path, naming)}: ${problem} (${v.rule})`;
}

function unionProblem(members: readonly string[], present: number, naming: 'camelCase' | 'wire'): string {
  const found = present === 0 ? 'none is set' : `${present} are set`;
  return `must set exactly one of ${members.map((name) => formatPath([name], naming)).join(', ')}; ${found}`;
}

export function formatPath(path: ReadonlyArray<string | number>, naming: 'camelCase' | 'wire' = 'camelCase'): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      out += `[${segment}]`;
    } else {
      const name = naming === 'camelCase' ? segment.charAt(0).toLowerCase() + segment.slice(1) : segment;
      out += out ? `.${name}` : name;
    }
  }
  return out || '(request)';
}

const compiled = new Map<string, RegExp>();
/** Smithy patterns are ECMAScript regexes, except for the inline `(?s)` flag, which becomes the `s` flag. */
function toRegExp(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    const dotAll = pattern.includes('(?s)');
    re = new RegExp(pattern.replace('(?s)', ''), dotAll ? 'su' : 'u');
    compiled.set(pattern, re);
  }
  return re;
}

function show(value: string): string {
  const quoted = JSON.stringify(value);
  return quoted.length > 42 ? `${quoted.slice(0, 40)}…"` : quoted;
}

function typeOf(value: unknown): string {
  if (value === undefined || value === null) return String(value);
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}

/**
 * CloudFormation's dynamic references, anywhere in a string. A custom resource's properties get `ssm` references
 * resolved, but not secure ones: "Dynamic references for secure values, such as ssm-secure, aren't currently
 * supported in custom resources" (CloudFormation User Guide, "Get a secure string value from Systems Manager
 * Parameter Store"; "Get values stored in other services using dynamic references" says the same of Secrets
 * Manager).
 */
const DYNAMIC_REFERENCE = /\{\{resolve:(ssm|ssm-secure|secretsmanager):/g;

/** Whether `value` is a string with a dynamic reference in it: a deploy-time value, not checked at synth. */
export function hasDynamicReference(value: unknown): value is string {
  return typeof value === 'string' && [...value.matchAll(DYNAMIC_REFERENCE)].length > 0;
}

/** What is wrong with a dynamic reference CloudFormation would hand to the handler unresolved, if there is one. */
export function dynamicReferenceProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const secure = [...value.matchAll(DYNAMIC_REFERENCE)].map((match) => match[1]).find((service) => service !== 'ssm');
  return secure === undefined ? undefined
    : `is a {{resolve:${secure}:…}} dynamic reference, which CloudFormation does not resolve in custom resource `
    + 'properties: the handler would receive the reference text instead of the value; use {{resolve:ssm:…}} (a plain '
    + 'String parameter) or pass the value otherwise';
}

type Path = Array<string | number>;
interface Walk {
  readonly out: Violation[];
  readonly isUnresolved: (v: unknown) => boolean;
}

/** `hideValue`: the value is customer or contact data (its member, or one above it, is sensitive): never quoted. */
function check(rule: Rule, value: unknown, path: Path, walk: Walk, hideValue: boolean): void {
  const dynamicProblem = dynamicReferenceProblem(value);
  if (dynamicProblem) return void walk.out.push({ path, problem: dynamicProblem, rule: 'dynamic reference' });
  // A literal `{{resolve:ssm:…}}` is resolved by CloudFormation, like a token is: neither is known at synth.
  if (walk.isUnresolved(value) || hasDynamicReference(value)) return;
  switch (rule.kind) {
    case 'string': return checkString(rule, value, path, walk.out, hideValue);
    case 'list': return checkList(rule, value, path, walk, hideValue);
    case 'structure': return checkStructure(rule, value, path, walk, hideValue);
    case 'timestamp': return checkTimestamp(value, path, walk.out, hideValue);
  }
}

function checkString(rule: StringRule, value: unknown, path: Path, out: Violation[], hideValue: boolean): void {
  if (typeof value !== 'string') {
    out.push({ path, problem: `must be a string, got ${typeOf(value)}`, rule: 'type' });
    return;
  }
  const quoted = hideValue ? '' : `${show(value)} `;
  // An enum is narrower than any pattern beside it (Catalog's ^[a-zA-Z]+$): a value outside it is told the values.
  if (rule.enum !== undefined && !rule.enum.includes(value)) {
    const known = rule.enum.length <= 10 ? `: ${rule.enum.join(', ')}`
      : ` (${rule.enumName ? `the constants of the ${rule.enumName} class` : 'the model\'s enum'})`;
    if (rule.openEnum) {
      out.push({
        path,
        rule: 'enum',
        advisory: true,
        problem: `${quoted}is not one of the ${rule.enum.length} values this library knows${known}; it is sent as given, for `
          + 'Partner Central to accept (a value added to the service since) or refuse (the deployment then fails before '
          + 'anything is created)',
      });
    } else {
      const allowed = rule.enum.length <= 10 ? `allowed: ${rule.enum.join(', ')}` : `one of the ${rule.enum.length} values${known}`;
      out.push({ path, problem: `${quoted}is not an allowed value; ${allowed}`, rule: 'enum' });
    }
    return;
  }
  const chars = [...value].length;
  if (rule.minLength !== undefined && chars < rule.minLength) {
    out.push({ path, problem: `is ${chars} characters long, fewer than ${rule.minLength}`, rule: `length min ${rule.minLength}` });
  }
  if (rule.maxLength !== undefined && chars > rule.maxLength) {
    out.push({ path, problem: `is ${chars} characters long, more than ${rule.maxLength}`, rule: `length max ${rule.maxLength}` });
  }
  if (rule.pattern !== undefined && !toRegExp(rule.pattern).test(value)) {
    const textLimits = /^\^\(\?s\)\.\{(\d+),(\d+)\}\$$/.exec(rule.pattern);
    const problem = textLimits
      ? `is ${chars} characters long; must be ${textLimits[1]} to ${textLimits[2]}`
      : `${quoted}is not ${rule.format ?? 'in the expected format'}`;
    out.push({ path, problem, rule: `pattern ${rule.pattern}` });
  } else if (rule.pattern !== undefined && CALENDAR_DATE_PATTERNS.has(rule.pattern) && !isCalendarDate(value)) {
    // The model's Date pattern lets 2027-02-30 through; the service holds a calendar date, as timestamps are checked.
    out.push({ path, problem: `${quoted}is not a real calendar date`, rule: 'calendar date' });
  }
}

/** The model's patterns of a `YYYY-MM-DD` date (the `Date` shape), whose values must also be real days. */
const CALENDAR_DATE_PATTERNS = new Set(['^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$']);

/** Whether `YYYY-MM-DD...` names a real day: Date rolls an impossible one over (2026-02-30 -> 2026-03-02). */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  // setUTCFullYear, unlike Date.UTC, takes years 0-99 as they are.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkList(rule: ListRule, value: unknown, path: Path, walk: Walk, hideValue: boolean): void {
  if (!Array.isArray(value)) {
    walk.out.push({ path, problem: `must be a list, got ${typeOf(value)}`, rule: 'type' });
    return;
  }
  const { min = 0, max = Infinity } = rule;
  if (value.length < min || value.length > max) {
    const bounds = max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    walk.out.push({ path, problem: `has ${value.length} items; must have ${bounds}`, rule: `list size ${min}..${max === Infinity ? '' : max}` });
  }
  value.forEach((item, index) => check(rule.member, item, [...path, index], walk, hideValue));
}

function checkStructure(rule: StructureRule, value: unknown, path: Path, walk: Walk, hideValue: boolean): void {
  const out = walk.out;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    out.push({ path, problem: `must be an object (${rule.name}), got ${typeOf(value)}`, rule: 'type' });
    return;
  }
  const fields = value as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!(key in rule.members) && fields[key] !== undefined) {
      out.push({ path: [...path, key], problem: `is not a field of ${rule.name}`, rule: 'unknown field' });
    }
  }
  const present = Object.keys(rule.members).filter((name) => fields[name] !== undefined);
  if (rule.union && present.length !== 1) {
    const members = Object.keys(rule.members);
    out.push({ path, problem: unionProblem(members, present.length, 'wire'), rule: 'union', union: { members, present: present.length } });
  }
  for (const [name, member] of Object.entries(rule.members)) {
    if (fields[name] === undefined) {
      if (member.required) out.push({ path: [...path, name], problem: 'is required', rule: 'required' });
    } else {
      check(member.rule, fields[name], [...path, name], walk, hideValue || member.sensitive === true);
    }
  }
}

/** `YYYY-MM-DD`, optionally `THH:MM:SS[.fraction]` and a UTC offset (`Z` or `±HH:MM`): RFC 3339's profile of ISO 8601. */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2})))?$/;

function checkTimestamp(value: unknown, path: Path, out: Violation[], hideValue: boolean): void {
  if (typeof value !== 'string') {
    out.push({ path, problem: `must be a string (an ISO-8601 date-time), got ${typeOf(value)}`, rule: 'type' });
    return;
  }
  const quoted = hideValue ? '' : `${show(value)} `;
  const parts = ISO_DATE_TIME.exec(value);
  if (!parts) {
    out.push({
      path,
      problem: `${quoted}is not an ISO-8601 date-time such as 2026-11-01T10:00:00Z or a date such as 2026-11-01`,
      rule: 'timestamp date-time',
    });
    return;
  }
  const [hour = 0, minute = 0, second = 0, offsetHour = 0, offsetMinute = 0] = parts.slice(4)
    .map((part) => (part === undefined ? undefined : Number(part)));
  const realDay = isCalendarDate(value);
  const realTime = hour < 24 && minute < 60 && second < 60 && offsetHour < 24 && offsetMinute < 60;
  if (!realDay || !realTime) {
    out.push({ path, problem: `${quoted}is not a real ${realDay ? 'time of day' : 'calendar date'}`, rule: 'timestamp date-time' });
  }
}
