// The API's `Invitation` structure in camelCase, member for member and with the same nesting, so that
// `toInvitationRequest` (request.ts) maps it to the request shape by capitalising keys. Constraints are quoted from
// the service model; rules.ts enforces them at synth for literal values.

/**
 * The invitation sent to the receiving partner (the API's `Invitation`).
 */
export interface Invitation {
  /**
   * The message the receiver sees with the invitation. 1–255 characters.
   */
  readonly message: string;

  /**
   * Who is invited.
   */
  readonly receiver: Receiver;

  /**
   * What the receiver is invited to. Set exactly one member.
   */
  readonly payload: InvitationPayload;
}

/**
 * The receiver of an invitation (a union in the API: set exactly one member).
 */
export interface Receiver {
  /**
   * A partner's AWS account.
   *
   * @default - none; required today, since it is the union's only member
   */
  readonly account?: AccountReceiver;
}

/**
 * A receiving partner identified by its AWS account.
 */
export interface AccountReceiver {
  /**
   * The receiver's 12-digit AWS account ID (or a short alias of up to 12 word characters).
   */
  readonly awsAccountId: string;

  /**
   * A friendly name for the receiver. Up to 80 characters.
   *
   * @default - no alias
   */
  readonly alias?: string;
}

/**
 * The invitation payload (a union in the API: set exactly one of `opportunityInvitation` and `leadInvitation`).
 */
export interface InvitationPayload {
  /**
   * Invite the receiver to co-sell an opportunity.
   *
   * @default - not an opportunity invitation
   */
  readonly opportunityInvitation?: OpportunityInvitationPayload;

  /**
   * Share a lead with the receiver.
   *
   * @default - not a lead invitation
   */
  readonly leadInvitation?: LeadInvitationPayload;
}

/**
 * An opportunity invitation (the API's `OpportunityInvitationPayload`).
 */
export interface OpportunityInvitationPayload {
  /**
   * The sender's contacts for this opportunity. 1–3 entries.
   *
   * @default - no sender contacts
   */
  readonly senderContacts?: SenderContact[];

  /**
   * The roles the receiver is asked to take on, each: a value held by a constant of the `ReceiverResponsibility` class
   * (for example its `RESELLER` constant, the string `Reseller`), or that value written as a plain string. A value the
   * class lacks is sent as given, with a warning when the app is synthesized (the service may have added it since this
   * release).
   */
  readonly receiverResponsibilities: string[];

  /**
   * The end customer.
   */
  readonly customer: EngagementCustomer;

  /**
   * The project the opportunity is about.
   */
  readonly project: ProjectDetails;
}

/**
 * A contact on the sender's side.
 */
export interface SenderContact {
  /**
   * Email address, up to 80 characters.
   */
  readonly email: string;

  /**
   * First name, up to 80 characters.
   *
   * @default - not sent
   */
  readonly firstName?: string;

  /**
   * Last name, up to 80 characters.
   *
   * @default - not sent
   */
  readonly lastName?: string;

  /**
   * Job title, up to 80 characters.
   *
   * @default - not sent
   */
  readonly businessTitle?: string;

  /**
   * Phone number in E.164 form, e.g. `+14155550100`.
   *
   * @default - not sent
   */
  readonly phone?: string;
}

/**
 * The end customer of an opportunity invitation.
 */
export interface EngagementCustomer {
  /**
   * The customer's industry: a value held by a constant of the `Industry` class (for example its
   * `SOFTWARE_AND_INTERNET` constant, the string `Software and Internet`), or that value written as a plain string. A
   * value the class lacks is sent as given, with a warning when the app is synthesized (the service may have added it
   * since this release).
   */
  readonly industry: string;

  /**
   * The customer's company name. 1–120 characters.
   */
  readonly companyName: string;

  /**
   * The customer's website, 4–255 characters, e.g. `https://example.com`.
   */
  readonly websiteUrl: string;

  /**
   * The customer's country, an ISO 3166-1 alpha-2 code: a value held by a constant of the `CountryCode` class (for
   * example its `US` constant, the string `US`), or that value written as a plain string. A value the class lacks is
   * sent as given, with a warning when the app is synthesized (the service may have added it since this release).
   */
  readonly countryCode: string;
}

/**
 * The project of an opportunity invitation.
 */
export interface ProjectDetails {
  /**
   * The customer's business problem. 20–2000 characters.
   */
  readonly businessProblem: string;

  /**
   * The project title. 1–255 characters.
   */
  readonly title: string;

  /**
   * The target completion date, `YYYY-MM-DD`.
   */
  readonly targetCompletionDate: string;

  /**
   * The expected customer spend. 0–10 entries.
   */
  readonly expectedCustomerSpend: ExpectedCustomerSpend[];
}

/**
 * An expected customer spend on AWS.
 */
export interface ExpectedCustomerSpend {
  /**
   * The amount as a decimal string with up to two decimals, e.g. `'1000'` or `'99.50'`.
   *
   * @default - the service's default, an empty amount
   */
  readonly amount?: string;

  /**
   * The currency, an ISO 4217 code: a value held by a constant of the `CurrencyCode` class (for example its `USD`
   * constant, the string `USD`), or that value written as a plain string. A value the class lacks is sent as given,
   * with a warning when the app is synthesized (the service may have added it since this release).
   */
  readonly currencyCode: string;

  /**
   * How often the amount is spent: a value held by a constant of the `PaymentFrequency` class (for example its
   * `MONTHLY` constant, the string `Monthly`), or that value written as a plain string. The model has one value today.
   * A value the class lacks is sent as given, with a warning when the app is synthesized (the service may have added
   * it since this release).
   */
  readonly frequency: string;

  /**
   * The company receiving the spend. The API only accepts `AWS` (any other value is set to `AWS`).
   */
  readonly targetCompany: string;

  /**
   * A link to an AWS Pricing Calculator estimate.
   *
   * @default - no estimate
   */
  readonly estimationUrl?: string;
}

/**
 * A lead invitation (the API's `LeadInvitationPayload`).
 */
export interface LeadInvitationPayload {
  /**
   * The lead's customer.
   */
  readonly customer: LeadInvitationCustomer;

  /**
   * How the lead came about.
   */
  readonly interaction: LeadInvitationInteraction;
}

/**
 * The customer of a lead invitation. Industry, country and market segment are free text for leads.
 */
export interface LeadInvitationCustomer {
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
   * The customer's country code, up to 10 characters.
   *
   * @default - not sent (the service's default is empty)
   */
  readonly countryCode?: string;

  /**
   * The customer's AWS maturity, up to 255 characters.
   *
   * @default - not sent
   */
  readonly awsMaturity?: string;

  /**
   * The customer's market segment, up to 255 characters.
   *
   * @default - not sent
   */
  readonly marketSegment?: string;
}

/**
 * The interaction a lead comes from.
 */
export interface LeadInvitationInteraction {
  /**
   * The business title of the customer contact, up to 80 characters.
   */
  readonly contactBusinessTitle: string;

  /**
   * The source type, up to 255 characters.
   *
   * @default - not sent (the service's default is empty)
   */
  readonly sourceType?: string;

  /**
   * The source identifier, up to 255 characters.
   *
   * @default - not sent (the service's default is empty)
   */
  readonly sourceId?: string;

  /**
   * The source name, up to 255 characters.
   *
   * @default - not sent (the service's default is empty)
   */
  readonly sourceName?: string;

  /**
   * The use case, up to 255 characters.
   *
   * @default - not sent
   */
  readonly usecase?: string;
}
