// assess template: the workbook assessors fill — sheets, code-first headers with the clause text,
// validation, frozen headers and print setup, units filled in from --units.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { scratchDir } from "../helpers/tmp.js";

const dir = scratchDir("assess-template-");
const file = join(dir, "青山区2026.xlsx");
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  writeFileSync(join(dir, "units.csv"), "单位,类型\n城关镇,镇\n东湖街道,街道\n区公安分局,部门\n");
  const r = await cli(["template", "--units", join(dir, "units.csv"), "--year", "2026", "--district", "青山区", "-o", file]);
  expect(r.code).toBe(0);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
});

describe("assess template", () => {
  it("has the cover, one sheet per line, the rates sheet and the ledger", () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["封面", "visible"],
      ["党政线", "visible"],
      ["人口计生线", "visible"],
      ["部门", "visible"],
      ["指标数据", "visible"],
      ["加扣分", "visible"],
      ["_lists", "hidden"],
    ]);
    const cover = wb.getWorksheet("封面")!;
    expect([3, 4, 5, 6].map((r) => [cover.getCell(r, 1).value, cover.getCell(r, 2).value])).toEqual([
      ["方案编号", "district-popplan"],
      ["方案版本", "2022.1"],
      ["考核年度", "2026"],
      ["区(县)", "青山区"],
    ]);
  });

  it("heads each column with the code, name and max, and carries the clause text", () => {
    const dz = wb.getWorksheet("党政线")!;
    expect(dz.getRow(1).values).toEqual([undefined, "单位名称", "DZ2 统筹决策(20分)", "DZ3.1 移民地区综合整治(20分)", "DZ3.2 流动人口综合整治(20分)", "DZ3.3 利益导向机制(20分)", "DZ3.4 出生人口性别比综合治理(10分)", "DZ4 依法行政(20分)", "DZ5 经费保障(60分)", "DZ6.1 技术服务机构基本建设(80分)", "DZ6.2 三级行政管理人员(10分)", "DZ6.3 流动人口管理机构(10分)"]);
    const note = dz.getCell("B1").note;
    const text = typeof note === "string" ? note : (note?.texts ?? []).map((t) => t.text).join("");
    expect(text).toContain("将人口和计划生育事业纳入地方经济社会发展总体规划");
    expect(wb.getWorksheet("指标数据")!.getRow(1).values).toEqual([undefined, "单位名称", "ZB1 出生政策符合率", "ZB2 统计合格率", "ZB3 育龄群众对技术服务满意率", "ZB4 男性参与率", "MB1 出生政策符合率目标(责任书下达指标)", "MB2 统计合格率目标(责任书下达指标)"]);
    expect(wb.getWorksheet("加扣分")!.getRow(1).values).toEqual([undefined, "单位", "代码", "数量", "级别", "分值", "状态", "未如实上报", "说明", "依据"]);
  });

  it("fills the units by kind and validates what assessors type", () => {
    const dz = wb.getWorksheet("党政线")!;
    expect([dz.getCell("A2").value, dz.getCell("A3").value, dz.getCell("A4").value]).toEqual(["城关镇", "东湖街道", null]);
    expect(wb.getWorksheet("部门")!.getCell("A2").value).toBe("区公安分局");
    expect(dz.getCell("B2").dataValidation).toMatchObject({ type: "custom", formulae: ["AND(ISNUMBER(B2),B2>=0,B2<=20,ROUND(B2/0.5,6)=INT(ROUND(B2/0.5,6)))"] });
    expect(wb.getWorksheet("指标数据")!.getCell("B2").dataValidation).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 1] });
    const ledger = wb.getWorksheet("加扣分")!;
    expect(ledger.getCell("B2").dataValidation).toMatchObject({ type: "list", formulae: ["_lists!$B$1:$B$11"] });
    expect(ledger.getCell("F2").dataValidation).toMatchObject({ type: "list", formulae: ["_lists!$D$1:$D$3"] });
  });

  it("freezes the header and name column and sets up printing", () => {
    const dz = wb.getWorksheet("党政线")!;
    expect(dz.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    expect(dz.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", printTitlesRow: "1:1" });
    expect(wb.getWorksheet("人口计生线")!.pageSetup).toMatchObject({ printTitlesColumn: "A:A" });
  });

  it("never overwrites a file unless asked", async () => {
    const again = await cli(["template", "-o", file]);
    expect(again.code).toBe(2);
    expect(again.err).toContain("[file.exists]");
    expect((await cli(["template", "-o", file, "--force"])).code).toBe(0);
  });
});
