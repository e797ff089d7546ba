// The group of its kind a unit's name says by its ending (城关镇: 镇 of 乡镇组): where the template
// places a unit given by name alone, and what validate compares a unit's 分组 with.
import type { UnitKind } from "../rubric/model.js";

export type UnitGroup = UnitKind["groups"][number];

/**
 * The group whose label the name ends with (`label`: that ending, an official name's suffix with it), the longest such label (a label that is the whole
 * name, 城关镇 among 街道组's, places that unit by name); undefined where none does, or two groups'
 * labels alike.
 */
export function groupByEnding(kind: UnitKind, full: string): { group: UnitGroup; label: string } | undefined {
  // A town's or a street's official name by the place it names (城南街道办事处: 街道; 柳河镇人民政府: 镇).
  const name = full.replace(/(?<=(?:街道|镇|乡))(?:办事处|人民政府|政府)$/, "");
  let best: { group: UnitGroup; label: string } | undefined;
  let ambiguous = false;
  for (const group of kind.groups)
    for (const label of group.labels) {
      if (!name.endsWith(label) || label.length > name.length) continue;
      if (!best || label.length > best.label.length) [best, ambiguous] = [{ group, label }, false];
      else if (label.length === best.label.length && best.group.id !== group.id) ambiguous = true;
    }
  // (The ending said as the name has it: 街道办事处.)
  return ambiguous || !best ? undefined : { group: best.group, label: best.label + full.slice(name.length) };
}

/** Whether a 分组 cell's words name the group: its name, its id or one of its labels (乡镇组, rural, 乡镇). */
export function namesGroup(group: UnitGroup, text: string): boolean {
  return group.name === text || group.id === text || group.labels.includes(text);
}
