// Compares two versions of a rubric: items, indicators and targets, ledger codes, rankings and
// awards that were added, removed or changed. Pure; the CLI words it.
import type { Item, LedgerCode, Rubric } from "./model.js";
import { allItems } from "./model.js";
import { formatPoints, formatRate } from "../model/numbers.js";

export interface Change {
  readonly kind: "added" | "removed" | "changed";
  /** What changed: an item, a ledger code, a ranking... (a catalog key suffix). */
  readonly what: "meta" | "item" | "indicator" | "target" | "ledger" | "ranking" | "award";
  readonly code: string;
  /** "old → new" for a change; the thing itself for an addition or removal. */
  readonly detail: string;
}

function itemText(i: Item): string {
  const measured = i.kind !== "group" && i.kind !== "judged" ? ` ${i.indicator} ≥ ${"ref" in i.target ? i.target.ref : formatRate(i.target.value)}` : "";
  return `${i.name} ${formatPoints(i.max)} ${i.kind}${measured}`;
}

function ledgerText(c: LedgerCode): string {
  const pts = c.points !== undefined ? formatPoints(c.points) : c.range ? `${formatPoints(c.range.min)}..${formatPoints(c.range.max)}` : Object.entries(c.levels ?? {}).map(([k, v]) => (c.kind === "single" ? k : `${k} ${formatPoints(v)}`)).join("/");
  const flags = [c.oncePerYear ? "once_per_year" : "", c.doubleWhenFlagged ? "double_when_flagged" : "", c.cap !== undefined ? `cap ${formatPoints(c.cap)}` : ""].filter(Boolean);
  return `${c.name} ${c.kind} ${pts}${flags.length ? ` (${flags.join(", ")})` : ""}`;
}

/** Compares keyed descriptions: additions, removals and changes in the order of the new version. */
function compare(what: Change["what"], a: Map<string, string>, b: Map<string, string>): Change[] {
  const out: Change[] = [];
  for (const [code, text] of a) if (!b.has(code)) out.push({ kind: "removed", what, code, detail: text });
  for (const [code, text] of b) {
    const old = a.get(code);
    if (old === undefined) out.push({ kind: "added", what, code, detail: text });
    else if (old !== text) out.push({ kind: "changed", what, code, detail: `${old} → ${text}` });
  }
  return out;
}

function describe(r: Rubric): Record<Change["what"], Map<string, string>> {
  const items = r.lines.flatMap((l) => [[l.code, `${l.name} ${formatPoints(l.max)}`] as const, ...allItems(l.items).map((i) => [i.code, itemText(i)] as const)]);
  const a = r.awards;
  return {
    meta: new Map([
      ["title", r.title],
      ["effective", r.effective],
      ["scale", r.unitKinds.map((k) => `${k.id} ${k.lines.join("+")} = ${formatPoints(k.scale)}`).join("; ")],
    ]),
    item: new Map(items),
    indicator: new Map(r.indicators.map((i) => [i.code, i.name])),
    target: new Map(r.targets.map((t) => [t.code, `${t.name}${t.default !== undefined ? ` = ${formatRate(t.default)}` : ""}`])),
    ledger: new Map(r.ledger.map((c) => [c.code, ledgerText(c)])),
    ranking: new Map(r.rankings.map((k) => [k.id, `${k.name} ${k.unitKind} ${k.by}${k.tieBreakers.length ? ` [${k.tieBreakers.join(", ")}]` : ""}`])),
    award: new Map([
      ...a.tiers.map((t) => [t.name, `${t.from}–${t.to}${t.amount !== undefined ? ` ${t.amount}` : ""}`] as const),
      ...a.single.map((s) => [s.code, `${s.name} ${s.amount}${s.count !== undefined ? ` ×${s.count}` : ""}${s.linkedItem ? ` ~${s.linkedItem}` : ""}`] as const),
      ...(a.yellowCard ? [[a.yellowCard.name, `${a.yellowCard.lastPlace ? "last" : ""}${a.yellowCard.below !== undefined ? ` < ${formatPoints(a.yellowCard.below)}` : ""}`] as const] : []),
    ]),
  };
}

export function diffRubrics(a: Rubric, b: Rubric): Change[] {
  const da = describe(a);
  const db = describe(b);
  return (Object.keys(da) as Change["what"][]).flatMap((what) => compare(what, da[what], db[what]));
}
