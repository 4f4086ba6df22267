/**
 * The JSON model of a Metro 2 file: what the reader yields record by record and the writer takes.
 * Field names follow moov-io/metro2's JSON keys. Values: SSN, telephone numbers, ZIP codes and
 * dates are strings (dates 'YYYY-MM-DD', timestamps 'YYYY-MM-DDTHH:MM:SS'), null when the file
 * has them zero-filled ("not reported"); money is whole dollars as integers; alphanumeric fields
 * are strings without their trailing blanks ('' when blank). docs/metro2-format.schema.json is
 * generated from the same layout tables.
 *
 * @example
 *   const record: Metro2DataRecord = { base, j1: [], j2: [], k1: null, k2: null, k3: null, k4: null, l1: null, n1: null };
 */

/** A date 'YYYY-MM-DD', or null when zero-filled. */
export type Metro2Date = string | null;

/** Descriptor words of a record. The reader sets them to what the file declares; the writer
 *  computes them (the record is padded with blanks to a larger declared length, as fixed-length
 *  files are). */
export interface DescriptorWords {
  /** Block descriptor word: null when the record is not preceded by one. */
  blockDescriptorWord: number | null;
  recordDescriptorWord: number;
}

export interface Metro2Header extends DescriptorWords {
  cycleIdentifier: string;
  innovisProgramIdentifier: string;
  equifaxProgramIdentifier: string;
  experianProgramIdentifier: string;
  transUnionProgramIdentifier: string;
  activityDate: Metro2Date;
  dateCreated: Metro2Date;
  programDate: Metro2Date;
  programRevisionDate: Metro2Date;
  reporterName: string;
  reporterAddress: string;
  reporterTelephoneNumber: string | null;
  softwareVendorName: string;
  softwareVersionNumber: string;
  prbcProgramIdentifier: string;
}

export interface Metro2Base extends DescriptorWords {
  processingIndicator: number;
  /** 'YYYY-MM-DDTHH:MM:SS' or null. */
  timeStamp: string | null;
  correctionIndicator: number;
  identificationNumber: string;
  cycleIdentifier: string;
  consumerAccountNumber: string;
  portfolioType: string;
  accountType: string;
  dateOpened: Metro2Date;
  creditLimit: number;
  highestCredit: number;
  termsDuration: string;
  termsFrequency: string;
  scheduledMonthlyPaymentAmount: number;
  actualPaymentAmount: number;
  accountStatus: string;
  paymentRating: string;
  paymentHistoryProfile: string;
  specialComment: string;
  complianceConditionCode: string;
  currentBalance: number;
  amountPastDue: number;
  originalChargeOffAmount: number;
  dateAccountInformation: Metro2Date;
  dateFirstDelinquency: Metro2Date;
  dateClosed: Metro2Date;
  dateLastPayment: Metro2Date;
  interestTypeIndicator: string;
  surname: string;
  firstName: string;
  middleName: string;
  generationCode: string;
  /** 9 digits, or null when zero-filled. */
  socialSecurityNumber: string | null;
  dateBirth: Metro2Date;
  /** 10 digits, or null when zero-filled. */
  telephoneNumber: string | null;
  ecoaCode: string;
  consumerInformationIndicator: string;
  countryCode: string;
  firstLineAddress: string;
  secondLineAddress: string;
  city: string;
  state: string;
  zipCode: string;
  addressIndicator: string;
  residenceCode: string;
}

/** J1: associated consumer at the same address. */
export interface Metro2J1 {
  surname: string;
  firstName: string;
  middleName: string;
  generationCode: string;
  socialSecurityNumber: string | null;
  dateBirth: Metro2Date;
  telephoneNumber: string | null;
  ecoaCode: string;
  consumerInformationIndicator: string;
}

/** J2: associated consumer at a different address. */
export interface Metro2J2 extends Metro2J1 {
  countryCode: string;
  firstLineAddress: string;
  secondLineAddress: string;
  city: string;
  state: string;
  zipCode: string;
  addressIndicator: string;
  residenceCode: string;
}

/** K1: original creditor. */
export interface Metro2K1 {
  originalCreditorName: string;
  creditorClassification: number;
}

/** K2: purchased from / sold to. */
export interface Metro2K2 {
  purchasedIndicator: number;
  purchasedName: string;
}

/** K3: mortgage information. */
export interface Metro2K3 {
  agencyIdentifier: number;
  accountNumber: string;
  mortgageIdentificationNumber: string;
}

/** K4: specialized payment information. */
export interface Metro2K4 {
  specializedPaymentIndicator: number;
  deferredPaymentStartDate: Metro2Date;
  balloonPaymentDueDate: Metro2Date;
  balloonPaymentAmount: number;
}

/** L1: account number / identification number change. */
export interface Metro2L1 {
  changeIndicator: number;
  newConsumerAccountNumber: string;
  newIdentificationNumber: string;
}

/** N1: employment. */
export interface Metro2N1 {
  employerName: string;
  firstLineEmployerAddress: string;
  secondLineEmployerAddress: string;
  employerCity: string;
  employerState: string;
  zipCode: string;
  occupation: string;
}

/** One data record: a base segment and its appended segments (blank placeholders are dropped). */
export interface Metro2DataRecord {
  base: Metro2Base;
  j1: Metro2J1[];
  j2: Metro2J2[];
  k1: Metro2K1 | null;
  k2: Metro2K2 | null;
  k3: Metro2K3 | null;
  k4: Metro2K4 | null;
  l1: Metro2L1 | null;
  n1: Metro2N1 | null;
}

export interface Metro2Trailer extends DescriptorWords {
  totalBaseRecords: number;
  totalStatusCodeDF: number;
  totalConsumerSegmentsJ1: number;
  totalConsumerSegmentsJ2: number;
  blockCount: number;
  totalStatusCodeDA: number;
  totalStatusCode05: number;
  totalStatusCode11: number;
  totalStatusCode13: number;
  totalStatusCode61: number;
  totalStatusCode62: number;
  totalStatusCode63: number;
  totalStatusCode64: number;
  totalStatusCode65: number;
  totalStatusCode71: number;
  totalStatusCode78: number;
  totalStatusCode80: number;
  totalStatusCode82: number;
  totalStatusCode83: number;
  totalStatusCode84: number;
  totalStatusCode88: number;
  totalStatusCode89: number;
  totalStatusCode93: number;
  totalStatusCode94: number;
  totalStatusCode95: number;
  totalStatusCode96: number;
  totalStatusCode97: number;
  totalECOACodeZ: number;
  totalEmploymentSegments: number;
  totalOriginalCreditorSegments: number;
  totalPurchasedToSegments: number;
  totalMortgageInformationSegments: number;
  totalPaymentInformationSegments: number;
  totalChangeSegments: number;
  totalSocialNumbersAllSegments: number;
  totalSocialNumbersBaseSegments: number;
  totalSocialNumbersJ1Segments: number;
  totalSocialNumbersJ2Segments: number;
  totalDatesBirthAllSegments: number;
  totalDatesBirthBaseSegments: number;
  totalDatesBirthJ1Segments: number;
  totalDatesBirthJ2Segments: number;
  totalTelephoneNumbersAllSegments: number;
}

/** How records are separated on the file: nothing (fixed-length or blocked), LF or CR LF. */
export type LineSeparator = '' | '\n' | '\r\n';

/** A whole file. `blocked`: each record but the trailer is preceded by a block descriptor word.
 *  `lineSeparator` follows every record, the last one too when `finalLineSeparator` is true. */
export interface Metro2File {
  blocked: boolean;
  lineSeparator: LineSeparator;
  finalLineSeparator: boolean;
  header: Metro2Header | null;
  data: Metro2DataRecord[];
  trailer: Metro2Trailer | null;
}

/** The keys of a data record holding appended segments, by segment identifier. */
export const SEGMENT_KEYS = {
  J1: 'j1',
  J2: 'j2',
  K1: 'k1',
  K2: 'k2',
  K3: 'k3',
  K4: 'k4',
  L1: 'l1',
  N1: 'n1',
} as const;
