// An office's own rubric: once the template is made with --rubric, the cover names it, and the
// file named ID-VERSION.yaml beside the workbook is found without --rubric again.
import { copyFileSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { scratchDir } from "../helpers/tmp.js";

describe("a rubric given that the cover does not name", () => {
  it("is said first, before every cell that does not fit it", async () => {
    const r = await cli(["validate", "samples/qingshan-2026.xlsx", "--rubric", "rubric/township-comprehensive-2026.1.yaml"]);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split("\n");
    expect(lines[0]).toBe("samples/qingshan-2026.xlsx: 封面!B3: 警告: 封面写的方案是 district-popplan 2022.1,但本次使用 township-comprehensive 2026.1 [workbook.cover-rubric-mismatch]");
    expect(lines.filter((l) => l.includes(": 错误: ")).length).toBeGreaterThan(20);
  });
});

describe("a rubric of the office's own", () => {
  it("is found beside the workbook, or in a rubric/ folder there; otherwise the error says where to put it", async () => {
    const dir = scratchDir("assess-own-");
    const rubric = join(dir, "mini-1.yaml");
    copyFileSync("test/fixtures/mini-rubric.yaml", rubric);
    const book = join(dir, "2026.xlsx");
    writeFileSync(join(dir, "units.csv"), "甲镇,镇\n");
    expect((await cli(["template", "--rubric", rubric, "--units", join(dir, "units.csv"), "-o", book])).code).toBe(0);
    // Blank cells are errors, but the rubric is found: no rubric.not-found.
    const found = await cli(["validate", book]);
    expect(found.err).toContain("[workbook.blank-points]");
    expect(found.err).not.toContain("rubric.not-found");
    mkdirSync(join(dir, "rubric"));
    renameSync(rubric, join(dir, "rubric", "mini-1.yaml"));
    expect((await cli(["validate", book])).err).not.toContain("rubric.not-found");
    renameSync(join(dir, "rubric", "mini-1.yaml"), join(dir, "rubric", "other.yaml"));
    const lost = await cli(["validate", book]);
    expect(lost.code).toBe(1);
    expect(lost.err).toContain("封面!B3: 错误: 找不到方案 mini 1");
    expect(lost.err).toContain("请把方案文件 mini-1.yaml 放在工作簿旁边");
  });
});
