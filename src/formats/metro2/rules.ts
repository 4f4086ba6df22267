/**
 * Every rule of the Metro 2 format, as data: structural rules (enforced by the reader, the field
 * checker and the JSON reader) and record rules (checked on each record or segment by
 * record-validator.ts). docs/metro2-rules.md is generated from this list, and a test breaks each
 * rule with its example.
 *
 * @example
 *   METRO2_RULES.length // the rule count
 *   RULE_BY_ID.get('B-ZERO-BALANCE')?.severity // 'error'
 */
import { SEGMENT_NAMES, type SegmentName } from './field-types.js';
import type { Metro2Rule, RecordRule } from './rule-types.js';
import { BASE_RULES } from './rules-base.js';
import { CONSUMER_RULES } from './rules-consumer.js';
import { SEGMENT_RULES } from './rules-segments.js';
import { STRUCTURAL_RULES } from './rules-structural.js';

export const RECORD_RULES: readonly RecordRule[] = [...BASE_RULES, ...CONSUMER_RULES, ...SEGMENT_RULES];
export const METRO2_RULES: readonly Metro2Rule[] = [...STRUCTURAL_RULES, ...RECORD_RULES];
export const RULE_BY_ID: ReadonlyMap<string, Metro2Rule> = new Map(METRO2_RULES.map((r) => [r.id, r]));
if (RULE_BY_ID.size !== METRO2_RULES.length) throw new Error('duplicate Metro 2 rule id');

/** The record rules that apply to each record or segment kind, in list order. */
export const RULES_BY_SEGMENT: Readonly<Record<SegmentName, readonly RecordRule[]>> = Object.fromEntries(
  SEGMENT_NAMES.map((segment) => [segment, RECORD_RULES.filter((r) => r.segments.includes(segment))]),
) as unknown as Record<SegmentName, readonly RecordRule[]>;
