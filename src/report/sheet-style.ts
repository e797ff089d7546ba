// How the result sheets look: the cell styles they use (appended to the user's own styles, or to
// ours in a results-only package), widths measured from content, and header heights for wrapped
// text. The palette follows the September report's, so a sheet and the report read alike.
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
 * A points column's width: its widest number with two decimals (1008.00; bold a little wider),
 * measured as body text is (a digit 1.2 units where the body's font is not there and a wider one
 * prints it), and a margin: at one unit a digit, 100.00 ran into the number beside it.
 */
export function pointsWidth(most: number, bold = false): number {
  const chars = String(Math.trunc(Math.abs(most))).length + (most < 0 ? 1 : 0) + 3;
  return Math.ceil(chars * (bold ? 1.25 : 1.1)) + 1;
}

/** A share column's width (100.00%, measured as body text is, and a margin): at 8, LibreOffice printed ###. */
export const SHARE_WIDTH = 10;

/** The width of a column of these points (a province's: no spread of its values), at least `least`. */
export function pointsColumnWidth(points: Iterable<number>, bold: boolean, least: number): number {
  let width = least;
  for (const p of points) width = Math.max(width, pointsWidth(p, bold));
  return width;
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

/**
 * Lines wrapped body text takes in a column of `width` units (one line at least), wrapped as a
 * spreadsheet wraps it: a line may end after a space or beside a CJK character, never inside a
 * Latin word or number (93.5%). At the body's 10.5 points a CJK character takes 2 of the column
 * unit (the width of a digit of the workbook's default font at 11 points, Calibri in a workbook
 * our template made: Excel, and LibreOffice with its metric twin Carlito); a Latin letter or
 * digit about 1.05 where the body's font (等线) is there, 1.2 where it is not and LibreOffice's
 * stand-in (DejaVu Sans) prints it, so 1.2, a space 0.6: measured at 1.8 and 1, a basis like
 * "ZB1 实际 93.5%,目标 95%" was estimated at one line and printed on two.
 */
export function linesIn(text: string, width: number): number {
  const usable = Math.max(1, width - 1.5);
  // Text that fits even were every character wide needs no measuring (most cells).
  if (text.length * 2 <= usable && text.indexOf("\n") < 0) return 1;
  return text.split("\n").reduce((n, part) => n + wrappedLines(part, usable), 0);
}

/** Column units a character takes in body text (as linesIn measures it). */
function charUnits(c: number): number {
  return c >= 0x2e80 ? 2 : c === 0x20 ? 0.6 : 1.2;
}

/** Column units body text takes on one line (as linesIn measures it): what a column must hold to show it unwrapped. */
export function textUnits(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    w += charUnits(c);
  }
  return w;
}

/** Lines one paragraph takes wrapped greedily at `usable` units (a word longer than a line broken where it must). */
function wrappedLines(part: string, usable: number): number {
  let lines = 1;
  let line = 0;
  let word = 0;
  const place = (): void => {
    if (line > 0 && line + word > usable) {
      lines++;
      line = 0;
    }
    // A word wider than a whole line takes lines of its own.
    while (word > usable) {
      word -= usable;
      lines++;
    }
    line += word;
    word = 0;
  };
  for (let i = 0; i < part.length; i++) {
    const c = part.charCodeAt(i);
    // A surrogate pair is one character (counted at its high half).
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    const w = charUnits(c);
    if (c >= 0x2e80) {
      // A CJK character is a word of its own.
      place();
      word = w;
      place();
    } else if (c === 0x20) {
      // A space ends a word; at a line's end it takes no room.
      place();
      if (line > 0 && line + w <= usable) line += w;
    } else word += w;
  }
  place();
  return lines;
}

/** A header row's height in points for its wrapped headers. */
export function headerHeight(headers: readonly string[], widths: readonly number[]): number {
  const lines = Math.max(1, ...headers.map((h, i) => linesIn(h, widths[i] ?? 10)));
  return Math.round(lines * 14 + 6);
}
