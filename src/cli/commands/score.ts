// assess score WORKBOOK: validate, score, rank, award; write NAME.scored.xlsx beside the input
// (atomically, never over the input); print the overall ranking, or the JSON with --json.
import { basename, dirname, extname, join } from "node:path";
import { score as scoreEngine } from "../../engine/index.js";
import { resultsJson } from "../../report/json.js";
import { reportDiagnostics, type Ctx } from "../io.js";
import { loadInput } from "../input.js";
import { checkTarget, writeAtomic } from "../write.js";
import { TOOL } from "../version.js";
import { progressFor } from "../progress.js";
import { writeResultFile, type Written } from "../result-file.js";

export function defaultOutput(input: string, suffix: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}${suffix}`);
}

export async function score(ctx: Ctx, file: string, o: { output?: string; rubric?: string; json?: boolean }): Promise<number> {
  const target = o.output ?? defaultOutput(file, ".scored.xlsx");
  if (!/\.xlsx$/i.test(target)) {
    ctx.io.err(ctx.t("usage.error", { detail: ctx.t("usage.xlsx-extension", { file: target }) }) + "\n");
    return 2;
  }
  // A bad output path is said before the work, not after it.
  const bad = checkTarget(target, [file]);
  if (bad) return reportDiagnostics(ctx, [bad], o.json);
  const progress = progressFor(ctx, file);
  const { rubric, submission, diagnostics, bytes, earlier } = await loadInput(file, o.rubric, progress);
  progress.done();
  // With --json, even an invalid workbook answers on stdout: the diagnostics document.
  if (!rubric || !submission) return reportDiagnostics(ctx, diagnostics, o.json) || 1;
  reportDiagnostics(ctx, diagnostics);
  progress.step("progress.scoring");
  const results = scoreEngine(rubric, submission);
  progress.step("progress.writing", { file: target });
  let written: Written = {};
  const failed = await writeAtomic(target, async (tmp) => {
    written = await writeResultFile(tmp, results, ctx.lang, TOOL, bytes && earlier ? { bytes, earlier } : undefined);
  });
  progress.done();
  if (failed) return reportDiagnostics(ctx, [failed]);
  if (written.notCarried) {
    reportDiagnostics(ctx, [{ code: `carry.${written.notCarried}`, severity: "warning", data: {}, location: { file } }]);
  }
  if (o.json) {
    ctx.io.out(resultsJson(results, ctx.lang) + "\n");
  } else {
    const { rankingTable } = await import("../table.js");
    for (const r of results.rankings.filter((r) => r.by === "total" || r.unitKind === "department")) {
      if (r.entries.length) ctx.io.out(rankingTable(ctx, results, r) + "\n");
    }
  }
  ctx.io.err(ctx.t("file.written", { file: target }) + "\n");
  return 0;
}
