/**
 * JSON Schema of the bureau score in a report's summary (ReportScore,
 * src/score/bureau/report-score-types.ts), and of the score explanation route's answer. Every
 * report the API serves carries it (the bureau always has the score's model source).
 *
 * @example
 *   summary: obj({ ..., score: REPORT_SCORE_SCHEMA })
 */
const str = { type: 'string' } as const;
const num = { type: 'number' } as const;
const nullableInt = { type: ['integer', 'null'] } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const obj = (properties: Record<string, unknown>, nullable = false) => ({
  type: nullable ? ['object', 'null'] : 'object',
  required: Object.keys(properties),
  properties,
});

/**
 * One factor of the score.
 *
 * @example
 *   { type: 'array', items: SCORE_FACTOR_SCHEMA }
 */
export const SCORE_FACTOR_SCHEMA = obj({ variable: str, text: str, pointsLost: num });

/**
 * One variable's share of the score.
 *
 * @example
 *   { type: 'array', items: SCORE_CONTRIBUTION_SCHEMA }
 */
export const SCORE_CONTRIBUTION_SCHEMA = obj({
  variable: str,
  words: str,
  group: str,
  points: num,
  maxPoints: num,
});

/**
 * The score of a report.
 *
 * @example
 *   app.get(url, { schema: { response: { 200: REPORT_SCORE_SCHEMA } } }, handler);
 */
export const REPORT_SCORE_SCHEMA = {
  ...obj({
    available: { type: 'boolean' },
    score: nullableInt,
    percentile: nullableInt,
    reason: nullableStr,
    model: obj({ version: { type: 'integer' }, createdAt: str }, true),
    asOfMonth: str,
    factors: { type: 'array', items: SCORE_FACTOR_SCHEMA },
    contributions: { type: 'array', items: SCORE_CONTRIBUTION_SCHEMA },
  }),
  description:
    'The bureau score 0-1000 (higher is safer), the percentile in the scored population and the factors in plain words (2 in China, 4 in the US); available false with the reason when there is none ("--"). docs/score.md.',
};
