// The bin's entry: parses the command line, runs it, exits with its code (0 for --help; 2 for a bad command line).
import { runLocalDeploy } from './local-deploy/cli';
import { parseArguments, UsageRequested } from './local-deploy/cli-arguments';

export function main(argv: string[]): void {
  let options;
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (error instanceof UsageRequested) {
      process.stdout.write(`${error.message}\n`);
      process.exit(0);
    }
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  runLocalDeploy(options).then((code) => process.exit(code), (error) => {
    process.stderr.write(`local deploy failed: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
