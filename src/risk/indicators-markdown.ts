/**
 * docs/indicators.md, generated from the data that drives the computation: the naming grammar,
 * the windows and their edge rule, the institution groups, the shopping rule, the status levels,
 * every indicator with its unit and definition, and every pre-lending rule. A test checks that the
 * committed file equals what this produces; regenerate it with {@link REGENERATE_INDICATORS_DOC}
 * (or have scripts/write-docs.ts write INDICATORS_DOC_PATH).
 *
 * @example
 *   const markdown = indicatorsMarkdown(); // '# Risk indicators and the pre-lending check\n...'
 */
import { formatMinor } from '../report/format-money.js';
import {
  DELINQUENCY_LOOKBACK_DEFAULT_months,
  INDICATOR_CURRENCY_DEFAULT,
  STATUS_WINDOW_months,
} from './compute-indicators.js';
import { CURRENT_METRICS, FILE_METRICS, INDICATOR_DEFINITIONS, WINDOW_METRICS } from './indicator-names.js';
import { PRODUCT_KIND_OF_REASON } from './inquiry-products.js';
import { GROUP_IDS, GROUP_LABELS } from './institution-groups.js';
import { CHINA_OVERCREDIT_RULES } from './overcredit-rules.js';
import { PRELENDING_RULES } from './prelending-rules.js';
import { REVOLVING_MINIMUM_PAYMENT_pct } from './proposed-credit.js';
import { SHOPPING_WINDOW_DEFAULT_days } from './shopping.js';
import { STATUS_LEVEL_TABLE } from './status-levels.js';
import { INDICATOR_WINDOWS } from './time-windows.js';

/** Where the document lives, relative to the repository root. */
export const INDICATORS_DOC_PATH = 'docs/indicators.md';
/** The command that rewrites it, run from the repository root. */
export const REGENERATE_INDICATORS_DOC = 'node --import tsx scripts/write-docs.ts';

const cell = (text: string) => text.replaceAll('|', '\\|');
const settingValue = (name: string, value: unknown) =>
  Array.isArray(value)
    ? value.join(', ')
    : name.endsWith('_fen') && typeof value === 'number'
      ? `${value} (${formatMinor(value, CHINA_OVERCREDIT_RULES.currency)})`
      : String(value);

/**
 * The Markdown text of docs/indicators.md.
 *
 * @example
 *   indicatorsMarkdown().includes('`inq_hard_3m_non_bank`') // true
 */
export function indicatorsMarkdown(): string {
  const lines: string[] = [];
  const add = (...text: string[]) => lines.push(...text);
  const reasons = Object.entries(PRODUCT_KIND_OF_REASON)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, kind]) => `${code} ${kind}`)
    .join(', ');

  add(
    '# Risk indicators and the pre-lending check',
    '',
    'Generated from `src/risk` by `indicatorsMarkdown()` (src/risk/indicators-markdown.ts); do not edit by hand:',
    `regenerate with \`${REGENERATE_INDICATORS_DOC}\`.`,
    '',
    "`computeIndicators(file, asOf, options)` computes every indicator below exactly from the person's file",
    '(accounts, their monthly states, inquiries) as of the instant `asOf`; `prelendingCheck(...)` runs every rule',
    'of the last section on them. Both are pure: no clock, no I/O; the order of accounts, months and inquiries',
    'in the file changes nothing.',
    '',
    '## Naming grammar',
    '',
    '```',
    'name   = metric [ "_" window ] "_" group [ "_minor" ]',
    `window = ${INDICATOR_WINDOWS.map((w) => w.id).join(' | ')}`,
    `group  = ${GROUP_IDS.join(' | ')}`,
    '```',
    '',
    `- Windowed metrics (every window and group): ${WINDOW_METRICS.map((m) => `\`${m.metric}\``).join(', ')}.`,
    `- Current metrics by group: ${CURRENT_METRICS.map((m) => `\`${m.metric}\``).join(', ')}.`,
    `- Current metrics of the whole file (group \`all\` only): ${FILE_METRICS.map((m) => `\`${m.name}\``).join(', ')}.`,
    "- `_minor` ends every amount of money: integer minor units of the indicators' currency",
    `  (option \`currency\`, default ${INDICATOR_CURRENCY_DEFAULT}: fen). Amounts add up only accounts in that`,
    '  currency; accounts in another currency are counted in every count and in `acct_open_other_ccy_all`.',
    '- Units: count, minor (money), ratio, level (status level 0-9, below), months.',
    '- Values are numbers; null only where the definition says so.',
    '',
    `${INDICATOR_DEFINITIONS.length} indicators.`,
    '',
    '## Windows and their edges',
    '',
    'A window ends at `asOf` (read as UTC) and starts 7 x 24 hours before it (`7d`) or N calendar months',
    'before it (`1m`, `3m`, `6m`, `12m`: same day of month and time of day, the day clamped to the end of a',
    'shorter month: 31 March minus 1 month is 28 or 29 February). It is half-open, `(start, asOf]`:',
    '',
    '- an inquiry is inside when `start < at <= asOf`: exactly at the start is outside, one millisecond',
    '  later is inside, an inquiry at `asOf` is inside, one after `asOf` counts nowhere;',
    '- an account is new in the window when `UTC date of start < open_date <= UTC date of asOf`: the',
    '  calendar days ending with the date of `asOf` (7 days for `7d`); an account opened on the date of the',
    '  start is outside.',
    '',
    '| window | length |',
    '|---|---|',
    ...INDICATOR_WINDOWS.map((w) => `| \`${w.id}\` | ${w.label} |`),
    '',
    '## Institution groups',
    '',
    'By the kind of the institution that made the inquiry or furnished the account. `all` = `bank` +',
    '`non_bank`; each non-bank kind that lends has its own group (a regulator has none).',
    '',
    '| group | institutions |',
    '|---|---|',
    ...GROUP_IDS.map((g) => `| \`${g}\` | ${GROUP_LABELS[g]} |`),
    '',
    '## Inquiries and the shopping rule',
    '',
    'Hard inquiries are the approval queries (reasons 02, 03, 08, 24, 26); soft ones count nowhere. The',
    `product kind of a hard inquiry comes from its reason: ${reasons}.`,
    '',
    `Shopping rule (option \`shoppingWindow_days\`, default ${SHOPPING_WINDOW_DEFAULT_days}), applied to the hard`,
    'inquiries of each window and group: take the inquiries of one product kind oldest first; the first is',
    'counted; a later one is a repeat when it is less than `shoppingWindow_days` x 24 hours after the last',
    'counted one, from any institution, and is counted (becoming the last counted one) otherwise. Exactly',
    '`shoppingWindow_days` after a counted inquiry is counted anew; 0 days counts every inquiry. `inq_hard`',
    'adds the counts of the product kinds; `inq_hard_raw` counts every hard inquiry; `inq_inst` is the number',
    'of distinct institutions with a hard inquiry, at most `inq_hard` (a shopping episode counts as one',
    'institution). Adding an inquiry never lowers any of them.',
    '',
    '## Accounts now',
    '',
    '- An account exists from its open date (one opened after the date of `asOf` counts nowhere). Its',
    '  months are those on file up to the UTC month of `asOf`, the running month included when on file;',
    '  should a month be on file twice, the one reported last wins.',
    '- It is closed when its latest month has status C, G, D or Z, and open otherwise, also when no month',
    "  is on file yet (the credit report's rule).",
    '- Its figures now are those of its latest month. An account not yet reported in any month counts its',
    '  amount as balance when it is a loan (D1, C1: disbursed in full) and 0 when it is revolving, with no',
    '  scheduled payment: a credit furnished a minute ago is counted by the next computation.',
    '- Limits of revolving accounts: `amount_minor`; accounts of one furnisher reporting the same',
    '  `shared_limit_minor` count it once when two or more of them do.',
    `- Status windows: \`status_worst_24m_all\` reads the ${STATUS_WINDOW_months} calendar months ending with the month of`,
    `  \`asOf\`; \`dlq_months_since_all\` looks back ${DELINQUENCY_LOOKBACK_DEFAULT_months} months (option`,
    '  `delinquencyLookback_months`): the month of `asOf` and the 59 before it.',
    '',
    '### Status levels',
    '',
    'A month is delinquent when its level is 1 or more.',
    '',
    '| level | statuses | meaning |',
    '|---|---|---|',
    ...STATUS_LEVEL_TABLE.map((r) => `| ${r.level} | ${cell(r.statuses)} | ${r.meaning} |`),
    '',
    '## Indicators',
    '',
    '| name | unit | definition |',
    '|---|---|---|',
    ...INDICATOR_DEFINITIONS.map((d) => `| \`${d.name}\` | ${d.unit} | ${cell(d.definition)} |`),
    '',
    '## Pre-lending check',
    '',
    '`prelendingCheck({ indicators, file, proposal, declaredIncome_fen?, profileRules?, lenderPolicy? })`',
    'lists every rule below with its verdict (pass, refer, fail, or not_applicable when the rule does not',
    'concern the credit or the lender has not set it) and the figures that decided it. Overall: decline',
    'when any rule fails, refer when none fails and any refers, approve otherwise.',
    '',
    'The proposed credit adds its full amount to the balances (a revolving line as drawn in full) and a',
    'monthly repayment: equal_instalment `ceil(amount / term)` (principal only: no rate is assumed);',
    `bullet 0 until maturity; revolving ${REVOLVING_MINIMUM_PAYMENT_pct}% of the limit (the usual card minimum payment),`,
    'rounded up. Declared income: up to 3 annual amounts; the average is over the years declared.',
    '',
    "China's values (`CHINA_OVERCREDIT_RULES`):",
    '',
    '| setting | value |',
    '|---|---|',
    ...Object.entries(CHINA_OVERCREDIT_RULES).map(([k, v]) => `| \`${k}\` | ${settingValue(k, v)} |`),
    '',
    '| rule | from | description |',
    '|---|---|---|',
    ...PRELENDING_RULES.map((r) => `| \`${r.id}\` | ${r.source} | ${cell(r.description)} |`),
    '',
  );
  return lines.join('\n');
}
