// The one Partner Central call the handler makes, with retries sized to fit the function's timeout.
import { CreateEngagementInvitationCommand, PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';

/** The request the construct writes into the resource properties, in the API's shape. */
export interface InvitationRequest {
  readonly Catalog: string;
  readonly EngagementIdentifier: string;
  readonly Invitation: Record<string, unknown>;
}

export interface CreatedInvitation {
  readonly Arn: string;
  readonly Id: string;
}

/** The service exists only in us-east-1; `ApiRegion` in the properties overrides it. */
export const DEFAULT_API_REGION = 'us-east-1';

// 4 attempts of at most 8 s each plus backoff stay well inside the 60 s function timeout; throttling and 5xx are
// retried by the SDK's standard strategy, other 4xx fail at once.
const MAX_ATTEMPTS = 4;
const REQUEST_TIMEOUT_MS = 8_000;
const CONNECTION_TIMEOUT_MS = 3_000;

const clients = new Map<string, PartnerCentralSellingClient>();

function clientFor(region: string): PartnerCentralSellingClient {
  let client = clients.get(region);
  if (!client) {
    // The endpoint can only be overridden through the SDK's own AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING.
    client = new PartnerCentralSellingClient({
      region,
      maxAttempts: MAX_ATTEMPTS,
      retryMode: 'standard',
      requestHandler: { requestTimeout: REQUEST_TIMEOUT_MS, connectionTimeout: CONNECTION_TIMEOUT_MS },
    });
    clients.set(region, client);
  }
  return client;
}

export async function createEngagementInvitation(
  request: InvitationRequest,
  clientToken: string,
  region: string,
  abortSignal: AbortSignal,
): Promise<CreatedInvitation> {
  const command = new CreateEngagementInvitationCommand({
    Catalog: request.Catalog,
    EngagementIdentifier: request.EngagementIdentifier,
    Invitation: request.Invitation as never,
    ClientToken: clientToken,
  });
  const { Arn, Id } = await clientFor(region).send(command, { abortSignal });
  if (!Arn || !Id) throw Object.assign(new Error('the response has no Arn or Id'), { name: 'InvalidResponse' });
  return { Arn, Id };
}

interface ServiceErrorShape {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly ErrorList?: ReadonlyArray<{ FieldName?: string; Code?: string }>;
  readonly $metadata?: { readonly attempts?: unknown };
}

/** `ErrorName: message [fields: A (CODE), B (CODE)] (after N attempts)`, the FAILED reason CloudFormation shows. */
export function describeError(error: unknown): { name: string; reason: string } {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as ServiceErrorShape;
  const name = typeof e.name === 'string' && e.name ? e.name : 'Error';
  const message = typeof e.message === 'string' && e.message ? e.message : 'no message';
  const fields = (e.ErrorList ?? [])
    .map((item) => `${item.FieldName ?? '(request)'}${item.Code ? ` (${item.Code})` : ''}`);
  const attempts = typeof e.$metadata?.attempts === 'number' && e.$metadata.attempts > 1 ? ` (after ${e.$metadata.attempts} attempts)` : '';
  return { name, reason: `${name}: ${message}${fields.length ? ` [fields: ${fields.join(', ')}]` : ''}${attempts}` };
}
