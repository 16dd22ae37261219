// An invitation that exists already, referred to by its ARN (`EngagementInvitation.fromEngagementInvitationArn`).
import { Fn, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { EngagementInvitationBase, IEngagementInvitation } from './base';
import { INVITATION_ARN_PATTERN } from '../core/contract';

class ImportedEngagementInvitation extends EngagementInvitationBase {
  public readonly invitationArn: string;
  public readonly invitationId: string;

  public constructor(scope: Construct, id: string, invitationArn: string) {
    super(scope, id);
    this.invitationArn = invitationArn;
    // The id is the ARN's last path segment, after `<Catalog>/engagement-invitation/`.
    this.invitationId = Token.isUnresolved(invitationArn)
      ? Fn.select(2, Fn.split('/', invitationArn))
      : invitationArn.split('/')[2];
  }
}

/** The invitation `invitationArn` (a literal ARN is checked against the model's pattern, a token is not). */
export function importEngagementInvitation(scope: Construct, id: string, invitationArn: string): IEngagementInvitation {
  if (!Token.isUnresolved(invitationArn) && !INVITATION_ARN_PATTERN.test(invitationArn)) {
    throw new Error(`${scope.node.path}/${id}: invitationArn: ${JSON.stringify(invitationArn)} is not an engagement invitation ARN `
      + '(arn:aws:partnercentral::<account>:<catalog>/engagement-invitation/engi-<13 characters>)');
  }
  return new ImportedEngagementInvitation(scope, id, invitationArn);
}
