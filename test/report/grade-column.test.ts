// A ranking that grades gives each unit's grade a column of its own on its sheet (优秀, 良好, as a
// value to filter and count by), beside the awards sentence that says why; one that does not grade has none.
import { describe, expect, it } from "vitest";
import { resultTables } from "../../src/report/result-sheets.js";
import { scoreFile } from "./helpers.js";

/** A sheet's rows, each cells array copied as it comes (a sheet reuses one array for every row). */
function copied(rows: Iterable<{ readonly cells: readonly unknown[] }> | undefined): unknown[][] {
  const out: unknown[][] = [];
  for (const r of rows ?? []) out.push([...r.cells]);
  return out;
}

describe("a ranking sheet's 等次 column", async () => {
  const { rubric, submission, results } = await scoreFile("samples/liuhe-2026.xlsx");
  const tables = resultTables(rubric, submission, results, "zh-CN", "t");
  const sheet = (id: string) => tables.find((t) => t.sheet.kind === "ranking" && t.sheet.id === id);

  it("holds the grade alone, before the awards, for every unit the ranking grades", () => {
    const towns = sheet("towns");
    const heads = towns?.columns.map((c) => c.header) ?? [];
    expect(heads.slice(-2)).toEqual(["等次", "奖惩"]);
    const at = heads.indexOf("单位");
    const rows = copied(towns?.rows).map((cells) => [cells[at], cells[heads.length - 2]]);
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

describe("a pending grade in the 等次 column", () => {
  it("is marked (待定), as its awards cell says it, not counted as final", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const { join } = await import("node:path");
    const { scratchDir } = await import("../helpers/tmp.js");
    // 区财政局, 优秀, with a pending deduction (KF1) that would take it below the line.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/liuhe-2026.xlsx");
    const ledger = wb.getWorksheet("加扣分")!;
    ledger.getRow(ledger.rowCount + 1).values = ["区财政局", "KF1", 3, null, null, "待审核", null, "通报"];
    const file = join(scratchDir("assess-grade-"), "pending.xlsx");
    await wb.xlsx.writeFile(file);
    const { rubric, submission, results } = await scoreFile(file);
    const u = results.units.find((x) => x.name === "区财政局");
    expect(u?.certainty?.open.some((o) => o.kind === "grade")).toBe(true);
    const sheet = resultTables(rubric, submission, results, "zh-CN", "t").find((t) => t.sheet.kind === "ranking" && t.sheet.id === "departments");
    const heads = sheet?.columns.map((c) => c.header) ?? [];
    const rows = copied(sheet?.rows);
    expect(rows.find((cells) => cells[heads.indexOf("单位")] === "区财政局")?.[heads.indexOf("等次")]).toBe("优秀(待定)");
    // A settled one, plain.
    expect(rows.find((cells) => cells[heads.indexOf("单位")] === "区市场监管局")?.[heads.indexOf("等次")]).toBe("良好");
  });
});

describe("in English", async () => {
  const { rubric, submission, results, cover } = await scoreFile("samples/liuhe-2026.xlsx");

  it("keeps the Grade heading on one line (it broke as Grad / e in a column fitted to 优秀)", () => {
    // The departments' grades, none pending: a column as narrow as 优秀 would make it.
    const sheet = resultTables(rubric, submission, results, "en", "t").find((t) => t.sheet.kind === "ranking" && t.sheet.id === "departments");
    const grade = sheet?.columns.find((c) => c.header === "Grade");
    expect(grade?.width ?? 0).toBeGreaterThanOrEqual(8);
  });

  it("holds each English word of 得分明细's headings on one line, bold (Deduction broke as Deductio / n in a column of 10)", async () => {
    const { linesIn } = await import("../../src/model/width.js");
    const details = resultTables(rubric, submission, results, "en", "t").filter((t) => t.sheet.kind === "detail");
    expect(details).toHaveLength(3);
    for (const d of details) {
      const heads = d.columns.filter((c) => /^(Bonus|Deduction)/.test(c.header));
      expect(heads.length, d.name).toBeGreaterThan(0);
      // Each word whole on a line, bold (about a tenth wider than it measures).
      for (const c of heads) for (const w of c.header.split(/[\s(]+/).filter((x) => /^[A-Za-z]+$/.test(x))) expect(linesIn(w, c.width / 1.1), `${c.header}: ${w}`).toBe(1);
    }
  });

  it("prints a rank pending claims may move with a space before its range in the report, as English sets brackets", async () => {
    const { buildReport } = await import("../../src/report/september/index.js");
    const { DATE } = await import("./helpers.js");
    const report = buildReport(rubric, results, { lang: "en", cover, date: DATE, tool: "t" });
    const towns = report.tables.find((t) => t.kind === "overall");
    expect(towns?.rows.find((r) => r.cells[1] === "青龙乡")?.cells[0]).toBe("8 (8–9)");
    const zh = buildReport(rubric, results, { lang: "zh-CN", cover, date: DATE, tool: "t" });
    expect(zh.tables.find((t) => t.kind === "overall")?.rows.find((r) => r.cells[1] === "青龙乡")?.cells[0]).toBe("8(8–9)");
  });
});


describe("a ranking that gives grades alone (区属国有企业排名: no prize, single-item award or card)", () => {
  it("heads its last column 备注, not 奖惩, on its sheet and in the report, its grades in 等次 (a scheme of grades alone read as promising rewards)", async () => {
    const { buildReport } = await import("../../src/report/september/index.js");
    const { rubric, results, submission } = await scoreFile("samples/liuhe-2026.xlsx");
    const sheet = resultTables(rubric, submission, results, "zh-CN", "t").find((t) => t.sheet.kind === "ranking" && t.sheet.id === "enterprises");
    expect(sheet?.columns.map((c) => c.header).slice(-2)).toEqual(["等次", "备注"]);
    const report = buildReport(rubric, results, { lang: "zh-CN", cover: submission.cover, date: new Date(2026, 8, 1), tool: "t" });
    const table = report.tables.find((x) => x.kind === "overall" && x.heading === "区属国有企业排名");
    const heads = table?.columns.map((c) => c.header) ?? [];
    expect(heads.slice(-2)).toEqual(["等次", "备注"]);
    // Its data bars on the totals still, the 等次 column after them.
    expect(table?.bar === undefined ? "" : heads[table.bar]).toBe("总分");
    const grades = (table?.rows ?? []).map((r) => r.cells[heads.indexOf("等次")]);
    // 区文旅集团, vetoed and left ungraded by its veto, says so: 不评定 (its cell was blank, a grade forgotten).
    expect(grades).toEqual(results.rankings.find((r) => r.id === "enterprises")?.entries.map((e) => results.units[e.unit]?.grades.enterprises ?? (results.units[e.unit]?.vetoed ? "不评定" : "")));
    expect(grades).toContain("不评定");
    // Rankings that give prizes or cards keep 奖惩.
    expect(report.tables.find((x) => x.kind === "overall" && x.heading === "区直部门排名")?.columns.at(-1)?.header).toBe("奖惩");
  });
});
