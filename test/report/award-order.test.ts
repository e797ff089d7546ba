// The award lists (奖惩名单 and the report's) give the prizes, single-item awards, cards and vetoes
// first and the grades last: a province's 300 grade rows put the few a leader asks about on the last page.
import { describe, expect, it } from "vitest";
import { resultTables } from "../../src/report/result-sheets.js";
import { buildReport } from "../../src/report/september/index.js";
import { DATE, scoreFile } from "./helpers.js";

describe("an award list's order", async () => {
  const { rubric, submission, results, cover } = await scoreFile("samples/liuhe-2026.xlsx");
  /** Each category once, in the order its rows come. */
  const categories = (rows: Iterable<{ cells: readonly unknown[] }>): string[] => [...new Set([...rows].map((r) => String(r.cells[0] ?? "")).filter(Boolean))];

  it("is prizes, single-item awards, cards, vetoes, then grades on 奖惩名单", () => {
    const sheet = resultTables(rubric, submission, results, "zh-CN", "t").find((t) => t.sheet.kind === "awards");
    expect(categories(sheet?.rows ?? [])).toEqual(["名次奖", "单项奖", "黄牌警告", "一票否决", "等次"]);
  });

  it("is the same in the report", () => {
    const report = buildReport(rubric, results, { lang: "zh-CN", cover, date: DATE, tool: "t" });
    const awards = report.tables.find((t) => t.kind === "awards");
    expect(categories(awards?.rows ?? [])).toEqual(["名次奖", "单项奖", "黄牌警告", "一票否决", "等次"]);
  });

  it("lists the single-item awards given, then those a veto withheld, on 奖惩名单 as in the report, wherever the vetoed unit ranks", () => {
    // 白马镇 (its 国家级 award withheld) moved to the head of every ranking it is in, as a vetoed unit
    // kept ranked may stand: its withheld award was listed between the awards given.
    const at = results.units.findIndex((u) => u.name === "白马镇");
    const ahead = { ...results, rankings: results.rankings.map((r) => ({ ...r, entries: [...r.entries.filter((e) => e.unit === at), ...r.entries.filter((e) => e.unit !== at)] })) };
    const singles = (rows: Iterable<{ cells: readonly unknown[] }>): string[] => [...rows].filter((r) => r.cells[0] === "单项奖").map((r) => `${String(r.cells[1])} ${String(r.cells[2])}`);
    const listed = ["柳河镇 经济发展突出贡献奖(省级)", "石桥镇 经济发展突出贡献奖(市级)", "白马镇 经济发展突出贡献奖(国家级),因一票否决不予授予"];
    const sheet = resultTables(rubric, submission, ahead, "zh-CN", "t").find((t) => t.sheet.kind === "awards");
    expect(singles(sheet?.rows ?? [])).toEqual(listed);
    const report = buildReport(rubric, ahead, { lang: "zh-CN", cover, date: DATE, tool: "t" });
    expect(singles(report.tables.find((t) => t.kind === "awards")?.rows ?? [])).toEqual(listed);
  });

  it("gives a vetoed unit's veto, its award withheld, then its grade, in the report's ranking as on the ranking sheet (the report put the grade before the award withheld)", () => {
    const said = "一票否决:SH1 安全生产底线,ZB5 较大及以上生产安全事故 1起,高于目标 0起;单项奖:经济发展突出贡献奖(国家级)因一票否决不予授予;等次:不合格(因一票否决)";
    const report = buildReport(rubric, results, { lang: "zh-CN", cover, date: DATE, tool: "t" });
    const overall = report.tables.find((t) => t.kind === "overall");
    expect(overall?.rows.find((r) => r.cells[1] === "白马镇")?.cells.at(-1)).toBe(said);
    const sheet = resultTables(rubric, submission, results, "zh-CN", "t").find((t) => t.sheet.kind === "ranking");
    // (Read as made: a ranking sheet's rows share one array of cells; its parts on lines of their own where long.)
    let onSheet: unknown;
    for (const r of sheet?.rows ?? []) if (r.cells.includes("白马镇")) onSheet = String(r.cells.at(-1)).replaceAll("\n", ";");
    expect(onSheet).toBe(said);
  });
});
