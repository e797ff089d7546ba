// The HTML pages assess writes (the September report, the 变更说明 of a diff, the browser edition)
// each know only their own kind as "an earlier output of ours": none replaces another kind's page
// without --force, and pages written before each kind had its own generator are still told apart.
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../helpers/cli.js";
import { scratchDir } from "../helpers/tmp.js";

const dir = scratchDir("assess-pages-");
const input = join(dir, "青山区.xlsx");
copyFileSync("samples/qingshan-2026.xlsx", input);
const run = (args: string[]) => cli(args, { LANG: "zh_CN.UTF-8", SOURCE_DATE_EPOCH: "1789430400" });

const page = (name: string): string => join(dir, name);
const write = {
  report: (file: string) => run(["report", input, "--format", "html", "-o", file]),
  diff: (file: string) => run(["diff", input, input, "-o", file]),
  web: (file: string) => run(["web", "-o", file]),
};
type Kind = keyof typeof write;
const KINDS: Kind[] = ["report", "diff", "web"];

describe("an HTML page of another kind", () => {
  it("is not written over without --force, and each kind replaces its own", async () => {
    for (const k of KINDS) expect((await write[k](page(`${k}.html`))).code).toBe(0);
    for (const k of KINDS) {
      for (const other of KINDS.filter((x) => x !== k)) {
        const before = readFileSync(page(`${other}.html`), "utf8");
        const r = await write[k](page(`${other}.html`));
        expect(r.code, `${k} over ${other}`).toBe(2);
        expect(r.err).toContain(`${page(`${other}.html`)}: 错误: 文件已存在,且不是 assess 此前写出的同类结果`);
        expect(readFileSync(page(`${other}.html`), "utf8")).toBe(before);
      }
      expect((await write[k](page(`${k}.html`))).code, `${k} over its own`).toBe(0);
    }
  });

  it("tells the pages of an earlier version (one generator for all) apart: a report has no script, the browser edition has", async () => {
    for (const k of ["report", "web"] as const) {
      const old = page(`old-${k}.html`);
      expect((await write[k](old)).code).toBe(0);
      // (Nor had such a page a seal.)
      writeFileSync(old, readFileSync(old, "utf8").replace(/<meta name="generator" content="assess \w+">/, '<meta name="generator" content="assess">').replace(/<meta name="assess-seal" content="[0-9a-f]{64}">\n/, ""));
      const other = k === "report" ? "web" : "report";
      expect((await write[other](old)).code, `${other} over an old ${k}`).toBe(2);
      expect((await write[k](old)).code, `${k} over an old ${k}`).toBe(0);
    }
  });
});
