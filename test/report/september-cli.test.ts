// `assess report` end to end through main() with a fake Io: default and -o targets, formats,
// usage errors (exit 2, nothing written), invalid input (exit 1), the input never a target.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { cli, type Run } from "../helpers/cli.js";
import { reportTargets } from "../../src/cli/commands/report.js";
import ExcelJS from "exceljs";
import { readBook, SAMPLE, tempDir } from "./helpers.js";
import { editedCopy, withoutUnits } from "../helpers/edit.js";

/** The CLI in-process, on a fixed report date. */
const run = (args: string[], env: NodeJS.ProcessEnv = { LANG: "zh_CN.UTF-8", SOURCE_DATE_EPOCH: "1789430400" }): Promise<Run> => cli(args, env);

const root = tempDir("assess-report-cli-");
let dir: string;
let input: string;

beforeEach(() => {
  dir = mkdtempSync(join(root, "case-"));
  input = join(dir, "青山区.xlsx");
  copyFileSync(SAMPLE, input);
});

describe("assess report", () => {
  /** The liuhe sample's report as HTML text, 河东街道's pending claim at 省级 (+2): ranks may move, and 文昌街道's 二等奖 may pass to it. */
  const provincialReport = async (name: string, lang: "zh-CN" | "en"): Promise<string> => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/liuhe-2026.xlsx");
    wb.getWorksheet("加扣分")!.getCell("D11").value = "省级";
    const file = join(dir, `${name}.xlsx`);
    await wb.xlsx.writeFile(file);
    const out = join(dir, `${name}.html`);
    expect((await run(["report", file, "--format", "html", "-o", out, "--lang", lang])).code).toBe(0);
    return readFileSync(out, "utf8").replace(/<[^>]+>/g, "");
  };

  it("says what pending claims may move, and then whose awards they may change", async () => {
    const text = await provincialReport("柳河区", "zh-CN");
    expect(text).toContain("尚有待认定的加扣分记录,认定后有关单位的总分和名次可能变动;以下单位的奖惩可能随之改变(表中标“待定”):");
    // The claim as a reader knows it: whose, what, its level and status (and its cell for the clerk).
    // (河东街道's own claim, which may take 文昌街道's 二等奖: the two in one line, in the tables' order.)
    expect(text).toContain("文昌街道、河东街道的奖惩可能随以下 1 条待认定记录的认定而改变:河东街道 JF1 工作创新获上级推广(省级,待审核,加扣分!B11)。");
    // The units whose awards wait follow the line that introduces them; whose ranks may move, after.
    const lead = text.indexOf("以下单位的奖惩可能随之改变");
    expect(lead).toBeGreaterThan(0);
    expect(text.indexOf("文昌街道、河东街道的奖惩可能随")).toBeGreaterThan(lead);
    expect(text.indexOf("名次可能变动的单位")).toBeGreaterThan(text.indexOf("文昌街道、河东街道的奖惩可能随"));
  });

  it("says one pending claim in English as one (it read \"these pending claims\")", async () => {
    const text = await provincialReport("liuhe-en", "en");
    expect(text).toContain("The awards of 文昌街道, 河东街道 may change with the decision on the pending claim: 河东街道 JF1 工作创新获上级推广");
  });

  it("keeps a short bracket of Chinese and an amount with its 元 on one line in the HTML report (经济发展突出贡献奖(省|级) broke inside it), and leaves others as they are", async () => {
    const out = join(dir, "liuhe.html");
    expect((await run(["report", "samples/liuhe-2026.xlsx", "--format", "html", "-o", out])).code).toBe(0);
    const html = readFileSync(out, "utf8");
    // Names on one line where none is long (区住房城乡建设局 broke before 局), in every table here.
    expect(html).toMatch(/\.short-names td\.k-name \{ white-space: nowrap; \}/);
    expect((html.match(/<table class="short-names">/g) ?? []).length).toBe((html.match(/<table[ >]/g) ?? []).length);
    // And an amount with its 元 (元 was left alone on the next line of a narrow column).
    expect(html).toContain('单项奖:经济发展突出贡献奖<span class="nb">(省级)</span>,<span class="nb">20,000元</span>');
    // 河西街道's 95 held to 合格 by its veto (one set outright reads 不合格(因一票否决)).
    expect(html).toContain("等次:合格(一票否决,至多评为合格)");
    expect(html).toMatch(/\.nb \{ white-space: nowrap; \}/);
  });

  it("says what red rows are on every ranking that has them, a vetoed unit ranked or not (河西街道 and 白马镇 ranked in red, unsaid; 区属国有企业排名's unranked one said on the line tables alone)", async () => {
    const out = join(dir, "liuhe.html");
    expect((await run(["report", "samples/liuhe-2026.xlsx", "--format", "html", "-o", out])).code).toBe(0);
    const text = readFileSync(out, "utf8").replace(/<[^>]+>/g, " ");
    // (The towns' with how their weighted lines make the total: their columns hold the points before the weight.)
    const weights = "总分 = 经济发展 × 40% + 社会治理 × 35% + 党的建设 × 25% + 加分 − 扣分(计入总分),各线为乘权重前的得分,加权合计在相加后四舍五入到 0.01";
    // (And that 双河乡 and 杨柳镇, level on the tie-breakers too, share a rank.)
    const tie = "同分的单位依次按 DJ 党的建设、JJ 经济发展 比较排定名次;比较项也都相同的并列同一名次";
    expect(text).toMatch(new RegExp(`乡镇组排名 +\\(共 7 个单位;标红的为一票否决单位;${tie};${weights.replace(/[()+]/g, "\\$&")}\\)`));
    expect(text).toMatch(/区属国有企业排名 +\(共 \d+ 个单位;标红的为一票否决单位\)/);
    // And the yellow rows, by the card's name: where the ranking gives a yellow card (凤凰街道's, the
    // towns' last), and where a unit carded on another ranking is shown yellow (凤凰街道 in 街道组排名,
    // which gives none: its yellow row went unexplained).
    // (With the prize nobody holds: 河西街道, first, keeps it empty.)
    const vacant = "奖次空缺:街道组排名 一等奖,第 1 名的河西街道一票否决,不得获奖,名次空出";
    expect(text).toMatch(new RegExp(`街道组排名 +\\(共 4 个单位;标红的为一票否决单位;标黄的为受黄牌警告单位;${weights.replace(/[()+]/g, "\\$&")};${vacant}\\)`));
    // (And, where pending claims may move a rank there, what the brackets after it are.)
    expect(text).toMatch(new RegExp(`乡镇\\(街道\\)综合排名 +\\(共 11 个单位;标红的为一票否决单位;标黄的为受黄牌警告单位;名次后括号内是加扣分认定后可能的名次;${tie};${weights.replace(/[()+]/g, "\\$&")};${vacant}\\)`));
    // A ranking without a vetoed unit: no red rows said (its last department's yellow one is).
    expect(text).toMatch(/区直部门排名 +\(共 6 个单位;标黄的为受黄牌警告单位;同分的单位按 BM1 重点工作任务 比较排定名次;比较项也都相同的并列同一名次\)/);
  });

  it("says under a ranking whose awards are marked pending what the mark means (said only at the report's end, pages later)", async () => {
    const text = await provincialReport("柳河区-待定", "zh-CN");
    // 文昌街道's 二等奖 and 河东街道's possible one are on the towns' and the 街道组's rankings; the departments' has none.
    for (const ranking of ["乡镇(街道)综合排名", "街道组排名"]) expect(text).toMatch(new RegExp(`${ranking.replace(/[()]/g, "\\$&")} *\\(共 \\d+ 个单位;标红的为一票否决单位;(标黄的为受黄牌警告单位;)?标“待定”的奖惩视待认定加扣分的认定而定,见文末(;名次后括号内是加扣分认定后可能的名次)?(;同分的单位[^;]*;[^;]*)?;总分 = [^)]+\\)`));
    expect(text).toContain("(待定)");
    expect(text).toMatch(/区直部门排名 *\(共 \d+ 个单位;标黄的为受黄牌警告单位(;同分的单位[^;]*;[^;)]*)?\)/);
    const en = await provincialReport("liuhe-pending-en", "en");
    expect(en).toMatch(/\(\d+ units; those in red are vetoed; (those in yellow got a [^;]+; )?awards marked pending hang on claims still to be decided, listed at the end(; the parentheses after a rank give the ranks it could end up with once the claims are decided)?(; units with equal scores[^;]*; those equal[^;]*)?; total = 经济发展 × 40% \+ 社会治理 × 35% \+ 党的建设 × 25% \+ Bonus − Deduction \(on the total\), with the column of each line showing its points before weighting and the weighted sum rounded to 0.01 after adding up/);
  });

  it("explains the pending mark under a group's table only where one of its rows carries it (青石镇's 优秀 pending on the whole kind's table, which alone gives grades)", async () => {
    const out = join(dir, "qinghe.html");
    const F = "test/fixtures/county-edu";
    expect((await run(["report", `${F}/qinghe-2026.xlsx`, "--rubric", `${F}/county-edu-2026.1.yaml`, "--format", "html", "-o", out])).code).toBe(0);
    const text = readFileSync(out, "utf8").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    // Each ranking's table, up to the next one's heading.
    const order = ["乡镇中心学校综合排名", "城区组排名", "农村组排名", "县直学校排名"];
    const section = (name: string): string => text.slice(text.indexOf(`${name} (共`), text.indexOf(`${order[order.indexOf(name) + 1]} (共`));
    expect(section("乡镇中心学校综合排名")).toContain("标“待定”的奖惩视待认定加扣分的认定而定");
    expect(section("乡镇中心学校综合排名")).toContain("(待定)");
    for (const group of ["农村组排名", "城区组排名"]) {
      expect(section(group)).not.toContain("(待定)");
      expect(section(group)).not.toContain("标“待定”");
    }
  });

  it("says where the scheme's kind of unit has none in the workbook (its section left out unsaid read as lost)", async () => {
    const scored = JSON.parse((await run(["score", input, "--json", "-o", join(dir, "s.xlsx")])).out) as { units: { name: string; kind: string }[] };
    const departments = new Set(scored.units.filter((u) => u.kind === "department").map((u) => u.name));
    expect(departments.size).toBeGreaterThan(0);
    const none = await editedCopy(dir, input, "无部门.xlsx", (wb) => withoutUnits(wb, (name) => departments.has(name)));
    const out = join(dir, "无部门.html");
    expect((await run(["report", none, "--format", "html", "-o", out])).code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toContain("工作簿中没有责任部门,本报告无其排名。");
    expect(text).not.toContain("部门排名");
    // With every kind there, nothing of the kind said.
    const whole = join(dir, "全.html");
    expect((await run(["report", input, "--format", "html", "-o", whole])).code).toBe(0);
    expect(readFileSync(whole, "utf8")).not.toContain("工作簿中没有");
  });

  it("names the units whose ranks pending claims may move, with their ranges (the tables give one rank each; the terminal and sheets gave the range, the report nothing)", async () => {
    const out = join(dir, "liuhe.html");
    expect((await run(["report", "samples/liuhe-2026.xlsx", "--format", "html", "-o", out])).code).toBe(0);
    const text = readFileSync(out, "utf8").replace(/<[^>]+>/g, "");
    expect(text).toContain("名次可能变动的单位:青龙乡(乡镇(街道)综合排名 8–9)、河东街道(乡镇(街道)综合排名 8–9)。");
    // And whose totals may move, ranks moving too (the report said it only where no rank could move).
    // (With the claim of its own it waits on.)
    expect(text).toContain("总分可能变动的单位(表中为现有总分):河东街道(89.50–90.50,待认定:JF1 工作创新获上级推广(市级,待审核))。");
    // And in the tables, each such rank with where it may end (the report is signed: no rank presented as final that is not).
    expect(text).toMatch(/>?8\(8–9\)\s*青龙乡|8\(8–9\)青龙乡/);
    // Ranks that cannot move: no such line.
    const q = join(dir, "qingshan.html");
    expect((await run(["report", SAMPLE, "--format", "html", "-o", q])).code).toBe(0);
    expect(readFileSync(q, "utf8")).not.toContain("名次可能变动的单位");
  });

  it("says a unit's single-item award waits on its own recognition alone, and names that claim beside the award it holds", async () => {
    // 青龙乡's claim for 经济发展突出贡献奖 (given to all recognised): 河东街道's pending +1 moves its
    // rank, not that award; 石桥镇 holds it at 市级 and claims it at 国家级.
    let [qinglong, shiqiao] = ["", ""];
    const file = await editedCopy(dir, "samples/liuhe-2026.xlsx", "柳河区.xlsx", (wb) => {
      const ledger = wb.getWorksheet("加扣分")!;
      ledger.getRow(ledger.rowCount + 1).values = ["青龙乡", "DX1", null, "省级", null, "申报中"];
      qinglong = `加扣分!B${ledger.rowCount}`;
      ledger.getRow(ledger.rowCount + 1).values = ["石桥镇", "DX1", null, "国家级", null, "申报中"];
      shiqiao = `加扣分!B${ledger.rowCount}`;
    });
    const out = join(dir, "r.html");
    expect((await run(["report", file, "--format", "html", "-o", out])).code).toBe(0);
    const text = readFileSync(out, "utf8").replace(/<[^>]+>/g, "");
    expect(text).toMatch(new RegExp(`青龙乡的奖惩可能随以下 1 条待认定记录的认定而改变:青龙乡 DX1 [^;。]*${qinglong}[^;。]*。`));
    // The document it was recognized by (the row's 依据) before its cell: a leader reads no cell.
    expect(text).toContain(`市级认定:市政府表彰决定(见 加扣分!B16);国家级申报中,见 ${shiqiao}`);
    const explained = await run(["explain", file, "青龙乡"]);
    expect(explained.out).toContain(`奖惩可能因 ${qinglong} 的认定而变`);
  });

  it("names as what a unit's awards wait on only the claims that can change them, not another group's that moves its rank alone", async () => {
    // 青龙乡's claim at 省级 (+2) may win it a prize in 乡镇组; 河东街道's (街道组, +1) moves 青龙乡
    // only on the overall ranking, which gives it nothing either way.
    let qinglong = "";
    const file = await editedCopy(dir, "samples/liuhe-2026.xlsx", "柳河区.xlsx", (wb) => {
      const ledger = wb.getWorksheet("加扣分")!;
      ledger.getRow(ledger.rowCount + 1).values = ["青龙乡", "JF1", null, "省级", null, "申报中", null, "治理经验省级推广"];
      qinglong = `加扣分!B${ledger.rowCount}`;
    });
    const out = join(dir, "r.html");
    expect((await run(["report", file, "--format", "html", "-o", out])).code).toBe(0);
    const text = readFileSync(out, "utf8").replace(/<[^>]+>/g, "");
    // In the tables' order (双河乡 and 杨柳镇 tied 5th, by pinyin; 青龙乡 8th), not as entered; in one
    // line, their awards waiting on the same claim (a district's thirty claims: five towns each
    // listed the same three, line after line).
    expect(text).toContain("双河乡、杨柳镇、青龙乡的奖惩可能随以下 1 条待认定记录的认定而改变:");
    const waits = /青龙乡的奖惩可能随以下 1 条待认定记录的认定而改变:([^。]*)。/.exec(text)?.[1];
    expect(waits).toContain(qinglong);
    expect(waits).not.toContain("河东街道");
    // Its overall rank may still move with 河东街道's claim: said among the ranks that may move.
    expect(text.slice(text.indexOf("名次可能变动的单位"))).toContain("青龙乡(乡镇(街道)综合排名 5–9");
    const explained = await run(["explain", file, "青龙乡"]);
    expect(explained.out).toContain(`奖惩可能因 ${qinglong} 的认定而变`);
    // Its ranks' with its ranks, said before them (after them, the cells read as the last ranking's
    // alone): 河东街道's, by whose it is, as well as its own.
    expect(explained.out).toMatch(new RegExp(`视 加扣分!B11\\(河东街道 JF1\\)、${qinglong} 的认定,名次可能为 [^;]*乡镇\\(街道\\)综合排名 5–9[^;]*;奖惩可能因 ${qinglong} 的认定而变`));
    // The JSON keeps every row that may move it (its rank too).
    const json = JSON.parse((await run(["score", file, "--json", "-o", join(dir, "s.xlsx")])).out) as { units: { name: string; certainty?: { pending: string[] } }[] };
    expect(json.units.find((u) => u.name === "青龙乡")?.certainty?.pending).toEqual(["加扣分!B11", qinglong]);
  });

  it("wraps a closing line longer than the page in the Excel report (the units whose ranks may move were cut at the edge)", async () => {
    // Two claims on 文昌街道 (+5) that may lift it past 河西街道: many units' ranks may move.
    const file = await editedCopy(dir, "samples/liuhe-2026.xlsx", "柳河区.xlsx", (wb) => {
      const ledger = wb.getWorksheet("加扣分")!;
      ledger.getRow(ledger.rowCount + 1).values = ["文昌街道", "JF1", null, "国家级", null, "申报中"];
      ledger.getRow(ledger.rowCount + 1).values = ["文昌街道", "JF2", 4, null, null, "申报中"];
    });
    const out = join(dir, "r.xlsx");
    expect((await run(["report", file, "-o", out])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    let found: ExcelJS.Row | undefined;
    book.worksheets[0]!.eachRow((row) => void (String(row.getCell(1).value ?? "").startsWith("名次可能变动的单位") ? (found = row) : undefined));
    expect(String(found?.getCell(1).value).length).toBeGreaterThan(120);
    expect(found?.getCell(1).alignment?.wrapText).toBe(true);
    expect(found?.height).toBeGreaterThan(20);
  });

  it("writes NAME.report.xlsx and NAME.report.html beside the input and leaves the input alone", async () => {
    const before = readFileSync(input);
    const r = await run(["report", input]);
    expect(r.code, r.err).toBe(0);
    const xlsx = join(dir, "青山区.report.xlsx");
    const html = join(dir, "青山区.report.html");
    expect(existsSync(xlsx)).toBe(true);
    expect(existsSync(html)).toBe(true);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(r.err).toContain(`已写入 ${xlsx}`);
    expect(r.err).toContain(`已写入 ${html}`);
    expect(r.err).toContain("加扣分!F7"); // warnings are still reported
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const wb = await readBook(readFileSync(xlsx));
    expect(wb.getWorksheet("九月排名报告")?.getCell("A1").text).toBe("青山区2026年度人口和计划生育目标管理责任制考核结果");
    const page = readFileSync(html, "utf8");
    expect(page).toContain("城关镇");
    // SOURCE_DATE_EPOCH 1789430400 = 2026-09-15 UTC.
    expect(page).toContain("报告日期:2026年9月15日");
    // Written again on another day's clock, with the same SOURCE_DATE_EPOCH: the same bytes, the
    // workbook's zip entries dated as the report is.
    const again = join(dir, "again.xlsx");
    await new Promise((done) => setTimeout(done, 2100));
    expect((await run(["report", input, "--format", "xlsx", "-o", again])).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(xlsx))).toBe(true);
    // Without it, two made seconds apart on one day are the same bytes too (each held its second).
    const [first, second] = [join(dir, "today1.xlsx"), join(dir, "today2.xlsx")];
    expect((await run(["report", input, "--format", "xlsx", "-o", first], { LANG: "zh_CN.UTF-8" })).code).toBe(0);
    await new Promise((done) => setTimeout(done, 2100));
    expect((await run(["report", input, "--format", "xlsx", "-o", second], { LANG: "zh_CN.UTF-8" })).code).toBe(0);
    expect(readFileSync(first).equals(readFileSync(second))).toBe(true);
    // Set to no number of seconds: said, once, and today's date taken (it was passed over unsaid).
    const bad = await run(["report", input, "-o", join(dir, "bad-epoch")], { LANG: "zh_CN.UTF-8", SOURCE_DATE_EPOCH: "2026-12-04" });
    expect(bad.code).toBe(0);
    expect(bad.err.split("\n").filter((l) => l.includes("[env.bad-source-date-epoch]"))).toEqual(["警告: 环境变量 SOURCE_DATE_EPOCH 的值 “2026-12-04” 不是自 1970 年 1 月 1 日(UTC)起的整秒数,未采用:日期按今天;如需固定日期,请写如 SOURCE_DATE_EPOCH=$(date -d '2026-12-04 12:00' +%s) [env.bad-source-date-epoch]"]);
  });

  it("says where the cover's district is blank (the title and the seal line would go without it)", async () => {
    // The sample's cover, made before its label was 地区, says 区(县): read all the same.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    const cover = wb.getWorksheet("封面");
    let row = 0;
    cover?.eachRow((r, n) => {
      if (String(r.getCell(1).value ?? "").startsWith("区(县)")) row = n;
    });
    expect(row).toBeGreaterThan(0);
    cover!.getCell(`B${row}`).value = null;
    await wb.xlsx.writeFile(input);
    const r = await run(["report", input, "--format", "html"]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`封面!B${row}: 警告: 封面未填地区,结果表和报告的标题以及报告的落款中将没有地区名称 [workbook.cover-blank-district]`);
    expect(r.err).not.toContain("workbook.cover-blank-year");
    // Its label changed (县(市、区)): not found at all, said at the cover.
    cover!.getCell(`A${row}`).value = "县(市、区)";
    cover!.getCell(`B${row}`).value = "青山区";
    await wb.xlsx.writeFile(input);
    const relabelled = await run(["report", input, "--format", "html", "--force"]);
    expect(relabelled.err).toContain(": 封面: 警告: 封面未填地区,结果表和报告的标题以及报告的落款中将没有地区名称 [workbook.cover-blank-district]");
    // As given, nothing to say.
    copyFileSync(SAMPLE, input);
    expect((await run(["report", input, "--format", "html", "--force"])).err).not.toContain("workbook.cover-blank");
  });

  it("writes one format to -o as given, and both with -o's extension replaced", async () => {
    const one = join(dir, "九月.htm");
    expect((await run(["report", input, "--format", "html", "-o", one])).code).toBe(0);
    expect(existsSync(one)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["九月.htm", "青山区.xlsx"]);
    const both = join(dir, "out", "..", "报告.xlsx");
    const r = await run(["report", input, "-o", both]);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(join(dir, "报告.xlsx"))).toBe(true);
    expect(existsSync(join(dir, "报告.html"))).toBe(true);
    expect(reportTargets("a/b.xlsx", ["xlsx", "html"], "c/d.e.html")).toEqual([
      { format: "xlsx", path: join("c", "d.e.xlsx") },
      { format: "html", path: join("c", "d.e.html") },
    ]);
    // Any other ending is kept: 九月报告.v1 and .v2 are two reports (both were 九月报告.xlsx).
    expect(reportTargets("a/b.xlsx", ["xlsx", "html"], "c/九月报告.v2").map((t) => t.path)).toEqual([join("c", "九月报告.v2.xlsx"), join("c", "九月报告.v2.html")]);
    // A name whose last part is Chinese keeps it (报告.终稿 wrote 报告.xlsx).
    expect(reportTargets("a/b.xlsx", ["xlsx", "html"], "c/报告.终稿").map((t) => t.path)).toEqual([join("c", "报告.终稿.xlsx"), join("c", "报告.终稿.html")]);
    // A name ending in a date's digits keeps them: two days' reports are two files.
    expect(reportTargets("a/b.xlsx", ["xlsx", "html"], "c/报告2026.09.15")).toEqual([
      { format: "xlsx", path: join("c", "报告2026.09.15.xlsx") },
      { format: "html", path: join("c", "报告2026.09.15.html") },
    ]);
  });

  it("says why -o NAME (or NAME.html) is refused where both formats are written: its Excel report would be the input's own name", async () => {
    for (const given of ["青山区", "青山区.html"]) {
      const r = await run(["report", input, "-o", join(dir, given)]);
      expect(r.code).toBe(2);
      expect(r.err).toContain("-o " + join(dir, given) + " 写出两种格式,各换上其扩展名:Excel 报告即为 青山区.xlsx,与输入工作簿相同,输入文件绝不会被修改;请另取名称,如 -o 青山区-报告 [report.output-is-input-both]");
    }
    // 青山区.report keeps its ending now: 青山区.report.xlsx, not the input.
    expect((await run(["report", input, "-o", join(dir, "青山区.report")])).code).toBe(0);
    expect(existsSync(join(dir, "青山区.report.xlsx"))).toBe(true);
  });

  it("refuses -o NAME.csv (.xls, .pdf) where both formats are written, writing nothing (y.xlsx and y.html were written for y.csv)", async () => {
    for (const name of ["y.csv", "y.xls", "y.pdf"]) {
      const r = await run(["report", input, "-o", join(dir, name)]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`报告只写成 .xlsx 和 .html 两种文件,不能写成 ${join(dir, name)};请用 -o 给出不带扩展名或以 .xlsx、.html 结尾的名称,如 -o ${join(dir, "y.xlsx")}(同时写出同名的 .html)`);
    }
    expect(readdirSync(dir)).toEqual(["青山区.xlsx"]);
  });

  it("refuses an unknown --format with a usage error (exit 2) and writes nothing", async () => {
    const r = await run(["report", input, "--format", "pdf"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("用法错误");
    expect(r.err).toContain("pdf");
    expect(readdirSync(dir)).toEqual(["青山区.xlsx"]);
    expect((await run(["report", input, "--format", "constructor"])).code).toBe(2);
    expect((await run(["report", input, "--format", ""])).code).toBe(2);
    expect(readdirSync(dir)).toEqual(["青山区.xlsx"]);
    const en = await run(["report", input, "--format", "pdf", "--lang", "en"]);
    expect(en.err).toContain('unsupported report format "pdf"');
  });

  it("reports an invalid workbook's problems, exits 1 and writes nothing", async () => {
    const bad = join(dir, "typos.xlsx");
    copyFileSync("samples/broken/typos.xlsx", bad);
    const r = await run(["report", bad]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("typos.xlsx");
    expect(readdirSync(dir).sort()).toEqual(["typos.xlsx", "青山区.xlsx"]);
  });

  it("replaces its own earlier reports, but no other existing file unless --force", async () => {
    expect((await run(["report", input])).code).toBe(0);
    // Run again (in English): both earlier reports are ours and are replaced.
    const again = await run(["report", input, "--lang", "en"]);
    expect(again.code, again.err).toBe(0);
    expect(readFileSync(join(dir, "青山区.report.html"), "utf8")).toContain('<html lang="en"');
    // A page of the user's own and a workbook of the user's own are not.
    const page = join(dir, "mine.html");
    const book = join(dir, "mine.xlsx");
    copyFileSync(join(dir, "青山区.report.html"), page);
    const html = readFileSync(page, "utf8").replace(/<meta name="generator"[^>]*>/, "");
    writeFileSync(page, html);
    copyFileSync(input, book);
    const targets: [string, string][] = [["html", page], ["xlsx", book]];
    for (const [format, target] of targets) {
      const r = await run(["report", input, "--format", format, "-o", target]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${target}: 错误: 文件已存在,且不是 assess 此前写出的同类结果`);
    }
    expect(readFileSync(page, "utf8")).toBe(html);
    expect(readFileSync(book).equals(readFileSync(input))).toBe(true);
    expect((await run(["report", input, "--format", "html", "-o", page, "--force"])).code).toBe(0);
    expect(readFileSync(page, "utf8")).toContain('<meta name="generator" content="assess report">');
  });

  it("does not replace another workbook's report (another district's, under the same -o name) without --force, in either format or language", async () => {
    const stem = join(dir, "九月报告");
    expect((await run(["report", input, "-o", stem, "--lang", "en"])).code).toBe(0);
    const [xlsx, html] = [readFileSync(`${stem}.xlsx`), readFileSync(`${stem}.html`)];
    // The same workbook again: replaced.
    expect((await run(["report", input, "-o", stem])).code).toBe(0);
    const other = await run(["report", "samples/liuhe-2026.xlsx", "-o", stem]);
    expect(other.code).toBe(2);
    expect(other.err).toContain(`${stem}.xlsx: 错误: 文件已存在,是另一个工作簿(${basename(input)})的排名报告,为免覆盖未写入;请换个文件名,或加 --force 覆盖 [file.report-of-other]`);
    expect(other.err).toContain(`${stem}.html: 错误: 文件已存在,是另一个工作簿(${basename(input)})的排名报告`);
    expect(readFileSync(`${stem}.xlsx`).equals(xlsx)).toBe(false);
    const kept = [readFileSync(`${stem}.xlsx`), readFileSync(`${stem}.html`)];
    const again = await run(["report", "samples/liuhe-2026.xlsx", "-o", stem]);
    expect(again.code).toBe(2);
    expect(readFileSync(`${stem}.xlsx`).equals(kept[0]!)).toBe(true);
    expect(readFileSync(`${stem}.html`).equals(kept[1]!)).toBe(true);
    expect(html.length).toBeGreaterThan(0);
    expect((await run(["report", "samples/liuhe-2026.xlsx", "-o", stem, "--force"])).code).toBe(0);
    // A workbook whose name has a full-width or a double space (recorded squeezed to one): its own, run again.
    const spaced = join(dir, "青山区　2026  复核.xlsx");
    copyFileSync(input, spaced);
    expect((await run(["report", spaced])).code).toBe(0);
    const rerun = await run(["report", spaced]);
    expect(rerun.code, rerun.err).toBe(0);
  });

  it("does not replace an earlier report saved since by another program (a signature typed in it) without --force", async () => {
    expect((await run(["report", input, "--format", "xlsx"])).code).toBe(0);
    const report = join(dir, "青山区.report.xlsx");
    // As written, it is replaced (again and again, the same day or not).
    expect((await run(["report", input, "--format", "xlsx"])).code).toBe(0);
    expect((await run(["report", input, "--format", "xlsx"], { LANG: "zh_CN.UTF-8", SOURCE_DATE_EPOCH: "1789516800" })).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    wb.worksheets[0]!.getCell("A80").value = "审核人签字:张三";
    await wb.xlsx.writeFile(report);
    const before = readFileSync(report);
    const refused = await run(["report", input, "--format", "xlsx"]);
    expect([refused.code, refused.err.trim().split("\n").at(-1)]).toEqual([2, `${report}: 错误: 文件已存在,是以前生成的报告,但生成后又被 Excel、WPS 等程序保存过,可能有手工修改(签字、批注),覆盖会丢失它们,未写入;请换个文件名(-o),或确认不需要其中的修改后加 --force 覆盖 [file.report-saved-since]`]);
    expect(readFileSync(report).equals(before)).toBe(true);
    // Both formats asked for: the HTML report, not refused itself, is said not written either.
    const html = join(dir, "青山区.report.html");
    const htmlBefore = existsSync(html) ? readFileSync(html) : undefined;
    const both = await run(["report", input]);
    expect(both.code).toBe(2);
    expect(both.err.trim().split("\n").slice(-2)).toEqual([`${report}: 错误: 文件已存在,是以前生成的报告,但生成后又被 Excel、WPS 等程序保存过,可能有手工修改(签字、批注),覆盖会丢失它们,未写入;请换个文件名(-o),或确认不需要其中的修改后加 --force 覆盖 [file.report-saved-since]`, `${html}: 警告: 也未写入:两种格式同时生成,有一种未写入时另一种也不写 [report.not-written-either]`]);
    expect(existsSync(html) ? readFileSync(html) : undefined).toEqual(htmlBefore);
    expect((await run(["report", input, "--format", "xlsx", "--force"])).code).toBe(0);
  });

  it("does not replace an earlier report page edited since (a signature typed in it) without --force", async () => {
    const html = join(dir, "青山区.report.html");
    expect((await run(["report", input, "--format", "html", "--force"])).code).toBe(0);
    // As written, it is replaced.
    expect((await run(["report", input, "--format", "html"])).code).toBe(0);
    writeFileSync(html, readFileSync(html, "utf8").replace("</body>", "<p>局长签字:张三 2027-01-12</p></body>"));
    const before = readFileSync(html);
    const refused = await run(["report", input, "--format", "html"]);
    expect([refused.code, refused.err.trim().split("\n").at(-1)]).toEqual([2, `${html}: 错误: 文件已存在,是以前生成的报告(网页),但生成后又被修改过(如加了签字、批注),覆盖会丢失这些修改,未写入;请换个文件名(-o),或确认不需要其中的修改后加 --force 覆盖 [file.report-page-edited]`]);
    expect(readFileSync(html).equals(before)).toBe(true);
    expect((await run(["report", input, "--format", "html", "--force"])).code).toBe(0);
  });

  it("names the report as the rubric names it: its tab and the line under its title", async () => {
    // The bundled district scheme calls it 九月排名报告; a rubric that gives no name gets 排名报告.
    const liuhe = join(dir, "柳河区.xlsx");
    copyFileSync("samples/liuhe-2026.xlsx", liuhe);
    expect((await run(["report", liuhe])).code).toBe(0);
    expect((await readBook(readFileSync(join(dir, "柳河区.report.xlsx")))).worksheets.map((w) => w.name)).toEqual(["排名报告"]);
    expect(readFileSync(join(dir, "柳河区.report.html"), "utf8")).toContain('<span class="subtitle">排名报告</span>');
    expect(readFileSync(join(dir, "柳河区.report.html"), "utf8")).not.toContain("九月");
    // A rubric's own name, in either language; and a report of that name is its earlier report.
    const yaml = readFileSync("rubric/district-popplan-2022.1.yaml", "utf8").replace("name: 九月排名报告", "name: 年度考核情况通报");
    const rubric = join(dir, "district-popplan-2022.1.yaml");
    writeFileSync(rubric, yaml);
    for (const lang of ["zh", "en"]) {
      const r = await run(["report", input, "--rubric", rubric, "--lang", lang]);
      expect(r.code, r.err).toBe(0);
      expect((await readBook(readFileSync(join(dir, "青山区.report.xlsx")))).worksheets.map((w) => w.name)).toEqual(["年度考核情况通报"]);
      expect(readFileSync(join(dir, "青山区.report.html"), "utf8")).toContain('<span class="subtitle">年度考核情况通报</span>');
    }
  });

  it("replaces its earlier report whatever the rubric named it, but never a one-sheet workbook of the user's own named like one", async () => {
    const yaml = readFileSync("rubric/district-popplan-2022.1.yaml", "utf8").replace("name: 九月排名报告", "name: 年度考核情况通报");
    const rubric = join(dir, "district-popplan-2022.1.yaml");
    writeFileSync(rubric, yaml);
    const out = join(dir, "report.xlsx");
    expect((await run(["report", input, "--format", "xlsx", "-o", out, "--rubric", rubric])).code).toBe(0);
    // The rubric's name changed back: still our report, replaced.
    const again = await run(["report", input, "--format", "xlsx", "-o", out]);
    expect(again.code, again.err).toBe(0);
    expect((await readBook(readFileSync(out))).worksheets.map((w) => w.name)).toEqual(["九月排名报告"]);
    // The office's own report, one sheet called 九月排名报告: theirs.
    const mine = join(dir, "mine.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("九月排名报告").getCell("A1").value = "青山区九月排名(手工)";
    await wb.xlsx.writeFile(mine);
    const before = readFileSync(mine);
    const r = await run(["report", input, "--format", "xlsx", "-o", mine]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${mine}: 错误: 文件已存在,且不是 assess 此前写出的同类结果`);
    expect(readFileSync(mine).equals(before)).toBe(true);
  });

  it("never writes over the input", async () => {
    const before = readFileSync(input);
    const r = await run(["report", input, "--format", "xlsx", "-o", input]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("输出文件不能与输入工作簿相同");
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(["青山区.xlsx"]);
  });
});
