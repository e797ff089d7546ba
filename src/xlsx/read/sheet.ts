// One worksheet part, pulled row by row through the XML reader: rows and cells (with or without r
// attributes), hidden rows, merged ranges. Rows come out whole, each in column order, one at a
// time, so a province's sheet is never held whole.
import type { Problems } from "../../diagnostics/index.js";
import { cellType, cellValue, tooManyCells, T_N, ValueCache, type CellContext, type CellParts } from "./cells.js";
import { NameTable, nameIds } from "../names.js";
import { xmlFailure } from "./part.js";
import { colName, MAX_COL, MAX_ROW, parseRefBytes, parseUintBytes } from "../refs.js";
import { RichText } from "./strings.js";
import { XmlError } from "../text.js";
import type { CellValue, NumberFormat, RawCell, RawRow, XlsxLimits } from "./types.js";
import { XmlReader, type XmlHandler } from "../xml.js";
import { XlsxFailure } from "../fail.js";

/** A stored cell: its A1 reference is computed when asked, not kept for each of millions. */
export class Cell implements RawCell {
  constructor(
    readonly row: number,
    readonly col: number,
    readonly value: CellValue,
    readonly formula: boolean,
  ) {}
  get ref(): string {
    return colName(this.col) + this.row;
  }
}

const NO_STRUCK: ReadonlySet<number> = new Set();

/** A cell whose font is struck through (rare: the flag is on this class, not on every cell). */
export class StruckCell extends Cell {
  readonly struck = true;
}

const NAMES = ["sheetData", "row", "c", "v", "f", "is", "t", "rPh", "r", "s", "hidden", "mergeCell", "ref", "sheetView", "tabSelected", "col", "min", "max", "ht", "sheetFormatPr", "defaultRowHeight", "zeroHeight"] as const;

/** A row this low (in points) is out of sight as a hidden one is (0.75: one pixel): read, and said, as hidden. */
const UNSEEN_ROW_HEIGHT = 3;
const N = nameIds(NAMES);
const TABLE = new NameTable(NAMES);

export interface SheetInput {
  name: string;
  /** The part's name in the package, for diagnostics. */
  entry: string;
  sst: readonly string[];
  /** The shared strings struck through in every run. */
  sstStruck?: ReadonlySet<number>;
  formats: readonly NumberFormat[];
  /** Each style (s) whose font is struck through. */
  struck: readonly boolean[];
  date1904: boolean;
  limits: XlsxLimits;
  problems: Problems;
  /** Cells stored so far in the book, shared across sheets for maxCells. */
  counter: { cells: number };
  cache: ValueCache;
}

/** A text element's content: one raw range in the usual case, decoded strings otherwise. */
class TextSlot {
  start = 0;
  end = 0;
  flags = 0;
  count = 0;
  parts: string[] | undefined;

  reset(): void {
    this.start = this.end = this.flags = this.count = 0;
    this.parts = undefined;
  }

  add(x: XmlReader, start: number, end: number, flags: number): void {
    if (this.count === 0) {
      this.start = start;
      this.end = end;
      this.flags = flags;
    } else {
      if (this.parts === undefined) this.parts = [x.textValue(this.start, this.end, this.flags)];
      this.parts.push(x.textValue(start, end, flags));
    }
    this.count++;
  }

  /** The single segment's start when it needs no decoding, else -1. */
  fastStart(): number {
    return this.count <= 1 && this.flags === 0 ? this.start : -1;
  }

  value(x: XmlReader): string {
    if (this.count === 0) return "";
    if (this.parts) return this.parts.join("");
    return x.textValue(this.start, this.end, this.flags);
  }
}

class SheetReader implements XmlHandler, CellParts {
  readonly hiddenRows = new Set<number>();
  /** Rows with no height of their own are too low to be seen (sheetFormatPr). */
  private unseenByDefault = false;
  /** Hidden columns, as pairs of first and last column numbers (<col min max hidden="1">). */
  readonly hiddenCols: number[] = [];
  readonly merges: string[] = [];
  /** A view of the sheet has its tab selected. */
  selected = false;
  /** Whole rows ready to be pulled. */
  readonly ready: RawRow[] = [];
  private depth = 0;
  private dataDepth = -1;
  private rowDepth = -1;
  private cellDepth = -1;
  readonly stream: RowStream;
  private rowNum = 0;
  private rowStr = "";
  private lastCol = 0;
  private x!: XmlReader;
  private readonly ctx: CellContext;
  private readonly rich = new RichText(N.t, N.rPh);
  // The current cell (CellParts).
  private cRow = 0;
  private cCol = 0;
  type = T_N;
  fmt: NumberFormat = "general";
  private struck = false;
  hasF = false;
  hasV = false;
  vStart = -1;
  vEnd = -1;
  inline: string | undefined;
  struckText = false;
  private inV = false;
  private inF = false;
  private inIs = false;
  private readonly v = new TextSlot();
  private readonly f = new TextSlot();

  constructor(private readonly input: SheetInput) {
    this.stream = new RowStream(this.ready, this.hiddenRows, input.name);
    this.ctx = { cache: input.cache, b: new Uint8Array(0), sheet: input.name, ref: "", sst: input.sst, sstStruck: input.sstStruck ?? NO_STRUCK, limits: input.limits, date1904: input.date1904, problems: input.problems };
  }

  formula(): string {
    return this.f.value(this.x);
  }

  vString(): string {
    return this.v.value(this.x);
  }

  open(id: number, x: XmlReader): void {
    const depth = ++this.depth;
    if (this.cellDepth >= 0) {
      if (depth === this.cellDepth + 1) {
        if (id === N.v) {
          this.inV = this.hasV = x.wantText = true;
          this.v.reset();
        } else if (id === N.f) {
          this.inF = this.hasF = x.wantText = true;
          this.f.reset();
        } else if (id === N.is) {
          this.inIs = true;
          this.rich.take();
        }
      } else if (this.inIs) this.rich.open(id, x);
    } else if (id === N.c && depth === this.rowDepth + 1) this.openCell(x);
    else if (id === N.row && depth === this.dataDepth + 1) this.openRow(x);
    else if (id === N.sheetData && this.dataDepth === -1) {
      this.dataDepth = depth;
      this.x = x;
      this.ctx.b = x.b;
    } else if (id === N.col && this.dataDepth === -1) {
      const hidden = x.attrValue(N.hidden);
      const min = Number(x.attrValue(N.min));
      const max = Number(x.attrValue(N.max));
      if ((hidden === "1" || hidden === "true") && Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min) this.hiddenCols.push(min, Math.min(max, 16384));
    } else if (id === N.sheetFormatPr && this.dataDepth === -1) {
      // Rows of no height of their own made too low to be seen, sheet-wide (a default height of 1,
      // or rows hidden by default): each such row is hidden, as one of its own would be.
      const zero = x.attrValue(N.zeroHeight);
      const height = Number(x.attrValue(N.defaultRowHeight));
      this.unseenByDefault = zero === "1" || zero === "true" || height < UNSEEN_ROW_HEIGHT;
    } else if (id === N.sheetView && this.dataDepth === -1) {
      const v = x.attrValue(N.tabSelected);
      if (v === "1" || v === "true") this.selected = true;
    } else if (id === N.mergeCell) {
      const ref = x.attrValue(N.ref);
      if (ref === undefined) return;
      if (++this.input.counter.cells > this.input.limits.maxCells) tooManyCells(this.input.name, undefined, this.input.limits.maxCells);
      this.merges.push(ref.trim());
    }
  }

  close(id: number, x: XmlReader): void {
    const depth = this.depth--;
    if (this.cellDepth >= 0) {
      if (depth === this.cellDepth) this.closeCell();
      else if (depth === this.cellDepth + 1) {
        if (this.inV || this.inF) this.inV = this.inF = x.wantText = false;
        else if (this.inIs) {
          this.inIs = false;
          this.inline = this.rich.take();
        }
      } else if (this.inIs) this.rich.close(x);
    } else if (depth === this.rowDepth) this.closeRow();
    else if (depth === this.dataDepth && id === N.sheetData) this.dataDepth = -2;
  }

  text(x: XmlReader, start: number, end: number, flags: number): void {
    if (this.inV) this.v.add(x, start, end, flags);
    else if (this.inF) this.f.add(x, start, end, flags);
    else if (this.inIs) this.rich.text(x, start, end, flags);
  }

  private openRow(x: XmlReader): void {
    const b = x.b;
    const i = x.attr(N.r);
    let r = this.rowNum + 1;
    if (i >= 0) {
      r = parseUintBytes(b, x.attrStart[i]!, x.attrEnd[i]!);
      if (r < 1 || r > MAX_ROW) throw new XmlError(x.attrStart[i]!);
    }
    this.rowNum = r;
    this.rowStr = String(r);
    this.lastCol = 0;
    this.rowDepth = this.depth;
    const h = x.attr(N.hidden);
    if (h >= 0) {
      const v = b[x.attrStart[h]!];
      if (v === 0x31 || v === 0x74) this.hiddenRows.add(r);
    }
    // A row made a pixel high shows nothing, as a hidden one (a claim moved out of sight).
    if (x.attr(N.ht) >= 0) {
      const ht = Number(x.attrValue(N.ht));
      if (ht < UNSEEN_ROW_HEIGHT) this.hiddenRows.add(r);
    } else if (this.unseenByDefault) this.hiddenRows.add(r);
    this.stream.open(r);
    // A row is complete when the next one opens: let the caller take it.
    if (this.ready.length) x.pause();
  }

  private closeRow(): void {
    this.rowDepth = -1;
  }

  private openCell(x: XmlReader): void {
    const b = x.b;
    this.cellDepth = this.depth;
    let i = x.attr(N.r);
    if (i >= 0) {
      const rc = parseRefBytes(b, x.attrStart[i]!, x.attrEnd[i]!);
      if (rc < 0) throw new XmlError(x.attrStart[i]!);
      this.cRow = Math.floor(rc / MAX_COL);
      this.cCol = (rc % MAX_COL) + 1;
    } else {
      this.cRow = this.rowNum;
      this.cCol = this.lastCol + 1;
      if (this.cCol > MAX_COL) throw new XmlError(x.tagStart);
    }
    this.lastCol = this.cCol;
    i = x.attr(N.t);
    this.type = i >= 0 ? cellType(b, x.attrStart[i]!, x.attrEnd[i]!) : T_N;
    i = x.attr(N.s);
    this.fmt = "general";
    this.struck = false;
    if (i >= 0) {
      const s = parseUintBytes(b, x.attrStart[i]!, x.attrEnd[i]!);
      this.fmt = this.input.formats[s] ?? "general";
      this.struck = this.input.struck[s] === true;
    }
    this.hasF = this.hasV = this.struckText = false;
    this.inline = undefined;
    this.v.reset();
  }

  private closeCell(): void {
    this.cellDepth = -1;
    this.inV = this.inF = this.inIs = false;
    this.vStart = this.v.fastStart();
    this.vEnd = this.v.end;
    const ref = colName(this.cCol) + (this.cRow === this.rowNum ? this.rowStr : String(this.cRow));
    const ctx = this.ctx;
    ctx.ref = ref;
    const value = cellValue(ctx, this);
    if (value === undefined) return;
    const counter = this.input.counter;
    if (++counter.cells > this.input.limits.maxCells) tooManyCells(this.input.name, ref, this.input.limits.maxCells);
    this.stream.add(this.struck || this.struckText ? new StruckCell(this.cRow, this.cCol, value, this.hasF) : new Cell(this.cRow, this.cCol, value, this.hasF));
  }
}

/**
 * A row's cells by column, one per column. Where `sheet` is given, a cell written twice is the file's
 * damage, said at it (Excel repairs such a file; the later of two values was taken without a word,
 * and a unit scored 3 for its 19.5); else the last written wins.
 */
export function inColumnOrder(cells: readonly RawCell[], sheet?: string): RawCell[] {
  const byCol = new Map<number, RawCell>();
  for (const c of cells) {
    if (sheet !== undefined && byCol.has(c.col)) throw new XlsxFailure("xlsx.duplicate-cell", {}, { sheet, cell: colName(c.col) + c.row });
    byCol.set(c.col, c);
  }
  return [...byCol.values()].sort((a, b) => a.col - b.col);
}

/**
 * Whole rows, in row order, each row's cells in column order, one per column. A row is handed
 * over only when a row element with another number opens (or the sheet ends), so a row split over
 * two elements, or a cell written inside the element of an earlier row, is put together first.
 * Only in a file whose rows go backwards can a row come twice: then as it was written, and the
 * submission reader says what it makes of it.
 */
class RowStream {
  private cur: RawCell[] = [];
  private curRow = 0;
  private inOrder = true;
  /** Cells of rows whose element has not opened yet. */
  private readonly ahead = new Map<number, RawCell[]>();

  constructor(
    private readonly out: RawRow[],
    private readonly hidden: ReadonlySet<number>,
    private readonly sheet: string,
  ) {}

  open(r: number): void {
    if (r === this.curRow) return; // a second element for the same row: its cells join the first's
    this.emitCurrent();
    this.emitAhead(r);
    this.curRow = r;
    const early = this.ahead.get(r);
    if (early) {
      this.ahead.delete(r);
      this.cur = early;
      this.inOrder = false;
    }
  }

  add(cell: RawCell): void {
    if (cell.row === this.curRow) {
      const last = this.cur[this.cur.length - 1];
      if (last && cell.col <= last.col) this.inOrder = false;
      this.cur.push(cell);
    } else if (cell.row > this.curRow) {
      const row = this.ahead.get(cell.row);
      if (row) row.push(cell);
      else this.ahead.set(cell.row, [cell]);
    } else {
      this.out.push({ cells: [cell], hidden: this.hidden.has(cell.row) });
    }
  }

  end(): void {
    this.emitCurrent();
    this.emitAhead(Infinity);
  }

  private emitCurrent(): void {
    if (this.cur.length) this.out.push({ cells: this.inOrder ? this.cur : inColumnOrder(this.cur, this.sheet), hidden: this.hidden.has(this.curRow) });
    this.cur = [];
    this.inOrder = true;
  }

  /** Rows below `r` whose cells came early and whose own element never opened. */
  private emitAhead(r: number): void {
    if (this.ahead.size === 0) return;
    for (const k of [...this.ahead.keys()].filter((k) => k < r).sort((a, b) => a - b)) {
      this.out.push({ cells: inColumnOrder(this.ahead.get(k) ?? [], this.sheet), hidden: this.hidden.has(k) });
      this.ahead.delete(k);
    }
  }
}

/**
 * A sheet's rows, pulled one at a time from its XML (bytes: the part, UTF-8). Merged ranges come
 * after the rows in the part: `merges` holds them once every row has been pulled.
 */
export class SheetRows {
  private readonly reader: SheetReader;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly input: SheetInput,
  ) {
    this.reader = new SheetReader(input);
  }

  get merges(): readonly string[] {
    return this.reader.merges;
  }

  /** The sheet's tab is selected (known once the rows are pulled). */
  get selected(): boolean {
    return this.reader.selected;
  }

  /** Row numbers hidden so far. */
  get hiddenRows(): ReadonlySet<number> {
    return this.reader.hiddenRows;
  }

  /** Hidden columns, as pairs of first and last column numbers (known before the first row). */
  get hiddenCols(): readonly number[] {
    return this.reader.hiddenCols;
  }

  *[Symbol.iterator](): Generator<RawRow> {
    const { reader } = this;
    const xml = new XmlReader(this.bytes, TABLE);
    let more = true;
    while (more) {
      try {
        more = xml.resume(reader);
      } catch (e) {
        xmlFailure(this.input.entry, this.bytes, e);
      }
      if (!more) reader.stream.end();
      const ready = reader.ready;
      for (let i = 0; i < ready.length; i++) yield ready[i]!;
      ready.length = 0;
    }
  }
}
