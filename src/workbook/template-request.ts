// What making a template is asked with, checked the same wherever it is made (`assess template`,
// the browser page's form): the year, the district's name, the year against the scheme's, the
// units list read by kind, and which other bundled rubric a list's unknown kinds belong to.
import type { Diagnostic } from "../diagnostics/index.js";
import type { Rubric } from "../rubric/model.js";
import { normalizeWidth } from "../model/numbers.js";
import type { TemplateUnit } from "./template.js";
import { parseUnitsFile } from "./units-file.js";

/** Characters of a district's name at most (the longest names of a county-level district are about 15). */
export const MAX_DISTRICT = 100;

/** A units list's size at most (a county's 300 lines are some 10 KiB: larger is another file). */
export const MAX_UNITS_BYTES = 10 * 1024 * 1024;

/** A year a template is made for: four digits, 1990 to 2100. */
export function isTemplateYear(year: string): boolean {
  return /^\d{4}$/.test(year) && Number(year) >= 1990 && Number(year) <= 2100;
}

/** A year as typed (２０２６ with a Chinese input method, 2026年, 2026 年度): its digits. */
export function typedYear(text: string): string {
  return normalizeWidth(text).trim().replace(/\s*年度?$/, "");
}

/**
 * A year before the scheme took effect (2019 under a 办法 of 2026): said when the template is made,
 * as validate says it of the cover later, not once the form is filled. `code`: the message (the
 * page's names no option).
 */
export function yearBeforeRubric(rubric: Rubric, year: string, code = "template.year-before-rubric"): Diagnostic | undefined {
  const effective = Number(/^\d{4}/.exec(rubric.effective)?.[0] ?? Number.NaN);
  return Number(year) < effective ? { code, severity: "warning", data: { year, rubric: `${rubric.id} ${rubric.version}`, title: rubric.title, effective: rubric.effective } } : undefined;
}

type Say = (code: string, data?: Record<string, string | number>) => string;

/** How many units of each kind (each group's too) the units list gave: 单位名单共 300 个:乡镇(街道)220 个(乡镇组 175 个、街道组 45 个)、… */
export function unitCounts(t: Say, rubric: Rubric, units: readonly TemplateUnit[]): string {
  const kinds = rubric.unitKinds.flatMap((k) => {
    const of = units.filter((u) => u.kind === k.id);
    if (!of.length) return [];
    const groups = k.groups.flatMap((g) => {
      const n = of.filter((u) => u.group === g.id).length;
      return n ? [t("template.units-group", { group: g.name, count: n })] : [];
    });
    // Those whose group is to be chosen in the template (its name did not tell).
    const ungrouped = k.groups.length ? of.filter((u) => u.group === undefined).length : 0;
    if (ungrouped) groups.push(t("template.units-ungrouped", { count: ungrouped }));
    return [t(groups.length ? "template.units-kind-groups" : "template.units-kind", { kind: k.name, count: of.length, groups: groups.join(t("list.items")) })];
  });
  // Kinds parted as a list's parts: a kind's own name may hold 、 (镇、街道).
  return t("template.units-read", { count: units.length, kinds: kinds.join(t("list.parts")) });
}

/** Another rubric whose unit kinds a list's are: its id and title, and the kinds it knows. */
export type OtherRubric = {
  readonly kinds: string;
  readonly rubric: string;
  readonly other: string;
  readonly title: string;
};

/**
 * Where a units list's kinds are unknown to the rubric it was read under (`said`: what reading it
 * found), the one of `others` that knows most of them (more than half): its id and title, and the
 * kinds it knows; else undefined.
 */
export function rubricOfKinds(file: string, text: string, used: Rubric, others: readonly Rubric[], said: readonly Diagnostic[]): OtherRubric | undefined {
  const unknown = (ds: readonly Diagnostic[]): string[] => [...new Set(ds.filter((d) => d.code === "units.unknown-kind").map((d) => String(d.data.kind)))];
  const kinds = unknown(said);
  if (!kinds.length) return undefined;
  // The one that knows most of them, most of them at least (a list's 事业单位 that neither knows leaves 乡镇, 区直部门 the other's).
  let best: { known: string[]; rubric: Rubric } | undefined;
  for (const other of others) {
    if (other.id === used.id) continue;
    const still = new Set(unknown(parseUnitsFile(file, text, other).diagnostics));
    const known = kinds.filter((k) => !still.has(k));
    if (known.length * 2 > kinds.length && known.length > (best?.known.length ?? 0)) best = { known, rubric: other };
  }
  return best ? { kinds: best.known.slice(0, 3).join("、") + (best.known.length > 3 ? "…" : ""), rubric: used.id, other: best.rubric.id, title: best.rubric.title } : undefined;
}
