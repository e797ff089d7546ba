// One leaf item's points for one unit, from what it entered: judged points as entered, deducted
// items as the max less the points taken off, and the absolute measured kinds (threshold, gate,
// linear, ratio, bands, shortfall) from a value against its target, higher or lower being better.
// Values are integers (hundredths of their unit); every division is exact integer arithmetic,
// rounded half away from zero. The relative kinds are scored in relative.ts, against the others.
import type { LeafItem, Measure, Rubric } from "../rubric/model.js";
import { isMeasured, isRelative } from "../rubric/model.js";
import { lowerIsBetter, targetReaders } from "../rubric/targets.js";
import { measuredPoints } from "../rubric/formulas.js";
import type { Points } from "../model/numbers.js";
import type { Values } from "../model/submission.js";

/** A leaf, ready to score any unit of a submission: the slots of what it reads looked up once. */
export interface LeafScorer {
  readonly item: LeafItem;
  /** Lower values are better (measured items). */
  readonly lower: boolean;
  /** Points for unit u (0 for a relative kind, scored later); missing inputs give 0 (validation has reported them). */
  points(u: number): Points;
  /** The measured value and target for unit u (measured items only). */
  measured(u: number): { value: Measure; target: Measure } | undefined;
}

export function leafScorer(rubric: Rubric, item: LeafItem, values: Values): LeafScorer {
  if (!isMeasured(item)) {
    const slot = values.slot(item.code);
    const entered = (u: number): Points => (slot === undefined ? 0 : (values.get(u, slot) ?? 0));
    return {
      item,
      lower: false,
      points: item.kind === "deducted" ? (u) => Math.max(0, item.max - entered(u)) : entered,
      measured: () => undefined,
    };
  }
  const valueSlot = values.slot(item.indicator);
  const lower = lowerIsBetter(rubric, item);
  const { target: targets, floor: floors } = targetReaders(rubric, item, values);
  const needsTarget = item.kind !== "bands" && !isRelative(item);
  const measured = (u: number): { value: Measure; target: Measure } | undefined => {
    const value = valueSlot === undefined ? undefined : values.get(u, valueSlot);
    const target = needsTarget ? targets.value(u) : 0;
    return value === undefined || target === undefined ? undefined : { value, target };
  };
  return {
    item,
    lower,
    points: (u) => {
      if (isRelative(item)) return 0;
      const m = measured(u);
      return m ? measuredPoints(item, lower, m.value, m.target, floors?.value(u)) : 0;
    },
    measured,
  };
}
