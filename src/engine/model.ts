// The results of scoring: every number with the rule and the cell that made it, so that
// `assess explain`, the result workbook and the report can account for every point.
import type { Points, Rate, UnitKindId } from "../rubric/model.js";
import type { LedgerEntry, Src } from "../workbook/model.js";

/** Why a number is what it is: a message code and its data (rendered in the user's language). */
export interface Reason {
  readonly code: string;
  readonly data: Readonly<Record<string, string | number>>;
}

export interface Measured {
  readonly indicator: string;
  readonly value: Rate;
  readonly valueAt: Src;
  readonly target: Rate;
  /** The target's cell, or undefined when the rubric gave it (fixed or default). */
  readonly targetAt?: Src;
  readonly targetCode?: string;
}

export interface LeafResult {
  readonly code: string;
  readonly name: string;
  readonly kind: "judged" | "threshold" | "gate" | "linear" | "ratio";
  readonly max: Points;
  readonly points: Points;
  readonly lost: Points;
  readonly reason: Reason;
  readonly source?: Src;
  readonly measured?: Measured;
  /** A failed gate: the unit is vetoed. */
  readonly vetoes?: boolean;
}

export interface GroupResult {
  readonly code: string;
  readonly name: string;
  readonly kind: "group";
  readonly max: Points;
  readonly points: Points;
  readonly lost: Points;
  readonly children: readonly ItemResult[];
}

export type ItemResult = LeafResult | GroupResult;

export interface LineResult {
  readonly code: string;
  readonly name: string;
  readonly max: Points;
  readonly points: Points;
  readonly items: readonly ItemResult[];
}

export interface LedgerResult {
  readonly entry: LedgerEntry;
  readonly kind: "bonus" | "deduction" | "single";
  readonly counted: boolean;
  /** Points this entry adds (bonus) or removes (deduction), ≥ 0; 0 when not counted. */
  readonly points: Points;
  readonly reason: Reason;
}

export interface Veto {
  readonly gate: string;
  readonly gateName: string;
  readonly indicator: string;
  readonly value: Rate;
  readonly target: Rate;
  readonly at: Src;
}

export type Award =
  | { readonly kind: "rank"; readonly tier: string; readonly amount?: number }
  | { readonly kind: "single"; readonly code: string; readonly name: string; readonly amount: number; readonly level: string; readonly basis: Src }
  | { readonly kind: "warning"; readonly name: string; readonly reasons: readonly ("last" | "below")[]; readonly below?: Points }
  | { readonly kind: "veto"; readonly gate: string; readonly gateName: string; readonly indicator: string; readonly value: Rate; readonly target: Rate };

export interface UnitResult {
  readonly name: string;
  readonly kind: UnitKindId;
  readonly at: Src;
  readonly lines: readonly LineResult[];
  /** Line code → subtotal. */
  readonly subtotals: Readonly<Record<string, Points>>;
  readonly bonus: Points;
  readonly deduction: Points;
  /** Σ lines + bonus − deduction, floored at 0 (then floored is true). */
  readonly total: Points;
  readonly floored: boolean;
  readonly vetoed: boolean;
  readonly vetoes: readonly Veto[];
  readonly ledger: readonly LedgerResult[];
  /**
   * Every line's subtotal followed by its items' points, in rubric order with groups before their
   * children (the order of the item matrix): the same numbers as lines, without building them.
   */
  readonly flatPoints: ArrayLike<Points>;
  /** The measured items (threshold, gate, linear, ratio) alone, in rubric order: cheaper than lines. */
  measuredItems(): LeafResult[];
  /** Ranking id → rank for the rankings of the unit's kind; null when vetoed. */
  readonly ranks: Readonly<Record<string, number | null>>;
  readonly awards: readonly Award[];
}

export interface RankingResult {
  readonly id: string;
  readonly name: string;
  readonly unitKind: UnitKindId;
  readonly by: string;
  /** Ranked units in rank order, then vetoed units (rank null). */
  readonly entries: readonly { readonly unit: string; readonly rank: number | null; readonly value: Points }[];
}

export interface Results {
  readonly rubric: { readonly id: string; readonly version: string; readonly sha256: string; readonly title: string };
  readonly input: { readonly file: string; readonly sha256: string };
  readonly units: readonly UnitResult[];
  readonly rankings: readonly RankingResult[];
}
