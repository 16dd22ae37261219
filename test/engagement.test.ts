// The Engagement construct: its template with its invitations (one handler, one role), the IAM statement, the
// properties in the API's shape, synth-time validation (timestamps included), the member limit, imports.
import { CfnParameter, Duration, Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Catalog, Engagement, EngagementContextType, EngagementInvitation, EngagementProps } from '../lib';
import { distinctInvitation, testStack, validProps } from './support/fixtures';
import { CREATE_ENGAGEMENT_RULES } from '../lib/engagement/rules';
import { formatViolation, validate } from '../lib/rules/validation';

const ENGAGEMENT = 'Custom::PartnerCentralEngagement';
const INVITATION = 'Custom::PartnerCentralEngagementInvitation';
const ROLE_ARN = 'arn:aws:iam::444455556666:role/PartnerCentralEngagements';
const INVITATION_ACTIONS = [
  'partnercentral:CreateEngagementInvitation', 'partnercentral:ListEngagementInvitations', 'partnercentral:GetEngagementInvitation',
];

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };

/** A valid engagement with a customer project context and a lead context (every lead member set). */
function engagementProps(edit: (props: Mutable<EngagementProps>) => void = () => {}): EngagementProps {
  const props: Mutable<EngagementProps> = {
    catalog: Catalog.SANDBOX,
    title: 'Acme migration',
    description: 'Co-sell on the Acme data platform migration',
    contexts: [
      {
        type: EngagementContextType.CUSTOMER_PROJECT,
        payload: {
          customerProject: {
            customer: { companyName: 'Acme', countryCode: 'US', industry: 'Software and Internet', websiteUrl: 'https://acme.example' },
            project: { title: 'Data platform migration', businessProblem: 'Acme must leave its data centre by 2027.', targetCompletionDate: '2027-03-31' },
          },
        },
      },
      {
        id: 'L1',
        type: EngagementContextType.LEAD,
        payload: {
          lead: {
            qualificationStatus: 'Qualified',
            customer: {
              ...{ companyName: 'Acme', industry: 'Retail', websiteUrl: 'acme.example', awsMaturity: 'Experienced', marketSegment: 'Mid-market' },
              address: { city: 'Seattle', postalCode: '98101', stateOrRegion: 'Washington', countryCode: 'US' },
            },
            interactions: [{
              ...{ sourceType: 'Event', sourceId: 'evt-1', sourceName: 're:Invent', usecase: 'Migration' },
              ...{ interactionDate: '2026-11-01T10:00:00Z', customerAction: 'Asked for a proposal', businessProblem: 'Data centre exit' },
              contact: { businessTitle: 'CTO', email: 'cto@acme.example', firstName: 'Ada', lastName: 'Lovelace', phone: '+14155550100' },
            }],
          },
        },
      },
    ],
  };
  edit(props);
  return props as EngagementProps;
}

/** validProps()'s invitation, to receiver account 111122223333 + n: invitations of one engagement must not be identical. */
function invitation(n = 0) {
  return distinctInvitation(n);
}

function statementsOf(template: Template): any[] {
  const [role] = Object.values(template.findResources('AWS::IAM::Role'));
  return role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement);
}

const ENGAGEMENT_STATEMENT = (catalogs: string[]) => ({
  Action: [
    'partnercentral:CreateEngagement', 'partnercentral:CreateEngagementContext', 'partnercentral:UpdateEngagementContext', 'partnercentral:GetEngagement',
    'partnercentral:ListEngagements',
  ],
  Effect: 'Allow',
  Resource: '*',
  Condition: { StringEquals: { 'partnercentral:Catalog': catalogs } },
});

function synthError(build: (stack: Stack) => void, stack = testStack()): string {
  try {
    build(stack);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected synth to fail');
}

test('1 engagement and 3 invitations: 1 function, 1 role, 4 custom resources, no IAM policy; invitations wait for the engagement', () => {
  const stack = testStack();
  const engagement = new Engagement(stack, 'Engagement', engagementProps());
  const invites = ['PartnerA', 'PartnerB', 'PartnerC'].map((id, i) => engagement.invite(id, { invitation: invitation(i) }));
  const template = Template.fromStack(stack);

  template.resourceCountIs('AWS::Lambda::Function', 1);
  template.resourceCountIs('AWS::IAM::Role', 1);
  template.resourceCountIs('AWS::IAM::Policy', 0);
  template.resourceCountIs(ENGAGEMENT, 1);
  template.resourceCountIs(INVITATION, 3);
  const engagementId = stack.getLogicalId(engagement.node.defaultChild!.node.defaultChild as any);
  const functionId = Object.keys(template.findResources('AWS::Lambda::Function'))[0];
  expect(Object.keys(template.findResources(ENGAGEMENT))).toEqual([engagementId]);
  for (const resource of Object.values(template.findResources(INVITATION))) {
    expect(resource.Properties.EngagementIdentifier).toEqual({ 'Fn::GetAtt': [engagementId, 'Id'] });
    expect(resource.Properties.Catalog).toBe('Sandbox');
    expect(resource.Properties.ServiceToken).toEqual({ 'Fn::GetAtt': [functionId, 'Arn'] });
  }
  expect(template.findResources(ENGAGEMENT)[engagementId].Properties.ServiceToken).toEqual({ 'Fn::GetAtt': [functionId, 'Arn'] });
  expect(invites.map((i) => i.node.path)).toEqual(['TestStack/Engagement/PartnerA', 'TestStack/Engagement/PartnerB', 'TestStack/Engagement/PartnerC']);
  expect(invites[0]).toBeInstanceOf(EngagementInvitation);
});

test('resource properties are the CreateEngagement request in PascalCase (interactionDate as written), plus ServiceToken and ServiceTimeout', () => {
  const stack = testStack();
  new Engagement(stack, 'Engagement', engagementProps());
  const [resource] = Object.values(Template.fromStack(stack).findResources(ENGAGEMENT));
  const { ServiceToken, ...properties } = resource.Properties;

  expect(properties).toEqual({
    ServiceTimeout: '420',
    Catalog: 'Sandbox',
    Title: 'Acme migration',
    Description: 'Co-sell on the Acme data platform migration',
    Contexts: [
      {
        Type: 'CustomerProject',
        Payload: {
          CustomerProject: {
            Customer: { CompanyName: 'Acme', CountryCode: 'US', Industry: 'Software and Internet', WebsiteUrl: 'https://acme.example' },
            Project: { Title: 'Data platform migration', BusinessProblem: 'Acme must leave its data centre by 2027.', TargetCompletionDate: '2027-03-31' },
          },
        },
      },
      {
        Id: 'L1',
        Type: 'Lead',
        Payload: {
          Lead: {
            QualificationStatus: 'Qualified',
            Customer: {
              ...{ CompanyName: 'Acme', Industry: 'Retail', WebsiteUrl: 'acme.example', AwsMaturity: 'Experienced', MarketSegment: 'Mid-market' },
              Address: { City: 'Seattle', PostalCode: '98101', StateOrRegion: 'Washington', CountryCode: 'US' },
            },
            Interactions: [{
              ...{ SourceType: 'Event', SourceId: 'evt-1', SourceName: 're:Invent', Usecase: 'Migration' },
              ...{ InteractionDate: '2026-11-01T10:00:00Z', CustomerAction: 'Asked for a proposal', BusinessProblem: 'Data centre exit' },
              Contact: { BusinessTitle: 'CTO', Email: 'cto@acme.example', FirstName: 'Ada', LastName: 'Lovelace', Phone: '+14155550100' },
            }],
          },
        },
      },
    ],
  });
  expect(resource.DeletionPolicy).toBeUndefined();
  expect(resource.UpdateReplacePolicy).toBeUndefined();
});

test('a minimal engagement (the newest model: title, description and contexts optional) sends only its catalog', () => {
  const stack = testStack();
  new Engagement(stack, 'Engagement', { catalog: Catalog.AWS });
  const [resource] = Object.values(Template.fromStack(stack).findResources(ENGAGEMENT));

  expect(Object.keys(resource.Properties).sort()).toEqual(['Catalog', 'ServiceTimeout', 'ServiceToken']);
});

test.each([
  [true, 'true'],
  [false, undefined],
  [undefined, undefined],
])('allowReplacement %s writes AllowReplacement %s', (allowReplacement, written) => {
  const stack = testStack();
  new Engagement(stack, 'Engagement', engagementProps((p) => { p.allowReplacement = allowReplacement; }));
  const [resource] = Object.values(Template.fromStack(stack).findResources(ENGAGEMENT));

  expect(resource.Properties.AllowReplacement).toBe(written);
});

test('apiRegion, serviceTimeout and assumeRoleArn as for invitations; its invitations inherit all three unless they set their own', () => {
  const stack = testStack();
  const engagement = new Engagement(stack, 'Engagement', engagementProps((p) => {
    p.apiRegion = 'us-west-2';
    p.serviceTimeout = Duration.minutes(10);
    p.assumeRoleArn = ROLE_ARN;
  }));
  engagement.invite('Inherited', { invitation: invitation(0) });
  engagement.invite('Own', { invitation: invitation(1), apiRegion: 'eu-west-1', serviceTimeout: Duration.minutes(8) });
  const template = Template.fromStack(stack);

  template.hasResourceProperties(ENGAGEMENT, { ApiRegion: 'us-west-2', ServiceTimeout: '600', AssumeRoleArn: ROLE_ARN });
  const invitations = Object.values(template.findResources(INVITATION)).map((r) => r.Properties);
  expect(invitations.map((p) => [p.ApiRegion, p.AssumeRoleArn, p.ServiceTimeout])).toEqual([
    ['us-west-2', ROLE_ARN, '600'],
    ['eu-west-1', ROLE_ARN, '480'],
  ]);
  // Everything is sent as the assumed role: the handler's own role may only assume it.
  expect(statementsOf(template).slice(2)).toEqual([{ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: ROLE_ARN }]);
});

test('serviceTimeout has the invitation\'s floor', () => {
  expect(synthError((stack) => new Engagement(stack, 'Engagement', engagementProps((p) => { p.serviceTimeout = Duration.seconds(359); }))))
    .toMatch(/serviceTimeout: 359 seconds is less than 360 seconds, .* \(minimum\)/);
});

describe('IAM: one statement for the stack\'s engagements, on the same role', () => {
  test('with engagements and invitations: the engagement actions on *, for the engagements\' catalogs only', () => {
    const stack = testStack();
    new Engagement(stack, 'Production', engagementProps((p) => { p.catalog = Catalog.AWS; }));
    const sandbox = new Engagement(stack, 'Testing', engagementProps());
    new Engagement(stack, 'AlsoTesting', engagementProps());
    sandbox.invite('PartnerA', { invitation: invitation() });
    const template = Template.fromStack(stack);

    expect(statementsOf(template).slice(2)).toEqual([
      ENGAGEMENT_STATEMENT(['AWS', 'Sandbox']),
      {
        Action: INVITATION_ACTIONS,
        Effect: 'Allow',
        Resource: '*',
        Condition: { StringEquals: { 'partnercentral:Catalog': ['Sandbox'] } },
      },
    ]);
  });

  test('the invitations\' catalogs and the engagements\' catalogs are listed apart', () => {
    const stack = testStack();
    new Engagement(stack, 'Engagement', engagementProps((p) => { p.catalog = Catalog.AWS; }));
    new EngagementInvitation(stack, 'Elsewhere', validProps({ catalog: Catalog.SANDBOX }));

    expect(statementsOf(Template.fromStack(stack)).slice(2).map((s) => [s.Action, s.Condition.StringEquals['partnercentral:Catalog']])).toEqual([
      [ENGAGEMENT_STATEMENT([]).Action, ['AWS']],
      [INVITATION_ACTIONS, ['Sandbox']],
    ]);
  });

  test('without engagements, no engagement action anywhere in the template', () => {
    const stack = testStack();
    new EngagementInvitation(stack, 'Invite', validProps());
    const actions = JSON.stringify(Template.fromStack(stack).toJSON()).match(/"partnercentral:[A-Za-z]+"/g);

    expect(new Set(actions)).toEqual(new Set([...INVITATION_ACTIONS, 'partnercentral:Catalog'].map((a) => JSON.stringify(a))));
  });

  test('an engagement alone: its statement, no invitation action', () => {
    const stack = testStack();
    new Engagement(stack, 'Engagement', engagementProps());

    expect(statementsOf(Template.fromStack(stack)).slice(2)).toEqual([ENGAGEMENT_STATEMENT(['Sandbox'])]);
  });
});

describe('the member limit: an engagement has at most 10 members, its creator included', () => {
  test('9 invitations are accepted; the 10th fails at synth naming the engagement and the limit, and adds nothing', () => {
    const stack = testStack();
    const engagement = new Engagement(stack, 'Engagement', engagementProps());
    for (let i = 1; i <= 9; i++) engagement.invite(`Partner${i}`, { invitation: invitation(i) });
    const children = engagement.node.children.length;

    expect(() => engagement.invite('Partner10', { invitation: invitation(10) })).toThrow(
      "TestStack/Engagement: cannot invite 'Partner10': an engagement has at most 10 members, its creator included, so at most 9 invitations (member limit)");
    expect(engagement.node.children).toHaveLength(children);
    Template.fromStack(stack).resourceCountIs(INVITATION, 9);
  });

  test('the limit is per engagement', () => {
    const stack = testStack();
    const first = new Engagement(stack, 'First', engagementProps());
    const second = new Engagement(stack, 'Second', engagementProps());
    for (let i = 1; i <= 9; i++) first.invite(`Partner${i}`, { invitation: invitation(i) });

    expect(() => second.invite('Partner1', { invitation: invitation(1) })).not.toThrow();
  });

  test('a rejected invitation does not count', () => {
    const engagement = new Engagement(testStack(), 'Engagement', engagementProps());
    for (let i = 1; i <= 9; i++) {
      expect(() => engagement.invite(`Bad${i}`, { invitation: { ...invitation(), message: '' } })).toThrow(/invitation\.message/);
    }
    expect(() => engagement.invite('Good', { invitation: invitation() })).not.toThrow();
  });
});

describe('validation at synth', () => {
  const LEAD = 'contexts[1].payload.lead';

  test('3 faults in different fields, a bad interactionDate among them: one error naming the three paths; nothing added', () => {
    const stack = testStack();
    const message = synthError((s) => new Engagement(s, 'Engagement', engagementProps((p) => {
      p.title = 'x'.repeat(41);
      p.contexts![1].payload!.lead!.interactions[0].interactionDate = '2026-02-30';
      p.contexts![1].payload!.lead!.interactions[0].contact.email = '';
    })), stack);

    expect(message).toMatch(/^TestStack\/Engagement: invalid Engagement \(3 problems\):\n/);
    expect(message.split('\n').slice(1)).toEqual([
      '  title: is 41 characters long; must be 0 to 40 (pattern ^(?s).{0,40}$)',
      `  ${LEAD}.interactions[0].interactionDate: "2026-02-30" is not a real calendar date (timestamp date-time)`,
      `  ${LEAD}.interactions[0].contact.email: is 0 characters long, fewer than 1 (length min 1)`,
    ]);
    expect(stack.node.findAll().map((c) => c.node.path)).toEqual(['TestStack']);
  });

  test.each([
    '2026-11-01', '2026-11-01T10:00:00Z', '2026-11-01T10:00:00.123Z', '2026-11-01T23:59:59+02:00', '2028-02-29', '2000-02-29T00:00:00-05:30',
  ])('interactionDate %s is accepted', (interactionDate) => {
    expect(() => new Engagement(testStack(), 'Engagement', engagementProps((p) => {
      p.contexts![1].payload!.lead!.interactions[0].interactionDate = interactionDate;
    }))).not.toThrow();
  });

  test.each([
    ['2026-02-30', 'is not a real calendar date'],
    ['2027-02-29', 'is not a real calendar date'],
    ['1900-02-29', 'is not a real calendar date'],
    ['2026-13-01', 'is not a real calendar date'],
    ['2026-11-01T24:00:00Z', 'is not a real time of day'],
    ['2026-11-01T10:60:00Z', 'is not a real time of day'],
    ['2026-11-01T10:00:00+24:00', 'is not a real time of day'],
    ['2026-11-01T10:00:00', 'is not an ISO-8601 date-time such as 2026-11-01T10:00:00Z or a date such as 2026-11-01'],
    ['01/11/2026', 'is not an ISO-8601 date-time'],
    ['2026-11-01 10:00:00Z', 'is not an ISO-8601 date-time'],
    ['', 'is not an ISO-8601 date-time'],
  ])('interactionDate %j is refused: %s', (interactionDate, problem) => {
    const message = synthError((stack) => new Engagement(stack, 'Engagement', engagementProps((p) => {
      p.contexts![1].payload!.lead!.interactions[0].interactionDate = interactionDate;
    })));
    expect(message).toContain(`${LEAD}.interactions[0].interactionDate: ${JSON.stringify(interactionDate)} ${problem}`);
    expect(message).toMatch(/\(timestamp date-time\)$/);
  });

  test('a timestamp that is not a string is a type error', () => {
    const violations = validate(CREATE_ENGAGEMENT_RULES, {
      Catalog: 'AWS',
      Contexts: [{ Type: 'Lead', Payload: { Lead: { Customer: { CompanyName: 'Acme' }, Interactions: [{ InteractionDate: 1762000000, Contact: {} }] } } }],
    });
    expect(violations.map((v) => formatViolation(v, 'wire'))).toEqual([
      'Contexts[0].Payload.Lead.Interactions[0].InteractionDate: must be a string (an ISO-8601 date-time), got a number (type)',
      'Contexts[0].Payload.Lead.Interactions[0].Contact.BusinessTitle: is required (required)',
      'Contexts[0].Payload.Lead.Interactions[0].Contact.Email: is required (required)',
      'Contexts[0].Payload.Lead.Interactions[0].Contact.FirstName: is required (required)',
      'Contexts[0].Payload.Lead.Interactions[0].Contact.LastName: is required (required)',
    ]);
  });

  test('list sizes, union, unknown fields, and a payload that is not the one its type names', () => {
    const message = synthError((stack) => new Engagement(stack, 'Engagement', engagementProps((p) => {
      p.contexts = [...p.contexts!, ...p.contexts!, ...p.contexts!];
      p.contexts[1] = { ...p.contexts[1], type: EngagementContextType.CUSTOMER_PROJECT };
      p.contexts[2] = { type: 'Lead', payload: {} };
      (p.contexts[3] as any).payload.lead.interactions = [];
      (p.contexts[0] as any).payload.customerProject.custmer = {};
    })));

    expect(message).toContain('contexts: has 6 items; must have 0 to 5 (list size 0..5)');
    expect(message).toContain('contexts[2].payload: must set exactly one of customerProject, lead; none is set (union)');
    expect(message).toContain('contexts[3].payload.lead.interactions: has 0 items; must have 1 to 10 (list size 1..10)');
    expect(message).toContain('contexts[0].payload.customerProject.custmer: is not a field of CustomerProjectsContext (unknown field)');
    expect(message).toContain('contexts[1].payload.lead: a CustomerProject context carries customerProject, not lead (context type)');
    expect(message).not.toContain('contexts[3].payload.lead: a ');
  });

  test('tokens are not checked at synth', () => {
    const lazy = (value: string) => Lazy.string({ produce: () => value });
    expect(() => new Engagement(testStack(), 'Engagement', engagementProps((p) => {
      p.title = lazy('x'.repeat(50));
      p.contexts![1].type = lazy('Nope');
      p.contexts![1].payload!.lead!.interactions[0].interactionDate = lazy('2026-02-30');
    }))).not.toThrow();
  });
});

describe('fromEngagementId', () => {
  test('a literal id', () => {
    const imported = Engagement.fromEngagementId(testStack(), 'Existing', 'eng-abcdefghijklmn');
    expect(imported.engagementId).toBe('eng-abcdefghijklmn');
  });

  test('a token id, for example a parameter, usable as an invitation\'s engagementIdentifier', () => {
    const stack = testStack();
    const imported = Engagement.fromEngagementId(stack, 'Existing', new CfnParameter(stack, 'EngagementId').valueAsString);
    new EngagementInvitation(stack, 'Invite', validProps({ engagementIdentifier: imported.engagementId }));

    Template.fromStack(stack).hasResourceProperties(INVITATION, { EngagementIdentifier: { Ref: 'EngagementId' } });
  });

  test.each(['eng-ABCDEFGHIJKLMN', 'eng-abc', 'engi-0a1b2c3d4e5f6', 'arn:aws:partnercentral:us-east-1::catalog/AWS/engagement/eng-abcdefghijklmn'])(
    'a malformed literal %s is refused', (engagementId) => {
      expect(() => Engagement.fromEngagementId(testStack(), 'Existing', engagementId)).toThrow(
        `TestStack/Existing: engagementId: ${JSON.stringify(engagementId)} is not an engagement id ("eng-" and 14 lowercase letters or digits)`);
    });
});

test('engagementId and engagementArn are the Id and Arn attributes; catalog is the props\'', () => {
  const stack = testStack();
  const engagement = new Engagement(stack, 'Engagement', engagementProps());
  const logicalId = Object.keys(Template.fromStack(stack).findResources(ENGAGEMENT))[0];

  expect(stack.resolve(engagement.engagementId)).toEqual({ 'Fn::GetAtt': [logicalId, 'Id'] });
  expect(stack.resolve(engagement.engagementArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'Arn'] });
  expect(engagement.catalog).toBe('Sandbox');
  expect(Engagement.RESOURCE_TYPE).toBe(ENGAGEMENT);
  // Outside the invitations' creation chains: it waits only for the bound on its events' age.
  const template = Template.fromStack(stack);
  template.hasResource(ENGAGEMENT, { DependsOn: Object.keys(template.findResources('AWS::Lambda::EventInvokeConfig')) });
  template.resourceCountIs('AWS::Lambda::EventInvokeConfig', 1);
});
