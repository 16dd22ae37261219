// The one send of both resource types, converge-don't-replay: the stack must still be waiting (send-gate.ts), an
// identical resource the service already holds is adopted, and only otherwise is the resource created, once, with the
// event's RequestId as ClientToken, each retry checking the stack's status first.
import { AttemptSchedule, RetryOptions } from './call-retries';
import { failed } from './outcomes';
import { formatPhysicalId } from './physical-id';
import { assertStackSending } from './send-gate';
import { describeError } from './service-errors';
import { ReadStackStatus } from './stack-status';
import { CustomResourceEvent, Lookup, Outcome, ResourceRef, TimeBudget } from './types';
import { resourceAttributes } from '../../lib/core/contract';

export interface AdoptOrCreate {
  readonly event: CustomResourceEvent;
  readonly budget: TimeBudget;
  readonly readStackStatus: ReadStackStatus;
  /** The caller already saw the stack in a sending status (a forward Update). */
  readonly statusRead: boolean;
  /** The request, whose sensitive values are kept out of a failure's reason. */
  readonly request: unknown;
  /** The fingerprint the physical id records. */
  readonly fingerprint: string;
  /** The physical id a failure answers. */
  readonly failureId: string;
  readonly find: () => Promise<Lookup<ResourceRef>>;
  /** The write, with the event's RequestId as ClientToken. */
  readonly create: (clientToken: string, retry: RetryOptions) => Promise<ResourceRef>;
  /** When the write's attempts go out (write-pacing.ts); at once without it. */
  readonly schedule?: AttemptSchedule;
}

export async function adoptOrCreate(o: AdoptOrCreate): Promise<Outcome> {
  let apiCalls = 0;
  const answer = ({ arn, id }: ResourceRef, adopted: boolean): Outcome => ({
    status: 'SUCCESS', physicalResourceId: formatPhysicalId(arn, o.fingerprint), data: resourceAttributes(arn, id), apiCalls, ...(adopted ? { adopted } : {}),
  });
  try {
    if (!o.statusRead) await assertStackSending(o.event.StackId, o.readStackStatus, o.budget);
    const held = await o.find();
    if ('found' in held) return answer(held.found, true);
    apiCalls = 1;
    // Lambda's retries of this event, and the handler's own retries of the call, carry the same token: the service
    // answers them with what the first created.
    const created = await o.create(o.event.RequestId, {
      ...o.budget,
      beforeRetry: () => assertStackSending(o.event.StackId, o.readStackStatus, o.budget),
      ...(o.schedule ? { schedule: o.schedule } : {}),
    });
    return answer(created, false);
  } catch (error) {
    const { name, reason } = describeError(error, o.request);
    // A paced write the stack's status stopped before its first attempt sent nothing.
    return { ...failed(o.failureId, name, reason), apiCalls: attemptsMade(error) === 0 ? 0 : apiCalls };
  }
}

/** The attempts withRetries counted on the error it threw (undefined when it did not come from there). */
function attemptsMade(error: unknown): number | undefined {
  const attempts = (error as { $metadata?: { attempts?: unknown } } | undefined)?.$metadata?.attempts;
  return typeof attempts === 'number' ? attempts : undefined;
}
