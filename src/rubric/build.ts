// Builds the scoring Rubric from the validated shape and checks what a schema cannot: maxes that
// add up, unique codes, references that resolve, measures in the units of their indicators, grades
// and groups that exist. Every problem is located at its YAML line, in one pass.
import type { Diagnostic, TextLocation } from "../diagnostics/index.js";
import type {
  Band,
  GradeBand,
  Grades,
  Indicator,
  Item,
  LedgerCap,
  LedgerCode,
  Line,
  Measure,
  MeasuredItem,
  MeasureUnit,
  Points,
  Ranking,
  RankTier,
  Rubric,
  Share,
  SingleAward,
  Target,
  TargetSpec,
  UnitKind,
  VetoEffect,
  YellowCard,
} from "./model.js";
import { ALL_KINDS, allItems, isMeasured, leaves, measuredInputs } from "./model.js";
import { flagWord, formatPoints, formatRate, numberText, parseRate, rateAsWritten, toPoints } from "../model/numbers.js";
import type { Path, Positions } from "./positions.js";
import { totalMost } from "./plan.js";
import type { ItemInput, RubricInput } from "./schema.js";
import { nameForCode } from "./name-for-code.js";

/**
 * The most characters Excel allows a sheet's name (a line's input sheet is read by it), as the
 * writer's xlsx/write/sheet-names.ts has it with the characters refused (a rubric may not reach it).
 */
const SHEET_NAME_MAX = 31;

type Data = Record<string, string | number>;

/** The words of the 未如实上报 column where the rubric gives none. */
const DEFAULT_FLAG_WORDS = { yes: ["是", "√", "Y"], no: ["否", "×", "N"] };

/** The unit a measured value is written in: its indicator's or target's. */
interface MeasureSpec {
  readonly unit: MeasureUnit;
  /** The values a workbook may hold (a rate: 0% to 100% unless the indicator says otherwise). */
  readonly min?: Measure;
  readonly max?: Measure;
}

const PERCENT: MeasureSpec = { unit: "percent" };

/** Points a rubric may write at most (a million: hundredths of it still fit a 32-bit integer many times over). */
const MAX_POINTS = 1_000_000;

class Builder {
  readonly diags: Diagnostic[] = [];
  /** Every code defined so far, with where it was defined (items, lines, indicators, targets, ledger). */
  readonly codes = new Map<string, TextLocation>();
  constructor(readonly pos: Positions) {}

  error(code: string, path: Path, data: Data = {}): void {
    this.say("error", code, path, data);
  }

  warning(code: string, path: Path, data: Data = {}): void {
    this.say("warning", code, path, data);
  }

  /** An error at a key of the mapping at path (the key itself mistaken, not its value). */
  errorAtKey(code: string, path: Path, key: string, data: Data = {}): void {
    this.sayAt("error", code, this.pos.ofKey(path, key), data);
  }

  private say(severity: "error" | "warning", code: string, path: Path, data: Data): void {
    this.sayAt(severity, code, this.pos.of(path), data);
  }

  /** A problem at a place, kept in its anchored block where it is said at an alias. */
  private sayAt(severity: "error" | "warning", code: string, location: TextLocation, data: Data): void {
    const d: Diagnostic = { code, severity, data, location };
    this.pos.pin(d, location);
    this.diags.push(d);
  }

  points(value: number, path: Path): Points {
    // Points are kept as whole hundredths in 32-bit integers: no scheme comes near a million.
    if (Math.abs(value) > MAX_POINTS) {
      this.error("rubric.points-too-large", path, { value: Number.isFinite(value) ? String(value) : "∞", max: MAX_POINTS });
      return Number.NaN;
    }
    const p = toPoints(value);
    // A value so small it rounds to 0 (1e-300) is no 0.01 either.
    if (p === undefined || (p === 0 && value !== 0)) {
      this.error("rubric.points-precision", path, { value });
      return Number.NaN; // poisons the sums above it, whose checks are then skipped
    }
    return p;
  }

  /** A share or weight: 40% or 0.4 → 4000; NaN where it is none (said, by `code`). */
  share(value: string | number, path: Path, code = "rubric.bad-share"): Share {
    const r = parseRate(value);
    if (typeof r !== "number" || r < 0 || r > 10000) {
      this.error(code, path, { value: String(value) });
      return Number.NaN;
    }
    return r;
  }

  /** A measured value in its unit: 95% / 0.95 for a percent, a plain number for a count or amount. */
  measure(value: string | number, spec: MeasureSpec, path: Path): Measure {
    if (spec.unit === "percent") {
      const r = parseRate(value);
      if (typeof r !== "number") {
        // A plain number above 1 (from: 5 for 5%): the percentage it most likely means, asked back.
        const n = typeof value === "number" ? value : Number(numberText(value) ?? Number.NaN);
        // Where the indicator may pass 100% (保值增值率 up to 300%), 1.1 may as well be 110%: both said.
        const over = spec.max !== undefined && spec.max > 10000 && n * 10000 <= spec.max && n * 10000 >= (spec.min ?? 0);
        if (r === "bare" && Number.isFinite(n) && over) this.error("rubric.bad-rate-bare-either", path, { value: String(value), times: formatRate(Math.round(n * 10000)) });
        else if (r === "bare" && Number.isFinite(n)) this.error("rubric.bad-rate-bare", path, { value: String(value), fraction: String(Number((n / 100).toPrecision(12))) });
        else this.error("rubric.bad-rate", path, { value: String(value) });
        return 0;
      }
      // Finer than 0.01 percentage point (95.005%): held rounded, a mark the author never wrote.
      if (Math.abs(rateAsWritten(value) - r) > 1e-6) this.error("rubric.rate-too-fine", path, { value: String(value) });
      return r;
    }
    const p = typeof value === "number" ? toPoints(value) : undefined;
    if (p === undefined) {
      // A floor of an amount as a share of the target (保底值为目标的 80%): no such thing to write;
      // each unit's floor is a target column of its own.
      const share = path.at(-1) === "floor" && typeof value === "string" && /%\s*$/.test(value.normalize("NFKC"));
      // A number finer than 0.01 (0.015 人/亿元): the precision is what is wrong, said first.
      const fine = typeof value === "number" && Number.isFinite(value);
      this.error(share ? "rubric.floor-share-of-target" : fine ? "rubric.number-too-fine" : "rubric.bad-number", path, { value: String(value) });
      return 0;
    }
    return p;
  }

  /**
   * An indicator's or a target's bound (its path ends min or max): where it is written wrong (said), none, an infinite one,
   * rather than 0, which would make every mark compared with it out of range too.
   */
  bound(value: string | number, spec: MeasureSpec, path: Path): Measure {
    const before = this.diags.length;
    const v = this.measure(value, spec, path);
    return this.diags.length === before ? v : path.at(-1) === "min" ? -Infinity : Infinity;
  }

  /**
   * A value a unit's data is compared with (a target, a floor, a band's mark): within what the
   * workbook may hold for the indicator, else no unit could ever reach (or miss) it.
   */
  reachable(value: string | number, spec: MeasureSpec, path: Path): Measure {
    const v = this.measure(value, spec, path);
    const min = spec.min ?? 0;
    const max = spec.max ?? (spec.unit === "percent" ? 10000 : undefined);
    if (v < min || (max !== undefined && v > max)) {
      const show = (x: number): string => (spec.unit === "percent" ? formatRate(x) : formatPoints(x));
      // A target's own value below the least it may hold (a growth rate's −5% with no min): the way
      // to let it be negative, not "no unit could reach it".
      if (path[0] === "targets" && v < min && v < 0) {
        // A least at or below the value: −50% for a few points, the next ten points down past that.
        const least = spec.unit === "percent" ? Math.min(-5000, Math.floor(v / 1000) * 1000) : v * 10;
        this.error(spec.min === undefined ? "rubric.target-below-min" : "rubric.target-below-min-written", path, { value: String(value), min: show(min), example: show(least) });
      }
      else this.error("rubric.measure-unreachable", path, { value: String(value), min: show(min), max: max === undefined ? "∞" : show(max) });
    }
    return v;
  }

  /**
   * An id among others of its kind (unit kinds, a kind's groups, rankings): one used before is an
   * error at this one, naming the line of the first.
   */
  uniqueId(seen: Map<string, Path>, id: string, path: Path): void {
    const first = seen.get(id);
    if (first) this.error("rubric.duplicate-id", path, { code: id, line: this.pos.of(first).line });
    else seen.set(id, path);
  }

  define(code: string, path: Path): void {
    const prev = this.codes.get(code);
    if (prev) this.error("rubric.duplicate-code", path, { code, line: prev.line });
    else this.codes.set(code, this.pos.of(path));
  }
}

/** Keys each item kind may have (besides code, name, max, text, kind). */
const KEYS: Readonly<Record<string, readonly (keyof ItemInput)[]>> = {
  group: ["items"],
  judged: ["step"],
  deducted: ["step"],
  threshold: ["indicator", "target"],
  gate: ["indicator", "target", "veto"],
  linear: ["indicator", "target", "floor"],
  ratio: ["indicator", "target"],
  bands: ["indicator", "bands"],
  shortfall: ["indicator", "target", "per", "deduct", "whole_steps"],
  "relative-best": ["indicator", "include_vetoed", "across_groups"],
  "rank-points": ["indicator", "per_place", "include_vetoed", "across_groups"],
};
const OPTIONAL_KEYS: readonly (keyof ItemInput)[] = ["indicator", "target", "floor", "bands", "per", "deduct", "whole_steps", "per_place", "include_vetoed", "across_groups", "veto", "step", "items"];
/** Keys a kind must have. */
const NEEDS: Readonly<Record<string, readonly (keyof ItemInput)[]>> = {
  threshold: ["indicator", "target"],
  gate: ["indicator", "target"],
  linear: ["indicator", "target", "floor"],
  ratio: ["indicator", "target"],
  bands: ["indicator", "bands"],
  shortfall: ["indicator", "target", "per", "deduct"],
  "relative-best": ["indicator"],
  "rank-points": ["indicator", "per_place"],
};

interface Context {
  readonly measures: ReadonlyMap<string, Indicator | Target>;
  readonly targets: ReadonlySet<string>;
  /** Targets written without a unit (percent by default), by code: where each is defined. */
  readonly unitUnsaid: ReadonlyMap<string, Path>;
  /** Targets with a unit written, by code: where it is. */
  readonly unitAt: ReadonlyMap<string, Path>;
  /** Targets read by an item whose indicator is measured otherwise: where, and as what. */
  readonly mismatched: Map<string, { path: Path; indicator: string; expected: string }[]>;
  /** Targets read by an item whose indicator is measured as they are. */
  readonly agreed: Set<string>;
}

function targetSpec(b: Builder, value: string | number, indicator: { readonly code: string; readonly spec: MeasureSpec } | undefined, ctx: Context, path: Path): TargetSpec {
  if (typeof value === "string" && /^[A-Z]/.test(value)) {
    const t = ctx.measures.get(value);
    if (!t || !ctx.targets.has(value)) b.error("rubric.unknown-target", path, { code: value });
    else if (indicator && t.unit !== indicator.spec.unit) {
      // Said once every item is built (unitMismatches): where the target's unit was left out and
      // no item reads it as a percentage, at the target, once.
      const list = ctx.mismatched.get(value) ?? [];
      list.push({ path, indicator: indicator.code, expected: indicator.spec.unit });
      ctx.mismatched.set(value, list);
    } else if (indicator) ctx.agreed.add(value);
    return { ref: value };
  }
  return { value: b.reachable(value, indicator?.spec ?? PERCENT, path) };
}

/**
 * Targets read by items whose indicators are measured otherwise: where a target's unit was left
 * out (a percentage by default) and no item reads it as one, once at the target, with the unit to
 * write; else at each item.
 */
function unitMismatches(b: Builder, ctx: Context): void {
  for (const [code, list] of ctx.mismatched) {
    const defined = ctx.unitUnsaid.get(code);
    const written = ctx.unitAt.get(code);
    const first = list[0];
    const unit = ctx.measures.get(code)?.unit ?? "percent";
    // Every item that reads it wants one other unit: the target's is what to change.
    if (first && !ctx.agreed.has(code) && list.every((m) => m.expected === first.expected)) {
      if (defined !== undefined) {
        b.error("rubric.target-unit-unsaid", defined, { code, indicator: first.indicator, expected: first.expected });
        continue;
      }
      if (written !== undefined) {
        b.error("rubric.target-unit-other", written, { code, unit, indicator: first.indicator, expected: first.expected });
        continue;
      }
    }
    for (const m of list) b.error("rubric.unit-mismatch", m.path, { code, unit, indicator: m.indicator, expected: m.expected });
  }
}

/**
 * Indicators and targets no item reads (the one item reading it deleted): the template still
 * gives each a column on 指标数据, which units fill for nothing. Said at its code, as advice.
 */
function unread(b: Builder, input: RubricInput, lines: readonly Line[]): void {
  // An item in error (an indicator misspelt) may be the one meant to read it: that is said first.
  if (b.diags.some((d) => d.severity === "error")) return;
  const read = new Set(lines.flatMap((l) => leaves(l.items).filter(isMeasured).flatMap(measuredInputs)));
  (input.indicators ?? []).forEach((m, i) => {
    if (!read.has(m.code)) b.warning("rubric.indicator-unread", ["indicators", i, "code"], { code: m.code, name: m.name });
  });
  (input.targets ?? []).forEach((m, i) => {
    if (!read.has(m.code)) b.warning("rubric.target-unread", ["targets", i, "code"], { code: m.code, name: m.name });
  });
}

function buildItem(b: Builder, input: ItemInput, path: Path, lineCode: string, ctx: Context): Item {
  b.define(input.code, [...path, "code"]);
  if (!input.code.startsWith(lineCode)) b.error("rubric.code-prefix", [...path, "code"], { code: input.code, line: lineCode });
  const base = {
    code: input.code,
    name: input.name,
    max: b.points(input.max, [...path, "max"]),
    text: input.text ?? input.name,
    at: b.pos.of(path),
  };
  const kind = input.items ? "group" : (input.kind ?? "judged");
  if (input.items && input.kind) b.error("rubric.group-with-kind", [...path, "kind"], { code: input.code });
  const allowed = KEYS[kind] ?? [];
  // An item with an indicator and no kind: its kind left out (read as judged, each key of a measured
  // kind was "not for judged"), said once at the item, with the kinds that read an indicator.
  const kindless = !input.items && input.kind === undefined && input.indicator !== undefined;
  if (kindless) b.error("rubric.kind-missing-measured", path, { code: input.code });
  for (const k of OPTIONAL_KEYS) {
    // A veto on another kind of item: said with how a veto is written (a gate on an indicator).
    if (!kindless && input[k] !== undefined && !allowed.includes(k)) b.error(k === "veto" ? "rubric.veto-not-gate" : "rubric.key-not-for-kind", [...path, k], { key: k, kind });
  }
  for (const k of NEEDS[kind] ?? []) {
    if (input[k] === undefined) b.error("rubric.measured-needs", path, { code: input.code, key: k });
  }
  if (input.items) {
    const children = input.items.map((c, i) => buildItem(b, c, [...path, "items", i], lineCode, ctx));
    checkSum(b, base.max, children, [...path, "max"], input.code);
    return { ...base, kind: "group", children };
  }
  // A gate may carry no points: a veto alone (党风廉政 一票否决), met or not.
  if (base.max < 0 || (base.max === 0 && kind !== "gate")) b.error("rubric.leaf-zero", [...path, "max"], { code: input.code });
  if (kind === "judged" || kind === "deducted") {
    const step = input.step === undefined ? 50 : b.points(input.step, [...path, "step"]);
    if (step > 0 && Number.isFinite(base.max) && base.max % step !== 0) {
      const { below, above } = stepsDividing(base.max, step);
      const code = `rubric.max-not-steps${kind === "deducted" ? "-deducted" : ""}${above === undefined ? "-one" : ""}`;
      b.error(code, [...path, "step"], { code: input.code, max: formatPoints(base.max), step: formatPoints(step), below: formatPoints(below), above: above === undefined ? "" : formatPoints(above) });
    }
    return { ...base, kind, step };
  }
  const indicator = input.indicator === undefined ? undefined : ctx.measures.get(input.indicator);
  if (input.indicator !== undefined && (!indicator || ctx.targets.has(input.indicator))) {
    // An indicator's name that looks like a code (PM25, ZB10's name): its code, not "define it".
    const named = [...ctx.measures.values()].filter((m) => !ctx.targets.has(m.code) && m.name.trim() === input.indicator?.trim()).map((m) => m.code);
    if (named.length) nameForCode((code, data) => b.error(code, [...path, "indicator"], { key: `indicator (${input.code})`, ...data }), input.indicator, named);
    else b.error("rubric.unknown-indicator", [...path, "indicator"], { code: input.indicator });
  }
  // An indicator not known (ZB66 for ZB6): its values cannot be read in its unit, and are not said
  // to be wrong in another's (2 of a count of 起 is no "write 2%").
  const unknownFrom = indicator ? undefined : b.diags.length;
  const spec = indicator ?? PERCENT;
  const direction = indicator && "direction" in indicator ? indicator.direction : "higher";
  const measuredBy = indicator && input.indicator !== undefined ? { code: input.indicator, spec: indicator } : undefined;
  const beforeTarget = b.diags.length;
  const target: TargetSpec = input.target === undefined ? { value: 0 } : targetSpec(b, input.target, measuredBy, ctx, [...path, "target"]);
  const targetRead = b.diags.length === beforeTarget;
  const item: { -readonly [K in keyof MeasuredItem]: MeasuredItem[K] } = { ...base, kind: kind as MeasuredItem["kind"], indicator: input.indicator ?? "", target };
  // A fixed target every value the indicator may hold reaches. A gate's never vetoes: a count of
  // 违纪 with target 0 and no direction: lower is met by any count (more being better); said, with
  // the likely cause. A threshold's gives every unit full marks: a lower-is-better rate's target of
  // 1, read as 100% where 1% was meant (近视率 target: 1); said as a warning: a check, not a rule.
  if ((kind === "gate" || (kind === "threshold" && targetRead)) && indicator && "value" in target && input.target !== undefined) {
    const least = indicator.min ?? 0;
    const most = indicator.max ?? (indicator.unit === "percent" ? 10000 : undefined);
    const always = direction === "higher" ? target.value <= least : most !== undefined && target.value >= most;
    const data = { code: input.code, indicator: input.indicator ?? "" };
    if (always && kind === "gate") b.error(direction === "higher" ? "rubric.gate-never-fails" : "rubric.gate-never-fails-lower", [...path, "target"], data);
    else if (always) b.warning(indicator.unit === "percent" && input.target === 1 ? "rubric.threshold-always-met-one" : "rubric.threshold-always-met", [...path, "target"], data);
  }
  // Against the best where lower is better, 0 is the best there is: an indicator that may go below
  // 0 (a growth rate) would give every unit at or below 0 the full marks.
  if (kind === "relative-best" && direction === "lower" && indicator && (indicator.min ?? 0) < 0) {
    b.error("rubric.best-lower-negative", [...path, "indicator"], { code: input.code, indicator: input.indicator ?? "" });
  }
  if (input.floor !== undefined) {
    const beforeFloor = b.diags.length;
    item.floor = targetSpec(b, input.floor, measuredBy, ctx, [...path, "floor"]);
    // A fixed floor must be on the far side of a fixed target: below it when higher is better
    // (both read: one that could not be is said as such, not compared).
    const f = item.floor;
    const bothRead = targetRead && b.diags.length === beforeFloor;
    if (bothRead && "value" in f && "value" in target && (direction === "higher" ? f.value >= target.value : f.value <= target.value)) {
      b.error("rubric.floor-above-target", [...path, "floor"], { code: input.code });
    }
    // The same column for both (floor: MB1 beside target: MB1): 0 points and full marks at one value, no line between.
    if (bothRead && "ref" in f && "ref" in target && f.ref === target.ref) b.error("rubric.floor-same-as-target", [...path, "floor"], { code: input.code, column: f.ref });
  }
  if (input.bands) {
    const saidBefore = b.diags.length;
    // A band whose mark could not be read is said once: it is not compared with its neighbours.
    const unread = new Set<number>();
    const bands: Band[] = input.bands.map((band, i) => {
      const at = [...path, "bands", i];
      if ((band.share === undefined) === (band.points === undefined)) b.error("rubric.band-share-or-points", at, { code: input.code });
      const said = b.diags.length;
      const from = b.reachable(band.from, spec, [...at, "from"]);
      if (b.diags.length > said) unread.add(i);
      const out: Band = {
        from,
        ...(band.share !== undefined ? { share: b.share(band.share, [...at, "share"]) } : {}),
        ...(band.points !== undefined ? { points: b.points(band.points, [...at, "points"]) } : {}),
      };
      if (out.points !== undefined && out.points > base.max) b.error("rubric.band-over-max", [...at, "points"], { code: input.code, max: formatPoints(base.max) });
      return out;
    });
    // Best first: each band asks less than the one before.
    const misordered = (i: number): boolean => {
      const prev = bands[i - 1]?.from ?? 0;
      const cur = bands[i]?.from ?? 0;
      return !unread.has(i) && !unread.has(i - 1) && (direction === "higher" ? cur >= prev : cur <= prev);
    };
    const pairs = Array.from({ length: Math.max(0, bands.length - 1) }, (_, k) => k + 1);
    // Two bands at one mark: the second is never reached (not out of order).
    const same = (i: number): boolean => !unread.has(i) && !unread.has(i - 1) && bands[i]?.from === bands[i - 1]?.from;
    // Written worst first throughout: said once, at the first band.
    const reversed = pairs.length > 0 && pairs.every((i) => misordered(i) && !same(i));
    // What a band pays, to compare with its neighbours.
    const worth = (x: Band | undefined): number => (x?.points !== undefined ? x.points * 10000 : base.max * (x?.share ?? 0));
    const read = pairs.every((i) => !unread.has(i) && !unread.has(i - 1));
    const paysLess = read && pairs.every((i) => worth(bands[i]) <= worth(bands[i - 1])) && pairs.some((i) => worth(bands[i]) < worth(bands[i - 1]));
    const paysMore = read && pairs.every((i) => worth(bands[i]) >= worth(bands[i - 1])) && pairs.some((i) => worth(bands[i]) > worth(bands[i - 1]));
    // Bands of an indicator better the other way (万人发案率 ≤3 full, ≤5 70%, ≤8 40%, its direction
    // left out): reversing them, as bands-reversed says, only gave bands that pay more for worse.
    // Said once, with the direction to write, whether they are in its order or reversed (three
    // bands or more: two paying more for less are as likely two shares swapped).
    const other = direction === "higher" ? "lower" : "higher";
    const otherWay = reversed && paysLess ? "rubric.bands-other-direction" : !reversed && paysMore && pairs.length > 1 && pairs.every((i) => !misordered(i) && !same(i)) ? "rubric.bands-other-direction-reversed" : undefined;
    // (The indicator by its name too: what it counts says which way it goes.)
    const named = indicator ? `${input.indicator ?? ""} ${indicator.name}` : (input.indicator ?? "");
    if (otherWay) b.error(otherWay, [...path, "bands", 0], { code: input.code, indicator: named, direction: other });
    else if (reversed) b.error("rubric.bands-reversed", [...path, "bands", 0], { code: input.code });
    for (const i of pairs) {
      if (same(i)) {
        b.error("rubric.bands-same-mark", [...path, "bands", i, "from"], { code: input.code, band: i + 1, other: i });
        continue;
      }
      if (misordered(i)) {
        if (!reversed) b.error("rubric.bands-order", [...path, "bands", i, "from"], { code: input.code, band: i + 1, other: i });
        continue;
      }
      // And pays no more than it: a lower mark worth more would score 99% below 96%.
      if (!otherWay && worth(bands[i]) > worth(bands[i - 1])) b.error("rubric.bands-pay-order", [...path, "bands", i], { code: input.code });
    }
    // The best band paying less than the max (share: 90% at the top): no unit can reach it. (Not
    // said beside another problem of these bands, which may be why.)
    const top = bands[0];
    if (top && b.diags.length === saidBefore && base.max > 0 && worth(top) < base.max * 10000) {
      b.warning("rubric.bands-top-below-max", [...path, "bands", 0], { code: input.code, top: formatPoints(Math.round(worth(top) / 10000)), max: formatPoints(base.max) });
    }
    item.bands = bands;
  }
  if (input.per !== undefined) {
    // 每低 1 个百分点 written per: 1 is a step of 100 percentage points: nothing would ever be taken off.
    if (spec.unit === "percent" && typeof input.per === "number" && input.per >= 1) b.error("rubric.per-bare-percent", [...path, "per"], { code: input.code, value: input.per, pct: Math.round(input.per * 10000) / 100, way: direction });
    else {
      const said = b.diags.length;
      item.per = b.measure(input.per, spec, [...path, "per"]);
      // Not read (said already): not also "not above 0".
      if (item.per <= 0 && b.diags.length === said) b.error("rubric.per-positive", [...path, "per"], { code: input.code });
    }
  }
  if (input.deduct !== undefined) item.deduct = b.points(input.deduct, [...path, "deduct"]);
  if (input.whole_steps) item.wholeSteps = true;
  if (input.per_place !== undefined) {
    item.step = b.points(input.per_place, [...path, "per_place"]);
    // A place's step as large as the item: every unit but the first scores 0 (per_place: 20 on 15 points).
    if (item.step >= base.max && base.max > 0) b.warning("rubric.per-place-whole", [...path, "per_place"], { code: input.code, step: formatPoints(item.step), max: formatPoints(base.max) });
  }
  if (input.include_vetoed) item.includeVetoed = true;
  if (input.across_groups) item.acrossGroups = true;
  if (input.veto) {
    const v = input.veto;
    if (v.grade !== undefined && v.grade_at_most !== undefined) b.error("rubric.veto-grade-twice", [...path, "veto"], { code: input.code });
    // Its grade alone held (不得评为优秀, no one-vote veto): the unit keeps its rank, so ranked: false
    // contradicts it; it names the grade, or holds nothing; it keeps its prizes, so no place is left.
    const gradeOnly = v.grade_only === true;
    if (gradeOnly) {
      if (v.ranked === false) b.error("rubric.veto-grade-only-unranked", [...path, "veto", "ranked"], { code: input.code });
      if (v.grade === undefined && v.grade_at_most === undefined) b.error("rubric.veto-grade-only-no-grade", [...path, "veto", "grade_only"], { code: input.code });
      if (v.place !== undefined) b.error("rubric.veto-grade-only-place", [...path, "veto", "place"], { code: input.code });
    }
    // A unit not ranked holds no place, and earns no grade to hold down (one set outright it gets):
    // what says otherwise would do nothing.
    if (v.ranked !== true && !gradeOnly) {
      // (place: passed is what becomes of a place a unit not ranked never holds: written, it is no slip.)
      const idle = (["grade_at_most", "place"] as const).filter((k) => v[k] !== undefined && !(k === "place" && v.place === "passed"));
      const first = idle[0];
      if (first) b.error(idle.includes("grade_at_most") ? "rubric.veto-unranked-keys" : "rubric.veto-unranked-place", [...path, "veto", first], { code: input.code, keys: idle.join(", ") });
    }
    const veto: VetoEffect = {
      ranked: v.ranked === true || gradeOnly,
      ...(v.grade !== undefined ? { grade: v.grade } : {}),
      ...(v.grade_at_most !== undefined ? { gradeAtMost: v.grade_at_most } : {}),
      placeEmpty: v.place === "empty" && !gradeOnly,
      ...(gradeOnly ? { gradeOnly: true } : {}),
    };
    item.veto = veto;
  }
  if (unknownFrom !== undefined) {
    const kept = b.diags.filter((d, i) => i < unknownFrom || !UNREAD_WITHOUT_UNIT.has(d.code));
    b.diags.splice(0, b.diags.length, ...kept);
  }
  return item;
}

/** What a value is said to be where its indicator's unit is known: not said where it is not. */
const UNREAD_WITHOUT_UNIT: ReadonlySet<string> = new Set(["rubric.bad-rate", "rubric.bad-rate-bare", "rubric.bad-number", "rubric.number-too-fine", "rubric.measure-unreachable", "rubric.per-bare-percent", "rubric.per-positive", "rubric.floor-share-of-target", "rubric.bands-order", "rubric.bands-reversed", "rubric.bands-other-direction", "rubric.bands-other-direction-reversed", "rubric.bands-same-mark"]);

/** Each line's max times its weight, as the sum is worked (100 × 30% + 20 × 100%). */
function weightedTerms(lines: readonly string[], lineByCode: ReadonlyMap<string, { readonly max: Points }>, weights: Readonly<Record<string, number>>): string {
  return lines.map((lc) => `${formatPoints(lineByCode.get(lc)?.max ?? 0)} × ${formatPoints(weights[lc] ?? 0)}%`).join(" + ");
}

/** Steps an office marks in (hundredths: 0.01 … 5 points). */
const COMMON_STEPS = [1, 5, 10, 20, 25, 50, 100, 200, 500];

/** The common steps nearest to `step` on either side that a max of `max` is a whole number of (0.01 always is). */
function stepsDividing(max: Points, step: Points): { below: Points; above?: Points } {
  const fits = COMMON_STEPS.filter((s) => s <= max && max % s === 0);
  const below = fits.filter((s) => s < step).pop() ?? 1;
  const above = fits.find((s) => s > step);
  return above === undefined ? { below } : { below, above };
}

function checkSum(b: Builder, max: Points, children: readonly { code: string; max: Points }[], path: Path, code: string): void {
  const sum = children.reduce((s, c) => s + c.max, 0);
  if (Number.isNaN(sum) || Number.isNaN(max)) return; // a precision error was reported already
  // Each part's max named: which one was changed is the writer's to see (said at the whole's max).
  const parts = children.map((c) => `${c.code} ${formatPoints(c.max)}`).join("、");
  if (sum !== max) b.error("rubric.max-mismatch", path, { code, max: formatPoints(max), sum: formatPoints(sum), parts });
}

function buildLedgerCode(b: Builder, c: NonNullable<RubricInput["ledger"]>["codes"][number], path: Path, defaultKind: string): LedgerCode {
  b.define(c.code, [...path, "code"]);
  let levels: Record<string, Points> | undefined;
  if (Array.isArray(c.levels)) levels = Object.fromEntries(c.levels.map((l) => [l, 0]));
  // (A level's name without spaces at its ends, as a cell's is read: "市级 " is 市级.)
  else if (c.levels) levels = Object.fromEntries(Object.entries(c.levels).map(([k, v]) => [k.trim(), b.points(v, [...path, "levels", k])]));
  const range = c.range ? { min: b.points(c.range[0], [...path, "range", 0]), max: b.points(c.range[1], [...path, "range", 1]) } : undefined;
  if (range && range.min > range.max) b.error("rubric.range-reversed", [...path, "range"], { code: c.code, from: formatPoints(range.max), to: formatPoints(range.min) });
  const ways = [c.points !== undefined, c.levels !== undefined && !Array.isArray(c.levels), range !== undefined].filter(Boolean).length;
  if (c.kind === "single") {
    if (!Array.isArray(c.levels)) b.error("rubric.single-needs-levels", path, { code: c.code });
    if (c.points !== undefined || range) b.error("rubric.single-has-points", path, { code: c.code });
    if (c.charge !== undefined) b.error("rubric.key-not-for-kind", [...path, "charge"], { key: "charge", kind: "single" });
    // Nothing to cap (a cap meant as the award's count of winners did nothing, unsaid): asked
    // about, the rubric still valid (one that loaded before still does).
    if (c.cap !== undefined) b.warning("rubric.single-has-cap", [...path, "cap"], { code: c.code });
  } else if (Array.isArray(c.levels) && c.points === undefined && range === undefined) {
    // The levels listed as a single-item award lists them (levels: [市级, 省级]): each needs its points.
    b.error("rubric.levels-need-points", [...path, "levels"], { code: c.code, levels: `{ ${c.levels.map((l) => `${l}: …`).join(", ")} }` });
  } else if (ways !== 1) {
    b.error("rubric.ledger-points-ways", path, { code: c.code });
  }
  const charge: LedgerCode["charge"] = c.charge === undefined || c.charge === "total" ? "total" : /^[A-Z]{1,4}$/.test(c.charge) ? { line: c.charge } : { item: c.charge };
  // A cap under what one row of the code is worth (cap: 0.25 on 0.5 a row): every row clipped.
  const points = c.points !== undefined ? b.points(c.points, [...path, "points"]) : undefined;
  const cap = c.cap !== undefined ? b.points(c.cap, [...path, "cap"]) : undefined;
  if (cap !== undefined) {
    const least = Math.min(...[points ?? Number.POSITIVE_INFINITY, ...Object.values(levels ?? {}).filter((v) => v > 0), range && range.min > 0 ? range.min : Number.POSITIVE_INFINITY]);
    if (Number.isFinite(least) && cap > 0 && cap < least) b.warning("rubric.cap-under-a-row", [...path, "cap"], { code: c.code, cap: formatPoints(cap), row: formatPoints(least) });
  }
  return {
    code: c.code,
    name: c.name,
    kind: c.kind,
    text: c.text ?? c.name,
    ...(points !== undefined ? { points } : {}),
    ...(levels ? { levels } : {}),
    ...(range ? { range } : {}),
    ...(c.double_when_flagged ? { doubleWhenFlagged: true } : {}),
    ...(c.once_per_year ? { oncePerYear: true } : {}),
    ...(cap !== undefined ? { cap } : {}),
    unitKinds: c.unit_kinds ?? [defaultKind],
    charge,
    at: b.pos.of(path),
  };
}

/** Places 3 or 3–6, as the messages say them. */
function placesText(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}

function buildTiers(b: Builder, tiers: NonNullable<RubricInput["rankings"][number]["tiers"]>, path: Path): RankTier[] {
  const built = tiers.map((t, ti) => {
    if (t.ranks[0] > t.ranks[1]) b.error("rubric.range-reversed", [...path, ti, "ranks"], { code: t.name, from: t.ranks[1], to: t.ranks[0] });
    return { name: t.name, from: t.ranks[0], to: t.ranks[1], ...(t.amount !== undefined ? { amount: t.amount } : {}) };
  });
  // A place in two tiers would be given the first of them and never the other: said, at the later.
  built.forEach((t, ti) => {
    const earlier = built.slice(0, ti).find((o) => o.from <= t.to && t.from <= o.to);
    if (earlier && t.from <= t.to) b.error("rubric.tiers-overlap", [...path, ti, "ranks"], { code: t.name, other: earlier.name, places: placesText(Math.max(t.from, earlier.from), Math.min(t.to, earlier.to)) });
    // Two tiers of one name (一等奖 at 50,000 and at 30,000): the lists and the report could not tell them apart.
    else if (built.slice(0, ti).some((o) => o.name === t.name)) b.error("rubric.tier-name-twice", [...path, ti, "name"], { tier: t.name });
  });
  // Places left between tiers (一等奖 1st, 二等奖 3rd–4th: the 2nd wins nothing): asked, at the tier after the gap.
  const sorted = built.map((t, ti) => ({ t, ti })).filter(({ t }) => t.from <= t.to).sort((x, y) => x.t.from - y.t.from);
  sorted.forEach(({ t, ti }, k) => {
    const before = sorted[k - 1]?.t;
    if (before && t.from > before.to + 1) b.warning("rubric.tiers-gap", [...path, ti, "ranks"], { code: t.name, other: before.name, places: placesText(before.to + 1, t.from - 1) });
  });
  return built;
}

function buildGrades(b: Builder, g: NonNullable<RubricInput["rankings"][number]["grades"]>, path: Path, ranking: string): Grades {
  const bands: GradeBand[] = g.bands.map((band, i) => {
    const at = [...path, "bands", i];
    const quota = band.quota;
    const share = quota === undefined || (typeof quota === "number" && Number.isInteger(quota) && quota >= 1) ? undefined : b.share(quota, [...at, "quota"], "rubric.bad-quota-share");
    const q = quota === undefined ? {} : share === undefined ? { quotaCount: quota as number } : { quotaShare: Number.isNaN(share) ? 0 : share };
    // A quota of nothing would give the grade to no one, whatever the scores (one not read is said so already).
    if (share === 0) b.error("rubric.quota-zero", [...at, "quota"], { grade: band.name });
    // A least number of places is a share's (a count is its own least and most).
    const min = band.quota_min;
    if (min !== undefined && share === undefined) b.error("rubric.quota-min-without-share", [...at, "quota_min"], { grade: band.name, min });
    // A share's rounding, where not down (四舍五入, 进一): the grades' one setting, held by each share.
    const round = share !== undefined && (g.quota_round === "nearest" || g.quota_round === "up") ? { quotaRound: g.quota_round } : {};
    return { name: band.name, from: b.points(band.from, [...at, "from"]), ...q, ...(min !== undefined && share !== undefined ? { quotaMin: min } : {}), ...round, at: b.pos.of(quota === undefined ? at : [...at, "quota"]) };
  });
  /** A band with a quota: units reaching its mark may be left for the next. */
  const quotaed = (band: GradeBand | undefined): boolean => band?.quotaShare !== undefined || band?.quotaCount !== undefined;
  // A mark under one point beside marks of points (from: 0.9 above from: 80) is a share written for
  // a mark, said as that where the scale is known: not also as out of order.
  const share = (x: number): boolean => x > 0 && x < 100;
  const misordered = (i: number): boolean => ((bands[i]?.from ?? 0) > (bands[i - 1]?.from ?? 0) || (bands[i]?.from === bands[i - 1]?.from && !quotaed(bands[i - 1]))) && share(bands[i]?.from ?? 0) === share(bands[i - 1]?.from ?? 0);
  // Two grades at one mark: the second is never given (not out of order), unless the first has a
  // quota: the units that reach the mark past it get the second (前 20% 为优秀,其余 90 分以上为良好).
  const same = (i: number): boolean => bands[i]?.from === bands[i - 1]?.from && !quotaed(bands[i - 1]);
  const pairs = Array.from({ length: Math.max(0, bands.length - 1) }, (_, k) => k + 1);
  // Written worst first throughout (合格 before 优秀): said once, at the first.
  if (pairs.length > 0 && pairs.every((i) => misordered(i) && !same(i))) b.error("rubric.grade-bands-reversed", [...path, "bands", 0], { ranking });
  else
    for (const i of pairs) {
      const data = { ranking, grade: bands[i]?.name ?? "", better: bands[i - 1]?.name ?? "" };
      if (same(i)) b.error("rubric.grade-bands-same-mark", [...path, "bands", i, "from"], { ...data, from: formatPoints(bands[i]?.from ?? 0) });
      else if (misordered(i)) b.error("rubric.grade-bands-order", [...path, "bands", i, "from"], data);
    }
  // Said at the second, by name (the otherwise grade last: 合格 both a band and what the rest get).
  const names = [...bands.map((x) => x.name), ...(g.otherwise ? [g.otherwise] : [])];
  const again = names.findIndex((n, i) => names.indexOf(n) !== i);
  if (again >= 0) b.error("rubric.grade-twice", again < bands.length ? [...path, "bands", again, "name"] : [...path, "otherwise"], { grade: names[again] ?? "" });
  // Ties are settled only at a quota's cut: without a quota every unit in a band gets it, whatever is written.
  if (g.ties !== undefined && bands.every((x) => x.quotaCount === undefined && x.quotaShare === undefined)) b.warning("rubric.ties-without-quota", [...path, "ties"], { ranking, ties: g.ties });
  // What a share is of means nothing where no band's quota is a share.
  if (g.quota_of !== undefined && bands.every((x) => x.quotaShare === undefined)) b.warning("rubric.quota-of-without-share", [...path, "quota_of"], { ranking, value: g.quota_of });
  // Nor how a share is rounded.
  if (g.quota_round !== undefined && bands.every((x) => x.quotaShare === undefined)) b.warning("rubric.quota-round-without-share", [...path, "quota_round"], { ranking, value: g.quota_round });
  return { bands, ...(g.otherwise !== undefined ? { otherwise: g.otherwise } : {}), ties: g.ties ?? "all", ...(g.quota_of === "assessed" ? { quotaOf: "assessed" as const } : {}) };
}

function buildYellow(b: Builder, yc: NonNullable<RubricInput["rankings"][number]["yellow_card"]>, path: Path): YellowCard {
  // Neither the last place nor a mark: a card never given.
  if (yc.last_place !== true && yc.below === undefined) b.error("rubric.yellow-never", path, { name: yc.name });
  // Both at once, with one of the two missing: the card would be given as the one written alone says.
  else if (yc.both === true && (yc.last_place !== true || yc.below === undefined)) b.error("rubric.yellow-both-needs-two", [...path, "both"], { name: yc.name });
  return { name: yc.name, lastPlace: yc.last_place ?? false, ...(yc.below !== undefined ? { below: b.points(yc.below, [...path, "below"]) } : {}), ...(yc.both === true ? { both: true } : {}) };
}

/** The total as a 办法 names a ranking's key (总分): written total. */
const TOTAL_WORDS: readonly string[] = ["总分", "总得分", "综合得分", "综合总分", "考核总分"];

/** A scheme with no ledger (no bonus, deduction or single-item codes): none, its rows counted as 已认定 were there any. */
const NO_LEDGER: NonNullable<RubricInput["ledger"]> = { statuses: { counted: ["已认定"], pending: [], rejected: [] }, codes: [] };

export function buildRubric(input: RubricInput, pos: Positions, meta: { file: string; sha256: string }): { rubric?: Rubric; diagnostics: Diagnostic[]; advice?: Diagnostic[] } {
  const b = new Builder(pos);

  const indicators: Indicator[] = (input.indicators ?? []).map((ind, i) => {
    b.define(ind.code, ["indicators", i, "code"]);
    // No unit written, but a display of its own or whole counts (件, whole: true): a count or an
    // amount whose unit was left out, said once at the indicator. With a display (件, 万元), read as
    // that unit meanwhile, so that its targets and bands (from: 3) are not each said to be
    // percentages missing their %; whole alone may be a percentage's slip (its 90% then stands).
    const counted = ind.display !== undefined && !/%|％/.test(ind.display);
    const unitLeftOut = ind.unit === undefined && (counted || ind.whole !== undefined);
    const suggestion = ind.display !== undefined && /元/.test(ind.display) ? "amount" : "number";
    const unit = ind.unit ?? (unitLeftOut && counted ? suggestion : "percent");
    const spec = { unit };
    const out: Indicator = {
      code: ind.code,
      name: ind.name,
      unit,
      display: unit === "percent" ? "%" : (ind.display ?? ""),
      direction: ind.direction ?? "higher",
      ...(ind.whole ? { whole: true } : {}),
      ...(ind.min !== undefined ? { min: b.bound(ind.min, spec, ["indicators", i, "min"]) } : {}),
      ...(ind.max !== undefined ? { max: b.bound(ind.max, spec, ["indicators", i, "max"]) } : {}),
    };
    if (out.min !== undefined && out.max !== undefined && out.min >= out.max) b.error("rubric.range-order", ["indicators", i, "max"], { code: ind.code });
    // A display written without a unit (a percentage by default): the unit was left out, not the display put in.
    // So is whole counts without one (whole: true on 投诉件数: "whole does not apply to percent").
    if (unitLeftOut) {
      if (counted) b.error("rubric.display-without-unit", ["indicators", i, "code"], { code: ind.code, display: ind.display ?? "", suggestion });
      else b.error("rubric.whole-without-unit", ["indicators", i, "code"], { code: ind.code });
    } else if (unit === "percent" && ind.display !== undefined) b.error("rubric.display-on-percent", ["indicators", i, "display"], { code: ind.code });
    if (unit === "percent" && ind.whole !== undefined && !unitLeftOut) b.error("rubric.whole-on-percent", ["indicators", i, "whole"], { code: ind.code });
    return out;
  });
  const targets: Target[] = (input.targets ?? []).map((t, i) => {
    b.define(t.code, ["targets", i, "code"]);
    const unit = t.unit ?? "percent";
    const bounds = {
      ...(t.min !== undefined ? { min: b.bound(t.min, { unit }, ["targets", i, "min"]) } : {}),
      ...(t.max !== undefined ? { max: b.bound(t.max, { unit }, ["targets", i, "max"]) } : {}),
    };
    if (bounds.min !== undefined && bounds.max !== undefined && bounds.min >= bounds.max) b.error("rubric.range-order", ["targets", i, "max"], { code: t.code });
    return {
      code: t.code,
      name: t.name,
      unit,
      display: unit === "percent" ? "%" : (t.display ?? ""),
      ...(t.default !== undefined ? { default: b.reachable(t.default, { unit, ...bounds }, ["targets", i, "default"]) } : {}),
      ...bounds,
    };
  });
  const unitUnsaid = new Map((input.targets ?? []).flatMap((t, i) => (t.unit === undefined ? [[t.code, ["targets", i, "code"] as Path] as const] : [])));
  const unitAt = new Map((input.targets ?? []).flatMap((t, i) => (t.unit !== undefined ? [[t.code, ["targets", i, "unit"] as Path] as const] : [])));
  const ctx: Context = { measures: new Map<string, Indicator | Target>([...indicators.map((x) => [x.code, x] as const), ...targets.map((x) => [x.code, x] as const)]), targets: new Set(targets.map((t) => t.code)), unitUnsaid, unitAt, mismatched: new Map(), agreed: new Set() };

  const lines: Line[] = input.lines.map((l, li) => {
    b.define(l.code, ["lines", li, "code"]);
    const items = l.items.map((it, ii) => buildItem(b, it, ["lines", li, "items", ii], l.code, ctx));
    const max = b.points(l.max, ["lines", li, "max"]);
    checkSum(b, max, items, ["lines", li, "max"], l.code);
    return { code: l.code, name: l.name, sheet: l.sheet ?? l.name, max, ...(l.text !== undefined ? { text: l.text } : {}), items };
  });
  unitMismatches(b, ctx);
  unread(b, input, lines);
  const lineByCode = new Map(lines.map((l) => [l.code, l]));
  const sheets = new Map<string, number>();
  input.lines.forEach((l, li) => {
    const sheet = l.sheet ?? l.name;
    const first = sheets.get(sheet);
    if (first !== undefined) {
      // Which line has it, and a name of the line's own to write: by its kind's name (初中党建工作), else its code.
      const kind = input.unit_kinds.find((k) => k.lines.includes(l.code))?.name;
      b.error("rubric.sheet-twice", ["lines", li, l.sheet ? "sheet" : "name"], { sheet, other: input.lines[first]?.code ?? "", code: l.code, suggestion: `${kind ?? l.code}${sheet}` });
    }
    sheets.set(sheet, li);
    // The workbook is read by it: a name Excel cannot give a sheet (a character it refuses, past 31
    // characters) made no template (exceljs's own words, blaming the output folder), or one Excel
    // would cut on opening, and then not find.
    const at: Path = ["lines", li, l.sheet ? "sheet" : "name"];
    const bad = /[[\]:*?/\\]/.exec(sheet);
    const plain = sheet.replace(/[[\]:*?/\\]/g, "");
    if (bad) b.error("rubric.sheet-name-character", at, { sheet, char: bad[0], suggestion: [...plain].slice(0, SHEET_NAME_MAX).join("") || l.code });
    else if ([...sheet].length > SHEET_NAME_MAX) b.error("rubric.sheet-name-long", at, { sheet, count: [...sheet].length, max: SHEET_NAME_MAX, suggestion: [...sheet].slice(0, SHEET_NAME_MAX).join("") });
  });

  const kindIds = new Map<string, Path>();
  const unitKinds: UnitKind[] = input.unit_kinds.map((k, ki) => {
    b.uniqueId(kindIds, k.id, ["unit_kinds", ki, "id"]);
    const scale = b.points(k.scale, ["unit_kinds", ki, "scale"]);
    // A weight not read is said; the sum is then not checked (NaN: it would be one error twice).
    // A line's name for its code (weights: { 党政工作: 40% }): said at it, its weight then read as the line's (not twice more as missing).
    const byName = (key: string): string | undefined => (lineByCode.has(key) ? undefined : k.lines.find((lc) => lineByCode.get(lc)?.name.trim() === key.trim()));
    const weights = k.weights
      ? Object.fromEntries(
          Object.entries(k.weights).map(([key, w]) => {
            const named = byName(key);
            // (Not where the code is keyed too: both said, neither weight taken for the other.)
            if (named !== undefined && k.weights?.[named] !== undefined) {
              b.errorAtKey("rubric.weight-named-twice", ["unit_kinds", ki, "weights"], key, { value: key, code: named });
              return [key, Number.NaN];
            }
            if (named !== undefined) b.errorAtKey("rubric.name-not-code", ["unit_kinds", ki, "weights"], key, { key: `weights (${k.id})`, value: key, code: named });
            return [named ?? key, b.share(w, ["unit_kinds", ki, "weights", key], "rubric.bad-weight-share")];
          }),
        )
      : undefined;
    let sum = 0;
    let shares = 0;
    let plain = 0;
    // Lines each scored on the scale (100 each of a 百分制): their weights are to make 100%.
    const eachOnScale = k.lines.every((lc) => lineByCode.get(lc)?.max === scale);
    const given = weights ? Object.values(weights).reduce((a, w) => a + w, 0) : 0;
    k.lines.forEach((lc, i) => {
      const line = lineByCode.get(lc);
      if (line) plain += line.max;
      if (!line) b.error("rubric.unknown-line", ["unit_kinds", ki, "lines", i], { code: lc, lines: [...lineByCode.keys()].join("、") || "—" });
      else if (weights) {
        const w = weights[lc];
        // (The sum is then not checked: without the weight it is no sum to mend.)
        if (w === undefined) {
          // What it is to weigh: on lines each on the scale, what the others leave of 100%; else 100%, counted as it is.
          const rest = 10000 - given;
          if (eachOnScale && rest > 0) b.error("rubric.weight-missing-share", ["unit_kinds", ki, "weights"], { code: lc, share: `${formatPoints(rest)}%` });
          else b.error("rubric.weight-missing", ["unit_kinds", ki, "weights"], { code: lc, max: formatPoints(line.max) });
          sum = Number.NaN;
        } else {
          sum += (line.max * w) / 10000;
          shares += w;
        }
      } else sum += line.max;
    });
    // A weight on a line of the scheme that is not this kind's (BM on the towns): said so, with the kind's own.
    for (const lc of Object.keys(weights ?? {})) {
      // (A line's name keyed beside its code is said above.)
      if (k.lines.includes(lc) || byName(lc) !== undefined) continue;
      if (lineByCode.has(lc)) b.error("rubric.weight-other-kind", ["unit_kinds", ki, "weights", lc], { code: lc, kind: k.name ?? k.id, lines: k.lines.join("、") });
      else b.error("rubric.unknown-line", ["unit_kinds", ki, "weights", lc], { code: lc, lines: [...lineByCode.keys()].join("、") || "—" });
    }
    if (!Number.isNaN(sum) && !Number.isNaN(scale) && Math.round(sum) !== scale) {
      // Lines each scored on the scale: their weights are to make 100%, said as such. Otherwise
      // Σ max × weight is to make the scale, whatever the weights add up to (a line of 20 weighted
      // 100%, counted as it is, beside two of 100 weighted 30% and 50%).
      if (weights && eachOnScale && !Number.isNaN(shares) && shares !== 10000) b.error("rubric.weights-not-whole", ["unit_kinds", ki, "weights"], { kind: k.name ?? k.id, shares: `${formatPoints(shares)}%`, scale: formatPoints(scale), sum: formatPoints(Math.round(sum)) });
      // Lines whose maxes add up to the scale already (30 + 70 of 100) are weighted by their maxes:
      // the weights count the shares a second time (58 of 100). Said as that, not as a scale of 58.
      else if (weights && Math.round(plain) === scale) b.error("rubric.weighted-twice", ["unit_kinds", ki, "weights"], { kind: k.name ?? k.id, scale: formatPoints(scale), sum: formatPoints(Math.round(sum)), maxes: k.lines.map((lc) => formatPoints(lineByCode.get(lc)?.max ?? 0)).join(" + ") });
      else if (weights) b.error("rubric.weighted-scale-mismatch", ["unit_kinds", ki, "scale"], { kind: k.name ?? k.id, scale: formatPoints(scale), sum: formatPoints(Math.round(sum)), terms: weightedTerms(k.lines, lineByCode, weights) });
      else b.error("rubric.scale-mismatch", ["unit_kinds", ki, "scale"], { kind: k.name ?? k.id, scale: formatPoints(scale), sum: formatPoints(Math.round(sum)) });
    }
    const groups = (k.groups ?? []).map((g) => ({ id: g.id, name: g.name, labels: g.labels }));
    const gids = new Map<string, Path>();
    (k.groups ?? []).forEach((g, gi) => {
      b.uniqueId(gids, g.id, ["unit_kinds", ki, "groups", gi, "id"]);
    });
    return { id: k.id, name: k.name, labels: k.labels, scale, lines: k.lines, ...(weights ? { weights } : {}), groups };
  });
  // A word of the units list (assess template --units) places a unit in one kind, and in one group
  // of it: the same word for two kinds, or for two groups of a kind, would place it by chance.
  const kindOfWord = new Map<string, string>();
  input.unit_kinds.forEach((k, ki) => {
    const groupOfWord = new Map<string, string>();
    const words: [string, Path, string | undefined][] = [
      ...k.labels.map((l, li): [string, Path, undefined] => [l, ["unit_kinds", ki, "labels", li], undefined]),
      ...(k.groups ?? []).flatMap((g, gi) => [g.name, ...g.labels].map((l, li): [string, Path, string] => [l, ["unit_kinds", ki, "groups", gi, ...(li === 0 ? ["name"] : ["labels", li - 1])], g.name])),
    ];
    for (const [word, at, group] of words) {
      const kind = kindOfWord.get(word);
      const other = group === undefined ? undefined : groupOfWord.get(word);
      if (kind !== undefined && kind !== k.name) b.error("rubric.label-twice", at, { label: word, other: kind });
      else if (other !== undefined && other !== group) b.error("rubric.label-twice", at, { label: word, other });
      kindOfWord.set(word, kind ?? k.name);
      if (group !== undefined && other === undefined) groupOfWord.set(word, group);
    }
  });
  input.lines.forEach((l, li) => {
    const owners = input.unit_kinds.filter((k) => k.lines.includes(l.code)).length;
    if (owners !== 1) b.error("rubric.line-owner", ["lines", li, "code"], { code: l.code, count: owners });
  });
  /** The rubric's unit kinds as a message lists them: village(村)、community(社区). */
  const kindsText = unitKinds.map((k) => `${k.id}(${k.name})`).join("、");
  const kindOfLine = (lc: string): UnitKind | undefined => unitKinds.find((k) => k.lines.includes(lc));
  const itemsOfKind = (kind: string): Map<string, Item> => new Map(lines.filter((l) => kindOfLine(l.code)?.id === kind).flatMap((l) => allItems(l.items).map((i) => [i.code, i] as const)));

  const defaultKind = unitKinds[0]?.id ?? "";
  const ledgerIn = input.ledger ?? NO_LEDGER;
  const ledger = ledgerIn.codes.map((c, i) => buildLedgerCode(b, c, ["ledger", "codes", i], defaultKind));
  ledger.forEach((c, i) => {
    c.unitKinds.forEach((k, ki) => {
      if (!kindIds.has(k)) b.error("rubric.unknown-unit-kind", ["ledger", "codes", i, "unit_kinds", ki], { kind: k, allowed: kindsText });
    });
    const charge = c.charge;
    if (charge === "total") return;
    for (const k of c.unitKinds) {
      const target = "line" in charge ? undefined : itemsOfKind(k).get(charge.item);
      // A group's points are its items' sum: a row charged to it would part it from them.
      if (target?.kind === "group") {
        b.error("rubric.charge-group-item", ["ledger", "codes", i, "charge"], { code: target.code, items: allItems(target.children).filter((x) => x.kind !== "group").map((x) => `${x.code} ${x.name}`).join("、"), line: lines.find((l) => allItems(l.items).includes(target))?.code ?? "" });
        continue;
      }
      // An item worth nothing (a gate that only vetoes): a deduction cannot take it below 0, a bonus
      // not above its max, so every row charged to it would count 0, unsaid.
      if (target !== undefined && target.max === 0) {
        b.error("rubric.charge-zero-item", ["ledger", "codes", i, "charge"], { code: target.code, name: target.name, line: lines.find((l) => allItems(l.items).includes(target))?.code ?? "" });
        continue;
      }
      const ok = "line" in charge ? kindOfLine(charge.line)?.id === k : target !== undefined;
      if (ok) continue;
      const written = "line" in charge ? charge.line : charge.item;
      const at = ["ledger", "codes", i, "charge"];
      const kindName = unitKinds.find((x) => x.id === k)?.name ?? k;
      // The total by another word (Total, 总分), a code in lower case, a line's or item's name: the one meant.
      if (/^\s*(total|(计入|扣减|扣)?(总分|总计|总得分|综合得分)|从总分中?(扣除|扣减|减去)?)\s*$/i.test(written)) {
        b.error("rubric.charge-total-word", at, { value: written });
        continue;
      }
      // A line or item of another kind, the code naming no kinds (a department's deduction charged to
      // its line, unit_kinds left out): it is for the first kind alone, and unit_kinds is what to write
      // (the first kind's lines, which the message listed, were no answer).
      const owner = "line" in charge ? kindOfLine(charge.line) : unitKinds.find((x) => itemsOfKind(x.id).has(charge.item));
      if (owner && owner.id !== k && ledgerIn.codes[i]?.unit_kinds === undefined) {
        b.error("rubric.charge-other-kind", at, { code: written, ledgerCode: c.code, kind: kindName, other: owner.name, otherId: owner.id });
        continue;
      }
      const kindLines = lines.filter((l) => kindOfLine(l.code)?.id === k);
      // A code for several kinds charged to one kind's line or item: the others have none of it,
      // and the way out is a code per kind (their lines alone were no answer).
      if (owner && owner.id !== k && c.unitKinds.includes(owner.id)) {
        b.error("rubric.charge-kinds-split", at, { code: written, ledgerCode: c.code, kind: kindName, other: owner.name, lines: kindLines.map((l) => `${l.code} ${l.name}`).join("、") });
        continue;
      }
      const targets = [...kindLines.map((l) => ({ code: l.code, name: l.name })), ...itemsOfKind(k).values()];
      const meant = targets.find((x) => x.code.toUpperCase() === written.trim().toUpperCase() || x.name === written.trim());
      if (meant) b.error("rubric.unknown-charge-meant", at, { code: written, kind: kindName, meant: `${meant.code} ${meant.name}` });
      else b.error("rubric.unknown-charge", at, { code: written, kind: kindName, lines: kindLines.map((l) => `${l.code} ${l.name}`).join("、") });
    }
  });
  const ledgerByCode = new Map(ledger.map((l) => [l.code, l]));
  const caps: LedgerCap[] = (ledgerIn.caps ?? []).map((cap, i) => {
    const at = ["ledger", "caps", i];
    if ((cap.codes === undefined) === (cap.kind === undefined)) b.error("rubric.cap-codes-or-kind", at, {});
    (cap.codes ?? []).forEach((c, ci) => {
      const lc = ledgerByCode.get(c);
      // No such code (with the codes there are), or a single-item award's, which scores nothing to cap.
      if (!lc) b.error("rubric.cap-unknown-code", [...at, "codes", ci], { code: c, codes: ledger.filter((x) => x.kind !== "single").map((x) => x.code).join("、") });
      else if (lc.kind === "single") b.error("rubric.unknown-ledger-code", [...at, "codes", ci], { code: c });
    });
    // A cap over bonuses and deductions together would let one kind's rows crowd out the other's.
    const kinds = new Set((cap.codes ?? []).map((c) => ledgerByCode.get(c)?.kind).filter((k) => k === "bonus" || k === "deduction"));
    if (kinds.size > 1) {
      const ofKind = (kind: string): string => (cap.codes ?? []).filter((c) => ledgerByCode.get(c)?.kind === kind).join("、");
      b.error("rubric.cap-mixed-kinds", [...at, "codes"], { bonus: ofKind("bonus"), deduction: ofKind("deduction") });
    }
    const codes = cap.codes ?? ledger.filter((l) => l.kind === cap.kind).map((l) => l.code);
    return { codes, max: b.points(cap.max, [...at, "max"]), ...(cap.codes === undefined && cap.kind ? { kind: cap.kind } : {}) };
  });
  // Caps over groups of codes nest (one within another) or stay apart: two that share some codes
  // but not all would fill in an order that depends on the rows.
  caps.forEach((c, i) => {
    if (c.kind) return;
    const earlier = caps.slice(0, i).find((o) => !o.kind && o.codes.some((x) => c.codes.includes(x)) && !o.codes.every((x) => c.codes.includes(x)) && !c.codes.every((x) => o.codes.includes(x)));
    if (earlier) b.error("rubric.caps-overlap", ["ledger", "caps", i, "codes"], { codes: c.codes.join("、"), other: earlier.codes.join("、") });
  });
  // A word in two categories (counted and pending) decides nothing; one listed twice in one is a slip.
  const st = ledgerIn.statuses;
  const categories = [["counted", st.counted], ["pending", st.pending], ["rejected", st.rejected]] as const;
  const statusWords = [...st.counted, ...st.pending, ...st.rejected];
  const twice = statusWords.find((w, i) => statusWords.indexOf(w) !== i);
  if (twice !== undefined) {
    const inOne = categories.find(([, words]) => words.indexOf(twice) !== words.lastIndexOf(twice));
    const key = inOne?.[0] ?? categories.filter(([, words]) => words.includes(twice)).at(-1)?.[0] ?? "counted";
    b.error(inOne ? "rubric.status-repeated" : "rubric.status-twice", ["ledger", "statuses", key], { word: twice });
  }
  // A flag word both yes and no (1 in both) reads as yes: a deduction doubled that the office meant not to.
  const fw = ledgerIn.flag_words;
  if (fw) {
    const no = new Set(fw.no.map(flagWord));
    const both = fw.yes.find((w) => no.has(flagWord(w)));
    if (both !== undefined) b.error("rubric.flag-word-both", ["ledger", "flag_words", "no"], { word: both });
  }
  const levelOrder = input.level_order ?? input.awards?.level_order ?? assumedLevelOrder(b, ledger);

  const rankingIds = new Map<string, Path>();
  const rankings: Ranking[] = input.rankings.map((r, ri) => {
    const at = ["rankings", ri];
    b.uniqueId(rankingIds, r.id, [...at, "id"]);
    // A name two rankings share: two sheets of it (区直部门排名 (2)), and award lists that cannot tell them apart.
    const twin = input.rankings.slice(0, ri).findIndex((o) => o.name.trim() === r.name.trim());
    if (twin >= 0) b.error("rubric.ranking-name-twice", [...at, "name"], { name: r.name, line: b.pos.of(["rankings", twin, "name"]).line });
    const kind = unitKinds.find((k) => k.id === r.unit_kind);
    // All kinds at once (all, 全部): a ranking is of one kind.
    if (!kind && ALL_KINDS.test(r.unit_kind.trim())) b.error("rubric.ranking-one-kind", [...at, "unit_kind"], { allowed: kindsText });
    else if (!kind) b.error("rubric.unknown-unit-kind", [...at, "unit_kind"], { kind: r.unit_kind, allowed: kindsText });
    if (r.group !== undefined && !kind?.groups.some((g) => g.id === r.group)) b.error("rubric.unknown-group", [...at, "group"], { group: r.group, kind: r.unit_kind, allowed: kind?.groups.map((g) => `${g.id}(${g.name})`).join("、") || "—" });
    const items = itemsOfKind(r.unit_kind);
    const keys = new Set(["total", ...(kind?.lines ?? []), ...items.keys()]);
    // Every key there is (a long list cut short), and where a line's or an item's name was written, its code.
    const codes = ["total", ...keys].filter((k, i, all) => all.indexOf(k) === i);
    const list = (ks: readonly string[]): string => (ks.length > 40 ? [...ks.slice(0, 40), "…"] : ks).join(", ");
    const allowed = list(codes);
    // A tie-breaker that could part units: not the ranking's own key, nor an item worth nothing (a gate's veto alone).
    const tieAllowed = list(codes.filter((k) => k !== r.by && items.get(k)?.max !== 0));
    // (And the total by its words: 总分, 综合得分.)
    const named = new Map([...TOTAL_WORDS.map((w) => [w, "total"] as const), ...lines.filter((l) => kind?.lines.includes(l.code)).map((l) => [l.name, l.code] as const), ...[...items.values()].map((i) => [i.name, i.code] as const)]);
    // Said as what it is: the ranking's key, or one of its tie-breakers.
    const badKey = (key: string, path: Path, tie: boolean): void => {
      const code = named.get(key);
      // (总分 as a tie-breaker of a ranking by the total: the key met again, said as that.)
      if (tie && code === r.by) b.error("rubric.tie-breaker-again", path, { key });
      else if (code !== undefined) b.error(tie ? "rubric.tie-breaker-name" : "rubric.rank-key-name", path, { key, code });
      else {
        // Another kind's line or item (a ranking copied from the 县's to the 区's): said whose it is.
        const other = unitKinds.find((k) => k.id !== kind?.id && (k.lines.includes(key) || itemsOfKind(k.id).has(key)));
        if (other && kind) b.error(tie ? "rubric.tie-breaker-other-kind" : "rubric.rank-key-other-kind", path, { key, other: other.name, kind: kind.name, allowed: tie ? tieAllowed : allowed });
        else b.error(tie ? "rubric.unknown-tie-breaker" : "rubric.unknown-rank-key", path, { key, allowed: tie ? tieAllowed : allowed });
      }
    };
    // (Of a kind not known, its keys are not: said at the kind alone.)
    if (kind && !keys.has(r.by)) badKey(r.by, [...at, "by"], false);
    (r.tie_breakers ?? []).forEach((t, ti) => {
      if (!kind) return;
      if (!keys.has(t)) badKey(t, [...at, "tie_breakers", ti], true);
      // A key met again separates nothing the first did not.
      else if (t === r.by || (r.tie_breakers ?? []).indexOf(t) < ti) b.error("rubric.tie-breaker-again", [...at, "tie_breakers", ti], { key: t });
      // An item worth nothing (a gate that only vetoes): every unit has 0 there, and no tie is parted.
      else if (items.get(t)?.max === 0) b.warning("rubric.tie-breaker-worth-nothing", [...at, "tie_breakers", ti], { key: t });
    });
    const grades = r.grades ? buildGrades(b, r.grades, [...at, "grades"], r.name ?? r.id) : undefined;
    const yellowCard = r.yellow_card ? buildYellow(b, r.yellow_card, [...at, "yellow_card"]) : undefined;
    if (kind) marksOnScale(kind, r.by, grades, yellowCard, at);
    return {
      id: r.id,
      name: r.name,
      unitKind: r.unit_kind,
      ...(r.group !== undefined ? { group: r.group } : {}),
      by: r.by,
      tieBreakers: r.tie_breakers ?? [],
      tiers: buildTiers(b, r.tiers ?? [], [...at, "tiers"]),
      ...(grades ? { grades } : {}),
      single: (r.single ?? []).map((s) => single(s)),
      ...(yellowCard ? { yellowCard } : {}),
    };
  });

  /**
   * A grade's mark or a card's mark written on another scale: above the most the ranking's key can
   * be (900 for 90 on a 百分制: no unit could get the grade, every unit would get the card), or a
   * fraction of it (0.7 for 70). By the total, the most is the kind's scale and what bonuses may
   * add (their overall cap; none said: not checked above); by a line or an item, its max (what is
   * charged to it never takes it past that).
   */
  function marksOnScale(kind: UnitKind, by: string, grades: Grades | undefined, card: YellowCard | undefined, at: Path): void {
    const line = lines.find((l) => l.code === by && kind.lines.includes(l.code));
    const item = by === "total" || line ? undefined : itemsOfKind(kind.id).get(by);
    const scale = by === "total" ? kind.scale : (line?.max ?? item?.max);
    if (scale === undefined || Number.isNaN(scale)) return;
    const most = by === "total" ? totalMost(kind, ledger, caps) : scale;
    // By the total the kind is named (乡镇(街道)总分); by a line or an item, that (JJ 经济发展).
    const of = by === "total" ? "" : "-key";
    const data = { kind: by === "total" ? kind.name : `${by} ${line?.name ?? item?.name ?? ""}`, most: most === undefined ? "" : formatPoints(most), scale: formatPoints(scale) };
    // A fraction of a scale of ten or more: a share written for a mark.
    const fraction = (mark: number): boolean => scale >= 1000 && mark > 0 && mark < 100;
    // Marks of a 百分制 on a larger scale (优秀 ≥ 90 where the total is out of 1000, copied from an
    // example): every unit would get the best grade. Warned of once, with the marks on its scale.
    // (Not where the rubric is wrong already: a scale of 1000 over lines of 100 is said itself.)
    const sound = !b.diags.some((d) => d.severity === "error");
    const hundredth = (mark: number): boolean => sound && scale >= 20000 && mark > 0 && mark * 5 < scale && mark <= 10000;
    const onScale = (mark: number): string => formatPoints(Math.round((mark * scale) / 10000));
    grades?.bands.forEach((band, i) => {
      const path = [...at, "grades", "bands", i, "from"];
      if (most !== undefined && band.from > most) b.error(`rubric.grade-unreachable${of}`, path, { ...data, grade: band.name, from: formatPoints(band.from) });
      else if (fraction(band.from)) b.error(`rubric.mark-fraction${of}`, path, { ...data, mark: formatPoints(band.from), example: formatPoints(band.from * 100) });
      // (Said at the best grade's mark, once, with every grade's mark on the scale.)
      else if (i === 0 && hundredth(band.from)) {
        b.warning(`rubric.mark-low-for-scale${of}`, path, { ...data, mark: formatPoints(band.from), share: String(Math.round((band.from * 100) / scale)), marks: (grades?.bands ?? []).map((x) => `${x.name} ${onScale(x.from)}`).join("、") });
      }
    });
    const below = card?.below;
    if (below === undefined || !card) return;
    const path = [...at, "yellow_card", "below"];
    if (most !== undefined && below > most) b.error(`rubric.yellow-below-everyone${of}`, path, { ...data, name: card.name, below: formatPoints(below) });
    else if (fraction(below)) b.error(`rubric.mark-fraction${of}`, path, { ...data, mark: formatPoints(below), example: formatPoints(below * 100) });
    else if (hundredth(below)) b.warning(`rubric.mark-low-for-scale${of}`, path, { ...data, mark: formatPoints(below), share: String(Math.round((below * 100) / scale)), marks: `${card.name} ${onScale(below)}` });
  }

  function single(s: { code: string; name: string; amount?: number | undefined; count?: number | undefined; linked_item?: string | undefined }): SingleAward {
    return { code: s.code, name: s.name, ...(s.amount !== undefined ? { amount: s.amount } : {}), ...(s.count !== undefined ? { count: s.count } : {}), ...(s.linked_item !== undefined ? { linkedItem: s.linked_item } : {}) };
  }

  // The outcomes of one ranking as version-1 rubrics wrote them (awards: at the top).
  const a = input.awards;
  if (a) {
    const i = rankings.findIndex((r) => r.id === a.ranking);
    const r = rankings[i];
    if (!r) b.error("rubric.unknown-ranking", ["awards", "ranking"], { id: a.ranking });
    else {
      if ((a.tiers?.length && r.tiers.length) || (a.single?.length && r.single.length) || (a.yellow_card && r.yellowCard)) b.error("rubric.outcomes-twice", ["awards"], { id: a.ranking });
      rankings[i] = {
        ...r,
        tiers: r.tiers.length ? r.tiers : buildTiers(b, a.tiers ?? [], ["awards", "tiers"]),
        single: r.single.length ? r.single : (a.single ?? []).map(single),
        ...(r.yellowCard ? {} : a.yellow_card ? { yellowCard: buildYellow(b, a.yellow_card, ["awards", "yellow_card"]) } : {}),
      };
      // Its card's mark on the ranking's scale, as one written under the ranking is.
      const kind = unitKinds.find((k) => k.id === r.unitKind);
      const card = rankings[i]?.yellowCard;
      if (kind && card && !r.yellowCard) marksOnScale(kind, r.by, undefined, card, ["awards"]);
    }
  }

  // Single-item awards: codes of kind single whose levels are ranked, linked items of the kind.
  const singlePaths = (ri: number, si: number): Path => (input.rankings[ri]?.single ? ["rankings", ri, "single", si] : ["awards", "single", si]);
  rankings.forEach((r, ri) => {
    // (A ranking of a kind not known is said at its unit_kind alone.)
    if (!unitKinds.some((k) => k.id === r.unitKind)) return;
    const items = itemsOfKind(r.unitKind);
    r.single.forEach((s, si) => {
      const lc = ledgerByCode.get(s.code);
      const kindName = (id: string): string => unitKinds.find((k) => k.id === id)?.name ?? id;
      if (!lc || lc.kind !== "single") b.error("rubric.unknown-single", [...singlePaths(ri, si), "code"], { code: s.code });
      else if (!lc.unitKinds.includes(r.unitKind)) {
        // Its rows may name only units of other kinds: no unit of this ranking could ever win it.
        b.error("rubric.single-other-kind", [...singlePaths(ri, si), "code"], { code: s.code, kinds: lc.unitKinds.map(kindName).join("、"), kind: kindName(r.unitKind) });
      } else {
        for (const lv of Object.keys(lc.levels ?? {})) {
          if (!levelOrder.includes(lv)) b.error("rubric.unknown-level", ["ledger", "codes", ledger.indexOf(lc), "levels"], { level: lv });
        }
      }
      if (s.linkedItem !== undefined && !items.has(s.linkedItem)) {
        // An item of another kind (a department's, on the towns' ranking) is said as such.
        const other = unitKinds.find((k) => itemsOfKind(k.id).has(s.linkedItem ?? ""));
        const at = [...singlePaths(ri, si), "linked_item"];
        if (other) b.error("rubric.linked-item-other-kind", at, { code: s.linkedItem, other: other.name, kind: kindName(r.unitKind) });
        else b.error("rubric.unknown-linked-item", at, { code: s.linkedItem, kind: kindName(r.unitKind), items: [...items.keys()].slice(0, 40).join("、") });
      }
    });
  });

  // A single-item award a kind's units may claim that no ranking of that kind gives: their claims
  // recognized would win nothing, unsaid (a code's unit_kinds wider than its rankings).
  // (Not where the rubric is wrong already: a ranking said unknown gives nothing either.)
  const sound = !b.diags.some((d) => d.severity === "error");
  ledger.forEach((lc, li) => {
    if (lc.kind !== "single" || !sound) return;
    const idle = lc.unitKinds.filter((k) => unitKinds.some((x) => x.id === k) && !rankings.some((r) => r.unitKind === k && r.single.some((s) => s.code === lc.code)));
    if (!idle.length) return;
    const named = idle.map((k) => unitKinds.find((x) => x.id === k)?.name ?? k).join("、");
    const at: Path = ledgerIn.codes[li]?.unit_kinds ? ["ledger", "codes", li, "unit_kinds"] : ["ledger", "codes", li, "code"];
    b.warning("rubric.single-not-given", at, { code: lc.code, name: lc.name, kinds: named });
  });
  // …and one given only on some groups' rankings of a kind ranked in groups (乡镇组排名 alone): a unit
  // of another group (街道组) claims it, is recognized, and wins nothing, said only in its notes.
  ledger.forEach((lc, li) => {
    if (lc.kind !== "single" || !sound) return;
    for (const k of unitKinds) {
      if (!lc.unitKinds.includes(k.id)) continue;
      const giving = rankings.filter((r) => r.unitKind === k.id && r.single.some((s) => s.code === lc.code));
      if (!giving.length || giving.some((r) => r.group === undefined)) continue;
      const idle = k.groups.filter((g) => !giving.some((r) => r.group === g.id));
      if (!idle.length) continue;
      // (By the award's own name, as its ranking gives it: 经济发展突出贡献奖, the code's being 经济发展突出贡献.)
      const award = giving[0]?.single.find((s) => s.code === lc.code)?.name ?? lc.name;
      b.warning("rubric.single-not-given-groups", ["ledger", "codes", li, "code"], { code: lc.code, name: award, rankings: giving.map((r) => r.name).join("、"), groups: idle.map((g) => g.name).join("、") });
    }
  });

  // A veto's grade must be a grade of every ranking of the gate's unit kind that gives grades (one
  // without it would grade the vetoed unit as if no veto held it there).
  lines.forEach((l, li) => {
    const kind = kindOfLine(l.code);
    // A line of no kind (or of two) is said as such; its vetoes have no rankings to look at.
    if (!kind) return;
    const graded = rankings.filter((r) => r.unitKind === kind?.id && r.grades !== undefined);
    const namesOf = (r: Ranking): string[] => [...(r.grades?.bands.map((g) => g.name) ?? []), ...(r.grades?.otherwise ? [r.grades.otherwise] : [])];
    const grades = new Set(graded.flatMap(namesOf));
    // A place left empty or passed on is a prize place's: where no ranking of the kind gives prizes,
    // the key does nothing (as ties without a quota).
    const prized = rankings.some((r) => r.unitKind === kind?.id && r.tiers.length > 0);
    const walk = (list: readonly Item[], path: Path, written: readonly ItemInput[] | undefined): void =>
      list.forEach((it, ii) => {
        if (it.kind === "group") walk(it.children, [...path, ii, "items"], written?.[ii]?.items);
        else if (isMeasured(it) && it.veto) {
          const place = written?.[ii]?.veto?.place;
          if (place !== undefined && it.veto.ranked && !prized) b.warning("rubric.veto-place-no-prizes", [...path, ii, "veto", "place"], { code: it.code, place, kind: kind.name });
          for (const [g, key] of [[it.veto.grade, "grade"], [it.veto.gradeAtMost, "grade_at_most"]] as const) {
            if (g === undefined) continue;
            if (!graded.length) b.error("rubric.veto-grade-no-grades", [...path, ii, "veto", key], { grade: g, kind: kind.name, key });
            else if (!grades.has(g)) {
              // As the 办法 words it (不得评为优秀、良好): the best grade it may still have, or (定为不合格) the grade.
              const meant = vetoGradeWords(g, graded[0] ? namesOf(graded[0]) : []);
              if (meant && "step" in meant) b.error("rubric.veto-grade-step", [...path, ii, "veto", key], { code: it.code, grade: g });
              else if (meant) b.error("rubric.veto-grade-words", [...path, ii, "veto", key], { code: it.code, grade: g, fixed: meant.fixed, key: meant.key });
              else b.error("rubric.unknown-grade", [...path, ii, "veto", key], { code: it.code, key, grade: g, kind: kind.name, rankings: graded.map((r) => r.name).join("、"), allowed: [...grades].join("、") });
            }
            else {
              const without = graded.find((r) => !namesOf(r).includes(g));
              if (without) b.error("rubric.veto-grade-not-in", [...path, ii, "veto", key], { grade: g, ranking: without.name, allowed: namesOf(without).join("、") });
              // The best grade of every ranking as the best a vetoed unit may have: it holds none back
              // (不得评为优秀 read as grade_at_most: 优秀).
              // (Kept ranked alone: unranked, grade_at_most is said to do nothing at all.)
              else if (key === "grade_at_most" && it.veto.ranked) {
                // In the order written, the best first; not where a ranking's bands are written out of
                // order, or with a mark that is a share (said apart: 良好 is then not taken for the
                // best, nor 优秀 offered for it).
                const ordered = (r: Ranking): boolean => (r.grades?.bands ?? []).every((x, i, all) => i === 0 || x.from < (all[i - 1]?.from ?? 0));
                const next = graded[0] ? namesOf(graded[0])[1] : undefined;
                if (next !== undefined && graded.every(ordered) && graded.every((r) => namesOf(r)[0] === g)) b.warning(it.veto.gradeOnly ? "rubric.grade-only-at-most-best" : "rubric.veto-grade-at-most-best", [...path, ii, "veto", key], { code: it.code, grade: g, next });
              }
              // A grade set that is not the lowest: a unit that misses the gate and scores lower is raised
              // to it (良好 set: a 50-point unit graded 良好). 不得评为优秀 is grade_at_most; said.
              else if (key === "grade" && graded.some((r) => namesOf(r).at(-1) !== g)) b.warning("rubric.veto-grade-raises", [...path, ii, "veto", key], { code: it.code, grade: g });
            }
          }
        }
      });
    walk(l.items, ["lines", li, "items"], input.lines[li]?.items);
  });

  // Two columns of 指标数据 of one name (a copy whose name was not changed): a header is told from
  // the other by its code alone, and a form filled by its names cannot say which is which.
  const named = new Map<string, string>();
  const measures = [...(input.indicators ?? []).map((m, i) => ({ m, path: ["indicators", i, "name"] })), ...(input.targets ?? []).map((m, i) => ({ m, path: ["targets", i, "name"] }))];
  for (const { m, path } of measures) {
    const first = named.get(m.name.trim());
    if (first !== undefined) b.warning("rubric.same-name", path, { code: m.code, other: first, name: m.name.trim() });
    else named.set(m.name.trim(), m.code);
  }

  // Two items of one line of one name (a copy whose name was not changed): their columns and rows
  // told apart by their codes alone. (Across lines a name may stand twice: 综合评价 in each.)
  input.lines.forEach((l, li) => {
    const seen = new Map<string, string>();
    const walkNames = (items: readonly ItemInput[] | undefined, at: Path): void =>
      (items ?? []).forEach((it, ii) => {
        const first = seen.get(it.name.trim());
        if (first !== undefined) b.warning("rubric.item-same-name", [...at, ii, "name"], { code: it.code, other: first, name: it.name.trim() });
        else seen.set(it.name.trim(), it.code);
        walkNames(it.items, [...at, ii, "items"]);
      });
    walkNames(l.items, ["lines", li, "items"]);
  });

  // The report's words fill {district} and {year} from the cover, and no other: {county} was printed
  // as it stands in a signed report's title.
  for (const key of ["title", "name", "issuer"] as const) {
    const words = input.report?.[key];
    // (Written with full-width braces, ｛year｝ is not filled in either.)
    const other = words === undefined ? undefined : [...words.matchAll(/[{｛][^{}｛｝]*[}｝]/g)].find((m) => m[0] !== "{district}" && m[0] !== "{year}");
    if (other) b.error("rubric.report-placeholder", ["report", key], { key, placeholder: other[0] });
  }
  // Warnings (an order assumed) do not make a rubric invalid: they are its advice.
  const warnings = b.diags.filter((d) => d.severity === "warning");
  if (b.diags.length > warnings.length) return { diagnostics: b.diags };
  const rubric: Rubric = {
    id: input.id,
    version: input.version,
    effective: input.effective,
    title: input.title,
    ...(input.source !== undefined ? { source: input.source } : {}),
    report: { ...(input.report?.title ? { title: input.report.title } : {}), ...(input.report?.name ? { name: input.report.name } : {}), ...(input.report?.issuer ? { issuer: input.report.issuer } : {}) },
    unitKinds,
    lines,
    indicators,
    targets,
    ledger,
    caps,
    statuses: ledgerIn.statuses,
    flaggedWords: ledgerIn.flag_words ?? DEFAULT_FLAG_WORDS,
    levelOrder,
    rankings,
    sha256: meta.sha256,
    file: meta.file,
  };
  return { rubric, diagnostics: [], advice: warnings };
}

/** Levels of recognition as offices rank them, highest first. */
const KNOWN_LEVELS = ["国家级", "部级", "省级", "厅级", "市级", "县级", "区级", "乡镇级", "街道级"];

/**
 * The levels' order where the rubric gives no level_order (it decides who wins an award given to
 * so many, and what a recognition is held at): the usual one where every level is one of its
 * words (国家级 > 省级 > 市级), else by the points the codes give each level, most first, and then
 * a warning naming the order taken (written lowest first, 市级 would have outranked 国家级).
 */
function assumedLevelOrder(b: Builder, ledger: readonly LedgerCode[]): string[] {
  const seen = [...new Set(ledger.flatMap((l) => Object.keys(l.levels ?? {})))];
  if (seen.every((lv) => KNOWN_LEVELS.includes(lv))) return seen.sort((x, y) => KNOWN_LEVELS.indexOf(x) - KNOWN_LEVELS.indexOf(y));
  const most = new Map<string, number>();
  for (const l of ledger) for (const [lv, p] of Object.entries(l.levels ?? {})) most.set(lv, Math.max(most.get(lv) ?? Number.NEGATIVE_INFINITY, p));
  const order = [...seen].sort((x, y) => (most.get(y) ?? 0) - (most.get(x) ?? 0));
  // Said at the first code's levels; taken from their points where any has some, else as listed.
  const first = ledger.findIndex((l) => Object.keys(l.levels ?? {}).length > 0);
  const byPoints = [...most.values()].some((p) => p !== 0);
  if (order.length > 1) b.warning(byPoints ? "rubric.level-order-assumed" : "rubric.level-order-listed", ["ledger", "codes", first, "levels"], { levels: order.join(" > "), written: order.join(", ") });
  return order;
}

/**
 * A veto's grade as a 办法 words it, for the grades best first: 不得评为优秀、良好 (不得评优, 不得评先评优)
 * is grade_at_most the grade after the last named; 最高为良好 is grade_at_most: 良好; 直接定为不合格
 * (年度考核为不合格) is grade: 不合格; 降一档 is no grade at all (said so: `step`).
 */
function vetoGradeWords(written: string, names: readonly string[]): { fixed: string; key: "grade" | "grade_at_most" } | { step: true } | undefined {
  const text = written.trim().replace(/^年度(考核)?(等次)?/, "");
  if (/^降(低)?(一|1|两|2)?(档|级|个等次|等)/.test(text)) return { step: true };
  // 先进 and 优秀 alike: the best grade.
  if (/^(不得|不能|不可|不予)(参加)?(评先评优|评优评先|评先|评优|评先进)$/.test(text)) return names[1] !== undefined ? { fixed: names[1], key: "grade_at_most" } : undefined;
  const barred = /^(?:不得|不能|不可|不予)(?:评为|评定为|定为|评)(.+?)(?:等次)?$/.exec(text);
  if (barred) {
    const listed = (barred[1] ?? "").split(/[、,,和及或与]/).map((x) => x.trim()).filter((x) => x !== "");
    const at = listed.map((x) => names.findIndex((n) => n === x || (x.length === 1 && n.startsWith(x)))).filter((i) => i >= 0);
    const next = at.length === listed.length && at.length ? names[Math.max(...at) + 1] : undefined;
    return next !== undefined ? { fixed: next, key: "grade_at_most" } : undefined;
  }
  const most = /^(?:最高|至多|最多|只能|仅能)(?:评为|定为|评定为|为|评)?(.+?)(?:等次)?$/.exec(text)?.[1]?.trim();
  if (most !== undefined && names.includes(most)) return { fixed: most, key: "grade_at_most" };
  const set = /^(?:直接|一律)?(?:评定|确定|评|定)?为(.+?)(?:等次)?$/.exec(text)?.[1]?.trim();
  return set !== undefined && names.includes(set) ? { fixed: set, key: "grade" } : undefined;
}
