/**
 * US Social Security Numbers: shape and plausibility. An SSN is 9 digits (area 3, group 2,
 * serial 4; dashes and spaces are accepted on input and dropped). Never issued, so refused:
 * area 000, 666 or 900-999 (the 9xx range is ITINs), group 00, serial 0000, nine equal digits,
 * 123456789, and 078051120 (printed on a wallet insert in 1938 and used by thousands).
 *
 * @example
 *   checkSsn('123-45-6780').ok   // true; id '123456780'
 *   checkSsn('000-12-3456').ok   // false: area 000 is never issued
 */

export type SsnCheck = { ok: true; id: string } | { ok: false; problem: SsnProblem; message: string };

export type SsnProblem = 'format' | 'area' | 'group' | 'serial' | 'known_invalid';

const KNOWN_INVALID = new Set(['123456789', '078051120', '219099999']);

export function checkSsn(raw: string): SsnCheck {
  const id = raw.replace(/[-\s]/g, '');
  if (!/^\d{9}$/.test(id))
    return { ok: false, problem: 'format', message: 'expected 9 digits (dashes and spaces are allowed)' };
  const area = id.slice(0, 3);
  if (area === '000' || area === '666' || area >= '900')
    return { ok: false, problem: 'area', message: `area number ${area} is never issued (000, 666, 900-999)` };
  if (id.slice(3, 5) === '00')
    return { ok: false, problem: 'group', message: 'group number 00 is never issued' };
  if (id.slice(5) === '0000')
    return { ok: false, problem: 'serial', message: 'serial number 0000 is never issued' };
  if (/^(\d)\1{8}$/.test(id) || KNOWN_INVALID.has(id))
    return {
      ok: false,
      problem: 'known_invalid',
      message: 'a placeholder or advertised number, not a real SSN',
    };
  return { ok: true, id };
}
