// The subset of a CloudFormation custom resource event and of the Lambda context that the handler reads, and what
// both lifecycles (invitations and engagements) answer and are given.
import type { ResourceAttributes } from '../../lib/core/contract';

export type RequestType = 'Create' | 'Update' | 'Delete';

export interface CustomResourceEvent {
  readonly RequestType: RequestType;
  readonly RequestId: string;
  readonly ResponseURL: string;
  readonly StackId: string;
  readonly LogicalResourceId: string;
  readonly ResourceType?: string;
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: Record<string, unknown>;
  readonly OldResourceProperties?: Record<string, unknown>;
}

export interface LambdaContext {
  getRemainingTimeInMillis(): number;
}

/** A resource the service holds, created or found: its ARN and id. */
export interface ResourceRef {
  readonly arn: string;
  readonly id: string;
}

/** What the handler tells CloudFormation. `Data` holds only the contract's attributes (ARN and id). */
export interface Outcome {
  readonly status: 'SUCCESS' | 'FAILED';
  readonly physicalResourceId: string;
  readonly data?: ResourceAttributes;
  readonly reason?: string;
  /** The error's name, for the log line (never its message, which may quote request values). */
  readonly errorName?: string;
  /** How many Partner Central writes this event made (CreateEngagementInvitation, CreateEngagement,
   * CreateEngagementContext, UpdateEngagementContext; retries not counted). */
  readonly apiCalls: number;
  /** How many times the stack's status was read (DescribeStacks). Filled in by the entry point from `ReadCounts`. */
  readonly stackReads?: number;
  /** How many Partner Central reads (List*, Get*) this event made, retries not counted. Filled in by the entry point. */
  readonly serviceReads?: number;
  /** Engagement contexts a rollback could not restore (ids only), left as the service holds them. */
  readonly contextsLeft?: readonly string[];
  /** SUCCESS without a write because the service already held the resource (adopted, or already converged). */
  readonly adopted?: boolean;
}

/** Reads made for one event, counted as they happen (a timeout still reports them). */
export interface ReadCounts {
  stackReads: number;
  serviceReads: number;
}

/** The event's time budget: the abort signal fires at the deadline (epoch ms), when the handler answers FAILED. */
export interface TimeBudget {
  readonly abortSignal: AbortSignal;
  readonly deadline: number;
  /** When the invocation started (epoch ms): a paced write counts its round from it. @default - when the write is made */
  readonly startedAt?: number;
  readonly counts?: ReadCounts;
}

/** Counts one read of `kind` in the event's budget. */
export function countRead(budget: TimeBudget, kind: keyof ReadCounts): void {
  if (budget.counts) budget.counts[kind] += 1;
}

/** What a look at the service found. `unreadable`: the reason it could not look (the handler then sends). */
export type Lookup<T> = { readonly found: T } | { readonly notFound: true } | { readonly unreadable: string };
