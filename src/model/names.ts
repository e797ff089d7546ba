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

/**
 * Traditional characters common in the names of places and offices, each with its simplified form
 * (鎮 镇, 橋 桥, 區 区, 農 农…): a clerk whose input method is set to traditional types 石橋鎮 for
 * 石桥镇, two characters of three apart, which no edit distance takes for the same name.
 */
const TRADITIONAL_PAIRS = "鎮镇橋桥龍龙東东區区縣县鄉乡門门陽阳華华興兴開开蘭兰灣湾嶺岭廣广寧宁豐丰園园圍围灘滩關关雲云廠厂莊庄樓楼臺台衛卫劉刘張张陳陈黃黄楊杨趙赵馬马鳳凤雙双長长嶼屿島岛濱滨澤泽濟济漢汉湯汤溝沟陰阴陸陆隊队際际險险陝陕館馆鐵铁鋼钢錦锦銀银鄭郑鄧邓郵邮農农黨党辦办處处務务業业發发財财貿贸資资質质營营運运輸输電电計计劃划統统設设認认證证審审議议護护監监檢检驗验環环醫医藥药療疗員员會会機机構构組组織织總总協协聯联體体藝艺術术圖图書书學学師师範范實实屬属國国產产車车軍军紀纪職职稅税說说調调項项點点優优達达標标準准個个來来時时間间應应倉仓儲储價价風风綜综規规導导領领氣气團团結结號号廳厅樂乐歸归遠远進进邊边遷迁溫温滿满漁渔齊齐鹽盐麥麦嶽岳巖岩峽峡崗岗礦矿碼码磚砖鄰邻層层壩坝壽寿權权舊旧蘇苏貴贵慶庆韓韩蕭萧葉叶呂吕孫孙鄒邹羅罗閩闽贛赣遼辽瀋沈寶宝傑杰亞亚億亿僑侨傳传餘余儀仪凱凯創创劍剑勞劳勝胜匯汇廈厦壇坛奮奋媽妈寬宽將将巒峦彎弯徑径戰战掃扫擁拥擴扩斷断檔档殘残滬沪濤涛燈灯爐炉獎奖瑩莹畫画盤盘礎础禮礼穩稳築筑糧粮約约紅红純纯紡纺級级終终絡络給给線线維维緣缘縱纵續续罰罚聖圣腦脑舉举藍蓝蠶蚕補补裝装親亲觀观訊讯許许詢询誠诚課课諮咨講讲讀读變变貧贫負负貨货責责費费賓宾賽赛趕赶跡迹軌轨較较輔辅遞递邏逻釀酿針针錄录閱阅隨随離离靈灵響响頁页順顺預预頻频題题顏颜類类願愿飛飞養养驅驱驛驿髮发魯鲁鯉鲤鷹鹰麗丽龜龟";
let traditional: Map<string, string> | undefined;

/** A name with the traditional characters of TRADITIONAL_PAIRS in their simplified forms. */
export function simplifiedName(name: string): string {
  if (!traditional) {
    traditional = new Map();
    const chars = [...TRADITIONAL_PAIRS];
    for (let i = 0; i + 1 < chars.length; i += 2) traditional.set(chars[i] ?? "", chars[i + 1] ?? "");
  }
  const table = traditional;
  let out = "";
  for (const ch of name) out += table.get(ch) ?? ch;
  return out;
}
