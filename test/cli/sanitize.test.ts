// What we write is safe whatever the input holds: characters XML forbids (C0 controls, U+FFFE)
// never reach a result sheet, and a unit named like a formula stays text.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../xlsx/helpers.js";
import { cli } from "../helpers/cli.js";
import { scratchDir } from "../helpers/tmp.js";

const dir = scratchDir("assess-sanitize-");

/** The sample written as `name` with texts of its shared strings replaced, each everywhere it stands (`_x0007_`: OOXML's escape for a control inside text). */
function withTexts(name: string, texts: Readonly<Record<string, string>>): string {
  const parts = unzipSync(new Uint8Array(readFileSync("samples/qingshan-2026.xlsx")));
  let sst = strFromU8(parts["xl/sharedStrings.xml"]!);
  for (const [was, now] of Object.entries(texts)) {
    expect(sst).toContain(`>${was}<`);
    sst = sst.split(`>${was}<`).join(`>${now}<`);
  }
  parts["xl/sharedStrings.xml"] = strToU8(sst);
  const file = join(dir, name);
  writeFileSync(file, zipSync(parts));
  return file;
}

/** The sample with two unit names changed everywhere (they are shared strings). */
function renamed(): string {
  // _x0007_ and _xFFFE_ are OOXML's escapes for a BEL control and U+FFFE inside text.
  return withTexts("odd-names.xlsx", { 城关镇: "城关_x0007_镇_xFFFE_", 东湖街道: "=1+1" });
}

describe("sanitising what we write", () => {
  it("drops XML-forbidden characters from names and keeps formula-like names as text", async () => {
    const input = renamed();
    const out = join(dir, "odd-names.scored.xlsx");
    const r = await cli(["score", input, "-o", out]);
    expect(r.code).toBe(0);
    // Our own strict reader accepts the result (it refuses malformed XML)...
    const book = (await readXlsx(out, readFileSync(out))).book!;
    const ranking = book.sheets.find((s) => s.name === "综合排名")!;
    // Title, subtitle and header rows, then a row per unit with its name in column B.
    const names = ranking.rows.slice(3).map((row) => row.find((c) => c.col === 2)?.value);
    expect(names).toContainEqual({ t: "s", v: "城关镇" });
    expect(names).toContainEqual({ t: "s", v: "=1+1" });
    // ...and so does exceljs, which sees a string, not a formula.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cells: unknown[] = [];
    wb.getWorksheet("综合排名")!.getColumn(2).eachCell((c) => cells.push(c.value));
    expect(cells).toContain("=1+1");
    expect(cells.some((v) => typeof v === "object" && v !== null && "formula" in v)).toBe(false);
  });
});

describe("a cell's control characters", () => {
  it("show nothing, and are dropped as characters that show nothing are: never sent to a terminal (an escape in a ledger note coloured it), and a unit's name with a bell is the unit", async () => {
    // _x001B_ is OOXML's escape for ESC inside text: ESC [31m turns a terminal's text red.
    const file = withTexts("escape-in-note.xlsx", { 国家级示范申报: "国家级_x001B_[31m示范_x0007_申报", 新华街道: "新华_x0007_街道" });
    const diffed = await cli(["diff", "samples/qingshan-2026.xlsx", file]);
    expect(diffed.code).toBe(0);
    expect(diffed.out).toContain("→ JF2 国家级 申报中 说明 “国家级[31m示范申报”");
    expect([...diffed.out].some((c) => c === "\u0007" || c === "\u001b")).toBe(false);
    // The unit is 新华街道 as before (it was a unit of its own, named with a character nobody can type).
    expect(diffed.out).not.toContain("新增单位");
    expect((await cli(["explain", file, "新华街道"])).code).toBe(0);
    // The cover's too.
    const district = withTexts("escape-in-cover.xlsx", { 青山区: "青山_x001B_[41m区" });
    const covers = await cli(["diff", "samples/qingshan-2026.xlsx", district]);
    expect(covers.out).toContain("青山[41m区");
    expect([...covers.out].some((c) => c === "\u001b")).toBe(false);
    const explained = await cli(["explain", file, "青石镇"]);
    expect(explained.code).toBe(0);
    expect(explained.out).toContain("国家级[31m示范申报");
    expect([...explained.out].some((c) => c === "\u0007" || c === "\u001b")).toBe(false);
  });
});
