// The write plan of a stack: the rate it plans for (context key cdk-engagement-invitation:maxWriteRate) and the
// invitations in flight, given to the handler function through its environment, never through the resources.
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Catalog, Engagement, EngagementInvitation } from '../lib';
import { distinctProps, testApp, validProps } from './support/fixtures';
import { chainHeadKey } from '../lib/core/contract';
import { chainsAtRate } from '../lib/core/write-rate';

const TYPE = 'Custom::PartnerCentralEngagementInvitation';

function stackWith(count: number, context: Record<string, unknown> = {}): Stack {
  const stack = new Stack(testApp(), 'Planned');
  for (const [key, value] of Object.entries(context)) stack.node.setContext(key, value);
  for (let i = 0; i < count; i++) new EngagementInvitation(stack, `Invite${i}`, distinctProps(i));
  return stack;
}

function functionEnvironment(stack: Stack): Record<string, string> | undefined {
  const [fn] = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'));
  return fn.Properties.Environment?.Variables;
}

/** The logical ids of the invitations with no chain predecessor, in template order. */
function chainHeadIds(stack: Stack): string[] {
  const resources = Template.fromStack(stack).findResources(TYPE);
  const ids = new Set(Object.keys(resources));
  return Object.entries(resources).filter(([, r]) => !(r.DependsOn as string[]).some((id) => ids.has(id))).map(([id]) => id);
}

test('by default the function plans for the documented 1 request/s with 5 invitations in flight, and knows the chain heads', () => {
  const stack = stackWith(12);
  expect(functionEnvironment(stack)).toEqual({
    INVITATIONS_IN_FLIGHT: '5', PLANNED_WRITES_PER_SECOND: '1', CHAIN_HEADS: chainHeadIds(stack).map(chainHeadKey).join(' '),
  });
  expect(chainHeadIds(stack)).toHaveLength(5);
});

test('a stack with fewer invitations than chains has only those in flight', () => {
  expect(functionEnvironment(stackWith(2))).toMatchObject({ INVITATIONS_IN_FLIGHT: '2', PLANNED_WRITES_PER_SECOND: '1' });
});

test('the invitations themselves carry no pacing property: a deployed stack gets no Update of its resources', () => {
  const [invitation] = Object.values(Template.fromStack(stackWith(3)).findResources(TYPE));
  expect(Object.keys(invitation.Properties).sort()).toEqual(['Catalog', 'EngagementIdentifier', 'Invitation', 'ServiceTimeout', 'ServiceToken']);
});

test('a stack with engagements only keeps a function without environment', () => {
  const stack = new Stack(testApp(), 'EngagementsOnly');
  new Engagement(stack, 'Engagement', { catalog: Catalog.SANDBOX, title: 'Data platform migration', description: 'Acme moves its analytics to AWS.' });
  expect(functionEnvironment(stack)).toBeUndefined();
});

test('"unlimited" chains have no plan: the function has no pacing environment', () => {
  expect(functionEnvironment(stackWith(3, { 'cdk-engagement-invitation:maxConcurrentInvitations': 'unlimited' }))).toBeUndefined();
});

test.each([
  ['0.5', '0.5', 5],
  [0.25, '0.25', 5],
  ['0.1', '0.1', 2],
  [0.05, '0.05', 1],
  ['3', '3', 5],
])('maxWriteRate %s: the function plans for %s request/s with %s chains', (value, planned, chains) => {
  const stack = stackWith(12, { 'cdk-engagement-invitation:maxWriteRate': value });
  expect(functionEnvironment(stack)).toMatchObject({ INVITATIONS_IN_FLIGHT: String(chains), PLANNED_WRITES_PER_SECOND: planned });
  expect(chainHeadIds(stack)).toHaveLength(chains);
});

test('a low rate lowers an explicit chain count too, so that each invitation\'s turn comes within 20 s', () => {
  expect(chainsAtRate(10, 1)).toBe(10);
  expect(chainsAtRate(30, 1)).toBe(20);
  expect(chainsAtRate(10, 0.2)).toBe(4);
});

test.each([0, '0', -1, '0.01', 'fast', '1/s', Infinity])('an invalid maxWriteRate (%s) is refused at synth, naming the key, before anything is added', (value) => {
  const stack = new Stack(testApp(), 'Planned');
  stack.node.setContext('cdk-engagement-invitation:maxWriteRate', value);

  expect(() => new EngagementInvitation(stack, 'Invite', validProps()))
    .toThrow(/context cdk-engagement-invitation:maxWriteRate: .* is not a number of write requests per second of at least 0.05 .*\(context\)/);
  expect(stack.node.children).toHaveLength(0);
});
