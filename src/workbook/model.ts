// The submission: what the input workbook says, typed, every value keeping the cell it came from.
// The reader makes it; the engine scores it. Points and rates are integers (see rubric/model.ts).
import type { MeasuredItem, Points, Rate, Rubric, UnitKindId } from "../rubric/model.js";
import { colName as columnLetters } from "./xlsx/refs.js";

/** Where a value came from: SHEET!CELL. */
export interface Src {
  readonly sheet: string;
  readonly cell: string;
}

export interface Cover {
  readonly rubricId?: string;
  readonly rubricVersion?: string;
  readonly year?: string;
  readonly district?: string;
  /** The rubric id's cell. */
  readonly at?: Src;
  /** The rubric version's cell. */
  readonly versionAt?: Src;
}

export interface Unit {
  readonly name: string;
  readonly kind: UnitKindId;
  /** The name cell on the unit's first line sheet. */
  readonly at: Src;
}

export interface Entered<T> {
  readonly value: T;
  readonly at: Src;
}

/**
 * An entered value that computes its SHEET!CELL only when asked: millions of these make a
 * province's submission, and most addresses are never shown.
 */
export class EnteredCell<T> implements Entered<T> {
  constructor(
    readonly value: T,
    private readonly sheet: string,
    private readonly row: number,
    private readonly col: number,
  ) {}
  get at(): Src {
    return { sheet: this.sheet, cell: `${columnLetters(this.col)}${this.row}` };
  }
}

export { colName as columnLetters } from "./xlsx/refs.js";

export interface LedgerEntry {
  /** The spreadsheet row, for messages and explanations. */
  readonly row: number;
  readonly sheet: string;
  readonly unit: string;
  readonly code: string;
  readonly count: number;
  readonly level?: string;
  /** Points entered per entry (codes with a range: KF3). */
  readonly points?: Points;
  readonly status: string;
  /** 未如实上报 (KF5): doubles the deduction. */
  readonly flagged: boolean;
  readonly note: string;
  readonly evidence: string;
  readonly at: Src;
}

/** A unit's entered values by item or rate code. A Map of Entered values is one; the reader uses a
 * compact table. */
export interface UnitValues<T> {
  get(code: string): Entered<T> | undefined;
  /** The value alone, without building an Entered (the compact table has it; a Map has not). */
  numberOf?(code: string): T | undefined;
}

/** A value alone, without building its cell address where the table can (most are never shown). */
export function valueOf<T>(values: UnitValues<T> | undefined, code: string): T | undefined {
  if (!values) return undefined;
  return values.numberOf ? values.numberOf(code) : values.get(code)?.value;
}

/** A measured item's target for a unit: fixed by the rubric, entered by the unit, or the rubric's default. */
export function targetValue(rubric: Rubric, item: MeasuredItem, rates: UnitValues<Rate> | undefined): Rate | undefined {
  const target = item.target;
  if ("value" in target) return target.value;
  return valueOf(rates, target.ref) ?? rubric.targets.find((t) => t.code === target.ref)?.default;
}

export interface Submission {
  readonly file: string;
  readonly sha256: string;
  readonly cover: Cover;
  /** Units in the order they first appear. */
  readonly units: readonly Unit[];
  /** unit name → item code → points entered (judged leaves). */
  readonly scores: ReadonlyMap<string, UnitValues<Points>>;
  /** unit name → indicator or target code → rate entered. */
  readonly rates: ReadonlyMap<string, UnitValues<Rate>>;
  readonly ledger: readonly LedgerEntry[];
}
