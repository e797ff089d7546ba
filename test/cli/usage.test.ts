// A mistyped command or option gets the nearest ones there are, in the user's language.
import { describe, expect, it } from "vitest";
import { copyFileSync, existsSync, mkdirSync, readdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { cli } from "../helpers/cli.js";
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";
import { displayWidth } from "../../src/model/width.js";
import { TEMPLATE_RUBRIC } from "../../src/cli/main.js";
import { editDistance, nearestNames } from "../../src/workbook/near.js";

describe("did you mean", () => {
  it("suggests the command or option meant, and nothing for a word far from all of them", async () => {
    expect((await cli(["scroe", "x.xlsx"])).err).toBe("用法错误:没有 “scroe” 这个命令\n是否要输入:score?\n运行 assess --help 查看用法\n");
    expect((await cli(["rubric", "shwo"])).err).toContain("是否要输入:show?");
    expect((await cli(["score", "x.xlsx", "--rubirc", "r.yaml"])).err).toContain("是否要输入:--rubric?");
    const far = await cli(["frobnicate"]);
    expect(far.code).toBe(2);
    expect(far.err).not.toContain("是否要输入");
    expect((await cli(["scroe"], { LANG: "en_US.UTF-8" })).err).toContain("did you mean score?");
  });

  it("says how to give a file whose name begins with a dash, where the option refused is a file there (the name the last run said it wrote)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assess-dash-"));
    try {
      writeFileSync(join(dir, "-青山区.xlsx"), "");
      let err = "";
      const io: Io = { out: () => undefined, err: (s) => (err += s), env: { LANG: "zh_CN.UTF-8" }, cwd: dir, outIsTTY: false, errIsTTY: false };
      expect(await main(["score", "-青山区.xlsx"], io)).toBe(2);
      expect(err).toBe("用法错误:没有 “-青山区.xlsx” 这个选项\n“-青山区.xlsx” 是一个文件:文件名以 - 开头会被当作选项,请写作 ./-青山区.xlsx\n运行 assess score --help 查看用法\n");
      // Not a file there: no such word.
      err = "";
      expect(await main(["score", "-西山区.xlsx"], io)).toBe(2);
      expect(err).not.toContain("是一个文件");
      // One taken for an option with its value (-o.xlsx: -o and .xlsx), the workbook then missing
      // (an integrator's find: only 缺少参数 was said).
      writeFileSync(join(dir, "-o.xlsx"), "");
      err = "";
      expect(await main(["score", "-o.xlsx", "--json"], io)).toBe(2);
      expect(err).toBe("用法错误:缺少参数:工作簿文件(workbook)\n“-o.xlsx” 是一个文件:文件名以 - 开头会被当作选项,请写作 ./-o.xlsx\n运行 assess score --help 查看用法\n");
      // And -o.xlsx after a workbook: an output named .xlsx alone, a hidden file, refused, nothing written.
      err = "";
      expect(await main(["score", "-青山区.xlsx", "-o.xlsx"], { ...io, cwd: dir })).toBe(2);
      expect(err).toContain("用法错误:没有 “-青山区.xlsx” 这个选项");
      err = "";
      expect(await main(["score", "./-青山区.xlsx", "-o.xlsx"], io)).toBe(2);
      expect(err.split("\n")[0]).toBe("用法错误:输出文件名 “.xlsx” 只有扩展名,会写成隐藏文件:请给出文件名,如 -o 结果.xlsx(-o 与文件名之间隔一个空格)");
      expect(existsSync(join(dir, ".xlsx"))).toBe(false);
      // So too where diff, report and web write (a reviewer's find: they wrote .xlsx, .xlsx.xlsx and .xlsx.html, .html).
      for (const args of [["diff", "./-青山区.xlsx", "./-青山区.xlsx", "-o.xlsx"], ["report", "./-青山区.xlsx", "-o.xlsx"], ["report", "./-青山区.xlsx", "-o.html"], ["web", "-o.html"]]) {
        err = "";
        expect(await main(args, io), args.join(" ")).toBe(2);
        expect(err, args.join(" ")).toMatch(/^用法错误:输出文件名 “\.(xlsx|html)” 只有扩展名,会写成隐藏文件/);
        // (Offered a name of the kind typed: -o.html a page's.)
        expect(err.split("\n")[0]?.endsWith(`.${args.at(-1)?.split(".").at(-1)}(-o 与文件名之间隔一个空格)`), args.join(" ")).toBe(true);
      }
      expect(readdirSync(dir).filter((f) => f.startsWith("."))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("wraps each description to the terminal's width under its column (a 200-character line ran on at the left edge), and leaves piped help unwrapped", async () => {
    const at = async (lang: string, columns?: number, args = ["score", "--help"]): Promise<string> => {
      let out = "";
      const io: Io = { out: (s) => (out += s), err: () => undefined, env: { LANG: lang }, cwd: process.cwd(), outIsTTY: columns !== undefined, errIsTTY: false, ...(columns ? { columns } : {}) };
      expect(await main(args, io)).toBe(0);
      return out;
    };
    // Too narrow for two columns (60, the commands' terms 36 wide): each description under its term.
    for (const lang of ["en_US.UTF-8", "zh_CN.UTF-8"]) {
      const lines = (await at(lang, 60, ["--help"])).split("\n");
      for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(60);
      const explain = lines.findIndex((l) => l.startsWith("  explain [options] <workbook> <unit>"));
      expect(lines[explain]).toBe("  explain [options] <workbook> <unit>");
      expect(lines[explain + 1]).toMatch(/^ {6}\S/);
    }
    for (const lang of ["en_US.UTF-8", "zh_CN.UTF-8"]) {
      const lines = (await at(lang, 80)).split("\n");
      for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
      // Continued under the description's column, never inside a word.
      const rubric = lines.findIndex((l) => l.startsWith("  --rubric <file>"));
      expect(lines[rubric + 1]).toMatch(new RegExp(`^ {${"  --rubric <file>      ".length}}\\S`));
    }
    const en = (await at("en_US.UTF-8", 80)).split("\n");
    const rubric = en.findIndex((l) => l.startsWith("  --rubric <file>"));
    expect(en.slice(rubric, rubric + 4).map((l) => l.trim())).toEqual(["--rubric <file>      rubric YAML file, or a bundled rubric's name (default:", "the rubric the cover names, ID-VERSION.yaml beside the", "workbook, in rubric/ or in the current folder, else the", "bundled one)"]);
    // Piped (no terminal width): one line each, for a pager or a file.
    expect(await at("en_US.UTF-8")).toContain("  --rubric <file>      rubric YAML file, or a bundled rubric's name (default: the rubric the cover names, ID-VERSION.yaml beside the workbook, in rubric/ or in the current folder, else the bundled one)\n");
  });

  it("lists the commands in the order of a year's work, as the README's table does (rubric came first)", async () => {
    const r = await cli(["--help"]);
    const listed = r.out.slice(r.out.indexOf("命令:")).split("\n").slice(1).map((l) => l.trim().split(" ")[0]).filter(Boolean);
    expect(listed).toEqual(["template", "validate", "score", "explain", "report", "diff", "web", "rubric", "help"]);
  });

  it("says that help was asked for a command there is not, with the one meant (it printed the general help, exit 2, without a word)", async () => {
    const r = await cli(["help", "scor"]);
    expect([r.code, r.out, r.err]).toEqual([2, "", "用法错误:没有 “scor” 这个命令\n是否要输入:score?\n运行 assess --help 查看用法\n"]);
    const known = await cli(["help", "score"]);
    expect(known.code).toBe(0);
    expect(known.out).toContain("assess score [options] <workbook>");
    // A subcommand's by name too, as its --help (it showed the command's help).
    const sub = await cli(["help", "rubric", "check"]);
    expect([sub.code, sub.out]).toEqual([0, (await cli(["rubric", "check", "--help"])).out]);
    expect(sub.out).toContain("assess rubric check [options] <file>");
    // With --lang before or after it too (it showed the rubric group's help).
    for (const argv of [["help", "rubric", "diff", "--lang", "en"], ["--lang", "en", "help", "rubric", "diff"]]) {
      const r = await cli(argv);
      expect([argv, r.code, r.out]).toEqual([argv, 0, (await cli(["--lang", "en", "rubric", "diff", "--help"])).out]);
    }
    expect((await cli(["--lang", "en", "rubric", "diff", "--help"])).out).toContain("Usage: assess rubric diff [options] <older> <newer>");
  });

  it("says that help was asked for a subcommand there is not, under the command it was asked of (it printed that command's help, exit 0)", async () => {
    for (const argv of [
      ["rubric", "help", "chek"],
      ["help", "rubric", "chek"],
      ["--lang", "zh", "rubric", "help", "chek"],
    ]) {
      const r = await cli(argv);
      expect([argv, r.code, r.out, r.err]).toEqual([argv, 2, "", "用法错误:没有 “chek” 这个命令\n是否要输入:check?\n运行 assess rubric --help 查看用法\n"]);
    }
    const en = await cli(["--lang", "en", "rubric", "help", "bogus", "--json"]);
    expect([en.code, en.err]).toEqual([2, 'usage: there is no command "bogus"\nrun assess rubric --help for usage\n']);
    expect(JSON.parse(en.out)).toMatchObject({ diagnostics: [{ code: "usage.unknown-command" }] });
    // Help for the commands there are stays help (exit 0), whichever way it is asked.
    for (const argv of [["rubric", "help"], ["rubric", "help", "check"], ["help", "rubric"], ["--lang", "en", "help"], ["help", "rubric", "help"]]) expect([argv, (await cli(argv)).code]).toEqual([argv, 0]);
  });

  it("shows a command's help for help written where its file goes (assess score help looked for a file named help)", async () => {
    for (const [argv, usage] of [
      [["score", "help"], "assess score [options] <workbook>"],
      [["rubric", "check", "help"], "assess rubric check [options] <file>"],
      [["--lang", "en", "validate", "help"], "assess validate [options] <workbook>"],
      // With options after it (they looked for a file named help).
      [["score", "help", "--json"], "assess score [options] <workbook>"],
      [["score", "help", "-o", "r.xlsx"], "assess score [options] <workbook>"],
    ] as const) {
      const r = await cli([...argv]);
      expect([argv, r.code, r.err, r.out.split("\n")[0]?.endsWith(usage)]).toEqual([argv, 0, "", true]);
    }
    // After a file, it is a second argument, as any word would be; after -o, the output's name.
    expect((await cli(["score", "samples/qingshan-2026.xlsx", "help"])).code).toBe(2);
    expect((await cli(["score", "-o", "help"])).err).toContain("缺少参数");
  });

  it("points a usage error a command finds itself to that command's help", async () => {
    const r = await cli(["report", "samples/liuhe-2026.xlsx", "--format", "html", "-o", "rep.txt"], { LANG: "en_US.UTF-8" });
    expect([r.code, r.err]).toEqual([2, "usage: a report written with --format html needs a file name ending in .html: rep.txt\nrun assess report --help for usage\n"]);
  });

  // One of the two would win unsaid (the first --lang, the last -o): which was meant cannot be told.
  it("refuses an option given twice with two values, in the locale's language where it is --lang, pointing at the command's help; the same value twice is one", async () => {
    const lang = await cli(["--lang", "en", "validate", "samples/qingshan-2026.xlsx", "--lang=zh-CN"], { LANG: "en_US.UTF-8" });
    expect([lang.code, lang.err]).toEqual([2, "usage: --lang is given more than once (en, zh-CN), and which is meant cannot be told: give it once\nrun assess validate --help for usage\n"]);
    const out = await cli(["score", "samples/qingshan-2026.xlsx", "-o", "a.xlsx", "--output", "b.xlsx", "--json"]);
    expect([out.code, out.err, JSON.parse(out.out).diagnostics[0].code]).toEqual([2, "用法错误:-o/--output 给了不止一次(a.xlsx, b.xlsx),不知用哪一个:只给一次\n运行 assess score --help 查看用法\n", "usage.repeated-option"]);
    // The command's help named however deep: assess rubric diff.
    expect((await cli(["rubric", "diff", "a.yaml", "b.yaml", "--on", "x.xlsx", "--on", "y.xlsx"])).err.split("\n")[1]).toBe("运行 assess rubric diff --help 查看用法");
    expect((await cli(["--lang", "en", "rubric", "show", "district-popplan", "--lang", "en"])).code).toBe(0);
    // (A language however written is one: en and EN.)
    expect((await cli(["--lang", "en", "rubric", "show", "district-popplan", "--lang", "EN"])).code).toBe(0);
  });

  it("says an empty -o is empty (a script's variable left unset), not a name lacking .xlsx", async () => {
    for (const [command, example] of [[["score", "samples/qingshan-2026.xlsx"], "结果.xlsx"], [["template", "--year", "2026"], "district-popplan-2026.xlsx"], [["web"], "assess.html"]] as const) {
      const r = await cli([...command, "-o", ""]);
      expect([r.code, r.err.split("\n")[0]]).toEqual([2, `用法错误:-o 后的文件名是空的(脚本中的变量是否未赋值?);请写输出文件的名称,如 -o ${example}`]);
    }
  });

  it("refuses a --district too long to be a name before anything is written (a 40,000-character cover title Excel would cut)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assess-district-"));
    try {
      const out = join(dir, "t.xlsx");
      const r = await cli(["template", "--district", "区".repeat(101), "-o", out]);
      expect([r.code, r.err]).toEqual([2, "用法错误:地区名称过长(101 个字符,最多 100 个):--district 写地区的名称,如 青山区\n运行 assess template --help 查看用法\n"]);
      expect((await cli(["template", "--district", "区".repeat(100), "-o", out])).code).toBe(0);
      // A line break in it (pasted with its line's end) split the cover's 地区 and every sheet's title.
      const broken = await cli(["template", "--district", "青山\n区", "-o", join(dir, "t2.xlsx")]);
      expect([broken.code, broken.err.split("\n")[0]]).toEqual([2, "用法错误:地区名称中有换行或其他控制字符:--district 只写地区的名称,如 青山区"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says in each command's help where its output goes by default (score's and report's did not; web's did)", async () => {
    for (const [command, said] of [
      ["score", "默认在工作簿旁,名为 工作簿名.scored.xlsx"],
      ["report", "默认在工作簿旁,名为 工作簿名.report.xlsx 和 工作簿名.report.html,按 --format 写出其一或两者"],
      ["template", "默认 方案编号-年度.xlsx"],
      ["web", "默认 assess.html"],
    ] as const) {
      expect((await cli([command, "--help"])).out, command).toContain(said);
    }
  });

  it("says a folder given as the output once, without its slash doubled in the example (web -o out/ offered out//assess.html)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assess-folder-"));
    try {
      for (const [args, example] of [
        [["web", "-o", `${dir}/`], "assess.html"],
        [["diff", "samples/qingshan-2026.xlsx", "samples/qingshan-2026.xlsx", "-o", `${dir}/`], "变更.xlsx"],
      ] as const) {
        const r = await cli([...args]);
        expect([r.code, r.err.split("\n")[0]]).toEqual([2, `用法错误:${dir} 是一个文件夹;请给出输出文件的名字,如 ${dir}/${example}`]);
      }
      // A folder named like the file (out.xlsx, out.html): said as a folder too, with a file in it
      // (it was said as an input file is, "write the name of the file in the folder", with no example).
      for (const name of ["out.xlsx", "out.html"]) mkdirSync(join(dir, name));
      const xlsx = join(dir, "out.xlsx");
      for (const [args, at, example] of [
        [["score", "samples/qingshan-2026.xlsx", "-o", xlsx], xlsx, "结果.xlsx"],
        [["template", "--year", "2026", "-o", xlsx], xlsx, "district-popplan-2026.xlsx"],
        [["report", "samples/qingshan-2026.xlsx", "-o", xlsx], xlsx, "报告.xlsx"],
        [["diff", "samples/qingshan-2026.xlsx", "samples/qingshan-2026.xlsx", "-o", xlsx], xlsx, "变更.xlsx"],
        [["web", "-o", join(dir, "out.html")], join(dir, "out.html"), "assess.html"],
        // Offered a file of the format asked for (a page where a page was asked for).
        [["report", "samples/qingshan-2026.xlsx", "-o", join(dir, "out.html")], join(dir, "out.html"), "报告.html"],
        [["report", "samples/qingshan-2026.xlsx", "--format", "html", "-o", dir], dir, "报告.html"],
        [["diff", "samples/qingshan-2026.xlsx", "samples/qingshan-2026.xlsx", "-o", join(dir, "out.html")], join(dir, "out.html"), "变更.html"],
      ] as const) {
        const r = await cli([...args]);
        expect([r.code, r.err.split("\n")[0]], args[0]).toEqual([2, `用法错误:${at} 是一个文件夹;请给出输出文件的名字,如 ${at}/${example}`]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses report -o - (standard output) and -o '' as no file name (they wrote -.xlsx and -.html, or the default)", async () => {
    const dash = await cli(["report", "samples/qingshan-2026.xlsx", "-o", "-"]);
    expect([dash.code, dash.err.split("\n")[0]]).toEqual([2, "用法错误:-o 要写输出文件的名称(报告不能写到标准输出 “-”),如 -o 报告.xlsx"]);
    // An empty name, in report as in diff (which printed to the terminal alone, exit 0).
    for (const args of [["report", "samples/qingshan-2026.xlsx", "-o", ""], ["diff", "samples/qingshan-2026.xlsx", "samples/qingshan-2026.xlsx", "-o", ""]]) {
      const r = await cli(args);
      expect([r.code, r.err.split("\n")[0]]).toEqual([2, `用法错误:-o 后的文件名是空的(脚本中的变量是否未赋值?);请写输出文件的名称,如 -o ${args[0] === "diff" ? "变更" : "报告"}.xlsx`]);
    }
  });

  it("refuses an output named -o=结果.xlsx or outdir\\结果.xlsx as typed by a slip (they wrote =结果.xlsx, and a file named with a backslash beside the folder)", async () => {
    const equals = await cli(["score", "samples/qingshan-2026.xlsx", "-o=结果.xlsx"]);
    expect([equals.code, equals.err.split("\n")[0]]).toEqual([2, "用法错误:输出文件名 “=结果.xlsx” 以 = 开头(-o= 后的 = 被当作了文件名的一部分):请写 -o 结果.xlsx(-o 与文件名之间隔一个空格)"]);
    // (-o==结果.xlsx: every = gone from the name offered, not one.)
    expect((await cli(["score", "samples/qingshan-2026.xlsx", "-o==结果.xlsx"])).err.split("\n")[0]).toContain("请写 -o 结果.xlsx(");
    if (process.platform === "win32") return;
    for (const args of [["score", "samples/qingshan-2026.xlsx", "-o", "out\\结果.xlsx"], ["report", "samples/qingshan-2026.xlsx", "-o", "out\\结果.xlsx"]]) {
      const r = await cli(args);
      expect([r.code, r.err.split("\n")[0]], args[0]).toEqual([2, "用法错误:输出文件名 “out\\结果.xlsx” 中有 \\:在此系统上它不分隔文件夹,会成为文件名的一部分;请用 / 分隔,如 -o out/结果.xlsx"]);
    }
    // A workbook so named (unzipped from a Windows archive), with no -o: its result beside it as named, no slip of ours.
    const dir = mkdtempSync(join(tmpdir(), "assess-slip-"));
    try {
      const named = join(dir, "=材料\\青山区.xlsx");
      copyFileSync("samples/qingshan-2026.xlsx", named);
      const r = await cli(["score", named]);
      expect([r.code, r.err.trim().split("\n").at(-1)]).toEqual([0, `已写入 ${join(dir, "=材料\\青山区.scored.xlsx")}`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("suggests for an option only the options of the command it was given to, never the option refused", async () => {
    // rubric diff has no --json or -o: another command's --json and --output are no answer.
    const json = await cli(["rubric", "diff", "a.yaml", "b.yaml", "--json"]);
    // And the help to read is that command's own.
    // (--on is not offered: json is two edits from on, as far as can be in four letters.)
    expect(json.err).toBe("用法错误:没有 “--json” 这个选项\n运行 assess rubric diff --help 查看用法\n");
    // A missing argument is named in words, as the help's arguments say it.
    expect((await cli(["score"], { LANG: "en_US.UTF-8" })).err).toBe("usage: missing argument: <workbook> (the workbook file)\nrun assess score --help for usage\n");
    expect((await cli(["explain", "x.xlsx"])).err).toBe("用法错误:缺少参数:单位名称(unit)\n运行 assess explain --help 查看用法\n");
    // The rubric is 方案 in every Chinese word of the tool, its file too.
    expect((await cli(["rubric", "check"])).err).toBe("用法错误:缺少参数:方案文件(file)\n运行 assess rubric check --help 查看用法\n");
    // An empty name (a script's variable left unset) is said as that, not as a file not found.
    const empty = await cli(["score", ""]);
    expect([empty.code, empty.err]).toEqual([1, "错误: 文件名是空的:没有给出要读的文件(脚本中的变量是否未赋值?) [file.empty-name]\n"]);
    // The command's own help also where --lang comes before it.
    expect((await cli(["--lang", "en", "score", "--bogus"])).err).toBe('usage: there is no option "--bogus"\nrun assess score --help for usage\n');
    expect((await cli(["--lang=en", "diff", "a.xlsx"])).err).toBe("usage: missing argument: <new> (the newer workbook)\nrun assess diff --help for usage\n");
    expect((await cli(["rubric", "diff", "a.yaml", "b.yaml", "-o", "x.html"])).err).not.toContain("--output");
    expect((await cli(["diff", "a.xlsx", "b.xlsx", "--out", "x.xlsx"])).err).toContain("是否要输入:--output?");
    // Before any command, a command's option is said to go after one (it was offered rubric diff's --on);
    // a slip in the tool's own options is offered those alone.
    expect((await cli(["--json"])).err).toBe("用法错误:没有 “--json” 这个选项\n--json 是命令的选项,写在命令之后,如 assess validate … --json\n运行 assess --help 查看用法\n");
    expect((await cli(["--unit", "白沙镇"])).err).toContain("--unit 是命令的选项,写在命令之后,如 assess validate … --unit\n");
    // A short one, one with its value, and one given to rubric that is one of its commands'.
    expect((await cli(["-o", "x.xlsx"])).err).toContain("-o 是命令的选项,写在命令之后,如 assess template … -o\n");
    expect((await cli(["--json=1"])).err).toContain("--json 是命令的选项,写在命令之后,如 assess validate … --json\n");
    expect((await cli(["rubric", "--on", "x.xlsx"])).err).toBe("用法错误:没有 “--on” 这个选项\n--on 是命令的选项,写在命令之后,如 assess rubric diff … --on\n运行 assess rubric --help 查看用法\n");
    // Help asked for under a command is help (exit 0), not a command missing.
    for (const args of [["rubric", "help"], ["rubric", "help", "check"]]) {
      const r = await cli(args);
      expect([r.code, r.err], args.join(" ")).toEqual([0, ""]);
    }
    expect((await cli(["--lnag", "en"])).err).toBe("用法错误:没有 “--lnag” 这个选项\n是否要输入:--lang?\n运行 assess --help 查看用法\n");
  });

  it("template's help names the rubric a template is made for without --rubric", async () => {
    const dir = mkdtempSync(join(tmpdir(), "assess-usage-"));
    try {
      const r = await cli(["template", "-o", join(dir, "t.xlsx")]);
      expect(r.code).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, "t.xlsx"));
      const cover = wb.getWorksheet("封面");
      const ids: unknown[] = [];
      cover?.eachRow((row) => row.eachCell((c) => void ids.push(c.value)));
      expect(ids).toContain(TEMPLATE_RUBRIC);
      expect((await cli(["template", "--help"])).out).toContain(`默认为内置的 ${TEMPLATE_RUBRIC} 方案`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("counts a swap of neighbours as one edit, and needs more than one shared character in two", () => {
    expect(editDistance("shwo", "show")).toBe(1);
    expect(editDistance("城关镇", "城关街")).toBe(1);
    expect(nearestNames("戊镇", ["甲镇", "乙镇"])).toEqual([]);
    expect(nearestNames("城关", ["城关镇", "西山镇"])).toEqual(["城关镇"]);
  });
});
