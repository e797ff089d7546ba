// Competition ranking ("1, 2, 2, 4"): a unit's rank is one more than the number of units strictly
// ahead of it on the ranking key, then on each tie-breaker in turn. Equal on all keys: same rank.

export interface Rankable {
  readonly id: string;
  /** The ranking key first, then the tie-breakers; higher is better. */
  readonly keys: readonly number[];
}

export function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (b[i] ?? 0) - (a[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Ranks for every item; the order of the input never changes a rank. */
export function competitionRanks(items: readonly Rankable[]): Map<string, number> {
  const sorted = [...items].sort((x, y) => compareKeys(x.keys, y.keys));
  const ranks = new Map<string, number>();
  sorted.forEach((it, i) => {
    const prev = sorted[i - 1];
    const rank = prev && compareKeys(prev.keys, it.keys) === 0 ? (ranks.get(prev.id) ?? i + 1) : i + 1;
    ranks.set(it.id, rank);
  });
  return ranks;
}
