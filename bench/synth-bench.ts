// Template and synth figures: for each invitation count, fresh-process synths alternating between the contenders
// (median wall time), template bytes and resources; then the largest count that synthesizes in one stack.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONTENDERS, Contender, invitationApp, Payload } from './invitation-apps';
import { median } from './stats';

export interface SynthSample {
  readonly ms: number;
  readonly templateBytes: number;
  readonly resources: number;
}

export interface SynthFigures {
  readonly count: number;
  readonly byContender: Record<Contender, { medianMs: number; templateBytes: number; resources: number }>;
}

const WORKER = path.join(__dirname, 'synth-worker.ts');

/** One synth of `count` invitations in a fresh `node` process; undefined if the app does not synthesize. */
export function synthOnce(contender: Contender, count: number): Promise<SynthSample | { error: string }> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-r', 'ts-node/register/transpile-only', WORKER, contender, String(count), outdir], {
      env: { ...process.env, TS_NODE_PROJECT: path.join(__dirname, '..', 'tsconfig.dev.json') },
      timeout: 300_000,
      maxBuffer: 16 * 1024 * 1024,
    }, (error, stdout) => {
      fs.rmSync(outdir, { recursive: true, force: true });
      if (error) reject(error);
      else resolve(JSON.parse(stdout.trim().split('\n').pop()!));
    });
  });
}

export async function synthFigures(counts: number[], runs: number, log: (line: string) => void): Promise<SynthFigures[]> {
  const figures: SynthFigures[] = [];
  for (const count of counts) {
    const samples: Record<Contender, SynthSample[]> = { EngagementInvitation: [], AwsCustomResource: [] };
    for (let run = 0; run < runs; run++) {
      // Alternate which contender goes first, so neither always gets the warmer machine.
      const order = run % 2 === 0 ? CONTENDERS : [...CONTENDERS].reverse();
      for (const contender of order) {
        const sample = await synthOnce(contender, count);
        if ('error' in sample) throw new Error(`${contender} x${count} does not synthesize: ${sample.error}`);
        samples[contender].push(sample);
      }
    }
    const summary = (s: SynthSample[]) => ({ medianMs: median(s.map((x) => x.ms)), templateBytes: s[0].templateBytes, resources: s[0].resources });
    figures.push({
      count,
      byContender: { EngagementInvitation: summary(samples.EngagementInvitation), AwsCustomResource: summary(samples.AwsCustomResource) },
    });
    log(`synth x${count}: ${CONTENDERS.map((c) => `${c} ${median(samples[c].map((x) => x.ms)).toFixed(0)} ms`).join(', ')}`);
  }
  return figures;
}

/** The largest count that synthesizes in one stack (binary search up to `ceiling`), with the refusal above it. */
export async function largestCount(contender: Contender, ceiling: number): Promise<{ largest: number; refusal?: string }> {
  let low = 1; // known to synthesize
  let high = ceiling + 1; // assumed not to
  let refusal: string | undefined;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const sample = await synthOnce(contender, middle);
    if ('error' in sample) {
      high = middle;
      refusal = sample.error;
    } else {
      low = middle;
    }
  }
  return { largest: low, refusal };
}

/** Template bytes each added invitation costs (1 -> `count` invitations), synthesized in this process. */
export function bytesPerInvitation(contender: Contender, payload: Payload, count = 249): number {
  const bytes = (n: number) => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-bytes-'));
    try {
      const assembly = invitationApp(contender, n, outdir, payload).synth();
      return fs.statSync(path.join(assembly.directory, assembly.getStackByName('Invitations').templateFile)).size;
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  };
  return (bytes(count) - bytes(1)) / (count - 1);
}
