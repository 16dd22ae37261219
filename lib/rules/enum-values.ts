// Wire values of the Partner Central Selling enums used by CreateEngagementInvitation and CreateEngagement, as
// jsii-friendly constants: `Industry.SOFTWARE_AND_INTERNET` and the plain wire string 'Software and Internet' both work.
// Extracted from the service model (2026-03-31); test/model-conformance.test.ts checks them against it. The long
// lists are in country-codes.ts and currency-codes.ts.

/**
 * Partner Central catalogs: `AWS` for production, `Sandbox` for testing.
 */
export class Catalog {
  public static readonly AWS = 'AWS';
  public static readonly SANDBOX = 'Sandbox';

  private constructor() {}
}

/**
 * Types of an engagement context (`contexts[].type`), each naming the member of `payload` it carries.
 * The model's third type, `ProspectingResult`, is left out: the service generates that context from a prospecting
 * job (model documentation of the `ProspectingResult` member of `EngagementContextPayload`).
 */
export class EngagementContextType {
  public static readonly CUSTOMER_PROJECT = 'CustomerProject';
  public static readonly LEAD = 'Lead';

  private constructor() {}
}

/**
 * Customer industries of an opportunity invitation (`customer.industry`).
 */
export class Industry {
  public static readonly AEROSPACE = 'Aerospace';
  public static readonly AGRICULTURE = 'Agriculture';
  public static readonly AUTOMOTIVE = 'Automotive';
  public static readonly COMPUTERS_AND_ELECTRONICS = 'Computers and Electronics';
  public static readonly CONSUMER_GOODS = 'Consumer Goods';
  public static readonly EDUCATION = 'Education';
  public static readonly ENERGY_OIL_AND_GAS = 'Energy - Oil and Gas';
  public static readonly ENERGY_POWER_AND_UTILITIES = 'Energy - Power and Utilities';
  public static readonly FINANCIAL_SERVICES = 'Financial Services';
  public static readonly GAMING = 'Gaming';
  public static readonly GOVERNMENT = 'Government';
  public static readonly HEALTHCARE = 'Healthcare';
  public static readonly HOSPITALITY = 'Hospitality';
  public static readonly LIFE_SCIENCES = 'Life Sciences';
  public static readonly MANUFACTURING = 'Manufacturing';
  public static readonly MARKETING_AND_ADVERTISING = 'Marketing and Advertising';
  public static readonly MEDIA_AND_ENTERTAINMENT = 'Media and Entertainment';
  public static readonly MINING = 'Mining';
  public static readonly NON_PROFIT_ORGANIZATION = 'Non-Profit Organization';
  public static readonly PROFESSIONAL_SERVICES = 'Professional Services';
  public static readonly REAL_ESTATE_AND_CONSTRUCTION = 'Real Estate and Construction';
  public static readonly RETAIL = 'Retail';
  public static readonly SOFTWARE_AND_INTERNET = 'Software and Internet';
  public static readonly TELECOMMUNICATIONS = 'Telecommunications';
  public static readonly TRANSPORTATION_AND_LOGISTICS = 'Transportation and Logistics';
  public static readonly TRAVEL = 'Travel';
  public static readonly WHOLESALE_AND_DISTRIBUTION = 'Wholesale and Distribution';
  public static readonly OTHER = 'Other';

  private constructor() {}
}

/**
 * Roles the receiving partner takes on (`receiverResponsibilities`).
 */
export class ReceiverResponsibility {
  public static readonly DISTRIBUTOR = 'Distributor';
  public static readonly RESELLER = 'Reseller';
  public static readonly HARDWARE_PARTNER = 'Hardware Partner';
  public static readonly MANAGED_SERVICE_PROVIDER = 'Managed Service Provider';
  public static readonly SOFTWARE_PARTNER = 'Software Partner';
  public static readonly SERVICES_PARTNER = 'Services Partner';
  public static readonly TRAINING_PARTNER = 'Training Partner';
  public static readonly CO_SELL_FACILITATOR = 'Co-Sell Facilitator';
  public static readonly FACILITATOR = 'Facilitator';

  private constructor() {}
}

/**
 * Frequency of an expected customer spend (`expectedCustomerSpend[].frequency`).
 */
export class PaymentFrequency {
  public static readonly MONTHLY = 'Monthly';

  private constructor() {}
}
