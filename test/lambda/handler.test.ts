// Every row of the lifecycle table, through the handler entry point: the SDK client is mocked, the ResponseURL is a
// real HTTP server on 127.0.0.1 that records what CloudFormation would receive.
import {
  CreateEngagementInvitationCommand,
  PartnerCentralSellingClient,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-partnercentral-selling';
import { mockClient } from 'aws-sdk-client-mock';
import { MAX_RESPONSE_BYTES } from '../../lambda/engagement-invitation/cfn-response';
import { DEADLINE_MARGIN_MS, handler } from '../../lambda/engagement-invitation/index';
import { CREATE_FAILED_MARKER, UPDATE_FAILED_MARKER } from '../../lambda/engagement-invitation/lifecycle';
import { cfnEvent, INVITATION_ARN, INVITATION_ID, lambdaContext, wireProperties } from '../support/events';
import { PII } from '../support/fixtures';
import { ScriptedServer, startScriptedServer } from '../support/local-servers';

const NEW_ARN = 'arn:aws:partnercentral::123456789012:Sandbox/engagement-invitation/engi-zz9yy8xx7ww6v';
const NEW_ID = 'engi-zz9yy8xx7ww6v';

const partnerCentral = mockClient(PartnerCentralSellingClient);
let receiver: ScriptedServer;
let logged: string[];

beforeEach(async () => {
  partnerCentral.reset();
  receiver = await startScriptedServer([{ status: 200 }]);
  logged = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => { logged.push(args.map(String).join(' ')); });
  }
});

afterEach(async () => {
  jest.restoreAllMocks();
  await receiver.close();
});

/** The body CloudFormation received (the last PUT). */
function cfnResponse(): Record<string, any> {
  expect(receiver.requests.length).toBeGreaterThan(0);
  const last = receiver.requests[receiver.requests.length - 1];
  expect(last.method).toBe('PUT');
  return JSON.parse(last.body);
}

function createCalls() {
  return partnerCentral.commandCalls(CreateEngagementInvitationCommand);
}

describe('Create', () => {
  test('sends the invitation with ClientToken = RequestId and answers SUCCESS with Arn and Id only', async () => {
    partnerCentral.on(CreateEngagementInvitationCommand).resolves({ Arn: INVITATION_ARN, Id: INVITATION_ID });
    const event = cfnEvent('Create', receiver.url);

    await handler(event, lambdaContext());

    expect(createCalls()).toHaveLength(1);
    const input = createCalls()[0].args[0].input;
    expect(input.ClientToken).toBe(event.RequestId);
    expect(input).toEqual({
      ClientToken: event.RequestId,
      Catalog: 'Sandbox',
      EngagementIdentifier: 'eng-abcdefghijklmn',
      Invitation: (wireProperties() as any).Invitation,
    });
    expect(cfnResponse()).toEqual({
      Status: 'SUCCESS',
      Reason: '',
      PhysicalResourceId: INVITATION_ARN,
      StackId: event.StackId,
      RequestId: event.RequestId,
      LogicalResourceId: event.LogicalResourceId,
      NoEcho: false,
      Data: { Arn: INVITATION_ARN, Id: INVITATION_ID },
    });
  });

  test('the same event delivered again (a Lambda retry) sends the same ClientToken', async () => {
    partnerCentral.on(CreateEngagementInvitationCommand).resolves({ Arn: INVITATION_ARN, Id: INVITATION_ID });
    const event = cfnEvent('Create', receiver.url);

    await handler(event, lambdaContext());
    await handler(event, lambdaContext());

    const tokens = createCalls().map((call) => call.args[0].input.ClientToken);
    expect(tokens).toEqual([event.RequestId, event.RequestId]);
  });

  test('calls the region of ApiRegion, us-east-1 by default', async () => {
    const regions: string[] = [];
    partnerCentral.on(CreateEngagementInvitationCommand).callsFake(async (_input, getClient) => {
      regions.push(await getClient().config.region());
      return { Arn: INVITATION_ARN, Id: INVITATION_ID };
    });

    await handler(cfnEvent('Create', receiver.url), lambdaContext());
    await handler(cfnEvent('Create', receiver.url, { ResourceProperties: { ...wireProperties(), ApiRegion: 'us-west-2' } }), lambdaContext());

    expect(regions).toEqual(['us-east-1', 'us-west-2']);
  });

  test('an API error answers FAILED with the error name, message and failing fields, and a marker id', async () => {
    partnerCentral.on(CreateEngagementInvitationCommand).rejects(new ValidationException({
      $metadata: {},
      message: 'The request failed validation.',
      Message: 'The request failed validation.',
      Reason: 'REQUEST_VALIDATION_FAILED',
      ErrorList: [
        { FieldName: 'Invitation.Payload.OpportunityInvitation.Customer.CountryCode', Message: 'bad', Code: 'INVALID_ENUM_VALUE' },
        { FieldName: 'Invitation.Message', Message: 'too long', Code: 'INVALID_STRING_FORMAT' },
      ],
    }));

    await handler(cfnEvent('Create', receiver.url), lambdaContext());

    const response = cfnResponse();
    expect(response.Status).toBe('FAILED');
    expect(response.PhysicalResourceId).toBe(CREATE_FAILED_MARKER);
    expect(response.Reason).toBe('ValidationException: The request failed validation. [fields: '
      + 'Invitation.Payload.OpportunityInvitation.Customer.CountryCode (INVALID_ENUM_VALUE), Invitation.Message (INVALID_STRING_FORMAT)]');
    expect(response.Data).toBeUndefined();
    expect(createCalls()).toHaveLength(1);
  });

  test('malformed properties answer FAILED without calling the API', async () => {
    const properties = { ...wireProperties(), Catalog: undefined, Invitation: 'not an object' };

    await handler(cfnEvent('Create', receiver.url, { ResourceProperties: properties }), lambdaContext());

    const response = cfnResponse();
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toBe('MalformedProperties: Catalog must be a non-empty string; Invitation must be an object');
    expect(createCalls()).toHaveLength(0);
  });
});

describe('Update', () => {
  test('with unchanged invitation properties sends nothing and returns the same id and Data', async () => {
    const event = cfnEvent('Update', receiver.url, {
      // Only the ServiceToken moved and ServiceTimeout/ApiRegion were added: none of them is the invitation.
      OldResourceProperties: { ...wireProperties(), ServiceToken: 'arn:aws:lambda:eu-west-1:123456789012:function:old' },
      ResourceProperties: { ...wireProperties(), ServiceTimeout: '300', ApiRegion: 'us-east-1' },
    });

    await handler(event, lambdaContext());

    expect(createCalls()).toHaveLength(0);
    expect(cfnResponse()).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: INVITATION_ARN, Data: { Arn: INVITATION_ARN, Id: INVITATION_ID } });
  });

  test('key order alone is not a change', async () => {
    const { Invitation, ...rest } = wireProperties() as any;
    const reordered = { Invitation: { Payload: Invitation.Payload, Receiver: Invitation.Receiver, Message: Invitation.Message }, ...rest };

    await handler(cfnEvent('Update', receiver.url, { ResourceProperties: reordered }), lambdaContext());

    expect(createCalls()).toHaveLength(0);
    expect(cfnResponse().Status).toBe('SUCCESS');
  });

  test('with a changed message sends a new invitation with ClientToken = RequestId and a new physical id', async () => {
    partnerCentral.on(CreateEngagementInvitationCommand).resolves({ Arn: NEW_ARN, Id: NEW_ID });
    const event = cfnEvent('Update', receiver.url, { ResourceProperties: wireProperties('A new message') });

    await handler(event, lambdaContext());

    expect(createCalls()).toHaveLength(1);
    expect(createCalls()[0].args[0].input).toMatchObject({ ClientToken: event.RequestId, Invitation: { Message: 'A new message' } });
    expect(cfnResponse()).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: NEW_ARN, Data: { Arn: NEW_ARN, Id: NEW_ID } });
  });

  test('a changed catalog or engagement is a new invitation too', async () => {
    partnerCentral.on(CreateEngagementInvitationCommand).resolves({ Arn: NEW_ARN, Id: NEW_ID });

    await handler(cfnEvent('Update', receiver.url, { ResourceProperties: { ...wireProperties(), Catalog: 'AWS' } }), lambdaContext());
    await handler(cfnEvent('Update', receiver.url, { ResourceProperties: { ...wireProperties(), EngagementIdentifier: 'eng-zzzzzzzzzzzzzz' } }), lambdaContext());

    expect(createCalls()).toHaveLength(2);
  });

  test('a failed replacement answers with the update-failed marker, so the rollback deletes it instead of re-sending', async () => {
    partnerCentral.on(CreateEngagementInvitationCommand).rejects(new ThrottlingException({ $metadata: {}, message: 'Rate exceeded' }));

    await handler(cfnEvent('Update', receiver.url, { ResourceProperties: wireProperties('Changed') }), lambdaContext());

    expect(cfnResponse()).toMatchObject({ Status: 'FAILED', PhysicalResourceId: UPDATE_FAILED_MARKER, Reason: 'ThrottlingException: Rate exceeded' });
  });
});

describe('Delete', () => {
  test.each([
    ['an invitation ARN', INVITATION_ARN],
    ['the failed-create marker', CREATE_FAILED_MARKER],
    ['an unknown id', 'garbage/123'],
  ])('of %s succeeds with the same id and no API call', async (_name, physicalResourceId) => {
    await handler(cfnEvent('Delete', receiver.url, { PhysicalResourceId: physicalResourceId }), lambdaContext());

    expect(createCalls()).toHaveLength(0);
    expect(partnerCentral.calls()).toHaveLength(0);
    expect(cfnResponse()).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: physicalResourceId });
  });

  test('with malformed properties still succeeds', async () => {
    await handler(cfnEvent('Delete', receiver.url, { ResourceProperties: { ServiceToken: 'x' } }), lambdaContext());

    expect(cfnResponse().Status).toBe('SUCCESS');
  });
});

describe('guards', () => {
  test.each([
    ['Create', cfnEvent('Create', ''), CREATE_FAILED_MARKER],
    ['a replacing Update', cfnEvent('Update', '', { ResourceProperties: wireProperties('Changed') }), UPDATE_FAILED_MARKER],
  ])('answers FAILED before the Lambda timeout when the API does not answer a %s', async (_name, event, marker) => {
    partnerCentral.on(CreateEngagementInvitationCommand).callsFake(() => new Promise(() => undefined));
    const remaining = DEADLINE_MARGIN_MS + 300;
    const started = Date.now();

    await handler({ ...event, ResponseURL: receiver.url }, lambdaContext(remaining));

    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(remaining);
    expect(cfnResponse()).toMatchObject({ Status: 'FAILED', PhysicalResourceId: marker });
    expect(cfnResponse().Reason).toMatch(/^Timeout: /);
  });

  test('an unknown RequestType answers FAILED', async () => {
    await handler(cfnEvent('Bogus' as any, receiver.url), lambdaContext());

    expect(cfnResponse()).toMatchObject({ Status: 'FAILED', Reason: 'unknown RequestType "Bogus"' });
    expect(createCalls()).toHaveLength(0);
  });

  test('an event without ResponseURL is ignored without throwing', async () => {
    await expect(handler({ RequestType: 'Create' } as any, lambdaContext())).resolves.toBeUndefined();
    expect(logged.join('\n')).toContain('"outcome":"IGNORED"');
  });
});

describe('the response to CloudFormation', () => {
  test('is retried until the receiver accepts it', async () => {
    await receiver.close();
    receiver = await startScriptedServer([{ status: 503 }, 'drop', { status: 200 }]);

    await handler(cfnEvent('Delete', receiver.url), lambdaContext());

    expect(receiver.requests).toHaveLength(3);
    expect(cfnResponse().Status).toBe('SUCCESS');
    expect(logged.join('\n')).toContain('"responseDelivered":true');
  });

  test('gives up after its attempts, says so in the log and fails the invocation, so Lambda retries the event', async () => {
    await receiver.close();
    receiver = await startScriptedServer([{ status: 500 }]);
    const event = cfnEvent('Delete', `${receiver.url}/bucket/key?X-Amz-Signature=secret`);

    const error = await handler(event, lambdaContext()).catch((e: Error) => e);

    expect(error).toMatchObject({ name: 'ResponseNotDelivered' });
    expect(String((error as Error).message)).not.toMatch(/127\.0\.0\.1|Signature|secret/);
    expect(receiver.requests).toHaveLength(5);
    expect(logged.join('\n')).toContain('"responseDelivered":false');
  });

  test('stays under 4096 bytes however long the reason', async () => {
    partnerCentral.on(CreateEngagementInvitationCommand).rejects(new ValidationException({
      $metadata: {},
      message: 'x'.repeat(3000),
      Message: 'x'.repeat(3000),
      Reason: 'REQUEST_VALIDATION_FAILED',
      ErrorList: Array.from({ length: 200 }, (_, i) => ({ FieldName: `Invitation.Field${i}`, Message: 'bad', Code: 'INVALID_VALUE' })),
    }));

    await handler(cfnEvent('Create', receiver.url), lambdaContext());

    const body = receiver.requests[0].body;
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
    expect(Number(receiver.requests[0].headers['content-length'])).toBe(Buffer.byteLength(body));
    expect(JSON.parse(body)).toMatchObject({ Status: 'FAILED', PhysicalResourceId: CREATE_FAILED_MARKER });
    expect(JSON.parse(body).Reason).toMatch(/^ValidationException: x+/);
  });
});

describe('logs', () => {
  test('name the request and outcome, never the properties or the ResponseURL', async () => {
    partnerCentral.on(CreateEngagementInvitationCommand)
      .resolvesOnce({ Arn: INVITATION_ARN, Id: INVITATION_ID })
      .rejects(new ValidationException({ $metadata: {}, message: `bad email ${PII.email}`, Message: `bad email ${PII.email}`, Reason: 'REQUEST_VALIDATION_FAILED' }));
    const secretUrl = `${receiver.url}/bucket/key?X-Amz-Signature=abcdef0123456789secret`;

    const create = cfnEvent('Create', secretUrl);
    await handler(create, lambdaContext());
    await handler(cfnEvent('Update', secretUrl, { ResourceProperties: wireProperties('changed') }), lambdaContext());
    await handler(cfnEvent('Delete', secretUrl), lambdaContext());

    const output = logged.join('\n');
    expect(logged).toHaveLength(3);
    expect(JSON.parse(logged[0])).toMatchObject({
      requestType: 'Create', logicalResourceId: create.LogicalResourceId, requestId: create.RequestId, outcome: 'SUCCESS',
    });
    expect(JSON.parse(logged[1])).toMatchObject({ requestType: 'Update', outcome: 'FAILED', errorName: 'ValidationException' });
    for (const value of [...Object.values(PII), 'X-Amz-Signature', secretUrl, receiver.url, 'Join us on the Acme migration']) {
      expect(output).not.toContain(value);
    }
  });
});
