// A fast, safe, low-level xlsx reader that does not use exceljs: checks the file (size, magic
// bytes, zip structure, zip bombs, CRCs, DOCTYPE), lists the sheets, and lets the caller pull each
// sheet's rows of raw cells one at a time (a large workbook's largest sheets read ahead on the
// host's second thread, where it has one: ahead.ts). A file-level problem is thrown as an
// XlsxFailure (one Diagnostic, see failureDiagnostic); cell-level problems are collected, capped,
// in `problems`.
import { Problems, type Diagnostic } from "../../diagnostics/index.js";
import type { AheadReads, Codec } from "../codec.js";
import { PackedRows, type AheadJob } from "./ahead.js";
import { checkRest, dataRange } from "./entry.js";
import { XlsxFailure } from "../fail.js";
import { ValueCache } from "./cells.js";
import { findWorkbookPart, readWorkbook, type DefinedName, type WorkbookInfo } from "./package.js";
import { parsePart, partXml } from "./part.js";
import { NameTable, nameIds } from "../names.js";
import { expandEntities } from "../text.js";
import type { XmlHandler } from "../xml.js";
import { inColumnOrder, SheetRows } from "./sheet.js";
import { sniff } from "./sniff.js";
import { readSharedStrings } from "./strings.js";
import { readStyles, type CellStyles } from "./styles.js";
import { DEFAULT_LIMITS, type PulledSheet, type RawCell, type RawRow, type RawSheet, type XlsxLimits, type XlsxResult } from "./types.js";
import { findEntry, openZip, type Pkg, type ZipEntry } from "./zip.js";
import { dosStamp } from "../write/zip-stamp.js";

export { DEFAULT_LIMITS } from "./types.js";
export type { CellValue, NumberFormat, PulledSheet, RawBook, RawCell, RawRow, RawSheet, XlsxLimits, XlsxResult } from "./types.js";
export { isGeneralFormat, isPercentFormat, roundedRate, shownDecimals } from "./types.js";
export { XlsxFailure } from "../fail.js";

export interface SheetInfo {
  readonly name: string;
  /** state="hidden" or "veryHidden" in workbook.xml. */
  readonly hidden: boolean;
  /** state="veryHidden": not listed by Excel's Unhide. */
  readonly veryHidden?: true;
  /** Its place in the workbook, from 0. */
  readonly index: number;
  /** Rows that are an Excel Table's total row (汇总行), where it has any. */
  readonly totalRows?: readonly number[];
}

const FORMULA_TAGS = ["c", "f", "r"] as const;
const F = nameIds(FORMULA_TAGS);
const FORMULA_NAMES = new NameTable(FORMULA_TAGS);
/** Thrown to stop reading a sheet once its formula is found. */
const FOUND = new Error("found");
const DECODER = new TextDecoder();

/** Cell-level problems past this many are counted in one line. */
const CELL_PROBLEM_CAP = 100;

/**
 * A part this large (inflated) may be read on the host's second thread, when such parts come to
 * AHEAD_MIN_TOTAL or more: below that, starting the thread costs more than it saves.
 */
const AHEAD_MIN_PART = 1 << 20;
const AHEAD_MIN_TOTAL = 8 << 20;

/** Sheets being read on the other thread: the job of each sheet not yet asked for, by its index. */
interface Ahead {
  readonly reads: AheadReads;
  readonly jobs: Map<number, number>;
}

/** What every sheet's cells are read with: the shared strings, and the styles. */
interface Shared {
  readonly sst: readonly string[];
  /** The shared strings struck through in every run. */
  readonly sstStruck: ReadonlySet<number>;
  readonly styles: CellStyles;
}

/** The cells of an open workbook, read on demand. */
export class WorkbookReader {
  readonly sheets: readonly SheetInfo[];
  /** Cell-level problems found so far (bad numbers, bad shared-string indexes, over-long text). */
  readonly problems: Problems;
  /** Set to calculate by hand: its formulas' saved results may be out of date. */
  readonly manualCalculation: boolean;
  /** Its dates counted from 1904 (a Mac's old Excel): a date cell's number stored is 1462 less than the serial read. */
  readonly date1904: boolean;
  /** Its defined names (名称管理器), with what each refers to. */
  readonly definedNames: readonly DefinedName[];
  /** Links to other workbooks (外部链接). */
  readonly externalLinks: number;
  private shared: Shared | undefined;
  private readonly counter = { cells: 0 };
  private readonly cache = new ValueCache();
  private aheadWanted = false;
  /** Sheets not to read ahead (only their first rows will be wanted). */
  private aheadSkip: (name: string) => boolean = () => false;
  private ahead: Ahead | undefined;

  private constructor(
    readonly file: string,
    readonly pkg: Pkg,
    private readonly info: WorkbookInfo,
    private readonly limits: XlsxLimits,
  ) {
    this.sheets = info.sheets.map((s, index) => ({ name: s.name, hidden: s.hidden, ...(s.veryHidden ? { veryHidden: s.veryHidden } : {}), index, ...(s.totalRows ? { totalRows: s.totalRows } : {}) }));
    this.problems = new Problems(file, CELL_PROBLEM_CAP);
    this.manualCalculation = info.manualCalculation;
    this.date1904 = info.date1904;
    this.definedNames = info.definedNames;
    this.externalLinks = info.externalLinks;
  }

  /** Opens a package: throws XlsxFailure when the file is no workbook we can read. */
  static async open(file: string, bytes: Uint8Array, codec: Codec, limits: XlsxLimits = DEFAULT_LIMITS): Promise<WorkbookReader> {
    sniff(bytes, limits);
    const pkg: Pkg = { zip: openZip(bytes, limits), codec };
    const info = await readWorkbook(pkg, await findWorkbookPart(pkg));
    return new WorkbookReader(file, pkg, info, limits);
  }

  /**
   * The largest sheets are read on the host's second thread (where it has one) as this one reads
   * the others, from the next sheet asked for on (but those `skip` names). What each gives is what
   * it would give here.
   */
  readAhead(skip: (name: string) => boolean = () => false): void {
    this.aheadWanted = true;
    this.aheadSkip = skip;
  }

  /** Every part no sheet or setting needed, unpacked and checked (throws XlsxFailure for a damaged one). */
  async checkRest(): Promise<void> {
    await checkRest(this.pkg.zip, this.pkg.codec);
  }

  /** Done reading ahead: what the other thread has not done (if anything) is not needed. */
  endAhead(): void {
    this.ahead?.reads.close(this.ahead.jobs.size === 0);
    this.ahead = undefined;
    // Kept no longer than reading lasts (what it was made from need not live as long as the book).
    this.aheadSkip = () => false;
  }

  /**
   * A sheet's rows, to be pulled one at a time; none for a chart sheet. The shared strings and
   * number formats are read with the first sheet opened.
   */
  async rows(sheet: SheetInfo): Promise<PulledSheet | undefined> {
    const part = this.info.sheets[sheet.index]?.part;
    if (part === undefined) return undefined;
    if (!this.shared) {
      const sstStruck = new Set<number>();
      this.shared = {
        styles: await readStyles(this.pkg, this.info.styles),
        sst: await readSharedStrings(this.pkg, this.info.sharedStrings, this.limits.maxCells, sstStruck),
        sstStruck,
      };
    }
    const shared = this.shared;
    if (this.aheadWanted) this.startAhead(sheet.index, shared);
    const ahead = this.ahead;
    const job = ahead?.jobs.get(sheet.index);
    if (ahead && job !== undefined) {
      ahead.jobs.delete(sheet.index);
      const packed = ahead.reads.claim(job) ? undefined : await ahead.reads.result(job);
      if (ahead.jobs.size === 0) this.endAhead();
      // Read there, its checksum was found right there.
      const entry = packed ? findEntry(this.pkg.zip, part) : undefined;
      if (entry) this.pkg.zip.checked.add(entry.name);
      // Past the book's cell limit, the sheet is read here: the reader names the cell it is passed at.
      if (packed && this.counter.cells + packed.counted <= this.limits.maxCells) {
        return new PackedRows(packed, { problems: this.problems, counter: this.counter, cache: this.cache });
      }
    }
    const { name, bytes } = await partXml(this.pkg.zip, part, this.pkg.codec);
    return new SheetRows(bytes, {
      name: sheet.name,
      entry: name,
      sst: shared.sst,
      sstStruck: shared.sstStruck,
      formats: shared.styles.formats,
      struck: shared.styles.struck,
      date1904: this.info.date1904,
      limits: this.limits,
      problems: this.problems,
      counter: this.counter,
      cache: this.cache,
    });
  }

  /** Hands the large sheets other than `current` (being read here now) to the host's second thread. */
  private startAhead(current: number, shared: Shared): void {
    this.aheadWanted = false;
    const { zip, codec } = this.pkg;
    if (!codec.sheetReader) return;
    const found: { i: number; entry: ZipEntry; start: number; end: number }[] = [];
    let total = 0;
    this.info.sheets.forEach((s, i) => {
      const entry = i === current || s.part === undefined || this.aheadSkip(this.sheets[i]?.name ?? "") ? undefined : findEntry(zip, s.part);
      if (!entry || entry.usize < AHEAD_MIN_PART) return;
      try {
        found.push({ i, entry, ...dataRange(zip, entry) });
      } catch {
        return; // said when the sheet is read here
      }
      total += entry.usize;
    });
    if (total < AHEAD_MIN_TOTAL) return;
    // The largest first: the other thread begins with the sheet that would keep this one longest,
    // while this one reads the smaller sheets before it; the others go to whichever comes first.
    found.sort((a, b) => b.entry.usize - a.entry.usize);
    const jobs = found.map(({ i, entry: { name, method, csize, usize, crc }, start, end }): AheadJob => {
      // A copy of its own to hand over (the file's bytes stay here, whole).
      return { sheet: this.sheets[i]?.name ?? "", entry: { name, method, csize, usize, crc }, data: new Uint8Array(zip.buf.subarray(start, end)) };
    });
    const index = new Map(found.map((f, j) => [f.i, j]));
    const input = { file: this.file, sst: shared.sst, sstStruck: shared.sstStruck, formats: shared.styles.formats, struck: shared.styles.struck, date1904: this.info.date1904, limits: this.limits, cap: CELL_PROBLEM_CAP };
    const reads = codec.sheetReader(input, jobs);
    if (reads) this.ahead = { reads, jobs: index };
  }

  /** A sheet's part's size unpacked, in bytes; undefined for a chart sheet or a part not there. */
  partSize(sheet: SheetInfo): number | undefined {
    const part = this.info.sheets[sheet.index]?.part;
    return part === undefined ? undefined : findEntry(this.pkg.zip, part)?.usize;
  }

  /**
   * The first formula of a sheet that `wanted` takes (its text as written, =-less), with its cell;
   * undefined where none does, or the sheet has no part. Its cells' values are not read.
   */
  async findFormula(sheet: SheetInfo, wanted: (formula: string) => boolean): Promise<{ cell: string; formula: string } | undefined> {
    const part = this.info.sheets[sheet.index]?.part;
    if (part === undefined) return undefined;
    let cell = "";
    let text = "";
    let found: { cell: string; formula: string } | undefined;
    const handler: XmlHandler = {
      open(id, x) {
        if (id === F.c) cell = x.attrValue(F.r) ?? "";
        else if (id === F.f) {
          text = "";
          x.wantText = true;
        }
      },
      close(id, x) {
        if (id !== F.f) return;
        x.wantText = false;
        const formula = expandEntities(text);
        // (A shared formula's children carry no text of their own: their first cell's said it.)
        if (formula !== "" && cell !== "" && wanted(formula)) {
          found = { cell, formula };
          throw FOUND;
        }
      },
      text(x, start, end) {
        text += DECODER.decode(x.b.subarray(start, end));
      },
    };
    try {
      await parsePart(this.pkg.zip, part, this.pkg.codec, FORMULA_NAMES, handler);
    } catch (e) {
      if (e !== FOUND) throw e;
    }
    return found;
  }

  /** A sheet's part as XML bytes, unparsed (how it was written tells which program wrote it); undefined where it has none. */
  async sheetXml(sheet: SheetInfo): Promise<Uint8Array | undefined> {
    const part = this.info.sheets[sheet.index]?.part;
    return part === undefined || findEntry(this.pkg.zip, part) === undefined ? undefined : (await partXml(this.pkg.zip, part, this.pkg.codec)).bytes;
  }

  /**
   * Whether every part of the package was stamped when it was created (its document properties'
   * created time, as `stampZip` stamps a file it writes): false once another program saved it,
   * which stamps its parts otherwise (Excel with 1980, others with the time saved). True where it
   * says no created time.
   */
  async stampedAsCreated(): Promise<boolean> {
    if (findEntry(this.pkg.zip, "docProps/core.xml") === undefined) return true;
    const core = new TextDecoder().decode((await partXml(this.pkg.zip, "docProps/core.xml", this.pkg.codec)).bytes);
    const created = /<dcterms:created[^>]*>([^<]+)</.exec(core)?.[1];
    const when = created === undefined ? Number.NaN : Date.parse(created);
    if (Number.isNaN(when)) return true;
    const { date, time } = dosStamp(new Date(when));
    const { buf } = this.pkg.zip;
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    return [...this.pkg.zip.entries.values()].every((e) => e.central + 16 > buf.length || (view.getUint16(e.central + 12, true) === time && view.getUint16(e.central + 14, true) === date));
  }

  /** A whole sheet at once (small sheets: a cover, a ledger), rows in order. */
  async sheet(sheet: SheetInfo, maxRows = Number.POSITIVE_INFINITY): Promise<RawSheet> {
    const out: RawSheet = { name: sheet.name, hidden: sheet.hidden, ...(sheet.veryHidden ? { veryHidden: sheet.veryHidden } : {}), rows: [], hiddenRows: new Set(), merges: [], ...(sheet.totalRows ? { totalRows: sheet.totalRows } : {}) };
    const rows = await this.rows(sheet);
    if (!rows) return out;
    const taken: RawRow[] = [];
    for (const row of rows) {
      if (taken.length >= maxRows) break;
      taken.push(row);
    }
    out.rows = inRowOrder(taken.map((r) => r.cells));
    out.hiddenRows = new Set(rows.hiddenRows);
    out.merges = [...rows.merges];
    if (rows.hiddenCols?.length) out.hiddenCols = [...rows.hiddenCols];
    if (rows.selected) out.selected = true;
    return out;
  }
}

/**
 * Rows in order, columns in order, one cell per position (the last written wins): what pulled
 * rows already are unless a hand-made file has rows going backwards.
 */
function inRowOrder(rows: RawCell[][]): RawCell[][] {
  let sorted = true;
  for (let i = 1; i < rows.length && sorted; i++) sorted = (rows[i - 1]?.[0]?.row ?? 0) < (rows[i]?.[0]?.row ?? 0);
  if (sorted) return rows;
  const byRow = new Map<number, RawCell[]>();
  for (const row of rows) {
    for (const c of row) {
      const list = byRow.get(c.row);
      if (list) list.push(c);
      else byRow.set(c.row, [c]);
    }
  }
  return [...byRow.keys()].sort((a, b) => a - b).map((r) => inColumnOrder(byRow.get(r) ?? []));
}

/** The one Diagnostic of a failure thrown by the reader; undefined for anything else (a fault). */
export function failureDiagnostic(file: string, e: unknown): Diagnostic | undefined {
  if (!(e instanceof XlsxFailure)) return undefined;
  const location = e.at ? { file, sheet: e.at.sheet, ...(e.at.cell !== undefined ? { cell: e.at.cell } : {}) } : { file };
  return { code: e.code, severity: "error", data: e.data, location };
}

/**
 * The whole workbook at once (tests, and a look at an existing file's sheet names): a file-level
 * problem gives no book and one error; cell-level problems give the book without those cells'
 * values plus an error for each. `sheets` chooses the sheets whose cells are read.
 */
export async function readXlsx(file: string, bytes: Uint8Array, codec: Codec, opts: { limits?: XlsxLimits; sheets?: (name: string) => boolean } = {}): Promise<XlsxResult> {
  const wanted = opts.sheets ?? (() => true);
  try {
    const book = await WorkbookReader.open(file, bytes, codec, opts.limits);
    const sheets: RawSheet[] = [];
    for (const s of book.sheets) {
      const sheet = wanted(s.name) ? await book.sheet(s) : { name: s.name, hidden: s.hidden, rows: [], hiddenRows: new Set<number>(), merges: [] };
      // The book holds what could be read: a refused cell is its diagnostic, not a cell.
      sheet.rows = sheet.rows.map((r) => r.filter((c) => c.value.t !== "refused")).filter((r) => r.length > 0);
      sheets.push(sheet);
    }
    return { book: { sheets }, diagnostics: book.problems.all() };
  } catch (e) {
    const d = failureDiagnostic(file, e);
    if (d) return { diagnostics: [d] };
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return { diagnostics: [{ code: "internal.error", severity: "error", data: { detail }, location: { file } }] };
  }
}
