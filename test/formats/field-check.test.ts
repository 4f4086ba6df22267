/**
 * Unit and property tests of the field checks (checkFieldValue) and of the JSON Lines parser
 * (parseJsonLines, parseLine): line splitting and numbering, line rules, value types, and that no
 * message ever quotes the value it rejects.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkFieldValue, describe as describeValue } from '../../src/formats/canonical/field-check.js';
import { MAX_AMOUNT_MINOR, MAX_LINE_BYTES } from '../../src/formats/canonical/limits.js';
import {
  type FieldType,
  fieldSpec,
  RECORD_FIELDS,
  RECORD_KINDS,
} from '../../src/formats/canonical/record-fields.js';
import { type ParsedLine, parseJsonLines, parseLine } from '../../src/furnish/parse-lines.js';

const parse = (body: Buffer | string): ParsedLine[] => [...parseJsonLines(body)];
const summary = (body: Buffer | string) =>
  parse(body).map((p) => ({ line: p.line, raw: p.raw, kind: p.kind, rules: p.findings.map((f) => f.rule) }));

function typeOf(kind: (typeof RECORD_KINDS)[number], name: string): FieldType {
  const spec = fieldSpec(kind, name);
  assert.ok(spec, `${kind}.${name} exists`);
  return spec.type;
}
const AMOUNT = typeOf('month', 'balance_minor');
const LOAN_AMOUNT = typeOf('account', 'amount_minor');
const DATE = typeOf('identity', 'reported_on');
const MONTH = typeOf('month', 'month');
const STATUS = typeOf('month', 'status');
const FIVE_CLASS = typeOf('month', 'five_class');
const NAME = typeOf('identity', 'name');
const ACCOUNT_NO = typeOf('month', 'account_no');
const FIXES = typeOf('month', 'fixes');
const JOINT = typeOf('account', 'joint_loan');
const SET = typeOf('correction', 'set');

describe('parseJsonLines: splitting and numbering', () => {
  const a = '{"kind":"identity"}';
  const b = '{"kind":"month"}';

  test('LF, CRLF, mixed, and with or without a final newline give the same records', () => {
    const expected = [
      { line: 1, raw: a, kind: 'identity', rules: [] },
      { line: 2, raw: b, kind: 'month', rules: [] },
    ];
    for (const body of [`${a}\n${b}`, `${a}\n${b}\n`, `${a}\r\n${b}`, `${a}\r\n${b}\r\n`, `${a}\r\n${b}\n`]) {
      assert.deepEqual(summary(body), expected, JSON.stringify(body));
    }
  });

  test('blank and white-space lines are skipped but counted in line numbers', () => {
    const body = `\n${a}\n\n   \n\t\r\n${b}\n\n`;
    assert.deepEqual(
      summary(body).map((p) => [p.line, p.kind]),
      [
        [2, 'identity'],
        [6, 'month'],
      ],
    );
  });

  test('a trailing newline adds no record and no line; a lone CR inside a line is not a break', () => {
    assert.equal(parse(`${a}\n`).length, 1);
    assert.equal(parse(`${a}\n\n\n`).length, 1);
    const crInside = parse(`{"kind":"identity",\r"name":"x"}`);
    assert.equal(crInside.length, 1, 'a CR alone does not split lines');
    assert.equal(crInside[0]!.kind, 'identity', 'CR is JSON white space');
    const twoCrs = parse(`${a}\r\r\n${b}`);
    assert.deepEqual(
      twoCrs.map((p) => [p.line, p.kind]),
      [
        [1, 'identity'],
        [2, 'month'],
      ],
    );
  });

  test('empty and blank bodies give no record', () => {
    for (const body of ['', '\n', '\r\n', '   ', ' \n \r\n\t'])
      assert.deepEqual(parse(body), [], JSON.stringify(body));
  });

  test('a Buffer is read as UTF-8, the same as the string', () => {
    const body = `{"kind":"identity","name":"王芳","address":"😀 北京"}\r\n\n{"kind":"month"}`;
    assert.deepEqual(parse(Buffer.from(body, 'utf8')), parse(body));
    assert.equal(parse(Buffer.from(body, 'utf8'))[0]!.record!.name, '王芳');
  });

  test('property: lines joined by LF or CRLF, with blank lines between, parse back with their numbers', () => {
    const record = fc
      .record({
        kind: fc.constantFrom(...RECORD_KINDS),
        text: fc.string({ unit: 'grapheme', maxLength: 20 }),
        n: fc.integer(),
      })
      .map((r) => JSON.stringify(r));
    const blank = fc.constantFrom('', ' ', '\t', '  \t ');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(record, blank), { maxLength: 20 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (lines, separator, finalNewline) => {
          const body = lines.join(separator) + (finalNewline ? separator : '');
          const expected = lines
            .map((raw, i) => ({ raw, line: i + 1 }))
            .filter((l) => l.raw.trim().length > 0);
          const got = parse(body);
          assert.deepEqual(
            got.map((p) => ({ raw: p.raw, line: p.line })),
            expected,
          );
          for (const p of got) {
            assert.deepEqual(p.findings, []);
            assert.deepEqual(p.record, JSON.parse(p.raw));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('property: any text parses without throwing; each line is a record or has line findings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.string({ unit: 'binary-ascii', maxLength: 200 }),
        ),
        (text) => {
          const got = parse(text);
          let previous = 0;
          for (const p of got) {
            assert.ok(p.line > previous, 'line numbers increase');
            previous = p.line;
            assert.ok(p.raw.trim().length > 0, 'blank lines are not yielded');
            assert.ok(!p.raw.includes('\n'));
            if (p.record) {
              assert.deepEqual(p.findings, []);
              assert.ok((RECORD_KINDS as readonly string[]).includes(p.kind));
            } else {
              assert.equal(p.findings.length, 1);
              assert.ok(['LINE-JSON', 'LINE-SIZE', 'REC-KIND'].includes(p.findings[0]!.rule));
              assert.equal(p.findings[0]!.line, p.line);
              assert.equal(p.kind, '');
            }
          }
          assert.ok(previous <= text.split('\n').length);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('parseLine: line rules', () => {
  test('anything but a JSON object is LINE-JSON', () => {
    for (const raw of [
      'null',
      '1',
      '-2.5',
      '"text"',
      'true',
      '[]',
      '[{"kind":"identity"}]',
      '{',
      '{"kind":"identity",}',
      "{'kind':'identity'}",
      '{"kind":"identity"} {}',
    ]) {
      const p = parseLine(raw, 7);
      assert.deepEqual(
        p.findings.map((f) => [f.line, f.field, f.rule]),
        [[7, '', 'LINE-JSON']],
        raw,
      );
      assert.equal(p.record, undefined);
      assert.equal(p.raw, raw);
    }
  });

  test('an object without a known kind is REC-KIND', () => {
    for (const raw of [
      '{}',
      '{"kind":"Identity"}',
      '{"kind":" identity"}',
      '{"kind":1}',
      '{"kind":null}',
      '{"kind":["month"]}',
      '{"Kind":"month"}',
    ]) {
      const p = parseLine(raw, 3);
      assert.deepEqual(
        p.findings.map((f) => [f.line, f.field, f.rule]),
        [[3, 'kind', 'REC-KIND']],
        raw,
      );
      assert.equal(p.kind, '');
    }
  });

  test('every record kind is a record', () => {
    for (const kind of RECORD_KINDS) {
      const p = parseLine(JSON.stringify({ kind, x: 1 }), 1);
      assert.deepEqual(p.findings, []);
      assert.equal(p.kind, kind);
      assert.deepEqual(p.record, { kind, x: 1 });
    }
  });

  test('LINE-SIZE counts UTF-8 bytes: MAX_LINE_BYTES passes, one byte more does not', () => {
    const prefix = '{"kind":"identity","pad":"';
    const room = (bytes: number) => bytes - Buffer.byteLength(`${prefix}"}`);
    const ascii = (bytes: number) => `${prefix}${'x'.repeat(room(bytes))}"}`;
    // 王 is 3 bytes (1 UTF-16 unit); 😀 is 4 bytes (2 UTF-16 units).
    const wide = (bytes: number) => {
      const n = Math.floor(room(bytes) / 3);
      return `${prefix}${'王'.repeat(n)}${'x'.repeat(room(bytes) - 3 * n)}"}`;
    };
    const emoji = (bytes: number) => {
      const n = Math.floor(room(bytes) / 4);
      return `${prefix}${'😀'.repeat(n)}${'x'.repeat(room(bytes) - 4 * n)}"}`;
    };
    for (const make of [ascii, wide, emoji]) {
      const fits = make(MAX_LINE_BYTES);
      const over = make(MAX_LINE_BYTES + 1);
      assert.equal(Buffer.byteLength(fits), MAX_LINE_BYTES);
      assert.equal(Buffer.byteLength(over), MAX_LINE_BYTES + 1);
      assert.deepEqual(parseLine(fits, 1).findings, [], `${make.name} at the limit`);
      assert.equal(parseLine(fits, 1).kind, 'identity');
      assert.deepEqual(
        parseLine(over, 1).findings.map((f) => f.rule),
        ['LINE-SIZE'],
        `${make.name} over the limit`,
      );
    }
    // A CRLF terminator is not part of the line.
    const atLimit = ascii(MAX_LINE_BYTES);
    assert.deepEqual(
      summary(`${atLimit}\r\n${atLimit}`).map((p) => p.rules),
      [[], []],
    );
  });

  test('a LINE-JSON message says what is wrong without quoting the line', () => {
    const secret = '11010519491231002X';
    const lines = [
      `{"kind":"identity","name":"王芳","id_number": +${secret}}`,
      `{"kind":"identity","name":"王芳","id_number": x${secret}}`,
      `{"name": "a", "k": [x${secret}]}`,
      `x{"id_number": "${secret}"}`,
      `{"id_number": "${secret}"`,
      `{"id_number": "${secret}`,
      `{"id_number": "${secret}\u0001"}`,
      `{"id_number": "${secret}\\q"}`,
      `{"id_number": ${secret}}`,
      `{"id_number": "${secret}" "x": 1}`,
      `{"id_number": "a"}${secret}`,
    ];
    for (const raw of lines) {
      const [finding] = parseLine(raw, 1).findings;
      assert.equal(finding?.rule, 'LINE-JSON', raw);
      for (let i = 0; i + 4 <= secret.length; i += 1)
        assert.ok(!finding.message.includes(secret.slice(i, i + 4)), `${finding.message} quotes the line`);
      assert.ok(finding.message.startsWith('not valid JSON'), finding.message);
    }
  });

  test('property: no line-rule message quotes the line', () => {
    const marker = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).map((s) => `§${s}§`);
    const token = fc.constantFrom('', '+', 'x', '-', '.', 'u', '王', '{', '[', '"', ',', ':', '\\', '\u0001');
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        token,
        marker,
        token,
        fc.string({ maxLength: 30 }),
        (before, t1, secret, t2, after) => {
          const raw = `${before}${t1}${secret}${t2}${after}`;
          for (const f of parseLine(raw, 1).findings) assert.ok(!f.message.includes('§'), f.message);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('checkFieldValue', () => {
  const ok = (type: FieldType, value: unknown) =>
    assert.equal(checkFieldValue(type, value), null, `${JSON.stringify(value)} fits ${type.kind}`);
  const bad = (type: FieldType, value: unknown) => {
    const problem = checkFieldValue(type, value);
    assert.equal(typeof problem, 'string', `${String(value)} does not fit ${type.kind}`);
    assert.ok(problem!.startsWith('expected'), problem!);
    return problem!;
  };

  test('integers: whole numbers in range; decimals, strings and out-of-range numbers are not', () => {
    for (const v of [0, 1, 600_000, MAX_AMOUNT_MINOR, 1e3, JSON.parse('1.0'), JSON.parse('2e2'), -0])
      ok(AMOUNT, v);
    assert.match(bad(AMOUNT, 6000.5), /no decimals.*decimal number/);
    assert.match(bad(AMOUNT, 0.1), /decimal/);
    assert.match(bad(AMOUNT, -1), /from 0 to/);
    assert.match(bad(AMOUNT, MAX_AMOUNT_MINOR + 1), /from 0 to/);
    assert.match(bad(AMOUNT, 1e300), /from 0 to/);
    for (const v of ['100', '', true, null, [], {}, [1], Number.NaN, Number.POSITIVE_INFINITY])
      bad(AMOUNT, v);
    bad(LOAN_AMOUNT, 0);
    ok(LOAN_AMOUNT, 1);
  });

  test('dates: real calendar dates YYYY-MM-DD from 1900 to 2199', () => {
    for (const v of [
      '2024-02-29',
      '2000-02-29',
      '2023-02-28',
      '1900-01-01',
      '2199-12-31',
      '2024-04-30',
      '2024-12-31',
    ])
      ok(DATE, v);
    for (const v of [
      '2023-02-29',
      '1900-02-29',
      '2100-02-29',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-01-00',
      '2024-01-32',
      '2024-1-01',
      '2024-01-1',
      '24-01-01',
      '2024/01/01',
      '20240101',
      '2024-01-01T00:00:00Z',
      ' 2024-01-01',
      '2024-01-01 ',
      '1899-12-31',
      '2200-01-01',
      '２０２４-01-01',
      '',
      20240101,
      null,
    ])
      bad(DATE, v);
  });

  test('property: a date fits exactly when it is a real day between 1900 and 2199', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1850, max: 2250 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const date = new Date(Date.UTC(y, m - 1, d));
          const real = m >= 1 && m <= 12 && d >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
          const inRange = y >= 1900 && y <= 2199;
          assert.equal(checkFieldValue(DATE, text) === null, real && inRange, text);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('months: YYYY-MM from 1900-01 to 2199-12', () => {
    for (const v of ['2024-12', '2024-01', '1900-01', '2199-12']) ok(MONTH, v);
    for (const v of [
      '2024-13',
      '2024-00',
      '2024-1',
      '2024-01-01',
      '202401',
      '1899-12',
      '2200-01',
      '2024/01',
      '',
      202401,
    ])
      bad(MONTH, v);
  });

  test('enums: the exact code, of the right JSON type', () => {
    for (const v of ['N', '1', '7', 'C', '*', '#', 'M']) ok(STATUS, v);
    for (const v of ['n', '8', 'X', 1, ' N', 'N ', '', null]) bad(STATUS, v);
    for (const v of [1, 2, 3, 4, 5, 9]) ok(FIVE_CLASS, v);
    for (const v of ['1', 0, 6, 1.5, true]) bad(FIVE_CLASS, v);
    assert.match(bad(STATUS, 'q'), /^expected one of "N", "1"/);
  });

  test('text: non-blank, at most maxChars characters (code points), matching the pattern', () => {
    ok(NAME, '王芳');
    ok(NAME, '王'.repeat(60));
    ok(NAME, '😀'.repeat(60)); // 60 characters, 120 UTF-16 units
    bad(NAME, '王'.repeat(61));
    bad(NAME, '😀'.repeat(61));
    for (const v of ['', ' ', '\t\n', 5, null, ['a'], { a: 1 }]) bad(NAME, v);
    for (const v of ['王\u0000芳', 'a\tb', 'line\nbreak', 'x\u007f', 'x\u0085']) bad(NAME, v);
    for (const v of ['L-1', 'EX.1:2/3_4', 'a', 'A'.repeat(64)]) ok(ACCOUNT_NO, v);
    for (const v of ['-L1', 'L 1', 'L#1', '王1', 'A'.repeat(65), '.a']) bad(ACCOUNT_NO, v);
    for (const v of ['b1#1', 'batch-2025.01:a#999999', `${'x'.repeat(64)}#12`]) ok(FIXES, v);
    for (const v of ['b1', 'b1#0', 'b1#01', 'b1#123456789', '#1', 'b 1#1', `${'x'.repeat(65)}#1`])
      bad(FIXES, v);
  });

  test('booleans and objects', () => {
    ok(JOINT, true);
    ok(JOINT, false);
    for (const v of ['true', 0, 1, null, []]) bad(JOINT, v);
    ok(SET, {});
    ok(SET, { a: 1 });
    for (const v of [[], null, 'x', 1, true]) bad(SET, v);
  });

  const ALL_TYPES: FieldType[] = [
    ...new Map(
      Object.values(RECORD_FIELDS)
        .flat()
        .map((f) => [
          JSON.stringify({ ...f.type, pattern: f.type.kind === 'text' ? String(f.type.pattern) : '' }),
          f.type,
        ]),
    ).values(),
  ];

  test('property: a message never quotes the string it rejects', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_TYPES),
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 })),
        (type, s) => {
          const value = `§${s}§`;
          const problem = checkFieldValue(type, value);
          if (problem === null) return; // free text fits
          assert.ok(!problem.includes('§'), problem);
          if (s.length >= 6) assert.ok(!problem.includes(s), problem);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('property: a message never quotes the number or the structure it rejects', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_TYPES),
        fc.oneof(
          fc.double({ noNaN: true, min: 1e6, max: 1e20 }).filter((n) => !Number.isInteger(n)),
          fc.integer({ min: 1_000_001, max: 2_000_000_000 }).map((n) => -n),
          fc.array(
            fc.string({ minLength: 6, maxLength: 10 }).map((s) => `§${s}`),
            { minLength: 1, maxLength: 2 },
          ),
          fc.dictionary(
            fc.string({ minLength: 1 }).map((s) => `§${s}`),
            fc.string().map((s) => `§${s}`),
            { minKeys: 1, maxKeys: 2 },
          ),
        ),
        (type, value) => {
          const problem = checkFieldValue(type, value);
          if (problem === null) return; // an object fits type object
          assert.ok(!problem.includes('§'), problem);
          if (typeof value === 'number') assert.ok(!problem.includes(String(value)), problem);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('describe names the type, never the value', () => {
    assert.equal(describeValue(null), 'null');
    assert.equal(describeValue([1]), 'an array');
    assert.equal(describeValue(1.5), 'a decimal number');
    assert.equal(describeValue(7), 'an integer out of range');
    assert.equal(describeValue('11010519491231002X'), 'a string');
    assert.equal(describeValue(true), 'a boolean');
    const ofObject = describeValue({ id: '11010519491231002X' });
    assert.match(ofObject, /object/);
    assert.ok(!ofObject.includes('1101'));
  });
});
