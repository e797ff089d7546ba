// What changed between two workbooks, by meaning, and what it did to the results (assess diff):
// each unit's entered values and measures compared by code, ledger rows matched by unit, code and
// content (never by row number), units added or removed; then, unit by unit, every result that
// moved and the changes that moved it — its own, and those of the units that passed it or fell
// behind it.
import type { LeafItem, Rubric } from "../rubric/model.js";
import { allItems, isEntered, isMeasured, isRelative, leaves, measuredInputs, measureOf } from "../rubric/model.js";
import { groupCellOf, type CellAt, type LedgerEntry, type Submission } from "../model/submission.js";
import { planOf } from "../rubric/plan.js";
import type { Award, Results, UnitResult } from "../model/results.js";
import { formatMeasure, formatPoints, pointsToNumber, rateToFraction } from "../model/numbers.js";

export interface Side {
  readonly rubric: Rubric;
  readonly submission: Submission;
}

/** One change in the inputs: a value (code), a ledger row (code, row objects), a unit or its group (code null). */
export interface InputChange {
  readonly unit: string;
  readonly code: string | null;
  readonly what: "value" | "ledger" | "unit" | "group";
  /** Hundredths for a value; the row for a ledger row; the unit's kind for a unit; the group's id for a group; undefined when absent. */
  readonly old?: number | LedgerEntry | string;
  readonly new?: number | LedgerEntry | string;
  /** The cell in the new file (in the old one for a removal). */
  readonly where?: CellAt;
  /**
   * A unit added: the unit removed that entered every value it enters (but those of `likeExcept`),
   * where no other unit removed or added comes as near (renamed, most likely: 撤镇设街道).
   */
  readonly like?: string;
  readonly likeExcept?: readonly string[];
}

/**
 * A value that changed. Its cell is found when asked for (a year compared with the last can change
 * a million values, and most are only counted).
 */
class ValueChange implements InputChange {
  readonly what = "value";
  readonly old: number | undefined;
  readonly new: number | undefined;
  constructor(
    readonly unit: string,
    readonly code: string,
    before: number | undefined,
    after: number | undefined,
    private readonly cell: () => CellAt | undefined,
  ) {
    this.old = before;
    this.new = after;
  }
  get where(): CellAt | undefined {
    return this.cell();
  }
}

/** The codes a unit of a kind enters or is measured on, under a rubric. */
function codesOf(rubric: Rubric, kind: string): string[] {
  const k = rubric.unitKinds.find((x) => x.id === kind);
  if (!k) return [];
  const items = rubric.lines.filter((l) => k.lines.includes(l.code)).flatMap((l) => leaves(l.items));
  const entered = items.filter(isEntered).map((i) => i.code);
  const measured = items.flatMap((i) => ("indicator" in i ? [i.indicator, ...[i.target, i.floor].flatMap((t) => (t && "ref" in t ? [t.ref] : []))] : []));
  return [...new Set([...entered, ...measured])];
}

type Named = readonly [string, { readonly u: { readonly kind: string }; readonly i: number }];

/** Pairs of units removed and added looked at, at most, for a rename with a few values changed too. */
const NEAR_PAIRS = 40_000;

/** A unit added that is most likely one removed, renamed: that unit, and the codes whose values differ. */
interface Like {
  readonly name: string;
  readonly except: readonly string[];
}

/**
 * Units added that entered what a unit removed entered (of the same kind, at least one value),
 * where no other unit removed or added entered the same; or, failing that, all but a few values
 * (one in ten at most), where no other unit removed comes as near: added name → removed name.
 */
function renamed(a: Side, b: Side, gone: readonly Named[], come: readonly Named[]): Map<string, Like> {
  const kinds = new Set(come.map(([, x]) => x.u.kind));
  // The codes both rubrics read for the kind (two years under two versions: a column only one has
  // is no value that differs); every code either reads where they share none.
  const codes = new Map(
    [...kinds].map((k) => {
      const [ca, cb] = [codesOf(a.rubric, k), codesOf(b.rubric, k)];
      const both = ca.filter((c) => cb.includes(c));
      return [k, both.length ? both : [...new Set([...ca, ...cb])]];
    }),
  );
  /** Every value a unit entered, by its kind's codes. */
  const values = (s: Side, kind: string, i: number): (number | undefined)[] =>
    (codes.get(kind) ?? []).map((code) => {
      const slot = s.submission.values.slot(code);
      return slot === undefined ? undefined : s.submission.values.get(i, slot);
    });
  /** A unit's kind and every value it entered, as one string; undefined where it entered none. */
  const signature = (s: Side, kind: string, i: number): string | undefined => {
    const v = values(s, kind, i);
    return v.some((x) => x !== undefined) ? `${kind}\u0000${v.map((x) => (x === undefined ? "" : String(x))).join("\u0000")}` : undefined;
  };
  // How many of the units removed, and of those added, entered each signature.
  const count = (s: Side, units: readonly Named[]): Map<string, number> => {
    const n = new Map<string, number>();
    for (const [, x] of units) {
      const sig = kinds.has(x.u.kind) ? signature(s, x.u.kind, x.i) : undefined;
      if (sig !== undefined) n.set(sig, (n.get(sig) ?? 0) + 1);
    }
    return n;
  };
  const inA = count(a, gone);
  const inB = count(b, come);
  const goneBy = new Map<string, string>();
  for (const [name, x] of gone) {
    const sig = kinds.has(x.u.kind) ? signature(a, x.u.kind, x.i) : undefined;
    if (sig !== undefined && inA.get(sig) === 1) goneBy.set(sig, name);
  }
  const out = new Map<string, Like>();
  for (const [name, x] of come) {
    const sig = signature(b, x.u.kind, x.i);
    const was = sig === undefined || inB.get(sig) !== 1 ? undefined : goneBy.get(sig);
    if (was !== undefined) out.set(name, { name: was, except: [] });
  }
  // Renamed with a value or two changed as well: the one unit removed nearest, and only it.
  const taken = new Set([...out.values()].map((l) => l.name));
  const left = come.filter(([name]) => !out.has(name));
  const open = gone.filter(([name, x]) => !taken.has(name) && kinds.has(x.u.kind));
  if (!left.length || !open.length || left.length * open.length > NEAR_PAIRS) return out;
  const before = new Map(open.map(([name, x]) => [name, values(a, x.u.kind, x.i)]));
  const near = new Map<string, Like>();
  for (const [name, x] of left) {
    const now = values(b, x.u.kind, x.i);
    const allowed = Math.floor(now.filter((v) => v !== undefined).length / 10);
    if (!allowed) continue;
    const list = codes.get(x.u.kind) ?? [];
    let best: Like | undefined;
    let ambiguous = false;
    for (const [was, y] of open) {
      if (y.u.kind !== x.u.kind) continue;
      const old = before.get(was) ?? [];
      const except = list.filter((_, k) => old[k] !== now[k]);
      if (except.length > allowed || (best && except.length > best.except.length)) continue;
      ambiguous = best !== undefined && except.length === best.except.length;
      if (!ambiguous) best = { name: was, except };
    }
    if (best && !ambiguous) near.set(name, best);
  }
  // A unit removed that two added come as near to is neither's.
  const uses = new Map<string, number>();
  for (const l of near.values()) uses.set(l.name, (uses.get(l.name) ?? 0) + 1);
  for (const [name, l] of near) if (uses.get(l.name) === 1) out.set(name, l);
  return out;
}

/**
 * The input codes each relative item of the two rubrics (the earlier's, the later's) reads (its
 * indicator), by item code; and where its points are in each unit's, by unit kind, under each.
 */
export function relativeReads(before: Rubric, after: Rubric): Map<string, RelativeReads> {
  type Reads = { codes: string[]; vetoes: boolean; at: [Map<string, number>, Map<string, number>] };
  const out = new Map<string, Reads>();
  [before, after].forEach((r, side) => {
    for (const item of r.lines.flatMap((l) => leaves(l.items)))
      if (isRelative(item) && "indicator" in item) {
        const reads: Reads = out.get(item.code) ?? { codes: [], vetoes: false, at: [new Map(), new Map()] };
        if (!reads.codes.includes(item.indicator)) reads.codes.push(item.indicator);
        // Vetoed units left out: a veto given or lifted changes who the best or the places are among.
        if (!item.includeVetoed) reads.vetoes = true;
        for (const kind of r.unitKinds) {
          const node = planOf(r, kind.id)?.index.get(item.code);
          if (node !== undefined) reads.at[side]?.set(kind.id, node);
        }
        out.set(item.code, reads);
      }
  });
  return out;
}

/** The single-item awards the rubrics give to so many (a count): another unit's recognition may take one. */
export function limitedSingles(...rubrics: readonly Rubric[]): Set<string> {
  return new Set(rubrics.flatMap((r) => r.rankings.flatMap((k) => k.single.filter((s) => s.count !== undefined).map((s) => s.code))));
}

/** The input codes the rubrics' gates read: a change to one may give or lift a veto. */
export function gateReads(...rubrics: readonly Rubric[]): Set<string> {
  return new Set(rubrics.flatMap((r) => r.lines.flatMap((l) => leaves(l.items)).flatMap((i) => (i.kind === "gate" ? readsOf(i) : []))));
}

/**
 * The input codes that can move each ranking's keys (its key and tie-breakers), by ranking id:
 * "all" for one by the total; for one by a line or an item, its items' own codes, the indicators
 * and targets they read, the ledger codes charged to them; and every gate's (a veto moves a unit
 * on every ranking).
 */
export function rankingReads(...rubrics: readonly Rubric[]): Map<string, ReadonlySet<string> | "all"> {
  const out = new Map<string, Set<string> | "all">();
  for (const r of rubrics) {
    const gates = gateReads(r);
    for (const ranking of r.rankings) {
      const keys = [ranking.by, ...ranking.tieBreakers];
      if (keys.includes("total") || out.get(ranking.id) === "all") {
        out.set(ranking.id, "all");
        continue;
      }
      const set = (out.get(ranking.id) as Set<string> | undefined) ?? new Set<string>(gates);
      for (const key of keys) {
        const line = r.lines.find((l) => l.code === key);
        const item = line ? undefined : r.lines.flatMap((l) => allItems(l.items)).find((i) => i.code === key);
        const under = line ? leaves(line.items) : item ? leaves([item]) : [];
        for (const item of under) for (const c of readsOf(item)) set.add(c);
        for (const c of r.ledger) {
          const to = c.charge;
          if (to !== "total" && (("line" in to && to.line === key) || ("item" in to && under.some((i) => i.code === to.item)))) set.add(c.code);
        }
      }
      out.set(ranking.id, set);
    }
  }
  return out;
}

/**
 * Where each input code is read, by unit kind: the points (plan nodes) of the leaves that read it.
 * A value changed where none of these moved changed nothing of its unit.
 */
export function leafReads(rubric: Rubric): Map<string, Map<string, number[]>> {
  const out = new Map<string, Map<string, number[]>>();
  for (const kind of rubric.unitKinds) {
    const plan = planOf(rubric, kind.id);
    const codes = new Map<string, number[]>();
    for (const i of plan?.leaves ?? []) {
      const item = plan?.nodes[i]?.item;
      if (!item || item.kind === "group") continue;
      for (const c of readsOf(item)) (codes.get(c) ?? codes.set(c, []).get(c))?.push(i);
    }
    out.set(kind.id, codes);
  }
  return out;
}

/** The input codes an item's points move with: its own (judged), or the indicator and targets it reads. */
function readsOf(item: LeafItem): string[] {
  return [item.code, ...(isMeasured(item) ? measuredInputs(item) : [])];
}

/** What a relative item moves with: the codes it reads, and whether a unit vetoed or no longer vetoed leaves or joins its group. */
export interface RelativeReads {
  readonly codes: readonly string[];
  readonly vetoes: boolean;
  /** Where its points are in a unit's, by unit kind: under the earlier rubric, and the later. */
  readonly at?: readonly [ReadonlyMap<string, number>, ReadonlyMap<string, number>];
}

/** A ledger row's content, everything but where it is; `unit`: the name its unit is compared under. */
function content(e: LedgerEntry, unit = e.unit): string {
  return JSON.stringify([unit, e.code, e.count, e.level ?? null, e.points ?? null, e.status, e.flagged, e.note, e.evidence]);
}

export function compareInputs(a: Side, b: Side): InputChange[] {
  const out: InputChange[] = [];
  const unitsA = new Map(a.submission.units.map((u, i) => [u.name, { u, i }]));
  const unitsB = new Map(b.submission.units.map((u, i) => [u.name, { u, i }]));
  const gone = [...unitsA].filter(([name]) => !unitsB.has(name));
  const come = [...unitsB].filter(([name]) => !unitsA.has(name));
  const like = gone.length && come.length ? renamed(a, b, gone, come) : new Map<string, Like>();
  for (const [name, { u }] of gone) out.push({ unit: name, code: null, what: "unit", old: u.kind, where: u.at });
  for (const [name, { u }] of come) {
    const was = like.get(name);
    out.push({ unit: name, code: null, what: "unit", new: u.kind, where: u.at, ...(was ? { like: was.name, ...(was.except.length ? { likeExcept: was.except } : {}) } : {}) });
  }
  for (const [name, { u: ub, i: ib }] of unitsB) {
    const x = unitsA.get(name);
    if (!x) continue;
    // Its group (乡镇组, 街道组): which units it is ranked and scored against.
    if (x.u.group !== ub.group) out.push({ unit: name, code: null, what: "group", ...(x.u.group !== undefined ? { old: x.u.group } : {}), ...(ub.group !== undefined ? { new: ub.group } : {}), where: groupCellOf(b.submission, ub) });
    const codes = [...new Set([...codesOf(a.rubric, x.u.kind), ...codesOf(b.rubric, ub.kind)])];
    for (const code of codes) {
      const sa = a.submission.values.slot(code);
      const sb = b.submission.values.slot(code);
      const va = sa === undefined ? undefined : a.submission.values.get(x.i, sa);
      const vb = sb === undefined ? undefined : b.submission.values.get(ib, sb);
      if (va === vb) continue;
      out.push(new ValueChange(name, code, va, vb, () => (sb !== undefined ? b.submission.values.at(ib, sb) : undefined) ?? (sa !== undefined ? a.submission.values.at(x.i, sa) : undefined)));
    }
  }
  // Ledger rows: the same content on both sides is no change, wherever it sits; of the rest, rows
  // of one unit and code are paired in order (a changed row), the others added or removed. A unit
  // renamed, most likely, has its rows compared under its old name: they are not all new.
  const oldName = (e: LedgerEntry): string => like.get(e.unit)?.name ?? e.unit;
  const left = new Map<string, LedgerEntry[]>();
  for (const e of a.submission.ledger) (left.get(content(e)) ?? left.set(content(e), []).get(content(e)))?.push(e);
  const added: LedgerEntry[] = [];
  for (const e of b.submission.ledger) {
    const same = left.get(content(e, oldName(e)));
    if (same?.length) same.shift();
    else added.push(e);
  }
  const removed = [...left.values()].flat().sort((x, y) => x.row - y.row);
  const pairKey = (e: LedgerEntry, unit = e.unit): string => `${unit}\u0000${e.code}`;
  const removedBy = new Map<string, LedgerEntry[]>();
  for (const e of removed) (removedBy.get(pairKey(e)) ?? removedBy.set(pairKey(e), []).get(pairKey(e)))?.push(e);
  for (const e of added) {
    const was = removedBy.get(pairKey(e, oldName(e)))?.shift();
    out.push({ unit: e.unit, code: e.code, what: "ledger", ...(was ? { old: was } : {}), new: e, where: e.at });
  }
  for (const list of removedBy.values()) for (const e of list) out.push({ unit: e.unit, code: e.code, what: "ledger", old: e, where: e.at });
  return out;
}

/** The earlier and the later workbook scored under one rubric, and where that rubric reads each code (leafReads). */
export interface SameRubric {
  readonly a: Results;
  readonly b: Results;
  readonly nodes: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;
}

/** A unit's results, old and new, and the changes that moved them. */
export interface UnitMove {
  readonly name: string;
  readonly old?: UnitResult;
  readonly new?: UnitResult;
  /** Indexes into the changes. */
  readonly because: readonly number[];
  /**
   * Where its awards changed and only some of its causes could move them: those (a change in a
   * group it was not ranked in moved its overall rank, not its group's prize). Absent where all could.
   */
  readonly awardsBecause?: readonly number[];
  /** Whether any result differs. */
  readonly moved: boolean;
  /**
   * By ranking, where its rank moved, the units it now stands behind (`by`), ahead of (`over`) or
   * level with (`level`) that it did not before: who passed 青龙乡 from 7th to 9th (of a province's,
   * those moved by changes of their own). Absent where none.
   */
  readonly passing?: ReadonlyMap<string, { readonly by: readonly string[]; readonly over: readonly string[]; readonly level: readonly string[] }>;
}

/**
 * What a comparison looks at in a unit's results: not where a recognition was entered, nor the
 * place a prize was passed on from (the same prize held at its own rank is no change), nor a
 * grade's note on its quota.
 */
function outcomeKey(u: UnitResult | undefined): string {
  if (!u) return "";
  // And where pending claims leave it (a claim decided settles them: a change worth saying, though
  // no number moved).
  // (Its bonus and deduction too: a cap lowered on each may leave the total as it was.)
  // Each record by its keys, the awards as a set: a revision that only moves a line's block (or a
  // ranking's) before another lists them in another order, and moves no result.
  return JSON.stringify([u.total, byKeys(u.subtotals), u.bonus, u.deduction, byKeys(u.ranks), u.vetoed, byKeys(u.grades), asSet(u.awards.map(awardOutcome)), pendingKey(u)]);
}

/** Things compared whatever their order: each as its JSON, sorted. */
function asSet(things: readonly unknown[]): string[] {
  return things.map((x) => JSON.stringify(x)).sort();
}

/** A record's entries in the order of their keys. */
function byKeys<T>(record: Readonly<Record<string, T>>): [string, T][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * An award as a comparison looks at it: not how a grade's quota (or a single-item award's limit) was filled around it (the note on
 * a tie at the cut; the grade is what it is), nor a yellow card's score on its ranking (the ranks
 * and points say it); known by its ranking's id, not its name (a revised 办法 may rename the ranking).
 */
function awardOutcome(a: Award): unknown {
  return a.kind === "single" ? { ...a, basis: null, rankingName: null, over: null } : a.kind === "rank" ? [a.ranking, a.tier, a.amount ?? null] : a.kind === "grade" ? [a.ranking, a.grade, a.held ?? false] : a.kind === "warning" ? [a.ranking, a.name, a.reasons] : a;
}

/**
 * The units moved, those whose awards changed (a prize, a grade, a card or a veto given, lost or
 * changed; a unit added or removed that holds any) first, each part in the order given: a
 * province's list of a hundred one-place moves buried the few that a leader asks about.
 */
export function awardsFirst(moves: readonly UnitMove[]): UnitMove[] {
  // (And where pending claims could still change its awards, or bring it one: a (待定) prize settled,
  // a 可能获 gone, were listed among the one-place moves.)
  const key = (u: UnitResult | undefined): string => JSON.stringify([asSet((u?.awards ?? []).map(awardOutcome)), u?.certainty?.settled ?? true, asSet((u?.certainty?.open ?? []).map((o) => [o.kind, o.ranking, o.code ?? ""]))]);
  const changed = (m: UnitMove): boolean => key(m.old) !== key(m.new);
  return [...moves.filter(changed), ...moves.filter((m) => !changed(m))];
}

/**
 * Where pending claims leave a unit: what they could bring its total, its rank ranges and the
 * awards they could change; "" where none (pending rows that can move nothing are no difference).
 */
function pendingKey(u: UnitResult | undefined): string {
  const c = u?.certainty;
  if (!c) return "";
  const total = c.total[0] !== c.total[1] ? c.total : null;
  const ranks = Object.entries(c.ranks).sort(([a], [b]) => (a < b ? -1 : 1));
  return total || ranks.length || c.open.length ? JSON.stringify([total, ranks, c.open.map((o) => `${o.kind}\u0000${o.ranking}\u0000${o.code ?? ""}`).sort()]) : "";
}

/** Units with changes of their own beyond which others' moves are not traced to them. */
const MAX_CITED = 500;

/**
 * `reads`: the input codes (indicators) each relative item of either rubric reads, by item code:
 * a unit scored against the others of its group moves with their values and with who is in it.
 * `keys`: the input codes each ranking's keys read (rankingReads); a ranking not there reads all.
 */
export function compareResults(
  a: Results,
  b: Results,
  changes: readonly InputChange[],
  reads: ReadonlyMap<string, RelativeReads> = new Map(),
  keys: ReadonlyMap<string, ReadonlySet<string> | "all"> = new Map(),
  nodes?: ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>,
  gates?: ReadonlySet<string>,
  underOne?: readonly SameRubric[],
  limited?: ReadonlySet<string>,
): UnitMove[] {
  const byName = (r: Results): Map<string, UnitResult> => new Map(r.units.map((u) => [u.name, u]));
  const ua = byName(a);
  const ub = byName(b);
  // Each ranking's units now, by name, at their place in its table (found once a ranking).
  const orders = new Map<string, Map<string, number>>();
  const tableOrder = (id: string): Map<string, number> => {
    let m = orders.get(id);
    if (!m) orders.set(id, (m = new Map((b.rankings.find((r) => r.id === id)?.entries ?? []).map((e, i) => [b.units[e.unit]?.name ?? "", i]))));
    return m;
  };
  const own = new Map<string, number[]>();
  // A claim that counts in neither year (pending, or rejected, in both) moves nothing: never a cause.
  const counted = (u: UnitResult | undefined, e: InputChange["old"]): boolean => typeof e === "object" && (u?.ledger.some((r) => r.entry === e && r.counted) ?? false);
  // Nor do a unit's ledger changes where its ledger comes to the same (a once-a-year code's row
  // rejected, another of its rows counted in its place).
  const same = new Map<string, boolean>();
  const sameLedger = (unit: string): boolean => {
    let s = same.get(unit);
    if (s === undefined) same.set(unit, (s = ledgerEffect(ua.get(unit)) === ledgerEffect(ub.get(unit))));
    return s;
  };
  // Nor does a value that left the points of what reads it as they were (34% → 35% above a 30%
  // line), under one rubric (`nodes`: where each code is read), unless a unit scored against the
  // others reads it (the best value moves theirs).
  const relativeCodes = new Set([...reads.values()].flatMap((r) => r.codes));
  // Under two rubrics, the two workbooks scored under each of them (where given): a value moved
  // nothing where it moved nothing under either.
  const pairs = (a.rubric.sha256 === b.rubric.sha256 && nodes ? [{ a, b, nodes }] : (underOne ?? [])).map((x) => ({ ua: x.a === a ? ua : byName(x.a), ub: x.b === b ? ub : byName(x.b), nodes: x.nodes }));
  // The two workbooks under each rubric alone (pairs), where the rubrics differ and both were scored so.
  const twoRubrics = a.rubric.sha256 !== b.rubric.sha256 && pairs.length === 2;
  // A veto is more than points (a gate of no points vetoes all the same; a failing value said in
  // the award): the vetoes must be as they were too.
  const vetoKey = (u: UnitResult): string => JSON.stringify(u.vetoes.map((v) => [v.gate, v.indicator, v.value, v.target]));
  const movedNothing = (unit: string, code: string): boolean => {
    // A veto given or lifted meanwhile matters to a code a gate reads (or, not knowing the gates, to any).
    const vetoMatters = gates === undefined || gates.has(code);
    if (!pairs.length || relativeCodes.has(code)) return false;
    return pairs.every(({ ua: before, ub: after, nodes: readers }) => {
      const [x, y] = [before.get(unit), after.get(unit)];
      if (!x || !y || x.kind !== y.kind || (vetoMatters && (x.vetoed !== y.vetoed || vetoKey(x) !== vetoKey(y)))) return false;
      return (readers.get(x.kind)?.get(code) ?? []).every((i) => x.points[i] === y.points[i]);
    });
  };
  // A change to what a gate reads: what gives or lifts a veto (none known without the gates: then
  // a unit vetoed or no longer vetoed is traced to all its changes).
  const gateChange = (i: number): boolean => {
    const c = changes[i];
    return c?.what === "value" && c.code !== null && (gates?.has(c.code) ?? false);
  };
  const inert = (c: InputChange): boolean =>
    c.what === "ledger" ? (!counted(ua.get(c.unit), c.old) && !counted(ub.get(c.unit), c.new)) || sameLedger(c.unit) : c.what === "value" && c.code !== null && movedNothing(c.unit, c.code);
  changes.forEach((c, i) => {
    if (!inert(c)) (own.get(c.unit) ?? own.set(c.unit, []).get(c.unit))?.push(i);
  });
  // Units with changes of their own (what a group's best or places move with). Past a few hundred
  // (two years compared), they are not traced to the units of their group.
  const changedUnits = own.size <= MAX_CITED ? [...own.keys()] : [];
  const names = [...new Set([...a.units.map((u) => u.name), ...b.units.map((u) => u.name)])];
  // Item → group → the changes that could move a unit scored against that group on the item;
  // made once per item (a province's best value moving moves thousands of units).
  const byItem = new Map<string, Map<string, number[]>>();
  const groupCauses = (item: string): Map<string, number[]> => {
    let m = byItem.get(item);
    if (m) return m;
    m = new Map();
    byItem.set(item, m);
    const codes = reads.get(item)?.codes ?? [];
    const vetoes = reads.get(item)?.vetoes === true;
    for (const other of changedUnits) {
      // Vetoed in one and not the other: it left the group or joined it, by its own changes to what
      // its gates read (its other changes, a judged item's points, move nothing of the others'); by
      // all of them where none is such (a rubric revised meanwhile may have done it).
      const flipped = vetoes && ua.get(other) !== undefined && ub.get(other) !== undefined && ua.get(other)?.vetoed !== ub.get(other)?.vetoed;
      const mine = own.get(other) ?? [];
      const vetoing = flipped ? mine.filter(gateChange) : [];
      const causes = mine.filter((i) => {
        const c = changes[i];
        return c !== undefined && ((flipped && (vetoing.length === 0 || vetoing.includes(i))) || c.what === "group" || c.what === "unit" || (c.what === "value" && c.code !== null && codes.includes(c.code)));
      });
      if (!causes.length) continue;
      for (const g of new Set([ua.get(other)?.relative[item]?.group, ub.get(other)?.relative[item]?.group])) {
        if (g === undefined) continue;
        const list = m.get(g) ?? [];
        list.push(...causes);
        m.set(g, list);
      }
    }
    return m;
  };
  // A change of a single-item recognition alone (its row, old or new, of a single kind): it decides
  // awards, never a total or a rank.
  const single = (u: UnitResult | undefined, e: InputChange["old"]): boolean => typeof e !== "object" || e === null || (u?.ledger.some((r) => r.entry === e && r.kind === "single") ?? false);
  const awardOnly = (c: InputChange | undefined): boolean => c !== undefined && c.what === "ledger" && single(ua.get(c.unit), c.old) && single(ub.get(c.unit), c.new) && (typeof c.old === "object" || typeof c.new === "object");
  // Whether each unit's results moved, worked out once.
  const moves = new Map(names.map((name) => [name, outcomeKey(ua.get(name)) !== outcomeKey(ub.get(name))]));
  // A unit added that is most likely one removed, renamed (撤镇设街道): compared with its old self,
  // it passed a unit only where it moved; its rename moves nobody where it entered the same values
  // in the same group.
  const renamedAs = new Map<string, string>();
  const sameAsBefore = new Set<string>();
  for (const c of changes) {
    if (c.what !== "unit" || c.like === undefined || !ub.has(c.unit) || ua.has(c.unit)) continue;
    renamedAs.set(c.unit, c.like);
    // (Not one regrouped with it, 撤镇设街道: it left one group's rankings and joined another's.)
    if (!c.likeExcept?.length && ua.get(c.like)?.group === ub.get(c.unit)?.group) sameAsBefore.add(c.unit).add(c.like);
  }
  const renamedFrom = new Set(renamedAs.values());
  // A unit's own changes, and for one scored against its group (ratio to the best, points by
  // place) whose basis changed, the others' changes that moved the best or its place: their values
  // on what it is scored on, and who joined or left (a unit regrouped, added or removed).
  const direct = (name: string): Set<number> => {
    const x = ua.get(name);
    const y = ub.get(name);
    // (One renamed, most likely: its changes under its old name too — a row deleted with it there —
    // but the old name's removal, which the rename is.)
    const was = renamedAs.get(name);
    const before = was !== undefined ? (own.get(was) ?? []).filter((i) => changes[i]?.what !== "unit") : [];
    const because = new Set([...(own.get(name) ?? []), ...before]);
    if (x && y && moves.get(name) === true) {
      for (const [item, basis] of Object.entries(y.relative)) {
        const before = x.relative[item];
        if (before && before.best === basis.best && before.place === basis.place) continue;
        // Its points on the item as they were (a place moved below the last that scores): what
        // moved the place moved nothing of the unit.
        const at = reads.get(item)?.at;
        const was = at?.[0].get(x.kind);
        const now = at?.[1].get(y.kind);
        if (before && was !== undefined && now !== undefined && x.points[was] === y.points[now]) continue;
        // The group it is scored against now: a unit that changed group moved by that (its own
        // change), and by what happened in its new group, not in the one it left.
        // Only the changes of a unit that could move its best or its place: by place, one ahead of
        // it or level with it on the item before or after (金山镇 leaving 乡镇组 from its last place
        // was said to move 杨柳镇's 4th, and with it a prize); by the best, the one that held it or holds it.
        const byPlace = before?.place !== undefined || basis.place !== undefined;
        const mine = [was === undefined ? undefined : x.points[was], now === undefined ? undefined : y.points[now]];
        const could = (other: string): boolean => {
          if (other === name) return true;
          if (!byPlace) return other === before?.holder || other === basis.holder || (renamedAs.has(other) && renamedAs.get(other) === before?.holder);
          // (On a side where the other is of the group: one in another group there was scored among others.)
          const sides: [UnitResult | undefined, ReadonlyMap<string, number> | undefined, number | undefined, string | undefined][] = [
            [ua.get(renamedAs.get(other) ?? other), at?.[0], mine[0], before?.group],
            [ub.get(other), at?.[1], mine[1], basis.group],
          ];
          // (Where its points or the other's are not known on a side, it may have: kept.)
          return sides.every(([o]) => o === undefined) || sides.some(([o, index, own, group]) => {
            if (!o || o.relative[item]?.group !== group) return false;
            const k = index?.get(o.kind);
            const theirs = k === undefined ? undefined : o.points[k];
            return theirs === undefined || own === undefined || theirs >= own;
          });
        };
        for (const i of groupCauses(item).get(basis.group) ?? []) if (could(changes[i]?.unit ?? "")) because.add(i);
      }
    }
    return because;
  };
  // Units moved by changes (their own, or their group's): each can explain another's move by
  // passing it or falling behind it, with its causes. Past a few hundred, only those with changes
  // of their own (and past a few hundred of those, two years compared, none).
  const candidates = names.filter((name) => own.has(name) || moves.get(name) === true);
  const causesOf = new Map<string, Set<number>>();
  for (const name of candidates.length <= MAX_CITED ? candidates : changedUnits) {
    const because = direct(name);
    if (because.size) causesOf.set(name, because);
  }
  const movers = [...causesOf.keys()];
  // The rankings by the total (a unit's possible totals are what its rank range is made from).
  const byTotal = new Set([...a.rankings, ...b.rankings].filter((r) => r.by === "total").map((r) => r.id));
  // A ledger row's cell (the earlier row's, or the row's now) → the change made to it, made when
  // first asked (two years: millions of changes).
  let rowChanges: Map<CellAt, number> | undefined;
  const changeOfRow = (): Map<CellAt, number> => {
    if (!rowChanges) {
      rowChanges = new Map();
      changes.forEach((c, i) => {
        if (c.what !== "ledger") return;
        for (const e of [c.old, c.new]) if (typeof e === "object" && e !== null) rowChanges?.set((e as LedgerEntry).at, i);
      });
    }
    return rowChanges;
  };
  // A band's quota on a ranking, as the units cut by it or given it past it say (undefined where none is).
  const quotas = new Map<string, number | undefined>();
  const quotaIn = (side: ReadonlyMap<string, UnitResult>, key: string, ranking: string, grade: string): number | undefined => {
    if (quotas.has(key)) return quotas.get(key);
    let found: number | undefined;
    for (const u of side.values()) {
      for (const aw of u.awards) {
        if (aw.kind !== "grade" || aw.ranking !== ranking) continue;
        if (aw.cut?.grade === grade) found = aw.cut.quota;
        else if (aw.over && aw.grade === grade) found = aw.over.quota;
      }
      if (found !== undefined) break;
    }
    quotas.set(key, found);
    return found;
  };
  const sameQuotas = (x: UnitResult, y: UnitResult, ranking: string): boolean => {
    const cuts = [...x.awards, ...y.awards].flatMap((aw) => (aw.kind === "grade" && aw.ranking === ranking && aw.cut ? [aw.cut.grade] : []));
    return cuts.every((grade) => {
      const before = quotaIn(ua, `a\u0000${ranking}\u0000${grade}`, ranking, grade);
      return before !== undefined && before === quotaIn(ub, `b\u0000${ranking}\u0000${grade}`, ranking, grade);
    });
  };
  return names.map((name): UnitMove => {
    const x = ua.get(name);
    const y = ub.get(name);
    const moved = moves.get(name) === true;
    const cited = causesOf.get(name);
    const because = cited ? new Set(cited) : direct(name);
    // What moves everything of its (its own changes, its group's basis) and, apart, what moved it
    // on one ranking only (another unit passing it there): its awards are told by the rankings they are on.
    const everywhere = new Set(because);
    const onRanking = new Map<string, Set<number>>();
    const addOn = (id: string, i: number): void => {
      because.add(i);
      const set = onRanking.get(id);
      if (set) set.add(i);
      else onRanking.set(id, new Set([i]));
    };
    const passing = new Map<string, { by: string[]; over: string[]; level: string[] }>();
    if (moved && x && y) {
      // Another unit moved by changes that passed this one, or fell behind it, on a ranking: its causes.
      for (const other of movers) {
        if (other === name || renamedFrom.has(other)) continue;
        // A unit added (or removed) was behind (or is behind) every ranked one; one renamed is
        // compared with itself under its old name.
        const ox = ua.get(renamedAs.get(other) ?? other);
        const oy = ub.get(other);
        // The rankings where it passed this one or fell behind it, and this one's rank or awards
        // there changed (passed by one and passing another, its rank the same: neither moved it).
        const flippedOn = Object.keys(y.ranks).filter((id) => {
          // Only where both are on the ranking, and this unit ranked before and after: a unit
          // unranked by its own veto (or ranked again) has moved by its own change alone.
          const onIt = (ox !== undefined && id in ox.ranks) || (oy !== undefined && id in oy.ranks);
          if (!onIt || x.ranks[id] === null || x.ranks[id] === undefined || y.ranks[id] === null || y.ranks[id] === undefined) return false;
          const awardsMoved = placedAwards(x, id) !== placedAwards(y, id);
          // (Its rank the same but its range not, 8(8–9) → 8: one passing it and another falling
          // behind it both decided where it ended.)
          const rangeMoved = rangeKey(x, id) !== rangeKey(y, id);
          if (x.ranks[id] === y.ranks[id] && !awardsMoved && !rangeMoved) return false;
          // A rank counts those strictly ahead: level with it before and behind it now (or the other
          // way) moves no rank, only awards a tie decides (a prize place, a quota's cut).
          const flips = (p: number, q: number): boolean => (awardsMoved ? p !== q : (p === 1) !== (q === 1));
          if (!flips(order(x.ranks[id], ox?.ranks[id]), order(y.ranks[id], oy?.ranks[id]))) return false;
          // Under two rubrics, where under each alone the two stand as they stood, the rubric moved it,
          // not the other's changes (石门镇's veto now kept ranked: its own edits were named as
          // passing 龙泉镇).
          return !twoRubrics || pairs.some(({ ua: pa, ub: pb }) => {
            const [px, py, pox, poy] = [pa.get(name), pb.get(name), pa.get(renamedAs.get(other) ?? other), pb.get(other)];
            if (!px || !py || !pox || !poy || ![px, py, pox, poy].every((u) => id in u.ranks)) return true;
            return flips(order(px.ranks[id], pox.ranks[id]), order(py.ranks[id], poy.ranks[id]));
          });
        });
        const flipped = flippedOn.length > 0;
        // A veto given or lifted on a unit ranked ahead of this one (or level with it) where the veto
        // keeps its rank: the prize place it held out of (passed on to those behind), or now holds
        // again, or its grade against a quota, moved this one's awards without passing it.
        // Only on a ranking where this unit's prize or grade changed.
        const vetoFlippedOn =
          flipped || ox === undefined || oy === undefined || ox.vetoed === oy.vetoed
            ? []
            : Object.keys(y.ranks).filter((id) => {
                const [a, b, p, q] = [x.ranks[id], y.ranks[id], ox.ranks[id], oy.ranks[id]];
                if (a === null || a === undefined || b === null || b === undefined || p === null || p === undefined || q === null || q === undefined) return false;
                return (order(a, p) >= 0 || order(b, q) >= 0) && contestedAwards(x, id) !== contestedAwards(y, id);
              });
        const vetoFlipped = vetoFlippedOn.length > 0;
        // Only its changes that could move a rank: a single-item recognition moves none, and a change
        // to what a ranking by a line or an item does not read moves nothing there.
        // On a ranking: whether a change of the other's could move it there.
        const movingOn = (i: number, id: string): boolean => {
          const c = changes[i];
          if (!c || awardOnly(c) || (c.what === "unit" && sameAsBefore.has(c.unit))) return false;
          if (vetoFlipped || c.code === null || c.what === "unit" || c.what === "group") return true;
          const read = keys.get(id);
          return read === undefined || read === "all" || read.has(c.code ?? "");
        };
        // Its veto given or lifted, not passing: by the changes to what its gates read (its other
        // changes left it where it was against this one); by all where none is such, or the gates are not known.
        const theirs = [...(causesOf.get(other) ?? [])];
        const vetoing = vetoFlipped ? theirs.filter(gateChange) : [];
        for (const id of flipped ? flippedOn : vetoFlippedOn)
          for (const i of vetoing.length ? vetoing : theirs) {
            if (!movingOn(i, id)) continue;
            if (rankAlone(x, y, ox, oy, id)) because.add(i);
            else addOn(id, i);
          }
      }
    }
    if (moved && x && y) {
      // Where its rank moved, the units it now stands behind, level with or ahead of that it did not
      // before (who passed 青龙乡 from 7th to 9th): each ranked there now, and before or not (a unit
      // added, or its veto lifted, now ahead of it passed it: left out, three passed it and one was
      // named). Among every unit of a district; a province's, those moved by changes.
      for (const id of Object.keys(y.ranks)) {
        const [mine, now] = [x.ranks[id], y.ranks[id]];
        if (mine === now || mine === null || mine === undefined || now === null || now === undefined) continue;
        for (const other of names.length <= MAX_CITED ? names : movers) {
          if (other === name || renamedFrom.has(other)) continue;
          const [theirs, then] = [ua.get(renamedAs.get(other) ?? other)?.ranks[id], ub.get(other)?.ranks[id]];
          if (then === null || then === undefined) continue;
          // (Now level with units it was behind: level, not ahead of them; a tester's find.)
          // (One unranked before was behind it: order says so.)
          const [was, is] = [order(mine, theirs), order(now, then)];
          const side = was === is ? undefined : is === 1 ? "by" : is === -1 ? "over" : "level";
          if (!side) continue;
          const at = passing.get(id) ?? { by: [], over: [], level: [] };
          at[side].push(other);
          passing.set(id, at);
        }
        // In their order there now, as its table lists them (tied ones by name, not as the workbook has them).
        const at = tableOrder(id);
        const place = (n: string): number => at.get(n) ?? Number.POSITIVE_INFINITY;
        for (const list of Object.values(passing.get(id) ?? {})) list.sort((p, q) => place(p) - place(q));
      }
    }
    if (moved && x && y) {
      // A single-item award given to so many (count) that another's recognition took or gave back:
      // the recognitions of its code.
      const singles = (u: UnitResult): string[] => u.awards.flatMap((a) => (a.kind === "single" ? [`${a.code}\u0000${a.level}`] : []));
      const before = singles(x).sort().join(",");
      const after = singles(y).sort().join(",");
      if (before !== after) {
        const codes = new Set([...x.awards, ...y.awards].flatMap((a) => (a.kind === "single" ? [a.code] : [])));
        // Only a unit that holds that award before or after (a vetoed unit's recognition takes none).
        const holds = (u: UnitResult | undefined, code: string): boolean => (u?.awards ?? []).some((a) => a.kind === "single" && a.code === code);
        // (On the rankings its single-item awards of that code are on.)
        const rankingsOf = (code: string): string[] => [...new Set([...x.awards, ...y.awards].flatMap((a) => (a.kind === "single" && a.code === code ? [a.ranking] : [])))];
        changes.forEach((c, i) => {
          // (An award given to every unit recognized, with no count, is taken by nobody's: not its cause.)
          if (c.unit === name || c.code === null || !codes.has(c.code) || !awardOnly(c) || (limited !== undefined && !limited.has(c.code))) return;
          if (holds(ua.get(renamedAs.get(c.unit) ?? c.unit), c.code) || holds(ub.get(c.unit), c.code)) for (const id of rankingsOf(c.code)) addOn(id, i);
        });
      }
    }
    if (moved && x && y) {
      // Where its rank ranges or (待定) marks moved, or nothing above explains its move: the claims
      // pending for it that were decided, added or changed, of the rows its certainty names before
      // (the earlier rows) and after (the rows as they are now); another's single-item recognition
      // moves none of its ranks.
      if (!because.size || pendingKey(x) !== pendingKey(y)) {
        const rows = changeOfRow();
        // (Its awards' causes among them: its own rows, and the others' its awards wait on.)
        const forAwards = new Set([...(x.certainty?.awardClaims ?? []), ...(y.certainty?.awardClaims ?? [])]);
        for (const cell of [...(x.certainty?.pending ?? []), ...(y.certainty?.pending ?? [])]) {
          const i = rows.get(cell);
          const c = i === undefined ? undefined : changes[i];
          if (i !== undefined && c && (c.unit === name || !awardOnly(c))) {
            because.add(i);
            if (c.unit === name || forAwards.has(cell)) everywhere.add(i);
          }
        }
      }
      // Where its rank range on a ranking by the total opened or closed: the changes of a unit whose
      // possible totals came to overlap its own, or ceased to (河东街道 at most 90.5 with its pending
      // claim, 青龙乡 raised to 91.18 past it: 青龙乡's 8–9 closes to 7, and 河东街道's 8–9 to 9 —
      // by 青龙乡's change).
      for (const id of Object.keys(y.ranks)) {
        if (!byTotal.has(id) || rangeKey(x, id) === rangeKey(y, id)) continue;
        for (const other of movers) {
          if (other === name || renamedFrom.has(other)) continue;
          const ox = ua.get(renamedAs.get(other) ?? other);
          const oy = ub.get(other);
          // (A unit added or removed is on the ranking on one side alone: its totals reach this one's
          // there only; its range opened by a unit joining had no cause said.)
          if (!(ox && id in ox.ranks) && !(oy && id in oy.ranks)) continue;
          // Only while it is ranked there: a vetoed unit's totals reach no one's rank.
          const ranked = (u: UnitResult | undefined): u is UnitResult => u !== undefined && u.ranks[id] !== null && u.ranks[id] !== undefined;
          const meets = (u: UnitResult, o: UnitResult | undefined): boolean => ranked(o) && overlaps(span(u), span(o));
          if (meets(x, ox) === meets(y, oy)) continue;
          // The other's own move changed whether they meet, this unit's range held as it was or as it
          // is: not this unit's range opening onto one that stood within reach anyway (西山镇's own
          // pending −20 reaching 青石镇, whose changes it was then said to be moved by).
          if (ox && oy && meets(x, ox) === meets(x, oy) && meets(y, ox) === meets(y, oy)) continue;
          // (Not its rename where it entered the same values: it stood where it stood.)
          const alone = rankAlone(x, y, ox, oy, id);
          for (const i of causesOf.get(other) ?? []) {
            const c = changes[i];
            if (awardOnly(c) || (c?.what === "unit" && sameAsBefore.has(c.unit))) continue;
            if (alone) because.add(i);
            else addOn(id, i);
          }
        }
      }
      // Where its last place or a grade cut by a quota changed on a ranking: who joined or left that
      // ranking (a unit added, removed, regrouped, or vetoed out or back in), which moves the last
      // place and a quota's size without passing anyone.
      for (const id of Object.keys(y.ranks)) {
        if (byMembership(x, id) === byMembership(y, id)) continue;
        // A grade cut alone, by a quota of the same size either side: the unit crossed the band's
        // line itself (青龙乡 raised to 90, past the 优秀 mark with the 2 places taken); who left
        // the ranking did not move it (2 of 11 or of 10 alike).
        if (lastCard(x, id) === lastCard(y, id) && sameQuotas(x, y, id)) continue;
        for (const other of changedUnits) {
          // A unit renamed with the same values neither left nor joined.
          if (other === name || sameAsBefore.has(other)) continue;
          const [ox, oy] = [ua.get(other), ub.get(other)];
          const ranked = (u: UnitResult | undefined): boolean => u?.ranks[id] !== undefined && u.ranks[id] !== null;
          if (ranked(ox) !== ranked(oy)) for (const i of own.get(other) ?? []) addOn(id, i);
        }
      }
    }
    // Its awards' causes: what moves everything, and what moved it on the rankings its awards changed on.
    let awardsBecause: number[] | undefined;
    if (x && y) {
      const on = new Set(everywhere);
      const rankingsOf = (u: UnitResult): string[] => [...u.awards.flatMap((a) => ("ranking" in a ? [a.ranking] : [])), ...(u.certainty?.open ?? []).map((o) => o.ranking)];
      for (const id of new Set([...rankingsOf(x), ...rankingsOf(y)])) {
        if (awardsOn(x, id) === awardsOn(y, id)) continue;
        for (const i of onRanking.get(id) ?? []) on.add(i);
      }
      if (on.size && on.size < because.size && awardsOn(x) !== awardsOn(y)) awardsBecause = [...on].sort((p, q) => p - q);
    }
    return { name, ...(x ? { old: x } : {}), ...(y ? { new: y } : {}), because: [...because].sort((p, q) => p - q), ...(awardsBecause ? { awardsBecause } : {}), moved, ...(passing.size ? { passing } : {}) };
  });
}

/** What a unit's ledger does: its counted points by kind and where they are charged, and its recognitions. */
function ledgerEffect(u: UnitResult | undefined): string {
  if (!u) return "";
  const sums = new Map<string, number>();
  const recognised: string[] = [];
  for (const r of u.ledger) {
    if (!r.counted) continue;
    if (r.kind === "single") recognised.push(`${r.entry.code}\u0000${r.entry.level ?? ""}`);
    else {
      const key = `${r.kind}\u0000${r.charged ?? ""}`;
      sums.set(key, (sums.get(key) ?? 0) + r.points);
    }
  }
  return JSON.stringify([[...sums].sort(), recognised.sort()]);
}

/**
 * Whether another unit, vetoed both times (kept ranked), moved this one (x before, y after) on a
 * ranking by its rank alone: it takes no prize passed on and no grade its veto holds it from, so
 * passing this one, or its range meeting this one's, where this one's prize and grade stayed and no
 * last place was at stake, moved no award (河西街道, held to 合格, beside 双河乡 whose 良好 was only settled).
 */
function rankAlone(x: UnitResult, y: UnitResult, ox: UnitResult | undefined, oy: UnitResult | undefined, ranking: string): boolean {
  return ox?.vetoed === true && oy?.vetoed === true && placedAwards(x, ranking) === placedAwards(y, ranking) && !lastCard(x, ranking) && !lastCard(y, ranking);
}

/** Whether a unit holds a ranking's last-place card. */
function lastCard(u: UnitResult, ranking: string): boolean {
  return u.awards.some((a) => a.kind === "warning" && a.ranking === ranking && a.reasons.includes("last"));
}

/** A unit's awards on a ranking that who is ranked there decides, passing nobody: a last place's card, a grade a quota cut. */
function byMembership(u: UnitResult, ranking: string): string {
  return JSON.stringify(u.awards.flatMap((a) => (a.kind === "warning" && a.ranking === ranking && a.reasons.includes("last") ? [["last", a.name]] : a.kind === "grade" && a.ranking === ranking && a.cut !== undefined ? [["grade", a.grade]] : [])));
}

/**
 * A unit's awards (all, or on one ranking) as compared: kind, ranking and what was given, and what
 * pending claims leave open there (a (待定) mark resolved, a 可能获 gone, is a change of its awards).
 */
function awardsOn(u: UnitResult, ranking?: string): string {
  const held = u.awards.flatMap((a) => (a.kind === "veto" || (ranking !== undefined && a.ranking !== ranking) ? [] : [[a.kind, a.ranking, a.kind === "rank" ? a.tier : a.kind === "grade" ? a.grade : a.kind === "single" ? `${a.code}:${a.level}` : a.name]]));
  const open = (u.certainty?.open ?? []).flatMap((o) => (ranking !== undefined && o.ranking !== ranking ? [] : [[o.kind, o.ranking, o.code ?? null, o.tier ?? null, o.worst ?? null, o.grades ?? null]]));
  // (As sets: the rubric's order of rankings is no change of the unit's.)
  return JSON.stringify([asSet(held), asSet(open)]);
}

/** A unit's prize and grade on a ranking, as compared (the place a prize was passed from aside). */
function placedAwards(u: UnitResult, ranking: string, contested = false): string {
  return JSON.stringify(u.awards.flatMap((a) => (a.kind === "rank" && a.ranking === ranking ? [["rank", a.tier, a.amount ?? null]] : a.kind === "grade" && a.ranking === ranking && (!contested || a.cut !== undefined || a.over !== undefined) ? [["grade", a.grade]] : [])));
}

/**
 * Of a unit's awards on a ranking, those another unit ahead of it can take or give back: its prize,
 * and a grade a quota cut or gave past the quota (a grade of a band without a quota is its score's
 * alone: 文昌街道's 合格 → 良好 was traced to a town's veto).
 */
function contestedAwards(u: UnitResult, ranking: string): string {
  return placedAwards(u, ranking, true);
}

/** -1 when a unit ranks ahead of another, 1 behind, 0 level (an unranked unit is behind). */
function order(mine: number | null | undefined, theirs: number | null | undefined): number {
  const m = mine ?? Number.POSITIVE_INFINITY;
  const t = theirs ?? Number.POSITIVE_INFINITY;
  return m < t ? -1 : m > t ? 1 : 0;
}

/** A changed value for people: points, or a measure in its unit. */
export function valueText(rubric: Rubric, code: string, v: number | undefined): string {
  if (v === undefined) return "—";
  const m = measureOf(rubric, code);
  return m ? formatMeasure(v, m.display) : formatPoints(v);
}

/** A changed value as `score --json` gives values: points as decimals, rates as fractions. */
export function valueJson(rubric: Rubric, code: string, v: number | undefined): number | null {
  if (v === undefined) return null;
  const m = measureOf(rubric, code);
  return m && m.unit === "percent" ? rateToFraction(v) : pointsToNumber(v);
}

/** A unit's rank range on a ranking, as compared (none where claims cannot move it). */
function rangeKey(u: UnitResult, id: string): string {
  const r = u.certainty?.ranks[id];
  return r ? `${r[0]}-${r[1]}` : "";
}

/** The totals a unit may end with while claims are pending: its total alone where none can move it. */
function span(u: UnitResult): readonly [number, number] {
  return u.certainty?.total ?? [u.total, u.total];
}

function overlaps(p: readonly [number, number], q: readonly [number, number]): boolean {
  return p[0] <= q[1] && q[0] <= p[1];
}
