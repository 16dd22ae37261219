// The example app (bin/): one stack sends the invitation and exports it, the other imports it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CfnOutput, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { addExampleStacks, InvitationStack } from '../bin/example-stacks';
import { testApp } from './support/fixtures';

function exampleApp() {
  const app = testApp();
  const { invitationStack, consumerStack } = addExampleStacks(app);
  return { app, invitation: Template.fromStack(invitationStack), consumer: Template.fromStack(consumerStack) };
}

/** The template with the handler bundle's content hash masked: a handler change is not an app change. */
function stable(template: Template): unknown {
  return JSON.parse(JSON.stringify(template.toJSON()).replace(/[0-9a-f]{64}\.zip/g, '<handler-asset>.zip'));
}

test('InvitationStack sends a Sandbox invitation and exports its Arn and Id', () => {
  const { invitation } = exampleApp();

  invitation.resourceCountIs('Custom::PartnerCentralEngagementInvitation', 1);
  invitation.hasResourceProperties('Custom::PartnerCentralEngagementInvitation', { Catalog: 'Sandbox', EngagementIdentifier: 'eng-abcdefghijklmn' });
  const [logicalId] = Object.keys(invitation.findResources('Custom::PartnerCentralEngagementInvitation'));
  invitation.hasOutput('InvitationArn', { Value: { 'Fn::GetAtt': [logicalId, 'Arn'] }, Export: { Name: 'InvitationStack-InvitationArn' } });
  invitation.hasOutput('InvitationId', { Value: { 'Fn::GetAtt': [logicalId, 'Id'] }, Export: { Name: 'InvitationStack-InvitationId' } });
});

test('ConsumerStack imports both exports into a resource and outputs of its own', () => {
  const { consumer } = exampleApp();

  consumer.hasResourceProperties('AWS::SSM::Parameter', { Value: { 'Fn::ImportValue': 'InvitationStack-InvitationArn' } });
  consumer.hasOutput('ConsumedInvitationArn', { Value: { 'Fn::ImportValue': 'InvitationStack-InvitationArn' } });
  consumer.hasOutput('ConsumedInvitationId', { Value: { 'Fn::ImportValue': 'InvitationStack-InvitationId' } });
});

test('context values replace the defaults', () => {
  const app = testApp();
  app.node.setContext('engagementId', 'eng-zzzzzzzzzzzzzz');
  app.node.setContext('catalog', 'AWS');
  const template = Template.fromStack(new InvitationStack(app, 'InvitationStack'));

  template.hasResourceProperties('Custom::PartnerCentralEngagementInvitation', { Catalog: 'AWS', EngagementIdentifier: 'eng-zzzzzzzzzzzzzz' });
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
