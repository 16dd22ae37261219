import { awscdk, javascript } from 'projen';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-engagement-invitation',
  description: 'AWS CDK construct that sends an AWS Partner Central engagement invitation exactly once, as a CloudFormation custom resource.',
  author: 'Partner Co-Sell Team',
  authorAddress: 'cosell@example.com',
  repositoryUrl: 'https://github.com/example/cdk-engagement-invitation.git',
  keywords: ['cdk', 'aws-cdk', 'partner-central', 'partnercentral-selling', 'co-sell', 'custom-resource'],
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,

  cdkVersion: '2.276.0',
  constructsVersion: '10.8.1',
  jsiiVersion: '~6.0.0',

  // lib/ holds the construct sources; jsii's compiled JavaScript goes to build/ (gitignored, shipped).
  srcdir: 'lib',
  libdir: 'build',
  testdir: 'test',
  tsconfigDevFile: 'tsconfig.dev.json',
  // ts-jest transpiles without type-checking (isolatedModules): the test task type-checks everything first.
  typecheckTests: true,
  tsconfigDev: {
    include: ['lib/**/*.ts', 'lambda/**/*.ts', 'bin/**/*.ts', 'local/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts', '.projenrc.ts', 'projenrc/**/*.ts'],
    compilerOptions: {},
  },

  // package.json "main": jsii compiles lib/ into build/.
  entrypoint: 'build/index.js',
  // lambda/ is bundled at build time, so its imports are devDependencies. One dev tsconfig covers lib/, lambda/,
  // bin/ and test/, so eslint type-checks them all against it.
  eslintOptions: {
    dirs: ['lib'],
    devdirs: ['lambda', 'local', 'bench', 'test', 'bin', 'projenrc', '.projenrc.ts'],
    projectService: false,
    tsconfigPath: './tsconfig.dev.json',
  },

  github: false,
  sampleCode: false,
  depsUpgrade: false,

  devDeps: [
    '@aws-sdk/client-partnercentral-selling@3.1124.0',
    '@aws-sdk/credential-providers@3.1124.0',
    '@types/aws-lambda',
    'aws-cdk@2.1148.1',
    'aws-sdk-client-mock@4.1.0',
    'cdk-nag@3.0.2',
    'esbuild@0.28.2',
    'fast-check@4.11.0',
  ],

  jestOptions: {
    passWithNoTests: false,
    // Snapshots are compared, never rewritten, by `npm test` (and so by CI). `npx projen test:update` rewrites them.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
    },
  },
});

// The handler is bundled once, when the library is built, into a shipped asset that the construct loads with
// Code.fromAsset: consumers never need esbuild or Docker. SDK bundled (not external), minified, target node22.
const HANDLER_ASSET_DIR = 'assets/engagement-invitation-handler';
const bundleTask = project.addTask('bundle', {
  description: 'Bundle the custom resource handler into its Lambda asset',
  exec: [
    'esbuild lambda/engagement-invitation/index.ts',
    '--bundle --platform=node --target=node22 --format=cjs --minify',
    '--main-fields=module,main --legal-comments=none --log-level=warning',
    `--metafile=build-meta/engagement-invitation-handler.meta.json --outfile=${HANDLER_ASSET_DIR}/index.js`,
  ].join(' '),
});
project.preCompileTask.spawn(bundleTask);
project.gitignore.exclude('/assets/', '/build-meta/', '/.local/', '/.bench/');
project.npmignore?.exclude('/build-meta/', '/bin/', '/lambda/', '/local/', '/.local/', '/bench/', '/.bench/', '/cdk.json', '/cdk.out/', '/.ci/', '/tsconfig.dev.json');
project.npmignore?.include('/assets/');

// `npm test` = bundle + jsii compile + jest + eslint, so a fresh clone tests exactly what it would ship.
project.testTask.prependSpawn(project.compileTask);
project.testTask.prependSpawn(project.preCompileTask);

// Example app (bin/app.ts). The CDK CLI runs `build` before synth, so the asset exists on a fresh clone.
new awscdk.CdkConfig(project, {
  app: 'npx ts-node --project tsconfig.dev.json --prefer-ts-exts bin/app.ts',
  buildCommand: 'npx projen bundle',
  featureFlags: awscdk.CdkFeatureFlags.V2.ALL,
  context: {
    // aws-cdk-lib's synth-time CloudFormation validation fails the synth instead of warning.
    '@aws-cdk/core:validateAgainstDefaultRules': true,
  },
  watchIncludes: ['bin/**/*.ts', 'lib/**/*.ts'],
});

project.addTask('synth:example', {
  description: 'Synthesize the example app (bin/app.ts) and print both stack templates',
  steps: [
    { exec: 'cdk synth --quiet' },
    { exec: 'ts-node --project tsconfig.dev.json bin/print-templates.ts cdk.out' },
  ],
});

// The whole lifecycle on this machine: bin/app.ts synthesized, its custom resources driven through the bundled
// handler against a local Partner Central Selling endpoint on 127.0.0.1, state kept in .local/ (gitignored).
// execArgs, not exec: received arguments reach the command verbatim (`-c message="New text"` stays one value).
const localDeploy = ['ts-node', '--project', 'tsconfig.dev.json', 'local/local-deploy/cli.ts'];
project.addTask('deploy:local', {
  description: 'Deploy the example app locally: synth, then every stack against a local Partner Central endpoint (args: [stack ...] [-c key=value] [--fault throttle=3])',
  execArgs: [...localDeploy, 'deploy'],
  receiveArgs: true,
});
project.addTask('destroy:local', {
  description: 'Destroy the locally deployed stacks in reverse dependency order (args: [stack ...])',
  execArgs: [...localDeploy, 'destroy'],
  receiveArgs: true,
});

// Speed and size against aws-cdk-lib's AwsCustomResource: figures and ratios, read by people, not asserted by tests.
const benchTask = project.addTask('bench', {
  description: 'Benchmark EngagementInvitation against AwsCustomResource (synth, template, cold start, warm overhead, throttling); table in .bench/results.md',
});
benchTask.spawn(bundleTask);
benchTask.exec('ts-node --project tsconfig.dev.json bench/run.ts');

project.synth();
