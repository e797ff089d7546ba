// Awards (六、考核奖惩): rank tiers, single-item awards and yellow cards, decided on the awards
// ranking. Vetoed units are never ranked and win nothing (their vetoes are named by the caller).
import type { Rubric } from "../rubric/model.js";
import type { KindPlan } from "../rubric/plan.js";
import type { Award, RankingResult, UnitResult } from "../model/results.js";
import { compareNames } from "./order.js";

/** Each unit's awards, by its index in `units`. */
export function decideAwards(rubric: Rubric, units: readonly UnitResult[], ranking: RankingResult | undefined, scorers: ReadonlyMap<string, { plan: KindPlan }>): Award[][] {
  const out: Award[][] = units.map(() => []);
  if (!ranking) return out;
  const ranked = ranking.entries.filter((e) => e.rank !== null && !units[e.unit]?.vetoed);
  const rankOf = (u: number): number => units[u]?.ranks[ranking.id] ?? 0;

  for (const e of ranked) {
    const rank = e.rank ?? 0;
    const tier = rubric.awards.tiers.find((t) => rank >= t.from && rank <= t.to);
    if (tier) out[e.unit]?.push({ kind: "rank", tier: tier.name, ...(tier.amount !== undefined ? { amount: tier.amount } : {}) });
  }

  const levelIndex = (level: string): number => {
    const i = rubric.awards.levelOrder.indexOf(level);
    return i < 0 ? rubric.awards.levelOrder.length : i;
  };
  for (const s of rubric.awards.single) {
    const candidates = ranked.flatMap(({ unit: u }) => {
      const unit = units[u];
      if (!unit) return [];
      const entries = unit.ledger.filter((r) => r.counted && r.kind === "single" && r.entry.code === s.code);
      const best = [...entries].sort((a, b) => levelIndex(a.entry.level ?? "") - levelIndex(b.entry.level ?? "") || a.entry.row - b.entry.row)[0];
      if (!best) return [];
      const node = s.linkedItem !== undefined ? scorers.get(unit.kind)?.plan.index.get(s.linkedItem) : undefined;
      const score = node === undefined ? 0 : (unit.points[node] ?? 0);
      return [{ u, best, level: levelIndex(best.entry.level ?? ""), score }];
    });
    candidates.sort((a, b) => a.level - b.level || b.score - a.score || compareNames(units[a.u]?.name ?? "", units[b.u]?.name ?? ""));
    let winners = candidates;
    if (s.count !== undefined && candidates.length > s.count) {
      const last = candidates[s.count - 1];
      // Candidates tied with the last place on level and linked score win too.
      winners = last ? candidates.filter((c) => c.level < last.level || (c.level === last.level && c.score >= last.score)) : [];
    }
    for (const w of winners) out[w.u]?.push({ kind: "single", code: s.code, name: s.name, amount: s.amount, level: w.best.entry.level ?? "", basis: w.best.entry.at });
  }

  const yc = rubric.awards.yellowCard;
  if (yc && ranked.length) {
    const lastRank = Math.max(...ranked.map((e) => rankOf(e.unit)));
    for (const { unit: u } of ranked) {
      const unit = units[u];
      if (!unit) continue;
      const reasons: ("last" | "below")[] = [];
      if (yc.lastPlace && lastRank > 1 && rankOf(u) === lastRank) reasons.push("last");
      if (yc.below !== undefined && unit.total < yc.below) reasons.push("below");
      if (reasons.length) out[u]?.push({ kind: "warning", name: yc.name, reasons, ...(yc.below !== undefined ? { below: yc.below } : {}) });
    }
  }
  return out;
}
