// One run of the command (`deploy` or `destroy`): synthesizes the app (app-synth.ts) or reads its cloud assembly,
// starts the local Partner Central Selling, STS and CloudFormation (DescribeStacks) endpoints and a local ResponseURL
// receiver (all on 127.0.0.1), deploys or destroys the stacks in dependency order, and prints progress and the
// stacks' outputs. Faults can be injected to try the rollback paths.
import * as path from 'node:path';
import { cloudAssemblyDir } from './app-synth';
import { COMPETING_WRITER_ACCESS_KEY, COMPETING_WRITER_ENGAGEMENT, startCompetingWriter } from '../competing-writer';
import { BackgroundWork } from './background-work';
import { CliOptions } from './cli-arguments';
import { readCloudAssembly, dependencyOrder } from './cloud-assembly';
import { deployStack, destroyStack, DeployerOptions, ProgressEvent, StackResult } from './deployer';
import { LocalSsmParameters } from './local-ssm-parameters';
import { startResponseReceiver } from './response-receiver';
import { describeRuntimeNodes } from './runtime-node';
import { prepareSelectedStacks } from './stack-inputs';
import { StackStateStore } from './stack-state';
import { startCloudFormationEndpoint } from '../cloudformation-endpoint/server';
import { startPartnerCentralEndpoint } from '../partner-central-endpoint/server';
import { startStsEndpoint } from '../sts-endpoint/server';

export const LOCAL_ACCOUNT = '123456789012';
export const LOCAL_REGION = 'us-east-1';
/** Runs the command; returns the process exit code. */
export async function runLocalDeploy(options: CliOptions, write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  const states = new StackStateStore(path.resolve(options.stateDir));
  const endpoint = await startPartnerCentralEndpoint({
    account: LOCAL_ACCOUNT,
    stateFile: path.join(states.stateDir, 'partner-central', 'account.json'),
    // The service's documented quotas, unless --no-quotas: CloudFormation's parallel creates meet them as in AWS.
    ...(options.quotas ? { quotas: options.quotas } : {}),
    // As in the service, an invitation names an engagement that exists (the example app creates its own).
    strictEngagements: true,
    // The competing writer's invitations go to an engagement of its own, which the account holds.
    ...(options.competingWriter ? { engagements: [COMPETING_WRITER_ENGAGEMENT] } : {}),
    // Where the service's behaviour is not documented, the one asked for (access.ts, engagement-list.ts).
    senderInvitationReads: options.senderInvitationReads,
    deniedOperations: options.deniedOperations,
    listLagMs: options.listLagMs,
  });
  // For invitations with assumeRoleArn: AssumeRole answered locally, whatever the role.
  const sts = await startStsEndpoint();
  // DescribeStacks: the status of each stack as the deploy moves it (the handler reads it to tell a rollback).
  const cloudFormation = await startCloudFormationEndpoint();
  const receiver = await startResponseReceiver();
  options.faults.forEach(([fault, count]) => endpoint.injectFaults(fault, count));
  options.receiverFaults.forEach(([fault, count]) => receiver.failNext(count, fault));
  const progress: ProgressEvent[] = [];
  // Invocations CloudFormation stopped listening to (--in-flight cancel): awaited before the endpoints stop.
  const background = new BackgroundWork();
  const deployer: DeployerOptions = {
    states,
    env: { account: LOCAL_ACCOUNT, region: LOCAL_REGION },
    receiver,
    cloudFormation,
    timeoutScale: options.timeoutScale,
    duplicateDelivery: options.duplicateDelivery,
    redeliverLate: options.redeliverLate,
    inFlight: options.inFlight,
    background,
    rollbackUpdateAfterReplacement: options.rollbackUpdateAfterReplacement,
    failResources: options.failResources,
    concurrency: options.concurrency,
    inputs: { parameters: options.parameters, ssm: new LocalSsmParameters(options.ssm), usePreviousParameters: options.usePreviousParameters },
    functionEnvironment: {
      AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING: endpoint.url,
      AWS_ENDPOINT_URL_STS: sts.url,
      AWS_ENDPOINT_URL_CLOUDFORMATION: cloudFormation.url,
      AWS_ACCESS_KEY_ID: 'AKIALOCALDEPLOY00000',
      AWS_SECRET_ACCESS_KEY: 'local-deploy-not-a-secret',
      AWS_SESSION_TOKEN: 'local-deploy',
    },
    report: (event) => {
      progress.push(event);
      write(progressLine(event));
    },
  };
  write(`Partner Central Selling: local endpoint ${endpoint.url} (account ${LOCAL_ACCOUNT}, state in ${path.relative(process.cwd(), states.stateDir) || '.'}, `
    + `${options.quotas ? `write quota ${options.quotas.invitationRate}/s, burst ${options.quotas.invitationBurst}` : 'no quotas'})`);
  try {
    const results: StackResult[] = [];
    // Problems found in any selected stack before anything is created: then nothing is deployed.
    let refused: string[] = [];
    if (options.command === 'deploy') {
      const assemblyDir = cloudAssemblyDir(options);
      const stacks = readCloudAssembly(assemblyDir);
      const selected = withDependencies(stacks, options.stacks);
      for (const line of describeRuntimeNodes(runtimes(stacks))) write(line);
      const prepared = prepareSelectedStacks(selected, deployer.inputs!, states, deployer.env);
      refused = prepared.problems;
      const writer = options.competingWriter && !refused.length ? startCompetingWriter(endpoint.url, options.competingWriter) : undefined;
      for (const stack of refused.length ? [] : selected) {
        const result = await deployStack(stack, deployer, prepared.inputs.get(stack.name));
        results.push(result);
        if (!result.changed && !result.failed) write(`${stack.name.padEnd(15)} | no changes`);
        if (result.failed) break; // as `cdk deploy`: later stacks depend on this one
      }
      const figures = await writer?.stop();
      if (figures) {
        write(`Competing writer (same account, ${options.competingWriter}/s, SDK standard retries): ${figures.through} of `
          + `${figures.writes} write(s) got through during the deploy (${figures.requests} request(s), ${figures.failed} given up)`);
      }
    } else {
      for (const stackName of destroyOrder(states, options.stacks)) {
        const result = await destroyStack(stackName, deployer);
        results.push(result);
        if (result.failed) break;
      }
    }
    // Their calls count in this run's requests.
    await background.settle();
    // The stacks' requests and invitations, not the competing writer's.
    const created = endpoint.calls.filter((c) => c.operation === 'CreateEngagementInvitation' && c.accessKeyId !== COMPETING_WRITER_ACCESS_KEY);
    const throttled = created.filter((c) => c.status === 429).length;
    write(`Partner Central Selling: ${created.length} CreateEngagementInvitation request(s) this run, `
      + `${endpoint.store.list().filter((i) => i.EngagementId !== COMPETING_WRITER_ENGAGEMENT).length} invitation(s) in the local account`
      + `${throttled ? ` (${throttled} of the requests throttled)` : ''}`);
    unusedFaults(options, endpoint.calls.length, receiver.pendingFaults(), progress).forEach(write);
    if (refused.length) {
      write(`FAILED: nothing deployed: ${refused.length} problem(s) found before any resource was created:`);
      refused.forEach((problem) => write(`  ${problem}`));
      return 1;
    }
    if (options.command === 'deploy') write(outputsTable(results));
    const failed = results.find((r) => r.failed);
    if (failed) write(`FAILED: ${failed.stackName}: ${failed.reason}`);
    return failed ? 1 : 0;
  } finally {
    await background.settle();
    await receiver.close();
    await cloudFormation.close();
    await sts.close();
    await endpoint.close();
  }
}

function withDependencies<T extends { name: string; dependencies: string[] }>(stacks: T[], names: string[]): T[] {
  if (names.length === 0) return stacks;
  const unknown = names.filter((n) => !stacks.some((s) => s.name === n));
  if (unknown.length) throw new Error(`no stack named ${unknown.join(', ')} in the app (stacks: ${stacks.map((s) => s.name).join(', ')})`);
  const wanted = new Set<string>();
  const add = (name: string) => {
    if (wanted.has(name)) return;
    wanted.add(name);
    stacks.find((s) => s.name === name)?.dependencies.forEach(add);
  };
  names.forEach(add);
  return stacks.filter((s) => wanted.has(s.name));
}

/** Deployed stacks, importers before the stacks they import from; with names, those stacks and their importers. */
function destroyOrder(states: StackStateStore, names: string[]): string[] {
  const deployed = states.all();
  const unknown = names.filter((n) => !deployed.some((s) => s.stackName === n));
  if (unknown.length) {
    throw new Error(`no deployed stack named ${unknown.join(', ')} (deployed stacks: ${deployed.map((s) => s.stackName).join(', ') || 'none'})`);
  }
  const exporter = (exportName: string) => deployed.find((s) => Object.values(s.outputs).some((o) => o.exportName === exportName))?.stackName;
  const ordered = dependencyOrder(deployed, (s) => s.stackName, (s) => s.imports.map(exporter).filter((n): n is string => !!n))
    .map((s) => s.stackName).reverse();
  if (names.length === 0) return ordered;
  const wanted = new Set(names);
  for (const name of [...ordered].reverse()) {
    if (deployed.find((s) => s.stackName === name)?.imports.some((i) => wanted.has(exporter(i) ?? ''))) wanted.add(name);
  }
  return ordered.filter((n) => wanted.has(n));
}

/** Faults that met nothing: a deploy with no changes sends no request, so its faults have no effect. */
function unusedFaults(options: CliOptions, endpointCalls: number, pendingReceiverFaults: number, progress: ProgressEvent[]): string[] {
  const notes: string[] = [];
  const endpointFaults = options.faults.reduce((sum, [, count]) => sum + count, 0);
  if (endpointFaults > endpointCalls) {
    notes.push(`NOTE: ${endpointFaults - endpointCalls} of ${endpointFaults} --fault ${options.faults.map(([f, n]) => `${f}=${n}`).join(' ')} `
      + `had no effect: ${endpointCalls === 0 ? 'no request reached' : `only ${endpointCalls} request(s) reached`} the Partner Central endpoint`);
  }
  if (pendingReceiverFaults > 0) {
    const injected = options.receiverFaults.reduce((sum, [, count]) => sum + count, 0);
    notes.push(`NOTE: ${pendingReceiverFaults} of ${injected} --fault ${options.receiverFaults.map(([f, n]) => `${f}=${n}`).join(' ')} `
      + 'had no effect: fewer custom resource answers were sent');
  }
  const failed = new Set(progress.filter((e) => e.reason?.includes('fault injection: fail-resource')).map((e) => e.logicalId));
  for (const id of options.failResources.filter((r) => !failed.has(r))) {
    notes.push(`NOTE: --fail-resource ${id} had no effect: the deploy did not create or update a resource ${id}`);
  }
  return notes;
}

function runtimes(stacks: ReturnType<typeof readCloudAssembly>): string[] {
  const found = new Set(stacks.flatMap((s) => Object.values(s.template.Resources))
    .filter((r) => r.Type === 'AWS::Lambda::Function').map((r) => String(r.Properties?.Runtime)));
  return [...found];
}

function progressLine(e: ProgressEvent): string {
  const detail = [
    e.physicalId,
    e.durationMs !== undefined ? `${(e.durationMs / 1000).toFixed(1)} s` : undefined,
    e.requestId ? `RequestId ${e.requestId}` : undefined,
    e.reason,
  ].filter(Boolean).join(' | ');
  return `${e.stackName.padEnd(15)} | ${e.status.padEnd(28)} | ${e.resourceType} | ${e.logicalId}${detail ? ` | ${detail}` : ''}`;
}

function outputsTable(results: StackResult[]): string {
  const rows = results.flatMap((r) => Object.entries(r.outputs).map(([name, o]) => [r.stackName, name, String(o.value), o.exportName ?? '']));
  if (rows.length === 0) return 'Outputs: none';
  const header = ['Stack', 'Output', 'Value', 'Export'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return ['Outputs', line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
