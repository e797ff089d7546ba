// The ranking sheets' 距更高奖次 column: a tier's long name (综合绩效考核先进单位) made its cells longer
// than the column, which cut them off in print (…还差 1.08 lost its 分): they wrap within it.
import { describe, expect, it } from "vitest";
import { score } from "../../src/engine/index.js";
import { textUnits } from "../../src/model/width.js";
import { resultTables } from "../../src/report/result-sheets.js";
import { PLAIN, renderExplain } from "../../src/report/explain-text.js";
import { message } from "../../src/messages/index.js";
import type { Rubric } from "../../src/rubric/model.js";
import { scoreFile } from "./helpers.js";

describe("the gap to the next prize on a ranking sheet", () => {
  it("wraps a text longer than its column rather than cutting it off", async () => {
    const { rubric, submission } = await scoreFile("samples/liuhe-2026.xlsx");
    const long: Rubric = { ...rubric, rankings: rubric.rankings.map((r) => ({ ...r, tiers: r.tiers.map((t) => ({ ...t, name: `综合绩效考核先进单位${t.name}` })) })) };
    const results = score(long, submission);
    const gaps = resultTables(long, submission, results, "zh-CN", "t").flatMap((t) => {
      const at = t.columns.findIndex((c) => c.header === "距更高奖次");
      if (at < 0) return [];
      const texts: string[] = [];
      for (const r of t.rows) if (typeof r.cells[at] === "string" && r.cells[at] !== "") texts.push(r.cells[at]);
      return [{ column: t.columns[at], texts }];
    });
    expect(gaps.length).toBeGreaterThan(0);
    for (const { column, texts } of gaps) {
      // Longer than the column: wrapped there, not cut.
      expect(texts.some((x) => textUnits(x) > (column?.width ?? 0))).toBe(true);
      expect(column?.kind).toBe("wrap");
    }
  });

  it("says a tier of a name of its own with its ranking in brackets, not run together", async () => {
    const { rubric, submission } = await scoreFile("samples/liuhe-2026.xlsx");
    const long: Rubric = { ...rubric, rankings: rubric.rankings.map((r) => ({ ...r, tiers: r.tiers.map((t) => ({ ...t, name: `综合绩效考核先进单位${t.name}` })) })) };
    const results = score(long, submission);
    const gaps = results.units.flatMap((u, i) => (u.gap ? [i] : []));
    expect(gaps.length).toBeGreaterThan(0);
    const text = renderExplain({ lang: "zh-CN", t: (k, d) => message("zh-CN", k, d) }, PLAIN, long, submission, results, gaps[0] ?? 0);
    const gap = text.split("\n").find((l) => l.includes("还差"));
    // 距综合绩效考核先进单位一等奖(乡镇组排名)还差 …, not 距乡镇组排名综合绩效考核先进单位一等奖还差 ….
    expect(gap).toMatch(/距综合绩效考核先进单位\S+等奖\(\S+排名\)还差/);
  });
});
