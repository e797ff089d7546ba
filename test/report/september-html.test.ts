// The September report as HTML from the sample: self-contained (no http(s) reference, no script),
// the same rankings as the engine, the SVG chart with vetoed towns marked, print rules.
import { chartParts } from "../../src/report/september/chart.js";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReport, reportHtml } from "../../src/report/september/index.js";
import { pointsToNumber } from "../../src/model/numbers.js";
import { DATE, SAMPLE, scoreFile, unit, type Scored } from "./helpers.js";

let scored: Scored;
let html: string;

beforeAll(async () => {
  scored = await scoreFile(SAMPLE);
  html = reportHtml(buildReport(scored.rubric, scored.results, { lang: "zh-CN", cover: scored.cover, date: DATE, tool: "assess test" }));
});

const unescape = (s: string): string => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/** The body rows of the section with the given class, as cell texts. */
function sectionRows(kind: string): string[][] {
  const m = new RegExp(`<section class="block t-${kind}(?: keep)?">([\\s\\S]*?)</section>`).exec(html);
  expect(m, kind).not.toBeNull();
  // Every row group's rows (the award list's last are printed with the closing block), not that block's.
  const body = [...(m?.[1] ?? "").matchAll(/<tbody[^>]*>([\s\S]*?)<\/tbody>/g)].map((b) => b[1] ?? "").join("");
  return [...body.matchAll(/<tr(?! class="closing-row")[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...(r[1] ?? "").matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => unescape(c[1] ?? "")));
}

describe("the report HTML", () => {
  it("is one self-contained document in the user's language", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<script|<link|@import|@font-face|url\((?!#)/i);
    expect(html).toContain("<title>青山区2026年度人口和计划生育目标管理责任制考核结果</title>");
    expect(html).toContain("报告日期:2026年9月15日");
    // Its stylesheet's comments (ours, their examples another scheme's words: 经济发展 ×40%) are left out.
    expect(html).not.toContain("/*");
    expect(html).not.toContain("经济发展");
  });

  it("lets a long heading wrap and keeps the awards column room (a long line's name took half the page)", () => {
    const report = buildReport(scored.rubric, scored.results, { lang: "zh-CN", cover: scored.cover, date: DATE, tool: "assess test" });
    const long = "高质量发展重点工作任务推进落实情况";
    const first = report.tables[0]!;
    const renamed = { ...report, tables: [{ ...first, columns: first.columns.map((c, i) => (i === 2 ? { ...c, header: long } : c)) }, ...report.tables.slice(1)] };
    const out = reportHtml(renamed);
    expect(out).toMatch(new RegExp(`<th scope="col" class="k-[a-z]+ long">${long}</th>`));
    // Short headings stay on one line.
    expect(out).toMatch(/<th scope="col" class="k-rank">名次<\/th>/);
    expect(out).toContain("th.long { white-space: normal;");
    expect(out).toContain(".t-overall td.k-text:last-child, .t-line td.k-text:last-child { min-width: 12em; }");
  });

  it("keeps a long table's heading row in view on a screen as it scrolls; printed, it repeats on every page", () => {
    expect(html).toMatch(/@media screen \{ thead th \{ position: sticky; top: -1px; z-index: 2; box-shadow: [^}]+\} \}/);
    expect(html).toMatch(/<\/tr><tr><th scope="col"/);
  });

  it("prints each table's heading as its head's first row, repeated with it on every page (a loose page of 乡镇组排名 could not be told from 综合排名), the heading above left out", () => {
    const overall = scored.results.rankings.find((r) => r.id === "overall");
    expect(html).toContain(`<thead><tr class="print-title"><th colspan="8">${overall?.name} <small>(共 `);
    // Every table's, with the note its heading carries.
    const headings = [...html.matchAll(/<section class="block t-[^"]+">\n<h2>([^\n]*)<\/h2>\n<table[^>]*>\n<thead><tr class="print-title"><th colspan="\d+">([^\n]*?)<\/th><\/tr><tr>/g)];
    expect(headings.length).toBe(html.match(/<table[ >]/g)?.length);
    for (const h of headings) expect(h[2]).toBe(h[1]);
    expect(html).toMatch(/tr\.print-title \{ display: none; \}/);
    expect(html).toMatch(/@media print \{[^]*section\.block:not\(\.chart-block\) > h2 \{ display: none; \}\s*tr\.print-title \{ display: table-row; \}/);
  });

  it("gives a line's share of its max to 0.01%, as exact as the points", () => {
    const rows = sectionRows("line");
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const [points, max, share] = [Number(r[2]), Number(r[3]), r[4] ?? ""];
      expect(share, r.join(" ")).toMatch(/^\d{1,3}\.\d{2}%$/);
      expect(Number(share.slice(0, -1))).toBeCloseTo(Math.round((points / max) * 10000) / 100, 6);
    }
  });

  it("has the overall ranking as the engine ranked it", () => {
    const body = sectionRows("overall");
    const overall = scored.results.rankings.find((r) => r.id === "overall");
    expect(body.map((r) => r[1])).toEqual(overall?.entries.map((e) => scored.results.units[e.unit]?.name));
    for (const r of body) {
      const u = unit(scored.results, r[1] ?? "");
      expect(r[6]).toBe(pointsToNumber(u.total).toFixed(2));
    }
    expect(body[0]?.slice(0, 2)).toEqual(["1", "城关镇"]);
    expect(body[0]?.[7]).toContain("一等奖");
    expect(body.slice(-2).map((r) => r[0])).toEqual(["一票否决", "一票否决"]);
    expect(html).toMatch(/<tr class="veto"><td class="k-rank">一票否决<\/td><td class="k-name">北川镇<\/td>/);
    expect(html).toMatch(/<tr class="warning"><td class="k-rank">12<\/td><td class="k-name">新华街道<\/td>/);
  });

  it("has the line and department rankings and the award list", () => {
    const lines = sectionRows("line");
    for (const id of ["DZ", "JS", "BM"]) expect(html).toContain(scored.results.rankings.find((r) => r.id === id)?.name);
    expect(lines.length).toBeGreaterThanOrEqual(14);
    // Every ranking with red rows says what they are (the towns' overall and their two lines have
    // vetoed towns; the departments' none).
    expect(html.match(/<h2>[^\n]*标红的为一票否决单位/g)?.length).toBe(3);
    const awards = sectionRows("awards").map((r) => r.join(" "));
    expect(awards).toContain("一票否决 北川镇 DZ1 基本人口指标  ZB1 出生政策符合率 实际 93.5%,目标 95%");
    expect(awards).toContain("一票否决 石门镇 JS4.2 统计合格率  ZB2 统计合格率 实际 96.5%,目标 98%");
    expect(awards.some((a) => a.startsWith("黄牌警告 新华街道"))).toBe(true);
    expect(awards.some((a) => a.startsWith("单项奖 城关镇") && a.includes("3,000"))).toBe(true);
    // A basis's cell reference kept on one line (加扣 / 分!B17 in English's narrower column), the
    // amounts' column no wider than they need, the basis's room to read.
    expect(html).toContain('<span class="nb">加扣分!B17</span>');
    expect(html).toContain(".t-awards th.k-money { white-space: normal; width: 1%; }");
    expect(html).toContain(".t-awards td:last-child { min-width: 16em; }");
  });

  it("draws the towns' totals as an SVG chart of dots (its scale starts near the lowest: no bar lengths to misread), vetoed towns marked, with a legend", () => {
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
    expect(svg).toContain('role="img"');
    expect(svg).not.toContain("xmlns");
    expect((svg.match(/<g class="bar">/g) ?? []).length).toBe(12);
    expect((svg.match(/<g class="bar vetoed">/g) ?? []).length).toBe(2);
    // A dot per town and two in the legend; no bars.
    expect((svg.match(/<circle /g) ?? []).length).toBe(16);
    expect(svg).not.toContain("<rect");
    expect(svg).toContain("参与排名");
    expect(svg).toContain("一票否决(不参与排名)");
    // Each total beside its dot with two decimals, as the tables give it (1008, 971.5 read short beside 971.50).
    expect(svg).toMatch(/>1008\.00</);
    expect(svg).toMatch(/>971\.50</);
  });

  it("draws each chart again for a phone, each name above its dot's row, shown there alone in place of the wide one (twice the screen's width, its dots were scrolled to without their names)", () => {
    const narrow = /<svg class="chart chart-narrow"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
    expect(html).toMatch(/<svg class="chart chart-wide"[\s\S]*?<\/svg>\n<svg class="chart chart-narrow"/);
    expect(narrow).toContain('viewBox="0 0 400 ');
    // Every town, its name on its own line at the left edge, its dot and total on the row below it.
    const rows = [...narrow.matchAll(/<g class="bar( vetoed)?">\n<text x="8" y="(\d+)"[^>]*>([^<]*)<\/text>\n<line [^>]*y1="(\d+)"/g)];
    expect(rows.map((r) => r[3])).toEqual(scored.results.rankings.find((r) => r.id === "overall")?.entries.map((e) => scored.results.units[e.unit]?.name));
    for (const r of rows) expect(Number(r[4])).toBeGreaterThan(Number(r[2]));
    expect(narrow).toMatch(/>1008\.00</);
    // On a phone the narrow one is shown, the wide one not; printed, the wide one alone; no "swipe" said.
    expect(html).toMatch(/\.chart-narrow \{ display: none;/);
    expect(html).toMatch(/@media screen and \(max-width: 40em\) \{[^}]*\}[\s\S]*?\.chart-narrow \{ display: block; min-width: 0; \}\s*\.chart-wide \{ display: none; \}/);
    expect(html).not.toContain('<p class="swipe">');
  });

  it("prints its first table on under the title, and keeps the short ones after it whole (kept whole, an English 综合排名 a little taller than the rest of page 1 left it blank but the title)", () => {
    const sections = [...html.matchAll(/<section class="block (t-[a-z]+)( keep)?">/g)].map((m) => [m[1], m[2] === " keep"]);
    expect(sections[0]).toEqual(["t-overall", false]);
    // The sample's line and department rankings, 14 rows or fewer: each printed whole.
    const lines = sections.filter(([kind]) => kind === "t-line");
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every(([, kept]) => kept)).toBe(true);
    // Its first rows are held under its heading, so the heading never stands alone at a page's foot.
    expect(html).toMatch(/<section class="block t-overall">\n<h2>[^\n]*<\/h2>\n<table[^>]*>\n<thead>[\s\S]*?<\/thead>\n<tbody class="first-rows">/);
  });

  it("draws a district of 56 towns in three charts of 19 or 18, on one scale, the others headed (续): 60 in one printed their names at 3 pt, 30 in one at 7", () => {
    const overall = scored.results.rankings.find((r) => r.id === "overall");
    if (!overall) throw new Error("no overall ranking");
    // Four times the sample's 14 towns (56 entries), each its own dot.
    const many = { ...scored.results, rankings: scored.results.rankings.map((r) => (r === overall ? { ...r, entries: Array.from({ length: 4 }, () => r.entries).flat() } : r)) };
    const page = reportHtml(buildReport(scored.rubric, many, { lang: "zh-CN", cover: scored.cover, date: DATE, tool: "assess test" }));
    const charts = [...page.matchAll(/<section class="block chart-block keep">\s*<h2>([^<]*)<\/h2>\s*(?:<p class="swipe">[^<]*<\/p>\s*)?(<svg[\s\S]*?<\/svg>)/g)];
    expect(charts.map((c) => c[1])).toEqual(["综合排名得分", "综合排名得分(续)", "综合排名得分(续)"]);
    const dots = (svg: string): number => (svg.match(/<g class="bar( vetoed)?">/g) ?? []).length;
    expect(charts.map((c) => dots(c[2] ?? ""))).toEqual([19, 19, 18]);
    // The same axis on both: its marks and the names' room alike.
    const axis = (svg: string): string[] => [...svg.matchAll(/<text x="([\d.]+)" y="\d+" text-anchor="middle">([^<]*)<\/text>/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(axis(charts[0]?.[2] ?? "").length).toBeGreaterThan(2);
    expect(axis(charts[1]?.[2] ?? "")).toEqual(axis(charts[0]?.[2] ?? ""));
    // The sample's 12 towns: one chart.
    expect([...html.matchAll(/class="block chart-block keep"/g)]).toHaveLength(1);
    // A county-level city's 210 departments: in eleven parts too (drawn in one, they printed as an unreadable strip).
    const county = { ...scored.results, rankings: scored.results.rankings.map((r) => (r === overall ? { ...r, entries: Array.from({ length: Math.ceil(210 / r.entries.length) }, () => r.entries).flat().slice(0, 210) } : r)) };
    const countyPage = reportHtml(buildReport(scored.rubric, county, { lang: "zh-CN", cover: scored.cover, date: DATE, tool: "assess test" }));
    const parts = [...countyPage.matchAll(/<section class="block chart-block keep">\s*<h2>[^<]*<\/h2>\s*(<p class="swipe">)?/g)];
    expect(parts).toHaveLength(11);
    expect(parts.filter((m) => m[1])).toEqual([]);
    // As even as they go: one of 20 and ten of 19 (ten of 20 and a last of 10; 401 ended in a part of one).
    const sizes = (n: number): number[] => chartParts(Array.from({ length: n }, (_, i) => ({ name: `${i}`, total: i, vetoed: false }))).map((p) => p.length);
    expect(sizes(210)).toEqual([20, ...Array.from({ length: 10 }, () => 19)]);
    expect(Math.min(...sizes(401))).toBe(19);
    expect(sizes(56)).toEqual([19, 19, 18]);
  });

  it("gives long unit names room in the chart, and draws one longer than that narrower rather than cut; lets them wrap in the tables", () => {
    const long = "城关镇人民政府（含城关经济技术开发区管委会）";
    const longer = `${long}及城关镇新区建设指挥部办公室`;
    const renamed = { ...scored.results, units: scored.results.units.map((u) => (u.name === "城关镇" ? { ...u, name: long } : u.name === "西山镇" ? { ...u, name: longer } : u)) };
    const page = reportHtml(buildReport(scored.rubric, renamed, { lang: "zh-CN", cover: scored.cover, date: DATE, tool: "assess test" }));
    const svg = /<svg[\s\S]*?<\/svg>/.exec(page)?.[0] ?? "";
    // The names' room widened from 260 to its most, 360: the long one (22 characters at 13 px: 286 + 16)
    // fits as it is; the longer (33: 429 + 16) is drawn in the room there is.
    const label = (name: string): string => new RegExp(`<text x="(\\d+)" [^>]*>${name}</text>`).exec(svg)?.[0] ?? "";
    expect(label(long)).toMatch(/^<text x="352" /);
    expect(label(long)).not.toContain("textLength");
    expect(label(longer)).toContain('textLength="344" lengthAdjust="spacingAndGlyphs"');
    // In the tables: a table holding a name that long lets its names wrap (no short-names), and a
    // name column is never kept on one line by itself.
    expect(page).not.toMatch(/(^|\n)td\.k-name \{[^}]*nowrap/);
    const tables = [...page.matchAll(/<table[^>]*>[\s\S]*?<\/table>/g)].map((m) => m[0]).filter((t) => t.includes(long));
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) expect(t.startsWith("<table>")).toBe(true);
  });

  it("prints on A4 landscape with repeated table heads, unbroken rows and headings kept with their tables", () => {
    expect(html).toMatch(/@page\s*\{\s*size:\s*A4 landscape/);
    expect(html).toContain("thead { display: table-header-group; }");
    expect(html).toMatch(/tr, th, td \{ break-inside: avoid/);
    expect(html).toMatch(/h2 \{[^}]*break-after: avoid/);
    expect(html).toContain('content: "第 " counter(page) " 页,共 " counter(pages) " 页"');
    // Every page but the first says whose report it is and its date at its top (a page taken from
    // the stack said neither).
    expect(html).toMatch(/@top-center \{ content: "青山区2026年度人口和计划生育目标管理责任制考核结果\u3000报告日期:[^"]+";/);
    expect(html).toContain("@page :first { @top-center { content: none; } }");
    // In the page's own fonts: a margin box takes the browser's default else (English printed it in a serif).
    expect(html).toMatch(/@top-center \{[^}]*font-family: "Noto Sans CJK SC"[^}]*sans-serif;/);
    expect(html).toMatch(/@bottom-center \{[^}]*font-family: "Noto Sans CJK SC"[^}]*sans-serif;/);
  });

  it("prints a table longer than a page with its first three rows under its heading, never the heading and a row or two at a page's foot", () => {
    const overall = scored.results.rankings.find((r) => r.id === "overall");
    if (!overall) throw new Error("no overall ranking");
    const many = { ...scored.results, rankings: scored.results.rankings.map((r) => (r === overall ? { ...r, entries: Array.from({ length: 4 }, () => r.entries).flat() } : r)) };
    const page = reportHtml(buildReport(scored.rubric, many, { lang: "zh-CN", cover: scored.cover, date: DATE, tool: "assess test" }));
    const section = /<section class="block t-overall">[\s\S]*?<\/section>/.exec(page)?.[0] ?? "";
    // Its head row, then a group of its first three rows printed whole, then the rest.
    expect(section).toMatch(/<\/thead>\n<tbody class="first-rows">\n(<tr[^>]*>.*<\/tr>\n){3}<\/tbody>\n<tbody>\n<tr/);
    expect([...section.matchAll(/<tr(?! class="print-title")[^>]*>/g)]).toHaveLength(1 + 56);
    expect(page).toMatch(/tbody\.first-rows \{ break-inside: avoid/);
    // A table kept on one page whole has no such group: the sample's first (printed on under the title) alone has one.
    expect(html.match(/first-rows">/g)).toHaveLength(1);
  });

  it("prints the closing block and its seal line under the award list's last rows, the two never parted (a seal page held no table)", () => {
    const group = /<tbody class="closing-group">([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "";
    const rows = [...group.matchAll(/<tr(?! class="closing-row")[^>]*>/g)];
    expect(rows).toHaveLength(3);
    // The list's last rows are those three, then the closing block with the seal line.
    const all = sectionRows("awards");
    expect(group).toContain(all.at(-1)?.[1] ?? "—");
    expect(group).toMatch(/<tr class="closing-row"><td colspan="5"><footer class="closing">[\s\S]*青山区人口和计划生育领导小组办公室\(盖章\)[\s\S]*<\/footer><\/td><\/tr>\s*$/);
    expect(html).toMatch(/tbody\.closing-group, [^{]*\{ break-inside: avoid/);
    // Its lines wrap at the table's width (the list's first column keeps its words on one line: the
    // closing lines took it, widened the table past the page, and the whole report printed at 70%).
    expect(html).toMatch(/\.t-awards tr\.closing-row td:first-child[^{]*\{[^}]*white-space: normal/);
  });

  it("puts a long closing block (a district's thirty pending claims) after the award list, not in its last row under its pinned head", () => {
    const report = buildReport(scored.rubric, scored.results, { lang: "zh-CN", cover: scored.cover, date: DATE, tool: "assess test" });
    const notes = Array.from({ length: 12 }, (_, i) => `待认定记录说明第 ${i + 1} 条`);
    const page = reportHtml({ ...report, closing: { ...report.closing, lines: [...notes, ...report.closing.lines] } });
    expect(page).not.toContain('class="closing-row"');
    // After the list's table, once, with its seal line.
    expect(page).toMatch(/<\/table>\n<\/section>\n<footer class="closing">\n<p>待认定记录说明第 1 条<\/p>[\s\S]*青山区人口和计划生育领导小组办公室\(盖章\)[\s\S]*<\/footer>\n<\/div>/);
    expect(page.match(/待认定记录说明第 12 条/g)).toHaveLength(1);
  });

  it("speaks English with --lang en", () => {
    const en = reportHtml(buildReport(scored.rubric, scored.results, { lang: "en", cover: scored.cover, date: DATE, tool: "assess test" }));
    expect(en).toContain('<html lang="en">');
    // The title and seal line are the rubric's own words, as the rubric writes them.
    expect(en).toContain("<h1>青山区2026年度人口和计划生育目标管理责任制考核结果</h1>");
    expect(en).toContain(">青山区人口和计划生育领导小组办公室 (seal)<");
    expect(en).toContain("Report date: 2026-09-15");
    expect(en).toContain("<th scope=\"col\" class=\"k-rank\">Rank</th>");
    expect(en).toContain(">vetoed</td>");
  });
});
