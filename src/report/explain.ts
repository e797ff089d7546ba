// Why each of a unit's points is what it is: its lines and items as a tree, each with the points
// scoring gave it (read from the results, never scored again), the points lost, the rule's
// explanation and the cell the value came from. `assess explain`, the scoring-notes sheet and the
// JSON all show this.
import type { LeafItem, Rubric } from "../rubric/model.js";
import { planOf } from "../rubric/plan.js";
import { targetReader, type TargetReader } from "../rubric/targets.js";
import { formatPoints, formatRate, type Points, type Rate } from "../model/numbers.js";
import type { Reason, UnitResult } from "../model/results.js";
import { cellOf, type CellAt, type Submission } from "../model/submission.js";

export interface Measured {
  readonly indicator: string;
  readonly value: Rate;
  readonly valueAt: CellAt;
  readonly target: Rate;
  /** The target's cell, or undefined when the rubric gave it (fixed or default). */
  readonly targetAt?: CellAt;
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
  readonly children: readonly ItemView[];
}

function leafReason(item: LeafItem, points: Points, entered: boolean, m: Measured | undefined): Reason {
  const max = formatPoints(item.max);
  if (item.kind === "judged") {
    if (!entered) return { code: "why.missing", data: {} };
    return points >= item.max
      ? { code: "why.judged-full", data: { max } }
      : { code: "why.judged-partial", data: { points: formatPoints(points), max, lost: formatPoints(item.max - points) } };
  }
  if (!m) return { code: "why.missing", data: {} };
  const data = { indicator: m.indicator, value: formatRate(m.value), target: formatRate(m.target), max };
  const met = m.value >= m.target;
  switch (item.kind) {
    case "threshold":
      return { code: met ? "why.threshold-met" : "why.threshold-missed", data };
    case "gate":
      return { code: met ? "why.gate-passed" : "why.gate-failed", data };
    case "linear": {
      const floor = formatRate(item.floor ?? 0);
      if (met) return { code: "why.linear-full", data };
      if (m.value <= (item.floor ?? 0)) return { code: "why.linear-floor", data: { ...data, floor } };
      return { code: "why.linear-part", data: { ...data, floor, points: formatPoints(points) } };
    }
    case "ratio":
      return met || m.target === 0 ? { code: "why.ratio-full", data } : { code: "why.ratio-part", data: { ...data, points: formatPoints(points) } };
  }
}

/** Each measured item's target reader over a submission's values, made once (sheets ask for every unit). */
const readers = new WeakMap<object, Map<LeafItem, TargetReader>>();

function readerOf(rubric: Rubric, item: Exclude<LeafItem, { kind: "judged" }>, sub: Submission): TargetReader {
  let byItem = readers.get(sub.values);
  if (!byItem) readers.set(sub.values, (byItem = new Map()));
  let r = byItem.get(item);
  if (!r) byItem.set(item, (r = targetReader(rubric, item, sub.values)));
  return r;
}

/** The measured value and target unit u was scored on, with their cells. */
function measuredOf(rubric: Rubric, item: LeafItem, sub: Submission, u: number): Measured | undefined {
  if (item.kind === "judged") return undefined;
  const slot = sub.values.slot(item.indicator);
  const value = slot === undefined ? undefined : sub.values.get(u, slot);
  const valueAt = slot === undefined ? undefined : sub.values.at(u, slot);
  const target = readerOf(rubric, item, sub).resolve(u);
  if (value === undefined || !valueAt || !target) return undefined;
  return {
    indicator: item.indicator,
    value,
    valueAt,
    target: target.value,
    ...(target.at ? { targetAt: target.at } : {}),
    ...(target.code ? { targetCode: target.code } : {}),
  };
}

/** Unit u's lines, each with its items as a tree. */
export function explainUnit(rubric: Rubric, sub: Submission, unit: UnitResult, u: number): ItemView[] {
  const plan = planOf(rubric, unit.kind);
  if (!plan) return [];
  const views: { code: string; name: string; kind: string; max: Points; points: Points; lost: Points; depth: number; children: ItemView[]; reason?: Reason; source?: CellAt; measured?: Measured; vetoes?: boolean }[] = [];
  const lines: ItemView[] = [];
  plan.nodes.forEach((node, i) => {
    const points = unit.points[i] ?? 0;
    const base = { code: node.code, name: node.name, max: node.max, points, lost: node.max - points, depth: node.depth, children: [] as ItemView[] };
    const item = node.item;
    let view: (typeof views)[number];
    if (!item) view = { ...base, kind: "line" };
    else if (item.kind === "group") view = { ...base, kind: "group" };
    else {
      const measured = measuredOf(rubric, item, sub, u);
      const source = measured ? measured.valueAt : cellOf(sub.values, u, item.code);
      const vetoes = item.kind === "gate" && measured !== undefined && measured.value < measured.target;
      view = {
        ...base,
        kind: item.kind,
        reason: leafReason(item, points, source !== undefined, measured),
        ...(source ? { source } : {}),
        ...(measured ? { measured } : {}),
        ...(vetoes ? { vetoes } : {}),
      };
    }
    views.push(view);
    const parent = views[node.parent];
    if (parent) parent.children.push(view);
    else lines.push(view);
  });
  return lines;
}

/**
 * The measured leaves of a unit alone (what the scoring notes list), in rubric order: cheaper than
 * the whole tree, for sheets that list every unit.
 */
export function measuredViews(rubric: Rubric, sub: Submission, unit: UnitResult, u: number): ItemView[] {
  const plan = planOf(rubric, unit.kind);
  if (!plan) return [];
  const out: ItemView[] = [];
  for (const i of plan.leaves) {
    const node = plan.nodes[i];
    const item = node?.item;
    if (!node || !item || item.kind === "group" || item.kind === "judged") continue;
    const points = unit.points[i] ?? 0;
    const measured = measuredOf(rubric, item, sub, u);
    const vetoes = item.kind === "gate" && measured !== undefined && measured.value < measured.target;
    out.push({
      code: item.code,
      name: item.name,
      kind: item.kind,
      max: item.max,
      points,
      lost: item.max - points,
      depth: node.depth,
      reason: leafReason(item, points, measured !== undefined, measured),
      ...(measured ? { source: measured.valueAt, measured } : {}),
      ...(vetoes ? { vetoes } : {}),
      children: [],
    });
  }
  return out;
}
