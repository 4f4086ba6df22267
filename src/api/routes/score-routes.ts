/**
 * The bureau score over HTTP: the explanation of the score in a report, for the lender who
 * pulled it (to hand to the person who asks why: the variables with their points, the factors
 * and the sentences of explainScore). It is read from the report as kept, so it explains the
 * score the lender saw, whatever the file or the model became since. The plugin also loads the
 * served model once when the server starts (later builds are picked up by the model source).
 *
 * @example
 *   curl -H "Authorization: Bearer $KEY" http://127.0.0.1:8080/v1/reports/R20260101120000ABCDEF12/score-explanation
 */
import type { FastifyPluginAsync } from 'fastify';
import type { PiiCipher } from '../../identity/pii-cipher.js';
import { lastFullMonthOf } from '../../report/build-credit-report.js';
import { openKeptReport } from '../../report/kept-report.js';
import type { ReportStore } from '../../report/ports.js';
import { reportFromJson } from '../../report/report-json.js';
import { explainScore } from '../../score/bureau/explain-score.js';
import type { ScoreModelSource } from '../../score/bureau/model-source.js';
import type { ReportScore } from '../../score/bureau/report-score-types.js';
import { caller } from '../auth-plugin.js';
import { REPORT_SCORE_SCHEMA } from '../report-score-schema.js';
import { AUTH_ERRORS, ERROR_SCHEMA } from '../schemas.js';

/**
 * What the plugin needs.
 *
 * @example
 *   await app.register(scoreRoutes, { reports: bureau.reportDeps.store, cipher: bureau.cipher, source: bureau.scoreSource });
 */
export interface ScoreRouteOptions {
  reports: ReportStore;
  cipher: PiiCipher;
  source: ScoreModelSource;
}

/** The score of a report kept from before the bureau served scores. */
const NOT_SCORED: Omit<ReportScore, 'asOfMonth'> = {
  available: false,
  score: null,
  percentile: null,
  reason: 'this report was served without a score',
  model: null,
  factors: [],
  contributions: [],
};

const EXPLANATION_SCHEMA = {
  ...REPORT_SCORE_SCHEMA,
  required: [...REPORT_SCORE_SCHEMA.required, 'reportNumber', 'generatedAt', 'explanation'],
  properties: {
    reportNumber: { type: 'string' },
    generatedAt: { type: 'string' },
    ...REPORT_SCORE_SCHEMA.properties,
    explanation: {
      type: 'array',
      items: { type: 'string' },
      description: 'The explanation in plain sentences, for the person.',
    },
  },
  description: 'The score of a report as served, every variable with its points, and the explanation.',
};

/**
 * Registers GET /v1/reports/{reportNumber}/score-explanation.
 *
 * @example
 *   await app.register(scoreRoutes, options);
 */
export const scoreRoutes: FastifyPluginAsync<ScoreRouteOptions> = async (app, options) => {
  try {
    await options.source.refresh();
  } catch (error) {
    app.log.warn(
      { err: error },
      'the stored score model could not be loaded: reports say why there is no score',
    );
  }

  app.get(
    '/v1/reports/:reportNumber/score-explanation',
    {
      config: { roles: ['lender'] },
      schema: {
        summary: "Why a report's score is what it is: every variable with its points, and the factors.",
        description:
          "For the lender who pulled the report (404 for anyone else): the score as served with the report, each variable of the model with the person's group of values and its points out of its most, the factors in plain words, and the explanation in sentences to give the person (docs/score.md).",
        tags: ['reports'],
        params: {
          type: 'object',
          required: ['reportNumber'],
          properties: { reportNumber: { type: 'string', pattern: '^R\\d{14}[0-9A-F]{8}$' } },
        },
        response: { 200: EXPLANATION_SCHEMA, 404: ERROR_SCHEMA, ...AUTH_ERRORS },
      },
    },
    async (request, reply) => {
      const { reportNumber } = request.params as { reportNumber: string };
      const lender = caller(request);
      const sealed = await options.reports.findReport(lender.institutionId, reportNumber);
      if (!sealed)
        return reply
          .code(404)
          .send({ error: 'not_found', message: 'no report with this number for this lender' });
      const report = reportFromJson(openKeptReport(options.cipher.openingKey, sealed));
      const score: ReportScore = report.summary.score ?? {
        ...NOT_SCORED,
        asOfMonth: lastFullMonthOf(report.header.generatedAt),
      };
      return {
        reportNumber: report.header.reportNumber,
        generatedAt: report.header.generatedAt,
        ...score,
        explanation: explainScore(score),
      };
    },
  );
};
