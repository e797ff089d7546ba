// The September report workbook, built from the sample through the real pipeline and read back
// with exceljs: title, date, every ranking against the engine's results, awards, page setup.
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReport, reportXlsx } from "../../src/report/september/index.js";
import { pointsToNumber } from "../../src/model/numbers.js";
import type { RankingResult } from "../../src/model/results.js";
import { DATE, readBook, SAMPLE, scoreFile, texts, type Scored } from "./helpers.js";

let scored: Scored;
let ws: ExcelJS.Worksheet;
let rows: string[][];
let book: ExcelJS.Workbook;

beforeAll(async () => {
  scored = await scoreFile(SAMPLE);
  const report = buildReport(scored.rubric, scored.results, { lang: "zh-CN", cover: scored.cover, date: DATE, tool: "assess test" });
  const wb = await readBook(await reportXlsx(report, DATE));
  book = wb;
  const sheet = wb.getWorksheet("九月排名报告");
  if (!sheet) throw new Error("no report sheet");
  ws = sheet;
  rows = texts(ws);
});

/** The body rows under the table whose heading starts with `heading` (at column offset col). */
function tableRows(heading: string, col = 0): string[][] {
  const at = rows.findIndex((r) => (r?.[col] ?? "").startsWith(heading));
  expect(at, heading).toBeGreaterThanOrEqual(0);
  const out: string[][] = [];
  for (let i = at + 2; i < rows.length; i++) {
    const r = rows[i]?.slice(col);
    // A table that runs onto the next page goes on under its heading again (奖惩名单(续)) and its header.
    if (r?.[0]?.startsWith(`${heading}(续)`)) {
      i++;
      continue;
    }
    if (!r || !r[1]) break;
    out.push(r);
  }
  return out;
}

function ranking(id: string): RankingResult {
  const r = scored.results.rankings.find((x) => x.id === id);
  if (!r) throw new Error(id);
  return r;
}

describe("the report workbook", () => {
  it("is titled from the cover and dated", () => {
    expect(rows[0]?.[0]).toBe("青山区2026年度人口和计划生育目标管理责任制考核结果");
    expect(rows[1]?.join(" ")).toContain("九月排名报告");
    expect(rows[1]?.join(" ")).toContain("报告日期:2026年9月15日");
    expect(ws.getCell("A1").font?.name).toBeTruthy();
    expect(rows.flat().join("|")).not.toContain("undefined");
    // The document's own title (a file browser's and the properties' title: it was empty).
    expect(book.title).toBe("青山区2026年度人口和计划生育目标管理责任制考核结果");
  });

  it("has the overall ranking in the engine's order with subtotals, bonus, deduction, total, rank", () => {
    const body = tableRows("综合排名");
    const header = rows[rows.findIndex((r) => r?.[0]?.startsWith("综合排名")) + 1];
    expect(header?.slice(0, 7)).toEqual(["名次", "单位", "党政线", "人口计生线", "加分", "扣分", "总分"]);
    const overall = ranking("overall");
    expect(body.map((r) => r[1])).toEqual(overall.entries.map((e) => scored.results.units[e.unit]?.name));
    for (const [i, e] of overall.entries.entries()) {
      const u = scored.results.units[e.unit]!;
      const r = body[i] ?? [];
      expect(r[0]).toBe(e.rank === null ? "一票否决" : String(e.rank));
      expect(Number(r[2])).toBe(pointsToNumber(u.subtotals.DZ ?? 0));
      expect(Number(r[3])).toBe(pointsToNumber(u.subtotals.JS ?? 0));
      expect(Number(r[4])).toBe(pointsToNumber(u.bonus));
      expect(Number(r[5])).toBe(pointsToNumber(u.deduction));
      expect(Number(r[6])).toBe(pointsToNumber(u.total));
    }
    // Points with two decimals, right-aligned: 604.50 over 621.00, their decimal points in line.
    const at = rows.findIndex((r) => r?.[0]?.startsWith("综合排名")) + 3;
    for (const col of [3, 7]) {
      const cell = ws.getRow(at).getCell(col);
      expect(typeof cell.value).toBe("number");
      expect(cell.numFmt).toBe("0.00");
      expect(cell.alignment?.horizontal).toBe("right");
    }
  });

  it("states the sample's known facts: 城关镇 first with 一等奖, two vetoes last, 新华街道's yellow card", () => {
    const body = tableRows("综合排名");
    expect(body[0]?.slice(0, 2)).toEqual(["1", "城关镇"]);
    expect(body[0]?.[7]).toContain("一等奖");
    expect(body.slice(-2).map((r) => [r[0], r[1]]).sort()).toEqual([
      ["一票否决", "北川镇"],
      ["一票否决", "石门镇"],
    ]);
    expect(body.find((r) => r[1] === "新华街道")?.[7]).toContain("黄牌警告");
    const vetoRow = ws.getRow(rows.findIndex((r) => r?.[1] === "北川镇" && r[0] === "一票否决") + 1);
    expect(vetoRow.getCell(1).font?.color?.argb).toBe("FFC00000");
    // Its veto with the value and target, as the award list, the sheets and explain say it (the gate alone read as all there was).
    expect(body.find((r) => r[1] === "北川镇")?.[7]).toBe("一票否决:DZ1 基本人口指标,ZB1 出生政策符合率 93.5%,低于目标 95%;一票否决:JS4.1 出生政策符合率,ZB1 93.5%,低于目标 95%;单项奖:移民地区综合治理单项奖(国家级)因一票否决不予授予");
  });

  it("has the 党政线, 人口计生线 and department rankings as the engine ranked them", () => {
    const cases: [string, string, number][] = [
      ["DZ", "党政线排名", 0],
      ["JS", "人口计生线排名", 6],
      ["BM", "部门排名", 0],
    ];
    for (const [id, heading, col] of cases) {
      const body = tableRows(heading, col);
      const r = ranking(id);
      expect(body.map((x) => x[1]), id).toEqual(r.entries.map((e) => scored.results.units[e.unit]?.name));
      expect(body.map((x) => Number(x[2])), id).toEqual(r.entries.map((e) => pointsToNumber(e.value)));
      expect(body.map((x) => x[0]), id).toEqual(r.entries.map((e) => (e.rank === null ? "一票否决" : String(e.rank))));
    }
    expect(tableRows("部门排名")[0]?.slice(0, 3)).toEqual(["1", "区公安分局", "99.5"]);
  });

  it("lists the awards: prizes, single-item awards with amounts, the yellow card, vetoes with values and targets", () => {
    const body = tableRows("奖惩名单");
    const of = (cat: string): string[][] => body.filter((r) => r[0] === cat);
    expect(of("名次奖").map((r) => `${r[1]} ${r[2]}`)).toEqual(["城关镇 一等奖", "东湖街道 二等奖", "西山镇 二等奖", "青石镇 三等奖", "南岭镇 三等奖", "白沙街道 三等奖"]);
    // Four given, with their money; then 北川镇's, recognized and withheld by its veto (a leader asked where it went).
    expect(of("单项奖")).toHaveLength(5);
    for (const r of of("单项奖").slice(0, 4)) expect(r[6]).toBe("3000");
    const withheld = of("单项奖")[4] ?? [];
    expect([withheld[1], withheld[2], withheld[6], withheld[7]]).toEqual(["北川镇", "移民地区综合治理单项奖(国家级),因一票否决不予授予", "", "国家级认定:国家通报(见 加扣分!B19)"]);
    expect(of("黄牌警告").map((r) => r[1])).toEqual(["新华街道"]);
    // Its basis with two decimals, as the tables give totals (总分 596.5 beside 596.50), after its
    // ranking and place there, as a prize's is (a kind carded on several rankings left it unsaid).
    expect(of("黄牌警告").map((r) => r[7])).toEqual(["综合排名第 12 名,总分 596.50"]);
    const vetoes = of("一票否决").map((r) => `${r[1]} ${r[2]} ${r[7]}`);
    expect(vetoes).toContain("石门镇 JS4.2 统计合格率 ZB2 统计合格率 实际 96.5%,目标 98%");
    expect(vetoes).toContain("北川镇 DZ1 基本人口指标 ZB1 出生政策符合率 实际 93.5%,目标 95%");
    expect(vetoes).toContain("北川镇 JS4.1 出生政策符合率 ZB1 出生政策符合率 实际 93.5%,目标 95%");
  });

  it("says that the sample's pending claims may move totals but no rank and no award, in words that fit a scheme without grades", () => {
    // 青石镇's +10 (954.5–964.5) stays 4th, 金水街道's deduction keeps its place: no rank can move.
    const all = rows.map((r) => (r ?? []).join("")).join("\n");
    expect(all).toContain("尚有待认定的加扣分记录,认定后有关单位的总分可能变动,但名次不变;无论如何认定,各单位的奖惩均不变。");
    // Whose totals, between what, and on which claim of its own (青石镇's pending +10 JF2, 金水街道's
    // pending −20 KF3): a leader could not tell which of the totals shown may still move, nor why.
    expect(all).toContain("总分可能变动的单位(表中为现有总分):青石镇(954.50–964.50,待认定:JF2 经验介绍、获奖(国家级,申报中))、金水街道(917.50–937.50,待认定:KF3 越级上访(申报中))。");
  });

  it("names three of a unit's own pending claims beside its total's range at most, and counts them all", () => {
    // 青石镇's one pending claim four times over (a province's unit may wait on many).
    const at = scored.results.units.findIndex((u) => u.name === "青石镇");
    const own = scored.results.units[at]?.ledger.filter((r) => !r.counted) ?? [];
    expect(own).toHaveLength(1);
    const units = scored.results.units.map((u, i) => (i === at ? { ...u, ledger: [...u.ledger, ...own, ...own, ...own] } : u));
    const report = buildReport(scored.rubric, { ...scored.results, units }, { lang: "zh-CN", cover: scored.cover, date: DATE, tool: "t" });
    const claim = "JF2 经验介绍、获奖(国家级,申报中)";
    expect(report.closing.lines.join("\n")).toContain(`青石镇(954.50–964.50,待认定:${claim};${claim};${claim} 等 4 条)`);
  });

  it("closes with the rubric's id and version and a line for the seal and date", () => {
    const all = rows.map((r) => (r ?? []).join("")).join("\n");
    expect(all).toContain("district-popplan 2022.1");
    expect(all).toContain("青山区人口和计划生育领导小组办公室(盖章)");
    expect(all).toMatch(/年\s+月\s+日/);
  });

  it("is set up to print: A4 landscape, one page wide, title rows repeated, page numbers", () => {
    const p = ws.pageSetup;
    expect(p.orientation).toBe("landscape");
    expect(p.paperSize).toBe(9);
    expect(p.fitToPage).toBe(true);
    expect(p.fitToWidth).toBe(1);
    expect(p.fitToHeight).toBe(0);
    expect(p.printTitlesRow).toMatch(/^\$?1:\$?2$/);
    expect(ws.headerFooter.oddFooter).toContain("&P");
    expect(ws.headerFooter.oddFooter).toContain("&N");
  });

  it("puts data bars on the totals column, from the chart's round bottom below the lowest total", () => {
    // exceljs reads conditional formats back but does not declare them on Worksheet.
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; cfvo?: { type: string; value?: number }[] }[] }[] }).conditionalFormattings;
    // The towns' totals run from 596.5 to 1008: a quarter of the spread below, in steps of 100 → 400.
    expect(cfs.find((cf) => cf.rules.some((r) => r.type === "dataBar"))?.rules[0]?.cfvo?.[0]).toEqual({ type: "num", value: 400 });
    const bar = cfs.find((cf) => cf.rules.some((r) => r.type === "dataBar"));
    expect(bar?.ref).toMatch(/^G\d+:G\d+$/);
    const first = rows.findIndex((r) => r?.[1] === "城关镇") + 1;
    expect(bar?.ref.startsWith(`G${first}:`)).toBe(true);
  });

  it("widens its first column for a rank with where pending claims may take it (165(165–179) was shrunk to 60%)", async () => {
    const report = buildReport(scored.rubric, scored.results, { lang: "zh-CN", cover: scored.cover, date: DATE, tool: "assess test" });
    const overall = report.tables.find((t) => t.kind === "overall");
    if (!overall) throw new Error("no table");
    const wide = { ...report, tables: report.tables.map((t) => (t === overall ? { ...t, rows: t.rows.map((r, i) => (i === 0 ? { ...r, cells: ["165(165–179)", ...r.cells.slice(1)] } : r)) } : t)) };
    const sheet = (await readBook(await reportXlsx(wide, DATE))).getWorksheet("九月排名报告")!;
    expect(sheet.getColumn(1).width ?? 0).toBeGreaterThanOrEqual(12);
    // And the right-hand line ranking's rank column (G) too.
    expect(sheet.getColumn(7).width ?? 0).toBeGreaterThanOrEqual(12);
    expect(ws.getColumn(7).width ?? 0).toBeLessThan(12);
    // As ranks stand, the column as it was.
    expect(ws.getColumn(1).width ?? 0).toBeLessThan(12);
  });

  it("widens the award list's amount column for a pending amount (待定 30,000 lost its 待 past the border)", async () => {
    const report = buildReport(scored.rubric, scored.results, { lang: "zh-CN", cover: scored.cover, date: DATE, tool: "assess test" });
    const awards = report.tables.find((t) => t.kind === "awards");
    const at = awards?.columns.findIndex((c) => c.kind === "money") ?? -1;
    expect(at).toBeGreaterThan(0);
    const pending = { ...report, tables: report.tables.map((t) => (t === awards ? { ...t, rows: t.rows.map((r, i) => (i === 0 ? { ...r, cells: r.cells.map((c, k) => (k === at ? "待定 30,000" : c)) } : r)) } : t)) };
    const sheet = (await readBook(await reportXlsx(pending, DATE))).getWorksheet("九月排名报告")!;
    // 11 columns' worth of text (two each for 待定), and the cell's padding.
    expect(sheet.getColumn(7).width ?? 0).toBeGreaterThanOrEqual(13);
    expect(ws.getColumn(7).width ?? 0).toBeLessThan(13);
  });

  it("puts no data bar on a vetoed unit's row (its red total above the first's read as the best), every other unit's has one", () => {
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
    // Every sheet row a bar covers, over every range of every table.
    const barred = new Set<number>();
    for (const cf of cfs.filter((x) => x.rules.some((r) => r.type === "dataBar")))
      for (const range of cf.ref.split(" ")) {
        const [from, to] = range.split(":").map((ref) => Number(/\d+/.exec(ref)?.[0]));
        for (let r = from ?? 0; r <= (to ?? -1); r++) barred.add(r);
      }
    const overall = scored.results.rankings.find((r) => r.id === "overall");
    const vetoed = overall?.entries.filter((e) => scored.results.units[e.unit]?.vetoed) ?? [];
    expect(vetoed.length).toBeGreaterThan(0);
    const rowOf = (name: string): number => rows.findIndex((r) => r?.[1] === name) + 1;
    for (const e of overall?.entries ?? []) {
      const u = scored.results.units[e.unit];
      if (!u) continue;
      expect(barred.has(rowOf(u.name)), u.name).toBe(!u.vetoed);
    }
  });

  it("styles the header rows bold with a fill and thin borders, in a CJK font", () => {
    const head = ws.getRow(rows.findIndex((r) => r?.[0] === "名次") + 1).getCell(1);
    expect(head.font?.bold).toBe(true);
    expect(head.fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(head.border?.top?.style).toBe("thin");
    expect(head.font?.name).toBe("宋体");
  });

  it("merges each spanned cell once, never overlapping, borders on every cell of a bordered span", () => {
    const merges = (ws.model as { merges?: string[] }).merges ?? [];
    expect(merges.length).toBeGreaterThan(50);
    const grid = ws.columnCount;
    expect(merges).toContain(`A1:${String.fromCharCode(64 + grid)}1`); // the title across the page
    const taken = new Set<string>();
    for (const m of merges) {
      const [a, b] = m.split(":").map((ref) => ws.getCell(ref ?? ""));
      expect(a && b).toBeTruthy();
      if (!a || !b) continue;
      for (let r = Number(a.row); r <= Number(b.row); r++) {
        for (let c = Number(a.col); c <= Number(b.col); c++) {
          expect(taken.has(`${r}:${c}`), m).toBe(false);
          taken.add(`${r}:${c}`);
        }
      }
      // A bordered merged cell (a table cell) has its border on the last column too.
      if (a.border?.top) expect(b.border?.top?.style, m).toBe("thin");
    }
  });
});

describe("a table's note beside its heading", () => {
  it("wraps where it is longer than the table is wide, its row as tall as its lines (cut at the table's edge, LibreOffice shrank every page to fit it)", async () => {
    // The sample's own notes, and one as long as a scheme's tie-breakers named in full.
    const report = buildReport(scored.rubric, scored.results, { lang: "zh-CN", cover: scored.cover, date: DATE, tool: "assess test" });
    const first = report.tables[0];
    if (!first) throw new Error("no table");
    const long = "同分的单位依次按 JC 基层党建引领和经济社会高质量发展、ZL 基层社会治理现代化和民生保障服务体系建设 比较排定名次;".repeat(3);
    const book2 = await readBook(await reportXlsx({ ...report, tables: [{ ...first, note: long }, ...report.tables.slice(1)] }, DATE));
    const sheet = book2.getWorksheet("九月排名报告");
    if (!sheet) throw new Error("no report sheet");
    const at = texts(sheet).findIndex((r) => (r?.[0] ?? "").startsWith(first.heading));
    const cell = sheet.getCell(at + 1, 1);
    expect(cell.alignment.wrapText).toBe(true);
    // Three or more lines of 9 pt type: taller than the one line (22 pt) a short note keeps.
    expect(sheet.getRow(at + 1).height).toBeGreaterThanOrEqual(22 + 2 * 12);
    const shortAt = rows.findIndex((r) => (r?.[0] ?? "").startsWith(first.heading));
    expect(ws.getRow(shortAt + 1).height).toBe(22);
  });
});
