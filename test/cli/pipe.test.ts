// Output read by a program that stops reading (`assess diff … | head -1`): the rest is dropped,
// without a stack trace, and the command still does its work and exits as it would have.
import { spawn } from "node:child_process";
import { existsSync, openSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scratchDir } from "../helpers/tmp.js";

const dir = scratchDir("assess-pipe-");

/** The built command, as a user runs it, its standard output closed before it writes a line. */
function closedOutput(args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/assess.js", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => resolve({ code, err }));
  });
}

describe("output closed by its reader", () => {
  it("ends a diff quietly, with the exit code it would have had", async () => {
    const r = await closedOutput(["diff", "samples/qingshan-2026.xlsx", "samples/liuhe-2026.xlsx", "--lang", "en"]);
    // No stack trace: no frame line ("    at …"), no EPIPE, no unhandled event.
    expect(r.err).not.toMatch(/EPIPE|node:events|\n\s+at /);
    expect(r.code).toBe(0);
  });

  it("still writes the result of a score whose rankings nobody reads", async () => {
    const out = join(dir, "scored.xlsx");
    const r = await closedOutput(["score", "samples/qingshan-2026.xlsx", "-o", out]);
    expect(r.err).not.toMatch(/EPIPE|node:events/);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});

describe("output that cannot be written", () => {
  // A full disk under `assess rubric schema > schema.json` (Linux's /dev/full says ENOSPC to every write).
  it.skipIf(!existsSync("/dev/full"))("is said, and the command fails: the file it left is cut short", async () => {
    const r = await new Promise<{ code: number | null; err: string }>((resolve) => {
      const child = spawn(process.execPath, ["bin/assess.js", "rubric", "schema", "--lang", "en"], { stdio: ["ignore", openSync("/dev/full", "w"), "pipe"] });
      let err = "";
      child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
      child.on("exit", (code) => resolve({ code, err }));
    });
    expect(r.err).toBe("standard output: error: the output could not be written in full (the disk is full) and must not be used [file.stdout-failed]\n");
    expect(r.code).toBe(1);
  });

  // Room for the first 8 KiB only (a shell's file size limit): the first write goes in part, the rest fails.
  it.skipIf(process.platform === "win32")("is said when the file took part of it, and the command fails", async () => {
    const file = join(dir, "cut.json");
    const r = await new Promise<{ code: number | null; err: string }>((resolve) => {
      const child = spawn("bash", ["-c", `ulimit -f 8; exec "${process.execPath}" bin/assess.js rubric schema --lang en > "${file}"`], { stdio: ["ignore", "ignore", "pipe"] });
      let err = "";
      child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
      child.on("exit", (code) => resolve({ code, err }));
    });
    expect(statSync(file).size).toBe(8192);
    expect(r.err).toBe("standard output: error: the output could not be written in full (the file grew past the size allowed) and must not be used [file.stdout-failed]\n");
    expect(r.code).toBe(1);
  });
});

describe("a workbook read from a pipe", () => {
  /** The built command with the sample workbook on its standard input, through a pipe (as `cat … |` gives it). */
  function piped(args: string[]): Promise<{ code: number | null; err: string }> {
    return new Promise((resolve) => {
      const child = spawn("sh", ["-c", `cat samples/qingshan-2026.xlsx | "$0" bin/assess.js "$@"`, process.execPath, ...args], { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LANG: "zh_CN.UTF-8" } });
      let err = "";
      child.stderr.on("data", (d: Buffer) => (err += d.toString()));
      child.on("exit", (code) => resolve({ code, err }));
    });
  }

  it.skipIf(process.platform === "win32")("asks for -o where a result would go beside it, and scores with -o", async () => {
    for (const command of ["score", "report"]) {
      const r = await piped([command, "/dev/stdin"]);
      expect([r.code, r.err], command).toEqual([2, `用法错误:/dev/stdin 不是普通的文件路径(管道、/dev/stdin 之类),结果无法写在它旁边;请用 -o 指定输出文件,如 -o ${command === "score" ? "结果" : "报告"}.xlsx\n运行 assess ${command} --help 查看用法\n`]);
    }
    // A file redirected to it (`< x.xlsx`): /dev/stdin is then that file, but beside it is /dev.
    const redirected = await new Promise<{ code: number | null; err: string }>((resolve) => {
      const child = spawn("sh", ["-c", `"$0" bin/assess.js report /dev/stdin --format html < samples/qingshan-2026.xlsx`, process.execPath], { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LANG: "zh_CN.UTF-8" } });
      let err = "";
      child.stderr.on("data", (d: Buffer) => (err += d.toString()));
      child.on("exit", (code) => resolve({ code, err }));
    });
    expect([redirected.code, redirected.err]).toEqual([2, "用法错误:/dev/stdin 不是普通的文件路径(管道、/dev/stdin 之类),结果无法写在它旁边;请用 -o 指定输出文件,如 -o 报告.html\n运行 assess report --help 查看用法\n"]);
    expect(existsSync("/dev/stdin.report.html")).toBe(false);
    const out = join(dir, "piped.xlsx");
    const r = await piped(["score", "/dev/stdin", "-o", out]);
    expect(r.code, r.err).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(10_000);
    // Scored again through another pipe (bash's <(…), /dev/fd/63): replaced as this workbook's result.
    const again = spawn("bash", ["-c", `"$0" bin/assess.js score <(cat samples/qingshan-2026.xlsx) -o "$1"`, process.execPath, out], { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LANG: "zh_CN.UTF-8" } });
    let err = "";
    again.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => again.on("exit", resolve));
    expect([code, err.split("\n").filter((l) => l.includes("错误"))]).toEqual([0, []]);
    // The result of a workbook read by its name is not (it may be another's), piped or not.
    const named = join(dir, "named.xlsx");
    const byName = spawn(process.execPath, ["bin/assess.js", "score", "samples/liuhe-2026.xlsx", "-o", named], { stdio: "ignore" });
    expect(await new Promise((resolve) => byName.on("exit", resolve))).toBe(0);
    const refused = await piped(["score", "/dev/stdin", "-o", named]);
    expect([refused.code, refused.err]).toEqual([2, `${named}: 错误: 文件已存在,是另一个工作簿(liuhe-2026.xlsx)的计分结果,为免覆盖未写入;请换个文件名,或加 --force 覆盖 [file.result-of-other]\n`]);
  });
});
