// One leaf item's points for one unit: judged points as entered; threshold, gate, linear and ratio
// from a measured rate against its target. Rates are already rounded to 0.01 percentage point;
// every division is exact integer arithmetic, rounded half away from zero.
import type { LeafItem, MeasuredItem, Rubric } from "../rubric/model.js";
import { targetReader } from "../rubric/targets.js";
import type { Points, Rate } from "../model/numbers.js";
import type { Values } from "../model/submission.js";

/** Rounds a/b to the nearest integer, halves away from zero, in exact integer arithmetic. */
export function divRound(a: number, b: number): number {
  const q = Math.floor(a / b);
  const r = a - q * b;
  return 2 * r >= b ? q + 1 : q;
}

/** A measured item's points from its rate and target (threshold, gate, linear, ratio). */
export function measuredPoints(item: MeasuredItem, value: Rate, target: Rate): Points {
  const met = value >= target;
  switch (item.kind) {
    case "threshold":
    case "gate":
      return met ? item.max : 0;
    case "linear": {
      const floor = item.floor ?? 0;
      if (met) return item.max;
      return value > floor ? divRound(item.max * (value - floor), target - floor) : 0;
    }
    case "ratio":
      return met || target === 0 ? item.max : Math.min(item.max, divRound(item.max * value, target));
  }
}

/** A leaf, ready to score any unit of a submission: the slots of what it reads looked up once. */
export interface LeafScorer {
  readonly item: LeafItem;
  /** Points for unit u; missing inputs give 0 (validation has reported them). */
  points(u: number): Points;
  /** The measured value and target for unit u (measured items only). */
  measured(u: number): { value: Rate; target: Rate } | undefined;
}

export function leafScorer(rubric: Rubric, item: LeafItem, values: Values): LeafScorer {
  if (item.kind === "judged") {
    const slot = values.slot(item.code);
    return { item, points: (u) => (slot === undefined ? 0 : (values.get(u, slot) ?? 0)), measured: () => undefined };
  }
  const valueSlot = values.slot(item.indicator);
  const targets = targetReader(rubric, item, values);
  const measured = (u: number): { value: Rate; target: Rate } | undefined => {
    const value = valueSlot === undefined ? undefined : values.get(u, valueSlot);
    const target = targets.value(u);
    return value === undefined || target === undefined ? undefined : { value, target };
  };
  return {
    item,
    points: (u) => {
      const m = measured(u);
      return m ? measuredPoints(item, m.value, m.target) : 0;
    },
    measured,
  };
}
