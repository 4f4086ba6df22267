/**
 * A fraud check as a lender asks it: the consent gate of reports (same fields, same refusals),
 * then in one transaction the person's evidence is read and the check is recorded as an inquiry on
 * the person's file (and logged); the signals are computed from the evidence as read (without
 * this check's own inquiry). A person the bureau does not know gets an answer that says so, with
 * no signal fired.
 *
 * @example
 *   const outcome = await runFraudCheck(deps, { lender, idNumber, name, purpose: '02', consentId });
 *   if (outcome.ok) outcome.warnings; // the lines of the report header's anti-fraud warning
 */
import {
  consentGate,
  type GateRefused,
  type ReportDeps,
  type ReportPull,
  servedRecords,
} from '../../report/pull-report.js';
import { queryNumber } from '../../report/query-number.js';
import type { FraudSignal } from './fraud-signal.js';
import { computeFraudSignals } from './fraud-signals.js';
import { checkFraudThresholds, type FraudThresholds } from './fraud-thresholds.js';
import { fraudWarningLines } from './fraud-warnings.js';
import type { FraudEvidenceStore } from './ports.js';

export interface FraudCheckDeps {
  report: ReportDeps;
  evidence: FraudEvidenceStore;
  /** Thresholds other than the jurisdiction profile's (tests). */
  thresholds?: FraudThresholds;
}

export interface FraudCheckResult {
  checkNumber: string;
  asOf: string;
  personOnFile: boolean;
  anyFired: boolean;
  /** Ids of the signals that fired (each once). */
  fired: string[];
  warnings: string[];
  signals: FraudSignal[];
}

export type FraudCheckOutcome = ({ ok: true } & FraudCheckResult) | GateRefused;

/**
 * A fraud check number: F, the UTC time to the second, 8 random hex characters.
 *
 * @example
 *   newFraudCheckNumber(new Date()) // 'F20260101120000A1B2C3D4'
 */
export function newFraudCheckNumber(at: Date): string {
  return queryNumber('F', at);
}

/**
 * Runs one check (see the module comment).
 *
 * @example
 *   const outcome = await runFraudCheck({ report: bureau.reportDeps, evidence: bureau.fraudEvidence }, pull);
 */
export async function runFraudCheck(deps: FraudCheckDeps, request: ReportPull): Promise<FraudCheckOutcome> {
  const thresholds = deps.thresholds ?? deps.report.profile.fraudThresholds;
  checkFraudThresholds(thresholds);
  const gate = await consentGate(deps.report, request);
  if (!gate.ok) return gate;
  const { now, at, idHash, idFacts } = gate;
  const checkNumber = newFraudCheckNumber(now);
  const evidence = await deps.evidence.readEvidenceAndRecord({
    idHash,
    asOf: at,
    idFacts,
    ring: thresholds.ring,
    ...servedRecords(gate, request.consentId, checkNumber),
  });
  const signals = computeFraudSignals(evidence, thresholds);
  const fired = [...new Set(signals.filter((s) => s.fired).map((s) => s.id))];
  return {
    ok: true,
    checkNumber,
    asOf: at,
    personOnFile: evidence.onFile,
    anyFired: fired.length > 0,
    fired,
    warnings: fraudWarningLines(signals),
    signals,
  };
}
