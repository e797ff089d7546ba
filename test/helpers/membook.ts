// A workbook in memory, laid out exactly as `assess template` lays it out (the real template is
// written once and read back), then filled and edited cell by cell the way an assessor would: for
// validation cases that need no zip, no XML and no exceljs per case. It is a Book: the loading
// pipeline reads it as it reads a package.
import { Problems } from "../../src/diagnostics/index.js";
import type { Book, PulledRows } from "../../src/load/index.js";
import type { Rubric } from "../../src/rubric/model.js";
import { buildTemplate, type TemplateUnit } from "../../src/workbook/template.js";
import { headerCode, LEDGER_COLUMNS } from "../../src/workbook/layout.js";
import type { CellValue, NumberFormat, RawCell, RawRow, RawSheet, SheetInfo } from "../../src/xlsx/read/index.js";
import { colName } from "../../src/xlsx/refs.js";
import { readXlsx } from "../xlsx/helpers.js";
import type { LedgerRow as FillLedgerRow } from "./fill.js";

/** What a test puts in a cell. */
export type Value = number | string | boolean | Date | null | { percent: number } | { shown: number; fmt: NumberFormat } | { error: string } | { formula: string; result?: number | string | { error: string } | { percent: number } };

const EPOCH_1900 = Date.UTC(1899, 11, 30);

function toCell(v: Exclude<Value, null>): { value: CellValue; formula: boolean } {
  if (typeof v === "number") return { value: { t: "n", v, fmt: "general" }, formula: false };
  if (typeof v === "string") return { value: { t: "s", v }, formula: false };
  if (typeof v === "boolean") return { value: { t: "b", v }, formula: false };
  if (v instanceof Date) return { value: { t: "n", v: (v.getTime() - EPOCH_1900) / 86_400_000, fmt: "date" }, formula: false };
  if ("percent" in v) return { value: { t: "n", v: v.percent, fmt: "percent" }, formula: false };
  if ("shown" in v) return { value: { t: "n", v: v.shown, fmt: v.fmt }, formula: false };
  if ("error" in v) return { value: { t: "e", v: v.error }, formula: false };
  if (v.result === undefined) return { value: { t: "formula-no-result", formula: v.formula }, formula: true };
  return { value: toCell(v.result).value, formula: true };
}

class MemCell implements RawCell {
  constructor(
    readonly row: number,
    readonly col: number,
    readonly value: CellValue,
    readonly formula: boolean,
    readonly struck?: boolean,
  ) {}
  get ref(): string {
    return `${colName(this.col)}${this.row}`;
  }
}

function parseRef(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad ref ${ref}`);
  let col = 0;
  for (const ch of m[1] ?? "") col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

export class MemSheet {
  /** row → col → cell */
  readonly rows = new Map<number, Map<number, RawCell>>();
  readonly hiddenRows = new Set<number>();
  readonly merges: string[] = [];
  /** Hidden columns, as pairs of first and last column numbers. */
  readonly hiddenCols: number[] = [];
  constructor(
    public name: string,
    public hidden: boolean,
    /** state="veryHidden" (set by a macro): not listed by Excel's Unhide. */
    public veryHidden = false,
  ) {}

  set(ref: string, v: Value): this {
    const { row, col } = parseRef(ref);
    return this.setAt(row, col, v);
  }

  setAt(row: number, col: number, v: Value): this {
    let r = this.rows.get(row);
    if (!r) this.rows.set(row, (r = new Map()));
    if (v === null) r.delete(col);
    else {
      const c = toCell(v);
      r.set(col, new MemCell(row, col, c.value, c.formula));
    }
    return this;
  }

  get(ref: string): RawCell | undefined {
    const { row, col } = parseRef(ref);
    return this.rows.get(row)?.get(col);
  }

  /** The cells given struck through (a font's strikethrough, 划掉), their values kept. */
  strike(...refs: string[]): this {
    for (const ref of refs) {
      const { row, col } = parseRef(ref);
      const c = this.rows.get(row)?.get(col);
      if (c) this.rows.get(row)?.set(col, new MemCell(row, col, c.value, c.formula, true));
    }
    return this;
  }

  /** Merges a range (A1:B2): its first cell keeps its value, the others are emptied, as Excel does. */
  /** Merges a range as Excel does, the cells under it cleared; `keep`: as LibreOffice may, their values kept (hidden). */
  merge(range: string, keep = false): this {
    const [a = "", b = a] = range.split(":");
    const from = parseRef(a);
    const to = parseRef(b);
    if (!keep) for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) if (r !== from.row || c !== from.col) this.setAt(r, c, null);
    this.merges.push(range);
    return this;
  }

  /** Rows from `at` on move one down (Excel's Insert Row). */
  insertRow(at: number): this {
    const moved = [...this.rows.entries()].sort((a, b) => b[0] - a[0]);
    for (const [r, cells] of moved) {
      if (r < at) continue;
      this.rows.delete(r);
      this.rows.set(r + 1, new Map([...cells].map(([c, cell]) => [c, new MemCell(r + 1, c, cell.value, cell.formula)])));
    }
    return this;
  }

  /** Columns from `at` on move one right (Excel's Insert Column). */
  insertColumn(at: number): this {
    for (const [r, cells] of this.rows) this.rows.set(r, new Map([...cells].map(([c, cell]) => (c < at ? [c, cell] : [c + 1, new MemCell(r, c + 1, cell.value, cell.formula)]))));
    return this;
  }

  /** Row `at` goes, the rows under it move one up (Excel's Delete Row). */
  deleteRow(at: number): this {
    const kept = [...this.rows.entries()].sort((a, b) => a[0] - b[0]);
    this.rows.clear();
    for (const [r, cells] of kept) {
      if (r === at) continue;
      const to = r > at ? r - 1 : r;
      this.rows.set(to, new Map([...cells].map(([c, cell]) => [c, new MemCell(to, c, cell.value, cell.formula)])));
    }
    return this;
  }

  /**
   * Rows 1 to `last` of column `col` pasted into `to`'s column `at` (its heading too), as Excel's
   * paste does; `cut`: emptied where they were.
   */
  pasteColumn(col: number, to: MemSheet, at: number, last: number, cut = true): this {
    for (let r = 1; r <= last; r++) {
      const c = this.rows.get(r)?.get(col);
      to.setAt(r, at, c === undefined ? null : c.value.t === "s" || c.value.t === "n" ? c.value.v : null);
      if (cut) this.setAt(r, col, null);
    }
    return this;
  }

  /** Column `col`'s numbers in rows 2 to `last` moved `by` rows (−1: up, the first over the heading; 1: down), as a paste out of line. */
  shiftColumn(col: number, by: -1 | 1, last: number): this {
    const numbers = Array.from({ length: last - 1 }, (_, i) => {
      const c = this.rows.get(i + 2)?.get(col);
      return c?.value.t === "n" ? c.value.v : null;
    });
    for (let r = 2; r <= last + 1; r++) this.setAt(r, col, null);
    numbers.forEach((v, i) => this.setAt(i + 2 + by, col, v));
    return this;
  }

  /**
   * Column `col`'s numbers in rows 2 to `last` moved one column right (a column put in before it, as
   * a paste with a column of its own does), `put(row)` left where each was.
   */
  pushRight(col: number, last: number, put: (row: number) => Value): this {
    for (let r = 2; r <= last; r++) {
      const c = this.rows.get(r)?.get(col);
      this.setAt(r, col + 1, c?.value.t === "n" ? c.value.v : null);
      this.setAt(r, col, put(r));
    }
    return this;
  }

  /** The header row's columns by item code (DZ3.2 …). */
  codeColumns(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [col, c] of this.rows.get(1) ?? []) {
      const code = c.value.t === "s" ? headerCode(c.value.v) : undefined;
      if (code) out.set(code, col);
    }
    return out;
  }

  raw(): RawSheet {
    const rows = [...this.rows.keys()]
      .sort((a, b) => a - b)
      .map((r) => [...(this.rows.get(r)?.values() ?? [])].sort((a, b) => a.col - b.col))
      .filter((cells) => cells.length > 0);
    return { name: this.name, hidden: this.hidden || this.veryHidden, ...(this.veryHidden ? { veryHidden: true as const } : {}), rows, hiddenRows: new Set(this.hiddenRows), merges: [...this.merges], ...(this.hiddenCols.length ? { hiddenCols: [...this.hiddenCols] } : {}) };
  }

  clone(): MemSheet {
    const s = new MemSheet(this.name, this.hidden, this.veryHidden);
    for (const [r, cells] of this.rows) s.rows.set(r, new Map(cells));
    for (const r of this.hiddenRows) s.hiddenRows.add(r);
    s.merges.push(...this.merges);
    s.hiddenCols.push(...this.hiddenCols);
    return s;
  }
}

export class MemBook implements Book {
  readonly problems = new Problems("in.xlsx");
  constructor(public list: MemSheet[]) {}

  get sheets(): SheetInfo[] {
    return this.list.map((s, index) => ({ name: s.name, hidden: s.hidden || s.veryHidden, ...(s.veryHidden ? { veryHidden: true as const } : {}), index }));
  }

  sheetNamed(name: string): MemSheet {
    const s = this.list.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  addSheet(name: string): MemSheet {
    const s = new MemSheet(name, false);
    this.list.push(s);
    return s;
  }

  removeSheet(name: string): void {
    this.list = this.list.filter((s) => s.name !== name);
  }

  async sheet(info: SheetInfo): Promise<RawSheet> {
    const s = this.list[info.index];
    if (!s) throw new Error(`no sheet ${info.index}`);
    return s.raw();
  }

  async rows(info: SheetInfo): Promise<PulledRows | undefined> {
    const sheet = await this.sheet(info);
    const rows: RawRow[] = sheet.rows.map((cells) => ({ cells, hidden: sheet.hiddenRows.has(cells[0]?.row ?? 0) }));
    return Object.assign(rows, { merges: sheet.merges, selected: false, hiddenCols: sheet.hiddenCols ?? [] });
  }

  clone(): MemBook {
    return new MemBook(this.list.map((s) => s.clone()));
  }
}

const templates = new Map<string, MemBook>();

/** The template for these units, read once into memory; each call gets its own copy. */
export async function templateBook(rubric: Rubric, units: readonly TemplateUnit[], year = "2026", district = "青山区"): Promise<MemBook> {
  const key = JSON.stringify([rubric.id, rubric.version, units, year, district]);
  let t = templates.get(key);
  if (!t) {
    const bytes = await buildTemplate(rubric, { year, district, units });
    const book = (await readXlsx("in.xlsx", bytes)).book;
    if (!book) throw new Error("template unreadable");
    t = new MemBook(
      book.sheets.map((raw) => {
        const s = new MemSheet(raw.name, raw.hidden);
        for (const row of raw.rows) for (const c of row) (s.rows.get(c.row) ?? s.rows.set(c.row, new Map()).get(c.row))?.set(c.col, c);
        for (const r of raw.hiddenRows) s.hiddenRows.add(r);
        return s;
      }),
    );
    templates.set(key, t);
  }
  return t.clone();
}

/** A ledger row as a test gives it (the fields of the template's 加扣分 columns). */
export type LedgerRow = Omit<FillLedgerRow, "count" | "points"> & { count?: Value; points?: Value };

/** Fills values by unit name and code on every sheet whose header carries the code, and the ledger. */
export function fill(book: MemBook, values: Record<string, Record<string, Value>>, ledger: readonly LedgerRow[] = []): MemBook {
  for (const sheet of book.list) {
    const cols = sheet.codeColumns();
    if (!cols.size) continue;
    for (const [r, cells] of sheet.rows) {
      if (r === 1) continue;
      const name = cells.get(1);
      const vals = name?.value.t === "s" ? values[name.value.v] : undefined;
      if (!vals) continue;
      for (const [code, col] of cols) {
        const v = vals[code];
        if (v !== undefined) sheet.setAt(r, col, v);
      }
    }
  }
  const sheet = book.list.find((s) => [...(s.rows.get(1)?.values() ?? [])].some((c) => c.value.t === "s" && c.value.v === LEDGER_COLUMNS[1][0]));
  ledger.forEach((e, i) => {
    const cells: (Value | undefined)[] = [e.unit, e.code, e.count, e.level, e.points, e.status, e.flag, e.note, e.evidence];
    cells.forEach((v, c) => {
      if (v !== undefined) sheet?.setAt(i + 2, c + 1, v);
    });
  });
  return book;
}

/** The sheet with a 序号 column before its names (each row a column on): `heading` over it, the units numbered. */
export function numbered(ws: MemSheet, heading: string | null): MemSheet {
  for (const [r, cells] of [...ws.rows]) {
    const row = [...cells.entries()].sort((a, b) => b[0] - a[0]);
    for (const [c, cell] of row) ws.setAt(r, c + 1, cell.value.t === "s" || cell.value.t === "n" ? cell.value.v : null);
    ws.setAt(r, 1, r === 1 ? heading : r - 1);
  }
  return ws;
}
