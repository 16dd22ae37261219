// The CreateEngagementInvitation request as the construct writes it into the resource properties (the contract's
// InvitationRequest), read back by the handler.
import { INVITATION_REQUEST_PROPERTIES, InvitationRequest } from '../../lib/core/contract';

/** What each member of the request must be, as far as the handler relies on it: every member of the contract's type. */
const MEMBER_CHECKS: { readonly [Member in keyof InvitationRequest]-?: readonly [(value: unknown) => boolean, string] } = {
  Catalog: [(value) => typeof value === 'string' && value !== '', 'a non-empty string'],
  EngagementIdentifier: [(value) => typeof value === 'string' && value !== '', 'a non-empty string'],
  Invitation: [(value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'an object'],
};

/** The request from the properties, or what is wrong with them. The service checks every field rule itself. */
export function readInvitationRequest(properties: unknown): InvitationRequest | string {
  if (typeof properties !== 'object' || properties === null) return 'MalformedProperties: ResourceProperties is not an object';
  const p = properties as Record<string, unknown>;
  const problems = INVITATION_REQUEST_PROPERTIES
    .filter((member) => !MEMBER_CHECKS[member][0](p[member]))
    .map((member) => `${member} must be ${MEMBER_CHECKS[member][1]}`);
  if (problems.length) return `MalformedProperties: ${problems.join('; ')}`;
  return Object.fromEntries(INVITATION_REQUEST_PROPERTIES.map((member) => [member, p[member]])) as unknown as InvitationRequest;
}
