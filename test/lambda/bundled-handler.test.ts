// The shipped asset (what Lambda runs), not the sources: loaded from assets/ and driven against a scripted
// Partner Central endpoint on 127.0.0.1 through the SDK's own AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING. Each Create
// first lists the invitations the account already sent (scripted: none), then sends.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HANDLER_ASSET_PATH } from '../../lib/core/partner-central-handler';
import { cfnEvent, INVITATION_ARN, INVITATION_ID, physicalIdFor, wireProperties } from '../support/events';
import { invokeBundledHandler } from '../support/invoke-bundled';
import { awsJson, ScriptedAnswer, ScriptedServer, startScriptedServer } from '../support/local-servers';

let endpoint: ScriptedServer;
let receiver: ScriptedServer;

/** The answer to the handler's look for an identical invitation: the service holds none. */
const NONE_HELD = awsJson(200, { EngagementInvitationSummaries: [] });

/** The CreateEngagementInvitation requests the endpoint received (the reads before them left out). */
function writes() {
  return endpoint.requests.filter((r) => r.headers['x-amz-target'] === 'AWSPartnerCentralSelling.CreateEngagementInvitation');
}

async function runBundled(script: ScriptedAnswer[], requestType: 'Create' | 'Delete' = 'Create') {
  endpoint = await startScriptedServer(requestType === 'Create' ? [NONE_HELD, ...script] : script, 20);
  receiver = await startScriptedServer([{ status: 200 }], 5);
  const event = cfnEvent(requestType, receiver.url);
  const { stdout } = await invokeBundledHandler(event, {
    AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING: endpoint.url,
    AWS_ACCESS_KEY_ID: 'AKIDLOCALTEST',
    AWS_SECRET_ACCESS_KEY: 'local-test-secret',
  });
  expect(receiver.requests).toHaveLength(1);
  return { event, response: JSON.parse(receiver.requests[0].body), log: stdout };
}

afterEach(async () => {
  await endpoint?.close();
  await receiver?.close();
});

test('the asset is one minified file, built from lambda/ by the bundle task', () => {
  expect(fs.readdirSync(HANDLER_ASSET_PATH)).toEqual(['index.js']);
  const code = fs.readFileSync(path.join(HANDLER_ASSET_PATH, 'index.js'), 'utf8');
  expect(code).toContain('CreateEngagementInvitation');
  expect(code.split('\n').length).toBeLessThan(50);
});

test('sends the awsJson1_0 request with ClientToken = RequestId on the wire', async () => {
  const { event, response, log } = await runBundled([awsJson(200, { Arn: INVITATION_ARN, Id: INVITATION_ID })]);

  expect(JSON.parse(log)).toMatchObject({ requestType: 'Create', requestId: event.RequestId, outcome: 'SUCCESS', apiCalls: 1, serviceReads: 1 });
  expect(endpoint.requests.map((r) => r.headers['x-amz-target'])).toEqual([
    'AWSPartnerCentralSelling.ListEngagementInvitations', 'AWSPartnerCentralSelling.CreateEngagementInvitation',
  ]);
  expect(JSON.parse(endpoint.requests[0].body)).toEqual({
    Catalog: 'Sandbox',
    ParticipantType: 'SENDER',
    EngagementIdentifier: ['eng-abcdefghijklmn'],
    Status: ['PENDING', 'ACCEPTED'],
    PayloadType: ['OpportunityInvitation'],
    MaxResults: 100,
  });
  const [request] = writes();
  expect(request.method).toBe('POST');
  expect(request.headers['x-amz-target']).toBe('AWSPartnerCentralSelling.CreateEngagementInvitation');
  expect(request.headers['content-type']).toBe('application/x-amz-json-1.0');
  expect(request.headers.authorization).toMatch(/Credential=AKIDLOCALTEST\/\d{8}\/us-east-1\/partnercentral-selling\//);
  expect(JSON.parse(request.body)).toMatchObject({ ClientToken: event.RequestId, Catalog: 'Sandbox', EngagementIdentifier: 'eng-abcdefghijklmn' });
  expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: physicalIdFor(wireProperties()), Data: { Arn: INVITATION_ARN, Id: INVITATION_ID } });
});

test('throttling, then success: retried by the SDK with the same ClientToken', async () => {
  const throttled = awsJson(429, { message: 'Rate exceeded' }, 'ThrottlingException');
  const { event, response } = await runBundled([throttled, throttled, awsJson(200, { Arn: INVITATION_ARN, Id: INVITATION_ID })]);

  expect(writes()).toHaveLength(3);
  expect(writes().map((r) => JSON.parse(r.body).ClientToken)).toEqual([event.RequestId, event.RequestId, event.RequestId]);
  expect(response.Status).toBe('SUCCESS');
}, 20_000);

test('a 4xx other than throttling fails at once with the service message and fields', async () => {
  const { response } = await runBundled([awsJson(400, {
    message: 'Invalid input',
    Reason: 'REQUEST_VALIDATION_FAILED',
    ErrorList: [{ FieldName: 'Invitation.Receiver.Account.AwsAccountId', Message: 'bad', Code: 'INVALID_STRING_FORMAT' }],
  }, 'ValidationException')]);

  expect(writes()).toHaveLength(1);
  expect(response).toMatchObject({
    Status: 'FAILED',
    Reason: 'ValidationException: Invalid input [fields: Invitation.Receiver.Account.AwsAccountId (INVALID_STRING_FORMAT)]',
  });
});

test('a persisting 5xx gives up after 4 attempts with a FAILED answer', async () => {
  const { response } = await runBundled([awsJson(500, { message: 'boom' }, 'InternalServerException')]);

  expect(writes()).toHaveLength(4);
  expect(response).toMatchObject({ Status: 'FAILED', Reason: 'InternalServerException: boom (after 4 attempts)' });
}, 20_000);

test('Delete makes no call to the endpoint', async () => {
  const { response } = await runBundled([awsJson(500, {})], 'Delete');

  expect(endpoint.requests).toHaveLength(0);
  expect(response.Status).toBe('SUCCESS');
});
