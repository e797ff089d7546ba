// A large workbook's largest sheets are read on a second thread while this one reads the others.
// What a user is told must not depend on which thread read a sheet: the same cells and values,
// hidden rows, merged ranges, the same cell problems at the same cells (and the same count past
// the cap), the same cell limit; a sheet that fails there is read here, and fails as it does here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import zlib from "node:zlib";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../bench/generate.mjs";
import { nodeHost } from "../../src/cli/host.js";
import { startSheetDeflater } from "../../src/cli/sheet-deflater.js";
import { startSheetReader } from "../../src/cli/sheet-reader.js";
import { park, takeSpare } from "../../src/cli/sheet-thread.js";
import { Problems } from "../../src/diagnostics/index.js";
import { loadWorkbook, type Host } from "../../src/load/index.js";
import type { Submission } from "../../src/model/submission.js";
import { loadRubric } from "../../src/rubric/load.js";
import { leaves } from "../../src/rubric/model.js";
import { packSheet, PackedRows, type AheadInput, type AheadJob, type PackedSheet } from "../../src/xlsx/read/ahead.js";
import { ValueCache } from "../../src/xlsx/read/cells.js";
import { SheetRows } from "../../src/xlsx/read/sheet.js";
import { DEFAULT_LIMITS, type PulledSheet } from "../../src/xlsx/read/index.js";
import { encodeUtf8 } from "../../src/xlsx/bytes.js";
import { worksheet } from "./helpers.js";
import { scratchDir } from "../helpers/tmp.js";

// The sources run here, so the worker is the one `npm ci` built beside the bundle.
const BUILT = new URL("../../dist/cli/sheet-worker.mjs", import.meta.url);

const FILE = "省.xlsx";
const SST = ["甲镇", " 乙镇 ", "合计"];
// Style 1 is a percent, style 2 a date, 3 and 4 percents shown with no decimal and one, 5 a number with two, 6 text struck through (as the book's styles would say); shared string 2 struck through in its runs.
const INPUT: AheadInput = { file: FILE, sst: SST, formats: ["general", "percent", "date", "percent-0", "percent-1", "general-2", "general"], struck: [false, false, false, false, false, false, true], sstStruck: new Set([2]), date1904: false, limits: DEFAULT_LIMITS, cap: 100 };

/** Every kind of cell the reader meets, rows out of order and split, a hidden row, problems, merges, a selected tab. */
const TRICKY = worksheet(
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t xml:space="preserve"> 前后 </t></is></c><c r="C1" s="1"><v>0.95</v></c><c r="D1" s="2"><v>45000</v></c><c r="E1"><v>0.12345678901234</v></c><c r="F1"><v>95</v></c><c r="G1" s="3"><v>0.9499</v></c><c r="H1" s="4"><v>0.9795</v></c><c r="I1" s="5"><v>0.9799</v></c></row>' +
    '<row r="2" hidden="1"><c r="A2" t="b"><v>1</v></c><c r="B2" t="e"><v>#DIV/0!</v></c><c r="C2"><f>A1+1</f><v>3</v></c><c r="D2"><f>SUM(A1)</f></c><c r="E2"><v>abc</v></c><c r="F2" t="s"><v>99</v></c><c r="G2" t="b"><v>0</v></c></row>' +
    '<row r="4"><c r="A4" t="s"><v>1</v></c><c r="B4"><v>-0</v></c><c r="C4" s="6" t="s"><v>0</v></c><c r="D4" s="6"><v>12.5</v></c></row>' +
    '<row r="3"><c r="A3" t="s"><v>2</v></c></row>' +
    '<row r="5"><c r="B5"><v>2</v></c></row><row r="5"><c r="A5"><v>1</v></c></row>' +
    "<row><c><v>7</v></c><c/><c t=\"str\"><v>文本</v></c></row>",
  '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>',
).replace("<sheetData>", '<sheetViews><sheetView tabSelected="1"/></sheetViews><cols><col min="2" max="3" width="9" hidden="1"/><col min="5" max="5" width="12"/></cols><sheetData>');

function job(xml: string, method: 0 | 8 = 8, sheet = "指标数据"): AheadJob {
  const bytes = encodeUtf8(xml);
  const data = method === 8 ? new Uint8Array(zlib.deflateRawSync(bytes)) : bytes.slice();
  return { sheet, entry: { name: "xl/worksheets/sheet7.xml", method, csize: data.length, usize: bytes.length, crc: zlib.crc32(bytes) }, data };
}

interface Read {
  rows: unknown[];
  problems: unknown[];
  cells: number;
  merges: readonly string[];
  selected: boolean;
  hidden: number[];
  hiddenCols: readonly number[];
}

function taken(rows: PulledSheet, problems: Problems, counter: { cells: number }): Read {
  const out = [...rows].map((r) => ({ hidden: r.hidden, cells: r.cells.map((c) => ({ ref: c.ref, row: c.row, col: c.col, value: c.value, formula: c.formula, struck: c.struck === true })) }));
  return { rows: out, problems: problems.all(), cells: counter.cells, merges: rows.merges, selected: rows.selected, hidden: [...rows.hiddenRows].sort((a, b) => a - b), hiddenCols: rows.hiddenCols ?? [] };
}

/** The sheet as this thread's reader reads it, after `before` problems found in sheets before it. */
function here(xml: string, before = 0): Read {
  const problems = new Problems(FILE, 100);
  for (let i = 0; i < before; i++) problems.error("xlsx.bad-number", "封面", `A${i + 1}`, { value: "x" });
  const counter = { cells: 0 };
  const rows = new SheetRows(encodeUtf8(xml), { name: "指标数据", entry: "xl/worksheets/sheet7.xml", sst: SST, sstStruck: INPUT.sstStruck, formats: INPUT.formats, struck: INPUT.struck, date1904: false, limits: DEFAULT_LIMITS, problems, counter, cache: new ValueCache() });
  return taken(rows, problems, counter);
}

/** The same sheet packed (as the other thread does) and handed out here. */
function unpacked(packed: PackedSheet, before = 0): Read {
  const problems = new Problems(FILE, 100);
  for (let i = 0; i < before; i++) problems.error("xlsx.bad-number", "封面", `A${i + 1}`, { value: "x" });
  const counter = { cells: 0 };
  return taken(new PackedRows(packed, { problems, counter, cache: new ValueCache() }), problems, counter);
}

describe("a sheet packed on one thread and handed out on another", () => {
  it("gives every cell, value, hidden row, merged range and problem the reader gives", async () => {
    const want = here(TRICKY);
    // The sheet has what this test is about: problems at their cells, a hidden row, a merge.
    expect(want.problems).toEqual([
      expect.objectContaining({ code: "xlsx.bad-number", location: { file: FILE, sheet: "指标数据", cell: "E2" } }),
      expect.objectContaining({ code: "xlsx.bad-shared-string", location: { file: FILE, sheet: "指标数据", cell: "F2" } }),
    ]);
    expect(want.hidden).toEqual([2]);
    // Columns B–C hidden (E only sized): as first and last.
    expect(want.hiddenCols).toEqual([2, 3]);
    // Struck through (style 6, and shared string 2): those cells alone.
    const rows = want.rows as { cells: { ref: string; struck: boolean }[] }[];
    expect(rows.flatMap((r) => r.cells.filter((c) => c.struck).map((c) => c.ref)).sort()).toEqual(["A3", "C4", "D4"]);
    expect(want.merges).toEqual(["A1:B1"]);
    for (const method of [0, 8] as const) {
      const { packed } = await packSheet(INPUT, job(TRICKY, method), nodeHost);
      expect(unpacked(packed)).toEqual(want);
    }
  });

  it("shares a short number's value between cells as the reader does, and not a long one's", async () => {
    const xml = worksheet('<row r="1"><c r="A1"><v>95</v></c><c r="B1"><v>95</v></c><c r="C1"><v>0.12345678901234</v></c><c r="D1"><v>0.12345678901234</v></c></row>');
    const { packed } = await packSheet(INPUT, job(xml), nodeHost);
    const [row] = [...new PackedRows(packed, { problems: new Problems(FILE), counter: { cells: 0 }, cache: new ValueCache() })];
    const [a, b, c, d] = row?.cells ?? [];
    expect(a?.value).toBe(b?.value);
    expect(c?.value).not.toBe(d?.value);
    expect(c?.value).toEqual(d?.value);
  });

  it("keeps the first 100 problems of the book and counts the rest, wherever the cap falls", async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>x${i}</v></c><c r="B${i + 1}"><v>${i}</v></c></row>`).join("");
    const xml = worksheet(rows);
    const { packed } = await packSheet(INPUT, job(xml), nodeHost);
    for (const before of [0, 60, 100]) {
      const want = here(xml, before);
      expect(want.problems.at(-1)).toMatchObject({ code: "xlsx.more-problems", data: { count: 50 + before } });
      expect(unpacked(packed, before)).toEqual(want);
    }
  });

  it("gives rows past a block's size whole and in order", async () => {
    // 70,000 cells: more than one block of packed cells.
    const rows = Array.from({ length: 10_000 }, (_, r) => `<row r="${r + 2}">${Array.from({ length: 7 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 2}"${c === 0 ? ' t="s"' : ""}><v>${c === 0 ? r % 3 : (r * 7 + c) / 100}</v></c>`).join("")}</row>`).join("");
    const xml = worksheet(rows);
    const { packed } = await packSheet(INPUT, job(xml), nodeHost);
    expect(packed.blocks.length).toBeGreaterThan(1);
    expect(unpacked(packed)).toEqual(here(xml));
  });

  it("holds for any rows of numbers, texts and blanks (property)", async () => {
    const cell = fc.oneof(fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -1000, max: 1000 }), fc.string({ maxLength: 8 }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 30 }), async (grid) => {
        const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd]/g, "");
        const rows = grid
          .map((cells, r) => `<row r="${r + 1}">${cells.map((v, c) => (v === null ? "" : typeof v === "number" ? `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${v}</v></c>` : `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`)).join("")}</row>`)
          .join("");
        const xml = worksheet(rows);
        const { packed } = await packSheet(INPUT, job(xml), nodeHost);
        expect(unpacked(packed)).toEqual(here(xml));
      }),
      { numRuns: 60 },
    );
  });

  it("throws what the reader throws for a part it cannot read", async () => {
    const bad = job(worksheet('<row r="1"><c r="A1"><v>1</v></row>'));
    await expect(packSheet(INPUT, bad, nodeHost)).rejects.toMatchObject({ code: "xlsx.bad-xml" });
    const lying = { ...job(TRICKY), entry: { ...job(TRICKY).entry, crc: 1 } };
    await expect(packSheet(INPUT, lying, nodeHost)).rejects.toMatchObject({ code: "xlsx.crc-mismatch" });
  });
});

describe("the sheet worker reading ahead (the built worker)", () => {
  it("reads the sheets this thread has not taken, in order; a sheet it cannot read comes back to be read here", async () => {
    const jobs = [job(TRICKY), job(TRICKY), job(worksheet('<row r="1"><c r="A1"><v>1</v></row>')), job(TRICKY)];
    const reads = startSheetReader(INPUT, jobs, BUILT);
    expect(reads).toBeDefined();
    if (!reads) return;
    // Taken here before the worker has started: the worker leaves it.
    expect(reads.claim(0)).toBe(true);
    const first = await reads.result(1);
    expect(first && unpacked(first)).toEqual(here(TRICKY));
    // Once the worker has begun a sheet, it is the worker's to give.
    expect(reads.claim(1)).toBe(false);
    expect(await reads.result(2)).toBeUndefined();
    const last = await reads.result(3);
    expect(last && unpacked(last)).toEqual(here(TRICKY));
    reads.close(true);
  });

  it("is stopped when reading ends halfway, not kept", async () => {
    // (Ending any kept by the test before.)
    await takeSpare(BUILT)?.terminate();
    const reads = startSheetReader(INPUT, [job(TRICKY), job(TRICKY)], BUILT);
    expect(await reads?.result(0)).toBeDefined();
    reads?.close(false);
    expect(takeSpare(BUILT)).toBeUndefined();
  });

  it("goes on to write the results once it has read the workbook", async () => {
    const reads = startSheetReader(INPUT, [job(TRICKY)], BUILT);
    expect(await reads?.result(0)).toBeDefined();
    reads?.close(true);
    // The thread that read is the one kept, and the one the writer takes.
    const kept = takeSpare(BUILT);
    expect(kept).toBeDefined();
    if (kept) park(kept, BUILT);
    const deflater = startSheetDeflater(BUILT);
    expect(takeSpare(BUILT)).toBeUndefined();
    expect(deflater).toBeDefined();
    const parts: Uint8Array[] = [];
    const { size } = (await deflater?.deflate({ widths: [10], rows: [{ cells: ["甲镇", 1], styles: [] }], pagesWide: 1, landscape: false }, (b) => parts.push(b))) ?? { size: 0 };
    deflater?.close();
    const xml = zlib.inflateRawSync(Buffer.concat(parts));
    expect(xml.length).toBe(size);
    expect(xml.toString("utf8")).toContain("<t>甲镇</t>");
  });
});

/** A submission as data: its units, ledger and cover, and every value entered with its cell. */
function plain(sub: Submission | undefined, codes: readonly string[]): unknown {
  if (!sub) return undefined;
  const values = sub.units.map((_, u) =>
    codes.flatMap((code) => {
      const slot = sub.values.slot(code);
      return slot === undefined ? [] : [[code, sub.values.get(u, slot), sub.values.at(u, slot)]];
    }),
  );
  return { units: sub.units, ledger: sub.ledger, cover: sub.cover, values };
}

describe("a province's workbook read with and without the second thread", () => {
  const dir = scratchDir("assess-ahead-");
  let bytes: Uint8Array;
  const RUBRIC = "rubric/district-popplan-2022.1.yaml";
  const loaded = loadRubric(RUBRIC, readFileSync(RUBRIC), "test");
  const rubric = loaded.rubric;
  const codes = rubric ? [...rubric.lines.flatMap((l) => leaves(l.items).map((i) => i.code)), ...rubric.indicators.map((i) => i.code), ...rubric.targets.map((t) => t.code)] : [];
  const rubrics = { bundled: rubric ? [{ id: rubric.id, version: rubric.version, load: () => loaded }] : [] };

  beforeAll(() => {
    const file = join(dir, "province.xlsx");
    const judged = Object.fromEntries((rubric?.lines ?? []).map((l) => [l.code, leaves(l.items).filter((i) => i.kind === "judged").map((i) => ({ code: i.code, name: i.name, max: i.max / 100 }))]));
    // 7,000 towns: sheets large enough to be read ahead.
    generate(file, 7000, judged);
    bytes = readFileSync(file);
  });

  it("gives the same submission and the same diagnostics, with sheets read there", async () => {
    let packed = 0;
    const ahead: Host = {
      ...nodeHost,
      sheetReader: (input, jobs) => {
        const reads = startSheetReader(input, jobs, BUILT);
        return (
          reads && {
            ...reads,
            result: async (i) => {
              const p = await reads.result(i);
              if (p) packed++;
              return p;
            },
          }
        );
      },
    };
    const alone: Host = { ...nodeHost, sheetReader: undefined };
    const a = await loadWorkbook({ file: FILE, bytes, rubrics, host: ahead });
    const b = await loadWorkbook({ file: FILE, bytes, rubrics, host: alone });
    expect(packed).toBeGreaterThan(0);
    expect(a.submission?.units.length).toBeGreaterThanOrEqual(7000);
    expect(a.diagnostics).toEqual(b.diagnostics);
    expect(plain(a.submission, codes)).toEqual(plain(b.submission, codes));
  }, 60_000);
});
