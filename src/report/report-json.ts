/**
 * The report as JSON, the form that is answered, kept and shown again: every field as in
 * CreditReport, except that each account's 60-month grid is a string of one character per month,
 * oldest first (`grid`), starting at `gridFrom` (YYYY-MM): a status code, '/' before the account
 * opened, '-' when the month was not reported. A grid of objects made a report three times as
 * long; the string is how the grid is printed anyway.
 *
 * @example
 *   const text = reportJson(report);          // '{"header":...,"accounts":[{...,"gridFrom":"2020-07","grid":"//NNN1N..."}]}'
 *   reportFromJson(text).accounts[0].grid[0]  // { month: '2020-07', code: '/' }
 */
import { addMonths, isCalendarMonth } from '../domain/calendar.js';
import type { CreditReport, GridCell, ReportAccount } from './report-types.js';

/** The character of a month that was not reported. */
export const NOT_REPORTED = '-';

/** An account of the JSON form. */
export type ReportAccountJson = Omit<ReportAccount, 'grid'> & { gridFrom: string | null; grid: string };

export function gridText(grid: readonly GridCell[]): string {
  let text = '';
  for (const cell of grid) {
    if (cell.code.length > 1) throw new Error(`invariant: grid code '${cell.code}' is not one character`);
    text += cell.code === '' ? NOT_REPORTED : cell.code;
  }
  return text;
}

export function gridCells(from: string | null, text: string): GridCell[] {
  if (text.length === 0) return [];
  if (from === null || !isCalendarMonth(from)) throw new Error('report JSON: gridFrom must be YYYY-MM');
  const cells: GridCell[] = [];
  let month = from;
  for (const ch of text) {
    cells.push({ month, code: (ch === NOT_REPORTED ? '' : ch) as GridCell['code'] });
    month = addMonths(month, 1);
  }
  return cells;
}

export function reportJson(report: CreditReport): string {
  return JSON.stringify({
    ...report,
    accounts: report.accounts.map(
      ({ grid, ...rest }): ReportAccountJson => ({
        ...rest,
        gridFrom: grid[0]?.month ?? null,
        grid: gridText(grid),
      }),
    ),
  });
}

export function reportFromJson(text: string): CreditReport {
  const parsed = JSON.parse(text) as Omit<CreditReport, 'accounts'> & { accounts: ReportAccountJson[] };
  return {
    ...parsed,
    accounts: parsed.accounts.map(({ gridFrom, grid, ...rest }) => ({
      ...rest,
      grid: gridCells(gridFrom, grid),
    })),
  };
}
