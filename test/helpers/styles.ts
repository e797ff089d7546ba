// What appending our styles must keep: every entry of every list in the user's styles part,
// byte for byte and at the same position (a cell's style index is a position), the lists in
// schema order, and counts that match what the lists hold.
import { expect } from "vitest";
import { parseTree, type XmlElement } from "../../src/xlsx/tree.js";
import { utf8 } from "../../src/xlsx/bytes.js";

const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

function lists(xml: string): { bytes: Uint8Array; root: XmlElement } {
  return parseTree(new TextEncoder().encode(xml));
}

export function expectStylesKept(before: string, after: string): void {
  const a = lists(before);
  const b = lists(after);
  const text = (bytes: Uint8Array, e: XmlElement): string => utf8(bytes, e.start, e.end);
  // Lists stay in schema order.
  const order = b.root.children.map((c) => ORDER.indexOf(c.local)).filter((i) => i >= 0);
  expect([...order].sort((x, y) => x - y)).toEqual(order);
  for (const list of a.root.children) {
    const same = b.root.children.find((c) => c.local === list.local);
    expect(same, list.local).toBeDefined();
    if (!same) continue;
    expect(same.children.length, list.local).toBeGreaterThanOrEqual(list.children.length);
    list.children.forEach((child, i) => {
      const now = same.children[i];
      expect(now && text(b.bytes, now), `${list.local}[${i}]`).toBe(text(a.bytes, child));
    });
    const count = same.attrs.find((x) => x.name === "count");
    if (count) expect(Number(count.value), `${list.local} count`).toBe(same.children.length);
  }
}
