// What a ranking decides (六、考核奖惩): rank tiers, grades with their quotas, single-item awards
// and the yellow card. A vetoed unit wins no prize; where its veto lets it keep its rank, its
// prize place is left empty or passed on, and its grade held, as the rubric declares.
import type { Ranking, Rubric, VetoEffect } from "../rubric/model.js";
import { leaves, levelRank } from "../rubric/model.js";
import { quotaBase, quotaOf } from "../rubric/quota.js";
import type { KindPlan } from "../rubric/plan.js";
import type { Points } from "../model/numbers.js";
import type { Award, EmptiedPlace, GradeCut, UnitResult, Veto, WithheldAward } from "../model/results.js";
import { compareNames } from "./order.js";

/** A ranked unit, in ranking order: its index, rank and key values. */
export interface Placed {
  readonly u: number;
  readonly rank: number;
  readonly keys: readonly number[];
}

export interface OutcomeInput {
  readonly units: readonly UnitResult[];
  /** Each vetoed unit's veto effect (merged over its failed gates). */
  readonly effects: ReadonlyMap<number, VetoEffect>;
  readonly plans: ReadonlyMap<string, KindPlan>;
  /** Told of each single-item award a vetoed unit's ledger recognizes, withheld by its veto. */
  readonly withhold?: (u: number, w: WithheldAward) => void;
}

function sameKeys(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The places prizes are given by: each unit that may win keeps the place it would have if only
 * the units that may win, and the vetoed ones whose place stays empty, were ranked.
 */
export function prizePlaces(placed: readonly Placed[], eligible: (u: number) => boolean, blocks: (u: number) => boolean, blocked?: Map<number, number>): Map<number, number> {
  const out = new Map<number, number>();
  let ahead = 0;
  for (let i = 0; i < placed.length; ) {
    let j = i;
    while (j < placed.length && sameKeys(placed[j]?.keys ?? [], placed[i]?.keys ?? [])) j++;
    for (let k = i; k < j; k++) {
      const p = placed[k];
      if (p && eligible(p.u)) out.set(p.u, ahead + 1);
      // The place a vetoed unit keeps empty (`blocked`, where asked for).
      else if (p && blocked && blocks(p.u)) blocked.set(p.u, ahead + 1);
    }
    for (let k = i; k < j; k++) {
      const p = placed[k];
      if (p && (eligible(p.u) || blocks(p.u))) ahead++;
    }
    i = j;
  }
  return out;
}

/**
 * The prize places vetoed units keep empty (their veto's place: empty), each with the tier it
 * would have given (奖次空缺); `shared`: the place a unit tied with it holds, and its tier.
 */
export function emptiedPlaces(r: Ranking, placed: readonly Placed[], o: Pick<OutcomeInput, "units" | "effects">): EmptiedPlace[] {
  if (!r.tiers.length || ![...o.effects.values()].some((e) => e.placeEmpty)) return [];
  const blocked = new Map<number, number>();
  const holders = new Map<number, number>();
  for (const place of prizePlaces(placed, (u) => !o.units[u]?.vetoed, (u) => o.effects.get(u)?.placeEmpty === true, blocked).values()) holders.set(place, (holders.get(place) ?? 0) + 1);
  // Units tied at a place take as many places as they are: those that may win hold the first of
  // them (and its tier), the vetoed ones keep the rest empty (two vetoed at 3rd keep 3 and 4,
  // which may be two tiers' places; one tied with a holder at 2nd keeps 3).
  const tied = new Map<number, number>();
  for (const place of blocked.values()) tied.set(place, (tied.get(place) ?? 0) + 1);
  const tierAt = (place: number): string | undefined => r.tiers.find((t) => place >= t.from && place <= t.to)?.name;
  return [...blocked].flatMap(([unit, first]): EmptiedPlace[] => {
    const held = holders.get(first) ?? 0;
    const sharedTier = held ? tierAt(first) : undefined;
    const shared = sharedTier !== undefined ? { tier: sharedTier, place: first } : undefined;
    return Array.from({ length: tied.get(first) ?? 1 }, (_, k) => first + held + k).flatMap((place) => {
      const tier = tierAt(place);
      return tier ? [{ unit, place, tier, ...(shared ? { shared } : {}) }] : [];
    });
  });
}

/** A ranking's grades, best first, the one below every band last: a grade's place is its band's index. */
export function gradeNames(r: Ranking): string[] {
  const g = r.grades;
  return g ? [...g.bands.map((b) => b.name), ...(g.otherwise ? [g.otherwise] : [])] : [];
}

/** Whether a unit's veto keeps it out of a band of the ranking's grades (by its index, best first). */
export function heldOutOf(r: Ranking, effects: ReadonlyMap<number, VetoEffect>): (u: number, band: number) => boolean {
  const names = gradeNames(r);
  return (u, band) => {
    const e = effects.get(u);
    if (!e) return false;
    if (e.grade !== undefined) return true;
    return e.gradeAtMost !== undefined && band < names.indexOf(e.gradeAtMost);
  };
}

/**
 * Grades by the ranking's score: best band first, each taking the units not yet graded that reach
 * it, in ranking order, up to its quota; units tied at the cut (on every key) all get it or none
 * do, as the rubric says. A veto may set a unit's grade or hold it below a band.
 */
type Graded = { grade: string; held: boolean; atMost?: boolean; cut?: GradeCut; over?: { quota: number; given: number } };

export function decideGrades(r: Ranking, placed: readonly Placed[], effects: ReadonlyMap<number, VetoEffect>, base: number = placed.length): Map<number, Graded> {
  const out = new Map<number, Graded>();
  /** Units that reached a band but were left out by its quota: the best such band. */
  const cutFrom = new Map<number, GradeCut>();
  const g = r.grades;
  if (!g) return out;
  const held = heldOutOf(r, effects);
  let left = placed.filter((p) => !out.has(p.u));
  const n = base;
  /** Units kept out of a band they reach by their veto. */
  const kept = new Set<number>();
  g.bands.forEach((band, bi) => {
    const reach = left.filter((p) => {
      if ((p.keys[0] ?? 0) < band.from) return false;
      if (!held(p.u, bi)) return true;
      kept.add(p.u);
      return false;
    });
    const quota = quotaOf(band, n);
    let take = reach;
    /** Where the tied units at the cut all got it (ties: all): those past the quota by it. */
    let tiedOver: ((p: Placed) => boolean) | undefined;
    if (reach.length > quota) {
      const cut = reach[quota];
      const last = quota > 0 ? reach[quota - 1] : undefined;
      if (last && cut && sameKeys(last.keys, cut.keys)) {
        // Still tied at the cut: all of the tied units, or none of them.
        const tied = (p: Placed): boolean => sameKeys(p.keys, last.keys);
        take = g.ties === "all" ? reach.filter((p, i) => i < quota || tied(p)) : reach.slice(0, quota).filter((p) => !tied(p));
        if (g.ties === "all") tiedOver = tied;
      } else take = reach.slice(0, quota);
    }
    // The tied ones say so (2 优秀 of a quota of 1 is no mistake): one object for all of them.
    const over = tiedOver && take.length > quota ? { quota, given: take.length } : undefined;
    for (const p of take) {
      const cut = cutFrom.get(p.u);
      out.set(p.u, { grade: band.name, held: false, ...(cut ? { cut } : {}), ...(over && tiedOver?.(p) ? { over } : {}) });
    }
    // Left out: by the quota filled ahead of them, or (ties: none) by a tie at its line. One
    // object for all of them (a province's band leaves out thousands).
    if (take.length < reach.length) {
      // The keys tied at the line, where the rubric gives the grade to none of them.
      const line = take.length < Math.min(quota, reach.length) ? reach[quota - 1]?.keys : undefined;
      // Behind such a tie the quota is not full: its places are left empty, not passed on.
      const full: GradeCut = { grade: band.name, quota, ...(take.length > quota ? { given: take.length } : {}), ...(line ? { unused: quota - take.length } : {}), ...(quota === 0 && band.quotaRound === "nearest" ? { round: "nearest" as const } : {}) };
      // Those tied at it: how many, and for how many places (the quota less those given above the tie).
      const tiedAt = line ? reach.filter((p) => sameKeys(p.keys, line)).length : 0;
      const tied: GradeCut = { grade: band.name, quota, tied: true, unused: quota - take.length, tiedWith: tiedAt - 1 };
      for (const p of reach) if (!out.has(p.u) && !cutFrom.has(p.u)) cutFrom.set(p.u, line && sameKeys(p.keys, line) ? tied : full);
    }
    left = left.filter((p) => !out.has(p.u));
  });
  for (const p of left) {
    const cut = cutFrom.get(p.u);
    if (g.otherwise) out.set(p.u, { grade: g.otherwise, held: false, ...(cut ? { cut } : {}) });
  }
  // A veto's grade: set outright, or the unit went down to the first band it may hold.
  for (const [u, e] of effects) {
    const cur = out.get(u);
    if (e.grade !== undefined) out.set(u, { grade: e.grade, held: true });
    // (Kept from a band and given the one it is held to: held. Given a lower one still, the held-to
    // band's quota full, its grade is that quota's to say, not the veto's: 至多评为合格 was said of
    // a unit held to 良好.)
    else if (cur && kept.has(u) && cur.grade === e.gradeAtMost) out.set(u, { grade: cur.grade, held: true, atMost: true });
  }
  return out;
}

/** A unit's counted recognition of a single-item award at its highest level (the first row of that level), if any. */
function bestRecognition(rubric: Rubric, unit: UnitResult, code: string): UnitResult["ledger"][number] | undefined {
  const rows = unit.ledger.filter((x) => x.counted && x.kind === "single" && x.entry.code === code);
  return rows.sort((a, b) => levelRank(rubric, a.entry.level) - levelRank(rubric, b.entry.level) || a.entry.row - b.entry.row)[0];
}

/** Every award a ranking decides, by unit index. */
export function decideOutcomes(rubric: Rubric, r: Ranking, placed: readonly Placed[], members: readonly number[], o: OutcomeInput): Map<number, Award[]> {
  const out = new Map<number, Award[]>();
  const push = (u: number, a: Award): void => {
    const list = out.get(u);
    if (list) list.push(a);
    else out.set(u, [a]);
  };
  const { units, effects } = o;
  const eligible = (u: number): boolean => !units[u]?.vetoed;
  const blocks = (u: number): boolean => effects.get(u)?.placeEmpty === true;
  // Prize places only where the ranking gives prizes.
  const prize = r.tiers.length ? prizePlaces(placed, eligible, blocks) : new Map<number, number>();

  for (const p of placed) {
    const place = prize.get(p.u);
    if (place === undefined) continue;
    const tier = r.tiers.find((t) => place >= t.from && place <= t.to);
    if (tier) push(p.u, { kind: "rank", ranking: r.id, rankingName: r.name, tier: tier.name, ...(tier.amount !== undefined ? { amount: tier.amount } : {}), ...(place !== p.rank ? { place } : {}) });
  }

  // Each gate's declared effect, by its code (what a failed gate held a grade to): looked up only
  // where a unit that failed a grade-only gate has a held grade.
  let declared: Map<string, VetoEffect> | undefined;
  /** The grade-only gate whose grade (set, or held to) the unit has, where no veto of its gives that grade. */
  const heldBy = (u: number, atMost: boolean): Veto | undefined => {
    if (!units[u]?.holds) return undefined;
    if (!declared) {
      declared = new Map();
      for (const line of rubric.lines) for (const item of leaves(line.items)) if (item.kind === "gate" && item.veto) declared.set(item.code, item.veto);
    }
    const gates = declared;
    const e = effects.get(u);
    const grade = atMost ? e?.gradeAtMost : e?.grade;
    const gives = (v: Veto): boolean => (atMost ? gates.get(v.gate)?.gradeAtMost : gates.get(v.gate)?.grade) === grade;
    if (grade === undefined || (units[u]?.vetoes ?? []).some(gives)) return undefined;
    return units[u]?.holds?.find(gives);
  };
  if (r.grades) {
    const memberEffects = new Map<number, VetoEffect>();
    for (const u of members) {
      const e = effects.get(u);
      if (e) memberEffects.set(u, e);
    }
    const grades = decideGrades(r, placed, memberEffects, quotaBase(r, placed.length, members.length));
    // Units with a grade in rank order, then unranked ones holding one (a veto's grade).
    const isPlaced = new Set(placed.map((p) => p.u));
    const graded = [...placed.map((p) => p.u), ...members.filter((u) => !isPlaced.has(u))];
    for (const u of graded) {
      const g = grades.get(u);
      // Held by a gate that holds the grade alone (no veto of the unit's holding it so): by that gate.
      const hold = g?.held ? heldBy(u, g.atMost === true) : undefined;
      const by = hold ? { by: { gate: hold.gate, gateName: hold.gateName } } : {};
      if (g) push(u, { kind: "grade", ranking: r.id, rankingName: r.name, grade: g.grade, ...(g.held ? { held: true } : {}), ...(g.atMost ? { atMost: true } : {}), ...by, ...(g.cut && !g.held ? { cut: g.cut } : {}), ...(g.over && !g.held ? { over: g.over } : {}) });
    }
  }

  // The units with a counted single-item row at all (few, in any district).
  const recognised = r.single.length ? placed.filter(({ u }) => units[u]?.ledger.some((x) => x.counted && x.kind === "single")) : [];
  for (const s of r.single) {
    const candidates = recognised.flatMap(({ u }) => {
      const unit = units[u];
      if (!unit || !eligible(u)) return [];
      const best = bestRecognition(rubric, unit, s.code);
      if (!best) return [];
      const node = s.linkedItem !== undefined ? o.plans.get(unit.kind)?.index.get(s.linkedItem) : undefined;
      const score: Points = node === undefined ? 0 : (unit.points[node] ?? 0);
      return [{ u, best, level: levelRank(rubric, best.entry.level), score }];
    });
    candidates.sort((a, b) => a.level - b.level || b.score - a.score || compareNames(units[a.u]?.name ?? "", units[b.u]?.name ?? ""));
    let winners = candidates;
    // Past its count by a tie at its last place: each of those tied says so (限 2 个,共 3 个).
    let over: ((c: (typeof candidates)[number]) => { count: number; given: number } | undefined) | undefined;
    if (s.count !== undefined && candidates.length > s.count) {
      const count = s.count;
      const last = candidates[count - 1];
      // Candidates tied with the last place on level and linked score win too.
      winners = last ? candidates.filter((c) => c.level < last.level || (c.level === last.level && c.score >= last.score)) : [];
      const given = winners.length;
      if (last && given > count) over = (c) => (c.level === last.level && c.score === last.score ? { count, given } : undefined);
    }
    for (const w of winners) {
      const beyond = over?.(w);
      push(w.u, { kind: "single", ranking: r.id, rankingName: r.name, code: s.code, name: s.name, ...(s.amount !== undefined ? { amount: s.amount } : {}), level: w.best.entry.level ?? "", basis: w.best.entry.at, ...(beyond ? { over: beyond } : {}) });
    }
    // A vetoed unit's recognition of it (ranked or not): withheld, by the award's name, at its best level.
    if (o.withhold)
      for (const u of members) {
        const unit = units[u];
        if (!unit?.vetoed) continue;
        const best = bestRecognition(rubric, unit, s.code);
        if (best) o.withhold(u, { ranking: r.id, rankingName: r.name, code: s.code, name: s.name, level: best.entry.level ?? "", basis: best.entry.at });
      }
  }

  const yc = r.yellowCard;
  // A ranking by a line or an item: what its score is (a card below a mark is below that, not the total).
  const plan = o.plans.get(r.unitKind);
  const byNode = r.by === "total" ? undefined : plan?.nodes[plan.index.get(r.by) ?? -1];
  const of = byNode ? `${byNode.code} ${byNode.name}` : undefined;
  if (yc && placed.length) {
    // In ranking order, the last rank is the largest (no spread of a province's ranks into arguments).
    const lastRank = placed[placed.length - 1]?.rank ?? 0;
    for (const p of placed) {
      const unit = units[p.u];
      if (!unit) continue;
      const reasons: ("last" | "below")[] = [];
      if (yc.lastPlace && lastRank > 1 && p.rank === lastRank) reasons.push("last");
      if (yc.below !== undefined && (p.keys[0] ?? 0) < yc.below) reasons.push("below");
      // Both at once where the rubric asks for both (末位且低于): either alone gives none.
      if (yc.both === true && reasons.length < 2) continue;
      if (reasons.length) push(p.u, { kind: "warning", ranking: r.id, rankingName: r.name, name: yc.name, reasons, ...(yc.below !== undefined ? { below: yc.below } : {}), ...(of !== undefined ? { of, score: p.keys[0] ?? 0 } : {}) });
    }
  }
  return out;
}
