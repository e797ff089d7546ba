// Large worksheets read on another thread while this one reads the others. There, a sheet's part
// becomes its rows packed in a few typed arrays (packSheet: the one sheet reader, then packing);
// here, the packed rows are handed out as the reader would have given them (PackedRows): the same
// cells, values, hidden rows, merged ranges and cell problems, counted against the same limits.
// Nothing unusual is handled there: a part that fails to read is read again here, so that what the
// user is told is what the one reader says.
import { Problems } from "../../diagnostics/problems.js";
import type { Diagnostic } from "../../diagnostics/types.js";
import type { Codec } from "../codec.js";
import { toUtf8 } from "../xml.js";
import { FALSE, REFUSED, TRUE, ValueCache } from "./cells.js";
import { entryBytes, type EntryFacts } from "./entry.js";
import { Cell, SheetRows, StruckCell } from "./sheet.js";
import type { CellValue, NumberFormat, RawCell, RawRow, XlsxLimits } from "./types.js";

/** What every sheet read on the other thread needs, sent to it once. */
export interface AheadInput {
  /** The name the user knows the file by (in every problem's location). */
  readonly file: string;
  readonly sst: readonly string[];
  /** The shared strings struck through in every run. */
  readonly sstStruck?: ReadonlySet<number>;
  readonly formats: readonly NumberFormat[];
  /** Each style whose font is struck through. */
  readonly struck: readonly boolean[];
  readonly date1904: boolean;
  readonly limits: XlsxLimits;
  /** Problems kept at most; the rest are counted. */
  readonly cap: number;
}

/** One sheet to read there: its name, its part's entry and the entry's compressed data (a copy). */
export interface AheadJob {
  readonly sheet: string;
  readonly entry: EntryFacts;
  readonly data: Uint8Array;
}

/**
 * Whole rows packed, up to BLOCK_CELLS cells: each cell's row, column, kind (FORMULA set for a
 * cell that had a formula, SHARED for a number the reader shares), number and text (by its place
 * in the sheet's `strings`); where each row's cells start, whether it is hidden, and the problems
 * raised by the time it was given (an index into the sheet's `problems`). The arrays may be longer
 * than what they hold.
 */
export interface PackedBlock {
  readonly rows: number;
  readonly rowStart: Int32Array;
  readonly rowHidden: Uint8Array;
  readonly rowProblems: Int32Array;
  readonly row: Int32Array;
  readonly col: Uint16Array;
  readonly kind: Uint8Array;
  readonly num: Float64Array;
  readonly str: Int32Array;
}

/** A sheet's rows, packed in blocks, and what was found besides. */
export interface PackedSheet {
  readonly blocks: readonly PackedBlock[];
  readonly strings: readonly string[];
  readonly hiddenRows: readonly number[];
  readonly merges: readonly string[];
  readonly selected: boolean;
  /** Hidden columns, as pairs of first and last column numbers. */
  readonly hiddenCols: readonly number[];
  readonly problems: readonly Diagnostic[];
  /** Problems past the cap. */
  readonly dropped: number;
  /** Cells and merged ranges, as the book's cell limit counts them. */
  readonly counted: number;
}

const K_GENERAL = 0, K_PERCENT = 1, K_DATE = 2, K_SHOWN_PERCENT = 3, K_SCALED = 4, K_PERCENT_0 = 5, K_PERCENT_1 = 6, K_GENERAL_2 = 7, K_GENERAL_3 = 8, K_GENERAL_0 = 9, K_GENERAL_1 = 10, K_TEXT = 11, K_TRUE = 12, K_FALSE = 13, K_ERROR = 14, K_NO_RESULT = 15, K_REFUSED = 16;
const FORMULA = 0x20;
/** A number the reader shares between equal cells (a short one): shared here too. */
const SHARED = 0x40;
/** A cell struck through. */
const STRUCK = 0x80;
const NUMBER_KINDS: Record<NumberFormat, number> = { general: K_GENERAL, percent: K_PERCENT, date: K_DATE, "shown-percent": K_SHOWN_PERCENT, scaled: K_SCALED, "percent-0": K_PERCENT_0, "percent-1": K_PERCENT_1, "general-2": K_GENERAL_2, "general-3": K_GENERAL_3, "general-0": K_GENERAL_0, "general-1": K_GENERAL_1 };
/** A number's format by its kind (the kinds of numbers come first). */
const FORMATS: readonly NumberFormat[] = ["general", "percent", "date", "shown-percent", "scaled", "percent-0", "percent-1", "general-2", "general-3", "general-0", "general-1"];

/**
 * Cells in a block at most: more than a row can hold (16,384 columns). Blocks of small arrays,
 * not one array grown to a sheet's size: what a large allocation leaves behind when it is freed
 * (on another thread than made it) stays in the process to the end of the run.
 */
const BLOCK_CELLS = 1 << 16;

class BlockPacker implements PackedBlock {
  rows = 0;
  cells = 0;
  readonly rowStart = new Int32Array(BLOCK_CELLS + 1);
  readonly rowHidden = new Uint8Array(BLOCK_CELLS);
  readonly rowProblems = new Int32Array(BLOCK_CELLS);
  readonly row = new Int32Array(BLOCK_CELLS);
  readonly col = new Uint16Array(BLOCK_CELLS);
  readonly kind = new Uint8Array(BLOCK_CELLS);
  readonly num = new Float64Array(BLOCK_CELLS);
  readonly str = new Int32Array(BLOCK_CELLS);

  fits(cells: number): boolean {
    return this.cells + cells <= BLOCK_CELLS;
  }
}

/** Rows into blocks, texts into one table. */
class Packer {
  readonly blocks: BlockPacker[] = [];
  private block = new BlockPacker();
  readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();

  private text(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
    }
    return id;
  }

  addRow(r: RawRow, problems: number): void {
    let b = this.block;
    if (!b.fits(r.cells.length)) {
      this.blocks.push(b);
      b = this.block = new BlockPacker();
    }
    b.rowStart[b.rows] = b.cells;
    b.rowHidden[b.rows] = r.hidden ? 1 : 0;
    b.rowProblems[b.rows] = problems;
    b.rows++;
    for (const c of r.cells) this.addCell(b, c);
    b.rowStart[b.rows] = b.cells;
  }

  private addCell(b: BlockPacker, c: RawCell): void {
    const i = b.cells++;
    b.row[i] = c.row;
    b.col[i] = c.col;
    const v = c.value;
    let kind: number;
    switch (v.t) {
      case "n":
        kind = Object.isFrozen(v) ? NUMBER_KINDS[v.fmt] | SHARED : NUMBER_KINDS[v.fmt];
        b.num[i] = v.v;
        break;
      case "s":
        kind = K_TEXT;
        b.str[i] = this.text(v.v);
        break;
      case "b":
        kind = v.v ? K_TRUE : K_FALSE;
        break;
      case "e":
        kind = K_ERROR;
        b.str[i] = this.text(v.v);
        break;
      case "formula-no-result":
        kind = K_NO_RESULT;
        b.str[i] = this.text(v.formula);
        break;
      default:
        kind = K_REFUSED;
    }
    b.kind[i] = (c.formula ? kind | FORMULA : kind) | (c.struck === true ? STRUCK : 0);
  }

  finish(): BlockPacker[] {
    if (this.block.rows) this.blocks.push(this.block);
    return this.blocks;
  }
}

/** Reads one sheet's part into packed rows, and names the buffers to hand over with it. Throws as the reader does. */
export async function packSheet(input: AheadInput, job: AheadJob, codec: Codec): Promise<{ packed: PackedSheet; transfer: ArrayBuffer[] }> {
  const bytes = toUtf8(await entryBytes(job.entry, job.data, codec));
  const problems = new Problems(input.file, input.cap);
  const counter = { cells: 0 };
  const rows = new SheetRows(bytes, {
    name: job.sheet,
    entry: job.entry.name,
    sst: input.sst,
    ...(input.sstStruck ? { sstStruck: input.sstStruck } : {}),
    formats: input.formats,
    struck: input.struck,
    date1904: input.date1904,
    limits: input.limits,
    problems,
    counter,
    cache: new ValueCache(),
  });
  const p = new Packer();
  for (const r of rows) p.addRow(r, problems.list.length);
  // Handed over as they are: a copy between threads keeps an object's fields, not its class.
  const blocks: readonly PackedBlock[] = p.finish();
  const packed: PackedSheet = {
    blocks,
    strings: p.strings,
    hiddenRows: [...rows.hiddenRows],
    merges: [...rows.merges],
    selected: rows.selected,
    hiddenCols: [...rows.hiddenCols],
    problems: problems.list,
    dropped: problems.past,
    counted: counter.cells,
  };
  const transfer = blocks.flatMap((b) => [b.rowStart, b.rowHidden, b.rowProblems, b.row, b.col, b.kind, b.num, b.str].map((a) => a.buffer as ArrayBuffer));
  return { packed, transfer };
}

/** Where the rows given out are counted: this thread's reader's problems, cell count and values. */
export interface AheadSink {
  readonly problems: Problems;
  readonly counter: { cells: number };
  readonly cache: ValueCache;
}

/** A packed sheet's rows, given one at a time as the sheet reader gives them. */
export class PackedRows implements Iterable<RawRow> {
  readonly hiddenRows: ReadonlySet<number>;

  constructor(
    private readonly p: PackedSheet,
    private readonly sink: AheadSink,
  ) {
    this.hiddenRows = new Set(p.hiddenRows);
  }

  get merges(): readonly string[] {
    return this.p.merges;
  }

  get selected(): boolean {
    return this.p.selected;
  }

  get hiddenCols(): readonly number[] {
    return this.p.hiddenCols;
  }

  *[Symbol.iterator](): Generator<RawRow> {
    const { p, sink } = this;
    const { strings } = p;
    // Each text's value once, as the reader shares a shared string's.
    const texts: (CellValue | undefined)[] = [];
    let told = 0;
    const tell = (upto: number): void => {
      while (told < upto) sink.problems.take(p.problems[told++] as Diagnostic);
    };
    let given = 0;
    for (const b of p.blocks) {
      const { rowStart, row, col, kind, num, str } = b;
      for (let r = 0; r < b.rows; r++) {
        tell(b.rowProblems[r] ?? 0);
        const start = rowStart[r] ?? 0;
        const end = rowStart[r + 1] ?? start;
        const cells: RawCell[] = new Array<RawCell>(end - start);
        for (let i = start; i < end; i++) {
          const k = kind[i] ?? K_REFUSED;
          const base = k & ~(FORMULA | SHARED | STRUCK);
          let value: CellValue;
          if (base < FORMATS.length) {
            const n = num[i] ?? 0;
            const fmt = FORMATS[base] ?? "general";
            value = k & SHARED ? sink.cache.number(n, fmt) : { t: "n", v: n, fmt };
          } else if (base === K_TEXT) {
            const s = str[i] ?? 0;
            value = texts[s] ??= Object.freeze({ t: "s", v: strings[s] ?? "" });
          } else if (base === K_TRUE) value = TRUE;
          else if (base === K_FALSE) value = FALSE;
          else if (base === K_ERROR) value = { t: "e", v: strings[str[i] ?? 0] ?? "" };
          else if (base === K_NO_RESULT) value = { t: "formula-no-result", formula: strings[str[i] ?? 0] ?? "" };
          else value = REFUSED;
          cells[i - start] = k & STRUCK ? new StruckCell(row[i] ?? 0, col[i] ?? 0, value, (k & FORMULA) !== 0) : new Cell(row[i] ?? 0, col[i] ?? 0, value, (k & FORMULA) !== 0);
        }
        sink.counter.cells += end - start;
        given += end - start;
        yield { cells, hidden: b.rowHidden[r] === 1 };
      }
    }
    tell(p.problems.length);
    sink.problems.drop(p.dropped);
    // Merged ranges count too, once every row is in.
    sink.counter.cells += p.counted - given;
  }
}
