// The kinds of rule a table is made of, one per kind of Smithy shape the requests use: the tables
// (engagement-invitation/rules.ts, engagement/rules.ts) are built of them with rule-builders.ts and checked by the
// walker in validation.ts.

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
  /**
   * `enum` is a Smithy enum of the model, which the service may extend before this library's copy of the model
   * does: a value outside it is a warning (sent as given, for the service to accept or refuse), not an error. Unset
   * for an allowlist the library relies on itself (Catalog, which the IAM policy and the physical id name).
   */
  readonly openEnum?: boolean;
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
