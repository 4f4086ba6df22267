/**
 * Keyed hashing and encryption of personal data (national IDs, names, mobiles, addresses). The
 * store keeps a lookup hash (to find a person by an exact value without storing the value) and an
 * encrypted copy (to show the value in a report).
 *
 * Two sub-keys are derived from one 32-byte master key with HKDF-SHA256, one for each purpose, so a
 * hash never reveals anything about the encryption key and vice versa.
 *
 * Errors thrown here never contain plaintext or key material.
 *
 * @example
 *   const cipher = createPiiCipher(generateMasterKey());
 *   const lookup = cipher.hash('national_id', '11010519491231002X');
 *   const sealed = cipher.encrypt('11010519491231002X'); // 'v1.…'
 *   cipher.decrypt(sealed); // '11010519491231002X'
 */

import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
  randomFillSync,
} from 'node:crypto';

/**
 * Hashes and seals personal data under one master key.
 *
 * @example
 *   const cipher: PiiCipher = createPiiCipher(parseMasterKey(process.env.OPENBUREAU_MASTER_KEY!));
 *   cipher.hash('mobile', '13800138000'); // 43 base64url characters
 */
export interface PiiCipher {
  /** Deterministic keyed hash (HMAC-SHA256) of `value` in the namespace `kind`, as base64url. */
  hash(kind: string, value: string): string;
  /** Encrypts `value` (AES-256-GCM, random IV) to a `v1.` sealed string. */
  encrypt(value: string): string;
  /** Decrypts a sealed string; throws if it was tampered with, truncated or sealed under another key. */
  decrypt(sealed: string): string;
  /** The key that opens sealed values, for a worker thread of this process (a KeyObject crosses
   *  threads by postMessage); never logged, stored or sent anywhere else. */
  readonly openingKey: KeyObject;
}

const MASTER_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION_PREFIX = 'v1.';
const HASH_INFO = 'openbureau/hash/v1';
const ENCRYPT_INFO = 'openbureau/encrypt/v1';
const BASE64URL = /^[A-Za-z0-9_-]*$/;
const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_ANY = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Random bytes drawn from the CSPRNG this many at a time, then handed out in IV-sized slices. */
const RANDOM_POOL_BYTES = 4096;
const randomPool = Buffer.alloc(RANDOM_POOL_BYTES);
let randomPoolOffset = RANDOM_POOL_BYTES;

/** A fresh random IV (each slice of the pool is handed out once). */
function randomIv(): Buffer {
  if (randomPoolOffset + IV_BYTES > RANDOM_POOL_BYTES) {
    randomFillSync(randomPool);
    randomPoolOffset = 0;
  }
  const iv = Buffer.from(randomPool.subarray(randomPoolOffset, randomPoolOffset + IV_BYTES));
  randomPoolOffset += IV_BYTES;
  return iv;
}

function deriveKey(masterKey: Buffer, info: string): KeyObject {
  const bytes = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, MASTER_KEY_BYTES));
  const key = createSecretKey(bytes);
  bytes.fill(0);
  return key;
}

/**
 * Creates a cipher from a 32-byte master key (throws on any other length). Sub-keys are derived once
 * here, not per call.
 *
 * @example
 *   const cipher = createPiiCipher(Buffer.alloc(32, 7));
 *   cipher.decrypt(cipher.encrypt('张三')); // '张三'
 */
export function createPiiCipher(masterKey: Buffer): PiiCipher {
  if (!(masterKey instanceof Uint8Array) || masterKey.length !== MASTER_KEY_BYTES) {
    const got = masterKey instanceof Uint8Array ? `${masterKey.length} bytes` : typeof masterKey;
    throw new RangeError(`PII master key must be exactly ${MASTER_KEY_BYTES} bytes (got ${got})`);
  }
  const hashKey = deriveKey(masterKey, HASH_INFO);
  const encryptKey = deriveKey(masterKey, ENCRYPT_INFO);

  return {
    hash(kind: string, value: string): string {
      if (typeof kind !== 'string' || kind.length === 0 || kind.includes('\0')) {
        throw new TypeError('PII hash kind must be a non-empty string without NUL characters');
      }
      if (typeof value !== 'string') throw new TypeError('PII hash value must be a string');
      return createHmac('sha256', hashKey)
        .update(kind)
        .update('\0')
        .update(value, 'utf8')
        .digest('base64url');
    },

    encrypt: (value: string): string => sealWith(encryptKey, value),

    decrypt: (sealed: string): string => openSealed(encryptKey, sealed),
    openingKey: encryptKey,
  };
}

/**
 * Seals a value with the encryption key (`PiiCipher.openingKey`): for a worker thread of this
 * process that stores sealed values (the SQLite report thread keeps each report served). Same
 * format and checks as `encrypt`.
 *
 * @example
 *   cipher.decrypt(sealWith(cipher.openingKey, '张三')); // '张三'
 */
export function sealWith(encryptKey: KeyObject, value: string): string {
  if (typeof value !== 'string') throw new TypeError('PII encrypt value must be a string');
  return sealRaw(encryptKey, value, VERSION_PREFIX);
}

/**
 * Seals bytes (AES-256-GCM, random IV) under a format prefix of the caller's (such as `z1.` for a
 * compressed report): `prefix` + base64url(IV | tag | ciphertext). openSealedBytes opens them.
 *
 * @example
 *   openSealedBytes(key, sealBytesWith(key, Buffer.from([1, 2]), 'z1.'), 'z1.'); // <Buffer 01 02>
 */
export function sealBytesWith(encryptKey: KeyObject, bytes: Uint8Array, prefix: string): string {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('sealBytesWith: bytes must be a Uint8Array');
  if (prefix === VERSION_PREFIX || !/^[a-z][a-z0-9]{0,6}\.$/.test(prefix))
    throw new RangeError(`sealBytesWith: a prefix of its own like 'z1.' is needed, got '${prefix}'`);
  return sealRaw(encryptKey, bytes, prefix);
}

function sealRaw(encryptKey: KeyObject, plain: string | Uint8Array, prefix: string): string {
  const iv = randomIv();
  const cipher = createCipheriv('aes-256-gcm', encryptKey, iv, { authTagLength: TAG_BYTES });
  const body = typeof plain === 'string' ? cipher.update(plain, 'utf8') : cipher.update(plain);
  cipher.final(); // GCM is a stream mode: final() adds no bytes, it computes the tag
  const tag = cipher.getAuthTag();
  return prefix + Buffer.concat([iv, tag, body]).toString('base64url');
}

/**
 * Opens bytes sealed by sealBytesWith under `prefix`; throws if they were tampered with,
 * truncated, sealed under another key, or carry another prefix.
 *
 * @example
 *   openSealedBytes(key, sealBytesWith(key, Buffer.from('x'), 'z1.'), 'z1.').toString(); // 'x'
 */
export function openSealedBytes(encryptKey: KeyObject, sealed: string, prefix: string): Buffer {
  if (typeof sealed !== 'string') throw new TypeError('PII sealed value must be a string');
  if (!sealed.startsWith(prefix))
    throw new Error(`sealed value is not in the expected format (prefix "${prefix}")`);
  return openRaw(encryptKey, sealed.slice(prefix.length));
}

/**
 * Opens a sealed value with the encryption key (`PiiCipher.openingKey`): for a worker thread of
 * this process that opens values read from the store. Same checks and errors as `decrypt`.
 *
 * @example
 *   openSealed(cipher.openingKey, cipher.encrypt('张三')); // '张三'
 */
export function openSealed(encryptKey: KeyObject, sealed: string): string {
  if (typeof sealed !== 'string') throw new TypeError('PII sealed value must be a string');
  if (!sealed.startsWith(VERSION_PREFIX)) {
    const dot = sealed.indexOf('.');
    const version = dot > 0 && dot <= 8 && /^v\d+$/.test(sealed.slice(0, dot)) ? sealed.slice(0, dot) : null;
    throw new Error(
      version === null
        ? 'PII sealed value is not in a known format (expected "v1." prefix)'
        : `PII sealed value has unsupported version ${version} (this build reads v1)`,
    );
  }
  return openRaw(encryptKey, sealed.slice(VERSION_PREFIX.length)).toString('utf8');
}

/** Opens base64url(IV | tag | ciphertext) (the part after a format prefix). */
function openRaw(encryptKey: KeyObject, encoded: string): Buffer {
  if (!BASE64URL.test(encoded)) throw new Error('PII sealed value is not valid base64url');
  const raw = Buffer.from(encoded, 'base64url');
  if (raw.length < IV_BYTES + TAG_BYTES || raw.toString('base64url') !== encoded) {
    throw new Error('PII sealed value is truncated or malformed');
  }
  const iv = raw.subarray(0, IV_BYTES);
  const tag = raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const body = raw.subarray(IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', encryptKey, iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tag);
  const head = decipher.update(body);
  let tail: Buffer;
  try {
    tail = decipher.final();
  } catch {
    head.fill(0);
    throw new Error(
      'PII sealed value failed authentication: it was tampered with, corrupted, or sealed under a different master key',
    );
  }
  return tail.length === 0 ? head : Buffer.concat([head, tail]);
}

/**
 * Parses a master key written as 64 hex characters, or as base64 / base64url (padded or not) of
 * exactly 32 bytes. Surrounding whitespace is ignored. The error never echoes the text.
 *
 * @example
 *   parseMasterKey('00'.repeat(32)).length // 32
 *   parseMasterKey(Buffer.alloc(32, 1).toString('base64')).length // 32
 */
export function parseMasterKey(text: string): Buffer {
  if (typeof text !== 'string') throw new TypeError('master key must be given as text');
  const trimmed = text.trim();
  if (HEX_KEY.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (BASE64_ANY.test(trimmed)) {
    const unpadded = trimmed.replace(/=+$/, '');
    const urlSafe = unpadded.replaceAll('+', '-').replaceAll('/', '_');
    const bytes = Buffer.from(urlSafe, 'base64url');
    // Round trip rejects mixed alphabets and non-canonical trailing bits that Buffer silently accepts.
    if (bytes.length === MASTER_KEY_BYTES && bytes.toString('base64url') === urlSafe) {
      const mixed = unpadded.includes('+') || unpadded.includes('/');
      const urlChars = unpadded.includes('-') || unpadded.includes('_');
      if (!(mixed && urlChars)) return bytes;
    }
  }
  throw new Error(
    `master key must be 64 hex characters or base64/base64url encoding exactly ${MASTER_KEY_BYTES} bytes ` +
      `(got ${trimmed.length} characters that are neither)`,
  );
}

/**
 * A new random 32-byte master key.
 *
 * @example
 *   generateMasterKey().toString('hex') // 64 hex characters
 */
export function generateMasterKey(): Buffer {
  return randomBytes(MASTER_KEY_BYTES);
}
