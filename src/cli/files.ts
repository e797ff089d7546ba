// Reading the user's files: every failure becomes a located diagnostic, never an exception.
import { readFileSync, statSync } from "node:fs";
import type { Diagnostic } from "../diagnostics/index.js";

export type ReadResult = { bytes: Uint8Array; diagnostics?: undefined } | { bytes?: undefined; diagnostics: Diagnostic[] };

export function fileError(file: string, code: string, data: Record<string, string | number> = {}): Diagnostic {
  return { code, severity: "error", data, location: { file } };
}

export function readUserFile(file: string, maxBytes?: number): ReadResult {
  try {
    const st = statSync(file);
    if (st.isDirectory()) return { diagnostics: [fileError(file, "file.is-directory")] };
    if (maxBytes !== undefined && st.size > maxBytes) {
      return { diagnostics: [fileError(file, "xlsx.too-large", { size: st.size, limit: maxBytes })] };
    }
    return { bytes: readFileSync(file) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { diagnostics: [fileError(file, "file.not-found")] };
    // Permission to read is what is missing here, not to write (the writing words would mislead).
    return { diagnostics: [fileError(file, "file.unreadable", { detail: code === "EACCES" ? "EACCES-read" : (code ?? "?") })] };
  }
}
