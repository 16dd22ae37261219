// The local deploy's options for what the service does not document (how a sender reads its own invitation, how soon
// a List shows a create) and for denied operations: parsed, refused when malformed, and passed to the endpoint.
import { parseArguments } from '../src/local-deploy/cli-arguments';

test('the defaults: content readable by the sender, nothing denied, no list lag', () => {
  expect(parseArguments(['deploy'])).toMatchObject({ senderInvitationReads: 'content', deniedOperations: [], listLagMs: 0 });
});

test('each option is read, --deny-operation repeatable', () => {
  const options = parseArguments(['deploy', '--sender-invitation-reads', 'summary', '--deny-operation', 'ListEngagements',
    '--deny-operation', 'GetEngagementInvitation', '--list-lag', '5000']);
  expect(options).toMatchObject({ senderInvitationReads: 'summary', deniedOperations: ['ListEngagements', 'GetEngagementInvitation'], listLagMs: 5000 });
});

test('malformed values are refused, naming the option and what it takes', () => {
  expect(() => parseArguments(['deploy', '--sender-invitation-reads', 'all'])).toThrow('--sender-invitation-reads all: expected content, summary, denied');
  expect(() => parseArguments(['deploy', '--list-lag', '1.5s'])).toThrow('--list-lag 1.5s: expected a number of milliseconds');
  expect(() => parseArguments(['deploy', '--deny-operation'])).toThrow('--deny-operation needs a value');
});
