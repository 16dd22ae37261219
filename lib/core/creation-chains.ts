// How many invitations of a stack CloudFormation creates at the same time. CloudFormation creates resources that do
// not depend on each other in parallel, while Partner Central Selling takes 1 write request per second per partner
// account (AWS Partner Central developer guide, "Quotas for the AWS Partner Central Selling API"). The invitations
// of a stack are therefore put in a bounded number of DependsOn chains: invitation n depends on invitation n - limit.
import { CfnResource } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * Context key that sets the number of chains (`cdk.json` "context", or `-c` on the command line): a positive
 * integer, or "unlimited" for none.
 */
export const MAX_CONCURRENT_INVITATIONS_CONTEXT = 'cdk-engagement-invitation:maxConcurrentInvitations';

/**
 * 5 chains: the handler paces each invitation's write one slot per invitation in flight after its start (about 5 s at
 * 1 request/s; lambda/core/write-pacing.ts), so the chains keep the quota busy as long as CloudFormation starts the
 * next invitation of a chain within about a second of the last one's answer, and the first writes of a deployment,
 * which all want the same slot, cost few throttled calls (README, Performance). A low planned rate lowers it
 * (write-rate.ts).
 */
export const DEFAULT_MAX_CONCURRENT_INVITATIONS = 5;

/** The chain limit of `scope`'s context: undefined for "unlimited". Throws, naming the key, for anything else. */
export function maxConcurrentInvitations(scope: Construct): number | undefined {
  const value: unknown = scope.node.tryGetContext(MAX_CONCURRENT_INVITATIONS_CONTEXT);
  if (value === undefined) return DEFAULT_MAX_CONCURRENT_INVITATIONS;
  if (value === 'unlimited') return undefined;
  const limit = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
    throw new Error(`context ${MAX_CONCURRENT_INVITATIONS_CONTEXT}: ${JSON.stringify(value)} is not a positive integer or "unlimited"`);
  }
  return limit;
}

/** One stack's chains: each invitation added waits for the one added `limit` places before it. */
export class CreationChains {
  private readonly members: CfnResource[] = [];

  public constructor(private readonly limit: number | undefined) {}

  /** How many invitations the chains hold. */
  public get size(): number {
    return this.members.length;
  }

  /** The first invitation of each chain, in chain order (all of them without a limit). */
  public get heads(): readonly CfnResource[] {
    return this.limit === undefined ? [...this.members] : this.members.slice(0, this.limit);
  }

  /** Adds `resource` behind the one `limit` places before it; true if it now waits for another invitation. */
  public add(resource: CfnResource): boolean {
    const before = this.limit !== undefined ? this.members[this.members.length - this.limit] : undefined;
    if (before) {
      resource.addResourceDependency(before, `Partner Central's write quota: at most ${this.limit} invitations of a stack are created at once`);
    }
    this.members.push(resource);
    return before !== undefined;
  }
}
