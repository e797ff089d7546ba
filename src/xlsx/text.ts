// Byte-level helpers for the XML reader: checking and expanding entity references, decoding text,
// OOXML's _xHHHH_ escapes, and a fast exact number parser for <v> contents.
import { latin1 } from "./bytes.js";

/** Malformed XML at a byte offset of the part (or a refused DOCTYPE/ENTITY when doctype is set). */
export class XmlError extends Error {
  constructor(
    readonly offset: number,
    readonly doctype = false,
  ) {
    super(doctype ? "doctype" : "malformed");
    this.name = "XmlError";
  }
}

const AMP = 0x26;
const SEMI = 0x3b;
const MAX_ENTITY = 12;

function isXmlChar(cp: number): boolean {
  return cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

function entityAt(b: Uint8Array, i: number, end: number): number {
  // Returns the index of the ';' closing a valid reference starting at b[i] === '&', or -1.
  const stop = Math.min(end, i + MAX_ENTITY);
  let j = i + 1;
  while (j < stop && b[j] !== SEMI) j++;
  if (j >= stop) return -1;
  const name = String.fromCharCode(...b.subarray(i + 1, j));
  if (name === "amp" || name === "lt" || name === "gt" || name === "quot" || name === "apos") return j;
  let cp = NaN;
  if (/^#[0-9]+$/.test(name)) cp = parseInt(name.slice(1), 10);
  else if (/^#x[0-9a-fA-F]+$/.test(name)) cp = parseInt(name.slice(2), 16);
  return isXmlChar(cp) ? j : -1;
}

/** Throws XmlError at the first '&' in b[start, end) that is not a predefined or character reference. */
export function checkEntities(b: Uint8Array, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    if (b[i] === AMP) {
      const j = entityAt(b, i, end);
      if (j < 0) throw new XmlError(i);
      i = j;
    }
  }
}

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Expands the (already checked) references in s. */
export function expandEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return NAMED[ref] ?? whole;
  });
}

/** OOXML writes characters XML cannot carry as _xHHHH_ (and a literal "_x" as _x005F_). */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf("_x") === -1) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
const TWO_53 = 2 ** 53;
const NUMBER_TEXT = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/** An xsd:double as Excel writes it, exactly as Number() reads it; NaN for anything else (also "", "INF", hex, overflow). */
export function parseNumberText(s: string): number {
  const t = s.trim();
  if (!NUMBER_TEXT.test(t)) return NaN;
  const v = Number(t);
  return Number.isFinite(v) ? v : NaN;
}

function finite(v: number): number {
  return Number.isFinite(v) ? v : NaN;
}

/**
 * The same from bytes, without a string in the usual case: [±]digits[.digits] whose digits form an
 * integer below 2^53 with at most 22 decimals is that exact integer divided by an exact power of
 * ten — one correctly rounded operation, so the result equals Number(text). Longer mantissas and
 * exponents, syntax already checked here, go through Number().
 */
export function parseNumberBytes(b: Uint8Array, start: number, end: number): number {
  let i = start;
  let neg = false;
  const sign = b[i];
  if (sign === 0x2d || sign === 0x2b) {
    neg = sign === 0x2d;
    i++;
  }
  let int = 0;
  let digits = 0;
  let frac = 0;
  let d = b[i]! - 0x30;
  while (i < end && d >= 0 && d <= 9) {
    int = int * 10 + d;
    digits++;
    d = b[++i]! - 0x30;
  }
  if (i < end && b[i] === 0x2e) {
    d = b[++i]! - 0x30;
    while (i < end && d >= 0 && d <= 9) {
      int = int * 10 + d;
      digits++;
      frac++;
      d = b[++i]! - 0x30;
    }
  }
  if (digits > 0 && i === end) {
    if (int < TWO_53 && frac <= 22) {
      const v = frac === 0 ? int : int / POW10[frac]!;
      return neg ? -v : v;
    }
    return finite(Number(latin1(b, start, end)));
  }
  if (digits > 0 && (b[i] === 0x65 || b[i] === 0x45)) {
    let j = i + 1;
    if (b[j] === 0x2d || b[j] === 0x2b) j++;
    const expStart = j;
    while (j < end && b[j]! >= 0x30 && b[j]! <= 0x39) j++;
    if (j === end && j > expStart) return finite(Number(latin1(b, start, end)));
  }
  // Surrounding spaces, or no number at all.
  return parseNumberText(latin1(b, start, end));
}

/** "line:col" (1-based, columns in characters) of a byte offset in a UTF-8 part, for diagnostics. */
export function positionOf(b: Uint8Array, offset: number): string {
  let line = 1;
  let col = 1;
  const end = Math.min(offset, b.length);
  for (let i = 0; i < end; i++) {
    const c = b[i]!;
    if (c === 0x0a) {
      line++;
      col = 1;
    } else if ((c & 0xc0) !== 0x80) col++;
  }
  return `${line}:${col}`;
}
