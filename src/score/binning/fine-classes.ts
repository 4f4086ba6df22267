/**
 * Fine classing: ordered items (distinct values in ascending order, or categories in order of
 * bad rate) are cut into at most `maxClasses` runs of about equal row counts. An item is never
 * split, so a value that fills many quantiles is one class.
 *
 * @example
 *   fineClassEnds([{ good: 5, bad: 0 }, { good: 5, bad: 0 }, { good: 5, bad: 5 }], 2); // [2, 3]
 */

/**
 * Good and bad rows of an item or a class.
 *
 * @example
 *   const counts: ClassCounts = { good: 90, bad: 10 };
 */
export interface ClassCounts {
  readonly good: number;
  readonly bad: number;
}

/**
 * The end (exclusive index into `items`) of each fine class; the last end is items.length.
 * Every item must have at least one row.
 *
 * @example
 *   fineClassEnds(items, 20); // at most 20 ends
 */
export function fineClassEnds(items: readonly ClassCounts[], maxClasses: number): number[] {
  let total = 0;
  for (const item of items) {
    if (!(item.good + item.bad > 0)) throw new RangeError('fine classes: an item has no rows');
    total += item.good + item.bad;
  }
  const ends: number[] = [];
  let cumulative = 0;
  let closed = 0;
  for (let i = 0; i < items.length; i++) {
    cumulative += items[i]!.good + items[i]!.bad;
    const reached = Math.floor((cumulative * maxClasses) / total);
    if (reached > closed || i === items.length - 1) {
      ends.push(i + 1);
      closed = reached;
    }
  }
  if (ends.length > maxClasses) throw new Error(`fine classes: ${ends.length} classes, limit ${maxClasses}`);
  return ends;
}

/**
 * Sums the items of each class.
 *
 * @example
 *   mergeClasses(items, [2, 3]); // [{ good: 10, bad: 0 }, { good: 5, bad: 5 }]
 */
export function mergeClasses(items: readonly ClassCounts[], ends: readonly number[]): ClassCounts[] {
  const merged: ClassCounts[] = [];
  let start = 0;
  for (const end of ends) {
    let good = 0;
    let bad = 0;
    for (let i = start; i < end; i++) {
      good += items[i]!.good;
      bad += items[i]!.bad;
    }
    merged.push({ good, bad });
    start = end;
  }
  return merged;
}
