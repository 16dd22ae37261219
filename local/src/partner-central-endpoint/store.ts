// The local endpoint's account state: sent invitations and the ClientTokens that created them, and the engagements
// (engagement-store.ts), kept in one JSON file (under the gitignored .local/ folder) so repeated local deploys behave
// like one account.
import { createHash, randomInt } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EngagementState } from './engagement-store';
import { canonicalJson } from '../canonical-json';

export const INVITATION_LIFETIME_DAYS = 15;

export interface StoredInvitation {
  readonly Id: string;
  readonly Arn: string;
  readonly Catalog: string;
  readonly EngagementId: string;
  readonly Status: 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'EXPIRED';
  readonly InvitationDate: string;
  readonly ExpirationDate: string;
  readonly SenderAwsAccountId: string;
  readonly InvitationMessage: string;
  readonly Receiver: unknown;
  readonly Payload: Record<string, unknown>;
}

interface State {
  invitations: StoredInvitation[];
  /** ClientToken → the request body's hash and the invitation it created. */
  tokens: Record<string, { bodyHash: string; invitationId: string }>;
  /** Absent in state files written before engagements were kept. */
  engagements?: EngagementState;
}

export type CreateResult = { kind: 'created' | 'replayed'; invitation: StoredInvitation } | { kind: 'conflict' };

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export class InvitationStore {
  private state: State;

  /** `stateFile` undefined keeps the state in memory only. */
  public constructor(private readonly account: string, private readonly stateFile?: string) {
    this.state = stateFile && fs.existsSync(stateFile)
      ? JSON.parse(fs.readFileSync(stateFile, 'utf8')) as State
      : { invitations: [], tokens: {} };
  }

  /** The engagements' part of the state, created empty when the file has none; `save()` writes it with the rest. */
  public engagementState(): EngagementState {
    this.state.engagements ??= { engagements: [], tokens: {} };
    return this.state.engagements;
  }

  /** Idempotent on ClientToken: the same token and body replay the first result, another body is a conflict. */
  public create(clientToken: string, request: { Catalog: string; EngagementIdentifier: string; Invitation: any }): CreateResult {
    const bodyHash = hash(request);
    const previous = this.state.tokens[clientToken];
    if (previous) {
      if (previous.bodyHash !== bodyHash) return { kind: 'conflict' };
      return { kind: 'replayed', invitation: this.get(previous.invitationId)! };
    }
    const id = `engi-${Array.from({ length: 13 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('')}`;
    const now = new Date();
    const invitation: StoredInvitation = {
      Id: id,
      Arn: `arn:aws:partnercentral::${this.account}:${request.Catalog}/engagement-invitation/${id}`,
      Catalog: request.Catalog,
      EngagementId: request.EngagementIdentifier,
      Status: 'PENDING',
      InvitationDate: now.toISOString(),
      ExpirationDate: new Date(now.getTime() + INVITATION_LIFETIME_DAYS * 86_400_000).toISOString(),
      SenderAwsAccountId: this.account,
      InvitationMessage: request.Invitation.Message,
      Receiver: request.Invitation.Receiver,
      Payload: request.Invitation.Payload,
    };
    this.state.invitations.push(invitation);
    this.state.tokens[clientToken] = { bodyHash, invitationId: id };
    this.save();
    return { kind: 'created', invitation };
  }

  /** By id or ARN. */
  public get(identifier: string): StoredInvitation | undefined {
    return this.state.invitations.find((i) => i.Id === identifier || i.Arn === identifier);
  }

  public list(): readonly StoredInvitation[] {
    return this.state.invitations;
  }

  /**
   * What the receiver (or time) did with an invitation: ACCEPTED or REJECTED by the receiver
   * (AcceptEngagementInvitation / RejectEngagementInvitation, which this endpoint, holding only the sender's side,
   * does not serve), or EXPIRED after 15 days. For tests and rehearsals of what a redeploy does with such an invitation.
   */
  public setStatus(identifier: string, status: StoredInvitation['Status']): void {
    const index = this.state.invitations.findIndex((i) => i.Id === identifier || i.Arn === identifier);
    if (index < 0) throw new Error(`no invitation ${identifier}`);
    this.state.invitations[index] = { ...this.state.invitations[index], Status: status };
    this.save();
  }

  public save(): void {
    if (!this.stateFile) return;
    fs.mkdirSync(path.dirname(this.stateFile), { recursive: true });
    fs.writeFileSync(this.stateFile, `${JSON.stringify(this.state, undefined, 2)}\n`);
  }
}

/** Key order does not make a different body. */
function hash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
