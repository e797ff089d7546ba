// assess diff OLD.xlsx NEW.xlsx: what changed in the inputs, by meaning, and what it did to every
// unit's results — after a correction, an appeal, a claim confirmed, or year on year (each file
// under the rubric its cover names). Terminal lines, --json, or a 变更说明 sheet or page with -o.
import { progressFor } from "../progress.js";
import { coverYear, type Cover } from "../../model/submission.js";
import { LANGS, message } from "../../messages/index.js";
import { basename } from "node:path";
import { GENERATOR, pageKind } from "../../xlsx/pages.js";
import { editedSince, sealed } from "../../report/page-seal.js";
import { score as scoreEngine } from "../../engine/index.js";
import type { Diagnostic } from "../../diagnostics/index.js";
import { awardsFirst, compareInputs, compareResults, leafReads, rankingReads, relativeReads, gateReads, limitedSingles, type Side, type UnitMove } from "../../report/compare.js";
import { causeRefs, changeText, compareJson, compareLines, coverChanges, moveSummary, changesMoveResults, kindsMoved, moneyLine, rangesShown, rubricsDiffer, vacancyChanges } from "../../report/compare-text.js";
import { diffLines } from "../../report/rubric-text.js";
import { writeResultWorkbook } from "../../report/result-file.js";
import { sheetTitle, type SheetTable } from "../../report/result-sheets.js";
import { escapeXml, unescapeXml } from "../../xlsx/escape.js";
import { FONTS, printedPages } from "../../report/september/style.js";
import { concatBytes } from "../../xlsx/bytes.js";
import { extensionOnly, folderGiven, outputSlip, isFolder, reportDiagnostics, dayOfRun, targetError, usageError, type Ctx } from "../io.js";
import { dayText } from "../../report/day.js";
import { loadInput, notDone, scoreUnder } from "../input.js";
import { checkTarget, givenFile, sayWritten, writeAtomic, type Refusal } from "../write.js";
import { nodeHost } from "../host.js";
import { TOOL } from "../version.js";

interface Opts {
  rubric?: string;
  json?: boolean;
  output?: string;
  force?: boolean;
}

/**
 * An earlier 变更说明 of ours: the page names us; the workbook has our one sheet, as we wrote it
 * (saved since by a spreadsheet program, what was typed into it would be lost: refused).
 */
function isOurs(seen: { title?: string }): (bytes: Uint8Array) => Promise<boolean | Refusal> {
  return async (bytes) => {
    if (pageKind(bytes) === "diff") {
      const title = /<title>([^<]*)<\/title>/.exec(new TextDecoder().decode(bytes.subarray(0, 4096)))?.[1];
      if (title !== undefined) seen.title = unescapeXml(title);
      // Edited since (a signature, a note typed in): what was typed would be lost.
      return editedSince(new TextDecoder().decode(bytes)) ? { code: "file.changes-page-edited", data: {} } : true;
    }
    const { sheetsNamed } = await import("../write.js");
    const found = await sheetsNamed(bytes, (name) => name === "变更说明" || name === "Changes");
    const sheet = found?.names.length === 1 ? found.read[0] : undefined;
    if (!sheet) return false;
    const first = sheet.rows[0]?.[0]?.value;
    if (first?.t === "s") seen.title = first.v;
    return sheet.asWritten ? true : { code: "file.changes-saved-since", data: {} };
  };
}

/**
 * An earlier 变更说明 of another district's or year's (its title is not the one this run writes, in
 * either language), written under the same -o name: not replaced unsaid, as score keeps another
 * workbook's result and report another's report (replaced, another district's list of changes was
 * lost; 山区's was taken for 青山区's, its name inside the other's).
 */
function ofOther(earlier: string | undefined, cover: Cover): Refusal | undefined {
  if (earlier === undefined || LANGS.some((l) => sheetTitle(l, cover, message(l, "diff.title")) === earlier)) return undefined;
  return { code: "file.changes-of-other", data: { title: earlier } };
}

export async function diff(ctx: Ctx, older: string, newer: string, o: Opts): Promise<number> {
  const format = o.output ? (/\.html?$/i.test(o.output) ? "html" : /\.xlsx$/i.test(o.output) ? "xlsx" : undefined) : undefined;
  // An empty name (a script's variable left unset): no file, said (it printed to the terminal alone).
  // (A page where the name asks for one: a folder named out.html given is offered out.html/变更.html.)
  const example = `${ctx.lang === "en" ? "changes" : "变更"}.${o.output && /\.html?$/i.test(o.output) ? "html" : "xlsx"}`;
  if (o.output !== undefined && o.output.trim() === "") return usageError(ctx, "usage.output-empty", { example });
  const bare = o.output !== undefined ? (outputSlip(ctx, o.output) ?? extensionOnly(ctx, o.output, example)) : undefined;
  if (bare !== undefined) return bare;
  // A folder, whatever its name (out.xlsx/ too), is said as one.
  if (o.output && isFolder(o.output)) return folderGiven(ctx, o.output, example);
  if (o.output && !format) return usageError(ctx, "usage.diff-extension", { file: o.output, example });
  // The title of the 变更说明 -o names, where it is an earlier one of ours.
  const earlier: { title?: string } = {};
  if (o.output) {
    const bad = await checkTarget(o.output, [older, newer, ...givenFile(o.rubric)], { force: o.force === true, ours: isOurs(earlier), refusal: "file.exists-not-result" });
    if (bad) return targetError(ctx, bad, o.json);
  }
  // Each read with its progress (a province's takes a while), then the comparing.
  const read = async (file: string): Promise<Awaited<ReturnType<typeof loadInput>>> => {
    const progress = progressFor(ctx, file);
    const input = await loadInput(file, o.rubric, progress);
    progress.done();
    return input;
  };
  const [a, b] = [await read(older), await read(newer)];
  if (!a.rubric || !a.submission || !b.rubric || !b.submission) {
    // Both files' problems, each located in its own file; a rubric's (--rubric, read for each) once.
    const key = (d: Diagnostic): string => JSON.stringify([d.code, d.location, d.data]);
    const seen = new Set(a.diagnostics.map(key));
    const all: Diagnostic[] = [...a.diagnostics, ...b.diagnostics.filter((d) => !seen.has(key(d)))];
    // A version not found is put beside its workbook: --rubric, read for both, would score last
    // year's workbook under this year's version (a tester did, and got its every changed max as an error).
    const beside = (d: Diagnostic): Diagnostic => (o.rubric === undefined && (d.code === "rubric.not-found" || d.code === "rubric.version-not-found") ? { ...d, code: `${d.code}-diff` } : d);
    return notDone(ctx, all.map(beside), o.json === true, "summary.not-compared");
  }
  // What diff says of its inputs (saidOfInputs), on stderr with --json too: the document on stdout is
  // the comparison (a cover naming another rubric went without a word there).
  reportDiagnostics(ctx, saidOfInputs([...a.diagnostics, ...b.diagnostics]));
  const sa: Side = { rubric: a.rubric, submission: a.submission };
  const sb: Side = { rubric: b.rubric, submission: b.submission };
  const ra = scoreEngine(a.rubric, a.submission);
  const rb = scoreEngine(b.rubric, b.submission);
  const changes = compareInputs(sa, sb);
  // The rubrics' changes, worked out once: listed, and whether they can move results (then every
  // unit's move may be their doing too, said with its causes).
  const rubricDiff = rubricsDiffer(a.rubric, b.rubric) ? diffLines(a.rubric, b.rubric, ctx.lang) : undefined;
  // (A ranking added or removed is said with what it gives on lines of their own: a row each on the sheet and the page.)
  const rubricLines = rubricDiff ? [`${a.rubric.id} ${a.rubric.version} → ${b.rubric.id} ${b.rubric.version}`, ...rubricDiff.lines.flatMap((l) => l.split("\n"))] : [];
  const rubricMoves = rubricDiff !== undefined && changesMoveResults(rubricDiff.changes);
  // Under two rubrics, each workbook scored under the other's too (where it can be): the later
  // under the earlier rubric tells the units the rubric moved; both pairs, a value that moved no
  // points under either (78% → 80% within one band of both) from a cause.
  // (Each passes over the columns only the other rubric reads: an indicator the later added.)
  const laterUnderEarlier = rubricDiff && b.bytes ? (await scoreUnder(newer, b.bytes, a.rubric, b.rubric)).results : undefined;
  const earlierUnderLater = rubricDiff && a.bytes ? (await scoreUnder(older, a.bytes, b.rubric, a.rubric)).results : undefined;
  const readsB = leafReads(b.rubric);
  const underOne = laterUnderEarlier && earlierUnderLater ? [{ a: ra, b: laterUnderEarlier, nodes: leafReads(a.rubric) }, { a: earlierUnderLater, b: rb, nodes: readsB }] : undefined;
  const moves = awardsFirst(compareResults(ra, rb, changes, relativeReads(a.rubric, b.rubric), rankingReads(a.rubric, b.rubric), readsB, gateReads(a.rubric, b.rubric), underOne, limitedSingles(a.rubric, b.rubric)));
  // Which units the rubric moved: each unit whose results differ with the later workbook under the
  // two rubrics (where it cannot be scored under the earlier, every unit moved may be the rubric's
  // doing). A unit moved by no change of its inputs is the rubric's.
  let byRubric = (_m: UnitMove): boolean => rubricMoves;
  if (rubricMoves && laterUnderEarlier) {
    const moved = new Set(compareResults(laterUnderEarlier, rb, []).filter((m) => m.moved).map((m) => m.name));
    byRubric = (m) => moved.has(m.name) || m.because.length === 0;
  } else if (rubricMoves && rubricDiff) {
    // (Where it cannot, the units of the kinds the rubric's changes reach: a change to the towns'
    // items moves no department.)
    const reached = kindsMoved(rubricDiff.changes, [a.rubric, b.rubric]);
    if (reached) {
      const kindOf = new Map([...ra.units, ...rb.units].map((u) => [u.name, u.kind]));
      byRubric = (m) => reached.has(kindOf.get(m.name) ?? "");
    }
  }
  // A unit added or removed is its own change, not the rubric's (every unit of another district was
  // said moved by the scheme too).
  const rubricMoved = (m: UnitMove): boolean => m.old !== undefined && m.new !== undefined && byRubric(m);
  // What the covers say differently (another year, another district): said before all else.
  const covers = coverChanges(ctx, sa, sb);
  const coversLine = covers.length ? ctx.t("diff.covers", { changes: covers.join(ctx.t("list.parts")) }) : undefined;
  // The JSON document only once the file asked for is written: a write that fails is the document then.
  // The JSON's rubric changes the same whatever the language (their values in the rubric's own,
  // Chinese, words: 评定, 是, 总分), only their text in the reader's.
  const rubricJson = rubricDiff && ctx.lang !== "zh-CN" ? { ...rubricDiff, changes: diffLines(a.rubric, b.rubric, "zh-CN").changes } : rubricDiff;
  const json = o.json ? compareJson(sa, sb, ra, rb, changes, moves, rubricJson ? { ...rubricJson, moves: rubricMoves, byRubric: rubricMoved } : undefined, o.output) + "\n" : undefined;
  // A result given, scored from another file of the rubric's id and version, or under a bundled
  // rubric's file edited since (said above): what it records is not what is compared (it said no
  // unit changed, of two results recording other totals). Said last, and in the file written.
  const both = [...a.diagnostics, ...b.diagnostics];
  const recomputedCode = both.some((d) => d.code === "workbook.rubric-changed-since-scored") ? "diff.recomputed" : both.some((d) => d.code === "rubric.bundled-edited") ? "diff.recomputed-edited" : undefined;
  const recomputed = recomputedCode ? ctx.t(recomputedCode) : undefined;
  if (!json) {
    ctx.io.out(`${older} → ${newer}\n`);
    // What the covers say differently first (another year, another district), then the rubrics.
    if (coversLine) ctx.io.out(`${coversLine}\n`);
    if (rubricLines.length) ctx.io.out(`${ctx.t("diff.rubrics")}\n${rubricLines.map((l) => `  ${l}`).join("\n")}\n`);
    ctx.io.out(compareLines(ctx, sa, sb, ra, rb, changes, moves, rubricMoved).join("\n") + "\n");
    if (recomputed) ctx.io.out(recomputed + "\n");
  }
  const money = moneyLine(ctx, sa, sb, ra, rb);
  if (o.output && format) {
    // A unit the rubric's changes move too: said in the causes' column, as the terminal says it.
    const resultRows = moves
      .filter((m) => m.moved)
      .map((m) => {
        // Its causes as the terminal says them (因 [1][2](方案也有变化)), not [1][2]方案.
        const refs = causeRefs(ctx, m.because, changes, m.name);
        const because = refs ? ctx.t(rubricMoved(m) ? "diff.because-and-rubric" : "diff.because", { refs }) : rubricMoved(m) ? ctx.t("diff.because-rubric") : "";
        return { cells: [ctx.t("diff.row-result"), because, m.name, moveSummary(ctx, ra, rb, m, changes, [sb.rubric, sa.rubric], rubricMoved(m))] };
      });
    const rows = [
      ...changes.map((c, i) => ({ cells: [ctx.t("diff.row-input"), `[${i + 1}]`, c.unit, changeText(ctx, sa, sb, c, false)] })),
      ...resultRows,
      // What a bracketed range is, where one is shown, as the terminal says it under its list.
      ...(resultRows.some((r) => rangesShown(r.cells[3] ?? "")) ? [{ cells: [ctx.t("diff.row-note"), "", "", ctx.t("diff.ranges-note")] }] : []),
      // The prize places left vacant that changed, as the terminal says them.
      ...vacancyChanges(ctx, sa, sb, ra, rb).map((v) => ({ cells: [ctx.t("diff.row-vacancy"), "", "", v] })),
      // How the prize money moved in all, last, as the terminal says it.
      ...(money ? [{ cells: [ctx.t("diff.row-money"), "", "", money] }] : []),
      // (On paper without the warning the terminal said: the rubric's file named.)
      ...(recomputedCode ? [{ cells: [ctx.t("diff.row-note"), "", "", ctx.t(`${recomputedCode}-file`, { file: String(both.find((d) => d.code === "rubric.bundled-edited")?.data.file ?? sb.rubric.file), rubric: `${sb.rubric.id} ${sb.rubric.version}` })] }] : []),
    ];
    // Titled as the result sheets are: the district and the year, each where both workbooks share it.
    const [ca, cb] = [a.submission.cover, b.submission.cover];
    const shared = (x: string | undefined, y: string | undefined): string | undefined => ((x ?? "").trim() === (y ?? "").trim() ? y : undefined);
    // Two years compared (2026 → 2027): both in the title, 柳河区2026–2027年度变更说明.
    const years = [ca.year, cb.year].map((y) => coverYear(y));
    const year = years[0] === years[1] ? cb.year : years[0] && years[1] ? `${years[0]}–${years[1]}` : undefined;
    const titled = { ...cb, year, district: shared(ca.district, cb.district) };
    const title = sheetTitle(ctx.lang, titled, ctx.t("diff.title"));
    const other = o.force ? undefined : ofOther(earlier.title, titled);
    if (other) return targetError(ctx, { ...other, severity: "error", location: { file: o.output } }, o.json);
    // The workbooks by their names (the folders they were run from mean nothing to its reader), unless alike.
    const [na, nb] = [basename(older), basename(newer)];
    // And what the terminal says of them in counts, or that nothing changed (a page showing an empty
    // table reads as cut short, where an appeal changed nothing).
    const moved = moves.filter((m) => m.moved).length;
    const counts = [changes.length ? ctx.t("diff.count-inputs", { count: changes.length }) : ctx.t("diff.count-inputs-none"), moved ? ctx.t("diff.count-results", { count: moved }) : ctx.t("diff.count-results-none")].join(ctx.t("list.parts"));
    // The scheme first, as the result sheets' subtitle says it (a 变更说明 handed on said of what
    // assessment it was), both versions where they differ.
    const [va, vb] = [sa.rubric, sb.rubric];
    const line = (r: typeof va, version = r.version): string => ctx.t("out.subtitle", { title: r.title, id: r.id, version });
    // Two schemes (a district moving to another): both named, not the later alone.
    const scheme = va.id !== vb.id ? `${line(va)} → ${line(vb)}` : line(vb, va.version !== vb.version ? `${va.version} → ${vb.version}` : vb.version);
    // Set apart by a mark a page keeps (two spaces collapse to one in HTML: it read as one phrase).
    const subtitle = [scheme, na === nb ? `${older} → ${newer}` : `${na} → ${nb}`, counts].join(" · ");
    // What the covers say differently (two years, or another district's workbook), first.
    const coverRows = covers.map((c) => ({ cells: [ctx.t("diff.row-cover"), "", "", c] }));
    const target = o.output;
    // The day it was made, on its printed pages (the sheet's footer; the page's first, under its title),
    // as the result sheets are: a 变更说明 handed to a leader was undated.
    const day = dayText(ctx.lang, dayOfRun(ctx));
    const failed = await writeAtomic(target, async () => {
      if (format === "html") return new TextEncoder().encode(changesHtml(ctx.lang, title, subtitle, [ctx.t("diff.col.what"), ctx.t("diff.col.ref"), ctx.t("out.unit"), ctx.t("diff.col.change")], [...(coversLine ? [coversLine] : []), ...rubricLines], rows.map((r) => r.cells), ctx.t("diff.compared-on", { date: day }), ctx.t("report.footer")));
      const table: SheetTable = {
        sheet: { kind: "changes" },
        name: ctx.t("diff.title"),
        title,
        subtitle,
        columns: [
          { header: ctx.t("diff.col.what"), kind: "text", width: 10 },
          // As wide as the longest list of causes (up to 24; longer ones wrap): [1][2][5][6][8] was cut.
          { header: ctx.t("diff.col.ref"), kind: "wrap", width: Math.min(24, rows.reduce((w, r) => Math.max(w, String(r.cells[1]).length + 2), 10)) },
          { header: ctx.t("out.unit"), kind: "name", width: 16 },
          { header: ctx.t("diff.col.change"), kind: "wrap", width: 80 },
        ],
        rows: [...coverRows, ...rubricLines.map((l) => ({ cells: [ctx.t("diff.row-rubric"), "", "", l] })), ...rows],
        freezeCols: 0,
        filter: true,
        pagesAcross: 1,
        active: true,
        footer: ctx.t("diff.footer-dated", { date: day.replaceAll("&", "&&") }),
      };
      const chunks: Uint8Array[] = [];
      await writeResultWorkbook((c) => chunks.push(c.slice()), nodeHost, [table], { lang: ctx.lang, tool: TOOL, units: 0 });
      return concatBytes(chunks);
    });
    if (failed) return reportDiagnostics(ctx, [failed], o.json);
    sayWritten(ctx, target);
  }
  if (json) ctx.io.out(json);
  return 0;
}

/** Rows printed with the list's last, on its page: its note (注) never stands alone on a page of its own. */
const LAST_ROWS = 3;

/**
 * The 变更说明 page: self-contained, printable (A4 landscape, the head row on every page, each page
 * numbered, every page after the first headed with the title and the day compared, the last rows kept together).
 */
function changesHtml(lang: string, title: string, subtitle: string, head: readonly string[], rubricLines: readonly string[], rows: readonly (readonly string[])[], dated: string, footer: string): string {
  const esc = escapeXml;
  const cells = (r: readonly string[], tag: string): string => r.map((c) => `<${tag}>${esc(c)}</${tag}>`).join("");
  const body = rows.map((r) => `<tr>${cells(r, "td")}</tr>`);
  const split = Math.max(0, body.length - LAST_ROWS);
  return sealed(`<!DOCTYPE html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${GENERATOR.diff}">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(title)}</title>
<style>
body { font-family: ${FONTS}; font-size: 0.875rem; max-width: 1100px; margin: 24px auto; padding: 0 20px; color: #222; }
h1 { font-size: 1.375rem; margin: 0 0 4px; } p.sub { margin: 0 0 12px; color: #555; border-bottom: 2px solid #333; padding-bottom: 6px; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #8c8c8c; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #ddebf7; } pre { white-space: pre-wrap; font-size: 0.8125rem; background: #f6f6f6; padding: 8px; }
td:nth-child(1), td:nth-child(3), th { white-space: nowrap; } td:nth-child(2) { min-width: 7.5em; max-width: 12em; overflow-wrap: anywhere; }
${printedPages(`${title}\u3000${dated}`, footer)}
thead { display: table-header-group; } tr, tbody.last-rows { break-inside: avoid; }
/* On a screen, the heading row stays in view as a long list scrolls (every town of a group moved by its best value); printed, it repeats on every page. */
@media screen { thead th { position: sticky; top: -1px; box-shadow: 0 -3px 0 #ddebf7, inset 0 1px 0 #8c8c8c, inset 0 -1px 0 #8c8c8c; } }
@media print { body { max-width: none; margin: 0; padding: 0; font-size: 10pt; } th, td { padding: 2px 6px; } }
@media screen and (max-width: 40em) { body { margin: 12px auto; padding: 0 6px; font-size: 0.8125rem; } h1 { font-size: 1.125rem; } th, td { padding: 3px 4px; } td:nth-child(2) { min-width: 4em; } }
</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="sub">${esc(subtitle)} · <span class="dated">${esc(dated)}</span></p>
${rubricLines.length ? `<pre>${esc(rubricLines.join("\n"))}</pre>` : ""}
<table><thead><tr>${cells(head, "th")}</tr></thead>
<tbody>
${body.slice(0, split).join("\n")}
</tbody>${split < body.length ? `<tbody class="last-rows">\n${body.slice(split).join("\n")}\n</tbody>` : ""}</table>
</body>
</html>
`);
}

/**
 * The warnings diff says of its inputs (it compares, it does not validate), once each: a rubric
 * file beside either workbook that is not used though it says something else, a result scored from
 * another file of the rubric's id and version (its published points are not what is compared), a
 * result saved since by a spreadsheet program (figures typed over in its result sheets are not what
 * is compared), and a workbook whose cover names another rubric than --rubric's, scored under it
 * all the same (last year's workbook read under this year's version without a word).
 */
function saidOfInputs(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const said = new Set(["rubric.shadowed", "rubric.shadowed-invalid", "workbook.rubric-changed-since-scored", "rubric.bundled-edited", "rubric.own-twin-differs", "workbook.result-sheets-saved-since", "workbook.cover-rubric-mismatch"]);
  return [...new Map(diagnostics.filter((d) => said.has(d.code)).map((d) => [JSON.stringify([d.location, d.data]), d])).values()];
}
