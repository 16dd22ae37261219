// Shared inputs of the tests: a valid invitation (with PII-looking values the log tests search for) and apps.
import { App, Stack } from 'aws-cdk-lib';
import { EngagementInvitationProps, Invitation } from '../../lib';

/** Values that must never appear in the handler's logs. */
export const PII = {
  email: 'jane.doe@acme-pii.example',
  phone: '+14155550123',
  firstName: 'Janelle',
  lastName: 'Doerington',
  companyName: 'Acme Pii Holdings',
} as const;

export function validProps(overrides: Partial<EngagementInvitationProps> = {}): EngagementInvitationProps {
  return {
    catalog: 'Sandbox',
    engagementIdentifier: 'eng-abcdefghijklmn',
    invitation: {
      message: 'Join us on the Acme migration',
      receiver: { account: { awsAccountId: '111122223333', alias: 'Partner A' } },
      payload: {
        opportunityInvitation: {
          customer: { companyName: PII.companyName, countryCode: 'US', industry: 'Software and Internet', websiteUrl: 'https://acme.example' },
          project: {
            title: 'Migration',
            businessProblem: 'The customer needs to leave its data centre by 2027.',
            targetCompletionDate: '2027-03-31',
            expectedCustomerSpend: [{ amount: '1000', currencyCode: 'USD', frequency: 'Monthly', targetCompany: 'AWS' }],
          },
          receiverResponsibilities: ['Reseller'],
          senderContacts: [{ email: PII.email, firstName: PII.firstName, lastName: PII.lastName, phone: PII.phone }],
        },
      },
    },
    ...overrides,
  };
}

/** Receiver account 111122223333 + n: n = 0 is validProps()'s own receiver. */
export function receiverAccountId(n: number): string {
  return String(111122223333 + n);
}

/**
 * `invitation` (by default validProps()'s) sent to receiver account 111122223333 + n instead. A stack refuses two
 * invitations that would send the same request (duplicate invitation): tests that need several invitations, but
 * not identical ones, number them. n = 0 leaves validProps()'s invitation as it is.
 */
export function distinctInvitation(n: number, invitation: Invitation = validProps().invitation): Invitation {
  return { ...invitation, receiver: { ...invitation.receiver, account: { ...invitation.receiver.account, awsAccountId: receiverAccountId(n) } } };
}

/** validProps(overrides), its invitation sent to receiver account 111122223333 + n (see distinctInvitation). */
export function distinctProps(n: number, overrides: Partial<EngagementInvitationProps> = {}): EngagementInvitationProps {
  const props = validProps(overrides);
  return { ...props, invitation: distinctInvitation(n, props.invitation) };
}

/** An app with the same synth-time CloudFormation validation as the example app's cdk.json. */
export function testApp(outdir?: string): App {
  return new App({ outdir, context: { '@aws-cdk/core:validateAgainstDefaultRules': true } });
}

export function testStack(id = 'TestStack'): Stack {
  return new Stack(testApp(), id);
}
