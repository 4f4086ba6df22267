/**
 * The writer and the reader are inverse: generated files (fast-check, any framing) give the same
 * model back, and the bytes read then written are the same bytes; so do the valid example file and
 * a Metro 2 file converted to JSON and back.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { readJsonText } from '../../../src/formats/metro2/json-input.js';
import { writeJsonDocument } from '../../../src/formats/metro2/json-write.js';
import { readMetro2 } from '../../../src/formats/metro2/read-metro2.js';
import { fileArbitrary } from './arbitraries.js';
import { bytesOf, chunked, exampleFile, readFile, TODAY } from './support.js';

const STRUCTURE = /^(FILE|FRAME|SEG|FIELD|T)-/;

test('model -> bytes -> model: generated files read back to the same model, without structural errors', async () => {
  await fc.assert(
    fc.asyncProperty(fileArbitrary, fc.integer({ min: 1, max: 5000 }), async (file, chunkSize) => {
      const bytes = bytesOf(file);
      const read = await readFile(chunked(bytes, chunkSize), TODAY);
      assert.deepEqual(read.file, file);
      const structural = read.findings.filter((f) => f.severity === 'error' && STRUCTURE.test(f.rule));
      assert.deepEqual(structural, []);
    }),
    { numRuns: 150 },
  );
});

test('bytes -> model -> bytes: what is read and written again is the same bytes', async () => {
  await fc.assert(
    fc.asyncProperty(fileArbitrary, async (generated) => {
      const bytes = bytesOf(generated);
      const once = await readFile(chunked(bytes, 700), TODAY);
      const again = bytesOf(once.file);
      assert.ok(again.equals(bytes), `${again.length} bytes written for ${bytes.length} read`);
    }),
    { numRuns: 150 },
  );
});

test('Metro 2 -> JSON -> Metro 2 gives the same bytes (streaming JSON writer, JSON reader)', async () => {
  await fc.assert(
    fc.asyncProperty(fileArbitrary, async (file) => {
      const bytes = bytesOf(file);
      let json = '';
      await writeJsonDocument(readMetro2(chunked(bytes), { validate: false }), (text) => {
        json += text;
        return undefined;
      });
      const read = readJsonText(json);
      assert.deepEqual(read.findings, []);
      assert.deepEqual(read.file, file);
      assert.ok(bytesOf(read.file!).equals(bytes));
    }),
    { numRuns: 60 },
  );
});

test('the example file reads back to its model and bytes', async () => {
  const file = exampleFile();
  const bytes = bytesOf(file);
  const read = await readFile(chunked(bytes), TODAY);
  assert.deepEqual(read.file, file);
  assert.deepEqual(read.findings, []);
  assert.ok(bytesOf(read.file).equals(bytes));
});
