/**
 * `openbureau furnish FILE --as INSTITUTION`: furnishes a file through the same pipeline as the
 * API, split into batches within the limits: canonical JSON Lines, or a Metro 2 character file
 * (`--format metro2`, or found by its header; streamed from disk, so of any size). The batch id
 * defaults to the file's SHA-256, so furnishing the same file again changes nothing.
 *
 * @example
 *   openbureau furnish 2025-01.jsonl --as huiyin-jiebei
 *   openbureau furnish 2025-05.dat --format metro2 --as example-bank
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { Bureau } from '../app/bureau.js';
import { furnishBatch } from '../furnish/furnish-batch.js';
import { FurnishError } from '../furnish/furnish-errors.js';
import { Metro2IngestError } from '../furnish/metro2-errors.js';
import { furnishMetro2 } from '../furnish/metro2-ingest.js';
import { splitIntoBatches } from '../furnish/split-batches.js';
import { withBureau } from './cli-bureau.js';
import { options } from './main.js';

/** Largest file the CLI reads (it is read whole, then furnished batch by batch). */
export const MAX_CLI_FILE_BYTES = 2 * 1024 * 1024 * 1024 - 1;
/** Findings printed per batch (all of them stay listed with the rejects). */
const FINDINGS_SHOWN = 20;

const USAGE =
  'usage: openbureau furnish FILE --as INSTITUTION [--format jsonl|metro2] [--batch-id ID] [--json]\n';
/** Bytes read to recognise a Metro 2 file: its record descriptor word (after a block descriptor
 *  word, when blocked) and the HEADER identifier. */
const SNIFF_BYTES = 14;

/** True when the file starts like a Metro 2 character file with a header. */
function looksLikeMetro2(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const n = readSync(fd, head, 0, SNIFF_BYTES, 0);
    return /^(\d{4}){1,2}HEADER/.test(head.toString('latin1', 0, n));
  } finally {
    closeSync(fd);
  }
}

export async function furnishCommand(args: string[]): Promise<number> {
  const { values, positionals } = options(args, {
    as: { type: 'string' },
    'batch-id': { type: 'string' },
    format: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const file = positionals[0];
  if (!file || !values.as || (values.format !== undefined && !['jsonl', 'metro2'].includes(values.format))) {
    process.stderr.write(USAGE);
    return 2;
  }
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    process.stderr.write(`openbureau: cannot read ${file}\n`);
    return 2;
  }
  const format = values.format ?? (looksLikeMetro2(file) ? 'metro2' : 'jsonl');
  if (format === 'metro2') return furnishMetro2File(file, values.as, values['batch-id'], values.json);
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

/** Hex SHA-256 of a file, streamed. */
async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function furnisherOf(bureau: Bureau, code: string): Promise<number | undefined> {
  const furnisher = await bureau.institutions.findByCode(code);
  if (furnisher?.roles.includes('furnisher')) return furnisher.institutionId;
  process.stderr.write(`openbureau: no furnisher with code '${code}'\n`);
  return undefined;
}

/** A Metro 2 file, streamed through furnishMetro2; prints each part and the first findings. */
async function furnishMetro2File(
  file: string,
  code: string,
  batchId: string | undefined,
  json: boolean,
): Promise<number> {
  const base = batchId ?? `file-${(await fileSha256(file)).slice(0, 16)}`;
  return withBureau(async (bureau) => {
    const furnisherId = await furnisherOf(bureau, code);
    if (furnisherId === undefined) return 2;
    let result: Awaited<ReturnType<typeof furnishMetro2>>;
    try {
      result = await furnishMetro2(bureau.furnishDeps, { furnisherId, batchId: base, source: file });
    } catch (error) {
      if (error instanceof FurnishError || error instanceof Metro2IngestError) {
        process.stderr.write(`openbureau: ${file} refused: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
    if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      for (const p of result.parts) {
        const b = p.batch;
        process.stdout.write(
          `batch ${b.batchId} (records ${p.firstRecord}-${p.lastRecord}): ${b.records} lines, ${b.accepted} accepted, ${b.rejected} rejected${p.replayed ? ' (already furnished: nothing changed)' : ''}\n`,
        );
      }
      process.stdout.write(
        `${result.records} data records (${result.recordsRejected} rejected), ${result.unparseable} not readable; Metro 2 findings: ${result.errors} errors, ${result.warnings} warnings\n`,
      );
      for (const f of result.findings.slice(0, FINDINGS_SHOWN)) {
        const where = [
          `record ${f.recordNumber}`,
          f.accountNumber ? `account ${f.accountNumber}` : '',
          `${f.segment}${f.segmentNumber === null ? '' : `#${f.segmentNumber}`}${f.field ? `.${f.field}` : ''}`,
          f.filePosition === null ? '' : `byte ${f.filePosition}`,
        ].filter((s) => s.length > 0);
        process.stdout.write(`  ${f.severity} ${f.rule} (${where.join(', ')}): ${f.message}\n`);
      }
      if (result.findings.length > FINDINGS_SHOWN || result.findingsTruncated)
        process.stdout.write(`  ... and more: GET /v1/furnish/batches/${base}.pN/rejects\n`);
    }
    return result.rejected > 0 || result.unparseable > 0 ? 1 : 0;
  });
}
