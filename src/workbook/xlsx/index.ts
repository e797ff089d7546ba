// A fast, safe, low-level xlsx reader that does not use exceljs: checks the file (size, magic
// bytes, zip structure, zip bombs, CRCs, DOCTYPE) and returns sheets of raw cells, or exactly one
// error Diagnostic for a file-level problem. Never throws for bad input.
import type { Diagnostic } from "../../diagnostics/index.js";
import { CellProblems, ValueCache } from "./cells.js";
import { XlsxFailure } from "./fail.js";
import { findWorkbookPart, readWorkbook } from "./package.js";
import { readSheet } from "./sheet.js";
import { sniff } from "./sniff.js";
import { readSharedStrings } from "./strings.js";
import { readStyles } from "./styles.js";
import { DEFAULT_LIMITS, type RawSheet, type XlsxOptions, type XlsxResult } from "./types.js";
import { openZip } from "./zip.js";

export { DEFAULT_LIMITS } from "./types.js";
export type { CellValue, NumberFormat, RawBook, RawCell, RawSheet, RowSink, XlsxLimits, XlsxOptions, XlsxResult } from "./types.js";

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function failureDiagnostic(file: string, f: XlsxFailure): Diagnostic {
  const location = f.at ? { file, sheet: f.at.sheet, ...(f.at.cell !== undefined ? { cell: f.at.cell } : {}) } : { file };
  return { code: f.code, severity: "error", data: f.data, location };
}

/**
 * Reads an xlsx workbook from its bytes. A file-level problem gives no book and one error; cell-level
 * problems (bad number, bad shared-string index, over-long text) give the book without those cells
 * plus an error for each, located at the cell.
 */
export function readXlsx(file: string, bytes: Uint8Array, opts: XlsxOptions = {}): XlsxResult {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const wanted = opts.sheets ?? (() => true);
  try {
    const buf = toBuffer(bytes);
    sniff(buf, limits);
    const zip = openZip(buf, limits);
    const wb = readWorkbook(zip, findWorkbookPart(zip));
    const parse = wb.sheets.map((s) => s.part !== undefined && wanted(s.name));
    const any = parse.some(Boolean);
    const formats = any ? readStyles(zip, wb.styles) : [];
    const sst = any ? readSharedStrings(zip, wb.sharedStrings, limits.maxCells) : [];
    const problems = new CellProblems(file);
    const counter = { cells: 0 };
    const cache = new ValueCache();
    const sheets = wb.sheets.map((s, i): RawSheet => {
      const empty: RawSheet = { name: s.name, hidden: s.hidden, rows: [], hiddenRows: new Set(), merges: [] };
      if (!parse[i] || s.part === undefined) return empty;
      const sink = opts.rowSink?.({ name: s.name, hidden: s.hidden });
      const sheet = readSheet(zip, { name: s.name, hidden: s.hidden, part: s.part, sst, formats, date1904: wb.date1904, limits, problems, counter, cache, ...(sink ? { sink } : {}) });
      if (sink) {
        sink.end(sheet);
        return empty;
      }
      if (!opts.onSheet) return sheet;
      opts.onSheet(sheet);
      return empty;
    });
    return { book: { sheets }, diagnostics: problems.all() };
  } catch (e) {
    if (e instanceof XlsxFailure) return { diagnostics: [failureDiagnostic(file, e)] };
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { diagnostics: [{ code: "internal.error", severity: "error", data: { detail }, location: { file } }] };
  }
}
