// Fuzzing the whole input path with workbooks mutated from the sample: random bytes of the zip,
// and damaged XML inside a well-formed zip. Whatever comes in: never a crash, a hang, a stack
// trace, an internal error, or a written result for an invalid input. Bounded (a fixed seed and
// a few hundred cases, well under a minute); FUZZ_SEED and FUZZ_RUNS explore further.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { load } from "./helpers/load.js";
import { cli } from "./helpers/cli.js";
import { scratchDir } from "./helpers/tmp.js";

const SAMPLE = readFileSync("samples/qingshan-2026.xlsx");
const PARTS = unzipSync(new Uint8Array(SAMPLE));
const XML_PARTS = Object.keys(PARTS).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"));
const seed = Number(process.env.FUZZ_SEED ?? 20261129);
const runs = Number(process.env.FUZZ_RUNS ?? 120);
const dir = scratchDir("assess-fuzz-");

async function check(bytes: Uint8Array): Promise<void> {
  const t0 = performance.now();
  const r = await load("fuzz.xlsx", bytes);
  expect(performance.now() - t0).toBeLessThan(10_000);
  expect(r.diagnostics.filter((d) => d.code === "internal.error")).toEqual([]);
  if (r.diagnostics.some((d) => d.severity === "error")) expect(r.submission).toBeUndefined();
  else expect(r.submission).toBeDefined();
}

let n = 0;
/** Every few cases, the whole command: exit 0 or 1, no stack trace, nothing written when invalid. */
async function checkCli(bytes: Uint8Array): Promise<void> {
  if (n++ % 8 !== 0) return;
  const input = join(dir, `case-${n}.xlsx`);
  const out = join(dir, `case-${n}.scored.xlsx`);
  writeFileSync(input, bytes);
  const r = await cli(["score", input, "-o", out], { LANG: "en_US.UTF-8" });
  expect([0, 1]).toContain(r.code);
  expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(r.err).not.toContain("internal error");
  if (r.code === 1) expect(existsSync(out)).toBe(false);
  for (const line of r.err.trim().split("\n").filter(Boolean)) {
    if (line.startsWith("wrote ")) continue;
    // The closing count of a workbook not scored, after its problems.
    if (/^\d+ errors?, \d+ warnings?; the workbooks? (was|were) not (scored|compared)/.test(line)) continue;
    expect(line).toMatch(/^(\S.*: )?(error|warning): .+ \[[a-z]+\.[a-z0-9.-]+\]$/);
  }
}

const byteMutation = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant("overwrite" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
);

function mutateBytes(src: Uint8Array, muts: fc.Arbitrary<unknown> extends never ? never : { kind: string; at: number; bit?: number; bytes?: Uint8Array }[]): Uint8Array {
  let b = new Uint8Array(src);
  for (const m of muts) {
    const at = m.at % Math.max(1, b.length);
    if (m.kind === "flip") b[at] = (b[at] ?? 0) ^ (1 << (m.bit ?? 0));
    else if (m.kind === "truncate") b = b.slice(0, at);
    else if (m.kind === "insert" && m.bytes) b = new Uint8Array([...b.slice(0, at), ...m.bytes, ...b.slice(at)]);
    else if (m.kind === "overwrite" && m.bytes) b.set(m.bytes.slice(0, b.length - at), at);
  }
  return b;
}

const SNIPPETS = ['<!DOCTYPE x [<!ENTITY a "aaaa">]>', "&a;", "<c r=\"B2\"><v>abc</v></c>", "<c r=\"XFD1048576\"><v>1</v></c>", "\u0000", "\uFFFE", "<row>", "</sheetData>", '<c r="B2" t="s"><v>99999</v></c>', "]]>", "<![CDATA[x", "&#0;", '<si><t>' + "长".repeat(40000) + "</t></si>"];

const xmlMutation = fc.record({
  part: fc.constantFrom(...XML_PARTS),
  kind: fc.constantFrom("delete", "duplicate", "insert", "number"),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 200 }),
  snippet: fc.constantFrom(...SNIPPETS),
});

function mutateXml(m: { part: string; kind: string; at: number; len: number; snippet: string }): Uint8Array {
  const files: Record<string, Uint8Array> = { ...PARTS };
  const text = strFromU8(files[m.part] ?? new Uint8Array());
  const at = m.at % Math.max(1, text.length);
  let next = text;
  if (m.kind === "delete") next = text.slice(0, at) + text.slice(at + m.len);
  else if (m.kind === "duplicate") next = text.slice(0, at + m.len) + text.slice(at, at + m.len) + text.slice(at + m.len);
  else if (m.kind === "insert") next = text.slice(0, at) + m.snippet + text.slice(at);
  else next = text.replace(/<v>[^<]*<\/v>/, `<v>${m.snippet.length % 2 ? "-1e309" : "NaN"}</v>`);
  files[m.part] = strToU8(next);
  return zipSync(files);
}

describe("fuzzing the input path", () => {
  it("mutated bytes of the sample: a located answer, never a crash", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(byteMutation, { minLength: 1, maxLength: 3 }), async (muts) => {
        const bytes = mutateBytes(new Uint8Array(SAMPLE), muts);
        await check(bytes);
        await checkCli(bytes);
      }),
      { seed, numRuns: runs },
    );
  }, 120_000);

  it("damaged XML inside a sound zip: a located answer, never a crash", async () => {
    await fc.assert(
      fc.asyncProperty(xmlMutation, async (m) => {
        const bytes = mutateXml(m);
        await check(bytes);
        await checkCli(bytes);
      }),
      { seed: seed + 1, numRuns: runs },
    );
  }, 120_000);
});
