import { describe, expect, it } from "vitest";
import { betweenParts, stepEnded } from "../../src/cli/memory.js";
import { COMPACT_UNITS } from "../../src/report/compact.js";

/** Garbage enough to see: `count` small objects (a million: some 60 MB), made, kept through a collection or two, then dropped. */
function garbage(count = 1_000_000): void {
  let keep: { i: number; s: string }[] | undefined = [];
  for (let i = 0; i < count; i++) keep.push({ i, s: `x${i}` });
  expect(keep.length).toBe(count);
  keep = undefined;
}

describe("memory between a province's steps", () => {
  it("collects what a step left once the run is a province's, and leaves no gc behind", () => {
    garbage();
    const before = process.memoryUsage().heapUsed;
    stepEnded(COMPACT_UNITS);
    const after = process.memoryUsage().heapUsed;
    // The million objects (some 60 MB) are gone, and nothing else was given a `gc` to call.
    expect(before - after).toBeGreaterThan(30 * 1024 * 1024);
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });

  it("leaves a district's run alone", () => {
    garbage();
    const before = process.memoryUsage().heapUsed;
    stepEnded(COMPACT_UNITS - 1);
    expect(before - process.memoryUsage().heapUsed).toBeLessThan(30 * 1024 * 1024);
  });

  it("collects between a step's parts only once the heap has grown well past where it stood", () => {
    expect(betweenParts(COMPACT_UNITS - 1)).toBeUndefined();
    const between = betweenParts(COMPACT_UNITS);
    if (!between) throw new Error("no collector for a province");
    // Grown by less than it waits for (some 18 MB of garbage kept through a collection or two, then
    // dropped): left lying, not collected.
    garbage(300_000);
    const little = process.memoryUsage().heapUsed;
    between();
    expect(little - process.memoryUsage().heapUsed).toBeLessThan(8 * 1024 * 1024);
    // A part's garbage piled up (well past the growth it waits for): collected.
    garbage(2_000_000);
    const before = process.memoryUsage().heapUsed;
    between();
    expect(before - process.memoryUsage().heapUsed).toBeGreaterThan(30 * 1024 * 1024);
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
  });
});
