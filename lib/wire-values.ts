// Wire values of the Partner Central Selling enums used by CreateEngagementInvitation and CreateEngagement, as
// jsii-friendly constants: `Industry.SOFTWARE_AND_INTERNET` and the plain wire string 'Software and Internet' both work.
// Extracted from the service model (2026-03-31); test/model-conformance.test.ts checks them against it.

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
 * job (model documentation of `EngagementContextPayload.ProspectingResult`).
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

/**
 * ISO 3166-1 alpha-2 country codes accepted for an opportunity invitation's `customer.countryCode`.
 */
export class CountryCode {
  public static readonly US = 'US';
  public static readonly AF = 'AF';
  public static readonly AX = 'AX';
  public static readonly AL = 'AL';
  public static readonly DZ = 'DZ';
  public static readonly AS = 'AS';
  public static readonly AD = 'AD';
  public static readonly AO = 'AO';
  public static readonly AI = 'AI';
  public static readonly AQ = 'AQ';
  public static readonly AG = 'AG';
  public static readonly AR = 'AR';
  public static readonly AM = 'AM';
  public static readonly AW = 'AW';
  public static readonly AU = 'AU';
  public static readonly AT = 'AT';
  public static readonly AZ = 'AZ';
  public static readonly BS = 'BS';
  public static readonly BH = 'BH';
  public static readonly BD = 'BD';
  public static readonly BB = 'BB';
  public static readonly BY = 'BY';
  public static readonly BE = 'BE';
  public static readonly BZ = 'BZ';
  public static readonly BJ = 'BJ';
  public static readonly BM = 'BM';
  public static readonly BT = 'BT';
  public static readonly BO = 'BO';
  public static readonly BQ = 'BQ';
  public static readonly BA = 'BA';
  public static readonly BW = 'BW';
  public static readonly BV = 'BV';
  public static readonly BR = 'BR';
  public static readonly IO = 'IO';
  public static readonly BN = 'BN';
  public static readonly BG = 'BG';
  public static readonly BF = 'BF';
  public static readonly BI = 'BI';
  public static readonly KH = 'KH';
  public static readonly CM = 'CM';
  public static readonly CA = 'CA';
  public static readonly CV = 'CV';
  public static readonly KY = 'KY';
  public static readonly CF = 'CF';
  public static readonly TD = 'TD';
  public static readonly CL = 'CL';
  public static readonly CN = 'CN';
  public static readonly CX = 'CX';
  public static readonly CC = 'CC';
  public static readonly CO = 'CO';
  public static readonly KM = 'KM';
  public static readonly CG = 'CG';
  public static readonly CK = 'CK';
  public static readonly CR = 'CR';
  public static readonly CI = 'CI';
  public static readonly HR = 'HR';
  public static readonly CU = 'CU';
  public static readonly CW = 'CW';
  public static readonly CY = 'CY';
  public static readonly CZ = 'CZ';
  public static readonly CD = 'CD';
  public static readonly DK = 'DK';
  public static readonly DJ = 'DJ';
  public static readonly DM = 'DM';
  public static readonly DO = 'DO';
  public static readonly EC = 'EC';
  public static readonly EG = 'EG';
  public static readonly SV = 'SV';
  public static readonly GQ = 'GQ';
  public static readonly ER = 'ER';
  public static readonly EE = 'EE';
  public static readonly ET = 'ET';
  public static readonly FK = 'FK';
  public static readonly FO = 'FO';
  public static readonly FJ = 'FJ';
  public static readonly FI = 'FI';
  public static readonly FR = 'FR';
  public static readonly GF = 'GF';
  public static readonly PF = 'PF';
  public static readonly TF = 'TF';
  public static readonly GA = 'GA';
  public static readonly GM = 'GM';
  public static readonly GE = 'GE';
  public static readonly DE = 'DE';
  public static readonly GH = 'GH';
  public static readonly GI = 'GI';
  public static readonly GR = 'GR';
  public static readonly GL = 'GL';
  public static readonly GD = 'GD';
  public static readonly GP = 'GP';
  public static readonly GU = 'GU';
  public static readonly GT = 'GT';
  public static readonly GG = 'GG';
  public static readonly GN = 'GN';
  public static readonly GW = 'GW';
  public static readonly GY = 'GY';
  public static readonly HT = 'HT';
  public static readonly HM = 'HM';
  public static readonly VA = 'VA';
  public static readonly HN = 'HN';
  public static readonly HK = 'HK';
  public static readonly HU = 'HU';
  public static readonly IS = 'IS';
  public static readonly IN = 'IN';
  public static readonly ID = 'ID';
  public static readonly IR = 'IR';
  public static readonly IQ = 'IQ';
  public static readonly IE = 'IE';
  public static readonly IM = 'IM';
  public static readonly IL = 'IL';
  public static readonly IT = 'IT';
  public static readonly JM = 'JM';
  public static readonly JP = 'JP';
  public static readonly JE = 'JE';
  public static readonly JO = 'JO';
  public static readonly KZ = 'KZ';
  public static readonly KE = 'KE';
  public static readonly KI = 'KI';
  public static readonly KR = 'KR';
  public static readonly KW = 'KW';
  public static readonly KG = 'KG';
  public static readonly LA = 'LA';
  public static readonly LV = 'LV';
  public static readonly LB = 'LB';
  public static readonly LS = 'LS';
  public static readonly LR = 'LR';
  public static readonly LY = 'LY';
  public static readonly LI = 'LI';
  public static readonly LT = 'LT';
  public static readonly LU = 'LU';
  public static readonly MO = 'MO';
  public static readonly MK = 'MK';
  public static readonly MG = 'MG';
  public static readonly MW = 'MW';
  public static readonly MY = 'MY';
  public static readonly MV = 'MV';
  public static readonly ML = 'ML';
  public static readonly MT = 'MT';
  public static readonly MH = 'MH';
  public static readonly MQ = 'MQ';
  public static readonly MR = 'MR';
  public static readonly MU = 'MU';
  public static readonly YT = 'YT';
  public static readonly MX = 'MX';
  public static readonly FM = 'FM';
  public static readonly MD = 'MD';
  public static readonly MC = 'MC';
  public static readonly MN = 'MN';
  public static readonly ME = 'ME';
  public static readonly MS = 'MS';
  public static readonly MA = 'MA';
  public static readonly MZ = 'MZ';
  public static readonly MM = 'MM';
  public static readonly NA = 'NA';
  public static readonly NR = 'NR';
  public static readonly NP = 'NP';
  public static readonly NL = 'NL';
  public static readonly AN = 'AN';
  public static readonly NC = 'NC';
  public static readonly NZ = 'NZ';
  public static readonly NI = 'NI';
  public static readonly NE = 'NE';
  public static readonly NG = 'NG';
  public static readonly NU = 'NU';
  public static readonly NF = 'NF';
  public static readonly MP = 'MP';
  public static readonly NO = 'NO';
  public static readonly OM = 'OM';
  public static readonly PK = 'PK';
  public static readonly PW = 'PW';
  public static readonly PS = 'PS';
  public static readonly PA = 'PA';
  public static readonly PG = 'PG';
  public static readonly PY = 'PY';
  public static readonly PE = 'PE';
  public static readonly PH = 'PH';
  public static readonly PN = 'PN';
  public static readonly PL = 'PL';
  public static readonly PT = 'PT';
  public static readonly PR = 'PR';
  public static readonly QA = 'QA';
  public static readonly RE = 'RE';
  public static readonly RO = 'RO';
  public static readonly RU = 'RU';
  public static readonly RW = 'RW';
  public static readonly BL = 'BL';
  public static readonly SH = 'SH';
  public static readonly KN = 'KN';
  public static readonly LC = 'LC';
  public static readonly MF = 'MF';
  public static readonly PM = 'PM';
  public static readonly VC = 'VC';
  public static readonly WS = 'WS';
  public static readonly SM = 'SM';
  public static readonly ST = 'ST';
  public static readonly SA = 'SA';
  public static readonly SN = 'SN';
  public static readonly RS = 'RS';
  public static readonly SC = 'SC';
  public static readonly SL = 'SL';
  public static readonly SG = 'SG';
  public static readonly SX = 'SX';
  public static readonly SK = 'SK';
  public static readonly SI = 'SI';
  public static readonly SB = 'SB';
  public static readonly SO = 'SO';
  public static readonly ZA = 'ZA';
  public static readonly GS = 'GS';
  public static readonly SS = 'SS';
  public static readonly ES = 'ES';
  public static readonly LK = 'LK';
  public static readonly SD = 'SD';
  public static readonly SR = 'SR';
  public static readonly SJ = 'SJ';
  public static readonly SZ = 'SZ';
  public static readonly SE = 'SE';
  public static readonly CH = 'CH';
  public static readonly SY = 'SY';
  public static readonly TW = 'TW';
  public static readonly TJ = 'TJ';
  public static readonly TZ = 'TZ';
  public static readonly TH = 'TH';
  public static readonly TL = 'TL';
  public static readonly TG = 'TG';
  public static readonly TK = 'TK';
  public static readonly TO = 'TO';
  public static readonly TT = 'TT';
  public static readonly TN = 'TN';
  public static readonly TR = 'TR';
  public static readonly TM = 'TM';
  public static readonly TC = 'TC';
  public static readonly TV = 'TV';
  public static readonly UG = 'UG';
  public static readonly UA = 'UA';
  public static readonly AE = 'AE';
  public static readonly GB = 'GB';
  public static readonly UM = 'UM';
  public static readonly UY = 'UY';
  public static readonly UZ = 'UZ';
  public static readonly VU = 'VU';
  public static readonly VE = 'VE';
  public static readonly VN = 'VN';
  public static readonly VG = 'VG';
  public static readonly VI = 'VI';
  public static readonly WF = 'WF';
  public static readonly EH = 'EH';
  public static readonly YE = 'YE';
  public static readonly ZM = 'ZM';
  public static readonly ZW = 'ZW';

  private constructor() {}
}

/**
 * ISO 4217 currency codes accepted for `expectedCustomerSpend[].currencyCode`.
 */
export class CurrencyCode {
  public static readonly USD = 'USD';
  public static readonly EUR = 'EUR';
  public static readonly GBP = 'GBP';
  public static readonly AUD = 'AUD';
  public static readonly CAD = 'CAD';
  public static readonly CNY = 'CNY';
  public static readonly NZD = 'NZD';
  public static readonly INR = 'INR';
  public static readonly JPY = 'JPY';
  public static readonly CHF = 'CHF';
  public static readonly SEK = 'SEK';
  public static readonly AED = 'AED';
  public static readonly AFN = 'AFN';
  public static readonly ALL = 'ALL';
  public static readonly AMD = 'AMD';
  public static readonly ANG = 'ANG';
  public static readonly AOA = 'AOA';
  public static readonly ARS = 'ARS';
  public static readonly AWG = 'AWG';
  public static readonly AZN = 'AZN';
  public static readonly BAM = 'BAM';
  public static readonly BBD = 'BBD';
  public static readonly BDT = 'BDT';
  public static readonly BGN = 'BGN';
  public static readonly BHD = 'BHD';
  public static readonly BIF = 'BIF';
  public static readonly BMD = 'BMD';
  public static readonly BND = 'BND';
  public static readonly BOB = 'BOB';
  public static readonly BOV = 'BOV';
  public static readonly BRL = 'BRL';
  public static readonly BSD = 'BSD';
  public static readonly BTN = 'BTN';
  public static readonly BWP = 'BWP';
  public static readonly BYN = 'BYN';
  public static readonly BZD = 'BZD';
  public static readonly CDF = 'CDF';
  public static readonly CHE = 'CHE';
  public static readonly CHW = 'CHW';
  public static readonly CLF = 'CLF';
  public static readonly CLP = 'CLP';
  public static readonly COP = 'COP';
  public static readonly COU = 'COU';
  public static readonly CRC = 'CRC';
  public static readonly CUC = 'CUC';
  public static readonly CUP = 'CUP';
  public static readonly CVE = 'CVE';
  public static readonly CZK = 'CZK';
  public static readonly DJF = 'DJF';
  public static readonly DKK = 'DKK';
  public static readonly DOP = 'DOP';
  public static readonly DZD = 'DZD';
  public static readonly EGP = 'EGP';
  public static readonly ERN = 'ERN';
  public static readonly ETB = 'ETB';
  public static readonly FJD = 'FJD';
  public static readonly FKP = 'FKP';
  public static readonly GEL = 'GEL';
  public static readonly GHS = 'GHS';
  public static readonly GIP = 'GIP';
  public static readonly GMD = 'GMD';
  public static readonly GNF = 'GNF';
  public static readonly GTQ = 'GTQ';
  public static readonly GYD = 'GYD';
  public static readonly HKD = 'HKD';
  public static readonly HNL = 'HNL';
  public static readonly HRK = 'HRK';
  public static readonly HTG = 'HTG';
  public static readonly HUF = 'HUF';
  public static readonly IDR = 'IDR';
  public static readonly ILS = 'ILS';
  public static readonly IQD = 'IQD';
  public static readonly IRR = 'IRR';
  public static readonly ISK = 'ISK';
  public static readonly JMD = 'JMD';
  public static readonly JOD = 'JOD';
  public static readonly KES = 'KES';
  public static readonly KGS = 'KGS';
  public static readonly KHR = 'KHR';
  public static readonly KMF = 'KMF';
  public static readonly KPW = 'KPW';
  public static readonly KRW = 'KRW';
  public static readonly KWD = 'KWD';
  public static readonly KYD = 'KYD';
  public static readonly KZT = 'KZT';
  public static readonly LAK = 'LAK';
  public static readonly LBP = 'LBP';
  public static readonly LKR = 'LKR';
  public static readonly LRD = 'LRD';
  public static readonly LSL = 'LSL';
  public static readonly LYD = 'LYD';
  public static readonly MAD = 'MAD';
  public static readonly MDL = 'MDL';
  public static readonly MGA = 'MGA';
  public static readonly MKD = 'MKD';
  public static readonly MMK = 'MMK';
  public static readonly MNT = 'MNT';
  public static readonly MOP = 'MOP';
  public static readonly MRU = 'MRU';
  public static readonly MUR = 'MUR';
  public static readonly MVR = 'MVR';
  public static readonly MWK = 'MWK';
  public static readonly MXN = 'MXN';
  public static readonly MXV = 'MXV';
  public static readonly MYR = 'MYR';
  public static readonly MZN = 'MZN';
  public static readonly NAD = 'NAD';
  public static readonly NGN = 'NGN';
  public static readonly NIO = 'NIO';
  public static readonly NOK = 'NOK';
  public static readonly NPR = 'NPR';
  public static readonly OMR = 'OMR';
  public static readonly PAB = 'PAB';
  public static readonly PEN = 'PEN';
  public static readonly PGK = 'PGK';
  public static readonly PHP = 'PHP';
  public static readonly PKR = 'PKR';
  public static readonly PLN = 'PLN';
  public static readonly PYG = 'PYG';
  public static readonly QAR = 'QAR';
  public static readonly RON = 'RON';
  public static readonly RSD = 'RSD';
  public static readonly RUB = 'RUB';
  public static readonly RWF = 'RWF';
  public static readonly SAR = 'SAR';
  public static readonly SBD = 'SBD';
  public static readonly SCR = 'SCR';
  public static readonly SDG = 'SDG';
  public static readonly SGD = 'SGD';
  public static readonly SHP = 'SHP';
  public static readonly SLL = 'SLL';
  public static readonly SOS = 'SOS';
  public static readonly SRD = 'SRD';
  public static readonly SSP = 'SSP';
  public static readonly STN = 'STN';
  public static readonly SVC = 'SVC';
  public static readonly SYP = 'SYP';
  public static readonly SZL = 'SZL';
  public static readonly THB = 'THB';
  public static readonly TJS = 'TJS';
  public static readonly TMT = 'TMT';
  public static readonly TND = 'TND';
  public static readonly TOP = 'TOP';
  public static readonly TRY = 'TRY';
  public static readonly TTD = 'TTD';
  public static readonly TWD = 'TWD';
  public static readonly TZS = 'TZS';
  public static readonly UAH = 'UAH';
  public static readonly UGX = 'UGX';
  public static readonly USN = 'USN';
  public static readonly UYI = 'UYI';
  public static readonly UYU = 'UYU';
  public static readonly UZS = 'UZS';
  public static readonly VEF = 'VEF';
  public static readonly VND = 'VND';
  public static readonly VUV = 'VUV';
  public static readonly WST = 'WST';
  public static readonly XAF = 'XAF';
  public static readonly XCD = 'XCD';
  public static readonly XDR = 'XDR';
  public static readonly XOF = 'XOF';
  public static readonly XPF = 'XPF';
  public static readonly XSU = 'XSU';
  public static readonly XUA = 'XUA';
  public static readonly YER = 'YER';
  public static readonly ZAR = 'ZAR';
  public static readonly ZMW = 'ZMW';
  public static readonly ZWL = 'ZWL';

  private constructor() {}
}
