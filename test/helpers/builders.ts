// In-memory builders for engine tests: a rubric from the mini fixture (optionally edited) and a
// submission from plain numbers, with made-up cell addresses.
import { readFileSync } from "node:fs";
import { loadRubric } from "../../src/rubric/load.js";
import type { Rubric, UnitKindId } from "../../src/rubric/model.js";
import { leaves } from "../../src/rubric/model.js";
import { fractionToRate, toPoints } from "../../src/rubric/numbers.js";
import type { Entered, LedgerEntry, Submission, Unit } from "../../src/workbook/model.js";

export const MINI_TEXT = readFileSync("test/fixtures/mini-rubric.yaml", "utf8");

export function rubricFrom(text: string): Rubric {
  const r = loadRubric("mini.yaml", new TextEncoder().encode(text));
  if (!r.rubric) throw new Error(JSON.stringify(r.diagnostics));
  return r.rubric;
}

export function mini(edit: (text: string) => string = (t) => t): Rubric {
  return rubricFrom(edit(MINI_TEXT));
}

export interface UnitSpec {
  name: string;
  kind?: UnitKindId;
  /** Judged points by code; missing judged items get full marks. */
  scores?: Record<string, number>;
  /** Rates as fractions by code; missing indicators default to passing (1.0), targets to 95%. */
  rates?: Record<string, number>;
}

export interface EntrySpec {
  unit: string;
  code: string;
  count?: number;
  level?: string;
  points?: number;
  status?: string;
  flagged?: boolean;
}

function pts(x: number): number {
  const p = toPoints(x);
  if (p === undefined) throw new Error(`not exact: ${x}`);
  return p;
}

export function submission(rubric: Rubric, units: UnitSpec[], entries: EntrySpec[] = []): Submission {
  const scores = new Map<string, Map<string, Entered<number>>>();
  const rates = new Map<string, Map<string, Entered<number>>>();
  const list: Unit[] = [];
  units.forEach((u, i) => {
    const kind = u.kind ?? "town";
    const row = i + 2;
    list.push({ name: u.name, kind, at: { sheet: "S", cell: `A${row}` } });
    const kindDef = rubric.unitKinds.find((k) => k.id === kind);
    const lines = rubric.lines.filter((l) => kindDef?.lines.includes(l.code));
    const s = new Map<string, Entered<number>>();
    const r = new Map<string, Entered<number>>();
    let col = 2;
    for (const leaf of lines.flatMap((l) => leaves(l.items))) {
      if (leaf.kind === "judged") {
        s.set(leaf.code, { value: pts(u.scores?.[leaf.code] ?? leaf.max / 100), at: { sheet: "S", cell: `C${col++}${row}` } });
      } else {
        r.set(leaf.indicator, { value: fractionToRate(u.rates?.[leaf.indicator] ?? 1), at: { sheet: "R", cell: `${leaf.indicator}${row}` } });
        if ("ref" in leaf.target) {
          const t = u.rates?.[leaf.target.ref] ?? 0.95;
          r.set(leaf.target.ref, { value: fractionToRate(t), at: { sheet: "R", cell: `${leaf.target.ref}${row}` } });
        }
      }
    }
    scores.set(u.name, s);
    rates.set(u.name, r);
  });
  const ledger: LedgerEntry[] = entries.map((e, i) => ({
    row: i + 2,
    sheet: "L",
    unit: e.unit,
    code: e.code,
    count: e.count ?? 1,
    ...(e.level !== undefined ? { level: e.level } : {}),
    ...(e.points !== undefined ? { points: pts(e.points) } : {}),
    status: e.status ?? "已认定",
    flagged: e.flagged ?? false,
    note: "",
    evidence: "",
    at: { sheet: "L", cell: `B${i + 2}` },
  }));
  return { file: "mem.xlsx", sha256: "0", cover: {}, units: list, scores, rates, ledger };
}
