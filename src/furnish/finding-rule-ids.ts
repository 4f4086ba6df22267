/**
 * Every rule id a furnishing finding can cite: the canonical format's rules (docs/furnish-rules.md)
 * and the identity resolution step's hold for review (IDR-REVIEW, docs/identity-resolution.md),
 * which the pipeline adds to a record held for a bureau operator's decision.
 *
 * @example
 *   FINDING_RULE_IDS.includes('IDR-REVIEW'); // true
 */
import { ALL_RULE_IDS } from '../formats/canonical/rules.js';
import { REVIEW_RULE_ID } from '../identity/resolution/trigger.js';

export const FINDING_RULE_IDS: readonly string[] = [...ALL_RULE_IDS, REVIEW_RULE_ID];
