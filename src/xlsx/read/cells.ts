// Turns one parsed <c> into a RawCell value: shared-string lookup, number checks, booleans, errors,
// ISO dates, formula results and formulas without a saved result; reports cell-level problems.
import type { Problems } from "../../diagnostics/index.js";
import { XlsxFailure } from "../fail.js";
import { DAYS_1900_TO_1904, isoToSerial, parseUintBytes } from "../refs.js";
import { parseNumberBytes, parseNumberText } from "../text.js";
import type { CellValue, NumberFormat, XlsxLimits } from "./types.js";

export const T_N = 0, T_S = 1, T_STR = 2, T_INLINE = 3, T_B = 4, T_E = 5, T_D = 6;

/** The t attribute from its bytes; unknown types read as text. */
export function cellType(b: Uint8Array, start: number, end: number): number {
  const len = end - start;
  const c = b[start];
  if (len === 1) return c === 0x73 ? T_S : c === 0x6e ? T_N : c === 0x62 ? T_B : c === 0x65 ? T_E : c === 0x64 ? T_D : T_STR;
  if (len === 9 && c === 0x69) return T_INLINE;
  return T_STR;
}

/** What the sheet reader gathered about one <c>. */
export interface CellParts {
  type: number;
  fmt: NumberFormat;
  hasF: boolean;
  hasV: boolean;
  /** The single raw segment of <v> when it had exactly one without entities (else -1), for the fast paths. */
  vStart: number;
  vEnd: number;
  inline: string | undefined;
  /** Set where the cell's shared string is struck through in every run of it (rich text: 划掉 while typing). */
  struckText: boolean;
  /** The decoded text of <f>. */
  formula(): string;
  /** The decoded text of <v>. */
  vString(): string;
}

const CACHE_CAP = 65_536;
const SHORT_NUMBER = 8;
export const TRUE: CellValue = Object.freeze({ t: "b", v: true });
export const FALSE: CellValue = Object.freeze({ t: "b", v: false });
/** A cell whose problem has been reported: it is there, but has no value to read. */
export const REFUSED: CellValue = Object.freeze({ t: "refused" });

/**
 * Equal values share one frozen value object: typical sheets repeat a few hundred distinct scores
 * and names, and 2.4 M cells × 2 objects is most of the reader's garbage.
 */
export class ValueCache {
  private readonly numbers: Record<NumberFormat, Map<number, CellValue>> = { percent: new Map(), "percent-0": new Map(), "percent-1": new Map(), date: new Map(), general: new Map(), "general-0": new Map(), "general-1": new Map(), "general-2": new Map(), "general-3": new Map(), "shown-percent": new Map(), scaled: new Map() };
  private readonly strings: (CellValue | undefined)[] = [];

  number(v: number, fmt: NumberFormat): CellValue {
    const map = this.numbers[fmt];
    let out = map.get(v);
    if (out === undefined || (v === 0 && Object.is(v, -0))) {
      out = Object.freeze({ t: "n", v, fmt });
      if (map.size < CACHE_CAP && !Object.is(v, -0)) map.set(v, out);
    }
    return out;
  }

  shared(index: number, s: string): CellValue {
    return (this.strings[index] ??= Object.freeze({ t: "s", v: s }));
  }
}

export interface CellContext {
  cache: ValueCache;
  b: Uint8Array;
  sheet: string;
  ref: string;
  sst: readonly string[];
  /** The shared strings struck through in every run. */
  sstStruck: ReadonlySet<number>;
  limits: XlsxLimits;
  date1904: boolean;
  problems: Problems;
}

function shortText(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function str(ctx: CellContext, s: string): CellValue | undefined {
  if (s.length > ctx.limits.maxStringLength) {
    ctx.problems.error("xlsx.string-too-long", ctx.sheet, ctx.ref, { length: s.length, limit: ctx.limits.maxStringLength });
    return REFUSED;
  }
  return { t: "s", v: s };
}

/** The cell's value; undefined for an empty cell, REFUSED for one whose problem was reported. */
export function cellValue(ctx: CellContext, p: CellParts): CellValue | undefined {
  const fast = p.vStart >= 0;
  let hasText = p.hasV;
  if (hasText && p.type !== T_STR && p.type !== T_INLINE && (fast ? p.vStart === p.vEnd : p.vString().trim() === "")) hasText = false;
  if (!hasText) {
    if (p.type === T_INLINE && p.inline !== undefined) return str(ctx, p.inline);
    if (p.hasF) return { t: "formula-no-result", formula: p.formula() };
    return undefined;
  }
  switch (p.type) {
    case T_N: {
      const v = fast ? parseNumberBytes(ctx.b, p.vStart, p.vEnd) : parseNumberText(p.vString());
      if (Number.isNaN(v)) {
        ctx.problems.error("xlsx.bad-number", ctx.sheet, ctx.ref, { value: shortText(p.vString()) });
        return REFUSED;
      }
      const n = p.fmt === "date" && ctx.date1904 ? v + DAYS_1900_TO_1904 : v;
      // Short texts (scores, counts, rates) repeat and share a value; long ones rarely do.
      return fast && p.vEnd - p.vStart <= SHORT_NUMBER ? ctx.cache.number(n, p.fmt) : { t: "n", v: n, fmt: p.fmt };
    }
    case T_S: {
      const i = fast ? parseUintBytes(ctx.b, p.vStart, p.vEnd) : parseNumberText(p.vString());
      const s = Number.isInteger(i) && i >= 0 ? ctx.sst[i] : undefined;
      if (s === undefined) {
        ctx.problems.error("xlsx.bad-shared-string", ctx.sheet, ctx.ref, { index: shortText(p.vString()) });
        return REFUSED;
      }
      if (ctx.sstStruck.size && ctx.sstStruck.has(i)) p.struckText = true;
      return s.length > ctx.limits.maxStringLength ? str(ctx, s) : ctx.cache.shared(i, s);
    }
    case T_B: {
      const t = p.vString().trim();
      if (t === "1" || t === "true") return TRUE;
      if (t === "0" || t === "false") return FALSE;
      ctx.problems.error("xlsx.bad-number", ctx.sheet, ctx.ref, { value: shortText(t) });
      return REFUSED;
    }
    case T_E:
      return { t: "e", v: p.vString().trim() };
    case T_D: {
      const v = isoToSerial(p.vString());
      if (Number.isNaN(v)) {
        ctx.problems.error("xlsx.bad-number", ctx.sheet, ctx.ref, { value: shortText(p.vString()) });
        return REFUSED;
      }
      return { t: "n", v, fmt: "date" };
    }
    default:
      return str(ctx, p.type === T_INLINE && p.inline !== undefined ? p.inline : p.vString());
  }
}

/** Cells, merged ranges and shared strings all count against maxCells: each is memory kept. */
export function tooManyCells(sheet: string, ref: string | undefined, limit: number): never {
  throw new XlsxFailure("xlsx.too-many-cells", { limit }, ref === undefined ? { sheet } : { sheet, cell: ref });
}

