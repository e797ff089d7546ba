// Exact numbers: points in integer hundredths, rates in integer hundredths of a percentage point.
// Every conversion from a float happens here, once, with rounding; sums are integer sums.

/** Points × 100, an integer: 2.5 points is 250. */
export type Points = number;
/** A rate in hundredths of a percentage point, an integer: 95.00% is 9500. */
export type Rate = number;

const EPS = 1e-7;

/** 2.5 → 250; undefined when the value is not a finite number exact to 0.01. */
export function toPoints(x: number): Points | undefined {
  if (!Number.isFinite(x)) return undefined;
  const h = Math.round(x * 100);
  return Math.abs(x * 100 - h) < EPS * Math.max(1, Math.abs(x)) * 100 ? h : undefined;
}

/** 0.9499999999 → 9500: a fraction rounded to 0.01 percentage point. */
export function fractionToRate(x: number): Rate {
  return Math.round(x * 10000 + 1e-9);
}

/** Points with both decimals (1008.00, 19.50), as the result sheets, the report and the browser page's tables show them. */
export function formatPointsFixed(p: Points): string {
  const a = Math.abs(p);
  const frac = a % 100;
  return `${p < 0 ? "-" : ""}${Math.floor(a / 100)}.${frac < 10 ? "0" : ""}${frac}`;
}

/** Points for people: 370, 2.5, 12.25, -20. */
export function formatPoints(p: Points): string {
  const neg = p < 0;
  const a = Math.abs(p);
  const whole = Math.floor(a / 100);
  const frac = a % 100;
  // 1950 → "19.5", 1905 → "19.05": no trailing zero (built from the digits: a hot path).
  const s = frac === 0 ? String(whole) : frac % 10 === 0 ? `${whole}.${frac / 10}` : `${whole}.${frac < 10 ? "0" : ""}${frac}`;
  return neg ? `-${s}` : s;
}

/**
 * Points as a JS number for JSON and spreadsheet cells: 1950 → 19.5. Division is correctly
 * rounded, so this is the very double that parsing "19.5" gives: no float error can creep in.
 */
export function pointsToNumber(p: Points): number {
  return p / 100;
}

/** A rate for people: 9500 → "95%", 9512 → "95.12%". */
export function formatRate(r: Rate): string {
  return `${formatPoints(r)}%`;
}

/** A measured value for people in its display unit: 9500 with "%" → "95%", 300 with "起" → "3起". */
export function formatMeasure(v: number, display: string): string {
  return display === "%" ? formatRate(v) : withDisplay(formatPoints(v), display);
}

/**
 * A number and its display unit, joined as people write them (3起, 50万元), apart where the unit
 * starts with a digit: 20 with "1/10万" is "20 1/10万", never "201/10万".
 */
export function withDisplay(number: string, display: string): string {
  // By its first character's code, not a pattern: a province's notes say hundreds of thousands.
  const c = display.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 46 ? `${number} ${display}` : `${number}${display}`;
}

/** A rate as a fraction for spreadsheet cells: 9512 → 0.9512. */
export function rateToFraction(r: Rate): number {
  return Number((r / 10000).toFixed(4));
}

/**
 * Parses a rate written by a person: "95%", "９５％", "95.5 %", or a fraction 0.95.
 * Returns "bare" for a number above 1 without a percent sign (95 → ask: did you mean 95%?).
 */
export function parseRate(v: number | string): Rate | "bare" | undefined {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return undefined;
    // Past 1 either way (95, −50): a percentage written without its sign, not 9500% or −5000%.
    if (v > 1 || v < -1) return "bare";
    return fractionToRate(v);
  }
  const { n, percent } = rateText(v);
  if (n === undefined) return undefined;
  return percent ? fractionToRate(Number(n) / 100) : parseRate(Number(n));
}

/** A rate as written, in hundredths of a percentage point, unrounded (95.005% → 9500.5; NaN where it is no number). */
export function rateAsWritten(v: number | string): number {
  if (typeof v === "number") return v * 10000;
  const { n, percent } = rateText(v);
  return Number(n ?? Number.NaN) * (percent ? 100 : 10000);
}

/** A rate typed as text: its number's digits, and whether a percent sign follows them. */
function rateText(v: string): { n: string | undefined; percent: boolean } {
  const t = normalizeWidth(v).trim();
  const percent = /^(.*?)\s*%$/.exec(t);
  return { n: numberText(percent ? (percent[1] ?? "") : t), percent: percent !== null };
}

/**
 * A number typed as text, as people type it: full-width forms, spaces at its ends, thousands
 * grouped by commas (12,000.5); its digits alone ("12000.5"), or undefined for anything else.
 * "1,5", "0,500" and "1 8" are not numbers here: 15, 1.5 or 18 is the user's to say, not ours to guess.
 */
export function numberText(text: string): string | undefined {
  const t = normalizeWidth(text).trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return t;
  // Not after a 0 (0,500: nobody groups 500 so; 0.5 in a decimal comma's country).
  if (/^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d*)?$/.test(t)) return t.replaceAll(",", "");
  return undefined;
}

/** A 未如实上报 word as the ledger reads it and the rubric's lists are compared: one width, no spaces at its ends, any case (是, Y, y). */
export function flagWord(w: string): string {
  return normalizeWidth(w).trim().toLowerCase();
}

/**
 * Full-width digits, signs and punctuation (９５％, ．) to their ASCII forms; the minus sign (−, from
 * Word) to "-", and so a dash that stands for one before a number (–2%: Word makes one of a hyphen).
 */
export function normalizeWidth(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .replace(/\u2212/g, "-")
    .replace(/^(\s*)[\u2012\u2013\ufe63](?=\s*[\d.])/, "$1-");
}

/** A sum of money for people: 50000 → "50,000", 2500.5 → "2,500.5". */
export function formatAmount(v: number): string {
  const [whole = "", frac] = String(v).split(".");
  return whole.replace(/\B(?=(\d{3})+$)/g, ",") + (frac ? `.${frac}` : "");
}

/** The value of each Chinese digit (两 is 2). */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * A number in Chinese numerals up to 999, with 点 and decimals (十八, 三十, 一百, 十八点五), or
 * undefined; up to 9,999 with `thousands` (a count or an amount: 三千, 两千五百; no score is).
 */
export function chineseNumber(s: string, thousands = false): number | undefined {
  const m = /^([零〇一二两三四五六七八九十百千]+)(?:点([零〇一二三四五六七八九]+))?分?$/.exec(s);
  if (!m || (!thousands && m[1]?.includes("千"))) return undefined;
  let total = 0;
  let digit: number | undefined;
  // Each unit once, larger first (一百二十, not 十百 or 十十: words, not a number).
  let last = 10000;
  for (const ch of m[1] ?? "") {
    if (ch === "千" || ch === "百" || ch === "十") {
      const unit = ch === "千" ? 1000 : ch === "百" ? 100 : 10;
      if (unit >= last) return undefined;
      last = unit;
      total += (digit ?? 1) * unit;
      digit = undefined;
    } else if (digit !== undefined && digit !== 0) return undefined;
    else digit = CHINESE_DIGITS[ch];
  }
  total += digit ?? 0;
  const decimals = [...(m[2] ?? "")].map((ch) => CHINESE_DIGITS[ch] ?? 0).join("");
  return decimals ? Number(`${total}.${decimals}`) : total;
}
