// The rubric as scoring sees it, after loading: every point value in integer hundredths (Points),
// every measured value in integer hundredths of its display unit (Measure: 95% is 9500, 3 起 is
// 300, 12.5 万元 is 1250), every share or weight in hundredths of a percent (100% is 10000).
import type { Points } from "../model/numbers.js";
import type { TextLocation } from "../diagnostics/index.js";
/** Words for every unit kind at once, written where a ranking's one kind goes (all, 全部). */
export const ALL_KINDS = /^(all|any|全部|所有|全部单位|所有单位)$/i;

/** A rubric file's size at most (one is some tens of KB): said before anything is read of it. */
export const MAX_RUBRIC_BYTES = 1024 * 1024;

export type { Points, Rate } from "../model/numbers.js";

/** A measured value in hundredths of its display unit (a rate: hundredths of a percentage point). */
export type Measure = number;
/** A share or weight in hundredths of a percent: 40% is 4000, 100% is 10000. */
export type Share = number;

export type MeasuredKind = "threshold" | "gate" | "linear" | "ratio" | "bands" | "shortfall" | "relative-best" | "rank-points";
export type LeafKind = "judged" | "deducted" | MeasuredKind;
export type ItemKind = LeafKind | "group";

/** Where a target (or a linear item's floor) comes from: a target column (with an optional default), or a fixed value. */
export type TargetSpec = { readonly ref: string } | { readonly value: Measure };

interface ItemBase {
  readonly code: string;
  readonly name: string;
  readonly max: Points;
  /** The clause text of the scheme: a note on an entered item's heading in the template. */
  readonly text: string;
  readonly at: TextLocation;
}

export interface GroupItem extends ItemBase {
  readonly kind: "group";
  readonly children: readonly Item[];
}

/** Points entered by the assessor (judged), or the points taken off (deducted, 扣分制). */
export interface JudgedItem extends ItemBase {
  readonly kind: "judged" | "deducted";
  /** The smallest step of points that may be entered (0.5 points: 50). */
  readonly step: Points;
}

export interface Band {
  /** The value a unit must reach (at least, or at most for lower-is-better). */
  readonly from: Measure;
  /** Points earned: a share of the max, or fixed points. */
  readonly share?: Share;
  readonly points?: Points;
}

/** What a veto does besides the gate's 0: declared per gate. */
export interface VetoEffect {
  /** The unit is still ranked (else it has no rank: the default). */
  readonly ranked: boolean;
  /** Its grade is set to this one (直接定为不合格). */
  readonly grade?: string;
  /** Its grade is at most this one (不得评为优秀). */
  readonly gradeAtMost?: string;
  /** The prize place the unit would hold stays empty (else it passes to the next unit). */
  readonly placeEmpty: boolean;
  /** Its grade alone is held: no one-vote veto (the unit ranked, its prizes and awards kept). */
  readonly gradeOnly?: boolean;
}

export interface MeasuredItem extends ItemBase {
  readonly kind: MeasuredKind;
  readonly indicator: string;
  /** threshold, gate, linear, ratio, shortfall: the target. */
  readonly target: TargetSpec;
  /** linear: the value that earns 0. */
  readonly floor?: TargetSpec;
  /** bands: best first. */
  readonly bands?: readonly Band[];
  /** shortfall: points taken off per `per` of shortfall (扣完为止). */
  readonly per?: Measure;
  readonly deduct?: Points;
  /** shortfall: only whole steps count (每低满 1 个百分点). */
  readonly wholeSteps?: boolean;
  /** rank-points: points less per place. */
  readonly step?: Points;
  /** relative kinds: vetoed units take part in the best value or the ranks. */
  readonly includeVetoed?: boolean;
  /** relative kinds: compared with every unit of the kind, its groups together (以全区最优值为基准), not within the unit's group. */
  readonly acrossGroups?: boolean;
  /** gate: what the veto does. */
  readonly veto?: VetoEffect;
}

export type Item = GroupItem | JudgedItem | MeasuredItem;
export type LeafItem = JudgedItem | MeasuredItem;

export function isMeasured(i: Item): i is MeasuredItem {
  return i.kind !== "group" && i.kind !== "judged" && i.kind !== "deducted";
}

/** A gate whose miss is a one-vote veto (not one that holds the grade alone: grade_only). */
export function isVetoGate(i: Item): boolean {
  return i.kind === "gate" && i.veto?.gradeOnly !== true;
}

/** The 指标数据 codes a measured item reads: its indicator, and its target's and floor's columns where they are units' own. */
export function measuredInputs(item: MeasuredItem): string[] {
  return [item.indicator, ...[item.target, item.floor].flatMap((t) => (t && "ref" in t ? [t.ref] : []))];
}

/** Relative kinds are scored against the other units of the ranking group, after all are read. */
export function isRelative(i: Item): boolean {
  return i.kind === "relative-best" || i.kind === "rank-points";
}

export interface Line {
  readonly code: string;
  readonly name: string;
  /** The input sheet's name in templates. */
  readonly sheet: string;
  readonly max: Points;
  /** The clause text of the scheme for the line (its weight, how it is scored), where it has one. */
  readonly text?: string;
  readonly items: readonly Item[];
}

/** A unit kind's id, as the rubric names it (town, department…). */
export type UnitKindId = string;

export interface UnitGroup {
  readonly id: string;
  readonly name: string;
  /** Words the units list and the 分组 column may use. */
  readonly labels: readonly string[];
}

export interface UnitKind {
  readonly id: UnitKindId;
  readonly name: string;
  /** Words the units list may use for this kind (镇, 街道 / 部门). */
  readonly labels: readonly string[];
  readonly scale: Points;
  readonly lines: readonly string[];
  /** Line code → weight; the total is Σ line × weight. Absent: plain sum. */
  readonly weights?: Readonly<Record<string, Share>>;
  /** Ranking groups within the kind (乡镇组, 街道组); a unit names its group in the 分组 column. */
  readonly groups: readonly UnitGroup[];
}

export type MeasureUnit = "percent" | "number" | "amount";

export interface Indicator {
  readonly code: string;
  readonly name: string;
  readonly unit: MeasureUnit;
  /** The unit shown after a number or amount (起, 人, 万元); "%" for a percent. */
  readonly display: string;
  readonly direction: "higher" | "lower";
  /** A count of whole things (起, 人): a value with a fraction is refused. */
  readonly whole?: boolean;
  readonly min?: Measure;
  readonly max?: Measure;
}

export interface Target {
  readonly code: string;
  readonly name: string;
  readonly unit: MeasureUnit;
  readonly display: string;
  readonly default?: Measure;
  /** What a unit's target cell may hold (as an indicator's). */
  readonly min?: Measure;
  readonly max?: Measure;
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
  /** The unit kinds it may be recorded for. */
  readonly unitKinds: readonly string[];
  /** What it is charged to: the total, a line or an item (by code). */
  readonly charge: "total" | { readonly line: string } | { readonly item: string };
  readonly at: TextLocation;
}

/** A cap over several codes, or over all bonuses or all deductions of a unit in a year. */
export interface LedgerCap {
  readonly codes: readonly string[];
  readonly max: Points;
  /** A cap on all of a unit's bonuses (or deductions), rather than on named codes. */
  readonly kind?: "bonus" | "deduction";
}

export interface Statuses {
  readonly counted: readonly string[];
  readonly pending: readonly string[];
  readonly rejected: readonly string[];
}

/** What a ranking orders by: "total", a line code or an item code. */
export type RankKey = string;

export interface RankTier {
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly amount?: number;
}

export interface GradeBand {
  readonly name: string;
  /** The score (of the ranking's key) a unit must reach. */
  readonly from: Points;
  /** At most this share of the ranked units (rounded down)… */
  readonly quotaShare?: Share;
  /** …or at most this many. */
  readonly quotaCount?: number;
  /** A share's places at the least (quota: 20% of 3 units rounds down to none; quota_min: 1 gives one). */
  readonly quotaMin?: number;
  /** How a share's places are rounded where not down (the grades' quota_round: 四舍五入, 进一). */
  readonly quotaRound?: QuotaRound;
  /** Where the band is written in the rubric: its quota, where it has one. */
  readonly at?: TextLocation;
}

/** A share quota's rounding other than down (the default). */
export type QuotaRound = "nearest" | "up";

export interface Grades {
  readonly bands: readonly GradeBand[];
  /** The grade of a ranked unit below every band (不合格). */
  readonly otherwise?: string;
  /** Units still tied at a quota's cut: all of them get the grade, or none. */
  readonly ties: "all" | "none";
  /**
   * What a share quota is of: the units the ranking ranks (the default), or every unit assessed in
   * it (参评单位), those a veto takes out of the ranking too.
   */
  readonly quotaOf?: "assessed";
}

export interface SingleAward {
  readonly code: string;
  readonly name: string;
  /** In 元; none for an honour without money. */
  readonly amount?: number;
  readonly count?: number;
  readonly linkedItem?: string;
}

export interface YellowCard {
  readonly name: string;
  readonly lastPlace: boolean;
  readonly below?: Points;
  /** Given only to the last place below the mark (末位且低于): both at once, not either. */
  readonly both?: boolean;
}

export interface Ranking {
  readonly id: string;
  readonly name: string;
  readonly unitKind: UnitKindId;
  /** Only the units of this group of the kind. */
  readonly group?: string;
  readonly by: RankKey;
  readonly tieBreakers: readonly RankKey[];
  readonly tiers: readonly RankTier[];
  readonly grades?: Grades;
  readonly single: readonly SingleAward[];
  readonly yellowCard?: YellowCard;
}

export interface ReportWords {
  /** The report's title, with {district} and {year} filled from the cover. */
  readonly title?: string;
  /** What the report is called (九月排名报告): its sheet's tab and the line under its title. */
  readonly name?: string;
  /** Who issues it: the seal line (盖章). */
  readonly issuer?: string;
}

export interface Rubric {
  readonly id: string;
  readonly version: string;
  readonly effective: string;
  readonly title: string;
  /** Where the scheme comes from (its 文件 number), where the rubric says. */
  readonly source?: string;
  readonly report: ReportWords;
  readonly unitKinds: readonly UnitKind[];
  readonly lines: readonly Line[];
  readonly indicators: readonly Indicator[];
  readonly targets: readonly Target[];
  readonly ledger: readonly LedgerCode[];
  readonly caps: readonly LedgerCap[];
  readonly statuses: Statuses;
  readonly flaggedWords: { readonly yes: readonly string[]; readonly no: readonly string[] };
  /** Levels of recognition, highest first, for comparing single-award candidates. */
  readonly levelOrder: readonly string[];
  readonly rankings: readonly Ranking[];
  /** SHA-256 of the rubric file's bytes, recorded in every result. */
  readonly sha256: string;
  /**
   * SHA-256 of the same text saved otherwise (other line ends, a byte-order mark added or
   * dropped): a result recording one of these was scored from this rubric all the same.
   */
  readonly sameText?: readonly string[];
  readonly file: string;
}

/** A recognition level's place in the rubric's level order, highest first (0); a level not in it after all. */
export function levelRank(rubric: Pick<Rubric, "levelOrder">, level: string | undefined): number {
  const i = rubric.levelOrder.indexOf(level ?? "");
  return i < 0 ? rubric.levelOrder.length : i;
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

/** A gate's veto effect where it writes none: the unit is not ranked (and so holds no place). */
export const DEFAULT_VETO: VetoEffect = { ranked: false, placeEmpty: false };

/** Each gate's veto effect, by its code: its own, or the default. */
export function gateVetoes(rubric: Pick<Rubric, "lines">): ReadonlyMap<string, VetoEffect> {
  return new Map(rubric.lines.flatMap((l) => allItems(l.items)).flatMap((i) => (i.kind === "gate" ? [[i.code, i.veto ?? DEFAULT_VETO] as const] : [])));
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

/** The unit kind of a measure's code (an indicator or a target). */
export function measureOf(rubric: Rubric, code: string): Indicator | Target | undefined {
  return rubric.indicators.find((i) => i.code === code) ?? rubric.targets.find((t) => t.code === code);
}

/** Judged points a workbook cell holds for a leaf: judged and deducted items. */
export function isEntered(i: Item): i is JudgedItem {
  return i.kind === "judged" || i.kind === "deducted";
}
