// The rubric as the engine sees it, after loading: every point value in integer hundredths
// (Points), every rate in integer hundredths of a percentage point (Rate: 95% = 9500).
import type { TextLocation } from "../diagnostics/index.js";

import type { Points, Rate } from "../model/numbers.js";
export type { Points, Rate } from "../model/numbers.js";

export type LeafKind = "judged" | "threshold" | "gate" | "linear" | "ratio";
export type ItemKind = LeafKind | "group";

/** Where a target comes from: the workbook's target column (with an optional default), or a fixed rate. */
export type TargetSpec = { readonly ref: string } | { readonly value: Rate };

interface ItemBase {
  readonly code: string;
  readonly name: string;
  readonly max: Points;
  /** The clause text of the scheme, shown in templates and explanations. */
  readonly text: string;
  readonly at: TextLocation;
}

export interface GroupItem extends ItemBase {
  readonly kind: "group";
  readonly children: readonly Item[];
}

export interface JudgedItem extends ItemBase {
  readonly kind: "judged";
}

export interface MeasuredItem extends ItemBase {
  readonly kind: "threshold" | "gate" | "linear" | "ratio";
  readonly indicator: string;
  readonly target: TargetSpec;
  /** linear only: the rate that earns 0. */
  readonly floor?: Rate;
}

export type Item = GroupItem | JudgedItem | MeasuredItem;
export type LeafItem = JudgedItem | MeasuredItem;

export interface Line {
  readonly code: string;
  readonly name: string;
  /** The input sheet's name in templates. */
  readonly sheet: string;
  readonly max: Points;
  readonly items: readonly Item[];
}

/** A unit kind's id, as the rubric names it (town, department…). */
export type UnitKindId = string;

export interface UnitKind {
  readonly id: UnitKindId;
  readonly name: string;
  /** Words the units list may use for this kind (镇, 街道 / 部门). */
  readonly labels: readonly string[];
  readonly scale: Points;
  readonly lines: readonly string[];
}

export interface Indicator {
  readonly code: string;
  readonly name: string;
}

export interface Target {
  readonly code: string;
  readonly name: string;
  readonly default?: Rate;
}

export type LedgerKind = "bonus" | "deduction" | "single";

export interface LedgerCode {
  readonly code: string;
  readonly name: string;
  readonly kind: LedgerKind;
  readonly text: string;
  /** Points per count (bonus/deduction with a fixed value). */
  readonly points?: Points;
  /** Points per count by level (JF2), or just the allowed levels (DX). */
  readonly levels?: Readonly<Record<string, Points>>;
  /** Points entered per entry must fall in [min, max] (KF3). */
  readonly range?: { readonly min: Points; readonly max: Points };
  /** Points per count are doubled when the entry is flagged 未如实上报 (KF5). */
  readonly doubleWhenFlagged?: boolean;
  /** Counted at most once a year per unit (JF1). */
  readonly oncePerYear?: boolean;
  /** Optional cap on this code's points per unit per year. */
  readonly cap?: Points;
  readonly at: TextLocation;
}

export interface Statuses {
  readonly counted: readonly string[];
  readonly pending: readonly string[];
  readonly rejected: readonly string[];
}

/** What a ranking orders by: a line code, or "total". */
export type RankKey = string;

export interface Ranking {
  readonly id: string;
  readonly name: string;
  readonly unitKind: UnitKindId;
  readonly by: RankKey;
  readonly tieBreakers: readonly RankKey[];
}

export interface RankTier {
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly amount?: number;
}

export interface SingleAward {
  readonly code: string;
  readonly name: string;
  readonly amount: number;
  readonly count?: number;
  readonly linkedItem?: string;
}

export interface YellowCard {
  readonly name: string;
  readonly lastPlace: boolean;
  readonly below?: Points;
}

export interface Awards {
  /** The ranking whose ranks decide rank tiers and the yellow card. */
  readonly ranking: string;
  readonly tiers: readonly RankTier[];
  readonly single: readonly SingleAward[];
  /** Levels of recognition, highest first, for comparing single-award candidates. */
  readonly levelOrder: readonly string[];
  readonly yellowCard?: YellowCard;
}

export interface Rubric {
  readonly id: string;
  readonly version: string;
  readonly effective: string;
  readonly title: string;
  readonly unitKinds: readonly UnitKind[];
  readonly lines: readonly Line[];
  readonly indicators: readonly Indicator[];
  readonly targets: readonly Target[];
  readonly ledger: readonly LedgerCode[];
  readonly statuses: Statuses;
  readonly flaggedWords: { readonly yes: readonly string[]; readonly no: readonly string[] };
  readonly rankings: readonly Ranking[];
  readonly awards: Awards;
  /** SHA-256 of the rubric file's bytes, recorded in every result. */
  readonly sha256: string;
  readonly file: string;
}

/** Every leaf of a line (or item list), depth-first in rubric order. */
export function leaves(items: readonly Item[]): LeafItem[] {
  const out: LeafItem[] = [];
  const walk = (list: readonly Item[]): void => {
    for (const it of list) {
      if (it.kind === "group") walk(it.children);
      else out.push(it);
    }
  };
  walk(items);
  return out;
}

export function allItems(items: readonly Item[]): Item[] {
  const out: Item[] = [];
  const walk = (list: readonly Item[]): void => {
    for (const it of list) {
      out.push(it);
      if (it.kind === "group") walk(it.children);
    }
  };
  walk(items);
  return out;
}

export function kindOfLine(rubric: Rubric, lineCode: string): UnitKindId | undefined {
  return rubric.unitKinds.find((k) => k.lines.includes(lineCode))?.id;
}
