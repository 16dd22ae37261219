// Checks a request body against an operation's input in the committed Smithy model of Partner Central Selling
// (model/ of this package): required members, JSON types, length, pattern, range, enums, unions and unknown members. The local
// endpoint reads its rules from the model itself, never from the construct's rule table
// (CREATE_ENGAGEMENT_INVITATION_RULES), so an end-to-end test can catch a mistake in that table.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileJavaPattern } from './java-pattern';

const MODEL_DIR = path.join(__dirname, '..', '..', 'model');
const BASE_MODEL = 'partnercentral-selling.json';
/** Excerpts of newer models: each shape in them replaces the base model's shape of the same id. */
const DELTAS = [
  'partnercentral-selling.lead-invitation-delta-2026-08-28.json',
  'partnercentral-selling.engagement-delta-2026-08-28.json',
];
const NAMESPACE = 'com.amazonaws.partnercentralselling#';

export type Traits = Readonly<Record<string, any>>;
export interface MemberReference {
  readonly target: string;
  readonly traits?: Traits;
}
/** A shape of the Smithy JSON AST, with the parts this validator reads. */
export interface Shape {
  readonly type: string;
  readonly traits?: Traits;
  readonly members?: Readonly<Record<string, MemberReference>>;
  readonly member?: MemberReference;
  readonly key?: MemberReference;
  readonly value?: MemberReference;
  readonly input?: MemberReference;
  readonly output?: MemberReference;
}
export interface SmithyModel {
  readonly shapes: Readonly<Record<string, Shape>>;
}

/** The model's ValidationExceptionErrorCode values that request validation answers. */
export type ValidationErrorCode = 'REQUIRED_FIELD_MISSING' | 'INVALID_ENUM_VALUE' | 'INVALID_STRING_FORMAT' | 'INVALID_VALUE'
| 'NOT_ENOUGH_VALUES' | 'TOO_MANY_VALUES' | 'VALUE_OUT_OF_RANGE';

export interface ModelViolation {
  /** Member names and list indexes from the request's top. */
  readonly path: ReadonlyArray<string | number>;
  /** The path as the ValidationException names it: `Invitation.Payload.OpportunityInvitation.SenderContacts[0].Email`. */
  readonly fieldName: string;
  readonly message: string;
  readonly code: ValidationErrorCode;
}

let loaded: SmithyModel | undefined;

/** The base model with the deltas applied, read once. Shared: copy it (structuredClone) before changing it. */
export function loadSellingModel(): SmithyModel {
  if (!loaded) {
    const read = (file: string) => JSON.parse(fs.readFileSync(path.join(MODEL_DIR, file), 'utf8')) as SmithyModel;
    const shapes = { ...read(BASE_MODEL).shapes };
    for (const delta of DELTAS) Object.assign(shapes, read(delta).shapes);
    loaded = { shapes };
  }
  return loaded;
}

/** Every violation of `body` against the input of `operation` (a name such as `CreateEngagementInvitation`). */
export function validateOperationInput(operation: string, body: unknown, model: SmithyModel = loadSellingModel()): ModelViolation[] {
  const shape = model.shapes[`${NAMESPACE}${operation}`];
  if (shape?.type !== 'operation') throw new Error(`${operation} is not an operation of the model`);
  const violations: ModelViolation[] = [];
  check(model, shape.input ?? { target: 'smithy.api#Unit' }, body, [], violations);
  return violations;
}

/**
 * Every violation of `answer` against the output of `operation`: the local endpoint's answers are held to the model
 * as its requests are (tests check them with it).
 */
export function validateOperationOutput(operation: string, answer: unknown, model: SmithyModel = loadSellingModel()): ModelViolation[] {
  const shape = model.shapes[`${NAMESPACE}${operation}`];
  if (shape?.type !== 'operation') throw new Error(`${operation} is not an operation of the model`);
  const violations: ModelViolation[] = [];
  check(model, shape.output ?? { target: 'smithy.api#Unit' }, answer, [], violations);
  return violations;
}

/** The names of the model's operations (`CreateEngagementInvitation`, ...). */
export function operationNames(model: SmithyModel = loadSellingModel()): string[] {
  return Object.entries(model.shapes).filter(([, shape]) => shape.type === 'operation').map(([id]) => shortName(id));
}

export function formatFieldName(segments: ReadonlyArray<string | number>): string {
  const name = segments.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : `${i ? '.' : ''}${segment}`)).join('');
  return name || '(request)';
}

/** A shape by id; prelude shapes (`smithy.api#String`, `smithy.api#Unit`, ...) are the simple type they name. */
function resolve(model: SmithyModel, id: string): Shape {
  if (id.startsWith('smithy.api#')) {
    const name = id.slice('smithy.api#'.length).replace(/^Primitive/, '');
    return { type: name === 'Unit' ? 'structure' : name.charAt(0).toLowerCase() + name.slice(1), members: {} };
  }
  const shape = model.shapes[id];
  if (!shape) throw new Error(`The model has no shape ${id}`);
  return shape;
}

/** Java integer types the service deserializes into: a larger JSON number cannot be read. */
const INTEGER_LIMITS: Record<string, number> = { byte: 2 ** 7, short: 2 ** 15, integer: 2 ** 31, long: 2 ** 63, bigInteger: Infinity };
const TIMESTAMP_FORMATS: Record<string, { description: string; accepts: (value: unknown) => boolean }> = {
  'epoch-seconds': { description: 'epoch seconds (a JSON number)', accepts: (v) => typeof v === 'number' && Number.isFinite(v) },
  'date-time': {
    description: 'an RFC 3339 date-time string such as 2026-08-28T12:00:00Z',
    accepts: (v) => typeof v === 'string' && /^\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)$/.test(v) && !isNaN(Date.parse(v)),
  },
  'http-date': {
    description: 'an IMF-fixdate string such as Fri, 28 Aug 2026 12:00:00 GMT',
    accepts: (v) => typeof v === 'string' && /^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/.test(v) && !isNaN(Date.parse(v)),
  },
};

function check(model: SmithyModel, reference: MemberReference, value: unknown, where: Array<string | number>, out: ModelViolation[]): void {
  const shape = resolve(model, reference.target);
  // A trait on the member replaces the same trait on the shape it targets.
  const traits: Traits = { ...shape.traits, ...reference.traits };
  const fail = (code: ValidationErrorCode, message: string, at = where): void => {
    out.push({ path: at, fieldName: formatFieldName(at), message, code });
  };
  const wrongType = (expected: string): void => fail('INVALID_VALUE', `Expected ${expected}, got ${typeOf(value)}`);
  const shown = traits['smithy.api#sensitive'] ? 'The value' : show(value);
  const type = shape.type === 'set' ? 'list' : shape.type;
  switch (type) {
    case 'structure':
    case 'union': {
      if (!isObject(value)) return wrongType(`an object (${shortName(reference.target)})`);
      const members = shape.members ?? {};
      const present = Object.keys(members).filter((name) => value[name] !== undefined && value[name] !== null);
      if (type === 'union' && present.length !== 1) {
        fail(present.length ? 'TOO_MANY_VALUES' : 'NOT_ENOUGH_VALUES',
          `Exactly one of ${Object.keys(members).join(', ')} must be set; ${present.length ? present.join(', ') : 'none'} set`);
      }
      for (const [name, member] of Object.entries(members)) {
        if (present.includes(name)) check(model, member, value[name], [...where, name], out);
        else if (member.traits?.['smithy.api#required'] !== undefined) fail('REQUIRED_FIELD_MISSING', 'Required member is missing', [...where, name]);
      }
      for (const name of Object.keys(value).filter((key) => !Object.prototype.hasOwnProperty.call(members, key))) {
        fail('INVALID_VALUE', `${shortName(reference.target)} has no member ${name}`, [...where, name]);
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) return wrongType('a list');
      checkLength(traits, value.length, 'items', fail);
      value.forEach((item, i) => {
        if (item === null) {
          if (traits['smithy.api#sparse'] === undefined) fail('INVALID_VALUE', 'Null is not allowed in this list', [...where, i]);
        } else {
          check(model, shape.member!, item, [...where, i], out);
        }
      });
      return;
    }
    case 'map': {
      if (!isObject(value)) return wrongType('an object (map)');
      checkLength(traits, Object.keys(value).length, 'entries', fail);
      for (const [key, entry] of Object.entries(value)) {
        check(model, shape.key!, key, [...where, key], out);
        if (entry !== null || traits['smithy.api#sparse'] === undefined) check(model, shape.value!, entry, [...where, key], out);
      }
      return;
    }
    case 'string':
    case 'enum': {
      if (typeof value !== 'string') return wrongType('a string');
      checkLength(traits, [...value].length, 'characters', fail);
      const pattern: string | undefined = traits['smithy.api#pattern'];
      if (pattern !== undefined && !compileJavaPattern(pattern).test(value)) {
        fail('INVALID_STRING_FORMAT', `${shown} does not match the pattern ${pattern}`);
      }
      const allowed = type === 'enum' ? enumValues(shape) : (traits['smithy.api#enum'] as Array<{ value: string }> | undefined)?.map((e) => e.value);
      if (allowed && !allowed.includes(value)) fail('INVALID_ENUM_VALUE', `${shown} is not an allowed value${listed(allowed)}`);
      return;
    }
    case 'intEnum':
      if (typeof value !== 'number' || !Number.isInteger(value)) return wrongType('an integer');
      if (!enumValues(shape).includes(value)) fail('INVALID_ENUM_VALUE', `${shown} is not an allowed value${listed(enumValues(shape))}`);
      return;
    case 'byte': case 'short': case 'integer': case 'long': case 'bigInteger':
    case 'float': case 'double': case 'bigDecimal': {
      const limit = INTEGER_LIMITS[type];
      if (limit !== undefined ? !Number.isInteger(value) : typeof value !== 'number') {
        // awsJson also writes non-finite floating point numbers as these strings.
        if (!(['float', 'double'].includes(type) && ['NaN', 'Infinity', '-Infinity'].includes(value as string))) {
          return wrongType(limit !== undefined ? `an integer (${type})` : `a number (${type})`);
        }
      }
      const number = Number(value);
      if (limit !== undefined && (number < -limit || number >= limit)) return fail('VALUE_OUT_OF_RANGE', `${number} does not fit a ${type}`);
      const range: { min?: number; max?: number } | undefined = traits['smithy.api#range'];
      if (range && (number < (range.min ?? -Infinity) || number > (range.max ?? Infinity))) {
        fail('VALUE_OUT_OF_RANGE', `${shown} is not between ${range.min ?? '-∞'} and ${range.max ?? '∞'}`);
      }
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') wrongType('a boolean');
      return;
    case 'timestamp': {
      // awsJson1_0 writes a timestamp as epoch seconds unless a timestampFormat trait says otherwise.
      const format = TIMESTAMP_FORMATS[traits['smithy.api#timestampFormat'] ?? 'epoch-seconds'];
      if (!format.accepts(value)) fail('INVALID_VALUE', `Expected a timestamp as ${format.description}, got ${typeOf(value)}`);
      return;
    }
    case 'blob':
      if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return wrongType('base64 text (blob)');
      checkLength(traits, Buffer.from(value, 'base64').length, 'bytes', fail);
      return;
    case 'document':
      return;
    default:
      throw new Error(`Cannot validate a value of the ${shape.type} shape ${reference.target}`);
  }
}

/** `smithy.api#length`: characters for strings, items for lists, entries for maps, bytes for blobs. */
function checkLength(traits: Traits, size: number, unit: string, fail: (code: ValidationErrorCode, message: string) => void): void {
  const length: { min?: number; max?: number } | undefined = traits['smithy.api#length'];
  if (!length) return;
  const { min = 0, max = Infinity } = length;
  if (size >= min && size <= max) return;
  const counted = unit === 'items' || unit === 'entries';
  const code = counted ? (size < min ? 'NOT_ENOUGH_VALUES' : 'TOO_MANY_VALUES') : 'INVALID_STRING_FORMAT';
  fail(code, `Has ${size} ${unit}; must have ${max === Infinity ? `at least ${min}` : `${min} to ${max}`}`);
}

function enumValues(shape: Shape): Array<string | number> {
  return Object.entries(shape.members ?? {}).map(([name, member]) => member.traits?.['smithy.api#enumValue'] ?? name);
}

function listed(values: ReadonlyArray<string | number>): string {
  return values.length <= 10 ? `; allowed: ${values.join(', ')}` : '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shortName(id: string): string {
  return id.slice(id.indexOf('#') + 1);
}

function typeOf(value: unknown): string {
  return Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 42 ? `${text.slice(0, 40)}…"` : text;
}
