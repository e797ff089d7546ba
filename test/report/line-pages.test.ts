// 得分明细 printed several pages across: each page begins at a line (or, where a line is too wide
// for a page, at one of its items), at a scale that prints the widest page whole.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linePages, packed, packedWithin } from "../../src/report/result-sheets.js";
import type { Column } from "../../src/report/result-sheets.js";

const cols = (widths: readonly number[]): Column[] => widths.map((width, i) => ({ header: `c${i}`, kind: "points", width }));

describe("linePages", () => {
  it("fits a table of one page to the page's width, with no breaks of its own", () => {
    expect(linePages(cols([10, 10, 10, 20, 20]), 3, [{ col: 3, level: 0 }])).toEqual({ pagesAcross: 1 });
  });

  it("packs the lines into the fewest pages, the widest as narrow as can be, and breaks before a line's first column", () => {
    // Frozen 30; lines of 60, 50, 40 and 30 units (180 in all past the frozen): two pages, 60 + 50 | 40 + 30.
    const widths = [10, 10, 10, ...Array<number>(6).fill(10), ...Array<number>(5).fill(10), ...Array<number>(4).fill(10), ...Array<number>(3).fill(10)];
    const starts = [3, 9, 14, 18].map((col) => ({ col, level: 0 }));
    const r = linePages(cols(widths), 3, starts);
    expect(r.pagesAcross).toBe(2);
    expect(r.breaks?.before).toEqual([14]);
    // The widest page, 30 + 110 units, printed whole: 100 × 128 ÷ (140 × 1.15) = 79%.
    expect(r.breaks?.scale).toBe(79);
  });

  it("breaks at a line's items where the line alone is too wide for a page, and fits the page's width where an item is too", () => {
    // One line of 300 units (frozen 30): too wide at 70%; its items of 100 each are not.
    const widths = [10, 10, 10, 10, ...Array<number>(3).fill(100)];
    const starts = [{ col: 3, level: 0 }, { col: 5, level: 1 }, { col: 6, level: 1 }];
    const r = linePages(cols(widths), 3, starts);
    expect(r.breaks?.before).toEqual([5, 6]);
    expect(r.pagesAcross).toBe(3);
    // An item of 400 units: no scale of 70% or more prints it; fitted to the page's width as before.
    const wide = linePages(cols([10, 10, 10, 10, 400, 100]), 3, [{ col: 3, level: 0 }, { col: 5, level: 1 }]);
    expect(wide.breaks).toBeUndefined();
    expect(wide.pagesAcross).toBeGreaterThan(1);
  });

  it("parts a group too wide for a page at its own children, each whole, before it parts any at its columns", () => {
    // Frozen 30; a line whose one item is a group of three subgroups of 12 (15, 13 and 13 columns of 8), then a line of 3.
    const widths = [10, 10, 10, ...Array<number>(41).fill(8), 8, 8, 8];
    const r = linePages(cols(widths), 3, [{ col: 3, level: 0 }, { col: 18, level: 2 }, { col: 31, level: 2 }, { col: 44, level: 0 }]);
    expect(r.breaks?.before).toEqual([18, 31, 44]);
    expect(r.breaks?.scale).toBeGreaterThanOrEqual(70);
  });

  it("parts only the block too wide for a page (a group of many children): the lines beside it stay whole", () => {
    // Frozen 30; line A of 3 columns (60 units), line B of 10 (200: too wide at 70%, and no items given), line C of 3.
    const widths = [10, 10, 10, ...Array<number>(16).fill(20)];
    const r = linePages(cols(widths), 3, [{ col: 3, level: 0 }, { col: 6, level: 0 }, { col: 16, level: 0 }]);
    const before = r.breaks?.before ?? [];
    expect(before.length).toBeGreaterThan(0);
    expect(r.pagesAcross).toBe(before.length + 1);
    // Never inside A (columns 3–5) or C (16–18).
    for (const b of before) expect([4, 5, 17, 18]).not.toContain(b);
    expect(r.breaks?.scale).toBeGreaterThanOrEqual(70);
  });

  it("packs a rubric of thousands of items as narrow as exact packing would, to within a thousandth (exactly, it took minutes)", () => {
    const widest = (widths: readonly number[], runs: readonly [number, number][]): number => Math.max(...runs.map(([a, b]) => widths.slice(a, b).reduce((x, w) => x + w, 0)));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 30 }), (widths, asked) => {
        const pages = Math.min(asked, widths.length);
        const runs = packedWithin(widths, pages);
        // In order, each column once, in no more runs than pages.
        expect(runs.flat()).toEqual(runs.flatMap((_, i) => [i === 0 ? 0 : runs[i - 1]![1], runs[i]![1]]));
        expect(runs.at(-1)![1]).toBe(widths.length);
        expect(runs.length).toBeLessThanOrEqual(pages);
        expect(widest(widths, runs)).toBeLessThanOrEqual(widest(widths, packed(widths, pages)) + 0.001);
      }),
    );
    // 10,000 items of 8 units, past the frozen 30: pages of at most the room, as few as hold them.
    const many = linePages(cols([10, 10, 10, ...Array<number>(10_000).fill(8)]), 3, []);
    expect(many.breaks?.before.length).toBe(many.pagesAcross - 1);
    expect(many.pagesAcross).toBeGreaterThan(100);
  });
});
