import assert from 'node:assert/strict';
import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  createPiiCipher,
  generateMasterKey,
  openSealedBytes,
  parseMasterKey,
  sealBytesWith,
} from '../../src/identity/pii-cipher.js';

const KEY_A = Buffer.alloc(32, 0xa1);
const KEY_B = Buffer.alloc(32, 0xb2);
const SECRET = '11010519491231002X';

/** The sub-key the spec describes, derived here independently of the implementation. */
function subKey(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
}

test('hash matches the specified construction: HMAC-SHA256(HKDF(master, hash/v1), kind \\0 value), base64url', () => {
  const expected = createHmac('sha256', subKey(KEY_A, 'openbureau/hash/v1'))
    .update(`national_id\0${SECRET}`)
    .digest('base64url');
  assert.equal(createPiiCipher(KEY_A).hash('national_id', SECRET), expected);
  assert.match(expected, /^[A-Za-z0-9_-]{43}$/);
});

test('decrypt reads a value sealed by the specified construction (AES-256-GCM, v1.iv|tag|ciphertext)', () => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', subKey(KEY_A, 'openbureau/encrypt/v1'), iv);
  const body = Buffer.concat([cipher.update('张三 13800138000', 'utf8'), cipher.final()]);
  const sealed = 'v1.' + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  assert.equal(createPiiCipher(KEY_A).decrypt(sealed), '张三 13800138000');
});

test('property: encrypt then decrypt returns the value, for any Unicode string', () => {
  const cipher = createPiiCipher(KEY_A);
  fc.assert(
    fc.property(
      fc.oneof(fc.string({ unit: 'grapheme', maxLength: 64 }), fc.string({ maxLength: 300 })),
      (value) => {
        const sealed = cipher.encrypt(value);
        assert.ok(sealed.startsWith('v1.'));
        assert.match(sealed.slice(3), /^[A-Za-z0-9_-]+$/);
        assert.equal(Buffer.from(sealed.slice(3), 'base64url').length, 12 + 16 + Buffer.byteLength(value));
        assert.equal(cipher.decrypt(sealed), value);
      },
    ),
    { numRuns: 300 },
  );
});

test('encryption is randomised and does not reveal the value', () => {
  const cipher = createPiiCipher(KEY_A);
  const first = cipher.encrypt(SECRET);
  const second = cipher.encrypt(SECRET);
  assert.notEqual(first, second);
  assert.ok(!first.includes(SECRET));
  assert.ok(!Buffer.from(first.slice(3), 'base64url').toString('latin1').includes(SECRET));
  assert.equal(cipher.decrypt(first), SECRET);
  assert.equal(cipher.decrypt(second), SECRET);
});

test('hash is deterministic, separated by kind, and independent of the cipher instance', () => {
  const a = createPiiCipher(KEY_A);
  const again = createPiiCipher(Buffer.from(KEY_A));
  assert.equal(a.hash('national_id', SECRET), a.hash('national_id', SECRET));
  assert.equal(a.hash('national_id', SECRET), again.hash('national_id', SECRET));
  assert.notEqual(a.hash('national_id', SECRET), a.hash('mobile', SECRET));
  assert.notEqual(a.hash('ab', 'c'), a.hash('a', 'bc'));
  assert.notEqual(a.hash('name', '张三'), a.hash('name', '张四'));
  assert.throws(() => a.hash('', SECRET));
  assert.throws(() => a.hash('nat\0ional', SECRET));
});

test('property: equal strings of different kinds hash differently', () => {
  const cipher = createPiiCipher(KEY_A);
  fc.assert(
    fc.property(
      fc.string({ minLength: 1 }).filter((k) => !k.includes('\0')),
      fc.string({ minLength: 1 }).filter((k) => !k.includes('\0')),
      fc.string(),
      (kind1, kind2, value) => {
        fc.pre(kind1 !== kind2);
        assert.notEqual(cipher.hash(kind1, value), cipher.hash(kind2, value));
      },
    ),
  );
});

test('different master keys give different hashes and cannot read each other', () => {
  const a = createPiiCipher(KEY_A);
  const b = createPiiCipher(KEY_B);
  assert.notEqual(a.hash('national_id', SECRET), b.hash('national_id', SECRET));
  assert.throws(() => b.decrypt(a.encrypt(SECRET)), /authentication/);
});

test('the hash and encryption sub-keys differ from each other and from the master key', () => {
  const hashKey = subKey(KEY_A, 'openbureau/hash/v1');
  const encryptKey = subKey(KEY_A, 'openbureau/encrypt/v1');
  const plainHmac = createHmac('sha256', KEY_A).update(`national_id\0${SECRET}`).digest('base64url');
  const encryptKeyHmac = createHmac('sha256', encryptKey)
    .update(`national_id\0${SECRET}`)
    .digest('base64url');
  const actual = createPiiCipher(KEY_A).hash('national_id', SECRET);
  assert.notDeepEqual(hashKey, encryptKey);
  assert.notEqual(actual, plainHmac);
  assert.notEqual(actual, encryptKeyHmac);
});

test('property: any single bit flip in a sealed value is detected, and errors never contain the value', () => {
  const cipher = createPiiCipher(KEY_A);
  fc.assert(
    fc.property(fc.string({ maxLength: 40 }), fc.nat(), fc.integer({ min: 0, max: 7 }), (suffix, at, bit) => {
      const value = `PLAINTEXT-${suffix}`;
      const raw = Buffer.from(cipher.encrypt(value).slice(3), 'base64url');
      raw[at % raw.length]! ^= 1 << bit;
      const tampered = 'v1.' + raw.toString('base64url');
      assert.throws(
        () => cipher.decrypt(tampered),
        (error: unknown) => error instanceof Error && !error.message.includes('PLAINTEXT'),
      );
    }),
    { numRuns: 500 },
  );
});

test('truncated, malformed and unknown-version values are rejected with clear errors', () => {
  const cipher = createPiiCipher(KEY_A);
  const sealed = cipher.encrypt(SECRET);
  assert.throws(() => cipher.decrypt(sealed.slice(0, -4)), /authentication|truncated|malformed/);
  assert.throws(() => cipher.decrypt('v1.' + Buffer.alloc(27).toString('base64url')), /truncated|malformed/);
  assert.throws(() => cipher.decrypt('v1.'), /truncated|malformed/);
  assert.throws(() => cipher.decrypt(sealed + '!'), /base64url/);
  assert.throws(() => cipher.decrypt(sealed.replace('v1.', 'v2.')), /version v2/);
  assert.throws(() => cipher.decrypt(sealed.slice(3)), /format/);
  assert.throws(
    () => cipher.decrypt(SECRET),
    (error: unknown) => error instanceof Error && !error.message.includes(SECRET),
  );
});

test('the master key must be exactly 32 bytes', () => {
  for (const length of [0, 16, 31, 33, 64]) {
    assert.throws(() => createPiiCipher(Buffer.alloc(length, 1)), /32 bytes/, `length ${length}`);
  }
  assert.doesNotThrow(() => createPiiCipher(Buffer.alloc(32)));
});

test('parseMasterKey accepts hex, base64 and base64url of 32 bytes', () => {
  const key = Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 37 + 251) % 256));
  assert.deepEqual(parseMasterKey(key.toString('hex')), key);
  assert.deepEqual(parseMasterKey(key.toString('hex').toUpperCase()), key);
  assert.deepEqual(parseMasterKey(key.toString('base64')), key);
  assert.deepEqual(parseMasterKey(key.toString('base64').replace(/=+$/, '')), key);
  assert.deepEqual(parseMasterKey(key.toString('base64url')), key);
  assert.deepEqual(parseMasterKey(`  ${key.toString('hex')}\n`), key);
  const b64 = key.toString('base64');
  assert.ok(/[+/]/.test(b64), 'test key should exercise the non-url base64 alphabet');
});

test('property: parseMasterKey round-trips every 32-byte key in every accepted encoding', () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
      const key = Buffer.from(bytes);
      for (const encoding of ['hex', 'base64', 'base64url'] as const) {
        assert.deepEqual(parseMasterKey(key.toString(encoding)), key, encoding);
      }
    }),
  );
});

test('parseMasterKey rejects other lengths and garbage without echoing the text', () => {
  const bad = [
    'ab'.repeat(31),
    'ab'.repeat(33),
    'zz'.repeat(32),
    Buffer.alloc(31, 9).toString('base64'),
    Buffer.alloc(33, 9).toString('base64'),
    Buffer.alloc(32, 0xfb).toString('base64').replace('+', '-'),
    'not a key at all, really not',
    '',
  ];
  for (const text of bad) {
    assert.throws(
      () => parseMasterKey(text),
      (error: unknown) =>
        error instanceof Error &&
        /64 hex/.test(error.message) &&
        (text === '' || !error.message.includes(text)),
      JSON.stringify(text),
    );
  }
});

test('generateMasterKey gives 32 fresh random bytes usable as a key', () => {
  const a = generateMasterKey();
  const b = generateMasterKey();
  assert.equal(a.length, 32);
  assert.notDeepEqual(a, b);
  assert.deepEqual(parseMasterKey(a.toString('hex')), a);
  assert.equal(createPiiCipher(a).decrypt(createPiiCipher(a).encrypt(SECRET)), SECRET);
});

test('sealed bytes open under their own prefix only; the v1. prefix of values is not theirs', () => {
  const cipher = createPiiCipher(randomBytes(32));
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      const sealed = sealBytesWith(cipher.openingKey, bytes, 'z1.');
      assert.deepEqual(new Uint8Array(openSealedBytes(cipher.openingKey, sealed, 'z1.')), bytes);
      assert.throws(() => openSealedBytes(cipher.openingKey, sealed, 'y1.'), /expected format/);
    }),
  );
  assert.throws(() => sealBytesWith(cipher.openingKey, Buffer.from('x'), 'v1.'), RangeError);
  assert.throws(() => sealBytesWith(cipher.openingKey, Buffer.from('x'), 'Z!'), RangeError);
});
