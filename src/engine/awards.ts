// Awards (六、考核奖惩): rank tiers, single-item awards, yellow cards and vetoes. Vetoed units
// are never ranked and win nothing; they are named with the gate and values that failed.
import type { Points, Rubric } from "../rubric/model.js";
import type { Award, LedgerResult } from "./model.js";
import { collator } from "./order.js";

export interface AwardInput {
  readonly name: string;
  readonly vetoed: boolean;
  readonly rank: number | null;
  readonly total: Points;
  readonly ledger: readonly LedgerResult[];
  /** A scored item's points by code (for the linked item of a single-item award). */
  readonly itemPoints: (code: string) => Points;
}

export function decideAwards(rubric: Rubric, units: readonly AwardInput[]): Map<string, Award[]> {
  const out = new Map<string, Award[]>(units.map((u) => [u.name, []]));
  const ranked = units.filter((u) => !u.vetoed && u.rank !== null);
  const push = (name: string, a: Award): void => {
    out.get(name)?.push(a);
  };

  for (const u of ranked) {
    const tier = rubric.awards.tiers.find((t) => u.rank !== null && u.rank >= t.from && u.rank <= t.to);
    if (tier) push(u.name, { kind: "rank", tier: tier.name, ...(tier.amount !== undefined ? { amount: tier.amount } : {}) });
  }

  const levelIndex = (level: string): number => {
    const i = rubric.awards.levelOrder.indexOf(level);
    return i < 0 ? rubric.awards.levelOrder.length : i;
  };
  for (const s of rubric.awards.single) {
    const candidates = ranked.flatMap((u) => {
      const entries = u.ledger.filter((r) => r.counted && r.kind === "single" && r.entry.code === s.code);
      if (!entries.length) return [];
      const best = [...entries].sort((a, b) => levelIndex(a.entry.level ?? "") - levelIndex(b.entry.level ?? "") || a.entry.row - b.entry.row)[0];
      if (!best) return [];
      const score = s.linkedItem !== undefined ? u.itemPoints(s.linkedItem) : 0;
      return [{ u, best, level: levelIndex(best.entry.level ?? ""), score }];
    });
    candidates.sort((a, b) => a.level - b.level || b.score - a.score || collator.compare(a.u.name, b.u.name));
    let winners = candidates;
    if (s.count !== undefined && candidates.length > s.count) {
      const last = candidates[s.count - 1];
      // Candidates tied with the last place on level and linked score win too.
      winners = last ? candidates.filter((c) => c.level < last.level || (c.level === last.level && c.score >= last.score)) : [];
    }
    for (const w of winners) {
      push(w.u.name, { kind: "single", code: s.code, name: s.name, amount: s.amount, level: w.best.entry.level ?? "", basis: w.best.entry.at });
    }
  }

  const yc = rubric.awards.yellowCard;
  if (yc && ranked.length) {
    const lastRank = Math.max(...ranked.map((u) => u.rank ?? 0));
    for (const u of ranked) {
      const reasons: ("last" | "below")[] = [];
      if (yc.lastPlace && lastRank > 1 && u.rank === lastRank) reasons.push("last");
      if (yc.below !== undefined && u.total < yc.below) reasons.push("below");
      if (reasons.length) push(u.name, { kind: "warning", name: yc.name, reasons, ...(yc.below !== undefined ? { below: yc.below } : {}) });
    }
  }
  return out;
}
