// A ranking that grades gives each unit's grade a column of its own on its sheet (优秀, 良好, as a
// value to filter and count by), beside the awards sentence that says why; one that does not grade has none.
import { describe, expect, it } from "vitest";
import { resultTables } from "../../src/report/result-sheets.js";
import { scoreFile } from "./helpers.js";

describe("a ranking sheet's 等次 column", async () => {
  const { rubric, submission, results } = await scoreFile("samples/liuhe-2026.xlsx");
  const tables = resultTables(rubric, submission, results, "zh-CN", "t");
  const sheet = (id: string) => tables.find((t) => t.sheet.kind === "ranking" && t.sheet.id === id);

  it("holds the grade alone, before the awards, for every unit the ranking grades", () => {
    const towns = sheet("towns");
    const heads = towns?.columns.map((c) => c.header) ?? [];
    expect(heads.slice(-2)).toEqual(["等次", "奖惩"]);
    const at = heads.indexOf("单位");
    const rows = [...(towns?.rows ?? [])].map((r) => [r.cells[at], r.cells[heads.length - 2]]);
    const ranking = results.rankings.find((r) => r.id === "towns");
    expect(rows).toHaveLength(ranking?.entries.length ?? -1);
    for (const [name, grade] of rows) {
      const u = results.units.find((x) => x.name === name);
      expect(grade, String(name)).toBe(u?.grades.towns ?? "");
      expect(["优秀", "良好", "合格", "不合格"]).toContain(grade);
    }
  });

  it("is not on a ranking that grades no one", () => {
    const heads = sheet("economy")?.columns.map((c) => c.header) ?? [];
    expect(heads.length).toBeGreaterThan(0);
    expect(heads).not.toContain("等次");
  });
});
