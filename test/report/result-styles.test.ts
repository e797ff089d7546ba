// What a clerk sees in the sheets `assess score` adds, read from the written XML itself: a title,
// a bold header band with fill and borders, frozen panes, an autofilter, print setup, the workbook
// opening on the first ranking, vetoed rows tinted — in the user's own package.
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { scratchDir } from "../helpers/tmp.js";

const dir = scratchDir("assess-styles-");
let parts: Record<string, string>;
let sheetOf: (name: string) => string;

/** A list's entries, each whole (an empty one <xf …/> ends at its own />, not the next </xf>). */
function entries(xml: string, list: string, tag: string): string[] {
  const body = new RegExp(`<${list}[^>]*>([\\s\\S]*?)</${list}>`).exec(xml)?.[1] ?? "";
  return [...body.matchAll(new RegExp(`<${tag}(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</${tag}>)`, "g"))].map((m) => m[0]);
}

/** The style index of a cell of a sheet's XML. */
function styleOf(sheet: string, ref: string): number {
  const m = new RegExp(`<c r="${ref}"[^>]*?(?: s="(\\d+)")?[^>]*>`).exec(sheet);
  const s = /s="(\d+)"/.exec(m?.[0] ?? "")?.[1];
  return Number(s ?? 0);
}

beforeAll(async () => {
  const input = join(dir, "青山区.xlsx");
  copyFileSync("samples/qingshan-2026.xlsx", input);
  // Dated 2026-09-15 (SOURCE_DATE_EPOCH, as a reproducible build sets it): the day scored is printed.
  expect((await cli(["score", input], { LANG: "zh_CN.UTF-8", SOURCE_DATE_EPOCH: "1789430400" })).code).toBe(0);
  const raw = unzipSync(new Uint8Array(readFileSync(join(dir, "青山区.scored.xlsx"))));
  parts = Object.fromEntries(Object.entries(raw).filter(([k]) => k.endsWith(".xml") || k.endsWith(".rels")).map(([k, v]) => [k, strFromU8(v)]));
  const wb = parts["xl/workbook.xml"] ?? "";
  const rels = parts["xl/_rels/workbook.xml.rels"] ?? "";
  const quote = (x: string): string => x.replace(/[()[\]{}.*+?^$|\\]/g, "\\$&");
  sheetOf = (name) => {
    const rid = new RegExp(`<sheet [^>]*name="${quote(name)}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1];
    const xml = parts[`xl/${(target ?? "").replace(/^\/?xl\//, "")}`];
    if (!xml) throw new Error(`no sheet ${name}`);
    return xml;
  };
});

describe("the result sheets as written", () => {
  it("open the workbook on 综合排名", () => {
    const wb = parts["xl/workbook.xml"] ?? "";
    const names = [...wb.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(/activeTab="(\d+)"/.exec(wb)?.[1]).toBe(String(names.indexOf("综合排名")));
    expect(sheetOf("综合排名")).toMatch(/<sheetView [^>]*tabSelected="1"/);
  });

  it("keep a subtitle that fits the table's width on one line of 18 points, unwrapped", () => {
    expect(sheetOf("得分明细(镇、街道)")).toMatch(/<row r="2" ht="18" customHeight="1"><c r="A2" s="(\d+)"/);
    const s = Number(/<row r="2"[^>]*><c r="A2" s="(\d+)"/.exec(sheetOf("得分明细(镇、街道)"))?.[1]);
    expect(entries(parts["xl/styles.xml"] ?? "", "cellXfs", "xf")[s]).not.toContain("wrapText");
  });

  it("have a title, a header band that is bold, filled and bordered, and the header frozen with the unit column", () => {
    const ws = sheetOf("综合排名");
    const styles = parts["xl/styles.xml"] ?? "";
    const xfs = entries(styles, "cellXfs", "xf");
    const fonts = entries(styles, "fonts", "font");
    const fills = entries(styles, "fills", "fill");
    const borders = entries(styles, "borders", "border");
    expect(ws).toMatch(/<c r="A1"[^>]*t="inlineStr"><is><t>青山区2026年度综合排名<\/t>/);
    const head = xfs[styleOf(ws, "A3")] ?? "";
    const attr = (n: string): number => Number(new RegExp(`${n}="(\\d+)"`).exec(head)?.[1] ?? -1);
    expect(fonts[attr("fontId")]).toContain("<b/>");
    expect(fills[attr("fillId")]).toMatch(/patternType="solid"/);
    expect(borders[attr("borderId")]).toMatch(/<bottom style="thin"/);
    expect(head).toMatch(/<alignment [^>]*horizontal="center"[^>]*wrapText="1"/);
    expect(ws).toMatch(/<pane xSplit="2" ySplit="3" topLeftCell="C4" activePane="bottomRight" state="frozen"\/>/);
  });

  it("filter the ranking, print A4 landscape fit to width with print titles and page numbers", () => {
    const ws = sheetOf("综合排名");
    expect(ws).toMatch(/<autoFilter ref="A3:[A-Z]+\d+"\/>/);
    expect(ws).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"/);
    expect(ws).toMatch(/<pageSetup [^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
    // The page, not "of N": printing the whole scored workbook counts the user's own sheets' pages in N.
    // With the sheet's name, as the template's sheets have it: printed as a whole workbook, a page
    // says which sheet it is of; and each sheet's pages are numbered from 1 (they ran on across
    // sheets in LibreOffice: 计分信息 was 第 17 页). On the left, the day it was scored: a printed
    // ranking whose claims are still pending is read as of that day.
    // (No 共 &N 页: LibreOffice, and Excel printing the whole workbook, count every sheet's pages in &N: 第 1 页,共 27 页.)
    expect(ws).toMatch(/<oddFooter>&amp;L计分日期:2026年9月15日&amp;C&amp;A 第 &amp;P 页<\/oddFooter>/);
    expect(ws).toMatch(/<pageSetup [^>]*firstPageNumber="1"[^>]*useFirstPageNumber="1"/);
    for (const name of ["计分说明", "奖惩名单", "计分信息", "得分明细(镇、街道)"]) expect(sheetOf(name)).toContain("<oddFooter>&amp;L计分日期:2026年9月15日&amp;C&amp;A 第 &amp;P 页</oddFooter>");
    // And the provenance says it.
    expect(sheetOf("计分信息")).toMatch(/<t>计分日期<\/t><\/is><\/c><c [^>]*><is><t>2026年9月15日<\/t>/);
    expect(parts["xl/workbook.xml"]).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="\d+">(?:&apos;|&#39;)综合排名(?:&apos;|&#39;)!\$1:\$3<\/definedName>/);
  });

  it("print a table several pages across with its title and subtitle as every page's header, not as rows cut at the repeated columns", () => {
    const ws = sheetOf("得分明细(镇、街道)");
    const book = parts["xl/workbook.xml"] ?? "";
    // The header row and the frozen columns repeat; rows 1–2 stay on screen but are not printed.
    expect(book).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="\d+">(?:&apos;|&#39;)得分明细\(镇、街道\)(?:&apos;|&#39;)!\$A:\$C,(?:&apos;|&#39;)得分明细\(镇、街道\)(?:&apos;|&#39;)!\$3:\$3<\/definedName>/);
    expect(book).toMatch(/<definedName name="_xlnm.Print_Area" localSheetId="\d+">(?:&apos;|&#39;)得分明细\(镇、街道\)(?:&apos;|&#39;)!\$A\$3:\$[A-Z]+\$17<\/definedName>/);
    expect(ws).toMatch(/<oddHeader>&amp;C&amp;(?:"|&quot;)-,Bold(?:"|&quot;)&amp;12青山区2026年度得分明细\(镇、街道\)\n&amp;(?:"|&quot;)-,Regular(?:"|&quot;)&amp;9考核方案:/);
    expect(ws).toMatch(/<c r="A1"[^>]*t="inlineStr"><is><t>青山区2026年度得分明细\(镇、街道\)<\/t>/);
  });

  it("tint a vetoed row and say 一票否决 in its rank cell", () => {
    const ws = sheetOf("综合排名");
    const styles = parts["xl/styles.xml"] ?? "";
    const xfs = entries(styles, "cellXfs", "xf");
    const fills = entries(styles, "fills", "fill");
    const row = [...ws.matchAll(/<row r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)].find((m) => (m[2] ?? "").includes("北川镇"));
    expect(row?.[2]).toContain("<t>一票否决</t>");
    const xf = xfs[styleOf(ws, `A${row?.[1]}`)] ?? "";
    const fill = fills[Number(/fillId="(\d+)"/.exec(xf)?.[1] ?? -1)] ?? "";
    expect(fill).toMatch(/patternType="solid"/);
  });

  it("show a line ranking's 得分率 to 0.01%, as exact as its points", () => {
    const ws = sheetOf("党政线排名");
    expect(ws).toMatch(/<c r="E3"[^>]*><is><t>得分率<\/t>/);
    const styles = parts["xl/styles.xml"] ?? "";
    // Each xf, self-closing or not (the cell's style is its place among them).
    const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "").matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
    const id = /numFmtId="(\d+)"/.exec(xfs[styleOf(ws, "E4")] ?? "")?.[1];
    // Excel's own 10 is 0.00%; a format of ours would be declared.
    expect(id === "10" || new RegExp(`<numFmt numFmtId="${id}" formatCode="0.00%"/>`).test(styles), `numFmtId ${id}`).toBe(true);
  });

  it("show points with two decimals, right-aligned, so that a column's decimal points line up (604.5 centred over 621 did not)", () => {
    const ws = sheetOf("综合排名");
    const styles = parts["xl/styles.xml"] ?? "";
    const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "").matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
    // C: 党政线 (a line's subtotal), G: 总分; Excel's own 2 is 0.00, a format of ours would be declared.
    for (const cell of ["C4", "G4"]) {
      const xf = xfs[styleOf(ws, cell)] ?? "";
      const id = /numFmtId="(\d+)"/.exec(xf)?.[1];
      expect(id === "2" || new RegExp(`<numFmt numFmtId="${id}" formatCode="0.00"/>`).test(styles), `${cell} numFmtId ${id}`).toBe(true);
      expect(xf).toMatch(/horizontal="right"/);
    }
  });

  it("give 得分明细's rank column room for its ranking's name in brackets on one line (a lone \")\" wrapped under it)", async () => {
    const { linesIn } = await import("../../src/model/width.js");
    const ws = sheetOf("得分明细(镇、街道)");
    const width = Number(/<col min="2" max="2" width="([\d.]+)"/.exec(ws)?.[1]);
    // The bold heading's second line, a tenth wider than body text.
    const second = /<t[^>]*>名次\n(\([^<]*\))<\/t>/.exec(ws)?.[1] ?? "";
    expect(second).toBe("(综合排名)");
    expect(linesIn(second + "一", width)).toBe(1);
  });

  it("put a long ranking's name under 名次 on two lines, parted at a bracket or a space, never in a word (its one line took a detail sheet's page width)", async () => {
    const { bracketLines } = await import("../../src/report/result-sheets.js");
    expect(bracketLines("综合排名")).toEqual(["(综合排名)"]);
    expect(bracketLines("区属国有企业排名")).toEqual(["(区属国有企业排名)"]);
    expect(bracketLines("乡镇(街道)综合排名")).toEqual(["(乡镇(街道)", "综合排名)"]);
    expect(bracketLines("County ranking of all units")).toEqual(["(County ranking", "of all units)"]);
    // No bracket or space inside: parted mid-way, never before punctuation.
    const [a = "", b = ""] = bracketLines("全区乡镇街道年度综合考核排名");
    expect(`${a}${b}`).toBe("(全区乡镇街道年度综合考核排名)");
    expect(Math.abs([...a].length - [...b].length)).toBeLessThanOrEqual(2);
  });

  it("give a row of a Chinese name that fits its column one line's height (区卫生健康局 stood in a row of two)", () => {
    const ws = sheetOf("部门排名");
    const row = (name: string): string => new RegExp(`<row [^>]*>(?:(?!</row>)[\\s\\S])*?<t>${name}</t>`).exec(ws)?.[0] ?? "";
    for (const name of ["区卫生健康局", "区农业农村局"]) {
      expect(row(name), name).not.toBe("");
      expect(row(name), name).not.toMatch(/^<row [^>]*ht=/);
    }
  });

  it("give each item of 得分明细 a column its code fits on one line of, bold (JS3.3.4.1 broke as JS3.3. / 4.1)", async () => {
    const { linesIn } = await import("../../src/model/width.js");
    const ws = sheetOf("得分明细(镇、街道)");
    const header = [...(/<row r="3"[^>]*>([\s\S]*?)<\/row>/.exec(ws)?.[1] ?? "").matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1] ?? "");
    const widths = new Map<number, number>();
    for (const m of ws.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)) for (let c = Number(m[1]); c <= Number(m[2]); c++) widths.set(c, Number(m[3]));
    const codes = header.flatMap((h, i) => (/^[A-Z]+\d+(\.\d+)+ /.test(h) ? [{ code: h.split(" ")[0] ?? "", width: widths.get(i + 1) ?? 0 }] : []));
    expect(codes.map((c) => c.code)).toContain("JS3.3.4.1");
    expect(codes.filter((c) => linesIn(c.code, c.width / 1.1) > 1)).toEqual([]);
  });

  it("lay out 得分明细 to print across at most 5 pages for the sample (its 58 columns), each page begun at a line or one of its items, never inside one", () => {
    const ws = sheetOf("得分明细(镇、街道)");
    expect(ws).toMatch(/<pane [^>]*state="frozen"/);
    // At a scale of its own, with page breaks of its own: a sheet fitted to the page ignores them.
    expect(ws).not.toContain("fitToPage");
    expect(ws).not.toContain("fitToWidth");
    const scale = Number(/<pageSetup [^>]*scale="(\d+)"/.exec(ws)?.[1] ?? 0);
    expect(scale).toBeGreaterThanOrEqual(70);
    expect(scale).toBeLessThanOrEqual(100);
    // Each break before a heading: the 人口计生线 line (with its first item), or an item of the line's own (JS3, never JS3.1).
    const header = [...(/<row r="3"[^>]*>([\s\S]*?)<\/row>/.exec(ws)?.[1] ?? "").matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1] ?? "");
    const before = [...ws.matchAll(/<brk id="(\d+)"[^>]*man="1"\/>/g)].map((m) => header[Number(m[1])]?.split(/\s/)[0]);
    expect(before).toEqual(["JS", "JS3", "JS4", "JS5"]);
    // Printed across, then down: a unit's later lines on the page after its first (down first put them a dozen pages on).
    expect(ws).toMatch(/<pageSetup [^>]*pageOrder="overThenDown"/);
  });

  it("lay out a 得分明细 that fits one page to the page's width (no breaks of its own)", () => {
    const ws = sheetOf("得分明细(责任部门)");
    expect(ws).toMatch(/<pageSetup [^>]*fitToWidth="1"/);
    expect(ws).not.toContain("<colBreaks");
    expect(ws).not.toContain("pageOrder");
  });
});

describe("wrapped text's lines", () => {
  it("counts a CJK character as two column units, as a Calibri-default workbook prints it (59 units in a column of 56 are two lines)", async () => {
    const { linesIn } = await import("../../src/model/width.js");
    const awards = "名次奖:一等奖;单项奖:全员人口信息化建设单项奖(省级),3,000元";
    expect(linesIn(awards, 56)).toBe(2);
    expect(linesIn(awards, 64)).toBe(1);
    expect(linesIn("一等奖", 10)).toBe(1);
  });

  it("wraps as a spreadsheet does: a Latin word or number is not broken, a Latin character is wider than one unit", async () => {
    const { linesIn } = await import("../../src/model/width.js");
    // 4 CJK, 12 Latin and 3 spaces: 8 + 12 × 1.2 + 3 × 0.6 = 24.2 units, over the 23.5 a 25-unit
    // column holds less its margins: its last word (95%) goes whole to a second line.
    expect(linesIn("ZB1 实际 93.5%,目标 95%", 25)).toBe(2);
    expect(linesIn("ZB1 实际 93.5%,目标 95%", 27)).toBe(1);
    // A number that would straddle a line's end goes to the next line whole.
    expect(linesIn("一二三四五六七 12345678", 20)).toBe(2);
    expect(linesIn("一二三四五六七八九十一二三四五六七八九十", 20)).toBe(3);
  });

  it("makes points and share columns wide enough that a number does not run into the next (100.00, 1008.00 bold, 100.00%)", async () => {
    const { pointsWidth, SHARE_WIDTH } = await import("../../src/report/sheet-style.js");
    // 6 characters at 1.1, 7 bold at 1.25, and a margin: were 7 and 9 (a digit one unit), and 8 for a share (### in LibreOffice).
    expect(pointsWidth(100)).toBe(8);
    expect(pointsWidth(1008, true)).toBe(10);
    expect(SHARE_WIDTH).toBeGreaterThanOrEqual(10);
  });

  it("makes 奖惩名单's basis column as wide as its longest basis prints (Latin wider than a digit of the default font)", () => {
    const ws = sheetOf("奖惩名单");
    expect(ws).toContain("ZB1 出生政策符合率 实际 93.5%,目标 95%");
    // 34.2 units of text (9 CJK, 12 Latin, 4 spaces) and its margins: the width of 4 CJK alone (25)
    // printed it on two lines in a row of one.
    const width = Number(/<col min="5" max="5" width="([\d.]+)"/.exec(ws)?.[1]);
    expect(width).toBeGreaterThanOrEqual(37);
  });
});

describe("a result sheet's title", () => {
  it("says a year typed in full-width digits or in Chinese as the report's title does (青山区２０２６年度综合排名)", async () => {
    const { sheetTitle } = await import("../../src/report/result-sheets.js");
    expect(sheetTitle("zh-CN", { district: "青山区", year: "２０２６" }, "综合排名")).toBe("青山区2026年度综合排名");
    expect(sheetTitle("zh-CN", { district: "青山区", year: "二〇二六年" }, "综合排名")).toBe("青山区2026年度综合排名");
    expect(sheetTitle("zh-CN", { year: "2026年度" }, "综合排名")).toBe("2026年度综合排名");
    // And the report's title the same (it said 青山区二〇二六年度…).
    const { reportTitle } = await import("../../src/report/september/model.js");
    expect(reportTitle("zh-CN", { district: "青山区", year: "二〇二六" }, { title: "人口和计划生育目标管理责任制考核", report: {} })).toBe("青山区2026年度人口和计划生育目标管理责任制考核结果");
    // A note in brackets after the 办法 is no part of the results' name (…考核办法(2020年修订)结果, a re-tester's find);
    // one that is part of the scheme's own name stays.
    expect(reportTitle("zh-CN", { district: "柳河区", year: "2026" }, { title: "乡镇考核办法(2020年修订)", report: {} })).toBe("柳河区2026年度乡镇考核结果");
    expect(reportTitle("zh-CN", { district: "柳河区", year: "2026" }, { title: "乡镇综合考核实施办法（试行）", report: {} })).toBe("柳河区2026年度乡镇综合考核结果");
    expect(reportTitle("zh-CN", { district: "柳河区", year: "2026" }, { title: "部门考核(仅评分项)", report: {} })).toBe("柳河区2026年度部门考核(仅评分项)结果");
  });
});
