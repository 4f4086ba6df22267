/**
 * The generated Metro 2 file of the Metro 2 benchmarks (validation and ingest): `records` data
 * records, one per line, streamed to `path` from TEMPLATES valid record templates (statuses
 * current, past due and paid; 10% with a J1, 5% with a J2, 3% with a K1, 2% with an N1), each
 * with its own account number, a distinct valid SSN (and distinct ones in its J1/J2), a varying
 * balance and the date of account information of `month` (0: May 2025, 1: June 2025), under a
 * header of that period and a trailer whose totals match.
 *
 *   await generateMetro2File('/tmp/m2.txt', 1_000_000);
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import {
  EXAMPLE_BASE,
  EXAMPLE_HEADER,
  EXAMPLE_SEGMENTS,
  encodeDataRecord,
  encodeHeader,
  encodeTrailer,
  TrailerTotals,
} from '../dist/formats/metro2/index.js';

const TEMPLATES = 500;
const MB = 1024 * 1024;

/** The n-th distinct SSN that checkSsn accepts: area from 101, group 01-99, serial 0001-9999. */
function ssnOf(n) {
  const serial = 1 + (n % 9999);
  const group = 1 + (Math.floor(n / 9999) % 99);
  const area = 101 + Math.floor(n / (9999 * 99));
  if (area >= 666) throw new Error('too many SSNs for this generator');
  return `${area}${String(group).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
}

/** A valid data record: statuses current, past due and paid, 10% with a J1, 5% with a J2. */
function template(i) {
  const status = i % 10 === 9 ? '71' : i % 10 === 8 ? '13' : '11';
  const base = {
    ...EXAMPLE_BASE,
    accountStatus: status,
    paymentRating: status === '13' ? '0' : '',
    currentBalance: status === '13' ? 0 : 1000 + i,
    amountPastDue: status === '71' ? 450 : 0,
    dateFirstDelinquency: status === '71' ? '2025-04-15' : null,
    dateClosed: status === '13' ? '2025-05-15' : null,
  };
  const record = { base, j1: [], j2: [], k1: null, k2: null, k3: null, k4: null, l1: null, n1: null };
  if (i % 10 === 3) record.j1.push({ ...EXAMPLE_SEGMENTS.j1 });
  if (i % 20 === 5) record.j2.push({ ...EXAMPLE_SEGMENTS.j2 });
  if (i % 100 < 3) record.k1 = { ...EXAMPLE_SEGMENTS.k1 };
  if (i % 50 === 7) record.n1 = { ...EXAMPLE_SEGMENTS.n1 };
  return encodeDataRecord(record, { blocked: false });
}

const ACCOUNT_AT = 42; // consumer account number, positions 43-72
const BALANCE_AT = 154; // current balance, positions 155-163
const SSN_AT = 297; // SSN, positions 298-306
const SEGMENT_SSN_AT = 69; // SSN in a J1 or J2 segment, positions 70-78
const SEGMENT_BYTES = { J1: 100, J2: 200, K1: 34, K2: 34, K3: 40, K4: 30, L1: 54, N1: 146 };
const DOAI_AT = 181; // date of account information, positions 182-189 (MMDDYYYY)
/** The example's reporting period, and the next one. */
const MONTHS = [
  { date: '2025-05-31', mmddyyyy: '05312025' },
  { date: '2025-06-30', mmddyyyy: '06302025' },
];

export async function generateMetro2File(path, records, month = 0) {
  const templates = Array.from({ length: TEMPLATES }, (_, i) => template(i));
  const totals = new TrailerTotals();
  const out = createWriteStream(path, { highWaterMark: MB });
  const LF = Buffer.from('\n');
  const write = async (bytes) => {
    if (!out.write(bytes)) await once(out, 'drain');
  };
  const period = MONTHS[month].date;
  const header = { ...EXAMPLE_HEADER, activityDate: period, dateCreated: period };
  await write(Buffer.concat([encodeHeader(header, { blocked: false }), LF]));
  const batch = [];
  let batchBytes = 0;
  for (let n = 0; n < records; n++) {
    const bytes = Buffer.from(templates[n % TEMPLATES]);
    bytes.write(`BENCH${String(n).padStart(10, '0')}`, ACCOUNT_AT, 'latin1');
    bytes.write(ssnOf(n), SSN_AT, 'latin1');
    bytes.write(MONTHS[month].mmddyyyy, DOAI_AT, 'latin1');
    if (bytes.toString('latin1', 123, 125) !== '13')
      bytes.write(String(1000 + (n % 90000)).padStart(9, '0'), BALANCE_AT, 'latin1');
    let offset = 426;
    while (offset < bytes.length) {
      const id = bytes.toString('latin1', offset, offset + 2);
      if (id === 'J1') bytes.write(ssnOf(records + n), offset + SEGMENT_SSN_AT, 'latin1');
      if (id === 'J2') bytes.write(ssnOf(2 * records + n), offset + SEGMENT_SSN_AT, 'latin1');
      offset += SEGMENT_BYTES[id];
    }
    totals.addBase(bytes, 0);
    offset = 426;
    while (offset < bytes.length) {
      const id = bytes.toString('latin1', offset, offset + 2);
      totals.addSegment(id, bytes, offset);
      offset += SEGMENT_BYTES[id];
    }
    batch.push(bytes, LF);
    batchBytes += bytes.length + 1;
    if (batchBytes >= MB) {
      await write(Buffer.concat(batch));
      batch.length = 0;
      batchBytes = 0;
    }
  }
  if (batch.length > 0) await write(Buffer.concat(batch));
  const trailer = { blockDescriptorWord: null, recordDescriptorWord: 426, ...totals.values() };
  await write(Buffer.concat([encodeTrailer(trailer, { blocked: false }), LF]));
  out.end();
  await once(out, 'finish');
}
