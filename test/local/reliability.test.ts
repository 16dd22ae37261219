// Reliability through the real path: the bundled handler run as Lambda runs it (with Lambda's retries of a failed
// invocation), the local Partner Central endpoint and the local ResponseURL receiver, each failing on purpose.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { invokeCustomResource } from '../../local/local-deploy/custom-resource-invoker';
import { invokeLocalFunction, LocalFunction } from '../../local/local-deploy/lambda-runner';
import { EXAMPLE_STACK_ID, exampleHandler, exampleInvitationProperties, invitationEvent, LocalAccount, startLocalAccount, synthExampleApp } from '../support/local-lifecycle';

let assemblyDir: string;
let handler: LocalFunction;
let properties: Record<string, unknown>;
let account: LocalAccount;

beforeAll(() => {
  assemblyDir = synthExampleApp();
  handler = exampleHandler(assemblyDir);
  properties = exampleInvitationProperties(assemblyDir, handler.functionArn);
});
afterAll(() => fs.rmSync(assemblyDir, { recursive: true, force: true }));
beforeEach(async () => { account = await startLocalAccount(); });
afterEach(async () => account.close());

async function create() {
  const event = invitationEvent(account.receiver, properties, { requestType: 'Create' });
  const invocation = await invokeLocalFunction(handler, event.body, event.requestId, account.functionEnvironment);
  return { event, invocation, response: event.responses().at(-1) };
}

const statuses = () => account.endpoint.calls.map((c) => c.status);

test('a 5xx storm longer than the retry budget: FAILED, with a reason that says what and how often', async () => {
  account.endpoint.injectFaults('internal', 10);

  const { response } = await create();

  expect(statuses()).toEqual([500, 500, 500, 500]);
  expect(response).toMatchObject({ Status: 'FAILED', Reason: 'InternalServerException: An internal error occurred (after 4 attempts)' });
  expect(account.endpoint.store.list()).toHaveLength(0);
}, 30_000);

test('dropped connections are retried with the same ClientToken: SUCCESS, one invitation', async () => {
  account.endpoint.injectFaults('drop', 2);

  const { event, response } = await create();

  expect(statuses()).toEqual(['dropped', 'dropped', 200]);
  expect(new Set(account.endpoint.calls.map((c) => c.clientToken))).toEqual(new Set([event.requestId]));
  expect(response?.Status).toBe('SUCCESS');
  expect(account.endpoint.store.list()).toHaveLength(1);
}, 30_000);

test('a ResponseURL that fails twice (500, then a dropped connection): the answer is still delivered', async () => {
  account.receiver.failNext(1, 'error');
  account.receiver.failNext(1, 'drop');

  const { invocation, response } = await create();

  expect(invocation.outcome).toBe('succeeded');
  expect(response?.Status).toBe('SUCCESS');
  expect(JSON.parse(invocation.logs.trim())).toMatchObject({ outcome: 'SUCCESS', responseDelivered: true });
}, 30_000);

test('a Create whose answer is lost: the invocation fails, Lambda redelivers the event, still one invitation', async () => {
  account.receiver.failNext(5); // every attempt of the first invocation
  const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'reliability-')), 'handler.log');

  const result = await invokeCustomResource(handler, {
    requestType: 'Create',
    stackId: EXAMPLE_STACK_ID,
    logicalId: 'Invitation639644E9',
    resourceType: 'Custom::PartnerCentralEngagementInvitation',
    properties,
  }, { receiver: account.receiver, extraEnvironment: account.functionEnvironment, logFile });

  expect(result).toMatchObject({ status: 'SUCCESS', invocations: 2 });
  // Both invocations called the API with the event's RequestId; the second got the first one's invitation back.
  expect(account.endpoint.calls.map((c) => [c.clientToken, c.status])).toEqual([[result.requestId, 200], [result.requestId, 200]]);
  expect(account.endpoint.store.list().map((i) => i.Arn)).toEqual([result.physicalId]);
  const log = fs.readFileSync(logFile, 'utf8');
  expect(log).toContain('"responseDelivered":false');
  expect(log).toContain('ResponseNotDelivered');
  fs.rmSync(path.dirname(logFile), { recursive: true, force: true });
}, 30_000);
