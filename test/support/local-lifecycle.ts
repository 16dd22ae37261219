// The example app synthesized into a temporary cloud assembly, and a local account to deploy it into: the local
// Partner Central, STS and CloudFormation endpoints and the ResponseURL receiver on 127.0.0.1, a temporary state
// folder, recorded progress; CloudFormation events for the example invitation.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CloudFormationEndpoint, startCloudFormationEndpoint, readCloudAssembly, CustomResourceRequest, customResourceEvent, DeployerOptions, deployStack, ProgressEvent, LocalFunction, localFunction, CustomResourceResponse, ResponseReceiver, startResponseReceiver, StackStateStore, PartnerCentralEndpoint, startPartnerCentralEndpoint, startStsEndpoint, StsEndpoint } from 'cdk-engagement-invitation-local';
import { testApp } from './fixtures';
import { addExampleStacks } from '../../bin/example-stacks';

export const LOCAL_ENV = { account: '123456789012', region: 'us-east-1' };

/** Synthesizes bin/app.ts's stacks with `context` into a new temporary directory and returns it. */
export function synthExampleApp(context: Record<string, string> = {}): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'example-assembly-'));
  const app = testApp(outdir);
  Object.entries(context).forEach(([key, value]) => app.node.setContext(key, value));
  addExampleStacks(app);
  app.synth();
  return outdir;
}

/** InvitationStack's handler function, as the template describes it, with its code from the assembly. */
export function exampleHandler(assemblyDir: string): LocalFunction {
  const stack = readCloudAssembly(assemblyDir).find((s) => s.name === 'InvitationStack')!;
  const [name, fn] = Object.entries(stack.template.Resources).find(([, r]) => r.Type === 'AWS::Lambda::Function')!;
  const properties = fn.Properties as Record<string, any>;
  const arn = `arn:aws:lambda:${LOCAL_ENV.region}:${LOCAL_ENV.account}:function:${name}`;
  return localFunction(name, arn, properties, stack.assetDirectory(properties.Code.S3Key)!, LOCAL_ENV.region);
}

/** The logical id of the example's opportunity invitation (`engagement.invite('Invitation', …)`). */
export const EXAMPLE_INVITATION_LOGICAL_ID = 'EngagementInvitation93D6396B';

/** The engagement id the invitation events of these tests name (the template has a GetAtt of the engagement). */
export const EXAMPLE_ENGAGEMENT_ID = 'eng-abcdefghijklmn';

/** The opportunity invitation's resource properties as the template has them, with `serviceToken` and a literal
 * engagement id in place of the engagement's GetAtt. */
export function exampleInvitationProperties(assemblyDir: string, serviceToken: string): Record<string, unknown> {
  const stack = readCloudAssembly(assemblyDir).find((s) => s.name === 'InvitationStack')!;
  const invitation = stack.template.Resources[EXAMPLE_INVITATION_LOGICAL_ID];
  if (invitation?.Type !== 'Custom::PartnerCentralEngagementInvitation') {
    throw new Error(`the example app has no invitation ${EXAMPLE_INVITATION_LOGICAL_ID}: update EXAMPLE_INVITATION_LOGICAL_ID`);
  }
  return { ...invitation.Properties, EngagementIdentifier: EXAMPLE_ENGAGEMENT_ID, ServiceToken: serviceToken };
}

export interface LocalAccount {
  readonly endpoint: PartnerCentralEndpoint;
  readonly sts: StsEndpoint;
  /** DescribeStacks: the status the deployer gives each stack. */
  readonly cloudFormation: CloudFormationEndpoint;
  readonly receiver: ResponseReceiver;
  readonly states: StackStateStore;
  readonly deployer: DeployerOptions;
  /** Every progress event reported so far. */
  readonly progress: ProgressEvent[];
  /** Environment the functions get: the endpoint's URL and dummy credentials. */
  readonly functionEnvironment: Record<string, string>;
  close(): Promise<void>;
}

/** Real seconds per CloudFormation/Lambda second in the local account's deploys: a 420 s ServiceTimeout waits 4.2 s. */
export const TEST_TIMEOUT_SCALE = 0.01;

export async function startLocalAccount(): Promise<LocalAccount> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-account-'));
  const endpoint = await startPartnerCentralEndpoint({ account: LOCAL_ENV.account, maxRequests: 200 });
  const sts = await startStsEndpoint(200);
  const cloudFormation = await startCloudFormationEndpoint(200);
  const receiver = await startResponseReceiver(200);
  const states = new StackStateStore(stateDir);
  const progress: ProgressEvent[] = [];
  const functionEnvironment = {
    AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING: endpoint.url,
    AWS_ENDPOINT_URL_STS: sts.url,
    AWS_ENDPOINT_URL_CLOUDFORMATION: cloudFormation.url,
    AWS_ACCESS_KEY_ID: 'AKIALOCALTEST0000000',
    AWS_SECRET_ACCESS_KEY: 'local-test-not-a-secret',
  };
  return {
    endpoint,
    sts,
    cloudFormation,
    receiver,
    states,
    progress,
    functionEnvironment,
    deployer: {
      states,
      env: LOCAL_ENV,
      receiver,
      functionEnvironment,
      report: (e) => progress.push(e),
      cloudFormation,
      timeoutScale: TEST_TIMEOUT_SCALE,
    },
    close: async () => {
      await receiver.close();
      await cloudFormation.close();
      await sts.close();
      await endpoint.close();
      fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

export const EXAMPLE_STACK_ID = 'arn:aws:cloudformation:us-east-1:123456789012:stack/InvitationStack/8a1d2c4e-0000-11f1-9000-0a1b2c3d4e5f';

/** A CloudFormation event for the example invitation, with a fresh RequestId and a ResponseURL of `receiver`. */
export function invitationEvent(
  receiver: ResponseReceiver,
  properties: Record<string, unknown>,
  request: Partial<CustomResourceRequest> & Pick<CustomResourceRequest, 'requestType'>,
) {
  const { key, url } = receiver.newResponseUrl();
  const requestId = randomUUID();
  const body = customResourceEvent({
    stackId: EXAMPLE_STACK_ID,
    logicalId: EXAMPLE_INVITATION_LOGICAL_ID,
    resourceType: 'Custom::PartnerCentralEngagementInvitation',
    properties,
    ...request,
  }, requestId, url);
  return { body, requestId, url, responses: () => receiver.received(key).map((r) => r.response as CustomResourceResponse) };
}

export interface ExampleHandlerFixture {
  /** The example app's cloud assembly (synthesized once per test file). */
  assemblyDir: string;
  /** InvitationStack's handler, from the assembly. */
  handler: LocalFunction;
  /** The invitation's resource properties from the template (plus `extraProperties`). */
  properties: Record<string, unknown>;
  /** A fresh local account per test. */
  account: LocalAccount;
}

/** Registers the hooks of a test file that drives the example's handler: fields are set before each test. */
export function useExampleHandler(extraProperties: Record<string, unknown> = {}): ExampleHandlerFixture {
  const fixture = {} as ExampleHandlerFixture;
  beforeAll(() => {
    fixture.assemblyDir = synthExampleApp();
    fixture.handler = exampleHandler(fixture.assemblyDir);
    fixture.properties = { ...exampleInvitationProperties(fixture.assemblyDir, fixture.handler.functionArn), ...extraProperties };
  });
  afterAll(() => fs.rmSync(fixture.assemblyDir, { recursive: true, force: true }));
  beforeEach(async () => { fixture.account = await startLocalAccount(); });
  afterEach(async () => fixture.account.close());
  return fixture;
}

export interface ExampleDeploysFixture {
  /** The example app's cloud assembly, and the same with the opportunity invitation's message changed. */
  original: string;
  changed: string;
  /** A fresh local account per test. */
  account: LocalAccount;
  /** Deploys InvitationStack of `assemblyDir` into the account, as the local deploy does. */
  deploy(assemblyDir: string, options?: Partial<DeployerOptions>): ReturnType<typeof deployStack>;
}

/** Registers the hooks of a test file that deploys the example app (and its changed message) into a local account. */
export function useExampleDeploys(changedMessage: string): ExampleDeploysFixture {
  const fixture = {
    deploy: (assemblyDir: string, options: Partial<DeployerOptions> = {}) => {
      const stack = readCloudAssembly(assemblyDir).find((s) => s.name === 'InvitationStack')!;
      return deployStack(stack, { ...fixture.account.deployer, ...options });
    },
  } as ExampleDeploysFixture;
  beforeAll(() => {
    fixture.original = synthExampleApp();
    fixture.changed = synthExampleApp({ message: changedMessage });
  });
  afterAll(() => [fixture.original, fixture.changed].forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  beforeEach(async () => { fixture.account = await startLocalAccount(); });
  afterEach(async () => fixture.account.close());
  return fixture;
}
