import { describe, expect, it } from "vitest";
import { stepEnded } from "../../src/cli/memory.js";
import { COMPACT_UNITS } from "../../src/report/result-file.js";

/** Garbage enough to see: a million small objects, made, kept through a collection or two, then dropped. */
function garbage(): void {
  let keep: { i: number; s: string }[] | undefined = [];
  for (let i = 0; i < 1_000_000; i++) keep.push({ i, s: `x${i}` });
  expect(keep.length).toBe(1_000_000);
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
});
