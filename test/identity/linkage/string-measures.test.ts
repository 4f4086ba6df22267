import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { hanNearMiss, hasHan, tonelessPinyin } from '../../../src/identity/linkage/han-names.js';
import {
  characterMask,
  jaro,
  jaroWinkler,
  jaroWinklerAtLeast,
} from '../../../src/identity/linkage/jaro-winkler.js';
import { nysiis } from '../../../src/identity/linkage/nysiis.js';

const close = (actual: number, expected: number, digits = 3): void =>
  assert.ok(Math.abs(actual - expected) < 10 ** -digits, `${actual} is not ${expected}`);

test('Jaro and Jaro-Winkler of the textbook examples', () => {
  close(jaro('martha', 'marhta'), 0.944);
  close(jaroWinkler('martha', 'marhta'), 0.961);
  close(jaroWinkler('dwayne', 'duane'), 0.84);
  close(jaroWinkler('dixon', 'dicksonx'), 0.813);
  assert.equal(jaroWinkler('', ''), 1);
  assert.equal(jaroWinkler('abc', ''), 0);
  assert.equal(jaroWinkler('abc', 'xyz'), 0);
});

const word = fc.string({ unit: fc.constantFrom(...'abcdeilmnorstu张伟'), maxLength: 14 });

test('property: Jaro-Winkler is symmetric, in [0, 1], and 1 exactly for equal strings', () => {
  fc.assert(
    fc.property(word, word, (a, b) => {
      const ab = jaroWinkler(a, b);
      assert.equal(ab, jaroWinkler(b, a));
      assert.ok(ab >= 0 && ab <= 1);
      assert.equal(jaroWinkler(a, a), 1);
      if (a !== b) assert.ok(ab < 1);
    }),
    { numRuns: 2000 },
  );
});

test('property: the mask bound never hides a Jaro-Winkler at or above the floor', () => {
  fc.assert(
    fc.property(word, word, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, floor) => {
      const exact = jaroWinkler(a, b);
      const bounded = jaroWinklerAtLeast(a, b, characterMask(a), characterMask(b), floor);
      if (exact >= floor) assert.equal(bounded, exact);
      else assert.ok(bounded === 0 || bounded === exact);
    }),
    { numRuns: 2000 },
  );
});

test('NYSIIS codes of known names', () => {
  const full: Record<string, string> = {
    Knight: 'NAGT',
    Mitchell: 'MATCAL',
    Macintosh: 'MCANT',
    Phillipson: 'FALAPSAN',
    Schoenhoeft: 'SANAFT',
    Smith: 'SNAT',
    Smyth: 'SNYT',
    Hathaway: 'HATY',
  };
  for (const [name, code] of Object.entries(full)) assert.equal(nysiis(name, 0), code, name);
  assert.equal(nysiis('Phillipson'), 'FALAPS');
  assert.equal(nysiis('MITCHELL'), nysiis('mitchell'));
  assert.equal(nysiis('Catherine'), nysiis('Katherine'));
  assert.equal(nysiis('José'), nysiis('Jose'));
  assert.equal(nysiis(''), '');
  assert.equal(nysiis('42'), '');
});

test('property: a NYSIIS code is upper-case letters, at most 6, starting like the name', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 1, maxLength: 12 }),
      (name) => {
        const code = nysiis(name);
        assert.match(code, /^[A-Z]{1,6}$/);
        assert.equal(nysiis(name.toUpperCase()), code);
      },
    ),
  );
});

test('Han names: detection, toneless pinyin from the small table, near misses', () => {
  assert.ok(hasHan('张伟'));
  assert.ok(!hasHan('Zhang Wei'));
  assert.equal(tonelessPinyin('张伟'), 'zhangwei');
  assert.equal(tonelessPinyin('Zhāng Wěi'), 'zhangwei');
  assert.equal(tonelessPinyin('章伟'), 'zhangwei');
  assert.equal(tonelessPinyin('吕'), tonelessPinyin('Lǚ'));
  assert.equal(tonelessPinyin('李䶮'), null);
  assert.ok(hanNearMiss('王小明', '王晓明'));
  assert.ok(hanNearMiss('王明', '明王'));
  assert.ok(!hanNearMiss('王明', '王明明'));
  assert.ok(!hanNearMiss('王小明', '李晓明'));
});
