// The synth-time checks of how a request is sent (apiRegion, assumeRoleArn, serviceTimeout, the stack's chain
// context), shared by EngagementInvitation and Engagement: both are served by the same handler, with the same
// timing.
import { Duration, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { PartnerCentralCallOptions } from './call-options';
import {
  HANDLER_TIMEOUT_SECONDS, LAMBDA_ASYNC_RETRY_DELAYS_SECONDS, SERVICE_TIMEOUT_FLOOR_SECONDS, SERVICE_TIMEOUT_MAX_SECONDS,
} from './contract';
import { maxConcurrentInvitations } from './creation-chains';
import { maxWriteRate } from './write-rate';
import { dynamicReferenceProblem, hasDynamicReference } from '../rules/validation';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** Every problem of the options, as `<option>: <what is wrong> (<rule>)`; `scope` is where the construct goes. */
export function sendOptionProblems(options: PartnerCentralCallOptions, scope: Construct): string[] {
  const problems: string[] = [];
  // Both are properties of the custom resource, where CloudFormation resolves {{resolve:ssm:…}} but not secure
  // references (see rules/validation.ts).
  const literal = (value: string | undefined): value is string =>
    value !== undefined && !Token.isUnresolved(value) && !hasDynamicReference(value);
  for (const option of ['apiRegion', 'assumeRoleArn'] as const) {
    const problem = dynamicReferenceProblem(options[option]);
    if (problem) problems.push(`${option}: ${problem} (dynamic reference)`);
  }
  if (literal(options.apiRegion) && !REGION.test(options.apiRegion)) {
    problems.push(`apiRegion: ${JSON.stringify(options.apiRegion)} is not a region name such as us-east-1 (pattern)`);
  }
  if (literal(options.assumeRoleArn) && !ROLE_ARN.test(options.assumeRoleArn)) {
    problems.push(`assumeRoleArn: ${JSON.stringify(options.assumeRoleArn)} is not an IAM role ARN such as arn:aws:iam::111122223333:role/Name (pattern)`);
  }
  const timeoutProblem = options.serviceTimeout !== undefined ? serviceTimeoutProblem(options.serviceTimeout) : undefined;
  if (timeoutProblem) problems.push(timeoutProblem);
  // Read when the stack's handler is created: a bad value must be refused before anything joins the tree.
  for (const readContext of [maxConcurrentInvitations, maxWriteRate]) {
    try {
      readContext(scope);
    } catch (error) {
      problems.push(`${(error as Error).message} (context)`);
    }
  }
  return problems;
}

/** ServiceTimeout must let the handler's last honest answer arrive, and stay within CloudFormation's range. */
export function serviceTimeoutProblem(serviceTimeout: Duration): string | undefined {
  let seconds: number;
  try {
    seconds = serviceTimeout.toSeconds();
  } catch {
    return `serviceTimeout: ${serviceTimeout.toHumanString()} is not a whole number of seconds (integer)`;
  }
  if (Token.isUnresolved(seconds)) return undefined;
  if (seconds < SERVICE_TIMEOUT_FLOOR_SECONDS) {
    const [first, second] = LAMBDA_ASYNC_RETRY_DELAYS_SECONDS;
    return `serviceTimeout: ${seconds} seconds is less than ${SERVICE_TIMEOUT_FLOOR_SECONDS} seconds, the time the handler may `
      + `take to answer (its ${HANDLER_TIMEOUT_SECONDS}-second timeout, run up to 3 times by Lambda's retries after about `
      + `${first} and ${second} more seconds); CloudFormation would fail a resource whose answer is still on its way (minimum)`;
  }
  if (seconds > SERVICE_TIMEOUT_MAX_SECONDS) {
    return `serviceTimeout: ${seconds} seconds is more than CloudFormation's maximum of ${SERVICE_TIMEOUT_MAX_SECONDS} seconds (maximum)`;
  }
  return undefined;
}
