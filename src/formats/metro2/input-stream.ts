/**
 * Opens what the reader reads: a file path (gzip-compressed files are inflated on the fly), a
 * Readable, or any async iterable of bytes; with `unwrap`, every CR and LF byte is removed first
 * (for files wrapped at a fixed width in transit). Chunks are at most READ_CHUNK_BYTES.
 *
 * @example
 *   for await (const chunk of openInput('file.dat')) scanner.push(chunk);
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { CR, LF } from './bytes.js';
import { READ_CHUNK_BYTES } from './limits.js';

export type Metro2Source = string | Readable | AsyncIterable<Uint8Array>;

/** Whether the file at `path` starts with the gzip magic bytes. */
export async function isGzipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** A file's bytes read into two buffers in turn: no allocation per chunk. A chunk is valid until the
 *  one after the next is read (the scanner keeps nothing of a chunk once it has the next). */
async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffers = [Buffer.allocUnsafe(READ_CHUNK_BYTES), Buffer.allocUnsafe(READ_CHUNK_BYTES)];
    for (let turn = 0; ; turn ^= 1) {
      const buf = buffers[turn]!;
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** The bytes of a source as Buffers of at most READ_CHUNK_BYTES. */
export async function* openInput(source: Metro2Source): AsyncGenerator<Buffer> {
  let input: AsyncIterable<Uint8Array | string>;
  if (typeof source === 'string') {
    if (!(await isGzipFile(source))) {
      yield* fileChunks(source);
      return;
    }
    input = createReadStream(source, { highWaterMark: READ_CHUNK_BYTES }).pipe(
      createGunzip({ chunkSize: 64 * 1024 }),
    );
  } else input = source as AsyncIterable<Uint8Array | string>;
  for await (const chunk of input) {
    const buf =
      typeof chunk === 'string'
        ? Buffer.from(chunk, 'latin1')
        : Buffer.isBuffer(chunk)
          ? chunk
          : Buffer.from(chunk);
    for (let at = 0; at < buf.length; at += READ_CHUNK_BYTES) yield buf.subarray(at, at + READ_CHUNK_BYTES);
  }
}

/** The bytes without CR and LF; `removed` counts what was taken out. */
export function withoutLineBreaks(chunk: Buffer, counter: { removed: number }): Buffer {
  let count = 0;
  for (let i = 0; i < chunk.length; i++) if (chunk[i] === CR || chunk[i] === LF) count++;
  if (count === 0) return chunk;
  const out = Buffer.allocUnsafe(chunk.length - count);
  let j = 0;
  for (let i = 0; i < chunk.length; i++) {
    const b = chunk[i]!;
    if (b !== CR && b !== LF) out[j++] = b;
  }
  counter.removed += count;
  return out;
}
