// Names as a workbook gives them, compared with the rubric's: the characters that show nothing
// (dropped from any cell's text), a name in one width and without spaces, without the words it
// ends with in brackets, and whether a header's name and its code's are alike at all.

/**
 * Characters that show nothing, dropped wherever they are in a cell's text: zero-width spaces and
 * joiners, a BOM, a word joiner, a soft hyphen, the marks that set the direction of text (LRM, RLM
 * and their kin, pasted from Word or a web page along with a name), and control characters other
 * than a tab or a line break (a bell, an escape: _x0007_ in the file, from another program's export;
 * 新华␇街道 was a unit of its own nobody could type).
 */
// eslint-disable-next-line no-control-regex
export const SHOWS_NOTHING = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
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
 * holds the other, and fewer than a third of the header's Chinese characters are in the code's name
 * (or, both written in letters, of its words). A name shortened or reworded keeps more of them
 * (固投增速, GDP增速, 一般预算收入, 地方财政收入, 群众满意度 for 服务对象满意率); a name in one
 * script against one in another (GDP growth over 地区生产总值增长率) cannot be told, and is not said.
 */
export function unrelatedName(written: string, own: string): boolean {
  const [a, b] = [nameStem(written).toLowerCase(), nameStem(own).toLowerCase()];
  if (!a || !b || a.includes(b) || b.includes(a)) return false;
  const han = (x: string): string[] => x.match(/\p{Script=Han}/gu) ?? [];
  const words = (x: string): string[] => x.match(/[a-z0-9]+/g) ?? [];
  const [hanA, hanB] = [han(a), han(b)];
  // Chinese against Chinese, or letters against letters where neither has any Chinese.
  if ((hanA.length > 0) !== (hanB.length > 0)) return false;
  const [mine, theirs] = hanA.length ? [hanA, hanB] : [words(a), words(b)];
  if (!mine.length || !theirs.length) return false;
  const pool = new Set(theirs);
  return mine.filter((x) => pool.has(x)).length * 3 < mine.length;
}
