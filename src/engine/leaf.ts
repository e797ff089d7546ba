// Scores one leaf item for one unit: judged points as entered; threshold, gate, linear and ratio
// from a measured rate against its target. Rates are already rounded to 0.01 percentage point.
import type { LeafItem, MeasuredItem, Points, Rate, Rubric } from "../rubric/model.js";
import { formatPoints, formatRate } from "../rubric/numbers.js";
import { targetValue, valueOf, type UnitValues, type Src } from "../workbook/model.js";
import type { LeafResult, Measured, Reason } from "./model.js";

export interface UnitInputs {
  readonly scores?: UnitValues<Points>;
  readonly rates?: UnitValues<Rate>;
}

interface TargetValue {
  value: Rate;
  at?: Src;
  code?: string;
}

export function resolveTarget(rubric: Rubric, item: MeasuredItem, inputs: UnitInputs): TargetValue | undefined {
  if ("value" in item.target) return { value: item.target.value };
  const code = item.target.ref;
  const entered = inputs.rates?.get(code);
  if (entered) return { value: entered.value, at: entered.at, code };
  const def = rubric.targets.find((t) => t.code === code)?.default;
  return def !== undefined ? { value: def, code } : undefined;
}

/** Rounds a/b to the nearest integer, halves away from zero, in exact integer arithmetic. */
export function divRound(a: number, b: number): number {
  const q = Math.floor(a / b);
  const r = a - q * b;
  return 2 * r >= b ? q + 1 : q;
}

/**
 * A scored leaf. Only what cannot be derived is stored (the item, the points, the inputs); name,
 * max, lost and the explanation are computed when asked, so that a province of 40,000 towns does
 * not hold millions of explanation strings nobody reads.
 */
class LeafScore implements LeafResult {
  /** values: where a judged item's points were entered (kept to find the cell when asked). */
  constructor(
    readonly item: LeafItem,
    readonly points: Points,
    private readonly values?: UnitValues<Points>,
    readonly measured?: Measured,
  ) {}
  get code(): string {
    return this.item.code;
  }
  get name(): string {
    return this.item.name;
  }
  get kind(): LeafItem["kind"] {
    return this.item.kind;
  }
  get max(): Points {
    return this.item.max;
  }
  get lost(): Points {
    return this.item.max - this.points;
  }
  get source(): Src | undefined {
    return this.measured ? this.measured.valueAt : this.values?.get(this.item.code)?.at;
  }
  get vetoes(): boolean {
    return this.item.kind === "gate" && this.measured !== undefined && this.measured.value < this.measured.target;
  }
  get reason(): Reason {
    return leafReason(this.item, this.points, this.values !== undefined, this.measured);
  }
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

/** A measured item's points from its rate and target (threshold, gate, linear, ratio). */
function measuredPoints(item: MeasuredItem, value: Rate, target: Rate): Points {
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

/**
 * A leaf's points alone, as scoreLeaf gives them but building nothing: totals, ranks and the item
 * matrix of a province are made from this (a property test holds the two equal).
 */
export function leafPoints(rubric: Rubric, item: LeafItem, inputs: UnitInputs): Points {
  if (item.kind === "judged") return valueOf(inputs.scores, item.code) ?? 0;
  const value = valueOf(inputs.rates, item.indicator);
  const target = targetValue(rubric, item, inputs.rates);
  return value === undefined || target === undefined ? 0 : measuredPoints(item, value, target);
}

export function scoreLeaf(rubric: Rubric, item: LeafItem, inputs: UnitInputs): LeafResult {
  if (item.kind === "judged") {
    const e = inputs.scores?.get(item.code);
    return e ? new LeafScore(item, e.value, inputs.scores) : new LeafScore(item, 0);
  }
  const value = inputs.rates?.get(item.indicator);
  const target = resolveTarget(rubric, item, inputs);
  if (!value || !target) return new LeafScore(item, 0);
  const measured: Measured = {
    indicator: item.indicator,
    value: value.value,
    valueAt: value.at,
    target: target.value,
    ...(target.at ? { targetAt: target.at } : {}),
    ...(target.code ? { targetCode: target.code } : {}),
  };
  return new LeafScore(item, measuredPoints(item, value.value, target.value), undefined, measured);
}
