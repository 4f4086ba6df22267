/**
 * Match weights of pairs under a model, with term-frequency adjustment, and their explanation
 * attribute by attribute. The total is the sum of the attribute weights (log2 Bayes factors);
 * the explanation lists exactly the terms summed.
 *
 * The term-frequency adjustment applies when both records hold the same normalised value of an
 * attribute marked for it (given name and surname).
 *
 * @example
 *   const scorer = createScorer(store, model);
 *   scorer.weight(0, 1); // 31.2
 *   scorer.explain(0, 1).attributes.map((a) => [a.attribute, a.label, a.weight]);
 */

import type { PatternLayout } from './comparison-vectors.js';
import type { ComparisonName } from './comparisons.js';
import { MIN_TERM_FREQUENCY } from './limits.js';
import type { LinkageModel } from './model.js';

/**
 * What one attribute contributed to a pair's weight.
 *
 * @example
 *   const e: AttributeEvidence = explanation.attributes[0]!;
 *   `${e.attribute}: ${e.label} (${e.weight.toFixed(1)} bits)`;
 */
export interface AttributeEvidence {
  attribute: ComparisonName;
  level: number;
  label: string;
  /** The two normalised values compared ('' when missing). */
  values: [string, string];
  m: number;
  u: number;
  /** log2 Bayes factor, term-frequency adjustment included. */
  weight: number;
  /** The part of weight due to the term-frequency adjustment (0 when none). */
  termFrequencyAdjustment: number;
}

/**
 * A pair's weight, attribute by attribute; `total` is the sum of the attribute weights.
 *
 * @example
 *   explanation.total > threshold ? 'link' : 'keep apart';
 */
export interface MatchExplanation {
  attributes: AttributeEvidence[];
  total: number;
}

/**
 * Scores pairs of one store.
 *
 * @example
 *   const { weight, explain, patternWeight } = createScorer(store, model);
 */
export interface Scorer {
  /** Weight of records i and j. */
  weight(i: number, j: number): number;
  /** Weight of a pair whose pattern code is known (from compareCandidates). */
  weightOfPattern(code: number, i: number, j: number): number;
  explain(i: number, j: number): MatchExplanation;
}

/**
 * A scorer for the store of `layout` under `model` (same attributes, same order).
 *
 * @example
 *   createScorer(layout, model).weight(0, 1);
 */
export function createScorer(layout: PatternLayout, model: LinkageModel): Scorer {
  const { comparisons, comparators, levelCounts } = layout;
  if (comparisons.length !== model.attributes.length)
    throw new Error('invariant: model and store comparisons differ');
  comparisons.forEach((c, a) => {
    if (c.name !== model.attributes[a]!.name)
      throw new Error('invariant: model and store comparisons differ');
  });
  const tfColumns = model.attributes.flatMap((attribute, a) => (attribute.termFrequency ? [a] : []));
  /** Adjustment (bits) for exact agreement on value id v of column a: log2(u_exact / f_v). */
  const tfAdjustment = (a: number, id: number): number => {
    const column = comparisons[a]!.termFrequency!;
    const frequency = Math.max(MIN_TERM_FREQUENCY, column.counts[id]! / Math.max(1, column.nonMissing));
    return Math.log2(model.attributes[a]!.u[1]! / frequency);
  };
  const patternWeights = new Map<number, number>();
  const baseWeight = (code: number): number => {
    let w = patternWeights.get(code);
    if (w !== undefined) return w;
    w = 0;
    let rest = code;
    for (let a = 0; a < levelCounts.length; a++) {
      const radix = levelCounts[a]!;
      w += model.attributes[a]!.weights[rest % radix]!;
      rest = Math.floor(rest / radix);
    }
    patternWeights.set(code, w);
    return w;
  };
  const weightOfPattern = (code: number, i: number, j: number): number => {
    let w = baseWeight(code);
    for (const a of tfColumns) {
      const ids = comparisons[a]!.termFrequency!.ids;
      const id = ids[i]!;
      if (id !== 0 && id === ids[j]) w += tfAdjustment(a, id);
    }
    return w;
  };
  const explain = (i: number, j: number): MatchExplanation => {
    const attributes = comparisons.map((comparison, a): AttributeEvidence => {
      const model_a = model.attributes[a]!;
      const level = comparators[a]!(i, j);
      const column = comparison.termFrequency;
      const id = column === null ? 0 : column.ids[i]!;
      const adjustment =
        column !== null && level === 1 && id !== 0 && id === column.ids[j] ? tfAdjustment(a, id) : 0;
      return {
        attribute: model_a.name,
        level,
        label: model_a.levels[level]!,
        values: [comparison.display(i), comparison.display(j)],
        m: level === 0 ? 0 : model_a.m[level]!,
        u: level === 0 ? 0 : model_a.u[level]!,
        weight: model_a.weights[level]! + adjustment,
        termFrequencyAdjustment: adjustment,
      };
    });
    return { attributes, total: attributes.reduce((sum, e) => sum + e.weight, 0) };
  };
  const weight = (i: number, j: number): number => {
    let code = 0;
    let stride = 1;
    for (let a = 0; a < comparators.length; a++) {
      code += comparators[a]!(i, j) * stride;
      stride *= levelCounts[a]!;
    }
    return weightOfPattern(code, i, j);
  };
  return { weight, weightOfPattern, explain };
}

/**
 * The explanation of records i and j of a store under a model (builds a scorer: for many pairs,
 * create one with createScorer and call explain on it).
 *
 * @example
 *   explainPair(patternLayout(store), model, 0, 1).total;
 */
export function explainPair(
  layout: PatternLayout,
  model: LinkageModel,
  i: number,
  j: number,
): MatchExplanation {
  return createScorer(layout, model).explain(i, j);
}
