/**
 * Each fraud signal fires on a case built for it and not on its near miss (one fewer, one day
 * out of the window, the same institution twice): pure, on evidence objects.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { computeFraudSignals } from '../../../src/identity/fraud/fraud-signals.js';
import {
  DEFAULT_FRAUD_THRESHOLDS,
  type FraudThresholds,
} from '../../../src/identity/fraud/fraud-thresholds.js';
import { fraudWarningLines } from '../../../src/identity/fraud/fraud-warnings.js';
import { fraudWindowBounds } from '../../../src/identity/fraud/fraud-windows.js';
import { AS_OF, daysAgo, evidence, inquiry, ownReport, ring, shared, signalOf } from './fraud-fixtures.js';

const T = DEFAULT_FRAUD_THRESHOLDS;
const run = (change: Parameters<typeof evidence>[0], thresholds: FraudThresholds = T) =>
  computeFraudSignals(evidence(change), thresholds);

/** Days back to the last date inside the 1-month window ending at AS_OF, and the first outside. */
const startOf1m = fraudWindowBounds(Date.parse(AS_OF), '1m').startDate;
const daysTo = (date: string) => Math.round((Date.parse(AS_OF.slice(0, 10)) - Date.parse(date)) / 86_400_000);
const LAST_IN_1M = daysTo(startOf1m) - 1;
const FIRST_OUT_1M = daysTo(startOf1m);

describe('identity links of the own file', () => {
  test('FS-MOBILES-PER-ID: 3 mobiles in the month fire, 2 do not; a third one day out fires from 3 months', () => {
    const two = [ownReport('mobile', 'm1'), ownReport('mobile', 'm2', { furnisher: 'lender-b' })];
    const near = run({ own: two });
    assert.equal(signalOf(near, 'FS-MOBILES-PER-ID', '1m').observed, 2);
    assert.equal(signalOf(near, 'FS-MOBILES-PER-ID', '1m').fired, false);
    const fires = run({ own: [...two, ownReport('mobile', 'm3', { lastDaysAgo: LAST_IN_1M })] });
    const s = signalOf(fires, 'FS-MOBILES-PER-ID', '1m');
    assert.deepEqual([s.observed, s.threshold, s.fired], [3, 3, true]);
    assert.deepEqual(s.evidence.institutions, ['lender-a', 'lender-b']);
    assert.equal(s.evidence.lastReportedOn, daysAgo(1));
    const out = run({ own: [...two, ownReport('mobile', 'm3', { lastDaysAgo: FIRST_OUT_1M })] });
    assert.equal(signalOf(out, 'FS-MOBILES-PER-ID', '1m').fired, false, 'exactly at the start is outside');
    assert.equal(signalOf(out, 'FS-MOBILES-PER-ID', '3m').fired, true);
  });

  test('FS-MOBILES-PER-ID: the same mobile from two furnishers is one mobile', () => {
    const s = signalOf(
      run({
        own: [
          ownReport('mobile', 'm1'),
          ownReport('mobile', 'm1', { furnisher: 'lender-b' }),
          ownReport('mobile', 'm2'),
        ],
      }),
      'FS-MOBILES-PER-ID',
      '12m',
    );
    assert.equal(s.observed, 2);
    assert.equal(s.evidence.figures.reports, 3);
  });

  test('FS-NAMES-PER-ID: 3 names fire, 2 do not', () => {
    const names = [ownReport('name', 'n1'), ownReport('name', 'n2', { lastDaysAgo: 100 })];
    assert.equal(signalOf(run({ own: names }), 'FS-NAMES-PER-ID', '12m').fired, false);
    const s = signalOf(
      run({ own: [...names, ownReport('name', 'n3', { lastDaysAgo: 300 })] }),
      'FS-NAMES-PER-ID',
      '12m',
    );
    assert.equal(s.fired, true);
    assert.equal(
      signalOf(run({ own: [...names, ownReport('name', 'n3')] }), 'FS-NAMES-PER-ID', '1m').fired,
      false,
    );
  });

  test('FS-MOBILE-CHANGES: two new mobiles after the first in a month fire, one does not', () => {
    const first = ownReport('mobile', 'm0', { firstDaysAgo: 700, lastDaysAgo: 20 });
    const oneChange = [first, ownReport('mobile', 'm1', { firstDaysAgo: 10, lastDaysAgo: 10 })];
    const near = signalOf(run({ own: oneChange }), 'FS-MOBILE-CHANGES', '1m');
    assert.deepEqual([near.observed, near.fired], [1, false]);
    assert.equal(near.evidence.figures.daysSinceLastChange, 10);
    const s = signalOf(
      run({ own: [...oneChange, ownReport('mobile', 'm2', { firstDaysAgo: 5, lastDaysAgo: 2 })] }),
      'FS-MOBILE-CHANGES',
      '1m',
    );
    assert.deepEqual([s.observed, s.fired], [2, true]);
    assert.equal(s.evidence.firstReportedOn, daysAgo(10));
    assert.equal(s.evidence.figures.daysSinceLastChange, 5);
    assert.equal(s.evidence.figures.mobilesOnFile, 3);
    // The first mobiles of a person are not changes, even when recent.
    const newPerson = [
      ownReport('mobile', 'a', { firstDaysAgo: 3 }),
      ownReport('mobile', 'b', { firstDaysAgo: 3 }),
    ];
    assert.equal(signalOf(run({ own: newPerson }), 'FS-MOBILE-CHANGES', '1m').observed, 0);
  });
});

describe('values under other IDs', () => {
  test('FS-IDS-PER-MOBILE: a mobile under 2 other IDs fires (3 with this one), under 1 does not', () => {
    const near = signalOf(run({ shared: [shared('mobile', [[1, 5]])] }), 'FS-IDS-PER-MOBILE', '1m');
    assert.deepEqual([near.observed, near.fired], [2, false]);
    const s = signalOf(
      run({
        shared: [
          shared('mobile', [
            [1, 5],
            [2, 9],
            [2, 12],
          ]),
        ],
      }),
      'FS-IDS-PER-MOBILE',
      '1m',
    );
    assert.deepEqual([s.observed, s.fired], [3, true], 'two reports of holder 2 are one ID');
    assert.equal(s.evidence.figures.otherIds, 2);
    assert.equal(s.evidence.lastReportedOn, daysAgo(5));
    assert.deepEqual(s.evidence.institutions, ['lender-a'], "this person's own furnishers");
  });

  test("FS-IDS-PER-MOBILE: others' reports out of the window and a mobile the person left do not count", () => {
    const old = signalOf(
      run({
        shared: [
          shared('mobile', [
            [1, 5],
            [2, 400],
          ]),
        ],
      }),
      'FS-IDS-PER-MOBILE',
      '12m',
    );
    assert.equal(old.observed, 2);
    const left = run({
      shared: [
        shared(
          'mobile',
          [
            [1, 5],
            [2, 6],
          ],
          { ownLastDaysAgo: 200 },
        ),
      ],
    });
    assert.equal(signalOf(left, 'FS-IDS-PER-MOBILE', '3m').observed, 0, 'own report outside 3 months');
    assert.equal(signalOf(left, 'FS-IDS-PER-MOBILE', '12m').fired, true);
  });

  test('FS-IDS-PER-ADDRESS: an address under 3 IDs fires, 2 do not', () => {
    const two = [[7, 30] as const];
    assert.equal(
      signalOf(run({ shared: [shared('address', two)] }), 'FS-IDS-PER-ADDRESS', '3m').fired,
      false,
    );
    const s = signalOf(run({ shared: [shared('address', [...two, [8, 31]])] }), 'FS-IDS-PER-ADDRESS', '3m');
    assert.equal(s.fired, true);
    assert.equal(
      signalOf(run({ shared: [shared('address', [...two, [8, 31]])] }), 'FS-IDS-PER-ADDRESS', '1m').fired,
      false,
    );
  });

  test('FS-SAME-NAME-BIRTH-DATE: one other ID fires; none does not; an old own report still counts', () => {
    const none = signalOf(run({ shared: [shared('name_birth_date', [])] }), 'FS-SAME-NAME-BIRTH-DATE', '12m');
    assert.deepEqual([none.observed, none.fired], [1, false]);
    const s = signalOf(
      run({ shared: [shared('name_birth_date', [[1, 40]], { ownLastDaysAgo: 900 })] }),
      'FS-SAME-NAME-BIRTH-DATE',
      '3m',
    );
    assert.deepEqual([s.observed, s.fired], [2, true]);
    assert.equal(
      signalOf(run({ shared: [shared('name_birth_date', [[1, 40]])] }), 'FS-SAME-NAME-BIRTH-DATE', '1m')
        .fired,
      false,
    );
  });
});

describe('the ID against what is reported', () => {
  test('FS-ID-BIRTH-DATE-MISMATCH fires on another birth date, not on the same', () => {
    const same = run({ own: [ownReport('birth_date', 'b1', { value: '1990-05-17' })] });
    assert.equal(signalOf(same, 'FS-ID-BIRTH-DATE-MISMATCH', 'all').fired, false);
    const s = signalOf(
      run({
        own: [
          ownReport('birth_date', 'b1', { value: '1990-05-17' }),
          ownReport('birth_date', 'b2', { value: '1991-05-17', furnisher: 'lender-c', lastDaysAgo: 800 }),
        ],
      }),
      'FS-ID-BIRTH-DATE-MISMATCH',
      'all',
    );
    assert.deepEqual([s.observed, s.fired], [1, true]);
    assert.deepEqual(s.evidence.institutions, ['lender-c']);
    assert.equal(s.evidence.figures.reportsAgreeing, 1);
  });

  test('FS-ID-SEX-MISMATCH fires on the other sex; an ID that embeds nothing never fires', () => {
    const own = [ownReport('sex', 's1', { value: 'M' })];
    assert.equal(signalOf(run({ own }), 'FS-ID-SEX-MISMATCH', 'all').fired, true);
    assert.equal(
      signalOf(run({ own: [ownReport('sex', 's1', { value: 'F' })] }), 'FS-ID-SEX-MISMATCH', 'all').fired,
      false,
    );
    const ssn = signalOf(run({ own, idFacts: {} }), 'FS-ID-SEX-MISMATCH', 'all');
    assert.equal(ssn.fired, false);
    assert.equal(ssn.evidence.figures.idEmbedsValue, false);
  });
});

describe('hard-inquiry velocity', () => {
  test('4 institutions in a day fire; 3 do not; one institution 4 times on a day is one application', () => {
    const three = [inquiry(1, 'a'), inquiry(2, 'b'), inquiry(3, 'c')];
    assert.equal(signalOf(run({ inquiries: three }), 'FS-INQUIRY-VELOCITY', '1d').fired, false);
    const s = signalOf(run({ inquiries: [...three, inquiry(23, 'd')] }), 'FS-INQUIRY-VELOCITY', '1d');
    assert.deepEqual([s.observed, s.threshold, s.fired], [4, 4, true]);
    assert.deepEqual(s.evidence.institutions, ['a', 'b', 'c', 'd']);
    const late = signalOf(run({ inquiries: [...three, inquiry(24, 'd')] }), 'FS-INQUIRY-VELOCITY', '1d');
    assert.equal(late.fired, false, 'exactly 24 hours before is outside the day');
    const same = signalOf(
      run({ inquiries: [inquiry(1, 'a'), inquiry(2, 'a'), inquiry(3, 'a'), inquiry(4, 'a')] }),
      'FS-INQUIRY-VELOCITY',
      '1d',
    );
    assert.deepEqual([same.observed, same.evidence.figures.hardInquiries], [1, 4]);
  });

  test('soft inquiries do not count; 5 a week, 7 a month and 20 a year fire', () => {
    const soft = Array.from({ length: 6 }, (_, i) => inquiry(i + 1, `x${i}`, '01'));
    assert.equal(signalOf(run({ inquiries: soft }), 'FS-INQUIRY-VELOCITY', '1d').observed, 0);
    const week = Array.from({ length: 5 }, (_, i) => inquiry(24 * (i + 1) + 1, `w${i}`));
    const w = run({ inquiries: week });
    assert.equal(signalOf(w, 'FS-INQUIRY-VELOCITY', '7d').fired, true);
    assert.equal(signalOf(run({ inquiries: week.slice(1) }), 'FS-INQUIRY-VELOCITY', '7d').fired, false);
    const month = Array.from({ length: 7 }, (_, i) => inquiry(24 * 3 * (i + 1), `m${i}`));
    assert.equal(signalOf(run({ inquiries: month }), 'FS-INQUIRY-VELOCITY', '1m').fired, true);
    assert.equal(signalOf(run({ inquiries: month.slice(1) }), 'FS-INQUIRY-VELOCITY', '1m').fired, false);
    const year = Array.from({ length: 20 }, (_, i) => inquiry(24 * 15 * (i + 1), `y${i}`));
    assert.equal(signalOf(run({ inquiries: year }), 'FS-INQUIRY-VELOCITY', '12m').fired, true);
    assert.equal(signalOf(run({ inquiries: year.slice(1) }), 'FS-INQUIRY-VELOCITY', '12m').fired, false);
  });
});

describe('fraud rings', () => {
  const links = { mobile: 1, address: 1, employer: 1 };
  test('5 members with a shared mobile or address fire; 4 do not; 6 colleagues only do not', () => {
    const s = signalOf(run({ ring: ring({ members: 5, links }) }), 'FS-FRAUD-RING', '12m');
    assert.deepEqual([s.observed, s.threshold, s.fired], [5, 5, true]);
    assert.equal(signalOf(run({ ring: ring({ members: 4, links }) }), 'FS-FRAUD-RING', '12m').fired, false);
    const colleagues = ring({ members: 6, links: { mobile: 0, address: 0, employer: 1 } });
    assert.equal(signalOf(run({ ring: colleagues }), 'FS-FRAUD-RING', '12m').fired, false);
  });

  test('FS-FRAUD-RING-DEFAULT: 2 of 5 in default (40%) fires, 1 of 5 (20%) does not, nor a non-ring', () => {
    const s = signalOf(
      run({ ring: ring({ members: 5, membersInDefault: 2, links }) }),
      'FS-FRAUD-RING-DEFAULT',
      '12m',
    );
    assert.deepEqual([s.observed, s.fired], [40, true]);
    assert.equal(s.evidence.figures.membersInDefault, 2);
    const near = run({ ring: ring({ members: 5, membersInDefault: 1, links }) });
    assert.equal(signalOf(near, 'FS-FRAUD-RING-DEFAULT', '12m').fired, false);
    const small = run({ ring: ring({ members: 3, membersInDefault: 3, links }) });
    assert.equal(signalOf(small, 'FS-FRAUD-RING-DEFAULT', '12m').fired, false, 'no ring, no ring default');
  });
});

describe('the whole set', () => {
  test('a person the bureau does not know: every signal, none fired, no warning', () => {
    const signals = computeFraudSignals({ ...evidence(), onFile: false }, T);
    assert.equal(signals.length, 32);
    assert.ok(signals.every((s) => !s.fired));
    assert.deepEqual(fraudWarningLines(signals), []);
  });

  test('warning lines: one per signal that fired, at its shortest window that fired, no values', () => {
    const signals = run({
      own: [
        ownReport('mobile', 'm1', { firstDaysAgo: 400 }),
        ownReport('mobile', 'm2', { firstDaysAgo: 400 }),
        ownReport('mobile', 'm3', { firstDaysAgo: 400, lastDaysAgo: 60 }),
      ],
      shared: [
        shared('mobile', [
          [1, 5],
          [2, 6],
        ]),
      ],
      ring: ring({ members: 5, membersInDefault: 5, links: { mobile: 1, address: 0, employer: 0 } }),
    });
    assert.deepEqual(fraudWarningLines(signals), [
      'FS-MOBILES-PER-ID: 3 mobiles reported for this ID in the last 3 months',
      'FS-IDS-PER-MOBILE: a mobile of this person is reported under 3 IDs in the last month',
      'FS-FRAUD-RING: linked to a group of 5 persons sharing mobiles, addresses or employers',
      'FS-FRAUD-RING-DEFAULT: 100% of the members of that group are in default',
    ]);
  });

  test('thresholds come from the profile: a lower one fires earlier; a bad one is refused', () => {
    const lower: FraudThresholds = { ...T, mobilesPerId: { '1m': 2, '3m': 2, '6m': 2, '12m': 2 } };
    const own = [ownReport('mobile', 'm1'), ownReport('mobile', 'm2')];
    assert.equal(signalOf(run({ own }, lower), 'FS-MOBILES-PER-ID', '1m').fired, true);
    assert.throws(() => run({}, { ...T, idSexMismatches: 0 }), /idSexMismatches/);
    assert.throws(
      () => run({}, { ...T, ring: { ...T.ring, maxPersonsVisited: 100_000 } }),
      /maxPersonsVisited/,
    );
  });
});
