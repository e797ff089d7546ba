// Interrupting a write with real signals: Ctrl-C (SIGINT), termination (SIGTERM), a closed terminal
// (SIGHUP) or kill -9 (SIGKILL) mid-write never leaves a partial or empty result and never touches
// the input; all but SIGKILL also remove the temp file.
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { constants } from "node:os";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../bench/generate.mjs";
import { loadRubric } from "../../src/rubric/load.js";
import { leaves } from "../../src/rubric/model.js";
import { readXlsx } from "../xlsx/helpers.js";
import { scratchDir } from "../helpers/tmp.js";

const dir = scratchDir("assess-signals-");
let input: string;
let inputHash: string;
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");
/** The exit status as a shell gives it ($?): 128 and the signal's number for a run the signal ended. */
const shellCode = (code: number | null, signal: NodeJS.Signals | null): number | null => code ?? (signal ? 128 + constants.signals[signal] : null);

beforeAll(() => {
  input = join(dir, "big.xlsx");
  const f = "rubric/district-popplan-2022.1.yaml";
  const rubric = loadRubric(f, readFileSync(f), "test").rubric!;
  const judged = Object.fromEntries(rubric.lines.map((l) => [l.code, leaves(l.items).filter((i) => i.kind === "judged").map((i) => ({ code: i.code, name: i.name, max: i.max / 100 }))]));
  generate(input, 3000, judged);
  inputHash = sha(input);
});

/** Starts `assess score` (the built command, as a user runs it), waits until its temporary output has bytes, then sends the signal. */
function interrupt(signal: NodeJS.Signals, out: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; sawTemp: boolean; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/assess.js", "score", input, "-o", out, "--lang", "en"], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    let sawTemp = false;
    const poll = setInterval(() => {
      const tmp = readdirSync(dir).find((f) => f.startsWith(`.${out.split("/").pop()}.`) && f.endsWith(".tmp"));
      if (tmp && statSync(join(dir, tmp)).size > 0) {
        sawTemp = true;
        clearInterval(poll);
        child.kill(signal);
      }
    }, 5);
    child.on("close", (code, sig) => {
      clearInterval(poll);
      resolve({ code: shellCode(code, sig), signal: sig, sawTemp, err });
    });
  });
}

/** Starts `assess score -o out` and sends SIGINT after `ms`; whether a temporary output had appeared by then. */
function interruptAfter(ms: number, out: string): Promise<{ code: number | null; err: string; sawTemp: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/assess.js", "score", input, "-o", out, "--lang", "en"], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    let sawTemp = false;
    setTimeout(() => {
      sawTemp = readdirSync(dir).some((f) => f.startsWith(`.${out.split("/").pop()}.`) && f.endsWith(".tmp"));
      child.kill("SIGINT");
    }, ms);
    child.on("close", (code, sig) => resolve({ code: shellCode(code, sig), err, sawTemp }));
  });
}


/** A script run with node: its exit code as a shell gives it and what it wrote to standard error. */
function runScript(script: string): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("close", (code, sig) => resolve({ code: shellCode(code, sig), err }));
  });
}
describe("an interrupted score", () => {
  it("said at the output while the workbook is still read or scored (nothing was said before its write began)", async () => {
    // The first interruption that lands after the output was checked and before its write began.
    let said: string | undefined;
    for (const ms of [250, 400, 600, 900, 1300]) {
      const out = join(dir, `early-${ms}.xlsx`);
      const r = await interruptAfter(ms, out);
      if (r.code !== 130 || r.sawTemp || existsSync(out)) continue;
      said = r.err.trimEnd().split("\n").at(-1);
      if (said?.includes("[file.interrupted")) {
        expect(said).toBe(`${out}: error: interrupted: this file was not written (nothing half-written is left) [file.interrupted-new]`);
        return;
      }
    }
    expect(said).toContain("[file.interrupted-new]");
  });

  it.each(["SIGINT", "SIGTERM", "SIGHUP", "SIGKILL"] as NodeJS.Signals[])("%s mid-write leaves no result, a whole one, or nothing at all — never a partial file", async (signal) => {
    const out = join(dir, `out-${signal}.xlsx`);
    const r = await interrupt(signal, out);
    expect(r.sawTemp).toBe(true);
    expect(sha(input)).toBe(inputHash);
    if (existsSync(out)) {
      // The rename won the race: then the file is whole.
      expect((await readXlsx(out, readFileSync(out))).book).toBeDefined();
    }
    if (signal !== "SIGKILL") {
      expect([129, 130, 143]).toContain(r.code);
      expect(readdirSync(dir).filter((f) => f.includes(`out-${signal}`) && f.endsWith(".tmp"))).toEqual([]);
      // Said as the last line, at the file (the last on screen was "writing …").
      if (!existsSync(out)) expect(r.err.trimEnd().split("\n").at(-1)).toBe(`${out}: error: interrupted: this file was not written (nothing half-written is left) [file.interrupted-new]`);
    }
  });

  it("a signal that comes once the file is written whole says so (the exit code alone read as not written)", async () => {
    // A signal during the last flush lands after the rename (the run then ends on it). Here the run
    // writes its file (the browser edition: quick), then the signal comes.
    const out = join(dir, "页面.html");
    const script = join(dir, "after-write.mjs");
    writeFileSync(script, `import { main } from ${JSON.stringify(join(process.cwd(), "dist/cli/main.js"))};\nawait main(["web", "-o", ${JSON.stringify(out)}, "--lang", "en"]);\nprocess.kill(process.pid, "SIGINT");\nsetTimeout(() => {}, 5000);\n`);
    const run = (): Promise<{ code: number | null; err: string }> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [script], { stdio: ["ignore", "ignore", "pipe"] });
        let err = "";
        child.stderr.on("data", (d: Buffer) => (err += d.toString()));
        child.on("close", (code, sig) => resolve({ code: shellCode(code, sig), err }));
      });
    const r = await run();
    expect(r.code).toBe(130);
    expect(existsSync(out)).toBe(true);
    expect(r.err.trimEnd().split("\n").at(-1)).toBe(`${out}: warning: interrupted: this file had been written whole before the interruption [file.interrupted-written-new]`);
    // Over an earlier one: that it was replaced (the earlier file is not there to go back to).
    const again = await run();
    expect(again.code).toBe(130);
    expect(again.err.trimEnd().split("\n").at(-1)).toBe(`${out}: warning: interrupted: this file had been written whole before the interruption (replacing an earlier file of this name) [file.interrupted-written]`);
  });

  it("a signal that comes while a file is made (in one go, an HTML report) leaves it unwritten: it was written after the signal and said to be written before it", async () => {
    const out = join(dir, "made.html");
    const script = join(dir, "while-made.mjs");
    // The signal is sent while the bytes are made (the event loop not turning, as an HTML report's rendering).
    writeFileSync(
      script,
      `import { writeAtomic, onInterrupted } from ${JSON.stringify(join(process.cwd(), "dist/cli/write.js"))};\n` +
        `onInterrupted((targets, whole) => JSON.stringify({ targets, whole: whole.map((w) => w.file) }) + "\\n");\n` +
        `await writeAtomic(${JSON.stringify(out)}, async () => { process.kill(process.pid, "SIGINT"); const t = Date.now(); while (Date.now() - t < 100); return new TextEncoder().encode("<html></html>"); });\n` +
        `setTimeout(() => {}, 5000);\n`,
    );
    const r = await runScript(script);
    expect(r.code).toBe(130);
    expect(existsSync(out)).toBe(false);
    expect(JSON.parse(r.err)).toEqual({ targets: [out], whole: [] });
    expect(readdirSync(dir).filter((f) => f.startsWith(".made.html."))).toEqual([]);
  });

  it("a signal that comes while the second of two files written together is made (a report's HTML) leaves both earlier files as they were", async () => {
    const xlsx = join(dir, "pair.xlsx");
    const html = join(dir, "pair.html");
    writeFileSync(xlsx, "last run's Excel report");
    writeFileSync(html, "last run's HTML report");
    const script = join(dir, "pair.mjs");
    writeFileSync(
      script,
      `import { writeAtomicAll, onInterrupted } from ${JSON.stringify(join(process.cwd(), "dist/cli/write.js"))};\n` +
        `onInterrupted((targets, whole) => JSON.stringify({ targets, whole: whole.map((w) => w.file) }) + "\\n");\n` +
        `await writeAtomicAll([{ target: ${JSON.stringify(xlsx)}, produce: async () => new TextEncoder().encode("new") }, { target: ${JSON.stringify(html)}, produce: async () => { process.kill(process.pid, "SIGTERM"); const t = Date.now(); while (Date.now() - t < 100); return new TextEncoder().encode("new"); } }]);\n` +
        `setTimeout(() => {}, 5000);\n`,
    );
    const r = await runScript(script);
    expect(r.code).toBe(143);
    expect([readFileSync(xlsx, "utf8"), readFileSync(html, "utf8")]).toEqual(["last run's Excel report", "last run's HTML report"]);
    expect(JSON.parse(r.err)).toEqual({ targets: [xlsx, html], whole: [] });
    expect(readdirSync(dir).filter((f) => f.startsWith(".pair."))).toEqual([]);
  });

  it("says a report's HTML left from the run before where it cannot be replaced once the Excel report was (open in another program)", () => {
    const base = join(dir, "stale");
    // The run before's report, both files.
    execFileSync(process.execPath, ["bin/assess.js", "report", "samples/qingshan-2026.xlsx", "-o", base], { stdio: "ignore" });
    const before = readFileSync(`${base}.html`);
    // Renaming onto an .html fails, as onto a file another program holds on Windows.
    const preload = join(dir, "busy-html.mjs");
    writeFileSync(
      preload,
      'import fs from "node:fs";\nimport { syncBuiltinESMExports } from "node:module";\nconst rename = fs.renameSync;\n' +
        'fs.renameSync = (a, b) => { if (String(b).endsWith(".html")) throw Object.assign(new Error("EBUSY: resource busy or locked"), { code: "EBUSY" }); return rename(a, b); };\nsyncBuiltinESMExports();\n',
    );
    let err = "";
    try {
      execFileSync(process.execPath, ["--import", preload, "bin/assess.js", "report", "samples/qingshan-2026.xlsx", "-o", base], { env: { ...process.env, LANG: "zh_CN.UTF-8" }, stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      err = String((e as { stderr?: Buffer }).stderr ?? "");
    }
    expect(err).toContain(`${base}.html: 警告: 此文件仍是此前的报告,与新写的 stale.xlsx 不是同一次的结果:请关闭占用它的程序后再运行一次 [report.other-stale]`);
    expect(readFileSync(`${base}.html`).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith(".stale."))).toEqual([]);
  });

  it("an uninterrupted run writes the whole file", async () => {
    const out = join(dir, "whole.xlsx");
    const code = await new Promise<number | null>((resolve) => {
      spawn(process.execPath, ["bin/assess.js", "score", input, "-o", out], { stdio: "ignore" }).on("exit", (c) => resolve(c));
    });
    expect(code).toBe(0);
    expect((await readXlsx(out, readFileSync(out))).book?.sheets.length).toBeGreaterThan(6);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual(readdirSync(dir).filter((f) => f.endsWith(".tmp") && f.includes("SIGKILL")));
  });
});

describe.skipIf(process.platform === "win32")("an interrupted score whose workbook does not come (a share that stopped answering)", () => {
  it("ends at Ctrl-C while the read waits, saying the output was not written (the read on the main thread kept Ctrl-C unheard until the bytes came)", async () => {
    const fifo = join(dir, "stalled.xlsx");
    execFileSync("mkfifo", [fifo]);
    const out = join(dir, "stalled-out.xlsx");
    const r = await new Promise<{ code: number | null; err: string; ms: number }>((resolve) => {
      const child = spawn(process.execPath, ["bin/assess.js", "score", fifo, "-o", out, "--lang", "en"], { stdio: ["ignore", "ignore", "pipe"] });
      let err = "";
      child.stderr.on("data", (d: Buffer) => (err += d.toString()));
      let sent = 0;
      setTimeout(() => {
        sent = Date.now();
        child.kill("SIGINT");
      }, 800);
      // Should it not end, a writer opens the pipe and closes it (the read ends) after 10 s.
      const unblock = setTimeout(() => writeFileSync(fifo, ""), 10_000);
      child.on("close", (code, sig) => {
        clearTimeout(unblock);
        resolve({ code: shellCode(code, sig), err, ms: Date.now() - sent });
      });
    });
    expect(r.code).toBe(130);
    expect(r.ms).toBeLessThan(5000);
    expect(r.err.trimEnd().split("\n").at(-1)).toBe(`${out}: error: interrupted: this file was not written (nothing half-written is left) [file.interrupted-new]`);
    expect(existsSync(out)).toBe(false);
  }, 30_000);
});
