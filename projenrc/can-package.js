// Whether `npx projen package:<language>` can run on this machine: its toolchain on the PATH and its package registry
// reachable (jsii-pacmak builds the Java, Python, .NET and Go packages with them). Exits 0 if so; otherwise prints
// what is missing and exits 1, and projen skips the step, so `npx projen build` succeeds where they are not (the
// test task still generates every language's code with `jsii-pacmak --code-only`).
const { execFileSync } = require('node:child_process');
const https = require('node:https');

const NEEDS = {
  java: { tool: 'mvn', registry: 'https://repo.maven.apache.org/maven2/' },
  python: { tool: 'python3', registry: 'https://pypi.org/simple/' },
  dotnet: { tool: 'dotnet', registry: 'https://api.nuget.org/v3/index.json' },
  go: { tool: 'go', registry: 'https://proxy.golang.org/' },
};

const language = process.argv[2];
const needs = NEEDS[language];
if (!needs) {
  console.error(`can-package: unknown language ${language}`);
  process.exit(2);
}
const skip = (why) => {
  console.error(`package:${language} skipped: ${why}`);
  process.exit(1);
};
try {
  execFileSync('sh', ['-c', `command -v ${needs.tool}`], { stdio: 'ignore' });
} catch {
  skip(`${needs.tool} is not installed`);
}
const request = https.get(needs.registry, { timeout: 5000 }, (response) => {
  response.resume();
  process.exit(0);
});
request.on('timeout', () => request.destroy(new Error('no answer in 5 s')));
request.on('error', (error) => skip(`${needs.registry} cannot be reached (${error.message})`));
