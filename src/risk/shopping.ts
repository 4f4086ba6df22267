/**
 * The shopping rule: a person comparing offers for one product applies to several lenders within
 * a few days, and that is one need for credit, not several (DOMAIN.md section 6: 14-45 days).
 *
 * Rule (per window and institution group, over the hard inquiries in them): take the inquiries of
 * one product kind oldest first. The first is counted. A later one is a repeat when it is less
 * than `shoppingWindow_days` x 24 h after the last counted one (`at - counted.at < window`), from
 * any institution; otherwise it is counted and becomes the last counted one. Exactly
 * `shoppingWindow_days` after a counted inquiry is counted anew. A window of 0 days counts every
 * inquiry. Product kinds are counted apart, and the counts added.
 *
 * The count is the fewest shopping windows that cover every inquiry (the greedy cover is the
 * smallest), so adding an inquiry never lowers it.
 *
 * Distinct institutions with the rule: the number of distinct institutions that made a hard
 * inquiry, but never more than the shopping-adjusted count (each shopping episode counts as at
 * most one institution). Also never lowered by adding an inquiry.
 *
 * @example
 *   const day = 86_400_000;
 *   shoppingCount([{ ms: 0, product: 'loan', institution: 'A' }, { ms: 3 * day, product: 'loan', institution: 'B' }], 14)
 *   // 1: B's application 3 days after A's is a repeat
 */

import type { InquiryProductKind } from './inquiry-products.js';
import { DAY_ms } from './time-windows.js';

/** Default shopping window, in days (FICO uses 14 to 45; 14 is the strictest). */
export const SHOPPING_WINDOW_DEFAULT_days = 14;

/** A hard inquiry as the shopping rule sees it. */
export interface ShoppingInquiry {
  /** Instant, ms since the epoch. */
  ms: number;
  product: InquiryProductKind;
  /** Institution code. */
  institution: string;
}

/**
 * The number of hard inquiries counted under the shopping rule (see the module comment), in any
 * order.
 *
 * @example
 *   shoppingCount([], 14) // 0
 */
export function shoppingCount(inquiries: readonly ShoppingInquiry[], shoppingWindow_days: number): number {
  return shoppingFigures(oldestFirst(inquiries), shoppingWindow_days).count;
}

/**
 * Distinct institutions among the inquiries, at most the shopping-adjusted count, in any order.
 *
 * @example
 *   shoppingDistinctInstitutions([{ ms: 0, product: 'loan', institution: 'A' }, { ms: 0, product: 'loan', institution: 'B' }], 14) // 1
 */
export function shoppingDistinctInstitutions(
  inquiries: readonly ShoppingInquiry[],
  shoppingWindow_days: number,
): number {
  return shoppingFigures(oldestFirst(inquiries), shoppingWindow_days).distinctInstitutions;
}

const oldestFirst = (inquiries: readonly ShoppingInquiry[]) => [...inquiries].sort((a, b) => a.ms - b.ms);

/** The shopping-adjusted count and distinct institutions of one list of inquiries. */
export interface ShoppingFigures {
  /** shoppingCount of the list. */
  count: number;
  /** shoppingDistinctInstitutions of the list. */
  distinctInstitutions: number;
}

/**
 * The shopping rule in one pass over inquiries already in time order (oldest first): no grouping
 * or sorting per call (the indicators ask for 5 windows x 8 groups). Each product kind keeps its
 * last counted instant. Throws when the list is out of order.
 *
 * @example
 *   shoppingFigures([{ ms: 0, product: 'loan', institution: 'A' }, { ms: 1, product: 'loan', institution: 'B' }], 14)
 *   // { count: 1, distinctInstitutions: 1 }
 */
export function shoppingFigures(
  oldestFirst: readonly ShoppingInquiry[],
  shoppingWindow_days: number,
): ShoppingFigures {
  const windowMs = shoppingWindow_days * DAY_ms;
  // The last counted inquiry of each product kind.
  const anchors = new Map<InquiryProductKind, number>();
  const institutions = new Set<string>();
  let count = 0;
  let previousMs = Number.NEGATIVE_INFINITY;
  for (const q of oldestFirst) {
    if (q.ms < previousMs) throw new Error('invariant: shoppingFigures needs inquiries oldest first');
    previousMs = q.ms;
    institutions.add(q.institution);
    const anchor = anchors.get(q.product);
    if (anchor !== undefined && q.ms - anchor < windowMs) continue;
    anchors.set(q.product, q.ms);
    count += 1;
  }
  return { count, distinctInstitutions: Math.min(institutions.size, count) };
}
