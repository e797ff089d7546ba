// In-memory builders for engine tests: a rubric from the mini fixture (optionally edited) and a
// submission from plain numbers, with made-up cell addresses.
import { readFileSync } from "node:fs";
import { loadRubric } from "../../src/rubric/load.js";
import type { Rubric, UnitKindId } from "../../src/rubric/model.js";
import { isEntered, isMeasured, leaves, measureOf } from "../../src/rubric/model.js";
import { fractionToRate, parseRate, toPoints } from "../../src/model/numbers.js";
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
  /** Measured values by code as people write them: "−2%" / "95%" for a percent, a number (12.5) for a count or amount. */
  measures?: Record<string, number | string>;
  /** The unit's ranking group (a group id of its kind). */
  group?: string;
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
    const kind = u.kind ?? rubric.unitKinds[0]?.id ?? "town";
    const row = i + 2;
    list.push({ name: u.name, kind, ...(u.group !== undefined ? { group: u.group } : {}), at: { sheet: "S", cell: `A${row}` } });
    const kindDef = rubric.unitKinds.find((k) => k.id === kind);
    const lines = rubric.lines.filter((l) => kindDef?.lines.includes(l.code));
    let col = 2;
    const measure = (code: string, fallback: number | string): void => {
      const given = u.measures?.[code] ?? u.rates?.[code] ?? fallback;
      const m = measureOf(rubric, code);
      const v = typeof given === "string" ? parseRate(given) : m && m.unit !== "percent" ? pts(given) : fractionToRate(given);
      if (typeof v !== "number") throw new Error(`not a measure: ${given}`);
      values.set(i, code, v, { sheet: "R", cell: `${code}${row}` });
    };
    for (const leaf of lines.flatMap((l) => leaves(l.items))) {
      if (isEntered(leaf)) {
        // Judged items default to full marks; deducted items to nothing taken off.
        const fallback = leaf.kind === "deducted" ? 0 : leaf.max / 100;
        values.set(i, leaf.code, pts(u.scores?.[leaf.code] ?? fallback), { sheet: "S", cell: `C${col++}${row}` });
      } else if (isMeasured(leaf)) {
        measure(leaf.indicator, 1);
        for (const spec of [leaf.target, leaf.floor]) if (spec && "ref" in spec) measure(spec.ref, 0.95);
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
