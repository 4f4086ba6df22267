/**
 * Builds the demo market on an empty bureau through the real furnishing path (never by writing
 * tables): institutions with API keys, then every furnisher's records as batches. The demo keys
 * are kept in a file under the data folder so that every start can print them.
 *
 * @example
 *   const demo = await ensureDemoMarket(bureau, { log: console.log }); // undefined when data exists without demo keys
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { API_KEY_SHOWN_CHARS, generateApiKey, hashApiKey } from '../access/api-keys.js';
import type { Bureau } from '../app/bureau.js';
import { addMonths, todayUtc } from '../domain/calendar.js';
import type { InstitutionKind, InstitutionRole } from '../domain/codes.js';
import { furnishBatch } from '../furnish/furnish-batch.js';
import { splitIntoBatches } from '../furnish/split-batches.js';
import { generateDemoMarket } from './demo-market.js';

export interface DemoKeys {
  institutions: {
    code: string;
    name: string;
    kind: InstitutionKind;
    roles: InstitutionRole[];
    apiKey: string;
  }[];
  showcase: {
    multiLender: { idNumber: string; name: string; lenders: number };
    delinquent: { idNumber: string; name: string };
  };
  stats: {
    persons: number;
    accounts: number;
    monthRecords: number;
    identityRecords: number;
    rejected: number;
    seconds: number;
  };
}

export function demoKeysPath(bureau: Bureau): string {
  return join(bureau.config.dataDir, 'demo-keys.json');
}

/** Demo size: persons in the default market. */
export const DEMO_PERSONS = 10_000;
/** Months of history of the demo market. */
export const DEMO_HISTORY_MONTHS = 30;

export async function ensureDemoMarket(
  bureau: Bureau,
  options: { log: (message: string) => void; persons?: number },
): Promise<DemoKeys | undefined> {
  const path = demoKeysPath(bureau);
  if ((await bureau.institutions.count()) > 0) {
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as DemoKeys) : undefined;
  }
  const started = Date.now();
  const asOfMonth = addMonths(todayUtc().slice(0, 7), -1);
  options.log(
    `building the demo market (${options.persons ?? DEMO_PERSONS} persons, ${DEMO_HISTORY_MONTHS} months to ${asOfMonth}) through the furnishing pipeline...`,
  );
  const market = generateDemoMarket({
    seed: 20260101,
    persons: options.persons ?? DEMO_PERSONS,
    months: DEMO_HISTORY_MONTHS,
    asOfMonth,
  });
  const keys: DemoKeys['institutions'] = [];
  const ids = new Map<string, number>();
  for (const inst of market.institutions) {
    const created = await bureau.institutions.create({
      code: inst.code,
      name: inst.name,
      kind: inst.kind,
      roles: inst.roles,
    });
    const apiKey = generateApiKey();
    await bureau.institutions.addKey(
      created.institutionId,
      hashApiKey(apiKey),
      apiKey.slice(0, API_KEY_SHOWN_CHARS),
    );
    ids.set(inst.code, created.institutionId);
    keys.push({ ...inst, apiKey });
  }
  let rejected = 0;
  for (const [code, lines] of market.linesByFurnisher) {
    const furnisherId = ids.get(code);
    if (furnisherId === undefined) throw new Error(`demo: furnisher ${code} has no institution`);
    const file = Buffer.from(lines.join('\n'));
    for (const part of splitIntoBatches(file)) {
      const result = await furnishBatch(bureau.furnishDeps, {
        furnisherId,
        batchId: `demo-${part.index}`,
        body: part.body,
      });
      rejected += result.batch.rejected;
      for (const f of result.findings.slice(0, 3))
        options.log(`  demo reject ${code} line ${f.line}: ${f.rule} ${f.field} ${f.message}`);
    }
    options.log(`  ${code}: ${lines.length} records furnished`);
  }
  const demo: DemoKeys = {
    institutions: keys,
    showcase: market.showcase,
    stats: { ...market.stats, rejected, seconds: Math.round((Date.now() - started) / 100) / 10 },
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(demo, null, 2)}\n`, { mode: 0o600 });
  return demo;
}
