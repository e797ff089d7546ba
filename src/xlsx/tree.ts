// A package part as a tree of elements that remember where they are in the part's bytes, and
// edits made at those places: what a writer needs to change a user's workbook.xml, relationships,
// content types or styles without touching a byte of anything else in them. Namespaces are
// resolved as XML says (a prefix may be declared on the root or on the element itself).
import { concatBytes, encodeUtf8 } from "./bytes.js";
import { NameTable } from "./names.js";
import { toUtf8, XmlReader, type XmlHandler } from "./xml.js";

export interface XmlAttr {
  readonly name: string;
  readonly value: string;
  /** The value's bytes: b[start, end) between the quotes. */
  readonly start: number;
  readonly end: number;
}

export interface XmlElement {
  /** The qualified name as written ("x:sheet"). */
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  readonly attrs: readonly XmlAttr[];
  /** The '<' of the start tag. */
  readonly start: number;
  /** Just past the start tag's '>'. */
  readonly openEnd: number;
  /** The '<' of the end tag (openEnd for an empty element written <x/>). */
  readonly closeStart: number;
  /** Just past the element's last '>'. */
  readonly end: number;
  readonly selfClosing: boolean;
  readonly parent: XmlElement | undefined;
  readonly children: readonly XmlElement[];
}

interface Building {
  name: string;
  prefix: string;
  local: string;
  attrs: XmlAttr[];
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
  parent: Building | undefined;
  children: Building[];
}

const NO_NAMES = new NameTable([]);

/** Parses a whole part (UTF-8 or UTF-16 with a BOM); throws XmlError when it is not well-formed. */
export function parseTree(raw: Uint8Array): { bytes: Uint8Array; root: XmlElement } {
  const bytes = toUtf8(raw);
  let root: Building | undefined;
  let current: Building | undefined;
  const handler: XmlHandler = {
    open(_id, x) {
      const name = x.elementName();
      const colon = name.indexOf(":");
      const attrs: XmlAttr[] = [];
      for (let i = 0; i < x.attrCount; i++) {
        attrs.push({ name: x.attrName(i), value: x.attrValueAt(i), start: x.attrStart[i]!, end: x.attrEnd[i]! });
      }
      const el: Building = {
        name,
        prefix: colon < 0 ? "" : name.slice(0, colon),
        local: colon < 0 ? name : name.slice(colon + 1),
        attrs,
        start: x.tagStart,
        openEnd: x.tagEnd,
        closeStart: x.tagEnd,
        end: x.tagEnd,
        selfClosing: false,
        parent: current,
        children: [],
      };
      if (current) current.children.push(el);
      else root = el;
      current = el;
    },
    close(_id, x) {
      const el = current;
      if (!el) return;
      if (x.tagStart === el.start) el.selfClosing = true;
      else el.closeStart = x.tagStart;
      el.end = x.tagEnd;
      current = el.parent;
    },
    text() {},
  };
  new XmlReader(bytes, NO_NAMES).run(handler);
  if (!root) throw new Error("no root element");
  return { bytes, root };
}

/** The namespace URI a prefix ("" for the default) is bound to at an element, or undefined. */
export function namespaceOf(el: XmlElement, prefix: string): string | undefined {
  const decl = prefix === "" ? "xmlns" : `xmlns:${prefix}`;
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    const a = e.attrs.find((x) => x.name === decl);
    if (a) return a.value;
  }
  return undefined;
}

/** The element's own namespace URI. */
export function elementNamespace(el: XmlElement): string | undefined {
  return namespaceOf(el, el.prefix);
}

/** An attribute by local name and namespace (undefined namespace: an unprefixed attribute). */
export function attribute(el: XmlElement, local: string, ns?: string): XmlAttr | undefined {
  for (const a of el.attrs) {
    const colon = a.name.indexOf(":");
    const prefix = colon < 0 ? "" : a.name.slice(0, colon);
    const name = colon < 0 ? a.name : a.name.slice(colon + 1);
    if (name !== local || prefix === "xmlns" || a.name === "xmlns") continue;
    if (ns === undefined ? prefix === "" : prefix !== "" && namespaceOf(el, prefix) === ns) return a;
  }
  return undefined;
}

/** Children with this local name in this namespace. */
export function childrenNamed(el: XmlElement, local: string, ns: string): XmlElement[] {
  return el.children.filter((c) => c.local === local && elementNamespace(c) === ns);
}

export function childNamed(el: XmlElement, local: string, ns: string): XmlElement | undefined {
  return el.children.find((c) => c.local === local && elementNamespace(c) === ns);
}

/** A prefix ("" or "x:") under which names of namespace ns may be written inside el, if one is in scope. */
export function prefixIn(el: XmlElement, ns: string): string | undefined {
  if (namespaceOf(el, "") === ns) return "";
  const seen = new Set<string>();
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    for (const a of e.attrs) {
      if (!a.name.startsWith("xmlns:")) continue;
      const p = a.name.slice(6);
      if (seen.has(p)) continue;
      seen.add(p);
      if (a.value === ns) return `${p}:`;
    }
  }
  return undefined;
}

/**
 * Changes to a part's bytes at places found by parsing it: removals, insertions and
 * replacements, applied together (they must not overlap). Every byte not named stays as it was.
 */
export class Edits {
  private readonly list: { start: number; end: number; text: string }[] = [];

  remove(start: number, end: number): this {
    return this.replace(start, end, "");
  }

  insert(at: number, text: string): this {
    return this.replace(at, at, text);
  }

  replace(start: number, end: number, text: string): this {
    this.list.push({ start, end, text });
    return this;
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  apply(bytes: Uint8Array): Uint8Array {
    const sorted = [...this.list].sort((a, b) => a.start - b.start || a.end - b.end);
    const parts: Uint8Array[] = [];
    let at = 0;
    for (const e of sorted) {
      if (e.start < at) throw new Error("overlapping edits");
      parts.push(bytes.subarray(at, e.start), encodeUtf8(e.text));
      at = e.end;
    }
    parts.push(bytes.subarray(at));
    return concatBytes(parts);
  }
}
