/**
 * docs/fraud-signals.md agrees with the code: every signal has a row, and each row's default
 * threshold is the one of DEFAULT_FRAUD_THRESHOLDS (the CN and US profiles use them).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CHINA_PROFILE, US_PROFILE } from '../../../src/domain/jurisdiction.js';
import { FRAUD_SIGNAL_IDS, type FraudSignalId } from '../../../src/identity/fraud/fraud-signal.js';
import { DEFAULT_FRAUD_THRESHOLDS as T } from '../../../src/identity/fraud/fraud-thresholds.js';

const DOC = readFileSync(new URL('../../../docs/fraud-signals.md', import.meta.url), 'utf8');

const perWindow = (values: Readonly<Record<string, number>>) => {
  const list = Object.values(values);
  return new Set(list).size === 1 ? String(list[0]) : list.join(', ');
};

const EXPECTED: Record<FraudSignalId, string> = {
  'FS-MOBILES-PER-ID': perWindow(T.mobilesPerId),
  'FS-IDS-PER-MOBILE': perWindow(T.idsPerMobile),
  'FS-NAMES-PER-ID': perWindow(T.namesPerId),
  'FS-IDS-PER-ADDRESS': perWindow(T.idsPerAddress),
  'FS-ID-BIRTH-DATE-MISMATCH': String(T.idBirthDateMismatches),
  'FS-ID-SEX-MISMATCH': String(T.idSexMismatches),
  'FS-SAME-NAME-BIRTH-DATE': perWindow(T.idsPerNameBirthDate),
  'FS-MOBILE-CHANGES': perWindow(T.mobileChanges),
  'FS-INQUIRY-VELOCITY': perWindow(T.hardInquiries),
  'FS-FRAUD-RING': `${T.ring.minMembers} members`,
  'FS-FRAUD-RING-DEFAULT': `${T.ring.defaultShare_pct} %`,
};

test('every signal has a row in docs/fraud-signals.md with the default threshold of the code', () => {
  for (const id of FRAUD_SIGNAL_IDS) {
    const row = DOC.split('\n').find((l) => l.startsWith(`| ${id} |`));
    assert.ok(row, `${id} has a row`);
    assert.equal(row.split('|')[3]!.trim(), EXPECTED[id], `${id} default threshold`);
  }
});

test('both profiles carry fraud thresholds', () => {
  assert.equal(CHINA_PROFILE.fraudThresholds, T);
  assert.equal(US_PROFILE.fraudThresholds.hardInquiries['1d'], 4);
});
