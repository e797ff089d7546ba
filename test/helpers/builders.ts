// In-memory builders for engine tests: a rubric from the mini fixture (optionally edited) and a
// submission from plain numbers, with made-up cell addresses.
import { readFileSync } from "node:fs";
import { loadRubric } from "../../src/rubric/load.js";
import type { Rubric, UnitKindId } from "../../src/rubric/model.js";
import { isEntered, isMeasured, leaves } from "../../src/rubric/model.js";
import { fractionToRate, toPoints } from "../../src/model/numbers.js";
import { MapValues, type LedgerEntry, type Submission, type Unit } from "../../src/model/submission.js";

export const MINI_TEXT = readFileSync("test/fixtures/mini-rubric.yaml", "utf8");

export function rubricFrom(text: string): Rubric {
  const r = loadRubric("mini.yaml", new TextEncoder().encode(text), "test");
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
  const values = new MapValues();
  const list: Unit[] = [];
  units.forEach((u, i) => {
    const kind = u.kind ?? "town";
    const row = i + 2;
    list.push({ name: u.name, kind, at: { sheet: "S", cell: `A${row}` } });
    const kindDef = rubric.unitKinds.find((k) => k.id === kind);
    const lines = rubric.lines.filter((l) => kindDef?.lines.includes(l.code));
    let col = 2;
    for (const leaf of lines.flatMap((l) => leaves(l.items))) {
      if (isEntered(leaf)) {
        values.set(i, leaf.code, pts(u.scores?.[leaf.code] ?? leaf.max / 100), { sheet: "S", cell: `C${col++}${row}` });
      } else if (isMeasured(leaf)) {
        values.set(i, leaf.indicator, fractionToRate(u.rates?.[leaf.indicator] ?? 1), { sheet: "R", cell: `${leaf.indicator}${row}` });
        if ("ref" in leaf.target) {
          const t = u.rates?.[leaf.target.ref] ?? 0.95;
          values.set(i, leaf.target.ref, fractionToRate(t), { sheet: "R", cell: `${leaf.target.ref}${row}` });
        }
      }
    }
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
  return { file: "mem.xlsx", sha256: "0", cover: {}, units: list, values, ledger };
}
