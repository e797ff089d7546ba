// Adds our cell styles to a package's styles part without changing the meaning of any style the
// user's cells already use: fonts, fills, borders, number formats and cell formats are appended
// at the end of their lists (an index is a position, so appending keeps every old index meaning
// what it meant), counts are updated, a missing list is inserted at its place in the schema's
// order, and every byte of what was there stays as it was.
import { escapeXml } from "../escape.js";
import { attribute, childNamed, Edits, parseTree, prefixIn, type XmlElement } from "../tree.js";
import { utf8 } from "../bytes.js";
import { NS_MAIN } from "../ns.js";

export interface FontSpec {
  readonly name?: string;
  readonly size?: number;
  readonly bold?: boolean;
  /** ARGB, e.g. FFC00000. */
  readonly color?: string;
}

export interface BorderSpec {
  readonly style: "thin" | "medium" | "hair";
  readonly color?: string;
  /** Which sides (all four when absent). */
  readonly sides?: readonly ("left" | "right" | "top" | "bottom")[];
}

export interface CellStyle {
  readonly font?: FontSpec;
  /** A solid fill's ARGB colour. */
  readonly fill?: string;
  readonly border?: BorderSpec;
  /** A number format code ("0.00", "0.0%"). */
  readonly numFmt?: string;
  readonly align?: {
    readonly horizontal?: "left" | "center" | "right";
    readonly vertical?: "top" | "center" | "bottom";
    readonly wrap?: boolean;
    readonly indent?: number;
  };
}

/** Built-in number formats (ECMA-376 §18.8.30) we may name by their code. */
const BUILTIN: Readonly<Record<string, number>> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10 };

/** Child lists of <styleSheet>, in the order the schema requires. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;

/** A minimal styles part (one default font, the two reserved fills, one border, one format). */
export const BASE_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS_MAIN}"><fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

function fontXml(p: string, f: FontSpec): string {
  return (
    `<${p}font>${f.bold ? `<${p}b/>` : ""}<${p}sz val="${f.size ?? 11}"/>${f.color ? `<${p}color rgb="${f.color}"/>` : ""}` +
    `<${p}name val="${escapeXml(f.name ?? "等线")}"/><${p}family val="2"/><${p}charset val="134"/></${p}font>`
  );
}

function fillXml(p: string, color: string): string {
  return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${color}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
}

function borderXml(p: string, b: BorderSpec): string {
  const sides = b.sides ?? ["left", "right", "top", "bottom"];
  const side = (s: "left" | "right" | "top" | "bottom"): string =>
    sides.includes(s) ? `<${p}${s} style="${b.style}"><${p}color ${b.color ? `rgb="${b.color}"` : 'auto="1"'}/></${p}${s}>` : `<${p}${s}/>`;
  return `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`;
}

/** The list a new child of `root` goes in: found, or where it must be inserted. */
interface List {
  readonly name: (typeof ORDER)[number];
  readonly el: XmlElement | undefined;
  /** Children already there. */
  readonly count: number;
  /** Ours, appended. */
  items: string;
  added: number;
}

/**
 * Appends the styles; returns the new part and, for each style given, its cell-format index (the
 * value of a cell's s attribute). `part` undefined: our own base styles.
 */
export function appendStyles(part: Uint8Array | undefined, styles: readonly CellStyle[]): { bytes: Uint8Array; ids: number[] } {
  const { bytes, root } = parseTree(part ?? new TextEncoder().encode(BASE_STYLES));
  const p = prefixIn(root, NS_MAIN) ?? "";
  const list = (name: (typeof ORDER)[number]): List => {
    const el = childNamed(root, name, NS_MAIN);
    const localChildren = el ? el.children.length : 0;
    return { name, el, count: localChildren, items: "", added: 0 };
  };
  const numFmts = list("numFmts");
  const fonts = list("fonts");
  const fills = list("fills");
  const borders = list("borders");
  const cellXfs = list("cellXfs");
  const hasStyleXfs = childNamed(root, "cellStyleXfs", NS_MAIN) !== undefined;

  // Number formats: built in, already defined with the same code, or a new id from 164 on.
  const codes = new Map<string, number>();
  let nextId = 164;
  for (const nf of numFmts.el?.children ?? []) {
    const id = Number(attribute(nf, "numFmtId")?.value);
    const code = attribute(nf, "formatCode")?.value;
    if (Number.isInteger(id)) {
      nextId = Math.max(nextId, id + 1);
      if (code !== undefined && !codes.has(code)) codes.set(code, id);
    }
  }
  const fmtId = (code: string | undefined): number => {
    if (code === undefined) return 0;
    const builtin = BUILTIN[code];
    if (builtin !== undefined) return builtin;
    let id = codes.get(code);
    if (id === undefined) {
      id = nextId++;
      codes.set(code, id);
      numFmts.items += `<${p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`;
      numFmts.added++;
    }
    return id;
  };
  // A font, fill, border or cell format written as one already there is that one: a result scored
  // again finds the earlier run's (33 formats more each time, never used), and adds none.
  // (One map for the four lists: an entry's XML starts with its own element's name.)
  const known = new Map<string, number>();
  for (const l of [fonts, fills, borders, cellXfs]) {
    l.el?.children.forEach((c, i) => {
      const xml = utf8(bytes, c.start, c.end);
      if (!known.has(xml)) known.set(xml, i);
    });
  }
  const addTo = (l: List, xml: string): number => {
    let id = known.get(xml);
    if (id === undefined) {
      id = l.count + l.added++;
      l.items += xml;
      known.set(xml, id);
    }
    return id;
  };
  const ids = styles.map((s) => {
    const numFmtId = fmtId(s.numFmt);
    const fontId = s.font ? addTo(fonts, fontXml(p, s.font)) : 0;
    const fillId = s.fill ? addTo(fills, fillXml(p, s.fill)) : 0;
    const borderId = s.border ? addTo(borders, borderXml(p, s.border)) : 0;
    const a = s.align;
    const alignment = a
      ? `<${p}alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ""}${a.vertical ? ` vertical="${a.vertical}"` : ""}${a.wrap ? ' wrapText="1"' : ""}${a.indent ? ` indent="${a.indent}"` : ""}/>`
      : "";
    const applied = `${numFmtId ? ' applyNumberFormat="1"' : ""}${s.font ? ' applyFont="1"' : ""}${s.fill ? ' applyFill="1"' : ""}${s.border ? ' applyBorder="1"' : ""}${a ? ' applyAlignment="1"' : ""}`;
    const xf = `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}"${hasStyleXfs ? ' xfId="0"' : ""}${applied}${alignment ? `>${alignment}</${p}xf>` : "/>"}`;
    return addTo(cellXfs, xf);
  });

  const edits = new Edits();
  for (const l of [numFmts, fonts, fills, borders, cellXfs]) {
    if (!l.added) continue;
    const total = String(l.count + l.added);
    const el = l.el;
    if (!el) {
      edits.insert(insertionPoint(root, l.name), `<${p}${l.name} count="${total}">${l.items}</${p}${l.name}>`);
      continue;
    }
    const count = attribute(el, "count");
    if (el.selfClosing) {
      // <fonts count="0"/> becomes <fonts count="n">…</fonts>: the start tag as written, but its count.
      let head = count ? utf8(bytes, el.start, count.start) + total + utf8(bytes, count.end, el.openEnd) : utf8(bytes, el.start, el.openEnd);
      head = head.replace(/\s*\/>$/, count ? "" : ` count="${total}"`);
      edits.replace(el.start, el.end, `${head}>${l.items}</${el.name}>`);
    } else {
      if (count) edits.replace(count.start, count.end, total);
      else edits.insert(el.openEnd - 1, ` count="${total}"`);
      edits.insert(el.closeStart, l.items);
    }
  }
  return { bytes: edits.apply(bytes), ids };
}

/** Where a missing list goes: before the first list that must follow it, else before </styleSheet>. */
function insertionPoint(root: XmlElement, name: (typeof ORDER)[number]): number {
  const after = ORDER.slice(ORDER.indexOf(name) + 1);
  for (const c of root.children) if ((after as readonly string[]).includes(c.local)) return c.start;
  return root.closeStart;
}
