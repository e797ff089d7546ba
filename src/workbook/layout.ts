// The workbook contract shared by the template writer and the reader: sheet names, header words,
// cover labels. The reader finds sheets by their header codes, so renamed sheets still work.
import { SHOWS_NOTHING_ALL, comparableName } from "../model/names.js";

export const SHEET = {
  cover: "封面",
  indicators: "指标数据",
  ledger: "加扣分",
} as const;

/** Cover labels (column A) and the field each fills (column B). 地区: a district's, a county's or a city's name. */
export const COVER_LABELS = {
  rubricId: "方案编号",
  rubricVersion: "方案版本",
  year: "考核年度",
  district: "地区",
} as const;

/** Labels earlier templates wrote for a field, read as well. */
export const COVER_LABELS_EARLIER: Readonly<Partial<Record<keyof typeof COVER_LABELS, readonly string[]>>> = { district: ["区(县)"] };

export const UNIT_HEADER = "单位名称";

/**
 * The template's hidden sheet of drop-down lists. Its first column lists the units a ledger row may
 * name; its sixth every unit the template was made for (`--units`), and the seventh each one's kind
 * (id), so that a unit whose rows were all deleted is missed (templates before the sixth column:
 * the first, the ledger's units, kinds unknown).
 */
export const LISTS_SHEET = "_lists";
export const LISTS_LEDGER_UNITS = 1;
export const LISTS_ALL_UNITS = 6;
export const LISTS_UNIT_KINDS = 7;
/** The eighth marks a kind the template guessed (by the name's ending, or the first kind): not held against rows moved to another kind's sheets. */
export const LISTS_KIND_GUESSED = 8;

/** The header of a line sheet's group column (乡镇组, 街道组…), where the unit kind has groups. */
export const GROUP_HEADER = "分组";
export const GROUP_HEADERS = [GROUP_HEADER, "组别"];

/** Ledger columns, in template order: header word → field. */
export const LEDGER_COLUMNS = [
  ["单位", "unit"],
  ["代码", "code"],
  ["数量", "count"],
  ["级别", "level"],
  ["分值", "points"],
  ["状态", "status"],
  ["未如实上报", "flag"],
  ["说明", "note"],
  ["依据", "evidence"],
] as const;

export type LedgerField = (typeof LEDGER_COLUMNS)[number][1];

/** How many rows from the top the reader looks for a header row. */
export const HEADER_SCAN_ROWS = 10;


/** A header cell's leading code: "DZ3.2 流动人口… (20分)" → "DZ3.2". */
export function headerCode(text: string): string | undefined {
  // Full-width (ＤＺ２) and lower-case (dz2) codes, as people type them, are the same code.
  // 。 typed for . by a Chinese input method between a code's numbers (DZ3。1) is the same code.
  // A character that shows nothing (a zero-width space pasted from a chat, a BOM) is no part of it.
  const m = /^\s*([A-Za-z]{1,4}\d+(?:\.\d+)*)(?![\d.]*\d)/.exec(text.replace(SHOWS_NOTHING_ALL, "").normalize("NFKC").replace(/(?<=\d)。(?=\d)/g, "."));
  return m?.[1]?.toUpperCase();
}

/**
 * The name a header gives after its code, in one width without spaces or the closing brackets
 * that give its full marks or its unit (DZ2 依法行政(20分) → 依法行政; ZB1 群众投诉件数(件) →
 * 群众投诉件数); brackets of words are the name's own (出生政策符合率(责任书下达指标)). "" where
 * it gives none.
 */
export function headerName(text: string, units: ReadonlySet<string>): string {
  let name = text.replace(SHOWS_NOTHING_ALL, "").normalize("NFKC").replace(/^\s*[A-Za-z]{1,4}\d+(?:[.。]\d+)*/, "");
  for (let before = ""; before !== name; ) {
    before = name;
    // In any brackets people type them in (20分), 【20分】, [20分]; or bare after the name (依法行政 20分).
    name = name.replace(CLOSING_BRACKETS, (whole, inside: string) => (MARKS.test(inside) || units.has(inside) ? "" : whole)).replace(MARKS_AFTER, "");
  }
  return comparableName(name);
}

/** Words a heading ends with in brackets of any kind people type: (20分), 【20分】, [20分]. */
const CLOSING_BRACKETS = /\s*[(【[]\s*([^()【】[\]]*?)\s*[)】\]]\s*$/;

/** Full marks after a name: after a space (依法行政 20分), 满分 (满分20分), or right after it (统筹决策25分; not a rule's 每起扣2分). */
const MARKS_AFTER = /(?<=\S)(?:\s+|\s*满分\s*|(?<=\p{Script=Han})(?<![扣减加每])(?=\d))(\d+(?:\.\d+)?)\s*分\s*$/u;

/** Full marks (20分, 满分20分) or a deduction's (扣分…) as a header gives them after the name. */
const MARKS = /^(满分)?\s*\d+(\.\d+)?\s*分$|^扣分/;

/**
 * Whether a heading says its column holds points taken off: 扣分 in its closing bracket
 * (信访稳定(扣分,满分15分), as the template heads a deducted item's column; 信访稳定(扣分制)), or
 * after its marks (满分20分(扣分)).
 */
export function headingDeducts(text: string): boolean {
  const t = text.normalize("NFKC");
  if (/[(【[]\s*扣分\s*[)】\]]\s*$/.test(t)) return true;
  const inside = CLOSING_BRACKETS.exec(t)?.[1];
  // A part of its own (扣分, 扣分制, 扣分项, 实行扣分制), not words about it (扣分后得分, 已扣分, 不实行扣分制).
  return inside !== undefined && inside.split(/[,、;\s]+/).some((part) => /^(实行)?扣分(制|项|项目)?$/.test(part));
}

/**
 * The full marks a heading gives in its closing bracket (重点项目建设(30分), 信访稳定(扣分,满分15分),
 * 重点项目建设【30分】) or after its name (重点项目建设 30分, 重点项目建设满分30分, 统筹决策25分), in
 * hundredths. (A deduction's mark after them, 满分20分(扣分), set aside.)
 */
export function headingMax(text: string): number | undefined {
  const bare = text.normalize("NFKC").replace(/\s*[(【[]\s*扣分\s*[)】\]]\s*$/, "");
  const inside = CLOSING_BRACKETS.exec(bare)?.[1];
  const marks = (inside === undefined ? undefined : /(\d+(?:\.\d+)?)\s*分$/.exec(inside)?.[1]) ?? MARKS_AFTER.exec(bare)?.[1];
  return marks === undefined ? undefined : Math.round(Number(marks) * 100);
}


/** Names of the summary rows people add under their units (合计, 平均分…): never a unit. */
const SUMMARY = /^(合计|总计|小计|共计|总和|汇总|平均|平均值|平均分|平均数|最低|最低分|最低值|最小值|最大值|最高值|中位数|中值|标准差|极差|total|totals|sum|subtotal|average|mean|min|minimum|median)$/i;

/**
 * A part's summary: 乡镇合计, 乡镇(街道)小计, 全区平均分, 街道组汇总, Towns total. No unit's name ends
 * so (统计局 and 审计局 end in 局), and a part's name before it is a few characters at most.
 */
const PART_SUMMARY = /^[\p{Script=Han}()（）·、]{1,16}(合计|总计|小计|共计|汇总|平均|平均值|平均分|平均数|最高分|最低分|最高值|最低值)$/u;
const PART_SUMMARY_EN = /^[a-z][a-z ()]{0,30} (total|totals|subtotal|average)$/i;
/** The last characters of the summaries above: most names end otherwise and are not tested further. */
const SUMMARY_LAST = new Set(["计", "总", "均", "值", "分", "数", "l", "s", "e", "L", "S", "E"]);

/**
 * The highest scores (最高分, 最高) under the units: a statistic, as 最低分 is. Above them, under
 * the header, 最高分 is the items' full marks (isScaleName).
 */
const HIGHEST = /^(最高|最高分|max|maximum)$/i;

export function isHighestName(name: string): boolean {
  // Asked first of its first character (a province's rows are each asked).
  const first = name.trimStart().charAt(0);
  if (first !== "最" && first !== "m" && first !== "M") return false;
  return HIGHEST.test(name.trim().replace(/[(（][^)）]*[)）]$/, "").replace(/[:：]$/, "").replace(/[\s\u3000]+/g, ""));
}

export function isSummaryName(name: string): boolean {
  // 合计: and 合计： as typed before the figures' columns; 合计(14个单位) with a note in brackets.
  const bare = name.trim().replace(/[(（][^)）]*[)）]$/, "").replace(/[:：]$/, "").trimEnd();
  const words = bare.replace(/[\s\u3000]+/g, "");
  if (SUMMARY.test(words)) return true;
  const last = words.at(-1);
  return last !== undefined && SUMMARY_LAST.has(last) && (PART_SUMMARY.test(words) || PART_SUMMARY_EN.test(bare));
}

/** A note's number or mark before its code: 1. 1、 ① ⑴ ㈠ Ⅰ. (1) （一） 一、 第一条 ※ ★ ● - … and a bracket opening the code, (JJ5). */
const NOTE_NUMBER = /^[\s(（※*#★☆·●◆■▲△•\-—]*(?:\d{1,2}|[①-⑳⑴-⒇㈠-㈩Ⅰ-Ⅻ]|[IVX]{1,4}(?=[.、．)）])|[A-Za-z](?=[.．)）])|[一二三四五六七八九十]{1,2}|第[一二三四五六七八九十\d]{1,3}[条款项])?[\s.、．:：)）]*[(（]?/;

/** Brackets and the marks a note's lines begin with (※, ★, ●, -, …), and 第 (第一条). */
const NOTE_MARKS: ReadonlySet<number> = new Set([..."(（※*＊#★☆·●◆■▲△•-—第"].map((ch) => ch.charCodeAt(0)));

/** 一 to 十, as a note's lines are numbered (一、JJ5 …). */
const CHINESE_NUMERALS: ReadonlySet<number> = new Set([..."一二三四五六七八九十"].map((ch) => ch.charCodeAt(0)));

/**
 * The code a line of a note begins with, numbered or not (SH3 信访稳定:…, 1.JJ5 …, ①JJ5 …, (JJ5)…),
 * or undefined. Asked only of a name whose first character may begin one (a Latin letter, half- or
 * full-width, a digit, ①, Ⅰ, a bracket, a mark, 一 to 十, 第): a province's rows are each asked.
 */
export function noteCode(name: string): string | undefined {
  const c = name.charCodeAt(0);
  const lower = c | 0x20;
  const may = (lower >= 0x61 && lower <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0xff21 && c <= 0xff5a) || (c >= 0xff10 && c <= 0xff19) || (c >= 0x2460 && c <= 0x249b) || (c >= 0x3220 && c <= 0x3229) || (c >= 0x2160 && c <= 0x216b) || NOTE_MARKS.has(c) || CHINESE_NUMERALS.has(c);
  return may ? headerCode(name.normalize("NFKC").replace(NOTE_NUMBER, "")) : undefined;
}

/**
 * A row a form labels with one of `words` (满分, 目标值): its label as written, a note in closing
 * brackets, a colon and spaces aside. Asked first of its first character (a province's rows are each asked).
 */
function labelledRow(words: RegExp, firsts: string): (name: string) => boolean {
  const first = new Set([...firsts]);
  return (name) => first.has(name.trimStart().charAt(0)) && words.test(name.trim().replace(/[(（][^)）]*[)）]$/, "").replace(/[:：]$/, "").replace(/[\s\u3000]+/g, ""));
}

/** A row of targets (目标值 | 6.5% | 11500 …) on a form: never a unit. */
export const isTargetName = labelledRow(/^(目标值|目标|考核目标|目标任务|年度目标|目标数|target|targets)$/i, "目考年tT");


/** A row of the columns' units of measure (计量单位 | % | 万元 | 起) under a form's header: never a unit. */
export const isMeasureUnitsName = labelledRow(/^(计量单位|计量|单位|量纲|units?|unitsofmeasure)$/i, "计单量uU");

/** The heading of the units' column (单位名称), written again on a second header row: never a unit. */
const NAME_HEADING = /^(单位名称|单位|被考核单位|考核单位|名称|单位名)$/;

export function isNameHeading(name: string): boolean {
  return NAME_HEADING.test(name.replace(/[\s\u3000]+/g, ""));
}

/** A row of the items' full marks (满分, 分值, 标准分) under a form's header: never a unit. */
export const isScaleName = labelledRow(/^(满分|满分值|分值|标准分|标准分值|标准|权重|最高分|总分值|分数|计分标准|评分标准|maximum|max|points|weight)$/i, "满分标权最总计评mMpPwW");

/**
 * The first words of the lines a Chinese form ends with: a note (注:…, 说明:…) and the signature
 * line (填表人: 审核人: 填表日期:), followed by a colon, a space or nothing (填表人 in one cell, the
 * name in the next). Under the units, with nothing in the item columns, they are the form's footer,
 * not units.
 */
const FOOTER_WORDS = ["注", "备注", "说明", "附注", "评分说明", "计分说明", "考核说明", "填表说明", "填报说明", "填报单位", "报送单位", "填表人", "填报人", "制表人", "制表", "经办人", "经办", "统计员", "统计人", "统计", "核对人", "核对", "复核人", "复核", "校对人", "校对", "审批人", "审批", "批准人", "批准", "科长", "主任", "局长", "组长", "考核组长", "会计", "出纳", "审核人", "审核", "负责人", "单位负责人", "分管领导", "签发人", "联系人", "联系电话", "填表日期", "填报日期", "报送日期", "签发日期", "制表日期", "审核日期", "日期", "填报时间", "报送时间", "盖章", "签字", "签名"];
const FOOTER = new RegExp(`^(${FOOTER_WORDS.join("|")})(\\s*[:：(（\\d一二三四、.．]|\\s|$)`);
/** The characters a footer's first word starts with. */
const FOOTER_FIRST = new Set(FOOTER_WORDS.map((w) => w[0]));

/** A date written alone where a name goes (2026年12月20日, 2026-12-20, 2026.12.20): a signature line's. */
const DATE_LINE = /^(19|20)\d{2}\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?$/;

/**
 * A signature's label that ends in its word (考核组签字:, 组长签名, 单位(盖章), 主要负责人:): the
 * word may follow whose it is, where a footer's first word starts the others.
 */
const SIGN_OFF = /(签字|签名|签章|盖章|审核人?|负责人|领导|填表人|填报人|制表人|联系人|经办人|统计员|核对人|复核人|审批人)[)）]?\s*[:：]?$/;
/** The last characters a signature's label ends with (its word's, a bracket's, a colon's). */
const SIGN_OFF_LAST = new Set(["字", "名", "章", "核", "人", "员", "导", ")", "）", ":", "："]);
/** The same label with the name after it in its cell, set off by a colon or a space (考核组签字:张三, 组长签名 李四). */
const SIGN_OFF_NAMED = /(签字|签名|签章|盖章|审核人?|负责人|领导|填表人|填报人|制表人|联系人|经办人|统计员|核对人|复核人|审批人)[)）]?\s*(?:[:：]|\s)\s*\p{Script=Han}{2,4}$/u;
/**
 * Someone's label, a colon, and what they wrote after it: a person's label (ending in 人 or 员:
 * 经办人:周八, 统计员：周八 13800000000) and anything, or any short label (复核：李四, 统计：周八,
 * 科长：张三) and a name of two to four characters, with a phone number or not. Never a label and
 * nothing after its colon: that is a unit's name with a colon typed after it (区信息联络员:, its
 * scores and claims were dropped as a footer's).
 */
const PERSON_LABEL = /^\p{Script=Han}{1,6}[人员][)）]?\s*:\s*\S/u;
const SIGNED_LABEL = /^\p{Script=Han}{1,6}[)）]?\s*:\s*\p{Script=Han}{2,4}(?:\s*[\d-]{7,})?$/u;
/**
 * A sentence: its inner punctuation, or a note's first words (以上数据真实有效。本表一式两份。); a
 * unit's name has neither, and a slip's stray 。 ends a name (河口镇。).
 */
const SENTENCE_INSIDE = /[,，;；:：、]|^(以上|上述|本表|此表|表中|各项|所填|所列|数据|如有)/;

export function isFooterText(name: string): boolean {
  // Every row's name is asked: most are units, whose first character starts no footer word, and
  // are not normalized (a province's 280,000 rows). Compatibility forms (⽇, 﨑, full-width) are.
  const first = name.trimStart().charCodeAt(0);
  if (Number.isNaN(first)) return false;
  if (first === 0x31 || first === 0x32) return DATE_LINE.test(name.trim());
  if (name.includes(":") || name.includes("：")) {
    const plain = name.normalize("NFKC").trim();
    if (PERSON_LABEL.test(plain) || SIGNED_LABEL.test(plain)) return true;
  }
  const compat = (first >= 0x2e80 && first <= 0x2fdf) || (first >= 0xf900 && first <= 0xfaff) || first >= 0xff00;
  if (!compat && !FOOTER_FIRST.has(String.fromCharCode(first))) return false;
  return FOOTER.test(name.normalize("NFKC").trim());
}

/**
 * A footer's line told by its words alone where no unit's figure stands beside it (the caller
 * asks): a sentence (新华街道因机构调整,部分工作由区统筹。以上数据真实有效。), a signature's label
 * ending in its word (考核组签字:, 考核单位(盖章)) or with the name after it (考核组签字:张三). A
 * unit's name may look so (数据资源管理局。 with a 。 slipped on, 区乡村振兴领导↵小组办): with its
 * scores beside it, it is a unit's row still.
 */
export function isFooterNote(name: string): boolean {
  const trimmed = name.trim();
  const last = trimmed.charAt(trimmed.length - 1);
  if (last === "。") return SENTENCE_INSIDE.test(trimmed);
  if (SIGN_OFF_LAST.has(last) && trimmed.length <= 16 && SIGN_OFF.test(trimmed.normalize("NFKC"))) return true;
  return trimmed.length <= 20 && /[:：\s]/.test(trimmed) && SIGN_OFF_NAMED.test(trimmed.normalize("NFKC"));
}
