// Builds the engine's Rubric from the validated shape and checks what a schema cannot: maxes that
// add up, unique codes, references that resolve. Every problem is located at its YAML line.
import type { Diagnostic, TextLocation } from "../diagnostics/index.js";
import type {
  Item,
  LedgerCode,
  Line,
  Points,
  Rate,
  Rubric,
  TargetSpec,
  UnitKind,
} from "./model.js";
import { allItems } from "./model.js";
import { formatPoints, parseRate, toPoints } from "../model/numbers.js";
import type { Path, Positions } from "./positions.js";
import type { ItemInput, RubricInput } from "./schema.js";

type Data = Record<string, string | number>;

class Builder {
  readonly diags: Diagnostic[] = [];
  /** Every code defined so far, with where it was defined (items, lines, indicators, targets, ledger). */
  readonly codes = new Map<string, TextLocation>();
  constructor(readonly pos: Positions) {}

  error(code: string, path: Path, data: Data = {}): void {
    this.diags.push({ code, severity: "error", data, location: this.pos.of(path) });
  }

  points(value: number, path: Path): Points {
    const p = toPoints(value);
    if (p === undefined) {
      this.error("rubric.points-precision", path, { value });
      return Number.NaN; // poisons the sums above it, whose checks are then skipped
    }
    return p;
  }

  rate(value: string | number, path: Path): Rate {
    const r = parseRate(value);
    if (typeof r !== "number" || r > 10000) {
      this.error("rubric.bad-rate", path, { value: String(value) });
      return 0;
    }
    return r;
  }

  define(code: string, path: Path): void {
    const prev = this.codes.get(code);
    if (prev) this.error("rubric.duplicate-code", path, { code, line: prev.line });
    else this.codes.set(code, this.pos.of(path));
  }
}

function buildItem(b: Builder, input: ItemInput, path: Path, lineCode: string): Item {
  b.define(input.code, [...path, "code"]);
  if (!input.code.startsWith(lineCode)) b.error("rubric.code-prefix", [...path, "code"], { code: input.code, line: lineCode });
  const base = {
    code: input.code,
    name: input.name,
    max: b.points(input.max, [...path, "max"]),
    text: input.text ?? input.name,
    at: b.pos.of(path),
  };
  if (input.items) {
    if (input.kind) b.error("rubric.group-with-kind", [...path, "kind"], { code: input.code });
    for (const k of ["indicator", "target", "floor"] as const) {
      if (input[k] !== undefined) b.error("rubric.key-not-for-kind", [...path, k], { key: k, kind: "group" });
    }
    const children = input.items.map((c, i) => buildItem(b, c, [...path, "items", i], lineCode));
    checkSum(b, base.max, children, [...path, "max"], input.code);
    return { ...base, kind: "group", children };
  }
  const kind = input.kind ?? "judged";
  if (base.max <= 0) b.error("rubric.leaf-zero", [...path, "max"], { code: input.code });
  if (kind === "judged") {
    for (const k of ["indicator", "target", "floor"] as const) {
      if (input[k] !== undefined) b.error("rubric.key-not-for-kind", [...path, k], { key: k, kind });
    }
    return { ...base, kind };
  }
  if (input.indicator === undefined) b.error("rubric.measured-needs", path, { code: input.code, key: "indicator" });
  if (input.target === undefined) b.error("rubric.measured-needs", path, { code: input.code, key: "target" });
  let target: TargetSpec = { value: 0 };
  if (typeof input.target === "string" && /^[A-Z]/.test(input.target)) target = { ref: input.target };
  else if (input.target !== undefined) target = { value: b.rate(input.target, [...path, "target"]) };
  let floor: Rate | undefined;
  if (kind === "linear") {
    if (input.floor === undefined) b.error("rubric.measured-needs", path, { code: input.code, key: "floor" });
    else floor = b.rate(input.floor, [...path, "floor"]);
    if (floor !== undefined && "value" in target && floor >= target.value) {
      b.error("rubric.floor-above-target", [...path, "floor"], { code: input.code });
    }
  } else if (input.floor !== undefined) {
    b.error("rubric.key-not-for-kind", [...path, "floor"], { key: "floor", kind });
  }
  return { ...base, kind, indicator: input.indicator ?? "", target, ...(floor !== undefined ? { floor } : {}) };
}

function checkSum(b: Builder, max: Points, children: readonly { max: Points }[], path: Path, code: string): void {
  const sum = children.reduce((s, c) => s + c.max, 0);
  if (Number.isNaN(sum) || Number.isNaN(max)) return; // a precision error was reported already
  if (sum !== max) b.error("rubric.max-mismatch", path, { code, max: formatPoints(max), sum: formatPoints(sum) });
}

function buildLedgerCode(b: Builder, c: RubricInput["ledger"]["codes"][number], path: Path): LedgerCode {
  b.define(c.code, [...path, "code"]);
  let levels: Record<string, Points> | undefined;
  if (Array.isArray(c.levels)) levels = Object.fromEntries(c.levels.map((l) => [l, 0]));
  else if (c.levels) levels = Object.fromEntries(Object.entries(c.levels).map(([k, v]) => [k, b.points(v, [...path, "levels", k])]));
  const range = c.range ? { min: b.points(c.range[0], [...path, "range", 0]), max: b.points(c.range[1], [...path, "range", 1]) } : undefined;
  if (range && range.min > range.max) b.error("rubric.range-order", [...path, "range"], { code: c.code });
  const ways = [c.points !== undefined, c.levels !== undefined && !Array.isArray(c.levels), range !== undefined].filter(Boolean).length;
  if (c.kind === "single") {
    if (!Array.isArray(c.levels)) b.error("rubric.single-needs-levels", path, { code: c.code });
    if (c.points !== undefined || range) b.error("rubric.single-has-points", path, { code: c.code });
  } else if (ways !== 1) {
    b.error("rubric.ledger-points-ways", path, { code: c.code });
  }
  return {
    code: c.code,
    name: c.name,
    kind: c.kind,
    text: c.text ?? c.name,
    ...(c.points !== undefined ? { points: b.points(c.points, [...path, "points"]) } : {}),
    ...(levels ? { levels } : {}),
    ...(range ? { range } : {}),
    ...(c.double_when_flagged ? { doubleWhenFlagged: true } : {}),
    ...(c.once_per_year ? { oncePerYear: true } : {}),
    ...(c.cap !== undefined ? { cap: b.points(c.cap, [...path, "cap"]) } : {}),
    at: b.pos.of(path),
  };
}

export function buildRubric(
  input: RubricInput,
  pos: Positions,
  meta: { file: string; sha256: string },
): { rubric?: Rubric; diagnostics: Diagnostic[] } {
  const b = new Builder(pos);

  const indicators = input.indicators.map((ind, i) => {
    b.define(ind.code, ["indicators", i, "code"]);
    return { code: ind.code, name: ind.name };
  });
  const targets = input.targets.map((t, i) => {
    b.define(t.code, ["targets", i, "code"]);
    return { code: t.code, name: t.name, ...(t.default !== undefined ? { default: b.rate(t.default, ["targets", i, "default"]) } : {}) };
  });

  const lines: Line[] = input.lines.map((l, li) => {
    b.define(l.code, ["lines", li, "code"]);
    const items = l.items.map((it, ii) => buildItem(b, it, ["lines", li, "items", ii], l.code));
    const max = b.points(l.max, ["lines", li, "max"]);
    checkSum(b, max, items, ["lines", li, "max"], l.code);
    return { code: l.code, name: l.name, sheet: l.sheet ?? l.name, max, items };
  });
  const lineByCode = new Map(lines.map((l) => [l.code, l]));

  // Measured items must read an indicator and a target that exist.
  const indicatorCodes = new Set(indicators.map((i) => i.code));
  const targetCodes = new Set(targets.map((t) => t.code));
  input.lines.forEach((l, li) => {
    const walk = (list: ItemInput[], path: Path): void =>
      list.forEach((it, ii) => {
        const p = [...path, ii];
        if (it.indicator !== undefined && !indicatorCodes.has(it.indicator)) {
          b.error("rubric.unknown-indicator", [...p, "indicator"], { code: it.indicator });
        }
        if (typeof it.target === "string" && /^[A-Z]/.test(it.target) && !targetCodes.has(it.target)) {
          b.error("rubric.unknown-target", [...p, "target"], { code: it.target });
        }
        if (it.items) walk(it.items, [...p, "items"]);
      });
    walk(l.items, ["lines", li, "items"]);
  });

  const unitKinds: UnitKind[] = input.unit_kinds.map((k, ki) => {
    const scale = b.points(k.scale, ["unit_kinds", ki, "scale"]);
    let sum = 0;
    k.lines.forEach((lc, i) => {
      const line = lineByCode.get(lc);
      if (!line) b.error("rubric.unknown-line", ["unit_kinds", ki, "lines", i], { code: lc });
      else sum += line.max;
    });
    if (!Number.isNaN(sum) && !Number.isNaN(scale) && sum !== scale) b.error("rubric.scale-mismatch", ["unit_kinds", ki, "scale"], { kind: k.id, scale: formatPoints(scale), sum: formatPoints(sum) });
    return { id: k.id, name: k.name, labels: k.labels, scale, lines: k.lines };
  });
  const seenKinds = new Set<string>();
  input.unit_kinds.forEach((k, ki) => {
    if (seenKinds.has(k.id)) b.error("rubric.duplicate-code", ["unit_kinds", ki, "id"], { code: k.id, line: 0 });
    seenKinds.add(k.id);
  });
  input.lines.forEach((l, li) => {
    const owners = input.unit_kinds.filter((k) => k.lines.includes(l.code)).length;
    if (owners !== 1) b.error("rubric.line-owner", ["lines", li, "code"], { code: l.code, count: owners });
  });

  const ledger = input.ledger.codes.map((c, i) => buildLedgerCode(b, c, ["ledger", "codes", i]));
  const statusWords = [...input.ledger.statuses.counted, ...input.ledger.statuses.pending, ...input.ledger.statuses.rejected];
  if (new Set(statusWords).size !== statusWords.length) b.error("rubric.status-twice", ["ledger", "statuses"]);

  const itemCodes = new Set(lines.flatMap((l) => allItems(l.items).map((i) => i.code)));
  const rankKeys = (kind: string): Set<string> =>
    new Set([...(input.unit_kinds.find((k) => k.id === kind)?.lines ?? []), "total"]);
  const rankingIds = new Set<string>();
  const rankings = input.rankings.map((r, ri) => {
    if (rankingIds.has(r.id)) b.error("rubric.duplicate-code", ["rankings", ri, "id"], { code: r.id, line: 0 });
    rankingIds.add(r.id);
    const keys = rankKeys(r.unit_kind);
    if (!keys.has(r.by)) b.error("rubric.unknown-rank-key", ["rankings", ri, "by"], { key: r.by, allowed: [...keys].join(", ") });
    (r.tie_breakers ?? []).forEach((t, ti) => {
      if (!keys.has(t)) b.error("rubric.unknown-rank-key", ["rankings", ri, "tie_breakers", ti], { key: t, allowed: [...keys].join(", ") });
    });
    return { id: r.id, name: r.name, unitKind: r.unit_kind, by: r.by, tieBreakers: r.tie_breakers ?? [] };
  });

  const a = input.awards;
  if (!rankingIds.has(a.ranking)) b.error("rubric.unknown-ranking", ["awards", "ranking"], { id: a.ranking });
  const tiers = a.tiers.map((t, ti) => {
    if (t.ranks[0] > t.ranks[1]) b.error("rubric.range-order", ["awards", "tiers", ti, "ranks"], { code: t.name });
    return { name: t.name, from: t.ranks[0], to: t.ranks[1], ...(t.amount !== undefined ? { amount: t.amount } : {}) };
  });
  const ledgerByCode = new Map(ledger.map((l) => [l.code, l]));
  const single = a.single.map((s, si) => {
    const lc = ledgerByCode.get(s.code);
    if (!lc || lc.kind !== "single") b.error("rubric.unknown-single", ["awards", "single", si, "code"], { code: s.code });
    else {
      for (const lv of Object.keys(lc.levels ?? {})) {
        if (!a.level_order.includes(lv)) b.error("rubric.unknown-level", ["ledger", "codes", ledger.indexOf(lc), "levels"], { level: lv });
      }
    }
    if (s.linked_item !== undefined && !itemCodes.has(s.linked_item)) {
      b.error("rubric.unknown-item", ["awards", "single", si, "linked_item"], { code: s.linked_item });
    }
    return {
      code: s.code,
      name: s.name,
      amount: s.amount,
      ...(s.count !== undefined ? { count: s.count } : {}),
      ...(s.linked_item !== undefined ? { linkedItem: s.linked_item } : {}),
    };
  });
  const yc = a.yellow_card;
  const yellowCard = yc
    ? { name: yc.name, lastPlace: yc.last_place, ...(yc.below !== undefined ? { below: b.points(yc.below, ["awards", "yellow_card", "below"]) } : {}) }
    : undefined;

  if (b.diags.length) return { diagnostics: b.diags };
  const rubric: Rubric = {
    id: input.id,
    version: input.version,
    effective: input.effective,
    title: input.title,
    unitKinds,
    lines,
    indicators,
    targets,
    ledger,
    statuses: input.ledger.statuses,
    flaggedWords: input.ledger.flag_words,
    rankings,
    awards: { ranking: a.ranking, levelOrder: a.level_order, tiers, single, ...(yellowCard ? { yellowCard } : {}) },
    sha256: meta.sha256,
    file: meta.file,
  };
  return { rubric, diagnostics: [] };
}
