// Reading the user's files: a device or a pipe named as the input has no size to check before
// reading; it is read up to the limit and no further (`assess validate /dev/zero` used to read on
// until memory ran out).
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readUserFile } from "../../src/cli/files.js";
import { cli } from "../helpers/cli.js";
import { scratchDir } from "../helpers/tmp.js";

describe("a file that is not a regular file", () => {
  it.skipIf(!existsSync("/dev/zero"))("is read up to the limit, then refused as too large with the caller's message", () => {
    const r = readUserFile("/dev/zero", 3 * 1024 * 1024, "rubric.too-large");
    expect(r.bytes).toBeUndefined();
    expect(r.diagnostics?.map((d) => [d.code, d.location, d.data.limit])).toEqual([["rubric.too-large", { file: "/dev/zero" }, 3 * 1024 * 1024]]);
  });

  it.skipIf(!existsSync("/dev/null"))("is read whole when it ends within the limit", () => {
    expect(readUserFile("/dev/null", 1024).bytes?.length).toBe(0);
  });
});

describe("a rubric file too large", () => {
  it("is told the one limit whatever its size (a 5 MB file was told 4 MB, a 2 MB one 1 MB)", async () => {
    const dir = scratchDir("assess-big-rubric-");
    for (const mb of [2, 5]) {
      const file = join(dir, `big-${mb}.yaml`);
      writeFileSync(file, "#".repeat(mb * 1024 * 1024));
      const r = await cli(["rubric", "check", file]);
      expect(r.code).toBe(1);
      // One line: the size, the one limit, then what to do.
      expect(r.err.startsWith(`${file}: 错误: 方案文件过大(${mb} MB,上限 1 MB):`)).toBe(true);
      expect(r.err.endsWith(" [rubric.too-large]\n")).toBe(true);
      expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    }
  });
});

describe("a workbook too large for a rubric given as one", () => {
  it("is said to be a workbook, as a small one is (a province's result was told the rubric limit)", async () => {
    const dir = scratchDir("assess-big-workbook-");
    const file = join(dir, "青山区.scored.xlsx");
    // Incompressible: past the rubric limit once zipped.
    const noise = Uint8Array.from({ length: 1536 * 1024 }, (_, i) => (i * 2654435761) >>> 24);
    writeFileSync(file, zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "xl/workbook.xml": strToU8("<workbook/>"), "xl/media/image1.png": noise }, { level: 0 }));
    for (const args of [["rubric", "check", file], ["validate", "samples/qingshan-2026.xlsx", "--rubric", file]]) {
      const r = await cli(args);
      expect(r.code, r.err).toBe(1);
      expect(r.err).toBe(`${file}:1:1: 错误: 这是 Excel 工作簿,不是考核方案:方案是 YAML 文本文件(如 my-scheme-2026.1.yaml) [rubric.is-workbook]\n`);
    }
  });
});

describe("\"-\" for standard input", () => {
  it("is said as not taken, with the path to write instead (it was told no such file)", async () => {
    for (const args of [["validate", "-"], ["rubric", "check", "-"]]) {
      const r = await cli(args);
      expect(r.code).toBe(1);
      expect(r.err.split("\n")[0]).toBe("-: 错误: “-”(标准输入)不能作为文件名:请写出文件的路径;确需从管道读入,写 /dev/stdin [file.dash-stdin]");
    }
  });
});

describe("a file picked by mistake that its name tells", () => {
  it("is said to be the lock file of the workbook beside it (Excel's ~$, with a long name's first two characters replaced; LibreOffice's .~lock.…#)", async () => {
    const dir = scratchDir("assess-lock-pick-");
    copyFileSync("samples/qingshan-2026.xlsx", join(dir, "青山区2026年度.xlsx"));
    // Excel's owner file: a length byte, the user's name, padding.
    const owner = join(dir, "~$区2026年度.xlsx");
    writeFileSync(owner, Buffer.concat([Buffer.from([5]), Buffer.from("admin"), Buffer.alloc(48, 0x20)]));
    const libre = join(dir, ".~lock.青山区2026年度.xlsx#");
    writeFileSync(libre, "admin,host,host,01.12.2026 09:00,file:///C:/Users/admin/AppData/Roaming/LibreOffice/4;\n");
    const alone = join(dir, "~$别的.xlsx");
    writeFileSync(alone, Buffer.from([5, 0x61, 0x62]));
    const r1 = await cli(["validate", owner]);
    const r2 = await cli(["score", libre]);
    const r3 = await cli(["validate", alone]);
    expect([r1.code, r1.err]).toEqual([1, `${owner}: 错误: 这是 Excel、WPS 或 LibreOffice 打开 青山区2026年度.xlsx 时留下的临时锁文件,不是工作簿;请选工作簿 青山区2026年度.xlsx 本身 [file.lock-file]\n`]);
    expect(r2.err).toContain(`${libre}: 错误: 这是 Excel、WPS 或 LibreOffice 打开 青山区2026年度.xlsx 时留下的临时锁文件`);
    expect(r3.err).toBe(`${alone}: 错误: 这是 Excel、WPS 或 LibreOffice 打开工作簿时留下的临时锁文件(名称以 ~$ 或 .~lock. 开头),不是工作簿;请选同一文件夹中的工作簿本身 [file.lock-file-alone]\n`);
    // Two workbooks it can stand for (~$ replaces a long name's first two characters): neither named.
    copyFileSync("samples/qingshan-2026.xlsx", join(dir, "东山区2026年度.xlsx"));
    expect((await cli(["validate", owner])).err).toContain("[file.lock-file-alone]");
  });

  it("names WPS's .et format rather than a legacy .xls", async () => {
    const dir = scratchDir("assess-et-");
    const file = join(dir, "青山.et");
    // A compound-file container's signature, as .et, .xls and .doc files begin.
    writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]));
    const r = await cli(["validate", file, "--lang", "en"]);
    expect(r.err).toBe(`${file}: error: this is a WPS Spreadsheets .et file; in WPS, save it as an Excel workbook (.xlsx) and try again [xlsx.wps-et]\n`);
  });

  it("is said to be that by score and report beside the result of the .xlsx of its name, not as a result to --force over", async () => {
    const dir = scratchDir("assess-et-beside-");
    copyFileSync("samples/qingshan-2026.xlsx", join(dir, "青山.xlsx"));
    expect((await cli(["score", join(dir, "青山.xlsx")])).code).toBe(0);
    expect((await cli(["report", join(dir, "青山.xlsx")])).code).toBe(0);
    const file = join(dir, "青山.et");
    writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]));
    for (const command of ["score", "report"]) {
      const r = await cli([command, file]);
      expect([command, r.code, r.err]).toEqual([command, 1, `${file}: 错误: 这是 WPS 表格的 .et 文件,请在 WPS 中“另存为” Excel 工作簿(.xlsx)后重试 [xlsx.wps-et]\n`]);
    }
    // A zip that holds no workbook (a Word document, named as a workbook's twin) likewise (a reviewer's find).
    const docx = join(dir, "青山.docx");
    writeFileSync(docx, zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w:document/>") }));
    for (const command of ["score", "report"]) {
      const r = await cli([command, docx]);
      expect([command, r.code, r.err]).toEqual([command, 1, expect.stringContaining("[xlsx.docx]")]);
    }
  });
});

describe("an output of ours given back as the input", () => {
  it("is said to be the report or the list of changes it is (it was told no assessment sheet was found, or to save a page as .xlsx)", async () => {
    const dir = scratchDir("assess-ours-back-");
    const [report, page, changes] = [join(dir, "r.xlsx"), join(dir, "r.html"), join(dir, "d.xlsx")];
    expect((await cli(["report", "samples/liuhe-2026.xlsx", "--format", "both", "-o", report])).code).toBe(0);
    await cli(["diff", "samples/qingshan-2026.xlsx", "samples/liuhe-2026.xlsx", "-o", changes]);
    // (No "scored under the bundled scheme" guess for it either.)
    expect((await cli(["validate", report])).err).toBe(`${report}: 排名报告: 错误: 这是 assess report 生成的排名报告,不是填报的考核工作簿;请改用填报的工作簿 [workbook.our-report]\n`);
    expect((await cli(["score", page])).err).toBe(`${page}: 错误: 这是 assess report 生成的网页报告,不是考核工作簿;请改用填报的工作簿(.xlsx) [xlsx.our-report-page]\n`);
    // The district scheme's report (its sheet named by the rubric, 九月排名报告), and the browser edition.
    const district = join(dir, "q.xlsx");
    await cli(["report", "samples/qingshan-2026.xlsx", "-o", district]);
    expect((await cli(["validate", district])).err).toContain("九月排名报告: 错误: 这是 assess report 生成的排名报告");
    const web = join(dir, "page.html");
    expect((await cli(["web", "-o", web])).code).toBe(0);
    expect((await cli(["validate", web])).err).toContain("[xlsx.our-web-page]");
    expect((await cli(["explain", changes, "青龙乡", "--lang", "en"])).err).toContain(`${changes}: 变更说明: error: this is a list of changes made by assess diff, not a filled-in assessment workbook; use the workbook that was filled in instead [workbook.our-diff]`);
    // Made in English, its title names the district and year after the word (Changes, 柳河区 2026).
    const english = join(dir, "changes-en.xlsx");
    expect((await cli(["diff", "samples/liuhe-2026.xlsx", "samples/liuhe-2026.xlsx", "-o", english, "--lang", "en"])).code).toBe(0);
    expect((await cli(["validate", english, "--lang", "en"])).err).toBe(`${english}: Changes: error: this is a list of changes made by assess diff, not a filled-in assessment workbook; use the workbook that was filled in instead [workbook.our-diff]\n`);
  });

  it("is said to be our JSON where it is score's, diff's or validate's --json (the browser edition's results file, named as the workbook, picked for it: it was told to save a CSV as .xlsx)", async () => {
    const dir = scratchDir("assess-json-back-");
    const outputs: [string, string[]][] = [
      ["results.json", ["score", "samples/qingshan-2026.xlsx", "--json", "-o", join(dir, "s.xlsx")]],
      ["changes.json", ["diff", "samples/qingshan-2026.xlsx", "samples/liuhe-2026.xlsx", "--json"]],
      ["problems.json", ["validate", "samples/broken/typos.xlsx", "--json"]],
    ];
    for (const [name, args] of outputs) {
      const file = join(dir, name);
      writeFileSync(file, (await cli(args)).out);
      expect((await cli(["validate", file])).err, name).toBe(`${file}: 错误: 这是 assess 输出的 JSON 数据(如网页版下载的结果数据),不是考核工作簿;请改用填报的工作簿(.xlsx),或计分后的结果工作簿 [xlsx.our-json]\n`);
    }
    // Another program's JSON: JSON, not a CSV to save as .xlsx.
    const other = join(dir, "other.xlsx");
    writeFileSync(other, '{"towns": [{"name": "城关镇", "score": 95}]}\n');
    expect((await cli(["score", other, "--lang", "en"])).err).toBe(`${other}: error: this is a JSON data file, not an Excel workbook; use the filled-in workbook (.xlsx) instead [xlsx.json-file]\n`);
  });

  it("is told by its content, not its name: a user's own sheet named 变更说明 is no list of ours", async () => {
    const file = join(scratchDir("assess-own-changes-"), "变更.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("变更说明");
    ws.addRow(["日期", "变更内容", "经办人"]);
    ws.addRow(["2026-03-01", "调整 DZ2 分值", "张三"]);
    await wb.xlsx.writeFile(file);
    expect((await cli(["validate", file])).err).toContain("[workbook.no-sheets-found]");
    // A sheet of items dated as our report is (报告日期:…) is read as the user's, not passed over as ours.
    const dated = join(scratchDir("assess-dated-"), "dated.xlsx");
    copyFileSync("samples/qingshan-2026.xlsx", dated);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(dated);
    book.getWorksheet("党政线")!.getCell("Z1").value = "报告日期:2026年9月15日";
    await book.xlsx.writeFile(dated);
    const r = await cli(["validate", dated]);
    expect([r.code, r.err.includes("错误")]).toEqual([0, false]);
  });

  it("where no assessment sheet is found, the example codes are the rubric's own (not the bundled district scheme's)", async () => {
    const file = join(scratchDir("assess-payroll-"), "工资表.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("工资表").addRow(["姓名", "工资"]);
    await wb.xlsx.writeFile(file);
    expect((await cli(["validate", file, "--rubric", "township-comprehensive"])).err).toContain("表头应以方案中的代码开头(如 JJ5、ZB1)");
  });
});

describe("a template with its units listed and nothing else filled in (the blank one picked for the filled one)", () => {
  it("is said once, at its first blank cell, not as a blank for every cell; one value filled, each blank column once at its heading and the rest of the filled one at their cells", async () => {
    const dir = scratchDir("assess-unfilled-");
    const units = join(dir, "units.txt");
    writeFileSync(units, "城关镇\n东湖街道\n西山镇\n");
    const blank = join(dir, "blank.xlsx");
    expect((await cli(["template", "--units", units, "--district", "青山区", "--year", "2026", "-o", blank])).code).toBe(0);
    const r = await cli(["validate", blank]);
    expect(r.err.trim().split("\n")).toEqual([`${blank}: 党政线!B2: 错误: 工作簿列出了 3 个单位,但还没有填写任何得分或指标数据:请先填写考核工作表(或改选已填写的工作簿) [workbook.nothing-filled]`]);
    expect(r.code).toBe(1);
    expect((await cli(["score", blank, "--lang", "en"])).err).toContain(`${blank}: 党政线!B2: error: the workbook lists 3 units but no points or indicator values are filled in yet`);
    // One unit's one item filled: the rest are blanks to fill; a column blank for every unit said
    // once at its heading, the filled column's other blanks each where it is.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(blank);
    wb.getWorksheet("党政线")!.getCell("B2").value = 18;
    const one = join(dir, "one.xlsx");
    await wb.xlsx.writeFile(one);
    const some = (await cli(["validate", one])).err;
    expect(some).not.toContain("workbook.nothing-filled");
    expect(some).toContain(`${one}: 党政线!C1: 错误: DZ3.1 这一列各单位都未填写(3 个单位,第一个是 C2 的 “城关镇”):请填上各单位的数值;如这一列由其他部门填写,请把他们的数据按单位名称对齐贴入 [workbook.column-blank]`);
    expect(some).toContain(`${one}: 党政线!B3: 错误: 东湖街道 DZ2 未填写(满分 20);没有得分请填 0 [workbook.blank-points]`);
    expect(some).not.toContain("党政线!C2");
  });
});

describe("a file named as pasted", () => {
  it("not found, says the file it most likely names where that is there: a space after it, quotes around it, a file:// address, .xlsx left off", async () => {
    const dir = scratchDir("assess-near-");
    const book = join(dir, "青山区.xlsx");
    copyFileSync("samples/qingshan-2026.xlsx", book);
    // (And a path typed as on Windows, .\\青山区.xlsx: here a \\ separates no folders.)
    const windowsy = process.platform === "win32" ? [] : [book.replaceAll("/", "\\"), join(dir, "青山区").replaceAll("/", "\\")];
    for (const given of [`${book} `, `"${book}"`, `“${book}”`, pathToFileURL(book).href, join(dir, "青山区"), ...windowsy]) {
      expect((await cli(["validate", given])).err, given).toBe(`${given}: 错误: 找不到文件;是指 “${book}” 吗?(所给的名字与它只差前后的空格、引号、file://、.xlsx 或把 / 写成了 \\) [file.not-found-near]\n`);
    }
    // None there: as before.
    expect((await cli(["validate", join(dir, "西山区.xlsx")])).err).toContain("[file.not-found]");
  });
});

describe("a template for a year before its scheme took effect", () => {
  it("is written, with a warning said then (--year 2019 under a scheme of 2026 was said only once the form came back filled)", async () => {
    const dir = scratchDir("assess-year-before-");
    const out = join(dir, "t.xlsx");
    const r = await cli(["template", "--rubric", "township-comprehensive", "--year", "2019", "-o", out]);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(r.err).toContain("警告: 考核年度 2019 早于方案 乡镇(街道)和区直部门综合考核办法(township-comprehensive 2026.1)的生效日期 2026-03-01:模板照常写出,但请核对 --year,或换用适用于该年度的方案版本 [template.year-before-rubric]");
    // Its own year: nothing said.
    expect((await cli(["template", "--rubric", "township-comprehensive", "--year", "2026", "-o", join(dir, "ok.xlsx")])).err).not.toContain("year-before-rubric");
  });
});

describe("last year's assessment workbook given as the units list", () => {
  it("makes this year's template of its units, each of its kind and group, as the offline page does; another rubric's kinds are said, and an Excel list of names alone stays a list to save as CSV", async () => {
    const dir = scratchDir("assess-year-two-");
    const next = join(dir, "柳河区2027.xlsx");
    const r = await cli(["template", "--units", "samples/liuhe-2026.xlsx", "--rubric", "township-comprehensive-2026.1", "--year", "2027", "--district", "柳河区", "-o", next]);
    expect([r.code, r.err.split("\n")[0]]).toEqual([0, "单位名单共 20 个:乡镇(街道) 11 个(乡镇组 7 个、街道组 4 个);区直部门 6 个;区属国有企业 3 个"]);
    // Each sheet lists its kind's units as last year's did: 河东街道 among the towns, 区城投集团 among the enterprises.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(next);
    const names = (sheet: string): string[] => (wb.getWorksheet(sheet)?.getColumn(1).values ?? []).slice(2).map(String);
    expect(names("经济发展")).toContain("河东街道");
    expect(names("区属国企")).toEqual(["区城投集团", "区交通投资公司", "区文旅集团"]);
    // With no --rubric, under the default one that has not its kinds (no enterprises): one line naming
    // its own scheme to give, not an error at each line of a list the clerk never saw (乡镇组 and
    // enterprise said to be no kind, fourteen of them); nothing written.
    const other = await cli(["template", "--units", "samples/liuhe-2026.xlsx", "--year", "2027", "-o", join(dir, "x.xlsx")]);
    expect([other.code, other.err]).toEqual([1, "samples/liuhe-2026.xlsx: 错误: 这是按方案 township-comprehensive 2026.1 填写的考核工作簿,而未指定方案时模板按 district-popplan 2022.1 制作,两者的单位类型不同:要按原方案制作今年的模板,请加上 --rubric township-comprehensive [units.from-workbook-name-rubric]\n"]);
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
    // Given a rubric without its kinds: said to be of another scheme, then read as a list of its units
    // is (its lines said to be its units in order), each problem at its line: the enterprises alone,
    // the towns' groups (乡镇组, a group this scheme has not) left out, not read as unknown kinds.
    const given = await cli(["template", "--units", "samples/liuhe-2026.xlsx", "--rubric", "district-popplan", "--year", "2027", "-o", join(dir, "x.xlsx")]);
    const said = given.err.trim().split("\n");
    expect([given.code, said.slice(0, 2)]).toEqual([
      1,
      [
        "samples/liuhe-2026.xlsx: 警告: 单位名单取自按方案 township-comprehensive 2026.1 读出的考核工作簿,模板却按方案 district-popplan 2022.1 制作:各单位的类型和分组按本方案重新认定,请核对下面的单位数;要沿用原方案,请用 --rubric 指定它 [units.from-workbook-other-rubric]",
        "单位名单取自考核工作簿 samples/liuhe-2026.xlsx(按方案 township-comprehensive 2026.1 读出的 20 个单位,每个一行:名称,类型,分组;下面的行号即单位的顺序)",
      ],
    ]);
    expect(said.slice(2).map((l) => /^samples\/liuhe-2026\.xlsx:(\d+):\d+: 错误: 未知的单位类型 “(\w+)”/.exec(l)?.slice(1).join(" "))).toEqual(["18 enterprise", "19 enterprise", "20 enterprise"]);
    // Under another scheme that has its kinds (the district's workbook for the comprehensive scheme): made, the kinds and groups taken again, said.
    const again = await cli(["template", "--units", "samples/qingshan-2026.xlsx", "--rubric", "township-comprehensive", "--year", "2027", "-o", join(dir, "z.xlsx")]);
    expect([again.code, again.err.split("\n").slice(0, 2)]).toEqual([0, ["samples/qingshan-2026.xlsx: 警告: 单位名单取自按方案 district-popplan 2022.1 读出的考核工作簿,模板却按方案 township-comprehensive 2026.1 制作:各单位的类型和分组按本方案重新认定,请核对下面的单位数;要沿用原方案,请用 --rubric 指定它 [units.from-workbook-other-rubric]", "单位名单共 22 个:乡镇(街道) 14 个(乡镇组 10 个、街道组 4 个);区直部门 8 个"]]);
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
    // A list kept in Excel (no assessment workbook): saved as CSV, as before.
    const list = join(dir, "名单.xlsx");
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet("名单").addRows([["城关镇"], ["东湖街道"]]);
    await plain.xlsx.writeFile(list);
    expect((await cli(["template", "--units", list, "-o", join(dir, "y.xlsx")])).err).toContain("[units.is-workbook]");
    // One that cannot be read at all is said as the reader says it, not as a list to save as CSV
    // (a copy cut short, an .xls renamed: a tester's find).
    const cut = join(dir, "去年.xlsx");
    const whole = readFileSync("samples/qingshan-2026.xlsx");
    writeFileSync(cut, whole.subarray(0, whole.length >> 1));
    const refused = await cli(["template", "--units", cut, "-o", join(dir, "from-cut.xlsx")]);
    expect([refused.code, refused.err]).toEqual([1, `${cut}: 错误: 文件不完整(可能下载或复制时中断);请重新获取完整的文件 [xlsx.truncated]\n`]);
    expect(existsSync(join(dir, "from-cut.xlsx"))).toBe(false);
  });
});

describe("a workbook linking to other workbooks", () => {
  it("is said to read their figures as cached, and to carry the links into the result (an e-mailed result carried another district's cached data unsaid)", async () => {
    const dir = scratchDir("assess-extlink-");
    const parts = unzipSync(new Uint8Array(readFileSync("samples/qingshan-2026.xlsx")));
    const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]!);
    parts["xl/_rels/workbook.xml.rels"] = strToU8(rels.replace("</Relationships>", '<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>'));
    parts["xl/externalLinks/externalLink1.xml"] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></externalLink>');
    const linked = join(dir, "链接.xlsx");
    writeFileSync(linked, zipSync(parts));
    const r = await cli(["validate", linked]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`${linked}: 警告: 此工作簿有 1 个外部链接(公式引用了其他工作簿)`);
    expect(r.err).toContain("[workbook.external-links]");
    // None in the sample: nothing said.
    expect((await cli(["validate", "samples/qingshan-2026.xlsx"])).err).not.toContain("external-links");
  });
});

describe("a very hidden cover", () => {
  it("is said to be read, as a very hidden line sheet is (it was said to be no assessment sheet, not read)", async () => {
    const dir = scratchDir("assess-vh-cover-");
    const parts = unzipSync(new Uint8Array(readFileSync("samples/qingshan-2026.xlsx")));
    const wb = strFromU8(parts["xl/workbook.xml"]!);
    expect(wb).toContain('name="封面" state="visible"');
    parts["xl/workbook.xml"] = strToU8(wb.replace('name="封面" state="visible"', 'name="封面" state="veryHidden"'));
    const book = join(dir, "封面.xlsx");
    writeFileSync(book, zipSync(parts));
    const r = await cli(["validate", book]);
    expect(r.err).toContain(`${book}: 封面: 警告: 此工作表被设为“深度隐藏”`);
    expect(r.err).toContain("[workbook.very-hidden-sheet]");
    expect(r.err).not.toContain("very-hidden-unread");
  });
});
