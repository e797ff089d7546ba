// Element and attribute local names as small integers, so handlers switch on numbers and the
// reader never makes a string for a tag name. Prefixes (x:c) are dropped: local names compare.
import { encodeUtf8 } from "./bytes.js";

export class NameTable {
  private readonly byLength: { bytes: Uint8Array; id: number }[][] = [];
  /** Unprefixed one-byte names (c, v, f, r, s, t: most of a sheet) by their byte. */
  private readonly single = new Int32Array(256).fill(-1);

  constructor(readonly names: readonly string[]) {
    names.forEach((name, id) => {
      const bytes = encodeUtf8(name);
      (this.byLength[bytes.length] ??= []).push({ bytes, id });
      if (bytes.length === 1) this.single[bytes[0]!] = id;
    });
  }

  /** The id of the local part of the qualified name in b[start, end), or -1 when not in the table. */
  lookup(b: Uint8Array, start: number, end: number): number {
    if (end - start === 1) return this.single[b[start]!]!;
    let s = start;
    for (let i = start; i < end; i++) if (b[i] === 0x3a) s = i + 1;
    const list = this.byLength[end - s];
    if (list === undefined) return -1;
    outer: for (const { bytes, id } of list) {
      for (let i = 0; i < bytes.length; i++) if (bytes[i] !== b[s + i]) continue outer;
      return id;
    }
    return -1;
  }
}

/** Ids of the names a NameTable was built from, as an object: N.row, N.c, … */
export function nameIds<const T extends readonly string[]>(names: T): { readonly [K in T[number]]: number } {
  const out: Record<string, number> = {};
  names.forEach((n, i) => (out[n] = i));
  return out as { readonly [K in T[number]]: number };
}
