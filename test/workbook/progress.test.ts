// The news of each sheet is awaited before the sheet is read: the browser edition paints it there
// (a province takes seconds on a page), where a terminal just prints it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { nodeHost } from "../../src/cli/host.js";
import { rubricSource } from "../../src/cli/rubric-source.js";
import { readBook, type Book } from "../../src/load/index.js";
import { WorkbookReader } from "../../src/xlsx/read/index.js";

describe("progress while a workbook is read", () => {
  it("is awaited before each sheet is read", async () => {
    const file = "samples/liuhe-2026.xlsx";
    const reader = await WorkbookReader.open(file, readFileSync(file), nodeHost);
    const log: string[] = [];
    const book: Book = {
      sheets: reader.sheets,
      problems: reader.problems,
      rows: async (s) => {
        log.push(`read ${s.name}`);
        return reader.rows(s);
      },
      sheet: async (s) => {
        log.push(`read ${s.name}`);
        return reader.sheet(s);
      },
    };
    const loaded = await readBook(book, {
      file,
      sha256: "",
      rubrics: await rubricSource(undefined),
      progress: async (_code, data) => {
        await new Promise((r) => setTimeout(r, 1));
        log.push(`shown ${String(data.sheet)}`);
      },
    });
    expect(loaded.submission).toBeDefined();
    for (const s of reader.sheets) {
      expect(log.indexOf(`shown ${s.name}`), s.name).toBeGreaterThanOrEqual(0);
      expect(log.indexOf(`shown ${s.name}`), s.name).toBeLessThan(log.indexOf(`read ${s.name}`));
    }
  });
});
