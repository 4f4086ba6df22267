/**
 * A variable cut into bins: the bins, the bin of every training row, each bin's good and bad
 * counts and its weight of evidence.
 *
 * @example
 *   const binning = finishBinning('age', 'numeric', bins, binOf, data.bad, false);
 *   binning.woe.iv; // the variable's information value
 */
import { type WoeTable, weightOfEvidence } from '../woe.js';
import type { BinDefinition } from './bin-definitions.js';

/**
 * The result of binning one variable.
 *
 * @example
 *   const binning: VariableBinning = binVariable(variable, data.bad, binningOptions({}));
 */
export interface VariableBinning {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
  /** The bins; the last is the missing bin. */
  readonly bins: readonly BinDefinition[];
  /** The bin of every training row. */
  readonly binOf: Uint16Array;
  readonly goods: readonly number[];
  readonly bads: readonly number[];
  readonly woe: WoeTable;
  /** Categorical: the bin that a category not seen in training goes to; numeric: null. */
  readonly unseenBin: number | null;
}

/**
 * Counts the rows of each bin and computes WOE and IV. With `withUnseenBin` (categorical
 * variables) the bin for categories not seen in training is the one whose WOE is closest to 0
 * (the first such).
 *
 * @example
 *   finishBinning('region', 'categorical', bins, binOf, bad, true).unseenBin; // a bin index
 */
export function finishBinning(
  name: string,
  kind: 'numeric' | 'categorical',
  bins: readonly BinDefinition[],
  binOf: Uint16Array,
  bad: Uint8Array,
  withUnseenBin: boolean,
): VariableBinning {
  const last = bins.length - 1;
  if (last < 0 || bins[last]!.kind !== 'missing')
    throw new Error(`binning '${name}': the last bin must be missing`);
  const goods = new Array<number>(bins.length).fill(0);
  const bads = new Array<number>(bins.length).fill(0);
  for (let i = 0; i < binOf.length; i++) {
    const bin = binOf[i]!;
    if (bin > last) throw new Error(`binning '${name}': row ${i} in bin ${bin} of ${bins.length}`);
    if (bad[i] === 1) bads[bin]!++;
    else goods[bin]!++;
  }
  const woe = weightOfEvidence(goods, bads);
  let unseen: number | null = null;
  if (withUnseenBin) {
    unseen = 0;
    for (let b = 1; b < bins.length; b++) if (Math.abs(woe.woe[b]!) < Math.abs(woe.woe[unseen]!)) unseen = b;
  }
  return { name, kind, bins, binOf, goods, bads, woe, unseenBin: unseen };
}
