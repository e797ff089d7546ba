// A scheme that gives no money (grades and a ranking's tiers without amounts, single-item awards
// without one): its award lists have no column of amounts, always empty (the Excel report and
// 奖惩名单 had one; the HTML report left it out).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { score } from "../../src/engine/index.js";
import { loadRubric } from "../../src/rubric/load.js";
import { buildReport, reportXlsx } from "../../src/report/september/index.js";
import { resultTables } from "../../src/report/result-sheets.js";
import { DATE, readBook, SAMPLE, scoreFile, texts } from "./helpers.js";

describe("a scheme that gives no money", async () => {
  const sample = await scoreFile(SAMPLE);
  // The district scheme with its single-item awards' amounts struck out.
  const text = readFileSync("rubric/district-popplan-2022.1.yaml", "utf8").replace(/^ {6}amount: 3000\n/gm, "");
  const rubric = loadRubric("district-popplan-2022.1.yaml", new TextEncoder().encode(text), "test").rubric;
  if (!rubric) throw new Error("rubric");
  const results = score(rubric, sample.submission);

  it("lists its awards without an amounts' column in the Excel report, the basis taking its room", async () => {
    const report = buildReport(rubric, results, { lang: "zh-CN", cover: sample.cover, date: DATE, tool: "t" });
    const awards = report.tables.find((t) => t.kind === "awards");
    expect(awards?.columns.map((c) => c.header)).toEqual(["类别", "单位", "奖惩内容", "依据"]);
    expect(awards?.rows.every((r) => r.cells.length === 4)).toBe(true);
    const rows = texts((await readBook(await reportXlsx(report, DATE))).getWorksheet("九月排名报告")!);
    const head = rows.findIndex((r) => r?.[0] === "类别");
    expect(rows[head]?.filter((x) => x !== "")).toEqual(["类别", "单位", "奖惩内容", "依据"]);
    // The sample's scheme, which gives 3,000 元 a single-item award, keeps it.
    const withMoney = buildReport(sample.rubric, sample.results, { lang: "zh-CN", cover: sample.cover, date: DATE, tool: "t" });
    expect(withMoney.tables.find((t) => t.kind === "awards")?.columns.map((c) => c.header)).toContain("金额(元)");
  });

  it("lists them without it on 奖惩名单 too", () => {
    const sheet = resultTables(rubric, sample.submission, results, "zh-CN", "t").find((t) => t.sheet.kind === "awards");
    expect(sheet?.columns.map((c) => c.header)).toEqual(["类别", "单位", "奖惩内容", "依据"]);
    expect([...(sheet?.rows ?? [])].every((r) => r.cells.length === 4)).toBe(true);
  });
});
