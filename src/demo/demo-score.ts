/**
 * The demo's bureau score: built on the demo market right after it is furnished, through the
 * same builder as `openbureau score build`, so that the demo's reports carry a score from the
 * first start. A market too small to train on (fewer than 20 bad persons) gets no model, and its
 * reports say so ("--").
 *
 * @example
 *   await buildDemoScore(bureau, console.log); // 'bureau score: model version 1, hold-out AUC 0.913 ...'
 */
import type { Bureau } from '../app/bureau.js';
import { buildBureauScore } from '../score/bureau/build-bureau-score.js';
import type { BureauScoreModel } from '../score/bureau/bureau-score-model.js';
import { ScoreError } from '../score/score-error.js';
import { createPersonFileSample } from '../store/person-file-sample.js';

/**
 * Builds, stores and serves the demo's model; returns it, or undefined (logged) when the market
 * is too small.
 *
 * @example
 *   const model = await buildDemoScore(bureau, () => {});
 */
export async function buildDemoScore(
  bureau: Bureau,
  log: (message: string) => void,
): Promise<BureauScoreModel | undefined> {
  try {
    const model = await buildBureauScore(
      {
        files: createPersonFileSample(bureau.database),
        models: bureau.scoreModels,
        currency: bureau.profile.defaultCurrency,
        now: () => new Date(),
      },
      {},
    );
    bureau.scoreSource.use(model);
    log(
      `  bureau score: model version ${model.version}, hold-out AUC ${model.holdout.auc.toFixed(3)} ` +
        `(${model.observation.holdoutMonth}, out of time); rebuild with: openbureau score build`,
    );
    return model;
  } catch (error) {
    if (!(error instanceof ScoreError)) throw error;
    log(`  bureau score: no model (${error.message}); reports show "--"`);
    return undefined;
  }
}
