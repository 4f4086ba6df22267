import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadMasterKey } from '../../src/identity/key-store.js';
import { parseMasterKey } from '../../src/identity/pii-cipher.js';

const root = mkdtempSync(join(tmpdir(), 'openbureau-key-store-'));
after(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
function freshDir(): string {
  const dir = join(root, `case-${++counter}`);
  return dir;
}

function recorder(): { warn: (message: string) => void; messages: string[] } {
  const messages: string[] = [];
  return { warn: (message) => messages.push(message), messages };
}

const ENV_KEY = Buffer.alloc(32, 0x5e);
const posix = process.platform !== 'win32';

test('OPENBUREAU_MASTER_KEY wins over the key file and writes nothing', () => {
  const keyFile = join(freshDir(), 'master.key');
  const { warn, messages } = recorder();
  const loaded = loadMasterKey({ env: { OPENBUREAU_MASTER_KEY: ENV_KEY.toString('hex') }, keyFile, warn });
  assert.equal(loaded.source, 'env');
  assert.deepEqual(loaded.key, ENV_KEY);
  assert.equal(existsSync(keyFile), false, 'no key file may be generated when the env var is set');
  assert.deepEqual(messages, []);

  // Even when a key file exists, the environment wins.
  const other = recorder();
  loadMasterKey({ env: {}, keyFile, warn: other.warn });
  const again = loadMasterKey({ env: { OPENBUREAU_MASTER_KEY: ENV_KEY.toString('base64') }, keyFile, warn });
  assert.equal(again.source, 'env');
  assert.deepEqual(again.key, ENV_KEY);
});

test('an invalid OPENBUREAU_MASTER_KEY throws without echoing its value', () => {
  const value = 'this-is-not-a-valid-master-key';
  assert.throws(
    () =>
      loadMasterKey({
        env: { OPENBUREAU_MASTER_KEY: value },
        keyFile: join(freshDir(), 'k'),
        warn: () => {},
      }),
    (error: unknown) =>
      error instanceof Error &&
      error.message.includes('OPENBUREAU_MASTER_KEY') &&
      !error.message.includes(value),
  );
});

test('a key is generated once with mode 600, with a warning, and reused on the next call', () => {
  const keyFile = join(freshDir(), 'nested', 'dir', 'master.key');
  const first = recorder();
  const generated = loadMasterKey({ env: {}, keyFile, warn: first.warn });
  assert.equal(generated.source, 'generated');
  assert.equal(generated.path, keyFile);
  assert.equal(generated.key.length, 32);
  assert.equal(first.messages.length, 1);
  const warning = first.messages[0]!;
  assert.ok(warning.includes(keyFile), 'warning names the key file');
  assert.match(warning, /back/i);
  assert.match(warning, /unreadable/);
  assert.match(warning, /OPENBUREAU_MASTER_KEY/);
  assert.ok(!warning.includes(generated.key.toString('hex')), 'warning must not contain the key');

  assert.deepEqual(parseMasterKey(readFileSync(keyFile, 'utf8')), generated.key);
  if (posix) assert.equal(statSync(keyFile).mode & 0o777, 0o600);

  const second = recorder();
  const reused = loadMasterKey({ env: {}, keyFile, warn: second.warn });
  assert.equal(reused.source, 'file');
  assert.equal(reused.path, keyFile);
  assert.deepEqual(reused.key, generated.key);
  assert.deepEqual(second.messages, []);
});

test('an empty OPENBUREAU_MASTER_KEY counts as unset, with a warning', () => {
  const keyFile = join(freshDir(), 'master.key');
  const { warn, messages } = recorder();
  const loaded = loadMasterKey({ env: { OPENBUREAU_MASTER_KEY: '  ' }, keyFile, warn });
  assert.equal(loaded.source, 'generated');
  assert.equal(messages.length, 2);
  assert.match(messages[0]!, /empty/);
});

test('an existing key file in hex or base64 is read, trimmed', () => {
  const dir = freshDir();
  const key = Buffer.alloc(32, 0x3c);
  const hexFile = join(dir, 'hex.key');
  const b64File = join(dir, 'b64.key');
  loadMasterKey({ env: {}, keyFile: join(dir, 'seed.key'), warn: () => {} }); // creates dir
  writeFileSync(hexFile, `\n  ${key.toString('hex')}  \n`, { mode: 0o600 });
  writeFileSync(b64File, `${key.toString('base64')}\n`, { mode: 0o600 });
  for (const keyFile of [hexFile, b64File]) {
    const { warn, messages } = recorder();
    const loaded = loadMasterKey({ env: {}, keyFile, warn });
    assert.equal(loaded.source, 'file');
    assert.deepEqual(loaded.key, key);
    assert.deepEqual(messages, []);
  }
});

test('a key file readable by group or others triggers a chmod 600 warning', { skip: !posix }, () => {
  const keyFile = join(freshDir(), 'master.key');
  loadMasterKey({ env: {}, keyFile, warn: () => {} });
  chmodSync(keyFile, 0o644);
  const { warn, messages } = recorder();
  const loaded = loadMasterKey({ env: {}, keyFile, warn });
  assert.equal(loaded.source, 'file');
  assert.equal(messages.length, 1);
  assert.match(messages[0]!, /chmod 600/);
  assert.ok(messages[0]!.includes(keyFile));

  chmodSync(keyFile, 0o640);
  const group = recorder();
  loadMasterKey({ env: {}, keyFile, warn: group.warn });
  assert.equal(group.messages.length, 1);
});

test('an invalid key file throws a clear error naming the file and not the content', () => {
  const keyFile = join(freshDir(), 'master.key');
  loadMasterKey({ env: {}, keyFile, warn: () => {} });
  const content = 'garbage-garbage-garbage';
  writeFileSync(keyFile, content);
  assert.throws(
    () => loadMasterKey({ env: {}, keyFile, warn: () => {} }),
    (error: unknown) =>
      error instanceof Error && error.message.includes(keyFile) && !error.message.includes(content),
  );
});

test('distinct key files get distinct generated keys', () => {
  const a = loadMasterKey({ env: {}, keyFile: join(freshDir(), 'master.key'), warn: () => {} });
  const b = loadMasterKey({ env: {}, keyFile: join(freshDir(), 'master.key'), warn: () => {} });
  assert.equal(a.source, 'generated');
  assert.equal(b.source, 'generated');
  assert.notDeepEqual(a.key, b.key);
});
