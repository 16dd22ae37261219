#!/usr/bin/env node
// Example app: `npx cdk synth` (no AWS credentials needed).
import { App } from 'aws-cdk-lib';
import { ConsumerStack, InvitationStack } from './example-stacks';

const app = new App();
const invitationStack = new InvitationStack(app, 'InvitationStack', {
  description: 'Sends a Partner Central engagement invitation (cdk-engagement-invitation example)',
});
const consumerStack = new ConsumerStack(app, 'ConsumerStack', {
  description: 'Consumes the invitation exported by InvitationStack (cdk-engagement-invitation example)',
  invitationStackName: invitationStack.stackName,
});
// The imports name exports, not constructs: declare the order so deploy and destroy respect it.
consumerStack.addStackDependency(invitationStack);
app.synth();
