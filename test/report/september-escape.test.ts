// Hostile unit names through the real pipeline: "<script>…" is escaped in HTML (text, SVG, title),
// "=1+1" stays a plain string cell in Excel, never a formula; a cover without district or year
// still gives a title without "undefined".
import { unzipSync, strFromU8 } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReport, esc, reportHtml, reportTitle, reportXlsx } from "../../src/report/september/index.js";
import { DATE, readBook, renamedSample, scoreFile, tempDir, type Scored } from "./helpers.js";

const SCRIPT = "<script>alert(1)</script>";
const FORMULA = "=1+1";
let scored: Scored;
const dir = tempDir("assess-report-esc-");

beforeAll(async () => {
  const file = await renamedSample({ 新华街道: SCRIPT, 龙泉镇: FORMULA, 河口镇: "@SUM(A1)", 柳林镇: "+1-1", 桃源镇: `A&B "引号" 'x'` }, dir);
  scored = await scoreFile(file);
  expect(scored.results.units.map((u) => u.name)).toContain(SCRIPT);
});

describe("escaping", () => {
  it("escapes & < > \" ' in HTML", () => {
    expect(esc(`a&b<c>"d"'e'`)).toBe("a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;");
  });

  it("never lets a unit name become markup in the HTML report", () => {
    const html = reportHtml(buildReport(scored.rubric, scored.results, { lang: "zh-CN", cover: scored.cover, date: DATE, tool: "t" }));
    expect(html).not.toContain("<script");
    expect(html).not.toContain("alert(1)</");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain(`<td class="k-name">${esc(SCRIPT)}</td>`);
    expect(html).toContain("A&amp;B &quot;引号&quot; &#39;x&#39;");
    // In the chart's labels too.
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
    expect(svg).toContain(`>${esc(SCRIPT)}</text>`);
  });

  it("keeps formula-looking names as plain strings in the workbook", async () => {
    const bytes = await reportXlsx(buildReport(scored.rubric, scored.results, { lang: "zh-CN", cover: scored.cover, date: DATE, tool: "t" }), DATE);
    const wb = await readBook(bytes);
    const ws = wb.getWorksheet("九月排名报告");
    const cells: { value: unknown; type: number; formula?: string }[] = [];
    ws?.eachRow((row) => row.eachCell((c) => void (c.value === FORMULA || c.value === "@SUM(A1)" || c.value === "+1-1" || c.value === SCRIPT ? cells.push({ value: c.value, type: c.type, formula: c.formula }) : 0)));
    expect(cells.filter((c) => c.value === FORMULA).length).toBe(3); // overall, DZ and JS rankings
    for (const c of cells) {
      expect(c.type).toBe(3); // ExcelJS.ValueType.String
      expect(c.formula).toBeUndefined();
    }
    const xml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"] ?? new Uint8Array());
    expect(xml).not.toMatch(/<f[ >]/);
  });

  it("titles a report from the rubric's words, gracefully without district or year", () => {
    const r = scored.rubric;
    expect(reportTitle("zh-CN", {}, r)).toBe("人口和计划生育目标管理责任制考核结果");
    expect(reportTitle("zh-CN", { year: "2026" }, r)).toBe("2026年度人口和计划生育目标管理责任制考核结果");
    expect(reportTitle("zh-CN", { year: "2026年", district: " 青山区 " }, r)).toBe("青山区2026年度人口和计划生育目标管理责任制考核结果");
    expect(reportTitle("zh-CN", { district: "青山区" }, r)).toBe("青山区人口和计划生育目标管理责任制考核结果");
    // A year typed in full-width digits reads as any other.
    expect(reportTitle("zh-CN", { year: "２０２６年度", district: "青山区" }, r)).toBe("青山区2026年度人口和计划生育目标管理责任制考核结果");
    // The year typed after the district in its cell too: said once.
    expect(reportTitle("zh-CN", { year: "2026", district: "青山区2026年度" }, r)).toBe("青山区2026年度人口和计划生育目标管理责任制考核结果");
    // A rubric without report words: the scheme's name, less the word for the document.
    const plain = { title: "乡镇综合考核办法", report: {} };
    expect(reportTitle("zh-CN", { year: "2026", district: "柳河区" }, plain)).toBe("柳河区2026年度乡镇综合考核结果");
    expect(reportTitle("zh-CN", {}, plain)).toBe("乡镇综合考核结果");
    expect(reportTitle("en", { year: "2026" }, plain)).toBe("2026: results of 乡镇综合考核");
    expect(reportTitle("en", {}, r)).not.toContain("undefined");
    // A scheme named with its district and year says them once.
    const named = { title: "柳河区2026年度乡镇综合考核办法", report: {} };
    expect(reportTitle("zh-CN", { year: "2026", district: "柳河区" }, named)).toBe("柳河区2026年度乡镇综合考核结果");
    expect(reportTitle("zh-CN", { year: "2026年" }, named)).toBe("柳河区2026年度乡镇综合考核结果");
    expect(reportTitle("zh-CN", { district: "柳河区" }, { title: "柳河区乡镇综合考核办法", report: {} })).toBe("柳河区乡镇综合考核结果");
    // A name that says 年度 itself (with no year): the year as 2026年, not 2026年度…年度.
    const yearly = { title: "市直单位和县(市、区)年度绩效考评办法", report: {} };
    expect(reportTitle("zh-CN", { year: "2026", district: "江州市" }, yearly)).toBe("江州市2026年市直单位和县(市、区)年度绩效考评结果");
    // Last year's scheme kept for this year (2025年度…办法 under a cover of 2026): the results are 2026's, said once.
    const lastYears = { title: "2025年度乡镇综合考核办法", report: {} };
    expect(reportTitle("zh-CN", { year: "2026", district: "柳河区" }, lastYears)).toBe("柳河区2026年度乡镇综合考核结果");
    expect(reportTitle("zh-CN", { district: "柳河区" }, lastYears)).toBe("柳河区2025年度乡镇综合考核结果");
    expect(reportTitle("zh-CN", { year: "2026" }, yearly)).toBe("2026年市直单位和县(市、区)年度绩效考评结果");
    expect(reportTitle("zh-CN", { year: "2026", district: "柳河区" }, { title: "2026年柳河区乡镇综合考核办法", report: {} })).toBe("柳河区2026年度乡镇综合考核结果");
    const html = reportHtml(buildReport(scored.rubric, scored.results, { lang: "zh-CN", cover: {}, date: DATE, tool: "t" }));
    expect(html).not.toContain("undefined");
    expect(html).toContain("<title>人口和计划生育目标管理责任制考核结果</title>");
    expect(html).toContain(">人口和计划生育领导小组办公室(盖章)<");
  });
});
