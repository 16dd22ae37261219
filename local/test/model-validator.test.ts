// The local endpoint's request validation, read from the committed Smithy model (model/), not from lib/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileJavaPattern } from '../src/partner-central-endpoint/java-pattern';
import {
  loadSellingModel,
  ModelViolation,
  Shape,
  SmithyModel,
  validateOperationInput,
} from '../src/partner-central-endpoint/model-validator';

const NS = 'com.amazonaws.partnercentralselling#';
const MODEL_DIR = path.join(__dirname, '..', 'model');

/** A CreateEngagementInvitation request written from the API reference, independent of the construct. */
function opportunityRequest(): any {
  return {
    Catalog: 'Sandbox',
    ClientToken: 'token-1',
    EngagementIdentifier: 'eng-abcdefghijklmn',
    Invitation: {
      Message: 'Join us on this opportunity.\nSecond line.',
      Receiver: { Account: { AwsAccountId: '210987654321', Alias: 'Partner' } },
      Payload: {
        OpportunityInvitation: {
          SenderContacts: [
            { Email: 'seller@example.com', FirstName: 'Ana', Phone: '+14155550100' },
            { Email: 'second@example.com' },
          ],
          ReceiverResponsibilities: ['Distributor', 'Reseller'],
          Customer: { Industry: 'Aerospace', CompanyName: 'Example Corp', WebsiteUrl: 'https://www.example.com', CountryCode: 'US' },
          Project: {
            BusinessProblem: 'The customer needs to migrate its data warehouse.',
            Title: 'Data warehouse migration',
            TargetCompletionDate: '2026-12-31',
            ExpectedCustomerSpend: [{ Amount: '1000.50', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' }],
          },
        },
      },
    },
  };
}

/** A lead invitation as loosened in the 2026-08 model: free-text customer fields, few required members. */
function leadRequest(): any {
  const request = opportunityRequest();
  request.Invitation.Payload = {
    LeadInvitation: {
      Customer: { CompanyName: 'Example Corp', Industry: 'Space mining', CountryCode: 'Mars', MarketSegment: 'Tiny' },
      Interaction: { ContactBusinessTitle: 'CTO', Usecase: 'Analytics' },
    },
  };
  return request;
}

const create = (request: unknown, model?: SmithyModel) => validateOperationInput('CreateEngagementInvitation', request, model);
const found = (violations: ModelViolation[]) => violations.map((v) => [v.fieldName, v.code]);
const OPPORTUNITY = 'Invitation.Payload.OpportunityInvitation';

describe('the model', () => {
  test('is the base model with the delta\'s shapes in place of the base\'s, loaded once', () => {
    const delta = JSON.parse(fs.readFileSync(path.join(MODEL_DIR, 'partnercentral-selling.lead-invitation-delta-2026-08-28.json'), 'utf8'));
    const base = JSON.parse(fs.readFileSync(path.join(MODEL_DIR, 'partnercentral-selling.json'), 'utf8'));
    const model = loadSellingModel();

    expect(model.shapes[`${NS}LeadInvitationCustomer`]).toEqual(delta.shapes[`${NS}LeadInvitationCustomer`]);
    expect(model.shapes[`${NS}LeadInvitationCustomer`]).not.toEqual(base.shapes[`${NS}LeadInvitationCustomer`]);
    expect(model.shapes[`${NS}CreateEngagementInvitationRequest`]).toEqual(base.shapes[`${NS}CreateEngagementInvitationRequest`]);
    expect(loadSellingModel()).toBe(model);
  });

  test('an unknown operation is refused', () => {
    expect(() => validateOperationInput('CreateEngagementInvitationz', {})).toThrow(/not an operation/);
  });
});

describe('the engagement delta (2026-08-28 model)', () => {
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(MODEL_DIR, file), 'utf8'));
  const engagementDelta = read('partnercentral-selling.engagement-delta-2026-08-28.json');
  const leadDelta = read('partnercentral-selling.lead-invitation-delta-2026-08-28.json');
  const baseOnly: SmithyModel = read('partnercentral-selling.json');
  const withoutDocs = (shape: any) => JSON.parse(JSON.stringify(shape, (key, value) => (key === 'smithy.api#documentation' ? undefined : value)));

  test('shapes both deltas carry are the same, so the order of DELTAS does not matter', () => {
    const shared = Object.keys(engagementDelta.shapes).filter((id) => id in leadDelta.shapes);

    expect(shared.length).toBeGreaterThan(0);
    for (const id of shared) expect([id, withoutDocs(engagementDelta.shapes[id])]).toEqual([id, withoutDocs(leadDelta.shapes[id])]);
  });

  test('every target of a delta shape exists in the merged model', () => {
    const model = loadSellingModel();
    const targets = Object.values(engagementDelta.shapes as Record<string, Shape>).flatMap((shape) => [
      ...Object.values(shape.members ?? {}), ...(shape.member ? [shape.member] : []),
    ].map((m) => m.target)).filter((t) => !t.startsWith('smithy.api#'));

    expect(targets.filter((t) => !model.shapes[t])).toEqual([]);
  });

  test('CreateEngagement without Title and Description passes, and only with the delta applied', () => {
    const request = { Catalog: 'Sandbox', ClientToken: 'token-1' };

    expect(validateOperationInput('CreateEngagement', request)).toEqual([]);
    expect(found(validateOperationInput('CreateEngagement', request, baseOnly))).toEqual([
      ['Title', 'REQUIRED_FIELD_MISSING'], ['Description', 'REQUIRED_FIELD_MISSING'],
    ]);
    expect(found(validateOperationInput('CreateEngagement', { ...request, Title: 't'.repeat(41) }))).toEqual([['Title', 'INVALID_STRING_FORMAT']]);
  });

  test('a lead context of the 2026-08 shape: free-text contact fields, optional address and sources, a longer AwsMaturity', () => {
    const lead = {
      Customer: { CompanyName: 'Acme', Industry: 'Space mining', AwsMaturity: 'x'.repeat(200) },
      Interactions: [{ InteractionDate: '2026-11-01T09:30:00Z', Contact: { BusinessTitle: 'Chief', Email: 'not-an-email', FirstName: 'A', LastName: 'B', Phone: '555' } }],
    };
    const request = { Catalog: 'Sandbox', ClientToken: 'token-1', Contexts: [{ Type: 'Lead', Payload: { Lead: lead } }] };

    expect(validateOperationInput('CreateEngagement', request)).toEqual([]);
    expect(found(validateOperationInput('CreateEngagement', request, baseOnly))).toEqual(expect.arrayContaining([
      ['Contexts[0].Payload.Lead.Customer.Address', 'REQUIRED_FIELD_MISSING'],
      ['Contexts[0].Payload.Lead.Customer.AwsMaturity', 'INVALID_STRING_FORMAT'],
      ['Contexts[0].Payload.Lead.Interactions[0].SourceType', 'REQUIRED_FIELD_MISSING'],
      ['Contexts[0].Payload.Lead.Interactions[0].Contact.Email', 'INVALID_STRING_FORMAT'],
    ]));
  });

  test('the ProspectingResult context type and union member, in both payload unions', () => {
    const payload = { ProspectingResult: { Aws: { TaskId: 'task-0123456789abcd', Customer: { Country: 'US', Industry: 'Retail' } } } };
    const update = (p: unknown) => validateOperationInput('UpdateEngagementContext', {
      Catalog: 'AWS', EngagementIdentifier: 'eng-abcdefghijklmn', ContextIdentifier: '1', EngagementLastModifiedAt: '2026-08-28T12:00:00Z', Type: 'ProspectingResult', Payload: p,
    });

    expect(validateOperationInput('CreateEngagementContext', {
      Catalog: 'AWS', EngagementIdentifier: 'eng-abcdefghijklmn', ClientToken: 't', Type: 'ProspectingResult', Payload: payload,
    })).toEqual([]);
    expect(update(payload)).toEqual([]);
    expect(found(update({ ProspectingResult: { Aws: { TaskId: 'task-1' } } }))).toEqual([['Payload.ProspectingResult.Aws.TaskId', 'INVALID_STRING_FORMAT']]);
  });

  test('UpdateEngagementContext needs EngagementLastModifiedAt as a date-time', () => {
    const update = (at: unknown) => validateOperationInput('UpdateEngagementContext', {
      Catalog: 'AWS',
      EngagementIdentifier: 'eng-abcdefghijklmn',
      ContextIdentifier: '1',
      EngagementLastModifiedAt: at,
      Type: 'CustomerProject',
      Payload: { CustomerProject: {} },
    });

    expect(update('2026-08-28T12:00:00.123Z')).toEqual([]);
    expect(found(update('2026-08-28'))).toEqual([['EngagementLastModifiedAt', 'INVALID_VALUE']]);
    expect(found(update(undefined))).toEqual([['EngagementLastModifiedAt', 'REQUIRED_FIELD_MISSING']]);
  });
});

describe('valid requests', () => {
  test('an opportunity invitation passes', () => {
    expect(create(opportunityRequest())).toEqual([]);
  });

  test('a lead invitation of the 2026-08 shape passes, and only with the delta applied', () => {
    const baseOnly: SmithyModel = JSON.parse(fs.readFileSync(path.join(MODEL_DIR, 'partnercentral-selling.json'), 'utf8'));

    expect(create(leadRequest())).toEqual([]);
    expect(found(create(leadRequest(), baseOnly))).toEqual(expect.arrayContaining([
      ['Invitation.Payload.LeadInvitation.Customer.Industry', 'INVALID_ENUM_VALUE'],
      ['Invitation.Payload.LeadInvitation.Interaction.SourceType', 'REQUIRED_FIELD_MISSING'],
    ]));
  });

  test('Get and List requests', () => {
    expect(validateOperationInput('GetEngagementInvitation', { Catalog: 'AWS', Identifier: 'engi-0a1b2c3d4e5f6' })).toEqual([]);
    expect(validateOperationInput('ListEngagementInvitations', {
      Catalog: 'AWS', ParticipantType: 'SENDER', MaxResults: 100, Status: ['PENDING'], EngagementIdentifier: ['eng-abcdefghijklmn'],
    })).toEqual([]);
  });
});

describe('each rule, with the wire path and the ValidationException code', () => {
  test('required members', () => {
    const request = opportunityRequest();
    delete request.EngagementIdentifier;
    delete request.Invitation.Payload.OpportunityInvitation.Customer.CompanyName;
    request.Invitation.Receiver.Account.AwsAccountId = null; // null is no value on the awsJson wire

    expect(found(create(request))).toEqual([
      ['EngagementIdentifier', 'REQUIRED_FIELD_MISSING'],
      ['Invitation.Receiver.Account.AwsAccountId', 'REQUIRED_FIELD_MISSING'],
      [`${OPPORTUNITY}.Customer.CompanyName`, 'REQUIRED_FIELD_MISSING'],
    ]);
  });

  test('JSON types', () => {
    const request = opportunityRequest();
    request.Catalog = 5;
    request.Invitation.Payload.OpportunityInvitation.SenderContacts = { Email: 'a@example.com' };
    request.Invitation.Payload.OpportunityInvitation.Project = 'a project';

    const violations = create(request);

    expect(found(violations)).toEqual([
      ['Catalog', 'INVALID_VALUE'],
      [`${OPPORTUNITY}.SenderContacts`, 'INVALID_VALUE'],
      [`${OPPORTUNITY}.Project`, 'INVALID_VALUE'],
    ]);
    expect(violations.map((v) => v.message)).toEqual([
      'Expected a string, got a number',
      'Expected a list, got an object',
      'Expected an object (ProjectDetails), got a string',
    ]);
  });

  test('length of lists (items) and of strings (characters, not UTF-16 units)', () => {
    const tooFew = opportunityRequest();
    tooFew.Invitation.Payload.OpportunityInvitation.SenderContacts = [];
    const tooMany = opportunityRequest();
    tooMany.Invitation.Payload.OpportunityInvitation.SenderContacts = Array.from({ length: 4 }, () => ({ Email: 'a@example.com' }));
    const lead = leadRequest();
    lead.Invitation.Payload.LeadInvitation.Customer.CountryCode = 'ABCDEFGHIJK';
    const emoji = leadRequest();
    emoji.Invitation.Payload.LeadInvitation.Customer.CountryCode = '🚀'.repeat(10); // 10 characters, 20 UTF-16 units

    expect(found(create(tooFew))).toEqual([[`${OPPORTUNITY}.SenderContacts`, 'NOT_ENOUGH_VALUES']]);
    expect(found(create(tooMany))).toEqual([[`${OPPORTUNITY}.SenderContacts`, 'TOO_MANY_VALUES']]);
    expect(create(lead)).toEqual([expect.objectContaining({
      fieldName: 'Invitation.Payload.LeadInvitation.Customer.CountryCode', code: 'INVALID_STRING_FORMAT', message: 'Has 11 characters; must have 0 to 10',
    })]);
    expect(create(emoji)).toEqual([]);
  });

  test('patterns, on list items too; (?s) lets free text span lines', () => {
    const request = opportunityRequest();
    request.EngagementIdentifier = 'eng-ABCDEFGHIJKLMN';
    request.Invitation.Payload.OpportunityInvitation.SenderContacts[1].Email = 'not an email';
    request.Invitation.Payload.OpportunityInvitation.Project.BusinessProblem = 'Too short\nproblem.'; // 18 characters, < 20
    request.Invitation.Payload.OpportunityInvitation.Project.Title = 'x'.repeat(256); // a member-level pattern

    const violations = create(request);

    expect(found(violations)).toEqual([
      ['EngagementIdentifier', 'INVALID_STRING_FORMAT'],
      [`${OPPORTUNITY}.SenderContacts[1].Email`, 'INVALID_STRING_FORMAT'],
      [`${OPPORTUNITY}.Project.BusinessProblem`, 'INVALID_STRING_FORMAT'],
      [`${OPPORTUNITY}.Project.Title`, 'INVALID_STRING_FORMAT'],
    ]);
    expect(violations[0].message).toBe('"eng-ABCDEFGHIJKLMN" does not match the pattern ^eng-[0-9a-z]{14}$');
    // SenderContactEmail is @sensitive: the message does not repeat the value.
    expect(violations[1].message).not.toContain('not an email');
  });

  test('enum values are the enumValue traits, not the member names', () => {
    const request = opportunityRequest();
    request.Invitation.Payload.OpportunityInvitation.Customer.CountryCode = 'XX';
    request.Invitation.Payload.OpportunityInvitation.Customer.Industry = 'AEROSPACE_SATELLITE'; // the member name of 'Aerospace'
    request.Invitation.Payload.OpportunityInvitation.ReceiverResponsibilities = ['Reseller', 'Nobody'];

    expect(found(create(request))).toEqual([
      [`${OPPORTUNITY}.ReceiverResponsibilities[1]`, 'INVALID_ENUM_VALUE'],
      [`${OPPORTUNITY}.Customer.Industry`, 'INVALID_ENUM_VALUE'],
      [`${OPPORTUNITY}.Customer.CountryCode`, 'INVALID_ENUM_VALUE'],
    ]);
  });

  test('unions take exactly one member', () => {
    const both = opportunityRequest();
    both.Invitation.Payload.LeadInvitation = leadRequest().Invitation.Payload.LeadInvitation;
    const none = opportunityRequest();
    none.Invitation.Receiver = {};

    const violations = create(both);
    expect(found(violations)).toEqual([['Invitation.Payload', 'TOO_MANY_VALUES']]);
    expect(violations[0].message).toBe('Exactly one of OpportunityInvitation, LeadInvitation must be set; OpportunityInvitation, LeadInvitation set');
    expect(found(create(none))).toEqual([['Invitation.Receiver', 'NOT_ENOUGH_VALUES']]);
  });

  test('members the shape does not define', () => {
    const request = opportunityRequest();
    request.Invitation.Priority = 'high';
    request.Invitation.Payload.OpportunityInvitation.SenderContacts[0].email = 'lowercase@example.com';
    request.Invitation.Receiver.Account = JSON.parse('{"AwsAccountId": "210987654321", "constructor": "x"}'); // not a member either

    expect(found(create(request))).toEqual([
      ['Invitation.Receiver.Account.constructor', 'INVALID_VALUE'],
      ['Invitation.Payload.OpportunityInvitation.SenderContacts[0].email', 'INVALID_VALUE'],
      ['Invitation.Priority', 'INVALID_VALUE'],
    ]);
  });

  test('range, and integers', () => {
    const list = (MaxResults: unknown) => validateOperationInput('ListEngagementInvitations', { Catalog: 'AWS', ParticipantType: 'SENDER', MaxResults });

    expect(found(list(0))).toEqual([['MaxResults', 'VALUE_OUT_OF_RANGE']]);
    expect(found(list(101))).toEqual([['MaxResults', 'VALUE_OUT_OF_RANGE']]);
    expect(found(list(2.5))).toEqual([['MaxResults', 'INVALID_VALUE']]);
    expect(found(list('10'))).toEqual([['MaxResults', 'INVALID_VALUE']]);
    expect(list(1)).toEqual([]);
  });

  test('timestamps: date-time where the model says so (InteractionDate), epoch seconds where it says nothing', () => {
    const interactionDate = 'Contexts[0].Payload.Lead.Interactions[0].InteractionDate';
    const engagement = (InteractionDate: unknown, model?: SmithyModel) => validateOperationInput('CreateEngagement', {
      Contexts: [{ Type: 'LEAD', Payload: { Lead: { Interactions: [{ InteractionDate }] } } }],
    }, model).filter((v) => v.fieldName === interactionDate);
    // Without the timestampFormat trait, awsJson1_0's default applies: epoch seconds, a JSON number.
    const epochSeconds: SmithyModel = structuredClone(loadSellingModel()) as any;
    delete (epochSeconds.shapes[`${NS}DateTime`] as any).traits['smithy.api#timestampFormat'];

    expect(engagement('2026-08-28T12:00:00.123Z')).toEqual([]);
    expect(found(engagement(1_787_918_400))).toEqual([[interactionDate, 'INVALID_VALUE']]);
    expect(found(engagement('2026-13-28T12:00:00Z'))).toEqual([[interactionDate, 'INVALID_VALUE']]);
    expect(engagement(1_787_918_400, epochSeconds)).toEqual([]);
    expect(found(engagement('2026-08-28T12:00:00Z', epochSeconds))).toEqual([[interactionDate, 'INVALID_VALUE']]);
  });
});

describe('the rules come from the model', () => {
  test('changing a pattern in a copy of the model changes the result; the loaded model is untouched', () => {
    const model: SmithyModel = structuredClone(loadSellingModel());
    (model.shapes[`${NS}EngagementIdentifier`] as any).traits['smithy.api#pattern'] = '^eng-[0-9]{14}$';

    expect(found(create(opportunityRequest(), model))).toEqual([['EngagementIdentifier', 'INVALID_STRING_FORMAT']]);
    expect(create(opportunityRequest())).toEqual([]);
  });

  test('a trait on the member overrides the same trait of its target and keeps the others', () => {
    const model: SmithyModel = structuredClone(loadSellingModel());
    const customer = model.shapes[`${NS}LeadInvitationCustomer`] as any;
    customer.members.CountryCode.traits['smithy.api#length'] = { max: 2 }; // the target LeadCountryCode says max 10
    customer.members.CompanyName.traits['smithy.api#length'] = { max: 5 }; // the target CompanyName has a pattern
    const request = leadRequest();
    request.Invitation.Payload.LeadInvitation.Customer.CompanyName = '';

    expect(found(create(request, model))).toEqual([
      ['Invitation.Payload.LeadInvitation.Customer.CompanyName', 'INVALID_STRING_FORMAT'], // the target's ^(?s).{1,120}$
      ['Invitation.Payload.LeadInvitation.Customer.CountryCode', 'INVALID_STRING_FORMAT'], // 'Mars': 4 > 2
    ]);
    expect(create(request, model)[1].message).toBe('Has 4 characters; must have 0 to 2');
  });

  test('generic over operations: any operation\'s input, prelude targets and maps included', () => {
    const model: SmithyModel = {
      shapes: {
        [`${NS}Probe`]: { type: 'operation', input: { target: `${NS}ProbeInput` } },
        [`${NS}ProbeInput`]: {
          type: 'structure',
          members: {
            Flag: { target: 'smithy.api#Boolean', traits: { 'smithy.api#required': {} } },
            Tags: { target: `${NS}Tags` },
          },
        },
        [`${NS}Tags`]: { type: 'map', key: { target: `${NS}TagKey` }, value: { target: 'smithy.api#String' }, traits: { 'smithy.api#length': { max: 1 } } },
        [`${NS}TagKey`]: { type: 'string', traits: { 'smithy.api#pattern': '^[a-z]+$' } },
      } as Record<string, Shape>,
    };
    const probe = (body: unknown) => found(validateOperationInput('Probe', body, model));

    expect(probe({ Flag: true, Tags: { env: 'dev' } })).toEqual([]);
    expect(probe({ Flag: 'yes', Tags: { env: 'dev', Team: 1 } })).toEqual([
      ['Flag', 'INVALID_VALUE'],
      ['Tags', 'TOO_MANY_VALUES'],
      ['Tags.Team', 'INVALID_STRING_FORMAT'],
      ['Tags.Team', 'INVALID_VALUE'],
    ]);
  });
});

describe('the model\'s patterns in JavaScript', () => {
  /** Every pattern (of shapes and of members) reachable from the operation's input, found by walking the JSON here. */
  function reachablePatterns(operation: string): Set<string> {
    const shapes = loadSellingModel().shapes as Record<string, any>;
    const patterns = new Set<string>();
    const seen = new Set<string>();
    const visit = (reference: { target: string; traits?: any }) => {
      if (reference.traits?.['smithy.api#pattern']) patterns.add(reference.traits['smithy.api#pattern']);
      if (seen.has(reference.target) || !shapes[reference.target]) return;
      seen.add(reference.target);
      const shape = shapes[reference.target];
      if (shape.traits?.['smithy.api#pattern']) patterns.add(shape.traits['smithy.api#pattern']);
      if (shape.type !== 'enum') Object.values<any>(shape.members ?? {}).forEach(visit);
      [shape.member, shape.key, shape.value].filter(Boolean).forEach(visit);
    };
    visit(shapes[`${NS}${operation}`].input);
    return patterns;
  }

  test('every pattern reachable from the CreateEngagementInvitation input compiles', () => {
    const patterns = [...reachablePatterns('CreateEngagementInvitation')];

    expect(patterns.length).toBeGreaterThanOrEqual(15);
    // Shape-level patterns and a member-level one (ExpectedCustomerSpend.TargetCompany targets smithy.api#String).
    expect(patterns).toEqual(expect.arrayContaining(['^(?s).{1,255}$', '^.{1,255}$', '^eng-[0-9a-z]{14}$', '^(?s).{1,80}$']));
    const failures = patterns.filter((pattern) => {
      try {
        compileJavaPattern(pattern);
        return false;
      } catch {
        return true;
      }
    });
    expect(failures).toEqual([]);
  });

  test.each(['CreateEngagement', 'GetEngagement', 'CreateEngagementContext', 'UpdateEngagementContext'])(
    'every pattern reachable from the %s input compiles (engagement delta included)', (operation) => {
      const failures = [...reachablePatterns(operation)].filter((pattern) => {
        try {
          compileJavaPattern(pattern);
          return false;
        } catch {
          return true;
        }
      });
      expect(reachablePatterns(operation).size).toBeGreaterThan(0);
      expect(failures).toEqual([]);
    });

  test.each([
    // (?s): DOTALL, so free text may hold line breaks; without it '.' stops at any Java line terminator, U+0085 too.
    ['^(?s).{1,255}$', ['one\ntwo', 'x'.repeat(255)], ['', 'x'.repeat(256)]],
    ['^.{1,255}$', ['token-1'], ['one\ntwo', '\u0085x', '']],
    // Java's '$' also matches before a final line terminator (Smithy's validator uses Matcher.find()).
    ['^eng-[0-9a-z]{14}$', ['eng-abcdefghijklmn', 'eng-abcdefghijklmn\n'], ['eng-abcdefghijklmn\n\n', 'xeng-abcdefghijklmn']],
    // '(-|' in the class is a range '(' to '|' in both dialects.
    ['^(?=.{4,255}$)((http|https)://)??(www[.])??([a-zA-Z0-9]|-)+?([.][a-zA-Z0-9(-|/|=|?)??]+?)+?$',
      ['https://www.example.com', 'example.co.uk', 'a.b/c'], ['example', 'https://exa mple.com']],
    ["^(?=.{1,80}$)[a-zA-Z0-9.!#$%&'*+/=?^_{|}~-]+@[a-zA-Z0-9-]+(?:.[a-zA-Z0-9-]+)*$", ['a.b+c@example.com'], ['a@', 'a b@example.com']],
    ['^(?=.{0,256}$)([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$', ['Ünïcode tag-1', ''], ['semi;colon']],
    ['^[\\u0020-\\u007E\\u00A0-\\uD7FF\\uE000-\\uFFFD]{1,80}$', ['plain'], ['tab\there']],
  ])('%s means what java.util.regex makes of it', (pattern, accepted, rejected) => {
    const regex = compileJavaPattern(pattern);
    for (const value of accepted) expect([value, regex.test(value)]).toEqual([value, true]);
    for (const value of rejected) expect([value, regex.test(value)]).toEqual([value, false]);
  });

  test.each(['(?i)abc', 'a++', '(?>a)', '[a-z&&[^b]]', '\\p{Alpha}', '\\s', '\\Qa.b\\E', 'a\\Z'])(
    'a Java construct it does not translate (%s) is refused, not mistranslated', (pattern) => {
      expect(() => compileJavaPattern(pattern)).toThrow(/Unsupported Java regex construct/);
    });
});
