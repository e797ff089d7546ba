// Renders diagnostics for people (one editor-clickable line each) and for programs (JSON).
import { formatLocation, sortDiagnostics, type Diagnostic } from "./types.js";
import { message, type Lang } from "../messages/index.js";

export function renderLine(d: Diagnostic, lang: Lang): string {
  const where = d.location ? `${formatLocation(d.location)}: ` : "";
  const sev = message(lang, d.severity === "error" ? "severity.error" : "severity.warning", {});
  return `${where}${sev}: ${message(lang, d.code, d.data)} [${d.code}]`;
}

export function renderText(diags: readonly Diagnostic[], lang: Lang): string[] {
  return sortDiagnostics(diags).map((d) => renderLine(d, lang));
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
