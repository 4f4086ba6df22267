/**
 * Helpers of the Metro 2 ingest tests: records and files built from the valid example file, the
 * ingest of bytes into a test store, and what a person's file holds after it (looked up by SSN).
 */
import { Readable } from 'node:stream';
import { exampleRecord } from '../../src/formats/metro2/example-file.js';
import {
  EXAMPLE_HEADER,
  EXAMPLE_SEGMENTS,
  type Metro2Base,
  type Metro2DataRecord,
  type Metro2File,
  type Metro2J1,
  type Metro2J2,
} from '../../src/formats/metro2/index.js';
import { computeTrailer, encodeFile } from '../../src/formats/metro2/write-metro2.js';
import type { FurnishDeps } from '../../src/furnish/furnish-batch.js';
import { furnishMetro2, type Metro2IngestResult } from '../../src/furnish/metro2-ingest.js';
import type { PiiCipher } from '../../src/identity/pii-cipher.js';
import type { Row } from '../support/furnish-fixtures.js';
import type { TestStore } from '../support/test-store.js';

/** The day the tests furnish on: the example file's dates are in the past. */
export const NOW = new Date('2025-06-30T12:00:00Z');

export interface RecordChange {
  base?: Partial<Metro2Base>;
  j1?: Partial<Metro2J1>[];
  j2?: Partial<Metro2J2>[];
  n1?: boolean;
  l1?: boolean;
}

/** The example data record with changes (J1 and J2 segments start from the example segments). */
export function m2Record(change: RecordChange = {}): Metro2DataRecord {
  const record = exampleRecord();
  Object.assign(record.base, change.base ?? {});
  record.j1 = (change.j1 ?? []).map((j) => ({ ...EXAMPLE_SEGMENTS.j1, ...j }));
  record.j2 = (change.j2 ?? []).map((j) => ({ ...EXAMPLE_SEGMENTS.j2, ...j }));
  if (change.n1) record.n1 = { ...EXAMPLE_SEGMENTS.n1 };
  if (change.l1) record.l1 = { ...EXAMPLE_SEGMENTS.l1 };
  return record;
}

/** A file (header, records, computed trailer, one record per line) as bytes. */
export function m2Bytes(
  records: Metro2DataRecord[],
  header: Metro2File['header'] = { ...EXAMPLE_HEADER },
): Buffer {
  const file: Metro2File = {
    blocked: false,
    lineSeparator: '\n',
    finalLineSeparator: true,
    header,
    data: records,
    trailer: null,
  };
  file.trailer = computeTrailer(file);
  return Buffer.concat([...encodeFile(file)]);
}

/** Deps that furnish on NOW. */
export const onNow = (deps: FurnishDeps): FurnishDeps => ({ ...deps, now: () => NOW });

/** Furnishes bytes as a Metro 2 file. */
export function ingest(
  deps: FurnishDeps,
  batchId: string,
  bytes: Buffer,
  options: { furnisherId?: number; limits?: { records: number; bytes: number } } = {},
): Promise<Metro2IngestResult> {
  return furnishMetro2(onNow(deps), {
    furnisherId: options.furnisherId ?? 1,
    batchId,
    source: Readable.from([bytes]),
    ...(options.limits ? { limits: options.limits } : {}),
  });
}

/** What the bureau holds for the person with this SSN: the person, attributes (decrypted), accounts
 *  and monthly states; undefined when no person has it. */
export async function personBySsn(store: TestStore, cipher: PiiCipher, ssn: string) {
  const index = await store.db
    .selectFrom('national_id_index')
    .selectAll()
    .where('id_hash', '=', cipher.hash('national_id', ssn))
    .executeTakeFirst();
  if (!index) return undefined;
  const personId = Number(index.person_id);
  const person = await store.db
    .selectFrom('persons')
    .selectAll()
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  const attributes = await store.db
    .selectFrom('identity_attributes')
    .selectAll()
    .where('person_id', '=', personId)
    .execute();
  const accounts = (await store.db
    .selectFrom('accounts')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('account_no')
    .execute()) as Row[];
  const months = (await store.db
    .selectFrom('account_months')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('account_id')
    .orderBy('month')
    .execute()) as Row[];
  const values: Record<string, string[]> = {};
  for (const a of attributes)
    values[a.attribute] = [...(values[a.attribute] ?? []), cipher.decrypt(a.value_enc)];
  return {
    person,
    idType: person.id_type,
    id: cipher.decrypt(person.id_enc),
    attributes: values,
    accounts,
    months,
  };
}
