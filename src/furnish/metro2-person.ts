/**
 * A Metro 2 consumer (base segment, J1 or J2) as the canonical identity facts: the SSN that links
 * the person, the full name, the address and the telephone number.
 *
 * @example
 *   personName({ firstName: 'JANE', middleName: 'Q', surname: 'DOE', generationCode: 'J' }) // 'JANE Q DOE JR'
 *   ssnLink('401234567') // { ok: true, ssn: '401234567' }
 */
import { checkSsn, type SsnProblem } from '../domain/ssn.js';
import { fieldSpec } from '../formats/canonical/record-fields.js';

/** Longest canonical name, in characters (the identity record's field). */
const NAME_TYPE = fieldSpec('identity', 'name')!.type;
export const MAX_NAME_CHARS = NAME_TYPE.kind === 'text' ? NAME_TYPE.maxChars : 60;

/** Generation code (field 33) as written after a name: digits would break the name rule IDN-NAME. */
export const GENERATION_SUFFIXES: ReadonlyMap<string, string> = new Map([
  ['J', 'JR'],
  ['S', 'SR'],
  ['2', 'II'],
  ['3', 'III'],
  ['4', 'IV'],
  ['5', 'V'],
  ['6', 'VI'],
  ['7', 'VII'],
  ['8', 'VIII'],
  ['9', 'IX'],
]);

export interface NameParts {
  firstName: string;
  middleName: string;
  surname: string;
  generationCode: string;
}

const joinWords = (parts: readonly (string | undefined)[]): string =>
  parts
    .filter((p): p is string => p !== undefined && p.trim().length > 0)
    .join(' ')
    .trim()
    .replace(/\s+/g, ' ');

/**
 * First, middle, surname and generation, in that order; the middle name shortened to its initial
 * when the whole is longer than the canonical name field. Undefined when every part is blank.
 *
 * @example
 *   personName({ firstName: '', middleName: '', surname: '', generationCode: '' }) // undefined
 */
export function personName(p: NameParts): string | undefined {
  const suffix = GENERATION_SUFFIXES.get(p.generationCode);
  let name = joinWords([p.firstName, p.middleName, p.surname, suffix]);
  if (name.length > MAX_NAME_CHARS && p.middleName.trim().length > 1)
    name = joinWords([p.firstName, p.middleName.trim()[0], p.surname, suffix]);
  return name.length > 0 ? name : undefined;
}

export interface AddressParts {
  firstLineAddress: string;
  secondLineAddress: string;
  city: string;
  state: string;
  zipCode: string;
}

/**
 * The address lines, city, state and ZIP code (ZIP+4 written 12345-6789), or undefined when blank.
 *
 * @example
 *   personAddress({ firstLineAddress: '100 MAIN ST', secondLineAddress: '', city: 'SPRINGFIELD',
 *     state: 'IL', zipCode: '627011234' }) // '100 MAIN ST, SPRINGFIELD, IL 62701-1234'
 */
export function personAddress(p: AddressParts): string | undefined {
  const zip = p.zipCode.trim();
  const zipText = /^\d{9}$/.test(zip) ? `${zip.slice(0, 5)}-${zip.slice(5)}` : zip;
  const parts = [p.firstLineAddress, p.secondLineAddress, p.city, joinWords([p.state, zipText])]
    .map((part) => joinWords([part]))
    .filter((part) => part.length > 0);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** Why a consumer's SSN cannot link a record (rule M2-SSN-LINK). */
export const SSN_LINK_RULE = 'M2-SSN-LINK';
const LATER = 'identity resolution by name and birth date comes with issue 5';
/** What is wrong with an SSN, in words that repeat none of its digits (the message is stored in clear). */
const SSN_PROBLEMS: Readonly<Record<SsnProblem, string>> = {
  format: 'not 9 digits',
  area: 'its area number is never issued (000, 666, 900-999)',
  group: 'its group number 00 is never issued',
  serial: 'its serial number 0000 is never issued',
  known_invalid: 'a placeholder or advertised number, not a real SSN',
};

/**
 * Whether an SSN (null when zero-filled) can link the consumer: the normalised SSN, or the reason
 * (never quoting the SSN).
 *
 * @example
 *   ssnLink(null) // { ok: false, message: 'no SSN (zero-filled) to link the consumer by: ...' }
 */
export function ssnLink(ssn: string | null): { ok: true; ssn: string } | { ok: false; message: string } {
  if (ssn === null) return { ok: false, message: `no SSN (zero-filled) to link the consumer by: ${LATER}` };
  const checked = checkSsn(ssn);
  if (checked.ok) return { ok: true, ssn: checked.id };
  return {
    ok: false,
    message: `the SSN cannot link the consumer (${SSN_PROBLEMS[checked.problem]}): ${LATER}`,
  };
}
