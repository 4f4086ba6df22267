import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { parseArffAttribute, splitArffValues } from '../../src/score/input/arff-syntax.js';
import { readTable } from '../../src/score/input/read-table.js';
import { tableToDataset } from '../../src/score/input/table-to-dataset.js';
import { parseDecimal } from '../../src/score/parse-decimal.js';

const dir = mkdtempSync(join(tmpdir(), 'score-input-'));
const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

test('decimal numbers as data files write them, nothing else', () => {
  assert.equal(parseDecimal(' 12.5 '), 12.5);
  assert.equal(parseDecimal('-.5'), -0.5);
  assert.equal(parseDecimal('1e3'), 1000);
  assert.equal(parseDecimal('7.'), 7);
  for (const text of ['', ' ', '0x10', 'Infinity', 'NaN', '1,000', '1e400', '12a', '--1'])
    assert.equal(parseDecimal(text), null, text);
});

test('CSV: types inferred, missing values, quoted fields, CRLF, a BOM, gzip', async () => {
  const csv =
    '\ufeffid,age,region,default\r\n1,31,"north, coast",0\r\n2,,south,1\r\n3,45.5,,0\r\n4,29,south,1\r\n';
  for (const path of [file('a.csv', csv), file('a.csv.gz', gzipSync(csv))]) {
    const table = await readTable(path);
    assert.equal(table.rows, 4);
    assert.deepEqual(
      table.columns.map((c) => [c.name, c.kind]),
      [
        ['id', 'numeric'],
        ['age', 'numeric'],
        ['region', 'categorical'],
        ['default', 'numeric'],
      ],
    );
    const prepared = tableToDataset(table, { target: 'default', bad: '1', exclude: ['id'] });
    assert.deepEqual(Array.from(prepared.dataset.bad), [0, 1, 0, 1]);
    assert.deepEqual(prepared.numeric, ['age']);
    assert.deepEqual(prepared.categorical, ['region']);
    const [age, region] = prepared.dataset.variables;
    assert.ok(age?.kind === 'numeric' && Number.isNaN(age.values[1]!) && age.values[2] === 45.5);
    assert.ok(region?.kind === 'categorical');
    assert.deepEqual(region.categories, ['north, coast', 'south']);
    assert.deepEqual(Array.from(region.codes), [0, 1, -1, 1]);
  }
});

test('the bad value matches as text or as a number', async () => {
  const table = await readTable(file('b.csv', 'x,y\n1,1.0\n2,0\n3,1\n'));
  assert.deepEqual(Array.from(tableToDataset(table, { target: 'y', bad: '1' }).dataset.bad), [1, 0, 1]);
});

test('CSV errors name the row and the column', async () => {
  const cases: [string, string, RegExp][] = [
    ['ragged.csv', 'a,b\n1,2\n3\n', /row 3: 1 values, the header has 2 columns/],
    ['quote.csv', 'a,b\n1,"2\n', /unterminated quoted field/],
    ['dup.csv', 'a,a\n1,2\n', /row 1: two columns named 'a'/],
    ['noname.csv', 'a,\n1,2\n', /row 1: column 2 has no name/],
    ['empty.csv', '', /empty file/],
  ];
  for (const [name, content, message] of cases)
    await assert.rejects(readTable(file(name, content)), message, name);
  const table = await readTable(file('t.csv', 'a,y\n1,bad\n2,\n3,good\n'));
  assert.throws(
    () => tableToDataset(table, { target: 'y', bad: 'bad' }),
    /row 3, column 'y': the outcome is missing/,
  );
  assert.throws(
    () => tableToDataset(table, { target: 'z', bad: 'bad' }),
    /target 'z' is not a column .* \(columns: a, y\)/,
  );
  assert.throws(() => tableToDataset(table, { target: 'a', bad: '9' }), /no row has a = '9'/);
  assert.throws(
    () => tableToDataset(table, { target: 'y', bad: 'bad', exclude: ['q'] }),
    /excluded column 'q'/,
  );
  await assert.rejects(readTable(join(dir, 'absent.csv')), /cannot read .*absent\.csv/);
  await assert.rejects(readTable(dir), /is not a file/);
  await assert.rejects(readTable(file('broken.csv.gz', Buffer.from([0x1f, 0x8b, 1, 2, 3]))), /cannot read/);
});

test('a text column with too many distinct values must be excluded, and the message says so', async () => {
  const lines = ['note,y'];
  for (let i = 0; i < 1200; i++) lines.push(`n${i},${i % 2}`);
  const table = await readTable(file('notes.csv', `${lines.join('\n')}\n`));
  assert.throws(
    () => tableToDataset(table, { target: 'y', bad: '1' }),
    /column 'note' is not numeric \(from row 2\) .* --exclude 'note'/,
  );
  assert.equal(
    tableToDataset(table, { target: 'y', bad: '1', exclude: ['note'] }).dataset.variables.length,
    0,
  );
});

test('ARFF syntax: quoted names and values, nominal lists, missing values', () => {
  assert.deepEqual(splitArffValues("'<0',6,?,radio/tv", 1), ['<0', '6', null, 'radio/tv']);
  assert.throws(() => splitArffValues("'it''s'", 7), /line 7: text after a quoted value/);
  assert.deepEqual(splitArffValues("\"a, b\", '?', 'x\\'y'", 1), ['a, b', '?', "x'y"]);
  assert.deepEqual(parseArffAttribute("@attribute checking_status { '<0', '0<=X<200', 'no checking'}", 2), {
    name: 'checking_status',
    kind: 'categorical',
    nominal: ['<0', '0<=X<200', 'no checking'],
  });
  assert.deepEqual(parseArffAttribute("@ATTRIBUTE 'credit amount' REAL", 3), {
    name: 'credit amount',
    kind: 'numeric',
    nominal: null,
  });
  assert.equal(parseArffAttribute('@attribute class{good,bad}', 4).kind, 'categorical');
  assert.throws(() => parseArffAttribute('@attribute bag relational', 5), /line 5: .* not supported/);
  assert.throws(() => splitArffValues("'open", 6), /line 6: unterminated/);
});

const ARFF = `% German-credit-like sample
@relation sample

@attribute checking { '<0', 'no checking'}
@attribute duration numeric
@attribute 'the class' {good, bad}

@data
'<0',6,good
'no checking',?,bad
% a comment among the rows
?,12,good
`;

test('ARFF: read, plain or gzipped; nominal attributes are categorical even when they look numeric', async () => {
  for (const path of [file('s.arff', ARFF), file('s.arff.gz', gzipSync(ARFF))]) {
    const table = await readTable(path);
    assert.equal(table.rows, 3);
    assert.deepEqual(
      table.columns.map((c) => [c.name, c.kind]),
      [
        ['checking', 'categorical'],
        ['duration', 'numeric'],
        ['the class', 'categorical'],
      ],
    );
    const prepared = tableToDataset(table, { target: 'the class', bad: 'bad' });
    assert.deepEqual(Array.from(prepared.dataset.bad), [0, 1, 0]);
    assert.equal(table.rowLabel(2), 'line 12');
  }
  const numbersAsNominal = await readTable(
    file('n.arff', '@attribute n {1,2}\n@attribute y {a,b}\n@data\n1,a\n2,b\n'),
  );
  assert.equal(numbersAsNominal.columns[0]!.kind, 'categorical');
});

test('ARFF errors name the line and the attribute', async () => {
  const cases: [string, RegExp][] = [
    ['@attribute a numeric\n@data\nx\n', /line 3, attribute 'a': a value that is not a number/],
    ['@attribute a {x,y}\n@data\nz\n', /line 3, attribute 'a': a value not among its declared values/],
    [
      '@attribute a numeric\n@attribute b numeric\n@data\n1\n',
      /line 4: 1 values, the header declares 2 attributes/,
    ],
    ['@attribute a numeric\n@data\n{0 1}\n', /line 3: sparse ARFF rows are not supported/],
    ['@attribute a numeric\n', /no @data section/],
    ['a,b\n1,2\n', /line 1: expected @relation, @attribute or @data/],
    ['@data\n1\n', /line 1: @data before any @attribute/],
    ['@attribute a numeric\n@attribute a numeric\n@data\n', /line 2: attribute 'a' declared twice/],
  ];
  for (const [content, message] of cases) await assert.rejects(readTable(file('bad.arff', content)), message);
});
