/**
 * What a fraud check needs from storage: in one transaction, the evidence of one person (read
 * with bounded queries: the person's own rows by person id, other persons only through the value
 * index and the national ID index) and the check recorded as an inquiry on the person's file, with
 * the request log row. src/store implements it for both engines.
 *
 * @example
 *   const evidence = await store.readEvidenceAndRecord({ idHash, asOf, idFacts, ring, inquiry, log });
 */
import type { ReportRequestLog, ServeRequest } from '../../report/ports.js';
import type { FraudEvidence } from './fraud-evidence.js';
import type { RingLinkAttribute, RingThresholds } from './fraud-thresholds.js';

export interface FraudEvidenceRequest {
  idHash: string;
  /** ISO-8601 instant of the check: the end of every window. */
  asOf: string;
  /** What the ID embeds (carried into the evidence). */
  idFacts: FraudEvidence['idFacts'];
  /** Limits and look-backs of the ring walk. */
  ring: RingThresholds;
  /**
   * The kinds of shared value the ring walk follows (default: every ring link, mobile, address
   * and employer). A report's header walks only the persons who share a mobile or an address with
   * the subject, one link deep: a few index reads instead of a walk through workplaces.
   */
  ringLinks?: readonly RingLinkAttribute[];
  /** Recorded on the person's file when the person is on file. */
  inquiry: ServeRequest['inquiry'];
  /** The request log row (outcome 'served'). */
  log: ReportRequestLog;
}

export interface FraudEvidenceStore {
  /** Reads the evidence (onFile false: the ID is not known) and records the inquiry and the log. */
  readEvidenceAndRecord(request: FraudEvidenceRequest): Promise<FraudEvidence>;
}
