/**
 * Byte-level reading of fixed-position fields from a Buffer, without building strings where a
 * number will do: the reader and the validator check digits, blanks and dates byte by byte.
 * Dates are handled as integers YYYYMMDD (0: zero-filled, -1: not a date), so that comparing two
 * dates is comparing two numbers.
 *
 * @example
 *   readDate(Buffer.from('11222019'), 0) // 20191122
 *   readDigits(Buffer.from('000002233'), 0, 9) // 2233
 */
import { MIN_DATE_YEAR } from './limits.js';

export const BLANK = 0x20;
export const ZERO = 0x30;
export const NINE = 0x39;
export const LF = 0x0a;
export const CR = 0x0d;
/** Returned by the readers below for a value that is not what the field holds. */
export const INVALID = -1;

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether year/month/day is a real calendar date (year from MIN_DATE_YEAR). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < MIN_DATE_YEAR || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month]!);
}

/** The integer value of the digits in [start, end), or INVALID if any byte is not a digit. */
export function readDigits(buf: Uint8Array, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = buf[i]! - ZERO;
    if (d < 0 || d > 9) return INVALID;
    value = value * 10 + d;
  }
  return value;
}

/** Whether every byte in [start, end) is a blank. */
export function isBlank(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i] !== BLANK) return false;
  return true;
}

/** Whether every byte in [start, end) is a zero or a blank (an empty numeric field). */
export function isZeroOrBlank(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = buf[i];
    if (b !== ZERO && b !== BLANK) return false;
  }
  return true;
}

/** A MMDDYYYY date at `start` as YYYYMMDD; 0 when zero-filled; INVALID otherwise. */
export function readDate(buf: Uint8Array, start: number): number {
  const mmdd = readDigits(buf, start, start + 4);
  const year = readDigits(buf, start + 4, start + 8);
  if (mmdd === INVALID || year === INVALID) return INVALID;
  if (mmdd === 0 && year === 0) return 0;
  const month = Math.floor(mmdd / 100);
  const day = mmdd % 100;
  return isCalendarDate(year, month, day) ? year * 10000 + mmdd : INVALID;
}

/** A MMDDYYYYHHMMSS timestamp at `start`: whether it is zero-filled (0), valid (1) or not (INVALID). */
export function checkTimestamp(buf: Uint8Array, start: number): number {
  const date = readDate(buf, start);
  const time = readDigits(buf, start + 8, start + 14);
  if (date === INVALID || time === INVALID) return INVALID;
  if (date === 0) return time === 0 ? 0 : INVALID;
  const hours = Math.floor(time / 10000);
  const minutes = Math.floor(time / 100) % 100;
  const seconds = time % 100;
  return hours < 24 && minutes < 60 && seconds < 60 ? 1 : INVALID;
}

/** The end of the text in [start, end) without its trailing blanks. */
export function trimmedEnd(buf: Uint8Array, start: number, end: number): number {
  let e = end;
  while (e > start && buf[e - 1] === BLANK) e--;
  return e;
}

const SHORT_STRINGS = new Map<number, string>();

/** The text in [start, end) without trailing blanks, as a string (latin1). Codes of up to 3 bytes
 *  come from a cache, so reading a status or a rating allocates nothing. */
export function readText(buf: Buffer, start: number, end: number): string {
  const e = trimmedEnd(buf, start, end);
  const length = e - start;
  if (length === 0) return '';
  if (length <= 3) {
    let key = length;
    for (let i = start; i < e; i++) key = key * 256 + buf[i]!;
    let text = SHORT_STRINGS.get(key);
    if (text === undefined) {
      text = String.fromCharCode(...buf.subarray(start, e));
      SHORT_STRINGS.set(key, text);
    }
    return text;
  }
  return buf.toString('latin1', start, e);
}

/** YYYYMMDD as 'YYYY-MM-DD'. */
export function formatDate(yyyymmdd: number): string {
  const year = Math.floor(yyyymmdd / 10000);
  const month = Math.floor(yyyymmdd / 100) % 100;
  const day = yyyymmdd % 100;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** 'YYYY-MM-DD' as YYYYMMDD, or INVALID. */
export function parseIsoDate(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return INVALID;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isCalendarDate(year, month, day) ? year * 10000 + month * 100 + day : INVALID;
}

/** Today (UTC) as YYYYMMDD. */
export function todayNumber(now = new Date()): number {
  return now.getUTCFullYear() * 10000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate();
}
