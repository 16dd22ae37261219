// Property tests (fast-check, seeded and bounded): generated valid invitations synthesize into resource properties
// that are exactly the API request, in the service model's member names; a generated single-rule violation always
// fails the synth, naming the violated field.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as fc from 'fast-check';
import { EngagementInvitation, EngagementInvitationProps } from '../lib';
import { validInvitationProps, violation, Violation } from './support/arbitraries';
import { testStack } from './support/fixtures';

const RUNS = { seed: 20261126, numRuns: 40 };
const NS = 'com.amazonaws.partnercentralselling#';
/** The service model the local rehearsal package ships (its model/), which its Partner Central validates against. */
const MODEL_DIR = path.join(path.dirname(require.resolve('cdk-engagement-invitation-local/package.json')), 'model');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(MODEL_DIR, file), 'utf8')).shapes;
const shapes: Record<string, any> = { ...read('partnercentral-selling.json'), ...read('partnercentral-selling.lead-invitation-delta-2026-08-28.json') };

/** The props in the API's naming, written here independently of the library's mapping. */
function pascal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pascal);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k[0].toUpperCase() + k.slice(1), pascal(v)]));
}

/** Every key of `value` is a member of the model shape `target`, recursively; required members are present. */
function modelProblems(value: unknown, target: string, where: string, out: string[] = []): string[] {
  const shape = shapes[NS + target];
  if (!shape) return out; // a prelude type (string)
  if (shape.type === 'list') (value as unknown[]).forEach((v, i) => modelProblems(v, shape.member.target.replace(NS, ''), `${where}[${i}]`, out));
  if (shape.type !== 'structure' && shape.type !== 'union') return out;
  for (const [key, member] of Object.entries(value as object)) {
    if (!shape.members[key]) out.push(`${where}.${key} is not a member of ${target}`);
    else modelProblems(member, shape.members[key].target.replace(NS, ''), `${where}.${key}`, out);
  }
  for (const [name, member] of Object.entries<any>(shape.members)) {
    if ('smithy.api#required' in (member.traits ?? {}) && name !== 'ClientToken' && !(name in (value as object))) out.push(`${where}.${name} is required by the model`);
  }
  return out;
}

const REQUEST_WITHOUT_TOKEN = 'CreateEngagementInvitationRequest';

test('a valid invitation synthesizes into exactly the API request, in the model\'s member names', () => {
  fc.assert(fc.property(validInvitationProps, (props) => {
    const stack = testStack();
    new EngagementInvitation(stack, 'Invite', props);
    const [resource] = Object.values(Template.fromStack(stack).findResources('Custom::PartnerCentralEngagementInvitation'));
    const { ServiceToken, ServiceTimeout, ...request } = resource.Properties;

    expect(request).toEqual(pascal({ catalog: props.catalog, engagementIdentifier: props.engagementIdentifier, invitation: props.invitation }));
    expect(modelProblems(request, REQUEST_WITHOUT_TOKEN, '')).toEqual([]);
  }), RUNS);
});

/** Default list entries, for a violation inside a list the generated props left out or empty. */
const LIST_ENTRY: Record<string, object> = {
  senderContacts: { email: 'jane@example.com' },
  expectedCustomerSpend: { currencyCode: 'USD', frequency: 'Monthly', targetCompany: 'AWS' },
};

function withViolation(props: EngagementInvitationProps, v: Violation): EngagementInvitationProps {
  const copy = JSON.parse(JSON.stringify(props));
  let node = copy;
  v.path.slice(0, -1).forEach((key, i) => {
    const next = v.path[i + 1];
    if (typeof next === 'number' && !(node[key]?.length > next)) node[key] = [{ ...LIST_ENTRY[key as string] }];
    node = node[key];
  });
  const last = v.path[v.path.length - 1];
  if (v.value === undefined) delete node[last];
  else node[last] = v.value;
  return copy;
}

const formatPath = (p: ReadonlyArray<string | number>) => p.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').slice(1);

test.each(['opportunityInvitation', 'leadInvitation'] as const)('a single broken rule in an %s fails at synth (or warns, for a value outside a model enum), naming its field and rule', (payload) => {
  const props = validInvitationProps.filter((p) => payload in p.invitation.payload);
  fc.assert(fc.property(props, violation(payload), (valid, v) => {
    const stack = testStack();
    const broken = withViolation(valid, v);
    if (v.warns) {
      new EngagementInvitation(stack, 'Invite', broken);
      const warnings = Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
      expect(warnings).toEqual([expect.stringMatching(new RegExp(`^${formatPath(v.path).replace(/[.[\]]/g, '\\$&')}: .* \\(${v.rule}\\)`))]);
      return;
    }

    expect(() => new EngagementInvitation(stack, 'Invite', broken)).toThrow(`\n  ${formatPath(v.path)}: `);
    expect(() => new EngagementInvitation(stack, 'Invite', broken)).toThrow(new RegExp(`^  ${formatPath(v.path).replace(/[.[\]]/g, '\\$&')}: .* \\(${v.rule}`, 'm'));
    expect(stack.node.children).toEqual([]);
  }), RUNS);
});
