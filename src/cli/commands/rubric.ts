// assess rubric check|show|schema|diff: validate a rubric, print it in words, emit its JSON Schema,
// compare two versions (and, with --on, score a workbook under both to see what the revision does).
import { existsSync } from "node:fs";
import { basename, resolve } from "node:path";
import { rubricJsonSchema } from "../../rubric/schema.js";
import type { Rubric } from "../../rubric/model.js";
import { loadRubric } from "../../rubric/load.js";
import { awardsFirst, compareResults } from "../../report/compare.js";
import { moneyChange, moveParts, quotaUnused, vacancyChanges } from "../../report/compare-text.js";
import { diffLines, rubricTree } from "../../report/rubric-text.js";
import { isTextLocation, type Diagnostic } from "../../diagnostics/index.js";
import { reportDiagnostics, type Ctx } from "../io.js";
import { bundledFiles, displayPath, loadRubricFile, rubricPath, rubricSource } from "../rubric-source.js";
import { compareVersions, namedFor, resolveRubric, saySame } from "../../load/rubrics.js";
import { readUserFile } from "../files.js";
import { scoreUnder } from "../input.js";
import { DEFAULT_LIMITS } from "../../xlsx/read/index.js";

export function rubricCheck(ctx: Ctx, file: string, json: boolean): number {
  const { rubric, diagnostics, advice = [] } = loadRubricFile(file, loadRubric);
  // Named as a bundled rubric, it is that file (named as it should be).
  const misnamed = rubric ? fileNameWarning(rubricPath(file), rubric) : undefined;
  // A file of the user's with a bundled one's id and version but other content: every command that
  // scores with it says so (or will not use it), and so does the check the office runs first.
  const twin = rubric ? bundledTwin(file, rubric) : undefined;
  const code = reportDiagnostics(ctx, [...diagnostics, ...(misnamed ? [misnamed] : []), ...(twin ? [twin] : []), ...advice], json);
  if (rubric && !json) ctx.io.out(ctx.t("rubric.ok", { id: rubric.id, version: rubric.version, title: rubric.title }) + "\n");
  return code;
}

/** Where a rubric is not the bundled file but says its id and version with other content: the warning scoring gives. */
export function bundledTwin(file: string, rubric: Rubric): Diagnostic | undefined {
  const bundled = bundledFiles().find((b) => b.id === rubric.id && b.version === rubric.version);
  if (!bundled || resolve(bundled.path) === resolve(rubricPath(file))) return undefined;
  const twin = loadRubricFile(bundled.path, loadRubric).rubric;
  return twin && !saySame(twin, rubric) ? { code: "rubric.given-as-bundled", severity: "warning", data: { rubric: `${rubric.id} ${rubric.version}` }, location: { file: displayPath(rubricPath(file)) } } : undefined;
}

/**
 * A rubric file not named ID-VERSION.yaml: a workbook's cover names its rubric by id and version,
 * and only a file so named is found beside the workbook (without --rubric) later.
 */
export function fileNameWarning(file: string, rubric: { id: string; version: string }): Diagnostic | undefined {
  if (namedFor(basename(file), rubric.id, rubric.version)) return undefined;
  return { code: "rubric.file-name", severity: "warning", data: { name: `${rubric.id}-${rubric.version}.yaml` }, location: { file } };
}

export async function rubricShow(ctx: Ctx, file: string | undefined): Promise<number> {
  const { rubric, diagnostics } = resolveRubric(await rubricSource(file), undefined, "");
  if (!rubric) return reportDiagnostics(ctx, diagnostics);
  ctx.io.out(rubricTree(rubric, ctx.lang));
  return 0;
}

export function rubricSchema(ctx: Ctx): number {
  ctx.io.out(JSON.stringify(rubricJsonSchema(), null, 2) + "\n");
  return 0;
}

/** A column or a sheet the rubric reads that the workbook lacks. */
const MISSING_PARTS: ReadonlySet<string> = new Set(["workbook.missing-column", "workbook.missing-rate-column", "workbook.missing-rates-sheet", "workbook.missing-line-sheet", "workbook.missing-group-column"]);

/** What a missing-column problem asks for: its code (codes), or the sheet or the 分组 column it names. */
function asked(ctx: Ctx, d: Diagnostic): string[] {
  if (d.code === "workbook.missing-line-sheet") return [ctx.t("rubric.diff-on-sheet", { sheet: String(d.data.sheet ?? "") })];
  if (d.code === "workbook.missing-group-column") return [ctx.t("rubric.diff-on-group-column")];
  if (d.code === "workbook.missing-rates-sheet") return [ctx.t("rubric.diff-on-rates-sheet", { codes: String(d.data.codes ?? "") })];
  return [String(d.data.code ?? "")].filter(Boolean);
}

/**
 * Whether the first of two versions of a scheme is surely the later: versions of numbers alone
 * (2026.10 after 2026.9), or where they are not, the first taking effect after the second. A word
 * in a version (v10, 1.0-rc1, final) tells nothing of its order.
 */
function laterFirst(a: Rubric, b: Rubric): boolean {
  const numeric = (v: string): boolean => /^\d+(?:[.-]\d+)*$/.test(v);
  if (numeric(a.version) && numeric(b.version)) return compareVersions(a.version, b.version) > 0;
  return a.effective > b.effective;
}

export async function rubricDiff(ctx: Ctx, olderFile: string, newerFile: string, o: { on?: string } = {}): Promise<number> {
  const a = loadRubricFile(olderFile, loadRubric);
  const b = loadRubricFile(newerFile, loadRubric);
  if (!a.rubric || !b.rubric) {
    const code = reportDiagnostics(ctx, [...a.diagnostics, ...b.diagnostics]);
    // Said last, after the problems: nothing was compared (the warnings above may read as a diff's).
    const bad = [a.rubric ? undefined : olderFile, b.rubric ? undefined : newerFile].filter((f): f is string => f !== undefined);
    // A workbook given where a version goes (its --on and a version swapped): the order to write them in, not "mend its errors".
    const books = [a, b].every((x) => x.rubric || x.diagnostics.some((d) => d.code === "rubric.is-workbook"));
    ctx.io.err(ctx.t(books ? "rubric.diff-not-compared-workbook" : "rubric.diff-not-compared", { files: bad.map((f) => displayPath(rubricPath(f))).join(ctx.t("list.items")) }) + "\n");
    return code;
  }
  const { changes, lines } = diffLines(a.rubric, b.rubric, ctx.lang);
  ctx.io.out(`${a.rubric.id} ${a.rubric.version} → ${b.rubric.id} ${b.rubric.version}\n`);
  // Two schemes, not two versions of one: said before their every field is listed as changed.
  if (a.rubric.id !== b.rubric.id) ctx.io.out(ctx.t("rubric.diff-two-schemes", { old: a.rubric.id, new: b.rubric.id }) + "\n");
  // A revision that kept its version: a cover naming it could mean either (and a file of either
  // found beside a workbook scores it).
  const sameVersion = a.rubric.id === b.rubric.id && a.rubric.version === b.rubric.version;
  if (sameVersion && changes.length) ctx.io.out(ctx.t("rubric.diff-same-version", { version: a.rubric.version }) + "\n");
  // The later version given first (the files swapped): every change below reads the wrong way round.
  if (a.rubric.id === b.rubric.id && laterFirst(a.rubric, b.rubric)) ctx.io.out(ctx.t("rubric.diff-backwards", { old: a.rubric.version, new: b.rubric.version }) + "\n");
  // (Two schemes alike: their content, not two versions.)
  if (!changes.length) ctx.io.out(ctx.t(a.rubric.id !== b.rubric.id ? "diff.none-schemes" : "diff.none") + "\n");
  for (const line of lines) ctx.io.out(line + "\n");
  if (!o.on) return 0;
  // A bundled rubric named where the workbook goes (--on township-comprehensive): said as that, not as a file not found.
  const on = o.on;
  if (!existsSync(on) && bundledFiles().some((r) => on === r.id || on === `${r.id}-${r.version}`)) return reportDiagnostics(ctx, [{ code: "rubric.diff-on-rubric-name", severity: "error", data: { name: on }, location: { file: on } }]) || 1;
  const read = readUserFile(o.on, DEFAULT_LIMITS.maxFileBytes);
  if (!read.bytes) return reportDiagnostics(ctx, read.diagnostics);
  // A rubric given to --on: the two versions are given before it (--rubric, which the message for a workbook's place offers, is no option here).
  const onOn = <T extends { diagnostics: readonly Diagnostic[] }>(r: T): T => ({ ...r, diagnostics: r.diagnostics.map((d) => (d.code === "xlsx.rubric-file" ? { ...d, code: "xlsx.rubric-file-on" } : d)) });
  const before = onOn(await scoreUnder(o.on, read.bytes, a.rubric, b.rubric));
  // (Said alone: "it has errors (above)" after it read as the rubric being wrong.)
  const notBook = before.diagnostics.find((d) => d.code === "xlsx.rubric-file-on");
  if (notBook) return reportDiagnostics(ctx, [notBook]) || 1;
  const after = onOn(await scoreUnder(o.on, read.bytes, b.rubric, a.rubric));
  // A problem found under both versions is said once; one found under a single version, with it.
  // (One located in a rubric is at each version's own file and line: the same problem all the same.)
  const key = (d: Diagnostic): string => JSON.stringify([d.code, d.severity, d.data, d.location && isTextLocation(d.location) ? "rubric" : d.location]);
  const inBefore = new Set(before.diagnostics.map(key));
  const inAfter = new Set(after.diagnostics.map(key));
  // Each rubric by its version, or by its id and version where that alone does not tell them apart.
  const [older, newer] = [a.rubric, b.rubric];
  const byVersion = a.rubric.id === b.rubric.id && a.rubric.version !== b.rubric.version;
  // Both of one id and version: by their files.
  const label = (r: { id: string; version: string }): string => (sameVersion ? (r === older ? displayPath(rubricPath(olderFile)) : displayPath(rubricPath(newerFile))) : byVersion ? r.version : `${r.id} ${r.version}`);
  const tag = (d: Diagnostic, version: string): Diagnostic => ({ ...d, location: d.location ? { ...d.location, file: `${d.location.file} (${version})` } : { file: `${o.on} (${version})` } });
  if (!before.results || !after.results) {
    // A workbook filled for another scheme altogether: said once, not as every cell that does not fit.
    const named = before.cover?.rubricId;
    // Said once at the cover's rubric, as it names it.
    const on = o.on;
    const atCover = (code: string, data: Record<string, string>): number => {
      const at = before.cover?.at;
      return reportDiagnostics(ctx, [{ code, severity: "error", data: { cover: `${named ?? ""} ${before.cover?.rubricVersion ?? ""}`.trim(), ...data }, location: at ? { file: on, ...at } : { file: on } }]) || 1;
    };
    if (named !== undefined && named !== a.rubric.id && named !== b.rubric.id) return atCover("rubric.diff-on-other-scheme", { rubric: a.rubric.id === b.rubric.id ? a.rubric.id : `${a.rubric.id}、${b.rubric.id}` });
    // Two schemes, the workbook filled in under one, the other's columns or sheets not in it: the
    // other refuses its cells by the dozen (its codes another scheme's, its rates another's
    // amounts), none of them to mend. Said once, at the cover. (A copy of the scheme under another
    // id reads the same form: its problems are listed as they are.)
    const otherOnly = named === a.rubric.id ? after.diagnostics.filter((d) => !inBefore.has(key(d))) : before.diagnostics.filter((d) => !inAfter.has(key(d)));
    if (named !== undefined && a.rubric.id !== b.rubric.id && otherOnly.some((d) => d.severity === "error" && MISSING_PARTS.has(d.code))) {
      const other = named === a.rubric.id ? b.rubric : a.rubric;
      return atCover("rubric.diff-on-two-schemes", { other: `${other.id} ${other.version}` });
    }
    reportDiagnostics(ctx, [
      ...before.diagnostics.filter((d) => inAfter.has(key(d))),
      ...before.diagnostics.filter((d) => !inAfter.has(key(d))).map((d) => tag(d, label(older))),
      ...after.diagnostics.filter((d) => !inBefore.has(key(d))).map((d) => tag(d, label(newer))),
    ]);
    // The changes are listed above; whom they affect could not be worked out. Last year's workbook,
    // valid as it was, is not to be mended to the new version's limits: a copy of it may.
    ctx.io.err(ctx.t("rubric.diff-on-not-scored", { file: o.on }) + "\n");
    if (before.results && !after.results) {
      // Columns the revision added (an indicator, a judged item): a copy with them filled in scores
      // under both (each version passes over the columns only the other reads).
      const newOnly = after.diagnostics.filter((d) => d.severity === "error" && !inBefore.has(key(d)));
      const added = [...new Set(newOnly.filter((d) => MISSING_PARTS.has(d.code)).flatMap((d) => asked(ctx, d)))];
      // Values the new version refuses too (a max lowered): to be mended in the copy as well.
      const mend = newOnly.some((d) => !MISSING_PARTS.has(d.code));
      const code = added.length ? (mend ? "rubric.diff-on-add-columns-mend" : "rubric.diff-on-add-columns") : "rubric.diff-on-new-only";
      ctx.io.err(ctx.t(code, { file: o.on, old: label(older), new: label(newer), codes: added.join(ctx.t("list.items")) }) + "\n");
    }
    if (after.results && !before.results) {
      // Filled in on the new version's form: the columns the revision removed (a judged item dropped)
      // are what the old version misses; a copy with them filled in as the old version asks scores under both.
      const oldOnly = before.diagnostics.filter((d) => d.severity === "error" && !inAfter.has(key(d)));
      const removed = [...new Set(oldOnly.filter((d) => MISSING_PARTS.has(d.code)).flatMap((d) => asked(ctx, d)))];
      const mend = oldOnly.some((d) => !MISSING_PARTS.has(d.code));
      const code = removed.length ? (mend ? "rubric.diff-on-old-columns-mend" : "rubric.diff-on-old-columns") : "rubric.diff-on-old-only";
      // Said so where its cover names the new version (or none), or where all it lacks under the old
      // is the old version's columns: a workbook whose cover names the old, with errors of its own
      // under it (a ledger code the new allows), is not "filled in under the new" (a reviewer's find).
      const coverNew = before.cover?.rubricVersion === undefined || (before.cover.rubricId === b.rubric.id && before.cover.rubricVersion === b.rubric.version);
      if (coverNew || (removed.length > 0 && !mend)) ctx.io.err(ctx.t(code, { file: o.on, old: label(older), new: label(newer), codes: removed.join(ctx.t("list.items")) }) + "\n");
    }
    return 1;
  }
  ctx.io.out("\n");
  // Filled in under a third version of the scheme: both versions still score it, but it is said.
  const cover = before.cover;
  if (cover?.rubricVersion !== undefined && cover.rubricId === a.rubric.id && cover.rubricVersion !== a.rubric.version && cover.rubricVersion !== b.rubric.version) {
    ctx.io.out(ctx.t("rubric.diff-on-third-version", { cover: `${cover.rubricId} ${cover.rubricVersion}`, old: a.rubric.version, new: b.rubric.version }) + "\n");
  }
  // How many, as diff says it (a city's 300 lines had no count).
  const moved = awardsFirst(compareResults(before.results, after.results, [])).filter((m) => m.moved);
  // (Two schemes, not two versions of one, said as such: the note above says so.)
  const schemes = a.rubric.id !== b.rubric.id ? "-schemes" : "";
  ctx.io.out(ctx.t(moved.length ? `diff.on-count${schemes}` : `diff.on${schemes}`, { file: o.on, count: moved.length }) + "\n");
  for (const m of moved) ctx.io.out(`  ${m.name}: ${moveParts(ctx, before.results, after.results, m, [b.rubric, a.rubric], { ledger: true }).join(ctx.t("list.parts"))}\n`);
  if (!moved.length) ctx.io.out(`  ${ctx.t("diff.on-none")}\n`);
  // The prize places it leaves empty, or fills (a veto now keeping its unit's place empty), as diff says them:
  // where the 一等奖 went, read from no unit's line.
  const vacant = vacancyChanges(ctx, { rubric: a.rubric }, { rubric: b.rubric }, before.results, after.results);
  if (vacant.length) ctx.io.out([`  ${ctx.t("diff.vacancies")}`, ...vacant.map((l) => `    ${l}`)].join("\n") + "\n");
  // The prize money in all, where the revision moved it (a tier's amount, a place's tier): a leader's first question.
  const money = moneyChange(ctx, a.rubric, b.rubric, before.results, after.results);
  if (money) ctx.io.out(`  ${money}\n`);
  // A grade's quota changed that gave no one another grade here: why (a tie at the cut, or too few at its line).
  for (const line of quotaUnused(ctx, a.rubric, b.rubric, before.results, after.results)) ctx.io.out(`  ${line}\n`);
  // What the revision says of this workbook that the version before did not (its cover's year now
  // before the date it takes effect, a column it no longer reads): said under the new version.
  const newly = after.diagnostics.filter((d) => !inBefore.has(key(d))).map((d) => tag(d, label(newer)));
  if (newly.length) reportDiagnostics(ctx, newly);
  return 0;
}
