// The CreateEngagement request in camelCase, member for member and with the same nesting as the API (newest model:
// the committed 2026-03-31 model with local/model/partnercentral-selling.engagement-delta-2026-08-28.json laid over
// it), so that the request is the props with each key capitalised. Constraints are quoted from the model;
// rules.ts enforces them at synth for literal values.
import { PartnerCentralCallOptions } from '../core/call-options';
import { EngagementCustomer } from '../engagement-invitation/invitation-props';

/**
 * How an Engagement is created and changed, apart from the engagement itself.
 */
export interface EngagementOptions extends PartnerCentralCallOptions {
  /**
   * Whether a change that only a new engagement can carry (a changed title or description, a removed context) may
   * create one. A new engagement has none of the old one's members, and the invitations of this stack are sent
   * again to it. Without this, such a change fails the update and says what would happen.
   *
   * @default false
   */
  readonly allowReplacement?: boolean;
}

/**
 * Properties of an Engagement: the CreateEngagement request, in camelCase, and how it is sent.
 *
 * With `assumeRoleArn`, the role of the linked account must allow `partnercentral:CreateEngagement`,
 * `partnercentral:CreateEngagementContext`, `partnercentral:UpdateEngagementContext` and
 * `partnercentral:GetEngagement`, and should allow `partnercentral:ListEngagements` (with which a redeploy adopts an
 * identical engagement an earlier deployment created); the engagement's invitations, which are sent with the same
 * role unless they name their own, need `partnercentral:CreateEngagementInvitation` and should have
 * `partnercentral:ListEngagementInvitations` and `partnercentral:GetEngagementInvitation`.
 */
export interface EngagementProps extends EngagementOptions {
  /**
   * The catalog: the value of the `AWS` constant of the `Catalog` class (the string `AWS`, production) or of its
   * `SANDBOX` constant (the string `Sandbox`, testing); no other value is accepted, because the handler's IAM policy
   * and the resource's identity name the catalog.
   */
  readonly catalog: string;

  /**
   * The engagement's title. Up to 40 characters.
   *
   * @default - no title
   */
  readonly title?: string;

  /**
   * The engagement's description. Up to 255 characters.
   *
   * @default - no description
   */
  readonly description?: string;

  /**
   * What the engagement is about: customer projects and leads. At most 5 contexts.
   *
   * @default - no contexts
   */
  readonly contexts?: EngagementContext[];
}

/**
 * A context of an engagement (the API's `EngagementContextDetails`).
 */
export interface EngagementContext {
  /**
   * The context's identifier within the engagement. 1–3 characters.
   *
   * @default - the service assigns one
   */
  readonly id?: string;

  /**
   * The context's type, which names the member of `payload` it carries: a value held by a constant of the
   * `EngagementContextType` class (for example its `CUSTOMER_PROJECT` constant, the string `CustomerProject`), or that
   * value written as a plain string. Its other constant, `LEAD`, is the string `Lead`. A value the class lacks is sent
   * as given, with a warning when the app is synthesized (the service may have added it since this release).
   */
  readonly type: string;

  /**
   * The context's details. Set exactly one member, the one `type` names.
   *
   * Required here although the API leaves it optional: the handler tells a context the engagement already holds by
   * its type and details, so a context without details could not be recognised on a redeploy.
   */
  readonly payload: EngagementContextPayload;
}

/**
 * The details of an engagement context (a union in the API: set exactly one member).
 */
export interface EngagementContextPayload {
  /**
   * A customer project, for a context of type `CustomerProject`.
   *
   * @default - not a customer project context
   */
  readonly customerProject?: CustomerProjectsContext;

  /**
   * A lead, for a context of type `Lead`.
   *
   * @default - not a lead context
   */
  readonly lead?: LeadContext;
}

/**
 * A customer project context (the API's `CustomerProjectsContext`).
 */
export interface CustomerProjectsContext {
  /**
   * The customer: company, website, industry and country.
   *
   * @default - no customer
   */
  readonly customer?: EngagementCustomer;

  /**
   * The customer's project.
   *
   * @default - no project
   */
  readonly project?: EngagementCustomerProjectDetails;
}

/**
 * The project of a customer project context.
 */
export interface EngagementCustomerProjectDetails {
  /**
   * The project title. 1–255 characters.
   */
  readonly title: string;

  /**
   * The business problem the project aims to solve. 20–2000 characters.
   */
  readonly businessProblem: string;

  /**
   * The target completion date, `YYYY-MM-DD`.
   */
  readonly targetCompletionDate: string;
}

/**
 * A lead context (the API's `LeadContext`).
 */
export interface LeadContext {
  /**
   * The lead's qualification status, such as qualified, disqualified or under evaluation. 1–255 characters.
   *
   * @default - not sent (the service's default is `Unqualified`)
   */
  readonly qualificationStatus?: string;

  /**
   * The lead's customer.
   */
  readonly customer: LeadCustomer;

  /**
   * The interactions with the lead: communications, meetings and other activities. 1–10 entries.
   */
  readonly interactions: LeadInteraction[];
}

/**
 * The customer of a lead context. Industry, country and market segment are free text for leads.
 */
export interface LeadCustomer {
  /**
   * The customer's company name. 1–120 characters.
   */
  readonly companyName: string;

  /**
   * The customer's industry, up to 255 characters.
   *
   * @default - not sent
   */
  readonly industry?: string;

  /**
   * The customer's website, up to 255 characters.
   *
   * @default - not sent
   */
  readonly websiteUrl?: string;

  /**
   * The customer's address.
   *
   * @default - not sent
   */
  readonly address?: LeadAddress;

  /**
   * The customer's experience with and adoption of AWS, up to 255 characters.
   *
   * @default - not sent
   */
  readonly awsMaturity?: string;

  /**
   * The customer's market segment, such as enterprise, mid-market or small business. Up to 255 characters.
   *
   * @default - not sent
   */
  readonly marketSegment?: string;
}

/**
 * The address of a lead's customer.
 */
export interface LeadAddress {
  /**
   * The city, up to 255 characters.
   *
   * @default - not sent
   */
  readonly city?: string;

  /**
   * The postal code, up to 20 characters.
   *
   * @default - not sent
   */
  readonly postalCode?: string;

  /**
   * The state or region, up to 255 characters.
   *
   * @default - not sent
   */
  readonly stateOrRegion?: string;

  /**
   * The country code, up to 10 characters.
   *
   * @default - not sent
   */
  readonly countryCode?: string;
}

/**
 * An interaction with a lead (the API's `LeadInteraction`).
 */
export interface LeadInteraction {
  /**
   * The customer's contact in this interaction.
   */
  readonly contact: LeadContact;

  /**
   * The type of source of the interaction, such as "Event", "Website", "Referral" or "Campaign". Up to 255 characters.
   *
   * @default - not sent (the service's default is empty)
   */
  readonly sourceType?: string;

  /**
   * The identifier of the source of the interaction. Up to 255 characters.
   *
   * @default - not sent (the service's default is empty)
   */
  readonly sourceId?: string;

  /**
   * The name of the source of the interaction. Up to 255 characters.
   *
   * @default - not sent (the service's default is empty)
   */
  readonly sourceName?: string;

  /**
   * The use case discussed. Up to 255 characters.
   *
   * @default - not sent
   */
  readonly usecase?: string;

  /**
   * When the interaction took place: an ISO-8601 date-time with its UTC offset, such as `2026-11-01T10:00:00Z`, or a
   * date such as `2026-11-01` (midnight UTC), on a real calendar day. The template shows this string; the handler
   * sends it as the API's timestamp.
   *
   * @default - not sent
   */
  readonly interactionDate?: string;

  /**
   * What the customer did during or after the interaction, such as asking for information. Up to 255 characters.
   *
   * @default - not sent (the service's default is empty)
   */
  readonly customerAction?: string;

  /**
   * The business problem the customer discussed. Up to 2000 characters.
   *
   * @default - not sent
   */
  readonly businessProblem?: string;
}

/**
 * The customer's contact in a lead interaction.
 */
export interface LeadContact {
  /**
   * The contact's business title. 1–255 characters.
   */
  readonly businessTitle: string;

  /**
   * The contact's email address. 1–255 characters.
   */
  readonly email: string;

  /**
   * The contact's first name, up to 80 characters.
   */
  readonly firstName: string;

  /**
   * The contact's last name, up to 80 characters.
   */
  readonly lastName: string;

  /**
   * The contact's phone number, up to 255 characters.
   *
   * @default - not sent
   */
  readonly phone?: string;
}
