// The documented JSON of `assess score --json`: stable keys, points as decimal numbers, rates as
// fractions, ranks null when a unit is not ranked.
import type { Award, ItemResult, Results, UnitResult } from "../engine/model.js";
import { pointsToNumber, rateToFraction } from "../rubric/numbers.js";
import { message, type Lang } from "../messages/index.js";

function awardJson(a: Award): Record<string, unknown> {
  switch (a.kind) {
    case "rank":
      return { kind: "rank", tier: a.tier, ...(a.amount !== undefined ? { amount: a.amount } : {}) };
    case "single":
      return { kind: "single", code: a.code, name: a.name, amount: a.amount, level: a.level, basis: `${a.basis.sheet}!${a.basis.cell}` };
    case "warning":
      return { kind: "warning", name: a.name, reasons: a.reasons };
    case "veto":
      return { kind: "veto", gate: a.gate, indicator: a.indicator, value: rateToFraction(a.value), target: rateToFraction(a.target) };
  }
}

function itemJson(i: ItemResult, lang: Lang): Record<string, unknown> {
  const base = { code: i.code, name: i.name, points: pointsToNumber(i.points), max: pointsToNumber(i.max), lost: pointsToNumber(i.lost) };
  if (i.kind === "group") return { ...base, items: i.children.map((c) => itemJson(c, lang)) };
  return {
    ...base,
    kind: i.kind,
    why: message(lang, i.reason.code, i.reason.data),
    ...(i.source ? { cell: `${i.source.sheet}!${i.source.cell}` } : {}),
  };
}

export function unitJson(u: UnitResult, lang: Lang, withItems: boolean): Record<string, unknown> {
  return {
    name: u.name,
    kind: u.kind,
    vetoed: u.vetoed,
    lines: Object.fromEntries(Object.entries(u.subtotals).map(([k, v]) => [k, pointsToNumber(v)])),
    bonus: pointsToNumber(u.bonus),
    deduction: pointsToNumber(u.deduction),
    total: pointsToNumber(u.total),
    rank: { ...u.ranks },
    awards: u.awards.map(awardJson),
    ...(withItems
      ? {
          items: u.lines.flatMap((l) => l.items.map((i) => itemJson(i, lang))),
          ledger: u.ledger.map((r) => ({
            row: r.entry.row,
            code: r.entry.code,
            status: r.entry.status,
            counted: r.counted,
            points: pointsToNumber(r.points),
            why: message(lang, r.reason.code, r.reason.data),
          })),
        }
      : {}),
  };
}

export function resultsJson(r: Results, lang: Lang): string {
  const doc = {
    rubric: { id: r.rubric.id, version: r.rubric.version, sha256: r.rubric.sha256 },
    input: { file: r.input.file, sha256: r.input.sha256 },
    units: r.units.map((u) => unitJson(u, lang, false)),
  };
  return JSON.stringify(doc, null, 2);
}
