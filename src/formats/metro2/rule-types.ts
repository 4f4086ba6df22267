/**
 * The shape of a Metro 2 rule: data with an id, a severity, a description, the fields it reads, a
 * check and an example that breaks it, so the rule list documents itself (docs/metro2-rules.md)
 * and every finding cites a rule id. Structural rules (framing, field types, JSON) have no check
 * of their own: the reader and the field checker enforce them.
 *
 * @example
 *   const rule: RecordRule = { id: 'B-ZERO-BALANCE', severity: 'error', segments: ['base'], ... };
 */

import type { FieldReader } from './field-reader.js';
import type { SegmentName } from './field-types.js';
import type { Severity } from './finding-types.js';
import type { BaseFieldName } from './layout-base.js';
import type {
  Metro2Base,
  Metro2Header,
  Metro2J1,
  Metro2J2,
  Metro2K1,
  Metro2K2,
  Metro2K3,
  Metro2K4,
  Metro2L1,
  Metro2N1,
  Metro2Trailer,
} from './model-types.js';

/** What a check may know besides the segment it reads. */
export interface RuleContext {
  /** Today as YYYYMMDD. */
  readonly today: number;
  /** The header's activity date as YYYYMMDD; 0 without a header (each record's date of account
   *  information stands in for it). */
  readonly activityDate: number;
  /** The base segment of the record being checked (for rules on appended segments). */
  readonly base: FieldReader<BaseFieldName>;
}

export interface RuleViolation {
  field: string;
  message: string;
}

/** How an example breaks a rule, starting from the valid example file (example-file.ts). */
export interface Metro2RuleExample {
  /** What the example changes, in words. */
  readonly description: string;
  /** Changes to the model of the example file; an appended segment given here is added to the
   *  example record (over the valid example segment). The trailer is recomputed unless changed. */
  readonly change?: {
    readonly header?: Partial<Metro2Header> | null;
    readonly base?: Partial<Metro2Base>;
    readonly j1?: Partial<Metro2J1>;
    readonly j2?: Partial<Metro2J2>;
    readonly k1?: Partial<Metro2K1>;
    readonly k2?: Partial<Metro2K2>;
    readonly k3?: Partial<Metro2K3>;
    readonly k4?: Partial<Metro2K4>;
    readonly l1?: Partial<Metro2L1>;
    readonly n1?: Partial<Metro2N1>;
    readonly trailer?: Partial<Metro2Trailer> | null;
  };
  /** Bytes written over a field of the written file (values the JSON model cannot hold). */
  readonly raw?: { readonly segment: SegmentName; readonly field: string; readonly bytes: string };
  /** A change of the whole written file (latin1 text), for framing rules. */
  readonly file?: (text: string) => string;
  /** A JSON document read instead of the example file (JSON rules). */
  readonly json?: string;
  /** Changes merged into the JSON of the example file (JSON rules): raw values of any type. */
  readonly jsonChange?: {
    readonly [part in 'header' | 'base' | 'trailer']?: Readonly<Record<string, unknown>>;
  };
  /** Write the example file with block descriptor words. */
  readonly blocked?: boolean;
  /** Read the example with unwrap (line breaks removed before framing). */
  readonly unwrap?: boolean;
}

interface RuleBase {
  /** Stable id cited by findings, e.g. 'B-ZERO-BALANCE'. */
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  readonly example: Metro2RuleExample;
}

/** A rule enforced by the reader, the field checker or the JSON reader. */
export interface StructuralRule extends RuleBase {
  readonly kind: 'file' | 'frame' | 'segment' | 'field' | 'json' | 'trailer';
}

/** A rule checked on each record or segment of the given kinds. */
export interface RecordRule<N extends string = string> extends RuleBase {
  readonly kind: 'record';
  readonly segments: readonly SegmentName[];
  /** Fields the check reads: it runs only when each of them passed its field check. */
  readonly fields: readonly N[];
  check(r: FieldReader<N>, context: RuleContext): readonly RuleViolation[];
}

export type Metro2Rule = StructuralRule | RecordRule;
