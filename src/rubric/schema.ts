// The rubric file's shape, as a zod 4 schema: strict objects, so a misspelt key is an error.
// Cross-field rules (sums, references, units, unique codes) live in build.ts; this is shape only.
import { z } from "zod";
import { SCHEMA_DOCS } from "./schema-docs.js";

/** An item's, indicator's, target's or ledger code: DZ3.1, ZB1, KF3. */
export const CODE_PATTERN = /^[A-Z]{1,4}\d+(\.\d+)*$/;
const code = z.string().regex(CODE_PATTERN, { message: "code" });
const lineCode = z.string().regex(/^[A-Z]{1,4}$/, { message: "line-code" });
const id = z.string().regex(/^[a-z][a-z0-9_-]*$/, { message: "id" });
const points = z.number().nonnegative();
/** Points that must be some: a scale, a cap, a code's points, a step down a place (0 would mean nothing, or refuse everything). */
const some = z.number().positive();
/** A measured value: "95%" or a fraction 0.95 for a percent; a number for a count or an amount. */
const measure = z.union([z.string().regex(/^[+-]?\d+(\.\d+)?[%％]$/, { message: "rate" }), z.number()]);
/** A share or weight: "40%" or 0.4. */
const share = z.union([z.string().regex(/^\d+(\.\d+)?[%％]$/, { message: "rate" }), z.number().min(0).max(1)]);
/** A name or word the workbook's cells are matched with: its spaces at either end are no part of it, as a cell's are not (已认定 with a space after it refused every row). */
const text = z.string().trim().min(1);

const vetoSchema = z.strictObject({
  /** The vetoed unit keeps its rank (else it is not ranked). */
  ranked: z.boolean().optional(),
  /** Its grade is set to this one (直接定为不合格). */
  grade: text.optional(),
  /** Its grade is at most this one (不得评为优秀). */
  grade_at_most: text.optional(),
  /** The prize place it would hold: left empty, or passed to the next unit. */
  place: z.enum(["empty", "passed"]).optional(),
  /** Its grade alone is held (不得评为优秀): no one-vote veto, its rank, prizes and awards kept. */
  grade_only: z.boolean().optional(),
});

export const itemSchema = z.strictObject({
  code,
  name: text,
  max: points,
  text: z.string().optional(),
  kind: z.enum(["judged", "deducted", "threshold", "gate", "linear", "ratio", "bands", "shortfall", "relative-best", "rank-points"]).optional(),
  /** judged and deducted: the smallest step of points (default 0.5). */
  step: z.number().positive().optional(),
  /** The indicator (ZB…) a measured item reads. */
  indicator: code.optional(),
  /** A target code (MB…) or a fixed value. */
  target: z.union([code, measure]).optional(),
  /** linear: the value that earns 0 (fixed, or a target code: per unit). */
  floor: z.union([code, measure]).optional(),
  /** bands: best first, each the value to reach and the share of the max (or points) it earns. */
  bands: z.array(z.strictObject({ from: measure, share: share.optional(), points: points.optional() })).min(1).optional(),
  /** shortfall: points taken off for each `per` below the target (扣完为止). */
  per: measure.optional(),
  deduct: some.optional(),
  whole_steps: z.boolean().optional(),
  /** rank-points: points less for each place below the first. */
  per_place: some.optional(),
  /** relative-best and rank-points: vetoed units take part (default: no). */
  include_vetoed: z.boolean().optional(),
  /** relative-best and rank-points: compared with every unit of the kind, its groups together (default: within its group). */
  across_groups: z.boolean().optional(),
  /** gate: what the veto does (default: the unit is not ranked and wins nothing). */
  veto: vetoSchema.optional(),
  get items(): z.ZodOptional<z.ZodArray<typeof itemSchema>> {
    return z.array(itemSchema).min(1).optional();
  },
});

const lineSchema = z.strictObject({
  code: lineCode,
  name: text,
  /** The input sheet's name in templates (default: the line's name). */
  sheet: text.optional(),
  max: points,
  text: z.string().optional(),
  items: z.array(itemSchema).min(1),
});

const unitKindSchema = z.strictObject({
  id,
  name: text,
  labels: z.array(text).min(1),
  scale: some,
  lines: z.array(lineCode).min(1),
  /** Line code → weight: total = Σ line score × weight. */
  weights: z.record(z.string(), share).optional(),
  /** Ranking groups within the kind (乡镇组, 街道组). */
  groups: z.array(z.strictObject({ id, name: text, labels: z.array(text).min(1) })).min(2).optional(),
});

const measureUnit = z.enum(["percent", "number", "amount"]);

const ledgerCodeSchema = z.strictObject({
  code,
  name: text,
  kind: z.enum(["bonus", "deduction", "single"]),
  text: z.string().optional(),
  points: some.optional(),
  levels: z.union([z.record(z.string().min(1), some), z.array(text).min(1)]).optional(),
  range: z.tuple([points, some]).optional(),
  double_when_flagged: z.boolean().optional(),
  once_per_year: z.boolean().optional(),
  cap: some.optional(),
  /** The unit kinds it may be recorded for (default: the first unit kind). */
  unit_kinds: z.array(id).min(1).optional(),
  /** What it is charged to: total (default), a line code or an item code. */
  charge: z.string().trim().min(1).optional(),
});

const tierSchema = z.strictObject({
  name: text,
  ranks: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  amount: z.number().nonnegative().optional(),
});

const singleSchema = z.strictObject({
  code,
  name: text,
  amount: z.number().nonnegative().optional(),
  count: z.number().int().positive().optional(),
  linked_item: code.optional(),
});

const yellowSchema = z.strictObject({
  name: text,
  last_place: z.boolean().optional(),
  below: points.optional(),
  /** Given only where both hold (末位且低于 70 分); by default either is enough. */
  both: z.boolean().optional(),
});

const gradesSchema = z.strictObject({
  bands: z
    .array(
      z.strictObject({
        name: text,
        from: points,
        /** At most this share of the ranked units ("20%", rounded down unless quota_round says otherwise) or this many (3). */
        quota: z.union([share, z.number().int().positive()]).optional(),
        /** A share's places at the least (不足 5 个的评 1 个): quota: 20% with quota_min: 1. */
        quota_min: z.number().int().positive().optional(),
      }),
    )
    .min(1),
  /** The grade below every band (不合格). */
  otherwise: text.optional(),
  /** Units still tied at a quota's cut after the tie-breakers: all get the grade, or none. */
  ties: z.enum(["all", "none"]).optional(),
  /** What a share quota is of: the units ranked (the default), or every unit assessed (参评单位), vetoed ones out of the ranking too. */
  quota_of: z.enum(["ranked", "assessed"]).optional(),
  /** How a share quota's places are rounded: down (the default, 20% of 8 is 1), to the nearest (四舍五入: 2), or up (进一: 2). */
  quota_round: z.enum(["down", "nearest", "up"]).optional(),
});

const rankingSchema = z.strictObject({
  id: z.string().min(1),
  name: text,
  unit_kind: id,
  group: id.optional(),
  by: z.string().trim().min(1),
  tie_breakers: z.array(z.string().trim().min(1)).optional(),
  tiers: z.array(tierSchema).optional(),
  grades: gradesSchema.optional(),
  single: z.array(singleSchema).optional(),
  yellow_card: yellowSchema.optional(),
});

/** The outcomes of one ranking, as rubrics of version 1 wrote them. */
const awardsSchema = z.strictObject({
  ranking: z.string().trim().min(1),
  level_order: z.array(text).min(1).optional(),
  tiers: z.array(tierSchema).optional(),
  single: z.array(singleSchema).optional(),
  yellow_card: yellowSchema.optional(),
});

export const rubricSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: "rubric-id" }),
  version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]*$/, { message: "version" }),
  // A day of the calendar (2026-13-45 is none): the date read back must be the date written.
  effective: z
    .string()
    // Not read as a day where the form is wrong already: one message, not two.
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "date", abort: true })
    .refine((d) => {
      const t = new Date(`${d}T00:00:00Z`);
      return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
    }, { message: "date" }),
  title: text,
  source: z.string().optional(),
  report: z.strictObject({ title: text.optional(), name: text.optional(), issuer: text.optional() }).optional(),
  unit_kinds: z.array(unitKindSchema).min(1),
  /** Either may be left out by a scheme that measures nothing (every item judged). */
  indicators: z.array(
    z.strictObject({
      code,
      name: text,
      unit: measureUnit.optional(),
      display: text.optional(),
      direction: z.enum(["higher", "lower"]).optional(),
      whole: z.boolean().optional(),
      min: measure.optional(),
      max: measure.optional(),
    }),
  ).optional(),
  targets: z.array(z.strictObject({ code, name: text, unit: measureUnit.optional(), display: text.optional(), default: measure.optional(), min: measure.optional(), max: measure.optional() })).optional(),
  lines: z.array(lineSchema).min(1),
  ledger: z.strictObject({
    statuses: z.strictObject({
      counted: z.array(text).min(1),
      // A scheme with no pending or refused status need not invent one.
      pending: z.array(text).default([]),
      rejected: z.array(text).default([]),
    }),
    /** The words of the 未如实上报 column; by default 是 √ Y / 否 × N. */
    flag_words: z.strictObject({ yes: z.array(text).min(1), no: z.array(text).min(1) }).optional(),
    /** Caps over several codes, or over all of a unit's bonuses or deductions. */
    caps: z.array(z.strictObject({ codes: z.array(code).min(1).optional(), kind: z.enum(["bonus", "deduction"]).optional(), max: some })).optional(),
    codes: z.array(ledgerCodeSchema),
  }).optional(),
  /** Levels of recognition, highest first (single-item awards compare them). */
  level_order: z.array(text).min(1).optional(),
  rankings: z.array(rankingSchema).min(1),
  awards: awardsSchema.optional(),
});

export type RubricInput = z.infer<typeof rubricSchema>;
export type ItemInput = z.infer<typeof itemSchema>;

/** JSON Schema for editors (yaml-language-server, VS Code), each key with what it means on hover. */
export function rubricJsonSchema(): unknown {
  const schema = readableByOlderEditors(z.toJSONSchema(rubricSchema, { target: "draft-2020-12", unrepresentable: "any", io: "input" })) as Record<string, unknown>;
  described(schema, "");
  // The item's schema (recursive: a line's items, an item's children) is a definition of its own.
  const defs = schema["$defs"];
  if (defs && typeof defs === "object") for (const def of Object.values(defs)) described(def, "item");
  return schema;
}

/** Each property's description from SCHEMA_DOCS, by its path (a version-1 awards block's keys as a ranking's). */
function described(node: unknown, path: string): void {
  if (Array.isArray(node)) {
    for (const n of node) described(n, path);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const n = node as Record<string, unknown>;
  const props = n["properties"];
  if (props && typeof props === "object") {
    for (const [key, child] of Object.entries(props as Record<string, unknown>)) {
      const at = path ? `${path}/${key}` : key;
      const doc = SCHEMA_DOCS[at] ?? (at.startsWith("awards/") ? SCHEMA_DOCS[`rankings/${at.slice("awards/".length)}`] : undefined);
      if (doc !== undefined && child && typeof child === "object") (child as Record<string, unknown>)["description"] = doc;
      described(child, at);
    }
  }
  for (const key of ["items", "prefixItems", "anyOf", "additionalProperties"]) described(n[key], path);
}

/**
 * A pair (`ranks: [1, 1]`, `range: [0.5, 3]`) as editors before draft 2020-12 read it too: zod
 * writes `prefixItems` with `items: false`, which yaml-language-server before 1.20 reads as "no
 * item at all", a false warning on every such line of a valid rubric. Each item is one of the
 * pair's schemas instead (the same under 2020-12, where `items` covers what follows the pair:
 * nothing, `maxItems` being its length).
 */
function readableByOlderEditors(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(readableByOlderEditors);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = readableByOlderEditors(v);
  const prefix = out["prefixItems"];
  if (Array.isArray(prefix) && out["items"] === false) {
    const distinct = prefix.filter((p, i) => prefix.findIndex((q) => JSON.stringify(q) === JSON.stringify(p)) === i);
    out["items"] = distinct.length === 1 ? distinct[0] : { anyOf: distinct };
  }
  return out;
}

let keys: readonly string[] | undefined;

/** Every key a rubric may have, somewhere: what a misspelt key is likely to have meant. */
export function rubricKeys(): readonly string[] {
  if (keys) return keys;
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        if (k === "properties" && v && typeof v === "object" && !Array.isArray(v)) for (const name of Object.keys(v)) found.add(name);
        walk(v);
      }
    }
  };
  walk(rubricJsonSchema());
  keys = [...found];
  return keys;
}

/** Key → the places of the rubric it may stand in (unit_kinds[], rankings[].grades), once made. */
let places: ReadonlyMap<string, readonly string[]> | undefined;

/**
 * Where in a rubric a key may stand: each place written as a path (`unit_kinds[]` for each item of
 * unit_kinds, `rankings[].grades`); an item's own keys at `lines[].items[]`. None for a key the
 * rubric has nowhere.
 */
export function rubricPlacesOf(key: string): readonly string[] {
  if (!places) {
    const root = (keysSchema ??= rubricJsonSchema() as Record<string, unknown>);
    const defs = (root["$defs"] ?? {}) as Record<string, unknown>;
    const found = new Map<string, string[]>();
    const walk = (node: unknown, at: string, seen: ReadonlySet<string>): void => {
      if (!node || typeof node !== "object") return;
      const n = node as Record<string, unknown>;
      const ref = typeof n["$ref"] === "string" ? /^#\/\$defs\/(.+)$/.exec(n["$ref"])?.[1] : undefined;
      // An item's items are items again: each definition walked once on a path.
      if (ref !== undefined) return seen.has(ref) ? undefined : walk(defs[ref], at, new Set([...seen, ref]));
      for (const b of [n["anyOf"], n["oneOf"], n["allOf"]]) if (Array.isArray(b)) for (const x of b) walk(x, at, seen);
      if (n["items"]) walk(n["items"], `${at}[]`, seen);
      const props = n["properties"];
      if (props && typeof props === "object") {
        for (const [k, child] of Object.entries(props as Record<string, unknown>)) {
          const list = found.get(k) ?? [];
          if (!list.includes(at || "(root)")) list.push(at || "(root)");
          found.set(k, list);
          walk(child, at ? `${at}.${k}` : k, seen);
        }
      }
    };
    walk(root, "", new Set());
    places = found;
  }
  return places.get(key) ?? [];
}

/** The JSON Schema the keys of a place are looked up in (read only). */
let keysSchema: Record<string, unknown> | undefined;

/**
 * The keys a rubric may have at a place in it (`["lines", 0, "items", 2]`): those of the schema's
 * object there, over every kind it may be. Undefined where the place is not found.
 */
export function rubricKeysAt(path: readonly (string | number)[]): readonly string[] | undefined {
  // Made once a run: each misspelt key asks several times, and making it takes 0.1 s (a rubric of
  // fifty misspelt keys was checked in 8 s).
  const root = (keysSchema ??= rubricJsonSchema() as Record<string, unknown>);
  const defs = (root["$defs"] ?? {}) as Record<string, unknown>;
  const resolve = (node: unknown): Record<string, unknown>[] => {
    if (!node || typeof node !== "object") return [];
    const n = node as Record<string, unknown>;
    const ref = typeof n["$ref"] === "string" ? /^#\/\$defs\/(.+)$/.exec(n["$ref"])?.[1] : undefined;
    if (ref !== undefined) return resolve(defs[ref]);
    const branches = [n["anyOf"], n["oneOf"], n["allOf"]].flatMap((b) => (Array.isArray(b) ? b : []));
    return branches.length ? branches.flatMap(resolve) : [n];
  };
  let nodes = resolve(root);
  for (const seg of path) {
    nodes = nodes.flatMap((n) => {
      if (typeof seg === "number") return resolve(n["items"]);
      const props = n["properties"];
      return props && typeof props === "object" ? resolve((props as Record<string, unknown>)[seg]) : resolve(n["additionalProperties"]);
    });
    if (!nodes.length) return undefined;
  }
  const found = new Set<string>();
  for (const n of nodes) {
    const props = n["properties"];
    if (props && typeof props === "object") for (const k of Object.keys(props)) found.add(k);
  }
  return found.size ? [...found] : undefined;
}

