// Bonus and deduction events for one unit: only counted statuses score; points per count, per
// level or as entered; doubled when flagged; once-a-year codes and caps applied in row order.
import type { LedgerCode, Points, Rubric } from "../rubric/model.js";
import { formatPoints } from "../model/numbers.js";
import type { LedgerEntry } from "../model/submission.js";
import type { LedgerResult } from "../model/results.js";

export function perCount(code: LedgerCode, e: LedgerEntry): Points {
  let p = 0;
  if (code.points !== undefined) p = code.points;
  else if (code.range) p = e.points ?? 0;
  else if (code.levels && e.level !== undefined) p = code.levels[e.level] ?? 0;
  if (code.doubleWhenFlagged && e.flagged) p *= 2;
  return p;
}

export function scoreLedger(
  rubric: Rubric,
  entries: readonly LedgerEntry[],
  codes: ReadonlyMap<string, LedgerCode> = new Map(rubric.ledger.map((c) => [c.code, c])),
): { results: LedgerResult[]; bonus: Points; deduction: Points } {
  const used = new Map<string, Points>();
  const seenOnce = new Set<string>();
  let bonus = 0;
  let deduction = 0;
  const results: LedgerResult[] = [];
  for (const e of entries) {
    const code = codes.get(e.code);
    if (!code) continue; // validation reports unknown codes; nothing to score
    const base = { entry: e, kind: code.kind };
    const d = { code: e.code, name: code.name, status: e.status };
    if (!rubric.statuses.counted.includes(e.status)) {
      const pending = rubric.statuses.pending.includes(e.status);
      results.push({ ...base, counted: false, points: 0, reason: { code: pending ? "why.ledger-pending" : "why.ledger-rejected", data: d } });
      continue;
    }
    if (code.kind === "single") {
      results.push({ ...base, counted: true, points: 0, reason: { code: "why.ledger-single", data: { ...d, level: e.level ?? "" } } });
      continue;
    }
    let count = e.count;
    let reasonCode = code.doubleWhenFlagged && e.flagged ? "why.ledger-doubled" : "why.ledger-counted";
    if (code.oncePerYear) {
      if (seenOnce.has(code.code)) {
        results.push({ ...base, counted: false, points: 0, reason: { code: "why.ledger-once", data: d } });
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
    if (code.cap !== undefined) {
      const before = used.get(code.code) ?? 0;
      const room = Math.max(0, code.cap - before);
      if (pts > room) {
        pts = room;
        reasonCode = "why.ledger-capped";
      }
      used.set(code.code, before + pts);
    }
    const data = {
      ...d,
      per: formatPoints(unit),
      count,
      points: formatPoints(pts),
      cap: code.cap !== undefined ? formatPoints(code.cap) : "",
    };
    const kindCode = code.kind === "bonus" ? "bonus" : "deduction";
    results.push({ ...base, counted: true, points: pts, reason: { code: `${reasonCode}-${kindCode}`, data } });
    if (code.kind === "bonus") bonus += pts;
    else deduction += pts;
  }
  return { results, bonus, deduction };
}
