// Cell references: "C7" from bytes to row/col, and back to text, with Excel's bounds.
export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

const letters: string[] = [];

/** 1 → "A", 27 → "AA". */
export function colName(col: number): string {
  let s = letters[col];
  if (s === undefined) {
    s = "";
    for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
    letters[col] = s;
  }
  return s;
}

/**
 * Parses b[start, end) as a cell reference; returns row * 2^14 + (col - 1), or -1 when it is not a
 * reference within A1:XFD1048576. Lower-case letters are accepted.
 */
export function parseRefBytes(b: Uint8Array, start: number, end: number): number {
  let i = start;
  let col = 0;
  while (i < end && i - start < 4) {
    const c = b[i]! | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
    i++;
  }
  if (col === 0 || col > MAX_COL || b[i] === 0x30) return -1;
  const digitsStart = i;
  let row = 0;
  while (i < end) {
    const d = b[i]! - 0x30;
    if (d < 0 || d > 9 || i - digitsStart >= 7) return -1;
    row = row * 10 + d;
    i++;
  }
  if (row < 1 || row > MAX_ROW) return -1;
  return row * MAX_COL + (col - 1);
}

/** A positive decimal integer from b[start, end) with no sign or spaces; -1 otherwise. */
export function parseUintBytes(b: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = b[i]! - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?Z?$/;

/** Days from the 1900 date system's day 0 to the 1904 one's: what a 1904 workbook's date serials are moved by, read. */
export const DAYS_1900_TO_1904 = 1462;

/** A 1900-system serial as the date it shows (2026-03-01), its time of day left out; "" past the years a spreadsheet shows. */
export function serialToIsoDate(serial: number): string {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return "";
  // Serials before March 1900 count Excel's fictitious 1900-02-29.
  const whole = Math.floor(serial);
  if (whole === 60) return "1900-02-29";
  const ms = EPOCH_1900 + (whole < 60 ? whole + 1 : whole) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** An ISO 8601 date (t="d" cells) as an Excel 1900-system serial number; NaN when not a date. */
export function isoToSerial(text: string): number {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), 0) + Number(s ?? 0) * 1000;
  if (!Number.isFinite(ms)) return NaN;
  const serial = (ms - EPOCH_1900) / 86_400_000;
  // Excel counts the fictitious 1900-02-29, so serials before March 1900 are one lower.
  return serial < 61 ? serial - 1 : serial;
}
