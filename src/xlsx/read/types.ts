// The public shapes of the low-level xlsx reader: limits, cell values, sheets and the result.
import type { Diagnostic } from "../../diagnostics/index.js";

export interface XlsxLimits {
  /** The file itself, in bytes. */
  maxFileBytes: number;
  /** Entries in the zip's central directory. */
  maxEntries: number;
  /** One entry, inflated (declared and counted while inflating). */
  maxEntryBytes: number;
  /** All entries together, inflated, as declared. */
  maxTotalInflatedBytes: number;
  /** Non-empty cells over all parsed sheets. */
  maxCells: number;
  /** One cell's text, in UTF-16 code units (Excel's own limit is 32,767). */
  maxStringLength: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: XlsxLimits = Object.freeze({
  maxFileBytes: 200 * MiB,
  maxEntries: 10_000,
  maxEntryBytes: 1024 * MiB,
  maxTotalInflatedBytes: 2048 * MiB,
  maxCells: 20_000_000,
  maxStringLength: 32_767,
});

/** An entry larger than this (inflated) must not inflate more than MAX_RATIO times its compressed size. */
export const RATIO_MIN_BYTES = MiB;
export const MAX_RATIO = 1000;

/**
 * How a cell's number format shows it: as a percentage (×100, then %), a date, as it is, as it is
 * with a % written after it ("shown-percent": 0.00"%" shows 95 as 95.00%), or scaled (0!.0000 or
 * #,##0, show another number than the one stored: 113500000 as 11350.0000). A percentage shown
 * with no decimal (0%, Excel's % button) or one (0.0%) is "percent-0" or "percent-1": what is seen
 * may be rounded from what is stored (0.9499 shows 95%).
 */
export type NumberFormat = "percent" | "percent-0" | "percent-1" | "date" | "general" | "general-0" | "general-1" | "general-2" | "general-3" | "shown-percent" | "scaled";

/** A format that shows the number as a percentage (×100, then %), with whatever decimals. */
export function isPercentFormat(fmt: NumberFormat): boolean {
  return fmt === "percent" || fmt === "percent-0" || fmt === "percent-1";
}

/**
 * A format that shows the number as it is: General, or with a fixed number of decimals ("general-0":
 * 0, #,##0; "general-1": 0.0; "general-2": 0.00, #,##0.00; "general-3": 0.000), which round what
 * they show (19.5 points show 20 under 0; a rate kept as a fraction, 0.9799, shows 0.98 under 0.00).
 */
export function isGeneralFormat(fmt: NumberFormat): boolean {
  return fmt === "general" || fmt === "general-0" || fmt === "general-1" || fmt === "general-2" || fmt === "general-3";
}

/** The decimals a format of fixed decimals shows a number with (undefined: General, as many as it has). */
export function shownDecimals(fmt: NumberFormat): number | undefined {
  return fmt === "general-0" ? 0 : fmt === "general-1" ? 1 : fmt === "general-2" ? 2 : fmt === "general-3" ? 3 : undefined;
}

/**
 * How a format rounds a rate it shows, where it shows fewer than its hundredths of a percent: to a
 * whole percentage or a tenth (`dp`), as a percentage (0%, 0.0%) or as a fraction (0.00, 0.000).
 */
export function roundedRate(fmt: NumberFormat): { readonly dp: 0 | 1; readonly fraction: boolean } | undefined {
  switch (fmt) {
    case "percent-0":
      return { dp: 0, fraction: false };
    case "percent-1":
      return { dp: 1, fraction: false };
    case "general-2":
      return { dp: 0, fraction: true };
    case "general-3":
      return { dp: 1, fraction: true };
    default:
      return undefined;
  }
}

/**
 * A cell's value. Treat it as read-only: equal short numbers, booleans and uses of one shared
 * string share one frozen object. Numbers with fmt "date" are 1900-system serials (1904 workbooks
 * are converted); strings keep their spaces and NBSP (the caller trims).
 */
export type CellValue =
  | { t: "n"; v: number; fmt: NumberFormat }
  | { t: "s"; v: string }
  | { t: "b"; v: boolean }
  | { t: "e"; v: string }
  | { t: "formula-no-result"; formula: string }
  /** A value the reader could not take (a bad number or shared-string index): already reported. */
  | { t: "refused" };

export interface RawCell {
  /** "C7" */
  readonly ref: string;
  /** 1-based. */
  readonly row: number;
  /** 1-based. */
  readonly col: number;
  readonly value: CellValue;
  /**
   * The cell had an <f> (also a shared-formula child): its value is the saved result, or
   * formula-no-result when none was saved (whose formula text is "" for a shared-formula child).
   */
  readonly formula: boolean;
  /** Its font is struck through (划掉). */
  readonly struck?: boolean;
}

export interface RawSheet {
  name: string;
  /** state="hidden" or "veryHidden" in workbook.xml. */
  hidden: boolean;
  /** state="veryHidden": not listed by Excel's Unhide. */
  veryHidden?: true;
  /** Only non-empty rows, in row order; each row's cells in column order. */
  rows: RawCell[][];
  hiddenRows: Set<number>;
  /** "A1:B2" */
  merges: string[];
  /** The sheet's tab is selected (tabSelected on its view). */
  selected?: boolean;
  /** Hidden columns, as pairs of first and last column numbers. */
  hiddenCols?: readonly number[];
  /** Rows that are an Excel Table's total row (汇总行). */
  totalRows?: readonly number[];
}

/** A non-empty row as the reader pulls it: its cells in column order, one per column. */
export interface RawRow {
  readonly cells: RawCell[];
  /** The row is hidden (hidden="1" on its element). */
  readonly hidden: boolean;
}

/** A sheet's rows as they are pulled, and what is known of the sheet once they all are. */
export interface PulledSheet extends Iterable<RawRow> {
  /** Merged ranges ("A1:B2"). */
  readonly merges: readonly string[];
  /** The sheet's tab is selected. */
  readonly selected: boolean;
  /** Row numbers hidden. */
  readonly hiddenRows: ReadonlySet<number>;
  /** Hidden columns, as pairs of first and last column numbers. */
  readonly hiddenCols?: readonly number[];
}

export interface RawBook {
  /** In workbook order. */
  sheets: RawSheet[];
}

export interface XlsxResult {
  book?: RawBook;
  diagnostics: Diagnostic[];
}
