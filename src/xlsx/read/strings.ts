// Rich-text aware string collection shared by the shared-strings table and inline strings: the
// text of <t> directly in the string item and in its <r> runs, never the phonetic <rPh> runs.
import { fail } from "../fail.js";
import { NameTable, nameIds } from "../names.js";
import { parsePart } from "./part.js";
import { decodeOoxmlEscapes } from "../text.js";
import type { XmlHandler, XmlReader } from "../xml.js";
import type { Pkg } from "./zip.js";

/**
 * Follows the elements inside one string item (<si> or <is>). Feed it every open/close/text below
 * the item; `take()` returns the item's text and resets.
 */
export class RichText {
  private parts: string[] = [];
  private depth = 0;
  private tDepth = -1;
  private skipDepth = -1;

  constructor(
    private readonly tId: number,
    private readonly rPhId: number,
  ) {}

  open(id: number, x: XmlReader): void {
    this.depth++;
    if (this.skipDepth >= 0) return;
    if (id === this.rPhId) this.skipDepth = this.depth;
    else if (id === this.tId && this.tDepth < 0) {
      this.tDepth = this.depth;
      x.wantText = true;
    }
  }

  close(x: XmlReader): void {
    if (this.depth === this.skipDepth) this.skipDepth = -1;
    if (this.depth === this.tDepth) {
      this.tDepth = -1;
      x.wantText = false;
    }
    this.depth--;
  }

  text(x: XmlReader, start: number, end: number, flags: number): void {
    if (this.tDepth >= 0) this.parts.push(x.textValue(start, end, flags));
  }

  take(): string {
    const s = this.parts.length === 1 ? this.parts[0]! : this.parts.join("");
    this.parts = [];
    this.depth = 0;
    this.tDepth = -1;
    this.skipDepth = -1;
    return decodeOoxmlEscapes(s);
  }
}

const NAMES = ["sst", "si", "t", "rPh", "r", "rPr", "strike", "val"] as const;
const N = nameIds(NAMES);
const TABLE = new NameTable(NAMES);

/**
 * The shared-strings table, in index order; an absent part means an empty table. More than maxItems
 * strings is xlsx.too-many-cells. `struck` gets the indexes of strings struck through in every run
 * (rich text: a cell's text struck while it was being typed in).
 */
export async function readSharedStrings(pkg: Pkg, part: string | undefined, maxItems: number, struck?: Set<number>): Promise<string[]> {
  const out: string[] = [];
  if (part === undefined) return out;
  const rich = new RichText(N.t, N.rPh);
  let inSi = false;
  let depth = 0;
  // Of the item being read: its runs, and those struck through.
  let runs = 0;
  let struckRuns = 0;
  const handler: XmlHandler = {
    open(id: number, x: XmlReader) {
      depth++;
      if (inSi) {
        rich.open(id, x);
        if (depth === 3 && id === N.r) runs++;
        else if (depth === 5 && id === N.strike) {
          const v = x.attrValue(N.val);
          if (v === undefined || v === "1" || v === "true") struckRuns++;
        }
      } else if (depth === 2 && id === N.si) {
        inSi = true;
        runs = struckRuns = 0;
      }
    },
    close(id: number, x: XmlReader) {
      if (inSi && depth === 2 && id === N.si) {
        inSi = false;
        if (out.length >= maxItems) fail("xlsx.too-many-cells", { limit: maxItems });
        if (runs > 0 && struckRuns === runs) struck?.add(out.length);
        out.push(rich.take());
      } else if (inSi) rich.close(x);
      depth--;
    },
    text(x: XmlReader, start: number, end: number, flags: number) {
      rich.text(x, start, end, flags);
    },
  };
  await parsePart(pkg.zip, part, pkg.codec, TABLE, handler);
  return out;
}
