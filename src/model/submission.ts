// What is assessed: the units, what each entered (with the cell it came from), the ledger of
// bonus and deduction events, and the cover. The workbook reader makes it; the engine scores it;
// tests build it in memory. Points and measured values are integers (see numbers.ts).
import type { Points } from "./numbers.js";

/** Where a value came from: SHEET!CELL. */
export interface CellAt {
  readonly sheet: string;
  readonly cell: string;
}

export interface Cover {
  readonly rubricId?: string;
  readonly rubricVersion?: string;
  readonly year?: string;
  readonly district?: string;
  /** The rubric id's cell. */
  readonly at?: CellAt;
  /** The rubric version's cell. */
  readonly versionAt?: CellAt;
  /** The date the version's cell shows where it is a date (2022.1 typed where Excel takes it for one): no version. */
  readonly versionDated?: string;
  /** The cells of the year and of the district, where the cover has their labels. */
  readonly yearAt?: CellAt;
  readonly districtAt?: CellAt;
}

export interface Unit {
  readonly name: string;
  /** The rubric's unit kind id (town, department…). */
  readonly kind: string;
  /** The kind's group the unit belongs to (乡镇组, 街道组…), where the rubric has groups. */
  readonly group?: string;
  /** The name cell on the unit's first line sheet. */
  readonly at: CellAt;
}

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
  /** The row's code cell. */
  readonly at: CellAt;
}

/**
 * What units entered, by unit (its index in Submission.units) and code (a judged item, an
 * indicator or a target): a number, and the cell it came from. A code's values sit in a slot,
 * looked up once, so that scoring a province reads numbers and never builds a cell address it does
 * not show.
 */
export interface Values {
  /** The slot of a code's values, or undefined when nothing was entered for it. */
  slot(code: string): number | undefined;
  /** Unit u's value at a slot, or undefined when it entered none. */
  get(u: number, slot: number): number | undefined;
  /** The cell unit u's value at a slot came from. */
  at(u: number, slot: number): CellAt | undefined;
}

export interface Submission {
  readonly file: string;
  readonly sha256: string;
  readonly cover: Cover;
  /** Units in the order they first appear. */
  readonly units: readonly Unit[];
  readonly values: Values;
  readonly ledger: readonly LedgerEntry[];
  /**
   * Each line sheet's 分组 column (its letters), where it has one. A unit's group is read beside
   * its name cell (Unit.at) where that sheet has the column; kept per sheet, not per unit.
   */
  readonly groupColumns?: ReadonlyMap<string, string>;
}

/** Chinese digits as a year is written in documents (二〇二六, 二零二六). */
const HAN_DIGITS: Readonly<Record<string, string>> = { "〇": "0", 零: "0", 一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9" };

/** A cover's year as compared: 2026, ２０２６, 二〇二六, 2026年 and 2026年度 are one. */
export function coverYear(text: string | undefined): string {
  const year = (text ?? "").normalize("NFKC").trim().replace(/\s*(年度|年)$/, "");
  return /^[〇零一二三四五六七八九]{4}$/.test(year) ? [...year].map((c) => HAN_DIGITS[c] ?? c).join("") : year;
}

/** The cell a unit's group was read from, where it is known; else its name cell. */
export function groupCellOf(sub: Submission, u: Unit): CellAt {
  const col = sub.groupColumns?.get(u.at.sheet);
  const row = /\d+$/.exec(u.at.cell)?.[0];
  return col !== undefined && row !== undefined ? { sheet: u.at.sheet, cell: `${col}${row}` } : u.at;
}

/** A unit's value for a code, or undefined (one lookup of the slot: fine outside hot loops). */
export function valueOf(values: Values, u: number, code: string): number | undefined {
  const slot = values.slot(code);
  return slot === undefined ? undefined : values.get(u, slot);
}

/** A unit's cell for a code, or undefined. */
export function cellOf(values: Values, u: number, code: string): CellAt | undefined {
  const slot = values.slot(code);
  return slot === undefined ? undefined : values.at(u, slot);
}

/** Values held in maps: for tests and small submissions built in memory. */
export class MapValues implements Values {
  private readonly slots = new Map<string, number>();
  private readonly data: Map<number, { value: number; at: CellAt }>[] = [];

  set(u: number, code: string, value: number, at: CellAt): this {
    let slot = this.slots.get(code);
    if (slot === undefined) {
      slot = this.data.length;
      this.slots.set(code, slot);
      this.data.push(new Map());
    }
    this.data[slot]?.set(u, { value, at });
    return this;
  }

  slot(code: string): number | undefined {
    return this.slots.get(code);
  }

  get(u: number, slot: number): number | undefined {
    return this.data[slot]?.get(u)?.value;
  }

  at(u: number, slot: number): CellAt | undefined {
    return this.data[slot]?.get(u)?.at;
  }
}
