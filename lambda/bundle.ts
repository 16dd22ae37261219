// Bundles the custom resource handler into the Lambda asset the construct ships (`npx projen bundle`): esbuild,
// SDK inside, minified, for the Lambda runtime's Node.js (target node22). Run when the library is built, so
// consumers never need esbuild or Docker.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build, Plugin } from 'esbuild';

const ENTRY = 'lambda/index.ts';
const OUTFILE = 'assets/engagement-invitation-handler/index.js';
const METAFILE = 'build-meta/engagement-invitation-handler.meta.json';

/**
 * Each AWS SDK client imports its whole package.json to read one field, `version` (its user agent): about 2 KB of
 * JSON per client in the bundle. Only `name` and `version` are kept.
 */
const sdkPackageJsonVersionOnly: Plugin = {
  name: 'sdk-package-json-version-only',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]node_modules[\\/]@(aws-sdk|smithy)[\\/][^\\/]+[\\/]package\.json$/ }, (args) => {
      const { name, version } = JSON.parse(fs.readFileSync(args.path, 'utf8'));
      return { contents: JSON.stringify({ name, version }), loader: 'json' };
    });
  },
};

/** The SDK's default credential chain, replaced by the environment provider (core/environment-credentials.ts). */
const environmentCredentialsOnly: Plugin = {
  name: 'environment-credentials-only',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, () => ({
      path: path.resolve(__dirname, 'core', 'environment-credentials.ts'),
    }));
  },
};

async function main(): Promise<void> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    minify: true,
    mainFields: ['module', 'main'],
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    outfile: OUTFILE,
    plugins: [sdkPackageJsonVersionOnly, environmentCredentialsOnly],
  });
  fs.mkdirSync(path.dirname(METAFILE), { recursive: true });
  fs.writeFileSync(METAFILE, JSON.stringify(result.metafile));
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
