// The units list for `assess template --units`: one name per line, or CSV "name,kind" where kind
// is one of the rubric's labels (镇, 街道, 部门...); a name alone takes the kind its ending names
// (城关镇, 市教育局). Problems are located FILE:LINE:COL.
import type { Diagnostic } from "../diagnostics/index.js";
import type { Rubric, UnitKindId } from "../rubric/model.js";
import type { TemplateUnit } from "./template.js";
import { cleanText } from "./cells.js";
import { comparableName } from "../model/names.js";
import { headingWords, isNumbered, sectionHeading } from "./heading.js";
import { groupByEnding } from "./group-name.js";
import { isFooterNote, isFooterText, isSummaryName } from "./layout.js";
import { looksLikeText, looksLikeWorkbook } from "../xlsx/read/sniff.js";

/** How an office's name ends (区投资促进中心, 区人武部, 区政府办): no company, whatever words it holds. */
const OFFICE_ENDING = /(中心|局|办|委|办公室|站|所|院|队|处|会|馆|部|厅|室)$/;

/**
 * The long forms an office's name ends in where its kind's label is the short one (委 for 卫生健康委员会,
 * 办 for 人民防空办公室): fifty departments of a county-level city were each said to be listed by a guess.
 */
const LONG_FORMS: Readonly<Record<string, readonly string[]>> = { 委: ["委员会"], 办: ["办公室"] };

/**
 * Whether a name ends in a label, or in the label's long form after an office's own words (卫生健康,
 * 人民防空; not a village's or residents' committee, 村民委员会, nor a town's office, 柳河镇人民政府办公室,
 * nor the long form alone or nearly: those are asked about, as before).
 */
function endsAs(name: string, label: string): boolean {
  if (name.endsWith(label)) return true;
  return (
    LONG_FORMS[label]?.some((f) => {
      if (!name.endsWith(f)) return false;
      const before = name.slice(0, -f.length);
      return before.length >= 3 && !/(?:村民|居民)$/.test(before) && !/[镇乡]|街道/.test(before);
    }) ?? false
  );
}

/**
 * Why a units file cannot be read as text at all: a workbook (Excel's .xlsx or .xls, saved instead
 * of as CSV) or other binary data; undefined for text.
 */
export function unitsFileProblem(file: string, bytes: Uint8Array): Diagnostic | undefined {
  if (looksLikeWorkbook(bytes)) return { code: "units.is-workbook", severity: "error", data: {}, location: { file } };
  if (bytes.length > 0 && !looksLikeText(bytes)) {
    // Text but for a few lines of control characters (a damaged line, a paste from another
    // program): said at the first of them, where a clerk can find it in a long list.
    const line = controlLine(bytes);
    return line !== undefined ? { code: "units.control-char", severity: "error", data: {}, location: { file, line: line.line, col: line.col } } : { code: "units.not-text", severity: "error", data: {}, location: { file } };
  }
  const mixed = mixedEncodingLine(bytes);
  if (mixed !== undefined) return { code: "units.mixed-encoding", severity: "error", data: { line: mixed }, location: { file, line: mixed, col: 1 } };
  // A rubric given for the list (its every line said an unknown kind), or a page of notes with its
  // code blocks (docs/rubric.md: hundreds of errors): said once.
  const head = new TextDecoder().decode(bytes.subarray(0, 64 * 1024));
  if (/^(```|~~~)/m.test(head)) return { code: "units.is-document", severity: "error", data: {}, location: { file } };
  if (/^id:[ \t]/m.test(head) && /^version:[ \t]/m.test(head) && /^(lines|unit_kinds|rankings):/m.test(head)) return { code: "units.is-rubric", severity: "error", data: {}, location: { file } };
  // (Or one begun by a Markdown heading, docs/rules.md: no list begins "# ".)
  if (/^#{1,6} \S/.test(head.replace(/^\ufeff/, "").trimStart())) return { code: "units.is-document", severity: "error", data: {}, location: { file } };
  return undefined;
}

/**
 * The first line holding control characters, where most lines hold none and no byte is 0 (a text
 * file with a damaged line); undefined for anything else (binary data).
 */
function controlLine(bytes: Uint8Array): { line: number; col: number } | undefined {
  if (bytes.includes(0)) return undefined;
  let line = 1;
  let start = 0;
  let first: { line: number; col: number } | undefined;
  let bad = 0;
  let lines = 0;
  let dirty = false;
  for (let i = 0; i <= bytes.length; i++) {
    const c = i < bytes.length ? (bytes[i] ?? 0) : 10;
    if (c === 10) {
      if (i > start) lines++;
      if (dirty) bad++;
      dirty = false;
      line++;
      start = i + 1;
    } else if ((c < 0x20 && c !== 9 && c !== 12 && c !== 13) || c === 0x7f) {
      dirty = true;
      // Its column in characters (as an editor shows it), not bytes.
      first ??= { line, col: new TextDecoder().decode(bytes.subarray(start, i)).length + 1 };
    }
  }
  return first && bad * 2 <= lines ? first : undefined;
}

/**
 * A UTF-8 list with lines of another encoding pasted in (GBK lines added to a list saved as CSV
 * UTF-8): the first line that is not UTF-8; undefined for one encoding throughout. Said only where
 * most lines with Chinese are UTF-8, which a GBK file's lines are by chance at most one in many.
 */
function mixedEncodingLine(bytes: Uint8Array): number | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  const strict = new TextDecoder("utf-8", { fatal: true });
  try {
    strict.decode(bytes);
    return undefined;
  } catch {
    // read on, line by line
  }
  let utf8 = 0;
  let other = 0;
  let first: number | undefined;
  let start = 0;
  let line = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const part = bytes.subarray(start, i);
    if (part.some((b) => b >= 0x80)) {
      try {
        strict.decode(part);
        utf8++;
      } catch {
        other++;
        first ??= line;
      }
    }
    start = i + 1;
    line++;
  }
  return utf8 >= 2 && utf8 >= other ? first : undefined;
}

/**
 * The most units one template lists (a province's 20,000 take about 11 s and 1 GB to write; the
 * spreadsheet writer holds the whole file while it writes).
 */
export const MAX_TEMPLATE_UNITS = 20_000;

/** Last year's assessment workbook given for the units list, as read: its units as a list's lines and the rubric it was read under; or the problems that keep it from being read at all. */
export type BookUnits = { readonly text: string; readonly count: number; readonly rubric: { readonly id: string; readonly version: string } } | { readonly damaged: readonly Diagnostic[] };

/**
 * Of a workbook given for the units list and read as a workbook (the command line's and the page's
 * alike): its units as a list's lines (name, kind, group); `damaged`, the problems that keep it from
 * being read at all (cut short, a password, an .xls or .ods); undefined where it is no assessment
 * workbook that reads (a list kept in Excel).
 */
export function unitsOfBook(
  loaded: { readonly diagnostics: readonly Diagnostic[]; readonly submission?: { readonly units: readonly { readonly name: string; readonly kind: string; readonly group?: string }[] } | undefined; readonly rubric?: Rubric | undefined },
  readUnder?: Pick<Rubric, "unitKinds">,
): BookUnits | undefined {
  const damaged = loaded.diagnostics.filter((d) => d.severity === "error" && d.code.startsWith("xlsx."));
  if (damaged.length) return { damaged };
  const units = loaded.submission?.units;
  if (!units?.length || !loaded.rubric) return undefined;
  return { text: unitsListOf(units, loaded.rubric, readUnder), count: units.length, rubric: { id: loaded.rubric.id, version: loaded.rubric.version } };
}

/**
 * An assessment workbook's units as a list's lines (last year's, given for this year's template):
 * each unit's name (quoted where it holds a comma or a quote), its kind's id and its group's name,
 * in its rubric's words, to be read as any list is, under the rubric the template is made for.
 * `readUnder`, that rubric where known: a group it has no group of that name for (乡镇组 of a scheme
 * ranking towns in groups, for one that does not) is left out, the unit's kind kept (every town was
 * refused, its group read as an unknown kind).
 */
export function unitsListOf(units: readonly { readonly name: string; readonly kind: string; readonly group?: string }[], rubric: Pick<Rubric, "unitKinds">, readUnder?: Pick<Rubric, "unitKinds">): string {
  const csv = (v: string): string => (/[",]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  // The groups' names and labels `readUnder` has, in one width.
  const groups = readUnder && new Set(readUnder.unitKinds.flatMap((k) => k.groups.flatMap((g) => [g.name, ...g.labels])).map(halfBrackets));
  const known = (group: string): boolean => groups === undefined || groups.has(halfBrackets(group));
  return units
    .map((u) => {
      const named = rubric.unitKinds.find((k) => k.id === u.kind)?.groups.find((g) => g.id === u.group)?.name;
      const group = named !== undefined && known(named) ? named : undefined;
      return [csv(u.name), u.kind, ...(group ? [csv(group)] : [])].join(",");
    })
    .join("\n");
}

/**
 * The text of a units file as Excel and Notepad save it on Chinese Windows: UTF-8 (with or without
 * a BOM), UTF-16 ("Unicode text"), or GB18030/GBK ("CSV (逗号分隔)").
 */
export function decodeUnitsFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\ufeff/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/**
 * The fields of one line: separated by , ， ; ； or tab; "quoted" fields may hold separators.
 * `state.open`: set where a quote is left open at the line's end.
 */
export function splitFields(line: string, state?: { open: boolean }): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? "";
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && cleanText(field) === "") {
      quoted = true;
      field = "";
    } else if (/[,，;；\t]/.test(ch)) {
      out.push(field);
      field = "";
    } else field += ch;
  }
  out.push(field);
  if (state) state.open = quoted;
  return out.map(cleanText);
}

/**
 * Whether a quote is still open at the end of `line`, read as splitFields reads it from `open` (a
 * line that continues a quoted field begins inside it): `""` inside quotes is one quote; a quote
 * opens only where a field has nothing but spaces before it.
 */
function quoteOpenAfter(line: string, open: boolean): boolean {
  let quoted = open;
  let fieldEmpty = !open;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? "";
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') i++;
      else if (ch === '"') {
        quoted = false;
        fieldEmpty = false;
      }
    } else if (ch === '"' && fieldEmpty) quoted = true;
    else if (/[,，;；\t]/.test(ch)) fieldEmpty = true;
    else if (!/\s/.test(ch)) fieldEmpty = false;
  }
  return quoted;
}

/**
 * The words lists head their parts with, whatever kinds the rubric labels (a district's rubric
 * says 镇 and 部门; its list says 乡镇 and 区直部门): alone on a line, no unit.
 */
const KIND_WORDS = /^(?:乡镇|乡镇街道|镇街|乡镇[(（]街道[)）]|街道|街道办事处|部门|(?:[区县市]直)?(?:部门|单位|机关)|企业|国企|国有企业|(?:[区县市]属)?国有企业|乡镇组|街道组)$/;

/** Characters a cell holds at most (Excel's limit): a longer name would be cut by Excel on opening. */
const MAX_CELL_CHARS = 32767;

/** A 序号 cell's text: a number or a numbering (3, 一、, (2), 1-3, ①, No.3), no name. */
const NUMBERING_ONLY = /^[\s\d一二三四五六七八九十百、.．()（）\-–—_/①-⑳]+$|^(?:no|#)\.?\s*\d+$/i;

/**
 * What a line above a list's heading says where it is no unit: an attachment's number, the list's
 * title, who made it and when (附件1; 2026年度…考核单位名单; 填报单位:…). A name like 区科协 is none.
 */
const TITLE_LIKE = /附件|名单|名录|目录|一览|清单|考核|年度|\d{4}\s*年|填报|制表|日期|[表册]$|[:：]|^[(（].*[)）]$/;

/** Brackets as half-width ones: 乡镇（街道） as 乡镇(街道). */
function halfBrackets(s: string): string {
  return s.replace(/（/g, "(").replace(/）/g, ")");
}

/** A name without a note in brackets after it (区发改委（区粮食局）, 城南街道(筹)), where something is left. */
function withoutSuffix(name: string): string {
  const core = name.replace(/\s*[(（][^()（）]*[)）]$/, "");
  return core === "" ? name : core;
}

/** The number before a name in a list Word numbered (1. 2、 （3） (4)), in Arabic digits, a name after it. */
const ARABIC_NUMBERING = /^\s*(?:\d{1,3}\s*[.、．](?!\d)|[(（]\s*\d{1,3}\s*[)）])\s*(?=\p{Script=Han})/u;

/**
 * A summary line: 合计, 乡镇小计, and with its count in the same cell (合计:22个, 总计22个, 合计 22,
 * 共计22个单位, 以上共22个单位): no unit.
 */
function summaryLine(text: string): boolean {
  if (isSummaryName(text)) return true;
  const m = /^(.*?)[\s:：]*共?\s*\d+\s*(?:个|家)?\s*(?:单位)?\s*[)）]?$/.exec(text.trim());
  const head = m?.[1]?.replace(/[\s:：(（]+$/, "") ?? "";
  return m !== null && (/^(以上|共|总共)$/.test(head) || (head !== "" && isSummaryName(head)));
}

/** A list's title or attachment number beyond doubt (…考核单位名单, 附件1): above a list without a heading too. */
const STRICT_TITLE = /名单|名录|一览表|^附件\s*\d*$|考核对象/;

/** A date alone on a line (2026-03-01, 2026年3月1日). */
const DATE_ONLY = /^(19|20)\d{2}\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?$|^(19|20)\d{2}\s*年\s*\d{1,2}\s*月$/;

/** A district's or a county's name alone (柳河区, 青山县): whose list, above it. */
const PLACE_ONLY = /^(?!.*(?:高新|经开|开发|园|新区|工业|保税|自贸|景区|管理))\p{Script=Han}{2,6}[区县市旗]$/u;

/** Lines above a list's heading looked through for it (附件1, a title, a line of who filled it). */
const PREAMBLE_MAX = 4;

/** A word without the level a city or a county writes before it (县直部门, 市属国企, 市级部门, 各部门: 部门, 国企). */
function withoutLevel(word: string): string {
  return word.replace(/^(?:[市县区旗州盟](?:直|属|级)|各)/, "");
}

export function parseUnitsFile(file: string, text: string, rubric: Rubric): { units: TemplateUnit[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const units: TemplateUnit[] = [];
  // By the name in one width (区发改委（区粮食局） and 区发改委(区粮食局) are one unit, as validate reads them).
  const seen = new Map<string, { line: number; name: string }>();
  // (Brackets either width, on either side: Word writes 乡镇（街道）, a rubric may name a kind 区直部门（单位）.)
  // (Or without them: 乡镇街道 for 乡镇(街道).)
  const unbracketed = (x: string): string => x.replace(/[()（）]/g, "");
  const same = (a: string, b: string): boolean => a === b || halfBrackets(a) === halfBrackets(b) || unbracketed(a) === unbracketed(b);
  // (Or by its one line's sheet or name, a kind scored on one sheet: 区属国企, as the template heads it.)
  const oneLine = (k: (typeof rubric.unitKinds)[number]): { sheet: string; name: string } | undefined => (k.lines.length === 1 ? rubric.lines.find((l) => l.code === k.lines[0]) : undefined);
  const exactKind = (label: string): UnitKindId | undefined =>
    rubric.unitKinds.find((k) => k.labels.some((l) => same(l, label)) || k.id === label.toLowerCase() || same(k.name, label))?.id ??
    rubric.unitKinds.find((k) => {
      const line = oneLine(k);
      return line !== undefined && (same(line.sheet, label) || same(line.name, label));
    })?.id;
  // A kind's word after the level a city or a county writes (县直部门, 市属国有企业, 各部门), in a
  // 类型 column as under a heading: that kind, as the word alone gives it (a county's 县直部门 was an
  // unknown kind on each of 200 lines, where its heading 二、县直部门 was taken).
  const kindOf = (label: string): UnitKindId | undefined => {
    const bare = withoutLevel(label);
    return exactKind(label) ?? (bare !== label && bare !== "" ? exactKind(bare) : undefined);
  };
  const exactGroup = (word: string, within?: UnitKindId): { kind: UnitKindId; group: string } | undefined => {
    for (const k of rubric.unitKinds) {
      if (within !== undefined && k.id !== within) continue;
      const g = k.groups.find((x) => same(x.name, word) || x.id === word.toLowerCase() || x.labels.some((l) => same(l, word)));
      if (g) return { kind: k.id, group: g.id };
    }
    return undefined;
  };
  // (A group's name after the level too: 市直党群部门.)
  const groupOf = (word: string, within?: UnitKindId): { kind: UnitKindId; group: string } | undefined => {
    const bare = withoutLevel(word);
    return exactGroup(word, within) ?? (bare !== word && bare !== "" ? exactGroup(bare, within) : undefined);
  };
  /**
   * The longest label the name ends with (城关镇: 镇; 东城街道办: 街道办), a kind's or one of its
   * groups': that kind, and the group its ending names; undefined where none, or two kinds' alike.
   */
  const byName = (full: string): { kind: UnitKindId; group?: string } | undefined => {
    // A town's or a street's official name (城南街道办事处, 柳河镇人民政府): by the place it names;
    // a note in brackets after it (区发改委（区粮食局）, 城南街道(筹)) set aside.
    const name = withoutSuffix(full).replace(/(?<=(?:街道|镇|乡))(?:办事处|人民政府|政府)$/, "");
    let best: { kind: UnitKindId; length: number } | undefined;
    let ambiguous = false;
    for (const k of rubric.unitKinds)
      for (const label of [...k.labels, ...k.groups.flatMap((g) => g.labels)]) {
        if (!endsAs(name, label) || label.length >= name.length) continue;
        if (!best || label.length > best.length) [best, ambiguous] = [{ kind: k.id, length: label.length }, false];
        else if (label.length === best.length && best.kind !== k.id) ambiguous = true;
      }
    if (!best || ambiguous) return undefined;
    const kind = rubric.unitKinds.find((k) => k.id === best.kind);
    const group = kind ? groupByEnding(kind, name)?.group.id : undefined;
    return group !== undefined ? { kind: best.kind, group } : { kind: best.kind };
  };
  // Lines ended as Windows, Unix or old Mac programs end them.
  const lines = text.replace(/^\ufeff/, "").split(/\r\n|\r|\n/);
  // More lines with anything on them than a template may list units: said at once, not read (a
  // template of 400,000 names ran out of memory after two minutes, with V8's stack trace).
  let filled = 0;
  for (const l of lines) if (l.trim() !== "") filled++;
  if (filled > MAX_TEMPLATE_UNITS * 2) return { units: [], diagnostics: [{ code: "units.too-many-lines", severity: "error", data: { count: filled, max: MAX_TEMPLATE_UNITS }, location: { file, line: 1, col: 1 } }] };
  // The header is looked for on the first line that holds anything (blank lines above it are nothing).
  let headerLooked = false;
  /** The name column's heading, where the list has one: a line repeating it is a heading again. */
  let headerName: string | undefined;
  // The lines a name's line break ran on to (said at its first line).
  let skipThrough = -1;
  // Where the name, the kind and the group are: the first three fields, or where a header line says
  // (序号,单位名称,类型,分组,备注 as a list kept in Excel has it: columns it does not head as one of
  // these are left alone; a kind column without a heading follows the name's).
  let at = { name: 0, kind: 1, group: 2 };
  /** The group column's heading, where a heading line names one (所属组): a blank group is asked of it. */
  let groupHeading: string | undefined;
  /** The kind column's heading, where a heading line names one (类型): a blank kind is asked of it. */
  let kindHeading: string | undefined;
  const heading = sectionHeading(rubric);
  /**
   * A kind's label that may be a unit's whole name: of three characters or more, not a word for
   * units of a kind (乡镇, 区直部门), nor part of a kind's or a group's name (股室 of 局机关股室, 中心学校
   * of 乡镇中心学校): 办公室, 教研室.
   */
  const unitLikeLabel = (name: string): boolean =>
    [...name].length >= 3 && !heading.test(name) && !KIND_WORDS.test(name) && !rubric.unitKinds.some((k) => k.name.includes(name) || k.groups.some((g) => g.name.includes(name)));
  // 单位类型 and 单位分组 head a kind and a group, not the name (单位名称, 单位, 名称).
  // In English too: Unit, Unit name, Name; Kind, Type, Unit type; Group.
  // (A school's or a hospital's list heads them 学校名称, 学校类型: a word for what the units are
  // before 名称 heads the names too; a unit's name ending 名称 (区地名称) is no heading.)
  // (And as offices head them: 所属类别, 考核类别, 分类; 所属分组. Not 单位性质: 行政单位, 事业单位.)
  // (Nor a column of codes: 分类号, 所属类别代码.)
  const KIND_HEADER = /^(?!.*(?:号|代码|编码|编号|code))(?:(单位|学校|机构|所属|考核)?(类型|类别|分类)|(unit\s*)?(kind|type))/i;
  const GROUP_HEADER = /^(?!.*(?:号|代码|编码|编号|code))(?:(单位|学校|机构|所属|考核)?(分组|组别)|所属组|(unit\s*)?group)/i;
  const NAME_HEADER = /^(单位|名称|name|unit)/i;
  const NAME_EXACT = /^(单位名称|单位全称|单位名|被考核单位|名称|unit name|name|学校|机构|(单位|学校|机构|部门|乡镇|街道|镇街|医院|卫生院|企业|被考核单位|考核对象)([(（][^)）]*[)）])?(名称|全称))$/iu;
  /** Other columns' headings a list kept in Excel has beside the name's. */
  const HEADING_WORD = /^(序号|编号|no\.?|#|备注|说明|联系人|联系电话|电话|排序|地区|所属片区|片区|remarks?|notes?|contact)$/i;
  /** Headings beginning 单位 that head another detail of the unit. */
  const NOT_NAME = /(代码|编号|编码|序号|性质|级别|地址|负责人|联系人|电话|code|number|no\.?)$/i;
  /** How a town's or a company's name ends, where no label of the rubric's says it (城关镇, 区城投集团). */
  const PLACE_ENDING = /(公司|集团|镇|乡|街道|社区|村)$/;
  /** A text ending as a unit's name does: a kind's label, an office's or a place's. */
  const looksLikeUnit = (f: string): boolean => byName(f) !== undefined || kindOf(f) !== undefined || OFFICE_ENDING.test(f) || PLACE_ENDING.test(f);
  /**
   * Whether a label alone on line i heads the names under it: the next name ends with it (幼儿园
   * over 县第一幼儿园; not 办公室 over 人事股).
   */
  const headsNames = (i: number, label: string): boolean => {
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j] ?? "";
      if (l.trim() === "") continue;
      const f = splitFields(l);
      const n = (f[at.name] ?? f[0] ?? "").trim();
      return n !== label && n.endsWith(label);
    }
    return false;
  };
  /** The kind (and group) a heading names, for the units under it: 一、乡镇 → town; 乡镇组: → town in 乡镇组. */
  const sectionOf = (text: string): { kind: UnitKindId; group?: string; heading: string } | undefined => {
    // (The words whole, as a kind or a group is named: not 部门和国企 by its ending.)
    // (After the level a city or a county writes, 市直部门 or 市直党群部门: the word alone's, as kindOf
    // and groupOf take it; a city's 市直部门 gave none: its units went to the towns.)
    const words = headingWords(text);
    // A class's word after it (党群部门类, 政法口, 教育系统): the words before it.
    for (const w of [words, words.replace(/(?:类|口|系统)$/, "")]) {
      if (w === "") continue;
      const g = groupOf(w);
      if (g) return { ...g, heading: text };
      const k = kindOf(w);
      if (k !== undefined) return { kind: k, heading: text };
    }
    // Words of one kind together (镇(街道), 各镇、街道): that kind.
    const parts = words.replace(/^各/, "").split(/[()、和及与,，/]/).map((x) => x.trim()).filter((x) => x !== "");
    const of = new Set(parts.map((x) => kindOf(x) ?? groupOf(x)?.kind));
    const only = of.size === 1 ? [...of][0] : undefined;
    return parts.length > 1 && only !== undefined ? { kind: only, heading: text } : undefined;
  };
  /** A heading naming several kinds (二、区直部门、国有企业; 中心学校和县直学校): each part a kind's or a group's word. */
  const kindsHeading = (text: string): boolean => {
    const parts = headingWords(text).split(/[、和及与,，/]/).map((x) => x.trim());
    return parts.length > 1 && parts.every((x) => x !== "" && (KIND_WORDS.test(x) || kindOf(x) !== undefined || groupOf(x) !== undefined));
  };
  /**
   * The list's heading line (序号,单位名称,类型): where its columns are, or undefined where the line
   * is no heading (a unit and its kind, 区统计局,单位).
   */
  const headerOf = (fields: readonly string[]): { at: { name: number; kind: number; group: number }; groupHeading: string | undefined; kindHeading: string | undefined; headerName: string } | undefined => {
    // The name's heading: 单位名称 where there is one, else the first heading beginning 单位 or 名称
    // that heads no code, number or other detail (单位代码,单位名称,类型: the names, not 001).
    const exact = fields.findIndex((f) => NAME_EXACT.test(f) && !KIND_HEADER.test(f) && !GROUP_HEADER.test(f));
    const nameAt = exact >= 0 ? exact : fields.findIndex((f) => NAME_HEADER.test(f) && !KIND_HEADER.test(f) && !GROUP_HEADER.test(f) && !NOT_NAME.test(f));
    const kindAt = fields.findIndex((f) => KIND_HEADER.test(f));
    const groupAt = fields.findIndex((f) => GROUP_HEADER.test(f));
    // A header line (no field of it a kind or a group; or one heading a kind's column with a word
    // no kind is labeled, 单位,类型 where a kind is labeled 单位): skipped, once its columns are known.
    const kindHeaded = kindAt >= 0 && kindOf(fields[kindAt] ?? "") === undefined;
    // 单位 alone on the line, the list's heading whatever a kind is labeled.
    const alone = fields.filter((f) => f !== "").length === 1 && (/^(单位|unit)$/i.test(fields[nameAt] ?? "") || NAME_EXACT.test(fields[nameAt] ?? ""));
    // Before the name's heading, no unit's name (区统计局,单位 is a unit and its kind, not a heading;
    // 序号, 排序, 所属片区, 联系人 head columns): one ending as a kind's label or an office's does.
    const unitBefore = fields.slice(0, Math.max(0, nameAt)).some((f) => f !== "" && looksLikeUnit(f));
    // Every field a heading's word (序号,单位; 单位,备注): a heading, whatever a kind is labeled.
    const allHeadings = fields.every((f) => f === "" || NAME_HEADER.test(f) || KIND_HEADER.test(f) || GROUP_HEADER.test(f) || HEADING_WORD.test(f));
    // Alone on its line, only a heading's own words (单位, 单位名称, 学校名称): a list without a
    // heading may begin with a unit named 单位工会.
    const single = fields.filter((f) => f !== "").length === 1;
    if (nameAt < 0 || unitBefore || !(single ? alone : kindHeaded || allHeadings || fields.every((f) => f === "" || (kindOf(f) === undefined && groupOf(f) === undefined)))) return undefined;
    // Without a 类型 heading, the column after the name is its kind only where nothing heads it
    // (单位 alone); a column headed otherwise (备注) is left alone.
    const headed = fields.some((f, k) => k > nameAt && f !== "");
    return {
      at: { name: nameAt, kind: kindAt >= 0 ? kindAt : groupAt >= 0 || headed ? -1 : nameAt + 1, group: groupAt },
      groupHeading: groupAt >= 0 ? fields[groupAt] : undefined,
      kindHeading: kindAt >= 0 ? fields[kindAt] : undefined,
      headerName: fields[nameAt] ?? "",
    };
  };
  /**
   * A line above the list's heading that is no unit: an attachment's number, the list's title, a
   * date, the district's name, who filled it (附件1, 2026年度…名单, 2026-03-01, 柳河区, 填报单位:…).
   */
  const titleLine = (t: string): boolean => isFooterText(t) || DATE_ONLY.test(t) || PLACE_ONLY.test(t) || (!looksLikeUnit(t) && TITLE_LIKE.test(t));
  /**
   * The lines above the list's heading, where it comes within the first few lines (as a list kept
   * in Word or Excel begins), that are titles and the like: no units, each said. Others there are
   * read as units (区科协, 区残联: a list without a heading whose second list has one).
   */
  const preamble = ((): ReadonlySet<number> => {
    const above: number[] = [];
    const first = (k: number): string => splitFields(lines[k] ?? "").find((x) => x !== "") ?? "";
    // A list without a heading: its first lines where each is plainly its title (…单位名单, 附件1).
    const titled = (): ReadonlySet<number> => {
      const out = new Set<number>();
      for (const k of above) {
        if (!STRICT_TITLE.test(first(k)) || looksLikeUnit(first(k))) break;
        out.add(k);
      }
      return out;
    };
    for (let j = 0; j < lines.length && above.length <= PREAMBLE_MAX; j++) {
      const f = splitFields(lines[j] ?? "");
      const filled = f.filter((x) => x !== "");
      if (!filled.length) continue;
      if (headerOf(f)) return new Set(above.filter((k) => titleLine(first(k))));
      const only = filled[0] ?? "";
      if (filled.length !== 1 || heading.test(only) || summaryLine(only)) return titled();
      above.push(j);
    }
    return titled();
  })();
  let section: { kind: UnitKindId; group?: string; heading: string } | undefined;
  // A line's Arabic number before its first words (1.城关镇: 1), where it has one: asked only
  // beside a numbered line that reads as a heading.
  const numberOf = (j: number): number | undefined => {
    const m = ARABIC_NUMBERING.exec(splitFields(lines[j] ?? "").find((x) => x !== "") ?? "");
    return m ? Number(/\d+/.exec(m[0])?.[0]) : undefined;
  };
  /** Whether line i's number runs on from the line before it or into the line after it (1, 2, 3). */
  const inNumberedRun = (i: number): boolean => {
    const n = numberOf(i);
    if (n === undefined) return false;
    const near = (step: number): number | undefined => {
      for (let j = i + step; j >= 0 && j < lines.length; j += step) if ((lines[j] ?? "").trim() !== "") return numberOf(j);
      return undefined;
    };
    return near(-1) === n - 1 || near(1) === n + 1;
  };
  // Names numbered as a Word list numbers them: the first of them, and how many units they are (said once).
  const numberedNames: { line: number; value: string }[] = [];
  let numberedUnits = 0;
  lines.forEach((raw, i) => {
    const line = i + 1;
    // A line a name's line break ran on to: said at the name's first line.
    if (i <= skipThrough) return;
    const quote = { open: false };
    const fields = splitFields(raw, quote);
    // Bytes that are no text in the list's encoding (a line of another, or damaged), or control
    // characters (C1 ones too: U+0085 pasted from another program): not a unit's name.
    // eslint-disable-next-line no-control-regex
    const bad = raw.search(/[\ufffd\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/);
    if (bad >= 0) {
      // Saved again as UTF-8, a line of another encoding reads; a control character stays, to be deleted.
      diagnostics.push({ code: raw[bad] === "\ufffd" ? "units.bad-bytes" : "units.control-char", severity: "error", data: {}, location: { file, line, col: bad + 1 } });
      return;
    }
    // A quote open at the line's end: closed on a later line, a name with a line break in its
    // cell (Alt+Enter, as Excel saves it); never closed, its separators were read as the name's.
    // Either way refused, not guessed.
    if (quote.open) {
      // Each later line read once, from the quote's state (a list with a quote open at its top is long).
      let end = -1;
      for (let j = i + 1, open = true; j < lines.length && end < 0; j++) {
        open = quoteOpenAfter(lines[j] ?? "", open);
        if (!open) end = j;
      }
      if (end >= 0) skipThrough = end;
      diagnostics.push({ code: end >= 0 ? "units.name-line-break" : "units.quote-open", severity: "error", data: {}, location: { file, line, col: raw.indexOf('"') + 1 } });
      return;
    }
    if (!headerLooked && fields.every((f) => f === "")) return;
    if (preamble.has(i)) {
      // Above the list's heading (附件1, the list's title): no unit, said.
      const value = fields.find((f) => f !== "");
      if (value !== undefined) diagnostics.push({ code: "units.preamble", severity: "warning", data: { value }, location: { file, line, col: Math.max(1, raw.indexOf(value) + 1) } });
      return;
    }
    if (!headerLooked) {
      headerLooked = true;
      const header = headerOf(fields);
      if (header) {
        ({ at, groupHeading, kindHeading, headerName } = header);
        return;
      }
    }
    // A note or a signature line under the list (注:…, 制表人:张三, 审核人:李四, 联系电话:…), in any
    // column: no unit (联系电话:1234567 was listed as a town; 制表人 a blank name's error), said.
    const first = fields.find((f) => f !== "");
    // (A signature's label at its end only with a colon or a sentence's stop: 区委（联系人）, 驻区领导 are units.)
    // (Under a heading, a note on its units, 注:含垂直管理单位, leaves the heading's kind to those after it.)
    if (first !== undefined && (isFooterText(first) || (/[:：。]/.test(first) && isFooterNote(first)))) {
      diagnostics.push({ code: "units.footer", severity: "warning", data: { value: first }, location: { file, line, col: Math.max(1, raw.indexOf(first) + 1) } });
      return;
    }
    // The list's heading again with its columns in another order (a second list pasted under the
    // first, 类型,单位名称 under 单位名称,类型): no unit (类型 of the kind 单位名称), and the lines
    // under it read by its columns.
    const again = fields.findIndex((f) => NAME_EXACT.test(f) || (NAME_HEADER.test(f) && !KIND_HEADER.test(f) && !GROUP_HEADER.test(f) && !NOT_NAME.test(f)));
    if (again >= 0 && again !== at.name && fields.filter((f) => f !== "").length > 1 && fields.every((f) => f === "" || NAME_HEADER.test(f) || NAME_EXACT.test(f) || KIND_HEADER.test(f) || GROUP_HEADER.test(f) || HEADING_WORD.test(f))) {
      const kindAt = fields.findIndex((f) => KIND_HEADER.test(f));
      const groupAt = fields.findIndex((f) => GROUP_HEADER.test(f));
      at = { name: again, kind: kindAt, group: groupAt };
      kindHeading = kindAt >= 0 ? fields[kindAt] : undefined;
      groupHeading = groupAt >= 0 ? fields[groupAt] : undefined;
      headerName = fields[again] ?? "";
      diagnostics.push({ code: "units.repeated-heading", severity: "warning", data: { value: headerName }, location: { file, line, col: Math.max(1, raw.indexOf(headerName) + 1) } });
      // (A second list: no heading of the first reaches into it.)
      section = undefined;
      return;
    }
    const parts = [fields[at.name] ?? "", fields[at.kind] ?? "", fields[at.group] ?? ""];
    // A name spaced out to line up in a table (柳河镇 spaced by full-width spaces, 区 财 政 局): its characters, closed up
    // (explain and the other files name it 柳河镇), said where it is listed.
    const written = parts[0] ?? "";
    // And the number a Word list numbered it by (1.城关镇, 2、白沙镇, （3）东湖街道): no part of it
    // (a heading's numbering is in Chinese numerals, 一、镇, and stays).
    // A line numbered so that reads as a heading (1、农村乡镇, 2、各街道) is one, unless the lines beside
    // it run on its number (1.城关镇 above 2、白沙镇: a numbered list of units).
    const numbering = ARABIC_NUMBERING.exec(written);
    const numbered = numbering && (!heading.test(written) || inNumberedRun(i)) ? numbering : null;
    const name = written.slice(numbered?.[0].length ?? 0).replace(/(?<=\p{Script=Han})[ \u3000\u00a0]+(?=\p{Script=Han})/gu, "");
    if (numbered && name !== "") numberedNames.push({ line, value: written });
    const label = parts[1] ?? "";
    // Where a field of the line stands in it: a problem's column is that field's.
    const colOf = (value: string): number => Math.max(1, raw.indexOf(value) + 1);
    // A line that is no unit (a heading over part of the list, a summary), left out and said at the word.
    const leftOut = (code: "units.summary" | "units.heading" | "units.repeated-heading", value: string): void => {
      // The units under a heading that names a kind or a group (（二）县直学校) are of it, where
      // nothing else says their kind, and said so; a heading naming none, a summary line or the
      // list's heading again ends that.
      section = code === "units.heading" ? sectionOf(value) : undefined;
      const k = section ? rubric.unitKinds.find((x) => x.id === section?.kind) : undefined;
      // (A group's name says its kind too: 乡镇组.)
      const named = k ? (section?.group !== undefined ? (k.groups.find((g) => g.id === section?.group)?.name ?? section.group) : k.name) : "";
      diagnostics.push({ code: named ? "units.heading-kind" : code, severity: "warning", data: named ? { value, kind: named } : { value }, location: { file, line, col: colOf(value) } });
    };
    /** A name in a column before the name's: an error at it, naming the column the names are in. */
    const misplaced = (value: string): void => {
      diagnostics.push({ code: "units.name-before-column", severity: "error", data: { value, heading: headerName ?? "" }, location: { file, line, col: colOf(value) } });
    };
    if (name === "" && label === "") {
      // A heading or a summary in the 序号 column (一、镇街,,, or 合计,,,), the name's blank: said, as
      // in the name's column (a line dropped without a word read as a unit lost).
      const other = fields.find((f) => f !== "");
      if (other !== undefined && summaryLine(other)) leftOut("units.summary", other);
      // (A kind's word or a group's name there too, 区直部门: left out unsaid, it read as lost.)
      else if (other !== undefined && (heading.test(other) || isNumbered(other) || KIND_WORDS.test(other) || kindOf(other) !== undefined || groupOf(other) !== undefined)) leftOut("units.heading", other);
      // Text in a column before the name's (序号), the name's blank: a unit's name there is the line
      // a column out of place (an error); anything else (制表人:张三, 东片区, 石桥) is left out, said,
      // as a line dropped without a word may be a unit lost.
      else if (other !== undefined && fields.indexOf(other) < at.name && !NUMBERING_ONLY.test(other)) {
        if (looksLikeUnit(other)) misplaced(other);
        else diagnostics.push({ code: "units.left-out", severity: "warning", data: { value: other, heading: headerName ?? "" }, location: { file, line, col: colOf(other) } });
      }
      return;
    }
    // A unit's name in the 序号 column and its kind in the name's (柳河镇,乡镇 under 序号,单位名称,类别):
    // a column out of place, not a heading (every unit of the list was taken for one).
    const before = at.name > 0 ? fields.slice(0, at.name).find((f) => f !== "" && !NUMBERING_ONLY.test(f)) : undefined;
    if (before !== undefined && looksLikeUnit(before) && (KIND_WORDS.test(name) || kindOf(name) !== undefined || groupOf(name) !== undefined)) return misplaced(before);
    if (name === "") {
      // 合计 in the 序号 column with the count beside it (合计,,22个): a summary, as without the count.
      const first = fields.find((f) => f !== "");
      if (first !== undefined && summaryLine(first)) return leftOut("units.summary", first);
      diagnostics.push({ code: "units.blank-name", severity: "error", data: {}, location: { file, line, col: 1 } });
      return;
    }
    if (name.length > MAX_CELL_CHARS) {
      diagnostics.push({ code: "units.name-too-long", severity: "error", data: { length: name.length, max: MAX_CELL_CHARS }, location: { file, line, col: colOf(name) } });
      return;
    }
    // A summary line copied with the list (合计, 乡镇小计 and its count): no unit. Excel's lists put
    // 合计 in the first column (序号) as often as in the name's.
    // (A heading counted so, 三、区直部门（共计12个单位）, is a heading: below.)
    const summary = summaryLine(name) && !heading.test(name) ? name : at.name > 0 && summaryLine(fields[0] ?? "") ? (fields[0] ?? "") : undefined;
    if (summary !== undefined) return leftOut("units.summary", summary);
    // The list's heading again (lists of two sheets put one under the other): no unit.
    if (name === headerName || NAME_EXACT.test(name)) return leftOut("units.repeated-heading", name);
    // A heading over a part of the list (一、乡镇, （二）街道), nothing beside it: no unit; nor a kind's
    // word or a group's name alone on its line (乡镇, 区直部门, 乡镇组: each was listed as a unit).
    // (Not a group's labels: a rubric may list its units' names there.)
    // A kind's label that could be a unit's own name (办公室 labeling 局机关股室): listed, as a unit
    // of that kind, and said (a real unit left out unseen is worse than a heading listed and seen).
    const asUnit = label === "" && (parts[2] ?? "") === "" && unitLikeLabel(name) && !headsNames(i, name) ? rubric.unitKinds.find((k) => k.labels.includes(name))?.id : undefined;
    if (asUnit === undefined && label === "" && (parts[2] ?? "") === "" && (heading.test(name) || KIND_WORDS.test(name) || kindOf(name) !== undefined || rubric.unitKinds.some((k) => k.groups.some((g) => g.name === name)) || kindsHeading(name))) return leftOut("units.heading", name);
    let kind: UnitKindId = rubric.unitKinds[0]?.id ?? "";
    let group: string | undefined;
    let guessed = false;
    if (asUnit !== undefined) {
      kind = asUnit;
      const named = rubric.unitKinds.find((k) => k.id === asUnit);
      diagnostics.push({ code: "units.label-as-unit", severity: "warning", data: { value: name, kind: named?.name ?? asUnit }, location: { file, line, col: colOf(name) } });
    }
    // (A group column names the kind itself.) One kind alone: its group may still be in the name,
    // else in the heading over it (二、政府部门 over 市财政局: no group was taken from it, where it
    // was for a rubric of several kinds). Its name saying another group: its own, said with the heading.
    if (label === "" && rubric.unitKinds.length === 1 && parts[2] === "") {
      group = byName(name)?.group;
      const under = section?.kind === kind ? section.group : undefined;
      if (group === undefined) group = under;
      else if (under !== undefined && under !== group && section) {
        const shown = rubric.unitKinds[0]?.groups.find((g) => g.id === group)?.name ?? group;
        diagnostics.push({ code: "units.group-not-heading", severity: "warning", data: { unit: name, group: shown, heading: section.heading }, location: { file, line, col: colOf(name) } });
      }
    }
    // (A kind's word in the group column, no kind column beside it (区城投集团,企业): the kind.)
    const kindInGroup = label === "" && parts[2] !== undefined && parts[2] !== "" && groupOf(parts[2]) === undefined ? kindOf(parts[2]) : undefined;
    if (asUnit === undefined && label === "" && rubric.unitKinds.length > 1 && kindInGroup === undefined && (parts[2] === "" || groupOf(parts[2] ?? "") === undefined)) {
      // No kind given: the one its name says (城关镇, 市教育局), else the first, and said.
      const named = byName(name);
      // A name like an office's (区投资促进中心, 区人武部: ending in 中心, 局, 部…) where the rubric
      // has a kind of offices, or like a company's (区城投集团, 区农商银行) where it has a kind of
      // companies (neither ranked in groups).
      const core = withoutSuffix(name);
      // (A kind of offices ranked in groups too, 党群部门 and 政府部门: 县总工会 went to the towns; its group then asked for.)
      const officeKind = (k: (typeof rubric.unitKinds)[number]): boolean => k.labels.some((l) => /部门|机关|局|单位/.test(l));
      const office = !named && OFFICE_ENDING.test(core) ? (rubric.unitKinds.find((k) => k.groups.length === 0 && officeKind(k)) ?? rubric.unitKinds.find(officeKind)) : undefined;
      // (Its company's words in a note after it too: 区水务（集团）.)
      const companyName = !named && !office && (/集团|公司|银行|控股/.test(name) || (/企业|投资|城投|国投|交投|资产经营/.test(core) && !OFFICE_ENDING.test(core)));
      // (A rubric without a kind of companies: among its offices, not its towns (区城投集团有限公司
      // under the district scheme), where no heading over it says its kind (红旗农场有限公司 under 一、镇、街道).)
      const company = companyName ? (rubric.unitKinds.find((k) => k.groups.length === 0 && k.labels.some((l) => /企业|公司|国企/.test(l))) ?? (section ? undefined : rubric.unitKinds.find((k) => k.groups.length === 0 && k.labels.some((l) => /部门|机关|局|单位/.test(l))))) : undefined;
      // Under a heading naming another kind, an office's or a company's name keeps its own, said with the heading.
      const like = office ?? company;
      if (named) {
        ({ kind, group } = named);
        // (Its group from the heading over it, where its name says its kind but not its group.)
        if (group === undefined && section?.kind === kind) group = section.group;
        // Under a heading naming another kind or group (县第三小学 under 四、股室): listed by its name, and said
        // (the heading's line had said its units would go there).
        else if (section && (section.kind !== kind || (section.group !== undefined && group !== undefined && section.group !== group))) {
          const own = rubric.unitKinds.find((k) => k.id === kind);
          const shown = group !== undefined ? (own?.groups.find((g) => g.id === group)?.name ?? group) : (own?.name ?? kind);
          // (Its kind the heading's, its group another: the group to write.)
          const code = section.kind === kind ? "units.group-not-heading" : "units.kind-not-heading";
          diagnostics.push({ code, severity: "warning", data: code === "units.group-not-heading" ? { unit: name, group: shown, heading: section.heading } : { unit: name, kind: shown, heading: section.heading }, location: { file, line, col: colOf(name) } });
        }
      } else if (section && (!like || like.id === section.kind)) {
        // Under a heading naming its kind (（二）县直学校), where its name says no other.
        ({ kind, group } = { kind: section.kind, ...(section.group !== undefined ? { group: section.group } : {}) });
      } else if (section && like) {
        // Like a company under a heading naming another kind: listed as one, and said with the heading.
        kind = like.id;
        diagnostics.push({ code: "units.kind-not-heading", severity: "warning", data: { unit: name, kind: like.name, heading: section.heading }, location: { file, line, col: colOf(name) } });
        guessed = true;
      } else {
        const labels = [...new Set(rubric.unitKinds.flatMap((k) => [...k.labels, ...k.groups.flatMap((g) => g.labels)]))].join("、");
        // Like an office or a company: listed as one, and said. Else the first kind.
        const listed = like ?? rubric.unitKinds[0];
        if (like) kind = like.id;
        // (Its 分组 left blank, where that kind is ranked in groups: said in the same line.)
        const grouped = (listed?.groups.length ?? 0) > 0;
        // Its kind written as it would be: after the name, or, where headings name the columns and
        // none is the kind's, in a column of its own (written after the name, it would be left alone).
        // The example another kind's word (部门), not the word 类型 itself; for one listed as a company,
        // an office's (部门), the likelier other.
        const other = company ? (rubric.unitKinds.find((k, i) => i > 0 && k !== company) ?? rubric.unitKinds[0]) : office ? (rubric.unitKinds.find((k) => k !== office && k.groups.length === 0) ?? rubric.unitKinds.find((k) => k !== office)) : rubric.unitKinds[1];
        const example = other?.labels[0] ?? rubric.unitKinds[0]?.labels[0] ?? "";
        // (In the list's own 类型 column where it has one, left blank: to be filled there.)
        const where = at.kind < 0 ? "-column" : kindHeading !== undefined ? "-cell" : "";
        const code = `${like ? "units.kind-by-name" : grouped ? "units.kind-guessed-group" : "units.kind-guessed"}${where}`;
        diagnostics.push({ code, severity: "warning", data: { unit: name, kind: listed?.name ?? kind, labels, example, heading: kindHeading ?? "" }, location: { file, line, col: 1 } });
        guessed = true;
      }
    }
    // The second field names the kind (镇, 部门) or, where the kind has ranking groups, the group
    // (乡镇组); a third field may name the group after the kind.
    for (const [at, word] of [[1, label], [2, parts[2] ?? ""]] as const) {
      if (word === "") continue;
      const k = at === 1 ? kindOf(word) : at === 2 ? kindInGroup : undefined;
      // A group after a kind is one of that kind's; a group alone (no kind column) names its kind.
      const g = k === undefined ? groupOf(word, at === 2 && label !== "" ? kind : undefined) : undefined;
      if (k !== undefined) {
        kind = k;
        // A kind's label that is also one of its groups' (镇 for 乡镇组) places the unit in it.
        group = groupOf(word, k)?.group;
      } else if (g) {
        kind = g.kind;
        group = g.group;
      } else if (at === 2 && groupOf(word) !== undefined) {
        // A group of another kind after the kind (部门,乡镇组): said as that, with the kind's own groups.
        const own = rubric.unitKinds.find((x) => x.id === kind);
        diagnostics.push({ code: "units.group-of-other-kind", severity: "error", data: { group: word, kind: own?.name ?? kind, groups: own?.groups.map((x) => x.name).join("、") || "—" }, location: { file, line, col: colOf(word) } });
        return;
      } else {
        // Every word it takes: the kinds' labels, and the groups' names and labels.
        const allowed = [...new Set([...rubric.unitKinds.flatMap((u) => u.labels), ...rubric.unitKinds.flatMap((u) => u.groups.flatMap((x) => [x.name, ...x.labels])), ...rubric.unitKinds.map((u) => u.id)])].join("、");
        diagnostics.push({ code: "units.unknown-kind", severity: "error", data: { kind: word, allowed }, location: { file, line, col: colOf(word) } });
        return;
      }
    }
    const key = comparableName(name);
    const prev = seen.get(key);
    if (prev !== undefined) {
      if (prev.name === name) diagnostics.push({ code: "units.duplicate", severity: "error", data: { unit: name, line: prev.line }, location: { file, line, col: 1 } });
      else diagnostics.push({ code: "units.duplicate-width", severity: "error", data: { unit: name, line: prev.line, first: prev.name }, location: { file, line, col: 1 } });
      return;
    }
    seen.set(key, { line, name });
    // A unit of a kind ranked in groups whose group nothing said: its 分组 cell is left blank, and said.
    const groups = rubric.unitKinds.find((k) => k.id === kind)?.groups ?? [];
    // The kind given (江北区,区县), the group its name's ending says (区 of 区组).
    if (groups.length && group === undefined) {
      const named = byName(name);
      if (named?.kind === kind && named.group !== undefined) group = named.group;
    }
    // Not where the kind itself was guessed: a group of a kind it may not be (区城投集团,乡镇组) is no advice.
    if (groups.length && group === undefined && !guessed) {
      const first = groups[0]?.name ?? "";
      // (Where the list has a group column, that column is what to fill: a group typed after the name would shift the others.)
      if (groupHeading !== undefined) diagnostics.push({ code: "units.group-unknown-column", severity: "warning", data: { unit: name, groups: groups.map((g) => g.name).join("、"), heading: groupHeading }, location: { file, line, col: 1 } });
      else diagnostics.push({ code: "units.group-unknown", severity: "warning", data: { unit: name, groups: groups.map((g) => g.name).join("、"), example: first }, location: { file, line, col: 1 } });
    }
    // A group given that its name's ending says is another's (石桥街道,乡镇组): said here, as validate
    // would say it at its 分组 cell later.
    const ownKind = rubric.unitKinds.find((k) => k.id === kind);
    const byEnding = ownKind && group !== undefined ? groupByEnding(ownKind, name) : undefined;
    if (byEnding && byEnding.group.id !== group) {
      const given = ownKind?.groups.find((g) => g.id === group)?.name ?? group ?? "";
      diagnostics.push({ code: "units.group-unlike-name", severity: "warning", data: { unit: name, group: given, label: byEnding.label, other: byEnding.group.name }, location: { file, line, col: 1 } });
    }
    if (name !== written.slice(numbered?.[0].length ?? 0)) diagnostics.push({ code: "units.name-spaced", severity: "warning", data: { value: written, name }, location: { file, line, col: colOf(written) } });
    if (numbered) numberedUnits++;
    units.push({ name, kind, ...(group !== undefined ? { group } : {}), ...(guessed ? { guessed: true as const } : {}) });
  });
  const firstNumbered = numberedNames[0];
  if (firstNumbered && numberedUnits) diagnostics.push({ code: "units.numbering-removed", severity: "warning", data: { value: firstNumbered.value, count: numberedUnits }, location: { file, line: firstNumbered.line, col: 1 } });
  if (!units.length && !diagnostics.length) diagnostics.push({ code: "units.empty", severity: "error", data: {}, location: { file, line: 1, col: 1 } });
  // Lines, but none a unit (each taken for a heading or a summary): no template of no units.
  else if (!units.length && !diagnostics.some((d) => d.severity === "error")) diagnostics.push({ code: headerName ? "units.none-read" : "units.none-read-unheaded", severity: "error", data: { heading: headerName ?? "" }, location: { file, line: 1, col: 1 } });
  if (units.length > MAX_TEMPLATE_UNITS) return { units: [], diagnostics: [{ code: "units.too-many", severity: "error", data: { count: units.length, max: MAX_TEMPLATE_UNITS }, location: { file, line: 1, col: 1 } }] };
  return { units, diagnostics };
}
