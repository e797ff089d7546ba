// assess score WORKBOOK: validate, score, rank, award; write NAME.scored.xlsx beside the input
// (atomically, never over the input); print the overall ranking, or the JSON with --json.
import { basename, dirname, extname, join } from "node:path";
import { score as scoreEngine } from "../../engine/index.js";
import { resultsJson } from "../../report/json.js";
import { reportDiagnostics, requireXlsx, targetError, type Ctx } from "../io.js";
import { loadForScoring } from "../input.js";
import { checkTarget, writeAtomic } from "../write.js";
import { TOOL } from "../version.js";
import { isResultWorkbook, writeResultFile, type Written } from "../result-file.js";

export function defaultOutput(input: string, suffix: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}${suffix}`);
}

export async function score(ctx: Ctx, file: string, o: { output?: string; rubric?: string; json?: boolean; force?: boolean }): Promise<number> {
  const target = o.output ?? defaultOutput(file, ".scored.xlsx");
  const misnamed = requireXlsx(ctx, target);
  if (misnamed !== undefined) return misnamed;
  // A bad output path is said before the work, not after it.
  // An earlier result (NAME.scored.xlsx) is replaced: re-scoring is the daily work. Any other
  // existing file (another district's workbook, say) is not, without --force.
  const bad = checkTarget(target, [file], { force: o.force === true, ours: isResultWorkbook, refusal: "file.exists-not-result" });
  if (bad) return targetError(ctx, bad, o.json);
  // With --json, even an invalid workbook answers on stdout: the diagnostics document.
  const loaded = await loadForScoring(ctx, file, o.rubric, o.json);
  if (typeof loaded === "number") return loaded;
  const { rubric, submission, bytes, earlier, progress } = loaded;
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
