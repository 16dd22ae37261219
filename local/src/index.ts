// The package's public entry: the command as a function (runLocalDeploy, parseArguments), its building blocks for
// tests and tools that drive a deployment themselves (the cloud assembly reader, the stack deployer, the Lambda
// runner and custom resource invoker), and the local endpoints on 127.0.0.1 (Partner Central Selling, STS,
// CloudFormation DescribeStacks) with the service model they validate against.
export { runLocalDeploy, LOCAL_ACCOUNT, LOCAL_REGION } from './local-deploy/cli';
export { parseArguments, USAGE, UsageRequested, type CliOptions } from './local-deploy/cli-arguments';
export { cloudAssemblyDir, type AppSource } from './local-deploy/app-synth';
export { readCloudAssembly, checkDeployable, type AssemblyStack, type Template, type TemplateResource } from './local-deploy/cloud-assembly';
export { deployStack, destroyStack, isCreationFailure, type StackResult } from './local-deploy/deployer';
export { type DeployerOptions, type ProgressEvent, type StackStatusSink, type InFlightMode, DEFAULT_CONCURRENCY } from './local-deploy/deploy-context';
export { BackgroundWork } from './local-deploy/background-work';
export { StackStateStore, type DeployedStack, type DeployedResource, type DeployedOutput } from './local-deploy/stack-state';
export { customResourceEvent, invokeCustomResource, type CustomResourceRequest } from './local-deploy/custom-resource-invoker';
export { startResponseReceiver, type ResponseReceiver, type CustomResourceResponse, type ReceiverFault } from './local-deploy/response-receiver';
export { invokeLocalFunction, localFunction, type LocalFunction } from './local-deploy/lambda-runner';
export { describeRuntimeNodes, lambdaHeapArguments, runtimeMajor, runtimeNode, type RuntimeNode, PINNED_NODE_BINARY } from './local-deploy/runtime-node';
export { EVENT_INVOKE_CONFIG_TYPE } from './local-deploy/event-invoke-config';
export { CREATE_CANCELLED, UPDATE_CANCELLED } from './local-deploy/in-flight';
export { LATE_DELIVERY } from './local-deploy/late-redelivery';
export { listenOnLoopback } from './loopback-server';
export { canonicalJson } from './canonical-json';
export { startPartnerCentralEndpoint, type PartnerCentralEndpoint, type EndpointOptions, type Fault, type WireCall } from './partner-central-endpoint/server';
export { SENDER_INVITATION_READS, type SenderInvitationReads } from './partner-central-endpoint/access';
export { DOCUMENTED_RATES } from './partner-central-endpoint/quotas';
export { loadSellingModel, validateOperationInput, type ModelViolation, type SmithyModel } from './partner-central-endpoint/model-validator';
export { startCloudFormationEndpoint, type CloudFormationEndpoint } from './cloudformation-endpoint/server';
export { startStsEndpoint, type StsEndpoint } from './sts-endpoint/server';
export { startCompetingWriter, COMPETING_WRITER_ACCESS_KEY, COMPETING_WRITER_ENGAGEMENT, type CompetingWriter, type CompetingWriterFigures } from './competing-writer';
