// A claim struck through in Excel (the font's strikethrough: how a withdrawn one is often marked)
// is read from the file's styles, row by row as on the second thread: said at its code, and scored
// all the same (what the workbook says is in its cells, not its fonts).
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { load } from "../helpers/load.js";
import { score } from "../../src/engine/index.js";

describe("a ledger row struck through in a spreadsheet program", () => {
  it("is said at its code, with what to do instead, and still counted", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync("samples/qingshan-2026.xlsx") as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("加扣分");
    if (!ws) throw new Error("no 加扣分");
    expect(ws.getCell("A5").value).toBe("西山镇");
    ws.getRow(5).eachCell((c) => (c.font = { ...c.font, strike: true }));
    // A note alone struck (a word of it withdrawn): no claim struck out.
    ws.getCell("H2").font = { strike: true };
    // Struck as text while typed in (rich text: every run struck), not by the cell's font; and a
    // name with one run of two struck (a word of it), no claim struck out.
    expect(ws.getCell("A4").value).toBe("东湖街道");
    ws.getCell("A4").value = { richText: [{ text: "东湖", font: { strike: true } }, { text: "街道", font: { strike: true } }] };
    expect(ws.getCell("A6").value).toBe("南岭镇");
    ws.getCell("A6").value = { richText: [{ text: "南岭", font: { strike: true } }, { text: "镇" }] };
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const loaded = await load("q.xlsx", bytes);
    const said = loaded.diagnostics.filter((d) => d.code.includes("struck"));
    expect(said.map((d) => `${d.code} ${JSON.stringify(d.location)}`)).toEqual([`workbook.ledger-struck ${JSON.stringify({ file: "q.xlsx", sheet: "加扣分", cell: "B4" })}`, `workbook.ledger-struck ${JSON.stringify({ file: "q.xlsx", sheet: "加扣分", cell: "B5" })}`]);
    expect(said[1]?.data).toEqual({ unit: "西山镇", code: "JF2", rejected: "不予认定" });
    // Scored as before: 西山镇's struck 市级 JF2 still adds its points (the font says nothing to the score).
    const plain = await load("q.xlsx", readFileSync("samples/qingshan-2026.xlsx"));
    const bonusOf = (l: typeof loaded): number | undefined => {
      if (!l.rubric || !l.submission) return undefined;
      const results = score(l.rubric, l.submission);
      return results.units.find((u) => u.name === "西山镇")?.bonus;
    };
    expect(bonusOf(plain)).toBeGreaterThan(0);
    expect(bonusOf(loaded)).toBe(bonusOf(plain));
  });
});
