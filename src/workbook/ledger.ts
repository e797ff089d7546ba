// The 加扣分 ledger sheet: one row per bonus, deduction or single-item recognition. Columns are
// found by their header words; every row is checked against the rubric's ledger codes.
import { cellRef, type Problems } from "../diagnostics/index.js";
import { levelRank, type LedgerCode, type Rubric } from "../rubric/model.js";
import { flagWord, formatPoints, normalizeWidth, numberText } from "../model/numbers.js";
import type { LedgerEntry, Unit } from "../model/submission.js";
import type { RawCell, RawSheet } from "../xlsx/read/index.js";
import { cellText, inHiddenColumns, isBlank, MAX_COUNT, readCount, readEnteredPoints, shownText } from "./cells.js";
import { isNumbered } from "./heading.js";
import { HEADER_SCAN_ROWS, headerCode, isFooterNote, isFooterText, isSummaryName, LEDGER_COLUMNS, noteCode, type LedgerField } from "./layout.js";
import { footerField, footerLabel, signingDate } from "./footer.js";
import { colName } from "../xlsx/refs.js";
import { MAX_NEAR_SEARCHES, nearestNames, nearestWord } from "./near.js";
import { comparableName } from "../model/names.js";
import { mergesOverData } from "./merges.js";
import { onceOver } from "../rubric/ledger-points.js";

/** Characters typed for one another: a digit and the letter like it (1 l I |, 0 O, 2 Z, 5 S). */
const LOOKALIKE: Readonly<Record<string, string>> = { L: "1", I: "1", "|": "1", O: "0", Z: "2", S: "5" };

/** A code as typed (upper case) that is `code` but for letters typed for the digits they look like. */
function looksLike(typed: string, code: string): boolean {
  // Its number padded with a zero (KF02 for KF2, as a list sorted by code may write it).
  if (typed !== code && typed.replace(/(?<!\d)0+(?=\d)/g, "") === code) return true;
  if (typed.length !== code.length || typed === code) return false;
  for (let i = 0; i < code.length; i++) if (typed[i] !== code[i] && LOOKALIKE[typed[i] ?? ""] !== code[i]) return false;
  return true;
}

interface LedgerHeader {
  row: number;
  cols: Map<LedgerField, number>;
  /** Header cells that name no column of the ledger (read as nothing), by column. */
  others: { col: number; text: string }[];
  /** Header cells that name a column already found left of them (a second 分值). */
  again: { col: number; text: string; field: LedgerField }[];
}

/** The three a ledger cannot be read without; the others have their defaults (数量 1, 如实上报). */
const REQUIRED: readonly LedgerField[] = ["unit", "code", "status"];

/** The informational columns' other usual names (a 说明 column headed 备注, 依据 headed 佐证材料). */
const ALIASES: readonly (readonly [string, LedgerField])[] = [
  ["备注", "note"],
  ["事由", "note"],
  ["情况说明", "note"],
  ["佐证", "evidence"],
  ["文件依据", "evidence"],
];

/** A header cell's field: its text begins with the column's word (单位名称), or, for the three required, ends with it (被考核单位, 项目代码, 审核状态). */
function fieldOf(text: string, taken: ReadonlyMap<LedgerField, number>): { field: LedgerField; again: boolean } | undefined {
  let again: LedgerField | undefined;
  for (const [word, field] of [...LEDGER_COLUMNS, ...ALIASES]) {
    if (!(text.startsWith(word) || (REQUIRED.includes(field) && text.endsWith(word)))) continue;
    if (!taken.has(field)) return { field, again: false };
    again ??= field;
  }
  return again ? { field: again, again: true } : undefined;
}

/** Columns people add to a ledger that hold nothing to read: no word about them. */
const HARMLESS = /^(序号|编号|日期|填报日期|申报日期|认定日期|附件|联系人|填报人|经办人|no\.?|#)$/i;

/** The ledger's header row: the first with three of its column words (so one with a column renamed is still known for a ledger). */
function ledgerHeader(sheet: RawSheet): LedgerHeader | undefined {
  for (const row of sheet.rows.slice(0, HEADER_SCAN_ROWS)) {
    const cols = new Map<LedgerField, number>();
    const others: { col: number; text: string }[] = [];
    const again: { col: number; text: string; field: LedgerField }[] = [];
    for (const c of row) {
      const text = cellText(c).replace(/\s+/g, "");
      if (text === "") continue;
      const found = fieldOf(text, cols);
      if (!found) others.push({ col: c.col, text });
      else if (found.again) again.push({ col: c.col, text, field: found.field });
      else cols.set(found.field, c.col);
    }
    if (cols.size >= 3 && (cols.has("unit") || cols.has("code"))) return { row: row[0]?.row ?? 1, cols, others, again };
  }
  return undefined;
}

export function isLedgerSheet(sheet: RawSheet): boolean {
  return ledgerHeader(sheet) !== undefined;
}

/** Whether a ledger sheet's header has a 代码 column (a sheet of drop-down lists, 单位/级别/状态, has none). */
export function ledgerHasCode(sheet: RawSheet): boolean {
  return ledgerHeader(sheet)?.cols.has("code") ?? false;
}

/**
 * Whether a sheet headed as a ledger lists the rubric's items instead (an office's 评分分工: 项目代码 |
 * 项目名称 | 分值 | 牵头评分单位): no row holds one of the rubric's statuses (every claim has one), and
 * the codes under its 代码 are items' or indicators' at least as often as ledger codes' (the list
 * may name who confirms each ledger code too); its notes, headings and totals there, and a code of
 * last year's list, are passed over. Such a sheet is the office's note, no second ledger (it
 * stopped scoring as one).
 */
export function listsItems(sheet: RawSheet, itemCodes: ReadonlySet<string>, ledgerCodes: ReadonlySet<string>, statuses: ReadonlySet<string>): boolean {
  const header = ledgerHeader(sheet);
  const col = header?.cols.get("code");
  if (!header || col === undefined) return false;
  const statusCol = header.cols.get("status");
  let items = 0;
  let claims = 0;
  for (const row of sheet.rows) {
    if ((row[0]?.row ?? 0) <= header.row) continue;
    const status = statusCol === undefined ? undefined : row.find((x) => x.col === statusCol);
    if (status && statuses.has(cellText(status).trim())) return false;
    const c = row.find((x) => x.col === col);
    const code = c ? headerCode(cellText(c)) : undefined;
    if (code === undefined) continue;
    if (itemCodes.has(code)) items++;
    else if (ledgerCodes.has(code)) claims++;
  }
  return items > 0 && items >= claims;
}

/** Where a ledger sheet's header begins (its first column's cell), or undefined: not a ledger. */
export function ledgerHeaderAt(sheet: RawSheet): string | undefined {
  const header = ledgerHeader(sheet);
  return header ? `${colName(Math.min(...header.cols.values()))}${header.row}` : undefined;
}

/** The ledger's columns by the headings the template gives them (单位、代码、数量…), as messages list them. */
export function ledgerColumnWords(): string {
  return LEDGER_COLUMNS.map(([w]) => w).join("、");
}

/** Column names as the message lists them. */
const COLUMN_WORDS: ReadonlyMap<LedgerField, string> = new Map(LEDGER_COLUMNS.map(([word, field]) => [field, word]));

/**
 * What the header says of the columns: a required one missing is an error at the header (no row
 * can be read); a header naming no column is said not to be read, and is an error where a column
 * whose rows would count is missing too (数量 renamed 次数: every count read as 1); a column the
 * rubric's codes need (级别, 分值) missing is said once, at the header. False: nothing to read.
 */
function checkHeader(rubric: Rubric, sheet: RawSheet, header: LedgerHeader, p: Problems): boolean {
  const s = sheet.name;
  const at = (col: number): string => `${colName(col)}${header.row}`;
  const unknown = header.others.filter((o) => !HARMLESS.test(o.text));
  const first = unknown[0]?.col ?? [...header.cols.values()].sort((a, b) => a - b)[0] ?? 1;
  const missing = (f: LedgerField): boolean => !header.cols.has(f);
  const word = (f: LedgerField): string => COLUMN_WORDS.get(f) ?? f;
  const columns = ledgerColumnWords();
  const required = REQUIRED.filter(missing);
  if (required.length) {
    for (const f of required) p.error("workbook.ledger-column-missing", s, at(first), { column: word(f), columns });
    return false;
  }
  // Columns whose absence changes what counts: 数量 (each row taken as 1), 未如实上报 where a code
  // doubles; 级别 and 分值 where codes are scored by them (no row of those can be read).
  const levels = rubric.ledger.filter((c) => c.levels).map((c) => c.code);
  const ranges = rubric.ledger.filter((c) => c.range).map((c) => c.code);
  const needed: LedgerField[] = [...(levels.length ? (["level"] as const) : []), ...(ranges.length ? (["points"] as const) : [])].filter(missing);
  const counting: LedgerField[] = [...(["count"] as const), ...(rubric.ledger.some((c) => c.doubleWhenFlagged) ? (["flag"] as const) : [])].filter(missing);
  const wanted = [...needed, ...counting];
  // A heading that names no column, where one is wanted: most likely that one renamed — the one
  // standing where the template puts a wanted column (数量 in C), if any does; else any of them.
  const templateCol = (f: LedgerField): number => LEDGER_COLUMNS.findIndex(([, x]) => x === f) + 1;
  const inPlace = (o: { col: number }): LedgerField[] => wanted.filter((f) => templateCol(f) === o.col);
  const placed = unknown.some((o) => inPlace(o).length > 0);
  for (const o of unknown) {
    const suspects = placed ? inPlace(o) : wanted;
    if (suspects.length) p.error("workbook.ledger-unknown-column-missing", s, at(o.col), { header: o.text, missing: suspects.map(word).join("、"), columns });
    else p.warn("workbook.ledger-unknown-column", s, at(o.col), { header: o.text, columns });
  }
  if (!unknown.length) for (const f of needed) p.error("workbook.ledger-column-needed", s, at(first), { column: word(f), codes: (f === "level" ? levels : ranges).join("、") });
  // A column named twice: the first is read. A second 分值 (or 数量, 状态…) would be dropped: an
  // error; a second 说明 or 依据 holds words alone: a warning.
  for (const a of header.again) {
    const data = { header: a.text, first: at(header.cols.get(a.field) ?? 1) };
    if (a.field === "note" || a.field === "evidence") p.warn("workbook.ledger-column-again", s, at(a.col), data);
    else p.error("workbook.ledger-column-again", s, at(a.col), data);
  }
  return true;
}

/**
 * The statuses a word typed otherwise may be, by what its words say: one that says not (不, 未, 否)
 * or not yet (待, 中, 申, 审) is no counted status, one that says not yet no refused one either, and
 * one that says done (已, 通过) no status that waits or refuses.
 */
function statusesLike(typed: string, s: Rubric["statuses"]): string[] {
  // (撤销, 作废: revoked, not counted: 已认定(撤销) was asked as 已认定.)
  const not = /[不未否没非驳退]|撤销|作废/.test(typed);
  // (审核通过 is done: its 审 says nothing of waiting.)
  const notYet = !/通过|同意/.test(typed) && /[待中申审]/.test(typed);
  // (已申报, 已上报: submitted, waiting; 已 says done of anything else.)
  const done = /已(?!申报|上报|提交|报送)|通过|同意/.test(typed);
  return [...(not || notYet ? [] : s.counted), ...(done ? [] : s.pending), ...(done || (notYet && !not) ? [] : s.rejected)];
}

/** The ledger's columns of words (a unit, a code, a level, a status, the 未如实上报 mark). */
const LEDGER_TEXT_FIELDS = ["unit", "code", "level", "status", "flag"] as const satisfies readonly LedgerField[];

/** The cells of a claim that, struck through, strike the claim out. */
const LEDGER_CLAIM_FIELDS = ["unit", "code", "count", "level", "points", "status"] as const satisfies readonly LedgerField[];

const NO_CODES: ReadonlySet<string> = new Set();
const NO_RENAMES: ReadonlyMap<string, string> = new Map();

/**
 * A code, then a name (KF5 两个年度内超生举报查实; JF2争取上级资金, no space, where the name is not
 * ASCII; JF2(争取上级资金), JF2:争取上级资金, JF2-争取上级资金).
 */
// eslint-disable-next-line no-control-regex
const CODE_THEN_NAME = /^([A-Za-z]{1,4}\d+(?:\.\d+)*)(?:\s*[(（:：\-－—–·]\s*|\.\s*(?=\D)|\s+|(?=[^\x00-\x7f]))(\S.*?)[)）]?$/;

/** What the ledger is read beside. */
export interface LedgerContext {
  /** Its sheet is very hidden (said as such where it is hidden). */
  readonly veryHidden?: boolean;
  /** Codes of another version of the rubric only (`rubric diff --on`): their rows are that version's, passed over here. */
  readonly passOver?: ReadonlySet<string>;
  /** The units on the template's list: the names to keep. */
  readonly listed?: ReadonlySet<string>;
  /** A listed unit's name → the one the sheets give it instead (金山镇 → 金山街道), where the list and the sheets were paired so. */
  readonly renamed?: ReadonlyMap<string, string>;
}

export function readLedger(rubric: Rubric, sheet: RawSheet, units: ReadonlyMap<string, Unit>, p: Problems, { veryHidden = false, passOver = NO_CODES, listed = NO_CODES, renamed = NO_RENAMES }: LedgerContext = {}): LedgerEntry[] {
  const header = ledgerHeader(sheet);
  if (!header) return [];
  if (sheet.hidden) p.warn(veryHidden ? "workbook.very-hidden-sheet" : "workbook.hidden-sheet", sheet.name, undefined);
  if (!checkHeader(rubric, sheet, header, p)) return [];
  // A column hidden (未如实上报 out of sight doubles a deduction unseen): said at its header.
  const hiddenCols = sheet.hiddenCols ?? [];
  for (const [field, col] of header.cols) {
    // Words alone (说明, 依据) move no point: offices hide them for printing.
    if (field === "note" || field === "evidence") continue;
    if (inHiddenColumns(hiddenCols, col)) p.warn("workbook.hidden-column-ledger", sheet.name, `${colName(col)}${header.row}`, { column: COLUMN_WORDS.get(field) ?? field });
  }
  const codes = new Map(rubric.ledger.map((c) => [c.code, c]));
  // Yes, YES and Ｙ are the rubric's yes, whatever their case or width.
  const yesWords = new Set(rubric.flaggedWords.yes.map(flagWord));
  const noWords = new Set(rubric.flaggedWords.no.map(flagWord));
  const s = sheet.name;
  const out: LedgerEntry[] = [];
  // Units' names, listed once for the first few unknown names to be compared with.
  let known: string[] | undefined;
  let searches = 0;
  /** The last row read as a claim: merged cells down to it are said. */
  let lastRow = header.row;
  /** Each claim's every column, and the first row that held it. */
  const seen = new Map<string, number>();
  // The header's words by column: a row right under it that repeats them (merged cells unmerged
  // and filled, 取消合并并填充) is the header's too.
  const headings = new Map((sheet.rows.find((row) => row[0]?.row === header.row) ?? []).map((c) => [c.col, cellText(c)]));
  /** The columns of a claim's own cells (struck through, they strike it out). */
  const claimCols = new Set(LEDGER_CLAIM_FIELDS.flatMap((f) => header.cols.get(f) ?? []));
  const totalRows = new Set(sheet.totalRows);
  for (const row of sheet.rows) {
    const r = row[0]?.row ?? 0;
    if (r <= header.row) continue;
    // An Excel Table's total row (汇总行: a count of the claims, a sum of their points): no claim,
    // nor the unit's on the row above.
    if (totalRows.has(r)) {
      p.unit = undefined;
      if (row.some((c) => !isBlank(c))) p.warn("workbook.table-total-row-ledger", s, `${colName(header.cols.get("unit") ?? 1)}${r}`, {});
      continue;
    }
    if (r === header.row + 1 && row.some((c) => !isBlank(c)) && row.every((c) => isBlank(c) || cellText(c) === headings.get(c.col))) continue;
    const byCol = new Map(row.map((c) => [c.col, c]));
    const get = (f: LedgerField): RawCell | undefined => {
      const col = header.cols.get(f);
      return col === undefined ? undefined : byCol.get(col);
    };
    const ref = (f: LedgerField): string => `${colName(header.cols.get(f) ?? 1)}${r}`;
    if (row.every((c) => isBlank(c))) continue;
    p.unit = undefined;
    const before = p.list.length;
    const unitName = cellText(get("unit"));
    const written = normalizeWidth(cellText(get("code"))).trim();
    // A scheme with no ledger codes: a row is none of its, whatever it holds (its code, its status
    // asked for would send the clerk looking for codes there are not).
    if (!rubric.ledger.length) {
      // (A row under a code of the other version, which has a ledger (rubric diff --on): that version's, passed over here.)
      if (written && passOver.has((CODE_THEN_NAME.exec(written)?.[1] ?? written).replace(/\s+/g, "").toUpperCase())) continue;
      p.unit = units.has(unitName) ? unitName : undefined;
      if (written) p.error("workbook.ledger-no-codes", s, ref("code"), { code: written });
      else p.error("workbook.ledger-no-codes-row", s, ref("code"), {});
      p.unit = undefined;
      continue;
    }
    // A code copied with its name from the header's list (KF5 两个年度内超生举报查实): the code, where
    // the rest is its name; else the whole, as written, for the unknown-code message.
    // (Written without a space too, JF2争取上级资金: the name begins where the code's characters end.)
    const withName = CODE_THEN_NAME.exec(written);
    const named = withName && codes.get((withName[1] ?? "").toUpperCase())?.name === withName[2]?.trim() ? (withName[1] ?? "").toUpperCase() : undefined;
    const codeText = named ?? written.replace(/\s+/g, "").toUpperCase();
    const status = cellText(get("status"));
    const code = codes.get(codeText);
    // A code the other version alone has (a bonus the revision added, a claim under it tried on a
    // copy): scored under that version, passed over under this one (it was an error here, and
    // neither version's results could be compared).
    if (!code && passOver.has((withName?.[1] ?? written).replace(/\s+/g, "").toUpperCase())) continue;
    // The form's footer (注:…, 填表人:张三 审核人:李四; 日期: | 2026-09-30 or 电话: | 0571-8888888 on a
    // line of its own), in the unit column or alone on its row: no claim. Said only where a code of
    // the rubric stands beside it (someone's claim, not read).
    // (A date alone where the unit goes, a signing line's 2027-01-12, is one too, as under a score sheet.)
    // (A sentence or a signature told by its words alone, where no code or status says a claim: 柳河镇。 with its KF1 is a claim's.)
    const footer = isFooterText(unitName) || (codeText === "" && status === "" && isFooterNote(unitName)) || signingDate(get("unit")) || (unitName === "" && row.every((c) => isBlank(c) || footerLabel(c) || footerField(byCol.get(c.col - 1), c)));
    if (footer) {
      if (code) p.warn("workbook.footer-ledger", s, ref("unit"), { value: signingDate(get("unit")) ? shownText(get("unit") as RawCell) : unitName });
      continue;
    }
    // A numbered heading over a part of the claims (一、加分, （二）扣分), with no code or status
    // beside it: no claim, and no unit.
    if (codeText === "" && status === "" && !units.has(unitName) && isNumbered(unitName)) {
      // A numbered line of a note naming a code (1.JF1 工作创新…): a note, not a heading.
      const noted = noteCode(unitName);
      if (noted !== undefined && codes.has(noted)) p.warn("workbook.code-note-row", s, ref("unit"), { value: unitName, code: noted });
      else p.warn("workbook.section-row", s, ref("unit"), { value: unitName });
      continue;
    }
    // A 合计 row under the claims (a count of them, a sum of points): no claim, as on the other
    // sheets; its word in the unit column, or in another (序号) with the unit column blank.
    const summary = isSummaryName(unitName) ? get("unit") : unitName === "" ? row.find((c) => c.value.t === "s" && isSummaryName(c.value.v)) : undefined;
    if (summary) {
      p.warn("workbook.summary-row", s, summary.ref, { value: cellText(summary) });
      continue;
    }
    // Numbers alone, with no unit, code or status (a sum of the points or counts above, unlabelled):
    // no claim to read. One error at the row, asking which it is (three blanks told nothing).
    if (unitName === "" && codeText === "" && status === "" && row.every((c) => isBlank(c) || c.value.t === "n")) {
      p.error("workbook.ledger-numbers-only", s, ref("unit"), { cells: row.filter((c) => !isBlank(c)).map((c) => `${c.ref} ${cellText(c)}`).join("、") });
      continue;
    }
    if (sheet.hiddenRows.has(r)) p.warn("workbook.hidden-row", s, ref("unit"), { unit: unitName });
    // Struck through (划掉, as a withdrawn claim is often marked): read all the same, and said, with
    // what to do instead (the font is no part of what the workbook says). Not where its status
    // already keeps it out of the scores (不予认定, 申报中: a clerk marks it both ways).
    const uncounted = rubric.statuses.rejected.includes(status) || rubric.statuses.pending.includes(status);
    // A claim's figure a formula's result (a workbook calculated by hand is said at the first one
    // read), and its cells struck through: one look at the row's cells.
    let struck = false;
    for (const c of row) {
      if (!claimCols.has(c.col)) continue;
      if (c.formula) p.firstFormula ??= { sheet: s, cell: c.ref };
      if (c.struck === true) struck = true;
    }
    if (!uncounted && struck) {
      const rejected = rubric.statuses.rejected[0];
      const data = { unit: unitName, code: codeText, ...(rejected !== undefined ? { rejected } : {}) };
      p.warn(rejected !== undefined ? "workbook.ledger-struck" : "workbook.ledger-struck-delete", s, ref(codeText !== "" ? "code" : "unit"), data);
    }
    lastRow = r;
    // A claim's problems name its unit (one not in the workbook is named by its own message, and
    // not as a unit).
    p.unit = units.has(unitName) ? unitName : undefined;
    // A formula that failed where words belong (#N/A from a VLOOKUP, #REF!): the formula is to
    // mend, not the spelling; the row is read no further.
    const failed = LEDGER_TEXT_FIELDS.filter((f) => get(f)?.value.t === "e");
    for (const f of failed) p.error("workbook.text-error-value", s, ref(f), { value: cellText(get(f)), heading: headings.get(header.cols.get(f) ?? 0) ?? "" });
    if (failed.length) continue;
    // Blank, or a formula never calculated (its text not saved): said as what it is.
    const blank = (f: LedgerField, column: string): void => {
      // Too long to read: said at its cell already.
      if (get(f)?.value.t === "refused") return;
      if (get(f)?.value.t === "formula-no-result") p.error("workbook.formula-no-result", s, ref(f));
      else p.error("workbook.ledger-blank", s, ref(f), { column });
    };
    if (unitName === "") blank("unit", "单位");
    else {
      const unit = units.get(unitName);
      // Several units in one cell (杨柳镇、双河乡: a claim they share): one row a unit (it was asked
      // whether 杨柳镇、双河乡 was meant, the very text typed).
      // (Joined by 和、及 or 与 too, or one of them misspelt, 杨柳镇、双河镇: each part a unit or a
      // name like one; asked as the one it was nearest, the other's claim was dropped. Not one unit
      // twice, 杨柳镇、杨柳镇: two rows would count it twice.)
      const several = unit ? [] : [...new Set(unitName.split(/[、,，;；/／\s]+|(?<=\S{2})[和及与](?=\S{2})/).filter((n) => n !== ""))];
      const aUnit = (n: string): boolean => units.has(n) || (searches++ < MAX_NEAR_SEARCHES && nearestNames(n, (known ??= [...units.keys()]), 1).length > 0);
      if (several.length > 1 && several.some((n) => units.has(n)) && several.every(aUnit)) p.error("workbook.ledger-several-units", s, ref("unit"), { unit: unitName, count: several.length });
      else if (!unit) {
        const near = searches++ < MAX_NEAR_SEARCHES ? nearestNames(unitName, (known ??= [...units.keys()])) : [];
        const twin = near.find((n) => comparableName(n) === comparableName(unitName));
        // The row's name on the template's list, the sheets' name for it not: either may be the one to
        // keep (the sheets' a slip, 东湖街到 on every sheet; or the unit renamed, 双河乡 → 双河镇), said
        // so, not "did you mean" the sheets' (the slip spread to the ledger, or a renamed unit's
        // confirmed deduction was deleted). The sheets' name: one like it on no list (a listed one,
        // 河西街道 beside 河东街到, is another unit), or the one the list was paired with (金山街道 for
        // 金山镇, no name like it).
        const paired = renamed.get(unitName);
        const unlisted = twin === undefined && listed.has(unitName) ? (paired !== undefined ? [paired] : near.filter((n) => !listed.has(n))) : [];
        // On the list, and no name on the sheets that may be it (the names like it are other listed
        // units): its rows are what is missing, not this row's spelling (西城街道 offered for a
        // deleted 东城街道 moved its bonus to another unit).
        const rowsGone = twin === undefined && !unlisted.length && listed.has(unitName);
        p.error(twin !== undefined ? "workbook.ledger-unknown-unit-width" : unlisted.length ? "workbook.ledger-unknown-unit-listed" : rowsGone ? "workbook.ledger-listed-unit-no-rows" : near.length ? "workbook.ledger-unknown-unit-near" : "workbook.ledger-unknown-unit", s, ref("unit"), { unit: unitName, near: twin ?? (unlisted.length ? unlisted : near).join("、") });
      } else if (code && !code.unitKinds.includes(unit.kind)) {
        const kind = rubric.unitKinds.find((k) => k.id === unit.kind)?.name ?? unit.kind;
        const allowed = code.unitKinds.map((id) => rubric.unitKinds.find((k) => k.id === id)?.name ?? id).join("、");
        // A code of the same name for the unit's kind (one per kind, where each charges its own kind's
        // item): the code is what to change, and said at its cell.
        const twins = rubric.ledger.filter((c) => c !== code && c.kind === code.kind && c.name === code.name && c.unitKinds.includes(unit.kind)).map((c) => c.code);
        if (twins.length) p.error("workbook.ledger-wrong-kind-use", s, ref("code"), { unit: unitName, kind, code: code.code, allowed, use: twins.join("、") });
        else {
          // Else the codes of its sort (bonus, deduction, recognition) that its kind may use, by name;
          // or that it has none (the row is another unit's, or not to be there).
          const others = rubric.ledger.filter((c) => c.kind === code.kind && c.unitKinds.includes(unit.kind)).map((c) => `${c.code} ${c.name}`);
          p.error(others.length ? "workbook.ledger-wrong-kind-others" : "workbook.ledger-wrong-kind-none", s, ref("unit"), { unit: unitName, kind, code: code.code, allowed, others: others.join("、") });
        }
      }
    }
    if (codeText === "") blank("code", "代码");
    else if (!code) {
      // A code, then a name other than the rubric's for it (KF1 考核抽查出现问题): which was meant
      // cannot be told; said with both names, not as a code unknown (KF1 stood in the list offered).
      const lead = CODE_THEN_NAME.exec(normalizeWidth(written).trim());
      // Two codes or more in one cell (JF2、JF1): a row is one claim.
      const several = written.split(/\s*(?:[、,，;；/]|和|及|与)\s*|\s+/).filter((x) => x !== "");
      const each = several.map((x) => codes.get(x.toUpperCase()));
      const known = lead ? codes.get((lead[1] ?? "").toUpperCase()) : undefined;
      // A count typed after the code (KF1×2): the count column's.
      const times = known && lead ? /^[×xX*]\s*(\d+)$/.exec(lead[2] ?? "") : null;
      if (several.length > 1 && each.every((c) => c !== undefined)) p.error("workbook.ledger-codes-in-one", s, ref("code"), { written, codes: each.map((c) => c?.code ?? "").join("、") });
      else if (known && times) p.error("workbook.ledger-count-in-code", s, ref("code"), { written, code: known.code, count: times[1] ?? "" });
      else if (known && lead) p.error("workbook.ledger-code-name-differs", s, ref("code"), { code: known.code, written: lead[2] ?? "", name: known.name });
      else {
        // Each with its name (a clerk who mistyped KF3 cannot tell the codes apart bare), those of
        // the unit's kind where the unit is known.
        const kind = units.get(unitName)?.kind;
        const kindCodes = rubric.ledger.filter((c) => kind === undefined || c.unitKinds.includes(kind));
        const offered = kindCodes.length ? kindCodes : rubric.ledger;
        const named = offered.map((c) => `${c.code} ${c.name}`).join(";");
        // A letter typed for a digit like it (KFl, KFI for KF1; JFO for JF0): the code it looks like, asked about.
        // (Among the codes offered: KFZ on a department's row is no town's KF2.)
        const typed = normalizeWidth(written).trim().toUpperCase();
        const like = offered.filter((c) => looksLike(typed, c.code));
        if (like.length === 1 && like[0]) p.error("workbook.ledger-unknown-code-near", s, ref("code"), { code: written, near: like[0].code, name: like[0].name, named });
        else p.error("workbook.ledger-unknown-code", s, ref("code"), { code: written, named });
      }
    }
    const count = readCount(p, s, get("count"));
    // "省级(全区)" as the scheme writes it is 省级: a note in brackets after the level is allowed.
    const levelText = cellText(get("level")).replace(/^(\S+?)\s*[(（][^)）]*[)）]$/, "$1");
    let level: string | undefined;
    // A code's levels as the rubric orders them, highest first (国家级、省级、市级), whatever order its points list them in.
    const levels = (): string => Object.keys(code?.levels ?? {}).sort((a, b) => levelRank(rubric, a) - levelRank(rubric, b)).join("、");
    if (code?.levels) {
      // Without a 级别 column at all, said once at the header.
      if (levelText === "") {
        if (get("level")?.value.t === "formula-no-result") p.error("workbook.formula-no-result", s, ref("level"));
        else if (header.cols.has("level")) p.error("workbook.ledger-level-required", s, ref("level"), { code: code.code, allowed: levels() });
      }
      else if (!(levelText in code.levels)) {
        // 省部级 for 省级: the one it most likely is, asked.
        const near = nearestWord(levelText, Object.keys(code.levels));
        p.error(near ? "workbook.ledger-unknown-level-near" : "workbook.ledger-unknown-level", s, ref("level"), { value: levelText, allowed: levels(), ...(near ? { near } : {}) });
      }
      else level = levelText;
    } else if (code && levelText !== "") {
      p.warn("workbook.ledger-level-ignored", s, ref("level"), { code: code.code });
    }
    const pointsCell = get("points");
    let points: number | undefined;
    if (code?.range) {
      if (isBlank(pointsCell) || !pointsCell) {
        if (header.cols.has("points")) p.error("workbook.ledger-points-required", s, ref("points"), { code: code.code, min: formatPoints(code.range.min), max: formatPoints(code.range.max) });
      }
      else {
        points = readEnteredPoints(p, s, pointsCell, code.code, code.range);
        if (points !== undefined && (points < code.range.min || points > code.range.max)) {
          p.error("workbook.ledger-points-range", s, ref("points"), { code: code.code, value: formatPoints(points), min: formatPoints(code.range.min), max: formatPoints(code.range.max) });
          points = undefined;
        }
      }
    } else if (code && !isBlank(pointsCell)) {
      // By level (市级 5, 省级 7): the 级别 column decides, said so; else the code's fixed points.
      if (code.levels && code.kind !== "single") p.warn("workbook.ledger-points-by-level", s, ref("points"), { code: code.code, levels: Object.entries(code.levels).map(([l, v]) => `${l} ${formatPoints(v)}`).join("、") });
      else {
        // A whole multiple of the code's points, typed where its count belongs (2 for two reports of
        // −1 each): the count asked for, or the row counts once.
        const typed = pointsCell?.value.t === "n" ? pointsCell.value.v : Number(numberText(cellText(pointsCell)) ?? Number.NaN);
        const each = code.points ?? 0;
        const times = each !== 0 && Number.isFinite(typed) ? Math.round((Math.abs(typed) * 100) / each) : 0;
        // (A count past what a 数量 cell takes is no count to suggest: the points are simply ignored.)
        if (times > 1 && times <= MAX_COUNT && Math.abs(times * each - Math.abs(typed) * 100) < 1) p.warn("workbook.ledger-points-count", s, ref("points"), { code: code.code, points: formatPoints(each), times });
        else p.warn("workbook.ledger-points-ignored", s, ref("points"), { code: code.code });
      }
    }
    const { counted, pending, rejected } = rubric.statuses;
    // The words it may hold, each kind with what it does (an English reader has 已认定 alone).
    const statuses = { counted: counted.join("、"), c: counted.length ? "counted" : "", pending: pending.join("、"), p: pending.length ? "pending" : "", rejected: rejected.join("、"), r: rejected.length ? "rejected" : "" };
    // Blank: said with the words it may hold (an unknown one is).
    if (status === "") {
      if (get("status")?.value.t === "formula-no-result") blank("status", "状态");
      else p.error("workbook.ledger-blank-status", s, ref("status"), statuses);
    }
    else if (![...counted, ...pending, ...rejected].includes(status)) {
      // 认定 for 已认定, 审核中 for 待审核: the one it most likely is, asked; never one of another
      // sense than its words say (待认定, 未认定, 认定中 are not 已认定; 已审核 is not 待审核).
      const like = statusesLike(status, rubric.statuses);
      // None near it, its words saying one sense alone (待认定, 认定中: waiting; 审核通过: done): that
      // sense's words (待认定 was told it is no status by a list calling 申报中、待审核 待认定).
      // (Done in words of approval alone, 已批准, 已确认: 已撤销, 已作废 say done of anything.)
      const sense = (["counted", "pending", "rejected"] as const).find((k) => like.length > 0 && like.length === rubric.statuses[k].length && like.every((w) => rubric.statuses[k].includes(w)) && (k !== "counted" || /通过|同意|批准|确认/.test(status)));
      // (未认定 may be either, not yet decided or not recognized: asked about as neither.)
      const either = /未(?!通过)/.test(status) && !/[不否没非驳退]|撤销|作废/.test(status);
      // (Refused in so many words, 驳回, 不通过, 撤销: the words for not recognized.)
      const refused = !either && /驳回|不通过|未通过|不批准|不同意|撤销|作废|不予/.test(status) && rubric.statuses.rejected.length > 0;
      const near = either ? undefined : (nearestWord(status, like) ?? (sense && like.length === 1 ? like[0] : refused && rubric.statuses.rejected.length === 1 ? rubric.statuses.rejected[0] : undefined));
      // (Quoted as the cell shows it: a date as its date, not its serial 46346.)
      const cell = get("status");
      const value = cell ? shownText(cell) : status;
      if (!near && sense) p.error("workbook.ledger-unknown-status-sense", s, ref("status"), { value, ...statuses, sense, words: like.join("、") });
      else p.error(near ? "workbook.ledger-unknown-status-near" : "workbook.ledger-unknown-status", s, ref("status"), { value, ...statuses, ...(near ? { near } : {}) });
    }
    // (Not a row whose code is missing: said already, and "的  状态" named nothing.)
    else if (rubric.statuses.pending.includes(status) && codeText !== "") p.warn("workbook.ledger-pending", s, ref("status"), { unit: unitName, code: codeText, status });
    const flagCell = get("flag");
    let flagged = false;
    if (flagCell?.value.t === "formula-no-result") p.error("workbook.formula-no-result", s, ref("flag"));
    else if (!isBlank(flagCell) && flagCell) {
      const v = flagCell.value;
      const text = cellText(flagCell);
      const word = flagWord(text);
      let unknown = false;
      if (v.t === "b") flagged = v.v;
      else if (yesWords.has(word)) flagged = true;
      else if (!noWords.has(word)) unknown = true;
      // A word neither yes nor no is an error only where the code doubles on it; elsewhere it does nothing, and is said so.
      if (unknown && (!code || code.doubleWhenFlagged)) p.error("workbook.ledger-bad-flag", s, ref("flag"), { value: text, yes: rubric.flaggedWords.yes[0] ?? "", no: rubric.flaggedWords.no[0] ?? "" });
      else if ((flagged || unknown) && code && !code.doubleWhenFlagged) p.warn("workbook.ledger-flag-ignored", s, ref("flag"), { code: code.code });
    }
    if (p.list.slice(before).some((d) => d.severity === "error") || !code || count === undefined) continue;
    countPastCap(p, rubric, code, { sheet: s, cell: ref("count") }, unitName, count, level);
    // A row the same as an earlier one in every column (a claim pasted twice): both count, so it is
    // said, at the later row (once-a-year codes are said below: only one of them counts).
    const key = JSON.stringify([unitName, code.code, count, level ?? null, points ?? null, status, flagged, cellText(get("note")), cellText(get("evidence"))]);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, r);
    // Said where both would count, now or once confirmed: not for a single-item recognition (one
    // award however often recorded), a code that counts once a year (one row of it at most), or
    // rows refused.
    else if (code.kind !== "single" && !code.oncePerYear && !rubric.statuses.rejected.includes(status)) {
      const pending = rubric.statuses.pending.includes(status);
      p.warn(pending ? "workbook.ledger-row-again-pending" : "workbook.ledger-row-again", s, ref("code"), { unit: unitName, code: code.code, first });
    }
    out.push({
      row: r,
      sheet: s,
      unit: unitName,
      code: code.code,
      count,
      ...(level !== undefined ? { level } : {}),
      ...(points !== undefined ? { points } : {}),
      status,
      flagged,
      // As the cells show them: a document's date typed in a date cell is that date, not its serial.
      note: words(get("note")),
      evidence: words(get("evidence")),
      at: { sheet: s, cell: ref("code") },
    });
  }
  p.unit = undefined;
  // Once-a-year codes (JF1): say at validation what scoring will do with the rows past one.
  const counted = (e: LedgerEntry): boolean => rubric.statuses.counted.includes(e.status);
  const instead = onceOver(out, codes, counted);
  out.forEach((e, i) => {
    const code = codes.get(e.code);
    if (!code?.oncePerYear || !counted(e)) return;
    const other = instead.get(i);
    // (Said of its unit, as the row's other problems are.)
    p.unit = units.has(e.unit) ? e.unit : undefined;
    if (other !== undefined) p.warn("workbook.ledger-once-again", s, e.at.cell, { unit: e.unit, code: e.code, first: out[other] ? cellRef(out[other].at.sheet, out[other].at.cell) : "" });
    else if (e.count > 1) p.warn("workbook.ledger-once-count", s, `${colName(header.cols.get("count") ?? 1)}${e.row}`, { code: e.code, count: e.count });
    p.unit = undefined;
  });
  if (sheet.merges.length) {
    const rows = new Map(sheet.rows.map((cells) => [cells[0]?.row ?? 0, cells]));
    const filled = (row: number, col: number): boolean => !isBlank(rows.get(row)?.find((c) => c.col === col));
    // 说明 and 依据 score nothing: one document merged over the claims it proves is the form's own
    // way, not an error (its text is the first claim's).
    const scored = [...header.cols].filter(([f]) => f !== "note" && f !== "evidence").map(([, col]) => col);
    mergesOverData(p, s, sheet.merges, { from: header.row + 1, to: lastRow, cols: new Set(scored) }, filled);
  }
  return out;
}

/** A words cell (说明, 依据) as it shows: a date as its date, a number as shown. */
function words(c: RawCell | undefined): string {
  return c ? shownText(c) : "";
}

/** A count whose points come to this many times the least cap over its code is asked about. */
const PAST_CAP_TIMES = 10;

/**
 * A count that scores many times what a cap over the code lets count (1500 for JF2's 每 1000 万元
 * 加 0.5 分, capped at 2: the amount typed where the clause's units belong): asked at its cell, or
 * it counted as the cap allows, unsaid.
 */
function countPastCap(p: Problems, rubric: Rubric, code: LedgerCode, at: { sheet: string; cell: string }, unit: string, count: number, level: string | undefined): void {
  if (count <= 1 || code.kind === "single") return;
  const each = code.points ?? (level === undefined ? undefined : code.levels?.[level]);
  const cap = Math.min(code.cap ?? Number.POSITIVE_INFINITY, ...rubric.caps.filter((c) => c.codes.includes(code.code) || c.kind === code.kind).map((c) => c.max));
  if (each === undefined || each <= 0 || !Number.isFinite(cap) || count * each < PAST_CAP_TIMES * cap) return;
  p.warn("workbook.ledger-count-past-cap", at.sheet, at.cell, { unit, code: code.code, count, points: formatPoints(each), raw: formatPoints(count * each), cap: formatPoints(cap) });
}
