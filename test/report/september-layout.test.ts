// Pagination and measuring for the Excel report, and the chart's scale: small blocks move to the
// next page whole, long ones split between rows with their head repeated, never a lone heading.
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { gridWidths, linesFor, pageCapacity, planPages, textWidth, type Block } from "../../src/report/september/layout.js";
import { niceRange, niceScale } from "../../src/report/september/chart.js";
import { buildReport, reportXlsx } from "../../src/report/september/index.js";
import { DATE, readBook, SAMPLE, scoreFile, texts } from "./helpers.js";

// Heights in whole pixels at 96 dpi (a spreadsheet program draws a row so): 52, 26 and 12 px.
const block = (rows: number, head = 39, h = 19.5): Block => ({ head, rows: Array.from({ length: rows }, () => h), gap: 9 });

describe("page planning", () => {
  it("keeps blocks that fit together on one page", () => {
    const plan = planPages([block(5), block(5)], 400);
    expect(plan).toEqual([[{ from: 0, to: 5, breakBefore: false, continued: false }], [{ from: 0, to: 5, breakBefore: false, continued: false }]]);
  });

  it("moves a block that fits a page but not the rest of this one to the next page whole", () => {
    const plan = planPages([block(10), block(10)], 400);
    expect(plan[1]).toEqual([{ from: 0, to: 10, breakBefore: true, continued: false }]);
  });

  it("carries over at least as many rows as a block asks (the closing block's seal and date took two of its lines along, not alone on a last page)", () => {
    // A block of 21 rows with no head: 20 fit (390 of 400), 1 would be carried alone; 3 are at least, 5 where asked.
    const rows = (carried?: number): Block => ({ head: 0, rows: Array.from({ length: 21 }, () => 19.5), gap: 0, ...(carried ? { carried } : {}) });
    expect(planPages([rows()], 400)[0]?.map((c) => c.to - c.from)).toEqual([18, 3]);
    expect(planPages([rows(5)], 400)[0]?.map((c) => c.to - c.from)).toEqual([16, 5]);
  });

  it("splits a block longer than a page between rows, head repeated on the continuation", () => {
    const plan = planPages([block(30)], 400);
    expect(plan[0]).toEqual([
      { from: 0, to: 18, breakBefore: false, continued: false },
      { from: 18, to: 30, breakBefore: true, continued: true },
    ]);
  });

  it("starts a block that fits a page on a page with much room left where that saves a page, and else moves it whole", () => {
    // 39 + 4 × 19.5 + 9 = 126 used of 400: a block of 15 rows (331.5) fits a page of its own. Moved
    // whole, it and the next block of 12 (273) take three pages; started here, two.
    const saves = planPages([block(4), block(15), block(12)], 400);
    expect(saves[1]?.[0]).toMatchObject({ from: 0, breakBefore: false });
    expect(saves[1]).toHaveLength(2);
    expect(1 + saves.flat().filter((c) => c.breakBefore).length).toBe(2);
    // Nothing after it: moved whole or not, two pages; it is kept whole.
    expect(planPages([block(4), block(15)], 400)[1]).toEqual([{ from: 0, to: 15, breakBefore: true, continued: false }]);
  });

  it("never leaves a heading with fewer than three rows at a page end", () => {
    const plan = planPages([block(14), block(40)], 400);
    // After 39 + 273 + 9 = 321 used, only 2 rows of the long block would fit: it starts on a new page.
    expect(plan[1]?.[0]).toMatchObject({ from: 0, breakBefore: true, continued: false });
  });

  it("never carries fewer than three rows of a block alone over to the next page", () => {
    // 39 + 4 × 19.5 + 9 = 126 used; a block of 15 started here (it saves a page) has 12 rows that fit,
    // 3 over. One of 14 would have had 2 over: 11 stay, 3 go.
    const plan = planPages([block(4), block(14), block(13)], 400);
    expect(plan[1]).toEqual([
      { from: 0, to: 11, breakBefore: false, continued: false },
      { from: 11, to: 14, breakBefore: true, continued: true },
    ]);
    // Too few to part so (4 rows, 3 fitting): the block moves on whole.
    expect(planPages([block(18), block(4)], 400)[1]).toEqual([{ from: 0, to: 4, breakBefore: true, continued: false }]);
  });

  it("brings the last rows of the block before along when a closing block would start a page alone", () => {
    const closing: Block = { head: 0, rows: [20, 20, 20, 20], gap: 0, withPrevious: 3 };
    const plan = planPages([block(16), closing], 400);
    expect(plan[0]).toEqual([
      { from: 0, to: 13, breakBefore: false, continued: false },
      { from: 13, to: 16, breakBefore: true, continued: true },
    ]);
    expect(plan[1]).toEqual([{ from: 0, to: 4, breakBefore: false, continued: false }]);
  });

  it("brings a table's last chunk along whole where taking three of its rows would leave fewer than three under its heading", () => {
    const closing: Block = { head: 0, rows: [20, 20, 20, 20], gap: 0, withPrevious: 3 };
    // 39 + 10 × 19.5 + 9 = 243 used: a block of 4 fits after it (it is whole), then the closing block needs a page.
    const plan = planPages([block(10), block(4), closing], 400);
    expect(plan[1]).toEqual([{ from: 0, to: 4, breakBefore: true, continued: false }]);
    expect(plan[2]).toEqual([{ from: 0, to: 4, breakBefore: false, continued: false }]);
  });

  it("counts each height as it is drawn, in whole pixels: 32 pt rows take 32.25 pt", () => {
    // 12 rows of 32 pt are 384 pt as typed, 387 pt as drawn: 11 fit in 386 (of 20, the rest over).
    expect(planPages([{ head: 0, rows: Array.from({ length: 20 }, () => 32), gap: 0 }], 386)[0]?.[0]).toMatchObject({ from: 0, to: 11 });
    expect(planPages([{ head: 0, rows: Array.from({ length: 20 }, () => 32), gap: 0 }], 387)[0]?.[0]).toMatchObject({ from: 0, to: 12 });
  });

  it("fills a page to its printable height, every row's height being set: no fixed share kept free", () => {
    // An A4 landscape page less 0.5 + 0.55 in of margins is 519.7 pt; less the title rows (30 pt,
    // and 20 drawn as 20.25) and 4 pt for the printer, 465.45 (a grid narrower than the page prints
    // at full size).
    const margins = { top: 0.5, bottom: 0.55, left: 0.4, right: 0.4 };
    expect(pageCapacity([10, 16, 12], margins, [30, 20])).toBeCloseTo(465.45, 2);
    // Printed smaller to fit the page's width, it holds that much more.
    expect(pageCapacity(Array.from({ length: 12 }, () => 16), margins, [30, 20])).toBeGreaterThan(500);
  });

  it("measures CJK text as two columns and wraps by the span's width", () => {
    // Latin wider than one unit (the fonts standing in for 宋体 print it so), a space 0.6.
    expect(textWidth("城关镇 1008")).toBeCloseTo(11.4);
    expect(linesFor("Single-item award", 10)).toBe(3);
    expect(linesFor("abcdefghijklmnopqrstuvwxyz", 10)).toBe(4);
    expect(linesFor("一".repeat(10), 23)).toBe(1);
    expect(linesFor("一".repeat(30), 23)).toBe(3);
  });
});

describe("chart scale", () => {
  it("rounds the maximum up to about six steps of 1, 2, 2.5 or 5", () => {
    expect(niceScale(1008)).toEqual({ top: 1200, step: 200 });
    expect(niceScale(99.5)).toEqual({ top: 100, step: 20 });
    expect(niceScale(0)).toEqual({ top: 1, step: 1 });
  });

  it("starts a little below the lowest total, on a round value, so that 953 and 988 look apart", () => {
    // 847 to 1008: a quarter of the spread below 847 is 806.75; steps of 50 → from 800 to 1050.
    expect(niceRange(847, 1008)).toEqual({ bottom: 800, top: 1050, step: 50 });
    // 43 to 100: 28.75 below; steps of 20 (of 71.25 in about six) → from 20.
    expect(niceRange(43, 100)).toEqual({ bottom: 20, top: 100, step: 20 });
    // One value, or nothing: from 0.
    expect(niceRange(90, 90)).toEqual({ bottom: 0, top: 100, step: 20 });
  });
});

describe("a long report", () => {
  it("ends the sample's report on its third page, its closing lines under the award list (a page more held 3 rows and them)", async () => {
    const { rubric, results, cover } = await scoreFile(SAMPLE);
    const bytes = await reportXlsx(buildReport(rubric, results, { lang: "zh-CN", cover, date: DATE, tool: "t" }), DATE);
    const xml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"] ?? new Uint8Array());
    const breaks = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    const wb = await readBook(bytes);
    const ws = wb.getWorksheet("九月排名报告");
    if (!ws) throw new Error("no sheet");
    const rows = texts(ws);
    const awards = rows.findIndex((r) => r?.[0]?.startsWith("奖惩名单"));
    // Two breaks (the overall ranking; the line and department rankings; the award list), the last
    // right above the award list's heading (sheet row awards + 1): none after it.
    expect(breaks).toHaveLength(2);
    expect(breaks.at(-1)).toBe(awards);
  });

  it("prints its closing lines and seal line once where they run over a page (a district's thirty pending claims printed them twice)", async () => {
    const { rubric, results, cover } = await scoreFile(SAMPLE);
    const report = buildReport(rubric, results, { lang: "zh-CN", cover, date: DATE, tool: "t" });
    // Sixty lines of notes: more than the last page has room for.
    const notes = Array.from({ length: 60 }, (_, i) => `待认定记录说明第 ${i + 1} 条`);
    const long = { ...report, closing: { ...report.closing, lines: [...notes, ...report.closing.lines] } };
    const bytes = await reportXlsx(long, DATE);
    const wb = await readBook(bytes);
    const ws = wb.getWorksheet("九月排名报告");
    if (!ws) throw new Error("no sheet");
    const all = Array.from(texts(ws), (r) => (r ?? []).join(""));
    expect(all.filter((t) => t.includes("待认定记录说明第 1 条"))).toHaveLength(1);
    expect(all.filter((t) => t.includes("待认定记录说明第 60 条"))).toHaveLength(1);
    expect(all.filter((t) => t.includes(report.closing.office))).toHaveLength(1);
    // Broken within them (sheet rows first to last), each page going on where the last ended.
    const xml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"] ?? new Uint8Array());
    const breaks = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    const first = all.findIndex((t) => t.includes("待认定记录说明第 1 条")) + 1;
    const last = all.findIndex((t) => t.includes(report.closing.office)) + 1;
    const within = breaks.filter((b) => b >= first && b < last);
    expect(within.length).toBeGreaterThan(0);
    for (const b of within) expect(all[b]).toMatch(/^(待认定记录说明第 \d+ 条|考核方案|数据来源|生成工具)/);
  });

  it("repeats a split table's heading and column heads after the page break", async () => {
    const { rubric, results, cover } = await scoreFile(SAMPLE);
    const overall = results.rankings.find((r) => r.id === "overall");
    if (!overall) throw new Error("no overall ranking");
    // Eight times the towns: the overall ranking no longer fits one page.
    const many = { ...results, rankings: results.rankings.map((r) => (r === overall ? { ...r, entries: Array.from({ length: 8 }, () => r.entries).flat() } : r)) };
    const bytes = await reportXlsx(buildReport(rubric, many, { lang: "zh-CN", cover, date: DATE, tool: "t" }), DATE);
    const wb = await readBook(bytes);
    const ws = wb.getWorksheet("九月排名报告");
    if (!ws) throw new Error("no sheet");
    const rows = texts(ws);
    const cont = rows.findIndex((r) => r?.[0]?.startsWith("综合排名(续)"));
    expect(cont).toBeGreaterThan(0);
    expect(rows[cont + 1]?.slice(0, 2)).toEqual(["名次", "单位"]);
    const xml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"] ?? new Uint8Array());
    const breaks = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    // The break is right above the continuation's heading (sheet row cont + 1).
    expect(breaks).toContain(cont);
  });
});

describe("the report grid's first column", () => {
  it("widens for an English award category (Rank prize on one line, not two), within reason; Chinese ones fit as it is", () => {
    expect(gridWidths(8, textWidth("一票否决"))[0]).toBe(10);
    expect(gridWidths(8, textWidth("Rank prize"))[0]).toBe(13);
    expect(linesFor("Rank prize", gridWidths(8, textWidth("Rank prize"))[0] ?? 0)).toBe(1);
    // One-vote veto printed on two lines in a row of one where the column was 15.
    expect(gridWidths(8, textWidth("One-vote veto"))[0]).toBe(17);
    expect(linesFor("One-vote veto", gridWidths(8, textWidth("One-vote veto"))[0] ?? 0)).toBe(1);
    // Single-item award on one line too: at 18 every such row of the English award list was two
    // lines tall, printed on one (its last rows pushed onto a page of their own).
    expect(gridWidths(8, textWidth("Single-item award"))[0]).toBe(21);
    expect(linesFor("Single-item award", gridWidths(8, textWidth("Single-item award"))[0] ?? 0)).toBe(1);
    // Within reason still: a longer word wraps.
    expect(gridWidths(8, textWidth("Single-item award withheld by veto"))[0]).toBe(22);
  });
});

describe("the report grid's unit columns", () => {
  it("widen for long unit names (two lines, not four), within reason, as the line ranking's beside", async () => {
    expect(gridWidths(8)[1]).toBe(16);
    const long = "城关镇人民政府（含城关经济技术开发区管委会）";
    const w = gridWidths(8, 0, [], textWidth(long));
    expect([w[1], w[7]]).toEqual([30, 30]);
    expect(linesFor(long, 16)).toBe(4);
    expect(linesFor(long, w[1] ?? 0)).toBe(2);
    // A name just past the column's own width fits on one line in the column widened for it (8
    // characters took two lines, every row of them twice as tall, in a column of 17).
    for (const name of ["城关镇中心卫生院", "城关镇中心卫生院甲", "东湖街道办事处甲乙"]) expect([name, linesFor(name, gridWidths(8, 0, [], textWidth(name))[1] ?? 0)]).toEqual([name, 1]);
    // Written: the sample with its towns' names made long.
    const { rubric, results, cover } = await scoreFile(SAMPLE);
    const renamed = { ...results, units: results.units.map((u) => (u.name === "城关镇" ? { ...u, name: long } : u)) };
    const ws = (await readBook(await reportXlsx(buildReport(rubric, renamed, { lang: "zh-CN", cover, date: DATE, tool: "t" }), DATE))).getWorksheet("九月排名报告");
    expect([ws?.getColumn(2).width, ws?.getColumn(8).width]).toEqual([30, 30]);
  });
});

describe("the overall table's awards", () => {
  const english = "grade: 良好 (reached the 优秀 mark; 优秀's quota of 2 is filled); rank prize: 二等奖 in 乡镇组排名";
  it("get one more column where the grid's would wrap one onto three lines (an English award), and none otherwise", () => {
    // Nine columns (three lines): the awards span the grid's last three, 34 wide.
    const base = gridWidths(9);
    const span = (w: readonly number[]) => w.slice(8).reduce((a, b) => a + b, 0);
    expect(span(base)).toBe(34);
    expect(linesFor(english, span(base))).toBeGreaterThan(2);
    const wide = gridWidths(9, 0, ["等次:良好", english]);
    expect(wide.length).toBe(base.length + 1);
    expect(linesFor(english, span(wide))).toBeLessThanOrEqual(2);
    expect(gridWidths(9, 0, ["等次:良好", "名次奖:乡镇组排名二等奖"])).toEqual(base);
  });
});

describe("the closing notes under the award list", () => {
  it("are measured in their own smaller type: a note that fits one line at 9 pt is one line high (two made the notes' spacing uneven)", async () => {
    const { closingLineHeight } = await import("../../src/report/september/xlsx.js");
    const widths = [10, 16, 12, 12, 10, 10, 10, 16, 12, 12, 10, 2, 16];
    const across = widths.reduce((a, w) => a + w, 0);
    // 80 Chinese characters: 160 units at the body's 10.5 pt, past the 148 across; 137 at 9 pt, within it.
    const note = "的".repeat(80);
    expect(textWidth(note)).toBeGreaterThan(across);
    expect(closingLineHeight(note, widths)).toBe(15);
    // Twice as long wraps to two lines even so.
    expect(closingLineHeight(note.repeat(2), widths)).toBeGreaterThan(15);
  });
});
