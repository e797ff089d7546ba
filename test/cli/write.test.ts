// Writing a result when the disk fails under it: the user is told why in words (a full disk is
// not "the folder is not writable"), the half-written temporary file goes, and what was at the
// target before is still there.
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkTarget, writeAtomic, writeAtomicAll, writtenThisRun } from "../../src/cli/write.js";
import { refusedExit } from "../../src/cli/io.js";
import type { Diagnostic } from "../../src/diagnostics/index.js";
import { message } from "../../src/messages/index.js";
import { scratchDir } from "../helpers/tmp.js";
import { cli } from "../helpers/cli.js";

const dir = scratchDir("assess-write-");

function failing(code: string): (tmp: string) => Promise<void> {
  return async (tmp) => {
    writeFileSync(tmp, "half a workbook");
    throw Object.assign(new Error(`${code}: it failed, write`), { code });
  };
}

describe("a result that cannot be written", () => {
  for (const code of ["ENOSPC", "EDQUOT"]) {
    it(`says the disk is full (${code}), removes the temporary file and keeps the earlier result`, async () => {
      const target = join(dir, `full-${code}.xlsx`);
      writeFileSync(target, "the earlier result");
      const d = await writeAtomic(target, failing(code));
      expect(d).toMatchObject({ code: "file.disk-full", severity: "error", location: { file: target } });
      expect(message("zh-CN", d!.code, d!.data)).toContain("磁盘空间不足");
      expect(readFileSync(target, "utf8")).toBe("the earlier result");
      expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    });
  }

  it("with no earlier file there, does not say one was kept", async () => {
    const target = join(dir, "full-new.xlsx");
    const d = await writeAtomic(target, failing("ENOSPC"));
    expect(d).toMatchObject({ code: "file.disk-full-new", location: { file: target } });
    expect(message("zh-CN", d!.code, d!.data)).toBe("磁盘空间不足,未能写入此文件(未留下写了一半的文件);请腾出空间后再试,或用 -o 写到别的磁盘");
    expect(existsSync(target)).toBe(false);
  });

  it("says a place no file can be made (a system folder such as /proc) in words, not ENOENT", async () => {
    const target = join(dir, "no-such-folder-made-meanwhile", "out.xlsx");
    const d = await writeAtomic(target, async () => new Uint8Array([1]));
    expect(d).toMatchObject({ code: "file.unwritable", data: { detail: "ENOENT" } });
    expect(message("zh-CN", d!.code, d!.data)).toBe("无法写入(此处不能新建文件:路径不存在,或是系统文件夹);可用 -o 写到别的文件夹");
  });

  it("writes two files that belong together (a report's Excel and HTML) both or neither: the second failing, the first's earlier file stays", async () => {
    const first = join(dir, "pair.xlsx");
    const second = join(dir, "pair.html");
    writeFileSync(first, "last run's");
    const d = await writeAtomicAll([
      { target: first, produce: async () => new TextEncoder().encode("this run's") },
      { target: second, produce: failing("ENOSPC") },
    ]);
    expect(d).toMatchObject({ code: "file.disk-full-new", location: { file: second } });
    expect(readFileSync(first, "utf8")).toBe("last run's");
    expect(existsSync(second)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    // Neither failing: both written.
    expect(await writeAtomicAll([first, second].map((target) => ({ target, produce: async () => new TextEncoder().encode("this run's") })))).toBeUndefined();
    expect([readFileSync(first, "utf8"), readFileSync(second, "utf8")]).toEqual(["this run's", "this run's"]);
  });

  it("says which of two files written together was written where the second's renaming fails after the first's (it was said not written)", async () => {
    const first = join(dir, "half.xlsx");
    const second = join(dir, "half.html");
    // A folder of that name with a file in it: nothing can be renamed onto it.
    mkdirSync(join(second, "inside"), { recursive: true });
    const d = await writeAtomicAll([first, second].map((target) => ({ target, produce: async () => new TextEncoder().encode("this run's") })));
    expect(d?.location).toEqual({ file: second });
    expect([writtenThisRun(first), writtenThisRun(second)]).toEqual([true, false]);
    expect(readFileSync(first, "utf8")).toBe("this run's");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("says any other failure in words (its code where there are none)", async () => {
    const target = join(dir, "denied.xlsx");
    const d = await writeAtomic(target, failing("EACCES"));
    expect(d).toMatchObject({ code: "file.unwritable", data: { detail: "EACCES" }, location: { file: target } });
    // No permission: another folder, not a shorter name.
    expect(message("zh-CN", d!.code, d!.data)).toBe("无法写入(没有权限:文件夹不可写,或文件只读);可用 -o 写到别的文件夹");
    expect(message("en", "file.unwritable", { detail: "EXDEV" })).toBe("cannot write here (EXDEV); -o writes elsewhere, to another folder");
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("outputs refused before the work", () => {
  it("exit 1 where only folders not writable are refused (an output that could not be written, as after the work), else 2", () => {
    const at = (code: string): Diagnostic => ({ code, severity: "error", data: {}, location: { file: "x.xlsx" } });
    expect(refusedExit([at("file.unwritable")])).toBe(1);
    expect(refusedExit([at("file.unwritable"), at("file.unwritable")])).toBe(1);
    expect(refusedExit([at("file.unwritable"), at("file.exists-not-result")])).toBe(2);
    expect(refusedExit([at("file.output-read-only")])).toBe(2);
  });
});

describe("an earlier result the user protected", () => {
  it("made read-only is not replaced without --force (it was, silently); with it, it is, and stays read-only", async () => {
    const target = join(dir, "只读.xlsx");
    writeFileSync(target, "the earlier result");
    chmodSync(target, 0o444);
    const ours = { ours: async () => true, refusal: "file.exists-not-result" };
    expect(await checkTarget(target, [], ours)).toMatchObject({ code: "file.output-read-only", location: { file: target } });
    expect(message("zh-CN", "file.output-read-only", {})).toBe("文件已存在,且是只读的,未写入;要替换它,请先去掉它的只读属性,或加 --force");
    expect(await checkTarget(target, [], { ...ours, force: true })).toBeUndefined();
    expect(await writeAtomic(target, async () => new Uint8Array([1, 2]))).toBeUndefined();
    expect(statSync(target).mode & 0o777).toBe(0o444);
  });

  it("kept private keeps its permissions when replaced (it became readable by all)", async () => {
    const target = join(dir, "私有.xlsx");
    writeFileSync(target, "the earlier result");
    chmodSync(target, 0o600);
    expect(await writeAtomic(target, async () => new Uint8Array([1, 2]))).toBeUndefined();
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readFileSync(target)).toEqual(Buffer.from([1, 2]));
  });
});

describe("a long file name", () => {
  const bytes = (s: string): number => Buffer.byteLength(s);

  it("near the system's limit is written: the temporary file's name is kept short", async () => {
    const target = join(dir, `${"长".repeat(80)}.xlsx`);
    expect(bytes(`${"长".repeat(80)}.xlsx`)).toBe(245);
    expect(await writeAtomic(target, async () => new Uint8Array([1, 2, 3]))).toBeUndefined();
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("past it is said in words, and nothing is left behind", async () => {
    const target = join(dir, `${"长".repeat(90)}.xlsx`);
    const d = await writeAtomic(target, async () => new Uint8Array([1]));
    expect(d).toMatchObject({ code: "file.unwritable-name", data: { detail: "ENAMETOOLONG" }, location: { file: target } });
    expect(message("zh-CN", d!.code, d!.data)).toBe("无法写入(文件名或路径太长);请用 -o 换一个短些的文件名");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("a file made at the output while the command ran", () => {
  it("is not replaced: checked absent, found there at the end, the result is not written", async () => {
    const target = join(dir, "made-meanwhile.xlsx");
    expect(await checkTarget(target, [], { refusal: "file.exists" })).toBeUndefined();
    // The user (or another run) saves something there while this one scores.
    const d = await writeAtomic(target, async () => {
      writeFileSync(target, "the user's notes");
      return new TextEncoder().encode("our result");
    });
    expect(d).toMatchObject({ code: "file.changed-meanwhile", location: { file: target } });
    expect(readFileSync(target, "utf8")).toBe("the user's notes");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("is replaced with --force, and a target left as it was is written", async () => {
    const forced = join(dir, "forced.xlsx");
    expect(await checkTarget(forced, [], { force: true, refusal: "file.exists" })).toBeUndefined();
    expect(await writeAtomic(forced, async () => (writeFileSync(forced, "notes"), new TextEncoder().encode("ours")))).toBeUndefined();
    expect(readFileSync(forced, "utf8")).toBe("ours");
    const calm = join(dir, "calm.xlsx");
    expect(await checkTarget(calm, [], { refusal: "file.exists" })).toBeUndefined();
    expect(await writeAtomic(calm, async () => new TextEncoder().encode("ours"))).toBeUndefined();
    expect(readFileSync(calm, "utf8")).toBe("ours");
  });
});

describe("temporary files an earlier run killed outright left beside the output", () => {
  it("are said, each once, at the file, and never deleted; a fresh one (a run still writing) is not said", async () => {
    const sub = join(dir, "leftovers");
    mkdirSync(sub, { recursive: true });
    copyFileSync("samples/qingshan-2026.xlsx", join(sub, "青山区.xlsx"));
    const old = join(sub, ".青山区.scored.xlsx.k1ll3d.tmp");
    writeFileSync(old, Buffer.alloc(3 * 1024 * 1024));
    const day = new Date(2026, 11, 3, 10, 0);
    utimesSync(old, day, day);
    const fresh = join(sub, ".青山区.scored.xlsx.wr1t1ng.tmp");
    writeFileSync(fresh, "being written");
    const r = await cli(["score", join(sub, "青山区.xlsx")]);
    expect(r.code).toBe(0);
    const said = r.err.split("\n").filter((l) => l.includes("[file.leftover-temp]"));
    expect(said).toEqual([`${old}: 警告: 这是以前一次被强行结束(如 kill -9、任务管理器结束进程)的运行留下的临时文件(3 MB,2026-12-03),不是结果,可以删除 [file.leftover-temp]`]);
    expect([existsSync(old), existsSync(fresh)]).toEqual([true, true]);
    // Not for another output's (the report's are named after the report).
    expect((await cli(["report", join(sub, "青山区.xlsx"), "--format", "html"])).err).not.toContain("[file.leftover-temp]");
  });
});
