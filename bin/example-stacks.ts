// The example app's two stacks: one sends an invitation and exports its Arn and Id, the other consumes them.
import { App, CfnOutput, Fn, Stack, StackProps } from 'aws-cdk-lib';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { Catalog, CountryCode, CurrencyCode, EngagementInvitation, Industry, PaymentFrequency, ReceiverResponsibility } from '../lib';

/** Export names of InvitationStack's outputs, derived from its stack name so two copies of the app do not clash. */
export function invitationExportNames(invitationStackName: string) {
  return { arn: `${invitationStackName}-InvitationArn`, id: `${invitationStackName}-InvitationId` };
}

/**
 * Sends one Sandbox invitation. Values come from CDK context (`cdk synth -c engagementId=eng-…`), with defaults
 * that synthesize as they are.
 */
export class InvitationStack extends Stack {
  public readonly invitation: EngagementInvitation;

  public constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const context = (key: string, fallback: string): string => this.node.tryGetContext(key) ?? fallback;

    this.invitation = new EngagementInvitation(this, 'Invitation', {
      catalog: context('catalog', Catalog.SANDBOX),
      engagementIdentifier: context('engagementId', 'eng-abcdefghijklmn'),
      invitation: {
        message: context('message', 'Join us on the Acme data platform migration'),
        receiver: { account: { awsAccountId: context('receiverAccountId', '111122223333'), alias: 'Partner A' } },
        payload: {
          opportunityInvitation: {
            customer: {
              companyName: 'Acme Corporation',
              countryCode: CountryCode.US,
              industry: Industry.SOFTWARE_AND_INTERNET,
              websiteUrl: 'https://acme.example.com',
            },
            project: {
              title: 'Data platform migration',
              businessProblem: 'Acme runs its analytics on ageing on-premises clusters and wants to move them to AWS.',
              targetCompletionDate: context('targetCompletionDate', '2027-06-30'),
              expectedCustomerSpend: [{
                amount: '25000',
                currencyCode: CurrencyCode.USD,
                frequency: PaymentFrequency.MONTHLY,
                targetCompany: 'AWS',
              }],
            },
            receiverResponsibilities: [ReceiverResponsibility.SERVICES_PARTNER],
            senderContacts: [{ email: 'jane.doe@example.com', firstName: 'Jane', lastName: 'Doe', businessTitle: 'Partner Manager' }],
          },
        },
      },
    });

    const exportNames = invitationExportNames(this.stackName);
    new CfnOutput(this, 'InvitationArn', { value: this.invitation.invitationArn, exportName: exportNames.arn });
    new CfnOutput(this, 'InvitationId', { value: this.invitation.invitationId, exportName: exportNames.id });
  }
}

export interface ConsumerStackProps extends StackProps {
  /** The name of the InvitationStack whose exports this stack imports. */
  readonly invitationStackName: string;
}

/** Imports the invitation's exports and records them in an SSM parameter, as a downstream stack would. */
export class ConsumerStack extends Stack {
  public constructor(scope: Construct, id: string, props: ConsumerStackProps) {
    super(scope, id, props);
    const exportNames = invitationExportNames(props.invitationStackName);

    const invitation = EngagementInvitation.fromEngagementInvitationArn(this, 'Invitation', Fn.importValue(exportNames.arn));
    const invitationId = Fn.importValue(exportNames.id);

    const parameter = new ssm.StringParameter(this, 'InvitationArnParameter', {
      description: 'ARN of the Partner Central engagement invitation sent by the invitation stack',
      stringValue: invitation.invitationArn,
    });

    new CfnOutput(this, 'ConsumedInvitationArn', { value: invitation.invitationArn });
    new CfnOutput(this, 'ConsumedInvitationId', { value: invitationId });
    new CfnOutput(this, 'InvitationArnParameterName', { value: parameter.parameterName });
  }
}

/** The example app's two stacks, wired as `bin/app.ts` deploys them (also used by the tests and the local deploy's). */
export function addExampleStacks(app: App): { invitationStack: InvitationStack; consumerStack: ConsumerStack } {
  const invitationStack = new InvitationStack(app, 'InvitationStack', {
    description: 'Sends a Partner Central engagement invitation (cdk-engagement-invitation example)',
  });
  const consumerStack = new ConsumerStack(app, 'ConsumerStack', {
    description: 'Consumes the invitation exported by InvitationStack (cdk-engagement-invitation example)',
    invitationStackName: invitationStack.stackName,
  });
  // The imports name exports, not constructs: declare the order so deploy and destroy respect it.
  consumerStack.addStackDependency(invitationStack);
  return { invitationStack, consumerStack };
}
