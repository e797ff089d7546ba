// The rubric loader: a located diagnostic (code and LINE:COL) for every kind of broken rubric,
// and the bundled rubric matches the scheme clause by clause.
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { loadRubric } from "../src/rubric/load.js";
import { formatLocation, type Diagnostic } from "../src/diagnostics/index.js";
import { message } from "../src/messages/index.js";
import { strToU8, zipSync } from "fflate";

const MINI = readFileSync("test/fixtures/mini-rubric.yaml", "utf8");

function load(text: string) {
  return loadRubric("r.yaml", new TextEncoder().encode(text), "test");
}

/** Each problem as its code, place and message (zh-CN). */
function withMessages(ds: readonly Diagnostic[] | undefined): string[] {
  return (ds ?? []).map((d) => `${d.code} ${d.location ? formatLocation(d.location) : ""} ${message("zh-CN", d.code, d.data)}`);
}

/** The first problem said of a rubric, in words. */
function firstSaid(text: string, lang: "zh-CN" | "en" = "zh-CN"): string {
  const d = load(text).diagnostics[0];
  return d ? message(lang, d.code, d.data) : "";
}

function found(text: string): string[] {
  return load(text).diagnostics.map((d) => `${d.code} ${d.location ? formatLocation(d.location) : ""}`);
}

/** The 1-based line of the first occurrence of a snippet in the mini rubric. */
function lineOf(snippet: string, text = MINI): number {
  const i = text.indexOf(snippet);
  if (i < 0) throw new Error(`snippet not found: ${snippet}`);
  return text.slice(0, i).split("\n").length;
}

function replace(from: string, to: string): string {
  if (!MINI.includes(from)) throw new Error(`not in fixture: ${from}`);
  return MINI.replace(from, to);
}

describe("the mini fixture", () => {
  it("loads the same with a %YAML 1.2 directive, which says what a rubric is read as anyway", () => {
    const r = load("%YAML 1.2\n---\n" + MINI);
    expect(r.diagnostics).toEqual([]);
    expect(r.rubric?.lines.map((l) => l.max)).toEqual([4000, 6000, 1000]);
  });

  it("loads without a problem", () => {
    const r = load(MINI);
    expect(r.diagnostics).toEqual([]);
    expect(r.rubric?.lines.map((l) => l.max)).toEqual([4000, 6000, 1000]);
  });
});

interface Case {
  name: string;
  text: string;
  expected: string[];
}

const cases: Case[] = [
  // A line's sheet named as Excel allows no sheet (a colon, a slash): the template could not be made
  // (exceljs's words blamed the output folder); nor past 31 characters, which Excel refuses.
  { name: "sheet-name-colon", text: replace("    name: 党政线\n", "    name: 党政线:基本指标\n"), expected: [`rubric.sheet-name-character r.yaml:${lineOf("    name: 党政线\n")}:11`] },
  { name: "sheet-name-slash", text: replace("    name: 党政线\n", "    name: 党政线\n    sheet: 党政/基本\n"), expected: [`rubric.sheet-name-character r.yaml:${lineOf("    name: 党政线\n") + 1}:12`] },
  { name: "sheet-name-long", text: replace("    name: 党政线\n", "    name: 党政线基本指标和重点工作任务推进落实情况专项考核评价内容汇总表格\n"), expected: [`rubric.sheet-name-long r.yaml:${lineOf("    name: 党政线\n")}:11`] },
  // A placeholder the report does not fill ({county}) was printed as it stands in the signed report's title.
  { name: "report-placeholder", text: replace("unit_kinds:\n", 'report:\n  title: "{county}{year}年度考核"\nunit_kinds:\n'), expected: [`rubric.report-placeholder r.yaml:${lineOf("unit_kinds:\n") + 1}:10`] },
  // A flag word in both lists (１ in yes, 1 in no, as read alike) read as yes: a deduction doubled unsaid.
  { name: "flag-word-both", text: replace("    yes: [是]\n    no: [否]\n", '    yes: [是, "１"]\n    no: [否, "1"]\n'), expected: [`rubric.flag-word-both r.yaml:${lineOf("    no: [否]")}:9`] },
  // Two tiers of one name refused.
  { name: "tier-name-twice", text: replace("    - name: 二等奖\n      ranks: [2, 3]\n", "    - name: 一等奖\n      ranks: [2, 3]\n"), expected: [`rubric.tier-name-twice r.yaml:${lineOf("    - name: 二等奖")}:13`] },
  // A clause's text with ": " in it, or begun with a quote or a bracket closed before its end: said at
  // the value as that, with the way out (quote it whole), not as an indentation or "unexpected character".
  { name: "text-colon", text: replace("    name: 党政线\n", "    name: 党政线\n    text: 评分标准: 由区委组织部评定。\n"), expected: [`rubric.yaml.TEXT_COLON r.yaml:${lineOf("    name: 党政线\n") + 1}:${"    text: 评分标准".length + 1}`] },
  // …and so inside { … }, as the docs write items (it was said to be a { never closed, at the {).
  { name: "text-colon-flow", text: replace("      - code: DZ2\n", "      - { code: DZ9, name: 阵地, max: 1, text: 评分: 由区委评定 }\n      - code: DZ2\n"), expected: [`rubric.yaml.TEXT_COLON r.yaml:${lineOf("      - code: DZ2\n")}:${"      - { code: DZ9, name: 阵地, max: 1, text: 评分".length + 1}`] },
  // A full-width comma before a key in { } (name: 阵地， max: 1): the comma said, not a colon in a text;
  // a text's own ， before its colon stays the colon's.
  { name: "fullwidth-comma-flow-key", text: replace("      - code: DZ2\n", "      - { code: DZ9, name: 阵地， max: 1, text: 由区委评定 }\n      - code: DZ2\n"), expected: [`rubric.yaml.FULLWIDTH_COMMA r.yaml:${lineOf("      - code: DZ2\n")}:${"      - { code: DZ9, name: 阵地".length + 1}`] },
  { name: "text-colon-flow-comma", text: replace("      - code: DZ2\n", "      - { code: DZ9, name: 阵地, max: 1, text: 评分，标准: 由区委评定 }\n      - code: DZ2\n"), expected: [`rubric.yaml.TEXT_COLON r.yaml:${lineOf("      - code: DZ2\n")}:${"      - { code: DZ9, name: 阵地, max: 1, text: 评分，标准".length + 1}`] },
  { name: "text-quote-first", text: replace("    name: 党政线\n", '    name: 党政线\n    text: "民生实事"由区政府督查室评定。\n'), expected: [`rubric.yaml.TEXT_AFTER_CLOSE r.yaml:${lineOf("    name: 党政线\n") + 1}:11`] },
  { name: "text-bracket-first", text: replace("    name: 党政线\n", "    name: 党政线\n    text: [注] 由区政府督查室评定。\n"), expected: [`rubric.yaml.TEXT_AFTER_CLOSE r.yaml:${lineOf("    name: 党政线\n") + 1}:11`] },
  // An item without its "- ": said once as that, at the line (its code, name, max… each said "twice"
  // before, and deleting them as told lost the item).
  { name: "dash-missing", text: replace("        target: MB1\n      - code: DZ2\n", "        target: MB1\n        code: DZ2\n"), expected: [`rubric.dash-missing r.yaml:${lineOf("      - code: DZ2\n")}:7`] },
  // A top-level list's item whose "- " was deleted (the key left where the dash was): said as that too.
  { name: "dash-deleted-top-list", text: replace("  - id: department\n", "  id: department\n"), expected: [`rubric.yaml.BAD_INDENT r.yaml:${lineOf("  - id: department\n")}:1`, `rubric.dash-missing r.yaml:${lineOf("  - id: department\n")}:1`] },
  // A code line pasted twice in one item (the same code): a key twice; a dash there would make an item of a code alone.
  { name: "code-pasted-twice", text: replace("    - code: JF2\n", "    - code: JF2\n      code: JF2\n"), expected: [`rubric.duplicate-key-at r.yaml:${lineOf("    - code: JF2\n") + 1}:7`] },
  // The top level's id pasted twice is a key twice: no list there to give a dash (writing "- id:" broke the file).
  { name: "id-twice-top", text: replace("version: \"1\"\n", "version: \"1\"\nid: mini\n"), expected: [`rubric.duplicate-key-at r.yaml:${lineOf("version: \"1\"\n") + 1}:1`] },
  // A target's default below the least it may hold: the way to let it be negative (min on it), not "no unit could reach it".
  { name: "target-below-min", text: replace("    name: 符合率目标\n", "    name: 符合率目标\n    default: -5%\n"), expected: [`rubric.target-below-min r.yaml:${lineOf("    name: 符合率目标\n") + 1}:14`] },
  // Written with full-width braces, ｛year｝ is not filled in either.
  { name: "report-placeholder-fullwidth", text: replace("unit_kinds:\n", 'report:\n  title: "{district}｛year｝年度考核"\nunit_kinds:\n'), expected: [`rubric.report-placeholder r.yaml:${lineOf("unit_kinds:\n") + 1}:10`] },
  // A target's min written but above its default: lower it (not "write a min").
  { name: "target-below-min-written", text: replace("    name: 符合率目标\n", "    name: 符合率目标\n    min: -10%\n    default: -60%\n"), expected: [`rubric.target-below-min-written r.yaml:${lineOf("    name: 符合率目标\n") + 2}:14`] },
  { name: "empty-file", text: "", expected: ["rubric.empty r.yaml:1:1"] },
  { name: "only-comments", text: "# nothing\n\n", expected: ["rubric.empty r.yaml:1:1"] },
  { name: "yaml-1.1-directive", text: "%YAML 1.1\n---\n" + MINI, expected: ["rubric.yaml-directive r.yaml:1:1"] },
  // An id used twice names the line it was first used on (it said line 0), and is said as an id.
  { name: "ranking-id-twice", text: replace("  - id: JS\n", "  - id: DZ\n"), expected: [`rubric.duplicate-id r.yaml:${lineOf("  - id: JS\n")}:9`] },
  // Two rankings of one name: two sheets of it, award lists that cannot tell them apart (it was accepted).
  { name: "ranking-name-twice", text: replace("    name: 计生线排名\n", "    name: 党政线排名\n"), expected: [`rubric.ranking-name-twice r.yaml:${lineOf("    name: 计生线排名\n")}:11`] },
  // A date of no calendar day.
  { name: "effective-no-such-day", text: replace('effective: "2026-01-01"', 'effective: "2026-13-45"'), expected: ["rubric.bad-format-date r.yaml:3:12"] },
  // A date in another form is said once (it was said twice: the form, then the day).
  { name: "effective-slashes", text: replace('effective: "2026-01-01"', 'effective: "2026/01/01"'), expected: ["rubric.bad-format-date-as r.yaml:3:12"] },
  // Written as a Chinese date, or as a number: what to write (it said the form alone, or to quote a version).
  { name: "effective-chinese", text: replace('effective: "2026-01-01"', "effective: 2026年1月1日"), expected: ["rubric.bad-format-date-as r.yaml:3:12"] },
  { name: "effective-number", text: replace('effective: "2026-01-01"', "effective: 20260101"), expected: ["rubric.bad-format-date-as r.yaml:3:12"] },
  // The rubric's own id as its rule is (no _, a digit first allowed), with what to write; a number, quoted.
  { name: "rubric-id-underscore", text: replace("id: mini\n", "id: Mini_Scheme 2026\n"), expected: ["rubric.bad-format-rubric-id r.yaml:1:5"] },
  { name: "rubric-id-number", text: replace("id: mini\n", "id: 123\n"), expected: ["rubric.bad-format-rubric-id r.yaml:1:5"] },
  // A status word in two categories is named.
  { name: "status-twice", text: replace("    pending: [申报中]", "    pending: [申报中, 已认定]"), expected: [`rubric.status-twice r.yaml:${lineOf("    pending: [申报中]")}:14`] },
  { name: "status-repeated", text: replace("    pending: [申报中]", "    pending: [申报中, 申报中]"), expected: [`rubric.status-repeated r.yaml:${lineOf("    pending: [申报中]")}:14`] },
  // A [ never closed: said at the [, not as the next line's indentation (where yaml trips).
  { name: "yaml-syntax", text: replace("title: 迷你方案", "title: [迷你方案"), expected: [`rubric.yaml.UNCLOSED_FLOW r.yaml:${lineOf("title: 迷你方案")}:8`] },
  { name: "yaml-unclosed-list", text: replace("lines: [BM]", "lines: [BM"), expected: [`rubric.yaml.UNCLOSED_FLOW r.yaml:${lineOf("lines: [BM]")}:${"    lines: [".length}`] },
  // A key indented less than the keys above and below it, a list entry further in than the one above
  // it, a key at its entry's dash: each said at itself, with which way to move it (they were "keys of
  // one level line up", at column 1).
  { name: "yaml-key-less-than-both", text: replace("        max: 10\n        kind: threshold\n", "        max: 10\n      kind: threshold\n"), expected: [`rubric.yaml.KEY_INDENT_LESS r.yaml:${lineOf("        kind: threshold\n")}:7`] },
  { name: "yaml-entry-further-in", text: replace("          - code: DZ2.2\n", "            - code: DZ2.2\n"), expected: [`rubric.yaml.ITEM_INDENT_DEEPER r.yaml:${lineOf("          - code: DZ2.2\n")}:13`] },
  { name: "yaml-key-at-dash", text: replace("    scale: 10\n    lines: [BM]\n", "    scale: 10\n  lines: [BM]\n"), expected: [`rubric.yaml.KEY_AT_DASH r.yaml:${lineOf("    lines: [BM]\n")}:3`] },
  // An entry's first line moved in, its keys left where they were: that line (the key under it was
  // told to move right, and then the next, and then the entry after).
  { name: "yaml-entry-first-line-moved", text: replace("      - code: DZ1\n", "        - code: DZ1\n"), expected: [`rubric.yaml.ENTRY_FIRST_LINE_APART r.yaml:${lineOf("      - code: DZ1\n")}:9`] },
  // An entry's first key after its dash moved out (name: at 4 under - code: at 6), an entry's last key
  // moved out above the next entry, a list's first entry without its dash: each at itself (they were
  // the line after it, "further in", or "key: value expected" at the next entry, column 1).
  { name: "yaml-first-key-after-dash-moved-out", text: replace("      - code: DZ1\n        name: 基本指标\n", "      - code: DZ1\n    name: 基本指标\n"), expected: [`rubric.yaml.KEY_INDENT_LESS r.yaml:${lineOf("      - code: DZ1\n") + 1}:5`] },
  { name: "yaml-last-key-moved-out", text: replace("        target: MB1\n      - code: DZ2\n", "    target: MB1\n      - code: DZ2\n"), expected: [`rubric.yaml.KEY_LESS_THAN_ITS_ENTRY r.yaml:${lineOf("        target: MB1\n")}:5`] },
  { name: "yaml-first-entry-without-dash", text: replace("unit_kinds:\n  - id: town\n", "unit_kinds:\n    id: town\n"), expected: [`rubric.yaml.FIRST_DASH_MISSING r.yaml:${lineOf("  - id: town\n")}:3`] },
  // (Its key left at the dash's column, not moved to the keys': the dash missing, not the key out of its block.)
  { name: "yaml-first-entry-dash-deleted", text: replace("unit_kinds:\n  - id: town\n", "unit_kinds:\n  id: town\n"), expected: [`rubric.yaml.FIRST_DASH_MISSING r.yaml:${lineOf("  - id: town\n")}:3`] },
  // A top-level key moved in after a blank line: said at it (it was the blank line, column 1); an
  // entry begun by another key than code or id with its dash deleted: said as that, not as the key twice.
  { name: "dash-missing-name-first", text: replace("    - name: 二等奖\n", "      name: 二等奖\n"), expected: [`rubric.dash-missing r.yaml:${lineOf("    - name: 二等奖\n")}:5`] },
  { name: "yaml-top-key-after-blank-line", text: replace("\nindicators:\n", "\n\n indicators:\n"), expected: [`rubric.yaml.BAD_INDENT r.yaml:${lineOf("indicators:\n") + 1}:2`] },
  // The first key under a key that opens a block, moved out to its column or further in than the
  // keys under it: that key (the key after it was blamed).
  { name: "yaml-first-key-under-less", text: replace("  statuses:\n    counted: [已认定]\n", "  statuses:\n  counted: [已认定]\n"), expected: [`rubric.yaml.FIRST_KEY_UNDER_LESS r.yaml:${lineOf("    counted: [已认定]\n")}:3`] },
  { name: "yaml-first-key-under-deeper", text: replace("  statuses:\n    counted: [已认定]\n", "  statuses:\n      counted: [已认定]\n"), expected: [`rubric.yaml.FIRST_KEY_UNDER_DEEPER r.yaml:${lineOf("    counted: [已认定]\n")}:7`] },
  // A list over several lines, closed, is no mistake: a later one is said where it is.
  { name: "yaml-list-over-lines", text: replace("    lines: [BM]\nindicators:\n  - code: ZB1\n", "    lines: [\n      BM,\n    ]\nindicators:\n  - code: ZB1\n   name: 错位\n"), expected: [`rubric.yaml.SEQ_INDENT r.yaml:${lineOf("  - code: ZB1") + 3}:1`] },
  // A file indented with tabs throughout: every line of it said (one a run, an editor's 404 lines
  // took 404 runs), not keys yaml then finds twice (the report's title, read beside the rubric's own).
  ((text: string) => ({
    name: "tab-indentation-throughout",
    text,
    expected: text.split("\n").flatMap((l, i) => (l.startsWith("\t") ? [`rubric.yaml.TAB_AS_INDENT r.yaml:${i + 1}:1`] : [])),
  }))(MINI.replace("unit_kinds:\n", "report:\n  title: 迷你报告\n  name: 排名通报\nunit_kinds:\n").replace(/^( {2})+/gm, (m) => "\t".repeat(m.length / 2))),
  { name: "tab-indentation", text: replace("    name: 镇街\n", "\tname: 镇街\n"), expected: [`rubric.yaml.TAB_AS_INDENT r.yaml:${lineOf("    name: 镇街")}:1`] },
  {
    name: "nested-aliases-that-expand-too-far",
    text: "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
    expected: ["rubric.alias-expansion r.yaml:2:8"],
  },
  { name: "duplicate-key", text: replace("title: 迷你方案", "title: 迷你方案\ntitle: 又一个"), expected: [`rubric.duplicate-key-at r.yaml:${lineOf("title: 迷你方案") + 1}:1`] },
  { name: "unknown-tag", text: replace("title: 迷你方案", "title: !weird 迷你方案"), expected: [`rubric.yaml-warning r.yaml:${lineOf("title: 迷你方案")}:8`] },
  { name: "two-documents", text: MINI + "---\nid: x\n", expected: [`rubric.many-documents r.yaml:${MINI.split("\n").length}:1`] },
  { name: "top-level-list", text: "- a\n- b\n", expected: ["rubric.not-a-map r.yaml:1:1"] },
  {
    name: "alias-bomb",
    text: "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [" + Array(12).fill("*a").join(", ") + "]\nc: [" + Array(120).fill("*b").join(", ") + "]\n",
    expected: ["rubric.too-many-aliases r.yaml:2:8"],
  },
  // A key of a place around it (the top level's under an item): where it belongs is named.
  { name: "key-belongs-above", text: replace("        name: 宣传\n", "        name: 宣传\n        effective: \"2026-01-01\"\n"), expected: [`rubric.key-belongs-above r.yaml:${lineOf("        name: 宣传") + 1}:9`] },
  // A key of a place within it (a veto's beside the gate's veto, a tier's beside the tiers): where it belongs.
  { name: "key-belongs-within", text: replace("        target: MB1\n", "        target: MB1\n        veto: { ranked: true }\n        place: empty\n"), expected: [`rubric.key-belongs-within r.yaml:${lineOf("        target: MB1") + 2}:9`] },
  { name: "key-belongs-each", text: replace("  tiers:\n", "  amount: 3000\n  tiers:\n"), expected: [`rubric.key-belongs-each r.yaml:${lineOf("  tiers:")}:3`] },
  // Two letters swapped (stpe), or one off in a longer key: the key meant is named.
  { name: "unknown-key-swapped", text: replace("        name: 宣传\n", "        name: 宣传\n        stpe: 0.5\n"), expected: [`rubric.unknown-key-near r.yaml:${lineOf("        name: 宣传") + 1}:9`] },
  // A key that stands elsewhere in a rubric (a ranking's unit_kind), typed where the list of them
  // goes: the one that may stand here is named (it was asked whether it was misspelt).
  { name: "unknown-key-singular", text: replace("unit_kinds:", "unit_kind:"), expected: ["rubric.missing-key r.yaml:1:1", `rubric.unknown-key-near r.yaml:${lineOf("unit_kinds:")}:1`] },
  // A key of another block altogether (a grade band's quota on a line), or one near such a key
  // alone (weight on a line, for a kind's weights): where that key goes (it asked whether it was
  // misspelt, or named weights, no key of a line either).
  { name: "key-elsewhere", text: replace("    max: 40\n", "    max: 40\n    quota: 20%\n"), expected: [`rubric.key-elsewhere r.yaml:${lineOf("    max: 40\n") + 1}:5`] },
  { name: "unknown-key-near-elsewhere", text: replace("    max: 40\n", "    max: 40\n    weight: 40%\n"), expected: [`rubric.unknown-key-near-elsewhere r.yaml:${lineOf("    max: 40\n") + 1}:5`] },
  { name: "unknown-key-typo", text: replace("    max: 40\n", "    max: 40\n    maks: 40\n"), expected: [`rubric.unknown-key r.yaml:${lineOf("    max: 40\n") + 1}:5`] },
  { name: "wrong-type", text: replace("            max: 12.5", "            max: twelve"), expected: [`rubric.wrong-type r.yaml:${lineOf("max: 12.5")}:18`] },
  { name: "missing-max-named-by-its-item", text: replace("            name: 决策乙\n            max: 7.5\n", "            name: 决策乙\n"), expected: [`rubric.missing-key r.yaml:${lineOf("          - code: DZ2.2")}:13`] },
  { name: "missing-key", text: replace("title: 迷你方案\n", ""), expected: ["rubric.missing-key r.yaml:1:1"] },
  { name: "bad-kind", text: replace("kind: threshold", "kind: thresold"), expected: [`rubric.not-allowed-near r.yaml:${lineOf("kind: threshold")}:15`] },
  { name: "bad-code", text: replace("code: DZ2.2", "code: dz2.2"), expected: [`rubric.bad-format-code r.yaml:${lineOf("code: DZ2.2")}:19`] },
  {
    name: "children-do-not-add-up",
    text: replace("            max: 7.5", "            max: 8"),
    expected: [`rubric.max-mismatch r.yaml:${lineOf("        max: 20\n        items:")}:14`],
  },
  { name: "lines-do-not-add-up-to-scale", text: replace("    scale: 100", "    scale: 1000"), expected: [`rubric.scale-mismatch r.yaml:${lineOf("scale: 100")}:12`] },
  { name: "points-so-fine-they-round-to-0", text: replace("            max: 12.5", "            max: 1e-300"), expected: [`rubric.points-precision r.yaml:${lineOf("max: 12.5")}:18`] },
  { name: "points-too-large", text: replace("            max: 12.5", "            max: 1e308"), expected: [`rubric.points-too-large r.yaml:${lineOf("max: 12.5")}:18`] },
  { name: "points-finer-than-0.01", text: replace("            max: 12.5", "            max: 12.505").replace("            max: 7.5", "            max: 7.495"), expected: [`rubric.points-precision r.yaml:${lineOf("max: 12.5")}:18`, `rubric.points-precision r.yaml:${lineOf("max: 7.5")}:18`] },
  // Pasted from Word or a web page: a character no one sees, named (the value looks right), at it.
  { name: "zero-width-space-in-code", text: replace("code: DZ2.2", "code: DZ2.2\u200b"), expected: [`rubric.invisible-char r.yaml:${lineOf("code: DZ2.2")}:19`] },
  { name: "no-break-space-after-number", text: replace("            max: 12.5", "            max: 12.5\u00a0"), expected: [`rubric.invisible-char r.yaml:${lineOf("max: 12.5")}:18`] },
  { name: "full-width-space-after-colon", text: replace("            max: 12.5", "            max:\u300012.5"), expected: [`rubric.yaml.ODD_SPACE_AFTER_COLON r.yaml:${lineOf("max: 12.5")}:17`] },
  { name: "chinese-quotes", text: replace('effective: "2026-01-01"', "effective: “2026-01-01”"), expected: ["rubric.chinese-quotes r.yaml:3:12"] },
  // A status, a label, a flag's word in them too, which any text fits: said, not left to match no cell of the workbook.
  { name: "chinese-quotes-status", text: replace("counted: [已认定]", "counted: [“已认定”]"), expected: [`rubric.chinese-quotes r.yaml:${lineOf("counted: [已认定]")}:${"    counted: [".length + 1}`] },
  { name: "chinese-quotes-list", text: replace("lines: [BM]", "lines: [『BM』]"), expected: [`rubric.chinese-quotes r.yaml:${lineOf("lines: [BM]")}:${"    lines: [".length + 1}`] },
  { name: "full-width-digits-in-a-percentage", text: replace("target: 90%", "target: ９０％"), expected: [`rubric.write-as r.yaml:${lineOf("target: 90%")}:17`] },
  // In { … } the key and its value are one word: said at it, and the tier's ranks not also missing.
  { name: "full-width-space-after-colon-in-braces", text: replace("    - name: 一等奖\n      ranks: [1, 1]\n", "    - { name: 一等奖, ranks: [1, 1], amount:\u300050000 }\n"), expected: [`rubric.invisible-char-key r.yaml:${lineOf("    - name: 一等奖")}:35`] },
  { name: "full-width-space-after-colon-before-a-list-in-braces", text: replace("    - name: 一等奖\n      ranks: [1, 1]\n", "    - { name: 一等奖, ranks:\u3000[1, 1] }\n"), expected: [`rubric.yaml.ODD_SPACE_AFTER_COLON r.yaml:${lineOf("    - name: 一等奖")}:26`] },
  // A zero-width space in a word a cell is matched with (a status, a tie-breaker, a level's name, a
  // weight's line): named at it (it passed, and refused every ledger row, or was "unknown").
  { name: "zero-width-space-in-a-status", text: replace("    counted: [已认定]", "    counted: [已认定\u200b]"), expected: [`rubric.invisible-char r.yaml:${lineOf("    counted: [已认定]")}:15`] },
  { name: "zero-width-space-in-a-level", text: replace("{ 市级: 5,", "{ 市级\u200b: 5,"), expected: [`rubric.invisible-char-in-key r.yaml:${lineOf("{ 市级: 5,")}:${"      levels: { ".length + 1}`] },
  { name: "zero-width-space-after-a-colon", text: replace("            max: 12.5", "            max:\u200b 12.5"), expected: [`rubric.yaml.ODD_SPACE_AFTER_COLON r.yaml:${lineOf("max: 12.5")}:17`] },
  // A Chinese input method's full-width ＃, － and letters: each said as what to write, at it.
  { name: "full-width-hash-comment", text: replace("    lines: [DZ, JS]\n", "    lines: [DZ, JS]  ＃ 两条线\n    scale2: 1\n"), expected: [`rubric.yaml.FULLWIDTH_HASH r.yaml:${lineOf("    lines: [DZ, JS]")}:22`] },
  { name: "full-width-list-dash", text: replace("  - id: department\n", "  － id: department\n"), expected: [`rubric.yaml.FULLWIDTH_DASH r.yaml:${lineOf("  - id: department")}:3`] },
  // A dash with no space after it (-id: department): "-id" one word, a key of no entry (it was "keys of one level line up").
  { name: "list-dash-without-space", text: replace("  - id: department\n", "  -id: department\n"), expected: [`rubric.yaml.DASH_NO_SPACE r.yaml:${lineOf("  - id: department")}:3`] },
  { name: "list-dash-without-space-before-braces", text: replace("    - name: 一等奖\n      ranks: [1, 1]\n", "    -{ name: 一等奖, ranks: [1, 1] }\n"), expected: [`rubric.yaml.DASH_NO_SPACE r.yaml:${lineOf("    - name: 一等奖")}:5`] },
  // …before a word, among entries with their space (-街道 among labels): it was "keys of one level line up".
  { name: "list-dash-without-space-before-a-word", text: replace("    labels: [镇, 街道]\n", "    labels:\n      - 镇\n      -街道\n      - 乡\n"), expected: [`rubric.yaml.DASH_NO_SPACE r.yaml:${lineOf("    labels: [镇, 街道]") + 2}:7`] },
  // A word processor's dash for the list's - (it was "a key: value expected here", the dash unsaid).
  { name: "em-dash-list-entry", text: replace("  - id: department\n", "  — id: department\n"), expected: [`rubric.yaml.LONG_DASH r.yaml:${lineOf("  - id: department")}:3`] },
  { name: "full-width-letters-in-a-key", text: replace("            max: 12.5", "            ｍａｘ: 12.5"), expected: [`rubric.fullwidth-key r.yaml:${lineOf("max: 12.5")}:13`] },
  { name: "duplicate-code", text: replace("code: DZ2.2", "code: DZ2.1"), expected: [`rubric.duplicate-code r.yaml:${lineOf("code: DZ2.2")}:19`] },
  { name: "code-of-another-line", text: replace("code: BM1\n", "code: DZ9\n"), expected: [`rubric.code-prefix r.yaml:${lineOf("code: BM1\n")}:15`] },
  { name: "unknown-indicator", text: replace("indicator: ZB2", "indicator: ZB7"), expected: [`rubric.unknown-indicator r.yaml:${lineOf("indicator: ZB2")}:20`] },
  { name: "unknown-target", text: replace("target: MB1", "target: MB9"), expected: [`rubric.unknown-target r.yaml:${lineOf("target: MB1")}:17`] },
  { name: "measured-without-indicator", text: replace("        indicator: ZB2\n", ""), expected: [`rubric.measured-needs r.yaml:${lineOf("code: JS2\n")}:9`] },
  // A veto on a judged item: said with how a veto is written (a gate on an indicator).
  { name: "judged-with-veto", text: replace("        name: 宣传\n", "        name: 宣传\n        veto: {}\n"), expected: [`rubric.veto-not-gate r.yaml:${lineOf("name: 宣传") + 1}:15`] },
  { name: "judged-with-target", text: replace("        name: 宣传\n", "        name: 宣传\n        target: 90%\n"), expected: [`rubric.key-not-for-kind r.yaml:${lineOf("name: 宣传") + 1}:17`] },
  { name: "rate-over-100", text: replace("target: 90%", "target: 190%"), expected: [`rubric.measure-unreachable r.yaml:${lineOf("target: 90%")}:17`] },
  { name: "rate-not-a-rate", text: replace("target: 90%", "target: 95"), expected: [`rubric.bad-rate-bare r.yaml:${lineOf("target: 90%")}:17`] },
  { name: "unknown-line-in-unit-kind", text: replace("lines: [BM]", "lines: [BX]"), expected: [`rubric.scale-mismatch r.yaml:${lineOf("scale: 10\n")}:12`, `rubric.unknown-line r.yaml:${lineOf("lines: [BM]")}:13`, `rubric.line-owner r.yaml:${lineOf("code: BM\n")}:11`, `rubric.unknown-rank-key r.yaml:${lineOf("    by: BM")}:9`] },
  { name: "ledger-two-ways-of-points", text: replace("      points: 20\n      once_per_year: true", "      points: 20\n      range: [1, 2]\n      once_per_year: true"), expected: [`rubric.ledger-points-ways r.yaml:${lineOf("    - code: JF1")}:7`] },
  // An indicator's key written on the item that reads it: where it goes, not "did you mean direction?".
  // A cap written on an item (超额完成最多按 120% 计): no item scores past its max; not sent to the ledger's cap.
  { name: "cap-on-item", text: replace("        kind: threshold\n        indicator: ZB2\n", "        kind: threshold\n        indicator: ZB2\n        cap: 120%\n"), expected: [`rubric.cap-on-item r.yaml:${lineOf("        kind: threshold\n        indicator: ZB2\n") + 2}:9`] },
  { name: "direction-on-item", text: replace("        kind: threshold\n        indicator: ZB2\n", "        kind: threshold\n        indicator: ZB2\n        direction: lower\n"), expected: [`rubric.key-on-indicator r.yaml:${lineOf("        kind: threshold\n        indicator: ZB2\n") + 2}:9`] },
  // A bonus's levels listed as a single-item award lists them: each level needs its points.
  { name: "levels-without-points", text: replace("      levels: { 市级: 5, 省级: 7, 国家级: 10 }", "      levels: [市级, 省级, 国家级]"), expected: [`rubric.levels-need-points r.yaml:${lineOf("      levels: { 市级: 5")}:15`] },
  // Written as a list of pairs (in brackets or as - lines): one { } is meant.
  { name: "levels-as-list", text: replace("      levels: { 市级: 5, 省级: 7, 国家级: 10 }", "      levels:\n        - 市级: 5\n        - 省级: 7"), expected: [`rubric.levels-as-list r.yaml:${lineOf("      levels: { 市级: 5") + 1}:9`] },
  { name: "single-without-levels", text: replace("      levels: [市级, 省级, 国家级]", "      points: 3"), expected: [`rubric.single-needs-levels r.yaml:${lineOf("    - code: DX1")}:7`, `rubric.single-has-points r.yaml:${lineOf("    - code: DX1")}:7`] },
  { name: "ranking-by-unknown-line", text: replace("    by: JS\n", "    by: XX\n"), expected: [`rubric.unknown-rank-key r.yaml:${lineOf("    by: JS\n")}:9`] },
  { name: "award-ranking-missing", text: replace("  ranking: overall", "  ranking: nowhere"), expected: [`rubric.unknown-ranking r.yaml:${lineOf("  ranking: overall")}:12`] },
  { name: "linked-item-missing", text: replace("linked_item: JS1", "linked_item: JS9"), expected: [`rubric.unknown-linked-item r.yaml:${lineOf("linked_item: JS1")}:20`] },
  { name: "linked-item-of-another-kind", text: replace("linked_item: JS1", "linked_item: BM1"), expected: [`rubric.linked-item-other-kind r.yaml:${lineOf("linked_item: JS1")}:20`] },
  // A word of the units list naming two kinds would place a unit by chance (the first kind).
  { name: "label-of-two-kinds", text: replace("    labels: [部门]", "    labels: [部门, 街道]"), expected: [`rubric.label-twice r.yaml:${lineOf("    labels: [部门]")}:18`] },
  // A single award whose rows only departments may claim, on the towns' ranking: never won.
  { name: "single-award-of-another-kind", text: replace("      name: 信息化\n      levels: [市级, 省级, 国家级]", "      name: 信息化\n      levels: [市级, 省级, 国家级]\n      unit_kinds: [department]"), expected: [`rubric.single-other-kind r.yaml:${lineOf("    - code: DX1\n      name: 信息化单项奖") + 1}:13`] },
  // Unquoted, 2026.1 is a number (and 2026.10 would be 2026.1): said as such.
  { name: "version-unquoted", text: replace('version: "1"', "version: 2026.1"), expected: ["rubric.needs-quotes r.yaml:2:10"] },
  // A text cut at a half-width comma in the one-line form: its rest is taken for a key.
  {
    name: "text-cut-at-a-comma",
    text: replace("    - code: JF1\n      kind: bonus\n      name: 创新\n      points: 20\n      once_per_year: true\n", "    - { code: JF1, kind: bonus, name: 创新, text: 由县评定, 以1分为单位。, points: 20, once_per_year: true }\n"),
    expected: [`rubric.unknown-key-text r.yaml:${lineOf("    - code: JF1")}:${"    - { code: JF1, kind: bonus, name: 创新, text: 由县评定, ".length + 1}`],
  },
  // 每低 1 个百分点 written per: 1 is a step of 100%.
  { name: "per-bare-percent", text: replace("        kind: gate\n        indicator: ZB1\n        target: MB1\n", "        kind: shortfall\n        indicator: ZB1\n        target: MB1\n        per: 1\n        deduct: 2\n"), expected: [`rubric.per-bare-percent r.yaml:${lineOf("        target: MB1") + 1}:14`] },
  // A yellow card with neither the last place nor a mark is never given.
  { name: "yellow-card-never", text: replace("    last_place: true\n    below: 60\n", "    last_place: false\n"), expected: [`rubric.yellow-never r.yaml:${lineOf("  yellow_card:") + 1}:5`] },
  // A veto's grade not among the rankings' grades: said at the grade itself.
  {
    name: "veto-grade-unknown",
    text: replace("        kind: gate\n        indicator: ZB1\n        target: MB1\n", "        kind: gate\n        indicator: ZB1\n        target: MB1\n        veto:\n          ranked: true\n          grade: 不及格\n").replace("    unit_kind: town\n    by: total\n", "    unit_kind: town\n    by: total\n    grades:\n      bands: [{ name: 优秀, from: 90 }]\n      otherwise: 合格\n"),
    expected: [`rubric.unknown-grade r.yaml:${lineOf("        target: MB1") + 3}:18`],
  },
  // A veto's grade where no ranking of the kind gives grades: said so (not "defined: " and nothing).
  {
    name: "veto-grade-no-grades",
    text: replace("        kind: gate\n        indicator: ZB1\n        target: MB1\n", "        kind: gate\n        indicator: ZB1\n        target: MB1\n        veto:\n          ranked: true\n          grade: 不及格\n"),
    expected: [`rubric.veto-grade-no-grades r.yaml:${lineOf("        target: MB1") + 3}:18`],
  },
  // A name where a code or an id belongs: said so.
  { name: "rank-key-a-name", text: replace("    by: total\n", "    by: 党政线\n"), expected: [`rubric.rank-key-name r.yaml:${lineOf("    by: total")}:9`] },
  // Several kinds, or all, for one ranking: a ranking is of one kind (it was "the type is wrong", and its keys unknown).
  { name: "ranking-kinds-list", text: replace("    unit_kind: town\n", "    unit_kind: [town, department]\n"), expected: [`rubric.ranking-one-kind r.yaml:${lineOf("    unit_kind: town")}:16`] },
  { name: "ranking-kinds-all", text: replace("    unit_kind: town\n", "    unit_kind: all\n"), expected: [`rubric.ranking-one-kind r.yaml:${lineOf("    unit_kind: town")}:16`] },
  { name: "ranking-kinds-all-chinese", text: replace("    unit_kind: town\n", "    unit_kind: 全部\n"), expected: [`rubric.ranking-one-kind r.yaml:${lineOf("    unit_kind: town")}:16`] },
  { name: "ranking-kind-in-brackets", text: replace("    unit_kind: town\n", "    unit_kind: [town]\n"), expected: [`rubric.unit-kind-brackets r.yaml:${lineOf("    unit_kind: town")}:16`] },
  { name: "unit-kind-a-name", text: replace("    unit_kind: town\n", "    unit_kind: 镇街\n"), expected: [`rubric.bad-format-id-kind-of r.yaml:${lineOf("    unit_kind: town")}:16`] },
  // A list item indented less than the one above it: said at that very line (whose indentation is asked about first).
  {
    name: "list-item-indented-less",
    text: replace("  - code: ZB1\n    name: 符合率\n  - code: ZB2\n    name: 满意率\n", "  - { code: ZB1, name: 符合率 }\n - { code: ZB2, name: 满意率 }\n"),
    expected: [`rubric.yaml.ITEM_INDENT_LESS r.yaml:${lineOf("  - code: ZB1") + 1}:2`],
  },
  // A count's indicator written without its unit (a percentage by default): said once, at the indicator,
  // with the unit to add (whole: true was "whole does not apply to an item of kind percent", and the
  // bands on it each "a rate missing its %"); on a percentage written as one, what to change.
  { name: "whole-without-unit", text: replace("  - code: ZB2\n    name: 满意率\n", "  - code: ZB2\n    name: 满意率\n    whole: true\n"), expected: [`rubric.whole-without-unit r.yaml:${lineOf("  - code: ZB2")}:11`] },
  { name: "display-without-unit", text: replace("  - code: ZB2\n    name: 满意率\n", "  - code: ZB2\n    name: 满意率\n    display: 件\n    whole: true\n").replace("        target: 90%\n", "        target: 3\n"), expected: [`rubric.display-without-unit r.yaml:${lineOf("  - code: ZB2")}:11`] },
  { name: "whole-on-percent", text: replace("  - code: ZB2\n    name: 满意率\n", "  - code: ZB2\n    name: 满意率\n    unit: percent\n    whole: true\n"), expected: [`rubric.whole-on-percent r.yaml:${lineOf("  - code: ZB2") + 3}:12`] },
  // An item pasted one level out, its keys lined up under its dash (`- code:` at 4 spaces, `name:` at 6,
  // under items at 6): said at the entry's dash (it was the key under it, "indented further than the key above").
  {
    name: "list-entry-pasted-out",
    text: replace("      - code: JS2\n        name: 满意率\n        max: 10\n        kind: threshold\n        indicator: ZB2\n        target: 90%\n", "    - code: JS2\n      name: 满意率\n      max: 10\n      kind: threshold\n      indicator: ZB2\n      target: 90%\n"),
    // (Between the items at 6 and the lines at 2: which list it is in, its author says; it was told to line
    // up with the items, a whole line's block moved in told the wrong way.)
    expected: [`rubric.yaml.ITEM_INDENT_BETWEEN r.yaml:${lineOf("      - code: JS2")}:5`],
  },
  // A line's first row alone moved in (`- code: JS` at 4, its keys left at 4): its dash to move back.
  { name: "dash-moved-in", text: replace("  - code: JS\n", "    - code: JS\n"), expected: [`rubric.yaml.DASH_MOVED_IN r.yaml:${lineOf("  - code: JS\n")}:5`] },
  // Typed with a Chinese input method: a full-width colon after a key; a number with its unit.
  { name: "full-width-colon", text: replace("  - code: DZ\n", "  - code：DZ\n"), expected: [`rubric.yaml.FULLWIDTH_COLON r.yaml:${lineOf("  - code: DZ\n")}:9`] },
  // A full-width space for indentation, a full-width comma in [ ], a colon without its space, a key indented further than the one above: each said at the mistake.
  { name: "full-width-space", text: replace("        name: 决策\n", "\u3000\u3000\u3000\u3000name: 决策\n"), expected: [`rubric.yaml.FULLWIDTH_SPACE r.yaml:${lineOf("        name: 决策\n")}:1`] },
  // A tab on one line and full-width spaces on another: both said, each as what it is.
  {
    name: "tab-and-full-width-space",
    text: replace("        name: 决策\n", "\u3000\u3000\u3000\u3000name: 决策\n").replace("    name: 镇街\n", "\tname: 镇街\n"),
    expected: [`rubric.yaml.TAB_AS_INDENT r.yaml:${lineOf("    name: 镇街\n")}:1`, `rubric.yaml.FULLWIDTH_SPACE r.yaml:${lineOf("        name: 决策\n")}:1`],
  },
  // …on several lines: each said (the second was said once the first was mended, a run each).
  {
    name: "full-width-space-lines",
    text: replace("        name: 决策\n", "\u3000\u3000\u3000\u3000name: 决策\n").replace("    name: 镇街\n", "\u3000\u3000name: 镇街\n"),
    expected: [`rubric.yaml.FULLWIDTH_SPACE r.yaml:${lineOf("    name: 镇街\n")}:1`, `rubric.yaml.FULLWIDTH_SPACE r.yaml:${lineOf("        name: 决策\n")}:1`].sort((a, b) => Number(a.split(":")[1]) - Number(b.split(":")[1])),
  },
  // A no-break space in the indent (pasted from a web page): it looks like a space; it was "keys not aligned".
  { name: "no-break-space-indent", text: replace("        name: 决策\n", "      \u00a0 name: 决策\n"), expected: [`rubric.yaml.ODD_SPACE_INDENT r.yaml:${lineOf("        name: 决策\n")}:7`] },
  { name: "colon-no-space", text: replace("        name: 决策\n        max: 20\n", "        name: 决策\n        max:20\n"), expected: [`rubric.yaml.COLON_NO_SPACE r.yaml:${lineOf("        name: 决策\n") + 1}:12`] },
  // A text elsewhere holding key:value words (a block scalar's line) is no colon missing its space: the error is what it is.
  { name: "colon-in-text-elsewhere", text: replace("title: 迷你方案\n", "title: |\n  迷你方案\n  note:see\n").replace("lines: [BM]", "lines: [BM"), expected: [`rubric.yaml.UNCLOSED_FLOW r.yaml:${lineOf("lines: [BM]") + 2}:${"    lines: [".length}`] },
  // A clause text in a block (text: |) holding a full-width indent and key:value words is text: the error elsewhere is said as itself.
  { name: "block-text-not-blamed", text: replace("title: 迷你方案\n", "title: |\n  迷你方案\n  \u3000\u3000首行缩进\n  max:10\n").replace("        name: 决策\n        max: 20\n", "        name: 决策\n          max: 20\n"), expected: [`rubric.yaml.KEY_INDENT_DEEPER r.yaml:${lineOf("        name: 决策\n") + 4}:11`] },
  // A key further in than the one above after a list closed on its line: said at that key (was the next line, "keys of one level line up").
  { name: "key-deeper-after-flow", text: replace("lines: [BM]\n", "lines: [BM]   # 部门\n      weights: 1\n"), expected: [`rubric.yaml.KEY_INDENT_DEEPER r.yaml:${lineOf("lines: [BM]") + 1}:7`] },
  // A [ ] list parted by full-width commas parses as one entry: said at the comma, not left to read as one label.
  // [街道、社区] is one label to YAML (rubric show even listed it as two): said at the 、.
  { name: "dunhao-flow-list", text: replace("lines: [BM]", "lines: [BM、DZ]"), expected: [`rubric.dunhao-in-list r.yaml:${lineOf("lines: [BM]")}:${"    lines: [BM".length + 1}`] },
  { name: "full-width-comma-flow-list", text: replace("lines: [BM]", "lines: [BM，DZ]"), expected: [`rubric.fullwidth-comma-in-list r.yaml:${lineOf("lines: [BM]")}:${"    lines: [BM".length + 1}`] },
  // An alias with no anchor is named (was "aliases nest too deep").
  { name: "levels-full-width-colon", text: replace("levels: { 市级: 5, 省级: 7, 国家级: 10 }", "levels: { 市级：5, 省级：7, 国家级：10 }"), expected: [`rubric.fullwidth-colon-key r.yaml:${lineOf("levels: { 市级: 5")}:${"      levels: { ".length + 1}`] },
  { name: "alias-unknown", text: replace("        target: MB1\n", "        target: *nosuch\n"), expected: [`rubric.alias-unknown r.yaml:${lineOf("        target: MB1")}:17`] },
  // A key moved out of its item, less indented than the keys above and below it: said at it (it was the next line, "further in").
  { name: "key-indented-less", text: replace("        name: 基本指标\n        max: 20\n        kind: gate\n", "        name: 基本指标\n    max: 20\n        kind: gate\n"), expected: [`rubric.yaml.KEY_INDENT_LESS r.yaml:${lineOf("        name: 基本指标") + 1}:5`] },
  // A key in Chinese as the 办法's table heads it (满分): the rubric's word for it (it was "a text cut at a comma").
  { name: "chinese-key", text: replace("        name: 决策\n        max: 20\n", "        name: 决策\n        满分: 20\n"), expected: [`rubric.missing-key r.yaml:${lineOf("        name: 决策") - 1}:9`, `rubric.chinese-key r.yaml:${lineOf("        name: 决策") + 1}:9`] },
  // Beside the key it stands for (max: 20 and 满分: 20): one of the two to delete (it was "a text cut at a comma").
  { name: "chinese-key-twice", text: replace("        name: 决策\n        max: 20\n", "        name: 决策\n        max: 20\n        满分: 20\n"), expected: [`rubric.chinese-key-twice r.yaml:${lineOf("        name: 决策") + 2}:9`] },
  // At the top, the word that stands there (indicators, not an item's indicator); joined by a full-width colon in { } too.
  { name: "chinese-key-top", text: replace("indicators:\n", "指标:\n"), expected: [`rubric.chinese-key r.yaml:${lineOf("indicators:")}:1`] },
  {
    name: "chinese-key-flow-colon",
    text: replace("      - code: DZ1\n        name: 基本指标\n        max: 20\n        kind: gate\n        indicator: ZB1\n        target: MB1\n", "      - { code: DZ1, name: 基本指标, 满分：20, kind: gate, indicator: ZB1, target: MB1 }\n"),
    expected: [`rubric.missing-key r.yaml:${lineOf("      - code: DZ1")}:9`, `rubric.chinese-key r.yaml:${lineOf("      - code: DZ1")}:${"      - { code: DZ1, name: 基本指标, ".length + 1}`],
  },
  // A listed word with nothing after it is the end of a text cut at a comma, said as that.
  { name: "chinese-word-text-cut", text: replace("      - code: DZ1\n        name: 基本指标\n        max: 20\n        kind: gate\n        indicator: ZB1\n        target: MB1\n", "      - { code: DZ1, name: 基本指标,目标, max: 20, kind: gate, indicator: ZB1, target: MB1 }\n"), expected: [`rubric.unknown-key-text r.yaml:${lineOf("      - code: DZ1")}:${"      - { code: DZ1, name: 基本指标,".length + 1}`] },
  // A level in Chinese quotes as a key of its points: said as a list's entry is.
  { name: "chinese-quotes-level-key", text: replace("levels: { 市级: 5, 省级: 7, 国家级: 10 }", "levels: { “市级”: 5, 省级: 7, 国家级: 10 }"), expected: [`rubric.chinese-quotes r.yaml:${lineOf("levels: { 市级: 5")}:${"      levels: { ".length + 1}`] },
  // An alias inside the block its own anchor marks is a structure without end: said at the alias (it was an internal error, exit 70).
  { name: "alias-recursive", text: replace("        target: MB1\n", "        target: &loop [MB1, *loop]\n"), expected: [`rubric.alias-recursive r.yaml:${lineOf("        target: MB1")}:${"        target: &loop [MB1, ".length + 1}`] },
  { name: "key-indented-deeper", text: replace("        name: 决策\n        max: 20\n", "        name: 决策\n          max: 20\n"), expected: [`rubric.yaml.KEY_INDENT_DEEPER r.yaml:${lineOf("        name: 决策\n") + 1}:11`] },
  // In { }: a full-width colon or a colon without its space joins a key to its value; the key is not also said missing.
  { name: "full-width-colon-flow", text: replace("      - code: DZ1\n        name: 基本指标\n        max: 20\n        kind: gate\n        indicator: ZB1\n        target: MB1\n", "      - { code: DZ1, name: 基本指标, max：20, kind: gate, indicator: ZB1, target: MB1 }\n"), expected: [`rubric.fullwidth-colon-key r.yaml:${lineOf("      - code: DZ1\n")}:${"      - { code: DZ1, name: 基本指标, ".length + 1}`] },
  { name: "colon-no-space-flow", text: replace("      - code: DZ1\n        name: 基本指标\n        max: 20\n        kind: gate\n        indicator: ZB1\n        target: MB1\n", "      - { code: DZ1, name: 基本指标, max:20, kind: gate, indicator: ZB1, target: MB1 }\n"), expected: [`rubric.colon-no-space-key r.yaml:${lineOf("      - code: DZ1\n")}:${"      - { code: DZ1, name: 基本指标, ".length + 1}`] },
  // A target, a band's mark or a grade's as the 办法 writes them (院感率 ≤1%, ≥90分): the value alone, the sign said to be the indicator's direction.
  { name: "target-with-comparison-sign", text: replace("        target: 90%\n", "        target: ≤1%\n"), expected: [`rubric.comparison-sign r.yaml:${lineOf("        target: 90%")}:17`] },
  { name: "target-with-comparison-words", text: replace("        target: 90%\n", "        target: 不低于 90%\n"), expected: [`rubric.comparison-sign r.yaml:${lineOf("        target: 90%")}:17`] },
  {
    name: "band-mark-with-comparison-sign",
    text: replace("        kind: threshold\n        indicator: ZB2\n        target: 90%\n", "        kind: bands\n        indicator: ZB2\n        bands:\n          - { from: ≥95%, share: 100% }\n"),
    expected: [`rubric.comparison-sign r.yaml:${lineOf("        target: 90%") + 1}:${"          - { from: ".length + 1}`],
  },
  { name: "target-with-comparison-words-around", text: replace("        target: 90%\n", "        target: 90%(含)以上\n"), expected: [`rubric.comparison-sign r.yaml:${lineOf("        target: 90%")}:17`] },
  { name: "target-with-comparison-words-both-sides", text: replace("        target: 90%\n", "        target: 达到90%以上\n"), expected: [`rubric.comparison-sign r.yaml:${lineOf("        target: 90%")}:17`] },
  { name: "target-code-with-comparison-sign", text: replace("        target: MB1\n", "        target: ≥MB1\n"), expected: [`rubric.comparison-sign r.yaml:${lineOf("        target: MB1")}:17`] },
  { name: "grade-mark-with-comparison-sign", text: replace("    last_place: true\n    below: 60\n", "    last_place: true\n    below: 低于60分\n"), expected: [`rubric.points-comparison r.yaml:${lineOf("    below: 60")}:12`] },
  // A letter typed for a digit like it (1OO): the number meant (it was "请写作 1", the OO taken for a unit).
  { name: "letter-for-digit", text: replace("    scale: 100\n", "    scale: 1OO\n"), expected: [`rubric.write-as r.yaml:${lineOf("    scale: 100")}:12`] },
  { name: "percent-with-space", text: replace("        target: 90%\n", "        target: 90 %\n"), expected: [`rubric.write-as r.yaml:${lineOf("        target: 90%")}:17`] },
  { name: "number-with-unit", text: replace("        target: MB1\n", "        target: 95分\n"), expected: [`rubric.number-with-unit r.yaml:${lineOf("        target: MB1")}:17`] },
  { name: "tiers-overlap", text: replace("ranks: [2, 3]", "ranks: [1, 2]"), expected: [`rubric.tiers-overlap r.yaml:${lineOf("ranks: [2, 3]")}:14`] },
  // A step of 0 must be above 0, and is said so (not "not less than 0", which it is not).
  { name: "step-zero", text: replace("        name: 宣传\n", "        name: 宣传\n        step: 0\n"), expected: [`rubric.too-small-exclusive r.yaml:${lineOf("        name: 宣传") + 1}:15`] },
  { name: "ledger-points-zero", text: replace("      points: 20\n", "      points: 0\n"), expected: [`rubric.too-small-exclusive r.yaml:${lineOf("      points: 20\n")}:15`] },
  // A lower mark paying more than the one above it would score 99% below 96%.
  {
    name: "bands-paying-more-lower",
    text: replace("        kind: threshold\n        indicator: ZB2\n        target: 90%\n", "        kind: bands\n        indicator: ZB2\n        bands:\n          - { from: 98%, share: 50% }\n          - { from: 95%, share: 100% }\n"),
    expected: [`rubric.bands-pay-order r.yaml:${lineOf("        kind: threshold") + 4}:13`],
  },
  // Written worst first throughout: said once, to reverse them (not each band out of order and
  // "asking less, paying more", which they do not).
  {
    name: "bands-worst-first",
    text: replace("        kind: threshold\n        indicator: ZB2\n        target: 90%\n", "        kind: bands\n        indicator: ZB2\n        bands:\n          - { from: 90%, share: 50% }\n          - { from: 95%, share: 80% }\n          - { from: 98%, share: 100% }\n"),
    expected: [`rubric.bands-reversed r.yaml:${lineOf("        kind: threshold") + 3}:13`],
  },
  // Bands of an indicator where lower is better (万人发案率 ≤3 full, ≤5 70%, ≤8 40%), its direction left
  // out: the direction to write said, once (reversed, as bands-reversed said, they paid more for worse).
  ...[
    ["bands-lower-without-direction", ["3", "5", "8"], ["100%", "70%", "40%"], "rubric.bands-other-direction"],
    ["bands-lower-without-direction-two", ["3", "5"], ["100%", "50%"], "rubric.bands-other-direction"],
    ["bands-lower-without-direction-reversed", ["8", "5", "3"], ["40%", "70%", "100%"], "rubric.bands-other-direction-reversed"],
  ].map(([name, marks, shares, code]) => ({
    name: name as string,
    text: replace(
      "        kind: threshold\n        indicator: ZB2\n        target: 90%\n",
      `        kind: bands\n        indicator: ZB2\n        bands:\n${(marks as string[]).map((m, i) => `          - { from: ${m}%, share: ${(shares as string[])[i]} }\n`).join("")}`,
    ),
    expected: [`${code as string} r.yaml:${lineOf("        kind: threshold") + 3}:13`],
  })),
  // One band out of order among others in order: said at it.
  {
    name: "bands-one-out-of-order",
    text: replace("        kind: threshold\n        indicator: ZB2\n        target: 90%\n", "        kind: bands\n        indicator: ZB2\n        bands:\n          - { from: 98%, share: 100% }\n          - { from: 90%, share: 50% }\n          - { from: 95%, share: 80% }\n"),
    expected: [`rubric.bands-order r.yaml:${lineOf("        kind: threshold") + 5}:21`],
  },
  // Two bands at one mark: the second is never reached, said as that (not "out of order", nor reversed).
  {
    name: "bands-same-mark",
    text: replace("        kind: threshold\n        indicator: ZB2\n        target: 90%\n", "        kind: bands\n        indicator: ZB2\n        bands:\n          - { from: 95%, share: 100% }\n          - { from: 95%, share: 80% }\n"),
    expected: [`rubric.bands-same-mark r.yaml:${lineOf("        kind: threshold") + 4}:21`],
  },
  // A bare 98 on a percent indicator is said once, at its band; the next band is not then "out of order".
  {
    name: "band-mark-not-a-rate",
    text: replace("        kind: threshold\n        indicator: ZB2\n        target: 90%\n", "        kind: bands\n        indicator: ZB2\n        bands:\n          - { from: 98, share: 100% }\n          - { from: 95%, share: 80% }\n"),
    expected: [`rubric.bad-rate-bare r.yaml:${lineOf("        kind: threshold") + 3}:21`],
  },
  // A target measured otherwise than its indicator: the error names both.
  {
    name: "target-unit-mismatch",
    text: replace("  - code: ZB2\n    name: 满意率\n", "  - code: ZB2\n    name: 满意率\n    unit: number\n    display: 件\n").replace("        target: 90%\n", "        target: MB1\n"),
    expected: [`rubric.unit-mismatch r.yaml:${lineOf("        target: 90%") + 2}:17`],
  },
  // A tie-breaker that is no key, or a name: said as a tie-breaker, not as the ranking's key.
  { name: "tie-breaker-unknown", text: replace("    unit_kind: town\n    by: total\n", "    unit_kind: town\n    by: total\n    tie_breakers: [JS, DZX]\n"), expected: [`rubric.unknown-tie-breaker r.yaml:${lineOf("    by: total") + 1}:24`] },
  { name: "tie-breaker-a-name", text: replace("    unit_kind: town\n    by: total\n", "    unit_kind: town\n    by: total\n    tie_breakers: [党政线]\n"), expected: [`rubric.tie-breaker-name r.yaml:${lineOf("    by: total") + 1}:20`] },
  { name: "tie-breaker-twice", text: replace("    unit_kind: town\n    by: total\n", "    unit_kind: town\n    by: total\n    tie_breakers: [JS, DZ, JS]\n"), expected: [`rubric.tie-breaker-again r.yaml:${lineOf("    by: total") + 1}:28`] },
  // A cap over bonuses and deductions together, and two group caps sharing part of their codes.
  { name: "cap-mixed-kinds", text: replace("  codes:\n", "  caps:\n    - { codes: [JF1, KF1], max: 20 }\n  codes:\n"), expected: [`rubric.cap-mixed-kinds r.yaml:${lineOf("  codes:\n") + 1}:16`] },
  {
    name: "caps-overlap",
    text: replace("  codes:\n", "  caps:\n    - { codes: [KF1, KF3], max: 20 }\n    - { codes: [KF3, KF5], max: 20 }\n    - { codes: [KF1, KF3, KF5], max: 30 }\n  codes:\n"),
    expected: [`rubric.caps-overlap r.yaml:${lineOf("  codes:\n") + 2}:16`],
  },
  { name: "range-of-nothing", text: replace("      range: [10, 30]\n", "      range: [0, 0]\n"), expected: [`rubric.too-small-exclusive r.yaml:${lineOf("      range: [10, 30]")}:18`] },
  { name: "tier-ranks-reversed", text: replace("ranks: [2, 3]", "ranks: [3, 2]"), expected: [`rubric.range-reversed r.yaml:${lineOf("ranks: [2, 3]")}:14`] },
  // Values as a 办法 words them (扣分制, 越低越好, 递补): the word each stands for, at the value.
  { name: "kind-word", text: replace("kind: threshold", "kind: 扣分制"), expected: [`rubric.value-word r.yaml:${lineOf("kind: threshold")}:15`] },
  // An item with an indicator and no kind: its kind said missing, once (each key was "not for judged").
  { name: "kind-missing-measured", text: replace("        kind: threshold\n        indicator: ZB2\n", "        indicator: ZB2\n"), expected: [`rubric.kind-missing-measured r.yaml:${lineOf("      - code: JS2\n")}:9`] },
  // A key with nothing after it: said so (it said the wrong type, or "not null").
  { name: "max-empty", text: replace("        name: 宣传\n        max: 50\n", "        name: 宣传\n        max:\n"), expected: [`rubric.value-empty r.yaml:${lineOf("        max: 50\n")}:13`] },
  // 按比例计分, as the docs head linear (it was refused with the list alone).
  { name: "kind-word-linear", text: replace("kind: threshold", "kind: 按比例计分"), expected: [`rubric.value-word r.yaml:${lineOf("kind: threshold")}:15`] },
  { name: "kind-word-judged", text: replace("        name: 宣传\n        max: 50\n", "        name: 宣传\n        max: 50\n        kind: 扣分制\n"), expected: [`rubric.value-word r.yaml:${lineOf("        name: 宣传") + 2}:15`] },
  // A rate as the 办法 names its unit (达标率), yes as 是, no veto (否), the total as 总分, a target by its name.
  { name: "unit-rate-word", text: replace("  - code: ZB2\n    name: 满意率\n", "  - code: ZB2\n    name: 满意率\n    unit: 达标率\n"), expected: [`rubric.unit-is-percent r.yaml:${lineOf("    name: 满意率") + 1}:11`] },
  { name: "boolean-word", text: replace("      once_per_year: true\n", "      once_per_year: 是\n"), expected: [`rubric.value-word r.yaml:${lineOf("      once_per_year: true")}:22`] },
  { name: "veto-no", text: replace("        target: MB1\n", "        target: MB1\n        veto: 否\n"), expected: [`rubric.veto-false r.yaml:${lineOf("        target: MB1") + 1}:15`] },
  { name: "by-total-word", text: replace("    unit_kind: town\n    by: total\n", "    unit_kind: town\n    by: 总分\n"), expected: [`rubric.rank-key-name r.yaml:${lineOf("    by: total")}:9`] },
  { name: "target-name", text: replace("        target: MB1\n", "        target: 符合率目标\n"), expected: [`rubric.target-name r.yaml:${lineOf("        target: MB1")}:17`] },
  { name: "target-words", text: replace("        target: 90%\n", "        target: 百分之九十\n"), expected: [`rubric.write-as r.yaml:${lineOf("        target: 90%")}:17`] },
  { name: "target-shape", text: replace("        target: 90%\n", "        target: 见附件\n"), expected: [`rubric.target-shape r.yaml:${lineOf("        target: 90%")}:17`] },
  // (A share of the target is a floor's matter: a target so written is said as a target, with its forms.)
  { name: "target-share-words", text: replace("        target: 90%\n", "        target: 目标值的80%\n"), expected: [`rubric.target-shape r.yaml:${lineOf("        target: 90%")}:17`] },
  // veto on an item that is no gate: said as that, not as a gate's veto.
  { name: "veto-true-not-gate", text: replace("        target: 90%\n", "        target: 90%\n        veto: true\n"), expected: [`rubric.veto-not-gate r.yaml:${lineOf("        target: 90%") + 1}:15`] },
  // veto: false there (不实行一票否决): the item never vetoes; delete it (not "make it a gate").
  { name: "veto-false-not-gate", text: replace("        target: 90%\n", "        target: 90%\n        veto: false\n"), expected: [`rubric.veto-false-not-gate r.yaml:${lineOf("        target: 90%") + 1}:15`] },
  // 总分 as a tie-breaker of a ranking by the total: the key again.
  { name: "tie-breaker-total-word", text: replace("    unit_kind: town\n    by: total\n", "    unit_kind: town\n    by: total\n    tie_breakers: [总分]\n"), expected: [`rubric.tie-breaker-again r.yaml:${lineOf("    by: total") + 1}:20`] },
  { name: "direction-word", text: replace("  - code: ZB1\n    name: 符合率\n", "  - code: ZB1\n    name: 符合率\n    direction: 越低越好\n"), expected: [`rubric.value-word r.yaml:${lineOf("    name: 符合率") + 1}:16`] },
  // (kind of a ledger code is another key's words: 扣分 is a deduction there, not an item deducted.)
  { name: "ledger-kind-word", text: replace("    - code: KF1\n      kind: deduction\n", "    - code: KF1\n      kind: 扣分\n"), expected: [`rubric.value-word r.yaml:${lineOf("    - code: KF1") + 1}:13`] },
  { name: "unit-word", text: replace("  - code: ZB2\n    name: 满意率\n", "  - code: ZB2\n    name: 满意率\n    unit: 数量\n"), expected: [`rubric.value-word r.yaml:${lineOf("    name: 满意率") + 1}:11`] },
  { name: "place-word", text: replace("        target: MB1\n", "        target: MB1\n        veto: { ranked: true, place: 依次递补 }\n"), expected: [`rubric.value-word r.yaml:${lineOf("        target: MB1") + 1}:38`] },
  // veto: true (the gate vetoes of itself), and a gate's max left out (a veto worth no points is max: 0).
  { name: "veto-true", text: replace("        target: MB1\n", "        target: MB1\n        veto: true\n"), expected: [`rubric.veto-not-block r.yaml:${lineOf("        target: MB1") + 1}:15`] },
  { name: "gate-max-missing", text: replace("        name: 基本指标\n        max: 20\n", "        name: 基本指标\n"), expected: [`rubric.missing-key-gate-max r.yaml:${lineOf("      - code: DZ1")}:9`] },
];

describe("a value as the 办法 words it", () => {
  const graded = (veto: string): string =>
    replace("    unit_kind: town\n    by: total\n", "    unit_kind: town\n    by: total\n    grades:\n      bands:\n        - { name: 优秀, from: 90 }\n        - { name: 良好, from: 80 }\n      otherwise: 合格\n").replace("        target: MB1\n", `        target: MB1\n        veto: ${veto}\n`);
  const at = (text: string): string => `r.yaml:${lineOf("        target: MB1", text) + 1}`;

  it("says the word to write, in both languages", () => {
    // (On an item measured against a target, 扣分 is a shortfall's; on one entered by hand, a deduction's.)
    const text = replace("kind: threshold", "kind: 扣分制");
    expect(withMessages(load(text).diagnostics)).toEqual([`rubric.value-word r.yaml:${lineOf("kind: threshold")}:15 kind (JS2) 写英文代号:“扣分制”请写 shortfall(可用:judged, deducted, threshold, gate, linear, ratio, bands, shortfall, relative-best, rank-points)`]);
    expect(firstSaid(replace("        name: 宣传\n        max: 50\n", "        name: 宣传\n        max: 50\n        kind: 扣分制\n"))).toContain("“扣分制”请写 deducted");
    expect(firstSaid(replace("        target: MB1\n", "        target: MB1\n        veto: 否\n"))).toBe("veto (DZ1) 不能写 “否”:kind: gate 的项总是一票否决;达不到只是不得分、不否决的项写 kind: threshold(达标得满分,否则 0 分)");
    // 扣完为止 is how a 办法 says 扣分制: on an item entered by hand, deducted.
    expect(firstSaid(replace("        name: 宣传\n        max: 50\n", "        name: 宣传\n        max: 50\n        kind: 扣完为止\n"))).toContain("“扣完为止”请写 deducted");
    // 九十 on a percentage: 90%, as bare 90 is refused there.
    expect(firstSaid(replace("        target: 90%\n", "        target: 九十\n"))).toBe("target (JS2):“九十” 请写作 90%");
    expect(firstSaid(replace("        target: MB1\n", "        target: 符合率目标\n"))).toBe("target (DZ1) 写目标的代码:“符合率目标” 是 MB1 的名称,请写 MB1");
    expect(firstSaid(replace("  - code: ZB1\n    name: 符合率\n", "  - code: ZB1\n    name: 符合率\n    direction: 越低越好\n"), "en")).toBe('direction (ZB1) takes one of the words higher, lower: for "越低越好" write lower');
    expect(firstSaid(replace("        target: MB1\n", "        target: MB1\n        veto: true\n"))).toBe("veto (DZ1) 写否决的后果,是一组键(ranked、grade、grade_at_most、place),不是 “true”:kind: gate 的项本身就一票否决,不写 veto 即不占名次、不得奖");
    expect(firstSaid(replace("    - code: KF1\n      kind: deduction\n", "    - code: KF1\n      kind: 扣分\n"))).toBe("kind (KF1) 写英文代号:“扣分”请写 deduction(可用:bonus, deduction, single)");
    expect(firstSaid(replace("        name: 基本指标\n        max: 20\n", "        name: 基本指标\n"))).toBe("缺少必填的 max (DZ1):一票否决而不计分的项写 max: 0");
    // A word of what is measured for its unit (货币, 数值): the kind it is, not a display word.
    expect(firstSaid(replace("  - code: ZB2\n    name: 满意率\n", "  - code: ZB2\n    name: 满意率\n    unit: 货币\n"))).toBe("unit (ZB2) 写英文代号:“货币”请写 amount(可用:percent, number, amount)");
  });

  it("reads a veto's grade worded as the 办法 does: the grade to write, and under which key", () => {
    for (const [written, fixed] of [
      ["不得评为优秀", "grade_at_most: 良好"],
      ["不得评优", "grade_at_most: 良好"],
      ["不得评先评优", "grade_at_most: 良好"],
      ["不得评为优秀、良好", "grade_at_most: 合格"],
      ["最高为良好", "grade_at_most: 良好"],
      ["直接定为合格", "grade: 合格"],
      ["年度考核为合格", "grade: 合格"],
    ] as const) {
      const text = graded(`{ ranked: true, grade_at_most: ${written} }`);
      expect(withMessages(load(text).diagnostics), written).toEqual([`rubric.veto-grade-words ${at(text)}:46 DZ1 的等次写等次的名称:“${written}”即写 ${fixed}(grade_at_most 写可评的最高等次,grade 写直接定的等次)`]);
    }
    // Not ranked: grade_at_most needs ranked: true, said at the same place in the same run.
    const unranked = graded("{ grade_at_most: 不得评为优秀 }");
    expect(found(unranked)).toEqual([`rubric.veto-unranked-keys ${at(unranked)}:32`, `rubric.veto-grade-words ${at(unranked)}:32`]);
    // A step down is no grade: said so.
    const step = graded("{ ranked: true, grade_at_most: 降一档 }");
    expect(found(step)).toEqual([`rubric.veto-grade-step ${at(step)}:46`]);
    // Which share a quota is of, as the 办法 says it (参评单位总数).
    const quota = graded("{ ranked: true }").replace("      otherwise: 合格\n", "      otherwise: 合格\n      quota_of: 参评单位总数\n");
    expect(firstSaid(quota)).toBe("grades.quota_of (overall) 写英文代号:“参评单位总数”请写 assessed(可用:ranked, assessed)");
    // A grade the rubric has not: the grades it has, as before.
    const text = graded("{ ranked: true, grade_at_most: 不得评为卓越 }");
    expect(found(text)).toEqual([`rubric.unknown-grade ${at(text)}:46`]);
    // Said with the gate, the key, the kind's rankings and the grades to write (the English key alone was no help).
    expect(firstSaid(text)).toMatch(/^\S+ 的 grade_at_most: “不得评为卓越” 不是\S+的排名(\S+)所评的等次;请写其中之一:/);
  });

  it("warns at a tie-breaker worth no points (a gate that only vetoes): it parts no tie", () => {
    const text = MINI.replace("    scale: 100\n", "    scale: 80\n").replace("    name: 党政线\n    max: 40\n", "    name: 党政线\n    max: 20\n").replace("        name: 基本指标\n        max: 20\n", "        name: 基本指标\n        max: 0\n").replace("    unit_kind: town\n    by: total\n", "    unit_kind: town\n    by: total\n    tie_breakers: [DZ1, JS]\n");
    const r = load(text);
    expect(r.rubric).toBeDefined();
    expect(r.diagnostics).toEqual([]);
    expect(withMessages(r.advice)).toEqual([`rubric.tie-breaker-worth-nothing r.yaml:${lineOf("    by: total", text) + 1}:20 DZ1 满分为 0(只管一票否决),各单位在此都是 0 分,作为比较项分不开任何并列`]);
  });
});

describe("every broken rubric gets one located line per problem", () => {
  it.each(cases)("$name", ({ text, expected }) => {
    const r = load(text);
    expect(r.rubric).toBeUndefined();
    expect(found(text)).toEqual(expected);
  });

  it("warns of bands whose best pays less than the max (share: 90% at the top): no unit can reach it", () => {
    const banded = (top: string): string => replace("        kind: threshold\n        indicator: ZB2\n        target: 90%\n", `        kind: bands\n        indicator: ZB2\n        bands:\n          - { from: 98%, ${top} }\n          - { from: 95%, share: 50% }\n`);
    const low = load(banded("share: 90%"));
    expect(low.rubric).toBeDefined();
    expect(withMessages(low.advice)).toEqual([`rubric.bands-top-below-max r.yaml:${lineOf("        kind: threshold") + 3}:13 分档项 JS2 最好的一档只得 9 分,满分 10 分任何单位都得不到;最好的一档应得满分的,请写 share: 100%`]);
    expect(load(banded("points: 8")).advice?.map((d) => d.code)).toEqual(["rubric.bands-top-below-max"]);
    // Full marks at the top, as share or as points: nothing said.
    expect(load(banded("share: 100%")).advice ?? []).toEqual([]);
    expect(load(banded("points: 10")).advice ?? []).toEqual([]);
  });

  it("warns of a threshold every unit meets: a lower-is-better rate's target written 1 (read as 100%, 1% meant)", () => {
    const lower = replace("  - code: ZB2\n", "  - code: ZB2\n    direction: lower\n");
    expect(lower).not.toBe(MINI);
    const one = load(lower.replace("        target: 90%\n", "        target: 1\n"));
    expect(one.rubric).toBeDefined();
    expect((one.advice ?? []).map((d) => `${d.code} ${d.location ? formatLocation(d.location) : ""}`)).toEqual([`rubric.threshold-always-met-one r.yaml:${lineOf("        target: 90%\n") + 1}:17`]);
    expect(message("zh-CN", one.advice![0]!.code, one.advice![0]!.data)).toBe("达标项 JS2 的目标写作 1,读作 100%:指标 ZB2 越低越好,任何单位都达标、得满分;如是 1%,请写 target: 1%");
    expect(load(lower.replace("        target: 90%\n", "        target: 100%\n")).advice?.map((d) => d.code)).toEqual(["rubric.threshold-always-met"]);
    // 1% meant and written: no warning; nor a higher-is-better target of 1 (100%), which units may miss.
    expect(load(lower.replace("        target: 90%\n", "        target: 1%\n")).advice ?? []).toEqual([]);
    expect(load(replace("        target: 90%\n", "        target: 1\n")).advice ?? []).toEqual([]);
  });

  it("warns of two items of one line with one name (a copy whose name was left), not of one name on two lines", () => {
    const twice = load(replace("        name: 满意率\n        max: 10\n", "        name: 宣传\n        max: 10\n"));
    expect(twice.rubric).toBeDefined();
    expect((twice.advice ?? []).map((d) => `${d.code} ${d.location ? formatLocation(d.location) : ""}`)).toEqual([`rubric.item-same-name r.yaml:${lineOf("        name: 满意率\n")}:15`]);
    expect(message("zh-CN", twice.advice![0]!.code, twice.advice![0]!.data)).toBe("JS2 与同一考核线的 JS1 同名(“宣传”):表上它们的列、结果中的行只能靠代码区分;如是复制后漏改了名称,请改正");
    const lines = load(replace("        name: 职责\n", "        name: 宣传\n"));
    expect(lines.rubric).toBeDefined();
    expect((lines.advice ?? []).filter((d) => d.code === "rubric.item-same-name")).toEqual([]);
  });

  it("says the date a date in another form reads as, and the id an id would be, to write instead", () => {
    const said = (text: string): string[] => load(text).diagnostics.map((d) => message("zh-CN", d.code, d.data));
    expect(said(replace('effective: "2026-01-01"', "effective: 2026年3月1日"))).toEqual(['effective 应为日期 YYYY-MM-DD,加引号:请写成 effective: "2026-03-01"']);
    expect(said(replace('effective: "2026-01-01"', 'effective: "2026/2/30"'))).toEqual(["effective 应为日期 YYYY-MM-DD(请加引号),且是日历上有的一天"]);
    expect(said(replace("id: mini\n", "id: Mini_Scheme 2026\n"))).toEqual(["id “Mini_Scheme 2026” 只能含小写字母、数字和 -,以字母或数字开头(文件名 编号-版本.yaml 也用它):请写成 id: mini-scheme-2026"]);
    expect(said(replace("id: mini\n", "id: 123\n"))).toEqual(['id “123” 只能含小写字母、数字和 -,以字母或数字开头(文件名 编号-版本.yaml 也用它):请写成 id: "123"']);
  });

  it("takes a name quoting a term whole (as the bundled scheme's “示范中心(站)” does): shown, never matched with a cell", () => {
    const r = load(replace("        name: 决策\n", "        name: “决策”\n"));
    expect(r.diagnostics).toEqual([]);
    expect(r.rubric).toBeDefined();
  });

  it("takes a yellow card below a mark alone, without last_place", () => {
    const r = load(replace("    last_place: true\n    below: 60\n", "    below: 60\n"));
    expect(r.diagnostics).toEqual([]);
    expect(r.rubric?.rankings[0]?.yellowCard).toEqual({ name: "黄牌警告", lastPlace: false, below: 6000 });
  });

  it("names a unit kind by its name where a charge is not its own (镇街, not its id)", () => {
    const text = replace("      name: 创新\n      points: 20\n", "      name: 创新\n      points: 20\n      unit_kinds: [town]\n      charge: BM\n");
    const r = load(text);
    expect(found(text)).toEqual([`rubric.unknown-charge r.yaml:${lineOf("      name: 创新\n") + 3}:15`]);
    expect(message("zh-CN", r.diagnostics[0]?.code ?? "", r.diagnostics[0]?.data ?? {})).toBe("计入对象 BM 不是单位类型 镇街 的考核线或项目(可写 total,或其考核线 DZ 党政线、JS 计生线 及其项目的代码)");
  });

  it("names the direction to write for bands going the other way: lower where none is written, higher where lower is (满意率 ≥98% full written on a rate better low)", () => {
    const banded = (marks: string[], shares: string[]): string => replace("        kind: threshold\n        indicator: ZB2\n        target: 90%\n", `        kind: bands\n        indicator: ZB2\n        bands:\n${marks.map((m, i) => `          - { from: ${m}%, share: ${shares[i]} }\n`).join("")}`);
    const lower = load(banded(["3", "5", "8"], ["100%", "70%", "40%"]));
    expect(lower.diagnostics.map((d) => [d.code, d.data.direction, d.data.indicator])).toEqual([["rubric.bands-other-direction", "lower", "ZB2 满意率"]]);
    const lowerWritten = (text: string): string => text.replace("  - code: ZB2\n    name: 满意率\n", "  - code: ZB2\n    name: 满意率\n    direction: lower\n");
    const higher = load(lowerWritten(banded(["90", "95", "98"], ["50%", "80%", "100%"])));
    expect(higher.diagnostics.map((d) => [d.code, d.data.direction])).toEqual([["rubric.bands-other-direction-reversed", "higher"]]);
    const higherAsWritten = load(lowerWritten(banded(["98", "95", "90"], ["100%", "80%", "50%"])));
    expect(higherAsWritten.diagnostics.map((d) => [d.code, d.data.direction])).toEqual([["rubric.bands-other-direction", "higher"]]);
    // Written right for its direction: nothing said.
    expect(load(lowerWritten(banded(["3", "5", "8"], ["100%", "70%", "40%"]))).diagnostics).toEqual([]);
  });

  it("says a cap takes no unit_kinds, and which codes to list instead (moving it to the top, where the kinds are defined, meant nothing)", () => {
    const dept = "    - { code: JF9, kind: bonus, name: 部门表彰, points: 2, unit_kinds: [department] }\n    - { code: KF9, kind: deduction, name: 部门通报, points: 2, unit_kinds: [department] }\n";
    // (JF8 is for both kinds: listed, the departments' JF8 rows are capped too; left out, the kind's are not: said.)
    const both = "    - { code: JF8, kind: bonus, name: 共同表彰, points: 1, unit_kinds: [town, department] }\n";
    const cases: [string, string, string, Record<string, string>][] = [
      ["[department]", "", "rubric.cap-unit-kinds", { codes: "JF9" }],
      ["[town]", "", "rubric.cap-unit-kinds", { codes: "JF1, JF2" }],
      ["[village]", "", "rubric.cap-unit-kinds-none", { codes: "" }],
      ["[department]", both, "rubric.cap-unit-kinds-shared", { codes: "JF9", shared: "JF8" }],
      ["[department, town]", both, "rubric.cap-unit-kinds", { codes: "JF1, JF2, JF9, JF8" }],
    ];
    for (const [capKinds, more, code, data] of cases) {
      const text = replace("    - code: DX1\n", `${dept}${more}    - code: DX1\n`).replace("ledger:\n", `ledger:\n  caps:\n    - { kind: bonus, max: 5, unit_kinds: ${capKinds} }\n`);
      const r = load(text);
      expect(found(text), capKinds).toEqual([`${code} r.yaml:${text.split("\n").findIndex((l) => l.includes("max: 5, unit_kinds")) + 1}:${"    - { kind: bonus, max: 5, ".length + 1}`]);
      expect(r.diagnostics[0]?.data, capKinds).toEqual(data);
    }
    // Only codes shared with other kinds: said without an empty list of the kind's own.
    const onlyShared = replace("    - code: DX1\n", `${both}    - code: DX1\n`).replace("ledger:\n", "ledger:\n  caps:\n    - { kind: bonus, max: 5, unit_kinds: [department] }\n");
    const r = load(onlyShared);
    expect([r.diagnostics[0]?.code, r.diagnostics[0]?.data]).toEqual(["rubric.cap-unit-kinds-shared-only", { shared: "JF8" }]);
  });

  it("says to write unit_kinds where a code naming none is charged to another kind's line or item (the first kind's lines were no answer)", () => {
    for (const [charge, line] of [["BM", 2], ["BM1", 2]] as const) {
      const text = replace("      name: 创新\n      points: 20\n", `      name: 创新\n      points: 20\n      charge: ${charge}\n`);
      const r = load(text);
      expect(found(text)).toEqual([`rubric.charge-other-kind r.yaml:${lineOf("      name: 创新\n") + line}:15`]);
      expect(message("zh-CN", r.diagnostics[0]?.code ?? "", r.diagnostics[0]?.data ?? {})).toBe(`计入对象 ${charge} 是单位类型 部门 的考核线或项目,而 JF1 未写 unit_kinds,只用于镇街:若它用于部门,请写 unit_kinds: [department]`);
    }
  });

  it("says to give each kind a code of its own where a code for two kinds is charged to one kind's line (its lines alone were no answer)", () => {
    const text = replace("      name: 创新\n      points: 20\n", "      name: 创新\n      points: 20\n      unit_kinds: [town, department]\n      charge: DZ\n");
    const r = load(text);
    expect(found(text)).toEqual([`rubric.charge-kinds-split r.yaml:${lineOf("      name: 创新\n") + 3}:15`]);
    expect(message("zh-CN", r.diagnostics[0]?.code ?? "", r.diagnostics[0]?.data ?? {})).toBe("计入对象 DZ 是镇街的考核线或项目,而 JF1 也用于部门,部门没有它:一个代码的记录只能计入一类单位的考核线或项目;请为部门另设代码(unit_kinds 只写它),计入其考核线 BM 部门职责 或其项目,或本代码写 charge: total");
  });

  it("refuses a charge to an item made of items (its points are their sum), naming its items and line", () => {
    const text = replace("      name: 创新\n      points: 20\n", "      name: 创新\n      points: 20\n      charge: DZ2\n");
    const r = load(text);
    expect(found(text)).toEqual([`rubric.charge-group-item r.yaml:${lineOf("      name: 创新\n") + 2}:15`]);
    expect(message("zh-CN", r.diagnostics[0]?.code ?? "", r.diagnostics[0]?.data ?? {})).toBe("计入对象 DZ2 是含子项的项目,其得分是子项之和,加扣分不能计入它;请计入其子项之一(DZ2.1 决策甲、DZ2.2 决策乙)或其考核线 DZ");
  });

  it("offers both readings of a bare number where the indicator may pass 100% (1.1: 110% or 1.1%)", () => {
    const text = replace("  - code: ZB2\n    name: 满意率\n", "  - code: ZB2\n    name: 满意率\n    max: 300%\n").replace("        indicator: ZB2\n        target: 90%\n", "        indicator: ZB2\n        target: 1.1\n");
    const r = load(text);
    expect(r.diagnostics.map((d) => message("zh-CN", d.code, d.data))).toEqual(["比率 “1.1” 无效:大于 1 或小于 -1 的数须带百分号;如是 110%,请写 110%;如是 1.1%,请写 1.1%"]);
  });

  it("says an unknown indicator alone, not its values as wrong in another unit (ZB66 for a count's ZB6: no \"write 2%\")", () => {
    const text = replace("        indicator: ZB2\n        target: 90%\n", "        indicator: ZB22\n        target: 2\n");
    expect(found(text)).toEqual([`rubric.unknown-indicator r.yaml:${lineOf("        indicator: ZB2\n")}:20`]);
  });

  it("asks back the percentage a bare number above 1 most likely means (from: 5 for 5%), not an unrelated 95%", () => {
    const r = load(replace("target: 90%", "target: 5"));
    expect(r.diagnostics.map((d) => message("zh-CN", d.code, d.data))).toEqual(["比率 “5” 无效:如是 5%,请写 5%(或写小数 0.05);大于 1 或小于 -1 的数须带百分号"]);
  });

  // min: -50 for −50% was read as −5000%, silently (a −80% growth then passed the workbook's check).
  it("asks back the percentage a bare number below -1 means (min: -50 for -50%), as one above 1", () => {
    const text = replace("  - code: ZB2\n    name: 满意率\n", "  - code: ZB2\n    name: 满意率\n    min: -50\n");
    const r = load(text);
    expect(found(text)).toEqual([`rubric.bad-rate-bare r.yaml:${lineOf("    name: 满意率\n") + 1}:10`]);
    expect(r.diagnostics.map((d) => message("zh-CN", d.code, d.data))).toEqual(["比率 “-50” 无效:如是 -50%,请写 -50%(或写小数 -0.5);大于 1 或小于 -1 的数须带百分号"]);
    expect(load(replace("  - code: ZB2\n    name: 满意率\n", "  - code: ZB2\n    name: 满意率\n    min: -50%\n")).diagnostics).toEqual([]);
  });

  it("names the band out of order and the band it asks no less than; the codes of each kind a cap mixes, and says to write two caps", () => {
    const bands = replace("        kind: threshold\n        indicator: ZB2\n        target: 90%\n", "        kind: bands\n        indicator: ZB2\n        bands:\n          - { from: 98%, share: 100% }\n          - { from: 90%, share: 50% }\n          - { from: 95%, share: 80% }\n");
    const said = (text: string): string[] => load(text).diagnostics.map((d) => message("zh-CN", d.code, d.data));
    expect(said(bands)).toEqual(["JS2 的第 3 档没有比第 2 档降低要求:各档应从最好的一档写起,逐档降低要求"]);
    const caps = replace("  codes:\n", "  caps:\n    - { codes: [JF1, KF1], max: 20 }\n  codes:\n");
    expect(said(caps)).toEqual(["一个上限只能管加分代码或扣分代码中的一类,不能混在一起:JF1 是加分,KF1 是扣分;请分成两个上限分别写"]);
  });

  it("refuses a charge to an item worth 0 (a gate that only vetoes): every row charged to it would count 0", () => {
    const zero = MINI.replace("        name: 基本指标\n        max: 20\n", "        name: 基本指标\n        max: 0\n").replace("        name: 决策\n        max: 20\n", "        name: 决策\n        max: 40\n").replace("            name: 决策甲\n            max: 12.5\n", "            name: 决策甲\n            max: 32.5\n");
    expect(load(zero).diagnostics).toEqual([]);
    const text = zero.replace("      name: 创新\n      points: 20\n", "      name: 创新\n      points: 20\n      charge: DZ1\n");
    const r = load(text);
    expect(found(text)).toEqual([`rubric.charge-zero-item r.yaml:${lineOf("      name: 创新\n") + 2}:15`]);
    expect(message("zh-CN", r.diagnostics[0]?.code ?? "", r.diagnostics[0]?.data ?? {})).toBe("计入对象 DZ1 基本指标 满分为 0(只作一票否决之用),计入它的加扣分都只能计 0;请计入其所在考核线 DZ 或另一个有分值的项目");
  });

  it("says the code where a line's or an indicator's name is written for it, at the name", () => {
    const at = (snippet: string, text: string, col: number): string => `r.yaml:${lineOf(snippet, text)}:${col}`;
    const lines = replace("    lines: [DZ, JS]\n", "    lines: [党政线, JS]\n");
    expect(withMessages(load(lines).diagnostics)).toEqual([`rubric.name-not-code ${at("    lines: [党政线", lines, 13)} lines[0] (town) 写的 “党政线” 是名称,这里要写代码:请写作 DZ`]);
    const indicator = replace("        indicator: ZB2\n", "        indicator: 满意率\n");
    expect(withMessages(load(indicator).diagnostics)).toEqual([`rubric.name-not-code ${at("        indicator: 满意率", indicator, 20)} indicator (JS2) 写的 “满意率” 是名称,这里要写代码:请写作 ZB2`]);
    // A weight keyed by a line's name: said once at it, not as the line's weight missing besides.
    const weights = replace("    lines: [DZ, JS]\n", "    lines: [DZ, JS]\n    weights: { 党政线: 100%, JS: 100% }\n");
    expect(withMessages(load(weights).diagnostics)).toEqual([`rubric.name-not-code ${at("    weights: {", weights, 16)} weights (town) 写的 “党政线” 是名称,这里要写代码:请写作 DZ`]);
    // In English too.
    expect(firstSaid(lines, "en")).toBe('lines[0] (town): "党政线" is a name, and a code goes here: write DZ');
    // Only a name of what goes there: an item's (宣传) is no indicator's, and no code is offered for it.
    expect(found(replace("        indicator: ZB2\n", "        indicator: 宣传\n"))).toEqual([`rubric.bad-format-code r.yaml:${lineOf("        indicator: ZB2\n")}:20`]);
    // An item's name for a single-item award's linked item: the item's code.
    const linked = replace("      linked_item: JS1\n", "      linked_item: 宣传\n");
    expect(withMessages(load(linked).diagnostics).map((l) => l.replace(/ r\.yaml:\d+:\d+/, ""))).toEqual(["rubric.name-not-code linked_item (DX1) 写的 “宣传” 是名称,这里要写代码:请写作 JS1"]);
    // A name that looks like a code (PM25): its code, not "define it".
    const pm = replace("  - code: ZB1\n    name: 符合率\n", "  - code: ZB1\n    name: PM25\n").replace("indicator: ZB1", "indicator: PM25");
    expect(withMessages(load(pm).diagnostics)).toEqual([`rubric.name-not-code ${at("        indicator: PM25", pm, 20)} indicator (DZ1) 写的 “PM25” 是名称,这里要写代码:请写作 ZB1`]);
    // A line keyed by its name beside its code: one of them to delete, not its code to write (a key twice).
    const twice = replace("    lines: [DZ, JS]\n", "    lines: [DZ, JS]\n    weights: { 党政线: 100%, DZ: 100%, JS: 100% }\n");
    expect(withMessages(load(twice).diagnostics)).toEqual([`rubric.weight-named-twice ${at("    weights: {", twice, 16)} weights 中的 “党政线” 是考核线 DZ 的名称,而 DZ 另有权重:一条考核线只写一个权重(按代码写),请删去其一`]);
  });

  it("says the charge meant where the total is named by another word, a code in lower case or a line by its name", () => {
    const said = (charge: string): string[] => {
      const text = replace("      name: 创新\n      points: 20\n", `      name: 创新\n      points: 20\n      charge: ${charge}\n`);
      return load(text).diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)} ${message("zh-CN", d.code, d.data)}`);
    };
    const at = `r.yaml:${lineOf("      name: 创新\n") + 2}:15`;
    expect(said("Total")).toEqual([`rubric.charge-total-word ${at} 计入总分写作 charge: total(或不写 charge),不写“Total”`]);
    expect(said("总分")).toEqual([`rubric.charge-total-word ${at} 计入总分写作 charge: total(或不写 charge),不写“总分”`]);
    expect(said("dz")).toEqual([`rubric.unknown-charge-meant ${at} 计入对象 dz 不是单位类型 镇街 的考核线或项目的代码:是指 DZ 党政线 吗?请写其代码`]);
    expect(said("计生线")).toEqual([`rubric.unknown-charge-meant ${at} 计入对象 计生线 不是单位类型 镇街 的考核线或项目的代码:是指 JS 计生线 吗?请写其代码`]);
  });

  it("names a key by the item that holds it, not by an index path", () => {
    const r = load(replace("            name: 决策乙\n            max: 7.5\n", "            name: 决策乙\n"));
    expect(r.diagnostics[0]?.data).toMatchObject({ key: "max (DZ2.2)" });
  });

  it("collects several problems in one pass", () => {
    const text = replace("            max: 7.5", "            max: 8").replace("indicator: ZB2", "indicator: ZB7").replace("kind: threshold", "kind: thresold");
    expect(found(text).length).toBe(1); // shape errors stop before cross-checks
    const text2 = replace("            max: 7.5", "            max: 8").replace("indicator: ZB2", "indicator: ZB7");
    expect(found(text2).map((s) => s.split(" ")[0])).toEqual(["rubric.max-mismatch", "rubric.unknown-indicator"]);
  });

  it("offers as tie-breakers only keys that could part units: not the ranking's own, nor a gate worth nothing", () => {
    const text = replace("    unit_kind: town\n    by: total\n", "    unit_kind: town\n    by: total\n    tie_breakers: [DZX]\n").replace("        max: 20\n        kind: gate\n", "        max: 0\n        kind: gate\n").replace("    name: 党政线\n    max: 40\n", "    name: 党政线\n    max: 20\n");
    // (The scale, 20 short now, is said too: not this test's business.)
    const d = load(text).diagnostics.filter((x) => x.code !== "rubric.scale-mismatch");
    expect(d.map((x) => [x.code, x.data.allowed])).toEqual([["rubric.unknown-tie-breaker", "DZ, JS, DZ2, DZ2.1, DZ2.2, JS1, JS2"]]);
  });

  it("answers a group named where its id belongs with this rubric's groups of that kind (it offered the bundled scheme's rural)", () => {
    const own = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const text = own.replace("    group: rural\n", "    group: 乡镇组\n");
    expect(text).not.toBe(own);
    const d = loadRubric("r.yaml", new TextEncoder().encode(text), "test").diagnostics;
    expect(d.map((x) => `${x.code} ${x.location ? formatLocation(x.location) : ""}`)).toEqual([`rubric.bad-format-id-group-of r.yaml:${lineOf("    group: rural\n", own)}:12`]);
    expect(message("zh-CN", d[0]!.code, d[0]!.data)).toMatch(/写分组的 id,不写名称;可写的分组:rural\(乡镇组\)、urban\(街道组\)$/);
    // Without groups to offer (none defined), the bundled scheme's id is not offered either.
    expect(message("zh-CN", "rubric.bad-format-id-group", { key: "group" })).not.toContain("rural");
  });

  it("says a problem in a block used again by an alias once, where its anchor is (it was said again at every *alias, where there is nothing to mend)", () => {
    const text = replace("    unit_kind: town\n    by: DZ\n", "    unit_kind: town\n    by: DZ\n    grades: &g\n      bands: [{ name: 优秀, from: 90, ties: none }]\n      otherwise: 合格\n").replace("    unit_kind: town\n    by: JS\n", "    unit_kind: town\n    by: JS\n    grades: *g\n");
    const anchor = text.split("\n").findIndex((l) => l.includes("ties: none")) + 1;
    expect(found(text)).toEqual([`rubric.key-belongs-above r.yaml:${anchor}:${"      bands: [{ name: 优秀, from: 90, ".length + 1}`]);
  });

  it("says a block's wrong value once at its anchor, not as missing where an alias uses it", () => {
    const text = replace("    unit_kind: town\n    by: DZ\n", "    unit_kind: town\n    by: DZ\n    grades:\n      bands: [&b { name: 优秀, from: 九十 }]\n      otherwise: 合格\n").replace("    unit_kind: town\n    by: JS\n", "    unit_kind: town\n    by: JS\n    grades:\n      bands: [*b]\n      otherwise: 合格\n");
    const anchor = text.split("\n").findIndex((l) => l.includes("from: 九十")) + 1;
    // (九十 in Chinese numerals: asked for as 90.)
    expect(found(text)).toEqual([`rubric.write-as r.yaml:${anchor}:${"      bands: [&b { name: 优秀, from: ".length + 1}`]);
  });

  it("says a block used where it does not fit at the alias that uses it (tie-breakers of another kind's items)", () => {
    const text = replace("    unit_kind: town\n    by: total\n", "    unit_kind: town\n    by: total\n    tie_breakers: &tb [DZ]\n").replace("    unit_kind: department\n    by: BM\n", "    unit_kind: department\n    by: BM\n    tie_breakers: *tb\n");
    const use = text.split("\n").findIndex((l) => l.includes("tie_breakers: *tb")) + 1;
    expect(found(text)).toEqual([`rubric.tie-breaker-other-kind r.yaml:${use}:19`]);
    // Said whose it is (the towns'), not only that it is not the departments'.
    expect(firstSaid(text)).toBe("并列时的比较依据(tie_breakers)“DZ” 是镇街的,不是部门的:部门的排名只能比较部门的总分、线或项目,可用:total, BM1");
  });

  it("says what is wrong in an anchored block at every use once, at the anchor; what is wrong at one use alone, there, each code of it", () => {
    const own = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const tier = "      - { name: 一等奖, ranks: [1, 1], amount: 50000 }\n";
    expect(own.split(tier).length).toBe(3);
    // A reversed range in a tier the second ranking brings by its alias: once, at the anchor (it was said at both).
    const every = own.replace(tier, "      - &t1 { name: 一等奖, ranks: [2, 1], amount: 50000 }\n").replace(tier, "      - *t1\n");
    const anchor = every.split("\n").findIndex((l) => l.includes("&t1")) + 1;
    const d = loadRubric("r.yaml", new TextEncoder().encode(every), "test").diagnostics;
    expect(d.map((x) => `${x.code} ${x.location ? formatLocation(x.location) : ""}`.replace(/:\d+$/, ""))).toEqual([`rubric.range-reversed r.yaml:${anchor}`]);
    // Two codes the towns have and the departments not, brought to them by an alias: each said, there (one was lost).
    const one = replace("    unit_kind: town\n    by: total\n", "    unit_kind: town\n    by: total\n    tie_breakers: &tb [DZ, JS]\n").replace("    unit_kind: department\n    by: BM\n", "    unit_kind: department\n    by: BM\n    tie_breakers: *tb\n");
    const use = one.split("\n").findIndex((l) => l.includes("tie_breakers: *tb")) + 1;
    expect(load(one).diagnostics.map((x) => [x.code, x.location && "line" in x.location ? x.location.line : 0, x.data.key])).toEqual([
      ["rubric.tie-breaker-other-kind", use, "DZ"],
      ["rubric.tie-breaker-other-kind", use, "JS"],
    ]);
  });

  it("says a problem in one band of a grades block three rankings share once, at that band: not again at another band of the block asked of after it (a quota_min without a share, at 合格's)", () => {
    const own = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const towns = "    grades:\n      bands:\n        - { name: 优秀, from: 90, quota: 20% }\n        - { name: 良好, from: 80 }\n        - { name: 合格, from: 60 }\n      otherwise: 不合格\n      ties: none\n";
    const departments = "    grades:\n      bands:\n        - { name: 优秀, from: 90, quota: 30% }\n        - { name: 良好, from: 80 }\n        - { name: 合格, from: 60 }\n      otherwise: 不合格\n      ties: all\n";
    const enterprises = "    grades:\n      bands:\n        - { name: 优秀, from: 90, quota: 1 }\n        - { name: 合格, from: 60 }\n      otherwise: 不合格\n      ties: none\n";
    for (const b of [towns, departments, enterprises]) expect(own).toContain(b);
    const text = own.replace(towns, "    grades: &g\n      bands:\n        - { name: 优秀, from: 90, quota: 1, quota_min: 1 }\n        - { name: 良好, from: 80 }\n        - { name: 合格, from: 60 }\n      otherwise: 不合格\n      ties: none\n").replace(departments, "    grades: *g\n").replace(enterprises, "    grades: *g\n");
    const at = text.split("\n").findIndex((l) => l.includes("quota_min: 1")) + 1;
    const d = loadRubric("r.yaml", new TextEncoder().encode(text), "test").diagnostics;
    expect(d.map((x) => `${x.code} ${x.location ? formatLocation(x.location) : ""}`)).toEqual([`rubric.quota-min-without-share r.yaml:${at}:${"        - { name: 优秀, from: 90, quota: 1, quota_min: ".length + 1}`]);
    // Its grades out of order: once, at the band, though each ranking's message names its own ranking
    // (said again at each *g, where there is nothing to mend).
    const disordered = text.replace("quota: 1, quota_min: 1 }", "quota: 20% }").replace("        - { name: 良好, from: 80 }\n", "        - { name: 良好, from: 95 }\n");
    const band = disordered.split("\n").findIndex((l) => l.includes("{ name: 良好, from: 95 }")) + 1;
    const said = loadRubric("r.yaml", new TextEncoder().encode(disordered), "test").diagnostics;
    expect(said.map((x) => `${x.code} ${x.location ? formatLocation(x.location) : ""}`)).toEqual([`rubric.grade-bands-order r.yaml:${band}:${"        - { name: 良好, from: ".length + 1}`]);
  });

  it("says of the line it points at that it is indented less than its list's entries, where a list item is (it pointed at it and asked about the line above)", () => {
    const d = load(replace("  - code: ZB1\n    name: 符合率\n  - code: ZB2\n    name: 满意率\n", "  - { code: ZB1, name: 符合率 }\n - { code: ZB2, name: 满意率 }\n")).diagnostics[0]!;
    expect(message("zh-CN", d.code, d.data)).toContain("这一项(以 “- ” 开头)比上面同一列表的各项缩进得少");
  });

  it("says a key written as a list at its line, and nothing more: the parser's own warning, in English, went to standard error", () => {
    const warned: unknown[] = [];
    const keep = (w: unknown): void => void warned.push(w);
    process.on("warning", keep);
    const emit = vi.spyOn(process, "emitWarning");
    try {
      // (At its line, where the list is: a tester's find, it was said at the map's first line.)
      const d = load(`${MINI}? [a, b]\n: 1\n`).diagnostics;
      const line = MINI.split("\n").length;
      expect(d.map((x) => `${x.code} ${formatLocation(x.location!)}`)).toContain(`rubric.unknown-key r.yaml:${line}:3`);
      expect(emit).not.toHaveBeenCalled();
    } finally {
      emit.mockRestore();
      process.off("warning", keep);
    }
  });

  it("refuses oversized files and non-UTF-8 bytes", () => {
    expect(loadRubric("big.yaml", new Uint8Array(2 * 1024 * 1024).fill(0x20), "test").diagnostics[0]?.code).toBe("rubric.too-large");
    // A workbook as large (a province's result chosen on the page): said as a workbook.
    const big = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "xl/workbook.xml": strToU8("<workbook/>"), "xl/media/image1.png": Uint8Array.from({ length: 1536 * 1024 }, (_, i) => (i * 2654435761) >>> 24) }, { level: 0 });
    expect(loadRubric("青山区.scored.xlsx", big, "test").diagnostics[0]?.code).toBe("rubric.is-workbook");
    // The page on writing one (docs/rubric.md), given as one: said as a document, at its first code block (it was a key spanning lines in the prose).
    const doc = readFileSync("docs/rubric.md");
    const fence = doc.toString("utf8").split("\n").findIndex((l) => l.startsWith("```")) + 1;
    expect(loadRubric("rubric.md", doc, "test").diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual([`rubric.is-markdown rubric.md:${fence}:1`]);
    expect(loadRubric("x.yaml", new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0x0a]), "test").diagnostics[0]).toMatchObject({ code: "rubric.not-utf8", location: { line: 1 } });
  });

  it("says a rubric saved by Notepad as \"Unicode\" or \"ANSI\" (GBK) is so, at the first line that is no UTF-8, and how to save it again", () => {
    const utf16 = loadRubric("x.yaml", new Uint8Array([0xff, 0xfe, 0x69, 0x00, 0x64, 0x00]), "test").diagnostics[0];
    expect(utf16).toMatchObject({ code: "rubric.utf16", location: { line: 1, col: 1 } });
    // Saved without its byte-order mark, little- or big-endian: UTF-16 all the same (it was "not UTF-8" at line 2).
    const le = Buffer.from('id: x\nversion: "1"\nname: 考核\n', "utf16le");
    expect(loadRubric("x.yaml", le, "test").diagnostics[0]).toMatchObject({ code: "rubric.utf16", location: { line: 1 } });
    expect(loadRubric("x.yaml", Buffer.from(le).swap16(), "test").diagnostics[0]).toMatchObject({ code: "rubric.utf16", location: { line: 1 } });
    // id: x / version: "1" / name: 考核 (考 is B F C C in GBK)
    const gbk = new Uint8Array([...Buffer.from('id: x\nversion: "1"\nname: '), 0xbf, 0xbc, 0xba, 0xcb, 0x0a]);
    const d = loadRubric("x.yaml", gbk, "test").diagnostics[0];
    expect(d).toMatchObject({ code: "rubric.gbk", location: { file: "x.yaml", line: 3, col: 1 } });
    expect(message("zh-CN", d!.code, d!.data)).toBe("方案文件是 GBK 编码(记事本的“ANSI”),不是 UTF-8;请用记事本“另存为”,编码选 UTF-8 后再试");
  });

  it("never throws on arbitrary text", () => {
    for (const t of ["{", "[[[", "a: *b", "? : :", "\t- x", "a: !!binary x", "&a a: 1", "- &a\n- *a\n".repeat(200)]) {
      expect(() => load(t)).not.toThrow();
      expect(load(t).diagnostics.length).toBeGreaterThan(0);
    }
  });
});

describe("a max its parts do not add up to", () => {
  it("names each part's max, so that the one changed is seen (it was said at the whole's max alone)", () => {
    const d = load(replace("            max: 7.5", "            max: 8")).diagnostics.find((x) => x.code === "rubric.max-mismatch");
    expect(d && message("zh-CN", d.code, d.data)).toBe("DZ2 的满分为 20,但其下各项满分之和为 20.5(DZ2.1 12.5、DZ2.2 8):请改正其中一项或 DZ2 的满分");
    expect(d && message("en", d.code, d.data)).toBe("DZ2 has max 20 but its parts add up to 20.5 (DZ2.1 12.5, DZ2.2 8): correct one of them, or change the max of DZ2");
  });
});

describe("flag words", () => {
  it("are optional: a ledger without them reads 是 √ Y as flagged and 否 × N as not", () => {
    const r = load(replace("  flag_words:\n    yes: [是]\n    no: [否]\n", ""));
    expect(r.diagnostics).toEqual([]);
    expect(r.rubric?.flaggedWords).toEqual({ yes: ["是", "√", "Y"], no: ["否", "×", "N"] });
  });
});

describe("indicators and targets", () => {
  it("may be left out by a scheme that measures nothing", () => {
    const judgedOnly = MINI.replace(/indicators:\n(?: {2}.*\n)+targets:\n(?: {2}.*\n)+/, "")
      .replace("        max: 20\n        kind: gate\n        indicator: ZB1\n        target: MB1\n", "        max: 20\n")
      .replace("        max: 10\n        kind: threshold\n        indicator: ZB2\n        target: 90%\n", "        max: 10\n");
    expect(judgedOnly).not.toMatch(/indicators|targets|ZB|MB/);
    const r = load(judgedOnly);
    expect(r.diagnostics).toEqual([]);
    expect([r.rubric?.indicators, r.rubric?.targets]).toEqual([[], []]);
  });
});

describe("a status word in two categories, or twice in one", () => {
  it("is named, as what it is", () => {
    const said = (t: string): string[] => load(t).diagnostics.map((d) => message("zh-CN", d.code, d.data));
    expect(said(replace("    pending: [申报中]", "    pending: [申报中, 已认定]"))).toEqual(["状态词 “已认定” 出现在多个类别中(计分、待定、不计只能选一)"]);
    expect(said(replace("    pending: [申报中]", "    pending: [申报中, 申报中]"))).toEqual(["状态词 “申报中” 写了两次"]);
  });
});

describe("a ledger's statuses", () => {
  it("need only the counted ones: a scheme with no pending or refused status need not invent one", () => {
    const text = MINI.replace(/^ {4}pending: .*\n/m, "").replace(/^ {4}rejected: .*\n/m, "");
    expect(text).not.toContain("pending:");
    const r = load(text);
    expect(r.diagnostics).toEqual([]);
    expect([r.rubric?.statuses.pending, r.rubric?.statuses.rejected]).toEqual([[], []]);
  });

  // Quoted with a space after it, 已认定 refused every row of every workbook (the cell's was trimmed,
  // the rubric's not), and its own template's drop-down offered the spaced word.
  it("and every name or word the workbook is matched with are read without spaces at their ends", () => {
    const text = MINI.replace("    counted: [已认定]", '    counted: ["已认定 "]');
    expect(text).toContain('["已认定 "]');
    const r = load(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.rubric?.statuses.counted).toEqual(["已认定"]);
    // A level's name (a key) and a tie-breaker (a no-break space after it) alike.
    const level = load(MINI.replace("{ 市级: 5,", '{ "市级 ": 5,').replace("    by: total\n", "    by: total\n    tie_breakers: [DZ\u00a0]\n"));
    expect(level.diagnostics).toEqual([]);
    expect(Object.keys(level.rubric?.ledger.find((c) => c.levels?.["市级"] !== undefined)?.levels ?? {})).toEqual(["市级", "省级", "国家级"]);
    expect(level.rubric?.rankings[0]?.tieBreakers).toEqual(["DZ"]);
    // Spaces alone are a blank word, said so at it (it was "may not be less than 1").
    const blank = load(MINI.replace("    counted: [已认定]", '    counted: [" "]')).diagnostics;
    expect(blank.map((d) => [d.code, message("zh-CN", d.code, d.data)])).toEqual([["rubric.blank-text", "ledger.statuses.counted[0] 不能为空"]]);
  });
});

describe("a veto that does not keep the unit ranked", () => {
  it("with grade_at_most or a place (which only a ranked unit has) is an error at the first of them, saying the ways out; a grade set outright it takes", () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const was = "        veto:\n          ranked: true\n          grade: 不合格\n          place: passed\n";
    expect(text).toContain(was);
    const said = (veto: string): string[] => {
      const t = text.replace(was, veto);
      return loadRubric("t.yaml", new TextEncoder().encode(t), "t.yaml").diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)} ${message("zh-CN", d.code, d.data)}`);
    };
    const line = text.split("\n").indexOf("          ranked: true") + 2;
    expect(said("        veto:\n          ranked: false\n          grade_at_most: 合格\n          place: empty\n")).toEqual([
      `rubric.veto-unranked-keys t.yaml:${line}:26 SH1 的 veto 未写 ranked: true,被否决的单位不参加排名,没有名次可留空、也没有按得分评的等次可限制,grade_at_most, place 不起作用:要让它仍参加排名,写 ranked: true;要直接定等次,写 grade;否则删去 grade_at_most, place`,
    ]);
    expect(said("        veto:\n          grade: 不合格\n")).toEqual([]);
    // place: passed is what happens to a place a unit not ranked never holds: no slip.
    expect(said("        veto:\n          place: passed\n")).toEqual([]);
    // place: empty alone: said without a word of grades.
    expect(said("        veto:\n          place: empty\n")).toEqual([
      `rubric.veto-unranked-place t.yaml:${line - 1}:18 SH1 的 veto 未写 ranked: true,被否决的单位不参加排名,没有名次可留空,place: empty 不起作用:要让它仍参加排名并留空其奖次,写 ranked: true;否则删去 place`,
    ]);
  });
});

describe("a veto held to the best grade", () => {
  it("is warned at grade_at_most as holding no unit back, with the grade that does; the next grade down is not", () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const was = "        veto:\n          ranked: true\n          grade: 不合格\n          place: passed\n";
    expect(text).toContain(was);
    const load = (veto: string): ReturnType<typeof loadRubric> => loadRubric("t.yaml", new TextEncoder().encode(text.replace(was, veto)), "t.yaml");
    const advice = (veto: string): string[] => (load(veto).advice ?? []).map((d) => `${d.code} ${formatLocation(d.location!)} ${message("zh-CN", d.code, d.data)}`);
    const line = text.split("\n").indexOf("          ranked: true") + 2;
    expect(advice("        veto:\n          ranked: true\n          grade_at_most: 优秀\n")).toEqual([
      `rubric.veto-grade-at-most-best t.yaml:${line}:26 SH1 的一票否决 grade_at_most: 优秀 是最高等次,不限制被否决的单位,此项不起作用:grade_at_most 写可评的最高等次,“不得评为优秀”写 grade_at_most: 良好`,
    ]);
    expect(load("        veto:\n          ranked: true\n          grade_at_most: 优秀\n").diagnostics).toEqual([]);
    expect(advice("        veto:\n          ranked: true\n          grade_at_most: 良好\n")).toEqual([]);
    // Bands written wrong (优秀's mark below 良好's, or as a fraction): that error alone, not 良好
    // taken for the best grade (and "不得评为良好" told to be written grade_at_most: 优秀).
    const heldTo = "        veto:\n          ranked: true\n          grade_at_most: 良好\n";
    for (const mark of ["79", "0.9"]) {
      const bands = text.replace(was, heldTo).replace("        - { name: 优秀, from: 90, quota: 20% }\n", `        - { name: 优秀, from: ${mark}, quota: 20% }\n`);
      expect(bands).not.toBe(text.replace(was, heldTo));
      const loaded = loadRubric("t.yaml", new TextEncoder().encode(bands), "t.yaml");
      expect(loaded.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual([`${mark === "79" ? "rubric.grade-bands-order" : "rubric.mark-fraction"} t.yaml:${bands.split("\n").findIndex((l) => l.includes(mark === "79" ? "name: 良好, from: 80" : "name: 优秀, from: 0.9")) + 1}:29`]);
      expect(loaded.advice ?? []).toEqual([]);
    }
    // Not ranked: the error that grade_at_most does nothing there says it, not this advice the other way.
    const unranked = load("        veto:\n          grade_at_most: 优秀\n");
    expect(unranked.diagnostics.map((d) => d.code)).toEqual(["rubric.veto-unranked-keys"]);
    expect(unranked.advice ?? []).toEqual([]);
  });
});

describe("a veto's place where no ranking of the kind gives prizes", () => {
  it("is warned at place, as doing nothing; with prize tiers, or unwritten, nothing is said", () => {
    const held = MINI.replace("        target: MB1\n", "        target: MB1\n        veto: { ranked: true, place: passed }\n");
    const untiered = held.replace("  tiers:\n    - name: 一等奖\n      ranks: [1, 1]\n    - name: 二等奖\n      ranks: [2, 3]\n", "");
    expect(untiered).not.toBe(held);
    const advice = (t: string): string[] => (loadRubric("r.yaml", Buffer.from(t), "x").advice ?? []).map((d) => `${d.code} ${formatLocation(d.location!)} ${message("zh-CN", d.code, d.data)}`);
    const line = lineOf("veto: { ranked: true", held);
    const col = (held.split("\n")[line - 1] ?? "").indexOf("passed") + 1;
    expect(advice(untiered)).toEqual([`rubric.veto-place-no-prizes r.yaml:${line}:${col} DZ1 的 place: passed 只对设奖次的排名起作用(被否决单位的计奖名次空出或由后一名递补),而镇街的排名都不设奖次,此项不起作用:可删去,或给排名加上 tiers`]);
    expect(loadRubric("r.yaml", Buffer.from(untiered), "x").diagnostics).toEqual([]);
    expect(advice(held)).toEqual([]);
    expect(advice(untiered.replace("veto: { ranked: true, place: passed }", "veto: { ranked: true }"))).toEqual([]);
  });
});

describe("a list closed before its line's end", () => {
  it("is not told to be quoted as text (levels: [市级, 省级] 国家级): only a key of free text is", () => {
    const codes = found(replace("      levels: { 市级: 5, 省级: 7, 国家级: 10 }\n", "      levels: [市级, 省级] 国家级\n")).map((c) => c.split(" ")[0]);
    // Said as an entry left outside the list, at its closing ].
    expect(found(replace("      levels: { 市级: 5, 省级: 7, 国家级: 10 }\n", "      levels: [市级, 省级] 国家级\n"))).toEqual([`rubric.yaml.LIST_AFTER_CLOSE r.yaml:${lineOf("      levels: { 市级: 5, 省级: 7, 国家级: 10 }")}:23`]);
    expect(codes).not.toContain("rubric.yaml.TEXT_AFTER_CLOSE");
  });
});

describe("prize tiers", () => {
  it("leaving a place between them (二等奖 from the 3rd: the 2nd wins nothing) are asked about at the later, the rubric valid", () => {
    const r = load(replace("    - name: 二等奖\n      ranks: [2, 3]\n", "    - name: 二等奖\n      ranks: [3, 4]\n"));
    expect(r.rubric).toBeDefined();
    expect(r.diagnostics).toEqual([]);
    expect(withMessages(r.advice)).toEqual([`rubric.tiers-gap r.yaml:${lineOf("      ranks: [2, 3]")}:14 一等奖 与 二等奖 之间的第 2 名不属于任何奖次,不获奖;如非有意,请把某个奖次的 ranks 接上`]);
  });
});

describe("what would score nothing as meant", () => {
  it("is asked about at the key, the rubric valid: a cap under one row's points, a place's step as large as the item", () => {
    const advice = (t: string): string[] => {
      const r = load(t);
      expect(r.diagnostics).toEqual([]);
      return withMessages(r.advice);
    };
    // JF2 worth 5 at the least (市级): a cap of 2 cuts every row.
    expect(advice(replace("      levels: { 市级: 5, 省级: 7, 国家级: 10 }\n", "      levels: { 市级: 5, 省级: 7, 国家级: 10 }\n      cap: 2\n"))).toEqual([
      `rubric.cap-under-a-row r.yaml:${lineOf("      levels: { 市级: 5, 省级: 7, 国家级: 10 }\n") + 1}:12 JF2 的上限 2 分小于一条记录的分值 5 分:每个单位从 JF2 至多得 2 分,一条记录就会被截去;如非有意,请核对 cap`,
    ]);
    expect(advice(replace("      levels: { 市级: 5, 省级: 7, 国家级: 10 }\n", "      levels: { 市级: 5, 省级: 7, 国家级: 10 }\n      cap: 5\n"))).toEqual([]);
    // A cap on a single-item recognition, meant as the award's count of winners: nothing to cap, it did nothing unsaid.
    expect(advice(replace("      name: 信息化\n      levels: [市级, 省级, 国家级]\n", "      name: 信息化\n      levels: [市级, 省级, 国家级]\n      cap: 2\n"))).toEqual([
      `rubric.single-has-cap r.yaml:${lineOf("    - code: DX1\n      kind: single") + 4}:12 单项奖代码 DX1 不计分,cap 对它不起作用(已忽略):请删去 cap;如要限定获奖单位个数,请在排名的 single 下该单项奖中写 count,如 count: 2`,
    ]);
    // In English too, a single place said as such.
    const gap = load(replace("    - name: 二等奖\n      ranks: [2, 3]\n", "    - name: 二等奖\n      ranks: [3, 4]\n")).advice?.[0];
    expect(gap && message("en", gap.code, gap.data)).toBe("no tier covers place(s) 2, between 一等奖 and 二等奖: they win nothing; if that is not meant, make one tier's ranks reach them");
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const line = lineOf("        per_place: 1.5", text);
    const r = loadRubric("r.yaml", Buffer.from(text.replace("        per_place: 1.5", "        per_place: 15")), "x");
    expect(withMessages(r.advice).filter((a) => a.startsWith("rubric.per-place-whole"))).toEqual([`rubric.per-place-whole r.yaml:${line}:20 JJ4 每降一名减 15 分,已达到或超过满分 15 分:除第 1 名外所有单位都得 0 分;如非有意,请改小 per_place`]);
  });
});

describe("a grade's name", () => {
  it("given twice is said by name at the second (a band's, or otherwise's), not at the bands' key", () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const band = text.replace("        - { name: 良好, from: 80 }\n        - { name: 合格, from: 60 }\n      otherwise: 不合格\n", "        - { name: 良好, from: 80 }\n        - { name: 良好, from: 60 }\n      otherwise: 不合格\n");
    expect(band).not.toBe(text);
    const line = lineOf("        - { name: 合格, from: 60 }", text);
    // (合格, no longer a grade of the towns', is said where a veto gives it.)
    expect(withMessages(load(band).diagnostics)).toContain(`rubric.grade-twice r.yaml:${line}:19 等次名 “良好” 出现了两次(各档和 otherwise 的等次名要各不相同)`);
    const otherwise = text.replace("        - { name: 合格, from: 60 }\n      otherwise: 不合格\n", "        - { name: 合格, from: 60 }\n      otherwise: 合格\n");
    expect(found(otherwise)).toContain(`rubric.grade-twice r.yaml:${line + 1}:18`);
  });
});

describe("a grade's quota", () => {
  it("of 0 is an error at its line (no unit could get the grade)", () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const zero = text.replace("{ name: 优秀, from: 90, quota: 20% }", "{ name: 优秀, from: 90, quota: 0% }");
    expect(zero).not.toBe(text);
    expect(found(zero)).toEqual([`rubric.quota-zero r.yaml:${lineOf("quota: 20%", text)}:${text.split("\n")[lineOf("quota: 20%", text) - 1]!.indexOf("20%") + 1}`]);
  });

  it("not read is said once, as what a quota may be: a count or a share (130% is not also a quota of 0)", () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const at = `r.yaml:${lineOf("quota: 20%", text)}:${text.split("\n")[lineOf("quota: 20%", text) - 1]!.indexOf("20%") + 1}`;
    const quota = (q: string): string[] => found(text.replace("{ name: 优秀, from: 90, quota: 20% }", `{ name: 优秀, from: 90, quota: ${q} }`));
    expect(quota("130%")).toEqual([`rubric.bad-quota-share ${at}`]);
    expect(quota("1.5")).toEqual([`rubric.bad-quota ${at}`]);
    expect(quota("-1")).toEqual([`rubric.bad-quota ${at}`]);
    // A count and a share are both quotas.
    expect(quota("2")).toEqual([]);
    expect(quota("0.2")).toEqual([]);
    // Typed with a space or a measure word (30 %, 3个): the quota to write, not the ways quotas are written.
    expect(quota("30 %")).toEqual([`rubric.bad-quota-fix ${at}`]);
    expect(quota("3个")).toEqual([`rubric.bad-quota-fix ${at}`]);
    const said = (q: string): string => message("zh-CN", "rubric.bad-quota-fix", load(text.replace("{ name: 优秀, from: 90, quota: 20% }", `{ name: 优秀, from: 90, quota: ${q} }`)).diagnostics[0]!.data);
    expect(said("30 %")).toContain("的名额 30 % 无效:请写 30%");
    expect(said("3 名")).toContain("的名额 3 名 无效:请写 3(");
    // As a sentence of the 办法 puts it.
    expect(said("不超过30%")).toContain("请写 30%(");
    expect(said("20%以内")).toContain("请写 20%(");
    expect(said("百分之三十")).toContain("请写 30%(");
    expect(said("前3名")).toContain("请写 3(");
  });

  it("absent from every band makes ties do nothing: warned at ties, saying the ways out; with a quota, or without ties, nothing is said", () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const noQuota = text.replace("{ name: 优秀, from: 90, quota: 20% }", "{ name: 优秀, from: 90 }");
    expect(noQuota).not.toBe(text);
    const advice = (t: string): string[] => (loadRubric("r.yaml", Buffer.from(t), "x").advice ?? []).map((d) => `${d.code} ${formatLocation(d.location!)} ${message("zh-CN", d.code, d.data)}`);
    // The towns' ranking's ties: none, the first in the file.
    const line = lineOf("ties: none", text);
    expect(advice(noQuota)).toEqual([
      `rubric.ties-without-quota r.yaml:${line}:13 乡镇(街道)综合排名 的等次都没有名额(quota),不会有单位因名额在分数线上并列,ties: none 不起作用:限名额的,在等次上写 quota;否则删去 ties`,
    ]);
    expect(loadRubric("r.yaml", Buffer.from(noQuota), "x").diagnostics).toEqual([]);
    expect(advice(text)).toEqual([]);
    expect(advice(noQuota.replace("      ties: none\n    yellow_card:", "    yellow_card:"))).toEqual([]);
  });
});

describe("levels of recognition without level_order", () => {
  const file = "rubric/township-comprehensive-2026.1.yaml";
  const text = readFileSync(file, "utf8").replace("level_order: [国家级, 省级, 市级]\n", "");
  const load = (t: string) => loadRubric("r.yaml", Buffer.from(t), "x");

  it("takes the usual order of their words, highest first, however the codes list them (市级 first outranked 国家级)", () => {
    expect(text).not.toContain("level_order");
    const r = load(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.rubric?.levelOrder).toEqual(["国家级", "省级", "市级"]);
  });

  it("takes other words' order from their points, most first, and says so", () => {
    const other = text.replace("levels: { 市级: 1, 省级: 2, 国家级: 3 }", "levels: { 三级: 1, 二级: 2, 一级: 3 }").replace("levels: [市级, 省级, 国家级]", "levels: [三级, 二级, 一级]");
    const r = load(other);
    expect(r.rubric?.levelOrder).toEqual(["一级", "二级", "三级"]);
    expect(r.diagnostics).toEqual([]);
    expect((r.advice ?? []).map((d) => `${d.severity} ${d.code} ${message("zh-CN", d.code, d.data)}`)).toEqual([
      "warning rubric.level-order-assumed 没有写 level_order(认定级别由高到低),按各级别的分值假定为:一级 > 二级 > 三级;如不对,请写出 level_order,如 level_order: [一级, 二级, 三级]",
    ]);
    // At the first code's levels (it was at the ledger's first line).
    expect(formatLocation(r.advice?.[0]?.location ?? { file: "" })).toBe(`r.yaml:${lineOf("levels: { 三级: 1, 二级: 2, 一级: 3 }", other)}:15`);
    // Levels with no points: taken as listed, and said so.
    const listed = other.replace("levels: { 三级: 1, 二级: 2, 一级: 3 }", "points: 1");
    expect((load(listed).advice ?? []).map((d) => message("zh-CN", d.code, d.data))).toEqual(["没有写 level_order(认定级别由高到低),按列出的顺序假定为:三级 > 二级 > 一级;如不对,请写出 level_order,如 level_order: [三级, 二级, 一级]"]);
  });
});

describe("a kind's weights", () => {
  const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
  const line = lineOf("weights: { JJ: 40%, SH: 35%, DJ: 25% }", text);
  const col = (written: string, key: string): number => written.split("\n")[line - 1]!.indexOf(key) + 1;
  it("written as whole numbers ask whether a percentage was meant, each at its value", () => {
    const written = text.replace("weights: { JJ: 40%, SH: 35%, DJ: 25% }", "weights: { JJ: 40, SH: 35, DJ: 25 }");
    expect(found(written)).toEqual([`rubric.bad-weight-percent r.yaml:${line}:${col(written, "40")}`, `rubric.bad-weight-percent r.yaml:${line}:${col(written, "35")}`, `rubric.bad-weight-percent r.yaml:${line}:${col(written, "25")}`]);
    expect(load(written).diagnostics.map((d) => message("zh-CN", d.code, d.data))[0]).toBe("weights.JJ (town) 的权重 40 大于 1:是否应为 40%?权重写作百分比(如 40%)或小数(如 0.4)");
  });

  it("written with a full-width ％ (typed with a Chinese input method) read as with %", () => {
    const written = text.replace("weights: { JJ: 40%, SH: 35%, DJ: 25% }", "weights: { JJ: 40％, SH: 35％, DJ: 25％ }");
    expect(written).not.toBe(text);
    expect(found(written)).toEqual([]);
    expect(load(written).rubric?.unitKinds[0]?.weights).toEqual(load(text).rubric?.unitKinds[0]?.weights);
  });

  it("on lines whose maxes already share out the scale (40 + 35 + 25) are said to count the shares twice, not to make the scale 34.5", () => {
    const twice = text.replace("    name: 经济发展\n    max: 100\n", "    name: 经济发展\n    max: 40\n").replace("    name: 社会治理\n    max: 100\n", "    name: 社会治理\n    max: 35\n").replace("    name: 党的建设\n    max: 100\n", "    name: 党的建设\n    max: 25\n");
    const said = load(twice).diagnostics.filter((d) => d.code !== "rubric.max-mismatch").map((d) => `${d.code} ${formatLocation(d.location!)} ${message("zh-CN", d.code, d.data)}`);
    expect(said).toEqual([`rubric.weighted-twice r.yaml:${line}:14 乡镇(街道) 各考核线的满分(40 + 35 + 25)相加已是总分制 100,再乘以权重只得 34.5:权重计了两次。各考核线满分已按比重分配时,请删去 weights;要用权重时,请把每条考核线的满分都写为 100(各按百分制评分,再按权重折算)`]);
  });

  it("that do not make 100% are said as the weights to mend, at the weights; else the scale", () => {
    const over = text.replace("weights: { JJ: 40%, SH: 35%, DJ: 25% }", "weights: { JJ: 50%, SH: 35%, DJ: 25% }");
    const said = load(over).diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)} ${message("zh-CN", d.code, d.data)}`);
    expect(said).toEqual([`rubric.weights-not-whole r.yaml:${line}:14 乡镇(街道) 各考核线满分都是 100,权重之和应为 100%,现为 110%(满分合计 110):请调整权重`]);
    const scale = text.replace("    scale: 100\n", "    scale: 90\n");
    expect(scale).not.toBe(text);
    expect(load(scale).diagnostics.map((d) => message("zh-CN", d.code, d.data))).toEqual(["乡镇(街道) 的总分制为 90,但各考核线满分乘以权重之和为 100(100 × 40% + 100 × 35% + 100 × 25%):请调整权重或各考核线的满分,使之合计 90;或把 scale 改为 100"]);
  });

  // 党建 and 业务 each on 100 weighted 30% and 50%, 评议 counted as its 20 points: Σ max × weight is
  // the scale (30 + 50 + 20 = 100), though the weights add up to 180%.
  const party = (t: string, max: number): string => t.replace("    name: 党的建设\n    max: 100\n", `    name: 党的建设\n    max: ${max}\n`);
  const sayAll = (t: string): string[] => load(t).diagnostics.filter((d) => d.code !== "rubric.max-mismatch").map((d) => `${d.code} ${formatLocation(d.location!)} ${message("zh-CN", d.code, d.data)}`);
  it("need not make 100% where a line is counted as it is (weighted 100%): Σ max × weight makes the scale", () => {
    const written = party(text, 20).replace("weights: { JJ: 40%, SH: 35%, DJ: 25% }", "weights: { JJ: 30%, SH: 50%, DJ: 100% }");
    expect(written).not.toBe(text);
    expect(sayAll(written)).toEqual([]);
  });

  it("that do not make the scale, on lines of other maxes, are said with the sum worked, not as weights to make 100%", () => {
    const written = party(text, 20).replace("weights: { JJ: 40%, SH: 35%, DJ: 25% }", "weights: { JJ: 30%, SH: 50%, DJ: 20% }");
    const scaleLine = lineOf("    scale: 100", written);
    expect(sayAll(written)).toEqual([`rubric.weighted-scale-mismatch r.yaml:${scaleLine}:12 乡镇(街道) 的总分制为 100,但各考核线满分乘以权重之和为 84(100 × 30% + 100 × 50% + 20 × 20%):请调整权重或各考核线的满分,使之合计 100;或把 scale 改为 84`]);
  });

  it("missing on a line where every line is on the scale asks for what the others leave of 100% (counted as it is, 100%, would make 175%)", () => {
    const written = text.replace("weights: { JJ: 40%, SH: 35%, DJ: 25% }", "weights: { JJ: 40%, SH: 35% }");
    expect(sayAll(written)).toEqual([`rubric.weight-missing-share r.yaml:${line}:14 考核线 DJ 没有权重:给出权重时每条考核线都要有;其余各线的权重之外还剩 25%,应写 DJ: 25%`]);
  });

  it("missing on a line is one error that says how to count the line as it is, not also a sum that does not come out", () => {
    const written = party(text, 20).replace("weights: { JJ: 40%, SH: 35%, DJ: 25% }", "weights: { JJ: 30%, SH: 50% }");
    expect(sayAll(written)).toEqual([`rubric.weight-missing r.yaml:${line}:14 考核线 DJ 没有权重:给出权重时每条考核线都要有;按其满分 20 原样计入的,写 DJ: 100%`]);
  });

  it("joined to their lines by a full-width colon in { } (JJ：40%) are said at each, with what to write (it was \"the weight null\")", () => {
    const written = text.replace("weights: { JJ: 40%, SH: 35%, DJ: 25% }", "weights: { JJ：40%, SH: 35%, DJ: 25% }");
    expect(sayAll(written)).toEqual([`rubric.fullwidth-colon-key r.yaml:${line}:${col(written, "JJ：40%")} “JJ：40%” 用了全角冒号“：”,YAML 须用半角冒号加空格:写成 JJ: 40%`]);
  });

  it("not read is one error, not also a sum of weights that does not come out", () => {
    const written = text.replace("weights: { JJ: 40%, SH: 35%, DJ: 25% }", "weights: { JJ: 150%, SH: 35%, DJ: 25% }");
    expect(found(written)).toEqual([`rubric.bad-weight-share r.yaml:${line}:${col(written, "150%")}`]);
  });

  it("on a line of another kind is said to be that, not an undefined line", () => {
    const written = text.replace("weights: { JJ: 40%, SH: 35%, DJ: 25% }", "weights: { JJ: 40%, SH: 35%, DJ: 25%, BM: 0% }");
    expect(found(written)).toEqual([`rubric.weight-other-kind r.yaml:${line}:${col(written, "BM: 0%") + "BM: ".length}`]);
  });
});

describe("a grade's or a card's mark above the most a total can be (written on another scale)", () => {
  const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
  const at = (written: string, line: string, value: string): string => `r.yaml:${lineOf(line, written)}:${written.split("\n")[lineOf(line, written) - 1]!.indexOf(value) + 1}`;
  it("is an error at the mark: no unit could get the grade, every unit would get the card", () => {
    const grade = text.replace("{ name: 优秀, from: 90, quota: 20% }", "{ name: 优秀, from: 900, quota: 20% }");
    expect(found(grade)).toEqual([`rubric.grade-unreachable ${at(grade, "from: 900", "900")}`]);
    // The towns' scale is 100 and their bonuses are capped at 5.
    expect(load(grade).diagnostics.map((d) => message("zh-CN", d.code, d.data))).toEqual(["“优秀” 的分数线 900 高于乡镇(街道)总分最多可得的 105,没有单位能评上;分数线按满分 100 写"]);
    const card = text.replace("      below: 60\n", "      below: 600\n");
    expect(found(card)).toEqual([`rubric.yellow-below-everyone ${at(card, "below: 600", "600")}`]);
    // A mark within reach with the bonuses (103 of 100 + 5) is no error.
    expect(found(text.replace("{ name: 优秀, from: 90, quota: 20% }", "{ name: 优秀, from: 103, quota: 20% }"))).toEqual([]);
  });
});

describe("a clause cut short by a # in it", () => {
  it("is warned of at the #, where the comment runs on from it (以1分为单位 #每项扣2分 was read as 以1分为单位 without a word); an author's comment is not", () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const line = text.split("\n").findIndex((l) => /^ +text: /.test(l));
    const lines = text.split("\n");
    const cut = [...lines.slice(0, line), `${lines[line]} #每项扣2分`, ...lines.slice(line + 1)].join("\n");
    const r = load(cut);
    expect(r.rubric).toBeDefined();
    expect((r.advice ?? []).map((d) => `${d.code} ${d.location ? formatLocation(d.location) : ""} ${String(d.data.rest)}`)).toEqual([`rubric.text-cut-at-comment r.yaml:${line + 1}:${(lines[line] ?? "").length + 2} 每项扣2分`]);
    const mine = [...lines.slice(0, line), `${lines[line]} # 2026 修订`, ...lines.slice(line + 1)].join("\n");
    expect(load(mine).advice ?? []).toEqual([]);
  });
});

describe("a measure's bound or target written with thousands commas", () => {
  const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
  it("asks for the number without them (it was told a bound is no rate, 95% or 0.95, on an amount in 万元)", () => {
    const said = (written: string): string[] => load(written).diagnostics.map((d) => `${d.code} ${d.location ? formatLocation(d.location) : ""} ${message("zh-CN", d.code, d.data)}`);
    const min = text.replace("    min: -100000\n", "    min: -100,000\n");
    expect(said(min)).toEqual([`rubric.number-comma r.yaml:${lineOf("    min: -100000", text)}:10 min (ZB12) 写数字,不写千分位逗号:“-100,000” 请写作 -100000`]);
    // In a one-line { } mapping, cut at the comma: its second half (000%, 500.5) said as such, not an unknown key.
    const inFlow = text.replace("  - code: ZB13\n    name: 国有资产保值增值率\n    max: 300%\n", "  - { code: ZB13, name: 国有资产保值增值率, max: 1,000% }\n");
    expect(inFlow).toContain("max: 1,000% }");
    expect(said(inFlow)).toEqual([`rubric.number-cut-at-comma r.yaml:${lineOf("  - code: ZB13", text)}:${"  - { code: ZB13, name: 国有资产保值增值率, max: 1,".length + 1} 此处像是一个数字被逗号拆开后的后半(位于 ZB13):数字中不写千分位逗号,如 20,000 请写作 20000`]);
    const target = text.replace("        target: 8\n", "        target: 1,000\n");
    expect(said(target)).toEqual([`rubric.number-comma r.yaml:${lineOf("        target: 8\n", text)}:17 target (SH5) 写数字,不写千分位逗号:“1,000” 请写作 1000`]);
  });
});

describe("a prize's amount written as people write money", () => {
  const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
  const line = lineOf("{ name: 一等奖, ranks: [1, 1], amount: 50000 }", text);
  const at = (written: string, value: string): string => `r.yaml:${line}:${written.split("\n")[line - 1]!.indexOf(value) + 1}`;
  const at2 = (written: string, line: string, value: string): string => `r.yaml:${lineOf(line, written)}:${written.split("\n")[lineOf(line, written) - 1]!.indexOf(value) + 1}`;
  const said = (written: string): string[] => load(written).diagnostics.map((d) => message("zh-CN", d.code, d.data));
  it("asks for the number alone: no thousands comma (cut in two in a { } list, or quoted), no 万元", () => {
    const cut = text.replace("{ name: 一等奖, ranks: [1, 1], amount: 50000 }", "{ name: 一等奖, ranks: [1, 1], amount: 50,000 }");
    expect(found(cut)).toEqual([`rubric.number-cut-at-comma ${at(cut, "000 }")}`]);
    expect(said(cut)[0]).toContain("数字中不写千分位逗号,如 20,000 请写作 20000");
    const quoted = text.replace("{ name: 一等奖, ranks: [1, 1], amount: 50000 }", '{ name: 一等奖, ranks: [1, 1], amount: "50,000" }');
    expect(found(quoted)).toEqual([`rubric.number-comma ${at(quoted, '"50,000"')}`]);
    expect(said(quoted)[0]).toContain("“50,000” 请写作 50000");
    // A Chinese input method's full-width comma (50，000, one word to YAML): the same.
    const fullComma = text.replace("{ name: 一等奖, ranks: [1, 1], amount: 50000 }", "{ name: 一等奖, ranks: [1, 1], amount: 50，000 }");
    expect(found(fullComma)).toEqual([`rubric.number-comma ${at(fullComma, "50，000")}`]);
    expect(said(fullComma)[0]).toContain("“50，000” 请写作 50000");
    const wan = text.replace("{ name: 一等奖, ranks: [1, 1], amount: 50000 }", "{ name: 一等奖, ranks: [1, 1], amount: 5万元 }");
    expect(found(wan)).toEqual([`rubric.amount-in-yuan ${at(wan, "5万元")}`]);
    expect(said(wan)[0]).toContain("以元计,只写数字:“5万元” 请写作 50000");
    const spaced = text.replace("{ name: 一等奖, ranks: [1, 1], amount: 50000 }", '{ name: 一等奖, ranks: [1, 1], amount: "50 000" }');
    expect(found(spaced)).toEqual([`rubric.number-otherwise ${at(spaced, '"50 000"')}`]);
    expect(said(spaced)[0]).toContain("用半角数字连写:“50 000” 请写作 50000");
  });

  it("asks for points as a plain number: full-width digits and a mark written with % are said so", () => {
    const wide = text.replace("      below: 60\n", "      below: ６０\n");
    expect(found(wide)).toEqual([`rubric.number-otherwise ${at2(wide, "below: ６０", "６０")}`]);
    expect(said(wide)[0]).toContain("“６０” 请写作 60");
    const percent = text.replace("{ name: 优秀, from: 90, quota: 20% }", "{ name: 优秀, from: 90%, quota: 20% }");
    expect(found(percent)).toEqual([`rubric.points-percent ${at2(percent, "from: 90%", "90%")}`]);
    expect(said(percent)[0]).toContain("是分数,不带 %:“90%” 若指 90 分,请写作 90");
  });
});

describe("a target whose unit was left out", () => {
  it("is said once, where it is defined, with the unit to write (not at every item that reads it)", () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const written = text.replace("    name: 一般公共预算收入目标(责任书下达)\n    unit: amount\n    display: 万元\n", "    name: 一般公共预算收入目标(责任书下达)\n");
    expect(written).not.toBe(text);
    expect(found(written)).toEqual([`rubric.target-unit-unsaid r.yaml:${lineOf("  - code: MB2", written)}:11`]);
    expect(load(written).diagnostics.map((d) => message("zh-CN", d.code, d.data))).toEqual(["目标 MB2 没有写 unit,按百分比计,而读取它的指标 ZB2 为金额:请在此写 unit: amount(及 display)"]);
    // Written, but another than every item that reads it wants: said at its unit, with the one to write.
    const other = text.replace("    name: 一般公共预算收入目标(责任书下达)\n    unit: amount\n", "    name: 一般公共预算收入目标(责任书下达)\n    unit: number\n");
    expect(found(other)).toEqual([`rubric.target-unit-other r.yaml:${lineOf("  - code: MB2", other) + 2}:11`]);
    expect(load(other).diagnostics.map((d) => message("zh-CN", d.code, d.data))).toEqual(["目标 MB2 的计量方式为数量,而读取它的指标 ZB2 为金额:请改为 unit: amount"]);
  });
});

describe("a choice written otherwise", () => {
  const said = (written: string): string[] => load(written).diagnostics.map((d) => message("zh-CN", d.code, d.data));
  it("says which was meant, or what there is to choose from in this rubric", () => {
    // With the value as written: which of a key's values is meant is plain.
    expect(said(replace("kind: threshold", "kind: thresold"))[0]).toMatch(/^kind \([^)]+\) 的取值 “thresold” 不被接受;是否要写 threshold?/);
    // Cut short: the one it begins.
    expect(said(replace("kind: threshold", "kind: thresh"))[0]).toContain("是否要写 threshold?");
    expect(said(replace("    unit_kind: town\n", "    unit_kind: 镇街\n"))).toEqual(["unit_kind (overall) 写单位类型的 id,不写名称;本方案的单位类型:town(镇街)、department(部门)"]);
    expect(said(replace("ranks: [2, 3]", "ranks: [3, 2]"))).toEqual(["二等奖 的范围写反了(下限大于上限):请写作 [2, 3]"]);
  });
});

describe("slips in writing a measure's unit, a prize or a tier's places", () => {
  const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
  const said = (written: string): string[] => load(written).diagnostics.map((d) => `${message("zh-CN", d.code, d.data)} @${d.location && "line" in d.location ? d.location.line : "?"}`);
  const zb4 = lineOf("  - code: ZB4", text);
  it("says what to write, at the line to change", () => {
    // display without unit: the unit is what is missing (was: remove the display, and it passed as a percentage).
    expect(said(text.replace("    name: 招商引资实际到位资金\n    unit: amount\n", "    name: 招商引资实际到位资金\n"))).toEqual([`指标 ZB4 写了 display: 万元,却没写 unit(不写即为百分比):请加 unit: amount @${zb4}`]);
    // A unit word misspelt or not one: the one meant, or the choices (never a display made of it).
    expect(said(text.replace("    name: 招商引资实际到位资金\n    unit: amount\n", "    name: 招商引资实际到位资金\n    unit: Amount\n"))[0]).toContain("是否要写 amount?");
    expect(said(text.replace("    name: 招商引资实际到位资金\n    unit: amount\n", "    name: 招商引资实际到位资金\n    unit: money\n"))[0]).toBe(`unit (ZB4) 的取值 “money” 不被接受,可用:percent, number, amount @${zb4 + 2}`);
    // A prize in 元, with its sign; places as one number, or with a full-width comma.
    expect(said(text.replace("ranks: [1, 1], amount: 50000 }", "ranks: [1, 1], amount: ￥50000 }"))[0]).toContain("以元计,只写数字:“￥50000” 请写作 50000");
    expect(said(text.replace("ranks: [1, 1], amount: 50000 }", "ranks: 1, amount: 50000 }"))[0]).toContain("应为两个数的列表,如 [2, 3]");
    expect(said(text.replace("ranks: [1, 1], amount: 50000 }", "ranks: [1，1], amount: 50000 }"))[0]).toContain("中用了全角逗号“，”");
  });

  it("checks a ranking by a line's grade and card marks against the line's max, and a mark written as a share", () => {
    const graded = text.replace("    by: JJ\n    tie_breakers: [JJ4]\n", "    by: JJ\n    tie_breakers: [JJ4]\n    grades:\n      bands:\n        - { name: 优秀, from: 900 }\n        - { name: 合格, from: 0.6 }\n      otherwise: 不合格\n");
    expect(graded).not.toBe(text);
    expect(said(graded)).toEqual([`“优秀” 的分数线 900 高于 JJ 经济发展 最多可得的 100,没有单位能评上;分数线按满分 100 写 @${lineOf("    by: JJ", text) + 4}`, `分数线 0.6 是小数,而 JJ 经济发展 满分 100:分数线按分数写(如 60),不写比例 @${lineOf("    by: JJ", text) + 5}`]);
    // In English, nothing of the Chinese message's words (总分) is put into the data.
    expect(load(graded).diagnostics.map((d) => message("en", d.code, d.data))[0]).toBe("the mark 900 for \"优秀\" is above the most JJ 经济发展 can be (100): no unit could get it; write marks on the scale of 100");
    const total = text.replace("{ name: 优秀, from: 90, quota: 20% }", "{ name: 优秀, from: 900, quota: 20% }");
    expect(load(total).diagnostics.map((d) => message("en", d.code, d.data))[0]).toBe("the mark 900 for \"优秀\" is above the most a total of 乡镇(街道) can be (105): no unit could get it; write marks on the scale of 100");
  });
});

describe("a line left out of every kind's lines", () => {
  it("is said as that; its veto's grade is not said to have no ranking of a blank kind", () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const written = text.replace("lines: [JJ, SH, DJ]", "lines: [JJ, DJ]");
    expect(written).not.toBe(text);
    const codes = found(written).map((f) => f.split(" ")[0]);
    expect(codes).toContain("rubric.line-owner");
    expect(codes).not.toContain("rubric.veto-grade-no-grades");
  });
});

describe("two indicators or targets of one name", () => {
  it("warns at the second's name (a copy whose name was not changed): their columns are told apart by code alone", () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const target = "  - code: MB1\n    name: 地区生产总值增长目标(责任书下达)\n";
    expect(text).toContain(target);
    const written = text.replace(target, "  - code: MB1\n    name: 地区生产总值增长率\n");
    const r = load(written);
    expect(r.rubric).toBeDefined();
    expect(withMessages(r.advice)).toEqual([`rubric.same-name r.yaml:${lineOf("  - code: MB1\n    name: 地区生产总值增长率", written) + 1}:11 MB1 与 ZB1 同名(“地区生产总值增长率”):指标数据表上它们的列只能靠代码区分;如是复制后漏改了名称,请改正`]);
    expect(load(text).advice ?? []).toEqual([]);
  });
});

describe("an indicator or a target no item reads", () => {
  const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
  it("warns at the indicator's code once the one item reading it is deleted (its column is still on the template, filled for nothing)", () => {
    const item = "      - code: SH5\n        name: 社会治安\n        max: 10\n        kind: threshold\n        indicator: ZB8\n        target: 8\n        text: 刑事案件万人发案率不高于8起/万人的得满分,高于的不得分。\n";
    const sh7 = "        name: 民生实事\n        max: 20\n";
    expect(text).toContain(item);
    expect(text).toContain(sh7);
    const written = text.replace(item, "").replace(sh7, "        name: 民生实事\n        max: 30\n");
    const r = load(written);
    expect(r.rubric).toBeDefined();
    expect(withMessages(r.advice)).toEqual([`rubric.indicator-unread r.yaml:${lineOf("  - code: ZB8", written)}:11 没有项目读取指标 ZB8(刑事案件万人发案率):模板的指标数据表仍有它的列,各单位填写的值不计入;如已不再考核,请从方案中删去它`]);
    expect(load(text).advice ?? []).toEqual([]);
  });

  it("warns at a target's code no item reads", () => {
    const target = "  - code: MB1\n    name: 地区生产总值增长目标(责任书下达)\n";
    expect(text).toContain(target);
    const written = text.replace(target, "  - code: MB9\n    name: 备用目标\n    unit: percent\n" + target);
    const r = load(written);
    expect(withMessages(r.advice)).toEqual([`rubric.target-unread r.yaml:${lineOf("  - code: MB9", written)}:11 没有项目读取目标 MB9(备用目标):模板的指标数据表仍有它的列,各单位填写的值不计入;如已不再使用,请从方案中删去它`]);
  });

  it("is not said beside an error in an item that may be the one meant to read it (ZB66 for ZB6)", () => {
    const written = text.replace("indicator: ZB8\n", "indicator: ZB88\n");
    expect(written).not.toBe(text);
    const codes = load(written).diagnostics.map((d) => d.code);
    expect(codes).toContain("rubric.unknown-indicator");
    expect(codes).not.toContain("rubric.indicator-unread");
  });
});

describe("points in Chinese numerals", () => {
  it("asks for a max or a cap in digits, as a workbook's cell is asked (max: 四十 → 40), not just 'the wrong type'", () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const item = "        name: 地区生产总值增长\n        max: 20\n";
    expect(text).toContain(item);
    const written = text.replace(item, "        name: 地区生产总值增长\n        max: 二十\n");
    const line = lineOf("        max: 二十", written);
    expect(withMessages(load(written).diagnostics)).toEqual([`rubric.write-as r.yaml:${line}:14 max (JJ1):“二十” 请写作 20`]);
    // Words that are no number stay the wrong type.
    expect(load(text.replace(item, "        name: 地区生产总值增长\n        max: 满分\n")).diagnostics.map((d) => d.code)).toEqual(["rubric.wrong-type"]);
  });
});

describe("a shortfall's per and a cap's codes, mistyped", () => {
  const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
  const at = (written: string, line: string, value: string): string => `r.yaml:${lineOf(line, written)}:${written.split("\n")[lineOf(line, written) - 1]!.indexOf(value) + 1}`;
  const said = (written: string): string[] => load(written).diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)} ${message("zh-CN", d.code, d.data)}`);
  it("asks for a count's per without its unit word, and 1个百分点 as 1%, once (not also 'not above 0')", () => {
    const count = text.replace("        indicator: ZB7\n        target: 95%\n        per: 1%\n", "        indicator: ZB6\n        target: 0\n        per: 1件\n");
    expect(said(count)).toEqual([`rubric.number-with-unit ${at(count, "per: 1件", "1件")} per (SH4) 写数字,不带单位:“1件” 请写作 1(单位由指标的 display 给出)`]);
    const pct = text.replace("        per: 1%\n", "        per: 1个百分点\n");
    expect(said(pct)).toEqual([`rubric.write-as ${at(pct, "per: 1个百分点", "1个百分点")} per (SH4):“1个百分点” 请写作 1%`]);
    // A unit word on a percentage's per: 1% is asked for (1 would be 100%, refused next).
    const word = text.replace("        per: 1%\n", "        per: 1件\n");
    expect(said(word)).toEqual([`rubric.write-as ${at(word, "per: 1件", "1件")} per (SH4):“1件” 请写作 1%`]);
    // A count's number quoted: unquoted (not "write a rate").
    const quoted = text.replace("        indicator: ZB7\n        target: 95%\n        per: 1%\n", '        indicator: ZB6\n        target: 0\n        per: "1"\n');
    expect(said(quoted)).toEqual([`rubric.number-quoted ${at(quoted, 'per: "1"', '"1"')} per (SH4) 是数字,不加引号:“1” 请写作 1(加引号的是文字,如 version)`]);
    // A step written with a sign (per: ≥1%): the step alone (it compares nothing: no direction said).
    const signed = text.replace("        per: 1%\n", "        per: ≥1%\n");
    expect(said(signed)).toEqual([`rubric.write-as ${at(signed, "per: ≥1%", "≥1%")} per (SH4):“≥1%” 请写作 1%`]);
    // A count's target with a sign and a % (≤8% where 8 起 is meant): the number alone.
    const countSigned = text.replace("        indicator: ZB7\n        target: 95%\n        per: 1%\n", "        indicator: ZB6\n        target: ≤8%\n        per: 1\n");
    expect(said(countSigned).map((x) => x.split(" ").slice(0, 1).concat(x.includes("请写作 8,") ? ["8"] : []).join(" "))).toEqual(["rubric.comparison-sign 8"]);
    const percentOnCount = text.replace("        indicator: ZB7\n        target: 95%\n        per: 1%\n", "        indicator: ZB6\n        target: 0\n        per: 100%\n");
    expect(said(percentOnCount).map((x) => x.split(" ")[0])).toEqual(["rubric.bad-number"]);
  });

  it("says a band's mark written as a target's code is a fixed value, with the kind that scores against each unit's target (it said it was no rate, on a count)", () => {
    const band = text.replace("          - { from: 2, share: 70% }\n", "          - { from: MB2, share: 70% }\n");
    expect(band).not.toBe(text);
    expect(said(band)).toEqual([`rubric.band-from-code ${at(band, "from: MB2", "MB2")} 分档的界限须写固定的数值(如 1),不能写代码 MB2:分档不按各单位的目标划分;按与各单位目标的差距扣分的,可用 kind: shortfall`]);
    const per = text.replace("        per: 1%\n", "        per: MB1\n");
    expect(said(per)).toEqual([`rubric.measure-code ${at(per, "per: MB1", "MB1")} per (SH4) 须写固定的数值(如 1%),不能写代码 MB1`]);
    // A target's code in small or full-width letters: in capitals (it was "not written in a form accepted").
    const small = text.replace("        target: MB1\n", "        target: mb1\n");
    expect(small).not.toBe(text);
    expect(said(small)).toEqual([`rubric.code-case ${at(small, "target: mb1", "mb1")} target (JJ1) 写的 “mb1” 请写作 MB1(代码用半角大写字母)`]);
    // Words on a count's mark: a number asked for (it said it was no rate).
    const words = text.replace("          - { from: 2, share: 70% }\n", "          - { from: 三, share: 70% }\n");
    expect(said(words)).toEqual([`rubric.measure-not-number ${at(words, "from: 三", "三")} bands[1].from (SH2) 写的 “三” 不是数字:请写阿拉伯数字(如 1),单位由指标的 display 给出`]);
  });

  it("says a count's mark finer than 0.01 is too fine, with what to do (it said it was no number)", () => {
    const fine = text.replace("        indicator: ZB8\n        target: 8\n", "        indicator: ZB8\n        target: 8.005\n");
    expect(fine).not.toBe(text);
    expect(said(fine)).toEqual([`rubric.number-too-fine ${at(fine, "target: 8.005", "8.005")} “8.005” 比 0.01 更精细:数量和金额按指标的计量单位精确到 0.01;需要更精细时,请给该指标换用更小的计量单位(如 人/亿元 改为 人/百亿元,各数值随之乘以 100)`]);
  });

  it("says a rate's mark finer than 0.01 percentage point is too fine (95.005% was held as 95.01%, unsaid)", () => {
    for (const written of ["95.005%", "0.95005"]) {
      const fine = text.replace("        indicator: ZB7\n        target: 95%\n", `        indicator: ZB7\n        target: ${written}\n`);
      expect(fine).not.toBe(text);
      expect(said(fine)).toEqual([`rubric.rate-too-fine ${at(fine, `target: ${written}`, written)} “${written}” 比 0.01 个百分点更精细:百分比精确到 0.01 个百分点(如 95.01%)`]);
    }
    // 95.01% and 0.9501 are exact.
    for (const written of ["95.01%", "0.9501"]) expect(said(text.replace("        indicator: ZB7\n        target: 95%\n", `        indicator: ZB7\n        target: ${written}\n`))).toEqual([]);
  });

  it("says of a deducted item whose max is no whole number of steps that all of it can never be taken off", () => {
    const odd = text.replace("        kind: deducted\n        step: 0.1\n", "        kind: deducted\n        step: 0.4\n");
    expect(said(odd)).toEqual([`rubric.max-not-steps-deducted ${at(odd, "step: 0.4", "0.4")} SH3 的满分 15 不是评分单位 0.4 的整数倍,扣分无法扣到 15(扣完为止);请把 step 改为 0.25 或 0.5,或改满分`]);
  });

  it("says which steps a judged item's max is a whole number of (a max of 15 in steps of 0.4)", () => {
    const odd = text.replace("        kind: deducted\n        step: 0.1\n", "        kind: judged\n        step: 0.4\n");
    expect(said(odd)).toEqual([`rubric.max-not-steps ${at(odd, "step: 0.4", "0.4")} SH3 的满分 15 不是评分单位 0.4 的整数倍,满分无法填出;请把 step 改为 0.25 或 0.5,或改满分`]);
    // A max of 0.7 in steps of 0.4: no common step above 0.4 fits it, 0.1 below does.
    const small = odd.replace(/(- code: SH3\n(?:.*\n)*? {8}max: )15\n/, (_, head: string) => `${head}0.7\n`);
    expect(said(small).filter((l) => l.startsWith("rubric.max-not-steps"))).toEqual([`rubric.max-not-steps-one ${at(small, "step: 0.4", "0.4")} SH3 的满分 0.7 不是评分单位 0.4 的整数倍,满分无法填出;请把 step 改为 0.1,或改满分`]);
  });

  it("asks for points and money unquoted and without a unit: a cap of 2分, an amount quoted, a level's points quoted", () => {
    const cap = text.replace("      max: 5\n  codes:", "      max: 5分\n  codes:");
    expect(said(cap)).toEqual([`rubric.write-as ${at(cap, "max: 5分", "5分")} ledger.caps[0].max:“5分” 请写作 5`]);
    const amount = text.replace("{ name: 一等奖, ranks: [1, 1], amount: 50000 }", '{ name: 一等奖, ranks: [1, 1], amount: "50000" }');
    expect(said(amount)[0]).toContain("是数字,不加引号:“50000” 请写作 50000");
    const levels = text.replace("levels: { 市级: 1, 省级: 2, 国家级: 3 }", 'levels: { 市级: "1", 省级: 2分, 国家级: 3 }');
    expect(said(levels)).toEqual([`rubric.levels-points ${at(levels, "levels: { 市级", "{")} levels (JF1) 中每个级别的分值写数字,不加引号、不带单位:levels: { 市级: 1, 省级: 2, 国家级: 3 }`]);
  });

  it("says a floor written as a share of an amount's target cannot be, and how to write one (a target column)", () => {
    const share = text.replace("floor: MB4", "floor: 80%");
    expect(said(share).map((x) => x.split(" ").slice(0, 2).join(" "))).toEqual([`rubric.floor-share-of-target ${at(share, "floor: 80%", "80%")}`]);
    expect(said(share)[0]).toContain("请在 targets 中加一列(如 MB4 保底值),写 floor: MB4");
  });

  // A target and a floor neither of which could be read (95% and 60% for an amount) are said as
  // such, and not also as a floor on the wrong side of the target (which they were compared as).
  it("says a target and a floor it cannot read as that alone, and compares a floor with a target only when both are read", () => {
    const both = text.replace("        target: MB3\n        floor: MB4\n", "        target: 95%\n        floor: 60%\n");
    expect(said(both).map((x) => x.split(" ").slice(0, 2).join(" "))).toEqual([`rubric.bad-number ${at(both, "target: 95%\n        floor: 60%", "95%")}`, `rubric.floor-share-of-target ${at(both, "floor: 60%", "60%")}`]);
    const above = text.replace("        target: MB3\n        floor: MB4\n", "        target: 500\n        floor: 800\n");
    expect(said(above).map((x) => x.split(" ").slice(0, 2).join(" "))).toEqual([`rubric.floor-above-target ${at(above, "floor: 800", "800")}`]);
  });

  it("says a floor that is its target's own column (floor: MB3 beside target: MB3) cannot be: 0 points and full marks at one value", () => {
    const same = text.replace("        target: MB3\n        floor: MB4\n", "        target: MB3\n        floor: MB3\n");
    expect(said(same).map((x) => x.split(" ").slice(0, 2).join(" "))).toEqual([`rubric.floor-same-as-target ${at(same, "floor: MB3", "MB3")}`]);
  });

  it("names a cap's code that does not exist as that, with the codes there are", () => {
    const typo = text.replace("  caps:\n    - kind: bonus\n      max: 5\n", "  caps:\n    - kind: bonus\n      max: 5\n    - codes: [JF1, JF9]\n      max: 3\n");
    const d = said(typo);
    expect(d).toHaveLength(1);
    expect(d[0]?.startsWith(`rubric.cap-unknown-code ${at(typo, "codes: [JF1, JF9]", "JF9")} 没有加扣分代码 JF9(本方案的加扣分代码:JF1、JF2、`)).toBe(true);
  });
});

describe("grades out of order", () => {
  it("are said by the ranking and the grades, not as an item's bands", () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const bands = /( +- \{ name: 优秀, from: 90, quota: 20% \}\n)( +- \{ name: 良好[^\n]*\n)( +- \{ name: 合格[^\n]*\n)/.exec(text);
    if (!bands) throw new Error("the towns' grades are not as this test expects");
    const written = text.replace(bands[0], `${bands[1]}${bands[3]}${bands[2]}`);
    const d = load(written).diagnostics;
    expect(d.map((x) => x.code)).toEqual(["rubric.grade-bands-order"]);
    expect(message("zh-CN", d[0]!.code, d[0]!.data)).toBe("乡镇(街道)综合排名 的等次应从最好的一档写起,分数线逐档降低:良好 的分数线不低于上一档 合格 的");
    // Written lowest first throughout: said once, to reverse them.
    const reversed = load(text.replace(bands[0], `${bands[3]}${bands[2]}${bands[1]}`)).diagnostics;
    expect(reversed.map((x) => x.code)).toEqual(["rubric.grade-bands-reversed"]);
    expect(message("zh-CN", reversed[0]!.code, reversed[0]!.data)).toBe("乡镇(街道)综合排名 的等次是从最低的一档写起的:请倒过来,从最好的等次写起,分数线逐档降低");
    // Two grades at one mark: the second is never given, said at its mark (合格 at 良好's 80).
    const good = bands[2]!;
    const pass = bands[3]!;
    const same = load(text.replace(pass, pass.replace(/from: \d+/, "from: 80"))).diagnostics;
    expect(same.map((x) => `${x.code} ${x.location && "line" in x.location ? x.location.line : ""}`)).toEqual([`rubric.grade-bands-same-mark ${text.slice(0, text.indexOf(pass)).split("\n").length}`]);
    expect(message("zh-CN", same[0]!.code, same[0]!.data)).toBe("乡镇(街道)综合排名 的等次 合格 与上一档 良好 的分数线同为 80,合格 永远评不到:请改为比 良好 低的分数线");
    // …unless the grade above has a quota: 前 20% 为优秀,其余 90 分以上为良好 (it was "良好 is never given").
    const underQuota = text.replace(good, good.replace(/from: \d+/, "from: 90"));
    expect(load(underQuota).diagnostics.filter((x) => x.severity === "error")).toEqual([]);
  });
});

describe("a gate of no points", () => {
  it("is a veto alone; any other item of no points is an error at its max", () => {
    // DZ1 (a gate of 20) gives its points to DZ2.1; DZ2 and the line still add up.
    const vetoOnly = replace("        max: 20\n        kind: gate", "        max: 0\n        kind: gate").replace("            max: 12.5\n", "            max: 32.5\n").replace("        name: 决策\n        max: 20\n", "        name: 决策\n        max: 40\n");
    expect(found(vetoOnly)).toEqual([]);
    const threshold = vetoOnly.replace("        max: 10\n        kind: threshold", "        max: 0\n        kind: threshold").replace("        name: 宣传\n        max: 50\n", "        name: 宣传\n        max: 60\n");
    expect(found(threshold)).toEqual([`rubric.leaf-zero r.yaml:${lineOf("max: 0\n        kind: threshold", threshold)}:14`]);
  });
});

describe("a workbook given as the rubric", () => {
  it("is said to be a workbook, at the file, not text in the wrong encoding", () => {
    const xlsx = readFileSync("samples/qingshan-2026.xlsx");
    expect(loadRubric("青山区.xlsx", xlsx, "test").diagnostics.map((d) => `${d.code} ${d.location ? formatLocation(d.location) : ""}`)).toEqual(["rubric.is-workbook 青山区.xlsx:1:1"]);
  });

  // A Word document, an old .doc and a PDF renamed .yaml were "an Excel workbook" or "in GBK".
  it("and so are a Word document, an old Office file and a PDF, each as what it is", () => {
    const said = (bytes: Uint8Array): string[] => loadRubric("方案.yaml", bytes, "test").diagnostics.map((d) => `${d.code} ${d.location ? formatLocation(d.location) : ""}`);
    expect(said(zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w:document/>") }))).toEqual(["rubric.is-word 方案.yaml:1:1"]);
    expect(said(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toEqual(["rubric.is-office 方案.yaml:1:1"]);
    expect(said(strToU8("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"))).toEqual(["rubric.is-pdf 方案.yaml:1:1"]);
    // A document saved as RTF (WPS's 另存为, renamed): a Word document, not "a [ or { unclosed".
    expect(said(strToU8("{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}\n考核办法}"))).toEqual(["rubric.is-word 方案.yaml:1:1"]);
    expect(said(strToU8("\ufeff{\\rtf1\\ansi {\\fonttbl}\n考核办法}"))).toEqual(["rubric.is-word 方案.yaml:1:1"]);
    expect(said(zipSync({ "a.yaml": strToU8("id: a") }))).toEqual(["rubric.is-zip 方案.yaml:1:1"]);
  });

  // A screenshot of the 办法 chosen in the page's rubric picker was told to be saved again as UTF-8.
  it("and so is a picture, and any other program's file (no text holds a NUL byte), not text in the wrong encoding", () => {
    const said = (bytes: Uint8Array): string[] => loadRubric("方案.yaml", bytes, "test").diagnostics.map((d) => `${d.code} ${d.location ? formatLocation(d.location) : ""}`);
    expect(said(readFileSync("docs/web.png"))).toEqual(["rubric.is-image 方案.yaml:1:1"]);
    expect(said(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]))).toEqual(["rubric.is-image 方案.yaml:1:1"]);
    expect(said(strToU8("GIF89a\u0001\u0000"))).toEqual(["rubric.is-image 方案.yaml:1:1"]);
    expect(said(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0xc8, 0x99]))).toEqual(["rubric.is-binary 方案.yaml:1:1"]);
    // Text that begins as a picture's mark might is text all the same.
    expect(said(strToU8("BMI: 1\n"))).not.toContain("rubric.is-image 方案.yaml:1:1");
    // UTF-16 (with NUL bytes) is still said as such: with its mark, or without it and Chinese first (no NUL in its first line).
    expect(said(new Uint8Array([0xff, 0xfe, 0x69, 0, 0x64, 0, 0x3a, 0]))).toEqual(["rubric.utf16 方案.yaml:1:1"]);
    const utf16 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, "utf16le"));
    expect(said(utf16(readFileSync("rubric/district-popplan-2022.1.yaml", "utf8").replace(/^[^\n]*/, "# 人口和计划生育目标管理责任制考核(刀)")))).toEqual(["rubric.utf16 方案.yaml:1:1"]);
  });
});

describe("prose pasted from Word", () => {
  // A zero-width space in a word a cell is matched with is an error; in prose, only shown, it passes.
  it("may hold characters no one sees in a title, a source or a clause's text", () => {
    expect(load(MINI.replace("title: 迷你方案", "title: 迷你\u200b方案")).diagnostics).toEqual([]);
  });
});

describe("a list parted by 、", () => {
  it("says the list to write, and how to keep a one-entry value that has a 、 (quoted, it passes)", () => {
    const r = load(MINI.replace("    by: total\n", "    by: total\n    tie_breakers: [DZ、JS]\n"));
    expect(r.diagnostics.map((d) => message("zh-CN", d.code, d.data))).toEqual(["tie_breakers 中的 “DZ、JS” 用顿号“、”分开,会被当作一项:列表中的各项用半角逗号分开,写作 [DZ, JS];如它本就是一项,请加引号:[\"DZ、JS\"]"]);
    expect(load(MINI.replace("    counted: [已认定]", '    counted: ["已认定、已公示"]')).diagnostics).toEqual([]);
  });
});

describe("an indicator's bound written wrong", () => {
  // max: 300 for 300% was said, and then every band's mark above 0% as out of a range of 0% to 0%.
  it("is said alone, not again at each mark compared with it", () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    expect(text).toContain("    max: 300%\n");
    const r = load(text.replace("    max: 300%\n", "    max: 300\n"));
    expect(r.diagnostics.map((d) => `${d.code} ${d.location ? formatLocation(d.location) : ""}`)).toEqual([`rubric.bad-rate-bare r.yaml:${lineOf("    max: 300%", text)}:10`]);
  });
});

describe("line ends other editors write", () => {
  // Old Mac line ends (CR alone) read as one line: a file opening with a comment was "empty"; a
  // DOS editor's Ctrl-Z at the end was "a character without its pair".
  it("a carriage return alone, and a Ctrl-Z at the end, read as the file with plain line ends does", () => {
    const plain = load(MINI).rubric;
    const cr = load(`# 迷你方案\n${MINI}`.replace(/\n/g, "\r"));
    expect(cr.diagnostics).toEqual([]);
    expect(cr.rubric?.lines).toEqual(load(`# 迷你方案\n${MINI}`).rubric?.lines);
    const z = load(`${MINI}\x1a`);
    expect(z.diagnostics).toEqual([]);
    expect(z.rubric?.rankings).toEqual(plain?.rankings);
    // Positions stay where the lines are: a slip on the fifth line is said there, as with plain line ends.
    const slip = MINI.replace("title: 迷你方案", "title: 迷你方案\n  oops: 1");
    expect(found(slip.replace(/\n/g, "\r"))).toEqual(found(slip));
    expect(found(slip)[0]).toMatch(/ r\.yaml:5:3$/);
  });
});

describe("YAML mistakes people make", () => {
  it("a key indented one space too few is an indentation error at its line, not a missing bracket", () => {
    const text = replace("  - code: DZ\n    name: 党政线", "  - code: DZ\n   name: 党政线");
    const line = lineOf("   name: 党政线", text);
    expect(found(text)[0]).toBe(`rubric.yaml.SEQ_INDENT r.yaml:${line}:1`);
  });

  it("an unclosed quote is reported where it opens, not at the end of the file", () => {
    const text = replace('effective: "2026-01-01"', 'effective: "2026-01-01');
    const line = lineOf('effective: "2026-01-01', text);
    expect(found(text)).toEqual([`rubric.yaml.UNCLOSED_QUOTE r.yaml:${line}:12`]);
  });
});

describe("a value of the wrong type", () => {
  it("is said in the user's words, not zod's (应为列表, not 应为 array)", () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace(/^unit_kinds:\n(?: .*\n)+/m, "unit_kinds: 5\n");
    const { diagnostics } = loadRubric("r.yaml", Buffer.from(text), "test");
    const wrong = diagnostics.find((d) => d.code === "rubric.wrong-type");
    expect(wrong && message("zh-CN", wrong.code, wrong.data)).toBe("unit_kinds 的类型不对,应为列表(每项一行,以 - 开头;或写成 [甲, 乙])");
    expect(wrong && message("en", wrong.code, wrong.data)).toBe("unit_kinds has the wrong type; expected a list (one item a line, each starting with -; or [a, b])");
  });
});

describe("a duplicate key", () => {
  it("is named in its message, at the second one", () => {
    const text = replace("            max: 7.5\n", "            max: 7.5\n            max: 8\n");
    const d = load(text).diagnostics.find((x) => x.code === "rubric.duplicate-key-at");
    // With the line of the first, to be looked for (a clerk's 130-line file).
    expect(d && message("zh-CN", d.code, d.data)).toBe(`重复的键 “max”:同一层级中第 ${lineOf("            max: 7.5\n", text)} 行已出现过;请删去其中一个`);
  });
});

describe("what an author is told to write", () => {
  it("names the scheme's lines beside a line it does not have (未定义的考核线 XX, the lines to be looked for)", () => {
    const d = load(replace("lines: [BM]", "lines: [BX]")).diagnostics.find((x) => x.code === "rubric.unknown-line");
    expect(d && message("zh-CN", d.code, d.data)).toBe("未定义的考核线 BX(方案中的考核线:DZ、JS、BM)");
  });

  it("names the value that is no code, not the item it is on (indicator: ZRB on JJ3 read as JJ3 at fault)", () => {
    const r = load(replace("        indicator: ZB1\n", "        indicator: ZRB\n"));
    const d = r.diagnostics.find((x) => x.code === "rubric.bad-format-code");
    expect(d && message("zh-CN", d.code, d.data)).toBe("indicator (DZ1) 写的 “ZRB” 不是有效的代码(1–4 个大写字母加数字,如 DZ3.1、ZB1、KF3)");
  });

  it("says a YAML merge key is not read, not that the keys it brings are missing", () => {
    const text = replace("      - code: DZ2.1\n            name: 决策甲\n".replace("      - code: DZ2.1\n            ", "          - code: DZ2.1\n            "), "          - code: DZ2.1\n            <<: { name: 决策甲 }\n");
    expect(found(text)).toEqual([`rubric.merge-key r.yaml:${lineOf("          - code: DZ2.1\n") + 1}:13`]);
  });

  it("says tiers misspelt as ties where a list of prizes is written beside the grades (with their own ties or not); a value ties takes belongs in grades", () => {
    const comprehensive = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const codes = (text: string): string[] => loadRubric("c.yaml", new TextEncoder().encode(text), "test").diagnostics.map((d) => d.code);
    const prizes = "    ties:\n      - { name: 一等奖, ranks: [1, 1], amount: 50000 }\n";
    expect(codes(comprehensive.replace("      ties: none\n    yellow_card:\n", `      ties: none\n${prizes}    yellow_card:\n`))).toContain("rubric.unknown-key-near");
    expect(codes(comprehensive.replace("      ties: none\n    yellow_card:\n", `${prizes}    yellow_card:\n`))).toContain("rubric.unknown-key-near");
    // ties: none written twice, in grades and beside them: it belongs in grades.
    expect(codes(comprehensive.replace("      ties: none\n    yellow_card:\n", "      ties: none\n    ties: none\n    yellow_card:\n"))).toEqual(["rubric.key-belongs-within"]);
  });

  it("says a key moved out of the block beside it (ties: out of grades:) belongs in that block, not that it is tiers misspelt", () => {
    const comprehensive = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const moved = comprehensive.replace("      otherwise: 不合格\n      ties: none\n", "      otherwise: 不合格\n    ties: none\n");
    const r = loadRubric("c.yaml", new TextEncoder().encode(moved), "test");
    expect(r.diagnostics.map((d) => `${d.code} ${d.location ? formatLocation(d.location) : ""} ${message("zh-CN", d.code, d.data)}`)).toEqual([
      `rubric.key-belongs-within c.yaml:${lineOf("    ties: none", moved)}:5 键 “ties” 不能直接写在 towns 中,它属于其中的 grades:请写成 grades: {ties: …}`,
    ]);
  });

  it("says a grade's mark written as a share (from: 0.9) once, as that, not also as out of order", () => {
    const comprehensive = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const band = "        - { name: 优秀, from: 90, quota: 30% }";
    expect(comprehensive).toContain(band);
    const r = loadRubric("c.yaml", new TextEncoder().encode(comprehensive.replace(band, band.replace("from: 90", "from: 0.9"))), "test");
    expect(r.diagnostics.map((d) => d.code)).toEqual(["rubric.mark-fraction"]);
  });
});

describe("a bare per on a percentage", () => {
  it("is told in the words of the indicator's direction: 每低 where higher is better, 每高 where lower is", () => {
    const bare = replace("        kind: gate\n        indicator: ZB1\n        target: MB1\n", "        kind: shortfall\n        indicator: ZB1\n        target: MB1\n        per: 1\n        deduct: 2\n");
    expect(firstSaid(bare)).toContain("每低 1 个百分点请写 per: 1%");
    const lower = bare.replace("  - code: ZB1\n    name: 符合率\n", "  - code: ZB1\n    name: 失业率\n    direction: lower\n");
    expect(lower).not.toBe(bare);
    expect(firstSaid(lower)).toContain("每高 1 个百分点请写 per: 1%");
  });
});

describe("a number with a letter typed for a digit", () => {
  it("is told the number meant (1OO is 100, not 1 and a unit)", () => {
    const d = load(replace("    scale: 100\n", "    scale: 1OO\n")).diagnostics[0]!;
    expect(message("zh-CN", d.code, d.data)).toBe("scale (town):“1OO” 请写作 100");
  });
});

describe("a single-item award given on some groups' rankings alone", () => {
  it("is warned of at its ledger code: a unit of another group, its claim recognized, wins nothing (said only in its notes)", () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const single = "    single:\n      - code: DX1\n        name: 经济发展突出贡献奖\n        amount: 20000\n        linked_item: JJ5\n";
    const tiers = "      - { name: 二等奖, ranks: [2, 3], amount: 30000 }\n";
    expect(text).toContain(single);
    expect(text).toContain(tiers);
    // Given by 乡镇组排名 alone (not by 经济发展单项排名, which ranks every town).
    const moved = text.replace(single, "").replace(tiers, tiers + single);
    const said = (loadRubric("r.yaml", Buffer.from(moved), "test").advice ?? []).filter((d) => d.code.startsWith("rubric.single-not-given"));
    expect(said.map((d) => `${d.code} ${d.location ? formatLocation(d.location) : ""}`)).toEqual([`rubric.single-not-given-groups r.yaml:${lineOf("    - code: DX1\n", moved)}:13`]);
    expect(message("zh-CN", said[0]!.code, said[0]!.data)).toBe("DX1 经济发展突出贡献奖 只由乡镇组排名颁发,街道组的单位认定了也不会得奖;如非有意,请在街道组的排名的 single 中也加上 DX1");
    // Given where every town is ranked: nothing said.
    expect((loadRubric("r.yaml", Buffer.from(text), "test").advice ?? []).filter((d) => d.code.startsWith("rubric.single-not-given"))).toEqual([]);
  });
});
