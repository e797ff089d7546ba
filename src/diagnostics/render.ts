// Renders diagnostics for people (one editor-clickable line each) and for programs (JSON).
import { cellRef, formatLocation, isCellLocation, isTextLocation, sortDiagnostics, type Diagnostic } from "./types.js";
import { message, messageData, says, type Lang } from "../messages/index.js";

/**
 * A problem's line in parts: where ("FILE: SHEET!CELL: "; without the file where `withFile` is
 * false: a page showing one workbook), severity and message, and its code.
 */
export function lineParts(d: Diagnostic, lang: Lang, withFile = true): { where: string; what: string; code: string } {
  const l = d.location;
  const place = !l ? "" : withFile ? formatLocation(l) : isCellLocation(l) ? cellRef(l.sheet, l.cell) : isTextLocation(l) ? `${l.line}:${l.col}` : "";
  const sev = message(lang, d.severity === "error" ? "severity.error" : "severity.warning", {});
  const item = d.item !== undefined && !says(lang, d.code, d.data, d.item) ? d.item : undefined;
  // The unit named where the message does not name it (a message's own unit may be another's name, or a measure's: 起, 万元).
  const named = d.unit !== undefined && d.data.unit !== d.unit ? d.unit : undefined;
  const unit = named === undefined ? (item === undefined ? "" : message(lang, "diag.item", { item })) : message(lang, item === undefined ? "diag.unit" : "diag.unit-item", oneLine({ unit: named, item: item ?? "" }));
  // (A file's name may hold a line break or an escape too: shown as the data's are.)
  return { where: place ? `${CONTROL.test(place) ? pictured(place) : place}: ` : "", what: `${sev}: ${unit}${message(lang, d.code, oneLine(d.data))}`, code: d.code };
}

/**
 * What a problem quotes, on one line: a line break typed in a cell (Alt+Enter in a unit's name)
 * shown as ↵, where it would split the problem over two lines and hide what differs.
 */
function oneLine(data: Readonly<Record<string, string | number>>): Readonly<Record<string, string | number>> {
  let out: Record<string, string | number> | undefined;
  for (const [k, v] of Object.entries(data)) {
    if (typeof v !== "string") continue;
    // A name or value far longer than any real one (a cell of 32,767 characters) is cut short: said
    // whole in each problem, it buried the list.
    const long = QUOTED.has(k) && v.length > LONGEST_QUOTED;
    if (!long && !CONTROL.test(v)) continue;
    out ??= { ...data };
    // Another control character (a NUL from a binary file read as text) shown as its picture (␀):
    // sent as it is, it garbles or hides the rest of the line in a terminal.
    out[k] = pictured(long ? `${v.slice(0, CUT_TO)}…` : v);
  }
  return out ?? data;
}

/** Text on one line: a line break shown as ↵, another control character as its picture (␀, ␛). */
export function pictured(v: string): string {
  return v.replace(/\r?\n|\r/g, "↵").replace(CONTROL_ALL, (c) => String.fromCharCode(c === "\u007f" ? 0x2421 : 0x2400 + c.charCodeAt(0)));
}

/** Control characters (C0 and DEL; a tab aside), line breaks among them. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u0008\u000a-\u001f\u007f]/g;

/** What a problem quotes of the user's own text (a unit's name, a cell's value, a cover's rubric id and version), cut past LONGEST_QUOTED characters. */
const QUOTED: ReadonlySet<string> = new Set(["unit", "value", "near", "like", "name", "text", "id", "version"]);
const LONGEST_QUOTED = 200;
const CUT_TO = 60;

/** A problem as one line: where, severity, what, and its code (`withCode`: not for a line counting others, which names theirs). */
export function renderLine(d: Diagnostic, lang: Lang, withCode = true): string {
  const { where, what, code } = lineParts(d, lang);
  return `${where}${what}${withCode ? ` [${code}]` : ""}`;
}

/**
 * Problems of one kind (code) listed at most, per file and severity, where a list is shortened: a
 * workbook read with another scheme's rubric has thousands of each, and the first ones say what
 * the rest would. The rest are counted in one line, right after the last one listed; a kind with
 * one more than this is listed whole (its count would take the line the problem takes).
 */
export const LISTED_PER_KIND = 20;

/** Problems of one kind past the first `perKind`: counted, and kept for whoever wants them. */
export interface Unlisted {
  /** The line that counts them (a diagnostic of its own, at their file). */
  readonly summary: Diagnostic;
  readonly rest: readonly Diagnostic[];
}

/** A problem listed, or the line counting the rest of a kind, in the order they are said. */
export type Listed = { readonly d: Diagnostic } | { readonly more: Unlisted };

/** The problems in the order they are said, the first `perKind` of each kind listed, then a line counting the rest of that kind. */
export function shorten(diags: readonly Diagnostic[], perKind: number, moreCode: string): { items: Listed[]; unlisted: number } {
  const sorted = sortDiagnostics(diags);
  const key = (d: Diagnostic): string => `${d.location?.file ?? ""}\u0000${d.severity}\u0000${d.code}`;
  const total = new Map<string, number>();
  for (const d of sorted) total.set(key(d), (total.get(key(d)) ?? 0) + 1);
  const items: Listed[] = [];
  const seen = new Map<string, number>();
  const rests = new Map<string, Diagnostic[]>();
  let unlisted = 0;
  for (const d of sorted) {
    const k = key(d);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    const all = total.get(k) ?? 0;
    if (all <= perKind + 1 || n <= perKind) {
      items.push({ d });
      if (n === perKind && all > perKind + 1) {
        const rest: Diagnostic[] = [];
        rests.set(k, rest);
        const file = d.location?.file;
        items.push({ more: { summary: { code: moreCode, severity: d.severity, data: { count: all - perKind, code: d.code }, ...(file !== undefined ? { location: { file } } : {}) }, rest } });
      }
    } else {
      rests.get(k)?.push(d);
      unlisted++;
    }
  }
  return { items, unlisted };
}

/** One line per problem, in the order they are said; past `perKind` of a kind, one line counts the rest. */
export function renderText(diags: readonly Diagnostic[], lang: Lang, perKind = Number.POSITIVE_INFINITY): { lines: string[]; unlisted: number } {
  const { items, unlisted } = shorten(diags, perKind, "diagnostics.more");
  return { lines: items.map((x) => ("d" in x ? renderLine(x.d, lang) : renderLine(x.more.summary, lang, false))), unlisted };
}

export interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  location: string | null;
  file: string | null;
  line?: number;
  col?: number;
  sheet?: string;
  cell?: string;
  /** The unit whose row the cell is on (whether or not the message names it). */
  unit?: string;
  /** The item's (or indicator's) code whose column the cell is in. */
  item?: string;
  data: Record<string, string | number>;
}

export function toJson(d: Diagnostic, lang: Lang): JsonDiagnostic {
  const loc = d.location;
  return {
    code: d.code,
    severity: d.severity,
    // Said as the line says it (a name of thousands of characters cut short); `data` holds it whole.
    message: message(lang, d.code, oneLine(d.data)),
    ...(d.unit !== undefined ? { unit: d.unit } : {}),
    ...(d.item !== undefined ? { item: d.item } : {}),
    location: loc ? formatLocation(loc) : null,
    file: loc ? loc.file : null,
    ...(loc && "line" in loc ? { line: loc.line, col: loc.col } : {}),
    ...(loc && "sheet" in loc ? { sheet: loc.sheet, ...(loc.cell ? { cell: loc.cell } : {}) } : {}),
    data: messageData(lang, d.data),
  };
}

/** The diagnostics as `--json` gives them: in the order they are printed. */
export function diagnosticsJson(diags: readonly Diagnostic[], lang: Lang): JsonDiagnostic[] {
  return sortDiagnostics(diags).map((d) => toJson(d, lang));
}

export function renderJson(diags: readonly Diagnostic[], lang: Lang): string {
  return JSON.stringify({ diagnostics: diagnosticsJson(diags, lang) }, null, 2);
}
