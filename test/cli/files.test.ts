// Reading the user's files: a device or a pipe named as the input has no size to check before
// reading; it is read up to the limit and no further (`assess validate /dev/zero` used to read on
// until memory ran out).
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readUserFile } from "../../src/cli/files.js";

describe("a file that is not a regular file", () => {
  it.skipIf(!existsSync("/dev/zero"))("is read up to the limit, then refused as too large with the caller's message", () => {
    const r = readUserFile("/dev/zero", 3 * 1024 * 1024, "rubric.too-large");
    expect(r.bytes).toBeUndefined();
    expect(r.diagnostics?.map((d) => [d.code, d.location, d.data.limit])).toEqual([["rubric.too-large", { file: "/dev/zero" }, 3 * 1024 * 1024]]);
  });

  it.skipIf(!existsSync("/dev/null"))("is read whole when it ends within the limit", () => {
    expect(readUserFile("/dev/null", 1024).bytes?.length).toBe(0);
  });
});
