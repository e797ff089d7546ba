// What a measured item gives for a value against its target (and floor): the formulas of
// docs/rules.md for the absolute kinds (threshold, gate, linear, ratio, bands, shortfall), higher
// or lower being better, in exact integer arithmetic (values and points in hundredths), each
// division rounded once, half away from zero. Scoring (engine/leaf.ts) gives them every unit's
// values; the reader asks them whether a value shown rounded would have scored otherwise.
import type { Measure, MeasuredItem } from "./model.js";
import type { Points } from "../model/numbers.js";
import { reaches } from "./targets.js";

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
