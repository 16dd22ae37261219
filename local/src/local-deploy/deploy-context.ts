// What the local deploy is given (DeployerOptions), what it reports (ProgressEvent), and the context one stack
// operation shares between the deployer, the resource operations and the rollback.
import { BackgroundWork } from './background-work';
import type { SentEvent } from './custom-resource-invoker';
import { ResponseReceiver } from './response-receiver';
import { Environment } from './simulated-resources';
import type { StackInputOptions } from './stack-inputs';
import { DeployedResource, StackStateStore } from './stack-state';

export const STACK_TYPE = 'AWS::CloudFormation::Stack';

/** Resources of a stack in progress at the same time, at most (CloudFormation documents no such figure). */
export const DEFAULT_CONCURRENCY = 16;

export interface ProgressEvent {
  readonly stackName: string;
  readonly logicalId: string;
  readonly resourceType: string;
  readonly status: string;
  readonly physicalId?: string;
  readonly reason?: string;
  /** The custom resource event's RequestId (the invitation's ClientToken). */
  readonly requestId?: string;
  readonly durationMs?: number;
}

/** Where the deployer publishes each stack's status (the local CloudFormation endpoint's DescribeStacks). */
export interface StackStatusSink {
  setStackStatus(stackId: string, stackName: string, status: string): void;
}

export interface DeployerOptions {
  readonly states: StackStateStore;
  readonly env: Environment;
  readonly receiver: ResponseReceiver;
  /** Added to every function's environment: the local endpoints' URLs and dummy credentials. */
  readonly functionEnvironment: Record<string, string>;
  readonly report: (event: ProgressEvent) => void;
  /** Told every stack status as the stack moves. @default - statuses are only reported */
  readonly cloudFormation?: StackStatusSink;
  /** Real seconds per CloudFormation/Lambda second: the ServiceTimeout wait of an unanswered event and Lambda's retry
   * delays. @default 1 (as in AWS: an unanswered invitation holds the stack for its ServiceTimeout) */
  readonly timeoutScale?: number;
  /** Every event is delivered twice with the same RequestId (Lambda's at-least-once delivery). @default false */
  readonly duplicateDelivery?: boolean;
  /** After a successful replacement and a later failure, the rollback also sends the old physical id an Update back
   * to its old properties (whether CloudFormation does is not documented; both must be safe). @default false */
  readonly rollbackUpdateAfterReplacement?: boolean;
  /** Logical ids whose create or update fails, as if their service refused it (fault injection). @default - none */
  readonly failResources?: readonly string[];
  /** Resources of a stack created or updated at the same time where no dependency orders them.
   * @default DEFAULT_CONCURRENCY */
  readonly concurrency?: number;
  /** What happens to resources still in progress when another fails (not documented for CloudFormation): `wait` for
   * them before the rollback, or `cancel` them at once (in-flight.ts). @default 'wait' */
  readonly inFlight?: InFlightMode;
  /** Where a cancelled resource's invocation goes on running, to be awaited at the end. @default - not awaited */
  readonly background?: BackgroundWork;
  /** After each stack operation, every custom resource event it sent is delivered once more, as Lambda's
   * at-least-once delivery may do late (late-redelivery.ts). @default false */
  readonly redeliverLate?: boolean;
  /** Template parameter values (--parameters) and the local account's Systems Manager values (--ssm), checked before
   * anything of a stack is created (stack-inputs.ts). @default - none given: Defaults, previous values */
  readonly inputs?: StackInputOptions;
}

export type InFlightMode = 'wait' | 'cancel';

/** One stack operation in progress. */
export interface StackContext {
  readonly stackName: string;
  readonly stackId: string;
  /** The stack's resources as deployed so far (custom resources find their function here by ServiceToken). */
  readonly resources: Record<string, DeployedResource>;
  /** The stack's resources before this operation (the function of a custom resource being removed is among them). */
  readonly previous?: Record<string, DeployedResource>;
  readonly options: DeployerOptions;
  /** Every custom resource event this operation sent, in order. */
  readonly sentEvents?: SentEvent[];
}

/** Reports a resource's progress within the stack of `ctx`. */
export function reportResource(ctx: StackContext, logicalId: string, resourceType: string, status: string, extra: Partial<ProgressEvent> = {}) {
  ctx.options.report({ stackName: ctx.stackName, logicalId, resourceType, status, ...extra });
}

/** Moves the stack to `status`: reported, and published for DescribeStacks with the StackId the events carry. */
export function setStackStatus(ctx: Omit<StackContext, 'resources'>, status: string, reason?: string) {
  ctx.options.cloudFormation?.setStackStatus(ctx.stackId, ctx.stackName, status);
  ctx.options.report({ stackName: ctx.stackName, logicalId: ctx.stackName, resourceType: STACK_TYPE, status, ...(reason ? { reason } : {}) });
}
