// Cell-level problems: located at the sheet and cell, the rest of the book still read (except for
// too many cells, which stops the read).
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/xlsx/read/index.js";
import { oneSheet, readXlsx, worksheet } from "./helpers.js";

const FILE = "t.xlsx";
const at = (cell: string) => ({ file: FILE, sheet: "S", cell });

describe("cell-level problems", () => {
  it.each([
    { case: "non-numeric <v> in a numeric cell", row: '<c r="B2"><v>abc</v></c>', code: "xlsx.bad-number", data: { value: "abc" } },
    { case: "a hex number", row: '<c r="B2"><v>0x1F</v></c>', code: "xlsx.bad-number", data: { value: "0x1F" } },
    { case: "a bad boolean", row: '<c r="B2" t="b"><v>yes</v></c>', code: "xlsx.bad-number", data: { value: "yes" } },
    { case: "a bad ISO date", row: '<c r="B2" t="d"><v>yesterday</v></c>', code: "xlsx.bad-number", data: { value: "yesterday" } },
    { case: "a shared string index out of range", row: '<c r="B2" t="s"><v>5</v></c>', code: "xlsx.bad-shared-string", data: { index: "5" } },
    { case: "a non-numeric shared string index", row: '<c r="B2" t="s"><v>x</v></c>', code: "xlsx.bad-shared-string", data: { index: "x" } },
    { case: "an over-long inline string", row: '<c r="B2" t="inlineStr"><is><t>123456</t></is></c>', code: "xlsx.string-too-long", data: { length: 6, limit: 5 } },
    { case: "an over-long shared string", row: '<c r="B2" t="s"><v>1</v></c>', code: "xlsx.string-too-long", data: { length: 7, limit: 5 } },
    { case: "an over-long formula string", row: '<c r="B2" t="str"><f>A1</f><v>abcdefgh</v></c>', code: "xlsx.string-too-long", data: { length: 8, limit: 5 } },
  ])("$case → $code at the cell; the other cells still read", async ({ row, code, data }) => {
    const r = await readXlsx(FILE, oneSheet(`<row r="2"><c r="A2"><v>1</v></c>${row}<c r="C2"><v>3</v></c></row>`, { sst: ["ok", "toolong"] }), {
      limits: { ...DEFAULT_LIMITS, maxStringLength: 5 },
    });
    expect(r.diagnostics).toEqual([{ code, severity: "error", data, location: at("B2") }]);
    expect(r.book?.sheets[0]?.rows[0]?.map((c) => c.ref)).toEqual(["A2", "C2"]);
  });

  it("more cells than maxCells → xlsx.too-many-cells at the first cell over, and no book", async () => {
    const r = await readXlsx(FILE, oneSheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c><c r="B2"><v>4</v></c></row>'), {
      limits: { ...DEFAULT_LIMITS, maxCells: 3 },
    });
    expect(r).toEqual({ diagnostics: [{ code: "xlsx.too-many-cells", severity: "error", data: { limit: 3 }, location: at("B2") }] });
  });

  it.each([
    { case: "shared strings", spec: { sst: ["a", "b", "c", "d"] }, rows: "", location: { file: FILE } },
    { case: "merged ranges", spec: {}, rows: worksheet("", '<mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="A2:B2"/><mergeCell ref="A3:B3"/><mergeCell ref="A4:B4"/></mergeCells>'), location: { file: FILE, sheet: "S" } },
  ])("more $case than maxCells → xlsx.too-many-cells (each is memory kept)", async ({ spec, rows, location }) => {
    const r = await readXlsx(FILE, oneSheet(rows, spec), { limits: { ...DEFAULT_LIMITS, maxCells: 3 } });
    expect(r).toEqual({ diagnostics: [{ code: "xlsx.too-many-cells", severity: "error", data: { limit: 3 }, location }] });
  });

  it("lists the first 100 cell problems, then counts the rest in xlsx.more-problems", async () => {
    const row = Array.from({ length: 150 }, (_, i) => `<c><v>bad${i}</v></c>`).join("");
    const r = await readXlsx(FILE, oneSheet(`<row r="1">${row}</row>`));
    expect(r.diagnostics).toHaveLength(101);
    expect(r.diagnostics[0]).toEqual({ code: "xlsx.bad-number", severity: "error", data: { value: "bad0" }, location: at("A1") });
    expect(r.diagnostics[100]).toEqual({ code: "xlsx.more-problems", severity: "error", data: { count: 50, cap: 100 }, location: { file: FILE } });
  });

  it("a cell written twice → xlsx.duplicate-cell at it, and no book (the later value was taken unsaid: a unit scored 3 for its 19.5)", async () => {
    for (const rows of ['<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>19.5</v></c><c r="B2"><v>3</v></c></row>', '<row r="2"><c r="B2"><v>19.5</v></c></row><row r="2"><c r="B2"><v>3</v></c></row>']) {
      const r = await readXlsx(FILE, oneSheet(rows));
      expect(r).toEqual({ diagnostics: [{ code: "xlsx.duplicate-cell", severity: "error", data: {}, location: at("B2") }] });
    }
    // Cells written out of order, each once, are read as ever.
    const unordered = await readXlsx(FILE, oneSheet('<row r="2"><c r="C2"><v>3</v></c><c r="A2"><v>1</v></c></row>'));
    expect(unordered.book?.sheets[0]?.rows[0]?.map((c) => c.ref)).toEqual(["A2", "C2"]);
  });

  it("treats an empty <v> in a numeric cell as an empty cell", async () => {
    const r = await readXlsx(FILE, oneSheet('<row r="1"><c r="A1"><v></v></c><c r="B1"><f>1+1</f><v/></c></row>'));
    expect(r.diagnostics).toEqual([]);
    expect(r.book?.sheets[0]?.rows[0]?.map((c) => c.value)).toEqual([{ t: "formula-no-result", formula: "1+1" }]);
  });
});
