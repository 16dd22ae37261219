// Late and racing events send nothing. CloudFormation sends Creates and forward Updates only while the stack is in
// CREATE_IN_PROGRESS or UPDATE_IN_PROGRESS; an event that arrives in another status was delivered late (Lambda
// retries a throttled asynchronous invocation for hours unless the function's maximum event age says otherwise) or
// outlived its deployment (a rollback began while it waited for the write quota). Such an event sends nothing, and
// a write that is being retried stops as soon as the stack has moved on.
import { isSending, ReadStackStatus } from './stack-status';
import { countRead, TimeBudget } from './types';

/** The error that ends a send whose stack left CREATE_IN_PROGRESS/UPDATE_IN_PROGRESS; its message holds no value. */
export class StackNotInProgressError extends Error {
  public constructor(status: string) {
    super(`the stack is ${status}: CloudFormation sends a Create or a forward Update only in CREATE_IN_PROGRESS or `
      + 'UPDATE_IN_PROGRESS, so no one waits for this event any more and nothing more was sent for it');
    this.name = 'StackNotInProgress';
  }
}

/**
 * Throws StackNotInProgressError when the stack is readable and not in a sending status. A status that cannot be read
 * lets the send go on: sending once, with the RequestId as ClientToken, is what the handler does without reads.
 */
export async function assertStackSending(stackId: string, read: ReadStackStatus, budget: TimeBudget): Promise<void> {
  countRead(budget, 'stackReads');
  const stack = await read(stackId, budget.abortSignal);
  if ('status' in stack && !isSending(stack.status)) throw new StackNotInProgressError(stack.status);
}
