// Compact storage of what units entered: one integer per code per unit, plus the row it was on,
// in typed arrays; the SHEET!CELL of a value is computed only when asked. A province of 40,000
// towns × 50 values fits in tens of megabytes instead of hundreds.
import { EnteredCell, type Entered, type UnitValues } from "./model.js";

const MISSING = -2147483648;

/** Units whose values share one typed array: a typed array per unit would cost more than its numbers. */
const PAGE_UNITS = 4096;

/** Where each code's column is: shared by every unit. It also hands out each unit's storage. */
export class ValueLayout {
  readonly index = new Map<string, number>();
  readonly sheet: string[] = [];
  readonly col: number[] = [];
  private page = new Int32Array(0);
  private used = 0;
  /** Units the current page holds. */
  private units = 0;

  constructor(codes: Iterable<string>) {
    for (const code of codes) {
      if (this.index.has(code)) continue;
      this.index.set(code, this.sheet.length);
      this.sheet.push("");
      this.col.push(0);
    }
  }

  place(code: string, sheet: string, col: number): number | undefined {
    const i = this.index.get(code);
    if (i === undefined) return undefined;
    this.sheet[i] = sheet;
    this.col[i] = col;
    return i;
  }

  /** Room for one unit: its values (all missing at first), then the rows they were on. */
  slot(): { page: Int32Array; offset: number } {
    const width = 2 * this.sheet.length;
    if (this.used + width > this.page.length) {
      // Pages grow with the district (a small one allocates little), up to PAGE_UNITS units.
      this.units = Math.min(PAGE_UNITS, Math.max(64, this.units * 2));
      this.page = new Int32Array(Math.max(width, this.units * width));
      this.used = 0;
    }
    const offset = this.used;
    this.used += width;
    this.page.fill(MISSING, offset, offset + this.sheet.length);
    return { page: this.page, offset };
  }
}

export class UnitTable implements UnitValues<number> {
  private readonly page: Int32Array;
  private readonly offset: number;

  constructor(private readonly layout: ValueLayout) {
    ({ page: this.page, offset: this.offset } = layout.slot());
  }

  set(index: number, value: number, row: number): void {
    this.page[this.offset + index] = value;
    this.page[this.offset + this.layout.sheet.length + index] = row;
  }

  numberOf(code: string): number | undefined {
    const i = this.layout.index.get(code);
    const v = i === undefined ? undefined : this.page[this.offset + i];
    return v === undefined || v === MISSING ? undefined : v;
  }

  get(code: string): Entered<number> | undefined {
    const i = this.layout.index.get(code);
    if (i === undefined) return undefined;
    const v = this.page[this.offset + i];
    if (v === undefined || v === MISSING) return undefined;
    return new EnteredCell(v, this.layout.sheet[i] ?? "", this.page[this.offset + this.layout.sheet.length + i] ?? 0, this.layout.col[i] ?? 0);
  }
}
