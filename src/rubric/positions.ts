// Maps a path in the parsed YAML (["lines", 0, "items", 2, "max"]) back to LINE:COL in the file,
// so every rubric problem points at the line to fix.
import { isMap, isNode, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";
import type { TextLocation } from "../diagnostics/index.js";

export type Path = readonly (string | number)[];

export class Positions {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lc: LineCounter,
    private readonly file: string,
  ) {}

  at(offset: number): TextLocation {
    const { line, col } = this.lc.linePos(offset);
    return { file: this.file, line, col };
  }

  /** The node at path, or its nearest existing ancestor. */
  node(path: Path): Node | undefined {
    for (let n = path.length; n >= 0; n--) {
      const found = this.doc.getIn(path.slice(0, n), true);
      if (isNode(found)) return found;
    }
    return undefined;
  }

  /** Where the value at path starts (or its nearest ancestor's, when the key is missing). */
  of(path: Path): TextLocation {
    const n = this.node(path);
    return this.at(n?.range?.[0] ?? 0);
  }

  /** Where a key is written inside the map at path (for unknown keys). */
  ofKey(path: Path, key: string): TextLocation {
    const parent = this.doc.getIn(path, true);
    if (isMap(parent)) {
      for (const pair of parent.items) {
        if (isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) return this.at(pair.key.range[0]);
      }
    }
    return this.of(path);
  }

  /** Whether path names an existing sequence element or map entry. */
  has(path: Path): boolean {
    const n = this.doc.getIn(path, true);
    return isNode(n) || isSeq(n);
  }
}
