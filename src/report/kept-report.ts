/**
 * How a served report is kept: its JSON compressed (raw deflate) and sealed (AES-256-GCM), as
 * `z1.` + base64url(IV | tag | ciphertext). A report of 15-20 KB of JSON keeps as 4-5 KB instead
 * of 20-27 KB (the grids and repeated keys compress well): less to write per pull, a quarter of the
 * storage over the years reports are kept. Reports kept before (sealed JSON, `v1.`) still open.
 *
 * @example
 *   const body = sealKeptReport(cipher.openingKey, json);
 *   openKeptReport(cipher.openingKey, body) === json; // true
 */
import type { KeyObject } from 'node:crypto';
import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import { openSealed, openSealedBytes, sealBytesWith } from '../identity/pii-cipher.js';

/** Format prefix of a kept report: JSON, raw deflate, sealed. */
export const KEPT_REPORT_PREFIX = 'z1.';
/** zlib level: 3 is within a few per cent of the best size at half the time of the default 6. */
export const KEPT_REPORT_DEFLATE_LEVEL = 3;
/** Largest report JSON opened, in bytes: a kept body never inflates past it. */
export const MAX_KEPT_REPORT_JSON_BYTES = 16 * 1024 * 1024;

/**
 * The kept form of a report's JSON.
 *
 * @example
 *   sealKeptReport(key, '{"header":{}}').startsWith('z1.'); // true
 */
export function sealKeptReport(key: KeyObject, json: string): string {
  const bytes = Buffer.from(json, 'utf8');
  if (bytes.length > MAX_KEPT_REPORT_JSON_BYTES)
    throw new RangeError(`a report of ${bytes.length} bytes is over the ${MAX_KEPT_REPORT_JSON_BYTES} kept`);
  return sealBytesWith(key, deflateRawSync(bytes, { level: KEPT_REPORT_DEFLATE_LEVEL }), KEPT_REPORT_PREFIX);
}

/**
 * The JSON of a kept report (either form); throws when it was tampered with or sealed under
 * another key.
 *
 * @example
 *   JSON.parse(openKeptReport(key, row.body_enc)).header.reportNumber;
 */
export function openKeptReport(key: KeyObject, body: string): string {
  if (!body.startsWith(KEPT_REPORT_PREFIX)) return openSealed(key, body);
  const compressed = openSealedBytes(key, body, KEPT_REPORT_PREFIX);
  return inflateRawSync(compressed, {
    maxOutputLength: MAX_KEPT_REPORT_JSON_BYTES,
    finishFlush: constants.Z_SYNC_FLUSH,
  }).toString('utf8');
}
