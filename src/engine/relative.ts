// The relative kinds, scored once every unit is read: against the best value of the unit's ranking
// group (本单位值 ÷ 最优值 × 满分), or by its place among them (第 1 名满分, 每降一名减 x 分). The
// group is the unit's group within its kind (乡镇组, 街道组) or, without groups, the whole kind;
// vetoed units take part only where the rubric says so.
import type { Measure, MeasuredItem } from "../rubric/model.js";
import type { Points } from "../model/numbers.js";
import { divRound } from "./leaf.js";

export interface Member {
  /** The unit's index. */
  readonly u: number;
  readonly value: Measure;
  /** Takes part in the best value or the places (else it is only scored against them). */
  readonly counts: boolean;
}

/** What a unit was scored against, for its explanation. */
export interface RelativeBasis {
  /** relative-best: the group's best value. */
  readonly best?: Measure;
  /** rank-points: the unit's place in its group. */
  readonly place?: number;
}

/** Each member's points and basis, for one relative item over one group. */
export function scoreRelative(item: MeasuredItem, lower: boolean, members: readonly Member[]): Map<number, { points: Points; basis: RelativeBasis }> {
  const out = new Map<number, { points: Points; basis: RelativeBasis }>();
  const counted = members.filter((m) => m.counts);
  const better = (a: Measure, b: Measure): boolean => (lower ? a < b : a > b);
  if (item.kind === "relative-best") {
    if (!counted.length) return out;
    const best = counted.reduce((x, m) => (better(m.value, x) ? m.value : x), counted[0]?.value ?? 0);
    for (const m of members) out.set(m.u, { points: againstBest(item.max, lower, m.value, best), basis: { best } });
    return out;
  }
  // rank-points: a competition place (1, 2, 2, 4) among the members that count.
  const step = item.step ?? 0;
  const values = counted.map((m) => m.value).sort((a, b) => (lower ? a - b : b - a));
  for (const m of members) {
    const ahead = countAhead(values, m.value, lower);
    const place = ahead + 1;
    out.set(m.u, { points: Math.max(0, item.max - step * (place - 1)), basis: { place } });
  }
  return out;
}

/** Values strictly better than v, in a list sorted best first. */
function countAhead(sorted: readonly Measure[], v: Measure, lower: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = sorted[mid] ?? 0;
    if (lower ? x < v : x > v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * max × value ÷ best (higher is better) or max × best ÷ value (lower is better), within 0..max.
 * A value as good as the best earns the max; where the best is 0 or less no ratio can be taken,
 * and only the units at the best earn anything.
 */
export function againstBest(max: Points, lower: boolean, value: Measure, best: Measure): Points {
  if (value === best) return max;
  if (lower) return value <= 0 ? max : best <= 0 ? 0 : Math.min(max, divRound(max * best, value));
  return best <= 0 || value <= 0 ? 0 : Math.min(max, divRound(max * value, best));
}
