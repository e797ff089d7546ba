// A ranking sheet's legend (底色:红色为…;绿色为…;黄色为…) names the colours its rows are given, and
// no other: a ranking by a line that gives a yellow card alone said 绿色为获奖单位 with no row green.
import { describe, expect, it } from "vitest";
import type { Results } from "../../src/model/results.js";
import { score } from "../../src/engine/index.js";
import { resultTables } from "../../src/report/result-sheets.js";
import type { Rubric } from "../../src/rubric/model.js";
import { scoreFile } from "./helpers.js";
import { textUnits } from "../../src/model/width.js";
import { awardListRows } from "../../src/report/september/awards.js";

describe("a ranking sheet's legend", () => {
  it("names no prize colour on a ranking that gives none, though a unit's prize on another ranking is still pending", async () => {
    const { rubric, submission } = await scoreFile("samples/liuhe-2026.xlsx");
    // 经济发展单项排名 gives a yellow card and nothing else.
    const carding: Rubric = { ...rubric, rankings: rubric.rankings.map((r) => (r.id === "economy" ? { ...r, single: [], yellowCard: { name: "经济发展黄牌", lastPlace: true } } : r)) };
    const scored = score(carding, submission);
    // 柳河镇's 乡镇组 prize still open to pending claims: nothing of it in this ranking's cells.
    const open: Results = { ...scored, units: scored.units.map((u) => (u.name === "柳河镇" ? { ...u, certainty: { total: [u.total, u.total], ranks: {}, settled: false, open: [{ ranking: "rural", kind: "rank", rankingName: "乡镇组排名", tier: "一等奖" }], pending: [], awardClaims: [] } } : u)) };
    const economy = resultTables(carding, submission, open, "zh-CN", "t").find((t) => t.sheet.kind === "ranking" && t.sheet.id === "economy");
    expect(economy?.subtitle.split("\n").at(-1)).toBe("底色:红色为一票否决单位;黄色为受经济发展黄牌单位");
  });
});

describe("the award list's red rows", () => {
  it("are every row of a vetoed unit, its grade's too, on the sheet and in the report (红色为一票否决单位)", async () => {
    const { rubric, submission, results } = await scoreFile("samples/liuhe-2026.xlsx");
    const vetoed = new Set(results.units.filter((u) => u.vetoed).map((u) => u.name));
    // 白马镇 (不合格), 河西街道 (合格) and 区文旅集团 are vetoed and graded.
    expect([...vetoed].sort()).toEqual(["区文旅集团", "河西街道", "白马镇"].sort());
    const sheet = resultTables(rubric, submission, results, "zh-CN", "t").find((t) => t.sheet.kind === "awards");
    const sheetRows = [...(sheet?.rows ?? [])].filter((r) => typeof r.cells[1] === "string" && vetoed.has(r.cells[1]));
    expect(sheetRows.some((r) => r.cells[0] === "等次")).toBe(true);
    expect(sheetRows.map((r) => r.row)).toEqual(sheetRows.map(() => "vetoed"));
    const reportRows = awardListRows(rubric, results, results.rankings, "zh-CN").filter((r) => typeof r.cells[1] === "string" && vetoed.has(r.cells[1]));
    expect(reportRows.some((r) => r.cells[0] === "等次")).toBe(true);
    expect(reportRows.map((r) => r.mark)).toEqual(reportRows.map(() => "veto"));
  });
});

describe("the award list's amounts", () => {
  it("are as wide as a pending prize's (待定 30,000 was cut to 寺定 30,000 in a column of 10)", async () => {
    const { rubric, submission, results } = await scoreFile("samples/liuhe-2026.xlsx");
    // 金山镇 (no prize) may yet win the 乡镇组 一等奖 by pending claims: listed with its amount to be decided.
    const open: Results = { ...results, units: results.units.map((u) => (u.name === "金山镇" ? { ...u, certainty: { total: [u.total, u.total], ranks: {}, settled: false, open: [{ ranking: "rural", kind: "rank", rankingName: "乡镇组排名", tier: "一等奖" }], pending: [], awardClaims: [] } } : u)) };
    const sheet = resultTables(rubric, submission, open, "zh-CN", "t").find((t) => t.sheet.kind === "awards");
    const at = sheet?.columns.findIndex((c) => c.kind === "money") ?? -1;
    const pending = [...(sheet?.rows ?? [])].map((r) => r.cells[at]).filter((c): c is string => typeof c === "string" && c.startsWith("待定"));
    expect(pending).toContain("待定 50,000");
    for (const text of pending) expect(textUnits(text) + 2).toBeLessThanOrEqual(sheet?.columns[at]?.width ?? 0);
  });
});
