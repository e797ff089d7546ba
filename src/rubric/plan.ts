// A unit kind's items laid out flat, in the order of the item matrix: for each of the kind's
// lines, the line itself, then its items depth-first (a group before its children). A unit's
// points are one integer per node in this order; scoring, sheets, the report and explanations all
// index them the same way.
import type { Item, LedgerCap, LedgerCode, LeafItem, Line, Rubric, UnitKind } from "./model.js";
import { formatRate } from "../model/numbers.js";

export interface PlanNode {
  readonly code: string;
  readonly name: string;
  readonly max: number;
  /** The node's line (a line node is its own). */
  readonly line: Line;
  /** undefined for a line node. */
  readonly item?: Item;
  /** The parent node's index; -1 for a line. */
  readonly parent: number;
  /** 0 for a line, 1 for its items, 2 for theirs… */
  readonly depth: number;
}

export interface KindPlan {
  readonly kind: UnitKind;
  readonly nodes: readonly PlanNode[];
  /** Each line and its node's index. */
  readonly lines: readonly { readonly line: Line; readonly node: number }[];
  /** The leaves' node indexes, in order. */
  readonly leaves: readonly number[];
  /** Node index by code (lines and items). */
  readonly index: ReadonlyMap<string, number>;
}

const cache = new WeakMap<Rubric, ReadonlyMap<string, KindPlan>>();

function planKind(rubric: Rubric, kind: UnitKind): KindPlan {
  const nodes: PlanNode[] = [];
  const lines: { line: Line; node: number }[] = [];
  const leaves: number[] = [];
  const add = (items: readonly Item[], line: Line, parent: number, depth: number): void => {
    for (const item of items) {
      const at = nodes.length;
      nodes.push({ code: item.code, name: item.name, max: item.max, line, item, parent, depth });
      if (item.kind === "group") add(item.children, line, at, depth + 1);
      else leaves.push(at);
    }
  };
  for (const line of rubric.lines.filter((l) => kind.lines.includes(l.code))) {
    const at = nodes.length;
    lines.push({ line, node: at });
    nodes.push({ code: line.code, name: line.name, max: line.max, line, parent: -1, depth: 0 });
    add(line.items, line, at, 1);
  }
  return { kind, nodes, lines, leaves, index: new Map(nodes.map((n, i) => [n.code, i])) };
}

/** Every unit kind's plan (computed once per rubric). */
export function plans(rubric: Rubric): ReadonlyMap<string, KindPlan> {
  let p = cache.get(rubric);
  if (!p) {
    p = new Map(rubric.unitKinds.map((k) => [k.id, planKind(rubric, k)]));
    cache.set(rubric, p);
  }
  return p;
}

export function planOf(rubric: Rubric, kind: string): KindPlan | undefined {
  return plans(rubric).get(kind);
}

/** A plan node's leaf item, when it is one. */
export function leafOf(node: PlanNode): LeafItem | undefined {
  return node.item && node.item.kind !== "group" ? node.item : undefined;
}

/**
 * The most a unit's total can be: its kind's scale and what bonuses may add (their overall cap);
 * undefined where bonuses of its kind are uncapped in all. (By a line or an item, the key's max.)
 */
export function totalMost(kind: Pick<UnitKind, "id" | "scale">, ledger: readonly LedgerCode[], caps: readonly LedgerCap[]): number | undefined {
  const bonuses = ledger.filter((c) => c.kind === "bonus" && c.unitKinds.includes(kind.id));
  const cap = caps.find((c) => c.kind === "bonus");
  return bonuses.length === 0 ? kind.scale : cap && !Number.isNaN(cap.max) ? kind.scale + cap.max : undefined;
}

/** What a ranking orders by, for headings: a line's or an item's code, name and max. */
export function rankKey(rubric: Rubric, kind: string, key: string): PlanNode | undefined {
  const p = planOf(rubric, kind);
  const i = p?.index.get(key);
  return i === undefined ? undefined : p?.nodes[i];
}

/**
 * The smallest gain on a ranking's key: an item judged or deducted in steps moves by its step (0.5
 * points: 50); a total, a line or a measured item by 0.01 (1).
 */
export function keyStep(rubric: Rubric, kind: string, key: string): number {
  const item = key === "total" ? undefined : rankKey(rubric, kind, key)?.item;
  return item && (item.kind === "judged" || item.kind === "deducted") ? item.step : 1;
}

/** A line's heading where the kind's total is weighted: "经济发展 ×40%". */
export function lineHeading(kind: UnitKind | undefined, line: Line): string {
  const w = kind?.weights?.[line.code];
  return w === undefined ? line.name : `${line.name} ×${formatRate(w)}`;
}
