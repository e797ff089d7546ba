// npm run bench: generates districts of 20, 2,000 and 40,000 towns, times `assess validate` and
// `assess score` end to end (a fresh process each, median of several runs) with peak memory, and
// compares them with the floor (unzip + XML tokenize of the same file) and with a process that
// does nothing (`node -e 0`: start-up alone); then `assess report` (Excel and HTML, one run each:
// it has no target, the table says what it costs).
// Then the comprehensive rubric (weights, groups, relative kinds) at 2,000 and 40,000 towns.
// BENCH_SIZES=20,2000 and BENCH_SIZES2=2000 to choose sizes (BENCH_SIZES2= to skip).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { generate } from "./generate.mjs";
import { generateAny } from "./generate-any.mjs";
import { loadRubric } from "../dist/rubric/load.js";
import { leaves } from "../dist/rubric/model.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const out = join(here, "out");
mkdirSync(out, { recursive: true });
const rubricFile = join(here, "..", "rubric", "district-popplan-2022.1.yaml");
const rubric = loadRubric(rubricFile, readFileSync(rubricFile), "bench").rubric;
const judged = Object.fromEntries(rubric.lines.map((l) => [l.code, leaves(l.items).filter((i) => i.kind === "judged").map((i) => ({ code: i.code, name: i.name, max: i.max / 100 }))]));

const sizes = (process.env.BENCH_SIZES ?? "20,2000,40000").split(",").map(Number);
const runsFor = (n) => (n <= 20 ? 7 : n <= 2000 ? 5 : 3);

function timed(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 26 });
  const wall = (performance.now() - t0) / 1000;
  const lines = r.stdout.trim().split("\n");
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed: ${r.stderr}`);
  return { wall, rssMiB: Number(lines.at(-1)) / 1024, code: Number(lines.at(-2)) };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function summary(rs) {
  return { wall: median(rs.map((r) => r.wall)), rssMiB: Math.max(...rs.map((r) => r.rssMiB)), code: rs[0].code };
}

function measure(args, runs) {
  return summary(Array.from({ length: runs }, () => timed(args)));
}

/** Each command `runs` times, taking turns; the summary of each. */
function interleaved(commands, runs) {
  const results = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach((args, k) => results[k].push(timed(args)));
  return results.map(summary);
}

const rows = [];
for (const n of sizes) {
  const file = join(out, `district-${n}.xlsx`);
  const g0 = performance.now();
  generate(file, n, judged);
  const gen = (performance.now() - g0) / 1000;
  const runs = runsFor(n);
  const scoreOut = join(out, `district-${n}.scored.xlsx`);
  // The three are run in turn, not one after the other, so that a slower spell of a shared
  // machine weighs on the floor as much as on the commands compared with it. From the second
  // run on, score replaces the result of the run before, as a clerk scoring again does.
  const [floor, validate, score, bare] = interleaved(
    [[join(here, "floor.mjs"), file], [join(here, "child.mjs"), "validate", file], [join(here, "child.mjs"), "score", file, "-o", scoreOut], [join(here, "bare.mjs")]],
    runs,
  );
  if (validate.code !== 0 || score.code !== 0) throw new Error(`exit codes ${validate.code}/${score.code} for ${n}`);
  // assess diff against next year's district: every judged value moved (the costliest diff).
  const nextYear = join(out, `district-${n}-next.xlsx`);
  generate(nextYear, n, judged, 1);
  const diff = measure([join(here, "child.mjs"), "diff", file, nextYear], 1);
  rmSync(nextYear, { force: true });
  const reportOut = (ext) => join(out, `district-${n}.report.${ext}`);
  const report = Object.fromEntries(
    ["xlsx", "html"].map((ext) => {
      const r = measure([join(here, "child.mjs"), "report", file, "--format", ext, "-o", reportOut(ext)], 1);
      rmSync(reportOut(ext), { force: true });
      return [ext, r];
    }),
  );
  rows.push({ n, mb: statSync(file).size / 1048576, gen, floor, validate, score, bare, report, diff });
  rmSync(scoreOut, { force: true });
  process.stderr.write(`${n} towns done\n`);
}

// The comprehensive rubric (weights, groups, relative kinds, three unit kinds): validate and score.
const second = join(here, "..", "rubric", "township-comprehensive-2026.1.yaml");
const secondRubric = loadRubric(second, readFileSync(second), "bench").rubric;
const secondSizes = (process.env.BENCH_SIZES2 ?? "2000,40000").split(",").filter(Boolean).map(Number);
const rows2 = [];
for (const n of secondSizes) {
  const file = join(out, `comprehensive-${n}.xlsx`);
  generateAny(file, secondRubric, n);
  const scoreOut = join(out, `comprehensive-${n}.scored.xlsx`);
  const [floor, validate, score] = interleaved([[join(here, "floor.mjs"), file], [join(here, "child.mjs"), "validate", file], [join(here, "child.mjs"), "score", file, "-o", scoreOut]], runsFor(n));
  if (validate.code !== 0 || score.code !== 0) throw new Error(`exit codes ${validate.code}/${score.code} for ${n} (comprehensive)`);
  rows2.push({ n, mb: statSync(file).size / 1048576, floor, validate, score });
  rmSync(scoreOut, { force: true });
  process.stderr.write(`${n} towns (comprehensive) done\n`);
}

const f = (x, d = 2) => x.toFixed(d);
const lines = [
  "| towns | file | node -e 0 | floor (unzip + XML scan) | validate | score | score ÷ floor | score ÷ node -e 0 | peak memory (validate / score) |",
  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...rows.map((r) => `| ${r.n.toLocaleString("en")} | ${f(r.mb, 1)} MiB | ${f(r.bare.wall)} s | ${f(r.floor.wall)} s | ${f(r.validate.wall)} s | ${f(r.score.wall)} s | ${f(r.score.wall / r.floor.wall, 1)}× | ${f(r.score.wall / r.bare.wall, 1)}× | ${Math.round(r.validate.rssMiB)} / ${Math.round(r.score.rssMiB)} MiB |`),
  "",
  "| towns | report, Excel | report, HTML | diff with next year | diff ÷ score |",
  "|---:|---:|---:|---:|---:|",
  ...rows.map((r) => `| ${r.n.toLocaleString("en")} | ${f(r.report.xlsx.wall)} s, ${Math.round(r.report.xlsx.rssMiB)} MiB | ${f(r.report.html.wall)} s, ${Math.round(r.report.html.rssMiB)} MiB | ${f(r.diff.wall)} s, ${Math.round(r.diff.rssMiB)} MiB | ${f(r.diff.wall / r.score.wall, 1)}× |`),
  ...(rows2.length
    ? [
        "",
        "Comprehensive rubric (towns, with N/5 departments and N/5 enterprises):",
        "",
        "| towns | file | floor | validate | score | score ÷ floor | peak memory (validate / score) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        ...rows2.map((r) => `| ${r.n.toLocaleString("en")} | ${f(r.mb, 1)} MiB | ${f(r.floor.wall)} s | ${f(r.validate.wall)} s | ${f(r.score.wall)} s | ${f(r.score.wall / r.floor.wall, 1)}× | ${Math.round(r.validate.rssMiB)} / ${Math.round(r.score.rssMiB)} MiB |`),
      ]
    : []),
];
process.stdout.write(lines.join("\n") + "\n");
