/**
 * The scorecard model file: versioned JSON that documents itself. It names its format and
 * version, when it was made and what it predicts, and holds every variable's bins (what each
 * holds, its rows, bad rows, bad rate, weight of evidence and points), the regression's
 * coefficients and intercept, the scale, the score range, the training AUC and Gini, why each
 * candidate variable was or was not used, and the settings it was trained with.
 *
 * @example
 *   const model: ScorecardModel = JSON.parse(readFileSync('model.json', 'utf8'));
 *   model.format === SCORECARD_FORMAT && model.version === SCORECARD_FORMAT_VERSION;
 */
import type { BinDefinition } from './binning/bin-definitions.js';
import type { BinningOptions } from './binning/binning-options.js';
import type { ScalingConstants, ScalingParameters } from './scaling.js';
import type { SelectionOptions } from './selection.js';

/**
 * The model file's `format`.
 *
 * @example
 *   if (json.format !== SCORECARD_FORMAT) throw new Error('not a scorecard');
 */
export const SCORECARD_FORMAT = 'openbureau-scorecard';
/**
 * The model file's `version`: the layout this program writes and reads.
 *
 * @example
 *   if (json.version > SCORECARD_FORMAT_VERSION) throw new Error('a newer model file');
 */
export const SCORECARD_FORMAT_VERSION = 1;

/**
 * What a bin holds and what training saw in it.
 *
 * @example
 *   model.variables[0]!.bins.map((b: ModelBin) => `${b.label}: ${b.points}`);
 */
export type ModelBin = BinDefinition & {
  readonly label: string;
  /** Training rows in the bin. */
  readonly count: number;
  /** Bad rows among them. */
  readonly bad: number;
  /** bad / count; null for an empty bin. */
  readonly badRate: number | null;
  /** Weight of evidence, ln(share of goods / share of bads), smoothed. */
  readonly woe: number;
  /** Points a row in this bin gets for this variable. */
  readonly points: number;
};

/**
 * A variable of the scorecard.
 *
 * @example
 *   const variable: ModelVariable = model.variables[0]!;
 */
export interface ModelVariable {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
  /** Information value on the training rows. */
  readonly iv: number;
  /** The regression's coefficient of the variable's WOE (negative: a higher WOE is safer). */
  readonly coefficient: number;
  /** Categorical: the bin of a category not seen in training (the one whose WOE is closest to
   *  0); numeric: null. */
  readonly unseenBin: number | null;
  /** Ranges in ascending order or groups of categories, then the missing bin. */
  readonly bins: readonly ModelBin[];
}

/**
 * A candidate variable and whether it was used.
 *
 * @example
 *   model.candidates.filter((c: ModelCandidate) => !c.selected).map((c) => c.reason);
 */
export interface ModelCandidate {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
  readonly iv: number;
  readonly bins: number;
  readonly selected: boolean;
  readonly reason: string;
}

/**
 * What the score predicts.
 *
 * @example
 *   const target: ModelTarget = { column: 'class', badValue: 'bad', description: 'class = bad' };
 */
export interface ModelTarget {
  /** Column of the outcome. */
  readonly column: string;
  /** The value of that column that means bad. */
  readonly badValue: string;
  /** The outcome in words, e.g. "90+ days overdue on any account within 12 months". */
  readonly description: string;
}

/**
 * A trained scorecard as written to its JSON file.
 *
 * @example
 *   const model: ScorecardModel = validateModel(JSON.parse(text));
 */
export interface ScorecardModel {
  readonly format: typeof SCORECARD_FORMAT;
  readonly version: number;
  /** When the model was trained (ISO 8601). */
  readonly createdAt: string;
  readonly target: ModelTarget;
  /** The training rows. */
  readonly data: {
    readonly rows: number;
    readonly bad: number;
    readonly good: number;
    readonly badRate: number;
  };
  /** The scale: higher scores are safer; odds are good:bad. */
  readonly scaling: ScalingParameters & ScalingConstants & { readonly odds: 'good:bad' };
  /** ln(bad:good odds) at WOE 0. */
  readonly intercept: number;
  /** Points every row gets besides its variables' (the whole score when no variable is used). */
  readonly basePoints: number;
  /** Lowest and highest score a row can get. */
  readonly scoreRange: { readonly min: number; readonly max: number };
  readonly variables: readonly ModelVariable[];
  /** Every candidate variable, by IV. */
  readonly candidates: readonly ModelCandidate[];
  /** Discrimination on the training rows (optimistic: cross-validate for a fair figure). */
  readonly training: { readonly auc: number; readonly gini: number; readonly iterations: number };
  readonly settings: {
    readonly binning: BinningOptions;
    readonly selection: SelectionOptions;
    readonly ridge: number;
    readonly woeSmoothingRows: number;
  };
}
