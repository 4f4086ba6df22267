/**
 * The header record (426 bytes, character format). Its fields are character data in both the
 * character and the packed format.
 *
 * @example
 *   HEADER_LAYOUT.byName.activityDate.start // 48
 */
import { fieldsOf } from './field-builders.js';
import { defineLayout } from './field-types.js';
import { FIXED_RECORD_BYTES } from './limits.js';

const f = fieldsOf('header');
const req = { required: true };

export const HEADER_LAYOUT = defineLayout('header', FIXED_RECORD_BYTES, [
  f.rdw('Record descriptor word: 426 (more in a fixed-length file padded to its longest record).'),
  f.id('recordIdentifier', 5, 'HEADER'),
  f.an('cycleIdentifier', 11, 2, 'Cycle identifier, for cycle reporters.'),
  f.an('innovisProgramIdentifier', 13, 10, 'Innovis program identifier.'),
  f.an('equifaxProgramIdentifier', 23, 10, 'Equifax program identifier.'),
  f.an('experianProgramIdentifier', 33, 5, 'Experian program identifier.'),
  f.an('transUnionProgramIdentifier', 38, 10, 'TransUnion program identifier.'),
  f.date('activityDate', 48, 8, 'Activity date: the end of the reporting period.', req),
  f.date('dateCreated', 56, 8, 'Date the file was created.', req),
  f.date('programDate', 64, 8, 'Date the reporting program was first implemented.'),
  f.date('programRevisionDate', 72, 8, 'Date the reporting program was last revised.'),
  f.an('reporterName', 80, 40, 'Name of the data furnisher.', req),
  f.an('reporterAddress', 120, 96, 'Address of the data furnisher.', req),
  f.digits('reporterTelephoneNumber', 216, 10, 'Telephone number of the data furnisher.'),
  f.an('softwareVendorName', 226, 40, 'Name of the software vendor.'),
  f.an('softwareVersionNumber', 266, 5, 'Version of the software.'),
  f.an('prbcProgramIdentifier', 271, 10, 'PRBC program identifier.'),
  f.reserved('reserved', 281, 146),
]);
export type HeaderFieldName = keyof typeof HEADER_LAYOUT.byName;
