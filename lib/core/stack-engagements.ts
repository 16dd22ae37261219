// What a stack knows at synth of its engagements and the invitations bound to them (an `engagementIdentifier` that is
// the `engagementId` of an Engagement of the same stack), so that what the service would refuse at deploy time is
// said before anything is sent:
// - an engagement holds at most 10 members, its creator included (ENGAGEMENT_MAX_MEMBERS), so at most 9 invitations;
// - an invitation is sent in its engagement's catalog (engagement ids are per catalog: GetEngagement takes both);
// - an invitation sent as another account than the one that created the engagement (`assumeRoleArn`) is not sent by
//   the engagement's member: a warning, which can be acknowledged.
import { Annotations, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ENGAGEMENT_MAX_MEMBERS } from './contract';

/** The acknowledgeable id of the warning about an invitation sent as another account than its engagement's. */
export const SENDER_DIFFERS_WARNING = 'cdk-engagement-invitation:senderDiffersFromEngagement';

interface KnownEngagement {
  readonly path: string;
  readonly catalog: string;
  readonly assumeRoleArn?: string;
  invitations: number;
}

/** By stack, by the engagement's `engagementId` (the same token string wherever it is passed). */
const ENGAGEMENTS = new WeakMap<Stack, Map<string, KnownEngagement>>();

function engagementsOf(scope: IConstruct): Map<string, KnownEngagement> {
  const stack = Stack.of(scope);
  let known = ENGAGEMENTS.get(stack);
  if (!known) ENGAGEMENTS.set(stack, known = new Map());
  return known;
}

export function registerEngagement(engagement: IConstruct, engagementId: string, catalog: string, assumeRoleArn?: string): void {
  engagementsOf(engagement).set(engagementId, { path: engagement.node.path, catalog, assumeRoleArn, invitations: 0 });
}

/** How many invitations of the stack are bound to the engagement with this id (0 for one the stack does not hold). */
export function invitationsBoundTo(scope: IConstruct, engagementId: string): number {
  return engagementsOf(scope).get(engagementId)?.invitations ?? 0;
}

interface BoundInvitation {
  readonly catalog: string;
  readonly engagementIdentifier: string;
  readonly assumeRoleArn?: string;
}

/** What is wrong with one more invitation `props` in `scope`, before it joins the tree. */
export function engagementBindingProblems(scope: IConstruct, props: BoundInvitation): string[] {
  const engagement = engagementsOf(scope).get(props.engagementIdentifier);
  if (!engagement) return [];
  const problems: string[] = [];
  if (engagement.invitations >= ENGAGEMENT_MAX_MEMBERS - 1) {
    problems.push(`engagementIdentifier: ${engagement.path} already has ${engagement.invitations} invitations in this stack; an `
      + `engagement has at most ${ENGAGEMENT_MAX_MEMBERS} members, its creator included (member limit)`);
  }
  if (props.catalog !== engagement.catalog) {
    problems.push(`catalog: ${JSON.stringify(props.catalog)} is not the catalog of its engagement ${engagement.path} `
      + `(${JSON.stringify(engagement.catalog)}); an invitation is sent in its engagement's catalog (catalog mismatch)`);
  }
  return problems;
}

/** Counts the invitation against its engagement, and warns when it is sent as another account than the engagement. */
export function bindInvitation(invitation: IConstruct, props: BoundInvitation): void {
  const engagement = engagementsOf(invitation).get(props.engagementIdentifier);
  if (!engagement) return;
  engagement.invitations += 1;
  if ((props.assumeRoleArn ?? undefined) !== (engagement.assumeRoleArn ?? undefined)) {
    Annotations.of(invitation).addWarningV2(SENDER_DIFFERS_WARNING, 'assumeRoleArn: this invitation is sent as another '
      + `account than its engagement ${engagement.path} (${props.assumeRoleArn ?? 'the handler\'s own role'} against `
      + `${engagement.assumeRoleArn ?? 'the handler\'s own role'}); Partner Central takes invitations from the engagement's `
      + 'members. Leave assumeRoleArn out (engagement.invite() inherits the engagement\'s), or acknowledge this warning.');
  }
}
