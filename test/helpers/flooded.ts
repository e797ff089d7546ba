// A valid district workbook whose ledger is flooded with problems of one kind: what a workbook
// read with another scheme's rubric looks like, small.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadRubric } from "../../src/rubric/load.js";
import { fillToBuffer, type LedgerRow, type Value } from "./fill.js";

const FILE = "rubric/district-popplan-2022.1.yaml";
const rubric = loadRubric(FILE, readFileSync(FILE), "test").rubric!;

/** Full marks on every judged item, every rate met: a workbook with no problem of its own. */
function fullMarks(towns: readonly string[], department: string): Record<string, Record<string, Value>> {
  const out: Record<string, Record<string, Value>> = {};
  for (const line of rubric.lines) {
    const names = line.code === "BM" ? [department] : towns;
    const walk = (items: typeof line.items): void =>
      items.forEach((i) => {
        if (i.kind === "group") walk(i.children);
        else if (i.kind === "judged") for (const n of names) (out[n] ??= {})[i.code] = i.max / 100;
      });
    walk(line.items);
  }
  for (const n of towns) Object.assign((out[n] ??= {}), { ZB1: { percent: 0.97 }, MB1: { percent: 0.95 }, ZB2: { percent: 0.99 }, MB2: { percent: 0.98 }, ZB3: { percent: 0.96 }, ZB4: { percent: 0.35 } });
  return out;
}

/** A valid district, but its ledger names `unknown` (25) units it does not have (rows 2–26) and a code it does not know (row 27). */
export async function floodedWorkbook(dir: string, unknown = 25, name = "flooded.xlsx"): Promise<string> {
  const towns = ["甲镇", "乙街道", "丙镇"];
  const ledger: LedgerRow[] = [...Array.from({ length: unknown }, (): LedgerRow => ({ unit: "XYZ", code: "KF1", status: "已认定" })), { unit: "甲镇", code: "KF9", status: "已认定" }];
  const bytes = await fillToBuffer(rubric, { units: [...towns.map((name) => ({ name, kind: "town" })), { name: "丁局", kind: "department" }], values: fullMarks(towns, "丁局"), ledger });
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

