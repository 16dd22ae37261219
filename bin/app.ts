#!/usr/bin/env node
// Example app: `npm run synth:example` (no AWS credentials needed) or `npm run deploy:local` (no AWS account needed).
import { App } from 'aws-cdk-lib';
import { addExampleStacks } from './example-stacks';

const app = new App();
addExampleStacks(app);
app.synth();
