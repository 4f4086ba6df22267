/**
 * The evidence of a resolution decision, as stored and shown: per attribute the comparison level
 * and its weight (never a value), the total, the runner-up and the thresholds in force; and,
 * for the review queue only, the masked values of the record and the candidate.
 *
 * @example
 *   const stored = JSON.stringify(decisionEvidence(score, outcome));
 */
import type { AttributeScore, CandidateScore } from './compare-candidates.js';
import { maskValue } from './mask.js';
import type { ResolutionThresholds } from './thresholds.js';

/**
 * One attribute's part of a decision.
 *
 * @example
 *   const e: AttributeWeight = { attribute: 'phone', level: 1, label: 'exact', m: 0.75, u: 2e-7, weight_bits: 21.84 };
 */
export interface AttributeWeight {
  attribute: string;
  level: number;
  label: string;
  m: number;
  u: number;
  weight_bits: number;
}

/**
 * The stored evidence (identity_link_decisions.evidence, identity_reviews.evidence).
 *
 * @example
 *   evidence.total_bits >= evidence.thresholds.link_bits;
 */
export interface DecisionEvidence {
  total_bits: number;
  runner_up_bits: number | null;
  candidates_compared: number;
  thresholds: ResolutionThresholds;
  attributes: AttributeWeight[];
}

/**
 * One attribute's masked values (review queue only).
 *
 * @example
 *   const v: MaskedPair = { attribute: 'phone', record: '*******8000', candidate: '*******8000' };
 */
export interface MaskedPair {
  attribute: string;
  record: string;
  candidate: string;
}

const round = (x: number, places: number): number => {
  const f = 10 ** places;
  return Math.round(x * f) / f;
};

/**
 * The evidence of one candidate's score.
 *
 * @example
 *   decisionEvidence(score, { runnerUp: 12.5, compared: 3, thresholds: RESOLUTION_THRESHOLDS });
 */
export function decisionEvidence(
  score: CandidateScore,
  facts: { runnerUp: number | null; compared: number; thresholds: ResolutionThresholds },
): DecisionEvidence {
  return {
    total_bits: round(score.total, 2),
    runner_up_bits: facts.runnerUp === null ? null : round(facts.runnerUp, 2),
    candidates_compared: facts.compared,
    thresholds: { ...facts.thresholds },
    attributes: score.attributes.map((a: AttributeScore) => ({
      attribute: a.attribute,
      level: a.level,
      label: a.label,
      m: a.m,
      u: a.u,
      weight_bits: round(a.weight, 2),
    })),
  };
}

/**
 * The masked values of a score's attributes.
 *
 * @example
 *   maskedPairs(score).find((p) => p.attribute === 'phone');
 */
export function maskedPairs(score: CandidateScore): MaskedPair[] {
  return score.attributes.map((a) => ({
    attribute: a.attribute,
    record: maskValue(a.attribute, a.recordValue),
    candidate: maskValue(a.attribute, a.candidateValue),
  }));
}

/**
 * The total in hundredths of a bit (the stored integer column).
 *
 * @example
 *   centibits(52.345); // 5235
 */
export function centibits(bits: number): number {
  if (!Number.isFinite(bits)) throw new Error('invariant: a weight is not finite');
  return Math.round(bits * 100);
}
