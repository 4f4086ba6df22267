/**
 * The linkage model: per attribute and level, m (probability of the level between two records
 * of one person), u (between two records of different persons) and the match weight
 * log2(m / u), the log2 Bayes factor the level contributes. Missing has weight 0. With term
 * frequencies, exact agreement on a value weighs log2(m / f) instead, f being the value's share
 * of the records that have the attribute (at least MIN_TERM_FREQUENCY): agreeing on "smith"
 * says less than agreeing on "hathaway". Serialisable as JSON.
 *
 * @example
 *   const model = buildModel(layout, fit, u, 1_000_000);
 *   model.attributes[0]!.weights; // [0, 7.1, 4.3, ...] bits
 */

import type { PatternLayout } from './comparison-vectors.js';
import type { ComparisonName } from './comparisons.js';
import { MIN_M_PROBABILITY } from './limits.js';
import type { SessionReport } from './training.js';

/**
 * One attribute of the model.
 *
 * @example
 *   const surname: AttributeModel = model.attributes[1]!;
 */
export interface AttributeModel {
  name: ComparisonName;
  levels: string[];
  m: number[];
  u: number[];
  /** log2(m / u) per level, 0 for missing. */
  weights: number[];
  termFrequency: boolean;
}

/**
 * A trained model.
 *
 * @example
 *   JSON.stringify(model); // store it, load it for online linking
 */
export interface LinkageModel {
  attributes: AttributeModel[];
  /** Share of compared pairs EM found to be matches (lambda). */
  matchShare: number;
  /** The EM sessions that trained m. */
  training: SessionReport[];
  uSamplePairs: number;
}

/**
 * The model from m (trained by EM) and u (from random pairs), per column and level.
 *
 * @example
 *   buildModel(layout, trainM(store, layout, u).m, u, { matchShare: 0.3, training: [], uSamplePairs: 1e6 });
 */
export function buildModel(
  layout: PatternLayout,
  mByColumn: readonly (readonly number[])[],
  u: readonly (readonly number[])[],
  facts: { matchShare: number; training: SessionReport[]; uSamplePairs: number },
): LinkageModel {
  const attributes = layout.comparisons.map((comparison, a): AttributeModel => {
    const m = mByColumn[a]!.map((p, l) => (l === 0 ? 0 : Math.max(MIN_M_PROBABILITY, p)));
    const ua = u[a]!;
    return {
      name: comparison.name,
      levels: [...comparison.levels],
      m: [...m],
      u: [...ua],
      weights: m.map((mp, l) => (l === 0 ? 0 : Math.log2(mp / ua[l]!))),
      termFrequency: comparison.termFrequency !== null,
    };
  });
  for (const attribute of attributes)
    for (const w of attribute.weights)
      if (!Number.isFinite(w)) throw new Error(`invariant: weight of ${attribute.name} is not finite`);
  return { attributes, ...facts };
}
