/**
 * A pre-lending check as a lender asks it: the proposal is checked, the consent gate is passed
 * (purposes 02, 03 or 26), then in one transaction the person's file is read and the check is
 * recorded as an inquiry on it (and logged); the indicators are computed on the file as read
 * (without this check's own inquiry) and every over-credit rule of the profile and of the
 * lender's policy gives its verdict.
 *
 * @example
 *   const outcome = await runPrelendingCheck(deps, { lender, idNumber, name, purpose: '02', consentId, proposal });
 *   if (outcome.ok) outcome.result.verdict; // 'approve' | 'refer' | 'decline'
 */
import type { InquiryReason } from '../consent/inquiry-reasons.js';
import {
  consentGate,
  type GateRefused,
  type ReportDeps,
  type ReportPull,
  servedRecords,
} from '../report/pull-report.js';
import { queryNumber } from '../report/query-number.js';
import { computeIndicators, type Indicators } from './compute-indicators.js';
import { declaredIncome } from './declared-income.js';
import { checkLenderPolicy, type LenderPolicy } from './lender-policy.js';
import type { OverCreditRules } from './overcredit-rules.js';
import { type PrelendingResult, prelendingCheck } from './prelending-check.js';
import { checkProposedCredit, type ProposedCredit } from './proposed-credit.js';

/** Inquiry reasons a pre-lending check may be made for: loan, card and credit line approval. */
export const PRELENDING_PURPOSES: readonly InquiryReason[] = ['02', '03', '26'];

export interface PrelendingDeps {
  report: ReportDeps;
  /** The lender's own policy, if it set one. */
  policyOf(lenderId: number): Promise<LenderPolicy | undefined>;
  /** Over-credit rules other than the jurisdiction profile's (tests). */
  rules?: OverCreditRules;
}

export interface PrelendingRequest extends ReportPull {
  proposal: Omit<ProposedCredit, 'institutionKind' | 'lenderCode'>;
  /** Declared annual income of the last years, in fen (at most 3). */
  declaredIncome_fen?: number[];
}

export type PrelendingOutcome =
  | { ok: true; checkNumber: string; indicators: Indicators; result: PrelendingResult }
  | GateRefused;

/** A check number: P, the UTC time to the second, 8 random hex characters. */
export function newCheckNumber(at: Date): string {
  return queryNumber('P', at);
}

export async function runPrelendingCheck(
  deps: PrelendingDeps,
  request: PrelendingRequest,
): Promise<PrelendingOutcome> {
  const proposal: ProposedCredit = {
    ...request.proposal,
    institutionKind: request.lender.kind,
    lenderCode: request.lender.code,
  };
  const rules = deps.rules ?? deps.report.profile.overCreditRules;
  if (!rules)
    return {
      ok: false,
      refusal: 'invalid_request',
      message: `the ${deps.report.profile.name} profile has no over-credit rules: pre-lending checks are not offered`,
    };
  // Bad input is refused before anything is read or recorded.
  try {
    checkProposedCredit(proposal);
    declaredIncome(request.declaredIncome_fen, rules.incomeYears);
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, refusal: 'invalid_request', message: error.message };
    throw error;
  }
  const gate = await consentGate(deps.report, request, PRELENDING_PURPOSES);
  if (!gate.ok) return gate;
  const { now, at, idHash, lenderId } = gate;
  const checkNumber = newCheckNumber(now);
  const file = await deps.report.store.readFileAndRecord({
    idHash,
    ...servedRecords(gate, request.consentId, checkNumber),
    // The indicators and the rules need accounts and inquiries, nothing of the identity.
    parts: 'credit',
  });
  const indicators = computeIndicators(file, at, { currency: rules.currency });
  const policy = await deps.policyOf(lenderId);
  if (policy) checkLenderPolicy(policy);
  const result = prelendingCheck({
    indicators,
    file,
    proposal,
    ...(request.declaredIncome_fen ? { declaredIncome_fen: request.declaredIncome_fen } : {}),
    profileRules: rules,
    ...(policy ? { lenderPolicy: policy } : {}),
  });
  return { ok: true, checkNumber, indicators, result };
}
