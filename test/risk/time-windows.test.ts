/**
 * The window edge rule: (start, asOf] for instants, (utcDate(start), utcDate(asOf)] for dates,
 * calendar months clamped to the end of a shorter month.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  INDICATOR_WINDOWS,
  instantMs,
  isDateInWindow,
  isInstantInWindow,
  minusCalendarMonths,
  WINDOW_BY_ID,
  windowBounds,
} from '../../src/risk/time-windows.js';
import { AS_OF } from './risk-fixtures.js';

const iso = (ms: number) => new Date(ms).toISOString();
const AS_OF_MS = Date.parse(AS_OF);

test('the windows are 7 days, 1, 3, 6 and 12 months, in that order', () => {
  assert.deepEqual(
    INDICATOR_WINDOWS.map((w) => w.id),
    ['7d', '1m', '3m', '6m', '12m'],
  );
});

test('each window starts where the module comment says', () => {
  const starts = Object.fromEntries(
    INDICATOR_WINDOWS.map((w) => [w.id, iso(windowBounds(AS_OF_MS, w).startMs)]),
  );
  assert.deepEqual(starts, {
    '7d': '2025-07-08T10:00:00.000Z',
    '1m': '2025-06-15T10:00:00.000Z',
    '3m': '2025-04-15T10:00:00.000Z',
    '6m': '2025-01-15T10:00:00.000Z',
    '12m': '2024-07-15T10:00:00.000Z',
  });
  const b = windowBounds(AS_OF_MS, WINDOW_BY_ID['1m']);
  assert.equal(b.startDate, '2025-06-15');
  assert.equal(b.endDate, '2025-07-15');
  assert.equal(b.endMs, AS_OF_MS);
});

test('calendar months clamp to the end of a shorter month', () => {
  assert.equal(iso(minusCalendarMonths(Date.parse('2025-03-31T12:00:00Z'), 1)), '2025-02-28T12:00:00.000Z');
  assert.equal(iso(minusCalendarMonths(Date.parse('2024-03-31T12:00:00Z'), 1)), '2024-02-29T12:00:00.000Z');
  assert.equal(iso(minusCalendarMonths(Date.parse('2025-03-31T12:00:00Z'), 3)), '2024-12-31T12:00:00.000Z');
  assert.equal(iso(minusCalendarMonths(Date.parse('2025-01-15T00:00:00Z'), 12)), '2024-01-15T00:00:00.000Z');
});

test('an instant exactly at the start is outside, one second later inside; asOf is inside, after it outside', () => {
  for (const w of INDICATOR_WINDOWS) {
    const b = windowBounds(AS_OF_MS, w);
    assert.equal(isInstantInWindow(b.startMs - 1000, b), false, `${w.id} 1 s before start`);
    assert.equal(isInstantInWindow(b.startMs, b), false, `${w.id} at start`);
    assert.equal(isInstantInWindow(b.startMs + 1000, b), true, `${w.id} 1 s after start`);
    assert.equal(isInstantInWindow(b.startMs + 1, b), true, `${w.id} 1 ms after start`);
    assert.equal(isInstantInWindow(AS_OF_MS, b), true, `${w.id} at asOf`);
    assert.equal(isInstantInWindow(AS_OF_MS + 1000, b), false, `${w.id} 1 s after asOf`);
  }
});

test('a date on the start date is outside, the day after inside; the asOf date inside, the day after outside', () => {
  const b = windowBounds(AS_OF_MS, WINDOW_BY_ID['7d']);
  assert.equal(isDateInWindow('2025-07-07', b), false);
  assert.equal(isDateInWindow('2025-07-08', b), false);
  assert.equal(isDateInWindow('2025-07-09', b), true);
  assert.equal(isDateInWindow('2025-07-15', b), true);
  assert.equal(isDateInWindow('2025-07-16', b), false);
  // 7 calendar dates are inside.
  let inside = 0;
  for (let d = 1; d <= 31; d++) if (isDateInWindow(`2025-07-${String(d).padStart(2, '0')}`, b)) inside++;
  assert.equal(inside, 7);
});

test('dates follow UTC: an asOf late in the evening in Beijing is still the UTC date', () => {
  const b = windowBounds(Date.parse('2025-07-15T23:30:00+08:00'), WINDOW_BY_ID['7d']);
  assert.equal(b.endDate, '2025-07-15');
  assert.equal(b.startDate, '2025-07-08');
});

test('a value that is not an instant is refused', () => {
  assert.throws(() => instantMs('yesterday', 'asOf'), RangeError);
  assert.throws(() => instantMs('', 'asOf'), /asOf is not an ISO-8601 instant/);
});
