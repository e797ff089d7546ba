// Scores a submission: items, line subtotals, ledger, totals (floored at 0), the rankings over
// non-vetoed units, then awards. Pure: the same rubric and submission always give the same results.
import { leaves, type Item, type LedgerCode, type Line, type Points, type Rubric, type UnitKindId } from "../rubric/model.js";
import type { LedgerEntry, Src, Submission, Unit } from "../workbook/model.js";
import { leafPoints, scoreLeaf, type UnitInputs } from "./leaf.js";
import { scoreLedger } from "./ledger.js";
import { ranked } from "./rank.js";
import { decideAwards } from "./awards.js";
import { collator } from "./order.js";
import type { Award, ItemResult, LeafResult, LedgerResult, LineResult, RankingResult, Results, UnitResult, Veto } from "./model.js";

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

interface Prepared {
  readonly linesOf: ReadonlyMap<UnitKindId, readonly Line[]>;
  readonly ledgerOf: ReadonlyMap<string, LedgerEntry[]>;
  readonly codes: ReadonlyMap<string, LedgerCode>;
}

/**
 * A unit's results. Its item tree is not kept: it is scored again, from the same inputs by the
 * same pure functions, whenever it is asked for (an explanation, a sheet), so that 40,000 towns
 * hold their totals, ranks and awards and not millions of item objects.
 */
class UnitScore implements UnitResult {
  ranks: Record<string, number | null> = {};
  awards: Award[] = [];
  readonly subtotals: Record<string, Points> = {};
  readonly bonus: Points;
  readonly deduction: Points;
  readonly total: Points;
  readonly floored: boolean;
  readonly vetoes: Veto[] = [];
  readonly ledger: readonly LedgerResult[];

  readonly flatPoints: Int32Array;

  constructor(
    private readonly rubric: Rubric,
    private readonly unit: Unit,
    private readonly inputs: UnitInputs,
    private readonly lineDefs: readonly Line[],
    entries: readonly LedgerEntry[],
    codes: ReadonlyMap<string, LedgerCode>,
    flatPoints: Int32Array,
  ) {
    // Points only, no item objects: for each line its subtotal, then every item in rubric order.
    this.flatPoints = flatPoints;
    let pos = 0;
    const fill = (items: readonly Item[]): Points => {
      let total = 0;
      for (const item of items) {
        const at = pos++;
        let p: Points;
        if (item.kind === "group") p = fill(item.children);
        else {
          p = leafPoints(rubric, item, inputs);
          if (item.kind === "gate" && p === 0) collectVetoes([scoreLeaf(rubric, item, inputs)], this.vetoes);
        }
        this.flatPoints[at] = p;
        total += p;
      }
      return total;
    };
    let linesSum = 0;
    for (const l of lineDefs) {
      const at = pos++;
      const p = fill(l.items);
      this.flatPoints[at] = p;
      this.subtotals[l.code] = p;
      linesSum += p;
    }
    const ledger = scoreLedger(rubric, entries, codes);
    this.ledger = ledger.results;
    this.bonus = ledger.bonus;
    this.deduction = ledger.deduction;
    const sum = linesSum + ledger.bonus - ledger.deduction;
    this.total = Math.max(0, sum);
    this.floored = sum < 0;
  }

  get name(): string {
    return this.unit.name;
  }
  get kind(): UnitKindId {
    return this.unit.kind;
  }
  get at(): Src {
    return this.unit.at;
  }
  get vetoed(): boolean {
    return this.vetoes.length > 0;
  }
  get lines(): LineResult[] {
    return this.lineDefs.map((l) => scoreLine(this.rubric, l, this.inputs));
  }

  measuredItems(): LeafResult[] {
    return this.lineDefs.flatMap((l) => leaves(l.items).filter((i) => i.kind !== "judged").map((i) => scoreLeaf(this.rubric, i, this.inputs)));
  }
}

function keyValue(u: UnitScore, key: string): Points {
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
  const count = (items: readonly Item[]): number => items.reduce((n, i) => n + 1 + (i.kind === "group" ? count(i.children) : 0), 0);
  const itemCount = new Map([...prep.linesOf].map(([k, lines]) => [k, lines.reduce((n, l) => n + 1 + count(l.items), 0)]));
  // Every unit's points in one array (a typed array per unit costs more than its numbers).
  const offsets: number[] = [];
  let size = 0;
  for (const u of sub.units) {
    offsets.push(size);
    size += itemCount.get(u.kind) ?? 0;
  }
  const allPoints = new Int32Array(size);
  const partial = sub.units.map((u, i) => {
    const at = offsets[i] ?? 0;
    const points = allPoints.subarray(at, at + (itemCount.get(u.kind) ?? 0));
    return new UnitScore(rubric, u, { scores: sub.scores.get(u.name), rates: sub.rates.get(u.name) }, prep.linesOf.get(u.kind) ?? [], ledgerOf.get(u.name) ?? [], prep.codes, points);
  });
  const rankings: RankingResult[] = rubric.rankings.map((r) => {
    const keys = [r.by, ...r.tieBreakers];
    const eligible: { u: UnitScore; keys: number[] }[] = [];
    const vetoed: UnitScore[] = [];
    for (const u of partial) {
      if (u.kind !== r.unitKind) continue;
      if (u.vetoed) vetoed.push(u);
      else eligible.push({ u, keys: keys.map((k) => keyValue(u, k)) });
    }
    // One sort gives both the ranks and the order of the sheet (ties by name, as people read them).
    const order = ranked(eligible, (a, b) => collator.compare(a.u.name, b.u.name));
    for (const { item, rank } of order) item.u.ranks[r.id] = rank;
    for (const u of vetoed) u.ranks[r.id] = null;
    vetoed.sort((a, b) => keyValue(b, r.by) - keyValue(a, r.by) || collator.compare(a.name, b.name));
    return {
      id: r.id,
      name: r.name,
      unitKind: r.unitKind,
      by: r.by,
      entries: [
        ...order.map(({ item, rank }) => ({ unit: item.u.name, rank, value: keyValue(item.u, r.by) })),
        ...vetoed.map((u) => ({ unit: u.name, rank: null, value: keyValue(u, r.by) })),
      ],
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
        rank: u.ranks[rubric.awards.ranking] ?? null,
        total: u.total,
        ledger: u.ledger,
        itemPoints: (code: string) => {
          // Only single-award candidates with a count get here: scoring their items again is cheap.
          for (const l of u.lines) {
            const found = findItem(l.items, code);
            if (found) return found.points;
          }
          return 0;
        },
      })),
  );
  for (const u of partial) {
    const vetoAwards: Award[] = u.vetoes.map((v) => ({ kind: "veto", gate: v.gate, gateName: v.gateName, indicator: v.indicator, value: v.value, target: v.target }));
    u.awards = [...vetoAwards, ...(awards.get(u.name) ?? [])];
  }
  const units: UnitResult[] = partial;
  return {
    rubric: { id: rubric.id, version: rubric.version, sha256: rubric.sha256, title: rubric.title },
    input: { file: sub.file, sha256: sub.sha256 },
    units,
    rankings,
  };
}

export { flatten as flattenItems };
