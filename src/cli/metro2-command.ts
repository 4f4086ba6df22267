/**
 * `openbureau metro2`: validate, convert and print Metro 2 files (character format; JSON in
 * openbureau's or moov-io/metro2's shape; gzip-compressed input is inflated). Nothing is stored:
 * these commands need no database.
 *
 * @example
 *   openbureau metro2 validate 2025-05.dat --json     # exit 0 valid, 1 errors, 2 unreadable
 *   openbureau metro2 convert 2025-05.dat 2025-05.json
 *   openbureau metro2 print 2025-05.dat
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, statSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { Readable } from 'node:stream';
import {
  computeTrailer,
  encodeFile,
  inputKind,
  type Metro2Finding,
  readJsonFile,
  readMetro2,
  validateMetro2,
  validateMetro2Json,
  writeJsonDocument,
} from '../formats/metro2/index.js';
import { printLines } from '../formats/metro2/print-metro2.js';
import { isValid, reportJson, reportText } from '../formats/metro2/report-output.js';
import { options } from './main.js';

export interface CommandIo {
  stdout: Writable;
  stderr: Writable;
}

const USAGE = `usage:
  openbureau metro2 validate FILE [--json] [--unwrap] [--today YYYY-MM-DD]
  openbureau metro2 convert IN OUT [--unwrap] [--compute-trailer]
  openbureau metro2 print FILE [--unwrap] [--today YYYY-MM-DD]
`;
/** Conversion findings printed on stderr (all are counted). */
const FINDINGS_SHOWN = 20;

async function writeTo(stream: Writable, text: string | Buffer): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

function readable(file: string, io: CommandIo): boolean {
  if (existsSync(file) && statSync(file).isFile()) return true;
  io.stderr.write(`openbureau: cannot read ${file}\n`);
  return false;
}

async function validate(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = options(args, {
    json: { type: 'boolean', default: false },
    unwrap: { type: 'boolean', default: false },
    today: { type: 'string' },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    io.stderr.write(USAGE);
    return 2;
  }
  if (!readable(file, io)) return 2;
  const kind = await inputKind(file);
  const opts = { unwrap: values.unwrap, today: values.today };
  const report = kind === 'json' ? await validateMetro2Json(file, opts) : await validateMetro2(file, opts);
  if (values.json) await writeTo(io.stdout, `${JSON.stringify(reportJson(report, file, kind), null, 2)}\n`);
  else await writeTo(io.stdout, reportText(report, file));
  if (!report.summary.readable) return 2;
  return isValid(report) ? 0 : 1;
}

function showFindings(findings: readonly Metro2Finding[], io: CommandIo): void {
  for (const f of findings.slice(0, FINDINGS_SHOWN))
    io.stderr.write(
      `  ${f.severity} ${f.rule}${f.recordNumber ? ` record ${f.recordNumber}` : ''}${f.field ? ` ${f.segment}.${f.field}` : ''}: ${f.message}\n`,
    );
  if (findings.length > FINDINGS_SHOWN)
    io.stderr.write(`  ... and ${findings.length - FINDINGS_SHOWN} more\n`);
}

async function closeStream(stream: Writable): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

async function convert(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = options(args, {
    unwrap: { type: 'boolean', default: false },
    'compute-trailer': { type: 'boolean', default: false },
  });
  const [input, output] = positionals;
  if (!input || !output || positionals.length > 2) {
    io.stderr.write(USAGE);
    return 2;
  }
  if (!readable(input, io)) return 2;
  const kind = await inputKind(input);
  const outputJson = /\.json$/i.test(output);
  if ((kind === 'json') === outputJson) {
    io.stderr.write(
      `openbureau: ${input} is ${kind === 'json' ? 'JSON' : 'Metro 2'}: convert writes the other format (name the output ${kind === 'json' ? '*.dat or *.txt' : '*.json'})\n`,
    );
    return 2;
  }
  if (kind === 'json') {
    const read = await readJsonFile(input);
    if (!read.file) {
      showFindings(read.findings, io);
      return 2;
    }
    const file = read.file;
    if (values['compute-trailer'] || !file.trailer) file.trailer = computeTrailer(file);
    const out = createWriteStream(output);
    for (const bytes of encodeFile(file)) await writeTo(out, bytes);
    await closeStream(out);
    const errors = read.findings.filter((f) => f.severity === 'error').length;
    io.stderr.write(
      `${input} -> ${output}: ${file.data.length} data records written (Metro 2), ${read.findings.length} findings\n`,
    );
    showFindings(read.findings, io);
    return errors > 0 || read.unreadable > 0 ? 1 : 0;
  }
  const out = createWriteStream(output);
  const findings: Metro2Finding[] = [];
  const summary = await writeJsonDocument(
    readMetro2(input, { validate: false, unwrap: values.unwrap }),
    (text) => writeTo(out, text),
    (list) => {
      for (const f of list) if (findings.length < FINDINGS_SHOWN + 1) findings.push(f);
    },
  );
  await closeStream(out);
  io.stderr.write(
    `${input} -> ${output}: ${summary.records} data records written (JSON), ${summary.unparseable} not read, ${summary.errors} errors, ${summary.warnings} warnings (validate for every check)\n`,
  );
  showFindings(findings, io);
  if (!summary.readable) return 2;
  return summary.errors > 0 ? 1 : 0;
}

async function print(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = options(args, {
    unwrap: { type: 'boolean', default: false },
    today: { type: 'string' },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    io.stderr.write(USAGE);
    return 2;
  }
  if (!readable(file, io)) return 2;
  let source: string | Readable = file;
  if ((await inputKind(file)) === 'json') {
    const read = await readJsonFile(file);
    showFindings(read.findings, io);
    if (!read.file) return 2;
    source = Readable.from(encodeFile(read.file));
  }
  let errors = 0;
  let unreadable = false;
  async function* counted() {
    for await (const item of readMetro2(source, { unwrap: values.unwrap, today: values.today })) {
      if (item.kind === 'end') {
        errors = item.summary.errors;
        unreadable = !item.summary.readable;
      }
      yield item;
    }
  }
  for await (const text of printLines(counted())) await writeTo(io.stdout, text);
  return unreadable ? 2 : errors > 0 ? 1 : 0;
}

export async function metro2Command(
  args: string[],
  io: CommandIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'validate':
      return validate(rest, io);
    case 'convert':
      return convert(rest, io);
    case 'print':
      return print(rest, io);
    default:
      io.stderr.write(USAGE);
      return 2;
  }
}
