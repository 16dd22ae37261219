// `npm run bench`: EngagementInvitation against aws-cdk-lib's AwsCustomResource issuing the same call, in one run.
// Prints a markdown table (our figure, the anchor's, the ratio, the target) and writes it to .bench/results.md.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deployUnderQuota } from './deploy-bench';
import { coldStart, handlerLoad } from './handler-bench';
import { competingWriterRows, deployRows, fixed, ratio, Row, simulationRows, verdict } from './quota-rows';
import { bytesPerInvitation, largestCount, synthFigures } from './synth-bench';

const COUNTS = [1, 10, 100, 249];
/** Invitations deployed through the local deploy under the 1 request/s write quota; then the largest count that
 * synthesizes in one stack (497 while the handler adds 3 resources, 496 with its EventInvokeConfig). */
const DEPLOY_COUNTS = [10, 100];
const SYNTH_RUNS = 5;
const COLD_RUNS = 11;
/** How long the other writer runs alone, for its share without a deploy. */
const COMPETING_ALONE_SECONDS = 60;
const RESULTS = path.join(__dirname, '..', '.bench', 'results.md');

async function main() {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const rows: Row[] = [];
  const started = Date.now();

  log('1/5 template and synth');
  const synth = await synthFigures(COUNTS, SYNTH_RUNS, log);
  for (const { count, byContender: { EngagementInvitation: ours, AwsCustomResource: anchor } } of synth) {
    rows.push([`synth time, ${count} invitation(s) (median of ${SYNTH_RUNS}, ms)`, fixed(ours.medianMs), fixed(anchor.medianMs), ratio(ours.medianMs, anchor.medianMs),
      count === 100 ? verdict(ours.medianMs <= anchor.medianMs, '<= 1.0x') : '']);
    rows.push([`template bytes, ${count} invitation(s)`, fixed(ours.templateBytes), fixed(anchor.templateBytes), ratio(ours.templateBytes, anchor.templateBytes), '']);
    rows.push([`resources in the stack, ${count} invitation(s)`, fixed(ours.resources), fixed(anchor.resources), ratio(ours.resources, anchor.resources), '']);
  }
  const [first, last] = [synth[0], synth[synth.length - 1]];
  const perInvitation = (key: 'templateBytes' | 'resources', c: 'EngagementInvitation' | 'AwsCustomResource') =>
    (last.byContender[c][key] - first.byContender[c][key]) / (last.count - first.count);
  const bytesOurs = perInvitation('templateBytes', 'EngagementInvitation');
  const bytesAnchor = perInvitation('templateBytes', 'AwsCustomResource');
  rows.push([`template bytes per added invitation (${first.count} -> ${last.count})`, fixed(bytesOurs), fixed(bytesAnchor), ratio(bytesOurs, bytesAnchor), verdict(bytesOurs <= 0.75 * bytesAnchor, '<= 0.75x')]);
  const smallOurs = bytesPerInvitation('EngagementInvitation', 'small');
  const smallAnchor = bytesPerInvitation('AwsCustomResource', 'small');
  rows.push(['template bytes per added invitation, small payload (required members only)', fixed(smallOurs), fixed(smallAnchor),
    ratio(smallOurs, smallAnchor), verdict(smallOurs <= 0.75 * smallAnchor, '<= 0.75x')]);
  const resOurs = perInvitation('resources', 'EngagementInvitation');
  const resAnchor = perInvitation('resources', 'AwsCustomResource');
  rows.push(['resources per added invitation', fixed(resOurs, 2), fixed(resAnchor, 2), ratio(resOurs, resAnchor), verdict(resOurs === 1, '= 1')]);

  log('   largest count per stack');
  const [oursMax, anchorMax] = [await largestCount('EngagementInvitation', 1000), await largestCount('AwsCustomResource', 1000)];
  rows.push(['largest count that synthesizes in one stack', fixed(oursMax.largest), fixed(anchorMax.largest), ratio(oursMax.largest, anchorMax.largest), verdict(oursMax.largest >= 497, '>= 497')]);

  log('2/5 handler cold start');
  const cold = await coldStart(COLD_RUNS);
  rows.push(['handler bundle, minified (bytes)', fixed(cold.bundleBytes), '-', '-', verdict(cold.bundleBytes <= 350 * 1024, '<= 350 KB')]);
  rows.push(['handler bundle, gzip (bytes)', fixed(cold.bundleGzipBytes), '-', '-', '']);
  rows.push([`cold import (median of ${COLD_RUNS} fresh processes, ms): bundle vs unbundled SDK client`, fixed(cold.bundleImportMs, 1), fixed(cold.sdkImportMs, 1),
    ratio(cold.bundleImportMs, cold.sdkImportMs), verdict(cold.bundleImportMs <= 0.75 * cold.sdkImportMs, '<= 0.75x')]);

  log('3/5 warm overhead and memory (1,000 Creates)');
  const warm = await handlerLoad(1000, 'sequential');
  const [p50, p99] = [warm.overheadP50Ms ?? NaN, warm.overheadP99Ms ?? NaN];
  rows.push([`warm overhead p50, handler minus endpoint (ms; ${warm.success}/${warm.events} SUCCESS, ${warm.adopted} adopted)`, fixed(p50, 2), '-', '-', verdict(p50 <= 2, '<= 2 ms')]);
  rows.push(['warm overhead p99 (ms)', fixed(p99, 2), '-', '-', '']);
  rows.push([`warm: calls per Create (Partner Central reads + writes; DescribeStacks ${fixed(warm.stackReads / warm.events, 2)})`,
    `${fixed(warm.serviceReads / warm.events, 2)} + ${fixed((warm.requests - warm.serviceReads) / warm.events, 2)}`, '-', '-', '']);
  rows.push(['peak RSS of the handler process (MB)', fixed(warm.maxRssMb, 1), '-', '-', verdict(warm.maxRssMb <= 128, '<= 128 MB')]);

  log('4/5 throughput under throttling (100 concurrent Creates, 20% throttled)');
  const burst = await handlerLoad(100, 'concurrent', 0.2);
  rows.push([`throughput: SUCCESS of 100 concurrent Creates (${burst.throttled} calls throttled)`, `${burst.success}/100`, '-', '-', verdict(burst.success === 100, '100/100')]);
  rows.push([`throughput: duplicate invitations (${burst.adopted} adopted)`, fixed(burst.duplicates), '-', '-', verdict(burst.duplicates === 0, '0')]);
  rows.push(['throughput: wall time (ms)', fixed(burst.wallMs), '-', '-', '']);

  for (const count of [...DEPLOY_COUNTS, oursMax.largest]) {
    log(`5/5 local deploy of ${count} invitations under the write quota (1 request/s, burst 1)`);
    rows.push(...deployRows(count, await deployUnderQuota(count)));
  }
  // Another writer of the account (a CRM integration) during a deploy, at the default planned rate and a capped one.
  rows.push(...await competingWriterRows(100, COMPETING_ALONE_SECONDS, log));
  // Why the pacing: simulated against the retries it replaced (the anchor column), same quota, same budget.
  rows.push(...simulationRows());
  // Why the chains: the same 100 invitations with none, all started at once (as CloudFormation starts independent
  // resources), each handler with its 55 s budget against a floor of 100 s.
  log('5/5 local deploy of 100 invitations without chains (maxConcurrentInvitations=unlimited), all at once');
  const unchained = await deployUnderQuota(100, { context: { 'cdk-engagement-invitation:maxConcurrentInvitations': 'unlimited' }, concurrency: 100 });
  rows.push([`deploy 100 without creation chains: SUCCESS (stack ${unchained.stackStatus}; ${fixed(unchained.requests)} writes, ${fixed(unchained.reads)} reads)`,
    `${unchained.success}/100`, '-', '-', '']);

  const machine = `${os.cpus().length} x ${os.cpus()[0]?.model.trim()}, ${fixed(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}, ${os.platform()} ${os.release()}`;
  const table = [
    `Benchmark: EngagementInvitation vs AwsCustomResource (aws-cdk-lib), ${new Date().toISOString().slice(0, 10)}`,
    `Machine: ${machine}; run took ${fixed((Date.now() - started) / 1000)} s`,
    '',
    '| measure | EngagementInvitation | AwsCustomResource / anchor | ratio | target |',
    '|---|---:|---:|---:|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ].join('\n');
  process.stdout.write(`${table}\n`);
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, table);
  log(`written to ${path.relative(process.cwd(), RESULTS)}`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
