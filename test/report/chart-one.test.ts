// The report's chart of a kind's ranking compares its units: a kind of one unit (a county's one
// school) drew a chart of a lone dot.
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/september/index.js";
import { DATE, scoreFile } from "./helpers.js";

describe("the report's charts", () => {
  it("draw a kind's ranking of two units or more, not one of a single unit", async () => {
    const { rubric, results, cover } = await scoreFile("samples/liuhe-2026.xlsx");
    const charted = (r: typeof results): string[] => buildReport(rubric, r, { lang: "zh-CN", cover, date: DATE, tool: "t" }).tables.flatMap((t) => (t.chart ? [t.heading] : []));
    expect(charted(results)).toContain("区属国有企业排名");
    // The enterprises down to one.
    const one = { ...results, rankings: results.rankings.map((r) => (r.id === "enterprises" ? { ...r, entries: r.entries.slice(0, 1) } : r)) };
    expect(charted(one)).not.toContain("区属国有企业排名");
    expect(charted(one)).toContain("乡镇(街道)综合排名");
  });
});
