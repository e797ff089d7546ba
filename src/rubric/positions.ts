// Maps a path in the parsed YAML (["lines", 0, "items", 2, "max"]) back to LINE:COL in the file,
// so every rubric problem points at the line to fix.
import { isAlias, isMap, isNode, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";
import type { TextLocation } from "../diagnostics/index.js";

export type Path = readonly (string | number)[];

export class Positions {
  /**
   * `throughAliases`: a path through an alias (grades: *g) is found in the block its anchor names,
   * where a problem of what is written there is mended (the schema's); without it, at the alias,
   * where the block is used (a code valid in one ranking and not in the one that uses it again).
   */
  constructor(
    private readonly doc: Document.Parsed,
    private readonly lc: LineCounter,
    private readonly file: string,
    private readonly throughAliases = true,
  ) {}

  /**
   * Where a location at an alias (given by `of` or `ofKey` at uses) has the same path's place in
   * the block its anchor names: by "line:col" of the alias's. Of several paths through one alias,
   * the last asked is kept: a problem of another of them is then said at its use, as it was before.
   */
  private readonly anchors = new Map<string, TextLocation>();

  /** The same document's positions, at an alias where a path goes through one (a problem of how a block is used). */
  atUses(): Positions {
    return new Positions(this.doc, this.lc, this.file, false);
  }

  /** A location given at uses that is at an alias: the same path's place in the anchored block (else undefined). */
  anchorOf(at: TextLocation): TextLocation | undefined {
    return this.anchors.get(`${at.line}:${at.col}`);
  }

  /**
   * Each problem said at an alias, with its own path's place in the anchored block, kept as it is
   * said: the place by the alias's line:col alone is the last path asked through it (a quota_min's
   * problem of 优秀 was moved to 合格's band, asked of after it).
   */
  private readonly pinned = new WeakMap<object, TextLocation>();

  /** Keeps, for a problem just located at uses, its place in the anchored block (where it is at an alias). */
  pin(problem: object, at: TextLocation): void {
    const there = this.anchorOf(at);
    if (there) this.pinned.set(problem, there);
  }

  /** A problem's place in the anchored block, as pinned when it was said; else undefined. */
  pinnedOf(problem: object): TextLocation | undefined {
    return this.pinned.get(problem);
  }

  /** At uses, a location at an alias is kept with its place in the anchored block. */
  private kept(at: TextLocation, through: () => TextLocation): TextLocation {
    if (this.throughAliases) return at;
    const there = through();
    if (there.line !== at.line || there.col !== at.col) this.anchors.set(`${at.line}:${at.col}`, there);
    return at;
  }

  at(offset: number): TextLocation {
    const { line, col } = this.lc.linePos(offset);
    return { file: this.file, line, col };
  }

  /**
   * The node at path, or its nearest existing ancestor. Through an alias (grades: *g), the node
   * its anchor names: a problem there is written once, where the anchor is (&g), to be mended there.
   */
  node(path: Path): Node | undefined {
    return this.walk(path).node;
  }

  /** The node at path through aliases, or its nearest existing ancestor; and whether it is the one at path. */
  private walk(path: Path): { node: Node | undefined; whole: boolean } {
    let node: Node | undefined = isNode(this.doc.contents) ? this.doc.contents : undefined;
    for (const step of path) {
      if (!this.throughAliases && node && isAlias(node)) return { node, whole: false };
      const at = this.resolved(node);
      let next: unknown;
      if (isMap(at)) next = at.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(step))?.value;
      else if (isSeq(at) && typeof step === "number") next = at.items[step];
      if (!isNode(next)) return { node: this.throughAliases ? this.resolved(node) : node, whole: false };
      node = next;
    }
    return { node: this.throughAliases ? this.resolved(node) : node, whole: true };
  }

  /** An alias's anchored node (an alias of an alias followed on); any other node as it is. */
  private resolved(node: Node | undefined): Node | undefined {
    for (let i = 0; i < 100 && node && isAlias(node); i++) {
      const target: unknown = node.resolve(this.doc);
      node = isNode(target) ? target : undefined;
    }
    return node;
  }

  /** Where the value at path starts (or its nearest ancestor's, when the key is missing). */
  of(path: Path): TextLocation {
    const n = this.node(path);
    return this.kept(this.at(n?.range?.[0] ?? 0), () => this.through().of(path));
  }

  private through(): Positions {
    return new Positions(this.doc, this.lc, this.file, true);
  }

  /** Where a key is written inside the map at path (for unknown keys). */
  ofKey(path: Path, key: string): TextLocation {
    const { node: parent, whole } = this.walk(path);
    if (!whole) return this.of(path);
    if (isMap(parent)) {
      for (const pair of parent.items) {
        // (A key written as a list or a map, ? [a, b]: named as the parser writes it out, [ a, b ],
        // told apart by what it holds, its spaces and quotes aside.)
        const bare = (t: string): string => t.replace(/[\s"']/g, "");
        const named = isScalar(pair.key) ? String(pair.key.value) === key : isNode(pair.key) && bare(String(pair.key)) === bare(key);
        if (named && isNode(pair.key) && pair.key.range) return this.kept(this.at(pair.key.range[0]), () => this.through().ofKey(path, key));
      }
    }
    return this.of(path);
  }

  /** Whether path names an existing sequence element or map entry (through aliases: what an alias brings is there). */
  has(path: Path): boolean {
    return this.through().walk(path).whole;
  }
}
