/**
 * Fraud signals per person (issue 5): identity links over windows of 1-12 months, the ID against
 * the reported birth date and sex, hard-inquiry velocity and fraud rings; the warning lines of a
 * report header. Pure domain code but for the ring walk's port and the check's orchestration: no
 * HTTP, no SQL. See docs/fraud-signals.md.
 *
 * @example
 *   import { computeFraudSignals, fraudWarningLines } from '../identity/fraud/index.js';
 *   const lines = fraudWarningLines(computeFraudSignals(evidence, profile.fraudThresholds));
 */
export { DEFAULT_STATUS_LEVEL, DEFAULT_STATUSES } from './default-status.js';
export {
  type FraudEvidence,
  type InquiryRecord,
  type OtherReport,
  type OwnReport,
  type ReportedAttribute,
  type RingWalk,
  type SharedAttribute,
  type SharedValue,
  unknownPersonEvidence,
} from './fraud-evidence.js';
export {
  FRAUD_SIGNAL_IDS,
  type FraudSignal,
  type FraudSignalEvidence,
  type FraudSignalId,
} from './fraud-signal.js';
export { computeFraudSignals } from './fraud-signals.js';
export {
  CHINA_FRAUD_THRESHOLDS,
  checkFraudThresholds,
  DEFAULT_FRAUD_THRESHOLDS,
  type FraudThresholds,
  type PerWindow,
  RING_LINK_ATTRIBUTES,
  type RingLinkAttribute,
  type RingThresholds,
  US_FRAUD_THRESHOLDS,
} from './fraud-thresholds.js';
export { fraudWarningLines } from './fraud-warnings.js';
export {
  type FraudWindowId,
  fraudWindowBounds,
  IDENTITY_WINDOW_IDS,
  type IdentityWindowId,
  VELOCITY_WINDOW_IDS,
  type VelocityWindowId,
  windowLabel,
} from './fraud-windows.js';
export type { FraudEvidenceRequest, FraudEvidenceStore } from './ports.js';
export { type RingGraph, type RingValue, walkRing } from './ring-walk.js';
export {
  type FraudCheckDeps,
  type FraudCheckOutcome,
  type FraudCheckResult,
  newFraudCheckNumber,
  runFraudCheck,
} from './run-fraud-check.js';
