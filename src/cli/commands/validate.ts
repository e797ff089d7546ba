// assess validate WORKBOOK: every problem of rubric and workbook, errors then warnings, a count.
import { renderJson } from "../../diagnostics/index.js";
import { reportDiagnostics, type Ctx } from "../io.js";
import { loadInput } from "../input.js";
import { progressFor } from "../progress.js";

export async function validate(ctx: Ctx, file: string, o: { rubric?: string; json?: boolean }): Promise<number> {
  const progress = progressFor(ctx, file);
  const { diagnostics } = await loadInput(file, o.rubric, progress);
  progress.done();
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (o.json) {
    ctx.io.out(renderJson(diagnostics, ctx.lang) + "\n");
    return errors ? 1 : 0;
  }
  reportDiagnostics(ctx, diagnostics, false, { counted: true });
  ctx.io.out((diagnostics.length ? ctx.t("summary.counts", { errors, warnings }) : ctx.t("summary.ok")) + "\n");
  return errors ? 1 : 0;
}
