// The local endpoint's engagements: what CreateEngagement, CreateEngagementContext and UpdateEngagementContext leave
// in the account, kept in the invitation store's state file (store.ts) so one file holds the whole account.
import { createHash, randomInt } from 'node:crypto';
import { canonicalJson } from '../canonical-json';

export interface StoredContext {
  readonly Id: string;
  readonly Type: string;
  Payload: Record<string, any>;
}

export interface StoredEngagement {
  readonly Id: string;
  readonly Arn: string;
  readonly Catalog: string;
  readonly Title?: string;
  readonly Description?: string;
  readonly CreatedAt: string;
  readonly CreatedBy: string;
  MemberCount: number;
  ModifiedAt: string;
  ModifiedBy: string;
  readonly Contexts: StoredContext[];
}

/** The persisted part: engagements, and `<operation>:<ClientToken>` → the body's hash and the first answer. */
export interface EngagementState {
  engagements: StoredEngagement[];
  tokens: Record<string, { bodyHash: string; response: object }>;
}

export type Replay = { kind: 'new' } | { kind: 'replayed'; response: object } | { kind: 'conflict' };

/** GetEngagementResponse.Contexts and CreateEngagementRequest.Contexts: `smithy.api#length` max 5 (EngagementContexts). */
export const MAX_CONTEXTS = 5;
const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export class EngagementStore {
  /**
   * `state` is owned by the caller's file-backed store, `save` writes it; `region` goes into ARNs: the Engagement
   * resource's `aws.api#arn` trait is `catalog/{Catalog}/engagement/{Identifier}` with `noAccount: true`, i.e.
   * arn:aws:partnercentral:<region>::catalog/<Catalog>/engagement/<id>.
   */
  public constructor(private readonly state: EngagementState, private readonly save: () => void,
    private readonly account: string, private readonly region: string) {}

  /** ClientToken idempotency: the same operation, token and body replay the first answer; another body conflicts. */
  public replay(operation: string, clientToken: string, body: object): Replay {
    const previous = this.state.tokens[`${operation}:${clientToken}`];
    if (!previous) return { kind: 'new' };
    return previous.bodyHash === hash(body) ? { kind: 'replayed', response: previous.response } : { kind: 'conflict' };
  }

  /** Remembers the answer to a token's first request, and saves the state. */
  public remember(operation: string, clientToken: string, body: object, response: object): void {
    this.state.tokens[`${operation}:${clientToken}`] = { bodyHash: hash(body), response };
    this.save();
  }

  /**
   * A new engagement of `request.Catalog`, created by this account; `createdBy` another account seeds one this account
   * is a member of (it counts two members then: the creator and this account).
   */
  public create(request: { Catalog: string; Title?: string; Description?: string }, contexts: StoredContext[],
    createdBy = this.account): StoredEngagement {
    const id = `eng-${Array.from({ length: 14 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('')}`;
    const now = new Date().toISOString();
    const engagement: StoredEngagement = {
      Id: id,
      Arn: `arn:aws:partnercentral:${this.region}::catalog/${request.Catalog}/engagement/${id}`,
      Catalog: request.Catalog,
      ...(request.Title !== undefined ? { Title: request.Title } : {}),
      ...(request.Description !== undefined ? { Description: request.Description } : {}),
      CreatedAt: now,
      CreatedBy: createdBy,
      // The CreateEngagement documentation: "automatically adds the caller's AWS account as an active member".
      MemberCount: createdBy === this.account ? 1 : 2,
      ModifiedAt: now,
      ModifiedBy: createdBy,
      Contexts: contexts,
    };
    this.state.engagements.push(engagement);
    this.save();
    return engagement;
  }

  /** Every engagement of the account, oldest first. */
  public list(): readonly StoredEngagement[] {
    return this.state.engagements;
  }

  /** By id or ARN (EngagementArnOrIdentifier), in `catalog`. */
  public get(catalog: string, identifier: string): StoredEngagement | undefined {
    return this.state.engagements.find((e) => e.Catalog === catalog && (e.Id === identifier || e.Arn === identifier));
  }

  /** Marks `engagement` modified by the caller now: a ModifiedAt later than the previous one, even within a millisecond. */
  public touch(engagement: StoredEngagement): void {
    const next = Math.max(Date.now(), Date.parse(engagement.ModifiedAt) + 1);
    engagement.ModifiedAt = new Date(next).toISOString();
    engagement.ModifiedBy = this.account;
    this.save();
  }
}

/**
 * The next free context id. The model says only `^(?s).{1,3}$` (EngagementContextIdentifier) and documents no
 * assignment rule; the 2026-08 model's ContextIdentifier (`^[1-9][0-9]*$`) suggests numbers counted from 1.
 */
export function nextContextId(taken: ReadonlyArray<{ Id: string }>): string {
  let n = 1;
  while (taken.some((c) => c.Id === String(n))) n++;
  return String(n);
}

/** Key order does not make a different body. */
function hash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
