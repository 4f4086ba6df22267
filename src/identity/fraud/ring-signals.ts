/**
 * Fraud-ring signals from the ring walk (window: the ring look-back, 12 months by default):
 *  - FS-FRAUD-RING: the person belongs to a group of persons linked by shared mobiles, addresses
 *    or employers of at least `minMembers`, with at least one shared mobile or address among the
 *    links (colleagues linked only by their employer are not a ring);
 *  - FS-FRAUD-RING-DEFAULT: such a ring in which at least `defaultShare_pct` percent of the
 *    members are in default (90+ days overdue, repaid by a guarantor, written off).
 * Evidence: members, members in default, links by attribute, depth, values skipped as common.
 *
 * @example
 *   ringSignals(evidence, CHINA_FRAUD_THRESHOLDS).map((s) => s.id) // ['FS-FRAUD-RING', 'FS-FRAUD-RING-DEFAULT']
 */
import type { FraudEvidence, RingWalk } from './fraud-evidence.js';
import { type FraudSignal, type FraudSignalEvidence, makeSignal } from './fraud-signal.js';
import type { FraudThresholds } from './fraud-thresholds.js';
import type { IdentityWindowId } from './fraud-windows.js';

/** The signal window of a ring look-back of `months` months, when it is one of the windows. */
function ringWindow(months: number): IdentityWindowId | 'all' {
  const id = `${months}m`;
  return id === '1m' || id === '3m' || id === '6m' || id === '12m' ? id : 'all';
}

function ringEvidence(walk: RingWalk | null, counted: string): FraudSignalEvidence {
  return {
    counted,
    firstReportedOn: null,
    lastReportedOn: null,
    institutions: [],
    figures: {
      members: walk?.members ?? 0,
      membersInDefault: walk?.membersInDefault ?? 0,
      sharedMobiles: walk?.links.mobile ?? 0,
      sharedAddresses: walk?.links.address ?? 0,
      sharedEmployers: walk?.links.employer ?? 0,
      depthReached: walk?.depthReached ?? 0,
      commonValuesSkipped: walk?.commonValuesSkipped ?? 0,
      truncated: walk?.truncated ?? false,
    },
  };
}

/**
 * Both ring signals.
 *
 * @example
 *   ringSignals(evidence, CHINA_FRAUD_THRESHOLDS)[0]!.observed // members of the ring
 */
export function ringSignals(evidence: FraudEvidence, thresholds: FraudThresholds): FraudSignal[] {
  const t = thresholds.ring;
  const walk = evidence.ring;
  const members = walk?.members ?? 0;
  const strongLinks = (walk?.links.mobile ?? 0) + (walk?.links.address ?? 0);
  const ring = members >= t.minMembers && strongLinks > 0;
  const share_pct = walk && members > 0 ? Math.round((100 * walk.membersInDefault) / members) : 0;
  const window = ringWindow(t.lookback_months);
  return [
    makeSignal({
      id: 'FS-FRAUD-RING',
      description:
        'This person belongs to a group of persons linked by shared mobiles, addresses or employers (a possible fraud ring).',
      window,
      threshold: t.minMembers,
      observed: members,
      fired: ring,
      evidence: ringEvidence(walk, 'persons in the linked group, this one included'),
    }),
    makeSignal({
      id: 'FS-FRAUD-RING-DEFAULT',
      description: 'Many members of the linked group are in default.',
      window,
      threshold: t.defaultShare_pct,
      observed: share_pct,
      fired: ring && share_pct >= t.defaultShare_pct,
      evidence: ringEvidence(walk, 'percent of the members of the linked group in default'),
    }),
  ];
}
