// assess explain WORKBOOK UNIT: every point a unit got and lost, item by item, with the cell it
// came from; its gates, its ledger rows (counted or not, and why), totals and ranks.
import { Chalk } from "chalk";
import type { Diagnostic } from "../../diagnostics/index.js";
import { diagnosticsJson } from "../../diagnostics/render.js";
import { score as scoreEngine } from "../../engine/index.js";
import { explainJson } from "../../report/json.js";
import { renderExplain } from "../../report/explain-text.js";
import { hanging } from "../box.js";
import { cleanText } from "../../workbook/cells.js";
import { reportDiagnostics, type Ctx } from "../io.js";
import { loadForScoring, type Input } from "../input.js";
import { forUnit, unitSummary } from "../../diagnostics/for-unit.js";
import { findUnit } from "../unit-name.js";

export async function explain(ctx: Ctx, file: string, unitArg: string, o: { rubric?: string; json?: boolean }): Promise<number> {
  const name = cleanText(unitArg);
  // With --json, an invalid workbook or an unknown unit answers on stdout too: the diagnostics document.
  // Another unit's warnings (named in their words, or at its row) are not this one's business.
  const said = (input: Input): readonly Diagnostic[] => forUnit(input.diagnostics, name, input.unitNames ?? [], file).shown;
  // A workbook whose errors are all or mostly other units' (the district's form, the others' rows
  // still blank): the unit's own and the workbook's said, the others' counted, and how a unit sees
  // its points before the others have filled theirs (every unit's blank cells were listed, 162 errors).
  const invalid = (input: Input): number | undefined => {
    const names = input.unitNames;
    // (A workbook of no units, one of ours given back, a sheet missing: said whole, as before.)
    if (!input.rubric || !names?.length) return undefined;
    // (Found as the valid workbook's unit is: in another width too.)
    const at = findUnit(names, name, file);
    // A name of no unit there: that said first, with the units near it, the workbook's errors counted
    // (every unit's were listed, the name never said unknown); with --json, the document as before.
    if (typeof at !== "number") {
      if (o.json === true) return undefined;
      reportDiagnostics(ctx, [at]);
      const errors = input.diagnostics.filter((d) => d.severity === "error").length;
      ctx.io.err(ctx.t("summary.not-scored", { errors, warnings: input.diagnostics.length - errors }) + "\n");
      return 1;
    }
    const unit = names[at] ?? name;
    const mine = forUnit(input.diagnostics, unit, names, file);
    if (mine.others.errors === 0) return undefined;
    // With --json, the document validate --unit gives: the unit's own problems and the workbook's,
    // the others' counted (every unit's were listed).
    if (o.json === true) {
      ctx.io.out(JSON.stringify({ diagnostics: diagnosticsJson(mine.shown, ctx.lang), unit, others: mine.others, workbook: mine.whole }, null, 2) + "\n");
      return 1;
    }
    reportDiagnostics(ctx, mine.shown, false, { counted: true });
    ctx.io.err(unitSummary(ctx.t, unit, mine, false, true) + "\n");
    ctx.io.err(ctx.t("explain.others-unfilled", { unit, file }) + "\n");
    return 1;
  };
  const loaded = await loadForScoring(ctx, file, o.rubric, o.json === true, said, {}, invalid);
  if (typeof loaded === "number") return loaded;
  const { rubric, submission } = loaded;
  const results = scoreEngine(rubric, submission);
  const u = findUnit(results.units.map((x) => x.name), name, file);
  // (With --json, the warnings said on standard error above are in the document too, as for a unit found.)
  if (typeof u !== "number") return reportDiagnostics(ctx, o.json === true ? [...said(loaded), u] : [u], o.json === true);
  if (o.json) {
    ctx.io.out(JSON.stringify(explainJson(rubric, submission, results, u, ctx.lang, diagnosticsJson(said(loaded), ctx.lang)), null, 2) + "\n");
    return 0;
  }
  const chalk = new Chalk({ level: ctx.color ? 1 : 0 });
  const text = renderExplain(ctx, { bold: (s) => chalk.bold(s), red: (s) => chalk.red(s), yellow: (s) => chalk.yellow(s) }, rubric, submission, results, u);
  // In a terminal, fitted to its width (a line of 239 columns wrapped at the edge, the tree's indentation lost).
  ctx.io.out(ctx.io.columns ? hanging(text, ctx.io.columns) : text);
  return 0;
}

