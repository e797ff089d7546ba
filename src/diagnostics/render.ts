// Renders diagnostics for people (one editor-clickable line each) and for programs (JSON).
import { formatLocation, sortDiagnostics, type Diagnostic } from "./types.js";
import { message, type Lang } from "../messages/index.js";

/** A problem as one line: where, severity, what, and its code (`withCode`: not for a line counting others, which names theirs). */
export function renderLine(d: Diagnostic, lang: Lang, withCode = true): string {
  const where = d.location ? `${formatLocation(d.location)}: ` : "";
  const sev = message(lang, d.severity === "error" ? "severity.error" : "severity.warning", {});
  return `${where}${sev}: ${message(lang, d.code, d.data)}${withCode ? ` [${d.code}]` : ""}`;
}

/**
 * Problems of one kind (code) listed at most, per file and severity, where a list is shortened: a
 * workbook read with another scheme's rubric has thousands of each, and the first ones say what
 * the rest would. The rest are counted in one line.
 */
export const LISTED_PER_KIND = 20;

/** Problems of one kind past the first `perKind`: counted, and kept for whoever wants them. */
export interface Unlisted {
  /** The line that counts them (a diagnostic of its own, at their file). */
  readonly summary: Diagnostic;
  readonly rest: readonly Diagnostic[];
}

/** The problems in the order they are said, the first `perKind` of each kind listed, the rest apart. */
export function shorten(diags: readonly Diagnostic[], perKind: number, moreCode: string): { listed: Diagnostic[]; unlisted: Unlisted[] } {
  const listed: Diagnostic[] = [];
  const past = new Map<string, Diagnostic[]>();
  const seen = new Map<string, number>();
  for (const d of sortDiagnostics(diags)) {
    const key = `${d.location?.file ?? ""}\u0000${d.severity}\u0000${d.code}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n <= perKind) listed.push(d);
    else {
      const rest = past.get(key);
      if (rest) rest.push(d);
      else past.set(key, [d]);
    }
  }
  const unlisted = [...past.values()].map((rest): Unlisted => {
    const first = rest[0] as Diagnostic;
    const file = first.location?.file;
    return { summary: { code: moreCode, severity: first.severity, data: { count: rest.length, code: first.code }, ...(file !== undefined ? { location: { file } } : {}) }, rest };
  });
  return { listed, unlisted };
}

/** One line per problem, in the order they are said; past `perKind` of a kind, one line counts the rest. */
export function renderText(diags: readonly Diagnostic[], lang: Lang, perKind = Number.POSITIVE_INFINITY): string[] {
  const { listed, unlisted } = shorten(diags, perKind, "diagnostics.more");
  return [...listed.map((d) => renderLine(d, lang)), ...unlisted.map((u) => renderLine(u.summary, lang, false))];
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
  data: Record<string, string | number>;
}

export function toJson(d: Diagnostic, lang: Lang): JsonDiagnostic {
  const loc = d.location;
  return {
    code: d.code,
    severity: d.severity,
    message: message(lang, d.code, d.data),
    location: loc ? formatLocation(loc) : null,
    file: loc ? loc.file : null,
    ...(loc && "line" in loc ? { line: loc.line, col: loc.col } : {}),
    ...(loc && "sheet" in loc ? { sheet: loc.sheet, ...(loc.cell ? { cell: loc.cell } : {}) } : {}),
    data: { ...d.data },
  };
}

export function renderJson(diags: readonly Diagnostic[], lang: Lang): string {
  return JSON.stringify({ diagnostics: sortDiagnostics(diags).map((d) => toJson(d, lang)) }, null, 2);
}
