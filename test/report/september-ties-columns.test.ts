// The report's tables show the tie-breakers that parted units level on what a ranking ranks by
// (an item the table shows nowhere else), as the terminal and the result sheets do: five
// departments at 89.00 ranked 104th to 108th, the note naming BM1, showed no BM1 to read.
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/september/index.js";
import { DATE, scoreFile } from "./helpers.js";

describe("a report's table where a tie-breaker parted units", async () => {
  const liuhe = await scoreFile("samples/liuhe-2026.xlsx");
  const report = buildReport(liuhe.rubric, liuhe.results, { lang: "zh-CN", cover: liuhe.cover, date: DATE, tool: "t" });
  const table = (heading: string) => report.tables.find((t) => t.heading === heading);

  it("shows the item it was broken by, before the total, each unit's points there", () => {
    const depts = table("区直部门排名");
    expect(depts?.columns.map((c) => c.header)).toEqual(["名次", "单位", "区直部门", "加分", "扣分", "BM1 重点工作任务(同分时比较)", "总分", "等次", "奖惩"]);
    const rows = depts?.rows.map((r) => [r.cells[1], r.cells[5], r.cells[6]]);
    expect(rows?.slice(0, 3)).toEqual([
      ["区财政局", 40, 99.5],
      ["区发展改革局", 40, 99.5],
      ["区生态环境分局", 39, 97.98],
    ]);
    // The item's ranking, tied on its tie-breaker JJ4 (双河乡 and 杨柳镇 at 84.28): after the share.
    expect(table("经济发展单项排名")?.columns.map((c) => c.header).slice(4, 6)).toEqual(["得分率", "JJ4 招商引资(同分时比较)"]);
  });

  it("shows none where the tie-breakers are the lines it shows already, or no tie was met", () => {
    // The towns' tie-breakers are their lines (DJ, JJ), each a column already.
    expect(table("乡镇(街道)综合排名")?.columns.some((c) => c.header.includes("同分时比较"))).toBe(false);
    // The enterprises rank no tie.
    expect(table("区属国有企业排名")?.columns.some((c) => c.header.includes("同分时比较"))).toBe(false);
  });
});
