// What scoring gives: per unit its points (one integer per line and item, in the order of its
// kind's plan), ledger outcome, totals, ranks and awards; per ranking its order. Plain data,
// computed once: sheets, the report, explanations and JSON read it and never score again.
import type { Points, Rate } from "./numbers.js";
import type { CellAt, LedgerEntry } from "./submission.js";

/** Why a number is what it is: a message code and its data (rendered in the user's language). */
export interface Reason {
  readonly code: string;
  readonly data: Readonly<Record<string, string | number>>;
}

export interface LedgerResult {
  readonly entry: LedgerEntry;
  readonly kind: "bonus" | "deduction" | "single";
  readonly counted: boolean;
  /** Points this entry adds (bonus) or removes (deduction), ≥ 0; 0 when not counted. */
  readonly points: Points;
  /** The line or item code it is charged to (absent: the total). */
  readonly charged?: string;
  readonly reason: Reason;
}

/** A failed gate: the item, the value that failed it and the target it missed. */
export interface Veto {
  readonly gate: string;
  readonly gateName: string;
  readonly indicator: string;
  /** The indicator's name (出生政策符合率). */
  readonly indicatorName: string;
  readonly value: Rate;
  readonly target: Rate;
  /** The indicator's display unit ("%", "起"…). */
  readonly display: string;
  /** Lower is better: the value was above its target. */
  readonly lower: boolean;
  readonly at: CellAt;
}

/**
 * A better grade whose line a unit reached without being within its quota (places); `tied`: it was
 * tied at the quota's line, and the rubric gives the grade to none of those tied.
 */
export interface GradeCut {
  readonly grade: string;
  readonly quota: number;
  readonly tied?: boolean;
  /** Units given the band, where more than its quota (tied at its last place, all of them given it). */
  readonly given?: number;
  /** Places of the quota left empty, where units tied at its edge got none (ties: none): not passed on. */
  readonly unused?: number;
  /** Of a unit tied at the edge (tied): how many others were tied with it there. */
  readonly tiedWith?: number;
  /** A share quota of no place (quota 0) rounded half up (四舍五入), not down. */
  readonly round?: "nearest";
}

/** A prize, grade or sanction, on the ranking it was decided on (a veto on none). */
export type Award =
  /** `place`: the prize place, where vetoed units ahead passed theirs on (递补) and it differs from the rank. */
  | { readonly kind: "rank"; readonly ranking: string; readonly rankingName: string; readonly tier: string; readonly amount?: number; readonly place?: number }
  | {
      readonly kind: "grade";
      readonly ranking: string;
      readonly rankingName: string;
      readonly grade: string;
      /** Set by a veto (直接定为不合格); `atMost`: held down to the best the veto allows (不得高于合格). */
      readonly held?: boolean;
      readonly atMost?: boolean;
      /** Held by a gate that holds the grade alone (no one-vote veto): that gate. */
      readonly by?: { readonly gate: string; readonly gateName: string };
      readonly cut?: GradeCut;
      /** One of the units tied at the band's last place that all got it (ties: all): the quota, and how many got it. */
      readonly over?: { readonly quota: number; readonly given: number };
    }
  | {
      readonly kind: "single";
      readonly ranking: string;
      readonly rankingName: string;
      readonly code: string;
      readonly name: string;
      readonly amount?: number;
      readonly level: string;
      readonly basis: CellAt;
      /** One of the units tied at the last place of an award limited to `count` that all won it: the limit, and how many won. */
      readonly over?: { readonly count: number; readonly given: number };
    }
  | { readonly kind: "warning"; readonly ranking: string; readonly rankingName: string; readonly name: string; readonly reasons: readonly ("last" | "below")[]; readonly below?: Points; /** A ranking by a line or an item: its code and name, and the unit's score there. */ readonly of?: string; readonly score?: Points }
  | { readonly kind: "veto"; readonly gate: string; readonly gateName: string; readonly indicator: string; readonly indicatorName: string; readonly value: Rate; readonly target: Rate; readonly display: string; readonly lower: boolean };

/** A single-item award a vetoed unit's ledger recognizes, withheld by its veto: the award's name, the level, and the row. */
export interface WithheldAward {
  readonly ranking: string;
  readonly rankingName: string;
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly basis: CellAt;
}

/** What a relative item was scored against: the group's best value, or the unit's place. */
export interface RelativeBasis {
  readonly best?: number;
  /** The unit whose value is the best (the first of them, where several share it). */
  readonly holder?: string;
  readonly place?: number;
  /** Others of the group that count with the same value: the place shared (并列第 2 名). */
  readonly tied?: boolean;
  /** The group's name (or the unit kind's, without groups). */
  readonly group: string;
  /** The only unit of its group in the workbook: the best, and first, with no other to be compared with. */
  readonly alone?: boolean;
  /** Every unit of the group was vetoed: the vetoed ones set the best (or took the places) among themselves. */
  readonly amongVetoed?: boolean;
  /** Vetoed, where the rubric leaves vetoed units out: placed where its value stands, taking no place from the others. */
  readonly aside?: boolean;
  /**
   * Vetoed units left out (as the rubric says) whose values are better than the best (or than this
   * unit's value, by place): the best of them, and how many there are.
   */
  readonly leftOut?: { readonly unit: string; readonly value: number; readonly count: number };
}

/**
 * Where a unit stands while ledger claims are still pending: present only on a unit the pending
 * rows could change (its own total, a rank, an award); every other unit's standing is its result.
 */
export interface Certainty {
  /** Its lowest and highest total over every outcome of the pending rows. */
  readonly total: readonly [Points, Points];
  /** Ranking id → its best and worst rank, where these differ (elsewhere: its rank). */
  readonly ranks: Readonly<Record<string, readonly [number, number]>>;
  /**
   * Ranking id (of one with prizes) → its best and worst prize place, where these differ and it may
   * hold one: counted after vetoed units ahead that pass theirs on, as the tiers' places are.
   */
  readonly places?: Readonly<Record<string, readonly [number, number]>>;
  /** Its prize tiers, grade bands, yellow cards and single-item awards are the same whatever is decided (open is empty). */
  readonly settled: boolean;
  /** The awards the pending rows could still change (gain, lose or alter): each as its ranking and kind. */
  readonly open: readonly OpenAward[];
  /** The pending rows (their cells) that could change its rank or awards. */
  readonly pending: readonly CellAt[];
  /** Those of them that could change its awards: its own, and others' on the rankings where an award of its is open. */
  readonly awardClaims: readonly CellAt[];
}

/** Awards of one kind on one ranking: a rank prize, a grade, a single-item award or a yellow card. */
export interface OpenAward {
  readonly ranking: string;
  readonly kind: "rank" | "grade" | "single" | "warning";
  /** A single-item award's code (a ranking may give several: a claim to one leaves another settled). */
  readonly code?: string;
  /** The ranking's name, and a yellow card's own (黄牌警告): for saying what a unit could get. */
  readonly rankingName: string;
  readonly card?: string;
  /** A grade its own claims may move: the grades at its highest and at its lowest total, best first. */
  readonly grades?: readonly string[];
  /** A rank prize claims may bring or take: the tier at its best prize place (none there: it may lose its prize). */
  readonly tier?: string;
  /** And the tier at its worst prize place, null where none is there (it may end without a prize). */
  readonly worst?: string | null;
  /** Every tier its prize places may reach, best first, where they are more than one (一等奖 or 二等奖). */
  readonly tiers?: readonly string[];
}

/** The points a unit lacks for the next better prize tier, others unchanged. */
export interface Gap {
  readonly ranking: string;
  readonly rankingName: string;
  readonly tier: string;
  readonly points: Points;
  /** The points would take its ranking's line or item past its max: the tier is not to be had on it alone. */
  readonly beyond?: true;
  /**
   * Where the tie-breakers part it from the unit it must pass, level on the score: the key and both
   * values on it; behind there, it must pass the score by 0.01; `ahead`, level is enough.
   */
  readonly tie?: { readonly key: string; readonly own: Points; readonly theirs: Points; readonly units: { readonly names: readonly string[]; readonly count: number }; readonly ahead?: true };
}

/** What a unit lacks for a better grade than its own, in a ranking that grades. */
export interface GradeGap {
  readonly ranking: string;
  readonly rankingName: string;
  readonly grade: string;
  readonly points: Points;
  /** The grade's mark. */
  readonly from: Points;
  /**
   * Its quota taken by as many others that reach it: how many places, how many others reach it,
   * the lowest score within the places, which it must pass (or reach, where level is enough).
   */
  readonly quota?: { readonly count: number; readonly others: number; readonly score: Points; readonly pass: boolean; readonly tied: "tie-breakers" | "ties" };
}

export interface UnitResult {
  readonly name: string;
  readonly kind: string;
  readonly group?: string;
  readonly at: CellAt;
  /** Points of every line and item, in the order of the kind's plan (rubric/plan.ts). */
  readonly points: Int32Array;
  /** Line code → subtotal. */
  readonly subtotals: Readonly<Record<string, Points>>;
  readonly bonus: Points;
  readonly deduction: Points;
  /** Σ lines + bonus − deduction, floored at 0 (then floored is true). */
  readonly total: Points;
  readonly floored: boolean;
  readonly vetoed: boolean;
  readonly vetoes: readonly Veto[];
  /** Gates failed that hold its grade alone (grade_only: no one-vote veto); absent where none. */
  readonly holds?: readonly Veto[];
  readonly ledger: readonly LedgerResult[];
  /** Ranking id → rank, for the rankings of the unit's kind (and group); null when not ranked (vetoed). */
  readonly ranks: Readonly<Record<string, number | null>>;
  /** Ranking id → grade, for rankings with grades. */
  readonly grades: Readonly<Record<string, string>>;
  readonly awards: readonly Award[];
  /** A vetoed unit's single-item awards recognized in the ledger and not given (empty for the rest). */
  readonly withheld: readonly WithheldAward[];
  /**
   * What the ledger's rows charged to a line or item changed there (net, by code, after an item's
   * bounds: −2 charged to an item at 1 takes 1): already in `points`.
   */
  readonly charges: Readonly<Record<string, Points>>;
  /** Relative items' bases, by item code. */
  readonly relative: Readonly<Record<string, RelativeBasis>>;
  /** Present when pending ledger rows could change its total, a rank or an award. */
  readonly certainty?: Certainty;
  /**
   * In the first ranking with prizes it is in: what it lacks for the next better tier; null at the
   * top tier or when vetoed; absent when it is in no ranking with prizes.
   */
  readonly gap?: Gap | null;
  /**
   * In the first ranking with grades it is graded in: what it lacks for a better grade; null at the
   * best grade or where a veto sets or holds its grade; absent where it is graded in none.
   */
  readonly gradeGap?: GradeGap | null;
}

export interface RankingEntry {
  /** The unit's index in Results.units. */
  readonly unit: number;
  readonly rank: number | null;
  /** The value ranked on (a total, subtotal or item's points). */
  readonly value: Points;
}

export interface RankingResult {
  readonly id: string;
  readonly name: string;
  readonly unitKind: string;
  readonly group?: string;
  readonly by: string;
  /** Ranked units in rank order (ties in the one display order), then the unranked. */
  readonly entries: readonly RankingEntry[];
  /** Prize places vetoed units keep empty (奖次空缺), where there are any. */
  readonly emptied?: readonly EmptiedPlace[];
}

/**
 * A prize place a vetoed unit keeps empty (its veto's place: empty): the unit, the place (counted
 * after the units ahead that passed theirs on; units tied take as many places as they are) and the
 * tier it would have given; `shared`, where a unit tied with it holds the first of their places,
 * that place and its tier (the prize it would have shared).
 */
export interface EmptiedPlace {
  readonly unit: number;
  readonly place: number;
  readonly tier: string;
  readonly shared?: { readonly tier: string; readonly place: number };
}

export interface Results {
  /** How many ledger rows are pending (申报中): certainty is reported where there are any. */
  readonly pendingRows: number;
  readonly rubric: { readonly id: string; readonly version: string; readonly sha256: string; readonly title: string };
  readonly input: { readonly file: string; readonly sha256: string };
  /** In the submission's order. */
  readonly units: readonly UnitResult[];
  readonly rankings: readonly RankingResult[];
}
