// The report's table of a group's ranking (乡镇组排名) where the whole kind is ranked by the total too:
// the unit's grade on the whole kind's ranking is said in that ranking's table, not on every row of
// the group's (175 rows of 乡镇(街道)综合排名等次:良好 buried the group's prizes); its prizes, cards,
// single-item awards and vetoes stay. Ranked only in groups, a group's table is where its grades are.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { score } from "../../src/engine/index.js";
import { loadRubric } from "../../src/rubric/load.js";
import { buildReport } from "../../src/report/september/index.js";
import { townsInGroupsOnly } from "../helpers/rubric-edits.js";
import { DATE, scoreFile } from "./helpers.js";

describe("a group's table in the report", async () => {
  const { rubric, submission, results, cover } = await scoreFile("samples/liuhe-2026.xlsx");
  const awardsOf = (report: ReturnType<typeof buildReport>, heading: string): Record<string, string> => {
    const t = report.tables.find((x) => x.kind === "overall" && x.heading === heading);
    return Object.fromEntries((t?.rows ?? []).map((r) => [String(r.cells[1]), String(r.cells.at(-1) ?? "")]));
  };
  /** Each unit's cell in a table's 等次 column (none: the table has no such column). */
  const gradesOf = (report: ReturnType<typeof buildReport>, heading: string): Record<string, string> | undefined => {
    const t = report.tables.find((x) => x.kind === "overall" && x.heading === heading);
    const at = t?.columns.findIndex((c) => c.header === "等次") ?? -1;
    return at < 0 ? undefined : Object.fromEntries((t?.rows ?? []).map((r) => [String(r.cells[1]), String(r.cells[at] ?? "")]));
  };

  it("leaves the whole kind's grade to its own table, and keeps the group's prizes, cards, single-item awards and vetoes", () => {
    const report = buildReport(rubric, results, { lang: "zh-CN", cover, date: DATE, tool: "t" });
    const rural = awardsOf(report, "乡镇组排名");
    const urban = awardsOf(report, "街道组排名");
    expect(Object.values({ ...rural, ...urban }).some((a) => a.includes("等次"))).toBe(false);
    expect(rural["柳河镇"]).toBe("名次奖:一等奖,50,000元;单项奖:经济发展突出贡献奖(省级),20,000元");
    expect(rural["白马镇"]).toMatch(/^一票否决:SH1 安全生产底线/);
    expect(urban["凤凰街道"]).toBe("黄牌警告(乡镇(街道)综合排名):总分低于 60");
    expect(gradesOf(report, "乡镇组排名")).toBeUndefined();
    // The whole kind's table gives the grades, in a column of their own (as its sheet does), and every other award.
    expect(gradesOf(report, "乡镇(街道)综合排名")?.["柳河镇"]).toBe("优秀");
    expect(awardsOf(report, "乡镇(街道)综合排名")["柳河镇"]).toMatch(/^名次奖:乡镇组排名一等奖/);
  });

  it("gives the grades where the kind is ranked only in its groups", () => {
    const grouped = loadRubric("t.yaml", new TextEncoder().encode(townsInGroupsOnly(readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8"))), "t").rubric;
    if (!grouped) throw new Error("rubric");
    const report = buildReport(grouped, score(grouped, submission), { lang: "zh-CN", cover, date: DATE, tool: "t" });
    expect(gradesOf(report, "乡镇组排名")?.["柳河镇"]).toBe("优秀");
  });
});
