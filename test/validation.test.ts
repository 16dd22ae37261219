// One test per rule family of the model, through the construct (synth-time) and through the table directly.
import { Lazy, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { EngagementInvitation, EngagementInvitationProps } from '../lib';
import { testStack, validProps } from './support/fixtures';
import { CREATE_ENGAGEMENT_INVITATION_RULES } from '../lib/engagement-invitation/rules';
import { formatViolation, validate } from '../lib/rules/validation';

type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> };

/** validProps() with `edit` applied to a deep copy. */
function propsWith(edit: (props: Mutable<EngagementInvitationProps>) => void): EngagementInvitationProps {
  const props = JSON.parse(JSON.stringify(validProps())) as Mutable<EngagementInvitationProps>;
  edit(props);
  return props as unknown as EngagementInvitationProps;
}

function synthError(props: EngagementInvitationProps, stack: Stack = testStack()): string {
  try {
    new EngagementInvitation(stack, 'Invite', props);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the construct to reject these props');
}

const OPP = 'invitation.payload.opportunityInvitation';

test('valid props synthesize', () => {
  expect(() => new EngagementInvitation(testStack(), 'Invite', validProps())).not.toThrow();
});

test('required: a missing member is named by its path', () => {
  const message = synthError(propsWith((p) => { delete (p.invitation.payload.opportunityInvitation!.customer as any).industry; }));
  expect(message).toContain(`${OPP}.customer.industry: is required (required)`);
});

test('length: free text outside its limits, counted in characters', () => {
  const message = synthError(propsWith((p) => {
    p.invitation.payload.opportunityInvitation!.project.businessProblem = 'x'.repeat(19);
    p.invitation.message = '';
  }));
  expect(message).toContain(`${OPP}.project.businessProblem: is 19 characters long; must be 20 to 2000 (pattern ^(?s).{20,2000}$)`);
  expect(message).toContain('invitation.message: is 0 characters long; must be 1 to 255 (pattern ^(?s).{1,255}$)');
  // 255 emoji are 255 characters (510 UTF-16 units): accepted.
  expect(() => new EngagementInvitation(testStack(), 'I', propsWith((p) => { p.invitation.message = '🚀'.repeat(255); }))).not.toThrow();
});

test('length: @length limits of the lead branch', () => {
  const message = synthError(propsWith((p) => {
    delete p.invitation.payload.opportunityInvitation;
    p.invitation.payload.leadInvitation = {
      customer: { companyName: 'Acme', marketSegment: 'm'.repeat(256) },
      interaction: { contactBusinessTitle: 'CTO' },
    };
  }));
  expect(message).toContain('invitation.payload.leadInvitation.customer.marketSegment: is 256 characters long, more than 255 (length max 255)');
});

test('pattern: values in the wrong format', () => {
  const message = synthError(propsWith((p) => {
    p.engagementIdentifier = 'eng-TOO-SHORT';
    p.invitation.payload.opportunityInvitation!.senderContacts![0].email = 'not-an-email';
    p.invitation.payload.opportunityInvitation!.senderContacts![0].phone = '555-0100';
    p.invitation.payload.opportunityInvitation!.project.targetCompletionDate = '2027-13-01';
    p.invitation.payload.opportunityInvitation!.project.expectedCustomerSpend[0].amount = '12.345';
  }));
  expect(message).toContain('engagementIdentifier: "eng-TOO-SHORT" is not "eng-" and 14 lowercase letters or digits (pattern ^eng-[0-9a-z]{14}$)');
  // Contact and customer data (@sensitive in the model): what is wrong, without the value.
  expect(message).toContain(`${OPP}.senderContacts[0].email: is not an email address of at most 80 characters (pattern `);
  expect(message).toContain(`${OPP}.senderContacts[0].phone: is not an E.164 phone number`);
  expect(message).toContain(`${OPP}.project.targetCompletionDate: "2027-13-01" is not a date YYYY-MM-DD`);
  expect(message).toContain(`${OPP}.project.expectedCustomerSpend[0].amount: is not a decimal amount`);
  expect(message).not.toMatch(/not-an-email|555-0100|12\.345/);
});

test('enum: a catalog outside the allowlist is an error; a value outside a model enum is a warning, sent as given', () => {
  const message = synthError(propsWith((p) => { p.catalog = 'Production'; }));
  expect(message).toContain('catalog: "Production" is not an allowed value; allowed: AWS, Sandbox (enum)');

  const stack = testStack();
  new EngagementInvitation(stack, 'Invite', propsWith((p) => {
    p.invitation.payload.opportunityInvitation!.customer.countryCode = 'USA';
    p.invitation.payload.opportunityInvitation!.receiverResponsibilities = ['Reseller', 'Cheerleader'];
  }));
  const warnings = Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
  expect(warnings).toEqual([
    expect.stringContaining(`${OPP}.receiverResponsibilities[1]: "Cheerleader" is not one of the 9 values this library knows: Distributor, `),
    expect.stringContaining(`${OPP}.customer.countryCode: is not one of the 249 values this library knows (the constants of the CountryCode class)`),
  ]);
  expect(JSON.stringify(Template.fromStack(stack).toJSON())).toContain('"Cheerleader"');
});

test('union: exactly one payload member and one receiver member', () => {
  const both = synthError(propsWith((p) => {
    p.invitation.payload.leadInvitation = { customer: { companyName: 'Acme' }, interaction: { contactBusinessTitle: 'CTO' } };
  }));
  expect(both).toContain('invitation.payload: must set exactly one of opportunityInvitation, leadInvitation; 2 are set (union)');
  const none = synthError(propsWith((p) => { p.invitation.receiver = {}; }));
  expect(none).toContain('invitation.receiver: must set exactly one of account; none is set (union)');
});

test('list size: too many sender contacts, too few, too many spends', () => {
  const contact = { email: 'a@example.com' };
  const tooMany = synthError(propsWith((p) => {
    p.invitation.payload.opportunityInvitation!.senderContacts = [contact, contact, contact, contact];
  }));
  expect(tooMany).toContain(`${OPP}.senderContacts: has 4 items; must have 1 to 3 (list size 1..3)`);
  const none = synthError(propsWith((p) => { p.invitation.payload.opportunityInvitation!.senderContacts = []; }));
  expect(none).toContain(`${OPP}.senderContacts: has 0 items; must have 1 to 3 (list size 1..3)`);
  const spend = validProps().invitation.payload.opportunityInvitation!.project.expectedCustomerSpend[0];
  const spends = synthError(propsWith((p) => { p.invitation.payload.opportunityInvitation!.project.expectedCustomerSpend = Array(11).fill(spend); }));
  expect(spends).toContain(`${OPP}.project.expectedCustomerSpend: has 11 items; must have 0 to 10 (list size 0..10)`);
});

test('type and unknown fields: JavaScript callers without a type checker', () => {
  const message = synthError(propsWith((p) => {
    (p.invitation.receiver.account as any).awsAccountId = 111122223333;
    (p.invitation.payload.opportunityInvitation!.customer as any).compnyName = 'typo';
  }));
  expect(message).toContain('invitation.receiver.account.awsAccountId: must be a string, got a number (type)');
  expect(message).toContain(`${OPP}.customer.compnyName: is not a field of EngagementCustomer (unknown field)`);
});

test('all violations together in one error: catalog, business problem, two payloads, email', () => {
  const message = synthError(propsWith((p) => {
    const opportunity = p.invitation.payload.opportunityInvitation!;
    p.catalog = 'XX';
    opportunity.project.businessProblem = 'nineteen characters';
    opportunity.senderContacts![0].email = 'jane@';
    p.invitation.payload.leadInvitation = { customer: { companyName: 'Acme' }, interaction: { contactBusinessTitle: 'CTO' } };
  }));
  expect(message).toMatch(/^TestStack\/Invite: invalid EngagementInvitation \(4 problems\):/);
  for (const path of ['catalog:', `${OPP}.project.businessProblem:`, 'invitation.payload:', `${OPP}.senderContacts[0].email:`]) {
    expect(message).toContain(`\n  ${path}`);
  }
});

test('nothing is half-created: a rejected invitation adds no handler to the stack', () => {
  const stack = testStack();
  synthError(propsWith((p) => { p.catalog = 'Nope'; }), stack);
  expect(stack.node.findAll().map((c) => c.node.path)).toEqual(['TestStack']);
});

test('tokens are not checked at synth', () => {
  const stack = testStack();
  const lazy = (value: string) => Lazy.string({ produce: () => value });
  expect(() => new EngagementInvitation(stack, 'Invite', propsWith((p) => {
    p.engagementIdentifier = lazy('not checked');
    p.invitation.payload.opportunityInvitation!.customer.countryCode = lazy('XX');
    p.invitation.payload.opportunityInvitation!.receiverResponsibilities = Token.asList(lazy('Reseller'));
  }))).not.toThrow();
});

test('construct-only props: apiRegion and serviceTimeout', () => {
  const { Duration } = jest.requireActual('aws-cdk-lib');
  const message = synthError({ ...validProps(), apiRegion: 'virginia', serviceTimeout: Duration.hours(2) });
  expect(message).toContain('apiRegion: "virginia" is not a region name such as us-east-1 (pattern)');
  expect(message).toContain('serviceTimeout: 7200 seconds is more than CloudFormation\'s maximum of 3600 seconds (maximum)');
});

test('the table can report the API\'s own field names', () => {
  const violations = validate(CREATE_ENGAGEMENT_INVITATION_RULES, { Catalog: 'AWS', EngagementIdentifier: 'eng-abcdefghijklmn', Invitation: {} });
  expect(violations.map((v) => formatViolation(v, 'wire'))).toEqual([
    'Invitation.Message: is required (required)',
    'Invitation.Receiver: is required (required)',
    'Invitation.Payload: is required (required)',
  ]);
});
