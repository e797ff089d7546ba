// Scores one leaf item for one unit: judged points as entered; threshold, gate, linear and ratio
// from a measured rate against its target. Rates are already rounded to 0.01 percentage point.
import type { LeafItem, MeasuredItem, Points, Rate, Rubric } from "../rubric/model.js";
import { formatPoints, formatRate } from "../rubric/numbers.js";
import type { Entered, Src } from "../workbook/model.js";
import type { LeafResult, Measured, Reason } from "./model.js";

export interface UnitInputs {
  readonly scores?: ReadonlyMap<string, Entered<Points>>;
  readonly rates?: ReadonlyMap<string, Entered<Rate>>;
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

function result(item: LeafItem, points: Points, reason: Reason, extra: Partial<LeafResult> = {}): LeafResult {
  return { code: item.code, name: item.name, kind: item.kind, max: item.max, points, lost: item.max - points, reason, ...extra };
}

/** Rounds a/b to the nearest integer, halves away from zero, in exact integer arithmetic. */
export function divRound(a: number, b: number): number {
  const q = Math.floor(a / b);
  const r = a - q * b;
  return 2 * r >= b ? q + 1 : q;
}

export function scoreLeaf(rubric: Rubric, item: LeafItem, inputs: UnitInputs): LeafResult {
  if (item.kind === "judged") {
    const e = inputs.scores?.get(item.code);
    if (!e) return result(item, 0, { code: "why.missing", data: {} });
    const reason: Reason =
      e.value >= item.max
        ? { code: "why.judged-full", data: { max: formatPoints(item.max) } }
        : { code: "why.judged-partial", data: { points: formatPoints(e.value), max: formatPoints(item.max), lost: formatPoints(item.max - e.value) } };
    return result(item, e.value, reason, { source: e.at });
  }
  const value = inputs.rates?.get(item.indicator);
  const target = resolveTarget(rubric, item, inputs);
  if (!value || !target) return result(item, 0, { code: "why.missing", data: {} }, item.kind === "gate" ? { vetoes: false } : {});
  const measured: Measured = {
    indicator: item.indicator,
    value: value.value,
    valueAt: value.at,
    target: target.value,
    ...(target.at ? { targetAt: target.at } : {}),
    ...(target.code ? { targetCode: target.code } : {}),
  };
  const data = { indicator: item.indicator, value: formatRate(value.value), target: formatRate(target.value), max: formatPoints(item.max) };
  const met = value.value >= target.value;
  const base = { source: value.at, measured };
  switch (item.kind) {
    case "threshold":
      return met
        ? result(item, item.max, { code: "why.threshold-met", data }, base)
        : result(item, 0, { code: "why.threshold-missed", data }, base);
    case "gate":
      return met
        ? result(item, item.max, { code: "why.gate-passed", data }, base)
        : result(item, 0, { code: "why.gate-failed", data }, { ...base, vetoes: true });
    case "linear": {
      const floor = item.floor ?? 0;
      if (met) return result(item, item.max, { code: "why.linear-full", data }, base);
      if (value.value <= floor) return result(item, 0, { code: "why.linear-floor", data: { ...data, floor: formatRate(floor) } }, base);
      const pts = divRound(item.max * (value.value - floor), target.value - floor);
      return result(item, pts, { code: "why.linear-part", data: { ...data, floor: formatRate(floor), points: formatPoints(pts) } }, base);
    }
    case "ratio": {
      if (met || target.value === 0) return result(item, item.max, { code: "why.ratio-full", data }, base);
      const pts = Math.min(item.max, divRound(item.max * value.value, target.value));
      return result(item, pts, { code: "why.ratio-part", data: { ...data, points: formatPoints(pts) } }, base);
    }
  }
}
