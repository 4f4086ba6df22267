/**
 * A valid example file (header, one data record, trailer) and valid example segments: every rule's
 * example starts from them (rules-*.ts), and the tests check that they raise no finding at all.
 * Frozen, so that nothing can change them by accident.
 *
 * @example
 *   const file = exampleFile({ base: { accountStatus: '13' } });
 */
import type {
  Metro2Base,
  Metro2DataRecord,
  Metro2File,
  Metro2Header,
  Metro2J1,
  Metro2J2,
  Metro2K1,
  Metro2K2,
  Metro2K3,
  Metro2K4,
  Metro2L1,
  Metro2N1,
} from './model-types.js';

/** The day the example files are checked on (the tests' "today"). */
export const EXAMPLE_TODAY = '2025-06-30';

export const EXAMPLE_HEADER: Readonly<Metro2Header> = Object.freeze({
  blockDescriptorWord: null,
  recordDescriptorWord: 426,
  cycleIdentifier: '',
  innovisProgramIdentifier: '',
  equifaxProgramIdentifier: 'EQ00000001',
  experianProgramIdentifier: 'EX001',
  transUnionProgramIdentifier: 'TU00000001',
  activityDate: '2025-05-31',
  dateCreated: '2025-06-02',
  programDate: '2020-01-01',
  programRevisionDate: '2024-01-01',
  reporterName: 'OPENBUREAU EXAMPLE BANK',
  reporterAddress: '1 EXAMPLE PLAZA, SPRINGFIELD IL 62701',
  reporterTelephoneNumber: '2175550100',
  softwareVendorName: 'OPENBUREAU',
  softwareVersionNumber: '1.0',
  prbcProgramIdentifier: '',
});

export const EXAMPLE_BASE: Readonly<Metro2Base> = Object.freeze({
  blockDescriptorWord: null,
  recordDescriptorWord: 426,
  processingIndicator: 1,
  timeStamp: '2025-05-31T23:00:00',
  correctionIndicator: 0,
  identificationNumber: 'EXAMPLEBANK01',
  cycleIdentifier: '',
  consumerAccountNumber: 'EX0000000001',
  portfolioType: 'I',
  accountType: '00',
  dateOpened: '2023-03-15',
  creditLimit: 0,
  highestCredit: 24000,
  termsDuration: '060',
  termsFrequency: 'M',
  scheduledMonthlyPaymentAmount: 450,
  actualPaymentAmount: 450,
  accountStatus: '11',
  paymentRating: '',
  paymentHistoryProfile: '000000000000000000000000',
  specialComment: '',
  complianceConditionCode: '',
  currentBalance: 14500,
  amountPastDue: 0,
  originalChargeOffAmount: 0,
  dateAccountInformation: '2025-05-31',
  dateFirstDelinquency: null,
  dateClosed: null,
  dateLastPayment: '2025-05-15',
  interestTypeIndicator: 'F',
  surname: 'DOE',
  firstName: 'JANE',
  middleName: 'Q',
  generationCode: '',
  socialSecurityNumber: '401234567',
  dateBirth: '1980-04-12',
  telephoneNumber: '2175550123',
  ecoaCode: '1',
  consumerInformationIndicator: '',
  countryCode: 'US',
  firstLineAddress: '100 MAIN ST',
  secondLineAddress: '',
  city: 'SPRINGFIELD',
  state: 'IL',
  zipCode: '62701',
  addressIndicator: 'Y',
  residenceCode: 'O',
});

export const EXAMPLE_J1: Readonly<Metro2J1> = Object.freeze({
  surname: 'DOE',
  firstName: 'JOHN',
  middleName: '',
  generationCode: '',
  socialSecurityNumber: '401234568',
  dateBirth: '1979-02-02',
  telephoneNumber: null,
  ecoaCode: '2',
  consumerInformationIndicator: '',
});

export const EXAMPLE_J2: Readonly<Metro2J2> = Object.freeze({
  ...EXAMPLE_J1,
  surname: 'ROE',
  firstName: 'RICHARD',
  socialSecurityNumber: '401234569',
  ecoaCode: '5',
  countryCode: 'US',
  firstLineAddress: '200 OAK AVE',
  secondLineAddress: 'APT 4',
  city: 'CHICAGO',
  state: 'IL',
  zipCode: '606011234',
  addressIndicator: 'Y',
  residenceCode: 'R',
});

export const EXAMPLE_K1: Readonly<Metro2K1> = Object.freeze({
  originalCreditorName: 'FIRST EXAMPLE FINANCE',
  creditorClassification: 12,
});
export const EXAMPLE_K2: Readonly<Metro2K2> = Object.freeze({
  purchasedIndicator: 1,
  purchasedName: 'FIRST EXAMPLE FINANCE',
});
export const EXAMPLE_K3: Readonly<Metro2K3> = Object.freeze({
  agencyIdentifier: 0,
  accountNumber: '',
  mortgageIdentificationNumber: '100012300000000011',
});
export const EXAMPLE_K4: Readonly<Metro2K4> = Object.freeze({
  specializedPaymentIndicator: 1,
  deferredPaymentStartDate: null,
  balloonPaymentDueDate: '2028-03-15',
  balloonPaymentAmount: 5000,
});
export const EXAMPLE_L1: Readonly<Metro2L1> = Object.freeze({
  changeIndicator: 1,
  newConsumerAccountNumber: 'EX0000000002',
  newIdentificationNumber: '',
});
export const EXAMPLE_N1: Readonly<Metro2N1> = Object.freeze({
  employerName: 'EXAMPLE EMPLOYER INC',
  firstLineEmployerAddress: '1 WORK WAY',
  secondLineEmployerAddress: '',
  employerCity: 'SPRINGFIELD',
  employerState: 'IL',
  zipCode: '62702',
  occupation: 'ENGINEER',
});

/** The example segments, by the key of the data record that holds them. */
export const EXAMPLE_SEGMENTS = Object.freeze({
  j1: EXAMPLE_J1,
  j2: EXAMPLE_J2,
  k1: EXAMPLE_K1,
  k2: EXAMPLE_K2,
  k3: EXAMPLE_K3,
  k4: EXAMPLE_K4,
  l1: EXAMPLE_L1,
  n1: EXAMPLE_N1,
});

/** The example data record without appended segments. */
export function exampleRecord(): Metro2DataRecord {
  return {
    base: { ...EXAMPLE_BASE },
    j1: [],
    j2: [],
    k1: null,
    k2: null,
    k3: null,
    k4: null,
    l1: null,
    n1: null,
  };
}

/** The example file without its trailer (compute it with computeTrailer). */
export function exampleFileWithoutTrailer(): Metro2File {
  return {
    blocked: false,
    lineSeparator: '\n',
    finalLineSeparator: true,
    header: { ...EXAMPLE_HEADER },
    data: [exampleRecord()],
    trailer: null,
  };
}
