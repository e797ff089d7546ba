// A province's result sheets are written on a worker thread (the built CLI's sheet-worker.mjs):
// the part it gives is the very XML this thread writes, whatever the rows hold (text to escape,
// characters XML cannot carry, spaces to keep, styles, heights, gaps, many batches), its CRC and
// size are right, and a failure on either side ends the sheet with an error, not a hang.
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { strFromU8 } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { nodeHost } from "../../src/cli/host.js";
import { SHEET_WORKER, SheetWriterStopped, startSheetDeflater } from "../../src/cli/sheet-deflater.js";
import { COMPACT_UNITS } from "../../src/report/compact.js";
import { writeAhead, writeResultWorkbook } from "../../src/report/result-file.js";
import type { SheetTable } from "../../src/report/result-sheets.js";
import { worksheetXml, type Value, type Worksheet, type WsRow } from "../../src/xlsx/write/worksheet.js";
import { scratchDir } from "../helpers/tmp.js";
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

  it("takes sheets handed over ahead, every row at once, and gives each back whole and in order", async () => {
    const sizes = [3_001, 0, 7_002];
    const pieces = sizes.map(() => [] as Uint8Array[]);
    // All three are given before the first is done (nothing awaited in between).
    const done = sizes.map((n, i) => deflater!.deflate(sheet(rowsOf(n), true), (d) => pieces[i]!.push(d), { ahead: true }));
    // A sheet given the usual way after them waits its turn.
    const after = await written((zip) => zip.addDeflated("s.xml", (emit) => deflater!.deflate(sheet(rowsOf(10), true), emit)));
    expect(strFromU8(after)).toBe([...worksheetXml(sheet(rowsOf(10), true))].join(""));
    for (const [i, n] of sizes.entries()) {
      const { crc, size } = await done[i]!;
      const there = await written((zip) =>
        zip.addDeflated("s.xml", async (emit) => {
          for (const d of pieces[i]!) emit(d);
          return { crc, size };
        }),
      );
      expect(strFromU8(there)).toBe([...worksheetXml(sheet(rowsOf(n), true))].join(""));
    }
  });

  it("ends the sheet with the error of where its pieces go (a full disk), not an uncaught one", async () => {
    const full = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    const own = startSheetDeflater(BUILT);
    try {
      let pieces = 0;
      const failing = own!.deflate(sheet(rowsOf(30_000), true), () => {
        if (++pieces > 1) throw full;
      });
      await expect(failing).rejects.toBe(full);
    } finally {
      own?.close();
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
  const dir = scratchDir("assess-worker-");
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

  it("fails a workbook whose notes it was writing ahead the same way", async () => {
    const host = { ...nodeHost, sheetDeflater: () => startSheetDeflater(pathToFileURL(dead)) };
    const notes: SheetTable = { sheet: { kind: "notes", part: 1 }, name: "计分说明", title: "t", subtitle: "s", columns: [{ header: "a", kind: "text", width: 10 }], rows: rowsOf(20_000).map((r) => ({ cells: r.cells })), freezeCols: 0, filter: false, pagesAcross: 1 };
    const o = { lang: "zh-CN" as const, tool: "t", units: COMPACT_UNITS };
    const ahead = await writeAhead(host, [notes], o);
    expect(ahead).toBeDefined();
    await expect(writeResultWorkbook(() => undefined, host, [notes], { ...o, ...(ahead ? { ahead } : {}) })).rejects.toBeInstanceOf(SheetWriterStopped);
  });

  it("a disk that fills under a workbook whose notes were written ahead: the write fails with the disk's error, not the process", async () => {
    // The notes' pieces go out while the next sheet is handed over: their failure was a rejection
    // no one awaited yet (the process ended with a stack trace, its temporary file left).
    const host = { ...nodeHost, sheetDeflater: () => startSheetDeflater(BUILT) };
    const notes: SheetTable = { sheet: { kind: "notes", part: 1 }, name: "计分说明", title: "t", subtitle: "s", columns: [{ header: "a", kind: "text", width: 10 }], rows: rowsOf(20_000).map((r) => ({ cells: r.cells })), freezeCols: 0, filter: false, pagesAcross: 1 };
    const info: SheetTable = { sheet: { kind: "info" }, name: "计分信息", title: "t", subtitle: "s", columns: [{ header: "a", kind: "text", width: 10 }], rows: rowsOf(20_000).map((r) => ({ cells: r.cells })), freezeCols: 0, filter: false, pagesAcross: 1 };
    const o = { lang: "zh-CN" as const, tool: "t", units: COMPACT_UNITS };
    const ahead = await writeAhead(host, [notes], o);
    expect(ahead).toBeDefined();
    // The notes written whole before the workbook is (a province's, while it is ranked).
    await ahead?.parts.get(notes);
    let room = 50_000;
    const full = (b: Uint8Array): void => {
      room -= b.length;
      if (room < 0) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    };
    await expect(writeResultWorkbook(full, host, [notes, info], { ...o, ...(ahead ? { ahead } : {}) })).rejects.toMatchObject({ code: "ENOSPC" });
  });

  it("is not started where its file is missing", () => {
    expect(startSheetDeflater(pathToFileURL(join(dir, "missing.mjs")))).toBeUndefined();
  });
});

describe("result sheets written ahead", () => {
  // How often each table's rows were made.
  const made = new WeakMap<object, number>();
  const counted = <T,>(rows: T[]): Iterable<T> => {
    const it: Iterable<T> = {
      [Symbol.iterator]: () => {
        made.set(it, (made.get(it) ?? 0) + 1);
        return rows[Symbol.iterator]();
      },
    };
    return it;
  };
  const table = (kind: "notes" | "info", n: number): SheetTable => ({
    sheet: kind === "notes" ? { kind, part: 1 } : { kind },
    name: kind === "notes" ? "计分说明" : "计分信息",
    title: "t",
    subtitle: "s",
    columns: [
      { header: "单位", kind: "name", width: 12 },
      { header: "a", kind: "points", width: 8 },
      { header: "b", kind: "points", width: 8 },
      { header: "c", kind: "wrap", width: 20 },
      { header: "d", kind: "points", width: 8 },
    ],
    rows: counted(rowsOf(n).map((r, i) => ({ cells: r.cells, row: i % 13 === 0 ? "vetoed" : "normal" }))),
    freezeCols: 1,
    filter: true,
    pagesAcross: 1,
  });
  const parts = async (write: (sink: (b: Uint8Array) => void) => Promise<unknown>): Promise<Record<string, string>> => {
    const out: Uint8Array[] = [];
    await write((b) => out.push(b.slice()));
    return Object.fromEntries(Object.entries(await checkedEntries(concatBytes(out))).map(([name, b]) => [name, strFromU8(b)]));
  };
  const o = { lang: "zh-CN" as const, tool: "t", units: COMPACT_UNITS };

  it("gives the workbook written without them, part by part", async () => {
    const tables = [table("info", 20), table("notes", 12_000)];
    const plain = await parts((sink) => writeResultWorkbook(sink, { ...nodeHost, sheetDeflater: () => undefined }, tables, o));
    const host = { ...nodeHost, sheetDeflater: () => startSheetDeflater(BUILT) };
    const ahead = await writeAhead(host, [tables[1]!], o);
    expect(ahead?.parts.size).toBe(1);
    const withAhead = await parts((sink) => writeResultWorkbook(sink, host, tables, { ...o, ...(ahead ? { ahead } : {}) }));
    expect(withAhead["xl/worksheets/sheet2.xml"]).toContain("第 11998 行");
    expect(withAhead).toEqual(plain);
    // The notes' rows were made once without the sheets ahead, once more with them: not again.
    expect(made.get(tables[1]!.rows)).toBe(2);
  });

  it("hands each sheet over before the one before is written, and the workbook is the one written on this thread", async () => {
    const tables = [table("info", 20), table("notes", 3_000), table("info", 700), table("notes", 5_000), table("info", 1)];
    const plain = await parts((sink) => writeResultWorkbook(sink, { ...nodeHost, sheetDeflater: () => undefined }, tables, o));
    const host = { ...nodeHost, sheetDeflater: () => startSheetDeflater(BUILT) };
    const there = await parts((sink) => writeResultWorkbook(sink, host, tables, o));
    expect(Object.keys(there)).toEqual(Object.keys(plain));
    expect(there["xl/worksheets/sheet4.xml"]).toContain("第 4998 行");
    expect(there).toEqual(plain);
  });

  it("writes a sheet again where its styles came out otherwise, and the workbook is the same", async () => {
    const tables = [table("info", 20), table("notes", 12_000)];
    const plain = await parts((sink) => writeResultWorkbook(sink, { ...nodeHost, sheetDeflater: () => undefined }, tables, o));
    const host = { ...nodeHost, sheetDeflater: () => startSheetDeflater(BUILT) };
    const ahead = await writeAhead(host, [tables[1]!], o);
    expect(ahead).toBeDefined();
    const wrong = { ...ahead!, ids: ahead!.ids.map((id) => id + 1) };
    expect(await parts((sink) => writeResultWorkbook(sink, host, tables, { ...o, ahead: wrong }))).toEqual(plain);
    expect(made.get(tables[1]!.rows)).toBe(3);
  });

  it("writes nothing ahead for a district's results, or where the host has no second thread", async () => {
    const host = { ...nodeHost, sheetDeflater: () => startSheetDeflater(BUILT) };
    expect(await writeAhead(host, [table("notes", 10)], { ...o, units: COMPACT_UNITS - 1 })).toBeUndefined();
    expect(await writeAhead({ ...nodeHost, sheetDeflater: () => undefined }, [table("notes", 10)], o)).toBeUndefined();
  });
});
