// Writes the generated documents of the canonical furnishing format to docs/:
// docs/furnish-format.schema.json (from RECORD_FIELDS) and docs/furnish-rules.md (from the rules).
// Run from the repository root: node --import tsx scripts/write-docs.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedDocs } from '../src/formats/canonical/json-schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const doc of generatedDocs()) {
  const path = join(root, doc.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, doc.content, 'utf8');
  process.stdout.write(`wrote ${doc.path} (${Buffer.byteLength(doc.content, 'utf8')} bytes)\n`);
}
