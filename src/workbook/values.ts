// Compact storage of what units entered: one integer per code per unit, plus the row it was on,
// in typed arrays; the SHEET!CELL of a value is computed only when asked. A province of 40,000
// towns × 50 values fits in tens of megabytes instead of hundreds.
import { EnteredCell, type Entered, type UnitValues } from "./model.js";

const MISSING = -2147483648;

/** Where each code's column is: shared by every unit. */
export class ValueLayout {
  readonly index = new Map<string, number>();
  readonly sheet: string[] = [];
  readonly col: number[] = [];

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
}

export class UnitTable implements UnitValues<number> {
  private readonly values: Int32Array;
  private readonly rows: Int32Array;

  constructor(private readonly layout: ValueLayout) {
    this.values = new Int32Array(layout.sheet.length).fill(MISSING);
    this.rows = new Int32Array(layout.sheet.length);
  }

  set(index: number, value: number, row: number): void {
    this.values[index] = value;
    this.rows[index] = row;
  }

  numberOf(code: string): number | undefined {
    const i = this.layout.index.get(code);
    const v = i === undefined ? undefined : this.values[i];
    return v === undefined || v === MISSING ? undefined : v;
  }

  get(code: string): Entered<number> | undefined {
    const i = this.layout.index.get(code);
    if (i === undefined) return undefined;
    const v = this.values[i];
    if (v === undefined || v === MISSING) return undefined;
    return new EnteredCell(v, this.layout.sheet[i] ?? "", this.rows[i] ?? 0, this.layout.col[i] ?? 0);
  }
}
