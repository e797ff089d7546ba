// A rate whose cell shows it rounded (0.9499 formatted 0%, as Excel's % button does, shows 95%)
// where the rounding crosses what scoring compares it with: a target (a gate's veto, a threshold's
// points, full marks) or a band's edge. The value stored is what is scored; the clerk who sees 95%
// and finds the unit vetoed is told why, at the cell, before the results go out.
import type { Problems } from "../diagnostics/index.js";
import { formatRate } from "../model/numbers.js";
import type { CellAt, Values } from "../model/submission.js";
import { isRelative, type MeasuredItem, type Rate, type Rubric } from "../rubric/model.js";
import { lowerIsBetter, reaches, targetReader, type TargetReader } from "../rubric/targets.js";
import { measuredOf } from "./coverage.js";

/** A rate read from a cell that shows another (rounded by its format). */
export interface ShownRate {
  readonly unit: string;
  /** The indicator's code. */
  readonly code: string;
  readonly value: Rate;
  readonly shown: Rate;
  /** As the cell shows it (98.0% where it shows a decimal). */
  readonly shownText: string;
  readonly at: CellAt;
}

/** What an item compares a value with: its target, or each band's edge. */
function edges(item: MeasuredItem, target: TargetReader, u: number): Rate[] {
  if (item.kind === "bands") return (item.bands ?? []).map((b) => b.from);
  const t = target.value(u);
  return t === undefined ? [] : [t];
}

/**
 * Warns, at the cell, of each rate shown across an edge from the value scored: the first item of
 * the unit's kind (in rubric order) that reads it and turns on that edge, a gate's veto first.
 */
export function shownAcross(rubric: Rubric, shown: readonly ShownRate[], units: readonly { readonly name: string; readonly kind: string }[], values: Values, p: Problems): void {
  if (!shown.length) return;
  const index = new Map(units.map((u, i) => [u.name, i]));
  const readers = new Map<MeasuredItem, TargetReader>();
  const byKind = new Map(rubric.unitKinds.map((k) => [k.id, measuredOf(rubric, k).filter((m) => !isRelative(m))]));
  for (const s of shown) {
    const u = index.get(s.unit);
    if (u === undefined) continue;
    const items = (byKind.get(units[u]?.kind ?? "") ?? []).filter((m) => m.indicator === s.code);
    // A gate first: a veto is what a clerk would most want to have seen.
    items.sort((a, b) => Number(b.kind === "gate") - Number(a.kind === "gate"));
    for (const item of items) {
      let reader = readers.get(item);
      if (!reader) readers.set(item, (reader = targetReader(rubric, item, values)));
      const lower = lowerIsBetter(rubric, item);
      const edge = edges(item, reader, u).find((e) => reaches(s.value, e, lower) !== reaches(s.shown, e, lower));
      if (edge === undefined) continue;
      const met = reaches(s.value, edge, lower);
      const code = item.kind === "gate" && !met ? "workbook.shown-rounded-veto" : met ? "workbook.shown-rounded-met" : "workbook.shown-rounded-missed";
      p.warn(code, s.at.sheet, s.at.cell, { shown: s.shownText, value: formatRate(s.value), item: item.name, itemCode: item.code, op: lower ? "≤" : "≥", target: formatRate(edge) });
      break;
    }
  }
}
