// Compact storage of what units entered, as the reader finds it: per unit one number per code and
// the row it was on, in typed arrays shared by many units; the SHEET!CELL of a value is made only
// when asked. A province of 40,000 towns × 50 values takes tens of megabytes, not hundreds.
import type { CellAt, Values } from "../model/submission.js";
import { colName } from "../xlsx/refs.js";

/** Units whose values share one page: a typed array per unit would cost more than its numbers. */
const PAGE_UNITS = 4096;

export class ValueStore {
  /** code → slot */
  readonly index = new Map<string, number>();
  /** Where each slot's column is (the sheet and column it was read from). */
  private readonly sheet: string[] = [];
  private readonly col: number[] = [];
  private readonly width: number;
  private values = new Float64Array(0);
  private rows = new Int32Array(0);
  private used = 0;
  /** Units the current page holds. */
  private pageUnits = 0;
  /** The pages, and each stored unit's page (by its number) and offset in it. */
  private readonly pages: { values: Float64Array; rows: Int32Array }[] = [];
  private readonly pageOf: number[] = [];
  private readonly offsetOf: number[] = [];

  constructor(codes: Iterable<string>) {
    for (const code of codes) {
      if (this.index.has(code)) continue;
      this.index.set(code, this.sheet.length);
      this.sheet.push("");
      this.col.push(0);
    }
    this.width = this.sheet.length;
  }

  /** Records where a code's column is; its slot, or undefined for a code we do not keep. */
  place(code: string, sheet: string, col: number): number | undefined {
    const i = this.index.get(code);
    if (i === undefined) return undefined;
    this.sheet[i] = sheet;
    this.col[i] = col;
    return i;
  }

  /** Room for one more unit's values (all missing at first); its storage id. */
  addUnit(): number {
    const w = this.width;
    if (this.used + w > this.values.length) {
      // Pages grow with the district (a small one allocates little), up to PAGE_UNITS units.
      this.pageUnits = Math.min(PAGE_UNITS, Math.max(64, this.pageUnits * 2));
      this.values = new Float64Array(Math.max(w, this.pageUnits * w)).fill(Number.NaN);
      this.rows = new Int32Array(this.values.length);
      this.pages.push({ values: this.values, rows: this.rows });
      this.used = 0;
    }
    const id = this.pageOf.length;
    this.pageOf.push(this.pages.length - 1);
    this.offsetOf.push(this.used);
    this.used += w;
    return id;
  }

  set(unit: number, slot: number, value: number, row: number): void {
    const page = this.pages[this.pageOf[unit] ?? -1];
    const at = (this.offsetOf[unit] ?? 0) + slot;
    if (!page) return;
    page.values[at] = value;
    page.rows[at] = row;
  }

  get(unit: number, slot: number): number | undefined {
    const page = this.pages[this.pageOf[unit] ?? -1];
    if (!page || slot >= this.width) return undefined;
    const v = page.values[(this.offsetOf[unit] ?? 0) + slot];
    return v === undefined || Number.isNaN(v) ? undefined : v;
  }

  at(unit: number, slot: number): CellAt | undefined {
    const page = this.pages[this.pageOf[unit] ?? -1];
    if (!page || this.get(unit, slot) === undefined) return undefined;
    const row = page.rows[(this.offsetOf[unit] ?? 0) + slot] ?? 0;
    return { sheet: this.sheet[slot] ?? "", cell: `${colName(this.col[slot] ?? 1)}${row}` };
  }

  /** The values as the submission sees them: by the units' indexes there (storage ids given). */
  view(storageIds: ArrayLike<number>): Values {
    const slots = this.index;
    return {
      slot: (code) => slots.get(code),
      get: (u, slot) => this.get(storageIds[u] ?? -1, slot),
      at: (u, slot) => this.at(storageIds[u] ?? -1, slot),
    };
  }
}
