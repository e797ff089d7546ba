// A bundled rubric's file edited in place after installing (an office changing 2026.1's money
// there, not in a copy of its own): said wherever a workbook is scored under it, as its results
// are recorded under that version though they are not what it gives.
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { scratchDir } from "../helpers/tmp.js";

describe("a bundled rubric edited since assess was installed", () => {
  it("is said where a workbook is validated or scored under it, at its file, and not where it is as installed", () => {
    // An installed copy of assess (its build and rubrics), whose comprehensive rubric is then edited.
    const dir = scratchDir("assess-bundled-edit-");
    const home = join(dir, "assess");
    for (const part of ["bin", "dist", "rubric", "package.json"]) cpSync(part, join(home, part), { recursive: true });
    symlinkSync(resolve("node_modules"), join(home, "node_modules"), "dir");
    cpSync("samples/liuhe-2026.xlsx", join(dir, "liuhe-2026.xlsx"));
    const run = (args: string[]): { code: number | null; err: string; out: string } => {
      const r = spawnSync(process.execPath, [join(home, "bin", "assess.js"), ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, LANG: "zh_CN.UTF-8" } });
      return { code: r.status, err: r.stderr, out: r.stdout };
    };
    expect(run(["validate", "liuhe-2026.xlsx"]).err).not.toContain("bundled-edited");
    // Last year's result, scored as installed.
    expect(run(["score", "liuhe-2026.xlsx", "-o", "去年.xlsx"]).code).toBe(0);
    const file = join(home, "rubric", "township-comprehensive-2026.1.yaml");
    const text = readFileSync(file, "utf8");
    // A comment added, saved with Windows line ends: no edit (its results are the same).
    writeFileSync(file, ("# 已阅\n" + text).replace(/\n/g, "\r\n"));
    expect(run(["validate", "liuhe-2026.xlsx"]).err).not.toContain("bundled-edited");
    expect(text).toContain("amount: 50000");
    writeFileSync(file, text.replace("amount: 50000", "amount: 60000"));
    // (Named as found from the folder it runs in.)
    const shown = join("assess", "rubric", "township-comprehensive-2026.1.yaml");
    const said = `${shown}: 警告: ${shown} 是 assess 自带的方案 township-comprehensive 2026.1,安装后被改动过:本次按改动后的内容计分,结果却仍记为 township-comprehensive 2026.1,与按原方案算出的不同。请恢复这个文件(重新安装 assess),把改动写进另取方案编号(id)的副本,计分时用 --rubric 指定 [rubric.bundled-edited]\n`;
    const validated = run(["validate", "liuhe-2026.xlsx"]);
    expect(validated.code).toBe(0);
    expect(validated.err).toContain(said);
    // (Not the advice to change a copy "as said above": restoring it is what is said.)
    expect(validated.err).not.toContain("bundled-rubric-advice");
    // Given by its path, as the advice to use --rubric may lead one to: the same.
    expect(run(["validate", "liuhe-2026.xlsx", "--rubric", join("assess", "rubric", "township-comprehensive-2026.1.yaml")]).err).toContain("[rubric.bundled-edited]");
    const scored = run(["score", "liuhe-2026.xlsx"]);
    expect(scored.code).toBe(0);
    expect(scored.err).toContain(said);
    // Compared with last year's result: said, and that the comparison is of the two scored again
    // (it said nothing, and that no unit changed, of a result recording 50,000 where 60,000 is given now).
    const compared = run(["diff", "去年.xlsx", "liuhe-2026.xlsx"]);
    expect(compared.err).toContain(said);
    expect(compared.out.trimEnd().split("\n").at(-1)).toBe("(以上按现在的方案文件计分比较;assess 自带的这个方案文件安装后被改动过,见上面的警告,结果与按原方案算出的可能不同)");
    // On paper, with no warning above it: the file named.
    expect(run(["diff", "去年.xlsx", "liuhe-2026.xlsx", "-o", "变更说明.html"]).code).toBe(0);
    expect(readFileSync(join(dir, "变更说明.html"), "utf8")).toContain(`以上按现在的方案文件 ${shown}(township-comprehensive 2026.1)计分比较;assess 自带的这个方案文件安装后被改动过`);
  });
});
