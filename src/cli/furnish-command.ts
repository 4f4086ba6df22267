/**
 * `openbureau furnish FILE.jsonl --as INSTITUTION`: furnishes a file through the same pipeline
 * as the API, split into batches within the limits. The batch id defaults to the file's SHA-256,
 * so furnishing the same file again changes nothing.
 *
 * @example
 *   openbureau furnish 2025-01.jsonl --as huiyin-jiebei
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { furnishBatch } from '../furnish/furnish-batch.js';
import { FurnishError } from '../furnish/furnish-errors.js';
import { splitIntoBatches } from '../furnish/split-batches.js';
import { withBureau } from './cli-bureau.js';
import { options } from './main.js';

/** Largest file the CLI reads (it is read whole, then furnished batch by batch). */
export const MAX_CLI_FILE_BYTES = 2 * 1024 * 1024 * 1024 - 1;
/** Findings printed per batch (all of them stay listed with the rejects). */
const FINDINGS_SHOWN = 20;

export async function furnishCommand(args: string[]): Promise<number> {
  const { values, positionals } = options(args, {
    as: { type: 'string' },
    'batch-id': { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const file = positionals[0];
  if (!file || !values.as) {
    process.stderr.write('usage: openbureau furnish FILE.jsonl --as INSTITUTION [--batch-id ID] [--json]\n');
    return 2;
  }
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    process.stderr.write(`openbureau: cannot read ${file}\n`);
    return 2;
  }
  if (size > MAX_CLI_FILE_BYTES) {
    process.stderr.write(`openbureau: ${file} is larger than ${MAX_CLI_FILE_BYTES} bytes: split it\n`);
    return 2;
  }
  const body = readFileSync(file);
  const base = values['batch-id'] ?? `file-${createHash('sha256').update(body).digest('hex').slice(0, 16)}`;
  return withBureau(async (bureau) => {
    const furnisher = await bureau.institutions.findByCode(values.as!);
    if (!furnisher?.roles.includes('furnisher')) {
      process.stderr.write(`openbureau: no furnisher with code '${values.as}'\n`);
      return 2;
    }
    const parts = [...splitIntoBatches(body)];
    const results = [];
    let rejected = 0;
    for (const part of parts) {
      const batchId = parts.length === 1 ? base : `${base}-${part.index}`;
      try {
        const result = await furnishBatch(bureau.furnishDeps, {
          furnisherId: furnisher.institutionId,
          batchId,
          body: part.body,
        });
        rejected += result.batch.rejected;
        results.push({ ...result, firstLine: part.firstLine });
        if (!values.json) {
          const b = result.batch;
          process.stdout.write(
            `batch ${batchId}: ${b.records} records, ${b.accepted} accepted, ${b.rejected} rejected${result.replayed ? ' (already furnished: nothing changed)' : ''}\n`,
          );
          for (const f of result.findings.slice(0, FINDINGS_SHOWN))
            process.stdout.write(
              `  file line ${f.line + part.firstLine - 1}: ${f.rule} ${f.field}: ${f.message}\n`,
            );
          if (result.findings.length > FINDINGS_SHOWN)
            process.stdout.write(`  ... and more: GET /v1/furnish/batches/${batchId}/rejects\n`);
        }
      } catch (error) {
        if (error instanceof FurnishError) {
          process.stderr.write(`openbureau: batch ${batchId} refused: ${error.message}\n`);
          return 2;
        }
        throw error;
      }
    }
    if (values.json) process.stdout.write(`${JSON.stringify({ batches: results }, null, 2)}\n`);
    return rejected > 0 ? 1 : 0;
  });
}
