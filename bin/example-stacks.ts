// The example app's two stacks: one opens an engagement, invites two partners and exports the ids and ARNs, the
// other consumes one invitation's.
import { App, CfnOutput, Fn, Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import {
  Catalog, CountryCode, CurrencyCode, Engagement, EngagementContextType, EngagementInvitation, Industry, PaymentFrequency,
  ReceiverResponsibility,
} from '../lib';

/** Export names of InvitationStack's outputs, derived from its stack name so two copies of the app do not clash. */
export function invitationExportNames(invitationStackName: string) {
  return {
    engagementId: `${invitationStackName}-EngagementId`,
    arn: `${invitationStackName}-InvitationArn`,
    id: `${invitationStackName}-InvitationId`,
    leadArn: `${invitationStackName}-LeadInvitationArn`,
  };
}

/** The example's customer, in the engagement's customer project and the opportunity invitation. */
const ACME = {
  companyName: 'Acme Corporation',
  countryCode: CountryCode.US,
  industry: Industry.SOFTWARE_AND_INTERNET,
  websiteUrl: 'https://acme.example.com',
};

/**
 * Opens a Sandbox engagement and invites two partners to it: one with an opportunity payload, one with a lead
 * payload. Values come from CDK context (`cdk synth -c message="…"`), with defaults that synthesize as they are.
 */
export class InvitationStack extends Stack {
  public readonly engagement: Engagement;
  public readonly invitation: EngagementInvitation;
  public readonly leadInvitation: EngagementInvitation;
  /** Where the invitation's acceptance is announced. */
  public readonly answers: sns.Topic;

  public constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const context = (key: string, fallback: string): string => this.node.tryGetContext(key) ?? fallback;
    // The engagement's customer project, which the opportunity invitation describes too.
    const project = {
      title: 'Data platform migration',
      businessProblem: 'Acme runs its analytics on ageing on-premises clusters and wants to move them to AWS.',
      targetCompletionDate: context('targetCompletionDate', '2027-06-30'),
    };

    this.engagement = new Engagement(this, 'Engagement', {
      catalog: context('catalog', Catalog.SANDBOX),
      title: 'Acme data platform migration',
      description: 'Co-sell on moving Acme\'s on-premises analytics to AWS',
      contexts: [{
        type: EngagementContextType.CUSTOMER_PROJECT,
        payload: {
          customerProject: {
            customer: ACME,
            project,
          },
        },
      }],
    });

    this.invitation = this.engagement.invite('Invitation', {
      invitation: {
        message: context('message', 'Join us on the Acme data platform migration'),
        receiver: { account: { awsAccountId: context('receiverAccountId', '111122223333'), alias: 'Partner A' } },
        payload: {
          opportunityInvitation: {
            customer: ACME,
            project: {
              ...project,
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

    this.leadInvitation = this.engagement.invite('LeadInvitation', {
      invitation: {
        message: context('leadMessage', 'A lead for your team: Acme wants help with its data platform'),
        receiver: { account: { awsAccountId: context('leadReceiverAccountId', '444455556666'), alias: 'Partner B' } },
        payload: {
          leadInvitation: {
            customer: { companyName: 'Acme Corporation', industry: 'Software and Internet', countryCode: 'US', websiteUrl: 'https://acme.example.com' },
            interaction: { sourceType: 'Event', sourceName: 'Data summit 2026', usecase: 'Analytics migration', contactBusinessTitle: 'Head of Data' },
          },
        },
      },
    });

    // When Partner A accepts, a message on a topic (Partner Central's events reach only us-east-1's default bus).
    this.answers = new sns.Topic(this, 'InvitationAnswers', { displayName: 'Partner A accepted the invitation', enforceSSL: true });
    Validations.of(this.answers.node.defaultChild as sns.CfnTopic).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SNS2',
      reason: 'The topic carries only invitation ids; EventBridge publishes to an encrypted topic only with a customer '
        + 'managed key whose policy admits events.amazonaws.com (EventBridge user guide, Amazon SNS targets), which '
        + 'this example does not create.',
    });
    this.invitation.onAccepted('InvitationAccepted', {
      target: new targets.SnsTopic(this.answers),
      description: 'Partner A accepted the example invitation',
    });

    const exportNames = invitationExportNames(this.stackName);
    new CfnOutput(this, 'InvitationAnswersTopicArn', { value: this.answers.topicArn });
    new CfnOutput(this, 'EngagementId', { value: this.engagement.engagementId, exportName: exportNames.engagementId });
    new CfnOutput(this, 'InvitationArn', { value: this.invitation.invitationArn, exportName: exportNames.arn });
    new CfnOutput(this, 'InvitationId', { value: this.invitation.invitationId, exportName: exportNames.id });
    new CfnOutput(this, 'LeadInvitationArn', { value: this.leadInvitation.invitationArn, exportName: exportNames.leadArn });
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
  // Partner Central Selling and its events live in us-east-1 only.
  const env = { region: 'us-east-1' };
  const invitationStack = new InvitationStack(app, 'InvitationStack', {
    env,
    description: 'Opens a Partner Central engagement and invites two partners (cdk-engagement-invitation example)',
  });
  const consumerStack = new ConsumerStack(app, 'ConsumerStack', {
    env,
    description: 'Consumes the invitation exported by InvitationStack (cdk-engagement-invitation example)',
    invitationStackName: invitationStack.stackName,
  });
  // The imports name exports, not constructs: declare the order so deploy and destroy respect it.
  consumerStack.addStackDependency(invitationStack);
  return { invitationStack, consumerStack };
}
