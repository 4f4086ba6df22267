/**
 * Every fraud signal of a person, from the evidence: pure, no clock (windows end at
 * `evidence.asOf`), in the order of FRAUD_SIGNAL_IDS and, within a signal, shortest window first.
 * A person the bureau does not know gets every signal unfired.
 *
 * @example
 *   const signals = computeFraudSignals(evidence, profile.fraudThresholds);
 *   const fired = signals.filter((s) => s.fired);
 */
import type { FraudEvidence } from './fraud-evidence.js';
import type { FraudSignal } from './fraud-signal.js';
import { checkFraudThresholds, type FraudThresholds } from './fraud-thresholds.js';
import { idFactsSignals } from './id-facts-signals.js';
import { inquiryVelocity } from './inquiry-velocity-signal.js';
import { mobileChanges, mobilesPerId, namesPerId } from './own-value-signals.js';
import { ringSignals } from './ring-signals.js';
import { idsPerAddress, idsPerMobile, sameNameBirthDate } from './shared-value-signals.js';

/**
 * All signals, fired or not.
 *
 * @example
 *   computeFraudSignals(evidence, CHINA_FRAUD_THRESHOLDS).length // 32
 */
export function computeFraudSignals(evidence: FraudEvidence, thresholds: FraudThresholds): FraudSignal[] {
  checkFraudThresholds(thresholds);
  if (Number.isNaN(Date.parse(evidence.asOf)))
    throw new RangeError(`fraud evidence: asOf is not an instant: '${evidence.asOf}'`);
  const signals = [
    ...mobilesPerId(evidence, thresholds),
    ...idsPerMobile(evidence, thresholds),
    ...namesPerId(evidence, thresholds),
    ...idsPerAddress(evidence, thresholds),
    ...idFactsSignals(evidence, thresholds),
    ...sameNameBirthDate(evidence, thresholds),
    ...mobileChanges(evidence, thresholds),
    ...inquiryVelocity(evidence, thresholds),
    ...ringSignals(evidence, thresholds),
  ];
  if (!evidence.onFile && signals.some((s) => s.fired))
    throw new Error('invariant: a signal fired for a person the bureau does not know');
  return signals;
}
