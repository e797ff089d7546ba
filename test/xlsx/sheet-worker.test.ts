// A province's result sheets are written on a worker thread (the built CLI's sheet-worker.mjs):
// the part it gives is the very XML this thread writes, whatever the rows hold (text to escape,
// characters XML cannot carry, spaces to keep, styles, heights, gaps, many batches), its CRC and
// size are right, and a failure on either side ends the sheet with an error, not a hang.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { strFromU8 } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { nodeHost } from "../../src/cli/host.js";
import { SHEET_WORKER, SheetWriterStopped, startSheetDeflater } from "../../src/cli/sheet-deflater.js";
import { COMPACT_UNITS, writeResultWorkbook } from "../../src/report/result-file.js";
import type { SheetTable } from "../../src/report/result-sheets.js";
import { worksheetXml, type Value, type Worksheet, type WsRow } from "../../src/xlsx/write/worksheet.js";
import { ZipWriter } from "../../src/xlsx/write/zip-writer.js";
import { concatBytes } from "../../src/xlsx/bytes.js";
import { checkedEntries } from "./helpers.js";

// The sources run here, so the worker is the one `npm ci` built beside the bundle.
const BUILT = new URL("../../dist/cli/sheet-worker.mjs", import.meta.url);

const TEXTS = ["甲镇", " 前后空格 ", "a < b & c > \"d\" 'e'", "控制\u0001字符\u0008", "😀 emoji", "lone \ud800 surrogate", "\ufffe\uffff", "=SUM(A1)", ""];
const STYLED = [0, 5, 5, 0, 7];

function rowsOf(n: number): WsRow[] {
  const out: WsRow[] = [];
  for (let i = 0; i < n; i++) {
    const cells: Value[] = [TEXTS[i % TEXTS.length] ?? "", i, i % 7 === 0 ? null : (i * 37) / 100, i % 5 === 0 ? "" : `第 ${i} 行`, i % 3 === 0 ? Number.NaN : -i];
    out.push({ cells, styles: i % 2 ? STYLED : [], ...(i % 11 === 0 ? { height: 30 } : {}) });
  }
  return out;
}

function sheet(rows: WsRow[], compact: boolean): Worksheet {
  return { widths: [12, 8, 8, 20, 8], rows, freeze: { rows: 1, cols: 1 }, merges: ["A1:E1"], filterRow: 1, pagesWide: 1, landscape: true, compact, footer: "第 &P 页" };
}

/** The part's bytes, written through `add` and read back by our reader (CRC-32 and size checked). */
async function written(add: (zip: ZipWriter) => Promise<void>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const zip = new ZipWriter((b) => parts.push(b.slice()), nodeHost);
  await add(zip);
  zip.finish();
  return (await checkedEntries(concatBytes(parts)))["s.xml"] ?? new Uint8Array();
}

describe("worksheets written on the worker thread", () => {
  const deflater = startSheetDeflater(BUILT);
  afterAll(() => deflater?.close());

  it("is built, and found beside the bundle", () => {
    expect(existsSync(BUILT)).toBe(true);
    expect(deflater).toBeDefined();
    // The sources have no worker beside them: there the sheets are written on this thread.
    expect(existsSync(SHEET_WORKER)).toBe(false);
  });

  for (const compact of [false, true]) {
    it(`gives the very XML this thread writes, over many batches (${compact ? "compact" : "every reference"})`, async () => {
      const rows = rowsOf(9_001);
      const here = await written((zip) => zip.add("s.xml", worksheetXml(sheet(rows, compact))));
      const there = await written((zip) => zip.addDeflated("s.xml", (emit) => deflater!.deflate(sheet(rows, compact), emit)));
      expect(there.length).toBe(here.length);
      expect(strFromU8(there)).toBe(strFromU8(here));
      expect(strFromU8(there)).toContain('<autoFilter ref="A1:E9001"/>');
    });
  }

  it("writes one sheet after another with the same worker", async () => {
    for (const n of [0, 1, 2_500]) {
      const rows = rowsOf(n);
      const there = await written((zip) => zip.addDeflated("s.xml", (emit) => deflater!.deflate(sheet(rows, true), emit)));
      expect(strFromU8(there)).toBe([...worksheetXml(sheet(rows, true))].join(""));
    }
  });

  it("ends the sheet with the rows' own error when making them fails", async () => {
    const failing: Iterable<WsRow> = {
      *[Symbol.iterator]() {
        yield* rowsOf(5_000);
        throw new Error("rows failed");
      },
    };
    await expect(written((zip) => zip.addDeflated("s.xml", (emit) => deflater!.deflate({ ...sheet([], true), rows: failing }, emit)))).rejects.toThrow("rows failed");
  });
});

describe("a worker that stops", () => {
  const dir = mkdtempSync(join(tmpdir(), "assess-worker-"));
  const dead = join(dir, "dead.mjs");
  writeFileSync(dead, "process.exit(3);\n");

  it("fails the sheet with an error of its own instead of waiting (score then writes on its own thread)", async () => {
    const deflater = startSheetDeflater(pathToFileURL(dead));
    expect(deflater).toBeDefined();
    try {
      await expect(deflater!.deflate(sheet(rowsOf(20_000), true), () => undefined)).rejects.toBeInstanceOf(SheetWriterStopped);
    } finally {
      deflater?.close();
    }
  });

  it("fails a whole result workbook the same way, so that it can be written again without it", async () => {
    const deflater = startSheetDeflater(pathToFileURL(dead));
    const host = { ...nodeHost, sheetDeflater: () => deflater };
    const table: SheetTable = { sheet: { kind: "info" }, name: "计分信息", title: "t", subtitle: "s", columns: [{ header: "a", kind: "text", width: 10 }], rows: rowsOf(3).map((r) => ({ cells: r.cells })), freezeCols: 0, filter: false, pagesAcross: 1 };
    await expect(writeResultWorkbook(() => undefined, host, [table], { lang: "zh-CN", tool: "t", units: COMPACT_UNITS })).rejects.toBeInstanceOf(SheetWriterStopped);
    // Written again without the second thread, it is the workbook a working one gives, part by part.
    const workbook = async (sheetDeflater: () => ReturnType<typeof startSheetDeflater>): Promise<Record<string, string>> => {
      const parts: Uint8Array[] = [];
      await writeResultWorkbook((b) => parts.push(b.slice()), { ...nodeHost, sheetDeflater }, [table], { lang: "zh-CN", tool: "t", units: COMPACT_UNITS });
      return Object.fromEntries(Object.entries(await checkedEntries(concatBytes(parts))).map(([name, b]) => [name, strFromU8(b)]));
    };
    const alone = await workbook(() => undefined);
    const working = startSheetDeflater(BUILT);
    const offloaded = await workbook(() => working);
    expect(alone["xl/worksheets/sheet1.xml"]).toContain("第 2 行");
    expect(alone).toEqual(offloaded);
  });

  it("is not started where its file is missing", () => {
    expect(startSheetDeflater(pathToFileURL(join(dir, "missing.mjs")))).toBeUndefined();
  });
});
