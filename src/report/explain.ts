// Why each of a unit's points is what it is: its lines and items as a tree, each with the points
// scoring gave it (read from the results, never scored again), the points lost, the rule's
// explanation and the cell the value came from. `assess explain`, the scoring-notes sheet and the
// JSON all show this.
import type { LeafItem, MeasuredItem, Rubric } from "../rubric/model.js";
import { isMeasured, isRelative } from "../rubric/model.js";
import { planOf } from "../rubric/plan.js";
import { targetReaders, type TargetReaders } from "../rubric/targets.js";
import { formatMeasure, formatPoints, formatRate, type Points, type Rate } from "../model/numbers.js";
import type { LedgerResult, Reason, RelativeBasis, UnitResult } from "../model/results.js";
import { message, type Lang } from "../messages/index.js";
import { cellOf, type CellAt, type Submission } from "../model/submission.js";
import { cellRef } from "../diagnostics/index.js";
import { shortfallDue } from "../rubric/formulas.js";

export interface Measured {
  readonly indicator: string;
  readonly value: Rate;
  readonly valueAt: CellAt;
  readonly target: Rate;
  /** linear: the value that earns 0. */
  readonly floor?: Rate;
  /** The target's cell, or undefined when the rubric gave it (fixed or default). */
  readonly targetAt?: CellAt;
  /** linear: the floor's cell, where each unit has its own. */
  readonly floorAt?: CellAt;
  readonly targetCode?: string;
}

export interface ItemView {
  readonly code: string;
  readonly name: string;
  /** "line", "group", or the leaf's kind. */
  readonly kind: string;
  readonly max: Points;
  readonly points: Points;
  readonly lost: Points;
  readonly depth: number;
  /** Leaves: why the points are what they are. */
  readonly reason?: Reason;
  /** Leaves: the cell the value came from. */
  readonly source?: CellAt;
  readonly measured?: Measured;
  /** A failed gate: the unit is vetoed. */
  readonly vetoes?: boolean;
  /** Ledger points charged to it (net), already in `points`. */
  readonly charge?: Points;
  readonly children: readonly ItemView[];
}

/** How a measured value is compared: ≥ and < where higher is better, ≤ and > where lower is. */
function comparison(lower: boolean): { op: string; miss: string } {
  return lower ? { op: "≤", miss: ">" } : { op: "≥", miss: "<" };
}

/** What a measured leaf's reasons share, worked out once per item (sheets ask for every unit). */
interface ItemWords {
  readonly max: string;
  readonly display: string;
  readonly lower: boolean;
  readonly op: string;
  readonly miss: string;
}
const itemWords = new WeakMap<LeafItem, ItemWords>();

function wordsOf(rubric: Rubric, item: LeafItem): ItemWords {
  let w = itemWords.get(item);
  if (!w) {
    const ind = isMeasured(item) ? rubric.indicators.find((i) => i.code === item.indicator) : undefined;
    const lower = ind?.direction === "lower";
    w = { max: formatPoints(item.max), display: ind?.display ?? "%", lower, ...comparison(lower) };
    itemWords.set(item, w);
  }
  return w;
}

function leafReason(rubric: Rubric, item: LeafItem, points: Points, entered: boolean, m: Measured | undefined, basis: RelativeBasis | undefined): Reason {
  const w = wordsOf(rubric, item);
  const max = w.max;
  if (!isMeasured(item)) {
    if (!entered) return { code: "why.missing", data: {} };
    if (item.kind === "deducted") return points >= item.max ? { code: "why.deducted-none", data: { max } } : { code: "why.deducted", data: { off: formatPoints(item.max - points), max, points: formatPoints(points) } };
    return points >= item.max
      ? { code: "why.judged-full", data: { max } }
      : { code: "why.judged-partial", data: { points: formatPoints(points), max, lost: formatPoints(item.max - points) } };
  }
  if (!m) return { code: "why.missing", data: {} };
  const lower = w.lower;
  const show = (v: number): string => formatMeasure(v, w.display);
  // One data object per reason, filled in place (a province's notes make hundreds of thousands).
  const data: Record<string, string | number> = { indicator: m.indicator, value: show(m.value), target: show(m.target), max, points: formatPoints(points), op: w.op, miss: w.miss };
  const met = lower ? m.value <= m.target : m.value >= m.target;
  const reason = (code: string): Reason => ({ code, data });
  switch (item.kind) {
    case "threshold":
      return reason(met ? "why.threshold-met" : "why.threshold-missed");
    case "gate": {
      // One that holds the grade alone (no one-vote veto) says which grade, missed.
      const hold = item.veto?.gradeOnly ? item.veto : undefined;
      if (hold && !met) data.grade = hold.grade ?? hold.gradeAtMost ?? "";
      if (hold) return reason(met ? (item.max === 0 ? "why.gate-passed-grade-only" : "why.gate-passed") : hold.grade !== undefined ? "why.gate-failed-grade-set" : "why.gate-failed-grade-at-most");
      return reason(met ? (item.max === 0 ? "why.gate-passed-veto-only" : "why.gate-passed") : "why.gate-failed");
    }
    case "linear":
      if (met) return reason("why.linear-full");
      data.floor = show(m.floor ?? 0);
      if (points !== 0) {
        // The sum to redo, as a ratio's is said: the way from the floor, of the way to the target, of
        // the max (≈ where the quotient was rounded); from a floor of 0, the value and target alone.
        // (The values as said already: a province's notes make one of these for every unit.)
        const f = m.floor ?? 0;
        const [value, target, floor] = [String(data.value), String(data.target), String(data.floor)];
        const term = (v: number, shown: string): string => (v < 0 ? `(${shown})` : shown);
        const way = (to: number, shown: string): string => (lower ? `(${term(f, floor)} − ${term(to, shown)})` : `(${term(to, shown)} − ${term(f, floor)})`);
        data.formula = f === 0 && !lower ? `${value} ÷ ${target} × ${max}` : `${way(m.value, value)} ÷ ${way(m.target, target)} × ${max}`;
        data.eq = (item.max * Math.abs(m.value - f)) % Math.abs(m.target - f) === 0 ? "=" : "≈";
      }
      return reason(points === 0 ? "why.linear-floor" : "why.linear-part");
    case "ratio":
      if (met) return reason("why.ratio-full");
      // A target of 0 or less leaves no ratio to take, either way round: reached or 0.
      if (m.target <= 0) return reason(lower ? "why.ratio-target-none-lower" : "why.ratio-target-none");
      // Higher being better, a value of 0 or less: 0 points.
      if (!lower && m.value <= 0) return reason("why.ratio-none");
      // ≈ where the points are the quotient rounded to 0.01 (3333 ÷ 4000 × 30 is 24.9975, 25.00).
      data.eq = (item.max * (lower ? m.target : m.value)) % (lower ? m.value : m.target) === 0 ? "=" : "≈";
      return reason(lower ? "why.ratio-part-lower" : "why.ratio-part");
    case "bands": {
      const band = (item.bands ?? []).find((b) => (lower ? m.value <= b.from : m.value >= b.from));
      if (!band) {
        data.from = show(item.bands?.at(-1)?.from ?? 0);
        // Lower being better, the last band is the most allowed: 5起 is past it, not short of it.
        return reason(lower ? "why.bands-none-lower" : "why.bands-none");
      }
      data.from = show(band.from);
      data.share = band.share !== undefined ? formatRate(band.share) : formatPoints(band.points ?? 0);
      // A band of points (得该档 5 分), not of a share of the max (得该档 80%,计 16).
      return reason(band.share !== undefined ? "why.bands" : "why.bands-points");
    }
    case "shortfall": {
      if (met) return reason("why.shortfall-none");
      data.deduct = formatPoints(item.deduct ?? 0);
      data.off = formatPoints(item.max - points);
      // More due than the max (11 件 × 3 = 33 of 30): said as due, then 扣完为止, or 扣 30 reads as a slip.
      const short = Math.abs(m.value - m.target);
      const due = shortfallDue(item, short);
      const capped = due > item.max ? "-capped" : "";
      data.due = formatPoints(due);
      // Whole steps only, with a part of one left over (2.5 short, 2 counted): said, or 扣 4 reads as a slip.
      const partStep = item.wholeSteps === true && (item.per ?? 0) > 0 && short % (item.per ?? 1) !== 0 && points > 0 ? "-part" : "";
      // A percentage's shortfall is in percentage points (95% − 86.4% is 8.6 个百分点, not 8.6%).
      if (w.display === "%") {
        data.short = formatPoints(short);
        data.per = formatPoints(item.per ?? 0);
        return reason(`${lower ? "why.shortfall-over-pp" : "why.shortfall-pp"}${partStep || capped}`);
      }
      data.short = show(short);
      data.per = show(item.per ?? 0);
      return reason(`${lower ? "why.shortfall-over" : "why.shortfall"}${partStep || capped}`);
    }
    case "relative-best":
      data.best = show(basis?.best ?? 0);
      data.group = basis?.group ?? "";
      // Whose value the best is (a town disputing it searched the sheet for it).
      data.holder = basis?.holder ?? "";
      if (!lower && m.value <= 0) return reason("why.relative-none");
      if (basis?.alone) return reason("why.relative-alone");
      // Better than the best: the best was found without this unit (a vetoed one, where the rubric leaves them out).
      if (basis?.best !== undefined && (lower ? m.value < basis.best : m.value > basis.best)) return reason("why.relative-beyond-best");
      // The best itself: said so (not as its own value ÷ itself, named as another's; nor 0 ÷ 0 where
      // 0 起 is the best), with the vetoed units better than it that were left out, or the group's
      // units all vetoed.
      if (basis?.best !== undefined && m.value === basis.best) {
        if (basis.leftOut) leftOutData(data, basis.leftOut, show);
        return reason(`why.relative-is-best${basis.amongVetoed ? "-vetoed" : basis.leftOut ? (basis.leftOut.count > 1 ? "-left-out-more" : "-left-out") : ""}`);
      }
      data.eq = basis?.best !== undefined && basis.best !== 0 && m.value !== 0 && (item.max * (lower ? basis.best : m.value)) % (lower ? m.value : basis.best) !== 0 ? "≈" : "=";
      if (basis?.leftOut) leftOutData(data, basis.leftOut, show);
      return reason(`${lower ? "why.relative-best-lower" : "why.relative-best"}${basis?.amongVetoed ? "-vetoed" : basis?.leftOut ? (basis.leftOut.count > 1 ? "-left-out-more" : "-left-out") : ""}`);
    case "rank-points":
      data.place = basis?.place ?? 0;
      data.group = basis?.group ?? "";
      data.step = formatPoints(item.step ?? 0);
      if (basis?.alone) return reason("why.relative-alone");
      // Whether vetoed units take places is the rubric's choice: said where it bears on this place.
      // A place shared with others at the same value: 并列第 2 名 (a town told 第 2 名 asked who was 1st).
      if (basis?.leftOut) {
        leftOutData(data, basis.leftOut, show);
        return reason(`${basis.leftOut.count > 1 ? "why.rank-points-left-out-more" : "why.rank-points-left-out"}${basis.tied ? "-tied" : ""}`);
      }
      if (basis?.aside) return reason("why.rank-points-aside");
      return reason(`${basis?.amongVetoed ? "why.rank-points-vetoed" : item.includeVetoed ? "why.rank-points-with-vetoed" : "why.rank-points"}${basis?.tied ? "-tied" : ""}`);
  }
}

/** The vetoed units left out that are better than what a unit is scored against: the best of them by name and value, and their count. */
function leftOutData(data: Record<string, string | number>, out: NonNullable<RelativeBasis["leftOut"]>, show: (v: number) => string): void {
  data.unit = out.unit;
  data.other = show(out.value);
  data.count = out.count;
}

/** Each measured item's target (and floor) readers over a submission's values, made once (sheets ask for every unit). */
const readers = new WeakMap<object, Map<MeasuredItem, TargetReaders>>();

function readerOf(rubric: Rubric, item: MeasuredItem, sub: Submission): TargetReaders {
  let byItem = readers.get(sub.values);
  if (!byItem) readers.set(sub.values, (byItem = new Map()));
  let r = byItem.get(item);
  if (!r) {
    r = targetReaders(rubric, item, sub.values);
    byItem.set(item, r);
  }
  return r;
}

/** The measured value and target unit u was scored on, with their cells. */
function measuredOf(rubric: Rubric, item: LeafItem, sub: Submission, u: number): Measured | undefined {
  if (!isMeasured(item)) return undefined;
  return measuredAt(item, sub.values.slot(item.indicator), readerOf(rubric, item, sub), sub, u);
}

/** The same, with the indicator's slot and the item's target readers looked up already. */
function measuredAt(item: MeasuredItem, slot: number | undefined, readers: TargetReaders, sub: Submission, u: number): Measured | undefined {
  const value = slot === undefined ? undefined : sub.values.get(u, slot);
  const valueAt = slot === undefined ? undefined : sub.values.at(u, slot);
  const relativeOrBands = isRelative(item) || item.kind === "bands";
  const target = relativeOrBands ? { value: 0 } : readers.target.resolve(u);
  const floor = readers.floor?.resolve(u);
  if (value === undefined || !valueAt || !target) return undefined;
  const out: { -readonly [K in keyof Measured]: Measured[K] } = { indicator: item.indicator, value, valueAt, target: target.value };
  if (floor !== undefined) out.floor = floor.value;
  if (floor?.at) out.floorAt = floor.at;
  if (target.at) out.targetAt = target.at;
  if (target.code) out.targetCode = target.code;
  return out;
}

/**
 * Where a unit's target came from: its own cell, or (none entered) the rubric's default; and a
 * floor of its own (linear, each unit's from its column), said with it. "" for a fixed target.
 */
export function targetSource(lang: Lang, m: Measured | undefined): string {
  const floorAt = m?.floorAt ? cellRef(m.floorAt.sheet, m.floorAt.cell) : undefined;
  if (m?.targetAt) {
    const target = cellRef(m.targetAt.sheet, m.targetAt.cell);
    return floorAt !== undefined ? message(lang, "explain.target-floor-from", { target, floor: floorAt }) : message(lang, "explain.target-from", { cell: target });
  }
  return `${m?.targetCode ? message(lang, "explain.target-default", { code: m.targetCode }) : ""}${floorAt !== undefined ? message(lang, "explain.floor-from", { cell: floorAt }) : ""}`;
}

/** A leaf's view: its points, why, the cell its value came from. */
function leafView(rubric: Rubric, sub: Submission, unit: UnitResult, u: number, item: LeafItem, points: Points, depth: number): ItemView {
  const measured = measuredOf(rubric, item, sub, u);
  const source = measured ? measured.valueAt : cellOf(sub.values, u, item.code);
  const vetoes = item.kind === "gate" && unit.vetoes.some((v) => v.gate === item.code);
  const charge = unit.charges[item.code];
  const view: { -readonly [K in keyof ItemView]: ItemView[K] } = {
    code: item.code,
    name: item.name,
    kind: item.kind,
    max: item.max,
    points,
    lost: item.max - points,
    depth,
    reason: leafReason(rubric, item, points - (charge ?? 0), source !== undefined, measured, unit.relative[item.code]),
    children: NO_CHILDREN,
  };
  if (source) view.source = source;
  if (measured) view.measured = measured;
  if (vetoes) view.vetoes = vetoes;
  if (charge !== undefined) {
    view.charge = charge;
  }
  return view;
}

const NO_CHILDREN: readonly ItemView[] = [];

/** Unit u's lines, each with its items as a tree. */
export function explainUnit(rubric: Rubric, sub: Submission, unit: UnitResult, u: number): ItemView[] {
  const plan = planOf(rubric, unit.kind);
  if (!plan) return [];
  const views: ItemView[] = [];
  const lines: ItemView[] = [];
  plan.nodes.forEach((node, i) => {
    const points = unit.points[i] ?? 0;
    const item = node.item;
    const charge = unit.charges[node.code];
    const view: ItemView =
      item && item.kind !== "group"
        ? leafView(rubric, sub, unit, u, item, points, node.depth)
        : { code: node.code, name: node.name, kind: item ? "group" : "line", max: node.max, points, lost: node.max - points, depth: node.depth, ...(charge !== undefined ? { charge } : {}), children: [] };
    views.push(view);
    const parent = views[node.parent];
    if (parent) (parent.children as ItemView[]).push(view);
    else lines.push(view);
  });
  return lines;
}

/** A leaf's note: what the scoring-notes sheet lists for it. */
export interface LeafNote {
  readonly item: LeafItem;
  readonly points: Points;
  /** Why, in words (as whyText says it). */
  readonly why: string;
  /** The cell the value (or the points entered) came from. */
  readonly source?: CellAt;
  /** A failed gate: the unit is vetoed. */
  readonly vetoes: boolean;
}

/**
 * The leaves the scoring-notes sheet lists for a unit, in rubric order: every measured one (the
 * matrix shows its points, not its value and target), and a judged or deducted one a ledger row
 * was charged to (the matrix shows 8 where 9 was entered: 评定 9 分;加扣分 −1,得 8). What
 * `explain` says of them, made without the tree, for the sheet that lists every unit of a
 * province. Each kind's leaves, slots and target readers are looked up once; the notes returned
 * are reused by the next call.
 */
export function leafNotes(rubric: Rubric, sub: Submission, lang: Lang): (unit: UnitResult, u: number) => readonly LeafNote[] {
  type Leaf = { i: number; item: MeasuredItem; slot: number | undefined; readers: TargetReaders } | { i: number; item: LeafItem; slot?: undefined; readers?: undefined };
  const byKind = new Map<string, Leaf[]>();
  for (const kind of rubric.unitKinds) {
    const plan = planOf(rubric, kind.id);
    const leaves = (plan?.leaves ?? []).flatMap((i): Leaf[] => {
      const item = plan?.nodes[i]?.item;
      if (!item || item.kind === "group") return [];
      return isMeasured(item) ? [{ i, item, slot: sub.values.slot(item.indicator), readers: readerOf(rubric, item, sub) }] : [{ i, item }];
    });
    byKind.set(kind.id, leaves);
  }
  const pool: { -readonly [K in keyof LeafNote]: LeafNote[K] }[] = [];
  const out: LeafNote[] = [];
  return (unit, u) => {
    out.length = 0;
    for (const leaf of byKind.get(unit.kind) ?? []) {
      const { i, item } = leaf;
      const charge = unit.charges[item.code];
      let reason: Reason;
      let source: CellAt | undefined;
      let measured: Measured | undefined;
      const points = unit.points[i] ?? 0;
      if (leaf.readers) {
        measured = measuredAt(leaf.item, leaf.slot, leaf.readers, sub, u);
        reason = leafReason(rubric, item, points - (charge ?? 0), measured !== undefined, measured, unit.relative[item.code]);
        source = measured?.valueAt;
      } else {
        if (!charge) continue;
        source = cellOf(sub.values, u, item.code);
        reason = leafReason(rubric, item, points - charge, source !== undefined, undefined, undefined);
      }
      const note = pool[out.length] ?? (pool[out.length] = { item, points, why: "", vetoes: false });
      note.item = item;
      note.points = points;
      // Where its target came from too (a unit's own cell, or the rubric's default), as explain says.
      note.why = withCharge(lang, message(lang, reason.code, reason.data) + targetSource(lang, measured), charge, points);
      note.source = source;
      note.vetoes = item.kind === "gate" && unit.vetoed && unit.vetoes.some((v) => v.gate === item.code);
      out.push(note);
    }
    return out;
  };
}

/** How many leaves of a unit the scoring-notes sheet lists (as leafNotes gives them): its kind's measured ones, and those charged. */
export function leafNoteCount(rubric: Rubric, unit: UnitResult, measured: number): number {
  let n = measured;
  const plan = planOf(rubric, unit.kind);
  for (const code of Object.keys(unit.charges)) {
    const node = plan?.index.get(code);
    const item = node === undefined ? undefined : plan?.nodes[node]?.item;
    if (item && item.kind !== "group" && !isMeasured(item) && unit.charges[code]) n++;
  }
  return n;
}

/** Signed points for people: "+2", "−2". */
function signed(p: Points): string {
  return p < 0 ? `−${formatPoints(-p)}` : p === 0 ? "0" : `+${formatPoints(p)}`;
}

/**
 * Why an item or line has its points, in words: its rule's reason, and the ledger points charged
 * to it (which its reason, worked on the item's own data, does not include).
 */
export function whyText(lang: Lang, v: ItemView): string {
  return withCharge(lang, v.reason ? message(lang, v.reason.code, v.reason.data) : "", v.charge, v.points);
}

/**
 * A reason in words, with the ledger points charged to its item or line said after it: an item's
 * reason gives its points before the charge, then the charge and what it comes to (计 15;加扣分
 * −2,得 13); a line's subtotal, shown beside it, includes them (含加扣分 −2).
 */
function withCharge(lang: Lang, why: string, charge: Points | undefined, points: Points): string {
  // Each row is counted only as far as it moves its line or item (engine/ledger.ts): what was
  // charged is what counted, never held again here.
  if (!charge) return why;
  return why ? message(lang, "why.charged-item", { why, points: signed(charge), total: formatPoints(points) }) : message(lang, "why.charged", { points: signed(charge) });
}

/** A single-item row's words where the unit's veto keeps it from the award its rankings give; else the row's own. */
function singleWhy(r: LedgerResult, unit: Pick<UnitResult, "vetoed">): [string, Readonly<Record<string, string | number>>] {
  if (!unit.vetoed || r.kind !== "single") return [r.reason.code, r.reason.data];
  if (r.counted && r.reason.code === "why.ledger-single") return ["why.ledger-single-vetoed", r.reason.data];
  if (r.reason.code === "why.ledger-pending-single") return ["why.ledger-pending-single-vetoed", r.reason.data];
  return [r.reason.code, r.reason.data];
}

/** Why a ledger row counted as it did, and where it was charged when not to the total. */
export function ledgerWhy(lang: Lang, r: LedgerResult, unit: Pick<UnitResult, "vetoed">): string {
  // A vetoed unit competes for no single-item award, however it was recognised (or will be: a
  // pending claim of its own is not "entered for" one). (One no ranking it is in gives the engine says so itself.)
  const why = message(lang, ...singleWhy(r, unit));
  // A pending row says where it would be charged once approved.
  const to = r.charged ?? (!r.counted && typeof r.reason.data.target === "string" ? r.reason.data.target : undefined);
  return to ? message(lang, "why.ledger-charged", { why, target: to, targetName: String(r.reason.data.targetName ?? "") }) : why;
}
