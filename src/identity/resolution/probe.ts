/**
 * What a furnished record says about its person, for matching: name, birth date (reported, or
 * read from the ID when the ID embeds one and none is reported), sex, mobile, address and the ID
 * as furnished (even when it fails its check: a one-character typo is strong evidence).
 *
 * @example
 *   probeOfRecord({ kind: 'account', id_number: '110105194912310021', name: '王芳' }, CHINA_PROFILE);
 *   // { name: '王芳', birthDate: '1949-12-31', birthDateFromId: true, idNumber: '110105194912310021' }
 */
import { isCalendarDate } from '../../domain/calendar.js';
import type { JurisdictionProfile } from '../../domain/jurisdiction.js';

/**
 * The record as matched.
 *
 * @example
 *   const probe: ResolutionProbe = { name: '王芳', birthDate: '1949-12-31' };
 */
export interface ResolutionProbe {
  /** Trimmed, inner white space folded (as identity values are stored). */
  name?: string;
  birthDate?: string;
  /** True when birthDate was read from the ID, not reported. */
  birthDateFromId?: boolean;
  sex?: string;
  mobile?: string;
  address?: string;
  /** The ID as furnished, trimmed (valid or not). */
  idNumber?: string;
}

/**
 * Free text as identity values are stored: trimmed, inner white space folded.
 *
 * @example
 *   foldText('  王  芳 '); // '王 芳'
 */
export function foldText(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? foldText(value) : undefined;

/**
 * The birth date a resident ID embeds (positions 7-14), when the ID has that shape and the date
 * is real, even if the ID fails its check elsewhere; undefined for profiles whose ID embeds none.
 *
 * @example
 *   birthDateInId('110105194912310021', CHINA_PROFILE); // '1949-12-31' (check character wrong)
 */
export function birthDateInId(raw: string, profile: JurisdictionProfile): string | undefined {
  if (profile.code !== 'CN') return undefined;
  const id = raw.trim();
  if (!/^\d{14}/.test(id) || id.length < 15) return undefined;
  const date = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return isCalendarDate(date) ? date : undefined;
}

/**
 * The probe of an identity or account record (fields as furnished, validated or not).
 *
 * @example
 *   probeOfRecord(record, profile).mobile;
 */
export function probeOfRecord(
  record: Record<string, unknown>,
  profile: JurisdictionProfile,
): ResolutionProbe {
  const probe: ResolutionProbe = {};
  const name = text(record.name);
  if (name !== undefined) probe.name = name;
  const idNumber = text(record.id_number);
  if (idNumber !== undefined) probe.idNumber = idNumber;
  const reported = text(record.birth_date);
  if (reported !== undefined && isCalendarDate(reported)) probe.birthDate = reported;
  else if (idNumber !== undefined) {
    const fromId = birthDateInId(idNumber, profile);
    if (fromId !== undefined) {
      probe.birthDate = fromId;
      probe.birthDateFromId = true;
    }
  }
  const sex = text(record.sex);
  if (sex !== undefined) probe.sex = sex;
  const mobile = text(record.mobile);
  if (mobile !== undefined) probe.mobile = mobile;
  const address = text(record.address);
  if (address !== undefined) probe.address = address;
  return probe;
}
