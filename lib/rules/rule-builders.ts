// Small builders for the rule tables (engagement-invitation/rules.ts for CreateEngagementInvitation, engagement/rules.ts
// for CreateEngagement), so that each table reads like the model it mirrors. Free of aws-cdk-lib, as the tables are.
import type { ListRule, MemberRule, Rule, StringRule, StructureRule, TimestampRule } from './rule-types';

/** The wire strings of a constants class such as `Industry`. */
export const values = (constants: object): readonly string[] => Object.values(constants) as string[];
/** `^(?s).{min,max}$`, the model's way of writing a length limit on free text. */
export const text = (min: number, max: number): StringRule => ({ kind: 'string', pattern: `^(?s).{${min},${max}}$` });
/** A Smithy `@length(max: …)` on a string (counted in characters). */
export const maxLength = (max: number): StringRule => ({ kind: 'string', maxLength: max });
/** A Smithy `@length(min: …, max: …)` on a string (counted in characters). */
export const length = (min: number, max: number): StringRule => ({ kind: 'string', minLength: min, maxLength: max });
/**
 * A string from a Smithy enum, given as the constants class that holds its wire values (named in messages). Open: a
 * value the class lacks is warned about, not refused (the service may have added it since).
 */
export const oneOf = (constants: { readonly name: string }): StringRule => ({
  kind: 'string', enum: values(constants), enumName: constants.name, openEnum: true,
});
/** A string matching a Smithy `@pattern`; `format` says what it means, for the error message. */
export const matching = (pattern: string, format: string): StringRule => ({ kind: 'string', pattern, format });
/** A Smithy `timestamp` with `@timestampFormat("date-time")`. */
export const dateTime = (): TimestampRule => ({ kind: 'timestamp', format: 'date-time' });
/** A Smithy list, with its `@length(min, max)` when it has one. */
export const list = (member: Rule, min?: number, max?: number): ListRule => ({
  kind: 'list', member, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}),
});
export const req = (rule: Rule): MemberRule => ({ rule, required: true });
export const opt = (rule: Rule): MemberRule => ({ rule });
/** A member whose value problems never quote it: `smithy.api#sensitive` in the model, or contact data. */
export const sensitive = (member: MemberRule): MemberRule => ({ ...member, sensitive: true });
export const structure = (name: string, members: Record<string, MemberRule>): StructureRule => ({ kind: 'structure', name, members });
/** A Smithy union: exactly one member must be present. */
export const union = (name: string, members: Record<string, MemberRule>): StructureRule => ({ kind: 'structure', name, members, union: true });
