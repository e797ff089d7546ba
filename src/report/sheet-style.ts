// How the result sheets look: the cell styles they use (appended to the user's own styles, or to
// ours in a results-only package), widths measured from content, and header heights for wrapped
// text. The palette follows the September report's, so a sheet and the report read alike.
import { linesIn } from "../model/width.js";
import type { CellStyle } from "../xlsx/write/styles.js";

const FONT = "等线";
const THIN = { style: "thin", color: "FFA6A6A6" } as const;
const HEADER_FILL = "FFDDEBF7";
const SUBTOTAL_FILL = "FFF2F2F2";
const VETO_FILL = "FFFCE4E4";
const VETO_COLOR = "FFC00000";
const PRIZE_FILL = "FFE2EFDA";
const WARNING_FILL = "FFFFF2CC";

/** What a column holds: how it is aligned, formatted and set apart. */
export type ColumnKind = "rank" | "name" | "text" | "wrap" | "points" | "subtotal" | "share" | "money" | "cell";
/** How a row is set apart. */
export type RowKind = "normal" | "vetoed";
/** A cell marked within its row: a prize or a yellow card in the awards column. */
export type Mark = "prize" | "warning";

const KINDS: readonly ColumnKind[] = ["rank", "name", "text", "wrap", "points", "subtotal", "share", "money", "cell"];
const ROWS: readonly RowKind[] = ["normal", "vetoed"];

/**
 * Points with two decimals, right-aligned, so that a column's decimal points line up (98.00 over
 * 94.04, not 98 over 94.04 centred): points are exact to 0.01, and a printed table says so alike.
 */
export const POINTS_FORMAT = "0.00";

/**
 * A points column's width: its widest number with two decimals (1008.00), a digit 1.1 column
 * units (1.25 bold: a font standing in for 等线 prints them wider than one), and a margin: at one
 * unit a digit, 100.00 ran into the number beside it.
 */
export function pointsWidth(most: number, bold = false): number {
  const chars = String(Math.trunc(Math.abs(most))).length + (most < 0 ? 1 : 0) + 3;
  return Math.ceil(chars * (bold ? 1.25 : 1.1)) + 1;
}

/** A share column's width (100.00%, measured as body text is, and a margin): at 8, LibreOffice printed ###. */
export const SHARE_WIDTH = 10;

/**
 * The width of a column of these points, at least `least`: the widest is that of the largest or
 * the smallest (a number's width grows with its size, and a sign), so only those two are measured.
 */
export function pointsColumnWidth(points: Iterable<number>, bold: boolean, least: number): number {
  let most = Number.NEGATIVE_INFINITY;
  let fewest = Number.POSITIVE_INFINITY;
  for (const p of points) {
    if (p > most) most = p;
    if (p < fewest) fewest = p;
  }
  return most < fewest ? least : Math.max(least, pointsWidth(most, bold), pointsWidth(fewest, bold));
}

function body(kind: ColumnKind, row: RowKind): CellStyle {
  const numeric = kind === "points" || kind === "subtotal" || kind === "share" || kind === "money";
  return {
    font: { name: FONT, size: 10.5, ...(kind === "subtotal" ? { bold: true } : {}), ...(row === "vetoed" && kind === "rank" ? { color: VETO_COLOR, bold: true } : {}) },
    ...(row === "vetoed" ? { fill: VETO_FILL } : kind === "subtotal" ? { fill: SUBTOTAL_FILL } : {}),
    border: THIN,
    ...(kind === "share" ? { numFmt: "0.00%" } : kind === "money" ? { numFmt: "#,##0" } : kind === "points" || kind === "subtotal" ? { numFmt: POINTS_FORMAT } : {}),
    align: { horizontal: kind === "rank" ? "center" : numeric ? "right" : "left", vertical: "center", ...(kind === "wrap" || kind === "name" ? { wrap: true } : {}), ...(kind === "rank" || numeric ? {} : { indent: 1 }) },
  };
}

function header(kind: ColumnKind): CellStyle {
  const numeric = kind !== "name" && kind !== "text" && kind !== "wrap" && kind !== "cell";
  return {
    font: { name: FONT, size: 10.5, bold: true },
    fill: kind === "subtotal" ? "FFBDD7EE" : HEADER_FILL,
    border: THIN,
    align: { horizontal: numeric ? "center" : "left", vertical: "center", wrap: true, ...(numeric ? {} : { indent: 1 }) },
  };
}

/** Every style the result sheets use, and where each is in that list. */
const SUBTITLE: CellStyle = { font: { name: FONT, size: 10, color: "FF595959" }, align: { vertical: "center" } };

export const SHEET_STYLES: readonly CellStyle[] = [
  { font: { name: FONT, size: 14, bold: true }, align: { vertical: "center" } },
  SUBTITLE,
  ...KINDS.map(header),
  ...ROWS.flatMap((r) => KINDS.map((k) => body(k, r))),
  { ...body("wrap", "normal"), fill: PRIZE_FILL },
  { ...body("wrap", "normal"), fill: WARNING_FILL },
  { ...body("wrap", "vetoed"), font: { name: FONT, size: 10.5, color: VETO_COLOR } },
  // A subtitle of two lines (the rubric, then what pending claims mean).
  { ...SUBTITLE, align: { vertical: "center", wrap: true } },
];

export const STYLE_TITLE = 0;
export const STYLE_SUBTITLE = 1;
const HEADER_AT = 2;
const BODY_AT = HEADER_AT + KINDS.length;
const MARK_AT = BODY_AT + ROWS.length * KINDS.length;
export const STYLE_SUBTITLE_LINES = MARK_AT + 3;

/** Positions in SHEET_STYLES, turned into the package's style ids when the sheet is written. */
export function headerStyle(kind: ColumnKind): number {
  return HEADER_AT + KINDS.indexOf(kind);
}

export function bodyStyle(kind: ColumnKind, row: RowKind): number {
  return BODY_AT + ROWS.indexOf(row) * KINDS.length + KINDS.indexOf(kind);
}

export function markStyle(mark: Mark | "veto"): number {
  return MARK_AT + (mark === "prize" ? 0 : mark === "warning" ? 1 : 2);
}

/**
 * A heading on two lines, broken before its bracket (扣分 / (计入总分)) rather than wherever the
 * spreadsheet would wrap it (a lone bracket on the second line); one without a bracket as it is.
 */
export function breakBeforeBracket(heading: string): string {
  return heading.replace(/ ?([(（])/u, "\n$1");
}

/** A header row's height in points for its wrapped headers. */
export function headerHeight(headers: readonly string[], widths: readonly number[]): number {
  const lines = Math.max(1, ...headers.map((h, i) => linesIn(h, widths[i] ?? 10)));
  return Math.round(lines * 14 + 6);
}
