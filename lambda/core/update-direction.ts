// Whether an Update that would change something is a forward change or one CloudFormation sends to roll back: the
// stack's status decides (stack-status.ts), read again within the event's time while DescribeStacks is throttled or
// failing; when it still cannot be read, or says neither, nothing may be sent.
import { FORWARD_UPDATE_STATUS, isRollback, ReadStackStatus, readStackStatusWithin } from './stack-status';
import { countRead, Outcome, TimeBudget } from './types';

export type UpdateDirection =
  | { readonly direction: 'forward' | 'rollback' }
  | { readonly direction: 'unknown'; readonly failure: Outcome };

export async function updateDirection(
  stackId: string,
  physicalResourceId: string,
  readStackStatus: ReadStackStatus,
  budget: TimeBudget,
): Promise<UpdateDirection> {
  const stack = await readStackStatusWithin(stackId, readStackStatus, budget, () => countRead(budget, 'stackReads'));
  if ('unreadable' in stack) {
    return unknown(physicalResourceId, 'StackStatusUnavailable', 'StackStatusUnavailable: nothing was sent, because the '
      + `stack's status could not be read to tell this Update from a rollback (${stack.unreadable}). The rollback `
      + 'that follows sends nothing either. Allow cloudformation:DescribeStacks on this stack, then deploy again.');
  }
  if (isRollback(stack.status)) return { direction: 'rollback' };
  if (stack.status === FORWARD_UPDATE_STATUS) return { direction: 'forward' };
  return unknown(physicalResourceId, 'StackNotInProgress', 'StackNotInProgress: nothing was sent: the stack is '
    + `${stack.status}, and changes are sent only for an Update in ${FORWARD_UPDATE_STATUS}`);
}

function unknown(physicalResourceId: string, errorName: string, reason: string): UpdateDirection {
  return { direction: 'unknown', failure: { status: 'FAILED', physicalResourceId, reason, errorName, apiCalls: 0 } };
}
