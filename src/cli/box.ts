// A table drawn with box characters for the terminal, CJK characters two columns wide, cells cut
// short with "…" where a column is given less room than its text. Small and quick to start.
import { displayWidth } from "../report/sheet-style.js";

/** Strips ANSI colour codes, which take no room on screen. */
function visible(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;]*m/g, "");
}

function cut(s: string, width: number): string {
  if (displayWidth(visible(s)) <= width) return s;
  const plain = visible(s);
  let out = "";
  let w = 0;
  for (const ch of plain) {
    const cw = displayWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

function pad(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(visible(s))));
}

/**
 * rows: the header first. widths: each column's room for text (undefined: its widest text).
 * Every line is as wide as the sum of the columns, their padding and borders.
 */
export function boxTable(rows: readonly (readonly string[])[], widths: readonly (number | undefined)[] = []): string {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const w = Array.from({ length: cols }, (_, i) => widths[i] ?? Math.max(0, ...rows.map((r) => displayWidth(visible(r[i] ?? "")))));
  const rule = (l: string, m: string, r: string): string => l + w.map((x) => "─".repeat(x + 2)).join(m) + r;
  const line = (r: readonly string[]): string => "│" + w.map((x, i) => ` ${pad(cut(r[i] ?? "", x), x)} `).join("│") + "│";
  const [head, ...body] = rows;
  return [rule("┌", "┬", "┐"), ...(head ? [line(head), rule("├", "┼", "┤")] : []), ...body.map(line), rule("└", "┴", "┘")].join("\n");
}
