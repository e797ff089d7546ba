// Every message a user can see exists in zh-CN and en with the same placeholders, and every code
// the source passes to the catalog is there.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalog, detectLang, message, placeholders } from "../src/messages/index.js";
import { YAML_ERRORS } from "../src/rubric/load.js";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const PREFIXES = ["progress", "diff", "help", "table", "carry", "rubric", "workbook", "xlsx", "file", "usage", "why", "award", "out", "explain", "units", "summary", "severity", "status", "total", "show", "word", "cli", "template", "internal", "report", "september"];
const CODE = new RegExp(`["\`]((?:${PREFIXES.join("|")})\\.[a-z0-9.-]+)["\`]`, "g");
/** Codes built at run time from a prefix and a value, with every value they can take. */
const KINDS = ["group", "judged", "deducted", "threshold", "gate", "linear", "ratio", "bands", "shortfall", "relative-best", "rank-points"];
const DYNAMIC: Record<string, string[]> = {
  "rubric.bad-format-": ["code", "line-code", "rate", "id", "version", "date"],
  "show.kind.": [...KINDS, "ratio-lower"],
  "word.kind.": KINDS,
  "word.unit.": ["percent", "number", "amount"],
  "word.direction.": ["higher", "lower"],
  "word.ledger-kind.": ["bonus", "deduction", "single"],
  "word.ties.": ["all", "none"],
  "word.": ["sep", "yes", "charge.total", "by.total", "veto.ranked", "veto.ranked-no-awards", "veto.unranked", "veto.grade", "veto.grade-at-most", "veto.place-empty", "veto.place-passed", "grade-band", "quota", "single", "count", "linked", "yellow", "last-place", "below", "or"],
  "diff.": ["added", "removed"],
  "show.all-cap-": ["bonus", "deduction"],
  "diff.area.": ["meta", "report", "unit-kind", "line", "item", "indicator", "target", "ledger", "cap", "statuses", "levels", "ranking"],
  "diff.effect.": ["scores", "ranks", "awards", "validation", "words"],
  "out.award-kind.": ["rank", "grade", "single", "warning", "veto"],
  "rubric.yaml.": [...YAML_ERRORS],
};

describe("message catalog", () => {
  it("has both languages for every code, with the same placeholders, and no empty text", () => {
    for (const [code, entry] of Object.entries(catalog)) {
      expect(entry["zh-CN"], code).toBeTruthy();
      expect(entry.en, code).toBeTruthy();
      expect(placeholders(entry["zh-CN"]), code).toEqual(placeholders(entry.en));
    }
  });

  it("says ids in the user's words where a template asks for the word (unit@word.unit)", () => {
    const data = { code: "MB1", unit: "percent", indicator: "ZB3", expected: "amount" };
    expect(message("zh-CN", "rubric.unit-mismatch", data)).toBe("MB1 的计量方式为百分比,而该项的指标 ZB3 为金额:目标须与指标计量方式相同");
    expect(message("en", "rubric.unit-mismatch", data)).toBe("MB1 is measured as percent, but the item's indicator ZB3 as amount: a target is measured as its indicator is");
    // An id with no word is said as it is.
    expect(message("zh-CN", "rubric.unit-mismatch", { ...data, unit: "kg" })).toBe("MB1 的计量方式为kg,而该项的指标 ZB3 为金额:目标须与指标计量方式相同");
  });

  it("says a file's size as Explorer does, never a size over its limit as the limit", () => {
    // 200 MiB and 4 bytes: over the limit, so not "200 MB".
    expect(message("zh-CN", "xlsx.too-large", { size: 200 * 1024 * 1024 + 4, limit: 200 * 1024 * 1024 })).toMatch(/^文件过大\(200\.1 MB,上限 200 MB\)/);
    expect(message("en", "units.too-large", { size: 10 * 1024 * 1024 + 600 * 1024, limit: 10 * 1024 * 1024 })).toBe(
      "the units list is too large (10.6 MB; the limit is 10 MB); check that this is the right file",
    );
    expect(message("zh-CN", "rubric.too-large", { size: 1024 * 1024 + 1, limit: 1024 * 1024 })).toMatch(/^方案文件过大\(1\.1 MB,上限 1 MB\):一个考核方案通常只有几十 KB/);
    expect(message("en", "rubric.too-large", { size: 900 * 1024 + 1, limit: 512 * 1024 })).toMatch(/^the rubric file is too large \(901 KB; the limit is 512 KB\): a scheme is usually a few tens of KB/);
  });

  it("says a place in English as an ordinal (placed 4th, not placed 4)", () => {
    const data = { indicator: "ZB4", value: "1万元", group: "乡镇组", max: "15", step: "1.5", points: "0" };
    const placed = (place: number): string => /placed (\S+) in/.exec(message("en", "why.rank-points", { ...data, place }))?.[1] ?? "";
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(placed)).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]);
    expect(message("zh-CN", "why.rank-points", { ...data, place: 4 })).toContain("排第 4 名");
  });

  it("says one of a thing in English without a plural's s (1 unit, 1 change, 1 point short)", () => {
    expect(message("en", "report.count", { count: 1 })).toBe("(1 unit)");
    expect(message("en", "report.count", { count: 2 })).toBe("(2 units)");
    expect(message("en", "diff.count-inputs", { count: 1 })).toBe("1 change in the inputs");
    expect(message("en", "diff.count-results", { count: 3 })).toBe("3 units whose results changed");
    expect(message("en", "explain.gap", { points: "1", tier: "三等奖", ranking: "综合排名" })).toBe("1 point short of 三等奖 in 综合排名 (others unchanged)");
    expect(message("en", "explain.gap", { points: "0.5", tier: "三等奖", ranking: "综合排名" })).toMatch(/^0\.5 points short/);
    expect(message("zh-CN", "report.count", { count: 1 })).toBe("(共 1 个单位)");
    // The ranking sheet's gap column says points too, as explain does (17 short of 二等奖 read as 17 of what?).
    expect(message("en", "out.gap-cell", { points: "17", tier: "二等奖" })).toBe("17 points short of 二等奖");
    expect(message("en", "out.gap-cell", { points: "1", tier: "二等奖" })).toBe("1 point short of 二等奖");
  });

  it("says a pending total's rank without a plural for one ranking, and pending claims, not rows", () => {
    expect(message("en", "explain.pending-settled", { what: "awards", lo: "66.25", hi: "67.25", ranges: "市直部门综合排名 17", rankWord: message("en", "explain.rank-one") })).toBe("Claims still pending: the total may end between 66.25 and 67.25, rank: 市直部门综合排名 17; the awards stay the same however the claims are decided");
    // Several rankings: ranks.
    expect(message("en", "explain.pending", { what: "awards", lo: "954.5", hi: "964.5", ranges: "综合排名 4 · 党政线排名 4", rankWord: message("en", "explain.rank-many"), cells: "加扣分!F7" })).toMatch(/964\.5, ranks: 综合排名 4 · 党政线排名 4; /);
    expect(message("en", "award.aside", { award: "grade: 良好", aside: message("en", "award.may-be", { others: "优秀" }) })).toBe("grade: 良好 (may be 优秀 once the pending claims are decided)");
  });

  it("quotes a rubric's key as written in English too (its 、 was turned into a comma, and the text could not be found in the file)", () => {
    expect(message("en", "rubric.unknown-key-text", { key: "省级加2分、国家级加3分。", where: "codes[0]" })).toContain('"省级加2分、国家级加3分。"');
  });

  it("quotes a units list's heading as written in English too (一、乡镇（共5个） read 一, 乡镇（共5个）: not found in the list)", () => {
    expect(message("en", "units.group-not-heading", { unit: "城南街道", heading: "一、乡镇（共5个）", group: "街道组" })).toContain('"一、乡镇（共5个）"');
  });

  it("sets a ledger row's level off by a space in English, as English brackets are (7 (省级) × 2), and by nothing in Chinese", () => {
    expect(message("en", "why.ledger-counted-bonus", { per: "7", level: "(省级)", count: 2, points: "14" })).toBe("7 (省级) × 2 = +14");
    expect(message("en", "why.ledger-counted-bonus", { per: "5", level: "", count: 1, points: "5" })).toBe("5 × 1 = +5");
    expect(message("zh-CN", "why.ledger-counted-bonus", { per: "7", level: "(省级)", count: 2, points: "14" })).toBe("7(省级) × 2 = 加 14");
  });

  it("says a key at the rubric's top level in words (it printed \"(root)\", English, in a Chinese message)", () => {
    expect(message("zh-CN", "rubric.unknown-key-near", { key: "unit_kind", where: "(root)", meant: "unit_kinds" })).toBe("未知的键 “unit_kind”(位于 方案最外层);是否要写 unit_kinds?");
    expect(message("en", "rubric.unknown-key", { key: "schema_version", where: "(root)" })).toContain("the rubric's top level");
    // Elsewhere, the item or code it stands under, as before.
    expect(message("zh-CN", "rubric.unknown-key-near", { key: "maxx", where: "DZ2", meant: "max" })).toBe("未知的键 “maxx”(位于 DZ2);是否要写 max?");
  });

  it("holds every code the source uses", () => {
    const used = new Set<string>();
    for (const file of sources("src")) {
      if (file.includes(join("messages", "catalog"))) continue;
      for (const m of readFileSync(file, "utf8").matchAll(CODE)) if (!m[1]!.endsWith("-") && !m[1]!.endsWith(".")) used.add(m[1]!);
    }
    for (const [prefix, values] of Object.entries(DYNAMIC)) for (const v of values) used.add(prefix + v);
    // Every field rubric diff compares has a name in the catalog.
    for (const m of readFileSync("src/rubric/diff.ts", "utf8").matchAll(/\["([a-z][a-z-]*)", (?:(?!\[")[^\n])*?, "(?:scores|ranks|awards|validation|words)"\]/g)) used.add(`diff.field.${m[1]}`);
    for (const kind of ["bonus", "deduction"]) for (const r of ["counted", "doubled", "once-count", "capped", "capped-group", "capped-all"]) used.add(`why.ledger-${r}-${kind}`);
    // why.ledger-counted and its kin are prefixes completed with -bonus / -deduction (added above).
    const missing = [...used].filter((c) => !(c in catalog) && !(`${c}-bonus` in catalog) && !/\.(js|ts|json|xlsx|yaml|html)$/.test(c));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(100);
  });

  it("chooses the language from --lang, else LC_ALL / LC_MESSAGES / LANG; no locale or C means Chinese", () => {
    expect(detectLang("en", { LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(detectLang(undefined, { LC_ALL: "en_US.UTF-8", LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(detectLang(undefined, { LANG: "zh_TW.UTF-8" })).toBe("zh-CN");
    expect(detectLang(undefined, {})).toBe("zh-CN");
    expect(detectLang(undefined, { LANG: "C.UTF-8" })).toBe("zh-CN");
    expect(detectLang(undefined, { LANG: "POSIX" })).toBe("zh-CN");
    expect(detectLang(undefined, { LANG: "en_GB.UTF-8" })).toBe("en");
    expect(detectLang("klingon", {})).toBeUndefined();
  });
});

describe("lists in messages", () => {
  it("are joined with 、 in Chinese and read “a, b” in English", () => {
    const data = { value: "已批准", counted: "已认定、已确认", c: "counted", pending: "申报中、待审核", p: "pending", rejected: "不予认定", r: "rejected" };
    expect(message("zh-CN", "workbook.ledger-unknown-status-near", { ...data, value: "认定", near: "已认定" })).toBe("状态 “认定” 无效,是否为 已认定?可用:已认定、已确认(计分);申报中、待审核(待认定,暂不计分);不予认定(不计分)");
    expect(message("zh-CN", "workbook.ledger-unknown-status", data)).toBe("状态 “已批准” 无效,可用:已认定、已确认(计分);申报中、待审核(待认定,暂不计分);不予认定(不计分)");
    // Each kind of status with what it does: 已认定 alone tells an English reader nothing.
    expect(message("en", "workbook.ledger-unknown-status", data)).toBe('the status "已批准" is not valid; use one of: 已认定, 已确认 (recognized: counted); 申报中, 待审核 (pending: not counted until recognized); 不予认定 (rejected: not counted)');
  });

  it("leave a name that holds a 、 of its own as written: a kind named 镇、街道 is one kind", () => {
    expect(message("en", "out.sheet.detail-kind", { kind: "镇、街道" })).toBe("Scores (镇、街道)");
    expect(message("en", "units.unknown-kind", { kind: "镇、街道", allowed: "镇、部门" })).toBe('unknown unit kind "镇、街道"; use one of: 镇, 部门');
    // A cell's text quoted is as the cell holds it (a search for it finds it).
    expect(message("en", "workbook.section-row", { value: "一、乡镇" })).toContain('"一、乡镇"');
  });
});

describe("page footers", () => {
  it("print every section of an English footer in one size (the page's 9 points beside the date's 11 looked like two footers)", () => {
    const footers = Object.keys(catalog).filter((k) => /(^|\.)footer(-dated)?$/.test(k));
    expect(footers.length).toBeGreaterThanOrEqual(4);
    for (const key of footers) {
      const en = message("en", key, { date: "1 Sep 2026" });
      const sections = en.split(/(?=&[LCR])/).filter((s) => s.length > 0);
      const sizes = sections.map((s) => /^&[LCR](&\d+)?/.exec(s)?.[1] ?? "");
      expect(new Set(sizes).size, `${key}: ${en}`).toBe(1);
    }
  });
});
