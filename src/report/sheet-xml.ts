// Writes a result sheet (SheetSpec) as SpreadsheetML worksheet XML, in chunks, so that a sheet of
// a million rows never sits in memory whole. Strings are inline (no shared-strings part to
// patch), XML-safe, and never formulas.
import { xmlSafe } from "../workbook/sanitize.js";
import type { SheetSpec } from "./result-sheets.js";
import type { SheetStyles } from "../workbook/xlsx-write/new-package.js";
import { columnLetters } from "../workbook/model.js";


// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

export function escapeXml(s: string): string {
  // Nearly every string is plain: one test, and it is returned as it is.
  if (!NEEDS_WORK.test(s)) return s;
  return xmlSafe(s).replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** Width of text in spreadsheet column units: CJK and full-width characters count two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Column letters (cached by the reader's own table). */
const col = columnLetters;

/**
 * A number as SpreadsheetML text. Our numbers are points (two decimals at most) and counts: the
 * integer path is fast, and two-decimal values are built from their hundredths, which is several
 * times faster than the general double-to-string conversion.
 */
export function numberText(v: number): string {
  if (Number.isInteger(v)) return String(v);
  const h = Math.round(v * 100);
  if (Math.abs(v * 100 - h) > 1e-6 || !Number.isSafeInteger(h)) return String(v);
  const neg = h < 0 ? "-" : "";
  const a = Math.abs(h);
  const frac = a % 100;
  return `${neg}${(a - frac) / 100}.${frac % 10 === 0 ? frac / 10 : frac < 10 ? `0${frac}` : frac}`;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000;
}

/**
 * One cell, or "" for an empty one without a style. ref is the cell's reference, or "" where the
 * cell directly follows the one written before it in its row and the sheet is compact: the
 * reference is optional there (ECMA-376 §18.3.1.4; the next column is meant).
 */
function cell(ref: string, v: string | number | null, style: number): string {
  const r = ref ? ` r="${ref}"` : "";
  const s = style ? ` s="${style}"` : "";
  if (v === null || v === "") return style ? `<c${r}${s}/>` : "";
  if (typeof v === "number") return Number.isFinite(v) ? `<c${r}${s}><v>${numberText(v)}</v></c>` : "";
  // Leading/trailing spaces must survive: xml:space="preserve" where there are any.
  const space = isSpace(v.charCodeAt(0)) || isSpace(v.charCodeAt(v.length - 1)) ? ' xml:space="preserve"' : "";
  return `<c${r}${s} t="inlineStr"><is><t${space}>${escapeXml(v)}</t></is></c>`;
}

/** Rows per chunk yielded. Small on purpose: a chunk is a rope of strings that dies young, and
 * chunks of thousands of rows got promoted and cost seconds of garbage collection (measured). */
const CHUNK_ROWS = 16;

/** Sheets with more columns than this print across pages instead of shrinking to one width. */
export const WIDE = 16;

/**
 * Results of at least this many units are written compact: a cell directly after the one before
 * it in its row carries no reference. Excel, LibreOffice, exceljs and openpyxl read that (the
 * format allows it), but some readers people script with do not (ClosedXML, EPPlus, older
 * calamine) and WPS could not be tried here; so a district's results keep every reference, and
 * only a province's, where it saves a third of the bytes and of the time, leave them out.
 */
export const COMPACT_UNITS = 10_000;

export function* sheetXml(spec: SheetSpec, styles: SheetStyles, freezeCols = 2, compact = false): Generator<string> {
  const frozen = col(freezeCols + 1) + "2";
  const wide = spec.columns.length > WIDE;
  // Without a style of our own (the user's package) headers cannot wrap: columns fit them instead.
  const wraps = styles.header !== 0;
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    // Up to WIDE columns fit the page width; a wider sheet (the item matrix) prints across pages
    // at full size, its header row and unit column repeated (print titles), so it stays legible.
    (wide ? "" : '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>') +
    `<sheetViews><sheetView workbookViewId="0"><pane xSplit="${freezeCols}" ySplit="1" topLeftCell="${frozen}" activePane="bottomRight" state="frozen"/><selection pane="bottomRight" activeCell="${frozen}" sqref="${frozen}"/></sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${spec.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${wraps ? c.width : Math.max(c.width, displayWidth(c.header) + 2)}" customWidth="1"/>`).join("")}</cols>` +
    "<sheetData>" +
    `<row r="1" ht="${wraps ? (spec.headerHeight ?? 24) : 20}" customHeight="1">${spec.columns.map((c, i) => cell(`${col(i + 1)}1`, c.header, styles.header)).join("")}</row>`;
  let buf = "";
  let i = 0;
  for (const row of spec.rows) {
    const r = String(i + 2);
    const style = row.vetoed ? styles.vetoed : 0;
    let cells = "";
    // Compact: the column after the last cell written needs no reference. The first cell of a
    // row always has one (exceljs needs it there).
    let next = -1;
    for (let c = 0; c < row.cells.length; c++) {
      const x = cell(compact && c === next ? "" : col(c + 1) + r, row.cells[c] ?? null, style);
      if (x) {
        cells += x;
        next = c + 1;
      }
    }
    buf += `<row r="${r}">${cells}</row>`;
    if (++i % CHUNK_ROWS === 0) {
      yield buf;
      buf = "";
    }
  }
  yield buf;
  yield '</sheetData><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    (wide ? '<pageSetup paperSize="9" orientation="landscape"/>' : '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>') +
    '<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter></worksheet>';
}
