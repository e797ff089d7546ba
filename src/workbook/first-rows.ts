// The cells a unit's first row holds in the columns read, kept compactly while a sheet is read:
// where the unit turns up again, what the two rows hold is said (the same, items to move, values
// that differ), and a province's rows are not kept whole for it (numbers in one typed array,
// words apart).
import type { NumberFormat, RawCell } from "../xlsx/read/index.js";
import { isBlank, shownText } from "./cells.js";

const BLANK = 0;
const NUMBER = 1;
/** Anything else (words, a date, an error value): kept as the cell shows it. */
const OTHER = 2;

export class FirstRows {
  private kinds = new Uint8Array(0);
  private numbers = new Float64Array(0);
  /** Each number's format, by its index in `formats` (a sheet has a handful). */
  private formatOf = new Uint8Array(0);
  private readonly formats: NumberFormat[] = [];
  /** What an other cell showed. */
  private readonly texts = new Map<number, string>();
  private count = 0;

  /** `cols`: the columns kept, in the order they are asked for by position. */
  constructor(private readonly cols: readonly number[]) {}

  /** Keeps a row's cells; gives the index it is found by. */
  add(cells: readonly (RawCell | undefined)[]): number {
    const n = this.cols.length;
    const at = this.count++;
    if ((at + 1) * n > this.kinds.length) this.grow((at + 1) * n);
    for (let j = 0; j < n; j++) {
      const c = cells[this.cols[j] ?? 0];
      const k = at * n + j;
      if (isBlank(c)) this.kinds[k] = BLANK;
      else if (c?.value.t === "n") {
        this.kinds[k] = NUMBER;
        this.numbers[k] = c.value.v;
        let f = this.formats.indexOf(c.value.fmt);
        if (f < 0) f = this.formats.push(c.value.fmt) - 1;
        this.formatOf[k] = f;
      } else {
        this.kinds[k] = OTHER;
        this.texts.set(k, c ? shownText(c) : "");
      }
    }
    return at;
  }

  isBlank(at: number, j: number): boolean {
    return this.kinds[at * this.cols.length + j] === BLANK;
  }

  /** Whether the kept cell holds what `c` holds (numbers by value, words by their text). */
  same(at: number, j: number, c: RawCell | undefined): boolean {
    const k = at * this.cols.length + j;
    const kind = this.kinds[k];
    if (isBlank(c)) return kind === BLANK;
    if (c?.value.t === "n") return kind === NUMBER && this.numbers[k] === c.value.v;
    return kind === OTHER && this.texts.get(k) === (c ? shownText(c) : "");
  }

  /** The kept cell as it showed (95% for 0.95 formatted as a percentage). */
  shown(at: number, j: number): string {
    const k = at * this.cols.length + j;
    const kind = this.kinds[k];
    if (kind === BLANK) return "";
    if (kind === OTHER) return this.texts.get(k) ?? "";
    const v = this.numbers[k] ?? 0;
    return shownText({ ref: "", col: 0, row: 0, formula: false, value: { t: "n", v, fmt: this.formats[this.formatOf[k] ?? 0] ?? "general" } });
  }

  private grow(need: number): void {
    const size = Math.max(need, this.kinds.length * 2);
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    const numbers = new Float64Array(size);
    numbers.set(this.numbers);
    const formatOf = new Uint8Array(size);
    formatOf.set(this.formatOf);
    this.kinds = kinds;
    this.numbers = numbers;
    this.formatOf = formatOf;
  }
}
