// Rules that both request tables hold: the catalog, and the customer of an opportunity invitation, which is also the
// customer of an engagement's CustomerProject context. Free of aws-cdk-lib, as the tables are.
import { CountryCode } from './country-codes';
import { Catalog, Industry } from './enum-values';
import { oneOf, req, sensitive, structure, text, values } from './rule-builders';
import { StringRule, StructureRule } from './rule-types';

/**
 * `CatalogIdentifier`, narrowed from the model's `^[a-zA-Z]+$` to the values the service and IAM accept (the model
 * says the value is "validated at runtime against an allowlist"; the partnercentral:Catalog condition key lists it).
 */
export const CATALOG_RULE: StringRule = { kind: 'string', pattern: '^[a-zA-Z]+$', enum: values(Catalog), enumName: Catalog.name };

/** `EngagementCustomer`: the customer of an opportunity invitation and of a CustomerProject engagement context. */
export const ENGAGEMENT_CUSTOMER_RULE: StructureRule = structure('EngagementCustomer', {
  Industry: req(oneOf(Industry)),
  CompanyName: sensitive(req(text(1, 120))),
  WebsiteUrl: sensitive(req({
    kind: 'string',
    pattern: '^(?=.{4,255}$)((http|https)://)??(www[.])??([a-zA-Z0-9]|-)+?([.][a-zA-Z0-9(-|/|=|?)??]+?)+?$',
    format: 'a website address of 4 to 255 characters, such as https://example.com',
  })),
  CountryCode: sensitive(req(oneOf(CountryCode))),
});

