// A small, strict, fast XML reader over bytes: well-formedness (names, quoting, nesting, one root,
// entity references, UTF-8) is checked; DOCTYPE/ENTITY are refused, never expanded. Handlers get
// element ids and read attributes and text on demand, so nothing is decoded that nobody reads.
// It can stop where a handler asks and go on later (resume), so a caller pulls a sheet's rows one
// at a time instead of being called back for each.
import { encodeUtf8, firstInvalidUtf8, indexOfBytes, latin1, utf8 } from "./bytes.js";
import { checkEntities, expandEntities, XmlError } from "./text.js";
import type { NameTable } from "./names.js";

export interface XmlHandler {
  open(id: number, x: XmlReader): void;
  close(id: number, x: XmlReader): void;
  /** Text or CDATA inside the root, called only while x.wantText is set. */
  text(x: XmlReader, start: number, end: number, flags: number): void;
}

export const TEXT_AMP = 1;
export const TEXT_CDATA = 2;

const LT = 0x3c, GT = 0x3e, SLASH = 0x2f, BANG = 0x21, QUEST = 0x3f, EQ = 0x3d, AMP = 0x26;
const DQ = 0x22, SQ = 0x27, DASH = 0x2d;
const MAX_DEPTH = 256;
const END_PI = encodeUtf8("?>"), END_COMMENT = encodeUtf8("-->"), END_CDATA = encodeUtf8("]]>"), DOUBLE_DASH = encodeUtf8("--");
const CDATA = encodeUtf8("[CDATA[");
const XML_DECL = /^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][\w.-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*\?>$/;

/** 2: may start a name; 1: may continue one. Bytes ≥ 0x80 (UTF-8 of non-ASCII letters) count as both. */
const NAME = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x3a || c >= 0x80;
  NAME[c] = letter ? 2 : (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e ? 1 : 0;
}

/** The end of the XML name starting at p; throws when there is none. */
function scanName(b: Uint8Array, p: number): number {
  if (NAME[b[p] ?? 0] !== 2) throw new XmlError(p);
  let q = p + 1;
  while (q < b.length && NAME[b[q]!] !== 0) q++;
  return q;
}

/** Throws at the first C0 control other than tab, LF and CR in b[start, end): XML 1.0 forbids them. */
function checkControls(b: Uint8Array, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const c = b[i]!;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) throw new XmlError(i);
  }
}

/** The offset of U+FFFE or U+FFFF (EF BF BE / EF BF BF), no XML characters either (and they break Excel's own readers); -1 if none. */
function nonCharacter(b: Uint8Array): number {
  for (let i = b.indexOf(0xef); i !== -1; i = b.indexOf(0xef, i + 1)) {
    if (b[i + 1] === 0xbf && (b[i + 2] === 0xbe || b[i + 2] === 0xbf)) return i;
  }
  return -1;
}

function sameBytes(b: Uint8Array, a: number, c: number, len: number): boolean {
  for (let i = 0; i < len; i++) if (b[a + i] !== b[c + i]) return false;
  return true;
}

function sameAt(b: Uint8Array, at: number, bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (b[at + i] !== bytes[i]) return false;
  return true;
}

function isWs(d: number | undefined): boolean {
  return d === 0x20 || d === 0x0a || d === 0x09 || d === 0x0d;
}

/** UTF-8 (BOM or not) as is; UTF-16 with a BOM re-encoded; anything else is not XML we read. */
export function toUtf8(buf: Uint8Array): Uint8Array {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    const le = buf[0] === 0xff;
    const text = new TextDecoder(le ? "utf-16le" : "utf-16be", { fatal: true, ignoreBOM: false });
    try {
      return encodeUtf8(text.decode(buf));
    } catch {
      throw new XmlError(0);
    }
  }
  const bad = firstInvalidUtf8(buf);
  if (bad !== buf.length) throw new XmlError(bad);
  return buf;
}

export class XmlReader {
  /** Handlers set this while they want the text of the current element. */
  wantText = false;
  /** Byte offset of the '<' of the tag being read (for diagnostics and edits). */
  tagStart = 0;
  /** Byte offset just past the '>' of the tag being read. */
  tagEnd = 0;
  attrCount = 0;
  attrId = new Int32Array(16);
  attrStart = new Int32Array(16);
  attrEnd = new Int32Array(16);
  attrFlags = new Uint8Array(16);
  private attrNameStart = new Int32Array(16);
  private attrNameEnd = new Int32Array(16);

  /** Where reading goes on: the next byte, the open elements, whether the root has closed. */
  private p = 0;
  private depth = 0;
  private rootDone = false;
  private started = false;
  /** start, end and id of each open element's qualified name */
  private readonly stack = new Int32Array(MAX_DEPTH * 3);
  private stopAsked = false;

  constructor(
    readonly b: Uint8Array,
    private readonly names: NameTable,
  ) {}

  /** Called by a handler: reading stops after the current event and resume() returns true. */
  pause(): void {
    this.stopAsked = true;
  }

  /** Index of the current element's attribute with this local-name id, or -1. */
  attr(id: number): number {
    for (let i = 0; i < this.attrCount; i++) if (this.attrId[i] === id) return i;
    return -1;
  }

  /** The decoded value of the current element's attribute, or undefined. */
  attrValue(id: number): string | undefined {
    const i = this.attr(id);
    return i < 0 ? undefined : this.attrValueAt(i);
  }

  /** The decoded value of the current element's attribute i. */
  attrValueAt(i: number): string {
    let s = utf8(this.b, this.attrStart[i], this.attrEnd[i]);
    if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n?|[\t\n]/g, " ");
    return this.attrFlags[i]! & TEXT_AMP ? expandEntities(s) : s;
  }

  /** The qualified name of the current attribute i ("r:id"). */
  attrName(i: number): string {
    return utf8(this.b, this.attrNameStart[i]!, this.attrNameEnd[i]!);
  }

  /** The qualified name of the element just opened or closed ("x:sheet"). */
  elementName(): string {
    const b = this.b;
    const start = this.tagStart + (b[this.tagStart + 1] === SLASH ? 2 : 1);
    let end = start;
    while (end < b.length && NAME[b[end]!] !== 0) end++;
    return utf8(b, start, end);
  }

  /** The decoded text of b[start, end) as passed to XmlHandler.text. */
  textValue(start: number, end: number, flags: number): string {
    let s = utf8(this.b, start, end);
    if (s.indexOf("\r") !== -1) s = s.replace(/\r\n?/g, "\n");
    return flags & TEXT_AMP ? expandEntities(s) : s;
  }

  private pushAttr(nameStart: number, nameEnd: number, start: number, end: number, flags: number): void {
    const b = this.b;
    const n = this.attrCount;
    for (let i = 0; i < n; i++) {
      const s = this.attrNameStart[i]!;
      if (this.attrNameEnd[i]! - s === nameEnd - nameStart && sameBytes(b, s, nameStart, nameEnd - nameStart)) throw new XmlError(nameStart);
    }
    if (n === this.attrId.length) this.grow();
    this.attrId[n] = this.names.lookup(b, nameStart, nameEnd);
    this.attrNameStart[n] = nameStart;
    this.attrNameEnd[n] = nameEnd;
    this.attrStart[n] = start;
    this.attrEnd[n] = end;
    this.attrFlags[n] = flags;
    this.attrCount = n + 1;
  }

  private grow(): void {
    const size = this.attrId.length * 2;
    const g32 = (a: Int32Array) => { const r = new Int32Array(size); r.set(a); return r; };
    this.attrId = g32(this.attrId);
    this.attrStart = g32(this.attrStart);
    this.attrEnd = g32(this.attrEnd);
    this.attrNameStart = g32(this.attrNameStart);
    this.attrNameEnd = g32(this.attrNameEnd);
    const f = new Uint8Array(size);
    f.set(this.attrFlags);
    this.attrFlags = f;
  }

  /** Reads the whole part, calling the handler; throws XmlError at the first malformation. */
  run(h: XmlHandler): void {
    while (this.resume(h));
  }

  /**
   * Reads on until a handler calls pause() (then true: there is more) or the part ends (false);
   * throws XmlError at the first malformation.
   */
  resume(h: XmlHandler): boolean {
    const b = this.b;
    const n = b.length;
    if (!this.started) {
      this.started = true;
      const at = nonCharacter(b);
      if (at >= 0) throw new XmlError(at);
      this.p = n >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
    }
    const stack = this.stack;
    let p = this.p;
    let depth = this.depth;
    while (p < n) {
      if (b[p] !== LT) {
        let q = p, flags = 0, ws = true;
        while (q < n) {
          const d = b[q]!;
          if (d === LT) break;
          if (d <= AMP) {
            if (d === AMP) {
              flags = TEXT_AMP;
              ws = false;
            } else if (d > 0x20) ws = false;
            else if (d < 0x20 && d !== 0x09 && d !== 0x0a && d !== 0x0d) throw new XmlError(q);
          } else {
            if (d === GT && b[q - 1] === 0x5d && b[q - 2] === 0x5d) throw new XmlError(q); // "]]>"
            ws = false;
          }
          q++;
        }
        if (depth === 0 && !ws) throw new XmlError(p);
        if (flags) checkEntities(b, p, q);
        if (this.wantText && depth > 0) h.text(this, p, q, flags);
        p = q;
        continue;
      }
      const c1 = b[p + 1];
      if (c1 === SLASH) {
        let q = scanName(b, p + 2);
        const nameEnd = q;
        while (isWs(b[q])) q++;
        if (b[q] !== GT || depth === 0) throw new XmlError(p);
        depth--;
        const s = stack[depth * 3]!, e = stack[depth * 3 + 1]!;
        if (e - s !== nameEnd - p - 2 || !sameBytes(b, s, p + 2, e - s)) throw new XmlError(p);
        this.tagStart = p;
        this.tagEnd = q + 1;
        h.close(stack[depth * 3 + 2]!, this);
        if (depth === 0) this.rootDone = true;
        p = q + 1;
      } else if (c1 === QUEST) {
        p = this.pi(p);
      } else if (c1 === BANG) {
        p = this.bang(h, p, depth);
      } else {
        this.depth = depth;
        p = this.startTag(h, p, stack, depth, this.rootDone);
        if (this.selfClosed) {
          if (depth === 0) this.rootDone = true;
        } else depth++;
      }
      if (this.stopAsked) {
        this.stopAsked = false;
        this.p = p;
        this.depth = depth;
        return true;
      }
    }
    this.p = p;
    this.depth = depth;
    if (depth !== 0 || !this.rootDone) throw new XmlError(n);
    return false;
  }

  /** A processing instruction; "xml" as its target only as the declaration at the very start. */
  private pi(p: number): number {
    const b = this.b;
    const t = scanName(b, p + 2);
    const target = latin1(b, p + 2, t).toLowerCase();
    const bom = b[0] === 0xef ? 3 : 0;
    if (target === "xml" && p !== bom) throw new XmlError(p);
    if (!isWs(b[t]) && !(b[t] === QUEST && b[t + 1] === GT)) throw new XmlError(t);
    const q = indexOfBytes(b, END_PI, t);
    if (q < 0) throw new XmlError(p);
    checkControls(b, t, q);
    if (target === "xml" && !XML_DECL.test(latin1(b, p, q + 2))) throw new XmlError(p);
    return q + 2;
  }

  private bang(h: XmlHandler, p: number, depth: number): number {
    const b = this.b;
    if (b[p + 2] === DASH && b[p + 3] === DASH) {
      const q = indexOfBytes(b, END_COMMENT, p + 4);
      // "--" may not appear inside a comment.
      if (q < 0 || indexOfBytes(b, DOUBLE_DASH, p + 4) < q) throw new XmlError(p);
      checkControls(b, p + 4, q);
      return q + 3;
    }
    if (p + 9 <= b.length && sameAt(b, p + 2, CDATA)) {
      const q = indexOfBytes(b, END_CDATA, p + 9);
      if (q < 0 || depth === 0) throw new XmlError(p);
      checkControls(b, p + 9, q);
      if (this.wantText) h.text(this, p + 9, q, TEXT_CDATA);
      return q + 3;
    }
    const word = latin1(b, p + 2, Math.min(b.length, p + 9)).toUpperCase();
    throw new XmlError(p, word === "DOCTYPE" || word.startsWith("ENTITY"));
  }

  private selfClosed = false;

  private startTag(h: XmlHandler, p: number, stack: Int32Array, depth: number, rootDone: boolean): number {
    const b = this.b;
    const n = b.length;
    let q = scanName(b, p + 1);
    const nameStart = p + 1, nameEnd = q;
    this.attrCount = 0;
    let selfClose = false;
    for (;;) {
      const before = q;
      while (isWs(b[q])) q++;
      const d = b[q];
      if (d === GT) { q++; break; }
      if (d === SLASH) {
        if (b[q + 1] !== GT) throw new XmlError(q);
        q += 2;
        selfClose = true;
        break;
      }
      if (q === before || q >= n) throw new XmlError(q);
      const an = q;
      q = scanName(b, q);
      const ae = q;
      while (isWs(b[q])) q++;
      if (b[q] !== EQ) throw new XmlError(q);
      q++;
      while (isWs(b[q])) q++;
      const quote = b[q];
      if (quote !== DQ && quote !== SQ) throw new XmlError(q);
      const vs = ++q;
      let flags = 0;
      while (q < n) {
        const c = b[q]!;
        if (c === quote) break;
        if (c === LT) throw new XmlError(q);
        if (c === AMP) flags = TEXT_AMP;
        else if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) throw new XmlError(q);
        q++;
      }
      if (q >= n) throw new XmlError(vs);
      if (flags) checkEntities(b, vs, q);
      this.pushAttr(an, ae, vs, q, flags);
      q++;
    }
    if (depth === 0 && rootDone) throw new XmlError(p);
    if (depth >= MAX_DEPTH) throw new XmlError(p);
    const id = this.names.lookup(b, nameStart, nameEnd);
    stack[depth * 3] = nameStart;
    stack[depth * 3 + 1] = nameEnd;
    stack[depth * 3 + 2] = id;
    this.tagStart = p;
    this.tagEnd = q;
    this.selfClosed = selfClose;
    h.open(id, this);
    if (selfClose) h.close(id, this);
    return q;
  }
}
