// Writes the generated documents of the Metro 2 format to docs/: docs/metro2-format.schema.json
// (from the layout tables) and docs/metro2-rules.md (from the rules).
// Run from the repository root: node --import tsx scripts/write-metro2-docs.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { metro2GeneratedDocs } from '../src/formats/metro2/rules-markdown.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const doc of metro2GeneratedDocs()) {
  const path = join(root, doc.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, doc.content, 'utf8');
  process.stdout.write(`wrote ${doc.path} (${Buffer.byteLength(doc.content, 'utf8')} bytes)\n`);
}
