// CloudFormation custom resource events, as CloudFormation sends them to the handler.
import { validProps } from './fixtures';
import { formatPhysicalId, requestFingerprint } from '../../lambda/core/physical-id';
import { CustomResourceEvent, RequestType } from '../../lambda/core/types';
import { toInvitationRequest } from '../../lib/engagement-invitation/request';

export const INVITATION_ARN = 'arn:aws:partnercentral::123456789012:Sandbox/engagement-invitation/engi-0a1b2c3d4e5f6';
export const INVITATION_ID = 'engi-0a1b2c3d4e5f6';

/** The resource properties the construct writes for `validProps()` (the wire request, plus ServiceToken). */
export function wireProperties(message?: string): Record<string, unknown> {
  const props = validProps();
  return {
    ServiceToken: 'arn:aws:lambda:eu-west-1:123456789012:function:handler',
    ...toInvitationRequest(message === undefined ? props : { ...props, invitation: { ...props.invitation, message } }),
  };
}

/** The physical id of the invitation INVITATION_ARN sent with `properties` (the handler's own format). */
export function physicalIdFor(properties: Record<string, unknown>, arn = INVITATION_ARN): string {
  const { Catalog, EngagementIdentifier, Invitation } = properties;
  return formatPhysicalId(arn, requestFingerprint({ Catalog, EngagementIdentifier, Invitation }));
}

let sequence = 0;

export function cfnEvent(
  requestType: RequestType,
  responseURL: string,
  overrides: Partial<CustomResourceEvent> = {},
): CustomResourceEvent {
  sequence += 1;
  return {
    RequestType: requestType,
    RequestId: `6f1f1e4c-1c1d-4b5e-9a7e-${String(sequence).padStart(12, '0')}`,
    ResponseURL: responseURL,
    StackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/InvitationStack/2b7f0a30-0000-11ef-8000-0a1b2c3d4e5f',
    LogicalResourceId: 'EngagementInvitation93D6396B',
    ResourceType: 'Custom::PartnerCentralEngagementInvitation',
    ResourceProperties: wireProperties(),
    ...(requestType === 'Create' ? {} : { PhysicalResourceId: physicalIdFor(wireProperties()) }),
    ...(requestType === 'Update' ? { OldResourceProperties: wireProperties() } : {}),
    ...overrides,
  };
}

/** A Lambda context with `remainingMs` left from now. */
export function lambdaContext(remainingMs = 60_000) {
  const end = Date.now() + remainingMs;
  return { getRemainingTimeInMillis: () => end - Date.now() };
}
