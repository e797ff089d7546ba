// Pulling rows one at a time (the loader) gives exactly what reading whole sheets gives: the same
// diagnostics, units and values for the sample, for a workbook full of mistakes, and for the
// sample with its rows split and shuffled the way hand-made writers do; whole rows in order come
// out even when the file has them out of order.
import { readFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { Problems } from "../../src/diagnostics/index.js";
import { valueOf, type Submission } from "../../src/model/submission.js";
import { readCover } from "../../src/workbook/cover.js";
import { SubmissionReader } from "../../src/workbook/read.js";
import { WorkbookReader, type RawCell } from "../../src/xlsx/read/index.js";
import { nodeHost } from "../../src/cli/host.js";
import { load } from "../helpers/load.js";
import { oneSheet, readXlsx } from "../xlsx/helpers.js";

const where = (d: { code: string; severity: string; location?: object }): string => `${d.severity} ${d.code} ${JSON.stringify(d.location)}`;

/** A unit's value for a code, by the unit's name. */
function value(s: Submission | undefined, unit: string, code: string): number | undefined {
  const u = s?.units.findIndex((x) => x.name === unit) ?? -1;
  return s && u >= 0 ? valueOf(s.values, u, code) : undefined;
}

describe("reading by the row", () => {
  for (const file of ["samples/qingshan-2026.xlsx", "samples/broken/typos.xlsx"]) {
    it(`pulls ${file} row by row to the same submission as whole sheets give`, async () => {
      const bytes = readFileSync(file);
      const pulled = await load(file, bytes);
      const rubric = pulled.rubric;
      expect(rubric).toBeDefined();
      if (!rubric) return;
      const book = (await readXlsx(file, bytes)).book;
      expect(book).toBeDefined();
      if (!book) return;
      const problems = new Problems(file);
      const reader = new SubmissionReader(rubric, problems);
      for (const sheet of book.sheets) reader.addSheet(sheet);
      const cover = book.sheets.map((s) => readCover(s)).find((c) => c !== undefined);
      const whole = reader.finish({ file, sha256: pulled.sha256, cover: cover ?? {} });
      expect(pulled.diagnostics.map(where)).toEqual(problems.list.map(where));
      expect(pulled.diagnostics.length).toBeGreaterThan(0);
      expect(pulled.submission === undefined).toBe(whole === undefined);
      const s = pulled.submission;
      if (!s || !whole) return;
      expect(s.units).toEqual(whole.units);
      expect(s.ledger).toEqual(whole.ledger);
      expect(s.cover).toEqual(whole.cover);
      const codes = [...rubric.indicators.map((i) => i.code), ...rubric.targets.map((t) => t.code), "DZ2", "JS3.1", "BM4"];
      for (const u of s.units) {
        for (const code of codes) expect(value(s, u.name, code), `${u.name} ${code}`).toEqual(value(whole, u.name, code));
      }
      expect(cover?.rubricId).toBe(rubric.id);
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
    const a = await load(file, bytes);
    const b = await load(file, reordered);
    expect(b.rubric?.id).toBe(a.rubric?.id);
    expect(b.diagnostics.map(where)).toEqual(a.diagnostics.map(where));
    expect(b.submission?.units.map((u) => u.name).sort()).toEqual(a.submission?.units.map((u) => u.name).sort());
    const towns = (a.submission?.units ?? []).filter((u) => value(a.submission, u.name, "DZ2") !== undefined);
    expect(towns.length).toBe(14);
    for (const u of towns) expect(value(b.submission, u.name, "DZ2")).toEqual(value(a.submission, u.name, "DZ2"));
    expect(b.submission?.cover.rubricVersion).toBe(a.submission?.cover.rubricVersion);
    // With --rubric the sheets are pulled from the start; the cover is still found behind them.
    const rubric = "rubric/district-popplan-2022.1.yaml";
    const c = await load(file, reordered, rubric);
    expect(c.diagnostics.map(where)).toEqual(a.diagnostics.map(where));
    expect(c.submission?.cover).toMatchObject({ rubricId: "district-popplan", rubricVersion: "2022.1", district: a.submission?.cover.district ?? "?" });
  });

  /** Every row of the only sheet as pulled: "REF=value,…" with " (hidden)". */
  async function pulled(bytes: Uint8Array): Promise<string[]> {
    const book = await WorkbookReader.open("t.xlsx", bytes, nodeHost);
    const sheet = book.sheets[0];
    const rows = sheet ? await book.rows(sheet) : undefined;
    const show = (cells: readonly RawCell[]): string => cells.map((c) => `${c.ref}=${c.value.t === "n" ? c.value.v : "?"}`).join(",");
    return [...(rows ?? [])].map((r) => `${show(r.cells)}${r.hidden ? " (hidden)" : ""}`);
  }

  it("pulls whole rows in order, as whole-sheet reading gives them", async () => {
    // Cells out of column order, a cell written in the element of the row before its own, and a
    // row split over two elements (a cell written twice is the file's damage: cells.test.ts).
    const bytes = oneSheet(
      '<row r="1"><c r="C1"><v>33</v></c><c r="A1"><v>1</v></c><c r="B2"><v>22</v></c></row>' +
        '<row r="2" hidden="1"><c r="A2"><v>21</v></c></row><row r="2"><c r="D2"><v>24</v></c></row>' +
        '<row r="3"><c r="C4"><v>43</v></c></row><row r="5"><c r="A5"><v>51</v></c></row>',
    );
    expect(await pulled(bytes)).toEqual(["A1=1,C1=33", "A2=21,B2=22,D2=24 (hidden)", "C4=43", "A5=51"]);
    const whole = (await readXlsx("t.xlsx", bytes)).book?.sheets[0]?.rows.map((cells) => cells.map((c) => `${c.ref}=${c.value.t === "n" ? c.value.v : "?"}`).join(","));
    expect(whole).toEqual(["A1=1,C1=33", "A2=21,B2=22,D2=24", "C4=43", "A5=51"]);
  });

  it("rows that go backwards come as they are written, no cell lost", async () => {
    const bytes = oneSheet('<row r="2"><c r="A2"><v>2</v></c></row><row r="1"><c r="A1"><v>1</v></c><c r="B2"><v>22</v></c></row>');
    expect((await pulled(bytes)).map((r) => r.replace(/=\d+/g, ""))).toEqual(["A2", "A1", "B2"]);
  });

  it("a sample whose rows a hand-made writer split and shuffled reads exactly like the original", async () => {
    const file = "samples/qingshan-2026.xlsx";
    const bytes = readFileSync(file);
    const files = unzipSync(new Uint8Array(bytes));
    const rels = strFromU8(files["xl/_rels/workbook.xml.rels"] ?? new Uint8Array());
    const wbXml = strFromU8(files["xl/workbook.xml"] ?? new Uint8Array());
    const rid = /<sheet [^>]*name="党政线"[^>]*r:id="([^"]+)"/.exec(wbXml)?.[1] ?? "";
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels);
    const part = `xl/${(target?.[1] ?? target?.[2] ?? "").replace(/^\/?xl\//, "")}`;
    const xml = strFromU8(files[part] ?? new Uint8Array());
    expect(xml).toContain('<c r="B3"');
    // B3's cell moves into row 2's element; row 4 is split in two elements after its C column.
    const b3 = /<c r="B3"[^>]*?(\/>|>.*?<\/c>)/.exec(xml)?.[0] ?? "";
    expect(b3).not.toBe("");
    let odd = xml.replace(b3, "").replace(/(<row r="2"[^>]*>)/, `$1${b3}`);
    odd = odd.replace(/(<row r="4"[^>]*>)(.*?<c r="C4".*?<\/c>)(.*?)<\/row>/, '$1$2</row><row r="4">$3</row>');
    expect(odd).not.toBe(xml);
    const shuffled = zipSync({ ...files, [part]: strToU8(odd) });
    const a = await load(file, bytes);
    const b = await load(file, shuffled);
    expect(b.diagnostics.map(where)).toEqual(a.diagnostics.map(where));
    expect(b.submission?.units).toEqual(a.submission?.units);
    for (const u of a.submission?.units ?? []) {
      for (const code of ["DZ2", "DZ3.1", "DZ4"]) expect(value(b.submission, u.name, code), `${u.name} ${code}`).toEqual(value(a.submission, u.name, code));
    }
  });
});
