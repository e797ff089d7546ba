// Characters no one sees, pasted into a rubric from Word or a web page: which they are, and the
// error that names one in a key. (A value holding one is said where it is read: load.ts for the
// zero-width ones anywhere, zod-issues.ts for the spaces in a value the schema refuses.)
import type { Diagnostic } from "../diagnostics/index.js";

/** Zero-width characters and a byte-order mark: no word of a rubric holds one (prose may). */
export const ZERO_WIDTH = /\u200b|\u200c|\u200d|\u2060|\ufeff/;

/** Those, and the no-break and full-width spaces. */
export const INVISIBLE = /\u00a0|\u3000|\u200b|\u200c|\u200d|\u2060|\ufeff/;

/** The first such character in `s`, as its catalog word's id (u200b), or undefined. */
export function invisibleIn(s: string, among: RegExp = INVISIBLE): string | undefined {
  const m = among.exec(s);
  return m ? `u${(m[0].codePointAt(0) ?? 0).toString(16).padStart(4, "0")}` : undefined;
}

/**
 * A key holding one, at it: one joined to its value by it ({ from: then U+3000 and 90 }, no space
 * to YAML), or a key of its own (a level's name, a weight's line); undefined where it holds none.
 */
export function invisibleKey(k: string, location: Diagnostic["location"]): Diagnostic | undefined {
  const char = invisibleIn(k);
  if (char === undefined) return undefined;
  const code = /^[A-Za-z_][\w-]*:/.test(k) ? "rubric.invisible-char-key" : "rubric.invisible-char-in-key";
  return { code, severity: "error", data: { key: k.replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, " ").trim(), char }, location };
}
