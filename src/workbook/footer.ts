// A form's footer under its table (注:…, 填表人:张三, 审核人:李四, 联系电话: | 0571-8888888, 日期: |
// 2026-12-20): its labels and the values of its own fields, which are no unit's scores or claims.
import type { RawCell } from "../xlsx/read/index.js";
import { cellText } from "./cells.js";
import { isFooterText } from "./layout.js";

/**
 * A footer's figure that is the value of a field of its own, not a score misplaced: beside its
 * label (联系电话: | 13812345678, 填表日期: | 2026-12-20); a mobile number, or a date of this
 * century (a signature's, 2026-01-16), wherever it stands. A score typed into a cell formatted as a
 * date shows as one of 1900 (18.5: 1900-01-18): said.
 */
export function footerField(label: RawCell | undefined, c: RawCell | undefined): boolean {
  const v = c?.value;
  // A telephone's is a run of digits (18.5 beside 联系电话: is a score misplaced); a date's, a date.
  if (label?.value.t === "s" && PHONE_LABEL.test(label.value.v) && (v?.t !== "n" || (Number.isInteger(v.v) && v.v >= 10000))) return true;
  if (label?.value.t === "s" && DATE_LABEL.test(label.value.v) && (v?.t !== "n" || v.fmt === "date")) return true;
  if (signingDate(c)) return true;
  const digits = v?.t === "n" ? String(v.v) : v?.t === "s" ? v.v.trim() : "";
  return /^1[3-9]\d{9}$/.test(digits);
}

/** A footer's words: its own (填表人:张三), or a telephone's or a date's label (电话:, 填报日期:). */
export function footerLabel(c: RawCell | undefined): boolean {
  if (c?.value.t !== "s") return false;
  const text = cellText(c);
  return isFooterText(text) || PHONE_LABEL.test(text) || DATE_LABEL.test(text);
}

/** A date cell of this century (a signature's); a score typed into a date-formatted cell shows as a day of 1900. */
export function signingDate(c: RawCell | undefined): boolean {
  return c?.value.t === "n" && c.value.fmt === "date" && c.value.v >= SERIAL_2000;
}

/** 2000-01-01 as a spreadsheet's date serial. */
const SERIAL_2000 = 36526;

/** Labels of a footer's fields that hold no score: a telephone, a fax, a postcode; a date. */
const PHONE_LABEL = /(电话|手机|手机号|联系方式|传真|邮编)\s*[:：]?\s*$/;
const DATE_LABEL = /(日期|时间)\s*[:：]?\s*$/;
