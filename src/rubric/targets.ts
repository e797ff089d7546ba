// Where a measured item's target comes from, for one unit: fixed by the rubric, entered in the
// unit's target cell, or the rubric's default for that target; and what reaching it means (at
// least, or at most where lower is better). The one resolver: scoring, the reader's checks and
// explanations all ask it.
import type { CellAt, Values } from "../model/submission.js";
import type { Measure, MeasuredItem, Rate, Rubric } from "./model.js";

/** Whether an indicator's value is better the lower it is. */
export function lowerIsBetter(rubric: Rubric, item: MeasuredItem): boolean {
  return rubric.indicators.find((i) => i.code === item.indicator)?.direction === "lower";
}

/** value at least as good as target (at or below it where lower is better). */
export function reaches(value: Measure, target: Measure, lower: boolean): boolean {
  return lower ? value <= target : value >= target;
}

export interface ResolvedTarget {
  readonly value: Rate;
  /** The cell it was entered in; undefined when the rubric gave it. */
  readonly at?: CellAt;
  /** The target's code (MB1…); undefined for a fixed target. */
  readonly code?: string;
}

export interface TargetReader {
  /** The target's value for unit u, or undefined (neither entered nor defaulted). */
  value(u: number): Rate | undefined;
  /** The same, with where it came from. */
  resolve(u: number): ResolvedTarget | undefined;
}

/** A measured item's targets over a submission's values, the slot looked up once. */
export function targetReader(rubric: Rubric, item: MeasuredItem, values: Values): TargetReader {
  const spec = item.target;
  if ("value" in spec) {
    const fixed = { value: spec.value };
    return { value: () => spec.value, resolve: () => fixed };
  }
  const code = spec.ref;
  const slot = values.slot(code);
  const fallback = rubric.targets.find((t) => t.code === code)?.default;
  const value = (u: number): Rate | undefined => (slot === undefined ? undefined : values.get(u, slot)) ?? fallback;
  return {
    value,
    resolve: (u) => {
      const entered = slot === undefined ? undefined : values.get(u, slot);
      if (entered !== undefined && slot !== undefined) {
        const at = values.at(u, slot);
        return { value: entered, code, ...(at ? { at } : {}) };
      }
      return fallback !== undefined ? { value: fallback, code } : undefined;
    },
  };
}

/** A measured item's target reader and, for a linear item with a floor, its floor's (read as a target is). */
export interface TargetReaders {
  readonly target: TargetReader;
  readonly floor?: TargetReader;
}

export function targetReaders(rubric: Rubric, item: MeasuredItem, values: Values): TargetReaders {
  return { target: targetReader(rubric, item, values), ...(item.floor ? { floor: targetReader(rubric, { ...item, target: item.floor }, values) } : {}) };
}

export function targetOf(rubric: Rubric, item: MeasuredItem, values: Values, u: number): ResolvedTarget | undefined {
  return targetReader(rubric, item, values).resolve(u);
}
