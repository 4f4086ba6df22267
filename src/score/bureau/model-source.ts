/**
 * The model a serving process scores reports with: loaded from the store on first use, checked
 * for a newer version at most every MODEL_REFRESH_INTERVAL_ms (one `max(version)` query), and
 * replaced at once when this process builds one (`use`). A build in another process (`openbureau
 * score build`) reaches a running server within that interval.
 *
 * @example
 *   const source = createScoreModelSource(models);
 *   const loaded = await source.current(); // null until a model is built
 */
import type { BureauScoreModel } from './bureau-score-model.js';
import { MODEL_REFRESH_INTERVAL_ms } from './limits.js';
import { type LoadedBureauScore, loadBureauScore } from './loaded-score.js';
import type { ScoreModelStore } from './ports.js';

/**
 * The served model.
 *
 * @example
 *   await source.refresh(); // look now, not at the next interval
 */
export interface ScoreModelSource {
  /** The newest model known (looking in the store when the interval has passed), or null. */
  current(): Promise<LoadedBureauScore | null>;
  /** Looks in the store now. */
  refresh(): Promise<LoadedBureauScore | null>;
  /** Serves `model` (just stored by this process) from now on. */
  use(model: BureauScoreModel): LoadedBureauScore;
}

/**
 * A source over `store`; `nowMs` and the interval can be given (tests).
 *
 * @example
 *   createScoreModelSource(store, { refreshInterval_ms: 0 }); // looks on every report
 */
export function createScoreModelSource(
  store: ScoreModelStore,
  options: { refreshInterval_ms?: number; nowMs?: () => number } = {},
): ScoreModelSource {
  const interval = options.refreshInterval_ms ?? MODEL_REFRESH_INTERVAL_ms;
  const nowMs = options.nowMs ?? Date.now;
  let loaded: LoadedBureauScore | null = null;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let pending: Promise<LoadedBureauScore | null> | null = null;

  const look = async (): Promise<LoadedBureauScore | null> => {
    const version = await store.latestVersion();
    checkedAt = nowMs();
    if (version === null || (loaded && loaded.model.version >= version)) return loaded;
    const model = await store.latest();
    if (model && (!loaded || model.version > loaded.model.version)) loaded = loadBureauScore(model);
    return loaded;
  };
  const refresh = (): Promise<LoadedBureauScore | null> => {
    // Concurrent reports share one look.
    pending ??= look().finally(() => {
      pending = null;
    });
    return pending;
  };
  return {
    current: () => (nowMs() - checkedAt >= interval ? refresh() : Promise.resolve(loaded)),
    refresh,
    use(model) {
      if (!loaded || model.version >= loaded.model.version) loaded = loadBureauScore(model);
      return loaded;
    },
  };
}
