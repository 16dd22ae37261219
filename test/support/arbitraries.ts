// fast-check generators of EngagementInvitation props that the service model allows, every optional member
// sometimes present, and of single-rule violations of them (what is broken, where, and the rule's name).
import * as fc from 'fast-check';
import { Catalog, CountryCode, CurrencyCode, EngagementInvitationProps, Industry, PaymentFrequency, ReceiverResponsibility } from '../../lib';

const constants = (c: object) => fc.constantFrom(...(Object.values(c) as string[]));
/** Free text of `min` to `max` characters (the model's `^(?s).{min,max}$`). */
const text = (min: number, max: number) => fc.string({ minLength: min, maxLength: max });
const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const lower = (n: number) => fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: n, maxLength: n });
const word = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), minLength: min, maxLength: max });
/** An optional member: absent or present, both often. */
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

const email = fc.tuple(word(1, 30), word(1, 20), fc.constantFrom('com', 'example', 'co.uk'))
  .map(([local, domain, tld]) => `${local.replace(/^-|-$/g, 'x')}@${domain.replace(/^-|-$/g, 'x')}.${tld}`);
const phone = fc.tuple(fc.integer({ min: 1, max: 9 }), digits(1, 14)).map(([first, rest]) => `+${first}${rest}`);
const date = fc.date({ min: new Date('2026-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const amount = fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.option(digits(0, 2), { nil: undefined }))
  .map(([whole, cents]) => (cents === undefined ? String(whole) : `${whole}.${cents}`));
const website = fc.tuple(fc.constantFrom('https://', 'http://', ''), word(1, 40), fc.constantFrom('.com', '.example', '.co.uk'))
  .map(([scheme, name, tld]) => `${scheme}${name.replace(/^-+|-+$/g, '') || 'acme'}${tld}`);

const senderContact = fc.record({
  email,
  firstName: optional(text(0, 80)),
  lastName: optional(text(0, 80)),
  businessTitle: optional(text(0, 80)),
  phone: optional(phone),
}, { requiredKeys: ['email'] });

const spend = fc.record({
  amount: optional(amount),
  currencyCode: constants(CurrencyCode),
  frequency: constants(PaymentFrequency),
  targetCompany: text(1, 80),
  estimationUrl: optional(fc.stringMatching(/^[a-f0-9]{32,64}$/).map((id) => `https://calculator.aws/#/estimate?id=${id}`)),
}, { requiredKeys: ['currencyCode', 'frequency', 'targetCompany'] });

const opportunityInvitation = fc.record({
  senderContacts: optional(fc.array(senderContact, { minLength: 1, maxLength: 3 })),
  receiverResponsibilities: fc.array(constants(ReceiverResponsibility), { maxLength: 4 }),
  customer: fc.record({ industry: constants(Industry), companyName: text(1, 120), websiteUrl: website, countryCode: constants(CountryCode) }),
  project: fc.record({
    businessProblem: text(20, 2000),
    title: text(1, 255),
    targetCompletionDate: date,
    expectedCustomerSpend: fc.array(spend, { maxLength: 10 }),
  }),
}, { requiredKeys: ['receiverResponsibilities', 'customer', 'project'] });

const leadInvitation = fc.record({
  customer: fc.record({
    industry: optional(text(0, 255)),
    companyName: text(1, 120),
    websiteUrl: optional(text(0, 255)),
    countryCode: optional(text(0, 10)),
    awsMaturity: optional(text(1, 20)),
    marketSegment: optional(text(0, 255)),
  }, { requiredKeys: ['companyName'] }),
  interaction: fc.record({
    sourceType: optional(text(0, 255)),
    sourceId: optional(text(0, 255)),
    sourceName: optional(text(0, 255)),
    usecase: optional(text(1, 255)),
    contactBusinessTitle: text(0, 80),
  }, { requiredKeys: ['contactBusinessTitle'] }),
});

/** Valid props: an opportunity or a lead invitation, each member within the model's rules. */
export const validInvitationProps: fc.Arbitrary<EngagementInvitationProps> = fc.record({
  catalog: constants(Catalog),
  engagementIdentifier: lower(14).map((id) => `eng-${id}`),
  invitation: fc.record({
    message: text(1, 255),
    receiver: fc.record({ account: fc.record({ alias: optional(text(0, 80)), awsAccountId: digits(12, 12) }, { requiredKeys: ['awsAccountId'] }) }),
    payload: fc.oneof(opportunityInvitation.map((o) => ({ opportunityInvitation: o })), leadInvitation.map((l) => ({ leadInvitation: l }))),
  }),
}) as fc.Arbitrary<EngagementInvitationProps>;

/**
 * One broken rule: the camelCase path of the member, its new value (undefined removes it) and the rule's name.
 * `warns`: a value outside a model enum, which is a synth warning (sent as given), not an error.
 */
export interface Violation {
  readonly path: ReadonlyArray<string | number>;
  readonly value: unknown;
  readonly rule: string;
  readonly warns?: boolean;
}

/** Violations that apply to any props of `validInvitationProps` with the given payload. */
export const violation = (payload: 'opportunityInvitation' | 'leadInvitation'): fc.Arbitrary<Violation> => {
  const p = ['invitation', 'payload', payload];
  const common: Array<fc.Arbitrary<Violation>> = [
    fc.constantFrom('Production', 'aws', 'SANDBOX').map((value) => ({ path: ['catalog'], value, rule: 'enum' })),
    word(1, 30).filter((v) => !/^eng-[0-9a-z]{14}$/.test(v)).map((value) => ({ path: ['engagementIdentifier'], value, rule: 'pattern' })),
    fc.constantFrom('', 'x'.repeat(256)).map((value) => ({ path: ['invitation', 'message'], value, rule: 'pattern' })),
    fc.constantFrom('1234567890123', '1111-2222-3333', '').map((value) => ({ path: ['invitation', 'receiver', 'account', 'awsAccountId'], value, rule: 'pattern' })),
    fc.constant({ path: ['invitation', 'message'], value: undefined, rule: 'required' }),
  ];
  const opportunity: Array<fc.Arbitrary<Violation>> = [
    fc.constantFrom('USA', 'XX', 'us').map((value) => ({ path: [...p, 'customer', 'countryCode'], value, rule: 'enum', warns: true })),
    fc.constantFrom('Software', 'Banking').map((value) => ({ path: [...p, 'customer', 'industry'], value, rule: 'enum', warns: true })),
    text(121, 200).map((value) => ({ path: [...p, 'customer', 'companyName'], value, rule: 'pattern' })),
    text(0, 19).map((value) => ({ path: [...p, 'project', 'businessProblem'], value, rule: 'pattern' })),
    fc.constantFrom('31/12/2027', '2027-13-01', '27-01-01').map((value) => ({ path: [...p, 'project', 'targetCompletionDate'], value, rule: 'pattern' })),
    fc.constant({ path: [...p, 'project', 'title'], value: undefined, rule: 'required' }),
    fc.constantFrom('-5', '1.234', 'ten').map((value) => ({ path: [...p, 'project', 'expectedCustomerSpend', 0, 'amount'], value, rule: 'pattern' })),
    fc.constantFrom('jane@', 'no-at-sign', '@example.com').map((value) => ({ path: [...p, 'senderContacts', 0, 'email'], value, rule: 'pattern' })),
    fc.constantFrom('4155550123', '+0123', '+1 415 555').map((value) => ({ path: [...p, 'senderContacts', 0, 'phone'], value, rule: 'pattern' })),
  ];
  const lead: Array<fc.Arbitrary<Violation>> = [
    fc.constant({ path: [...p, 'customer', 'companyName'], value: '', rule: 'pattern' }),
    text(81, 120).map((value) => ({ path: [...p, 'interaction', 'contactBusinessTitle'], value, rule: 'pattern' })),
    text(11, 30).map((value) => ({ path: [...p, 'customer', 'countryCode'], value, rule: 'length' })),
    fc.constant({ path: [...p, 'interaction'], value: undefined, rule: 'required' }),
  ];
  return fc.oneof(...common, ...(payload === 'opportunityInvitation' ? opportunity : lead));
};
