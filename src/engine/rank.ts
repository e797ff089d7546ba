// Competition ranking ("1, 2, 2, 4"): a unit's rank is one more than the number of units strictly
// ahead of it on the ranking key, then on each tie-breaker in turn. Equal on all keys: same rank.

/** Negative when a is better than b (higher on the first key that differs; a missing key is 0). */
export function compareKeys(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  if (n === b.length) {
    // One ranking's keys are all as long: the loop every sort and search runs.
    for (let i = 0; i < n; i++) {
      const d = (b[i] as number) - (a[i] as number);
      if (d !== 0) return d;
    }
    return 0;
  }
  for (let i = 0; i < Math.max(n, b.length); i++) {
    const d = (b[i] ?? 0) - (a[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The items in ranking order, each with its rank, in one sort: best first on the keys; items
 * equal on every key share a rank and are listed in `display` order (which never changes a rank).
 */
export function ranked<T extends { readonly keys: readonly number[] }>(items: readonly T[], display: (a: T, b: T) => number): { item: T; rank: number }[] {
  const sorted = [...items].sort((x, y) => compareKeys(x.keys, y.keys) || display(x, y));
  const out: { item: T; rank: number }[] = [];
  let rank = 0;
  sorted.forEach((item, i) => {
    const prev = sorted[i - 1];
    if (!prev || compareKeys(prev.keys, item.keys) !== 0) rank = i + 1;
    out.push({ item, rank });
  });
  return out;
}
