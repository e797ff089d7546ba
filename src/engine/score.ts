// Scores a submission: every unit's items (the relative kinds against the others of its group),
// groups and lines, the ledger charged to the total, a line or an item, the weighted total
// (floored at 0), the rankings, then what each ranking decides. Pure: the same rubric and
// submission always give the same results. Each unit's points are computed once, into one shared
// integer array.
import type { LedgerCode, Ranking, Rubric, UnitKind, VetoEffect } from "../rubric/model.js";
import { DEFAULT_VETO, isMeasured, isRelative, levelRank } from "../rubric/model.js";
import { keyStep, plans as plansOf, rankKey, type KindPlan } from "../rubric/plan.js";
import type { Points } from "../model/numbers.js";
import type { CellAt, LedgerEntry, Submission } from "../model/submission.js";
import type { Award, Certainty, Gap, GradeGap, OpenAward, RankingEntry, RankingResult, RelativeBasis, Results, UnitResult, Veto, WithheldAward } from "../model/results.js";
import { leafScorer, type LeafScorer } from "./leaf.js";
import { divRound } from "../rubric/formulas.js";
import { lowerIsBetter, reaches } from "../rubric/targets.js";
import { scoreRelative, type Member } from "./relative.js";
import { scoreLedger, type ChargeRoom, type ChargeWeight } from "./ledger.js";
import { compareKeys, ranked } from "./rank.js";
import { decideOutcomes, emptiedPlaces, gradeNames, heldOutOf, type Placed } from "./outcomes.js";
import { quotaBase, quotaOf } from "../rubric/quota.js";
import { compareNames } from "./order.js";
import { bandAt, bandReach, countBetter, gapToNextTier, gradeGaps, gradedWith, gradesAtEnds, lastPlaceUnsettled, placeRanges, quotaUnsettled, tierAt, tiersBetween, type Contender } from "./standing.js";
import { partitionPoint } from "../model/search.js";

/** A unit's result while it is being made: filled in step by step. */
interface Building extends UnitResult {
  subtotals: Record<string, Points>;
  bonus: Points;
  deduction: Points;
  total: Points;
  floored: boolean;
  ranks: Record<string, number | null>;
  grades: Record<string, string>;
  awards: Award[];
  withheld: readonly WithheldAward[];
  charges: Record<string, Points>;
  relative: Record<string, RelativeBasis>;
  ledger: UnitResult["ledger"];
  certainty?: Certainty;
  gap?: Gap | null;
  gradeGap?: GradeGap | null;
}

const NO_ROWS: readonly LedgerEntry[] = [];
// Shared by the units that have none (most of a province's): never written to, replaced when needed.
const NO_VETOES: Veto[] = Object.freeze([]) as unknown as Veto[];
const NO_CHARGES: Record<string, Points> = Object.freeze({});
const NO_AWARDS: Award[] = Object.freeze([]) as unknown as Award[];
const NO_WITHHELD: readonly WithheldAward[] = Object.freeze([]);
const NO_RELATIVE: Record<string, RelativeBasis> = Object.freeze({}) as Record<string, RelativeBasis>;

/** A unit's lines and total from its points and what its ledger charges to the total. */
function settle(k: KindScorer, points: Int32Array, bonus: Points, deduction: Points): { subtotals: Record<string, Points>; total: Points; floored: boolean } {
  const subtotals: Record<string, Points> = {};
  let lines = 0;
  const weights = k.kind.weights;
  for (const { line, node } of k.plan.lines) {
    const p = points[node] ?? 0;
    subtotals[line.code] = p;
    lines += weights ? p * (weights[line.code] ?? 0) : p;
  }
  if (weights) lines = divRound(lines, 10000);
  const sum = lines + bonus - deduction;
  return { subtotals, total: Math.max(0, sum), floored: sum < 0 };
}

/** A unit's outcome with its pending rows decided one way: bonuses counted ("hi"), or deductions ("lo"). */
interface Outcome {
  readonly points: Int32Array;
  readonly subtotals: Record<string, Points>;
  readonly total: Points;
}

function outcome(rubric: Rubric, k: KindScorer, before: Int32Array, entries: readonly LedgerEntry[], codes: ReadonlyMap<string, LedgerCode>, confirm: (e: LedgerEntry) => boolean): Outcome {
  const counted = rubric.statuses.counted[0] ?? "";
  const decided = entries.map((e) => {
    if (!rubric.statuses.pending.includes(e.status)) return e;
    return confirm(e) ? { ...e, status: counted } : e;
  });
  const ledger = scoreLedger(rubric, decided, codes, k.weight(before), chargeRoom(k.plan, before));
  const points = before.slice();
  if (ledger.charges.size) applyCharges(k.plan, points, ledger.charges);
  const { subtotals, total } = settle(k, points, ledger.bonus, ledger.deduction);
  return { points, subtotals, total };
}

/**
 * A unit's pending rows up to this many are decided every way (2^n outcomes): its total's and each
 * line's and item's lowest and highest are then exact. Past it (rare), its bonuses and its
 * deductions each every way apart (pendingApart), while either kind has at most APART_MAX; past
 * that too, they are worked from the two ends and each line's or item's own ends (pendingFromEnds).
 */
const EVERY_WAY_MAX = 8;

/** A unit with pending rows: the lowest and highest its total and each line or item can reach as they are decided. */
interface Pending {
  readonly rows: readonly LedgerEntry[];
  /** Those of them that score (not a single-item recognition): what can move it past another unit. */
  readonly scoring: readonly LedgerEntry[];
  /** Where its rows were decided every way: each way's outcome (none confirmed first), made when asked. */
  readonly ways?: () => readonly Outcome[];
  readonly total: readonly [Points, Points];
  /** A line's or item's (by its node). */
  readonly span: (node: number) => readonly [Points, Points];
  /** Its total, or a line or an item (one asked for so far, where not every way was tried), can move. */
  readonly moves: () => boolean;
}

/** How a unit's outcome is worked out with its pending rows decided as `confirm` says. */
type Decide = (confirm: (e: LedgerEntry) => boolean) => Outcome;

/** The lowest and highest of a unit's total and of each line and item, over some ways of deciding its rows. */
interface Reach {
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly least: Points;
  readonly most: Points;
}

/** Every way `rows` can be decided (each confirmed or not; any other pending row refused), from the present (`now`, `total`) on. */
function everyWay(rows: readonly LedgerEntry[], now: Int32Array, total: Points, decide: Decide): Reach {
  const lo = Int32Array.from(now);
  const hi = Int32Array.from(now);
  let [least, most] = [total, total];
  for (let mask = 1; mask < 1 << rows.length; mask++) {
    const chosen = new Set(rows.filter((_, i) => (mask >> i) & 1));
    const o = decide((e) => chosen.has(e));
    for (let i = 0; i < o.points.length; i++) {
      const p = o.points[i] ?? 0;
      if (p < (lo[i] ?? 0)) lo[i] = p;
      if (p > (hi[i] ?? 0)) hi[i] = p;
    }
    least = Math.min(least, o.total);
    most = Math.max(most, o.total);
  }
  return { lo, hi, least, most };
}

/** A unit's certainty from the reach of its pending rows. */
function pendingWithin(rows: readonly LedgerEntry[], scoring: readonly LedgerEntry[], { lo, hi, least, most }: Reach): Pending {
  return { rows, scoring, total: [least, most], span: (node) => [lo[node] ?? 0, hi[node] ?? 0], moves: () => least !== most || !samePoints(lo, hi) };
}

/**
 * Every way its pending rows can be decided (each confirmed or not), from the present (none
 * confirmed: `now`, `total`) on: exact, whatever the caps and the holds on lines and items make
 * of each row (a bonus confirmed may take a shared cap's room that another row would have used
 * to more effect, so that a total falls as a bonus counts).
 */
function pendingEveryWay(rows: readonly LedgerEntry[], scoring: readonly LedgerEntry[], now: Int32Array, total: Points, decide: Decide): Pending {
  let ways: Outcome[] | undefined;
  const every = (): Outcome[] => (ways ??= Array.from({ length: 1 << rows.length }, (_, mask) => decide((e) => ((mask >> rows.indexOf(e)) & 1) === 1)));
  return { ...pendingWithin(rows, scoring, everyWay(rows, now, total, decide)), ways: every };
}

/** Pending bonuses, or pending deductions, up to this many are each tried every way apart (pendingApart). */
const APART_MAX = 12;

/**
 * More pending rows than are tried every way together, but few enough of each kind: its bonuses
 * tried every way with its deductions refused, and its deductions every way with its bonuses
 * refused (2^b + 2^d ways, not 2^(b+d)). Bonuses and deductions never meet: each kind has caps of
 * its own, and each is held against what a line or an item scored before either (chargeRoom), so
 * a line's or the total's lowest is the present less what the deductions can take at most and
 * what bonuses taking a shared cap's room from others can, and its highest the other way round —
 * exact, as every way would give, where the two ends alone miss a bonus that counts only when
 * another is refused. A single-item recognition moves no points, and is not tried.
 */
function pendingApart(codes: ReadonlyMap<string, LedgerCode>, rows: readonly LedgerEntry[], scoring: readonly LedgerEntry[], now: Int32Array, total: Points, decide: Decide): Pending {
  const b = everyWay(rows.filter((e) => codes.get(e.code)?.kind === "bonus"), now, total, decide);
  const d = everyWay(rows.filter((e) => codes.get(e.code)?.kind === "deduction"), now, total, decide);
  // What each kind can move, added (never below 0: no line, item or total goes below it).
  const lo = now.map((p, i) => Math.max(0, p + ((b.lo[i] ?? p) - p) + ((d.lo[i] ?? p) - p)));
  const hi = now.map((p, i) => Math.max(0, p + ((b.hi[i] ?? p) - p) + ((d.hi[i] ?? p) - p)));
  const least = Math.max(0, total + (b.least - total) + (d.least - total));
  const most = Math.max(0, total + (b.most - total) + (d.most - total));
  return pendingWithin(rows, scoring, { lo, hi, least, most });
}

/**
 * Too many pending rows to try every way: the total at its two ends (every bonus confirmed, or
 * every deduction) and the present; a line or an item at its own ends too — at its highest, the
 * pending bonuses charged to it (or to an item within it) confirmed and every other refused, its
 * own deductions refused and every other confirmed (a row elsewhere only takes the room of a cap
 * it shares), at its lowest the other way round. Close, not always exact.
 */
function pendingFromEnds(plan: KindPlan, codes: ReadonlyMap<string, LedgerCode>, rows: readonly LedgerEntry[], scoring: readonly LedgerEntry[], now: Int32Array, total: Points, decide: Decide): Pending {
  const kind = (e: LedgerEntry): LedgerCode["kind"] | undefined => codes.get(e.code)?.kind;
  const lo = decide((e) => kind(e) === "deduction");
  const hi = decide((e) => kind(e) === "bonus");
  const toward = (node: number, way: "hi" | "lo") => (e: LedgerEntry): boolean => {
    const c = codes.get(e.code);
    if (!c || c.kind === "single") return false;
    const target = c.charge === "total" ? undefined : plan.index.get("line" in c.charge ? c.charge.line : c.charge.item);
    let within = false;
    for (let i = target ?? -1; i >= 0 && !within; i = plan.nodes[i]?.parent ?? -1) within = i === node;
    return (c.kind === "bonus") === (way === "hi") ? within : !within;
  };
  const spans = new Map<number, readonly [Points, Points]>();
  const span = (node: number): readonly [Points, Points] => {
    let s = spans.get(node);
    if (!s) {
      const at = (o: Outcome): Points => o.points[node] ?? 0;
      const xs = [at(lo), at(hi), now[node] ?? 0, at(decide(toward(node, "lo"))), at(decide(toward(node, "hi")))];
      s = [Math.min(...xs), Math.max(...xs)];
      spans.set(node, s);
    }
    return s;
  };
  const range: readonly [Points, Points] = [Math.min(lo.total, hi.total, total), Math.max(lo.total, hi.total, total)];
  return { rows, scoring, total: range, span, moves: () => range[0] !== range[1] || !samePoints(lo.points, hi.points) || [...spans.values()].some(([a, b]) => a !== b) };
}

interface KindScorer {
  readonly kind: UnitKind;
  readonly plan: KindPlan;
  /** The scorer of each leaf node, by node index. */
  readonly leaves: readonly (LeafScorer | undefined)[];
  /** How much a ledger point charged to a line or item (or the total) weighs on the kind's total, given a unit's items' points. */
  readonly weight: (points: Int32Array) => ChargeWeight;
}

/**
 * A kind's ledger charges' weights on a unit's total: the total's 100%, a line's (and its items')
 * the line's weight; nothing for a charge to an item that can move it no further (a bonus to an
 * item at its max, a deduction to one at 0), so that it fills a cap after those that count.
 */
function chargeWeight(plan: KindPlan): (points: Int32Array) => ChargeWeight {
  const weights = plan.kind.weights;
  return (points) => (target, kind) => {
    if (target === undefined) return 10000;
    const i = plan.index.get(target) ?? -1;
    const node = plan.nodes[i];
    if (!node) return 0;
    if (node.item && node.item.kind !== "group") {
      const p = points[i] ?? 0;
      if (kind === "bonus" ? p >= node.item.max : p <= 0) return 0;
    }
    return weights ? (weights[node.line.code] ?? 0) : 10000;
  };
}

/**
 * How far a unit's lines and items (its points summed up) can still be moved by the rows charged
 * there. Bonuses and deductions are each held against what the line or item scored before either
 * (a deduction takes at most its points, a bonus adds at most what it lacks of its max), so that
 * neither kind's rows can undo the other's: deciding a pending bonus never lowers a total, nor a
 * pending deduction raises one, under caps shared across lines.
 */
function chargeRoom(plan: KindPlan, points: ArrayLike<number>): ChargeRoom {
  const added = new Map<number, Points>();
  const taken = new Map<number, Points>();
  return {
    left: (target, kind) => {
      const i = plan.index.get(target);
      const node = i === undefined ? undefined : plan.nodes[i];
      if (i === undefined || !node) return 0;
      const p = points[i] ?? 0;
      // An item (or group) within 0 and its max; a line not below 0, with no ceiling.
      if (kind === "deduction") return p - (taken.get(i) ?? 0);
      return node.item ? node.max - p - (added.get(i) ?? 0) : Number.POSITIVE_INFINITY;
    },
    take: (target, delta) => {
      const by = delta >= 0 ? added : taken;
      for (let k = plan.index.get(target) ?? -1; k >= 0; k = plan.nodes[k]?.parent ?? -1) by.set(k, (by.get(k) ?? 0) + Math.abs(delta));
    },
    depth: (target) => plan.nodes[plan.index.get(target) ?? -1]?.depth ?? 0,
  };
}

function kindScorers(rubric: Rubric, sub: Submission): Map<string, KindScorer> {
  const out = new Map<string, KindScorer>();
  for (const [id, plan] of plansOf(rubric)) {
    const leaves: (LeafScorer | undefined)[] = [];
    for (const i of plan.leaves) {
      const item = plan.nodes[i]?.item;
      if (item && item.kind !== "group") leaves[i] = leafScorer(rubric, item, sub.values);
    }
    out.set(id, { kind: plan.kind, plan, leaves, weight: chargeWeight(plan) });
  }
  return out;
}

/** The leaves a unit's own inputs decide (every kind but the relative ones), and its failed gates. */
function scoreLeaves(rubric: Rubric, k: KindScorer, u: number, points: Int32Array, sub: Submission, vetoes: Veto[], effects: VetoEffect[], holds: Veto[]): void {
  for (const i of k.plan.leaves) {
    const leaf = k.leaves[i];
    if (!leaf) continue;
    const p = leaf.points(u);
    points[i] = p;
    const item = leaf.item;
    if (item.kind !== "gate") continue;
    // Failed: its value short of its target (a gate of no points, a veto alone, scores 0 either way).
    const m = leaf.measured(u);
    if (m && !reaches(m.value, m.target, leaf.lower)) {
      const slot = sub.values.slot(item.indicator);
      const at = slot === undefined ? undefined : sub.values.at(u, slot);
      if (at) {
        const indicator = rubric.indicators.find((i) => i.code === item.indicator);
        // (One that holds the grade alone is no one-vote veto: the unit is not vetoed.)
        (item.veto?.gradeOnly ? holds : vetoes).push({ gate: item.code, gateName: item.name, indicator: item.indicator, indicatorName: indicator?.name ?? "", value: m.value, target: m.target, display: indicator?.display ?? "%", lower: leaf.lower, at });
        effects.push(item.veto ?? DEFAULT_VETO);
      }
    }
  }
}

/**
 * One effect from a unit's failed gates: unranked if any gate says so, the strictest grade (the
 * worst set, the worst held to: `order`, the kind's grades best first; a grade held to below the
 * one set takes its place), an empty place if any. (The first in rubric order was taken: a gate
 * holding to 良好 written first let a veto's 合格 go.)
 */
function mergeEffects(list: readonly VetoEffect[], order: readonly string[]): VetoEffect {
  const worst = (grades: readonly (string | undefined)[]): string | undefined => {
    let out: string | undefined;
    for (const g of grades) if (g !== undefined && (out === undefined || order.indexOf(g) > order.indexOf(out))) out = g;
    return out;
  };
  const set = worst(list.map((e) => e.grade));
  const most = worst(list.map((e) => e.gradeAtMost));
  const grade = set !== undefined && (most === undefined || order.indexOf(most) <= order.indexOf(set)) ? set : undefined;
  return {
    ranked: list.every((e) => e.ranked),
    ...(grade !== undefined ? { grade } : {}),
    ...(most !== undefined ? { gradeAtMost: most } : {}),
    placeEmpty: list.some((e) => e.placeEmpty),
  };
}

/** Each group and line the sum of its children (children come after their parent in a plan). */
function sumUp(plan: KindPlan, points: Int32Array): void {
  const { nodes } = plan;
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i];
    if (n?.item && n.item.kind === "group") points[i] = 0;
    if (n && !n.item) points[i] = 0;
  }
  for (let i = nodes.length - 1; i >= 0; i--) {
    const parent = nodes[i]?.parent ?? -1;
    if (parent >= 0) points[parent] = (points[parent] ?? 0) + (points[i] ?? 0);
  }
}

/**
 * Ledger points charged to items and lines: an item stays within 0 and its max (its groups and line
 * follow it); a line's subtotal is floored at 0. Gives what the charge changed at each.
 */
function applyCharges(plan: KindPlan, points: Int32Array, charges: ReadonlyMap<string, Points>): Record<string, Points> {
  const changed: Record<string, Points> = {};
  const byDepth = [...charges].flatMap(([code, net]) => {
    const i = plan.index.get(code);
    return i === undefined ? [] : [{ i, net, depth: plan.nodes[i]?.depth ?? 0 }];
  });
  byDepth.sort((a, b) => b.depth - a.depth);
  for (const { i, net } of byDepth) {
    const node = plan.nodes[i];
    if (!node) continue;
    const before = points[i] ?? 0;
    const after = node.item ? Math.min(node.max, Math.max(0, before + net)) : Math.max(0, before + net);
    const delta = after - before;
    changed[node.code] = delta;
    for (let k = i; k >= 0; k = plan.nodes[k]?.parent ?? -1) points[k] = (points[k] ?? 0) + delta;
  }
  return changed;
}

/** What a ranking key is read from: a unit as scored, or one outcome of its pending rows. */
interface Keyed {
  readonly total: Points;
  readonly points: ArrayLike<number>;
}

/**
 * A ranking key's reader: the total, or the points of a line or item (a line's points are its
 * subtotal), looked up once for every unit of a ranking.
 */
function keyReader(key: string, plan: KindPlan | undefined): (u: Keyed) => Points {
  if (key === "total") return (u) => u.total;
  const i = plan?.index.get(key);
  return i === undefined ? () => 0 : (u) => u.points[i] ?? 0;
}

/**
 * Scoring begun: every unit's items, lines, ledger and total are worked out; the rankings and what
 * they decide (ranks, grades, awards, gaps, certainty) wait for `finish`. What needs only the
 * points (the scoring notes) can be made from `units` in between.
 */
export interface Scoring {
  readonly rubric: Results["rubric"];
  /** Each unit's result, its ranks, grades, awards, gap and certainty still to come. */
  readonly units: readonly UnitResult[];
  /**
   * The rankings and what each decides: the results, whole (the same units, completed).
   * `gradeGaps: false` leaves out what each unit lacks for a better grade (a province's result
   * sheets do not show it; explain and the JSON do). `between`: called before each ranking (the
   * CLI collects a province's garbage there, where it has piled up).
   */
  finish(o?: { readonly gradeGaps?: boolean; readonly between?: () => void }): Results;
}

export function score(rubric: Rubric, sub: Submission): Results {
  return startScoring(rubric, sub).finish();
}

export function startScoring(rubric: Rubric, sub: Submission): Scoring {
  const scorers = kindScorers(rubric, sub);
  const plans = new Map([...scorers].map(([id, k]) => [id, k.plan]));
  const codes: ReadonlyMap<string, LedgerCode> = new Map(rubric.ledger.map((c) => [c.code, c]));
  const ledgerOf = new Map<string, LedgerEntry[]>();
  for (const e of sub.ledger) {
    const list = ledgerOf.get(e.unit);
    if (list) list.push(e);
    else ledgerOf.set(e.unit, [e]);
  }
  // Every unit's points in one array (a typed array per unit costs more than its numbers).
  let size = 0;
  for (const u of sub.units) size += scorers.get(u.kind)?.plan.nodes.length ?? 0;
  const all = new Int32Array(size);
  let offset = 0;
  const effects = new Map<number, VetoEffect>();
  // Each kind's grades, best first (its first ranking that gives grades: a veto's grade must be one of each's).
  const gradeOrder = new Map(
    rubric.unitKinds.map((k) => {
      const graded = rubric.rankings.find((r) => r.unitKind === k.id && r.grades !== undefined);
      return [k.id, graded ? gradeNames(graded) : []] as const;
    }),
  );

  // 1. Each unit's own items, and its vetoes.
  const units: Building[] = sub.units.map((unit, u) => {
    const k = scorers.get(unit.kind);
    const n = k?.plan.nodes.length ?? 0;
    const points = all.subarray(offset, offset + n);
    offset += n;
    const found: Veto[] = [];
    const held: Veto[] = [];
    const gateEffects: VetoEffect[] = [];
    if (k) scoreLeaves(rubric, k, u, points, sub, found, gateEffects, held);
    const vetoes = found.length ? found : NO_VETOES;
    if (gateEffects.length) effects.set(u, mergeEffects(gateEffects, gradeOrder.get(unit.kind) ?? []));
    return {
      name: unit.name,
      kind: unit.kind,
      // Always present (undefined without groups): one shape for every unit's object.
      group: unit.group,
      at: unit.at,
      points,
      subtotals: {},
      bonus: 0,
      deduction: 0,
      total: 0,
      floored: false,
      vetoed: vetoes.length > 0,
      vetoes,
      ...(held.length ? { holds: held } : {}),
      ledger: [],
      ranks: {},
      grades: {},
      awards: [],
      withheld: NO_WITHHELD,
      charges: NO_CHARGES,
      relative: NO_RELATIVE,
    };
  });

  // 2. The relative items, against the others of each unit's group.
  for (const k of scorers.values()) {
    const relatives = k.plan.leaves.filter((i) => {
      const item = k.plan.nodes[i]?.item;
      return item !== undefined && isRelative(item);
    });
    if (!relatives.length) continue;
    const groups = new Map<string, number[]>();
    units.forEach((unit, u) => {
      if (unit.kind !== k.kind.id) return;
      const g = unit.group ?? "";
      const list = groups.get(g);
      if (list) list.push(u);
      else groups.set(g, [u]);
    });
    for (const i of relatives) {
      const item = k.plan.nodes[i]?.item;
      if (!item || !isMeasured(item)) continue;
      const lower = lowerIsBetter(rubric, item);
      // Compared across the kind's groups (以全区最优值为基准): one group of them all, named by the kind.
      const among = item.acrossGroups === true && groups.size > 1 ? new Map([["", [...groups.values()].flat().sort((a, b) => a - b)]]) : groups;
      for (const [g, list] of among) {
        const members: Member[] = list.flatMap((u) => {
          const value = k.leaves[i]?.measured(u)?.value;
          return value === undefined ? [] : [{ u, value, counts: item.includeVetoed === true || !units[u]?.vetoed, name: units[u]?.name ?? "" }];
        });
        const groupName = k.kind.groups.find((x) => x.id === g)?.name ?? k.kind.name;
        const { points, bases } = scoreRelative(item, lower, members, groupName);
        members.forEach((m, j) => {
          const unit = units[m.u];
          const basis = bases[j];
          if (!unit || !basis) return;
          unit.points[i] = points[j] ?? 0;
          if (unit.relative === NO_RELATIVE) unit.relative = {};
          unit.relative[item.code] = basis;
        });
      }
    }
  }

  // 3. Groups and lines; the ledger where it is charged; the (weighted) total.
  // A unit with pending rows is also worked out at its lowest and highest outcome.
  const pendingStatus = new Set(rubric.statuses.pending);
  let pendingRows = 0;
  for (const e of sub.ledger) if (pendingStatus.has(e.status)) pendingRows++;
  const outcomes = new Map<number, Pending>();
  units.forEach((unit, u) => {
    const k = scorers.get(unit.kind);
    const entries = ledgerOf.get(unit.name) ?? [];
    if (k) sumUp(k.plan, unit.points);
    const ledger = scoreLedger(rubric, entries, codes, k?.weight(unit.points), k && entries.length ? chargeRoom(k.plan, unit.points) : undefined, unit);
    unit.ledger = ledger.results;
    unit.bonus = ledger.bonus;
    unit.deduction = ledger.deduction;
    if (!k) return;
    const pendingRows = entries.length && pendingStatus.size ? entries.filter((e) => pendingStatus.has(e.status)) : NO_ROWS;
    // The points before the ledger: each way its pending rows may be decided starts from them.
    const before = pendingRows.length ? unit.points.slice() : undefined;
    if (ledger.charges.size) {
      unit.charges = applyCharges(k.plan, unit.points, ledger.charges);
    }
    const settled = settle(k, unit.points, ledger.bonus, ledger.deduction);
    unit.subtotals = settled.subtotals;
    unit.total = settled.total;
    unit.floored = settled.floored;
    if (before) {
      const decide: Decide = (confirm) => outcome(rubric, k, before, entries, codes, confirm);
      const kinds = (kind: LedgerCode["kind"]): number => pendingRows.filter((e) => codes.get(e.code)?.kind === kind).length;
      const scoring = pendingRows.filter((e) => codes.get(e.code)?.kind !== "single");
      outcomes.set(
        u,
        pendingRows.length <= EVERY_WAY_MAX
          ? pendingEveryWay(pendingRows, scoring, unit.points, unit.total, decide)
          : kinds("bonus") <= APART_MAX && kinds("deduction") <= APART_MAX
            ? pendingApart(codes, pendingRows, scoring, unit.points, unit.total, decide)
            : pendingFromEnds(k.plan, codes, pendingRows, scoring, unit.points, unit.total, decide),
      );
    }
  });

  const about = { id: rubric.id, version: rubric.version, sha256: rubric.sha256, title: rubric.title };
  let results: Results | undefined;
  return {
    rubric: about,
    units,
    finish: (o) => (results ??= rank(rubric, sub, { units, plans, effects, outcomes, pendingRows, about, gradeGaps: o?.gradeGaps !== false, ...(o?.between ? { between: o.between } : {}) })),
  };
}

/** What the rankings start from: the units scored, each kind's plan, veto effects, pending outcomes. */
interface Scored {
  readonly units: Building[];
  readonly plans: ReadonlyMap<string, KindPlan>;
  readonly effects: ReadonlyMap<number, VetoEffect>;
  readonly outcomes: ReadonlyMap<number, Pending>;
  readonly pendingRows: number;
  readonly about: Results["rubric"];
  /** Whether to work out each unit's gap to a better grade. */
  readonly gradeGaps: boolean;
  /** Called before each ranking. */
  readonly between?: () => void;
}

/** 4. The rankings, and what each decides; then each unit's certainty and awards. */
function rank(rubric: Rubric, sub: Submission, { units, plans, effects, outcomes, pendingRows, about, gradeGaps: withGradeGaps, between }: Scored): Results {
  const awards = new Map<number, Award[]>();
  const pendingRanks = new Map<string, Map<number, readonly [number, number]>>();
  /** Ranking with prizes → the prize places pending claims may take units between, where they differ. */
  const pendingPlaces = new Map<string, Map<number, readonly [number, number]>>();
  /** Holder of a single-item award given to so many → others' pending claims to it (which may take it). */
  const takers = new Map<number, LedgerEntry[]>();
  /** Unit → the awards pending claims could change: each as its ranking and kind. */
  const unsettled = new Map<number, OpenAward[]>();
  // (A single-item award's by its code: a claim to one award leaves another held on the ranking settled.)
  const open = (u: number, r: Ranking, kind: OpenAward["kind"], grades?: readonly string[], tier?: string, worst?: string | null, code?: string, tiers?: readonly string[]): void => {
    const list = unsettled.get(u);
    const at = list?.findIndex((a) => a.ranking === r.id && a.kind === kind && a.code === code) ?? -1;
    if (list && at >= 0) {
      // Others' claims may move it across a quota's cut too: the grades either way, best first.
      const had = list[at]?.grades;
      if (had) {
        const names = gradeNames(r);
        const both = grades ? [...new Set([...had, ...grades])].sort((a, b) => names.indexOf(a) - names.indexOf(b)) : undefined;
        list[at] = { ...(list[at] as OpenAward), grades: both };
      }
      return;
    }
    const card = kind === "warning" ? r.yellowCard?.name : undefined;
    const award: OpenAward = { ranking: r.id, kind, rankingName: r.name, ...(code !== undefined ? { code } : {}), ...(card !== undefined ? { card } : {}), ...(grades ? { grades } : {}), ...(tier !== undefined ? { tier } : {}), ...(worst !== undefined ? { worst } : {}), ...(tiers && tiers.length > 1 ? { tiers } : {}) };
    if (!list) unsettled.set(u, [award]);
    else list.push(award);
  };
  const openSingle = (u: number, r: Ranking, code: string): void => open(u, r, "single", undefined, undefined, undefined, code);
  /** Ranking id → the contenders whose rank could move there, those with claims of their own, and those a quota or the last place could move. */
  const moving = new Map<string, { movers: Contender[]; claimants: Contender[]; others: Contender[]; size: number }>();
  // Each kind's units, in input order: every ranking of the kind picks its members from these.
  const ofKind = new Map<string, number[]>();
  units.forEach((unit, u) => {
    const list = ofKind.get(unit.kind);
    if (list) list.push(u);
    else ofKind.set(unit.kind, [u]);
  });
  const rankings: RankingResult[] = rubric.rankings.map((r) => {
    // What the ranking before left behind is garbage now.
    between?.();
    // A ranking by an item judged in steps: what a unit lacks there, for a prize or a grade, is so
    // many steps; and by a line or an item, the most its key may be (a gap past it is none to be had).
    const step = keyStep(rubric, r.unitKind, r.by);
    const most = r.by === "total" ? undefined : rankKey(rubric, r.unitKind, r.by)?.max;
    const plan = plans.get(r.unitKind);
    const keys = [r.by, ...r.tieBreakers];
    // How far each tie-breaker moves with a point of the key (the gaps to a prize and a grade).
    const moves = tieBreakersMoving(keys, plan);
    const readers = keys.map((key) => keyReader(key, plan));
    const members: number[] = [];
    // Each ranked unit once, as a contender: its scored keys (its lowest and highest outcome set below).
    const eligible: Contender[] = [];
    const unranked: number[] = [];
    for (const u of ofKind.get(r.unitKind) ?? []) {
      const unit = units[u] as Building;
      if (r.group !== undefined && unit.group !== r.group) continue;
      members.push(u);
      if (unit.vetoed && !effects.get(u)?.ranked) unranked.push(u);
      else {
        const k = readers.map((read) => read(unit));
        const vetoed = unit.vetoed;
        eligible.push({ u, keys: k, lo: k, hi: k, eligible: !vetoed, prize: !vetoed || effects.get(u)?.placeEmpty === true });
      }
    }
    // One sort gives both the ranks and the order every output lists them in (ties by name).
    const order = ranked(eligible, (a, b) => compareNames(units[a.u]?.name ?? "", units[b.u]?.name ?? ""));
    for (const { item, rank } of order) (units[item.u] as Building).ranks[r.id] = rank;
    for (const u of unranked) (units[u] as Building).ranks[r.id] = null;
    const readBy = readers[0] ?? (() => 0);
    const value = (u: number): Points => readBy(units[u] as Building);
    unranked.sort((a, b) => value(b) - value(a) || compareNames(units[a]?.name ?? "", units[b]?.name ?? ""));
    const placed: Placed[] = order.map(({ item, rank }) => ({ u: item.u, rank, keys: item.keys }));
    // How many units its grade quotas are shares of.
    const base = quotaBase(r, placed.length, members.length);
    // Where it could end up while claims are pending, and what it lacks for the next prize.
    // Each key spans its lowest and highest as the unit's pending rows are decided (the total's, or
    // a line's or an item's: they need not move together, a bonus on the total confirmed may take
    // a capped place from one on that line).
    const nodes = keys.map((key) => (key === "total" ? undefined : plan?.index.get(key)));
    /** Every unit's grades over every way the pending rows may be decided, where tried. */
    let exact: Map<number, Set<string>> | undefined;
    const contenders: Contender[] = outcomes.size
      ? eligible.map((c) => {
          const o = outcomes.get(c.u);
          if (!o) return c;
          const lo: number[] = [];
          const hi: number[] = [];
          keys.forEach((key, k) => {
            const node = nodes[k];
            const now = c.keys[k] ?? 0;
            const [a, b] = key === "total" ? o.total : node === undefined ? [now, now] : o.span(node);
            lo.push(a);
            hi.push(b);
          });
          return { ...c, lo, hi };
        })
      : eligible;
    // The prize contenders' scored keys, best first: in ranking order already (ties share their keys).
    const prizes = r.tiers.length ? order.filter(({ item }) => item.prize).map(({ item }) => item) : [];
    const prizeKeys = prizes.map((c) => c.keys);
    if (outcomes.size) {
      // The scored keys in ranking order (the sort already made), and those of the prize contenders.
      const sortedKeys = order.map(({ item }) => item.keys);
      // How many are ahead of each contender as scored, read off the sort: of all (its rank less
      // one), and of the prize contenders (those in the better tie groups).
      const slot = new Map<number, number>();
      eligible.forEach((c, i) => slot.set(c.u, i));
      const ahead = new Int32Array(eligible.length);
      const prizeAhead = new Int32Array(eligible.length);
      let prizesSoFar = 0;
      let prizesBefore = 0;
      order.forEach(({ item, rank }, i) => {
        if (i === 0 || order[i - 1]?.rank !== rank) prizesBefore = prizesSoFar;
        const at = slot.get(item.u) ?? 0;
        ahead[at] = rank - 1;
        prizeAhead[at] = prizesBefore;
        if (item.prize) prizesSoFar++;
      });
      const ranks = placeRanges(contenders, () => true, sortedKeys, ahead);
      // Prize places only where the ranking gives prizes; elsewhere no tier can change.
      const prizePlaces = r.tiers.length ? placeRanges(contenders, (c) => c.prize, prizeKeys, prizeAhead) : ranks;
      const ranges = new Map<number, readonly [number, number]>();
      const places = new Map<number, readonly [number, number]>();
      // One array per distinct range (a province's tied units share theirs): results are read-only.
      const shared = new Map<number, readonly [number, number]>();
      const movers: Contender[] = [];
      const below = r.yellowCard?.below;
      const lastPlace = r.yellowCard?.lastPlace === true;
      let reach: ((score: number) => number) | undefined;
      const gradeReach = (): ((score: number) => number) =>
        bandReach(
          r,
          contenders,
          (r.grades?.bands ?? []).map((b) => quotaOf(b, base)),
          heldOutOf(r, effects),
        );
      // Its own claims move its score across a band's line (judged below).
      const crossesBand = (c: Contender): boolean => (c.lo[0] ?? 0) !== (c.hi[0] ?? 0) && bandAt(r, c.lo[0] ?? 0) !== bandAt(r, c.hi[0] ?? 0) && effects.get(c.u)?.grade === undefined;
      const gradesWorked = r.grades !== undefined && contenders.filter(crossesBand).length <= GRADES_WORKED_MAX;
      // Where the pending rows are few enough, every unit's grade under every way they may be
      // decided: exact, the approximations below not needed.
      exact = r.grades ? gradesEveryWay(r, contenders, readers, outcomes, effects, base) : undefined;
      contenders.forEach((c, i) => {
        const best = ranks.best[i] ?? 0;
        const worst = ranks.worst[i] ?? 0;
        const placeBest = prizePlaces.best[i] ?? 0;
        const placeWorst = prizePlaces.worst[i] ?? 0;
        const lo0 = c.lo[0] ?? 0;
        const hi0 = c.hi[0] ?? 0;
        if (c.eligible && placeBest !== placeWorst && tierAt(r, placeBest) !== tierAt(r, placeWorst)) open(c.u, r, "rank", undefined, tierAt(r, placeBest), tierAt(r, placeWorst) ?? null, undefined, tiersBetween(r, placeBest, placeWorst));
        // Its own claims move its score across a band's line: its grade may change, unless the better
        // band's places are surely taken by others ahead of it at its best.
        // A grade a veto sets (直接定为不合格) cannot move; one it holds at most moves only below that.
        if (!exact && crossesBand(c)) {
          reach ??= gradeReach();
          const most = effects.get(c.u)?.gradeAtMost;
          const floor = most === undefined ? 0 : gradeNames(r).indexOf(most);
          const lowest = Math.max(floor, reach(lo0));
          const highest = Math.max(floor, reach(hi0));
          // The grades at its highest and its lowest (a single −30 row gives one or the other: not
          // every grade between): where few, each worked out against the others' opposite (a quota
          // filled by a tie may keep it from the band its best reaches); else by the quotas' reach.
          const names = gradeNames(r);
          if (lowest !== highest) open(c.u, r, "grade", gradesWorked ? gradesAtEnds(r, contenders, c.u, effects, base) : [names[highest] ?? "", names[lowest] ?? ""]);
        }
        // Its card at its lowest (and worst place) and at its highest (and best): open only where
        // it may be given or not; last whatever is decided, it has it either way, though its score
        // may cross the mark (only the card's reasons change).
        const lastAt = (rank: number): boolean => lastPlace && rank === contenders.length;
        // (Where the card asks for both, 末位且低于: the two together.)
        const both = r.yellowCard?.both === true;
        const cardAt = (score: number, rank: number): boolean => (both ? below !== undefined && score < below && lastAt(rank) : (below !== undefined && score < below) || lastAt(rank));
        const cardLo = cardAt(lo0, worst);
        const cardHi = cardAt(hi0, best);
        if (cardLo !== cardHi) open(c.u, r, "warning");
        // A single-item claim of its own to an award given to all it is recorded for (a vetoed
        // unit wins none, whatever is recorded); one given to so many is judged below.
        if (!(units[c.u] as Building).vetoed) for (const s of r.single) if (s.count === undefined && (outcomes.get(c.u)?.rows.some((e) => e.code === s.code) ?? false)) openSingle(c.u, r, s.code);
        if (best !== worst) {
          const key = best * 4194304 + worst;
          let range = shared.get(key);
          if (!range) shared.set(key, (range = [best, worst]));
          ranges.set(c.u, range);
          movers.push(c);
        }
        // Its prize place, where it may hold one (a vetoed unit whose place passes on holds none,
        // and units passed its place are not moved by its rank).
        if (r.tiers.length && c.prize && placeBest !== placeWorst) {
          const key = placeBest * 4194304 + placeWorst;
          let range = shared.get(key);
          if (!range) shared.set(key, (range = [placeBest, placeWorst]));
          places.set(c.u, range);
        }
      });
      if (movers.length) pendingRanks.set(r.id, ranges);
      if (places.size) pendingPlaces.set(r.id, places);
      moving.set(r.id, { movers, claimants: contenders.filter((c) => outcomes.has(c.u)), others: [], size: contenders.length });
    }
    if (r.tiers.length) {
      const tiers = [...r.tiers].sort((a, b) => a.from - b.from);
      // The units level with each rival, found once: every unit short of a tier has the same rival
      // (a province's tens of thousands each held their own copy of the same names).
      const levels = new Map<readonly number[], ReturnType<typeof levelWith>>();
      const levelAt = (rival: readonly number[]): ReturnType<typeof levelWith> => {
        let found = levels.get(rival);
        if (!found) levels.set(rival, (found = levelWith(prizes, prizeKeys, rival, (u) => units[u]?.name ?? "")));
        return found;
      };
      for (const c of contenders) {
        const unit = units[c.u] as Building;
        if (unit.gap !== undefined) continue;
        const gap = gapToNextTier(tiers, prizeKeys, c, step, most, moves);
        const tie = gap?.tie ? { key: keys[gap.tie.key] ?? "", own: gap.tie.own, theirs: gap.tie.theirs, units: levelAt(gap.tie.rival), ...(gap.tie.ahead ? { ahead: true as const } : {}) } : undefined;
        unit.gap = gap ? { ranking: r.id, rankingName: r.name, tier: gap.tier, points: gap.points, ...(gap.beyond ? { beyond: true as const } : {}), ...(tie ? { tie } : {}) } : null;
      }
      // Units not ranked here (vetoed) have no gap to speak of.
      for (const u of unranked) if ((units[u] as Building).gap === undefined) (units[u] as Building).gap = null;
    }
    const withhold = (u: number, w: WithheldAward): void => {
      const unit = units[u] as Building;
      unit.withheld = unit.withheld === NO_WITHHELD ? [w] : [...unit.withheld, w];
    };
    for (const [u, list] of decideOutcomes(rubric, r, placed, members, { units, effects, plans, withhold })) {
      for (const a of list) if (a.kind === "grade") (units[u] as Building).grades[r.id] = a.grade;
      const mine = awards.get(u);
      if (mine) mine.push(...list);
      else awards.set(u, list);
    }
    // What each graded unit lacks for a better grade, in the first ranking that grades it.
    if (r.grades && withGradeGaps) {
      const gapOf = gradeGaps(r, placed, (u) => (units[u] as Building).grades[r.id], heldOutOf(r, effects), base, step, moves);
      for (const p of placed) {
        const unit = units[p.u] as Building;
        if (unit.gradeGap !== undefined) continue;
        const found = gapOf(p);
        const rival = found?.quota ? placed[found.quota.rival] : undefined;
        const quota = found?.quota && rival ? { quota: { count: found.quota.count, others: found.quota.others, score: rival.keys[0] ?? 0, pass: found.quota.pass, tied: found.quota.tied } } : {};
        unit.gradeGap = found ? { ranking: r.id, rankingName: r.name, grade: found.grade, points: found.points, from: found.from, ...quota } : null;
      }
      // Units not ranked here (vetoed) are graded in none of its grades.
      for (const u of unranked) if ((units[u] as Building).gradeGap === undefined) (units[u] as Building).gradeGap = null;
    }
    // Where others' claims could move a unit across a grade quota's cut, or into the last place (or
    // out of it), though its own band and rank range say nothing of it.
    const pending = moving.get(r.id);
    if (pending) {
      const grades = r.grades;
      const others = new Set<number>();
      if (exact) {
        // Each unit whose grade differs between the ways: open, with the grades it has in them
        // (a way that gives it none, where the rubric grades not all, is not named).
        const names = gradeNames(r);
        for (const c of contenders) {
          const had = exact.get(c.u);
          if (!had || had.size < 2) continue;
          // (One with claims of its own too: others' may decide it where its rank cannot move.)
          others.add(c.u);
          open(c.u, r, "grade", names.filter((n) => had.has(n)));
        }
      } else if (grades?.bands.some((b) => b.quotaCount !== undefined || b.quotaShare !== undefined)) {
        const bands = grades.bands.map((b) => ({ from: b.from, quota: quotaOf(b, base) }));
        const graded = (u: number, bi: number): boolean => (units[u] as Building).grades[r.id] === grades.bands[bi]?.name;
        const unsettledHere = quotaUnsettled(bands, contenders, heldOutOf(r, effects), graded);
        // The grades each may end with, worked out where they are few (a district's): each a
        // grading of the whole ranking, twice. A province's are marked (待定) alone.
        const names = gradeNames(r);
        for (const u of unsettledHere) {
          if (unsettledHere.length > GRADES_WORKED_MAX) {
            others.add(u);
            open(u, r, "grade");
            continue;
          }
          const now = (units[u] as Building).grades[r.id];
          const may = new Set([...gradesAtEnds(r, contenders, u, effects, base), ...(now !== undefined ? [now] : [])]);
          // Graded alike at its best and its worst (two tied at the cut, neither given it, either
          // way): nothing pending moves it, and it is not said pending.
          if (may.size < 2) continue;
          others.add(u);
          open(u, r, "grade", names.filter((n) => may.has(n)));
        }
      }
      // A single-item award given to so many (count): others' claims to it may take it from a
      // holder, where as many as it is given to could end ahead of it (a higher level, or the same
      // with more points on the linked item at their best and its worst: a tie keeps it). Its
      // pending rows then include those claims.
      for (const s of r.single) {
        if (s.count === undefined) continue;
        const count = s.count;
        const node = s.linkedItem !== undefined ? plan?.index.get(s.linkedItem) : undefined;
        const linked = (u: number, way: "lo" | "hi"): number => {
          if (node === undefined) return 0;
          const o = outcomes.get(u);
          return o ? o.span(node)[way === "lo" ? 0 : 1] : ((units[u] as Building).points[node] ?? 0);
        };
        const held = new Map<number, number>();
        for (const c of contenders) {
          const a = awards.get(c.u)?.find((x) => x.kind === "single" && x.code === s.code);
          if (a?.kind === "single") held.set(c.u, levelRank(rubric, a.level));
        }
        // Claimants (not vetoed) at the best level they claim.
        const claimants = contenders.flatMap((c) => {
          const rows = (units[c.u] as Building).vetoed ? [] : (outcomes.get(c.u)?.rows.filter((e) => e.code === s.code) ?? []);
          return rows.length ? [{ u: c.u, rows, level: Math.min(held.get(c.u) ?? Number.POSITIVE_INFINITY, ...rows.map((e) => levelRank(rubric, e.level))) }] : [];
        });
        if (!claimants.length) continue;
        const claiming = new Set(claimants.map((c) => c.u));
        // The claimants by how far ahead they may end: the best level first, then the most on the
        // linked item at their best. Those that may end ahead of a unit are a run at the front.
        const byReach = claimants.map((c) => ({ ...c, hi: linked(c.u, "hi") })).sort((a, b) => a.level - b.level || b.hi - a.hi);
        const reachAhead = (level: number, worst: number): number =>
          partitionPoint(byReach.length, (i) => {
            const d = byReach[i];
            return d !== undefined && (d.level < level || (d.level === level && d.hi > worst));
          });
        const heldOnly = [...held].filter(([u]) => !claiming.has(u));
        // A claimant may win it unless as many holders as it goes to are surely ahead of it at its
        // best: each at the level it holds it at (its own claim may raise that, never lower it).
        for (const c of byReach) {
          const best = c.hi;
          const surely = [...held].filter(([u, at]) => u !== c.u && (at < c.level || (at === c.level && linked(u, "lo") > best))).length;
          // (A holder's own claim changes its award only where it claims a higher level than it
          // holds; others' claims that may pass it are weighed below.)
          const holds = held.get(c.u);
          if (holds !== undefined ? c.level >= holds : surely >= count) continue;
          openSingle(c.u, r, s.code);
          // Where as many holders and other claimants as it goes to may end ahead of it at its
          // worst, their claims decide it too: its pending rows include them (the nearest few on a
          // province's ranking). Fewer: it wins once its own is recognized, whatever theirs.
          const worst = linked(c.u, "lo");
          const end = reachAhead(c.level, worst);
          // (Itself among them where its own claim may lift it past its worst.)
          const self = c.hi > worst ? 1 : 0;
          const rivals = end - self;
          const heldAhead = heldOnly.filter(([u, at]) => at < c.level || (at === c.level && linked(u, "hi") > worst)).length;
          if (!rivals || heldAhead + rivals < count) continue;
          const near = contenders.length > GRADE_UNITS_MAX ? byReach.slice(Math.max(0, end - MAX_OTHERS - self), end) : byReach.slice(0, end);
          const claims = near.filter((d) => d.u !== c.u).slice(-(contenders.length > GRADE_UNITS_MAX ? MAX_OTHERS : near.length)).flatMap((d) => d.rows);
          const mine = takers.get(c.u);
          if (mine) mine.push(...claims);
          else takers.set(c.u, claims);
        }
        for (const [h, level] of held) {
          const worst = linked(h, "lo");
          const ahead = (u: number, at: number): boolean => u !== h && (at < level || (at === level && linked(u, "hi") > worst));
          // (In order of reach: the nearest last.)
          const passers = byReach.filter((c) => ahead(c.u, c.level));
          const holdersAhead = [...held].filter(([u, at]) => !claiming.has(u) && ahead(u, at)).length;
          if (!passers.length || holdersAhead + passers.length < count) continue;
          openSingle(h, r, s.code);
          // (On a province's ranking, the nearest few: a district's are listed all.)
          const claims = (contenders.length > GRADE_UNITS_MAX ? passers.slice(-MAX_OTHERS) : passers).flatMap((c) => c.rows);
          const mine = takers.get(h);
          if (mine) mine.push(...claims);
          else takers.set(h, claims);
        }
      }
      if (r.yellowCard?.lastPlace) {
        const mark = r.yellowCard.below;
        // Where the card asks for both, one that is never below the mark is never carded, last or not.
        const never = (u: number): boolean => r.yellowCard?.both === true && mark !== undefined && (contenders.find((c) => c.u === u)?.lo[0] ?? 0) >= mark;
        for (const u of lastPlaceUnsettled(contenders)) {
          if (never(u)) continue;
          others.add(u);
          open(u, r, "warning");
        }
      }
      if (others.size) pending.others = contenders.filter((c) => others.has(c.u));
    }
    const entries: RankingEntry[] = [...order.map(({ item, rank }) => ({ unit: item.u, rank, value: value(item.u) })), ...unranked.map((u) => ({ unit: u, rank: null, value: value(u) }))];
    const emptied = emptiedPlaces(r, placed, { units, effects });
    return { id: r.id, name: r.name, unitKind: r.unitKind, ...(r.group !== undefined ? { group: r.group } : {}), by: r.by, entries, ...(emptied.length ? { emptied } : {}) };
  });

  // Whether a unit's veto keeps it from a grade of a ranking (its claims then contest no one's quota of it).
  const heldFrom = (u: number, ranking: string, grade: string): boolean => {
    // (Most units failed no gate: nothing looked up for them.)
    if (!effects.has(u)) return false;
    const r = rubric.rankings.find((x) => x.id === ranking);
    const band = r?.grades?.bands.findIndex((b) => b.name === grade) ?? -1;
    return r !== undefined && band >= 0 && heldOutOf(r, effects)(u, band);
  };
  if (outcomes.size) certainties(units, outcomes, pendingRanks, pendingPlaces, unsettled, moving, takers, heldFrom);
  units.forEach((u, i) => {
    const vetoAwards: Award[] = u.vetoes.map((v) => ({ kind: "veto", gate: v.gate, gateName: v.gateName, indicator: v.indicator, indicatorName: v.indicatorName, value: v.value, target: v.target, display: v.display, lower: v.lower }));
    const decided = awards.get(i);
    u.awards = vetoAwards.length ? [...vetoAwards, ...(decided ?? [])] : (decided ?? NO_AWARDS);
  });
  return {
    rubric: about,
    input: { file: sub.file, sha256: sub.sha256 },
    pendingRows,
    units,
    rankings,
  };
}

/** Units level with it named at most (a gap's tie: the units it must pass). */
const LEVEL_NAMED = 3;

/**
 * The prize contenders whose keys are `keys`, by name (the first few, in the ranking's order; and
 * how many in all): found in their sorted keys by halving, as a province's units each ask.
 */
function levelWith(prizes: readonly Contender[], prizeKeys: readonly (readonly number[])[], keys: readonly number[], name: (u: number) => string): { readonly names: readonly string[]; readonly count: number } {
  const names: string[] = [];
  let count = 0;
  for (let i = countBetter(prizeKeys, keys); i < prizes.length && compareKeys(prizeKeys[i] ?? [], keys) === 0; i++) {
    count++;
    if (names.length < LEVEL_NAMED) names.push(name(prizes[i]?.u ?? -1));
  }
  return { names, count };
}

/** Ways of deciding a ranking's pending rows tried at most, to grade it every way, and units graded in all (a district's). */
const GRADE_WAYS_MAX = 256;
const GRADE_WORK_MAX = 100_000;
/** Units of a ranking graded every way at most: past it (a province's), each claimant's ways are not even worked out. */
const GRADE_UNITS_MAX = 2_000;

/**
 * Each contender's grades under every way the pending rows may be decided (its own and every
 * other's: each claimant's distinct keys over its rows decided every way, in every combination),
 * "" where a way gives it none; undefined where a claimant's rows were not decided every way, or
 * the combinations (or units graded in all) are too many. Exact: a grade said to move does.
 */
function gradesEveryWay(r: Ranking, contenders: readonly Contender[], readers: readonly ((u: Keyed) => Points)[], outcomes: ReadonlyMap<number, Pending>, effects: ReadonlyMap<number, VetoEffect>, base: number): Map<number, Set<string>> | undefined {
  if (contenders.length > GRADE_UNITS_MAX) return undefined;
  const options: { readonly u: number; readonly keys: readonly (readonly number[])[] }[] = [];
  let combos = 1;
  for (const c of contenders) {
    const o = outcomes.get(c.u);
    if (!o) continue;
    if (!o.ways) return undefined;
    const distinct = new Map<string, number[]>();
    for (const way of o.ways()) {
      const k = readers.map((read) => read(way));
      distinct.set(k.join(","), k);
    }
    if (distinct.size < 2) continue;
    options.push({ u: c.u, keys: [...distinct.values()] });
    combos *= distinct.size;
    if (combos > GRADE_WAYS_MAX || combos * contenders.length > GRADE_WORK_MAX) return undefined;
  }
  const out = new Map<number, Set<string>>(contenders.map((c) => [c.u, new Set<string>()]));
  const keysOf = new Map(contenders.map((c) => [c.u, c.keys]));
  for (let n = 0; n < combos; n++) {
    let x = n;
    for (const o of options) {
      keysOf.set(o.u, o.keys[x % o.keys.length] ?? []);
      x = Math.floor(x / o.keys.length);
    }
    const graded = gradedWith(r, contenders, (c) => keysOf.get(c.u) ?? c.keys, effects, base);
    for (const c of contenders) out.get(c.u)?.add(graded.get(c.u) ?? "");
  }
  return out;
}

/**
 * How far each of a ranking's keys moves with a point of its first (the key it ranks by): a line
 * or item holding it, by a point; the total, by its line's weight (a point where the kind is not
 * weighted); any other, not at all (nor any where it ranks by the total: which line moves, no one
 * can say). Others unchanged, and no cap or charge in the way, as the gap to a prize is worked out.
 */
function tieBreakersMoving(keys: readonly string[], plan: KindPlan | undefined): number[] {
  const at = keys[0] === undefined || keys[0] === "total" ? undefined : plan?.index.get(keys[0]);
  if (at === undefined || !plan) return [];
  const holding = new Set<number>();
  for (let i: number | undefined = at; i !== undefined && i >= 0; i = plan.nodes[i]?.parent) holding.add(i);
  const line = plan.nodes[at]?.line;
  const weight = line ? plan.kind.weights?.[line.code] : undefined;
  return keys.map((k, i) => {
    if (i === 0) return 1;
    if (k === "total") return weight === undefined ? 1 : weight / 10000;
    const node = plan.index.get(k);
    return node !== undefined && holding.has(node) ? 1 : 0;
  });
}

/** Units a quota may move on a ranking whose possible grades are worked out (each grades the ranking twice). */
const GRADES_WORKED_MAX = 64;

/**
 * Other units' pending rows listed for a unit, at most, on a ranking of more than GRADE_UNITS_MAX
 * units (a province's dense ranking has hundreds whose range meets a unit's): the nearest. A
 * district's are listed all (cut to three, the one deciding a town's 优秀 was left out unsaid).
 */
const MAX_OTHERS = 3;

/**
 * Every unit's certainty, where some rows are pending: its total range, its rank range on each
 * ranking, whether its awards are settled, and the pending rows that could move it — its own,
 * and those of the units whose range meets its own on a ranking where it could move (the nearest
 * few on a province's ranking).
 */
function certainties(
  units: Building[],
  outcomes: ReadonlyMap<number, Pending>,
  ranks: ReadonlyMap<string, ReadonlyMap<number, readonly [number, number]>>,
  places: ReadonlyMap<string, ReadonlyMap<number, readonly [number, number]>>,
  unsettled: ReadonlyMap<number, readonly OpenAward[]>,
  moving: ReadonlyMap<string, { readonly movers: readonly Contender[]; readonly claimants: readonly Contender[]; readonly others: readonly Contender[]; readonly size: number }>,
  takers: ReadonlyMap<number, readonly LedgerEntry[]>,
  heldFrom: (u: number, ranking: string, grade: string) => boolean,
): void {
  // A unit's pending rows, by the rows' own cell objects (no copies: a province has many); and
  // those of them that could change its awards: its own, and others' on a ranking where an award
  // of its is open (another's claim that moves it only on a ranking where its awards are settled
  // moves its rank there, not its awards).
  const pendingOf = new Map<number, CellAt[]>();
  const forAwards = new Map<number, CellAt[]>();
  const into = (lists: Map<number, CellAt[]>, u: number, rows: readonly LedgerEntry[]): void => {
    let list = lists.get(u);
    if (!list) lists.set(u, (list = []));
    for (const e of rows) if (!list.includes(e.at)) list.push(e.at);
  };
  const add = (u: number, rows: readonly LedgerEntry[], ranking?: string, from?: number): void => {
    into(pendingOf, u, rows);
    if (ranking === undefined) return into(forAwards, u, rows);
    // Another's claims where only grades are open, the better of each one its veto keeps it from:
    // it takes none of their quota places, and moves this unit's rank alone (河西街道, held to 合格,
    // beside 双河乡's open 优秀).
    let contested = false;
    for (const a of unsettled.get(u) ?? []) {
      if (a.ranking !== ranking) continue;
      const best = a.kind === "grade" ? a.grades?.[0] : undefined;
      if (from === undefined || best === undefined || !heldFrom(from, ranking, best)) {
        contested = true;
        break;
      }
    }
    if (contested) into(forAwards, u, rows);
  };
  for (const [ranking, { movers, claimants: all, others, size }] of moving) {
    if (!movers.length && !others.length) continue;
    const most = size > GRADE_UNITS_MAX ? MAX_OTHERS : Number.POSITIVE_INFINITY;
    // Every unit with claims of its own (its rank may stay where it moves others), by its lowest
    // key; a range is never wider than `span`.
    // Those whose claims can move their keys at all (a single-item recognition alone moves none, and
    // passes nobody), by their lowest key.
    const claimants = all.filter((c) => c.lo.some((k, i) => k !== c.hi[i])).sort((a, b) => (a.lo[0] ?? 0) - (b.lo[0] ?? 0));
    let span = 0;
    for (const c of claimants) span = Math.max(span, (c.hi[0] ?? 0) - (c.lo[0] ?? 0));
    for (const c of [...movers, ...others]) {
      const lo = c.lo[0] ?? 0;
      const hi = c.hi[0] ?? 0;
      // The last claimant whose lowest is within this unit's range, then back while any could reach it.
      let i = partitionPoint(claimants.length, (k) => (claimants[k]?.lo[0] ?? 0) <= hi) - 1;
      let found = 0;
      for (; i >= 0 && found < most; i--) {
        const o = claimants[i];
        if (!o) break;
        if ((o.lo[0] ?? 0) + span < lo) break;
        // (Its rows that score: its single-item recognitions pass nobody.)
        if (o.u !== c.u && (o.hi[0] ?? 0) >= lo) {
          add(c.u, outcomes.get(o.u)?.scoring ?? [], ranking, o.u);
          found++;
        }
      }
      // Moved by a quota's cut from further off (no range meets its own): the nearest above it.
      if (!found && !outcomes.has(c.u)) {
        for (const o of claimants) {
          if (found >= most) break;
          if (o.u !== c.u && (o.hi[0] ?? 0) >= lo) {
            add(c.u, outcomes.get(o.u)?.scoring ?? [], ranking, o.u);
            found++;
          }
        }
      }
    }
  }
  // Only the units the pending rows could change carry a certainty. A province's units share
  // most of its parts (tied units, the same nearby claims): each distinct one is made once, as
  // results are read-only.
  const touched = new Set<number>([...outcomes.keys(), ...unsettled.keys()]);
  for (const { movers } of moving.values()) for (const c of movers) touched.add(c.u);
  const interned = new Interned();
  for (const u of touched) {
    const unit = units[u];
    if (!unit) continue;
    const own = outcomes.get(u);
    const { key: ranksKey, ranges: unitRanks } = rangesOf(ranks, u);
    const { key: placesKey, ranges: unitPlaces } = rangesOf(places, u);
    // Its ends, lowest first (a row that takes both a shared cap and a line's last points can move a
    // total against its kind: the range still spans both ways).
    const [lo, hi] = own ? own.total : [unit.total, unit.total];
    const moves = ranksKey !== "" || unsettled.has(u);
    // Its own rows where they can move it: its total or a line or item a ranking may read, or a
    // single-item award it claims (rows past a cap, or charged to an item at its bound, move
    // nothing, and are not named); the others' where it may move; others' claims to a
    // single-item award it holds (the nearest few, where a ranking is a province's).
    if (own && (own.moves() || (unsettled.get(u)?.some((a) => a.kind === "single") ?? false))) add(u, own.rows);
    const taking = takers.get(u)?.filter((e) => !own?.rows.includes(e));
    if (taking?.length) add(u, taking);
    if (!moves && lo === hi) continue;
    const awards = unsettled.get(u) ?? [];
    unit.certainty = { total: interned.total(lo, hi), ranks: interned.ranks(ranksKey, unitRanks), ...(placesKey ? { places: interned.ranks(placesKey, unitPlaces) } : {}), settled: awards.length === 0, open: interned.open(awards), pending: interned.cells((pendingOf.get(u) ?? []).sort(byPlace)), awardClaims: interned.cells((forAwards.get(u) ?? []).sort(byPlace)) };
  }
}

/** A unit's ranges on each ranking they are kept for (ranks, or prize places), with a key telling them apart. */
function rangesOf(byRanking: ReadonlyMap<string, ReadonlyMap<number, readonly [number, number]>>, u: number): { key: string; ranges: Record<string, readonly [number, number]> } {
  let key = "";
  const ranges: Record<string, readonly [number, number]> = {};
  for (const [id, byUnit] of byRanking) {
    const range = byUnit.get(u);
    if (range) {
      ranges[id] = range;
      key += `${id}\u0000${range[0]}\u0000${range[1]}\u0000`;
    }
  }
  return { key, ranges };
}

const NO_OPEN: readonly OpenAward[] = [];

function samePoints(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The parts of certainties, one object per distinct value. */
class Interned {
  private readonly totals = new Map<string, readonly [Points, Points]>();
  private readonly rankSets = new Map<string, Readonly<Record<string, readonly [number, number]>>>();
  private readonly lists = new Map<string, readonly CellAt[]>();
  private readonly opens = new Map<string, readonly OpenAward[]>();
  private readonly ids = new Map<CellAt, number>();

  total(lo: Points, hi: Points): readonly [Points, Points] {
    const key = `${lo},${hi}`;
    let t = this.totals.get(key);
    if (!t) this.totals.set(key, (t = [lo, hi]));
    return t;
  }

  ranks(key: string, made: Readonly<Record<string, readonly [number, number]>>): Readonly<Record<string, readonly [number, number]>> {
    const seen = this.rankSets.get(key);
    if (seen) return seen;
    this.rankSets.set(key, made);
    return made;
  }

  /** The awards claims could change, in the order found. */
  open(list: readonly OpenAward[]): readonly OpenAward[] {
    if (!list.length) return NO_OPEN;
    let key = "";
    // (A grade's possible grades and a prize's best and worst tiers are the unit's own: part of what makes two lists alike.)
    for (const a of list) key += `${a.ranking}\u0000${a.kind}\u0000${a.code ?? ""}\u0000${a.grades?.join("\u0001") ?? ""}\u0000${a.tier ?? ""}\u0000${a.worst === null ? "\u0001" : (a.worst ?? "")}\u0000`;
    const seen = this.opens.get(key);
    if (seen) return seen;
    this.opens.set(key, list);
    return list;
  }

  /** A list of cells, by the cells' identity and order. */
  cells(list: readonly CellAt[]): readonly CellAt[] {
    let key = "";
    for (const c of list) {
      let id = this.ids.get(c);
      if (id === undefined) this.ids.set(c, (id = this.ids.size));
      key += `${id},`;
    }
    const seen = this.lists.get(key);
    if (seen) return seen;
    this.lists.set(key, list);
    return list;
  }
}

/** A cell reference's row (C12 → 12), read without a regular expression: a province's lists are sorted by it. */
function rowOf(cell: string): number {
  let row = 0;
  for (let i = 0; i < cell.length; i++) {
    const d = cell.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) row = row * 10 + d;
  }
  return row;
}

/** Cells in the order a reader meets them: by sheet, then row, then column (B3 before B10). */
function byPlace(a: CellAt, b: CellAt): number {
  if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
  const ra = rowOf(a.cell);
  const rb = rowOf(b.cell);
  if (ra !== rb) return ra - rb;
  return a.cell.length - b.cell.length || (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0);
}
