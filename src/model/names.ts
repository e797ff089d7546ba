// Names as a workbook's headers give them, compared with the rubric's: in one width and without
// spaces, without the words they end with in brackets, and whether two are alike at all.

/**
 * Characters that show nothing, dropped wherever they are in a cell's text: zero-width spaces and
 * joiners, a BOM, a word joiner, a soft hyphen, and the marks that set the direction of text
 * (LRM, RLM and their kin, pasted from Word or a web page along with a name).
 */
export const SHOWS_NOTHING = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
export const SHOWS_NOTHING_ALL = new RegExp(SHOWS_NOTHING.source, "g");

/** A name as headers are compared with the rubric's: in one width, without spaces. */
export function comparableName(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "");
}

/** A name without the words it ends with in brackets (统计合格率目标(责任书下达指标), 统计合格率目标【责任书】 → 统计合格率目标), comparable. */
export function nameStem(name: string): string {
  return comparableName(name).replace(/([(【[][^()【】[\]]*[)】\]])+$/, "");
}

/**
 * A header's name that has little to do with its code's (固定资产投资增长率 over a column the rubric
 * calls 城镇新增就业完成率: a code reused for another indicator, last year's form kept): neither
 * holds the other, and fewer than half the header's characters (and words of letters) are in the
 * code's name. A name shortened (固投增速, 一般预算收入, 党风廉政, GDP增长率) keeps most of them.
 */
export function unrelatedName(written: string, own: string): boolean {
  const mine = tokens(written);
  const theirs = tokens(own);
  if (!mine.length || !theirs.length) return false;
  const [a, b] = [mine.join(""), theirs.join("")];
  if (a.includes(b) || b.includes(a)) return false;
  const pool = new Set(theirs);
  return mine.filter((ch) => pool.has(ch)).length * 2 < mine.length;
}

/** A name's characters, a run of letters or digits (GDP, 2026) taken as one: Fixed investment → fixed, investment. */
function tokens(name: string): string[] {
  return nameStem(name.normalize("NFKC")).toLowerCase().match(/[a-z0-9]+|[\p{L}\p{N}]/gu) ?? [];
}
