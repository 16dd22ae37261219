// The answers both lifecycles (invitations and engagements) give without calling anything, and the physical id a
// failure answers.
import { CustomResourceEvent, Outcome, ResourceRef } from './types';
import { resourceAttributes } from '../../lib/core/contract';

/** SUCCESS with the resource already there: the same physical id, its attributes (none for a marker id). */
export function unchanged(physicalResourceId: string, current: ResourceRef | undefined): Outcome {
  return { status: 'SUCCESS', physicalResourceId, ...(current ? { data: resourceAttributes(current.arn, current.id) } : {}), apiCalls: 0 };
}

/** FAILED with `reason`, no call made. */
export function failed(physicalResourceId: string, errorName: string, reason: string): Outcome {
  return { status: 'FAILED', physicalResourceId, reason, errorName, apiCalls: 0 };
}

/**
 * The physical id a FAILED answer to `event` carries: the resource type's failed-create marker for a Create (nothing
 * was created), else the event's own id. A failed Update answers with the event's own id, as aws-cdk's provider
 * framework does (custom-resources/lib/provider-framework/runtime/cfn-response.ts): what CloudFormation does with
 * another id returned with FAILED is not documented.
 */
export function physicalIdOnFailure(event: Pick<CustomResourceEvent, 'RequestType' | 'PhysicalResourceId'>, createFailedMarker: string): string {
  return event.RequestType === 'Create' ? createFailedMarker : event.PhysicalResourceId ?? createFailedMarker;
}
