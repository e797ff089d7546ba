// Internal control flow: a problem that ends the read is thrown as an XlsxFailure and turned into
// the one Diagnostic readXlsx returns. Never escapes the module.
import type { DiagnosticData } from "../diagnostics/index.js";

export class XlsxFailure extends Error {
  constructor(
    readonly code: string,
    readonly data: DiagnosticData = {},
    /** Set for cell-level failures: the sheet and cell they are at. */
    readonly at?: { sheet: string; cell?: string },
  ) {
    super(code);
    this.name = "XlsxFailure";
  }
}

export function fail(code: string, data: DiagnosticData = {}): never {
  throw new XlsxFailure(code, data);
}
