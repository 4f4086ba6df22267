/**
 * Metro 2 files through the furnishing pipeline, on the test engine: persons linked by SSN under
 * the US profile (whatever the bureau's profile), accounts and monthly states; parts within the
 * batch limits that replay when the file is sent again; DA and DF deletions; associated consumers
 * (J1, J2); rejects for records with Metro 2 errors or no SSN, at their Metro 2 positions, fixed
 * by canonical lines; files refused as a whole.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { US_PROFILE } from '../../src/domain/jurisdiction.js';
import { furnishBatch } from '../../src/furnish/furnish-batch.js';
import { FurnishError } from '../../src/furnish/furnish-errors.js';
import { Metro2IngestError } from '../../src/furnish/metro2-errors.js';
import { MAX_METRO2_BATCH_ID_CHARS } from '../../src/furnish/metro2-ingest.js';
import { createBatchRepository } from '../../src/store/batch-repository.js';
import {
  type FurnishFixture,
  furnish,
  ID_A,
  identity,
  openFurnishStore,
  rowCounts,
  snapshot,
} from '../support/furnish-fixtures.js';
import { ingest, m2Bytes, m2Record, onNow, personBySsn } from './metro2-fixtures.js';

const SSN = '401234567';
const J1_SSN = '401234568';
const J2_SSN = '401234569';

describe('Metro 2 ingest', () => {
  let f: FurnishFixture;
  before(async () => {
    f = await openFurnishStore();
  });
  after(async () => {
    await f.store.dispose();
  });
  let furnisher = 0;
  /** A furnisher of its own for each test: account numbers do not meet. */
  const next = () => ++furnisher;

  const rejectsOf = async (furnisherId: number, batchId: string) => {
    const batch = await createBatchRepository(f.store).find(furnisherId, batchId);
    assert.ok(batch, `batch ${batchId}`);
    const rejects = await createBatchRepository(f.store).rejects(furnisherId, batch.batchPk, {
      offset: 0,
      limit: 1000,
    });
    return rejects.map((r) => ({ ...r, record: JSON.parse(f.cipher.decrypt(r.rawEnc)) }));
  };

  test('a valid file: persons by SSN (US profile, the bureau being CN), accounts, months, attributes', async () => {
    assert.equal(f.deps.profile.code, 'CN');
    const furnisherId = next();
    const bytes = m2Bytes([
      m2Record({ n1: true }),
      m2Record({
        base: {
          consumerAccountNumber: 'CARD-77',
          portfolioType: 'R',
          accountType: '18',
          termsDuration: 'REV',
          creditLimit: 3000,
          highestCredit: 1200,
          currentBalance: 800,
          accountStatus: '78',
          amountPastDue: 150,
          dateFirstDelinquency: '2025-03-01',
        },
      }),
    ]);
    const result = await ingest(f.deps, 'valid-1', bytes, { furnisherId });
    assert.deepEqual(
      [
        result.records,
        result.unparseable,
        result.lines,
        result.accepted,
        result.rejected,
        result.recordsRejected,
      ],
      [2, 0, 6, 6, 0, 0],
    );
    assert.deepEqual(result.findings, []);
    assert.equal(result.parts.length, 1);
    assert.deepEqual(
      [result.parts[0]!.batch.batchId, result.parts[0]!.batch.format, result.parts[0]!.replayed],
      ['valid-1.p1', 'metro2', false],
    );

    const person = await personBySsn(f.store, f.cipher, SSN);
    assert.ok(person);
    assert.deepEqual([person.idType, person.id], ['ssn', SSN]);
    assert.deepEqual(person.attributes, {
      name: ['JANE Q DOE'],
      birth_date: ['1980-04-12'],
      mobile: ['2175550123'],
      address: ['100 MAIN ST, SPRINGFIELD, IL 62701'],
      employer: ['EXAMPLE EMPLOYER INC'],
    });
    assert.deepEqual(
      person.accounts.map((a) => [
        a.account_no,
        a.account_type,
        a.business_type,
        a.currency,
        Number(a.amount_minor),
        a.state,
      ]),
      [
        ['CARD-77', 'R2', 'credit_card', 'USD', 300_000, 'open'],
        ['EX0000000001', 'D1', 'car', 'USD', 2_400_000, 'open'],
      ],
    );
    const months = person.months.map((m) => [
      m.month,
      m.status,
      Number(m.balance_minor),
      m.overdue_periods,
      Number(m.overdue_amount_minor),
      m.reported_on,
    ]);
    assert.deepEqual(months.sort(), [
      ['2025-05', '3', 80_000, 2, 15_000, '2025-05-31'],
      ['2025-05', 'N', 1_450_000, 0, 0, '2025-05-31'],
    ]);
  });

  test('sent again: every part replays and nothing changes; other content under the same id: 409', async () => {
    const furnisherId = next();
    const bytes = m2Bytes([m2Record({ base: { consumerAccountNumber: 'REPLAY-1' } })]);
    await ingest(f.deps, 'replay', bytes, { furnisherId });
    const before = await snapshot(f.store);
    const again = await ingest(f.deps, 'replay', bytes, { furnisherId });
    assert.deepEqual(
      again.parts.map((p) => p.replayed),
      [true],
    );
    assert.deepEqual(await snapshot(f.store), before);
    const other = m2Bytes([m2Record({ base: { consumerAccountNumber: 'REPLAY-1', currentBalance: 1 } })]);
    await assert.rejects(ingest(f.deps, 'replay', other, { furnisherId }), (e: unknown) => {
      assert.ok(e instanceof FurnishError);
      assert.equal(e.status, 409);
      assert.match(e.message, /^part 1 of the file \(batch replay\.p1, records 2-2\):.*nothing was stored/);
      return true;
    });
    assert.deepEqual(await snapshot(f.store), before);
  });

  test('parts: cut within the limits at record boundaries, ids .p1 .p2 ..., replayed part by part', async () => {
    const furnisherId = next();
    const records = Array.from({ length: 5 }, (_, i) =>
      m2Record({ base: { consumerAccountNumber: `PART-${i}`, socialSecurityNumber: String(402110001 + i) } }),
    );
    // Two records (6 lines) fit in 7 lines, three do not.
    const limits = { records: 7, bytes: 1_000_000 };
    const result = await ingest(f.deps, 'parts', m2Bytes(records), { furnisherId, limits });
    assert.deepEqual(
      result.parts.map((p) => [p.batch.batchId, p.batch.records, p.firstRecord, p.lastRecord]),
      [
        ['parts.p1', 6, 2, 3],
        ['parts.p2', 6, 4, 5],
        ['parts.p3', 3, 6, 6],
      ],
    );
    assert.equal(result.accepted, 15);
    const before = await rowCounts(f.store);
    const again = await ingest(f.deps, 'parts', m2Bytes(records), { furnisherId, limits });
    assert.deepEqual(
      again.parts.map((p) => p.replayed),
      [true, true, true],
    );
    assert.deepEqual(await rowCounts(f.store), before);
    // A part cut by bytes: a record's lines (about 1 KB) never split.
    const byBytes = await ingest(f.deps, 'parts-bytes', m2Bytes(records), {
      furnisherId: next(),
      limits: { records: 1000, bytes: 1500 },
    });
    assert.ok(
      byBytes.parts.every((p) => p.batch.records === 3),
      'one record per part',
    );
    assert.equal(byBytes.parts.length, 5);
  });

  test('J1 and J2 with a valid SSN: associated persons with the account on their file', async () => {
    const furnisherId = next();
    const record = m2Record({
      base: { consumerAccountNumber: 'JOINT-1', ecoaCode: '2' },
      j1: [{}],
      j2: [{}],
    });
    const result = await ingest(f.deps, 'joint', m2Bytes([record]), { furnisherId });
    assert.deepEqual([result.lines, result.accepted], [9, 9]);
    const j1 = await personBySsn(f.store, f.cipher, J1_SSN);
    const j2 = await personBySsn(f.store, f.cipher, J2_SSN);
    assert.deepEqual(
      j1?.accounts.map((a) => [a.account_no, a.joint_loan]),
      [['JOINT-1/J1-1', 1]],
    );
    assert.deepEqual(
      j2?.accounts.map((a) => a.account_no),
      ['JOINT-1/J2-1'],
    );
    assert.deepEqual(j1?.attributes.name, ['JOHN DOE']);
    assert.deepEqual(j1?.attributes.address, ['100 MAIN ST, SPRINGFIELD, IL 62701']);
    assert.deepEqual(j2?.attributes.address, ['200 OAK AVE, APT 4, CHICAGO, IL 60601-1234']);
    assert.deepEqual(
      j2?.months.map((m) => [m.month, m.status, Number(m.balance_minor)]),
      [['2025-05', 'N', 1_450_000]],
    );
  });

  test('DA deletes the account and the associated copies; DF marks the deletion as fraud', async () => {
    const furnisherId = next();
    await ingest(
      f.deps,
      'del-open',
      m2Bytes([
        m2Record({ base: { consumerAccountNumber: 'DEL-A' }, j1: [{}] }),
        m2Record({ base: { consumerAccountNumber: 'DEL-F', socialSecurityNumber: '403110001' } }),
      ]),
      { furnisherId },
    );
    const result = await ingest(
      f.deps,
      'del',
      m2Bytes([
        m2Record({ base: { consumerAccountNumber: 'DEL-A', accountStatus: 'DA' }, j1: [{}] }),
        m2Record({
          base: {
            consumerAccountNumber: 'DEL-F',
            accountStatus: 'DF',
            socialSecurityNumber: null,
            dateBirth: '1980-04-12',
          },
        }),
      ]),
      { furnisherId },
    );
    assert.deepEqual([result.lines, result.accepted, result.rejected], [3, 3, 0]);
    const accounts = await f.store.db
      .selectFrom('accounts')
      .selectAll()
      .where('furnisher_id', '=', furnisherId)
      .orderBy('account_no')
      .execute();
    assert.deepEqual(
      accounts.map((a) => [a.account_no, a.state]),
      [
        ['DEL-A', 'deleted'],
        ['DEL-A/J1-1', 'deleted'],
        ['DEL-F', 'deleted'],
      ],
    );
    const versions = await f.store.db
      .selectFrom('account_versions')
      .innerJoin('accounts', (j) => j.onRef('accounts.account_id', '=', 'account_versions.account_id'))
      .select(['accounts.account_no', 'account_versions.change', 'account_versions.reason'])
      .where('accounts.furnisher_id', '=', furnisherId)
      .orderBy('accounts.account_no')
      .execute();
    assert.deepEqual(
      versions.map((v) => [v.account_no, v.change, v.reason]),
      [
        ['DEL-A', 'deletion', 'Metro 2 DA: account deleted by the furnisher (reason other than fraud)'],
        ['DEL-A/J1-1', 'deletion', 'Metro 2 DA: account deleted by the furnisher (reason other than fraud)'],
        ['DEL-F', 'deletion', 'Metro 2 DF: confirmed fraud'],
      ],
    );
    // DA for an account never furnished: a reject, as for a canonical deletion.
    const unknown = await ingest(
      f.deps,
      'del-unknown',
      m2Bytes([m2Record({ base: { consumerAccountNumber: 'NEVER', accountStatus: 'DA' } })]),
      { furnisherId },
    );
    assert.deepEqual(
      unknown.findings.map((x) => [x.rule, x.field, x.canonicalField, x.recordPosition]),
      [['DEL-TARGET-UNKNOWN', 'consumerAccountNumber', 'account_no', 43]],
    );
  });

  test('no SSN: every line rejected with M2-SSN-LINK, nothing placed, stored findings quote no value', async () => {
    const furnisherId = next();
    const before = await rowCounts(f.store);
    const record = m2Record({ base: { consumerAccountNumber: 'NOSSN-1', socialSecurityNumber: null } });
    const result = await ingest(f.deps, 'nossn', m2Bytes([record]), { furnisherId });
    assert.deepEqual(
      [result.records, result.recordsRejected, result.lines, result.accepted, result.rejected],
      [1, 1, 3, 0, 3],
    );
    const link = result.findings.filter((x) => x.rule === 'M2-SSN-LINK');
    assert.deepEqual(
      link.map((x) => [
        x.recordNumber,
        x.accountNumber,
        x.segment,
        x.field,
        x.filePosition,
        x.recordPosition,
        x.batchId,
        x.lines,
      ]),
      [[2, 'NOSSN-1', 'base', 'socialSecurityNumber', 428 + 297, 298, 'nossn.p1', [1, 2, 3]]],
    );
    assert.match(link[0]!.message, /issue 5/);
    const after = await rowCounts(f.store);
    assert.equal(after.persons, before.persons);
    assert.equal(after.rejects! - before.rejects!, 3);
    const rejects = await rejectsOf(furnisherId, 'nossn.p1');
    assert.deepEqual(
      rejects.map((r) => [r.line, r.kind, r.findings.map((x) => x.rule)]),
      [
        [1, 'identity', ['M2-SSN-LINK', 'REC-REQUIRED']],
        [2, 'account', ['M2-SSN-LINK', 'REC-REQUIRED']],
        [3, 'month', ['M2-SSN-LINK', 'MON-ACCOUNT-UNKNOWN']],
      ],
    );
    assert.match(
      rejects[0]!.findings[0]!.message,
      /^Metro 2 record 2, base\.socialSecurityNumber, byte 725: /,
    );
  });

  test('a record with a Metro 2 error: its lines are rejects at the Metro 2 positions; the next record is furnished', async () => {
    const furnisherId = next();
    const bad = m2Record({
      base: { consumerAccountNumber: 'BAD-1', accountStatus: '13', paymentRating: '0', currentBalance: 2233 },
    });
    const good = m2Record({ base: { consumerAccountNumber: 'GOOD-1', socialSecurityNumber: '404110001' } });
    const result = await ingest(f.deps, 'errors', m2Bytes([bad, good]), { furnisherId });
    assert.deepEqual(
      [result.records, result.recordsRejected, result.accepted, result.rejected],
      [2, 1, 3, 3],
    );
    const errors = result.findings.filter((x) => x.severity === 'error');
    assert.deepEqual(
      errors.map((x) => [
        x.rule,
        x.recordNumber,
        x.accountNumber,
        x.segment,
        x.field,
        x.filePosition,
        x.recordPosition,
        x.batchId,
        x.lines,
      ]),
      [['B-ZERO-BALANCE', 2, 'BAD-1', 'base', 'currentBalance', 428 + 154, 155, 'errors.p1', [1, 2, 3]]],
    );
    const rejects = await rejectsOf(furnisherId, 'errors.p1');
    assert.deepEqual(
      rejects.map((r) => [r.line, r.kind]),
      [
        [1, 'identity'],
        [2, 'account'],
        [3, 'month'],
      ],
    );
    const stored = rejects[2]!.findings[0]!;
    assert.deepEqual([stored.rule, stored.field], ['B-ZERO-BALANCE', 'base.currentBalance']);
    assert.match(stored.message, /^Metro 2 record 2, base\.currentBalance, byte 582: Statuses 13 and 61-65/);
    assert.ok(!stored.message.includes('2233'), 'stored findings quote no value');
    assert.ok(await personBySsn(f.store, f.cipher, '404110001'));
    assert.equal(
      (await personBySsn(f.store, f.cipher, SSN))?.accounts.some((a) => a.account_no === 'BAD-1'),
      false,
    );
  });

  test('canonical findings point at the Metro 2 field the value came from', async () => {
    const furnisherId = next();
    // '#' is Metro 2 text, not a canonical account number character; a digit in a name breaks IDN-NAME.
    const records = [
      m2Record({ base: { consumerAccountNumber: 'AC#1' } }),
      m2Record({
        base: { consumerAccountNumber: 'NAME-1', firstName: 'JANE2', socialSecurityNumber: '405110001' },
      }),
    ];
    const result = await ingest(f.deps, 'canonical', m2Bytes(records), { furnisherId });
    const view = result.findings.map((x) => [
      x.rule,
      x.recordNumber,
      x.segment,
      x.field,
      x.canonicalField,
      x.recordPosition,
      x.lines,
    ]);
    assert.deepEqual(view, [
      ['REC-TYPE', 2, 'base', 'consumerAccountNumber', 'account_no', 43, [2]],
      ['REC-TYPE', 2, 'base', 'consumerAccountNumber', 'account_no', 43, [3]],
      ['IDN-NAME', 3, 'base', 'surname', 'name', 232, [4]],
      ['IDN-NAME', 3, 'base', 'surname', 'name', 232, [5]],
      ['MON-ACCOUNT-UNKNOWN', 3, 'base', 'consumerAccountNumber', 'account_no', 43, [6]],
    ]);
    const rec2 = result.findings[0]!;
    assert.equal(rec2.filePosition, 428 + 42);
    // The same account number for another SSN later: ACC-PERSON-MISMATCH at the SSN.
    const other = await ingest(
      f.deps,
      'canonical-2',
      m2Bytes([m2Record({ base: { consumerAccountNumber: 'GOOD-X' } })]),
      { furnisherId },
    );
    assert.equal(other.rejected, 0);
    const moved = await ingest(
      f.deps,
      'canonical-3',
      m2Bytes([m2Record({ base: { consumerAccountNumber: 'GOOD-X', socialSecurityNumber: '406110001' } })]),
      { furnisherId },
    );
    assert.deepEqual(
      moved.findings.map((x) => [x.rule, x.field, x.recordPosition]),
      [['ACC-PERSON-MISMATCH', 'socialSecurityNumber', 298]],
    );
  });

  test('a reject fixed by a canonical line with "fixes" (US profile), then marked fixed', async () => {
    const furnisherId = next();
    const record = m2Record({ base: { consumerAccountNumber: 'FIX-1', socialSecurityNumber: null } });
    await ingest(f.deps, 'tofix', m2Bytes([record]), { furnisherId });
    const rejects = await rejectsOf(furnisherId, 'tofix.p1');
    const fixed = rejects.map((r) =>
      JSON.stringify({
        ...r.record,
        ...(r.kind === 'month' ? {} : { id_number: '407110001' }),
        fixes: `tofix.p1#${r.line}`,
      }),
    );
    const usDeps = onNow({ ...f.deps, profile: US_PROFILE });
    const result = await furnishBatch(usDeps, {
      furnisherId,
      batchId: 'tofix-fix',
      body: Buffer.from(fixed.join('\n')),
    });
    assert.deepEqual([result.batch.accepted, result.batch.rejected], [3, 0]);
    const after = await rejectsOf(furnisherId, 'tofix.p1');
    assert.deepEqual(
      after.map((r) => [r.status, r.fixedBy]),
      [
        ['fixed', { batchId: 'tofix-fix', line: 1 }],
        ['fixed', { batchId: 'tofix-fix', line: 2 }],
        ['fixed', { batchId: 'tofix-fix', line: 3 }],
      ],
    );
    const person = await personBySsn(f.store, f.cipher, '407110001');
    assert.deepEqual(
      person?.accounts.map((a) => a.account_no),
      ['FIX-1'],
    );
  });

  test('reported_on: the header activity date; without a header, the date of account information', async () => {
    const furnisherId = next();
    await ingest(
      f.deps,
      'noheader',
      m2Bytes(
        [
          m2Record({
            base: {
              consumerAccountNumber: 'NOHEAD',
              socialSecurityNumber: '408110001',
              dateAccountInformation: '2025-05-20',
            },
          }),
        ],
        null,
      ),
      { furnisherId },
    );
    const person = await personBySsn(f.store, f.cipher, '408110001');
    assert.deepEqual(
      person?.months.map((m) => [m.month, m.reported_on]),
      [['2025-05', '2025-05-20']],
    );
  });

  test('the canonical pipeline keeps the bureau profile (CN) after a Metro 2 ingest', async () => {
    const result = await furnish(f.deps, next(), 'cn-after', [identity({ id_number: ID_A })]);
    assert.equal(result.batch.accepted, 1);
  });

  describe('refused as a whole, nothing stored', () => {
    const refused = async (bytes: Buffer, code: string, batchId = 'refused') => {
      const before = await rowCounts(f.store);
      await assert.rejects(ingest(f.deps, batchId, bytes, { furnisherId: next() }), (e: unknown) => {
        assert.ok(e instanceof Metro2IngestError, String(e));
        assert.equal(e.code, code);
        assert.equal(e.status, 400);
        return true;
      });
      assert.deepEqual(await rowCounts(f.store), before);
    };
    test('not Metro 2', () => refused(Buffer.from('{"kind":"identity"}\n'), 'metro2_unreadable'));
    test('a header whose activity date cannot be read', async () => {
      const bytes = m2Bytes([m2Record()]);
      bytes.write('13322025', 47, 'latin1');
      await refused(bytes, 'metro2_header_unreadable');
    });
    test('no data record', () => refused(m2Bytes([]), 'empty_file'));
    test('a batch id with no room for the part suffix', () =>
      refused(m2Bytes([m2Record()]), 'invalid_batch_id', 'x'.repeat(MAX_METRO2_BATCH_ID_CHARS + 1)));
  });

  test('unparseable records are reported with their position; the others are furnished', async () => {
    const furnisherId = next();
    const good = m2Record({
      base: { consumerAccountNumber: 'AFTER-BAD', socialSecurityNumber: '409110001' },
    });
    const text = m2Bytes([m2Record(), good]).toString('latin1').split('\n');
    text[1] = text[1]!.slice(0, 200); // the first data record cut short: not readable
    const result = await ingest(f.deps, 'unparseable', Buffer.from(text.join('\n'), 'latin1'), {
      furnisherId,
    });
    assert.deepEqual([result.records, result.unparseable, result.accepted], [1, 1, 3]);
    const at = result.findings.find((x) => x.rule === 'FRAME-LENGTH');
    assert.deepEqual([at?.recordNumber, at?.filePosition, at?.batchId], [2, 428, null]);
  });
});
