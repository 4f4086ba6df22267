/**
 * Properties of the fraud signals on random evidence (fast-check): a signal fires exactly when its
 * observed value reaches its threshold (rings also need a shared mobile or address); longer
 * windows never observe less; more reports never lower a count; the order of the evidence changes
 * nothing; counts agree with a brute-force oracle; and the answer never carries a value key, a
 * reported value or anything but counts, dates and institution codes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type {
  FraudEvidence,
  InquiryRecord,
  OwnReport,
  SharedValue,
} from '../../../src/identity/fraud/fraud-evidence.js';
import type { FraudSignal } from '../../../src/identity/fraud/fraud-signal.js';
import { computeFraudSignals } from '../../../src/identity/fraud/fraud-signals.js';
import { DEFAULT_FRAUD_THRESHOLDS } from '../../../src/identity/fraud/fraud-thresholds.js';
import {
  fraudWindowBounds,
  IDENTITY_WINDOW_IDS,
  VELOCITY_WINDOW_IDS,
} from '../../../src/identity/fraud/fraud-windows.js';
import { AS_OF, daysAgo, evidence, hoursAgo, ring } from './fraud-fixtures.js';

const T = DEFAULT_FRAUD_THRESHOLDS;
const FURNISHERS = ['f-a', 'f-b', 'f-c', 'f-d'];
/** Value keys that look like keyed hashes, so a leak into the answer would be found. */
const KEYS = Array.from({ length: 6 }, (_, i) => `KEYv${i}q9Zx${'abcdef'[i]}Lm0Tn`);

const arbDay = fc.oneof(
  fc.integer({ min: 0, max: 800 }),
  fc.constantFrom(0, 1, 27, 28, 29, 30, 31, 89, 90, 91, 364, 365, 366),
);

const arbOwn: fc.Arbitrary<OwnReport> = fc
  .record({
    attribute: fc.constantFrom('name', 'birth_date', 'sex', 'mobile', 'address', 'employer' as const),
    key: fc.integer({ min: 0, max: KEYS.length - 1 }),
    furnisher: fc.constantFrom(...FURNISHERS),
    first: arbDay,
    span: fc.integer({ min: 0, max: 400 }),
  })
  .map((r) => ({
    attribute: r.attribute,
    // A key is the hash of one value: the value follows from it.
    key: `${r.attribute}-${KEYS[r.key]}`,
    ...(r.attribute === 'birth_date' ? { value: r.key % 2 === 0 ? '1990-05-17' : '1991-01-01' } : {}),
    ...(r.attribute === 'sex' ? { value: r.key % 2 === 0 ? 'F' : 'M' } : {}),
    furnisher: r.furnisher,
    firstReportedOn: daysAgo(r.first),
    lastReportedOn: daysAgo(Math.max(0, r.first - r.span)),
  }));

const arbShared: fc.Arbitrary<SharedValue> = fc
  .record({
    attribute: fc.constantFrom('mobile', 'address', 'name_birth_date' as const),
    ownLast: arbDay,
    others: fc.array(
      fc.record({
        holder: fc.integer({ min: 1, max: 6 }),
        last: arbDay,
        furnisher: fc.constantFrom(...FURNISHERS),
      }),
      {
        maxLength: 8,
      },
    ),
  })
  .map((v) => ({
    attribute: v.attribute,
    own: {
      firstReportedOn: daysAgo(v.ownLast + 10),
      lastReportedOn: daysAgo(v.ownLast),
      furnishers: ['f-a'],
    },
    others: v.others.map((o) => ({
      holder: o.holder,
      furnisher: o.furnisher,
      firstReportedOn: daysAgo(o.last + 3),
      lastReportedOn: daysAgo(o.last),
    })),
    truncated: false,
  }));

const arbInquiry: fc.Arbitrary<InquiryRecord> = fc
  .record({
    hours: fc.oneof(
      fc.integer({ min: 0, max: 24 * 400 }),
      fc.constantFrom(0, 1, 23, 24, 25, 24 * 7, 24 * 7 + 1),
    ),
    institution: fc.constantFrom(...FURNISHERS),
    reason: fc.constantFrom('01', '02', '03', '26', '22' as const),
  })
  .map((q) => ({ at: hoursAgo(q.hours), institution: q.institution, reason: q.reason }));

const arbEvidence: fc.Arbitrary<FraudEvidence> = fc
  .record({
    own: fc.array(arbOwn, { maxLength: 14 }),
    shared: fc.array(arbShared, { maxLength: 5 }),
    inquiries: fc.array(arbInquiry, { maxLength: 30 }),
    members: fc.integer({ min: 1, max: 12 }),
    inDefault: fc.integer({ min: 0, max: 12 }),
    mobileLinks: fc.integer({ min: 0, max: 2 }),
    employerLinks: fc.integer({ min: 0, max: 2 }),
  })
  .map((e) =>
    evidence({
      own: e.own,
      shared: e.shared,
      inquiries: e.inquiries,
      ring: ring({
        members: e.members,
        membersInDefault: Math.min(e.inDefault, e.members),
        links: { mobile: e.mobileLinks, address: 0, employer: e.employerLinks },
      }),
    }),
  );

const RING_IDS = new Set(['FS-FRAUD-RING', 'FS-FRAUD-RING-DEFAULT']);
const key = (s: FraudSignal) => `${s.id}|${s.window}`;

test('a signal fires exactly when observed reaches its threshold (rings: and a shared mobile or address)', () => {
  fc.assert(
    fc.property(arbEvidence, (e) => {
      for (const s of computeFraudSignals(e, T)) {
        if (RING_IDS.has(s.id)) {
          if (s.fired) assert.ok(s.observed >= s.threshold, key(s));
        } else assert.equal(s.fired, s.observed >= s.threshold, key(s));
      }
    }),
  );
});

test('longer windows never observe less', () => {
  fc.assert(
    fc.property(arbEvidence, (e) => {
      const signals = computeFraudSignals(e, T);
      for (const order of [IDENTITY_WINDOW_IDS, VELOCITY_WINDOW_IDS] as const) {
        const ids = new Set(signals.filter((s) => s.window === order[1]).map((s) => s.id));
        for (const id of ids) {
          const observed = order.map(
            (w) => signals.find((s) => s.id === id && s.window === w)?.observed ?? 0,
          );
          for (let i = 1; i < observed.length; i++)
            assert.ok(observed[i]! >= observed[i - 1]!, `${id}: ${observed.join(' ')}`);
        }
      }
    }),
  );
});

test('one more report under another ID, or one more own report, never lowers a count', () => {
  fc.assert(
    fc.property(
      arbEvidence,
      arbOwn,
      fc.nat(),
      fc.integer({ min: 1, max: 9 }),
      arbDay,
      (e, extra, at, holder, last) => {
        const before = new Map(computeFraudSignals(e, T).map((s) => [key(s), s.observed]));
        const more = structuredClone(e);
        more.own.push(extra);
        if (more.shared.length > 0) {
          const v = more.shared[at % more.shared.length]!;
          v.others.push({
            holder,
            furnisher: 'f-z',
            firstReportedOn: daysAgo(last + 1),
            lastReportedOn: daysAgo(last),
          });
        }
        for (const s of computeFraudSignals(more, T)) {
          // A report of an earlier first date can make a mobile the first one: no longer a change.
          if (s.id === 'FS-MOBILE-CHANGES') continue;
          assert.ok(s.observed >= before.get(key(s))!, key(s));
        }
      },
    ),
  );
});

test('the order of the evidence changes nothing', () => {
  fc.assert(
    fc.property(arbEvidence, (e) => {
      const reversed = {
        ...e,
        own: [...e.own].reverse(),
        shared: [...e.shared].reverse(),
        inquiries: [...e.inquiries].reverse(),
      };
      assert.deepEqual(computeFraudSignals(reversed, T), computeFraudSignals(e, T));
    }),
  );
});

test('counts agree with a brute-force oracle (mobiles per ID, hard inquiries per day and institution)', () => {
  fc.assert(
    fc.property(arbEvidence, (e) => {
      const signals = computeFraudSignals(e, T);
      const asOfMs = Date.parse(AS_OF);
      for (const w of IDENTITY_WINDOW_IDS) {
        const { startDate, endDate } = fraudWindowBounds(asOfMs, w);
        const keys = new Set<string>();
        for (const r of e.own)
          if (r.attribute === 'mobile' && r.lastReportedOn > startDate && r.lastReportedOn <= endDate)
            keys.add(r.key);
        assert.equal(
          signals.find((s) => s.id === 'FS-MOBILES-PER-ID' && s.window === w)!.observed,
          keys.size,
        );
      }
      for (const w of VELOCITY_WINDOW_IDS) {
        const { startMs } = fraudWindowBounds(asOfMs, w);
        const apps = new Set<string>();
        for (const q of e.inquiries) {
          const ms = Date.parse(q.at);
          if (['02', '03', '26'].includes(q.reason) && ms > startMs && ms <= asOfMs)
            apps.add(`${q.institution}|${q.at.slice(0, 10)}`);
        }
        assert.equal(
          signals.find((s) => s.id === 'FS-INQUIRY-VELOCITY' && s.window === w)!.observed,
          apps.size,
        );
      }
    }),
  );
});

test('the answer carries counts, dates and institution codes only: no key, no reported value', () => {
  fc.assert(
    fc.property(arbEvidence, (e) => {
      const signals = computeFraudSignals(e, T);
      const json = JSON.stringify(signals);
      for (const k of KEYS) assert.ok(!json.includes(k), 'a value key leaked');
      assert.ok(!json.includes('1991-01-01') && !json.includes('1990-05-17'), 'a reported birth date leaked');
      for (const s of signals) {
        for (const v of Object.values(s.evidence.figures)) assert.notEqual(typeof v, 'string');
        for (const code of s.evidence.institutions) assert.ok(FURNISHERS.includes(code));
        for (const d of [s.evidence.firstReportedOn, s.evidence.lastReportedOn])
          assert.ok(d === null || /^\d{4}-\d{2}-\d{2}$/.test(d));
      }
    }),
  );
});
