// What CloudFormation remembers about each deployed stack, kept as one JSON file per stack under the state folder
// (.local/ by default, gitignored): physical ids, resolved properties, attributes, outputs and exports.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LocalFunction } from './lambda-runner';

export interface DeployedResource {
  readonly type: string;
  readonly physicalId: string;
  /** The resolved properties it was last created or updated with (the next Update's OldResourceProperties). */
  readonly properties: Record<string, unknown>;
  readonly attributes: Record<string, unknown>;
  /** Logical ids it depends on: it is deleted before them. */
  readonly dependsOn: string[];
  /** For a Lambda function: how to run the code that was deployed (a snapshot, independent of cdk.out). */
  readonly function?: LocalFunction;
  /** The template's DeletionPolicy / UpdateReplacePolicy (Delete when absent, as CloudFormation). */
  readonly deletionPolicy?: string;
  readonly updateReplacePolicy?: string;
}

export interface DeployedOutput {
  readonly value: unknown;
  readonly exportName?: string;
}

export interface DeployedStack {
  readonly stackName: string;
  readonly stackId: string;
  readonly status: string;
  readonly resources: Record<string, DeployedResource>;
  readonly outputs: Record<string, DeployedOutput>;
  /** Export names this stack imports with Fn::ImportValue. */
  readonly imports: string[];
  /** The template parameters' values of its last successful deployment, as given (stack-parameters.ts): kept by the
   * next deployment where no value is given. Absent in state written before parameters were recorded. */
  readonly parameters?: Record<string, string>;
}

export class StackStateStore {
  private readonly stacksDir: string;

  public constructor(public readonly stateDir: string) {
    this.stacksDir = path.join(stateDir, 'stacks');
  }

  public load(stackName: string): DeployedStack | undefined {
    const file = this.file(stackName);
    return fs.existsSync(file) ? this.read(file) : undefined;
  }

  public save(stack: DeployedStack): void {
    fs.mkdirSync(this.stacksDir, { recursive: true });
    const file = this.file(stack.stackName);
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(stack, null, 2));
    fs.renameSync(`${file}.tmp`, file); // never a half-written state file
  }

  public remove(stackName: string): void {
    fs.rmSync(this.file(stackName), { force: true });
  }

  public all(): DeployedStack[] {
    if (!fs.existsSync(this.stacksDir)) return [];
    return fs.readdirSync(this.stacksDir).filter((f) => f.endsWith('.json'))
      .map((f) => this.read(path.join(this.stacksDir, f)));
  }

  /** The stack exporting `exportName` and the value, among the deployed stacks. */
  public findExport(exportName: string): { stackName: string; value: unknown } | undefined {
    for (const stack of this.all()) {
      const output = Object.values(stack.outputs).find((o) => o.exportName === exportName);
      if (output) return { stackName: stack.stackName, value: output.value };
    }
    return undefined;
  }

  /** Deployed stacks other than `exceptStack` that import `exportName`. */
  public importers(exportName: string, exceptStack: string): string[] {
    return this.all().filter((s) => s.stackName !== exceptStack && s.imports.includes(exportName)).map((s) => s.stackName);
  }

  /** Where the deployed code of functions is kept. */
  public functionCodeDir(key: string): string {
    return path.join(this.stateDir, 'functions', key);
  }

  public logFile(functionName: string): string {
    return path.join(this.stateDir, 'logs', `${functionName}.log`);
  }

  /** A state file, or an error that names it and says how to reset the state. */
  private read(file: string): DeployedStack {
    const corrupted = (why: string) => new Error(`local deploy state ${file} is corrupted (${why}). To reset it, delete `
      + `that file (the stack is then forgotten, as if never deployed) or the whole state folder: rm -rf ${this.stateDir}`);
    let stack: any;
    try {
      stack = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw corrupted((error as Error).message);
    }
    // Valid JSON of another shape would fail later, far from the file: check what every reader relies on.
    if (typeof stack?.stackName !== 'string' || typeof stack.resources !== 'object' || stack.resources === null
      || typeof stack.outputs !== 'object' || stack.outputs === null || !Array.isArray(stack.imports)) {
      throw corrupted('not a deployed stack: stackName, resources, outputs or imports missing');
    }
    return stack;
  }

  private file(stackName: string): string {
    return path.join(this.stacksDir, `${stackName}.json`);
  }
}
