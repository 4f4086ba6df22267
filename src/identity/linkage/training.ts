/**
 * Training of the m probabilities, session by session, so that EM sees a clean two-class
 * problem. Among the candidate pairs of every blocking rule the non-matches share something
 * (a locality, a name) far more often than random pairs do, and EM over them all can settle on
 * "same place" instead of "same person". So, as in the usual practice of training on blocked
 * pairs: each session takes pairs blocked on one thing (same date of birth; same given name and
 * surname), leaves the blocked attributes out (they agree by construction) together with those
 * that follow from them (sex and email from names), keeps u from random
 * pairs, and fits m of the other attributes. An attribute's m is the mean over the sessions that
 * did not block on it. Pairs per session are capped (TRAINING_PAIRS_PER_SESSION, blocks taken
 * in random order, blocks over the size limit skipped). Attributes no session could train (the
 * file lacks dates and names) fall back to EM over all candidate pairs.
 *
 * @example
 *   const m = trainM(store, layout, u, { seed: 1 });
 *   m.m[0]; // m of the first column, per level
 */
import type { AttributeName } from './attributes.js';
import { buildBlocks } from './blocking.js';
import type { BlockingRule } from './blocking-rules.js';
import type { PatternLayout } from './comparison-vectors.js';
import { startingM, trainEm } from './em.js';
import { MAX_BLOCK_RECORDS } from './limits.js';
import type { PersonStore } from './person-store.js';
import { seededRandom } from './random.js';

/** Pairs compared in one training session (at most). */
export const TRAINING_PAIRS_PER_SESSION = 300_000;

/**
 * One training session: a blocking rule and the attributes it leaves out of EM.
 *
 * @example
 *   TRAINING_SESSIONS[0]!.excluded; // ['date_of_birth']
 */
export interface TrainingSession extends Omit<BlockingRule, 'maxBlockRecords'> {
  readonly excluded: readonly AttributeName[];
}

/** The sessions, each used when the store has its attributes. */
export const TRAINING_SESSIONS: readonly TrainingSession[] = Object.freeze([
  {
    name: 'same date of birth',
    attributes: ['date_of_birth'],
    // A Chinese ID number embeds the date of birth.
    excluded: ['date_of_birth', 'national_id'],
    key: (s: PersonStore, r: number) => s.column('date_of_birth')!.valueOf(r),
  },
  {
    name: 'same given name and surname',
    attributes: ['given_name', 'surname'],
    // Names say much about sex, and email addresses are often made of them.
    excluded: ['given_name', 'surname', 'sex', 'email'],
    key: (s: PersonStore, r: number) => {
      const given = s.column('given_name')!.valueOf(r);
      const surname = s.column('surname')!.valueOf(r);
      if (given === '' || surname === '') return '';
      return given <= surname ? `${given}|${surname}` : `${surname}|${given}`;
    },
  },
]);

/**
 * What one session did.
 *
 * @example
 *   `${report.session}: ${report.pairs} pairs, EM ${report.iterations} iterations`;
 */
export interface SessionReport {
  session: string;
  pairs: number;
  matchShare: number;
  iterations: number;
  converged: boolean;
}

/**
 * The patterns (level vectors with the excluded attributes set to missing) of up to `maxPairs`
 * pairs blocked by `rule`, as a histogram.
 */
function sessionHistogram(
  store: PersonStore,
  layout: PatternLayout,
  rule: TrainingSession,
  maxPairs: number,
  seed: number,
): { patterns: Uint8Array[]; counts: number[]; pairs: number } {
  const blocks = buildBlocks(store, rule);
  const blockCount = blocks.offsets.length - 1;
  const order = Array.from({ length: blockCount }, (_, b) => b);
  const next = seededRandom(seed);
  for (let k = order.length - 1; k > 0; k--) {
    const j = Math.floor(next() * (k + 1));
    [order[k], order[j]] = [order[j]!, order[k]!];
  }
  const included = layout.comparisons.map((c) => !(rule.excluded as readonly string[]).includes(c.name));
  const histogram = new Map<string, { levels: Uint8Array; count: number }>();
  const levels = new Uint8Array(layout.comparisons.length);
  let pairs = 0;
  for (const b of order) {
    const from = blocks.offsets[b]!;
    const to = blocks.offsets[b + 1]!;
    if (to - from < 2 || to - from > MAX_BLOCK_RECORDS) continue;
    for (let x = from; x < to; x++)
      for (let y = x + 1; y < to; y++) {
        const i = blocks.members[x]!;
        const j = blocks.members[y]!;
        for (let a = 0; a < levels.length; a++) levels[a] = included[a] ? layout.comparators[a]!(i, j) : 0;
        const key = levels.join(',');
        const entry = histogram.get(key);
        if (entry) entry.count++;
        else histogram.set(key, { levels: levels.slice(), count: 1 });
        pairs++;
      }
    if (pairs >= maxPairs) break;
  }
  const entries = [...histogram.values()];
  return { patterns: entries.map((e) => e.levels), counts: entries.map((e) => e.count), pairs };
}

/**
 * m per comparison and level, trained session by session, and which comparisons no session trained.
 *
 * @example
 *   const { m, untrained, sessions } = trainM(store, layout, u);
 */
export function trainM(
  store: PersonStore,
  layout: PatternLayout,
  u: readonly (readonly number[])[],
  options: { seed?: number; maxPairsPerSession?: number; sessions?: readonly TrainingSession[] } = {},
): { m: number[][]; untrained: number[]; sessions: SessionReport[] } {
  const sums = layout.levelCounts.map((levels) => new Array<number>(levels).fill(0));
  const estimates = new Array<number>(layout.comparisons.length).fill(0);
  const sessions: SessionReport[] = [];
  const available = (options.sessions ?? TRAINING_SESSIONS).filter((s) =>
    s.attributes.every((name) => store.column(name) !== undefined),
  );
  available.forEach((session, index) => {
    const { patterns, counts, pairs } = sessionHistogram(
      store,
      layout,
      session,
      options.maxPairsPerSession ?? TRAINING_PAIRS_PER_SESSION,
      (options.seed ?? 1) + index,
    );
    if (pairs === 0) return;
    const fit = trainEm(patterns, counts, layout.levelCounts, u, { estimateU: false });
    sessions.push({
      session: session.name,
      pairs,
      matchShare: fit.matchShare,
      iterations: fit.iterations,
      converged: fit.converged,
    });
    layout.comparisons.forEach((comparison, a) => {
      if ((session.excluded as readonly string[]).includes(comparison.name)) return;
      // A column present in no pair of the session has no estimate from it.
      if (patterns.every((levels, p) => levels[a] === 0 || counts[p] === 0)) return;
      fit.m[a]!.forEach((value, l) => {
        sums[a]![l]! += value;
      });
      estimates[a]!++;
    });
  });
  const untrained: number[] = [];
  const m = sums.map((row, a) => {
    if (estimates[a] === 0) {
      untrained.push(a);
      return startingM(layout.levelCounts[a]!);
    }
    return row.map((value) => value / estimates[a]!);
  });
  return { m, untrained, sessions };
}
