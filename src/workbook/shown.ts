// A rate whose cell shows it rounded (0.9499 formatted 0%, as Excel's % button does, shows 95%),
// or a target so shown, where the numbers shown would have scored otherwise than those held: a
// gate's veto, a threshold's points, a band, a whole step of a shortfall, full marks against a
// target. The numbers held are what is scored; the clerk who sees 95% against 95% and finds the
// unit vetoed is told why, at the cell, before the results go out. A difference of a few hundredths
// of a point (a linear item's 19.99 for 20 shown) is not said: the notes show the numbers scored.
// The same edges tell where a count or an amount typed more finely than the 0.01 it is held to
// (0.041 人/亿元, held as 0.04) is scored otherwise than typed: an error there (finerAcross).
import type { Problems } from "../diagnostics/index.js";
import { formatPoints, formatRate, withDisplay } from "../model/numbers.js";
import type { CellAt, Values } from "../model/submission.js";
import { measuredPoints } from "../rubric/formulas.js";
import { isRelative, isVetoGate, measureOf, type MeasuredItem, type Rate, type Rubric } from "../rubric/model.js";
import { lowerIsBetter, reaches, targetReaders, type TargetReaders } from "../rubric/targets.js";
import { measuredOf } from "./coverage.js";

/** A rate read from a cell that shows another (rounded by its format): an indicator's or a target's. */
export interface ShownRate {
  readonly unit: string;
  /** The indicator's or the target's code. */
  readonly code: string;
  readonly value: Rate;
  readonly shown: Rate;
  /** As the cell shows it (98.0% where it shows a decimal). */
  readonly shownText: string;
  readonly at: CellAt;
}

/** Where the numbers shown cross what the item turns on, not only move its points a little. */
function crosses(item: MeasuredItem, lower: boolean, held: { v: Rate; t: Rate }, seen: { v: Rate; t: Rate }): boolean {
  if (item.kind === "gate" || item.kind === "threshold" || item.kind === "bands") return true;
  // Full marks on one side only, or a whole step more or less of a shortfall.
  return reaches(held.v, held.t, lower) !== reaches(seen.v, seen.t, lower) || (item.kind === "shortfall" && item.wholeSteps === true);
}

/** An item the other numbers would score otherwise, across an edge: its points either way, and whether it vetoes either way. */
interface Crossing {
  readonly cell: ShownRate;
  /** The indicator's and the target's other numbers, where they have them. */
  readonly own: ShownRate | undefined;
  readonly target: ShownRate | undefined;
  readonly item: MeasuredItem;
  readonly v: Rate;
  readonly t: Rate;
  readonly points: number;
  readonly shownPoints: number;
  readonly vetoes: boolean;
  readonly shownVetoes: boolean;
}

/**
 * Each unit's items whose points (or veto) the other numbers (`shown`: those a cell shows, or those
 * typed more finely than held) would change across an edge, by the cell: a gate first.
 */
function crossings(rubric: Rubric, shown: readonly ShownRate[], units: readonly { readonly name: string; readonly kind: string }[], values: Values): Crossing[][] {
  const index = new Map(units.map((u, i) => [u.name, i]));
  const byUnit = new Map<number, Map<string, ShownRate>>();
  for (const s of shown) {
    const u = index.get(s.unit);
    if (u === undefined) continue;
    let m = byUnit.get(u);
    if (!m) byUnit.set(u, (m = new Map()));
    m.set(s.code, s);
  }
  const readers = new Map<MeasuredItem, TargetReaders>();
  const readersOf = (item: MeasuredItem): TargetReaders => {
    let r = readers.get(item);
    if (!r) readers.set(item, (r = targetReaders(rubric, item, values)));
    return r;
  };
  // A gate first: a veto is what a clerk would most want to have seen.
  const byKind = new Map(rubric.unitKinds.map((k) => [k.id, measuredOf(rubric, k).filter((m) => !isRelative(m)).sort((a, b) => Number(b.kind === "gate") - Number(a.kind === "gate"))]));
  const out: Crossing[][] = [];
  for (const [u, rounded] of byUnit) {
    const crossed = new Map<string, Crossing[]>();
    for (const item of byKind.get(units[u]?.kind ?? "") ?? []) {
      const targetRef = "ref" in item.target ? item.target.ref : undefined;
      const floorRef = item.floor && "ref" in item.floor ? item.floor.ref : undefined;
      const own = rounded.get(item.indicator);
      const target = targetRef === undefined ? undefined : rounded.get(targetRef);
      const floor = floorRef === undefined ? undefined : rounded.get(floorRef);
      const cell = own ?? target ?? floor;
      if (!cell) continue;
      const slot = values.slot(item.indicator);
      const v = slot === undefined ? undefined : values.get(u, slot);
      const r = readersOf(item);
      const t = item.kind === "bands" ? 0 : r.target.value(u);
      if (v === undefined || t === undefined) continue;
      const f = r.floor?.value(u);
      const lower = lowerIsBetter(rubric, item);
      const seen = { v: own?.shown ?? v, t: target?.shown ?? t, f: floor?.shown ?? f };
      const points = measuredPoints(item, lower, v, t, f);
      const shownPoints = measuredPoints(item, lower, seen.v, seen.t, seen.f);
      // (A gate that holds the grade alone vetoes no one: its points are what differ.)
      const gate = isVetoGate(item);
      const vetoes = gate && !reaches(v, t, lower);
      const shownVetoes = gate && !reaches(seen.v, seen.t, lower);
      if ((points === shownPoints && vetoes === shownVetoes) || !crosses(item, lower, { v, t }, seen)) continue;
      const hit: Crossing = { cell, own, target, item, v, t, points, shownPoints, vetoes, shownVetoes };
      const list = crossed.get(cell.code);
      if (list) list.push(hit);
      else crossed.set(cell.code, [hit]);
    }
    out.push(...crossed.values());
  }
  return out;
}

/**
 * Warns, at the rounded cell, of each unit's item whose points the numbers shown would change
 * across an edge: the first such item of the unit's kind (a gate first) for each rounded cell.
 */
export function shownAcross(rubric: Rubric, shown: readonly ShownRate[], units: readonly { readonly name: string; readonly kind: string }[], values: Values, p: Problems): void {
  if (!shown.length) return;
  for (const list of crossings(rubric, shown, units, values)) {
    // One warning a cell: the first item's, with the other gates it fails where it is vetoed.
    const first = list[0];
    if (!first) continue;
    const data = (x: Crossing): Record<string, string> => ({
      unit: x.cell.unit,
      item: x.item.name,
      itemCode: x.item.code,
      indicator: x.cell.code,
      value: formatRate(x.v),
      shownValue: x.own?.shownText ?? formatRate(x.v),
      target: formatRate(x.t),
      shownTarget: x.target?.shownText ?? formatRate(x.t),
      points: formatPoints(x.points),
      shownPoints: formatPoints(x.shownPoints),
    });
    const vetoes = list.filter((x) => x.vetoes);
    const code = vetoes.length > 1 ? "workbook.shown-rounded-veto-more" : vetoes.length ? "workbook.shown-rounded-veto" : first.item.kind === "bands" ? "workbook.shown-rounded-band" : "workbook.shown-rounded-points";
    // Said of the gate it fails where it is vetoed, the others by name and code (出生政策符合率(JS4.1)).
    const lead = vetoes[0] ?? first;
    const also = vetoes.slice(1).map((x) => `${x.item.name}(${x.item.code})`).join("、");
    p.about(lead.cell.code, () => p.warn(code, lead.cell.at.sheet, lead.cell.at.cell, { ...data(lead), ...(vetoes.length > 1 ? { also } : {}) }));
  }
}

/** A number as typed, with its unit where the cell held the number alone (48900.004 → 48900.004万元; 0.041人/亿元 as typed). */
function typedWith(text: string, display: string): string {
  return /^[+-]?[\d.,]+$/.test(text) ? withDisplay(text, display) : text;
}

/**
 * A count or an amount typed more finely than its hundredths where that rounding makes it level
 * with another unit's of its group (48900.004 万元 held as 48900, as another's 48900) on an
 * indicator an item scores by rank: the two tie where the numbers typed do not. An error at the
 * cell, once per cell.
 */
function finerTies(rubric: Rubric, finer: readonly ShownRate[], units: readonly { readonly name: string; readonly kind: string; readonly group?: string | undefined }[], values: Values, p: Problems): void {
  const byRank = new Map(rubric.unitKinds.map((k) => [k.id, measuredOf(rubric, k).filter((m) => m.kind === "rank-points")]));
  const index = new Map(units.map((u, i) => [u.name, i]));
  const typed = new Map(finer.map((f) => [`${f.unit}\u0000${f.code}`, f.shown]));
  // Per indicator, the units of each kind and group by the value held (made where asked for).
  const levels = new Map<string, Map<string, number[]>>();
  const levelOf = (code: string, slot: number): Map<string, number[]> => {
    let m = levels.get(code);
    if (m) return m;
    m = new Map();
    units.forEach((u, i) => {
      const v = values.get(i, slot);
      if (v === undefined) return;
      const key = `${u.kind}\u0000${u.group ?? ""}\u0000${v}`;
      const list = m?.get(key);
      if (list) list.push(i);
      else m?.set(key, [i]);
    });
    levels.set(code, m);
    return m;
  };
  for (const f of finer) {
    const u = index.get(f.unit);
    const unit = u === undefined ? undefined : units[u];
    const item = unit && byRank.get(unit.kind)?.find((m) => m.indicator === f.code);
    const slot = values.slot(f.code);
    if (u === undefined || !unit || !item || slot === undefined) continue;
    const level = levelOf(f.code, slot).get(`${unit.kind}\u0000${unit.group ?? ""}\u0000${f.value}`) ?? [];
    const other = level.find((o) => o !== u && (typed.get(`${units[o]?.name ?? ""}\u0000${f.code}`) ?? f.value) !== f.shown);
    if (other === undefined) continue;
    const display = measureOf(rubric, f.code)?.display ?? "";
    const said = typedWith(f.shownText, display);
    p.error("workbook.finer-tie", f.at.sheet, f.at.cell, { unit: f.unit, typed: said, value: withDisplay(formatPoints(f.value), display), other: units[other]?.name ?? "", item: item.name, itemCode: item.code });
  }
}

/**
 * A count or an amount typed more finely than its hundredths (0.041 人/亿元, held as 0.04) where that
 * rounding scores an item otherwise across an edge (a band, a threshold, a gate, full marks, a step):
 * an error at the cell, the first such item's (a gate first). Counts and amounts are held to 0.01
 * of their display unit; a finer one is the rubric's to give (a smaller unit: 人/百亿元).
 */
export function finerAcross(rubric: Rubric, finer: readonly ShownRate[], units: readonly { readonly name: string; readonly kind: string; readonly group?: string | undefined }[], values: Values, p: Problems): void {
  if (!finer.length) return;
  finerTies(rubric, finer, units, values, p);
  for (const list of crossings(rubric, finer, units, values)) {
    const first = list.find((x) => x.vetoes !== x.shownVetoes) ?? list[0];
    if (!first) continue;
    const measure = measureOf(rubric, first.cell.code);
    const display = measure?.display ?? "";
    const typed = typedWith(first.cell.shownText, display);
    const code = first.vetoes !== first.shownVetoes ? (first.vetoes ? "workbook.finer-vetoed" : "workbook.finer-not-vetoed") : "workbook.finer-points";
    // The smaller unit suggested by what is measured: an amount in 元 for 万元, a rate per a larger base.
    const way = measure?.unit === "amount" ? "amount" : "number";
    p.error(code, first.cell.at.sheet, first.cell.at.cell, { unit: first.cell.unit, item: first.item.name, itemCode: first.item.code, value: withDisplay(formatPoints(first.cell.value), display), typed, points: formatPoints(first.points), typedPoints: formatPoints(first.shownPoints), way });
  }
}
