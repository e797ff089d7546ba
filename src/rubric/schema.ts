// The rubric file's shape, as a zod 4 schema: strict objects, so a misspelt key is an error.
// Cross-field rules (sums, references, unique codes) live in checks.ts; this is shape only.
import { z } from "zod";

const code = z.string().regex(/^[A-Z]{1,4}\d+(\.\d+)*$/, { message: "code" });
const lineCode = z.string().regex(/^[A-Z]{1,4}$/, { message: "line-code" });
const points = z.number().nonnegative();
/** A rate: "95%" or a fraction 0.95. */
const rate = z.union([z.string().regex(/^\d+(\.\d+)?%$/, { message: "rate" }), z.number().min(0).max(1)]);
const text = z.string().min(1);

export const itemSchema = z.strictObject({
  code,
  name: text,
  max: points,
  text: z.string().optional(),
  kind: z.enum(["judged", "threshold", "gate", "linear", "ratio"]).optional(),
  /** The indicator (ZB…) a measured item reads. */
  indicator: code.optional(),
  /** A target code (MB…) or a fixed rate. */
  target: z.union([code, rate]).optional(),
  /** linear: the rate that earns 0. */
  floor: rate.optional(),
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
  id: z.enum(["town", "department"]),
  name: text,
  labels: z.array(text).min(1),
  scale: points,
  lines: z.array(lineCode).min(1),
});

const ledgerCodeSchema = z.strictObject({
  code,
  name: text,
  kind: z.enum(["bonus", "deduction", "single"]),
  text: z.string().optional(),
  points: points.optional(),
  levels: z.union([z.record(z.string().min(1), points), z.array(text).min(1)]).optional(),
  range: z.tuple([points, points]).optional(),
  double_when_flagged: z.boolean().optional(),
  once_per_year: z.boolean().optional(),
  cap: points.optional(),
});

const rankingSchema = z.strictObject({
  id: z.string().min(1),
  name: text,
  unit_kind: z.enum(["town", "department"]),
  by: z.string().min(1),
  tie_breakers: z.array(z.string().min(1)).optional(),
});

const awardsSchema = z.strictObject({
  ranking: z.string().min(1),
  level_order: z.array(text).min(1),
  tiers: z.array(
    z.strictObject({
      name: text,
      ranks: z.tuple([z.number().int().positive(), z.number().int().positive()]),
      amount: z.number().nonnegative().optional(),
    }),
  ),
  single: z.array(
    z.strictObject({
      code,
      name: text,
      amount: z.number().nonnegative(),
      count: z.number().int().positive().optional(),
      linked_item: code.optional(),
    }),
  ),
  yellow_card: z
    .strictObject({
      name: text,
      last_place: z.boolean(),
      below: points.optional(),
    })
    .optional(),
});

export const rubricSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: "id" }),
  version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]*$/, { message: "version" }),
  effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "date" }),
  title: text,
  source: z.string().optional(),
  unit_kinds: z.array(unitKindSchema).min(1),
  indicators: z.array(z.strictObject({ code, name: text })),
  targets: z.array(z.strictObject({ code, name: text, default: rate.optional() })),
  lines: z.array(lineSchema).min(1),
  ledger: z.strictObject({
    statuses: z.strictObject({
      counted: z.array(text).min(1),
      pending: z.array(text),
      rejected: z.array(text),
    }),
    flag_words: z.strictObject({ yes: z.array(text).min(1), no: z.array(text).min(1) }),
    codes: z.array(ledgerCodeSchema),
  }),
  rankings: z.array(rankingSchema).min(1),
  awards: awardsSchema,
});

export type RubricInput = z.infer<typeof rubricSchema>;
export type ItemInput = z.infer<typeof itemSchema>;

/** JSON Schema for editors (yaml-language-server, VS Code). */
export function rubricJsonSchema(): unknown {
  return z.toJSONSchema(rubricSchema, { target: "draft-2020-12", unrepresentable: "any" });
}
