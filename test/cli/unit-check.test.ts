// A unit checking its own numbers before it hands them in: `validate --unit` in the district's form
// with the other units' rows still wrong or blank; `explain` on a workbook of its rows alone.
import { writeFileSync } from "node:fs";
import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { editedCopy } from "../helpers/edit.js";
import { scratchDir } from "../helpers/tmp.js";

const dir = scratchDir("assess-unit-check-");
const input = "samples/qingshan-2026.xlsx";

/** Rows of units other than `keep` deleted from every sheet with a unit in column A (the header's row 1 kept). */
function onlyUnit(keep: string): (wb: ExcelJS.Workbook) => void {
  return (wb) => {
    for (const ws of wb.worksheets) {
      if (ws.name === "封面" || ws.name === "_lists") continue;
      for (let r = ws.rowCount; r >= 2; r--) {
        const name = ws.getCell(r, 1).value;
        if (typeof name === "string" && name.trim() !== keep) ws.spliceRows(r, 1);
      }
    }
  };
}

describe("validate --unit", () => {
  it("lists the unit's problems and the workbook's, counts the other units', and fails only for its own errors", async () => {
    // 东湖街道's DZ2 (党政线!B3) and 西山镇's (党政线!B4) both blank.
    const file = await editedCopy(dir, input, "两处空白.xlsx", (wb) => {
      wb.getWorksheet("党政线")!.getCell("B3").value = null;
      wb.getWorksheet("党政线")!.getCell("B4").value = null;
    });
    const whole = await cli(["validate", file]);
    expect(whole.err).toContain("党政线!B3: 错误: 东湖街道 DZ2 未填写");
    expect(whole.err).toContain("党政线!B4: 错误: 西山镇 DZ2 未填写");

    const mine = await cli(["validate", file, "--unit", "东湖街道"]);
    expect(mine.code).toBe(1);
    expect(mine.err.trim().split("\n")).toEqual([
      `${file}: 党政线!B3: 错误: 东湖街道 DZ2 未填写(满分 20);没有得分请填 0 [workbook.blank-points]`,
    ]);
    expect(mine.out).toBe("东湖街道:1 个错误,0 个警告;其他单位另有 1 个错误、3 个警告,未列出(不加 --unit 可看全部)\n");

    // A unit without errors of its own passes, however many the others have; its name as typed in a cell (spaces around it) is found.
    const other = await cli(["validate", file, "--unit", " 城关镇 "]);
    expect(other.code).toBe(0);
    expect(other.out).toBe("城关镇:0 个错误,1 个警告;其他单位另有 2 个错误、2 个警告,未列出(不加 --unit 可看全部)\n");
    expect(other.err).toContain("加扣分!B3: 警告: “城关镇” 的 JF1 每年至多计一次");
    expect(other.err).not.toContain("东湖街道");

    const json = JSON.parse((await cli(["validate", file, "--unit", "东湖街道", "--json"])).out) as { diagnostics: { code: string; cell: string }[]; unit: string; others: unknown };
    expect(json.diagnostics.map((d) => `${d.code} ${d.cell}`)).toEqual(["workbook.blank-points B3"]);
    expect(json.unit).toBe("东湖街道");
    expect(json.others).toEqual({ errors: 1, warnings: 3 });

    const en = await cli(["validate", file, "--unit", "东湖街道", "--lang", "en"]);
    expect(en.out).toBe("东湖街道: 1 error, 0 warnings; the other units have 1 error and 3 warnings, not listed here (run without --unit to see them)\n");
  });

  it("passes a unit whose rows are filled in the district's form with every other unit's blank, and says its own blank among a column blank for all (it was the workbook's, and no town could pass)", async () => {
    // The comprehensive sample with every figure of every unit but 石桥镇 cleared: the departments'
    // and enterprises' columns are blank for every unit of theirs.
    const blankOthers = (keepSH3: boolean) => (wb: ExcelJS.Workbook) => {
      for (const name of ["经济发展", "社会治理", "党的建设", "区直部门", "区属国企", "指标数据"]) {
        const ws = wb.getWorksheet(name)!;
        ws.eachRow((row, r) => {
          if (r === 1) return;
          const unit = String(row.getCell(1).value ?? "").trim();
          if (unit === "石桥镇" && (keepSH3 || name !== "社会治理")) return;
          row.eachCell((c, col) => {
            if (col > 1 && typeof c.value === "number" && (unit !== "石桥镇" || col === 2)) c.value = null;
          });
        });
      }
    };
    const filled = await editedCopy(dir, "samples/liuhe-2026.xlsx", "只填石桥镇.xlsx", blankOthers(true));
    const whole = await cli(["validate", filled]);
    expect(whole.code).toBe(1);
    expect(whole.err).toContain("区直部门!B1: 错误:");
    const mine = await cli(["validate", filled, "--unit", "石桥镇"]);
    expect(mine.err).not.toContain("[workbook.column-blank]");
    expect(mine.out).toMatch(/^石桥镇:未发现问题;其他单位另有 \d+ 个错误/);
    expect(mine.code).toBe(0);
    // explain there: not scored, the unit's own problems said and the others' counted, with how to see its points (it listed 162 errors of the others').
    const explained = await cli(["explain", filled, "石桥镇"]);
    expect(explained.code).toBe(1);
    expect(explained.err).not.toContain("[workbook.column-blank]");
    expect(explained.err).toMatch(/石桥镇:未发现问题;其他单位另有 \d+ 个错误、\d+ 个警告,未列出\(assess validate 可看全部\)\n/);
    // --json: validate --unit's document (the others' 162 errors were the document).
    const doc = JSON.parse((await cli(["explain", filled, "石桥镇", "--json"])).out) as { diagnostics: unknown[]; unit: string; others: { errors: number } };
    expect([doc.unit, doc.diagnostics.length, doc.others.errors > 0]).toEqual(["石桥镇", JSON.parse((await cli(["validate", filled, "--unit", "石桥镇", "--json"])).out).diagnostics.length, true]);
    // A name of no unit there: said so, with the one near it, the others' errors counted, not listed.
    const unknown = await cli(["explain", filled, "石橋鎮"]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/^.*: 错误: 工作簿中没有单位 “石橋鎮”;是否为 石桥镇\? \[unit\.unknown-near\]\n\d+ 个错误,\d+ 个警告;工作簿有错误,未计分:请改正错误后再试\n$/);
    expect(explained.err).toContain(`工作簿有错误,未计分。其他单位的行还没填好时,石桥镇 要先看自己的逐项得分,可另存一份、删去其他单位的行后对它运行 explain;只检查本单位所填的,用 assess validate ${filled} --unit 石桥镇\n`);
    // Its own SH3 (社会治理!B?) blank too, as every other town's: its cell said, as its own error.
    const slip = await editedCopy(dir, "samples/liuhe-2026.xlsx", "石桥镇漏填.xlsx", blankOthers(false));
    const own = await cli(["validate", slip, "--unit", "石桥镇"]);
    expect(own.code).toBe(1);
    expect(own.err.split("\n").filter((l) => l.includes("错误"))).toEqual([expect.stringMatching(/社会治理!B\d+: 错误: 石桥镇 SH3 未填写扣分.*没有扣分请填 0 \[workbook\.blank-deduction\]$/)]);
    expect(own.out).toMatch(/^石桥镇:1 个错误/);
  });

  it("counts the workbook's problems as a whole apart from the unit's own: a ledger row naming a unit the workbook has not was 白沙街道's one error (a docs reader's find)", async () => {
    const r = await cli(["validate", "samples/broken/typos.xlsx", "--unit", "白沙街道"]);
    // Still listed, and still failing the check: the workbook is not ready to hand in.
    expect(r.code).toBe(1);
    expect(r.err).toContain("samples/broken/typos.xlsx: 加扣分!A10: 错误: 加扣分记录中的单位 “不存在镇” 不在考核工作表中");
    expect(r.out).toBe("白沙街道:未发现问题;工作簿整体另有 1 个错误、0 个警告(不属于哪个单位,见上);其他单位另有 15 个错误、1 个警告,未列出(不加 --unit 可看全部)\n");
    const en = await cli(["validate", "samples/broken/typos.xlsx", "--unit", "白沙街道", "--lang", "en"]);
    const json = JSON.parse((await cli(["validate", "samples/broken/typos.xlsx", "--unit", "白沙街道", "--json"])).out) as { unit: string; others: unknown; workbook: unknown };
    expect([json.unit, json.others, json.workbook]).toEqual(["白沙街道", { errors: 15, warnings: 1 }, { errors: 1, warnings: 0 }]);
    expect(en.out).toBe("白沙街道: no problems found; the workbook as a whole has 1 error and 0 warnings (of no unit, above); the other units have 15 errors and 1 warning, not listed here (run without --unit to see them)\n");
  });

  it("counts as the unit's the rows of another spelling of it the workbook asks about (東湖街道 on one sheet), a score over the max there too", async () => {
    const file = await editedCopy(dir, input, "另一写法.xlsx", (wb) => {
      wb.getWorksheet("人口计生线")!.getCell("A3").value = "東湖街道";
      wb.getWorksheet("人口计生线")!.getCell("B3").value = 999;
    });
    const r = await cli(["validate", file, "--unit", "东湖街道"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}: 人口计生线!B3: 错误: 東湖街道 JS1.1 的分值 999 超出范围 0–40;请填 0 到 40 之间的分数 [workbook.points-out-of-range]`);
    expect(r.err).toContain(`${file}: 人口计生线!A3: 错误: 单位 “東湖街道” 不在模板的单位名单上,工作表 党政线、指标数据 中也没有它的行,而名单上的 “东湖街道” 在那里有行;是否就是 东湖街道?是的话请把 “東湖街道” 改为 “东湖街道” [workbook.unit-unlisted-spelling]`);
    expect(r.out).toBe("东湖街道:2 个错误,0 个警告;其他单位另有 0 个错误、3 个警告,未列出(不加 --unit 可看全部)\n");
    // Another unit sees none of them.
    expect((await cli(["validate", file, "--unit", "西山镇"])).out).toBe("西山镇:未发现问题;其他单位另有 2 个错误、3 个警告,未列出(不加 --unit 可看全部)\n");
  });

  it("a name of no unit is an error asking about the near ones, as explain's, under a code of neither command (it was explain.unknown-unit-near in validate too)", async () => {
    const r = await cli(["validate", input, "--unit", "东湖"]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${input}: 错误: 工作簿中没有单位 “东湖”;是否为 东湖街道? [unit.unknown-near]\n`);
    // Its name with another kind's word (白沙镇 for 白沙街道, the README's example on the sample): asked about too, not the whole list.
    expect((await cli(["validate", input, "--unit", "白沙镇"])).err).toBe(`${input}: 错误: 工作簿中没有单位 “白沙镇”;是否为 白沙街道? [unit.unknown-near]\n`);
    // Its own name first among near ones (双河乡 before 柳河镇 for 双河镇); a short name held in order in one (交通局 in 区交通运输局).
    const liuhe = "samples/liuhe-2026.xlsx";
    expect((await cli(["explain", liuhe, "双河镇"])).err).toBe(`${liuhe}: 错误: 工作簿中没有单位 “双河镇”;是否为 双河乡、柳河镇? [unit.unknown-near]\n`);
    expect((await cli(["explain", liuhe, "交通局"])).err).toBe(`${liuhe}: 错误: 工作簿中没有单位 “交通局”;是否为 区交通运输局? [unit.unknown-near]\n`);
    // Typed in traditional characters: the one it is, alone (河东街道、河西街道 were offered for 河東街道).
    expect((await cli(["validate", liuhe, "--unit", "河東街道"])).err).toBe(`${liuhe}: 错误: 工作簿中没有单位 “河東街道”;是否为 河东街道? [unit.unknown-near]\n`);
    expect((await cli(["explain", liuhe, "區城投集團"])).err).toBe(`${liuhe}: 错误: 工作簿中没有单位 “區城投集團”;是否为 区城投集团? [unit.unknown-near]\n`);
  });
});

describe("explain on a workbook of one unit's rows", () => {
  it("says once that the template's other units have no rows (ranks among those there), and an item scored against the group as having no other", async () => {
    const file = await editedCopy(dir, input, "东湖街道自查.xlsx", onlyUnit("东湖街道"));
    const r = await cli(["explain", file, "东湖街道"]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`${file}: 警告: 模板的单位名单上另有 13 个单位在工作簿中没有行(城关镇、西山镇、南岭镇、北川镇、河口镇…):名次、奖惩、等次名额,以及与其他单位比较计分的项目,只在工作簿中有行的单位之间计出,不是全部单位的结果 [unit.roster-absent]`);
    // Each absent unit is not said on its own.
    expect(r.err).not.toContain("roster-unit-absent");
    // Its ranks and prizes said as a self-check's in the text itself, which `explain > 东湖街道.txt` keeps.
    expect(r.out.split("\n").slice(0, 3)).toContain("(工作簿中只有本单位:名次和奖项是它独自排出的,仅供自查,不是考核结果)");
    // validate lists each (the office's view), and --unit gives the one note.
    expect((await cli(["validate", file])).err).toContain("[workbook.roster-unit-absent]");
    const mine = await cli(["validate", file, "--unit", "东湖街道"]);
    expect(mine.err).toContain("[unit.roster-absent]");
    expect(mine.err).not.toContain("[workbook.roster-unit-absent]");
  });

  it("an item scored against the other units of its group says the workbook has no other", async () => {
    const input2 = "samples/liuhe-2026.xlsx";
    const file = await editedCopy(dir, input2, "河东街道自查.xlsx", onlyUnit("河东街道"));
    const r = await cli(["explain", file, "河东街道"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/JJ3 固定资产投资增长 {2}15\/15 {2}ZB3 [\d.]+%:本项与街道组的其他单位比较计分,而工作簿中街道组只有本单位,按最优计 15 {2}\[指标数据!D2\]/);
    expect(r.out).toMatch(/JJ4 招商引资 {2}15\/15 {2}ZB4 \d+万元:本项与街道组的其他单位比较计分,而工作簿中街道组只有本单位,按最优计 15 {2}\[指标数据!E2\]/);
    // Among its group's units (the sample's), scored as before.
    const whole = await cli(["explain", input2, "河东街道"]);
    expect(whole.out).toMatch(/JJ4 招商引资 .*在街道组中排第 \d 名/);
  });
});

describe("a cell's problem that does not name its item", () => {
  it("is said with the item's code after the unit (约9, a formula with no result: the clerk had only the cell to go by)", async () => {
    const file = await editedCopy(dir, input, "约数.xlsx", (wb) => {
      wb.getWorksheet("党政线")!.getCell("C4").value = "约9"; // 西山镇 DZ3.1
      wb.getWorksheet("指标数据")!.getCell("C4").value = "约95%"; // 西山镇 ZB2
      wb.getWorksheet("党政线")!.getCell("B6").value = 95; // 北川镇 DZ2: its message names DZ2 itself
    });
    const r = await cli(["validate", file]);
    expect(r.err).toContain("党政线!C4: 错误: 西山镇 DZ3.1:“约9” 是约数");
    expect(r.err).toContain("指标数据!C4: 错误: 西山镇 ZB2:“约95%” 是约数");
    expect(r.err).toContain("党政线!B6: 错误: 北川镇 DZ2 的分值 95 超出范围");
    const en = await cli(["validate", file, "--lang", "en"]);
    expect(en.err).toContain('党政线!C4: error: 西山镇 — DZ3.1: "约9" is an estimate');
    expect(en.err).toContain("党政线!B6: error: 北川镇 — DZ2: the points 95");
    const json = JSON.parse((await cli(["validate", file, "--json"])).out) as { diagnostics: { cell?: string; unit?: string; item?: string }[] };
    expect(json.diagnostics.filter((d) => d.item !== undefined).map((d) => [d.cell, d.unit, d.item])).toEqual([
      ["C4", "西山镇", "DZ3.1"],
      ["B6", "北川镇", "DZ2"],
      ["C4", "西山镇", "ZB2"],
    ]);
  });

  it("is said with its column's code by a check made once every sheet is read (a rate implausibly low, 0.99% where 98% is the target)", async () => {
    const file = await editedCopy(dir, input, "比率过低.xlsx", (wb) => {
      wb.getWorksheet("指标数据")!.getCell("C3").value = 0.0099; // 东湖街道 ZB2
    });
    const json = JSON.parse((await cli(["validate", file, "--json"])).out) as { diagnostics: { code: string; cell?: string; item?: string }[] };
    expect(json.diagnostics.filter((d) => d.item !== undefined).map((d) => [d.code, d.cell, d.item])).toEqual([["workbook.rate-implausible-gate", "C3", "ZB2"]]);
  });
});

describe("validate --unit on a form nothing is filled in yet", () => {
  it("says the unit has filled nothing in yet, not that it has no problems, beside the workbook's error", async () => {
    const form = `${dir}/空表.xlsx`;
    const units = `${dir}/单位名单.txt`;
    writeFileSync(units, "东湖街道\n西山镇\n区卫健局\n");
    expect((await cli(["template", "--units", units, "--year", "2026", "--district", "青山区", "-o", form])).code).toBe(0);
    const r = await cli(["validate", form, "--unit", "西山镇"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("[workbook.nothing-filled]");
    expect(r.out.trim()).toMatch(/^西山镇:尚未填写;工作簿整体另有 1 个错误、\d+ 个警告\(不属于哪个单位,见上\);其他单位没有问题$/);
  });
});

describe("validate --unit on a form with no units at all", () => {
  it("says the workbook has no units yet (it listed the units to choose from: none)", async () => {
    const form = `${dir}/无单位.xlsx`;
    expect((await cli(["template", "--year", "2026", "--district", "青山区", "-o", form])).code).toBe(0);
    const r = await cli(["validate", form, "--unit", "城关镇"]);
    expect([r.code, r.err]).toEqual([1, `${form}: 错误: 工作簿中没有单位 “城关镇”:工作簿中还没有任何单位(请在考核工作表的“单位名称”列填写单位) [unit.unknown-none]\n`]);
  });
});
