// The worksheet writer: every cell carries its reference; compact (a province's results), cells
// directly after the one before them carry none while the first cell of a row and a cell after a
// gap still do; either way every cell lands in its column for exceljs and for our own reader, in
// a workbook written with our styles as well as without.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { nodeHost } from "../../src/cli/host.js";
import { MAX_CELL_TEXT, worksheetXml, type Value, type Worksheet } from "../../src/xlsx/write/worksheet.js";
import { writeNewPackage } from "../../src/xlsx/write/package.js";
import { ZipWriter } from "../../src/xlsx/write/zip-writer.js";
import { readXlsx } from "./helpers.js";

const NAME = "测试";
const rows: { cells: Value[]; tinted?: boolean }[] = [
  { cells: ["单位", "代码", "得分", "满分", "说明"] },
  { cells: ["甲镇", "DZ1", 2.5, 5, "达标"] },
  // gaps: no points, no max; a leading gap
  { cells: ["乙镇", "KF5", null, "", "未如实上报"] },
  { cells: [null, "X", 1] },
  { cells: ["丙镇", " 前后空格 ", 0.05, 100, "a < b & c"], tinted: true },
];

const expected = [
  ["甲镇", "DZ1", 2.5, 5, "达标"],
  ["乙镇", "KF5", null, null, "未如实上报"],
  [null, "X", 1, null, null],
  ["丙镇", " 前后空格 ", 0.05, 100, "a < b & c"],
];

function sheet(compact: boolean, tint = 0): Worksheet {
  const plain: number[] = [];
  const tinted = [tint, tint, tint, tint, tint];
  return { widths: [10, 10, 10, 10, 10], rows: rows.map((r) => ({ cells: r.cells, styles: r.tinted ? tinted : plain })), freeze: { rows: 1, cols: 2 }, pagesWide: 1, landscape: true, compact };
}

async function build(styled: boolean, compact: boolean): Promise<Buffer> {
  const parts: Buffer[] = [];
  const zip = new ZipWriter((b) => parts.push(Buffer.from(b)), nodeHost);
  const styles = styled ? [{ fill: "FFFCE4E4" }] : [];
  await writeNewPackage(zip, { sheets: [{ name: NAME, worksheet: (ids) => sheet(compact, ids[0] ?? 0) }], styles }, "test");
  zip.finish();
  return Buffer.concat(parts);
}

describe("worksheet XML", () => {
  it("gives every cell its reference, unless compact", () => {
    const xml = [...worksheetXml(sheet(false))].join("");
    const cells = xml.match(/<c(?: [^>]*)?>/g) ?? [];
    expect(cells.length).toBe(5 + 5 + 3 + 2 + 5);
    expect(cells.every((c) => / r="[A-E]\d"/.test(c))).toBe(true);
  });

  it("compact: leaves out the reference only where a cell follows the one before it in its row", () => {
    const xml = [...worksheetXml(sheet(true))].join("");
    const parts = xml.slice(xml.indexOf('<row r="2"')).split("</row>");
    // row 2: first cell referenced, the rest follow on
    expect(parts[0]?.match(/<c(?: [^>]*)?>/g)).toEqual(['<c r="A2" t="inlineStr">', '<c t="inlineStr">', "<c>", "<c>", '<c t="inlineStr">']);
    // row 3: E3 after two empty cells is referenced
    expect(parts[1]).toContain('<c r="E3" t="inlineStr"><is><t>未如实上报</t>');
    // row 4: the first cell written is B4
    expect(parts[2]?.match(/<c(?: [^>]*)?>/g)).toEqual(['<c r="B4" t="inlineStr">', "<c>"]);
    expect(xml).toContain('<t xml:space="preserve"> 前后空格 </t>');
    expect(xml).toContain("a &lt; b &amp; c");
  });

  it("cuts a text past Excel's 32,767 characters a cell to that, … at its end (a whole document pasted into a note)", () => {
    const long = "说".repeat(40_000);
    const ws: Worksheet = { widths: [10], rows: [{ cells: [long], styles: [] }, { cells: ["说".repeat(MAX_CELL_TEXT)], styles: [] }], freeze: { rows: 0, cols: 0 }, pagesWide: 1, landscape: true, compact: false };
    const texts = [...[...worksheetXml(ws)].join("").matchAll(/<t>([^<]*)<\/t>/g)].map((m) => m[1] ?? "");
    expect(texts.map((t) => t.length)).toEqual([MAX_CELL_TEXT, MAX_CELL_TEXT]);
    expect(texts[0]?.endsWith("说…")).toBe(true);
    expect(texts[1]?.endsWith("说说")).toBe(true);
  });

  for (const [styled, compact] of [[false, false], [false, true], [true, true]]) {
    it(`every cell is read back in its column by exceljs and by our reader (${styled ? "our styles" : "no styles"}${compact ? ", compact" : ""})`, async () => {
      const bytes = await build(styled === true, compact === true);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const ws = wb.getWorksheet(NAME);
      const got: unknown[][] = [];
      for (let r = 2; r <= 5; r++) got.push([1, 2, 3, 4, 5].map((c) => ws?.getRow(r).getCell(c).value ?? null));
      expect(got).toEqual(expected);
      if (styled) expect(ws?.getRow(5).getCell(2).style.fill).toMatchObject({ type: "pattern" });

      const ours = await readXlsx("t.xlsx", bytes);
      const read = ours.book?.sheets.find((s) => s.name === NAME);
      const grid = [2, 3, 4, 5].map((r) =>
        [1, 2, 3, 4, 5].map((c) => {
          const cell = read?.rows.flat().find((x) => x.row === r && x.col === c);
          return cell && (cell.value.t === "s" || cell.value.t === "n") ? cell.value.v : null;
        }),
      );
      expect(grid).toEqual(expected);
    });
  }
});
