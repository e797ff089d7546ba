// The names of the sheets `assess score` adds to a workbook, in every language: what the result
// writer calls them, and how the reader knows an earlier run's sheets (never input; replaced when
// the results are written again). A sheet is taken for ours only in a workbook that also holds our
// provenance sheet, so that a user's own sheet called 综合排名 is left alone; and a provenance sheet
// is ours by what it says (the tool that wrote it), not by its name alone.
import { LANGS, message, type Lang } from "../messages/index.js";
import type { Rubric } from "../rubric/model.js";
import type { RawCell } from "../xlsx/read/index.js";

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
    case "ranking":
      return s.name;
    case "detail":
      return message(lang, "out.sheet.detail-kind", { kind: s.unitKindName });
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

function baseName(name: string): string {
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

/** What our provenance sheet records under a label (in any language); "" where it records nothing. */
function recorded(rows: readonly (readonly RawCell[])[], code: string): string {
  const labels = LANGS.map((l) => message(l, code));
  for (const [a, b] of rows) {
    if (a?.col === 1 && b?.col === 2 && a.value.t === "s" && labels.includes(a.value.v.trim()) && b.value.t === "s") return b.value.v.trim();
  }
  return "";
}

/** The input workbook's name our provenance sheet records (输入工作簿 | 青山区2026.xlsx); "" where none is. */
export function recordedInput(rows: readonly (readonly RawCell[])[]): string {
  return recorded(rows, "out.info.input");
}

/** The district the scored workbook's cover named (地区 | 青山区); "" where none is recorded. */
export function recordedDistrict(rows: readonly (readonly RawCell[])[]): string {
  return recorded(rows, "out.info.district");
}

/**
 * Which of a workbook's sheets are ours from an earlier run: none unless it holds our provenance
 * sheet (`infoAt`: the index of a sheet found to be ours, isOurInfoSheet). Our sheets are the run
 * of sheets named as ours (or as ours made unique) that ends with it, as we write them: a sheet
 * of the run met twice under any of its names (but the notes' parts), or another sheet, ends the
 * run, so that a user's own sheet called 综合排名 (or Ranking overall) before ours is left alone.
 */
export function earlierResults(rubric: Rubric, sheetNames: readonly string[], infoAt: number | undefined): (name: string) => boolean {
  if (infoAt === undefined || !isInfoSheetName(sheetNames[infoAt] ?? "")) return () => false;
  // Each name ours may have, in any language or version, and the one sheet of the run it names: a
  // run holds one of each (but the notes' parts), so a second (a user's own 综合排名 or
  // "Ranking overall" just before ours, named alike) ends it.
  const slot = new Map<string, string>();
  for (const name of INFO_SHEET_NAMES) slot.set(name, "info");
  LEGACY_DETAIL.forEach((name, i) => slot.set(name, `legacy:${i}`));
  for (const r of rubric.rankings) slot.set(`Ranking ${r.id}`, `ranking:${r.id}`);
  for (const k of rubric.unitKinds) slot.set(`Scores (${k.id})`, `detail:${k.id}`);
  for (const lang of LANGS) {
    for (const r of rubric.rankings) slot.set(resultSheetName({ kind: "ranking", id: r.id, name: r.name }, lang), `ranking:${r.id}`);
    for (const k of rubric.unitKinds) slot.set(resultSheetName({ kind: "detail", unitKind: k.id, unitKindName: k.name }, lang), `detail:${k.id}`);
    slot.set(resultSheetName({ kind: "awards" }, lang), "awards");
  }
  const notes = LANGS.map((l) => resultSheetName({ kind: "notes", part: 1 }, l));
  const ours = new Set<string>([sheetNames[infoAt] ?? ""]);
  const seen = new Set<string>(["info"]);
  for (let i = infoAt - 1; i >= 0; i--) {
    const name = sheetNames[i] ?? "";
    const base = baseName(name);
    if (notes.includes(base)) {
      ours.add(name);
      continue;
    }
    const which = slot.get(name) ?? slot.get(base);
    if (which === undefined || seen.has(which)) break;
    seen.add(which);
    ours.add(name);
  }
  return (name) => ours.has(name);
}
