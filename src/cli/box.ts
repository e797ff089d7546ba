// A table drawn with box characters for the terminal, CJK characters two columns wide. A cell given
// less room than its text is wrapped onto more lines (at a list's or a clause's end where it can
// be), so nothing in it is lost; a coloured cell is cut short with "…" instead. Small and quick to start.
import { displayWidth, oneLineText } from "../model/width.js";

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

/** Where a line may end, best first: after a list's separator (outside brackets, then inside), a clause's comma (not one in 20,000), a space. */
const BREAKS: readonly ((ch: string, depth: number, next: string, prev: string) => boolean)[] = [
  (ch, depth) => depth === 0 && /[;；]/.test(ch),
  (ch) => /[;；]/.test(ch),
  (ch, _depth, next, prev) => /[，、]/.test(ch) || (ch === "," && !(/\d/.test(prev) && /\d/.test(next))),
  // Not between an amount and its unit (20,000 yuan).
  (ch, _depth, next, prev) => (ch === " " && !(/\d/.test(prev) && /[A-Za-z]/.test(next))) || (ch === "-" && /[A-Za-z]/.test(next)),
];
const OPENING = /[(（[【]/;
const CLOSING = /[)）\]】]/;

/** Whether a line would end between a and b inside a number (20,000 or 1.5; prev comes before a). */
function inNumber(a: string, b: string, prev = ""): boolean {
  if (/\d/.test(a) && /\d/.test(b)) return true;
  if (/[,.]/.test(a) && /\d/.test(b)) return /\d/.test(prev);
  return /\d/.test(a) && /[,.]/.test(b);
}

/**
 * Whether a line may end between a and b where no separator fits: not inside a number or a word,
 * nor between a number and its unit (20,000元), nor after an opening bracket or before a closing
 * one or a separator.
 */
function mayBreak(a: string, b: string, prev: string): boolean {
  if (OPENING.test(a) || CLOSING.test(b) || /[;；,，、:：]/.test(b)) return false;
  if (/[A-Za-z]/.test(a) && /[A-Za-z]/.test(b)) return false;
  return amountWhole(a, b, prev);
}

/** Not inside a number, nor between a number and its unit (20,000元). */
function amountWhole(a: string, b: string, prev: string): boolean {
  return !inNumber(a, b, prev) && !(/\d/.test(a) && /[元%起人个万亿次]/.test(b));
}

/** Where the first line of `chars` ends (its length), given that `fit` characters fit. */
function lineEnd(chars: readonly string[], fit: number): number {
  // Each character's bracket depth (after an opening one, before its closing one).
  const depth: number[] = [];
  let d = 0;
  for (let i = 0; i < fit; i++) {
    const ch = chars[i] ?? "";
    if (CLOSING.test(ch)) d = Math.max(0, d - 1);
    depth.push(d);
    if (OPENING.test(ch)) d++;
  }
  for (const breaks of BREAKS) {
    for (let at = fit - 1; at > 0; at--) if (breaks(chars[at] ?? "", depth[at] ?? 0, chars[at + 1] ?? "", chars[at - 1] ?? "")) return at + 1;
  }
  // Nowhere to end but where the width does: where it reads best (mayBreak), else anywhere but
  // inside an amount, else anywhere but inside a number, else where the width ends.
  for (const may of [mayBreak, amountWhole, (a: string, b: string, prev: string): boolean => !inNumber(a, b, prev)]) {
    let end = fit;
    while (end > 1 && !may(chars[end - 1] ?? "", chars[end] ?? "", chars[end - 2] ?? "")) end--;
    if (end > 1) return end;
  }
  return fit;
}

/** Plain text in lines no wider than `width`, each ending where it reads best (lineEnd). */
export function wrap(text: string, width: number): string[] {
  return broken(text, width, lineEnd);
}

/**
 * Running text (a help's description) in lines no wider than `width`, each as full as it can be:
 * ended after a space, or between Chinese characters where it reads well (mayBreak), never inside
 * a word; a word wider than the line, where the width does. Empty text is one empty line.
 */
export function fill(text: string, width: number): string[] {
  const lines = broken(text, width, fullLineEnd);
  return lines.length ? lines : [""];
}

/** Where the first line of `chars` ends when as full as it can be, given that `fit` characters fit. */
function fullLineEnd(chars: readonly string[], fit: number): number {
  const may = (a: string, b: string, prev: string): boolean => a === " " || b === " " || ((displayWidth(a) > 1 || displayWidth(b) > 1) && !/[.。!！?？]/.test(b) && mayBreak(a, b, prev));
  let end = fit;
  while (end > 1 && !may(chars[end - 1] ?? "", chars[end] ?? "", chars[end - 2] ?? "")) end--;
  return end <= 1 ? fit : end;
}

/** Text in lines no wider than `width`, each ended where `end` says, spaces at the breaks dropped. */
function broken(text: string, width: number, end: (chars: readonly string[], fit: number) => number): string[] {
  const chars = [...text];
  return brokenTokens(chars, chars, width, end);
}

/**
 * The same over tokens that print as `chars` (each a character, with any colour codes before it):
 * where a line ends is judged on what shows; a space dropped at a break keeps its codes (a colour
 * closed there stays closed).
 */
function brokenTokens(tokens: readonly string[], chars: readonly string[], width: number, end: (chars: readonly string[], fit: number) => number): string[] {
  const codes = (i: number, list: readonly string[], shown: readonly string[]): string => (list[i] ?? "").slice(0, (list[i] ?? "").length - (shown[i] ?? "").length);
  const lines: string[] = [];
  let restTokens = [...tokens];
  let rest = [...chars];
  while (rest.length) {
    let w = 0;
    let fit = 0;
    while (fit < rest.length && w + displayWidth(rest[fit] ?? "") <= width) w += displayWidth(rest[fit++] ?? "");
    if (fit === rest.length) {
      lines.push(restTokens.join(""));
      break;
    }
    const at = end(rest, fit);
    const line = restTokens.slice(0, at);
    for (let i = at - 1; i >= 0 && /\s/.test(rest[i] ?? ""); i--) line[i] = codes(i, restTokens, rest);
    lines.push(line.join(""));
    restTokens = restTokens.slice(at);
    rest = rest.slice(at);
    let carried = "";
    while (rest[0] === " ") {
      carried += codes(0, restTokens, rest);
      restTokens.shift();
      rest.shift();
    }
    if (carried && restTokens.length) restTokens[0] = carried + (restTokens[0] ?? "");
  }
  return lines;
}

/**
 * A line of the terminal's (colour codes and all) in lines no wider than `width` as it shows,
 * each as full as it can be (see fill); the codes kept with the characters they colour.
 */
export function fillShown(text: string, width: number): string[] {
  const tokens: string[] = [];
  // eslint-disable-next-line no-control-regex
  for (const m of text.matchAll(/((?:\x1b\[[0-9;]*m)*)([^\x1b]|$)/gsu)) {
    if (m[0] === "") continue;
    if (m[2] === "" && tokens.length) tokens[tokens.length - 1] += m[1] ?? "";
    else tokens.push(m[0]);
  }
  const lines = brokenTokens(tokens, tokens.map(visible), width, spacedLineEnd);
  return lines.length ? ownColours(lines) : [""];
}

/**
 * Where a terminal line ends: at its last space where that leaves it half full or more (a cell
 * reference, 指标数据!O10, and a word kept whole), else as full as it can be (fullLineEnd).
 */
function spacedLineEnd(chars: readonly string[], fit: number): number {
  for (let end = fit; end > fit / 2; end--) if (chars[end] === " " || chars[end - 1] === " ") return end;
  return fullLineEnd(chars, fit);
}

/**
 * Each line closing the colours still open at its end and the next opening them again: a line read
 * alone (a log, a pager scrolling back) shows its own colours, none carried to the next.
 */
function ownColours(lines: readonly string[]): string[] {
  let open: string[] = [];
  return lines.map((line) => {
    const before = open.map((c) => `\x1b[${c}m`).join("");
    for (const m of line.matchAll(SGR)) {
      const code = m[1] ?? "";
      if (code === "" || code === "0") open = [];
      else if (code === "39") open = open.filter((c) => !/^(3[0-8]|9[0-7])(;|$)/.test(c));
      else if (code === "22") open = open.filter((c) => c !== "1" && c !== "2");
      else open.push(code);
    }
    return before + line + (open.length ? "\x1b[0m" : "");
  });
}

// eslint-disable-next-line no-control-regex
const SGR = /\x1b\[([0-9;]*)m/g;

/** A cell's lines in a column `width` wide. */
function cellLines(s: string, width: number): string[] {
  if (displayWidth(visible(s)) <= width) return [s];
  return visible(s) === s ? wrap(s, width) : [cut(s, width)];
}

function pad(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(visible(s))));
}

/**
 * rows: the header first. widths: each column's room for text (undefined: its widest text).
 * Every line is as wide as the sum of the columns, their padding and borders.
 */
export function boxTable(given: readonly (readonly string[])[], widths: readonly (number | undefined)[] = []): string {
  // A line break typed in a cell (a unit's name) would tear the table's row: shown as ↵.
  const rows = given.map((r) => r.map(oneLineText));
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const w = Array.from({ length: cols }, (_, i) => widths[i] ?? Math.max(0, ...rows.map((r) => displayWidth(visible(r[i] ?? "")))));
  const rule = (l: string, m: string, r: string): string => l + w.map((x) => "─".repeat(x + 2)).join(m) + r;
  const line = (r: readonly string[]): string => {
    const cells = w.map((x, i) => cellLines(r[i] ?? "", x));
    const height = Math.max(1, ...cells.map((c) => c.length));
    return Array.from({ length: height }, (_, k) => "│" + w.map((x, i) => ` ${pad(cells[i]?.[k] ?? "", x)} `).join("│") + "│").join("\n");
  };
  const [head, ...body] = rows;
  return [rule("┌", "┬", "┐"), ...(head ? [line(head), rule("├", "┼", "┤")] : []), ...body.map(line), rule("└", "┴", "┘")].join("\n");
}

/**
 * Lines of text (colour codes and all) fitted to a terminal `width` wide: a longer line wrapped,
 * each line after its first indented under it a little more (an explanation's tree keeps its shape).
 */
export function hanging(text: string, width: number): string {
  return text
    .split("\n")
    .map((line) => {
      const shown = visible(line);
      if (displayWidth(shown) <= width) return line;
      const hang = " ".repeat(Math.min(shown.length - shown.trimStart().length + 4, Math.floor(width / 3)));
      return fillShown(line, Math.max(20, width - hang.length))
        .map((l, i) => (i === 0 ? l : hang + l))
        .join("\n");
    })
    .join("\n");
}
