// EngagementInvitation.createFromCliInputJson: the JSON of `aws partnercentral-selling create-engagement-invitation
// --cli-input-json`, read in its own naming and checked with the same rules as the props.
import { Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Engagement, EngagementInvitation } from '../lib';
import { testStack, validProps } from './support/fixtures';
import { toInvitationRequest } from '../lib/engagement-invitation/request';

const TYPE = 'Custom::PartnerCentralEngagementInvitation';

/** What `--generate-cli-skeleton`, filled in, looks like for the fixture invitation. */
function cliJson(extra: Record<string, unknown> = {}): Record<string, any> {
  // Catalog comes first, as in the skeleton: the request's own member order.
  return { ...toInvitationRequest(validProps()), ClientToken: '', ...extra };
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
  // A country code outside the model's list is not among the problems: the construct warns about it instead.
  expect(() => EngagementInvitation.createFromCliInputJson(stack, 'Invite', JSON.stringify(json)))
    .toThrow(expect.objectContaining({ message: expect.not.stringContaining('CountryCode') }));
  expect(stack.node.children).toEqual([]);
});

test.each([
  ['not JSON', '{"Catalog": ', /\(json\): is not valid JSON: .* \(syntax\)/],
  ['not an object', '[1, 2]', /\(json\): must be a JSON object/],
  ['a ClientToken that is not a string', JSON.stringify(cliJson({ ClientToken: 7 })), /ClientToken: must be a string \(type\)/],
])('%s is refused', (_name, json, message) => {
  expect(() => EngagementInvitation.createFromCliInputJson(testStack(), 'Invite', json)).toThrow(message);
});

describe('Engagement.createFromCliInputJson (aws partnercentral-selling create-engagement --cli-input-json)', () => {
  const engagementJson = (extra: Record<string, unknown> = {}) => JSON.stringify({
    Catalog: 'Sandbox',
    ClientToken: '',
    Title: 'Acme migration',
    Description: 'Co-sell on the Acme migration',
    Contexts: [{ Type: 'Lead', Payload: { Lead: { Customer: { CompanyName: 'Acme' }, Interactions: [{ InteractionDate: '2026-11-01T10:00:00Z', Contact: { BusinessTitle: 'CTO', Email: 'cto@acme.example', FirstName: 'Ada', LastName: 'Lee' } }] } } }],
    ...extra,
  });

  test('the JSON becomes the same resource properties, ClientToken left out; options apply', () => {
    const stack = testStack();
    Engagement.createFromCliInputJson(stack, 'Engagement', engagementJson(), { allowReplacement: true });
    const [resource] = Object.values(Template.fromStack(stack).findResources('Custom::PartnerCentralEngagement'));

    const { ClientToken, ...expected } = JSON.parse(engagementJson());
    expect(resource.Properties).toMatchObject({ ...expected, AllowReplacement: 'true' });
    expect(resource.Properties.ClientToken).toBeUndefined();
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toHaveLength(0);
  });

  test('problems name the JSON\'s own paths; a non-empty ClientToken is ignored with a warning', () => {
    expect(() => Engagement.createFromCliInputJson(testStack(), 'Engagement', engagementJson({ Title: 'x'.repeat(41), Contexts: [{ Type: 'Lead', Payload: { Lead: { Customer: { CompanyName: 'Acme' }, Interactions: [{ InteractionDate: '2026-02-30', Contact: { BusinessTitle: 'CTO', Email: 'cto@acme.example', FirstName: 'Ada', LastName: 'Lee' } }] } } }] })))
      .toThrow(/invalid CLI input JSON for CreateEngagement \(2 problems\):\n {2}Title: .*\n {2}Contexts\[0\]\.Payload\.Lead\.Interactions\[0\]\.InteractionDate: /);

    const stack = testStack();
    Engagement.createFromCliInputJson(stack, 'Engagement', engagementJson({ ClientToken: 'my-script-token' }));
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('ClientToken of the CLI input JSON is ignored'))).toHaveLength(1);
  });
});
