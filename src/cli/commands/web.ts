// assess web [-o FILE.html]: writes the browser edition, one self-contained page (built into
// dist/web/assess.html at install), for a clerk who can open a browser but install nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extensionOnly, folderGiven, outputSlip, isFolder, reportDiagnostics, targetError, usageError, type Ctx } from "../io.js";
import { BUNDLED_DIR } from "../rubric-source.js";
import { checkTarget, sayWritten, writeAtomic } from "../write.js";
import { pageKind } from "../../xlsx/pages.js";

/** The page as the build made it (beside the bundled rubrics' folder, in dist/web). */
const PAGE = join(BUNDLED_DIR, "..", "dist", "web", "assess.html");

/** An earlier page of ours: replaced without asking. */
async function isOurPage(bytes: Uint8Array): Promise<boolean> {
  return pageKind(bytes) === "web";
}

export async function web(ctx: Ctx, o: { output?: string; force?: boolean }): Promise<number> {
  const target = o.output ?? "assess.html";
  // -o "" (a script's variable left unset): said as that.
  if (target.trim() === "") return usageError(ctx, "usage.output-empty", { example: "assess.html" });
  const bare = outputSlip(ctx, o.output) ?? extensionOnly(ctx, target, "assess.html");
  if (bare !== undefined) return bare;
  // A folder, whatever its name (out.html/ too), is said as one.
  if (isFolder(target)) return folderGiven(ctx, target, "assess.html");
  if (!/\.html?$/i.test(target)) return usageError(ctx, "usage.web-extension", { file: target, example: "assess.html" });
  const bad = await checkTarget(target, [], { force: o.force === true, ours: isOurPage, refusal: "file.exists-not-result" });
  if (bad) return targetError(ctx, bad);
  let page: Uint8Array;
  try {
    page = readFileSync(PAGE);
  } catch {
    return reportDiagnostics(ctx, [{ code: "web.not-built", severity: "error", data: { file: PAGE }, location: { file: PAGE } }]);
  }
  const failed = await writeAtomic(target, async () => page);
  if (failed) return reportDiagnostics(ctx, [failed]);
  sayWritten(ctx, target);
  return 0;
}
