// Bytes without Node's Buffer, so the reader and writer run in a browser too: little-endian
// integers, UTF-8 text of a byte range (short ranges decoded in JavaScript, which beats a call into
// TextDecoder for the names and numbers that make up a sheet), searching and joining.

export function u16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}

export function u32(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16)) + (b[at + 3] ?? 0) * 0x1000000;
}

export function setU16(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
}

export function setU32(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
  b[at + 2] = (v >>> 16) & 0xff;
  b[at + 3] = (v >>> 24) & 0xff;
}

const decoder = new TextDecoder("utf-8");
const encoder = new TextEncoder();

/** Ranges longer than this go to TextDecoder; shorter ones are decoded here. */
const SHORT = 48;

/**
 * The text of b[start, end) as UTF-8 (invalid sequences become U+FFFD, as TextDecoder does; the
 * XML reader has refused invalid parts before any text is read).
 */
export function utf8(b: Uint8Array, start = 0, end = b.length): string {
  if (end - start > SHORT) return decoder.decode(b.subarray(start, end));
  let s = "";
  for (let i = start; i < end; ) {
    const c = b[i]!;
    if (c < 0x80) {
      s += String.fromCharCode(c);
      i++;
    } else if (c >= 0xc2 && c < 0xe0 && i + 1 < end) {
      s += String.fromCharCode(((c & 0x1f) << 6) | (b[i + 1]! & 0x3f));
      i += 2;
    } else if (c >= 0xe0 && c < 0xf0 && i + 2 < end) {
      s += String.fromCharCode(((c & 0x0f) << 12) | ((b[i + 1]! & 0x3f) << 6) | (b[i + 2]! & 0x3f));
      i += 3;
    } else {
      // Four-byte forms and anything odd: the standard decoder handles them.
      return decoder.decode(b.subarray(start, end));
    }
  }
  return s;
}

/** Bytes as Latin-1 text (one character per byte): for signatures, numbers and ASCII names. */
export function latin1(b: Uint8Array, start = 0, end = b.length): string {
  let s = "";
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]!);
  return s;
}

export function encodeUtf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Writes s as UTF-8 into out at offset; returns the bytes written (out must have room for 3 per unit). */
export function encodeUtf8Into(s: string, out: Uint8Array, offset: number): number {
  return encoder.encodeInto(s, out.subarray(offset)).written;
}

/** The first index ≥ from where needle occurs in b, or -1. */
export function indexOfBytes(b: Uint8Array, needle: Uint8Array, from = 0): number {
  const n = needle.length;
  if (n === 0) return from;
  const first = needle[0]!;
  const last = b.length - n;
  for (let i = b.indexOf(first, from); i !== -1 && i <= last; i = b.indexOf(first, i + 1)) {
    let k = 1;
    while (k < n && b[i + k] === needle[k]) k++;
    if (k === n) return i;
  }
  return -1;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Whether b is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF). */
export function isUtf8(b: Uint8Array): boolean {
  return firstInvalidUtf8(b) === b.length;
}

/** The offset of the first byte that breaks UTF-8, or b.length when there is none. */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  // ASCII runs (most of a part) four bytes at a time where the bytes are aligned for it.
  const words = (b.byteOffset & 3) === 0 ? new Uint32Array(b.buffer, b.byteOffset, n >>> 2) : undefined;
  while (i < n) {
    if (words && (i & 3) === 0) {
      let w = i >>> 2;
      while (w < words.length && (words[w]! & 0x80808080) === 0) w++;
      i = w << 2;
      if (i >= n) break;
    }
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > n) return i;
    const c1 = b[i + 1]!;
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (c1 < lo || c1 > hi) return i;
    for (let k = 2; k < len; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return n;
}
