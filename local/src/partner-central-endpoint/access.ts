// What the caller is allowed, as opposed to what its request says. Two answers the service leaves to the account's
// setup or does not document, each reproduced by an endpoint option (server.ts EndpointOptions):
// - an operation the caller's IAM policy does not allow (`deniedOperations`), to run a handler role without reads;
// - what GetEngagementInvitation answers the account that SENT the invitation (`senderInvitationReads`).
import { operationNames } from './model-validator';
import { ServiceError } from './service-error';

/**
 * What GetEngagementInvitation answers the sender of the invitation. The model documents the operation from the
 * receiver's side only ("Retrieves the details of an engagement invitation shared by AWS with a partner"), and no
 * public source says whether a sender may read back what it sent, so every plausible answer can be chosen:
 * - 'content': the whole invitation, Payload and InvitationMessage included (the endpoint's answer before the option);
 * - 'summary': the invitation without Payload and InvitationMessage, as a sender's ListEngagementInvitations shows it;
 * - 'denied': AccessDeniedException (403), as if only the receiver may read an invitation.
 */
export type SenderInvitationReads = 'content' | 'summary' | 'denied';
export const SENDER_INVITATION_READS: readonly SenderInvitationReads[] = ['content', 'summary', 'denied'];

/** `mode`, or an Error naming the allowed values (a misspelt option must not fall back to a default silently). */
export function checkedSenderInvitationReads(mode: string): SenderInvitationReads {
  if (!(SENDER_INVITATION_READS as readonly string[]).includes(mode)) {
    throw new Error(`senderInvitationReads must be one of ${SENDER_INVITATION_READS.join(', ')} (got ${JSON.stringify(mode)})`);
  }
  return mode as SenderInvitationReads;
}

/** The operations to deny, each checked against the model's operation names: a misspelt one would deny nothing. */
export function checkedOperations(operations: readonly string[]): Set<string> {
  const known = new Set(operationNames());
  const unknown = operations.filter((operation) => !known.has(operation));
  if (unknown.length > 0) throw new Error(`Not operations of Partner Central Selling: ${unknown.join(', ')}`);
  return new Set(operations);
}

/**
 * IAM's refusal: HTTP 403 AccessDeniedException with IAM's documented message form ("User: <principal> is not
 * authorized to perform: <action> because no identity-based policy allows the <action> action"; IAM User Guide,
 * "Troubleshoot access denied error messages"). The principal is a stand-in of the endpoint's account; the message
 * carries no value from the request.
 */
export function iamDenied(account: string, operation: string): ServiceError {
  const action = `partnercentral:${operation}`;
  return new ServiceError('AccessDeniedException', 403,
    `User: arn:aws:sts::${account}:assumed-role/local-caller/local-session is not authorized to perform: ${action} `
    + `because no identity-based policy allows the ${action} action`);
}

/** The service's own refusal of a read (the model's AccessDeniedException documentation words it so). */
export function readDenied(): ServiceError {
  return new ServiceError('AccessDeniedException', 403, 'You don\'t have access to this action or resource.');
}
