// One leaf item's points for one unit, from what it entered: judged points as entered, deducted
// items as the max less the points taken off, and the absolute measured kinds (threshold, gate,
// linear, ratio, bands, shortfall) from a value against its target, higher or lower being better.
// Values are integers (hundredths of their unit); every division is exact integer arithmetic,
// rounded half away from zero. The relative kinds are scored in relative.ts, against the others.
import type { LeafItem, Measure, MeasuredItem, Rubric } from "../rubric/model.js";
import { isMeasured, isRelative } from "../rubric/model.js";
import { lowerIsBetter, reaches, targetReader, type TargetReader } from "../rubric/targets.js";
import type { Points } from "../model/numbers.js";
import type { Values } from "../model/submission.js";

/** Rounds a/b to the nearest integer, halves away from zero, in exact integer arithmetic (b > 0). */
export function divRound(a: number, b: number): number {
  if (a < 0) return -divRound(-a, b);
  const q = Math.floor(a / b);
  const r = a - q * b;
  return 2 * r >= b ? q + 1 : q;
}

/**
 * The points a shortfall item's value `short` of its target takes off before the item stops at 0:
 * deduct per `per` (whole steps only, where the rubric says), rounded once.
 */
export function shortfallDue(item: MeasuredItem, short: Measure): Points {
  const per = item.per ?? 1;
  const deduct = item.deduct ?? 0;
  return item.wholeSteps ? deduct * Math.floor(short / per) : divRound(deduct * short, per);
}

/** An absolute measured item's points from its value, target (and floor, for linear). */
export function measuredPoints(item: MeasuredItem, lower: boolean, value: Measure, target: Measure, floor?: Measure): Points {
  const max = item.max;
  const met = reaches(value, target, lower);
  switch (item.kind) {
    case "threshold":
    case "gate":
      return met ? max : 0;
    case "linear": {
      const f = floor ?? 0;
      if (met) return max;
      // At or beyond the floor (below it when higher is better): nothing.
      if (f === target || (lower ? value >= f : value <= f)) return 0;
      // Between the floor and the target: the share of the way from one to the other.
      return divRound(max * Math.abs(value - f), Math.abs(target - f));
    }
    case "ratio":
      if (met) return max;
      // A target at or past 0 (a growth target of 0% or −2%) leaves no ratio to take: reached or 0,
      // either way round. Where lower is better a value past the target is then above it, and above 0.
      if (lower) return target <= 0 ? 0 : Math.min(max, divRound(max * target, value));
      return target <= 0 || value <= 0 ? 0 : Math.min(max, divRound(max * value, target));
    case "bands":
      for (const band of item.bands ?? []) {
        if (reaches(value, band.from, lower)) return band.points ?? divRound(max * (band.share ?? 0), 10000);
      }
      return 0;
    case "shortfall": {
      const short = lower ? value - target : target - value;
      return short <= 0 ? max : Math.max(0, max - shortfallDue(item, short));
    }
    case "relative-best":
    case "rank-points":
      return 0; // scored against the others (relative.ts)
  }
}

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
  const targets = targetReader(rubric, item, values);
  const floors: TargetReader | undefined = item.floor ? targetReader(rubric, { ...item, target: item.floor }, values) : undefined;
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
