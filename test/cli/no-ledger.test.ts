// A scheme with no bonus, deduction or single-item events (a school's, judged items and grades
// alone): its rubric leaves the ledger out, its template has no 加扣分 sheet, nothing warns of the
// sheet missing, and a row typed into one is said to count nothing.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { scratchDir } from "../helpers/tmp.js";

const RUBRIC = `id: school-min
version: "2026.1"
effective: "2026-01-01"
title: 学校办学质量考核办法
unit_kinds:
  - { id: school, name: 学校, labels: [小学, 中学], scale: 100, lines: [BX] }
lines:
  - code: BX
    name: 办学质量
    max: 100
    items:
      - { code: BX1, name: 教学管理, max: 40 }
      - { code: BX2, name: 师资建设, max: 30 }
      - { code: BX3, name: 校园安全, max: 30 }
rankings:
  - id: schools
    name: 学校排名
    unit_kind: school
    by: total
    grades:
      bands:
        - { name: 优秀, from: 90 }
      otherwise: 合格
`;

describe("a scheme without a ledger", () => {
  const dir = scratchDir("assess-no-ledger-");
  const rubric = join(dir, "school-min-2026.1.yaml");
  writeFileSync(rubric, RUBRIC);
  writeFileSync(join(dir, "units.csv"), "第一小学,小学\n实验中学,中学\n第二中学,中学\n");

  /** A template of the three schools, filled (第二中学's row left out where `without`), as `name`. */
  const filled = async (name: string, o: { without?: boolean; ledgerRow?: boolean } = {}): Promise<string> => {
    const book = join(dir, name);
    expect((await cli(["template", "--rubric", rubric, "--units", join(dir, "units.csv"), "--district", "青松县", "-o", book])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const sheet = wb.getWorksheet("办学质量")!;
    [
      [36, 27, 28],
      [40, 30, 25],
      [30, 20, 15],
    ].forEach((points, i) => points.forEach((p, j) => (sheet.getCell(i + 2, j + 2).value = p)));
    if (o.without) sheet.spliceRows(4, 1);
    if (o.ledgerRow) {
      const ledger = wb.addWorksheet("加扣分");
      ledger.addRow(["单位", "代码", "数量", "级别", "分值", "状态", "说明", "依据"]);
      ledger.addRow(["第一小学", "JF1", 1, null, null, null, "市级表彰"]);
      ledger.addRow(["实验中学", null, null, null, 2, null, "区级表彰"]);
    }
    await wb.xlsx.writeFile(book);
    return book;
  };

  it("is valid, and rubric show says it has none", async () => {
    const checked = await cli(["rubric", "check", rubric]);
    expect(checked.code).toBe(0);
    expect(checked.err).toBe("");
    const shown = await cli(["rubric", "show", rubric]);
    expect(shown.out).toContain("加分、扣分与单项:\n  无(本方案不设加分、扣分或单项奖)\n");
    expect(shown.out).not.toContain("计分的状态");
  });

  it("makes a template without a 加扣分 sheet (its hidden roster kept), which scores without a warning of it", async () => {
    const book = await filled("2026.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    expect(wb.worksheets.map((s) => `${s.name}${s.state === "visible" ? "" : ` (${s.state})`}`)).toEqual(["封面", "办学质量", "_lists (hidden)"]);
    const scored = await cli(["score", book, "-o", join(dir, "out.xlsx")]);
    expect(scored.code).toBe(0);
    expect(scored.err).not.toContain("workbook.no-ledger-sheet");
    expect(scored.err).not.toContain("警告");
    expect(scored.out).toMatch(/│ 1 +│ 实验中学 +│ 95 +│ 95 +│ 等次:优秀 │/);
    // Its 计分说明 has nothing to note: said in its one row, not headings over a blank page.
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(join(dir, "out.xlsx"));
    const notes = out.getWorksheet("计分说明")!;
    expect(notes.rowCount).toBe(4);
    expect(notes.getCell("F4").value).toBe("本次没有需要说明的计分:各项都是评定分值,没有按数据计算的项目;各项得分见得分明细表");
  });

  it("says in 奖惩名单's one row that nothing was awarded, where the ranking decides nothing (headings over a blank page)", async () => {
    const plain = join(dir, "plain", "school-min-2026.1.yaml");
    mkdirSync(join(dir, "plain"), { recursive: true });
    writeFileSync(plain, RUBRIC.slice(0, RUBRIC.indexOf("    grades:\n")));
    const book = await filled("plain.xlsx");
    const out = join(dir, "plain-out.xlsx");
    expect((await cli(["score", book, "--rubric", plain, "-o", out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const awards = wb.getWorksheet("奖惩名单")!;
    expect(awards.rowCount).toBe(4);
    expect(awards.getCell("C4").value).toBe("本次没有奖项、等次、黄牌或一票否决");
  });

  it("misses a unit whose row was deleted, by the template's roster, as a scheme with a ledger does", async () => {
    const r = await cli(["validate", await filled("deleted.xlsx", { without: true })]);
    expect(r.err).toContain("单位 “第二中学” 在模板的单位名单(模板中隐藏的 _lists 工作表)中,但各工作表中都没有它的行");
  });

  it("says of a row typed into a 加扣分 sheet that the scheme has no codes, at its cell", async () => {
    const withRow = await filled("with-row.xlsx", { ledgerRow: true });
    const r = await cli(["validate", withRow]);
    expect(r.code).toBe(1);
    // One error a row, whatever it lacks (its blank status and code were asked for, codes there are none of).
    expect(r.err.split("\n").filter((l) => l.includes("加扣分!"))).toEqual([
      `${withRow}: 加扣分!B2: 错误: 第一小学 本方案没有加分、扣分或单项奖代码,“JF1” 这一行不计分:请删除这一行(或核对封面的方案编号) [workbook.ledger-no-codes]`,
      `${withRow}: 加扣分!B3: 错误: 实验中学 本方案没有加分、扣分或单项奖代码,这一行不计分:请删除这一行(或核对封面的方案编号) [workbook.ledger-no-codes-row]`,
    ]);
  });
});
