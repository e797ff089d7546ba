// Bonus and deduction events for one unit: only counted statuses score; points per count, per
// level or as entered; doubled when flagged; once-a-year codes, then the caps (per code, per
// group of codes, on all bonuses or deductions) applied in row order. Each counted row is charged
// where its code says: the total, a line or an item.
import type { LedgerCap, LedgerCode, Points, Rubric } from "../rubric/model.js";
import { formatPoints } from "../model/numbers.js";
import type { LedgerEntry } from "../model/submission.js";
import type { LedgerResult, Reason } from "../model/results.js";

export function perCount(code: LedgerCode, e: LedgerEntry): Points {
  let p = 0;
  if (code.points !== undefined) p = code.points;
  else if (code.range) p = e.points ?? 0;
  else if (code.levels && e.level !== undefined) p = code.levels[e.level] ?? 0;
  if (code.doubleWhenFlagged && e.flagged) p *= 2;
  return p;
}

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

export function scoreLedger(rubric: Rubric, entries: readonly LedgerEntry[], codes: ReadonlyMap<string, LedgerCode> = new Map(rubric.ledger.map((c) => [c.code, c]))): LedgerOutcome {
  if (!entries.length) return NOTHING;
  const used = new Map<string, Points>();
  const seenOnce = new Set<string>();
  let bonus = 0;
  let deduction = 0;
  const charges = new Map<string, Points>();
  const results: LedgerResult[] = [];
  for (const e of entries) {
    const code = codes.get(e.code);
    if (!code) continue; // validation reports unknown codes; nothing to score
    const kind = code.kind;
    const d = { code: e.code, name: code.name, status: e.status };
    if (!rubric.statuses.counted.includes(e.status)) {
      const pending = rubric.statuses.pending.includes(e.status);
      results.push(result(e, kind, false, 0, { code: pending ? "why.ledger-pending" : "why.ledger-rejected", data: d }));
      continue;
    }
    if (code.kind === "single") {
      results.push(result(e, kind, true, 0, { code: "why.ledger-single", data: { ...d, level: e.level ?? "" } }));
      continue;
    }
    let count = e.count;
    let reasonCode = code.doubleWhenFlagged && e.flagged ? "why.ledger-doubled" : "why.ledger-counted";
    if (code.oncePerYear) {
      if (seenOnce.has(code.code)) {
        results.push(result(e, kind, false, 0, { code: "why.ledger-once", data: d }));
        continue;
      }
      seenOnce.add(code.code);
      if (count > 1) {
        count = 1;
        reasonCode = "why.ledger-once-count";
      }
    }
    const unit = perCount(code, e);
    let pts = unit * count;
    let capped: { max: Points; codes?: readonly string[]; all?: boolean } | undefined;
    for (const cap of capsOf(code, rubric.caps)) {
      const room = Math.max(0, cap.max - (used.get(cap.key) ?? 0));
      if (pts > room) {
        pts = room;
        capped = cap;
        reasonCode = cap.all ? "why.ledger-capped-all" : cap.codes ? "why.ledger-capped-group" : "why.ledger-capped";
      }
    }
    for (const cap of capsOf(code, rubric.caps)) used.set(cap.key, (used.get(cap.key) ?? 0) + pts);
    // Points by level: the level that decided them is said beside them (2(省级) × 1).
    const level = code.levels && e.level ? `(${e.level})` : "";
    const data = { ...d, per: formatPoints(unit), level, count, points: formatPoints(pts), cap: capped ? formatPoints(capped.max) : "", codes: capped?.codes?.join("、") ?? "" };
    const kindCode = code.kind === "bonus" ? "bonus" : "deduction";
    const charge = code.charge;
    const target = charge === "total" ? undefined : "line" in charge ? charge.line : charge.item;
    const reason = { code: `${reasonCode}-${kindCode}`, data: target ? { ...data, target } : data };
    results.push(result(e, kind, true, pts, reason, target));
    if (target) charges.set(target, (charges.get(target) ?? 0) + (code.kind === "bonus" ? pts : -pts));
    else if (code.kind === "bonus") bonus += pts;
    else deduction += pts;
  }
  return { results, bonus, deduction, charges };
}
