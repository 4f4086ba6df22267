/**
 * The bureau score's models (table `score_models`, migration 7): stored under the next version
 * in one transaction, read back validated. A reference table under Citus (docs/storage.md).
 *
 * @example
 *   const models = createScoreModelStore(store);
 *   const stored = await models.save(model); // stored.version: 1 for the first build
 *   (await models.latest())?.version; // 1
 */
import {
  type BureauScoreModel,
  bureauScoreModelJson,
  parseBureauScoreModel,
} from '../score/bureau/bureau-score-model.js';
import type { ScoreModelStore } from '../score/bureau/ports.js';
import type { BureauDatabase } from './open-database.js';
import { preparedQuery } from './prepared-query.js';

const latestVersion = preparedQuery((db) =>
  db.selectFrom('score_models').select((eb) => eb.fn.max('version').as('version')),
);

const modelOfVersion = preparedQuery((db, version: number) =>
  db.selectFrom('score_models').select('model_json').where('version', '=', version),
);

/**
 * The store of models on `store`'s database.
 *
 * @example
 *   await createScoreModelStore(store).latestVersion(); // null before the first build
 */
export function createScoreModelStore(store: BureauDatabase): ScoreModelStore {
  const newest = async (): Promise<number | null> => {
    const [row] = await latestVersion.rows(store.db);
    return row?.version === null || row?.version === undefined ? null : Number(row.version);
  };
  return {
    latestVersion: newest,
    async latest() {
      const version = await newest();
      if (version === null) return null;
      const [row] = await modelOfVersion.rows(store.db, version);
      if (!row) return null;
      const model = parseBureauScoreModel(row.model_json);
      if (model.version !== version)
        throw new Error(`invariant: score model row ${version} holds a model of version ${model.version}`);
      return model;
    },
    async save(model) {
      return store.db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('score_models')
          .select((eb) => eb.fn.max('version').as('version'))
          .executeTakeFirst();
        const version = row?.version === null || row?.version === undefined ? 1 : Number(row.version) + 1;
        const stored: BureauScoreModel = { ...model, version };
        await trx
          .insertInto('score_models')
          .values({
            version,
            created_at: stored.createdAt,
            training_month: stored.observation.trainingMonth,
            holdout_month: stored.observation.holdoutMonth,
            model_json: bureauScoreModelJson(stored),
          })
          .execute();
        return stored;
      });
    },
  };
}
