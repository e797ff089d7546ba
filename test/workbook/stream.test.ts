// Streaming by the row gives exactly what reading whole sheets gives: the same diagnostics, units
// and values for the sample and for a workbook full of mistakes; and the package reader hands a
// row sink cells in row and column order even when the file has them out of order.
import { readFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { interpretInput } from "../../src/cli/input.js";
import { readSubmission } from "../../src/workbook/read.js";
import { readCover } from "../../src/workbook/cover.js";
import { readXlsx, type RawCell } from "../../src/workbook/xlsx/index.js";
import { oneSheet } from "../xlsx/helpers.js";

const where = (d: { code: string; severity: string; location?: object }): string => `${d.severity} ${d.code} ${JSON.stringify(d.location)}`;

describe("reading by the row", () => {
  for (const file of ["samples/qingshan-2026.xlsx", "samples/broken/typos.xlsx"]) {
    it(`streams ${file} to the same submission as whole sheets do`, async () => {
      const bytes = readFileSync(file);
      const streamed = await interpretInput(file, bytes, undefined);
      const rubric = streamed.rubric;
      expect(rubric).toBeDefined();
      if (!rubric) return;
      const book = readXlsx(file, bytes).book;
      expect(book).toBeDefined();
      if (!book) return;
      const whole = readSubmission(rubric, book, { file, sha256: "" });
      expect(streamed.diagnostics.map(where)).toEqual(whole.diagnostics.map(where));
      expect(streamed.diagnostics.length).toBeGreaterThan(0);
      const s = streamed.submission;
      const w = whole.submission;
      expect(s === undefined).toBe(w === undefined);
      if (!s || !w) return;
      expect(s.units).toEqual(w.units);
      expect(s.ledger).toEqual(w.ledger);
      const codes = [...rubric.indicators.map((i) => i.code), ...rubric.targets.map((t) => t.code)];
      for (const u of s.units) {
        for (const code of codes) expect(s.rates.get(u.name)?.get(code), `${u.name} ${code}`).toEqual(w.rates.get(u.name)?.get(code));
      }
      expect(readCover(book).rubricId).toBe(rubric.id);
    });
  }

  it("a cover that is not the first sheet: the sheets before it are read whole, with the same result", async () => {
    const file = "samples/qingshan-2026.xlsx";
    const bytes = readFileSync(file);
    const files = unzipSync(new Uint8Array(bytes));
    const wbXml = strFromU8(files["xl/workbook.xml"] ?? new Uint8Array());
    const cover = /<sheet [^>]*name="封面"[^>]*\/>/.exec(wbXml)?.[0] ?? "";
    expect(cover).not.toBe("");
    // The cover moved behind 人口计生线: 党政线 and 人口计生线 now come before it.
    const moved = wbXml.replace(cover, "").replace(/(<sheet [^>]*name="人口计生线"[^>]*\/>)/, `$1${cover}`);
    expect(moved.indexOf('name="人口计生线"')).toBeLessThan(moved.indexOf('name="封面"'));
    const reordered = zipSync({ ...files, "xl/workbook.xml": strToU8(moved) });
    const a = await interpretInput(file, bytes, undefined);
    const b = await interpretInput(file, reordered, undefined);
    expect(b.rubric?.id).toBe(a.rubric?.id);
    expect(b.diagnostics.map(where)).toEqual(a.diagnostics.map(where));
    expect(b.submission?.units.map((u) => u.name).sort()).toEqual(a.submission?.units.map((u) => u.name).sort());
    const towns = (a.submission?.units ?? []).filter((u) => a.submission?.scores.get(u.name)?.get("DZ2") !== undefined);
    expect(towns.length).toBe(14);
    for (const u of towns) expect(b.submission?.scores.get(u.name)?.get("DZ2")).toEqual(a.submission?.scores.get(u.name)?.get("DZ2"));
    expect(b.submission?.cover.rubricVersion).toBe(a.submission?.cover.rubricVersion);
  });

  it("hands a row sink its cells in order when the file has them out of order", () => {
    // Cells out of column order, a repeated cell (the last wins), and a cell naming the next row.
    const bytes = oneSheet('<row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c><c r="C1"><v>33</v></c><c r="B2"><v>22</v></c></row><row r="2" hidden="1"><c r="A2"><v>21</v></c></row>');
    const rows: { cells: string; hidden: boolean }[] = [];
    const show = (cells: readonly RawCell[]): string => cells.map((c) => `${c.ref}=${c.value.t === "n" ? c.value.v : "?"}`).join(",");
    let ended = "";
    readXlsx("t.xlsx", bytes, {
      rowSink: ({ name }) => ({
        row: (cells, hidden) => rows.push({ cells: show(cells), hidden }),
        end: (sheet) => (ended = `${name}:${sheet.rows.length}`),
      }),
    });
    expect(rows).toEqual([
      { cells: "A1=1,C1=33", hidden: false },
      { cells: "B2=22", hidden: false },
      { cells: "A2=21", hidden: true },
    ]);
    expect(ended).toBe("S:0");
    // Read whole, the same cells are sorted into their rows.
    const whole = readXlsx("t.xlsx", bytes).book?.sheets[0]?.rows.map(show);
    expect(whole).toEqual(["A1=1,C1=33", "A2=21,B2=22"]);
  });
});
