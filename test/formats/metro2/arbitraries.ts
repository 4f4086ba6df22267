/**
 * fast-check arbitraries of Metro 2 models, built from the layout tables: every field gets a value
 * its field check accepts (digits in range, codes from the code list, real dates, text in the
 * Metro 2 character set), so generated files are valid in structure. Business rules across fields
 * are not aimed at: the round trip does not depend on them.
 */
import fc from 'fast-check';
import type { FieldSpec, SegmentLayout } from '../../../src/formats/metro2/field-types.js';
import { BASE_LAYOUT } from '../../../src/formats/metro2/layout-base.js';
import { HEADER_LAYOUT } from '../../../src/formats/metro2/layout-header.js';
import { SEGMENT_LAYOUTS } from '../../../src/formats/metro2/layout-segments.js';
import { DESCRIPTOR_BYTES, FIXED_RECORD_BYTES } from '../../../src/formats/metro2/limits.js';
import type {
  LineSeparator,
  Metro2DataRecord,
  Metro2File,
  Metro2Header,
} from '../../../src/formats/metro2/model-types.js';
import { computeTrailer } from '../../../src/formats/metro2/write-metro2.js';

/** Upper-case letters, digits, blank and punctuation of the Metro 2 character set. */
const TEXT_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -.,/#&'()+:;@";
const pad2 = (n: number) => String(n).padStart(2, '0');

const isoDate = fc
  .record({
    year: fc.integer({ min: 1900, max: 2099 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ year, month, day }) => `${year}-${pad2(month)}-${pad2(day)}`);

function text(length: number, required: boolean): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...TEXT_CHARS), { minLength: required ? 1 : 0, maxLength: length })
    .map((chars) => chars.join('').trimEnd())
    .filter((s) => !required || s.length > 0);
}

/** A value of one field that passes its field check. */
export function fieldArbitrary(spec: FieldSpec): fc.Arbitrary<unknown> {
  const { length, required } = spec;
  switch (spec.type) {
    case 'numeric':
    case 'money':
      if (spec.codes) return fc.constantFrom(...spec.codes.map(Number), ...(required ? [] : [0]));
      return fc.integer({ min: required ? 1 : 0, max: 10 ** length - 1 });
    case 'digits':
      return fc.option(
        fc.integer({ min: 1, max: 10 ** length - 1 }).map((n) => String(n).padStart(length, '0')),
        { nil: null },
      );
    case 'date':
      return required ? isoDate : fc.option(isoDate, { nil: null });
    case 'timestamp': {
      const time = fc.tuple(
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
      );
      const stamp = fc.tuple(isoDate, time).map(([d, [h, m, s]]) => `${d}T${pad2(h)}:${pad2(m)}:${pad2(s)}`);
      return required ? stamp : fc.option(stamp, { nil: null });
    }
    case 'alphanumeric': {
      if (spec.characters)
        return fc
          .array(fc.constantFrom(...spec.characters), { minLength: length, maxLength: length })
          .map((c) => c.join(''));
      if (spec.codes && spec.codesOrNumber)
        return fc.oneof(
          fc.constantFrom(...spec.codes),
          fc.integer({ min: 1, max: 999 }).map((n) => String(n).padStart(3, '0')),
        );
      if (spec.codes) return fc.constantFrom(...spec.codes, ...(required ? [] : ['']));
      return text(length, required);
    }
    default:
      throw new Error(`no arbitrary for ${spec.type}`);
  }
}

function segmentArbitrary(layout: SegmentLayout): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const spec of layout.modelFields)
    if (spec.type !== 'descriptor') model[spec.name] = fieldArbitrary(spec);
  return fc.record(model).map((values) => ({ ...values }));
}

const segment = (name: keyof typeof SEGMENT_LAYOUTS) =>
  segmentArbitrary(SEGMENT_LAYOUTS[name]).filter(
    // A K3 with nothing in it is a blank placeholder, which the reader drops.
    (s) =>
      name !== 'K3' ||
      s.agencyIdentifier !== 0 ||
      s.accountNumber !== '' ||
      s.mortgageIdentificationNumber !== '',
  );
const optional = (name: keyof typeof SEGMENT_LAYOUTS) => fc.option(segment(name), { nil: null });

/** Bytes of a record's content (base and segments) in a model. */
function contentLength(record: Metro2DataRecord): number {
  return (
    FIXED_RECORD_BYTES +
    record.j1.length * 100 +
    record.j2.length * 200 +
    (['k1', 'k2', 'k3', 'k4', 'l1', 'n1'] as const).reduce(
      (n, key) =>
        n + (record[key] ? SEGMENT_LAYOUTS[key.toUpperCase() as keyof typeof SEGMENT_LAYOUTS].length : 0),
      0,
    )
  );
}

/** A data record with descriptor words set as the reader would read them back (padding included). */
export function dataRecordArbitrary(blocked: boolean): fc.Arbitrary<Metro2DataRecord> {
  return fc
    .record({
      base: segmentArbitrary(BASE_LAYOUT),
      j1: fc.array(segment('J1'), { maxLength: 3 }),
      j2: fc.array(segment('J2'), { maxLength: 2 }),
      k1: optional('K1'),
      k2: optional('K2'),
      k3: optional('K3'),
      k4: optional('K4'),
      l1: optional('L1'),
      n1: optional('N1'),
      padding: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 })),
    })
    .map(({ padding, ...parts }) => {
      const record = { ...parts } as unknown as Metro2DataRecord;
      const length = contentLength(record) + padding;
      const words = {
        blockDescriptorWord: blocked ? length + DESCRIPTOR_BYTES : null,
        recordDescriptorWord: length,
      };
      record.base = Object.assign(words, record.base);
      return record;
    });
}

/** A whole file: header, 0-5 data records, the computed trailer, a random framing. */
export const fileArbitrary: fc.Arbitrary<Metro2File> = fc
  .record({
    blocked: fc.boolean(),
    lineSeparator: fc.constantFrom<LineSeparator>('', '\n', '\r\n'),
    finalLineSeparator: fc.boolean(),
  })
  .chain((framing) =>
    fc.record({
      framing: fc.constant(framing),
      header: segmentArbitrary(HEADER_LAYOUT),
      data: fc.array(dataRecordArbitrary(framing.blocked), { maxLength: 5 }),
    }),
  )
  .map(({ framing, header, data }) => {
    const file: Metro2File = {
      ...framing,
      finalLineSeparator: framing.lineSeparator !== '' && framing.finalLineSeparator,
      header: Object.assign(
        {
          blockDescriptorWord: framing.blocked ? FIXED_RECORD_BYTES + DESCRIPTOR_BYTES : null,
          recordDescriptorWord: FIXED_RECORD_BYTES,
        },
        header,
      ) as unknown as Metro2Header,
      data,
      trailer: null,
    };
    file.trailer = computeTrailer(file);
    return file;
  });
