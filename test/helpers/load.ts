// Loading a workbook in tests through the library, as the CLI does (the rubrics on disk, Node's
// codec), but from bytes in memory.
import { nodeHost } from "../../src/cli/host.js";
import { rubricSource } from "../../src/cli/rubric-source.js";
import { loadWorkbook, readBook, type Book, type Loaded } from "../../src/load/index.js";
import { formatLocation, type Diagnostic } from "../../src/diagnostics/index.js";

export async function load(file: string, bytes: Uint8Array, rubric?: string): Promise<Loaded> {
  return loadWorkbook({ file, bytes, rubrics: await rubricSource(rubric), host: nodeHost });
}

/** Diagnostics as validation tests assert them: "[warning ]CODE SHEET!CELL", the file name left out. */
export function diagnosticLines(diagnostics: readonly Diagnostic[], file = "in.xlsx"): string[] {
  return diagnostics.map((d) => `${d.severity === "warning" ? "warning " : ""}${d.code} ${d.location ? formatLocation(d.location).replace(`${file}: `, "") : ""}`);
}

/** A workbook in memory read as the pipeline reads a file, with the bundled rubrics (or the rubric file given, as --rubric). */
export async function readMemBook(book: Book, file = "in.xlsx", rubric?: string): Promise<{ lines: string[]; ok: boolean; diagnostics: readonly Diagnostic[] }> {
  const r = await readBook(book, { file, sha256: "", rubrics: await rubricSource(rubric) });
  return { lines: diagnosticLines(r.diagnostics, file), ok: r.submission !== undefined, diagnostics: r.diagnostics };
}
