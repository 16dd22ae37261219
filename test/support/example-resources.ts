// The example app's resources as the local-deploy tests name them, and the check that a change of the opportunity
// invitation leaves the rest of InvitationStack alone.
import { INVITATION_READS } from './endpoint-calls';
import { EXAMPLE_INVITATION_LOGICAL_ID, LocalAccount } from './local-lifecycle';

export const INVITATION = 'Custom::PartnerCentralEngagementInvitation';
export const ENGAGEMENT = 'Custom::PartnerCentralEngagement';
/** The opportunity invitation: the one whose message `-c message=…` changes and whose export ConsumerStack imports. */
export const INVITATION_ID = EXAMPLE_INVITATION_LOGICAL_ID;
export const LEAD_INVITATION_ID = 'EngagementLeadInvitationD846C2C2';
export const ENGAGEMENT_ID = 'EngagementCA20B2E9';
/** The rule announcing the opportunity invitation's acceptance: it names the invitation's Id, so a replacement of the
 * invitation updates it afterwards (the resource to fail after an invitation was sent). */
export const ACCEPTED_RULE_ID = 'EngagementInvitationInvitationAcceptedDCE8BF25';
export const OPPORTUNITY_MESSAGE = 'Join us on the Acme data platform migration';
export const LEAD_MESSAGE = 'A lead for your team: Acme wants help with its data platform';
export const NEW_MESSAGE = 'Please join the migration project';
export const NEW_LEAD_MESSAGE = 'A new lead for your team';

/** A resource's physical id as the local CloudFormation recorded it (its format is the handler's business). */
export function physicalIdOf(account: LocalAccount, logicalId: string, stack = 'InvitationStack'): string | undefined {
  return account.states.load(stack)?.resources[logicalId]?.physicalId;
}

/**
 * Records the lead invitation and the engagement as they are now; the returned function asserts that nothing has
 * happened to them since: no event of either (forward or rollback), the same physical ids, no call other than
 * CreateEngagementInvitation and the reads that precede it (ListEngagementInvitations, GetEngagementInvitation): no
 * CreateEngagement, no other engagement call (read or write), no other write; no new engagement.
 */
export function leftAlone(account: LocalAccount): () => void {
  const progress = account.progress.length;
  const calls = account.endpoint.calls.length;
  const leadPhysicalId = physicalIdOf(account, LEAD_INVITATION_ID);
  const engagementPhysicalId = physicalIdOf(account, ENGAGEMENT_ID);
  const engagementCount = account.endpoint.store.engagementState().engagements.length;
  expect(leadPhysicalId).toBeDefined();
  expect(engagementPhysicalId).toBeDefined();
  return () => {
    expect(account.progress.slice(progress).filter((e) => e.logicalId === LEAD_INVITATION_ID || e.logicalId === ENGAGEMENT_ID)).toEqual([]);
    expect(physicalIdOf(account, LEAD_INVITATION_ID)).toBe(leadPhysicalId);
    expect(physicalIdOf(account, ENGAGEMENT_ID)).toBe(engagementPhysicalId);
    const allowed = ['CreateEngagementInvitation', ...INVITATION_READS];
    expect(account.endpoint.calls.slice(calls).map((c) => c.operation).filter((operation) => !allowed.includes(operation))).toEqual([]);
    expect(account.endpoint.store.engagementState().engagements).toHaveLength(engagementCount);
  };
}
