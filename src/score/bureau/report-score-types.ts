/**
 * The bureau score as a credit report shows it (the `score` of the report's summary): the score
 * 0-1000 (higher is safer) with the person's percentile and the factors in plain words, or "--"
 * with the reason there is none; and every variable's points, which is the explanation a person
 * may ask for. Points are served points (0-1000 scale, to 0.1).
 *
 * @example
 *   const s: ReportScore = report.summary.score!;
 *   s.available ? `${s.score} (higher than ${s.percentile}% of scored persons)` : `-- (${s.reason})`;
 */

/**
 * A factor: a variable that cost the person points against its best group, in plain words.
 *
 * @example
 *   const f: ScoreFactor = { variable: 'util_rev_all', text: 'Share of revolving credit limits in use: 80% or more', pointsLost: 61.2 };
 */
export interface ScoreFactor {
  /** The model's variable (docs/score.md lists them). */
  readonly variable: string;
  /** What it measures and the person's group of values, in plain words. */
  readonly text: string;
  /** Served points below the variable's best group. */
  readonly pointsLost: number;
}

/**
 * One variable's share of the score.
 *
 * @example
 *   const c: ScoreContribution = { variable: 'lender_open_all', words: 'Lenders with open credit', group: '2 to 3', points: 40.5, maxPoints: 88.1 };
 */
export interface ScoreContribution {
  readonly variable: string;
  /** What the variable measures. */
  readonly words: string;
  /** The person's group of values. */
  readonly group: string;
  /** Served points it gives the person (0 in its worst group). */
  readonly points: number;
  /** Served points of its best group. */
  readonly maxPoints: number;
}

/**
 * The score of a report.
 *
 * @example
 *   report.summary.score?.factors.map((f) => f.text);
 */
export interface ReportScore {
  /** False when no score could be computed: shown as "--" with `reason`. */
  readonly available: boolean;
  /** 0-1000, higher is safer; null when not available. */
  readonly score: number | null;
  /** Share of the scored population with a lower score, whole percent 0-99; null when not available. */
  readonly percentile: number | null;
  /** Why there is no score; null when there is one. */
  readonly reason: string | null;
  /** The model's version and build date; null when no model has been built. */
  readonly model: { readonly version: number; readonly createdAt: string } | null;
  /** The file is scored as of the end of this month (the report's last full month). */
  readonly asOfMonth: string;
  /** Up to 2 factors (China) or 4 key factors (US), most points lost first. */
  readonly factors: ScoreFactor[];
  /** Every variable of the model with its points, in the model's order (empty without a score). */
  readonly contributions: ScoreContribution[];
}
