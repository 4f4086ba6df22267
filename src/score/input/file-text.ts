/**
 * Streams a file as text: checks its size against MAX_INPUT_BYTES, decompresses it when it is
 * gzipped (by its first two bytes, whatever its name), decodes UTF-8 and hands out chunks.
 * A file that cannot be opened or decompressed is a ScoreError naming the file.
 *
 * @example
 *   for await (const chunk of fileText('data.csv.gz')) parser.push(chunk);
 */
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { MAX_INPUT_BYTES, MAX_LINE_CHARS } from '../limits.js';
import { ScoreError } from '../score-error.js';

function isGzip(path: string): boolean {
  const head = Buffer.alloc(2);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/**
 * The file's text in chunks (1 MiB reads).
 *
 * @example
 *   let text = ''; for await (const chunk of fileText('small.arff')) text += chunk;
 */
export async function* fileText(path: string): AsyncGenerator<string> {
  let gzip: boolean;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new ScoreError(`${path} is not a file`);
    if (stat.size > MAX_INPUT_BYTES)
      throw new ScoreError(`${path}: ${stat.size} bytes, limit ${MAX_INPUT_BYTES}`);
    gzip = isGzip(path);
  } catch (error) {
    if (error instanceof ScoreError) throw error;
    throw new ScoreError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const stream = gzip ? file.pipe(createGunzip()) : file;
  if (gzip) file.on('error', (error) => stream.destroy(error));
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      bytes += buffer.length;
      if (bytes > MAX_INPUT_BYTES)
        throw new ScoreError(`${path}: more than ${MAX_INPUT_BYTES} bytes of text`);
      const text = decoder.decode(buffer, { stream: true });
      if (text.length > 0) yield text;
    }
  } catch (error) {
    if (error instanceof ScoreError) throw error;
    throw new ScoreError(`cannot read ${path}: ${(error as Error).message}`);
  } finally {
    stream.destroy();
    file.destroy();
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

/**
 * The file's lines (LF or CRLF), numbered from 1.
 *
 * @example
 *   for await (const [line, number] of fileLines('data.arff')) handle(line, number);
 */
export async function* fileLines(path: string): AsyncGenerator<[string, number]> {
  let pending = '';
  let number = 0;
  for await (const chunk of fileText(path)) {
    pending += chunk;
    let start = 0;
    for (let newline = pending.indexOf('\n'); newline >= 0; newline = pending.indexOf('\n', start)) {
      const end = newline > start && pending[newline - 1] === '\r' ? newline - 1 : newline;
      yield [pending.slice(start, end), ++number];
      start = newline + 1;
    }
    pending = pending.slice(start);
    if (pending.length > MAX_LINE_CHARS)
      throw new ScoreError(`${path}: line ${number + 1} is longer than ${MAX_LINE_CHARS} characters`);
  }
  if (pending.length > 0) yield [pending.endsWith('\r') ? pending.slice(0, -1) : pending, ++number];
}
