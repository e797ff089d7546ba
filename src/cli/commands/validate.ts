// assess validate WORKBOOK: every problem of rubric and workbook, errors then warnings, a count.
// With --unit, a unit's own problems and the workbook's as a whole (a clerk checking their own
// rows in the district's form, the other units' still blank), and how many the others have.
import { renderJson } from "../../diagnostics/index.js";
import { diagnosticsJson } from "../../diagnostics/render.js";
import { cleanText } from "../../workbook/cells.js";
import { reportDiagnostics, type Ctx } from "../io.js";
import { loadInput, otherVersionAdvice } from "../input.js";
import { progressFor } from "../progress.js";
import { forUnit, unitSummary, type ForUnit } from "../../diagnostics/for-unit.js";
import { findUnit } from "../unit-name.js";

export async function validate(ctx: Ctx, file: string, o: { rubric?: string; json?: boolean; unit?: string }): Promise<number> {
  const progress = progressFor(ctx, file);
  const input = await loadInput(file, o.rubric, progress);
  progress.done();
  let diagnostics = input.diagnostics;
  let mine: ForUnit | undefined;
  let unit: string | undefined;
  // A workbook not read at all (no rubric, not a workbook) has no units to choose from: its problems are said whole.
  if (o.unit !== undefined && input.rubric && input.unitNames) {
    const names = input.unitNames;
    const at = findUnit(names, cleanText(o.unit), file);
    if (typeof at !== "number") return reportDiagnostics(ctx, [at], o.json === true);
    unit = names[at] ?? "";
    mine = forUnit(diagnostics, unit, names, file);
    diagnostics = mine.shown;
  }
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (o.json) {
    ctx.io.out((mine ? JSON.stringify({ diagnostics: diagnosticsJson(diagnostics, ctx.lang), unit, others: mine.others, workbook: mine.whole }, null, 2) : renderJson(diagnostics, ctx.lang)) + "\n");
    return errors ? 1 : 0;
  }
  reportDiagnostics(ctx, diagnostics, false, { counted: true });
  const counts = diagnostics.length ? ctx.t("summary.counts", { errors, warnings }) : ctx.t("summary.ok");
  ctx.io.out((unit === undefined || !mine ? counts : unitSummary(ctx.t, unit, mine)) + "\n");
  const advice = otherVersionAdvice(ctx, diagnostics);
  if (advice) ctx.io.out(advice + "\n");
  return errors ? 1 : 0;
}
