import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { CsvError, CsvParser, csvLine, readCsvFile } from '../../../src/identity/linkage/csv.js';

function parseChunks(chunks: string[]): string[][] {
  const rows: string[][] = [];
  const parser = new CsvParser((row) => rows.push(row));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return rows;
}

/** Splits text at the given cut points (any positions, even inside "" or \r\n). */
function cut(text: string, points: number[]): string[] {
  const sorted = [...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of sorted) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out;
}

test('quotes, embedded commas, quotes and line breaks, CRLF, BOM, blank lines, no final newline', () => {
  const text = '\ufeffid, name\r\n1,"Green, Mitchell"\r\n\r\n2,"say ""hi""\r\nthere"\n3,plain';
  assert.deepEqual(parseChunks([text]), [
    ['id', ' name'],
    ['1', 'Green, Mitchell'],
    ['2', 'say "hi"\r\nthere'],
    ['3', 'plain'],
  ]);
});

test('lenient where spreadsheets are: a quote inside an unquoted field, text after a closing quote', () => {
  assert.deepEqual(parseChunks(['a,b"c,"d"e\n']), [['a', 'b"c', 'de']]);
});

test('an unterminated quoted field is an error naming the row', () => {
  assert.throws(
    () => parseChunks(['a\n"open,\n']),
    (e: unknown) => e instanceof CsvError && /row 2/.test(e.message),
  );
});

test('property: rows written with csvLine read back the same, however the text is chunked', () => {
  const field = fc.string({
    unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', 'é', '张'),
    maxLength: 8,
  });
  const row = fc.array(field, { minLength: 1, maxLength: 5 });
  fc.assert(
    fc.property(
      fc.array(row, { minLength: 1, maxLength: 6 }),
      fc.array(fc.nat(), { maxLength: 6 }),
      (rows, points) => {
        const text = rows.map(csvLine).join('');
        assert.deepEqual(parseChunks(cut(text, points)), rows);
      },
    ),
    { numRuns: 1000 },
  );
});

test('readCsvFile streams a file and counts its rows', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'linkage-csv-'));
  const path = join(dir, 'people.csv');
  writeFileSync(
    path,
    `id,name\r\n${Array.from({ length: 3000 }, (_, k) => `${k},"n, ${k}"`).join('\r\n')}\r\n`,
  );
  const seen: string[][] = [];
  const rows = await readCsvFile(path, (row) => seen.push(row));
  assert.equal(rows, 3001);
  assert.deepEqual(seen[2999], ['2998', 'n, 2998']);
});
