// What must be in a workbook once every sheet is read: every unit on every sheet its kind needs,
// every judged column, every measured input and target; and a question about rates that look
// like a slip of the percent sign. Each problem is located where the user can fix it.
import { cellRef, type Problems } from "../diagnostics/index.js";
import type { JudgedItem, MeasuredItem, Rubric, UnitKind } from "../rubric/model.js";
import { isEntered, isMeasured, isVetoGate, leaves, measureOf } from "../rubric/model.js";
import { formatMeasure, formatPoints, formatRate, type Rate } from "../model/numbers.js";
import { cellOf, type Unit, type Values } from "../model/submission.js";
import { targetOf, targetReader } from "../rubric/targets.js";
import { colName } from "../xlsx/refs.js";
import type { HeaderCell, SheetRole } from "./read.js";
import { MAX_NEAR_SEARCHES, nearestNames } from "./near.js";
import { comparableName } from "../model/names.js";
import { blankMeasure } from "./cells.js";
import { SHEET } from "./layout.js";

export interface LocatedSheet {
  readonly sheet: string;
  readonly role: SheetRole;
}

/** What the reader gathered, sheet by sheet, for the checks at the end. */
export interface Gathered {
  readonly located: readonly LocatedSheet[];
  readonly units: readonly Unit[];
  /** unit name → the row it is on in each located sheet, by the sheet's index. */
  readonly presence: ReadonlyMap<string, number[]>;
  /** item code → the sheet holding its column. */
  readonly judgedColumns: ReadonlyMap<string, string>;
  /** Sheet → its header cells merged across columns. */
  readonly headerMerges?: ReadonlyMap<string, readonly string[]>;
  /** Sheet → its columns with no heading that hold a unit's number. */
  readonly headlessValues?: ReadonlyMap<string, ReadonlySet<number>>;
  /** Unit kinds whose 分组 column was found. */
  readonly groupColumns: ReadonlySet<string>;
  /** "unit\0code" of measured values that were there but refused. */
  readonly refused: ReadonlySet<string>;
  /** "unit\0code" of measured values a formula gave blank. */
  readonly blankFormulas?: ReadonlySet<string>;
  /** Sheet → the first unit's name on it that is a formula's error (#N/A): where a unit missing there may be. */
  readonly brokenNames?: ReadonlyMap<string, { readonly cell: string; readonly value: string }>;
  /** A sheet's first unit name too long to read (said at its cell): by sheet, that cell. */
  readonly unreadNames?: ReadonlyMap<string, string>;
  /** The units the template was made for (its hidden list of units), where it has one. */
  readonly listed?: ReadonlySet<string>;
}

const refOf = (col: number, row: number): string => `${colName(col)}${row}`;

/** A rate this far below a target of at least half is taken for a slip of the percent sign. */
const IMPLAUSIBLE_BELOW: Rate = 100; // 1%
const HIGH_TARGET: Rate = 5000; // 50%
/**
 * Where lower is better, a whole percent or more this many times a target under 1%: 0.08 typed for
 * 0.08% against 0.1% reads 8%, eighty times it (the slip that fails a unit within its target).
 */
const LOWER_TIMES = 10;

/** Graded bands' lowest line: what a value must reach for any points. */
function lowestBand(m: MeasuredItem): Rate | undefined {
  let low: Rate | undefined;
  for (const b of m.bands ?? []) if (low === undefined || b.from < low) low = b.from;
  return low;
}

/** Graded bands' loosest line where lower is better: what a value must stay within for any points. */
function highestBand(m: MeasuredItem): Rate | undefined {
  let high: Rate | undefined;
  for (const b of m.bands ?? []) if (high === undefined || b.from > high) high = b.from;
  return high;
}

/**
 * A rate under 1% against a target (or graded bands' lowest line) of 50% or more (0.99% typed for
 * 99%) would fail its item, and a gate's failure vetoes the unit: a warning at the cell asks, once
 * per unit and indicator. Where lower is better, the mirror: a whole percent or more, ten times a
 * target under 1% or more (0.05 typed for a death rate of 0.05%, read as 5%; 0.08 for 0.08% against 0.1%).
 */
function implausibleRates(rubric: Rubric, measured: readonly MeasuredItem[], members: readonly number[], units: readonly Unit[], values: Values, p: Problems): void {
  // Only percents where a target or bands are set: a slip there fails the item.
  const lowerOf = new Map<string, boolean>();
  const checked = measured.filter((m) => {
    const ind = rubric.indicators.find((i) => i.code === m.indicator);
    if (ind?.unit !== "percent" || m.kind === "relative-best" || m.kind === "rank-points") return false;
    lowerOf.set(m.indicator, ind.direction === "lower");
    return true;
  });
  if (!checked.length) return;
  const slots = checked.map((m) => values.slot(m.indicator));
  // Indicators a gate reads: their warning says the unit would be vetoed, whichever item comes first.
  const gated = new Set(checked.filter(isVetoGate).map((m) => m.indicator));
  // Where other items read it, 0% is asked about only where it stands out: the indicator may not go
  // below 0 (a growth rate of 0% is ordinary) and most units entered half or more (a 参与率 many
  // units have at 0 is scored as it is), or every unit entered 0 (a column of formulas never
  // recalculated, saved as 0 by LibreOffice).
  const standsOut = new Map<string, boolean>();
  const zeroStandsOut = (indicator: string, slot: number): boolean => {
    let out = standsOut.get(indicator);
    if (out === undefined) {
      const min = rubric.indicators.find((i) => i.code === indicator)?.min;
      const entered = members.map((u) => values.get(u, slot)).filter((v): v is number => v !== undefined);
      out = (min === undefined || min >= 0) && (entered.filter((v) => v >= HIGH_TARGET).length * 2 > entered.length || (entered.length > 1 && entered.every((v) => v === 0)));
      standsOut.set(indicator, out);
    }
    return out;
  };
  for (const u of members) {
    let warned: Set<string> | undefined;
    for (let k = 0; k < checked.length; k++) {
      const m = checked[k] as MeasuredItem;
      const slot = slots[k];
      if (slot === undefined || warned?.has(m.indicator)) continue;
      const value = values.get(u, slot);
      const lower = lowerOf.get(m.indicator) === true;
      // 0 where an item asks for half or more: a value not filled in, or a formula's result not
      // calculated (saved by a program that does not calculate, or opened and saved in LibreOffice
      // without recalculating): asked about, a gate's with the veto it brings (any other item's
      // points went silently: a unit's grade and prize with them).
      if (value === 0 && !lower && (gated.has(m.indicator) ? isVetoGate(m) : zeroStandsOut(m.indicator, slot))) {
        const target = m.kind === "bands" ? lowestBand(m) : targetOf(rubric, m, values, u)?.value;
        const at = cellOf(values, u, m.indicator);
        if (target === undefined || target < HIGH_TARGET || !at) continue;
        (warned ??= new Set()).add(m.indicator);
        p.about(m.indicator, () => p.warn(gated.has(m.indicator) ? "workbook.rate-zero-gate" : "workbook.rate-zero", at.sheet, at.cell, { code: m.indicator, unit: units[u]?.name ?? "", target: formatRate(target) }));
        continue;
      }
      if (value === undefined || (lower ? value < IMPLAUSIBLE_BELOW || value % 100 !== 0 : value <= 0 || value >= IMPLAUSIBLE_BELOW)) continue;
      const bands = m.kind === "bands";
      const target = bands ? (lower ? highestBand(m) : lowestBand(m)) : targetOf(rubric, m, values, u)?.value;
      const at = cellOf(values, u, m.indicator);
      if (target === undefined || !at || (lower ? target <= 0 || target >= IMPLAUSIBLE_BELOW || value < target * LOWER_TIMES : target < HIGH_TARGET)) continue;
      (warned ??= new Set()).add(m.indicator);
      const data = { code: m.indicator, unit: units[u]?.name ?? "", value: formatRate(value), target: formatRate(target), suggestion: formatRate(lower ? value / 100 : value * 100) };
      // A gate's is said with what it does: the unit vetoed.
      const code = gated.has(m.indicator) ? "workbook.rate-implausible-gate" : bands ? "workbook.rate-implausible-bands" : "workbook.rate-implausible";
      p.about(m.indicator, () => p.warn(lower ? `${code}-high` : code, at.sheet, at.cell, data));
    }
  }
}

/** An amount this many times its target, or the other units' middle value, is taken for 元 typed where 万元 belongs. */
const IMPLAUSIBLE_TIMES = 1000;

/**
 * The middle of the units' values (those entered, above 0) in each group (乡镇组 and 街道组 are
 * scored apart, and so compared); for a group of fewer than three, the kind's (two streets are
 * no middle of their own, and one of them may be the slip); none where the kind has fewer too.
 */
function groupMiddles(members: readonly number[], units: readonly Unit[], values: Values, slot: number): Map<string, number | undefined> {
  const byGroup = new Map<string, number[]>();
  const every: number[] = [];
  for (const u of members) {
    const v = values.get(u, slot);
    if (v === undefined || v <= 0) continue;
    const g = units[u]?.group ?? "";
    (byGroup.get(g) ?? byGroup.set(g, []).get(g))?.push(v);
    every.push(v);
  }
  const middleOf = (all: number[]): number | undefined => {
    all.sort((x, y) => x - y);
    return all.length >= 3 ? all[Math.floor((all.length - 1) / 2)] : undefined;
  };
  const kind = middleOf(every);
  const middles = new Map<string, number | undefined>();
  for (const [g, all] of byGroup) middles.set(g, middleOf(all) ?? kind);
  return middles;
}

/** A rate this many times its group's middle value, and 100% or more, is asked about (3 typed in a cell formatted as a percentage reads 300%). */
const OUTLYING_TIMES = 10;
const OUTLYING_FROM: Rate = 10000; // 100%

/**
 * A rate of 100% or more, ten times the middle of its group's (or its kind's) values or more: a
 * number typed or pasted into a cell formatted as a percentage (3 shows as 300%), which takes
 * full marks, or the first place of an item scored against the others, from every other unit.
 * A warning at the cell asks, once per unit and indicator. (A value typed 3 in a cell not so
 * formatted is asked about as it is read.)
 */
function outlyingRates(rubric: Rubric, measured: readonly MeasuredItem[], members: readonly number[], units: readonly Unit[], values: Values, p: Problems): void {
  const codes = new Set(measured.filter((m) => rubric.indicators.find((i) => i.code === m.indicator)?.unit === "percent").map((m) => m.indicator));
  // The cells asked about as they were read (3 typed in a cell not formatted as a percentage), gathered at the first rate that stands out.
  let readLarge: Set<string> | undefined;
  const saidAsRead = (at: { sheet: string; cell: string }): boolean =>
    (readLarge ??= new Set(p.list.flatMap((d) => (d.code === "workbook.rate-large" && d.location && "sheet" in d.location ? [cellRef(d.location.sheet, d.location.cell)] : [])))).has(cellRef(at.sheet, at.cell));
  for (const code of codes) {
    const slot = values.slot(code);
    if (slot === undefined) continue;
    let middles: Map<string, number | undefined> | undefined;
    for (const u of members) {
      const value = values.get(u, slot);
      if (value === undefined || value < OUTLYING_FROM) continue;
      const middle = (middles ??= groupMiddles(members, units, values, slot)).get(units[u]?.group ?? "");
      if (middle === undefined || value < middle * OUTLYING_TIMES) continue;
      const at = cellOf(values, u, code);
      if (!at) continue;
      // (Asked about as it was read already: not asked again, as if typed in a cell formatted as a percentage.)
      if (saidAsRead(at)) continue;
      const data = { code, unit: units[u]?.name ?? "", value: formatRate(value), basis: formatRate(middle), times: Math.round(value / middle).toLocaleString("en"), suggestion: formatRate(value / 100) };
      p.about(code, () => p.warn("workbook.rate-implausible-others", at.sheet, at.cell, data));
    }
  }
}

/** How far from what it is weighed against an amount read in 亿 may be (either way) to be taken for a figure typed in 亿. */
const YI_NEAR = 5;

/**
 * An amount in 万 (万元) a thousand times or more its target (the unit's own, or the rubric's), or,
 * scored against the others (no target), the middle value of its kind's units: typed in 元, it
 * would take full marks or the first place from every other unit. A warning at the cell asks,
 * once per unit and indicator.
 */
function implausibleAmounts(rubric: Rubric, measured: readonly MeasuredItem[], members: readonly number[], units: readonly Unit[], values: Values, p: Problems): void {
  const byIndicator = new Map<string, MeasuredItem>();
  for (const m of measured) {
    const ind = rubric.indicators.find((i) => i.code === m.indicator);
    if (ind?.unit === "amount" && ind.display.startsWith("万") && !byIndicator.has(m.indicator)) byIndicator.set(m.indicator, m);
  }
  for (const [code, m] of byIndicator) {
    const slot = values.slot(code);
    if (slot === undefined) continue;
    const ind = rubric.indicators.find((i) => i.code === code);
    const display = ind?.display ?? "";
    // An amount that may be negative (利润总额) may be near nothing too: never questioned as small.
    const mayBeSmall = ind?.min !== undefined && ind.min < 0;
    const relative = m.kind === "relative-best" || m.kind === "rank-points";
    // The middle of the units' values: what a value is weighed against where no target is asked of
    // them, and what tells a target of their size from one typed in 元 (worked out where first asked:
    // against a target, only a value a thousand times off it asks).
    let middles: Map<string, number | undefined> | undefined;
    const middleOf = (u: number): number | undefined => (middles ??= groupMiddles(members, units, values, slot)).get(units[u]?.group ?? "");
    for (const u of members) {
      const value = values.get(u, slot);
      const target = relative ? undefined : targetOf(rubric, m, values, u);
      const far = value !== undefined && value > 0 && target !== undefined && (value * IMPLAUSIBLE_TIMES <= target.value || target.value * IMPLAUSIBLE_TIMES <= value);
      const middle = relative || far ? middleOf(u) : undefined;
      const basis = relative ? middle : target?.value;
      // A target of the size of the others' values is no target typed in 元, however far above this value.
      const targetLikeOthers = target !== undefined && middle !== undefined && target.value < middle * IMPLAUSIBLE_TIMES;
      // A thousandth or less of what it is weighed against, where the others' values are of that
      // size: said at its cell (it scores next to nothing); as typed in 亿 (5.2 for 52,000万元) where
      // the figure in 亿 is of that size too (4 for 40000万元 against 5000 is no such slip). Not an
      // amount that may be negative (利润总额), which may be near nothing.
      const small = mayBeSmall ? undefined : relative ? middle : targetLikeOthers ? target?.value : undefined;
      if (value !== undefined && value > 0 && small !== undefined && value * IMPLAUSIBLE_TIMES <= small) {
        const at = cellOf(values, u, code);
        if (!at) continue;
        const yi = value * 10000 <= small * YI_NEAR && value * 10000 * YI_NEAR >= small;
        const data = { code, unit: units[u]?.name ?? "", value: formatMeasure(value, display), basis: formatMeasure(small, display), times: Math.round(small / value).toLocaleString("en"), ...(yi ? { suggestion: formatMeasure(value * 10000, display) } : {}) };
        const key = relative ? "workbook.amount-implausible-small-others" : "workbook.amount-implausible-small";
        p.about(code, () => p.warn(yi ? key : `${key}-check`, at.sheet, at.cell, data));
        continue;
      }
      // A unit's own target a thousand times its value: the target typed in 元 (the value then
      // scores nothing), said at the target's cell. (Not against an amount that may be near nothing: 利润总额 4万元.)
      if (!targetLikeOthers && !mayBeSmall && value !== undefined && value > 0 && target?.at && target.code !== undefined && target.value >= value * IMPLAUSIBLE_TIMES) {
        const data = { code: target.code, unit: units[u]?.name ?? "", value: formatMeasure(target.value, display), basis: formatMeasure(value, display), indicator: code, times: Math.round(target.value / value).toLocaleString("en"), suggestion: formatMeasure(Math.round(target.value / 10000), display) };
        const at = target.at;
        p.about(target.code, () => p.warn("workbook.target-implausible", at.sheet, at.cell, data));
        continue;
      }
      if (value === undefined || basis === undefined || basis <= 0 || value < basis * IMPLAUSIBLE_TIMES) continue;
      // The value of the others' size, its own target a thousandth of it or less: the target is the
      // odd one (another column's rates pasted into the targets' column), said at the target's cell.
      if (!relative && target?.at && target.code !== undefined && middle !== undefined && value < middle * IMPLAUSIBLE_TIMES && value * IMPLAUSIBLE_TIMES > middle) {
        const data = { code: target.code, unit: units[u]?.name ?? "", value: formatMeasure(target.value, display), basis: formatMeasure(value, display), indicator: code, times: Math.round(value / target.value).toLocaleString("en") };
        const at = target.at;
        p.about(target.code, () => p.warn("workbook.target-implausible-small", at.sheet, at.cell, data));
        continue;
      }
      const at = cellOf(values, u, code);
      if (!at) continue;
      const data = { code, unit: units[u]?.name ?? "", value: formatMeasure(value, display), basis: formatMeasure(basis, display), times: Math.round(value / basis).toLocaleString("en"), suggestion: formatMeasure(Math.round(value / 10000), display) };
      p.about(code, () => p.warn(relative ? "workbook.amount-implausible-others" : "workbook.amount-implausible", at.sheet, at.cell, data));
    }
  }
}

/**
 * What a header with no code is said with: the code and name it seems to be, and what to write. A
 * code mistyped in front of the name (DZ 2, DZ-2, DZ_2: letters, then a number) is replaced in what
 * to write, not kept beside it; letters of the name itself (GDP增长) are kept.
 */
function withoutCode(header: HeaderCell, item: { code: string; name: string }): { code: string; name: string; header: string; rest: string } {
  const text = header.text.trim();
  return { code: item.code, name: item.name, header: text, rest: text.replace(/^[A-Za-zＡ-Ｚａ-ｚ]{1,4}[\s\-_－＿]*[\d０-９][\s\d０-９.．。]*(?=\S)/, "") };
}

/**
 * An indicator's (or target's) column not found on the indicators sheet: where a header there holds
 * its name with no code (城乡居民基本医疗保险参保率, its ZB7 deleted), said at that header with
 * what to write, as a line's is; else what the sheet lacks, by code and name.
 */
function missingRateColumn(rubric: Rubric, code: string, rateSheets: readonly { sheet: string; role: SheetRole }[], p: Problems): void {
  const name = measureOf(rubric, code)?.name ?? "";
  for (const s of rateSheets) {
    if (s.role.role !== "rates" || !name) continue;
    const header = (s.role.uncoded ?? []).find((h) => comparableName(h.text).includes(comparableName(name)));
    if (header) {
      p.error("workbook.header-without-code", s.sheet, header.ref, withoutCode(header, { code, name }));
      return;
    }
  }
  // A number where a heading goes, the one such on the sheet: this column's values pasted a row too high, over it.
  for (const s of rateSheets) {
    const heads = s.role.role === "rates" ? [...(s.role.numberHeads?.values() ?? [])] : [];
    // (Not a year, 2026, over an office's own column.)
    const head = heads.length === 1 && !/^(?:19[89]\d|20\d\d|2100)$/.test(heads[0]?.value ?? "") ? heads[0] : undefined;
    if (head) {
      p.item = code;
      p.error("workbook.missing-column-number-heading", s.sheet, head.ref, { code, name, cell: head.ref, value: head.value });
      p.item = undefined;
      return;
    }
  }
  p.error("workbook.missing-rate-column", rateSheets[0]?.sheet ?? "", undefined, { code, name });
}

/** Units at least, and the share of an item's full marks each takes off, past which a deduction column reads as its points kept. */
const DEDUCTIONS_AS_POINTS = { units: 3, share: 0.7 };

/**
 * A deduction item's column (扣分制: the points taken off) where every unit of three or more took
 * off 70% of the item or more, none nothing: the points kept typed in (14.5 for 15 − 0.5; the
 * header's 满分15分 invites it), which would take nearly all of the item from every unit. Said once,
 * at the column's first such cell.
 */
function deductionsAsPoints(item: JudgedItem, members: readonly number[], values: Values, p: Problems): void {
  const slot = values.slot(item.code);
  if (slot === undefined) return;
  let count = 0;
  let low = Number.POSITIVE_INFINITY;
  let high = 0;
  let first: { sheet: string; cell: string } | undefined;
  for (const u of members) {
    const v = values.get(u, slot);
    if (v === undefined) continue;
    if (v < item.max * DEDUCTIONS_AS_POINTS.share) return;
    count++;
    low = Math.min(low, v);
    high = Math.max(high, v);
    first ??= values.at(u, slot);
  }
  if (count < DEDUCTIONS_AS_POINTS.units || !first) return;
  const at = first;
  // (15 alone where every unit has 15, not 15–15.)
  const data = { code: item.code, name: item.name, count, range: low === high ? formatPoints(low) : `${formatPoints(low)}–${formatPoints(high)}`, max: formatPoints(item.max) };
  p.about(item.code, () => p.warn("workbook.deductions-as-points", at.sheet, at.cell, data));
}

/**
 * A unit's own target of 0 for a count or an amount where more is better (a 责任书's 0 万元 left
 * for a blank) gives the item full marks whatever the unit did: a warning at the target's cell, once
 * per unit and target. (A percentage's 0%, growth not to fall, may be meant.)
 */
function zeroTargets(rubric: Rubric, measured: readonly MeasuredItem[], members: readonly number[], units: readonly Unit[], values: Values, p: Problems): void {
  const checked = measured.filter((m) => {
    const ind = rubric.indicators.find((i) => i.code === m.indicator);
    // Where the value may be negative (利润总额: 扭亏 is a target of 0), a 0 is meant.
    return "ref" in m.target && ind !== undefined && ind.unit !== "percent" && ind.direction === "higher" && (ind.min === undefined || ind.min >= 0) && m.kind !== "bands" && m.kind !== "relative-best" && m.kind !== "rank-points";
  });
  if (!checked.length) return;
  const readers = checked.map((m) => targetReader(rubric, m, values));
  for (const u of members) {
    let warned: Set<string> | undefined;
    checked.forEach((m, k) => {
      const t = readers[k]?.resolve(u);
      if (!t?.at || t.value !== 0 || t.code === undefined || warned?.has(t.code)) return;
      (warned ??= new Set()).add(t.code);
      const { code, at } = t;
      p.about(code, () => p.warn(isVetoGate(m) ? "workbook.target-zero-gate" : "workbook.target-zero", at.sheet, at.cell, { unit: units[u]?.name ?? "", code, item: `${m.code} ${m.name}` }));
    });
  }
}

/**
 * A linear item's floor (where 0 is earned) must lie beyond its target: below it where higher is
 * better, above it where lower is. The rubric checks fixed ones; where either is a unit's own
 * (a target column), a unit whose two are the wrong way round (a slip, or the two cells swapped)
 * is an error at its cell (the floor's, else the target's), once per unit and item.
 */
function floorsBeyondTargets(rubric: Rubric, measured: readonly MeasuredItem[], members: readonly number[], units: readonly Unit[], values: Values, p: Problems): void {
  const checked = measured.filter((m) => m.kind === "linear" && m.floor !== undefined && ("ref" in m.target || "ref" in m.floor));
  if (!checked.length) return;
  const readers = checked.map((m) => {
    const ind = measureOf(rubric, m.indicator);
    return { target: targetReader(rubric, m, values), floor: targetReader(rubric, { ...m, target: m.floor ?? m.target }, values), lower: ind !== undefined && "direction" in ind && ind.direction === "lower" };
  });
  for (const u of members) {
    checked.forEach((m, k) => {
      const r = readers[k];
      const target = r?.target.resolve(u);
      const floor = r?.floor.resolve(u);
      if (!r || !target || !floor) return;
      // Level, the item is all or nothing (a growth target of 0% over a floor of 0%: not to fall).
      if (r.lower ? floor.value >= target.value : floor.value <= target.value) return;
      const at = floor.at ?? target.at;
      if (!at) return;
      const show = (x: { value: Rate; code?: string }): string => `${x.code ? `${x.code} ` : ""}${formatMeasure(x.value, measureOf(rubric, m.indicator)?.display ?? "%")}`;
      // What the clerk can mend: a cell of the workbook, not the rubric's fixed floor or target.
      const check = floor.at && target.at ? "both" : floor.at ? "floor" : "target";
      // (Of the column it is said at: the floor's, or the target's.)
      const column = (floor.at ? floor.code : target.code) ?? m.indicator;
      p.about(column, () => p.error(r.lower ? "workbook.floor-below-target" : "workbook.floor-above-target", at.sheet, at.cell, { unit: units[u]?.name ?? "", item: `${m.code} ${m.name}`, floor: show(floor), target: show(target), check }));
    });
  }
}


/** Every unit on every sheet its kind needs; every judged column present; every measured input there. */
export function checkCoverage(rubric: Rubric, g: Gathered, values: Values, p: Problems): void {
  const { located, units, presence, judgedColumns } = g;
  const rateSheets = located.filter((l) => l.role.role === "rates");
  /** Sheet index → the units missing there (what a name found there alone may have meant). */
  const missing = new Map<number, string[]>();
  // Listed names a unit off the list was said to be (not then offered that unit's name in turn).
  const spoken = new Set<string>();
  /** Sheet index → the names on it by their one-width form (made when first asked). */
  const twins = new Map<number, Map<string, string[]>>();
  const widthTwins = (sheet: number): Map<string, string[]> => {
    let m = twins.get(sheet);
    if (!m) {
      m = new Map();
      for (const [name, rows] of presence) {
        if (rows[sheet] === undefined) continue;
        const key = comparableName(name);
        const list = m.get(key);
        if (list) list.push(name);
        else m.set(key, [name]);
      }
      twins.set(sheet, m);
    }
    return m;
  };
  /** Sheet index → the names on it that are no unit (on no sheet of items: a unit renamed there alone), made when first asked. */
  const strayNames = new Map<number, string[]>();
  const unitNames = new Set(units.map((u) => u.name));
  const strays = (sheet: number): string[] => {
    let list = strayNames.get(sheet);
    if (!list) {
      list = [];
      for (const [name, rows] of presence) if (rows[sheet] !== undefined && !unitNames.has(name)) list.push(name);
      strayNames.set(sheet, list);
    }
    return list;
  };
  // Without a rates sheet at all (deleted): what each kind needs of it, said once for the workbook.
  const ratesNeeded = new Set<string>();
  for (const kind of rubric.unitKinds) {
    const members: number[] = [];
    units.forEach((u, i) => {
      if (u.kind === kind.id) members.push(i);
    });
    if (!members.length) continue;
    const lines = rubric.lines.filter((l) => kind.lines.includes(l.code));
    const measured = measuredOf(rubric, kind);
    if (kind.groups.length) {
      // Groups are read from a 分组 column; without one no unit of the kind can be ranked in its group.
      const first = lines[0]?.sheet ?? "";
      if (!g.groupColumns.has(kind.id)) p.error("workbook.missing-group-column", located.find((l) => l.role.role === "line" && l.role.kind === kind.id)?.sheet ?? first, undefined, { kind: kind.name, groups: kind.groups.map((x) => x.name).join("、") });
    }
    // Sheets this kind's units must all appear on: those something is read from. (A sheet that only
    // lists the units of a line computed from 指标数据 may lack one, or be deleted: nothing is lost.)
    const sheets = [...located.keys()].filter((i) => {
      const role = located[i]?.role;
      return (role?.role === "line" && role.kind === kind.id && (role.columns.size > 0 || role.groupCol !== undefined)) || (role?.role === "rates" && measured.length > 0);
    });
    // The kind's units on sheet `s` but not on sheet `t`: a name spelt two ways (龙泉乡, 龙泉镇) is
    // one of them on each side. Listed once per pair of sheets, where asked.
    const onlyOn = new Map<string, string[]>();
    const spelt = (s: number, t: number): string[] => {
      const key = `${s}:${t}`;
      let list = onlyOn.get(key);
      if (!list) {
        list = [];
        for (const i of members) {
          const name = units[i]?.name ?? "";
          const at = presence.get(name) ?? [];
          if (at[s] !== undefined && at[t] === undefined) list.push(name);
        }
        onlyOn.set(key, list);
      }
      return list;
    };
    let nearSearches = 0;
    const missingCounts = new Map<number, number>();
    const missingThere = (sheet: number): number => {
      let n = missingCounts.get(sheet);
      if (n === undefined) {
        n = 0;
        for (const ui of members) if ((presence.get(units[ui]?.name ?? "") ?? [])[sheet] === undefined) n++;
        missingCounts.set(sheet, n);
      }
      return n;
    };
    const memberNames = new Set(members.map((i) => units[i]?.name ?? ""));
    const listed = g.listed;
    // A name not on the template's list, said once with the sheets it is missing from.
    const unlistedSpelling = new Map<string, { near: string; sheets: string[]; sheet: string; cell: string }>();
    // A name spelt but for width on the sheets where it is missing: said once, with them all (it was
    // said once a sheet, three errors at one cell for one bracket typed half-width).
    const widthSpelling = new Map<string, { near: string; sheets: string[]; sheet: string; cell: string }>();
    // A listed unit missing where a unit off the list is, taken for its other spelling: by sheet.
    const listedSpelt: { unit: string; near: string; sheet: string; at: [string, string] }[] = [];
    const unlistedPairs: { unit: string; near: string; sheet: string; at: [string, string] }[] = [];
    const sheetsOf = (name: string): number => (presence.get(name) ?? []).filter((r) => r !== undefined).length;
    // A unit's row on one of the kind's sheets alone, where a unit of a name like it has a row on
    // that sheet and on every other (石桥鎮 under 石桥镇: a row copied and its name mistyped): said
    // once, at that row, naming the other's (it was said missing from each other sheet: a clerk told
    // to add three rows for a unit that is none). True where said.
    // (Its one sheet may be one the kind's units need not be on: 区城投集團 on 区属国企, a list of
    // names, and on none of the sheets read, 指标数据.)
    const nearRowOnly = (name: string, rows: readonly (number | undefined)[]): boolean => {
      const on = rows.flatMap((r, s) => (r === undefined ? [] : [s]));
      const only = on[0];
      const lacking = sheets.filter((s) => s !== only);
      if (on.length !== 1 || only === undefined || !lacking.length || nearSearches >= MAX_NEAR_SEARCHES) return false;
      const place = located[only];
      if (!place || (place.role.role !== "line" && place.role.role !== "rates")) return false;
      nearSearches++;
      const everywhere: string[] = [];
      for (const i of members) {
        const other = units[i]?.name ?? "";
        const at = presence.get(other) ?? [];
        if (other !== name && at[only] !== undefined && lacking.every((s) => at[s] !== undefined)) everywhere.push(other);
      }
      const [near] = nearestNames(name, everywhere, 1);
      if (near === undefined) return false;
      p.error("workbook.unit-near-row-only", place.sheet, refOf(place.role.nameCol, rows[only] ?? 0), {
        unit: name,
        near,
        cell: refOf(place.role.nameCol, presence.get(near)?.[only] ?? 0),
        sheets: lacking.map((s) => located[s]?.sheet ?? "").join("、"),
      });
      for (const s of lacking) (missing.get(s) ?? missing.set(s, []).get(s))?.push(name);
      return true;
    };
    const alikeRows = (sheet: number): void => {
      const place = located[sheet];
      if (!place || place.role.role !== "line") return;
      const slots = [...place.role.columns.values()].flatMap((item) => {
        const slot = values.slot(item.code);
        return slot === undefined ? [] : [slot];
      });
      if (!slots.length) return;
      // (Where the list holds the kind's units, those on it are the units: the others are asked about.)
      const covered = listed !== undefined && members.some((i) => listed.has(units[i]?.name ?? ""));
      const alike = new Map<string, number[]>();
      for (const i of members) {
        const figures = slots.map((slot) => values.get(i, slot));
        if (figures.every((v) => v === undefined)) continue;
        const key = figures.join(",");
        const group = alike.get(key);
        if (group) group.push(i);
        else alike.set(key, [i]);
      }
      const rowOf = (name: string): number => presence.get(name)?.[sheet] ?? 0;
      for (const group of alike.values()) {
        if (group.length < 2) continue;
        for (const i of group) {
          const name = units[i]?.name ?? "";
          if (covered && listed?.has(name)) continue;
          if (nearSearches >= MAX_NEAR_SEARCHES) return;
          nearSearches++;
          const before = group.map((j) => units[j]?.name ?? "").filter((n) => n !== name && rowOf(n) < rowOf(name) && (!covered || listed?.has(n) === true));
          const [near] = nearestNames(name, before, 1);
          if (near !== undefined) p.warn("workbook.unit-near-row-alike", place.sheet, refOf(place.role.nameCol, rowOf(name)), { unit: name, near, cell: refOf(place.role.nameCol, rowOf(near)) });
        }
      }
    };
    // A kind on one sheet alone: a row named like another there with every figure the same (区財政局
    // copied under 区财政局) is no unit missing anywhere, and was scored as a unit of its own unsaid.
    // Warned at the later of the two, where the template's list does not hold it.
    if (sheets.length === 1 && sheets[0] !== undefined) alikeRows(sheets[0]);
    for (const ui of members) {
      const u = units[ui];
      if (!u) continue;
      const rows = presence.get(u.name) ?? [];
      if (nearRowOnly(u.name, rows)) continue;
      for (const s of sheets) {
        if (rows[s] !== undefined) continue;
        // Located at the unit's name on the first sheet it is on.
        const first = rows.findIndex((r) => r !== undefined);
        const at = located[first];
        const [firstSheet, firstRef] = at ? [at.sheet, refOf(at.role.nameCol, rows[first] ?? 0)] : [u.at.sheet, u.at.cell];
        // Among the kind's units there and not where it is, and the names there that are no unit.
        let near = first >= 0 && nearSearches++ < MAX_NEAR_SEARCHES ? nearestNames(u.name, [...spelt(s, first), ...strays(s)], 3) : [];
        // One name there that is no unit, and this unit alone missing there: that one, however unlike
        // (江州交投公司 for 江州交通投资有限公司), as the name's own warning says.
        if (!near.length && strays(s).length === 1 && missingThere(s) === 1) near = strays(s);
        const sheet = located[s]?.sheet ?? "";
        // Spelt alike but for full- and half-width characters or spaces, which look alike on screen
        // (there as a unit of the kind, or a name found there alone): said so.
        const twin = near.find((n) => comparableName(n) === comparableName(u.name)) ?? widthTwins(s).get(comparableName(u.name))?.find((n) => n !== u.name);
        // Which of the two spellings is right: the one the template's list holds and the other not;
        // else the one on more sheets. This one right, it is not said: the other is, at its cells
        // (西 山 镇 (full-width spaces) on one sheet, 西山镇 on three: not also at 西山镇, as if it were
        // the odd one) — where it is a unit of the kind, said missing in its turn; where it is a name
        // found on a sheet alone (指标数据), at that row, by the names found there.
        const listedOne = twin === undefined || listed === undefined || listed.has(u.name) === listed.has(twin) ? undefined : listed.has(u.name) ? "this" : "twin";
        const right = twin !== undefined && (listedOne === "this" || (listedOne === undefined && memberNames.has(twin) && sheetsOf(u.name) > sheetsOf(twin)));
        if (right) {
          (missing.get(s) ?? missing.set(s, []).get(s))?.push(u.name);
          continue;
        }
        // The template's list says which of two spellings is the unit's (青溪 on one sheet, 青溪镇
        // listed and on the others): the listed one is not said missing, as if it were to rename;
        // the other is said once, naming the listed one (it was said at both, each offered the other).
        if (twin === undefined && near.length && listed) {
          // (Said as before, should the other not be said so: kept until the end of the kind.)
          if (listed.has(u.name) && near.length === 1 && near.every((n) => memberNames.has(n) && !listed.has(n))) {
            listedSpelt.push({ unit: u.name, near: near[0] ?? "", sheet, at: [firstSheet, firstRef] });
            (missing.get(s) ?? missing.set(s, []).get(s))?.push(u.name);
            continue;
          }
          // (The listed one a unit of the kind, or a name found there alone: 青溪镇 on 指标数据 only.)
          const named = near.filter((n) => listed.has(n));
          if (!listed.has(u.name) && named.length === 1) {
            const was = unlistedSpelling.get(u.name);
            if (was) was.sheets.push(sheet);
            else unlistedSpelling.set(u.name, { near: named[0] ?? "", sheets: [sheet], sheet: firstSheet, cell: firstRef });
            (missing.get(s) ?? missing.set(s, []).get(s))?.push(u.name);
            continue;
          }
        }
        if (twin !== undefined) {
          const was = widthSpelling.get(u.name);
          if (was && was.near === twin) was.sheets.push(sheet);
          else if (was) p.error("workbook.unit-missing-on-width", firstSheet, firstRef, { unit: u.name, sheets: sheet, near: twin, listed: "" });
          else widthSpelling.set(u.name, { near: twin, sheets: [sheet], sheet: firstSheet, cell: firstRef });
        }
        // (Two names off the list, each taken for the other here: said in the end, unless both are said to be one listed unit.)
        else if (near.length && listed && !listed.has(u.name) && near.length === 1 && !listed.has(near[0] ?? "")) unlistedPairs.push({ unit: u.name, near: near[0] ?? "", sheet, at: [firstSheet, firstRef] });
        else if (near.length) p.error("workbook.unit-missing-on-near", firstSheet, firstRef, { unit: u.name, sheet, near: near.join("、") });
        else if (g.unreadNames?.has(sheet)) p.error("workbook.unit-missing-on-unread", firstSheet, firstRef, { unit: u.name, sheet, at: g.unreadNames.get(sheet) ?? "" });
        else if (g.brokenNames?.has(sheet)) p.error("workbook.unit-missing-on-broken", firstSheet, firstRef, { unit: u.name, sheet, at: g.brokenNames.get(sheet)?.cell ?? "", value: g.brokenNames.get(sheet)?.value ?? "" });
        else p.error("workbook.unit-missing-on", firstSheet, firstRef, { unit: u.name, sheet });
        (missing.get(s) ?? missing.set(s, []).get(s))?.push(u.name);
      }
    }
    for (const [unit, { near, sheets: where, sheet, cell }] of widthSpelling) {
      // Where the template's list holds the other spelling and not this one, that is the one to write.
      const listedNear = listed === undefined ? "" : listed.has(near) && !listed.has(unit) ? "yes" : listed.has(unit) && !listed.has(near) ? "first" : "";
      p.error("workbook.unit-missing-on-width", sheet, cell, { unit, sheets: where.join("、"), near, listed: listedNear });
    }
    for (const [unit, { near, sheets: where, sheet, cell }] of unlistedSpelling) {
      p.error("workbook.unit-unlisted-spelling", sheet, cell, { unit, near, sheets: where.join("、") });
      spoken.add(near);
    }
    // A listed unit passed over for the other spelling, which was not said so after all (it had
    // other names like it): said missing, as before (a reviewer's find: its row then went unsaid).
    for (const l of listedSpelt) if (unlistedSpelling.get(l.near)?.near !== l.unit) p.error("workbook.unit-missing-on-near", l.at[0], l.at[1], { unit: l.unit, sheet: l.sheet, near: l.near });
    for (const l of unlistedPairs) {
      const one = unlistedSpelling.get(l.unit)?.near;
      if (one === undefined || one !== unlistedSpelling.get(l.near)?.near) p.error("workbook.unit-missing-on-near", l.at[0], l.at[1], { unit: l.unit, sheet: l.sheet, near: l.near });
    }
    for (const line of lines) {
      const judged: JudgedItem[] = leaves(line.items).filter(isEntered);
      const found = judged.find((i) => judgedColumns.has(i.code));
      if (!found) {
        // Not one column of the line: its sheet was deleted (or its header row), one error says so.
        const data = { line: line.name, sheet: line.sheet, codes: judged.slice(0, 3).map((i) => i.code).join(", ") };
        if (judged.length) p.error("workbook.missing-line-sheet", undefined, undefined, data);
        continue;
      }
      // Some columns missing: said on the sheet that holds the line's other columns.
      const lineSheet = judgedColumns.get(found.code) ?? "";
      const role = located.find((l) => l.sheet === lineSheet)?.role;
      const headers = role?.role === "line" ? (role.uncoded ?? []) : [];
      // One item's column missing and one column with no heading holding numbers: that is
      // likely it (its heading cleared), said at the empty heading.
      const lost = judged.filter((leaf) => !judgedColumns.has(leaf.code));
      const headless = [...(g.headlessValues?.get(lineSheet) ?? [])];
      const bare = lost.length === 1 && headless.length === 1 && role ? `${colName(headless[0] ?? 1)}${role.headerRow}` : undefined;
      for (const leaf of judged) {
        if (judgedColumns.has(leaf.code)) continue;
        // Its header there, without its code (retyped, or the code deleted): said at that cell.
        const header = headers.find((h) => comparableName(h.text).includes(comparableName(leaf.name)));
        if (header) p.error("workbook.header-without-code", lineSheet, header.ref, withoutCode(header, leaf));
        else {
          // A header merged across columns leaves the columns after its first with no header: said at it.
          const merged = g.headerMerges?.get(lineSheet)?.[0];
          if (merged !== undefined) p.error("workbook.missing-column-merged", lineSheet, merged.split(":")[0], { code: leaf.code, name: leaf.name, range: merged });
          else if (bare !== undefined) {
            // A number where its heading goes: the column's values pasted a row too high, over it.
            // (One the item could hold: a year, 2026, over an office's own column is a heading.)
            const col = headless[0] ?? 0;
            const head = role?.role === "line" ? role.numberHeads?.get(col) : undefined;
            const value = head !== undefined && Number(head.value) >= 0 && Math.round(Number(head.value) * 100) <= leaf.max ? head.value : undefined;
            // A number no point of the item, past the items (a year over an office's own column): that column is its own.
            const theirs = head !== undefined && value === undefined && role?.role === "line" && col > Math.max(...role.columns.keys());
            p.item = leaf.code;
            if (value !== undefined) p.error("workbook.missing-column-number-heading", lineSheet, bare, { code: leaf.code, name: leaf.name, cell: bare, value });
            else if (theirs) p.error("workbook.missing-column", lineSheet, undefined, { code: leaf.code, name: leaf.name });
            else p.error("workbook.missing-column-headless", lineSheet, bare, { code: leaf.code, name: leaf.name, cell: bare });
            p.item = undefined;
          }
          else p.error("workbook.missing-column", lineSheet, undefined, { code: leaf.code, name: leaf.name });
        }
      }
    }
    for (const line of lines) for (const leaf of leaves(line.items)) if (leaf.kind === "deducted") deductionsAsPoints(leaf, members, values, p);
    const needed = neededCodes(rubric, measured);
    const ordered = [...rubric.indicators.map((i) => i.code), ...rubric.targets.map((t) => t.code)].filter((c) => needed.has(c) && !needed.get(c));
    if (measured.length && !rateSheets.length) {
      for (const code of ordered) ratesNeeded.add(code);
      continue;
    }
    const rateCols = new Map<string, { sheet: string; at: number; col: number }>();
    located.forEach((l, at) => {
      if (l.role.role !== "rates") return;
      for (const [col, code] of l.role.columns) rateCols.set(code, { sheet: l.sheet, at, col });
    });
    // The blank cells, said as a form is read: row by row, left to right (not item by item).
    const blanks: { at: number; row: number; col: number; say: () => void }[] = [];
    for (const [code, hasDefault] of needed) {
      const col = rateCols.get(code);
      if (!col) {
        if (!hasDefault) missingRateColumn(rubric, code, rateSheets, p);
        continue;
      }
      if (hasDefault) continue;
      const isTarget = rubric.targets.some((t) => t.code === code);
      const slot = values.slot(code);
      for (const ui of members) {
        const u = units[ui];
        if (slot !== undefined && values.get(ui, slot) !== undefined) continue;
        const row = u ? presence.get(u.name)?.[col.at] : undefined;
        if (!u || row === undefined) continue; // reported as missing on that sheet
        if (g.refused.has(`${u.name}\u0000${code}`)) continue;
        const ref = refOf(col.col, row);
        const say = isTarget
          ? () => {
              p.unit = u.name;
              p.item = code;
              p.error("workbook.missing-target", col.sheet, ref, { code, unit: u.name });
              p.unit = p.item = undefined;
            }
          : () => {
              p.unit = u.name;
              p.item = code;
              blankMeasure(p, col.sheet, ref, code, measureOf(rubric, code) ?? { unit: "percent", display: "%" }, g.blankFormulas?.has(`${u.name}\u0000${code}`) === true);
              p.unit = p.item = undefined;
            };
        blanks.push({ at: col.at, row, col: col.col, say });
      }
    }
    blanks.sort((a, b) => a.at - b.at || a.row - b.row || a.col - b.col);
    for (const b of blanks) b.say();
    // A value typed where the kind reads nothing (a town's indicator on a department's row; the
    // template greys those cells): said, not silently passed over; once per column, at its first
    // such cell (a column filled down for every unit is one slip, not thousands).
    for (const code of rateCols.keys()) {
      const slot = needed.has(code) ? undefined : values.slot(code);
      if (slot === undefined) continue;
      let first: { ui: number; at: { sheet: string; cell: string } } | undefined;
      let count = 0;
      for (const ui of members) {
        if (values.get(ui, slot) === undefined) continue;
        count++;
        const at = first ? undefined : values.at(ui, slot);
        if (at) first = { ui, at };
      }
      if (!first) continue;
      const data = { unit: units[first.ui]?.name ?? "", code, kind: kind.name, count };
      const at = first.at;
      p.about(code, () => p.warn(count > 1 ? "workbook.values-not-used" : "workbook.value-not-used", at.sheet, at.cell, data));
    }
    implausibleRates(rubric, measured, members, units, values, p);
    outlyingRates(rubric, measured, members, units, values, p);
    implausibleAmounts(rubric, measured, members, units, values, p);
    zeroTargets(rubric, measured, members, units, values, p);
    floorsBeyondTargets(rubric, measured, members, units, values, p);
  }
  if (ratesNeeded.size) {
    // One error for the workbook, naming what it must hold, in the rubric's order (the template's).
    const codes = [...rubric.indicators.map((i) => i.code), ...rubric.targets.map((t) => t.code)].filter((c) => ratesNeeded.has(c));
    p.error("workbook.missing-rates-sheet", undefined, undefined, { codes: codes.join(", "), sheet: SHEET.indicators, first: codes[0] ?? "" });
  }
  strangers(g, missing, p, spoken);
  // One unit alone (a town checking its own sheet before sending it): its ranks, grades and prizes
  // are its alone among none, not the district's — said, as the results would read as real.
  const only = units.length === 1 ? units[0] : undefined;
  if (only) p.warn("workbook.one-unit", only.at.sheet, only.at.cell, { unit: only.name });
}

/** Names near enough to suggest are looked for only among this many units missing on a sheet. */
const MAX_NEAR = 1000;

/**
 * A name on an indicator sheet that is on no sheet of items (a unit renamed on one sheet alone, a
 * typo, a unit not assessed): its row counts for nothing, which is said at its name, with the
 * unit missing there it may have meant.
 */
function strangers(g: Gathered, missing: ReadonlyMap<number, readonly string[]>, p: Problems, spoken: ReadonlySet<string> = new Set()): void {
  const names = new Set(g.units.map((u) => u.name));
  const found: { name: string; row: number; s: number }[] = [];
  for (const [name, rows] of g.presence) {
    // (A listed name the unit spelt otherwise was said to be: its row is that unit's, not to rename.)
    if (names.has(name) || spoken.has(name)) continue;
    rows.forEach((row, s) => {
      if (row !== undefined) found.push({ name, row, s });
    });
  }
  const perSheet = new Map<number, number>();
  for (const f of found) perSheet.set(f.s, (perSheet.get(f.s) ?? 0) + 1);
  // Suggestions for the first names only (a province read with the wrong rubric has thousands).
  let searches = 0;
  for (const { name, row, s } of found) {
    const at = g.located[s];
    if (!at) continue;
    const candidates = missing.get(s) ?? [];
    let near = candidates.length <= MAX_NEAR && searches++ < MAX_NEAR_SEARCHES ? nearestNames(name, candidates, 3) : [];
    // One name alone there, one unit alone missing there: that one, however unlike (镇 → 街道).
    if (!near.length && candidates.length === 1 && perSheet.get(s) === 1) near = [...candidates];
    // Spelt alike but for width or spaces (looking the same on screen): said so.
    const twin = near.find((n) => comparableName(n) === comparableName(name));
    const data = { unit: name, sheet: at.sheet, near: twin ?? near.join("、") };
    // A unit the template was made for, its rows gone from every sheet of items but this one (and
    // no other name there it may be): it would go unscored and unranked, read as a row of no account.
    if (!near.length && g.listed?.has(name)) {
      p.error("workbook.listed-unit-only-on", at.sheet, refOf(at.role.nameCol, row), data);
      continue;
    }
    // A listed unit's name spelt but for width (区１２３４５热线中心 for 区12345热线中心): the one to mend, here.
    if (twin !== undefined && g.listed?.has(twin) && !g.listed.has(name)) {
      p.error("workbook.unit-spelt-width", at.sheet, refOf(at.role.nameCol, row), { unit: name, near: twin });
      continue;
    }
    p.warn(twin !== undefined ? "workbook.unit-only-on-width" : near.length ? "workbook.unit-only-on-near" : "workbook.unit-only-on", at.sheet, refOf(at.role.nameCol, row), data);
  }
}

/** A unit kind's measured items, line by line. */
export function measuredOf(rubric: Rubric, kind: UnitKind): MeasuredItem[] {
  return rubric.lines.filter((l) => kind.lines.includes(l.code)).flatMap((l) => leaves(l.items)).filter(isMeasured);
}

/**
 * The indicators and targets a kind's measured items read (code → whether it is a target with a
 * default, which may be left blank).
 */
export function neededCodes(rubric: Rubric, measured: readonly MeasuredItem[]): Map<string, boolean> {
  const needed = new Map<string, boolean>();
  for (const m of measured) {
    if (!needed.has(m.indicator)) needed.set(m.indicator, false);
    for (const spec of [m.target, m.floor]) {
      if (spec && "ref" in spec && m.kind !== "bands" && m.kind !== "relative-best" && m.kind !== "rank-points") needed.set(spec.ref, rubric.targets.find((t) => t.code === spec.ref)?.default !== undefined);
    }
  }
  return needed;
}
