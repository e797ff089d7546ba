// 0% where a gate asks for half or more: a value left unfilled, or a formula's result never
// calculated, vetoes the unit; the clerk is asked about it at the cell. Only the gate's own target
// counts: a gate that 0 passes (a growth rate not below 0%) asks nothing, whatever else reads it.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { scratchDir } from "../helpers/tmp.js";

const RUBRIC = `id: zero-gate
version: "2026.1"
effective: "2026-01-01"
title: 测试考核办法
unit_kinds:
  - { id: town, name: 乡镇, labels: [镇], scale: 100, lines: [JJ] }
indicators:
  - { code: ZB1, name: 税收增长率, min: -50%, max: 300% }
  - { code: ZB2, name: 事故死亡率, direction: lower }
  - { code: ZB3, name: 满意率 }
lines:
  - code: JJ
    name: 经济发展
    max: 100
    items:
      - { code: JJ1, name: 增长底线, max: 10, kind: gate, indicator: ZB1, target: 0%, veto: { ranked: false } }
      - { code: JJ2, name: 增长, max: 30, kind: linear, indicator: ZB1, target: 60%, floor: -10% }
      - { code: JJ3, name: 事故, max: 10, kind: gate, indicator: ZB2, target: 60% }
      - { code: JJ4, name: 满意, max: 10, kind: gate, indicator: ZB3, target: 90% }
      - { code: JJ5, name: 工作, max: 40 }
ledger:
  statuses: { counted: [已认定] }
  codes: []
rankings:
  - { id: towns, name: 乡镇排名, unit_kind: town, by: total }
`;

describe("0% on an indicator a gate reads", () => {
  it("is asked about at its cell with the gate's own target where it vetoes, and not where 0 passes the gate or lower is better", async () => {
    const dir = scratchDir("assess-zero-gate-");
    const rubric = join(dir, "zero-gate-2026.1.yaml");
    writeFileSync(rubric, RUBRIC);
    writeFileSync(join(dir, "units.csv"), "甲镇,镇\n乙镇,镇\n");
    const book = join(dir, "2026.xlsx");
    expect((await cli(["template", "--rubric", rubric, "--units", join(dir, "units.csv"), "--year", "2026", "--district", "测试区", "-o", book])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    wb.getWorksheet("经济发展")!.getCell("B2").value = 30;
    wb.getWorksheet("经济发展")!.getCell("B3").value = 35;
    const data = wb.getWorksheet("指标数据")!;
    // 甲镇: growth 0% (passes its gate of 0%, whatever the 60% of JJ2), deaths 0 (lower is better), satisfaction 0%.
    // 乙镇: all three plausible.
    for (const [row, values] of [[2, [0, 0, 0]], [3, [0.05, 0.1, 0.95]]] as const) values.forEach((v, i) => (data.getCell(row, 2 + i).value = v));
    await wb.xlsx.writeFile(book);
    const r = await cli(["validate", book]);
    expect(r.code).toBe(0);
    expect(r.err.split("\n").filter((l) => l.includes("rate-zero-gate"))).toEqual([`${book}: 指标数据!D2: 警告: “甲镇” 的 ZB3 为 0%,低于目标 90%,将被一票否决;是漏填,还是公式未重新计算(打开后按 F9 或 Ctrl+Shift+F9 重算并保存)?如确为 0%,可忽略本提示 [workbook.rate-zero-gate]`]);
  });
});
