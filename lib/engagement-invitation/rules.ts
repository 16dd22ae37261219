// The model's rules for a CreateEngagementInvitation request, as one table in the API's own (PascalCase) shape,
// checked by the walker of rules/validation.ts at synth and free of aws-cdk-lib, so that other tools (a local endpoint,
// a CLI-JSON importer) can apply exactly the same rules. test/model-conformance.test.ts checks the table against the
// service model, member by member.
import { ENGAGEMENT_ID } from '../core/contract';
import { CATALOG_RULE, ENGAGEMENT_CUSTOMER_RULE } from '../rules/common-rules';
import { CurrencyCode } from '../rules/currency-codes';
import { PaymentFrequency, ReceiverResponsibility } from '../rules/enum-values';
import { maxLength, oneOf, opt, req, sensitive, structure, text, union } from '../rules/rule-builders';
import { StructureRule } from '../rules/rule-types';

const senderContact = structure('SenderContact', {
  Email: sensitive(req({
    kind: 'string',
    pattern: "^(?=.{1,80}$)[a-zA-Z0-9.!#$%&'*+/=?^_{|}~-]+@[a-zA-Z0-9-]+(?:.[a-zA-Z0-9-]+)*$",
    format: 'an email address of at most 80 characters',
  })),
  FirstName: sensitive(opt(text(0, 80))),
  LastName: sensitive(opt(text(0, 80))),
  BusinessTitle: sensitive(opt(text(0, 80))),
  Phone: sensitive(opt({ kind: 'string', pattern: '^\\+[1-9]\\d{1,14}$', format: 'an E.164 phone number such as +14155550100' })),
});

const expectedCustomerSpend = structure('ExpectedCustomerSpend', {
  Amount: sensitive(opt({
    kind: 'string',
    pattern: '^((0|([1-9][0-9]{0,30}))(\\.[0-9]{0,2})?)?$',
    format: 'a decimal amount with at most two decimals, such as 1000 or 99.50',
  })),
  CurrencyCode: sensitive(req(oneOf(CurrencyCode))),
  Frequency: req(oneOf(PaymentFrequency)),
  TargetCompany: req(text(1, 80)),
  EstimationUrl: opt({
    kind: 'string',
    pattern: '^https://(calculator\\.aws|pricing\\.calculator\\.aws\\.eu)/#/estimate\\?id=[a-f0-9]{32,64}$',
    format: 'an AWS Pricing Calculator estimate link',
  }),
});

const opportunityInvitation = structure('OpportunityInvitationPayload', {
  SenderContacts: opt({ kind: 'list', member: senderContact, min: 1, max: 3 }),
  ReceiverResponsibilities: req({ kind: 'list', member: oneOf(ReceiverResponsibility) }),
  Customer: req(ENGAGEMENT_CUSTOMER_RULE),
  Project: req(structure('ProjectDetails', {
    BusinessProblem: sensitive(req(text(20, 2000))),
    Title: req(text(1, 255)),
    TargetCompletionDate: req({
      kind: 'string',
      pattern: '^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$',
      format: 'a date YYYY-MM-DD',
    }),
    ExpectedCustomerSpend: req({ kind: 'list', member: expectedCustomerSpend, min: 0, max: 10 }),
  })),
});

// The lead branch as loosened on 2026-08-04 (free-text industry, country and market segment); AwsMaturity and
// Usecase as in the 2026-08-28 model, whose AwsMaturity and EngagementUseCase shapes it shares with CreateEngagement.
const leadInvitation = structure('LeadInvitationPayload', {
  Customer: req(structure('LeadInvitationCustomer', {
    Industry: opt(maxLength(255)),
    CompanyName: sensitive(req(text(1, 120))),
    WebsiteUrl: sensitive(opt(maxLength(255))),
    CountryCode: sensitive(opt(maxLength(10))),
    AwsMaturity: opt(maxLength(255)),
    MarketSegment: opt(maxLength(255)),
  })),
  Interaction: req(structure('LeadInvitationInteraction', {
    SourceType: opt(text(0, 255)),
    SourceId: opt(text(0, 255)),
    SourceName: opt(text(0, 255)),
    Usecase: opt(maxLength(255)),
    ContactBusinessTitle: sensitive(req(text(0, 80))),
  })),
});

/**
 * CreateEngagementInvitationRequest without `ClientToken` (the handler sets it to the CloudFormation RequestId).
 * `Catalog` is narrowed from the model's `^[a-zA-Z]+$` to the values the service and IAM accept.
 */
export const CREATE_ENGAGEMENT_INVITATION_RULES: StructureRule = structure('CreateEngagementInvitationRequest', {
  Catalog: req(CATALOG_RULE),
  EngagementIdentifier: req({ kind: 'string', pattern: `^${ENGAGEMENT_ID}$`, format: '"eng-" and 14 lowercase letters or digits' }),
  Invitation: req(structure('Invitation', {
    Message: sensitive(req(text(1, 255))),
    Receiver: req(union('Receiver', {
      Account: opt(structure('AccountReceiver', {
        Alias: sensitive(opt(text(0, 80))),
        AwsAccountId: sensitive(req({
          kind: 'string',
          pattern: '^([0-9]{12}|\\w{1,12})$',
          // `\w` without the `i` flag: [A-Za-z0-9_].
          format: 'a 12-digit AWS account ID or an alias of 1 to 12 letters, digits or underscores',
        })),
      })),
    })),
    Payload: req(union('Payload', {
      OpportunityInvitation: opt(opportunityInvitation),
      LeadInvitation: opt(leadInvitation),
    })),
  })),
});
