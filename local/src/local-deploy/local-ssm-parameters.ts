// The Systems Manager Parameter Store of the local account: the values given with --ssm, which
// AWS::SSM::Parameter::Value<…> template parameters and {{resolve:ssm:…}} dynamic references read. Nothing else is in
// it, except that the account counts as bootstrapped for the CDK (see LOCAL_BOOTSTRAP_VERSION).

/** A Systems Manager parameter name, as the ssm dynamic reference accepts it (CloudFormation User Guide, "Get a
 * plaintext value from Systems Manager Parameter Store": `[a-zA-Z0-9_.-/]+`, case-sensitive). */
export const SSM_PARAMETER_NAME = /^[a-zA-Z0-9_./-]+$/;

/**
 * The version of the CDK bootstrap stack the local account has: what `cdk bootstrap` with the CDK CLI this repository
 * uses (aws-cdk 2.1148.1) writes to /cdk-bootstrap/<qualifier>/version (its bootstrap template's CdkBootstrapVersion
 * parameter). A stack synthesized with the default synthesizer reads it through its BootstrapVersion parameter, and
 * its CheckBootstrapVersion rule requires at least 6. `--ssm /cdk-bootstrap/<qualifier>/version=<n>` replaces it.
 */
export const LOCAL_BOOTSTRAP_VERSION = '33';
const BOOTSTRAP_VERSION_PARAMETER = /^\/cdk-bootstrap\/[^/]+\/version$/;

/** One `--ssm name[:version]=value`. */
export interface SsmAssignment {
  readonly name: string;
  /** The parameter version this value is (for {{resolve:ssm:name:version}}); undefined: its latest version. */
  readonly version?: number;
  readonly value: string;
}

export function parseSsmOption(text: string): SsmAssignment {
  const match = /^([^=:]+)(?::([1-9]\d*))?=(.+)$/s.exec(text);
  if (!match || !SSM_PARAMETER_NAME.test(match[1])) {
    throw new Error(`--ssm ${text}: expected /name=value or /name:version=value, a Systems Manager parameter name `
      + '(letters, digits, _ . - /), optionally a version number, and a value that is not empty');
  }
  return { name: match[1], ...(match[2] ? { version: Number(match[2]) } : {}), value: match[3] };
}

/** The option that gives the value of `name` (its `version`), for refusals. */
export function ssmOptionFor(name: string, version?: number): string {
  return `--ssm ${name}${version !== undefined ? `:${version}` : ''}=<value>`;
}

export class LocalSsmParameters {
  private readonly latest = new Map<string, string>();
  private readonly versions = new Map<string, string>();

  /** Later assignments of the same name (and version) replace earlier ones, as a repeated --parameters does. */
  public constructor(assignments: readonly SsmAssignment[] = []) {
    for (const a of assignments) {
      if (a.version === undefined) this.latest.set(a.name, a.value);
      else this.versions.set(`${a.name}:${a.version}`, a.value);
    }
  }

  /**
   * The value of the parameter `name`, of its `version` if given, or undefined where the local account has none. A
   * version is only what was given for that version: Parameter Store answers a version that does not exist with an
   * error rather than the latest value (Systems Manager User Guide, "Working with parameter versions").
   */
  public value(name: string, version?: number): string | undefined {
    if (version !== undefined) return this.versions.get(`${name}:${version}`);
    return this.latest.get(name) ?? (BOOTSTRAP_VERSION_PARAMETER.test(name) ? LOCAL_BOOTSTRAP_VERSION : undefined);
  }

  /** Whether the parameter exists, in any version (what an AWS::SSM::Parameter::Name parameter checks). */
  public exists(name: string): boolean {
    return this.value(name) !== undefined || [...this.versions.keys()].some((key) => key.startsWith(`${name}:`));
  }
}
