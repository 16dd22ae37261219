// The invitation's one write: CreateEngagementInvitation, retried as every call is (core/call-retries.ts), always with
// the same ClientToken. Its reads are in reads.ts.
import { CreateEngagementInvitationCommand } from '@aws-sdk/client-partnercentral-selling';
import { InvitationRequest } from '../../lib/core/contract';
import { RetryOptions, withRetries } from '../core/call-retries';
import { ApiTarget, partnerCentralClient } from '../core/partner-central';
import { ResourceRef } from '../core/types';

export async function createEngagementInvitation(
  request: InvitationRequest,
  clientToken: string,
  target: ApiTarget,
  retry: RetryOptions,
): Promise<ResourceRef> {
  const client = await partnerCentralClient(target);
  const command = new CreateEngagementInvitationCommand({
    Catalog: request.Catalog,
    EngagementIdentifier: request.EngagementIdentifier,
    Invitation: request.Invitation as never,
    ClientToken: clientToken,
  });
  const { Arn, Id } = await withRetries(() => client.send(command, { abortSignal: retry.abortSignal }), retry);
  if (!Arn || !Id) throw Object.assign(new Error('the response has no Arn or Id'), { name: 'InvalidResponse' });
  return { arn: Arn, id: Id };
}
