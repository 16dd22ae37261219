// The two apps the benchmark compares: N invitations in one stack, made with EngagementInvitation or with
// aws-cdk-lib's AwsCustomResource issuing the same CreateEngagementInvitation call with the same parameters.
import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { EngagementInvitation, EngagementInvitationProps } from '../lib';
import { toInvitationRequest } from '../lib/engagement-invitation/request';

export type Contender = 'EngagementInvitation' | 'AwsCustomResource';
export const CONTENDERS: Contender[] = ['EngagementInvitation', 'AwsCustomResource'];

/**
 * The i-th invitation's receiver: a partner account of its own, as in real co-sell (one invitation per partner of the
 * opportunity). Identical invitations would be one (the handler adopts an identical one the service holds, and two in
 * one stack are refused at synth), and with a receiver of its own no invitation is even a candidate for another's
 * copy: the handler's ListEngagementInvitations finds no summary to read further (no GetEngagementInvitation).
 */
export function receiverAccount(i: number): string {
  return String(100_000_000_000 + i);
}

/** The i-th invitation: the example's opportunity invitation, to a partner account and with a message of its own. */
export function invitationProps(i: number): EngagementInvitationProps {
  return {
    catalog: 'Sandbox',
    engagementIdentifier: 'eng-abcdefghijklmn',
    invitation: {
      message: `Join us on the Acme data platform migration (wave ${i})`,
      receiver: { account: { awsAccountId: receiverAccount(i), alias: 'Partner A' } },
      payload: {
        opportunityInvitation: {
          customer: { companyName: 'Acme Corporation', countryCode: 'US', industry: 'Software and Internet', websiteUrl: 'https://acme.example.com' },
          project: {
            title: 'Data platform migration',
            businessProblem: 'Acme runs its analytics on ageing on-premises clusters and wants to move them to AWS.',
            targetCompletionDate: '2027-06-30',
            expectedCustomerSpend: [{ amount: '25000', currencyCode: 'USD', frequency: 'Monthly', targetCompany: 'AWS' }],
          },
          receiverResponsibilities: ['Services Partner'],
          senderContacts: [{ email: 'jane.doe@example.com', firstName: 'Jane', lastName: 'Doe', businessTitle: 'Partner Manager' }],
        },
      },
    },
  };
}

/** The i-th invitation with only the required members, in short values: the smallest realistic payload (receiver as above). */
export function smallInvitationProps(i: number): EngagementInvitationProps {
  return {
    catalog: 'Sandbox',
    engagementIdentifier: 'eng-abcdefghijklmn',
    invitation: {
      message: `Wave ${i}`,
      receiver: { account: { awsAccountId: receiverAccount(i) } },
      payload: {
        opportunityInvitation: {
          customer: { companyName: 'Acme', countryCode: 'US', industry: 'Other', websiteUrl: 'acme.io' },
          project: { title: 'Migration', businessProblem: 'Leave the data centre.', targetCompletionDate: '2027-06-30', expectedCustomerSpend: [] },
          receiverResponsibilities: ['Reseller'],
        },
      },
    },
  };
}

export type Payload = 'example' | 'small';

/** Builds the app with `count` invitations of `contender` in one stack (not synthesized yet). */
export function invitationApp(contender: Contender, count: number, outdir: string, payload: Payload = 'example', context: Record<string, string> = {}): App {
  const propsOf = payload === 'small' ? smallInvitationProps : invitationProps;
  const app = new App({ outdir, context });
  const stack = new Stack(app, 'Invitations');
  for (let i = 0; i < count; i++) {
    if (contender === 'EngagementInvitation') {
      new EngagementInvitation(stack, `Invitation${i}`, propsOf(i));
    } else {
      new AwsCustomResource(stack, `Invitation${i}`, {
        onCreate: {
          service: 'PartnerCentralSelling',
          action: 'CreateEngagementInvitation',
          parameters: toInvitationRequest(propsOf(i)),
          physicalResourceId: PhysicalResourceId.fromResponse('Arn'),
        },
        // The same IAM as ours (fromSdkCalls would derive the wrong prefix, partnercentral-selling:).
        policy: AwsCustomResourcePolicy.fromStatements([new iam.PolicyStatement({
          actions: ['partnercentral:CreateEngagementInvitation'],
          resources: ['*'],
          conditions: { StringEquals: { 'partnercentral:Catalog': ['Sandbox'] } },
        })]),
        installLatestAwsSdk: false,
      });
    }
  }
  return app;
}
