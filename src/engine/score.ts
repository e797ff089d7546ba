// Scores a submission: every unit's items (the relative kinds against the others of its group),
// groups and lines, the ledger charged to the total, a line or an item, the weighted total
// (floored at 0), the rankings, then what each ranking decides. Pure: the same rubric and
// submission always give the same results. Each unit's points are computed once, into one shared
// integer array.
import type { LedgerCode, Rubric, UnitKind, VetoEffect } from "../rubric/model.js";
import { isMeasured, isRelative } from "../rubric/model.js";
import { plans as plansOf, type KindPlan } from "../rubric/plan.js";
import type { Points } from "../model/numbers.js";
import type { LedgerEntry, Submission } from "../model/submission.js";
import type { Award, RankingEntry, RankingResult, RelativeBasis, Results, UnitResult, Veto } from "../model/results.js";
import { divRound, leafScorer, lowerIsBetter, type LeafScorer } from "./leaf.js";
import { scoreRelative, type Member } from "./relative.js";
import { scoreLedger } from "./ledger.js";
import { ranked } from "./rank.js";
import { decideOutcomes, type Placed } from "./outcomes.js";
import { compareNames } from "./order.js";

/** A unit's result while it is being made: filled in step by step. */
interface Building extends UnitResult {
  subtotals: Record<string, Points>;
  bonus: Points;
  deduction: Points;
  total: Points;
  floored: boolean;
  ranks: Record<string, number | null>;
  grades: Record<string, string>;
  awards: Award[];
  charges: Record<string, Points>;
  relative: Record<string, RelativeBasis>;
  ledger: UnitResult["ledger"];
}

interface KindScorer {
  readonly kind: UnitKind;
  readonly plan: KindPlan;
  /** The scorer of each leaf node, by node index. */
  readonly leaves: readonly (LeafScorer | undefined)[];
}

function kindScorers(rubric: Rubric, sub: Submission): Map<string, KindScorer> {
  const out = new Map<string, KindScorer>();
  for (const [id, plan] of plansOf(rubric)) {
    const leaves: (LeafScorer | undefined)[] = [];
    for (const i of plan.leaves) {
      const item = plan.nodes[i]?.item;
      if (item && item.kind !== "group") leaves[i] = leafScorer(rubric, item, sub.values);
    }
    out.set(id, { kind: plan.kind, plan, leaves });
  }
  return out;
}

/** The leaves a unit's own inputs decide (every kind but the relative ones), and its failed gates. */
function scoreLeaves(rubric: Rubric, k: KindScorer, u: number, points: Int32Array, sub: Submission, vetoes: Veto[], effects: VetoEffect[]): void {
  for (const i of k.plan.leaves) {
    const leaf = k.leaves[i];
    if (!leaf) continue;
    const p = leaf.points(u);
    points[i] = p;
    const item = leaf.item;
    if (item.kind === "gate" && p === 0) {
      const m = leaf.measured(u);
      const slot = sub.values.slot(item.indicator);
      const at = slot === undefined ? undefined : sub.values.at(u, slot);
      if (m && at) {
        const display = rubric.indicators.find((i) => i.code === item.indicator)?.display ?? "%";
        vetoes.push({ gate: item.code, gateName: item.name, indicator: item.indicator, value: m.value, target: m.target, display, lower: leaf.lower, at });
        effects.push(item.veto ?? { ranked: false, placeEmpty: false });
      }
    }
  }
}

/** One effect from a unit's failed gates: unranked if any gate says so, the strictest grade, an empty place if any. */
function mergeEffects(list: readonly VetoEffect[]): VetoEffect {
  return {
    ranked: list.every((e) => e.ranked),
    ...(list.find((e) => e.grade !== undefined)?.grade !== undefined ? { grade: list.find((e) => e.grade !== undefined)?.grade ?? "" } : {}),
    ...(list.some((e) => e.gradeAtMost !== undefined) ? { gradeAtMost: list.find((e) => e.gradeAtMost !== undefined)?.gradeAtMost ?? "" } : {}),
    placeEmpty: list.some((e) => e.placeEmpty),
  };
}

/** Each group and line the sum of its children (children come after their parent in a plan). */
function sumUp(plan: KindPlan, points: Int32Array): void {
  const { nodes } = plan;
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i];
    if (n?.item && n.item.kind === "group") points[i] = 0;
    if (n && !n.item) points[i] = 0;
  }
  for (let i = nodes.length - 1; i >= 0; i--) {
    const parent = nodes[i]?.parent ?? -1;
    if (parent >= 0) points[parent] = (points[parent] ?? 0) + (points[i] ?? 0);
  }
}

/**
 * Ledger points charged to items and lines: an item stays within 0 and its max (its groups and line
 * follow it); a line's subtotal is floored at 0.
 */
function applyCharges(plan: KindPlan, points: Int32Array, charges: ReadonlyMap<string, Points>): void {
  const byDepth = [...charges].flatMap(([code, net]) => {
    const i = plan.index.get(code);
    return i === undefined ? [] : [{ i, net, depth: plan.nodes[i]?.depth ?? 0 }];
  });
  byDepth.sort((a, b) => b.depth - a.depth);
  for (const { i, net } of byDepth) {
    const node = plan.nodes[i];
    if (!node) continue;
    const before = points[i] ?? 0;
    const after = node.item ? Math.min(node.max, Math.max(0, before + net)) : Math.max(0, before + net);
    const delta = after - before;
    for (let k = i; k >= 0; k = plan.nodes[k]?.parent ?? -1) points[k] = (points[k] ?? 0) + delta;
  }
}

function keyValue(u: UnitResult, key: string, plan: KindPlan | undefined): Points {
  if (key === "total") return u.total;
  const line = u.subtotals[key];
  if (line !== undefined) return line;
  const i = plan?.index.get(key);
  return i === undefined ? 0 : (u.points[i] ?? 0);
}

export function score(rubric: Rubric, sub: Submission): Results {
  const scorers = kindScorers(rubric, sub);
  const plans = new Map([...scorers].map(([id, k]) => [id, k.plan]));
  const codes: ReadonlyMap<string, LedgerCode> = new Map(rubric.ledger.map((c) => [c.code, c]));
  const ledgerOf = new Map<string, LedgerEntry[]>();
  for (const e of sub.ledger) {
    const list = ledgerOf.get(e.unit);
    if (list) list.push(e);
    else ledgerOf.set(e.unit, [e]);
  }
  // Every unit's points in one array (a typed array per unit costs more than its numbers).
  let size = 0;
  for (const u of sub.units) size += scorers.get(u.kind)?.plan.nodes.length ?? 0;
  const all = new Int32Array(size);
  let offset = 0;
  const effects = new Map<number, VetoEffect>();

  // 1. Each unit's own items, and its vetoes.
  const units: Building[] = sub.units.map((unit, u) => {
    const k = scorers.get(unit.kind);
    const n = k?.plan.nodes.length ?? 0;
    const points = all.subarray(offset, offset + n);
    offset += n;
    const vetoes: Veto[] = [];
    const gateEffects: VetoEffect[] = [];
    if (k) scoreLeaves(rubric, k, u, points, sub, vetoes, gateEffects);
    if (gateEffects.length) effects.set(u, mergeEffects(gateEffects));
    return {
      name: unit.name,
      kind: unit.kind,
      ...(unit.group !== undefined ? { group: unit.group } : {}),
      at: unit.at,
      points,
      subtotals: {},
      bonus: 0,
      deduction: 0,
      total: 0,
      floored: false,
      vetoed: vetoes.length > 0,
      vetoes,
      ledger: [],
      ranks: {},
      grades: {},
      awards: [],
      charges: {},
      relative: {},
    };
  });

  // 2. The relative items, against the others of each unit's group.
  for (const k of scorers.values()) {
    const relatives = k.plan.leaves.filter((i) => {
      const item = k.plan.nodes[i]?.item;
      return item !== undefined && isRelative(item);
    });
    if (!relatives.length) continue;
    const groups = new Map<string, number[]>();
    units.forEach((unit, u) => {
      if (unit.kind !== k.kind.id) return;
      const g = unit.group ?? "";
      const list = groups.get(g);
      if (list) list.push(u);
      else groups.set(g, [u]);
    });
    for (const i of relatives) {
      const item = k.plan.nodes[i]?.item;
      if (!item || !isMeasured(item)) continue;
      const lower = lowerIsBetter(rubric, item);
      for (const [g, list] of groups) {
        const members: Member[] = list.flatMap((u) => {
          const value = k.leaves[i]?.measured(u)?.value;
          return value === undefined ? [] : [{ u, value, counts: item.includeVetoed === true || !units[u]?.vetoed }];
        });
        const groupName = k.kind.groups.find((x) => x.id === g)?.name ?? k.kind.name;
        for (const [u, r] of scoreRelative(item, lower, members)) {
          const unit = units[u];
          if (!unit) continue;
          unit.points[i] = r.points;
          unit.relative[item.code] = { ...r.basis, group: groupName };
        }
      }
    }
  }

  // 3. Groups and lines; the ledger where it is charged; the (weighted) total.
  units.forEach((unit) => {
    const k = scorers.get(unit.kind);
    const ledger = scoreLedger(rubric, ledgerOf.get(unit.name) ?? [], codes);
    unit.ledger = ledger.results;
    unit.bonus = ledger.bonus;
    unit.deduction = ledger.deduction;
    if (!k) return;
    sumUp(k.plan, unit.points);
    if (ledger.charges.size) {
      applyCharges(k.plan, unit.points, ledger.charges);
      unit.charges = Object.fromEntries(ledger.charges);
    }
    let lines = 0;
    const weights = k.kind.weights;
    for (const { line, node } of k.plan.lines) {
      const p = unit.points[node] ?? 0;
      unit.subtotals[line.code] = p;
      lines += weights ? p * (weights[line.code] ?? 0) : p;
    }
    if (weights) lines = divRound(lines, 10000);
    const sum = lines + ledger.bonus - ledger.deduction;
    unit.total = Math.max(0, sum);
    unit.floored = sum < 0;
  });

  // 4. The rankings, and what each decides.
  const awards = new Map<number, Award[]>();
  const rankings: RankingResult[] = rubric.rankings.map((r) => {
    const plan = plans.get(r.unitKind);
    const keys = [r.by, ...r.tieBreakers];
    const members: number[] = [];
    const eligible: { u: number; keys: number[] }[] = [];
    const unranked: number[] = [];
    units.forEach((unit, u) => {
      if (unit.kind !== r.unitKind || (r.group !== undefined && unit.group !== r.group)) return;
      members.push(u);
      if (unit.vetoed && !effects.get(u)?.ranked) unranked.push(u);
      else eligible.push({ u, keys: keys.map((key) => keyValue(unit, key, plan)) });
    });
    // One sort gives both the ranks and the order every output lists them in (ties by name).
    const order = ranked(eligible, (a, b) => compareNames(units[a.u]?.name ?? "", units[b.u]?.name ?? ""));
    for (const { item, rank } of order) (units[item.u] as Building).ranks[r.id] = rank;
    for (const u of unranked) (units[u] as Building).ranks[r.id] = null;
    const value = (u: number): Points => keyValue(units[u] as Building, r.by, plan);
    unranked.sort((a, b) => value(b) - value(a) || compareNames(units[a]?.name ?? "", units[b]?.name ?? ""));
    const placed: Placed[] = order.map(({ item, rank }) => ({ u: item.u, rank, keys: item.keys }));
    for (const [u, list] of decideOutcomes(rubric, r, placed, members, { units, effects, plans })) {
      for (const a of list) if (a.kind === "grade") (units[u] as Building).grades[r.id] = a.grade;
      const mine = awards.get(u);
      if (mine) mine.push(...list);
      else awards.set(u, list);
    }
    const entries: RankingEntry[] = [...order.map(({ item, rank }) => ({ unit: item.u, rank, value: value(item.u) })), ...unranked.map((u) => ({ unit: u, rank: null, value: value(u) }))];
    return { id: r.id, name: r.name, unitKind: r.unitKind, ...(r.group !== undefined ? { group: r.group } : {}), by: r.by, entries };
  });

  units.forEach((u, i) => {
    const vetoAwards: Award[] = u.vetoes.map((v) => ({ kind: "veto", gate: v.gate, gateName: v.gateName, indicator: v.indicator, value: v.value, target: v.target, display: v.display, lower: v.lower }));
    u.awards = [...vetoAwards, ...(awards.get(i) ?? [])];
  });
  return {
    rubric: { id: rubric.id, version: rubric.version, sha256: rubric.sha256, title: rubric.title },
    input: { file: sub.file, sha256: sub.sha256 },
    units,
    rankings,
  };
}
