/**
 * The names of the indicators and their one-line definitions, generated from one grammar:
 *
 *     name  = metric [ "_" window ] "_" group [ "_minor" ]
 *
 *  - window: 7d, 1m, 3m, 6m, 12m (time-windows.ts), only for the windowed metrics;
 *  - group: all, bank, non_bank, or a non-bank kind (institution-groups.ts); the metrics of the
 *    whole file only take `all`;
 *  - `_minor` ends every amount of money: integer minor units of the indicators' currency (fen
 *    for CNY). Other units (count, ratio, level, months) are in the definition list.
 *
 * Windowed metrics (window x group): inq_hard, inq_hard_raw, inq_inst, acct_new, acct_new_inst,
 * amt_new. Current metrics by group: acct_open, lender_open, bal_open, limit_rev, pay_sched,
 * dlq_open. Current metrics of the whole file (group all): util_rev, amt_overdue,
 * status_worst_now, status_worst_24m, dlq_months_since, acct_open_other_ccy.
 *
 * @example
 *   windowedName('inq_hard', '3m', 'non_bank')         // 'inq_hard_3m_non_bank'
 *   windowedName('amt_new', '12m', 'online_microloan') // 'amt_new_12m_online_microloan_minor'
 *   currentName('bal_open', 'all')                     // 'bal_open_all_minor'
 *   INDICATOR_DEFINITIONS.length                       // 402
 */
import { GROUP_IDS, GROUP_LABELS, type GroupId } from './institution-groups.js';
import { INDICATOR_WINDOWS, type IndicatorWindow, type WindowId } from './time-windows.js';

/** Units of indicator values. */
export type IndicatorUnit = 'count' | 'minor' | 'ratio' | 'level' | 'months';

/** Windowed metrics counting something. */
export type WindowCountMetric = 'inq_hard' | 'inq_hard_raw' | 'inq_inst' | 'acct_new' | 'acct_new_inst';
/** Windowed metrics of money. */
export type WindowMoneyMetric = 'amt_new';
export type WindowMetric = WindowCountMetric | WindowMoneyMetric;
/** Current metrics by group, counting something. */
export type CurrentCountMetric = 'acct_open' | 'lender_open' | 'dlq_open';
/** Current metrics by group, of money. */
export type CurrentMoneyMetric = 'bal_open' | 'limit_rev' | 'pay_sched';
export type CurrentMetric = CurrentCountMetric | CurrentMoneyMetric;
/** Metrics of the whole file (group all only), with their full names. */
export type FileIndicatorName =
  | 'util_rev_all'
  | 'amt_overdue_all_minor'
  | 'status_worst_now_all'
  | 'status_worst_24m_all'
  | 'dlq_months_since_all'
  | 'acct_open_other_ccy_all';

/** Every indicator name (the grammar as a type). */
export type IndicatorName =
  | `${WindowCountMetric}_${WindowId}_${GroupId}`
  | `${WindowMoneyMetric}_${WindowId}_${GroupId}_minor`
  | `${CurrentCountMetric}_${GroupId}`
  | `${CurrentMoneyMetric}_${GroupId}_minor`
  | FileIndicatorName;

/** One indicator: its name, unit and one-line definition. */
export interface IndicatorDefinition {
  name: IndicatorName;
  unit: IndicatorUnit;
  definition: string;
}

const MONEY = new Set<string>(['amt_new', 'bal_open', 'limit_rev', 'pay_sched']);

/**
 * The name of a windowed indicator.
 *
 * @example
 *   windowedName('acct_new', '12m', 'online_microloan') // 'acct_new_12m_online_microloan'
 */
export function windowedName(metric: WindowMetric, window: WindowId, group: GroupId): IndicatorName {
  // Names are built once: computing a person's indicators asks for hundreds of them.
  let byWindow = WINDOWED_NAMES.get(metric);
  if (!byWindow) {
    byWindow = new Map();
    WINDOWED_NAMES.set(metric, byWindow);
  }
  let byGroup = byWindow.get(window);
  if (!byGroup) {
    byGroup = new Map();
    byWindow.set(window, byGroup);
  }
  let name = byGroup.get(group);
  if (!name) {
    name = `${metric}_${window}_${group}${MONEY.has(metric) ? '_minor' : ''}` as IndicatorName;
    byGroup.set(group, name);
  }
  return name;
}
const WINDOWED_NAMES = new Map<WindowMetric, Map<WindowId, Map<GroupId, IndicatorName>>>();

/**
 * The name of a current indicator by group.
 *
 * @example
 *   currentName('lender_open', 'bank') // 'lender_open_bank'
 */
export function currentName(metric: CurrentMetric, group: GroupId): IndicatorName {
  return `${metric}_${group}${MONEY.has(metric) ? '_minor' : ''}` as IndicatorName;
}

const IN = (w: IndicatorWindow) => `in window ${w.id} (the ${w.label} up to asOf)`;

/** Windowed metrics in documentation order, with their unit and definition. */
export const WINDOW_METRICS: readonly {
  metric: WindowMetric;
  unit: IndicatorUnit;
  define(w: IndicatorWindow, group: GroupId): string;
}[] = [
  {
    metric: 'inq_hard',
    unit: 'count',
    define: (w, g) =>
      `Hard inquiries by ${GROUP_LABELS[g]} ${IN(w)}, shopping-adjusted: one for the same product kind within the shopping window counts once.`,
  },
  {
    metric: 'inq_hard_raw',
    unit: 'count',
    define: (w, g) => `Hard inquiries by ${GROUP_LABELS[g]} ${IN(w)}, every one counted (no shopping rule).`,
  },
  {
    metric: 'inq_inst',
    unit: 'count',
    define: (w, g) =>
      `Distinct ${GROUP_LABELS[g]} that made a hard inquiry ${IN(w)}, at most inq_hard_${w.id}_${g} (a shopping episode counts as one institution).`,
  },
  {
    metric: 'acct_new',
    unit: 'count',
    define: (w, g) => `Accounts opened (open date) at ${GROUP_LABELS[g]} ${IN(w)}, open or closed now.`,
  },
  {
    metric: 'acct_new_inst',
    unit: 'count',
    define: (w, g) => `Distinct ${GROUP_LABELS[g]} with an account opened ${IN(w)}.`,
  },
  {
    metric: 'amt_new',
    unit: 'minor',
    define: (w, g) =>
      `Amount granted (amount or credit limit) on the accounts opened at ${GROUP_LABELS[g]} ${IN(w)}, in the indicator currency.`,
  },
];

/** Current metrics by group in documentation order. */
export const CURRENT_METRICS: readonly {
  metric: CurrentMetric;
  unit: IndicatorUnit;
  define(group: GroupId): string;
}[] = [
  { metric: 'acct_open', unit: 'count', define: (g) => `Open accounts at ${GROUP_LABELS[g]}, any currency.` },
  {
    metric: 'lender_open',
    unit: 'count',
    define: (g) => `Distinct ${GROUP_LABELS[g]} with an open account (distinct lenders).`,
  },
  {
    metric: 'bal_open',
    unit: 'minor',
    define: (g) => `Total balance of the open accounts at ${GROUP_LABELS[g]}, in the indicator currency.`,
  },
  {
    metric: 'limit_rev',
    unit: 'minor',
    define: (g) =>
      `Total credit limit of the open revolving accounts (R1-R4) at ${GROUP_LABELS[g]}, a shared limit once, in the indicator currency.`,
  },
  {
    metric: 'pay_sched',
    unit: 'minor',
    define: (g) =>
      `Scheduled monthly repayments: the scheduled payments of the latest months of the open accounts at ${GROUP_LABELS[g]}, in the indicator currency.`,
  },
  {
    metric: 'dlq_open',
    unit: 'count',
    define: (g) => `Open accounts at ${GROUP_LABELS[g]} whose latest month is delinquent (level 1 or more).`,
  },
];

/** Metrics of the whole file in documentation order. */
export const FILE_METRICS: readonly { name: FileIndicatorName; unit: IndicatorUnit; definition: string }[] = [
  {
    name: 'util_rev_all',
    unit: 'ratio',
    definition:
      'Utilisation of revolving credit: used limit (else balance) of the open revolving accounts / limit_rev_all_minor; null when that limit is 0.',
  },
  {
    name: 'amt_overdue_all_minor',
    unit: 'minor',
    definition: 'Overdue amount of the latest months of the open accounts, in the indicator currency.',
  },
  {
    name: 'status_worst_now_all',
    unit: 'level',
    definition: 'Worst status level (0-9) of the latest months of the open accounts; 0 when there are none.',
  },
  {
    name: 'status_worst_24m_all',
    unit: 'level',
    definition:
      'Worst status level (0-9) of any account in the 24 calendar months ending with the month of asOf; 0 when none.',
  },
  {
    name: 'dlq_months_since_all',
    unit: 'months',
    definition:
      'Calendar months from the latest delinquent month (level 1 or more) of any account to the month of asOf (0: this month), within the delinquency look-back; null when none.',
  },
  {
    name: 'acct_open_other_ccy_all',
    unit: 'count',
    definition:
      'Open accounts in another currency than the indicator currency (counted, never added to amounts).',
  },
];

function definitions(): IndicatorDefinition[] {
  const out: IndicatorDefinition[] = [];
  for (const m of WINDOW_METRICS)
    for (const w of INDICATOR_WINDOWS)
      for (const g of GROUP_IDS)
        out.push({ name: windowedName(m.metric, w.id, g), unit: m.unit, definition: m.define(w, g) });
  for (const m of CURRENT_METRICS)
    for (const g of GROUP_IDS)
      out.push({ name: currentName(m.metric, g), unit: m.unit, definition: m.define(g) });
  for (const m of FILE_METRICS) out.push({ name: m.name, unit: m.unit, definition: m.definition });
  return out;
}

/** Every indicator, in documentation order: windowed (metric, window, group), current by group,
 *  then the whole-file metrics. */
export const INDICATOR_DEFINITIONS: readonly IndicatorDefinition[] = Object.freeze(definitions());

/** Every indicator name, in documentation order. */
export const INDICATOR_NAMES: readonly IndicatorName[] = INDICATOR_DEFINITIONS.map((d) => d.name);
