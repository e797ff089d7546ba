// The units list for `assess template --units`: one name per line, or CSV "name,kind" where kind
// is one of the rubric's labels (镇, 街道, 部门...). Problems are located FILE:LINE:COL.
import type { Diagnostic } from "../diagnostics/index.js";
import type { Rubric, UnitKindId } from "../rubric/model.js";
import type { TemplateUnit } from "./template.js";
import { cleanText } from "./cells.js";

export function parseUnitsFile(file: string, text: string, rubric: Rubric): { units: TemplateUnit[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const units: TemplateUnit[] = [];
  const seen = new Map<string, number>();
  const kindOf = (label: string): UnitKindId | undefined =>
    rubric.unitKinds.find((k) => k.labels.includes(label) || k.id === label || k.name === label)?.id;
  const lines = text.replace(/^\ufeff/, "").split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const parts = raw.split(/[,,\t]/).map(cleanText);
    const name = parts[0] ?? "";
    const label = parts[1] ?? "";
    if (name === "" && label === "") return;
    // A header line such as "单位,类型" is skipped.
    if (i === 0 && /^(单位|名称|name)/i.test(name) && (label === "" || /^(类型|类别|kind|type)/i.test(label))) return;
    if (name === "") {
      diagnostics.push({ code: "units.blank-name", severity: "error", data: {}, location: { file, line, col: 1 } });
      return;
    }
    let kind: UnitKindId = "town";
    if (label !== "") {
      const k = kindOf(label);
      if (!k) {
        const allowed = rubric.unitKinds.flatMap((u) => u.labels).join("、");
        diagnostics.push({ code: "units.unknown-kind", severity: "error", data: { kind: label, allowed }, location: { file, line, col: raw.indexOf(label) + 1 } });
        return;
      }
      kind = k;
    }
    const prev = seen.get(name);
    if (prev !== undefined) {
      diagnostics.push({ code: "units.duplicate", severity: "error", data: { unit: name, line: prev }, location: { file, line, col: 1 } });
      return;
    }
    seen.set(name, line);
    units.push({ name, kind });
  });
  return { units, diagnostics };
}
