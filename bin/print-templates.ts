// Prints every stack template of the cloud assembly in cdk.out (the CDK CLI prints one only when there is one).
import * as fs from 'node:fs';
import * as path from 'node:path';

const outdir = process.argv[2] ?? 'cdk.out';
const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
for (const [name, artifact] of Object.entries<any>(manifest.artifacts ?? {})) {
  if (artifact.type !== 'aws:cloudformation:stack') continue;
  const template = fs.readFileSync(path.join(outdir, artifact.properties.templateFile), 'utf8');
  process.stdout.write(`# ----- ${name} (${artifact.properties.templateFile}) -----\n${template}\n`);
}
