// Turns a workbook's rows into a Submission for a rubric: finds what each sheet is by its header
// codes, reads every unit row as it comes, and collects every problem, located to the cell, in
// one pass. Sheets are handed over row by row (a province's sheet is never held whole); the
// ledger, which needs every unit, is kept until finish().
import { cellRef, type Diagnostic, type Problems } from "../diagnostics/index.js";
import { saidInPlaceOf } from "../diagnostics/for-unit.js";
import type { JudgedItem, LeafItem, Rubric, UnitKind } from "../rubric/model.js";
import { allItems, isEntered, isRelative, leaves, kindOfLine, measureOf } from "../rubric/model.js";
import type { CellAt, Cover, LedgerEntry, Submission, Unit, Values } from "../model/submission.js";
import { lowerIsBetter, reaches, targetReader } from "../rubric/targets.js";
import { quotaBase, quotaOf } from "../rubric/quota.js";
import { formatMeasure, formatPoints, formatRate, normalizeWidth, numberText } from "../model/numbers.js";
import { ValueStore } from "./values.js";
import type { RawCell, RawRow, RawSheet } from "../xlsx/read/index.js";
import { isGeneralFormat } from "../xlsx/read/types.js";
import { cellText, cleanText, inHiddenColumns, isBlank, readMeasure, readPoints, shownText, storedNumber, type MeasureSpec } from "./cells.js";
import { sectionHeading } from "./heading.js";
import { FirstRows } from "./first-rows.js";
import { groupByEnding, namesGroup } from "./group-name.js";
import { message } from "../messages/index.js";
import { GROUP_HEADER, GROUP_HEADERS, HEADER_SCAN_ROWS, SHEET, LISTS_ALL_UNITS, LISTS_LEDGER_UNITS, LISTS_SHEET, LISTS_UNIT_KINDS, LISTS_KIND_GUESSED, UNIT_HEADER, headerCode, headerName, headingDeducts, headingMax, isFooterNote, isFooterText, isHighestName, isMeasureUnitsName, isNameHeading, isScaleName, isSummaryName, isTargetName, noteCode } from "./layout.js";
import { isCopyOf } from "./sheet-copy.js";
import { comparableName, nameStem, unrelatedName } from "../model/names.js";
import { footerField, footerLabel, signingDate } from "./footer.js";
import { MAX_NEAR_SEARCHES, nearestNames } from "./near.js";
import { ledgerColumnWords, ledgerHasCode, ledgerHeaderAt, listsItems, readLedger } from "./ledger.js";
import { acrossRow, BLANK_UNDER_MERGE, columnsOf, mergesOverData, type DataArea } from "./merges.js";
import { checkCoverage, measuredOf, neededCodes, type LocatedSheet } from "./coverage.js";
import { finerAcross, shownAcross, type ShownRate } from "./shown.js";
import { colName } from "../xlsx/refs.js";
import { isOurResultSheet, OUR_LINE_ROWS } from "./ours.js";
import { isRowTotal, rowSums, TotalsWatch, type TotalOff, type UnreadColumn } from "./totals.js";

/** A row of the items' weights (权重), not their marks: said as such, and not compared with the rubric's marks. */
const WEIGHT_LABEL = /权重|weight/i;

export type SheetRole =
  | { role: "line"; kind: string; columns: Map<number, JudgedItem>; headerRow: number; nameCol: number; groupCol?: number; uncoded?: readonly HeaderCell[]; lastHeaded?: number; headless?: readonly number[]; numberHeads?: ReadonlyMap<number, NumberHead>; passed?: readonly number[]; twice?: readonly Twice[] }
  | { role: "rates"; columns: Map<number, string>; headerRow: number; nameCol: number; lastHeaded?: number; uncoded?: readonly HeaderCell[]; numberHeads?: ReadonlyMap<number, NumberHead>; passed?: readonly number[]; twice?: readonly Twice[] };

/** A number in the header row where a heading goes: its cell and its text. */
export interface NumberHead {
  readonly ref: string;
  readonly value: string;
}

/** A column whose code an earlier one has (said an error at once; said hidden, where it is, once the sheet's hidden columns are known). */
interface Twice {
  readonly col: number;
  readonly code: string;
  /** The first column of the code: its header's reference, and its number. */
  readonly first: string;
  readonly firstCol: number;
}

/** A header cell with no code (统筹决策(20分) with its DZ2 deleted): where a missing column may be. */
export interface HeaderCell {
  readonly ref: string;
  readonly col: number;
  readonly text: string;
}

/** A row's cells by column number (a sparse array: faster than a map for a row read once). */
function rowCells(row: readonly RawCell[]): (RawCell | undefined)[] {
  const cells: (RawCell | undefined)[] = [];
  for (const c of row) cells[c.col] = c;
  return cells;
}

const refOf = (col: number, row: number): string => `${colName(col)}${row}`;

/** Units a header may name in its closing parentheses (一般公共预算收入(万元)). */
const HEADER_UNITS: ReadonlySet<string> = new Set(["元", "千元", "万元", "百万元", "亿元", "%", "‰", "人", "万人", "人次", "起", "个", "次", "户", "家", "项", "亩", "公顷", "吨", "万吨", "件", "例", "所", "座", "公里", "千米", "米", "平方米", "万平方米", "天", "小时"]);

/** Money by its scale, and shares: another of these than the rubric's reads a number 10 to 10,000 times off. */
const SCALED: ReadonlySet<string> = new Set(["元", "千元", "万元", "百万元", "亿元", "%", "‰"]);

/**
 * Whether a header's unit reads the column on another scale than the rubric's: money or shares
 * on either side and not the same (元 over 万元, % over 万元); counts by other words (个 for 起)
 * are one scale.
 */
function otherScale(written: string, display: string): boolean {
  return written !== display && (SCALED.has(written) || SCALED.has(display));
}

/** The unit a header names in its closing parentheses, where it is one of those; else undefined. */
function headerUnit(text: string): string | undefined {
  const m = /\(\s*([^()]+?)\s*\)\s*$/.exec(text.normalize("NFKC"));
  return m?.[1] !== undefined && HEADER_UNITS.has(m[1]) ? m[1] : undefined;
}

/** Problems that say a unit's name is another's other spelling, or a copy of its row: such a unit is not also said to be off the template's list. */
const SAID_AS_SPELLING: ReadonlySet<string> = new Set(["workbook.unit-missing-on-near", "workbook.unit-missing-on-width", "workbook.unit-near-row-only", "workbook.unit-near-row-alike", "workbook.unit-unlisted-spelling"]);

/** Each item's line, by the item's code (a group's too), made once per rubric. */
const itemLines = new WeakMap<Rubric, ReadonlyMap<string, string>>();

function linesOfItems(rubric: Rubric): ReadonlyMap<string, string> {
  let m = itemLines.get(rubric);
  if (!m) itemLines.set(rubric, (m = new Map(rubric.lines.flatMap((l) => allItems(l.items).map((i) => [i.code, l.code] as const)))));
  return m;
}

/** The one element of a list of one; undefined for none or several. */
function onlyOne<T>(xs: readonly T[] | undefined): T | undefined {
  return xs?.length === 1 ? xs[0] : undefined;
}

/**
 * Another version of the rubric a workbook is read beside (`rubric diff --on`, `assess diff`):
 * `codes`, the columns only it has, passed over, not refused (each version reads the columns it
 * knows); `names`, its names of the codes both have (a header heading a column as that version
 * names it is no other column's).
 */
export interface OtherVersion {
  readonly codes: ReadonlySet<string>;
  readonly names: ReadonlyMap<string, string>;
  /** Its ledger codes this rubric has not (a bonus the revision added): their rows are that version's alone, passed over. */
  readonly ledgerCodes?: ReadonlySet<string>;
  /** By unit kind: the words it names a group by (name, id, label) that name none here, each with the group of the same id here. */
  readonly groups?: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** A units list's heading over its names (单位名称, 单位全称, 被考核单位), alone in its cell. */
const LIST_NAME_HEADING = /^(?:单位名称|单位全称|被考核单位|考核对象|单位)$/;

/**
 * Reads the header row of a sheet: code columns known to the rubric, unknown codes reported (but
 * those only `other` version has, read under that version alone).
 */
function classify(rubric: Rubric, sheet: RawSheet, p: Problems, version: OtherVersion): SheetRole | undefined {
  const passOver = version.codes;
  const judged = new Map<string, JudgedItem>();
  const computed = new Map<string, LeafItem>();
  for (const line of rubric.lines) {
    for (const leaf of leaves(line.items)) {
      if (isEntered(leaf)) judged.set(leaf.code, leaf);
      else computed.set(leaf.code, leaf);
    }
  }
  // Groups (DZ3 综合治理, the sum of DZ3.1…): a subtotal column people keep beside the items.
  const groups = new Map(rubric.lines.flatMap((l) => allItems(l.items)).flatMap((it) => (it.kind === "group" ? [[it.code, it.name] as const] : [])));
  const rateCodes = new Set([...rubric.indicators.map((i) => i.code), ...rubric.targets.map((t) => t.code)]);
  const ledgerCodes = new Set(rubric.ledger.map((l) => l.code));
  // The names of the columns of each kind (indicators and targets; items entered), and the codes each names.
  const named = (xs: readonly { code: string; name: string }[]): { nameOf: Map<string, string>; codesNamed: Map<string, string[]>; codesStemmed: Map<string, string[]> } => {
    const codesNamed = new Map<string, string[]>();
    const codesStemmed = new Map<string, string[]>();
    for (const x of xs) {
      codesNamed.set(comparableName(x.name), [...(codesNamed.get(comparableName(x.name)) ?? []), x.code]);
      // Only names with bracketed words of their own have a stem apart from their name.
      if (nameStem(x.name) !== comparableName(x.name)) codesStemmed.set(nameStem(x.name), [...(codesStemmed.get(nameStem(x.name)) ?? []), x.code]);
    }
    return { nameOf: new Map(xs.map((x) => [x.code, x.name])), codesNamed, codesStemmed };
  };
  const rateNames = named([...rubric.indicators, ...rubric.targets]);
  // An item's among its own line's (another line's items are on another sheet).
  const lineOfItem = linesOfItems(rubric);
  const itemNames = named([...judged.values()]);
  /**
   * A header whose code is one column's and whose name another's of its kind (ZB2 with ZB3's name,
   * the names swapped): a column filled by its name would be read as the code's, silently. Which
   * was meant cannot be told: an error at it. (An indicator is compared with indicators and targets
   * alone: an item scored on it is often named as it is.)
   */
  const namedOther = (c: RawCell, code: string): void => {
    const { nameOf, codesNamed, codesStemmed } = rateCodes.has(code) ? rateNames : itemNames;
    const written = headerName(cellText(c), HEADER_UNITS);
    const own = nameOf.get(code);
    if (!written || own === undefined || written === comparableName(own)) return;
    // A name with little of the code's in it: the column may hold what the code meant before.
    const differs = (): void => {
      if (unrelatedName(written, own)) p.warn("workbook.header-name-differs", sheet.name, c.ref, { code, name: own, header: cellText(c) });
    };
    // Headed as the other version names it: that version's form (said where the names are unalike).
    const theirs = version.names.get(code);
    if (theirs !== undefined && written === comparableName(theirs)) return differs();
    const mine = (x: string): boolean => x !== code && (rateCodes.has(code) || lineOfItem.get(x) === lineOfItem.get(code));
    // Another's name, or another's without its bracketed words (or with others), where the code's
    // own without them is something else (MB1 统计合格率目标 or 统计合格率目标(责任书) for MB2's
    // 统计合格率目标(责任书下达指标)).
    const stem = nameStem(written);
    const other = codesNamed.get(written)?.find(mine) ?? (stem !== nameStem(own) ? onlyOne(codesStemmed.get(stem)?.filter(mine)) : undefined);
    if (other !== undefined) p.error(rateCodes.has(code) ? "workbook.header-name-other-rate" : "workbook.header-name-other", sheet.name, c.ref, { code, name: own, other, otherName: nameOf.get(other) ?? "" });
    else differs();
  };
  // Lines with nothing to enter (every item computed from 指标数据): their sheet only lists the
  // units, under a header cell that names the line ("QY 区属国企…").
  const listOnly = new Map(rubric.lines.filter((l) => !leaves(l.items).some(isEntered)).map((l) => [l.code, l]));
  const codedIn = (row: readonly RawCell[]): { c: RawCell; code: string }[] =>
    row.flatMap((c) => {
      const code = c.value.t === "s" ? headerCode(c.value.v) : undefined;
      return code ? [{ c, code }] : [];
    });
  const top = sheet.rows.slice(0, HEADER_SCAN_ROWS);
  for (const [i, first] of top.entries()) {
    let row = first;
    let coded = codedIn(row);
    // A list of items down a column (a town's own 自评表: 序号 | 考核项目 | 满分 | 自评分, a code
    // on each row, with its numbers) is no header: one code on the row over another code in its
    // column, or codes beside as many numbers (a note 说明 naming one too). A header row holds
    // headings only.
    const numbers = row.filter((c) => c.value.t === "n").length;
    if (coded.length && numbers >= coded.length) continue;
    if (coded.length === 1 && codedIn(sheet.rows[i + 1] ?? []).some(({ c }) => c.col === coded[0]?.c.col)) continue;
    // A two-level header, as forms group their items: 综合治理(70分) over DZ3.1 … DZ3.4 on the row
    // under it. Both rows are the header; the groups above name their items, no column of their own.
    // Not a unit's row under the header (its numbers; a note in it naming a code, JJ5 扣2分:…); a
    // heading repeated on both rows (merged cells unmerged with their value filled in) is one.
    const under = sheet.rows[i + 1];
    const headings = under !== undefined && (under[0]?.row ?? 0) === (row[0]?.row ?? 0) + 1 && !under.some((c) => c.value.t === "n");
    const above = new Set(coded.map(({ c, code }) => `${c.col}\u0000${code}`));
    const underCoded = headings ? codedIn(under) : [];
    const below = underCoded.filter(({ c, code }) => judged.has(code) && !above.has(`${c.col}\u0000${code}`));
    if (below.length && coded.some(({ code }) => groups.has(code) || judged.has(code))) {
      coded = [...coded.filter(({ code }) => !groups.has(code)), ...below];
      row = [...row, ...(under ?? [])];
    } else if (underCoded.length && underCoded.every(({ c, code }) => above.has(`${c.col}\u0000${code}`))) {
      // Every heading written again under itself: the header is both rows.
      row = [...row, ...(under ?? [])];
    }
    const listed = listOnly.size
      ? row.flatMap((c) => {
          const lc = c.value.t === "s" ? lineMarker(c.value.v) : undefined;
          return lc !== undefined && listOnly.has(lc) ? [lc] : [];
        })
      : [];
    // A header row: at least one cell whose code the rubric knows as a column.
    if (!coded.some(({ code }) => judged.has(code) || rateCodes.has(code)) && !listed.length) continue;
    if (coded.length && coded.every(({ code }) => ledgerCodes.has(code))) continue;
    // The name's heading (and the group's) may stand in the row over the codes, merged down over
    // both (序号 | 单位名称 | 评定项目 over SH3 | SH6 …: the row of codes is blank under them).
    const prior = i > 0 ? top[i - 1] : undefined;
    const filled = new Set(row.filter((c) => !isBlank(c)).map((c) => c.col));
    const over = prior !== undefined && (prior[0]?.row ?? 0) === (first[0]?.row ?? 0) - 1 ? prior.filter((c) => !filled.has(c.col)) : [];
    const headed = (starts: (text: string) => boolean): RawCell | undefined => row.find((c) => c.value.t === "s" && starts(cellText(c))) ?? over.find((c) => c.value.t === "s" && starts(cellText(c)));
    const nameCell = headed((text) => text.startsWith(UNIT_HEADER.slice(0, 2)));
    const nameCol = nameCell?.col ?? 1;
    // Codes in the names' own column head no column of points: a list of items down it (a 说明 or
    // 评分分工 sheet, 项目代码 | 项目名称 | 牵头评分单位, its last code with none under it; a single
    // line JS1.1 由卫健局评定) is the office's note, not a sheet to score.
    if (!coded.some(({ c, code }) => c.col !== nameCol && (judged.has(code) || rateCodes.has(code))) && !listed.length) continue;
    const groupCol = headed((text) => GROUP_HEADERS.some((w) => text.startsWith(w)))?.col;
    // The indicators' sheet, or a line's with one of them moved into it (ZB1 beside JJ5 on 经济发展:
    // the sheet was taken for the indicators', its item unknown there and its line's sheet missing):
    // the sheet's name, and else the more of the codes, say which; each code of the other kind is
    // said where it stands.
    const rateCount = coded.filter(({ code }) => rateCodes.has(code)).length;
    const judgedCount = coded.filter(({ code }) => judged.has(code)).length;
    const sheetName = sheet.name.trim();
    const namedLine = rubric.lines.some((l) => l.sheet === sheetName);
    const isRates = rateCount > 0 && (judgedCount === 0 || sheetName === SHEET.indicators || (!namedLine && rateCount > judgedCount));
    const lineCols = new Map<number, JudgedItem>();
    const rateCols = new Map<number, string>();
    const seen = new Map<string, string>();
    const kinds = new Set<string>();
    // Columns passed over: the other version's compared (rubric diff --on), which that version
    // reads; and another kind's items, said at their headings.
    const passed: number[] = [];
    const twice: Twice[] = [];
    const seenCol = new Map<string, number>();
    for (const { c, code } of coded) {
      if (passOver.has(code)) passed.push(c.col);
      if (seen.has(code)) {
        p.error("workbook.duplicate-column", sheet.name, c.ref, { code, first: seen.get(code) ?? "" });
        twice.push({ col: c.col, code, first: seen.get(code) ?? "", firstCol: seenCol.get(code) ?? 0 });
        continue;
      }
      seen.set(code, c.ref);
      seenCol.set(code, c.col);
      if (isRates) {
        if (rateCodes.has(code)) {
          rateCols.set(c.col, code);
          namedOther(c, code);
          // A unit in the header other than the rubric's (一般公共预算收入(元) for 万元): the column
          // was likely filled in it, and would be read in the rubric's.
          const display = (rubric.indicators.find((x) => x.code === code) ?? rubric.targets.find((x) => x.code === code))?.display;
          const written = headerUnit(cellText(c));
          if (display && written !== undefined && otherScale(written, display.normalize("NFKC"))) p.warn("workbook.header-unit", sheet.name, c.ref, { code, written, unit: display });
        } else if (judged.has(code)) {
          p.item = code;
          p.error("workbook.item-on-rates-sheet", sheet.name, c.ref, { code, sheet: rubric.lines.find((l) => l.code === lineOfItem.get(code))?.sheet ?? "" });
          p.item = undefined;
        } else if (!passOver.has(code)) p.error("workbook.unknown-header-code", sheet.name, c.ref, { code });
      } else if (judged.has(code)) {
        const item = judged.get(code);
        if (item) {
          lineCols.set(c.col, item);
          namedOther(c, code);
          // A heading's full marks not the rubric's (30分 where it is 25): a form made from another
          // version's template, its drop-downs and limits that version's too.
          const written = headingMax(cellText(c));
          if (written !== undefined && written !== item.max) p.warn("workbook.header-max-differs", sheet.name, c.ref, { code, written: formatPoints(written), max: formatPoints(item.max) });
          // A heading that says otherwise than the rubric whether its figures are points earned or
          // taken off (扣分): a form made when the item was scored the other way, each figure read
          // as its opposite (0 taken off read as 0 earned) without another word.
          const deducts = headingDeducts(cellText(c));
          if (item.kind === "judged" && deducts) p.warn("workbook.header-says-deducted", sheet.name, c.ref, { code, max: formatPoints(item.max) });
          else if (item.kind === "deducted" && !deducts && written !== undefined) p.warn("workbook.header-says-earned", sheet.name, c.ref, { code, max: formatPoints(item.max) });
          const lineCode = lineOfItem.get(item.code) ?? "";
          const k = kindOfLine(rubric, lineCode);
          if (k) kinds.add(k);
        }
      } else if (computed.has(code)) {
        const item = computed.get(code);
        p.error("workbook.computed-column", sheet.name, c.ref, { code, indicator: item && "indicator" in item ? item.indicator : "" });
      } else if (groups.has(code)) {
        p.warn("workbook.subtotal-column", sheet.name, c.ref, { code, name: groups.get(code) ?? "" });
      } else if (rateCodes.has(code)) {
        p.item = code;
        p.error("workbook.rate-on-line-sheet", sheet.name, c.ref, { code, sheet: SHEET.indicators });
        p.item = undefined;
      } else if (!passOver.has(code)) {
        p.error("workbook.unknown-header-code", sheet.name, c.ref, { code });
      }
    }
    for (const lc of listed) {
      const k = kindOfLine(rubric, lc);
      if (k) kinds.add(k);
    }
    const headerRow = row.at(-1)?.row ?? 1;
    // The last column with a heading: a unit's number past it was pasted there (a row shifted).
    const lastHeaded = row.reduce((m, c) => (cellText(c) !== "" ? Math.max(m, c.col) : m), 0);
    // Headers with no code (a missing column's, its code deleted or the header retyped).
    const uncoded = row.flatMap((c): HeaderCell[] => (c.value.t === "s" && c.col !== nameCol && c.col !== groupCol && !headerCode(c.value.v) ? [{ ref: c.ref, col: c.col, text: c.value.v }] : []));
    const others = (): { passed?: number[]; twice?: Twice[] } => ({ ...(passed.length ? { passed } : {}), ...(twice.length ? { twice } : {}) });
    // A number where a heading goes (a column's values pasted a row too high, over it).
    const numberHeads = new Map(row.filter((c) => c.value.t === "n" && c.col > nameCol).map((c) => [c.col, { ref: c.ref, value: cellText(c) }] as const));
    if (isRates) return { role: "rates", columns: rateCols, headerRow, nameCol, lastHeaded, ...(uncoded.length ? { uncoded } : {}), ...(numberHeads.size ? { numberHeads } : {}), ...others() };
    if (kinds.size > 1) {
      // The sheet's own kind: its line's, by the sheet's name; renamed, by its 分组 column, where one
      // of its kinds alone is ranked in groups (as a line sheet of towns has it); else the kind of
      // most of its columns. Each column of another kind is said at its heading and passed over (the
      // sheet was thrown away whole, its 分组 column and its line then said missing: three errors,
      // none at the cell).
      const kindOf = (item: JudgedItem): string | undefined => kindOfLine(rubric, lineOfItem.get(item.code) ?? "");
      const count = new Map<string, number>();
      for (const item of lineCols.values()) {
        const k = kindOf(item);
        if (k) count.set(k, (count.get(k) ?? 0) + 1);
      }
      const named = rubric.lines.find((l) => l.sheet === sheetName);
      const grouped = groupCol === undefined ? [] : [...count.keys()].filter((k) => rubric.unitKinds.some((x) => x.id === k && x.groups.length > 0));
      const ranked = [...count].sort((a, b) => b[1] - a[1]);
      const own = (named && kindOfLine(rubric, named.code)) ?? (grouped.length === 1 ? grouped[0] : undefined) ?? (ranked[0] && ranked[0][1] > (ranked[1]?.[1] ?? 0) ? ranked[0][0] : undefined);
      const kindName = (id: string): string => rubric.unitKinds.find((k) => k.id === id)?.name ?? id;
      if (own === undefined) {
        // (At the first heading of a kind other than the first column's: where the sheet stops being one kind's.)
        const items = [...lineCols].sort((x, y) => x[0] - y[0]);
        const first = items[0] ? kindOf(items[0][1]) : undefined;
        const other = items.find(([, item]) => kindOf(item) !== first)?.[0];
        const at = other === undefined ? undefined : (coded.find(({ c }) => c.col === other)?.c.ref ?? refOf(other, headerRow));
        p.error("workbook.mixed-kinds", sheet.name, at, { kinds: [...kinds].map(kindName).join("、") });
        return undefined;
      }
      for (const [col, item] of [...lineCols]) {
        const k = kindOf(item);
        if (k === undefined || k === own) continue;
        lineCols.delete(col);
        passed.push(col);
        p.item = item.code;
        p.error("workbook.other-kind-column", sheet.name, coded.find(({ c }) => c.col === col)?.c.ref ?? refOf(col, headerRow), { code: item.code, other: kindName(k), kind: kindName(own), sheet: rubric.lines.find((l) => l.code === lineOfItem.get(item.code))?.sheet ?? "" });
        p.item = undefined;
      }
      kinds.clear();
      kinds.add(own);
    }
    const kind = [...kinds][0];
    // A line's own column (DZ 党政线小计) beside its items: its subtotal, summed from them, as a
    // group's is (a sheet naming a line with no items to enter lists its units alone).
    for (const h of uncoded) {
      const line = rubric.lines.find((l) => l.code === lineMarker(h.text));
      if (line && [...lineCols.values()].some((i) => leaves(line.items).includes(i))) p.warn("workbook.subtotal-column", sheet.name, h.ref, { code: line.code, name: line.name });
    }
    // Columns among the headed ones with no heading at all (one cleared, or never written), or a
    // number where the heading goes (a column's values pasted a row too high, over its heading).
    const withHeading = new Set(row.filter((c) => cellText(c) !== "" && c.value.t !== "n").map((c) => c.col));
    const headless: number[] = [];
    // (And the one just past the last heading: the last item's heading cleared.)
    for (let c = nameCol + 1; c <= lastHeaded + 1; c++) if (!withHeading.has(c) && c !== groupCol) headless.push(c);
    return kind ? { role: "line", kind, columns: lineCols, headerRow, nameCol, ...(groupCol !== undefined ? { groupCol } : {}), ...(uncoded.length ? { uncoded } : {}), lastHeaded, ...(headless.length ? { headless } : {}), ...(numberHeads.size ? { numberHeads } : {}), ...others() } : undefined;
  }
  return undefined;
}

/** The line code a list-only sheet's header names: "QY 区属国企(…)" → "QY". */
function lineMarker(text: string): string | undefined {
  // (Not an item's code typed with a space, DJ 2 基层组织建设: that is no line's.)
  return /^\s*([A-Z]{1,4})(?=[\s(（]|$)(?!\s*\d)/.exec(text.normalize("NFKC"))?.[1];
}

interface UnitRow {
  name: string;
  cells: (RawCell | undefined)[];
  row: number;
}

type RowHandler = (row: RawRow) => void;

/**
 * The group a 分组 cell names: by its name, id or one of its labels (乡镇组, rural, 乡镇); or, read
 * beside another version, as that version names the group of the same id (乡镇组 renamed 镇乡组).
 */
function groupNamed(kind: UnitKind, text: string, other: OtherVersion = NO_OTHER): UnitKind["groups"][number] | undefined {
  const found = kind.groups.find((x) => namesGroup(x, text));
  if (found) return found;
  const id = other.groups?.get(kind.id)?.get(text);
  return id === undefined ? undefined : kind.groups.find((x) => x.id === id);
}

/** A line sheet's 分组 column, where it has one. */
function groupColOf(role: SheetRole): number | undefined {
  return role.role === "line" ? role.groupCol : undefined;
}

/**
 * A figure on a footer's line under a score column (a number or a date; a number typed as text, '45
 * or 45%, as everywhere else), not the value of a field of the footer's own (联系电话: | 0571…).
 */
function footerFigure(cells: readonly (RawCell | undefined)[], col: number): boolean {
  const c = cells[col];
  return !isBlank(c) && (c?.value.t !== "s" || numberText(c.value.v.replace(/[%％]\s*$/, "")) !== undefined) && !footerField(cells[col - 1], c);
}

/** Words in a cell, not a number typed as text (缺, 见说明, a name; not '18.5). */
function isWords(c: RawCell | undefined): c is RawCell {
  return c?.value.t === "s" && cellText(c) !== "" && numberText(cellText(c)) === undefined;
}

/** A number that is the sum of a row's points in `cols` (not 0): a total typed beside them, not a point shifted out of line. */
function totalOf(cells: readonly (RawCell | undefined)[], cols: ReadonlyMap<number, JudgedItem | string>, value: number): boolean {
  return isRowTotal(rowSums(cells, cols), value);
}

/** The cell right of the name's column where it holds words: a name pasted a column on. */
function shiftedName(cells: readonly (RawCell | undefined)[], nameCol: number, groupCol?: number): RawCell | undefined {
  // (Not the 分组 column's group, 乡镇组, beside a name cleared: that is no name.)
  if (nameCol + 1 === groupCol) return undefined;
  const c = cells[nameCol + 1];
  return isWords(c) ? c : undefined;
}

/** Values out of an item's range: under a header naming another item, the header's doing. */
const OUT_OF_RANGE: ReadonlySet<string> = new Set(["workbook.points-out-of-range", "workbook.deduction-out-of-range"]);

/** A problem's sheet and column ("" where it has no cell). */
function columnAt(d: Diagnostic): string {
  return d.location && "cell" in d.location && d.location.cell !== undefined ? `${d.location.sheet}\u0000${d.location.cell.replace(/\d+$/, "")}` : "";
}

/** A sheet with no Excel Table total row. */
const NO_TOTAL_ROWS: ReadonlySet<number> = new Set();

/**
 * Picks the unit rows under the header, one row at a time: blank rows skipped, names trimmed,
 * duplicates reported; gives each unit row to `take`. Only the columns that carry a code matter
 * for a row: a row without a name but with values there is reported; helper columns, summary rows
 * (合计) and the footer under a form (注:…, 填表人:…) are not units.
 */
function unitRows(sheet: string, role: SheetRole, p: Problems, heading: RegExp, codes: ReadonlySet<string>, take: (u: UnitRow) => void, emptyTwins: Set<string>, unreadNames: Map<string, string>, totalRows: ReadonlySet<number>, groupOf?: (text: string) => string | undefined): RowHandler {
  const { headerRow, nameCol } = role;
  const codedCols = [...role.columns.keys()].sort((a, b) => a - b);
  // unit name → the row it was first on, and where its cells are kept.
  const seen = new Map<string, { row: number; at: number }>();
  // What each first row held, compared where the unit turns up again (the 分组 column too: it
  // decides the unit's ranking).
  const groupCol = groupColOf(role);
  const compared = groupCol !== undefined ? [groupCol, ...codedCols] : codedCols;
  const firsts = new FirstRows(compared);
  const codeOf = (col: number): string => {
    if (col === groupCol) return GROUP_HEADER;
    const c = role.columns.get(col);
    return typeof c === "string" ? c : (c?.code ?? "");
  };
  let inFooter = false;
  /** Rows with no name and nothing but 0 beside it (a 0 filled down past the last unit) said once already. */
  let zerosSaid = false;
  // A full-marks row's marks that are not the rubric's (DJ1 满分 20 where the rubric gives 15): the
  // form was made for another version of the scheme, said at each such mark (a 权重 row holds weights, not marks).
  const marksAgainstRubric = (label: string, cells: readonly (RawCell | undefined)[]): void => {
    if (role.role !== "line" || WEIGHT_LABEL.test(label)) return;
    for (const [col, item] of role.columns) {
      const c = cells[col];
      const typed = c?.value.t === "s" ? numberText(c.value.v.replace(/分\s*$/, "")) : undefined;
      const v = c?.value.t === "n" ? c.value.v : typed === undefined ? undefined : Number(typed);
      if (c === undefined || v === undefined || !Number.isFinite(v) || Math.round(v * 100) === item.max) continue;
      p.warn("workbook.scale-row-differs", sheet, c.ref, { code: item.code, value: formatPoints(Math.round(v * 100)), max: formatPoints(item.max) });
    }
  };
  const columnTotals = new ColumnTotals(codedCols);
  return ({ cells: row, hidden }) => {
    const r = row[0]?.row ?? 0;
    if (r <= headerRow) return;
    // An Excel Table's total row (表设计 → 汇总行: 平均值, 计数 under the columns, no name beside
    // them): no unit, said as a summary row is, whatever it holds.
    if (totalRows.has(r)) {
      if (row.some((c) => !isBlank(c))) p.warn("workbook.table-total-row", sheet, refOf(nameCol, r), {});
      columnTotals.restart();
      return;
    }
    const cells = rowCells(row);
    const nameCell = cells[nameCol];
    const name = cellText(nameCell);
    // Whether any coded cell holds a value (a footer's words may stand under the score columns
    // too, 填表人:张三 … 审核人:李四: not values).
    let valued = false;
    for (const col of codedCols) {
      const c = cells[col];
      if (!isBlank(c) && !(c?.value.t === "s" && isFooterText(c.value.v))) {
        valued = true;
        break;
      }
    }
    if (name === "") {
      // A footer's line with no label where a name goes (日期: | 2027-01-12 under 填表人…, 电话: |
      // 0571-8888888, or the date alone): its labels and fields, a date of this century or a
      // telephone, are no unit's values.
      if (valued && codedCols.every((col) => isBlank(cells[col]) || footerLabel(cells[col]) || footerField(cells[col - 1], cells[col]))) {
        inFooter = true;
        return;
      }
      // 合计 in another column (序号) with the name column blank: a summary row all the same.
      const summary = row.find((c) => c.value.t === "s" && isSummaryName(c.value.v));
      if (summary) {
        p.warn("workbook.summary-row", sheet, summary.ref, { value: cellText(summary) });
        columnTotals.restart();
        return;
      }
      // Each number the sum of its column above (=SUM(B2:B21) with no 合计 beside it), or of a
      // group's rows since the last such row: a totals row, said so, and not read as a unit's.
      if (valued && columnTotals.isTotal(cells)) {
        p.warn("workbook.unnamed-total-row", sheet, refOf(nameCol, r), {});
        columnTotals.restart();
        return;
      }
      // 满分 there too (the items' full marks, labelled in the 序号 column or merged over both; not
      // a score cell's own 满分, a unit's whose name is missing).
      const scale = valued ? row.find((c) => c.value.t === "s" && !role.columns.has(c.col) && isScaleName(c.value.v)) : undefined;
      if (scale) {
        p.warn(WEIGHT_LABEL.test(cellText(scale)) ? "workbook.weight-row" : "workbook.scale-row", sheet, scale.ref, { value: cellText(scale) });
        marksAgainstRubric(cellText(scale), cells);
        return;
      }
      // A second header row (2025年得分 | 2026年得分 under a heading merged over both): words alone
      // under the codes, right under the header: no unit, nothing to say.
      if (r === headerRow + 1 && codedCols.every((col) => isBlank(cells[col]) || isWords(cells[col]))) return;
      // A name too long to read (said at its cell as that): not "no name" as well. A unit missing
      // on this sheet may be its row.
      if (nameCell?.value.t === "refused") {
        if (!unreadNames.has(sheet)) unreadNames.set(sheet, refOf(nameCol, r));
        return;
      }
      // A name made by a formula never calculated (a file written by a program): that, not "no name".
      if (valued && nameCell?.value.t === "formula-no-result") p.error("workbook.formula-no-result", sheet, refOf(nameCol, r));
      // The name one column on (the row pasted from a list with a column more): said so.
      else if (valued) {
        const beside = shiftedName(cells, nameCol, groupCol);
        if (beside) p.error("workbook.missing-unit-name-shifted", sheet, refOf(nameCol, r), { name: cellText(beside), at: beside.ref });
        else {
          // The first value named: on a long sheet the name's cell alone is far from what is there.
          const held = codedCols.map((col) => cells[col]).find((c): c is RawCell => !isBlank(c) && !(c?.value.t === "s" && isFooterText(c.value.v)));
          // Nothing but 0 in the whole row (filled down past the last unit): no unit's scores, passed
          // over, said once a sheet. (A row with its 分组 or any word left is a unit's whose name was
          // cleared: said as that.)
          if (row.every((c) => isBlank(c) || (c.value.t === "n" && c.value.v === 0))) {
            if (!zerosSaid) p.warn("workbook.zeros-without-name", sheet, refOf(nameCol, r), { at: held?.ref ?? "" });
            zerosSaid = true;
          }
          // Formulas never calculated (a totals row of =SUM written by a program): what they hold is
          // not known, a totals row's or a unit's; that said, at the first, not "no name".
          else if (held?.value.t === "formula-no-result") p.error("workbook.formula-no-result", sheet, held.ref);
          else p.error("workbook.missing-unit-name", sheet, refOf(nameCol, r), { at: held?.ref ?? "", value: held ? shownText(held) : "" });
        }
      }
      return;
    }
    // A footer's line (填表人:张三) is never a unit, whatever stands beside it (a date typed under
    // a score column): said, where it holds anything there, and passed over.
    // (A date alone in the name's column, a signature line's, is one too: typed, or a date cell.)
    // (A line told by its words alone, a sentence or a signature, only with no figure under a score
    // column: 数据资源管理局。 with its scores is a unit's row, its name asked about.)
    if (isFooterText(name) || signingDate(nameCell) || (isFooterNote(name) && !codedCols.some((col) => footerFigure(cells, col)))) {
      // Words beside a footer's label are its signature (填表人: | 王晓明), not scores: said only
      // where a number or a date stands under a score column.
      // Said at the first such cell, with what it shows (it is what to check: a score misplaced),
      // and how many more the line holds.
      const numbered = [...codedCols].sort((a, b) => a - b).filter((col) => footerFigure(cells, col));
      const first = numbered[0];
      const held = first === undefined ? undefined : cells[first];
      if (first !== undefined && held) {
        // A date shown (a score typed into a date-formatted cell shows as a day of 1900): the number in it too.
        const dated = held.value.t === "n" && held.value.fmt === "date";
        // The line's label as it shows: a date where a name goes (日期 2026-12-31), not its serial.
        const label = nameCell && nameCell.value.t === "n" && nameCell.value.fmt === "date" ? shownText(nameCell) : name;
        const data = { value: label, shown: shownText(held), more: numbered.length - 1, ...(dated ? { number: storedNumber(held.value.v, p.date1904) } : {}) };
        const code = `workbook.footer-${dated ? "date" : "values"}${numbered.length > 1 ? "-more" : ""}`;
        p.warn(code, sheet, refOf(first, r), data);
      }
      inFooter = true;
      return;
    }
    if (!valued && inFooter) return;
    // A formula that failed in the name's cell (#N/A from a VLOOKUP): the formula is to mend.
    if (nameCell?.value.t === "e") {
      p.error("workbook.name-error-value", sheet, refOf(nameCol, r), { value: name });
      return;
    }
    if (nameCell && nameCell.value.t !== "s") {
      // 序号 before the name (a row pasted from a numbered list): the name is beside it.
      const beside = nameCell.value.t === "n" ? shiftedName(cells, nameCol, groupCol) : undefined;
      if (beside) p.error("workbook.bad-unit-name-shifted", sheet, refOf(nameCol, r), { value: name, name: cellText(beside), at: beside.ref });
      else p.error("workbook.bad-unit-name", sheet, refOf(nameCol, r), { value: name });
      return;
    }
    // (最高分 after the units is theirs: the highest scores, not the items' full marks.)
    if (isSummaryName(name) || (seen.size > 0 && isHighestName(name))) {
      p.warn("workbook.summary-row", sheet, refOf(nameCol, r), { value: name });
      columnTotals.restart();
      return;
    }
    // The headings written again right under the header (merged cells unmerged and filled): no
    // unit, where the rest of the row is headings or blank (no number: a unit so named has its points).
    if (r === headerRow + 1 && isNameHeading(name) && cells.every((c, col) => col === nameCol || c === undefined || isBlank(c) || isWords(c))) return;
    // The columns' units of measure under the header (计量单位 | % | 万元 | 起): no unit, where the
    // rest of the row is words or blank (a unit so named has its figures).
    if (seen.size === 0 && isMeasureUnitsName(name) && cells.every((c, col) => col === nameCol || c === undefined || isBlank(c) || isWords(c))) {
      p.warn("workbook.measure-units-row", sheet, refOf(nameCol, r), { value: name });
      return;
    }
    // The items' full marks under the header (满分 | 15 | 20): no unit, whatever it holds.
    if (isScaleName(name)) {
      p.warn(WEIGHT_LABEL.test(name) ? "workbook.weight-row" : "workbook.scale-row", sheet, refOf(nameCol, r), { value: name });
      marksAgainstRubric(name, cells);
      return;
    }
    // Nor its targets (目标值 | 6.5% | 11500 …): each unit's are the rubric's or its own row's.
    if (isTargetName(name)) {
      p.warn("workbook.target-row", sheet, refOf(nameCol, r), { value: name });
      return;
    }
    // A line of a scoring note under the list (SH3 信访稳定:每起扣0.1分): it starts with an item's
    // code, as no unit's name does.
    // Numbered too (1.JJ5 …, ①JJ5 …, (JJ5) …). (Asked only of a name starting with a Latin
    // letter, half- or full-width, a digit, ① or a bracket: a province's rows are each asked.)
    const code = noteCode(name);
    if (code !== undefined && codes.has(code)) {
      p.warn("workbook.code-note-row", sheet, refOf(nameCol, r), { value: name, code });
      return;
    }
    // A heading over a part of the list (一、镇 / （二）街道) with nothing filled beside it: no unit.
    if (!valued && heading.test(name)) {
      p.warn("workbook.section-row", sheet, refOf(nameCol, r), { value: name });
      columnTotals.restart();
      return;
    }
    // A unit's row (not a 满分 row's marks, a 合计's sums or a footer's figures, passed over above): its numbers added up.
    columnTotals.add(cells);
    if (hidden) p.warn("workbook.hidden-row", sheet, refOf(nameCol, r), { unit: name });
    const first = seen.get(name);
    if (first !== undefined) {
      const j = (col: number): number => compared.indexOf(col);
      const at = { unit: name, first: refOf(nameCol, first.row) };
      // What each row fills (its 分组 too; a footer's words under the codes are no values), what
      // only one of them fills, and what both fill with other values.
      const here = compared.filter((col) => !isBlank(cells[col]) && (valued || col === groupCol));
      const there = compared.filter((col) => !firsts.isBlank(first.at, j(col)));
      const extra = here.filter((col) => firsts.isBlank(first.at, j(col)));
      const only = there.filter((col) => isBlank(cells[col]));
      // (A 分组 by the group it names: 乡镇 and 乡镇组 are one.)
      const alike = (col: number): boolean => {
        if (col !== groupCol || !groupOf) return firsts.same(first.at, j(col), cells[col]);
        const [a, b] = [groupOf(firsts.shown(first.at, j(col))), groupOf(cellText(cells[col]))];
        return a !== undefined ? a === b : firsts.same(first.at, j(col), cells[col]);
      };
      const differ = here.filter((col) => !firsts.isBlank(first.at, j(col)) && !alike(col));
      if (differ.length) {
        // Said before all else, at this row, whichever row holds more (which is right is the
        // clerk's to check: SH7 20 → 18); each as the cells show it (5.6%, not
        // 0.055999999999999994), the first few, then "…"; and what only one of them fills, to be
        // merged (deleting either row lost it unsaid).
        const said = (c: RawCell | undefined): string => (c ? shownText(c) : "");
        const shown = differ.slice(0, 3).map((col) => `${codeOf(col)} ${firsts.shown(first.at, j(col))} → ${said(cells[col])}`);
        const diffs = shown.join("、") + (differ.length > shown.length ? "、…" : "");
        const alone = [...only.map((col) => refOf(col, first.row)), ...extra.map((col) => refOf(col, r))];
        if (alone.length) p.error("workbook.duplicate-unit-differs-merge", sheet, refOf(nameCol, r), { ...at, count: differ.length, diffs, cells: alone.join("、") });
        else p.error("workbook.duplicate-unit-differs", sheet, refOf(nameCol, r), { ...at, count: differ.length, diffs });
      } else if (there.length < here.length) {
        // The first of the two less filled than this one (empty: a row pasted over another unit's by
        // mistake; partly: begun, then the whole row pasted below): said at the first, or the filled
        // one is what gets deleted. What the first holds that the fuller one lacks: to be moved
        // over, not deleted with its row.
        if (there.length === 0) p.error("workbook.duplicate-unit-empty", sheet, refOf(nameCol, first.row), { unit: name, filled: refOf(nameCol, r) });
        else if (only.length) p.error("workbook.duplicate-unit-split", sheet, refOf(nameCol, first.row), { unit: name, cells: only.map((col) => refOf(col, first.row)).join("、"), row: r });
        else p.error("workbook.duplicate-unit-fuller", sheet, refOf(nameCol, first.row), { unit: name, filled: refOf(nameCol, r), here: there.length, there: here.length });
        // Its blanks, asked to be filled, are taken back once every sheet is read (filled with 0 as
        // asked, the row would stay, and the filled one be said to be the duplicate).
        emptyTwins.add(`${sheet}\u0000${first.row}`);
      } else if (here.length === 0) p.error("workbook.duplicate-unit-blank", sheet, refOf(nameCol, r), at);
      // Nothing filled differently: items this one alone holds (to move over), or nothing the
      // first lacks (delete this one).
      else if (extra.length) p.error("workbook.duplicate-unit-split", sheet, refOf(nameCol, r), { unit: name, cells: extra.map((col) => refOf(col, r)).join("、"), row: first.row });
      else p.error("workbook.duplicate-unit-same", sheet, refOf(nameCol, r), at);
      return;
    }
    seen.set(name, { row: r, at: firsts.add(cells) });
    take({ name, cells, row: r });
  };
}

/** Receives one sheet's rows as they are pulled, then its end. */
export interface SheetConsumer {
  row(row: RawRow): void;
  /** The sheet's rows are all given; its merged ranges, and its hidden columns (pairs of first and last). */
  end(merges: readonly string[], hiddenCols?: readonly number[]): void;
  /** No more of its rows are wanted (a result of ours): they need not be pulled. */
  done?(): boolean;
}

/**
 * A located sheet's unit rows as merged ranges are judged against them: which of its read cells
 * (names, groups, coded columns) hold something, a bit each (a province's sheet costs kilobytes),
 * and the last unit row, where its data ends.
 */
class ReadCells {
  private readonly cols = new Map<number, number>();
  private readonly from: number;
  private last = 0;
  private bits = new Uint8Array(1024);

  constructor(role: SheetRole) {
    const cols = [...role.columns.keys(), role.nameCol, ...(role.role === "line" && role.groupCol !== undefined ? [role.groupCol] : [])];
    for (const c of cols) if (!this.cols.has(c)) this.cols.set(c, this.cols.size);
    this.from = role.headerRow + 1;
  }

  /** The rows and columns merged cells are looked for in. */
  get area(): DataArea {
    return { from: this.from, to: this.last, cols: new Set(this.cols.keys()) };
  }

  take(row: number, cells: readonly (RawCell | undefined)[]): void {
    this.last = row;
    for (const [col, i] of this.cols) if (!isBlank(cells[col])) this.set((row - this.from) * this.cols.size + i);
  }

  /** Whether any unit row holds something in the column (asked of a hidden column only). */
  any(col: number): boolean {
    for (let row = this.from; row <= this.last; row++) if (this.has(row, col)) return true;
    return false;
  }

  has(row: number, col: number): boolean {
    const i = this.cols.get(col);
    if (i === undefined || row < this.from) return false;
    const bit = (row - this.from) * this.cols.size + i;
    return ((this.bits[bit >> 3] ?? 0) & (1 << (bit & 7))) !== 0;
  }

  private set(bit: number): void {
    if (bit >> 3 >= this.bits.length) {
      const grown = new Uint8Array(Math.max(this.bits.length * 2, (bit >> 3) + 1));
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits[bit >> 3] = (this.bits[bit >> 3] ?? 0) | (1 << (bit & 7));
  }
}

/** A unit on the template's lists sheet: its name, row and (where the template says it) kind. */
interface Listed {
  readonly name: string;
  readonly row: number;
  readonly kind?: string;
  /** The template guessed the kind (the list did not say it). */
  readonly guessed?: boolean;
}

/** unit name → the row it is on in each located sheet, by the sheet's index (absent: not there). */
type Presence = Map<string, number[]>;

const NO_OTHER: OtherVersion = { codes: new Set(), names: new Map() };

/** Plain fractions read as rates past 0–100% in one column from which they are said once, with their count. */
const LARGE_COLUMN_MIN = 3;

/** Whether a ledger holds any row under its header (`headerCell`: A1). */
function ledgerFilled(sheet: RawSheet, headerCell: string): boolean {
  const headerRow = Number(/\d+$/.exec(headerCell)?.[0] ?? 1);
  return sheet.rows.some((cells) => (cells[0]?.row ?? 0) > headerRow && cells.some((c) => !isBlank(c)));
}

export class SubmissionReader {
  private readonly located: LocatedSheet[] = [];
  private readonly units: Unit[] = [];
  private readonly unitByName = new Map<string, Unit>();
  private readonly store: ValueStore;
  /** The units the template was made for, from its lists sheet: each name and the cell it is in. */
  private roster: { readonly sheet: string; readonly col: number; readonly names: readonly Listed[] } | undefined;
  /** unit name → its storage id in the value store (units of every sheet, known or not). */
  private readonly storage = new Map<string, number>();
  private readonly presence: Presence = new Map();
  /** Each located sheet's unit rows as merged ranges are judged against them (by its index in `located`). */
  private readonly filled: ReadCells[] = [];
  /** item code → the sheet holding its column. */
  private readonly judgedColumns = new Map<string, string>();
  /** Sheet → header cells merged across columns (an item's column then has no header). */
  private readonly headerMerges = new Map<string, readonly string[]>();
  /** Sheet → its columns with no heading that hold a unit's number (a heading cleared over its item's points). */
  private readonly headlessValues = new Map<string, Set<number>>();
  /** Rows of a unit's empty first copy on a sheet (its filled one further down): their blanks are not asked for. */
  private readonly emptyTwins = new Set<string>();
  /** The rows of a unit on a sheet of another kind than its first row's, each to check should that be its kind. */
  private readonly secondKindRows: { unit: string; kind: string; check: () => void }[] = [];
  /** By sheet, its first unit name too long to read (said at its cell): a unit missing there may be its row. */
  private readonly unreadNames = new Map<string, string>();
  /** Each sheet's rows that are an Excel Table's total row, where it has any. */
  private readonly tableTotals = new Map<string, ReadonlySet<number>>();
  /** What is said once a located sheet's rows are all read (by its index among those located). */
  private readonly sheetEnds = new Map<number, () => void>();
  /** Headings of codes merged across columns, to be said once the columns are checked. */
  private readonly mergedAcross: { sheet: string; cell: string; data: Record<string, string>; code: string }[] = [];
  /** A sheet's one number past its last heading, with its row's unit (said at the end, where no heading is merged over its column). */
  private readonly lonePast: { sheet: string; cell: RawCell; unit: string }[] = [];
  /** Sheets hidden so that Excel's Unhide does not list them. */
  private readonly veryHidden = new Set<string>();
  /** Totals typed beside a row's items that are not what they add up to (said once the ledger is read). */
  private readonly totalsOff: TotalOff[] = [];
  /**
   * Columns of numbers among a sheet's items or indicators that nothing reads (see
   * TotalsWatch.unread); on the indicators sheet with one of its codes (`indicator`), to show how
   * a heading is written.
   */
  private readonly unreadColumns: (UnreadColumn & { sheet: string; headerRow: number; indicator?: string })[] = [];
  /** code → the sheet holding its column, the header cell there and whether the sheet is hidden. */
  private readonly columnHome = new Map<string, { readonly sheet: string; readonly cell: string; readonly hidden: boolean }>();
  /** A sheet read as a line's or the indicators' → the codes of its columns. */
  private readonly sheetCodes = new Map<string, ReadonlySet<string>>();
  /** A heading over a part of a list, in this rubric's words (sectionHeading). */
  private readonly heading: RegExp;
  /** Every code of the rubric (lines, items, indicators, targets, ledger codes): a name starting with one is no unit. */
  private readonly codes: ReadonlySet<string>;
  private ledgerSheet: RawSheet | undefined;
  /** Whether the ledger read has a 代码 column. */
  private ledgerCoded = false;
  /** A sheet named as the ledger is (加扣分) whose headings were not read as a ledger's: its first filled cell. */
  private ledgerNamed: { sheet: string; cell: string } | undefined;
  /** The ledger's header cell, as a reference: where a second ledger is told to look. */
  private ledgerAt: string | undefined;
  /** The ledger's header cell on its sheet (A1). */
  private ledgerCell: string | undefined;
  /** Sheets that say they are results we wrote (isOurResultSheet): never input, whatever their name. */
  readonly resultSheets = new Set<string>();
  private sheetCount = 0;
  private firstSheet = "";
  /** The first sheet not ours that heads a column of units' names, at that heading: a units list, where no sheet is ours. */
  private listSheet: { readonly sheet: string; readonly cell: string } | undefined;
  /** Sheets of our report or diff's list, found among the sheets (not read). */
  private readonly ourOutputs: { sheet: string; code: string }[] = [];
  /** unit name → its group and the cell it was read from. */
  private readonly groups = new Map<string, { group: string; at: string }>();
  /** Each line sheet's group column (letters), where it has one. */
  private readonly groupColumnOf = new Map<string, string>();
  /** Unit kinds whose group column has been found. */
  private readonly groupColumns = new Set<string>();
  /** "unit\0code" of measured values that were there but refused (reported already). */
  private readonly refused = new Set<string>();
  /** "unit\0code" of measured values a formula gave blank (=IF(Z3="","",Z3)): said as the formula's. */
  private readonly blankFormulas = new Set<string>();
  /** Each refused measured value, with what was said of it. */
  private readonly refusals: { unit: string; code: string; at: { sheet: string; cell: string }; said: Diagnostic[] }[] = [];
  /** The merges of the rates sheets, said once their blanks are (in finish). */
  private readonly rateMerges: { sheet: string; merges: readonly string[]; cells: ReadCells }[] = [];
  /** Rates read from cells that show them rounded to another (0.9499 formatted 0%): told where that crosses an edge. */
  private readonly shown: ShownRate[] = [];
  /** Counts and amounts typed more finely than their hundredths (as ShownRate: held, and as typed). */
  private readonly finer: ShownRate[] = [];
  /**
   * Rates typed as 1 (warned: 100%, or 1% to one typing whole percentages) by their sheet and column,
   * and the columns where fractions are typed (0.95): there, 1 is 100%, and the warnings are withdrawn.
   */
  private readonly ones = new Map<string, Diagnostic[]>();
  /** By column: its plain fractions read as rates past 0–100% (a growth rate's 0.8, read as 80%), warned. */
  private readonly larges = new Map<string, Diagnostic[]>();
  private readonly fractionColumns = new Set<string>();

  /**
   * Whether a sheet headed as a ledger is an office's list of the rubric's items (评分分工), told by
   * what its 代码 and 状态 columns hold: the rubric's codes and statuses, made once.
   */
  private listsItems(sheet: RawSheet): boolean {
    const r = this.rubric;
    this.codeSets ??= {
      items: new Set([...r.lines.flatMap((l) => allItems(l.items).map((i) => i.code)), ...r.indicators.map((m) => m.code), ...r.targets.map((m) => m.code)]),
      ledger: new Set(r.ledger.map((c) => c.code)),
      statuses: new Set([...r.statuses.counted, ...r.statuses.pending, ...r.statuses.rejected]),
    };
    return listsItems(sheet, this.codeSets.items, this.codeSets.ledger, this.codeSets.statuses);
  }
  private codeSets: { readonly items: ReadonlySet<string>; readonly ledger: ReadonlySet<string>; readonly statuses: ReadonlySet<string> } | undefined;

  /**
   * `other`: another version of the rubric the workbook is read beside (OtherVersion).
   */
  constructor(
    private readonly rubric: Rubric,
    private readonly p: Problems,
    private readonly other: OtherVersion = NO_OTHER,
  ) {
    const codes = rubric.lines.flatMap((l) => leaves(l.items).filter(isEntered).map((i) => i.code));
    this.heading = sectionHeading(rubric);
    this.codes = new Set([...rubric.lines.flatMap((l) => [l.code, ...allItems(l.items).map((i) => i.code)]), ...rubric.indicators.map((i) => i.code), ...rubric.targets.map((t) => t.code), ...rubric.ledger.map((c) => c.code)]);
    this.store = new ValueStore([...codes, ...rubric.indicators.map((i) => i.code), ...rubric.targets.map((t) => t.code)]);
  }

  private storageOf(unit: string): number {
    let id = this.storage.get(unit);
    if (id === undefined) {
      id = this.store.addUnit();
      this.storage.set(unit, id);
    }
    return id;
  }

  /** Sheets hidden so that Excel's Unhide does not list them (state="veryHidden", set by a macro). */
  veryHiddenSheets(names: Iterable<string>): void {
    for (const n of names) this.veryHidden.add(n);
  }

  /** A sheet's rows that are an Excel Table's total row. */
  private totalRowsOf(sheet: string): ReadonlySet<number> {
    return this.tableTotals.get(sheet) ?? NO_TOTAL_ROWS;
  }

  /** The header cell (SHEET!CELL) of the column holding `code`; "" where none does. */
  private columnAt(code: string): string {
    const home = this.columnHome.get(code);
    return home ? cellRef(home.sheet, home.cell) : "";
  }

  /** A hidden sheet's problem: told how it is to be seen again (a very hidden one, not by Unhide). */
  private hiddenCode(code: string, sheet: string): string {
    return `${code}${this.veryHidden.has(sheet) ? "-very-hidden" : "-hidden"}`;
  }

  /** A whole sheet at once (a sheet read before the rubric was known, tests). */
  addSheet(sheet: RawSheet, ignore = false): void {
    if (sheet.veryHidden) this.veryHidden.add(sheet.name);
    const consumer = this.sheet(sheet.name, sheet.hidden, ignore, sheet.totalRows);
    for (const cells of sheet.rows) consumer.row({ cells, hidden: sheet.hiddenRows.has(cells[0]?.row ?? 0) });
    consumer.end(sheet.merges, sheet.hiddenCols);
  }

  /**
   * A sheet, row by row: its first rows tell what it is (a line, the rates, the ledger, or none of
   * ours); a line or rate sheet's rows are then read as they come and dropped; the ledger is kept.
   * probablyOurs: a sheet named as a result of ours: taken for one only where it says so.
   */
  sheet(name: string, hidden: boolean, probablyOurs = false, totalRows?: readonly number[]): SheetConsumer {
    if (this.sheetCount++ === 0) this.firstSheet = name;
    if (totalRows?.length) this.tableTotals.set(name, new Set(totalRows));
    return probablyOurs ? this.oursOrInput(name, hidden) : this.input(name, hidden);
  }

  /**
   * A sheet named as a result of ours: ours if it says so (its first rows), and then nothing
   * more of it is read; else the user's, read as input like any other.
   */
  private oursOrInput(name: string, hidden: boolean): SheetConsumer {
    const head: RawRow[] = [];
    let ours = false;
    let input: SheetConsumer | undefined;
    /** Decided on its first rows: undefined where it is ours, else the input consumer they were given to. */
    const settle = (): SheetConsumer | undefined => {
      if (isOurResultSheet(head.map((r) => r.cells))) {
        ours = true;
        this.resultSheets.add(name);
        return undefined;
      }
      const consumer = this.input(name, hidden);
      for (const r of head) consumer.row(r);
      return consumer;
    };
    return {
      row: (row) => {
        if (ours) return;
        if (input) return input.row(row);
        if ((row.cells[0]?.row ?? 0) <= OUR_LINE_ROWS + 1) {
          head.push(row);
          return;
        }
        input = settle();
        input?.row(row);
      },
      end: (merges, hiddenCols) => {
        if (!ours && !input) input = settle();
        input?.end(merges, hiddenCols);
      },
      done: () => ours,
    };
  }

  private input(name: string, hidden: boolean): SheetConsumer {
    if (name === LISTS_SHEET) return this.listsSheet(name);
    const totalRows = this.tableTotals.get(name);
    const head: RawSheet = { name, hidden, rows: [], hiddenRows: new Set(), merges: [], ...(totalRows ? { totalRows: [...totalRows] } : {}) };
    let handle: RowHandler | undefined;
    /** Its index among the located sheets, once located. */
    let index: number | undefined;
    let kept = false;
    let decided = false;
    /** A second ledger's word, said once its rows are seen. */
    let second: (() => void) | undefined;
    const keep = (row: RawRow): void => {
      if (row.hidden) head.hiddenRows.add(row.cells[0]?.row ?? 0);
      head.rows.push(row.cells);
    };
    const decide = (): void => {
      decided = true;
      const ledgerAt = ledgerHeaderAt(head);
      // An office's sheet headed as a ledger that lists the rubric's items (评分分工): its note, passed over.
      // (Not a result sheet of ours, whose 计分说明 names items under 代码 too: said as an old result below.)
      if (head.name !== SHEET.ledger && ledgerAt !== undefined && !isOurResultSheet(head.rows) && !ourOutputSheet(head.rows) && this.listsItems(head)) {
        head.rows = [];
        return;
      }
      const coded = ledgerAt !== undefined && ledgerHasCode(head);
      // Of two sheets with a ledger's headings, one without a 代码 column (the lists a ledger's
      // drop-downs read: 单位名单, 级别, 状态) is no ledger beside one with it: the one with it is
      // read, the lists left alone (they were refused as a second ledger, or read instead of it).
      if (this.ledgerSheet && ledgerAt !== undefined && coded !== this.ledgerCoded) {
        if (!coded) {
          head.rows = [];
          return;
        }
        this.ledgerSheet = undefined;
      }
      // One read first with no row under its header (a blank copy, put before the sheet it copies):
      // said as a blank copy is, and this one read (it was refused as a second ledger, and nothing scored).
      if (this.ledgerSheet && ledgerAt !== undefined && this.ledgerCell !== undefined && !ledgerFilled(this.ledgerSheet, this.ledgerCell)) {
        this.p.warn("workbook.ledger-copy-empty", this.ledgerSheet.name, this.ledgerCell, { first: cellRef(name, ledgerAt) });
        this.ledgerSheet = undefined;
      }
      if (!this.ledgerSheet && ledgerAt !== undefined) {
        this.ledgerSheet = head;
        this.ledgerAt = cellRef(name, ledgerAt);
        this.ledgerCell = ledgerAt;
        this.ledgerCoded = coded;
        kept = true;
        return;
      }
      // Our report or diff's list of changes given back as input: not read (its cells begin with
      // codes: read, they made nonsense errors), and said as what it is where nothing else is found.
      const output = ourOutputSheet(head.rows);
      if (output) {
        this.ourOutputs.push({ sheet: name, code: output });
        head.rows = [];
        return;
      }
      // A result of ours (renamed, or copied): not input.
      if (isOurResultSheet(head.rows)) {
        this.resultSheets.add(name);
        head.rows = [];
        return;
      }
      // A second ledger (a copy, 加扣分 (2), put before the sheet edited or after it): which one
      // holds the rows to count cannot be told, and one of them would be left out without a word.
      // One with no row under its header (a blank copy kept) leaves nothing out: said, not refused.
      if (ledgerAt !== undefined) {
        const headerRow = Number(/\d+$/.exec(ledgerAt)?.[0] ?? 1);
        const filled = (cells: readonly RawCell[]): boolean => (cells[0]?.row ?? 0) > headerRow && cells.some((c) => !isBlank(c));
        let rows = head.rows.some(filled);
        head.rows = [];
        handle = ({ cells }) => void (rows ||= filled(cells));
        second = () => {
          // The one read first a copy of this one (Excel puts a copy before the sheet it copies): said at the copy.
          const copy = this.ledgerSheet;
          if (rows && copy && this.ledgerCell !== undefined && isCopyOf(copy.name, name)) this.p.error(copy.hidden ? this.hiddenCode("workbook.ledger-copy-first", copy.name) : "workbook.ledger-copy-first", copy.name, this.ledgerCell, { original: cellRef(name, ledgerAt) });
          else if (rows) this.p.error(hidden ? this.hiddenCode("workbook.ledger-on-two-sheets", name) : "workbook.ledger-on-two-sheets", name, ledgerAt, { first: this.ledgerAt ?? "" });
          else this.p.warn("workbook.ledger-copy-empty", name, ledgerAt, { first: this.ledgerAt ?? "" });
        };
        return;
      }
      // Named as the ledger, but headed otherwise (社区 | 加扣分项目 | 次数 …): its claims would go
      // uncounted with no more than "there is no ledger sheet" said.
      if (name.trim() === SHEET.ledger && !this.ledgerNamed) {
        const first = head.rows.flat().find((c) => !isBlank(c));
        if (first) this.ledgerNamed = { sheet: name, cell: first.ref };
      }
      const before = this.located.length;
      handle = this.rowsOf(head);
      if (this.located.length > before) index = before;
      for (const cells of head.rows) handle?.({ cells, hidden: head.hiddenRows.has(cells[0]?.row ?? 0) });
      head.rows = [];
    };
    return {
      row: (row) => {
        if (kept || !decided) {
          keep(row);
          if (!decided && head.rows.length >= HEADER_SCAN_ROWS) decide();
        } else handle?.(row);
      },
      end: (merges, hiddenCols = []) => {
        if (!decided) decide();
        second?.();
        head.merges = [...merges];
        // The ledger's hidden columns are said as its rows are read (it is kept whole).
        if (kept) head.hiddenCols = hiddenCols;
        if (index !== undefined) {
          this.sheetEnds.get(index)?.();
          this.checkMerged(index, merges);
          this.checkHidden(index, hiddenCols);
          const at = this.located[index];
          const across = at ? acrossRow(merges, at.role.headerRow) : [];
          if (at && across.length) {
            this.headerMerges.set(at.sheet, across);
            this.codeMergedAcross(at.sheet, at.role, across);
          }
        }
      },
    };
  }

  /** What reads a sheet's rows, from its first rows (the header); undefined: none of ours. */
  private rowsOf(sheet: RawSheet): RowHandler | undefined {
    const role = classify(this.rubric, sheet, this.p, this.other);
    if (!role) {
      // A list of units (序号 | 单位名称 | 类型, no code): what a template is made from, not a form.
      const heading = this.listSheet === undefined ? sheet.rows.flat().find((c) => c.value.t === "s" && LIST_NAME_HEADING.test(cellText(c))) : undefined;
      if (heading) this.listSheet = { sheet: sheet.name, cell: heading.ref };
      return undefined;
    }
    // A copy of a sheet ("党政线 (2)") or a summary with the same codes must not quietly replace
    // or mix with the values of the sheet that holds them first.
    const codes = role.role === "line" ? [...role.columns].map(([col, item]) => [col, item.code] as const) : [...role.columns];
    const taken = codes.find(([, code]) => this.columnHome.has(code));
    if (taken) {
      const [col, code] = taken;
      const home = this.columnHome.get(code);
      const first = this.columnAt(code);
      // The sheet read first a copy of this one (Excel puts a copy before the sheet it copies): said
      // at the copy, which the clerk is told to delete (at this sheet, the one kept was pointed at).
      // (A copy holds the same items: one sharing an item or two with it, 党政线(2) holding the rest of
      // the line's, is no copy to delete.)
      const held = home ? this.sheetCodes.get(home.sheet) : undefined;
      if (home && held && held.size === codes.length && codes.every(([, c]) => held.has(c)) && isCopyOf(home.sheet, sheet.name)) {
        this.p.error(home.hidden ? this.hiddenCode("workbook.column-copy-first", home.sheet) : "workbook.column-copy-first", home.sheet, home.cell, { code, original: cellRef(sheet.name, refOf(col, role.headerRow)) });
        return undefined;
      }
      // A hidden copy cannot be seen to be deleted: said so.
      this.p.error(sheet.hidden ? this.hiddenCode("workbook.column-on-two-sheets", sheet.name) : "workbook.column-on-two-sheets", sheet.name, refOf(col, role.headerRow), { code, first });
      return undefined;
    }
    this.sheetCodes.set(sheet.name, new Set(codes.map(([, c]) => c)));
    for (const [col, code] of codes) this.columnHome.set(code, { sheet: sheet.name, cell: refOf(col, role.headerRow), hidden: sheet.hidden });
    this.located.push({ sheet: sheet.name, role });
    if (sheet.hidden) this.p.warn(this.veryHidden.has(sheet.name) ? "workbook.very-hidden-sheet" : "workbook.hidden-sheet", sheet.name, undefined);
    return role.role === "line" ? this.lineRows(sheet.name, role) : this.rateRows(sheet.name, role);
  }

  /** Two of the rubric's codes a header begins with, to show what is looked for (an item's, an indicator's). */
  private exampleCodes(): string {
    const item = this.rubric.lines.flatMap((l) => leaves(l.items).filter(isEntered))[0]?.code;
    return [item, this.rubric.indicators[0]?.code].filter((c): c is string => c !== undefined).join("、") || (this.rubric.lines[0]?.code ?? "");
  }

  /**
   * A code's heading merged across columns (BM1 over 2025年得分 | 2026年得分): its first column
   * alone is read, and the others not at all: said at the heading, or last year's points are
   * scored without a word where they come first.
   */
  private codeMergedAcross(sheet: string, role: SheetRole, across: readonly string[]): void {
    for (const range of across) {
      const cols = columnsOf(range);
      const code = cols ? role.columns.get(cols.first) : undefined;
      if (!cols || code === undefined) continue;
      const name = typeof code === "string" ? code : code.code;
      const codeOf = (c: number): string | undefined => {
        const x = role.columns.get(c);
        return x === undefined ? undefined : typeof x === "string" ? x : x.code;
      };
      const others = Array.from({ length: cols.last - cols.first }, (_, k) => cols.first + 1 + k);
      // Columns under the merge with headings of their own, hidden by it (LibreOffice keeps the
      // hidden cells' text): read by those headings, and said so, not as columns left unread.
      const unread = others.filter((c) => codeOf(c) === undefined);
      const hidden = others.filter((c) => codeOf(c) !== undefined);
      const cell = `${colName(cols.first)}${role.headerRow}`;
      const span = (list: readonly number[]): string => {
        const first = list[0] ?? 0;
        const last = list.at(-1) ?? 0;
        return list.length === 1 ? colName(first) : last - first === list.length - 1 ? `${colName(first)}–${colName(last)}` : list.map(colName).join("、");
      };
      if (unread.length) this.mergedAcross.push({ sheet, cell, code: "workbook.header-merged-across", data: { code: name, range, first: colName(cols.first), rest: span(unread) } });
      if (hidden.length) this.mergedAcross.push({ sheet, cell, code: "workbook.header-merged-hides", data: { code: name, range, cells: span(hidden), codes: hidden.map((c) => codeOf(c) ?? "").join("、") } });
    }
  }

  /**
   * Said once the columns are checked: not where the merge hid an item's own heading (an item
   * missing, said at the merge), which says it.
   */
  private mergedAcrossSaid(): void {
    if (!this.mergedAcross.length) return;
    const hid = new Set(this.p.list.filter((d) => d.code === "workbook.missing-column-merged").map((d) => (d.location && "sheet" in d.location ? d.location.sheet : "")));
    for (const m of this.mergedAcross) if (!hid.has(m.sheet)) this.p.warn(m.code, m.sheet, m.cell, m.data);
  }

  /**
   * Each column of numbers among a sheet's items that nothing reads, at its heading: not where the
   * sheet's header row has a problem said already (a heading cleared, merged or miscoded over it:
   * that is what to mend).
   */
  private unreadColumnsSaid(): void {
    if (!this.unreadColumns.length) return;
    const headed = new Set<string>();
    for (const d of this.p.list) {
      const at = d.location && "sheet" in d.location ? d.location : undefined;
      if (at?.cell) headed.add(`${at.sheet}\u0000${/\d+$/.exec(at.cell)?.[0] ?? ""}`);
    }
    for (const c of this.unreadColumns) {
      if (headed.has(`${c.sheet}\u0000${c.headerRow}`)) continue;
      const at = refOf(c.col, c.headerRow);
      if (c.indicator !== undefined) {
        if (c.header !== undefined) this.p.warn("workbook.column-not-read-rate", c.sheet, at, { header: c.header, count: c.count, example: c.indicator });
        else this.p.warn("workbook.column-not-read-rate-unheaded", c.sheet, at, { count: c.count, example: c.indicator });
      } else if (c.header !== undefined) this.p.warn("workbook.column-not-read", c.sheet, at, { header: c.header, count: c.count });
      else this.p.warn("workbook.column-not-read-unheaded", c.sheet, at, { count: c.count });
    }
  }

  /** Records that a unit is on the sheet located last. */
  private present(u: UnitRow): void {
    let rows = this.presence.get(u.name);
    if (!rows) {
      rows = [];
      this.presence.set(u.name, rows);
    }
    const index = this.located.length - 1;
    rows[index] = u.row;
    const at = this.located[index];
    if (at) (this.filled[index] ??= new ReadCells(at.role)).take(u.row, u.cells);
  }

  /**
   * A coded column hidden (out of sight, its values read and scored all the same): said at its
   * header, as a hidden row is.
   */
  private checkHidden(index: number, hiddenCols: readonly number[]): void {
    const at = this.located[index];
    if (!at || !hiddenCols.length) return;
    const { role } = at;
    const codes = role.role === "line" ? [...role.columns].map(([col, item]) => [col, item.code] as const) : [...role.columns];
    // The unit names and the 分组 column too: a unit moved to another group out of sight.
    const named: (readonly [number, string])[] = [[role.nameCol, UNIT_HEADER], ...(role.role === "line" && role.groupCol !== undefined ? [[role.groupCol, GROUP_HEADER] as const] : [])];
    // A hidden column that holds nothing (an indicator no unit of the district has) moves nothing.
    const cells = this.filled[index];
    for (const [col, code] of [...named, ...codes]) if (inHiddenColumns(hiddenCols, col) && (cells?.any(col) ?? false)) this.p.warn("workbook.hidden-column", at.sheet, refOf(col, role.headerRow), { code });
    // A column of a code twice, one of the two out of sight (last year's figures kept beside this
    // year's): said at the hidden one, with how to see it; where that is the first, that the one
    // refused in sight is not the one to delete.
    for (const t of role.twice ?? []) {
      if (inHiddenColumns(hiddenCols, t.col)) this.p.warn("workbook.duplicate-column-hidden", at.sheet, refOf(t.col, role.headerRow), { code: t.code, first: t.first });
      else if (inHiddenColumns(hiddenCols, t.firstCol)) this.p.warn("workbook.duplicate-column-first-hidden", at.sheet, t.first, { code: t.code, other: refOf(t.col, role.headerRow) });
    }
  }

  /** Merged cells over the unit rows of a located sheet (its names, groups and coded columns). */
  private checkMerged(index: number, merges: readonly string[]): void {
    const at = this.located[index];
    const cells = this.filled[index];
    if (!at || !cells || !merges.length) return;
    // Cells under a merged range read blank below its first: the merge is said, not each blank
    // cell. A rates sheet's blanks are said once every sheet is read (finish): its merges then.
    if (at.role.role === "rates") this.rateMerges.push({ sheet: at.sheet, merges, cells });
    else mergesOverData(this.p, at.sheet, merges, cells.area, (row, col) => cells.has(row, col));
  }

  private lineRows(sheet: string, role: Extract<SheetRole, { role: "line" }>): RowHandler {
    const p = this.p;
    const columns = [...role.columns].map(([col, item]) => {
      this.judgedColumns.set(item.code, sheet);
      return { col, item, slot: this.store.place(item.code, sheet, col) };
    });
    const kind = this.rubric.unitKinds.find((k) => k.id === role.kind);
    const groupCol = kind?.groups.length ? role.groupCol : undefined;
    if (groupCol !== undefined) {
      this.groupColumns.add(role.kind);
      this.groupColumnOf.set(sheet, colName(groupCol));
    }
    const shifted = this.shiftWatch(sheet, role);
    const firstItem = role.columns.values().next().value?.code;
    const line = this.rubric.lines.find((l) => allItems(l.items).some((i) => i.code === firstItem))?.code;
    const totals = new TotalsWatch(sheet, { ...role, groupCol }, new Map((role.uncoded ?? []).map((h) => [h.col, cleanText(h.text)])), line);
    const index = this.located.length - 1;
    const ended = this.sheetEnds.get(index);
    this.sheetEnds.set(index, () => {
      ended?.();
      this.totalsOff.push(...totals.end());
      // Numbers in a column nothing reads (an item inserted without its code): said once, at its heading, in the end.
      for (const c of totals.unread()) this.unreadColumns.push({ sheet, headerRow: role.headerRow, ...c });
    });
    const headless = role.headless ?? [];
    const numbered = new Set<number>();
    if (headless.length) this.headlessValues.set(sheet, numbered);
    // A row's group and points checked, nothing kept (a unit read as another kind first).
    const checkValues = (u: UnitRow): void => {
      p.unit = u.name;
      if (kind && groupCol !== undefined) this.readGroup(kind, sheet, u, groupCol);
      for (const { col, item } of columns) {
        p.item = item.code;
        readPoints(p, sheet, u.cells[col], col, u.row, item);
      }
      p.unit = p.item = undefined;
    };
    return unitRows(sheet, role, p, this.heading, this.codes, (u) => {
      this.present(u);
      for (const col of headless) if (u.cells[col]?.value.t === "n") numbered.add(col);
      const existing = this.unitByName.get(u.name);
      if (existing && existing.kind !== role.kind) {
        // Both rows named, each with its kind as the rubric names it: which is the slip is the clerk's to see.
        const kindName = (id: string): string => this.rubric.unitKinds.find((k) => k.id === id)?.name ?? id;
        p.error("workbook.unit-two-kinds", sheet, refOf(role.nameCol, u.row), { unit: u.name, first: cellRef(existing.at.sheet, existing.at.cell), firstKind: kindName(existing.kind), kind: kindName(role.kind) });
        // Its values here are checked once the template's list is read, unless the list gives it
        // the other kind (then this row is the one pasted): a slip in them is said then.
        this.secondKindRows.push({ unit: u.name, kind: role.kind, check: () => checkValues(u) });
        return;
      }
      if (!existing) {
        const unit: Unit = { name: u.name, kind: role.kind, at: { sheet, cell: refOf(role.nameCol, u.row) } };
        this.units.push(unit);
        this.unitByName.set(u.name, unit);
      }
      p.unit = u.name;
      if (kind && groupCol !== undefined) this.readGroup(kind, sheet, u, groupCol);
      const id = this.storageOf(u.name);
      let words: RawCell | undefined;
      for (const { col, item, slot } of columns) {
        const c = u.cells[col];
        p.item = item.code;
        const v = readPoints(p, sheet, c, col, u.row, item);
        if (v !== undefined && slot !== undefined) this.store.set(id, slot, v, u.row);
        else if (v === undefined && isWords(c)) words ??= c;
      }
      p.unit = p.item = undefined;
      // A sheet that only lists its units (their line computed from 指标数据): a number typed there
      // is read nowhere, said at the row's first (a score typed where the clerk thought it counted).
      if (!role.columns.size) {
        // (Right of the name: a 序号 before it is no value.)
        // (Nor in a column passed over: another kind's item, said at its heading.)
        const typed = u.cells.find((c, col) => c !== undefined && col > role.nameCol && col !== role.groupCol && c.value.t === "n" && !role.passed?.includes(col));
        if (typed) p.warn("workbook.value-on-list-sheet", sheet, typed.ref, { value: cellText(typed), unit: u.name });
      }
      // Words under an item (a note) and a number past the last heading: the row was pasted a
      // column out of line (from a copy with a column of its own), and the numbers after the
      // words read under the wrong items. Said, or the error at the words is mended and the
      // shift stays.
      shifted.row(u.cells, words, u.row);
      totals.row(u.cells, u.name);
    }, this.emptyTwins, this.unreadNames, this.totalRowsOf(sheet), (text) => (kind ? groupNamed(kind, text, this.other)?.id : undefined));
  }

  /**
   * The template's lists sheet: the units it was made for (its column of every unit, or in a
   * template older than that column, of the ledger's units), each once.
   */
  private listsSheet(sheet: string): SheetConsumer {
    const all: Listed[] = [];
    const ledger: Listed[] = [];
    return {
      row: ({ cells }) => {
        let name = "";
        let kind: string | undefined;
        let guessed = false;
        for (const c of cells) {
          if (c.col === LISTS_LEDGER_UNITS && cellText(c) !== "") ledger.push({ name: cellText(c), row: c.row });
          else if (c.col === LISTS_ALL_UNITS) name = cellText(c);
          else if (c.col === LISTS_UNIT_KINDS) kind = cellText(c);
          else if (c.col === LISTS_KIND_GUESSED) guessed = cellText(c) !== "";
        }
        if (name !== "") all.push({ name, row: cells[0]?.row ?? 0, ...(kind ? { kind } : {}), ...(guessed ? { guessed } : {}) });
      },
      end: () => {
        const col = all.length ? LISTS_ALL_UNITS : LISTS_LEDGER_UNITS;
        const once = new Map<string, Listed>();
        for (const n of all.length ? all : ledger) if (!once.has(n.name)) once.set(n.name, n);
        if (once.size) this.roster = { sheet, col, names: [...once.values()] };
      },
    };
  }

  /** 分组 words read as the other version of the rubric names a group, each said once. */
  private readonly otherGroupSaid = new Set<string>();

  /** The listed units the sheets name otherwise, as the list's check paired them (金山镇 → 金山街道). */
  private readonly renamed = new Map<string, string>();

  /**
   * A unit the template was made for that is on none of the sheets (its rows deleted everywhere, or
   * renamed everywhere): said, since it would go unranked unseen; a unit merged away is fine.
   */
  private checkRoster(): void {
    const roster = this.roster;
    if (!roster || !this.units.length) return;
    // A kind without a sheet is said once for all its units (workbook.no-line-sheet).
    const sheetless = this.rubric.unitKinds.filter((k) => !this.located.some((l) => l.role.role === "line" && l.role.kind === k.id)).map((k) => k.id);
    const listed = new Set(roster.names.map((n) => n.name));
    // Of the kinds the list holds (an older template's: the ledger's kinds alone).
    const ledgerKinds = new Set(this.rubric.ledger.flatMap((c) => c.unitKinds));
    // (A unit on the sheets in another width or with a line break typed in it, 西山↵镇 for the
    // list's 西山镇, is the listed unit: neither unlisted nor absent.)
    const listedWidth = new Set(roster.names.map((n) => comparableName(n.name)));
    const sheetNames = this.units.filter((u) => !listed.has(u.name) && (roster.col === LISTS_ALL_UNITS || ledgerKinds.has(u.kind))).map((u) => u.name);
    const written = new Set(sheetNames.map(comparableName));
    const unlisted = sheetNames.filter((n) => !listedWidth.has(comparableName(n)));
    // Of a kind without a sheet, or (a template that does not say its units' kinds) with a kind so.
    const absent = roster.names.filter(({ name, kind }) => !this.presence.has(name) && !written.has(comparableName(name)) && !(kind === undefined ? sheetless.length > 0 : sheetless.includes(kind)));
    let searches = 0;
    const named = new Set<string>();
    const nears = absent.map(({ name }) => {
      const near = unlisted.length && searches++ < MAX_NEAR_SEARCHES ? nearestNames(name, unlisted, 3) : [];
      for (const n of near) named.add(n);
      return near;
    });
    // One unit alone gone, one alone come, of a kind (or of all, where the list says no kinds):
    // that one, however unlike (乙街道 → 乙镇, 区财政局 → 区财政事务中心). (An older template's list,
    // the ledger's units, says no kinds: one gone and one come of the kinds it holds, in all.)
    {
      const kindOf = new Map(this.units.map((u) => [u.name, u.kind]));
      const gone = absent.flatMap(({ kind }, i) => (nears[i]?.length ? [] : [{ i, kind }]));
      const come = unlisted.filter((n) => !named.has(n));
      for (const { i, kind } of gone) {
        const alike = gone.filter((g) => g.kind === kind);
        const others = come.filter((n) => kind === undefined || kindOf.get(n) === kind);
        if (alike.length === 1 && others.length === 1 && (kind !== undefined || (gone.length === 1 && come.length === 1))) {
          nears[i] = others;
          for (const n of others) named.add(n);
        }
      }
    }
    // Where one unit on the sheets is its other name (白沙鎮 for 白沙镇 throughout), said at that
    // unit's first row, where the clerk sees it (the list is a hidden sheet); else at the list.
    const firstRow = new Map<string, CellAt>();
    for (const u of this.units) if (!firstRow.has(u.name)) firstRow.set(u.name, u.at);
    absent.forEach(({ name, row }, i) => {
      const near = nears[i] ?? [];
      const at = near.length === 1 ? firstRow.get(near[0] ?? "") : undefined;
      if (at) {
        this.renamed.set(name, near[0] ?? "");
        return this.p.warn("workbook.roster-unit-renamed", at.sheet, at.cell, { unit: near[0] ?? "", listed: name, lists: roster.sheet });
      }
      const data = { unit: name, near: near.join("、"), lists: roster.sheet };
      this.p.warn(near.length ? "workbook.roster-unit-absent-near" : "workbook.roster-unit-absent", roster.sheet, refOf(roster.col, row), data);
    });
    // And the other way: a unit on the sheets the template was not made for (a row that crept in
    // from another copy) is scored and ranked, and moves the others: said at its first row, unless
    // said above as a listed unit's new name. (An older template's list, the ledger's units, holds
    // every unit of the kinds the ledger is for: a unit of those not on it, 新设街道, is said too.)
    // Nor one said to be missing from a sheet where a unit of a name like it is (凤凰路街道 on two
    // sheets, 凤凰街道 on the others): that says it is a listed unit's other spelling.
    const spelt = new Set(this.p.list.flatMap((d) => (SAID_AS_SPELLING.has(d.code) ? [String(d.data.unit)] : [])));
    const unlistedNow = new Set(unlisted.filter((n) => !named.has(n) && !spelt.has(n)));
    // (Where its kind has items scored against the best value or by place, the others' points too.)
    const relative = (kind: string): boolean => {
      const lines = this.rubric.unitKinds.find((k) => k.id === kind)?.lines ?? [];
      return this.rubric.lines.some((l) => lines.includes(l.code) && leaves(l.items).some(isRelative));
    };
    for (const u of this.units) {
      if (!unlistedNow.delete(u.name)) continue;
      this.p.warn("workbook.roster-unit-unlisted", u.at.sheet, u.at.cell, { unit: u.name, lists: roster.sheet, points: relative(u.kind) ? "yes" : "" });
    }
  }

  /**
   * A unit on a sheet of another kind than the template's list gives it (a department's row pasted
   * onto a town sheet): read as that kind it is scored and ranked as one, takes their prizes and
   * moves their relative points (the best, the places). An error at each such row, in place of
   * what reading it there found (its points out of that kind's ranges, that kind's indicators blank,
   * its ledger codes not for that kind: mending those made it that kind), and of "a unit of one
   * kind only" said at whichever row came second.
   */
  private kindsAgainstList(): void {
    const roster = this.roster;
    if (!roster) return;
    const kindName = (id: string): string => this.rubric.unitKinds.find((k) => k.id === id)?.name ?? id;
    const gone = new Set<Diagnostic>();
    const found: { sheet: string; cell: string; code: string; data: Record<string, string> }[] = [];
    // The units on another kind's sheets: whether read as that kind, and the sheets of their rows there.
    const misplaced = new Map<string, { misread: boolean; sheets: ReadonlySet<string> }>();
    // The sheets' name of a listed unit written in another width there (区财政局(本级) listed,
    // 区财政局（本级） on the sheets: the listed unit, as the list's check takes it).
    // (Made where first needed: a province's list names its units as its sheets do.)
    let onSheets: Map<string, string> | undefined;
    const widthOf = (listed: string): string | undefined => {
      if (!onSheets) {
        onSheets = new Map();
        for (const n of this.presence.keys()) if (!onSheets.has(comparableName(n))) onSheets.set(comparableName(n), n);
      }
      return onSheets.get(comparableName(listed));
    };
    for (const { name: listed, kind, guessed } of roster.names) {
      // (A kind the template guessed is not held against the clerk's moving the unit's rows.)
      const own = kind === undefined || guessed ? undefined : this.rubric.unitKinds.find((k) => k.id === kind);
      if (!own) continue;
      const name = this.presence.has(listed) ? listed : (widthOf(listed) ?? listed);
      const rows = this.presence.get(name);
      if (!rows) continue;
      const wrong: { sheet: string; cell: string; kind: string }[] = [];
      const right: string[] = [];
      rows.forEach((row, i) => {
        const at = this.located[i];
        if (at?.role.role !== "line") return;
        const cell = refOf(at.role.nameCol, row);
        if (at.role.kind === own.id) right.push(cellRef(at.sheet, cell));
        else wrong.push({ sheet: at.sheet, cell, kind: at.role.kind });
      });
      if (!wrong.length) continue;
      // Read as another kind (its first row on such a sheet): what that kind asks of it is no problem of its.
      misplaced.set(name, { misread: this.unitByName.get(name)?.kind !== own.id, sheets: new Set(wrong.map((w) => w.sheet)) });
      const located = this.located.flatMap((l) => (l.role.role === "line" && l.role.kind === own.id ? [l.sheet] : []));
      const sheets = located.length ? located : this.rubric.lines.filter((l) => own.lines.includes(l.code)).map((l) => l.sheet);
      for (const w of wrong) {
        const data = { unit: name, listed: own.name, kind: kindName(w.kind), lists: roster.sheet };
        if (right.length) found.push({ sheet: w.sheet, cell: w.cell, code: "workbook.unit-kind-not-listed-also", data: { ...data, other: right[0] ?? "" } });
        else found.push({ sheet: w.sheet, cell: w.cell, code: "workbook.unit-kind-not-listed", data: { ...data, sheets: [...new Set(sheets)].join("、") } });
      }
    }
    // What reading them there said, withdrawn: looked for once over every problem (a province's are many).
    if (misplaced.size) {
      const rates = new Set(this.located.filter((l) => l.role.role === "rates").map((l) => l.sheet));
      const ledger = this.ledgerSheet?.name;
      for (const d of this.p.list) {
        const m = misplaced.get(d.unit ?? "") ?? misplaced.get(String(d.data.unit ?? ""));
        if (!m) continue;
        const sheet = d.location && "sheet" in d.location ? d.location.sheet : undefined;
        const followed =
          d.code === "workbook.unit-two-kinds" ||
          (sheet !== undefined && m.sheets.has(sheet)) ||
          // Read as another kind, what that kind asks and passes over: its blanks on 指标数据, a value
          // there said not to be used (its own kind uses it), its codes not for that kind. Not what
          // would be so as its own kind too (a row twice, a value that reads as nothing).
          (m.misread && (d.code.startsWith("workbook.unit-missing-on") || (sheet !== undefined && rates.has(sheet) && AS_OTHER_KIND.has(d.code)) || (sheet === ledger && LEDGER_WRONG_KIND.has(d.code))));
        if (followed) gone.add(d);
      }
    }
    if (gone.size) this.p.withdraw(gone);
    for (const f of found) this.p.error(f.code, f.sheet, f.cell, f.data);
  }

  /**
   * A unit's rows on a sheet of another kind than its first row's, read past: their slips said
   * where the template's list gives the unit their kind (the row read first was the one pasted), or
   * gives it none (which row is in the wrong place is the clerk's to see: a slip in either is said).
   */
  private secondRows(): void {
    if (!this.secondKindRows.length) return;
    const listed = new Map<string, string>();
    for (const n of this.roster?.names ?? []) if (n.kind !== undefined && !n.guessed) listed.set(comparableName(n.name), n.kind);
    for (const r of this.secondKindRows) {
      const own = listed.get(comparableName(r.unit));
      if (own === undefined || own === r.kind) r.check();
    }
  }

  /**
   * A value refused in a cell the unit's kind reads nothing from (a town's indicator on a
   * department's row): not an error that stops scoring, since it counts for nothing; said so.
   */
  private unusedRefusals(): void {
    if (!this.refusals.length) return;
    const neededBy = new Map<string, Map<string, boolean>>();
    const needed = (kind: string): Map<string, boolean> => {
      let m = neededBy.get(kind);
      if (!m) {
        const k = this.rubric.unitKinds.find((x) => x.id === kind);
        neededBy.set(kind, (m = k ? neededCodes(this.rubric, measuredOf(this.rubric, k)) : new Map()));
      }
      return m;
    };
    const gone = new Set<Diagnostic>();
    for (const r of this.refusals) {
      const unit = this.unitByName.get(r.unit);
      if (!unit || needed(unit.kind).has(r.code)) continue;
      for (const d of r.said) gone.add(d);
      // A dash, a slash or 无 where the kind reads nothing (a department's cell of a town's
      // indicator): what such a cell should say.
      if (r.said.every((d) => d.code.startsWith("workbook.none-word"))) continue;
      const kind = this.rubric.unitKinds.find((x) => x.id === unit.kind)?.name ?? unit.kind;
      this.p.about(r.code, () => this.p.warn("workbook.bad-value-not-used", r.at.sheet, r.at.cell, { unit: r.unit, code: r.code, kind }));
    }
    if (gone.size) this.p.withdraw(gone);
  }

  /** A unit's group from the 分组 column: a group's name, id or one of its labels. */
  private readGroup(kind: UnitKind, sheet: string, u: UnitRow, col: number): void {
    const ref = refOf(col, u.row);
    const text = cellText(u.cells[col]);
    const allowed = kind.groups.map((g) => g.name).join("、");
    if (u.cells[col]?.value.t === "e") {
      this.p.error("workbook.text-error-value", sheet, ref, { value: text, heading: GROUP_HEADER });
      return;
    }
    if (text === "") {
      if (u.cells[col]?.value.t === "formula-no-result") this.p.error("workbook.formula-no-result", sheet, ref);
      else {
        // Its name says its group (龙门镇: 乡镇组): offered, as the template filled it.
        const named = groupByEnding(kind, u.name);
        this.p.error(named ? "workbook.group-blank-name" : "workbook.group-blank", sheet, ref, { unit: u.name, allowed, ...(named ? { group: named.group.name, label: named.label } : {}) });
      }
      return;
    }
    const g = groupNamed(kind, text, this.other);
    if (!g) {
      // A group's short form (执法组 for 执法部门组), or a slip of one, named.
      const near = nearestNames(text, kind.groups.map((x) => x.name), 1)[0];
      // The unit's name says its group too (凤凰街道: 街道组): said where it is another than the
      // spelling's (镇组 for 凤凰街道 read as 乡镇组 puts a 街道 among the towns).
      const named = groupByEnding(kind, u.name);
      const byName = named && named.group.name !== near ? { unit: u.name, label: named.label, other: named.group.name } : undefined;
      if (near !== undefined && byName) this.p.error("workbook.unknown-group-near-name", sheet, ref, { value: text, allowed, near, ...byName });
      else if (near !== undefined) this.p.error("workbook.unknown-group-near", sheet, ref, { value: text, allowed, near });
      else if (byName) this.p.error("workbook.unknown-group-name", sheet, ref, { value: text, allowed, ...byName });
      else this.p.error("workbook.unknown-group", sheet, ref, { value: text, allowed });
      return;
    }
    // Named as the other version of the rubric names it (read beside it: rubric diff --on): read so
    // here, and said once a word, as scoring under this version alone would refuse it.
    if (!kind.groups.some((x) => namesGroup(x, text)) && !this.otherGroupSaid.has(text)) {
      this.otherGroupSaid.add(text);
      this.p.warn("workbook.group-other-version", sheet, ref, { value: text, group: g.name });
    }
    const prev = this.groups.get(u.name);
    if (prev && prev.group !== g.id) this.p.error("workbook.group-conflict", sheet, ref, { unit: u.name, first: prev.at });
    else if (!prev) {
      this.groups.set(u.name, { group: g.id, at: cellRef(sheet, ref) });
      // 柳河镇 in 街道组: a group column pasted out of line with the names moves prizes between groups.
      const named = groupByEnding(kind, u.name);
      if (named && named.group.id !== g.id) this.p.warn("workbook.group-unlike-name", sheet, ref, { unit: u.name, group: g.name, label: named.label, other: named.group.name });
    }
  }

  private rateRows(sheet: string, role: Extract<SheetRole, { role: "rates" }>): RowHandler {
    const p = this.p;
    const columns = [...role.columns].map(([col, code]) => {
      const m = measureOf(this.rubric, code);
      const spec: MeasureSpec = { code, unit: m?.unit ?? "percent", display: m?.display ?? "%", ...(m && "min" in m && m.min !== undefined ? { min: m.min } : {}), ...(m && "max" in m && m.max !== undefined ? { max: m.max } : {}), ...(m && "whole" in m && m.whole ? { whole: true } : {}), ...targetOf(this.rubric, code) };
      return { col, code, spec, slot: this.store.place(code, sheet, col) };
    });
    const shifted = this.shiftWatch(sheet, role, true);
    // A column of numbers among the indicators that nothing reads (上年符合率 beside ZB1, an
    // indicator's code left off): said at its heading, as on a line sheet. Its totals are none.
    const unread = new TotalsWatch(sheet, role, new Map((role.uncoded ?? []).map((h) => [h.col, cleanText(h.text)])), undefined, false);
    const index = this.located.length - 1;
    const ended = this.sheetEnds.get(index);
    this.sheetEnds.set(index, () => {
      ended?.();
      unread.end();
      const example = role.columns.values().next().value ?? "";
      for (const c of unread.unread()) this.unreadColumns.push({ sheet, headerRow: role.headerRow, ...c, indicator: example });
    });
    // What a cell shows rounded, or holds more finely, as readMeasure tells it: set by two functions
    // made once a sheet (two a cell were a province's millions), emptied before each cell.
    const got: { shown?: { rate: number; text: string } | undefined; finer?: { exact: number; text: string } | undefined } = {};
    const onShown = (rate: number, text: string): void => void (got.shown = { rate, text });
    const onFiner = (exact: number, text: string): void => void (got.finer = { exact, text });
    const empty = (): void => void (got.shown = got.finer = undefined);
    return unitRows(sheet, role, p, this.heading, this.codes, (u) => {
      this.present(u);
      unread.row(u.cells, u.name);
      const id = this.storageOf(u.name);
      let words: RawCell | undefined;
      p.unit = u.name;
      for (const { col, code, spec, slot } of columns) {
        const c = u.cells[col];
        // A blank is judged once the unit's kind is known: only what its items need must be there.
        if (isBlank(c)) {
          if (c?.formula === true) this.blankFormulas.add(`${u.name}\u0000${code}`);
          continue;
        }
        const before = p.list.length;
        p.item = code;
        empty();
        const v = readMeasure(p, sheet, c, col, u.row, spec, onShown, onFiner);
        const { shown: shownNow, finer: finerNow } = got;
        // A fraction typed as such (0.95) tells the column's 1s are 100%; a 1 warned is kept by its column.
        if (v !== undefined && c !== undefined) {
          const typedFraction = c.value.t === "n" ? isGeneralFormat(c.value.fmt) && c.value.v > 0 && c.value.v < 1 && !c.formula : c.value.t === "s" && /^\s*0?\.\d+\s*$/.test(normalizeWidth(c.value.v));
          if (typedFraction) this.fractionColumns.add(`${sheet}\u0000${col}`);
          const said = p.list.length > before ? p.list.slice(before) : [];
          for (const [wanted, kept] of [["workbook.rate-one", this.ones], ["workbook.rate-large", this.larges]] as const) {
            const d = said.find((x) => x.code === wanted);
            if (!d) continue;
            const where = `${sheet}\u0000${col}`;
            const had = kept.get(where);
            if (had) had.push(d);
            else kept.set(where, [d]);
          }
        }
        if (v !== undefined && shownNow !== undefined) this.shown.push({ unit: u.name, code, value: v, shown: shownNow.rate, shownText: shownNow.text, at: { sheet, cell: refOf(col, u.row) } });
        if (v !== undefined && finerNow !== undefined) this.finer.push({ unit: u.name, code, value: v, shown: finerNow.exact, shownText: finerNow.text, at: { sheet, cell: refOf(col, u.row) } });
        if (v === undefined) {
          if (c?.value.t === "s") words ??= c;
          this.refused.add(`${u.name}\u0000${code}`);
          // Taken back in the end if the unit's kind reads nothing there (a greyed cell).
          if (p.list.length > before) this.refusals.push({ unit: u.name, code, at: { sheet, cell: refOf(col, u.row) }, said: p.list.slice(before) });
        } else if (slot !== undefined) this.store.set(id, slot, v, u.row);
      }
      p.unit = p.item = undefined;
      shifted.row(u.cells, words, u.row);
    }, this.emptyTwins, this.unreadNames, this.totalRowsOf(sheet));
  }

  /**
   * Watches a located sheet's unit rows for one pasted a column out of line (from a copy with a
   * column of its own): words under an item (refused), and a number in the column right after the
   * last heading, the points after the words read under the wrong items. Said at the sheet's end,
   * at the number, naming the words' cell; not where that column holds numbers on other rows too
   * (a helper column of the office's own).
   */
  private shiftWatch(sheet: string, role: { readonly lastHeaded?: number | undefined; readonly nameCol: number; readonly headerRow: number; readonly columns: ReadonlyMap<number, JudgedItem | string> }, values = false): { row: (cells: readonly (RawCell | undefined)[], words: RawCell | undefined, row: number) => void } {
    const { lastHeaded, nameCol } = role;
    if (lastHeaded === undefined) return { row: () => undefined };
    const past = lastHeaded + 1;
    // The item under the last heading, whose points a row shifted a column on puts past it.
    const last = role.columns.get(lastHeaded);
    const fitsLast = (v: number): boolean => last === undefined || typeof last === "string" || (v >= 0 && Math.round(v * 100) <= last.max);
    // The first item right after the name left blank, a number past the last heading: the row
    // pasted a column on with a blank before it (柳河镇 | | 30 | 29.5 | 0), as telling as words.
    // (Not on 指标数据: a unit leaves blank the indicators its kind does not read.)
    const first = !values && role.columns.has(nameCol + 1) ? nameCol + 1 : undefined;
    // Each such number, with the words before it or the blank first item's cell.
    const found: ({ at: RawCell; words: RawCell } | { at: RawCell; blank: string })[] = [];
    let filled = 0;
    // The one number past the last heading on the sheet, in whatever column, where no other row has
    // one there (a score typed a column or more too far): not a total of its row's.
    let pastNumbers = 0;
    let lone: RawCell | undefined;
    let loneUnit = "";
    // The first item's column holding 1, 2, 3… row after row, and every row a number in the column
    // after the headings: a block pasted with its 序号 before the items (each item's points under
    // the next one's heading, the last's past them), which no figure alone shows (each one valid).
    // (The first item's column, after a 分组 column where the sheet has one: 经济发展's JJ5 was missed.)
    const itemCols = [...role.columns.keys()].filter((col) => col > nameCol);
    const serialCol = itemCols.length ? Math.min(...itemCols) : undefined;
    let serial = serialCol !== undefined;
    // Every number past the headings one the last item could hold (its pushed points): a row's
    // total there, an office's helper column, is no such column (DZ3.4's real 1, 2, 3 beside a
    // column of totals was called a pasted 序号).
    let pastFits = true;
    let rows = 0;
    let pastFilled = 0;
    this.sheetEnds.set(this.located.length - 1, () => {
      if (serial && pastFits && serialCol !== undefined && rows >= SERIAL_MIN && pastFilled === rows) {
        const item = role.columns.get(serialCol);
        const code = typeof item === "string" ? item : (item?.code ?? "");
        // A warning: real scores of 1 to 5 beside an office's column of small numbers look the same
        // (an error stopped a valid workbook's scoring); each figure's own problems are said as ever.
        this.p.item = code;
        this.p.warn("workbook.column-pushed-serial", sheet, refOf(serialCol, role.headerRow), { code, last: rows, pushed: colName(past) });
        this.p.item = undefined;
        return;
      }
      if (pastNumbers === 1 && !found.length && lone) this.lonePast.push({ sheet, cell: lone, unit: loneUnit });
      if (filled > found.length) return;
      // Every row so, words under one item and the numbers in the one column after the headings: a
      // column put in (a 备注 of the department's) pushed that item's points past the headings. Said
      // once, at the item's heading, in place of the words refused at each row ("请填 0" there lost
      // the points) and of each row's warning.
      const words = found.flatMap((f) => ("words" in f ? [f.words] : []));
      const wordsCol = words[0]?.col;
      const atCol = found[0]?.at.col;
      const item = wordsCol !== undefined ? role.columns.get(wordsCol) : undefined;
      // (Only an item's points, each one it could hold, pushed past words the reader has no reading
      // for: 无, — or 满分 under it are entries, an office's helper column beside them its own.)
      const at = new Set(words.map((w) => w.ref));
      const refused = this.p.list.filter((d) => d.severity === "error" && d.location && "sheet" in d.location && d.location.sheet === sheet && at.has(d.location.cell ?? ""));
      const fits = (v: number): boolean => typeof item === "object" && v >= 0 && Math.round(v * 100) <= item.max;
      if (found.length >= PUSHED_MIN && words.length === found.length && typeof item === "object" && atCol !== undefined && words.every((w) => w.col === wordsCol) && found.every((f) => f.at.col === atCol && f.at.value.t === "n" && fits(f.at.value.v)) && refused.length === words.length && refused.every((d) => d.code === "workbook.points-not-a-number")) {
        this.p.withdraw(new Set(refused));
        const code = item.code;
        this.p.item = code;
        this.p.error("workbook.column-pushed", sheet, refOf(wordsCol ?? 0, role.headerRow), { code, text: cellText(words[0]), pushed: colName(atCol) });
        this.p.item = undefined;
        return;
      }
      for (const f of found) {
        if ("blank" in f) this.p.warn("workbook.row-shifted-blank", sheet, f.at.ref, { blank: f.blank, value: cellText(f.at) });
        else this.p.warn(values ? "workbook.row-shifted-values" : "workbook.row-shifted", sheet, f.at.ref, { words: f.words.ref, value: cellText(f.at), text: cellText(f.words) });
      }
    });
    return {
      row: (cells, words, row) => {
        let farther: RawCell | undefined;
        for (let col = past; col < cells.length; col++) {
          const x = cells[col];
          if (x?.value.t !== "n") continue;
          if (++pastNumbers === 1) farther = x;
        }
        // (On a row otherwise whole: beside a blank item, it may be the row's total with that item's
        // points in it; beside words, the item's points put out of line.)
        if (farther?.value.t === "n" && pastNumbers === 1 && !totalOf(cells, role.columns, farther.value.v) && [...role.columns.keys()].every((col) => !isBlank(cells[col]) && !isWords(cells[col]))) {
          lone = farther;
          loneUnit = cellText(cells[nameCol]);
        }
        const c = cells[past];
        rows++;
        if (serial && serialCol !== undefined) {
          const s = cells[serialCol];
          serial = s?.value.t === "n" && s.value.v === rows;
        }
        if (c?.value.t !== "n") return;
        pastFilled++;
        if (!fitsLast(c.value.v)) pastFits = false;
        filled++;
        const total = totalOf(cells, role.columns, c.value.v);
        if (words) found.push({ at: c, words });
        // (Not a row's total typed beside its points, its first item left blank: no shift; nor a
        // number the last item could not hold, which a shift would have put there: 55 past a 扣分
        // column of at most 20 is the row's total with the blank item's points in it.)
        else if (first !== undefined && isBlank(cells[first]) && !total && fitsLast(c.value.v)) found.push({ at: c, blank: refOf(first, row) });
      },
    };
  }

  /**
   * A grade's quota written as a count (quota: 20) that every unit of its ranking is within: it
   * limits no one, and was most likely meant as a share (20%). Said once per band.
   */
  private quotasOfAll(units: readonly { kind: string; group?: string }[], values: Values): void {
    // One unit alone (a self-check) is said as that: its quotas of a share are none, by it.
    if (units.length === 1) return;
    let unranked: ReadonlySet<number> | undefined;
    for (const r of this.rubric.rankings) {
      const counted = r.grades?.bands.filter((b) => b.quotaCount !== undefined && b.quotaCount < 100) ?? [];
      const shared = r.grades?.bands.filter((b) => b.quotaShare !== undefined && b.quotaShare > 0) ?? [];
      if (!counted.length && !shared.length) continue;
      // The units the ranking ranks, as a quota counts them: a veto that takes a unit out of the ranking takes it out of the count.
      unranked ??= vetoedOut(this.rubric, units, values);
      const out = unranked;
      let assessed = 0;
      let ranked = 0;
      units.forEach((u, i) => {
        if (u.kind !== r.unitKind || (r.group !== undefined && u.group !== r.group)) return;
        assessed++;
        if (!out.has(i)) ranked++;
      });
      // What a share is of: the units ranked, or (quota_of: assessed) every unit of the ranking.
      const ofAll = r.grades?.quotaOf === "assessed";
      const base = quotaBase(r, ranked, assessed);
      // A share of so few units that, rounded (down, or as quota_round says), it leaves no place (30% of 3): nobody can get
      // the grade, as each unit's own grade then says; said once, at the quota, where it is mended.
      for (const b of shared) {
        // A least number of places every unit is within (quota_min: 10 of 10 towns, meant as 10%?): it lifts the quota off.
        const min = b.quotaMin ?? 0;
        if (ranked >= 2 && min >= ranked) {
          this.p.take({ code: "workbook.quota-min-of-all", severity: "warning", data: { ranking: r.name, grade: b.name, min, count: ranked }, location: b.at ?? { file: this.rubric.file } });
          continue;
        }
        const share = b.quotaShare ?? 0;
        // (Its places as the engine counts them: quota_min is 0 here, any other having gone on above.)
        if (ranked < 1 || min >= 1 || quotaOf(b, base) >= 1) continue;
        const data = { ranking: r.name, grade: b.name, quota: formatRate(share), count: base, round: b.quotaRound ?? "down" };
        // Where the units a veto takes out of the ranking would have given it a place, counted
        // (参评单位总数): said so, and how to count them.
        const code = ofAll ? "workbook.quota-share-none-assessed" : quotaOf(b, assessed) >= 1 ? "workbook.quota-share-none-vetoed" : "workbook.quota-share-none";
        this.p.take({ code, severity: "warning", data: code === "workbook.quota-share-none-vetoed" ? { ...data, vetoed: assessed - ranked, all: assessed } : data, location: b.at ?? { file: this.rubric.file } });
      }
      for (const b of counted) {
        const quota = b.quotaCount ?? 0;
        if (ranked < 2 || quota < ranked) continue;
        // "20%" offered only where that share would leave places at all (3% of 3 units is none).
        const share = Math.floor((ranked * quota) / 100) >= 1;
        // Said at the quota in the rubric, where it is to be mended.
        const data = { ranking: r.name, grade: b.name, quota, count: ranked };
        this.p.take({ code: share ? "workbook.quota-of-all" : "workbook.quota-of-all-count", severity: "warning", data, location: b.at ?? { file: this.rubric.file } });
      }
    }
  }

  /**
   * A column left blank for every unit (a department's figures never pasted in): one error at its
   * heading rather than one for each unit, whose "请填 0" invited zeros for figures to fetch (a
   * veto's indicator among them).
   */
  private blankColumns(units: number, values: Values): void {
    const groups = new Map<string, Diagnostic[]>();
    for (const d of this.p.list) {
      const at = columnAt(d);
      if (!BLANK_VALUE.has(d.code) || at === "") continue;
      const key = `${at}\u0000${String(d.data.code)}`;
      const list = groups.get(key);
      if (list) list.push(d);
      else groups.set(key, [d]);
    }
    for (const [key, ds] of groups) {
      const [sheet = "", col = "", code = ""] = key.split("\u0000");
      const first = ds[0];
      if (ds.length < BLANK_COLUMN_MIN || !first?.location || !("sheet" in first.location)) continue;
      // Not one unit anywhere with a value in it.
      const slot = values.slot(code);
      let any = false;
      for (let u = 0; slot !== undefined && u < units && !any; u++) any = values.get(u, slot) !== undefined;
      const headerRow = this.located.find((l) => l.sheet === sheet)?.role.headerRow;
      // (Nor where a unit wrote something refused there, words: not blank for every unit.)
      const column = `${sheet}\u0000${col}`;
      const refusedThere = this.p.list.some((d) => d.severity === "error" && !BLANK_VALUE.has(d.code) && columnAt(d) === column && !(d.location && "cell" in d.location && d.location.cell === `${col}${headerRow ?? 0}`));
      if (any || headerRow === undefined || refusedThere) continue;
      this.p.withdraw(new Set(ds));
      this.p.item = code;
      this.p.error("workbook.column-blank", sheet, `${col}${headerRow}`, { code, count: ds.length, firstUnit: first.unit ?? String(first.data.unit ?? ""), first: first.location.cell ?? "" });
      // One unit's check is told of its own cell among them.
      const said = this.p.list.at(-1);
      if (said?.code === "workbook.column-blank") saidInPlaceOf(said, ds);
      this.p.item = undefined;
    }
  }

  /**
   * A column's values pasted a row too low: its first unit's cell blank, and one value on the row
   * after its units that nothing reads (a row with no name, or a unit of a kind that does not use
   * it). One error at the blank cell saying so, in place of the two ("请填 0" there, and the value
   * below said unread: following them gave each unit its neighbour's figure).
   */
  private shiftedDown(): void {
    const p = this.p;
    const rowOf = (ref: string): number => Number(/\d+$/.exec(ref)?.[0] ?? 0);
    const placed = (d: Diagnostic): { sheet: string; cell: string } | undefined => (d.location && "sheet" in d.location && d.location.cell ? { sheet: d.location.sheet, cell: d.location.cell } : undefined);
    const blanks = new Map<string, Diagnostic[]>();
    const strays = new Map<string, { d: Diagnostic; cell: string }[]>();
    for (const d of p.list) {
      const at = placed(d);
      if (!at) continue;
      if (BLANK_VALUE.has(d.code)) {
        const key = columnAt(d);
        const list = blanks.get(key);
        if (list) list.push(d);
        else blanks.set(key, [d]);
      } else if (d.code === "workbook.value-not-used" || (d.code === "workbook.missing-unit-name" && typeof d.data.at === "string" && d.data.at !== "")) {
        // (A row with no name is said at its name's cell: the figure's own is in its data.)
        const cell = d.code === "workbook.value-not-used" ? at.cell : String(d.data.at);
        const key = `${at.sheet}\u0000${cell.replace(/\d+$/, "")}`;
        const list = strays.get(key);
        if (list) list.push({ d, cell });
        else strays.set(key, [{ d, cell }]);
      }
    }
    for (const [key, ds] of blanks) {
      const stray = strays.get(key);
      const blank = ds[0];
      const at = blank ? placed(blank) : undefined;
      if (ds.length !== 1 || stray?.length !== 1 || !blank || !at || !stray[0]) continue;
      const { d: below, cell } = stray[0];
      const index = this.located.findIndex((l) => l.sheet === at.sheet);
      const headerRow = this.located[index]?.role.headerRow;
      // The blank is the sheet's first row of units; the value on the row right after the units it
      // belongs with: a row with no name after the last, or the first of another kind's (one far
      // below, or among its own kind's rows, is a stray of its own).
      if (headerRow === undefined || rowOf(at.cell) !== headerRow + 1 || rowOf(cell) <= rowOf(at.cell)) continue;
      const kindAt = (row: number): string | undefined => {
        for (const [name, rows] of this.presence) if (rows[index] === row) return this.unitByName.get(name)?.kind ?? "";
        return undefined;
      };
      const above = kindAt(rowOf(cell) - 1);
      const own = below.code === "workbook.value-not-used" ? kindAt(rowOf(cell)) : undefined;
      if (above === undefined || (own !== undefined && own === above)) continue;
      p.withdraw(new Set([blank, below]));
      p.item = String(blank.data.code ?? "");
      p.error("workbook.column-shifted-down", at.sheet, at.cell, { code: String(blank.data.code ?? ""), below: cell, value: String(below.data.value ?? "") });
      p.item = undefined;
    }
  }

  /**
   * Columns said to stand on the wrong sheet (an indicator's on a line's, an item's on 指标数据), once
   * every sheet is read: one its own sheet has too is a copy to delete; none is also said missing
   * from its own sheet, nor, where it was its line's one column, that sheet said deleted.
   */
  private wrongSheetColumns(): void {
    const p = this.p;
    const wrong = p.list.filter((d) => WRONG_SHEET.has(d.code));
    if (!wrong.length) return;
    const codes = new Set(wrong.map((d) => String(d.data.code)));
    // Copied, not moved (its own sheet has it too): the copy to delete, not a column to move.
    const copies = wrong.filter((d) => this.columnHome.has(String(d.data.code)));
    // A line's one column moved onto 指标数据: its sheet, left with no code, is not said deleted, nor
    // its kind's 分组 column (there) missing; moving the column back mends both.
    const emptied = new Set(wrong.filter((d) => d.code === "workbook.item-on-rates-sheet" && !copies.includes(d)).map((d) => String(d.data.sheet)));
    const unsheeted = this.rubric.lines.filter((l) => emptied.has(l.sheet)).map((l) => l.code);
    const kinds = new Set(this.rubric.unitKinds.filter((k) => k.lines.some((c) => unsheeted.includes(c))).map((k) => k.name));
    p.withdraw(
      new Set([
        ...copies,
        ...p.list.filter(
          (d) =>
            ((d.code === "workbook.missing-rate-column" || d.code === "workbook.missing-column") && codes.has(String(d.data.code))) ||
            (d.code === "workbook.missing-line-sheet" && emptied.has(String(d.data.sheet))) ||
            (d.code === "workbook.missing-group-column" && kinds.has(String(d.data.kind))),
        ),
      ]),
    );
    for (const d of copies) {
      const at = d.location && "sheet" in d.location ? d.location : undefined;
      const code = String(d.data.code);
      p.item = code;
      p.error("workbook.column-copied-to-other-sheet", at?.sheet, at?.cell, { code, at: this.columnAt(code) });
      p.item = undefined;
    }
  }

  /** The units read from the sheets, and those the template was made for (found or not), each once. */
  get unitNames(): readonly string[] {
    return [...new Set([...this.units.map((u) => u.name), ...(this.roster?.names.map((n) => n.name) ?? [])])];
  }

  /**
   * A template with its units listed and nothing else filled in (the blank one picked for the
   * filled one): one error, at its first blank cell, rather than one for each (218 for a district,
   * the first 20 shown). Targets the office filled in beforehand are no unit's values.
   */
  private nothingFilled(units: number, values: Values): void {
    if (!units) return;
    const own = [...this.rubric.indicators.map((i) => i.code), ...this.rubric.lines.flatMap((l) => leaves(l.items).filter(isEntered).map((i) => i.code))];
    for (const code of own) {
      const slot = values.slot(code);
      if (slot === undefined) continue;
      for (let u = 0; u < units; u++) if (values.get(u, slot) !== undefined) return;
    }
    const blanks = this.p.list.filter((d) => BLANK_VALUE.has(d.code));
    const first = blanks[0];
    if (!first) return;
    this.p.withdraw(new Set(blanks));
    const at = first.location && "sheet" in first.location ? first.location : undefined;
    this.p.error("workbook.nothing-filled", at?.sheet, at?.cell, { units });
  }

  /** Every sheet given: the submission, or undefined when an error was found. */
  finish(meta: { file: string; sha256: string; cover: Cover }): Submission | undefined {
    const p = this.p;
    const units = this.units.map((u) => {
      const g = this.groups.get(u.name);
      // Written out, not spread: a spread gives each of a province's units a shape of its own.
      return g ? { name: u.name, kind: u.kind, at: u.at, group: g.group } : u;
    });
    const storageIds = Int32Array.from(units, (u) => this.storage.get(u.name) ?? -1);
    const values = this.store.view(storageIds);
    // A unit's name that is a formula's error (#N/A): a unit missing on that sheet may be its row.
    const brokenNames = new Map<string, { cell: string; value: string }>();
    for (const d of p.list) if (d.code === "workbook.name-error-value" && d.location && "sheet" in d.location && !brokenNames.has(d.location.sheet)) brokenNames.set(d.location.sheet, { cell: d.location.cell ?? "", value: String(d.data.value ?? "") });
    checkCoverage(this.rubric, { located: this.located, units, presence: this.presence, judgedColumns: this.judgedColumns, headerMerges: this.headerMerges, headlessValues: this.headlessValues, groupColumns: this.groupColumns, refused: this.refused, blankFormulas: this.blankFormulas, brokenNames, unreadNames: this.unreadNames, ...(this.roster ? { listed: new Set(this.roster.names.map((n) => n.name)) } : {}) }, values, p);
    this.mergedAcrossSaid();
    this.unreadColumnsSaid();
    for (const { sheet, cell, unit } of this.lonePast) {
      const under = this.mergedAcross.some((m) => {
        const cols = m.sheet === sheet && m.data.range !== undefined ? columnsOf(m.data.range) : undefined;
        return cols !== undefined && cell.col >= cols.first && cell.col <= cols.last;
      });
      // Far from the names, said with the row's unit.
      p.unit = unit;
      if (!under) p.warn("workbook.value-past-headings", sheet, cell.ref, { value: cellText(cell) });
      p.unit = undefined;
    }
    if (this.emptyTwins.size) {
      const at = (d: Diagnostic): string => (d.location && "cell" in d.location ? `${d.location.sheet}\u0000${d.location.cell?.replace(/^[A-Z]+/, "") ?? ""}` : "");
      p.withdraw(new Set(p.list.filter((d) => BLANK_UNDER_MERGE.has(d.code) && this.emptyTwins.has(at(d)))));
    }
    // A column whose header names another item (DJ3 headed with DJ2's name): its values out of DJ3's
    // range are that header's doing, said once at it (eleven "DJ3 的扣分 29.5 超出范围" had the clerk
    // mend right scores).
    // So are, where its code stands twice and the item it names is missing, the other column's
    // "code twice" (it is the real one: deleting it as told lost its scores), the named item's
    // "column missing", and its marks unlike its code's (they are the named item's).
    const heads = p.list.filter((d) => d.code === "workbook.header-name-other");
    const misheaded = new Set(heads.map((d) => columnAt(d)));
    if (misheaded.size) {
      const cellOf = (d: Diagnostic): string => (d.location && "cell" in d.location ? `${d.location.sheet}\u0000${d.location.cell ?? ""}` : "");
      const sheetOf = (d: Diagnostic): string => (d.location && "sheet" in d.location ? (d.location.sheet ?? "") : "");
      const at = new Set(heads.map(cellOf));
      const twice = new Set(heads.map((d) => `${sheetOf(d)}\u0000${String(d.data.code)}`));
      const named = new Set(heads.map((d) => `${sheetOf(d)}\u0000${String(d.data.other)}`));
      const followed = (d: Diagnostic): boolean =>
        (OUT_OF_RANGE.has(d.code) && misheaded.has(columnAt(d))) ||
        ((d.code === "workbook.header-max-differs" || d.code === "workbook.header-says-deducted" || d.code === "workbook.header-says-earned") && at.has(cellOf(d))) ||
        (d.code === "workbook.duplicate-column" && twice.has(`${sheetOf(d)}\u0000${String(d.data.code)}`)) ||
        (d.code === "workbook.missing-column" && named.has(`${sheetOf(d)}\u0000${String(d.data.code)}`));
      p.withdraw(new Set(p.list.filter(followed)));
    }
    this.nothingFilled(units.length, values);
    this.blankColumns(units.length, values);
    this.shiftedDown();
    this.wrongSheetColumns();
    shownAcross(this.rubric, this.shown, units, values, p);
    finerAcross(this.rubric, this.finer, units, values, p);
    for (const { sheet, merges, cells } of this.rateMerges) mergesOverData(p, sheet, merges, cells.area, (row, col) => cells.has(row, col));
    this.checkRoster();
    this.unusedRefusals();
    // A 1 in a column of fractions (0.95, 0.988) is 100% as they are: not asked about.
    const ones = [...this.ones].filter(([where]) => this.fractionColumns.has(where)).flatMap(([, ds]) => ds);
    if (ones.length) p.withdraw(new Set(ones));
    // A column of them (a province's growth rates pasted as fractions: one warning a town) said once, at its first.
    for (const ds of this.larges.values()) {
      const first = ds[0];
      if (ds.length < LARGE_COLUMN_MIN || !first?.location || !("sheet" in first.location)) continue;
      p.withdraw(new Set(ds));
      p.warn("workbook.rate-large-column", first.location.sheet, first.location.cell, { ...first.data, count: ds.length });
    }
    // A very hidden sheet not read (草稿, 领导内部意见): out of the clerk's sight, and carried into the
    // result as every sheet of theirs is — said, as one read is.
    // (Not one said already: a very hidden copy of a line sheet is said as one.)
    // (The cover is read: a very hidden one said as a line sheet is, not as no assessment sheet.)
    if (this.veryHidden.size) {
      const cover = new Set([meta.cover.at, meta.cover.versionAt, meta.cover.yearAt, meta.cover.districtAt].flatMap((c) => (c ? [c.sheet] : [])));
      const said = new Set([...this.located.map((l) => l.sheet), ...(this.ledgerSheet ? [this.ledgerSheet.name] : []), ...p.list.flatMap((d) => (d.location && "sheet" in d.location ? [d.location.sheet] : []))]);
      for (const name of this.veryHidden) {
        if (cover.has(name) && !said.has(name)) p.warn("workbook.very-hidden-sheet", name, undefined);
        else if (!cover.has(name) && !said.has(name) && !this.resultSheets.has(name) && name !== LISTS_SHEET) p.warn("workbook.very-hidden-unread", name, undefined);
      }
    }
    const ledger = this.ledgerSheet ? readLedger(this.rubric, this.ledgerSheet, this.unitByName, p, { veryHidden: this.veryHidden.has(this.ledgerSheet.name), passOver: this.other.ledgerCodes, listed: new Set(this.roster?.names.map((n) => n.name)), renamed: this.renamed }) : [];
    // (A unit's bonuses or deductions may be in its typed total: a difference they could make is not said.)
    const reach = ledgerReach(this.rubric, ledger);
    for (const t of this.totalsOff) {
      const held = reach(t.unit, t.line);
      const d = t.value - t.sum;
      if (held(d, t.whole === true)) continue;
      // The line's items worked out from 指标数据 are not on its sheet: a total of the whole line
      // (the ranking's own figure) is more than the row adds up to, and said why, where their
      // points could make the difference (a gate's all or nothing, another's anything up to its max).
      const line = this.rubric.lines.find((l) => l.code === t.line);
      const computed = line ? leaves(line.items).filter((i) => !isEntered(i)) : [];
      const allOrNothing = computed.every((i) => i.kind === "gate" || i.kind === "threshold");
      const sums = new Set<number>([0]);
      for (const i of allOrNothing ? computed : []) for (const x of [...sums]) sums.add(x + i.max);
      const most = computed.reduce((m, i) => m + i.max, 0);
      const theirs = d > 0 && (allOrNothing ? [...sums].some((x) => x > 0 && held(d - x, t.whole === true)) : d <= most + held.most);
      const data = { unit: t.unit, value: cellText(t.cell), sum: formatPoints(t.sum), ...(theirs ? { computed: computed.map((i) => i.code).join("、") } : {}) };
      const more = "computed" in data ? "-computed" : "";
      if (t.header) p.warn(`workbook.total-differs${more}`, t.sheet, t.cell.ref, { ...data, header: t.header });
      else p.warn(`workbook.total-differs-unheaded${more}`, t.sheet, t.cell.ref, data);
    }
    this.kindsAgainstList();
    this.secondRows();
    const output = this.ourOutputs[0];
    if (!this.units.length && !this.located.length) {
      if (!output && this.listSheet !== undefined) p.error("workbook.units-list", this.listSheet.sheet, this.listSheet.cell, {});
      else p.error(output?.code ?? "workbook.no-sheets-found", output?.sheet ?? this.firstSheet, undefined, { example: this.exampleCodes() });
    }
    else if (!this.units.length) p.error("workbook.no-units", this.located[0]?.sheet ?? this.firstSheet, undefined);
    else {
      // A sheet deleted by hand must not silently drop a whole kind of unit, or every bonus.
      for (const kind of this.rubric.unitKinds) {
        if (this.located.some((l) => l.role.role === "line" && l.role.kind === kind.id)) continue;
        const lines = this.rubric.lines.filter((l) => kind.lines.includes(l.code)).map((l) => l.sheet);
        // Its units on the template's list with rows left elsewhere (指标数据, the ledger): the sheet
        // was deleted or renamed, not the kind left out this year; said once, with them, in place of
        // an error at each of their rows that named no sheet.
        // (Its names as the sheets may write them, in another width: 区财政局（本级）.)
        const listed = new Set(this.roster?.names.filter((n) => n.kind === kind.id).map((n) => comparableName(n.name)));
        const only = p.list.filter((d) => (d.code === "workbook.listed-unit-only-on" || d.code === "workbook.ledger-unknown-unit" || d.code === "workbook.ledger-listed-unit-no-rows" || d.code === "workbook.unit-only-on") && listed.has(comparableName(String(d.data.unit))));
        if (only.length) {
          p.withdraw(new Set(only));
          const names = [...new Set(only.map((d) => String(d.data.unit)))];
          // Said at the first of their rows left (on 指标数据 or the ledger): the sheet is gone, they are what is there.
          const at = only.map((d) => d.location).find((l) => l !== undefined && "sheet" in l);
          p.error("workbook.no-line-sheet-listed", at?.sheet, at?.cell, { line: lines.join("、"), kind: kind.name, count: names.length, units: names.slice(0, 3).join("、") + (names.length > 3 ? "…" : "") });
          continue;
        }
        p.warn("workbook.no-line-sheet", undefined, undefined, { line: lines.join("、"), kind: kind.name });
      }
      if (!this.ledgerSheet && this.rubric.ledger.length) {
        if (this.ledgerNamed) p.error("workbook.ledger-sheet-unread", this.ledgerNamed.sheet, this.ledgerNamed.cell, { sheet: this.ledgerNamed.sheet, columns: ledgerColumnWords() });
        else p.warn("workbook.no-ledger-sheet", undefined, undefined);
      }
      this.quotasOfAll(units, values);
    }
    if (p.hasErrors) return undefined;
    return { file: meta.file, sha256: meta.sha256, cover: meta.cover, units, values, ledger, ...(this.groupColumnOf.size ? { groupColumns: this.groupColumnOf } : {}) };
  }
}

/** What reading a unit's 指标数据 row as another kind than its own says: blanks it needs, values it passes over. */
const AS_OTHER_KIND: ReadonlySet<string> = new Set(["workbook.blank-rate", "workbook.blank-amount", "workbook.blank-quantity", "workbook.missing-target", "workbook.blank-measure-formula", "workbook.value-not-used", "workbook.values-not-used", "workbook.bad-value-not-used"]);

/** A ledger row's code not for its unit's kind. */
const LEDGER_WRONG_KIND: ReadonlySet<string> = new Set(["workbook.ledger-wrong-kind-others", "workbook.ledger-wrong-kind-none", "workbook.ledger-wrong-kind-use"]);

/** A column said to stand on another sheet than its own. */
const WRONG_SHEET: ReadonlySet<string> = new Set(["workbook.rate-on-line-sheet", "workbook.item-on-rates-sheet"]);
/** Rows at least, every one of a sheet's, pushed a column on alike for it to be said once as a column put in. */
const PUSHED_MIN = 3;
/** Rows of 1, 2, 3… at least, for a column of them to be taken for a pasted 序号 (three real scores of 1, 2 and 3 happen). */
const SERIAL_MIN = 5;
/** Units at least whose cells of a column are all blank for it to be said once, at its heading. */
const BLANK_COLUMN_MIN = 3;
/** What a cell left blank is said as, one by one: in a workbook nothing is filled in yet, said once instead. */
const BLANK_VALUE: ReadonlySet<string> = new Set(["workbook.blank-points", "workbook.blank-deduction", "workbook.blank-points-formula", "workbook.blank-deduction-formula", "workbook.blank-measure-formula", "workbook.blank-rate", "workbook.blank-amount", "workbook.blank-quantity", "workbook.missing-target"]);

/**
 * The units (by index) a veto takes out of their kind's rankings: a gate of theirs failed (its
 * value short of its target, as scoring judges it) whose veto does not keep them ranked.
 */
function vetoedOut(rubric: Rubric, units: readonly { kind: string }[], values: Values): Set<number> {
  const gates = new Map(
    rubric.unitKinds.map((k) => [
      k.id,
      rubric.lines
        .filter((l) => k.lines.includes(l.code))
        .flatMap((l) => leaves(l.items))
        .flatMap((item) => {
          if (item.kind !== "gate") return [];
          const slot = values.slot(item.indicator);
          return slot === undefined ? [] : [{ slot, target: targetReader(rubric, item, values), lower: lowerIsBetter(rubric, item), ranked: item.veto?.ranked === true }];
        }),
    ]),
  );
  const out = new Set<number>();
  units.forEach((u, i) => {
    let failed = false;
    let kept = true;
    for (const g of gates.get(u.kind) ?? []) {
      const value = values.get(i, g.slot);
      const target = g.target.value(i);
      if (value === undefined || target === undefined || reaches(value, target, g.lower)) continue;
      failed = true;
      kept &&= g.ranked;
    }
    if (failed && !kept) out.add(i);
  });
  return out;
}

/** Whether a difference from a row's items could be the unit's ledger rows counted in; `most`: the most they could add. */
type Held = ((difference: number, rounded: boolean) => boolean) & { readonly most: number };

/**
 * Which differences a unit's bonus and deduction rows could make to a typed total of a line's
 * items, in hundredths: a bonus up, a deduction down, by their points (at their level, or as
 * entered; doubled where they may be), counted or still pending; only rows charged to the total,
 * to that line or to one of its items (a row charged to another line reaches no total of this
 * one's); a single-item award's and a refused row's, nowhere.
 */
function ledgerReach(rubric: Rubric, ledger: readonly LedgerEntry[]): (unit: string, line: string | undefined) => Held {
  const codes = new Map(rubric.ledger.map((c) => [c.code, c]));
  const lineOfItem = linesOfItems(rubric);
  const byUnit = new Map<string, LedgerEntry[]>();
  for (const e of ledger) (byUnit.get(e.unit) ?? byUnit.set(e.unit, []).get(e.unit))?.push(e);
  return (unit, line) => {
    let up = 0;
    let down = 0;
    // Each row's points where they are known to the hundredth (none under a cap of its code or of
    // named codes): the typed total may hold any of the rows, counted or not yet, and no other
    // difference (bonuses in all, or deductions, held to a cap of their kind where there is one).
    const moves: number[] = [];
    let exact = true;
    // A code counted once a year: its one row counts once, whatever its count; of several, which is not told here.
    const once = new Set<string>();
    for (const e of byUnit.get(unit) ?? []) {
      const code = codes.get(e.code);
      if (!code || code.kind === "single" || rubric.statuses.rejected.includes(e.status)) continue;
      const c = code.charge;
      const reaches = c === "total" || ("line" in c ? c.line === line : lineOfItem.get(c.item) === line);
      if (!reaches) continue;
      const known = e.points ?? (code.levels ? code.levels[e.level ?? ""] : code.range ? undefined : code.points);
      const each = known ?? (code.levels ? Math.max(0, ...Object.values(code.levels)) : (code.points ?? code.range?.max ?? 0));
      if (known === undefined || code.cap !== undefined || code.doubleWhenFlagged || (code.oncePerYear && once.has(code.code)) || rubric.caps.some((x) => x.kind === undefined && x.codes.includes(code.code))) exact = false;
      if (code.oncePerYear) once.add(code.code);
      const moved = Math.abs(each) * (code.oncePerYear ? 1 : e.count) * (code.doubleWhenFlagged ? 2 : 1);
      moves.push(code.kind === "bonus" ? moved : -moved);
      if (code.kind === "bonus") up += moved;
      else down += moved;
    }
    // A total typed as a whole number is less than 1 off, rounded.
    const near = (a: number, b: number, rounded: boolean): boolean => (rounded ? Math.abs(a - b) < 100 : a === b);
    const within = (d: number, rounded: boolean): boolean => (rounded ? d < up + 100 && -d < down + 100 : d <= up && -d <= down);
    // A few rows: the sums of those of them the total may hold (2 over a single 5-point bonus is a
    // slip, not the bonus); more, or any capped or of points not known: anything between.
    if (!exact || moves.length > 10) return Object.assign(within, { most: up });
    const capOf = (kind: "bonus" | "deduction"): number => Math.min(Number.POSITIVE_INFINITY, ...rubric.caps.filter((x) => x.kind === kind).map((x) => x.max));
    const sumsOf = (xs: readonly number[], cap: number): Set<number> => {
      const sums = new Set<number>([0]);
      for (const m of xs) for (const x of [...sums]) sums.add(x + m);
      return new Set([...sums].map((x) => Math.min(x, cap)));
    };
    const ups = sumsOf(
      moves.filter((m) => m > 0),
      capOf("bonus"),
    );
    const downs = sumsOf(
      moves.filter((m) => m < 0).map((m) => -m),
      capOf("deduction"),
    );
    const nets = new Set<number>();
    for (const u of ups) for (const d of downs) nets.add(u - d);
    return Object.assign((d: number, rounded: boolean) => [...nets].some((n) => near(d, n, rounded)), { most: up });
  };
}

/**
 * A sheet of our report (its date line under the title: 报告日期:…) or of diff's list of changes
 * (its title ending 变更说明, its heads 类别 … 变化), in either language, by its first rows.
 */
function ourOutputSheet(rows: readonly (readonly RawCell[])[]): string | undefined {
  const texts = (r: number): string[] => (rows[r] ?? []).filter((c) => c.value.t === "s").map((c) => cellText(c));
  const both = (key: string, data: Record<string, string> = {}): string[] => [message("zh-CN", key, data), message("en", key, data)];
  const dated = both("report.date", { date: "" });
  // (A sheet of the user's with a code heading among its first rows is theirs, a date line or not.)
  const coded = rows.slice(0, HEADER_SCAN_ROWS).some((row) => row.some((c) => c.value.t === "s" && headerCode(c.value.v) !== undefined));
  if (!coded && rows.slice(0, 3).some((_, r) => texts(r).some((t) => dated.some((d) => d !== "" && t.startsWith(d.trim()))))) return "workbook.our-report";
  const title = texts(0)[0] ?? "";
  const heads = [...texts(1), ...texts(2)];
  // Its title as any language writes it: 柳河区2026年度变更说明, "Changes, 柳河区 2026" (see out.title.*).
  const en = message("en", "diff.title");
  const titled = title.endsWith(message("zh-CN", "diff.title")) || title === en || title.startsWith(`${en}, `);
  const headed = [both("diff.col.what"), both("diff.col.change")].every((words) => words.some((w) => heads.includes(w)));
  return titled && headed ? "workbook.our-diff" : undefined;
}

/** A target's column's part of its cells' spec: its default as shown, where the scheme gives one. */
function targetOf(rubric: Rubric, code: string): Pick<MeasureSpec, "target"> {
  const t = rubric.targets.find((x) => x.code === code);
  if (!t) return {};
  return { target: t.default !== undefined ? { default: formatMeasure(t.default, t.display) } : {} };
}

/**
 * The numbers of a sheet's coded columns added up over the rows with a name so far, to know a
 * row of their sums (a totals row whose 合计 was never written) for what it is.
 */
class ColumnTotals {
  private readonly sums = new Map<number, number>();
  private rows = 0;
  /** The same since the last 合计, subtotal or heading over part of the list (a group's units). */
  private readonly part = new Map<number, number>();
  private partRows = 0;

  constructor(private readonly cols: readonly number[]) {}

  add(cells: readonly (RawCell | undefined)[]): void {
    this.rows++;
    this.partRows++;
    for (const col of this.cols) {
      const v = cells[col]?.value;
      if (v?.t !== "n") continue;
      const h = Math.round(v.v * 100);
      this.sums.set(col, (this.sums.get(col) ?? 0) + h);
      this.part.set(col, (this.part.get(col) ?? 0) + h);
    }
  }

  /** A 合计 or subtotal row, or a heading over part of the list: the rows after it are a part of their own. */
  restart(): void {
    this.part.clear();
    this.partRows = 0;
  }

  /**
   * Whether the row's numbers, two at least and nothing else, not all 0, are each its column's sum
   * over three rows or more (over one, a copy of that row with its name cleared is no total); or,
   * after a subtotal or a heading, each the sum over the part since, of two rows or more (a group's
   * subtotal, unlabelled, between groups).
   */
  isTotal(cells: readonly (RawCell | undefined)[]): boolean {
    return (this.rows >= 3 && this.allSums(cells, this.sums)) || (this.partRows >= 2 && this.partRows < this.rows && this.allSums(cells, this.part));
  }

  private allSums(cells: readonly (RawCell | undefined)[], sums: ReadonlyMap<number, number>): boolean {
    let seen = 0;
    let some = false;
    for (const col of this.cols) {
      const c = cells[col];
      if (isBlank(c)) continue;
      if (c?.value.t !== "n" || Math.round(c.value.v * 100) !== (sums.get(col) ?? Number.NaN)) return false;
      seen++;
      some ||= c.value.v !== 0;
    }
    return seen >= 2 && some;
  }
}
