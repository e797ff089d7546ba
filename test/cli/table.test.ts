// The ranking printed in a terminal: in a narrow one, the columns left out are named, with the way
// to see them, and a long awards cell wraps onto more lines.
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";
import { scratchDir } from "../helpers/tmp.js";
import { cli } from "../helpers/cli.js";
import { join } from "node:path";
import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { displayWidth } from "../../src/model/width.js";
import { scoreFile } from "../report/helpers.js";
import { rankingTables } from "../../src/cli/table.js";
import { makeCtx } from "../../src/cli/io.js";
import type { RankingResult, Results } from "../../src/model/results.js";
import type { Rubric } from "../../src/rubric/model.js";

async function scoreIn(columns: number | undefined, args: string[] = [], file = "samples/qingshan-2026.xlsx"): Promise<string> {
  let out = "";
  const io: Io = { out: (s) => (out += s), err: () => undefined, env: { LANG: "zh_CN.UTF-8" }, cwd: process.cwd(), outIsTTY: false, errIsTTY: false, ...(columns ? { columns } : {}) };
  const dir = scratchDir("assess-table-");
  expect(await main(["score", file, "-o", join(dir, "out.xlsx"), ...args], io)).toBe(0);
  return out;
}

describe("the ranking in a terminal", () => {
  it("names the columns a narrow terminal leaves out, and how to see them", async () => {
    const narrow = await scoreIn(80);
    expect(narrow).toContain("(终端较窄,未显示 党政线、人口计生线、加分、扣分;加 --wide 可全部显示)");
    // Wide enough, or --wide: every column, and nothing said.
    expect(await scoreIn(undefined)).not.toContain("终端较窄");
    expect(await scoreIn(80, ["--wide"])).not.toContain("终端较窄");
  });

  it("wraps a long awards cell rather than leave out the lines' points in a wide terminal (at 250 columns they were left out for one unit's awards on one line)", async () => {
    const out = await scoreIn(180, [], "samples/liuhe-2026.xlsx");
    const table = out.slice(0, out.indexOf("区直部门排名"));
    expect(table).toMatch(/│ 名次 +│ 名次区间 +│ 单位 +│ 组内名次 +│ 经济发展 ×40% +│ 社会治理 ×35% +│ 党的建设 ×25% +│ 加分 +│ 扣分\(计入总分\) +│ 总分 +│ 奖惩 +│/);
    expect(table).not.toContain("终端较窄");
    for (const l of table.split("\n")) expect(displayWidth(l), l).toBeLessThanOrEqual(180);
    // 柳河镇's awards on two lines, not one of 150 columns.
    expect(table).toMatch(/│ 1 +│ 1 +│ 柳河镇 .*│ 等次:优秀;名次奖:乡镇组排名一等奖,50,000元; +│\n.*│ 单项奖:经济发展突出贡献奖\(省级\),20,000元 +│/);
  });

  it("wraps the notes under a table to the terminal's width, as the table is, losing nothing of them", async () => {
    // 柳河区 at 80 columns: the columns left out (its note was 105 columns wide) and the pending claims' note (its 212).
    const out = await scoreIn(80, [], "samples/liuhe-2026.xlsx");
    for (const l of out.split("\n")) expect(displayWidth(l), l).toBeLessThanOrEqual(80);
    // (Lines broken at a space lose it: compared without spaces.)
    const bare = (s: string): string => s.replace(/\s+/g, "");
    expect(bare(out)).toContain(bare("(终端较窄,未显示 经济发展 ×40%、社会治理 ×35%、党的建设 ×25%、加分、扣分(计入总分);加 --wide 可全部显示)"));
    expect(bare(out)).toContain(bare("可运行如 assess explain samples/liuhe-2026.xlsx 青龙乡)"));
    // Not in a terminal (a pipe, a file): one line each, as before.
    expect(await scoreIn(undefined, [], "samples/liuhe-2026.xlsx")).toContain("(加扣分尚有待认定:名次区间是各单位可能的名次;无论如何认定,本表各单位的奖惩均不变;要查看单位的名次取决于哪些记录,可运行如 assess explain samples/liuhe-2026.xlsx 青龙乡)\n");
  });

  it("wraps a long awards cell onto more lines in a narrow terminal, losing nothing of it", async () => {
    const out = await scoreIn(80, [], "samples/liuhe-2026.xlsx");
    const table = out.slice(0, out.indexOf("\n\n"));
    const lines = table.split("\n").filter((l) => l.startsWith("│"));
    // Every line of the table fits the terminal, and none is cut short.
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    expect(table).not.toContain("…");
    // 柳河镇's row: its awards on five lines, one award a line where it fits; one too long breaks
    // after its comma (the prize's amount), or before its bracket, not just after it.
    const at = lines.findIndex((l) => l.includes("柳河镇"));
    const cellsOf = (l: string): string[] => l.split("│").slice(1, -1).map((c) => c.trim());
    const row = [lines[at], ...lines.slice(at + 1).filter((_, i, rest) => rest.slice(0, i + 1).every((l) => cellsOf(l)[0] === ""))];
    expect(row.map((l) => cellsOf(l ?? "").at(-1))).toEqual(["等次:优秀;", "名次奖:乡镇组排名一等奖,", "50,000元;", "单项奖:经济发展突出贡献奖", "(省级),20,000元"]);
    // Inside brackets a list's separator is a later choice than one outside: 区生态环境分局's
    // grade note breaks at its comma, then at the semicolon inside its brackets.
    const dept = out.slice(out.indexOf("区直部门排名"));
    expect(dept).toMatch(/│ 等次:良好\(达到优秀分数线, +│\n.*│ 但优秀名额 1 个已满; +│\n.*│ 并列于名额线上的单位均评为优秀,共 2 个\) +│/);
  });

  it("shows where each unit could end while claims are pending, and marks awards that may change", async () => {
    // 柳河区: 河东街道's own 待审核 claim (+1) could lift it past 青龙乡 (8th–9th); not past 文昌街道's 90.51 in 街道组.
    // At 90.5 it would reach 优秀's line, but 柳河镇 and 石桥镇 surely hold both 优秀 places: 良好, not pending.
    const out = await scoreIn(undefined, [], "samples/liuhe-2026.xlsx");
    const table = out.slice(0, out.indexOf("区直部门排名"));
    expect(table).toContain("名次区间");
    expect(table).toMatch(/│ 9 +│ 8–9 +│ 河东街道 .*│ 等次:良好 +│/);
    expect(table).toMatch(/│ 8 +│ 8–9 +│ 青龙乡 /);
    expect(table).toMatch(/│ 1 +│ 1 +│ 柳河镇 /);
    // The command as it can be run: the workbook named (assess explain 单位 lacked it, and failed).
    // With a unit it moves, so that it runs as shown (a placeholder, 单位名称, named no unit).
    // No award in it waits on the claim: said so (标“待定”的奖惩 sent a reader looking for marks there were none of).
    expect(table).toContain("(加扣分尚有待认定:名次区间是各单位可能的名次;无论如何认定,本表各单位的奖惩均不变;要查看单位的名次取决于哪些记录,可运行如 assess explain samples/liuhe-2026.xlsx 青龙乡)");
    // Where nothing is pending that could move a rank there, neither.
    expect(out.slice(out.indexOf("区直部门排名"))).not.toContain("名次区间");
  });

  it("shows where a unit could end in its group, and the prize it could win there", async () => {
    // 河东街道's claim at 省级 (+2): 91.5 would pass 文昌街道's 90.51 (2nd in 街道组, its 二等奖) and 双河乡, 杨柳镇 (5th–9th).
    const dir = scratchDir("assess-table-group-");
    const file = join(dir, "liuhe.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/liuhe-2026.xlsx");
    const cell = wb.getWorksheet("加扣分")?.getCell("D11");
    expect(cell?.value).toBe("市级");
    if (cell) cell.value = "省级";
    await wb.xlsx.writeFile(file);
    const out = await scoreIn(undefined, [], file);
    expect(out).toMatch(/│ 9 +│ 5–9 +│ 河东街道 +│ 街道组 3\(2–3\) .*│ \(待定\)可能获街道组排名二等奖;等次:良好 +│/);
    expect(out).toMatch(/│ 7 +│ 7–8 +│ 文昌街道 +│ 街道组 2\(2–3\) .*│ \(待定\)名次奖:街道组排名二等奖,30,000元\(视待定加扣分的认定,也可能不获名次奖\);等次:良好/);
    // Where a group's rank could move, the note says so though the whole kind's could not.
    expect(out).toContain("(加扣分尚有待认定:");
    // The result sheet's 组内名次 says it as the terminal does (it gave 街道组 3 alone).
    const scored = join(dir, "scored.xlsx");
    expect((await cli(["score", file, "-o", scored])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(scored);
    const sheet = book.getWorksheet("乡镇(街道)综合排名");
    const places = new Map(sheet?.getRows(4, sheet.rowCount)?.map((r) => [String(r.getCell(3).value), String(r.getCell(4).value)]));
    expect([places.get("河东街道"), places.get("文昌街道"), places.get("柳河镇")]).toEqual(["街道组 3(2–3)", "街道组 2(2–3)", "乡镇组 1"]);
  });

  it("says of a table whose awards a claim may change, but no rank, what its (待定) means, not the rank range it does not show", async () => {
    // 区市场监管局 held to 79.97 (a 9-count KF1), last of 区直部门 either way: its pending JF1 市级 (+1)
    // would lift it over 良好's line at 80, and move no rank.
    const dir = scratchDir("assess-table-marks-");
    const file = join(dir, "liuhe.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/liuhe-2026.xlsx");
    const ledger = wb.getWorksheet("加扣分")!;
    ledger.addRow(["区市场监管局", "KF1", 9, null, null, "已认定", null, "九次被市级通报", "市政府通报"]);
    ledger.addRow(["区市场监管局", "JF1", null, "市级", null, "待审核", null, "监管经验全市推广", "申报材料"]);
    await wb.xlsx.writeFile(file);
    const out = await scoreIn(undefined, [], file);
    const table = out.slice(out.indexOf("区直部门排名"), out.indexOf("区属国有企业排名"));
    expect(table).toMatch(/│ 6 +│ 区市场监管局 .*│ 79\.97 +│ .*\(待定\)等次:合格/);
    expect(table).not.toContain("名次区间");
    expect(table).toContain(`(加扣分尚有待认定:标“待定”的奖惩可能随认定改变,名次不会变动;要查看单位的奖惩取决于哪些记录,可运行如 assess explain ${file} 区市场监管局)`);
  });
});

describe("totals that pending claims may move where no rank or award can", () => {
  it("names the units and where their totals may end, under the table (青石镇 and 金水街道 were said nowhere there)", async () => {
    const out = await scoreIn(undefined);
    const overall = out.slice(0, out.indexOf("部门排名"));
    expect(overall).toContain("\n(加扣分尚有待认定:青石镇(954.5–964.5)、金水街道(917.5–937.5) 的总分可能变动,本表名次和奖惩均不变;要查看取决于哪些记录,可运行如 assess explain samples/qingshan-2026.xlsx 青石镇)\n");
    // No pending claim of a department: nothing under theirs.
    expect(out.slice(out.indexOf("部门排名"))).not.toContain("加扣分尚有待认定");
  });
});

describe("a unit's awards of several rankings side by side", () => {
  it("names the ranking of a grade or card given on another ranking than the table's (良好 and 优秀 read as one unit given both)", async () => {
    // The groups graded as the whole is: 柳河镇, first of 乡镇组 (7 towns, 20% → 1 优秀), holds 优秀 on both.
    const dir = scratchDir("assess-grades-");
    const yaml = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const grades = yaml.slice(yaml.indexOf("    grades:\n"), yaml.indexOf("    yellow_card:\n"));
    const at = yaml.indexOf("    tiers:\n", yaml.indexOf("    group: rural\n"));
    const rubric = join(dir, "graded-groups.yaml");
    writeFileSync(rubric, yaml.slice(0, at) + grades + yaml.slice(at));
    let out = "";
    const scored = join(dir, "out.xlsx");
    const quiet: Io = { out: (s) => (out += s), err: () => undefined, env: { LANG: "zh_CN.UTF-8" }, cwd: process.cwd(), outIsTTY: false, errIsTTY: false };
    expect(await main(["score", "samples/liuhe-2026.xlsx", "--rubric", rubric, "-o", scored], quiet)).toBe(0);
    expect(out).toMatch(/│ 柳河镇 .*│ 等次:优秀;名次奖:乡镇组排名一等奖,50,000元;乡镇组排名等次:优秀;/);
    // On the group's own sheet, the whole's grade is the one named.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(scored);
    const rural = book.getWorksheet("乡镇组排名");
    const row = rural?.getRows(1, rural.rowCount)?.find((r) => r.getCell(2).value === "柳河镇");
    // (Its own grade, in the 等次 column beside, is not said again in the awards: 等次:优秀 beside 优秀.)
    const heads = rural?.getRows(1, rural.rowCount)?.find((r) => r.getCell(1).value === "名次");
    const gradeCol = heads ? [...Array(heads.cellCount).keys()].map((i) => i + 1).find((c) => heads.getCell(c).value === "等次") : undefined;
    expect(row?.getCell(gradeCol ?? 0).value).toBe("优秀");
    expect(String(row?.getCell(row.cellCount).value)).toBe("乡镇(街道)综合排名等次:优秀\n名次奖:一等奖,50,000元\n单项奖:经济发展突出贡献奖(省级),20,000元");
    let said = "";
    const io: Io = { out: (s) => (said += s), err: () => undefined, env: { LANG: "zh_CN.UTF-8" }, cwd: process.cwd(), outIsTTY: false, errIsTTY: false };
    expect(await main(["explain", "samples/liuhe-2026.xlsx", "柳河镇", "--rubric", rubric], io)).toBe(0);
    expect(said).toContain("  乡镇(街道)综合排名等次:优秀\n");
    expect(said).toContain("  乡镇组排名等次:优秀\n");
  });

  it("explain names a grade's ranking for every unit its kind may be graded or carded on several for, not only those given two", async () => {
    // 乡镇组排名 gives a card below 60: no 乡镇组 town gets it, yet each may; the grade of the whole is named so.
    const dir = scratchDir("assess-grades-");
    const yaml = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const at = yaml.indexOf("    tiers:\n", yaml.indexOf("    group: rural\n"));
    const rubric = join(dir, "carded-group.yaml");
    writeFileSync(rubric, yaml.slice(0, at) + "    yellow_card:\n      name: 黄牌警告\n      below: 60\n" + yaml.slice(at));
    const explain = async (unit: string): Promise<string> => {
      let said = "";
      const io: Io = { out: (s) => (said += s), err: () => undefined, env: { LANG: "zh_CN.UTF-8" }, cwd: process.cwd(), outIsTTY: false, errIsTTY: false };
      expect(await main(["explain", "samples/liuhe-2026.xlsx", unit, "--rubric", rubric], io)).toBe(0);
      return said;
    };
    expect(await explain("金山镇")).toContain("\n  乡镇(街道)综合排名等次:合格\n");
    // A 街道组 street too, though only the whole grades or cards it: every unit of the kind alike.
    expect(await explain("凤凰街道")).toContain("\n  乡镇(街道)综合排名等次:不合格\n");
  });
});

describe("a long ranking's head in the terminal", () => {
  /** The liuhe sample, its overall ranking alone with its entries `n` times over, and the tables of results (in `lang`). */
  const longRanking = async (): Promise<{ rubric: Rubric; results: Results; overall: RankingResult; copies: (n: number) => Results; tables: (r: Results, lang?: "zh-CN" | "en") => string }> => {
    const { rubric, results } = await scoreFile("samples/liuhe-2026.xlsx");
    const overall = results.rankings[0];
    if (!overall) throw new Error("no ranking");
    const io: Io = { out: () => undefined, err: () => undefined, env: {}, cwd: process.cwd(), outIsTTY: false, errIsTTY: false };
    const copies = (n: number): Results => ({ ...results, rankings: [{ ...overall, entries: Array.from({ length: n }, () => overall.entries).flat() }] });
    return { rubric, results, overall, copies, tables: (r, lang = "zh-CN") => rankingTables(makeCtx(io, lang), rubric, r, false, "x.xlsx") };
  };

  it("counts every vetoed unit of the ranking, those whose veto keeps their rank too (it said 0 of 5)", async () => {
    const { copies, tables } = await longRanking();
    // Five times the 11 towns (55 entries: past the 40 shown whole), 白马镇 and 河西街道 vetoed but ranked in each.
    const text = tables(copies(5));
    expect(text).toContain("(仅显示前 30 名;共 55 个单位,其中一票否决 10 个;完整排名见结果工作簿)");
  });

  it("counts a shortened ranking's grades, best first (its first 30 rows all 优秀, where 优秀 stopped was nowhere)", async () => {
    const { results, overall, copies, tables } = await longRanking();
    // The sample's 11 towns graded 2 优秀, 5 良好, 2 合格, 2 不合格 (白马镇's veto and 凤凰街道): five times over.
    const many = copies(5);
    const lines = tables(many).split("\n");
    const at = lines.indexOf("(仅显示前 30 名;共 55 个单位,其中一票否决 10 个;完整排名见结果工作簿)");
    expect(lines[at + 1]).toBe("(等次:优秀 10 个、良好 25 个、合格 10 个、不合格 10 个)");
    // 青龙乡's grade open to pending claims (five times over): how many, as its rows say (待定).
    const q = results.units.findIndex((u) => u.name === "青龙乡");
    const open = { ...many, units: many.units.map((u, i) => (i === q && u.certainty ? { ...u, certainty: { ...u.certainty, settled: false, open: [{ ranking: overall.id, kind: "grade" as const, rankingName: overall.name }] } } : u)) };
    const said = tables(open).split("\n");
    expect(said[said.indexOf("(仅显示前 30 名;共 55 个单位,其中一票否决 10 个;完整排名见结果工作簿)") + 1]).toBe("(等次:优秀 10 个、良好 25 个、合格 10 个、不合格 10 个;其中 5 个单位的等次视待认定的加扣分而定)");
    // Shown whole, no such line.
    expect(tables(results)).not.toContain("(等次:");
  });

  it("names under it the units not shown that hold a prize, a single-item award, a card or a veto (a group's prize winner 38th overall was nowhere)", async () => {
    const { results, copies, tables } = await longRanking();
    const line = (text: string): string => text.split("\n").find((l) => l.startsWith("(未显示的单位")) ?? "";
    // 25 entries past the 30 shown: each awarded one with its awards, the grades left out.
    const some = line(tables(copies(5)));
    expect(some).toMatch(/^\(未显示的单位中获奖、受警告或被一票否决的:/);
    expect(some).toContain("柳河镇(名次奖:乡镇组排名一等奖,50,000元、单项奖:经济发展突出贡献奖(省级),20,000元)");
    expect(some).toContain("白马镇(一票否决:SH1 安全生产底线,ZB5 较大及以上生产安全事故 1起,高于目标 0起)");
    expect(some).toContain("凤凰街道(黄牌警告:总分低于 60)");
    expect(some).not.toContain("等次");
    // Past twenty such units: the first twenty, how many, and where they all are.
    const many = line(tables(copies(10)));
    // (80 entries past the 30: 凤凰街道 of the first copy's last three, and 8 of each of the 7 whole copies' 11.)
    expect(many).toMatch(/^\(未显示的单位中获奖、受警告或被一票否决的共 57 个:.*等;全部见结果工作簿的奖惩名单\)$/);
    expect(many.split(";").length).toBe(20 + 1);
    // In English, a unit's awards after a space, as English sets brackets.
    const en = tables(copies(5), "en").split("\n").find((l) => l.startsWith("(of the units not shown")) ?? "";
    expect(en).toContain("柳河镇 (");
    // A table shown whole has no such line.
    expect(line(tables(results))).toBe("");
  });
});

describe("the hint under a table while claims are pending", () => {
  it("names, for explain, a unit whose awards the claims may change (not one they leave as it is)", async () => {
    // A 1000-point scheme of the office's own: 西城镇, first listed with a pending claim of its own, keeps its
    // rank and awards whatever is decided; 南关街道's may change.
    const r = await cli(["score", "test/fixtures/jiangbei/jiangbei-2026.xlsx", "-o", join(scratchDir("assess-hint-"), "out.xlsx")]);
    expect(r.code).toBe(0);
    const unit = /assess explain \S+ (\S+?)\)/.exec(r.out)?.[1] ?? "";
    expect(unit).not.toBe("西城镇");
    const explained = await cli(["explain", "test/fixtures/jiangbei/jiangbei-2026.xlsx", unit]);
    expect(explained.out).toMatch(/名次可能为|奖惩也可能改变|奖惩可能/);
  });
});


describe("long unit names in a narrow terminal", () => {
  it("wraps a name too long for the table at 80 columns, the table within the terminal (a name of 25 characters ran it to 103 columns, the awards squeezed to 8)", async () => {
    const { rubric, results } = await scoreFile("samples/qingshan-2026.xlsx");
    const long = (n: string): string => `${n}人民政府办公室（${n}政府研究室、${n}大数据中心）`;
    const renamed = { ...results, units: results.units.map((u) => ({ ...u, name: long(u.name) })) };
    const io: Io = { out: () => undefined, err: () => undefined, env: {}, cwd: process.cwd(), outIsTTY: false, errIsTTY: false, columns: 80 };
    const text = rankingTables(makeCtx(io, "zh-CN"), rubric, renamed, false, "x.xlsx");
    for (const l of text.split("\n")) expect(displayWidth(l), l).toBeLessThanOrEqual(80);
    // Each name whole, over its lines (城关镇's first).
    const rows = text.split("\n").filter((l) => l.startsWith("│")).map((l) => l.split("│")[2]?.trim() ?? "");
    expect(rows.join("")).toContain(long("城关镇"));
    // One long name among short ones takes no more than 8 characters' room from the awards (at
    // 12 it left them 11 columns, every award split over lines).
    const { rubric: lr, results: lh } = await scoreFile("samples/liuhe-2026.xlsx");
    const one = { ...lh, units: lh.units.map((u) => (u.name === "河东街道" ? { ...u, name: "河东街道办事处（河东经济技术开发区管理委员会）" } : u)) };
    const towns = rankingTables(makeCtx(io, "zh-CN"), lr, one, false, "x.xlsx").split("\n");
    const top = towns.find((l) => l.startsWith("┌")) ?? "";
    expect(displayWidth(top)).toBeLessThanOrEqual(80);
    expect(top.split("┬").at(-1)?.replace("┐", "").length).toBeGreaterThanOrEqual(20);
    // A name that fits is left on one line.
    expect(rankingTables(makeCtx(io, "zh-CN"), rubric, results, false, "x.xlsx")).toMatch(/│ 城关镇 +│/);
  });

  it("wraps a long name before leaving out a figure (a city's 区直部门 table dropped its points and the tie-breaker's column for one name of 40, with room to spare)", async () => {
    const { rubric, results } = await scoreFile("samples/liuhe-2026.xlsx");
    const named = { ...results, units: results.units.map((u) => (u.name === "区财政局" ? { ...u, name: "区财政局（区国有资产监督管理局、区金融工作局）" } : u)) };
    const wide: Io = { out: () => undefined, err: () => undefined, env: {}, cwd: process.cwd(), outIsTTY: false, errIsTTY: false, columns: 150 };
    const text = rankingTables(makeCtx(wide, "zh-CN"), rubric, named, false, "x.xlsx");
    const departments = text.slice(text.indexOf("区直部门排名"));
    const head = departments.split("\n").find((l) => l.startsWith("│")) ?? "";
    // The kind's points, and the tie-breaker's, beside the name wrapped.
    expect(head).toContain("区直部门");
    expect(head).toContain("同分时比较");
    expect(departments).not.toMatch(/^\(终端较窄/m);
    for (const l of text.split("\n")) expect(displayWidth(l), l).toBeLessThanOrEqual(150);
  });
});

describe("the weights' note under a narrow terminal's table", () => {
  it("says nothing of the lines' columns where the terminal left them out (it said each held points before weighting, under no such column)", async () => {
    const narrow = await scoreIn(80, [], "samples/liuhe-2026.xlsx");
    // (Its notes wrapped at 80 columns: read as one line.)
    const towns = narrow.slice(0, narrow.indexOf("区直部门排名")).replaceAll("\n", "");
    expect(towns).toContain("未显示 经济发展 ×40%");
    expect(towns).toContain("(总分 = 经济发展 × 40% + 社会治理 × 35% + 党的建设 × 25% + 加分 − 扣分(计入总分);加权合计在相加后四舍五入到 0.01)");
    expect(towns).not.toContain("各线一栏");
    // Shown, the columns are said to hold points before weighting.
    expect(await scoreIn(undefined, [], "samples/liuhe-2026.xlsx")).toContain("各线一栏为乘权重前的得分");
  });
});
