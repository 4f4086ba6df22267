/**
 * The explanation of a report's score for the person it is about, in plain sentences: the score
 * and what it means, then each variable of the model with the person's group of values and the
 * points it gave out of its most, then the factors (the variables that cost the most points).
 * It is what a lender hands on when a person asks why (an automated decision used the score).
 *
 * @example
 *   explainScore(report.summary.score!)[0]; // 'Your score is 612 of 1000 (higher is safer): ...'
 */
import type { ReportScore } from './report-score-types.js';

const points = (n: number): string => n.toFixed(1);

/**
 * The sentences of the explanation, in order.
 *
 * @example
 *   explainScore({ ...score, available: false, reason: 'no credit history: ...' }); // ['There is no score (--): no credit history: ...']
 */
export function explainScore(score: ReportScore): string[] {
  if (!score.available) return [`There is no score (--): ${score.reason ?? 'not computed'}.`];
  const lines = [
    `Your score is ${score.score} of 1000 (higher is safer): higher than ${score.percentile}% of the persons the bureau scores. ` +
      `It estimates the chance of falling 90 days or more overdue on any credit within 12 months, from your file as of the end of ${score.asOfMonth}` +
      (score.model
        ? ` (model version ${score.model.version}, built ${score.model.createdAt.slice(0, 10)}).`
        : '.'),
    'The score is the sum of the points below. Each item gives from 0 points (its least favourable group) to its most (its most favourable group):',
  ];
  for (const c of score.contributions)
    lines.push(`- ${c.words}: ${c.group}: ${points(c.points)} of ${points(c.maxPoints)} points.`);
  if (score.factors.length === 0)
    lines.push('No item lowered your score: each is in its most favourable group.');
  else {
    lines.push('What lowered your score the most:');
    score.factors.forEach((f, i) => {
      lines.push(`${i + 1}. ${f.text} (${points(f.pointsLost)} points below the most favourable group).`);
    });
  }
  return lines;
}
