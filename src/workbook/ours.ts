// The names of the sheets `assess score` adds to a workbook, in every language: what the result
// writer calls them, and how the reader knows an earlier run's sheets (never input; replaced when
// the results are written again). A sheet is taken for ours only in a workbook that also holds our
// provenance sheet, so that a user's own sheet called 综合排名 is left alone.
import { LANGS, message, type Lang } from "../messages/index.js";
import type { Rubric } from "../rubric/model.js";

export type ResultSheet =
  | { readonly kind: "ranking"; readonly id: string; readonly name: string }
  | { readonly kind: "detail"; readonly unitKind: string; readonly unitKindName: string }
  | { readonly kind: "notes"; readonly part: number }
  | { readonly kind: "awards" }
  | { readonly kind: "info" }
  | { readonly kind: "changes" };

/** A result sheet's tab name: the rubric's words in Chinese, codes in English (never mixed). */
export function resultSheetName(s: ResultSheet, lang: Lang): string {
  switch (s.kind) {
    case "ranking":
      return lang === "en" ? message(lang, "out.sheet.ranking", { id: s.id }) : s.name;
    case "detail":
      return message(lang, "out.sheet.detail-kind", { kind: lang === "en" ? s.unitKind : s.unitKindName });
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

/** Which of a workbook's sheets are ours from an earlier run. */
export function earlierResults(rubric: Rubric, sheetNames: readonly string[]): (name: string) => boolean {
  const info = LANGS.map((l) => resultSheetName({ kind: "info" }, l));
  if (!sheetNames.some((n) => info.includes(n))) return () => false;
  const exact = new Set<string>([...info, ...LEGACY_DETAIL]);
  for (const lang of LANGS) {
    for (const r of rubric.rankings) exact.add(resultSheetName({ kind: "ranking", id: r.id, name: r.name }, lang));
    for (const k of rubric.unitKinds) exact.add(resultSheetName({ kind: "detail", unitKind: k.id, unitKindName: k.name }, lang));
    exact.add(resultSheetName({ kind: "awards" }, lang));
  }
  const notes = LANGS.map((l) => resultSheetName({ kind: "notes", part: 1 }, l));
  return (name) => exact.has(name) || notes.some((d) => name === d || (name.startsWith(`${d} (`) && /^ \(\d+\)$/.test(name.slice(d.length))));
}
