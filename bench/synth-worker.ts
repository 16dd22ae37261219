// One measured synth in a fresh process: `synth-worker <contender> <count> <outdir>` prints one JSON line with the
// wall time of constructing and synthesizing the app (module loading excluded), template bytes and resources.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Contender, invitationApp } from './invitation-apps';

const [contender, count, outdir] = process.argv.slice(2);
try {
  const started = process.hrtime.bigint();
  const assembly = invitationApp(contender as Contender, Number(count), outdir).synth();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const templateFile = path.join(assembly.directory, assembly.getStackByName('Invitations').templateFile);
  const template = fs.readFileSync(templateFile, 'utf8');
  process.stdout.write(`${JSON.stringify({ ms, templateBytes: Buffer.byteLength(template), resources: Object.keys(JSON.parse(template).Resources).length })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: (error as Error).message.split('\n')[0] })}\n`);
}
