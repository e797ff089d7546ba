// A value typed in Chinese quotes (“已认定”, 『街道』, pasted from a Word document of the 办法):
// YAML reads the quotes as part of the value, which then names no status, label or date.

/** A value wholly inside Chinese quotes. */
export const CHINESE_QUOTED = /^\s*[“‘「『].*[”’」』]\s*$/s;

/** Keys whose value is text however it looks (a version 2026.2, a date): written in plain quotes. */
const QUOTED_KEYS: ReadonlySet<string> = new Set(["version", "effective"]);

/**
 * What to write instead of a value in Chinese quotes, under `key`: a number bare (90, 95%), a
 * version or a date in plain quotes ("2026.2"), any other text in plain quotes ("已认定").
 */
export function unquoted(written: string, key: string | number | undefined): string {
  const inner = written.trim().slice(1, -1).trim();
  if (typeof key === "string" && QUOTED_KEYS.has(key)) return `"${inner}"`;
  if (/^[+-]?\d+(\.\d+)?%?$/.test(inner)) return inner;
  return `"${inner.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}
