// Enum-like values follow one pattern: classes of string constants (no enum types in the assembly), every prop that
// takes such a value stays a plain string and says in its documentation which class holds its values, and a value
// outside a model enum is warned about and sent as given (the service may have added it), never silently dropped.
// Reads the jsii assembly that `npm test` compiles before it runs jest.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Annotations as CoreAnnotations, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Engagement, EngagementContextType, EngagementInvitationEventType, EngagementProps } from '../lib';
import { testStack } from './support/fixtures';
import { VALUE_NOT_IN_MODEL_WARNING } from '../lib/core/custom-resource';
import { CREATE_ENGAGEMENT_RULES } from '../lib/engagement/rules';
import { CREATE_ENGAGEMENT_INVITATION_RULES } from '../lib/engagement-invitation/rules';
import { Rule } from '../lib/rules/rule-types';

interface JsiiDocs { readonly summary?: string; readonly remarks?: string; readonly default?: string }
interface JsiiProperty {
  readonly name: string;
  readonly static?: boolean;
  readonly const?: boolean;
  readonly type: { primitive?: string };
  readonly docs?: JsiiDocs;
}
interface JsiiType {
  readonly kind: string;
  readonly name: string;
  readonly docs?: JsiiDocs;
  readonly initializer?: { parameters?: Array<{ name: string; docs?: JsiiDocs }> };
  readonly properties?: JsiiProperty[];
  readonly methods?: Array<{ name: string; docs?: JsiiDocs; parameters?: Array<{ name: string; docs?: JsiiDocs }> }>;
}

const assembly = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '.jsii'), 'utf8')) as { types: Record<string, JsiiType> };
const types = Object.values(assembly.types);
const text = (docs?: JsiiDocs) => [docs?.summary, docs?.remarks, docs?.default].filter(Boolean).join(' ');

/** The constants classes the rule tables take their values from (Catalog, Industry, …). */
function enumNames(rule: Rule, into = new Set<string>()): Set<string> {
  if (rule.kind === 'string' && rule.enumName) into.add(rule.enumName);
  if (rule.kind === 'list') enumNames(rule.member, into);
  if (rule.kind === 'structure') Object.values(rule.members).forEach((member) => enumNames(member.rule, into));
  return into;
}
const ruleClasses = [...enumNames(CREATE_ENGAGEMENT_INVITATION_RULES), ...enumNames(CREATE_ENGAGEMENT_RULES)];

test('one pattern: no enum types; each value class has only string constants and no public constructor', () => {
  expect(types.filter((t) => t.kind === 'enum').map((t) => t.name)).toEqual([]);
  const valueClasses = [...new Set([...ruleClasses, 'EngagementInvitationEventType'])];
  expect(valueClasses.length).toBeGreaterThanOrEqual(8);
  for (const name of valueClasses) {
    const type = types.find((t) => t.name === name);
    expect({ name, kind: type?.kind, initializer: type?.initializer }).toEqual({ name, kind: 'class', initializer: undefined });
    expect(type!.properties!.every((p) => p.static && p.const && p.type.primitive === 'string')).toBe(true);
  }
  expect(Object.values(EngagementInvitationEventType)).toContain('Engagement Invitation Accepted');
});

test('every class the rule tables take values from is named by the documentation of a string prop', () => {
  const stringProps = types.flatMap((t) => (t.kind === 'interface' ? t.properties ?? [] : []))
    .filter((p) => p.type.primitive === 'string' || JSON.stringify(p.type).includes('"primitive":"string"'));
  const undocumented = [...new Set(ruleClasses)].filter((name) => !stringProps.some((p) => text(p.docs).includes(`\`${name}\` class`)));
  expect(undocumented).toEqual([]);
});

test('documentation is language-neutral: no TypeScript member access, constructor call or arrow in it', () => {
  const typescriptOnly = /`[^`]*\b[A-Z][A-Za-z]+\.[a-zA-Z_]+\(?[^`]*`|`new [A-Z]|=>|\bundefined\b/;
  const offenders: string[] = [];
  const scan = (where: string, docs?: JsiiDocs) => {
    const found = typescriptOnly.exec(text(docs));
    // Paths of the API's own JSON (`Invitation.Payload.…`) are wire names, the same in every language.
    if (found && !/`(Invitation|Contexts)[.[]/.test(found[0])) offenders.push(`${where}: ${found[0]}`);
  };
  for (const type of types) {
    scan(type.name, type.docs);
    type.properties?.forEach((p) => scan(`${type.name}.${p.name}`, p.docs));
    type.methods?.forEach((m) => {
      scan(`${type.name}.${m.name}`, m.docs);
      m.parameters?.forEach((p) => scan(`${type.name}.${m.name}(${p.name})`, p.docs));
    });
  }
  expect(offenders).toEqual([]);
});

test('every parameter of a public method or constructor is documented (Python shows a bare "-" otherwise)', () => {
  const undocumented = types.flatMap((type) => [
    ...(type.initializer?.parameters ?? []).map((p) => ({ where: `${type.name}(${p.name})`, docs: p.docs })),
    ...(type.methods ?? []).flatMap((m) => (m.parameters ?? []).map((p) => ({ where: `${type.name}.${m.name}(${p.name})`, docs: p.docs }))),
  ]).filter((p) => !p.docs?.summary).map((p) => p.where);
  expect(undocumented).toEqual([]);
});

describe('a value outside a model enum is a warning, sent as given; the catalog is not open', () => {
  const props = (type: string): EngagementProps => ({
    catalog: 'Sandbox',
    contexts: [{
      type,
      payload: {
        customerProject: {
          customer: { companyName: 'Acme', countryCode: 'US', industry: 'Software and Internet', websiteUrl: 'https://acme.example' },
          project: { title: 'Data platform migration', businessProblem: 'Acme must leave its data centre by 2027.', targetCompletionDate: '2027-03-31' },
        },
      },
    }],
  } as EngagementProps);

  test('a context type the library does not know: warned, acknowledgeable, in the template as given', () => {
    const stack = testStack();
    new Engagement(stack, 'Engagement', props('CustomerProjectV2'));
    Annotations.fromStack(stack).hasWarning('/TestStack/Engagement', Match.stringLikeRegexp(
      `^contexts\\[0\\]\\.type: "CustomerProjectV2" is not one of the 2 values this library knows: CustomerProject, Lead; it is sent as given.*\\[ack: ${VALUE_NOT_IN_MODEL_WARNING}\\]$`));
    Template.fromStack(stack).hasResourceProperties(Engagement.RESOURCE_TYPE, { Contexts: [Match.objectLike({ Type: 'CustomerProjectV2' })] });

    const acknowledged = testStack();
    const engagement = new Engagement(acknowledged, 'Engagement', props('CustomerProjectV2'));
    CoreAnnotations.of(engagement).acknowledgeWarning(VALUE_NOT_IN_MODEL_WARNING, 'the service added this type');
    expect(Annotations.fromStack(acknowledged).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('a known value is not warned about; the constants and the plain string are the same value', () => {
    const stack = testStack();
    new Engagement(stack, 'Constant', props(EngagementContextType.CUSTOMER_PROJECT));
    new Engagement(stack, 'Plain', { ...props('CustomerProject'), title: 'Another' });
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('a context without payload is an error (the handler recognises a held context by its details)', () => {
    const stack = testStack();
    expect(() => new Engagement(stack, 'Engagement', { catalog: 'Sandbox', contexts: [{ type: 'CustomerProject' } as never] }))
      .toThrow(/contexts\[0\]\.payload: is required/);
    expect(Stack.of(stack).node.findAll().map((c) => c.node.path)).toEqual(['TestStack']);
  });
});
