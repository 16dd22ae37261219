// The model's rules for a CreateEngagementInvitation request, as one table, and the walker that checks a request
// in the API's own (PascalCase) shape against it (and against any other table: engagement-rules.ts). Used by the
// constructs at synth, and free of aws-cdk-lib so other tools (a local endpoint, a CLI-JSON importer) can apply
// exactly the same rules. test/model-conformance.test.ts checks the tables against the service model, member by member.
import { maxLength, oneOf, opt, req, sensitive, structure, text, union, values } from './rule-builders';
import { Catalog, CountryCode, CurrencyCode, Industry, PaymentFrequency, ReceiverResponsibility } from './wire-values';

/** A string member: a Smithy `@pattern` (ECMAScript syntax, `(?s)` allowed), `@length` and/or enum values. */
export interface StringRule {
  readonly kind: 'string';
  readonly pattern?: string;
  /** What the pattern means, for the error message. */
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly enum?: readonly string[];
  /** The constants class that holds `enum` (e.g. `CountryCode`), named when the list is too long to print. */
  readonly enumName?: string;
}
export interface ListRule {
  readonly kind: 'list';
  readonly member: Rule;
  readonly min?: number;
  readonly max?: number;
}
export interface MemberRule {
  readonly rule: Rule;
  readonly required?: boolean;
  /**
   * The member holds customer or contact data: the model's `smithy.api#sensitive` (on the member or its target), or
   * contact data the model leaves unmarked. Problems with it, or with anything below it, never quote the value.
   */
  readonly sensitive?: boolean;
}
/** A structure, or a union when `union` is set (exactly one member must be present). */
export interface StructureRule {
  readonly kind: 'structure';
  readonly name: string;
  readonly members: Readonly<Record<string, MemberRule>>;
  readonly union?: boolean;
}
/**
 * A Smithy `timestamp` with `@timestampFormat("date-time")`, given as a string: an ISO-8601 date-time with a UTC
 * offset (`2026-11-01T10:00:00Z`, `2026-11-01T12:00:00.5+02:00`) or a date (`2026-11-01`, midnight UTC), on a real
 * calendar day. The string is what the template shows; the handler turns it into the timestamp it sends.
 */
export interface TimestampRule {
  readonly kind: 'timestamp';
  readonly format: 'date-time';
}
export type Rule = StringRule | ListRule | StructureRule | TimestampRule;

/**
 * `CatalogIdentifier`, narrowed from the model's `^[a-zA-Z]+$` to the values the service and IAM accept (the model
 * says the value is "validated at runtime against an allowlist"; the partnercentral:Catalog condition key lists it).
 */
export const CATALOG_RULE: StringRule = { kind: 'string', pattern: '^[a-zA-Z]+$', enum: values(Catalog), enumName: Catalog.name };

/** `EngagementCustomer`: the customer of an opportunity invitation and of a CustomerProject engagement context. */
export const ENGAGEMENT_CUSTOMER_RULE: StructureRule = structure('EngagementCustomer', {
  Industry: req(oneOf(Industry)),
  CompanyName: sensitive(req(text(1, 120))),
  WebsiteUrl: sensitive(req({
    kind: 'string',
    pattern: '^(?=.{4,255}$)((http|https)://)??(www[.])??([a-zA-Z0-9]|-)+?([.][a-zA-Z0-9(-|/|=|?)??]+?)+?$',
    format: 'a website address of 4 to 255 characters, such as https://example.com',
  })),
  CountryCode: sensitive(req(oneOf(CountryCode))),
});

const senderContact = structure('SenderContact', {
  Email: sensitive(req({
    kind: 'string',
    pattern: "^(?=.{1,80}$)[a-zA-Z0-9.!#$%&'*+/=?^_{|}~-]+@[a-zA-Z0-9-]+(?:.[a-zA-Z0-9-]+)*$",
    format: 'an email address of at most 80 characters',
  })),
  FirstName: sensitive(opt(text(0, 80))),
  LastName: sensitive(opt(text(0, 80))),
  BusinessTitle: sensitive(opt(text(0, 80))),
  Phone: sensitive(opt({ kind: 'string', pattern: '^\\+[1-9]\\d{1,14}$', format: 'an E.164 phone number such as +14155550100' })),
});

const expectedCustomerSpend = structure('ExpectedCustomerSpend', {
  Amount: sensitive(opt({
    kind: 'string',
    pattern: '^((0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?)?$',
    format: 'a decimal amount with at most two decimals, such as 1000 or 99.50',
  })),
  CurrencyCode: sensitive(req(oneOf(CurrencyCode))),
  Frequency: req(oneOf(PaymentFrequency)),
  TargetCompany: req(text(1, 80)),
  EstimationUrl: opt({
    kind: 'string',
    pattern: '^https://(calculator\\.aws|pricing\\.calculator\\.aws\\.eu)/#/estimate\\?id=[a-f0-9]{32,64}$',
    format: 'an AWS Pricing Calculator estimate link',
  }),
});

const opportunityInvitation = structure('OpportunityInvitationPayload', {
  SenderContacts: opt({ kind: 'list', member: senderContact, min: 1, max: 3 }),
  ReceiverResponsibilities: req({ kind: 'list', member: oneOf(ReceiverResponsibility) }),
  Customer: req(ENGAGEMENT_CUSTOMER_RULE),
  Project: req(structure('ProjectDetails', {
    BusinessProblem: sensitive(req(text(20, 2000))),
    Title: req(text(1, 255)),
    TargetCompletionDate: req({
      kind: 'string',
      pattern: '^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$',
      format: 'a date YYYY-MM-DD',
    }),
    ExpectedCustomerSpend: req({ kind: 'list', member: expectedCustomerSpend, min: 0, max: 10 }),
  })),
});

// The lead branch as loosened on 2026-08-04 (free-text industry, country and market segment); AwsMaturity and
// Usecase as in the 2026-08-28 model, whose AwsMaturity and EngagementUseCase shapes it shares with CreateEngagement.
const leadInvitation = structure('LeadInvitationPayload', {
  Customer: req(structure('LeadInvitationCustomer', {
    Industry: opt(maxLength(255)),
    CompanyName: sensitive(req(text(1, 120))),
    WebsiteUrl: sensitive(opt(maxLength(255))),
    CountryCode: sensitive(opt(maxLength(10))),
    AwsMaturity: opt(maxLength(255)),
    MarketSegment: opt(maxLength(255)),
  })),
  Interaction: req(structure('LeadInvitationInteraction', {
    SourceType: opt(text(0, 255)),
    SourceId: opt(text(0, 255)),
    SourceName: opt(text(0, 255)),
    Usecase: opt(maxLength(255)),
    ContactBusinessTitle: sensitive(req(text(0, 80))),
  })),
});

/**
 * CreateEngagementInvitationRequest without `ClientToken` (the handler sets it to the CloudFormation RequestId).
 * `Catalog` is narrowed from the model's `^[a-zA-Z]+$` to the values the service and IAM accept.
 */
export const CREATE_ENGAGEMENT_INVITATION_RULES: StructureRule = structure('CreateEngagementInvitationRequest', {
  Catalog: req(CATALOG_RULE),
  EngagementIdentifier: req({ kind: 'string', pattern: '^eng-[0-9a-z]{14}$', format: '"eng-" and 14 lowercase letters or digits' }),
  Invitation: req(structure('Invitation', {
    Message: sensitive(req(text(1, 255))),
    Receiver: req(union('Receiver', {
      Account: opt(structure('AccountReceiver', {
        Alias: sensitive(opt(text(0, 80))),
        AwsAccountId: sensitive(req({
          kind: 'string',
          pattern: '^([0-9]{12}|\\w{1,12})$',
          // `\w` without the `i` flag: [A-Za-z0-9_].
          format: 'a 12-digit AWS account ID or an alias of 1 to 12 letters, digits or underscores',
        })),
      })),
    })),
    Payload: req(union('Payload', {
      OpportunityInvitation: opt(opportunityInvitation),
      LeadInvitation: opt(leadInvitation),
    })),
  })),
});

/** One broken rule: where (path segments: member names and list indexes), what is wrong, and which rule. */
export interface Violation {
  readonly path: ReadonlyArray<string | number>;
  /** What is wrong, naming fields as the wire does. */
  readonly problem: string;
  readonly rule: string;
  /** For a union: its members and how many are set, so the problem can be written in either naming. */
  readonly union?: { readonly members: readonly string[]; readonly present: number };
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
    const allowed = rule.enum.length <= 10 ? `allowed: ${rule.enum.join(', ')}`
      : `one of the ${rule.enum.length} values of ${rule.enumName ? `the ${rule.enumName} constants class` : 'the model\'s enum'}`;
    out.push({ path, problem: `${quoted}is not an allowed value; ${allowed}`, rule: 'enum' });
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
  }
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
  const [year, month, day, hour = 0, minute = 0, second = 0, offsetHour = 0, offsetMinute = 0] = parts.slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  // Date rolls an impossible day over into the next month (2026-02-30 -> 2026-03-02): a round trip finds it.
  // setUTCFullYear, unlike Date.UTC, takes years 0-99 as they are.
  const date = new Date(0);
  date.setUTCFullYear(year!, month! - 1, day!);
  const realDay = date.getUTCFullYear() === year && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
  const realTime = hour < 24 && minute < 60 && second < 60 && offsetHour < 24 && offsetMinute < 60;
  if (!realDay || !realTime) {
    out.push({ path, problem: `${quoted}is not a real ${realDay ? 'time of day' : 'calendar date'}`, rule: 'timestamp date-time' });
  }
}
