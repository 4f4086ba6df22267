/**
 * Checks a loaded model file before it is used, and fails fast on the first fault with its
 * path in the file: format and version, every number finite, bins complete and in order (ranges
 * contiguous from -inf to +inf, categories in one bin each, the missing bin last), counts
 * consistent, and every bin's points equal to the scaling formula, so a hand-edited or
 * truncated file is refused rather than scored.
 *
 * @example
 *   const model = validateModel(JSON.parse(readFileSync('model.json', 'utf8')));
 *   // or: ScoreError "model: variables[2].bins[1].points: 31.2 but the scaling formula gives 29.87"
 */
import { binningOptions } from './binning/binning-options.js';
import { MAX_BINS, MAX_COLUMNS } from './limits.js';
import { SCORECARD_FORMAT, SCORECARD_FORMAT_VERSION, type ScorecardModel } from './model-format.js';
import { binPoints, constantScore, roundPoints, scalingConstants } from './scaling.js';
import { ScoreError } from './score-error.js';
import { selectionOptions } from './selection.js';

type Json = Record<string, unknown>;

const fail = (path: string, message: string): never => {
  throw new ScoreError(`model: ${path}: ${message}`);
};
const shown = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
};

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'expected an object');
  return value as Json;
}
function array(value: unknown, path: string, maxLength: number): unknown[] {
  if (!Array.isArray(value)) fail(path, 'expected an array');
  const items = value as unknown[];
  if (items.length > maxLength) fail(path, `${items.length} entries, at most ${maxLength}`);
  return items;
}
function string(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, `expected a string, got ${shown(value)}`);
  return value as string;
}
function finite(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    fail(path, `expected a finite number, got ${shown(value)}`);
  return value as number;
}
function count(value: unknown, path: string): number {
  const n = finite(value, path);
  if (!Number.isInteger(n) || n < 0) fail(path, `expected a count, got ${n}`);
  return n;
}
function close(actual: number, expected: number, tolerance: number, path: string, what: string): void {
  if (!(Math.abs(actual - expected) <= tolerance)) fail(path, `${actual} but ${what} gives ${expected}`);
}

function checkBins(variable: Json, path: string, points: (woe: number) => number): void {
  const kind = variable['kind'];
  const bins = array(variable['bins'], `${path}.bins`, MAX_BINS + 1).map((b, k) =>
    object(b, `${path}.bins[${k}]`),
  );
  if (bins.length < 1) fail(`${path}.bins`, 'no bins');
  if (bins.at(-1)!['kind'] !== 'missing')
    fail(`${path}.bins[${bins.length - 1}].kind`, "the last bin must be 'missing'");
  const seen = new Set<string>();
  let rareBins = 0;
  bins.forEach((bin, k) => {
    const at = `${path}.bins[${k}]`;
    const last = k === bins.length - 1;
    string(bin['label'], `${at}.label`);
    const rows = count(bin['count'], `${at}.count`);
    const bad = count(bin['bad'], `${at}.bad`);
    if (bad > rows) fail(`${at}.bad`, `${bad} bad rows of ${rows}`);
    if (
      rows === 0
        ? bin['badRate'] !== null
        : !(Math.abs(finite(bin['badRate'], `${at}.badRate`) - bad / rows) <= 1e-9)
    )
      fail(`${at}.badRate`, `${shown(bin['badRate'])} does not match ${bad} bad of ${rows}`);
    const woe = finite(bin['woe'], `${at}.woe`);
    close(finite(bin['points'], `${at}.points`), points(woe), 0.0051, `${at}.points`, 'the scaling formula');
    if (last) {
      if (bin['kind'] !== 'missing') fail(`${at}.kind`, "the last bin must be 'missing'");
      return;
    }
    if (kind === 'numeric') {
      if (bin['kind'] !== 'range') fail(`${at}.kind`, `expected 'range', got ${shown(bin['kind'])}`);
      const lower = bin['lower'] === null ? null : finite(bin['lower'], `${at}.lower`);
      const upper = bin['upper'] === null ? null : finite(bin['upper'], `${at}.upper`);
      if ((k === 0) !== (lower === null)) fail(`${at}.lower`, 'only the first range is open below');
      if ((k === bins.length - 2) !== (upper === null))
        fail(`${at}.upper`, 'only the last range is open above');
      if (lower !== null && upper !== null && !(lower < upper)) fail(at, `empty range [${lower}, ${upper})`);
      if (k > 0 && bins[k - 1]!['upper'] !== lower)
        fail(`${at}.lower`, 'ranges must follow on without a gap');
      return;
    }
    if (bin['kind'] !== 'categories') fail(`${at}.kind`, `expected 'categories', got ${shown(bin['kind'])}`);
    const categories = array(bin['categories'], `${at}.categories`, Number.MAX_SAFE_INTEGER).map((c, i) => {
      const category = string(c, `${at}.categories[${i}]`);
      if (seen.has(category)) fail(`${at}.categories[${i}]`, `category ${shown(category)} is in two bins`);
      seen.add(category);
      return category;
    });
    const rare = array(bin['rare'], `${at}.rare`, Number.MAX_SAFE_INTEGER);
    rare.forEach((c, i) => {
      if (!categories.includes(string(c, `${at}.rare[${i}]`)))
        fail(`${at}.rare[${i}]`, "a rare category must be one of the bin's categories");
    });
    if (rare.length > 0) rareBins++;
  });
  if (rareBins > 1) fail(`${path}.bins`, 'more than one rare bin');
  const unseen = variable['unseenBin'];
  if (kind === 'numeric' && unseen !== null) fail(`${path}.unseenBin`, 'must be null for a numeric variable');
  if (
    kind === 'categorical' &&
    !(Number.isInteger(unseen) && (unseen as number) >= 0 && (unseen as number) < bins.length)
  )
    fail(`${path}.unseenBin`, `expected a bin index, got ${shown(unseen)}`);
}

/**
 * Returns the value as a model if it is a valid one; throws ScoreError naming the fault.
 *
 * @example
 *   validateModel({ format: 'something else' }); // throws "model: format: ..."
 */
export function validateModel(value: unknown): ScorecardModel {
  const model = object(value, '(root)');
  if (model['format'] !== SCORECARD_FORMAT)
    fail('format', `expected '${SCORECARD_FORMAT}', got ${shown(model['format'])}: not a scorecard model`);
  const version = finite(model['version'], 'version');
  if (version !== SCORECARD_FORMAT_VERSION)
    fail('version', `this program reads version ${SCORECARD_FORMAT_VERSION}, the file is version ${version}`);
  if (Number.isNaN(Date.parse(string(model['createdAt'], 'createdAt'))))
    fail('createdAt', 'not an ISO 8601 date');
  const target = object(model['target'], 'target');
  for (const key of ['column', 'badValue', 'description']) string(target[key], `target.${key}`);
  const data = object(model['data'], 'data');
  const rows = count(data['rows'], 'data.rows');
  if (count(data['bad'], 'data.bad') + count(data['good'], 'data.good') !== rows)
    fail('data', 'bad + good is not rows');
  finite(data['badRate'], 'data.badRate');
  const scaling = object(model['scaling'], 'scaling');
  const parameters = {
    baseScore: finite(scaling['baseScore'], 'scaling.baseScore'),
    baseOdds: finite(scaling['baseOdds'], 'scaling.baseOdds'),
    pdo: finite(scaling['pdo'], 'scaling.pdo'),
  };
  if (!(parameters.baseOdds > 0)) fail('scaling.baseOdds', 'must be positive');
  if (!(parameters.pdo > 0)) fail('scaling.pdo', 'must be positive');
  if (scaling['odds'] !== 'good:bad') fail('scaling.odds', "expected 'good:bad'");
  const constants = scalingConstants(parameters);
  close(finite(scaling['factor'], 'scaling.factor'), constants.factor, 1e-9, 'scaling.factor', 'pdo / ln 2');
  close(
    finite(scaling['offset'], 'scaling.offset'),
    constants.offset,
    1e-6,
    'scaling.offset',
    'the base score and odds',
  );
  const intercept = finite(model['intercept'], 'intercept');
  const variables = array(model['variables'], 'variables', MAX_COLUMNS).map((v, j) =>
    object(v, `variables[${j}]`),
  );
  const names = new Set<string>();
  let min = finite(model['basePoints'], 'basePoints');
  let max = min;
  close(
    min,
    variables.length === 0 ? constantScore(intercept, constants) : 0,
    0.0051,
    'basePoints',
    'the intercept',
  );
  variables.forEach((variable, j) => {
    const path = `variables[${j}]`;
    const name = string(variable['name'], `${path}.name`);
    if (name === '' || names.has(name)) fail(`${path}.name`, `empty or repeated name ${shown(name)}`);
    names.add(name);
    if (variable['kind'] !== 'numeric' && variable['kind'] !== 'categorical')
      fail(`${path}.kind`, `expected 'numeric' or 'categorical', got ${shown(variable['kind'])}`);
    if (!(finite(variable['iv'], `${path}.iv`) >= 0)) fail(`${path}.iv`, 'must be >= 0');
    const beta = finite(variable['coefficient'], `${path}.coefficient`);
    checkBins(variable, path, (woe) => binPoints(woe, beta, intercept, variables.length, constants));
    const points = (variable['bins'] as Json[]).map((bin) => bin['points'] as number);
    min += Math.min(...points);
    max += Math.max(...points);
  });
  const range = object(model['scoreRange'], 'scoreRange');
  close(
    finite(range['min'], 'scoreRange.min'),
    roundPoints(min),
    0.0051,
    'scoreRange.min',
    'the lowest points',
  );
  close(
    finite(range['max'], 'scoreRange.max'),
    roundPoints(max),
    0.0051,
    'scoreRange.max',
    'the highest points',
  );
  array(model['candidates'], 'candidates', MAX_COLUMNS).forEach((c, i) => {
    const candidate = object(c, `candidates[${i}]`);
    string(candidate['name'], `candidates[${i}].name`);
    string(candidate['reason'], `candidates[${i}].reason`);
    finite(candidate['iv'], `candidates[${i}].iv`);
    if (typeof candidate['selected'] !== 'boolean')
      fail(`candidates[${i}].selected`, 'expected true or false');
  });
  const training = object(model['training'], 'training');
  const trainingAuc = finite(training['auc'], 'training.auc');
  if (!(trainingAuc >= 0 && trainingAuc <= 1)) fail('training.auc', `${trainingAuc} is not in [0, 1]`);
  close(finite(training['gini'], 'training.gini'), 2 * trainingAuc - 1, 1e-9, 'training.gini', '2 * AUC - 1');
  const settings = object(model['settings'], 'settings');
  try {
    binningOptions(object(settings['binning'], 'settings.binning'));
    selectionOptions(object(settings['selection'], 'settings.selection'));
  } catch (error) {
    if (error instanceof ScoreError && !error.message.startsWith('model:')) fail('settings', error.message);
    throw error;
  }
  if (!(finite(settings['ridge'], 'settings.ridge') >= 0)) fail('settings.ridge', 'must be >= 0');
  finite(settings['woeSmoothingRows'], 'settings.woeSmoothingRows');
  return value as ScorecardModel;
}
