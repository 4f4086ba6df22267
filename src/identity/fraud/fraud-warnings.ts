/**
 * The anti-fraud warning of a report header: one short line per signal that fired (its shortest
 * window that fired), in signal order. Counts and windows only: never a value.
 *
 * @example
 *   fraudWarningLines(signals)
 *   // ['FS-IDS-PER-MOBILE: a mobile of this person is reported under 4 IDs in the last 3 months']
 */
import type { FraudSignal, FraudSignalId } from './fraud-signal.js';
import { windowLabel } from './fraud-windows.js';

const TEXT: Readonly<Record<FraudSignalId, (s: FraudSignal, window: string) => string>> = {
  'FS-MOBILES-PER-ID': (s, w) => `${s.observed} mobiles reported for this ID in ${w}`,
  'FS-IDS-PER-MOBILE': (s, w) => `a mobile of this person is reported under ${s.observed} IDs in ${w}`,
  'FS-NAMES-PER-ID': (s, w) => `${s.observed} names reported for this ID in ${w}`,
  'FS-IDS-PER-ADDRESS': (s, w) => `an address of this person is reported under ${s.observed} IDs in ${w}`,
  'FS-ID-BIRTH-DATE-MISMATCH': () => 'a reported birth date differs from the one in the ID',
  'FS-ID-SEX-MISMATCH': () => 'a reported sex differs from the one in the ID',
  'FS-SAME-NAME-BIRTH-DATE': (s, w) =>
    `the same name and birth date are reported under ${s.observed} IDs in ${w} (possible synthetic identity)`,
  'FS-MOBILE-CHANGES': (s, w) => `${s.observed} changes of mobile in ${w}`,
  'FS-INQUIRY-VELOCITY': (s, w) => `${s.observed} applications for credit (hard inquiries) in ${w}`,
  'FS-FRAUD-RING': (s) =>
    `linked to a group of ${s.observed} persons sharing mobiles, addresses or employers`,
  'FS-FRAUD-RING-DEFAULT': (s) => `${s.observed}% of the members of that group are in default`,
};

/**
 * The warning lines; empty when nothing fired.
 *
 * @example
 *   fraudWarningLines([]) // []
 */
export function fraudWarningLines(signals: readonly FraudSignal[]): string[] {
  const shown = new Set<FraudSignalId>();
  const lines: string[] = [];
  for (const s of signals) {
    if (!s.fired || shown.has(s.id)) continue;
    shown.add(s.id);
    lines.push(`${s.id}: ${TEXT[s.id](s, windowLabel(s.window))}`);
  }
  return lines;
}
