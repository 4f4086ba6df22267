/**
 * Which column of a person file plays which role: the identifier column (carried through, never
 * matched on), excluded columns, `--map COLUMN=ROLE` overrides (ROLE `none` ignores a column),
 * then recognition from the headers. Several columns with one role: the first non-empty value
 * is used.
 *
 * @example
 *   const plan = planColumns(['rec_id', ' given_name', ' soc_sec_id'], {
 *     idColumn: 'rec_id', exclude: ['soc_sec_id'], map: [],
 *   });
 *   plan.roles; // [{ index: 1, header: ' given_name', role: 'given_name' }]
 */
import { isRole, normaliseHeader, type Role, roleOfHeader } from './roles.js';

/**
 * How to read the columns: the identifier column, excluded columns, and role overrides.
 *
 * @example
 *   const options: ColumnOptions = { idColumn: 'id', exclude: [], map: ['cell=phone'] };
 */
export interface ColumnOptions {
  idColumn: string;
  exclude: readonly string[];
  /** `COLUMN=ROLE` entries. */
  map: readonly string[];
}

/**
 * The columns resolved against a header row.
 *
 * @example
 *   plan.idIndex; // 0
 */
export interface ColumnPlan {
  idIndex: number;
  roles: { index: number; header: string; role: Role }[];
  /** Headers neither the identifier, excluded, nor recognised. */
  ignored: string[];
  excluded: string[];
}

/**
 * A bad option: names the column or role that does not fit (the command prints it with usage).
 *
 * @example
 *   throw new ColumnPlanError("no column 'rec' in the header");
 */
export class ColumnPlanError extends Error {
  override readonly name = 'ColumnPlanError';
}

/**
 * Resolves the options against the header row; throws ColumnPlanError when a named column is
 * not in the header or a role is unknown.
 *
 * @example
 *   planColumns(['id', 'cell'], { idColumn: 'id', exclude: [], map: ['cell=phone'] }).roles[0]?.role; // 'phone'
 */
export function planColumns(headers: readonly string[], options: ColumnOptions): ColumnPlan {
  const normalised = headers.map(normaliseHeader);
  const find = (column: string): number => {
    const index = normalised.indexOf(normaliseHeader(column));
    if (index < 0) throw new ColumnPlanError(`no column '${column}' in the header`);
    return index;
  };
  const idIndex = find(options.idColumn);
  const excludedIndexes = new Set(options.exclude.map(find));
  const overrides = new Map<number, Role | 'none'>();
  for (const entry of options.map) {
    const eq = entry.lastIndexOf('=');
    if (eq <= 0) throw new ColumnPlanError(`--map expects COLUMN=ROLE, got '${entry}'`);
    const role = normaliseHeader(entry.slice(eq + 1));
    if (role !== 'none' && !isRole(role))
      throw new ColumnPlanError(`unknown role '${entry.slice(eq + 1)}' (roles: see --help)`);
    overrides.set(find(entry.slice(0, eq)), role as Role | 'none');
  }
  const plan: ColumnPlan = { idIndex, roles: [], ignored: [], excluded: [] };
  headers.forEach((header, index) => {
    if (index === idIndex) return;
    if (excludedIndexes.has(index)) {
      plan.excluded.push(header.trim());
      return;
    }
    const role = overrides.has(index) ? overrides.get(index)! : roleOfHeader(header);
    if (role === null || role === 'none') plan.ignored.push(header.trim());
    else plan.roles.push({ index, header, role });
  });
  return plan;
}

/**
 * The person a row describes under a plan.
 *
 * @example
 *   rowToPerson(plan, ['rec-1', 'mitchell']); // { given_name: 'mitchell' }
 */
export function rowToPerson(plan: ColumnPlan, row: readonly string[]): Partial<Record<Role, string>> {
  const person: Partial<Record<Role, string>> = {};
  for (const { index, role } of plan.roles) {
    const value = row[index];
    if (value !== undefined && value.trim() !== '' && person[role] === undefined) person[role] = value;
  }
  return person;
}
