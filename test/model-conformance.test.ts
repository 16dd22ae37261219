// The validation table and the enum constants, checked member by member against the service model (2026-03-31,
// with the 2026-08-28 lead-invitation shapes laid over it). Both model files are committed under test/model/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CREATE_ENGAGEMENT_INVITATION_RULES, Rule } from '../lib/validation';

const NS = 'com.amazonaws.partnercentralselling#';
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(__dirname, 'model', file), 'utf8'));
const shapes: Record<string, any> = {
  ...read('partnercentral-selling.json').shapes,
  ...read('partnercentral-selling.lead-invitation-delta-2026-08-28.json').shapes,
};

/** Narrowings of the table beyond the model, each with its reason. */
const EXTRA_ENUMS: Record<string, string> = {
  // The model keeps a coarse pattern and says the value is "validated at runtime against an allowlist";
  // the IAM condition key documents the allowlist: AWS, Sandbox.
  'CreateEngagementInvitationRequest.Catalog': 'AWS,Sandbox',
};
/** Members the construct does not take: the handler sets ClientToken to the CloudFormation RequestId. */
const NOT_IN_PROPS = new Set(['CreateEngagementInvitationRequest.ClientToken']);

function compare(rule: Rule, target: string, traits: Record<string, any>, where: string, out: string[]): void {
  // Prelude shapes (smithy.api#String) carry no traits of their own.
  const shape = target.startsWith('smithy.api#') ? { type: 'string', traits: {} } : shapes[NS + target];
  const merged = { ...shape.traits, ...traits };
  if (shape.type === 'structure' || shape.type === 'union') {
    if (rule.kind !== 'structure') return void out.push(`${where}: model has a ${shape.type}, table a ${rule.kind}`);
    if (Boolean(rule.union) !== (shape.type === 'union')) out.push(`${where}: union flag differs`);
    const modelMembers = Object.keys(shape.members).filter((m) => !NOT_IN_PROPS.has(`${target}.${m}`));
    if (modelMembers.sort().join() !== Object.keys(rule.members).sort().join()) {
      out.push(`${where}: members differ: model ${modelMembers.join()}; table ${Object.keys(rule.members).sort().join()}`);
    }
    for (const name of modelMembers) {
      const member = shape.members[name];
      const tableMember = rule.members[name];
      if (!tableMember) continue;
      if (Boolean(tableMember.required) !== ('smithy.api#required' in (member.traits ?? {}))) out.push(`${where}.${name}: required differs`);
      compare(tableMember.rule, member.target.replace(NS, ''), member.traits ?? {}, `${target}.${name}`, out);
    }
  } else if (shape.type === 'list') {
    if (rule.kind !== 'list') return void out.push(`${where}: model has a list, table a ${rule.kind}`);
    const length = merged['smithy.api#length'] ?? {};
    if (rule.min !== length.min || rule.max !== length.max) out.push(`${where}: list length differs`);
    compare(rule.member, shape.member.target.replace(NS, ''), shape.member.traits ?? {}, `${where}[]`, out);
  } else {
    if (rule.kind !== 'string') return void out.push(`${where}: model has a ${shape.type}, table a ${rule.kind}`);
    const modelEnum = shape.type === 'enum'
      ? Object.values(shape.members).map((m: any) => m.traits['smithy.api#enumValue']).join()
      : EXTRA_ENUMS[where];
    if ((rule.enum?.join() ?? undefined) !== modelEnum) out.push(`${where}: enum values differ`);
    if (rule.pattern !== merged['smithy.api#pattern']) out.push(`${where}: pattern ${rule.pattern} != ${merged['smithy.api#pattern']}`);
    const length = merged['smithy.api#length'];
    if (rule.maxLength !== length?.max || (length?.min ?? 0) !== 0) out.push(`${where}: length differs`);
  }
}

test('every member, requirement, pattern, length and enum of the table matches the model', () => {
  const differences: string[] = [];
  compare(CREATE_ENGAGEMENT_INVITATION_RULES, 'CreateEngagementInvitationRequest', {}, 'CreateEngagementInvitationRequest', differences);
  expect(differences).toEqual([]);
});

test('the comparison catches a drifted rule', () => {
  const drifted = JSON.parse(JSON.stringify(CREATE_ENGAGEMENT_INVITATION_RULES));
  drifted.members.Invitation.rule.members.Message.rule.pattern = '^(?s).{1,256}$';
  delete drifted.members.EngagementIdentifier.required;
  const differences: string[] = [];
  compare(drifted, 'CreateEngagementInvitationRequest', {}, 'CreateEngagementInvitationRequest', differences);
  expect(differences).toEqual([
    'CreateEngagementInvitationRequest.EngagementIdentifier: required differs',
    'Invitation.Message: pattern ^(?s).{1,256}$ != ^(?s).{1,255}$',
  ]);
});

test('every model pattern compiles as an ECMAScript regex with the table\'s flags', () => {
  const patterns = JSON.stringify(CREATE_ENGAGEMENT_INVITATION_RULES).match(/"pattern":"((?:[^"\\]|\\.)*)"/g) ?? [];
  expect(patterns.length).toBeGreaterThan(15);
  for (const entry of patterns) {
    const pattern = JSON.parse(`{${entry}}`).pattern as string;
    expect(() => new RegExp(pattern.replace('(?s)', ''), 'su')).not.toThrow();
  }
});
