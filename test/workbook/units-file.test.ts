// `assess template --units`: the units lists offices really have, in the encodings Windows saves.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { message } from "../../src/messages/index.js";
import { formatLocation, renderLine } from "../../src/diagnostics/index.js";
import { loadRubric } from "../../src/rubric/load.js";
import { rubricFrom } from "../helpers/builders.js";
import { decodeUnitsFile, MAX_TEMPLATE_UNITS, parseUnitsFile, unitsFileProblem } from "../../src/workbook/units-file.js";

const FILE = "rubric/district-popplan-2022.1.yaml";
const rubric = loadRubric(FILE, readFileSync(FILE), "test").rubric!;
const parse = (text: string) => parseUnitsFile("units.csv", text, rubric);

describe("units file", () => {
  it("refuses more units than a template lists, and far more lines at once, unread (400,000 names ran out of memory)", () => {
    const names = (n: number): string => Array.from({ length: n }, (_, i) => `第${i + 1}镇`).join("\n");
    const just = parse(names(MAX_TEMPLATE_UNITS));
    expect([just.units.length, just.diagnostics]).toEqual([MAX_TEMPLATE_UNITS, []]);
    const over = parse(names(MAX_TEMPLATE_UNITS + 1));
    expect(over.units).toEqual([]);
    expect(over.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)} ${message("zh-CN", d.code, d.data)}`)).toEqual([`units.too-many units.csv:1:1 单位名单有 20001 个单位,一个模板最多列 20000 个:请按单位类型或地区分开,分别制作模板`]);
    const far = parse(names(MAX_TEMPLATE_UNITS * 2 + 1));
    expect(far.diagnostics.map((d) => d.code)).toEqual(["units.too-many-lines"]);
  });

  it("reads names with kinds, a header, blank lines, quotes and the separators people use", () => {
    const r = parse('单位,类型\n城关镇,镇\n\n"柳林镇",镇\n东湖街道;街道\n区公安分局，部门\n"区卫生,健康局"\t部门\n桃源镇\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.units).toEqual([
      { name: "城关镇", kind: "town" },
      { name: "柳林镇", kind: "town" },
      { name: "东湖街道", kind: "town" },
      { name: "区公安分局", kind: "department" },
      { name: "区卫生,健康局", kind: "department" },
      { name: "桃源镇", kind: "town" },
    ]);
  });

  it("leaves out a heading line over part of the list (一、镇, （二）部门:), said at its line; a unit named like one stays", () => {
    const r = parse("一、镇\n城关镇\n（二）部门:\n区公安分局,部门\n二、三产业办公室,部门\n");
    expect(r.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.heading-kind units.csv:1:1", "units.heading-kind units.csv:3:1"]);
    expect(r.units.map((u) => u.name)).toEqual(["城关镇", "区公安分局", "二、三产业办公室"]);
  });

  it("lists an office named in full (卫生健康委员会, 人民防空办公室) by its kind's short label (委, 办), unsaid: fifty of a city's departments were each said to be a guess", () => {
    const comprehensive = loadRubric("rubric/township-comprehensive-2026.1.yaml", readFileSync("rubric/township-comprehensive-2026.1.yaml"), "test").rubric!;
    const r = parseUnitsFile("units.csv", "柳河镇\n市卫生健康委员会\n市人民防空办公室\n", comprehensive);
    expect(r.units.map((u) => [u.name, u.kind])).toEqual([
      ["柳河镇", "town"],
      ["市卫生健康委员会", "department"],
      ["市人民防空办公室", "department"],
    ]);
    expect(r.diagnostics.map((d) => d.code)).toEqual([]);
    // A village's or residents' committee, a town's office, the long form alone or nearly: asked about, as before.
    const asked = parseUnitsFile("units.csv", "村民委员会\n城南街道居民委员会\n柳河镇人民政府办公室\n区委员会\n办公室\n", comprehensive);
    expect(asked.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.csv:1:1", "units.csv:2:1", "units.csv:3:1", "units.csv:4:1", "units.csv:5:1"].map((at) => expect.stringMatching(new RegExp(`^units\\.[a-z-]+ ${at}$`))));
  });

  it("takes a kind scored on one sheet by that sheet's name in the type column (区属国企, as the template heads it, was refused where 区直部门 was taken)", () => {
    const comprehensive = loadRubric("rubric/township-comprehensive-2026.1.yaml", readFileSync("rubric/township-comprehensive-2026.1.yaml"), "test").rubric!;
    const r = parseUnitsFile("units.csv", "序号,单位名称,类型\n1,柳河镇,乡镇\n2,区城投集团,区属国企\n3,区财政局,区直部门\n", comprehensive);
    expect(r.diagnostics).toEqual([]);
    expect(r.units.map((u) => [u.name, u.kind])).toEqual([
      ["柳河镇", "town"],
      ["区城投集团", "enterprise"],
      ["区财政局", "department"],
    ]);
    // A county's or a city's word for a kind in the 类型 column (县直部门, 市属国有企业), as under a heading:
    // that kind (each of a county's 200 lines was an unknown kind).
    const county = parseUnitsFile("units.csv", "单位名称,类型\n城关镇,镇\n县普法站,县直部门\n县水务有限公司,县属国有企业\n", comprehensive);
    expect(county.diagnostics).toEqual([]);
    expect(county.units.map((u) => [u.name, u.kind])).toEqual([
      ["城关镇", "town"],
      ["县普法站", "department"],
      ["县水务有限公司", "enterprise"],
    ]);
    // A heading counted as lists count them (（共3个）) is no town (it was listed as one, unsaid).
    const counted = parseUnitsFile("units.csv", "一、乡镇（共1个）\n城关镇\n二、区直部门 1个\n区财政局\n", comprehensive);
    expect(counted.units.map((u) => [u.name, u.kind])).toEqual([
      ["城关镇", "town"],
      ["区财政局", "department"],
    ]);
    expect(counted.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.heading-kind units.csv:1:1", "units.heading-kind units.csv:3:1"]);
    // Counted as Word and Excel lists count (no space, after a colon, in Chinese numerals, 共计…个单位,
    // a bare number in brackets), or a class by its own words (政法口, 教育系统): headings, no units.
    const more = parseUnitsFile("units.csv", "一、乡镇：共1个\n城关镇\n二、区直部门2个\n区财政局\n三、区直部门（共计2个单位）\n区民政局\n四、区直部门二个\n区教育局\n五、国有企业(1)\n区城投集团\n六、政法口\n区司法局\n教育系统\n区第一中学,部门\n流动人口服务站,部门\n县教育系统工会,部门\n", comprehensive);
    expect(more.units.map((u) => u.name)).toEqual(["城关镇", "区财政局", "区民政局", "区教育局", "区城投集团", "区司法局", "区第一中学", "流动人口服务站", "县教育系统工会"]);
    expect(more.diagnostics.filter((d) => d.code.startsWith("units.heading")).map((d) => formatLocation(d.location!))).toEqual(["units.csv:1:1", "units.csv:3:1", "units.csv:5:1", "units.csv:7:1", "units.csv:9:1", "units.csv:11:1", "units.csv:13:1"]);
    expect(more.units.slice(0, 5).map((u) => u.kind)).toEqual(["town", "department", "department", "department", "enterprise"]);
    // A kind of several sheets is not named by one of them: 经济发展 is a town's line, not a kind.
    expect(parseUnitsFile("units.csv", "序号,单位名称,类型\n1,柳河镇,经济发展\n", comprehensive).diagnostics.map((d) => d.code)).toEqual(["units.unknown-kind"]);
  });

  it("gives the units under a heading of a city's or a county's level and a kind's word (市直部门, 县属国有企业) that kind (a city's 市直部门 gave none: 16 offices went to the towns)", () => {
    const comprehensive = loadRubric("rubric/township-comprehensive-2026.1.yaml", readFileSync("rubric/township-comprehensive-2026.1.yaml"), "test").rubric!;
    const r = parseUnitsFile("units.csv", "单位名称\n一、乡镇(街道)\n柳河镇\n二、市直部门\n市妇联\n市科协\n三、市属国有企业\n市城投集团\n四、县级部门\n县老年大学\n", comprehensive);
    expect(r.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.heading-kind units.csv:2:1", "units.heading-kind units.csv:4:1", "units.heading-kind units.csv:7:1", "units.heading-kind units.csv:9:1"]);
    expect(r.units.map((u) => [u.name, u.kind])).toEqual([
      ["柳河镇", "town"],
      ["市妇联", "department"],
      ["市科协", "department"],
      ["市城投集团", "enterprise"],
      ["县老年大学", "department"],
    ]);
  });

  it("leaves out a kind's or a group's word alone on its line (乡镇, 区直部门, 乡镇组 were listed as units)", () => {
    const r = parse("镇\n城关镇\n部门\n区公安分局\n");
    // (The units under a heading naming a kind are of it: 区公安分局 under 部门, no kind guessed by its name.)
    expect(r.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.heading-kind units.csv:1:1", "units.heading-kind units.csv:3:1"]);
    expect(r.units.map((u) => [u.name, u.kind])).toEqual([["城关镇", "town"], ["区公安分局", "department"]]);
    // The words lists use, whatever the rubric labels its kinds (镇 and 部门 here): 乡镇, 区直部门.
    const words = parse("单位名称\n乡镇\n城关镇\n区直部门\n区公安分局\n");
    // (区直部门: a kind's word, 部门, after the district's level: that kind for the units under it.)
    expect(words.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.heading units.csv:2:1", "units.heading-kind units.csv:4:1"]);
    expect(words.units.map((u) => u.name)).toEqual(["城关镇", "区公安分局"]);
    // A group's name: 乡镇组 over its towns.
    const C = "rubric/township-comprehensive-2026.1.yaml";
    const grouped = parseUnitsFile("units.csv", "单位,类型,分组\n乡镇组\n柳河镇,乡镇,乡镇组\n", loadRubric(C, readFileSync(C), "test").rubric!);
    expect(grouped.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.heading-kind units.csv:2:1"]);
    expect(grouped.units.map((u) => u.name)).toEqual(["柳河镇"]);
  });

  it("lists a kind's label that may be a unit's whole name (办公室) as a unit of that kind, said at its line; a kind's word stays a heading", () => {
    const C = "rubric/township-comprehensive-2026.1.yaml";
    const text = readFileSync(C, "utf8").replace("labels: [部门, 区直部门, 局, 委, 办]", "labels: [部门, 区直部门, 局, 委, 办, 办公室, 直部门]");
    const own = loadRubric(C, Buffer.from(text), "test").rubric!;
    const r = parseUnitsFile("units.csv", "柳河镇\n办公室\n直部门\n局\n区财政局\n", own);
    expect(r.units.map((u) => [u.name, u.kind])).toEqual([["柳河镇", "town"], ["办公室", "department"], ["区财政局", "department"]]);
    // 直部门 is part of the kind's name (区直部门), 局 a word of one character: headings.
    expect(r.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.label-as-unit units.csv:2:1", "units.heading-kind units.csv:3:1", "units.heading-kind units.csv:4:1"]);
    // 办公室 over 人事股 and 安全办公室 (the next name not ending with it): a unit still.
    const office = parseUnitsFile("units.csv", "办公室\n人事股\n安全办公室\n", own);
    expect(office.units.map((u) => u.name)).toEqual(["办公室", "人事股", "安全办公室"]);
    // A label over names ending in it heads them (幼儿园 over 县第一幼儿园): left out, as a heading.
    const headed = parseUnitsFile("units.csv", "办公室\n县第一办公室\n区财政局\n", own);
    expect(headed.units.map((u) => u.name)).toEqual(["县第一办公室", "区财政局"]);
    expect(headed.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.heading-kind units.csv:1:1"]);
    expect(message("zh-CN", "units.label-as-unit", r.diagnostics[0]!.data)).toBe("“办公室” 是方案中区直部门的类型词,也像单位名称:已作为区直部门列入模板;如它是分类标题,请删去此行");
  });

  it("gives the units under a heading naming a kind or a group that kind, where nothing else says it ((二)县直学校 over units listed as the first kind)", () => {
    const C = "rubric/township-comprehensive-2026.1.yaml";
    const comp = loadRubric(C, readFileSync(C), "test").rubric!;
    const r = parseUnitsFile("units.csv", "序号,单位名称,类型,分组,备注\n一、街道组,,,,\n1,文昌路,,,\n（二）区直部门:,,,,\n2,区政务服务,,,\n3,城关镇,,,\n三、其他,,,,\n4,城北新区,,,\n", comp);
    // 文昌路 in 街道组 by its heading; 区政务服务 of the departments; 城关镇 by its own name still; 城北新区 after a heading naming nothing: guessed, and said.
    expect(r.units.map((u) => [u.name, u.kind, u.group ?? ""])).toEqual([["文昌路", "town", "urban"], ["区政务服务", "department", ""], ["城关镇", "town", "rural"], ["城北新区", "town", ""]]);
    expect(r.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.heading-kind units.csv:2:1", "units.heading-kind units.csv:4:1", "units.kind-not-heading units.csv:6:3", "units.heading units.csv:7:1", "units.kind-guessed-group-cell units.csv:8:1"]);
    // 城关镇 under （二）区直部门: by its own name, and said (the heading's line had said otherwise).
    expect(message("zh-CN", "units.kind-not-heading", r.diagnostics[2]!.data)).toBe("“城关镇” 在标题 “（二）区直部门:” 下,但按名称是乡镇组:已列为乡镇组;如不是,请在名称后写上类型");
    // A heading naming two kinds (二、区直部门、国有企业; 中心学校和县直学校) is a heading, no unit.
    const two = parseUnitsFile("units.csv", "二、区直部门、国有企业\n区财政局\n三、部门和国企\n区城投集团\n", comp);
    expect(two.units.map((u) => u.name)).toEqual(["区财政局", "区城投集团"]);
    expect(two.diagnostics.filter((d) => d.code === "units.heading").map((d) => formatLocation(d.location!))).toEqual(["units.csv:1:1", "units.csv:3:1"]);
  });

  it("takes no kind from a heading that names none whole, nor past the list's heading again, nor over a name like another kind's (each was a kind given unsaid)", () => {
    const C = "rubric/township-comprehensive-2026.1.yaml";
    const comp = loadRubric(C, readFileSync(C), "test").rubric!;
    const kinds = (text: string) => parseUnitsFile("units.csv", text, comp);
    // 部门和国企 names two kinds: its units by their own names, each said.
    const two = kinds("单位名称,类型\n二、部门和国企\n区档案馆\n区城投集团\n");
    expect(two.units.map((u) => [u.name, u.kind])).toEqual([["区档案馆", "department"], ["区城投集团", "enterprise"]]);
    expect(two.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.heading units.csv:2:1", "units.kind-by-name-cell units.csv:3:1", "units.kind-by-name-cell units.csv:4:1"]);
    // A second list pasted under the first: 二、部门 reaches no further than its heading again.
    const pasted = kinds("序号,单位名称,类型,分组,备注\n二、部门,,,,\n3,区教育局,,,\n序号,单位名称,类型,分组,备注\n1,区城投集团,,,\n");
    expect(pasted.units.map((u) => [u.name, u.kind])).toEqual([["区教育局", "department"], ["区城投集团", "enterprise"]]);
    expect(pasted.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.heading-kind units.csv:2:1", "units.repeated-heading units.csv:4:4", "units.kind-by-name-cell units.csv:5:1"]);
    // Under 街道组:, an office's and a company's names keep their own kinds, said with the heading.
    const under = kinds("单位名称\n街道组:\n东城街道\n\n区人武部\n区城投集团\n");
    expect(under.units.map((u) => [u.name, u.kind, u.group ?? ""])).toEqual([["东城街道", "town", "urban"], ["区人武部", "department", ""], ["区城投集团", "enterprise", ""]]);
    expect(under.diagnostics.map((d) => d.code)).toEqual(["units.heading-kind", "units.kind-not-heading", "units.kind-not-heading"]);
    // Under a heading of enterprises, an office's name keeps its kind, said naming the heading (an
    // unrecognised heading after it, 四、事业单位及其他, must not make its offices enterprises unsaid).
    const offices = kinds("单位名称\n三、区属国有企业\n区国有资产运营中心\n");
    expect(offices.units.map((u) => [u.name, u.kind])).toEqual([["区国有资产运营中心", "department"]]);
    expect(offices.diagnostics.map((d) => d.code)).toEqual(["units.heading-kind", "units.kind-not-heading"]);
    expect(message("zh-CN", "units.heading-kind", under.diagnostics[0]!.data)).toBe("“街道组:” 是分类标题,不是单位,未列入模板;其下未写类型的单位按街道组列入");
  });

  it("leaves out the list's heading where it comes again (two sheets' lists one under the other), said at its line", () => {
    const r = parse("单位名称,类型\n城关镇,镇\n东湖街道,街道\n单位名称,类型\n区公安分局,部门\n名称,类型\n区财政局,部门\n");
    expect(r.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.repeated-heading units.csv:4:1", "units.repeated-heading units.csv:6:1"]);
    expect(r.units.map((u) => u.name)).toEqual(["城关镇", "东湖街道", "区公安分局", "区财政局"]);
  });

  it("reads the lines under a heading that comes again with its columns in another order by that heading (类型 was a unit of the kind 单位名称)", () => {
    const r = parse("单位名称,类型\n城关镇,镇\n东湖街道,街道\n序号,类型,单位名称\n1,部门,区公安分局\n2,部门,区财政局\n");
    expect(r.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.repeated-heading units.csv:4:7"]);
    expect(r.units).toEqual([
      { name: "城关镇", kind: "town" },
      { name: "东湖街道", kind: "town" },
      { name: "区公安分局", kind: "department" },
      { name: "区财政局", kind: "department" },
    ]);
  });

  it("leaves out a summary line copied with the list (合计, 乡镇小计 with its count), said at its line", () => {
    const r = parse("城关镇,镇\n乡镇小计,2\n区公安分局,部门\n合计\n");
    expect(r.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.summary units.csv:2:1", "units.summary units.csv:4:1"]);
    expect(r.units.map((u) => u.name)).toEqual(["城关镇", "区公安分局"]);
  });

  describe("as lists kept in Word and Excel begin and end", () => {
    const C = "rubric/township-comprehensive-2026.1.yaml";
    const comprehensive = loadRubric(C, readFileSync(C), "test").rubric!;
    const read = (text: string) => parseUnitsFile("units.csv", text, comprehensive);
    const said = (r: ReturnType<typeof read>): string[] => r.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`);

    it("leaves out the lines above the list's heading (附件1, its title), said at each (both were listed as towns, and the heading said to come again)", () => {
      const r = read("附件1\n\n2026年度乡镇(街道)和区直部门综合考核单位名单\n序号\t单位名称\t类别\n1\t柳河镇\t乡镇\n2\t区财政局\t区直部门\n");
      expect(said(r)).toEqual(["units.preamble units.csv:1:1", "units.preamble units.csv:3:1"]);
      expect(r.units.map((u) => u.name)).toEqual(["柳河镇", "区财政局"]);
      // Units above a heading that comes again (a list without one, another list under it): kept,
      // whatever their names end with (区科协, 区残联: no title's words, a reviewer's find).
      const two = read("柳河镇\n石桥镇\n单位名称,类型\n区财政局,部门\n");
      expect(two.units.map((u) => u.name)).toEqual(["柳河镇", "石桥镇", "区财政局"]);
      expect(said(two)).toEqual(["units.repeated-heading units.csv:3:1"]);
      expect(read("区科协\n区残联\n单位名称,类型\n城关镇,镇\n").units.map((u) => u.name)).toEqual(["区科协", "区残联", "城关镇"]);
      // A date, the district's name, who filled it: titles too (a reviewer's find: one such line made every line above a unit).
      const dated = read("附件2\n2026-03-01\n柳河区\n填报单位:区卫健局\n序号,单位名称,类型\n1,柳河镇,乡镇\n");
      expect(said(dated)).toEqual(["units.preamble units.csv:1:1", "units.preamble units.csv:2:1", "units.preamble units.csv:3:1", "units.preamble units.csv:4:1"]);
      expect(dated.units.map((u) => u.name)).toEqual(["柳河镇"]);
    });

    it("leaves out 合计 in the 序号 column with a count beside it (合计,,22个 was a blank name, an error)", () => {
      const r = read("序号,单位名称,类别\n1,柳河镇,乡镇\n合计,,1个\n");
      expect(said(r)).toEqual(["units.summary units.csv:3:1"]);
      expect(r.units.map((u) => u.name)).toEqual(["柳河镇"]);
    });

    it("says a name a column out of place, in the 序号 column, at it (each line was a heading or dropped unsaid, and a list of no units written)", () => {
      const kinds = read("序号,单位名称,类别\n柳河镇,乡镇\n区财政局,区直部门\n");
      expect(said(kinds)).toEqual(["units.name-before-column units.csv:2:1", "units.name-before-column units.csv:3:1"]);
      expect(message("zh-CN", kinds.diagnostics[0]!.code, kinds.diagnostics[0]!.data)).toBe("“柳河镇” 不在 “单位名称” 列,而在它前面的列(如序号列):这一行错了一列,未列入模板;请把单位名称移到 “单位名称” 列,类型移到其后");
      expect(said(read("序号,单位名称\n柳河镇\n石桥镇\n"))).toEqual(["units.name-before-column units.csv:2:1", "units.name-before-column units.csv:3:1"]);
      // A note there, no unit's name (制表人:张三, a region's line): left out with a warning (a reviewer's
      // find: they were errors), as a name like none (石桥) is, not unsaid; a numbering alone (1-3) unsaid.
      const notes = read("序号,单位名称,类别\n东片区,,\n1,柳河镇,乡镇\n1-3,,\n制表人:张三,,\n石桥,,\n");
      expect(said(notes)).toEqual(["units.left-out units.csv:2:1", "units.footer units.csv:5:1", "units.left-out units.csv:6:1"]);
      expect(notes.units.map((u) => u.name)).toEqual(["柳河镇"]);
      // Headings alone: no template of no units.
      expect(said(read("一、乡镇\n二、街道\n"))).toContain("units.none-read-unheaded units.csv:1:1");
    });

    it("closes up a name spaced out to line up in a table (柳　河　镇 was listed so, and explain 柳河镇 found no unit), said at its line", () => {
      const r = read("柳　河　镇,乡镇\n区 财 政 局,区直部门\n");
      expect(r.units.map((u) => u.name)).toEqual(["柳河镇", "区财政局"]);
      expect(said(r)).toEqual(["units.name-spaced units.csv:1:1", "units.name-spaced units.csv:2:1"]);
    });

    it("lists units numbered as Word numbers a list (1.城关镇, 2、白沙镇, （3）东湖街道 were taken for headings and dropped), by name, said once; a heading's Chinese numbering stays", () => {
      const r = parseUnitsFile("units.csv", "一、镇（街道）\n1.城关镇\n2、白沙镇\n（3）东湖街道\n二、部门\n1.区卫健局\n", rubric);
      expect(r.units.map((u) => [u.name, u.kind])).toEqual([["城关镇", "town"], ["白沙镇", "town"], ["东湖街道", "town"], ["区卫健局", "department"]]);
      expect(r.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.heading-kind units.csv:1:1", "units.heading-kind units.csv:5:1", "units.numbering-removed units.csv:2:1"]);
      expect(message("zh-CN", "units.numbering-removed", r.diagnostics[2]!.data)).toBe("名单中 4 个单位名称前的编号(如 “1.城关镇”)已去掉,按名称列入模板");
    });

    it("leaves out a summary with its count in the same cell (合计:2个, 共计2个单位 were listed as towns) and a note or a signature line under the list (联系电话:1234567 was a town)", () => {
      const r = parse("序号\t单位名称\t类别\n1\t城关镇\t镇\n合计：1个\n以上共1个单位\n注：区法院不参加排名。\n制表人：张三\t\t审核人：李四\n制表人：王丽\t联系电话：1234567\n");
      expect(r.units.map((u) => u.name)).toEqual(["城关镇"]);
      expect(r.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.summary units.csv:3:1", "units.summary units.csv:4:1", "units.footer units.csv:5:1", "units.footer units.csv:6:1", "units.footer units.csv:7:1"]);
    });

    it("leaves out the title over a list without a heading (县教育局…考核单位名单 was listed as a school), and lists a company among the offices where the rubric has no kind of companies (区城投集团有限公司 was a town)", () => {
      const r = parse("2026年度人口计生目标考核单位名单\n城关镇\n区城投集团有限公司\n");
      expect(r.units.map((u) => [u.name, u.kind])).toEqual([["城关镇", "town"], ["区城投集团有限公司", "department"]]);
      expect(r.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.preamble units.csv:1:1", "units.kind-by-name units.csv:3:1"]);
    });

    it("keeps headings numbered in Arabic digits headings where no numbered run of units goes through them (1、农村乡镇 and 2、各街道 were listed as units)", () => {
      const r = read("1、农村乡镇\n城关镇\n2、城区街道\n东湖街道\n3、区直各部门\n区财政局\n");
      expect(r.units.map((u) => u.name)).toEqual(["城关镇", "东湖街道", "区财政局"]);
      // Nor does a note under a heading end its kind (注:含垂直管理单位 made the next units towns), nor is a name ending 领导 or (联系人) a signature line.
      const noted = read("二、区直部门\n注:含垂直管理单位\n区税务\n驻区领导\n区委（联系人）\n");
      expect(noted.units.map((u) => [u.name, u.kind])).toEqual([["区税务", "department"], ["驻区领导", "department"], ["区委（联系人）", "department"]]);
      // A company under a heading of towns, where the rubric has no kind of companies: the heading's.
      expect(parse("一、镇、街道\n城关镇\n红旗农场有限公司\n").units.map((u) => [u.name, u.kind])).toEqual([["城关镇", "town"], ["红旗农场有限公司", "town"]]);
      // A company's word in a note after the name: a company.
      expect(read("区水务（集团）\n").units.map((u) => u.kind)).toEqual(["enterprise"]);
      // 高新区 above a list's heading: a unit, not the district's name.
      expect(read("高新区\n单位名称,类型\n城关镇,镇\n").units.map((u) => u.name)).toEqual(["高新区", "城关镇"]);
    });

    it("reads a name's kind past a note in brackets after it (区发改委（区粮食局） and 城南街道(筹) were towns with no group)", () => {
      const r = read("区住房和城乡建设局（区人防办）\n区发改委(区粮食局)\n城南街道(筹)\n柳河镇（含工业园区）\n");
      expect(r.units.map((u) => [u.name, u.kind, u.group ?? ""])).toEqual([
        ["区住房和城乡建设局（区人防办）", "department", ""],
        ["区发改委(区粮食局)", "department", ""],
        ["城南街道(筹)", "town", "urban"],
        ["柳河镇（含工业园区）", "town", "rural"],
      ]);
    });

    it("lists a street or a town by its official name as one (城南街道办事处 was a department, by its 处)", () => {
      const r = read("城南街道办事处\n柳河镇人民政府\n区财政局\n");
      expect(r.units).toEqual([
        { name: "城南街道办事处", kind: "town", group: "urban" },
        { name: "柳河镇人民政府", kind: "town", group: "rural" },
        { name: "区财政局", kind: "department" },
      ]);
    });

    it("reads a heading naming a kind the rubric writes with full-width brackets (区直部门（单位）: its units were listed as the first kind)", () => {
      const own = rubricFrom(readFileSync(C, "utf8").replace("name: 区直部门\n", "name: 区直部门（单位）\n"));
      expect(own.unitKinds.some((k) => k.name === "区直部门（单位）")).toBe(true);
      const r = parseUnitsFile("units.csv", "一、乡镇\n柳河镇\n二、区直部门（单位）\n区科协\n", own);
      expect(r.units.map((u) => [u.name, u.kind])).toEqual([["柳河镇", "town"], ["区科协", "department"]]);
    });

    it("reads a heading's kind in Word's full-width brackets (一、乡镇（街道） was a unit on the first line, and gave no kind below the heading)", () => {
      const r = read("一、乡镇（街道）\n柳河镇\n二、区直部门\n区财政局\n");
      expect(said(r)).toEqual(["units.heading-kind units.csv:1:1", "units.heading-kind units.csv:3:1"]);
      expect(r.units.map((u) => [u.name, u.kind])).toEqual([["柳河镇", "town"], ["区财政局", "department"]]);
    });
  });

  it("places a unit named among a group's labels in that group (城关镇 among 街道组's), over its ending", () => {
    const C = "rubric/township-comprehensive-2026.1.yaml";
    const r = loadRubric(C, Buffer.from(readFileSync(C, "utf8").replace("        labels: [街道]\n", "        labels: [街道, 城关镇]\n")), "test").rubric!;
    expect(parseUnitsFile("units.csv", "城关镇\n柳林镇\n", r).units).toEqual([
      { name: "城关镇", kind: "town", group: "urban" },
      { name: "柳林镇", kind: "town", group: "rural" },
    ]);
  });

  it("decodes UTF-8 with a BOM, UTF-16 and GBK (Excel's CSV on Chinese Windows)", () => {
    const text = "城关镇,镇\n区公安分局,部门\n";
    const gbk = Buffer.from([0xb3, 0xc7, 0xb9, 0xd8, 0xd5, 0xf2, 0x2c, 0xd5, 0xf2, 0x0a]); // 城关镇,镇
    expect(decodeUnitsFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
    expect(decodeUnitsFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]))).toBe(text);
    expect(decodeUnitsFile(gbk)).toBe("城关镇,镇\n");
  });

  it("takes a name alone's kind and group from its ending, and says where it cannot", () => {
    const C = "rubric/township-comprehensive-2026.1.yaml";
    const comprehensive = loadRubric(C, readFileSync(C), "test").rubric!;
    // 街道办 and 社区 are 街道组's labels alone: a longer ending than 办 (a department's).
    const withOffice = loadRubric(C, Buffer.from(readFileSync(C, "utf8").replace("        labels: [街道]\n", "        labels: [街道, 街道办, 社区]\n")), "test").rubric!;
    expect(parseUnitsFile("units.csv", "东城街道办\n光明社区\n区政府办\n", withOffice).units).toEqual([
      { name: "东城街道办", kind: "town", group: "urban" },
      { name: "光明社区", kind: "town", group: "urban" },
      { name: "区政府办", kind: "department" },
    ]);
    const r = parseUnitsFile("units.csv", "单位\n区教育局\n城关镇\n东湖街道\n区城投集团\n区人武部\n", comprehensive);
    expect(r.units).toEqual([
      { name: "区教育局", kind: "department" },
      { name: "城关镇", kind: "town", group: "rural" },
      { name: "东湖街道", kind: "town", group: "urban" },
      // 集团 is no label, but a company's word: listed as an enterprise (it was listed as a town,
      // then said to be unknown, with 企业 as the kind to write), and said.
      // (Guessed: the template's list records no kind for either.)
      { name: "区城投集团", kind: "enterprise", guessed: true },
      // No label ends it, but an office's name does (部): listed as a department (it was listed as a
      // town, the first kind), and said.
      { name: "区人武部", kind: "department", guessed: true },
    ]);
    expect(r.diagnostics.map((d) => `${d.severity} ${d.code} ${formatLocation(d.location!)}`)).toEqual(["warning units.kind-by-name units.csv:5:1", "warning units.kind-by-name units.csv:6:1"]);
    // The kind to write if not, by example: an office's for a name listed as a company's, a company's for an office's.
    expect(r.diagnostics.map((d) => d.data.example)).toEqual(["部门", "企业"]);
    expect(renderLine(r.diagnostics[0]!, "zh-CN")).toContain("单位 “区城投集团” 未写类型,按名称列为区属国有企业;如不是,请在名称后写上类型,如 “区城投集团,部门”");
    // Likewise a holding company, a bank, a 交投 (交通投资).
    const companies = parseUnitsFile("units.csv", "单位\n区国投控股\n区农商银行\n区交投\n", comprehensive);
    expect(companies.units.map((u) => u.kind)).toEqual(["enterprise", "enterprise", "enterprise"]);
    expect(companies.diagnostics.map((d) => d.code)).toEqual(["units.kind-by-name", "units.kind-by-name", "units.kind-by-name"]);
    // An office whose name holds a company's word (投资, 企业) is an office by its ending (中心): a
    // department, not a company (区投资促进中心 was listed as an enterprise).
    const offices = parseUnitsFile("units.csv", "单位\n区投资促进中心\n区企业服务中心\n区国有资产管理局\n", comprehensive);
    expect(offices.units.map((u) => u.kind)).toEqual(["department", "department", "department"]);
    expect(renderLine(offices.diagnostics[0]!, "zh-CN")).toContain("单位 “区投资促进中心” 未写类型,按名称列为区直部门;如不是,请在名称后写上类型,如 “区投资促进中心,企业”");
  });

  it("places a unit of one kind ranked in groups by its name's ending, and says where nothing gives its group", () => {
    const oneKindText = `id: one
version: "1"
effective: "2026-01-01"
title: 一类单位
unit_kinds:
  - id: dept
    name: 县直部门
    labels: [部门]
    scale: 10
    lines: [K]
    groups:
      - { id: general, name: 综合部门组, labels: [办公室] }
      - { id: economic, name: 经济部门组, labels: [发展和改革局] }
indicators: []
targets: []
lines:
  - { code: K, name: 考核, max: 10, items: [{ code: K1, name: 工作, max: 10 }] }
ledger:
  statuses: { counted: [已认定], pending: [], rejected: [] }
  flag_words: { yes: [是], no: [否] }
  codes: []
rankings:
  - { id: all, name: 综合排名, unit_kind: dept, by: total }
`;
    const oneKind = rubricFrom(oneKindText);
    const r = parseUnitsFile("units.csv", "县委办公室\n县城管执法大队\n县财政局,经济部门组\n县审计局,部门\n", oneKind);
    expect(r.units).toEqual([
      { name: "县委办公室", kind: "dept", group: "general" },
      { name: "县城管执法大队", kind: "dept" },
      { name: "县财政局", kind: "dept", group: "economic" },
      { name: "县审计局", kind: "dept" },
    ]);
    expect(r.diagnostics.map((d) => `${d.severity} ${d.code} ${formatLocation(d.location!)}`)).toEqual(["warning units.group-unknown units.csv:2:1", "warning units.group-unknown units.csv:4:1"]);
    expect(renderLine(r.diagnostics[0]!, "zh-CN")).toContain("“县城管执法大队,综合部门组”");
    // A list with a group column left blank: that column is what to fill (a group typed after the name shifts the others).
    const headed = parseUnitsFile("units.csv", "序号,单位名称,所属组,备注\n1,县城管执法大队,,\n", oneKind);
    expect(headed.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.group-unknown-column units.csv:2:1"]);
    expect(renderLine(headed.diagnostics[0]!, "zh-CN")).toContain("请在名单的 “所属组” 列填上分组");
    // A list with a 类型 column left blank for a unit: that column is what to fill (writing the kind after the name shifts the columns).
    const comprehensive = loadRubric("rubric/township-comprehensive-2026.1.yaml", readFileSync("rubric/township-comprehensive-2026.1.yaml"), "test").rubric!;
    const typed = parseUnitsFile("units.csv", "序号,单位名称,类型,备注\n1,县政务服务中心,,\n2,清水镇,乡镇,\n", comprehensive);
    expect(typed.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.kind-by-name-cell units.csv:2:1"]);
    expect(renderLine(typed.diagnostics[0]!, "zh-CN")).toContain("的 “类型” 一栏是空的,按名称列为区直部门;如不是,请在这一栏填写类型,如 “企业”");
    // Under a heading naming a group (二、经济部门组), the units whose names say none are of it
    // (a rubric of one kind took no group from the heading: every unit's 分组 was left blank);
    // a name saying another group keeps its own, said with the heading.
    const sections = parseUnitsFile("units.csv", "附件1\n一、综合部门组\n1.县城管执法大队\n二、经济部门组\n1.县审计局\n2.县委办公室\n", oneKind);
    expect(sections.units).toEqual([
      { name: "县城管执法大队", kind: "dept", group: "general" },
      { name: "县审计局", kind: "dept", group: "economic" },
      { name: "县委办公室", kind: "dept", group: "general" },
    ]);
    expect(sections.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual([
      "units.preamble units.csv:1:1",
      "units.heading-kind units.csv:2:1",
      "units.heading-kind units.csv:4:1",
      "units.group-not-heading units.csv:6:3",
      "units.numbering-removed units.csv:3:1",
    ]);
    expect(renderLine(sections.diagnostics[3]!, "zh-CN")).toContain("“县委办公室” 在标题 “二、经济部门组” 下,但按名称属综合部门组:已列入综合部门组;如不是,请在名称后写上分组");
    // Headings as lists write them: counted (（共3个）, 2个 after a space), after the level (县直综合部门组),
    // before a class's word (经济部门组类): headings, their units of the group (each was listed as a unit, or gave none).
    const written = parseUnitsFile("units.csv", "一、综合部门组（共1个）\n县城管执法大队\n二、经济部门组 1个\n县审计局\n三、县直综合部门组\n县档案馆\n四、经济部门组类\n县统计局\n", oneKind);
    expect(written.units).toEqual([
      { name: "县城管执法大队", kind: "dept", group: "general" },
      { name: "县审计局", kind: "dept", group: "economic" },
      { name: "县档案馆", kind: "dept", group: "general" },
      { name: "县统计局", kind: "dept", group: "economic" },
    ]);
    expect(written.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.heading-kind units.csv:1:1", "units.heading-kind units.csv:3:1", "units.heading-kind units.csv:5:1", "units.heading-kind units.csv:7:1"]);
    // Beside a kind of towns, an office's name (县总工会, 县档案馆) is of the offices ranked in groups, not the first kind.
    const twoKinds = rubricFrom(
      oneKindText
        .replace("unit_kinds:\n", "unit_kinds:\n  - { id: town, name: 乡镇, labels: [镇, 乡], scale: 10, lines: [T] }\n")
        .replace("lines:\n  - { code: K,", "lines:\n  - { code: T, name: 乡镇工作, max: 10, items: [{ code: T1, name: 工作, max: 10 }] }\n  - { code: K,")
        .replace("rankings:\n", "rankings:\n  - { id: towns, name: 乡镇排名, unit_kind: town, by: total }\n"),
    );
    expect(parseUnitsFile("units.csv", "城关镇\n县总工会\n县档案馆\n", twoKinds).units).toEqual([
      { name: "城关镇", kind: "town" },
      { name: "县总工会", kind: "dept", guessed: true },
      { name: "县档案馆", kind: "dept", guessed: true },
    ]);
    // The kind given, its group is still the one its name's ending says.
    expect(parseUnitsFile("units.csv", "县委办公室,部门\n县发展和改革局,县直部门\n", oneKind)).toEqual({
      units: [
        { name: "县委办公室", kind: "dept", group: "general" },
        { name: "县发展和改革局", kind: "dept", group: "economic" },
      ],
      diagnostics: [],
    });
  });

  it("reads a list kept in Excel with a 序号 column, by its headings", () => {
    // 区公安分局 alone: no label of the district scheme ends it, but an office's name does (局): a
    // department (with a warning).
    expect(parse("序号,单位名称\n1,城关镇\n2,区公安分局\n").units).toEqual([
      { name: "城关镇", kind: "town" },
      { name: "区公安分局", kind: "department", guessed: true },
    ]);
    expect(parse("序号,单位名称,类型\n1,城关镇,镇\n2,区公安分局,部门\n").units).toEqual([
      { name: "城关镇", kind: "town" },
      { name: "区公安分局", kind: "department" },
    ]);
    // The heading alone, as before: the name first, its kind after it.
    expect(parse("单位\n城关镇,镇\n区公安分局,部门\n").units.map((u) => u.kind)).toEqual(["town", "department"]);
    // 单位,类型 where a kind is labeled 单位 (as the README suggests for offices): a heading all the
    // same, its 类型 no kind's label (it was a unit named 单位 of the kind 类型, an error).
    const labeled = loadRubric(FILE, new TextEncoder().encode(readFileSync(FILE, "utf8").replace("labels: [部门", "labels: [单位, 部门")), "test").rubric!;
    const r = parseUnitsFile("units.csv", "单位,类型\n城关镇,镇\n区公安分局,单位\n", labeled);
    expect(r.diagnostics).toEqual([]);
    expect(r.units).toEqual([
      { name: "城关镇", kind: "town" },
      { name: "区公安分局", kind: "department" },
    ]);
    // 单位 alone too (it was a unit named 单位), and beside other columns' headings (序号, 备注, 联系人).
    expect(parseUnitsFile("units.csv", "单位\n城关镇,镇\n区公安分局,部门\n", labeled).units.map((u) => u.name)).toEqual(["城关镇", "区公安分局"]);
    for (const list of ["序号,单位\n1,城关镇\n2,区公安分局\n", "单位,备注\n城关镇,\n区公安分局,\n", "单位,联系人\n城关镇,张三\n区公安分局,李四\n"]) expect(parseUnitsFile("units.csv", list, labeled).units.map((u) => u.name), list).toEqual(["城关镇", "区公安分局"]);
    // But a unit and its kind on the first line (区统计局,单位) is no heading: its kind said unknown where no kind is labeled 单位 (its name was lost, 镇 and 街道 made units).
    const first = parse("区统计局,单位\n城关镇,镇\n");
    expect(first.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.unknown-kind units.csv:1:6"]);
    // A code's column headed 单位代码 before the names' is not taken for them (the units were 001, 002).
    expect(parse("单位代码,单位名称,类型\n001,城关镇,镇\n002,区公安分局,部门\n").units.map((u) => u.name)).toEqual(["城关镇", "区公安分局"]);
    expect(parse("单位编号,单位,类型\n1,城关镇,镇\n").units.map((u) => u.name)).toEqual(["城关镇"]);
    // Other columns heading a list before the name's (排序, 所属片区, 联系人) are headings all the same.
    for (const head of ["排序", "所属片区", "联系人", "序"]) expect(parse(`${head},单位名称,类型\n1,城关镇,镇\n2,区公安分局,部门\n`).units.map((u) => u.name), head).toEqual(["城关镇", "区公安分局"]);
  });

  it("reads a list headed by its units' own word (学校名称, 部门名称, 学校) as headed, not 序号 for the names and the names for kinds", () => {
    const expected = [
      { name: "城关镇", kind: "town" },
      { name: "区公安分局", kind: "department" },
    ];
    for (const list of ["序号,学校名称,类型\n1,城关镇,镇\n2,区公安分局,部门\n", "学校名称,类型\n城关镇,镇\n区公安分局,部门\n", "学校,类型\n城关镇,镇\n区公安分局,部门\n", "序号,部门名称,学校类型\n1,城关镇,镇\n2,区公安分局,部门\n", "乡镇(部门)名称,类型\n城关镇,镇\n区公安分局,部门\n"]) {
      const r = parse(list);
      expect(r.diagnostics, list).toEqual([]);
      expect(r.units, list).toEqual(expected);
    }
    // Alone on its line: a heading, not a unit named 学校名称 (listed as a 初中 with a warning).
    const alone = parse("学校名称\n城关镇\n东湖街道\n");
    expect(alone.units.map((u) => u.name)).toEqual(["城关镇", "东湖街道"]);
    expect(alone.diagnostics).toEqual([]);
    // Another detail's heading ending 名称 before the names' is not taken for it (主管部门名称, 所属乡镇名称).
    for (const list of ["序号,主管部门名称,单位名称,类型\n1,区人民政府,城关镇,镇\n2,区卫健委,区公安分局,部门\n", "所属乡镇名称,学校名称,类型\n城关镇,城关镇,镇\n城关镇,区公安分局,部门\n", "区县名称,单位名称,类型\n青山区,城关镇,镇\n青山区,区公安分局,部门\n"]) expect(parse(list).units.map((u) => u.name), list).toEqual(["城关镇", "区公安分局"]);
    // A unit whose name ends 名称 or begins 学校 is a unit, first on a list without a heading or further down.
    const units = parse("学校后勤服务中心,部门\n城关镇,镇\n区地名称,部门\n");
    expect(units.units.map((u) => u.name)).toEqual(["学校后勤服务中心", "城关镇", "区地名称"]);
    expect(units.diagnostics.map((d) => d.code)).not.toContain("units.repeated-heading");
    // So is one beginning 单位, first on a list of names alone (it was taken for the heading, unsaid).
    expect(parse("单位工会\n城关镇\n").units.map((u) => u.name)).toEqual(["单位工会", "城关镇"]);
  });

  it("reads 单位类型 as the kind's heading, not the name's, wherever it stands (the names were lost, the kinds made units)", () => {
    const expected = [
      { name: "城关镇", kind: "town" },
      { name: "区公安分局", kind: "department" },
    ];
    const kindFirst = parse("序号,单位类型,单位名称,备注\n1,镇,城关镇,\n2,部门,区公安分局,\n");
    expect(kindFirst.diagnostics).toEqual([]);
    expect(kindFirst.units).toEqual(expected);
    const nameFirst = parse("单位名称,单位类型\n城关镇,镇\n区公安分局,部门\n");
    expect(nameFirst.diagnostics).toEqual([]);
    expect(nameFirst.units).toEqual(expected);
  });

  it("tells where to write a kind that cannot be guessed: after the name, or in a 类型 column where headings name the columns, with a word it takes", () => {
    const loose = parse("青山公园\n");
    expect(loose.diagnostics.map((d) => d.code)).toEqual(["units.kind-guessed"]);
    expect(renderLine(loose.diagnostics[0]!, "zh-CN")).toContain("如 “青山公园,部门”");
    // Headed columns, none the kind's (单位性质 is not read): a column of its own, not a word after the name.
    const headed = parse("序号,单位名称,单位性质,备注\n1,青山公园,部门,\n");
    expect(headed.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.kind-guessed-column units.csv:2:1"]);
    expect(renderLine(headed.diagnostics[0]!, "zh-CN")).toContain("请在名单中加一列,表头写“类型”,在这一行写上它的类型,如 部门");
  });

  it("says a heading or a summary in the 序号 column with the name's blank, at the field (it was dropped without a word)", () => {
    const r = parse("序号,单位名称,类型,备注\n一、镇街,,,\n1,城关镇,镇,\n,二、部门,,\n2,区公安分局,部门,\n合计,,,\n,三、,,\n");
    // A kind's word alone in the 序号 column (区直部门,,,): a heading too, said (it was left out unsaid).
    const word = parse("序号,单位名称,类型,备注\n区直部门,,,\n1,区公安分局,部门,\n");
    expect(word.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.heading-kind units.csv:2:1"]);
    expect(word.units.map((u) => u.name)).toEqual(["区公安分局"]);
    // A numbering left alone (三、) is a heading too, not a unit named 三、.
    expect(r.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.heading-kind units.csv:2:1", "units.heading-kind units.csv:4:2", "units.summary units.csv:6:1", "units.heading units.csv:7:2"]);
    expect(r.units.map((u) => u.name)).toEqual(["城关镇", "区公安分局"]);
  });

  it("reads an English list: Unit/Unit name, Kind/Type heading the columns, a kind's id in any case", () => {
    const r = parse("Unit,Kind\n城关镇,Town\n区公安分局,Department\n区财政局,部门类\n");
    expect(r.units.map((u) => [u.name, u.kind])).toEqual([["城关镇", "town"], ["区公安分局", "department"]]);
    // The words it takes name the kinds' ids too (town was taken, but not listed).
    expect(r.diagnostics.map((d) => [d.code, formatLocation(d.location!), d.data.allowed])).toEqual([["units.unknown-kind", "units.csv:4:6", "镇、街道、乡、镇街、部门、责任部门、town、department"]]);
    expect(parse("Unit name,Type\n东湖街道,街道\n").units).toEqual([{ name: "东湖街道", kind: "town" }]);
  });

  it("leaves out a 合计 line whose word stands in the 序号 column, said at its line", () => {
    const r = parse("序号,单位名称,类型\n1,城关镇,镇\n2,区公安分局,部门\n合计,2,\n");
    expect(r.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.summary units.csv:4:1"]);
    expect(r.units.map((u) => u.name)).toEqual(["城关镇", "区公安分局"]);
  });

  it("refuses a line of bytes that are no text (a damaged or mis-encoded file), at its line, not as a unit named �", () => {
    const gbk = Buffer.from([0xb3, 0xc7, 0xb9, 0xd8, 0xd5, 0xf2, 0x2c, 0xd5, 0xf2, 0x0a, 0xff, 0xfe, 0xfd, 0x2c, 0xd5, 0xf2, 0x0a]); // 城关镇,镇 / (junk),镇
    const r = parseUnitsFile("units.csv", decodeUnitsFile(gbk), rubric);
    expect(r.diagnostics.map((d) => `${d.severity} ${d.code} ${formatLocation(d.location!)}`)).toEqual(["error units.bad-bytes units.csv:2:1"]);
  });

  it("says a UTF-8 list with GBK lines pasted in mixes encodings, at the first such line; a GBK list is read", () => {
    const gbkLine = Buffer.from([0xb3, 0xc7, 0xb9, 0xd8, 0xd5, 0xf2, 0x2c, 0xd5, 0xf2, 0x0a]); // 城关镇,镇 in GBK
    const mixed = Buffer.concat([Buffer.from("单位名称,类型\n东湖街道,街道\n区公安分局,部门\n"), gbkLine]);
    const problem = unitsFileProblem("units.csv", mixed);
    expect(problem && `${problem.code} ${formatLocation(problem.location!)}`).toBe("units.mixed-encoding units.csv:4:1");
    expect(unitsFileProblem("units.csv", Buffer.concat([gbkLine, gbkLine]))).toBeUndefined();
  });

  it("leaves alone the columns its headings do not name (a 备注 column), and reads a 分组 column by its heading", () => {
    const C = "rubric/township-comprehensive-2026.1.yaml";
    const comprehensive = loadRubric(C, readFileSync(C), "test").rubric!;
    // A 备注 column, blank or holding a word that is a kind's label's look-alike (山区乡).
    const noted = parseUnitsFile("units.csv", "序号,单位名称,类型,备注\n1,城关镇,镇,\n2,石门乡,乡,山区乡\n3,区教育局,部门,\n", comprehensive);
    expect(noted.diagnostics).toEqual([]);
    expect(noted.units).toEqual([
      { name: "城关镇", kind: "town", group: "rural" },
      { name: "石门乡", kind: "town", group: "rural" },
      { name: "区教育局", kind: "department" },
    ]);
    // A group of another kind after the kind: said as that, with the kind's own groups (none here).
    const other = parseUnitsFile("units.csv", "序号,单位名称,类型,分组\n1,区财政局,部门,乡镇组\n", comprehensive);
    expect(other.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)} ${JSON.stringify(d.data)}`)).toEqual([`units.group-of-other-kind units.csv:2:11 {"group":"乡镇组","kind":"区直部门","groups":"—"}`]);
    // A group given that the name's ending says is another's (石桥街道 in 乡镇组, renamed from 石桥镇):
    // listed as given, and said at its line (validate said it only later, at the 分组 cell).
    const unlike = parseUnitsFile("units.csv", "单位,分组\n石桥街道,乡镇组\n柳河镇,乡镇组\n", comprehensive);
    expect(unlike.units).toEqual([
      { name: "石桥街道", kind: "town", group: "rural" },
      { name: "柳河镇", kind: "town", group: "rural" },
    ]);
    expect(unlike.diagnostics.map((d) => `${d.severity} ${d.code} ${formatLocation(d.location!)} ${message("zh-CN", d.code, d.data)}`)).toEqual([
      "warning units.group-unlike-name units.csv:2:1 “石桥街道” 分在 乡镇组,但名称以 “街道” 结尾,像是 街道组 的单位:请核对分组(分组决定与谁比较、评哪一组的奖)",
    ]);
    // A street's official name (城南街道办事处) given 乡镇组: said as its place's ending says (it went unsaid).
    const official = parseUnitsFile("units.csv", "单位,分组\n城南街道办事处,乡镇组\n", comprehensive);
    expect(official.diagnostics.map((d) => `${d.severity} ${d.code} ${formatLocation(d.location!)} ${message("zh-CN", d.code, d.data)}`)).toEqual([
      "warning units.group-unlike-name units.csv:2:1 “城南街道办事处” 分在 乡镇组,但名称以 “街道办事处” 结尾,像是 街道组 的单位:请核对分组(分组决定与谁比较、评哪一组的奖)",
    ]);
    // Kind columns as offices head them (所属类别, 考核类别, 考核类型, 分类; 所属分组) are read, not
    // passed over for the names' endings (城南街道办事处 went to 街道组 unsaid where the office wrote 乡镇).
    for (const [kindHead, groupHead] of [["所属类别", "所属分组"], ["考核类别", "分组"], ["考核类型", "组别"], ["分类", "所属组别"]]) {
      const headed = parseUnitsFile("units.csv", `序号,单位名称,${kindHead},${groupHead}\n1,柳河镇,乡镇,街道组\n2,区财政局,区直部门,\n`, comprehensive);
      expect(headed.units, kindHead).toEqual([
        { name: "柳河镇", kind: "town", group: "urban" },
        { name: "区财政局", kind: "department" },
      ]);
      expect(headed.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`), kindHead).toEqual(["units.group-unlike-name units.csv:2:1"]);
    }
    // A column of codes (分类号, 所属类别代码) is no kind's, beside the kind's own.
    const codes = parseUnitsFile("units.csv", "序号,单位名称,分类号,所属类别\n1,柳河镇,01,乡镇\n2,区财政局,02,区直部门\n", comprehensive);
    expect(codes.units).toEqual([
      { name: "柳河镇", kind: "town", group: "rural" },
      { name: "区财政局", kind: "department" },
    ]);
    expect(codes.diagnostics).toEqual([]);
    // A kind's name without its brackets (乡镇街道 for 乡镇(街道)) is that kind.
    expect(parseUnitsFile("units.csv", "单位名称,类型\n青龙乡,乡镇街道\n", comprehensive).units).toEqual([{ name: "青龙乡", kind: "town", group: "rural" }]);
    // A 备注 column and no kind column: the kind comes from the name's ending, not from the remark.
    const remarks = parseUnitsFile("units.csv", "序号,单位名称,备注\n1,柳河镇,街道\n2,区财政局,镇\n", comprehensive);
    expect(remarks.units).toEqual([
      { name: "柳河镇", kind: "town", group: "rural" },
      { name: "区财政局", kind: "department" },
    ]);
    // A group column without a kind column: the group names the kind.
    const grouped = parseUnitsFile("units.csv", "单位名称,分组,备注\n东湖,街道组,城区\n西山,乡镇组,\n", comprehensive);
    expect(grouped.diagnostics).toEqual([]);
    expect(grouped.units).toEqual([
      { name: "东湖", kind: "town", group: "urban" },
      { name: "西山", kind: "town", group: "rural" },
    ]);
    // A kind's word there, no kind column beside it: the kind (it was refused as an unknown kind
    // the list of words it offered named).
    const kinds = parseUnitsFile("units.csv", "单位名称,分组\n区城投集团,企业\n区教育局,部门\n城关镇,乡镇组\n", comprehensive);
    expect(kinds.diagnostics).toEqual([]);
    expect(kinds.units).toEqual([
      { name: "区城投集团", kind: "enterprise" },
      { name: "区教育局", kind: "department" },
      { name: "城关镇", kind: "town", group: "rural" },
    ]);
  });

  it("finds the header below blank lines, and splits lines ended by a carriage return alone (old Mac)", () => {
    const want = [
      { name: "城关镇", kind: "town" },
      { name: "区公安分局", kind: "department" },
    ];
    for (const text of ["\n\n单位,类型\n城关镇,镇\n区公安分局,部门\n", "\ufeff\n单位,类型\n城关镇,镇\n区公安分局,部门\n", "单位,类型\r城关镇,镇\r区公安分局,部门\r"]) {
      const r = parse(text);
      expect(r.diagnostics).toEqual([]);
      expect(r.units).toEqual(want);
    }
  });

  it("refuses a quote left open on its line (its separators were read into the name), and a name longer than a cell holds", () => {
    const open = parse('单位,类型\n"城关镇,镇\n区公安分局,部门\n');
    expect(open.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.quote-open units.csv:2:1"]);
    // A quoted name with a line break in it (Alt+Enter, as Excel saves it): said as that, once, at its first line.
    const broken = parse('序号,单位名称,类型\n1,"城关镇",镇\n2,"东湖\r\n街道",街道\n3,西山镇,镇\n');
    expect(broken.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.name-line-break units.csv:3:3"]);
    const long = parse(`${"镇".repeat(32768)},镇\n`);
    expect(long.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.name-too-long units.csv:1:1"]);
  });

  it("locates an unknown kind it cannot find as written in the line at the line's first column, never column 0", () => {
    // The field read out of a formula's quotes ("城关镇") is not in the line as it is read.
    const r = parse('单位\n=HYPERLINK("http://x","城关镇")\n');
    expect(r.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.unknown-kind units.csv:2:1"]);
  });

  it("says a line of control characters in a list that is otherwise text at that line (it was told the whole file is no text)", () => {
    const bytes = new TextEncoder().encode("城关镇\n东湖街道\n\u0001\u0002\u0003\u0004\u0005\n西山镇\n");
    const d = unitsFileProblem("units.csv", bytes);
    expect(d && `${d.code} ${formatLocation(d.location!)}`).toBe("units.control-char units.csv:3:1");
    // Its column in characters, not bytes; a C1 control character (U+0085) in a name, said at it.
    const wide = unitsFileProblem("units.csv", new TextEncoder().encode("城关镇\n丙丙丙\u0007镇\n东湖街道\n西山镇\n"));
    expect(wide && formatLocation(wide.location!)).toBe("units.csv:2:4");
    expect(parse("城关镇\n乙\u009b镇\n").diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.control-char units.csv:2:2"]);
    // Binary data stays no text at all.
    expect(unitsFileProblem("units.csv", new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 10, 1, 2, 3]))?.code).toBe("units.not-text");
  });

  it("locates a duplicate, an unknown kind and an empty file", () => {
    const r = parse("城关镇,镇\n城关镇,镇\n西山镇,县\n");
    expect(r.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.duplicate units.csv:2:1", "units.unknown-kind units.csv:3:5"]);
    // Said with what to do about it, as the workbook's own duplicates are.
    expect(message("zh-CN", "units.duplicate", r.diagnostics[0]!.data)).toBe("单位 “城关镇” 重复(第 1 行已出现):请删去这一行;如本应是另一个单位,请改正名称");
    expect(parse("\n\n").diagnostics.map((d) => d.code)).toEqual(["units.empty"]);
  });

  it("takes two names differing only in width for one unit, and says so (the template had two rows of it)", () => {
    const r = parse("区发改委（区粮食局）,部门\n区教育局,部门\n区发改委(区粮食局),部门\n");
    expect(r.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)} ${message("zh-CN", d.code, d.data)}`)).toEqual(["units.duplicate-width units.csv:3:1 单位 “区发改委(区粮食局)” 与第 1 行的 “区发改委（区粮食局）” 只差全角、半角字符,是同一单位:请删去一行"]);
  });
});

describe("units file for a rubric with ranking groups", () => {
  const T = loadRubric("rubric/township-comprehensive-2026.1.yaml", readFileSync("rubric/township-comprehensive-2026.1.yaml"), "test").rubric!;
  const parseT = (text: string) => parseUnitsFile("units.csv", text, T);

  it("places a unit in a group by its kind's label, the group's name, or a third field", () => {
    const r = parseT("柳河镇,镇\n河西街道,街道组\n青龙乡,乡镇,乡镇组\n区财政局,部门\n区城投集团,企业\n新区,乡镇\n");
    expect(r.diagnostics).toEqual([]);
    expect(r.units).toEqual([
      { name: "柳河镇", kind: "town", group: "rural" },
      { name: "河西街道", kind: "town", group: "urban" },
      { name: "青龙乡", kind: "town", group: "rural" },
      { name: "区财政局", kind: "department" },
      { name: "区城投集团", kind: "enterprise" },
      { name: "新区", kind: "town", group: "rural" },
    ]);
  });

  it("locates a group that is not one of the kind's", () => {
    const r = parseT("柳河镇,镇,城区组\n");
    expect(r.diagnostics.map((d) => `${d.code} ${formatLocation(d.location!)}`)).toEqual(["units.unknown-kind units.csv:1:7"]);
    // What it takes is listed whole: the kinds' labels, the groups' names, and their labels (农村,
    // a group's alone here, is taken: it is listed).
    const text = readFileSync("rubric/township-comprehensive-2026.1.yaml", "utf8").replace("labels: [乡镇, 镇, 乡]\n", "labels: [乡镇, 镇, 乡, 农村]\n");
    const withLabel = loadRubric("r.yaml", Buffer.from(text), "test").rubric!;
    expect(parseUnitsFile("units.csv", "柳河镇,农村\n", withLabel).units).toEqual([{ name: "柳河镇", kind: "town", group: "rural" }]);
    const listed = parseUnitsFile("units.csv", "柳河镇,城区组\n", withLabel).diagnostics[0]?.data.allowed;
    expect(String(listed).split("、")).toEqual(expect.arrayContaining(["镇", "部门", "乡镇组", "街道组", "农村"]));
  });

  it("refuses a workbook saved instead of a CSV, or any binary file, in one line at the file", () => {
    const xlsx = readFileSync("samples/qingshan-2026.xlsx");
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const binary = Buffer.from([0x12, 0x34, 0, 0x56, 0x78]);
    const problem = (b: Uint8Array) => {
      const d = unitsFileProblem("units.csv", b);
      return d && `${d.code} ${formatLocation(d.location!)}`;
    };
    expect([problem(xlsx), problem(xls), problem(binary)]).toEqual(["units.is-workbook units.csv", "units.is-workbook units.csv", "units.not-text units.csv"]);
    // A rubric given for the list: said once (each of its lines was an unknown kind, 14 KB of them).
    expect(problem(readFileSync("rubric/district-popplan-2022.1.yaml"))).toBe("units.is-rubric units.csv");
    // Nor the page on writing one, quoting one in its code blocks (docs/rubric.md): a document, said once (hundreds of errors).
    expect(problem(readFileSync("docs/rubric.md"))).toBe("units.is-document units.csv");
    // Or begun by a Markdown heading with no code block in it (docs/rules.md).
    expect(problem(Buffer.from("# How it scores\n\nSome prose, 城关镇, and more.\n"))).toBe("units.is-document units.csv");
    // Text in every encoding Windows saves is not refused.
    const text = "城关镇,镇\n";
    for (const b of [Buffer.from(text), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]), Buffer.from([0xb3, 0xc7, 0xb9, 0xd8, 0xd5, 0xf2, 0x2c, 0xd5, 0xf2, 0x0a])]) expect(problem(b)).toBeUndefined();
  });
});

