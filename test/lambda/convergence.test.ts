// The pure parts of "converge, don't replay": how the handler compares what the service holds with the template,
// which context writes are still missing, how it reads physical ids of any ARN layout, and what it redacts.
import { redact } from '../../lambda/core/redaction';
import { describeError } from '../../lambda/core/service-errors';
import { ContextChanges } from '../../lambda/engagement/context-changes';
import { pendingContextWrites } from '../../lambda/engagement/context-convergence';
import { parseEngagementPhysicalId } from '../../lambda/engagement/lifecycle';
import { parseInvitationPhysicalId } from '../../lambda/engagement-invitation/lifecycle';
import { missingItems, sameContent } from '../../lib/core/same-content';

describe('sameContent', () => {
  test('key order, an InteractionDate as an instant, and members at their model default do not count', () => {
    expect(sameContent({ A: '1', B: { C: '2' } }, { B: { C: '2' }, A: '1' })).toBe(true);
    expect(sameContent({ InteractionDate: '2026-11-01T10:00:00Z' }, { InteractionDate: new Date('2026-11-01T10:00:00.000Z') })).toBe(true);
    expect(sameContent({ Amount: '', List: [], X: '1' }, { X: '1' })).toBe(true);
  });

  test('any other difference counts: a value, a list order, a date written as text elsewhere', () => {
    expect(sameContent({ Message: 'a' }, { Message: 'b' })).toBe(false);
    expect(sameContent({ L: ['a', 'b'] }, { L: ['b', 'a'] })).toBe(false);
    expect(sameContent({ TargetCompletionDate: '2027-03-31' }, { TargetCompletionDate: '2027-03-31T00:00:00Z' })).toBe(false);
    expect(sameContent({ InteractionDate: '2026-11-01T10:00:00Z' }, { InteractionDate: '2026-11-01T10:00:01Z' })).toBe(false);
  });

  test('missingItems counts copies: one held satisfies one wanted', () => {
    expect(missingItems(['a', 'a', 'b'], ['a'])).toEqual(['a', 'b']);
    expect(missingItems(['a', 'b'], ['b', 'a', 'c'])).toEqual([]);
  });
});

describe('pendingContextWrites', () => {
  const interaction = (date: string) => ({ SourceType: 'Event', InteractionDate: date });
  const lead = (...dates: string[]) => ({ Id: 'ld', Type: 'Lead', Payload: { Lead: { Customer: { CompanyName: 'Acme' }, Interactions: dates.map(interaction) } } });
  const appended = (date: string, companyName = 'Acme') => ({ Id: 'ld', Type: 'Lead', Payload: { Lead: { Customer: { CompanyName: companyName }, Interaction: interaction(date) } } });
  const project = (title: string) => ({ Id: 'cp', Type: 'CustomerProject', Payload: { CustomerProject: { Project: { Title: title } } } });
  const changes = (c: Partial<ContextChanges>): ContextChanges => ({ added: [], updates: [], removed: [], ...c });

  test('a context the engagement already holds (same type and payload, any id) is not added again; another is', () => {
    const held = [{ ...project('A'), Id: '7' }]; // the service assigned its own id
    const pending = pendingContextWrites(changes({ added: [project('A'), project('B')] }), [], held);
    expect(pending.added.map((c) => (c.Payload as any).CustomerProject.Project.Title)).toEqual(['B']);
  });

  test('an interaction already held is not appended again; the next one is', () => {
    const wanted = [lead('2026-11-01T10:00:00Z', '2026-11-02T10:00:00Z', '2026-11-03T10:00:00Z')];
    const held = [lead('2026-11-01T10:00:00Z', '2026-11-02T10:00:00.000Z')];
    const pending = pendingContextWrites(changes({ updates: [appended('2026-11-02T10:00:00Z'), appended('2026-11-03T10:00:00Z')] }), wanted, held);
    expect(pending.updates).toEqual([appended('2026-11-03T10:00:00Z')]);
  });

  test('every interaction held but another customer wanted: one update of the lead\'s own members', () => {
    const wanted = [{ ...lead('2026-11-01T10:00:00Z'), Payload: { Lead: { Customer: { CompanyName: 'Acme Corp' }, Interactions: [interaction('2026-11-01T10:00:00Z')] } } }];
    const pending = pendingContextWrites(changes({ updates: [appended('2026-11-01T10:00:00Z', 'Acme Corp')] }), wanted, [lead('2026-11-01T10:00:00Z')]);
    expect(pending.updates).toEqual([{ Id: 'ld', Type: 'Lead', Payload: { Lead: { Customer: { CompanyName: 'Acme Corp' } } } }]);
  });

  test('a customer project update whose payload is already held is not sent; a context not held is sent as is', () => {
    const pending = pendingContextWrites(changes({ updates: [project('B'), { ...project('C'), Id: 'zz' }] }), [], [project('B')]);
    expect(pending.updates).toEqual([{ ...project('C'), Id: 'zz' }]);
  });
});

describe('physical ids of any ARN layout', () => {
  const fingerprint = '0123456789abcdef0123456789abcdef';
  test.each([
    'arn:aws:partnercentral::123456789012:Sandbox/engagement-invitation/engi-0a1b2c3d4e5f6',
    'arn:aws:partnercentral:us-east-1::catalog/Sandbox/engagement-invitation/engi-0a1b2c3d4e5f6',
  ])('%s', (arn) => {
    expect(parseInvitationPhysicalId(`${arn}#${fingerprint}`)).toEqual({ arn, id: 'engi-0a1b2c3d4e5f6', fingerprint });
    expect(parseInvitationPhysicalId(arn)).toEqual({ arn, id: 'engi-0a1b2c3d4e5f6' });
  });

  test('the fingerprint is what follows the last #; a malformed one, a marker or an engagement id is no invitation', () => {
    expect(parseInvitationPhysicalId(`arn:aws:partnercentral::123456789012:Sandbox/engagement-invitation/engi-0a1b2c3d4e5f6#${fingerprint.slice(1)}`)).toBeUndefined();
    expect(parseInvitationPhysicalId('PartnerCentralEngagementInvitation::CREATE_FAILED')).toBeUndefined();
    expect(parseInvitationPhysicalId(`arn:aws:partnercentral:us-east-1::catalog/Sandbox/engagement/eng-abcdefghijklmn#${fingerprint}`)).toBeUndefined();
    expect(parseEngagementPhysicalId(`arn:aws:partnercentral:us-east-1::catalog/Sandbox/engagement/eng-abcdefghijklmn#${fingerprint}`))
      .toEqual({ arn: 'arn:aws:partnercentral:us-east-1::catalog/Sandbox/engagement/eng-abcdefghijklmn', id: 'eng-abcdefghijklmn', fingerprint });
  });
});

describe('redaction', () => {
  const request = {
    Catalog: 'Sandbox',
    Invitation: {
      Message: 'Join us, "Acme" team',
      Receiver: { Account: { AwsAccountId: '111122223333' } },
      Payload: { OpportunityInvitation: { Customer: { CompanyName: 'Acme Pii Holdings', CountryCode: 'US' }, SenderContacts: [{ Email: 'jane@acme.example' }] } },
    },
  };

  test('every sensitive value is replaced by its member name, in any case and JSON-escaped; other values stay', () => {
    const text = 'Value \'JANE@ACME.EXAMPLE\' at SenderContacts[0].Email; "Join us, \\"Acme\\" team"; company Acme Pii Holdings '
      + 'in US (USD), account 111122223333, catalog Sandbox';
    expect(redact(text, request)).toBe('Value \'<Email>\' at SenderContacts[0].Email; "<Message>"; company <CompanyName> '
      + 'in <CountryCode> (USD), account <AwsAccountId>, catalog Sandbox');
  });

  test('describeError takes the values out of the service\'s message and its field names', () => {
    const error = Object.assign(new Error('Invalid email jane@acme.example'), {
      name: 'ValidationException', ErrorList: [{ FieldName: 'Email jane@acme.example', Code: 'INVALID_STRING_FORMAT' }],
    });
    const { reason } = describeError(error, request);
    expect(reason).toBe('ValidationException: Invalid email <Email> [fields: Email <Email> (INVALID_STRING_FORMAT)]');
  });
});
