// Edits of the bundled comprehensive rubric's text that tests score under.

/**
 * Towns ranked only in their groups (乡镇组, 街道组 apart, no ranking of all towns), each group
 * graded as the whole was: a scheme whose 办法 forbids ranking the groups together.
 */
export function townsInGroupsOnly(yaml: string): string {
  const start = yaml.indexOf("rankings:\n  - id: towns\n") + "rankings:\n".length;
  const end = yaml.indexOf("  - id: rural\n", start);
  const towns = yaml.slice(start, end);
  const grades = towns.slice(towns.indexOf("    grades:\n"), towns.indexOf("    yellow_card:\n"));
  let out = yaml.slice(0, start) + yaml.slice(end);
  for (const group of ["rural", "urban"]) {
    const at = out.indexOf("    tiers:\n", out.indexOf(`    group: ${group}\n`, start));
    out = out.slice(0, at) + grades + out.slice(at);
  }
  return out;
}
