// Writes the generated documents to docs/: the canonical furnishing format
// (docs/furnish-format.schema.json from RECORD_FIELDS, docs/furnish-rules.md from the rules) and
// the multi-lending indicators (docs/indicators.md from INDICATOR_DEFINITIONS).
// Run from the repository root: node --import tsx scripts/write-docs.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedDocs } from '../src/formats/canonical/json-schema.js';
import { INDICATORS_DOC_PATH, indicatorsMarkdown } from '../src/risk/indicators-markdown.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const doc of [...generatedDocs(), { path: INDICATORS_DOC_PATH, content: indicatorsMarkdown() }]) {
  const path = join(root, doc.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, doc.content, 'utf8');
  process.stdout.write(`wrote ${doc.path} (${Buffer.byteLength(doc.content, 'utf8')} bytes)\n`);
}
