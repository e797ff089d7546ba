// Scores a submission: items, line subtotals, ledger, totals (floored at 0), the rankings over
// non-vetoed units, then awards. Pure: the same rubric and submission always give the same results.
import type { Item, LedgerCode, Line, Points, Rubric, UnitKindId } from "../rubric/model.js";
import type { LedgerEntry, Submission, Unit } from "../workbook/model.js";
import { scoreLeaf, type UnitInputs } from "./leaf.js";
import { scoreLedger } from "./ledger.js";
import { competitionRanks } from "./rank.js";
import { decideAwards } from "./awards.js";
import { collator } from "./order.js";
import type { Award, ItemResult, LineResult, RankingResult, Results, UnitResult, Veto } from "./model.js";

function scoreItem(rubric: Rubric, item: Item, inputs: UnitInputs): ItemResult {
  if (item.kind !== "group") return scoreLeaf(rubric, item, inputs);
  const children = item.children.map((c) => scoreItem(rubric, c, inputs));
  const points = children.reduce((s, c) => s + c.points, 0);
  return { code: item.code, name: item.name, kind: "group", max: item.max, points, lost: item.max - points, children };
}

function scoreLine(rubric: Rubric, line: Line, inputs: UnitInputs): LineResult {
  const items = line.items.map((it) => scoreItem(rubric, it, inputs));
  return { code: line.code, name: line.name, max: line.max, points: items.reduce((s, i) => s + i.points, 0), items };
}

function flatten(items: readonly ItemResult[]): ItemResult[] {
  return items.flatMap((i) => (i.kind === "group" ? [i, ...flatten(i.children)] : [i]));
}

/** Failed gates, in rubric order, walked without building lists (this runs for every unit). */
function collectVetoes(items: readonly ItemResult[], out: Veto[]): void {
  for (const r of items) {
    if (r.kind === "group") collectVetoes(r.children, out);
    else if (r.vetoes && r.measured) {
      out.push({ gate: r.code, gateName: r.name, indicator: r.measured.indicator, value: r.measured.value, target: r.measured.target, at: r.measured.valueAt });
    }
  }
}

function findItem(items: readonly ItemResult[], code: string): ItemResult | undefined {
  for (const i of items) {
    if (i.code === code) return i;
    if (i.kind === "group") {
      const found = findItem(i.children, code);
      if (found) return found;
    }
  }
  return undefined;
}

type Partial0 = Omit<UnitResult, "ranks" | "awards">;

interface Prepared {
  readonly linesOf: ReadonlyMap<UnitKindId, readonly Line[]>;
  readonly ledgerOf: ReadonlyMap<string, LedgerEntry[]>;
  readonly codes: ReadonlyMap<string, LedgerCode>;
}

function scoreUnit(rubric: Rubric, sub: Submission, unit: Unit, prep: Prepared): Partial0 {
  const inputs: UnitInputs = { scores: sub.scores.get(unit.name), rates: sub.rates.get(unit.name) };
  const lines = (prep.linesOf.get(unit.kind) ?? []).map((l) => scoreLine(rubric, l, inputs));
  const subtotals: Record<string, Points> = {};
  for (const l of lines) subtotals[l.code] = l.points;
  const ledger = scoreLedger(rubric, prep.ledgerOf.get(unit.name) ?? [], prep.codes);
  const sum = lines.reduce((s, l) => s + l.points, 0) + ledger.bonus - ledger.deduction;
  const vetoes: Veto[] = [];
  for (const l of lines) collectVetoes(l.items, vetoes);
  return {
    name: unit.name,
    kind: unit.kind,
    at: unit.at,
    lines,
    subtotals,
    bonus: ledger.bonus,
    deduction: ledger.deduction,
    total: Math.max(0, sum),
    floored: sum < 0,
    vetoed: vetoes.length > 0,
    vetoes,
    ledger: ledger.results,
  };
}

function keyValue(u: Partial0, key: string): Points {
  return key === "total" ? u.total : (u.subtotals[key] ?? 0);
}

export function score(rubric: Rubric, sub: Submission): Results {
  const ledgerOf = new Map<string, LedgerEntry[]>();
  for (const e of sub.ledger) {
    const list = ledgerOf.get(e.unit);
    if (list) list.push(e);
    else ledgerOf.set(e.unit, [e]);
  }
  const prep: Prepared = {
    linesOf: new Map(rubric.unitKinds.map((k) => [k.id, rubric.lines.filter((l) => k.lines.includes(l.code))])),
    ledgerOf,
    codes: new Map(rubric.ledger.map((c) => [c.code, c])),
  };
  const partial = sub.units.map((u) => scoreUnit(rubric, sub, u, prep));
  const ranks = new Map<string, Record<string, number | null>>(partial.map((u) => [u.name, {}]));
  const rankings: RankingResult[] = rubric.rankings.map((r) => {
    const members = partial.filter((u) => u.kind === r.unitKind);
    const eligible = members.filter((u) => !u.vetoed);
    const rk = competitionRanks(eligible.map((u) => ({ id: u.name, keys: [r.by, ...r.tieBreakers].map((k) => keyValue(u, k)) })));
    for (const u of partial) {
      const rec = ranks.get(u.name);
      if (rec && u.kind === r.unitKind) rec[r.id] = rk.get(u.name) ?? null;
    }
    const byName = (a: Partial0, b: Partial0): number => collator.compare(a.name, b.name);
    const rankedSorted = eligible.sort((a, b) => (rk.get(a.name) ?? 0) - (rk.get(b.name) ?? 0) || byName(a, b));
    const vetoedSorted = members.filter((u) => u.vetoed).sort((a, b) => keyValue(b, r.by) - keyValue(a, r.by) || byName(a, b));
    return {
      id: r.id,
      name: r.name,
      unitKind: r.unitKind,
      by: r.by,
      entries: [...rankedSorted, ...vetoedSorted].map((u) => ({ unit: u.name, rank: rk.get(u.name) ?? null, value: keyValue(u, r.by) })),
    };
  });

  const awardRanking = rubric.rankings.find((r) => r.id === rubric.awards.ranking);
  const awardKind: UnitKindId | undefined = awardRanking?.unitKind;
  const awards = decideAwards(
    rubric,
    partial
      .filter((u) => u.kind === awardKind)
      .map((u) => ({
        name: u.name,
        vetoed: u.vetoed,
        rank: ranks.get(u.name)?.[rubric.awards.ranking] ?? null,
        total: u.total,
        ledger: u.ledger,
        itemPoints: (code: string) => {
          for (const l of u.lines) {
            const found = findItem(l.items, code);
            if (found) return found.points;
          }
          return 0;
        },
      })),
  );
  const units: UnitResult[] = partial.map((u) => {
    const vetoAwards: Award[] = u.vetoes.map((v) => ({ kind: "veto", gate: v.gate, gateName: v.gateName, indicator: v.indicator, value: v.value, target: v.target }));
    return { ...u, ranks: ranks.get(u.name) ?? {}, awards: [...vetoAwards, ...(awards.get(u.name) ?? [])] };
  });
  return {
    rubric: { id: rubric.id, version: rubric.version, sha256: rubric.sha256, title: rubric.title },
    input: { file: sub.file, sha256: sub.sha256 },
    units,
    rankings,
  };
}

export { flatten as flattenItems };
