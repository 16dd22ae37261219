// Dynamic references, `{{resolve:service:key}}` in a string (CloudFormation User Guide, "Get values stored in other
// services using dynamic references"). ssm ones are resolved from the local account's Systems Manager values (--ssm):
// `{{resolve:ssm:name}}` its latest value, `{{resolve:ssm:name:version}}` that version's. ssm-secure and secretsmanager
// ones are refused: in a custom resource CloudFormation does not resolve them ("Dynamic references for secure values,
// such as ssm-secure, aren't currently supported in custom resources", "Get a secure string value from Systems Manager
// Parameter Store"), and the local account holds no secure values for other resources. checkDynamicReferences finds,
// before anything is created, every reference the template writes (and every parameter value holds) that could not
// be resolved; resolveDynamicReferences then replaces them in the values the deploy sends.
import { LocalSsmParameters, SSM_PARAMETER_NAME, ssmOptionFor } from './local-ssm-parameters';

const REFERENCE = /\{\{resolve:([^:{}]*):([^{}]*)\}\}/g;
const SECURE_SERVICES = ['ssm-secure', 'secretsmanager'];

export interface ReferenceSite {
  /** Where the value sits, for refusals ("InvitationStack: resource X (Custom::Y) property Message"). */
  readonly where: string;
  /** The value is a custom resource's property. */
  readonly customResource: boolean;
  /** The value is a parameter's: CloudFormation takes an ssm reference there only with a version ("Get a plaintext
   * value from Systems Manager Parameter Store"). */
  readonly parameter?: boolean;
}

/** Every problem with the dynamic references in `value` (a template's literal value, or a parameter's value). */
export function checkDynamicReferences(value: unknown, site: ReferenceSite, ssm: LocalSsmParameters): string[] {
  const problems: string[] = [];
  forEachString(value, '', (text, path) => {
    const where = path ? `${site.where} ${path.replace(/^\./, '')}` : site.where;
    for (const [reference, service, key] of text.matchAll(REFERENCE)) {
      const why = referenceProblem(service, key, site, ssm);
      if (why) problems.push(`${where}: ${reference}: ${why}`);
    }
    const rest = text.replace(REFERENCE, '');
    if (rest.includes('{{resolve:')) {
      problems.push(`${where}: ${JSON.stringify(excerpt(rest))} holds the start of a dynamic reference without its end: a `
        + 'reference built by Fn::Join or Fn::Sub from pieces is whole only while the stack deploys, too late for the '
        + 'local deploy to check it before anything is created. Write the reference whole in the template');
    }
  });
  return problems;
}

/** `value` with every ssm reference in its strings replaced by its value; any other reference is an error. */
export function resolveDynamicReferences(value: unknown, ssm: LocalSsmParameters): unknown {
  if (typeof value === 'string') {
    return value.includes('{{resolve:') ? value.replace(REFERENCE, (reference, service: string, key: string) => {
      const parsed = service === 'ssm' ? parseSsmKey(key) : undefined;
      const resolved = parsed && ssm.value(parsed.name, parsed.version);
      if (resolved === undefined) throw new Error(`${reference}: no value in the local account (the local deploy resolves only ssm references given with --ssm)`);
      return resolved;
    }) : value;
  }
  if (Array.isArray(value)) return value.map((v) => resolveDynamicReferences(v, ssm));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDynamicReferences(v, ssm)]));
  }
  return value;
}

function referenceProblem(service: string, key: string, site: ReferenceSite, ssm: LocalSsmParameters): string | undefined {
  if (SECURE_SERVICES.includes(service)) {
    return site.customResource
      ? 'CloudFormation does not resolve secure dynamic references (ssm-secure, secretsmanager) in the properties of a '
        + 'custom resource ("Dynamic references for secure values, such as ssm-secure, aren\'t currently supported in '
        + 'custom resources", CloudFormation User Guide). Pass the Systems Manager parameter\'s or secret\'s name instead '
        + 'and read it in the function'
      : `the local account holds no secure values (${service}): the local deploy refuses ssm-secure and secretsmanager `
        + 'references rather than deploy the literal text; no option supplies them';
  }
  if (service !== 'ssm') return `${JSON.stringify(service)} is not a dynamic reference service (CloudFormation's: ssm, ssm-secure, secretsmanager)`;
  const parsed = parseSsmKey(key);
  if (!parsed) {
    return 'not a reference the local deploy resolves: expected {{resolve:ssm:name}} or {{resolve:ssm:name:version}}, '
      + 'a Systems Manager parameter name of letters, digits, _ . - / (a name built with Fn::Sub is whole only while the stack deploys)';
  }
  if (site.parameter && parsed.version === undefined) {
    return 'an ssm dynamic reference in a parameter\'s value needs a version (CloudFormation User Guide, "Get a plaintext '
      + 'value from Systems Manager Parameter Store"): write {{resolve:ssm:name:version}}';
  }
  if (ssm.value(parsed.name, parsed.version) === undefined) {
    const which = parsed.version !== undefined ? `version ${parsed.version} of the Systems Manager parameter ${parsed.name}` : `the Systems Manager parameter ${parsed.name}`;
    return `${which} has no value in the local account: give it with ${ssmOptionFor(parsed.name, parsed.version)}`;
  }
  return undefined;
}

function parseSsmKey(key: string): { name: string; version?: number } | undefined {
  const match = /^([^:]+)(?::([1-9]\d*))?$/.exec(key);
  if (!match || !SSM_PARAMETER_NAME.test(match[1])) return undefined;
  return { name: match[1], ...(match[2] ? { version: Number(match[2]) } : {}) };
}

/** Calls `visit` with every string in `value` and its path (".Invitation.Message", "[2]"). */
function forEachString(value: unknown, path: string, visit: (text: string, path: string) => void): void {
  if (typeof value === 'string') {
    visit(value, path);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => forEachString(v, `${path}[${i}]`, visit));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) forEachString(v, `${path}.${key}`, visit);
  }
}

function excerpt(text: string): string {
  const start = Math.max(0, text.indexOf('{{resolve:') - 20);
  return `${start > 0 ? '…' : ''}${text.slice(start, start + 60)}${text.length > start + 60 ? '…' : ''}`;
}
