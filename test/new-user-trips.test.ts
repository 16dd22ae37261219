// What a new user trips over, one reproduction each: dynamic references, customer values in synth errors, enum
// hints, the CLI skeleton's placeholders, a BOM, undefined props, the account-id wording, and one role token used
// twice.
import { CfnDynamicReference, CfnDynamicReferenceService, CfnParameter, Fn, Lazy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Catalog, Engagement, EngagementContextType, EngagementInvitation, EngagementInvitationProps, EngagementProps } from '../lib';
import { distinctProps, PII, testStack, validProps } from './support/fixtures';
import { toInvitationRequest } from '../lib/engagement-invitation/request';

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };
const TYPE = 'Custom::PartnerCentralEngagementInvitation';
const OPP = 'invitation.payload.opportunityInvitation';

function propsWith(
  edit: (props: Mutable<EngagementInvitationProps>) => void,
  base: EngagementInvitationProps = validProps(),
): EngagementInvitationProps {
  const props = JSON.parse(JSON.stringify(base)) as Mutable<EngagementInvitationProps>;
  edit(props);
  return props as unknown as EngagementInvitationProps;
}

function leadEngagement(contact: Record<string, string>): EngagementProps {
  return {
    catalog: Catalog.SANDBOX,
    contexts: [{
      type: EngagementContextType.LEAD,
      payload: {
        lead: {
          customer: { companyName: 'Acme' },
          interactions: [{ contact: { businessTitle: 'CTO', email: 'cto@acme.example', firstName: 'Ada', lastName: 'Lovelace', ...contact } }],
        },
      },
    }],
  };
}

function errorOf(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

const cliJson = (edit: (json: any) => void = () => {}): string => {
  const json: any = { ...toInvitationRequest(validProps()), ClientToken: '' };
  edit(json);
  return JSON.stringify(json);
};

describe('1. dynamic references', () => {
  const SSM = '{{resolve:ssm:/contacts/email}}';

  test('a literal {{resolve:ssm:…}} is a deploy-time value, like a CfnDynamicReference token', () => {
    const stack = testStack();
    new EngagementInvitation(stack, 'Literal', propsWith((p) => { p.invitation.payload.opportunityInvitation!.senderContacts![0].email = SSM; }));
    const token = new CfnDynamicReference(CfnDynamicReferenceService.SSM, '/contacts/email').toString();
    // To another receiver: the two would otherwise be identical invitations, which a stack refuses.
    new EngagementInvitation(stack, 'Token', propsWith((p) => { p.invitation.payload.opportunityInvitation!.senderContacts![0].email = token; }, distinctProps(1)));
    new Engagement(stack, 'Engagement', leadEngagement({ email: SSM, phone: '{{resolve:ssm:/contacts/phone}}' }));

    const emails = Object.values(Template.fromStack(stack).findResources(TYPE))
      .map((r) => r.Properties.Invitation.Payload.OpportunityInvitation.SenderContacts[0].Email);
    expect(emails).toEqual([SSM, SSM]);
  });

  test.each([
    ['ssm-secure', '{{resolve:ssm-secure:/contacts/email}}'],
    ['secretsmanager', '{{resolve:secretsmanager:contacts:SecretString:email}}'],
  ])('a literal {{resolve:%s:…}} is refused: custom resources receive the reference text', (service, reference) => {
    const stack = testStack();
    const message = errorOf(() => new EngagementInvitation(stack, 'Invite',
      propsWith((p) => { p.invitation.payload.opportunityInvitation!.senderContacts![0].email = reference; })));
    expect(message).toContain(`${OPP}.senderContacts[0].email: is a {{resolve:${service}:…}} dynamic reference, which CloudFormation `
      + 'does not resolve in custom resource properties: the handler would receive the reference text instead of the value; '
      + 'use {{resolve:ssm:…}} (a plain String parameter) or pass the value otherwise (dynamic reference)');
    expect(stack.node.children).toEqual([]);

    const engagement = errorOf(() => new Engagement(testStack(), 'Engagement', leadEngagement({ phone: `x${reference}` })));
    expect(engagement).toContain(`contexts[0].payload.lead.interactions[0].contact.phone: is a {{resolve:${service}:…}} dynamic reference`);

    const cli = errorOf(() => EngagementInvitation.createFromCliInputJson(testStack(), 'Invite', cliJson((j) => { j.Invitation.Message = reference; })));
    expect(cli).toContain(`Invitation.Message: is a {{resolve:${service}:…}} dynamic reference`);
  });

  test('the CLI input JSON takes a plain ssm reference; so do apiRegion and assumeRoleArn', () => {
    const stack = testStack();
    EngagementInvitation.createFromCliInputJson(stack, 'Invite', cliJson((j) => { j.Invitation.Receiver.Account.AwsAccountId = '{{resolve:ssm:/partner/account}}'; }),
      { apiRegion: '{{resolve:ssm:/pc/region}}', assumeRoleArn: '{{resolve:ssm:/pc/role}}' });
    Template.fromStack(stack).hasResourceProperties(TYPE, { ApiRegion: '{{resolve:ssm:/pc/region}}', AssumeRoleArn: '{{resolve:ssm:/pc/role}}' });
    expect(errorOf(() => new EngagementInvitation(testStack(), 'I', validProps({ assumeRoleArn: '{{resolve:secretsmanager:role}}' }))))
      .toContain('assumeRoleArn: is a {{resolve:secretsmanager:…}} dynamic reference');
  });
});

describe('2. sensitive values are not echoed', () => {
  test('contact data, customer data and the message: what is wrong, without the value', () => {
    const stack = testStack();
    const message = errorOf(() => new EngagementInvitation(stack, 'Invite', propsWith((p) => {
      const opportunity = p.invitation.payload.opportunityInvitation!;
      opportunity.senderContacts![0].email = `${PII.firstName}@`;
      opportunity.senderContacts![0].phone = `call ${PII.firstName}`;
      opportunity.customer.countryCode = `${PII.firstName}land`;
      opportunity.customer.websiteUrl = PII.firstName;
      opportunity.project.expectedCustomerSpend[0].amount = `${PII.firstName} 10`;
      p.invitation.receiver.account!.awsAccountId = `${PII.firstName}-account`;
      p.engagementIdentifier = 'eng-not-sensitive';
    })));
    expect(message).not.toContain(PII.firstName);
    expect(message).toContain(`${OPP}.senderContacts[0].email: is not an email address of at most 80 characters (pattern `);
    expect(message).toContain(`${OPP}.senderContacts[0].phone: is not an E.164 phone number`);
    expect(message).toContain(`${OPP}.project.expectedCustomerSpend[0].amount: is not a decimal amount`);
    // Not sensitive: the value is quoted.
    expect(message).toContain('engagementIdentifier: "eng-not-sensitive" is not "eng-" and 14');

    // A country code outside the model's list is a warning (the service may have added it), and hides the value too.
    new EngagementInvitation(stack, 'Warned', propsWith((p) => { p.invitation.payload.opportunityInvitation!.customer.countryCode = `${PII.firstName}land`; }));
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
    expect(warnings).toEqual([expect.stringContaining(`${OPP}.customer.countryCode: is not one of the 249 values this library knows`)]);
    expect(warnings.join()).not.toContain(PII.firstName);
  });

  test('an engagement\'s lead contact and address, and the CLI JSON', () => {
    const props = leadEngagement({ firstName: `${PII.lastName} `.repeat(20) });
    (props.contexts![0].payload!.lead!.customer as any).address = { postalCode: PII.lastName.repeat(3) };
    const message = errorOf(() => new Engagement(testStack(), 'Engagement', props));
    expect(message).not.toContain(PII.lastName);
    expect(message).toContain('contexts[0].payload.lead.customer.address.postalCode: is 30 characters long, more than 20');

    const cli = errorOf(() => EngagementInvitation.createFromCliInputJson(testStack(), 'Invite',
      cliJson((j) => { j.Invitation.Payload.OpportunityInvitation.SenderContacts[0].Phone = PII.lastName; })));
    expect(cli).not.toContain(PII.lastName);
    expect(cli).toContain('Invitation.Payload.OpportunityInvitation.SenderContacts[0].Phone: is not an E.164 phone number');
  });
});

describe('3. every enum violation names the allowed values', () => {
  test('an empty catalog lists them (an error); a long enum says how many and where they are (a warning)', () => {
    const message = errorOf(() => new EngagementInvitation(testStack(), 'Invite', propsWith((p) => { p.catalog = ''; })));
    expect(message).toContain('catalog: "" is not an allowed value; allowed: AWS, Sandbox (enum)');

    const stack = testStack();
    new EngagementInvitation(stack, 'Invite', propsWith((p) => {
      p.invitation.payload.opportunityInvitation!.customer.countryCode = 'USA';
      p.invitation.payload.opportunityInvitation!.customer.industry = 'Rocketry';
    }));
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
    expect(warnings).toEqual([
      expect.stringContaining(`${OPP}.customer.industry: "Rocketry" is not one of the 28 values this library knows (the constants of the Industry class)`),
      expect.stringContaining(`${OPP}.customer.countryCode: is not one of the 249 values this library knows (the constants of the CountryCode class)`),
    ]);
  });
});

describe('4. and 5. the CLI skeleton as written', () => {
  test('the skeleton\'s empty ClientToken is a placeholder: no warning', () => {
    const stack = testStack();
    EngagementInvitation.createFromCliInputJson(stack, 'Invite', cliJson());
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  });

  test('a leading UTF-8 BOM is stripped (once)', () => {
    const stack = testStack();
    EngagementInvitation.createFromCliInputJson(stack, 'Invite', `\uFEFF${cliJson()}`);
    Template.fromStack(stack).resourceCountIs(TYPE, 1);
    expect(() => EngagementInvitation.createFromCliInputJson(testStack(), 'Invite', `\uFEFF\uFEFF${cliJson()}`)).toThrow(/is not valid JSON/);
  });
});

describe('6. undefined props', () => {
  test.each([
    ['EngagementInvitation', 'catalog, engagementIdentifier and invitation', (s: Stack) => new EngagementInvitation(s, 'X', undefined as any)],
    ['Engagement', 'catalog', (s: Stack) => new Engagement(s, 'X', undefined as any)],
  ])('%s without props: the construct and what is missing, not a TypeError', (name, fields, build) => {
    const message = errorOf(() => build(testStack()));
    expect(message).toBe(`TestStack/X: invalid ${name} (1 problem):\n  (props): must be an object with ${fields}, got undefined (type)`);
  });

  test('a missing invitation, directly and through Engagement.invite', () => {
    const { invitation, ...rest } = validProps();
    expect(errorOf(() => new EngagementInvitation(testStack(), 'X', rest as any))).toMatch(/^TestStack\/X: invalid EngagementInvitation [^]*\n  invitation: is required \(required\)/);
    const engagement = new Engagement(testStack(), 'E', { catalog: Catalog.SANDBOX });
    expect(errorOf(() => engagement.invite('I', undefined as any))).toMatch(/^TestStack\/E\/I: invalid EngagementInvitation [^]*\n  invitation: is required \(required\)/);
  });
});

describe('7. the account id', () => {
  test('the message says what the pattern accepts; an alias of word characters passes', () => {
    const message = errorOf(() => new EngagementInvitation(testStack(), 'X', propsWith((p) => { p.invitation.receiver.account!.awsAccountId = 'partner-a'; })));
    expect(message).toContain('invitation.receiver.account.awsAccountId: is not a 12-digit AWS account ID or an alias of 1 to 12 letters, digits or underscores');
    expect(() => new EngagementInvitation(testStack(), 'Y', propsWith((p) => { p.invitation.receiver.account!.awsAccountId = 'partner_a'; }))).not.toThrow();
  });
});

describe('8. one role token used twice', () => {
  const assumeRoleResources = (stack: Stack) => {
    const [iamRole] = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Role'));
    return iamRole.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement).slice(2).map((s: any) => s.Resource);
  };

  test('the same parameter token twice is granted once (one token object, one string)', () => {
    const stack = testStack();
    const role = new CfnParameter(stack, 'RoleArn');
    new EngagementInvitation(stack, 'A', distinctProps(0, { assumeRoleArn: role.valueAsString }));
    new EngagementInvitation(stack, 'B', distinctProps(1, { assumeRoleArn: role.valueAsString }));
    expect(assumeRoleResources(stack)).toEqual([{ Ref: 'RoleArn' }]);
  });

  test('two tokens that resolve to the same value are granted once; different values both', () => {
    const stack = testStack();
    new EngagementInvitation(stack, 'A', distinctProps(0, { assumeRoleArn: Fn.importValue('PartnerRoleArn') }));
    new EngagementInvitation(stack, 'B', distinctProps(1, { assumeRoleArn: Fn.importValue('PartnerRoleArn') }));
    new EngagementInvitation(stack, 'C', distinctProps(2, { assumeRoleArn: Fn.ref('RoleArn') }));
    new EngagementInvitation(stack, 'D', distinctProps(3, { assumeRoleArn: Fn.ref('RoleArn') }));
    new EngagementInvitation(stack, 'E', distinctProps(4, { assumeRoleArn: Fn.importValue('OtherRoleArn') }));
    new EngagementInvitation(stack, 'F', distinctProps(5, { assumeRoleArn: 'arn:aws:iam::444455556666:role/Invitations' }));
    new EngagementInvitation(stack, 'G', distinctProps(6, { assumeRoleArn: Lazy.string({ produce: () => 'arn:aws:iam::444455556666:role/Invitations' }) }));
    new CfnParameter(stack, 'RoleArn');
    expect(assumeRoleResources(stack)).toEqual([[
      { 'Fn::ImportValue': 'PartnerRoleArn' }, { Ref: 'RoleArn' }, { 'Fn::ImportValue': 'OtherRoleArn' },
      'arn:aws:iam::444455556666:role/Invitations',
    ]]);
  });
});
