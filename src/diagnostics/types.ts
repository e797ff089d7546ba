// The one Diagnostic shape every part of assess reports problems in: a code from the message
// catalog, its data, a severity and where the problem is (a rubric line or a workbook cell).

export type Severity = "error" | "warning";

export type DataValue = string | number;
export type DiagnosticData = Readonly<Record<string, DataValue>>;

/** FILE:LINE:COL in a text file (the rubric). Lines and columns count from 1. */
export interface TextLocation {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** FILE plus SHEET!CELL in a workbook; cell is absent when the whole sheet is meant. */
export interface CellLocation {
  readonly file: string;
  readonly sheet: string;
  readonly cell?: string;
}

/** The file as a whole (empty, not a zip, too large...). */
export interface FileLocation {
  readonly file: string;
}

export type Location = TextLocation | CellLocation | FileLocation;

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly data: DiagnosticData;
  readonly location?: Location;
  /** The unit whose row the cell is on, where the message does not name it. */
  readonly unit?: string;
  /** The item's (or indicator's) code whose column the cell is in (shown where the message does not name it). */
  readonly item?: string;
}

export function isTextLocation(l: Location): l is TextLocation {
  return "line" in l;
}

export function isCellLocation(l: Location): l is CellLocation {
  return "sheet" in l;
}

/** Errors first, then warnings; within each, the order they were found. */
export function sortDiagnostics(diags: readonly Diagnostic[]): Diagnostic[] {
  // A later version beside the workbook may explain its errors (filled in on the new form, the
  // cover's version left as last year's): said first where there are any.
  const errors = diags.some((d) => d.severity === "error");
  const headline = (d: Diagnostic): boolean => HEADLINES.has(d.code) || (errors && LATER_VERSION.has(d.code));
  const first = diags.filter(headline);
  const rest = diags.filter((d) => !headline(d));
  return [...first, ...rest.filter((d) => d.severity === "error"), ...rest.filter((d) => d.severity === "warning")];
}

/**
 * Problems said before all others, whatever their severity, as they may explain the rest: a
 * workbook scored under another rubric than its cover names, or under the one its headers fit best
 * where it has no cover (every cell that does not fit that rubric follows).
 */
const HEADLINES: ReadonlySet<string> = new Set(["workbook.cover-rubric-mismatch", "workbook.no-cover", "workbook.no-cover-own", "web.no-cover", "web.no-cover-own", "workbook.cover-blank-id", "workbook.cover-blank-id-own", "web.cover-blank-id", "web.cover-blank-id-own"]);

/** A later version of the rubric beside the workbook (or chosen on the page). */
const LATER_VERSION: ReadonlySet<string> = new Set(["rubric.newer-beside", "web.newer-chosen"]);

/** A stable id for a diagnostic's place, for tests and JSON: "FILE:LINE:COL", "FILE: SHEET!CELL" or "FILE". */
export function formatLocation(l: Location): string {
  if (isTextLocation(l)) return `${l.file}:${l.line}:${l.col}`;
  if (isCellLocation(l)) return `${l.file}: ${cellRef(l.sheet, l.cell)}`;
  return l.file;
}

/** Sheet names with spaces or punctuation are quoted the way Excel writes references. */
export function quoteSheet(sheet: string): string {
  let q = quoted.get(sheet);
  if (q === undefined) {
    // Letters, digits, _ and . need no quotes, unless the name starts with a digit or reads as a
    // cell reference (A1, R1C1).
    const plain = /^[\p{L}\p{N}_.]+$/u.test(sheet) && !/^\d|^[A-Za-z]{1,3}\d+$|^[Rr]\d*[Cc]\d*$/.test(sheet);
    q = plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
    // A workbook has a few dozen sheets; the cache stays small whatever comes.
    if (quoted.size < 256) quoted.set(sheet, q);
  }
  return q;
}

/** Sheet names as quoted, by name (notes of a province name the same few sheets many times). */
const quoted = new Map<string, string>();

/** SHEET!CELL the way Excel writes a reference (the sheet alone without a cell): the one place. */
export function cellRef(sheet: string, cell?: string): string {
  return cell ? `${quoteSheet(sheet)}!${cell}` : quoteSheet(sheet);
}
