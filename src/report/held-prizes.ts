// The prizes a vetoed unit that keeps its rank would have won by its place, and where each went
// (left empty, or passed to the unit behind): said by explain, and given in the JSON.
import { gateVetoes, type Rubric } from "../rubric/model.js";
import type { Award, Results } from "../model/results.js";
import { partitionPoint } from "../model/search.js";

/**
 * A prize a vetoed unit that keeps its rank would have won: its ranking, rank, prize place and
 * tier; `tied`, one it would have shared with the units tied with it, and `kept`, the place it
 * keeps empty then (their places run on past it: 1, 1, 1 takes 1–3, its own the last).
 */
export interface HeldPrize {
  /** The ranking's name, and its id. */
  readonly ranking: string;
  readonly rankingId: string;
  readonly rank: number;
  readonly place: number;
  readonly tier: string;
  readonly empty: boolean;
  /**
   * Passed on, but no unit behind it to take it (the last ranked, or only vetoed units after it):
   * left empty; tied, no unit behind won a prize by moving up.
   */
  readonly noneBehind?: boolean;
  readonly tied?: boolean;
  readonly kept?: { readonly place: number; readonly tier: string };
}

/**
 * The prizes a vetoed unit that keeps its rank would have won by its rank, on each ranking with
 * prizes: said with where they went (left empty, or passed to the unit behind), as the unit's line
 * in 奖惩名单 says nothing of it (it holds no prize) and the units that were passed one say it.
 */
export function heldPrizes(rubric: Rubric, results: Results, index: number): HeldPrize[] {
  return heldPrizeReader(rubric, results)(index);
}

/**
 * heldPrizes for any unit of the results, what every unit's reading needs worked out once: the
 * gates' veto effects, and by ranking its places kept empty and the prize each rank was given (a
 * province's JSON asks it of every unit: looked up afresh, thousands of vetoed units took seconds).
 */
export function heldPrizeReader(rubric: Rubric, results: Results): (index: number) => HeldPrize[] {
  const gates = gateVetoes(rubric);
  // Each unit's first place kept empty (units tied keep one each, in turn: its first is its own).
  const emptied = new Map(
    results.rankings.map((r) => {
      const first = new Map<number, NonNullable<typeof r.emptied>[number]>();
      for (const e of r.emptied ?? []) if (!first.has(e.unit)) first.set(e.unit, e);
      return [r.id, first] as const;
    }),
  );
  // The first prize given at each rank of a ranking, made where first asked for.
  const given = new Map<string, Map<number, Extract<Award, { kind: "rank" }>>>();
  const prizeAt = (id: string, rank: number): Extract<Award, { kind: "rank" }> | undefined => {
    let byRank = given.get(id);
    if (!byRank) {
      byRank = new Map();
      for (const o of results.units) {
        const at = o.ranks[id];
        if (at === null || at === undefined || byRank.has(at)) continue;
        const a = o.awards.find((x): x is Extract<Award, { kind: "rank" }> => x.kind === "rank" && x.ranking === id);
        if (a) byRank.set(at, a);
      }
      given.set(id, byRank);
    }
    return byRank.get(rank);
  };
  // Each ranking's ranks that units not vetoed hold, in order, worked out where first asked for
  // (not the whole ranking again for each of a province's vetoed units).
  const held = new Map<string, number[]>();
  const unvetoedRanks = (r: (typeof results.rankings)[number]): number[] => {
    let ranks = held.get(r.id);
    if (!ranks) {
      const seen = new Set<number>();
      for (const e of r.entries) if (e.rank !== null && results.units[e.unit]?.vetoed === false) seen.add(e.rank);
      ranks = [...seen].sort((a, b) => a - b);
      held.set(r.id, ranks);
    }
    return ranks;
  };
  // The first rank behind `rank` a unit not vetoed holds (the units its place passes to).
  const nextRank = (r: (typeof results.rankings)[number], rank: number): number | undefined => {
    const ranks = unvetoedRanks(r);
    return ranks[partitionPoint(ranks.length, (i) => (ranks[i] ?? 0) <= rank)];
  };
  return (index) => {
    const u = results.units[index];
    if (!u?.vetoed) return [];
    // Its veto effects, as the engine merges them: ranked where every gate failed keeps it ranked,
    // its place empty if any gate says so.
    const effects = u.vetoes.map((v) => gates.get(v.gate));
    if (!effects.every((e) => e?.ranked === true)) return [];
    const empty = effects.some((e) => e?.placeEmpty === true);
    return results.rankings.flatMap((r): HeldPrize[] => {
      const ranking = rubric.rankings.find((x) => x.id === r.id);
      const rank = u.ranks[r.id];
      if (!ranking?.tiers.length || rank === null || rank === undefined) return [];
      // Its place kept empty: the prize place it holds (after units passed theirs on), as the award
      // list's 空缺 row says; none where that place gives no prize.
      if (empty) {
        const kept = emptied.get(r.id)?.get(index);
        // Where a unit tied with it holds their first place: the prize it would have shared.
        if (kept?.shared !== undefined) return [{ ranking: r.name, rankingId: r.id, rank, place: kept.shared.place, tier: kept.shared.tier, empty, tied: true, kept: { place: kept.place, tier: kept.tier } }];
        if (kept) return [{ ranking: r.name, rankingId: r.id, rank, place: kept.place, tier: kept.tier, empty }];
        // Its own place past the prizes, but tied with a unit that won one there (三等奖 at 5th, it
        // 5th too, its place the 6th): the prize it would have shared, no place kept empty. (Its
        // own awards hold no prize: it is vetoed.)
        const shared = prizeAt(r.id, rank);
        return shared ? [{ ranking: r.name, rankingId: r.id, rank, place: shared.place ?? rank, tier: shared.tier, empty, tied: true }] : [];
      }
      const next = nextRank(r, rank);
      // Tied with a unit that won a prize there: the prize it would have shared. The units tied
      // keep theirs; its place passed on moves the units behind up one, which may bring them
      // none (tied at the last prize place: the next place gives none).
      const shared = prizeAt(r.id, rank);
      if (shared) {
        const gained = next !== undefined && prizeAt(r.id, next) !== undefined;
        return [{ ranking: r.name, rankingId: r.id, rank, place: shared.place ?? rank, tier: shared.tier, empty, tied: true, ...(gained ? {} : { noneBehind: true }) }];
      }
      // The prize of its rank as it stands (第 2 名 → 二等奖): what it would have won had it not been
      // vetoed, each vetoed unit said alike, whatever the others ahead of it.
      const tier = ranking.tiers.find((t) => rank >= t.from && rank <= t.to);
      // (Passed on to a unit behind it, where there is one that may win.)
      return tier ? [{ ranking: r.name, rankingId: r.id, rank, place: rank, tier: tier.name, empty, ...(next !== undefined ? {} : { noneBehind: true }) }] : [];
    });
  };
}
