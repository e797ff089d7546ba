// Reading what a correct workbook holds: every cell type, number formats, rich text, hidden rows
// and sheets, merges, cells and rows without r, prefixed namespaces, unusual part names, ZIP64.
import { describe, expect, it } from "vitest";
import { type CellValue, type RawBook, type RawSheet } from "../../src/xlsx/read/index.js";
import { NS, RNS, book, bookParts, oneSheet, rawEntries, rawZip, readXlsx, worksheet, zipParts } from "./helpers.js";

async function read(bytes: Uint8Array, opts?: Parameters<typeof readXlsx>[2]): Promise<RawBook> {
  const r = await readXlsx("t.xlsx", bytes, opts);
  expect(r.diagnostics).toEqual([]);
  if (!r.book) throw new Error("no book");
  return r.book;
}

function cells(sheet: RawSheet | undefined): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const row of sheet?.rows ?? []) for (const c of row) out[c.ref] = c.value;
  return out;
}

const STYLES = `<?xml version="1.0"?><styleSheet xmlns="${NS}">
  <numFmts count="4"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>
  <numFmt numFmtId="166" formatCode="&quot;ymd%&quot;0.00"/><numFmt numFmtId="167" formatCode="[Red]#,##0.00"/></numFmts>
  <cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs>
  <cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="167"/><xf numFmtId="31"/></cellXfs>
  <dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="yyyy"/></dxf></dxfs></styleSheet>`;

describe("readXlsx on correct workbooks", () => {
  it("reads every cell type", async () => {
    const rows =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>95.5</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#DIV/0!</v></c>' +
      '<c r="E1" t="inlineStr"><is><t>内联</t></is></c><c r="F1" t="str"><f>A1&amp;"x"</f><v>甲x</v></c><c r="G1"><f>B1*2</f><v>191</v></c>' +
      '<c r="H1"><f>B1+1</f></c><c r="I1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="J1" t="b"><v>0</v></c><c r="K1" s="0"/><c r="L1"><v>-1.5E-3</v></c></row>';
    const b = (await read(oneSheet(rows, { sst: ["甲"] })));
    const row = b.sheets[0]?.rows[0] ?? [];
    expect(cells(b.sheets[0])).toEqual({
      A1: { t: "s", v: "甲" },
      B1: { t: "n", v: 95.5, fmt: "general" },
      C1: { t: "b", v: true },
      D1: { t: "e", v: "#DIV/0!" },
      E1: { t: "s", v: "内联" },
      F1: { t: "s", v: "甲x" },
      G1: { t: "n", v: 191, fmt: "general" },
      H1: { t: "formula-no-result", formula: "B1+1" },
      I1: { t: "e", v: "#DIV/0!" },
      J1: { t: "b", v: false },
      L1: { t: "n", v: -0.0015, fmt: "general" },
    });
    expect(row.map((c) => [c.ref, c.row, c.col, c.formula])).toEqual([
      ["A1", 1, 1, false], ["B1", 1, 2, false], ["C1", 1, 3, false], ["D1", 1, 4, false], ["E1", 1, 5, false],
      ["F1", 1, 6, true], ["G1", 1, 7, true], ["H1", 1, 8, true], ["I1", 1, 9, true], ["J1", 1, 10, false], ["L1", 1, 12, false],
    ]);
  });

  it("classifies number formats through cellXfs (not cellStyleXfs or dxfs)", async () => {
    const rows = [0, 1, 2, 3, 4, 5, 6, 7, 99].map((s, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${s}"><v>0.5</v></c>`).join("");
    const got = cells((await read(oneSheet(`<row r="1">${rows}</row>`, { styles: STYLES }))).sheets[0]);
    expect(Object.values(got).map((v) => (v.t === "n" ? v.fmt : v.t))).toEqual([
      // 0% (built-in 9) and 0.0% show a percentage with no decimal and one; "ymd%"0.00 and [Red]#,##0.00 a number with two.
      "general", "percent-0", "date", "percent-1", "date", "general-2", "general-2", "date", "general",
    ]);
  });

  it("reads numbers as general when the styles part is missing", async () => {
    expect(cells((await read(oneSheet('<row r="1"><c r="A1" s="3"><v>1</v></c></row>'))).sheets[0]).A1).toEqual({ t: "n", v: 1, fmt: "general" });
  });

  it("joins rich-text runs, skips phonetic runs, keeps spaces and NBSP, decodes entities and _xHHHH_", async () => {
    const sst = `<sst xmlns="${NS}"><si><r><rPr><b/></rPr><t xml:space="preserve"> 张 </t></r><r><t>三\u00a0</t></r><rPh sb="0" eb="1"><t>ちょう</t></rPh></si>` +
      `<si><t>a&amp;b&lt;&#x4E2D;&#25991;_x000D__x005F_x0041_</t></si><si><t><![CDATA[<raw>]]></t></si><si><t>l1\r\nl2</t></si></sst>`;
    const rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>';
    expect(cells((await read(oneSheet(rows, { sst }))).sheets[0])).toEqual({
      A1: { t: "s", v: " 张 三\u00a0" },
      B1: { t: "s", v: "a&b<中文\r_x0041_" },
      C1: { t: "s", v: "<raw>" },
      D1: { t: "s", v: "l1\nl2" },
    });
  });

  it("lists hidden rows, merges, hidden and very hidden sheets, in workbook order", async () => {
    const s1 = worksheet('<row r="2" hidden="1"><c r="A2"><v>1</v></c></row><row r="3" hidden="true"/><row r="4"><c r="A4"><v>2</v></c></row>',
      '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="C3:C4"/></mergeCells>');
    const b = (await read(book({ sheets: [{ name: "可见", xml: s1 }, { name: "隐藏", xml: "", state: "hidden" }, { name: "很隐藏", xml: "", state: "veryHidden" }] })));
    expect(b.sheets.map((s) => [s.name, s.hidden])).toEqual([["可见", false], ["隐藏", true], ["很隐藏", true]]);
    expect([...(b.sheets[0]?.hiddenRows ?? [])]).toEqual([2, 3]);
    expect(b.sheets[0]?.merges).toEqual(["A1:B2", "C3:C4"]);
    expect(b.sheets[0]?.rows.map((r) => r.map((c) => c.ref))).toEqual([["A2"], ["A4"]]);
  });

  it("lists a row too low to be seen (a pixel high, or 0) among the hidden ones, not one of a small but legible height", async () => {
    const s1 = worksheet('<row r="2" ht="0.75" customHeight="1"><c r="A2"><v>1</v></c></row><row r="3" ht="0" customHeight="1"><c r="A3"><v>2</v></c></row><row r="4" ht="8" customHeight="1"><c r="A4"><v>3</v></c></row><row r="5" ht="15"><c r="A5"><v>4</v></c></row>');
    const b = await read(book({ sheets: [{ name: "表", xml: s1 }] }));
    expect([...(b.sheets[0]?.hiddenRows ?? [])]).toEqual([2, 3]);
    // Sheet-wide: a default height of 1, or rows hidden by default, for rows of no height of their own.
    const low = worksheet('<row r="2"><c r="A2"><v>1</v></c></row><row r="3" ht="15" customHeight="1"><c r="A3"><v>2</v></c></row>').replace("<sheetData>", '<sheetFormatPr defaultRowHeight="1" customHeight="1"/><sheetData>');
    const zero = worksheet('<row r="2"><c r="A2"><v>1</v></c></row>').replace("<sheetData>", '<sheetFormatPr defaultRowHeight="15" zeroHeight="1"/><sheetData>');
    const usual = worksheet('<row r="2"><c r="A2"><v>1</v></c></row>').replace("<sheetData>", '<sheetFormatPr defaultRowHeight="12.8" zeroHeight="false"/><sheetData>');
    const d = await read(book({ sheets: [{ name: "低", xml: low }, { name: "零", xml: zero }, { name: "常", xml: usual }] }));
    expect(d.sheets.map((s) => [...s.hiddenRows])).toEqual([[2], [2], []]);
  });

  it("places cells and rows without r attributes by their order", async () => {
    const rows = '<row><c><v>1</v></c><c><v>2</v></c></row><row r="5"><c r="C5"><v>3</v></c><c><v>4</v></c></row><row><c/><c><v>5</v></c></row>';
    const b = (await read(oneSheet(rows)));
    expect(b.sheets[0]?.rows.map((r) => r.map((c) => `${c.ref}=${c.value.t === "n" ? c.value.v : "?"}`))).toEqual([
      ["A1=1", "B1=2"], ["C5=3", "D5=4"], ["B6=5"],
    ]);
  });

  it("sorts cells written out of order (a cell written twice is the file's damage: see cells.test.ts)", async () => {
    const rows = '<row r="3"><c r="B3"><v>2</v></c><c r="A3"><v>1</v></c></row><row r="1"><c r="A1"><v>9</v></c></row>';
    const b = (await read(oneSheet(rows)));
    expect(b.sheets[0]?.rows.map((r) => r.map((c) => `${c.ref}=${c.value.t === "n" ? c.value.v : "?"}`))).toEqual([["A1=9"], ["A3=1", "B3=2"]]);
  });

  it("compares local names under prefixed namespaces", async () => {
    const ws = `<?xml version="1.0"?><x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const sst = `<x:sst xmlns:x="${NS}"><x:si><x:t>前缀</x:t></x:si></x:sst>`;
    const parts = bookParts({ sheets: [{ name: "P", xml: ws }], sst });
    parts["xl/workbook.xml"] = `<x:workbook xmlns:x="${NS}" xmlns:rel="${RNS}"><x:sheets><x:sheet name="P" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>`;
    expect(cells((await read(zipParts(parts))).sheets[0])).toEqual({ A1: { t: "s", v: "前缀" }, B1: { t: "n", v: 7, fmt: "general" } });
  });

  it.each([
    { case: "an odd part name", target: "worksheets/数据表.xml", entry: "xl/worksheets/数据表.xml" },
    { case: "an absolute target", target: "/xl/worksheets/sheet1.xml", entry: "xl/worksheets/sheet1.xml" },
    { case: "a target outside worksheets/", target: "../custom/data.xml", entry: "custom/data.xml" },
    { case: "a percent-encoded target", target: "worksheets/my%20sheet.xml", entry: "xl/worksheets/my sheet.xml" },
  ])("finds a sheet part through the rels: $case", async ({ target, entry }) => {
    const b = (await read(book({ sheets: [{ name: "S", xml: '<row r="1"><c r="A1"><v>1</v></c></row>', target, entry }] })));
    expect(cells(b.sheets[0]).A1).toEqual({ t: "n", v: 1, fmt: "general" });
  });

  it("parses only the sheets the filter accepts, listing the others empty", async () => {
    const row = '<row r="1"><c r="A1"><v>1</v></c></row>';
    const b = (await read(book({ sheets: [{ name: "a", xml: row }, { name: "b", xml: "<broken" }] }), { sheets: (n) => n === "a" }));
    expect(b.sheets.map((s) => [s.name, s.rows.length])).toEqual([["a", 1], ["b", 0]]);
  });

  it("reads t=\"d\" ISO dates and date1904 workbooks as 1900-system serials", async () => {
    const styles = `<styleSheet xmlns="${NS}"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const rows = '<row r="1"><c r="A1" t="d"><v>2024-03-01T12:00:00</v></c><c r="B1" s="1"><v>43890</v></c><c r="C1"><v>43890</v></c></row>';
    const b = (await read(oneSheet(rows, { styles, workbookPr: '<workbookPr date1904="1"/>' })));
    expect(cells(b.sheets[0])).toEqual({
      A1: { t: "n", v: 45352.5, fmt: "date" },
      B1: { t: "n", v: 45352, fmt: "date" },
      C1: { t: "n", v: 43890, fmt: "general" },
    });
  });

  it("reads the same book from a ZIP64 archive and from a stored one", async () => {
    const parts = bookParts({ sheets: [{ name: "S", xml: '<row r="1"><c r="A1"><v>42</v></c></row>' }] });
    for (const bytes of [rawZip(rawEntries(parts), { zip64: true }), rawZip(rawEntries(parts, 0))]) {
      expect(cells((await read(bytes)).sheets[0]).A1).toEqual({ t: "n", v: 42, fmt: "general" });
    }
  });

  it("reads a UTF-16 part with a BOM", async () => {
    const ws = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>宽</t></is></c></row>').replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le")]);
    const parts = bookParts({ sheets: [{ name: "S", xml: "" }] });
    parts["xl/worksheets/sheet1.xml"] = new Uint8Array(ws);
    expect(cells((await read(zipParts(parts))).sheets[0]).A1).toEqual({ t: "s", v: "宽" });
  });

  it("shares equal value objects and freezes them", async () => {
    const b = (await read(oneSheet('<row r="1"><c r="A1"><v>3.5</v></c><c r="B1"><v>3.5</v></c></row>')));
    const [a, c] = b.sheets[0]?.rows[0] ?? [];
    expect(a?.value).toBe(c?.value);
    expect(Object.isFrozen(a?.value)).toBe(true);
  });
});
