// A Create through the handler entry point when the function's environment carries the stack's write plan: the write
// waits for its slot on the clock, the stack's status is read again just before it, and a stack that stopped waiting
// in the meantime gets nothing sent. SDK clients mocked; the ResponseURL is a real server on 127.0.0.1.
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CreateEngagementInvitationCommand, PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import { mockClient } from 'aws-sdk-client-mock';
import { STATUS_READ_LEAD_MS } from '../../lambda/core/call-retries';
import { lanesOf } from '../../lambda/core/write-pacing';
import { handler } from '../../lambda/index';
import { INVITATIONS_IN_FLIGHT_ENV, PLANNED_WRITE_RATE_ENV } from '../../lib/core/contract';
import { cfnEvent, INVITATION_ARN, INVITATION_ID, lambdaContext } from '../support/events';
import { ScriptedServer, startScriptedServer } from '../support/local-servers';

const partnerCentral = mockClient(PartnerCentralSellingClient);
const cloudFormation = mockClient(CloudFormationClient);
let receiver: ScriptedServer;
let logged: string[];
// One invitation in flight at 1 request/s: a round of one slot (1.05 s), so each test waits about a second.
const plan = { [INVITATIONS_IN_FLIGHT_ENV]: '1', [PLANNED_WRITE_RATE_ENV]: '1' };
const { slotMs } = lanesOf({ inFlight: 1, writesPerSecond: 1 });

beforeEach(async () => {
  partnerCentral.reset();
  cloudFormation.reset();
  Object.assign(process.env, plan);
  receiver = await startScriptedServer([{ status: 200 }]);
  logged = [];
  jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => { logged.push(args.map(String).join(' ')); });
});

afterEach(async () => {
  for (const key of Object.keys(plan)) delete process.env[key];
  jest.restoreAllMocks();
  await receiver.close();
});

function stackIs(...statuses: string[]) {
  let reads = 0;
  cloudFormation.on(DescribeStacksCommand).callsFake(() => {
    const status = statuses[Math.min(reads++, statuses.length - 1)];
    return { Stacks: [{ StackName: 'InvitationStack', StackStatus: status, CreationTime: new Date() }] };
  });
}

test('the write leaves on a slot of the grid, after a second read of the stack\'s status', async () => {
  stackIs('CREATE_IN_PROGRESS');
  const sentAt: number[] = [];
  partnerCentral.on(CreateEngagementInvitationCommand).callsFake(() => {
    sentAt.push(Date.now());
    return { Arn: INVITATION_ARN, Id: INVITATION_ID };
  });
  const started = Date.now();

  await handler(cfnEvent('Create', receiver.url), lambdaContext());

  expect(JSON.parse(receiver.requests[0].body)).toMatchObject({ Status: 'SUCCESS', Data: { Arn: INVITATION_ARN } });
  expect(sentAt).toHaveLength(1);
  // One round (one slot) after the slot the invocation started in; timers fire a little late, never early.
  const slotOfStart = Math.floor(started / slotMs) * slotMs;
  expect(sentAt[0]).toBeGreaterThanOrEqual(slotOfStart + slotMs);
  expect(sentAt[0] - (slotOfStart + slotMs)).toBeLessThan(200);
  expect(cloudFormation.commandCalls(DescribeStacksCommand)).toHaveLength(2);
  expect(STATUS_READ_LEAD_MS).toBeLessThan(slotMs);
});

test('a stack that began to roll back while the write waited for its slot gets nothing sent, and the log says 0 writes', async () => {
  stackIs('CREATE_IN_PROGRESS', 'ROLLBACK_IN_PROGRESS');
  partnerCentral.on(CreateEngagementInvitationCommand).resolves({ Arn: INVITATION_ARN, Id: INVITATION_ID });

  await handler(cfnEvent('Create', receiver.url), lambdaContext());

  expect(partnerCentral.commandCalls(CreateEngagementInvitationCommand)).toHaveLength(0);
  const response = JSON.parse(receiver.requests[0].body);
  expect(response).toMatchObject({ Status: 'FAILED', Reason: expect.stringMatching(/^StackNotInProgress: .*ROLLBACK_IN_PROGRESS/) });
  expect(JSON.parse(logged[logged.length - 1])).toMatchObject({ outcome: 'FAILED', errorName: 'StackNotInProgress', apiCalls: 0, stackReads: 2 });
});
