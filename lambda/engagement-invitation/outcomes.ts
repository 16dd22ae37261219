// The two answers both lifecycles (invitations and engagements) give without calling anything.
import { ResourcePhysicalId } from './physical-id';
import { Outcome } from './types';

/** SUCCESS with the resource already there: the same physical id, its Arn and Id (none for a marker id). */
export function unchanged(physicalResourceId: string, current: ResourcePhysicalId | undefined): Outcome {
  return { status: 'SUCCESS', physicalResourceId, ...(current ? { data: { Arn: current.arn, Id: current.id } } : {}), apiCalls: 0 };
}

/** FAILED with `reason`, no call made. */
export function failed(physicalResourceId: string, errorName: string, reason: string): Outcome {
  return { status: 'FAILED', physicalResourceId, reason, errorName, apiCalls: 0 };
}
