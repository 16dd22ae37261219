// The subset of a CloudFormation custom resource event and of the Lambda context that the handler reads.

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

/** What the handler tells CloudFormation. `Data` holds only `Arn` and `Id`. */
export interface Outcome {
  readonly status: 'SUCCESS' | 'FAILED';
  readonly physicalResourceId: string;
  readonly data?: { readonly Arn: string; readonly Id: string };
  readonly reason?: string;
  /** The error's name, for the log line (never its message, which may quote request values). */
  readonly errorName?: string;
  /** How many CreateEngagementInvitation calls this event made (0 or 1; SDK retries not counted). */
  readonly apiCalls: number;
  /** How many times the stack's status was read (DescribeStacks) to tell a rollback from a forward Update. */
  readonly stackReads?: number;
}
