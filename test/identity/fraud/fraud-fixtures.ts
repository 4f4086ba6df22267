/**
 * Evidence for the pure fraud-signal tests: a check made at AS_OF, dates given as days before it,
 * own reports, values shared with other holders, inquiries and ring walks.
 *
 * @example
 *   const e = evidence({ own: [ownReport('mobile', 'm1', { lastDaysAgo: 3 })] });
 */
import type {
  FraudEvidence,
  InquiryRecord,
  OwnReport,
  ReportedAttribute,
  RingWalk,
  SharedAttribute,
  SharedValue,
} from '../../../src/identity/fraud/fraud-evidence.js';
import type { FraudSignal, FraudSignalId } from '../../../src/identity/fraud/fraud-signal.js';
import type { FraudWindowId } from '../../../src/identity/fraud/fraud-windows.js';

export const AS_OF = '2026-03-15T10:00:00.000Z';
const AS_OF_MS = Date.parse(AS_OF);
const DAY = 86_400_000;

/** The UTC date `days` days before AS_OF. */
export function daysAgo(days: number): string {
  return new Date(AS_OF_MS - days * DAY).toISOString().slice(0, 10);
}

/** The instant `hours` hours before AS_OF. */
export function hoursAgo(hours: number): string {
  return new Date(AS_OF_MS - hours * 3_600_000).toISOString();
}

export function evidence(change: Partial<FraudEvidence> = {}): FraudEvidence {
  return {
    asOf: AS_OF,
    onFile: true,
    idFacts: { birthDate: '1990-05-17', sex: 'F' },
    own: [],
    shared: [],
    inquiries: [],
    ring: null,
    truncated: false,
    ...change,
  };
}

export function ownReport(
  attribute: ReportedAttribute,
  key: string,
  o: { firstDaysAgo?: number; lastDaysAgo?: number; furnisher?: string; value?: string } = {},
): OwnReport {
  const last = o.lastDaysAgo ?? 1;
  return {
    attribute,
    key,
    ...(o.value !== undefined ? { value: o.value } : {}),
    furnisher: o.furnisher ?? 'lender-a',
    firstReportedOn: daysAgo(o.firstDaysAgo ?? last),
    lastReportedOn: daysAgo(last),
  };
}

/** A value of the person reported by `others` other holders (each `[holder, lastDaysAgo]`). */
export function shared(
  attribute: SharedAttribute,
  others: readonly (readonly [number, number])[],
  o: { ownLastDaysAgo?: number; furnisher?: string } = {},
): SharedValue {
  const ownLast = o.ownLastDaysAgo ?? 1;
  return {
    attribute,
    own: {
      firstReportedOn: daysAgo(ownLast + 30),
      lastReportedOn: daysAgo(ownLast),
      furnishers: ['lender-a'],
    },
    others: others.map(([holder, lastDaysAgo]) => ({
      holder,
      furnisher: o.furnisher ?? 'lender-b',
      firstReportedOn: daysAgo(lastDaysAgo + 10),
      lastReportedOn: daysAgo(lastDaysAgo),
    })),
    truncated: false,
  };
}

export function inquiry(hoursBefore: number, institution: string, reason: InquiryRecord['reason'] = '02') {
  return { at: hoursAgo(hoursBefore), institution, reason };
}

export function ring(change: Partial<RingWalk> = {}): RingWalk {
  return {
    members: 1,
    membersInDefault: 0,
    depthReached: 0,
    links: { mobile: 0, address: 0, employer: 0 },
    commonValuesSkipped: 0,
    truncated: false,
    ...change,
  };
}

/** The signal of an id and window (throws when absent). */
export function signalOf(
  signals: readonly FraudSignal[],
  id: FraudSignalId,
  window: FraudWindowId,
): FraudSignal {
  const s = signals.find((x) => x.id === id && x.window === window);
  if (!s) throw new Error(`no signal ${id} ${window}`);
  return s;
}
