/**
 * The observation point of the bureau score: the end of a calendar month M (UTC). What the score
 * may know about a person at M is the file cut at M: accounts opened on or before the last day
 * of M, their monthly states of months up to M, inquiries up to the last instant of M, identity
 * values first reported by then. Everything later is dropped, so that no information from after
 * the observation point (the outcome period above all) reaches a feature.
 *
 * What the file cannot undo: an account's terms are those last furnished, and a month corrected
 * later is on file as corrected (the bureau keeps the earlier versions elsewhere, not in the
 * file). Both describe the past as best known, not the outcome period.
 *
 * @example
 *   const cut = truncateFileAt(file, '2025-06'); // as the bureau knew it at the end of June 2025
 *   monthEndInstant('2025-06'); // '2025-06-30T23:59:59.999Z'
 */
import { addMonths, isCalendarMonth } from '../../domain/calendar.js';
import type { PersonFile } from '../../report/report-types.js';

/**
 * Throws a RangeError unless `month` is a `YYYY-MM` calendar month.
 *
 * @example
 *   assertMonth('2025-06', 'observation month'); // passes
 */
export function assertMonth(month: string, what: string): void {
  if (!isCalendarMonth(month)) throw new RangeError(`${what} must be a YYYY-MM month, got '${month}'`);
}

/** Month ends already computed (scoring a batch asks for the same few months again and again). */
const MONTH_ENDS = new Map<string, string>();
/** Entries of that cache before it is emptied. */
const MONTH_ENDS_MAX_entries = 1_200;

/**
 * The last millisecond of month `month` (UTC), as ISO-8601.
 *
 * @example
 *   monthEndInstant('2024-02'); // '2024-02-29T23:59:59.999Z'
 */
export function monthEndInstant(month: string): string {
  let end = MONTH_ENDS.get(month);
  if (end === undefined) {
    assertMonth(month, 'month');
    end = new Date(Date.parse(`${addMonths(month, 1)}-01T00:00:00.000Z`) - 1).toISOString();
    if (MONTH_ENDS.size >= MONTH_ENDS_MAX_entries) MONTH_ENDS.clear();
    MONTH_ENDS.set(month, end);
  }
  return end;
}

/** True when `file` holds something after the end of `month` (what truncateFileAt drops). */
function hasAfter(file: PersonFile, month: string, endDate: string, endMs: number): boolean {
  for (const values of Object.values(file.attributes))
    for (const v of values) if (v.firstReportedOn > endDate) return true;
  for (const a of file.accounts) {
    if (a.terms.open_date > endDate) return true;
    if (a.terms.first_delinquency_date !== undefined && a.terms.first_delinquency_date > endDate) return true;
    for (const m of a.months) if (m.month > month) return true;
    if (a.historyMonths) for (const m of a.historyMonths) if (m.month > month) return true;
  }
  for (const q of file.inquiries) if (Date.parse(q.at) > endMs) return true;
  return false;
}

/**
 * The file as of the end of `month` (see the module comment). The input is not changed (when it
 * holds nothing after the month, it is returned itself); an account keeps its id and furnisher;
 * a furnished date of first delinquency after `month` is dropped from the terms.
 *
 * @example
 *   truncateFileAt(file, '2025-06').accounts.every((a) => a.terms.open_date <= '2025-06-30'); // true
 */
export function truncateFileAt(file: PersonFile, month: string): PersonFile {
  const end = monthEndInstant(month);
  const endMs = Date.parse(end);
  const endDate = end.slice(0, 10);
  if (!hasAfter(file, month, endDate, endMs)) return file;
  const attributes: PersonFile['attributes'] = {};
  for (const [name, values] of Object.entries(file.attributes)) {
    const known = values.filter((v) => v.firstReportedOn <= endDate);
    if (known.length > 0) attributes[name] = known;
  }
  const accounts: PersonFile['accounts'] = [];
  for (const account of file.accounts) {
    if (account.terms.open_date > endDate) continue;
    const terms = { ...account.terms };
    if (terms.first_delinquency_date !== undefined && terms.first_delinquency_date > endDate)
      delete terms.first_delinquency_date;
    const history = account.historyMonths?.filter((m) => m.month <= month);
    accounts.push({
      accountId: account.accountId,
      furnisher: account.furnisher,
      accountNo: account.accountNo,
      terms,
      months: account.months.filter((m) => m.month <= month),
      ...(history && history.length > 0 ? { historyMonths: history } : {}),
    });
  }
  return {
    personId: file.personId,
    idType: file.idType,
    idNumber: file.idNumber,
    attributes,
    accounts,
    inquiries: file.inquiries.filter((q) => Date.parse(q.at) <= endMs),
    objections: file.objections,
  };
}
