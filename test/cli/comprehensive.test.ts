// The second bundled rubric end to end on its sample (柳河区): what a clerk reads in the terminal,
// in the result workbook and in `explain` — groups, weights, held vetoes, an empty prize, quotas.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, type Run } from "../helpers/cli.js";
import { scratchDir } from "../helpers/tmp.js";
import { townsInGroupsOnly } from "../helpers/rubric-edits.js";
import { editedCopy, withoutUnits } from "../helpers/edit.js";

const dir = scratchDir("assess-liuhe-");
const input = join(dir, "柳河区.xlsx");

/** The sample scored under its rubric as `edit` changes it: the rubric's file, and the workbook written. */
async function scoredUnder(name: string, edit: (yaml: string) => string): Promise<{ rubric: string; book: ExcelJS.Workbook }> {
  const rubric = join(dir, `${name}.yaml`);
  const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
  const edited = edit(text);
  expect(edited).not.toBe(text);
  writeFileSync(rubric, edited);
  const out = join(dir, `${name}.xlsx`);
  expect((await cli(["score", input, "--rubric", rubric, "-o", out])).code).toBe(0);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  return { rubric, book };
}
/** The sample scored to `name`.xlsx (with more arguments, such as --lang en), its result opened. */
async function scoredSample(name: string, ...args: string[]): Promise<ExcelJS.Workbook> {
  const out = join(dir, `${name}.xlsx`);
  expect((await cli(["score", input, "-o", out, ...args])).code).toBe(0);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  return book;
}
let scored: Run;
let json: { units: { name: string; group?: string; total: number; rank: Record<string, number | null>; grade?: Record<string, string | null>; awards: { kind: string; ranking?: string; tier?: string }[] }[] };

beforeAll(async () => {
  copyFileSync("samples/liuhe-2026.xlsx", input);
  scored = await cli(["score", input, "--wide"]);
  const j = await cli(["score", input, "--json", "-o", join(dir, "j.xlsx")]);
  json = JSON.parse(j.out) as typeof json;
});

const unit = (name: string) => {
  const u = json.units.find((x) => x.name === name);
  if (!u) throw new Error(name);
  return u;
};
const prizes = (name: string) => unit(name).awards.filter((a) => a.kind === "rank").map((a) => `${a.ranking}:${a.tier}`);

describe("the comprehensive sample", () => {
  it("says a workbook of one unit alone (a town's self-check) is no district's result: at its name, and in its report, whose prizes would read as real", async () => {
    const others = new Set(json.units.map((u) => u.name).filter((n) => n !== "柳河镇"));
    const alone = await editedCopy(dir, input, "柳河镇自查.xlsx", (wb) => withoutUnits(wb, (name) => others.has(name)));
    const checked = await cli(["validate", alone]);
    expect(checked.err).toContain(`${alone}: 经济发展!A2: 警告: 工作簿中只有 1 个单位(“柳河镇”):名次、等次名额和奖项要所有参评单位一起计分才作数,本次的名次和奖项只是它独自排出的,仅供自查 [workbook.one-unit]\n`);
    // Not also its quotas of a share as leaving no place (20% of 1): that is the one unit said.
    expect(checked.err).not.toContain("quota-share-none");
    const report = join(dir, "柳河镇自查.report.html");
    expect((await cli(["report", alone, "--format", "html", "-o", report])).code).toBe(0);
    expect(readFileSync(report, "utf8")).toContain("本报告只含 1 个单位(“柳河镇”):名次和奖项是它独自排出的,仅供自查,不是考核结果。");
  });

  it("gives every unit a grade for each ranking that grades it in the JSON: null where its veto leaves it unranked (区文旅集团 had no grade key at all)", async () => {
    expect(unit("区文旅集团").rank).toEqual({ enterprises: null });
    expect(unit("区文旅集团").grade).toEqual({ enterprises: null });
    // A vetoed town that keeps its rank keeps its grade; an ungraded group ranking is not named.
    expect(unit("白马镇").grade).toEqual({ towns: "不合格" });
    const explained = JSON.parse((await cli(["explain", input, "区文旅集团", "--json"])).out) as { grade?: unknown };
    expect(explained.grade).toEqual({ enterprises: null });
  });

  it("gives a grade's basis in 奖惩名单 with the score it is read against, not the place alone (a grade is by the score: 89.61 ≥ 80); one a veto sets, with its total too", async () => {
    const book = await scoredSample("grade-basis");
    const rows: string[] = [];
    book.getWorksheet("奖惩名单")!.eachRow((row) => {
      const v = (row.values as unknown[]).slice(1);
      if (v[0] === "等次") rows.push(v.map((c) => (c === null || c === undefined ? "" : String(c))).join("|"));
    });
    expect(rows).toContain("等次|柳河镇|优秀||乡镇(街道)综合排名第 1 名,总分 102.05");
    expect(rows).toContain("等次|青龙乡|良好||乡镇(街道)综合排名第 8 名,总分 89.61");
    // 白马镇's 不合格 is its veto's (直接定为不合格), not its 92.21's, said with its total all the same
    // (its place alone read as a row left short: two readers asked what it scored); 河西街道's held at most 合格 is its score's.
    expect(rows).toContain("等次|白马镇|不合格(因一票否决)||乡镇(街道)综合排名第 4 名,总分 92.21");
    expect(rows).toContain("等次|河西街道|合格(一票否决,至多评为合格)||乡镇(街道)综合排名第 3 名,总分 95.00");
  });

  it("says a basis's total in lower case within an English sentence (rank 1, Total 102.05 read as a heading)", async () => {
    const out = join(dir, "basis-en.report.html");
    expect((await cli(["report", input, "--format", "html", "--lang", "en", "-o", out])).code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("rank 1, total 102.05");
    expect(html).not.toMatch(/rank \d+, Total/);
  });

  it("lists a ranking's grades in 奖惩名单 in that ranking's order (a line's ranking's grades came in the overall ranking's order)", async () => {
    const { book } = await scoredUnder("economy-grades", (y) => y.replace("    by: JJ\n    tie_breakers: [JJ4]\n", "    by: JJ\n    tie_breakers: [JJ4]\n    grades:\n      bands:\n        - { name: 优秀, from: 90 }\n        - { name: 良好, from: 80 }\n        - { name: 合格, from: 60 }\n      otherwise: 不合格\n"));
    const places: number[] = [];
    book.getWorksheet("奖惩名单")!.eachRow((row) => {
      const v = (row.values as unknown[]).slice(1).map((c) => String(c ?? ""));
      const at = /^经济发展单项排名第 (\d+) 名/.exec(v[4] ?? "");
      if (v[0] === "等次" && at) places.push(Number(at[1]));
    });
    expect(places.length).toBeGreaterThan(5);
    expect(places).toEqual([...places].sort((a, b) => a - b));
  });

  it("lists a card the rubric names otherwise (全区通报) under its own name in 奖惩名单, not under 黄牌警告, a word its 办法 never uses", async () => {
    const { book } = await scoredUnder("card-named", (y) => y.replaceAll("      name: 黄牌警告\n", "      name: 全区通报\n"));
    const rows: unknown[][] = [];
    book.getWorksheet("奖惩名单")!.eachRow((row, n) => {
      const v = (row.values as unknown[]).slice(1, 4);
      // (Below the title and its notes, whose legend names the card too.)
      if (n > 2 && v.some((c) => String(c).includes("通报") || String(c).includes("黄牌"))) rows.push(v);
    });
    expect(rows).toEqual([
      ["全区通报", "凤凰街道", "总分低于 60"],
      ["全区通报", "区市场监管局", "区直部门排名末位"],
    ]);
  });

  it("says how the weighted lines make the total under the towns' table and in their ranking sheets' subtitle, whose line columns hold points before the weight (98 under 经济发展 ×40% read as weighted did not add up to 102.05)", async () => {
    const line = "总分 = 经济发展 × 40% + 社会治理 × 35% + 党的建设 × 25% + 加分 − 扣分(计入总分);各线一栏为乘权重前的得分,加权合计在相加后四舍五入到 0.01";
    const blocks = scored.out.split("\n\n");
    expect(blocks.find((b) => b.startsWith("乡镇(街道)综合排名"))?.split("\n")).toContain(`(${line})`);
    // Once: not under the departments' (no weights) nor the enterprises'.
    expect(scored.out.split(line)).toHaveLength(2);
    // And it adds up: 柳河镇 98 × 40% + 98.5 × 35% + 99.5 × 25% + 3.5 = 102.05.
    expect(scored.out).toMatch(/│ 柳河镇 +│ 乡镇组 1 +│ 98 +│ 98\.5 +│ 99\.5 +│ 3\.5 +│ 0 +│ 102\.05 /);
    const book = await scoredSample("weights-note");
    for (const name of ["乡镇(街道)综合排名", "乡镇组排名", "街道组排名"]) expect(String(book.getWorksheet(name)!.getCell("A2").value).split("\n"), name).toContain(line);
    for (const name of ["经济发展单项排名", "区直部门排名", "区属国有企业排名"]) expect(String(book.getWorksheet(name)!.getCell("A2").value), name).not.toContain("总分 =");
    // And the prize nobody holds, under the titles of the towns' sheets and 街道组's (a leader holding 街道组's page
    // saw its first in red and a 二等奖 below, no 一等奖 anywhere): not under 乡镇组's.
    const vacant = "奖次空缺:街道组排名 一等奖,第 1 名的河西街道一票否决,不得获奖,名次空出";
    for (const name of ["乡镇(街道)综合排名", "街道组排名"]) expect(String(book.getWorksheet(name)!.getCell("A2").value).split("\n"), name).toContain(vacant);
    expect(String(book.getWorksheet("乡镇组排名")!.getCell("A2").value)).not.toContain("奖次空缺");
  });

  it("says under the towns' table which prize nobody holds and why (街道组's 一等奖: 河西街道 first, its veto keeping the place empty), in both languages, and not under the departments' or where the place is passed on", async () => {
    const blocks = scored.out.split("\n\n");
    const towns = blocks.find((b) => b.startsWith("乡镇(街道)综合排名"));
    // Under the table, before what the pending claims mean.
    const under = towns?.split("\n").slice(-2);
    expect(under?.[0]).toBe("(奖次空缺:街道组排名 一等奖,第 1 名的河西街道一票否决,不得获奖,名次空出)");
    expect(under?.[1]).toMatch(/^\(加扣分尚有待认定/);
    expect(scored.out.match(/奖次空缺/g)).toHaveLength(1);
    const en = await cli(["score", input, "--wide", "--lang", "en", "-o", join(dir, "vacant-en.xlsx")]);
    expect(en.out).toContain("(vacant prizes: 街道组排名 一等奖: 河西街道, ranked 1, is vetoed and wins no prize, so the place stays empty)");
    // Its place passed on: 文昌街道 takes 一等奖 and nothing is vacant.
    const rubric = join(dir, "passed.yaml");
    writeFileSync(rubric, readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("place: empty", "place: passed"));
    const passed = await cli(["score", input, "--wide", "--rubric", rubric, "-o", join(dir, "passed.xlsx")]);
    expect(passed.out).toMatch(/文昌街道.*街道组排名一等奖/);
    expect(passed.out).not.toContain("奖次空缺");
    // Four places of 二等奖 in 街道组 and three streets left to win: place 5 has no one (and the vacancy is said once).
    writeFileSync(rubric, readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("- { name: 二等奖, ranks: [2, 2], amount: 30000 }", "- { name: 二等奖, ranks: [2, 5], amount: 30000 }"));
    const short = await cli(["score", input, "--wide", "--rubric", rubric, "-o", join(dir, "short.xlsx")]);
    expect(short.out).toContain("(奖次空缺:街道组排名 一等奖,第 1 名的河西街道一票否决,不得获奖,名次空出;街道组排名 计奖名次第 5 名(二等奖)无可获奖单位)");
    // 乡镇组's 三等奖 for places 4–9: the 4th used up by the tie at 3 (双河乡, 杨柳镇), the 7th–9th reached
    // by no one (six towns may win): said apart (all four were "no unit may win"), here and in 奖惩名单.
    writeFileSync(rubric, readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("      - { name: 二等奖, ranks: [2, 3], amount: 30000 }\n", "      - { name: 二等奖, ranks: [2, 3], amount: 30000 }\n      - { name: 三等奖, ranks: [4, 9], amount: 10000 }\n"));
    const third = await cli(["score", input, "--wide", "--rubric", rubric, "-o", join(dir, "third.xlsx")]);
    expect(third.out).toContain("乡镇组排名 计奖名次第 4 名(三等奖),因前面的单位名次并列而不设;乡镇组排名 计奖名次第 7–9 名(三等奖)无可获奖单位;");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, "third.xlsx"));
    const listed: string[] = [];
    book.getWorksheet("奖惩名单")!.eachRow((row) => void listed.push((row.values as unknown[]).slice(1).join("|")));
    expect(listed).toContain("名次奖||三等奖第 4 名空缺||乡镇组排名前面的单位名次并列,计奖名次第 4 名不设");
    expect(listed).toContain("名次奖||三等奖第 7–9 名空缺||乡镇组排名计奖名次第 7–9 名无可获奖单位");
    // 白马镇 3rd, 双河乡 and 杨柳镇 tied 5th all vetoed, their places kept empty (place: empty), with 三等奖 for
    // places 4–9: seven units take places (four that may win, three kept), so 8th–9th are no one's (the
    // two tied were counted twice, one per place each keeps, and 8th–9th said used up by a tie).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    const rates = wb.getWorksheet("指标数据")!;
    rates.eachRow((row) => {
      if (["双河乡", "杨柳镇"].includes(String(row.getCell(1).value))) row.getCell("F").value = 1;
    });
    const vetoed = join(dir, "three-vetoed.xlsx");
    await wb.xlsx.writeFile(vetoed);
    writeFileSync(rubric, readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("          place: passed\n", "          place: empty\n").replace("      - { name: 二等奖, ranks: [2, 3], amount: 30000 }\n", "      - { name: 二等奖, ranks: [2, 3], amount: 30000 }\n      - { name: 三等奖, ranks: [4, 9], amount: 10000 }\n"));
    const kept = await cli(["score", vetoed, "--wide", "--rubric", rubric, "-o", join(dir, "three-vetoed.scored.xlsx")]);
    expect(kept.out).toContain("乡镇组排名 三等奖,第 5 名的双河乡、杨柳镇一票否决,不得获奖,其计奖名次第 5–6 名空出;乡镇组排名 计奖名次第 8–9 名(三等奖)无可获奖单位;");
    // Towns ranked only in groups, a table each, and 经济发展单项排名 giving prizes for places 1–2 (河西街道
    // first, keeping it empty): its vacancy under 街道组排名, 河西街道's group, not under 乡镇组排名 too.
    writeFileSync(rubric, townsInGroupsOnly(readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8")).replace("    tie_breakers: [JJ4]\n", "    tie_breakers: [JJ4]\n    tiers:\n      - { name: 经济发展先进, ranks: [1, 2], amount: 10000 }\n"));
    const groups = (await cli(["score", input, "--wide", "--rubric", rubric, "-o", join(dir, "groups.xlsx")])).out.split("\n\n");
    const noteUnder = (name: string): string => groups.find((b) => b.startsWith(name))?.split("\n").find((l) => l.startsWith("(奖次空缺")) ?? "";
    expect(noteUnder("街道组排名")).toContain("经济发展单项排名 经济发展先进,第 1 名的河西街道一票否决,不得获奖,名次空出");
    expect(noteUnder("乡镇组排名")).not.toContain("经济发展单项排名");
    // Prizes on the whole kind's ranking too, more places than towns: the places nobody may win said under
    // 乡镇(街道)综合排名 alone (they were under 乡镇组排名 too, and not under 街道组排名), here and on the sheets.
    writeFileSync(rubric, readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("    tie_breakers: [DJ, JJ]\n    grades:\n", "    tie_breakers: [DJ, JJ]\n    tiers:\n      - { name: 综合先进, ranks: [1, 20], amount: 10000 }\n    grades:\n"));
    const whole = await cli(["score", input, "--wide", "--rubric", rubric, "-o", join(dir, "whole.xlsx")]);
    const wholeUnder = (name: string): string => whole.out.split("\n\n").find((b) => b.startsWith(name))?.split("\n").find((l) => l.startsWith("(奖次空缺")) ?? "";
    const nobody = "乡镇(街道)综合排名 计奖名次第 11–20 名(综合先进)无可获奖单位";
    expect(wholeUnder("乡镇(街道)综合排名")).toContain(nobody);
    const sheets = new ExcelJS.Workbook();
    await sheets.xlsx.readFile(join(dir, "whole.xlsx"));
    expect(String(sheets.getWorksheet("乡镇(街道)综合排名")!.getCell("A2").value)).toContain(nobody);
    for (const name of ["乡镇组排名", "街道组排名"]) expect(String(sheets.getWorksheet(name)!.getCell("A2").value), name).not.toContain(nobody);
    // (The place 河西街道 keeps empty stays under its group's table: the unit is there.)
    expect(String(sheets.getWorksheet("街道组排名")!.getCell("A2").value)).toContain("乡镇(街道)综合排名 综合先进,第 3 名的河西街道一票否决");
    expect(String(sheets.getWorksheet("乡镇组排名")!.getCell("A2").value)).not.toContain("综合先进");
    expect(wholeUnder("乡镇组排名")).not.toContain("综合先进");
  });

  it("says under a ranking where units level on the total were ranked apart by its tie-breakers, in the terminal and on its sheet (河东街道 and 文昌街道 both 89.50: the report alone said DJ decided)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    // 柳河镇 vetoed (its ZB5 one accident), and 文昌街道 2.87 taken off: level with 河东街道.
    wb.getWorksheet("指标数据")!.getCell("F2").value = 1;
    const ledger = wb.getWorksheet("加扣分")!;
    ledger.getRow(ledger.rowCount + 1).values = ["文昌街道", "KF3", null, null, 2.87, "已认定", null, "重大安全隐患整改不到位"];
    const file = join(dir, "tied-streets.xlsx");
    await wb.xlsx.writeFile(file);
    const out = join(dir, "tied-streets.scored.xlsx");
    const r = await cli(["score", file, "-o", out]);
    expect(r.code).toBe(0);
    // (The towns' table has 双河乡 and 杨柳镇 level on them too: they share 5th, said so.)
    expect(r.out).toContain("(同分的单位依次按 DJ 党的建设、JJ 经济发展 比较排定名次;比较项也都相同的并列同一名次)");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const streets = book.getWorksheet("街道组排名")!;
    const names = (row: number): unknown[] => (streets.getRow(row).values as unknown[]).slice(1);
    const [hedong, wenchang] = [4, 5, 6, 7].map(names).filter((v) => v.includes("河东街道") || v.includes("文昌街道"));
    expect(hedong?.includes(89.5) && wenchang?.includes(89.5)).toBe(true);
    expect(String(streets.getCell("A2").value).split("\n")).toContain("同分的单位依次按 DJ 党的建设、JJ 经济发展 比较排定名次");
    // Where units level on the tie-breakers too share a rank (双河乡, 杨柳镇 in 乡镇组, nothing ranked apart), that is said.
    expect(String(book.getWorksheet("乡镇组排名")!.getCell("A2").value).split("\n")).toContain("同分的单位依次按 DJ 党的建设、JJ 经济发展 比较排定名次;比较项也都相同的并列同一名次");
    // The departments' ranking, no tie broken there, 区财政局 and 区发展改革局 level on BM1 too: they share 1st, said so.
    expect(String(book.getWorksheet("区直部门排名")!.getCell("A2").value).split("\n")).toContain("同分的单位按 BM1 重点工作任务 比较排定名次;比较项也都相同的并列同一名次");
    // The enterprises' (no tie-breaker, no tie): nothing.
    expect(String(book.getWorksheet("区属国有企业排名")!.getCell("A2").value)).not.toContain("同分的单位");
  });

  it("gives 得分明细 its 加分 and 扣分 columns wherever the kind may have them, though no row was recorded (as its ranking sheet shows 0.00)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    const ledger = wb.getWorksheet("加扣分")!;
    // The departments' two rows (区住房城乡建设局, 区生态环境分局) taken out.
    expect([ledger.getCell("A12").value, ledger.getCell("A13").value]).toEqual(["区住房城乡建设局", "区生态环境分局"]);
    ledger.spliceRows(12, 2);
    const file = join(dir, "no-department-rows.xlsx");
    await wb.xlsx.writeFile(file);
    const out = join(dir, "no-department-rows.scored.xlsx");
    expect((await cli(["score", file, "-o", out])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const departments = book.getWorksheet("得分明细(区直部门)")!;
    const header = (departments.getRow(3).values as unknown[]).slice(1);
    expect(header.slice(-2)).toEqual(["加分", "扣分"]);
    // A line's own column holds its code and name on one line, its max on the next (BM 区直部门 broke
    // as BM 区直部 / 门 in a column of 9): 11 units of text, bold, want 14.
    const bm = header.indexOf("BM 区直部门\n(100)");
    expect(bm).toBeGreaterThanOrEqual(0);
    expect(departments.getColumn(bm + 1).width).toBeGreaterThanOrEqual(14);
    // A weighted line's column says its weight, as the ranking sheets do (its points beside a total not their sum puzzled).
    const towns = (book.getWorksheet("得分明细(乡镇(街道))")!.getRow(3).values as unknown[]).slice(1).map(String);
    expect(towns.filter((h) => /^(JJ|SH|DJ) /.test(h))).toEqual(["JJ 经济发展\n(100) ×40%", "SH 社会治理\n(100) ×35%", "DJ 党的建设\n(100) ×25%"]);
  });

  it("shows beside a line's subtotal in 得分明细 what is charged to the line itself, so that its items and that add up to it", async () => {
    const book = await scoredSample("charged-line");
    const ws = book.getWorksheet("得分明细(乡镇(街道))")!;
    const header = (ws.getRow(3).values as unknown[]).slice(1).map(String);
    // Only SH has a row charged to it (青龙乡's KF2, −2): its column right after SH's subtotal.
    expect(header.filter((h) => h.startsWith("加扣分"))).toEqual(["加扣分\n(计入社会治理)"]);
    const sh = header.indexOf("SH 社会治理\n(100) ×35%");
    expect(header[sh + 1]).toBe("加扣分\n(计入社会治理)");
    // As wide as its bracket's line needs (at 10 the bracket wrapped and left its ")" alone).
    expect(ws.getColumn(sh + 2).width).toBeGreaterThanOrEqual(17);
    const items = header.flatMap((h, i) => (/^SH\d /.test(h) ? [i] : []));
    let rows = 0;
    ws.eachRow((row, r) => {
      if (r <= 3) return;
      const v = (i: number): number => Number(row.getCell(i + 1).value);
      // Worked from the sample (docs/rules.md: a line's subtotal is its items plus what is charged to it).
      expect(Math.round(items.reduce((s, i) => s + v(i) * 100, 0) + v(sh + 1) * 100)).toBe(Math.round(v(sh) * 100));
      if (row.getCell(1).value === "青龙乡") expect([v(sh), v(sh + 1)]).toEqual([87.2, -2]);
      rows++;
    });
    expect(rows).toBe(11);
  });

  it("says under the award list's title, and beside the report's, the prize money it gives in all and by kind", async () => {
    const book = await scoredSample("money");
    // By hand: 乡镇组 50,000 (柳河镇) + 30,000 × 3 (石桥镇, 双河乡 and 杨柳镇 递补), 街道组 30,000 (文昌街道;
    // its 一等奖 空缺): 170,000; 单项奖 20,000 × 2 (柳河镇 省级, 石桥镇 市级; 白马镇 vetoed).
    expect(String(book.getWorksheet("奖惩名单")!.getCell("A2").value).split("\n")[1]).toBe("奖金合计 210,000 元(名次奖 170,000 元、单项奖 40,000 元)");
    const html = join(dir, "money.report.html");
    expect((await cli(["report", input, "--format", "html", "-o", html])).code).toBe(0);
    expect(readFileSync(html, "utf8")).toContain("奖金合计 210,000 元(名次奖 170,000 元、单项奖 40,000 元)");
    // In English each kind's name set off by a colon, not run into the sentence as a capitalised word.
    const enBook = await scoredSample("money-en", "--lang", "en");
    const list = enBook.worksheets.find((w) => String(w.getCell("A1").value).includes("Awards"));
    expect(String(list?.getCell("A2").value).split("\n")[1]).toBe("Total prize money: 210,000 yuan (rank prizes 170,000 yuan, single-item awards 40,000 yuan)");
  });

  it("keeps an award whole in a ranking's awards cell: a grade's reason with a semicolon of its own is not split across lines as two awards", async () => {
    const book = await scoredSample("whole-awards");
    const ws = book.getWorksheet("区直部门排名")!;
    const cells: string[] = [];
    // (Its body rows: the subtitle above them has lines of its own.)
    ws.eachRow((row, n) => void (n > 3 && cells.push(String(row.getCell(row.cellCount).value))));
    expect(cells).toContain("等次:良好(达到优秀分数线,但优秀名额 1 个已满;并列于名额线上的单位均评为优秀,共 2 个)");
    expect(cells.filter((c) => c.includes("\n"))).toEqual([]);
  });

  it("gives a graded ranking's grade in its 等次 column and says it again in the awards cell only with its reason (等次:优秀 beside 优秀 read twice)", async () => {
    const book = await scoredSample("grade-once");
    const ws = book.getWorksheet("乡镇(街道)综合排名")!;
    const heads = ws.getRow(3);
    const col = (name: string): number => [...Array(heads.cellCount).keys()].map((i) => i + 1).find((c) => heads.getCell(c).value === name) ?? 0;
    const rowOf = (unit: string): ExcelJS.Row | undefined => ws.getRows(4, ws.rowCount - 3)?.find((r) => r.getCell(col("单位")).value === unit);
    // 柳河镇 优秀 on the quota: the column says it, the awards its prizes alone.
    expect(rowOf("柳河镇")?.getCell(col("等次")).value).toBe("优秀");
    expect(String(rowOf("柳河镇")?.getCell(col("奖惩")).value)).not.toContain("等次");
    // 双河乡 短 of 优秀 by the quota, 白马镇 held by its veto: the reason is in the awards cell.
    expect(rowOf("双河乡")?.getCell(col("等次")).value).toBe("良好");
    expect(String(rowOf("双河乡")?.getCell(col("奖惩")).value)).toContain("等次:良好(达到优秀分数线,但优秀名额 2 个已满)");
    expect(String(rowOf("白马镇")?.getCell(col("奖惩")).value)).toContain("等次:不合格(因一票否决)");
  });

  it("says where a kind no ranking ranks has its units: rubric check warns, the terminal says where their scores are, explain says it is not ranked", async () => {
    const drop = (y: string): string => {
      const at = y.indexOf("  - id: enterprises\n");
      return y.slice(0, at);
    };
    const { rubric } = await scoredUnder("no-enterprises", drop);
    // At the kind's id, as every rubric problem is said at its line.
    const kindLine = readFileSync(rubric, "utf8").split("\n").indexOf("  - id: enterprise") + 1;
    expect((await cli(["rubric", "check", rubric])).err).toContain(`${rubric}:${kindLine}:9: 警告: 区属国有企业(enterprise)没有排名:其单位照常计分,但不出现在终端、报告和网页的排名表中,只在结果工作簿的得分明细和计分说明里;如要排名,请在 rankings 中加一个 unit_kind: enterprise 的排名 [rubric.kind-unranked]`);
    const r = await cli(["score", input, "--rubric", rubric, "-o", join(dir, "no-enterprises-2.xlsx")]);
    expect(r.out).toContain("(区属国有企业 3 个单位不参加排名:方案未对区属国有企业排名;得分见结果工作簿的 得分明细(区属国有企业))");
    const e = await cli(["explain", input, "区城投集团", "--rubric", rubric]);
    expect(e.out.split("\n")[1]).toBe("总分 100 · 不参加排名(方案未对区属国有企业排名)");
    // 得分明细 says it in each row (a blank rank read as one forgotten).
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, "no-enterprises-2.xlsx"));
    const sheet = book.getWorksheet("得分明细(区属国有企业)")!;
    expect([4, 5, 6].map((r) => sheet.getCell(r, 2).value)).toEqual(["不参加排名", "不参加排名", "不参加排名"]);
    // And the report, among its closing lines (a leader reading it could not tell they were assessed).
    const html = join(dir, "no-enterprises.report.html");
    expect((await cli(["report", input, "--rubric", rubric, "--format", "html", "-o", html])).code).toBe(0);
    expect(readFileSync(html, "utf8")).toContain("区属国有企业 3 个单位不参加排名:方案未对区属国有企业排名,本报告无其排名;各单位得分见计分结果工作簿的 得分明细(区属国有企业) 表。");
  });

  it("says of a group no ranking ranks by the total, where its kind is ranked only in groups, that its units are in none (they vanished)", async () => {
    const oneGroup = (y: string): string => {
      const g = townsInGroupsOnly(y);
      const at = g.indexOf("  - id: urban\n", g.indexOf("rankings:"));
      return g.slice(0, at) + g.slice(g.indexOf("  - id: economy\n", at));
    };
    const { rubric } = await scoredUnder("one-group", oneGroup);
    const groupLine = readFileSync(rubric, "utf8").split("\n").indexOf("      - id: urban") + 1;
    expect((await cli(["rubric", "check", rubric])).err).toContain(`${rubric}:${groupLine}:13: 警告: 乡镇(街道)只按组排名,但街道组(urban)没有按总分的排名:这一组的单位不出现在终端、报告和网页的排名表中;请在 rankings 中加一个 unit_kind: town、group: urban、by: total 的排名 [rubric.group-unranked]`);
    const r = await cli(["score", input, "--rubric", rubric, "-o", join(dir, "one-group-2.xlsx")]);
    expect(r.out).toContain("(街道组 4 个单位不在以上排名中:方案未对街道组按总分排名;得分见结果工作簿的 得分明细(乡镇(街道)))");
    const report = join(dir, "one-group.report.xlsx");
    expect((await cli(["report", input, "--rubric", rubric, "-o", report])).code).toBe(0);
    const said: string[] = [];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    // (A closing line is a merged cell: its first cell's text.)
    wb.worksheets[0]!.eachRow((row) => void said.push(String((row.values as unknown[]).find((v) => typeof v === "string") ?? "")));
    expect(said).toContain("街道组 4 个单位不在本报告的排名中:方案未对街道组按总分排名;各单位得分见计分结果工作簿的 得分明细(乡镇(街道)) 表。");
    // Ranked in both groups, nothing of the kind is said.
    expect((await cli(["rubric", "check", (await scoredUnder("both-groups", townsInGroupsOnly)).rubric])).err).not.toContain("group-unranked");
  });

  it("scores again, and scores a result, where the kind is ranked only in groups (得分明细's 组内名次 is ours, not input)", async () => {
    const { rubric } = await scoredUnder("groups-again", townsInGroupsOnly);
    const out = join(dir, "groups-again.xlsx");
    // Scored again over the earlier result (the daily work after a correction): it is replaced.
    const again = await cli(["score", input, "--rubric", rubric, "-o", out]);
    expect(again.err).not.toContain("result-has-own-sheets");
    expect(again.code).toBe(0);
    // The result given as input: our sheets are not read as input (得分明细 was: column-on-two-sheets).
    const rescored = await cli(["score", out, "--rubric", rubric, "-o", join(dir, "groups-again-2.xlsx")]);
    expect(rescored.err).not.toContain("column-on-two-sheets");
    expect(rescored.code).toBe(0);
  });

  it("gives the report's table of a ranking by a line that decides an award a 奖惩 column saying who won it (only the award list did)", async () => {
    const html = join(dir, "awards-column.html");
    expect((await cli(["report", input, "--format", "html", "-o", html])).code).toBe(0);
    const page = readFileSync(html, "utf8");
    const section = page.slice(page.indexOf("<h2>经济发展单项排名"), page.indexOf("</table>", page.indexOf("<h2>经济发展单项排名")));
    expect(section).toMatch(/<th[^>]*>奖惩<\/th>/);
    expect(section).toMatch(/<td[^>]*>柳河镇<\/td>.*<td[^>]*>单项奖:经济发展突出贡献奖<span class="nb">\(省级\)<\/span>,<span class="nb">20,000元<\/span><\/td>/s);
    // The Excel report likewise: the row of 柳河镇 in that table carries its award.
    const xlsx = join(dir, "awards-column.xlsx");
    expect((await cli(["report", input, "-o", xlsx])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const rows: string[][] = [];
    const text = (v: unknown): string => (v && typeof v === "object" && "richText" in v ? (v as { richText: { text: string }[] }).richText.map((x) => x.text).join("") : String(v ?? ""));
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).map(text)));
    const at = rows.findIndex((r) => r.some((c) => c.startsWith("经济发展单项排名")));
    const liuhe = rows.slice(at).find((r) => r.includes("柳河镇"));
    expect(liuhe).toContain("单项奖:经济发展突出贡献奖(省级),20,000元");
  });

  it("shows every group where a kind is ranked only in groups: a table each in the terminal, and all of the kind in 得分明细 with its group's place", async () => {
    const { rubric, book } = await scoredUnder("groups-only", townsInGroupsOnly);
    const r = await cli(["score", input, "--rubric", rubric, "-o", join(dir, "groups-only-2.xlsx"), "--wide"]);
    expect(r.code).toBe(0);
    // Both groups' tables, one after the other (the second was never shown: 街道组's towns nowhere).
    expect(r.out).toMatch(/^乡镇组排名\n┌/m);
    expect(r.out).toMatch(/^街道组排名\n┌/m);
    expect(r.out).toMatch(/│ 1\s+│ 柳河镇\s+│/);
    expect(r.out).toMatch(/│ 4\s+│ 凤凰街道\s+│/);
    // 得分明细: the eleven towns, by group, each with its group's place (a vetoed one's said too).
    const sheet = book.getWorksheet("得分明细(乡镇(街道))")!;
    expect(sheet.getCell("B3").value).toBe("组内名次");
    const rows = [...Array(sheet.rowCount - 3).keys()].map((i) => [sheet.getCell(i + 4, 1).value, sheet.getCell(i + 4, 2).value]);
    expect(rows).toEqual([
      ["柳河镇", "乡镇组 1"],
      ["石桥镇", "乡镇组 2"],
      ["白马镇", "乡镇组 3(一票否决)"],
      ["双河乡", "乡镇组 4"],
      ["杨柳镇", "乡镇组 4"],
      ["青龙乡", "乡镇组 6"],
      ["金山镇", "乡镇组 7"],
      ["河西街道", "街道组 1(一票否决)"],
      ["文昌街道", "街道组 2"],
      ["河东街道", "街道组 3"],
      ["凤凰街道", "街道组 4"],
    ]);
    // The HTML report charts each group's ranking, the kind having no whole one (it charted none of the towns).
    const html = join(dir, "groups-only.html");
    expect((await cli(["report", input, "--rubric", rubric, "--format", "html", "-o", html])).code).toBe(0);
    expect(readFileSync(html, "utf8").match(/<h2>[^<]*得分<\/h2>/g)).toEqual(["<h2>乡镇组排名得分</h2>", "<h2>街道组排名得分</h2>", "<h2>区直部门排名得分</h2>", "<h2>区属国有企业排名得分</h2>"]);
  });

  it("questions a group the unit's name belies (柳河镇 in 街道组), at its 分组 cell; the sample's own groups say nothing", async () => {
    expect(scored.err).not.toContain("group-unlike-name");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(input);
    const sheet = book.getWorksheet("经济发展")!;
    const row = [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((r) => sheet.getCell(r, 1).value === "柳河镇")!;
    expect(sheet.getCell(row, 2).value).toBe("乡镇组");
    sheet.getCell(row, 2).value = "街道组";
    const moved = join(dir, "moved-group.xlsx");
    await book.xlsx.writeFile(moved);
    const r = await cli(["validate", moved]);
    expect(r.err).toContain(`经济发展!B${row}: 警告: “柳河镇” 分在 街道组,但名称以 “镇” 结尾,像是 乡镇组 的单位:请核对分组(分组决定与谁比较、评哪一组的奖);如确属 街道组,可在方案中 街道组 的 labels 里写上 柳河镇 [workbook.group-unlike-name]`);
    // Placed there on purpose, and said so in the rubric (its name among 街道组's labels): nothing more is said.
    const own = join(dir, "placed.yaml");
    writeFileSync(own, readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("        labels: [街道]\n", "        labels: [街道, 柳河镇]\n"));
    const placed = await cli(["validate", moved, "--rubric", own]);
    expect(placed.err).not.toContain("group-unlike-name");
  });

  it("finds its bundled rubric from the cover and scores without errors", () => {
    expect(scored.code).toBe(0);
    expect(scored.err).toContain("加扣分!F11"); // the one row 待审核, said where it is
    expect(scored.err).not.toContain("错误");
  });

  it("prints each kind's ranking with the group place and the weighted lines", () => {
    // 名次区间 too: 河东街道's claim is pending.
    expect(scored.out).toContain("│ 名次 │ 名次区间 │ 单位     │ 组内名次 │ 经济发展 ×40% │ 社会治理 ×35% │ 党的建设 ×25% │");
    // 94.04 × 40% + 91.9 × 35% + 97 × 25% = 94.031 → 94.03, + 5 bonus (JF2 capped at 2, all bonuses at 5).
    expect(scored.out).toMatch(/│ 2\s+│ 2\s+│ 石桥镇\s+│ 乡镇组 2\s+│ 94\.04\s+│ 91\.9\s+│ 97\s+│ 5\s+│ 0\s+│ 99\.03\s+│ 等次:优秀;名次奖:乡镇组排名二等奖/);
    expect(scored.out).toContain("区属国有企业排名");
    expect(scored.out).toMatch(/│ 一票否决 │ 区文旅集团/);
    // The rankings not printed are named, with where they are (经济发展单项排名 decides a single-item award).
    expect(scored.out).toContain("(另有排名未在此列出,见结果工作簿:乡镇组排名、街道组排名、经济发展单项排名)\n");
  });

  it("keeps 白马镇 ranked with its grade held to 不合格, and passes its prize on", () => {
    const b = unit("白马镇");
    expect(b.group).toBe("rural");
    expect([b.rank.rural, b.grade?.towns]).toEqual([3, "不合格"]);
    expect(prizes("白马镇")).toEqual([]);
    // 双河乡 and 杨柳镇, tied 4th, hold the third prize place: 二等奖 (2nd–3rd).
    expect(prizes("双河乡")).toEqual(["rural:二等奖"]);
    expect(prizes("杨柳镇")).toEqual(["rural:二等奖"]);
  });

  it("leaves 街道组's 一等奖 empty for 河西街道, at most 合格", () => {
    expect([unit("河西街道").rank.urban, unit("河西街道").grade?.towns]).toEqual([1, "合格"]);
    expect(json.units.flatMap((u) => u.awards.filter((a) => a.ranking === "urban" && a.tier === "一等奖"))).toEqual([]);
    expect(prizes("文昌街道")).toEqual(["urban:二等奖"]);
  });

  it("grades on quotas: two 优秀 of eleven towns; departments tied at the cut both 优秀", () => {
    expect(json.units.filter((u) => u.grade?.towns === "优秀").map((u) => u.name)).toEqual(["柳河镇", "石桥镇"]);
    expect(json.units.filter((u) => u.grade?.departments === "优秀").map((u) => u.name).sort()).toEqual(["区发展改革局", "区财政局"].sort());
    expect(unit("凤凰街道").awards.map((a) => a.kind)).toEqual(["grade", "warning"]);
    // 双河乡 at 91.18 reached 优秀's line, outside its two places: the JSON says so.
    expect(unit("双河乡").awards.find((a) => a.kind === "grade")).toEqual({ kind: "grade", ranking: "towns", grade: "良好", cut: { grade: "优秀", quota: 2 } });
    // The two tied departments say why 优秀 went to two of a quota of one (nothing did: it read as a mistake).
    for (const name of ["区财政局", "区发展改革局"]) expect(unit(name).awards.find((a) => a.kind === "grade")).toEqual({ kind: "grade", ranking: "departments", grade: "优秀", over: { quota: 1, given: 2 } });
    expect(scored.out).toMatch(/│ 1 +│ 区财政局 .*│ 等次:优秀\(并列于优秀名额线上,按方案均评为优秀:名额 1 个,共评 2 个\) +│/);
  });

  it("names the result sheets after the rubric's rankings and unit kinds", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "柳河区.scored.xlsx"));
    const ours = wb.worksheets.map((w) => w.name).filter((n) => !["封面", "经济发展", "社会治理", "党的建设", "区直部门", "区属国企", "指标数据", "加扣分", "_lists"].includes(n));
    expect(ours).toEqual(["乡镇(街道)综合排名", "乡镇组排名", "街道组排名", "经济发展单项排名", "区直部门排名", "区属国有企业排名", "得分明细(乡镇(街道))", "得分明细(区直部门)", "得分明细(区属国有企业)", "计分说明", "奖惩名单", "计分信息"]);
  });

  it("says under a sheet's title what 名次区间 and (待定) mean, on the sheets that show them", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "柳河区.scored.xlsx"));
    const notes = wb.worksheets.flatMap((w) => {
      const v = w.getCell("A2").value;
      // (The award list's second line is its money.)
      // (Nor what its shading means.)
      // (Nor how the weighted lines make the total, nor which prizes nobody holds: said apart.)
      const notes = typeof v === "string" ? v.split("\n").slice(1).filter((l) => !l.includes("奖金合计") && !l.startsWith("底色:") && !l.startsWith("总分 =") && !l.startsWith("奖次空缺:") && !l.startsWith("同分的单位")) : [];
      return notes.map((n) => `${w.name}: ${n}`);
    });
    // 河东街道's pending claim moves ranks on the towns' ranking alone (8–9); no award waits on it.
    // (Said so: "标“待定”的奖惩可能随认定改变" sent a leader looking for marks there were none of.)
    // On 街道组排名, where it moves no rank: its total may move, said with where to (the sheet said nothing).
    expect(notes).toEqual([
      "乡镇(街道)综合排名: 加扣分尚有待认定:名次区间是各单位可能的名次;无论如何认定,本表各单位的奖惩均不变;待认定的记录见 计分说明 表",
      "街道组排名: 加扣分尚有待认定:河东街道(89.50–90.50) 的总分可能变动,本表名次和奖惩均不变;待认定的记录见 计分说明 表",
      // Two level on 乡镇组排名 at its 二等奖's last place (4th, the vetoed 白马镇's 3rd passed on), even on its
      // tie-breakers: both hold it, three of two places.
      "奖惩名单: 乡镇组排名第 4 名 2 个单位并列(递补为第 3 名奖次),均获二等奖(二等奖为第 2–3 名,2 个名次,共 3 个单位获得)",
    ]);
  });

  it("lists in 计分说明 a judged or deducted item a ledger row was charged to: entered, charged, scored", async () => {
    // KF3 charged to SH3 (扣分制) instead of SH2: 杨柳镇's 2 × 1 lands on an item whose points were entered.
    const { book: wb } = await scoredUnder("kf3-sh3", (t) => t.replace("      charge: SH2\n", "      charge: SH3\n"));
    const rows = (wb.getWorksheet("计分说明")?.getSheetValues() ?? []).flatMap((r) => (Array.isArray(r) && r[1] === "杨柳镇" ? [r.slice(1).join(" | ")] : []));
    expect(rows.filter((r) => /\| (SH2|SH3|KF3) \|/.test(r))).toEqual([
      "杨柳镇 | SH2 | 一般生产安全事故控制 | 15 | 15 | ZB6 0起 ≤ 0起,得该档 100%,计 15 | 指标数据!G6",
      "杨柳镇 | SH3 | 信访稳定 | 12.9 | 15 | 扣分制:扣 0.1(满分 15),得 14.9;加扣分 −2,得 12.9 | 社会治理!B6",
      "杨柳镇 | KF3 | 安全隐患整改不到位 | -2 |  | 2 × 1 = 扣 2,计入 SH3 信访稳定(说明:重大安全隐患整改不到位) | 加扣分!B8",
    ]);
    // An item nothing was charged to is the matrix's alone: not listed.
    expect(rows.some((r) => r.includes("| DJ3 |"))).toBe(false);
    expect(rows.some((r) => r.includes("| SH1 |"))).toBe(true);
  });

  it("explains a weighted total, a deducted item and a held veto", async () => {
    const r = await cli(["explain", input, "白马镇"]);
    expect(r.code).toBe(0);
    // 37.284 + 29.925 + 25 is 92.209, rounded: ≈ (an exact sum, 柳河镇's 98.55, says =).
    expect(r.out).toContain("总分 = 93.21×40% + 85.5×35% + 100×25% + 加分 0 − 扣分(计入总分) 0 ≈ 92.21");
    expect((await cli(["explain", input, "柳河镇"])).out).toContain("总分 = 98×40% + 98.5×35% + 99.5×25% + 加分 3.5 − 扣分(计入总分) 0 = 102.05");
    expect(r.out).toContain("SH3 信访稳定  15/15  扣分制:未扣分,得满分 15  [社会治理!B4]");
    expect(r.out).toContain("等次:不合格(因一票否决)");
    // Held to at most 合格 by its veto (its 95 reached 优秀's line): said apart from a grade set outright.
    expect((await cli(["explain", input, "河西街道"])).out).toContain("等次:合格(一票否决,至多评为合格)");
    const en = (await cli(["explain", input, "河西街道", "--lang", "en"])).out;
    expect(en).toContain("grade: 合格 (a veto allows no better)");
    // The ledger's columns named in a sentence as words, not as headings (+ Bonus 0 − Deduction …).
    expect(en).toContain("Total = 100×40% + 100×35% + 80×25% + bonus 0 − deduction (on the total) 0 = 95\n");
    // Ledger points charged to an item or a line are said where they land, and where they went.
    const charged = await cli(["explain", input, "杨柳镇"]);
    expect(charged.out).toContain("SH2 一般生产安全事故控制  13/15 −2  ZB6 0起 ≤ 0起,得该档 100%,计 15;加扣分 −2,得 13  [指标数据!G6]");
    // The ledger code with its name, as items are shown, then the row's own note.
    expect(charged.out).toContain("  KF3 安全隐患整改不到位  −2  2 × 1 = 扣 2,计入 SH2 一般生产安全事故控制  [加扣分!B8]  重大安全隐患整改不到位");
    const line = await cli(["explain", input, "青龙乡"]);
    expect(line.out).toContain("SH 社会治理  87.2/100(含加扣分 −2)");
    const s = await cli(["explain", input, "金山镇"]);
    // Negative growth: JJ1 between the floor 0% and the target earns nothing below the floor.
    expect(s.out).toMatch(/JJ1 地区生产总值增长 {2}0\/20 −20 {2}ZB1 -1\.5%/);
  });

  it("explain says what a unit lacks for a better grade: past the lowest score within the quota's places, or the mark; a department with no prize has it alone", async () => {
    // 优秀 for 2 of 11 towns (20%), held by 柳河镇 102.05 and 石桥镇 99.03 (5 others reach 90), ties at the cut to none: 99.03 − 89.61 + 0.01.
    const q = await cli(["explain", input, "青龙乡"]);
    expect(q.out.split("\n").slice(2, 4)).toEqual([
      "距乡镇组排名二等奖还差 1.58 分(与 双河乡、杨柳镇 同分时比较 DJ 党的建设(95 对 97)仍排在其后,须高出 0.01 分;其他单位不变)",
      "距乡镇(街道)综合排名等次“优秀”还差 9.43 分(优秀须达 90 分,至多 2 个,另有 5 个可占此名额的单位达到,须超过其中第 2 高的 99.03 分,同分时按同分比较项排在其后;其他单位不变)",
    ]);
    // 河东街道 1.01 short of 文昌街道 for 二等奖: level is enough, DJ putting it ahead — said, as the
    // 0.01 past level is (two towns comparing their gaps took one for a slip), and in the JSON.
    expect((await cli(["explain", input, "河东街道"])).out).toContain("距街道组排名二等奖还差 1.01 分(与 文昌街道 同分时比较 DJ 党的建设(99 对 95.5)排在其前,追平即可;其他单位不变)\n");
    const ahead = JSON.parse((await cli(["explain", input, "河东街道", "--json"])).out) as { gap: unknown };
    expect(ahead.gap).toEqual({ ranking: "urban", tier: "二等奖", points: 1.01, tie: { key: "DJ", own: 99, theirs: 95.5, units: ["文昌街道"], level: 1, ahead: true } });
    // Reaching the lowest within the quota enough, and why: DJ puts 河东街道 ahead of 石桥镇 level on
    // 99.03; 区住房城乡建设局 level with 区市场监管局 on every key, the rubric gives 优秀 to all tied.
    expect((await cli(["explain", input, "河东街道"])).out).toContain("须达到其中第 2 高的 99.03 分,同分时按同分比较项排在其前;其他单位不变)\n");
    expect((await cli(["explain", input, "区住房城乡建设局"])).out).toContain("须达到其中最高的 99.5 分,同分并列时按方案均评为优秀;其他单位不变)\n");
    // In English as one reads it (a tester's find: "may fill that quota … the lowest score within it"; "level on every key").
    expect((await cli(["explain", input, "区住房城乡建设局", "--lang", "en"])).out).toContain("that reached it compete for the 1 place: it must reach 99.5, the highest of theirs; tied on the score and every tie-breaker, the rubric gives all of the tied units 优秀; others unchanged)\n");
    // 凤凰街道 50.55 不合格: 合格's mark, 60.
    expect((await cli(["explain", input, "凤凰街道"])).out).toContain("距乡镇(街道)综合排名等次“合格”还差 9.45 分(合格须达 60 分;其他单位不变)\n");
    // Held at 合格 by its veto (河西街道), or set 不合格 (白马镇), or at the best grade (柳河镇): none.
    for (const u of ["河西街道", "白马镇", "柳河镇"]) expect((await cli(["explain", input, u])).out).not.toContain("等次“");
    const dept = await cli(["explain", input, "区市场监管局", "--json"]);
    expect((JSON.parse(dept.out) as { gradeGap: unknown }).gradeGap).toEqual({ ranking: "departments", grade: "优秀", points: 10.54, from: 90, quota: { count: 1, others: 5, score: 99.5, pass: true, tied: "tie-breakers" } });
  });

  it("explain says where a unit's target came from: its own cell, or the rubric's default where none is entered", async () => {
    const rubric = join(dir, "township-comprehensive-2026.1.yaml");
    writeFileSync(rubric, readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("  - code: MB2\n", "  - code: MB2\n    default: 11000\n"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    wb.getWorksheet("指标数据")!.getCell("P2").value = null;
    const blank = join(dir, "default-target.xlsx");
    await wb.xlsx.writeFile(blank);
    const r = await cli(["explain", blank, "柳河镇", "--rubric", rubric]);
    expect(r.out).toContain("JJ2 一般公共预算收入  20/20  ZB2 12000万元 ≥ 11000万元,得满分 20(未填 MB2,目标取方案默认值)  [指标数据!C2]");
    const own = await cli(["explain", input, "柳河镇"]);
    expect(own.out).toContain("JJ2 一般公共预算收入  20/20  ZB2 12000万元 ≥ 11500万元,得满分 20(目标取自 指标数据!P2)  [指标数据!C2]");
    // A floor of each unit's own (QY1: 保底值 MB4) is cited with the target.
    const floor = await cli(["explain", input, "区交通投资公司"]);
    expect(floor.out).toContain("QY1 营业收入  14/30 −16  ZB11 52000万元 介于 45000万元(0 分)与 60000万元(满分 30)之间,按比例得 (52000万元 − 45000万元) ÷ (60000万元 − 45000万元) × 30 = 14(目标取自 指标数据!Q20,下限取自 指标数据!R20)  [指标数据!L20]");
    // The JSON names the two cells too (its why left them out).
    const item = (JSON.parse((await cli(["explain", input, "区交通投资公司", "--json"])).out) as { items: { code: string }[] }).items.find((i) => i.code === "QY1");
    expect(item).toMatchObject({ cell: "指标数据!L20", targetCell: "指标数据!Q20", floorCell: "指标数据!R20" });
  });

  it("explain --json gives a unit's standing while a claim is pending, as score --json does", async () => {
    // 河东街道's JF1 is 待审核: its total and its places are ranges until it is decided. Its grade
    // stays: at 90.5 it reaches 优秀's line, but both places are surely held by units ahead.
    const r = await cli(["explain", input, "河东街道", "--json"]);
    const explained = JSON.parse(r.out) as { certainty?: unknown };
    const scored = json.units.find((u) => u.name === "河东街道") as unknown as { certainty?: unknown };
    expect(scored.certainty).toMatchObject({ total: [89.5, 90.5], settled: true, open: [] });
    expect(explained.certainty).toEqual(scored.certainty);
  });

  it("explain says when another unit's pending claim may move a unit whose own total is settled", async () => {
    // 河东街道 may reach 90.5 and pass 青龙乡's 89.61: 8–9 overall, its awards unchanged either way.
    const r = await cli(["explain", input, "青龙乡"]);
    expect(r.out).toContain("总分已定,但尚有待认定的加扣分:视 加扣分!B11(河东街道 JF1) 的认定,名次可能为 乡镇(街道)综合排名 8–9(其他名次不变);无论如何认定,奖惩不变");
    // The ranks that cannot move (乡镇组排名 6, 经济发展单项排名 5) are not listed among those it may become.
    expect(r.out).not.toContain("名次可能为 乡镇(街道)综合排名 8–9 · ");
    const en = await cli(["explain", input, "青龙乡", "--lang", "en"]);
    expect(en.out).toContain("the rank may be 乡镇(街道)综合排名 8–9 (the other ranks stay as they are); the awards stay the same however the claims are decided");
  });

  it("explain lists what a pending claim could still change first, as the sheets do", async () => {
    // 河东街道's claim at 省级 (+2) may take 文昌街道's 二等奖: listed before its settled grade.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    wb.getWorksheet("加扣分")!.getCell("D11").value = "省级";
    const file = join(dir, "provincial.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli(["explain", file, "河东街道"]);
    expect(r.out).toContain("奖惩:\n  (待定)可能获街道组排名二等奖\n  等次:良好\n");
    expect(r.out).toContain("JF1 工作创新获上级推广  不计分  状态为“待审核”,尚未认定,不计分;认定后按 2(省级) × 1 加 2  [加扣分!B11]");
  });

  // Its own single-item recognition (DX1, which scores nothing) may bring an award, never move its
  // rank: named with the awards alone (it was among the claims its ranks were said to wait on).
  it("explain names a unit's own single-item claim with its awards, not among the claims that may move its ranks", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    const ledger = wb.getWorksheet("加扣分")!;
    ledger.getRow(ledger.rowCount + 1).values = ["文昌街道", "JF2", 2, null, null, "申报中"];
    ledger.getRow(ledger.rowCount + 1).values = ["双河乡", "DX1", null, "市级", null, "申报中"];
    const file = join(dir, "single-claim.xlsx");
    await wb.xlsx.writeFile(file);
    const [jf2, dx1] = [ledger.rowCount - 1, ledger.rowCount];
    expect((await cli(["explain", file, "双河乡"])).out).toContain(`总分已定,但尚有待认定的加扣分:视 加扣分!B${jf2}(文昌街道 JF2) 的认定,名次可能为 乡镇(街道)综合排名 5–6(其他名次不变);奖惩可能因 加扣分!B${dx1} 的认定而变\n`);
  });

  it("says the grades at each unit's own highest and lowest, each its own: −30 pending from 89.5 is 良好 or 不合格 (not 合格), +3 from 57 is 不合格 or 合格", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    // 凤凰街道 to 57 (SH7 10 → 17, DJ1 14 → 30: 7 × 35% + 16 × 25% = 6.45 more than its 50.55).
    wb.getWorksheet("社会治理")!.getCell("D12").value = 17;
    wb.getWorksheet("党的建设")!.getCell("B12").value = 30;
    const ledger = wb.getWorksheet("加扣分")!;
    ledger.getRow(11).values = ["河东街道", "KF1", 30, null, null, "待审核"];
    ledger.getRow(ledger.rowCount + 1).values = ["凤凰街道", "JF1", null, "国家级", null, "申报中"];
    const file = join(dir, "grades-own.xlsx");
    await wb.xlsx.writeFile(file);
    expect((await cli(["explain", file, "河东街道"])).out).toContain("(待定)等次:良好(视待定加扣分的认定,也可能为不合格)\n");
    // (Both lists alike in kind, they were one list shared: 凤凰街道 was said to reach 良好.)
    expect((await cli(["explain", file, "凤凰街道"])).out).toContain("(待定)等次:不合格(视待定加扣分的认定,也可能为合格)\n");
  });

  it("names the unit of a problem at its cell where the message names the item alone, in the line and the JSON", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    const ws = wb.getWorksheet("社会治理")!;
    let row = 0;
    ws.eachRow((r, i) => void (r.getCell(1).value === "青龙乡" && (row = i)));
    ws.getCell(`C${row}`).value = "见附件";
    // A count's message has a unit of its own (起): the unit's name is put first all the same.
    const rates = wb.getWorksheet("指标数据")!;
    let ratesRow = 0;
    rates.eachRow((r, i) => void (r.getCell(1).value === "杨柳镇" && (ratesRow = i)));
    rates.getCell(`F${ratesRow}`).value = null;
    // A ledger row of a unit not in the workbook: its name is no unit to put first.
    const ledger = wb.getWorksheet("加扣分")!;
    ledger.getRow(ledger.rowCount + 1).values = ["不存在局", "XX1", null, null, null, "已认定"];
    const file = join(dir, "unit-named.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli(["validate", file]);
    expect(r.err).toContain(`社会治理!C${row}: 错误: 青龙乡 SH6 的分值 “见附件” 不是数字;请填 0 到 20 之间的阿拉伯数字 [workbook.points-not-a-number]`);
    expect((await cli(["validate", file, "--lang", "en"])).err).toContain(`社会治理!C${row}: error: 青龙乡 — SH6: the points "见附件" are not a number`);
    expect(r.err).toContain(`指标数据!F${ratesRow}: 错误: 杨柳镇 ZB5 未填写(单位:起);没有发生请填 0 [workbook.blank-quantity]`);
    expect(r.err).toMatch(/加扣分!B\d+: 错误: 未知代码 “XX1”/);
    const j = JSON.parse((await cli(["validate", file, "--json"])).out) as { diagnostics: { code: string; unit?: string; message: string }[] };
    const d = j.diagnostics.find((x) => x.code === "workbook.points-not-a-number");
    expect(d).toMatchObject({ unit: "青龙乡", message: "SH6 的分值 “见附件” 不是数字;请填 0 到 20 之间的阿拉伯数字" });
    // A message that names its unit already: its line does not name it twice; the JSON gives it all the same (a dashboard filters by it).
    const pending = j.diagnostics.find((x) => x.code === "workbook.ledger-pending");
    expect(pending).toMatchObject({ unit: "河东街道", message: expect.stringContaining("“河东街道”") });
    expect(r.err).toMatch(/加扣分!F\d+: 警告: “[^”]+” 的 \w+ 状态为/);
  });

  it("says which grades a unit's own pending claim may bring: 88.97 with −10 pending is 良好 or 合格", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    const ledger = wb.getWorksheet("加扣分")!;
    ledger.getRow(ledger.rowCount + 1).values = ["区市场监管局", "KF1", 10, null, null, "申报中"];
    const file = join(dir, "grade-pending.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli(["explain", file, "区市场监管局"]);
    expect(r.out).toContain("奖惩:\n  (待定)等次:良好(视待定加扣分的认定,也可能为合格)\n");
    const en = await cli(["explain", file, "区市场监管局", "--lang", "en"]);
    expect(en.out).toContain("(pending) grade: 良好 (may be 合格 once the pending claims are decided)");
    // The terminal's table says it too; a unit whose claims cross no line says nothing more.
    const scored = await cli(["score", file, "-o", join(dir, "grade-pending.scored.xlsx")]);
    expect(scored.out).toMatch(/│ 区市场监管局 .*│ \(待定\)等次:良好\(视待定加扣分的认定,也可能为合格\)/);
    expect(scored.out).toMatch(/│ 区交通运输局 .*│ 等次:良好\(达到优秀分数线,但优秀名额 1 个已满;[^│]*│/);
    expect(scored.out).not.toMatch(/│ 区交通运输局 .*也可能为/);
    // The award list, which leaves the office, says it too (it said (待定)良好 alone).
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, "grade-pending.scored.xlsx"));
    const listed: unknown[][] = [];
    book.getWorksheet("奖惩名单")!.eachRow((row) => void listed.push((row.values as unknown[]).slice(1)));
    expect(listed.find((r) => r[0] === "等次" && r[1] === "区市场监管局")?.[2]).toBe("(待定)良好(视待定加扣分的认定,也可能为合格)");
  });
});

describe("the comprehensive sample's report", () => {
  it("speaks in the rubric's words: title, seal line, a chart per kind, nothing of the other scheme", async () => {
    const html = join(dir, "报告.html");
    const r = await cli(["report", input, "--format", "html", "-o", html], { LANG: "zh_CN.UTF-8", SOURCE_DATE_EPOCH: "1789000000" });
    expect(r.code).toBe(0);
    const text = readFileSync(html, "utf8");
    expect(text).toContain("<h1>柳河区2026年度乡镇(街道)和区直部门综合考核结果</h1>");
    expect(text).toContain(">柳河区综合考核工作领导小组办公室(盖章)<");
    // One chart for each kind's whole ranking (towns, departments, enterprises), not for the groups.
    expect((text.match(/<svg class="chart chart-wide"/g) ?? []).length).toBe(3);
    expect(text).toContain('<title id="c1-title">乡镇(街道)综合排名各单位得分</title>');
    // The vetoed dot is in the legend of the towns' chart alone (no department or enterprise is vetoed).
    const charts = [...text.matchAll(/<svg class="chart chart-wide"[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(charts.map((c) => c.includes(">一票否决(仍参与排名)<"))).toEqual([true, false, false]);
    // Each chart headed by its ranking (they all said 综合得分).
    expect([...text.matchAll(/<section class="block chart-block keep">\n<h2>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual(["乡镇(街道)综合排名得分", "区直部门排名得分", "区属国有企业排名得分"]);
    // Vetoed towns keep their ranks here: the legend says so (it said 一票否决 beside 参与排名).
    expect(/<svg[\s\S]*?<\/svg>/.exec(text)?.[0]).toContain(">一票否决(仍参与排名)<");
    expect(text).toContain("50,000");
    expect(text).not.toMatch(/人口|计划生育|镇、街道/);
  });

  it("shows each town's place in its group on the whole ranking, and no empty 组内名次 on a group's own", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "j.xlsx"));
    const header = (name: string) => (wb.getWorksheet(name)?.getRow(3).values as unknown[]).slice(1);
    const at = header("乡镇(街道)综合排名").indexOf("组内名次") + 1;
    expect(at).toBeGreaterThan(0);
    expect(wb.getWorksheet("乡镇(街道)综合排名")?.getRow(4).getCell(at).value).toBe("乡镇组 1");
    for (const group of ["乡镇组排名", "街道组排名"]) expect(header(group)).not.toContain("组内名次");
  });

  it("marks in 得分明细 a unit its veto keeps ranked (白马镇, 4th and held to 不合格) as well as one it unranks", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "j.xlsx"));
    const rank = (sheet: string, unit: string): unknown => {
      let found: unknown;
      wb.getWorksheet(sheet)?.eachRow((row) => {
        if (row.getCell(1).value === unit) found = row.getCell(2).value;
      });
      return found;
    };
    expect(rank("得分明细(乡镇(街道))", "白马镇")).toBe("4(一票否决)");
    expect(rank("得分明细(乡镇(街道))", "柳河镇")).toBe(1);
    expect(rank("得分明细(区属国有企业)", "区文旅集团")).toBe("一票否决");
  });

  it("heads the towns' 扣分 column 扣分(计入总分): KF2 and KF3 are charged to 社会治理 and its SH2, not to the total", async () => {
    // 双河乡's KF3 (2 points) is in its 社会治理 line, so its 扣分 on the total is 0: the heading says so.
    expect(scored.out).toContain("│ 党的建设 ×25% │ 加分 │ 扣分(计入总分) │ 总分   │");
    expect(scored.out).toMatch(/│ 名次\s+│ 单位\s+│ 区直部门 │ 加分 │ 扣分 │ 总分\s+│/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "j.xlsx"));
    const header = (name: string) => (wb.getWorksheet(name)?.getRow(3).values as unknown[]).slice(1);
    expect(header("乡镇(街道)综合排名")).toEqual(expect.arrayContaining(["加分", "扣分(计入总分)"]));
    expect(header("得分明细(乡镇(街道))")).toEqual(expect.arrayContaining(["加分", "扣分\n(计入总分)"]));
    // Departments have KF1 alone, on the total.
    expect(header("区直部门排名")).toEqual(expect.arrayContaining(["加分", "扣分"]));
    expect(header("区直部门排名")).not.toContain("扣分(计入总分)");
    const html = join(dir, "heads.html");
    await cli(["report", input, "--format", "html", "-o", html]);
    expect(readFileSync(html, "utf8")).toContain(`<th scope="col" class="k-points">扣分(计入总分)</th>`);
    const en = await cli(["score", input, "--lang", "en", "-o", join(dir, "en.xlsx")]);
    expect(en.out).toContain("Deduction (on the total)");
  });

  it("sets prizes apart in 奖惩名单 as on the rankings, and no grade (不合格 is no prize)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "j.xlsx"));
    const fills = new Map<string, string[]>();
    // (A vetoed unit's rows are red, its grade's too, as the legend says: those apart.)
    const vetoed = new Set(["河西街道", "白马镇", "区文旅集团"]);
    wb.getWorksheet("奖惩名单")?.eachRow((row) => {
      const fill = row.getCell(3).fill;
      const key = vetoed.has(String(row.getCell(2).value)) ? "vetoed" : String(row.getCell(1).value);
      fills.set(key, [...(fills.get(key) ?? []), fill?.type === "pattern" && fill.pattern === "solid" ? String((fill.fgColor as { argb?: string } | undefined)?.argb) : "none"]);
    });
    expect(new Set(fills.get("等次"))).toEqual(new Set(["none"]));
    expect(fills.get("名次奖")?.filter((f) => f !== "none").length).toBeGreaterThan(0);
    expect(fills.get("黄牌警告")?.length).toBeGreaterThan(0);
    expect(new Set(fills.get("黄牌警告"))).not.toContain("none");
    expect(new Set(fills.get("vetoed"))).toEqual(new Set(["FFFCE4E4"]));
  });

  it("shows the awards a ranking by a line or an item decides, its own alone: in the terminal, the ranking sheet and (by the total) all of a unit's", async () => {
    const rubric = join(dir, "by-line.yaml");
    writeFileSync(rubric, readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("    unit_kind: department\n    by: total\n", "    unit_kind: department\n    by: BM\n"));
    const r = await cli(["score", input, "--rubric", rubric, "-o", join(dir, "by-line.xlsx"), "--wide"]);
    expect(r.code).toBe(0);
    // Its tie-breaker (BM1) beside it, as on the ranking sheet.
    expect(r.out).toMatch(/│ 名次 │ 单位\s+│ 区直部门 │ BM1 重点工作任务.同分时比较. │ 奖惩\s+│/);
    expect(r.out).toMatch(/│ 6\s+│ 区市场监管局\s+│ 88\.97\s+│ \d+(\.\d+)?\s+│ 等次:良好;黄牌警告:区直部门排名末位\s+│/);
    // 经济发展单项排名 (by JJ) decides the single-item award: its own, not the unit's grade or group prize.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "j.xlsx"));
    const sheet = wb.getWorksheet("经济发展单项排名")!;
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header.at(-1)).toBe("奖惩");
    // Ranked by JJ, ties broken by JJ4: its column is shown, or equal scores ranked apart say no why.
    expect(header.slice(0, -1)).toEqual(["名次", "单位", "经济发展", "满分", "得分率", "JJ4 招商引资\n(同分时比较)"]);
    let liuhe: unknown[] = [];
    sheet.eachRow((row) => {
      if ((row.values as unknown[]).includes("柳河镇")) liuhe = (row.values as unknown[]).slice(1);
    });
    expect(liuhe.at(-1)).toBe("单项奖:经济发展突出贡献奖(省级),20,000元");
    expect(liuhe[header.indexOf("JJ4 招商引资\n(同分时比较)")]).toBe(15);
    // 河东街道 holds none of this ranking's awards, and its claim can bring it none here: nothing, no bare (待定).
    let hedong: unknown[] = [];
    sheet.eachRow((row) => {
      if ((row.values as unknown[]).includes("河东街道")) hedong = (row.values as unknown[]).slice(1);
    });
    expect(hedong.length).toBeGreaterThan(0);
    expect(hedong[header.indexOf("奖惩")] ?? "").toBe("");
  });

  it("names a yellow card the rubric names otherwise (部门黄牌) in the 奖惩名单 and in the report's award list alike", async () => {
    const { rubric, book: wb } = await scoredUnder("card-named", (t) => t.replace("    yellow_card:\n      name: 黄牌警告\n      last_place: true\n", "    yellow_card:\n      name: 部门黄牌\n      last_place: true\n"));
    const rows: unknown[][] = [];
    wb.getWorksheet("奖惩名单")?.eachRow((row) => void rows.push((row.values as unknown[]).slice(1)));
    expect(rows.filter((r) => r[0] === "黄牌警告" && r[1] === "区市场监管局").map((r) => r[2])).toEqual(["部门黄牌:区直部门排名末位"]);
    const html = join(dir, "card-named.html");
    expect((await cli(["report", input, "--rubric", rubric, "--format", "html", "-o", html])).code).toBe(0);
    expect(readFileSync(html, "utf8")).toMatch(/>区市场监管局<\/td><td[^>]*>部门黄牌:区直部门排名末位</);
  });

  it("says that 街道组's 一等奖 is vacant, in the 奖惩名单 and in the report", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "j.xlsx"));
    const rows: unknown[][] = [];
    wb.getWorksheet("奖惩名单")?.eachRow((row) => void rows.push((row.values as unknown[]).slice(1)));
    // No unit in its unit cell (a dash there printed like 一: "一 一等奖空缺").
    // Said with the vetoed unit that keeps it empty, and its rank.
    expect(rows.filter((r) => String(r[2]).includes("空缺"))).toEqual([["名次奖", undefined, "一等奖空缺", undefined, "街道组排名第 1 名的河西街道一票否决,不得获奖,奖次空缺"]]);
    const html = join(dir, "空缺.html");
    expect((await cli(["report", input, "--format", "html", "-o", html])).code).toBe(0);
    expect(readFileSync(html, "utf8")).toMatch(/<td[^>]*>名次奖<\/td><td[^>]*><\/td><td[^>]*>一等奖空缺<\/td>[\s\S]*?街道组排名第 1 名的河西街道一票否决,不得获奖,奖次空缺/);
    // A grade short of the band its score reached says why there too, as briefly as the others
    // (the category column beside it says 等次): 良好(…) beside 优秀, never 等次:良好(…).
    const page = readFileSync(html, "utf8");
    expect(page).toContain(">良好(达到优秀分数线,但优秀名额 2 个已满)<");
    expect(rows.filter((r) => r[0] === "等次" && r[1] === "双河乡").map((r) => r[2])).toEqual(["良好(达到优秀分数线,但优秀名额 2 个已满)"]);
    // 区直部门: a quota of 1, and two departments tied at it both 优秀 — said, not left to look wrong.
    expect(rows.filter((r) => r[0] === "等次" && r[1] === "区生态环境分局").map((r) => r[2])).toEqual(["良好(达到优秀分数线,但优秀名额 1 个已满;并列于名额线上的单位均评为优秀,共 2 个)"]);
    expect(rows.filter((r) => r[0] === "等次" && r[1] === "白马镇").map((r) => r[2])).toEqual(["不合格(因一票否决)"]);
  });

  it("writes nothing of the other scheme into the result sheets, the notes included", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "j.xlsx"));
    const ours = ["乡镇(街道)综合排名", "计分说明", "奖惩名单", "计分信息"];
    const words: string[] = [];
    for (const name of ours) wb.getWorksheet(name)?.eachRow((row) => row.eachCell((c) => void (typeof c.value === "string" && words.push(c.value))));
    expect(words.length).toBeGreaterThan(100);
    // 河东街道's 待审核 bonus: not counted, and no 局务会 (the district scheme's approving body) named.
    // (The row's own 说明 after how it counts, in the wide column: in the narrow 项目 column a long one made rows nine lines tall.)
    expect(words).toContain("状态为“待审核”,尚未认定,不计分;认定后按 1(市级) × 1 加 1(说明:社区治理经验全市推广)");
    expect(words.join("\n")).not.toMatch(/人口|计划生育|计生|局务会|镇、街道/);
  });
});

describe("a grade's quota that limits no one (a count) or leaves no place (a share)", () => {
  const withQuota = (quota: string): string => {
    const file = join(scratchDir("assess-quota-"), "township-comprehensive-2026.1.yaml");
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    expect(text).toContain("- { name: 优秀, from: 90, quota: 30% }");
    writeFileSync(file, text.replace("- { name: 优秀, from: 90, quota: 30% }", `- { name: 优秀, from: 90, quota: ${quota} }`));
    return file;
  };
  /** Where the quota stands in that rubric: FILE:LINE:COL, where the warning is said (and mended). */
  const quotaAt = (rubric: string, quota: string): string => `${rubric}:${readFileSync(rubric, "utf8").split("\n").findIndex((l) => l.includes(`quota: ${quota} }`)) + 1}:40`;

  it("that every unit of its ranking is within is said as probably meant as a share (quota: 20 of 6 departments)", async () => {
    const rubric = withQuota("20");
    const r = await cli(["validate", "samples/liuhe-2026.xlsx", "--rubric", rubric]);
    expect(r.code).toBe(0);
    // Said at the quota in the rubric, where it is to be mended.
    expect(r.err).toContain(
      `${quotaAt(rubric, "20")}: 警告: 方案规定区直部门排名的优秀名额为 20 个(quota: 20),而参加该排名的单位只有 6 个,名额不限制任何单位;如指 20%,请在方案中写 quota: 20% [workbook.quota-of-all]\n`,
    );
  });

  it("offers no share where that share of so few units would leave no place at all (3% of 6 is none)", async () => {
    const r = await cli(["validate", "samples/liuhe-2026.xlsx", "--rubric", withQuota("6")]);
    expect(r.err).toContain("方案规定区直部门排名的优秀名额为 6 个(quota: 6),而参加该排名的单位只有 6 个,名额不限制任何单位;请核对方案中的名额 [workbook.quota-of-all-count]");
    expect(r.err).not.toContain("6%");
  });

  it("that leaves some out is not questioned", async () => {
    const r = await cli(["validate", "samples/liuhe-2026.xlsx", "--rubric", withQuota("2")]);
    expect(r.code).toBe(0);
    expect(r.err).not.toContain("quota-of-all");
    expect(r.err).not.toContain("quota-share-none");
  });

  it("counts the units the ranking ranks: one a veto takes out of it is not among them (2 places for 3 enterprises, one vetoed)", async () => {
    // 区文旅集团's veto (QY4 安全生产) leaves it unranked: 2 enterprises are ranked, and 2 places limit neither.
    const file = join(scratchDir("assess-quota-"), "township-comprehensive-2026.1.yaml");
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    expect(text).toContain("- { name: 优秀, from: 90, quota: 1 }");
    writeFileSync(file, text.replace("- { name: 优秀, from: 90, quota: 1 }", "- { name: 优秀, from: 90, quota: 2 }"));
    const r = await cli(["validate", "samples/liuhe-2026.xlsx", "--rubric", file]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`${quotaAt(file, "2")}: 警告: 方案规定区属国有企业排名的优秀名额为 2 个(quota: 2),而参加该排名的单位只有 2 个,名额不限制任何单位;请核对方案中的名额 [workbook.quota-of-all-count]\n`);
    // Vetoed units that keep their rank are counted (白马镇 and 河西街道 among the 11 towns): 20% of them, 2 places, said nothing of.
    expect(r.err).not.toContain("乡镇(街道)综合排名的优秀名额");
  });

  it("says where a share of the ranked units leaves no place that a share of every unit assessed would give, and quota_of: assessed counts them", async () => {
    // 40% of the 2 enterprises ranked is none; of the 3 assessed (区文旅集团 vetoed out of the ranking), one.
    const dir = scratchDir("assess-quota-of-");
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("- { name: 优秀, from: 90, quota: 1 }", "- { name: 优秀, from: 90, quota: 40% }");
    const byRanked = join(dir, "township-comprehensive-2026.1.yaml");
    writeFileSync(byRanked, text);
    const r = await cli(["score", "samples/liuhe-2026.xlsx", "--rubric", byRanked, "-o", join(dir, "r.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      `${quotaAt(byRanked, "40%")}: 警告: 方案规定区属国有企业排名的优秀名额为参加排名单位的 40%(quota: 40%),而参加该排名的单位只有 2 个(另有 1 个单位因一票否决不参加排名,不计入),向下取整为 0 个:没有单位能评为优秀;如办法按全部参评单位(3 个)计算名额,请在 grades 下写 quota_of: assessed;如办法规定不足时也评,请在 quota 旁写上 quota_min: 1 [workbook.quota-share-none-vetoed]\n`,
    );
    type Doc = { units: { name: string; kind: string; awards: { kind: string; grade?: string }[] }[] };
    const grades = (out: string): string[] => (JSON.parse(out) as Doc).units.filter((u) => u.kind === "enterprise").map((u) => `${u.name} ${u.awards.find((a) => a.kind === "grade")?.grade ?? "-"}`);
    expect(grades(r.out).filter((g) => g.endsWith(" 优秀"))).toEqual([]);
    const sub = join(scratchDir("assess-quota-of-"), "township-comprehensive-2026.1.yaml");
    writeFileSync(sub, text.replace("      bands:\n        - { name: 优秀, from: 90, quota: 40% }", "      quota_of: assessed\n      bands:\n        - { name: 优秀, from: 90, quota: 40% }"));
    const all = await cli(["score", "samples/liuhe-2026.xlsx", "--rubric", sub, "-o", join(dir, "all.xlsx"), "--json"]);
    expect(all.code).toBe(0);
    expect(all.err).not.toContain("quota-share-none");
    // One 优秀 of the ranked two; the vetoed unit keeps no grade of a place.
    expect(grades(all.out).filter((g) => g.endsWith(" 优秀"))).toHaveLength(1);
  });

  // A share of so few units that it leaves no place (10% of 6 departments rounds down to none):
  // said once, at the quota, as each department's own grade says it (a 办法 giving none is a slip).
  it("a share that rounds down to no place is said at the quota", async () => {
    const rubric = withQuota("10%");
    const r = await cli(["validate", "samples/liuhe-2026.xlsx", "--rubric", rubric]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      `${quotaAt(rubric, "10%")}: 警告: 方案规定区直部门排名的优秀名额为参加排名单位的 10%(quota: 10%),而参加该排名的单位只有 6 个,向下取整为 0 个:没有单位能评为优秀;如办法规定不足时也评(如“不足 5 个的评 1 个”),请在 quota 旁写上 quota_min: 1,或按个数写名额(如 quota: 1) [workbook.quota-share-none]\n`,
    );
    expect(r.err.match(/quota-share-none/g)).toHaveLength(1);
    // A file of the office's own: mended where it is, nothing more said.
    expect(r.err).not.toContain("bundled-rubric-advice");
  });

  it("under the bundled rubric is said at its file as found from where assess runs, with how to change a rubric of ours (a tester's find: rubric/NAME:412 beside a workbook elsewhere, no file to open)", async () => {
    // Three departments: 30% of them rounds down to none.
    const dir = scratchDir("assess-quota-bundled-");
    const file = await editedCopy(dir, "samples/liuhe-2026.xlsx", "三个部门.xlsx", (wb) => withoutUnits(wb, (n) => ["区住房城乡建设局", "区交通运输局", "区市场监管局"].includes(n)));
    const bundled = "rubric/township-comprehensive-2026.1.yaml";
    const advice = (path: string): string =>
      `${path}: 警告: township-comprehensive 2026.1 是 assess 自带的方案,不要直接修改:要按上面的提示改方案,请把 ${path} 复制一份,另取方案编号(id),改好后计分时用 --rubric 指定这份文件(方案的写法见 assess 的 docs/rubric.md) [workbook.bundled-rubric-advice]\n`;
    // In assess's own folder: rubric/NAME.
    const here = await cli(["validate", file]);
    expect(here.err).toContain(`${quotaAt(bundled, "30%")}: 警告: 方案规定区直部门排名的优秀名额为参加排名单位的 30%(quota: 30%),而参加该排名的单位只有 3 个,向下取整为 0 个`);
    expect(here.err).toContain(advice(bundled));
    expect(here.err.match(/bundled-rubric-advice/g)).toHaveLength(1);
    // Run in the workbook's folder: its whole path, in the text and the JSON alike.
    const run = (args: string[]): string => {
      const r = spawnSync(process.execPath, [resolve("bin/assess.js"), ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, LANG: "zh_CN.UTF-8" } });
      return r.stderr + r.stdout;
    };
    const whole = resolve(bundled);
    const text = run(["validate", "三个部门.xlsx"]);
    expect(text).toContain(`\n${quotaAt(whole, "30%")}: 警告: 方案规定区直部门排名的优秀名额`);
    expect(text).toContain(advice(whole));
    const doc = JSON.parse(run(["validate", "三个部门.xlsx", "--json"])) as { diagnostics: { code: string; file?: string }[] };
    expect(doc.diagnostics.filter((d) => d.file === whole).map((d) => d.code)).toEqual(["workbook.quota-share-none", "workbook.bundled-rubric-advice"]);
    // An office's own rubric/ folder there holding a copy of that name (not used: the bundled one is):
    // the warning is still at assess's file, not at the copy (a reviewer's find).
    mkdirSync(join(dir, "rubric"));
    writeFileSync(join(dir, bundled), "# 本办公室的副本\n" + readFileSync(bundled, "utf8").replace("amount: 50000", "amount: 60000"));
    const beside = run(["validate", "三个部门.xlsx"]);
    expect(beside).toContain(`\n${quotaAt(whole, "30%")}: 警告: 方案规定区直部门排名的优秀名额`);
    expect(beside).toContain(advice(whole));
    // …and what is said of the copy (not used) at the copy, as found from here (it was moved to assess's file: a re-tester's find).
    expect(`\n${beside}`).toContain(`\n${bundled}: 警告: `);
    expect(beside).toContain("[rubric.shadowed]");
    expect(beside).not.toContain(`${whole}: 警告: 此文件`);
    // Given with --rubric, the copy is the rubric used: its own line, as typed (the mend is there).
    const given = run(["validate", "三个部门.xlsx", "--rubric", bundled]);
    expect(given).toContain(`\n${quotaAt(join(dir, bundled), "30%").replace(join(dir, bundled), bundled)}: 警告: 方案规定区直部门排名的优秀名额`);
    expect(given).not.toContain(whole);
  });

  // 优秀 at most 10%, and at least one (不足 10 个的评 1 个): 10% of 6 departments is one place.
  it("a share with quota_min gives that many places where the share rounds down to fewer, and is shown and checked", async () => {
    const rubric = withQuota("10%, quota_min: 1");
    const r = await cli(["score", "samples/liuhe-2026.xlsx", "--rubric", rubric, "-o", join(scratchDir("assess-quota-min-"), "r.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    expect(r.err).not.toContain("quota-share-none");
    const doc = JSON.parse(r.out) as { units: { name: string; awards: { kind: string; grade?: string }[] }[] };
    const grade = (name: string): string | undefined => doc.units.find((u) => u.name === name)?.awards.find((a) => a.kind === "grade")?.grade;
    // One place, the two tied at it both given it (ties: all), as under the sample's 30%.
    expect([grade("区财政局"), grade("区发展改革局"), grade("区生态环境分局")]).toEqual(["优秀", "优秀", "良好"]);
    expect((await cli(["rubric", "show", rubric])).out).toContain("优秀 ≥ 90(至多 10%,至少 1 个)");
    // As many as there are units or more (quota_min: 10 meant as 10%?): the quota limits no one, said at it.
    const all = await cli(["validate", "samples/liuhe-2026.xlsx", "--rubric", withQuota("10%, quota_min: 6")]);
    expect(all.err).toMatch(/: 警告: 方案规定区直部门排名的优秀名额至少 6 个\(quota_min: 6\),而参加该排名的单位只有 6 个,名额不限制任何单位;请核对方案中的 quota_min \[workbook\.quota-min-of-all\]/);
    // Beside a count it means nothing: said at the key.
    const counted = withQuota("2, quota_min: 1");
    const checked = await cli(["rubric", "check", counted]);
    expect(checked.code).toBe(1);
    expect(checked.err).toMatch(/:\d+:\d+: 错误: 优秀 的 quota_min: 1 只用于按比例的名额\(如 quota: 20%\),请写上比例,或删去 quota_min \[rubric\.quota-min-without-share\]/);
  });

  // 区直部门 (six, ties: all), scored 99.5, 99.5, 97.98, 97.5, 96.73, 88.97: how a share's places
  // are rounded (quota_round) decides who is 优秀. 60% of 6 is 3.6 places: down 3, half up 4;
  // 40% is 2.4: down 2, up 3; 5% is 0.3: half up none.
  const withRound = (quota: string, round: string): string => {
    const file = withQuota(quota);
    const text = readFileSync(file, "utf8");
    const band = `      bands:\n        - { name: 优秀, from: 90, quota: ${quota} }`;
    expect(text).toContain(band);
    writeFileSync(file, text.replace(band, `      quota_round: ${round}\n${band}`));
    return file;
  };
  const departmentGrades = async (rubric: string): Promise<string[]> => {
    const r = await cli(["score", "samples/liuhe-2026.xlsx", "--rubric", rubric, "-o", join(scratchDir("assess-quota-round-"), "r.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { units: { name: string; kind: string; awards: { kind: string; grade?: string }[] }[] };
    return doc.units.filter((u) => u.kind === "department").map((u) => `${u.name} ${u.awards.find((a) => a.kind === "grade")?.grade ?? "-"}`);
  };
  it("a share rounded half up (四舍五入) or up (进一), as quota_round says, gives those places, and is shown and compared", async () => {
    const excellent = (grades: string[]): string[] => grades.filter((g) => g.endsWith(" 优秀")).map((g) => g.split(" ")[0] ?? "");
    const down = withQuota("60%");
    const nearest = withRound("60%", "nearest");
    expect(excellent(await departmentGrades(down))).toEqual(["区发展改革局", "区财政局", "区生态环境分局"]);
    expect(excellent(await departmentGrades(nearest))).toEqual(["区发展改革局", "区财政局", "区住房城乡建设局", "区生态环境分局"]);
    expect(excellent(await departmentGrades(withRound("40%", "up")))).toEqual(["区发展改革局", "区财政局", "区生态环境分局"]);
    expect(excellent(await departmentGrades(withQuota("40%")))).toEqual(["区发展改革局", "区财政局"]);
    // Shown beside the share, in either language; said in a revision, with the unit it moves.
    expect((await cli(["rubric", "show", nearest])).out).toContain("优秀 ≥ 90(至多 60%,四舍五入);");
    expect((await cli(["rubric", "show", withRound("40%", "up"), "--lang", "en"])).out).toContain("优秀 ≥ 90 (at most 40%, rounded up);");
    const diff = await cli(["rubric", "diff", down, nearest, "--on", "samples/liuhe-2026.xlsx"]);
    expect(diff.out).toContain("~ 排名 区直部门排名 等次: 优秀 ≥ 90(至多 60%) → 优秀 ≥ 90(至多 60%,四舍五入)  [改变奖惩]\n");
    expect(diff.out).toContain("结果有变化的单位(1 个):\n  区住房城乡建设局: 奖惩 等次:良好(达到优秀分数线,但优秀名额 3 个已满) → 等次:优秀\n");
  });

  it("a share that rounds half up to no place is said so at the quota and in the unit's grade, and quota_round beside counts alone at its key", async () => {
    const rubric = withRound("5%", "nearest");
    const r = await cli(["validate", "samples/liuhe-2026.xlsx", "--rubric", rubric]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`${quotaAt(rubric, "5%")}: 警告: 方案规定区直部门排名的优秀名额为参加排名单位的 5%(quota: 5%),而参加该排名的单位只有 6 个,四舍五入为 0 个:没有单位能评为优秀;`);
    const en = await cli(["validate", "samples/liuhe-2026.xlsx", "--rubric", rubric, "--lang", "en"]);
    expect(en.err).toContain(`${quotaAt(rubric, "5%")}: warning: 区直部门排名's quota for 优秀 is 5% of its units (quota: 5%), but the ranking has only 6 units: 5% of 6 rounds half up to 0, so no unit can get 优秀;`);
    expect((await cli(["explain", "samples/liuhe-2026.xlsx", "区财政局", "--rubric", rubric])).out).toContain("  等次:良好(达到优秀分数线,但按比例优秀名额为 0,四舍五入)\n");
    // 10% of 6 is 0.6: half up, one place, nothing said.
    expect((await cli(["validate", "samples/liuhe-2026.xlsx", "--rubric", withRound("10%", "nearest")])).err).not.toContain("quota-share-none");
    // Where every quota is a count, rounding does nothing: said at the key.
    const counted = withRound("2", "up");
    const checked = await cli(["rubric", "check", counted]);
    expect(checked.code).toBe(0);
    const line = readFileSync(counted, "utf8").split("\n").findIndex((l) => l.includes("quota_round: up")) + 1;
    // Written as the 办法 words it: the word to write, at the key.
    const worded = withRound("60%", "四舍五入");
    const bad = await cli(["rubric", "check", worded]);
    expect(bad.code).toBe(1);
    const at = readFileSync(worded, "utf8").split("\n").findIndex((l) => l.includes("quota_round: 四舍五入")) + 1;
    expect(bad.err).toContain(`${worded}:${at}:20: 错误: grades.quota_round (departments) 写取整方式的英文代号:“四舍五入”请写 nearest(down 向下取整,nearest 四舍五入,up 进一) [rubric.quota-round-word]\n`);
    for (const [word, fixed] of [["四舍五入取整", "nearest"], ["只舍不入", "down"], ["进位", "up"], ["ceil", "up"]] as const) expect((await cli(["rubric", "check", withRound("60%", word)])).err).toContain(`“${word}”请写 ${fixed}(`);
    expect((await cli(["rubric", "check", withRound("60%", "进一法"), "--lang", "en"])).err).toContain(": error: grades.quota_round (departments) takes one of the words down, nearest (half up) and up: for \"进一法\" write up [rubric.quota-round-word]\n");
    expect(checked.err).toContain(`${counted}:${line}:20: 警告: 区直部门排名 的等次都没有按比例的名额(如 quota: 20%),quota_round: up 不起作用:按个数写的名额不用取整;按比例限名额的,在等次上写比例;否则删去 quota_round [rubric.quota-round-without-share]\n`);
  });
});

describe("a vetoed unit's single-item award recognized in the ledger", () => {
  it("is said withheld by the award's name wherever the veto is: explain, the ranking that gives it, the award list", async () => {
    const said = "单项奖:经济发展突出贡献奖(国家级)因一票否决不予授予";
    expect((await cli(["explain", "samples/liuhe-2026.xlsx", "白马镇"])).out).toContain(`  一票否决:SH1 安全生产底线,ZB5 较大及以上生产安全事故 1起,高于目标 0起\n  ${said}\n`);
    const out = join(scratchDir("assess-withheld-"), "r.xlsx");
    expect((await cli(["score", "samples/liuhe-2026.xlsx", "-o", out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rowOf = (sheet: string, unit: string): string[] => {
      const found: string[] = [];
      wb.getWorksheet(sheet)?.eachRow((row) => {
        const cells = (row.values as unknown[]).map((v) => String(v ?? ""));
        if (cells.includes(unit)) found.push(cells.join(" | "));
      });
      return found;
    };
    // The ranking that gives it (its own awards alone): said there too.
    expect(rowOf("经济发展单项排名", "白马镇").join("\n")).toContain(said);
    // The award list: among the single-item awards, with the recognition it rests on.
    expect(rowOf("奖惩名单", "白马镇").filter((r) => r.includes("单项奖"))).toEqual([expect.stringContaining("经济发展突出贡献奖(国家级),因一票否决不予授予")]);
  });
});

describe("explain of a vetoed unit that keeps its rank", () => {
  it("says the prize its place would have won, and where it went (nothing said it but the units passed one)", async () => {
    // 河西街道: 街道组 1, its veto (DJ4) leaves the place empty; 白马镇: 乡镇组 3, its veto (SH1) passes it on.
    const empty = await cli(["explain", "samples/liuhe-2026.xlsx", "河西街道"]);
    expect(empty.out).toContain("  街道组排名第 1 名本应获一等奖,因一票否决不得获奖,奖次空缺\n");
    const passed = await cli(["explain", "samples/liuhe-2026.xlsx", "白马镇"]);
    expect(passed.out).toContain("  乡镇组排名第 3 名本应获二等奖,因一票否决不得获奖,奖次由其后的单位递补\n");
    // The JSON says it too, with its withheld single-item award (a notice made from it dropped it).
    const json = async (unit: string): Promise<unknown> => (JSON.parse((await cli(["explain", "samples/liuhe-2026.xlsx", unit, "--json"])).out) as { withheld?: unknown }).withheld;
    expect(await json("河西街道")).toEqual([{ kind: "rank", ranking: "urban", tier: "一等奖", rank: 1, place: 1, passed: false }]);
    expect(await json("白马镇")).toEqual([{ kind: "rank", ranking: "rural", tier: "二等奖", rank: 3, place: 3, passed: true }, { kind: "single", ranking: "economy", code: "DX1", name: "经济发展突出贡献奖", level: "国家级", basis: "加扣分!B17" }]);
    const all = JSON.parse((await cli(["score", "samples/liuhe-2026.xlsx", "--json"])).out) as { units: { name: string; withheld?: unknown }[] };
    expect(all.units.find((u) => u.name === "河西街道")?.withheld).toEqual(await json("河西街道"));
    // And diff --json, of a unit it lists (白马镇's JJ5 30 → 29).
    const lower = new ExcelJS.Workbook();
    await lower.xlsx.readFile("samples/liuhe-2026.xlsx");
    const jj = lower.getWorksheet("经济发展")!;
    jj.eachRow((row) => void (row.getCell(1).value === "白马镇" && (row.getCell(3).value = 29)));
    const lowered = join(dir, "baima-29.xlsx");
    await lower.xlsx.writeFile(lowered);
    const moved = JSON.parse((await cli(["diff", "samples/liuhe-2026.xlsx", lowered, "--json"])).out) as { units: { name: string; old: { withheld?: unknown }; new: { withheld?: unknown } }[] };
    const baima = moved.units.find((u) => u.name === "白马镇");
    expect([baima?.old.withheld, baima?.new.withheld]).toEqual([await json("白马镇"), await json("白马镇")]);
    // With the unit ahead vetoed too, each says the prize of its own rank (第 2 名 → 二等奖), not the 一等奖 both would claim.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/liuhe-2026.xlsx");
    const ws = wb.getWorksheet("指标数据")!;
    const col = (ws.getRow(1).values as unknown[]).findIndex((v) => typeof v === "string" && v.startsWith("ZB5"));
    ws.eachRow((row) => {
      if (row.getCell(1).value === "柳河镇" || row.getCell(1).value === "石桥镇") row.getCell(col).value = 1;
    });
    const two = join(dir, "two-vetoed.xlsx");
    await wb.xlsx.writeFile(two);
    expect((await cli(["explain", two, "石桥镇"])).out).toContain("  乡镇组排名第 2 名本应获二等奖,因一票否决不得获奖,奖次由其后的单位递补\n");
    expect((await cli(["explain", two, "柳河镇"])).out).toContain("  乡镇组排名第 1 名本应获一等奖,因一票否决不得获奖,奖次由其后的单位递补\n");
    // With every unit behind it vetoed too, none may take it: left empty, said so (it said the unit behind took it).
    const last = new ExcelJS.Workbook();
    await last.xlsx.readFile("samples/liuhe-2026.xlsx");
    const zb = last.getWorksheet("指标数据")!;
    zb.eachRow((row) => {
      if (["杨柳镇", "双河乡", "青龙乡", "金山镇"].includes(String(row.getCell(1).value))) row.getCell(col).value = 1;
    });
    const behind = join(dir, "none-behind.xlsx");
    await last.xlsx.writeFile(behind);
    expect((await cli(["explain", behind, "白马镇"])).out).toContain("  乡镇组排名第 3 名本应获二等奖,因一票否决不得获奖,其后没有可递补的单位,奖次空缺\n");
    expect((JSON.parse((await cli(["explain", behind, "白马镇", "--json"])).out) as { withheld?: unknown[] }).withheld?.[0]).toEqual({ kind: "rank", ranking: "rural", tier: "二等奖", rank: 3, place: 3, passed: false });
    // A unit vetoed out of the ranking has no place to speak of.
    expect((await cli(["explain", "samples/qingshan-2026.xlsx", "北川镇"])).out).not.toContain("本应获");
    // Two tied, vetoed, their places kept empty (双河乡 and 杨柳镇 at 91.18, by DJ4, its place empty;
    // the three ahead vetoed by SH1, theirs passed on): each would have shared the first prize place,
    // in the text and the JSON (the last of the places the tie keeps was said: 第 2 名, 二等奖).
    const tied = new ExcelJS.Workbook();
    await tied.xlsx.readFile("samples/liuhe-2026.xlsx");
    const rates = tied.getWorksheet("指标数据")!;
    const colOf = (code: string): number => (rates.getRow(1).values as unknown[]).findIndex((v) => typeof v === "string" && v.startsWith(code));
    rates.eachRow((row) => {
      const name = row.getCell(1).value;
      if (name === "柳河镇" || name === "石桥镇" || name === "青龙乡") row.getCell(colOf("ZB5")).value = 1;
      if (name === "双河乡" || name === "杨柳镇") row.getCell(colOf("ZB9")).value = 1;
    });
    const both = join(dir, "tied-vetoed.xlsx");
    await tied.xlsx.writeFile(both);
    expect((await cli(["explain", both, "双河乡"])).out).toMatch(/乡镇组排名第 \d+ 名[^\n]*计奖为第 1 名[^\n]*本应获一等奖/);
    const tiedJson = JSON.parse((await cli(["explain", both, "杨柳镇", "--json"])).out) as { withheld?: { tier: string; place: number }[] };
    expect(tiedJson.withheld?.map((w) => [w.tier, w.place])).toEqual([["一等奖", 1]]);
  });

  it("says the prize place it keeps empty, after the units ahead passed theirs on, and the award list and JSON say that place vacant where others hold the rest of the tier", async () => {
    // 乡镇组: 一等奖 place 1, 二等奖 places 2–3. 柳河镇 (1) vetoed by SH1 (its place passed on),
    // 石桥镇 (2) by DJ4 (its place left empty): 石桥镇 keeps place 1 empty (一等奖 vacant, as before).
    // 石桥镇 alone vetoed by DJ4: place 2 of 二等奖 empty, place 3 held (双河乡, 杨柳镇 tied).
    const vetoed = async (name: string, towns: Record<string, "ZB5" | "ZB9">): Promise<string> => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile("samples/liuhe-2026.xlsx");
      const ws = wb.getWorksheet("指标数据")!;
      const heads = ws.getRow(1).values as unknown[];
      const col = (code: string): number => heads.findIndex((v) => typeof v === "string" && v.startsWith(`${code} `));
      ws.eachRow((row) => {
        const gate = towns[String(row.getCell(1).value)];
        if (gate) row.getCell(col(gate)).value = 1;
      });
      const file = join(dir, name);
      await wb.xlsx.writeFile(file);
      return file;
    };
    const ahead = await vetoed("passed-then-empty.xlsx", { 柳河镇: "ZB5", 石桥镇: "ZB9" });
    expect((await cli(["explain", ahead, "石桥镇"])).out).toContain("  乡镇组排名第 2 名(其前的一票否决单位名次已递补,计奖为第 1 名)本应获一等奖,因一票否决不得获奖,奖次空缺\n");
    const alone = await vetoed("empty-in-tier.xlsx", { 石桥镇: "ZB9" });
    expect((await cli(["explain", alone, "石桥镇"])).out).toContain("  乡镇组排名第 2 名本应获二等奖,因一票否决不得获奖,奖次空缺\n");
    const out = join(dir, "empty-in-tier.scored.xlsx");
    const scored = await cli(["score", alone, "-o", out, "--json"]);
    expect(scored.code).toBe(0);
    const doc = JSON.parse(scored.out) as { rankings: { id: string; vacant?: string[] }[]; units: { name: string; awards: { tier?: string; ranking: string }[] }[] };
    expect(doc.rankings.find((x) => x.id === "rural")?.vacant).toEqual(["二等奖"]);
    expect((doc.rankings.find((x) => x.id === "rural") as { vacancies?: unknown }).vacancies).toEqual([{ tier: "二等奖", places: [2], why: "vetoed", units: ["石桥镇"], rank: 2 }]);
    // The rest of the tier held, as before: place 3 by the two tied there.
    expect(doc.units.filter((u) => u.awards.some((a) => a.ranking === "rural" && a.tier === "二等奖")).map((u) => u.name).sort()).toEqual(["双河乡", "杨柳镇"].sort());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rows: unknown[][] = [];
    wb.getWorksheet("奖惩名单")?.eachRow((row) => void rows.push((row.values as unknown[]).slice(1)));
    expect(rows.filter((r) => String(r[2]).includes("空缺")).map((r) => [r[2], r[4]])).toEqual([
      ["二等奖第 2 名空缺", "乡镇组排名第 2 名的石桥镇一票否决,不得获奖,奖次空缺"],
      ["一等奖空缺", "街道组排名第 1 名的河西街道一票否决,不得获奖,奖次空缺"],
    ]);
    // Behind a unit that passed its place on, the place is said as a prize place, not as a rank
    // (乡镇组第 1 名 is 柳河镇's, vetoed; 石桥镇, 2nd, keeps prize place 1 empty).
    const aheadOut = join(dir, "passed-then-empty.scored.xlsx");
    expect((await cli(["score", ahead, "-o", aheadOut])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(aheadOut);
    const listed: unknown[][] = [];
    book.getWorksheet("奖惩名单")?.eachRow((row) => void listed.push((row.values as unknown[]).slice(1)));
    expect(listed.filter((r) => String(r[2]).includes("空缺")).map((r) => r[4])).toContain("乡镇组排名第 2 名的石桥镇一票否决,不得获奖,其计奖名次(第 1 名)空缺");
  });
});

describe("score --json", () => {
  it("gives each ranking's prize tiers and those nobody holds, so that the award list reads from the JSON alone (街道组's 一等奖 空缺 was only in the sheet)", async () => {
    const r = await cli(["score", "samples/liuhe-2026.xlsx", "--json", "-o", join(scratchDir("assess-json-"), "r.xlsx")]);
    const doc = JSON.parse(r.out) as { rankings: { id: string; tiers?: unknown; vacant?: string[] }[] };
    const urban = doc.rankings.find((x) => x.id === "urban");
    expect(urban?.tiers).toEqual([{ name: "一等奖", ranks: [1, 1], amount: 50000 }, { name: "二等奖", ranks: [2, 2], amount: 30000 }]);
    expect(urban?.vacant).toEqual(["一等奖"]);
    // Each empty place, why and by whom, as the award list's 空缺 row says it (the JSON named the tier alone, a tester's find).
    expect((urban as { vacancies?: unknown }).vacancies).toEqual([{ tier: "一等奖", places: [1], why: "vetoed", units: ["河西街道"], rank: 1 }]);
    expect(doc.rankings.find((x) => x.id === "rural")?.vacant).toBeUndefined();
    // Each kind's lines by name, max and weight (a dashboard heads a unit's lines by them).
    // Its ranking groups by name too (a unit's `group` is an id: rural, urban).
    expect((JSON.parse(r.out) as { kinds: unknown[] }).kinds[0]).toEqual({
      id: "town",
      name: "乡镇(街道)",
      lines: [{ code: "JJ", name: "经济发展", max: 100, weight: 0.4 }, { code: "SH", name: "社会治理", max: 100, weight: 0.35 }, { code: "DJ", name: "党的建设", max: 100, weight: 0.25 }],
      groups: [{ id: "rural", name: "乡镇组" }, { id: "urban", name: "街道组" }],
    });
    // A ranking without prizes has neither; its tie-breakers in turn, where it has any (the sheet's
    // 同分时比较 column).
    expect(doc.rankings.find((x) => x.id === "departments")).toEqual({ id: "departments", name: "区直部门排名", unitKind: "department", by: "total", main: true, tieBreakers: ["BM1"] });
    expect(Object.keys(doc.rankings.find((x) => x.id === "enterprises") ?? {})).toEqual(["id", "name", "unitKind", "by", "main"]);
    // Each kind's main ranking marked: the towns' by the total of them all, not a group's nor 经济发展单项排名.
    expect(doc.rankings.filter((x) => (x as { main?: true }).main).map((x) => x.id)).toEqual(["towns", "departments", "enterprises"]);
    // So too where a kind has no units this year (by the rubric, not the data: a reviewer's find).
    const noEnterprises = await editedCopy(scratchDir("assess-main-"), "samples/liuhe-2026.xlsx", "无企业.xlsx", (wb) => withoutUnits(wb, (n) => ["区城投集团", "区文旅集团", "区交通投资公司"].includes(n)));
    const none = JSON.parse((await cli(["score", noEnterprises, "--json", "-o", join(scratchDir("assess-main-out-"), "r.xlsx")])).out) as { rankings: { id: string; main?: true }[]; units: { kind: string }[] };
    expect(none.units.filter((u) => u.kind === "enterprise")).toEqual([]);
    expect(none.rankings.filter((x) => x.main).map((x) => x.id)).toEqual(["towns", "departments", "enterprises"]);
    // What a ledger row charged to a line or an item took there (青龙乡's −2 on SH: its SH is its items' less 2).
    const units = (JSON.parse(r.out) as { units: { name: string; charged?: Record<string, number> }[] }).units;
    expect(units.find((u) => u.name === "青龙乡")?.charged).toEqual({ SH: -2 });
    expect(units.find((u) => u.name === "柳河镇")?.charged).toBeUndefined();
  });
});

describe("the English result sheets' columns", () => {
  it("hold their headings and numbers on one line each (Deduction broke as Deductio / n, 100.00% printed ###)", async () => {
    const out = join(dir, "en.scored.xlsx");
    expect((await cli(["score", "samples/liuhe-2026.xlsx", "-o", out], { LANG: "en_US.UTF-8" })).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const widthOf = (sheet: string, header: string): number => {
      const ws = wb.getWorksheet(sheet)!;
      let col = 0;
      ws.eachRow((row) => row.eachCell((c, n) => void (c.value === header && col === 0 ? (col = n) : undefined)));
      expect(col).toBeGreaterThan(0);
      return ws.getColumn(col).width ?? 0;
    };
    // 9 bold Latin letters: 9 × 1.2 × 1.1 and a margin.
    expect(widthOf("区直部门排名", "Deduction")).toBeGreaterThanOrEqual(14);
    expect(widthOf("经济发展单项排名", "% of max")).toBeGreaterThanOrEqual(10);
    // The provenance sheet's field names whole (Input workbook SHA-25 was cut), a SHA-256 on one line.
    expect(widthOf("Provenance", "Input workbook SHA-256")).toBeGreaterThanOrEqual(28);
    expect(widthOf("Provenance", "Value")).toBeGreaterThanOrEqual(64 * 1.2);
  });
});

describe("the gap to a grade past what a unit can score", () => {
  it("is said out of reach, not as points to gain (100.01 of a total of 100 where no bonus is to be had)", async () => {
    // 区交通投资公司 brought level with 区城投集团 at 100 (ties: none, one 优秀: neither gets it);
    // 区文旅集团's veto lifted, at 96: passing 100 is beyond the enterprises' 100 (no bonus code is theirs).
    const file = await editedCopy(dir, "samples/liuhe-2026.xlsx", "企业满分并列.xlsx", (wb) => {
      const data = wb.getWorksheet("指标数据")!;
      expect([data.getCell("A20").value, data.getCell("A21").value]).toEqual(["区交通投资公司", "区文旅集团"]);
      for (const [cell, value] of [["L20", 86000], ["M20", 5200], ["N20", 1.12], ["Q20", 80000], ["R20", 60000], ["S20", 5000], ["F21", 0]] as const) data.getCell(cell).value = value;
      const ledger = wb.getWorksheet("加扣分")!;
      expect(ledger.getCell("A14").value).toBe("区交通投资公司");
      ledger.spliceRows(14, 1);
    });
    const r = await cli(["explain", file, "区文旅集团"]);
    expect(r.out).toContain("区属国有企业排名等次“优秀”已无法达到:还差 4.01 分,而总分至多 100 分(其他单位不变)\n");
    expect((await cli(["explain", file, "区文旅集团", "--lang", "en"])).out).toContain("the grade 优秀 in 区属国有企业排名 is out of reach: 4.01 points short, and the total is at most 100 (others unchanged)\n");
    // A town's gap, bonuses capped at 5 over its 100, stays a gap.
    expect((await cli(["explain", file, "青龙乡"])).out).toContain("距乡镇(街道)综合排名等次“优秀”还差 9.43 分");
  });
});

describe("explain for a kind given grades alone (区属国有企业: no prize, single-item award or card)", () => {
  it("heads its grade 考核结果, not 奖惩; a kind that may win prizes keeps 奖惩", async () => {
    const enterprise = await cli(["explain", "samples/liuhe-2026.xlsx", "区城投集团"]);
    expect(enterprise.out).toContain("\n考核结果:\n  等次:优秀\n");
    expect(enterprise.out).not.toContain("奖惩:");
    expect((await cli(["explain", "samples/liuhe-2026.xlsx", "柳河镇"])).out).toContain("\n奖惩:\n");
    expect((await cli(["explain", "samples/liuhe-2026.xlsx", "区城投集团", "--lang", "en"])).out).toContain("\nResult:\n");
  });

  it("says its grade may change with a pending claim, in the terminal, its sheet and explain (标“待定”的奖惩 read of prizes it has none of); towns keep 奖惩", async () => {
    // 11 pending KF1 on 区城投集团's 100: 89 would be 良好.
    const file = await editedCopy(dir, "samples/liuhe-2026.xlsx", "企业待定.xlsx", (wb) => {
      const ws = wb.getWorksheet("加扣分")!;
      ws.getRow(ws.rowCount + 1).values = ["区城投集团", "KF1", 11, null, null, "待审核"];
    });
    const out = join(dir, "企业待定.scored.xlsx");
    const r = await cli(["score", file, "-o", out]);
    expect(r.code).toBe(0);
    const enterprises = r.out.slice(r.out.indexOf("区属国有企业排名"));
    expect(enterprises).toContain("(加扣分尚有待认定:标“待定”的等次可能随认定改变,名次不会变动;要查看单位的等次取决于哪些记录");
    expect(r.out.slice(0, r.out.indexOf("区属国有企业排名"))).not.toContain("等次可能随认定改变");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(String(wb.getWorksheet("区属国有企业排名")!.getCell("A2").value)).toContain("标“待定”的等次可能随认定改变");
    expect((await cli(["explain", file, "区城投集团"])).out).toContain(";等次可能因 加扣分!B32 的认定而变\n");
    expect((await cli(["explain", file, "区城投集团", "--lang", "en"])).out).toContain("; the grades may change with 加扣分!B32\n");
    // The report's legend beside its table too.
    const report = join(dir, "企业待定.report.html");
    expect((await cli(["report", file, "-o", report])).code).toBe(0);
    const html = readFileSync(report, "utf8");
    expect(html).toContain("<h2>区属国有企业排名 <small>(共 3 个单位;标红的为一票否决单位;标“待定”的等次视待认定加扣分的认定而定,见文末)</small></h2>");
    // And at its end, where the units waiting on claims are named (a grade alone: no 奖惩 there), and
    // the prize money is not said to wait on claims that can move no prize.
    expect(html).toContain("以下单位的等次可能随之改变(表中标“待定”):");
    expect(html).toContain("区城投集团的等次可能随以下 1 条待认定记录的认定而改变:");
    expect(html).toContain("奖金合计 210,000 元(名次奖 170,000 元、单项奖 40,000 元)");
    expect(html).not.toContain("待定的奖惩认定后可能变动");
  });
});

describe("a column of another kind's item on a line sheet", () => {
  it("is said at its heading and passed over, the sheet read as its kind's (the sheet was thrown away: three errors, none at the cell, one saying 镇街 and 部门 in any scheme)", async () => {
    const file = await editedCopy(dir, "samples/liuhe-2026.xlsx", "部门列.xlsx", (wb) => {
      const s = wb.getWorksheet("经济发展")!;
      expect(s.getCell("D1").value).toBeNull();
      s.getCell("D1").value = "BM1 重点工作任务(40分)";
      s.getCell("D2").value = 35;
    });
    const r = await cli(["validate", file]);
    const errors = r.err.split("\n").filter((l) => l.includes(": 错误: "));
    expect(errors).toEqual([`${file}: 经济发展!D1: 错误: BM1 是区直部门的考核项目,本表是乡镇(街道)的,这一列不读;请删去这一列,区直部门的 BM1 填在工作表 区直部门 中 [workbook.other-kind-column]`]);
    // The towns' 经济发展 read all the same: its 分组 column and JJ5 found.
    const en = await cli(["validate", file, "--lang", "en"]);
    expect(en.err).toContain("经济发展!D1: error: BM1 is an item of 区直部门, and this sheet is 乡镇(街道)'s: the column is not read; delete it (区直部门's BM1 is filled in on the sheet 区直部门) [workbook.other-kind-column]\n");
  });

  it("tells a renamed sheet's kind by its 分组 column, its columns of another kind outnumbering its own (it was read as the departments' sheet: 25 errors)", async () => {
    const file = await editedCopy(dir, "samples/liuhe-2026.xlsx", "部门列-改名.xlsx", (wb) => {
      const s = wb.getWorksheet("经济发展")!;
      s.name = "Sheet1";
      expect([s.getCell("B1").value, s.getCell("D1").value]).toEqual(["分组", null]);
      s.getCell("D1").value = "BM1 重点工作任务(40分)";
      s.getCell("E1").value = "BM2 职能目标任务(30分)";
    });
    const errors = (await cli(["validate", file])).err.split("\n").filter((l) => l.includes(": 错误: "));
    expect(errors.map((l) => l.replace(/^.*?: (Sheet1![A-Z]+\d+): 错误: (\S+) 是.*$/, "$1 $2"))).toEqual(["Sheet1!D1 BM1", "Sheet1!E1 BM2"]);
  });

  it("says a renamed sheet of as many columns of one kind as of another at the first heading of the second (it named no cell)", async () => {
    const file = await editedCopy(dir, "samples/liuhe-2026.xlsx", "半部门.xlsx", (wb) => {
      const s = wb.getWorksheet("社会治理")!;
      s.name = "Sheet2";
      expect([s.getCell("D1").value, s.getCell("E1").value]).toEqual(["SH7 民生实事(20分)", null]);
      ["BM1 重点工作任务(40分)", "BM2 职能目标任务(30分)", "BM4 政务公开和作风建设(扣分,满分10分)"].forEach((h, i) => (s.getCell(1, 5 + i).value = h));
    });
    const errors = (await cli(["validate", file])).err.split("\n").filter((l) => l.includes("[workbook.mixed-kinds]"));
    expect(errors).toEqual([`${file}: Sheet2!E1: 错误: 同一工作表中混有乡镇(街道)、区直部门的考核项目,看不出是哪类单位的工作表;请把各列移回各自的工作表(同模板) [workbook.mixed-kinds]`]);
  });

  it("says nothing more of the figures in such a column on a sheet that lists its units alone (each was told to go to 指标数据)", async () => {
    const file = await editedCopy(dir, "samples/liuhe-2026.xlsx", "部门列-国企.xlsx", (wb) => {
      const s = wb.getWorksheet("区属国企")!;
      expect(s.getCell("C1").value).toBeNull();
      s.getCell("C1").value = "BM1 重点工作任务(40分)";
      for (let r = 2; r <= 4; r++) s.getCell(r, 3).value = 30;
    });
    const lines = (await cli(["validate", file])).err.split("\n").filter((l) => l.includes("区属国企!"));
    expect(lines).toEqual([`${file}: 区属国企!C1: 错误: BM1 是区直部门的考核项目,本表是区属国有企业的,这一列不读;请删去这一列,区直部门的 BM1 填在工作表 区直部门 中 [workbook.other-kind-column]`]);
  });
});

describe("prize money pending claims may take away", () => {
  it("is marked 待定 in the award list's amount, and said in the total (a prize marked (待定) beside a plain 30,000, counted as settled)", async () => {
    // 青龙乡's 省级 claim pending: it may pass 双河乡 and 杨柳镇 (乡镇组 二等奖, 30,000 each).
    const file = await editedCopy(dir, "samples/liuhe-2026.xlsx", "青龙乡申报.xlsx", (wb) => {
      const s = wb.getWorksheet("加扣分")!;
      s.getRow(s.rowCount + 1).values = ["青龙乡", "JF1", null, "省级", null, "申报中", null, "经验推广", "通报"];
    });
    const out = join(dir, "青龙乡申报.scored.xlsx");
    expect((await cli(["score", file, "-o", out])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const list = book.getWorksheet("奖惩名单")!;
    const rows: string[] = [];
    list.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 5).map((v) => String(v ?? "")).join(" | ")));
    for (const unit of ["双河乡", "杨柳镇"]) expect(rows.find((r) => r.startsWith(`名次奖 | ${unit} | `))).toMatch(/\| 待定 30,000$/);
    // 柳河镇's 一等奖 no claim can move: its money as it is.
    expect(rows.find((r) => r.startsWith("名次奖 | 柳河镇 | "))).toMatch(/\| 50000$/);
    expect(rows.find((r) => r.includes("奖金合计"))).toContain("奖金合计 210,000 元(名次奖 170,000 元、单项奖 40,000 元),按目前的认定计,其中 60,000 元待定(待定的奖惩认定后可能变动)");
    // And the tie at the 二等奖's last place, which the claim may part, said (待定), not as settled.
    expect(rows.find((r) => r.includes("奖金合计"))).toContain("(待定)乡镇组排名第 4 名 2 个单位并列(递补为第 3 名奖次),均获二等奖");
  });
});

describe("a yellow card pending claims may bring", () => {
  it("gives its basis as the others do: its place, total, and how low the claims may take it (the ranking's name alone was said)", async () => {
    const file = await editedCopy(dir, "samples/liuhe-2026.xlsx", "金山镇通报.xlsx", (wb) => {
      const s = wb.getWorksheet("加扣分")!;
      s.getRow(s.rowCount + 1).values = ["金山镇", "KF1", 13, null, null, "申报中", null, "多次被通报", "通报"];
    });
    const out = join(dir, "金山镇通报.scored.xlsx");
    expect((await cli(["score", file, "-o", out])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const rows: string[] = [];
    book.getWorksheet("奖惩名单")!.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 6).map((v) => String(v ?? "")).join(" | ")));
    expect(rows.find((r) => r.startsWith("黄牌警告 | 金山镇 | (待定)可能受黄牌警告"))).toMatch(/ \| 乡镇\(街道\)综合排名第 \d+ 名,总分 [\d.]+,视待定加扣分的认定可(至第 \d+ 名、总分|低至) [\d.]+$/);
  });
});

describe("a status of the ledger's written in words of its own", () => {
  it("待认定, where the scheme has two words for a claim not yet decided, is told both (the list called them 待认定 and said 待认定 was none)", async () => {
    const file = await editedCopy(dir, "samples/liuhe-2026.xlsx", "待认定.xlsx", (wb) => {
      const ws = wb.getWorksheet("加扣分");
      if (!ws) throw new Error("no 加扣分");
      ws.getCell("F11").value = "待认定";
    });
    const r = await cli(["validate", file]);
    expect(r.err).toContain(`${file}: 加扣分!F11: 错误: 河东街道 状态 “待认定” 无效:尚未认定的记录写 申报中、待审核 之一。可用:已认定(计分);申报中、待审核(待认定,暂不计分);不予认定(不计分) [workbook.ledger-unknown-status-sense]\n`);
  });
});

describe("a unit on the sheets and not on the template's list", () => {
  it("is said to move the others' points on items scored against the best value or by place, where its kind has such items", async () => {
    // 新城镇: 石桥镇's rows copied under the last, on every town sheet (a row that crept in from another copy).
    const file = await editedCopy(dir, "samples/liuhe-2026.xlsx", "新城镇.xlsx", (wb) => {
      for (const name of ["经济发展", "社会治理", "党的建设", "指标数据"]) {
        const ws = wb.getWorksheet(name);
        let from: ExcelJS.Row | undefined;
        ws?.eachRow((row) => {
          if (row.getCell(1).value === "石桥镇") from = row;
        });
        if (!ws || !from) throw new Error(name);
        const values = (from.values as ExcelJS.CellValue[]).slice(1);
        ws.addRow(["新城镇", ...values.slice(1)]);
      }
    });
    const r = await cli(["validate", file]);
    expect(r.err).toMatch(/经济发展!A\d+: 警告: 单位 “新城镇” 不在模板的单位名单\(_lists 工作表\)中,但照样计分和排名,并影响其他单位的名次和按最优值或名次计分的项目的得分。/);
  });
});

describe("a row copied with its name mistyped on a sheet that lists a kind's units", () => {
  it("is said at that row, naming the unit it is like, though its one sheet is no sheet the kind is read from (区城投集團 on 区属国企 was said missing from 指标数据 and off the list, as if a new unit)", async () => {
    const file = await editedCopy(dir, "samples/liuhe-2026.xlsx", "国企复制.xlsx", (wb) => {
      const ws = wb.getWorksheet("区属国企");
      if (!ws) throw new Error("no 区属国企");
      ws.addRow(["区城投集團"]);
    });
    const r = await cli(["validate", file]);
    expect(r.err).toMatch(/区属国企!A\d+: 错误: 单位 “区城投集團” 只在本表有这一行,在工作表 指标数据 中没有行;本表 A2 的 “区城投集团” 与它名称相近:如这一行是 区城投集团 重复填的\(名称写错\),请删去这一行;如它是另一个单位,请在 指标数据 中补上它的行 \[workbook\.unit-near-row-only\]/);
    expect(r.err).not.toContain("unit-missing-on");
    expect(r.err).not.toContain("roster-unit-unlisted");
  });
});
