// Every row of the lifecycle table, through the handler entry point: the SDK clients are mocked, the ResponseURL is a
// real HTTP server on 127.0.0.1 that records what CloudFormation would receive.
import { CloudFormationClient, DescribeStacksCommand, CloudFormationServiceException } from '@aws-sdk/client-cloudformation';
import {
  ConflictException,
  CreateEngagementInvitationCommand,
  PartnerCentralSellingClient,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-partnercentral-selling';
import { mockClient } from 'aws-sdk-client-mock';
import { MAX_RESPONSE_BYTES } from '../../lambda/core/cfn-response';
import { DEADLINE_MARGIN_MS, handler } from '../../lambda/index';
import { INVITATION_CREATE_FAILED_MARKER } from '../../lib/core/contract';
import { cfnEvent, INVITATION_ARN, INVITATION_ID, lambdaContext, physicalIdFor, wireProperties } from '../support/events';
import { PII } from '../support/fixtures';
import { ScriptedServer, startScriptedServer } from '../support/local-servers';

const NEW_ARN = 'arn:aws:partnercentral::123456789012:Sandbox/engagement-invitation/engi-zz9yy8xx7ww6v';
const NEW_ID = 'engi-zz9yy8xx7ww6v';

const partnerCentral = mockClient(PartnerCentralSellingClient);
const cloudFormation = mockClient(CloudFormationClient);
let receiver: ScriptedServer;
let logged: string[];

beforeEach(async () => {
  partnerCentral.reset();
  cloudFormation.reset();
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

function stackReads() {
  return cloudFormation.commandCalls(DescribeStacksCommand);
}

/** DescribeStacks answers `status` for the stack. */
function stackIs(status: string) {
  cloudFormation.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 'InvitationStack', StackStatus: status as any, CreationTime: new Date() }] });
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
      PhysicalResourceId: expect.stringMatching(new RegExp(`^${INVITATION_ARN}#[0-9a-f]{32}$`)),
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
    expect(response.PhysicalResourceId).toBe(INVITATION_CREATE_FAILED_MARKER);
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
  const NEW_PROPERTIES = wireProperties('A new message');

  test('that Create answered, with the same invitation, sends nothing and reads nothing', async () => {
    partnerCentral.on(CreateEngagementInvitationCommand).resolves({ Arn: INVITATION_ARN, Id: INVITATION_ID });
    await handler(cfnEvent('Create', receiver.url), lambdaContext());
    const created = cfnResponse().PhysicalResourceId;
    partnerCentral.resetHistory();
    cloudFormation.resetHistory();

    await handler(cfnEvent('Update', receiver.url, { PhysicalResourceId: created }), lambdaContext());

    expect(partnerCentral.calls()).toHaveLength(0);
    expect(stackReads()).toHaveLength(0);
    expect(cfnResponse()).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: created, Data: { Arn: INVITATION_ARN, Id: INVITATION_ID } });
  });

  test('where only ServiceTimeout, ApiRegion, AssumeRoleArn or key order moved sends nothing', async () => {
    const { Invitation, ...rest } = wireProperties() as any;
    const reordered = { Invitation: { Payload: Invitation.Payload, Receiver: Invitation.Receiver, Message: Invitation.Message }, ...rest };
    const event = cfnEvent('Update', receiver.url, {
      ResourceProperties: { ...reordered, ServiceTimeout: '600', ApiRegion: 'us-east-1', AssumeRoleArn: 'arn:aws:iam::444455556666:role/R' },
    });

    await handler(event, lambdaContext());

    expect(createCalls()).toHaveLength(0);
    expect(stackReads()).toHaveLength(0);
    expect(cfnResponse()).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: event.PhysicalResourceId, Data: { Arn: INVITATION_ARN, Id: INVITATION_ID } });
  });

  test('with a changed message in UPDATE_IN_PROGRESS sends one new invitation with ClientToken = RequestId', async () => {
    stackIs('UPDATE_IN_PROGRESS');
    partnerCentral.on(CreateEngagementInvitationCommand).resolves({ Arn: NEW_ARN, Id: NEW_ID });
    const event = cfnEvent('Update', receiver.url, { ResourceProperties: NEW_PROPERTIES });

    await handler(event, lambdaContext());

    expect(stackReads().map((c) => c.args[0].input)).toEqual([{ StackName: event.StackId }]);
    expect(createCalls()).toHaveLength(1);
    expect(createCalls()[0].args[0].input).toMatchObject({ ClientToken: event.RequestId, Invitation: { Message: 'A new message' } });
    const response = cfnResponse();
    expect(response).toMatchObject({ Status: 'SUCCESS', Data: { Arn: NEW_ARN, Id: NEW_ID } });
    expect(response.PhysicalResourceId).toMatch(new RegExp(`^${NEW_ARN}#[0-9a-f]{32}$`));
    // The new id records the new content: the old id's fingerprint would make the next Update think nothing changed.
    expect(response.PhysicalResourceId.split('#')[1]).not.toBe(event.PhysicalResourceId!.split('#')[1]);
  });

  test('a changed catalog or engagement is a new invitation too', async () => {
    stackIs('UPDATE_IN_PROGRESS');
    partnerCentral.on(CreateEngagementInvitationCommand).resolves({ Arn: NEW_ARN, Id: NEW_ID });

    await handler(cfnEvent('Update', receiver.url, { ResourceProperties: { ...wireProperties(), Catalog: 'AWS' } }), lambdaContext());
    await handler(cfnEvent('Update', receiver.url, { ResourceProperties: { ...wireProperties(), EngagementIdentifier: 'eng-zzzzzzzzzzzzzz' } }), lambdaContext());

    expect(createCalls()).toHaveLength(2);
  });

  test('a failed forward Update answers FAILED with the event\'s own physical id', async () => {
    stackIs('UPDATE_IN_PROGRESS');
    partnerCentral.on(CreateEngagementInvitationCommand).rejects(new ConflictException({ $metadata: {}, message: 'Conflict', Message: 'Conflict' }));
    const event = cfnEvent('Update', receiver.url, { ResourceProperties: NEW_PROPERTIES });

    await handler(event, lambdaContext());

    expect(cfnResponse()).toMatchObject({ Status: 'FAILED', PhysicalResourceId: event.PhysicalResourceId, Reason: 'ConflictException: Conflict' });
  });

  describe('sent by a rollback', () => {
    test('back to the invitation the physical id holds (failed Update, lost answer) sends nothing and reads nothing', async () => {
      // ResourceProperties = OLD (what the physical id was sent with), OldResourceProperties = the failed NEW.
      stackIs('UPDATE_IN_PROGRESS'); // even a wrong status read could not make it send: it is not read at all
      const event = cfnEvent('Update', receiver.url, { ResourceProperties: wireProperties(), OldResourceProperties: NEW_PROPERTIES });

      await handler(event, lambdaContext());

      expect(createCalls()).toHaveLength(0);
      expect(stackReads()).toHaveLength(0);
      expect(cfnResponse()).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: event.PhysicalResourceId, Data: { Arn: INVITATION_ARN, Id: INVITATION_ID } });
    });

    test.each(['UPDATE_ROLLBACK_IN_PROGRESS', 'ROLLBACK_IN_PROGRESS', 'IMPORT_ROLLBACK_IN_PROGRESS'])(
      'to a physical id holding other content, in %s, sends nothing and answers the invitation already there', async (status) => {
        // E.g. an Update(OLD) to the replacement's new id: undocumented, so it must be safe too.
        stackIs(status);
        const replacement = physicalIdFor(NEW_PROPERTIES, NEW_ARN);
        const event = cfnEvent('Update', receiver.url, { PhysicalResourceId: replacement, ResourceProperties: wireProperties(), OldResourceProperties: NEW_PROPERTIES });

        await handler(event, lambdaContext());

        expect(stackReads()).toHaveLength(1);
        expect(createCalls()).toHaveLength(0);
        expect(cfnResponse()).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: replacement, Data: { Arn: NEW_ARN, Id: NEW_ID } });
      });

    test('to a failed-create marker sends nothing and answers the marker without Data', async () => {
      stackIs('UPDATE_ROLLBACK_IN_PROGRESS');

      await handler(cfnEvent('Update', receiver.url, { PhysicalResourceId: INVITATION_CREATE_FAILED_MARKER, ResourceProperties: NEW_PROPERTIES }), lambdaContext());

      expect(createCalls()).toHaveLength(0);
      const response = cfnResponse();
      expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: INVITATION_CREATE_FAILED_MARKER });
      expect(response.Data).toBeUndefined();
    });
  });

  describe('when the stack\'s status does not say "forward"', () => {
    test('unreadable (denied by an SCP): nothing is sent, FAILED with the event\'s id and what to do', async () => {
      cloudFormation.on(DescribeStacksCommand).rejects(new CloudFormationServiceException({
        name: 'AccessDenied', $fault: 'client', $metadata: {}, message: 'not authorized to perform: cloudformation:DescribeStacks',
      }));
      const event = cfnEvent('Update', receiver.url, { ResourceProperties: NEW_PROPERTIES });

      await handler(event, lambdaContext());

      expect(createCalls()).toHaveLength(0);
      const response = cfnResponse();
      expect(response).toMatchObject({ Status: 'FAILED', PhysicalResourceId: event.PhysicalResourceId });
      expect(response.Reason).toMatch(/^StackStatusUnavailable: nothing was sent.*DescribeStacks: AccessDenied: not authorized.*Allow cloudformation:DescribeStacks/);
    });

    test('and the rollback that follows such a failure succeeds without reading it', async () => {
      cloudFormation.on(DescribeStacksCommand).rejects(new Error('unreachable'));
      const forward = cfnEvent('Update', receiver.url, { ResourceProperties: NEW_PROPERTIES });
      await handler(forward, lambdaContext());
      expect(cfnResponse().Status).toBe('FAILED');

      const rollback = cfnEvent('Update', receiver.url, { ResourceProperties: wireProperties(), OldResourceProperties: NEW_PROPERTIES });
      await handler(rollback, lambdaContext());

      expect(cfnResponse()).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: forward.PhysicalResourceId });
      expect(stackReads()).toHaveLength(1);
      expect(createCalls()).toHaveLength(0);
    });

    test('an unexpected status: nothing is sent, FAILED naming it', async () => {
      stackIs('UPDATE_COMPLETE_CLEANUP_IN_PROGRESS');

      await handler(cfnEvent('Update', receiver.url, { ResourceProperties: NEW_PROPERTIES }), lambdaContext());

      expect(createCalls()).toHaveLength(0);
      expect(cfnResponse()).toMatchObject({ Status: 'FAILED' });
      expect(cfnResponse().Reason).toMatch(/^StackNotInProgress: nothing was sent: the stack is UPDATE_COMPLETE_CLEANUP_IN_PROGRESS/);
    });
  });

  describe('of a bare-ARN physical id (no fingerprint)', () => {
    test('with unchanged properties sends nothing and reads nothing', async () => {
      await handler(cfnEvent('Update', receiver.url, { PhysicalResourceId: INVITATION_ARN }), lambdaContext());

      expect(createCalls()).toHaveLength(0);
      expect(stackReads()).toHaveLength(0);
      expect(cfnResponse()).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: INVITATION_ARN, Data: { Arn: INVITATION_ARN, Id: INVITATION_ID } });
    });

    test.each([
      ['UPDATE_ROLLBACK_IN_PROGRESS', 0],
      ['UPDATE_IN_PROGRESS', 1],
    ])('with changed properties in %s sends %d invitation(s)', async (status, sent) => {
      stackIs(status);
      partnerCentral.on(CreateEngagementInvitationCommand).resolves({ Arn: NEW_ARN, Id: NEW_ID });

      await handler(cfnEvent('Update', receiver.url, { PhysicalResourceId: INVITATION_ARN, ResourceProperties: NEW_PROPERTIES }), lambdaContext());

      expect(createCalls()).toHaveLength(sent);
      expect(cfnResponse().Status).toBe('SUCCESS');
    });
  });
});

describe('Delete', () => {
  test.each([
    ['an invitation\'s physical id', physicalIdFor(wireProperties())],
    ['a bare invitation ARN', INVITATION_ARN],
    ['the failed-create marker', INVITATION_CREATE_FAILED_MARKER],
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
    ['a Create', cfnEvent('Create', ''), INVITATION_CREATE_FAILED_MARKER],
    ['an Update', cfnEvent('Update', '', { ResourceProperties: wireProperties('Changed') }), physicalIdFor(wireProperties())],
  ])('answers FAILED before the Lambda timeout when the API does not answer %s', async (_name, event, marker) => {
    stackIs('UPDATE_IN_PROGRESS');
    partnerCentral.on(CreateEngagementInvitationCommand).callsFake(() => new Promise(() => undefined));
    const remaining = DEADLINE_MARGIN_MS + 300;
    const started = Date.now();

    await handler({ ...event, ResponseURL: receiver.url }, lambdaContext(remaining));

    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(remaining);
    expect(cfnResponse()).toMatchObject({ Status: 'FAILED', PhysicalResourceId: marker });
    expect(cfnResponse().Reason).toMatch(/^Timeout: /);
  });

  test('throttling is retried with the same ClientToken until the deadline margin, then FAILED before the guard', async () => {
    partnerCentral.on(CreateEngagementInvitationCommand).rejects(new ThrottlingException({ $metadata: { httpStatusCode: 429 }, message: 'Rate exceeded' }));
    // The middle of every jitter window (1 s at first): attempts at about 0, 1, 2 and 3 s of the 4 s budget, whatever
    // the draw, so the count below does not depend on chance.
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    const event = cfnEvent('Create', receiver.url);
    const remaining = DEADLINE_MARGIN_MS + 4_000;
    const started = Date.now();

    await handler(event, lambdaContext(remaining));

    const elapsed = Date.now() - started;
    const response = cfnResponse();
    expect(response).toMatchObject({ Status: 'FAILED', PhysicalResourceId: INVITATION_CREATE_FAILED_MARKER });
    // Answered by the retries themselves (not the deadline guard's "Timeout"), within the budget.
    expect(response.Reason).toMatch(new RegExp(`^ThrottlingException: Rate exceeded \\(after ${createCalls().length} attempts\\)$`));
    expect(createCalls().length).toBeGreaterThan(2);
    expect(new Set(createCalls().map((c) => c.args[0].input.ClientToken))).toEqual(new Set([event.RequestId]));
    expect(elapsed).toBeGreaterThan(4_000 - 3_000);
    expect(elapsed).toBeLessThan(remaining - DEADLINE_MARGIN_MS);
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
    expect(JSON.parse(body)).toMatchObject({ Status: 'FAILED', PhysicalResourceId: INVITATION_CREATE_FAILED_MARKER });
    expect(JSON.parse(body).Reason).toMatch(/^ValidationException: x+/);
  });
});

describe('logs', () => {
  test('name the request and outcome, never the properties or the ResponseURL', async () => {
    partnerCentral.on(CreateEngagementInvitationCommand)
      .resolvesOnce({ Arn: INVITATION_ARN, Id: INVITATION_ID })
      .rejects(new ValidationException({ $metadata: {}, message: `bad email ${PII.email}`, Message: `bad email ${PII.email}`, Reason: 'REQUEST_VALIDATION_FAILED' }));
    const secretUrl = `${receiver.url}/bucket/key?X-Amz-Signature=abcdef0123456789secret`;

    stackIs('UPDATE_IN_PROGRESS');
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
