/**
 * The observation months of a build, from the months on file. By default the hold-out month is
 * the last month whose 12-month outcome window lies inside the history (the last month on file
 * minus 12) and the training month is 6 months before it: both outcome windows are complete, the
 * hold-out is out of time (a later population, scored by a model that never saw it), and the
 * training rows still have history behind them (12 months of the demo's 30). The population
 * scored for percentiles is that of the last month on file.
 *
 * @example
 *   buildPlan({ first: '2024-05', last: '2026-10' }); // training 2025-04, hold-out 2025-10, population 2026-10
 */
import { addMonths, monthsBetween } from '../../domain/calendar.js';
import { ScoreError } from '../score-error.js';
import { HOLDOUT_AFTER_TRAINING_months } from './limits.js';
import { assertMonth } from './observation.js';
import { OUTCOME_MONTHS } from './outcome.js';

/**
 * The months of one build.
 *
 * @example
 *   const { trainingMonth, holdoutMonth }: BuildPlan = buildPlan(history);
 */
export interface BuildPlan {
  readonly historyFrom: string;
  readonly historyTo: string;
  readonly trainingMonth: string;
  readonly holdoutMonth: string;
  readonly populationMonth: string;
}

/**
 * The plan for a history; months given in `options` replace the defaults and are checked: the
 * training month within the history and before the hold-out month, whose outcome window must end
 * by the last month on file. ScoreError otherwise, saying which.
 *
 * @example
 *   buildPlan(history, { trainingMonth: '2025-01' }).holdoutMonth; // the default
 */
export function buildPlan(
  history: { first: string; last: string },
  options: { trainingMonth?: string; holdoutMonth?: string } = {},
): BuildPlan {
  assertMonth(history.first, 'first month on file');
  assertMonth(history.last, 'last month on file');
  const holdoutMonth = options.holdoutMonth ?? addMonths(history.last, -OUTCOME_MONTHS);
  const trainingMonth = options.trainingMonth ?? addMonths(holdoutMonth, -HOLDOUT_AFTER_TRAINING_months);
  for (const [what, month] of [
    ['--training-month', trainingMonth],
    ['--holdout-month', holdoutMonth],
  ] as const) {
    try {
      assertMonth(month, what);
    } catch (error) {
      throw new ScoreError((error as Error).message);
    }
  }
  if (monthsBetween(holdoutMonth, history.last) < OUTCOME_MONTHS)
    throw new ScoreError(
      `the hold-out month ${holdoutMonth} needs ${OUTCOME_MONTHS} months of outcome after it, but the history ends in ${history.last} (use ${addMonths(history.last, -OUTCOME_MONTHS)} or earlier)`,
    );
  if (trainingMonth >= holdoutMonth)
    throw new ScoreError(
      `the training month ${trainingMonth} must come before the hold-out month ${holdoutMonth}`,
    );
  if (trainingMonth < history.first)
    throw new ScoreError(
      `the training month ${trainingMonth} is before the first month on file (${history.first}): the history is too short (it needs ${OUTCOME_MONTHS + HOLDOUT_AFTER_TRAINING_months + 1} months by default)`,
    );
  return {
    historyFrom: history.first,
    historyTo: history.last,
    trainingMonth,
    holdoutMonth,
    populationMonth: history.last,
  };
}
