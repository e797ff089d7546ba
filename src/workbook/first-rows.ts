// The cells a unit's first row holds in the columns read, kept compactly while a sheet is read:
// where the unit turns up again, what the two rows hold is said (the same, items to move, values
// that differ), and a province's rows are not kept whole for it (numbers in one typed array,
// words apart).
import type { NumberFormat, RawCell } from "../xlsx/read/index.js";
import { isBlank, shownText } from "./cells.js";
import { normalizeWidth, numberText } from "../model/numbers.js";

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

  /**
   * Whether the kept cell holds what `c` holds, as they are read: numbers by value to four
   * decimals (5.60% held as 0.055999999999999994 or 0.0559999), a number typed as text ('18 ',
   * 10,850, 41,200万元, 3.6%) as that number.
   */
  same(at: number, j: number, c: RawCell | undefined): boolean {
    const k = at * this.cols.length + j;
    const kind = this.kinds[k];
    if (isBlank(c)) return kind === BLANK;
    if (kind === BLANK || !c) return false;
    const kept = kind === NUMBER ? this.numbers[k] ?? Number.NaN : valueOf(this.texts.get(k) ?? "");
    const now = c.value.t === "n" ? c.value.v : valueOf(shownText(c));
    return typeof kept === "number" && typeof now === "number" ? Math.round(kept * 1e4) === Math.round(now * 1e4) : kept === now;
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

/** A cell's text as the number it reads as, where it is one (95% as 0.95; 41,200万元 as 41200); else the text. */
function valueOf(text: string): number | string {
  const t = normalizeWidth(text).trim();
  const percent = /^(.*?)\s*%$/.exec(t);
  if (percent) {
    const n = numberText(percent[1] ?? "");
    return n === undefined ? t : Number(n) / 100;
  }
  const n = numberText(t.replace(/\s*[\u3400-\u9fff/]+$/, ""));
  return n === undefined ? t : Number(n);
}
