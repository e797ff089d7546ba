// The browser edition's page: a workbook (and optionally a rubric file) chosen or dropped; what
// `assess validate` says, or the rankings with a unit's explanation on click; the scored workbook,
// the September report and the JSON to download. The same core as the CLI does every step; the
// page only reads files, shows text and hands out downloads. Nothing leaves the browser.
import { loadWorkbook, type BundledRubric, type Loaded, type RubricLoad, type RubricSource } from "../load/index.js";
import { namedByFile } from "../load/file-name.js";
import { namedFor, resolveRubric, rubricFileName, saySame } from "../load/rubrics.js";
import { score } from "../engine/index.js";
import { LISTED_PER_KIND, lineParts, shorten, type Diagnostic } from "../diagnostics/index.js";
import { diagnosticsJson } from "../diagnostics/render.js";
import { forUnit, unitSummary } from "../diagnostics/for-unit.js";
import { message, type Lang } from "../messages/index.js";
import type { Rubric } from "../rubric/model.js";
import type { Results, UnitResult } from "../model/results.js";
import type { Submission } from "../model/submission.js";
import { formatPointsFixed } from "../model/numbers.js";
import { lineHeading, planOf, rankKey } from "../rubric/plan.js";
import { resultTables } from "../report/result-sheets.js";
import { keptSheetNames, notCarriedCode, scoredName, writeResultWorkbook } from "../report/result-file.js";
import { resultsJson } from "../report/json.js";
import { renderExplain, PLAIN } from "../report/explain-text.js";
import { awardsCell, awardsHeading, tableOutcomes, groupPlace, ledgerHeadings, mainRankings, marksPending, otherRankingsNote, rankRange, ranksMove, showsAwards, statusText, tieColumns, tieBreakNote, totalsMoving, unrankedNote, unrankedUnits, vacancyNote, weightsNote } from "../report/labels.js";
import { buildReport } from "../report/september/model.js";
import { FIRST_ROWS, HAN, KEEP_ROWS, KEPT_AMOUNT, KEPT_BRACKET, reportHtml } from "../report/september/html.js";
import { TOOL } from "../report/tool.js";
import { browserHost } from "./host.js";
import { isListName, isSheetCsv, templateForm } from "./template-form.js";
import { unitsOfBook } from "../workbook/units-file.js";
import { pageNumbers } from "../report/september/style.js";
import { textUnits } from "../model/width.js";

/** A column heading this short (in text units: six Chinese characters) is printed on one line. */
const SHORT_HEADING = 12;

/** A rubric file by its name (.yaml, .yml). */
function isRubricName(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** A workbook by its name (.xlsx, .xlsm, and a template saved as .xltx or .xltm). */
function isWorkbookName(name: string): boolean {
  return /\.xl[st][xm]$/i.test(name);
}

/** What the command line says in its own terms, said in the page's: a rubric is chosen here, not named with --rubric. */
function onThePage(d: Diagnostic): Diagnostic {
  const code = PAGE_WORDS[d.code];
  return code ? { ...d, code } : d;
}
const PAGE_WORDS: Readonly<Record<string, string>> = {
  "rubric.not-found": "web.rubric-not-found",
  "rubric.none-fits": "web.none-fits",
  "rubric.none-fits-cover": "web.none-fits-cover",
  "rubric.version-not-found": "web.rubric-version-not-found",
  "xlsx.rubric-file": "web.rubric-file",
  // No --rubric on the page: the cover to restore.
  "workbook.no-cover": "web.no-cover",
  "workbook.no-cover-own": "web.no-cover-own",
  "workbook.cover-blank-id": "web.cover-blank-id",
  "workbook.cover-blank-id-own": "web.cover-blank-id-own",
  // No --rubric on the page: a rubric file dropped with the workbook.
  "workbook.bundled-rubric-advice": "web.bundled-rubric-advice",
  // No `assess template` on a clerk's PC: the office's template to fill.
  "workbook.no-sheets-found": "web.no-sheets-found",
  "workbook.header-says-deducted": "web.header-says-deducted",
  "workbook.header-says-earned": "web.header-says-earned",
  "workbook.header-max-differs": "web.header-max-differs",
  "workbook.units-list": "web.units-list",
  // The units list of the page's template form: pasted from Excel, where the command line takes a CSV.
  "units.is-workbook": "web.units-is-workbook",
  // The later version is the file chosen here, not one beside the workbook.
  "rubric.newer-beside": "web.newer-chosen",
};

/** A bundled rubric as the build inlines it: the compiled rubric, ready to use. */
interface Inlined {
  readonly id: string;
  readonly version: string;
  readonly rubric: Rubric;
}

interface Scored {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly loaded: Loaded;
  readonly rubric: Rubric;
  readonly submission: Submission;
  readonly results: Results;
}

const $ = <T extends HTMLElement>(doc: Document, id: string): T => {
  const el = doc.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
};

/**
 * An awards cell's text with each amount and its 元, and each short bracket of Chinese, kept on one
 * line (3,000 at a line's end and 元 alone on the next; (省 / 级)), as the HTML report keeps them.
 */
const KEPT_TOGETHER = new RegExp(`${KEPT_BRACKET.source}|${KEPT_AMOUNT.source}`, "g");

function amountsKept(doc: Document, text: string): (string | HTMLElement)[] {
  const parts: (string | HTMLElement)[] = [];
  let at = 0;
  for (const m of text.matchAll(KEPT_TOGETHER)) {
    if (/^[(（]/.test(m[0]) && !HAN.test(m[0])) continue;
    if (m.index > at) parts.push(text.slice(at, m.index));
    const span = doc.createElement("span");
    span.className = "nb";
    span.textContent = m[0];
    parts.push(span);
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/** Yields to the browser so that a status line is painted before long work. */
const paint = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
/**
 * A frame drawn before going on (a timer alone may run before the next frame: the rankings shown
 * stayed undrawn while the downloads were made, the page still for seconds at 2,000 towns). Not
 * waited on past a tenth of a second: a tab out of sight draws no frames.
 */
const frameDrawn = (view: Window | null): Promise<void> =>
  new Promise((resolve) => {
    let done = false;
    const go = (): void => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    view?.requestAnimationFrame(go);
    setTimeout(go, 100);
  });

const LANG_KEY = "assess.lang";
/** Problems of one kind listed at a time when their hidden rest is opened. */
const MORE_PAGE = 1000;
/**
 * Problems behind the kinds' lines listed in full before the page prints, where no more than
 * this many in all: a printout handed to the units lists every cell (it listed 20 of 140 blanks).
 * A province's thousands stay counted, as on the screen.
 */
const PRINT_ALL_MAX = 3000;

/** The language kept by the switch, where the browser keeps anything for a page opened from a file. */
function keptLang(doc: Document): Lang | undefined {
  try {
    const kept = doc.defaultView?.localStorage.getItem(LANG_KEY);
    return kept === "zh-CN" || kept === "en" ? kept : undefined;
  } catch {
    // Storage refused (a browser's privacy setting): the browser's language.
    return undefined;
  }
}

function keepLang(doc: Document, lang: Lang): void {
  try {
    doc.defaultView?.localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Not kept: the switch still works for this visit.
  }
}

export function start(doc: Document): void {
  const inlined = JSON.parse($(doc, "assess-rubrics").textContent ?? "[]") as Inlined[];
  // The language chosen on the switch is kept for the next visit (a clerk who reads English reloads
  // the page); else the browser's.
  let lang: Lang = keptLang(doc) ?? (/^zh/i.test(doc.defaultView?.navigator.language ?? "zh") ? "zh-CN" : "en");
  let given: { name: string; load: RubricLoad } | undefined;
  /** The last rubric file refused, for a workbook that then asks for it. */
  let rejected: { name: string; diagnostics: readonly Diagnostic[] } | undefined;
  /**
   * The workbook last chosen, its bytes once read (a language switch or a rubric chosen scores
   * them again: the file on disk may have been saved over since), and whether it was no workbook
   * at all (a rubric chosen after it is not run on it).
   */
  let last: { file: File; bytes?: Uint8Array; unread?: boolean } | undefined;
  /** The latest run: a run that another has followed (a second file, a language switch) stops where it is. */
  let current = 0;
  const t = (code: string, data: Record<string, string | number> = {}): string => message(lang, code, data);

  const status = $(doc, "status");
  const out = $(doc, "output");
  const explainBox = $(doc, "explain");
  const announce = $(doc, "announce");
  const downloads = $(doc, "downloads");
  const say = (text: string): void => {
    status.textContent = text;
  };
  /** What the last drop said it did not read, after its outcome. */
  let noted = "";

  /** Every word of the page's own in the chosen language. */
  const words = (): void => {
    doc.documentElement.lang = lang;
    doc.title = t("web.title");
    for (const el of doc.querySelectorAll<HTMLElement>("[data-msg]")) el.textContent = t(el.dataset.msg ?? "");
    const button = $(doc, "lang");
    button.textContent = lang === "zh-CN" ? "English" : "中文";
    // Printed, each page numbered in this language (第 1 页,共 3 页), as the report's pages are.
    const footer = doc.getElementById("print-footer") ?? doc.head.appendChild(Object.assign(doc.createElement("style"), { id: "print-footer" }));
    footer.textContent = `@media print { @page { ${pageNumbers(t("report.footer"))} } }`;
    // Said in its own language by a screen reader.
    button.lang = lang === "zh-CN" ? "en" : "zh-CN";
    inUse();
  };
  /** The user's rubric file in use named beside the button that puts it aside (the picker, emptied, said no file chosen). */
  const inUse = (): void => {
    const r = given?.load.rubric;
    const named = doc.getElementById("rubric-in-use");
    if (!named) return;
    named.hidden = !r;
    named.textContent = r ? t("web.rubric-in-use", { file: given?.name ?? "", rubric: `${r.id} ${r.version}` }) : "";
  };

  // The user's own rubric is one more to choose from, as a file beside the workbook is on the
  // command line: a workbook is scored under the rubric its cover names (theirs where it names
  // theirs), never under theirs by mere choice.
  const source = (): RubricSource => {
    const mine = given?.load;
    return {
      bundled: [
        ...(mine?.rubric ? [{ id: mine.rubric.id, version: mine.rubric.version, own: given?.name ?? "", load: () => mine }] : []),
        ...inlined.map((r): BundledRubric => ({ id: r.id, version: r.version, load: () => ({ rubric: r.rubric, diagnostics: [] }) })),
      ],
    };
  };

  // The downloads of the last run, released when the next one starts.
  let urls: string[] = [];
  // The problems behind their kinds' lines on the page (each list's: a rubric's and a workbook's),
  // listed before printing where no more than PRINT_ALL_MAX in all.
  const hiddenRests: { readonly open: () => void; readonly count: number; readonly on: HTMLElement }[] = [];
  doc.defaultView?.addEventListener("beforeprint", () => {
    const shown = hiddenRests.filter((r) => r.on.isConnected);
    if (shown.reduce((n, r) => n + r.count, 0) > PRINT_ALL_MAX) return;
    for (const r of shown) r.open();
  });
  const clear = (): void => {
    for (const u of urls) URL.revokeObjectURL(u);
    urls = [];
    hiddenRests.length = 0;
    out.replaceChildren();
    explainBox.replaceChildren();
    announce.textContent = "";
    downloads.replaceChildren();
  };

  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] => {
    const e = doc.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };

  /** A choice of one unit whose problems alone are shown (all of them at first). */
  const unitPicker = (names: readonly string[], chosen: (unit: string) => void, initial?: string): HTMLElement => {
    const label = el("label", t("web.unit-pick"), "unit-pick");
    const select = el("select");
    select.id = "unit";
    select.append(el("option", t("web.unit-all")));
    (select.firstChild as HTMLOptionElement).value = "";
    for (const name of names) {
      const option = el("option", name);
      option.value = name;
      select.append(option);
    }
    select.addEventListener("change", () => chosen(select.value));
    label.append(" ", select);
    if (initial !== undefined && names.includes(initial)) {
      select.value = initial;
      chosen(initial);
    }
    return label;
  };

  /**
   * Problems as the command line says them, for a person reading a page: without the name of the
   * workbook on the page (`shown`; a rubric file's problems keep theirs), the code set apart.
   */
  const showDiagnostics = (diags: readonly Diagnostic[], into: HTMLElement, shown?: string): void => {
    if (!diags.length) return;
    const list = el("ul", undefined, "diagnostics");
    const parts = (d: Diagnostic): ReturnType<typeof lineParts> => lineParts(onThePage(d), lang, shown === undefined || d.location?.file !== shown);
    const item = (d: Diagnostic): HTMLLIElement => {
      const { where, what, code } = parts(d);
      const li = el("li", `${where}${what}`, d.severity === "error" ? "error" : "warning");
      // The space before the code outside it, where the line may break (a last character of the
      // message was carried to the next line with the code, alone).
      li.append(" ", el("span", `[${code}]`, "code"));
      return li;
    };
    // The first of each kind; the rest of a kind behind a line that counts them, listed when opened
    // (thousands of lines would freeze the page and bury the first ones).
    for (const x of shorten(diags, LISTED_PER_KIND, "web.more").items) {
      if ("d" in x) {
        list.append(item(x.d));
        continue;
      }
      const u = x.more;
      const more = el("details");
      const { where, what } = parts(u.summary);
      const summary = el("summary", `${where}${what}`);
      summary.append(el("span", t("web.more-click"), "screen-only"));
      // Printed while not listed, said so (a printout handed to the units read as the whole list).
      const unprinted = el("span", t("web.more-unprinted"), "print-only");
      summary.append(unprinted);
      more.append(summary);
      let rest: HTMLUListElement | undefined;
      let shown = 0;
      let button: HTMLButtonElement | undefined;
      let left: HTMLLIElement | undefined;
      // A page at a time, a button for the next (90,000 at once froze the page for 18 s); or all.
      const next = (all: boolean): void => {
        if (!rest) more.append((rest = el("ul", undefined, "diagnostics")));
        unprinted.remove();
        button?.remove();
        left?.remove();
        button = undefined;
        const end = all ? u.rest.length : Math.min(u.rest.length, shown + MORE_PAGE);
        for (; shown < end; shown++) rest.append(item(u.rest[shown] as Diagnostic));
        if (shown >= u.rest.length) return;
        // (For the screen: not printed; printed, how many are not.)
        const remaining = u.rest.length - shown;
        // The last of them: one count, not the same twice (再列出 505 处(还有 505 处)).
        const b = el("button", remaining > MORE_PAGE ? t("web.more-next", { count: MORE_PAGE, left: remaining }) : t("web.more-rest", { left: remaining }), "screen-only");
        b.type = "button";
        b.addEventListener("click", () => next(false));
        rest.append((button = b), (left = el("li", t("web.more-left-unprinted", { left: u.rest.length - shown }), "print-only")));
      };
      more.addEventListener("toggle", () => {
        if (more.open && !rest) next(false);
      });
      hiddenRests.push({
        on: more,
        count: u.rest.length,
        open: () => {
          next(true);
          more.open = true;
        },
      });
      const li = el("li", undefined, u.summary.severity === "error" ? "error" : "warning");
      li.append(more);
      list.append(li);
    }
    into.append(list);
  };

  const download = (label: string, name: string, parts: BlobPart[], type: string): void => {
    const a = el("a", label, "download");
    a.href = URL.createObjectURL(new Blob(parts, { type }));
    urls.push(a.href);
    a.download = name;
    // Drawn as a button, it answers a button's Space too (a link's scrolls the page).
    a.addEventListener("keydown", (ev) => {
      if (ev.key !== " ") return;
      ev.preventDefault();
      a.click();
    });
    downloads.append(a);
  };

  // The blank template's form: the page's rubrics and the user's own, the user's own chosen first.
  const form = templateForm(doc, {
    t,
    lang: () => lang,
    rubrics: () => {
      const mine = given?.load.rubric;
      const bundled = inlined.map((r) => ({ rubric: r.rubric }));
      // (Without one of the user's own, the one the command line makes a template of without --rubric.)
      const first = resolveRubric(source(), undefined, "").rubric;
      const preferred = mine && given ? { rubric: mine, own: given.name } : bundled.find((r) => r.rubric === first);
      return { all: [...(mine && given ? [{ rubric: mine, own: given.name }] : []), ...bundled], ...(preferred ? { preferred } : {}) };
    },
    showDiagnostics: (diagnostics, into) => showDiagnostics(diagnostics, into),
    unitsOfWorkbook: async (name, bytes) => {
      return unitsOfBook(await loadWorkbook({ file: name, bytes, rubrics: source(), host: browserHost }));
    },
  });

  const rankingTable = (s: Scored, rankingId: string): HTMLElement => {
    const r = s.results.rankings.find((x) => x.id === rankingId);
    const section = el("section", undefined, "ranking");
    if (!r) return section;
    // Reached from the links above the problems (a keyboard tabbed through them, and 2,000 names, to get here).
    section.id = `ranking-${s.results.rankings.indexOf(r)}`;
    const kind = s.rubric.unitKinds.find((k) => k.id === r.unitKind);
    const lines = planOf(s.rubric, r.unitKind)?.lines.map((l) => l.line) ?? [];
    // Each unit's place in its group, on a ranking of the whole kind (a group's own ranking is one).
    const groups = r.group === undefined ? s.results.rankings.filter((x) => x.unitKind === r.unitKind && x.group !== undefined && x.by === r.by) : [];
    section.append(el("h2", r.name));
    const heads = ledgerHeadings(s.rubric, r.unitKind, lang);
    const table = el("table");
    // Named by its ranking, as its heading above it says.
    table.setAttribute("aria-label", r.name);
    const head = el("tr");
    const isTotal = r.by === "total";
    const awarding = showsAwards(s.rubric, r);
    // While claims are pending that could move a rank here: where each unit could end, as the terminal and the result sheets say.
    const moving = ranksMove(s.results, r);
    // The tie-breakers shown nowhere else, each a column, as in the terminal and the ranking sheet.
    const ties = tieColumns(s.rubric, r, lang);
    // Ranked by a line or an item: its points alone, as the terminal shows them.
    const cols = [
      t("out.rank"),
      ...(moving ? [t("out.rank-range")] : []),
      t("out.unit"),
      ...(groups.length ? [t("out.group-rank")] : []),
      ...(isTotal ? [...lines.map((l) => lineHeading(kind, l)), ...heads.map(([, head]) => head), t("out.total")] : [rankKey(s.rubric, r.unitKind, r.by)?.name ?? r.by]),
      ...ties.map((c) => c.heading),
      ...(awarding ? [awardsHeading(s.rubric, r, lang)] : []),
    ];
    // A short heading kept on one line when printed (人口计生/线 left 线 alone); a long one wraps.
    // (The unit's heading pinned with its names, where a narrow window scrolls the table sideways.)
    const nameHead = moving ? 2 : 1;
    cols.forEach((c, i) => head.append(el("th", c, [textUnits(c) <= SHORT_HEADING ? "short" : "", i === nameHead ? "name" : ""].filter(Boolean).join(" ") || undefined)));
    table.append(el("thead"));
    table.tHead?.append(head);
    const body = el("tbody");
    for (const e of r.entries) {
      const u = s.results.units[e.unit];
      if (!u) continue;
      const tr = el("tr", undefined, u.vetoed ? "vetoed" : undefined);
      // Its place in its group, and where claims could take it there, as the terminal says it.
      const groupRank = (x: UnitResult): string => groupPlace(x, groups.find((y) => y.group === x.group)?.id, kind?.groups.find((k) => k.id === x.group)?.name ?? "", lang);
      const name = el("button", u.name, "unit");
      name.type = "button";
      name.addEventListener("click", () => explain(s, e.unit, true, name));
      const cells: (string | HTMLElement)[] = [
        e.rank === null ? statusText(u, lang) : String(e.rank),
        ...(moving ? [String(rankRange(u, r.id))] : []),
        name,
        ...(groups.length ? [groupRank(u)] : []),
        // Two decimals, as the sheets and the report show points: a column's decimal points line up.
        ...(isTotal ? [...lines.map((l) => formatPointsFixed(u.subtotals[l.code] ?? 0)), ...heads.map(([key]) => formatPointsFixed(u[key])), formatPointsFixed(u.total)] : [formatPointsFixed(e.value)]),
        ...ties.map((c) => formatPointsFixed(c.points(u))),
        // Awards pending claims could still change: marked, as in the terminal and the result sheets.
        // By the total: every award of the unit; by a line or an item, this ranking's own.
        ...(awarding ? [awardsCell(u, lang, r.id, !isTotal)] : []),
      ];
      // The unit's name and its awards read left to right; the numbers align right.
      cells.forEach((c, i) => {
        const awards = awarding && i === cells.length - 1;
        const td = el("td", undefined, i === nameHead ? "name" : awards ? "awards" : undefined);
        if (awards && typeof c === "string") td.append(...amountsKept(doc, c));
        else td.append(c);
        tr.append(td);
      });
      body.append(tr);
    }
    // Printed over pages, a long table's first rows go with its heading (never the heading and a row
    // or two at a page's foot), as the report's do.
    // A short one is printed whole, on the next page where this one has no room for it.
    if (body.rows.length > KEEP_ROWS) {
      const first = el("tbody", undefined, "first-rows");
      for (let i = 0; i < FIRST_ROWS; i++) if (body.firstElementChild) first.append(body.firstElementChild);
      table.append(first);
    } else section.classList.add("keep");
    table.append(body);
    section.append(table);
    // How the weighted lines' columns make the total, as the terminal says it.
    const weighted = isTotal ? weightsNote(s.rubric, r.unitKind, lang) : "";
    if (weighted) section.append(el("p", weighted, "note"));
    // Units level on what it ranks by ranked apart: by what, as the terminal says it.
    const broken = tieBreakNote(s.rubric, r, lang, "table.tie-note");
    if (broken) section.append(el("p", broken, "note"));
    // The prizes nobody holds, with why, as the terminal says it.
    const vacant = vacancyNote(s.rubric, s.results, r, lang);
    if (vacant) section.append(el("p", vacant, "note"));
    // What the range and the marks mean, under a table that shows either, as the terminal says it.
    // The rank range said only where the table shows one (its own, or a group's in 组内名次).
    const ranges = moving || groups.some((g) => ranksMove(s.results, g));
    // (Marks in its awards column, as shown there: by a line or an item, this ranking's own.)
    const marked = (): boolean =>
      awarding &&
      r.entries.some((e) => {
        const u = s.results.units[e.unit];
        return u !== undefined && marksPending(u, r.id, !isTotal);
      });
    // Totals alone that may move (no rank, no award): whose, and where to.
    const totals = s.results.pendingRows > 0 && !ranges && !marked() ? totalsMoving(s.results, r, lang, formatPointsFixed) : undefined;
    if (s.results.pendingRows > 0 && (ranges || marked() || totals)) {
      // What clicking shows is for the screen: not printed.
      const what = tableOutcomes(s.rubric, r);
      const note = el("p", totals ? t("web.pending-totals", { units: totals.units, n: totals.n, what }) : t(ranges ? (marked() ? "web.pending" : awarding ? "web.pending-settled" : "web.pending-ranks") : "web.pending-marks", { what }), "note");
      note.append(el("span", t("web.pending-click"), "screen-only"));
      section.append(note);
    }
    // Its heading and the notes under it kept in view while the table scrolls sideways (they were
    // read in halves, their left part past the edge). Moved, not laid out again: each is as wide as
    // the box it scrolls in.
    section.addEventListener(
      "scroll",
      () => {
        const x = section.scrollLeft;
        for (const kept of section.querySelectorAll<HTMLElement>(":scope > h2, :scope > p.note")) kept.style.transform = x ? `translateX(${x}px)` : "";
      },
      { passive: true },
    );
    return section;
  };

  // The unit explained last, explained again when the page changes language.
  let explained: string | undefined;
  /**
   * The explanation as the terminal prints it, each line a block of its own whose wrapped lines go on
   * under its text, past its indent (at a narrow window, an item's wrapped reason ran back to the
   * left edge, and the tree of items could not be followed). Its text is the terminal's, line for line.
   */
  const explainLines = (text: string): HTMLPreElement => {
    const pre = el("pre");
    const lines = text.split("\n");
    lines.forEach((line, i) => {
      const span = el("span", i < lines.length - 1 ? `${line}\n` : line, "line");
      const indent = line.length - line.trimStart().length;
      // (Set through the style object: the page's policy allows no style written in its markup.)
      span.style.paddingLeft = `${indent + 2}ch`;
      span.style.textIndent = `-${indent + 2}ch`;
      pre.append(span);
    });
    return pre;
  };

  // The unit whose problems alone a workbook with problems shows, chosen again when the page changes language.
  let picked: string | undefined;
  // (`scroll`: brought into view when asked for; not when shown again, in another language or
  // under another rubric: the page stays where it was.)
  const explain = (s: Scored, index: number, scroll = true, from?: HTMLElement): void => {
    explained = s.results.units[index]?.name;
    const heading = el("h2", t("web.explain"));
    heading.tabIndex = -1;
    explainBox.replaceChildren(heading, explainLines(renderExplain({ lang, t }, PLAIN, s.rubric, s.submission, s.results, index)));
    // Back to the unit's button in its ranking (Tab goes on from there to the next unit); shown
    // again in the other language, the button of its name in the rankings shown now.
    const button = from ?? [...out.querySelectorAll<HTMLElement>("button.unit")].find((b) => b.textContent === explained);
    if (button) {
      // (A unit no ranking ranks: back to its name beside the note that says so.)
      const ranked = button.closest("section.ranking") !== null;
      const back = el("button", t(ranked ? "web.explain-back" : "web.explain-back-unranked", { unit: explained ?? "" }), "screen-only");
      back.type = "button";
      back.addEventListener("click", () => button.focus());
      explainBox.append(back);
    }
    if (!scroll) return;
    // The focus goes with the page to what is shown (a magnifier following it looked at a button scrolled away).
    heading.focus({ preventScroll: true });
    explainBox.scrollIntoView({ block: "nearest" });
    // Said to a screen reader where it went.
    // (The same unit again: told again, its words made to differ by a space nobody sees, or a reader says nothing.)
    const said = t("web.explain-shown", { unit: explained ?? "" });
    announce.textContent = announce.textContent === said ? `${said}\u00a0` : said;
  };

  /**
   * Each ranking wider than the window a stop for the keyboard, its arrow keys scrolling it; the
   * others not, their heading rows kept in view (`fits`), and what the keyboard's focus goes to
   * brought into view below the tallest of them.
   */
  const scrollable = (): void => {
    let heading = 0;
    const sections = [...out.querySelectorAll<HTMLElement>("section.ranking")];
    // Measured as each would fit (a phone's wider awards column is for a ranking that does not):
    // all set first, then all measured, then all set again, then the headings measured — the page
    // laid out twice in all (once for each ranking, twice over, took a second at 2,000 towns).
    for (const section of sections) section.classList.add("fits");
    const wides = sections.map((section) => section.scrollWidth > section.clientWidth);
    sections.forEach((section, i) => section.classList.toggle("fits", !wides[i]));
    sections.forEach((section, i) => {
      if (!wides[i]) heading = Math.max(heading, section.querySelector("thead")?.getBoundingClientRect().height ?? 0);
    });
    sections.forEach((section, i) => {
      const wide = wides[i] === true;
      if (wide === (section.tabIndex === 0)) return;
      if (wide) {
        section.tabIndex = 0;
        section.setAttribute("role", "region");
        section.setAttribute("aria-label", section.querySelector("h2")?.textContent ?? "");
      } else {
        section.removeAttribute("tabindex");
        section.removeAttribute("role");
        section.removeAttribute("aria-label");
      }
    });
    doc.documentElement.style.scrollPaddingTop = heading ? `${Math.ceil(heading) + 8}px` : "";
  };
  doc.defaultView?.addEventListener("resize", scrollable);

  /**
   * A workbook's problems, and a choice of one unit whose problems alone are shown, as validate
   * --unit gives them (a unit checking its own rows in the district's form, the others' still
   * blank; or its warnings in a workbook that scores). The unit chosen before (`picked`: the page
   * shown again in the other language) is chosen again.
   */
  const showProblems = (diagnostics: readonly Diagnostic[], names: readonly string[], file: string): void => {
    const list = el("div");
    if (names.length > 1 && diagnostics.length > 0)
      out.append(
        unitPicker(
          names,
          (chosen) => {
            picked = chosen === "" ? undefined : chosen;
            list.replaceChildren();
            if (chosen === "") return showDiagnostics(diagnostics, list, file);
            const mine = forUnit(diagnostics, chosen, names, file);
            const line = unitSummary(t, chosen, mine, true);
            list.append(el("p", line, "unit-counts"));
            // Said to a screen reader too: the list under the choice changed.
            announce.textContent = line;
            showDiagnostics(mine.shown, list, file);
          },
          picked,
        ),
      );
    out.append(list);
    if (!list.hasChildNodes()) showDiagnostics(diagnostics, list, file);
  };

  const showScored = async (s: Scored, live: () => boolean): Promise<void> => {
    // (A blank year or district, which the sheets and the report offered below would go without, is among the diagnostics, as the command line says it.)
    const model = buildReport(s.rubric, s.results, { lang, cover: s.submission.cover, date: new Date(), tool: TOOL });
    // What was scored, for the printed page (the screen has the status line above).
    out.append(el("h2", model.title, "print-only"));
    // And the day it was scored (a copy printed for a leader went undated).
    out.append(el("p", model.dateLine, "print-only dated"));
    // And from what: two printouts of a workbook revised read alike (the status line is not printed).
    out.append(el("p", t("web.printed-from", { file: s.file, rubric: `${s.rubric.id} ${s.rubric.version}` }), "print-only dated"));
    // Links to each ranking shown, above the problems: a keyboard reaches a ranking without tabbing
    // through every problem and every unit of the ones before it.
    const jump = el("nav", undefined, "jump");
    jump.setAttribute("aria-label", t("web.jump"));
    jump.append(el("span", t("web.jump")));
    out.append(jump);
    showProblems(s.loaded.diagnostics, s.loaded.unitNames ?? [], s.file);
    // Each kind's main ranking (by the total where it has one; each group's where it is ranked
    // only in groups), as the terminal shows them.
    for (const kind of s.rubric.unitKinds) {
      for (const r of mainRankings(s.results, kind.id)) {
        const section = rankingTable(s, r.id);
        out.append(section);
        const link = el("a", r.name);
        link.setAttribute("href", `#${section.id}`);
        jump.append(link);
      }
      // A kind no ranking ranks: said where its table would be, with its units' names to explain
      // (a kindergarten's clerk could not see its own points: only ranked names were buttons).
      const note = unrankedNote(s.results, kind, lang);
      if (note) {
        const para = el("p", note, "note");
        for (const i of unrankedUnits(s.results, kind.id)) {
          const name = el("button", s.results.units[i]?.name ?? "", "unit");
          name.type = "button";
          name.addEventListener("click", () => explain(s, i, true, name));
          para.append(" ", name);
        }
        out.append(para);
      }
    }
    const others = otherRankingsNote(s.results, s.rubric.unitKinds, lang);
    if (others) out.append(el("p", others, "note"));
    // The first ranking printed goes on under the title, whatever its length: kept whole, a table a
    // little taller than the rest of the first page left that page blank but for the title.
    out.querySelector("section.ranking")?.classList.remove("keep");
    scrollable();
    // The rankings drawn before the downloads are made (a province's workbook takes seconds): the
    // clerk reads them meanwhile, told what is still coming.
    say(t("web.preparing-downloads"));
    await frameDrawn(doc.defaultView);
    if (!live()) return;
    // The file's name without its extension, whatever it is (a template's .xltx), as the command line names them.
    const base = s.file.replace(/(.)\.[^.]*$/, "$1");
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    const reader = s.loaded.workbookReader;
    // (Named as it is offered for download: scored again from the command line onto a copy kept under
    // another name, the copy is told apart.)
    const tables = resultTables(s.rubric, s.submission, s.results, lang, TOOL, { kept: reader ? keptSheetNames(reader.sheets, s.loaded.earlier) : [], scoredOn: new Date(), output: scoredName(s.file) });
    const written = await writeResultWorkbook((b) => chunks.push(b.slice()), browserHost, tables, {
      lang,
      tool: TOOL,
      units: s.results.units.length,
      ...(reader ? { source: { pkg: reader.pkg, earlier: s.loaded.earlier ?? (() => false), selected: s.loaded.selected ?? [] } } : {}),
    });
    if (!live()) return;
    // Its own sheets not carried (a macro-enabled workbook, say): said as the command line says it, as a
    // warning first under the downloads (the clerk got the results' sheets alone, unsaid; then it stood at
    // the page's foot, under every ranking).
    if (written.notCarried) {
      const list = el("ul", "", "diagnostics");
      list.append(el("li", t(notCarriedCode(written.notCarried, s.file)), "warning carried"));
      out.prepend(list);
    }
    download(t("web.download.scored"), scoredName(s.file), chunks, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    // Named as the rubric names its report (the bundled scheme's 九月排名报告).
    download(t("web.download.report", { name: model.subtitle }), `${base}.report.html`, [reportHtml(model)], "text/html");
    // As the command line's score --json: with the cover and the workbook's warnings.
    download(t("web.download.json"), `${base}.json`, [resultsJson(s.results, { rubric: s.rubric, cover: s.submission.cover, warnings: diagnosticsJson(s.loaded.diagnostics, lang) }) + "\n"], "application/json");
  };

  /** The line above a refused rubric's problems, where it is on the page. */
  let rejectedNotice: HTMLElement | undefined;
  /** The refused rubric's line and its problems, on top of whatever the page shows (they stay until another is chosen). */
  const showRejected = (): void => {
    rejectedNotice = undefined;
    if (!rejected) return;
    rejectedNotice = el("p", rejectedLine(rejected.name), "notice");
    out.append(rejectedNotice);
    showDiagnostics(rejected.diagnostics, out);
  };
  /**
   * The warnings of the user's own rubric (a prize no place can win, a quota that limits no one), as
   * `rubric check` says them, above whatever the page shows while it is loaded: the page is the only
   * rubric check a clerk without a command line has (it said 已载入方案 and scored).
   */
  const showAdvice = (): void => {
    const advice = given?.load.advice ?? [];
    if (!given || !advice.length) return;
    out.append(el("p", t("web.rubric-advice", { file: given.name, count: advice.length }), "notice"));
    showDiagnostics(advice, out);
  };
  /** A refused rubric is not used: the bundled rubrics are, and the user's earlier valid one if any. */
  const rejectedLine = (file: string): string => {
    const kept = given?.load.rubric;
    return kept ? t("web.rubric-invalid-kept", { file, rubric: `${kept.id} ${kept.version}` }) : t("web.rubric-invalid", { file });
  };

  /**
   * A rubric chosen just now in place of an earlier one of its id and version (a corrected file):
   * said with the workbook on the page scored again, as scoring it (`used`) or, where its cover
   * names another scheme, as scoring those that name it from now on (`unused`).
   */
  let replacedSaid: { readonly used: string; readonly unused: string } | undefined;

  /**
   * Reads, validates and scores `file`; `again`: the unit to explain once it is scored (a language
   * switch); `note`: said after the outcome (files dropped but not read); `keep`: the unit whose
   * problems alone were shown (a language switch keeps the choice); `held`: its bytes, read before.
   */
  const run = async (file: File, again?: string, note = "", keep?: string, held?: Uint8Array): Promise<void> => {
    picked = keep;
    const replacing = replacedSaid;
    replacedSaid = undefined;
    // A rubric chosen (or dropped) where the workbook goes is taken for what it is.
    if (isRubricName(file.name)) {
      await takeRubric(file);
      return;
    }
    const id = ++current;
    const live = (): boolean => id === current;
    // (Its bytes kept from the start: a second switch while this one runs scores them too.)
    last = held ? { file, bytes: held } : { file };
    // Remembered until it is explained again (a second language switch before the first is done keeps it).
    explained = again;
    clear();
    showRejected();
    showAdvice();
    say(t("web.reading", { file: file.name }));
    await paint();
    if (!live()) return;
    let bytes: Uint8Array;
    try {
      bytes = held ?? new Uint8Array(await file.arrayBuffer());
      if (live()) last = { file, bytes };
    } catch {
      // Changed, moved or deleted on disk between its choice and its reading: choose it again.
      if (live()) say(t("web.unreadable", { file: file.name }) + note);
      return;
    }
    if (!live()) return;
    try {
      // A lock file or a WPS .et said as the command line says it (by its name: the page cannot
      // look beside it for the workbook it locks).
      const loaded = namedByFile(file.name, await loadWorkbook({
        file: file.name,
        bytes,
        rubrics: source(),
        host: browserHost,
        // Each sheet's news is painted before the sheet is read (a province takes seconds here).
        progress: async (code, data) => {
          if (!live()) return;
          say(t(code, data));
          await paint();
        },
      }));
      if (!live()) return;
      const { rubric, submission } = loaded;
      if (!rubric || !submission) {
        // Asking for a rubric the user gave and we refused (by its file's name, ID-VERSION.yaml, or a
        // name that says nothing): its problems again, first. A refused file named for another
        // rubric is not blamed for this one.
        const refused = rejected;
        const asked = loaded.diagnostics.find((d) => d.code === "rubric.not-found" || d.code === "rubric.version-not-found");
        const named = (name: string): boolean => rubricFileName(name) === undefined || namedFor(name, String(asked?.data.id ?? ""), String(asked?.data.version ?? ""));
        // (Its problems are on the page already, above the workbook's.)
        if (refused && asked && named(refused.name)) {
          // Not scored: said as that (the refused file's line is above), and the cover's asking is
          // for that very file, to mend, not to fetch and choose again.
          say(t("web.rubric-invalid-not-scored", { file: refused.name, workbook: file.name }) + note);
          // Nor is it the bundled rubrics that are used, as the line above its problems said: nothing is.
          // (Where its file's name says it is that rubric: a name that says nothing may be another's.)
          const exact = rubricFileName(refused.name) !== undefined;
          if (rejectedNotice) rejectedNotice.textContent = t(exact ? "web.rubric-invalid-needed" : "web.rubric-invalid-maybe-needed", { file: refused.name });
          // A name that says nothing (方案.yaml): that file to mend if it is that rubric, else the file to ask
          // for (asking alone sent a clerk for the very file they had just chosen).
          const rubric = `${asked.data.id ?? ""} ${asked.data.version ?? ""}`.trim();
          const mend = (d: Diagnostic): Diagnostic => (d === asked ? { ...d, code: exact ? "web.rubric-asked-invalid" : "web.rubric-asked-maybe-invalid", data: { ...d.data, rubric, file: refused.name } } : d);
          showDiagnostics(loaded.diagnostics.map(mend), out, file.name);
          return;
        }
        // The user's own rubric is of the scheme the cover names, in another version (a revision
        // saved under the old name, or the cover not brought up to date): said so, not asked for again.
        // One named as the cover names its rubric but of another scheme inside: said what it is.
        const mine = given?.load.rubric;
        const sameScheme = asked && mine && asked.data.id === mine.id && asked.data.version !== mine.version;
        const namedForIt = asked && mine && given && namedFor(given.name, String(asked.data.id ?? ""), String(asked.data.version ?? "")) && asked.data.id !== mine.id;
        const said = (d: Diagnostic): Diagnostic =>
          d !== asked || !given || !mine
            ? d
            : sameScheme
              ? { ...d, code: "web.rubric-chosen-other", data: { file: given.name, id: mine.id, chosen: mine.version, version: asked.data.version ?? "" } }
              : namedForIt
                ? { ...d, code: "web.rubric-chosen-says-other", data: { file: given.name, says: `${mine.id} ${mine.version}`, cover: `${asked.data.id ?? ""} ${asked.data.version ?? ""}`.trim() } }
                : d;
        const diagnostics = loaded.diagnostics.map(said);
        const errors = diagnostics.filter((d) => d.severity === "error").length;
        // Not a workbook at all (a text file, an .xls, an empty file): said as that, not as errors to correct.
        const unread = errors > 0 && diagnostics.every((d) => d.code.startsWith("xlsx.") || d.code.startsWith("file.") || d.code.startsWith("web.rubric-file"));
        if (unread && live()) last = { file, bytes, unread };
        // Its only error the rubric its cover names, not on the page: a file to choose, nothing in it to correct.
        // (A version it names, not on the page: its file to choose, or the cover's version a slip to correct, as said below.)
        // (As said below: a rubric chosen of another version, or of another scheme under the cover's name, too.)
        const askedSaid = asked ? diagnostics[loaded.diagnostics.indexOf(asked)] : undefined;
        const rubricOnly = askedSaid !== undefined && diagnostics.every((d) => d.severity !== "error" || d === askedSaid);
        const needs = asked?.code === "rubric.not-found" && askedSaid?.code !== "web.rubric-chosen-other" ? "web.needs-rubric" : "web.needs-rubric-version";
        say((unread ? t("web.unread", { file: file.name }) : rubricOnly ? t(needs, { file: file.name }) : t("web.invalid", { file: file.name, errors, warnings: diagnostics.length - errors })) + note);
        showProblems(diagnostics, unread ? [] : (loaded.unitNames ?? []), file.name);
        // Why it is no workbook, said to a screen reader after the line ending in a colon (the list is not read out by itself).
        if (unread && live()) announce.textContent = [...out.querySelectorAll("ul.diagnostics li")].map((li) => li.textContent ?? "").join(" ");
        return;
      }
      say(t("progress.scoring"));
      await paint();
      if (!live()) return;
      const results = score(rubric, submission);
      const scored: Scored = { file: file.name, bytes, loaded, rubric, submission, results };
      await showScored(scored, live);
      const unit = again === undefined ? -1 : results.units.findIndex((u) => u.name === again);
      if (live() && unit >= 0) explain(scored, unit, false);
      // A rubric of the user's own that this workbook's cover does not name: said, not left to be taken for the one used.
      const mine = given?.load.rubric;
      const notUsed = mine && (mine.id !== rubric.id || mine.version !== rubric.version) ? t("web.rubric-not-used", { mine: `${mine.id} ${mine.version}`, used: `${rubric.id} ${rubric.version}` }) : "";
      const refusedToo = rejected ? t("web.rubric-invalid-above", { file: rejected.name }) : "";
      // (What a rubric chosen just now replaced, said as what it does here: not "scored under it
      // now" beside "not used".)
      const replaced = replacing ? (notUsed ? replacing.unused : replacing.used) : "";
      if (live()) say(t("web.scored", { file: file.name, units: results.units.length, rubric: `${rubric.id} ${rubric.version}` }) + notUsed + refusedToo + replaced + note);
    } catch (e) {
      if (live()) say(t("internal.error", { detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }));
    }
  };

  /** A units list (单位名单.csv), chosen or dropped: into the blank template's form, opened and shown. */
  const toForm = (list: File): Promise<void> => form.takeList(list).then(() => $(doc, "template").scrollIntoView());
  const input = $<HTMLInputElement>(doc, "workbook");
  input.addEventListener("change", () => {
    const f = input.files?.[0];
    // Emptied, so that the same file chosen again (corrected in Excel meanwhile) runs again.
    input.value = "";
    // A units list (单位名单.csv) chosen here goes to the blank template's form, as one dropped does
    // (it was told a CSV keeps one sheet of a workbook).
    // (One sheet of the workbook saved as CSV is no list: said so, as a workbook chosen.)
    if (!f) return;
    void (async () => {
      if (isListName(f.name) && !(await isSheetCsv(f))) await toForm(f);
      else await run(f);
    })();
  });
  // A file dropped anywhere on the page is taken (the box is scrolled out of view under a long
  // result); the box shows it is welcome while a file is over the page.
  const drop = $(doc, "drop");
  doc.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
  doc.addEventListener("dragleave", (e) => {
    // Out of the window (not merely from one element to another).
    if (!e.relatedTarget) drop.classList.remove("over");
  });
  doc.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    // A workbook, a rubric, or both at once: the rubric is taken first, then the workbook scored
    // (under the bundled rubrics where the rubric is not valid: its problems stay on top). One of
    // each (a workbook by its name first: a document dropped with it is not taken for it); any
    // more are said not to be read.
    const all = [...(e.dataTransfer?.files ?? [])];
    // A units list (单位名单.csv) goes to the blank template's form, opened for it.
    const lists = all.filter((f) => isListName(f.name));
    void (async () => {
      // (One sheet of the workbook saved as CSV is no list: said so, as a workbook dropped.)
      const sheets = new Set<File>();
      for (const f of lists) if (await isSheetCsv(f)) sheets.add(f);
      const list = lists.find((f) => !sheets.has(f));
      const files = all.filter((f) => f !== list);
      const rubricFile = files.find((f) => isRubricName(f.name));
      // A second list is no workbook: said not read as a list (it was read as a workbook, its error
      // in place of the results; then named among the workbooks not read).
      const isList = (f: File): boolean => isListName(f.name) && !sheets.has(f);
      const others = files.filter((f) => f !== rubricFile && !isRubricName(f.name) && !isList(f));
      const workbook = others.find((f) => isWorkbookName(f.name)) ?? others[0];
      const unread = files.filter((f) => f !== rubricFile && f !== workbook && !isList(f)).map((f) => f.name);
      const moreLists = files.filter(isList).map((f) => f.name);
      const note = (unread.length ? t("web.one-at-a-time", { files: unread.join("、") }) : "") + (moreLists.length ? t("web.one-list-at-a-time", { files: moreLists.join("、") }) : "");
      // What an earlier drop left unread is not said after this one (it stood after a list dropped alone).
      if (noted && status.textContent?.endsWith(noted)) say(status.textContent.slice(0, -noted.length));
      noted = note;
      if (rubricFile) await takeRubric(rubricFile, workbook === undefined);
      // The list after the rubric: taking a rubric makes the template's form afresh, its status too
      // (the list's note was gone, the list in the box unsaid).
      if (list) void toForm(list);
      if (workbook) await run(workbook, undefined, note);
      else if (note) say(status.textContent + note);
    })();
  });

  /**
   * A rubric file of the user's own: loaded, and the last workbook scored again under it (`rerun`);
   * one that is not valid says why and is not used (the bundled rubrics stay).
   */
  const takeRubric = async (f: File, rerun = true): Promise<boolean> => {
    const bytes = new Uint8Array(await f.arrayBuffer());
    const { loadRubric } = await import("../rubric/load.js");
    const load = loadRubric(f.name, bytes, await browserHost.sha256(bytes));
    // Not used: the workbook on the page stays scored as it was, under the rubrics in use (an
    // earlier valid one of the user's own too), with this one's problems on top.
    const refuse = async (diagnostics: readonly Diagnostic[]): Promise<false> => {
      rejected = { name: f.name, diagnostics };
      // The picker no longer shows a file that is not in use.
      rubricInput.value = "";
      if (rerun && last && !last.unread) {
        await run(last.file, explained, "", undefined, last.bytes);
        return false;
      }
      // A file that was no workbook is no longer on the page (a language switch would bring it back).
      if (last?.unread) last = undefined;
      clear();
      say(rejectedLine(f.name));
      showDiagnostics(diagnostics, out);
      return false;
    };
    if (!load.rubric) return refuse(load.diagnostics);
    // One with a bundled rubric's id and version but other content would score workbooks made for
    // that one differently under the same name: not used (as a file beside a workbook is not on
    // the command line), and said why — as a warning, as the command line says it (an error beside
    // results scored under the bundled one read as doubt of them).
    const { id, version } = load.rubric;
    const twin = inlined.find((r) => r.id === id && r.version === version);
    // The same rubric saved again (other line endings, a comment added) is the same: only its bytes differ.
    if (twin && !saySame(twin.rubric, load.rubric)) {
      return refuse([{ code: "web.rubric-same-as-bundled", severity: "warning", data: { rubric: `${id} ${version}`, id }, location: { file: f.name } }]);
    }
    // One in place of an earlier one of the same id and version that says otherwise (a corrected
    // file from the district): said, or two sets of results would carry one name unremarked.
    const before = given?.load.rubric;
    const replacing = before && before.id === id && before.version === version && !saySame(before, load.rubric);
    const data = { rubric: `${id} ${version}`, file: f.name, earlier: given?.name ?? "" };
    // (The same file's name chosen again, corrected: said as that, not as two files of one name.)
    const again = given?.name === f.name ? "-again" : "";
    const replaced = replacing ? t(`web.rubric-replaced${again}`, data) : "";
    clear();
    given = { name: f.name, load };
    form.refresh();
    inUse();
    rubricClear.hidden = false;
    rejected = undefined;
    say(t("web.rubric-ready", { rubric: `${load.rubric.id} ${load.rubric.version}` }) + replaced);
    showAdvice();
    // (Not on a file that was no workbook: its message would take the place of this one's; nor
    // is it on the page any more, for a language switch to bring back.)
    if (last?.unread) last = undefined;
    if (rerun && last) {
      replacedSaid = replacing ? { used: replaced, unused: t(`web.rubric-replaced-later${again}`, data) } : undefined;
      await run(last.file, undefined, "", undefined, last.bytes);
    }
    return true;
  };

  const rubricInput = $<HTMLInputElement>(doc, "rubric");
  rubricInput.addEventListener("change", () => {
    const f = rubricInput.files?.[0];
    // A workbook chosen where the rubric goes is taken for what it is, as a rubric chosen where
    // the workbook goes is.
    if (f && !isRubricName(f.name) && isWorkbookName(f.name)) {
      rubricInput.value = "";
      // A rubric refused in this picker before is no longer its choice: its problems go (they
      // stood beside this workbook's good result).
      rejected = undefined;
      void run(f);
      return;
    }
    if (f) {
      // Emptied, as the workbook's picker is: the same file chosen again (corrected, saved over the
      // district's first one) is taken again; else the browser says nothing of it, and the page
      // went on showing the results and downloads of the file as it was.
      rubricInput.value = "";
      void takeRubric(f);
      return;
    }
    bundledAgain();
  });

  /** The bundled rubrics again (the picker emptied, or its button pressed), for the workbook on the page too. */
  const bundledAgain = (): void => {
    given = undefined;
    rejected = undefined;
    rubricClear.hidden = true;
    inUse();
    form.refresh();
    if (last && !last.unread) void run(last.file, undefined, "", undefined, last.bytes);
    else {
      clear();
      say(t("web.ready"));
    }
  };
  // A rubric of the user's own is put aside with a button (a file picker is not emptied by choosing nothing in every browser).
  const rubricClear = $<HTMLButtonElement>(doc, "rubric-clear");
  rubricClear.addEventListener("click", () => {
    rubricInput.value = "";
    // The button goes: the keyboard's place with the picker beside it, not back at the page's top.
    rubricInput.focus();
    bundledAgain();
  });

  /** Where the page was when the language was switched, and the switches made (the last puts it back). */
  let switchY: number | undefined;
  let switches = 0;
  $(doc, "lang").addEventListener("click", () => {
    lang = lang === "zh-CN" ? "en" : "zh-CN";
    keepLang(doc, lang);
    words();
    form.refresh(true);
    if (last) {
      // The page where it was (emptied to be shown again, it had shrunk to the top): where it was
      // before the first of switches in quick succession, put back once the last is shown.
      switchY ??= doc.defaultView?.scrollY ?? 0;
      const seq = ++switches;
      void run(last.file, explained, "", picked, last.bytes).then(() => {
        if (seq !== switches) return;
        doc.defaultView?.scrollTo(0, switchY ?? 0);
        switchY = undefined;
      });
    } else if (rejected) {
      // No workbook yet: the refused rubric's problems, said again in this language.
      clear();
      say(rejectedLine(rejected.name));
      showDiagnostics(rejected.diagnostics, out);
    } else if (given?.load.rubric) {
      clear();
      say(t("web.rubric-ready", { rubric: `${given.load.rubric.id} ${given.load.rubric.version}` }));
      showAdvice();
    } else say(t("web.ready"));
  });

  words();
  // A page saved with its results (保存网页, complete) opens with them still in it: results of no
  // file loaded, their downloads dead links. Nothing is shown until a workbook is chosen.
  clear();
  rubricClear.hidden = true;
  say(t("web.ready"));
}
