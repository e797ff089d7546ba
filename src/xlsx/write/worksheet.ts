// Writes one worksheet part (SpreadsheetML) from a plain description, in chunks, so that a sheet of
// a million rows never sits in memory whole. Strings are inline (no shared-strings part to
// patch), XML-safe, and never formulas; style ids are indexes the caller got from the styles it
// added to the package.
import { escapeXml } from "../escape.js";
import { colName } from "../refs.js";

export type Value = string | number | null;

export interface WsRow {
  readonly cells: readonly Value[];
  /** Style id of each column's cell (0: the package's default); arrays are shared between rows. */
  readonly styles: readonly number[];
  /** Height in points (undefined: as the application decides). */
  readonly height?: number;
}

export interface Worksheet {
  /** Column widths, in characters. */
  readonly widths: readonly number[];
  /** Every row from row 1, titles and headers included. */
  readonly rows: Iterable<WsRow>;
  /** Rows and columns kept in view when scrolling. */
  readonly freeze?: { readonly rows: number; readonly cols: number };
  /** Ranges merged into one cell ("A1:H1"). */
  readonly merges?: readonly string[];
  /** The header row of a filtered table: the filter spans from it to the last row written. */
  readonly filterRow?: number;
  /** Pages across the columns may take when printed (1: fit to the page's width; 0: as they come). */
  readonly pagesWide: number;
  /**
   * Printed at this scale (percent) with a page break before each of these columns (0-based),
   * instead of fitted to `pagesWide`: spreadsheets ignore breaks of one's own on a sheet fitted to
   * the page.
   */
  readonly breaks?: { readonly scale: number; readonly before: readonly number[] };
  readonly landscape: boolean;
  /** The tab shown when the workbook opens. */
  readonly selected?: boolean;
  /** Leave out a cell's reference where it directly follows the one before it (very large sheets). */
  readonly compact?: boolean;
  /** The page footer, in SpreadsheetML's header/footer codes (&P page, &N pages). */
  readonly footer?: string;
  /**
   * The page header, in the same codes: the title, where the title rows are not printed (a table
   * printed several pages across cuts a merged title at the edge of its repeated columns).
   */
  readonly header?: string;
}

/**
 * A number as SpreadsheetML text. Our numbers are points (two decimals at most), shares and counts:
 * the integer path is fast, and two-decimal values are built from their hundredths, which is
 * several times faster than the general double-to-string conversion.
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

/** Excel's limit on a cell's text, in UTF-16 code units: a longer text makes the file one Excel repairs. */
export const MAX_CELL_TEXT = 32_767;

/** A text within Excel's limit: one longer (a note pasted whole into a claim's 说明) cut, with … at its end. */
function fitCell(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  // Not between the two halves of a character outside the BMP.
  let end = MAX_CELL_TEXT - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * One cell, or "" for an empty one without a style. ref is the cell's reference, or "" where the
 * cell directly follows the one written before it in its row and the sheet is compact: the
 * reference is optional there (ECMA-376 §18.3.1.4; the next column is meant).
 */
function cell(ref: string, value: Value, style: number): string {
  const r = ref ? ` r="${ref}"` : "";
  const s = style ? ` s="${style}"` : "";
  if (value === null || value === "") return style ? `<c${r}${s}/>` : "";
  if (typeof value === "number") return Number.isFinite(value) ? `<c${r}${s}><v>${numberText(value)}</v></c>` : "";
  const v = fitCell(value);
  // Leading/trailing spaces must survive: xml:space="preserve" where there are any.
  const space = isSpace(v.charCodeAt(0)) || isSpace(v.charCodeAt(v.length - 1)) ? ' xml:space="preserve"' : "";
  return `<c${r}${s} t="inlineStr"><is><t${space}>${escapeXml(v)}</t></is></c>`;
}

/** Rows per chunk yielded. Small on purpose: a chunk is a rope of strings that dies young, and
 * chunks of thousands of rows got promoted and cost seconds of garbage collection (measured). */
const CHUNK_ROWS = 16;

/** A worksheet without its rows: what a writer needs before and after them. */
export type SheetLayout = Omit<Worksheet, "rows">;

/** How every sheet we write begins. */
const SHEET_START = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

/**
 * Whether a sheet's XML is as we write it: our opening, and words in the cells themselves. A
 * workbook saved since by Excel, WPS or LibreOffice (every sheet's words moved to the shared
 * table, other namespaces) or by openpyxl (no declaration) is not.
 */
export function writtenAsOurs(xml: Uint8Array): boolean {
  const text = new TextDecoder().decode(xml);
  return text.startsWith(SHEET_START) && text.includes('t="inlineStr"');
}

/**
 * A worksheet's XML piece by piece: its head, each row in turn, then its tail (which closes the
 * filter over the rows written). The one writer of our worksheets, on whichever thread writes them.
 */
export class WorksheetWriter {
  private r = 0;
  private lastCol = 0;

  constructor(private readonly ws: SheetLayout) {}

  head(): string {
    const ws = this.ws;
    const freeze = ws.freeze && (ws.freeze.rows > 0 || ws.freeze.cols > 0) ? ws.freeze : undefined;
    const topLeft = freeze ? `${colName(freeze.cols + 1)}${freeze.rows + 1}` : "A1";
    const pane = freeze
      ? `<pane${freeze.cols ? ` xSplit="${freeze.cols}"` : ""}${freeze.rows ? ` ySplit="${freeze.rows}"` : ""} topLeftCell="${topLeft}" activePane="${freeze.cols && freeze.rows ? "bottomRight" : freeze.rows ? "bottomLeft" : "topRight"}" state="frozen"/>` +
        `<selection pane="${freeze.cols && freeze.rows ? "bottomRight" : freeze.rows ? "bottomLeft" : "topRight"}" activeCell="${topLeft}" sqref="${topLeft}"/>`
      : "";
    return (
      SHEET_START +
      (ws.pagesWide > 0 && !ws.breaks ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "") +
      `<sheetViews><sheetView${ws.selected ? ' tabSelected="1"' : ""} workbookViewId="0">${pane}</sheetView></sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      `<cols>${ws.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>` +
      "<sheetData>"
    );
  }

  /** The next row (row 1 first). */
  row(cells: readonly Value[], styles: readonly number[], height: number | undefined): string {
    const rn = String(++this.r);
    let out = "";
    // Compact: the column after the last cell written needs no reference. The first cell of a
    // row always has one (exceljs needs it there).
    let next = -1;
    const n = Math.max(cells.length, styles.length);
    for (let c = 0; c < n; c++) {
      const x = cell(this.ws.compact && c === next ? "" : colName(c + 1) + rn, cells[c] ?? null, styles[c] ?? 0);
      if (x) {
        out += x;
        next = c + 1;
      }
    }
    if (n > this.lastCol) this.lastCol = n;
    return height !== undefined ? `<row r="${rn}" ht="${height}" customHeight="1">${out}</row>` : `<row r="${rn}">${out}</row>`;
  }

  tail(): string {
    const { ws, r } = this;
    let tail = "</sheetData>";
    if (ws.filterRow !== undefined && r >= ws.filterRow) tail += `<autoFilter ref="A${ws.filterRow}:${colName(Math.max(1, this.lastCol))}${r}"/>`;
    if (ws.merges?.length) tail += `<mergeCells count="${ws.merges.length}">${ws.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`;
    return (
      tail +
      // A page header of two lines (title, subtitle) needs the room above the table.
      `<pageMargins left="0.4" right="0.4" top="${ws.header ? "0.85" : "0.5"}" bottom="0.55" header="0.25" footer="0.25"/>` +
      // Each sheet's pages numbered from 1 (printed with the whole workbook, the numbers would run on from the sheet before).
      // Printed several pages across: across, then down (a unit's later lines on the page after its
      // first, not a dozen pages on).
      `<pageSetup paperSize="9"${ws.breaks ? ` scale="${ws.breaks.scale}"` : ""} firstPageNumber="1"${ws.pagesWide > 1 || ws.breaks ? ` pageOrder="overThenDown"` : ""} orientation="${ws.landscape ? "landscape" : "portrait"}"${ws.pagesWide > 0 && !ws.breaks ? ` fitToWidth="${ws.pagesWide}" fitToHeight="0"` : ""} useFirstPageNumber="1"/>` +
      headerFooter(ws) +
      colBreaks(ws) +
      "</worksheet>"
    );
  }
}

/** Page breaks of one's own between columns (each before a 0-based column), where there are any. */
function colBreaks(ws: SheetLayout): string {
  const before = ws.breaks?.before ?? [];
  if (!before.length) return "";
  return `<colBreaks count="${before.length}" manualBreakCount="${before.length}">${before.map((c) => `<brk id="${c}" max="1048575" man="1"/>`).join("")}</colBreaks>`;
}

/** The page header and footer. */
function headerFooter(ws: SheetLayout): string {
  const header = ws.header ? `<oddHeader>${escapeXml(ws.header)}</oddHeader>` : "";
  const footer = ws.footer ? `<oddFooter>${escapeXml(ws.footer)}</oddFooter>` : "";
  return header || footer ? `<headerFooter>${header}${footer}</headerFooter>` : "";
}

/** A worksheet's XML in chunks of CHUNK_ROWS rows. */
export function* worksheetXml(ws: Worksheet): Generator<string> {
  const w = new WorksheetWriter(ws);
  yield w.head();
  let buf = "";
  let r = 0;
  for (const row of ws.rows) {
    buf += w.row(row.cells, row.styles, row.height);
    if (++r % CHUNK_ROWS === 0) {
      yield buf;
      buf = "";
    }
  }
  yield buf + w.tail();
}
