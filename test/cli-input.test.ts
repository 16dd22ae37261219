// EngagementInvitation.createFromCliInputJson: the JSON of `aws partnercentral-selling create-engagement-invitation
// --cli-input-json`, read in its own naming and checked with the same rules as the props.
import { Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { EngagementInvitation } from '../lib';
import { toWireRequest } from '../lib/wire-request';
import { testStack, validProps } from './support/fixtures';

const TYPE = 'Custom::PartnerCentralEngagementInvitation';

/** What `--generate-cli-skeleton`, filled in, looks like for the fixture invitation. */
function cliJson(extra: Record<string, unknown> = {}): Record<string, any> {
  return { Catalog: 'Sandbox', ClientToken: '', ...toWireRequest(validProps()), ...extra };
}

const properties = (stack: Stack) => Object.values(Template.fromStack(stack).findResources(TYPE)).map((r) => r.Properties);

test('the same resource as from the props; the ClientToken is ignored with a warning', () => {
  const fromProps = testStack('FromProps');
  new EngagementInvitation(fromProps, 'Invite', validProps());
  const fromJson = testStack('FromJson');
  const invite = EngagementInvitation.createFromCliInputJson(fromJson, 'Invite', JSON.stringify(cliJson({ ClientToken: 'my-script-token-1' })));

  expect(properties(fromJson)).toEqual(properties(fromProps));
  expect(properties(fromJson)[0]).not.toHaveProperty('ClientToken');
  expect(fromJson.resolve(invite.invitationArn)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Invite/), 'Arn'] });
  Annotations.fromStack(fromJson).hasWarning('/FromJson/Invite', Match.stringLikeRegexp('^The ClientToken of the CLI input JSON is ignored'));
});

test('without a ClientToken there is no warning; options apply', () => {
  const stack = testStack();
  const { ClientToken, ...json } = cliJson();
  EngagementInvitation.createFromCliInputJson(stack, 'Invite', JSON.stringify(json), { apiRegion: 'us-east-1', serviceTimeout: Duration.minutes(10) });

  expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
  expect(properties(stack)[0]).toMatchObject({ ApiRegion: 'us-east-1', ServiceTimeout: '600' });
});

test('every problem is reported at once with the JSON\'s own field paths, and nothing is added to the stack', () => {
  const json = cliJson();
  json.Invitation.Payload.LeadInvitation = json.Invitation.Payload.OpportunityInvitation;
  json.Invitation.Payload.OpportunityInvitation.Customer.CountryCode = 'USA';
  json.Invitation.Receiver.Account.AwsAccountId = '1111-2222-3333';
  json.Unexpected = true;
  const stack = testStack();

  expect(() => EngagementInvitation.createFromCliInputJson(stack, 'Invite', JSON.stringify(json))).toThrow(new RegExp([
    '^TestStack/Invite: invalid CLI input JSON for CreateEngagementInvitation \\(\\d+ problems\\):',
    '  Unexpected: is not a field of CreateEngagementInvitationRequest \\(unknown field\\)',
    '  Invitation\\.Receiver\\.Account\\.AwsAccountId: is not a 12-digit AWS account ID or an alias of 1 to 12 .*',
    '  Invitation\\.Payload: must set exactly one of OpportunityInvitation, LeadInvitation; 2 are set \\(union\\)',
  ].join('\n(.*\n)*')));
  expect(() => EngagementInvitation.createFromCliInputJson(stack, 'Invite', JSON.stringify(json)))
    .toThrow(/Invitation\.Payload\.OpportunityInvitation\.Customer\.CountryCode: is not an allowed value; one of the 249 values of the CountryCode constants class \(enum\)/);
  expect(stack.node.children).toEqual([]);
});

test.each([
  ['not JSON', '{"Catalog": ', /\(json\): is not valid JSON: .* \(syntax\)/],
  ['not an object', '[1, 2]', /\(json\): must be a JSON object/],
  ['a ClientToken that is not a string', JSON.stringify(cliJson({ ClientToken: 7 })), /ClientToken: must be a string \(type\)/],
])('%s is refused', (_name, json, message) => {
  expect(() => EngagementInvitation.createFromCliInputJson(testStack(), 'Invite', json)).toThrow(message);
});
