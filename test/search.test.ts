// The one binary search the engine's rankings, quotas and pending claims and the report's held prizes use.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { partitionPoint } from "../src/model/search.js";

describe("partitionPoint", () => {
  it("counts the leading elements of a sorted list that pass a test, for any list and any split", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (xs, x) => {
        const sorted = [...xs].sort((a, b) => a - b);
        expect(partitionPoint(sorted.length, (i) => (sorted[i] ?? 0) <= x)).toBe(sorted.filter((v) => v <= x).length);
        expect(partitionPoint(sorted.length, (i) => (sorted[i] ?? 0) < x)).toBe(sorted.filter((v) => v < x).length);
      }),
    );
  });
});
