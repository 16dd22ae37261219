// The local Partner Central's recorded calls, split as the handler makes them: reads (Get*, List*: what it looks up
// before it creates anything, to adopt what the service already holds) and writes (everything else).
import { WireCall } from 'cdk-engagement-invitation-local';

/** The reads the handler makes before it creates an invitation: the invitations on the engagement, then those to the
 * same receiver one by one. */
export const INVITATION_READS: readonly string[] = ['ListEngagementInvitations', 'GetEngagementInvitation'];

/** A read: Get* or List* (the split the endpoint's quotas and injected faults use). */
export const isRead = (call: WireCall): boolean => /^(Get|List)/.test(call.operation);

/** The calls that are not reads. */
export const writesOf = (calls: readonly WireCall[]): WireCall[] => calls.filter((c) => !isRead(c));
