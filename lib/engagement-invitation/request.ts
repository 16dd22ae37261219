// The CreateEngagementInvitation request an invitation's props make: the contract's InvitationRequest, in the shape
// the construct writes into the resource properties and the handler reads.
import { Construct } from 'constructs';
import type { EngagementInvitationProps } from './props';
import { CREATE_ENGAGEMENT_INVITATION_RULES } from './rules';
import { INVITATION_REQUEST_PROPERTIES, InvitationRequest } from '../core/contract';
import { CheckedRequest, checkedRequest } from '../core/custom-resource';
import { engagementBindingProblems } from '../core/stack-engagements';
import { pickWireRequest } from '../core/wire-request';

/** The request (without ClientToken) the props make, unchecked. */
export function toInvitationRequest(props: EngagementInvitationProps): InvitationRequest {
  return pickWireRequest<InvitationRequest>(props, INVITATION_REQUEST_PROPERTIES);
}

/** The request the props make, and its advisories; throws one error naming every problem of the props. */
export function checkedInvitationRequest(scope: Construct, id: string, props: EngagementInvitationProps): CheckedRequest<InvitationRequest> {
  return checkedRequest<InvitationRequest>(scope, id, props, {
    subject: 'EngagementInvitation',
    rules: CREATE_ENGAGEMENT_INVITATION_RULES,
    properties: INVITATION_REQUEST_PROPERTIES,
    // Bound to an engagement of the same stack: its member limit, its catalog.
    moreProblems: () => engagementBindingProblems(scope, props),
  });
}
