/**
 * The match model of identity resolution in the bureau: the linkage library's comparisons (given
 * name, surname, date of birth, sex, address, mobile, national ID), each level with an m
 * probability (the level between two records of one person) and a u probability (between two
 * records of different persons), and the weight log2(m / u) of the library's model.
 *
 * The values are set, not trained: the bureau's own persons carry no truth to train on, and an
 * EM fit over blocked pairs would learn "same household" as readily as "same person". m comes
 * from how furnishers err (a name typed in pinyin or with one character wrong, a birth date with
 * one part wrong, a moved address, a changed mobile, a mistyped ID); u from how often unrelated
 * persons agree (a common Chinese surname is held by 1 in 14; a birth date by 1 in 25,000; a mobile
 * by one person). No term-frequency adjustment: the candidates of one record are not a sample of
 * the population. The weight of every level is in docs/identity-resolution.md.
 *
 * @example
 *   BUREAU_MODEL.attributes.find((a) => a.name === 'phone')!.weights[1]; // about 21.8 bits
 */
import { LEVELS } from '../linkage/attributes.js';
import type { ComparisonName } from '../linkage/comparisons.js';
import type { AttributeModel, LinkageModel } from '../linkage/model.js';

/**
 * The attributes compared, in the order of the model and of every explanation.
 *
 * @example
 *   RESOLUTION_ATTRIBUTES[0]; // 'given_name'
 */
export const RESOLUTION_ATTRIBUTES = [
  'given_name',
  'surname',
  'date_of_birth',
  'sex',
  'address_1',
  'phone',
  'national_id',
] as const satisfies readonly ComparisonName[];

/**
 * One compared attribute.
 *
 * @example
 *   const a: ResolutionAttribute = 'phone';
 */
export type ResolutionAttribute = (typeof RESOLUTION_ATTRIBUTES)[number];

/** m and u per level (index 0, missing, is unused: weight 0). */
const PROBABILITIES: Record<ResolutionAttribute, { m: number[]; u: number[] }> = {
  // missing, exact, close (JW >= 0.94, same pinyin, one Han character), swapped, NYSIIS, JW >= 0.85, different
  given_name: {
    m: [0, 0.88, 0.09, 0.01, 0.01, 0.005, 0.005],
    u: [0, 0.004, 0.004, 0.0005, 0.003, 0.01, 0.9785],
  },
  surname: {
    m: [0, 0.93, 0.045, 0.01, 0.005, 0.005, 0.005],
    u: [0, 0.07, 0.01, 0.0005, 0.01, 0.01, 0.8995],
  },
  // missing, exact, day and month swapped, one part differs, different
  date_of_birth: {
    m: [0, 0.95, 0.005, 0.035, 0.01],
    u: [0, 0.00004, 0.00001, 0.0043, 0.99565],
  },
  // missing, exact, different
  sex: { m: [0, 0.98, 0.02], u: [0, 0.5, 0.5] },
  // missing, exact, JW >= 0.92, swapped with the other line, JW >= 0.8, different
  address_1: {
    m: [0, 0.55, 0.15, 0.001, 0.05, 0.249],
    u: [0, 0.000002, 0.0002, 0.000001, 0.02, 0.979797],
  },
  // missing, exact, one character or two neighbours differ, different
  phone: { m: [0, 0.75, 0.03, 0.22], u: [0, 0.0000002, 0.000004, 0.9999958] },
  national_id: { m: [0, 0.3, 0.6, 0.1], u: [0, 0.000000001, 0.0000001, 0.999999899] },
};

/** The level kind of each attribute (the labels of the linkage library). */
const KINDS: Record<ResolutionAttribute, keyof typeof LEVELS> = {
  given_name: 'name',
  surname: 'name',
  date_of_birth: 'date',
  sex: 'category',
  address_1: 'address',
  phone: 'code',
  national_id: 'code',
};

function attributeModel(name: ResolutionAttribute): AttributeModel {
  const { m, u } = PROBABILITIES[name];
  const levels = [...LEVELS[KINDS[name]]];
  if (m.length !== levels.length || u.length !== levels.length)
    throw new Error(`invariant: ${name} needs ${levels.length} levels of m and u`);
  const weights = m.map((mp, l) => (l === 0 ? 0 : Math.log2(mp / u[l]!)));
  for (const w of weights)
    if (!Number.isFinite(w)) throw new Error(`invariant: weight of ${name} is not finite`);
  return { name, levels, m: [...m], u: [...u], weights, termFrequency: false };
}

/**
 * The model, in the linkage library's form (scored by its scorer, explained by its explain).
 *
 * @example
 *   createScorer(layout, BUREAU_MODEL).explain(0, 1).total;
 */
export const BUREAU_MODEL: LinkageModel = Object.freeze({
  attributes: RESOLUTION_ATTRIBUTES.map(attributeModel),
  matchShare: 0,
  training: [],
  uSamplePairs: 0,
});
