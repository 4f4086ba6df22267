/**
 * Weight of evidence and information value of a variable's bins.
 *
 * With G good and B bad rows in all, N = G + B, and k bins, every bin is given
 * a = WOE_SMOOTHING_ROWS (0.5) pseudo-rows at the population's bad rate:
 *   g'_i = g_i + a * G / N,   b'_i = b_i + a * B / N,   G' = sum g'_i,   B' = sum b'_i
 *   WOE_i = ln( (g'_i / G') / (b'_i / B') )          (positive: safer than average)
 *   IV    = sum_i (g'_i / G' - b'_i / B') * WOE_i     (>= 0)
 * An empty bin, or one with the population's bad rate, gets WOE 0; no WOE is infinite.
 *
 * @example
 *   const t = weightOfEvidence([80, 20], [20, 30]); // G = 100, B = 50
 *   t.woe[0] > 0; // the first bin is safer than average
 *   t.iv > 0;
 */
import { WOE_SMOOTHING_ROWS } from './limits.js';
import { ScoreError } from './score-error.js';

/**
 * WOE and IV of a binned variable.
 *
 * @example
 *   const { woe, iv }: WoeTable = weightOfEvidence([80, 20], [20, 30]);
 */
export interface WoeTable {
  /** Weight of evidence of each bin, ln(share of goods / share of bads). */
  readonly woe: number[];
  /** Each bin's part of the information value. */
  readonly ivTerms: number[];
  /** Information value of the variable. */
  readonly iv: number;
}

/**
 * WOE and IV from the good and bad counts of each bin (both classes must be present).
 *
 * @example
 *   weightOfEvidence([50, 50], [10, 10]).woe; // [0, 0] (both bins at the population's rate)
 */
export function weightOfEvidence(
  goods: readonly number[],
  bads: readonly number[],
  smoothingRows: number = WOE_SMOOTHING_ROWS,
): WoeTable {
  if (goods.length !== bads.length || goods.length === 0)
    throw new ScoreError(`weight of evidence: ${goods.length} good counts, ${bads.length} bad counts`);
  if (!(smoothingRows >= 0) || !Number.isFinite(smoothingRows))
    throw new ScoreError(`weight of evidence: smoothing must be >= 0, got ${smoothingRows}`);
  let totalGood = 0;
  let totalBad = 0;
  for (let i = 0; i < goods.length; i++) {
    const g = goods[i]!;
    const b = bads[i]!;
    if (!(g >= 0 && b >= 0) || !Number.isFinite(g) || !Number.isFinite(b))
      throw new ScoreError(`weight of evidence: bin ${i} has counts ${g} good, ${b} bad`);
    totalGood += g;
    totalBad += b;
  }
  if (totalGood === 0 || totalBad === 0)
    throw new ScoreError(
      `weight of evidence needs good and bad rows; got ${totalGood} good, ${totalBad} bad`,
    );
  const total = totalGood + totalBad;
  const pseudoGood = (smoothingRows * totalGood) / total;
  const pseudoBad = (smoothingRows * totalBad) / total;
  const smoothedGood = totalGood + goods.length * pseudoGood;
  const smoothedBad = totalBad + goods.length * pseudoBad;
  const woe: number[] = [];
  const ivTerms: number[] = [];
  let iv = 0;
  for (let i = 0; i < goods.length; i++) {
    const goodShare = (goods[i]! + pseudoGood) / smoothedGood;
    const badShare = (bads[i]! + pseudoBad) / smoothedBad;
    // An empty bin has no evidence either way (exactly 0, not a rounding error away).
    const w = goods[i]! + bads[i]! === 0 ? 0 : Math.log(goodShare / badShare);
    if (!Number.isFinite(w))
      throw new ScoreError(`weight of evidence of bin ${i} is infinite (a class is absent; use smoothing)`);
    const term = (goodShare - badShare) * w;
    woe.push(w);
    ivTerms.push(term);
    iv += term;
  }
  return { woe, ivTerms, iv };
}
