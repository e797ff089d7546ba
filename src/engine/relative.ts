// The relative kinds, scored once every unit is read: against the best value of the unit's ranking
// group (本单位值 ÷ 最优值 × 满分), or by its place among them (第 1 名满分, 每降一名减 x 分). The
// group is the unit's group within its kind (乡镇组, 街道组) or, without groups, the whole kind;
// vetoed units take part only where the rubric says so.
import type { Measure, MeasuredItem } from "../rubric/model.js";
import type { Points } from "../model/numbers.js";
import type { RelativeBasis } from "../model/results.js";
import { divRound } from "../rubric/formulas.js";
import { partitionPoint } from "../model/search.js";

export interface Member {
  /** The unit's index. */
  readonly u: number;
  readonly value: Measure;
  /** Takes part in the best value or the places (else it is only scored against them). */
  readonly counts: boolean;
  /** Its name (said where it is left out and better than others). */
  readonly name: string;
}

/**
 * Each member's points and what it was scored against (with the group's name, for its
 * explanation), in members' order. Members of a group scored against its best value share one
 * basis: a province's group has tens of thousands.
 */
export function scoreRelative(item: MeasuredItem, lower: boolean, members: readonly Member[], group: string): { points: Points[]; bases: RelativeBasis[] } {
  const points: Points[] = [];
  const bases: RelativeBasis[] = [];
  // Where no unit of the group counts (every one vetoed, vetoed ones left out), the vetoed units
  // set the best value, or take the places, among themselves, as with include_vetoed.
  const counting = members.filter((m) => m.counts);
  const fallback = counting.length === 0;
  // Alone in its group (a clerk's workbook of their own unit): said, for the full points mean nothing yet.
  const alone = members.length === 1 ? { alone: true } : {};
  const counted = fallback ? members : counting;
  const better = (a: Measure, b: Measure): boolean => (lower ? a < b : a > b);
  // The members left out (vetoed), best first: where one is better than what a unit is scored
  // against, its explanation says so (else the best, or a place, reads as a slip).
  const outside = fallback ? [] : members.filter((m) => !m.counts).sort((a, b) => (lower ? a.value - b.value : b.value - a.value));
  const outsideValues = outside.map((m) => m.value);
  const leftOut = (v: Measure): RelativeBasis["leftOut"] => {
    const count = countAhead(outsideValues, v, lower);
    const top = outside[0];
    return count > 0 && top ? { unit: top.name, value: top.value, count } : undefined;
  };
  if (item.kind === "relative-best") {
    if (!counted.length) return { points, bases };
    const best = counted.reduce((x, m) => (better(m.value, x) ? m.value : x), counted[0]?.value ?? 0);
    const out = leftOut(best);
    const holder = counted.find((m) => m.value === best)?.name;
    const basis: RelativeBasis = { best, ...(holder !== undefined ? { holder } : {}), group, ...alone, ...(fallback ? { amongVetoed: true } : {}), ...(out ? { leftOut: out } : {}) };
    for (const m of members) {
      points.push(againstBest(item.max, lower, m.value, best));
      bases.push(basis);
    }
    return { points, bases };
  }
  // rank-points: a competition place (1, 2, 2, 4) among the members that count.
  const step = item.step ?? 0;
  const values = counted.map((m) => m.value).sort((a, b) => (lower ? a - b : b - a));
  for (const m of members) {
    const ahead = countAhead(values, m.value, lower);
    const place = ahead + 1;
    points.push(Math.max(0, item.max - step * (place - 1)));
    const out = m.counts ? leftOut(m.value) : undefined;
    // Sharing its place with another that counts (its own value among them where it counts itself).
    const tied = (fallback || m.counts) && values[ahead + 1] === m.value ? { tied: true } : {};
    bases.push({ place, group, ...alone, ...tied, ...(fallback ? { amongVetoed: true } : m.counts ? {} : { aside: true }), ...(out ? { leftOut: out } : {}) });
  }
  return { points, bases };
}

/** Values strictly better than v, in a list sorted best first. */
function countAhead(sorted: readonly Measure[], v: Measure, lower: boolean): number {
  return partitionPoint(sorted.length, (i) => {
    const x = sorted[i] ?? 0;
    return lower ? x < v : x > v;
  });
}

/**
 * max × value ÷ best (higher is better) or max × best ÷ value (lower is better), within 0..max.
 * A value as good as the best earns the max, but where higher is better a value of 0 or less
 * earns 0, the best's too (no ratio can be taken: −1% is no achievement for being the best).
 */
export function againstBest(max: Points, lower: boolean, value: Measure, best: Measure): Points {
  if (!lower && value <= 0) return 0;
  // At the best, or past it (a unit left out of the best: a vetoed one): the max.
  if (lower ? value <= best : value >= best) return max;
  if (lower) return value <= 0 ? max : best <= 0 ? 0 : Math.min(max, divRound(max * best, value));
  return best <= 0 || value <= 0 ? 0 : Math.min(max, divRound(max * value, best));
}
