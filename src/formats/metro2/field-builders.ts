/**
 * Short constructors for the rows of the layout tables, so that each table reads as one row per
 * field: name, 1-based start, length, then the rest.
 *
 * @example
 *   const f = fieldsOf('K1');
 *   f.an('originalCreditorName', 3, 30, 'Name of the original creditor.', { required: true });
 */
import type { FieldSpec, FieldType, SegmentName } from './field-types.js';

type Options = Partial<Pick<FieldSpec, 'required' | 'codes' | 'codesOrNumber' | 'characters' | 'crrg'>>;
type Named<N extends string> = FieldSpec & { readonly name: N };

/** Row builders for the fields of one segment. */
export function fieldsOf(segment: SegmentName) {
  const make =
    (type: FieldType) =>
    <N extends string>(name: N, start: number, length: number, description: string, options: Options = {}) =>
      Object.freeze({
        segment,
        name,
        start,
        length,
        type,
        required: false,
        ...options,
        description,
      }) as Named<N>;
  return {
    rdw: (
      description = 'Record descriptor word: the length of the record in bytes, computed by the writer.',
    ) =>
      Object.freeze({
        segment,
        name: 'recordDescriptorWord',
        start: 1,
        length: 4,
        type: 'descriptor',
        required: true,
        description,
      }) as Named<'recordDescriptorWord'>,
    id: <N extends string>(name: N, start: number, constant: string) =>
      Object.freeze({
        segment,
        name,
        start,
        length: constant.length,
        type: 'identifier',
        required: true,
        constant,
        description: `Identifier: ${constant}.`,
      }) as Named<N>,
    an: make('alphanumeric'),
    num: make('numeric'),
    money: make('money'),
    digits: make('digits'),
    date: make('date'),
    timestamp: make('timestamp'),
    reserved: <N extends string>(name: N, start: number, length: number) =>
      Object.freeze({
        segment,
        name,
        start,
        length,
        type: 'reserved',
        required: false,
        description: 'Reserved: blank.',
      }) as Named<N>,
  };
}
