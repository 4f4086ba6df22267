/**
 * Writes the `record_id,cluster_id` file of a dedupe run: a header line, then one line per input
 * row in input order, streamed in blocks (backpressure respected).
 *
 * @example
 *   await writeClusters('out.csv', store.recordIds, result.clustering.clusterOf);
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { csvField } from './csv.js';

/** Lines gathered before one write. */
const LINES_PER_WRITE = 4096;

/**
 * Writes the file; cluster ids are `c` followed by the cluster number.
 *
 * @example
 *   await writeClusters('/tmp/out.csv', ['a', 'b'], Int32Array.of(0, 0)); // 'record_id,cluster_id\na,c0\nb,c0\n'
 */
export async function writeClusters(
  path: string,
  recordIds: readonly string[],
  clusterOf: Int32Array,
): Promise<void> {
  if (recordIds.length !== clusterOf.length) throw new Error('invariant: one cluster per record');
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => {});
  let lines = 'record_id,cluster_id\n';
  for (let i = 0; i < recordIds.length; i++) {
    lines += `${csvField(recordIds[i]!)},c${clusterOf[i]}\n`;
    if ((i + 1) % LINES_PER_WRITE === 0) {
      if (!out.write(lines)) await Promise.race([once(out, 'drain'), failed]);
      lines = '';
    }
  }
  out.end(lines);
  await Promise.race([once(out, 'finish'), failed]);
}
