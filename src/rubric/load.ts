// Reads a rubric file: YAML 1.2 with positions, refusing what YAML lets through but a rubric must
// not (directives, alias bombs, unknown tags, several documents), then the zod shape, then the
// cross-checks. Returns every problem in one pass; never throws for bad input.
import { isPair, isScalar, LineCounter, parseAllDocuments, visit } from "yaml";
import { CHINESE_QUOTED, unquoted } from "./quotes.js";
import type { Diagnostic, TextLocation } from "../diagnostics/index.js";
import { rubricSchema } from "./schema.js";
import { Positions } from "./positions.js";
import { zodIssueToDiagnostic } from "./zod-issues.js";
import { INVISIBLE, invisibleIn, invisibleKey, ZERO_WIDTH } from "./invisible.js";
import { buildRubric } from "./build.js";
import { MAX_RUBRIC_BYTES, type Rubric } from "./model.js";
import { sha256Hex } from "../model/sha256.js";

export { MAX_RUBRIC_BYTES } from "./model.js";
/** yaml's error codes that have their own words in the catalog (rubric.yaml.CODE). */
export const YAML_ERRORS = new Set(["FULLWIDTH_COLON", "FULLWIDTH_SPACE", "ODD_SPACE_INDENT", "LONG_DASH", "ODD_SPACE_AFTER_COLON", "FULLWIDTH_HASH", "FULLWIDTH_DASH", "DASH_NO_SPACE", "FULLWIDTH_COMMA", "COLON_NO_SPACE", "KEY_INDENT_DEEPER", "KEY_INDENT_LESS", "ITEM_INDENT_LESS", "ITEM_INDENT_BETWEEN", "DASH_MOVED_IN", "ITEM_INDENT_DEEPER", "KEY_AT_DASH", "ENTRY_FIRST_LINE_APART", "KEY_LESS_THAN_ITS_ENTRY", "FIRST_DASH_MISSING", "FIRST_KEY_UNDER_LESS", "FIRST_KEY_UNDER_DEEPER", "UNCLOSED_FLOW", "SEQ_INDENT", "UNCLOSED_QUOTE", "TAB_AS_INDENT", "BAD_INDENT", "MISSING_CHAR", "BLOCK_AS_IMPLICIT_KEY", "MULTILINE_IMPLICIT_KEY", "UNEXPECTED_TOKEN", "BAD_DQ_ESCAPE", "BAD_SCALAR_START", "BAD_ALIAS", "KEY_OVER_1024_CHARS", "TEXT_COLON", "TEXT_AFTER_CLOSE", "LIST_AFTER_CLOSE"]);
const MAX_ALIASES = 100;

export interface RubricLoad {
  rubric?: Rubric;
  diagnostics: Diagnostic[];
  /** A valid rubric's units that no ranking table will show, at their kind's or group's id (said by `rubric check`). */
  advice?: Diagnostic[];
}

function fail(file: string, code: string, line = 1, col = 1, data: Record<string, string | number> = {}): RubricLoad {
  return { diagnostics: [{ code, severity: "error", data, location: { file, line, col } }] };
}

/**
 * A workbook by its first bytes: a zip package (.xlsx) or a CFB container (.xls). The rubric layer
 * reads no workbooks (the xlsx reader has the full sniff); these two signatures are all it needs.
 */
function isWorkbookStart(b: Uint8Array): boolean {
  return (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) || (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0);
}

/**
 * What a file that is no text is, where it can be told: a workbook (a zip with xl/ in it), a Word
 * document (word/), another Office file (the old .doc or .xls), a PDF; undefined for text.
 */
function notText(b: Uint8Array): string | undefined {
  // Byte for byte (a browser's "latin1" decoder is windows-1252: 0x89 of PNG's mark read as ‰).
  const head = String.fromCharCode(...b.subarray(0, 12));
  if (head.startsWith("%PDF-")) return "rubric.is-pdf";
  // A document saved as RTF (WPS or Word's 另存为 RTF, renamed; with a BOM or not): text, but a word processor's, not YAML.
  if (head.replace(/^\xef\xbb\xbf/, "").startsWith("{\\rtf")) return "rubric.is-word";
  // A picture (a scan or a screenshot of the 办法, chosen by mistake): PNG, JPEG, GIF, BMP, WebP.
  if (head.startsWith("\x89PNG") || (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) || /^GIF8[79]a/.test(head) || (head.startsWith("BM") && b[6] === 0 && b[7] === 0 && b[8] === 0 && b[9] === 0) || (head.startsWith("RIFF") && head.slice(8, 12) === "WEBP")) return "rubric.is-image";
  if (!isWorkbookStart(b)) return undefined;
  if (b[0] === 0xd0) return "rubric.is-office";
  // A zip names its parts in its directory at its end, and before each part: looked for as bytes.
  const names = new TextDecoder("latin1").decode(b);
  return names.includes("xl/") ? "rubric.is-workbook" : names.includes("word/") ? "rubric.is-word" : "rubric.is-zip";
}

/**
 * The offset of a [ or { before `end` that is still open there (its ] or } nowhere before), outside
 * comments and quotes; undefined where every one is closed.
 */
function unclosedFlow(source: string, end: number): number | undefined {
  const open: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < end && i < source.length; i++) {
    const ch = source[i];
    if (quote) {
      if (ch === "\\" && quote === '"') i++;
      else if (ch === quote) quote = undefined;
      else if (ch === "\n") quote = undefined; // a quote left open is said as such, not here
      continue;
    }
    if (ch === "#" && (i === 0 || /\s/.test(source[i - 1] ?? ""))) {
      const nl = source.indexOf("\n", i);
      i = nl < 0 ? source.length : nl - 1;
    } else if ((ch === '"' || ch === "'") && (open.length > 0 || /[\s:[{,-]/.test(source[i - 1] ?? " "))) quote = ch;
    else if (ch === "[" || ch === "{") open.push(i);
    else if (ch === "]" || ch === "}") open.pop();
  }
  return open.at(-1);
}

/**
 * What the YAML parser's first error means for a rubric's author, and where. Two of its "missing
 * character" errors say more than that: a list item not lined up with the one above ("Sequence item
 * without - indicator"), and a quote never closed, which the parser only notices at the end of the
 * file; that one is located at the line where the quote opens (the first with one left unpaired).
 */
function yamlError(code: string, text: string, offset: number, source: string): { code: string; at: number } {
  // A line's indentation said at the blank line above it (a top-level key moved in after a blank
  // line): said at that line, at its key.
  if (code === "BAD_INDENT") {
    const start = source.lastIndexOf("\n", offset - 1) + 1;
    // (Past the blank lines, and the next line's spaces: at its key.)
    const past = /^[ \t]*\r?\n/.test(source.slice(start, start + 200)) ? /^(?:[ \t]*\r?\n)*[ ]*/.exec(source.slice(start))?.[0].length : undefined;
    if (past !== undefined && start + past < source.length) return yamlError(code, text, start + past, source);
  }
  // The slips below are looked for near the error only, on its line and the lines either side: a
  // text elsewhere (a block of clause text, text: |) may hold such words or a full-width indent.
  const errorLine = source.lastIndexOf("\n", offset - 1) + 1;
  const lineAbove = errorLine > 0 ? source.lastIndexOf("\n", errorLine - 2) + 1 : 0;
  // Where the line from `start` ends (the source's end for the last line).
  const endOf = (start: number): number => {
    const end = source.indexOf("\n", start);
    return end < 0 ? source.length : end;
  };
  const lineBelowEnd = endOf(endOf(errorLine) + 1);
  const near = (re: RegExp): RegExpExecArray | undefined => {
    re.lastIndex = lineAbove;
    const m = re.exec(source);
    return m && m.index <= lineBelowEnd ? m : undefined;
  };
  // A list entry's dash with no space after it (-code: JJ2): "-code" is one word to YAML, a key of
  // no entry, and the lines under it seem wrongly indented.
  const glued = near(/^[ ]*(-)(?=[A-Za-z_][\w-]*[ ]*:|\{)/gm);
  if (glued) return { code: "DASH_NO_SPACE", at: glued.index + glued[0].length - 1 };
  // …or a word's (-区直部门 among labels): the entries around it, at its column with their space, say it is one.
  const word = near(/^([ ]*)-(?=[^\s\-\d.])/gm);
  if (word) {
    const column = word[1] ?? "";
    const above = word.index > 0 ? source.lastIndexOf("\n", word.index - 2) + 1 : -1;
    const around = [above, endOf(word.index) + 1].filter((at) => at >= 0 && at < source.length).map((at) => source.slice(at, endOf(at)));
    if (around.some((l) => l.startsWith(`${column}- `))) return { code: "DASH_NO_SPACE", at: word.index + column.length };
  }
  // A key followed by a full-width colon (code：SM, typed with a Chinese input method) is no key at
  // all, and yaml's own words (a key across lines) point elsewhere: said as it is, where it is.
  const fullWidth = near(/^[ \t]*(?:-[ \t]+)?[A-Za-z_][\w-]*[ \t]*(：)/gm);
  if (fullWidth) return { code: "FULLWIDTH_COLON", at: fullWidth.index + fullWidth[0].length - 1 };
  // A comment begun with a full-width ＃, a list's entry with a full-width －: text to YAML.
  const hash = near(/(?:^|[ \t])(＃)/gm);
  if (hash) return { code: "FULLWIDTH_HASH", at: hash.index + hash[0].length - 1 };
  const dash = near(/^[ \t]*(－)[ \t]/gm);
  if (dash) return { code: "FULLWIDTH_DASH", at: dash.index + dash[0].length - 2 };
  // …or with a dash (— or –, a word processor's autocorrect of -).
  const longDash = near(/^[ \t]*([—–])[ \t]/gm);
  if (longDash) return { code: "LONG_DASH", at: longDash.index + longDash[0].length - 2 };
  // A line indented with full-width spaces (U+3000, typed with a Chinese input method): no indentation to YAML.
  const ideographic = near(/^[ \t]*\u3000/gm);
  if (ideographic) return { code: "FULLWIDTH_SPACE", at: ideographic.index + ideographic[0].length - 1 };
  // …or with a no-break or other odd space (pasted from a web page or Word): it looks like a space and is none.
  const oddIndent = near(/^[ \t]*[\u00a0\u2000-\u200b\u202f\u205f\ufeff]/gm);
  if (oddIndent) return { code: "ODD_SPACE_INDENT", at: oddIndent.index + oddIndent[0].length - 1 };
  // A key whose colon a full-width or no-break space follows (max: then U+3000 and 20, pasted from Word): no space
  // to YAML, so one word, which yaml says is a key across lines.
  const oddSpace = near(/(?:^[ \t]*(?:-[ \t]+)?|[{,][ \t]*)[A-Za-z_][\w-]*:(?:\u3000|\u00a0|\u200b|\u200c|\u200d|\u2060|\ufeff)/gm);
  if (oddSpace) return { code: "ODD_SPACE_AFTER_COLON", at: oddSpace.index + oddSpace[0].length - 1 };
  // A key with no space after its colon (max:10): one word to YAML, not a key and its value.
  const noSpace = near(/^[ \t]*(?:-[ \t]+)?[A-Za-z_][\w-]*:(?=[^\s/])/gm);
  if (noSpace && noSpace.index <= errorLine) return { code: "COLON_NO_SPACE", at: noSpace.index + noSpace[0].length - 1 };
  // A clause's text with a ": " in it, inside { … } ({ code: DJ1, text: 评分: 由…评定 }): yaml says a
  // map may not be begun there, at the text, which has no closing } before it; the colon is the mistake.
  if (code === "BLOCK_IN_FLOW") {
    const before = /[{,][ \t]*(?:text|name|title|issuer|source):[ \t]+$/.test(source.slice(errorLine, offset));
    const colon = source.slice(offset, endOf(offset)).search(/:(\s|$)/);
    // ({ name: 一等奖， ranks: [1, 1] }: a full-width comma before the next key, not a colon in a text, is
    // the mistake; a text's own ，before its colon is text: 评分，标准: 由…)
    const comma = source.slice(offset, endOf(offset)).search(/，[ \t]*[A-Za-z_][\w-]*:(\s|$)/);
    if (before && comma >= 0 && (colon < 0 || comma < colon)) return { code: "FULLWIDTH_COMMA", at: offset + comma };
    if (before && colon >= 0) return { code: "TEXT_COLON", at: offset + colon };
  }
  // A [ or { never closed (lines: [BM): yaml finds the next line's indentation wrong; the opener is the mistake.
  const unclosed = unclosedFlow(source, offset);
  if (unclosed !== undefined) {
    // Unclosed because its items are parted by a full-width comma (，): that comma is the mistake.
    const comma = source.slice(unclosed, endOf(unclosed)).indexOf("，");
    return comma >= 0 ? { code: "FULLWIDTH_COMMA", at: unclosed + comma } : { code: "UNCLOSED_FLOW", at: unclosed };
  }
  // A key indented further than the key above it: yaml reads the value above on, as text, to it
  // (and says so at the line above), or, after a value it has closed ([…] # …), finds the line
  // under it wrongly indented.
  const lineFrom = (start: number): string => source.slice(start, endOf(start));
  /** A line of nothing but spaces or a comment. */
  const blank = (l: string): boolean => /^\s*(#.*)?$/.test(l);
  const indent = (l: string): number => /^[ ]*/.exec(l)?.[0].length ?? 0;
  const key = /^[ ]*(?:-[ ]+)?[A-Za-z_][\w-]*[ ]*:/;
  // `deeper` a key under `above` and further in, where `above` opens no block of its own.
  // (A list entry's key stands after its dash: `- code:` at 4 spaces and `name:` at 6 under it line up.)
  const keyAt = (l: string): number => /^[ ]*(?:-[ ]+)?/.exec(l)?.[0].length ?? 0;
  const deeper = (above: string, line: string): boolean => key.test(above) && key.test(line) && keyAt(line) > keyAt(above) && !/:\s*(#.*)?$/.test(above);
  const startAbove = (start: number): number => (start > 0 ? source.lastIndexOf("\n", start - 2) + 1 : -1);
  // The key at `start` further in than the one above it, or, where it lines up with the key two
  // above, the one between indented less than both (step: 1 moved out of its item): that one said.
  const deeperAt = (start: number): { code: string; at: number } => {
    const above = startAbove(start);
    const two = above > 0 ? startAbove(above) : -1;
    const [l, a, t] = [lineFrom(start), above >= 0 ? lineFrom(above) : "", two >= 0 && two < above ? lineFrom(two) : ""];
    // (The key two above may be an entry's first, after its dash: - code: DZ1, then name: moved out, then max:.)
    if (key.test(a) && key.test(t) && !/:\s*(#.*)?$/.test(t) && indent(a) < keyAt(t) && indent(l) === keyAt(t)) return { code: "KEY_INDENT_LESS", at: above + indent(a) };
    // A list's next entry under a key moved out of the entry above it (text: at 4 spaces among keys
    // at 8, then - code: DZ2 at 6): that key, not the entry, which lines up with its list.
    if (/^[ ]*-[ ]/.test(l) && key.test(a) && !/^[ ]*-[ ]/.test(a) && key.test(t) && indent(a) < keyAt(t) && indent(l) < keyAt(t) && indent(l) > indent(a)) return { code: "KEY_LESS_THAN_ITS_ENTRY", at: above + indent(a) };
    // The first key under a key that opens a block (veto:, then ranked: at veto's own column, then
    // grade: at the block's): that key, which belongs in the block (grade: was said to be further in);
    // or, where entries of a list follow at its column (unit_kinds:, then id: town at 2, its keys at
    // 4, then - id: department at 2), the list's first entry, its dash deleted.
    if (key.test(a) && key.test(t) && /:\s*(#.*)?$/.test(t) && indent(a) < indent(l) && indent(l) > keyAt(t) && !/^[ ]*-[ ]/.test(l) && !/^[ ]*-[ ]/.test(a)) {
      for (let at = source.indexOf("\n", start) + 1; at > 0 && at < source.length; at = source.indexOf("\n", at) + 1) {
        const next = lineFrom(at);
        if (blank(next)) continue;
        if (indent(next) <= indent(a)) {
          if (indent(next) === indent(a) && /^[ ]*-[ ]/.test(next)) return { code: "FIRST_DASH_MISSING", at: above + indent(a) };
          break;
        }
      }
      return { code: "FIRST_KEY_UNDER_LESS", at: above + indent(a) };
    }
    return { code: "KEY_INDENT_DEEPER", at: start + indent(l) };
  };
  // A list entry pasted out of line, less indented than the entries of a list above it that every
  // line since is inside (`- code: SH8` at 4 spaces under items at 6): that entry said, at its dash
  // (the key under it, lined up with its own, was said to be indented too far).
  if (code === "BLOCK_AS_IMPLICIT_KEY") {
    const entry = /^([ ]*)-[ ]/.exec(lineFrom(errorLine));
    const d = entry?.[1]?.length ?? -1;
    for (let at = entry ? startAbove(errorLine) : -1; at >= 0; at = at > 0 ? startAbove(at) : -1) {
      const a = lineFrom(at);
      if (blank(a)) continue;
      if (indent(a) <= d) break;
      if (!/^[ ]*-[ ]/.test(a)) continue;
      // A list further out above it (lines: at 2, its entry at 4 among items at 6): its own, its
      // dash alone moved in where its keys stayed at that list's (the keys below it not under it),
      // or its whole block moved in, between the two (which list it is in, only its author knows).
      let outer: number | undefined;
      for (let up = startAbove(at); up >= 0; up = up > 0 ? startAbove(up) : -1) {
        const o = lineFrom(up);
        if (blank(o) || indent(o) >= d) continue;
        if (/^[ ]*-[ ]/.test(o)) outer = indent(o);
        break;
      }
      if (outer === undefined) return { code: "ITEM_INDENT_LESS", at: errorLine + d };
      let below = source.indexOf("\n", errorLine) + 1;
      while (below > 0 && below < source.length && blank(lineFrom(below))) below = source.indexOf("\n", below) + 1;
      const keysUnder = below > 0 && below < source.length && indent(lineFrom(below)) > d;
      return { code: keysUnder ? "ITEM_INDENT_BETWEEN" : "DASH_MOVED_IN", at: errorLine + d };
    }
  }
  if (code === "BLOCK_AS_IMPLICIT_KEY" || code === "MULTILINE_IMPLICIT_KEY") {
    const nextStart = source.indexOf("\n", errorLine) + 1;
    if (nextStart > 0 && deeper(lineFrom(errorLine), lineFrom(nextStart))) return deeperAt(nextStart);
  }
  const keyOf = (l: string): string | undefined => /^[ ]*(?:-[ ]+)?([A-Za-z_][\w-]*)[ ]*:/.exec(l)?.[1];
  /**
   * Whether the key at `start`, at the dash of the entry above, heads an entry of its own, its dash
   * deleted (id: department, its name, labels… under it, as the entry above has them): the keys
   * under it at `level` repeat one of the entry above's. (Those of one entry, kind: moved out of
   * it between max: and indicator:, repeat none.)
   */
  const headOfEntry = (start: number, level: number): boolean => {
    const before = new Set<string>();
    for (let at = startAbove(start); at >= 0; at = at > 0 ? startAbove(at) : -1) {
      const l = lineFrom(at);
      if (blank(l)) continue;
      if (keyAt(l) === level) before.add(keyOf(l) ?? "");
      if (indent(l) < level) break;
    }
    for (let at = source.indexOf("\n", start) + 1; at > 0 && at < source.length; at = source.indexOf("\n", at) + 1) {
      const l = lineFrom(at);
      if (blank(l)) continue;
      if (indent(l) < level) break;
      if (indent(l) === level && before.has(keyOf(l) ?? "")) return true;
    }
    return false;
  };
  const entry = /^[ ]*-[ ]/;
  // A list whose first entry lost its dash (unit_kinds: then id: town at 4 spaces, its keys under
  // it, then - id: department at 2): that entry's first line, said as wanting its "- ".
  if ((code === "BLOCK_AS_IMPLICIT_KEY" || code === "BAD_INDENT") && entry.test(lineFrom(errorLine))) {
    const d = indent(lineFrom(errorLine));
    let first = -1;
    for (let at = errorLine > 0 ? startAbove(errorLine) : -1; at >= 0; at = at > 0 ? startAbove(at) : -1) {
      const above = lineFrom(at);
      if (blank(above)) continue;
      if (indent(above) < d) {
        // The key that opens the list, the lines under it keys at d + 2 and further in, no entry among them.
        if (first >= 0 && /:\s*(#.*)?$/.test(above) && key.test(lineFrom(first)) && indent(lineFrom(first)) === d + 2) return { code: "FIRST_DASH_MISSING", at: first + d };
        break;
      }
      if (entry.test(above) || indent(above) === d) break;
      first = at;
    }
  }
  // A list entry further in than the entry before it (- { from: 85% } at 12 spaces under entries at
  // 10; - code: DZ2.2 at the keys of DZ2.1): said at its dash.
  if ((code === "BAD_INDENT" || code === "BLOCK_AS_IMPLICIT_KEY") && entry.test(lineFrom(errorLine))) {
    const d = indent(lineFrom(errorLine));
    for (let at = errorLine > 0 ? startAbove(errorLine) : -1; at >= 0; at = at > 0 ? startAbove(at) : -1) {
      const above = lineFrom(at);
      if (blank(above)) continue;
      if (entry.test(above) && indent(above) < d) {
        if (keyAt(above) === d) return { code: "ITEM_INDENT_DEEPER", at: errorLine + d };
        break;
      }
      if (indent(above) < d) break;
    }
  }
  if (code === "BAD_INDENT" && errorLine > 0) {
    if (deeper(lineFrom(lineAbove), lineFrom(errorLine))) return deeperAt(errorLine);
    // The first key under a key that opens a block further in than the keys after it (veto:, then
    // ranked: at 12, grade: at 10): that key.
    {
      const [l, a] = [lineFrom(errorLine), lineFrom(lineAbove)];
      const twoAt = startAbove(lineAbove);
      const t = twoAt >= 0 && twoAt < lineAbove ? lineFrom(twoAt) : "";
      if (key.test(l) && key.test(a) && key.test(t) && /:\s*(#.*)?$/.test(t) && keyAt(a) > indent(l) && indent(l) > keyAt(t) && !/^[ ]*-[ ]/.test(a)) return { code: "FIRST_KEY_UNDER_DEEPER", at: lineAbove + indent(a) };
    }
    const twoAbove = startAbove(lineAbove);
    if (twoAbove >= 0 && twoAbove < lineAbove && deeper(lineFrom(twoAbove), lineFrom(lineAbove))) return deeperAt(lineAbove);
    const [l, a] = [lineFrom(errorLine), lineFrom(lineAbove)];
    if (key.test(l) && !entry.test(l)) {
      const nextStart = source.indexOf("\n", errorLine) + 1;
      const next = nextStart > 0 ? lineFrom(nextStart) : "";
      // Whether it stands at the dash of a list's entry above it (the key's own entry, or a sibling's).
      let atDash = false;
      let dashAt = -1;
      for (let at = lineAbove; at >= 0; at = at > 0 ? startAbove(at) : -1) {
        const above = lineFrom(at);
        if (blank(above)) continue;
        if (indent(above) <= indent(l)) {
          atDash = indent(above) === indent(l) && entry.test(above);
          dashAt = at;
          break;
        }
      }
      // The entry's first line moved in, its other keys left where they were (name:, max: … at its
      // dash): that line, not the keys under it, which line up.
      if (atDash && dashAt === lineAbove && key.test(next) && !entry.test(next) && indent(next) === indent(l)) return { code: "ENTRY_FIRST_LINE_APART", at: dashAt + indent(a) };
      // A key at the dash of the entry it belongs to (yellow_card: at 2 spaces under - id: at 2): its
      // keys stand after the dash.
      if (atDash && (blank(next) || indent(next) <= indent(l))) return { code: "KEY_AT_DASH", at: errorLine + indent(l) };
      if (key.test(a) && indent(l) < keyAt(a) && key.test(next) && !entry.test(next) && keyAt(next) === keyAt(a) && !(atDash && headOfEntry(errorLine, keyAt(a)))) {
        // A key less indented than the key above it, the key under it lined up with that one (kind:
        // moved out of its item; name: under - id:): that key, at its first letter (it was "keys of
        // one level line up", at column 1).
        return { code: "KEY_INDENT_LESS", at: errorLine + indent(l) };
      }
    }
  }
  // A clause's text as YAML reads it otherwise than as text: a ": " in it (评分标准: 由…, a key
  // within the value), or begun with a quote or a bracket that closes before its end ("民生实事"由…,
  // [注] 由…: what follows is left over). Said at the value, with the way out: quote it whole.
  if (code === "BLOCK_AS_IMPLICIT_KEY" || code === "MULTILINE_IMPLICIT_KEY" || code === "UNEXPECTED_TOKEN") {
    // (A key of free text alone: a list's ] with an entry after it is no text to quote.)
    const m = /^([ \t]*(?:-[ \t]+)?(?:text|name|title|issuer|source):[ \t]+)(.*)$/.exec(lineFrom(errorLine));
    const value = m?.[2] ?? "";
    const at = errorLine + (m?.[1]?.length ?? 0);
    if (m && /^["'[{]/.test(value)) {
      const close = { '"': '"', "'": "'", "[": "]", "{": "}" }[value[0] ?? ""] ?? "";
      const end = value.indexOf(close, 1);
      if (end > 0 && !blank(value.slice(end + 1))) return { code: "TEXT_AFTER_CLOSE", at };
    } else if (m && /:(\s|$)/.test(value)) return { code: "TEXT_COLON", at: at + value.search(/:(\s|$)/) };
    // A list or a map of another key with something after its closing ] or } (levels: [市级, 省级] 国家级):
    // an entry left outside it.
    const list = /^([ \t]*(?:-[ \t]+)?[A-Za-z_][\w-]*:[ \t]+)([[{].*)$/.exec(lineFrom(errorLine));
    if (!m && list) {
      const v = list[2] ?? "";
      const end = v.lastIndexOf(v[0] === "[" ? "]" : "}");
      if (end > 0 && !blank(v.slice(end + 1))) return { code: "LIST_AFTER_CLOSE", at: errorLine + (list[1]?.length ?? 0) + end + 1 };
    }
  }
  if (code !== "MISSING_CHAR") return { code, at: offset };
  if (/^Sequence item without/.test(text)) return { code: "SEQ_INDENT", at: offset };
  const quote = /Missing closing "quote/.test(text) ? '"' : /Missing closing 'quote/.test(text) ? "'" : undefined;
  if (!quote) return { code, at: offset };
  let start = 0;
  for (const line of source.split("\n")) {
    // Comment lines aside; an escaped \" (double quotes) or a doubled '' (single) is no quote.
    const marks = line.trimStart().startsWith("#") ? 0 : quote === '"' ? line.replace(/\\./g, "").split('"').length - 1 : line.replace(/''/g, "").split("'").length - 1;
    if (marks % 2 === 1) return { code: "UNCLOSED_QUOTE", at: start + line.lastIndexOf(quote) };
    start += line.length + 1;
  }
  return { code: "UNCLOSED_QUOTE", at: offset };
}

/**
 * An item (or ranking) written without its "- " reads as the item above's keys again: code, name,
 * max… each "twice", and deleting them as told lost the item. Where an item's code (or a ranking's
 * id) is found twice at a line with no dash, said once as that, its keys below it not again.
 */
function dashMissing(diags: Diagnostic[], source: string): void {
  const lines = source.split("\n");
  const indent = (l: string): number => /^ */.exec(l)?.[0].length ?? 0;
  for (const d of [...diags]) {
    if (d.code !== "rubric.duplicate-key" || !d.location || !("line" in d.location)) continue;
    const at = d.location.line - 1;
    const text = lines[at] ?? "";
    // An entry's first key (code, id; or the key the entry above begins with: - name: 一等奖 then name: 二等奖).
    if (d.data.key !== "code" && d.data.key !== "id" && !entryAboveBegins(lines, at, String(d.data.key))) continue;
    if (/^\s*-\s/.test(text)) continue;
    // Its keys: the lines after it at its indentation, up to a dash or a line further out.
    const own = indent(text);
    // Only within a list (an item's keys after its "- "): a key twice in a mapping, the top level's
    // id pasted twice, is a key twice (a dash there would break the file).
    if (!inList(lines, at, own) || sameValueAbove(lines, at, String(d.data.key))) continue;
    let end = at + 1;
    while (end < lines.length && (lines[end]?.trim() === "" || (indent(lines[end] ?? "") >= own && !/^\s*-\s/.test(lines[end] ?? "")))) end++;
    const first = d.location.line;
    for (let i = diags.length - 1; i >= 0; i--) {
      const o = diags[i];
      if (o?.code === "rubric.duplicate-key" && o.location && "line" in o.location && o.location.line >= first && o.location.line <= end) diags.splice(i, 1);
    }
    diags.push({ code: "rubric.dash-missing", severity: "error", data: { key: String(d.data.key) }, location: { ...d.location, col: Math.max(1, own - 1) } });
  }
}

/** Whether the entry above line `at` (the nearest "- " above it, at its column or further out) begins with `key`. */
function entryAboveBegins(lines: readonly string[], at: number, key: string): boolean {
  const own = /^ */.exec(lines[at] ?? "")?.[0].length ?? 0;
  for (let i = at - 1; i >= 0; i--) {
    const l = lines[i] ?? "";
    if (/^\s*(#.*)?$/.test(l)) continue;
    const dash = /^(\s*)-\s+([A-Za-z_][\w-]*)\s*:/.exec(l);
    if (dash && (dash[1]?.length ?? 0) < own) return dash[2] === key;
    if ((/^ */.exec(l)?.[0].length ?? 0) < own) return false;
  }
  return false;
}

/**
 * Whether the line `at`, a key at column `own`, is among a list item's keys: the nearest line above
 * it at its column or further out is that item's "- " (its key at that column, or the dash itself:
 * a dash deleted leaves the key where the dash was).
 */
function inList(lines: readonly string[], at: number, own: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const l = lines[i] ?? "";
    if (/^\s*(#.*)?$/.test(l)) continue;
    const indent = /^ */.exec(l)?.[0].length ?? 0;
    const dash = /^(\s*-\s+)/.exec(l);
    if (dash && ((dash[1]?.length ?? 0) === own || indent === own)) return true;
    if (indent < own) return false;
  }
  return false;
}

/**
 * Whether the key on line `at` repeats, with the same value, the same key of the item above it (a
 * line pasted twice: code: JF1 under code: JF1), not a new item's first key (a code of its own).
 */
function sameValueAbove(lines: readonly string[], at: number, key: string): boolean {
  const valueOf = (l: string): string | undefined => new RegExp(`^\\s*(?:-\\s+)?${key}\\s*:\\s*(.*?)\\s*(?:#.*)?$`).exec(l)?.[1];
  const mine = valueOf(lines[at] ?? "");
  for (let i = at - 1; i >= 0; i--) {
    const l = lines[i] ?? "";
    const v = valueOf(l);
    if (v !== undefined) return v === mine;
    if (/^\s*-\s/.test(l)) return false;
  }
  return false;
}

/**
 * A rubric not in UTF-8, said with what it looks like and how to save it again: Notepad's
 * "Unicode" (UTF-16, by its byte-order mark) or "ANSI" (GBK on a Chinese system: the bytes read as
 * GB18030 with Chinese in them), at the line of the first byte that is no UTF-8.
 */
function notUtf8(file: string, bytes: Uint8Array): RubricLoad {
  if (isUtf16(bytes)) return fail(file, "rubric.utf16");
  // The first byte that is no UTF-8 shows as U+FFFD when read leniently.
  const lenient = new TextDecoder("utf-8").decode(bytes);
  const line = lenient.slice(0, Math.max(0, lenient.indexOf("\ufffd"))).split("\n").length;
  let gbk = false;
  try {
    gbk = /[\u4e00-\u9fff]/.test(new TextDecoder("gb18030", { fatal: true }).decode(bytes));
  } catch {
    // not GBK either
  }
  return fail(file, gbk ? "rubric.gbk" : "rubric.not-utf8", line, 1);
}

/** UTF-16, by its byte-order mark or without one. */
function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || utf16WithoutMark(bytes) || nulsOnOneSide(bytes);
}

/**
 * UTF-16 whose first line is Chinese (no byte of it 0): the NUL bytes of its ASCII (line ends,
 * spaces, keys) nearly all at even offsets or at odd ones (a character such as U+5200 has one at
 * the other), where another program's file has them at both.
 */
function nulsOnOneSide(bytes: Uint8Array): boolean {
  const [even, odd] = nulsAt(bytes, 4096);
  return Math.min(even, odd) * 10 <= Math.max(even, odd) && Math.max(even, odd) >= 8;
}

/** UTF-16 saved without its byte-order mark: every other byte of its first ones 0 (ASCII keys: id, version). */
function utf16WithoutMark(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64) & ~1;
  if (n < 8) return false;
  const [even, odd] = nulsAt(bytes, 64);
  return Math.max(even, odd) >= (n / 2) * 0.8 && Math.min(even, odd) === 0;
}

/** The NUL bytes of a file's first `limit` bytes (an even count of them) at even offsets, and at odd ones. */
function nulsAt(bytes: Uint8Array, limit: number): [number, number] {
  const n = Math.min(bytes.length, limit) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  return [even, odd];
}

/**
 * The SHA-256 of a rubric file's text saved otherwise: its line ends the other way (CRLF, LF) and
 * a byte-order mark added or dropped (a Windows editor, git), the file's own `sha256` left out.
 */
function savedOtherwise(bytes: Uint8Array, sha256: string): string[] {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = new TextDecoder().decode(bom ? bytes.subarray(3) : bytes);
  const lf = text.replace(/\r\n/g, "\n");
  const encode = (t: string, withBom: boolean): Uint8Array => {
    const body = new TextEncoder().encode(t);
    if (!withBom) return body;
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  };
  const shas = [lf, lf.replace(/\n/g, "\r\n")].flatMap((t) => [false, true].map((b) => sha256Hex(encode(t, b))));
  return [...new Set(shas)].filter((s) => s !== sha256);
}

/** sha256: of the file's bytes (the host hashes them), recorded in every result. */
export function loadRubric(file: string, bytes: Uint8Array, sha256: string): RubricLoad {
  if (bytes.length > MAX_RUBRIC_BYTES) {
    // A workbook too large for a rubric (a province's result), said as what it is by its first parts.
    const other = notText(bytes.subarray(0, 256 * 1024));
    return other !== undefined ? fail(file, other) : fail(file, "rubric.too-large", 1, 1, { size: bytes.length, limit: MAX_RUBRIC_BYTES });
  }
  // A workbook given where the rubric goes (rubric show 青山区.xlsx), a Word document or a PDF renamed: said as such.
  const other = notText(bytes);
  if (other !== undefined) return fail(file, other);
  // NUL bytes, in no text but UTF-16's: some program's own file (it was told to save as UTF-8).
  if (bytes.subarray(0, 4096).includes(0) && !isUtf16(bytes)) return fail(file, "rubric.is-binary");
  let source: string;
  try {
    source = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return notUtf8(file, bytes);
  }
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  // Lines ended by a carriage return alone (old Mac editors): line ends all the same, one for one
  // (read as one line, a file that begins with a comment was nothing but that comment). And the
  // Ctrl-Z some DOS-era editors put at a file's end: no text.
  source = source.replace(/\r(?!\n)/g, "\n");
  const CTRL_Z = String.fromCharCode(0x1a);
  while (source.trimEnd().endsWith(CTRL_Z)) source = source.trimEnd().slice(0, -1);
  if (source.trim() === "") return fail(file, "rubric.empty");
  // A page of notes (docs/rubric.md) with its code blocks: no YAML begins a line with ``` (it was
  // told a key could not span lines, somewhere in the prose).
  const fence = /^(```|~~~)/m.exec(source);
  if (fence) return fail(file, "rubric.is-markdown", source.slice(0, fence.index).split("\n").length, 1);

  // %YAML 1.2 says what the rubric is read as anyway; any other (1.1) would change what yes and 010 mean.
  const directive = /^%YAML.*$/m.exec(source);
  if (directive && !/^%YAML\s+1\.2\s*(#.*)?$/.test(directive[0].trim())) {
    const line = source.slice(0, directive.index).split("\n").length;
    return fail(file, "rubric.yaml-directive", line, 1, { directive: directive[0].trim() });
  }

  const lc = new LineCounter();
  // (logLevel: the parser's own warnings, written by Node in English, are ours to say or not: a key written as a list is said at its line.)
  const docs = parseAllDocuments(source, { lineCounter: lc, uniqueKeys: true, prettyErrors: false, version: "1.2", logLevel: "error" });
  if (!Array.isArray(docs)) return fail(file, "rubric.empty");
  const diags: Diagnostic[] = [];
  const loc = (offset: number) => {
    const { line, col } = lc.linePos(offset);
    return { file, line, col };
  };
  if (docs.length > 1) {
    diags.push({ code: "rubric.many-documents", severity: "error", data: {}, location: loc(docs[1]?.range[0] ?? 0) });
  }
  const doc = docs[0];
  if (!doc) return fail(file, "rubric.empty");
  // Every duplicate key, but only the first syntax error: the ones after it are mostly echoes.
  let syntax = false;
  for (const e of doc.errors) {
    if (e.code === "DUPLICATE_KEY") {
      // The key as written there (up to its colon), named in the message.
      const key = /^\s*(?:-\s+)?["']?([^"':\n]+?)["']?\s*:/.exec(source.slice(e.pos[0], e.pos[0] + 200))?.[1]?.trim() ?? "";
      diags.push({ code: "rubric.duplicate-key", severity: "error", data: { key }, location: loc(e.pos[0]) });
    } else if (!syntax) {
      syntax = true;
      const { code, at } = yamlError(e.code, e.message, e.pos[0], source);
      const known = YAML_ERRORS.has(code);
      diags.push({ code: known ? `rubric.yaml.${code}` : "rubric.yaml-syntax", severity: "error", data: { detail: e.code }, location: loc(at) });
    }
  }
  for (const w of doc.warnings) {
    diags.push({ code: "rubric.yaml-warning", severity: "error", data: { detail: w.code }, location: loc(w.pos[0]) });
  }
  everyIndentedSo(diags, source, loc);
  dashMissing(diags, source);
  // Past a syntax error (a file indented with tabs) the keys yaml finds twice are mostly its
  // misreading of the structure: the syntax error alone is said.
  if (syntax) return { diagnostics: diags.filter((d) => d.code !== "rubric.duplicate-key") };
  if (diags.length) return { diagnostics: diags.map((d) => withFirstLine(d, source)) };

  let aliases = 0;
  let firstAlias = 0;
  /** An alias inside the block its own anchor marks (x: &a [*a]): a structure without end, said at the alias. */
  let recursive: { at: number; name: string } | undefined;
  // A list in [ ] whose entries are parted by a full-width comma ([部门，责任部门]): one entry to
  // YAML, read without a word (a kind with one label 部门，责任部门). Said at the comma.
  const commas: Diagnostic[] = [];
  visit(doc, {
    Alias(_k, node) {
      if (aliases === 0) firstAlias = node.range?.[0] ?? 0;
      aliases++;
      const anchored = node.resolve(doc);
      const at = node.range?.[0] ?? 0;
      if (!recursive && anchored?.range && anchored.range[0] <= at && at < anchored.range[1]) recursive = { at, name: node.source };
    },
    Seq(_k, node, path) {
      if (!node.flow) return;
      const pair = path.at(-1);
      const key = isPair(pair) && isScalar(pair.key) ? String(pair.key.value) : "";
      for (const item of node.items) {
        if (!isScalar(item) || item.type !== "PLAIN" || typeof item.value !== "string") continue;
        // Parted by 、 as a Chinese list is ([街道、社区]): one entry too, no rubric list's word holds one.
        const mark = item.value.includes("，") ? "，" : item.value.includes("、") ? "、" : undefined;
        if (mark === undefined) continue;
        const at = (item.range?.[0] ?? 0) + source.slice(item.range?.[0] ?? 0, item.range?.[1] ?? 0).indexOf(mark);
        commas.push({ code: mark === "，" ? "rubric.fullwidth-comma-in-list" : "rubric.dunhao-in-list", severity: "error", data: { key, value: item.value, fixed: item.value.split(mark).map((x) => x.trim()).join(", ") }, location: loc(at) });
      }
    },
  });
  if (commas.length) return { diagnostics: commas };
  if (recursive) return fail(file, "rubric.alias-recursive", loc(recursive.at).line, loc(recursive.at).col, { name: recursive.name });
  if (aliases > MAX_ALIASES) return fail(file, "rubric.too-many-aliases", loc(firstAlias).line, loc(firstAlias).col, { count: aliases, limit: MAX_ALIASES });

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    // An alias whose anchor is set nowhere before it (*nosuch): named, at its first use.
    const unresolved = e instanceof ReferenceError ? /Unresolved alias[^:]*:\s*(\S+)/.exec(e.message)?.[1] : undefined;
    if (unresolved !== undefined) {
      const at = source.indexOf(`*${unresolved}`);
      return fail(file, "rubric.alias-unknown", loc(Math.max(0, at)).line, loc(Math.max(0, at)).col, { name: unresolved });
    }
    // Aliases that expand too far (nested): yaml throws without a position.
    return fail(file, "rubric.alias-expansion", loc(firstAlias).line, loc(firstAlias).col, { limit: MAX_ALIASES });
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) return fail(file, "rubric.not-a-map");

  const pos = new Positions(doc, lc, file);
  const hidden = invisibles(data, pos);
  if (hidden.length) return { diagnostics: hidden };
  const parsed = rubricSchema.safeParse(data);
  if (!parsed.success) {
    return { diagnostics: oncePerPlace(parsed.error.issues.flatMap((i) => zodIssueToDiagnostic(i, pos, data))) };
  }
  // What the rubric's parts mean together is said where each part is used (an alias's block may
  // be right in one place and not in another).
  const uses = pos.atUses();
  const made = buildRubric(parsed.data, uses, { file, sha256 });
  const built = made.rubric ? { ...made, rubric: { ...made.rubric, sameText: savedOtherwise(bytes, sha256) } } : made;
  // In the file's order, as an author mends them (the checks made after the rankings were read said
  // a veto's grade, line 239, after line 404's problem).
  const diagnostics = inLineOrder(sameAtAnchor(built.diagnostics, uses));
  return built.rubric ? { ...built, diagnostics, advice: sameAtAnchor([...(built.advice ?? []), ...unranked(built.rubric, pos), ...cutAtComment(doc, source, loc)], uses) } : { ...built, diagnostics };
}

/**
 * The same problem (code and words) at several uses of one anchored block (a reversed range in a
 * tier every alias brings): the block's own, said once at the anchor. One said at one use alone
 * (a tie-breaker the towns have and the departments not) stays at that use.
 */
function sameAtAnchor(diagnostics: readonly Diagnostic[], uses: Positions): Diagnostic[] {
  // A problem's place in the anchored block where it was said at an alias; else its own.
  const placeOf = (d: Diagnostic): TextLocation | undefined => (d.location && "line" in d.location ? (uses.pinnedOf(d) ?? d.location) : undefined);
  const at = (d: Diagnostic, place: TextLocation): string => `${d.code}\u0000${place.line}:${place.col}`;
  // Found at an alias too, by its code and place alone: a block's problem names the ranking it is
  // found in (区直部门排名 的等次…, 区属国有企业排名 的等次…), said once, as found where the block is
  // written. Elsewhere by its words too (two keys missing from one map are two problems).
  const aliased = new Set(
    diagnostics.flatMap((d) => {
      const pinned = uses.pinnedOf(d);
      return pinned ? [at(d, pinned)] : [];
    }),
  );
  const key = (d: Diagnostic, place: TextLocation): string => (aliased.has(at(d, place)) ? at(d, place) : `${at(d, place)}\u0000${JSON.stringify(d.data)}`);
  const count = new Map<string, number>();
  for (const d of diagnostics) {
    const place = placeOf(d);
    if (place) count.set(key(d, place), (count.get(key(d, place)) ?? 0) + 1);
  }
  const said = new Set<string>();
  return diagnostics.flatMap((d): Diagnostic[] => {
    const place = placeOf(d);
    if (!place || (count.get(key(d, place)) ?? 0) < 2) return [d];
    if (said.has(key(d, place))) return [];
    said.add(key(d, place));
    return [{ ...d, location: place }];
  });
}

/**
 * A problem of what is written said once at its place: in a block written once and used again by
 * an alias (grades: *g), the schema finds it at every use, and says it where the anchor is (&g).
 */
function oncePerPlace(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const at = d.location && "line" in d.location ? `${d.code} ${d.location.line}:${d.location.col}` : undefined;
    if (at === undefined) return true;
    if (seen.has(at)) return false;
    seen.add(at);
    return true;
  });
}

/** Prose, only shown (a clause, a title, a document's number): pasted from Word, it may hold them. */
const PROSE: ReadonlySet<string> = new Set(["text", "title", "source", "issuer"]);

/** Lists of the words a workbook's cells are matched with: a kind's or a group's labels, the ledger's statuses and flag words, levels. */
const MATCHED: ReadonlySet<string> = new Set(["labels", "counted", "pending", "rejected", "yes", "no", "levels", "level_order"]);

/**
 * Every key and value holding a character no one sees (pasted from Word or a web page), at it:
 * a code, a status or a level so written looks right and matches no cell (已认定 with a zero-width
 * space refused every ledger row): a zero-width one anywhere but in prose, which is only shown; a
 * no-break or full-width space inside a key too (at its ends it is trimmed, as a name's is).
 */
function invisibles(data: unknown, pos: Positions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (typeof node === "string") {
      const key = path.filter((p) => typeof p === "string").at(-1) ?? "";
      const char = PROSE.has(String(path.at(-1))) ? undefined : invisibleIn(node, ZERO_WIDTH);
      if (char !== undefined) out.push({ code: "rubric.invisible-char", severity: "error", data: { key, char }, location: pos.of(path) });
      // A word the workbook's cells are matched with (a label, a status, a flag's word, a level) in
      // Chinese quotes ([“已认定”]), which YAML keeps: it would match no cell. (A name may quote a
      // term whole, “示范中心(站)”: shown, never matched.)
      else if (typeof path.at(-1) === "number" && MATCHED.has(key) && CHINESE_QUOTED.test(node)) out.push({ code: "rubric.chinese-quotes", severity: "error", data: { key, value: node.trim(), fixed: unquoted(node, key) }, location: pos.of(path) });
    } else if (Array.isArray(node)) node.forEach((x, i) => walk(x, [...path, i]));
    else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        const said = INVISIBLE.test(k.trim()) ? invisibleKey(k, pos.ofKey(path, k)) : undefined;
        if (said) out.push(said);
        // A level named in Chinese quotes as a key of its points ({ “市级”: 1 }): matched with the ledger's 级别 cells too.
        else if (path.at(-1) === "levels" && CHINESE_QUOTED.test(k)) out.push({ code: "rubric.chinese-quotes", severity: "error", data: { key: "levels", value: k.trim(), fixed: unquoted(k, "levels") }, location: pos.ofKey(path, k) });
        else walk(v, [...path, k]);
      }
    }
  };
  walk(data, []);
  return out;
}

/**
 * Units a valid rubric scores but ranks nowhere, at the unit kind's or the group's id: a kind no
 * ranking ranks; a group left without a ranking by the total where its kind is ranked by the total
 * only in groups (its ranking dropped from a copied scheme).
 */
function unranked(rubric: Rubric, pos: Positions): Diagnostic[] {
  return rubric.unitKinds.flatMap((k, ki): Diagnostic[] => {
    const at = (...path: (string | number)[]) => pos.of(["unit_kinds", ki, ...path]);
    if (!rubric.rankings.some((r) => r.unitKind === k.id)) return [{ code: "rubric.kind-unranked", severity: "warning", data: { kind: k.name, id: k.id }, location: at("id") }];
    const byTotal = rubric.rankings.filter((r) => r.unitKind === k.id && r.by === "total");
    if (!byTotal.length || byTotal.some((r) => r.group === undefined)) return [];
    return k.groups.flatMap((g, gi): Diagnostic[] =>
      byTotal.some((r) => r.group === g.id) ? [] : [{ code: "rubric.group-unranked", severity: "warning", data: { group: g.name, groupId: g.id, kind: k.name, id: k.id }, location: at("groups", gi, "id") }],
    );
  });
}

/** Problems by their line and column in the file (stable: those of one place, and those of none, as found). */
function inLineOrder(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const at = (d: Diagnostic): number => (d.location && "line" in d.location ? d.location.line * 100_000 + (d.location.col ?? 0) : Number.POSITIVE_INFINITY);
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => at(a.d) - at(b.d) || a.i - b.i)
    .map((x) => x.d);
}

/**
 * An editor that indents with tabs, or a Chinese input method's full-width spaces, does so on
 * every line: each line said where the first of them is (a file of 404 such lines was said one
 * line a run), both kinds where the file has both. A tab after spaces may be a clause's own (in a
 * block of text): only a line begun by a tab is said, besides the one yaml found.
 */
function everyIndentedSo(diags: Diagnostic[], source: string, loc: (offset: number) => { file: string; line: number; col: number }): void {
  const first = diags.find((d) => d.code === "rubric.yaml.TAB_AS_INDENT" || d.code === "rubric.yaml.FULLWIDTH_SPACE");
  if (!first?.location || !("line" in first.location)) return;
  const said = first.location.line;
  for (const [code, indent] of [
    ["TAB_AS_INDENT", /^(\t)/gm],
    ["FULLWIDTH_SPACE", /^[ \t]*(\u3000)/gm],
  ] as const) {
    for (const m of source.matchAll(indent)) {
      const at = loc(m.index + m[0].length - 1);
      if (at.line !== said) diags.push({ code: `rubric.yaml.${code}`, severity: "error", data: { detail: code }, location: at });
    }
  }
}

/**
 * A clause cut short by a # typed in it: " #" and what follows is a YAML comment, not the clause
 * (以1分为单位 #每项扣2分 read as 以1分为单位, without a word). Said where the comment reads as the
 * clause going on: its # against its first word (#每项), as a comment of the author's is not (# 2026 修订).
 */
function cutAtComment(doc: ReturnType<typeof parseAllDocuments>[number], source: string, loc: (offset: number) => { file: string; line: number; col: number }): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Pair(_k, pair) {
      const value = pair.value;
      const comment = isScalar(value) ? value.comment : undefined;
      if (!isScalar(pair.key) || !PROSE.has(String(pair.key.value)) || !isScalar(value) || value.type !== "PLAIN" || typeof comment !== "string" || /^\s/.test(comment)) return;
      const end = value.range?.[1] ?? 0;
      const hash = source.indexOf("#", end);
      if (hash < 0) return;
      out.push({ code: "rubric.text-cut-at-comment", severity: "warning", data: { key: String(pair.key.value), rest: comment.trim() }, location: loc(hash) });
    },
  });
  return out;
}

/** A key twice, with the line of its first (it was "already at this level", to be looked for). */
function withFirstLine(d: Diagnostic, source: string): Diagnostic {
  if (d.code !== "rubric.duplicate-key" || !d.location || !("line" in d.location)) return d;
  const lines = source.split("\n");
  const key = String(d.data.key);
  const column = d.location.col - 1;
  for (let i = d.location.line - 2; i >= 0; i--) {
    const line = lines[i] ?? "";
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    const m = /^( *)(- +)?(["']?)([^"':#]+?)\3 *:(?:\s|$)/.exec(line);
    const indent = m?.[1]?.length ?? line.search(/\S/);
    if (m && indent + (m[2]?.length ?? 0) === column && m[4]?.trim() === key) return { ...d, code: "rubric.duplicate-key-at", data: { key, line: i + 1 } };
    // Out of its map: the line its map begins on (an entry's "- ") looked at, then no further.
    if (indent < column) return d;
  }
  return d;
}
