// Loading as a library: two different workbooks loaded and scored in one process, through the
// same calls a host makes (bytes, rubrics, a codec), each giving its own results; and loading
// from bytes alone (no file system) with the rubric given as bytes too.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { nodeHost } from "../src/cli/host.js";
import { score } from "../src/engine/index.js";
import { compareVersions, loadWorkbook, type RubricSource } from "../src/load/index.js";
import { loadRubric } from "../src/rubric/load.js";
import { fillToBuffer } from "./helpers/fill.js";
import { unitNamed } from "./helpers/results.js";
import { rubricFrom } from "./helpers/builders.js";

const RUBRIC = "rubric/district-popplan-2022.1.yaml";
const rubricBytes = readFileSync(RUBRIC);
const sha = nodeHost.sha256(rubricBytes) as string;
/** The one bundled rubric, given as a host without files would give it. */
const rubrics: RubricSource = { bundled: [{ id: "district-popplan", version: "2022.1", load: () => loadRubric(RUBRIC, rubricBytes, sha) }] };

describe("the loading library", () => {
  it("loads and scores two different workbooks in one process, each on its own", async () => {
    const rubric = loadRubric(RUBRIC, rubricBytes, sha).rubric!;
    const sample = readFileSync("samples/qingshan-2026.xlsx");
    const small = await fillToBuffer(rubric, {
      district: "小区",
      units: [{ name: "甲镇", kind: "town" }, { name: "乙镇", kind: "town" }, { name: "丙局", kind: "department" }],
      values: {
        甲镇: { DZ2: 10, ZB1: 0.97, MB1: 0.95, ZB2: 0.99, MB2: 0.98, ZB3: 0.96, ZB4: 0.35 },
        乙镇: { DZ2: 20, ZB1: 0.9, MB1: 0.95, ZB2: 0.99, MB2: 0.98, ZB3: 0.96, ZB4: 0.35 },
      },
    });
    // Both loads in flight at once: nothing is shared between them.
    const [a, b] = await Promise.all([
      loadWorkbook({ file: "qingshan.xlsx", bytes: sample, rubrics, host: nodeHost }),
      loadWorkbook({ file: "small.xlsx", bytes: small, rubrics, host: nodeHost }),
    ]);
    expect(a.submission?.units.length).toBe(22);
    expect(a.submission?.cover.district).toBe("青山区");
    // The small one has blank judged cells: invalid, and its diagnostics name its own file.
    expect(b.submission).toBeUndefined();
    expect(b.diagnostics.length).toBeGreaterThan(0);
    expect(b.diagnostics.every((d) => d.location?.file === "small.xlsx")).toBe(true);
    expect(a.diagnostics.every((d) => d.location?.file === "qingshan.xlsx")).toBe(true);
    const ra = score(a.rubric!, a.submission!);
    expect(unitNamed(ra, "城关镇")).toMatchObject({ total: 100800, ranks: { overall: 1 } });
    expect(unitNamed(ra, "北川镇").vetoed).toBe(true);
    expect(ra.input).toEqual({ file: "qingshan.xlsx", sha256: nodeHost.sha256(sample) });
  });

  it("gives the same results for the same bytes, whichever other workbook was loaded before", async () => {
    const sample = readFileSync("samples/qingshan-2026.xlsx");
    const first = await loadWorkbook({ file: "x.xlsx", bytes: sample, rubrics, host: nodeHost });
    await loadWorkbook({ file: "y.xlsx", bytes: readFileSync("samples/broken/typos.xlsx"), rubrics, host: nodeHost });
    const again = await loadWorkbook({ file: "x.xlsx", bytes: sample, rubrics, host: nodeHost });
    expect(JSON.stringify(score(again.rubric!, again.submission!).units.map((u) => [u.name, u.total, u.ranks, u.awards]))).toBe(
      JSON.stringify(score(first.rubric!, first.submission!).units.map((u) => [u.name, u.total, u.ranks, u.awards])),
    );
  });
});

describe("a damaged part that no sheet needs", () => {
  /** The sample with one entry's checksum in the central directory changed (as a damaged copy has it wrong). */
  function damaged(name: string): Uint8Array {
    const bytes = new Uint8Array(readFileSync("samples/qingshan-2026.xlsx"));
    const view = new DataView(bytes.buffer);
    const key = new TextEncoder().encode(name);
    for (let p = 0; p + 46 < bytes.length; p++) {
      if (view.getUint32(p, true) !== 0x02014b50) continue;
      const len = view.getUint16(p + 28, true);
      if (len === key.length && bytes.subarray(p + 46, p + 46 + len).every((b, i) => b === key[i])) {
        view.setUint32(p + 16, view.getUint32(p + 16, true) ^ 1, true);
        return bytes;
      }
    }
    throw new Error(`no entry ${name}`);
  }

  it("is said as the file's damage, and nothing is scored (a result would carry it on)", async () => {
    for (const part of ["xl/comments2.xml", "xl/drawings/vmlDrawing2.vml"]) {
      const r = await loadWorkbook({ file: "q.xlsx", bytes: damaged(part), rubrics, host: nodeHost });
      expect(r.submission, part).toBeUndefined();
      expect(r.diagnostics.filter((d) => d.severity === "error"), part).toEqual([{ code: "xlsx.crc-mismatch", severity: "error", data: { entry: part }, location: { file: "q.xlsx" } }]);
    }
    const whole = await loadWorkbook({ file: "q.xlsx", bytes: readFileSync("samples/qingshan-2026.xlsx"), rubrics, host: nodeHost });
    expect(whole.submission?.units.length).toBe(22);
  });
});

describe("versions of a scheme, in order", () => {
  it("compares numbers as numbers, a word's number too, a pre-release before its release, a revision after", () => {
    const later = (a: string, b: string): boolean => compareVersions(a, b) > 0;
    expect(later("2022.10", "2022.9")).toBe(true);
    expect(later("v10", "v9")).toBe(true);
    expect(later("1.0", "1.0-rc1")).toBe(true);
    expect(later("1.0-rc2", "1.0-rc1")).toBe(true);
    expect(later("2026.1.1", "2026.1")).toBe(true);
    expect(compareVersions("2026.01", "2026.1")).toBe(0);
    expect(compareVersions("2026.1.0", "2026.1")).toBe(0);
    // A letter after a part's number, a revision after the parts: later (2026.1a was called older).
    for (const [a, b] of [["2026.1a", "2026.1"], ["2026.1a", "2026.0"], ["2026.1-r2", "2026.1"], ["2026.1-final", "2026.1"], ["v2", "1"], ["2026.10a", "2026.9"]] as const) expect(later(a, b), `${a} after ${b}`).toBe(true);
    // Each the other way round too.
    for (const [a, b] of [["2022.10", "2022.9"], ["v10", "v9"], ["1.0", "1.0-rc1"], ["2026.1.1", "2026.1"]] as const) expect(compareVersions(b, a)).toBeLessThan(0);
  });
});

describe("a workbook without a cover, among rubrics its headers fit alike", () => {
  it("is scored under the one whose names its headings say (an office's scheme reusing the district's codes for items of its own lost to the district's)", async () => {
    const { resolveRubric } = await import("../src/load/rubrics.js");
    const district = loadRubric(RUBRIC, rubricBytes, sha);
    const own = rubricFrom(readFileSync("test/fixtures/mini-rubric.yaml", "utf8").replace("id: mini", "id: zz-own"));
    const source: RubricSource = {
      bundled: [
        { id: "district-popplan", version: "2022.1", load: () => district },
        { id: "zz-own", version: "1", own: "zz-own-1.yaml", load: () => ({ rubric: own, diagnostics: [] }) },
      ],
    };
    // Codes both have, headed with the office's own names (DZ1 基本指标, not 基本人口指标).
    const ownHeadings = new Map([["DZ1", "DZ1 基本指标(20分)"], ["BM1", "BM1 职责"], ["ZB1", "ZB1 符合率"], ["ZB2", "ZB2 满意率"]]);
    expect(resolveRubric(source, undefined, "b.xlsx", new Set(ownHeadings.keys()), ownHeadings).rubric?.id).toBe("zz-own");
    // The same codes headed with the district's names: the district's (the first listed, and named so).
    const districtHeadings = new Map([["DZ1", "DZ1 基本人口指标"], ["BM1", "BM1 参与统筹解决人口问题"], ["ZB1", "ZB1 出生政策符合率"], ["ZB2", "ZB2 统计合格率"]]);
    expect(resolveRubric(source, undefined, "b.xlsx", new Set(districtHeadings.keys()), districtHeadings).rubric?.id).toBe("district-popplan");
    // Headers none fits (a payroll): the first listed, as before.
    expect(resolveRubric(source, undefined, "b.xlsx", new Set()).rubric?.id).toBe("district-popplan");
  });
});
