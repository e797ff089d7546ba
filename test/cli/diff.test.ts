// `assess diff` end to end on real files: what people change in a workbook, what does not count as
// a change (a file re-saved, rows reordered, a sheet renamed), two years under two rubric versions,
// the JSON, the 变更说明 sheet and page, and both files' problems when one is invalid.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { scratchDir } from "../helpers/tmp.js";
import { editedCopy, withoutUnits } from "../helpers/edit.js";
import { groupCellOf, MapValues, type Submission } from "../../src/model/submission.js";

const dir = scratchDir("assess-diff-");

const edited = (from: string, to: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> => editedCopy(dir, from, to, edit);

/** The sample's pending claim of 青石镇 (加扣分 row 7, JF2 申报中) decided: the status written. */
const decided = (wb: ExcelJS.Workbook, status: string): void => {
  const l = wb.getWorksheet("加扣分")!;
  expect([l.getCell("A7").value, l.getCell("F7").value]).toEqual(["青石镇", "申报中"]);
  l.getCell("F7").value = status;
};

/** A unit's cell on 指标数据 under the indicator `code` (the liuhe sample's layout: names in column A, codes heading row 1). */
const indicatorCell = (wb: ExcelJS.Workbook, unit: string, code: string): ExcelJS.Cell => {
  const ws = wb.getWorksheet("指标数据")!;
  const row = [...Array(ws.rowCount).keys()].map((i) => i + 1).find((r) => ws.getCell(r, 1).value === unit)!;
  const col = (ws.getRow(1).values as unknown[]).findIndex((v) => typeof v === "string" && v.startsWith(code));
  return ws.getCell(row, col);
};

/** The liuhe sample with one unit's indicator changed from `was` (checked) to `now`, saved as `name`. */
const indicatorChanged = (name: string, unit: string, code: string, was: number, now: number): Promise<string> =>
  edited("samples/liuhe-2026.xlsx", name, (wb) => {
    const cell = indicatorCell(wb, unit, code);
    expect(cell.value).toBe(was);
    cell.value = now;
  });

/** 金水街道's claims of JF2 省级 (+7) and a DX3 recognition, under the status given, added to the ledger. */
const claims = (status: string) => (wb: ExcelJS.Workbook) => {
  const l = wb.getWorksheet("加扣分")!;
  const at = l.rowCount + 1;
  l.getRow(at).values = ["金水街道", "JF2", null, "省级", null, status];
  l.getRow(at + 1).values = ["金水街道", "DX3", null, "市级", null, status];
};

describe("assess diff", () => {
  it("says of a deducted item (扣分制) that its value is the points taken off: 0 → 0.5 is half a point lost, not gained", async () => {
    const later = await edited("samples/liuhe-2026.xlsx", "deducted-later.xlsx", (wb) => {
      const ws = wb.getWorksheet("社会治理")!;
      expect([ws.getCell("A2").value, ws.getCell("B2").value]).toEqual(["柳河镇", 0]);
      ws.getCell("B2").value = 0.5;
    });
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", later]);
    expect(r.out).toContain("  [1] 柳河镇 SH3 信访稳定(扣分): 0 → 0.5  [社会治理!B2]\n");
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", later, "--lang", "en"])).out).toContain("柳河镇 SH3 信访稳定 (points off): 0 → 0.5");
  });

  it("sees no change in a file re-saved with its ledger rows reordered, a sheet renamed and a number re-formatted", async () => {
    const same = await edited("samples/qingshan-2026.xlsx", "same.xlsx", (wb) => {
      const l = wb.getWorksheet("加扣分")!;
      const a = (l.getRow(2).values as unknown[]).slice(1);
      const b = (l.getRow(5).values as unknown[]).slice(1);
      a.forEach((v, i) => (l.getRow(5).getCell(i + 1).value = v as ExcelJS.CellValue));
      b.forEach((v, i) => (l.getRow(2).getCell(i + 1).value = v as ExcelJS.CellValue));
      wb.getWorksheet("部门")!.name = "责任部门";
      wb.getWorksheet("指标数据")!.getCell("C3").numFmt = "0.0%";
    });
    const r = await cli(["diff", "samples/qingshan-2026.xlsx", same]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("输入没有变化");
    expect(r.out).toContain("没有单位的结果发生变化");
  });

  it("says how the prize money moved in all, in the terminal, the sheet, the page and the JSON (a leader's first question, left to adding up units' lines)", async () => {
    // 金水街道's JF2 省级 (+7) confirmed: 944.5, past 白沙街道 (944): 三等奖 (3,000 元) passes to it, and
    // its DX3 recognition confirmed gives it a single-item award of 3,000 元: 15,000 元 in all.
    const before = await edited("samples/qingshan-2026.xlsx", "money-pending.xlsx", claims("不予认定"));
    const after = await edited("samples/qingshan-2026.xlsx", "money-confirmed.xlsx", claims("已认定"));
    const r = await cli(["diff", before, after]);
    expect(r.out.trimEnd().split("\n").at(-1)).toBe("奖金合计 12,000 元 → 15,000 元(+3,000 元)");
    expect((await cli(["diff", after, before, "--lang", "en"])).out.trimEnd().split("\n").at(-1)).toBe("Total prize money: 15,000 yuan → 12,000 yuan (−3,000 yuan)");
    const json = JSON.parse((await cli(["diff", before, after, "--json"])).out) as { money?: { old: number; new: number } };
    expect(json.money).toEqual({ old: 12000, new: 15000 });
    const sheet = join(dir, "money.xlsx");
    const page = join(dir, "money.html");
    expect((await cli(["diff", before, after, "-o", sheet])).code).toBe(0);
    expect((await cli(["diff", before, after, "-o", page])).code).toBe(0);
    // With --json, the file written named in the document, as score's is (without -o, none).
    const written = join(dir, "money-json.html");
    expect((JSON.parse((await cli(["diff", before, after, "--json", "-o", written])).out) as { output?: unknown }).output).toEqual({ file: written });
    expect((json as { output?: unknown }).output).toBeUndefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sheet);
    const rows: string[] = [];
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? "")).join("|")));
    expect(rows).toContain("奖金|||奖金合计 12,000 元 → 15,000 元(+3,000 元)");
    expect(readFileSync(page, "utf8")).toContain("奖金合计 12,000 元 → 15,000 元(+3,000 元)");
    // Nothing moved: no line.
    expect((await cli(["diff", before, before])).out).not.toContain("奖金合计");
  });

  it("wraps the 变更说明's line under its title where long file names make it wider than the table (its counts were cut at the page's edge)", async () => {
    const before = await edited("samples/qingshan-2026.xlsx", "青山区2026年度目标管理责任制考核工作簿-初评稿.xlsx", claims("不予认定"));
    const after = await edited("samples/qingshan-2026.xlsx", "青山区2026年度目标管理责任制考核工作簿-复核稿.xlsx", claims("已认定"));
    const sheet = join(dir, "long-names.xlsx");
    expect((await cli(["diff", before, after, "-o", sheet])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sheet);
    const row = wb.worksheets[0]!.getRow(2);
    expect(String(row.getCell(1).value)).toMatch(/复核稿\.xlsx · 输入的变化 \d+ 处;结果有变化的单位 \d+ 个$/);
    // Two lines high, and wrapped within the merged cells (it was one line of 18 points, unwrapped).
    expect(row.height).toBeGreaterThan(30);
    expect(row.getCell(1).alignment?.wrapText).toBe(true);
  });

  it("does not cite for a unit whose own new claim opened its range the changes of one that stood within reach of it either way (青石镇's, for 西山镇)", async () => {
    const next = await edited("samples/qingshan-2026.xlsx", "xishan-claim.xlsx", (wb) => {
      const dz = wb.getWorksheet("党政线")!;
      expect([dz.getCell("A8").value, dz.getCell("H8").value]).toEqual(["青石镇", 58.5]);
      dz.getCell("H8").value = 60;
      decided(wb, "已认定");
      const ledger = wb.getWorksheet("加扣分")!;
      ledger.getRow(ledger.rowCount + 1).values = ["西山镇", "KF1", null, null, null, "申报中"];
    });
    const r = await cli(["diff", "samples/qingshan-2026.xlsx", next]);
    expect(r.out).toContain("  [3] 加扣分 新增 西山镇 KF1 重要工作、考核抽查中出现较大问题 申报中  [加扣分!B23]\n");
    // (It was 因 [1][2][3]: 青石镇 at 954.5–964.5, now 966, was within its 951.5–971.5 either way.)
    expect(r.out).toMatch(/\n {2}西山镇: 总分 971\.5 → 971\.5\(951\.5–971\.5\);[^\n]* {2}因 \[3\]\n/);
    // 青石镇's own changes move it, and so does 西山镇's claim (its 4 opened to 3–4).
    expect(r.out).toMatch(/\n {2}青石镇: [^\n]* {2}因 \[1\]\[2\]\[3\]\n/);
  });

  it("does not cite one unit's recognition for another's award given to all recognized (DX3 has no count): each moved by its own alone", async () => {
    const next = await edited("samples/qingshan-2026.xlsx", "dx3-swapped.xlsx", (wb) => {
      const ledger = wb.getWorksheet("加扣分")!;
      expect([ledger.getCell("A21").value, ledger.getCell("B21").value, ledger.getCell("A22").value, ledger.getCell("B22").value]).toEqual(["白沙街道", "DX3", "东湖街道", "DX3"]);
      ledger.getCell("F21").value = "不予认定";
      ledger.getCell("F22").value = "已认定";
    });
    const r = await cli(["diff", "samples/qingshan-2026.xlsx", next]);
    expect(r.out).toContain("  [1] 加扣分 白沙街道 DX3 流动人口服务管理 市级 已认定 → DX3 市级 不予认定  [加扣分!B21]\n");
    // (Both were cited for both: 白沙街道 read as losing its 3,000 元 to 东湖街道's claim.)
    expect(r.out).toContain("  白沙街道: 奖惩 失去 单项奖:流动人口服务管理单项奖(市级),3,000元  因 [1]\n");
    expect(r.out).toContain("  东湖街道: 奖惩 新获 单项奖:流动人口服务管理单项奖(省级),3,000元  因 [2]\n");
  });

  it("cites, for a unit passed by another, only the other's changes that could move a rank (not a single-item recognition)", async () => {
    // 金水街道's JF2 省级 (+7) and its DX3 recognition, pending, then both confirmed: it passes 白沙街道.
    const before = await edited("samples/qingshan-2026.xlsx", "claims-pending.xlsx", claims("申报中"));
    const after = await edited("samples/qingshan-2026.xlsx", "claims-confirmed.xlsx", claims("已认定"));
    const r = await cli(["diff", before, after]);
    expect(r.out).toMatch(/\[1\] 加扣分 金水街道 JF2 经验介绍、获奖 省级 申报中 → JF2 省级 已认定/);
    expect(r.out).toMatch(/\[2\] 加扣分 金水街道 DX3 流动人口服务管理 市级 申报中 → DX3 市级 已认定/);
    // In English the code's name is the rubric's, 、 and all (经验介绍, 获奖 read as two things, and matched no name).
    expect((await cli(["diff", before, after, "--lang", "en"])).out).toMatch(/\[1\] claim changed: 金水街道 JF2 经验介绍、获奖 省级 申报中 \(pending\) → JF2 省级 已认定 \(recognized\)/);
    expect(r.out).toMatch(/ {2}金水街道: .* 因 \[1\]\[2\]\n/);
    // Its rank range (6–7) said with its rank, while 金水街道's claims were pending.
    expect(r.out).toMatch(/ {2}白沙街道: 综合排名 6\(6–7\) → 7\(6–7;排到 金水街道 之后\);.* 因 \[1\]\n/);
  });

  it("traces a rank range that opened or closed, the unit's own total unchanged, to the change of the unit that came into or out of its reach", async () => {
    // 青龙乡 3起 → 2起 of ZB6 (a better band): 91.18, past the 90.5 河东街道 can reach with its pending
    // claim: 河东街道's 8–9 closes to 9 by 青龙乡's change (it was listed without a cause).
    const better = await indicatorChanged("band-crossed.xlsx", "青龙乡", "ZB6", 3, 2);
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", better]);
    expect(r.out).toContain("  青龙乡: 总分 89.61 → 91.18;社会治理 87.2 → 91.7;乡镇(街道)综合排名 8(8–9) → 7(排到 文昌街道 之前)  因 [1]\n");
    expect(r.out).toContain("  河东街道: 乡镇(街道)综合排名 9(8–9) → 9  因 [1]\n");
  });

  it("names the units a unit now stands ahead of that are tied as their table lists them (by name), not as the workbook has them (an auditor's find)", async () => {
    // 文昌街道 vetoed (ZB5 0 → 1) takes no JJ4 place: 河东街道's JJ goes 84 → 85.5, past 文昌街道
    // (84.5) and the tied 杨柳镇 and 双河乡 (84.28; the ranking lists 双河乡 first, the workbook 杨柳镇).
    const vetoed = await indicatorChanged("wenchang-vetoed.xlsx", "文昌街道", "ZB5", 0, 1);
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", vetoed]);
    expect(r.out).toMatch(/\n {2}河东街道: [^\n]*;经济发展单项排名 9 → 6\(排到 文昌街道、双河乡、杨柳镇 之前\)/);
  });

  it("names, with a unit's awards, the causes that could move them where only some of its causes could (a 乡镇组 town's correction moved 文昌街道's overall rank, not its 街道组 prize)", async () => {
    // [1] 青龙乡 (乡镇组) 3起 → 2起; [2] 河东街道's claim confirmed; [3] a deduction for 文昌街道.
    const round2 = await edited("samples/liuhe-2026.xlsx", "round-2.xlsx", (wb) => {
      const cell = indicatorCell(wb, "青龙乡", "ZB6");
      cell.value = 2;
      const l = wb.getWorksheet("加扣分")!;
      expect([l.getCell("A11").value, l.getCell("F11").value]).toEqual(["河东街道", "待审核"]);
      l.getCell("F11").value = "已认定";
      l.getRow(18).values = ["文昌街道", "KF1", null, null, null, "已认定", null, "被市级通报批评一次", "市政府通报"];
    });
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", round2]);
    expect(r.out).toContain("  文昌街道: 总分 90.51 → 89.51;乡镇(街道)综合排名 7 → 9(排到 青龙乡、河东街道 之后);街道组排名 2 → 3(排到 河东街道 之后);奖惩 失去 名次奖:街道组排名二等奖,30,000元(奖惩的变化因 [2][3])  因 [1][2][3]\n");
    expect(r.out).toContain(";奖惩 新获 名次奖:街道组排名二等奖,30,000元(奖惩的变化因 [2][3])  因 [1][2][3]\n");
    // In English too, in words an auditor reads ("the awards' change because of" was none).
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", round2], { LANG: "en_US.UTF-8" })).out).toContain("Awards: loses rank prize: 二等奖 in 街道组排名, 30,000 yuan (awards changed by [2][3])  because of [1][2][3]\n");
    // All of 青龙乡's causes could move what changed of its (no award changed): nothing more said.
    expect(r.out).toContain("  青龙乡: 总分 89.61 → 91.18;社会治理 87.2 → 91.7;乡镇(街道)综合排名 8(8–9) → 7(排到 文昌街道 之前)  因 [1][2][3]\n");
    const j = JSON.parse((await cli(["diff", "samples/liuhe-2026.xlsx", round2, "--json"])).out) as { units: { name: string; because: number[]; awardsBecause?: number[] }[] };
    expect(j.units.find((u) => u.name === "文昌街道")).toMatchObject({ because: [0, 1, 2], awardsBecause: [1, 2] });
  });

  it("names no claim of a unit its veto holds from a grade among another's causes of that grade (河西街道, held to 合格, beside 双河乡's open 优秀: a tester's find)", async () => {
    const rows = (shuanghe: string, hexi: string, shiqiao: string) => (wb: ExcelJS.Workbook): void => {
      const l = wb.getWorksheet("加扣分")!;
      l.getRow(18).values = ["石桥镇", "KF1", 6, null, null, shiqiao, null, "通报批评", "市政府通报"];
      l.getRow(19).values = ["双河乡", "JF1", null, "国家级", null, shuanghe, null, "经验推广", "国务院通报"];
      l.getRow(20).values = ["河西街道", "KF1", 5, null, null, hexi, null, "通报批评", "市政府通报"];
    };
    const before = await edited("samples/liuhe-2026.xlsx", "held-before.xlsx", rows("申报中", "申报中", "申报中"));
    const after = await edited("samples/liuhe-2026.xlsx", "held-after.xlsx", rows("已认定", "已认定", "不予认定"));
    // Before, 双河乡's grade waits on its own claim and 石桥镇's (the other with the 优秀 place), not 河西街道's.
    const explained = await cli(["explain", before, "双河乡"]);
    expect(explained.out).toMatch(/;奖惩可能因 加扣分!B18\(石桥镇 KF1\)、加扣分!B19 的认定而变\n/);
    const r = await cli(["diff", before, after]);
    const ref = (unit: string): string => /\n {2}\[(\d+)\] 加扣分 (\S+) /.exec(r.out.slice(r.out.indexOf(`] 加扣分 ${unit} `) - 6))?.[1] ?? "";
    const [shiqiao, shuanghe, hexi] = ["石桥镇", "双河乡", "河西街道"].map(ref);
    expect([shiqiao, shuanghe, hexi].every((x) => x !== "")).toBe(true);
    // 河西街道's confirmed deduction moved 双河乡's overall rank (a cause), not its awards.
    const line = r.out.split("\n").find((l) => l.startsWith("  双河乡: ")) ?? "";
    expect(line).toMatch(new RegExp(`\\(奖惩的变化因 \\[${shiqiao}\\]\\[${shuanghe}\\]\\)  因 [^\\n]*\\[${hexi}\\]`));
  });

  it("says the prize places left vacant that moved: 河西街道's veto, once at 街道组's first place, now at its second (a tester's find: read only from who lost and gained)", async () => {
    const lower = await edited("samples/liuhe-2026.xlsx", "hexi-lower.xlsx", (wb) => {
      wb.getWorksheet("加扣分")!.getRow(18).values = ["河西街道", "KF1", 5, null, null, "已认定", null, "通报批评", "市政府通报"];
    });
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", lower]);
    const at = r.out.indexOf("奖次空缺的变化:\n");
    expect(at).toBeGreaterThan(0);
    const lines = r.out.slice(at).split("\n").slice(1, 3);
    expect(lines).toEqual([expect.stringMatching(/^ {2}− 街道组排名 (\(待定\))?一等奖空缺\(街道组排名第 1 名的河西街道一票否决/), expect.stringMatching(/^ {2}\+ 街道组排名 (\(待定\))?二等奖空缺\(街道组排名第 2 名的河西街道一票否决/)]);
    // The same place, now pending (文昌街道's claims may take it past 河西街道): one line, changed, not one gone and one come.
    const claimed = await edited("samples/liuhe-2026.xlsx", "wenchang-claims.xlsx", (wb) => {
      const l = wb.getWorksheet("加扣分")!;
      l.getRow(18).values = ["文昌街道", "JF1", null, "国家级", null, "申报中", null, "经验推广", "国务院通报"];
      l.getRow(19).values = ["文昌街道", "JF2", 4, null, null, "申报中", null, "争取资金", "批文"];
    });
    const pending = await cli(["diff", "samples/liuhe-2026.xlsx", claimed]);
    const from = pending.out.indexOf("奖次空缺的变化:\n");
    expect(pending.out.slice(from).split("\n").slice(1, 3)).toEqual([expect.stringMatching(/^ {2}~ 街道组排名 \(待定\)一等奖空缺\(街道组排名第 1 名的河西街道一票否决/), expect.not.stringMatching(/^ {2}[−+~] /)]);
  });

  it("names with a (待定) mark resolved the causes that could resolve it (a 街道's own bonus passed 乡镇组 towns overall, not in 乡镇组)", async () => {
    const claim = ["青龙乡", "JF1", null, "省级", null, "申报中", null, "基层治理经验省级推广", "省通报"];
    const pending = await edited("samples/liuhe-2026.xlsx", "qinglong-pending.xlsx", (wb) => void (wb.getWorksheet("加扣分")!.getRow(18).values = claim));
    const decided = await edited("samples/liuhe-2026.xlsx", "qinglong-withdrawn.xlsx", (wb) => {
      // The claim withdrawn; 文昌街道 given a 省级 bonus (+2): it passes towns on the overall ranking.
      wb.getWorksheet("加扣分")!.getRow(18).values = ["文昌街道", "JF1", null, "省级", null, "已认定", null, "社区治理经验省级推广", "省通报"];
    });
    const r = await cli(["diff", pending, decided]);
    const cause = (unit: string, code: string): number => Number(new RegExp(`\\[(\\d+)\\] 加扣分 [^\\n]*${unit} ${code}`).exec(r.out)?.[1]);
    const [withdrawn, bonus] = [cause("青龙乡", "JF1"), cause("文昌街道", "JF1")];
    expect([withdrawn, bonus].every(Number.isInteger)).toBe(true);
    expect(r.out).toContain(`  杨柳镇: 乡镇(街道)综合排名 5(5–6) → 6(排到 文昌街道 之后);乡镇组排名 4(4–5) → 4;奖惩 (待定)名次奖:乡镇组排名二等奖(递补为第 3 名),30,000元(视待定加扣分的认定,也可能不获名次奖) → 名次奖:乡镇组排名二等奖(递补为第 3 名),30,000元(奖惩的变化因 [${withdrawn}])`);
  });

  it("leaves out of an award's causes another's claim that moves only the unit's overall rank range (河东街道's, for 青龙乡's 乡镇组 prize)", async () => {
    const claim = ["青龙乡", "JF1", null, "省级", null, "申报中", null, "基层治理经验省级推广", "省通报"];
    const before = await edited("samples/liuhe-2026.xlsx", "both-claims.xlsx", (wb) => {
      const l = wb.getWorksheet("加扣分")!;
      l.getRow(18).values = claim;
      l.getCell("F11").value = "已认定";
    });
    // 青龙乡's claim withdrawn; 河东街道's back to pending (its range then meets 青龙乡's overall).
    const after = await edited("samples/liuhe-2026.xlsx", "claims-back.xlsx", () => undefined);
    const r = await cli(["diff", before, after]);
    const cause = (unit: string): number => Number(new RegExp(`\\[(\\d+)\\] 加扣分 [^\\n]*${unit} JF1`).exec(r.out)?.[1]);
    const [own, other] = [cause("青龙乡"), cause("河东街道")];
    expect([own, other].every(Number.isInteger)).toBe(true);
    const line = r.out.split("\n").find((l) => l.startsWith("  青龙乡: ")) ?? "";
    expect(line).toContain(`(奖惩的变化因 [${own}])`);
    expect(line).toMatch(new RegExp(`因 \\[\\d\\]\\[\\d\\]$`));
  });

  it("says what a pending award may end as on its new side (a claim added put 区发展改革局's 优秀 at stake, unsaid)", async () => {
    const claimed = await edited("samples/liuhe-2026.xlsx", "claim-added.xlsx", (wb) => {
      wb.getWorksheet("加扣分")!.getRow(18).values = ["区发展改革局", "KF1", null, null, null, "申报中", null, "被市级通报批评一次", "市政府通报"];
    });
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", claimed]);
    expect(r.out).toContain("等次:优秀(并列于优秀名额线上,按方案均评为优秀:名额 1 个,共评 2 个) → (待定)等次:优秀(并列于优秀名额线上,按方案均评为优秀:名额 1 个,共评 2 个;视待定加扣分的认定,也可能为良好)  因 [1]\n");
  });

  it("says what a unit is scored against that moved where another's correction moved its points (乡镇组's best ZB3 15% → 14%: 石桥镇's JJ3 rose, unexplained)", async () => {
    const lower = await edited("samples/liuhe-2026.xlsx", "best-lower.xlsx", (wb) => {
      const ws = wb.getWorksheet("指标数据")!;
      const col = (ws.getRow(1).values as unknown[]).findIndex((v) => typeof v === "string" && v.startsWith("ZB3"));
      expect([ws.getCell(2, 1).value, ws.getCell(2, col).value]).toEqual(["柳河镇", 0.15]);
      ws.getCell(2, col).value = 0.14;
    });
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", lower]);
    expect(r.out).toContain("  石桥镇: 总分 99.03 → 99.43;经济发展 94.04 → 95.03;JJ3 固定资产投资增长 的乡镇组最优值 15% → 14%  因 [1]\n");
    expect(r.out).toContain("  杨柳镇: 总分 91.18 → 91.47;经济发展 84.28 → 85.01;JJ3 固定资产投资增长 的乡镇组最优值 15% → 14%;经济发展单项排名 7 → 6(排到 文昌街道 之前)  因 [1]\n");
    // 文昌街道 (街道组: its best unchanged) moved by those passing it alone.
    expect(r.out).toContain("  文昌街道: 经济发展单项排名 6 → 8(排到 双河乡、杨柳镇 之后)  因 [1]\n");
  });

  it("traces a unit's points by place, moved by another's veto lifted, to the change that lifted it, not that unit's other changes", async () => {
    // 白马镇: SH6 and DJ1 half a point lower, ZB5 1起 → 0起 (its SH1 veto lifted). Ranked again on
    // JJ4 (points by place in 乡镇组), it pushes the towns below it a place down: by [3] alone.
    const lifted = await edited("samples/liuhe-2026.xlsx", "veto-lifted.xlsx", (wb) => {
      wb.getWorksheet("社会治理")!.getCell("C4").value = 19.5;
      wb.getWorksheet("党的建设")!.getCell("B4").value = 29.5;
      expect(wb.getWorksheet("指标数据")!.getCell("A4").value).toBe("白马镇");
      wb.getWorksheet("指标数据")!.getCell("F4").value = 0;
      // And ZB6 2起 → 1起: the same band (70%), moving no point of anyone's.
      expect(wb.getWorksheet("指标数据")!.getCell("G4").value).toBe(2);
      wb.getWorksheet("指标数据")!.getCell("G4").value = 1;
    });
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", lifted]);
    expect(r.out).toContain("  [3] 白马镇 ZB5 较大及以上生产安全事故: 1起 → 0起  [指标数据!F4]\n");
    expect(r.out).toContain("  金山镇: 总分 72.55 → 71.95;经济发展 44.59 → 43.09;JJ4 招商引资 在乡镇组中排第 6 → 7 名  因 [3]\n");
    expect(r.out).toContain("  青龙乡: 总分 89.61 → 89.01;经济发展 88.34 → 86.84;JJ4 招商引资 在乡镇组中排第 3 → 4 名;乡镇(街道)综合排名 8(8–9) → 9(排到 河东街道 之后)  因 [3]\n");
    // Its prize place no longer passed down to 杨柳镇 by the veto lifted alone: 白马镇 was ahead either way.
    expect(r.out).toMatch(/ {2}杨柳镇: [^\n]*失去 名次奖:乡镇组排名二等奖[^\n]* {2}因 \[3\]\n/);
    // 白马镇 moved with what changed its points (not ZB6, in the same band); a unit it passed, by those.
    expect(r.out).toMatch(/ {2}白马镇: 总分 92\.21 → 95\.41;.* {2}因 \[1\]\[2\]\[3\]\n/);
    expect(r.out).toMatch(/ {2}河西街道: 乡镇\(街道\)综合排名 3\(一票否决\) → 4\(一票否决;排到 白马镇 之后\) {2}因 \[1\]\[2\]\[3\]\n/);
    // The units whose awards changed first (a veto lifted, a prize lost), then those that only moved.
    const listed = r.out.split("结果有变化的单位")[1]?.split("\n").filter((l) => l.startsWith("  ")) ?? [];
    const awarded = listed.map((l) => l.includes(";奖惩 ") || l.includes(": 奖惩 "));
    expect(awarded.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(awarded).toEqual([...awarded].sort((x, y) => Number(y) - Number(x)));
  });

  it("cites no change of a vetoed unit for a rank range that closed: its totals reach no one's rank", async () => {
    // 河口镇 (893) with a pending KF3 of 2 × 30 could fall to 833, below 龙泉镇 (855.5): ranks 10–11.
    // 北川镇, vetoed at 847, with a pending JF2 国家级: its totals met 河口镇's before and not after,
    // but it is on no ranking — only 河口镇's own claim closed its range.
    const claims = (status: string) => (wb: ExcelJS.Workbook) => {
      const l = wb.getWorksheet("加扣分")!;
      const at = l.rowCount + 1;
      l.getRow(at).values = ["河口镇", "KF3", 2, null, 30, status];
      l.getRow(at + 1).values = ["北川镇", "JF2", null, "国家级", null, status];
    };
    const before = await edited("samples/qingshan-2026.xlsx", "vetoed-pending.xlsx", claims("申报中"));
    const after = await edited("samples/qingshan-2026.xlsx", "vetoed-decided.xlsx", claims("已认定"));
    const r = await cli(["diff", before, after]);
    expect(r.out).toMatch(/\[1\] 加扣分 河口镇 KF3 越级上访 ×2 分值 30 申报中 → KF3 ×2 分值 30 已认定/);
    expect(r.out).toMatch(/\[2\] 加扣分 北川镇 JF2 经验介绍、获奖 国家级 申报中 → JF2 国家级 已认定/);
    expect(r.out).toMatch(/ {2}河口镇: 总分 893\(833–893\) → 833;综合排名 10\(10–11\) → 11.* 因 \[1\]\n/);
    expect(r.out).toMatch(/ {2}龙泉镇: 综合排名 11\(10–11\) → 10.* 因 \[1\]\n/);
    expect(r.out).toMatch(/ {2}北川镇: 总分 847\(847–857\) → 857 {2}因 \[2\]\n/);
    // A count changed from none written (1) to 2: ×1 said on the side before (KF3 → KF3 ×2 read as no count there).
    const once = await edited("samples/qingshan-2026.xlsx", "count-once.xlsx", (wb) => {
      const l = wb.getWorksheet("加扣分")!;
      l.getRow(l.rowCount + 1).values = ["河口镇", "KF3", null, null, 30, "已认定"];
    });
    expect((await cli(["diff", once, after])).out).toMatch(/加扣分 河口镇 KF3 越级上访 ×1 分值 30 已认定 → KF3 ×2 分值 30 已认定/);
  });

  it("says a pending claim decided, where it settles ranks and (待定) marks alone, and traces them to it", async () => {
    // 河东街道's JF1 (市级) is 待审核 in the sample: rejected, no number moves, but 青龙乡's and its own
    // rank ranges close (8–9 → 8), and what it could have won is gone.
    const rejected = await edited("samples/liuhe-2026.xlsx", "claim-rejected.xlsx", (wb) => void (wb.getWorksheet("加扣分")!.getCell("F11").value = "不予认定"));
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", rejected]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("  [1] 加扣分 河东街道 JF1 工作创新获上级推广 市级 待审核 → JF1 市级 不予认定  [加扣分!B11]\n");
    expect(r.out).toContain("  青龙乡: 乡镇(街道)综合排名 8(8–9) → 8  因 [1]\n");
    // What the claim could have brought its total is gone too.
    expect(r.out).toMatch(/ {2}河东街道: 总分 89\.5\(89\.5–90\.5\) → 89\.5;乡镇\(街道\)综合排名 9\(8–9\) → 9.* 因 \[1\]\n/);
    expect(r.out).not.toContain("没有单位的结果发生变化");
    // A claim refused that could have moved no rank nor award: what it could have brought is said
    // (the unit's line was empty).
    const refused = await edited("samples/qingshan-2026.xlsx", "claim-refused.xlsx", (wb) => {
      decided(wb, "不予认定");
    });
    const q = await cli(["diff", "samples/qingshan-2026.xlsx", refused]);
    expect(q.out).toContain("结果有变化的单位(1 个):\n  青石镇: 总分 954.5(954.5–964.5) → 954.5  因 [1]\n");
  });

  it("traces a last place's yellow card to the unit that left the ranking behind it", async () => {
    // 新华街道, last, vetoed (ZB1 below 95%): 龙泉镇 is last now, and its card is 新华街道's doing.
    const vetoed = await edited("samples/qingshan-2026.xlsx", "last-vetoed.xlsx", (wb) => {
      const s = wb.getWorksheet("指标数据")!;
      s.eachRow((row) => {
        if (row.getCell(1).value === "新华街道") row.getCell(2).value = 0.94;
      });
    });
    const r = await cli(["diff", "samples/qingshan-2026.xlsx", vetoed]);
    // A card is given (新增), not won (新获 read as a prize).
    expect(r.out).toMatch(/ {2}龙泉镇: 奖惩 新增 黄牌警告[^\n]*综合排名末位 {2}因 \[1\]\n/);
    // With 北川镇's veto lifted too [1] (it passes 龙泉镇): its card is both changes' doing.
    const swapped = await edited("samples/qingshan-2026.xlsx", "veto-swap.xlsx", (wb) => {
      const s = wb.getWorksheet("指标数据")!;
      expect([s.getCell("A6").value, s.getCell("A15").value]).toEqual(["北川镇", "新华街道"]);
      s.getCell("B6").value = 0.951;
      s.getCell("B15").value = 0.94;
    });
    const out = (await cli(["diff", "samples/qingshan-2026.xlsx", swapped])).out;
    expect(out).toMatch(/ {2}龙泉镇: [^\n]*综合排名末位 {2}因 \[1\]\[2\]\n/);
    // No range shown (金水街道's claim pending, its ranks said without one; brackets of words only): no note of ranges.
    expect(out).toContain("  金水街道: 综合排名 7 → 8(排到 北川镇 之后);");
    expect(out).not.toContain("括号内是");
    // A veto is lifted (解除), not lost (失去 read as a loss); the other's is new.
    expect(out).toContain("奖惩 解除 一票否决:DZ1 基本人口指标,ZB1 出生政策符合率 93.5%,低于目标 95%、解除 一票否决:JS4.1 出生政策符合率");
    expect(out).toContain("、新增 一票否决:DZ1 基本人口指标,ZB1 出生政策符合率 94%,低于目标 95%");
    expect((await cli(["diff", "samples/qingshan-2026.xlsx", swapped, "--lang", "en"])).out).toContain("Awards: lifted: one-vote veto: DZ1 基本人口指标, ZB1 出生政策符合率 93.5%, below the target 95%");
  });

  it("traces a pending claim added to the units whose ranges it opens", async () => {
    const added = await edited("samples/liuhe-2026.xlsx", "claim-added.xlsx", (wb) => {
      const l = wb.getWorksheet("加扣分")!;
      l.getRow(l.rowCount + 1).values = ["区交通运输局", "KF1", 8, null, null, "申报中"];
    });
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", added]);
    // What the brackets are is said under the list, and as the sheet's last row (a leader read 8(8–9) unexplained).
    expect(r.out.endsWith("\n括号内是加扣分尚待认定时总分或名次可能的区间\n")).toBe(true);
    // In English too, where a space sets the range off (89.5 (89.5–90.5)).
    const en = await cli(["diff", "samples/liuhe-2026.xlsx", added, "--lang", "en"]);
    expect(en.out).toMatch(/\d \(\d+(\.\d+)?–\d+(\.\d+)?\)/);
    expect(en.out.endsWith("\nIn parentheses: the range a total or a rank could end up in while claims are pending\n")).toBe(true);
    const sheet = join(dir, "claim-added-变更.xlsx");
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", added, "-o", sheet])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(sheet);
    const ws = book.worksheets[0]!;
    expect([ws.getRow(ws.rowCount).getCell(1).value, ws.getRow(ws.rowCount).getCell(4).value]).toEqual(["注", "括号内是加扣分尚待认定时总分或名次可能的区间"]);
    // Dated, as the result sheets are: the sheet's printed pages and the page (a 变更说明 handed on was undated).
    const env = { LANG: "zh_CN.UTF-8", SOURCE_DATE_EPOCH: "1788220800" };
    const dated = join(dir, "dated-变更.xlsx");
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", added, "-o", dated], env)).code).toBe(0);
    const datedBook = new ExcelJS.Workbook();
    await datedBook.xlsx.readFile(dated);
    expect(datedBook.worksheets[0]!.headerFooter.oddFooter).toBe("&L比较日期:2026年9月1日&C&A 第 &P 页,共 &N 页");
    const page = join(dir, "dated-变更.html");
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", added, "-o", page], env)).code).toBe(0);
    const printed = readFileSync(page, "utf8");
    expect(printed).toMatch(/<p class="sub">[^<]+ · <span class="dated">比较日期:2026年9月1日<\/span><\/p>/);
    // Printed: each page numbered, every page after the first headed with the title and the day
    // compared, and the list's last rows (its 注) never alone on a page of their own.
    expect(printed).toContain('@bottom-center { content: "第 " counter(page) " 页,共 " counter(pages) " 页";');
    expect(printed).toMatch(/@top-center \{ content: "柳河区2026年度变更说明\u3000比较日期:2026年9月1日";/);
    expect(printed).toContain("@page :first { @top-center { content: none; } }");
    expect(printed).toMatch(/<tbody class="last-rows">\n(<tr>.*<\/tr>\n){2}<tr><td>注<\/td>.*<\/tr>\n<\/tbody><\/table>/);
    expect(printed).toContain("tbody.last-rows { break-inside: avoid; }");
    expect(r.out).toMatch(/ {2}区交通运输局: 总分 [\d.]+ → [\d.]+\([\d.]+–[\d.]+\);区直部门排名 5 → 5\(5–6\)[^\n]* {2}因 \[1\]\n/);
    expect(r.out).toMatch(/ {2}区市场监管局: [^\n]* {2}因 \[1\]\n/);
    // A unit that moved by its own change too: the claim is cited with it, for the places it opens.
    const both = await edited("samples/liuhe-2026.xlsx", "claim-and-own.xlsx", (wb) => {
      const d = wb.getWorksheet("党的建设")!;
      expect(d.getCell("A4").value).toBe("白马镇");
      d.getCell("B4").value = 29.5;
      const l = wb.getWorksheet("加扣分")!;
      l.getRow(l.rowCount + 1).values = ["青龙乡", "JF1", null, "国家级", null, "申报中"];
    });
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", both])).out).toMatch(/ {2}白马镇: [^\n]*4\(一票否决\) → 4\(一票否决\)\(4–5\)[^\n]* {2}因 \[1\]\[2\]\n/);
  });

  it("says what the covers say differently (another year, another district) before the changes, in the JSON and the document too", async () => {
    const other = await edited("samples/liuhe-2026.xlsx", "other-cover.xlsx", (wb) => {
      wb.getWorksheet("封面")!.getCell("B5").value = "2027";
      wb.getWorksheet("封面")!.getCell("B6").value = "白云区";
    });
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", other]);
    // (Two districts named: most likely a file picked by mistake, said so.)
    expect(r.out.split("\n")[1]).toBe("两个工作簿的封面不同:考核年度 2026 → 2027;地区 柳河区 → 白云区;这是两个地区的工作簿,多半选错了文件:两地同名的单位会被当作同一单位比较");
    // The district written short (柳河 for 柳河区): the same district, no such word (it read as a file picked by mistake).
    const short = await edited("samples/liuhe-2026.xlsx", "short-district.xlsx", (wb) => {
      wb.getWorksheet("封面")!.getCell("B6").value = "柳河";
    });
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", short])).out.split("\n")[1]).toBe("两个工作簿的封面不同:地区 柳河区 → 柳河");
    const json = JSON.parse((await cli(["diff", "samples/liuhe-2026.xlsx", other, "--json"])).out) as { old: { cover: unknown }; new: { cover: unknown } };
    expect([json.old.cover, json.new.cover]).toEqual([{ district: "柳河区", year: "2026" }, { district: "白云区", year: "2027" }]);
    const html = join(dir, "other-cover.html");
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", other, "-o", html])).code).toBe(0);
    // In the page, before the table (and before a rubric's changes), as in the terminal.
    expect(readFileSync(html, "utf8")).toContain("<pre>两个工作簿的封面不同:考核年度 2026 → 2027;地区 柳河区 → 白云区;这是两个地区的工作簿,多半选错了文件:两地同名的单位会被当作同一单位比较</pre>");
    // Both years in its title (no district: they differ).
    expect(readFileSync(html, "utf8")).toContain("<h1>2026–2027年度变更说明</h1>");
    // The same year written otherwise (２０２６, 2026年度) is no difference.
    const sameYear = await edited("samples/liuhe-2026.xlsx", "same-year.xlsx", (wb) => void (wb.getWorksheet("封面")!.getCell("B5").value = "２０２６年度"));
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", sameYear])).out).not.toContain("封面");
    // Nor is it in Chinese digits, as documents write it (二〇二六年).
    const hanYear = await edited("samples/liuhe-2026.xlsx", "han-year.xlsx", (wb) => void (wb.getWorksheet("封面")!.getCell("B5").value = "二〇二六年"));
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", hanYear])).out).not.toContain("封面");
    const hanOther = await edited("samples/liuhe-2026.xlsx", "han-other.xlsx", (wb) => void (wb.getWorksheet("封面")!.getCell("B5").value = "二〇二五年"));
    // A year before the first's: the files given the wrong way round, likely (every change would read backwards).
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", hanOther])).out.split("\n")[1]).toBe("两个工作簿的封面不同:考核年度 2026 → 二〇二五年;先写的是后一年的工作簿,两个文件可能写反了(先写旧的,再写新的)");
    expect((await cli(["diff", hanOther, "samples/liuhe-2026.xlsx"])).out.split("\n")[1]).toBe("两个工作簿的封面不同:考核年度 二〇二五年 → 2026");
    // The same covers: nothing said.
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", "samples/liuhe-2026.xlsx"])).out).not.toContain("封面");
  });

  it("does not cite a value that moved none of its unit's points (34% → 35% above a 30% line)", async () => {
    const both = await edited("samples/qingshan-2026.xlsx", "no-effect.xlsx", (wb) => {
      const d = wb.getWorksheet("党政线")!;
      const m = wb.getWorksheet("指标数据")!;
      expect([d.getCell("A10").value, m.getCell("A11").value, m.getCell("E11").value]).toEqual(["桃源镇", "柳林镇", 0.34]);
      d.getCell("B10").value = 20;
      m.getCell("E11").value = 0.35;
    });
    const r = await cli(["diff", "samples/qingshan-2026.xlsx", both]);
    expect(r.out).toContain("  [1] 桃源镇 DZ2 统筹决策: 16.5 → 20  [党政线!B10]\n  [2] 柳林镇 ZB4 男性参与率: 34% → 35%  [指标数据!E11]\n");
    // 柳林镇 moved because 桃源镇 passed it, not by its own change (its points are as they were).
    expect(r.out).toContain("  柳林镇: 综合排名 8 → 9(排到 桃源镇 之后)  因 [1]\n");
    // A vetoed unit's failing value changed: its points are as they were (its gates fail either
    // way), but its veto is said with the value: that change is its cause.
    const vetoed = await edited("samples/qingshan-2026.xlsx", "veto-value.xlsx", (wb) => {
      const m = wb.getWorksheet("指标数据")!;
      expect([m.getCell("A6").value, m.getCell("B6").value]).toEqual(["北川镇", 0.935]);
      m.getCell("B6").value = 0.94;
    });
    const v = await cli(["diff", "samples/qingshan-2026.xlsx", vetoed]);
    expect(v.out).toMatch(/\n {2}北川镇: 奖惩 一票否决:DZ1 基本人口指标,ZB1 出生政策符合率 93\.5%,低于目标 95% → [^\n]* {2}因 \[1\]\n/);
  });

  it("does not cite a unit that went from level with another to behind it, where that moved no rank", async () => {
    // 西山镇 and 东湖街道 level 2nd on 党政线; 城关镇 (1st) drops below both [1], 东湖街道 drops behind 西山镇 [2].
    const fell = await edited("samples/qingshan-2026.xlsx", "tie-fall.xlsx", (wb) => {
      const s = wb.getWorksheet("党政线")!;
      expect([s.getCell("A2").value, s.getCell("A3").value]).toEqual(["城关镇", "东湖街道"]);
      s.getCell("B2").value = 14;
      s.getCell("B3").value = 18;
    });
    const r = await cli(["diff", "samples/qingshan-2026.xlsx", fell]);
    expect(r.out).toContain("  西山镇: 党政线排名 2 → 1(排到 城关镇、东湖街道 之前)  因 [1]\n");
  });

  it("says a broken --rubric's problems once, though it is read for each workbook", async () => {
    const rubric = join(dir, "broken-1.yaml");
    writeFileSync(rubric, readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("      - { name: 二等奖, ranks: [2, 3], amount: 30000 }", "      - { name: 二等奖, ranks: [1, 3], amount: 30000 }"));
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", "samples/liuhe-2026.xlsx", "--rubric", rubric]);
    expect(r.code).toBe(1);
    expect(r.err.split("\n").filter((l) => l.includes("[rubric.tiers-overlap]"))).toHaveLength(1);
  });

  it("cites another's recognition where a single-item award given to so many (count) passes to it", async () => {
    // 经济发展突出贡献奖 goes to two towns (柳河镇 省级, 石桥镇 市级); 青龙乡's 国家级 takes 石桥镇's.
    const more = await edited("samples/liuhe-2026.xlsx", "liuhe-dx1.xlsx", (wb) => {
      const l = wb.getWorksheet("加扣分")!;
      l.getRow(l.rowCount + 1).values = ["青龙乡", "DX1", null, "国家级", null, "已认定"];
    });
    const rubric = join(dir, "township-comprehensive-2026.1.yaml");
    writeFileSync(rubric, readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("        linked_item: JJ5\n", "        linked_item: JJ5\n        count: 2\n"));
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", more, "--rubric", rubric]);
    expect(r.out).toMatch(/\[1\] 加扣分 新增 青龙乡 DX1 经济发展突出贡献 国家级 已认定/);
    // Award by award: what it lost, not its whole list before and after.
    expect(r.out).toContain("  石桥镇: 奖惩 失去 单项奖:经济发展突出贡献奖(市级),20,000元  因 [1]\n");
  });

  it("lists a corrected cell and a confirmed claim, and the units they moved, as JSON too", async () => {
    const fixed = await edited("samples/qingshan-2026.xlsx", "fixed.xlsx", (wb) => {
      wb.getWorksheet("党政线")!.getCell("B3").value = 20; // 东湖街道 DZ2 19 → 20
      const l = wb.getWorksheet("加扣分")!;
      l.getCell("F7").value = "已认定"; // 青石镇's 国家级 claim confirmed
    });
    const r = await cli(["diff", "samples/qingshan-2026.xlsx", fixed]);
    expect(r.out).toContain("[1] 东湖街道 DZ2 统筹决策: 19 → 20  [党政线!B3]");
    expect(r.out).toContain("[2] 加扣分 青石镇 JF2 经验介绍、获奖 国家级 申报中 → JF2 国家级 已认定  [加扣分!B7]");
    // 东湖街道 and 西山镇 were tied second: 东湖街道 alone now, 西山镇 third.
    expect(r.out).toContain("西山镇: 综合排名 2 → 3(排到 东湖街道 之后);党政线排名 2 → 3(排到 东湖街道 之后)  因 [1]");
    const j = JSON.parse((await cli(["diff", "samples/qingshan-2026.xlsx", fixed, "--json"])).out) as {
      old: { rubric: { id: string } };
      changes: { unit: string; code: string; old: unknown; new: unknown; where: { sheet: string; cell: string } }[];
      units: { name: string; old: { total: number } | null; new: { total: number } | null; moved: boolean; because: number[] }[];
    };
    expect(j.old.rubric.id).toBe("district-popplan");
    expect(j.changes[0]).toEqual({ unit: "东湖街道", code: "DZ2", old: 19, new: 20, where: { sheet: "党政线", cell: "B3" } });
    // `because` counts the changes from 0, as JSON arrays do ([2] in words is 1 here).
    expect(j.units.find((u) => u.name === "青石镇")).toMatchObject({ old: { total: 954.5 }, new: { total: 964.5 }, moved: true, because: [1] });
    expect(j.units).toHaveLength(22); // every unit of either file, those whose results moved said so
    expect(j.units.filter((u) => u.moved).map((u) => u.name)).toEqual(["东湖街道", "西山镇", "青石镇"]);
    // A ledger row as explain --json gives it: the points typed `entered` (its `points` there are what it counted; here
    // a `points` of the typed 分值 beside explain's counted ones read as the same number).
    const row = j.changes[1]?.new as Record<string, unknown>;
    expect(row).toMatchObject({ unit: "青石镇", code: "JF2", level: "国家级", entered: null, status: "已认定", flagged: false });
    expect(row).not.toHaveProperty("points");
    const explained = JSON.parse((await cli(["explain", fixed, "青石镇", "--json"])).out) as { ledger: Record<string, unknown>[] };
    const same = explained.ledger.find((x) => x.code === "JF2");
    for (const key of ["code", "count", "level", "entered", "status", "flagged", "note", "evidence"]) expect(same?.[key], key).toEqual(row[key]);
  });

  it("says a decision's 说明 beside it (the why of a withdrawn deduction), and where a deleted row was in the earlier workbook", async () => {
    const withdrawn = await edited("samples/qingshan-2026.xlsx", "withdrawn.xlsx", (wb) => {
      const l = wb.getWorksheet("加扣分")!;
      expect([l.getCell("A9").value, l.getCell("B9").value]).toEqual(["河口镇", "KF1"]);
      l.getCell("F9").value = "不予认定";
      l.getCell("H9").value = "来函撤回通报";
      // 龙泉镇's KF4 (row 12) deleted: the rows under it move up.
      l.spliceRows(12, 1);
    });
    const r = await cli(["diff", "samples/qingshan-2026.xlsx", withdrawn]);
    expect(r.out).toMatch(/\[\d\] 加扣分 河口镇 KF1 重要工作、考核抽查中出现较大问题 已认定( 说明 “[^”]*”)? → KF1 不予认定 说明 “来函撤回通报” {2}\[加扣分!B9\]\n/);
    expect(r.out).toMatch(/\[\d\] 加扣分 删除 龙泉镇 KF4 弄虚作假,瞒报、漏报、虚报 ×2 已认定 {2}\[原表 加扣分!B12\]\n/);
  });

  it("says what changed in a ledger row where only its 说明 did (both sides read the same otherwise)", async () => {
    const noted = await edited("samples/qingshan-2026.xlsx", "noted.xlsx", (wb) => {
      wb.getWorksheet("加扣分")!.getCell("H2").value = "流动人口服务创新(已推广)";
    });
    const r = await cli(["diff", "samples/qingshan-2026.xlsx", noted]);
    expect(r.out).toContain("[1] 加扣分 城关镇 JF1 创新 已认定 说明 “流动人口“一站式”服务创新” 依据 “局务会纪要〔2026〕3号” → JF1 已认定 说明 “流动人口服务创新(已推广)” 依据 “局务会纪要〔2026〕3号”  [加扣分!B2]");
    const en = await cli(["diff", "samples/qingshan-2026.xlsx", noted, "--lang", "en"]);
    expect(en.out).toContain("note “流动人口服务创新(已推广)”");
  });

  it("traces a unit vetoed by its own change to that change alone, and never to a change of a unit on another ranking", async () => {
    const vetoed = await edited("samples/qingshan-2026.xlsx", "vetoed.xlsx", (wb) => {
      wb.getWorksheet("指标数据")!.getCell("B3").value = 0.9; // [1] 东湖街道 ZB1 96.7% → 90%: under 95%, vetoed
      wb.getWorksheet("党政线")!.getCell("B4").value = 15; // [2] 西山镇 DZ2
      wb.getWorksheet("部门")!.getCell("B2").value = 25; // [3] 区公安分局 BM1 29.5 → 25
    });
    const r = await cli(["diff", "samples/qingshan-2026.xlsx", vetoed]);
    const line = (name: string): string => r.out.split("\n").find((l) => l.trim().startsWith(`${name}:`)) ?? "";
    expect(r.out).toContain("[1] 东湖街道 ZB1");
    expect(r.out).toContain("[3] 区公安分局 BM1");
    expect(line("东湖街道")).toMatch(/因 \[1\]$/);
    expect(line("区公安分局")).toMatch(/因 \[3\]$/);
  });

  it("does not cite a unit leaving a ranking for a grade cut by a quota of the same size (2 of 11 or of 10): the unit crossed the mark itself", async () => {
    // 凤凰街道 (街道组, last) removed; 柳河镇's ZB3 15% → 10% lowers 乡镇组's best, raising 青龙乡 to 90.00,
    // past the 优秀 mark with both places taken.
    const next = await edited("samples/liuhe-2026.xlsx", "fenghuang-gone.xlsx", (wb) => {
      withoutUnits(wb, (name) => name === "凤凰街道");
      const zb3 = wb.getWorksheet("指标数据")!.getCell("D2");
      expect([wb.getWorksheet("指标数据")!.getCell("A2").value, wb.getWorksheet("指标数据")!.getCell("D1").value]).toEqual(["柳河镇", expect.stringContaining("ZB3")]);
      zb3.value = 0.1;
    });
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", next]);
    expect(r.out).toContain("  [1] 删除单位 凤凰街道\n");
    expect(r.out).toMatch(/\n {2}青龙乡: 总分 89\.61 → 90;[^\n]*因 \[2\]\n/);
  });

  it("lists a unit removed from every sheet without an empty \"奖惩 — → —\" where it had no awards", async () => {
    const without = await edited("samples/qingshan-2026.xlsx", "without.xlsx", (wb) => withoutUnits(wb, (name) => name === "桃源镇"));
    const r = await cli(["diff", "samples/qingshan-2026.xlsx", without]);
    const line = r.out.split("\n").find((l) => l.trim().startsWith("桃源镇:"));
    expect(line).toContain("总分");
    expect(line).not.toContain("— → —");
  });

  /**
   * 2026.xlsx (the sample) and 2027.xlsx under version 2026.2 of the comprehensive rubric (beside
   * them: JJ4 takes 2 a place, not 1.5), with 柳河镇's JJ5 28 → 25 and what `more` changes.
   */
  const nextVersionYear = async (more?: (wb: ExcelJS.Workbook) => void): Promise<string> => {
    writeFileSync(join(dir, "township-comprehensive-2026.2.yaml"), readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace('version: "2026.1"', 'version: "2026.2"').replace("        per_place: 1.5", "        per_place: 2"));
    copyFileSync("samples/liuhe-2026.xlsx", join(dir, "2026.xlsx"));
    return edited("samples/liuhe-2026.xlsx", "2027.xlsx", (wb) => {
      wb.getWorksheet("封面")!.getCell("B4").value = "2026.2";
      wb.getWorksheet("经济发展")!.getCell("C2").value = 25; // 柳河镇 JJ5 28 → 25
      more?.(wb);
    });
  };

  it("marks (方案也有变化) only on units the rubric's changes move: a department's own edit under a change to towns' items is its own", async () => {
    const y2027 = await nextVersionYear((wb) => {
      wb.getWorksheet("经济发展")!.getCell("C3").value = 25; // 石桥镇 JJ5
      wb.getWorksheet("区直部门")!.getCell("C7").value = 28; // 区市场监管局 BM2 27 → 28
    });
    const r = await cli(["diff", join(dir, "2026.xlsx"), y2027]);
    expect(r.code).toBe(0);
    // JJ4's points by place move 石桥镇 (second in 招商引资) too, not 柳河镇 (first: full marks
    // either way: its 3 points of JJ5 × 40% alone); nothing of the departments' changed.
    expect(r.out).toMatch(/ {2}石桥镇: 总分 99\.03 → [^\n]* {2}因 \[\d\]\(方案也有变化\)\n/);
    expect(r.out).toMatch(/ {2}柳河镇: 总分 102\.05 → 100\.85;经济发展 98 → 95 {2}因 \[\d\]\n/);
    expect(r.out).toMatch(/ {2}区市场监管局: 总分 88\.97 → 89\.97 {2}因 \[\d\]\n/);
    const j = JSON.parse((await cli(["diff", join(dir, "2026.xlsx"), y2027, "--json"])).out) as { units: { name: string; byRubric?: boolean }[] };
    expect(j.units.find((u) => u.name === "区市场监管局")?.byRubric).toBeUndefined();
    expect(j.units.find((u) => u.name === "柳河镇")?.byRubric).toBeUndefined();
    expect(j.units.find((u) => u.name === "石桥镇")?.byRubric).toBe(true);
  });

  it("says a bonus the revised rubric caps lower where the unit's line gives its move (石桥镇 加分 5 → 4: no row changed, so nothing said it)", async () => {
    const y2027 = await nextVersionYear();
    const yaml = join(dir, "township-comprehensive-2026.2.yaml");
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace("  caps:\n    - kind: bonus\n      max: 5\n", "  caps:\n    - kind: bonus\n      max: 4\n"));
    const r = await cli(["diff", join(dir, "2026.xlsx"), y2027]);
    expect(r.code).toBe(0);
    // (Its bonuses come to 7, capped at 5, now at 4; JJ4's points by place moved by 2026.2 too.)
    expect(r.out).toContain("  石桥镇: 总分 99.03 → 97.83;经济发展 94.04 → 93.54;加分 5 → 4  因方案变化\n");
    // A unit the rubric does not move keeps its line as it was (its own rows would say its bonus).
    expect(r.out).toContain("  柳河镇: 总分 102.05 → 100.85;经济发展 98 → 95  因 [1]\n");
  });

  it("lists a unit whose bonus and deduction moved alike, its total as it was (left out: nothing else of it changed)", async () => {
    const even = await edited("samples/liuhe-2026.xlsx", "even.xlsx", (wb) => {
      const ws = wb.getWorksheet("加扣分")!;
      ws.getRow(ws.rowCount + 1).values = ["金山镇", "JF2", 2, null, null, "已认定"];
      ws.getRow(ws.rowCount + 1).values = ["金山镇", "KF1", 1, null, null, "已认定"];
    });
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", even]);
    expect(r.out).toContain("结果有变化的单位(1 个):\n  金山镇: 加分 0 → 1;扣分 1 → 2  因 [1][2]\n");
    const j = JSON.parse((await cli(["diff", "samples/liuhe-2026.xlsx", even, "--json"])).out) as { units: { name: string; moved: boolean }[] };
    expect(j.units.filter((u) => u.moved).map((u) => u.name)).toEqual(["金山镇"]);
    // Its pending claim decided and a deduction added alike: the range its total had closes on it, said with both.
    const decided = await edited("samples/liuhe-2026.xlsx", "decided-even.xlsx", (wb) => {
      const ws = wb.getWorksheet("加扣分")!;
      expect([ws.getCell("A11").value, ws.getCell("F11").value]).toEqual(["河东街道", "待审核"]);
      ws.getCell("F11").value = "已认定";
      ws.getRow(ws.rowCount + 1).values = ["河东街道", "KF1", 1, null, null, "已认定"];
    });
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", decided])).out).toMatch(/\n {2}河东街道: 总分 89\.5\(89\.5–90\.5\) → 89\.5;加分 0 → 1;扣分 0 → 1;/);
  });

  it("--json gives a change to the scheme's own fields (its title) with code null, and an item's with its code", async () => {
    const y2027 = await nextVersionYear();
    const yaml = join(dir, "township-comprehensive-2026.2.yaml");
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace(/^title: .*$/m, "title: 乡镇(街道)和区直部门综合考核办法(修订)"));
    const j = JSON.parse((await cli(["diff", join(dir, "2026.xlsx"), y2027, "--json"])).out) as { rubric: { changes: { area: string; code: string | null; field?: string }[] } };
    const codes = j.rubric.changes.map((c) => c.code);
    expect(codes).toContain(null);
    expect(codes).toContain("JJ4");
    expect(codes).not.toContain("");
  });

  it("marks as the rubric's only units of the kinds its changes reach where the later workbook cannot be scored under the earlier rubric (a claim under a code it adds)", async () => {
    // 2026.2 adds JF9 (towns'), claimed by 凤凰街道: unknown to 2026.1, the later workbook is not
    // scored under it; the rubric's changes (JJ4, JF9) reach towns alone.
    const y2027 = await nextVersionYear((wb) => {
      wb.getWorksheet("区直部门")!.getCell("C7").value = 28; // 区市场监管局 BM2 27 → 28
      wb.getWorksheet("加扣分")!.addRow(["凤凰街道", "JF9", 1, null, null, "已认定"]);
    });
    const rubric = readFileSync(join(dir, "township-comprehensive-2026.2.yaml"), "utf8");
    writeFileSync(join(dir, "township-comprehensive-2026.2.yaml"), rubric.replace("    - code: KF1\n", "    - code: JF9\n      kind: bonus\n      name: 新增加分\n      points: 1\n      unit_kinds: [town]\n      text: 新增加分项目。\n    - code: KF1\n"));
    const j = JSON.parse((await cli(["diff", join(dir, "2026.xlsx"), y2027, "--json"])).out) as { units: { name: string; moved: boolean; byRubric?: boolean }[] };
    expect(j.units.find((u) => u.name === "区市场监管局")).toMatchObject({ moved: true });
    expect(j.units.find((u) => u.name === "区市场监管局")?.byRubric).toBeUndefined();
    expect(j.units.find((u) => u.name === "凤凰街道")?.byRubric).toBe(true);
  });

  it("does not cite, under two rubrics, a value that moved no points under either (石桥镇's 刑事案件万人发案率 5.5 → 6.5 起/万人, within its line of 8)", async () => {
    const y2027 = await nextVersionYear((wb) => {
      const ws = wb.getWorksheet("指标数据")!;
      const col = (ws.getRow(1).values as unknown[]).findIndex((v) => typeof v === "string" && v.startsWith("ZB8"));
      const row = [...Array(ws.rowCount).keys()].map((i) => i + 1).find((r) => ws.getCell(r, 1).value === "石桥镇")!;
      ws.getCell(row, col).value = Number(ws.getCell(row, col).value) + 1;
    });
    const r = await cli(["diff", join(dir, "2026.xlsx"), y2027]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("  [2] 石桥镇 ZB8 刑事案件万人发案率: 5.5起/万人 → 6.5起/万人  [指标数据!I3]\n");
    // 石桥镇 moved by the rubric alone (JJ4's points by place): its own change is not a cause.
    expect(r.out).toMatch(/ {2}石桥镇: 总分 99\.03 → [^\n]* {2}因方案变化\n/);
  });

  it("gives the rubric's changes in its JSON the same in either language, but for their text (a cap's code, 评定 → 比例 and 是/否 came out in English)", async () => {
    const run = async (lang: string): Promise<{ rubric: { changes: Record<string, unknown>[] } }> => JSON.parse((await cli(["diff", "samples/qingshan-2026.xlsx", "samples/liuhe-2026.xlsx", "--json", "--lang", lang])).out);
    const [zh, en] = [await run("zh-CN"), await run("en")];
    const values = (j: { rubric: { changes: Record<string, unknown>[] } }): unknown[] => j.rubric.changes.map((c) => ({ ...c, text: undefined }));
    expect(values(zh).length).toBeGreaterThan(50);
    expect(values(en)).toEqual(values(zh));
    expect(zh.rubric.changes).toContainEqual(expect.objectContaining({ kind: "added", area: "cap", code: "bonus", field: null, old: null, new: null }));
    expect(zh.rubric.changes.find((c) => c.area === "item" && c.field === "kind")).toMatchObject({ old: expect.stringMatching(/[\u4e00-\u9fff]/) });
  });

  it("compares two years under two rubric versions, and writes the 变更说明 as a sheet and a page", async () => {
    const y2027 = await nextVersionYear();
    const r = await cli(["diff", join(dir, "2026.xlsx"), y2027, "-o", join(dir, "变更说明.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("township-comprehensive 2026.1 → township-comprehensive 2026.2");
    expect(r.out).toContain("~ 项目 JJ4 招商引资 每降一名减分: 1.5 → 2");
    expect(r.out).toContain("[1] 柳河镇 JJ5 重点项目建设: 28 → 25  [经济发展!C2]");
    // A unit moved by the new version alone says so; one moved by its own change alone, that
    // (柳河镇 is first in 招商引资: full marks under either version).
    expect(r.out).toContain("石桥镇: 总分 99.03 → 98.83;经济发展 94.04 → 93.54  因方案变化");
    expect(r.out).toContain("  柳河镇: 总分 102.05 → 100.85;经济发展 98 → 95  因 [1]\n");
    // The JSON says the same: what the rubric changed, and each unit it may have moved (it had neither).
    const j = JSON.parse((await cli(["diff", join(dir, "2026.xlsx"), y2027, "--json"])).out) as {
      rubric?: { movesResults: boolean; changes: { kind: string; area: string; code: string; field?: string; old?: string; new?: string; effect: string; text: string }[] };
      units: { name: string; because: number[]; byRubric?: boolean }[];
    };
    expect(j.rubric?.movesResults).toBe(true);
    expect(j.rubric?.changes).toContainEqual(expect.objectContaining({ kind: "changed", area: "item", code: "JJ4", old: "1.5", new: "2", effect: "scores", text: "~ 项目 JJ4 招商引资 每降一名减分: 1.5 → 2  [改变得分]" }));
    // The same in English but for each change's text: its values (and a cap's code) are no words of the reader's language.
    const en = JSON.parse((await cli(["diff", join(dir, "2026.xlsx"), y2027, "--json", "--lang", "en"])).out) as typeof j;
    const valuesOf = (x: typeof j): unknown[] => (x.rubric?.changes ?? []).map((c) => ({ ...c, text: undefined }));
    expect(valuesOf(en)).toEqual(valuesOf(j));
    expect(en.rubric?.changes.every((c) => c.text.startsWith("~ ") || c.text.startsWith("+ ") || c.text.startsWith("− "))).toBe(true);
    // Every key there, null where a change has no value.
    expect(Object.keys(j.rubric?.changes[0] ?? {})).toEqual(["kind", "area", "code", "field", "old", "new", "effect", "workbook", "about", "sameName", "text"]);
    expect(j.units.find((u) => u.name === "石桥镇")).toMatchObject({ because: [], byRubric: true });
    expect(j.units.find((u) => u.name === "柳河镇")).toMatchObject({ because: [0] });
    expect(j.units.find((u) => u.name === "柳河镇")?.byRubric).toBeUndefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "变更说明.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["变更说明"]);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    // Titled as the result sheets are: the district and year of the workbooks (both of 2026 here).
    expect(rows[0]?.[0]).toBe("柳河区2026年度变更说明");
    // The two workbooks by their names, not by the folders the command was run from, and the counts the terminal gives.
    const [inputs, units] = [/输入的变化\((\d+) 处\)/.exec(r.out)?.[1], /结果有变化的单位\((\d+) 个\)/.exec(r.out)?.[1]];
    expect([inputs, units]).toEqual(["1", expect.stringMatching(/^\d+$/)]);
    // Of what assessment, both versions said (the title named none); two schemes, both named.
    const across = await cli(["diff", "samples/qingshan-2026.xlsx", "samples/liuhe-2026.xlsx", "-o", join(dir, "两个方案.html")]);
    expect(across.code).toBe(0);
    // A unit removed or added is its own change, not the scheme's too (every one read "(方案也有变化)"); one in both may be.
    const lines = (await cli(["diff", "samples/qingshan-2026.xlsx", "samples/liuhe-2026.xlsx"])).out.split("\n");
    expect(lines.find((l) => l.startsWith("  城关镇: 总分 1008 → —;"))).toMatch(/ {2}因 \[\d+\]\[\d+\]\[\d+\]$/);
    expect(lines.find((l) => l.startsWith("  柳河镇: 总分 — → 102.05;"))).toMatch(/ {2}因 (\[\d+\])+$/);
    expect(lines.find((l) => l.startsWith("  区财政局: 总分 91 → 99.5;"))).toMatch(/\(方案也有变化\)$/);
    expect(readFileSync(join(dir, "两个方案.html"), "utf8")).toContain("考核方案:完善人口计生目标管理责任制考核办法(district-popplan 2022.1) → 考核方案:乡镇(街道)和区直部门综合考核办法(township-comprehensive 2026.1)");
    expect(rows[1]?.[0]).toBe(`考核方案:乡镇(街道)和区直部门综合考核办法(township-comprehensive 2026.1 → 2026.2) · 2026.xlsx → 2027.xlsx · 输入的变化 ${inputs} 处;结果有变化的单位 ${units} 个`);
    expect(rows[2]).toEqual(["类别", "编号/原因", "单位", "变化"]);
    expect(rows.some((row) => row[0] === "输入" && row[2] === "柳河镇" && row[3] === "JJ5 重点项目建设: 28 → 25  [经济发展!C2]")).toBe(true);
    // Its causes as the terminal says them (it read [1]方案).
    expect(rows.find((row) => row[0] === "结果" && row[2] === "柳河镇")?.[1]).toBe("因 [1]");
    expect(rows.find((row) => row[0] === "结果" && row[2] === "石桥镇")?.[1]).toBe("因方案变化");
    expect((await cli(["diff", join(dir, "2026.xlsx"), y2027, "-o", join(dir, "变更说明.html")])).code).toBe(0);
    const html = readFileSync(join(dir, "变更说明.html"), "utf8");
    expect(html).toContain("<h1>柳河区2026年度变更说明</h1>");
    // Two districts' workbooks: neither district in the title (the year they share stays).
    expect((await cli(["diff", "samples/qingshan-2026.xlsx", join(dir, "2026.xlsx"), "-o", join(dir, "两区.html")])).code).toBe(0);
    expect(readFileSync(join(dir, "两区.html"), "utf8")).toContain("<h1>2026年度变更说明</h1>");
    expect(html).toContain("<td>柳河镇</td>");
    // An appeal that changed nothing says so on the page (an empty table read as cut short).
    expect((await cli(["diff", "samples/qingshan-2026.xlsx", "samples/qingshan-2026.xlsx", "-o", join(dir, "无变化.html")])).code).toBe(0);
    expect(readFileSync(join(dir, "无变化.html"), "utf8")).toContain("输入没有变化(格式、行序、工作表名称的不同不算变化);没有单位的结果发生变化 · <span class=\"dated\">");
  });

  it("says what is wrong with either file, each problem in its own file, and exits 1", async () => {
    const r = await cli(["diff", "samples/qingshan-2026.xlsx", "samples/broken/typos.xlsx"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("samples/broken/typos.xlsx: 党政线!B3: 错误");
    expect(r.err).toContain("samples/qingshan-2026.xlsx: 加扣分!F7: 警告");
  });
});

describe("assess diff: units whose awards changed first", () => {
  it("counts a (待定) prize settled and a 可能获 gone as awards changed (they were listed among the one-place moves)", async () => {
    // 青龙乡's pending 国家级 JF1 (+3), which could take it to a 乡镇组 prize, rejected.
    const claim = (status: string) => (wb: ExcelJS.Workbook) => {
      wb.getWorksheet("加扣分")!.getRow(18).values = ["青龙乡", "JF1", null, "国家级", null, status];
    };
    const before = await edited("samples/liuhe-2026.xlsx", "open-before.xlsx", claim("申报中"));
    const after = await edited("samples/liuhe-2026.xlsx", "open-after.xlsx", claim("不予认定"));
    const r = await cli(["diff", before, after]);
    const names = r.out.split("\n").filter((l) => /^ {2}\S+: /.test(l)).map((l) => l.trim().split(":")[0]);
    // 白马镇 (a rank range closing, its awards as they were) after the three whose awards moved; then in the workbook's order.
    expect(names).toEqual(["青龙乡", "杨柳镇", "双河乡", "白马镇", "文昌街道"]);
  });
});

describe("assess diff: who a unit now stands behind or ahead of", () => {
  it("names them with a rank that moved, three at most, the rest counted; and in the JSON (why did it drop from 1st to 7th?)", async () => {
    // 城关镇's four 党政线 items cleared: first to seventh overall, eleventh on 党政线.
    const dropped = await edited("samples/qingshan-2026.xlsx", "dropped.xlsx", (wb) => {
      const ws = wb.getWorksheet("党政线")!;
      expect(ws.getCell("A2").value).toBe("城关镇");
      for (const c of ["B2", "C2", "D2", "E2"]) ws.getCell(c).value = 0;
    });
    const r = await cli(["diff", "samples/qingshan-2026.xlsx", dropped]);
    const line = (name: string): string => r.out.split("\n").find((l) => l.startsWith(`  ${name}:`)) ?? "";
    expect(line("城关镇")).toContain("综合排名 1 → 7(6–7;排到 东湖街道、西山镇、青石镇 等 6 个单位 之后);党政线排名 1 → 11(排到 东湖街道、西山镇、青石镇 等 10 个单位 之后)");
    expect(line("东湖街道")).toContain("综合排名 2 → 1(排到 城关镇 之前)");
    const en = await cli(["diff", "samples/qingshan-2026.xlsx", dropped, "--lang", "en"]);
    expect(en.out).toContain("综合排名: 1 → 7 (6–7; now behind 东湖街道, 西山镇, 青石镇 and others, 6 in all)");
    const json = JSON.parse((await cli(["diff", "samples/qingshan-2026.xlsx", dropped, "--json"])).out) as { units: { name: string; passing?: Record<string, { behind: string[]; ahead: string[] }> }[] };
    const passing = json.units.find((u) => u.name === "城关镇")?.passing;
    expect(passing?.overall?.ahead).toEqual([]);
    // In their order now (东湖街道 and 西山镇 tied first).
    expect(passing?.overall?.behind.slice(2)).toEqual(["青石镇", "南岭镇", "白沙街道", "金水街道"]);
    expect(passing?.overall?.behind.slice(0, 2).sort()).toEqual(["东湖街道", "西山镇"]);
    expect(json.units.find((u) => u.name === "东湖街道")?.passing?.overall).toEqual({ behind: [], ahead: ["城关镇"], level: [] });
    // Now level with units it was behind: level, not ahead (a tester's find: 青石镇 4 → 2 was "排到 东湖街道、西山镇 之前").
    const level = await edited("samples/qingshan-2026.xlsx", "level.xlsx", (wb) => {
      // Its pending JF2 (+10) confirmed and JS5.2 43 → 50: 954.5 to 971.5, level with both.
      const ws = wb.getWorksheet("人口计生线")!;
      expect([ws.getCell("A8").value, ws.getCell("T8").value]).toEqual(["青石镇", 43]);
      ws.getCell("T8").value = 50;
      decided(wb, "已认定");
    });
    const l = await cli(["diff", "samples/qingshan-2026.xlsx", level]);
    expect(l.out).toContain("综合排名 4 → 2(与 东湖街道、西山镇 并列)");
    // A unit whose rank did not move names nobody.
    expect(json.units.filter((u) => u.passing && !u.passing.overall && !u.passing.DZ)).toEqual([]);
  });
});

describe("assess diff: a unit renamed", () => {
  /** Every cell naming `from` names `to` instead. */
  const rename = (from: string, to: string) => (wb: ExcelJS.Workbook) => {
    for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => void (c.value === from && (c.value = to))));
  };

  it("marks (待定) what pending claims could change of a unit added or removed, and what they could bring it, as the sheets do", async () => {
    // 河东街道's own 待审核 claim at 省级 (+2) could win it 街道组's 二等奖: its line said nothing of it once renamed.
    const provincial = (wb: ExcelJS.Workbook): void => {
      const cell = wb.getWorksheet("加扣分")?.getCell("D11");
      expect(cell?.value).toBe("市级");
      if (cell) cell.value = "省级";
    };
    const before = await edited("samples/liuhe-2026.xlsx", "pending.xlsx", provincial);
    const next = await edited("samples/liuhe-2026.xlsx", "renamed-pending.xlsx", (wb) => {
      provincial(wb);
      rename("河东街道", "河东路街道")(wb);
    });
    const r = await cli(["diff", before, next]);
    expect(r.out).toMatch(/\n {2}河东街道: 总分 89\.5\(89\.5–91\.5\) → —;.*;奖惩 等次:良好、\(待定\)可能获街道组排名二等奖 → — {2}因 \[1\]\n/);
    expect(r.out).toMatch(/\n {2}河东路街道: .*;奖惩 — → 等次:良好、\(待定\)可能获街道组排名二等奖\(如是 河东街道 改名:结果不变\) {2}因 \[2\]\n/);
  });

  it("names each grade's ranking where the unit's kind is graded on several (its two 良好 read as one said twice)", async () => {
    // The groups graded as the whole is: 青龙乡 holds a grade on 乡镇(街道)综合排名 and on 乡镇组排名.
    const yaml = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const grades = yaml.slice(yaml.indexOf("    grades:\n"), yaml.indexOf("    yellow_card:\n"));
    const at = yaml.indexOf("    tiers:\n", yaml.indexOf("    group: rural\n"));
    const rubric = join(scratchDir("assess-diff-graded-"), "graded-groups.yaml");
    writeFileSync(rubric, yaml.slice(0, at) + grades + yaml.slice(at));
    const next = await edited("samples/liuhe-2026.xlsx", "renamed-graded.xlsx", rename("青龙乡", "青龙镇"));
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", next, "--rubric", rubric]);
    expect(r.out).toContain(";奖惩 乡镇(街道)综合排名等次:良好、乡镇组排名等次:良好 → —  因 [1]\n");
  });

  it("says that a unit added entered exactly what the unit removed entered (撤镇设街道), in words and in the JSON", async () => {
    const next = await edited("samples/qingshan-2026.xlsx", "renamed.xlsx", rename("青石镇", "青石街道"));
    const r = await cli(["diff", "samples/qingshan-2026.xlsx", next]);
    expect(r.code).toBe(0);
    // Its ledger rows, unchanged, are compared under its old name: no change of theirs is listed.
    expect(r.out).toContain("输入的变化(2 处):\n  [1] 删除单位 青石镇\n  [2] 新增单位 青石街道(所填各项与删除的 青石镇 完全相同,是否改名?)\n");
    // The parts of a line apart from the awards within one: ; between parts, 、 between awards.
    expect(r.out).toContain("  青石镇: 总分 954.5(954.5–964.5) → —;综合排名 4 → —;党政线排名 4 → —;人口计生线排名 4 → —;奖惩 名次奖:三等奖、单项奖:全员人口信息化建设单项奖(市级),3,000元 → —  因 [1]\n");
    // The unit added, compared with the one it most likely is: renamed, nothing else changed.
    expect(r.out).toContain("(如是 青石镇 改名:结果不变)  因 [2]\n");
    expect(r.out).toContain("  青石街道: 总分 — → 954.5(954.5–964.5);");
    const en = await cli(["diff", "samples/qingshan-2026.xlsx", next, "--lang", "en"]);
    expect(en.out).toContain("  青石镇: Total: 954.5 (954.5–964.5) → —; 综合排名: 4 → —; 党政线排名: 4 → —; 人口计生线排名: 4 → —; Awards: rank prize: 三等奖 · single-item award: 全员人口信息化建设单项奖 (市级), 3,000 yuan → —  because of [1]\n");
    const json = JSON.parse((await cli(["diff", "samples/qingshan-2026.xlsx", next, "--json"])).out) as { changes: { unit: string; like?: string }[] };
    expect(json.changes.filter((c) => c.like !== undefined)).toEqual([expect.objectContaining({ unit: "青石街道", like: "青石镇" })]);
  });

  it("cites the rename's own ledger change for the units it passed: a row deleted under its old name (柳林镇's KF2, −15) moved 桃源镇, which said no cause", async () => {
    const next = await edited("samples/qingshan-2026.xlsx", "renamed-row-deleted.xlsx", (wb) => {
      const ledger = wb.getWorksheet("加扣分")!;
      expect([ledger.getCell("A10").value, ledger.getCell("B10").value]).toEqual(["柳林镇", "KF2"]);
      ledger.spliceRows(10, 1);
      rename("柳林镇", "柳林街道")(wb);
    });
    const r = await cli(["diff", "samples/qingshan-2026.xlsx", next]);
    expect(r.out).toContain("  [3] 加扣分 删除 柳林镇 KF2 执法不当引发恶性事件、行政诉讼 已认定  [原表 加扣分!B10]\n");
    expect(r.out).toContain("  桃源镇: 综合排名 8 → 9(排到 柳林街道 之后)  因 [3]\n");
    expect(r.out).toContain("(如是 柳林镇 改名:总分 911 → 926;综合排名 8 → 8(7–8))  因 [2][3]\n");
  });

  it("says so too where a value or two changed with the name, naming them", async () => {
    const changed = await edited("samples/qingshan-2026.xlsx", "renamed-and-changed.xlsx", (wb) => {
      rename("青石镇", "青石街道")(wb);
      wb.getWorksheet("党政线")!.eachRow((row) => void (row.getCell(1).value === "青石街道" && (row.getCell(2).value = 20)));
    });
    const r = await cli(["diff", "samples/qingshan-2026.xlsx", changed]);
    expect(r.out).toContain("  [2] 新增单位 青石街道(所填各项除 DZ2 19.5 → 20 外与删除的 青石镇 相同,是否改名?)\n");
    // What the rename with its one change did: the half point more.
    expect(r.out).toContain("(如是 青石镇 改名:总分 954.5(954.5–964.5) → 955(955–965);党政线 358 → 358.5)  因 [2]\n");
    const json = JSON.parse((await cli(["diff", "samples/qingshan-2026.xlsx", changed, "--json"])).out) as { changes: { unit: string; like?: string; likeExcept?: string[] }[] };
    expect(json.changes.find((c) => c.like !== undefined)).toMatchObject({ unit: "青石街道", like: "青石镇", likeExcept: ["DZ2"] });
  });

  it("says nothing of the kind where many values differ, or where two units removed could each be either added", async () => {
    // 青石镇 gone, 新村镇 come with another town's figures (城关镇's, every judged item different).
    const other = await edited("samples/qingshan-2026.xlsx", "other-town.xlsx", (wb) => {
      for (const name of ["党政线", "人口计生线", "指标数据"]) {
        const ws = wb.getWorksheet(name)!;
        let from: ExcelJS.Row | undefined;
        let to: ExcelJS.Row | undefined;
        ws.eachRow((row) => {
          if (row.getCell(1).value === "城关镇") from = row;
          if (row.getCell(1).value === "青石镇") to = row;
        });
        from!.eachCell((c, col) => void (to!.getCell(col).value = col === 1 ? "新村镇" : c.value));
      }
      wb.getWorksheet("加扣分")!.eachRow((row) => void (row.getCell(1).value === "青石镇" && (row.getCell(1).value = "新村镇")));
    });
    // 西山镇 entered on every sheet what 东湖街道 entered: both renamed, each could be either.
    const twins = await edited("samples/qingshan-2026.xlsx", "twins-renamed.xlsx", (wb) => {
      rename("西山镇", "西山街道")(wb);
      rename("东湖街道", "东湖镇")(wb);
    });
    for (const [b, added] of [[other, "新村镇"], [twins, "西山街道"]] as const) {
      const r = await cli(["diff", "samples/qingshan-2026.xlsx", b]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`\\] 新增单位 ${added}\\n`));
      expect(r.out).not.toContain("改名");
    }
  });
});

describe("assess diff: a unit moved to another group", () => {
  it("lists the move as a change, and traces to it the units it moved by being scored against their group", async () => {
    // 金山镇 joins 街道组 (its 分组 cell, B8, is where the change is said): its points by place (招商引资, JJ4) are taken among the 街道 now, and
    // 河东街道's fall with one more unit in its group, 凤凰街道's rank too.
    const next = await edited("samples/liuhe-2026.xlsx", "regrouped.xlsx", (wb) => void (wb.getWorksheet("经济发展")!.getCell("B8").value = "街道组"));
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", next]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("输入的变化(1 处):\n  [1] 金山镇 分组:乡镇组 → 街道组  [经济发展!B8]\n");
    expect(r.out).toContain("  河东街道: 总分 89.5(89.5–90.5) → 88.9(88.9–89.9);经济发展 84 → 82.5;JJ4 招商引资 在街道组中排第 2 → 3 名  因 [1]\n");
    expect(r.out).toMatch(/ {2}金山镇: 总分 72\.55 → 74\.95;.*因 \[1\]\n/);
    const json = JSON.parse((await cli(["diff", "samples/liuhe-2026.xlsx", next, "--json"])).out) as { changes: unknown[] };
    expect(json.changes).toEqual([{ unit: "金山镇", code: null, old: { group: "rural" }, new: { group: "urban" }, where: { sheet: "经济发展", cell: "B8" } }]);
  });

  it("says a group where it was read: beside the name where that sheet has the 分组 column, else at the name", () => {
    const sub = (groupColumns?: Map<string, string>): Submission => ({ file: "x.xlsx", sha256: "", cover: {}, units: [], values: new MapValues(), ledger: [], ...(groupColumns ? { groupColumns } : {}) });
    const unit = { name: "金山镇", kind: "town", group: "rural", at: { sheet: "经济发展", cell: "A12" } };
    expect(groupCellOf(sub(new Map([["经济发展", "C"]])), unit)).toEqual({ sheet: "经济发展", cell: "C12" });
    expect(groupCellOf(sub(new Map([["社会治理", "B"]])), unit)).toEqual(unit.at);
    expect(groupCellOf(sub(), unit)).toEqual(unit.at);
  });

  it("traces a unit's move to the changes that moved the unit that passed it, its group's included", async () => {
    // [1] 柳河镇's investment growth falls (ZB3 15% → 12%): 乡镇组's best is lower, and 青龙乡's
    // JJ3 (ratio to the best) rises; [2] 青龙乡's SH6 19 → 20; [3] 文昌街道's JJ5 30 → 28.
    // 青龙乡 passes 文昌街道, by [1] as much as by [2]: both are causes of 文昌街道's fall.
    const next = await edited("samples/liuhe-2026.xlsx", "passed.xlsx", (wb) => {
      wb.getWorksheet("指标数据")!.getCell("D2").value = 0.12;
      wb.getWorksheet("社会治理")!.getCell("C5").value = 20;
      wb.getWorksheet("经济发展")!.getCell("C11").value = 28;
    });
    const j = JSON.parse((await cli(["diff", "samples/liuhe-2026.xlsx", next, "--json"])).out) as { changes: { unit: string; code: string }[]; units: { name: string; moved: boolean; because: number[]; old: { rank: Record<string, number> }; new: { rank: Record<string, number> } }[] };
    expect(j.changes.map((c) => `${c.unit} ${c.code}`)).toEqual(["柳河镇 ZB3", "青龙乡 SH6", "文昌街道 JJ5"]);
    const unit = (name: string) => j.units.find((u) => u.name === name)!;
    expect([unit("青龙乡").old.rank.towns, unit("青龙乡").new.rank.towns, unit("文昌街道").old.rank.towns, unit("文昌街道").new.rank.towns]).toEqual([8, 7, 7, 8]);
    // Each rank moved by all three: its own, the other's, and what moved the other.
    expect(unit("青龙乡").because).toEqual([0, 1, 2]);
    expect(unit("文昌街道").because).toEqual([0, 1, 2]);
    // The 变更说明 sheet shows the whole list: its causes column is as wide as "[1][2][3]" needs.
    const out = join(dir, "passed-changes.xlsx");
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", next, "-o", out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual("[1][2][3]".length + 2);
  });

  it("traces to the group's best unit the points every other unit of its group lost against it", async () => {
    // 柳河镇 sets 乡镇组's best 固定资产投资增长 (ZB3, 15%): at 30%, every other town's JJ3 halves.
    const next = await edited("samples/liuhe-2026.xlsx", "best-higher.xlsx", (wb) => void (wb.getWorksheet("指标数据")!.getCell("D2").value = 0.3));
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", next]);
    expect(r.out).toContain("  [1] 柳河镇 ZB3 固定资产投资增长率: 15% → 30%  [指标数据!D2]\n");
    expect(r.out).toMatch(/ {2}石桥镇: 总分 [\d.]+ → [\d.]+.* 因 \[1\]\n/);
  });

  it("says where a unit renamed was regrouped too (撤镇设街道), and traces its group's moves to it", async () => {
    const next = await edited("samples/liuhe-2026.xlsx", "town-to-street.xlsx", (wb) => {
      for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => void (c.value === "金山镇" && (c.value = "金山街道"))));
      wb.getWorksheet("经济发展")!.getCell("B8").value = "街道组";
    });
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", next, "--lang", "en"]);
    expect(r.out).toContain("  [2] unit added: 金山街道 (every value the same as the removed 金山镇 had, its group 乡镇组 → 街道组: renamed?)\n");
    expect(r.out).toContain("  河东街道: Total: 89.5 (89.5–90.5) → 88.9 (88.9–89.9); 经济发展: 84 → 82.5; JJ4 招商引资: place in 街道组 2 → 3  because of [2]\n");
  });

  it("cites a unit renamed and regrouped for the ranks it moved: it left one group and joined another (a rename with the same values moves nobody only in the same group)", async () => {
    // 青龙乡 → 青龙街道 in 街道组: 石桥镇 and 白马镇, passed on 经济发展单项排名 by its new group's JJ, were said moved by nothing.
    const next = await edited("samples/liuhe-2026.xlsx", "qinglong-to-street.xlsx", (wb) => {
      for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => void (c.value === "青龙乡" && (c.value = "青龙街道"))));
      const group = wb.getWorksheet("经济发展")!.getCell("B5");
      expect(group.value).toBe("乡镇组");
      group.value = "街道组";
    });
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", next]);
    expect(r.out).toContain("  石桥镇: 经济发展单项排名 3 → 4(排到 青龙街道 之后)  因 [2]\n");
    const lines = r.out.split("\n").filter((l) => / {2}[^ :]+: /.test(l) && !l.startsWith("  青龙"));
    // Every unit moved is moved by the regroup: none is left without a cause.
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/ {2}因 (\[1\])?\[2\]$/);
  });
});

describe("assess diff: a unit scored against its group", () => {
  it("is moved by a veto lifted in its group (the unit joins the places it is scored by), and says so", async () => {
    // 白马镇's 较大事故 1起 → 0起: no longer vetoed, it takes a place in 乡镇组 on 招商引资 (JJ4,
    // points by place, vetoed units left out), and the towns behind it lose 1.5 × 40% each.
    const lifted = await edited("samples/liuhe-2026.xlsx", "lifted.xlsx", (wb) => {
      wb.getWorksheet("指标数据")!.getCell("F4").value = 0;
    });
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", lifted]);
    expect(r.out).toContain("  [1] 白马镇 ZB5 较大及以上生产安全事故: 1起 → 0起  [指标数据!F4]\n");
    expect(r.out).toContain("  金山镇: 总分 72.55 → 71.95;经济发展 44.59 → 43.09;JJ4 招商引资 在乡镇组中排第 6 → 7 名  因 [1]\n");
    expect(r.out).toContain("  青龙乡: 总分 89.61 → 89.01;经济发展 88.34 → 86.84;JJ4 招商引资 在乡镇组中排第 3 → 4 名;乡镇(街道)综合排名 8(8–9) → 9(排到 河东街道 之后)  因 [1]\n");
  });
});

describe("assess diff: a rank that stays where its range closes", () => {
  it("cites the changes of the unit that passed it and of the one that fell behind it (the latter kept it 8th, and was left out)", async () => {
    // [1][2] 河东街道 (9th, 8–9 with its claim) rises to 7th; [3] 文昌街道 (7th) falls to 9th: 青龙乡
    // stays 8th, its range 8–9 closed. Without [3] it would end 9th.
    const next = await edited("samples/liuhe-2026.xlsx", "range-closed.xlsx", (wb) => {
      wb.getWorksheet("社会治理")!.getCell("C9").value = 20;
      const l = wb.getWorksheet("加扣分")!;
      l.getCell("F11").value = "已认定";
      const n = l.rowCount + 1;
      l.getCell(`A${n}`).value = "文昌街道";
      l.getCell(`B${n}`).value = "KF1";
      l.getCell(`C${n}`).value = 1;
      l.getCell(`F${n}`).value = "已认定";
    });
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", next]);
    expect(r.out).toContain("  [3] 加扣分 新增 文昌街道 KF1 被上级通报批评 已认定  [加扣分!B32]\n");
    expect(r.out).toContain("  青龙乡: 乡镇(街道)综合排名 8(8–9) → 8  因 [1][2][3]\n");
  });
});

describe("assess diff: awards compared one by one", () => {
  it("names the prize won and the prize lost, and not a grade whose note on its quota alone changed", async () => {
    // [1] 文昌街道 DJ1 29 → 28, [2] 河东街道's claim confirmed: 河东 passes 文昌 for 街道组's 二等奖;
    // 河东's 良好 now reaches the 优秀 line (its note on the full quota), a grade the same all the same.
    const next = await edited("samples/liuhe-2026.xlsx", "swap.xlsx", (wb) => {
      wb.getWorksheet("党的建设")!.getCell("B11").value = 28;
      wb.getWorksheet("加扣分")!.getCell("F11").value = "已认定";
    });
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", next]);
    expect(r.out).toContain("  河东街道: 总分 89.5(89.5–90.5) → 90.5;乡镇(街道)综合排名 9(8–9) → 7(排到 文昌街道、青龙乡 之前);街道组排名 3 → 2(排到 文昌街道 之前);奖惩 新获 名次奖:街道组排名二等奖,30,000元  因 [1][2]\n");
    expect(r.out).toContain(";奖惩 失去 名次奖:街道组排名二等奖,30,000元  因 [1][2]\n");
    // An award claims still pending could change is marked so, as its result marks it: 文昌街道's
    // 二等奖 while 河东街道's claim at 省级 is pending.
    const pending = await edited("samples/liuhe-2026.xlsx", "pending-base.xlsx", (wb) => {
      wb.getWorksheet("加扣分")!.getCell("D11").value = "省级";
    });
    const lowered = await edited(pending, "pending-next.xlsx", (wb) => {
      wb.getWorksheet("党的建设")!.getCell("B11").value = 24;
    });
    expect((await cli(["diff", pending, lowered])).out).toContain(";奖惩 失去 (待定)名次奖:街道组排名二等奖,30,000元  因 [1]\n");
    // What a unit may still come to, gone with its claim rejected or back with it pending: its old
    // and new ("失去 (待定)可能获…" read as an award lost; "→ —" as nothing said).
    // (An award lost is said as it was held, (待定) kept, without what it might have ended as then.)
    const rejected = await edited(pending, "pending-rejected.xlsx", (wb) => {
      wb.getWorksheet("加扣分")!.getCell("F11").value = "不予认定";
    });
    expect((await cli(["diff", pending, rejected])).out).toContain(";奖惩 (待定)可能获街道组排名二等奖 → 未获  因 [1]\n");
    expect((await cli(["diff", rejected, pending])).out).toContain(";奖惩 — → (待定)可能获街道组排名二等奖  因 [1]\n");
    expect((await cli(["diff", pending, rejected], { LANG: "en_US.UTF-8" })).out).toContain("; Awards: (pending) may win 二等奖 in 街道组排名 → not won  because of [1]\n");
    // A prize of one ranking moving to another tier is one award changed, not one lost and one won.
    const lower = await edited("samples/qingshan-2026.xlsx", "dong.xlsx", (wb) => {
      wb.getWorksheet("党政线")!.getCell("B3").value = 1; // 东湖街道 DZ2 19 → 1
    });
    expect((await cli(["diff", "samples/qingshan-2026.xlsx", lower])).out).toMatch(/ {2}东湖街道: 总分 971\.5 → 953\.5;.*;奖惩 名次奖:二等奖 → 名次奖:三等奖 {2}因 \[1\]\n/);
    const en = await cli(["diff", "samples/liuhe-2026.xlsx", next, "--lang", "en"]);
    expect(en.out).toMatch(/ {2}河东街道: .*; Awards: gains .*街道组.* {2}because of \[1\]\[2\]\n/);
  });
});

describe("assess diff: a veto lifted on a unit that keeps its rank", () => {
  it("is cited for the units whose passed prize it takes back, and for no unit whose awards it left alone", async () => {
    // [1] 白马镇's veto lifted: 乡镇组's 二等奖 it held out of goes back to it from 双河乡 and 杨柳镇.
    // [2] 凤凰街道's own JJ5: it moves by that alone, behind 白马镇 with the same awards.
    const both = await edited("samples/liuhe-2026.xlsx", "lift-and-own.xlsx", (wb) => {
      wb.getWorksheet("指标数据")!.getCell("F4").value = 0;
      const c = wb.getWorksheet("经济发展")!.getCell("C12");
      expect(c.value).toBe(8);
      c.value = 10;
    });
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", both]);
    expect(r.out).toContain("  [2] 凤凰街道 JJ5 重点项目建设: 8 → 10  [经济发展!C12]\n");
    expect(r.out).toContain("  双河乡: 总分 91.18 → 90.58;经济发展 84.28 → 82.78;JJ4 招商引资 在乡镇组中排第 4 → 5 名;经济发展单项排名 7 → 8(排到 河东街道 之后);奖惩 失去 名次奖:乡镇组排名二等奖(递补为第 3 名),30,000元  因 [1]\n");
    expect(r.out).toContain("  凤凰街道: 总分 50.55 → 51.35;经济发展 46.24 → 48.24  因 [2]\n");
  });
});

describe("assess diff: several changes at once", () => {
  it("cites for a unit passed on a ranking by a line only the other's changes that line reads, and none where its rank and awards there stayed", async () => {
    // [3] 河西街道's veto lifted (it rejoins 街道组's 固定资产投资 best and places: 经济发展 moves for
    // 文昌街道 and 凤凰街道); the others change their own 社会治理 or 党的建设 alone.
    const many = await edited("samples/liuhe-2026.xlsx", "many.xlsx", (wb) => {
      const set = (sheet: string, cell: string, from: number, to: number): void => {
        const c = wb.getWorksheet(sheet)!.getCell(cell);
        expect(c.value).toBe(from);
        c.value = to;
      };
      set("党的建设", "B6", 28, 29);
      set("党的建设", "C8", 25.5, 29);
      set("指标数据", "J10", 1, 0);
      set("社会治理", "D11", 20, 19);
      set("社会治理", "C12", 9, 15);
    });
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", many]);
    const line = (name: string): string => r.out.split("\n").find((l) => l.startsWith(`  ${name}:`)) ?? "";
    expect(line("金山镇")).toMatch(/经济发展单项排名 11 → 10\(排到 凤凰街道 之前\) {2}因 \[2\]\[3\]$/);
    expect(line("凤凰街道")).toMatch(/经济发展单项排名 10 → 11\(排到 金山镇 之后\) {2}因 \[3\]\[5\]$/);
    expect(line("文昌街道")).toMatch(/ {2}因 \[3\]\[4\]$/);
  });

  it("lists no unit whose grade stayed (only the note on its quota's tie went), and so none without a cause", async () => {
    // 区财政局 39 of 40 on BM1: no longer tied first for the one 优秀 place.
    const one = await edited("samples/liuhe-2026.xlsx", "caizheng.xlsx", (wb) => {
      const c = wb.getWorksheet("区直部门")!.getCell("B3");
      expect(c.value).toBe(40);
      c.value = 39;
    });
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", one]);
    expect(r.out).toContain("结果有变化的单位(1 个):\n  区财政局: ");
  });

  it("traces no move to a rename that entered the same values, to a unit's ledger that came to the same, or to the group a unit left", async () => {
    // [1]/[2] 杨柳镇 renamed 杨柳街道 everywhere, [3] 文昌街道's SH7 20 → 10.
    const renamed = await edited("samples/liuhe-2026.xlsx", "renamed.xlsx", (wb) => {
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void (c.value === "杨柳镇" && (c.value = "杨柳街道")))));
      wb.getWorksheet("社会治理")!.getCell("D11").value = 10;
    });
    const r1 = await cli(["diff", "samples/liuhe-2026.xlsx", renamed]);
    expect(r1.out).toContain("  [2] 新增单位 杨柳街道(所填各项与删除的 杨柳镇 完全相同,是否改名?)\n");
    for (const unit of ["青龙乡", "河东街道", "文昌街道"]) expect(r1.out.split("\n").find((l) => l.startsWith(`  ${unit}:`))).toMatch(/ {2}因 \[3\]$/);
    // [1] 城关镇's DZ2, [2] its JF1 row B2 rejected: B3, the same code, counts in its place.
    const ledger = await edited("samples/qingshan-2026.xlsx", "jf1.xlsx", (wb) => {
      wb.getWorksheet("党政线")!.getCell("B2").value = 18;
      const status = wb.getWorksheet("加扣分")!.getCell("F2");
      expect(status.value).toBe("已认定");
      status.value = "不予认定";
    });
    expect((await cli(["diff", "samples/qingshan-2026.xlsx", ledger])).out).toContain("  城关镇: 总分 1008 → 1006.5;党政线 367 → 365.5  因 [1]\n");
    // [1] 白马镇's veto lifted in 乡镇组, [2] 金山镇 moved to 街道组: 金山镇 moved by its own move alone.
    const moved = await edited("samples/liuhe-2026.xlsx", "moved.xlsx", (wb) => {
      wb.getWorksheet("指标数据")!.getCell("F4").value = 0;
      const g = wb.getWorksheet("经济发展")!.getCell("B8");
      expect(g.value).toBe("乡镇组");
      g.value = "街道组";
    });
    const r3 = await cli(["diff", "samples/liuhe-2026.xlsx", moved]);
    expect(r3.out.split("\n").find((l) => l.startsWith("  金山镇:"))).toMatch(/ {2}因 \[2\]$/);
    // The towns whose JJ4 place 白马镇 took back are moved by [1] alone: 金山镇 left 乡镇组 from
    // behind them (a tester's find: it was cited for their places, and for 杨柳镇's prize).
    for (const unit of ["杨柳镇", "双河乡", "青龙乡"]) expect(r3.out.split("\n").find((l) => l.startsWith(`  ${unit}:`))).toMatch(/JJ4 招商引资 在乡镇组中排第 \d → \d 名.* {2}因 \[1\]$/);
    // [1]/[2] 桃源镇 renamed 桃源街道, [3] 金水街道's JS1.1 38 → 30: its possible totals (a pending
    // KF3) come to reach 桃源街道's 911 by its own change, not by the rename.
    const reached = await edited("samples/qingshan-2026.xlsx", "reached.xlsx", (wb) => {
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void (c.value === "桃源镇" && (c.value = "桃源街道")))));
      const js = wb.getWorksheet("人口计生线")!.getCell("B12");
      expect(js.value).toBe(38);
      js.value = 30;
    });
    const r4 = await cli(["diff", "samples/qingshan-2026.xlsx", reached]);
    expect(r4.out).toContain("  [2] 新增单位 桃源街道(所填各项与删除的 桃源镇 完全相同,是否改名?)\n");
    expect(r4.out.split("\n").find((l) => l.startsWith("  金水街道:"))).toMatch(/(909\.5–929\.5)[^\n]* {2}因 \[3\]$/);
  });

  it("cites nothing of two units that passed a unit one way and the other, its rank the same", async () => {
    // [1] 金水街道 vetoed (it falls behind 龙泉镇), [2] 石门镇's veto lifted (it rises ahead of it):
    // 龙泉镇 stays 11th; its total moves by its own [3] alone.
    const swapped = await edited("samples/qingshan-2026.xlsx", "swapped.xlsx", (wb) => {
      const rates = wb.getWorksheet("指标数据")!;
      rates.getCell("B12").value = 0.94;
      rates.getCell("C13").value = 0.99;
      const c = wb.getWorksheet("人口计生线")!.getCell("B14");
      expect(c.value).toBe(37.5);
      c.value = 36.5;
    });
    const r = await cli(["diff", "samples/qingshan-2026.xlsx", swapped]);
    expect(r.out).toContain("  [3] 龙泉镇 JS1.1 婚育文明“五级联创”: 37.5 → 36.5  [人口计生线!B14]\n");
    expect(r.out).toContain("  龙泉镇: 总分 855.5 → 854.5;人口计生线 546.5 → 545.5  因 [3]\n");
  });
});

describe("assess diff under a revised rubric", () => {
  it("names none of another's changes as moving a unit the revision alone moved (石门镇's edit was named for 龙泉镇, passed by 石门镇 as its veto now keeps it ranked)", async () => {
    const folder = join(dir, "veto-kept");
    mkdirSync(folder, { recursive: true });
    const district = readFileSync("rubric/district-popplan-2022.1.yaml", "utf8").replace('version: "2022.1"', 'version: "2022.2"').replace("            text: 统计合格率为", "            veto:\n              ranked: true\n              place: empty\n            text: 统计合格率为");
    writeFileSync(join(folder, "district-popplan-2022.2.yaml"), district);
    const next = await editedCopy(folder, "samples/qingshan-2026.xlsx", "qingshan-2027.xlsx", (wb) => {
      wb.getWorksheet("封面")!.getCell("B4").value = "2022.2";
      const s = wb.getWorksheet("党政线")!;
      expect([s.getCell("A13").value, s.getCell("B13").value]).toEqual(["石门镇", 16.5]);
      s.getCell("B13").value = 15.5;
    });
    const r = await cli(["diff", "samples/qingshan-2026.xlsx", next]);
    expect(r.out).toContain("  [1] 石门镇 DZ2 统筹决策: 16.5 → 15.5  [党政线!B13]\n");
    expect(r.out).toContain("  石门镇: 总分 885.5 → 884.5;党政线 338 → 337;综合排名 一票否决 → 11(一票否决);");
    // Passed by 石门镇 under the revision whatever its edit: the revision's doing alone.
    expect(r.out).toContain("  龙泉镇: 综合排名 11 → 12(排到 石门镇 之后);党政线排名 11 → 12(排到 石门镇 之后);人口计生线排名 11 → 12(排到 石门镇 之后)  因方案变化\n");
    // --rubric read for both: last year's workbook, its cover naming 2022.1, said scored under 2022.2 (it went without a word).
    const both = await cli(["diff", "samples/qingshan-2026.xlsx", next, "--rubric", join(folder, "district-popplan-2022.2.yaml")]);
    expect(both.err).toBe("samples/qingshan-2026.xlsx: 封面!B4: 警告: 封面写的方案是 district-popplan 2022.1,但本次使用 district-popplan 2022.2 [workbook.cover-rubric-mismatch]\n");
    // With --json too, on stderr (the document on stdout as it was).
    const json = await cli(["diff", "samples/qingshan-2026.xlsx", next, "--rubric", join(folder, "district-popplan-2022.2.yaml"), "--json"]);
    expect([json.err, typeof JSON.parse(json.out)]).toEqual([both.err, "object"]);
  });
});

describe("assess diff --json: prize places left empty", () => {
  it("gives each side's, where they differ, as the text's 奖次空缺的变化 says them (the JSON had none)", async () => {
    const doc = JSON.parse((await cli(["diff", "samples/liuhe-2026.xlsx", "test/fixtures/year-on-year/liuhe-2027.xlsx", "--json"])).out) as { vacancies?: unknown };
    expect(doc.vacancies).toEqual({
      old: [{ ranking: "街道组排名", tier: "一等奖", places: [1], why: "vetoed", units: ["河西街道"], rank: 1 }],
      new: [{ ranking: "乡镇组排名", tier: "二等奖", places: [3], why: "vetoed", units: ["白马镇"], rank: 3, pending: true }],
    });
    // None where they are the same.
    expect(JSON.parse((await cli(["diff", "samples/liuhe-2026.xlsx", "samples/liuhe-2026.xlsx", "--json"])).out)).not.toHaveProperty("vacancies");
  });
});

describe("assess diff: a version not found", () => {
  it("asks for the file beside that workbook, not --rubric (read for both, it scored last year's under this year's version)", async () => {
    mkdirSync(join(dir, "lone"), { recursive: true });
    const next = await editedCopy(join(dir, "lone"), "samples/qingshan-2026.xlsx", "qingshan-2027.xlsx", (wb) => {
      const cover = wb.getWorksheet("封面")!;
      expect(cover.getCell("A4").value).toBe("方案版本");
      cover.getCell("B4").value = "2027.1";
    });
    const r = await cli(["diff", "samples/qingshan-2026.xlsx", next]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${next}: 封面!B4: 错误: 封面写的是方案 district-popplan 的 2027.1 版,这里只有 2022.1 版;如确是 2027.1 版,请把方案文件 district-popplan-2027.1.yaml 放在这份工作簿旁边(diff 的 --rubric 对两份工作簿都适用,只在两份用的是同一版本时可用);如是版本号填错,请改为所用的版本号(这里有 2022.1) [rubric.version-not-found-diff]\n`);
    // Score, where --rubric serves, says it as before.
    expect((await cli(["validate", next])).err).toContain("放在工作簿旁边,或用 --rubric 指定;如是版本号填错 [rubric.version-not-found]".replace(";如是版本号填错 ", ";如是版本号填错,请改为所用的版本号(这里有 2022.1) "));
  });
});

describe("assess rubric diff: a veto's effect", () => {
  const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace('version: "2026.1"', 'version: "2026.2"');
  it("moves awards alone where the vetoed unit stays ranked, and the ranks where it leaves the ranking", async () => {
    const empty = join(dir, "veto-empty.yaml");
    writeFileSync(empty, text.replace("          grade: 不合格\n          place: passed\n", "          grade: 不合格\n          place: empty\n"));
    const unranked = join(dir, "veto-unranked.yaml");
    writeFileSync(unranked, text.replace("          ranked: true\n          grade: 不合格\n          place: passed\n", "          ranked: false\n"));
    expect((await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", empty])).out).toContain("~ 项目 SH1 安全生产底线 否决效果: 否决后仍排名、不得获奖;直接定为不合格;其名次奖依次递补 → 否决后仍排名、不得获奖;直接定为不合格;其名次奖空缺  [改变奖惩]\n");
    expect((await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", unranked])).out).toContain("~ 项目 SH1 安全生产底线 否决效果: 否决后仍排名、不得获奖;直接定为不合格;其名次奖依次递补 → 否决后不参加排名  [改变排名]\n");
    // The block taken out: the veto then does what it does by default, said so; written out, the same is no change.
    const dropped = join(dir, "veto-dropped.yaml");
    writeFileSync(dropped, text.replace("        veto:\n          ranked: true\n          grade: 不合格\n          place: passed\n", ""));
    expect((await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", dropped])).out).toContain("~ 项目 SH1 安全生产底线 否决效果: 否决后仍排名、不得获奖;直接定为不合格;其名次奖依次递补 → 否决后不参加排名  [改变排名]\n");
    expect((await cli(["rubric", "diff", unranked, dropped])).out).not.toContain("否决效果");
  });

  it("--on says the prize place a veto now leaves empty, and a vetoed unit now ranked as vetoed (read as its veto lifted, a tester's find)", async () => {
    const empty = join(dir, "veto-on", "township-comprehensive-2026.2.yaml");
    mkdirSync(dirname(empty), { recursive: true });
    writeFileSync(empty, text.replace("          grade: 不合格\n          place: passed\n", "          grade: 不合格\n          place: empty\n"));
    const r = await cli(["rubric", "diff", "township-comprehensive", empty, "--on", "samples/liuhe-2026.xlsx"]);
    expect(r.out).toContain("  杨柳镇: 奖惩 失去 名次奖:乡镇组排名二等奖(递补为第 3 名),30,000元\n");
    expect(r.out).toContain("\n  奖次空缺的变化:\n    + 乡镇组排名 二等奖第 3 名空缺(乡镇组排名第 3 名的白马镇一票否决,不得获奖,奖次空缺)\n  奖金合计 210,000 元 → 150,000 元(−60,000 元)\n");
    // The district's 统计合格率 veto now keeps 石门镇 ranked: said vetoed at its rank, and named by those it passed.
    const ranked = join(dir, "veto-on", "district-popplan-2022.2.yaml");
    const district = readFileSync("rubric/district-popplan-2022.1.yaml", "utf8").replace('version: "2022.1"', 'version: "2022.2"').replace("            text: 统计合格率为", "            veto:\n              ranked: true\n              place: empty\n            text: 统计合格率为");
    expect(district).toContain("              place: empty\n            text: 统计合格率为");
    writeFileSync(ranked, district);
    const d = await cli(["rubric", "diff", "district-popplan-2022.1", ranked, "--on", "samples/qingshan-2026.xlsx"]);
    expect(d.out).toContain("  石门镇: 综合排名 一票否决 → 11(一票否决);党政线排名 一票否决 → 11(一票否决);人口计生线排名 一票否决 → 11(一票否决)\n");
    expect(d.out).toContain("  龙泉镇: 综合排名 11 → 12(排到 石门镇 之后);");
  });

  it("--on says a place empty under both versions not at all, where the revision empties the tier's other place (it read as filled, and the tier as empty twice)", async () => {
    const empty = join(dir, "veto-on-2", "township-comprehensive-2026.2.yaml");
    mkdirSync(dirname(empty), { recursive: true });
    writeFileSync(empty, text.replace("          grade: 不合格\n          place: passed\n", "          grade: 不合格\n          place: empty\n"));
    // 柳河镇 vetoed by DJ4 (its place kept empty under both): 乡镇组's 二等奖 place 2.
    const both = await edited("samples/liuhe-2026.xlsx", "liuhe-dj4.xlsx", (wb) => {
      const s = wb.getWorksheet("指标数据")!;
      const col = (s.getRow(1).values as unknown[]).findIndex((v) => typeof v === "string" && v.startsWith("ZB9"));
      expect([col > 0, s.getCell(2, 1).value]).toEqual([true, "柳河镇"]);
      s.getCell(2, col).value = 1;
    });
    const r = await cli(["rubric", "diff", "township-comprehensive", empty, "--on", both]);
    expect(r.out).toContain("\n  奖次空缺的变化:\n    + 乡镇组排名 二等奖第 3 名空缺(乡镇组排名第 3 名的白马镇一票否决,不得获奖,奖次空缺)\n  奖金合计");
  });
});

describe("assess rubric diff --on: a revision that moves a line's block alone", () => {
  it("lists no unit as changed (every town was listed, with nothing said of it: its lines' points keyed in another order)", async () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace('version: "2026.1"', 'version: "2026.2"');
    const dj = text.slice(text.indexOf("  - code: DJ\n"), text.indexOf("  - code: BM\n"));
    const moved = join(dir, "moved", "township-comprehensive-2026.2.yaml");
    mkdirSync(dirname(moved), { recursive: true });
    writeFileSync(moved, text.replace(dj, "").replace("  - code: SH\n", `${dj}  - code: SH\n`));
    const r = await cli(["rubric", "diff", "township-comprehensive", moved, "--on", "samples/liuhe-2026.xlsx"]);
    expect(r.out).toContain("~ 单位类型 乡镇(街道) 考核线的顺序: JJ 经济发展 > SH 社会治理 > DJ 党的建设 → JJ 经济发展 > DJ 党的建设 > SH 社会治理  [只改排列顺序]\n");
    expect(r.out).toContain("结果有变化的单位:\n  没有单位的总分、名次或奖惩发生变化\n");
  });
});

describe("assess rubric diff of two schemes alike", () => {
  it("says their content is the same, not two versions (it said so after saying they are two schemes, a docs reader's find)", async () => {
    const text = readFileSync("rubric/district-popplan-2022.1.yaml", "utf8");
    const mine = join(dir, "my-scheme-2026.1.yaml");
    writeFileSync(mine, text.replace("id: district-popplan", "id: my-scheme").replace('version: "2022.1"', 'version: "2026.1"'));
    expect(readFileSync(mine, "utf8")).toContain("id: my-scheme\n");
    const r = await cli(["rubric", "diff", "district-popplan-2022.1", mine]);
    expect(r.out.split("\n").slice(0, 3)).toEqual(["district-popplan 2022.1 → my-scheme 2026.1", expect.stringContaining("两个不同的方案"), "两个方案的内容没有差别"]);
    expect((await cli(["rubric", "diff", "district-popplan-2022.1", "district-popplan-2022.1"])).out).toContain("两个版本没有差别\n");
    // Scored under both: "under the two schemes", not versions (a re-tester's find).
    expect((await cli(["rubric", "diff", "district-popplan-2022.1", mine, "--on", "samples/qingshan-2026.xlsx"])).out).toContain("\n按两个方案分别计分 samples/qingshan-2026.xlsx,结果有变化的单位:\n");
  });
});

describe("assess rubric diff --on", () => {
  it("refuses a rubric given as the workbook, saying --on takes the workbook (it offered --rubric, no option of rubric diff)", async () => {
    const r = await cli(["rubric", "diff", "district-popplan-2022.1", "district-popplan-2022.1", "--on", "rubric/district-popplan-2022.1.yaml"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("rubric/district-popplan-2022.1.yaml: 错误: 这是考核方案文件(YAML),不是工作簿;--on 后面请给出要按两个版本分别计分的 .xlsx 工作簿(两个版本的方案写在它前面) [xlsx.rubric-file-on]\n");
    expect(r.err).not.toContain("--rubric");
    // Nor said to have errors: it is a valid rubric.
    expect(r.err).not.toContain("有错误");
    // A workbook where the newer version goes (it and --on swapped): the order to write them in, not "mend its errors".
    const swapped = await cli(["rubric", "diff", "district-popplan-2022.1", "samples/qingshan-2026.xlsx", "--on", "rubric/district-popplan-2022.1.yaml"]);
    expect(swapped.err.trim().split("\n").at(-1)).toBe("两个版本未作比较:samples/qingshan-2026.xlsx 是工作簿;rubric diff 先写旧版方案、再写新版方案,要按两版分别计分的工作簿写在 --on 后面(assess rubric diff 旧版.yaml 新版.yaml --on 工作簿.xlsx)");
    // A bundled rubric's name given there: said as that (it was "file not found").
    const named = await cli(["rubric", "diff", "district-popplan-2022.1", "district-popplan-2022.1", "--on", "township-comprehensive"]);
    expect([named.code, named.err]).toEqual([1, "township-comprehensive: 错误: “township-comprehensive” 是方案的名称,不是工作簿;--on 后面请给出要按两个版本分别计分的 .xlsx 工作簿(两个版本的方案写在它前面) [rubric.diff-on-rubric-name]\n"]);
  });

  it("says no problem as new to the revision that both versions find, located in each version's own file (a quota's warning)", async () => {
    // Both versions give 区直部门排名 10% of its 6 departments (no place), said at the quota in each file.
    const base = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("{ name: 优秀, from: 90, quota: 30% }", "{ name: 优秀, from: 90, quota: 10% }");
    expect(base).toContain("quota: 10% }");
    const one = join(dir, "quota-a", "township-comprehensive-2026.1.yaml");
    const two = join(dir, "quota-b", "township-comprehensive-2026.2.yaml");
    mkdirSync(dirname(one), { recursive: true });
    mkdirSync(dirname(two), { recursive: true });
    writeFileSync(one, base);
    writeFileSync(two, base.replace('version: "2026.1"', 'version: "2026.2"').replace(/^title: (.*)$/m, "title: $1(修订)"));
    const r = await cli(["rubric", "diff", one, two, "--on", "samples/liuhe-2026.xlsx"]);
    expect(r.code).toBe(0);
    // (Said by validate; here, what the revision says anew alone: not this, found under both.)
    expect((await cli(["validate", "samples/liuhe-2026.xlsx", "--rubric", two])).err).toContain("[workbook.quota-share-none]");
    expect(r.err).not.toContain("[workbook.quota-share-none]");
  });

  it("compares a workbook's results where the revision drops the ledger whole, or adds one: the claims scored under the version with codes, passed over under the other (every claim was an error, nothing compared)", async () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const without = text
      .replace('version: "2026.1"', 'version: "2026.2"')
      .replace(/\nledger:\n[\s\S]*?\nlevel_order: \[[^\]]*\]\n/, "\n")
      .replace(/\n {4}single:\n(?: {6}.*\n)+/, "\n");
    expect(without).not.toContain("ledger:");
    const next = join(dir, "no-ledger", "township-comprehensive-2026.2.yaml");
    mkdirSync(dirname(next), { recursive: true });
    writeFileSync(next, without);
    const r = await cli(["rubric", "diff", "township-comprehensive", next, "--on", "samples/liuhe-2026.xlsx"]);
    expect(r.err).not.toContain("ledger-no-codes");
    expect(r.code).toBe(0);
    // 柳河镇's 3.5 of bonuses (JF1 省级 2, JF2 3 × 0.5) go: 102.05 → 98.55, its single-item award with the code.
    expect(r.out).toContain("  柳河镇: 总分 102.05 → 98.55;加分 3.5 → 0;奖惩 失去 单项奖:经济发展突出贡献奖(省级),20,000元\n");
    // And the other way: the ledger added.
    const back = await cli(["rubric", "diff", next, "township-comprehensive", "--on", "samples/liuhe-2026.xlsx"]);
    expect(back.err).not.toContain("ledger-no-codes");
    expect(back.out).toContain("  柳河镇: 总分 98.55 → 102.05;加分 0 → 3.5;");
  });

  it("scores one workbook under both versions and lists whose results change", async () => {
    const next = join(dir, "v2.yaml");
    writeFileSync(next, readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace('version: "2026.1"', 'version: "2026.2"').replace("        per_place: 1.5", "        per_place: 2"));
    const r = await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", next, "--on", "samples/liuhe-2026.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("~ 项目 JJ4 招商引资 每降一名减分: 1.5 → 2  [改变得分]");
    // 招商引资 loses 2 (not 1.5) a place: 石桥镇, 2nd in 乡镇组 on it, loses 0.5 more of JJ (40%): 0.2.
    // 柳河镇, first there, keeps the full 15.
    expect(r.out).toContain("  石桥镇: 总分 99.03 → 98.83;经济发展 94.04 → 93.54\n");
    expect(r.out).not.toContain("柳河镇:");
  });

  it("says the prize money in all where the revision moves it (a tier's amount): a leader's first question", async () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const next = join(dir, "v2-prize.yaml");
    const raised = text.replace('version: "2026.1"', 'version: "2026.2"').replace(/(name: 乡镇组排名[\s\S]*?一等奖[^\n]*?amount: )50000/, "$160000");
    expect(raised).not.toBe(text.replace('version: "2026.1"', 'version: "2026.2"'));
    writeFileSync(next, raised);
    const r = await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", next, "--on", "samples/liuhe-2026.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("  柳河镇: 奖惩 名次奖:乡镇组排名一等奖,50,000元 → 名次奖:乡镇组排名一等奖,60,000元\n  奖金合计 210,000 元 → 220,000 元(+10,000 元)\n");
    // An award lost beside one changed: the change first, the loss after it (失去 X;Y → Z read as both lost).
    const mixed = join(dir, "v2-prize-and-single.yaml");
    const tiers = "    tie_breakers: [DJ, JJ]\n    tiers:\n      - { name: 一等奖, ranks: [1, 1], amount: 50000 }\n      - { name: 二等奖, ranks: [2, 3], amount: 30000 }\n  - id: urban\n";
    expect(text).toContain(tiers);
    writeFileSync(mixed, text.replace('version: "2026.1"', 'version: "2026.2"').replace(tiers, "    tie_breakers: [DJ, JJ]\n  - id: urban\n").replace("        amount: 20000\n        linked_item: JJ5\n", "        amount: 25000\n        linked_item: JJ5\n"));
    const both = await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", mixed, "--on", "samples/liuhe-2026.xlsx"]);
    expect(both.out).toContain("  柳河镇: 奖惩 单项奖:经济发展突出贡献奖(省级),20,000元 → 单项奖:经济发展突出贡献奖(省级),25,000元;失去 名次奖:乡镇组排名一等奖,50,000元\n");
    // A revision that moves no money says none (an item's points by place: 石桥镇 moves, no prize does).
    const other = join(dir, "v2-no-money.yaml");
    writeFileSync(other, text.replace('version: "2026.1"', 'version: "2026.2"').replace("        per_place: 1.5", "        per_place: 2"));
    const same = await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", other, "--on", "samples/liuhe-2026.xlsx"]);
    expect(same.code).toBe(0);
    expect(same.out).toContain("  石桥镇: 总分 99.03 → 98.83");
    expect(same.out).not.toContain("奖金合计");
  });

  it("reads a 分组 column filled with either version's name of a group the revision renamed (乡镇组 → 镇乡组), under both", async () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const group = "        name: 乡镇组\n        labels: [乡镇, 镇, 乡]\n";
    expect(text).toContain(group);
    const next = join(dir, "v2-group-renamed.yaml");
    writeFileSync(next, text.replace('version: "2026.1"', 'version: "2026.2"').replace(group, "        name: 镇乡组\n        labels: [乡镇, 镇, 乡]\n"));
    // The sample as filled (乡镇组), and a copy filled as the revision names it (镇乡组).
    let renamed = 0;
    const copy = await edited("samples/liuhe-2026.xlsx", "group-renamed.xlsx", (wb) => {
      wb.eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((c) => {
            if (c.value === "乡镇组") {
              c.value = "镇乡组";
              renamed++;
            }
          }),
        ),
      );
    });
    expect(renamed).toBeGreaterThan(3);
    for (const file of ["samples/liuhe-2026.xlsx", copy]) {
      const r = await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", next, "--on", file]);
      expect(r.err).not.toContain("[workbook.unknown-group");
      expect(r.code).toBe(0);
      expect(r.out).toContain("没有单位的总分、名次或奖惩发生变化");
      // Filled with the old name: said once, at its first cell, that the new version alone refuses it
      // (nothing said it: the office adopted the revision, and the month's workbook did not score).
      const said = r.err.split("\n").filter((l) => l.includes("[workbook.group-other-version]"));
      expect(said).toEqual(file === copy ? [] : ["samples/liuhe-2026.xlsx (2026.2): 经济发展!B2: 警告: 柳河镇 分组 “乡镇组” 是另一版本方案中的名称,本版本中为 “镇乡组”,这里按 镇乡组 读取;按本版本计分前,请把分组列中的 “乡镇组” 改为 “镇乡组”(否则会被判为无效的分组) [workbook.group-other-version]"]);
    }
    // Under one version alone, the other's name is still not a group of it.
    expect((await cli(["validate", copy, "--rubric", "rubric/township-comprehensive-2026.1.yaml"])).err).toContain("[workbook.unknown-group");
  });

  it("scores a claim under a bonus code the revision added under the new version, and passes it over under the old (it was an error there, and nothing compared)", async () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const at = text.indexOf("    - code: JF2\n");
    expect(at).toBeGreaterThan(0);
    const next = join(dir, "v2-new-code.yaml");
    writeFileSync(next, text.replace('version: "2026.1"', 'version: "2026.2"').slice(0, at) + "    - { code: JF3, kind: bonus, name: 招商引资重大项目落地, points: 0.5, cap: 1, unit_kinds: [town] }\n" + text.replace('version: "2026.1"', 'version: "2026.2"').slice(at));
    // A copy of the district with a claim under it: 文昌街道, 3 of 0.5, capped at 1.
    const copy = await edited("samples/liuhe-2026.xlsx", "new-code-claim.xlsx", (wb) => {
      const l = wb.getWorksheet("加扣分")!;
      l.getRow(l.rowCount + 1).values = ["文昌街道", "JF3", 3, null, null, "已认定"];
    });
    const r = await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", next, "--on", copy]);
    expect(r.code).toBe(0);
    expect(r.err).not.toContain("JF3");
    expect(r.out).toMatch(/ {2}文昌街道: 总分 90\.51 → 91\.51;加分 0 → 1/);
    // And the other way round (the code retired): counted under the older, passed over under the newer.
    const back = await cli(["rubric", "diff", next, "rubric/township-comprehensive-2026.1.yaml", "--on", copy]);
    expect(back.code).toBe(0);
    expect(back.out).toMatch(/ {2}文昌街道: 总分 91\.51 → 90\.51;加分 1 → 0/);
  });

  it("says why a grade's quota raised moved no one on the workbook (a tie at the cut, or too few at its line): \"no unit's results change\" read as the edit not taken", async () => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace('version: "2026.1"', 'version: "2026.2"');
    const next = join(dir, "v2-quotas.yaml");
    writeFileSync(next, text.replace("- { name: 优秀, from: 90, quota: 20% }", "- { name: 优秀, from: 90, quota: 30% }").replace("- { name: 优秀, from: 90, quota: 1 }", "- { name: 优秀, from: 90, quota: 2 }"));
    const r = await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", next, "--on", "samples/liuhe-2026.xlsx"]);
    expect(r.code).toBe(0);
    // 双河乡 and 杨柳镇, level at 91.18 for the third place (ties: none); one enterprise alone reaches 90.
    expect(r.out).toContain("  没有单位的总分、名次或奖惩发生变化\n");
    expect(r.out).toContain("  乡镇(街道)综合排名的优秀名额 2 → 3 个,本工作簿中获优秀的仍为 2 个:名额线上的单位分数并列,按方案并列者均不评为优秀,余下的名额空出\n");
    expect(r.out).toContain("  区属国有企业排名的优秀名额 1 → 2 个,本工作簿中获优秀的仍为 1 个:达到优秀分数线、未被一票否决的单位只有 1 个\n");
    // Lowered back (3 → 2): none taken away, as the third place was left empty by that tie — not
    // "the units tied at the old cut all took the places added" (a tester's quota cut from 20% to 15%).
    const lowered = await cli(["rubric", "diff", next, "rubric/township-comprehensive-2026.1.yaml", "--on", "samples/liuhe-2026.xlsx"]);
    expect(lowered.out).toContain("  乡镇(街道)综合排名的优秀名额 3 → 2 个,本工作簿中获优秀的仍为 2 个:原名额线上的单位分数并列,按方案并列者均不评为优秀,原名额本就没有用满\n");
    expect(lowered.out).toContain("  区属国有企业排名的优秀名额 2 → 1 个,本工作簿中获优秀的仍为 1 个:达到优秀分数线、未被一票否决的单位只有 1 个\n");
    expect(lowered.out).not.toContain("新增的名额");
    // The departments' 30% → 40% (1 → 2 places): 区财政局 and 区发展改革局, tied at the old cut, both 优秀
    // already (ties: all) — not "too few reach the line" (five do).
    const filled = join(dir, "v2-filled.yaml");
    writeFileSync(filled, text.replace("- { name: 优秀, from: 90, quota: 30% }", "- { name: 优秀, from: 90, quota: 40% }"));
    expect((await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", filled, "--on", "samples/liuhe-2026.xlsx"])).out).toContain(
      "  区直部门排名的优秀名额 1 → 2 个,本工作簿中获优秀的仍为 2 个:原名额线上并列的单位按方案均评为优秀,新增的名额已被占用\n",
    );
    // The towns' line at 93, 20% → 30%: the third to reach it is 河西街道, held below 优秀 by its veto — no tie (it said one).
    const at93 = (share: string): string => text.replace("- { name: 优秀, from: 90, quota: 20% }", `- { name: 优秀, from: 93, quota: ${share} }`);
    const [v93a, v93b] = [join(dir, "v93a.yaml"), join(dir, "v93b.yaml")];
    writeFileSync(v93a, at93("20%").replace('version: "2026.2"', 'version: "2026.3"'));
    writeFileSync(v93b, at93("30%").replace('version: "2026.2"', 'version: "2026.4"'));
    expect((await cli(["rubric", "diff", v93a, v93b, "--on", "samples/liuhe-2026.xlsx"])).out).toContain(
      "  乡镇(街道)综合排名的优秀名额 2 → 3 个,本工作簿中获优秀的仍为 2 个:达到优秀分数线、未被一票否决的单位只有 2 个\n",
    );
  });

  it("names a prize's amount where a revision changes only that (the unit's line said nothing)", async () => {
    const next = join(dir, "v2-amount.yaml");
    writeFileSync(next, readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace('version: "2026.1"', 'version: "2026.2"').replace("{ name: 二等奖, ranks: [2, 3], amount: 30000 }", "{ name: 二等奖, ranks: [2, 3], amount: 35000 }"));
    const r = await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", next, "--on", "samples/liuhe-2026.xlsx"]);
    expect(r.code).toBe(0);
    // The tier that changed, not the whole list twice.
    expect(r.out).toContain("~ 排名 乡镇组排名 名次奖: 二等奖 第 2–3 名,30,000 元 → 二等奖 第 2–3 名,35,000 元  [改变奖惩]\n");
    // The one award that changed, not the unit's whole list twice.
    expect(r.out).toContain("  杨柳镇: 奖惩 名次奖:乡镇组排名二等奖(递补为第 3 名),30,000元 → 名次奖:乡镇组排名二等奖(递补为第 3 名),35,000元\n");
    // Named by its ranking: the scheme gives prizes on two (乡镇组, 街道组). 柳河镇 holds the 一等奖, whose amount stays.
    expect(r.out).not.toContain("柳河镇:");
  });

  it("parts two awards' old → new by ; (joined by 、 they read as one chain)", async () => {
    const next = join(dir, "v2-two-awards.yaml");
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace('version: "2026.1"', 'version: "2026.2"');
    writeFileSync(next, text.replaceAll("{ name: 一等奖, ranks: [1, 1], amount: 50000 }", "{ name: 一等奖, ranks: [1, 1], amount: 60000 }").replaceAll("name: 优秀,", "name: 优秀等次,"));
    const r = await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", next, "--on", "samples/liuhe-2026.xlsx"]);
    expect(r.out).toContain("  柳河镇: 奖惩 等次:优秀 → 等次:优秀等次;名次奖:乡镇组排名一等奖,50,000元 → 名次奖:乡镇组排名一等奖,60,000元\n");
  });

  it("does not write over an earlier 变更说明 workbook saved since by another program (a note typed in it) without --force", async () => {
    const out = join(dir, "变更说明-批注.xlsx");
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", "samples/liuhe-2026.xlsx", "-o", out])).code).toBe(0);
    // As written: replaced.
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", "samples/liuhe-2026.xlsx", "-o", out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    wb.worksheets[0]!.getCell("A40").value = "审核:张三";
    await wb.xlsx.writeFile(out);
    const before = readFileSync(out);
    const refused = await cli(["diff", "samples/liuhe-2026.xlsx", "samples/liuhe-2026.xlsx", "-o", out]);
    expect([refused.code, refused.err.trim().split("\n").at(-1)]).toEqual([2, `${out}: 错误: 文件已存在,是以前写出的变更说明,但之后又被 Excel、WPS 等程序保存过,可能有手工修改(批注、签字),覆盖会丢失它们,未写入;请换个文件名(-o),或确认不需要其中的修改后加 --force 覆盖 [file.changes-saved-since]`]);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", "samples/liuhe-2026.xlsx", "-o", out, "--force"])).code).toBe(0);
  });

  it("does not write over an earlier 变更说明 page edited since (a signature typed in) without --force, as a workbook saved since is not", async () => {
    const out = join(dir, "变更说明-签字.html");
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", "samples/liuhe-2026.xlsx", "-o", out])).code).toBe(0);
    // As written: replaced, sealed afresh.
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", "samples/liuhe-2026.xlsx", "-o", out])).code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/<meta name="assess-seal" content="[0-9a-f]{64}">/);
    // Copied through Windows (CRLF, a byte-order mark, no last line end): the page as written.
    writeFileSync(out, `\uFEFF${readFileSync(out, "utf8").replace(/\n/g, "\r\n").trimEnd()}`);
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", "samples/liuhe-2026.xlsx", "-o", out])).code).toBe(0);
    writeFileSync(out, readFileSync(out, "utf8").replace("</body>", "<p>已核对 李四</p></body>"));
    const before = readFileSync(out);
    const refused = await cli(["diff", "samples/liuhe-2026.xlsx", "samples/liuhe-2026.xlsx", "-o", out]);
    expect([refused.code, refused.err.trim().split("\n").at(-1)]).toEqual([2, `${out}: 错误: 文件已存在,是以前写出的变更说明(网页),但之后又被修改过(如加了签字、批注),覆盖会丢失这些修改,未写入;请换个文件名(-o),或确认不需要其中的修改后加 --force 覆盖 [file.changes-page-edited]`]);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", "samples/liuhe-2026.xlsx", "-o", out, "--force"])).code).toBe(0);
    // A page of an earlier version (no seal) is replaced as before.
    writeFileSync(out, readFileSync(out, "utf8").replace(/<meta name="assess-seal" content="[0-9a-f]{64}">\n/, "").replace("</body>", "<p>旧页</p></body>"));
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", "samples/liuhe-2026.xlsx", "-o", out])).code).toBe(0);
  });

  it("does not write over another district's 变更说明 named by a slip of -o without --force, page or workbook (it was replaced, another district's list lost)", async () => {
    for (const ext of ["html", "xlsx"]) {
      const out = join(dir, `变更说明-他区.${ext}`);
      expect((await cli(["diff", "samples/qingshan-2026.xlsx", "samples/qingshan-2026.xlsx", "-o", out])).code).toBe(0);
      const before = readFileSync(out);
      const refused = await cli(["diff", "samples/liuhe-2026.xlsx", "samples/liuhe-2026.xlsx", "-o", out]);
      expect([refused.code, refused.err.trim().split("\n").at(-1)]).toEqual([2, `${out}: 错误: 文件已存在,是另一份变更说明(青山区2026年度变更说明),为免覆盖未写入;请换个文件名,或加 --force 覆盖 [file.changes-of-other]`]);
      expect(readFileSync(out).equals(before)).toBe(true);
      // The same district's: replaced, as comparing again is the daily work; another's with --force.
      expect((await cli(["diff", "samples/qingshan-2026.xlsx", "samples/qingshan-2026.xlsx", "-o", out])).code).toBe(0);
      expect((await cli(["diff", "samples/liuhe-2026.xlsx", "samples/liuhe-2026.xlsx", "-o", out, "--force"])).code).toBe(0);
    }
    // 山区 onto 青山区's (its name inside the other's), and a cover naming no district: refused too.
    const district = async (name: string, to: string): Promise<string> => editedCopy(dir, "samples/qingshan-2026.xlsx", to, (wb) => void (wb.getWorksheet("封面")!.getCell("B6").value = name));
    const shan = await district("山区", "山区.xlsx");
    const none = await district("", "无区.xlsx");
    const out = join(dir, "变更说明-青山区.html");
    expect((await cli(["diff", "samples/qingshan-2026.xlsx", "samples/qingshan-2026.xlsx", "-o", out])).code).toBe(0);
    for (const file of [shan, none]) {
      const r = await cli(["diff", file, file, "-o", out]);
      expect([r.code, r.err.trim().split("\n").at(-1)]).toEqual([2, `${out}: 错误: 文件已存在,是另一份变更说明(青山区2026年度变更说明),为免覆盖未写入;请换个文件名,或加 --force 覆盖 [file.changes-of-other]`]);
    }
  });

  it("says with a unit's awards that the rubric changed too, where its changes may be what moved them (year on year, a veto's place left empty)", async () => {
    // 2027.1 beside its workbook: SH1's veto leaves the place empty (2026.1 passed it on), among other changes.
    const r = await cli(["diff", "samples/liuhe-2026.xlsx", "test/fixtures/year-on-year/liuhe-2027.xlsx"]);
    expect(r.code).toBe(0);
    // 双河乡 become 双河街道 (撤乡设街道), its values as before but SH6 rescaled: asked whether renamed,
    // the columns only one year's rubric reads (ZB14, SH8) no differences.
    expect(r.out).toContain("新增单位 双河街道(所填各项除 SH6 19.5 → 14.5 外与删除的 双河乡 相同,分组由 乡镇组 改为 街道组,是否改名?)");
    // The enterprises have no bonus code: the bonus cap lowered (5 → 4) reaches none of them.
    // (Passed by 区文旅集团, new this year: named, as a unit ranked both years would be.)
    expect(r.out).toMatch(/\n {2}区交通投资公司: 区属国有企业排名 2 → 3\(排到 区文旅集团 之后\) {2}因 \[\d+\]\n/);
    // SH7 now reads another item (火灾防控); last year's 民生实事 value, gone, is named as it was.
    expect(r.out).toContain("] 柳河镇 SH7 民生实事: 19.5 → —  [");
    // 文昌街道's prize lost: among its causes that could move it (双河街道 joined its group), and the rubric's changes.
    expect(r.out).toMatch(/\n {2}文昌街道: .*奖惩 失去 名次奖:街道组排名二等奖,30,000元\(奖惩的变化因 (\[\d+\])+,方案也有变化\) {2}因 .*\(方案也有变化\)\n/);
  });

  it("says a unit's bonus moved where a cap was lowered (said nowhere else)", async () => {
    const next = join(dir, "v2-cap.yaml");
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    expect(text).toContain("  caps:\n    - kind: bonus\n      max: 5\n");
    writeFileSync(next, text.replace('version: "2026.1"', 'version: "2026.2"').replace("  caps:\n    - kind: bonus\n      max: 5\n", "  caps:\n    - kind: bonus\n      max: 3\n"));
    const r = await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", next, "--on", "samples/liuhe-2026.xlsx"]);
    expect(r.code).toBe(0);
    // 柳河镇's 3.5 of bonus held to 3: its total 0.5 lower, and why.
    expect(r.out).toMatch(/\n {2}柳河镇: 总分 102\.05 → 101\.55;加分 3\.5 → 3[;\n]/);
  });

  it("says which line moved where the total, ranks and awards did not", async () => {
    // JF2 charged to 人口计生线 instead of the total: 东湖街道's +5 moves from one to the other.
    const next = join(dir, "popplan-charge.yaml");
    writeFileSync(next, readFileSync("rubric/district-popplan-2022.1.yaml", "utf8").replace('version: "2022.1"', 'version: "2022.2"').replace("      name: 经验介绍、获奖\n", "      name: 经验介绍、获奖\n      charge: JS\n"));
    const r = await cli(["rubric", "diff", "rubric/district-popplan-2022.1.yaml", next, "--on", "samples/qingshan-2026.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("  东湖街道: 人口计生线 604.5 → 609.5\n");
  });

  it("says what the new version says of the workbook that the old did not: its cover's year before the new date of taking effect", async () => {
    const next = join(dir, "popplan-2027.yaml");
    writeFileSync(next, readFileSync("rubric/district-popplan-2022.1.yaml", "utf8").replace('version: "2022.1"', 'version: "2022.2"').replace(/^effective: .*$/m, 'effective: "2027-01-01"'));
    const r = await cli(["rubric", "diff", "rubric/district-popplan-2022.1.yaml", next, "--on", "samples/qingshan-2026.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("没有单位的总分、名次或奖惩发生变化");
    // Under 2022.2 alone (the sample's own three warnings, under both, are not said again).
    expect(r.err.trim().split("\n")).toEqual([expect.stringMatching(/^samples\/qingshan-2026\.xlsx \(2022\.2\): 封面!B5: 警告: 封面的考核年度 2026 早于方案 .*2027-01-01.* \[workbook\.cover-year-before-rubric\]$/)]);
  });

  it("says of last year's workbook, valid under the old version and not the new (a max lowered), that its values need no mending, a copy may be", async () => {
    const next = join(dir, "township-comprehensive-2027.1.yaml");
    writeFileSync(next, readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace('version: "2026.1"', 'version: "2027.1"').replace("        name: 重点项目建设\n        max: 30\n", "        name: 重点项目建设\n        max: 25\n").replace("        name: 地区生产总值增长\n        max: 20\n", "        name: 地区生产总值增长\n        max: 25\n"));
    const r = await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", next, "--on", "samples/liuhe-2026.xlsx"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("[workbook.points-out-of-range]");
    expect(r.err.trimEnd().split("\n").at(-1)).toBe("samples/liuhe-2026.xlsx 按旧版 2026.1 有效,只在新版 2027.1 下有错误(是改版所致,如新版降低了某项满分、删去了某个加扣分代码或状态用语):原工作簿不必改动;要看改版对各单位的影响,可复制一份,在副本中按新版改好这些值,再用 --on 比较副本");
  });

  it("reads one workbook holding both versions' columns under each (an indicator added, a judged item dropped), and asks for a copy with the added columns where it lacks them", async () => {
    // 2027.1: SH7 民生实事 (judged, 20) dropped; SH8 信访积案 (≤ 2 件 full marks, else none) added on a new indicator ZB14.
    const next = join(dir, "township-comprehensive-2027.1.yaml");
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const sh7 = "      - code: SH7\n        name: 民生实事\n        max: 20\n        text: 由区政府督查室对照年度民生实事项目评定,以0.5分为单位。\n";
    expect(text).toContain(sh7);
    writeFileSync(next, text.replace('version: "2026.1"', 'version: "2027.1"').replace(sh7, "      - code: SH8\n        name: 信访积案化解\n        max: 20\n        kind: threshold\n        indicator: ZB14\n        target: 2\n").replace("indicators:\n", "indicators:\n  - code: ZB14\n    name: 信访积案\n    unit: number\n    display: 件\n    direction: lower\n"));
    // Last year's workbook as it was: SH7's column is passed over under 2027.1 (not "not in the rubric"); ZB14's is missing.
    const asWas = await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", next, "--on", "samples/liuhe-2026.xlsx"]);
    expect(asWas.code).toBe(1);
    // The item added said with how it scores and what it reads, as the one removed by its max.
    expect(asWas.out).toContain("+ 新增 项目 SH8 信访积案化解(满分 20;达标,读 ZB14)  [改变得分]\n");
    expect(asWas.out).toContain("− 删除 项目 SH7 民生实事(满分 20)  [改变得分;改变工作簿的填写与检查]\n");
    expect(asWas.err).not.toContain("SH7");
    expect(asWas.err).toContain("samples/liuhe-2026.xlsx (2027.1): 指标数据: 错误: 指标数据表缺少 ZB14 信访积案 列;请按模板加上这一列,列头以 ZB14 开头 [workbook.missing-rate-column]");
    expect(asWas.err.trimEnd().split("\n").at(-1)).toBe("samples/liuhe-2026.xlsx 按旧版 2026.1 有效,但缺少新版 2027.1 要填的 ZB14:要看改版对各单位的影响,可在它的副本中加上这些列(或工作表,表头写代码和名称,同模板)并填好,再用 --on 比较那份副本;两个版本各读自己的列,另一版才有的列不会被当作错误");
    // A max lowered besides: what else to mend in the copy is said too.
    const lowered = join(dir, "township-comprehensive-2027.2.yaml");
    writeFileSync(lowered, readFileSync(next, "utf8").replace('version: "2027.1"', 'version: "2027.2"').replace("        name: 重点项目建设\n        max: 30\n", "        name: 重点项目建设\n        max: 25\n").replace("        name: 地区生产总值增长\n        max: 20\n", "        name: 地区生产总值增长\n        max: 25\n"));
    const both2 = await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", lowered, "--on", "samples/liuhe-2026.xlsx"]);
    expect(both2.err).toContain("[workbook.points-out-of-range]");
    expect(both2.err.trimEnd().split("\n").at(-1)).toMatch(/^samples\/liuhe-2026\.xlsx 按旧版 2026\.1 有效,但缺少新版 2027\.2 要填的 ZB14,另有只在新版下才有的错误\(见上\):.*按新版改好那些错误,再用 --on 比较那份副本/);
    // That copy, ZB14 added beside the others (柳河镇 3 件, every other unit 1 件), SH7 kept: scored under each version.
    const copy = await edited("samples/liuhe-2026.xlsx", "liuhe-with-zb14.xlsx", (wb) => {
      const ws = wb.getWorksheet("指标数据");
      if (!ws) throw new Error("no 指标数据");
      const col = ws.actualColumnCount + 1;
      ws.getCell(1, col).value = "ZB14 信访积案(件)";
      for (let r = 2; r <= ws.actualRowCount; r++) if (ws.getCell(r, 1).text.trim() !== "") ws.getCell(r, col).value = ws.getCell(r, 1).text.trim() === "柳河镇" ? 3 : 1;
    });
    const both = await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", next, "--on", copy]);
    expect(both.code).toBe(0);
    expect(both.err).not.toContain("错误");
    // 柳河镇: SH7 19.5 → SH8 0 on 社会治理 (35%): 98.5 → 79, 102.05 − 6.825 = 95.225 → 95.23 (rounded once, half away from zero).
    expect(both.out).toContain("  柳河镇: 总分 102.05 → 95.23");
    // Filled in on the new form (SH7's column gone): what the old version lacks is said, as the new one's is (it said "add SH7 as the template has it", a tester's find).
    const newForm = await edited(copy, "liuhe-2027-form.xlsx", (wb) => {
      const ws = wb.getWorksheet("社会治理");
      if (!ws) throw new Error("no 社会治理");
      let col = 0;
      ws.getRow(1).eachCell((c, at) => void (String(c.value).startsWith("SH7") && (col = at)));
      if (col < 1) throw new Error("no SH7 column");
      ws.spliceColumns(col, 1);
    });
    const onNew = await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", next, "--on", newForm]);
    expect(onNew.code).toBe(1);
    // Validated with its cover's version left as last year's, 2027.1 and 2027.2 beside it: the latest said first, and what to do last
    // (seven errors of 2026.1's form came first, a clerk mending the groups backwards, a tester's find).
    const checked = await cli(["validate", newForm]);
    expect(checked.code).toBe(1);
    expect(checked.err.split("\n")[0]).toMatch(/: 警告: 封面写的是方案 township-comprehensive 2026\.1,按此版本计分;工作簿旁边或当前文件夹中另有同一方案的较新版本 2027\.2/);
    expect(checked.out.trimEnd().split("\n").at(-1)).toBe("以上按封面写的 township-comprehensive 2026.1 检查;工作簿旁边或当前文件夹中有新版 2027.2:如工作簿是按新版的模板填的(本年度按新版考核),请先把封面的方案版本改为 2027.2,再检查");
    // A workbook of the old version (its cover says so) with an error of its own there, which the new allows
    // (JJ5 32 of 2026.1's 30, 2027.3 raising it to 35): not said to be filled in under the new (a reviewer's find).
    const raised = join(dir, "township-comprehensive-2027.3.yaml");
    writeFileSync(raised, readFileSync(next, "utf8").replace('version: "2027.1"', 'version: "2027.3"').replace("        name: 重点项目建设\n        max: 30\n", "        name: 重点项目建设\n        max: 35\n").replace("        name: 地区生产总值增长\n        max: 20\n", "        name: 地区生产总值增长\n        max: 15\n"));
    const over = await edited(copy, "jj5-32.xlsx", (wb) => {
      const ws = wb.getWorksheet("经济发展");
      if (!ws) throw new Error("no 经济发展");
      let col = 0;
      ws.getRow(1).eachCell((c, at) => void (String(c.value).startsWith("JJ5") && (col = at)));
      ws.eachRow((row) => void (row.getCell(1).text.trim() === "柳河镇" && (row.getCell(col).value = 32)));
    });
    const ownError = await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", raised, "--on", over]);
    expect(ownError.code).toBe(1);
    expect(ownError.err).toContain("[workbook.points-out-of-range]");
    expect(ownError.err).not.toContain("按新版 2027.3 有效");
    expect(onNew.err.trimEnd().split("\n").at(-1)).toBe(`${newForm} 按新版 2027.1 有效,但缺少旧版 2026.1 要填的 SH7(是按新版的模板填的):要看改版对各单位的影响,可在它的副本中加上这些列(表头写代码和名称,同旧版模板)并按旧版填好,再用 --on 比较那份副本;两个版本各读自己的列,另一版才有的列不会被当作错误`);
  });

  it("says nothing of a column among the items that only the other version reads (an item's code changed): it is headed, and read", async () => {
    const next = join(dir, "township-comprehensive-2027.5.yaml");
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    expect(text).toContain("      - code: SH6\n");
    writeFileSync(next, text.replace('version: "2026.1"', 'version: "2027.5"').replace("      - code: SH6\n", "      - code: SH9\n"));
    const r = await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", next, "--on", "samples/liuhe-2026.xlsx"]);
    expect(r.code).toBe(1);
    // The two said as what they likely are: one item whose code changed.
    expect(r.out).toContain("− 删除 项目 SH6 生态环境保护(满分 20),与新增的 SH9 同名:可能只是改了代码  [");
    expect(r.out).toContain("+ 新增 项目 SH9 生态环境保护(满分 20),与删除的 SH6 同名:如只是改了代码,工作簿中 SH6 的列头要改成新代码  [");
    expect(r.err).toContain("samples/liuhe-2026.xlsx (2027.5): 社会治理: 错误: 缺少 SH9 ");
    // SH6's column, among the others, is the old version's: not "no heading" (it has one).
    expect(r.err).not.toContain("column-not-read");
  });

  it("reads last year's headers under the version that named them so: two items' names swapped are no header naming another column", async () => {
    const next = join(dir, "township-comprehensive-2026.3.yaml");
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    writeFileSync(next, text.replace('version: "2026.1"', 'version: "2026.3"').replace("name: 重点工作任务", "name: 中心工作任务").replace("name: 职能目标任务", "name: 重点工作任务"));
    // Under 2026.3 alone, 区直部门!B1 "BM1 重点工作任务" names BM2's column now: an error there.
    expect((await cli(["validate", "samples/liuhe-2026.xlsx", "--rubric", next])).err).toContain("[workbook.header-name-other]");
    const r = await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", next, "--on", "samples/liuhe-2026.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.err).not.toContain("header-name-other");
    expect(r.out).toContain("没有单位的总分、名次或奖惩发生变化");
  });

  it("says once, at the cover, that a workbook filled in under another scheme cannot show what the revision does", async () => {
    const next = join(dir, "popplan-v2.yaml");
    writeFileSync(next, readFileSync("rubric/district-popplan-2022.1.yaml", "utf8").replace('version: "2022.1"', 'version: "2022.2"'));
    const r = await cli(["rubric", "diff", "rubric/district-popplan-2022.1.yaml", next, "--on", "samples/liuhe-2026.xlsx"]);
    expect(r.code).toBe(1);
    // Not every cell of the other scheme's sheets that does not fit this one (176 lines before).
    expect(r.err.trim().split("\n")).toEqual([
      "samples/liuhe-2026.xlsx: 封面!B3: 错误: 这份工作簿的封面写的方案是 township-comprehensive 2026.1,不是 district-popplan:它不是按这个方案填的,看不出改版对得分的影响。请用 --on 给出按 district-popplan 填的工作簿 [rubric.diff-on-other-scheme]",
    ]);
  });

  it("says once, at the cover, that a workbook filled in under one of two schemes compared cannot be scored under the other (60 of its cells were refused, none to mend)", async () => {
    const r = await cli(["rubric", "diff", "district-popplan-2022.1", "rubric/township-comprehensive-2026.1.yaml", "--on", "samples/liuhe-2026.xlsx"]);
    expect(r.code).toBe(1);
    expect(r.err.trim().split("\n")).toEqual([
      "samples/liuhe-2026.xlsx: 封面!B3: 错误: 这份工作簿是按方案 township-comprehensive 2026.1 填的,不能按另一个方案 district-popplan 2022.1 计分:两个方案的项目和指标各不相同,看不出哪些单位的结果会变。--on 用于同一方案的两个版本;要按 district-popplan 2022.1 考核,请用 assess template 按它生成新表填写 [rubric.diff-on-two-schemes]",
    ]);
    // The two schemes' differences are listed all the same.
    expect(r.out).toContain("这是两个不同的方案");
  });

  it("lists the problems of a workbook of the same scheme that does not read once, and with its version one found under a single version", async () => {
    // 2022.2 scores JS1.1 in steps of 0.1: typos.xlsx's 12.3 there is wrong under 2022.1 alone.
    const next = join(dir, "popplan-v2b.yaml");
    writeFileSync(next, readFileSync("rubric/district-popplan-2022.1.yaml", "utf8").replace('version: "2022.1"', 'version: "2022.2"').replace("            name: 婚育文明“五级联创”\n            max: 40\n", "            name: 婚育文明“五级联创”\n            max: 40\n            step: 0.1\n"));
    const r = await cli(["rubric", "diff", "rubric/district-popplan-2022.1.yaml", next, "--on", "samples/broken/typos.xlsx"]);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split("\n");
    expect(lines.filter((l) => l.includes("党政线!B3"))).toEqual(["samples/broken/typos.xlsx: 党政线!B3: 错误: 东湖街道 DZ2 的分值 25 超出范围 0–20;请填 0 到 20 之间的分数 [workbook.points-out-of-range]"]);
    expect(lines.filter((l) => l.includes("人口计生线!B3"))).toEqual(["samples/broken/typos.xlsx (2022.1): 人口计生线!B3: 错误: 东湖街道 JS1.1 的分值 12.3 不是 0.5 的整数倍;请填 12 或 12.5 [workbook.points-step]"]);
    expect(r.err).not.toContain("(2022.2)");
    expect(r.err).not.toContain("rubric.diff-on-other-scheme");
    // The rubric's changes are on stdout; the last line says whom they affect was not worked out.
    expect(r.out).toContain("JS1.1");
    expect(lines.at(-1)).toBe("samples/broken/typos.xlsx 有错误(见上),未能按两个版本分别计分;以上只是方案本身的变化");
  });

  it("tags a problem found under one rubric alone by its id and version where the two share a version", async () => {
    const copy = join(dir, "popplan-copy.yaml");
    writeFileSync(copy, readFileSync("rubric/district-popplan-2022.1.yaml", "utf8").replace("id: district-popplan", "id: popplan-copy").replace("            name: 婚育文明“五级联创”\n            max: 40\n", "            name: 婚育文明“五级联创”\n            max: 40\n            step: 0.1\n"));
    const r = await cli(["rubric", "diff", "rubric/district-popplan-2022.1.yaml", copy, "--on", "samples/broken/typos.xlsx"]);
    expect(r.err.trim().split("\n").filter((l) => l.includes("人口计生线!B3"))).toEqual(["samples/broken/typos.xlsx (district-popplan 2022.1): 人口计生线!B3: 错误: 东湖街道 JS1.1 的分值 12.3 不是 0.5 的整数倍;请填 12 或 12.5 [workbook.points-step]"]);
  });

  it("notes a workbook filled in under a third version of the scheme, and scores it under both", async () => {
    const v2 = join(dir, "popplan-2022.2.yaml");
    const v3 = join(dir, "popplan-2022.3.yaml");
    const text = readFileSync("rubric/district-popplan-2022.1.yaml", "utf8");
    writeFileSync(v2, text.replace('version: "2022.1"', 'version: "2022.2"'));
    writeFileSync(v3, text.replace('version: "2022.1"', 'version: "2022.3"'));
    const r = await cli(["rubric", "diff", v2, v3, "--on", "samples/qingshan-2026.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("\n注意:工作簿封面写的是 district-popplan 2022.1,不是所比较的 2022.2 或 2022.3\n按两个版本分别计分 samples/qingshan-2026.xlsx");
    // The cover's own version compared: nothing to note.
    expect((await cli(["rubric", "diff", "rubric/district-popplan-2022.1.yaml", v2, "--on", "samples/qingshan-2026.xlsx"])).out).not.toContain("注意");
  });

  it("takes a ranking renamed by the revision for the same ranking: a rank or card that stays is no change", async () => {
    // 区直部门排名 renamed, and BM3's target lowered (which moves departments' totals, not their ranks).
    const next = join(dir, "v2-renamed.yaml");
    writeFileSync(next, readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace('version: "2026.1"', 'version: "2026.2"').replace("    name: 区直部门排名\n", "    name: 区直部门综合排名\n").replace("        indicator: ZB10\n        target: 95%\n", "        indicator: ZB10\n        target: 90%\n"));
    const r = await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", next, "--on", "samples/liuhe-2026.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("~ 排名 区直部门综合排名 名称: 区直部门排名 → 区直部门综合排名  [只改文字]\n");
    // Its last place keeps its yellow card (named by the ranking's old and new name before).
    const moves = r.out.slice(r.out.indexOf("按两个版本分别计分"));
    // Counted, as diff counts them (a city's 300 lines had no count).
    expect(moves.split("\n")[0]).toMatch(/^按两个版本分别计分 samples\/liuhe-2026\.xlsx,结果有变化的单位\(\d+ 个\):$/);
    expect(moves).toContain("  区市场监管局: 总分 88.97 → 89.5\n");
    expect(moves).not.toContain("排名");
    expect(moves).not.toContain("黄牌");
  });

  it("lists no unit for a renamed ranking that gives single-item awards (its awards are the same)", async () => {
    const next = join(dir, "v2-renamed-single.yaml");
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    expect(text).toContain("    name: 经济发展单项排名\n");
    writeFileSync(next, text.replace('version: "2026.1"', 'version: "2026.2"').replace("    name: 经济发展单项排名\n", "    name: 经济发展排名\n"));
    const r = await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", next, "--on", "samples/liuhe-2026.xlsx"]);
    expect(r.out.slice(r.out.indexOf("按两个版本分别计分")).split("\n").slice(1, 2)).toEqual(["  没有单位的总分、名次或奖惩发生变化"]);
  });

  it("names a ranking added or removed once", async () => {
    const next = join(dir, "v2-no-enterprises.yaml");
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    const block = / {2}- id: enterprises\n[\s\S]*?(?=\n\S|\n {2}- id:|$)/.exec(text)?.[0] ?? "";
    expect(block).not.toBe("");
    writeFileSync(next, text.replace('version: "2026.1"', 'version: "2026.2"').replace(block, ""));
    const r = await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", next]);
    // With what it gave, as a changed ranking's are said (its grades here: no prize, card or single award).
    expect(r.out).toContain("− 删除 排名 区属国有企业排名(排名依据 总分)  [改变排名]\n    等次: 优秀 ≥ 90(至多 1 个);合格 ≥ 60;不合格;名额线上:并列者均不入该等次\n");
  });

  it("says nothing was compared where a version has errors, after them", async () => {
    const next = join(dir, "v2-bad-tie-breaker.yaml");
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    writeFileSync(next, text.replace('version: "2026.1"', 'version: "2026.2"').replace("tie_breakers: [DJ, JJ]", "tie_breakers: [DJ, JJ9]"));
    const r = await cli(["rubric", "diff", "rubric/township-comprehensive-2026.1.yaml", next]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/\[rubric\.unknown-tie-breaker\]\n/);
    expect(r.err.endsWith(`两个版本未作比较:${next} 有错误(见上),改正后再运行 assess rubric diff\n`)).toBe(true);
  });

  it("says a revision that kept its version, and tags a problem by each file", async () => {
    const copy = join(dir, "popplan-same-version.yaml");
    writeFileSync(copy, readFileSync("rubric/district-popplan-2022.1.yaml", "utf8").replace("            name: 婚育文明“五级联创”\n            max: 40\n", "            name: 婚育文明“五级联创”\n            max: 40\n            step: 0.1\n"));
    const r = await cli(["rubric", "diff", "rubric/district-popplan-2022.1.yaml", copy, "--on", "samples/broken/typos.xlsx"]);
    expect(r.out.split("\n").slice(0, 2)).toEqual(["district-popplan 2022.1 → district-popplan 2022.1", "注意:两个方案的版本号都是 2022.1,内容却不同:修订后的方案应改用新的版本号(工作簿封面按编号和版本指明方案,版本号相同就分不清用的是哪一个)"]);
    expect(r.err.trim().split("\n").filter((l) => l.includes("人口计生线!B3"))).toEqual(["samples/broken/typos.xlsx (rubric/district-popplan-2022.1.yaml): 人口计生线!B3: 错误: 东湖街道 JS1.1 的分值 12.3 不是 0.5 的整数倍;请填 12 或 12.5 [workbook.points-step]"]);
    // The same content: nothing to note.
    expect((await cli(["rubric", "diff", "rubric/district-popplan-2022.1.yaml", "rubric/district-popplan-2022.1.yaml"])).out).not.toContain("注意");
  });

  it("says the later version given first may be the files the wrong way round", async () => {
    const next = join(dir, "popplan-2022.10.yaml");
    writeFileSync(next, readFileSync("rubric/district-popplan-2022.1.yaml", "utf8").replace('version: "2022.1"', 'version: "2022.10"').replace("            name: 婚育文明“五级联创”\n            max: 40\n", "            name: 婚育文明“五级联创”\n            max: 40\n            step: 0.1\n"));
    const r = await cli(["rubric", "diff", next, "rubric/district-popplan-2022.1.yaml"]);
    expect(r.out.split("\n").slice(0, 2)).toEqual(["district-popplan 2022.10 → district-popplan 2022.1", "注意:先写的 2022.10 比后写的 2022.1 新,两个文件可能写反了(先写旧版,再写新版):下面的新增、删除和 → 都是从 2022.10 到 2022.1 说的"]);
    // The right way round (2022.10 after 2022.9, 2022.1: numbers, not letters): nothing noted.
    expect((await cli(["rubric", "diff", "rubric/district-popplan-2022.1.yaml", next])).out).not.toContain("注意");
    // Versions with words in them (v9, v10; 1.0-rc1, 1.0) tell nothing of their order: nothing noted, the same day of taking effect.
    const text = readFileSync(next, "utf8");
    for (const [x, y] of [["v9", "v10"], ["1.0-rc1", "1.0"]]) {
      const [fx, fy] = [join(dir, `popplan-${x}.yaml`), join(dir, `popplan-${y}.yaml`)];
      writeFileSync(fx, text.replace('version: "2022.10"', `version: "${x}"`));
      writeFileSync(fy, text.replace('version: "2022.10"', `version: "${y}"`).replace("            step: 0.1\n", ""));
      expect((await cli(["rubric", "diff", fx, fy])).out).not.toContain("写反");
    }
  });

  it("says that two rubrics of different ids are two schemes, not two versions", async () => {
    const r = await cli(["rubric", "diff", "rubric/district-popplan-2022.1.yaml", "rubric/township-comprehensive-2026.1.yaml"]);
    expect(r.out.split("\n").slice(0, 2)).toEqual(["district-popplan 2022.1 → township-comprehensive 2026.1", "注意:两个方案的编号不同(district-popplan、township-comprehensive),这是两个不同的方案,而不是同一方案的两个版本"]);
  });
});

describe("a single-item recognition still pending", () => {
  it("names the award it is entered for, wherever a unit is said to be able to win it (was 可能获综合排名单项奖, naming none of three)", async () => {
    const pending = await edited("samples/qingshan-2026.xlsx", "single-pending.xlsx", (wb) => {
      const l = wb.getWorksheet("加扣分")!;
      l.getRow(l.rowCount + 1).values = ["河口镇", "DX2", null, "市级", null, "申报中"];
    });
    const scored = await cli(["score", pending, "-o", join(dir, "single-pending.scored.xlsx")]);
    expect(scored.out).toMatch(/│ 河口镇 .*│ \(待定\)可能获单项奖:移民地区综合治理单项奖\(市级\) +│/);
    // The award list's basis names the claim's row, as a recognised one does (it said only 综合排名).
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, "single-pending.scored.xlsx"));
    const listed: unknown[][] = [];
    book.getWorksheet("奖惩名单")!.eachRow((row) => void listed.push((row.values as unknown[]).slice(1)));
    const maybe = listed.find((r) => r[1] === "河口镇" && String(r[2]).startsWith("(待定)"));
    expect(maybe?.[4]).toBe("市级申报中,见 加扣分!B23");
    // And the money at stake, as a prize that may be won shows its own: as text, not won yet, so
    // that the column's sum counts only the money awarded (in brackets, (3,000), read as a fine).
    expect(maybe?.[3]).toBe("待定 3,000");
    const explained = await cli(["explain", pending, "河口镇"]);
    expect(explained.out).toContain("  DX2 移民地区综合治理  不计分  状态为“申报中”,尚未认定,不计分;认定后按市级参评移民地区综合治理单项奖  [加扣分!B23]");
    expect(explained.out).toContain("奖惩:\n  (待定)可能获单项奖:移民地区综合治理单项奖(市级)\n");
    const en = await cli(["explain", pending, "河口镇", "--lang", "en"]);
    expect(en.out).toContain("(pending) may win the single-item award 移民地区综合治理单项奖 (市级)");
    // A vetoed unit's claim of its own is not "entered for" the award: withheld all the same once recognized.
    const vetoedClaim = await edited("samples/qingshan-2026.xlsx", "single-pending-vetoed.xlsx", (wb) => {
      const l = wb.getWorksheet("加扣分")!;
      l.getRow(l.rowCount + 1).values = ["石门镇", "DX1", null, "国家级", null, "申报中"];
    });
    expect((await cli(["explain", vetoedClaim, "石门镇"])).out).toContain("状态为“申报中”,尚未认定,不计分;认定后也因一票否决不得评全员人口信息化建设单项奖");
    // Recognised: one change, what it may have won → what it holds (not one lost and another won).
    const decided = await edited(pending, "single-decided.xlsx", (wb) => {
      const l = wb.getWorksheet("加扣分")!;
      l.getCell(`F${l.rowCount}`).value = "已认定";
    });
    const diff = await cli(["diff", pending, decided]);
    expect(diff.out).toContain("  河口镇: 奖惩 (待定)可能获单项奖:移民地区综合治理单项奖(市级) → 单项奖:移民地区综合治理单项奖(市级),3,000元  因 [1]\n");
    // A vetoed unit's recognition of the same award, decided too, takes none: not a cause of 河口镇's.
    const both = await edited("samples/qingshan-2026.xlsx", "single-pending-both.xlsx", (wb) => {
      const l = wb.getWorksheet("加扣分")!;
      l.getRow(l.rowCount + 1).values = ["北川镇", "DX2", null, "国家级", null, "申报中"];
      l.getRow(l.rowCount + 1).values = ["河口镇", "DX2", null, "市级", null, "申报中"];
    });
    const bothDecided = await edited(both, "single-decided-both.xlsx", (wb) => {
      const l = wb.getWorksheet("加扣分")!;
      l.getCell(`F${l.rowCount - 1}`).value = "已认定";
      l.getCell(`F${l.rowCount}`).value = "已认定";
    });
    const moved = await cli(["diff", both, bothDecided]);
    expect(moved.out).toContain("  [1] 加扣分 北川镇 DX2 移民地区综合治理 国家级 申报中 → DX2 国家级 已认定");
    expect(moved.out).toMatch(/ {2}河口镇: 奖惩 .* 因 \[2\]\n/);
  });
});

describe("a workbook with errors", () => {
  it("ends with the count and that the workbooks were not compared (the list ended on a warning)", async () => {
    const r = await cli(["diff", "samples/qingshan-2026.xlsx", "samples/broken/typos.xlsx"]);
    expect(r.code).toBe(1);
    // Both files' problems counted: the sample's 3 warnings and typos.xlsx's 16 errors and 1 warning.
    expect(r.err.trimEnd().split("\n").at(-1)).toBe("16 个错误,4 个警告;工作簿有错误,未比较:请改正错误后再试");
  });
});

describe("the pending rows a unit's awards wait on", () => {
  it("are listed in the order of the sheet (加扣分!B7, B8 before B16, its own or another's)", async () => {
    // 白沙街道 (944, 三等奖) with its own JF1 under review again (B8); 金水街道 (937.5) may pass it with
    // JF2 省级 (+7, B23), or fall with its KF3 (B16).
    const pending = await edited("samples/qingshan-2026.xlsx", "pending-order.xlsx", (wb) => {
      const l = wb.getWorksheet("加扣分")!;
      expect(l.getCell("A8").value).toBe("白沙街道");
      l.getCell("F8").value = "申报中";
      l.getRow(23).values = ["金水街道", "JF2", null, "省级", null, "申报中"];
    });
    const explained = await cli(["explain", pending, "白沙街道"]);
    // Another unit's named with it: whose, and which code.
    // (Its ranks and awards wait on the same claims: the claims said before the ranks.)
    expect(explained.out).toContain("尚有待认定的加扣分:总分可能在 944–964 之间;视 加扣分!B7(青石镇 JF2)、加扣分!B8、加扣分!B16(金水街道 KF3)、加扣分!B23(金水街道 JF2) 的认定,名次可能为 综合排名 4–7(其他名次不变),奖惩也可能改变");
  });

  it("leave a single-item recognition out of the rows said to move a rank or a total: it scores nothing", async () => {
    // 金水街道 with JF2 省级 (+7, B23) and a DX3 市级 recognition (B24) pending: the DX3 may bring
    // it an award, never a rank or a point.
    const pending = await edited("samples/qingshan-2026.xlsx", "pending-single.xlsx", (wb) => {
      const l = wb.getWorksheet("加扣分")!;
      l.getRow(23).values = ["金水街道", "JF2", null, "省级", null, "申报中"];
      l.getRow(24).values = ["金水街道", "DX3", null, "市级", null, "申报中"];
    });
    const explained = await cli(["explain", pending, "金水街道"]);
    const line = explained.out.split("\n").find((l) => l.startsWith("尚有待认定的加扣分")) ?? "";
    expect(line).toBe("尚有待认定的加扣分:总分可能在 917.5–944.5 之间;视 加扣分!B16、加扣分!B23 的认定,名次可能为 综合排名 6–7(其他名次不变);奖惩可能因 加扣分!B16、加扣分!B23、加扣分!B24 的认定而变");
    // The report's closing note on totals names its JF2 beside its total's range, and not its DX3.
    expect((await cli(["report", pending, "-o", join(dir, "pending-single.report.xlsx")])).code).toBe(0);
    const page = readFileSync(join(dir, "pending-single.report.html"), "utf8");
    const totals = /总分可能变动的单位[^<]*/.exec(page)?.[0] ?? "";
    expect(totals).toMatch(/金水街道\([\d.]+–[\d.]+,待认定:KF3 越级上访\(申报中\);JF2 经验介绍、获奖\(省级,申报中\)\)/);
    expect(totals).not.toContain("DX3");
  });
});
