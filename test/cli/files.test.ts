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

describe("a rubric file too large", () => {
  it("is told the one limit whatever its size (a 5 MB file was told 4 MB, a 2 MB one 1 MB)", async () => {
    const { cli } = await import("../helpers/cli.js");
    const { scratchDir } = await import("../helpers/tmp.js");
    const { join } = await import("node:path");
    const { writeFileSync } = await import("node:fs");
    const dir = scratchDir("assess-big-rubric-");
    for (const mb of [2, 5]) {
      const file = join(dir, `big-${mb}.yaml`);
      writeFileSync(file, "#".repeat(mb * 1024 * 1024));
      const r = await cli(["rubric", "check", file]);
      expect(r.code).toBe(1);
      expect(r.err).toBe(`${file}: 错误: 方案文件过大(${mb} MB,上限 1 MB) [rubric.too-large]\n`);
    }
  });
});

describe("\"-\" for standard input", () => {
  it("is said as not taken, with the path to write instead (it was told no such file)", async () => {
    const { cli } = await import("../helpers/cli.js");
    for (const args of [["validate", "-"], ["rubric", "check", "-"]]) {
      const r = await cli(args);
      expect(r.code).toBe(1);
      expect(r.err.split("\n")[0]).toBe("-: 错误: “-”(标准输入)不能作为文件名:请写出文件的路径;确需从管道读入,写 /dev/stdin [file.dash-stdin]");
    }
  });
});
