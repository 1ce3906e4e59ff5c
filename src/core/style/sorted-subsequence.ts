/**
 * Which items of a sequence keep its order. Items in no longest non-decreasing subsequence
 * are out of place for certain; items that are in some but not all of them come in groups
 * (same level) of which some are out of place, but which ones is a matter of choice.
 * O(n log n): patience sorting forwards and backwards over integer ranks.
 */
export interface OrderAnalysis {
  /** Length of a longest non-decreasing subsequence. */
  kept: number;
  /** Indexes in no longest subsequence. */
  outOfPlace: number[];
  /** Groups of indexes (ascending) that are in order with everything else but not with each other. */
  ambiguous: number[][];
  /** Indexes in every longest subsequence, ascending (their keys are sorted). */
  settled: number[];
}

export function analyzeOrder(keys: string[]): OrderAnalysis {
  const n = keys.length;
  const sorted = [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rank = new Map(sorted.map((k, i) => [k, i]));
  const ranks = keys.map((k) => rank.get(k)!);
  const forward = lengthsEnding(ranks);
  const backward = lengthsEnding(ranks.map((r) => -r).reverse()).reverse();
  let kept = 0;
  for (const f of forward) kept = Math.max(kept, f);
  const byLevel = new Map<number, number[]>();
  const outOfPlace: number[] = [];
  for (let i = 0; i < n; i++) {
    if (forward[i]! + backward[i]! - 1 !== kept) {
      outOfPlace.push(i);
      continue;
    }
    const level = byLevel.get(forward[i]!);
    if (level) level.push(i);
    else byLevel.set(forward[i]!, [i]);
  }
  const ambiguous: number[][] = [];
  const settled: number[] = [];
  for (const group of byLevel.values()) {
    if (group.length === 1) settled.push(group[0]!);
    else ambiguous.push(group);
  }
  settled.sort((a, b) => a - b);
  ambiguous.sort((a, b) => a[0]! - b[0]!);
  return { kept, outOfPlace, ambiguous, settled };
}

/** For each i, the length of the longest non-decreasing subsequence ending at i. */
function lengthsEnding(values: number[]): number[] {
  const tails: number[] = [];
  const out: number[] = [];
  for (const v of values) {
    // First tail greater than v (upper bound): equal keys may follow each other.
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
    out.push(lo + 1);
  }
  return out;
}
