/**
 * Where the PII master key comes from: the `OPENBUREAU_MASTER_KEY` environment variable, else a key
 * file, else a newly generated key written to that file (mode 600) with a loud warning.
 *
 * @example
 *   const { key, source } = loadMasterKey({
 *     env: process.env,
 *     keyFile: 'data/master.key',
 *     warn: (message) => console.warn(message),
 *   });
 *   const cipher = createPiiCipher(key);
 */

import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { generateMasterKey, parseMasterKey } from './pii-cipher.js';

/**
 * A master key and where it was found.
 *
 * @example
 *   const loaded: LoadedKey = { key: generateMasterKey(), source: 'generated', path: '/srv/ob/master.key' };
 */
export interface LoadedKey {
  key: Buffer;
  source: 'env' | 'file' | 'generated';
  /** The key file's absolute path, when the key came from (or was written to) a file. */
  path?: string;
}

const ENV_VAR = 'OPENBUREAU_MASTER_KEY';
/** How long to wait for another process that has just created the key file to finish writing it. */
const RACE_WAIT_MS = 1000;
const RACE_STEP_MS = 10;

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function parseKeyFile(path: string, text: string): Buffer {
  try {
    return parseMasterKey(text);
  } catch (error) {
    throw new Error(`master key file ${path} is not a valid key: ${(error as Error).message}`);
  }
}

/** Reads, checks and parses an existing key file; undefined if it does not exist. */
function readKeyFile(path: string, warn: (message: string) => void): LoadedKey | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    warn(
      `master key file ${path} is readable by group or others; restrict it with: chmod 600 ${JSON.stringify(path)}`,
    );
  }
  return { key: parseKeyFile(path, text.trim()), source: 'file', path };
}

/** Reads a key file another process has just created, waiting briefly until its content is written. */
function readRacedKeyFile(path: string, warn: (message: string) => void): LoadedKey {
  for (let waited = 0; ; waited += RACE_STEP_MS) {
    const text = readFileSync(path, 'utf8');
    if (text.trim() !== '' || waited >= RACE_WAIT_MS) break;
    sleepSync(RACE_STEP_MS);
  }
  const loaded = readKeyFile(path, warn);
  if (loaded === undefined) throw new Error(`master key file ${path} disappeared while it was being read`);
  return loaded;
}

/**
 * Loads the PII master key: from `env.OPENBUREAU_MASTER_KEY` if set (an empty value counts as unset,
 * with a warning); else from `keyFile` (warning if group/others can read it); else generates one and
 * writes it to `keyFile` as hex with mode 600, never overwriting a file another process created
 * first, and warns that the new key must be backed up. Errors never contain key material.
 *
 * @example
 *   loadMasterKey({ env: { OPENBUREAU_MASTER_KEY: 'ab'.repeat(32) }, keyFile: 'unused', warn: () => {} }).source
 *   // 'env'
 */
export function loadMasterKey(options: {
  env: NodeJS.ProcessEnv;
  keyFile: string;
  warn: (message: string) => void;
}): LoadedKey {
  const { env, warn } = options;
  const fromEnv = env[ENV_VAR];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    try {
      return { key: parseMasterKey(fromEnv), source: 'env' };
    } catch (error) {
      throw new Error(`${ENV_VAR} is not a valid key: ${(error as Error).message}`);
    }
  }
  if (fromEnv !== undefined) warn(`${ENV_VAR} is set but empty; ignoring it and using the key file instead`);

  const path = resolve(options.keyFile);
  const existing = readKeyFile(path, warn);
  if (existing !== undefined) return existing;

  const key = generateMasterKey();
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return readRacedKeyFile(path, warn);
    throw error;
  }
  warn(
    `WARNING: generated a new OpenBureau master key at ${path}. Back this file up now: losing it makes ` +
      `every stored national ID and other encrypted personal data unreadable, and lookups by hash stop ` +
      `matching. In production, set ${ENV_VAR} (from a secret manager) instead of relying on a generated key file.`,
  );
  return { key, source: 'generated', path };
}
