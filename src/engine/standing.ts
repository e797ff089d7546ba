// Where a unit stands beyond its rank: how far its rank could move while ledger claims are still
// pending (each unit's lowest and highest outcome, against the others' opposite), and how many
// points it lacks for the next better prize, others unchanged.
import type { Ranking, RankTier } from "../rubric/model.js";
import type { Points } from "../model/numbers.js";
import { compareKeys as compare } from "./rank.js";

/** A ranked unit's ranking keys as scored, and at its lowest and highest outcome. */
export interface Contender {
  readonly u: number;
  readonly keys: readonly number[];
  readonly lo: readonly number[];
  readonly hi: readonly number[];
  /** Holds a prize place (not vetoed), or keeps one empty (a veto with place: empty). */
  readonly prize: boolean;
  /** May win a prize (not vetoed). */
  readonly eligible: boolean;
}


/** How many of `sorted` (best first) are strictly better than k. */
function countBetter(sorted: readonly (readonly number[])[], k: readonly number[]): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(sorted[mid] ?? [], k) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Each contender's best and worst place among those `among` admits: best when its highest outcome
 * meets every other's lowest, worst the reverse. Exact: a place counts the units strictly ahead, and
 * each unit's outcome is its own ledger's alone. Only the claimants (units with pending rows) can
 * differ from their scored keys, so a place is the scored count ahead, corrected for the claimants:
 * the units without claims are counted once, in the scored order (`sorted`: every admitted unit's
 * scored keys, best first).
 */
export function placeRanges(all: readonly Contender[], among: (c: Contender) => boolean, sorted: readonly (readonly number[])[]): { best: Int32Array; worst: Int32Array } {
  const claimants = all.filter((c) => among(c) && (c.lo !== c.keys || c.hi !== c.keys) && (compare(c.lo, c.keys) !== 0 || compare(c.hi, c.keys) !== 0));
  const keys = claimants.map((c) => c.keys).sort(compare);
  const los = claimants.map((c) => c.lo).sort(compare);
  const his = claimants.map((c) => c.hi).sort(compare);
  const isClaimant = new Set(claimants.map((c) => c.u));
  const best = new Int32Array(all.length);
  const worst = new Int32Array(all.length);
  // Units without claims ahead of a value: every admitted unit ahead, less the claimants ahead
  // (a claimant counted in `sorted` is counted in `keys` too: it, and this unit itself, drop out).
  const steady = (k: readonly number[]): number => countBetter(sorted, k) - (keys.length ? countBetter(keys, k) : 0);
  all.forEach((c, i) => {
    if (c.lo === c.hi) {
      // No claims of its own (one set of keys): the steady units ahead are counted once.
      const ahead = 1 + steady(c.hi);
      best[i] = ahead + countBetter(los, c.hi);
      worst[i] = ahead + countBetter(his, c.lo);
      return;
    }
    const own = isClaimant.has(c.u);
    best[i] = 1 + steady(c.hi) + countBetter(los, c.hi);
    // Its own lowest is never better than its own highest; its own highest may be better than its lowest.
    worst[i] = 1 + steady(c.lo) + countBetter(his, c.lo) - (own && compare(c.hi, c.lo) < 0 ? 1 : 0);
  });
  return { best, worst };
}

/** The tier a prize place falls in. */
export function tierAt(r: Ranking, place: number): string | undefined {
  return r.tiers.find((t) => place >= t.from && place <= t.to)?.name;
}

/** The grade band a score reaches (quotas aside). */
export function bandAt(r: Ranking, score: number): string | undefined {
  return r.grades?.bands.find((b) => score >= b.from)?.name ?? r.grades?.otherwise;
}

/**
 * The points a unit lacks for the next better tier than the one it holds (the lowest tier when it
 * holds none), others unchanged: to hold prize place R or better it must reach the R-th best of
 * the others, and pass it where the tie-breakers would put it behind. Undefined at the top tier,
 * or where the ranking gives no prizes. `tiers`: the ranking's, best first; `order`: the scored
 * keys of its prize contenders, best first.
 */
export function gapToNextTier(tiers: readonly RankTier[], order: readonly (readonly number[])[], x: Contender): { tier: string; points: Points } | undefined {
  if (!x.eligible || !tiers.length) return undefined;
  const place = 1 + countBetter(order, x.keys);
  const held = tiers.findIndex((t) => place >= t.from && place <= t.to);
  let next = held < 0 ? undefined : tiers[held - 1];
  if (held < 0) for (const t of tiers) if (t.to < place) next = t;
  if (!next) return undefined;
  // It is behind at least next.to others, so the next.to-th best is another unit's.
  const rival = order[next.to - 1];
  if (!rival) return { tier: next.name, points: 0 };
  const need = rival[0] ?? 0;
  const own = x.keys[0] ?? 0;
  // Level on the key, it stays behind where the tie-breakers favour the rival.
  const behindAtEqual = compare([need, ...x.keys.slice(1)], rival) > 0;
  return { tier: next.name, points: Math.max(0, need - own + (behindAtEqual ? 1 : 0)) };
}
