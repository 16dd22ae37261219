// The example app (bin/): one stack opens an engagement, invites two partners and exports them, the other imports one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CfnOutput, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { addExampleStacks, InvitationStack } from '../bin/example-stacks';
import { testApp } from './support/fixtures';
import { EXAMPLE_INVITATION_LOGICAL_ID } from './support/local-lifecycle';

function exampleApp() {
  const app = testApp();
  const { invitationStack, consumerStack } = addExampleStacks(app);
  return { app, invitation: Template.fromStack(invitationStack), consumer: Template.fromStack(consumerStack) };
}

/** The template with the handler bundle's content hash masked: a handler change is not an app change. */
function stable(template: Template): unknown {
  return JSON.parse(JSON.stringify(template.toJSON()).replace(/[0-9a-f]{64}\.zip/g, '<handler-asset>.zip'));
}

test('InvitationStack opens an engagement, invites two partners to it and exports the ids and ARNs', () => {
  const { invitation } = exampleApp();

  invitation.resourceCountIs('Custom::PartnerCentralEngagement', 1);
  invitation.resourceCountIs('Custom::PartnerCentralEngagementInvitation', 2);
  invitation.resourceCountIs('AWS::Lambda::Function', 1);
  const [engagementId] = Object.keys(invitation.findResources('Custom::PartnerCentralEngagement'));
  const invitations = invitation.findResources('Custom::PartnerCentralEngagementInvitation');
  for (const resource of Object.values(invitations)) {
    expect(resource.Properties).toMatchObject({ Catalog: 'Sandbox', EngagementIdentifier: { 'Fn::GetAtt': [engagementId, 'Id'] } });
  }
  const payloads = Object.values(invitations).map((r) => Object.keys(r.Properties.Invitation.Payload)[0]).sort();
  expect(payloads).toEqual(['LeadInvitation', 'OpportunityInvitation']);
  // The tests that drive the example's opportunity invitation name it by this logical id.
  expect(invitations[EXAMPLE_INVITATION_LOGICAL_ID].Properties.Invitation.Payload.OpportunityInvitation).toBeDefined();
  invitation.hasOutput('EngagementId', { Value: { 'Fn::GetAtt': [engagementId, 'Id'] }, Export: { Name: 'InvitationStack-EngagementId' } });
  invitation.hasOutput('InvitationArn', { Value: { 'Fn::GetAtt': [EXAMPLE_INVITATION_LOGICAL_ID, 'Arn'] }, Export: { Name: 'InvitationStack-InvitationArn' } });
  invitation.hasOutput('InvitationId', { Value: { 'Fn::GetAtt': [EXAMPLE_INVITATION_LOGICAL_ID, 'Id'] }, Export: { Name: 'InvitationStack-InvitationId' } });
  invitation.hasOutput('LeadInvitationArn', { Export: { Name: 'InvitationStack-LeadInvitationArn' } });
});

test('InvitationStack announces the invitation\'s acceptance on a topic: one rule on the default bus, us-east-1', () => {
  const { invitation } = exampleApp();

  invitation.resourceCountIs('AWS::Events::Rule', 1);
  const [topicId] = Object.keys(invitation.findResources('AWS::SNS::Topic'));
  invitation.hasResourceProperties('AWS::Events::Rule', {
    EventPattern: {
      'source': ['aws.partnercentral-selling'],
      'detail-type': ['Engagement Invitation Accepted'],
      'detail': { engagementInvitation: { id: [{ 'Fn::GetAtt': [EXAMPLE_INVITATION_LOGICAL_ID, 'Id'] }] } },
    },
    Targets: [{ Arn: { Ref: topicId }, Id: 'Target0' }],
  });
});

test('ConsumerStack imports both exports into a resource and outputs of its own', () => {
  const { consumer } = exampleApp();

  consumer.hasResourceProperties('AWS::SSM::Parameter', { Value: { 'Fn::ImportValue': 'InvitationStack-InvitationArn' } });
  consumer.hasOutput('ConsumedInvitationArn', { Value: { 'Fn::ImportValue': 'InvitationStack-InvitationArn' } });
  consumer.hasOutput('ConsumedInvitationId', { Value: { 'Fn::ImportValue': 'InvitationStack-InvitationId' } });
});

test('context values replace the defaults', () => {
  const app = testApp();
  app.node.setContext('message', 'A new message');
  app.node.setContext('catalog', 'AWS');
  const template = Template.fromStack(new InvitationStack(app, 'InvitationStack'));

  template.hasResourceProperties('Custom::PartnerCentralEngagement', { Catalog: 'AWS' });
  template.hasResourceProperties('Custom::PartnerCentralEngagementInvitation', { Catalog: 'AWS', Invitation: { Message: 'A new message' } });
});

test('templates match the committed snapshot', () => {
  const { invitation, consumer } = exampleApp();

  expect({ InvitationStack: stable(invitation), ConsumerStack: stable(consumer) }).toMatchSnapshot();
});

test('cdk.json and the tests turn on synth-time CloudFormation validation, which rejects an outputs-only stack', () => {
  const cdkJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'cdk.json'), 'utf8'));
  expect(cdkJson.context['@aws-cdk/core:validateAgainstDefaultRules']).toBe(true);

  const app = testApp();
  new CfnOutput(new Stack(app, 'OnlyOutputs'), 'Out', { value: 'x' });
  expect(() => app.synth()).toThrow(/Resources section must exist and be non-empty/);
});
