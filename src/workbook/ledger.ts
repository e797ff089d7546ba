// The 加扣分 ledger sheet: one row per bonus, deduction or single-item recognition. Columns are
// found by their header words; every row is checked against the rubric's ledger codes.
import type { Problems } from "../diagnostics/index.js";
import type { Rubric } from "../rubric/model.js";
import { formatPoints, normalizeWidth } from "../model/numbers.js";
import type { LedgerEntry, Unit } from "../model/submission.js";
import type { RawCell, RawSheet } from "../xlsx/read/index.js";
import { cellText, isBlank, readCount, readEnteredPoints } from "./cells.js";
import { HEADER_SCAN_ROWS, isFooterText, LEDGER_COLUMNS, type LedgerField } from "./layout.js";
import { colName } from "../xlsx/refs.js";
import { MAX_NEAR_SEARCHES, nearestNames } from "./near.js";
import { checkMerges } from "./merges.js";
import { onceOver } from "../rubric/ledger-points.js";

interface LedgerHeader {
  row: number;
  cols: Map<LedgerField, number>;
}

function ledgerHeader(sheet: RawSheet): LedgerHeader | undefined {
  for (const row of sheet.rows.slice(0, HEADER_SCAN_ROWS)) {
    const cols = new Map<LedgerField, number>();
    for (const c of row) {
      const text = cellText(c);
      for (const [word, field] of LEDGER_COLUMNS) {
        if (!cols.has(field) && text.startsWith(word)) cols.set(field, c.col);
      }
    }
    if (cols.has("code") && cols.has("status") && cols.has("unit")) return { row: row[0]?.row ?? 1, cols };
  }
  return undefined;
}

export function isLedgerSheet(sheet: RawSheet): boolean {
  return ledgerHeader(sheet) !== undefined;
}

export function readLedger(rubric: Rubric, sheet: RawSheet, units: ReadonlyMap<string, Unit>, p: Problems): LedgerEntry[] {
  const header = ledgerHeader(sheet);
  if (!header) return [];
  if (sheet.hidden) p.warn("workbook.hidden-sheet", sheet.name, undefined);
  const codes = new Map(rubric.ledger.map((c) => [c.code, c]));
  const s = sheet.name;
  const out: LedgerEntry[] = [];
  // Units' names, listed once for the first few unknown names to be compared with.
  let known: string[] | undefined;
  let searches = 0;
  /** The last row read as a claim: merged cells down to it are said. */
  let lastRow = header.row;
  for (const row of sheet.rows) {
    const r = row[0]?.row ?? 0;
    if (r <= header.row) continue;
    const byCol = new Map(row.map((c) => [c.col, c]));
    const get = (f: LedgerField): RawCell | undefined => {
      const col = header.cols.get(f);
      return col === undefined ? undefined : byCol.get(col);
    };
    const ref = (f: LedgerField): string => `${colName(header.cols.get(f) ?? 1)}${r}`;
    if (row.every((c) => isBlank(c))) continue;
    const before = p.list.length;
    const unitName = cellText(get("unit"));
    const codeText = normalizeWidth(cellText(get("code"))).replace(/\s+/g, "").toUpperCase();
    const status = cellText(get("status"));
    const code = codes.get(codeText);
    // The form's footer (注:…, 填表人:张三 审核人:李四), in the unit column or alone on its row:
    // no claim. Said only where a code of the rubric stands beside it (someone's claim, not read).
    const footer = isFooterText(unitName) || (unitName === "" && row.every((c) => isBlank(c) || (c.value.t === "s" && isFooterText(c.value.v))));
    if (footer) {
      if (code) p.warn("workbook.footer-values", s, ref("unit"), { value: unitName });
      continue;
    }
    lastRow = r;
    if (unitName === "") p.error("workbook.ledger-blank", s, ref("unit"), { column: "单位" });
    else {
      const unit = units.get(unitName);
      if (!unit) {
        const near = searches++ < MAX_NEAR_SEARCHES ? nearestNames(unitName, (known ??= [...units.keys()])) : [];
        p.error(near.length ? "workbook.ledger-unknown-unit-near" : "workbook.ledger-unknown-unit", s, ref("unit"), { unit: unitName, near: near.join("、") });
      } else if (code && !code.unitKinds.includes(unit.kind)) {
        const kind = rubric.unitKinds.find((k) => k.id === unit.kind)?.name ?? unit.kind;
        const allowed = code.unitKinds.map((id) => rubric.unitKinds.find((k) => k.id === id)?.name ?? id).join("、");
        p.error("workbook.ledger-wrong-kind", s, ref("unit"), { unit: unitName, kind, code: code.code, allowed });
      }
    }
    if (codeText === "") p.error("workbook.ledger-blank", s, ref("code"), { column: "代码" });
    else if (!code) p.error("workbook.ledger-unknown-code", s, ref("code"), { code: codeText, allowed: [...codes.keys()].join(" ") });
    const count = readCount(p, s, get("count"));
    // "省级(全区)" as the scheme writes it is 省级: a note in brackets after the level is allowed.
    const levelText = cellText(get("level")).replace(/^(\S+?)\s*[(（][^)）]*[)）]$/, "$1");
    let level: string | undefined;
    if (code?.levels) {
      if (levelText === "") p.error("workbook.ledger-level-required", s, ref("level"), { code: code.code, allowed: Object.keys(code.levels).join("、") });
      else if (!(levelText in code.levels)) p.error("workbook.ledger-unknown-level", s, ref("level"), { value: levelText, allowed: Object.keys(code.levels).join("、") });
      else level = levelText;
    } else if (code && levelText !== "") {
      p.warn("workbook.ledger-level-ignored", s, ref("level"), { code: code.code });
    }
    const pointsCell = get("points");
    let points: number | undefined;
    if (code?.range) {
      if (isBlank(pointsCell) || !pointsCell) p.error("workbook.ledger-points-required", s, ref("points"), { code: code.code, min: formatPoints(code.range.min), max: formatPoints(code.range.max) });
      else {
        points = readEnteredPoints(p, s, pointsCell, code.code);
        if (points !== undefined && (points < code.range.min || points > code.range.max)) {
          p.error("workbook.ledger-points-range", s, ref("points"), { code: code.code, value: formatPoints(points), min: formatPoints(code.range.min), max: formatPoints(code.range.max) });
          points = undefined;
        }
      }
    } else if (code && !isBlank(pointsCell)) {
      p.warn("workbook.ledger-points-ignored", s, ref("points"), { code: code.code });
    }
    const all = [...rubric.statuses.counted, ...rubric.statuses.pending, ...rubric.statuses.rejected];
    if (status === "") p.error("workbook.ledger-blank", s, ref("status"), { column: "状态" });
    else if (!all.includes(status)) p.error("workbook.ledger-unknown-status", s, ref("status"), { value: status, allowed: all.join("、") });
    else if (rubric.statuses.pending.includes(status)) p.warn("workbook.ledger-pending", s, ref("status"), { unit: unitName, code: codeText, status });
    const flagCell = get("flag");
    let flagged = false;
    if (!isBlank(flagCell) && flagCell) {
      const v = flagCell.value;
      const text = cellText(flagCell);
      if (v.t === "b") flagged = v.v;
      else if (rubric.flaggedWords.yes.includes(text)) flagged = true;
      else if (!rubric.flaggedWords.no.includes(text)) {
        p.error("workbook.ledger-bad-flag", s, ref("flag"), { value: text, yes: rubric.flaggedWords.yes[0] ?? "", no: rubric.flaggedWords.no[0] ?? "" });
      }
      if (flagged && code && !code.doubleWhenFlagged) p.warn("workbook.ledger-flag-ignored", s, ref("flag"), { code: code.code });
    }
    if (p.list.slice(before).some((d) => d.severity === "error") || !code || count === undefined) continue;
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
      note: cellText(get("note")),
      evidence: cellText(get("evidence")),
      at: { sheet: s, cell: ref("code") },
    });
  }
  // Once-a-year codes (JF1): say at validation what scoring will do with the rows past one.
  const counted = (e: LedgerEntry): boolean => rubric.statuses.counted.includes(e.status);
  const instead = onceOver(out, codes, counted);
  out.forEach((e, i) => {
    const code = codes.get(e.code);
    if (!code?.oncePerYear || !counted(e)) return;
    const other = instead.get(i);
    if (other !== undefined) p.warn("workbook.ledger-once-again", s, e.at.cell, { unit: e.unit, code: e.code, first: out[other]?.at.cell ?? "" });
    else if (e.count > 1) p.warn("workbook.ledger-once-count", s, `${colName(header.cols.get("count") ?? 1)}${e.row}`, { code: e.code, count: e.count });
  });
  if (sheet.merges.length) {
    const rows = new Map(sheet.rows.map((cells) => [cells[0]?.row ?? 0, cells]));
    const filled = (row: number, col: number): boolean => !isBlank(rows.get(row)?.find((c) => c.col === col));
    checkMerges(p, s, sheet.merges, { from: header.row + 1, to: lastRow, cols: new Set(header.cols.values()) }, filled);
  }
  return out;
}
