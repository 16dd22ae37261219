// Partner Central Selling's request quotas, enforced as token buckets per operation class, as documented in the
// AWS Partner Central developer guide ("Quotas for the AWS Partner Central Selling API"): write actions 1 request
// per second per partner account, CreateEngagement 15 per second, read actions 10 per second. The service answers a
// request over its rate with ThrottlingException (HTTP 429). The guide gives rates, not bursts: a bucket holds one
// second's worth of requests by default, and the invitation's rate and burst can be set.

export type OperationClass = 'write' | 'createEngagement' | 'read';

/** Requests per second of each class. */
export const DOCUMENTED_RATES: Readonly<Record<OperationClass, number>> = { write: 1, createEngagement: 15, read: 10 };

export interface QuotaOptions {
  /** Requests per second of the write class, which CreateEngagementInvitation belongs to. @default 1 */
  readonly invitationRate?: number;
  /** How many write requests may arrive at once after a quiet period. @default 1 */
  readonly invitationBurst?: number;
  /** The clock, in ms (tests). @default performance.now */
  readonly now?: () => number;
}

/** The class of an operation: reads are Get* and List*, CreateEngagement has its own quota, the rest are writes. */
export function operationClass(operation: string): OperationClass {
  if (/^(Get|List)/.test(operation)) return 'read';
  return operation === 'CreateEngagement' ? 'createEngagement' : 'write';
}

/** `rate` tokens per second, at most `burst` stored; a request takes one or is refused. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  public constructor(private readonly rate: number, private readonly burst: number, private readonly now: () => number) {
    if (!(rate > 0) || !(burst >= 1)) throw new Error(`a token bucket needs a rate > 0 and a burst >= 1 (got ${rate}, ${burst})`);
    this.tokens = burst;
    this.last = now();
  }

  public tryTake(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** The account's buckets: `admit(operation)` says whether the request is within its class's quota. */
export class RequestQuotas {
  private readonly buckets: Record<OperationClass, TokenBucket>;

  public constructor(options: QuotaOptions = {}) {
    const now = options.now ?? (() => performance.now());
    const writeRate = options.invitationRate ?? DOCUMENTED_RATES.write;
    this.buckets = {
      write: new TokenBucket(writeRate, options.invitationBurst ?? Math.max(1, writeRate), now),
      createEngagement: new TokenBucket(DOCUMENTED_RATES.createEngagement, DOCUMENTED_RATES.createEngagement, now),
      read: new TokenBucket(DOCUMENTED_RATES.read, DOCUMENTED_RATES.read, now),
    };
  }

  public admit(operation: string): boolean {
    return this.buckets[operationClass(operation)].tryTake();
  }
}
