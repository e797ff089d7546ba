// The user's workbook comes back intact: every original part byte for byte (chart, pivot table
// and cache, custom properties, styles, defined names), our sheets added by patching only the
// workbook, its relationships and the content types; re-scoring replaces our sheets.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/xlsx/read/index.js";
import { dataRange } from "../../src/xlsx/read/entry.js";
import { openZip } from "../../src/xlsx/read/zip.js";
import { expectStylesKept } from "../helpers/styles.js";
import { cli } from "../helpers/cli.js";
import { scratchDir } from "../helpers/tmp.js";

const FIXTURE = "test/fixtures/chart-pivot.xlsx";
/** The package parts we change: the sheet list, its relationships, the content types, and the styles (ours appended). */
const PATCHED = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"];

/** The same archive with a ZIP64 end of central directory: readable, but not a layout we rewrite. */
function asZip64(zip: Buffer): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const offset = zip.readUInt32LE(eocd + 16);
  const rec = Buffer.alloc(56);
  rec.writeUInt32LE(0x06064b50, 0);
  rec.writeBigUInt64LE(44n, 4);
  rec.writeUInt16LE(45, 12);
  rec.writeUInt16LE(45, 14);
  rec.writeBigUInt64LE(BigInt(count), 24);
  rec.writeBigUInt64LE(BigInt(count), 32);
  rec.writeBigUInt64LE(BigInt(size), 40);
  rec.writeBigUInt64LE(BigInt(offset), 48);
  const loc = Buffer.alloc(20);
  loc.writeUInt32LE(0x07064b50, 0);
  loc.writeBigUInt64LE(BigInt(eocd), 8);
  loc.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([zip.subarray(0, eocd), rec, loc, end]);
}

/** Each entry's raw bytes as stored (local header onwards, compressed data included). */
function rawEntries(buf: Buffer): Map<string, { raw: Buffer; text: () => string }> {
  const zip = openZip(buf, DEFAULT_LIMITS);
  return new Map(
    zip.list.map((e) => {
      const { start, end } = dataRange(zip, e);
      const data = buf.subarray(start, end);
      return [e.name, { raw: data, text: () => (e.method === 0 ? data : inflateRawSync(data)).toString("utf8") }];
    }),
  );
}

const dir = scratchDir("assess-carry-");

async function opened(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A copy of a sheet's values under another name (as Excel's Move or Copy makes one, values alone), added last. */
function copySheet(wb: ExcelJS.Workbook, from: string, name: string): ExcelJS.Worksheet {
  const copy = wb.addWorksheet(name);
  wb.getWorksheet(from)!.eachRow((row, r) => row.eachCell((c, col) => void (copy.getCell(r, col).value = c.value)));
  return copy;
}

/** A result as an earlier version wrote it: its provenance sheet lists no sheets. */
async function earlierVersion(file: string): Promise<ExcelJS.Workbook> {
  const wb = await opened(file);
  const info = wb.getWorksheet("计分信息")!;
  info.spliceRows(info.getColumn(1).values.findIndex((v) => v === "本次写入的工作表"), 1);
  // (Nor the name it was written as, recorded since.)
  info.spliceRows(info.getColumn(1).values.findIndex((v) => v === "结果工作簿(写出时的文件名)"), 1);
  return wb;
}

/** The sample with sheets of the user's own added last (name → what its A1 says), scored, then its result scored again: both results. */
async function scoredTwice(stem: string, own: Record<string, string>): Promise<[string, string]> {
  const wb = await opened("samples/qingshan-2026.xlsx");
  for (const [name, text] of Object.entries(own)) wb.addWorksheet(name).getCell("A1").value = text;
  const input = join(dir, `${stem}.xlsx`);
  await wb.xlsx.writeFile(input);
  const [once, twice] = [join(dir, `${stem}.s1.xlsx`), join(dir, `${stem}.s2.xlsx`)];
  expect((await cli(["score", input, "-o", once])).code).toBe(0);
  expect((await cli(["score", once, "-o", twice])).code).toBe(0);
  return [once, twice];
}

describe("carrying the user's workbook", () => {
  it("keeps every original part byte for byte, patches only the package parts and appends to the styles", async () => {
    const input = join(dir, "office.xlsx");
    copyFileSync(FIXTURE, input);
    const r = await cli(["score", input]);
    expect(r.code).toBe(0);
    const before = rawEntries(readFileSync(input));
    const after = rawEntries(readFileSync(join(dir, "office.scored.xlsx")));
    const unselected: string[] = [];
    for (const [name, e] of before) {
      expect(after.has(name), name).toBe(true);
      if (PATCHED.includes(name) || after.get(name)!.raw.equals(e.raw)) continue;
      // The one other change: the user's selected tab is no longer selected, so that the
      // workbook opens on 综合排名 alone (two selected tabs open grouped in Excel).
      expect(after.get(name)!.text().replace('tabSelected="false"', 'tabSelected="true"'), name).toBe(e.text());
      unselected.push(name);
    }
    expect(unselected).toEqual(["xl/worksheets/sheet1.xml"]);
    for (const part of ["xl/charts/chart1.xml", "xl/pivotTables/pivotTable1.xml", "xl/pivotCache/pivotCacheDefinition1.xml", "xl/pivotCache/pivotCacheRecords1.xml", "docProps/custom.xml", "xl/styles.xml"]) {
      expect(before.has(part), part).toBe(true);
    }
    const wb = after.get("xl/workbook.xml")!.text();
    const original = before.get("xl/workbook.xml")!.text();
    for (const m of original.matchAll(/<sheet [^>]*\/>/g)) expect(wb).toContain(m[0]);
    expect(wb).toContain("满分");
    const sheets = [...wb.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(/activeTab="(\d+)"/.exec(wb)?.[1]).toBe(String(sheets.indexOf("综合排名")));
    // Every style the user's cells use means what it meant: each entry unchanged and in its place.
    expectStylesKept(before.get("xl/styles.xml")!.text(), after.get("xl/styles.xml")!.text());
    const added = [...after.keys()].filter((k) => !before.has(k));
    expect(added).toHaveLength(9);
    expect(added.every((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k))).toBe(true);
    const types = after.get("[Content_Types].xml")!.text();
    for (const k of added) expect(types).toContain(`PartName="/${k}"`);
  });

  it("re-scoring a scored workbook replaces our sheets, never duplicates them", async () => {
    const once = join(dir, "office.scored.xlsx");
    const twice = join(dir, "twice.xlsx");
    const r = await cli(["score", once, "-o", twice]);
    expect(r.code).toBe(0);
    const names = async (f: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      return wb.worksheets.map((w) => w.name);
    };
    expect(await names(twice)).toEqual(await names(once));
    expect((await names(twice)).filter((n) => n.includes("(2)"))).toEqual([]);
    const a = rawEntries(readFileSync(once));
    const b = rawEntries(readFileSync(twice));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    expect(b.get("xl/charts/chart1.xml")!.raw.equals(a.get("xl/charts/chart1.xml")!.raw)).toBe(true);
    // A formula of the user's reading a sheet replaced (=综合排名!G5) holds the old figure: the
    // workbook is worked out again on opening (Excel, WPS), where the first result needs it not.
    const calc = (m: Map<string, { text: () => string }>) => /<calcPr[^>]*>/.exec(m.get("xl/workbook.xml")!.text())?.[0] ?? "";
    expect(calc(a)).not.toContain("fullCalcOnLoad");
    expect(calc(b)).toContain('fullCalcOnLoad="1"');
  });

  it("names the sheets by the rubric in English too, and replaces those an earlier version named by id", async () => {
    const en = join(dir, "en.scored.xlsx");
    expect((await cli(["score", "samples/qingshan-2026.xlsx", "-o", en, "--lang", "en"])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(en);
    const ours = wb.worksheets.map((w) => w.name).slice(7);
    expect(ours).toEqual(["综合排名", "党政线排名", "人口计生线排名", "部门排名", "Scores (镇、街道)", "Scores (责任部门)", "Scoring notes", "Awards and sanctions", "Provenance"]);
    // As an earlier version named them in English: by the rankings' and kinds' ids.
    const ids: Record<string, string> = { 综合排名: "Ranking overall", 党政线排名: "Ranking DZ", 人口计生线排名: "Ranking JS", 部门排名: "Ranking BM", "Scores (镇、街道)": "Scores (town)", "Scores (责任部门)": "Scores (department)" };
    for (const ws of wb.worksheets) ws.name = ids[ws.name] ?? ws.name;
    // Whose provenance sheet did not list the sheets it wrote.
    const provenance = wb.getWorksheet("Provenance")!;
    const listed = provenance.getColumn(1).values.findIndex((v) => v === "Sheets written");
    expect(listed).toBeGreaterThan(0);
    provenance.spliceRows(listed, 1);
    const old = join(dir, "en-old.xlsx");
    await wb.xlsx.writeFile(old);
    const again = join(dir, "en-again.xlsx");
    expect((await cli(["score", old, "-o", again, "--lang", "en"])).code).toBe(0);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(again);
    expect(out.worksheets.map((w) => w.name).slice(7)).toEqual(ours);
  });

  it("shortens a unit kind's long name in its sheet's name, keeping the bracket within Excel's 31 characters, and replaces that sheet when scored again", async () => {
    const rubric = join(dir, "long-kind.yaml");
    const long = "区属国有企业和其他国有控股企业及事业单位联合体";
    writeFileSync(rubric, readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("name: 区属国有企业\n", `name: ${long}\n`));
    const names = async (file: string): Promise<string[]> => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      return wb.worksheets.map((w) => w.name).filter((n) => n.startsWith("Scores"));
    };
    const once = join(dir, "long-kind.xlsx");
    expect((await cli(["score", "samples/liuhe-2026.xlsx", "--rubric", rubric, "-o", once, "--lang", "en"])).code).toBe(0);
    // "Scores (" and 23 characters were cut at 31, its ")" lost.
    const shortened = "Scores (区属国有企业和其他国有控股企业及事业单位联…)";
    expect([...shortened].length).toBe(31);
    expect(await names(once)).toEqual(["Scores (乡镇(街道))", "Scores (区直部门)", shortened]);
    const twice = join(dir, "long-kind-again.xlsx");
    expect((await cli(["score", once, "--rubric", rubric, "-o", twice, "--lang", "en"])).code).toBe(0);
    expect(await names(twice)).toEqual(await names(once));
  });

  it("adds no styles when a result is scored again: the earlier run's, there already, are used (each run added 33 formats and 6 fonts)", async () => {
    const [once, twice] = await scoredTwice("styles-again", {});
    const counts = (file: string): string[] => {
      const styles = strFromU8(unzipSync(readFileSync(file))["xl/styles.xml"]!);
      return ["numFmts", "fonts", "fills", "borders", "cellXfs"].map((l) => `${l} ${new RegExp(`<${l} count="(\\d+)"`).exec(styles)?.[1]}`);
    };
    expect(counts(twice)).toEqual(counts(once));
    // And the styles part of the first result is carried as it was.
    const styles = (file: string): string => strFromU8(unzipSync(readFileSync(file))["xl/styles.xml"]!);
    expectStylesKept(styles(once), styles(twice));
  });

  it("never takes for ours a user's last sheet named as our notes, and scores a result whose sheets were moved or had one put among them", async () => {
    // A user's own 计分说明, the last of the user's sheets (ours then come right after it).
    const [once, twice] = await scoredTwice("notes-name", { 计分说明: "我的说明" });
    const after = await opened(twice);
    expect(after.getWorksheet("计分说明")?.getCell("A1").value).toBe("我的说明");
    expect(after.worksheets.map((w) => w.name).filter((n) => n.startsWith("计分说明"))).toEqual(["计分说明", "计分说明 (2)"]);
    // A user's sheet put among ours, and our notes moved to the front: scored again all the same
    // (ours left where they were are not read as input), the user's sheet kept.
    const moved = await opened(once);
    const mine = moved.addWorksheet("我的备注");
    mine.getCell("A1").value = "mine";
    const list = moved.worksheets.filter((w) => w !== mine);
    const at = list.findIndex((w) => w.name === "综合排名");
    const notes = list.find((w) => w.name === "计分说明 (2)")!;
    [notes, ...list.slice(0, at + 1).filter((w) => w !== notes), mine, ...list.slice(at + 1).filter((w) => w !== notes)].forEach((w, i) => ((w as unknown as { orderNo: number }).orderNo = i)); // the order exceljs writes them in (not in its typings)
    const shuffled = join(dir, "notes-name.moved.xlsx");
    await moved.xlsx.writeFile(shuffled);
    const r = await cli(["score", shuffled, "-o", join(dir, "notes-name.s3.xlsx")]);
    expect([r.code, r.err.split("\n").filter((l) => l.includes("错误"))]).toEqual([0, []]);
    expect((await opened(join(dir, "notes-name.s3.xlsx"))).getWorksheet("我的备注")?.getCell("A1").value).toBe("mine");
  });

  it("puts the result sheets where the earlier run's were when a result is scored again: a sheet the user added after them (领导批示) stays after them", async () => {
    const once = join(dir, "order.s1.xlsx");
    expect((await cli(["score", "samples/qingshan-2026.xlsx", "-o", once])).code).toBe(0);
    const wb = await opened(once);
    const ours = wb.worksheets.map((w) => w.name).slice(wb.worksheets.findIndex((w) => w.name === "综合排名"));
    const note = wb.addWorksheet("领导批示");
    note.getCell("A1").value = "请复核东湖街道";
    // Its own print titles, whose sheet index moves with it.
    note.pageSetup.printTitlesRow = "1:1";
    const annotated = join(dir, "order.annotated.xlsx");
    await wb.xlsx.writeFile(annotated);
    const twice = join(dir, "order.s2.xlsx");
    expect((await cli(["score", annotated, "-o", twice])).code).toBe(0);
    const out = await opened(twice);
    const names = out.worksheets.map((w) => w.name);
    expect(names.slice(-ours.length - 1)).toEqual([...ours, "领导批示"]);
    expect(out.getWorksheet("领导批示")?.getCell("A1").value).toBe("请复核东湖街道");
    // The workbook opens on 综合排名, and each print title names its own sheet's header rows.
    const xml = rawEntries(readFileSync(twice)).get("xl/workbook.xml")!.text();
    expect(/activeTab="(\d+)"/.exec(xml)?.[1]).toBe(String(names.indexOf("综合排名")));
    const titles = [...xml.matchAll(/<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)">([^<]*)</g)];
    expect(titles.map((m) => names[Number(m[1])])).toContain("领导批示");
    for (const m of titles) {
      expect(m[2]!.replace(/&#39;|&apos;/g, "'"), m[0]).toContain(`'${names[Number(m[1])]}'!`);
    }
  });

  it("leaves a user's own sheet called 综合排名 alone and names ours beside it", async () => {
    const input = join(dir, "own-name.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/qingshan-2026.xlsx");
    wb.addWorksheet("综合排名").getCell("A1").value = "我自己的表";
    await wb.xlsx.writeFile(input);
    expect((await cli(["score", input])).code).toBe(0);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(join(dir, "own-name.scored.xlsx"));
    expect(out.getWorksheet("综合排名")?.getCell("A1").value).toBe("我自己的表");
    expect(out.getWorksheet("综合排名 (2)")?.getCell("A3").value).toBe("名次");
  });

  it("keeps a user's own sheets named as ours were (综合排名, Ranking overall) when the result is scored again", async () => {
    const [once, twice] = await scoredTwice("own-names", { 综合排名: "我的表", "Ranking overall": "mine too" });
    for (const f of [once, twice]) {
      const out = await opened(f);
      expect(out.getWorksheet("综合排名")?.getCell("A1").value, f).toBe("我的表");
      expect(out.getWorksheet("Ranking overall")?.getCell("A1").value, f).toBe("mine too");
      expect(out.worksheets.filter((w) => w.name.startsWith("综合排名")).length, f).toBe(2);
    }
  });

  it("keeps a user's sheet put among ours and named as one of ours would be: the provenance sheet lists the sheets its run wrote", async () => {
    const [once] = await scoredTwice("among", { 计分说明: "我的说明" });
    const wb = await opened(once);
    const info = wb.getWorksheet("计分信息")!;
    const listed = info.getColumn(1).values.findIndex((v) => v === "本次写入的工作表");
    const ours = wb.worksheets.map((w) => w.name).slice(wb.worksheets.findIndex((w) => w.name === "综合排名"));
    expect(String(info.getCell(listed, 2).value).split(" / ")).toEqual(ours);
    expect(ours).toContain("计分说明 (2)");
    // Sheets of the user's named as ours are, put among ours: after 综合排名, and before our notes.
    const own: Record<string, string> = { "综合排名 (2)": "mine 1", "Ranking overall": "mine 2", 部门排名x: "mine 3" };
    const added = Object.entries(own).map(([name, text]) => {
      const ws = wb.addWorksheet(name);
      ws.getCell("A1").value = text;
      return ws;
    });
    const list = wb.worksheets.filter((w) => !added.includes(w));
    const at = (name: string): number => list.findIndex((w) => w.name === name);
    const order = [...list.slice(0, at("综合排名") + 1), added[0]!, added[1]!, ...list.slice(at("综合排名") + 1, at("计分说明 (2)")), added[2]!, ...list.slice(at("计分说明 (2)"))];
    order.forEach((w, i) => ((w as unknown as { orderNo: number }).orderNo = i)); // the order exceljs writes them in (not in its typings)
    const edited = join(dir, "among.edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const again = join(dir, "among.s3.xlsx");
    const r = await cli(["score", edited, "-o", again]);
    expect([r.code, r.err.split("\n").filter((l) => l.includes("错误"))]).toEqual([0, []]);
    const out = await opened(again);
    for (const [name, text] of Object.entries(own)) expect(out.getWorksheet(name)?.getCell("A1").value, name).toBe(text);
    // The user's own 计分说明 too; ours replaced, not doubled.
    expect(out.getWorksheet("计分说明")?.getCell("A1").value).toBe("我的说明");
    const names = out.worksheets.map((w) => w.name);
    expect(names.filter((n) => n === "计分信息" || n.startsWith("计分信息 ("))).toEqual(["计分信息"]);
    expect(names.length).toBe(wb.worksheets.length);
  });

  it("tells our sheets by what they say: a copy or a renamed one is kept and never read, a user's sheet given one of our names is kept", async () => {
    const once = join(dir, "content.s1.xlsx");
    expect((await cli(["score", "samples/qingshan-2026.xlsx", "-o", once])).code).toBe(0);
    const wb = await opened(once);
    // Excel's Move or Copy of 计分信息 (named 计分信息 (2), put last), a note of the user's added to it.
    const info = wb.getWorksheet("计分信息")!;
    copySheet(wb, "计分信息", "计分信息 (2)").getCell("A20").value = "初评时的计分信息,请保留";
    // Our 计分说明 renamed (kept as the first assessment's); our 奖惩名单 deleted and one of the user's made in its name.
    wb.getWorksheet("计分说明")!.name = "计分说明-初评";
    wb.removeWorksheet(wb.getWorksheet("奖惩名单")!.id);
    wb.addWorksheet("奖惩名单").getCell("A1").value = "报局党组审定稿";
    // The record naming 封面 as well (a slip of the pen): the cover is no result of ours.
    const listed = info.getColumn(1).values.findIndex((v) => v === "本次写入的工作表");
    info.getCell(listed, 2).value = `封面 / ${String(info.getCell(listed, 2).value)}`;
    const edited = join(dir, "content.edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const again = join(dir, "content.s2.xlsx");
    const r = await cli(["score", edited, "-o", again]);
    expect([r.code, r.err.split("\n").filter((l) => l.includes("错误"))]).toEqual([0, []]);
    expect(r.err).toContain(`${edited}: '计分说明-初评': 警告: 工作表 计分说明-初评 / 计分信息 (2) 是以前计分写入的结果,不作为输入读取;不在本次替换之列(已改名、复制,或其计分信息已删除),其中的数字不会更新;不需要的请删除 [workbook.old-results]`);
    const out = await opened(again);
    expect(out.getWorksheet("计分信息 (2)")?.getCell("A20").value).toBe("初评时的计分信息,请保留");
    expect(out.getWorksheet("计分说明-初评")?.getCell("A1").value).toBe("青山区2026年度计分说明");
    expect(out.getWorksheet("奖惩名单")?.getCell("A1").value).toBe("报局党组审定稿");
    expect(out.getWorksheet("奖惩名单 (2)")?.getCell("A1").value).toBe("青山区2026年度奖惩名单");
    expect(out.getWorksheet("封面")?.getCell("A1").value).toBe((await opened("samples/qingshan-2026.xlsx")).getWorksheet("封面")?.getCell("A1").value);
    // Its provenance sheet deleted: the old sheets are kept, not read (no error about our own columns), and said.
    const bare = await opened(once);
    bare.removeWorksheet(bare.getWorksheet("计分信息")!.id);
    const noInfo = join(dir, "content.noinfo.xlsx");
    await bare.xlsx.writeFile(noInfo);
    const n = await cli(["score", noInfo, "-o", join(dir, "content.s3.xlsx")]);
    expect([n.code, n.err.split("\n").filter((l) => l.includes("错误"))]).toEqual([0, []]);
    expect(n.err).toContain("工作表 综合排名 / 党政线排名 / 人口计生线排名 / 部门排名 / 得分明细(镇、街道) / 得分明细(责任部门) / 计分说明 / 奖惩名单 是以前计分写入的结果");
  });

  it("takes the provenance sheet of the last run, not a copy kept beside it, to tell whose result an output is", async () => {
    const once = join(dir, "copy-info.s1.xlsx");
    expect((await cli(["score", "samples/qingshan-2026.xlsx", "-o", once])).code).toBe(0);
    const wb = await opened(once);
    copySheet(wb, "计分信息", "计分信息 (2)");
    const edited = join(dir, "copy-info.edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const out = join(dir, "copy-info.out.xlsx");
    expect((await cli(["score", edited, "-o", out])).code).toBe(0);
    // Its own earlier result (the kept copy, which names qingshan-2026.xlsx, comes before ours): replaced.
    const again = await cli(["score", edited, "-o", out]);
    expect([again.code, again.err.split("\n").filter((l) => l.includes("错误"))]).toEqual([0, []]);
    // Another workbook's (by a slip of -o): not, whatever the copy says.
    const before = readFileSync(out);
    const slip = await cli(["score", "samples/qingshan-2026.xlsx", "-o", out]);
    expect([slip.code, slip.err.includes("[file.result-of-other]")]).toEqual([2, true]);
    expect(readFileSync(out).equals(before)).toBe(true);
  });

  it("does not replace an earlier result holding a copy of one of our sheets (the user's now), and reads a listed sheet that does not say it is ours", async () => {
    const result = join(dir, "kept-copy.xlsx");
    expect((await cli(["score", "samples/qingshan-2026.xlsx", "-o", result])).code).toBe(0);
    const wb = await opened(result);
    copySheet(wb, "综合排名", "综合排名(初评)");
    await wb.xlsx.writeFile(result);
    const refused = await cli(["score", "samples/qingshan-2026.xlsx", "-o", result]);
    expect([refused.code, refused.err.includes("输入工作簿没有的工作表(综合排名(初评))")]).toEqual([2, true]);
    // The list names 加扣分 and has a slip or two (a name that is no sheet, one twice, a trailing slash): 加扣分 is still read.
    const listed = await opened(join(dir, "kept-copy.xlsx"));
    const infoSheet = listed.getWorksheet("计分信息")!;
    const row = infoSheet.getColumn(1).values.findIndex((v) => v === "本次写入的工作表");
    const names = String(infoSheet.getCell(row, 2).value);
    infoSheet.getCell(row, 2).value = `加扣分 / ${names.split(" / ").reverse().join(" / ")} / 没有这张表 / 综合排名 / `;
    const slipped = join(dir, "kept-copy.listed.xlsx");
    await listed.xlsx.writeFile(slipped);
    const first = JSON.parse((await cli(["score", "samples/qingshan-2026.xlsx", "--json", "-o", join(dir, "kept-copy.j1.xlsx")])).out) as { units: { name: string; total: number }[] };
    const r = await cli(["score", slipped, "--json", "-o", join(dir, "kept-copy.j2.xlsx")]);
    expect(r.err).not.toContain("[workbook.no-ledger-sheet]");
    const second = JSON.parse(r.out) as { units: { name: string; total: number }[] };
    expect(second.units.map((u) => [u.name, u.total])).toEqual(first.units.map((u) => [u.name, u.total]));
    // Our sheets replaced (not kept beside new ones): as many sheets as before, the user's copy among them.
    expect((await opened(join(dir, "kept-copy.j2.xlsx"))).worksheets.length).toBe(listed.worksheets.length);
  });

  it("drops Excel's calculation chain when sheets are replaced (it would name cells of sheets gone)", async () => {
    const once = join(dir, "chain.s1.xlsx");
    expect((await cli(["score", "samples/qingshan-2026.xlsx", "-o", once])).code).toBe(0);
    const parts = unzipSync(new Uint8Array(readFileSync(once)));
    parts["xl/calcChain.xml"] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="J5" i="8"/></calcChain>');
    const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]!);
    parts["xl/_rels/workbook.xml.rels"] = strToU8(rels.replace("</Relationships>", '<Relationship Id="rIdChain" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'));
    const types = strFromU8(parts["[Content_Types].xml"]!);
    parts["[Content_Types].xml"] = strToU8(types.replace("</Types>", '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'));
    const chained = join(dir, "chain.edited.xlsx");
    writeFileSync(chained, zipSync(parts));
    const twice = join(dir, "chain.s2.xlsx");
    expect((await cli(["score", chained, "-o", twice])).code).toBe(0);
    const out = unzipSync(new Uint8Array(readFileSync(twice)));
    expect(Object.keys(out)).not.toContain("xl/calcChain.xml");
    expect(strFromU8(out["xl/_rels/workbook.xml.rels"]!)).not.toContain("calcChain");
    expect(strFromU8(out["[Content_Types].xml"]!)).not.toContain("calcChain");
    // The first scoring removes no sheet: a chain there stays as it is.
    const fresh = join(dir, "chain.fresh.xlsx");
    const input = unzipSync(new Uint8Array(readFileSync("samples/qingshan-2026.xlsx")));
    input["xl/calcChain.xml"] = parts["xl/calcChain.xml"]!;
    input["xl/_rels/workbook.xml.rels"] = strToU8(strFromU8(input["xl/_rels/workbook.xml.rels"]!).replace("</Relationships>", '<Relationship Id="rIdChain" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'));
    writeFileSync(fresh, zipSync(input));
    expect((await cli(["score", fresh, "-o", join(dir, "chain.fresh.out.xlsx")])).code).toBe(0);
    expect(Object.keys(unzipSync(new Uint8Array(readFileSync(join(dir, "chain.fresh.out.xlsx")))))).toContain("xl/calcChain.xml");
  });

  it("reads input sheets whose title rows happen to hold our rubric line, and knows ours with a row put above their title", async () => {
    const line = "考核方案:完善人口计生目标管理责任制考核办法(district-popplan 2022.1)";
    const wb = await opened("samples/qingshan-2026.xlsx");
    for (const name of ["党政线", "人口计生线", "部门", "指标数据", "加扣分"]) wb.getWorksheet(name)!.spliceRows(1, 0, [`青山区2026年度 ${name}`], [line]);
    const titled = join(dir, "titled.xlsx");
    await wb.xlsx.writeFile(titled);
    const r = await cli(["score", titled, "--json", "-o", join(dir, "titled.out.xlsx")]);
    expect([r.code, r.err.includes("以前计分写入的结果")]).toEqual([0, false]);
    expect(r.err).toContain("加扣分!F9: 警告");
    const plain = JSON.parse((await cli(["score", "samples/qingshan-2026.xlsx", "--json", "-o", join(dir, "titled.plain.xlsx")])).out) as { units: { name: string; total: number }[] };
    expect((JSON.parse(r.out) as typeof plain).units.map((u) => [u.name, u.total])).toEqual(plain.units.map((u) => [u.name, u.total]));
    // A row put above the title of our sheets (内部资料), or the title deleted: still ours, replaced.
    const once = await opened(join(dir, "titled.plain.xlsx"));
    once.getWorksheet("得分明细(镇、街道)")!.spliceRows(1, 0, ["内部资料 注意保密"]);
    once.getWorksheet("计分说明")!.spliceRows(1, 1);
    const marked = join(dir, "titled.marked.xlsx");
    await once.xlsx.writeFile(marked);
    const again = await cli(["score", marked, "-o", join(dir, "titled.again.xlsx")]);
    expect([again.code, again.err.split("\n").filter((l) => l.includes("错误") || l.includes("以前计分"))]).toEqual([0, []]);
    expect((await opened(join(dir, "titled.again.xlsx"))).worksheets.length).toBe(once.worksheets.length);
  });

  it("in an earlier version's result, replaces the sheet named exactly as ours and keeps a copy beside it, wherever the copy is", async () => {
    // Copies put where Move or Copy puts them (before the original), or after it.
    const wb = await earlierVersion(join(dir, "titled.plain.xlsx"));
    const order = (w: ExcelJS.Workbook, name: string, before: string) => {
      const list = w.worksheets.filter((x) => x.name !== name);
      const at = list.findIndex((x) => x.name === before);
      [...list.slice(0, at), w.getWorksheet(name)!, ...list.slice(at)].forEach((x, i) => ((x as unknown as { orderNo: number }).orderNo = i));
    };
    copySheet(wb, "计分信息", "计分信息 (2)");
    copySheet(wb, "计分说明", "计分说明 (2)");
    copySheet(wb, "综合排名", "综合排名 (2)");
    // And one left last, after the provenance sheet.
    copySheet(wb, "奖惩名单", "奖惩名单 (2)");
    order(wb, "计分信息 (2)", "计分信息");
    order(wb, "计分说明 (2)", "计分说明");
    order(wb, "综合排名 (2)", "党政线排名");
    const file = join(dir, "legacy-copies.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cli(["score", file, "-o", join(dir, "legacy-copies.out.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("工作表 综合排名 (2) / 计分说明 (2) / 计分信息 (2) / 奖惩名单 (2) 是以前计分写入的结果");
    const out = await opened(join(dir, "legacy-copies.out.xlsx"));
    expect(out.worksheets.length).toBe(wb.worksheets.length);
    // The copies are kept as they were; ours are new (综合排名 named as before, not 综合排名 (3)).
    expect(out.getWorksheet("综合排名 (2)")).toBeDefined();
    expect(out.getWorksheet("综合排名 (3)")).toBeUndefined();
    // Scoring the sample onto it: the copies would be lost, so it is refused.
    const refused = await cli(["score", "samples/qingshan-2026.xlsx", "-o", file]);
    expect([refused.code, refused.err.includes("[file.result-has-own-sheets-saved-since]")]).toEqual([2, true]);
    // A list retyped past reading (、 between the names) is read as an earlier version's: nothing doubled.
    const garbled = await opened(join(dir, "titled.plain.xlsx"));
    const info = garbled.getWorksheet("计分信息")!;
    const row = info.getColumn(1).values.findIndex((v) => v === "本次写入的工作表");
    info.getCell(row, 2).value = String(info.getCell(row, 2).value).split(" / ").join("、");
    const g = join(dir, "list-comma.xlsx");
    await garbled.xlsx.writeFile(g);
    const again = await cli(["score", g, "-o", join(dir, "list-comma.out.xlsx")]);
    expect([again.code, again.err.includes("以前计分写入的结果")]).toEqual([0, false]);
    expect((await opened(join(dir, "list-comma.out.xlsx"))).worksheets.length).toBe(garbled.worksheets.length);
  });

  it("a user's sheet made in place of ours in an earlier result, and a list retyped with full-width slashes or on lines of its own", async () => {
    const result = join(dir, "own-awards.xlsx");
    expect((await cli(["score", "samples/qingshan-2026.xlsx", "-o", result])).code).toBe(0);
    const wb = await opened(result);
    wb.removeWorksheet(wb.getWorksheet("奖惩名单")!.id);
    wb.addWorksheet("奖惩名单").getCell("A1").value = "报局党组审定稿";
    await wb.xlsx.writeFile(result);
    const refused = await cli(["score", "samples/qingshan-2026.xlsx", "-o", result]);
    expect([refused.code, refused.err.includes("输入工作簿没有的工作表(奖惩名单)")]).toEqual([2, true]);
    // The list retyped: ／ for /, or a name a line. Ours still replaced, none doubled.
    // Two names left out of it: those named exactly as ours are ours all the same.
    for (const [sep, stem] of [[" ／ ", "wide"], ["\n", "lines"], [" / ", "short"]] as const) {
      const once = await opened(join(dir, "titled.plain.xlsx"));
      const info = once.getWorksheet("计分信息")!;
      const row = info.getColumn(1).values.findIndex((v) => v === "本次写入的工作表");
      const names = String(info.getCell(row, 2).value).split(" / ");
      info.getCell(row, 2).value = (stem === "short" ? names.filter((n) => n !== "部门排名" && n !== "得分明细(镇、街道)") : names).join(sep);
      const file = join(dir, `list-${stem}.xlsx`);
      await once.xlsx.writeFile(file);
      const r = await cli(["score", file, "-o", join(dir, `list-${stem}.out.xlsx`)]);
      expect([r.code, r.err.includes("以前计分写入的结果")], stem).toEqual([0, false]);
      expect((await opened(join(dir, `list-${stem}.out.xlsx`))).worksheets.length, stem).toBe(once.worksheets.length);
    }
  });

  it("a package that cannot be extended safely gets the results alone, and says so", async () => {
    const input = join(dir, "stub.xlsx");
    writeFileSync(input, asZip64(readFileSync("samples/qingshan-2026.xlsx")));
    const r = await cli(["score", input]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("[carry.zip64]");
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(join(dir, "stub.scored.xlsx"));
    expect(out.worksheets.map((w) => w.name)).toEqual(["综合排名", "党政线排名", "人口计生线排名", "部门排名", "得分明细(镇、街道)", "得分明细(责任部门)", "计分说明", "奖惩名单", "计分信息"]);
    const head = out.getWorksheet("综合排名")!.getCell("A3");
    expect(head.value).toBe("名次");
    expect(head.font?.bold).toBe(true);
    expect(out.getWorksheet("综合排名")!.getCell("A1").value).toMatch(/综合排名/);
  });

  it.skipIf(!existsSync("/usr/bin/soffice"))("LibreOffice re-reads the chart and the pivot table of the result", () => {
    const out = join(dir, "lo");
    execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${join(dir, "profile")}`, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, join(dir, "office.scored.xlsx")], { stdio: "ignore", timeout: 120_000 });
    const names = [...rawEntries(readFileSync(join(out, "office.scored.xlsx"))).keys()];
    expect(names).toContain("xl/charts/chart1.xml");
    expect(names.some((n) => n.startsWith("xl/pivotTables/"))).toBe(true);
    expect(names).toContain("docProps/custom.xml");
  });
});

describe("a user's own sheets named like ours", () => {
  const dir = scratchDir("assess-own-names-");

  it("are kept (and our sheets named apart) where the workbook is not an earlier result: a sheet of the provenance sheet's name is ours only by what it says", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/qingshan-2026.xlsx");
    wb.addWorksheet("综合排名").getCell("A1").value = "我自己的手工排名";
    wb.addWorksheet("计分信息").getCell("A1").value = "我的备注";
    const input = join(dir, "own.xlsx");
    await wb.xlsx.writeFile(input);
    const out = join(dir, "own.scored.xlsx");
    const r = await cli(["score", input, "-o", out]);
    expect(r.code, r.err).toBe(0);
    const scored = new ExcelJS.Workbook();
    await scored.xlsx.readFile(out);
    const names = scored.worksheets.map((s) => s.name);
    expect(scored.getWorksheet("综合排名")?.getCell("A1").value).toBe("我自己的手工排名");
    expect(scored.getWorksheet("计分信息")?.getCell("A1").value).toBe("我的备注");
    // Ours are there too, under names of their own.
    expect(names.filter((n) => n.startsWith("综合排名"))).toHaveLength(2);
    expect(names.filter((n) => n.startsWith("计分信息"))).toHaveLength(2);
    // Scored again, the result is an earlier result of ours: our sheets are replaced, the user's stay.
    const again = join(dir, "own.scored (2).xlsx");
    expect((await cli(["score", out, "-o", again])).code).toBe(0);
    const twice = new ExcelJS.Workbook();
    await twice.xlsx.readFile(again);
    expect(twice.worksheets.map((s) => s.name)).toEqual(names);
    // And a workbook of the user's with a sheet of that name is not written over without --force.
    const refused = await cli(["score", "samples/qingshan-2026.xlsx", "-o", input]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("文件已存在,且不是 assess 此前写出的同类结果");
  });
});

describe("a workbook saved macro-enabled", () => {
  it("is scored, its result holding the result sheets alone, and the clerk told how to keep theirs (save as .xlsx)", async () => {
    const parts = unzipSync(readFileSync("samples/qingshan-2026.xlsx"));
    const types = strFromU8(parts["[Content_Types].xml"]!);
    expect(types).toContain("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
    parts["[Content_Types].xml"] = strToU8(types.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"));
    const dir = scratchDir("assess-xlsm-");
    const book = join(dir, "青山区.xlsm");
    writeFileSync(book, zipSync(parts));
    const r = await cli(["score", book, "-o", join(dir, "out.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`${book}: 警告: 工作簿是启用宏的格式(.xlsm),为免结果文件无法打开,结果文件只含计分结果工作表。如要结果中保留原有工作表,请另存为 .xlsx 后再计分 [carry.macro]`);
    // Renamed .xlsx, it is still macro-enabled inside: to save it as .xlsx is to choose the type, not the name.
    const renamed = join(dir, "青山区.xlsx");
    writeFileSync(renamed, zipSync(parts));
    const again = await cli(["score", renamed, "-o", join(dir, "again.xlsx")]);
    expect(again.code).toBe(0);
    expect(again.err).toContain(`${renamed}: 警告: 工作簿实际是启用宏的格式(.xlsm),只是文件名改成了 .xlsx;为免结果文件无法打开,结果文件只含计分结果工作表。如要结果中保留原有工作表,请用“另存为”,保存类型选“Excel 工作簿(*.xlsx)”,再计分 [carry.macro-named-xlsx]`);
    // Saved as .xlsx as advised, scored onto the .xlsm's result: the same workbook's, replaced (it was
    // refused as another workbook's result).
    const first = join(dir, "青山区.scored.xlsx");
    expect((await cli(["score", book])).code).toBe(0);
    writeFileSync(renamed, readFileSync("samples/qingshan-2026.xlsx"));
    const saved = await cli(["score", renamed]);
    expect([saved.code, saved.err.trim().split("\n").at(-1)]).toEqual([0, `已写入 ${first}(替换了此前写出的同名结果)`]);
  });

  it("holds macros linked in a workbook not declared to hold them as one declared: its result the result sheets alone (they were carried unsaid)", async () => {
    const parts = unzipSync(readFileSync("samples/qingshan-2026.xlsx"));
    const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]!);
    parts["xl/_rels/workbook.xml.rels"] = strToU8(rels.replace("</Relationships>", '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
    parts["xl/vbaProject.bin"] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const dir = scratchDir("assess-vba-");
    const book = join(dir, "青山区.xlsx");
    writeFileSync(book, zipSync(parts));
    const out = join(dir, "out.xlsx");
    const r = await cli(["score", book, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("[carry.macro-named-xlsx]");
    expect(Object.keys(unzipSync(readFileSync(out))).filter((k) => k.includes("vbaProject"))).toEqual([]);
  });
});

describe("a workbook saved as an Excel template (.xltx)", () => {
  it("is scored into a workbook Excel opens: the result's workbook part marked a workbook, not a template; its sheets carried", async () => {
    const parts = unzipSync(readFileSync("samples/qingshan-2026.xlsx"));
    const types = strFromU8(parts["[Content_Types].xml"]!);
    const TEMPLATE = "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml";
    parts["[Content_Types].xml"] = strToU8(types.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", TEMPLATE));
    const dir = scratchDir("assess-xltx-");
    const book = join(dir, "青山区.xltx");
    writeFileSync(book, zipSync(parts));
    const out = join(dir, "青山区.scored.xlsx");
    expect((await cli(["score", book, "-o", out])).code).toBe(0);
    const written = unzipSync(readFileSync(out));
    const typesOut = strFromU8(written["[Content_Types].xml"]!);
    expect(typesOut).not.toContain(TEMPLATE);
    expect(typesOut).toMatch(/<Override PartName="\/xl\/workbook.xml" ContentType="application\/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main\+xml"\/>/);
    // The user's sheets still there, byte for byte.
    expect(written["xl/worksheets/sheet2.xml"]).toEqual(parts["xl/worksheets/sheet2.xml"]);
  });
});
