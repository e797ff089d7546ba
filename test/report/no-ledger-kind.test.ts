// A unit kind no bonus or deduction code applies to (垂直管理单位:不适用加扣分): its rankings, its
// 得分明细, the terminal, the report and explain show no 加分 and 扣分 of 0 for every unit, as if its
// bonuses had been looked at and none earned; a kind with codes keeps them.
import { describe, expect, it } from "vitest";
import { score } from "../../src/engine/index.js";
import { message } from "../../src/messages/index.js";
import { PLAIN, renderExplain } from "../../src/report/explain-text.js";
import { resultTables } from "../../src/report/result-sheets.js";
import { buildReport } from "../../src/report/september/index.js";
import { rankingTables } from "../../src/cli/table.js";
import { makeCtx, type Io } from "../../src/cli/io.js";
import { mini, submission } from "../helpers/builders.js";
import { DATE } from "./helpers.js";

// The mini scheme with its departments ranked by their total (its ledger codes are the towns' alone).
const rubric = mini((t) => t.replace("    unit_kind: department\n    by: BM", "    unit_kind: department\n    by: total"));
const units = [{ name: "甲镇" }, { name: "乙镇" }, { name: "丙局", kind: "department" as const, scores: { BM1: 9 } }, { name: "丁局", kind: "department" as const, scores: { BM1: 8.5 } }];
const sub = submission(rubric, units, [{ unit: "甲镇", code: "JF1", status: "已认定" }]);
const results = score(rubric, sub);
const t = (k: string, d?: Record<string, string | number>): string => message("zh-CN", k, d);

describe("a unit kind without bonus or deduction codes", () => {
  it("has no 加分 or 扣分 column on its ranking sheet or its 得分明细; the towns keep theirs", () => {
    const tables = resultTables(rubric, sub, results, "zh-CN", "t");
    const columnsOf = (x: (typeof tables)[number] | undefined): string[] => x?.columns.map((c) => c.header.replace(/\n/g, "")) ?? [];
    const headers = (name: string): string[] => columnsOf(tables.find((x) => x.sheet.kind === "ranking" && x.sheet.name === name));
    const details = (kind: string): string[] => columnsOf(tables.find((x) => x.sheet.kind === "detail" && x.sheet.unitKind === kind));
    // (Its awards column a 备注: no ranking of departments gives a prize, a single-item award or a card.)
    expect(headers("部门排名")).toEqual(["名次", "单位", "部门职责", "总分", "备注"]);
    expect(details("department")).toContain("总分");
    expect(details("department").filter((h) => /加分|扣分/.test(h))).toEqual([]);
    expect(headers("综合排名")).toEqual(expect.arrayContaining(["加分", "扣分", "总分"]));
    expect(details("town").filter((h) => /加分|扣分/.test(h))).toEqual(["加分", "扣分"]);
    // Each row as long as its header: no cell left where the columns were.
    const lengths: number[] = [];
    for (const r of tables.find((x) => x.sheet.kind === "ranking" && x.sheet.name === "部门排名")?.rows ?? []) lengths.push(r.cells.length);
    expect(lengths).toEqual([headers("部门排名").length, headers("部门排名").length]);
  });

  it("has none in the terminal's table or the report's", () => {
    const io: Io = { out: () => undefined, err: () => undefined, env: {}, cwd: process.cwd(), outIsTTY: false, errIsTTY: false };
    const text = rankingTables(makeCtx(io, "zh-CN"), rubric, results, true, "x.xlsx");
    const [towns, departments] = text.split("部门排名");
    expect(towns).toContain("加分");
    expect(departments).toBeDefined();
    expect(departments).not.toMatch(/加分|扣分/);
    const report = buildReport(rubric, results, { lang: "zh-CN", cover: { year: "2026", district: "青山区" }, date: DATE, tool: "t" });
    const heads = report.tables.filter((x) => x.kind === "overall").map((x) => x.columns.map((c) => c.header));
    expect(heads.find((h) => h.includes("加分"))).toBeDefined();
    const dept = report.tables.find((x) => x.kind === "overall" && x.heading.includes("部门排名"));
    expect(dept?.columns.map((c) => c.header)).not.toContain("加分");
    expect(dept?.rows.every((r) => r.cells.length === dept.columns.length)).toBe(true);
  });

  it("says its total in explain without 加分 0 − 扣分 0", () => {
    const dept = renderExplain({ lang: "zh-CN", t }, PLAIN, rubric, sub, results, 2);
    expect(dept).toContain("\n总分 = 9\n");
    const town = renderExplain({ lang: "zh-CN", t }, PLAIN, rubric, sub, results, 0);
    expect(town).toMatch(/\n总分 = .* \+ 加分 20 − 扣分 0 = /);
  });
});

describe("a unit kind with deduction codes alone (the comprehensive scheme's enterprises)", async () => {
  const { scoreFile } = await import("./helpers.js");
  const { rubric: comprehensive, submission: liuhe, results: scored } = await scoreFile("samples/liuhe-2026.xlsx");

  it("has a 扣分 column but no 加分 column of 0 on its ranking sheet, its 得分明细 and in the terminal", () => {
    const tables = resultTables(comprehensive, liuhe, scored, "zh-CN", "t");
    const ranking = tables.find((x) => x.sheet.kind === "ranking" && x.sheet.id === "enterprises")?.columns.map((c) => c.header.replace(/\n/g, "")) ?? [];
    expect(ranking).toContain("扣分");
    expect(ranking).not.toContain("加分");
    const details = tables.find((x) => x.sheet.kind === "detail" && x.sheet.unitKind === "enterprise")?.columns.map((c) => c.header.replace(/\n/g, "")) ?? [];
    expect(details).toContain("扣分");
    expect(details).not.toContain("加分");
    // The towns, with bonus codes, keep both.
    expect(tables.find((x) => x.sheet.kind === "ranking" && x.sheet.id === "towns")?.columns.map((c) => c.header)).toEqual(expect.arrayContaining(["加分", "扣分(计入总分)"]));
    const io: Io = { out: () => undefined, err: () => undefined, env: {}, cwd: process.cwd(), outIsTTY: false, errIsTTY: false };
    const enterprises = rankingTables(makeCtx(io, "zh-CN"), comprehensive, scored, true, "x.xlsx").split("区属国有企业排名")[1] ?? "";
    expect(enterprises).toContain("扣分");
    expect(enterprises).not.toContain("加分");
  });

  it("says its total in explain with its deduction alone", () => {
    const i = scored.units.findIndex((u) => u.kind === "enterprise");
    const text = renderExplain({ lang: "zh-CN", t }, PLAIN, comprehensive, liuhe, scored, i);
    expect(text).toMatch(/\n总分 = [^\n]* − 扣分 [\d.]+ = [\d.]+\n/);
    expect(text).not.toMatch(/\n总分 = [^\n]*加分/);
  });
});

