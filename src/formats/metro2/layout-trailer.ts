/**
 * The trailer record (426 bytes): totals of the file, each 9 digits. The validator recomputes
 * every total from the data records and reports each one that differs.
 *
 * @example
 *   TRAILER_LAYOUT.byName.totalBaseRecords.start // 12
 */
import { fieldsOf } from './field-builders.js';
import { defineLayout } from './field-types.js';
import { FIXED_RECORD_BYTES } from './limits.js';

const f = fieldsOf('trailer');
const total = <N extends string>(name: N, start: number, description: string) =>
  f.num(name, start, 9, description);
const status = <C extends string>(code: C, start: number) =>
  total(`totalStatusCode${code}` as const, start, `Base segments with account status ${code}.`);

export const TRAILER_LAYOUT = defineLayout('trailer', FIXED_RECORD_BYTES, [
  f.rdw('Record descriptor word: 426.'),
  f.id('recordIdentifier', 5, 'TRAILER'),
  total('totalBaseRecords', 12, 'Base segments (data records) in the file.'),
  f.reserved('reserved1', 21, 9),
  status('DF', 30),
  total('totalConsumerSegmentsJ1', 39, 'J1 segments.'),
  total('totalConsumerSegmentsJ2', 48, 'J2 segments.'),
  total(
    'blockCount',
    57,
    'Blocks in the file, header and trailer included (one record per block: data records + 2).',
  ),
  status('DA', 66),
  status('05', 75),
  status('11', 84),
  status('13', 93),
  status('61', 102),
  status('62', 111),
  status('63', 120),
  status('64', 129),
  status('65', 138),
  status('71', 147),
  status('78', 156),
  status('80', 165),
  status('82', 174),
  status('83', 183),
  status('84', 192),
  status('88', 201),
  status('89', 210),
  status('93', 219),
  status('94', 228),
  status('95', 237),
  status('96', 246),
  status('97', 255),
  total('totalECOACodeZ', 264, 'Base, J1 and J2 segments with ECOA code Z.'),
  total('totalEmploymentSegments', 273, 'N1 segments.'),
  total('totalOriginalCreditorSegments', 282, 'K1 segments.'),
  total('totalPurchasedToSegments', 291, 'K2 segments.'),
  total('totalMortgageInformationSegments', 300, 'K3 segments.'),
  total('totalPaymentInformationSegments', 309, 'K4 segments.'),
  total('totalChangeSegments', 318, 'L1 segments.'),
  total(
    'totalSocialNumbersAllSegments',
    327,
    'Social Security Numbers reported in base, J1 and J2 segments.',
  ),
  total('totalSocialNumbersBaseSegments', 336, 'Social Security Numbers reported in base segments.'),
  total('totalSocialNumbersJ1Segments', 345, 'Social Security Numbers reported in J1 segments.'),
  total('totalSocialNumbersJ2Segments', 354, 'Social Security Numbers reported in J2 segments.'),
  total('totalDatesBirthAllSegments', 363, 'Dates of birth reported in base, J1 and J2 segments.'),
  total('totalDatesBirthBaseSegments', 372, 'Dates of birth reported in base segments.'),
  total('totalDatesBirthJ1Segments', 381, 'Dates of birth reported in J1 segments.'),
  total('totalDatesBirthJ2Segments', 390, 'Dates of birth reported in J2 segments.'),
  total('totalTelephoneNumbersAllSegments', 399, 'Telephone numbers reported in base, J1 and J2 segments.'),
  f.reserved('reserved2', 408, 19),
]);
export type TrailerFieldName = keyof typeof TRAILER_LAYOUT.byName;
/** The total fields of the trailer, in order. */
export const TRAILER_TOTAL_FIELDS = TRAILER_LAYOUT.fields.filter((field) => field.type === 'numeric');
