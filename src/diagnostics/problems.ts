// Collects the problems of one file as they are found: at SHEET!CELL, on a whole sheet (no cell)
// or with the file as a whole (no sheet). A cap keeps a badly damaged file from listing a million
// cells: past it, problems are counted and said in one more line.
import type { Diagnostic, DiagnosticData, Location, Severity } from "./types.js";

export class Problems {
  readonly list: Diagnostic[] = [];
  private dropped = 0;

  constructor(
    readonly file: string,
    private readonly cap = Number.POSITIVE_INFINITY,
    /** The code of the line that counts those past the cap. */
    private readonly moreCode = "xlsx.more-problems",
  ) {}

  error(code: string, sheet?: string, cell?: string, data: DiagnosticData = {}): void {
    this.add("error", code, sheet, cell, data);
  }

  warn(code: string, sheet?: string, cell?: string, data: DiagnosticData = {}): void {
    this.add("warning", code, sheet, cell, data);
  }

  /** A problem found elsewhere (another thread's reader), kept as if found here. */
  take(d: Diagnostic): void {
    if (this.list.length >= this.cap) this.dropped++;
    else this.list.push(d);
  }

  /** Problems past another reader's cap: counted here too. */
  drop(count: number): void {
    this.dropped += count;
  }

  /**
   * The unit whose row is being read, while it is: named with what is said of its cells (their
   * messages name the item, a clerk's list is by unit). Kept where the message names it too (the
   * JSON gives it always); the line printed names it only where the message does not.
   */
  unit: string | undefined;

  /** The item's (or indicator's) code whose column is being read: named with what is said of its cells where the message does not (约95 says neither). */
  item: string | undefined;

  /** The first cell read whose number is a formula's result (a workbook set to calculate by hand is said at it). */
  firstFormula: { sheet: string; cell: string } | undefined;

  /** The workbook counts its dates from 1904: a date cell's number as stored (and shown as General) is its serial less 1462. */
  date1904 = false;

  /** What `say` says, said of the item's (or indicator's) column `item` (a check made once every sheet is read). */
  about(item: string, say: () => void): void {
    const was = this.item;
    this.item = item;
    try {
      say();
    } finally {
      this.item = was;
    }
  }

  /** Problems said too soon (a cell found not to matter once every sheet is read): taken back. */
  withdraw(gone: ReadonlySet<Diagnostic>): void {
    let at = 0;
    for (const d of this.list) if (!gone.has(d)) this.list[at++] = d;
    this.list.length = at;
  }

  /** How many were past the cap. */
  get past(): number {
    return this.dropped;
  }

  private add(severity: Severity, code: string, sheet: string | undefined, cell: string | undefined, data: DiagnosticData): void {
    if (this.list.length >= this.cap) {
      this.dropped++;
      return;
    }
    const location: Location = sheet === undefined ? { file: this.file } : { file: this.file, sheet, ...(cell ? { cell } : {}) };
    const unit = this.unit;
    const item = this.item;
    this.list.push(unit === undefined && item === undefined ? { code, severity, data, location } : { code, severity, data, location, ...(unit !== undefined ? { unit } : {}), ...(item !== undefined ? { item } : {}) });
  }

  get hasErrors(): boolean {
    return this.dropped > 0 || this.list.some((d) => d.severity === "error");
  }

  /** Every problem, and one line counting those past the cap. */
  all(): Diagnostic[] {
    if (this.dropped === 0) return this.list;
    return [...this.list, { code: this.moreCode, severity: "error", data: { count: this.dropped, cap: this.cap }, location: { file: this.file } }];
  }
}
