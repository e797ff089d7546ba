// Reading one cell the way users fill them: names trimmed (spaces, NBSP, full-width spaces),
// numbers typed as text, "95%" and "９５％", percent-formatted numbers; every refusal is a
// diagnostic naming the cell.
import type { Problems } from "../diagnostics/index.js";
import { CHINESE_DIGITS, chineseNumber, formatPoints, formatPointsFixed, formatRate, fractionToRate, normalizeWidth, numberText, parseRate, toPoints, withDisplay, type Points } from "../model/numbers.js";
import { isGeneralFormat, isPercentFormat, roundedRate, shownDecimals, type RawCell } from "../xlsx/read/index.js";
import { colName, DAYS_1900_TO_1904, serialToIsoDate } from "../xlsx/refs.js";
import { SHOWS_NOTHING, SHOWS_NOTHING_ALL } from "../model/names.js";


/**
 * Trims ASCII, non-breaking and full-width spaces at both ends, and drops characters that show
 * nothing wherever they are: 东湖\u200b街道 (pasted from a web page or a chat) is 东湖街道, which
 * nobody can tell from it on screen, nor mend.
 */
export function cleanText(s: string): string {
  const t = s.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, "");
  return SHOWS_NOTHING.test(t) ? cleanText(t.replace(SHOWS_NOTHING_ALL, "")) : t;
}

/** What a cell shows, to quote it: a date as its date (2026-03-01), a percentage as one (96.5%), else its text. */
export function shownText(c: RawCell): string {
  const v = c.value;
  if (v.t === "n" && v.fmt === "date") return serialToIsoDate(v.v) || String(v.v);
  if (v.t === "n" && isPercentFormat(v.fmt)) return formatRate(fractionToRate(v.v));
  // As a spreadsheet shows a number (0.056, not 0.05599999999999994).
  if (v.t === "n") return asShown(v.v);
  return cellText(c);
}

/** The text a cell shows, trimmed; "" for empty, numbers as written. */
export function cellText(c: RawCell | undefined): string {
  if (!c) return "";
  const v = c.value;
  switch (v.t) {
    case "s":
      return cleanText(v.v);
    case "n":
      return String(v.v);
    case "b":
      return v.v ? "TRUE" : "FALSE";
    case "e":
      return v.v;
    case "formula-no-result":
    case "refused":
      return "";
  }
}

export function isBlank(c: RawCell | undefined): boolean {
  return !c || (c.value.t === "s" && cleanText(c.value.v) === "");
}

/**
 * A figure struck through (划掉: void, a clerk meant) is read all the same: said at its cell, once a
 * row (a unit's row struck out is one act, not a warning for each of its cells).
 */
function struckThrough(p: Problems, sheet: string, c: RawCell): void {
  let rows = struckRows.get(p);
  if (!rows) struckRows.set(p, (rows = new Set()));
  const row = `${sheet}\u0000${c.row}`;
  if (rows.has(row)) return;
  rows.add(row);
  p.warn("workbook.cell-struck", sheet, c.ref, { value: shownText(c) });
}

/** Per file, the rows a figure struck through was said on. */
const struckRows = new WeakMap<Problems, Set<string>>();

/**
 * The number a date-formatted cell holds, as Excel shows it once formatted 常规, from the serial
 * read (counted from 1900): in a 1904 workbook (a Mac's), 1462 less; to ten places (0.068, not
 * 0.06799999999999999 nor, less 1462, 0.0679999999999836).
 */
export function storedNumber(serial: number, date1904: boolean): string {
  return String(Math.round((date1904 ? serial - DAYS_1900_TO_1904 : serial) * 1e10) / 1e10);
}

/**
 * Problems every numeric cell shares: error values, formulas never calculated, dates, booleans;
 * a cell the package reader refused has been reported already.
 */
function commonRefusal(p: Problems, sheet: string, c: RawCell): boolean {
  const v = c.value;
  if (v.t === "refused") return true;
  if (c.formula) p.firstFormula ??= { sheet, cell: c.ref };
  if (v.t === "e") p.error("workbook.error-value", sheet, c.ref, { value: v.v });
  else if (v.t === "formula-no-result") p.error("workbook.formula-no-result", sheet, c.ref);
  else if (v.t === "b") p.error("workbook.not-a-number", sheet, c.ref, { value: v.v ? "TRUE" : "FALSE" });
  // Said as the date the cell shows (2026-03-01), and the number under it (46082).
  else if (v.t === "n" && v.fmt === "date") {
    // Below a day (0, 0.1) there is no date to say: each program shows its own (1900-01-00, 1899-12-30).
    const date = serialToIsoDate(v.v);
    p.error(date ? "workbook.date-not-number" : "workbook.date-not-number-nodate", sheet, c.ref, { value: storedNumber(v.v, p.date1904), date });
  }
  // Shown scaled (0!.0000"万元", #,##0,): what the user sees is not the number stored.
  else if (v.t === "n" && v.fmt === "scaled") p.error("workbook.scaled-format", sheet, c.ref, { value: String(v.v) });
  else return false;
  return true;
}

/**
 * Digits that could be read as more than one number: a comma that groups no thousands (1,5: 15 or
 * 1.5?) or a space between digits (1 8): the message that says so, else undefined.
 */
function ambiguous(text: string, target = false): string | undefined {
  const typed = normalizeWidth(text).trim();
  // 53。5: a full stop typed for the decimal point (a Chinese input method's 。).
  if (/^[+-]?\d+。\d+\s*%?$/.test(typed)) return "workbook.number-full-stop";
  // 19.5。, 96.8%; (a sentence's full stop or comma after the number, pasted from a report).
  // (After a unit's word too: 1起。)
  if (/^[+-]?\d[\d.,]*\s*(?:%|[\u4e00-\u9fff/]+)?\s*[。.,,;;、]+$/.test(typed) && !/^[+-]?\d+(\.\d+)?%?$/.test(typed)) return "workbook.number-trailing-mark";
  // ≥19.5, ≤5, >90%: a bound, as a 办法 writes a target, not the figure reached.
  // (In a target's column the bound is what belongs there: its sign alone is not.)
  if (/^(?:[≥≤≧≦><]=?|=[><])\s*[+-]?\d[\d.,]*\s*%?$/.test(typed)) return target ? "workbook.number-comparison-target" : "workbook.number-comparison";
  // 约96%, 53.5(估), 15左右: an estimate, not the figure.
  if (APPROXIMATE.test(typed)) return "workbook.number-approximate";
  // 30.5%%: a sign typed twice.
  if (/^[+-]?[\d.,]+\s*%\s*%+$/.test(typed)) return "workbook.number-percent-twice";
  // '96.8%: an apostrophe kept in the text (pasted from a program that marks text so), not the number.
  if (/^['‘’`´]\s*[+-]?\d[\d.,]*\s*%?$/.test(typed)) return "workbook.number-apostrophe";
  // (95,5 % as 95,5%: the space before the sign typed or not.)
  const t = typed.replace(/\s*[%％]$/, "");
  // 0,500: its comma groups three digits, but nobody writes 500 so (a decimal comma's 0.5?).
  if (/^[+-]?0+(,\d{3})+(\.\d*)?$/.test(t)) return "workbook.number-comma-zero";
  if (/^[+-]?\d+(,\d+)+(\.\d*)?$/.test(t)) return "workbook.number-comma";
  if (/\d\s+\d/.test(t) && /^[+-]?[\d\s.]+$/.test(t)) return "workbook.number-space";
  // (2.5%) and (800): an accountant's negative, never guessed.
  if (/^\(\s*[\d.,]+\s*[%％]?\s*\)$/.test(normalizeWidth(text).trim())) return "workbook.number-brackets";
  return undefined;
}

/** A per-mille figure (305‰), its number. */
const PER_MILLE = /^([+-]?\d+(?:\.\d+)?)\s*‰$/;

/** A number said to be about so much (约, 大约, 左右, 估, 以上), before or after it. */
const APPROXIMATE = /^(?:约|大约|大概|估计|预计|近|≈|~|〜)\s*[+-]?\d[\d.,]*\s*%?$|^[+-]?\d[\d.,]*\s*%?\s*(?:左右|上下|以上|以下|余|多|估|\(估\)|\(约\)|\(估计\)|\(预计\))$/;

/** Points taken off typed with their word (扣1.2分, 扣 2, 减1分): the number; undefined for anything else. */
function takenOff(text: string): string | undefined {
  const m = /^(?:扣|扣除|减|减去)\s*(.*?)\s*分?$/.exec(normalizeWidth(text).trim());
  const n = m ? numberText(m[1] ?? "") : undefined;
  return n !== undefined && Number(n) >= 0 ? n : undefined;
}

/** Points typed with their 分 (18.5分, １８．５ 分): the number before it; undefined for anything else. */
function beforeFen(text: string): string | undefined {
  const m = /^(.*?)\s*(?:分|pts?\.?|points?)$/i.exec(normalizeWidth(text).trim());
  return m ? numberText(m[1] ?? "") : undefined;
}

/** Points for a judged item (or the points taken off a deducted one): 0 ≤ p ≤ max, in the item's steps. */
export function readPoints(p: Problems, sheet: string, c: RawCell | undefined, col: number, row: number, item: { code: string; max: Points; step: Points; kind: string }): Points | undefined {
  const { code, max, step } = item;
  // A deducted item's cell holds the points taken off: said as such.
  const deducted = item.kind === "deducted";
  if (!c || isBlank(c)) {
    // A formula giving "" (=IF(Z3="","",Z3)): what it refers to is blank, not the cell.
    const said = `${deducted ? "workbook.blank-deduction" : "workbook.blank-points"}${c?.formula === true ? "-formula" : ""}`;
    p.error(said, sheet, colName(col) + row, { code, max: formatPoints(max) });
    return undefined;
  }
  // TRUE or FALSE (a checkbox, a comparison typed for a number): said as the item's points.
  if (c.value.t === "b") {
    p.error("workbook.points-not-a-number", sheet, c.ref, { code, value: c.value.v ? "TRUE" : "FALSE", max: formatPoints(max) });
    return undefined;
  }
  if (commonRefusal(p, sheet, c)) return undefined;
  if (c.struck === true) struckThrough(p, sheet, c);
  let n: number;
  const v = c.value;
  if (v.t === "n") {
    if (isPercentFormat(v.fmt) || v.fmt === "shown-percent") {
      p.error("workbook.percent-in-points", sheet, c.ref, { value: `${isPercentFormat(v.fmt) ? v.v * 100 : v.v}%`, code, max: formatPoints(max) });
      return undefined;
    }
    n = v.v;
  } else {
    const s = numberText(cellText(c));
    if (s === undefined) {
      // 扣1.2分: the points taken off, with their word. On an item that takes points off, the
      // number alone is asked; on one whose points are entered, the points left. Only a figure
      // the cell could hold is offered (扣16分 of 15, 扣1.2分 where whole points are given: not a
      // number, with the range).
      const off = takenOff(cellText(c));
      if (off !== undefined) {
        const taken = Math.round(Number(off) * 100);
        const data = { code, value: cellText(c), max: formatPoints(max) };
        if (taken > max || taken % step !== 0) p.error("workbook.points-not-a-number", sheet, c.ref, data);
        else p.error(deducted ? "workbook.deduction-with-word" : "workbook.points-as-deduction", sheet, c.ref, { ...data, number: off, left: formatPoints(max - taken) });
        return undefined;
      }
      // 18.5分: the number without its 分 is asked for (not taken: the cell is the user's to fix).
      const bare = beforeFen(cellText(c));
      if (bare !== undefined) p.error("workbook.points-with-unit", sheet, c.ref, { code, value: cellText(c), number: bare });
      else pointsWords(p, sheet, c, code, item.max, deducted);
      return undefined;
    }
    n = Number(s);
  }
  const pts = toPoints(n);
  // Out of range first: on the points as read where they are exact to 0.01 (a formula's
  // 20.000000000000004 is 20), else on the number (1e308 is out of range, whatever its decimals).
  const exact = pts !== undefined && Number.isSafeInteger(pts);
  const outside = exact ? pts < 0 || pts > max : !(n >= 0 && n * 100 <= max);
  if (outside) {
    // A deduction typed as a negative (−1 for 扣 1): the points taken off are written as they are.
    // A formula's result (=B3*100): the formula to mend, not a number to type over it.
    const said = deducted ? (n < 0 ? "workbook.deduction-negative" : "workbook.deduction-out-of-range") : c.formula ? "workbook.points-out-of-range-formula" : "workbook.points-out-of-range";
    // A number too large to hold (a run of digits typed as text) is said as typed, cut short; not as
    // Infinity, nor as a number in e-notation (1.2345678901234568e+29) nobody typed.
    const typed = cellText(c);
    const plain = Number.isFinite(n) && !/e/i.test(String(n));
    const value = exact ? formatPoints(pts) : plain ? String(n) : typed.length > 24 ? `${typed.slice(0, 24)}…` : typed;
    // (The points taken off, as they are written where hundredths hold them; a number past that is
    // said as the value is, without its sign: 1e+22, not 1e+22.84 nor Infinity.NaN.)
    const hundredths = exact ? pts : Math.round(n * 100);
    const off = Number.isSafeInteger(hundredths) ? formatPoints(Math.abs(hundredths)) : value.replace(/^[-−]/, "");
    p.error(said, sheet, c.ref, { value, max: formatPoints(max), code, off });
    return undefined;
  }
  if (pts === undefined || pts % step !== 0) {
    // The two whole steps about it, to enter instead (within the range: a max is whole steps).
    const below = Math.floor((n * 100) / step) * step;
    const data = { value: String(n), code, step: formatPoints(step), below: formatPoints(below), above: formatPoints(below + step) };
    p.error(deducted ? "workbook.deduction-step" : "workbook.points-step", sheet, c.ref, data);
    return undefined;
  }
  shownRounded(p, sheet, c, code, pts, step);
  return pts;
}

/**
 * Points a cell's format shows rounded (19.5 under 0 shows 20): read as stored, as a rate is, and
 * said, since what the screen and the signed printout show is not what is scored.
 */
function shownRounded(p: Problems, sheet: string, c: RawCell, code: string, pts: Points, step?: Points): void {
  const dp = c.value.t === "n" ? shownDecimals(c.value.fmt) : undefined;
  if (dp === undefined || dp >= 2) return;
  const unit = dp === 0 ? 100 : 10;
  const shown = Math.sign(pts) * Math.round(Math.abs(pts) / unit) * unit;
  if (shown === pts) return;
  // The figure shown offered only where the item could hold it (23.75 under 0.0 shows 23.8, no step of 0.25).
  const data = { code, value: formatPoints(pts), shown: formatPoints(shown) };
  p.warn(step === undefined || shown % step === 0 ? "workbook.points-shown-rounded" : "workbook.points-shown-rounded-off-step", sheet, c.ref, data);
}

/** Whether a column is among a sheet's hidden ones (pairs of first and last, as the reader gives them). */
export function inHiddenColumns(hiddenCols: readonly number[], col: number): boolean {
  for (let i = 0; i + 1 < hiddenCols.length; i += 2) if ((hiddenCols[i] ?? 0) <= col && col <= (hiddenCols[i + 1] ?? 0)) return true;
  return false;
}

/** What a measured value is: a percent, or a number or amount in a display unit, within bounds. */
export interface MeasureSpec {
  readonly code: string;
  readonly unit: "percent" | "number" | "amount";
  readonly display: string;
  readonly min?: number;
  readonly max?: number;
  /** Whole things counted (起, 人): no fraction. */
  readonly whole?: boolean;
  /** A target's (its default, as shown, where the scheme gives one): a target is set, not measured. */
  readonly target?: { readonly default?: string };
}

/**
 * A measured value left blank, said as its unit asks: a rate, a count (none happened: 0), an amount
 * (nil: 0); a formula's result blank (=IF(Z3="","",Z3)) as the formula's.
 */
export function blankMeasure(p: Problems, sheet: string, ref: string, code: string, m: { readonly unit: string; readonly display: string }, formula = false): void {
  if (formula) p.error("workbook.blank-measure-formula", sheet, ref, { code });
  else if (m.unit === "percent") p.error("workbook.blank-rate", sheet, ref, { code });
  else p.error(m.unit === "amount" ? "workbook.blank-amount" : "workbook.blank-quantity", sheet, ref, { code, unit: m.display });
}

/**
 * A number as a spreadsheet shows it, without the noise of binary fractions: twelve significant
 * digits at most (0.138 pasted as a value from a formula holds 0.13799999999999998, 0.7 − 0.644 is
 * 0.05599999999999994), a whole number whole; text as typed.
 */
function asShown(raw: number | string): string {
  if (typeof raw !== "number") return raw;
  // A whole number as it is (a document's number, 2026030100123: 12 digits would cut it short).
  return Number.isSafeInteger(raw) ? String(raw) : String(Number(raw.toPrecision(12)));
}

/**
 * Reads a measured value: a rate (0.95, 95% formatted, "95%", "９５％") or a number ("3", "1,250.5",
 * "12 万元"). `shown`: told the rate the cell shows where its format rounds it to another (0.9499
 * formatted 0% shows 95%; 94.99% is read). `finer`: told a count's or an amount's value typed more
 * finely than the hundredths it is held in (0.041 人/亿元: 4.1 hundredths, held as 4), as typed.
 */
export function readMeasure(p: Problems, sheet: string, c: RawCell | undefined, col: number, row: number, spec: MeasureSpec, shown?: (rate: number, text: string) => void, finer?: (exact: number, text: string) => void): number | undefined {
  if (!c || isBlank(c)) {
    blankMeasure(p, sheet, colName(col) + row, spec.code, spec, c?.formula === true);
    return undefined;
  }
  if (commonRefusal(p, sheet, c)) return undefined;
  if (c.struck === true) struckThrough(p, sheet, c);
  const v = c.value;
  const raw: number | string = v.t === "n" ? v.v : cellText(c);
  // 无, a dash, N/A for a target: it is set by the responsibility letter (or, left blank, by the
  // scheme's default where it gives one), never none.
  if (spec.target && typeof raw === "string" && saysNone(raw)) {
    const code = spec.target.default !== undefined ? "workbook.none-word-target-default" : "workbook.none-word-target";
    p.error(code, sheet, c.ref, { value: raw.trim(), code: spec.code, default: spec.target.default ?? "" });
    return undefined;
  }
  if (spec.unit !== "percent") return readQuantity(p, sheet, c, raw, spec, finer);
  const min = spec.min ?? 0;
  const max = spec.max ?? 10000;
  // A number the cell shows as a percentage (112.00%) is that percentage, whatever its size.
  // A % written after the number by its format (0.00"%"): the number shown is the percentage.
  let r = v.t === "n" && isPercentFormat(v.fmt) ? fractionToRate(v.v) : v.t === "n" && v.fmt === "shown-percent" ? fractionToRate(v.v / 100) : parseRate(raw);
  const typedFraction = r !== "bare" && r !== undefined && r !== 0 && !c.formula && (typeof raw === "string" ? !raw.includes("%") && !raw.includes("％") : v.t === "n" && isGeneralFormat(v.fmt));
  if (r === "bare") {
    // A plain number above 1 where rates above 100% are allowed: a fraction, said back to the user.
    const n = typeof raw === "number" ? raw : Number(numberText(raw) ?? Number.NaN);
    if (max > 10000 && n * 10000 <= max && n * 10000 >= min) {
      r = fractionToRate(n);
      // (A formula's result is a fraction computed, 86000/76786: left alone.)
      if (!c.formula) p.warn("workbook.rate-large", sheet, c.ref, { value: asShown(raw), read: formatRate(r), suggestion: `${numberText(asShown(raw)) ?? asShown(raw)}%` });
    } else {
      // What to type, in plain digits (95%, not ９５%): the number as a percentage where that is a
      // rate the indicator may be; else a hundredth of it (9500 for 95%, 9670 for 96.7%);
      // else no guess.
      const typed = numberText(asShown(raw)) ?? asShown(raw);
      const within = (rate: number): boolean => Number.isFinite(rate) && rate >= min && rate <= max;
      // (Below −1, a fall typed without its %: −5 for −5%, said as below −1.)
      const below = n < 0 ? "-below" : "";
      // A formula's result (=B3/C3*100) is not typed over: the formula is to give the fraction.
      if (within(Math.round(n * 100)) && c.formula) {
        // Said rounded to a rate's hundredths (a quotient has fifteen digits).
        const meant = Math.round(n * 100);
        p.error("workbook.rate-bare-formula", sheet, c.ref, { value: formatPoints(meant), asRate: formatRate(fractionToRate(n)), min: formatRate(min), max: formatRate(max), suggestion: formatRate(meant), fraction: String(meant / 10000) });
      }
      else if (within(Math.round(n * 100))) p.error(`workbook.rate-bare${below}`, sheet, c.ref, { value: asShown(raw), suggestion: `${typed}%`, fraction: String(Number((n / 100).toPrecision(12))) });
      else if (n > 0 && Number.isInteger(n) && n % 10 === 0 && within(n)) p.error(`workbook.rate-bare${below}`, sheet, c.ref, { value: String(raw), suggestion: formatRate(n), fraction: String(n / 10000) });
      else p.error(`workbook.rate-bare-unclear${below}`, sheet, c.ref, { value: asShown(raw), min: formatRate(min), max: formatRate(max) });
      return undefined;
    }
  }
  // A growth rate (its range past 0–100%: above 100%, or below 0) typed as a plain fraction, 0.8:
  // 80%, or 0.8% meant? Read as a fraction, and said (a formula's result is a fraction computed, and
  // left alone). (Within 0–100%, 0.072 is 7.2% however it is meant: a share is no growth.)
  if (typedFraction && typeof r === "number" && (max > 10000 || min < 0)) {
    // Past the range as a fraction, within it as a percentage (−0.8 of a rate not below −50%): one
    // error asking for the percentage, not an error beside a warning saying otherwise.
    // (As typed, with a %: −0.805 for −0.805%, held to 0.01 pp as any rate is.)
    const meant = Math.round(r / 100);
    if ((r < min || r > max) && meant >= min && meant <= max) {
      p.error("workbook.rate-fraction-out-of-range", sheet, c.ref, { value: asShown(raw), read: formatRate(r), min: formatRate(min), max: formatRate(max), suggestion: `${numberText(asShown(raw)) ?? asShown(raw)}%` });
      return undefined;
    }
    p.warn("workbook.rate-large", sheet, c.ref, { value: asShown(raw), read: formatRate(r), suggestion: `${numberText(asShown(raw)) ?? asShown(raw)}%` });
  }
  // 1 with no % where rates stop at 100%: 100% read, where one typing whole percentages (96.7, asked
  // about above) meant 1%: said, as that 1 may lift a one-vote veto.
  // (Where the warning above is said, it says so already.)
  if (typedFraction && r === 10000 && max <= 10000 && min >= 0) p.warn("workbook.rate-one", sheet, c.ref, { value: asShown(raw) });
  // Past a trillion percent a rate is no measure but a slip, and its hundredths are no longer exact.
  if (r === undefined || !Number.isSafeInteger(r)) {
    // 百分之96.8, 百分之九十六点八 (copied from a document's text): the percentage to type, said.
    const inWords = typeof raw === "string" ? (percentInWords(raw) ?? rateInNumerals(raw)) : undefined;
    if (inWords !== undefined) p.error("workbook.rate-in-words", sheet, c.ref, { value: raw, suggestion: `${inWords}%` });
    // 无, a dash, N/A: a rate has no 0 that means none; it is to be found, not made up.
    else if (typeof raw === "string" && saysNone(raw)) p.error("workbook.none-word-rate", sheet, c.ref, { value: raw.trim(), code: spec.code });
    // 305‰ where percentages go: the percentage it is asked for (30.5%), not taken.
    else if (typeof raw === "string" && PER_MILLE.test(normalizeWidth(raw).trim())) {
      const n = Number(PER_MILLE.exec(normalizeWidth(raw).trim())?.[1]);
      p.error("workbook.rate-per-mille", sheet, c.ref, { value: raw.trim(), suggestion: formatRate(Math.round(n * 10)) });
    }
    // A number too large to be any rate (1e308): out of the range, as a number is.
    // (Said as the percentage it shows, 100000000000000% for 1e12, where one can be written.)
    else if (typeof raw === "number") p.error("workbook.rate-out-of-range", sheet, c.ref, { value: Number.isFinite(raw * 100) ? `${asShown(raw * 100)}%` : asShown(raw), min: formatRate(min), max: formatRate(max) });
    else p.error((typeof raw === "string" ? ambiguous(raw, spec.target !== undefined) : undefined) ?? "workbook.not-a-rate", sheet, c.ref, { value: String(raw) });
    return undefined;
  }
  if (r < min || r > max) {
    // 95 typed into a cell formatted as a percentage shows 9500%: the 95% it would be is asked about.
    const meant = r / 100;
    // (A fall too: −5 so typed shows −500%, and −5% is asked about.)
    // Asked about as that where what it shows is far past the range (9680% of a 0–100% rate); near
    // it (105%, or 500% for a 5 typed), what it shows may be what was meant: both readings said,
    // the range first (1.05% was asked about alone, typed, and read silently as a rate failing its
    // item; a tester's find).
    const far = r > max ? max <= 0 || r >= 10 * max : min >= 0 || r <= 10 * min;
    const typed = v.t === "n" && isPercentFormat(v.fmt) && Number.isInteger(meant) && meant >= min && meant <= max;
    // A formula's result so shown (=B3*100): the formula is to give the fraction, not typed over.
    // (A formula's result near the range: checked as any figure is; nothing to type over it.)
    const code = !typed || (!far && c.formula) ? "workbook.rate-out-of-range" : !far ? "workbook.rate-percent-near" : c.formula ? "workbook.rate-percent-formula" : "workbook.rate-percent-typed";
    p.error(code, sheet, c.ref, { value: formatRate(r), min: formatRate(min), max: formatRate(max), suggestion: formatRate(meant), ...(code === "workbook.rate-percent-formula" ? { result: formatPoints(Math.round(meant)), fraction: String(meant / 10000) } : {}) });
    return undefined;
  }
  // A rate its format shows rounded (0%, 0.0%; a fraction read as one shown 0.00, 0.000).
  const rounds = v.t === "n" ? roundedRate(v.fmt) : undefined;
  if (shown && v.t === "n" && rounds && (!rounds.fraction || r === fractionToRate(v.v))) {
    // As a spreadsheet rounds what it shows: half away from zero (a float's 94.49999… is 94.5).
    const scale = rounds.dp === 0 ? 100 : 1000;
    const seen = Math.sign(v.v) * Math.round(Math.abs(v.v) * scale + 1e-9) * (10000 / scale);
    // Said with the decimals the cell shows (98.0%, 0.98). (A negative that shows -0% or -0.00
    // shows its sign: no 0 is seen.)
    const text = rounds.fraction ? (seen / 10000).toFixed(rounds.dp + 2) : rounds.dp === 0 ? formatRate(seen) : `${formatPointsFixed(seen).replace(/0$/, "")}%`;
    if (seen !== r && !(v.v < 0 && seen === 0)) shown(seen, text);
  }
  return r;
}

/** Points written over a maximum (19/20, 19.5 / 20): the points. */
const OVER_MAX = /^(\d+(?:\.\d+)?)\s*[/／]\s*(\d+(?:\.\d+)?)$/;

/** Whether `word` is points over the item's own maximum, within it (19/20 of 20; not 21/20, 19/25, nor 1/2 of 30). */
function overMax(word: string, max: Points): boolean {
  const m = OVER_MAX.exec(word);
  return m !== null && Number(m[2]) * 100 === max && Number(m[1]) * 100 <= max;
}

/**
 * Words where points belong, said as what they mean: a number in Chinese numerals (十八 is 18),
 * 满分 (the item's max), 无 (0: none earned, or none taken off); else the item's range (an example
 * number was read as a correction of what was typed).
 */
function pointsWords(p: Problems, sheet: string, c: RawCell, code: string, max: Points, deducted: boolean): void {
  const text = cellText(c);
  const word = normalizeWidth(text).trim();
  const n = chineseNumber(word);
  // 一 alone is the numeral 1, or the dash a clerk without — at hand typed for none: asked which
  // (一一, a longer dash, is among the marks of none).
  if (word === "一") p.error(deducted ? "workbook.points-one-or-dash-deduction" : "workbook.points-one-or-dash", sheet, c.ref, { code, value: text });
  else if (n !== undefined) p.error("workbook.points-chinese-numeral", sheet, c.ref, { code, value: text, number: String(n) });
  else if (word === "满分" && !deducted) p.error("workbook.points-full-word", sheet, c.ref, { code, value: text, max: formatPoints(max) });
  else if (saysNone(word)) p.error(deducted ? "workbook.none-word-deduction" : "workbook.none-word-points", sheet, c.ref, { code, value: text });
  // 53.5% (or 53.5%%) typed where points go: said as a percentage in a points cell is.
  else if (/^[+-]?\d[\d.]*\s*%+$/.test(word)) p.error("workbook.percent-in-points", sheet, c.ref, { code, value: text, max: formatPoints(max) });
  // 19/20 (the points over the item's max, as a 自评表 writes them): the points before the slash asked for.
  else if (!deducted && overMax(word, max)) p.error("workbook.points-over-max", sheet, c.ref, { code, value: text, number: OVER_MAX.exec(word)?.[1] ?? "", max: formatPoints(max) });
  else p.error(ambiguous(text) ?? "workbook.points-not-a-number", sheet, c.ref, { code, value: text, max: formatPoints(max) });
}

/**
 * The number a percentage written out says, or undefined: 百分之96.8, 百分之九十六点八, 百分之九五点六
 * (digit by digit), 百分之95.6% (its sign typed too), and a negative one, 负百分之五 or 百分之负6.8.
 */
function percentInWords(raw: string): string | undefined {
  const m = /^(负|-)?\s*百分之\s*(负|-)?\s*(.+?)\s*%?$/.exec(normalizeWidth(raw).trim());
  if (!m?.[3]) return undefined;
  const n = /^\d+(?:\.\d+)?$/.test(m[3]) ? Number(m[3]) : (chineseNumber(m[3]) ?? digitByDigit(m[3]));
  if (n === undefined) return undefined;
  return String((m[1] ?? m[2]) !== undefined ? -n : n);
}

/**
 * The percentage a rate in Chinese numerals without 百分之 says, or undefined: 九成 (90), 九成五
 * (95), 十成 (100); 九十五 (95), as a percentage's number is said; 零点九五 (0.95, a fraction: 95).
 */
function rateInNumerals(raw: string): string | undefined {
  const word = normalizeWidth(raw).trim();
  const tenths = /^([一二两三四五六七八九]|十)成([一二三四五六七八九])?$/.exec(word);
  if (tenths) return String((CHINESE_DIGITS[tenths[1] ?? ""] ?? 10) * 10 + (CHINESE_DIGITS[tenths[2] ?? ""] ?? 0));
  const n = chineseNumber(word);
  if (n === undefined || word.endsWith("分")) return undefined;
  return String(n < 1 ? Math.round(n * 1e6) / 1e4 : n);
}

/** Chinese digits read one by one (九五点六: 95.6), as figures are often said; undefined for anything else. */
function digitByDigit(s: string): number | undefined {
  const m = /^([零〇一二三四五六七八九]+)(?:点([零〇一二三四五六七八九]+))?$/.exec(s);
  if (!m) return undefined;
  const read = (t: string): string => [...t].map((ch) => CHINESE_DIGITS[ch] ?? 0).join("");
  return Number(m[2] ? `${read(m[1] ?? "")}.${read(m[2])}` : read(m[1] ?? ""));
}

/** Words that say "none" where a count or an amount belongs. */
const NONE_WORDS: ReadonlySet<string> = new Set(["无", "没有", "零", "无发生", "未发生", "没发生", "无事故", "暂无", "none", "None", "NONE", "nil"]);

/**
 * What a form's cell holds for "no figure" (a dash, a slash, N/A, 空, 缺, 不适用), as read after
 * full-width characters are made half-width: asked to be a number as 无 is.
 */
const PLACEHOLDERS: ReadonlySet<string> = new Set(["-", "--", "---", "—", "——", "–", "/", "//", "\\", "…", "……", "...", "N/A", "n/a", "NA", "na", "空", "缺", "缺项", "不适用", "不涉及", "无此项", "不涉及此项", "无数据", "暂无数据", "未统计", "未填", "一一", "一一一", "×", "x", "X", "✗", "✘"]);

/** Whether a cell's text says there is no figure (无, a dash, a slash, N/A…). */
function saysNone(text: string): boolean {
  const word = normalizeWidth(text).trim();
  return NONE_WORDS.has(word) || PLACEHOLDERS.has(word);
}

/** Units of one kind, by their size: money in 元, a share in ‰. */
const UNIT_FAMILIES: readonly (readonly (readonly [string, number])[])[] = [
  [["亿元", 1e8], ["亿", 1e8], ["万元", 1e4], ["万", 1e4], ["元", 1]],
  [["%", 10], ["‰", 1]],
];

/**
 * A number typed with a unit of the same kind as the column's but another (5.2亿 where 万元 is
 * asked, 1.5% where ‰ is): the unit found, and the number in the column's unit.
 */
function otherUnit(raw: string, display: string): { found: string; meant: string } | undefined {
  const s = normalizeWidth(raw).trim();
  for (const family of UNIT_FAMILIES) {
    const want = family.find(([u]) => u === display)?.[1];
    if (want === undefined) continue;
    const [found, size] = family.find(([u, size]) => size !== want && s.endsWith(u)) ?? [];
    if (found === undefined || size === undefined) return undefined;
    const n = Number(numberText(s.slice(0, -found.length).trim()) ?? Number.NaN);
    // Exactly (2950元 is 0.295万元, not the 0.3 it would be held as: that is the clerk's to see).
    return Number.isFinite(n) ? { found, meant: String(Number(((n * size) / want).toPrecision(12))) } : undefined;
  }
  return undefined;
}

/** A count or an amount: a number, text digits with thousands separators, the display unit after it allowed. */
function readQuantity(p: Problems, sheet: string, c: RawCell, raw: number | string, spec: MeasureSpec, finer?: (exact: number, text: string) => void): number | undefined {
  const v = c.value;
  if (v.t === "n" && (isPercentFormat(v.fmt) || v.fmt === "shown-percent")) {
    // A percentage where a count or an amount belongs: 115% is not 1.15万元.
    const value = `${isPercentFormat(v.fmt) ? Math.round(v.v * 1e6) / 1e4 : v.v}%`;
    if (spec.display) p.error("workbook.percent-in-quantity", sheet, c.ref, { value, code: spec.code, unit: spec.display });
    else p.error("workbook.percent-in-number", sheet, c.ref, { value, code: spec.code });
    return undefined;
  }
  let n: number;
  // The text without its unit (0,500万元 is asked about as 0,500 is).
  let s = typeof raw === "string" ? normalizeWidth(raw).trim() : "";
  if (typeof raw === "number") n = raw;
  else {
    // 11350万 in a 万元 column (元 left out, as people write money) is 11350万元.
    const short = spec.display?.endsWith("元") ? spec.display.slice(0, -1) : "";
    if (spec.display && s.endsWith(spec.display)) s = s.slice(0, -spec.display.length);
    else if (short && s.endsWith(short)) s = s.slice(0, -short.length);
    n = Number(numberText(s) ?? Number.NaN);
  }
  const h = Number.isFinite(n) ? Math.round(n * 100) : undefined;
  // A number too large to count to 0.01 (a pasted ID, 1e15万元): said so, not as no number at all.
  if (h !== undefined && !Number.isSafeInteger(h)) {
    const value = typeof raw === "string" ? raw.trim() : String(raw);
    p.error(spec.display ? "workbook.quantity-too-large-in" : "workbook.quantity-too-large", sheet, c.ref, { value, unit: spec.display ?? "" });
    return undefined;
  }
  if (h === undefined) {
    // 无 (none happened, nothing received) where a number belongs: the 0 it means asked for.
    if (typeof raw === "string" && saysNone(raw)) {
      p.error(spec.unit === "amount" ? "workbook.none-word-amount" : "workbook.none-word", sheet, c.ref, { value: raw.trim(), code: spec.code });
      return undefined;
    }
    const other = typeof raw === "string" && spec.display ? otherUnit(raw, spec.display) : undefined;
    if (other) {
      p.error("workbook.quantity-other-unit", sheet, c.ref, { value: String(raw).trim(), unit: spec.display ?? "", ...other });
      return undefined;
    }
    // 15左右 is an estimate, not 15 with a word of its count.
    if (typeof raw === "string" && APPROXIMATE.test(s)) {
      p.error("workbook.number-approximate", sheet, c.ref, { value: String(raw).trim() });
      return undefined;
    }
    // 2个 or 3件 in a column of 起: the number without its word is asked for, as a count's is (not
    // taken: which unit was counted is the clerk's to say).
    const worded = typeof raw === "string" ? /^([+-]?\d+(?:\.\d+)?)\s*([\u3400-\u9fff]{1,3})$/.exec(normalizeWidth(raw).trim()) : null;
    // (Not money in a column of 起 or 人: 3.5万元 is no count of accidents to keep.)
    // Nor a multiple (3万起 is 30,000: the 万 is no word to drop).
    const money = worded?.[2] !== undefined && (/^[万亿千百]?元$/.test(worded[2]) || /^[万亿]/.test(worded[2])) && !(spec.display?.endsWith("元") ?? false);
    if (worded?.[1] && worded[2] && !money) {
      p.error(spec.display ? "workbook.quantity-with-word-in" : "workbook.quantity-with-word", sheet, c.ref, { value: String(raw).trim(), number: worded[1], word: worded[2], unit: spec.display ?? "" });
      return undefined;
    }
    // 十八, 五起 (its unit word set aside above): the number in Chinese numerals, written as digits;
    // 一 alone may be the dash a clerk typed for none: asked which.
    if (typeof raw === "string" && s === "一") {
      p.error("workbook.quantity-one-or-dash", sheet, c.ref, { value: String(raw).trim() });
      return undefined;
    }
    const spelled = typeof raw === "string" ? chineseNumber(s, true) : undefined;
    // 一点五 where whole counts go: said as 1.5 would be, not asked for as 1.5.
    if (spelled !== undefined && spec.whole && !Number.isInteger(spelled)) {
      p.error("workbook.quantity-not-whole", sheet, c.ref, { value: String(raw).trim(), code: spec.code, below: String(Math.floor(spelled)), above: String(Math.ceil(spelled)) });
      return undefined;
    }
    if (spelled !== undefined) {
      p.error("workbook.quantity-chinese-numeral", sheet, c.ref, { value: String(raw).trim(), number: String(spelled) });
      return undefined;
    }
    const plain = typeof raw === "string" ? ambiguous(s, spec.target !== undefined) : undefined;
    // 5.2% in a column of 起/万人 or 万元: a percentage is no count nor amount (its column asks for its unit).
    const percent = plain === undefined && typeof raw === "string" && /^[+-]?\d+(\.\d+)?\s*[%％]$/.test(normalizeWidth(raw).trim()) && spec.display !== "";
    p.error(plain ?? (percent ? "workbook.quantity-percent" : spec.display ? "workbook.not-a-quantity-in" : "workbook.not-a-quantity"), sheet, c.ref, { value: String(raw), unit: spec.display });
    return undefined;
  }
  const min = spec.min ?? 0;
  if (h < min || (spec.max !== undefined && h > spec.max)) {
    const value = withDisplay(formatPoints(h), spec.display);
    if (spec.max === undefined) p.error("workbook.quantity-below-min", sheet, c.ref, { value, min: withDisplay(formatPoints(min), spec.display) });
    else p.error("workbook.quantity-out-of-range", sheet, c.ref, { value, min: formatPoints(min), max: withDisplay(formatPoints(spec.max), spec.display) });
    return undefined;
  }
  // Judged on the number itself, not its hundredths: 0.004起 is no whole count either (a formula's
  // float error aside).
  if (spec.whole && Math.abs(n - Math.round(n)) > 1e-9) {
    // The whole counts either side of it, as a step's neighbours are offered.
    p.error("workbook.quantity-not-whole", sheet, c.ref, { value: withDisplay(String(n), spec.display), code: spec.code, below: String(Math.floor(n)), above: String(Math.ceil(n)) });
    return undefined;
  }
  // Finer than its hundredths (a formula's float error aside): whether that matters is judged once
  // the unit's items and targets are known.
  if (finer && Math.abs(n * 100 - h) > 1e-6) finer(n * 100, asShown(raw));
  return h;
}

/** An amount's or a measure's word after a count (300万元, 5亿元, 20亩): a figure to convert as the clause says, not a count. */
const AMOUNT_WORD = /^(?:元|千元|万元|百万元|亿元|万|亿|亩|公顷|吨|千克|公斤|米|千米|公里|平方米|平米|千瓦|度)$/;

/** The largest count a ledger row may give: beyond it, a slip (and points stay exact). */
export const MAX_COUNT = 10_000;

/** A whole positive count, at most MAX_COUNT; blank means 1. */
export function readCount(p: Problems, sheet: string, c: RawCell | undefined): number | undefined {
  if (!c || isBlank(c)) return 1;
  if (commonRefusal(p, sheet, c)) return undefined;
  const n = c.value.t === "n" ? c.value.v : Number(numberText(cellText(c)) ?? Number.NaN);
  if (!Number.isInteger(n) || n < 1) {
    // 2次, 3项: the number without its word is asked for (not taken: the cell is the user's to fix).
    const counted = c.value.t === "s" ? /^(\d+)\s*([\u3400-\u9fff]{1,2})$/.exec(normalizeWidth(c.value.v).trim()) : null;
    // 两次, 三项: in Chinese numerals, with or without their word.
    const spelled = c.value.t === "s" ? /^([零〇一二两三四五六七八九十百]+)[次项件个起条]?$/.exec(c.value.v.trim()) : null;
    const number = spelled?.[1] ? chineseNumber(spelled[1]) : undefined;
    // (Not a count's word but an amount's or a measure's, 300万元: converted as the clause says, not typed as 300.)
    const amount = AMOUNT_WORD.test(counted?.[2] ?? "");
    if (counted?.[1] && Number(counted[1]) >= 1) p.error(amount ? "workbook.count-is-amount" : "workbook.count-with-word", sheet, c.ref, { value: cellText(c), number: counted[1] });
    else if (number !== undefined && Number.isInteger(number) && number >= 1) p.error("workbook.count-chinese-numeral", sheet, c.ref, { value: cellText(c), number });
    else p.error((c.value.t === "s" ? ambiguous(c.value.v) : undefined) ?? "workbook.bad-count", sheet, c.ref, { value: cellText(c) });
    return undefined;
  }
  if (n > MAX_COUNT) {
    p.error("workbook.count-too-large", sheet, c.ref, { value: cellText(c), max: MAX_COUNT });
    return undefined;
  }
  return n;
}

/** Points a ledger row may give as typed, at most (in hundredths: 1,000,000 points). */
const MAX_ENTERED_POINTS = 100_000_000;

/** Points typed in a ledger row (KF3): a positive number exact to 0.01, at most 1,000,000. */
export function readEnteredPoints(p: Problems, sheet: string, c: RawCell, code: string, range?: { readonly min: Points; readonly max: Points }): Points | undefined {
  if (commonRefusal(p, sheet, c)) return undefined;
  const text = cellText(c);
  // 10分: the number without its 分 is asked for, as in a points cell.
  const bare = c.value.t === "n" ? undefined : beforeFen(text);
  if (bare !== undefined) {
    p.error("workbook.points-with-unit", sheet, c.ref, { code, value: text, number: bare });
    return undefined;
  }
  const n = c.value.t === "n" ? c.value.v : Number(numberText(text) ?? Number.NaN);
  const pts = Number.isFinite(n) ? toPoints(n) : undefined;
  // A deduction's points typed with a minus sign (−1 for 扣 1): asked for without it.
  if (pts !== undefined && pts < 0 && -pts <= MAX_ENTERED_POINTS) {
    p.error("workbook.ledger-points-negative", sheet, c.ref, { value: cellText(c), code, number: formatPoints(-pts) });
    return undefined;
  }
  // Beyond a million points a typed value is a slip, and sums of it would not stay exact: said as
  // out of the code's range, where it has one (it was called no valid number, "请填不小于 0 的数").
  if (range && Number.isFinite(n) && n > 0 && (pts === undefined || pts > MAX_ENTERED_POINTS)) {
    p.error("workbook.ledger-points-range", sheet, c.ref, { code, value: text, min: formatPoints(range.min), max: formatPoints(range.max) });
    return undefined;
  }
  if (pts === undefined || pts < 0 || pts > MAX_ENTERED_POINTS) {
    p.error((c.value.t === "s" ? ambiguous(c.value.v) : undefined) ?? "workbook.ledger-bad-points", sheet, c.ref, { value: cellText(c), code });
    return undefined;
  }
  shownRounded(p, sheet, c, code, pts);
  return pts;
}
