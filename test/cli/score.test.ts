// `assess score` and `assess explain` end to end on the bundled sample: the result workbook read
// back cell by cell, the JSON, the terminal table, and the promise never to touch the input.
import { copyFileSync, chmodSync, existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join, posix } from "node:path";
import { unzipSync } from "fflate";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { scratchDir } from "../helpers/tmp.js";
import { editedCopy } from "../helpers/edit.js";
import { textUnits } from "../../src/model/width.js";

const SAMPLE = "samples/qingshan-2026.xlsx";
const dir = scratchDir("assess-score-");
let input: string;

beforeAll(() => {
  input = join(dir, "青山区.xlsx");
  copyFileSync(SAMPLE, input);
});

/** The sample scored to `name` in the scratch folder, then a sheet of the user's added to the result (a 领导批示). */
async function annotatedResult(name: string): Promise<string> {
  const result = join(dir, name);
  expect((await cli(["score", input, "-o", result])).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(result);
  wb.addWorksheet("领导批示").getCell("A1").value = "局长批示:请复核东湖街道";
  await wb.xlsx.writeFile(result);
  return result;
}

async function sheetRows(file: string, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}: ${wb.worksheets.map((w) => w.name).join(",")}`);
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("assess score on the sample", () => {
  it("writes NAME.scored.xlsx beside the input, prints the ranking, leaves the input as it was", async () => {
    const before = readFileSync(input);
    const r = await cli(["score", input]);
    expect(r.code).toBe(0);
    const out = join(dir, "青山区.scored.xlsx");
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(r.out).toContain("综合排名");
    expect(r.out).toMatch(/│ 1\s+│ 城关镇\s+│ 367\s+│ 621\s+│ 20\s+│ 0\s+│ 1008\s+│ 名次奖:一等奖/);
    expect(r.err).toContain("加扣分!F7"); // the pending row's warning, located
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("writes no ranking sheet for a kind with no units this year (an empty one printed as a blank page)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const depts = wb.getWorksheet("部门")!;
    for (let r = depts.rowCount; r >= 2; r--) depts.spliceRows(r, 1);
    const rates = wb.getWorksheet("指标数据")!;
    for (let r = rates.rowCount; r >= 2; r--) if (String(rates.getCell(r, 1).value ?? "").startsWith("区")) rates.spliceRows(r, 1);
    const file = join(dir, "towns-only.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli(["score", file, "-o", join(dir, "towns-only.scored.xlsx")]);
    expect(r.code).toBe(0);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(join(dir, "towns-only.scored.xlsx"));
    const names = out.worksheets.map((w) => w.name);
    expect(names).toContain("综合排名");
    expect(names).not.toContain("部门排名");
    expect(names).not.toContain("得分明细(责任部门)");
  });

  it("the result workbook holds the four rankings, the detail, the award list and the provenance", async () => {
    const out = join(dir, "青山区.scored.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // The user's own sheets first, unchanged, then ours.
    expect(wb.worksheets.map((w) => w.name)).toEqual(["封面", "党政线", "人口计生线", "部门", "指标数据", "加扣分", "_lists", "综合排名", "党政线排名", "人口计生线排名", "部门排名", "得分明细(镇、街道)", "得分明细(责任部门)", "计分说明", "奖惩名单", "计分信息"]);
    const overall = await sheetRows(out, "综合排名");
    // A title naming district, year and ranking; the rubric under it; then the header band.
    expect(overall[0]?.[0]).toBe("青山区2026年度综合排名");
    // And, where pending claims can move totals but no rank or award, whose and where to.
    // Then what its shading means (a leader handed it saw red, green and yellow rows and no word of them).
    expect(overall[1]?.[0]).toBe("考核方案:完善人口计生目标管理责任制考核办法(district-popplan 2022.1)\n加扣分尚有待认定:青石镇(954.50–964.50)、金水街道(917.50–937.50) 的总分可能变动,本表名次和奖惩均不变;待认定的记录见 计分说明 表\n底色:红色为一票否决单位;绿色为获奖单位;黄色为受黄牌警告(下年度重点管理)单位");
    // So does the award list, shaded as they are (it said nothing of it).
    const awardList = await sheetRows(out, "奖惩名单");
    expect(String(awardList[1]?.[0]).split("\n").at(-1)).toBe("底色:红色为一票否决单位;绿色为获奖单位;黄色为受黄牌警告(下年度重点管理)单位");
    // A ranking with nothing shaded (no veto, no award) says nothing of shading.
    const departments = await sheetRows(out, "部门排名");
    expect(String(departments[1]?.[0])).not.toContain("底色");
    expect(String(departments[1]?.[0])).toMatch(/^考核方案:/);
    // With what each unit lacks for the next better prize (a leader asks how far each is from it; explain says how).
    expect(overall[2]).toEqual(["名次", "单位", "党政线", "人口计生线", "加分", "扣分", "总分", "距更高奖次", "奖惩"]);
    expect(overall.slice(3, 6).map((r) => r.slice(0, 8))).toEqual([
      [1, "城关镇", 367, 621, 20, 0, 1008, undefined],
      [2, "东湖街道", 362, 604.5, 5, 0, 971.5, "一等奖还差 36.5 分"],
      [2, "西山镇", 362, 604.5, 5, 0, 971.5, "一等奖还差 36.5 分"],
    ]);
    // A vetoed unit: 一票否决 in its rank cell and the reason in its awards cell (two too long for the
    // column on a line together: each on its own line, not wrapped where the column ends).
    const last = overall.slice(-2);
    expect(last.map((r) => [r[0], r[1], r[7], r[8]])).toEqual([
      ["一票否决", "石门镇", undefined, "一票否决:JS4.2 统计合格率,ZB2 96.5%,低于目标 98%"],
      // With the single-item award it was recognized for and may not win (a leader asks where it went).
      ["一票否决", "北川镇", undefined, "一票否决:DZ1 基本人口指标,ZB1 出生政策符合率 93.5%,低于目标 95%\n一票否决:JS4.1 出生政策符合率,ZB1 93.5%,低于目标 95%\n单项奖:移民地区综合治理单项奖(国家级)因一票否决不予授予"],
    ]);
    const dept = await sheetRows(out, "部门排名");
    // A ranking by a line that decides nothing, none of its units vetoed: no 备注 column, empty on every row.
    expect(dept[2]).toEqual(["名次", "单位", "部门职责", "满分", "得分率"]);
    expect(dept.slice(7, 9).map((r) => r.slice(0, 3))).toEqual([
      [5, "区教育局", 91.5],
      [5, "区民政局", 91.5],
    ]);
    const awards = await sheetRows(out, "奖惩名单");
    const text = awards.map((r) => r.join("|"));
    // The category says which kind of award: the content does not say it again.
    expect(text).toContain("一票否决|北川镇|DZ1 基本人口指标||ZB1 出生政策符合率 实际 93.5%,目标 95%");
    // …but a card the rubric names with more than the category's word keeps its name (下年度重点管理 is the consequence).
    expect(text.some((t) => t.startsWith("黄牌警告|新华街道|黄牌警告(下年度重点管理):综合排名末位,且总分低于 600|"))).toBe(true);
    expect(text.some((t) => t.startsWith("单项奖|城关镇|全员人口信息化建设单项奖(省级)|3000|省级认定:省通报(见 加扣分!B17)"))).toBe(true);
    const info = await sheetRows(out, "计分信息");
    expect(info[3]).toEqual(["考核方案(编号 版本)", "district-popplan 2022.1"]);
    // The input by its file name, not the path it was given as.
    expect(info[6]).toEqual(["输入工作簿", "青山区.xlsx"]);
    // And itself by the name it was written as (a copy kept under another is not replaced by a slip of -o).
    expect(info[7]).toEqual(["结果工作簿(写出时的文件名)", "青山区.scored.xlsx"]);
    expect(info[8]).toEqual(["地区(封面所填)", "青山区"]);
    expect(info[9]).toEqual(["年度(封面所填)", "2026"]);
    const sha = (info[10]?.[1] ?? "") as string;
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
  });

  it("得分明细 accounts for every point: items add up to lines, lines and ledger to the total", async () => {
    const out = join(dir, "青山区.scored.xlsx");
    const all = await sheetRows(out, "得分明细(镇、街道)");
    const rows = all.slice(2);
    const head = rows[0] as string[];
    // Name, rank (or 一票否决) and total first (kept in view), then the items.
    // Headings that wrap break before their bracket: never a lone ")" on the last line.
    expect(head.slice(0, 5)).toEqual(["单位", "名次\n(综合排名)", "总分", "DZ 党政线\n(370)", "DZ1 基本人口指标\n(100)"]);
    const col = (code: string) => head.findIndex((h) => h.startsWith(`${code} `));
    const topLevel = (line: string) => head.map((h, i) => [h.split(" ")[0] ?? "", i] as const).filter(([c]) => new RegExp(`^${line}\\d+$`).test(c)).map(([, i]) => i);
    const cents = (v: unknown) => Math.round(Number(v) * 100);
    expect(rows.length).toBe(15);
    for (const r of rows.slice(1)) {
      for (const line of ["DZ", "JS"]) {
        expect(topLevel(line).reduce((s, i) => s + cents(r[i]), 0), `${r[0]} ${line}`).toBe(cents(r[col(line)]));
      }
      const total = cents(r[col("DZ")]) + cents(r[col("JS")]) + cents(r[head.indexOf("加分")]) - cents(r[head.indexOf("扣分")]);
      expect(Math.max(0, total), String(r[0])).toBe(cents(r[head.indexOf("总分")]));
    }
    const beichuan = rows.find((r) => r[0] === "北川镇")!;
    expect([beichuan[1], beichuan[col("DZ1")]]).toEqual(["一票否决", 0]);
    const notes = await sheetRows(out, "计分说明");
    const text = notes.map((r) => r.join("|"));
    expect(text).toContain("北川镇|DZ1|基本人口指标|0|100|ZB1 93.5% < 95%,完不成指标:一票否决(目标取自 指标数据!F6)|指标数据!B6");
    expect(text).toContain("新华街道|KF5|两个年度内超生举报查实|-10||未如实上报,加倍扣分:5 × 2 × 1 = 扣 10(说明:超生举报查实,未如实上报)|加扣分!B13");
  });

  it("says a hidden column it reads, at its header, in a workbook saved by a spreadsheet program", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    wb.getWorksheet("党政线")!.getColumn(3).hidden = true;
    wb.getWorksheet("加扣分")!.getColumn(7).hidden = true;
    const file = join(dir, "hidden-columns.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli(["validate", file]);
    expect(r.err).toContain(`${file}: 党政线!C1: 警告: “DZ3.1”所在的列被隐藏,仍会读取并计分(选中两侧的列标,右键 → 取消隐藏,可以看到它) [workbook.hidden-column]`);
    expect(r.err).toContain(`${file}: 加扣分!G1: 警告: 加扣分表的“未如实上报”列被隐藏,仍会读取(选中两侧的列标,右键 → 取消隐藏,可以看到它) [workbook.hidden-column-ledger]`);
  });

  it("--json prints the documented document on stdout and nothing else there", async () => {
    const r = await cli(["score", input, "--json", "-o", join(dir, "json.xlsx")]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { rubric: { id: string; version: string; sha256: string }; units: Record<string, unknown>[] };
    expect(doc.rubric).toMatchObject({ id: "district-popplan", version: "2022.1" });
    const beichuan = doc.units.find((u) => u.name === "北川镇");
    expect(beichuan).toMatchObject({
      kind: "town",
      vetoed: true,
      lines: { DZ: 259, JS: 588 },
      total: 847,
      rank: { overall: null, DZ: null, JS: null },
      awards: [{ kind: "veto", gate: "DZ1", value: 0.935, target: 0.95 }, { kind: "veto", gate: "JS4.1" }],
      // The single-item award its ledger recognizes and its veto withholds (the sheets say it too).
      withheld: [{ kind: "single", ranking: "overall", code: "DX2", name: "移民地区综合治理单项奖", level: "国家级", basis: "加扣分!B19" }],
    });
    // A unit with no such award has no withheld.
    expect(doc.units.find((u) => u.name === "城关镇")).not.toHaveProperty("withheld");
    expect(doc.units.find((u) => u.name === "城关镇")).toMatchObject({ rank: { overall: 1 }, awards: [{ kind: "rank", tier: "一等奖" }, { kind: "single", code: "DX1", amount: 3000 }] });
    expect(doc.units.find((u) => u.name === "区公安分局")).toMatchObject({ kind: "department", lines: { BM: 99.5 }, rank: { BM: 1 }, awards: [] });
    // The cover, each ranking's name by the id ranks are keyed by, and the warnings as data (a
    // script keeps them without a second run of validate).
    const more = JSON.parse(r.out) as { cover: unknown; rankings: unknown[]; diagnostics: { code: string; severity: string; sheet: string; cell: string }[] };
    expect(more.cover).toEqual({ district: "青山区", year: "2026" });
    expect(more.rankings[0]).toEqual({ id: "overall", name: "综合排名", unitKind: "town", by: "total", main: true, tiers: [{ name: "一等奖", ranks: [1, 1] }, { name: "二等奖", ranks: [2, 3] }, { name: "三等奖", ranks: [4, 6] }] });
    // Each kind's main ranking marked, as the terminal shows it: the departments' is by their line
    // (a script taking "by the total, no group" found none for them: an integrator's find).
    expect((more.rankings as { id: string; main?: true }[]).filter((x) => x.main).map((x) => x.id)).toEqual(["overall", "BM"]);
    expect(more.diagnostics.map((d) => `${d.severity} ${d.code} ${d.sheet}!${d.cell}`)).toEqual(["warning workbook.ledger-pending 加扣分!F7", "warning workbook.ledger-pending 加扣分!F16", "warning workbook.ledger-once-again 加扣分!B3"]);
    expect(Object.keys(more)).toEqual(["rubric", "input", "output", "cover", "kinds", "rankings", "units", "diagnostics"]);
    // The workbook written, named (a script need not work out the name chosen).
    expect((more as unknown as { output: unknown }).output).toEqual({ file: join(dir, "json.xlsx") });
  });

  it("refuses to write over the input, and says so without a stack trace", async () => {
    const r = await cli(["score", input, "-o", input]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("输出文件不能与输入工作簿相同");
    expect(r.err).not.toMatch(/at .*\.(ts|js):\d+/);
    // The input by another name (a hard link; a folder mounted twice is the same file too): refused
    // as the input, even with --force, and left as it was.
    const link = join(dir, "另一个名字.xlsx");
    linkSync(input, link);
    const before = readFileSync(input);
    const linked = await cli(["score", input, "-o", link, "--force"]);
    expect([linked.code, linked.err.trim()]).toEqual([2, `${link}: 错误: 输出文件不能与输入工作簿相同,输入文件绝不会被修改;请用 -o 指定其他文件名 [file.output-is-input]`]);
    expect(readFileSync(input).equals(before)).toBe(true);
    rmSync(link);
  });

  it("an output given as a folder, or inside a file, is said as what it is", async () => {
    const folder = await cli(["score", input, "-o", dir]);
    expect(folder.code).toBe(2);
    expect(folder.err).toBe(`用法错误:${dir} 是一个文件夹;请给出输出文件的名字,如 ${dir}/结果.xlsx\n运行 assess score --help 查看用法\n`);
    const inFile = await cli(["score", input, "-o", join(input, "x.xlsx")]);
    expect(inFile.code).toBe(2);
    expect(inFile.err).toContain(`${join(input, "x.xlsx")}: 错误: ${input} 是一个文件,不是文件夹;请用 -o 写到一个文件夹里 [file.output-dir-is-file]`);
    expect((await cli(["web", "-o", dir], { LANG: "en_US.UTF-8" })).err).toBe(`usage: ${dir} is a folder; give the output file's name, such as ${dir}/assess.html\nrun assess web --help for usage\n`);
    // report writes NAME.xlsx and NAME.html from -o with both formats: a folder there is said too, not written beside.
    expect((await cli(["report", input, "-o", `${dir}/`])).err).toBe(`用法错误:${dir} 是一个文件夹;请给出输出文件的名字,如 ${dir}/报告.xlsx\n运行 assess report --help 查看用法\n`);
  });

  it("an output folder that is missing (or, for a non-root user, read-only) is a clear error", async () => {
    if (process.getuid?.() === 0) {
      // root writes anywhere: use a folder that does not exist instead
      const r = await cli(["score", input, "-o", join(dir, "nope", "x.xlsx")]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`输出文件夹 ${join(dir, "nope")} 不存在;请先建立它,或用 -o 写到别处 [file.output-dir-missing]`);
      return;
    }
    const ro = join(dir, "ro");
    copyFileSync(input, join(dir, "ro-src.xlsx"));
    chmodSync(dir, 0o555);
    const r = await cli(["score", input, "-o", join(ro, "x.xlsx")]);
    chmodSync(dir, 0o755);
    expect(r.code).toBe(1);
  });

  it("replaces an earlier result, but no other existing file unless --force", async () => {
    const other = join(dir, "另一区.xlsx");
    copyFileSync(SAMPLE, other);
    const before = readFileSync(other);
    const refused = await cli(["score", input, "-o", other]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`${other}: 错误: 文件已存在,且不是 assess 此前写出的同类结果`);
    expect(refused.err).toContain("[file.exists-not-result]");
    expect(readFileSync(other).equals(before)).toBe(true);
    // An earlier result of ours is replaced without asking (re-scoring is the daily work)...
    // (The other file's refusal says --force is for a file known to be needed no more: clerks were told to add it.)
    expect(refused.err).toContain("确知这个文件已不需要时,才加 --force 覆盖它(覆盖后无法恢复)");
    const result = join(dir, "重算.xlsx");
    const made = await cli(["score", input, "-o", result]);
    expect([made.code, made.err.trim().split("\n").at(-1)]).toEqual([0, `已写入 ${result}`]);
    const first = readFileSync(result);
    // (Said replaced: a September result scored over was gone with "已写入" alone.)
    const again = await cli(["score", input, "-o", result, "--lang", "en"]);
    expect([again.code, again.err.trim().split("\n").at(-1)]).toEqual([0, `wrote ${result} (replacing the earlier result of that name)`]);
    expect(readFileSync(result).equals(first)).toBe(false);
    // ...and anything else only with --force, said.
    const forced = await cli(["score", input, "-o", other, "--force"]);
    expect([forced.code, forced.err.trim().split("\n").at(-1)]).toEqual([0, `已写入 ${other}(按 --force 替换了原有的同名文件)`]);
    expect(readFileSync(other).equals(before)).toBe(false);
  });

  it("writes through a link to an earlier result, leaving the link a link (it was replaced by a file, the result linked to left stale)", async () => {
    if (process.platform === "win32") return;
    const shared = join(dir, "共享");
    mkdirSync(shared, { recursive: true });
    const real = join(shared, "结果.xlsx");
    expect((await cli(["score", input, "-o", real])).code).toBe(0);
    const first = readFileSync(real);
    const link = join(dir, "链接.xlsx");
    symlinkSync(real, link);
    const r = await cli(["score", input, "-o", link, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real).equals(first)).toBe(false);
    expect(readdirSync(shared)).toEqual(["结果.xlsx"]);
    // Open where it links to (its lock file beside it there): refused, as beside the link (it was written over).
    writeFileSync(join(shared, ".~lock.结果.xlsx#"), "");
    const locked = readFileSync(real);
    const open = await cli(["score", input, "-o", link]);
    expect([open.code, open.err]).toEqual([2, expect.stringContaining("[file.output-open]")]);
    expect(readFileSync(real).equals(locked)).toBe(true);
  });

  it("says a file's name with an escape or a line break in it on one line when it was written (ESC cleared the screen after 已写入)", async () => {
    if (process.platform === "win32") return;
    const out = join(dir, "结\u001b[2J果\n.xlsx");
    const r = await cli(["score", input, "-o", out]);
    expect([r.code, r.err.trim().split("\n").at(-1)]).toEqual([0, `已写入 ${join(dir, "结␛[2J果↵.xlsx")}`]);
  });

  it("does not replace an earlier result a sheet was added to (it would be lost) without --force", async () => {
    const result = await annotatedResult("批示.xlsx");
    const before = readFileSync(result);
    const refused = await cli(["score", input, "-o", result]);
    // (Saved by another program to add it, the result may hold notes typed into its rankings too: both said,
    // for copying the sheet over and scoring with --force would lose a note unsaid.)
    expect([refused.code, refused.err.trim().split("\n").at(-1)]).toEqual([2, `${result}: 错误: 文件已存在,是这个工作簿以前的计分结果,但其中有输入工作簿没有的工作表(领导批示),且计分后又被 Excel、WPS 等程序保存过,计分结果的工作表中可能有手工修改(批注、改动的数字),覆盖会丢失它们,未写入;请把这些工作表复制到输入工作簿、把需要保留的手工修改另行记下后加 --force 再计分,或换个文件名(-o) [file.result-has-own-sheets-saved-since]`]);
    expect(readFileSync(result).equals(before)).toBe(true);
    expect((await cli(["score", input, "-o", result, "--force"])).code).toBe(0);
  });

  it("never writes over the rubric file it was given, even with --force (a rubric named .xlsx by a slip)", async () => {
    const rubric = join(dir, "方案.xlsx");
    copyFileSync("rubric/district-popplan-2022.1.yaml", rubric);
    const before = readFileSync(rubric);
    const r = await cli(["score", input, "--rubric", rubric, "-o", rubric, "--force"]);
    expect([r.code, r.err.trim().split("\n").at(-1)]).toEqual([2, `${rubric}: 错误: 输出文件不能与输入工作簿相同,输入文件绝不会被修改;请用 -o 指定其他文件名 [file.output-is-input]`]);
    expect(readFileSync(rubric).equals(before)).toBe(true);
  });

  it("does not replace an earlier result saved since by another program (a note typed in it would be lost) without --force", async () => {
    const result = join(dir, "批注.xlsx");
    expect((await cli(["score", input, "-o", result])).code).toBe(0);
    // Scored again as it was written: replaced.
    expect((await cli(["score", input, "-o", result])).code).toBe(0);
    // A note typed into its ranking and saved (by exceljs here; Excel, WPS, LibreOffice and openpyxl each save it otherwise than we write it).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(result);
    wb.worksheets.find((w) => w.name.includes("排名"))!.getCell("K3").value = "领导批示:第2名需复核";
    await wb.xlsx.writeFile(result);
    const before = readFileSync(result);
    const refused = await cli(["score", input, "-o", result]);
    expect([refused.code, refused.err.trim().split("\n").at(-1)]).toEqual([2, `${result}: 错误: 文件已存在,是这个工作簿以前的计分结果,但计分后又被 Excel、WPS 等程序保存过,可能有手工修改(批注、改动的数字),覆盖会丢失它们,未写入;请换个文件名(-o),或确认不需要其中的修改后加 --force 覆盖 [file.result-saved-since]`]);
    expect(readFileSync(result).equals(before)).toBe(true);
    expect((await cli(["score", input, "-o", result, "--force"])).code).toBe(0);
    // Written by us again: replaced as before.
    expect((await cli(["score", input, "-o", result])).code).toBe(0);
  });

  it("says where a result given as the workbook was saved since (a note typed into its ranking), which the new result does not carry", async () => {
    const result = join(dir, "再计分.xlsx");
    expect((await cli(["score", input, "-o", result])).code).toBe(0);
    // As we wrote it: scored again with nothing said.
    const plain = await cli(["score", result, "-o", join(dir, "再计分-1.xlsx")]);
    expect([plain.code, plain.err]).toEqual([0, expect.not.stringContaining("result-input-saved-since")]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(result);
    wb.worksheets.find((w) => w.name.includes("排名"))!.getCell("K3").value = "领导批示:第2名需复核";
    await wb.xlsx.writeFile(result);
    const before = readFileSync(result);
    const noted = await cli(["score", result, "-o", join(dir, "再计分-2.xlsx")]);
    expect(noted.code).toBe(0);
    expect(noted.err).toContain(`${result}: 警告: 这个工作簿是以前的计分结果,计分后又被 Excel、WPS 等程序保存过,其计分结果工作表中可能有手工修改(批注、改动的数字);新结果重新生成这些工作表,手工修改不会带入(这个工作簿本身不会被修改) [workbook.result-input-saved-since]\n`);
    expect(readFileSync(result).equals(before)).toBe(true);
    // And among the JSON's diagnostics, as the other warnings are.
    const json = await cli(["score", result, "-o", join(dir, "再计分-3.xlsx"), "--json"]);
    expect((JSON.parse(json.out) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).toContain("workbook.result-input-saved-since");
    // Said once, in score's words (not again in validate's).
    expect(noted.err).not.toContain("result-sheets-saved-since");
  });

  it("says to validate, explain and diff that a result saved since is read by its input sheets: a total typed over in its ranking is not what they read (diff of the result sent out and the one on disk said nothing changed)", async () => {
    const sent = join(dir, "报出.xlsx");
    const kept = join(dir, "留存.xlsx");
    expect((await cli(["score", input, "-o", sent])).code).toBe(0);
    expect((await cli(["score", input, "-o", kept])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(kept);
    wb.worksheets.find((w) => w.name === "综合排名")!.getCell("G8").value = 999;
    await wb.xlsx.writeFile(kept);
    const warning = `${kept}: 警告: 这个工作簿是以前的计分结果,计分后又被 Excel、WPS 等程序保存过:其计分结果工作表中的手工修改(改动的数字、批注)不作为输入读取,这里的结果按其输入工作表重新计算,可能与那些工作表中的数字不同 [workbook.result-sheets-saved-since]\n`;
    for (const args of [["validate", kept], ["explain", kept, "南岭镇"], ["diff", sent, kept]]) {
      const r = await cli(args);
      expect([args[0], r.code, r.err]).toEqual([args[0], 0, expect.stringContaining(warning)]);
    }
    // Not of a result as we wrote it.
    for (const args of [["validate", sent], ["diff", sent, sent]]) expect((await cli(args)).err).not.toContain("result-sheets-saved-since");
  });

  it("leaves no part of an earlier result's sheets behind when scoring it again (a note typed into its ranking went out inside the file), and keeps the user's own", async () => {
    const result = join(dir, "批注.xlsx");
    expect((await cli(["score", input, "-o", result])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(result);
    wb.getWorksheet("综合排名")!.getCell("C4").note = "书记:排名需复核";
    wb.getWorksheet("党政线")!.getCell("A1").note = "填表说明:按责任书";
    await wb.xlsx.writeFile(result);
    const again = join(dir, "批注.again.xlsx");
    expect((await cli(["score", result, "-o", again])).code).toBe(0);
    const parts = unzipSync(readFileSync(again));
    const text = (name: string): string => new TextDecoder().decode(parts[name]);
    const comments = Object.keys(parts).filter((n) => /comments\d*\.xml$/.test(n));
    // The user's note kept, ours gone with the sheet it was on: no part holds it.
    expect(comments.map(text).some((x) => x.includes("填表说明:按责任书"))).toBe(true);
    expect(Object.values(parts).some((b) => new TextDecoder().decode(b).includes("书记:排名需复核"))).toBe(false);
    // Every part the content types name is there, and every relationship's target.
    const types = text("[Content_Types].xml");
    for (const [, name] of types.matchAll(/PartName="\/([^"]+)"/g)) expect(parts[name ?? ""], name).toBeDefined();
    for (const rels of Object.keys(parts).filter((n) => n.endsWith(".rels") && n !== "_rels/.rels")) {
      const base = rels.replace(/_rels\/[^/]+\.rels$/, "");
      for (const [, target] of text(rels).matchAll(/Target="([^"]+)"/g)) {
        const path = posix.normalize(target?.startsWith("/") ? target.slice(1) : base + (target ?? ""));
        expect(parts[path], `${rels} → ${target}`).toBeDefined();
      }
    }
  });

  it("keeps a result sheet the user hid hidden when the result is scored again (计分说明 out of the way), never the one it opens on", async () => {
    const result = join(dir, "隐藏.xlsx");
    expect((await cli(["score", input, "-o", result])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(result);
    wb.getWorksheet("计分说明")!.state = "hidden";
    wb.getWorksheet("综合排名")!.state = "hidden";
    await wb.xlsx.writeFile(result);
    const again = join(dir, "隐藏.again.xlsx");
    expect((await cli(["score", result, "-o", again])).code).toBe(0);
    const book = new TextDecoder().decode(unzipSync(readFileSync(again))["xl/workbook.xml"]);
    const state = (name: string): string | undefined => / state="(\w+)"/.exec(new RegExp(`<sheet name="${name}"[^>]*/>`).exec(book)?.[0] ?? "")?.[1];
    expect([state("计分说明"), state("综合排名"), state("奖惩名单")]).toEqual(["hidden", undefined, undefined]);
  });

  it("says where a sheet of the user's reads an earlier result's sheets by formula, their columns being made afresh", async () => {
    const result = join(dir, "汇报.xlsx");
    expect((await cli(["score", input, "-o", result])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(result);
    const ranking = wb.worksheets.find((w) => w.name.includes("排名"))!.name;
    const report = wb.addWorksheet("汇报");
    report.getCell("A2").value = "柳河镇奖惩";
    report.getCell("B2").value = { formula: `INDEX('${ranking}'!$A$1:$Z$40,4,11)`, result: "一等奖" } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(result);
    const r = await cli(["score", result, "-o", join(dir, "汇报-2.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`${result}: 汇报!B2: 警告: 此工作表的公式引用了以前的计分结果工作表(${ranking});新结果重新生成这些工作表,列的位置可能与原来不同(如“名次区间”“等次”列随计分出现或消失),请在新结果中核对这些公式 [workbook.formula-reads-result]\n`);
    // A workbook with no earlier result in it: nothing to say.
    expect((await cli(["score", input, "-o", join(dir, "汇报-3.xlsx")])).err).not.toContain("formula-reads-result");
    // Scored again in English, the result has no 奖惩名单 (its Awards sheet is named in English): a
    // formula reading it will be an error, not a column moved; said at it.
    const awards = new ExcelJS.Workbook();
    await awards.xlsx.readFile(result);
    awards.getWorksheet("汇报")!.getCell("B3").value = { formula: "'奖惩名单'!B5", result: "东湖街道" } as ExcelJS.CellFormulaValue;
    await awards.xlsx.writeFile(result);
    const en = await cli(["score", result, "-o", join(dir, "汇报-4.xlsx"), "--lang", "en"]);
    expect(en.code).toBe(0);
    expect(en.err).toContain(`${result}: 汇报!B3: warning: this sheet's formulas read sheets of an earlier result (奖惩名单) that this run does not write (this run names its sheets in the other language, or a kind of unit has no units this year): they will give an error once worked out again; point them at the new result's sheets [workbook.formula-reads-result-gone]\n`);
    // A name of the user's reading the result (名称管理器: 冠军 = 综合排名!$B$4) is said too: formulas use it unseen.
    const named = new ExcelJS.Workbook();
    await named.xlsx.readFile(result);
    named.definedNames.add(`'${ranking}'!$B$4`, "冠军");
    named.definedNames.add("'奖惩名单'!$B$5", "获奖单位");
    await named.xlsx.writeFile(result);
    const byName = await cli(["score", result, "-o", join(dir, "汇报-6.xlsx")]);
    expect(byName.err).toContain(`${result}: 警告: 名称 “冠军” 引用了以前的计分结果工作表(${ranking});新结果重新生成这些工作表,列的位置可能与原来不同,请在名称管理器中核对它(用到它的公式也随之变化) [workbook.name-reads-result]\n`);
    // In English, 奖惩名单 is not written again: the name will give an error.
    const gone = await cli(["score", result, "-o", join(dir, "汇报-7.xlsx"), "--lang", "en"]);
    expect(gone.err).toContain(`${result}: warning: the name "获奖单位" refers to sheets of an earlier result (奖惩名单) that this run does not write: the formulas using it will give an error once worked out again; point it at the new result's sheets in the Name Manager [workbook.name-reads-result-gone]\n`);
    // In Chinese it is written again: the columns alone may have moved.
    expect((await cli(["score", result, "-o", join(dir, "汇报-5.xlsx")])).err).toContain(`${result}: 汇报!B2: 警告: 此工作表的公式引用了以前的计分结果工作表(${ranking})`);
  });

  it("does not replace a result open in a spreadsheet program (its lock file beside it) without --force", async () => {
    const result = join(dir, "打开中.xlsx");
    expect((await cli(["score", input, "-o", result])).code).toBe(0);
    const before = readFileSync(result);
    for (const lock of [".~lock.打开中.xlsx#", "~$打开中.xlsx"]) {
      writeFileSync(join(dir, lock), "");
      const refused = await cli(["score", input, "-o", result]);
      expect([refused.code, refused.err.trim().split("\n").at(-1)]).toEqual([2, `${result}: 错误: 文件似乎正在 Excel、WPS 或 LibreOffice 中打开(旁边有锁文件 ${lock}),为免它之后保存时覆盖新结果,未写入;请先关闭它再运行;如已关闭,请删除该锁文件或加 --force [file.output-open]`]);
      expect(readFileSync(result).equals(before)).toBe(true);
      rmSync(join(dir, lock));
    }
    writeFileSync(join(dir, ".~lock.打开中.xlsx#"), "");
    expect((await cli(["score", input, "-o", result, "--force"])).code).toBe(0);
  });

  it("warns that a workbook open in a spreadsheet program is read as last saved (its unsaved changes left out), and scores it", async () => {
    const sub = join(dir, "open-input");
    mkdirSync(sub, { recursive: true });
    const book = join(sub, "青山区.xlsx");
    copyFileSync("samples/qingshan-2026.xlsx", book);
    writeFileSync(join(sub, "~$青山区.xlsx"), "");
    const r = await cli(["score", book, "-o", join(sub, "结果.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`${book}: 警告: 工作簿似乎正在 Excel、WPS 或 LibreOffice 中打开(旁边有锁文件 ~$青山区.xlsx):这里读的是上次保存的内容,尚未保存的修改不会计入;如有修改,请先保存再运行 [file.input-open]`);
    rmSync(join(sub, "~$青山区.xlsx"));
    expect((await cli(["validate", book])).err).not.toContain("file.input-open");
    // Another workbook's lock is not this one's: ~$2026.xlsx is 2026.xlsx's (beside it), and a
    // name of six characters is not cut by Excel (青山2026.xlsx's lock is ~$青山2026.xlsx).
    const other = join(sub, "2026.xlsx");
    const short = join(sub, "青山2026.xlsx");
    copyFileSync("samples/qingshan-2026.xlsx", other);
    copyFileSync("samples/qingshan-2026.xlsx", short);
    writeFileSync(join(sub, "~$2026.xlsx"), "");
    expect((await cli(["validate", short])).err).not.toContain("file.input-open");
    writeFileSync(join(sub, "~$2026.scored.xlsx"), "");
    copyFileSync("samples/qingshan-2026.xlsx", join(sub, "2026.scored.xlsx"));
    expect((await cli(["score", short])).code).toBe(0);
    expect((await cli(["score", short])).code).toBe(0);
    // A long name's lock has its first two characters cut.
    const long = join(sub, "青山区2026年度考核.xlsx");
    copyFileSync("samples/qingshan-2026.xlsx", long);
    writeFileSync(join(sub, "~$区2026年度考核.xlsx"), "");
    expect((await cli(["validate", long])).err).toContain("(旁边有锁文件 ~$区2026年度考核.xlsx)");
  });

  it("makes the points columns as wide as their widest number, a five-digit bonus too (it printed ###)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/qingshan-2026.xlsx");
    const ledger = wb.getWorksheet("加扣分")!;
    expect([ledger.getCell("A6").value, ledger.getCell("C6").value]).toEqual(["南岭镇", 2]);
    ledger.getCell("C6").value = 2000;
    const big = join(dir, "big-bonus.xlsx");
    await wb.xlsx.writeFile(big);
    const out = join(dir, "big-bonus.scored.xlsx");
    expect((await cli(["score", big, "-o", out])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    for (const name of ["综合排名", "得分明细(镇、街道)"]) {
      const sheet = book.getWorksheet(name)!;
      const heads = (sheet.getRow(3).values as unknown[]).map((v) => String(v ?? ""));
      // 14000.00 (8 characters) and 14939.00 bold: each column wider than its text.
      expect(sheet.getColumn(heads.indexOf("加分")).width, name).toBeGreaterThanOrEqual(9);
      expect(sheet.getColumn(heads.indexOf("总分")).width, name).toBeGreaterThanOrEqual(10);
    }
  });


  it("makes 计分说明's 来源单元格 column as wide as the cells it names on a sheet renamed long (指标数据(2026年度终审稿) ran past the border)", async () => {
    /** The column's width, and the widest cell it names (measured as the result sheets measure text). */
    const sourceColumn = async (workbook: string, out: string): Promise<{ width: number; widest: string }> => {
      expect((await cli(["score", workbook, "-o", out])).code).toBe(0);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(out);
      const column = book.getWorksheet("计分说明")!.getColumn(7);
      const sources: string[] = [];
      column.eachCell((c, row) => {
        if (row > 3) sources.push(String(c.value ?? ""));
      });
      return { width: column.width ?? 0, widest: sources.reduce((a, b) => (textUnits(b) > textUnits(a) ? b : a), "") };
    };
    const renamed = await editedCopy(dir, "samples/qingshan-2026.xlsx", "renamed-rates.xlsx", (wb) => {
      wb.getWorksheet("指标数据")!.name = "指标数据(2026年度终审稿)";
    });
    const long = await sourceColumn(renamed, join(dir, "renamed-rates.scored.xlsx"));
    expect(long.widest).toMatch(/^'指标数据\(2026年度终审稿\)'!/);
    expect(long.width).toBeGreaterThanOrEqual(textUnits(long.widest));
    // The sample as it is: as wide as its own cells (人口计生线!AA16), not as the renamed one's.
    const plain = await sourceColumn("samples/qingshan-2026.xlsx", join(dir, "rates-as-is.scored.xlsx"));
    expect([plain.width >= textUnits(plain.widest), plain.width < long.width]).toEqual([true, true]);
  });

  it("does not replace a copy of a result kept under another name (the September one to compare with) by a slip of -o, without --force", async () => {
    const copies = join(dir, "copies");
    mkdirSync(copies);
    const book = join(copies, "青山区2026.xlsx");
    copyFileSync(input, book);
    expect((await cli(["score", book])).code).toBe(0);
    const september = join(copies, "青山区2026-9月.xlsx");
    copyFileSync(join(copies, "青山区2026.scored.xlsx"), september);
    const kept = readFileSync(september);
    const slip = await cli(["score", book, "-o", september]);
    expect([slip.code, slip.err.trim().split("\n").at(-1)]).toEqual([2, `${september}: 错误: 文件已存在,是此前写出的计分结果 青山区2026.scored.xlsx 改名保存的一份(如留作比对用的副本),为免覆盖未写入;请换个文件名,或去掉 -o 写到默认的结果文件;确要替换这份副本,请加 --force [file.result-copy]`]);
    expect(readFileSync(september).equals(kept)).toBe(true);
    // The result under the name it was written as is replaced, as ever, and the copy with --force.
    expect((await cli(["score", book])).err).not.toContain("错误");
    expect((await cli(["score", book, "-o", september, "--force"])).code).toBe(0);
    // Its provenance says the name it was written as.
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(september);
    const rows = written.getWorksheet("计分信息")!.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1, 3).join("|") : ""));
    expect(rows).toContain("结果工作簿(写出时的文件名)|青山区2026-9月.xlsx");
    // A hard link of the name beside it is the same file: replaced.
    const hard = join(copies, "硬链接.xlsx");
    linkSync(join(copies, "青山区2026.scored.xlsx"), hard);
    expect((await cli(["score", book, "-o", hard])).code).toBe(0);
    // The default result, no -o given, is replaced whatever name it was written as (a result moved there).
    copyFileSync(september, join(copies, "青山区2026.scored.xlsx"));
    expect((await cli(["score", book])).code).toBe(0);
    // A result of an earlier version records no name: only under its input's default name is it replaced unasked.
    const old = new ExcelJS.Workbook();
    await old.xlsx.readFile(join(copies, "青山区2026.scored.xlsx"));
    const oldInfo = old.getWorksheet("计分信息")!;
    oldInfo.spliceRows(oldInfo.getColumn(1).values.findIndex((v) => v === "结果工作簿(写出时的文件名)"), 1);
    await old.xlsx.writeFile(september);
    const unnamed = await cli(["score", book, "-o", september]);
    expect([unnamed.code, unnamed.err.trim().split("\n").at(-1)]).toEqual([2, `${september}: 错误: 文件已存在,是这个工作簿以前的计分结果,但没有记录写出时的文件名(较早版本或浏览器版写出的),而它的名字又不是默认的 青山区2026.scored.xlsx:可能是留作比对用的副本,为免覆盖未写入;请换个文件名,或去掉 -o 写到默认的结果文件;确是要替换它,请加 --force [file.result-copy-unnamed]`]);
    // (Under the default name, it is no copy: refused only as saved since, the test having saved it with exceljs.)
    await old.xlsx.writeFile(join(copies, "青山区2026.scored.xlsx"));
    expect((await cli(["score", book, "-o", join(copies, "青山区2026.scored.xlsx")])).err).toContain("[file.result-saved-since]");
  });

  it("does not replace another workbook's result (another district's, by a slip of -o) without --force", async () => {
    const liuhe = join(dir, "柳河区.scored.xlsx");
    expect((await cli(["score", "samples/liuhe-2026.xlsx", "-o", liuhe])).code).toBe(0);
    const before = readFileSync(liuhe);
    const refused = await cli(["score", input, "-o", liuhe]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`${liuhe}: 错误: 文件已存在,是另一个工作簿(liuhe-2026.xlsx)的计分结果,为免覆盖未写入;请换个文件名,或加 --force 覆盖 [file.result-of-other]`);
    expect(readFileSync(liuhe).equals(before)).toBe(true);
    expect((await cli(["score", input, "-o", liuhe, "--force"])).code).toBe(0);
    // Two districts' workbooks named alike (each office's 2026.xlsx): the district the result records tells them apart.
    mkdirSync(join(dir, "青山区"));
    mkdirSync(join(dir, "柳河区"));
    copyFileSync("samples/qingshan-2026.xlsx", join(dir, "青山区", "2026.xlsx"));
    copyFileSync("samples/liuhe-2026.xlsx", join(dir, "柳河区", "2026.xlsx"));
    const shared = join(dir, "2026.scored.xlsx");
    expect((await cli(["score", join(dir, "青山区", "2026.xlsx"), "-o", shared])).code).toBe(0);
    const qingshan = readFileSync(shared);
    const slip = await cli(["score", join(dir, "柳河区", "2026.xlsx"), "-o", shared]);
    expect(slip.code).toBe(2);
    expect(slip.err).toContain(`${shared}: 错误: 文件已存在,是另一个工作簿(2026.xlsx 青山区)的计分结果,为免覆盖未写入;请换个文件名,或加 --force 覆盖 [file.result-of-other]`);
    expect(readFileSync(shared).equals(qingshan)).toBe(true);
    // The same district's workbook scored again replaces it, as ever.
    expect((await cli(["score", join(dir, "青山区", "2026.xlsx"), "-o", shared])).code).toBe(0);
    // Last year's workbook of the same name and district (its cover's year tells it): not without --force.
    mkdirSync(join(dir, "y2025"));
    const lastYear = new ExcelJS.Workbook();
    await lastYear.xlsx.readFile("samples/qingshan-2026.xlsx");
    lastYear.getWorksheet("封面")!.getCell("B5").value = "2025";
    await lastYear.xlsx.writeFile(join(dir, "y2025", "2026.xlsx"));
    const year = await cli(["score", join(dir, "y2025", "2026.xlsx"), "-o", shared]);
    expect([year.code, year.err.trim().split("\n").at(-1)]).toEqual([2, `${shared}: 错误: 文件已存在,是另一个工作簿(2026.xlsx 青山区 2026)的计分结果,为免覆盖未写入;请换个文件名,或加 --force 覆盖 [file.result-of-other]`]);
    // This year's typed in full-width digits (２０２６) is this year's.
    lastYear.getWorksheet("封面")!.getCell("B5").value = "２０２６";
    mkdirSync(join(dir, "y2026w"));
    await lastYear.xlsx.writeFile(join(dir, "y2026w", "2026.xlsx"));
    expect((await cli(["score", join(dir, "y2026w", "2026.xlsx"), "-o", shared])).code).toBe(0);
    // And in Chinese digits, as documents write it (二〇二六年); 二〇二五年 is last year's.
    lastYear.getWorksheet("封面")!.getCell("B5").value = "二〇二六年";
    mkdirSync(join(dir, "y2026h"));
    await lastYear.xlsx.writeFile(join(dir, "y2026h", "2026.xlsx"));
    expect((await cli(["score", join(dir, "y2026h", "2026.xlsx"), "-o", shared])).code).toBe(0);
    lastYear.getWorksheet("封面")!.getCell("B5").value = "二〇二五年";
    mkdirSync(join(dir, "y2025h"));
    await lastYear.xlsx.writeFile(join(dir, "y2025h", "2026.xlsx"));
    expect((await cli(["score", join(dir, "y2025h", "2026.xlsx"), "-o", shared])).code).toBe(2);
  });

  it("an invalid workbook gets its diagnostics, exit 1, and nothing written", async () => {
    const broken = join(dir, "typos.xlsx");
    copyFileSync("samples/broken/typos.xlsx", broken);
    const r = await cli(["score", broken]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("typos.xlsx: 党政线!B3: 错误: 东湖街道 DZ2 的分值 25 超出范围 0–20");
    expect(existsSync(join(dir, "typos.scored.xlsx"))).toBe(false);
  });
});

describe("a single-item award's basis", () => {
  it("names the document its ledger row's 依据 gives, a date typed in a date cell as its date (not its serial number), a long number whole", async () => {
    const file = await editedCopy(dir, "samples/liuhe-2026.xlsx", "dated-evidence.xlsx", (wb) => {
      const ledger = wb.getWorksheet("加扣分")!;
      expect(ledger.getCell("A16").value).toBe("石桥镇");
      const cell = ledger.getCell("I16");
      cell.value = new Date(Date.UTC(2026, 2, 1));
      // (A style of its own: exceljs shares one style object among the cells read with it.)
      cell.style = { ...cell.style, numFmt: 'yyyy"年"m"月"d"日"' };
      // And a document's number typed as a number, 13 digits (twelve kept it as 2026030100120).
      expect(ledger.getCell("A15").value).toBe("柳河镇");
      ledger.getCell("I15").value = 2026030100123;
    });
    const out = join(dir, "dated-evidence.scored.xlsx");
    expect((await cli(["score", file, "-o", out])).code).toBe(0);
    const rows = (await sheetRows(out, "奖惩名单")).map((r) => r.join("|"));
    expect(rows.some((r) => r.startsWith("单项奖|石桥镇|") && r.endsWith("|市级认定:2026-03-01(见 加扣分!B16)"))).toBe(true);
    expect(rows.some((r) => r.startsWith("单项奖|柳河镇|") && r.endsWith("|省级认定:2026030100123(见 加扣分!B15)"))).toBe(true);
  });
});

describe("a judged sheet with a two-level header, as forms group their items", () => {
  it("reads the items under their group's heading, and scores as the one-row header does", async () => {
    // 党政线 as a form lays it out: DZ3 综合治理(70分) merged over DZ3.1 … DZ3.4 on the row under
    // it; items without a group merged down both rows; the units from row 3.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const ws = wb.getWorksheet("党政线")!;
    ws.spliceRows(1, 0, []);
    const spans = new Map<string, [number, number]>();
    ws.getRow(2).eachCell((c, col) => {
      const group = /^(DZ\d+)\.\d+/.exec(String(c.value ?? ""))?.[1];
      if (group) {
        const span = spans.get(group);
        spans.set(group, span ? [span[0], col] : [col, col]);
        return;
      }
      ws.getRow(1).getCell(col).value = c.value;
      c.value = null;
      ws.mergeCells(1, col, 2, col);
    });
    expect([...spans.keys()]).toEqual(["DZ3", "DZ6"]);
    const names: Record<string, string> = { DZ3: "DZ3 综合治理(70分)", DZ6: "DZ6 阵地、队伍建设(100分)" };
    for (const [group, [from, to]] of spans) {
      ws.getRow(1).getCell(from).value = names[group] ?? group;
      ws.mergeCells(1, from, 1, to);
    }
    const file = join(dir, "two-level.xlsx");
    await wb.xlsx.writeFile(file);
    const two = await cli(["score", file, "-o", join(dir, "two-level.scored.xlsx"), "--json"]);
    const one = await cli(["score", SAMPLE, "-o", join(dir, "one-level.scored.xlsx"), "--json"]);
    expect(two.code).toBe(0);
    const totals = (out: string): string[] => (JSON.parse(out) as { units: { name: string; total: number }[] }).units.map((u) => `${u.name} ${u.total}`);
    expect(totals(two.out)).toEqual(totals(one.out));
  });
});

describe("assess explain", () => {
  it("says in English the rank that may move where its unit is on one ranking (the ranks may be… read as several)", async () => {
    const file = await editedCopy(dir, "samples/liuhe-2026.xlsx", "department-claim.xlsx", (wb) => {
      const l = wb.getWorksheet("加扣分")!;
      l.getRow(l.rowCount + 1).values = ["区交通运输局", "KF1", 8, null, null, "申报中"];
    });
    const en = (await cli(["explain", file, "区交通运输局", "--lang", "en"])).out;
    expect(en).toMatch(/, the rank may be 区直部门排名 5–6, and the awards may change\n/);
    // A town on several rankings, one of which may move: that rank, the others said to stay.
    expect((await cli(["explain", "samples/liuhe-2026.xlsx", "青龙乡", "--lang", "en"])).out).toContain("the rank may be 乡镇(街道)综合排名 8–9 (the other ranks stay as they are)");
  });

  it("says a vetoed unit's standing while its own claim is pending: its total's range, and each ranking as the line above says it", async () => {
    const file = join(dir, "北川镇申报.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(input);
    wb.getWorksheet("加扣分")!.addRow(["北川镇", "JF2", null, "国家级", null, "申报中", null, "待认定", ""]);
    await wb.xlsx.writeFile(file);
    const r = await cli(["explain", file, "北川镇"]);
    expect(r.out).toContain("尚有待认定的加扣分:总分可能在 847–857 之间,名次 综合排名 一票否决 · 党政线排名 一票否决 · 人口计生线排名 一票否决;");
    expect(r.out).not.toContain("名次 ;");
  });

  it("accounts for every item of a vetoed town, with cells, gates and ledger rows", async () => {
    const r = await cli(["explain", input, "北川镇"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("一票否决:DZ1 基本人口指标,ZB1 出生政策符合率 93.5%,低于目标 95%(单元格 指标数据!B6)");
    expect(r.out).toContain("DZ2 统筹决策  18.5/20 −1.5  评定 18.5 分(满分 20,失 1.5 分)  [党政线!B6]");
    expect(r.out).toContain("DX2 移民地区综合治理  已记录  移民地区综合治理(国家级),但一票否决的单位不得评单项奖  [加扣分!B19]");
    expect(r.out).toContain("总分 = 259 + 588 + 加分 0 − 扣分 0 = 847");
  });

  it("shows counted, doubled, once-a-year and pending ledger rows with why", async () => {
    const xinhua = await cli(["explain", input, " 新华街道 "]);
    expect(xinhua.out).toContain("KF5 两个年度内超生举报查实  −10  未如实上报,加倍扣分:5 × 2 × 1 = 扣 10");
    const chengguan = await cli(["explain", input, "城关镇"]);
    expect(chengguan.out).toContain("JF1 创新  +20");
    expect(chengguan.out).toContain("JF1 创新  不计分  JF1 每年至多计一次,计入分值最高的 加扣分!B2");
    const jinshui = await cli(["explain", input, "金水街道", "--lang", "en"]);
    expect(jinshui.out).toContain("KF3 越级上访  not counted  status \"申报中\": not yet recognized, not counted");
    // Points by level: the level that gave them is said.
    const donghu = await cli(["explain", input, "东湖街道"]);
    expect(donghu.out).toContain("JF2 经验介绍、获奖  +5  5(市级) × 1 = 加 5  [加扣分!B4]");
  });

  it("--json gives every item with its cell", async () => {
    const r = await cli(["explain", input, "城关镇", "--json"]);
    const u = JSON.parse(r.out) as { items: { code: string; items?: { code: string; cell?: string }[] }[] };
    expect(u.items.find((i) => i.code === "DZ3")?.items?.[0]).toMatchObject({ code: "DZ3.1", cell: "党政线!C2" });
    // Each item with its line's code, the group's items too (a script totals a line from them).
    const group = u.items.find((i) => i.code === "DZ3") as { line?: string; items?: { line?: string }[] } | undefined;
    expect([group?.line, ...(group?.items ?? []).map((i) => i.line)]).toEqual(["DZ", "DZ", "DZ", "DZ", "DZ"]);
    expect(new Set(u.items.map((i) => (i as { line?: string }).line))).toEqual(new Set(["DZ", "JS"]));
    // Each ledger row says whether its points are a bonus or a deduction (they are unsigned).
    const rows = (JSON.parse(r.out) as { ledger: { code: string; kind: string; points: number }[] }).ledger;
    expect(rows.map((x) => [x.code, x.kind])).toEqual(rows.map((x) => [x.code, x.code.startsWith("JF") ? "bonus" : x.code.startsWith("KF") ? "deduction" : "single"]));
    expect(rows.length).toBeGreaterThan(0);
    // And what the row holds, with its cell as the rest of the JSON names rows (a ledger table loads from it).
    const longquan = JSON.parse((await cli(["explain", input, "龙泉镇", "--json"])).out) as { ledger: unknown[] };
    expect(longquan.ledger).toEqual([
      { row: 11, cell: "加扣分!B11", code: "KF3", count: 1, level: null, entered: 15, status: "已认定", flagged: false, note: "越级上访一起", evidence: "信访局函", counted: true, kind: "deduction", points: 15, why: "15 × 1 = 扣 15" },
      { row: 12, cell: "加扣分!B12", code: "KF4", count: 2, level: null, entered: null, status: "已认定", flagged: false, note: "虚报数据两例", evidence: "核查报告", counted: true, kind: "deduction", points: 10, why: "5 × 2 = 扣 10" },
    ]);
  });

  it("--json gives the warnings it says on standard error as its diagnostics: the unit's own, not another's", async () => {
    const r = await cli(["explain", input, "青石镇", "--json"]);
    const said = (JSON.parse(r.out) as { diagnostics: { code: string; cell?: string; data: { unit?: string } }[] }).diagnostics;
    // 青石镇's pending JF2 (加扣分!F7), not 城关镇's JF1 counted once or 金水街道's pending claim.
    expect(said.map((d) => [d.code, d.cell, d.data.unit])).toEqual([["workbook.ledger-pending", "F7", "青石镇"]]);
    expect(r.err).toContain("加扣分!F7");
    expect(r.err).not.toContain("城关镇");
    expect((JSON.parse((await cli(["explain", input, "北川镇", "--json"])).out) as { diagnostics: unknown[] }).diagnostics).toEqual([]);
  });

  it("leaves out a warning said at another unit's row without naming it in its words (a lone number on 西山镇's row, asked about 东湖街道)", async () => {
    const file = await editedCopy(dir, SAMPLE, "lone.xlsx", (book) => void (book.getWorksheet("党政线")!.getCell("O4").value = 5));
    const codes = async (unit: string): Promise<string[]> => (JSON.parse((await cli(["explain", file, unit, "--json"])).out) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code);
    expect(await codes("东湖街道")).not.toContain("workbook.value-past-headings");
    expect(await codes("西山镇")).toContain("workbook.value-past-headings");
    expect((await cli(["explain", file, "东湖街道"])).err).not.toContain("党政线!O4");
  });

  it("an unknown unit is an error listing close names", async () => {
    const r = await cli(["explain", input, "城关"]);
    expect(r.code).toBe(1);
    // Asked about, as validate asks of a name misspelt (it read as a list to choose from).
    expect(r.err).toContain("工作簿中没有单位 “城关”;是否为 城关镇? [unit.unknown-near]");
    // A word many names share: the first few, and how many there are.
    const many = await cli(["explain", input, "镇"]);
    expect(many.err).toContain("工作簿中没有单位 “镇”;名称含 “镇” 的有 10 个,如:城关镇、西山镇、南岭镇、北川镇、河口镇;请写全名 [unit.unknown-many]");
    // Nothing typed: the units to choose from.
    const blank = await cli(["explain", input, ""]);
    expect(blank.err).toContain("工作簿中没有单位 “”;可选:城关镇、东湖街道、西山镇、南岭镇、北川镇、河口镇、青石镇、白沙街道、桃源镇、柳林镇、金水街道、石门镇、龙泉镇、新华街道、区公安分局、");
  });

  it("--json answers an unknown unit or an invalid workbook on stdout too, as the diagnostics document", async () => {
    const unknown = await cli(["explain", input, "城关", "--json"]);
    expect(unknown.code).toBe(1);
    const doc = JSON.parse(unknown.out) as { diagnostics: { code: string; location?: { file: string } }[] };
    expect(doc.diagnostics.map((d) => d.code)).toEqual(["unit.unknown-near"]);
    // The warnings said on standard error with it are in the document too (a newer version beside the workbook).
    const beside = join(dir, "beside");
    mkdirSync(beside, { recursive: true });
    copyFileSync("samples/liuhe-2026.xlsx", join(beside, "liuhe-2026.xlsx"));
    writeFileSync(join(beside, "township-comprehensive-2026.2.yaml"), readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace('version: "2026.1"', 'version: "2026.2"'));
    const warned = await cli(["explain", join(beside, "liuhe-2026.xlsx"), "不存在", "--json"]);
    expect(warned.err).toContain("[rubric.newer-beside]");
    expect((JSON.parse(warned.out) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).toEqual(["rubric.newer-beside", "unit.unknown"]);
    const broken = join(dir, "typos-explain.xlsx");
    copyFileSync("samples/broken/typos.xlsx", broken);
    const invalid = await cli(["explain", broken, "城关镇", "--json"]);
    expect(invalid.code).toBe(1);
    // Its errors other units' too: validate --unit --json's document, the unit's own and the workbook's, the others' counted.
    const doc2 = JSON.parse(invalid.out) as { diagnostics: unknown[]; unit: string; others: { errors: number } };
    expect(doc2.unit).toBe("城关镇");
    expect(doc2.others.errors).toBeGreaterThan(0);
    expect(doc2).toEqual(JSON.parse((await cli(["validate", broken, "--unit", "城关镇", "--json"])).out));
  });
});

describe("usage", () => {
  it("exit 2 for a usage error, 0 for help, English with --lang en", async () => {
    expect((await cli(["score"])).code).toBe(2);
    expect((await cli(["frobnicate"])).code).toBe(2);
    expect((await cli(["--help"])).code).toBe(0);
    expect((await cli(["score", "x.xlsx", "--lang", "fr"])).code).toBe(2);
    const r = await cli(["validate", "missing.xlsx", "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.err).toBe("missing.xlsx: error: file not found; check the file's name and its folder (dragging the file into the terminal window gives its full path) [file.not-found]\n");
    // A name whose bytes were no UTF-8 (a GBK name from a zip unpacked elsewhere, read as �): said so.
    const lost = await cli(["validate", "\uFFFD\uFFFD.xlsx"]);
    expect([lost.code, lost.err]).toEqual([1, "\uFFFD\uFFFD.xlsx: 错误: 找不到文件:文件名中有无法识别的字符(�),多是在别的系统上打包的压缩文件解压后文件名编码不同所致;请把文件重新命名后再试 [file.not-found-undecodable]\n"]);
    // A mistyped folder is the input's: not the folder of the output named after it.
    for (const command of ["score", "report"]) {
      const typo = await cli([command, join("nodir", "x.xlsx"), "--lang", "en"]);
      expect([typo.code, typo.err]).toEqual([1, `${join("nodir", "x.xlsx")}: error: file not found; check the file's name and its folder (dragging the file into the terminal window gives its full path) [file.not-found]\n`]);
    }
  });

  it("usage errors speak the user's language and exit 2; help exits 0, a missing command 2", async () => {
    const foo = await cli(["foo"]);
    expect([foo.code, foo.err]).toEqual([2, "用法错误:没有 “foo” 这个命令\n运行 assess --help 查看用法\n"]);
    expect((await cli(["score", "a.xlsx", "--bogus", "--lang", "en"])).err).toContain('usage: there is no option "--bogus"');
    // No command: the help, then the usage error it is (it was the help alone).
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.err.endsWith("\n用法错误:assess 后面要写一个命令(见上面的命令列表)\n")).toBe(true);
    expect((await cli(["rubric", "--lang", "en"])).err.endsWith("\nusage: assess rubric needs a command after it (listed above)\n")).toBe(true);
    const help = await cli(["score", "--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain("用法: assess score");
    expect(help.out).not.toMatch(/Usage|Options|display help/);
    // With --json every outcome is one document on stdout, a usage error too (its words stay on stderr).
    const usage = {
      "usage.missing-argument": ["score", "--json"],
      "usage.unknown-option": ["score", input, "--bogus", "--json"],
      "usage.xlsx-extension": ["score", input, "-o", join(dir, "x.txt"), "--json"],
      "usage.bad-lang": ["score", input, "--lang", "fr", "--json"],
      // diff's ending is a usage error as score's is, named so (it was diff.bad-extension).
      "usage.diff-extension": ["diff", input, input, "-o", join(dir, "x.txt"), "--json"],
    };
    for (const [code, args] of Object.entries(usage)) {
      const r = await cli(args);
      expect([r.code, (JSON.parse(r.out) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)], args.join(" ")).toEqual([2, [code]]);
      expect(r.err).not.toBe("");
    }
    // A file that cannot be written is the document, not the results it would have held: a name too
    // long for the file system, said before the work (it was said after a province was scored).
    const long = join(dir, `${"长".repeat(90)}.xlsx`);
    const inputWarnings = ["workbook.ledger-pending", "workbook.ledger-pending", "workbook.ledger-once-again"];
    for (const [args, codes] of [
      [["score", input, "-o", long, "--json"], ["file.unwritable-name"]],
      [["diff", input, input, "-o", long, "--json"], ["file.unwritable-name"]],
    ] as const) {
      const r = await cli([...args]);
      expect([r.code, (JSON.parse(r.out) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)], args[0]).toEqual([1, codes]);
    }
    // So too for a result of ours that a sheet of the user's was added to (refused, exit 2).
    const refused = await cli(["score", input, "-o", await annotatedResult("批示json.xlsx"), "--json"]);
    expect([refused.code, (JSON.parse(refused.out) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)]).toEqual([2, ["file.result-has-own-sheets-saved-since", ...inputWarnings]]);
    // Help asked for by name is help too: the same text, exit 0.
    const byName = await cli(["help", "score"]);
    expect([byName.code, byName.out]).toEqual([0, help.out]);
    expect((await cli(["help"])).code).toBe(0);
    expect((await cli(["score", input, "-o", join(dir, "x.txt")])).code).toBe(2);
    expect((await cli(["report", input, "--format", "html", "-o", join(dir, "x.xlsx")])).code).toBe(2);
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
    // An unknown --lang is said in the locale's language.
    expect(await cli(["score", input, "--lang", "fr"])).toMatchObject({ code: 2, err: "用法错误:不支持的语言 “fr”,可用:zh-CN、en\n运行 assess --help 查看用法\n" });
    expect(await cli(["score", input, "--lang", "fr"], { LANG: "en_GB.UTF-8" })).toMatchObject({ code: 2, err: 'usage: unsupported language "fr"; use zh-CN or en\nrun assess --help for usage\n' });
    // --lang with no value after it (last, or another option next): its value missing, as for any option (it was 不支持的语言 “”).
    expect(await cli(["score", input, "--lang"])).toMatchObject({ code: 2, err: "用法错误:选项 --lang <lang> 需要一个值\n运行 assess --help 查看用法\n" });
    // (--lang "": a script's variable left unset, likewise.)
    expect(await cli(["score", input, "--lang", ""])).toMatchObject({ code: 2, err: "用法错误:选项 --lang <lang> 需要一个值\n运行 assess --help 查看用法\n" });
    const next = await cli(["score", input, "--lang", "--json"]);
    expect([next.code, (JSON.parse(next.out) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)]).toEqual([2, ["usage.option-missing-argument"]]);
  });

  it("score --json on an invalid workbook answers with the diagnostics document on stdout", async () => {
    const broken = join(dir, "typos-json.xlsx");
    copyFileSync("samples/broken/typos.xlsx", broken);
    const r = await cli(["score", broken, "--json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as { diagnostics: { code: string; sheet: string; cell: string }[] };
    expect(doc.diagnostics[0]).toMatchObject({ code: "workbook.points-out-of-range", sheet: "党政线", cell: "B3" });
  });

  it("a file too small to be anything is one clean line", async () => {
    for (const f of ["samples/broken/csv-renamed.xlsx", "samples/broken/legacy.xlsx"]) {
      const r = await cli(["validate", f]);
      expect(r.code).toBe(1);
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(statSync(f).size).toBeGreaterThan(0);
    }
  });
});

describe("a unit's name with a line break typed in its cell (Alt+Enter)", () => {
  it("is said on one line, the break shown as ↵ and named as what differs", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/qingshan-2026.xlsx");
    const sheet = wb.getWorksheet("党政线")!;
    expect(sheet.getCell("A3").value).toBe("东湖街道");
    sheet.getCell("A3").value = "东湖\n街道";
    const file = join(dir, "linebreak.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli(["validate", file]);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split("\n");
    // Every line a problem of its own (its file first, its code last): none split by the break.
    expect(lines.slice(0, -1).every((l) => l.startsWith(file) && /\[[\w.-]+\]$/.test(l))).toBe(true);
    expect(r.err).toContain("党政线!A3: 错误: 单位 “东湖↵街道” 在工作表 人口计生线、指标数据 中没有对应行;那里的 “东湖街道” 与它只差全角、半角字符、空格或单元格内换行(如括号 （） 与 (),↵ 为换行),请改成同一写法(模板单位名单上是后一种写法) [workbook.unit-missing-on-width]");
    // Once, with every sheet where it is missing (it was said once a sheet, at the one cell).
    expect(r.err.split("\n").filter((l) => l.includes("unit-missing-on-width"))).toHaveLength(1);
    // Spelt so on 指标数据 alone (no unit's row of its own): said there, at the slip, naming the list's spelling
    // (it was said at 党政线!A3, the name spelt right, a warning alone at the slip).
    sheet.getCell("A3").value = "东湖街道";
    wb.getWorksheet("指标数据")!.getCell("A3").value = "东湖　街道";
    const alone = join(dir, "width-on-rates.xlsx");
    await wb.xlsx.writeFile(alone);
    const onRates = (await cli(["validate", alone])).err;
    expect(onRates).toContain("指标数据!A3: 错误: “东湖　街道” 与模板单位名单上的 “东湖街道” 只差全角、半角字符、空格或单元格内换行(如括号 （） 与 (),↵ 为换行):请改为 “东湖街道”;照现在的写法,本行不计入,“东湖街道” 在本表也没有行 [workbook.unit-spelt-width]");
    expect(onRates).not.toContain("党政线!A3");
  });
});

describe("a unit named with a line break on every sheet alike", () => {
  it("stays on its line in the ranking, explain and diff, and explain finds it by the name typed without the break", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    let replaced = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.value === "北川镇") {
            c.value = "北川\n镇";
            replaced++;
          }
        }),
      ),
    );
    expect(replaced).toBeGreaterThan(2);
    const file = join(dir, "linebreak-everywhere.xlsx");
    await wb.xlsx.writeFile(file);
    const scored = await cli(["score", file, "-o", join(dir, "linebreak-everywhere.scored.xlsx")]);
    expect(scored.code).toBe(0);
    // The table's row whole: its borders on the line the name is on.
    expect(scored.out).toMatch(/^│ 一票否决 │ 北川↵镇 +│ 259 +│ 588 +│.*│$/m);
    expect(scored.out).not.toMatch(/北川\n/);
    const explained = await cli(["explain", file, "北川镇"]);
    expect(explained.code).toBe(0);
    expect(explained.out.split("\n")[0]).toBe("北川↵镇  (镇、街道)");
    const diffed = await cli(["diff", SAMPLE, file]);
    expect(diffed.code).toBe(0);
    expect(diffed.out).toContain("  [2] 新增单位 北川↵镇(所填各项与删除的 北川镇 完全相同,是否改名?)\n");
    expect(diffed.out).toMatch(/^ {2}北川↵镇: 总分 — → 847;/m);
  });
});

describe("points typed as a run of digits too long for any number", () => {
  it("are said as typed, cut short, not as Infinity", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    wb.getWorksheet("党政线")!.getCell("B3").value = "9".repeat(400);
    const file = join(dir, "digits.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli(["validate", file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("党政线!B3: 错误: 东湖街道 DZ2 的分值 999999999999999999999999… 超出范围 0–20");
    expect(r.err).not.toContain("Infinity");
  });
});

describe("a name far longer than any real one", () => {
  it("is cut short in each problem that quotes it (a cell of thousands of characters buried the list)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    wb.getWorksheet("党政线")!.getCell("A3").value = `东湖街道${"很".repeat(5000)}`;
    const file = join(dir, "long-name.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli(["validate", file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`“东湖街道${"很".repeat(56)}…”`);
    expect(Math.max(...r.err.split("\n").map((l) => l.length))).toBeLessThan(1000);
  });

  it("past Excel's limit, is said too long at its cell alone: not also as no name, or as a blank ledger unit; a unit missing on its sheet is said perhaps to be it", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const sheet = wb.getWorksheet("党政线")!;
    expect(sheet.getCell("A2").value).toBe("城关镇");
    sheet.getCell("A2").value = `城关镇${"很".repeat(40000)}`;
    const ledger = wb.getWorksheet("加扣分")!;
    ledger.getCell("A2").value = "很".repeat(40000);
    const file = join(dir, "name-past-limit.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli(["validate", file]);
    expect(r.code).toBe(1);
    const errors = r.err.split("\n").filter((l) => l.includes(": 错误: "));
    expect(errors.map((l) => l.replace(`${file}: `, "").replace(/:.*\[/, " [").replace(/\].*/, "]"))).toEqual(["党政线!A2 [xlsx.string-too-long]", "加扣分!A2 [xlsx.string-too-long]", "人口计生线!A2 [workbook.unit-missing-on-unread]"]);
    expect(r.err).toContain("人口计生线!A2: 错误: 单位 “城关镇” 在工作表 “党政线” 中没有对应行;该表 A2 的单位名称过长,未能读取,如那是它的行,请改正那里的名称");
  });

  it("is cut short where a cover's rubric id holds it (the line quoting it twice was 197 KB)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const cover = wb.getWorksheet("封面")!;
    let at = "";
    cover.eachRow((row) => row.eachCell((c) => void (c.value === "district-popplan" ? (at = c.address) : undefined)));
    expect(at).not.toBe("");
    cover.getCell(at).value = "很".repeat(32767);
    const file = join(dir, "long-id.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli(["validate", file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`封面!${at}: 错误: 找不到方案 ${"很".repeat(60)}… `);
    expect(Math.max(...r.err.split("\n").map((l) => l.length))).toBeLessThan(1000);
    // The JSON's message as the line says it; its data holds the cell whole.
    const j = JSON.parse((await cli(["validate", file, "--json"])).out) as { diagnostics: { code: string; message: string; data: { id?: string } }[] };
    const d = j.diagnostics.find((x) => x.code === "rubric.not-found");
    expect(d?.message.length).toBeLessThan(1000);
    expect(d?.data.id).toBe("很".repeat(32767));
  });

  it("ends, where the rubric the cover names is all that is missing, by saying to get its file, not to correct the workbook", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const cover = wb.getWorksheet("封面")!;
    cover.eachRow((row) => row.eachCell((c) => void (c.value === "district-popplan" ? (c.value = "city-depts") : undefined)));
    const file = join(dir, "city-depts.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli(["score", file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("[rubric.not-found]");
    expect(r.err.trimEnd().split("\n").at(-1)).toBe("1 个错误,0 个警告;未计分:工作簿封面所写的方案不在这里,找到方案文件后再试(见上)");
    // (Errors of the workbook's own end as errors to correct: test/cli/shortened.test.ts.)
  });
});

describe("a short name with a line break typed in it (桃源↵镇), a unit with no awards", () => {
  it("gets a row of two lines in the result sheets (spreadsheets do not grow a row on opening: it ran over the next)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void (c.value === "桃源镇" ? (c.value = "桃源\n镇") : undefined))));
    const file = join(dir, "short-break.xlsx");
    await wb.xlsx.writeFile(file);
    const out = join(dir, "short-break.scored.xlsx");
    expect((await cli(["score", file, "-o", out])).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    let height: number | undefined;
    book.getWorksheet("综合排名")!.eachRow((row) => void (row.getCell(2).value === "桃源\n镇" ? (height = row.height) : undefined));
    expect(height).toBeGreaterThanOrEqual(30);
  });
});

describe("a rate whose cell shows it rounded (0.9499 formatted 0%, as Excel's % button does)", () => {
  it("is scored as stored, and the cell is told where the 95% it shows would have passed the gate it fails", async () => {
    const file = await editedCopy(dir, SAMPLE, "rounded.xlsx", (book) => {
      const rates = book.getWorksheet("指标数据")!;
      // (A style of each cell's own: exceljs shares one between the cells that had it.)
      const format = (ref: string, numFmt: string): void => {
        const cell = rates.getCell(ref);
        cell.style = { ...cell.style, numFmt };
      };
      rates.getCell("B3").value = 0.9499; // 东湖街道's ZB1 against its target of 95%
      format("B3", "0%");
      rates.getCell("C4").value = 0.9795; // 西山镇's ZB2 against 98%, shown 98.0%
      format("C4", "0.0%");
      format("D4", "0%"); // 96.2% shown 96%: crosses nothing
      rates.getCell("C5").value = 0.9799; // 南岭镇's ZB2 kept as a fraction, shown 0.98
      format("C5", "0.00");
    });
    const zh = await cli(["validate", file]);
    // ZB1 is read by two gates (DZ1, JS4.1): both vetoes said.
    expect(zh.err).toContain("指标数据!B3: 警告: “东湖街道”的 ZB1 数字格式把显示四舍五入了:存的是 94.99%(目标 95%),显示为 95%(目标 95%);按存的数计分,未达到一票否决指标 基本人口指标(DZ1)和 出生政策符合率(JS4.1) 的目标,被一票否决,按显示的数则达到;请核对单元格中存的数 [workbook.shown-rounded-veto-more]");
    expect(zh.err).toContain("指标数据!C4: 警告: “西山镇”的 ZB2 数字格式把显示四舍五入了:存的是 97.95%(目标 98%),显示为 98.0%(目标 98%)");
    expect(zh.err).not.toContain("指标数据!D4");
    expect(zh.err).toContain("指标数据!C5: 警告: “南岭镇”的 ZB2 数字格式把显示四舍五入了:存的是 97.99%(目标 98%),显示为 0.98(目标 98%)");
    const en = await cli(["validate", file, "--lang", "en"]);
    expect(en.err).toContain("指标数据!B3: warning: 东湖街道 ZB1: the value is stored as 94.99% (target 95%) but displayed as 95% (target 95%) by the cell's number format; scored as stored, it misses the targets of the one-vote veto items 基本人口指标 (DZ1) and 出生政策符合率(JS4.1), and the unit is vetoed, though the displayed numbers would pass; check the stored numbers [workbook.shown-rounded-veto-more]");
    const scored = await cli(["score", file, "-o", join(dir, "rounded.scored.xlsx"), "--json"]);
    const units = (JSON.parse(scored.out) as { units: { name: string; vetoed: boolean }[] }).units;
    expect(units.find((u) => u.name === "东湖街道")?.vetoed).toBe(true);
  });
});

describe("a yellow card while claims are pending", () => {
  it("is not (待定) where the unit is last whatever is decided, though its score may cross the mark", async () => {
    // 新华街道, last at 596.5 (below 600): a pending JF2 市级 (+5) lifts it to 601.5, last still.
    const file = await editedCopy(dir, SAMPLE, "card-pending.xlsx", (book) => {
      const ledger = book.getWorksheet("加扣分")!;
      ledger.getRow(ledger.rowCount + 1).values = ["新华街道", "JF2", null, "市级", null, "申报中"];
    });
    const json = JSON.parse((await cli(["score", file, "-o", join(dir, "card-pending.scored.xlsx"), "--json"])).out) as { units: { name: string; total: number; certainty?: { total: number[]; open: { kind: string }[] }; awards: { kind: string }[] }[] };
    const xinhua = json.units.find((u) => u.name === "新华街道");
    expect(xinhua?.certainty?.total).toEqual([596.5, 601.5]);
    expect(xinhua?.awards.some((a) => a.kind === "warning")).toBe(true);
    expect(xinhua?.certainty?.open.filter((o) => o.kind === "warning")).toEqual([]);
    const text = (await cli(["explain", file, "新华街道"])).out;
    expect(text).not.toContain("(待定)黄牌警告");
  });
});

describe("a problem at a unit's cell found once every sheet is read", () => {
  it("has its unit in the JSON as those found cell by cell do (a target left blank, a once-a-year code again), its line naming it once", async () => {
    const j = JSON.parse((await cli(["validate", "samples/broken/typos.xlsx", "--json"])).out) as { diagnostics: { code: string; unit?: string; sheet?: string; cell?: string; message: string }[] };
    const of = (code: string) => j.diagnostics.find((d) => d.code === code);
    expect(of("workbook.missing-target")).toMatchObject({ unit: "西山镇", sheet: "指标数据", cell: "G4" });
    expect(of("workbook.ledger-once-again")).toMatchObject({ unit: "城关镇", sheet: "加扣分", cell: "B3" });
    const lines = (await cli(["validate", "samples/broken/typos.xlsx"])).err;
    expect(lines).toContain("指标数据!G4: 错误: “西山镇” 的目标 MB2 未填写");
    expect(lines).toContain("加扣分!B3: 警告: “城关镇” 的 JF1 每年至多计一次");
  });
});

describe("a problem's data in the JSON", () => {
  it("holds its lists as the message writes them in the reader's language (a script splitting an English message's data on 、 split names too), names keeping their own 、", async () => {
    type J = { diagnostics: { code: string; message: string; data: Record<string, string> }[] };
    const en = JSON.parse((await cli(["validate", "samples/broken/typos.xlsx", "--json", "--lang", "en"])).out) as J;
    const level = en.diagnostics.find((d) => d.code === "workbook.ledger-level-required");
    expect(level?.data.allowed).toBe("国家级, 省级, 市级");
    expect(level?.message).toContain("国家级, 省级, 市级");
    // A list of codes with their names: each name as written (JF2 经验介绍、获奖).
    expect(en.diagnostics.find((d) => d.code === "workbook.ledger-unknown-code")?.data.named).toContain("; JF2 经验介绍、获奖; ");
    // In Chinese, as the Chinese message writes them.
    const zh = JSON.parse((await cli(["validate", "samples/broken/typos.xlsx", "--json"])).out) as J;
    expect(zh.diagnostics.find((d) => d.code === "workbook.ledger-level-required")?.data.allowed).toBe("国家级、省级、市级");
  });
});
