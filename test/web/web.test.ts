// The browser edition, used as a person would in headless Chromium (the machine's own, driven by
// playwright-core): a valid sample gives the rankings `assess score --json` gives, a broken one the
// messages `assess validate` prints, the downloaded workbook scores again the same, a unit's
// explanation is `assess explain`'s — and the page asks the network for nothing.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { cli } from "../helpers/cli.js";
import { editedCopy, withoutUnits } from "../helpers/edit.js";
import { scratchDir } from "../helpers/tmp.js";
import { floodedWorkbook } from "../helpers/flooded.js";
import { townsInGroupsOnly } from "../helpers/rubric-edits.js";
import { generate } from "../../bench/generate.mjs";
import { loadRubric } from "../../src/rubric/load.js";
import { leaves } from "../../src/rubric/model.js";

const BROWSER = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const PAGE = resolve("dist/web/assess.html");
// CI installs Chromium and sets this: there the tests must run, not skip.
const required = process.env.ASSESS_REQUIRE_BROWSER === "1";
if (required && !BROWSER) throw new Error("ASSESS_REQUIRE_BROWSER is set but no Chromium was found");

/**
 * The page opened in the machine's Chromium, in Chinese, downloads allowed; each request it makes
 * other than for itself noted in `requests` (there must be none); its clock fixed at `day` if given.
 */
async function openPage(requests: string[], day?: Date): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath: BROWSER, args: ["--no-sandbox"] });
  const context = await browser.newContext({ acceptDownloads: true, locale: "zh-CN" });
  const page = await context.newPage();
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith("file:") && !url.startsWith("data:") && !url.startsWith("blob:")) requests.push(url);
  });
  if (day) await page.clock.setFixedTime(day);
  await page.goto(pathToFileURL(PAGE).href);
  return { browser, page };
}

describe.skipIf(!BROWSER)("the browser edition", () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const dir = scratchDir("assess-web-");

  beforeAll(async () => {
    ({ browser, page } = await openPage(requests));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /**
   * Runs an action after marking the status line busy, so that a wait for the status it leads to
   * cannot take the last run's for it (the page's change and drop handlers may run a moment later).
   */
  const act = async (action: () => Promise<unknown>): Promise<void> => {
    await page.evaluate(() => {
      const status = document.getElementById("status");
      if (status) status.textContent = "正在等待所选文件";
    });
    await action();
  };
  /**
   * The liuhe sample as version `version` of its scheme, and that version's rubric (the bundled one
   * edited by `edit`) in a folder of its own: the page takes a same-id rubric only as another version.
   */
  const ownVersion = async (name: string, version: string, edit: (yaml: string) => string): Promise<[string, string]> => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/liuhe-2026.xlsx");
    wb.getWorksheet("封面")!.getCell("B4").value = version;
    const book = join(dir, `liuhe-${name}.xlsx`);
    await wb.xlsx.writeFile(book);
    mkdirSync(join(dir, name), { recursive: true });
    const own = join(dir, name, `township-comprehensive-${version}.yaml`);
    writeFileSync(own, edit(readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8")).replace('version: "2026.1"', `version: "${version}"`));
    return [book, own];
  };
  const choose = async (file: string): Promise<void> => {
    await act(() => page.setInputFiles("#workbook", file));
    await page.waitForFunction(() => !/正在|reading|scoring|making/.test(document.getElementById("status")?.textContent ?? ""), undefined, { timeout: 60_000 });
  };

  it("shows the rankings before it makes the downloads, saying so (a province's page stood still for seconds, the rankings undrawn: a tester's find)", async () => {
    // Each status the page says, with what it shows by then.
    await page.evaluate(() => {
      const w = window as unknown as { seen: string[] };
      w.seen = [];
      const status = document.getElementById("status")!;
      new MutationObserver(() => w.seen.push(`${status.textContent ?? ""} | ${document.querySelectorAll("section.ranking").length} | ${document.querySelectorAll("#downloads a").length}`)).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await choose("samples/liuhe-2026.xlsx");
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.slice(-2)).toEqual(["排名已列出;正在生成计分结果工作簿和报告,供下载… | 3 | 0", "已计分 liuhe-2026.xlsx:20 个单位,方案 township-comprehensive 2026.1。计分结果工作簿、报告和 JSON 可在下方下载;点击单位名称查看逐项说明。 | 3 | 3"]);
  });

  it("says, of a macro-enabled workbook, that its result holds the result sheets alone, as score says (the page handed it out unsaid)", async () => {
    const parts = unzipSync(readFileSync("samples/qingshan-2026.xlsx"));
    const types = strFromU8(parts["[Content_Types].xml"]!);
    parts["[Content_Types].xml"] = strToU8(types.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"));
    const book = join(dir, "宏.xlsx");
    writeFileSync(book, zipSync(parts));
    await choose(book);
    await page.waitForSelector("#downloads a");
    const said = (await cli(["score", book, "-o", join(dir, "宏-结果.xlsx")])).err.split("\n").find((l) => l.includes("[carry.macro-named-xlsx]")) ?? "";
    expect(said).not.toBe("");
    // A warning, first under the downloads (it stood at the page's foot, under every ranking).
    expect(await page.locator("#output > ul.diagnostics:first-child li.warning").allTextContents()).toEqual([said.replace(`${book}: 警告: `, "").replace(" [carry.macro-named-xlsx]", "")]);
  });

  it("is one self-contained file of at most 3 MB, with a policy that forbids the network", () => {
    const html = readFileSync(PAGE, "utf8");
    // (1.6 MB, and 1 MB more for the blank template's writer, exceljs, since the page makes templates.)
    expect(html.length).toBeLessThan(3 * 1024 * 1024);
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+';[^"]*connect-src 'none'/);
    // Nothing loaded from elsewhere: no script, style sheet, image or frame by address.
    expect(/<(script|img|iframe)[^>]+src=|<link[^>]+href=/.test(html)).toBe(false);
  });

  it("shows what validate says for a broken workbook, each message at its cell", async () => {
    await choose("samples/broken/typos.xlsx");
    const shown = await page.locator("ul.diagnostics li").allTextContents();
    const cliLines = (await cli(["validate", "samples/broken/typos.xlsx"])).err.trim().split("\n");
    // Without the name of the workbook on the page; the code apart, in its own grey.
    expect(shown).toEqual(cliLines.map((l) => l.replace("samples/broken/typos.xlsx: ", "")));
    // The space before it outside it, where a narrow window's line breaks (the message's last
    // character went to the next line with the code, alone).
    expect(await page.locator("ul.diagnostics li span.code").first().textContent()).toBe("[workbook.points-out-of-range]");
    // Named: a clerk checking several workbooks sees which one has them.
    expect(await page.textContent("#status")).toContain("工作簿 typos.xlsx 有 16 个错误");
  });

  it("shows one unit's problems when one is chosen, as validate --unit lists them (a clerk's own rows in the district's form)", async () => {
    const file = join(dir, "两处空白.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/qingshan-2026.xlsx");
    wb.getWorksheet("党政线")!.getCell("B3").value = null; // 东湖街道
    wb.getWorksheet("党政线")!.getCell("B4").value = null; // 西山镇
    await wb.xlsx.writeFile(file);
    await choose(file);
    expect(await page.locator("ul.diagnostics li").count()).toBe(5);
    await page.selectOption("#unit", "东湖街道");
    const cli1 = await cli(["validate", file, "--unit", "东湖街道"]);
    expect(await page.locator("ul.diagnostics li").allTextContents()).toEqual(cli1.err.trim().split("\n").map((l) => l.replace(`${file}: `, "")));
    expect(await page.textContent("p.unit-counts")).toBe("东湖街道:1 个错误,0 个警告;其他单位另有 1 个错误、3 个警告,未列出(选 “全部单位” 可看全部)");
    // Said to a screen reader too: the list under the choice changed.
    expect(await page.locator("#announce").textContent()).toBe(await page.textContent("p.unit-counts"));
    // The choice kept across a language switch (it went back to all units).
    await act(() => page.click("#lang"));
    await page.waitForFunction(() => /errors/.test(document.getElementById("status")?.textContent ?? ""), undefined, { timeout: 60_000 });
    expect(await page.inputValue("#unit")).toBe("东湖街道");
    expect(await page.textContent("p.unit-counts")).toBe("东湖街道: 1 error, 0 warnings; the other units have 1 error and 3 warnings, not listed here (choose \"all units\" to see them)");
    await act(() => page.click("#lang"));
    await page.waitForFunction(() => /错误/.test(document.getElementById("status")?.textContent ?? ""), undefined, { timeout: 60_000 });
    expect(await page.inputValue("#unit")).toBe("东湖街道");
    // All of them again.
    await page.selectOption("#unit", "");
    expect(await page.locator("ul.diagnostics li").count()).toBe(5);
    expect(await page.locator("p.unit-counts").count()).toBe(0);
  });

  it("points a chosen unit's clerk below, not above, for the workbook's own problems (the page lists them under the line that counts them)", async () => {
    await choose("samples/broken/typos.xlsx");
    await page.selectOption("#unit", "白沙街道");
    expect(await page.textContent("p.unit-counts")).toContain("工作簿整体另有 1 个错误、0 个警告(不属于哪个单位,见下)");
    // And it is below: the list after the line holds 加扣分!A10.
    expect(await page.locator("p.unit-counts ~ ul.diagnostics li").allTextContents()).toEqual([expect.stringContaining("加扣分!A10")]);
  });

  it("offers one unit's warnings alone in a workbook that scores, as validate --unit lists them (there was no choice where nothing was wrong)", async () => {
    const file = "samples/qingshan-2026.xlsx";
    await choose(file);
    expect(await page.textContent("#status")).toContain("已计分");
    expect(await page.locator("ul.diagnostics li").count()).toBe(3);
    await page.selectOption("#unit", "城关镇");
    const own = await cli(["validate", file, "--unit", "城关镇"]);
    const lines = own.err.trim().split("\n");
    expect(lines.length).toBe(1);
    expect(await page.locator("ul.diagnostics li").allTextContents()).toEqual(lines.map((l) => l.replace(`${file}: `, "")));
    expect(await page.textContent("p.unit-counts")).toBe("城关镇:0 个错误,1 个警告;其他单位另有 0 个错误、2 个警告,未列出(选 “全部单位” 可看全部)");
    // A unit with none: said so, the rankings still below.
    await page.selectOption("#unit", "西山镇");
    expect(await page.locator("ul.diagnostics li").count()).toBe(0);
    expect(await page.textContent("p.unit-counts")).toContain("西山镇");
    expect(await page.locator("table").count()).toBeGreaterThan(0);
    await page.selectOption("#unit", "");
    expect(await page.locator("ul.diagnostics li").count()).toBe(3);
  });

  it("says, of a warning at a rubric it carries (a quota three departments round to none), that the office changes a copy of assess's file, not the page", async () => {
    const file = await editedCopy(dir, "samples/liuhe-2026.xlsx", "三个部门.xlsx", (wb) => withoutUnits(wb, (n) => ["区住房城乡建设局", "区交通运输局", "区市场监管局"].includes(n)));
    await choose(file);
    const items = await page.locator("ul.diagnostics li").allTextContents();
    expect(items.some((t) => t.includes("向下取整为 0 个"))).toBe(true);
    expect(items.filter((t) => t.includes("是本页自带的方案,不能在本页修改"))).toEqual([
      expect.stringContaining("township-comprehensive 2026.1 是本页自带的方案,不能在本页修改:要按上面的提示改方案,需由装有 assess 的考核办复制其方案文件 rubric/township-comprehensive-2026.1.yaml、另取方案编号(id)改好,把工作簿封面的方案编号改为新编号,再把改好的文件与工作簿一起拖入本页"),
    ]);
    // Not the command line's --rubric, which the page has not.
    expect(items.some((t) => t.includes("--rubric"))).toBe(false);
  });

  it("says a file that is no workbook (an .xls, a CSV renamed, an empty file) cannot be read, not that it has errors to correct", async () => {
    const empty = join(dir, "empty.xlsx");
    writeFileSync(empty, "");
    for (const file of ["samples/broken/legacy.xlsx", "samples/broken/csv-renamed.xlsx", empty]) {
      await choose(file);
      expect(await page.textContent("#status")).toBe(`${basename(file)} 不能作为工作簿读取:`);
      expect(await page.locator("ul.diagnostics li").count()).toBe(1);
      // Why, said to a screen reader too (the status's line ends in a colon; the list is not read out by itself).
      expect(await page.locator("#announce").textContent()).toBe(await page.textContent("ul.diagnostics li"));
    }
    // An .xls may be chosen in the picker at all (greyed out, it could not be, nor be told what it is).
    expect((await page.getAttribute("#workbook", "accept"))?.split(",")).toEqual(expect.arrayContaining([".xlsx", ".xls"]));
  });

  it("says a lock file (~$…, .~lock.…#) or a WPS .et picked by mistake is that, as validate does (it was 'not an .xlsx: save it as one' and 'a text file')", async () => {
    const excelLock = join(dir, "~$qingshan-2026.xlsx");
    writeFileSync(excelLock, Buffer.from([0x0a, 0x41, 0x64, 0x6d, 0x69, 0x6e, 0x20, 0x20]));
    const libreLock = join(dir, ".~lock.qingshan-2026.xlsx#");
    writeFileSync(libreLock, ",user,host,04.12.2026 14:00,file:///home/user/.config/libreoffice/4;");
    const et = join(dir, "考核表.et");
    copyFileSync("samples/broken/legacy.xlsx", et);
    const shown = async (file: string): Promise<string> => {
      await choose(file);
      return (await page.textContent("ul.diagnostics li")) ?? "";
    };
    for (const lock of [excelLock, libreLock]) expect(await shown(lock)).toContain("这是 Excel、WPS 或 LibreOffice 打开工作簿时留下的临时锁文件(名称以 ~$ 或 .~lock. 开头),不是工作簿;请选同一文件夹中的工作簿本身");
    expect(await shown(et)).toContain("这是 WPS 表格的 .et 文件");
  });

  it("lists the first 20 problems of a kind, and the rest of it when their line is opened", async () => {
    const file = await floodedWorkbook(dir);
    await choose(file);
    const items = page.locator("ul.diagnostics > li");
    // 20 unknown units (rows 2–21), the unknown code, then the line that counts rows 22–26.
    await expect.poll(() => items.count()).toBe(22);
    const more = page.locator("ul.diagnostics details summary");
    expect(await more.innerText()).toBe("错误: 同类问题 [workbook.ledger-unknown-unit] 另有 5 处,点击展开或收起");
    await more.click();
    await expect.poll(() => page.locator("ul.diagnostics details li").count()).toBe(5);
    const rest = await page.locator("ul.diagnostics details li").allTextContents();
    const all = (await cli(["validate", file, "--all"])).err.trim().split("\n").map((l) => l.replace(`${dir}/flooded.xlsx: `, ""));
    expect(rest).toEqual(all.slice(20, 25));
    expect(await page.textContent("#status")).toContain("26 个错误");
  });

  it("prints every problem, the rest of each kind listed before it prints (a printout handed to the units listed 20 of 140)", async () => {
    const file = await floodedWorkbook(dir, 1525, "flooded-print.xlsx");
    await choose(file);
    expect(await page.locator("ul.diagnostics details li").count()).toBe(0);
    await page.pdf({ format: "A4" });
    expect(await page.locator("ul.diagnostics details li").count()).toBe(1505);
    expect(await page.locator("ul.diagnostics details button").count()).toBe(0);
    expect(await page.locator("ul.diagnostics details").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const all = (await cli(["validate", file, "--all"])).err.trim().split("\n").map((l) => l.replace(`${file}: `, ""));
    expect(await page.locator("ul.diagnostics details li").last().textContent()).toBe(all[1524]);
  });

  it("says on paper how many of a kind it does not print, past 3,000 (a printout of 1,020 read as the whole list)", async () => {
    const file = await floodedWorkbook(dir, 3220, "flooded-3220.xlsx");
    await choose(file);
    const printed = async (): Promise<string> => {
      await page.emulateMedia({ media: "print" });
      const text = await page.locator("ul.diagnostics").first().innerText();
      await page.emulateMedia({ media: "screen" });
      return text;
    };
    await page.pdf({ format: "A4" });
    expect(await page.locator("ul.diagnostics details li").count()).toBe(0);
    expect(await printed()).toContain("同类问题 [workbook.ledger-unknown-unit] 另有 3200 处(打印件中未列出;在页面上点开列出后再打印)");
    await page.locator("ul.diagnostics details summary").click();
    await expect.poll(() => page.locator("ul.diagnostics details li:not(.print-only)").count()).toBe(1000);
    const paper = await printed();
    expect(paper).not.toContain("打印件中未列出");
    expect(paper).toContain("另有 2200 处未列出(在页面上点“再列出”后再打印)");
    expect(paper).not.toContain("再列出 1000 处");
  });

  it("lists a kind's thousands of problems a thousand at a time, a button for the next (90,000 at once froze the page)", async () => {
    const file = await floodedWorkbook(dir, 1525, "flooded-many.xlsx");
    await choose(file);
    await page.locator("ul.diagnostics details summary").click();
    // (Besides a line for paper alone, saying how many are not listed.)
    await expect.poll(() => page.locator("ul.diagnostics details li:not(.print-only)").count()).toBe(1000);
    const next = page.locator("ul.diagnostics details button");
    expect(await next.textContent()).toBe("列出其余 505 处");
    await next.click();
    await expect.poll(() => page.locator("ul.diagnostics details li").count()).toBe(1505);
    expect(await next.count()).toBe(0);
    const all = (await cli(["validate", file, "--all"])).err.trim().split("\n").map((l) => l.replace(`${file}: `, ""));
    expect(await page.locator("ul.diagnostics details li").last().textContent()).toBe(all[1524]);
  });

  it("fits the comprehensive sample's widest ranking in a window of 800 px, in either language (its awards were cut at the right edge)", async () => {
    for (const lang of ["zh-CN", "en-US"]) {
      const narrow = await browser.newPage({ viewport: { width: 800, height: 600 }, locale: lang });
      try {
        await narrow.goto(pathToFileURL(PAGE).href);
        await narrow.setInputFiles("#workbook", "samples/liuhe-2026.xlsx");
        await narrow.waitForSelector("section.ranking table", { timeout: 60_000 });
        const widths = await narrow.evaluate(() => [...document.querySelectorAll("section.ranking")].map((s) => (s.querySelector("table")?.scrollWidth ?? 0) - s.clientWidth));
        expect(Math.max(...widths), lang).toBeLessThanOrEqual(0);
        // A department's name of eight characters on one line (区住房城乡建/设局 broke beside a column with room).
        const lines = await narrow.locator("td.name", { hasText: "区住房城乡建设局" }).first().evaluate((td) => { const r = document.createRange(); r.selectNodeContents(td); return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size; });
        expect(lines, lang).toBe(1);
      } finally {
        await narrow.close();
      }
    }
  });

  it("keeps the unit's heading over the names pinned at the left of a ranking scrolled sideways on a phone (the names stood under 加分, hiding its points)", async () => {
    const narrow = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
    try {
      await narrow.goto(pathToFileURL(PAGE).href);
      await narrow.setInputFiles("#workbook", "samples/liuhe-2026.xlsx");
      await narrow.waitForSelector("section.ranking table", { timeout: 60_000 });
      const [scrolled, head, name] = await narrow.evaluate(() => {
        const section = document.querySelector("section.ranking")!;
        section.scrollLeft = 400;
        const left = (e: Element | null): number => e?.getBoundingClientRect().left ?? Number.NaN;
        return [section.scrollLeft, left(section.querySelector("th.name")), left(section.querySelector("td.name"))];
      });
      expect(scrolled).toBeGreaterThan(100);
      expect(head).toBe(name);
      // Its left border's pixel covered in the cell's colour (the text scrolled under showed through), red rows too.
      const covers = await narrow.evaluate(() => [...document.querySelectorAll("section.ranking td.name")].slice(0, 6).map((td) => getComputedStyle(td, "::before").backgroundColor === getComputedStyle(td).backgroundColor && getComputedStyle(td, "::before").content !== "none"));
      expect(covers).toEqual([true, true, true, true, true, true]);
      expect(await narrow.locator("section.ranking").first().locator("th.name").textContent()).toBe("单位");
    } finally {
      await narrow.close();
    }
  });

  it("keeps the template form within a phone's screen, the scheme's list on a line of its own (its longest title ran 100 px past the edge)", async () => {
    const narrow = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
    try {
      await narrow.goto(pathToFileURL(PAGE).href);
      await narrow.evaluate(() => {
        for (const d of document.querySelectorAll("details")) d.open = true;
      });
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const box = await narrow.locator("#template-rubric").boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    } finally {
      await narrow.close();
    }
  });

  it("keeps a phone's window of 375 px wide with a long file name (its status line widened the page) and wraps an explanation's lines under their indent", async () => {
    const file = join(dir, "qingshan_2026_final_v3_revised_by_zhangsan_20261205_checked_for_the_district_office.xlsx");
    copyFileSync("samples/qingshan-2026.xlsx", file);
    const narrow = await browser.newPage({ viewport: { width: 375, height: 800 }, locale: "zh-CN" });
    try {
      await narrow.goto(pathToFileURL(PAGE).href);
      await narrow.setInputFiles("#workbook", file);
      await narrow.waitForSelector("section.ranking table", { timeout: 60_000 });
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      // The awards, past the screen's edge whatever their width, given room to read once scrolled
      // to: squeezed to 77 px, every row was ten lines tall. 城关镇's row (two awards) three lines at most.
      const ranking = narrow.locator("section.ranking").first();
      expect((await ranking.locator("td.awards").first().boundingBox())?.width).toBeGreaterThan(200);
      const row = await ranking.locator("tbody tr").first().boundingBox();
      const lineHeight = await ranking.locator("tbody td").first().evaluate((e) => parseFloat(getComputedStyle(e).lineHeight) || parseFloat(getComputedStyle(e).fontSize) * 1.4);
      expect(row?.height).toBeLessThanOrEqual(lineHeight * 3 + 8);
      // A ranking that fits the screen keeps fitting, its heading row in view, no sideways scroll:
      // 柳河区's 区属国有企业排名, with its awards (given the wider column, it scrolled 121 px).
      await narrow.setInputFiles("#workbook", "samples/liuhe-2026.xlsx");
      await narrow.waitForFunction(() => document.querySelector("section.ranking:last-of-type h2")?.textContent === "区属国有企业排名", undefined, { timeout: 60_000 });
      const last = narrow.locator("section.ranking").last();
      expect(await last.locator("td.awards").count()).toBeGreaterThan(0);
      expect(await last.evaluate((e) => [e.classList.contains("fits"), e.scrollWidth <= e.clientWidth])).toEqual([true, true]);
      await narrow.setInputFiles("#workbook", file);
      await narrow.waitForFunction(() => document.querySelector("section.ranking:last-of-type h2")?.textContent === "部门排名", undefined, { timeout: 60_000 });
      await narrow.getByRole("button", { name: "西山镇", exact: true }).first().click();
      // DZ3.1's line (indented 4) wraps there: its second line starts past the indent, not at the edge.
      const line = narrow.locator("#explain pre span.line").filter({ hasText: /^ {4}DZ3\.1 / });
      const [box, first] = await line.evaluate((e) => {
        const range = document.createRange();
        range.selectNodeContents(e);
        const rects = [...range.getClientRects()];
        return [e.getBoundingClientRect().left, rects.map((r) => Math.round(r.left))] as const;
      });
      const lefts = [...new Set(first)];
      expect(lefts.length).toBeGreaterThan(1);
      expect(Math.max(...lefts) - box).toBeGreaterThan(Math.min(...lefts) - box);
    } finally {
      await narrow.close();
    }
  });

  it("prints the HTML report's charts as wide as its tables, their names at a size a leader reads (at 660 px of the page's 1030 they printed at 6 pt; 30 towns in a part, at 7)", async () => {
    const sample = join(dir, "print-chart-report.html");
    expect((await cli(["report", "samples/liuhe-2026.xlsx", "--format", "html", "-o", sample])).code).toBe(0);
    // And a district of 60 towns, its chart drawn in parts.
    const f = "rubric/district-popplan-2022.1.yaml";
    const rubric = loadRubric(f, readFileSync(f), "test").rubric;
    const judged = Object.fromEntries((rubric?.lines ?? []).map((l) => [l.code, leaves(l.items).filter((i) => i.kind === "judged").map((i) => ({ code: i.code, name: i.name, max: i.max / 100 }))]));
    const sixty = join(dir, "sixty.xlsx");
    generate(sixty, 60, judged);
    const large = join(dir, "sixty.report.html");
    expect((await cli(["report", sixty, "--format", "html", "-o", large])).code).toBe(0);
    // A4 landscape less its margins: 273 mm, some 1030 px wide, 184 mm high.
    const paper = await browser.newPage({ viewport: { width: 1030, height: 695 }, locale: "zh-CN" });
    try {
      for (const report of [sample, large]) {
        await paper.goto(pathToFileURL(report).href);
        await paper.emulateMedia({ media: "print" });
        const table = await paper.locator("section.block table").first().boundingBox();
        // What is drawn, not the box it is drawn in: the chart's 1000 units at the scale they are drawn.
        const drawn = await paper.locator("svg.chart").evaluateAll((svgs) => svgs.map((s) => (s as SVGSVGElement).getScreenCTM()?.a ?? 0));
        expect(drawn.length, report).toBeGreaterThan(0);
        for (const scale of drawn) {
          expect(scale * 1000, report).toBeGreaterThanOrEqual(table!.width * 0.9);
          // Its names' 13 units drawn at 9 pt (12 px) or more.
          expect(scale * 13, report).toBeGreaterThanOrEqual(12);
        }
      }
    } finally {
      await paper.close();
    }
  });

  it("keeps a grade on one line in the HTML report's 等次 column, on screen and on paper (不合格 broke as 不合 / 格)", async () => {
    const report = join(dir, "grade-report.html");
    expect((await cli(["report", "samples/liuhe-2026.xlsx", "--format", "html", "-o", report])).code).toBe(0);
    for (const width of [1280, 800]) {
      const p = await browser.newPage({ viewport: { width, height: 800 }, locale: "zh-CN" });
      try {
        await p.goto(pathToFileURL(report).href);
        for (const media of ["screen", "print"] as const) {
          await p.emulateMedia({ media });
          // Each 不合格 in a column headed 等次, and the lines its text takes.
          const tall = await p.evaluate(() =>
            [...document.querySelectorAll("table")].flatMap((t) => {
              const at = [...(t.querySelector("thead tr:last-child")?.children ?? [])].findIndex((th) => th.textContent === "等次");
              if (at < 0) return [];
              return [...t.querySelectorAll("tbody tr")].flatMap((tr) => {
                const td = tr.children[at];
                if (!td || td.textContent !== "不合格") return [];
                const r = document.createRange();
                r.selectNodeContents(td);
                return [r.getClientRects().length];
              });
            }),
          );
          expect(tall.length, `${width} ${media}`).toBeGreaterThan(0);
          expect(tall.every((n) => n === 1), `${width} ${media}: ${tall.join(",")}`).toBe(true);
        }
      } finally {
        await p.close();
      }
    }
  });

  it("gives the HTML report's overall ranking on a phone room for its awards (squeezed, its rows were six lines tall)", async () => {
    const report = join(dir, "phone-report.html");
    expect((await cli(["report", "samples/qingshan-2026.xlsx", "--format", "html", "-o", report])).code).toBe(0);
    const narrow = await browser.newPage({ viewport: { width: 375, height: 800 }, locale: "zh-CN" });
    try {
      await narrow.goto(pathToFileURL(report).href);
      const overall = narrow.locator("section.t-overall").first();
      expect((await overall.locator("td.k-text").last().boundingBox())?.width).toBeGreaterThan(200);
      // 城关镇's row (a prize and a single-item award): three lines at most.
      const row = await overall.locator("tbody tr").first().boundingBox();
      const lineHeight = await overall.locator("tbody td").first().evaluate((e) => parseFloat(getComputedStyle(e).lineHeight) || parseFloat(getComputedStyle(e).fontSize) * 1.4);
      expect(row?.height).toBeLessThanOrEqual(lineHeight * 3 + 8);
      // The page itself no wider than the phone: the table scrolls in its own box.
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      // The closing block under the award list within the screen, before and after the list is
      // scrolled sideways (as wide as the list, it ran past the edge: "…领导小组办", the date's 年 alone).
      const closing = narrow.locator("footer.closing");
      const within = async (): Promise<void> => {
        const box = await closing.boundingBox();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(375);
      };
      await within();
      await narrow.locator("section.t-awards table").last().evaluate((t) => (t.scrollLeft = 200));
      await within();
    } finally {
      await narrow.close();
    }
  });

  it("says under a ranking by what units level on the total were ranked apart, as the terminal does", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/liuhe-2026.xlsx");
    // 柳河镇 vetoed, 文昌街道 2.87 taken off: level with 河东街道 at 89.50, DJ decides.
    wb.getWorksheet("指标数据")!.getCell("F2").value = 1;
    const ledger = wb.getWorksheet("加扣分")!;
    ledger.getRow(ledger.rowCount + 1).values = ["文昌街道", "KF3", null, null, 2.87, "已认定", null, "重大安全隐患整改不到位"];
    const file = join(dir, "tied-streets.xlsx");
    await wb.xlsx.writeFile(file);
    await choose(file);
    const notes = await page.locator("section.ranking").first().locator("p.note").allTextContents();
    expect(notes).toContain("(同分的单位依次按 DJ 党的建设、JJ 经济发展 比较排定名次;比较项也都相同的并列同一名次)");
    // And the prize nobody holds, with why (河西街道 first in 街道组, its veto keeping the place empty).
    expect(notes).toContain("(奖次空缺:街道组排名 一等奖,第 1 名的河西街道一票否决,不得获奖,名次空出)");
    // And how the weighted lines make the total (their columns hold each line's points before the weight).
    expect(notes).toContain("(总分 = 经济发展 × 40% + 社会治理 × 35% + 党的建设 × 25% + 加分 − 扣分(计入总分);各线一栏为乘权重前的得分,加权合计在相加后四舍五入到 0.01)");
    // And the rankings the page does not show, named with where they are (as the terminal does).
    expect(await page.locator("#output > p.note").allTextContents()).toContain("(另有排名未在此列出,见结果工作簿:乡镇组排名、街道组排名、经济发展单项排名)");
    // The terminal says the same under its table.
    expect((await cli(["score", file, "-o", join(dir, "tied-streets.scored.xlsx")])).out).toContain("(同分的单位依次按 DJ 党的建设、JJ 经济发展 比较排定名次;比较项也都相同的并列同一名次)");
  });

  it("opens a copy saved with its results (保存网页) empty, not with results of no file loaded whose downloads are dead links", async () => {
    await choose("samples/qingshan-2026.xlsx");
    expect(await page.locator("#downloads a").count()).toBeGreaterThan(0);
    const saved = join(dir, "saved-with-results.html");
    writeFileSync(saved, await page.content());
    const other = await page.context().newPage();
    try {
      await other.goto(pathToFileURL(saved).href);
      await other.waitForFunction(() => document.getElementById("status")?.textContent === "请选择工作簿。");
      const left = await other.evaluate(() => ["output", "downloads", "explain"].map((id) => document.getElementById(id)?.childElementCount ?? -1));
      expect(left).toEqual([0, 0, 0]);
      // And it still works: a workbook chosen is scored.
      await other.setInputFiles("#workbook", "samples/qingshan-2026.xlsx");
      await other.waitForFunction(() => document.querySelectorAll("#downloads a").length > 0, undefined, { timeout: 60_000 });
    } finally {
      await other.close();
    }
  });

  it("ranks a valid sample as score --json does, and explains a unit on click as explain does", async () => {
    await choose("samples/qingshan-2026.xlsx");
    // Totals its pending claims may move, no rank or award: whose, and where to, as the terminal says.
    expect(await page.locator("section.ranking p.note").first().textContent()).toBe("加扣分尚有待认定:青石镇(954.50–964.50)、金水街道(917.50–937.50) 的总分可能变动,本表名次和奖惩均不变。点击单位名称可查看取决于哪些记录。");
    // A table as wide as its columns need: the departments' three columns not spread over the page.
    const [page_, departments] = await page.evaluate(() => [document.body.clientWidth, document.querySelectorAll("section.ranking table")[1]?.getBoundingClientRect().width ?? 0]);
    expect(departments).toBeGreaterThan(0);
    expect(departments).toBeLessThan(page_ / 2);
    const json = JSON.parse((await cli(["score", "samples/qingshan-2026.xlsx", "--json", "-o", join(dir, "cli.xlsx")])).out) as { units: { name: string; kind: string; total: number; rank: Record<string, number | null> }[] };
    const heads = await page.locator("section.ranking").first().locator("thead th").allTextContents();
    const rows = await page.locator("section.ranking").first().locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    const [unitAt, totalAt] = [heads.indexOf("单位"), heads.indexOf("总分")];
    // Each town with the rank and total the CLI gives it, in rank order (the vetoed last).
    const towns = json.units.filter((u) => u.kind === "town");
    expect(rows.map((r) => r[unitAt]).sort()).toEqual(towns.map((u) => u.name).sort());
    for (const r of rows) {
      const u = towns.find((x) => x.name === r[unitAt]);
      // Points with two decimals, as the sheets and the report show them (1008.00 over 971.50).
      expect([r[0], r[totalAt]], r[unitAt]).toEqual([u?.rank.overall === null ? "一票否决" : String(u?.rank.overall), (u?.total ?? NaN).toFixed(2)]);
    }
    const order = rows.map((r) => (r[0] === "一票否决" ? Infinity : Number(r[0])));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    await page.getByRole("button", { name: "北川镇" }).click();
    const text = await page.textContent("#explain pre");
    const cliText = (await cli(["explain", "samples/qingshan-2026.xlsx", "北川镇"])).out;
    expect(text?.trim()).toBe(cliText.trim());
    // A screen reader is told where it went, and the focus goes with the page to the explanation (a
    // magnifier following it looked at a button scrolled away); a button there takes it back to the
    // unit's, from where Tab goes on to the next unit.
    expect(await page.locator("#announce").textContent()).toBe("已在排名下方显示“北川镇”的逐项说明。");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("逐项说明");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("返回排名中的“北川镇”");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("北川镇");
  });

  it("takes a workbook saved as an Excel template (.xltx), offered in the file chooser, and names its downloads as the command line does (liuhe.xltx.report.html)", async () => {
    expect(await page.getAttribute("#workbook", "accept")).toContain(".xltx");
    const parts = unzipSync(readFileSync("samples/liuhe-2026.xlsx"));
    parts["[Content_Types].xml"] = strToU8(strFromU8(parts["[Content_Types].xml"]!).replace("spreadsheetml.sheet.main+xml", "spreadsheetml.template.main+xml"));
    const file = join(dir, "liuhe-2026.xltx");
    writeFileSync(file, zipSync(parts));
    await choose(file);
    const names: string[] = [];
    for (const label of ["计分结果工作簿(.xlsx)", "(.html)", "结果数据(.json)"]) {
      const [d] = await Promise.all([page.waitForEvent("download"), page.locator("#downloads a", { hasText: label }).first().click()]);
      names.push(d.suggestedFilename());
      if (label.endsWith("(.xlsx)")) {
        const saved = join(dir, "from-xltx.xlsx");
        await d.saveAs(saved);
        expect(strFromU8(unzipSync(readFileSync(saved))["[Content_Types].xml"]!)).not.toContain("template.main+xml");
      }
    }
    expect(names).toEqual(["liuhe-2026.scored.xlsx", "liuhe-2026.report.html", "liuhe-2026.json"]);
    // Chosen where the rubric goes, it is taken for the workbook it is, as an .xlsx is (it was refused as no rubric).
    await choose("samples/qingshan-2026.xlsx");
    expect(await page.getAttribute("#rubric", "accept")).toContain(".xltx");
    await act(() => page.setInputFiles("#rubric", file));
    await page.waitForFunction(() => !/正在|reading|scoring|making/.test(document.getElementById("status")?.textContent ?? ""), undefined, { timeout: 60_000 });
    expect(await page.textContent("#status")).toContain("liuhe-2026.xltx");
    expect(await page.textContent("#status")).toContain("已计分");
    await choose("samples/qingshan-2026.xlsx");
  });

  it("hands out a download from the keyboard's Space as from Enter (drawn as buttons, they scrolled the page)", async () => {
    await page.locator("#downloads a").last().focus();
    const y = await page.evaluate(() => window.scrollY);
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press(" ")]);
    expect(download.suggestedFilename()).toBe("qingshan-2026.json");
    expect(await page.evaluate(() => window.scrollY)).toBe(y);
  });

  it("hands out the scored workbook, which scores again exactly as the CLI scores the input", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByText("计分结果工作簿(.xlsx)").click()]);
    expect(download.suggestedFilename()).toBe("qingshan-2026.scored.xlsx");
    const saved = join(dir, "from-web.xlsx");
    await download.saveAs(saved);
    const again = JSON.parse((await cli(["score", saved, "--json", "-o", join(dir, "again.xlsx")])).out) as { units: unknown[] };
    const direct = JSON.parse((await cli(["score", "samples/qingshan-2026.xlsx", "--json", "-o", join(dir, "direct.xlsx")])).out) as { units: unknown[] };
    expect(again.units).toEqual(direct.units);
    const [report] = await Promise.all([page.waitForEvent("download"), page.getByText("九月排名报告(.html)").click()]);
    const reportFile = join(dir, "report.html");
    await report.saveAs(reportFile);
    expect(readFileSync(reportFile, "utf8")).toContain("青山区2026年度人口和计划生育目标管理责任制考核结果");
    // The results as data, as score --json gives them: the cover, the rankings, the units, the warnings.
    const [data] = await Promise.all([page.waitForEvent("download"), page.getByText("结果数据(.json)").click()]);
    const dataFile = join(dir, "results.json");
    await data.saveAs(dataFile);
    const fromPage = JSON.parse(readFileSync(dataFile, "utf8")) as { cover: unknown; rankings: unknown; units: unknown[]; diagnostics: { code: string; cell: string }[] };
    const fromCli = direct as unknown as typeof fromPage;
    expect([fromPage.cover, fromPage.rankings, fromPage.units]).toEqual([fromCli.cover, fromCli.rankings, fromCli.units]);
    expect(fromPage.diagnostics.map((d) => `${d.code} ${d.cell}`)).toEqual(fromCli.diagnostics.map((d) => `${d.code} ${d.cell}`));
    // That result chosen again: its own result is named as the CLI names it (not NAME.scored.scored.xlsx).
    const scored = join(dir, "qingshan-2026.scored.xlsx");
    await download.saveAs(scored);
    await choose(scored);
    const [second] = await Promise.all([page.waitForEvent("download"), page.getByText("计分结果工作簿(.xlsx)").click()]);
    expect(second.suggestedFilename()).toBe("qingshan-2026.scored (2).xlsx");
    // The page as it was (the next test switches the language of an explanation on it).
    await choose("samples/qingshan-2026.xlsx");
    await page.getByRole("button", { name: "北川镇" }).click();
  });

  it("speaks English on the switch", async () => {
    await act(() => page.click("#lang"));
    await page.waitForFunction(() => /Scored/.test(document.getElementById("status")?.textContent ?? ""), undefined, { timeout: 60_000 });
    expect(await page.locator("section.ranking th").first().textContent()).toBe("Rank");
    // The unit explained before the switch is explained still, in English.
    const cliText = (await cli(["explain", "samples/qingshan-2026.xlsx", "北川镇", "--lang", "en"])).out;
    expect((await page.textContent("#explain pre"))?.trim()).toBe(cliText.trim());
    // Each line a block whose wrapped lines go on past its indent (they ran back to the left edge).
    const item = page.locator("#explain pre span.line").filter({ hasText: /^ {4}DZ3\.1 / });
    expect(await item.evaluate((e) => [getComputedStyle(e).display, e.style.paddingLeft, e.style.textIndent])).toEqual(["block", "6ch", "-6ch"]);
    await page.click("#lang");
  });

  it("switches language where the page is, keeps the explanation on a quick double click, and scores the workbook as read (saved over on disk since)", async () => {
    const copy = join(dir, "switch.xlsx");
    copyFileSync("samples/qingshan-2026.xlsx", copy);
    await choose(copy);
    await page.getByRole("button", { name: "北川镇" }).click();
    // Part way down the rankings: the switch leaves the page there (it went to the explanation, then to the top).
    await page.evaluate(() => window.scrollTo(0, 300));
    // The clerk saves another file over it meanwhile: the switch scores what was read (it said the file could not be read again).
    writeFileSync(copy, "not a workbook any more");
    // (Clicked from the page itself: a click of the driver's would scroll the button into view.)
    await act(() => page.evaluate(() => {
      const button = document.getElementById("lang");
      button?.click();
      button?.click();
    }));
    await page.waitForFunction(() => /已计分|Scored/.test(document.getElementById("status")?.textContent ?? "") && document.querySelector("#explain pre") !== null, undefined, { timeout: 60_000 });
    expect(await page.locator("#explain pre").count()).toBe(1);
    expect(await page.evaluate(() => window.scrollY)).toBe(300);
    expect(await page.textContent("#status")).toContain("switch.xlsx");
    // (A double click is two switches: back in Chinese.)
    expect(await page.textContent("#lang")).toBe("English");
    // Shown again, the explanation keeps its way back to the unit's button in the rankings shown now.
    await page.locator("#explain button").click();
    expect(await page.evaluate(() => document.activeElement?.className === "unit" && document.activeElement.textContent)).toBe("北川镇");
  });

  it("names each ranking's table for a screen reader, and marks the language button's language", async () => {
    await choose("samples/qingshan-2026.xlsx");
    expect(await page.locator("section.ranking table").first().getAttribute("aria-label")).toBe("综合排名");
    expect(await page.getAttribute("#lang", "lang")).toBe("en");
    // Links to each ranking above the problems: the keyboard reaches the departments' without tabbing
    // through every problem and every town's name.
    const links = page.locator("nav.jump a");
    expect(await links.allTextContents()).toEqual(await page.locator("section.ranking > h2").allTextContents());
    await links.nth(1).focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("section.ranking")?.querySelector("h2")?.textContent)).toBe("部门排名");
    // One main landmark, with the files, the rankings and the explanation in it: a screen reader jumps to it.
    expect(await page.locator("main").count()).toBe(1);
    expect(await page.locator("main #drop, main #output, main #explain").count()).toBe(3);
  });

  it("says a rubric chosen after a file that is no workbook was loaded (the file's error took its place)", async () => {
    const pdf = join(dir, "filled.pdf");
    writeFileSync(pdf, "%PDF-1.4 not a workbook");
    await choose(pdf);
    expect(await page.textContent("#status")).toContain("filled.pdf 不能作为工作簿读取");
    const rubric = join(dir, "mine-2026.1.yaml");
    writeFileSync(rubric, readFileSync("rubric/district-popplan-2022.1.yaml", "utf8").replace("id: district-popplan", "id: mine").replace('version: "2022.1"', 'version: "2026.1"'));
    await act(() => page.setInputFiles("#rubric", rubric));
    await page.waitForFunction(() => /已载入方案/.test(document.getElementById("status")?.textContent ?? ""), undefined, { timeout: 60_000 });
    expect(await page.textContent("#status")).toContain("已载入方案 mine 2026.1");
    expect(await page.locator("ul.diagnostics li").count()).toBe(0);
    // The language switched then says it again (it brought the file's error back).
    await act(() => page.click("#lang"));
    await page.waitForFunction(() => /Rubric mine 2026.1 loaded/.test(document.getElementById("status")?.textContent ?? ""), undefined, { timeout: 60_000 });
    await page.click("#lang");
    await page.setInputFiles("#rubric", []);
    await choose("samples/qingshan-2026.xlsx");
  });

  it("lets a workbook chosen in the rubric's picker take the place of a rubric refused there (its problems stood beside the good result)", async () => {
    const photo = join(dir, "photo.png");
    writeFileSync(photo, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    await act(() => page.setInputFiles("#rubric", photo));
    await page.waitForFunction(() => /photo\.png/.test(document.getElementById("status")?.textContent ?? ""), undefined, { timeout: 60_000 });
    await act(() => page.setInputFiles("#rubric", "samples/qingshan-2026.xlsx"));
    await page.waitForFunction(() => /已计分 qingshan-2026\.xlsx/.test(document.getElementById("status")?.textContent ?? ""), undefined, { timeout: 60_000 });
    expect(await page.textContent("#status")).not.toContain("photo.png");
    expect(await page.locator("#output").textContent()).not.toContain("photo.png");
  });

  it("says of a workbook without a cover to restore it, not to give --rubric (no option on the page)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/liuhe-2026.xlsx");
    wb.removeWorksheet(wb.getWorksheet("封面")!.id);
    const file = join(dir, "no-cover.xlsx");
    await wb.xlsx.writeFile(file);
    await choose(file);
    const shown = await page.locator("ul.diagnostics li").allTextContents();
    expect(shown).toContain("警告: 工作簿没有封面(方案编号、版本),按内置方案 township-comprehensive 2026.1《乡镇(街道)和区直部门综合考核办法》计分,结果和报告的标题中没有地区和年度;如不是此方案,请补回封面(从考核办下发的模板复制封面工作表) [web.no-cover]");
    expect(shown.join("\n")).not.toContain("--rubric");
  });

  it("says of a workbook with no assessment sheet to fill the office's template, not to run assess template (no command on a clerk's PC)", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("工资表").addRows([["姓名", "基本工资"], ["张三", 3000]]);
    const file = join(dir, "工资表.xlsx");
    await wb.xlsx.writeFile(file);
    await choose(file);
    const shown = (await page.locator("ul.diagnostics li").allTextContents()).join("\n");
    expect(shown).toContain("错误: 找不到考核工作表:表头应以方案中的代码开头(如 DZ2、ZB1);请在考核办下发的模板中填写 [web.no-sheets-found]");
    expect(shown).not.toContain("assess template");
    // Nothing scored: no word of the rubric it would be scored under (it read as scored).
    expect(shown).not.toContain("no-cover");
    const r = await cli(["validate", file]);
    expect(r.err.trim().split("\n")).toEqual([`${file}: 工资表: 错误: 找不到考核工作表:表头应以方案中的代码开头(如 DZ2、ZB1);可用 assess template 生成模板 [workbook.no-sheets-found]`]);
  });

  it("says of the units list kept in Excel, dropped for a workbook, where a template is made from it (it was told to fill the office's template: it is the office)", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("名单").addRows([["柳河区2026年考核单位名单"], ["序号", "单位名称", "类型"], [1, "柳河镇", "乡镇"], [2, "区财政局", "区直部门"]]);
    const file = join(dir, "单位名单.xlsx");
    await wb.xlsx.writeFile(file);
    await choose(file);
    expect(await page.locator("ul.diagnostics li").allTextContents()).toEqual(["名单!B2: 错误: 这是单位名单,不是考核工作簿:要按它制作模板,请在 Excel 中选中名单的几列复制,粘贴到本页“没有模板?在这里制作空白模板”的单位名单框里 [web.units-list]"]);
    const r = await cli(["validate", file]);
    expect(r.err.trim().split("\n")).toEqual([`${file}: 名单!B2: 错误: 这是单位名单,不是考核工作簿:要按它制作模板,请在 Excel 中把它另存为 CSV,再运行 assess template --units 名单.csv [workbook.units-list]`]);
  });

  it("keeps the language chosen on the switch when the page is opened again", async () => {
    const again = await page.context().newPage();
    try {
      await again.goto(pathToFileURL(PAGE).href);
      expect(await again.getAttribute("html", "lang")).toBe("zh-CN");
      await again.click("#lang");
      await again.reload();
      expect(await again.getAttribute("html", "lang")).toBe("en");
      expect(await again.textContent("#lang")).toBe("中文");
      await again.click("#lang");
      await again.reload();
      expect(await again.getAttribute("html", "lang")).toBe("zh-CN");
    } finally {
      await again.close();
    }
  });

  it("scores the same file chosen again, corrected meanwhile (the input is emptied after each choice)", async () => {
    const file = join(dir, "fixme.xlsx");
    writeFileSync(file, readFileSync("samples/broken/typos.xlsx"));
    await choose(file);
    expect(await page.textContent("#status")).toContain("16 个错误");
    writeFileSync(file, readFileSync("samples/qingshan-2026.xlsx"));
    await choose(file);
    expect(await page.textContent("#status")).toContain("已计分 fixme.xlsx");
    expect(await page.locator("ul.diagnostics li.error").count()).toBe(0);
  });

  it("shows only the last of two workbooks chosen in quick succession", async () => {
    // The first is still being read when the second is chosen.
    await page.setInputFiles("#workbook", "samples/qingshan-2026.xlsx");
    await choose("samples/liuhe-2026.xlsx");
    // Give the first run every chance to come back.
    await page.waitForTimeout(1500);
    expect(await page.textContent("#status")).toContain("已计分 liuhe-2026.xlsx");
    const links = await page.locator("#downloads a").allTextContents();
    expect(links).toHaveLength(3);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByText("计分结果工作簿(.xlsx)").click()]);
    expect(download.suggestedFilename()).toBe("liuhe-2026.scored.xlsx");
    const units = await page.locator("section.ranking tbody tr td.name").allTextContents();
    expect(units.some((u) => u === "北川镇")).toBe(false);
  });

  /** Files dropped on the page together, as from the desktop: on the box, or on what `at` selects. */
  const dropFiles = async (files: string[], at = "#drop"): Promise<void> => {
    const payload = files.map((f) => ({ name: basename(f), bytes: [...readFileSync(f)] }));
    await act(() => page.evaluate(
      ([fs, target]) => {
        const dt = new DataTransfer();
        for (const f of fs) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
        document.querySelector(target)?.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      [payload, at] as const,
    ));
  };
  const settled = (pattern: RegExp): Promise<unknown> => page.waitForFunction((p) => new RegExp(p).test(document.getElementById("status")?.textContent ?? ""), pattern.source, { timeout: 60_000 });

  describe("a rubric of the user's own", () => {
    // A workbook made for version 2026.1 of the district rubric, which is not built in.
    const workbook = join(dir, "qingshan-v2026.xlsx");
    const rubric = join(dir, "district-popplan-2026.1.yaml");
    beforeAll(async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile("samples/qingshan-2026.xlsx");
      wb.getWorksheet("封面")!.getCell("B4").value = "2026.1";
      await wb.xlsx.writeFile(workbook);
      writeFileSync(rubric, readFileSync("rubric/district-popplan-2022.1.yaml", "utf8").replace('version: "2022.1"', 'version: "2026.1"'));
    });
    afterAll(async () => {
      await page.setInputFiles("#rubric", []);
    });

    it("is asked for in the page's own words where the cover names one not built in", async () => {
      await choose(workbook);
      const shown = (await page.locator("ul.diagnostics li").allTextContents()).join("\n");
      // Both ways out: the new version's file, or the version cell corrected to the one built in.
      expect(shown).toContain("封面写的是方案 district-popplan 的 2026.1 版,本页可用的是 2022.1 版");
      expect(shown).toContain("要方案文件 district-popplan-2026.1.yaml,在“自己的考核方案文件”处选择它,或把它和工作簿一起拖到这里");
      expect(shown).toContain("如是版本号填错,请改为所用的版本号(本页有 2022.1)");
      expect(shown).not.toContain("--rubric");
      // (Said as a version the page lacks: its file to choose, or the cover's slip to correct, as said under it.)
      expect(await page.textContent("#status")).toBe("工作簿 qingshan-v2026.xlsx 封面所写的方案版本不在本页:");
    });

    it("says its warnings as rubric check does, when loaded and above the results it scores (a prize no place wins was never said on the page)", async () => {
      const gap = join(dir, "gap", "district-popplan-2026.1.yaml");
      mkdirSync(join(dir, "gap"), { recursive: true });
      const text = readFileSync(rubric, "utf8");
      expect(text).toContain("      ranks: [2, 3]\n");
      writeFileSync(gap, text.replace("      ranks: [2, 3]\n", "      ranks: [3, 3]\n"));
      await act(() => page.setInputFiles("#rubric", gap));
      await settled(/已载入方案|已计分|不在本页/);
      const said = async (): Promise<string> => (await page.locator("#output").innerText()).replace(/\s+/g, " ");
      expect(await said()).toContain("方案文件 district-popplan-2026.1.yaml 有 1 条提醒(仍按它计分,请核对):");
      expect(await said()).toMatch(/district-popplan-2026\.1\.yaml:\d+:\d+: 警告: 一等奖 与 二等奖 之间的第 2 名不属于任何奖次/);
      await choose(workbook);
      await settled(/已计分 qingshan-v2026/);
      expect(await said()).toContain("方案文件 district-popplan-2026.1.yaml 有 1 条提醒");
      await page.setInputFiles("#rubric", []);
      await act(() => page.setInputFiles("#rubric", rubric));
      await settled(/已计分 qingshan-v2026/);
      expect(await said()).not.toContain("条提醒");
    });

    it("says a workbook whose only error is a scheme not on the page needs its rubric file, not correcting (it said 有 1 个错误…改正后再试)", async () => {
      const own = join(dir, "own-scheme.xlsx");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile("samples/qingshan-2026.xlsx");
      wb.getWorksheet("封面")!.getCell("B3").value = "shizhi-dept";
      await wb.xlsx.writeFile(own);
      await choose(own);
      expect(await page.textContent("#status")).toBe("工作簿 own-scheme.xlsx 所用的考核方案不在本页,选择方案文件后即可计分:");
      expect((await page.locator("ul.diagnostics li").allTextContents()).join("\n")).toContain("找不到方案 shizhi-dept 2022.1");
    });

    it("is said to be of another version where it is the cover's scheme in another, not asked for again", async () => {
      // Named as the cover names it, but a revision saved under the old name (2026.2 inside).
      const misnamed = join(dir, "misnamed", "district-popplan-2026.1.yaml");
      mkdirSync(join(dir, "misnamed"), { recursive: true });
      writeFileSync(misnamed, readFileSync("rubric/district-popplan-2022.1.yaml", "utf8").replace('version: "2022.1"', 'version: "2026.2"'));
      await dropFiles([workbook, misnamed]);
      await page.waitForFunction(() => [...document.querySelectorAll("ul.diagnostics li")].some((li) => li.textContent?.includes("2026.2")), undefined, { timeout: 60_000 });
      const shown = (await page.locator("ul.diagnostics li").allTextContents()).join("\n");
      expect(shown).toContain("封面写的是方案 district-popplan 的 2026.1 版,所选的方案文件 district-popplan-2026.1.yaml 却是 2026.2 版");
      expect(shown).not.toContain("要方案文件");
      // (Headed as a version the page lacks, not as errors to correct.)
      expect(await page.textContent("#status")).toBe("工作簿 qingshan-v2026.xlsx 封面所写的方案版本不在本页:");
      await page.setInputFiles("#rubric", []);
      // Named so, but another scheme inside: said what it is.
      const other = join(dir, "other-id", "district-popplan-2026.1.yaml");
      mkdirSync(join(dir, "other-id"), { recursive: true });
      writeFileSync(other, readFileSync("rubric/district-popplan-2022.1.yaml", "utf8").replace("id: district-popplan", "id: other-scheme").replace('version: "2022.1"', 'version: "2026.2"'));
      await dropFiles([workbook, other]);
      await page.waitForFunction(() => [...document.querySelectorAll("ul.diagnostics li")].some((li) => li.textContent?.includes("other-scheme 2026.2")), undefined, { timeout: 60_000 });
      const said = (await page.locator("ul.diagnostics li").allTextContents()).join("\n");
      expect(said).toContain("所选的方案文件 district-popplan-2026.1.yaml 里写的是方案 other-scheme 2026.2,不是封面所写的 district-popplan 2026.1");
      expect(await page.textContent("#status")).toBe("工作簿 qingshan-v2026.xlsx 封面所写的方案版本不在本页:");
      await page.setInputFiles("#rubric", []);
    });

    it("is taken when dropped with the workbook, and the workbook scored under it", async () => {
      await dropFiles([workbook, rubric]);
      await settled(/已计分/);
      expect(await page.textContent("#status")).toContain("已计分 qingshan-v2026.xlsx:22 个单位,方案 district-popplan 2026.1");
    });

    it("is taken again when the same file is chosen again, corrected meanwhile (the picker is emptied after each choice: the page kept the first file's results)", async () => {
      const again = join(dir, "again", "district-popplan-2026.1.yaml");
      mkdirSync(join(dir, "again"), { recursive: true });
      const text = readFileSync(rubric, "utf8");
      writeFileSync(again, text);
      await act(() => page.setInputFiles("#rubric", again));
      await settled(/已载入方案|已计分/);
      await choose(workbook);
      expect(await page.textContent("#status")).toContain("已计分 qingshan-v2026.xlsx");
      expect(await page.locator("#rubric").inputValue()).toBe("");
      // The district's corrected file saved over the first: a single-item award's amount changed.
      expect(text).toContain("      amount: 3000\n");
      writeFileSync(again, text.replace("      amount: 3000\n", "      amount: 5000\n"));
      await act(() => page.setInputFiles("#rubric", again));
      await settled(/已计分 qingshan-v2026/);
      expect(await page.textContent("#status")).toContain("注意:重新选择的 district-popplan-2026.1.yaml 与此前载入的同名文件编号和版本相同(district-popplan 2026.1),内容却不同;现按新选择的文件计分。");
      await act(() => page.setInputFiles("#rubric", []));
      await settled(/已计分|有 \d+ 个错误|不在本页|请选择/);
    });

    it("is put aside with its button, the workbook on the page scored again under the built-in rubrics (a picker not emptied by choosing nothing kept it)", async () => {
      await dropFiles([workbook, rubric]);
      await settled(/已计分 qingshan-v2026/);
      const button = page.locator("#rubric-clear");
      expect(await button.isVisible()).toBe(true);
      expect(await button.textContent()).toBe("不用此方案,改回内置方案");
      await act(() => button.click());
      // The keyboard's place stays by the picker (the button gone, it fell to the page's top).
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("rubric");
      // Its cover names 2026.1, which the page has not built in: asked for again, and the button gone.
      await page.waitForFunction(() => [...document.querySelectorAll("ul.diagnostics li")].some((li) => li.textContent?.includes("本页可用的是 2022.1 版")), undefined, { timeout: 60_000 });
      expect(await button.isVisible()).toBe(false);
    });

    it("is taken for what it is when chosen where the workbook goes (and the workbook on the page scored again)", async () => {
      await act(() => page.setInputFiles("#rubric", []));
      await settled(/已计分|有 \d+ 个错误|不在本页/);
      await act(() => page.setInputFiles("#workbook", rubric));
      await settled(/已计分 qingshan-v2026.xlsx/);
      expect(await page.textContent("#status")).toContain("方案 district-popplan 2026.1");
    });

    it("takes a workbook chosen where the rubric goes for what it is", async () => {
      await act(() => page.setInputFiles("#rubric", []));
      await settled(/已计分|有 \d+ 个错误|不在本页|请选择/);
      await act(() => page.setInputFiles("#rubric", "samples/qingshan-2026.xlsx"));
      await settled(/已计分 qingshan-2026.xlsx/);
      expect(await page.textContent("#status")).toContain("方案 district-popplan 2022.1");
      expect(await page.textContent("#status")).not.toContain("有问题");
    });

    it("says a rubric of the same id and version as the one loaded before, but other content, replaced it", async () => {
      await dropFiles([workbook, rubric]);
      await settled(/已计分 qingshan-v2026/);
      const corrected = join(dir, "corrected", "district-popplan-2026.1.yaml");
      mkdirSync(join(dir, "corrected"), { recursive: true });
      writeFileSync(corrected, readFileSync(rubric, "utf8").replace(/title: (.*)/, "title: $1(更正)"));
      await act(() => page.setInputFiles("#rubric", corrected));
      await settled(/注意/);
      // (Of one name, said as the file chosen again: it named the same file twice.)
      expect(await page.textContent("#status")).toContain("注意:重新选择的 district-popplan-2026.1.yaml 与此前载入的同名文件编号和版本相同(district-popplan 2026.1),内容却不同;现按新选择的文件计分。");
      // The same file again says nothing of the kind.
      await dropFiles([corrected]);
      await settled(/已计分 qingshan-v2026/);
      expect(await page.textContent("#status")).not.toContain("注意");
    });

    it("says a replacing rubric scores the workbooks that name it from now on, where the one on the page names another (it said both \"not used\" and \"scored under it now\")", async () => {
      await dropFiles([workbook, rubric]);
      await settled(/已计分 qingshan-v2026/);
      await choose("samples/qingshan-2026.xlsx");
      const corrected = join(dir, "corrected-again", "district-popplan-2026.1.yaml");
      mkdirSync(join(dir, "corrected-again"), { recursive: true });
      writeFileSync(corrected, readFileSync(rubric, "utf8").replace(/title: (.*)/, "title: $1(再更正)"));
      await act(() => page.setInputFiles("#rubric", corrected));
      await settled(/已计分 qingshan-2026.xlsx/);
      const status = await page.textContent("#status");
      expect(status).toContain("所选方案 district-popplan 2026.1 不是本工作簿封面所写的方案,未使用;本工作簿按封面所写的 district-popplan 2022.1 计分。");
      // With what to do to have it used (following the page's own advice led here, and no further).
      expect(status).toContain("要按所选方案计分,请把封面的方案编号和方案版本改为 district-popplan 2026.1 的(或在本页的“制作模板”处选它,重新生成工作簿,把数值填过去)再拖入。");
      expect(status).not.toContain("现按");
      expect(status).toContain("注意:重新选择的 district-popplan-2026.1.yaml 与此前载入的同名文件编号和版本相同(district-popplan 2026.1),内容却不同;此后封面写明该方案的工作簿按新选择的文件计分。");
    });

    it("scores only the workbooks whose cover names it: another workbook keeps its own rubric", async () => {
      await dropFiles([workbook, rubric]);
      await settled(/已计分 qingshan-v2026/);
      await choose("samples/qingshan-2026.xlsx");
      expect(await page.textContent("#status")).toContain("已计分 qingshan-2026.xlsx:22 个单位,方案 district-popplan 2022.1");
      // Said, so that nobody takes their rubric for the one used.
      expect(await page.textContent("#status")).toContain("所选方案 district-popplan 2026.1 不是本工作簿封面所写的方案,未使用;本工作簿按封面所写的 district-popplan 2022.1 计分。");
      // The one chosen is a later version of the scheme the cover names: said at the cover's version, in the page's words.
      const shown = (await page.locator("ul.diagnostics li").allTextContents()).join("\n");
      expect(shown).toContain("封面!B4: 警告: 封面写的是方案 district-popplan 2022.1,按此版本计分;你选择的方案文件 district-popplan-2026.1.yaml 是同一方案的较新版本 2026.1");
      expect(shown).toContain("[web.newer-chosen]");
    });

    it("keeps the problems of a rubric that is not valid on the page, dropped with the workbook or chosen before it", async () => {
      const broken = join(dir, "broken", "district-popplan-2026.1.yaml");
      mkdirSync(join(dir, "broken"), { recursive: true });
      writeFileSync(broken, readFileSync(rubric, "utf8").replace("title: ", 'title: "'));
      await act(() => page.setInputFiles("#rubric", []));
      await settled(/已计分|有 \d+ 个错误|不在本页/);
      await dropFiles([workbook, broken]);
      await settled(/有问题/);
      // Not scored, said once (the refused file's line stands above its problems, not repeated).
      expect(await page.textContent("#status")).toBe(`工作簿 ${basename(workbook)} 未计分;方案文件 district-popplan-2026.1.yaml 有问题,未采用(见下)`);
      // Nor "the bundled rubrics are still used" above its problems: the workbook is scored under none.
      expect(await page.locator("#output p.notice").allTextContents()).toEqual(["方案文件 district-popplan-2026.1.yaml 有问题,未采用;这个工作簿要用它计分,请改正后重新选择:"]);
      // The rubric's problems first; the workbook's asking for it after them, as for that file, to mend.
      const first = await page.locator("ul.diagnostics li").allTextContents();
      expect(first[0]).not.toContain("封面写的是方案");
      expect(first.at(-1)).toBe("封面!B4: 错误: 封面写的是方案 district-popplan 2026.1,即上面有问题的方案文件 district-popplan-2026.1.yaml:请改正其中的问题后重新选择它 [web.rubric-asked-invalid]");
      // Chosen in the picker, then the workbook that asks for it: its problems first, then the asking.
      await act(() => page.setInputFiles("#rubric", broken));
      await settled(/有问题/);
      await choose(workbook);
      expect(await page.textContent("#status")).toBe(`工作簿 ${basename(workbook)} 未计分;方案文件 district-popplan-2026.1.yaml 有问题,未采用(见下)`);
      expect(await page.locator("#output p.notice").allTextContents()).toEqual(["方案文件 district-popplan-2026.1.yaml 有问题,未采用;这个工作簿要用它计分,请改正后重新选择:"]);
      const shown = await page.locator("ul.diagnostics li").allTextContents();
      expect(shown.at(-1)).toContain("即上面有问题的方案文件 district-popplan-2026.1.yaml");
      expect(shown.length).toBeGreaterThan(1);
      // Under a name that says nothing (方案.yaml): that file to mend if it is the one, else the file to ask
      // for (asking alone sent a clerk for the very file they had just chosen).
      const plain = join(dir, "broken", "方案.yaml");
      writeFileSync(plain, readFileSync(broken, "utf8"));
      await act(() => page.setInputFiles("#rubric", plain));
      await settled(/有问题/);
      await choose(workbook);
      expect(await page.textContent("#status")).toBe(`工作簿 ${basename(workbook)} 未计分;方案文件 方案.yaml 有问题,未采用(见下)`);
      expect((await page.locator("ul.diagnostics li").allTextContents()).at(-1)).toBe("封面!B4: 错误: 封面写的是方案 district-popplan 2026.1:如果上面有问题的方案文件 方案.yaml 就是它,请改正其中的问题后重新选择它;如果不是,请向下发考核办法的部门要方案文件 district-popplan-2026.1.yaml,在“自己的考核方案文件”处选择它 [web.rubric-asked-maybe-invalid]");
    });

    it("is not used in place of a bundled rubric of the same id and version, and says why", async () => {
      // The district rubric with 三等奖 widened to the 8th place, its version left at 2022.1.
      const twin = join(dir, "twin", "district-popplan-2022.1.yaml");
      mkdirSync(join(dir, "twin"), { recursive: true });
      writeFileSync(twin, readFileSync("rubric/district-popplan-2022.1.yaml", "utf8").replace("ranks: [4, 6]", "ranks: [4, 8]"));
      expect(readFileSync(twin, "utf8")).toContain("ranks: [4, 8]");
      await act(() => page.setInputFiles("#rubric", twin));
      // The workbook on the page is scored again without it (here: one its cover names no rubric for).
      await settled(/未采用|有 \d+ 个错误|不在本页/);
      // A warning, as the command line says a file beside the workbook it does not use (an error beside results read as doubt of them).
      expect((await page.locator("ul.diagnostics li").allTextContents()).join("\n")).toContain("警告: 编号和版本(district-popplan 2022.1)与内置方案相同,内容却不同,不能顶替内置方案");
      // The sample is scored under the bundled one: 金水街道, 7th, has no prize.
      await choose("samples/qingshan-2026.xlsx");
      const row = await page.locator("section.ranking tr", { hasText: "金水街道" }).first().textContent();
      expect(row).not.toContain("三等奖");
      await act(() => page.setInputFiles("#rubric", []));
      await settled(/已计分/);
      // The same rubric saved again (a comment added, Windows line endings) is the same rubric.
      const same = join(dir, "same", "district-popplan-2022.1.yaml");
      mkdirSync(join(dir, "same"), { recursive: true });
      writeFileSync(same, ("# 本区存档\n" + readFileSync("rubric/district-popplan-2022.1.yaml", "utf8")).replaceAll("\n", "\r\n"));
      await act(() => page.setInputFiles("#rubric", same));
      await settled(/已计分/);
      expect(await page.textContent("#status")).not.toContain("未采用");
      await page.setInputFiles("#rubric", []);
    });

    it("is not blamed for another rubric's absence when its file is named for a different one", async () => {
      const other = join(dir, "other-scheme-1.yaml");
      writeFileSync(other, 'id: other-scheme\nversion: "1\n');
      await act(() => page.setInputFiles("#rubric", other));
      // The workbook on the page read again, the refused rubric's problems above its own.
      await page.waitForFunction(() => /other-scheme-1.yaml 有问题/.test(document.querySelector("p.notice")?.textContent ?? ""), undefined, { timeout: 60_000 });
      await settled(/有 \d+ 个错误|不在本页|已计分/);
      await choose(workbook);
      expect(await page.textContent("#status")).not.toContain("other-scheme-1.yaml");
      expect((await page.locator("ul.diagnostics li").allTextContents()).join("\n")).toContain("封面写的是方案 district-popplan 的 2026.1 版");
      await page.setInputFiles("#rubric", []);
    });

    it("is not used when it is not valid, and the workbook is not blamed for it", async () => {
      const bad = join(dir, "bad.yaml");
      writeFileSync(bad, 'id: x\nversion: "1\n');
      await act(() => page.setInputFiles("#rubric", bad));
      await settled(/有问题/);
      // The workbook on the page (which names a rubric not built in) is read again: not scored, and why.
      expect(await page.textContent("#status")).toBe("工作簿 qingshan-v2026.xlsx 未计分;方案文件 bad.yaml 有问题,未采用(见下)");
      // Its file's name says nothing of which rubric it is: that file to mend if it is the one the cover
      // names, else the file to ask for (asking alone sent a clerk for the file just chosen).
      expect((await page.locator("ul.diagnostics li").allTextContents()).at(-1)).toContain("如果上面有问题的方案文件 bad.yaml 就是它,请改正其中的问题后重新选择它;如果不是,请向下发考核办法的部门要方案文件 district-popplan-2026.1.yaml");
      // And the line above its problems hedges alike (it said the workbook is scored under it).
      expect(await page.textContent("p.notice")).toBe("方案文件 bad.yaml 有问题,未采用;如果这个工作簿要用的就是它,请改正后重新选择:");
      // A picture chosen as the rubric is said to be one (the page's decoder read PNG's mark otherwise).
      await act(() => page.setInputFiles("#rubric", "docs/web.png"));
      await settled(/web\.png 有问题/);
      expect((await page.locator("ul.diagnostics li").allTextContents()).join("\n")).toContain("web.png:1:1: 错误: 这是图片,不是考核方案");
      await choose("samples/qingshan-2026.xlsx");
      expect(await page.textContent("#status")).toContain("已计分 qingshan-2026.xlsx:22 个单位,方案 district-popplan 2022.1");
      expect(await page.textContent("#status")).not.toContain("所选方案");
    });

    it("leaves a workbook scored as it was when a rubric chosen after it is refused, its problems on top, across a language switch", async () => {
      const bad = join(dir, "bad.yaml");
      await page.setInputFiles("#rubric", []);
      await choose("samples/liuhe-2026.xlsx");
      await act(() => page.setInputFiles("#rubric", bad));
      await settled(/已计分 liuhe-2026.xlsx.*bad.yaml 有问题/);
      expect(await page.textContent("#status")).toBe("已计分 liuhe-2026.xlsx:20 个单位,方案 township-comprehensive 2026.1。计分结果工作簿、报告和 JSON 可在下方下载;点击单位名称查看逐项说明。方案文件 bad.yaml 有问题,未采用,其问题见下方。");
      expect(await page.textContent("p.notice")).toBe("方案文件 bad.yaml 有问题,未采用(仍用内置方案):");
      expect(await page.locator("table").count()).toBeGreaterThan(0);
      await act(() => page.click("#lang"));
      await settled(/Scored liuhe-2026.xlsx/);
      expect(await page.textContent("#status")).toContain("The rubric file bad.yaml has problems and is not used: see below.");
      expect(await page.textContent("p.notice")).toBe("The rubric file bad.yaml has problems and is not used (the bundled rubrics are still used). Its problems:");
      await act(() => page.click("#lang"));
      await settled(/已计分/);
      await act(() => page.setInputFiles("#rubric", []));
      await settled(/已计分/);
    });

    it("keeps an earlier valid rubric of the user's own when a later one is refused", async () => {
      await dropFiles([workbook, rubric]);
      await settled(/已计分 qingshan-v2026/);
      await act(() => page.setInputFiles("#rubric", join(dir, "bad.yaml")));
      await settled(/bad.yaml 有问题/);
      // Still scored under 2026.1, the rubric loaded before.
      expect(await page.textContent("#status")).toContain("已计分 qingshan-v2026.xlsx:22 个单位,方案 district-popplan 2026.1");
      expect(await page.textContent("p.notice")).toBe("方案文件 bad.yaml 有问题,未采用(仍用此前载入的方案 district-popplan 2026.1 和内置方案):");
      await act(() => page.setInputFiles("#rubric", []));
      await settled(/已计分|有 \d+ 个错误|不在本页/);
    });

    it("keeps a refused rubric's problems on a fresh page across a language switch, in the new language", async () => {
      const bad = join(dir, "bad.yaml");
      await page.reload();
      await act(() => page.setInputFiles("#rubric", bad));
      await settled(/有问题/);
      const zh = await page.locator("ul.diagnostics li").allTextContents();
      await page.click("#lang");
      expect(await page.textContent("#status")).toBe("The rubric file bad.yaml has problems and is not used (the bundled rubrics are still used). Its problems:");
      const en = await page.locator("ul.diagnostics li").allTextContents();
      expect(en).toHaveLength(zh.length);
      expect(en.join("\n")).not.toMatch(/[\u4e00-\u9fff]/);
      await page.click("#lang");
      await page.setInputFiles("#rubric", []);
    });
  });

  it("takes a workbook dropped anywhere on the page, over the last results too", async () => {
    await choose("samples/qingshan-2026.xlsx");
    await dropFiles(["samples/liuhe-2026.xlsx"], "section.ranking table");
    await settled(/已计分 liuhe/);
    expect(await page.textContent("#status")).toContain("已计分 liuhe-2026.xlsx");
  });

  it("takes the workbook among other files dropped with it, whichever comes first", async () => {
    const doc = join(dir, "考核办法说明.docx");
    writeFileSync(doc, "not a workbook");
    await dropFiles([doc, "samples/qingshan-2026.xlsx"]);
    await settled(/已计分/);
    const status = await page.textContent("#status");
    expect(status).toContain("已计分 qingshan-2026.xlsx:22 个单位");
    expect(status).toContain("未读取:考核办法说明.docx");
  });

  it("scores one of two workbooks dropped at once, and names the other as not read", async () => {
    await dropFiles(["samples/qingshan-2026.xlsx", "samples/liuhe-2026.xlsx"]);
    await settled(/已计分/);
    const status = await page.textContent("#status");
    expect(status).toContain("已计分 qingshan-2026.xlsx:22 个单位");
    expect(status?.endsWith("一次只处理一个工作簿(和一个方案文件),未读取:liuhe-2026.xlsx。")).toBe(true);
  });

  it("takes one units list to the template's form and names a second as not read, not reading it as a workbook in place of the results; with a rubric file too", async () => {
    const notes = join(dir, "notes.txt");
    writeFileSync(notes, "白沙镇\n青龙乡\n");
    const list = join(dir, "units.csv");
    writeFileSync(list, "单位名称,类型\n白沙镇,乡镇\n区财政局,部门\n");
    await choose("samples/qingshan-2026.xlsx");
    await settled(/^已计分 qingshan/);
    await dropFiles([notes, list]);
    await page.waitForFunction(() => (document.getElementById("template-status")?.textContent ?? "").includes("notes.txt"));
    // The results stay; the second list is said not read (it was read as a workbook: 不能作为工作簿读取, the rankings gone).
    await settled(/单位名单,未读取:units\.csv/);
    // (The line before the note is the test's own mark: dropFiles marks the status busy first.)
    expect(await page.textContent("#status")).toBe("正在等待所选文件一次只读入一份单位名单,未读取:units.csv。");
    expect(await page.locator("#downloads a").count()).toBe(3);
    expect(await page.locator("section.ranking").count()).toBeGreaterThan(0);
    expect(await page.textContent("#template-status")).toBe("已把名单文件 notes.txt 读入上面的框:核对后点“制作模板”");
    // Dropped again alone, the list goes to the form, and what the last drop left unread is no longer
    // said (dropped here without dropFiles' mark on the status, which would hide it).
    await page.evaluate(() => {
      const status = document.getElementById("status");
      if (status) status.textContent = "已计分 qingshan-2026.xlsx。一次只读入一份单位名单,未读取:units.csv。";
    });
    await page.evaluate((bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], "units.csv"));
      document.querySelector("#drop")?.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [...readFileSync(list)]);
    await page.waitForFunction(() => (document.getElementById("template-status")?.textContent ?? "").includes("units.csv"));
    expect(await page.textContent("#status")).toBe("已计分 qingshan-2026.xlsx。");
    // With a rubric file: the list is said read (taking the rubric emptied the form's status), and the file in use named.
    const [, own] = await ownVersion("list-with-rubric", "2026.7", (y) => y);
    await dropFiles([list, own]);
    await settled(/已载入方案 township-comprehensive 2026\.7|已计分/);
    await page.waitForFunction(() => (document.getElementById("template-status")?.textContent ?? "").includes("units.csv"));
    expect(await page.textContent("#template-status")).toBe("已把名单文件 units.csv 读入上面的框:核对后点“制作模板”");
    expect(await page.textContent("#rubric-in-use")).toBe("在用:township-comprehensive-2026.7.yaml(township-comprehensive 2026.7)");
    expect(await page.locator("#rubric-in-use").isVisible()).toBe(true);
    // Put aside, the workbook on the page is scored again: waited for, not left to run into the next test.
    await act(() => page.click("#rubric-clear"));
    await settled(/^已计分 qingshan/);
    expect(await page.locator("#rubric-in-use").isVisible()).toBe(false);
  });

  it("says a heading of another version's form is to be made again with the page's own 制作模板, not with assess template (which a clerk's PC does not have)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/liuhe-2026.xlsx");
    const cell = wb.getWorksheet("党的建设")!.getCell("B1");
    expect(String(cell.value)).toMatch(/^DJ1 /);
    cell.value = "DJ1 党建工作责任制(扣分)";
    const file = join(dir, "liuhe-koufen.xlsx");
    await wb.xlsx.writeFile(file);
    await choose(file);
    const said = await page.locator("ul.diagnostics li").allTextContents();
    expect(said.filter((l) => l.includes("[workbook.header-says-deducted]") || l.includes("[web.header-says-deducted]"))).toEqual([expect.stringContaining("请在本页的“制作模板”处按现用方案重新生成")]);
    expect(said.join("\n")).not.toContain("assess template");
  });

  it("prints its results on A4 with every column on the paper, titled, without its controls", async () => {
    await choose("samples/liuhe-2026.xlsx");
    // Portrait A4 with 10 mm margins is about 718 CSS px wide; the screen's table is wider (it scrolls there).
    await page.setViewportSize({ width: 718, height: 1000 });
    await page.emulateMedia({ media: "print" });
    try {
      const table = await page.locator("section.ranking table").first().boundingBox();
      const body = await page.evaluate(() => document.body.clientWidth);
      expect(table && table.x + table.width).toBeLessThanOrEqual(body + 1);
      // The awards column is as wide as what it holds allows, not squeezed out of sight.
      const awards = await page.locator("section.ranking td.awards").first().boundingBox();
      expect(awards && awards.width).toBeGreaterThan(100);
      expect(await page.locator("#drop").isVisible()).toBe(false);
      expect(await page.locator("#downloads").isVisible()).toBe(false);
      expect(await page.locator("h2.print-only").textContent()).toBe("柳河区2026年度乡镇(街道)和区直部门综合考核结果");
      expect(await page.locator("h2.print-only").isVisible()).toBe(true);
      // Dated, as the report is (a copy printed for a leader went undated).
      expect(await page.locator("p.dated").first().textContent()).toMatch(/^报告日期:\d{4}年\d{1,2}月\d{1,2}日$/);
      expect(await page.locator("p.dated").first().isVisible()).toBe(true);
      // And from what (two printouts of a workbook revised read alike: the status line is not printed).
      expect(await page.locator("p.dated").nth(1).textContent()).toBe("工作簿 liuhe-2026.xlsx,方案 township-comprehensive 2026.1");
      expect(await page.locator("p.dated").nth(1).isVisible()).toBe(true);
      // A ranking's notes under its table are not parted from its last rows.
      expect(await page.locator("section.ranking > table + p.note").first().evaluate((e) => getComputedStyle(e).breakBefore)).toBe("avoid");
      // The status line's "click a unit's name" is for the screen; headings wrap between their
      // characters (kept whole, a long line's name took the awards column's width); landscape.
      expect(await page.locator("#status").isVisible()).toBe(false);
      // The pending note's "click a unit's name" too; the note itself is printed.
      expect(await page.locator("p.note").first().isVisible()).toBe(true);
      expect(await page.locator("p.note .screen-only").first().isVisible()).toBe(false);
      expect(await page.locator("section.ranking th").first().evaluate((e) => getComputedStyle(e).wordBreak)).toBe("normal");
      const pageSize = await page.evaluate(() => [...document.styleSheets].flatMap((s) => [...s.cssRules]).flatMap((r) => (r instanceof CSSMediaRule ? [...r.cssRules] : [r])).find((r) => r instanceof CSSPageRule)?.style.getPropertyValue("size"));
      expect(pageSize?.toLowerCase()).toBe("a4 landscape");
    } finally {
      await page.emulateMedia({ media: "screen" });
      await page.setViewportSize({ width: 1280, height: 720 });
    }
    // On the screen the title is the status line's: the heading is for paper only.
    expect(await page.locator("h2.print-only").isVisible()).toBe(false);
    expect(await page.locator("p.dated").first().isVisible()).toBe(false);
    expect(await page.locator("p.dated").nth(1).isVisible()).toBe(false);
    // Printed, each page numbered in the page's language; a short table printed whole (a heading
    // and two rows of 部门排名 stood at a page's foot), and a short heading kept on one line.
    const printed = await page.evaluate(() => document.getElementById("print-footer")?.textContent ?? "");
    expect(printed).toContain('@bottom-center { content: "第 " counter(page) " 页,共 " counter(pages) " 页";');
    // (All but the first, which goes on under the title: kept whole, a table a little taller than
    // the rest of the first page left it blank but for the title.)
    expect(await page.locator("section.ranking").count()).toBeGreaterThan(1);
    expect(await page.locator("section.ranking.keep").count()).toBe((await page.locator("section.ranking").count()) - 1);
    expect(await page.locator("section.ranking").first().evaluate((e) => e.classList.contains("keep"))).toBe(false);

    expect(await page.locator("section.ranking th.short").first().textContent()).toBe("名次");
    expect(await page.locator("p.note").filter({ hasText: "加扣分" }).first().textContent()).toBe("加扣分尚有待认定:名次区间是各单位可能的名次;无论如何认定,本表各单位的奖惩均不变。点击单位名称可查看取决于哪些记录。");
  });

  it("shows each group's ranking where the rubric ranks a kind only in groups (none of them was shown)", async () => {
    const [book, own] = await ownVersion("groups", "2026.9", townsInGroupsOnly);
    await dropFiles([book, own]);
    await settled(/已计分 liuhe-groups/);
    expect(await page.locator("section.ranking h2").allTextContents()).toEqual(["乡镇组排名", "街道组排名", "区直部门排名", "区属国有企业排名"]);
    const streets = await page.locator("section.ranking").nth(1).locator("tbody tr").evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll("td")[1]?.textContent ?? ""));
    expect(streets).toEqual(["河西街道", "文昌街道", "河东街道", "凤凰街道"]);
    await page.setInputFiles("#rubric", []);
  });

  it("lets a unit of a kind no ranking ranks be explained: its name is a button beside the note that says it is not ranked (only ranked names were)", async () => {
    const [book, own] = await ownVersion("unranked", "2026.8", (y) => y.slice(0, y.indexOf("  - id: enterprises\n")));
    await dropFiles([book, own]);
    await settled(/已计分 liuhe-unranked/);
    const note = page.locator("p.note").filter({ hasText: "区属国有企业 3 个单位不参加排名" });
    expect(await note.locator("button.unit").allTextContents()).toEqual(["区城投集团", "区交通投资公司", "区文旅集团"]);
    await note.getByRole("button", { name: "区城投集团" }).click();
    const cliText = (await cli(["explain", book, "区城投集团", "--rubric", own])).out;
    expect((await page.textContent("#explain pre"))?.trim()).toBe(cliText.trim());
    // Back to its name, not "in the ranking" it is in none of.
    expect(await page.locator("#explain button").last().textContent()).toBe("返回“区城投集团”");
    await page.setInputFiles("#rubric", []);
  });

  it("marks awards that pending claims could still change (待定), as the terminal and the result sheets do", async () => {
    // 河东街道's claim at 省级 (+2): it could pass 文昌街道 for 街道组's 二等奖.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/liuhe-2026.xlsx");
    wb.getWorksheet("加扣分")!.getCell("D11").value = "省级";
    const file = join(dir, "liuhe-pending.xlsx");
    await wb.xlsx.writeFile(file);
    await choose(file);
    const section = page.locator("section.ranking").first();
    const rows = await section.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    const heads = await section.locator("thead th").allTextContents();
    const row = (name: string): string[] => rows.find((r) => r[heads.indexOf("单位")] === name) ?? [];
    expect(row("文昌街道").at(-1)).toMatch(/^\(待定\)名次奖:街道组排名二等奖,30,000元\(视待定加扣分的认定,也可能不获名次奖\);等次:良好/);
    expect(row("河东街道").at(-1)).toBe("(待定)可能获街道组排名二等奖;等次:良好");
    expect(row("柳河镇").at(-1)).not.toContain("待定");
    // Where a rank could move: its range, as the terminal and the ranking sheet say it; in its group too.
    expect(heads.slice(0, 3)).toEqual(["名次", "名次区间", "单位"]);
    expect(row("青龙乡").slice(0, 2)).toEqual(["8", "8–9"]);
    expect(row("河东街道")[heads.indexOf("组内名次")]).toBe("街道组 3(2–3)");
    // And what they mean, under the table.
    expect((await section.locator("p.note").allTextContents()).join("\n")).toContain("名次区间是各单位可能的名次");
  });

  it("says where the cover's district is blank, which the report it offers would go without", async () => {
    const file = join(dir, "no-district.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/qingshan-2026.xlsx");
    wb.getWorksheet("封面")!.getCell("B6").value = null;
    await wb.xlsx.writeFile(file);
    await choose(file);
    const shown = (await page.locator("ul.diagnostics li").allTextContents()).join("\n");
    expect(shown).toContain("封面!B6: 警告: 封面未填地区,结果表和报告的标题以及报告的落款中将没有地区名称");
    expect(await page.textContent("#status")).toContain("已计分 no-district.xlsx");
  });

  it("shows a ranking by a line with that line's points, as the terminal does", async () => {
    await choose("samples/qingshan-2026.xlsx");
    const departments = page.locator("section.ranking").last();
    expect(await departments.locator("thead th").allTextContents()).toEqual(["名次", "单位", "部门职责"]);
    const first = await departments.locator("tbody tr").first().locator("td").allTextContents();
    expect(first).toEqual(["1", "区公安分局", "99.50"]);
  });

  it("shows a tie-breaker the table shows nowhere else in a column of its own, as the terminal and the ranking sheet do", async () => {
    await choose("samples/liuhe-2026.xlsx");
    const departments = page.locator("section.ranking").nth(1);
    expect(await departments.locator("h2").textContent()).toBe("区直部门排名");
    const heads = await departments.locator("thead th").allTextContents();
    expect(heads).toContain("BM1 重点工作任务(同分时比较)");
    const first = await departments.locator("tbody tr").first().locator("td").allTextContents();
    expect(first[heads.indexOf("BM1 重点工作任务(同分时比较)")]).toBe("40.00");
  });

  it("grows its text with the browser's text size (a clerk's browser set to larger text: px sizes kept it small)", async () => {
    const view = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: "zh-CN" });
    try {
      await view.goto(pathToFileURL(PAGE).href);
      await view.setInputFiles("#workbook", "samples/liuhe-2026.xlsx");
      await view.waitForSelector("section.ranking table", { timeout: 60_000 });
      const sizes = (): Promise<number[]> => view.evaluate(() => ["body", "section.ranking td", "section.ranking h2", "#status", "#workbook"].map((q) => parseFloat(getComputedStyle(document.querySelector(q) ?? document.body).fontSize)));
      const normal = await sizes();
      expect(normal.slice(0, 2)).toEqual([14, 13]);
      // The browser's text size at 20 px rather than 16: every size a quarter larger.
      await view.addStyleTag({ content: "html { font-size: 20px; }" });
      expect(await sizes()).toEqual(normal.map((x) => x * 1.25));
    } finally {
      await view.close();
    }
  });

  it("makes the HTML report and the page of changes grow their text with the browser's text size too", async () => {
    const report = join(dir, "grow-report.html");
    const changes = join(dir, "grow-changes.html");
    expect((await cli(["report", "samples/qingshan-2026.xlsx", "--format", "html", "-o", report])).code).toBe(0);
    await cli(["diff", "samples/qingshan-2026.xlsx", "samples/liuhe-2026.xlsx", "-o", changes]);
    for (const file of [report, changes]) {
      const view = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: "zh-CN" });
      try {
        await view.goto(pathToFileURL(file).href);
        const sizes = (): Promise<number[]> => view.evaluate(() => ["body", "h1", "td"].map((q) => parseFloat(getComputedStyle(document.querySelector(q) ?? document.body).fontSize)));
        const normal = await sizes();
        expect(normal[0], file).toBe(14);
        await view.addStyleTag({ content: "html { font-size: 20px; }" });
        expect(await sizes(), file).toEqual(normal.map((x) => x * 1.25));
      } finally {
        await view.close();
      }
    }
  });

  it("keeps the HTML report within a tablet's or half a laptop's window (641–1000 px): a ranking wider than it scrolls in its own box, its unit names in sight (its 奖惩 ran past the window's edge, cut off)", async () => {
    for (const [sample, lang] of [["liuhe", "zh"], ["liuhe", "en"], ["qingshan", "en"]] as const) {
      const report = join(dir, `tablet-${sample}-${lang}.html`);
      expect((await cli(["report", `samples/${sample}-2026.xlsx`, "--format", "html", "--lang", lang, "-o", report])).code).toBe(0);
      for (const width of [650, 768, 817]) {
        const view = await browser.newPage({ viewport: { width, height: 700 }, locale: "zh-CN" });
        try {
          await view.goto(pathToFileURL(report).href);
          expect([sample, lang, width, await view.evaluate(() => document.documentElement.scrollWidth)]).toEqual([sample, lang, width, width]);
          // Scrolled to its end, the ranking shows its last column whole, and its first row's unit still.
          const table = view.locator("section.t-overall table").first();
          await table.evaluate((t) => t.scrollTo({ left: t.scrollWidth }));
          const box = await table.boundingBox();
          const last = await table.locator("tbody tr").first().locator("td").last().boundingBox();
          const name = await table.locator("tbody tr").first().locator("td.k-name").boundingBox();
          expect(last!.x + last!.width).toBeLessThanOrEqual(box!.x + box!.width + 1);
          expect(name!.x).toBeGreaterThanOrEqual(box!.x - 1);
          // Its 单位 heading drawn over the headings scrolled under it (经济发展 ×40% was drawn over it).
          const head = await table.locator("th.k-name").first().boundingBox();
          const over = await view.evaluate(([x, y]) => document.elementFromPoint(x ?? 0, y ?? 0)?.closest("th")?.classList.contains("k-name") ?? false, [head!.x + head!.width / 2, head!.y + head!.height / 2]);
          expect([width, over]).toEqual([width, true]);
        } finally {
          await view.close();
        }
      }
    }
  });

  it("fits the HTML report in an 800 px window whose browser is set to larger text (20 px), its narrow layout begun sooner (its 奖惩 ran past the window's edge)", async () => {
    const report = join(dir, "larger-text.html");
    expect((await cli(["report", "samples/liuhe-2026.xlsx", "--format", "html", "-o", report])).code).toBe(0);
    // The browser's own text size, as its settings set it (not the page's CSS): a profile's preference.
    const profile = join(dir, "profile-20");
    mkdirSync(join(profile, "Default"), { recursive: true });
    writeFileSync(join(profile, "Default", "Preferences"), JSON.stringify({ webkit: { webprefs: { default_font_size: 20 } } }));
    const larger = await chromium.launchPersistentContext(profile, { executablePath: BROWSER, args: ["--no-sandbox"], viewport: { width: 800, height: 600 } });
    try {
      const view = await larger.newPage();
      await view.goto(pathToFileURL(report).href);
      const [root, wide] = await view.evaluate(() => [parseFloat(getComputedStyle(document.documentElement).fontSize), document.documentElement.scrollWidth]);
      expect(root).toBe(20);
      expect(wide).toBeLessThanOrEqual(800);
    } finally {
      await larger.close();
    }
  });

  it("keeps the page of changes' heading row at the top of the window as a long list scrolls", async () => {
    const changes = join(dir, "long-changes.html");
    await cli(["diff", "samples/qingshan-2026.xlsx", "samples/liuhe-2026.xlsx", "-o", changes]);
    const view = await browser.newPage({ viewport: { width: 1366, height: 600 }, locale: "zh-CN" });
    try {
      await view.goto(pathToFileURL(changes).href);
      await view.evaluate(() => document.querySelectorAll("tbody tr")[60]?.scrollIntoView({ block: "center" }));
      const top = await view.evaluate(() => document.querySelector("thead th")?.getBoundingClientRect().top ?? NaN);
      expect(top).toBeGreaterThanOrEqual(-1);
      expect(top).toBeLessThanOrEqual(0);
    } finally {
      await view.close();
    }
  });

  it("keeps a long ranking's heading row at the top of the window as its rows scroll, and the keyboard's focus below it; a ranking wider than the window scrolls sideways as before", async () => {
    const f = "rubric/district-popplan-2022.1.yaml";
    const rubric = loadRubric(f, readFileSync(f), "test").rubric;
    const judged = Object.fromEntries((rubric?.lines ?? []).map((l) => [l.code, leaves(l.items).filter((i) => i.kind === "judged").map((i) => ({ code: i.code, name: i.name, max: i.max / 100 }))]));
    const file = join(dir, "long.xlsx");
    generate(file, 150, judged);
    const heading = (p: Page): Promise<{ top: number; bottom: number }> =>
      p.evaluate(() => {
        const r = document.querySelector("section.ranking thead th")?.getBoundingClientRect();
        return { top: r?.top ?? NaN, bottom: r?.bottom ?? NaN };
      });
    for (const width of [1366, 360]) {
      const view = await browser.newPage({ viewport: { width, height: 700 }, locale: "zh-CN" });
      try {
        await view.goto(pathToFileURL(PAGE).href);
        await view.setInputFiles("#workbook", file);
        await view.waitForSelector("section.ranking table", { timeout: 60_000 });
        const wide = await view.evaluate(() => {
          const s = document.querySelector("section.ranking");
          return s ? s.scrollWidth > s.clientWidth : false;
        });
        expect(wide, String(width)).toBe(width === 360);
        // Scrolled to its 100th row: the heading row at the window's top where the ranking fits, gone where it scrolls sideways.
        await view.evaluate(() => document.querySelectorAll("section.ranking tbody tr")[100]?.scrollIntoView({ block: "center" }));
        const head = await heading(view);
        if (wide) {
          expect(head.bottom, String(width)).toBeLessThan(0);
          continue;
        }
        expect(head.top).toBeGreaterThanOrEqual(-1);
        expect(head.top).toBeLessThanOrEqual(0);
        // The row under the heading focused, then the one before it (hidden under the heading): brought into view below it.
        const units = view.locator("section.ranking button.unit");
        await units.nth(100).focus();
        await view.evaluate((top) => {
          const r = document.activeElement?.getBoundingClientRect();
          window.scrollBy(0, (r?.top ?? 0) - top - 2);
        }, head.bottom);
        await view.keyboard.press("Shift+Tab");
        const focused = await view.evaluate(() => ({ name: document.activeElement?.textContent ?? "", top: document.activeElement?.getBoundingClientRect().top ?? NaN }));
        expect(focused.name).toBe(await units.nth(99).textContent());
        expect(focused.top).toBeGreaterThanOrEqual((await heading(view)).bottom);
        // The wheel scrolls the page, not a box of the ranking's own.
        const before = await view.evaluate(() => window.scrollY);
        await view.mouse.move(width / 2, 400);
        await view.mouse.wheel(0, 400);
        await view.waitForFunction((y) => window.scrollY > y, before, { timeout: 5000 });
      } finally {
        await view.close();
      }
    }
  });

  it("keeps a laptop's ranking whole at 175% and 200% zoom (731 and 640 px); narrower, it scrolls sideways from the keyboard, its names kept in sight", async () => {
    for (const width of [731, 640, 512]) {
      const zoomed = await browser.newPage({ viewport: { width, height: 600 }, locale: "zh-CN" });
      try {
        await zoomed.goto(pathToFileURL(PAGE).href);
        await zoomed.setInputFiles("#workbook", "samples/liuhe-2026.xlsx");
        await zoomed.waitForSelector("section.ranking table", { timeout: 60_000 });
        const sections = await zoomed.evaluate(() => [...document.querySelectorAll("section.ranking")].map((s) => ({ over: s.scrollWidth - s.clientWidth, tab: s.getAttribute("tabindex"), role: s.getAttribute("role") })));
        if (width > 600) expect(sections.map((s) => s.over), String(width)).toEqual(sections.map(() => 0));
        // Wider than the window: a stop for the keyboard (its arrow keys scroll it), named as a region; the others not.
        for (const x of sections) expect([x.tab, x.role], String(width)).toEqual(x.over > 0 ? ["0", "region"] : [null, null]);
        if (width === 512) {
          expect(sections[0]?.over).toBeGreaterThan(0);
          const first = zoomed.locator("section.ranking").first();
          await first.focus();
          await zoomed.keyboard.press("ArrowRight");
          await zoomed.keyboard.press("ArrowRight");
          await zoomed.waitForFunction(() => (document.querySelector("section.ranking")?.scrollLeft ?? 0) > 0, undefined, { timeout: 5000 });
          // Scrolled to its end: the awards in sight, and the unit's name still (it stays at the left edge while the rest moves under it).
          await first.evaluate((s) => void (s.scrollLeft = s.scrollWidth));
          const [nameLeft, awardsRight, boxLeft, boxRight] = await first.evaluate((s) => [s.querySelector("td.name")?.getBoundingClientRect().left ?? -1, s.querySelector("td.awards")?.getBoundingClientRect().right ?? Infinity, s.getBoundingClientRect().left, s.getBoundingClientRect().right]);
          expect(nameLeft).toBeGreaterThanOrEqual(boxLeft ?? 0);
          expect(awardsRight).toBeLessThanOrEqual((boxRight ?? 0) + 1);
        }
      } finally {
        await zoomed.close();
      }
    }
  });

  it("says a vetoed unit's row in the system's own colours under a high-contrast theme (its red was lost)", async () => {
    const contrast = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
    try {
      await contrast.emulateMedia({ forcedColors: "active" });
      await contrast.goto(pathToFileURL(PAGE).href);
      await contrast.setInputFiles("#workbook", "samples/liuhe-2026.xlsx");
      await contrast.waitForSelector("section.ranking table", { timeout: 60_000 });
      const [vetoed, plain, mark] = await contrast.evaluate(() => {
        // The system's marking colour, as the browser gives it.
        const probe = document.body.appendChild(Object.assign(document.createElement("span"), { style: "forced-color-adjust: none; background: Mark" }));
        return [...["tr.vetoed td", "tr:not(.vetoed) > td"].map((sel) => getComputedStyle(document.querySelector(sel)!).backgroundColor), getComputedStyle(probe).backgroundColor];
      });
      expect(vetoed).not.toBe(plain);
      // The user's own colours (Mark), not the page's pink kept under theirs.
      expect(vetoed).toBe(mark);
    } finally {
      await contrast.close();
    }
  });

  it("lays the report and the list of changes out for a phone they are forwarded to: no page wider than the screen, a wide table scrolling alone", async () => {
    const report = join(dir, "phone.report.html");
    expect((await cli(["report", "samples/qingshan-2026.xlsx", "--format", "html", "-o", report])).code).toBe(0);
    const changed = join(dir, "phone-changed.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/qingshan-2026.xlsx");
    wb.getWorksheet("党政线")!.getCell("C2").value = 15;
    await wb.xlsx.writeFile(changed);
    const changes = join(dir, "phone.diff.html");
    expect((await cli(["diff", "samples/qingshan-2026.xlsx", changed, "-o", changes])).code).toBe(0);
    const phone = await browser.newPage({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "zh-CN" });
    try {
      for (const file of [report, changes]) {
        await phone.goto(pathToFileURL(file).href);
        // Laid out at the phone's width (the list of changes was laid out 980 px wide and shrunk: its text 5 px), never wider.
        expect(await phone.evaluate(() => [window.innerWidth, document.documentElement.scrollWidth]), basename(file)).toEqual([360, 360]);
      }
      await phone.goto(pathToFileURL(report).href);
      // The ranking wider than the screen scrolls in its own box: scrolled to its end, 奖惩 in sight beside the unit's name.
      const [nameLeft, lastRight, boxLeft, boxRight] = await phone.evaluate(() => {
        const table = document.querySelector("section.block > table") as HTMLElement;
        table.scrollLeft = table.scrollWidth;
        const row = table.querySelector("tbody tr");
        return [row?.querySelector("td.k-name")?.getBoundingClientRect().left ?? -1, row?.lastElementChild?.getBoundingClientRect().right ?? Infinity, table.getBoundingClientRect().left, table.getBoundingClientRect().right];
      });
      expect(nameLeft).toBeGreaterThanOrEqual(boxLeft ?? 0);
      expect(lastRight).toBeLessThanOrEqual((boxRight ?? 0) + 1);
      // The chart drawn for the phone, within its width, the wide one not shown (twice the screen's
      // width, it showed one dot, and scrolled to, dots without names).
      const charts = await phone.evaluate(() => [...document.querySelectorAll("svg.chart")].map((c) => [c.getAttribute("class"), getComputedStyle(c).display, Math.round(c.getBoundingClientRect().right)]));
      expect(charts.map(([cls, display]) => `${cls}:${display}`)).toEqual(["chart chart-wide:none", "chart chart-narrow:block"]);
      expect(Number(charts[1]?.[2])).toBeLessThanOrEqual(360);
      // At 320 px too, no page wider than the screen (a paired line ranking of short names was 344 px).
      await phone.setViewportSize({ width: 320, height: 780 });
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    } finally {
      await phone.close();
    }
  });

  it("wraps long unit names in a ranking at 800 px rather than push the awards out of sight", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/qingshan-2026.xlsx");
    const names = new Map([["城关镇", "城关镇人民政府（含城关经济技术开发区管委会）"], ["西山镇", "西山镇人民政府（含西山风景名胜区管理处）"]]);
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === "string" && names.has(c.value) ? (c.value = names.get(c.value) ?? c.value) : undefined))));
    const file = join(dir, "long-names.xlsx");
    await wb.xlsx.writeFile(file);
    await page.setViewportSize({ width: 800, height: 900 });
    try {
      await choose(file);
      const ranking = page.locator("section.ranking").first();
      expect(await ranking.locator("tbody tr").first().locator("td").nth(1).textContent()).toBe("城关镇人民政府（含城关经济技术开发区管委会）");
      const [scroll, client] = await ranking.evaluate((s) => [s.scrollWidth, s.clientWidth]);
      expect(scroll).toBeLessThanOrEqual(client ?? 0);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it("keeps a long unit name on one line where the window has room (高新技术产业开发 / 区街道 broke beside an awards column half empty)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile("samples/qingshan-2026.xlsx");
    let renamed = 0;
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void (c.value === "西山镇" ? ((c.value = "高新技术产业开发区街道"), renamed++) : undefined))));
    expect(renamed).toBeGreaterThan(1);
    const file = join(dir, "long-name-one-line.xlsx");
    await wb.xlsx.writeFile(file);
    await page.setViewportSize({ width: 1366, height: 768 });
    try {
      await choose(file);
      // The lines its text is laid out in (the button is one box however many).
      const lines = await page
        .locator("section.ranking")
        .first()
        .locator("button.unit", { hasText: "高新技术产业开发区街道" })
        .evaluate((b) => {
          const range = document.createRange();
          range.selectNodeContents(b);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        });
      expect(lines).toBe(1);
      // At 800 px, a long name without punctuation wraps rather than scroll the ranking sideways.
      await page.setViewportSize({ width: 800, height: 900 });
      const long = join(dir, "long-name-no-stops.xlsx");
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void (c.value === "高新技术产业开发区街道" ? (c.value = "高新技术产业开发区管理委员会下辖城东新区第一街道") : undefined))));
      await wb.xlsx.writeFile(long);
      await choose(long);
      const [scroll, client] = await page.locator("section.ranking").first().evaluate((s) => [s.scrollWidth, s.clientWidth]);
      expect(scroll).toBeLessThanOrEqual(client ?? 0);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it("keeps a ranking's heading and the notes under it in view as the table scrolls sideways on a phone (they were read in halves)", async () => {
    const phone = await browser.newPage({ viewport: { width: 375, height: 812 }, locale: "zh-CN" });
    try {
      await phone.goto(pathToFileURL(PAGE).href);
      await phone.setInputFiles("#workbook", "samples/liuhe-2026.xlsx");
      await phone.waitForFunction(() => document.querySelectorAll("section.ranking p.note").length > 0, undefined, { timeout: 60_000 });
      const placed = await phone.evaluate(async () => {
        const section = document.querySelector("section.ranking") as HTMLElement;
        section.scrollLeft = 300;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const box = section.getBoundingClientRect();
        return { scrolled: section.scrollLeft, box: [box.left, box.right], kept: [...section.querySelectorAll(":scope > h2, :scope > p.note")].map((e) => [e.getBoundingClientRect().left, e.getBoundingClientRect().right]) };
      });
      expect(placed.scrolled).toBeGreaterThan(100);
      expect(placed.kept.length).toBeGreaterThan(2);
      for (const [left, right] of placed.kept) {
        expect(left).toBeGreaterThanOrEqual((placed.box[0] ?? 0) - 1);
        expect(right).toBeLessThanOrEqual((placed.box[1] ?? 0) + 1);
      }
    } finally {
      await phone.close();
    }
  });

  it("keeps an amount with its 元 and a short bracket of Chinese on one line in a ranking's awards (3,000 / 元 and (省 / 级) broke at 800 px)", async () => {
    await page.setViewportSize({ width: 800, height: 900 });
    try {
      await choose("samples/qingshan-2026.xlsx");
      const kept = await page.locator("section.ranking").first().locator("td.awards .nb").evaluateAll((spans) => spans.map((s) => [s.textContent ?? "", s.getClientRects().length]));
      expect(kept).toContainEqual(["3,000元", 1]);
      expect(kept).toContainEqual(["(省级)", 1]);
      expect(kept.every(([, lines]) => lines === 1)).toBe(true);
      // The text the cell says is the same (the terminal's and the sheets').
      const text = await page.locator("section.ranking").first().locator("td.awards").first().textContent();
      expect(text).toBe("名次奖:一等奖;单项奖:全员人口信息化建设单项奖(省级),3,000元");
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it("made no network request at all", () => {
    writeFileSync(join(dir, "requests.txt"), requests.join("\n"));
    expect(requests).toEqual([]);
  });
});

// The blank template's form: what `assess template` makes, made on the page by an office with no
// command line (it had no way to the form its units fill). A page of its own, its clock set to one
// day, as SOURCE_DATE_EPOCH sets the command line's.
describe.skipIf(!BROWSER)("the browser edition's blank template", () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const dir = scratchDir("assess-web-template-");
  // 2026-09-15 12:00 UTC: the same day wherever the tests run.
  const NOON = 1789473600;

  beforeAll(async () => {
    ({ browser, page } = await openPage(requests, new Date(NOON * 1000)));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const status = async (): Promise<string> => (await page.textContent("#template-status")) ?? "";
  /** Presses 制作模板 and waits for what it says. */
  const make = async (press: () => Promise<void> = () => page.click("#template-make")): Promise<string> => {
    await press();
    await page.waitForFunction(() => !/正在|Making|^$/.test(document.getElementById("template-status")?.textContent ?? ""), undefined, { timeout: 60_000 });
    return status();
  };
  /** The template offered for download, saved in the scratch folder: its path. */
  const saved = async (): Promise<string> => {
    const [d] = await Promise.all([page.waitForEvent("download"), page.click("#template-download a")]);
    const to = join(dir, `page-${d.suggestedFilename()}`);
    await d.saveAs(to);
    return to;
  };
  const fill = async (rubric: string, year: string, district: string, units: string): Promise<void> => {
    if (!(await page.locator("#template").evaluate((d) => (d as HTMLDetailsElement).open))) await page.click("#template summary");
    await page.selectOption("#template-rubric", { label: rubric });
    await page.fill("#template-year", year);
    await page.fill("#template-district", district);
    await page.fill("#template-units", units);
  };
  const COMPREHENSIVE = "乡镇(街道)和区直部门综合考核办法(township-comprehensive 2026.1)";

  it("gives a scheme of the user's own examples in its words, and the year it takes effect (a city's 市直部门 scheme was shown 城关镇 and 2026)", async () => {
    const own = join(dir, "city-2027.1.yaml");
    writeFileSync(own, readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("id: township-comprehensive", "id: city").replace('version: "2026.1"', 'version: "2027.1"').replace('effective: "2026-03-01"', 'effective: "2027-01-01"'));
    await page.setInputFiles("#rubric", own);
    await page.waitForFunction(() => /已载入方案 city 2027.1/.test(document.getElementById("status")?.textContent ?? ""), undefined, { timeout: 60_000 });
    if (!(await page.locator("#template").evaluate((d) => (d as HTMLDetailsElement).open))) await page.click("#template summary");
    const year = String(Math.max(new Date().getFullYear(), 2027));
    expect([await page.getAttribute("#template-units", "placeholder"), await page.inputValue("#template-year")]).toEqual(["例如:\n××镇\n××局\n××企业", year]);
    expect(await page.textContent("#template-units-label")).toContain("可在名称后写上类型或分组(××镇,镇)");
    // The page's own scheme chosen again: its examples, and this year again (the year was not typed).
    await page.selectOption("#template-rubric", { label: COMPREHENSIVE });
    expect([await page.getAttribute("#template-units", "placeholder"), await page.inputValue("#template-year")]).toEqual(["例如:\n城关镇\n河西街道\n区发展和改革局", String(new Date().getFullYear())]);
    expect(await page.textContent("#template-units-label")).toContain("(城关镇,镇)");
    // A year typed stays, whatever is chosen.
    await page.fill("#template-year", "2030");
    await page.selectOption("#template-rubric", { index: 0 });
    expect(await page.inputValue("#template-year")).toBe("2030");
    await page.click("#rubric-clear");
    await page.fill("#template-year", "");
  });

  it("makes, from a list pasted from Excel, the very workbook assess template makes of it", async () => {
    // Three columns copied from Excel: tab-separated, with their heading row.
    const list = "序号\t单位名称\t类型\n1\t城关镇\t乡镇\n2\t河西街道\t街道\n3\t区发展和改革局\t区直部门\n4\t区城投集团\t区属国企\n";
    await fill(COMPREHENSIVE, "2026", "柳河区", list);
    expect(await make()).toBe(
      "已制作模板 柳河区2026.xlsx(方案 township-comprehensive 2026.1),单位名单共 4 个:乡镇(街道) 2 个(乡镇组 1 个、街道组 1 个);区直部门 1 个;区属国有企业 1 个。下载后发给各单位填写;填好的工作簿拖到本页上方即可检查和计分。",
    );
    expect(await page.textContent("#template-download a")).toBe("下载模板 柳河区2026.xlsx");
    const fromPage = await saved();
    const listFile = join(dir, "名单.txt");
    writeFileSync(listFile, list);
    const fromCli = join(dir, "cli-柳河区2026.xlsx");
    const run = await cli(["template", "--rubric", "township-comprehensive", "--units", listFile, "--year", "2026", "--district", "柳河区", "-o", fromCli], { LANG: "zh_CN.UTF-8", SOURCE_DATE_EPOCH: String(NOON) });
    expect(run.code).toBe(0);
    expect(readFileSync(fromPage).equals(readFileSync(fromCli))).toBe(true);
    // And it is a form the page reads: its units listed, nothing filled yet.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fromPage);
    expect(wb.getWorksheet("封面")!.getCell("B3").value).toBe("township-comprehensive");
  });

  it("says a list's problems at their lines and makes nothing, naming the scheme on the page whose kinds they are", async () => {
    await fill("完善人口计生目标管理责任制考核办法(district-popplan 2022.1)", "2026", "柳河区", "城关镇,乡镇\n河西街道,街道\n区城投集团,区属国企\n");
    expect(await make()).toBe(
      "单位名单中有 2 处错误,未制作模板:按下面所说改正后,再点“制作模板”(名单中的单位类型 乡镇、区属国企 不是方案 district-popplan 的,而是本页方案 township-comprehensive《乡镇(街道)和区直部门综合考核办法》的:要按它制作模板,请在“考核方案”中选它)",
    );
    const shown = await page.locator("#template-problems li").allTextContents();
    expect(shown).toHaveLength(2);
    expect(shown[0]).toMatch(/^单位名单 第 1 行: 错误: 未知的单位类型 “乡镇”/);
    expect(shown[1]).toMatch(/^单位名单 第 3 行: 错误: 未知的单位类型 “区属国企”/);
    expect(await page.locator("#template-download a").count()).toBe(0);
  });

  it("takes a year typed in full-width digits, refuses one that is no year, and warns of a year before the scheme", async () => {
    await fill(COMPREHENSIVE, "２０２７", "", "");
    // (Enter in the year makes it, as in a form.)
    expect(await make(() => page.press("#template-year", "Enter"))).toBe("已制作模板 township-comprehensive-2027.xlsx(方案 township-comprehensive 2026.1),未填单位名单,由各单位在表中填写名称。下载后发给各单位填写;填好的工作簿拖到本页上方即可检查和计分。");
    // (2026年 as typed is 2026.)
    await fill(COMPREHENSIVE, "2026年", "", "");
    expect(await make()).toMatch(/^已制作模板 township-comprehensive-2026\.xlsx/);
    await fill(COMPREHENSIVE, "26", "", "");
    expect(await make()).toBe("考核年度应填 1990 至 2100 之间的四位数字(现在是“26”)");
    expect(await page.locator("#template-download a").count()).toBe(0);
    await fill(COMPREHENSIVE, "2019", "", "");
    await make();
    expect(await page.locator("#template-problems li").allTextContents()).toEqual([expect.stringMatching(/^警告: 考核年度 2019 早于方案 乡镇\(街道\)和区直部门综合考核办法\(township-comprehensive 2026\.1\)的生效日期 2026-03-01:模板照常制作,但请核对考核年度/)]);
    expect(await page.locator("#template-download a").count()).toBe(1);
  });

  it("reads a list's file saved from Excel (GBK) into the box, last year's assessment workbook as its units, and says of another workbook chosen for it to paste its columns", async () => {
    // 城关镇,镇 / 河西街道,街道 in GBK, as Excel saves a CSV on a Chinese Windows.
    const gbk = join(dir, "单位名单.csv");
    writeFileSync(gbk, Buffer.from([0xb3, 0xc7, 0xb9, 0xd8, 0xd5, 0xf2, 0x2c, 0xd5, 0xf2, 0x0a, 0xba, 0xd3, 0xce, 0xf7, 0xbd, 0xd6, 0xb5, 0xc0, 0x2c, 0xbd, 0xd6, 0xb5, 0xc0, 0x0a]));
    await page.setInputFiles("#template-units-file", gbk);
    await page.waitForFunction(() => /单位名单\.csv/.test(document.getElementById("template-status")?.textContent ?? ""));
    expect(await status()).toBe("已把名单文件 单位名单.csv 读入上面的框:核对后点“制作模板”");
    expect(await page.inputValue("#template-units")).toBe("城关镇,镇\n河西街道,街道\n");
    await page.selectOption("#template-rubric", { label: "完善人口计生目标管理责任制考核办法(district-popplan 2022.1)" });
    await page.fill("#template-year", "2026");
    expect(await make()).toContain("单位名单共 2 个:镇、街道 2 个");
    // A problem is said at the file's line while the box holds the file as read.
    await page.fill("#template-units", "城关镇,镇\n河西街道,市场\n");
    expect(await make()).toContain("单位名单中有 1 处错误");
    await page.setInputFiles("#template-units-file", gbk);
    await page.waitForFunction(() => /读入/.test(document.getElementById("template-status")?.textContent ?? ""));
    await page.fill("#template-units", "城关镇,镇\n河西街道,市场\n");
    expect(await page.locator("#template-problems li").count()).toBe(0);
    // Last year's assessment workbook: its units, each with its kind and group, into the box to check.
    await page.setInputFiles("#template-units-file", "samples/liuhe-2026.xlsx");
    await page.waitForFunction(() => /liuhe-2026\.xlsx/.test(document.getElementById("template-status")?.textContent ?? ""));
    expect(await status()).toBe("已从考核工作簿 liuhe-2026.xlsx 取出 20 个单位(含类型和分组),放在上面的框里:核对后点“制作模板”");
    const lines = (await page.inputValue("#template-units")).split("\n");
    expect([lines.length, lines[0], lines.at(-1)]).toEqual([20, "柳河镇,town,乡镇组", "区文旅集团,enterprise"]);
    // The scheme it was filled for chosen (the first one chosen took its groups for kinds), and the template made as the command line makes it.
    expect(await page.locator("#template-rubric option:checked").textContent()).toBe("乡镇(街道)和区直部门综合考核办法(township-comprehensive 2026.1)");
    expect(await make()).toContain("单位名单共 20 个:乡镇(街道) 11 个(乡镇组 7 个、街道组 4 个);区直部门 6 个;区属国有企业 3 个");
    // Under another scheme, its problems are said at the box's lines, not at lines of the workbook.
    await page.selectOption("#template-rubric", { label: "完善人口计生目标管理责任制考核办法(district-popplan 2022.1)" });
    await make();
    expect((await page.locator("#template-problems li").allTextContents())[0]).not.toContain("liuhe-2026.xlsx");
    // A list kept in Excel (no assessment workbook): its columns to paste (no command line here to save it as CSV with).
    const kept = join(dir, "名单.xlsx");
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet("名单").addRows([["城关镇"], ["东湖街道"]]);
    await plain.xlsx.writeFile(kept);
    await page.setInputFiles("#template-units-file", kept);
    await page.waitForFunction(() => /未读入/.test(document.getElementById("template-status")?.textContent ?? ""));
    expect(await status()).toBe("名单文件 名单.xlsx 未读入:");
    expect(await page.locator("#template-problems li").allTextContents()).toEqual([expect.stringContaining("请在 Excel 中选中名单的几列,复制后粘贴到上面的框里")]);
    // Last year's workbook cut short: said as the reader says it, not as a list to paste (a tester's find).
    const cut = join(dir, "去年.xlsx");
    const whole = readFileSync("samples/liuhe-2026.xlsx");
    writeFileSync(cut, whole.subarray(0, whole.length >> 1));
    await page.setInputFiles("#template-units-file", cut);
    await page.waitForFunction(() => /去年\.xlsx 未读入/.test(document.getElementById("template-status")?.textContent ?? ""));
    expect(await page.locator("#template-problems li").allTextContents()).toEqual([expect.stringContaining("[xlsx.truncated]")]);
  });

  it("takes a list dropped on the page into the form, opened", async () => {
    await page.locator("#template").evaluate((d) => ((d as HTMLDetailsElement).open = false));
    const text = "城关镇\n河西街道\n";
    await page.evaluate((t) => {
      const data = new DataTransfer();
      data.items.add(new File([t], "名单.txt", { type: "text/plain" }));
      document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, text);
    await page.waitForFunction(() => /名单\.txt/.test(document.getElementById("template-status")?.textContent ?? ""));
    expect(await page.locator("#template").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.inputValue("#template-units")).toBe(text);
    // Not taken for a workbook: the page's status is untouched.
    expect(await page.textContent("#status")).toBe("请选择工作簿。");
  });

  it("takes a list chosen in the workbook's picker into the form, as one dropped (it was told a CSV keeps one sheet of a workbook)", async () => {
    await page.locator("#template").evaluate((d) => ((d as HTMLDetailsElement).open = false));
    const list = join(dir, "单位名单.csv");
    writeFileSync(list, "序号,单位名称,类型\n1,城关镇,镇\n2,河西街道,街道\n");
    await page.setInputFiles("#workbook", list);
    await page.waitForFunction(() => /单位名单\.csv/.test(document.getElementById("template-status")?.textContent ?? ""));
    expect(await page.locator("#template").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.inputValue("#template-units")).toBe("序号,单位名称,类型\n1,城关镇,镇\n2,河西街道,街道\n");
    expect(await page.textContent("#status")).toBe("请选择工作簿。");
  });

  it("says of a sheet saved as CSV, chosen or dropped, that it keeps one sheet of the workbook: it is no list (it went into the units box, 乡镇组 an unknown kind)", async () => {
    const sheet = join(dir, "经济发展.csv");
    writeFileSync(sheet, "单位名称,分组,JJ5 重点项目建设(30分)\n柳河镇,乡镇组,28\n");
    await page.locator("#template-units").evaluate((t) => ((t as HTMLTextAreaElement).value = ""));
    await page.setInputFiles("#workbook", sheet);
    await page.waitForFunction(() => /经济发展\.csv/.test(document.getElementById("status")?.textContent ?? ""), undefined, { timeout: 60_000 });
    expect(await page.locator("ul.diagnostics li").allTextContents()).toEqual([expect.stringContaining("[xlsx.text-file]")]);
    expect(await page.inputValue("#template-units")).toBe("");
    // The ledger's sheet too (单位, 代码, 状态: no item code in its heading).
    const ledger = join(dir, "加扣分.csv");
    writeFileSync(ledger, "单位,代码,数量,级别,分值,状态\n柳河镇,JF1,,省级,,已认定\n");
    await page.setInputFiles("#workbook", ledger);
    await page.waitForFunction(() => /加扣分\.csv/.test(document.getElementById("status")?.textContent ?? ""), undefined, { timeout: 60_000 });
    expect(await page.locator("ul.diagnostics li").allTextContents()).toEqual([expect.stringContaining("[xlsx.text-file]")]);
    // A list of names alone, code-like (G2 京沪高速管理处): a list, into the form.
    const codes = join(dir, "名单-编号.csv");
    writeFileSync(codes, "G2 京沪高速管理处\n区交通运输局\n");
    await page.setInputFiles("#workbook", codes);
    await page.waitForFunction(() => /名单-编号\.csv/.test(document.getElementById("template-status")?.textContent ?? ""), undefined, { timeout: 60_000 });
    expect(await page.inputValue("#template-units")).toBe("G2 京沪高速管理处\n区交通运输局\n");
  });

  it("offers the user's own rubric, chosen first, and makes its template", async () => {
    const own = join(dir, "district-popplan-2026.1.yaml");
    writeFileSync(own, readFileSync("rubric/district-popplan-2022.1.yaml", "utf8").replace('version: "2022.1"', 'version: "2026.1"'));
    await page.selectOption("#template-rubric", { label: COMPREHENSIVE });
    await page.setInputFiles("#rubric", own);
    await page.waitForFunction(() => /已载入方案/.test(document.getElementById("status")?.textContent ?? ""));
    const options = await page.locator("#template-rubric option").allTextContents();
    expect(options[0]).toBe("完善人口计生目标管理责任制考核办法(district-popplan 2026.1,你的方案文件 district-popplan-2026.1.yaml)");
    expect(await page.locator("#template-rubric").evaluate((s) => (s as HTMLSelectElement).selectedIndex)).toBe(0);
    await page.fill("#template-units", "");
    expect(await make()).toMatch(/^已制作模板 district-popplan-2026\.xlsx\(方案 district-popplan 2026\.1\)/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await saved());
    expect(wb.getWorksheet("封面")!.getCell("B4").value).toBe("2026.1");
    // Put aside, it is offered no more, and the page's scheme chosen before it is chosen again (it went
    // to the first, and the next template made was the other scheme's).
    await page.click("#rubric-clear");
    expect(await page.locator("#template-rubric option").allTextContents()).not.toContain(options[0]);
    expect(await page.locator("#template-rubric").evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(COMPREHENSIVE);
  });

  it("speaks English on the switch, and makes its template's instructions in English as --lang en does", async () => {
    await page.click("#lang");
    expect(await page.textContent("#template summary")).toBe("No template? Make the blank template here (for the assessment office)");
    await fill("乡镇(街道)和区直部门综合考核办法 (township-comprehensive 2026.1)", "2026", "柳河区", "");
    expect(await make()).toBe("The template 柳河区2026.xlsx is made (rubric township-comprehensive 2026.1); with no units list, the units write their names in. Download it and send it to the units to fill in; drop a filled workbook at the top of this page to check and score it.");
    const fromCli = join(dir, "cli-en.xlsx");
    expect((await cli(["template", "--rubric", "township-comprehensive", "--year", "2026", "--district", "柳河区", "--lang", "en", "-o", fromCli], { LANG: "zh_CN.UTF-8", SOURCE_DATE_EPOCH: String(NOON) })).code).toBe(0);
    expect(readFileSync(await saved()).equals(readFileSync(fromCli))).toBe(true);
    await page.click("#lang");
  });

  it("shows what the last press showed again in the language switched to (the list's problems, the template made, went without a word)", async () => {
    await fill("乡镇(街道)和区直部门综合考核办法(township-comprehensive 2026.1)", "2026", "柳河区", "城关镇,镇\n河西街道,县\n");
    expect(await make()).toContain("单位名单中有 1 处错误");
    await page.click("#lang");
    await page.waitForFunction(() => /error/.test(document.getElementById("template-status")?.textContent ?? ""));
    expect(await status()).toContain("The units list has 1 error, and no template was made: correct it as said below");
    expect(await page.locator("#template-problems li").allTextContents()).toEqual([expect.stringContaining("units list, line 2: ")]);
    // Mended, made in English; switched back, made again in Chinese, ready to download.
    await page.fill("#template-units", "城关镇,镇\n河西街道,街道\n");
    expect(await make()).toContain("The template 柳河区2026.xlsx is made");
    await page.click("#lang");
    await page.waitForFunction(() => /已制作/.test(document.getElementById("template-status")?.textContent ?? ""));
    expect(await page.locator("#template-download a").textContent()).toContain("柳河区2026.xlsx");
  });

  it("made no network request at all", () => {
    expect(requests).toEqual([]);
  });
});

describe("assess web", () => {
  it("writes the page, replaces its own earlier copy, and refuses to overwrite anything else", async () => {
    const dir = scratchDir("assess-web-cli-");
    const page = join(dir, "考核.html");
    expect((await cli(["web", "-o", page])).code).toBe(0);
    expect(readFileSync(page).equals(readFileSync(PAGE))).toBe(true);
    expect((await cli(["web", "-o", page])).code).toBe(0);
    const other = join(dir, "notes.html");
    writeFileSync(other, "<p>mine</p>");
    const refused = await cli(["web", "-o", other]);
    expect(refused.code).toBe(2);
    expect(readFileSync(other, "utf8")).toBe("<p>mine</p>");
    expect((await cli(["web", "-o", join(dir, "page.txt")])).err).toContain("应以 .html 结尾");
  });
});
