// A local Partner Central Selling endpoint on 127.0.0.1: the service's awsJson1_0 protocol for
// CreateEngagementInvitation, GetEngagementInvitation and ListEngagementInvitations (SENDER view;
// invitation-operations.ts), for CreateEngagement, GetEngagement, CreateEngagementContext and UpdateEngagementContext
// (engagement-operations.ts) and ListEngagements (engagement-list.ts), each request validated against the committed
// Smithy model (model-validator.ts, never the construct's own rule table), idempotent on ClientToken, with fault
// injection and the service's undocumented answers chosen by options (access.ts) for tests and the local deploy.
// Point the SDK at it with AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING=<url>.
import * as http from 'node:http';
import { checkedOperations, checkedSenderInvitationReads, iamDenied, SenderInvitationReads } from './access';
import { ContextTypesMatch, listEngagements } from './engagement-list';
import { ENGAGEMENT_OPERATIONS } from './engagement-operations';
import { EngagementStore } from './engagement-store';
import { createInvitation, getInvitation, InvitationContext, listInvitations } from './invitation-operations';
import { formatFieldName, ModelViolation, validateOperationInput } from './model-validator';
import { operationClass, QuotaOptions, RequestQuotas } from './quotas';
import { ServiceError, validationException } from './service-error';
import { InvitationStore } from './store';
import { signingAccessKeyId } from '../aws-query-server';
import { listenOnLoopback } from '../loopback-server';

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

/** Which calls an injected fault waits for: the next writes, or the next calls of any kind. */
export type FaultScope = 'writes' | 'all';

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
  /**
   * What GetEngagementInvitation answers the account that sent the invitation (every invitation this endpoint
   * holds), which the service does not document: 'content' the whole invitation with Payload and InvitationMessage,
   * 'summary' the same without them, 'denied' AccessDeniedException (403). See access.ts. @default 'content'
   */
  readonly senderInvitationReads?: SenderInvitationReads;
  /**
   * Operations (names of the model's operations, such as 'ListEngagements') that answer AccessDeniedException (403)
   * as when the caller's IAM policy does not allow them, before the request is validated: a handler role without
   * read permissions. @default - none
   */
  readonly deniedOperations?: readonly string[];
  /**
   * How ListEngagements reads several ContextTypes or ExcludeContextTypes, which the model leaves open: 'any' of the
   * types or 'all' of them (engagement-list.ts). @default 'any'
   */
  readonly contextTypesMatch?: ContextTypesMatch;
  /**
   * ListEngagements and ListEngagementInvitations leave out what was created less than this many ms ago: the
   * service does not document whether its listings are consistent with a create just answered. @default 0
   */
  readonly listLagMs?: number;
  /**
   * Validation messages quote the refused value, in the form many AWS services use ("1 validation error detected:
   * Value '…' at '…' failed to satisfy constraint: …"). Whether Partner Central's do is not documented; a client must
   * keep such values out of what it reports either way. @default false
   */
  readonly quoteValuesInErrors?: boolean;
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
  /**
   * The next `count` calls in `scope` get `fault`: by default the writes (every operation but Get* and List*), which
   * is what a rehearsal of a refused, throttled or lost write means; 'all' counts the reads too.
   */
  injectFaults(fault: Fault, count: number, scope?: FaultScope): void;
  /** Delay every answer by `ms`. */
  setDelay(ms: number): void;
  /** Throttle this fraction of the following calls, chosen by a pseudo-random sequence started from `seed`. */
  throttleFraction(fraction: number, seed?: number): void;
  /** From now on, what a sender's GetEngagementInvitation answers (EndpointOptions.senderInvitationReads). */
  setSenderInvitationReads(mode: SenderInvitationReads): void;
  /** From now on, exactly these operations are denied (EndpointOptions.deniedOperations); [] allows all again. */
  denyOperations(operations: readonly string[]): void;
  /** From now on, how long a new engagement or invitation stays out of List answers (EndpointOptions.listLagMs). */
  setListLag(ms: number): void;
  /** From now on, whether validation messages quote the refused values (EndpointOptions.quoteValuesInErrors). */
  quoteValuesInErrors(quote: boolean): void;
  close(): Promise<void>;
}

/** What the options set, read on every call so that a test can switch it while the endpoint runs. */
interface Settings {
  senderInvitationReads: SenderInvitationReads;
  deniedOperations: Set<string>;
  contextTypesMatch: ContextTypesMatch;
  listLagMs: number;
  quoteValuesInErrors: boolean;
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
  const settings: Settings = {
    senderInvitationReads: checkedSenderInvitationReads(options.senderInvitationReads ?? 'content'),
    deniedOperations: checkedOperations(options.deniedOperations ?? []),
    contextTypesMatch: checkedContextTypesMatch(options.contextTypesMatch ?? 'any'),
    listLagMs: checkedLag(options.listLagMs ?? 0),
    quoteValuesInErrors: options.quoteValuesInErrors ?? false,
  };
  const context: Context = {
    account, store, engagementStore: engagements, engagements: options.engagements, strictEngagements: options.strictEngagements ?? false, settings,
  };
  const calls: WireCall[] = [];
  const faults: Array<{ fault: Fault; scope: FaultScope }> = [];
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
      const queued = faults.findIndex((f) => f.scope === 'all' || operationClass(operation) !== 'read');
      const fault = (queued >= 0 ? faults.splice(queued, 1)[0].fault : undefined)
        ?? (throttle.next() < throttle.fraction ? 'throttle' : undefined);
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
    injectFaults: (fault, count, scope = 'writes') => { for (let i = 0; i < count; i++) faults.push({ fault, scope }); },
    setDelay: (ms) => { delayMs = ms; },
    throttleFraction: (fraction, seed = 1) => { throttle = { fraction, next: pseudoRandom(seed) }; },
    setSenderInvitationReads: (mode) => { settings.senderInvitationReads = checkedSenderInvitationReads(mode); },
    denyOperations: (operations) => { settings.deniedOperations = checkedOperations(operations); },
    setListLag: (ms) => { settings.listLagMs = checkedLag(ms); },
    quoteValuesInErrors: (quote) => { settings.quoteValuesInErrors = quote; },
    close: loopback.close,
  };
}

function checkedContextTypesMatch(match: string): ContextTypesMatch {
  if (match !== 'any' && match !== 'all') throw new Error(`contextTypesMatch must be any or all (got ${JSON.stringify(match)})`);
  return match;
}

function checkedLag(ms: number): number {
  if (!(ms >= 0 && Number.isFinite(ms))) throw new Error(`listLagMs must be a finite number >= 0 (got ${ms})`);
  return ms;
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

interface Context extends InvitationContext {
  readonly account: string;
  readonly settings: Settings;
}

/** The operations served, by name; each gets a body already valid against the operation's input in the model. */
const OPERATIONS: Readonly<Record<string, (body: Record<string, any>, context: Context) => object>> = {
  CreateEngagementInvitation: createInvitation,
  GetEngagementInvitation: getInvitation,
  ListEngagementInvitations: listInvitations,
  ListEngagements: (body, context) => listEngagements(body, context.engagementStore, context.settings),
  ...Object.fromEntries(Object.entries(ENGAGEMENT_OPERATIONS)
    .map(([name, handler]) => [name, (body: Record<string, any>, context: Context) => handler(body, context.engagementStore)])),
};

function dispatch(operation: string, req: http.IncomingMessage, body: Record<string, any> | undefined, context: Context): object {
  if (req.method !== 'POST' || !String(req.headers['content-type'] ?? '').startsWith('application/x-amz-json-1.0')) {
    throw new ServiceError('ValidationException', 400, 'Expected POST / with Content-Type application/x-amz-json-1.0',
      { Reason: 'REQUEST_VALIDATION_FAILED' });
  }
  // IAM decides on the action before the service reads the request.
  if (context.settings.deniedOperations.has(operation)) throw iamDenied(context.account, operation);
  if (!body) throw validationError([{ path: [], fieldName: formatFieldName([]), message: 'The body is not a JSON object', code: 'INVALID_VALUE' }]);
  const handler = Object.prototype.hasOwnProperty.call(OPERATIONS, operation) ? OPERATIONS[operation] : undefined;
  if (!handler) throw new ServiceError('UnknownOperationException', 400, `Unsupported operation ${operation.slice(0, 80)}`);
  const violations = validateOperationInput(operation, body);
  violations.push(...documentedViolations(operation, body, violations));
  if (violations.length > 0) throw validationError(violations, context.settings.quoteValuesInErrors ? body : undefined);
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

/** The service's ValidationException: HTTP 400, Reason, and an ErrorList naming each field in the wire shape. */
function validationError(violations: ModelViolation[], quoting?: Record<string, any>): ServiceError {
  const error = validationException('REQUEST_VALIDATION_FAILED', violations.map((v) => ({ FieldName: v.fieldName, Message: v.message, Code: v.code })));
  if (!quoting) return error;
  const valueAt = (path: ReadonlyArray<string | number>) => path.reduce<any>((value, key) => value?.[key], quoting);
  const quoted = violations.map((v) => `Value '${String(valueAt(v.path))}' at '${v.fieldName}' failed to satisfy constraint: ${v.message}`);
  return new ServiceError(error.type, error.status, `${violations.length} validation error(s) detected: ${quoted.join('; ')}`, error.extra);
}
