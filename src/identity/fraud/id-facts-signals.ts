/**
 * Signals of an ID that disagrees with what is reported for it (whole file, no window): the
 * resident ID embeds a birth date and a sex (GB 11643-1999: digits 7-14, and the parity of the
 * sequence); a reported birth date or sex that differs is a fraud signal (DOMAIN.md section 6).
 *  - FS-ID-BIRTH-DATE-MISMATCH: distinct reported birth dates that differ from the ID's;
 *  - FS-ID-SEX-MISMATCH: distinct reported sexes that differ from the ID's.
 * Furnishing rejects such an identity record (rules ID-BIRTH-MISMATCH, ID-SEX-MISMATCH), so these
 * fire on values that reached the file another way: linked by identity resolution, or furnished
 * before the rules. An ID that embeds nothing (an SSN) never fires.
 *
 * @example
 *   idFactsSignals(evidence, CHINA_FRAUD_THRESHOLDS).map((s) => s.id) // ['FS-ID-BIRTH-DATE-MISMATCH', 'FS-ID-SEX-MISMATCH']
 */
import type { FraudEvidence } from './fraud-evidence.js';
import { codes, dateSpan, type FraudSignal, makeSignal } from './fraud-signal.js';
import type { FraudThresholds } from './fraud-thresholds.js';

function mismatch(
  evidence: FraudEvidence,
  attribute: 'birth_date' | 'sex',
  embedded: string | undefined,
  spec: { id: 'FS-ID-BIRTH-DATE-MISMATCH' | 'FS-ID-SEX-MISMATCH'; description: string; counted: string },
  threshold: number,
): FraudSignal {
  const reports = evidence.own.filter((r) => r.attribute === attribute && r.value !== undefined);
  const differing = embedded === undefined ? [] : reports.filter((r) => r.value !== embedded);
  const span = dateSpan(differing);
  return makeSignal({
    id: spec.id,
    description: spec.description,
    window: 'all',
    threshold,
    observed: new Set(differing.map((r) => r.key)).size,
    evidence: {
      counted: spec.counted,
      firstReportedOn: span.first,
      lastReportedOn: span.last,
      institutions: codes(differing.map((r) => r.furnisher)),
      figures: {
        idEmbedsValue: embedded !== undefined,
        reportsAgreeing: reports.length - differing.length,
        reportsDiffering: differing.length,
      },
    },
  });
}

/**
 * Both ID-facts signals.
 *
 * @example
 *   idFactsSignals(evidence, CHINA_FRAUD_THRESHOLDS)[0]!.window // 'all'
 */
export function idFactsSignals(evidence: FraudEvidence, thresholds: FraudThresholds): FraudSignal[] {
  return [
    mismatch(
      evidence,
      'birth_date',
      evidence.idFacts.birthDate,
      {
        id: 'FS-ID-BIRTH-DATE-MISMATCH',
        description: 'A reported birth date differs from the one embedded in the ID.',
        counted: "distinct reported birth dates that differ from the ID's",
      },
      thresholds.idBirthDateMismatches,
    ),
    mismatch(
      evidence,
      'sex',
      evidence.idFacts.sex,
      {
        id: 'FS-ID-SEX-MISMATCH',
        description: 'A reported sex differs from the one embedded in the ID.',
        counted: "distinct reported sexes that differ from the ID's",
      },
      thresholds.idSexMismatches,
    ),
  ];
}
