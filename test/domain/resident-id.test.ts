import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { todayUtc } from '../../src/domain/calendar.js';
import {
  checkResidentId,
  makeResidentId,
  normalizeResidentId,
  residentIdCheckCharacter,
} from '../../src/domain/resident-id.js';

// Reference data written out from the standard, independently of the implementation.
const PROVINCES =
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83 91'.split(
    ' ',
  );

const TODAY = '2024-06-30';
const WELL_KNOWN = '11010519491231002X';

/**
 * Independent check character: ISO 7064 MOD 11-2 says the full 18-character ID satisfies
 * sum(a_i * 2^(18-i)) ≡ 1 (mod 11), with X = 10. Try every candidate until one fits.
 */
function withCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * 2 ** (17 - i);
  for (const c of '0123456789X') {
    if ((sum + (c === 'X' ? 10 : Number(c))) % 11 === 1) return first17 + c;
  }
  throw new Error('unreachable: every residue has a check character');
}

const LONG_DIGIT_RUN = /\d{6,}/;

function assertSafeMessage(message: string, id: string): void {
  assert.ok(message.length > 0, 'message is empty');
  const trimmed = id.trim();
  if (trimmed.length >= 6) {
    assert.ok(!message.includes(trimmed), 'message contains the ID');
    assert.ok(!message.includes(trimmed.slice(0, 17)), 'message contains the first 17 characters');
  }
  assert.ok(!LONG_DIGIT_RUN.test(message), `message contains a long digit run: ${message}`);
}

function expectProblem(raw: string, problem: string, today = TODAY): void {
  const result = checkResidentId(raw, today);
  assert.equal(result.ok, false, 'expected rejection');
  if (result.ok) return;
  assert.equal(result.problem, problem);
  assertSafeMessage(result.message, raw);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A valid region code, birth date 1900..2020 and sequence, with the ID built by the test's own check. */
const validParts = fc
  .record({
    province: fc.constantFrom(...PROVINCES),
    rest: fc.integer({ min: 1, max: 9999 }),
    birth: fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2020-12-31T23:59:59Z'),
      noInvalidDate: true,
    }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, rest, birth, sequence }) => {
    const regionCode = province + pad(rest, 4);
    const birthDate = birth.toISOString().slice(0, 10);
    const id = withCheck(regionCode + birthDate.replaceAll('-', '') + pad(sequence, 3));
    return { regionCode, birthDate, sequence, id };
  });

test('the well-known ID 11010519491231002X is valid (checked by hand: sum 167, 167 mod 11 = 2, X)', () => {
  assert.equal(withCheck('11010519491231002'), WELL_KNOWN);
  assert.equal(residentIdCheckCharacter('11010519491231002'), 'X');
  assert.deepEqual(checkResidentId(WELL_KNOWN, TODAY), {
    ok: true,
    id: WELL_KNOWN,
    facts: { birthDate: '1949-12-31', sex: 'F', regionCode: '110105' },
  });
});

test('input is normalised: surrounding whitespace and a lowercase trailing x', () => {
  assert.equal(normalizeResidentId('  11010519491231002x\t'), WELL_KNOWN);
  assert.equal(normalizeResidentId('440524188001010014'), '440524188001010014');
  const result = checkResidentId(' 11010519491231002x ', TODAY);
  assert.equal(result.ok && result.id, WELL_KNOWN);
});

test('makeResidentId builds valid IDs with the right check character and facts', () => {
  assert.equal(makeResidentId('110105', '1949-12-31', 2), WELL_KNOWN);
  const male = makeResidentId('440305', '1990-02-28', 7);
  assert.equal(male, withCheck('44030519900228007'));
  assert.deepEqual(checkResidentId(male, TODAY), {
    ok: true,
    id: male,
    facts: { birthDate: '1990-02-28', sex: 'M', regionCode: '440305' },
  });
  assert.equal(makeResidentId('310101', '2000-02-29', 0).slice(14, 17), '000');
  assert.equal(makeResidentId('310101', '2000-02-29', 999).slice(14, 17), '999');
});

test('makeResidentId throws on bad input', () => {
  assert.throws(() => makeResidentId('11010', '1949-12-31', 2));
  assert.throws(() => makeResidentId('1101050', '1949-12-31', 2));
  assert.throws(() => makeResidentId('990105', '1949-12-31', 2));
  assert.throws(() => makeResidentId('110000', '1949-12-31', 2));
  assert.throws(() => makeResidentId('110105', '1949-02-30', 2));
  assert.throws(() => makeResidentId('110105', '1899-12-31', 2));
  assert.throws(() => makeResidentId('110105', '19491231', 2));
  assert.throws(() => makeResidentId('110105', '1949-12-31', -1));
  assert.throws(() => makeResidentId('110105', '1949-12-31', 1000));
  assert.throws(() => makeResidentId('110105', '1949-12-31', 1.5));
});

test('residentIdCheckCharacter rejects anything but 17 digits', () => {
  assert.throws(() => residentIdCheckCharacter('1101051949123100'));
  assert.throws(() => residentIdCheckCharacter('110105194912310021'));
  assert.throws(() => residentIdCheckCharacter('1101051949123100X'));
});

test('property: IDs with a correct check character pass, with the right facts', () => {
  fc.assert(
    fc.property(validParts, ({ regionCode, birthDate, sequence, id }) => {
      assert.deepEqual(checkResidentId(id, TODAY), {
        ok: true,
        id,
        facts: { birthDate, sex: sequence % 2 === 1 ? 'M' : 'F', regionCode },
      });
      assert.equal(makeResidentId(regionCode, birthDate, sequence), id);
      assert.equal(residentIdCheckCharacter(id.slice(0, 17)), id[17]);
    }),
    { numRuns: 2000 },
  );
});

test('property: any single-character change of a valid ID is rejected, without echoing it', () => {
  const change = validParts.chain(({ id }) =>
    fc
      .record({ position: fc.integer({ min: 0, max: 17 }), replacement: fc.constantFrom(...'0123456789X') })
      .filter(({ position, replacement }) => id[position] !== replacement)
      .map(({ position, replacement }) => ({
        id,
        changed: id.slice(0, position) + replacement + id.slice(position + 1),
      })),
  );
  fc.assert(
    fc.property(change, ({ changed }) => {
      const result = checkResidentId(changed, TODAY);
      assert.equal(result.ok, false, 'changed ID was accepted');
      if (!result.ok) assertSafeMessage(result.message, changed);
    }),
    { numRuns: 3000 },
  );
});

test('shape problems', () => {
  expectProblem('', 'shape');
  expectProblem(WELL_KNOWN.slice(0, 17), 'shape');
  expectProblem(WELL_KNOWN + '0', 'shape');
  expectProblem('1101051949123100XX', 'shape');
  expectProblem('11010519491231002Y', 'shape');
  expectProblem('110105 19491231002X', 'shape');
  expectProblem('１１０１０５１９４９１２３１００２Ｘ', 'shape');
  expectProblem(withCheck('11010519491231002').replace('1949', '19a9'), 'shape');
});

test('region problems: unknown province, province-only code', () => {
  expectProblem(withCheck('99010519491231002'), 'region');
  expectProblem(withCheck('00010519491231002'), 'region');
  expectProblem(withCheck('16010519491231002'), 'region');
  expectProblem(withCheck('11000019491231002'), 'region');
  for (const province of PROVINCES) {
    assert.equal(checkResidentId(withCheck(`${province}010119800101001`), TODAY).ok, true, province);
  }
});

test('birth date problems: not a date, before 1900, after today', () => {
  expectProblem(withCheck('11010519490230002'), 'birth_date');
  expectProblem(withCheck('11010519491301002'), 'birth_date');
  expectProblem(withCheck('11010519490100002'), 'birth_date');
  expectProblem(withCheck('11010519000229002'), 'birth_date');
  expectProblem(withCheck('11010518991231002'), 'birth_date');
  expectProblem(withCheck('11010520240701002'), 'birth_date');
  assert.equal(checkResidentId(withCheck('11010520240630002'), TODAY).ok, true, 'born today is fine');
  assert.equal(checkResidentId(withCheck('11010520000229002'), TODAY).ok, true, '2000 is a leap year');
});

test('birth date is compared with today (UTC) by default', () => {
  const future = todayUtc(new Date(Date.now() + 2 * 86_400_000)).replaceAll('-', '');
  expectProblem(withCheck(`110105${future}002`), 'birth_date', todayUtc());
  const result = checkResidentId(withCheck(`110105${future}002`));
  assert.equal(result.ok === false && result.problem, 'birth_date');
  assert.equal(checkResidentId(WELL_KNOWN).ok, true);
});

test('check character problem', () => {
  expectProblem('110105194912310021', 'check_character');
  expectProblem('110105194912310020', 'check_character');
  expectProblem('11010519491231003X', 'check_character');
});
