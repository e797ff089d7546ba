// Scoring in two steps (the CLI writes a province's notes while it ranks): the notes made from the
// units before the rankings are the notes made after them, and finishing gives what `score` gives.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { score, startScoring } from "../../src/engine/index.js";
import { notesTables, resultTables } from "../../src/report/result-sheets.js";
import { load } from "../helpers/load.js";

const rowsOf = (rows: Iterable<{ cells: readonly unknown[]; row?: string }>): unknown[][] => [...rows].map((r) => [...r.cells, r.row]);

describe("scoring begun, then finished", () => {
  for (const file of ["samples/liuhe-2026.xlsx", "samples/qingshan-2026.xlsx"]) {
    it(`gives the notes before the rankings that it gives after them (${file})`, async () => {
      const loaded = await load(file, readFileSync(file));
      const { rubric, submission } = loaded;
      if (!rubric || !submission) throw new Error("sample did not load");
      const scoring = startScoring(rubric, submission);
      // Read before finish(): the rows are made from the units as they stand now.
      const early = notesTables(rubric, submission, scoring, "zh-CN").map((t) => ({ ...t, rows: rowsOf(t.rows) }));
      // Called before each ranking (the CLI collects a province's garbage there): it changes nothing.
      let calls = 0;
      const results = scoring.finish({ between: () => calls++ });
      expect(calls).toBe(rubric.rankings.length);
      expect(scoring.finish()).toBe(results);
      expect(results.units).toBe(scoring.units);
      const whole = score(rubric, submission);
      const late = resultTables(rubric, submission, whole, "zh-CN", "t").filter((t) => t.sheet.kind === "notes");
      expect(early.length).toBe(late.length);
      expect(early.length).toBeGreaterThan(0);
      for (const [i, t] of late.entries()) {
        const e = early[i]!;
        expect({ ...e, rows: undefined }).toEqual({ ...t, rows: undefined });
        expect(e.rows).toEqual(rowsOf(t.rows));
        expect(e.rows.length).toBeGreaterThan(10);
      }
      expect(JSON.stringify(results)).toBe(JSON.stringify(whole));
    });
  }
});
