// Bonus and deduction events for one unit: only counted statuses score; points per count, per
// level or as entered; doubled when flagged; a once-a-year code's row worth the most; then the
// caps (per code, per group of codes, on all bonuses or deductions), filled first by the rows that
// weigh most on the total (charged to the total, then to the lines and items of the heaviest
// line; a row that can move its item no further last), by code among equals. Each counted row is charged where its code says: the total, a
// line or an item, and counts (in its caps too) only as far as it moves that line or item. Neither
// rule depends on the rows' order in the sheet; deciding a pending bonus does not lower a total, nor
// a deduction raise one, but where one row takes both a shared cap's last room and a line's last
// points (docs/rules.md says so).
import type { LedgerCap, LedgerCode, Points, Rubric } from "../rubric/model.js";
import { allItems } from "../rubric/model.js";
import { formatPoints } from "../model/numbers.js";
import type { LedgerEntry } from "../model/submission.js";
import type { LedgerResult, Reason } from "../model/results.js";
import { onceOver, perCount } from "../rubric/ledger-points.js";
import { cellRef } from "../diagnostics/index.js";

export { perCount };

/** How much a point charged to a line or an item (its code), or to the total (undefined), weighs on the total. */
export type ChargeWeight = (target: string | undefined, kind: "bonus" | "deduction") => number;

/**
 * How far the rows charged to a line or an item can still move it (an item within 0 and its max, a
 * line not below 0), as they are counted one after the other: a row counts (and fills its caps)
 * only as far as it moves its item or line.
 */
export interface ChargeRoom {
  /** The points a bonus may still add there, or a deduction take off. */
  left(target: string, kind: "bonus" | "deduction"): Points;
  /** A row counted there: + for a bonus, − for a deduction. */
  take(target: string, delta: Points): void;
  /** How deep the line or item is (a line 0): an item's rows count before its line's. */
  depth(target: string): number;
}

const EVEN: ChargeWeight = () => 1;

export interface LedgerOutcome {
  readonly results: readonly LedgerResult[];
  /** Charged to the total. */
  readonly bonus: Points;
  readonly deduction: Points;
  /** Net points charged to lines and items (bonus positive, deduction negative), by code. */
  readonly charges: Map<string, Points>;
}

/** The caps a code falls under: its own, and every group cap naming it. */
function capsOf(code: LedgerCode, caps: readonly LedgerCap[]): { key: string; max: Points; codes?: readonly string[]; all?: boolean }[] {
  return [
    ...(code.cap !== undefined ? [{ key: code.code, max: code.cap }] : []),
    ...caps.flatMap((c, i) => (c.codes.includes(code.code) ? [{ key: `#${i}`, max: c.max, codes: c.codes, ...(c.kind ? { all: true } : {}) }] : [])),
  ];
}

/** One row's result, its fields always in one order (one shape for every row of a province). */
function result(entry: LedgerEntry, kind: LedgerResult["kind"], counted: boolean, points: Points, reason: Reason, charged?: string): LedgerResult {
  return charged ? { entry, kind, counted, points, reason, charged } : { entry, kind, counted, points, reason };
}

/** A unit without ledger rows (most of a province's): one shared outcome, never changed. */
const NOTHING: LedgerOutcome = Object.freeze({ results: Object.freeze([]), bonus: 0, deduction: 0, charges: new Map<string, Points>() });

/** Each line's and item's name by its code, made once per rubric (asked per charged row). */
const names = new WeakMap<Rubric, ReadonlyMap<string, string>>();

/** The name of the line or item a row is charged to (社会治理 for SH). */
function nameOf(rubric: Rubric, code: string): string {
  let m = names.get(rubric);
  if (!m) {
    m = new Map([...rubric.lines.map((l) => [l.code, l.name] as const), ...rubric.lines.flatMap((l) => allItems(l.items).map((i) => [i.code, i.name] as const))]);
    names.set(rubric, m);
  }
  return m.get(code) ?? "";
}

/**
 * How a row's points are said: each count's points, the level that decided them beside them
 * (2(省级) × 1), and doubled where it was: by its word (why.ledger-how.doubled) and as a factor
 * before the count, 5 × 2 × 1, each count's points as the code gives them (10 × 1 hid the doubling).
 */
function rowWords(code: LedgerCode, e: LedgerEntry, unit: Points, count: number): { per: string; level: string; count: string; how: string } {
  const level = code.levels && e.level ? `(${e.level})` : "";
  return code.doubleWhenFlagged && e.flagged ? { per: formatPoints(unit / 2), level, count: `2 × ${count}`, how: "doubled" } : { per: formatPoints(unit), level, count: String(count), how: "" };
}

function chargedTo(code: LedgerCode): string | undefined {
  const charge = code.charge;
  return charge === "total" ? undefined : "line" in charge ? charge.line : charge.item;
}

/**
 * `unit`: the unit's kind and group, where its single-item rows are said as the awards the rankings
 * it is in give (a 街道's claim to 乡镇组's award, a department's to the towns', wins nothing).
 */
export function scoreLedger(rubric: Rubric, entries: readonly LedgerEntry[], codes: ReadonlyMap<string, LedgerCode> = new Map(rubric.ledger.map((c) => [c.code, c])), weight: ChargeWeight = EVEN, room?: ChargeRoom, unit?: { readonly kind: string; readonly group?: string | undefined }): LedgerOutcome {
  if (!entries.length) return NOTHING;
  const used = new Map<string, Points>();
  let bonus = 0;
  let deduction = 0;
  const charges = new Map<string, Points>();
  const results: (LedgerResult | undefined)[] = entries.map(() => undefined);
  const counts = (e: LedgerEntry): boolean => codes.has(e.code) && rubric.statuses.counted.includes(e.status);
  const instead = onceOver(entries, codes, counts);
  /** The rows that score, by index: filled into the caps heaviest first. */
  const scoring: number[] = [];
  /** Pending rows (not single-item), by index. */
  const waiting: number[] = [];
  entries.forEach((e, i) => {
    const code = codes.get(e.code);
    if (!code) return; // validation reports unknown codes; nothing to score
    const kind = code.kind;
    const d = { code: e.code, name: code.name, status: e.status };
    if (!rubric.statuses.counted.includes(e.status)) {
      const pending = rubric.statuses.pending.includes(e.status);
      // What a pending row would bring is said once the counted rows have filled the caps.
      if (pending && kind !== "single") waiting.push(i);
      else if (pending) results[i] = result(e, kind, false, 0, pendingSingle(rubric, e, d, unit));
      else results[i] = result(e, kind, false, 0, { code: "why.ledger-rejected", data: d });
    } else if (code.kind === "single") {
      const given = unit === undefined || awardFor(rubric, e.code, unit) !== undefined;
      results[i] = result(e, kind, true, 0, { code: given ? "why.ledger-single" : "why.ledger-single-not-given", data: { ...d, level: e.level ?? "" } });
    }
    else if (instead.has(i)) {
      const other = entries[instead.get(i) ?? 0];
      results[i] = result(e, kind, false, 0, { code: "why.ledger-once", data: { ...d, cell: other ? cellRef(other.at.sheet, other.at.cell) : "" } });
    } else scoring.push(i);
  });
  if (scoring.length > 1) {
    // Heaviest first; among equals an item's rows before its line's (what they take off the line
    // is known before the line's own rows ask: the same whatever the rows' order); then row order
    // (each row's weight and depth asked once).
    const w = new Map<number, number>();
    const deep = new Map<number, number>();
    // Then by what the row is (code, its points), not where it stands: rows alike are
    // interchangeable, so the rows' order in the sheet decides nothing.
    const what = new Map<number, string>();
    for (const i of scoring) {
      const e = entries[i] as LedgerEntry;
      const code = codes.get(e.code) as LedgerCode;
      const target = chargedTo(code);
      w.set(i, weight(target, code.kind === "bonus" ? "bonus" : "deduction"));
      // The total first (no room to hold it), then the deepest item first.
      deep.set(i, target && room ? room.depth(target) + 1 : Number.POSITIVE_INFINITY);
      what.set(i, `${e.code}\u0000${String(perCount(code, e) * e.count).padStart(12, "0")}`);
    }
    const byWhat = (a: number, b: number): number => {
      const [x, y] = [what.get(a) ?? "", what.get(b) ?? ""];
      return x < y ? -1 : x > y ? 1 : 0;
    };
    scoring.sort((a, b) => (w.get(b) ?? 0) - (w.get(a) ?? 0) || (deep.get(b) ?? 0) - (deep.get(a) ?? 0) || byWhat(a, b) || a - b);
  }
  for (const i of scoring) {
    const e = entries[i] as LedgerEntry;
    const code = codes.get(e.code) as LedgerCode;
    const kind = code.kind;
    const d = { code: e.code, name: code.name, status: e.status };
    let count = e.count;
    let reasonCode = code.doubleWhenFlagged && e.flagged ? "why.ledger-doubled" : "why.ledger-counted";
    if (code.oncePerYear && count > 1) {
      count = 1;
      reasonCode = "why.ledger-once-count";
    }
    const unit = perCount(code, e);
    let pts = unit * count;
    let capped: { max: Points; codes?: readonly string[]; all?: boolean } | undefined;
    // The code's own cap where it held the row before a cap over several codes held it further.
    let own: Points | undefined;
    for (const cap of capsOf(code, rubric.caps)) {
      const room = Math.max(0, cap.max - (used.get(cap.key) ?? 0));
      if (pts > room) {
        if (capped && !capped.codes) own = capped.max;
        pts = room;
        capped = cap;
        reasonCode = (cap.all ? "why.ledger-capped-all" : cap.codes ? "why.ledger-capped-group" : "why.ledger-capped") + (own !== undefined ? "-own" : "");
      }
    }
    const target = chargedTo(code);
    const kindCode = code.kind === "bonus" ? "bonus" : "deduction";
    // Where the line or item it is charged to can move no further, the row counts no further.
    let held = false;
    if (target && room) {
      const left = Math.max(0, room.left(target, kindCode));
      if (pts > left) {
        pts = left;
        held = true;
        capped = undefined;
        reasonCode = "why.ledger-held";
      }
      room.take(target, kindCode === "bonus" ? pts : -pts);
    }
    for (const cap of capsOf(code, rubric.caps)) used.set(cap.key, (used.get(cap.key) ?? 0) + pts);
    const { per, level, count: times, how } = rowWords(code, e, unit, count);
    // What the row asked (its points before any cap held them).
    const data = { ...d, per, level, count: times, points: formatPoints(pts), cap: capped ? formatPoints(capped.max) : "", own: own !== undefined ? formatPoints(own) : "", codes: capped?.codes?.join("、") ?? "", asked: capped || held ? formatPoints(unit * count) : "", how };
    const reason = { code: `${reasonCode}-${kindCode}`, data: target ? { ...data, target, targetName: nameOf(rubric, target) } : data };
    results[i] = result(e, kind, true, pts, reason, target);
    if (target) charges.set(target, (charges.get(target) ?? 0) + (code.kind === "bonus" ? pts : -pts));
    else if (code.kind === "bonus") bonus += pts;
    else deduction += pts;
  }
  // A pending row: what it would bring approved, the counted rows as they are: what its caps and
  // the line or item it is charged to have room for (the total's range says what the rows could
  // bring together).
  for (const i of waiting) {
    const e = entries[i] as LedgerEntry;
    const code = codes.get(e.code) as LedgerCode;
    const kindCode = code.kind === "bonus" ? "bonus" : "deduction";
    const count = code.oncePerYear ? Math.min(1, e.count) : e.count;
    const unit = perCount(code, e);
    let pts = unit * count;
    // Once a year: it would count in place of the row counted, for what it is worth more.
    let instead = false;
    if (code.oncePerYear) {
      let counted = 0;
      for (const j of scoring) if (entries[j]?.code === e.code) counted = Math.max(counted, results[j]?.points ?? 0);
      instead = counted > 0;
      pts = Math.max(0, pts - counted);
    }
    for (const cap of capsOf(code, rubric.caps)) pts = Math.min(pts, Math.max(0, cap.max - (used.get(cap.key) ?? 0)));
    const target = chargedTo(code);
    if (target && room) pts = Math.min(pts, Math.max(0, room.left(target, kindCode)));
    const { per, level, count: times, how } = rowWords(code, e, unit, count);
    const data = { code: e.code, name: code.name, status: e.status, per, level, count: times, asked: formatPoints(unit * count), points: formatPoints(pts), how, ...(target ? { target, targetName: nameOf(rubric, target) } : {}) };
    const held = pts < unit * count ? (instead ? "-once" : "-held") : "";
    results[i] = result(e, code.kind, false, 0, { code: `why.ledger-pending${held}-${kindCode}`, data });
  }
  return { results: results.filter((r): r is LedgerResult => r !== undefined), bonus, deduction, charges };
}

/** The award of a single-item code a ranking the unit is in gives (its kind's, or its group's), and that ranking. */
function awardFor(rubric: Rubric, code: string, unit: { readonly kind: string; readonly group?: string | undefined }): { name: string; ranking: string } | undefined {
  for (const r of rubric.rankings) {
    if (r.unitKind !== unit.kind || (r.group !== undefined && r.group !== unit.group)) continue;
    const award = r.single.find((a) => a.code === code);
    if (award) return { name: award.name, ranking: r.id };
  }
  return undefined;
}

/**
 * A single-item recognition still pending: which award it is entered for once approved (the award
 * of its code a ranking the unit is in gives, at its level), so that a unit that may win one is
 * told which; where none of them gives it, that approving it wins nothing.
 */
function pendingSingle(rubric: Rubric, e: LedgerEntry, d: Readonly<Record<string, string>>, unit: { readonly kind: string; readonly group?: string | undefined } | undefined): Reason {
  const award = unit ? awardFor(rubric, e.code, unit) : rubric.rankings.flatMap((r) => r.single.filter((a) => a.code === e.code).map((a) => ({ name: a.name, ranking: r.id })))[0];
  if (award) return { code: "why.ledger-pending-single", data: { ...d, level: e.level ?? "", award: award.name, ranking: award.ranking } };
  return { code: unit ? "why.ledger-pending-single-not-given" : "why.ledger-pending", data: d };
}
