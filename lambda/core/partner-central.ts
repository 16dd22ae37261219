// The Partner Central Selling client every call of the handler goes through (the invitation's in
// engagement-invitation/, the engagement's in engagement/): where it calls (ApiRegion) and as whom, with the function's
// own credentials or, for a Partner Central account other than the stack's, an assumed role's (AssumeRoleArn).
import { PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { describeError } from './service-errors';
import { API_REGION_PROPERTY, ASSUME_ROLE_ARN_PROPERTY } from '../../lib/core/contract';

/** Where and as whom the call is made. */
export interface ApiTarget {
  readonly region: string;
  /** A role to call the API as (STS AssumeRole), with the session name CloudTrail will show. */
  readonly assumeRole?: { readonly roleArn: string; readonly sessionName: string };
}

/** The service exists only in us-east-1; `ApiRegion` in the properties overrides it. */
export const DEFAULT_API_REGION = 'us-east-1';

// Retries of every call are the handler's own (call-retries.ts): the SDK makes one attempt per send. A hung
// request is abandoned after REQUEST_TIMEOUT_MS only with throwOnRequestTimeout: without it,
// @smithy/node-http-handler (4.14) logs a warning and keeps waiting.
const REQUEST_TIMEOUT_MS = 8_000;
const CONNECTION_TIMEOUT_MS = 3_000;

/** STS calls keep the SDK's standard retries. */
const STS_MAX_ATTEMPTS = 4;

/** The shortest session the role allows; the handler needs a minute at most. */
const ASSUMED_SESSION_SECONDS = 900;

const clients = new Map<string, PartnerCentralSellingClient>();

/** One client per target, kept across warm invocations (assumed credentials are refreshed by the SDK). */
function clientFor({ region, assumeRole }: ApiTarget): PartnerCentralSellingClient {
  const key = assumeRole ? `${region} ${assumeRole.roleArn} ${assumeRole.sessionName}` : region;
  let client = clients.get(key);
  if (!client) {
    // The endpoints can only be overridden through the SDK's own AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING (and
    // AWS_ENDPOINT_URL_STS); STS is called in the function's own region.
    client = new PartnerCentralSellingClient({
      region,
      maxAttempts: 1,
      requestHandler: { requestTimeout: REQUEST_TIMEOUT_MS, connectionTimeout: CONNECTION_TIMEOUT_MS, throwOnRequestTimeout: true },
      ...(assumeRole ? {
        credentials: fromTemporaryCredentials({
          params: { RoleArn: assumeRole.roleArn, RoleSessionName: assumeRole.sessionName, DurationSeconds: ASSUMED_SESSION_SECONDS },
          clientConfig: { region: process.env.AWS_REGION || region, maxAttempts: STS_MAX_ATTEMPTS },
        }),
      } : {}),
    });
    clients.set(key, client);
  }
  return client;
}

/**
 * The client for `target`, with the assumed role's credentials resolved first, so that a refused AssumeRole is
 * reported as such rather than as a failure of the Partner Central call.
 */
export async function partnerCentralClient(target: ApiTarget): Promise<PartnerCentralSellingClient> {
  const client = clientFor(target);
  if (!target.assumeRole) return client;
  try {
    await client.config.credentials();
  } catch (error) {
    const { reason } = describeError(error);
    throw Object.assign(new Error(`could not assume ${target.assumeRole.roleArn}: ${reason}`), { name: 'AssumeRoleFailed' });
  }
  return client;
}

/** The API's region and, with AssumeRoleArn, the role to call it as: its session is named after the stack. */
export function apiTarget(properties: Record<string, unknown>, stackId: string): ApiTarget {
  const region = properties[API_REGION_PROPERTY];
  const roleArn = properties[ASSUME_ROLE_ARN_PROPERTY];
  const target = { region: typeof region === 'string' && region ? region : DEFAULT_API_REGION };
  if (typeof roleArn !== 'string' || !roleArn) return target;
  return { ...target, assumeRole: { roleArn, sessionName: roleSessionName(stackId) } };
}

/** `<stack name>` from the StackId, in the characters and length (2 to 64) STS allows for a session name. */
export function roleSessionName(stackId: string): string {
  const stackName = /:stack\/([^/]+)\//.exec(stackId)?.[1] ?? 'stack';
  return `cfn-${stackName}`.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}
