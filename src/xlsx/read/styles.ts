// Number formats from xl/styles.xml: each cellXfs entry classified as percent, date or general,
// from the built-in format ids and the custom codes in numFmts.
import { NameTable, nameIds } from "../names.js";
import { parsePart } from "./part.js";
import type { NumberFormat } from "./types.js";
import type { XmlHandler, XmlReader } from "../xml.js";
import type { Pkg } from "./zip.js";

/** Built-in ids: 9 (0%) and 10 (0.00%) are percent; 2 (0.00) and 4 (#,##0.00) two decimals; 14–22 and 45–47 dates/times; 27–36 and 50–58 are the CJK-locale date formats. */
export function builtinFormat(id: number): NumberFormat {
  if (id === 9) return "percent-0";
  if (id === 10) return "percent";
  if (id === 1 || id === 3) return "general-0";
  if (id === 2 || id === 4) return "general-2";
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return "date";
  return "general";
}

/**
 * A custom format code: percent when a % stands outside quotes/escapes, date when y/m/d/h/s stands
 * outside quotes, escapes and [brackets] (so [Red] and [$-804] do not count, "[h]:mm" still does
 * through its mm); shown-percent when a % stands only quoted or escaped ("%", \%: the number is
 * shown as it is, with a % after it); scaled when the number shown is not the one stored: a comma
 * after the digits (#,##0, shows thousands) or an escaped point between digits (0!.0000 shows
 * ten-thousands, the 万元 trick). Only the first section decides. A percent showing no decimal or
 * one (0%, 0.0%) is percent-0 or percent-1, a number with two or three decimals (0.00, 0.000)
 * general-2 or general-3: a digit placeholder after the point is a decimal.
 */
export function classifyFormatCode(code: string): NumberFormat {
  let percent = false;
  let shownPercent = false;
  let scaled = false;
  let date = false;
  const digit = (ch: string | undefined): boolean => ch === "0" || ch === "#" || ch === "?";
  /** A digit placeholder seen so far. */
  let digits = false;
  /** Digit placeholders after the decimal point (undefined: no point yet). */
  let decimals: number | undefined;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (digit(c)) {
      digits = true;
      if (decimals !== undefined) decimals++;
    } else if (c === "." && decimals === undefined) decimals = 0;
    if (c === '"') {
      const close = code.indexOf('"', i + 1);
      // A % written after the digits ("ymd%"0.00 has one before them: no percentage).
      if (digits && code.slice(i + 1, close < 0 ? code.length : close).includes("%")) shownPercent = true;
      i = close < 0 ? code.length : close;
    } else if (c === "\\" || c === "!") {
      const next = code[i + 1];
      if (next === "%" && digits) shownPercent = true;
      if (next === "." && digit(code[i - 1]) && digit(code[i + 2])) scaled = true;
      i++;
    } else if (c === "_" || c === "*") {
      i++;
    } else if (c === "[") {
      const close = code.indexOf("]", i + 1);
      i = close < 0 ? code.length : close;
    } else if (c === "%") {
      percent = true;
    } else if (c === "," && digit(code[i - 1])) {
      // Commas after the digits, not followed by more digits: each divides by a thousand.
      let j = i;
      while (code[j] === ",") j++;
      if (!digit(code[j])) scaled = true;
      i = j - 1;
    } else if ("yYmMdDhHsS".includes(c)) {
      date = true;
    } else if (c === ";") {
      break;
    }
  }
  if (date && !percent) return "date";
  if (scaled) return "scaled";
  if (percent) return (decimals ?? 0) === 0 ? "percent-0" : decimals === 1 ? "percent-1" : "percent";
  if (shownPercent) return "shown-percent";
  // (No point: whole numbers, 0 or #,##0; a fraction's ?/? shows what is not whole.)
  if (decimals === undefined) return digits && !code.includes("/") && !/E[+-]/i.test(code) ? "general-0" : "general";
  return decimals === 0 ? "general-0" : decimals === 1 ? "general-1" : decimals === 2 ? "general-2" : decimals === 3 ? "general-3" : "general";
}

const NAMES = ["styleSheet", "numFmts", "numFmt", "numFmtId", "formatCode", "cellXfs", "xf", "fonts", "font", "strike", "val", "fontId"] as const;
const N = nameIds(NAMES);
const TABLE = new NameTable(NAMES);

/** What a cell's style (its s attribute, an index into cellXfs) says of it. */
export interface CellStyles {
  /** The format class of each style. */
  readonly formats: readonly NumberFormat[];
  /** Each style whose font is struck through (划掉: a withdrawn claim, as clerks strike one out). */
  readonly struck: readonly boolean[];
}

const NO_STYLES: CellStyles = { formats: [], struck: [] };

/** The format class of each cellXfs index (the cell's s attribute), and whether its font is struck through. */
export async function readStyles(pkg: Pkg, part: string | undefined): Promise<CellStyles> {
  if (part === undefined) return NO_STYLES;
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  const xfFonts: number[] = [];
  const fontStruck: boolean[] = [];
  let depth = 0;
  let inNumFmts = false;
  let inCellXfs = false;
  let inFonts = false;
  const handler: XmlHandler = {
    open(id: number, x: XmlReader) {
      depth++;
      if (depth === 2) {
        inNumFmts = id === N.numFmts;
        inCellXfs = id === N.cellXfs;
        inFonts = id === N.fonts;
      } else if (depth === 3 && inNumFmts && id === N.numFmt) {
        const fid = Number(x.attrValue(N.numFmtId));
        if (Number.isInteger(fid)) custom.set(fid, x.attrValue(N.formatCode) ?? "");
      } else if (depth === 3 && inCellXfs && id === N.xf) {
        const fid = Number(x.attrValue(N.numFmtId) ?? "0");
        xfIds.push(Number.isInteger(fid) ? fid : 0);
        const font = Number(x.attrValue(N.fontId) ?? "0");
        xfFonts.push(Number.isInteger(font) ? font : 0);
      } else if (depth === 3 && inFonts && id === N.font) {
        fontStruck.push(false);
      } else if (depth === 4 && inFonts && id === N.strike) {
        // <strike/>, or val="1"/"true"; val="0" or "false" is none.
        const v = x.attrValue(N.val);
        fontStruck[fontStruck.length - 1] = v === undefined || v === "1" || v === "true";
      }
    },
    close() {
      depth--;
    },
    text() {},
  };
  await parsePart(pkg.zip, part, pkg.codec, TABLE, handler);
  const formats = xfIds.map((fid) => {
    const code = custom.get(fid);
    return code === undefined ? builtinFormat(fid) : classifyFormatCode(code);
  });
  return { formats, struck: xfFonts.map((f) => fontStruck[f] === true) };
}
