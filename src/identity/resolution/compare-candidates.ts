/**
 * Scores a record against candidate persons with the linkage library: the record and each
 * candidate's values go into one small PersonStore (normalised and dictionary-encoded as for the
 * batch dedupe), the library's level comparators compare them, and its scorer weighs and explains
 * each pair under BUREAU_MODEL. A candidate reported with several names, mobiles or addresses is
 * compared on each; per attribute the best-agreeing value counts (given name and surname from
 * the same name), so a person who changed mobile still agrees on the old one.
 *
 * @example
 *   const scores = scoreCandidates({ name: '王芳', birthDate: '1949-12-31' }, [candidate]);
 *   scores[0]!.total; // bits
 */
import { type AttributeName, attributeSpec } from '../linkage/attributes.js';
import { comparatorFor } from '../linkage/compare-levels.js';
import type { PatternLayout } from '../linkage/comparison-vectors.js';
import type { Comparison } from '../linkage/comparisons.js';
import { PersonStore } from '../linkage/person-store.js';
import type { PersonInput } from '../linkage/roles.js';
import { type AttributeEvidence, createScorer } from '../linkage/scorer.js';
import { BUREAU_MODEL, RESOLUTION_ATTRIBUTES, type ResolutionAttribute } from './bureau-model.js';
import type { ResolutionProbe } from './probe.js';

/**
 * A candidate's values, decrypted (bounded by the reads).
 *
 * @example
 *   const c: CandidateValues = { personId: 7, idNumbers: ['11010519491231002X'], names: ['王芳'], birthDates: [], sexes: [], mobiles: [], addresses: [] };
 */
export interface CandidateValues {
  personId: number;
  idNumbers: string[];
  names: string[];
  birthDates: string[];
  sexes: string[];
  mobiles: string[];
  addresses: string[];
}

/**
 * What one attribute contributed: the library's evidence (level, label, m, u, weight) and the two
 * normalised values compared (shown only masked, see mask.ts).
 *
 * @example
 *   `${a.attribute} ${a.label} ${a.weight.toFixed(1)} bits`;
 */
export interface AttributeScore {
  attribute: ResolutionAttribute;
  level: number;
  label: string;
  m: number;
  u: number;
  weight: number;
  recordValue: string;
  candidateValue: string;
}

/**
 * One candidate's total weight (the sum of its attributes') and whether the names agree (a
 * record is never linked to a person whose name disagrees, whatever the other weights).
 *
 * @example
 *   if (score.total >= RESOLUTION_THRESHOLDS.link_bits && score.nameAgrees) link(score.personId);
 */
export interface CandidateScore {
  personId: number;
  total: number;
  nameAgrees: boolean;
  attributes: AttributeScore[];
}

const COLUMN_OF: Record<ResolutionAttribute, AttributeName> = {
  given_name: 'given_name',
  surname: 'surname',
  date_of_birth: 'date_of_birth',
  sex: 'sex',
  address_1: 'address_1',
  phone: 'phone',
  national_id: 'national_id',
};
/** The level label "different" of a name is its last. */
const NAME_DIFFERENT = attributeSpec('surname').levels.length - 1;

function layoutOf(store: PersonStore): PatternLayout {
  const comparisons: Comparison[] = RESOLUTION_ATTRIBUTES.map((name) => {
    const column = store.column(COLUMN_OF[name]);
    if (!column) throw new Error(`invariant: the resolution store has no ${name} column`);
    return {
      name,
      levels: column.spec.levels,
      termFrequency: null,
      compare: comparatorFor(store, column),
      display: (i: number) => column.valueOf(i),
    };
  });
  const levelCounts = comparisons.map((c) => c.levels.length);
  const strides: number[] = [];
  let stride = 1;
  for (const count of levelCounts) {
    strides.push(stride);
    stride *= count;
  }
  return { comparisons, comparators: comparisons.map((c) => c.compare), levelCounts, strides };
}

function probeInput(probe: ResolutionProbe): PersonInput {
  const input: PersonInput = {};
  if (probe.name) input.name = probe.name;
  if (probe.birthDate) input.date_of_birth = probe.birthDate;
  if (probe.sex) input.sex = probe.sex;
  if (probe.address) input.address_1 = probe.address;
  if (probe.mobile) input.phone = probe.mobile;
  if (probe.idNumber) input.national_id = probe.idNumber;
  return input;
}

/** Values per attribute of a candidate, in RESOLUTION_ATTRIBUTES order (names fill both name columns). */
function valueLists(c: CandidateValues): Record<ResolutionAttribute, string[]> {
  return {
    given_name: c.names,
    surname: c.names,
    date_of_birth: c.birthDates,
    sex: c.sexes,
    address_1: c.addresses,
    phone: c.mobiles,
    national_id: c.idNumbers,
  };
}

function toScore(e: AttributeEvidence): AttributeScore {
  return {
    attribute: e.attribute as ResolutionAttribute,
    level: e.level,
    label: e.label,
    m: e.m,
    u: e.u,
    weight: e.weight,
    recordValue: e.values[0],
    candidateValue: e.values[1],
  };
}

/**
 * Scores the record against each candidate, strongest first (ties by person id).
 *
 * @example
 *   scoreCandidates(probe, candidates).map((s) => [s.personId, s.total]);
 */
export function scoreCandidates(
  probe: ResolutionProbe,
  candidates: readonly CandidateValues[],
): CandidateScore[] {
  const rowsNeeded = candidates.reduce(
    (sum, c) => sum + Math.max(1, ...Object.values(valueLists(c)).map((l) => l.length)),
    1,
  );
  const store = new PersonStore(
    RESOLUTION_ATTRIBUTES.map((a) => COLUMN_OF[a]),
    rowsNeeded + 2,
  );
  const probeRow = store.add('record', probeInput(probe));
  const scorer = createScorer(layoutOf(store), BUREAU_MODEL);
  const given = RESOLUTION_ATTRIBUTES.indexOf('given_name');
  const surname = RESOLUTION_ATTRIBUTES.indexOf('surname');

  const scores = candidates.map((c): CandidateScore => {
    const lists = valueLists(c);
    const rowCount = Math.max(1, ...Object.values(lists).map((l) => l.length));
    const rows: number[] = [];
    for (let k = 0; k < rowCount; k++) {
      const input: PersonInput = {};
      if (k < c.names.length) input.name = c.names[k]!;
      if (k < c.birthDates.length) input.date_of_birth = c.birthDates[k]!;
      if (k < c.sexes.length) input.sex = c.sexes[k]!;
      if (k < c.addresses.length) input.address_1 = c.addresses[k]!;
      if (k < c.mobiles.length) input.phone = c.mobiles[k]!;
      if (k < c.idNumbers.length) input.national_id = c.idNumbers[k]!;
      rows.push(store.add(`p${c.personId}-${k}`, input));
    }
    const explained = rows.map((row) => scorer.explain(probeRow, row).attributes);
    // Per attribute, the best row among those where the candidate has a value (row 0 when none).
    const best = RESOLUTION_ATTRIBUTES.map((attribute, a) => {
      const usable = Math.max(1, lists[attribute].length);
      let chosen = 0;
      for (let k = 1; k < usable; k++) {
        const score =
          a === given || a === surname
            ? explained[k]![given]!.weight + explained[k]![surname]!.weight
            : explained[k]![a]!.weight;
        const current =
          a === given || a === surname
            ? explained[chosen]![given]!.weight + explained[chosen]![surname]!.weight
            : explained[chosen]![a]!.weight;
        if (score > current) chosen = k;
      }
      return toScore(explained[chosen]![a]!);
    });
    const g = best[given]!;
    const s = best[surname]!;
    const nameAgrees =
      g.level !== 0 && s.level !== 0 && g.level !== NAME_DIFFERENT && s.level !== NAME_DIFFERENT;
    return {
      personId: c.personId,
      total: best.reduce((sum, e) => sum + e.weight, 0),
      nameAgrees,
      attributes: best,
    };
  });
  scores.sort((x, y) => y.total - x.total || x.personId - y.personId);
  return scores;
}
