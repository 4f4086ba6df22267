/**
 * Checks one value against its field type, returning what was expected when it does not fit.
 *
 * @example
 *   checkFieldValue({ kind: 'date' }, '2024-02-30') // 'expected a real calendar date YYYY-MM-DD'
 */
import { isCalendarDate, isCalendarMonth } from '../../domain/calendar.js';
import type { FieldType } from './record-fields.js';

const CONTROL_CHARACTER = /\p{Cc}/u;

/** Returns null when `value` fits `type`, else what was expected (never echoes the value). */
export function checkFieldValue(type: FieldType, value: unknown): string | null {
  switch (type.kind) {
    case 'text': {
      if (typeof value !== 'string') return `expected a string, got ${describe(value)}`;
      if (value.trim().length === 0) return 'expected a non-blank string';
      if (CONTROL_CHARACTER.test(value))
        return 'expected text without control characters (U+0000-U+001F, U+007F-U+009F)';
      if (value.length > type.maxChars && [...value].length > type.maxChars)
        return `expected at most ${type.maxChars} characters`;
      if (type.pattern && !type.pattern.test(value))
        return `expected ${type.patternDescription ?? type.pattern.source}`;
      return null;
    }
    case 'enum':
      return type.values.includes(value as string | number)
        ? null
        : `expected one of ${type.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(value)}`;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value))
        return `expected an integer (minor units, no decimals), got ${describe(value)}`;
      if (value < type.min || value > type.max) return `expected an integer from ${type.min} to ${type.max}`;
      return null;
    case 'date':
      return isCalendarDate(value) ? null : 'expected a real calendar date YYYY-MM-DD';
    case 'month':
      return isCalendarMonth(value) ? null : 'expected a month YYYY-MM';
    case 'boolean':
      return typeof value === 'boolean' ? null : `expected true or false, got ${describe(value)}`;
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? null
        : `expected an object, got ${describe(value)}`;
  }
}

/** A short description of a value's type, safe for logs (never the value itself). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number')
    return Number.isInteger(value) ? 'an integer out of range' : 'a decimal number';
  return `a ${typeof value}`;
}
