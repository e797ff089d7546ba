// Where a unit stands beyond its rank: how far its rank could move while ledger claims are still
// pending (each unit's lowest and highest outcome, against the others' opposite), and how many
// points it lacks for the next better prize, others unchanged.
import type { Ranking, RankTier, VetoEffect } from "../rubric/model.js";
import type { Points } from "../model/numbers.js";
import { compareKeys as compare } from "./rank.js";
import { decideGrades, gradeNames } from "./outcomes.js";
import { quotaOf } from "../rubric/quota.js";
import { partitionPoint } from "../model/search.js";

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
export function countBetter(sorted: readonly (readonly number[])[], k: readonly number[]): number {
  return partitionPoint(sorted.length, (i) => compare(sorted[i] ?? [], k) < 0);
}

/**
 * Each contender's best and worst place among those `among` admits: best when its highest outcome
 * meets every other's lowest, worst the reverse. Exact: a place counts the units strictly ahead, and
 * each unit's outcome is its own ledger's alone. Only the claimants (units with pending rows) can
 * differ from their scored keys, so a place is the scored count ahead, corrected for the claimants:
 * the units without claims are counted once, in the scored order (`sorted`: every admitted unit's
 * scored keys, best first). `scoredAhead`, where given: for each of `all`, how many of `sorted`
 * are strictly better than its scored keys (a province's ranking knows it from its sort, and
 * need not search for it).
 */
export function placeRanges(all: readonly Contender[], among: (c: Contender) => boolean, sorted: readonly (readonly number[])[], scoredAhead?: Int32Array): { best: Int32Array; worst: Int32Array } {
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
      // No claims of its own (one set of keys): the steady units ahead are counted once; of
      // `sorted`, those ahead of its scored keys are known where the caller counted them.
      const ahead = 1 + (scoredAhead && c.hi === c.keys ? (scoredAhead[i] as number) - (keys.length ? countBetter(keys, c.hi) : 0) : steady(c.hi));
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

/** The tiers of the prize places from `best` to `worst`, best first (one not holding a prize now may reach any of them). */
export function tiersBetween(r: Ranking, best: number, worst: number): string[] {
  return [...new Set([...r.tiers].sort((a, b) => a.from - b.from).filter((t) => t.from <= worst && t.to >= best).map((t) => t.name))];
}

/** The tier a prize place falls in. */
export function tierAt(r: Ranking, place: number): string | undefined {
  return r.tiers.find((t) => place >= t.from && place <= t.to)?.name;
}

/**
 * The best grade band (its index; the bands' count for none of them) a unit scoring `score` on a
 * ranking's key can be given: the band the score reaches, or a worse one where that band's quota
 * is surely filled before it — as many units as the quota surely strictly ahead (their lowest
 * above `score`), none held out of the band by a veto nor able to reach a better band (their
 * highest below its line). Made once per ranking: each call is a binary search per band.
 */
export function bandReach(r: Ranking, contenders: readonly Contender[], quotas: readonly number[], held: (u: number, band: number) => boolean): (score: number) => number {
  const bands = r.grades?.bands ?? [];
  // Per band with a quota: the lowest keys of the units that surely take one of its places when ahead.
  const lows = bands.map((b, i) => {
    if (!Number.isFinite(quotas[i] ?? Number.POSITIVE_INFINITY)) return undefined;
    const better = bands[i - 1];
    return Float64Array.from(contenders.filter((c) => !held(c.u, i) && (better === undefined || (c.hi[0] ?? 0) < better.from)).map((c) => c.lo[0] ?? 0)).sort();
  });
  return (score) => {
    let i = bands.findIndex((b) => score >= b.from);
    if (i < 0) return bands.length;
    for (; i < bands.length; i++) {
      const sorted = lows[i];
      if (!sorted) break;
      // Units whose lowest is above the score: after the last at or below it.
      const a = partitionPoint(sorted.length, (k) => (sorted[k] ?? 0) <= score);
      if (sorted.length - a < (quotas[i] ?? 0)) break;
    }
    return i;
  };
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
 * keys of its prize contenders, best first. `moves`: how far each tie-breaker moves with a point
 * of the key (a ranking by an item broken by the total: the total moves with the item, by its
 * line's weight; one unrelated, not at all): what the unit lacks moves them too.
 */
export function gapToNextTier(tiers: readonly RankTier[], order: readonly (readonly number[])[], x: Contender, step: Points = 1, most?: Points, moves: readonly number[] = []): { tier: string; points: Points; beyond?: true; tie?: { key: number; own: Points; theirs: Points; rival: readonly number[]; ahead?: true } } | undefined {
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
  // Its keys with `gain` more on the ranking's key: its tie-breakers moved with it where they hold it.
  const gained = (gain: Points): number[] => [own + gain, ...x.keys.slice(1).map((k, i) => k + Math.round(gain * (moves[i + 1] ?? 0)))];
  // Level on the key, it stays behind where the tie-breakers favour the rival.
  const level = gained(need - own);
  const behindAtEqual = compare(level, rival) > 0;
  // In whole steps where the key is an item judged in steps (0.5 more, not 0.01: no score between).
  const short = need - own + (behindAtEqual ? 1 : 0);
  const points = short <= 0 ? 0 : Math.ceil(short / step) * step;
  // The tier it would then hold: where units ahead are tied (1, 1, 3), passing the rival may take
  // it past next to a better tier (二等奖 for place 2 is no one's: 8.71 more makes it first).
  const reached = 1 + countBetter(order, gained(points));
  const tier = tiers.find((t) => reached >= t.from && reached <= t.to) ?? next;
  // Past the rival's score by 0.01, not level with it: the tie-breaker that keeps it behind, said;
  // or level with it enough, the tie-breaker putting it ahead (two towns 1.01 and 1.02 short of
  // the same prize asked which was miscounted).
  // (Its tie-breakers as they would stand level with it: a total that moves with the key, at its moved value.)
  const key = need >= own ? level.findIndex((k, i) => i > 0 && k !== rival[i]) : -1;
  // More than the key allows (the rival at an item's max and ahead on a tie-breaker): not to be had on it.
  const beyond = most !== undefined && own + points > most;
  return { tier: tier.name, points, ...(beyond ? { beyond: true as const } : {}), ...(key > 0 ? { tie: { key, own: level[key] ?? 0, theirs: rival[key] ?? 0, rival, ...(behindAtEqual ? {} : { ahead: true as const }) } } : {}) };
}

/** What a unit lacks for a better grade (gradeGaps). */
export interface GradeGapFound {
  readonly grade: string;
  readonly points: Points;
  /** The grade's mark. */
  readonly from: Points;
  /**
   * Where the grade's quota is taken by as many others that reach it: how many it takes, how many
   * others reach it, the last within the places (its place in `placed`), whether it must pass
   * that one or level is enough, and (`tied`) what decides level with it on the score: the
   * tie-breakers, or the rubric's rule for ties at the cut.
   */
  readonly quota?: { readonly count: number; readonly others: number; readonly rival: number; readonly pass: boolean; readonly tied: "tie-breakers" | "ties" };
}

/**
 * The points of its ranking's key a unit lacks for a better grade than the one it holds, others
 * unchanged: of each better band, its mark, and where as many others as its quota reach it (those
 * not graded better, nor held out of it by a veto), past the last of them — level is enough where
 * the tie-breakers put it ahead, or where the rubric gives a tie at the cut to all. The least of
 * these, the better band where two are alike (graded best band first, it gets that one). Undefined
 * at the best grade, ungraded, or where a veto sets its grade or holds it at the one it has.
 * `placed`: the ranking's graded units in ranking order; `gradeOf` their grades as decided. Each
 * band's contenders are listed once, for every unit asked of. `moves`: as for gapToNextTier.
 */
export function gradeGaps(r: Ranking, placed: readonly { readonly u: number; readonly keys: readonly number[] }[], gradeOf: (u: number) => string | undefined, held: (u: number, band: number) => boolean, base: number = placed.length, step: Points = 1, moves: readonly number[] = []): (x: { readonly u: number; readonly keys: readonly number[] }) => GradeGapFound | undefined {
  const g = r.grades;
  const names = gradeNames(r);
  /** Each band with a quota: its contenders' places in `placed`, in ranking order, and each one's place in that list. */
  const lists = new Map<number, { at: number[]; index: Map<number, number> }>();
  const contenders = (j: number, from: number): { at: number[]; index: Map<number, number> } => {
    let list = lists.get(j);
    if (!list) {
      const at: number[] = [];
      const index = new Map<number, number>();
      placed.forEach((p, i) => {
        const grade = gradeOf(p.u);
        if ((p.keys[0] ?? 0) < from || held(p.u, j) || (grade !== undefined && names.indexOf(grade) < j)) return;
        index.set(p.u, at.length);
        at.push(i);
      });
      lists.set(j, (list = { at, index }));
    }
    return list;
  };
  return (x) => {
    if (!g) return undefined;
    // Below every band of a rubric that gives the rest no grade: every band is better.
    const graded = gradeOf(x.u);
    const now = graded === undefined ? g.bands.length : names.indexOf(graded);
    if (now <= 0) return undefined;
    const own = x.keys[0] ?? 0;
    let best: GradeGapFound | undefined;
    for (let j = Math.min(now, g.bands.length) - 1; j >= 0; j--) {
      const band = g.bands[j];
      if (!band || held(x.u, j)) continue;
      let points = Math.max(0, band.from - own);
      let quota: GradeGapFound["quota"];
      const count = quotaOf(band, base);
      if (count === 0) continue;
      if (Number.isFinite(count)) {
        // The others that take the band's places before it: the count-th of them, itself not counted.
        const { at, index } = contenders(j, band.from);
        const mine = index.get(x.u);
        const rivalAt = at[mine !== undefined && mine < count ? count : count - 1];
        const rival = rivalAt === undefined ? undefined : placed[rivalAt];
        if (rivalAt !== undefined && rival) {
          // Level with it on the score: ahead or behind on the tie-breakers (those that hold the key moved with it, as for a prize), or level on every key.
          const gain = (rival.keys[0] ?? 0) - own;
          const level = compare([rival.keys[0] ?? 0, ...x.keys.slice(1).map((k, i) => k + Math.round(gain * (moves[i + 1] ?? 0)))], rival.keys);
          const behind = level > 0 || (level === 0 && g.ties === "none");
          points = Math.max(points, (rival.keys[0] ?? 0) - own + (behind ? 1 : 0));
          quota = { count, others: at.length - (mine === undefined ? 0 : 1), rival: rivalAt, pass: behind, tied: level === 0 ? "ties" : "tie-breakers" };
        }
      }
      // In whole steps where the key is an item judged in steps (as the gap to a prize is).
      points = points <= 0 ? 0 : Math.ceil(points / step) * step;
      if (!best || points <= best.points) best = { grade: band.name, points, from: band.from, ...(quota ? { quota } : {}) };
    }
    return best;
  };
}

/** A contender's ranking score (its first key) at its lowest and highest outcome. */
const lo0 = (c: Contender): number => c.lo[0] ?? 0;
const hi0 = (c: Contender): number => c.hi[0] ?? 0;
/** Its keys differ between its outcomes (it has pending rows that count). */
const moves = (c: Contender): boolean => compare(c.lo, c.hi) !== 0;

/** How many of `sorted` (ascending) are below `x`. */
function below(sorted: ArrayLike<number>, x: number, orEqual: boolean): number {
  return partitionPoint(sorted.length, (i) => {
    const v = sorted[i] ?? 0;
    return v < x || (orEqual && v === x);
  });
}

/** A grade band as the quota check needs it: its line, and how many units it takes at most (Infinity: no quota). */
export interface QuotaBand {
  readonly from: Points;
  readonly quota: number;
}

/**
 * The contenders whose grade a band's quota could give or take as the pending rows are decided,
 * beyond what their own score's band says (that is judged apart): a unit may be pushed out of a
 * full band by another's claim, or let into it. Sound, not exact: a unit is left settled only
 * where, whatever is decided, it is surely within the quota (it reaches the band, and fewer units
 * than the quota could be ahead of it or level with it) or surely outside it (as many as the quota
 * are surely ahead), or where neither it nor any unit that could be level or ahead has rows that
 * count. Bands are taken best first; a unit surely given one goes no further, and one that may be
 * given one is never counted as surely taking a place in the next. `held`: a veto keeps it out of
 * that band; `graded`: its grade as scored is that band.
 */
export function quotaUnsettled(bands: readonly QuotaBand[], contenders: readonly Contender[], held: (u: number, band: number) => boolean, graded: (u: number, band: number) => boolean): number[] {
  const out: number[] = [];
  let pool = contenders;
  /** Units that may yet be given a better band: they may not take a place in this one. */
  const maybeAbove = new Set<number>();
  bands.forEach((band, bi) => {
    const reach = pool.filter((c) => hi0(c) >= band.from && !held(c.u, bi));
    const surely = new Set<number>();
    const maybe: number[] = [];
    if (reach.length > band.quota) {
      // Typed arrays sort numbers without a comparator (a province's band holds tens of thousands).
      const his = Float64Array.from(reach, hi0).sort();
      // Only a unit surely competing here (no better band possible) surely takes a place ahead.
      const los = Float64Array.from(reach.filter((c) => !maybeAbove.has(c.u)), lo0).sort();
      let movingHi = Number.NEGATIVE_INFINITY;
      for (const c of reach) if (moves(c) && hi0(c) > movingHi) movingHi = hi0(c);
      for (const c of reach) {
        // Nothing that could be level with it or ahead moves, nor does it: as scored.
        if (!moves(c) && movingHi < lo0(c)) {
          if (graded(c.u, bi)) surely.add(c.u);
          continue;
        }
        // Others that could be ahead or level (its own highest is among `his`: not counted).
        const aheadOrLevel = his.length - below(his, lo0(c), false) - 1;
        const surelyAhead = los.length - below(los, hi0(c), true);
        if (lo0(c) >= band.from && aheadOrLevel < band.quota) surely.add(c.u);
        else if (surelyAhead < band.quota) {
          out.push(c.u);
          maybe.push(c.u);
        }
      }
    } else {
      // No cut: whoever reaches it at its lowest is graded here (the others' band is their own to
      // judge, but they may yet be graded here).
      for (const c of reach) {
        if (lo0(c) >= band.from) surely.add(c.u);
        else maybe.push(c.u);
      }
    }
    for (const u of maybe) maybeAbove.add(u);
    if (surely.size) pool = pool.filter((c) => !surely.has(c.u));
  });
  return out;
}

/**
 * The ranking graded afresh with each contender's keys as `keysOf` gives them (one way the pending
 * rows may be decided): unit → its grade, none where it gets none.
 */
export function gradedWith(r: Ranking, contenders: readonly Contender[], keysOf: (c: Contender) => readonly number[], effects: ReadonlyMap<number, VetoEffect>, base: number = contenders.length): Map<number, string> {
  const placed = contenders.map((c) => ({ u: c.u, rank: 0, keys: keysOf(c) })).sort((a, b) => compare(a.keys, b.keys));
  return new Map([...decideGrades(r, placed, effects, base)].map(([u, g]) => [u, g.grade]));
}

/**
 * The grades a unit may end with where a quota may move it (found by quotaUnsettled): its grade at
 * its best, its highest keys against every other's lowest, and at its worst, the other way; each
 * is what some decision of the pending rows gives (every unit's rows are its own). Best first;
 * a grade between the two (a third band) is not said.
 */
export function gradesAtEnds(r: Ranking, contenders: readonly Contender[], u: number, effects: ReadonlyMap<number, VetoEffect>, base: number = contenders.length): string[] {
  const at = (best: boolean): string | undefined => gradedWith(r, contenders, (c) => (c.u === u ? (best ? c.hi : c.lo) : best ? c.lo : c.hi), effects, base).get(u);
  const found = new Set([at(true), at(false)]);
  return gradeNames(r).filter((n) => found.has(n));
}

/**
 * The contenders whose being last (a yellow card for the last place) could change as the pending
 * rows are decided: those that could end last, level with others or alone, but not surely so, where
 * it or a unit whose range meets its own has rows that count. On every key, the tie-breakers
 * included (level on the score, a unit the tie-breakers put ahead is not last). Sound, not exact:
 * each unit's lowest and highest keys are taken whole.
 */
export function lastPlaceUnsettled(contenders: readonly Contender[]): number[] {
  if (contenders.length < 2) return [];
  // The two worst of the units' highest keys (and of their lowest): the worst among the others of any unit.
  // (`sign` 1: the worst and the next; −1: the best and the next.)
  const two = (f: (c: Contender) => readonly number[], sign = 1): { worst?: readonly number[]; next?: readonly number[]; at: number } => {
    let worst: readonly number[] | undefined;
    let next: readonly number[] | undefined;
    let at = -1;
    contenders.forEach((c, i) => {
      const v = f(c);
      if (worst === undefined || sign * compare(v, worst) > 0) {
        next = worst;
        worst = v;
        at = i;
      } else if (next === undefined || sign * compare(v, next) > 0) next = v;
    });
    return { ...(worst ? { worst } : {}), ...(next ? { next } : {}), at };
  };
  const highs = two((c) => c.hi);
  const lows = two((c) => c.lo);
  // The best of the units' lowest keys, and the next: one surely ahead of a unit, if any is.
  const bestLows = two((c) => c.lo, -1);
  const movers = contenders.filter(moves);
  const out: number[] = [];
  contenders.forEach((c, i) => {
    // Could end last: none of the others surely behind it (their highest behind its lowest).
    const otherHigh = i === highs.at ? highs.next : highs.worst;
    if (otherHigh && compare(otherHigh, c.lo) > 0) return;
    // Surely last, alone or level: none of the others ever behind it (their lowest not behind its
    // highest), and one always ahead, so that the last place is never the first (all level).
    const otherLow = i === lows.at ? lows.next : lows.worst;
    const otherBest = i === bestLows.at ? bestLows.next : bestLows.worst;
    if (otherLow && otherBest && compare(otherLow, c.hi) <= 0 && compare(otherBest, c.hi) < 0) return;
    if (moves(c) || movers.some((v) => v.u !== c.u && compare(v.hi, c.lo) <= 0 && compare(v.lo, c.hi) >= 0)) out.push(c.u);
  });
  return out;
}
