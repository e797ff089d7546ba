// The page's form for a blank template (what `assess template` makes): a scheme chosen among the
// page's rubrics and the user's own, the year, the district, and the units list pasted from Excel
// or read from its file; checked as the command line checks them, and the workbook handed out.
// An office with no command line makes the form its units fill, as one with it does.
import { fileStamp } from "../report/day.js";
import { isTextLocation, type Diagnostic } from "../diagnostics/index.js";
import type { Lang } from "../messages/index.js";
import type { Rubric } from "../rubric/model.js";
import { buildTemplate, type TemplateUnit } from "../workbook/template.js";
import { isTemplateYear, typedYear, MAX_DISTRICT, MAX_UNITS_BYTES, rubricOfKinds, unitCounts, yearBeforeRubric } from "../workbook/template-request.js";
import { decodeUnitsFile, parseUnitsFile, unitsFileProblem, type BookUnits } from "../workbook/units-file.js";

type Say = (code: string, data?: Record<string, string | number>) => string;

/** A scheme to make the template of: a bundled one, or the user's own file (`own`: its name). */
export interface FormRubric {
  readonly rubric: Rubric;
  readonly own?: string;
}

export interface TemplateFormHost {
  readonly t: Say;
  readonly lang: () => Lang;
  /** The schemes to choose from (the user's own first, where loaded), and the one chosen at first. */
  readonly rubrics: () => { readonly all: readonly FormRubric[]; readonly preferred?: FormRubric };
  /** Problems listed as the page lists them. */
  readonly showDiagnostics: (diagnostics: readonly Diagnostic[], into: HTMLElement) => void;
  /**
   * Last year's assessment workbook given for the list: its units as a list's lines (name,kind,group);
   * `damaged`: the reader's problems with a workbook it cannot read at all (cut short, a password, .xls);
   * undefined where it is none that reads.
   */
  readonly unitsOfWorkbook?: (name: string, bytes: Uint8Array) => Promise<BookUnits | undefined>;
}

export interface TemplateForm {
  /**
   * The schemes and the form's words again (a rubric loaded or put aside, the language switched);
   * `relang`: the language was switched, and what the last press showed is shown again in it.
   */
  refresh(relang?: boolean): void;
  /** A units list dropped on the page: read into the form, which is opened. */
  takeList(file: File): Promise<void>;
}

/** A units list by its name (text saved from Excel, or typed). */
export function isListName(name: string): boolean {
  return /\.(?:csv|txt|tsv)$/i.test(name);
}

/**
 * Whether a text file is a sheet of the assessment workbook saved as CSV, not a units list: its
 * heading names the units' column (单位名称) beside item codes (JJ5 重点项目建设(30分), QY 区属国企)
 * or the ledger's 代码 and 状态, or it is the cover (方案编号). It is told it keeps one sheet, as
 * the command line tells it (it went into the units box, its 乡镇组 each an unknown kind); a list
 * of names alone, code-like or not (G2 京沪高速管理处), is a list.
 */
export async function isSheetCsv(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(head);
  } catch {
    // (Cut mid-character at 4 KB, or saved from Excel as GBK.)
    text = new TextDecoder("gb18030").decode(head);
  }
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "").slice(0, 3).map((l) => l.split(/[,\t]/).map((c) => c.trim().replace(/^"|"$/g, "").trim()));
  if (lines.some((cells) => cells.includes("方案编号") || cells.includes("方案版本"))) return true;
  const first = lines[0] ?? [];
  return first.some((c) => c.startsWith("单位")) && first.some((c) => c === "代码" || c === "状态" || /^[A-Z]{1,4}\d*(?:\.\d+)*(?:\s|\(|（|$)/.test(c));
}

/** A name for the file: the district and year (青山区2026.xlsx), or the scheme's id and year as the command line names it. */
function templateName(rubric: Rubric, district: string, year: string): string {
  const safe = district.replace(/[\\/:*?"<>|\s]/g, "");
  return safe ? `${safe}${year}.xlsx` : `${rubric.id}-${year}.xlsx`;
}

const keyOf = (r: FormRubric): string => `${r.own ?? ""}\n${r.rubric.id}\n${r.rubric.version}`;

/**
 * A user's own scheme's example units for the list: one made-up name (××镇, ××局) of each kind by
 * its shortest label, and the first with that label as a line may give it (××镇,镇). Undefined for the
 * page's own schemes, whose examples (城关镇, 区发展和改革局) are their words: a city's 市直部门
 * scheme was shown a district's towns.
 */
function ownExamples(r: FormRubric): { lines: string; withKind: string } | undefined {
  if (r.own === undefined) return undefined;
  // (By its shortest label, as a name ends: 镇 of 乡镇, 镇, 乡, 街道; 局 of 部门, 局.)
  const named = r.rubric.unitKinds.flatMap((k) => {
    const label = k.labels.reduce<string | undefined>((a, b) => (a === undefined || b.length < a.length ? b : a), undefined);
    return label ? [{ name: `××${label}`, label }] : [];
  });
  const first = named[0];
  return first ? { lines: named.map((n) => n.name).join("\n"), withKind: `${first.name},${first.label}` } : undefined;
}

/** The year a template is made for by default: this year, or the year a scheme not yet in force takes effect. */
function defaultYear(r: FormRubric | undefined, now: Date): string {
  const effective = Number(/^\d{4}/.exec(r?.rubric.effective ?? "")?.[0] ?? 0);
  return String(Math.max(now.getFullYear(), effective));
}

export function templateForm(doc: Document, host: TemplateFormHost): TemplateForm {
  const get = <T extends HTMLElement>(id: string): T => {
    const e = doc.getElementById(id);
    if (!e) throw new Error(`#${id} is missing from the page`);
    return e as T;
  };
  const box = get<HTMLDetailsElement>("template");
  const select = get<HTMLSelectElement>("template-rubric");
  const yearInput = get<HTMLInputElement>("template-year");
  const districtInput = get<HTMLInputElement>("template-district");
  const units = get<HTMLTextAreaElement>("template-units");
  const unitsLabel = get("template-units-label");
  const listInput = get<HTMLInputElement>("template-units-file");
  const make = get<HTMLButtonElement>("template-make");
  const status = get("template-status");
  const problems = get("template-problems");
  const download = get("template-download");
  const { t } = host;
  /** A list's problems at its lines as a clerk reads them (单位名单 第 3 行), not as an editor's line:column (单位名单:3:1). */
  const atLines = (diags: readonly Diagnostic[]): Diagnostic[] => diags.map((d) => (d.location && isTextLocation(d.location) ? { ...d, location: { file: t("web.template-list-line", { list: d.location.file, line: d.location.line }) } } : d));
  let choices: readonly FormRubric[] = [];
  /** The page's own scheme chosen last: chosen again when the user's own is put aside. */
  let lastBundled: string | undefined;
  /** The year the form put in itself (not typed): changed with the scheme chosen. */
  let givenYear: string | undefined;
  const noteBundled = (): void => {
    const r = choices[select.selectedIndex];
    if (r && r.own === undefined) lastBundled = keyOf(r);
    // The examples in the chosen scheme's words, and its year where it takes effect later.
    const mine = r ? ownExamples(r) : undefined;
    unitsLabel.textContent = t("web.template-units", { example: mine?.withKind ?? t("web.template-units-example") });
    units.placeholder = mine ? t("web.template-units-placeholder-own", { lines: mine.lines }) : t("web.template-units-placeholder");
    if (!yearInput.value || yearInput.value === givenYear) yearInput.value = givenYear = defaultYear(r, new Date());
  };
  /** The list's file, while the box holds its text as read: its lines are that file's. */
  let listFile: { name: string; text: string } | undefined;
  let url: string | undefined;
  let runs = 0;
  /** The last press showed something (a template made, or the list's problems), not since cleared. */
  let pressed = false;

  // (A template being made when the form changes is of the form as it was: not handed out.)
  const clearResult = (): void => {
    runs++;
    pressed = false;
    if (url) URL.revokeObjectURL(url);
    url = undefined;
    status.textContent = "";
    problems.replaceChildren();
    download.replaceChildren();
  };

  const refresh = (relang = false): void => {
    const again = relang && pressed;
    const { all, preferred } = host.rubrics();
    const before = choices[select.selectedIndex];
    // A rubric of the user's own loaded just now is chosen (it was loaded to be used); else the one
    // chosen stays chosen where it is still there; else the user's own, or the page's first.
    const loaded = all.find((r) => r.own !== undefined && !choices.some((c) => keyOf(c) === keyOf(r)));
    // (The user's own put aside: the page's scheme chosen before it.)
    const keep = loaded ?? (before && all.find((r) => keyOf(r) === keyOf(before))) ?? all.find((r) => keyOf(r) === lastBundled);
    choices = all;
    select.replaceChildren(
      ...all.map((r) => {
        const o = doc.createElement("option");
        const rubric = `${r.rubric.id} ${r.rubric.version}`;
        o.textContent = r.own !== undefined ? t("web.template-own", { title: r.rubric.title, rubric, file: r.own }) : t("web.template-bundled", { title: r.rubric.title, rubric });
        return o;
      }),
    );
    const chosen = keep ?? (preferred && all.find((r) => keyOf(r) === keyOf(preferred)));
    select.selectedIndex = chosen ? all.indexOf(chosen) : 0;
    noteBundled();
    districtInput.placeholder = t("web.template-district-placeholder");
    // What was made is in the other language: made again in this one, where a press showed it (its
    // list's problems, or the template to download, went without a word on the switch).
    clearResult();
    if (again) void run();
  };

  const takeList = async (file: File): Promise<void> => {
    box.open = true;
    clearResult();
    const fail = (d: Diagnostic): void => {
      status.textContent = t("web.template-list-unread", { file: file.name });
      host.showDiagnostics([d], problems);
    };
    if (file.size > MAX_UNITS_BYTES) return fail({ code: "units.too-large", severity: "error", data: { size: file.size, limit: MAX_UNITS_BYTES }, location: { file: file.name } });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      status.textContent = t("web.unreadable", { file: file.name });
      return;
    }
    const problem = unitsFileProblem(file.name, bytes);
    // Last year's assessment workbook: its units with their kinds and groups, into the box to check.
    const book = problem?.code === "units.is-workbook" ? await host.unitsOfWorkbook?.(file.name, bytes) : undefined;
    // One that cannot be read at all: said as the reader says it (not as a list to save as CSV).
    const damaged = book && "damaged" in book ? book.damaged[0] : undefined;
    if (damaged) return fail(damaged);
    const fromBook = book && "text" in book ? book : undefined;
    if (fromBook) {
      units.value = fromBook.text;
      // (Its problems are said at the box's lines, not at lines of the workbook, which has none.)
      listFile = undefined;
      // The scheme it was filled for, chosen where the page has it (the first one chosen read its groups as kinds).
      const same = choices.findIndex((c) => c.rubric.id === fromBook.rubric.id && c.rubric.version === fromBook.rubric.version);
      if (same >= 0) select.selectedIndex = same;
      status.textContent = t("web.template-list-from-workbook", { file: file.name, count: fromBook.count });
      return;
    }
    if (problem) return fail(problem);
    const text = decodeUnitsFile(bytes);
    units.value = text;
    // (As the box holds it: its line endings made \n.)
    listFile = { name: file.name, text: units.value };
    status.textContent = t("web.template-list-read", { file: file.name });
  };

  const run = async (): Promise<void> => {
    clearResult();
    const id = runs;
    const chosen = choices[select.selectedIndex];
    if (!chosen) return;
    const { rubric } = chosen;
    const year = typedYear(yearInput.value);
    if (!isTemplateYear(year)) {
      status.textContent = t("web.template-year", { value: yearInput.value.trim() });
      yearInput.focus();
      return;
    }
    const district = districtInput.value.trim();
    if (district.length > MAX_DISTRICT) {
      status.textContent = t("web.template-district-too-long", { length: district.length, max: MAX_DISTRICT });
      districtInput.focus();
      return;
    }
    const text = units.value;
    // Its lines are the file's while the box holds the file as read; else the box's own.
    const listName = listFile && listFile.text === text ? listFile.name : t("web.template-list-name");
    const said: Diagnostic[] = [];
    let list: TemplateUnit[] = [];
    if (text.trim() !== "") {
      const parsed = parseUnitsFile(listName, text, rubric);
      const errors = parsed.diagnostics.filter((d) => d.severity === "error").length;
      if (errors) {
        status.textContent = t("web.template-list-errors", { errors, list: listName });
        // Kinds of another scheme on the page (乡镇, 区直部门 under the district scheme): which to choose.
        const other = rubricOfKinds(listName, text, rubric, choices.filter((r) => r.own === undefined).map((r) => r.rubric), parsed.diagnostics);
        if (other) status.textContent += t("web.template-other-rubric", other);
        host.showDiagnostics(atLines(parsed.diagnostics), problems);
        pressed = true;
        return;
      }
      said.push(...parsed.diagnostics);
      list = parsed.units;
    }
    const early = yearBeforeRubric(rubric, year, "web.template-year-before-rubric");
    if (early) said.unshift(early);
    status.textContent = t("web.template-making");
    make.disabled = true;
    try {
      const now = new Date();
      const bytes = await buildTemplate(rubric, { year, district, units: list, lang: host.lang(), created: fileStamp(now) });
      if (id !== runs) return;
      const name = templateName(rubric, district, year);
      const a = doc.createElement("a");
      a.className = "download";
      a.textContent = t("web.template-download", { file: name });
      a.href = url = URL.createObjectURL(new Blob([bytes.slice()], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
      a.download = name;
      download.append(a);
      const counts = list.length ? unitCounts(t, rubric, list) : t("web.template-no-units");
      status.textContent = t("web.template-made", { file: name, rubric: `${rubric.id} ${rubric.version}`, units: counts });
      host.showDiagnostics(atLines(said), problems);
      pressed = true;
    } catch (e) {
      if (id === runs) status.textContent = t("internal.error", { detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    } finally {
      make.disabled = false;
    }
  };

  make.addEventListener("click", () => void run());
  // Enter in the year or the district makes it, as in a form.
  for (const input of [yearInput, districtInput])
    input.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" && !ev.isComposing) void run();
    });
  listInput.addEventListener("change", () => {
    const f = listInput.files?.[0];
    // Emptied, so that the same file chosen again (corrected meanwhile) is read again.
    listInput.value = "";
    if (f) void takeList(f);
  });
  // A changed choice or list: what was made is of the form as it was.
  for (const input of [select, yearInput, districtInput, units]) input.addEventListener("input", clearResult);
  select.addEventListener("change", noteBundled);
  refresh();
  return { refresh, takeList };
}
