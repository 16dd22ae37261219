// The JSON users of `aws partnercentral-selling create-engagement-invitation` (or `create-engagement`)
// `--cli-input-json` already have (the shape `--generate-cli-skeleton` prints): read and checked in its own
// PascalCase naming, so problems name its paths.
import { Annotations, Token } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { fromWire } from './wire-request';
import { StructureRule } from '../rules/rule-types';
import { formatViolation, invalidInputError, validate } from '../rules/validation';

export interface CliInput<Request> {
  /** The request (without ClientToken) in the camelCase shape of the construct's props. */
  readonly request: Request;
  /**
   * Whether the JSON had a non-empty ClientToken, which is not used: the CloudFormation RequestId is the token. The
   * empty one that `--generate-cli-skeleton` prints is a placeholder, not a choice, and is not reported.
   */
  readonly hadClientToken: boolean;
}

/**
 * Parses and checks CLI input JSON of `operation` against its `rules`; throws one error listing every problem, with
 * the JSON's own field paths.
 */
export function readCliInputJson<Request>(scope: Construct, id: string, json: string, operation: string, rules: StructureRule): CliInput<Request> {
  const fail = (problems: string[]): never => {
    throw invalidInputError(scope, id, `CLI input JSON for ${operation}`, problems);
  };
  if (typeof json !== 'string') fail([`(json): must be a string, got ${json === null ? 'null' : typeof json} (type)`]);
  if (Token.isUnresolved(json)) fail(['(json): must be a literal string: it is read when the app is synthesized (type)']);
  let parsed: unknown;
  try {
    // Windows editors save UTF-8 with a byte order mark, which JSON.parse refuses: one leading BOM is dropped.
    parsed = JSON.parse(json.startsWith('\uFEFF') ? json.slice(1) : json);
  } catch (error) {
    return fail([`(json): is not valid JSON: ${(error as Error).message} (syntax)`]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail(['(json): must be a JSON object such as `--generate-cli-skeleton` prints (type)']);
  }
  const { ClientToken, ...request } = parsed as Record<string, unknown>;
  // Advisories are left to the construct, which checks the request again and warns about them.
  const problems = validate(rules, request, { isUnresolved: Token.isUnresolved })
    .filter((violation) => !violation.advisory).map((violation) => formatViolation(violation, 'wire'));
  if (ClientToken !== undefined && typeof ClientToken !== 'string') problems.push('ClientToken: must be a string (type)');
  if (problems.length > 0) fail(problems);
  return { request: fromWire(request) as Request, hadClientToken: ClientToken !== undefined && ClientToken !== '' };
}

/** Warns on `construct` when its CLI JSON had a ClientToken: the CloudFormation RequestId is the token. */
export function warnIfClientTokenIgnored(construct: IConstruct, input: CliInput<unknown>): void {
  if (!input.hadClientToken) return;
  Annotations.of(construct).addWarningV2('cdk-engagement-invitation:clientTokenIgnored', 'The ClientToken of the CLI '
    + 'input JSON is ignored: the CloudFormation RequestId is the token, so that retries of the same deployment event never '
    + 'create a second one.');
}
