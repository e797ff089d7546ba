// Text escaped for XML and HTML reads back as it was (a report page of ours is read to tell whose it is).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeXml, unescapeXml, xmlSafe } from "../../src/xlsx/escape.js";

describe("escaping text", () => {
  it("reads back what it escaped, whatever the text (its forbidden characters aside)", () => {
    expect(unescapeXml(escapeXml(`区A&B <"一" 'x'> &amp;`))).toBe(`区A&B <"一" 'x'> &amp;`);
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => unescapeXml(escapeXml(s)) === xmlSafe(s)));
  });
});
