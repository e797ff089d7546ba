// A unit named on the command line (explain's UNIT, validate's --unit): found among the workbook's
// units as typed, or in one width, or without a line break its cell holds; else the names near it
// to ask about.
import type { Diagnostic } from "../diagnostics/index.js";
import { nearestNames as nearest } from "../workbook/near.js";

/** Compared in one width, without the line break typed in a cell (北川↵镇 for 北川镇: none can be typed here). */
const wide = (s: string): string => s.normalize("NFKC").replace(/\r?\n|\r/g, "");

/** The index of the unit `name` names among `names`, or the problem to say (exit 1) where none or several. */
export function findUnit(names: readonly string[], name: string, file: string): number | Diagnostic {
  const exact = names.indexOf(name);
  if (exact >= 0) return exact;
  // No unit at all (a template nobody filled, made without a list): said so, not "units:" and nothing.
  if (!names.length) return { code: "unit.unknown-none", severity: "error", data: { unit: name }, location: { file } };
  const same = names.flatMap((x, i) => (wide(x) === wide(name) ? [i] : []));
  if (same.length === 1) return same[0] ?? -1;
  // (And one of the same name but its kind: 白沙镇 for 白沙街道, a town become a 街道.)
  const near = name === "" ? [] : nearestOrSameStem(wide(name), names);
  // Of many alike (镇: every town), the first few, and how many there are.
  const alike = name === "" ? 0 : names.filter((n) => n.includes(wide(name))).length;
  const list = (near.length ? near : names.slice(0, 30)).join("、");
  const more = near.length && alike > near.length;
  // Near names asked about, as validate asks (是否为 城关镇?); none near: every name there is to choose from.
  const code = more ? "unit.unknown-many" : near.length ? "unit.unknown-near" : "unit.unknown";
  return { code, severity: "error", data: { unit: name, units: list, ...(more ? { count: alike } : {}) }, location: { file } };
}

/** A unit's name without the word for its kind (白沙 of 白沙街道 and of 白沙镇). */
const stem = (s: string): string => wide(s).replace(/(街道办事处|街道|镇|乡|村|社区|居委会)$/u, "");

/**
 * The names near one (those of its own name with another kind's word first: 双河乡 before 柳河镇 for
 * 双河镇), or else those of the same name with another kind's word (白沙街道 for 白沙镇), or else the
 * few that hold its characters in order (区交通运输局 for 交通局).
 */
function nearestOrSameStem(name: string, names: readonly string[]): string[] {
  const own = stem(name);
  const sameStem = own === "" || own === name ? [] : names.filter((n) => stem(n) === own);
  const near = nearest(name, names);
  if (near.length) return [...near.filter((n) => sameStem.includes(n)), ...near.filter((n) => !sameStem.includes(n))];
  if (sameStem.length) return sameStem;
  const within = [...name].length >= 2 ? names.filter((n) => inOrder(name, wide(n))) : [];
  return within.length <= 3 ? within : [];
}

/** Whether every character of `short` is in `long`, in order (交通局 in 区交通运输局). */
function inOrder(short: string, long: string): boolean {
  let at = 0;
  for (const ch of long) if (ch === short[at]) at++;
  return at === short.length;
}
