/**
 * Signals from the person's own file alone, per window of 1, 3, 6 and 12 months:
 *  - FS-MOBILES-PER-ID: distinct mobiles reported for the ID (a report counts when its last
 *    report date falls in the window);
 *  - FS-NAMES-PER-ID: distinct names reported for the ID, the same way;
 *  - FS-MOBILE-CHANGES: mobiles first reported in the window that are not the person's first
 *    mobile (each is a change of number).
 *
 * @example
 *   mobilesPerId(evidence, thresholds).find((s) => s.window === '3m')?.fired
 */
import type { FraudEvidence, OwnReport, ReportedAttribute } from './fraud-evidence.js';
import { codes, dateSpan, type FraudSignal, makeSignal } from './fraud-signal.js';
import type { FraudThresholds } from './fraud-thresholds.js';
import { fraudWindowBounds, IDENTITY_WINDOW_IDS } from './fraud-windows.js';

const DAY_ms = 86_400_000;

/** Reports of one attribute whose last report date is in the window `(startDate, endDate]`. */
function reportsInWindow(
  own: readonly OwnReport[],
  attribute: ReportedAttribute,
  bounds: { startDate: string; endDate: string },
): OwnReport[] {
  return own.filter(
    (r) =>
      r.attribute === attribute && r.lastReportedOn > bounds.startDate && r.lastReportedOn <= bounds.endDate,
  );
}

function distinctValuesSignal(
  evidence: FraudEvidence,
  attribute: 'mobile' | 'name',
  spec: { id: 'FS-MOBILES-PER-ID' | 'FS-NAMES-PER-ID'; description: string; counted: string },
  thresholds: FraudThresholds['mobilesPerId'],
): FraudSignal[] {
  const asOfMs = Date.parse(evidence.asOf);
  return IDENTITY_WINDOW_IDS.map((window) => {
    const reports = reportsInWindow(evidence.own, attribute, fraudWindowBounds(asOfMs, window));
    const span = dateSpan(reports);
    return makeSignal({
      id: spec.id,
      description: spec.description,
      window,
      threshold: thresholds[window],
      observed: new Set(reports.map((r) => r.key)).size,
      evidence: {
        counted: spec.counted,
        firstReportedOn: span.first,
        lastReportedOn: span.last,
        institutions: codes(reports.map((r) => r.furnisher)),
        figures: { reports: reports.length, truncated: evidence.truncated },
      },
    });
  });
}

/**
 * FS-MOBILES-PER-ID over the four windows.
 *
 * @example
 *   mobilesPerId(evidence, CHINA_FRAUD_THRESHOLDS).length // 4
 */
export function mobilesPerId(evidence: FraudEvidence, thresholds: FraudThresholds): FraudSignal[] {
  return distinctValuesSignal(
    evidence,
    'mobile',
    {
      id: 'FS-MOBILES-PER-ID',
      description: 'Many mobiles are reported for this ID.',
      counted: 'distinct mobiles reported for this ID in the window',
    },
    thresholds.mobilesPerId,
  );
}

/**
 * FS-NAMES-PER-ID over the four windows.
 *
 * @example
 *   namesPerId(evidence, CHINA_FRAUD_THRESHOLDS).every((s) => s.id === 'FS-NAMES-PER-ID') // true
 */
export function namesPerId(evidence: FraudEvidence, thresholds: FraudThresholds): FraudSignal[] {
  return distinctValuesSignal(
    evidence,
    'name',
    {
      id: 'FS-NAMES-PER-ID',
      description: 'Many names are reported for this ID.',
      counted: 'distinct names reported for this ID in the window',
    },
    thresholds.namesPerId,
  );
}

/**
 * FS-MOBILE-CHANGES over the four windows: a mobile is new on the date any furnisher first
 * reported it; the mobiles first reported on the person's earliest such date are the first
 * mobiles (no change); every later one is a change, counted in the windows its date falls in.
 *
 * @example
 *   mobileChanges(evidence, CHINA_FRAUD_THRESHOLDS)[0]!.evidence.figures.daysSinceLastChange
 */
export function mobileChanges(evidence: FraudEvidence, thresholds: FraudThresholds): FraudSignal[] {
  const asOfMs = Date.parse(evidence.asOf);
  const firstSeen = new Map<string, { date: string; furnishers: Set<string> }>();
  for (const r of evidence.own) {
    if (r.attribute !== 'mobile') continue;
    const seen = firstSeen.get(r.key);
    if (!seen) firstSeen.set(r.key, { date: r.firstReportedOn, furnishers: new Set([r.furnisher]) });
    else {
      if (r.firstReportedOn < seen.date) seen.date = r.firstReportedOn;
      seen.furnishers.add(r.furnisher);
    }
  }
  let earliest: string | null = null;
  for (const s of firstSeen.values()) if (earliest === null || s.date < earliest) earliest = s.date;
  const changes = [...firstSeen.values()].filter((s) => earliest !== null && s.date > earliest);
  let lastChange: string | null = null;
  for (const c of changes) if (lastChange === null || c.date > lastChange) lastChange = c.date;
  const daysSinceLastChange =
    lastChange === null
      ? null
      : Math.max(0, Math.floor((Date.parse(evidence.asOf.slice(0, 10)) - Date.parse(lastChange)) / DAY_ms));
  return IDENTITY_WINDOW_IDS.map((window) => {
    const bounds = fraudWindowBounds(asOfMs, window);
    const inWindow = changes.filter((c) => c.date > bounds.startDate && c.date <= bounds.endDate);
    const dates = inWindow.map((c) => c.date).sort();
    return makeSignal({
      id: 'FS-MOBILE-CHANGES',
      description: 'The mobile of this ID changed many times recently.',
      window,
      threshold: thresholds.mobileChanges[window],
      observed: inWindow.length,
      evidence: {
        counted: 'new mobiles (after the first) first reported in the window',
        firstReportedOn: dates[0] ?? null,
        lastReportedOn: dates.at(-1) ?? null,
        institutions: codes(inWindow.flatMap((c) => [...c.furnishers])),
        figures: { mobilesOnFile: firstSeen.size, daysSinceLastChange, truncated: evidence.truncated },
      },
    });
  });
}
