// A local Partner Central Selling endpoint on 127.0.0.1: the service's awsJson1_0 protocol for
// CreateEngagementInvitation, GetEngagementInvitation and ListEngagementInvitations (SENDER view), and for
// CreateEngagement, GetEngagement, CreateEngagementContext and UpdateEngagementContext (engagement-operations.ts), each
// request validated against the committed Smithy model (model-validator.ts, never the construct's own rule table),
// idempotent on ClientToken, with fault injection for tests and the local deploy.
// Point the SDK at it with AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING=<url>.
import * as http from 'node:http';
import { ENGAGEMENT_OPERATIONS } from './engagement-operations';
import { EngagementStore } from './engagement-store';
import { formatFieldName, ModelViolation, validateOperationInput } from './model-validator';
import { QuotaOptions, RequestQuotas } from './quotas';
import { notFound, ServiceError } from './service-error';
import { InvitationStore, StoredInvitation } from './store';
import { listenOnLoopback } from '../loopback-server';
import { signingAccessKeyId } from '../sts-endpoint/server';

const TARGET_PREFIX = 'AWSPartnerCentralSelling.';
// Two rules the API reference (https://docs.aws.amazon.com/partner-central/latest/APIReference/API_CreateEngagementInvitation.html)
// documents beyond the model: ClientToken is `[!-~]{1,64}` there (the model only says `^.{1,255}$`), and Catalog
// accepts AWS and Sandbox (the model keeps a coarse `^[a-zA-Z]+$` and checks an allowlist at runtime).
const CLIENT_TOKEN = /^[!-~]{1,64}$/;
// The model's documentation of CreateEngagementRequest.ClientToken and CreateEngagementContextRequest.ClientToken:
// "must not exceed sixty-four alphanumeric characters"; held to the same printable-ASCII rule (a UUID has hyphens).
const CLIENT_TOKEN_CHECKED = ['CreateEngagementInvitation', 'CreateEngagement', 'CreateEngagementContext'];
const CATALOGS = ['AWS', 'Sandbox'];

/** What the next calls get instead of a normal answer. */
export type Fault = 'throttle' | 'internal' | 'quota' | 'drop' | 'hang';

export interface EndpointOptions {
  /** @default 0 (any free port) */
  readonly port?: number;
  /** The sender's account in ARNs. @default '123456789012' */
  readonly account?: string;
  /** JSON file of the account state. @default - in memory */
  readonly stateFile?: string;
  /**
   * Engagements CreateEngagementInvitation accepts besides those created through this endpoint; others get
   * ResourceNotFoundException. @default - every well-formed id exists, unless `strictEngagements` is set
   */
  readonly engagements?: readonly string[];
  /**
   * Only engagements created through this endpoint (CreateEngagement, in the invitation's catalog) or listed in
   * `engagements` exist for CreateEngagementInvitation, as in the service. Off by default so that tests and deploys
   * that invite to a made-up engagement id keep working. @default false
   */
  readonly strictEngagements?: boolean;
  /** The region in engagement ARNs (the service exists only in us-east-1). @default 'us-east-1' */
  readonly region?: string;
  /** At most this many requests are served; later ones are dropped. @default 10000 */
  readonly maxRequests?: number;
  /** Enforce the service's request quotas (quotas.ts), answering ThrottlingException over them. @default - none */
  readonly quotas?: QuotaOptions;
}

export interface WireCall {
  readonly operation: string;
  readonly clientToken?: string;
  readonly status: number | 'dropped';
  /** Why a 429 was answered: the account's quota, or an injected fault. */
  readonly throttledBy?: 'quota' | 'fault';
  /** The access key that signed the request. */
  readonly accessKeyId?: string;
  /** Time spent by the endpoint, from the request's last byte to the answer's (benchmarks subtract it). */
  durationMs?: number;
}

export interface PartnerCentralEndpoint {
  readonly url: string;
  readonly store: InvitationStore;
  readonly engagements: EngagementStore;
  /** Every call received, in order, with its wire ClientToken and what it was answered. */
  readonly calls: WireCall[];
  /** The next `count` calls get `fault`. */
  injectFaults(fault: Fault, count: number): void;
  /** Delay every answer by `ms`. */
  setDelay(ms: number): void;
  /** Throttle this fraction of the following calls, chosen by a pseudo-random sequence started from `seed`. */
  throttleFraction(fraction: number, seed?: number): void;
  close(): Promise<void>;
}

const FAULT_ERRORS: Record<'throttle' | 'internal' | 'quota', ServiceError> = {
  throttle: new ServiceError('ThrottlingException', 429, 'Rate exceeded'),
  internal: new ServiceError('InternalServerException', 500, 'An internal error occurred'),
  quota: new ServiceError('ServiceQuotaExceededException', 402, 'Service quota exceeded'),
};

export async function startPartnerCentralEndpoint(options: EndpointOptions = {}): Promise<PartnerCentralEndpoint> {
  const account = options.account ?? '123456789012';
  const store = new InvitationStore(account, options.stateFile);
  const engagements = new EngagementStore(store.engagementState(), () => store.save(), account, options.region ?? 'us-east-1');
  const context: Context = {
    store, engagementStore: engagements, engagements: options.engagements, strictEngagements: options.strictEngagements ?? false,
  };
  const calls: WireCall[] = [];
  const faults: Fault[] = [];
  let delayMs = 0;
  let throttle = { fraction: 0, next: () => 1 };
  const maxRequests = options.maxRequests ?? 10_000;
  const quotas = options.quotas ? new RequestQuotas(options.quotas) : undefined;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received = process.hrtime.bigint();
      const target = String(req.headers['x-amz-target'] ?? '');
      const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
      const body = parseBody(Buffer.concat(chunks).toString('utf8'));
      const clientToken = typeof body?.ClientToken === 'string' ? body.ClientToken : undefined;
      const accessKeyId = signingAccessKeyId(req.headers.authorization);
      const fault = faults.shift() ?? (throttle.next() < throttle.fraction ? 'throttle' : undefined);
      if (fault === 'drop' || fault === 'hang' || calls.length >= maxRequests) {
        calls.push({ operation, clientToken, status: 'dropped', accessKeyId });
        if (fault !== 'hang') req.socket.destroy();
        return; // 'hang': never answer; the client's timeout (or close()) ends it
      }
      let status = 200;
      let answer: object;
      // A request refused by the quota is not admitted, so it uses no token: only served requests count.
      const overQuota = !fault && quotas !== undefined && !quotas.admit(operation);
      try {
        if (fault) throw FAULT_ERRORS[fault];
        if (overQuota) throw FAULT_ERRORS.throttle;
        answer = dispatch(operation, req, body, context);
      } catch (error) {
        const e = error instanceof ServiceError ? error : new ServiceError('InternalServerException', 500, 'An internal error occurred');
        status = e.status;
        answer = { __type: e.type, message: e.message, ...e.extra };
        res.setHeader('x-amzn-errortype', e.type);
      }
      const throttledBy = status === 429 ? (overQuota ? 'quota' : 'fault') : undefined;
      const call: WireCall = { operation, clientToken, status, accessKeyId, ...(throttledBy ? { throttledBy } : {}) };
      calls.push(call);
      const respond = () => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify(answer), () => { call.durationMs = Number(process.hrtime.bigint() - received) / 1e6; });
      };
      if (delayMs > 0) setTimeout(respond, delayMs);
      else respond();
    });
  });
  const loopback = await listenOnLoopback(server, options.port);

  return {
    url: loopback.url,
    store,
    engagements,
    calls,
    injectFaults: (fault, count) => { for (let i = 0; i < count; i++) faults.push(fault); },
    setDelay: (ms) => { delayMs = ms; },
    throttleFraction: (fraction, seed = 1) => { throttle = { fraction, next: pseudoRandom(seed) }; },
    close: loopback.close,
  };
}

/** A small seeded generator (Park-Miller): the same seed throttles the same calls on every run. */
function pseudoRandom(seed: number): () => number {
  const modulus = 2_147_483_647;
  let state = (Math.abs(Math.floor(seed)) % (modulus - 1)) + 1;
  return () => {
    state = (state * 48_271) % modulus;
    return (state - 1) / (modulus - 1);
  };
}

function parseBody(text: string): Record<string, any> | undefined {
  try {
    const value = JSON.parse(text || '{}');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

interface Context {
  readonly store: InvitationStore;
  readonly engagementStore: EngagementStore;
  readonly engagements: readonly string[] | undefined;
  readonly strictEngagements: boolean;
}

/** The operations served, by name; each gets a body already valid against the operation's input in the model. */
const OPERATIONS: Readonly<Record<string, (body: Record<string, any>, context: Context) => object>> = {
  CreateEngagementInvitation: createInvitation,
  GetEngagementInvitation: getInvitation,
  ListEngagementInvitations: listInvitations,
  ...Object.fromEntries(Object.entries(ENGAGEMENT_OPERATIONS)
    .map(([name, handler]) => [name, (body: Record<string, any>, context: Context) => handler(body, context.engagementStore)])),
};

function dispatch(operation: string, req: http.IncomingMessage, body: Record<string, any> | undefined, context: Context): object {
  if (req.method !== 'POST' || !String(req.headers['content-type'] ?? '').startsWith('application/x-amz-json-1.0')) {
    throw new ServiceError('ValidationException', 400, 'Expected POST / with Content-Type application/x-amz-json-1.0',
      { Reason: 'REQUEST_VALIDATION_FAILED' });
  }
  if (!body) throw validationError([{ path: [], fieldName: formatFieldName([]), message: 'The body is not a JSON object', code: 'INVALID_VALUE' }]);
  const handler = Object.prototype.hasOwnProperty.call(OPERATIONS, operation) ? OPERATIONS[operation] : undefined;
  if (!handler) throw new ServiceError('UnknownOperationException', 400, `Unsupported operation ${operation.slice(0, 80)}`);
  const violations = validateOperationInput(operation, body);
  violations.push(...documentedViolations(operation, body, violations));
  if (violations.length > 0) throw validationError(violations);
  return handler(body, context);
}

/** The API reference's rules beyond the model (see CLIENT_TOKEN), for members the model found no fault with. */
function documentedViolations(operation: string, body: Record<string, any>, modelViolations: ModelViolation[]): ModelViolation[] {
  const unchecked = (name: string) => typeof body[name] === 'string' && !modelViolations.some((v) => v.path[0] === name);
  const violations: ModelViolation[] = [];
  if (CLIENT_TOKEN_CHECKED.includes(operation) && unchecked('ClientToken') && !CLIENT_TOKEN.test(body.ClientToken)) {
    violations.push({ path: ['ClientToken'], fieldName: 'ClientToken', message: 'Must be 1 to 64 printable ASCII characters ([!-~]{1,64})', code: 'INVALID_STRING_FORMAT' });
  }
  if (unchecked('Catalog') && !CATALOGS.includes(body.Catalog)) {
    violations.push({ path: ['Catalog'], fieldName: 'Catalog', message: `Must be one of ${CATALOGS.join(', ')}`, code: 'INVALID_ENUM_VALUE' });
  }
  return violations;
}

function createInvitation(body: Record<string, any>, { store, engagementStore, engagements, strictEngagements }: Context): object {
  const { ClientToken, ...request } = body;
  const listed = engagements?.includes(request.EngagementIdentifier) ?? false;
  const created = engagementStore.get(request.Catalog, request.EngagementIdentifier) !== undefined;
  if ((strictEngagements || engagements) && !listed && !created) {
    throw notFound(`Engagement ${request.EngagementIdentifier} not found`);
  }
  const result = store.create(ClientToken, request as any);
  if (result.kind === 'conflict') {
    throw new ServiceError('ConflictException', 409, 'Conflicting client token submitted for a new request body.');
  }
  return { Id: result.invitation.Id, Arn: result.invitation.Arn };
}

function getInvitation(body: Record<string, any>, { store }: Context): object {
  const invitation = store.get(body.Identifier);
  if (!invitation || invitation.Catalog !== body.Catalog) {
    throw new ServiceError('ResourceNotFoundException', 404, `Engagement invitation ${String(body.Identifier).slice(0, 120)} not found`);
  }
  return { ...summary(invitation), Payload: invitation.Payload, InvitationMessage: invitation.InvitationMessage };
}

function listInvitations(body: Record<string, any>, { store }: Context): object {
  if (body.ParticipantType !== 'SENDER') {
    // Everything this endpoint knows was sent by its own account: the receiver view is always empty.
    return { EngagementInvitationSummaries: [] };
  }
  const engagementFilter: string[] | undefined = body.EngagementIdentifier;
  const statusFilter: string[] | undefined = body.Status;
  const matching = store.list().filter((i) => i.Catalog === body.Catalog
    && (!engagementFilter?.length || engagementFilter.includes(i.EngagementId))
    && (!statusFilter?.length || statusFilter.includes(i.Status)));
  const pageSize = Math.min(Math.max(Number(body.MaxResults) || 100, 1), 100);
  const start = Number(body.NextToken ?? 0) || 0;
  const page = matching.slice(start, start + pageSize);
  return {
    EngagementInvitationSummaries: page.map((i) => ({ ...summary(i), ParticipantType: 'SENDER' })),
    ...(start + pageSize < matching.length ? { NextToken: String(start + pageSize) } : {}),
  };
}

function summary(i: StoredInvitation): object {
  return {
    Arn: i.Arn,
    Id: i.Id,
    Catalog: i.Catalog,
    EngagementId: i.EngagementId,
    PayloadType: 'OpportunityInvitation' in i.Payload ? 'OpportunityInvitation' : 'LeadInvitation',
    Status: i.Status,
    InvitationDate: i.InvitationDate,
    ExpirationDate: i.ExpirationDate,
    SenderAwsAccountId: i.SenderAwsAccountId,
    Receiver: i.Receiver,
  };
}

/** The service's ValidationException: HTTP 400, Reason, and an ErrorList naming each field in the wire shape. */
function validationError(violations: ModelViolation[]): ServiceError {
  const ErrorList = violations.map((v) => ({ FieldName: v.fieldName, Message: v.message, Code: v.code }));
  return new ServiceError('ValidationException', 400, 'The request failed validation.', { Reason: 'REQUEST_VALIDATION_FAILED', ErrorList });
}
