// An office's own rubric: once the template is made with --rubric, the cover names it, and the
// file named ID-VERSION.yaml beside the workbook is found without --rubric again.
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { scratchDir } from "../helpers/tmp.js";
import { readMemBook } from "../helpers/load.js";
import { templateBook } from "../helpers/membook.js";
import { loadRubric } from "../../src/rubric/load.js";
import { formatLocation } from "../../src/diagnostics/index.js";
import { message } from "../../src/messages/index.js";

describe("a rubric given that the cover does not name", () => {
  it("is said first, before every cell that does not fit it", async () => {
    const r = await cli(["validate", "samples/qingshan-2026.xlsx", "--rubric", "rubric/township-comprehensive-2026.1.yaml"]);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split("\n");
    expect(lines[0]).toBe("samples/qingshan-2026.xlsx: 封面!B3: 警告: 封面写的方案是 district-popplan 2022.1,但本次使用 township-comprehensive 2026.1 [workbook.cover-rubric-mismatch]");
    expect(lines.filter((l) => l.includes(": 错误: ")).length).toBeGreaterThan(20);
    // Another scheme altogether: no advice to carry the values over, but to leave --rubric out (it
    // said to correct the errors: every cell of a workbook filled as its own scheme asks).
    expect(r.out).not.toContain("assess template");
    expect(r.out.trimEnd().split("\n").at(-1)).toBe("这份工作簿是按另一个方案 district-popplan 2022.1 的表填的,以上问题是用 township-comprehensive 2026.1 读它所致:去掉 --rubric(按封面找方案),或用 --rubric 给出 district-popplan 2022.1 的方案文件");
  });

  it("says, where a workbook on last version's form has errors under the next, how to score it under either", async () => {
    const dir = scratchDir("assess-next-version-");
    const next = join(dir, "township-comprehensive-2027.1.yaml");
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    // 2027.1 reads a new indicator: last year's 指标数据 has no column for it.
    writeFileSync(next, text.replace('version: "2026.1"', 'version: "2027.1"').replace("indicators:\n", "indicators:\n  - code: ZB14\n    name: 信访积案\n    unit: number\n").replace("        indicator: ZB8\n", "        indicator: ZB14\n"));
    const advice = "这份工作簿是按 township-comprehensive 2026.1 的表填的:要按 township-comprehensive 2026.1 计分,用 --rubric 给出该版本(或去掉 --rubric,按封面找方案);要按 township-comprehensive 2027.1 计分,请用 assess template 按它生成新表,把数值复制过去并填上新增的列(assess rubric diff 旧版 新版 列出两版的差别)";
    const scored = await cli(["score", "samples/liuhe-2026.xlsx", "--rubric", next, "-o", join(dir, "out.xlsx")]);
    expect(scored.code).toBe(1);
    expect(scored.err).toContain("指标数据表缺少 ZB14 信访积案 列");
    expect(scored.err.trimEnd().split("\n").at(-1)).toBe(advice);
    const validated = await cli(["validate", "samples/liuhe-2026.xlsx", "--rubric", next]);
    expect(validated.out.trimEnd().split("\n").at(-1)).toBe(advice);
    // Valid under it (a version that changed no column): nothing to advise.
    const same = join(dir, "township-comprehensive-2026.2.yaml");
    writeFileSync(same, text.replace('version: "2026.1"', 'version: "2026.2"'));
    expect((await cli(["validate", "samples/liuhe-2026.xlsx", "--rubric", same])).out).not.toContain("assess template");
  });
});

/** A template of one town made with `rubric` into its folder, as 2026.xlsx. */
async function templateBeside(rubric: string): Promise<string> {
  const dir = dirname(rubric);
  const book = join(dir, "2026.xlsx");
  writeFileSync(join(dir, "units.csv"), "甲镇,镇\n");
  expect((await cli(["template", "--rubric", rubric, "--units", join(dir, "units.csv"), "-o", book])).code).toBe(0);
  return book;
}

/** Validated without --rubric: nothing is filled in (an error), but the rubric is found (no rubric.not-found) and the sheets read by it. */
async function expectRubricFound(book: string): Promise<void> {
  const found = await cli(["validate", book]);
  expect(found.err).toContain("[workbook.nothing-filled]");
  expect(found.err).not.toContain("rubric.not-found");
}

describe("a rubric of the office's own", () => {
  it("is found beside the workbook, or in a rubric/ folder there; otherwise the error says where to put it", async () => {
    const dir = scratchDir("assess-own-");
    const rubric = join(dir, "mini-1.yaml");
    copyFileSync("test/fixtures/mini-rubric.yaml", rubric);
    const book = await templateBeside(rubric);
    await expectRubricFound(book);
    mkdirSync(join(dir, "rubric"));
    renameSync(rubric, join(dir, "rubric", "mini-1.yaml"));
    expect((await cli(["validate", book])).err).not.toContain("rubric.not-found");
    renameSync(join(dir, "rubric", "mini-1.yaml"), join(dir, "rubric", "other.yaml"));
    const lost = await cli(["validate", book]);
    expect(lost.code).toBe(1);
    expect(lost.err).toContain("封面!B3: 错误: 找不到方案 mini 1");
    expect(lost.err).toContain("请把方案文件 mini-1.yaml 放在工作簿旁边");
  });

  it("found twice, beside the workbook and in its rubric/ folder, saying different things: the one used named, the other said (a tester's find: the stale copy's money, unsaid)", async () => {
    const dir = scratchDir("assess-own-twin-");
    const rubric = join(dir, "mini-1.yaml");
    copyFileSync("test/fixtures/mini-rubric.yaml", rubric);
    const book = await templateBeside(rubric);
    mkdirSync(join(dir, "rubric"));
    const other = join(dir, "rubric", "mini-1.yaml");
    // The same, saved again: nothing said.
    copyFileSync(rubric, other);
    expect((await cli(["validate", book])).err).not.toContain("own-twin-differs");
    const text = readFileSync(rubric, "utf8");
    expect(text).toContain("amount: 3000");
    writeFileSync(other, text.replace("amount: 3000", "amount: 4000"));
    const r = await cli(["validate", book]);
    expect(r.err).toContain(`${other}: 警告: ${other} 也是方案 mini 1 的文件,内容却与所用的 ${rubric} 不同:本次按 ${rubric} 计分(依次找工作簿旁边、其中的 rubric 文件夹、当前文件夹、其中的 rubric 文件夹),${other} 未用。请删去或改名多余的文件,免得按错的那个计分 [rubric.own-twin-differs]\n`);
  });
});

describe("a rubric of the office's own whose id holds a hyphen and a digit (xian-2)", () => {
  it("is found beside the workbook by its name xian-2-2026.1.yaml, which rubric check takes as right (it said to rename it to the name it had)", async () => {
    const dir = scratchDir("assess-own-hyphen-");
    const rubric = join(dir, "xian-2-2026.1.yaml");
    writeFileSync(rubric, readFileSync("test/fixtures/mini-rubric.yaml", "utf8").replace(/^id: .*$/m, "id: xian-2").replace('version: "1"', 'version: "2026.1"'));
    const checked = await cli(["rubric", "check", rubric]);
    expect(checked.err).not.toContain("rubric.file-name");
    await expectRubricFound(await templateBeside(rubric));
  });
});

describe("a file of the office's own whose name and content disagree", () => {
  it("is not used: the cover's rubric would be a guess either way", async () => {
    const dir = scratchDir("assess-own-says-");
    const book = join(dir, "2026.xlsx");
    writeFileSync(join(dir, "units.csv"), "甲镇,镇\n");
    const given = join(dir, "given.yaml");
    copyFileSync("test/fixtures/mini-rubric.yaml", given);
    expect((await cli(["template", "--rubric", given, "--units", join(dir, "units.csv"), "-o", book])).code).toBe(0);
    // Named mini-1.yaml, as the cover names it, but saying version 2 (a revision saved under the old name).
    writeFileSync(join(dir, "mini-1.yaml"), readFileSync("test/fixtures/mini-rubric.yaml", "utf8").replace('version: "1"', 'version: "2"'));
    const r = await cli(["validate", book]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${join(dir, "mini-1.yaml")}:2:1: 错误: 文件名表明它是 mini 1,文件里写的却是 mini 2,未使用:请把文件里的 id 和 version 改得与文件名一致,或把文件改名为 mini-2.yaml 并在封面写上这个编号和版本 [rubric.file-says-other]`);
    expect(r.err).not.toContain("workbook.blank-points");
  });

  it("is not offered as the version its name says where the cover names another (mini-2.yaml saying 3: 2 was offered), and one saying a bundled rubric's version is asked to mend its version line, not to take that name", async () => {
    const dir = scratchDir("assess-own-says-");
    const book = join(dir, "2026.xlsx");
    writeFileSync(join(dir, "units.csv"), "甲镇,镇\n");
    const text = readFileSync("test/fixtures/mini-rubric.yaml", "utf8");
    const given = join(dir, "given.yaml");
    writeFileSync(given, text.replace('version: "1"', 'version: "3"'));
    expect((await cli(["template", "--rubric", given, "--units", join(dir, "units.csv"), "-o", book])).code).toBe(0);
    copyFileSync("test/fixtures/mini-rubric.yaml", join(dir, "mini-1.yaml"));
    writeFileSync(join(dir, "mini-2.yaml"), text.replace('version: "1"', 'version: "3"'));
    const r = await cli(["validate", book]);
    expect(r.err).toContain("封面写的是方案 mini 的 3 版,这里只有 1 版;");
    expect(r.err).toContain(`${join(dir, "mini-2.yaml")}:2:1: 警告: 文件名表明它是 mini 2,文件里写的却是 mini 3,未使用:请把文件里的 id 和 version 改得与文件名一致,或把文件改名为 mini-3.yaml`);
    // mini-3.yaml, the cover's, saying 1 (its version line left as last year's): mini-1.yaml is there, so
    // renaming it so would overwrite that (it was asked to; a re-tester's find): its version line to mend.
    writeFileSync(join(dir, "mini-3.yaml"), text);
    const taken = await cli(["validate", book]);
    expect(taken.err).toContain(`${join(dir, "mini-3.yaml")}:2:1: 错误: 文件名表明它是 mini 3,文件里写的却是 mini 1,而 mini 1 已另有文件,未使用:如它是新版,请把文件里的 version: 行改得与文件名一致 [rubric.file-says-taken]`);
    // The comprehensive scheme's 2027.1, its version line left as 2026.1 (the bundled one's).
    const next = join(dir, "next");
    mkdirSync(next);
    const comprehensive = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    writeFileSync(join(next, "given.yaml"), comprehensive.replace('version: "2026.1"', 'version: "2027.1"'));
    writeFileSync(join(next, "units.csv"), "石桥镇,镇\n");
    expect((await cli(["template", "--rubric", join(next, "given.yaml"), "--units", join(next, "units.csv"), "-o", join(next, "2027.xlsx")])).code).toBe(0);
    const stale = join(next, "township-comprehensive-2027.1.yaml");
    writeFileSync(stale, comprehensive);
    const line = comprehensive.split("\n").findIndex((l) => l.startsWith("version:")) + 1;
    const asked = await cli(["validate", join(next, "2027.xlsx")]);
    expect(asked.code).toBe(1);
    expect(asked.err).toContain(`${stale}:${line}:1: 错误: 文件名表明它是 township-comprehensive 2027.1,文件里写的却是 township-comprehensive 2026.1,即 assess 自带方案的编号和版本,未使用:如它是新版,请把文件里的 version: 行改得与文件名一致 [rubric.file-says-bundled]`);
  });
});

describe("a workbook without a cover, beside a file of the office's own", () => {
  const coverless = async (dir: string): Promise<string> => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/liuhe-2026.xlsx");
    wb.removeWorksheet(wb.getWorksheet("封面")!.id);
    const book = join(dir, "no-cover.xlsx");
    await wb.xlsx.writeFile(book);
    return book;
  };

  it("is scored under the bundled scheme, not a draft of its next version beside it (which it does not name)", async () => {
    const dir = scratchDir("assess-own-nocover-");
    const book = await coverless(dir);
    writeFileSync(join(dir, "township-comprehensive-2026.2.yaml"), readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace('version: "2026.1"', 'version: "2026.2"'));
    const r = await cli(["validate", book]);
    expect(r.err).toContain(`${book}: 警告: 工作簿没有封面(方案编号、版本),按内置方案 township-comprehensive 2026.1《乡镇(街道)和区直部门综合考核办法》计分,结果和报告的标题中没有地区和年度;如不是此方案,请补回封面或用 --rubric 指定 [workbook.no-cover]`);
  });

  it("names the office's file where it is the scheme taken (none of its id is bundled), not as a bundled one", async () => {
    const dir = scratchDir("assess-own-nocover2-");
    const book = await coverless(dir);
    const own = join(dir, "liuhe-own-1.yaml");
    writeFileSync(own, readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("id: township-comprehensive", "id: liuhe-own").replace('version: "2026.1"', 'version: "1"'));
    const r = await cli(["validate", book]);
    expect(r.err).toContain(`${book}: 警告: 工作簿没有封面(方案编号、版本),按你的方案文件 ${own}(liuhe-own 1《乡镇(街道)和区直部门综合考核办法》)计分,结果和报告的标题中没有地区和年度;如不是此方案,请补回封面或用 --rubric 指定 [workbook.no-cover-own]`);
  });
});

describe("a cover whose 方案编号 is blank", () => {
  it("is scored under the scheme its sheets fit, said at the blank cell (it took the first bundled scheme: 72 errors, each a wrong fix)", async () => {
    const dir = scratchDir("assess-blank-id-");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/liuhe-2026.xlsx");
    const cover = wb.getWorksheet("封面")!;
    expect(cover.getCell("A3").value).toBe("方案编号");
    cover.getCell("B3").value = null;
    const book = join(dir, "no-id.xlsx");
    await wb.xlsx.writeFile(book);
    const r = await cli(["validate", book]);
    expect(r.code).toBe(0);
    expect(r.err.split("\n")[0]).toBe(`${book}: 封面!B3: 警告: 封面的方案编号是空的:按各工作表的表头,选用内置方案 township-comprehensive 2026.1《乡镇(街道)和区直部门综合考核办法》计分;如不是此方案,请在这里填上方案编号(和方案版本),或用 --rubric 指定 [workbook.cover-blank-id]`);
    // The district's workbook so too: its own scheme, not the other.
    const q = new ExcelJS.Workbook();
    await q.xlsx.readFile("samples/qingshan-2026.xlsx");
    q.getWorksheet("封面")!.getCell("B3").value = "";
    const other = join(dir, "q-no-id.xlsx");
    await q.xlsx.writeFile(other);
    const s = await cli(["validate", other, "--json"]);
    expect(s.code).toBe(0);
    expect((JSON.parse(s.out) as { diagnostics: { code: string; message: string }[] }).diagnostics.find((d) => d.code === "workbook.cover-blank-id")?.message).toContain("district-popplan 2022.1");
  });
});

describe("a cover that names the other scheme than its sheets are of", () => {
  it("is one error at its 方案编号 naming the scheme the headings fit, not one at every cell the named scheme refuses (72 errors, a tester's find)", async () => {
    const dir = scratchDir("assess-other-cover-");
    const swapped = async (from: string, id: string, version: string, to: string): Promise<string> => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(from);
      const cover = wb.getWorksheet("封面")!;
      expect([cover.getCell("A3").value, cover.getCell("A4").value]).toEqual(["方案编号", "方案版本"]);
      cover.getCell("B3").value = id;
      cover.getCell("B4").value = version;
      const book = join(dir, to);
      await wb.xlsx.writeFile(book);
      return book;
    };
    const liuhe = await swapped("samples/liuhe-2026.xlsx", "district-popplan", "2022.1", "柳河区.xlsx");
    const r = await cli(["validate", liuhe]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `${liuhe}: 封面!B3: 错误: 封面的方案是 district-popplan 2022.1,但各工作表的表头是方案 township-comprehensive 2026.1《乡镇(街道)和区直部门综合考核办法》的(JJ5、SH3、SH6、SH7、DJ1 等按 township-comprehensive 2026.1 的写法,district-popplan 2022.1 中没有或名称不同):是否沿用了另一方案的封面,或用错了模板?请把封面的方案编号和版本改为 township-comprehensive 2026.1;如确按 district-popplan 2022.1 考核,请用该方案生成的模板填写 [rubric.cover-names-other]\n`,
    );
    expect(r.out).toContain("1 个错误,0 个警告");
    const qingshan = await swapped("samples/qingshan-2026.xlsx", "township-comprehensive", "2026.1", "青山区.xlsx");
    const s = await cli(["score", qingshan, "--json", "-o", join(dir, "q.xlsx")]);
    expect(s.code).toBe(1);
    const doc = JSON.parse(s.out) as { diagnostics: { code: string; location: string }[] };
    expect(doc.diagnostics.map((d) => `${d.code} ${d.location}`)).toEqual([`rubric.cover-names-other ${qingshan}: 封面!B3`]);
    // Named right, the sheets fit: nothing said; a cover of the named scheme with a few strange headings is read as it is.
    expect((await cli(["validate", "samples/liuhe-2026.xlsx"])).err).not.toContain("cover-names-other");
    // A version of the other scheme not here (last year's cover of it): the scheme the headings fit
    // named, not the version asked for first (a re-tester's find: mended, it then named the scheme).
    const older = await swapped("samples/qingshan-2026.xlsx", "township-comprehensive", "2022.1", "青山区2022.xlsx");
    const o1 = await cli(["validate", older]);
    expect(o1.err).toMatch(/^\S+: 封面!B3: 错误: 封面的方案是 township-comprehensive 2022\.1,但各工作表的表头是方案 district-popplan 2022\.1《[^\n]*\[rubric\.cover-names-other\]\n$/);
    // A version not here of the scheme the headings fit: the version asked for, as before.
    const version = await swapped("samples/liuhe-2026.xlsx", "township-comprehensive", "2025.1", "柳河区2025.xlsx");
    const o2 = await cli(["validate", version]);
    expect(o2.err).toContain("[rubric.version-not-found]");
    // (An older version than any here is not called new: a re-tester's find.)
    expect(o2.err).toContain("如确是 2025.1 版,请把方案文件 township-comprehensive-2025.1.yaml 放在工作簿旁边");
    expect(o2.err).not.toContain("cover-names-other");
    // Its departments' sheet alone, whose codes both schemes have (BM1–BM4): told by what the headings name them.
    const few = new ExcelJS.Workbook();
    await few.xlsx.readFile(qingshan);
    for (const name of ["党政线", "人口计生线", "指标数据", "加扣分"]) few.removeWorksheet(few.getWorksheet(name)!.id);
    const alone = join(dir, "部门.xlsx");
    await few.xlsx.writeFile(alone);
    const f = await cli(["validate", alone]);
    expect(f.code).toBe(1);
    expect(f.err).toMatch(/^\S+: 封面!B3: 错误: 封面的方案是 township-comprehensive 2026\.1,但各工作表的表头是方案 district-popplan 2022\.1《[^》]+》的\(BM1、BM2、BM3、BM4 等按 district-popplan 2022\.1 的写法,township-comprehensive 2026\.1 中没有或名称不同\)[^\n]*\[rubric\.cover-names-other\]\n$/);
    // The rubric given the one the cover names: the headings still tell (72 errors came back: a re-tester's find).
    const given = await cli(["validate", liuhe, "--rubric", "district-popplan"]);
    expect(given.code).toBe(1);
    expect(given.err).toBe(
      `${liuhe}: 封面!B3: 错误: 所给方案 district-popplan 2022.1 与封面一致,但各工作表的表头是方案 township-comprehensive 2026.1《乡镇(街道)和区直部门综合考核办法》的(JJ5、SH3、SH6、SH7、DJ1 等按 township-comprehensive 2026.1 的写法,district-popplan 2022.1 中没有或名称不同):是否用错了模板?如按 township-comprehensive 2026.1 考核,请把封面的方案编号和版本改为 township-comprehensive 2026.1,并去掉 --rubric;如确按 district-popplan 2022.1 考核,请用该方案生成的模板填写 [rubric.given-headings-other]\n`,
    );
  });

  it("given the rubric its headings fit while its cover names the other, says no more than its own errors (it said they came of reading it under the rubric given: a re-tester's find)", async () => {
    const dir = scratchDir("assess-other-cover-given-");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/qingshan-2026.xlsx");
    wb.getWorksheet("封面")!.getCell("B3").value = "township-comprehensive";
    wb.getWorksheet("封面")!.getCell("B4").value = "2026.1";
    const sheet = wb.getWorksheet("党政线")!;
    expect(sheet.getCell("A2").value).toBe("城关镇");
    sheet.getCell("C2").value = 999;
    const book = join(dir, "青山区.xlsx");
    await wb.xlsx.writeFile(book);
    const r = await cli(["validate", book, "--rubric", "district-popplan"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${book}: 封面!B3: 警告: 封面写的方案是 township-comprehensive 2026.1,但本次使用 district-popplan 2022.1 [workbook.cover-rubric-mismatch]\n`);
    expect(r.err).toContain(`${book}: 党政线!C2: 错误: 城关镇 DZ3.1 的分值 999 超出范围 0–20;`);
    expect(r.err + r.out).not.toContain("以上问题是用");
    // The cover naming another version of the rubric given, the headings a third scheme's: the
    // version's mismatch said (not "the rubric given is the cover's"), and the closing line names the
    // scheme the headings are of, not the cover's (a reviewer's finds).
    const third = new ExcelJS.Workbook();
    await third.xlsx.readFile("samples/qingshan-2026.xlsx");
    third.getWorksheet("封面")!.getCell("B3").value = "township-comprehensive";
    third.getWorksheet("封面")!.getCell("B4").value = "2025.1";
    const old = join(dir, "青山区2025.xlsx");
    await third.xlsx.writeFile(old);
    const t = await cli(["validate", old, "--rubric", "township-comprehensive"]);
    expect(t.err).toContain(`${old}: 封面!B4: 警告: 封面写的方案是 township-comprehensive 2025.1,但本次使用 township-comprehensive 2026.1 [workbook.cover-rubric-mismatch]\n`);
    expect(t.err).not.toContain("given-headings-other");
    // (The cover naming neither: leaving --rubric out is no way, the cover is to change too; a re-tester's find.)
    expect((t.err + t.out).trimEnd().split("\n").at(-1)).toBe("这份工作簿是按另一个方案 district-popplan 2022.1 的表填的,以上问题是用 township-comprehensive 2026.1 读它所致;封面写的 township-comprehensive 2025.1 也不是它的方案:请把封面的方案编号和版本改为 district-popplan 2022.1 并去掉 --rubric,或用 --rubric 给出 district-popplan 2022.1 的方案文件");
    // Its JSON says which scheme the headings are of.
    const doc = JSON.parse((await cli(["validate", book, "--rubric", "district-popplan", "--json"])).out) as { diagnostics: { code: string; data: Record<string, unknown> }[] };
    expect(doc.diagnostics.find((d) => d.code === "workbook.cover-rubric-mismatch")?.data).toEqual({ cover: "township-comprehensive 2026.1", rubric: "district-popplan 2022.1", form: "district-popplan 2022.1" });
  });
});

describe("a workbook of an office's own scheme, its file not beside it, that names no scheme", () => {
  it("is an error saying no scheme fits its headings, at the blank 方案编号 or for the workbook without a cover (the likeliest bundled one was taken: 37 errors, each a wrong fix)", async () => {
    const file = "test/fixtures/county-edu/county-edu-2026.1.yaml";
    const own = loadRubric(file, readFileSync(file), "test").rubric!;
    const units = [
      { name: "城关中心学校", kind: "school", group: "urban" },
      { name: "河口中心学校", kind: "school", group: "rural" },
      { name: "县教研室", kind: "county" },
    ];
    const book = await templateBook(own, units, "2026", "清河县");
    const cover = book.sheetNamed("封面");
    const idRow = cover.raw().rows.find((r) => r[0]?.value.t === "s" && r[0].value.v === "方案编号");
    expect(idRow?.[1]?.value).toEqual({ t: "s", v: "county-edu" });
    const at = idRow?.[1]?.ref ?? "";
    cover.set(at, null);
    const blank = await readMemBook(book);
    expect(blank.ok).toBe(false);
    expect(blank.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual([`rubric.none-fits-cover in.xlsx: 封面!${at}`]);
    book.removeSheet("封面");
    const none = await readMemBook(book);
    expect(none.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["rubric.none-fits in.xlsx"]);
    expect(message("zh-CN", none.diagnostics[0]!.code, none.diagnostics[0]!.data)).toMatch(/^工作簿没有封面,表头的代码\(如 \S+\)也与内置方案和工作簿旁的方案文件都对不上,无从知道按哪个方案计分:请补回封面并写明方案编号和版本,或用 --rubric 指定方案文件\(内置方案:district-popplan 2022\.1, township-comprehensive 2026\.1\)$/);
  });
});

describe("a file beside the workbook named as a bundled rubric", () => {
  it("is not used in its place, and says so where it says anything else; saved again unchanged, nothing is said", async () => {
    const dir = scratchDir("assess-shadow-");
    const book = join(dir, "青山区.xlsx");
    copyFileSync("samples/qingshan-2026.xlsx", book);
    const text = readFileSync("rubric/district-popplan-2022.1.yaml", "utf8");
    const file = join(dir, "district-popplan-2022.1.yaml");
    // 三等奖 widened to the 8th place, the version left as it was.
    writeFileSync(file, text.replace("ranks: [4, 6]", "ranks: [4, 8]"));
    const changed = await cli(["score", book, "-o", join(dir, "out.xlsx"), "--json"]);
    expect(changed.code).toBe(0);
    expect(changed.err).toContain(`${file}: 警告: 此文件的编号和版本与内置方案 district-popplan 2022.1 相同,内容却不同,未采用(用的是内置方案)`);
    const jinshui = (JSON.parse(changed.out) as { units: { name: string; awards: { kind: string }[] }[] }).units.find((u) => u.name === "金水街道");
    expect(jinshui?.awards.some((a) => a.kind === "rank")).toBe(false);
    // diff says it too (once, though both workbooks are beside it), as it says no other warning.
    const other = join(dir, "青山区-改.xlsx");
    copyFileSync(book, other);
    const diffed = await cli(["diff", book, other]);
    expect(diffed.code).toBe(0);
    expect(diffed.err.split("\n").filter((l) => l.includes("[rubric.shadowed]"))).toHaveLength(1);
    // The same rubric with a comment and Windows line endings: the same.
    writeFileSync(file, ("# 本区存档\n" + text).replaceAll("\n", "\r\n"));
    expect((await cli(["validate", book])).err).not.toContain("rubric.shadowed");
  });

  it("empty, a folder or with errors, is said to be no valid rubric (it was said to differ in content under the same version)", async () => {
    const dir = scratchDir("assess-shadow-bad-");
    const book = join(dir, "青山区.xlsx");
    copyFileSync("samples/qingshan-2026.xlsx", book);
    const file = join(dir, "district-popplan-2022.1.yaml");
    const said = `${file}: 警告: 此文件与内置方案 district-popplan 2022.1 同名,却不是有效的方案(空文件、文件夹或有错误),未采用(用的是内置方案);它的问题可用 assess rubric check "${file}" 查看,不需要的可删去 [rubric.shadowed-invalid]`;
    for (const make of [() => writeFileSync(file, ""), () => writeFileSync(file, "id: district-popplan\nversion: [\n"), () => mkdirSync(file)]) {
      rmSync(file, { recursive: true, force: true });
      make();
      const r = await cli(["validate", book]);
      expect(r.code).toBe(0);
      expect(r.err.split("\n")[0]).toBe(said);
    }
  });
});

describe("a rubric file not named ID-VERSION.yaml", () => {
  it("is said to be misnamed by rubric check and by template, which still do their work", async () => {
    const dir = scratchDir("assess-own-");
    const rubric = join(dir, "my-scheme.yaml");
    copyFileSync("test/fixtures/mini-rubric.yaml", rubric);
    const warning = `${rubric}: 警告: 文件名应为 mini-1.yaml:工作簿的封面按编号和版本指明方案,不用 --rubric 时只认这样命名、放在工作簿旁边的文件 [rubric.file-name]`;
    const checked = await cli(["rubric", "check", rubric]);
    expect(checked.code).toBe(0);
    expect(checked.err.trim()).toBe(warning);
    const made = await cli(["template", "--rubric", rubric, "-o", join(dir, "t.xlsx")]);
    expect(made.code).toBe(0);
    // What was written is said on stderr, as every command says it; stdout stays empty.
    expect([made.out, made.err.trim()]).toEqual(["", `${warning}\n已写入 ${join(dir, "t.xlsx")}`]);
    // Named so, nothing to say.
    copyFileSync(rubric, join(dir, "mini-1.yaml"));
    expect((await cli(["rubric", "check", join(dir, "mini-1.yaml")])).err).toBe("");
  });
});

describe("a units list of names alone", () => {
  it("places each unit by its name's ending, and says where the name does not tell", async () => {
    const dir = scratchDir("assess-own-");
    writeFileSync(join(dir, "units.csv"), "单位\n城关镇\n区教育局\n青山公园\n");
    const r = await cli(["template", "--rubric", "rubric/township-comprehensive-2026.1.yaml", "--units", join(dir, "units.csv"), "-o", join(dir, "t.xlsx")]);
    expect(r.code).toBe(0);
    // The list as read, by kind and group, before the file written.
    expect(r.err.trim().split("\n").slice(-2)).toEqual(["单位名单共 3 个:乡镇(街道) 2 个(乡镇组 1 个、未分组 1 个);区直部门 1 个", `已写入 ${join(dir, "t.xlsx")}`]);
    expect(r.err.trim().split("\n")[0]).toBe(`${join(dir, "units.csv")}:4:1: 警告: 单位 “青山公园” 未写类型,按名称也定不了是哪一类,已列为乡镇(街道),分组留空;如不是,请在名称后写上类型,如 “青山公园,部门”(可用:乡镇、镇、乡、街道、部门、区直部门、局、委、办、企业、国有企业、国企、公司);如是,请写上分组或在模板的分组列中选择 [units.kind-guessed-group]`);
  });
});

describe("a bundled rubric named with --rubric", () => {
  it("is taken by its id or its file's name where no such file is; a name that is neither lists the bundled ones", async () => {
    const dir = scratchDir("assess-named-");
    for (const name of ["township-comprehensive", "township-comprehensive-2026.1", "township-comprehensive-2026.1.yaml"]) {
      const out = join(dir, `${name}.xlsx`);
      const r = await cli(["template", "--rubric", name, "-o", out]);
      expect(r.code, r.err).toBe(0);
      // The template of that rubric: its first line sheet, with no unit yet.
      expect((await cli(["validate", out])).err).toContain(": 经济发展: 错误: 工作簿中没有任何单位");
    }
    // Checked by its name: valid, and no warning that "district-popplan" is no ID-VERSION.yaml file name.
    const checked = await cli(["rubric", "check", "district-popplan"]);
    expect([checked.code, checked.err]).toEqual([0, ""]);
    const shown = await cli(["rubric", "show", "district-popplan"]);
    expect([shown.code, shown.out.split("\n")[0]]).toEqual([0, "完善人口计生目标管理责任制考核办法  [district-popplan 2022.1, 2022-06-24]"]);
    // A kind's own name keeps its 、 in English (镇、街道 is one kind, not two).
    expect((await cli(["rubric", "show", "district-popplan", "--lang", "en"])).out).toContain("  JF1 创新  +20  (at most once a year, charged to the total, for 镇、街道)\n");
    // Tie-breakers in turn, each with its name (DJ > JJ read as "DJ is more than JJ").
    const comprehensive = (await cli(["rubric", "show", "township-comprehensive-2026.1"])).out;
    expect(comprehensive).toContain("  乡镇组排名(乡镇组,按 总分,同分时依次按 DJ 党的建设、JJ 经济发展 比较)\n");
    // One alone: not "in turn".
    expect(comprehensive).toContain("  区直部门排名(区直部门,按 总分,同分时按 BM1 重点工作任务 比较)\n");
    // A scheme of judged items alone: no heading over indicators it has none of (it printed 指标与目标: over nothing).
    const judgedOnly = (await cli(["rubric", "show", "test/fixtures/judged-only-rubric.yaml"])).out;
    expect(judgedOnly).toContain("加分、扣分与单项:");
    expect(judgedOnly).not.toContain("指标与目标");
    // No report block: the title and issuer the report makes, the cover's words as placeholders (it said — or nothing, a tester's find).
    expect(judgedOnly.split("\n")[1]).toBe("报告标题:{district}{year}年度部门考核(仅评分项)结果;报告名称:排名报告;发文单位:{district}");
    // A scheme's name saying its district and year (柳河区2026年度…): the report's title is that name's, as it is.
    const named = join(dir, "named-2026.1.yaml");
    writeFileSync(named, readFileSync("test/fixtures/judged-only-rubric.yaml", "utf8").replace("title: 部门考核(仅评分项)", "title: 柳河区2026年度部门考核办法"));
    expect((await cli(["rubric", "show", named])).out.split("\n")[1]).toBe("报告标题:{district}{year}年度部门考核结果;报告名称:排名报告;发文单位:{district}");
    // (The report: the cover's district and year in their place, as the placeholders say.)
    const { reportTitle } = await import("../../src/report/september/model.js");
    expect(reportTitle("zh-CN", { district: "柳河区", year: "2026" }, loadRubric(named, readFileSync(named), "x").rubric!)).toBe("柳河区2026年度部门考核结果");
    writeFileSync(named, readFileSync("test/fixtures/judged-only-rubric.yaml", "utf8").replace("title: 部门考核(仅评分项)", "title: 2025年度部门考核办法"));
    expect((await cli(["rubric", "show", named])).out.split("\n")[1]).toBe("报告标题:{district}{year}年度部门考核结果;报告名称:排名报告;发文单位:{district}");
    expect(reportTitle("zh-CN", { district: "柳河区", year: "2026" }, loadRubric(named, readFileSync(named), "x").rubric!)).toBe("柳河区2026年度部门考核结果");
    // Given: as written.
    expect(comprehensive.split("\n")[1]).toBe("报告标题:{district}{year}年度乡镇(街道)和区直部门综合考核结果;报告名称:排名报告;发文单位:{district}综合考核工作领导小组办公室");
    // How ties at a quota's cut are settled, only where a band has a quota (the enterprises' has none here).
    const noQuota = join(dir, "township-comprehensive-2026.1.yaml");
    writeFileSync(noQuota, readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("- { name: 优秀, from: 90, quota: 1 }", "- { name: 优秀, from: 90 }"));
    const grades = (await cli(["rubric", "show", noQuota])).out.split("\n").filter((l) => l.includes("等次:"));
    expect(grades).toEqual(["    等次:优秀 ≥ 90(至多 20%);良好 ≥ 80;合格 ≥ 60;不合格;临界并列:并列者均不入该等次", "    等次:优秀 ≥ 90(至多 30%);良好 ≥ 80;合格 ≥ 60;不合格;临界并列:并列者均入该等次", "    等次:优秀 ≥ 90;合格 ≥ 60;不合格"]);
    // A quota of a number of units says so (至多 1 read as 1 point or 1%), in show and in diff.
    expect(comprehensive).toContain("    等次:优秀 ≥ 90(至多 1 个);合格 ≥ 60;不合格;临界并列:并列者均不入该等次\n");
    expect((await cli(["rubric", "show", "township-comprehensive-2026.1", "--lang", "en"])).out).toContain("grades: 优秀 ≥ 90 (at most 1 unit); 合格 ≥ 60");
    const three = join(dir, "three.yaml");
    writeFileSync(three, readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("- { name: 优秀, from: 90, quota: 1 }", "- { name: 优秀, from: 90, quota: 3 }").replace("- { name: 优秀, from: 90, quota: 20% }", "- { name: 优秀, from: 90, quota: 3 }"));
    const changed = (await cli(["rubric", "diff", "township-comprehensive-2026.1", three])).out;
    expect(changed).toContain("优秀 ≥ 90(至多 20%) → 优秀 ≥ 90(至多 3 个)");
    expect(changed).toContain("优秀 ≥ 90(至多 1 个) → 优秀 ≥ 90(至多 3 个)");
    const lost = await cli(["template", "--rubric", "township-comprehensiv", "-o", join(dir, "x.xlsx")]);
    expect([lost.code, lost.err]).toEqual([1, "township-comprehensiv: 错误: 找不到考核方案文件;内置方案可直接写其名称:district-popplan-2022.1, township-comprehensive-2026.1 [rubric.file-not-found]\n"]);
    // An office's own named as a bundled one is, by its id or ID-VERSION: the files there are named, to be written whole.
    const own = join(dir, "own");
    mkdirSync(own);
    for (const v of ["2026.1", "2026.2"]) writeFileSync(join(own, `xianzhi-bumen-${v}.yaml`), "");
    const byId = await cli(["rubric", "show", join(own, "xianzhi-bumen")]);
    expect([byId.code, byId.err]).toEqual([1, `${join(own, "xianzhi-bumen")}: 错误: 找不到考核方案文件;此处有:${join(own, "xianzhi-bumen-2026.1.yaml")}, ${join(own, "xianzhi-bumen-2026.2.yaml")}。请写出所指文件的全名(含 .yaml)。内置方案可直接写其名称:district-popplan-2022.1, township-comprehensive-2026.1 [rubric.file-not-found-near]\n`]);
    expect((await cli(["rubric", "show", join(own, "xianzhi-bumen-2026.2")])).err).toContain(`此处有:${join(own, "xianzhi-bumen-2026.2.yaml")}。`);
    // Its id with .yaml, or a version cut short; versions in their order (2026.2 before 2026.10).
    writeFileSync(join(own, "xianzhi-bumen-2026.10.yaml"), "");
    for (const name of ["xianzhi-bumen.yaml", "xianzhi-bumen-2026"]) {
      expect((await cli(["rubric", "show", join(own, name)])).err).toContain(`此处有:${["2026.1", "2026.2", "2026.10"].map((v) => join(own, `xianzhi-bumen-${v}.yaml`)).join(", ")}。`);
    }
  });
});

describe("a revised scheme beside last year's workbook", () => {
  const revised = (): string => {
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    expect(text).toContain('version: "2026.1"');
    return text.replace('version: "2026.1"', 'version: "2027.1"').replace("- { name: 一等奖, ranks: [1, 1], amount: 50000 }", "- { name: 一等奖, ranks: [1, 1], amount: 80000 }");
  };

  it("says a later version of the scheme is beside a workbook whose cover names the earlier one (scored under it, silently)", async () => {
    const dir = scratchDir("assess-newer-");
    const book = join(dir, "柳河区2027.xlsx");
    copyFileSync("samples/liuhe-2026.xlsx", book);
    writeFileSync(join(dir, "township-comprehensive-2027.1.yaml"), revised());
    const r = await cli(["validate", book]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`${book}: 封面!B4: 警告: 封面写的是方案 township-comprehensive 2026.1,按此版本计分;工作簿旁边或当前文件夹中另有同一方案的较新版本 2027.1(${join(dir, "township-comprehensive-2027.1.yaml")},生效日期 2026-03-01):如本年度按新版考核,请用 assess template 按新版重新生成工作簿(新版的表头、满分和下拉列表),或至少把封面的方案版本改为 2027.1 [rubric.newer-beside]`);
  });

  it("says nothing of the later version when the workbook's year is before it takes effect (last year's workbook scored again, every version kept beside it)", async () => {
    const dir = scratchDir("assess-newer-later-");
    const book = join(dir, "柳河区2026.xlsx");
    copyFileSync("samples/liuhe-2026.xlsx", book);
    const text = revised();
    expect(text).toContain('effective: "2026-03-01"');
    writeFileSync(join(dir, "township-comprehensive-2027.1.yaml"), text.replace('effective: "2026-03-01"', 'effective: "2027-01-01"'));
    expect((await cli(["validate", book])).err).not.toContain("rubric.newer-beside");
    // The same workbook for 2027 (its cover's year), still naming 2026.1: said.
    const next = join(dir, "柳河区2027.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    wb.getWorksheet("封面")!.getCell("B5").value = "2027";
    await wb.xlsx.writeFile(next);
    expect((await cli(["validate", next])).err).toContain("[rubric.newer-beside]");
  });

  it("names the latest version in force in the cover's year, with next year's draft beside it too, and no draft that does not read", async () => {
    const dir = scratchDir("assess-newer-three-");
    const book = join(dir, "柳河区2026.xlsx");
    copyFileSync("samples/liuhe-2026.xlsx", book);
    const text = revised();
    const version = (v: string, effective: string): string => text.replace('version: "2027.1"', `version: "${v}"`).replace('effective: "2026-03-01"', `effective: "${effective}"`);
    writeFileSync(join(dir, "township-comprehensive-2026.5.yaml"), version("2026.5", "2026-06-01"));
    writeFileSync(join(dir, "township-comprehensive-2027.1.yaml"), version("2027.1", "2027-01-01"));
    // A draft still being written (it does not read): not offered.
    writeFileSync(join(dir, "township-comprehensive-2028.1.yaml"), version("2028.1", "2026-01-01").replace("title:", "bogus: 1\ntitle:"));
    const r = await cli(["validate", book]);
    expect(r.err).toContain("另有同一方案的较新版本 2026.5(");
    expect(r.err.match(/rubric\.newer-beside/g)).toHaveLength(1);
  });

  it("says a revision saved under the bundled rubric's file name as what it says (it was told to renumber what it had renumbered)", async () => {
    const dir = scratchDir("assess-oldname-");
    const book = join(dir, "柳河区.xlsx");
    copyFileSync("samples/liuhe-2026.xlsx", book);
    const file = join(dir, "township-comprehensive-2026.1.yaml");
    writeFileSync(file, revised());
    const r = await cli(["validate", book]);
    expect(r.err).toContain(`${file}: 警告: 文件名表明它是 township-comprehensive 2026.1,文件里写的却是 township-comprehensive 2027.1,未使用`);
    expect(r.err).not.toContain("rubric.shadowed");
    // A workbook whose cover names the version that file says: the file is named beside the error.
    const next = join(dir, "柳河区2027.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    wb.getWorksheet("封面")!.getCell("B4").value = "2027.1";
    await wb.xlsx.writeFile(next);
    const n = await cli(["validate", next]);
    expect(n.code).toBe(1);
    expect(n.err).toContain("如是版本号填错,请改为所用的版本号(这里有 2026.1) [rubric.version-not-found]");
    expect(n.err).toContain("或把文件改名为 township-comprehensive-2027.1.yaml 并在封面写上这个编号和版本 [rubric.file-says-other]");
  });

  it("warns that a rubric given with a bundled one's id and version but other content is recorded as the bundled one", async () => {
    const dir = scratchDir("assess-given-");
    const file = join(dir, "my.yaml");
    writeFileSync(file, revised().replace('version: "2027.1"', 'version: "2026.1"'));
    const r = await cli(["validate", "samples/liuhe-2026.xlsx", "--rubric", file]);
    expect(r.err).toContain("所给方案文件的编号和版本与内置方案 township-comprehensive 2026.1 相同,内容却不同:结果会记为 township-comprehensive 2026.1,与内置方案无从区分 [rubric.given-as-bundled]".replace(" [", ";修订后的方案请改用新的版本号(文件名和封面上的方案版本都改) ["));
    // Nor a copy that says the same in another order (weights written otherwise).
    const reordered = join(dir, "reordered.yaml");
    const bundled = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8");
    expect(bundled).toContain("weights: { JJ: 40%, SH: 35%, DJ: 25% }");
    writeFileSync(reordered, bundled.replace("weights: { JJ: 40%, SH: 35%, DJ: 25% }", "weights: { DJ: 25%, SH: 35%, JJ: 40% }"));
    expect((await cli(["validate", "samples/liuhe-2026.xlsx", "--rubric", reordered])).err).not.toContain("given-as-bundled");
    // The bundled file itself given is no revision.
    expect((await cli(["validate", "samples/liuhe-2026.xlsx", "--rubric", "rubric/township-comprehensive-2026.1.yaml"])).err).not.toContain("given-as-bundled");
    // A template made from it names the bundled rubric on its cover: said, as its workbook is scored under that one.
    const made = await cli(["template", "--rubric", file, "--district", "柳河区", "--year", "2026", "-o", join(dir, "柳河区2026.xlsx")]);
    expect([made.code, made.err.trim().split("\n")[1]]).toEqual([0, `${file}: 警告: 所给方案文件的编号和版本与内置方案 township-comprehensive 2026.1 相同,内容却不同:做出的工作簿封面写的是 township-comprehensive 2026.1,计分时按内置方案计分,不按这份文件;修订后的方案请改用新的版本号(文件中的 version 和文件名都改)后再制作模板 [template.given-as-bundled]`]);
    expect((await cli(["template", "--rubric", "rubric/township-comprehensive-2026.1.yaml", "-o", join(dir, "bundled.xlsx")])).err).not.toContain("given-as-bundled");
    // rubric check, the office's first step, says it too (it said 方案有效 alone; the page then refused the file).
    const checked = await cli(["rubric", "check", file]);
    expect(checked.code).toBe(0);
    expect(checked.err).toContain("[rubric.given-as-bundled]");
    expect((await cli(["rubric", "check", reordered])).err).not.toContain("given-as-bundled");
    expect((await cli(["rubric", "check", "township-comprehensive"])).err).not.toContain("given-as-bundled");
  });
});

describe("grade and card marks of a 百分制 in a scheme out of 1000", () => {
  it("are warned of at the mark, with the marks on the scheme's scale, by rubric check and wherever the rubric is used (every town was 优秀, unsaid)", async () => {
    const dir = scratchDir("assess-mark-scale-");
    const file = join(dir, "district-popplan-2022.2.yaml");
    const text = readFileSync("rubric/district-popplan-2022.1.yaml", "utf8")
      .replace('version: "2022.1"', 'version: "2022.2"')
      .replace("    unit_kind: town\n    by: total\n", "    unit_kind: town\n    by: total\n    grades:\n      bands:\n        - { name: 优秀, from: 90 }\n        - { name: 良好, from: 80 }\n      otherwise: 合格\n")
      .replace("    below: 600\n", "    below: 60\n");
    writeFileSync(file, text);
    const lines = text.split("\n");
    const where = (needle: string, value: string): string => {
      const i = lines.findIndex((l) => l.includes(needle));
      return `${file}:${i + 1}:${(lines[i] ?? "").indexOf(value) + 1}`;
    };
    const grade = `${where("{ name: 优秀, from: 90 }", "90")}: 警告: 分数线 90 只是镇、街道总分满分 1000 的 9%:是否按百分制写了?按满分 1000 应为 优秀 900、良好 800 [rubric.mark-low-for-scale]`;
    const card = `${where("    below: 60", "60")}: 警告: 分数线 60 只是镇、街道总分满分 1000 的 6%:是否按百分制写了?按满分 1000 应为 黄牌警告(下年度重点管理) 600 [rubric.mark-low-for-scale]`;
    const checked = await cli(["rubric", "check", file]);
    expect(checked.code).toBe(0);
    expect(checked.err.trim().split("\n")).toEqual([grade, card]);
    const validated = await cli(["validate", "samples/qingshan-2026.xlsx", "--rubric", file]);
    expect(validated.err.split("\n")).toEqual(expect.arrayContaining([grade, card]));
    // And by template, the first command an office runs with its rubric: before the form is filled.
    const template = await cli(["template", "--rubric", file, "-o", join(dir, "t.xlsx")]);
    expect(template.code).toBe(0);
    expect(template.err.split("\n")).toEqual(expect.arrayContaining([grade, card]));
    // The bundled scheme's own marks (600 of 1000) are not questioned.
    expect((await cli(["rubric", "check", "rubric/district-popplan-2022.1.yaml"])).err).toBe("");
  });
});

describe("a rubric of the office's own whose version is v and a number (v10)", () => {
  it("is found beside the workbook by its name mini-v10.yaml", async () => {
    const dir = scratchDir("assess-own-v-");
    const rubric = join(dir, "mini-v10.yaml");
    writeFileSync(rubric, readFileSync("test/fixtures/mini-rubric.yaml", "utf8").replace(/^version: .*$/m, 'version: "v10"'));
    await expectRubricFound(await templateBeside(rubric));
  });
});

describe("a rubric of the office's own edited without a new version", () => {
  it("is said where a result made from its earlier file is replaced or read: two results of one name would differ", async () => {
    const dir = scratchDir("assess-own-edited-");
    const own = join(dir, "liuhe-own-2026.1.yaml");
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("id: township-comprehensive", "id: liuhe-own");
    writeFileSync(own, text);
    const out = join(dir, "结果.xlsx");
    const first = await cli(["score", "samples/liuhe-2026.xlsx", "--rubric", own, "-o", out]);
    expect(first.code).toBe(0);
    expect(first.err).not.toContain("rubric-changed-since-scored");
    // Scored again from the same file: nothing to say.
    expect((await cli(["score", "samples/liuhe-2026.xlsx", "--rubric", own, "-o", out])).err).not.toContain("rubric-changed-since-scored");
    // The weights edited, the version kept.
    const edited = text.replace("weights: { JJ: 40%, SH: 35%, DJ: 25% }", "weights: { JJ: 45%, SH: 30%, DJ: 25% }");
    expect(edited).not.toBe(text);
    writeFileSync(own, edited);
    const sha = (t: string): string => createHash("sha256").update(t).digest("hex").slice(0, 12);
    // Read, the result says it was made from the other file, at the cell recording that file's SHA-256.
    const read = await cli(["validate", out, "--rubric", own]);
    expect(read.err).toContain(`${out}: 计分信息!B6: 警告: 这份结果上次按方案 liuhe-own 2026.1 计分时,方案文件与现在的不同(SHA-256 ${sha(text)}…,现为 ${sha(edited)}…),版本号却相同`);
    // Compared with the workbook it was scored from, the result's points are not the ones compared: said.
    const compared = await cli(["diff", out, "samples/liuhe-2026.xlsx", "--rubric", own]);
    expect(compared.err).toContain(`${out}: 计分信息!B6: 警告: 这份结果上次按方案 liuhe-own 2026.1 计分时,方案文件与现在的不同`);
    // And the comparison says it is of the two scored again (it said no unit changed, of a result recording other totals: a tester's find).
    expect(compared.out.trimEnd().split("\n").at(-1)).toBe("(以上是两份工作簿按现在的方案文件重新计分后的比较;其中记录的结果是按改动前的方案内容算的,见上面的警告,可能与此不同)");
    // And in the 变更说明 written, which is what is handed on.
    const page = join(dir, "变更说明.html");
    expect((await cli(["diff", out, "samples/liuhe-2026.xlsx", "--rubric", own, "-o", page])).code).toBe(0);
    expect(readFileSync(page, "utf8")).toContain(`以上是两份工作簿按现在的方案文件 ${own}(liuhe-own 2026.1)重新计分后的比较;其中记录的结果是按该文件改动前的内容算的`);
    // Replaced, the result is said to have been made from the other file.
    const again = await cli(["score", "samples/liuhe-2026.xlsx", "--rubric", own, "-o", out, "--json"]);
    expect(again.code).toBe(0);
    expect(again.err).toContain(`${out}: 警告: 被替换的结果上次按方案 liuhe-own 2026.1 计分时,方案文件与现在的不同(SHA-256 ${sha(text)}…,现为 ${sha(edited)}…)`);
    expect((JSON.parse(again.out) as { diagnostics: { code: string }[] }).diagnostics.map((w) => w.code)).toContain("file.rubric-changed-since-scored");
    // Now made from the file as it is: nothing more to say.
    expect((await cli(["validate", out, "--rubric", own])).err).not.toContain("rubric-changed-since-scored");
    // Nor once saved with Windows line ends and a byte-order mark (an editor, git): the same rubric.
    writeFileSync(own, "\ufeff" + edited.replace(/\n/g, "\r\n"));
    expect((await cli(["validate", out, "--rubric", own])).err).not.toContain("rubric-changed-since-scored");
  });
});

describe("a cover's version written as a document names it (2026.1版)", () => {
  it("is that version (it was said as 2026.1版 版, and a file named …-2026.1版.yaml asked for: a tester's find)", async () => {
    const dir = scratchDir("assess-cover-ban-");
    for (const [typed, name] of [["2026.1版", "ban.xlsx"], ["第2026.1版", "di.xlsx"], ["2026.1 版本", "banben.xlsx"], ["2026.1版.", "dot.xlsx"], ["“2026.1”版", "quoted.xlsx"], ["2026.1(版)", "bracket.xlsx"]] as const) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile("samples/liuhe-2026.xlsx");
      const cover = wb.getWorksheet("封面");
      if (!cover) throw new Error("no cover");
      expect(cover.getCell("A4").value).toBe("方案版本");
      cover.getCell("B4").value = typed;
      await wb.xlsx.writeFile(join(dir, name));
      const r = await cli(["validate", join(dir, name)]);
      expect([typed, r.code, r.err.includes("version-not-found")]).toEqual([typed, 0, false]);
    }
  });
});

describe("a version typed where the cover's rubric id goes", () => {
  it("is said to be one, at its cell, not asked for as a file (2026.2-2026.1.yaml, which cannot be)", async () => {
    const dir = scratchDir("assess-cover-id-");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/liuhe-2026.xlsx");
    wb.getWorksheet("封面")!.getCell("B3").value = "2026.2";
    const book = join(dir, "版本错.xlsx");
    await wb.xlsx.writeFile(book);
    const r = await cli(["validate", book]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${book}: 封面!B3: 错误: 封面的方案编号 “2026.2” 像是版本号,不是方案编号(可用的方案:district-popplan 2022.1, township-comprehensive 2026.1);请核对封面:方案编号与方案版本各填其格 [rubric.cover-id-is-version]`);
    expect(r.err).not.toContain("2026.2-2026.1.yaml");
    // Taken by the cell for a date (2026.2 as February 2026): quoted as the date it shows, not its serial.
    wb.getWorksheet("封面")!.getCell("B3").value = new Date(Date.UTC(2026, 1, 1));
    wb.getWorksheet("封面")!.getCell("B3").numFmt = "yyyy-mm-dd";
    await wb.xlsx.writeFile(book);
    const dated = await cli(["validate", book]);
    expect(dated.err).toContain("封面的方案编号 “2026-02-01” 像是版本号");
    expect(dated.err).not.toContain("46054");
  });
});
