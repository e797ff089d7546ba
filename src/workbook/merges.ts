// Merged cells over the cells a form's rows are read from. A merged range keeps its value in its
// first cell alone: the others read as blank though the user sees the value across them (是
// merged over two claims flags one of them). Said at the range, never read as the user sees it.
import type { Diagnostic, Problems } from "../diagnostics/index.js";
import { colName } from "../xlsx/refs.js";

/** Rows and columns of a form's data: rows `from`..`to`, the columns read. */
export interface DataArea {
  readonly from: number;
  readonly to: number;
  readonly cols: ReadonlySet<number>;
}

/** A range of cells, its first and last rows and columns. */
interface Range {
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

/** A1 or A1:C3 → its first and last row and column; undefined for anything else. */
function rangeOf(ref: string): Range | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.trim().toUpperCase());
  if (!m) return undefined;
  const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const c1 = col(m[1] ?? "A");
  const r1 = Number(m[2]);
  const c2 = m[3] ? col(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}

/** Ranges of `merges` that lie on `row` and span more than one column (a header merged over two items). */
export function acrossRow(merges: readonly string[], row: number): string[] {
  return merges.filter((m) => {
    const r = rangeOf(m);
    return r !== undefined && r.r1 <= row && row <= r.r2 && r.c2 > r.c1;
  });
}

/** A merged range's first and last columns (B1:C1 → 2 and 3), or undefined. */
export function columnsOf(range: string): { first: number; last: number } | undefined {
  const r = rangeOf(range);
  return r ? { first: r.c1, last: r.c2 } : undefined;
}

/** A cell's row and column (B3), or undefined. */
export function cellAt(ref: string): { row: number; col: number } | undefined {
  const r = rangeOf(ref);
  return r && r.r1 === r.r2 && r.c1 === r.c2 ? { row: r.r1, col: r.c1 } : undefined;
}

/** Problems of blank cells, which a merged range over them explains (its error is said instead). */
export const BLANK_UNDER_MERGE: ReadonlySet<string> = new Set(["workbook.missing-unit-name", "workbook.missing-unit-name-shifted", "workbook.group-blank", "workbook.group-blank-name", "workbook.blank-points", "workbook.blank-deduction", "workbook.blank-rate", "workbook.blank-amount", "workbook.blank-quantity", "workbook.missing-target", "workbook.ledger-blank", "workbook.ledger-blank-status"]);

/**
 * The merges over a form's data said (checkMerges), a merge of blank cells too where those cells
 * were said to be blank (BLANK_UNDER_MERGE, found among what `p` holds for the sheet): then the
 * merge is said, and each blank under it taken back. To be called once the blanks are said.
 */
export function mergesOverData(p: Problems, sheet: string, merges: readonly string[], area: DataArea, filled: (row: number, col: number) => boolean): void {
  const blanks = new Map<string, Diagnostic>();
  for (const d of p.list) {
    const loc = d.location;
    if (!BLANK_UNDER_MERGE.has(d.code) || !loc || !("sheet" in loc) || loc.sheet !== sheet || !loc.cell) continue;
    blanks.set(loc.cell, d);
  }
  // What each merge leaves blank, by whose cell it is (F3 东湖街道 DZ3.4): a clerk looks for a unit, not a range.
  const under = (r: Range): string => {
    const said: string[] = [];
    for (const [ref, d] of blanks) {
      const cell = cellAt(ref);
      if (!cell || !within(r, cell) || (cell.row === r.r1 && cell.col === r.c1)) continue;
      // (A target's blank names its unit in its data, not as the diagnostic's unit.)
      const unit = d.unit ?? (typeof d.data.unit === "string" ? d.data.unit : "");
      said.push([ref, unit, typeof d.data.code === "string" ? d.data.code : ""].filter((x) => x !== "").join(" "));
    }
    return said.length > UNDER_SAID ? `${said.slice(0, UNDER_SAID).join("、")}…` : said.join("、");
  };
  const merged = checkMerges(p, sheet, merges, area, filled, (row, col) => blanks.has(`${colName(col)}${row}`), under);
  if (!merged.length) return;
  const gone = new Set<Diagnostic>();
  for (const [ref, d] of blanks) {
    const cell = cellAt(ref);
    if (cell && merged.some((r) => within(r, cell))) gone.add(d);
  }
  if (gone.size) p.withdraw(gone);
}

/** Blank cells under a merge named, at most. */
const UNDER_SAID = 3;

function within(r: Range, cell: { row: number; col: number }): boolean {
  return r.r1 <= cell.row && cell.row <= r.r2 && r.c1 <= cell.col && cell.col <= r.c2;
}

/** Whether any read cell of rows `from` to `to` holds something. */
function rowsHold(area: DataArea, filled: (row: number, col: number) => boolean, from: number, to: number): boolean {
  for (let row = from; row <= to; row++) for (const c of area.cols) if (filled(row, c)) return true;
  return false;
}

/**
 * Each merged range that covers a read cell of the data area and shows a value (its first cell is
 * `filled`), or that comes down over it from above (a header merged over the rows), or whose blank
 * cells are each said to be filled in (`blank`: a clerk who types into the merge fills its first
 * cell alone, and is told of the rest again): an error at its first cell. A merge of blank cells
 * that may stay blank misleads nobody. Gives the ranges said.
 */
export function checkMerges(p: Problems, sheet: string, merges: readonly string[], area: DataArea, filled: (row: number, col: number) => boolean, blank: (row: number, col: number) => boolean = () => false, under: (r: Range) => string = () => ""): Range[] {
  const said: Range[] = [];
  if (area.to < area.from) return said;
  for (const ref of merges) {
    const r = rangeOf(ref);
    if (!r || (r.r1 === r.r2 && r.c1 === r.c2)) continue;
    if (r.r2 < area.from || r.r1 > area.to) continue;
    // A heading merged down over a second header row (部门's headings over both rows of a two-row
    // header, nothing of a unit's there): a heading, hiding nothing.
    if (r.r1 < area.from && !rowsHold(area, filled, area.from, Math.min(r.r2, area.to))) continue;
    let read = false;
    for (let c = r.c1; c <= r.c2 && !read; c++) read = area.cols.has(c);
    // A merge from the header down over the rows (A1:K61) hides them whatever its first cell holds:
    // the values under it are read though no one sees them.
    if (!read || (!filled(r.r1, r.c1) && r.r1 >= area.from && !blank(r.r1, r.c1))) continue;
    const first = `${colName(r.c1)}${r.r1}`;
    // A merge of blank cells (said where its blanks were): nothing in its first cell either.
    const empty = !filled(r.r1, r.c1) && r.r1 >= area.from;
    const blanks = under(r);
    p.error(empty ? "workbook.merged-blank" : blanks ? "workbook.merged-data-blanks" : "workbook.merged-data", sheet, first, { range: ref.trim(), first, blanks });
    said.push(r);
  }
  return said;
}
