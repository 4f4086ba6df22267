/**
 * Opens the bureau for a CLI command, with warnings to stderr.
 *
 * @example
 *   await withBureau(async (bureau) => { ... });
 */
import { type Bureau, openBureau } from '../app/bureau.js';
import { readConfig } from '../app/config.js';

export async function withBureau<T>(work: (bureau: Bureau) => Promise<T>): Promise<T> {
  const bureau = await openBureau(readConfig(process.env), {
    warn: (m) => process.stderr.write(`warning: ${m}\n`),
  });
  try {
    return await work(bureau);
  } finally {
    await bureau.close();
  }
}
