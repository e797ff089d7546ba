// Whether a header's name is its code's at all: a name shortened or reworded is; another
// indicator's or item's name (a code reused, last year's form kept) is not, and is warned of.
import { describe, expect, it } from "vitest";
import { unrelatedName } from "../../src/model/names.js";

describe("unrelatedName", () => {
  it("takes a name shortened, reworded, with its unit or its bracketed words as the code's own", () => {
    for (const [written, own] of [
      ["固投增速", "固定资产投资增长率"],
      ["GDP增长率", "地区生产总值增长率"],
      ["GDP增速", "地区生产总值增长率"],
      ["地方财政收入", "一般公共预算收入"],
      ["群众满意度", "服务对象满意率"],
      ["规上工业增加值增速", "规模以上工业增加值增长率"],
      ["一般预算收入", "一般公共预算收入"],
      ["党风廉政", "党风廉政建设"],
      ["统计合格率目标(责任书)", "统计合格率目标(责任书下达指标)"],
      ["Fixed investment growth", "fixed investment growth rate"],
    ] as const)
      expect(unrelatedName(written, own), `${written} for ${own}`).toBe(false);
  });

  it("says a name with little of the code's in it", () => {
    expect(unrelatedName("城镇新增就业完成率", "固定资产投资增长率")).toBe(true);
    expect(unrelatedName("招商引资", "党风廉政建设")).toBe(true);
    expect(unrelatedName("Jobs created", "Fixed investment growth")).toBe(true);
  });

  it("says nothing of a name of no letters (a dash), nor of one in letters against one in Chinese", () => {
    expect(unrelatedName("—", "党风廉政建设")).toBe(false);
    expect(unrelatedName("GDP growth rate", "地区生产总值增长率")).toBe(false);
    expect(unrelatedName("GDP", "地区生产总值增长率")).toBe(false);
  });
});
