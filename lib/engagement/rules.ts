// The model's rules for a CreateEngagement request, in the table style of engagement-invitation/rules.ts, checked by
// the same walker (rules/validation.ts).
// The shapes are the newest model's: the committed 2026-03-31 model with the 2026-08-28 shapes laid over it
// (local/model/partnercentral-selling.engagement-delta-2026-08-28.json): Title optional and 0-40 characters, the lead
// context's customer, interaction and contact loosened to free text with @length limits.
// test/model-conformance.test.ts checks this table against that model, member by member.
import { CATALOG_RULE, ENGAGEMENT_CUSTOMER_RULE } from '../rules/common-rules';
import { EngagementContextType } from '../rules/enum-values';
import { dateTime, length, list, matching, maxLength, oneOf, opt, req, sensitive, structure, text, union } from '../rules/rule-builders';
import { StructureRule } from '../rules/rule-types';

const customerProjectsContext = structure('CustomerProjectsContext', {
  Customer: opt(ENGAGEMENT_CUSTOMER_RULE),
  Project: opt(structure('EngagementCustomerProjectDetails', {
    Title: req(text(1, 255)),
    BusinessProblem: sensitive(req(text(20, 2000))),
    TargetCompletionDate: req(matching('^[1-9][0-9]{3}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$', 'a date YYYY-MM-DD')),
  })),
});

const leadContext = structure('LeadContext', {
  // `Insights` (LeadInsights) is left out: the model documents it as "Insights that AI generates and associates
  // with the lead", not something a partner declares.
  QualificationStatus: opt(text(1, 255)),
  Customer: req(structure('LeadCustomer', {
    Industry: opt(maxLength(255)),
    CompanyName: sensitive(req(text(1, 120))),
    WebsiteUrl: sensitive(opt(maxLength(255))),
    // City, postal code and state are the customer's address: contact data, though the model marks only the country.
    Address: opt(structure('LeadAddress', {
      City: sensitive(opt(maxLength(255))),
      PostalCode: sensitive(opt(maxLength(20))),
      StateOrRegion: sensitive(opt(maxLength(255))),
      CountryCode: sensitive(opt(maxLength(10))),
    })),
    AwsMaturity: opt(maxLength(255)),
    MarketSegment: opt(maxLength(255)),
  })),
  Interactions: req(list(structure('LeadInteraction', {
    SourceType: opt(text(0, 255)),
    SourceId: opt(text(0, 255)),
    SourceName: opt(text(0, 255)),
    Usecase: opt(maxLength(255)),
    InteractionDate: opt(dateTime()),
    CustomerAction: opt(maxLength(255)),
    BusinessProblem: sensitive(opt(maxLength(2000))),
    Contact: req(structure('LeadContact', {
      BusinessTitle: sensitive(req(length(1, 255))),
      Email: sensitive(req(length(1, 255))),
      FirstName: sensitive(req(text(0, 80))),
      LastName: sensitive(req(text(0, 80))),
      Phone: sensitive(opt(maxLength(255))),
    })),
  }), 1, 10)),
});

/**
 * CreateEngagementRequest without `ClientToken` (the handler sets it). `Catalog` is narrowed as for invitations;
 * the context type and payload to `CustomerProject` and `Lead`: the model's third, `ProspectingResult`, is
 * documented as generated "when a partner runs an autonomous prospecting job on leads", not declared.
 */
export const CREATE_ENGAGEMENT_RULES: StructureRule = structure('CreateEngagementRequest', {
  Catalog: req(CATALOG_RULE),
  Title: opt(text(0, 40)),
  Description: opt(text(0, 255)),
  Contexts: opt(list(structure('EngagementContextDetails', {
    Id: opt(text(1, 3)),
    Type: req(oneOf(EngagementContextType)),
    // Required by the library, optional in the model: a context is recognised by its Type and Payload (props.ts).
    Payload: req(union('EngagementContextPayload', {
      CustomerProject: opt(customerProjectsContext),
      Lead: opt(leadContext),
    })),
  }), undefined, 5)),
});
