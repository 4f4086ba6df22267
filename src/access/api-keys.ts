/**
 * API keys: 256 random bits, shown once, stored as a SHA-256 hash (a high-entropy key needs no
 * slow hash). The prefix tells keys apart in listings without revealing them.
 *
 * @example
 *   const key = generateApiKey(); // 'ob_...' (shown once)
 *   const stored = hashApiKey(key);
 */
import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_PREFIX = 'ob_';
/** Characters of a key kept in clear for listings. */
export const API_KEY_SHOWN_CHARS = 10;

export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** True for a string of the shape of an API key (cheap check before any lookup). */
export function looksLikeApiKey(value: string): boolean {
  return (
    value.startsWith(API_KEY_PREFIX) &&
    value.length === API_KEY_PREFIX.length + 43 &&
    /^[A-Za-z0-9_-]+$/.test(value.slice(3))
  );
}
