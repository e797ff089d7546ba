// Headings over a part of a list of units, as forms and lists write them (一、镇, （二）街道,
// 乡镇组:, 镇(7个), 第一组), in the rubric's words for its kinds and groups too: never a unit.
import type { Rubric } from "../rubric/model.js";

/**
 * A heading's count after its words: in brackets (7个), (共7个), (计 7 家), or after a space or 共
 * (二、政府部门 2个, 一、乡镇共3个).
 */
const N = String.raw`(?:\d+|[一二三四五六七八九十两]+)`;
const MEASURE = String.raw`(?:(?:个|家|所)(?:单位)?)`;
const COUNT = String.raw`(?:\s*[(（]\s*(?:共计|共|计|合计)?\s*(?:\d+\s*${MEASURE}?|${N}\s*${MEASURE})\s*[)）]|\s*[:：]?\s*(?:共计|共|计|合计)?\s*${N}\s*${MEASURE})`;

/** A class's word a heading may end with after a kind's or a group's (党群部门类, 政法口, 教育系统). */
const CLASS = "(?:类|口|系统)";

/** A heading of a class by its own words (政法口, 二、教育系统, 党群类): short, ending in a class's word (not 人口). */
const CLASS_HEADING = String.raw`[\u4e00-\u9fff]{2,6}(?:类|(?<!人)口|系统)`;

/** The numbering in front of a heading: 一、 / 1. / （二） / (3). */
const NUMBERING = String.raw`(?:(?:[一二三四五六七八九十]+|\d{1,2})\s*[、.．]|[(（]\s*(?:[一二三四五六七八九十]+|\d{1,2})\s*[)）])`;
const NUMBERED = new RegExp(`^${NUMBERING}`);

/** Text that begins with a heading's numbering (一、加分): among a ledger's claims, a heading where nothing else is filled. */
export function isNumbered(text: string): boolean {
  return NUMBERED.test(text);
}

/** A heading's words without its numbering, its count and its colon: （二）县直学校(6个): → 县直学校. */
export function headingWords(text: string): string {
  return (
    text
      .trim()
      .replace(NUMBERED, "")
      .replace(new RegExp(`${COUNT}?\\s*[:：]?$`), "")
      .trim()
      // Brackets as Word writes them (乡镇（街道）): as the rubric names its kinds.
      .replace(/（/g, "(")
      .replace(/）/g, ")")
  );
}

/** Words a heading over a part of a list ends with, whatever the rubric calls its kinds. */
const HEADING_WORDS = ["镇", "乡", "街道", "社区", "村", "部门", "单位", "企业", "国企", "组", "类", "片区"];

/**
 * A heading over a part of a list, as forms write them: numbered (一、镇, （二）街道, 1、乡, 第三组)
 * or not (乡镇组:, 镇(7个)), naming a kind of unit or a group, and short. A unit's own name
 * (二、三产业办公室) names no such thing at its end.
 */
export function sectionHeading(rubric: Rubric): RegExp {
  const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // The rubric's own kinds and groups by their names and labels (乡镇(街道), 区属国有企业, 站所).
  // (Their brackets either way: Word writes 乡镇（街道）.)
  const own = rubric.unitKinds.flatMap((k) => [k.name, ...k.labels, ...k.groups.flatMap((g) => [g.name, ...g.labels])]).flatMap((w) => [w, w.replace(/\(/g, "（").replace(/\)/g, "）"), w.replace(/（/g, "(").replace(/）/g, ")")]);
  const words = [...new Set([...HEADING_WORDS, ...own].filter((w) => w.trim() !== ""))].sort((a, b) => b.length - a.length).map(escape).join("|");
  const count = `${COUNT}?`;
  return new RegExp(
    [
      // A numbering alone (一、 / （二）): a heading left without its words, no unit.
      String.raw`^${NUMBERING}\s*[:：]?$`,
      // Numbered: 一、镇 / （二）街道 / 1、乡镇组 / 三、区直部门 / 一、乡镇(街道)
      // (And a kind's other word in brackets after it, as a district writes its towns: 一、镇（街道）.)
      String.raw`^${NUMBERING}\s*[\u4e00-\u9fff]{0,3}(?:${words})${CLASS}?(?:\s*[(（](?:${words})[)）])?${count}\s*[:：]?$`,
      // A class by its own words, numbered or not: 二、政法口 / 教育系统: / 党群类(3个)
      String.raw`^(?:${NUMBERING}\s*)?${CLASS_HEADING}${count}\s*[:：]?$`,
      // 第一组 / 第2类 / 第一部分 村
      String.raw`^第[一二三四五六七八九十\d]+(?:[组类片]|部分\s*(?:${words})?)${count}\s*[:：]?$`,
      // Not numbered, but counted or followed by a colon: 镇(7个) / 乡镇组:
      String.raw`^[\u4e00-\u9fff]{0,3}(?:${words})(?:\s*[(（](?:${words})[)）])?\s*(?:${COUNT}\s*[:：]?|[:：])$`,
    ].join("|"),
  );
}
