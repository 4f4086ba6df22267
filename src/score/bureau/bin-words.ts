/**
 * A bin of a bureau-score variable in plain words, by the variable's unit: counts and months as
 * whole numbers ("2 to 3", "4 or more", "none"), ratios as percentages ("80% or more"), money in
 * whole major units of the currency ("under CNY 5,000.00"), status levels by what they mean ("31-60
 * days overdue or worse"), the missing bin by the variable's own words ("no revolving limit").
 * A bin holds lower <= x < upper; values of counts, months and levels are whole numbers.
 *
 * @example
 *   binWords(bureauFeature('lender_open_all')!, { kind: 'range', lower: 3.5, upper: null }, 'CNY'); // '4 or more'
 *   binWords(bureauFeature('util_rev_all')!, { kind: 'range', lower: null, upper: 0.3 }, 'CNY'); // 'under 30%'
 */
import { formatMinor, minorUnitDecimals } from '../../report/format-money.js';
import type { BinDefinition } from '../binning/bin-definitions.js';
import type { BureauFeature } from './bureau-feature-set.js';

const LEVEL_WORDS = [
  'not overdue',
  '1-30 days overdue',
  '31-60 days overdue',
  '61-90 days overdue',
  '91-120 days overdue',
  '121-150 days overdue',
  '151-180 days overdue',
  'over 180 days overdue',
  'repaid by a guarantor or with assets',
  'written off',
] as const;

const levelWords = (level: number): string => LEVEL_WORDS[Math.min(9, Math.max(0, level))]!;

function percent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(1))}%`;
}

/** Whole-number bounds [from, to] of a range over whole numbers (null: unbounded); null when empty. */
function wholeBounds(lower: number | null, upper: number | null): [number | null, number | null] | null {
  const from = lower === null ? null : Math.ceil(lower);
  const to = upper === null ? null : Math.ceil(upper) - 1;
  if (from !== null && to !== null && from > to) return null;
  return [from, to];
}

function wholeWords(from: number | null, to: number | null, suffix: string): string {
  if (from !== null && to !== null) return from === to ? `${from}${suffix}` : `${from} to ${to}${suffix}`;
  if (to !== null) return to <= 0 ? (suffix ? `0${suffix}` : 'none') : `${to}${suffix} or fewer`;
  if (from !== null) return from <= 0 ? 'any' : `${from}${suffix} or more`;
  return 'any';
}

function rangeWords(
  feature: BureauFeature,
  lower: number | null,
  upper: number | null,
  currency: string,
): string {
  switch (feature.unit) {
    case 'ratio':
      if (lower === null && upper === null) return 'any';
      if (lower === null) return `under ${percent(upper!)}`;
      if (upper === null) return `${percent(lower)} or more`;
      return `${percent(lower)} to under ${percent(upper)}`;
    case 'minor': {
      // Cut points are shown in whole major units (the bin itself keeps the exact cut).
      const unit = 10 ** minorUnitDecimals(currency);
      const money = (minor: number) => formatMinor(Math.round(minor / unit) * unit, currency);
      if (lower === null && upper === null) return 'any';
      if (lower === null) return `under ${money(upper!)}`;
      if (upper === null) return `${money(lower)} or more`;
      return `${money(lower)} to under ${money(upper)}`;
    }
    case 'level': {
      const bounds = wholeBounds(lower, upper);
      if (!bounds) return 'none';
      const from = Math.max(0, bounds[0] ?? 0);
      const to = bounds[1] === null ? null : Math.min(LEVEL_WORDS.length - 1, bounds[1]);
      if (from === to) return levelWords(from);
      if (from === 0) return to === null ? 'any' : `at worst ${levelWords(to)}`;
      return to === null ? `${levelWords(from)} or worse` : `${levelWords(from)} to ${levelWords(to)}`;
    }
    case 'months': {
      const bounds = wholeBounds(lower, upper);
      if (!bounds) return 'none';
      return wholeWords(bounds[0], bounds[1], ' months').replace(/^1 months/, '1 month');
    }
    default: {
      const bounds = wholeBounds(lower, upper);
      if (!bounds) return 'none';
      return wholeWords(bounds[0], bounds[1], '');
    }
  }
}

/**
 * The words of `bin` of a variable with definition `feature`; amounts in `currency`.
 *
 * @example
 *   binWords(bureauFeature('dlq_months_since_all')!, { kind: 'missing' }, 'CNY'); // 'no overdue payment in the last 5 years'
 */
export function binWords(feature: BureauFeature, bin: BinDefinition, currency: string): string {
  switch (bin.kind) {
    case 'missing':
      return feature.missing;
    case 'categories':
      return bin.categories.join(', ');
    case 'range':
      return rangeWords(feature, bin.lower, bin.upper, currency);
  }
}
