// The zip writer's parts come back byte for byte: small parts (one synchronous deflate), parts of
// many blocks deflated on zlib's threads and joined in order, a single chunk larger than a block,
// and text with multi-byte characters split across blocks. fflate inflates them, independently of
// node's zlib that wrote them; our reader checks each against its CRC-32 and size.
import { createHash } from "node:crypto";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ZipWriter } from "../../src/xlsx/write/zip-writer.js";
import { nodeHost } from "../../src/cli/host.js";
import { checkedEntries } from "./helpers.js";

function* rows(n: number): Generator<string> {
  // Varied text (digits and CJK) so that blocks compress differently and split mid-character.
  for (let i = 0; i < n; i++) yield `<row r="${i}"><c><v>${(i * 7919) % 100003}</v></c><c t="inlineStr"><is><t>镇${i}号·${"计生".repeat(i % 13)}</t></is></c></row>`;
}

async function zipOf(parts: [string, Iterable<string | Uint8Array>][]): Promise<Uint8Array> {
  const out: Buffer[] = [];
  const zip = new ZipWriter((b) => out.push(Buffer.from(b)), nodeHost);
  for (const [name, chunks] of parts) await zip.add(name, chunks);
  zip.finish();
  return new Uint8Array(Buffer.concat(out));
}

const sha = (b: Uint8Array | string): string => createHash("sha256").update(b).digest("hex");

describe("zip writer", () => {
  it("writes small and many-block parts that inflate to exactly what was given", async () => {
    const big = [...rows(120_000)];
    const huge = "x".repeat(3 * 1024 * 1024 + 17); // one chunk larger than a block
    const binary = new Uint8Array(2_500_000).map((_, i) => (i * 2654435761) >>> 24);
    const bytes = await zipOf([
      ["small.xml", ["<a>", "小", "</a>"]],
      ["big.xml", big],
      ["huge.txt", [huge]],
      ["binary.bin", [binary.subarray(0, 1_000_000), binary.subarray(1_000_000)]],
      ["empty.xml", []],
    ]);
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(["small.xml", "big.xml", "huge.txt", "binary.bin", "empty.xml"]);
    const checked = await checkedEntries(bytes);
    for (const [name, data] of Object.entries(files)) expect(sha(checked[name] ?? new Uint8Array()), name).toBe(sha(data));
    expect(Buffer.from(files["small.xml"] ?? []).toString("utf8")).toBe("<a>小</a>");
    expect(Buffer.byteLength(big.join(""))).toBeGreaterThan(8 * 1024 * 1024);
    expect(sha(files["big.xml"] ?? new Uint8Array())).toBe(sha(big.join("")));
    expect(sha(files["huge.txt"] ?? new Uint8Array())).toBe(sha(huge));
    expect(sha(files["binary.bin"] ?? new Uint8Array())).toBe(sha(binary));
    expect(files["empty.xml"]?.length).toBe(0);
  });

  it("writes the same bytes for the same parts (deterministic)", async () => {
    const a = await zipOf([["big.xml", rows(60_000)]]);
    const b = await zipOf([["big.xml", rows(60_000)]]);
    expect(sha(a)).toBe(sha(b));
  });
});
