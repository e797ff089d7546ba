// The names of the sheets `assess score` adds to a workbook, in every language: what the result
// writer calls them, and how the reader knows an earlier run's sheets (never input; replaced when
// the results are written again). A sheet is ours by what it says (our rubric line and header row
// under its title; a provenance sheet, the tool that wrote it), not by its name alone; and one is
// replaced only where the provenance sheet of its run lists it (or, in an earlier version's result,
// which lists none, where it is named as ours), so that a user's own sheet called 综合排名, or a
// copy of ours kept, is left alone.
import { LANGS, message, type Lang } from "../messages/index.js";
import type { Rubric } from "../rubric/model.js";
import type { RawCell } from "../xlsx/read/index.js";
import { legalSheetName } from "../xlsx/write/sheet-names.js";

export type ResultSheet =
  | { readonly kind: "ranking"; readonly id: string; readonly name: string }
  | { readonly kind: "detail"; readonly unitKind: string; readonly unitKindName: string }
  | { readonly kind: "notes"; readonly part: number }
  | { readonly kind: "awards" }
  | { readonly kind: "info" }
  | { readonly kind: "changes" };

/** A result sheet's tab name: the rubric's own words where it names one (a ranking, a unit kind), ours in the reader's language. */
export function resultSheetName(s: ResultSheet, lang: Lang): string {
  switch (s.kind) {
    // Named by the rubric in every language, as their titles are.
    // (As written: a name Excel allows, a long one cut keeping its closing bracket, so that the
    // next run knows the sheet by it.)
    case "ranking":
      return legalSheetName(s.name);
    case "detail":
      return legalSheetName(message(lang, "out.sheet.detail-kind", { kind: s.unitKindName }));
    case "notes":
      return message(lang, "out.sheet.notes") + (s.part <= 1 ? "" : ` (${s.part})`);
    case "awards":
      return message(lang, "out.sheet.awards");
    case "info":
      return message(lang, "out.sheet.info");
    case "changes":
      return message(lang, "diff.title");
  }
}

/** Names earlier versions gave the detail sheets (their unit kinds were fixed words). */
const LEGACY_DETAIL = ["得分明细(镇、街道)", "得分明细(责任部门)", "Scores (town or street)", "Scores (department)"];

/** Our provenance sheet's name, in every language. */
export const INFO_SHEET_NAMES: readonly string[] = LANGS.map((l) => resultSheetName({ kind: "info" }, l));

/** "计分信息 (2)": a name the writer made unique, or a later part of the notes. */
const NUMBERED = / \((\d+)\)$/;

/** A sheet's name without the number a copy or the writer added ("封面 (2)" → "封面"). */
export function baseName(name: string): string {
  return name.replace(NUMBERED, "");
}

/** A sheet that may be our provenance sheet: named as ours is, or as ours made unique beside a user's sheet of that name. */
export function isInfoSheetName(name: string): boolean {
  return INFO_SHEET_NAMES.includes(baseName(name));
}

/** A sheet of that name is ours when a row names the tool that wrote it: 计分工具 | assess 0.1.0. */
export function isOurInfoSheet(rows: readonly (readonly RawCell[])[]): boolean {
  const labels = LANGS.map((l) => message(l, "out.info.tool"));
  return rows.some((r) => {
    const [a, b] = r;
    return a?.col === 1 && b?.col === 2 && a.value.t === "s" && labels.includes(a.value.v.trim()) && b.value.t === "s" && /^assess \S/.test(b.value.v);
  });
}

/** Our sheets' second row, "考核方案:{title}({id} {version})", in every language: a pattern each. */
const SUBTITLES: readonly RegExp[] = LANGS.map((l) => {
  const marks = { title: "\u0001", id: "\u0002", version: "\u0003" };
  const text = message(l, "out.subtitle", marks).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${text.replace(marks.title, ".*").replace(marks.id, "\\S+").replace(marks.version, "\\S+")}$`);
});

/**
 * The first line of a header of ours that no input sheet has: 名次 (rankings, 得分明细), 组内名次
 * (得分明细 of a kind ranked only in its groups), 来源单元格 (notes), 类别 (awards), 内容 (provenance).
 */
const OUR_HEADS: ReadonlySet<string> = new Set(LANGS.flatMap((l) => ["out.rank", "out.group-rank", "out.source", "out.category", "out.info.value"].map((code) => message(l, code))));

/** The rows a sheet's first rows are looked for our line in (a row or two put above the title allowed). */
export const OUR_LINE_ROWS = 6;

function firstLine(text: string): string {
  return (text.split("\n")[0] ?? "").trim();
}

/**
 * A sheet we wrote, by what it says: our line naming the rubric (考核方案:…(id version), under the
 * title), with our header row right under it (名次, 来源单元格, 类别 or 内容: none an input sheet has,
 * so that an input sheet given our title rows stays input). Whatever its name now (renamed, a
 * copy): never input, and replaced only where the run that wrote it lists it.
 */
export function isOurResultSheet(rows: readonly (readonly RawCell[])[]): boolean {
  for (let i = 0; i < rows.length; i++) {
    const c = rows[i]?.[0];
    if (!c || c.row > OUR_LINE_ROWS) return false;
    const v = c.value;
    if (c.col === 1 && v.t === "s" && SUBTITLES.some((re) => re.test(firstLine(v.v)))) {
      return rows[i + 1]?.some((h) => h.value.t === "s" && OUR_HEADS.has(firstLine(h.value.v))) ?? false;
    }
  }
  return false;
}

/** What our provenance sheet records under a label (in any language), as written, and its cell; undefined where it records nothing. */
function recordedCell(rows: readonly (readonly RawCell[])[], code: string): { text: string; cell: RawCell } | undefined {
  const labels = LANGS.map((l) => message(l, code));
  for (const [a, b] of rows) {
    if (a?.col === 1 && b?.col === 2 && a.value.t === "s" && labels.includes(a.value.v.trim()) && b.value.t === "s") return { text: b.value.v, cell: b };
  }
  return undefined;
}

/** What our provenance sheet records under a label (in any language), as written; undefined where it records nothing. */
function recordedText(rows: readonly (readonly RawCell[])[], code: string): string | undefined {
  return recordedCell(rows, code)?.text;
}

/** What our provenance sheet records under a label, trimmed; "" where it records nothing. */
function recorded(rows: readonly (readonly RawCell[])[], code: string): string {
  return recordedText(rows, code)?.trim() ?? "";
}

/**
 * Where our provenance sheet records a run under this rubric's id and version but another file
 * (its SHA-256 another: the rubric edited and its version kept), the SHA-256 it records and the cell
 * holding it; else undefined. Two results so made carry one name and different points.
 */
export function rubricChangedSince(rows: readonly (readonly RawCell[])[], rubric: { readonly id: string; readonly version: string; readonly sha256: string; readonly sameText?: readonly string[] }): { sha256: string; ref: string } | undefined {
  if (recorded(rows, "out.info.rubric").replace(/\s+/g, " ") !== `${rubric.id} ${rubric.version}`) return undefined;
  const found = recordedCell(rows, "out.info.rubric-sha");
  const sha = found?.text.trim().toLowerCase() ?? "";
  // (The same text saved with other line ends, or a byte-order mark, is the same rubric.)
  return found && /^[0-9a-f]{64}$/.test(sha) && sha !== rubric.sha256 && !(rubric.sameText?.includes(sha) ?? false) ? { sha256: sha, ref: found.cell.ref } : undefined;
}

/** Between the names of the sheets a run wrote, as its provenance sheet lists them ("/" is in no sheet's name). */
export const SHEETS_SEPARATOR = " / ";

/**
 * The names of the sheets a run wrote, as its provenance sheet lists them (between slashes, which
 * no sheet's name holds; spaces around them aside); undefined where it lists none (an earlier
 * version's).
 */
export function recordedSheets(rows: readonly (readonly RawCell[])[]): string[] | undefined {
  // Retyped, the slashes may be full-width (／), or the names on lines of their own. (A sheet's name
  // may hold a ／, where "/" it may not: one of ours so named is then not found in its list, and is
  // replaced all the same where it is named exactly as ours.)
  const names = (recordedText(rows, "out.info.sheets") ?? "")
    .split(/[/／\n]/)
    .map((n) => n.trim())
    .filter((n) => n !== "");
  return names.length ? names : undefined;
}

/**
 * Of a workbook's sheets named as our provenance sheet (with their rows), the one of the last run:
 * the last that says it is ours and lists itself among the sheets its run wrote (a copy of it,
 * 计分信息 (2) as Excel names one, lists the sheet it was copied from, not itself); or, where none
 * does (a result of an earlier version), the last that says it is ours and is not numbered as a
 * copy (else the last).
 */
export function currentInfoSheet<T extends { readonly name: string; readonly rows: readonly (readonly RawCell[])[] }>(sheets: readonly T[]): T | undefined {
  const ours = sheets.filter((s) => isOurInfoSheet(s.rows));
  const listing = ours.filter((s) => listedBy(s) !== undefined);
  if (listing.length) return listing.at(-1);
  // An earlier version's, which lists none (or a list retyped past reading): the one not numbered
  // as a copy (计分信息 (2)) where there is one, wherever the copy was put.
  return ours.filter((s) => !NUMBERED.test(s.name)).at(-1) ?? ours.at(-1);
}

/** The sheets a provenance sheet lists as its run's, where it lists itself among them (else its list is not one to go by). */
export function listedBy(info: { readonly name: string; readonly rows: readonly (readonly RawCell[])[] }): string[] | undefined {
  const list = recordedSheets(info.rows);
  return list?.includes(info.name.trim()) ? list : undefined;
}

/** The input workbook's name our provenance sheet records (输入工作簿 | 青山区2026.xlsx); "" where none is. */
export function recordedInput(rows: readonly (readonly RawCell[])[]): string {
  return recorded(rows, "out.info.input");
}

/** The file name the scored workbook was written as; "" where none is recorded (an earlier version's result). */
export function recordedOutput(rows: readonly (readonly RawCell[])[]): string {
  return recorded(rows, "out.info.output");
}

/** The district the scored workbook's cover named (地区 | 青山区); "" where none is recorded. */
export function recordedDistrict(rows: readonly (readonly RawCell[])[]): string {
  return recorded(rows, "out.info.district");
}

/** The year the scored workbook's cover gave (年度 | 2026); "" where none is recorded. */
export function recordedYear(rows: readonly (readonly RawCell[])[]): string {
  return recorded(rows, "out.info.year");
}

/**
 * Every name a sheet of ours may have, in any language or earlier version, and which of a run's
 * sheets it names (its slot: a run holds one of each, but the notes' parts).
 */
function ourNames(rubric: Rubric): Map<string, string> {
  const names = new Map<string, string>();
  const add = (name: string, slot: string): void => void (names.has(name) ? undefined : names.set(name, slot));
  for (const lang of LANGS) {
    add(resultSheetName({ kind: "info" }, lang), "info");
    add(resultSheetName({ kind: "awards" }, lang), "awards");
    add(resultSheetName({ kind: "notes", part: 1 }, lang), "notes");
    for (const k of rubric.unitKinds) add(resultSheetName({ kind: "detail", unitKind: k.id, unitKindName: k.name }, lang), `detail:${k.id}`);
  }
  for (const r of rubric.rankings) {
    add(resultSheetName({ kind: "ranking", id: r.id, name: r.name }, "zh-CN"), `ranking:${r.id}`);
    // Named by id in English by earlier versions.
    add(`Ranking ${r.id}`, `ranking:${r.id}`);
  }
  for (const k of rubric.unitKinds) add(`Scores (${k.id})`, `detail:${k.id}`);
  // The fixed names of earlier versions' detail sheets (two kinds: the first, the second).
  LEGACY_DETAIL.forEach((name, i) => add(name, `detail:legacy${i % 2}`));
  return names;
}

/**
 * In a result of ours, the sheets that may be ours (its run lists them, `listed`, or they are named
 * as ours would be, in any language or earlier version, or as ours made unique): only their first
 * rows need be read to tell (isOurResultSheet); a province's notes are most of its bytes.
 */
export function probablyOurs(rubric: Rubric, listed: readonly string[]): (name: string) => boolean {
  const names = ourNames(rubric);
  const list = new Set(listed);
  return (name) => list.has(name.trim()) || names.has(name) || names.has(baseName(name));
}

/**
 * The sheets of an earlier run that are replaced: none unless the workbook holds our provenance
 * sheet (`infoAt`: the index of the one of the last run, currentInfoSheet); of the sheets that say
 * they are ours (`results`: isOurResultSheet), those it lists as written (`recorded`) or named
 * exactly as ours, wherever they are. A sheet of the user's (named as one of ours, or listed by a
 * slip) says no such thing and is never replaced; a copy of ours that is not listed (计分信息 (2),
 * 计分说明-初评) is kept.
 */
export function earlierResults(rubric: Rubric, sheetNames: readonly string[], infoAt: number | undefined, recorded: readonly string[] | undefined, results: ReadonlySet<string>): Set<string> {
  const info = infoAt === undefined ? undefined : sheetNames[infoAt];
  if (info === undefined || !isInfoSheetName(info)) return new Set();
  if (!recorded) return legacyResults(rubric, sheetNames, results, info);
  // And those named exactly as ours that say they are (a name left out of the list by an edit: no
  // user's sheet says it, and a copy is named otherwise).
  const listed = new Set(recorded);
  const names = ourNames(rubric);
  return new Set([info, ...sheetNames.filter((name) => (listed.has(name.trim()) || names.has(name)) && results.has(name))]);
}

/**
 * In a result of an earlier version, whose provenance sheet lists nothing: of the sheets that say
 * they are ours, those named as ours are (in any language or earlier naming), one for each of our
 * sheets; where there are several for one (a copy, 综合排名 (2), beside it), the one named exactly
 * as ours, else the one numbered lowest (ours made unique beside a user's 综合排名 of its own). The
 * provenance sheet `info` is its own. A copy is kept.
 */
function legacyResults(rubric: Rubric, sheetNames: readonly string[], results: ReadonlySet<string>, info: string): Set<string> {
  const names = ourNames(rubric);
  const bySlot = new Map<string, string[]>();
  for (const name of sheetNames) {
    if (name === info || !results.has(name)) continue;
    const slot = names.get(name) ?? names.get(baseName(name));
    if (slot === undefined || slot === "info") continue;
    const list = bySlot.get(slot);
    if (list) list.push(name);
    else bySlot.set(slot, [name]);
  }
  const number = (name: string): number => (names.has(name) ? 0 : Number(NUMBERED.exec(name)?.[1] ?? Number.POSITIVE_INFINITY));
  const ours = new Set([info]);
  for (const list of bySlot.values()) {
    const best = [...list].sort((a, b) => number(a) - number(b))[0];
    if (best !== undefined) ours.add(best);
  }
  return ours;
}
