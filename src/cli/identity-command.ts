/**
 * `openbureau identity dedupe FILE.csv --id-column COL [--exclude COL ...] [--map COLUMN=ROLE ...]
 * [--threshold W] --out OUT.csv`: finds the records of one person in any person file
 * (probabilistic linkage, docs/identity-linkage.md) and writes `record_id,cluster_id` for every
 * row. The identifier column is carried through and never matched on. Prints the column roles,
 * the blocking passes, the pairs compared, the model, the clusters and the time taken.
 *
 * @example
 *   openbureau identity dedupe people.csv --id-column rec_id --exclude soc_sec_id --out clusters.csv
 */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ColumnPlanError } from '../identity/linkage/column-plan.js';
import { CsvError } from '../identity/linkage/csv.js';
import { dedupe } from '../identity/linkage/dedupe.js';
import { readPersonCsv } from '../identity/linkage/read-persons.js';
import { ROLES } from '../identity/linkage/roles.js';
import { writeClusters } from '../identity/linkage/write-clusters.js';

const USAGE = `usage: openbureau identity dedupe FILE.csv --id-column COL [--exclude COL ...]
                 [--map COLUMN=ROLE ...] [--threshold W] --out OUT.csv

Writes record_id,cluster_id for every row of FILE.csv (a header row first). Columns are
recognised by their headers (case and spaces ignored); --map sets a column's role, ROLE 'none'
ignores it. Roles: ${ROLES.join(', ')}.
--threshold W links pairs whose match weight is at least W bits (default: where a pair is as
likely a match as not). Exit code 0: done, 2: bad arguments or unreadable file.
`;

function usage(message?: string): number {
  if (message) process.stderr.write(`openbureau identity: ${message}\n`);
  process.stderr.write(USAGE);
  return 2;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      'id-column': { type: 'string' },
      exclude: { type: 'string', multiple: true, default: [] },
      map: { type: 'string', multiple: true, default: [] },
      threshold: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * Runs `openbureau identity ...`; returns the exit code.
 *
 * @example
 *   process.exitCode = await identityCommand(['dedupe', 'people.csv', '--id-column', 'id', '--out', 'out.csv']);
 */
export async function identityCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'dedupe') return usage(sub === undefined ? undefined : `unknown subcommand '${sub}'`);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(rest);
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const file = positionals[0];
  if (!file || positionals.length > 1) return usage('expected one input file');
  if (!values['id-column']) return usage('--id-column is required');
  if (!values.out) return usage('--out is required');
  let threshold: number | undefined;
  if (values.threshold !== undefined) {
    threshold = Number(values.threshold);
    if (values.threshold.trim() === '' || !Number.isFinite(threshold))
      return usage(`--threshold expects a number of bits, got '${values.threshold}'`);
  }
  try {
    if (!statSync(file).isFile()) return usage(`${file} is not a file`);
  } catch {
    return usage(`cannot read ${file}`);
  }
  const started = performance.now();
  let read: Awaited<ReturnType<typeof readPersonCsv>>;
  try {
    read = await readPersonCsv(file, {
      idColumn: values['id-column'],
      exclude: values.exclude,
      map: values.map,
    });
  } catch (error) {
    if (error instanceof ColumnPlanError || error instanceof CsvError) return usage(error.message);
    throw error;
  }
  const { store, plan } = read;
  const out = process.stdout;
  out.write(`read ${store.size} records from ${file} in ${seconds(performance.now() - started)}\n`);
  out.write(`  identifier: ${read.headers[plan.idIndex]!.trim()} (not matched on)\n`);
  out.write(`  roles: ${plan.roles.map((r) => `${r.header.trim()}=${r.role}`).join(', ') || 'none'}\n`);
  if (plan.excluded.length > 0) out.write(`  excluded: ${plan.excluded.join(', ')}\n`);
  if (plan.ignored.length > 0) out.write(`  not recognised (ignored): ${plan.ignored.join(', ')}\n`);
  if (read.raggedRows > 0) out.write(`  rows with a different number of fields: ${read.raggedRows}\n`);
  if (plan.roles.length === 0) out.write('  no column to match on: every record is its own cluster\n');
  const result = dedupe(store, { threshold });
  const allPairs = (store.size * (store.size - 1)) / 2;
  out.write('blocking:\n');
  for (const pass of result.candidates.passes)
    out.write(
      `  ${pass.rule}: ${pass.pairs} new pairs, ${pass.blocks} blocks (largest ${pass.largestBlock})` +
        (pass.oversizedBlocks > 0
          ? `, ${pass.oversizedBlocks} blocks too large skipped (${pass.oversizedRecords} records)`
          : '') +
        '\n',
    );
  const share =
    allPairs > 0 ? ` (${((100 * result.candidates.count) / allPairs).toPrecision(2)}% of all pairs)` : '';
  out.write(`pairs compared: ${result.candidates.count}${share}\n`);
  out.write(
    `model: ${result.model.training.map((s) => `${s.session} (${s.pairs} pairs, ${s.iterations} EM iterations)`).join('; ') || 'EM over all compared pairs'}; ` +
      `match share of compared pairs ${result.model.matchShare.toFixed(3)}; threshold ${result.threshold.toFixed(2)} bits\n`,
  );
  for (const attribute of result.model.attributes)
    out.write(
      `  ${attribute.name}: ${attribute.levels
        .slice(1)
        .map((label, l) => `${label} ${attribute.weights[l + 1]!.toFixed(1)}`)
        .join(' | ')}\n`,
    );
  const c = result.clustering;
  out.write(
    `clusters: ${c.clusters} (largest ${c.largest} records; ${result.links.left.length} links; refused ${c.refusedByAverage} by average linkage, ${c.refusedLinks} by size)\n`,
  );
  await writeClusters(values.out, store.recordIds, c.clusterOf);
  out.write(`wrote ${values.out}\ntime: ${seconds(performance.now() - started)}\n`);
  return 0;
}
