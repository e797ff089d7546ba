// The small pieces: format-code classes, the exact fast number parser, cell references, the catalog
// entries of every xlsx code, and that no damaged file ever makes readXlsx throw.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catalog, placeholders } from "../../src/messages/index.js";
import { xlsxMessages } from "../../src/messages/catalog/xlsx.js";

import { isoToSerial, parseRefBytes } from "../../src/xlsx/refs.js";
import { builtinFormat, classifyFormatCode } from "../../src/xlsx/read/styles.js";
import { parseNumberBytes } from "../../src/xlsx/text.js";
import { bookParts, oneSheet, readXlsx, zipParts } from "./helpers.js";

describe("number format classes", () => {
  it.each([
    // Two or three decimals: a rate kept as a fraction shows rounded (0.9799 shows 0.98); more, or none: as it is.
    ["0.000", "general-3"], ["0.0000", "general"], ["0.0", "general-1"], ["0", "general-0"], ["# ?/?", "general"],
    // No decimal or one: what is shown may be rounded from what is stored (0.9499 shows 95%).
    ["0%", "percent-0"], ["0.0%", "percent-1"], ["#,##0.0%", "percent-1"], ["0.00%", "percent"], ["0.000%", "percent"], ['"完成"0%', "percent-0"], ['0.0"%"', "shown-percent"], ["0.0\\%", "shown-percent"], ['"增长"0.0"%"', "shown-percent"], ['"ymd%"0.00', "general-2"], ["#,##0.00", "general-2"],
    // The number shown is not the one stored: thousands (a comma after the digits), ten-thousands (an escaped point).
    ['0!.0000"万元"', "scaled"], ["0\\.0000", "scaled"], ['#,##0,"千元"', "scaled"], ["0,,", "scaled"], ['#,##0.00"万元"', "general-2"],
    ["General", "general"], ["@", "general"], ["yyyy-mm-dd", "date"], ['yyyy"年"m"月"d"日"', "date"], ["[h]:mm:ss", "date"],
    ["h:mm AM/PM", "date"], ["[$-804]yyyy/m/d", "date"], ["[Red]0.00", "general-2"], ['"days"0', "general-0"], ["_(* #,##0_)", "general-0"],
    ["0.00E+00", "general"], ["[$¥-804]#,##0.00", "general-2"], ["0%;[Red]-0.00%", "percent-0"],
  ])("%s → %s", async (code, cls) => {
    expect(classifyFormatCode(code)).toBe(cls);
  });

  it.each([[0, "general"], [1, "general-0"], [3, "general-0"], [2, "general-2"], [4, "general-2"], [9, "percent-0"], [10, "percent"], [14, "date"], [22, "date"], [31, "date"], [45, "date"], [58, "date"], [49, "general"], [164, "general"]])(
    "built-in %i → %s",
    (id, cls) => expect(builtinFormat(id)).toBe(cls),
  );
});

describe("numbers and references", () => {
  const bytes = (s: string) => Buffer.from(s, "latin1");

  it("parses numbers exactly like Number() and refuses what Number() would wrongly accept", async () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer().map((i) => i / 100), fc.integer()), (v) => {
        for (const s of [String(v), v.toFixed(2), v.toPrecision(15)]) {
          const b = bytes(s);
          const want = Number.isFinite(Number(s)) ? Number(s) : NaN; // overflow to Infinity is no number either
          expect(Object.is(parseNumberBytes(b, 0, b.length), want), s).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
    for (const bad of ["", " ", "abc", "0x1F", "1e", "Infinity", "NaN", "--1", "1.2.3", "1,5"]) {
      expect(parseNumberBytes(bytes(bad), 0, bad.length), bad).toBeNaN();
    }
  });

  it.each([["A1", 1, 1], ["Z9", 9, 26], ["AA10", 10, 27], ["xfd1048576", 1048576, 16384]])("%s → row %i col %i", async (ref, row, col) => {
    expect(parseRefBytes(bytes(ref), 0, ref.length)).toBe(row * 16384 + col - 1);
  });

  it.each(["", "A", "1", "A0", "A01", "XFE1", "A1048577", "AAAA1", "A1B", "$A$1"])("%j is no cell reference", async (ref) => {
    expect(parseRefBytes(bytes(ref), 0, ref.length)).toBe(-1);
  });

  it("turns ISO dates into 1900-system serials", async () => {
    expect(isoToSerial("1900-01-01")).toBe(1);
    expect(isoToSerial("1900-03-01")).toBe(61);
    expect(isoToSerial("2024-03-01T06:00:00Z")).toBe(45352.25);
    expect(isoToSerial("soon")).toBeNaN();
  });
});

describe("the xlsx catalog", () => {
  it.each(Object.keys(xlsxMessages))("%s has both languages with the same placeholders, and is in the catalog", async (code) => {
    const e = xlsxMessages[code]!;
    expect(catalog[code]).toBe(e);
    expect(e["zh-CN"].length).toBeGreaterThan(5);
    expect(e.en.length).toBeGreaterThan(5);
    expect(placeholders(e["zh-CN"])).toEqual(placeholders(e.en));
  });
});

describe("robustness", () => {
  const good = oneSheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>1.5</v></c><c r="C1" t="inlineStr"><is><t>x</t></is></c></row>', {
    sst: ["名称"],
    styles: '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs><xf/><xf numFmtId="9"/></cellXfs></styleSheet>',
  });

  it("never throws and never reports an internal error on damaged files", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), fc.option(fc.nat()), async (flips, cut) => {
        const bytes = new Uint8Array(good);
        for (const [at, v] of flips) bytes[at % bytes.length] = v;
        const input = cut === null ? bytes : bytes.subarray(0, cut % bytes.length);
        const r = await readXlsx("f.xlsx", input);
        for (const d of r.diagnostics) {
          expect(d.code).not.toBe("internal.error");
          expect(catalog[d.code], d.code).toBeDefined();
        }
        if (r.book === undefined) expect(r.diagnostics).toHaveLength(1);
      }),
      { numRuns: 1500 },
    );
  });

  it("never throws on damaged XML inside an intact zip", async () => {
    const parts = bookParts({
      sheets: [{ name: "S", xml: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><f>A1</f><v>2</v></c><c t="inlineStr"><is><r><t>a</t></r></is></c></row><row><c><v>1</v></c></row>' }],
      sst: ["x"],
    });
    const names = Object.keys(parts);
    const piece = fc.constantFrom("<", ">", "/", "&", ";", '"', "'", "=", ":", " ", "c", "v", "r", "1", "A", "<!--", "]]>", "<![CDATA[", "&#0;", "&#x10FFFF;", "\u00ff");
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), piece), { minLength: 1, maxLength: 6 }), async (which, edits) => {
        const name = names[which % names.length]!;
        let xml = String(parts[name]);
        for (const [at, del, ins] of edits) {
          const i = at % (xml.length + 1);
          xml = xml.slice(0, i) + ins + xml.slice(i + del);
        }
        const r = await readXlsx("f.xlsx", zipParts({ ...parts, [name]: xml }, 0));
        for (const d of r.diagnostics) expect(d.code).not.toBe("internal.error");
      }),
      { numRuns: 1500 },
    );
  });
});
