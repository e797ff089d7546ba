// Scores a submission: every unit's items, line subtotals, ledger and total (floored at 0), the
// rankings over non-vetoed units, then awards. Pure: the same rubric and submission always give
// the same results. Each unit's points are computed once, into one shared integer array.
import type { LedgerCode, Rubric } from "../rubric/model.js";
import { plans, type KindPlan } from "../rubric/plan.js";
import type { Points } from "../model/numbers.js";
import type { LedgerEntry, Submission } from "../model/submission.js";
import type { Award, LedgerResult, RankingEntry, RankingResult, Results, UnitResult, Veto } from "../model/results.js";
import { leafScorer, type LeafScorer } from "./leaf.js";
import { scoreLedger } from "./ledger.js";
import { ranked } from "./rank.js";
import { decideAwards } from "./awards.js";
import { compareNames } from "./order.js";

/** A unit's result while it is being made: ranks and awards are filled in after everyone is scored. */
interface Building extends UnitResult {
  ranks: Record<string, number | null>;
  awards: Award[];
}

interface KindScorer {
  readonly plan: KindPlan;
  /** The scorer of each leaf node, by node index. */
  readonly leaves: readonly (LeafScorer | undefined)[];
}

function kindScorers(rubric: Rubric, sub: Submission): Map<string, KindScorer> {
  const out = new Map<string, KindScorer>();
  for (const [id, plan] of plans(rubric)) {
    const leaves: (LeafScorer | undefined)[] = [];
    for (const i of plan.leaves) {
      const item = plan.nodes[i]?.item;
      if (item && item.kind !== "group") leaves[i] = leafScorer(rubric, item, sub.values);
    }
    out.set(id, { plan, leaves });
  }
  return out;
}

/**
 * Fills one unit's points (leaves from what it entered; each group and line the sum of its
 * children) and collects its failed gates.
 */
function scoreItems(k: KindScorer, u: number, points: Int32Array, sub: Submission, vetoes: Veto[]): void {
  const { nodes } = k.plan;
  points.fill(0);
  for (let i = 0; i < nodes.length; i++) {
    const leaf = k.leaves[i];
    if (!leaf) continue;
    const p = leaf.points(u);
    points[i] = p;
    if (leaf.item.kind === "gate" && p === 0) {
      const m = leaf.measured(u);
      const slot = sub.values.slot(leaf.item.indicator);
      const at = slot === undefined ? undefined : sub.values.at(u, slot);
      if (m && at) vetoes.push({ gate: leaf.item.code, gateName: leaf.item.name, indicator: leaf.item.indicator, value: m.value, target: m.target, at });
    }
  }
  // Children come after their parent: summing from the end adds every subtree before its root.
  for (let i = nodes.length - 1; i >= 0; i--) {
    const parent = nodes[i]?.parent ?? -1;
    if (parent >= 0) points[parent] = (points[parent] ?? 0) + (points[i] ?? 0);
  }
}

function keyValue(u: UnitResult, key: string): Points {
  return key === "total" ? u.total : (u.subtotals[key] ?? 0);
}

export function score(rubric: Rubric, sub: Submission): Results {
  const scorers = kindScorers(rubric, sub);
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
  const units: Building[] = sub.units.map((unit, u) => {
    const k = scorers.get(unit.kind);
    const n = k?.plan.nodes.length ?? 0;
    const points = all.subarray(offset, offset + n);
    offset += n;
    const vetoes: Veto[] = [];
    const subtotals: Record<string, Points> = {};
    let lines = 0;
    if (k) {
      scoreItems(k, u, points, sub, vetoes);
      for (const { line, node } of k.plan.lines) {
        const p = points[node] ?? 0;
        subtotals[line.code] = p;
        lines += p;
      }
    }
    const ledger: { results: LedgerResult[]; bonus: Points; deduction: Points } = scoreLedger(rubric, ledgerOf.get(unit.name) ?? [], codes);
    const sum = lines + ledger.bonus - ledger.deduction;
    return {
      name: unit.name,
      kind: unit.kind,
      ...(unit.group !== undefined ? { group: unit.group } : {}),
      at: unit.at,
      points,
      subtotals,
      bonus: ledger.bonus,
      deduction: ledger.deduction,
      total: Math.max(0, sum),
      floored: sum < 0,
      vetoed: vetoes.length > 0,
      vetoes,
      ledger: ledger.results,
      ranks: {},
      awards: [],
    };
  });

  const rankings: RankingResult[] = rubric.rankings.map((r) => {
    const keys = [r.by, ...r.tieBreakers];
    const eligible: { u: number; keys: number[] }[] = [];
    const vetoed: number[] = [];
    units.forEach((unit, u) => {
      if (unit.kind !== r.unitKind) return;
      if (unit.vetoed) vetoed.push(u);
      else eligible.push({ u, keys: keys.map((k) => keyValue(unit, k)) });
    });
    // One sort gives both the ranks and the order every output lists them in (ties by name).
    const order = ranked(eligible, (a, b) => compareNames(units[a.u]?.name ?? "", units[b.u]?.name ?? ""));
    for (const { item, rank } of order) (units[item.u] as Building).ranks[r.id] = rank;
    for (const u of vetoed) (units[u] as Building).ranks[r.id] = null;
    const value = (u: number): Points => keyValue(units[u] as Building, r.by);
    vetoed.sort((a, b) => value(b) - value(a) || compareNames(units[a]?.name ?? "", units[b]?.name ?? ""));
    const entries: RankingEntry[] = [...order.map(({ item, rank }) => ({ unit: item.u, rank, value: value(item.u) })), ...vetoed.map((u) => ({ unit: u, rank: null, value: value(u) }))];
    return { id: r.id, name: r.name, unitKind: r.unitKind, by: r.by, entries };
  });

  const awards = decideAwards(rubric, units, rankings.find((r) => r.id === rubric.awards.ranking), scorers);
  units.forEach((u, i) => {
    const vetoAwards: Award[] = u.vetoes.map((v) => ({ kind: "veto", gate: v.gate, gateName: v.gateName, indicator: v.indicator, value: v.value, target: v.target }));
    u.awards = [...vetoAwards, ...(awards[i] ?? [])];
  });
  return {
    rubric: { id: rubric.id, version: rubric.version, sha256: rubric.sha256, title: rubric.title },
    input: { file: sub.file, sha256: sub.sha256 },
    units,
    rankings,
  };
}
