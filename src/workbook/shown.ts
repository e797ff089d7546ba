// A rate whose cell shows it rounded (0.9499 formatted 0%, as Excel's % button does, shows 95%),
// or a target so shown, where the numbers shown would have scored otherwise than those held: a
// gate's veto, a threshold's points, a band, a whole step of a shortfall, full marks against a
// target. The numbers held are what is scored; the clerk who sees 95% against 95% and finds the
// unit vetoed is told why, at the cell, before the results go out. A difference of a few hundredths
// of a point (a linear item's 19.99 for 20 shown) is not said: the notes show the numbers scored.
import type { Problems } from "../diagnostics/index.js";
import { formatPoints, formatRate } from "../model/numbers.js";
import type { CellAt, Values } from "../model/submission.js";
import { measuredPoints } from "../rubric/formulas.js";
import { isRelative, type MeasuredItem, type Rate, type Rubric } from "../rubric/model.js";
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

/**
 * Warns, at the rounded cell, of each unit's item whose points the numbers shown would change
 * across an edge: the first such item of the unit's kind (a gate first) for each rounded cell.
 */
export function shownAcross(rubric: Rubric, shown: readonly ShownRate[], units: readonly { readonly name: string; readonly kind: string }[], values: Values, p: Problems): void {
  if (!shown.length) return;
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
  for (const [u, rounded] of byUnit) {
    // Each rounded cell's items the numbers shown would score otherwise, a gate first.
    const crossed = new Map<string, { cell: ShownRate; item: MeasuredItem; points: number; data: Record<string, string> }[]>();
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
      if (points === shownPoints || !crosses(item, lower, { v, t }, seen)) continue;
      const data = {
        unit: units[u]?.name ?? "",
        item: item.name,
        itemCode: item.code,
        value: formatRate(v),
        shownValue: own?.shownText ?? formatRate(v),
        target: formatRate(t),
        shownTarget: target?.shownText ?? formatRate(t),
        points: formatPoints(points),
        shownPoints: formatPoints(shownPoints),
      };
      const list = crossed.get(cell.code);
      if (list) list.push({ cell, item, points, data });
      else crossed.set(cell.code, [{ cell, item, points, data }]);
    }
    // One warning a cell: the first item's, with the other gates it fails where it is vetoed.
    for (const [, list] of crossed) {
      const first = list[0];
      if (!first) continue;
      const vetoes = list.filter((x) => x.item.kind === "gate" && x.points === 0);
      const code = vetoes.length > 1 ? "workbook.shown-rounded-veto-more" : vetoes.length ? "workbook.shown-rounded-veto" : first.item.kind === "bands" ? "workbook.shown-rounded-band" : "workbook.shown-rounded-points";
      // Said of the gate it fails where it is vetoed, the others by name and code (出生政策符合率(JS4.1)).
      const lead = vetoes[0] ?? first;
      const also = vetoes.slice(1).map((x) => `${x.item.name}(${x.item.code})`).join("、");
      p.warn(code, lead.cell.at.sheet, lead.cell.at.cell, { ...lead.data, ...(vetoes.length > 1 ? { also } : {}) });
    }
  }
}
