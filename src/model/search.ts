// Binary search over sorted data: where a run of leading elements that pass a test ends.

/**
 * The number of leading indices in [0, length) for which `before` holds, where it holds for a
 * prefix and fails for the rest (a sorted list split at a value): 0 where it holds for none.
 */
export function partitionPoint(length: number, before: (i: number) => boolean): number {
  let a = 0;
  let b = length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (before(mid)) a = mid + 1;
    else b = mid;
  }
  return a;
}
