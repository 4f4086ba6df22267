/**
 * Signals from the person's values reported under other IDs (the value index), per window of 1,
 * 3, 6 and 12 months:
 *  - FS-IDS-PER-MOBILE: the most IDs one of the person's mobiles is reported under;
 *  - FS-IDS-PER-ADDRESS: the same for addresses;
 *  - FS-SAME-NAME-BIRTH-DATE: the most IDs the person's name with birth date is reported under
 *    (a possible synthetic identity: one face, several IDs).
 * The person's own ID counts as one; another ID counts when its report of the value falls in the
 * window. A mobile or address counts only when the person's own report of it does too (a number
 * the person left years ago and that was given to someone else is not a link now); a name with
 * birth date always counts (it does not change). Evidence: how many other IDs and furnishers,
 * the dates of their reports, the codes of the person's own furnishers; never who the others are.
 *
 * @example
 *   idsPerMobile(evidence, thresholds).find((s) => s.window === '12m')?.observed
 */
import type { FraudEvidence, SharedAttribute, SharedValue } from './fraud-evidence.js';
import { codes, dateSpan, type FraudSignal, type FraudSignalId, makeSignal } from './fraud-signal.js';
import type { FraudThresholds, PerWindow } from './fraud-thresholds.js';
import { fraudWindowBounds, IDENTITY_WINDOW_IDS, type IdentityWindowId } from './fraud-windows.js';

interface Spec {
  id: FraudSignalId;
  attribute: SharedAttribute;
  description: string;
  counted: string;
  /** The person's own report must fall in the window too. */
  ownInWindow: boolean;
}

/** What one value shows in a window: IDs and the evidence it would give. */
interface Candidate {
  ids: number;
  first: string | null;
  last: string | null;
  institutions: string[];
  otherFurnishers: number;
  truncated: boolean;
}

function candidate(value: SharedValue, inWindow: (date: string) => boolean): Candidate {
  const others = value.others.filter((o) => inWindow(o.lastReportedOn));
  const span = dateSpan(others);
  return {
    ids: 1 + new Set(others.map((o) => o.holder)).size,
    first: span.first,
    last: span.last,
    institutions: codes(value.own.furnishers),
    otherFurnishers: new Set(others.map((o) => o.furnisher)).size,
    truncated: value.truncated,
  };
}

/** The value with the most IDs; among equals, one chosen by its evidence (not by the order given). */
function better(a: Candidate, b: Candidate | undefined): boolean {
  if (!b || a.ids !== b.ids) return !b || a.ids > b.ids;
  return JSON.stringify(a) > JSON.stringify(b);
}

function sharedValueSignals(
  evidence: FraudEvidence,
  spec: Spec,
  thresholds: PerWindow<IdentityWindowId>,
): FraudSignal[] {
  const asOfMs = Date.parse(evidence.asOf);
  const values = evidence.shared.filter((v) => v.attribute === spec.attribute);
  return IDENTITY_WINDOW_IDS.map((window) => {
    const { startDate, endDate } = fraudWindowBounds(asOfMs, window);
    const inWindow = (date: string) => date > startDate && date <= endDate;
    let best: Candidate | undefined;
    let valuesShared = 0;
    for (const value of values) {
      if (spec.ownInWindow && !inWindow(value.own.lastReportedOn)) continue;
      const c = candidate(value, inWindow);
      if (c.ids > 1) valuesShared += 1;
      if (better(c, best)) best = c;
    }
    return makeSignal({
      id: spec.id,
      description: spec.description,
      window,
      threshold: thresholds[window],
      observed: best?.ids ?? 0,
      evidence: {
        counted: spec.counted,
        firstReportedOn: best?.first ?? null,
        lastReportedOn: best?.last ?? null,
        institutions: best?.institutions ?? [],
        figures: {
          otherIds: best ? best.ids - 1 : 0,
          otherFurnishers: best?.otherFurnishers ?? 0,
          valuesShared,
          truncated: (best?.truncated ?? false) || evidence.truncated,
        },
      },
    });
  });
}

/**
 * FS-IDS-PER-MOBILE over the four windows.
 *
 * @example
 *   idsPerMobile(evidence, CHINA_FRAUD_THRESHOLDS).length // 4
 */
export function idsPerMobile(evidence: FraudEvidence, thresholds: FraudThresholds): FraudSignal[] {
  return sharedValueSignals(
    evidence,
    {
      id: 'FS-IDS-PER-MOBILE',
      attribute: 'mobile',
      description: 'A mobile of this person is reported under several IDs.',
      counted: "IDs (this one included) under which one of this person's mobiles is reported in the window",
      ownInWindow: true,
    },
    thresholds.idsPerMobile,
  );
}

/**
 * FS-IDS-PER-ADDRESS over the four windows.
 *
 * @example
 *   idsPerAddress(evidence, CHINA_FRAUD_THRESHOLDS)[3]!.window // '12m'
 */
export function idsPerAddress(evidence: FraudEvidence, thresholds: FraudThresholds): FraudSignal[] {
  return sharedValueSignals(
    evidence,
    {
      id: 'FS-IDS-PER-ADDRESS',
      attribute: 'address',
      description: 'An address of this person is reported under several IDs.',
      counted: "IDs (this one included) under which one of this person's addresses is reported in the window",
      ownInWindow: true,
    },
    thresholds.idsPerAddress,
  );
}

/**
 * FS-SAME-NAME-BIRTH-DATE over the four windows.
 *
 * @example
 *   sameNameBirthDate(evidence, CHINA_FRAUD_THRESHOLDS)[0]!.threshold // 2
 */
export function sameNameBirthDate(evidence: FraudEvidence, thresholds: FraudThresholds): FraudSignal[] {
  return sharedValueSignals(
    evidence,
    {
      id: 'FS-SAME-NAME-BIRTH-DATE',
      attribute: 'name_birth_date',
      description: 'The same name and birth date are reported under other IDs (possible synthetic identity).',
      counted:
        "IDs (this one included) under which this person's name with birth date is reported in the window",
      ownInWindow: false,
    },
    thresholds.idsPerNameBirthDate,
  );
}
