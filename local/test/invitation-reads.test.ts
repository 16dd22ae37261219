// What the local endpoint answers a SENDER reading its invitations, driven by the real SDK client over HTTP on
// 127.0.0.1: ListEngagementInvitations' PayloadType and SenderAwsAccountId filters, and GetEngagementInvitation under
// each senderInvitationReads mode (the service does not document whether a sender may read its invitation's content).
import {
  AccessDeniedException,
  CreateEngagementInvitationCommand,
  CreateEngagementInvitationCommandInput,
  GetEngagementInvitationCommand,
  ListEngagementInvitationsCommand,
  ListEngagementInvitationsCommandInput,
  ValidationException,
} from '@aws-sdk/client-partnercentral-selling';
import {
  INVITATION_MESSAGE, leadInvitation, LocalSelling, opportunityInvitation, rawCall, startError, startLocalSelling,
} from './support/partner-central-fixtures';
import { SenderInvitationReads } from '../src/partner-central-endpoint/access';
import { validateOperationOutput } from '../src/partner-central-endpoint/model-validator';
import { EndpointOptions } from '../src/partner-central-endpoint/server';

const ACCOUNT = '210987654321';
let local: LocalSelling;

afterEach(async () => { await local?.close(); });

async function start(options: EndpointOptions = {}): Promise<LocalSelling> {
  local = await startLocalSelling({ account: ACCOUNT, ...options });
  return local;
}

/** Two opportunity invitations and a lead invitation, in this order; the second opportunity to another engagement. */
async function threeInvitations() {
  const send = (input: CreateEngagementInvitationCommandInput) => local.client.send(new CreateEngagementInvitationCommand(input));
  const opportunity = await send(opportunityInvitation('inv-1'));
  const other = await send(opportunityInvitation('inv-2', 'eng-zzzzzzzzzzzzzz'));
  const lead = await send(leadInvitation('inv-3'));
  return { opportunity: opportunity.Id!, other: other.Id!, lead: lead.Id! };
}

async function ids(input: Omit<ListEngagementInvitationsCommandInput, 'Catalog' | 'ParticipantType'>, participant = 'SENDER'): Promise<string[]> {
  const answer = await local.client.send(new ListEngagementInvitationsCommand({ Catalog: 'Sandbox', ParticipantType: participant as any, ...input }));
  return answer.EngagementInvitationSummaries!.map((i) => i.Id!);
}

describe('ListEngagementInvitations', () => {
  test('PayloadType keeps the invitations of the payload types given', async () => {
    await start();
    const { opportunity, other, lead } = await threeInvitations();

    expect(await ids({ PayloadType: ['LeadInvitation'] })).toEqual([lead]);
    expect(await ids({ PayloadType: ['OpportunityInvitation'] })).toEqual([opportunity, other]);
    expect(await ids({ PayloadType: ['OpportunityInvitation', 'LeadInvitation'] })).toEqual([opportunity, other, lead]);
    expect(await ids({ PayloadType: [] })).toEqual([opportunity, other, lead]);
    expect(await ids({ PayloadType: ['OpportunityInvitation'], EngagementIdentifier: ['eng-zzzzzzzzzzzzzz'] })).toEqual([other]);
    // The engagement filter takes ARNs too (EngagementArnOrIdentifier), of the invitation's catalog.
    const arn = (catalog: string) => `arn:aws:partnercentral:us-east-1::catalog/${catalog}/engagement/eng-zzzzzzzzzzzzzz`;
    expect(await ids({ EngagementIdentifier: [arn('Sandbox')] })).toEqual([other]);
    expect(await ids({ EngagementIdentifier: [arn('AWS')] })).toEqual([]);
  });

  test('SenderAwsAccountId keeps the invitations sent by the accounts given (all of this endpoint\'s are its own)', async () => {
    await start();
    const { opportunity, other, lead } = await threeInvitations();

    expect(await ids({ SenderAwsAccountId: [ACCOUNT] })).toEqual([opportunity, other, lead]);
    expect(await ids({ SenderAwsAccountId: ['999988887777'] })).toEqual([]);
    expect(await ids({ SenderAwsAccountId: ['999988887777', ACCOUNT], PayloadType: ['LeadInvitation'] })).toEqual([lead]);
    // The receiver's view stays empty whatever the filters: the endpoint only sends.
    expect(await ids({ SenderAwsAccountId: [ACCOUNT] }, 'RECEIVER')).toEqual([]);
  });

  test('pages with NextToken, sorts by InvitationDate, and leaves out invitations younger than listLagMs', async () => {
    await start();
    const { opportunity, other, lead } = await threeInvitations();

    const first = await local.client.send(new ListEngagementInvitationsCommand({ Catalog: 'Sandbox', ParticipantType: 'SENDER', MaxResults: 2 }));
    expect(await ids({ MaxResults: 2, NextToken: first.NextToken })).toEqual([lead]);
    expect(first.EngagementInvitationSummaries!.map((i) => i.Id)).toEqual([opportunity, other]);
    expect(await ids({ Sort: { SortBy: 'InvitationDate', SortOrder: 'DESCENDING' } })).toEqual([lead, other, opportunity]);
    local.endpoint.setListLag(60_000);
    expect(await ids({})).toEqual([]);
  });

  test('the new filters are checked against the model', async () => {
    await start();
    const error = await local.client.send(new ListEngagementInvitationsCommand({
      Catalog: 'Sandbox', ParticipantType: 'SENDER', PayloadType: ['MarketplaceOffer' as any], SenderAwsAccountId: [],
    })).catch((e) => e);

    expect(error).toBeInstanceOf(ValidationException);
    expect(error.ErrorList.map((e: any) => [e.FieldName, e.Code])).toEqual([
      ['PayloadType[0]', 'INVALID_ENUM_VALUE'],
      ['SenderAwsAccountId', 'NOT_ENOUGH_VALUES'],
    ]);
  });
});

describe('GetEngagementInvitation by the sender (senderInvitationReads)', () => {
  test('content (the default): the whole invitation, Payload and InvitationMessage included', async () => {
    await start();
    const { lead } = await threeInvitations();

    const got = await local.client.send(new GetEngagementInvitationCommand({ Catalog: 'Sandbox', Identifier: lead }));

    expect(got).toMatchObject({ Id: lead, PayloadType: 'LeadInvitation', InvitationMessage: INVITATION_MESSAGE, SenderAwsAccountId: ACCOUNT });
    expect(got.Payload).toEqual(leadInvitation('x').Invitation!.Payload);
  });

  test('summary: the invitation without Payload and InvitationMessage', async () => {
    await start({ senderInvitationReads: 'summary' });
    const { opportunity } = await threeInvitations();

    const got = await local.client.send(new GetEngagementInvitationCommand({ Catalog: 'Sandbox', Identifier: opportunity }));

    expect(got).toMatchObject({ Id: opportunity, Status: 'PENDING', EngagementId: 'eng-abcdefghijklmn', PayloadType: 'OpportunityInvitation' });
    expect(got.Receiver).toEqual({ Account: { AwsAccountId: '111122223333', Alias: 'Partner A' } });
    expect(got.Payload).toBeUndefined();
    expect(got.InvitationMessage).toBeUndefined();
  });

  test('denied: AccessDeniedException (403); an unknown invitation is still a ResourceNotFoundException', async () => {
    await start({ senderInvitationReads: 'denied' });
    const { opportunity } = await threeInvitations();

    const denied = await local.client.send(new GetEngagementInvitationCommand({ Catalog: 'Sandbox', Identifier: opportunity })).catch((e) => e);
    const unknown = await local.client.send(new GetEngagementInvitationCommand({ Catalog: 'Sandbox', Identifier: 'engi-0000000000000' })).catch((e) => e);

    expect(denied).toBeInstanceOf(AccessDeniedException);
    expect(denied.$metadata.httpStatusCode).toBe(403);
    expect(denied.message).not.toContain(opportunity);
    expect(unknown.name).toBe('ResourceNotFoundException');
    // Listing is unaffected: the sender still sees its invitation's summary.
    expect(await ids({})).toContain(opportunity);
  });

  test('the mode can be switched while the endpoint runs; a mode that does not exist is refused', async () => {
    await start();
    const { opportunity } = await threeInvitations();
    const read = () => local.client.send(new GetEngagementInvitationCommand({ Catalog: 'Sandbox', Identifier: opportunity })).catch((e) => e);
    const seen: Array<[SenderInvitationReads, string]> = [];

    for (const mode of ['summary', 'denied', 'content'] as const) {
      local.endpoint.setSenderInvitationReads(mode);
      const answer = await read();
      seen.push([mode, answer instanceof Error ? answer.name : answer.Payload ? 'content' : 'summary']);
    }

    expect(seen).toEqual([['summary', 'summary'], ['denied', 'AccessDeniedException'], ['content', 'content']]);
    expect(() => local.endpoint.setSenderInvitationReads('hidden' as any)).toThrow(/senderInvitationReads must be one of content, summary, denied/);
    expect((await startError({ senderInvitationReads: 'none' as any }))?.message).toMatch(/senderInvitationReads must be one of/);
  });

  test.each(['content', 'summary'] as const)('the %s answer and the list answer fit the model\'s output shapes', async (mode) => {
    await start({ senderInvitationReads: mode });
    const { lead, opportunity } = await threeInvitations();

    for (const identifier of [lead, opportunity]) {
      const got = await rawCall(local.endpoint.url, 'GetEngagementInvitation', { Catalog: 'Sandbox', Identifier: identifier });
      expect(got.status).toBe(200);
      expect(validateOperationOutput('GetEngagementInvitation', got.body)).toEqual([]);
      expect('Payload' in got.body).toBe(mode === 'content');
    }
    const list = await rawCall(local.endpoint.url, 'ListEngagementInvitations', { Catalog: 'Sandbox', ParticipantType: 'SENDER' });
    expect(validateOperationOutput('ListEngagementInvitations', list.body)).toEqual([]);
  });
});
