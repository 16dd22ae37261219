// Reliability through the real path: the bundled handler run as Lambda runs it (with Lambda's retries of a failed
// invocation), the local Partner Central endpoint and the local ResponseURL receiver, each failing on purpose.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { invokeCustomResource, invokeLocalFunction } from 'cdk-engagement-invitation-local';
import { EXAMPLE_INVITATION_LOGICAL_ID, EXAMPLE_STACK_ID, invitationEvent, useExampleHandler } from '../support/local-lifecycle';

// The example stack's invitations wait for their paced write slots (up to 2.1 s each, lambda/core/write-pacing.ts).
jest.setTimeout(30_000);

const fixture = useExampleHandler();

async function create() {
  const event = invitationEvent(fixture.account.receiver, fixture.properties, { requestType: 'Create' });
  const invocation = await invokeLocalFunction(fixture.handler, event.body, event.requestId, fixture.account.functionEnvironment);
  return { event, invocation, response: event.responses().at(-1) };
}

/** The write calls (the reads before them left out), and what each was answered. */
const writes = () => fixture.account.endpoint.calls.filter((c) => c.operation === 'CreateEngagementInvitation');
const statuses = () => writes().map((c) => c.status);

test('a 5xx storm longer than the retry budget: FAILED, with a reason that says what and how often', async () => {
  fixture.account.endpoint.injectFaults('internal', 10);

  const { response } = await create();

  expect(statuses()).toEqual([500, 500, 500, 500]);
  expect(response).toMatchObject({ Status: 'FAILED', Reason: 'InternalServerException: An internal error occurred (after 4 attempts)' });
  expect(fixture.account.endpoint.store.list()).toHaveLength(0);
}, 30_000);

test('dropped connections are retried with the same ClientToken: SUCCESS, one invitation', async () => {
  fixture.account.endpoint.injectFaults('drop', 2);

  const { event, response } = await create();

  expect(statuses()).toEqual(['dropped', 'dropped', 200]);
  expect(new Set(writes().map((c) => c.clientToken))).toEqual(new Set([event.requestId]));
  expect(response?.Status).toBe('SUCCESS');
  expect(fixture.account.endpoint.store.list()).toHaveLength(1);
}, 30_000);

test('a ResponseURL that fails twice (500, then a dropped connection): the answer is still delivered', async () => {
  fixture.account.receiver.failNext(1, 'error');
  fixture.account.receiver.failNext(1, 'drop');

  const { invocation, response } = await create();

  expect(invocation.outcome).toBe('succeeded');
  expect(response?.Status).toBe('SUCCESS');
  expect(JSON.parse(invocation.logs.trim())).toMatchObject({ outcome: 'SUCCESS', responseDelivered: true });
}, 30_000);

test('a Create whose answer is lost: the invocation fails, Lambda redelivers the event, still one invitation', async () => {
  fixture.account.receiver.failNext(5); // every attempt of the first invocation
  const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'reliability-')), 'handler.log');

  const result = await invokeCustomResource(fixture.handler, {
    requestType: 'Create',
    stackId: EXAMPLE_STACK_ID,
    logicalId: EXAMPLE_INVITATION_LOGICAL_ID,
    resourceType: 'Custom::PartnerCentralEngagementInvitation',
    properties: fixture.properties,
  }, { receiver: fixture.account.receiver, extraEnvironment: fixture.account.functionEnvironment, logFile });

  expect(result).toMatchObject({ status: 'SUCCESS', invocations: 2 });
  // The first invocation sent the invitation with the event's RequestId; the second found it and adopted it.
  expect(writes().map((c) => [c.clientToken, c.status])).toEqual([[result.requestId, 200]]);
  expect(fixture.account.endpoint.store.list().map((i) => i.Arn)).toEqual([result.data.Arn]);
  const log = fs.readFileSync(logFile, 'utf8');
  expect(log).toContain('"responseDelivered":false');
  expect(log).toContain('ResponseNotDelivered');
  expect(log).toContain('"adopted":true');
  fs.rmSync(path.dirname(logFile), { recursive: true, force: true });
}, 30_000);
