// The browser host of the core: raw deflate both ways by fflate (a small JavaScript library, bundled
// into the page), CRC-32 in JavaScript, SHA-256 by the browser's Web Crypto (or in JavaScript where
// a browser does not offer it to a page opened from a file).
import { Deflate, inflateSync } from "fflate";
import type { Host } from "../load/index.js";
import { crc32, InflateTooLarge, type Deflater } from "../xlsx/codec.js";
import { concatBytes } from "../xlsx/bytes.js";
import { sha256Hex } from "../model/sha256.js";

function deflater(): Deflater {
  // One deflate stream per zip entry: each piece pushed in, what it yields collected.
  let out: Uint8Array[] = [];
  const stream = new Deflate({ level: 1 }, (chunk) => {
    out.push(chunk);
  });
  return {
    push(bytes, last) {
      stream.push(bytes, last);
      const parts = out;
      out = [];
      return parts.length === 1 ? (parts[0] ?? new Uint8Array(0)) : concatBytes(parts);
    },
  };
}

export const browserHost: Host = {
  inflateRaw(data, size) {
    // One byte of room past the declared size: filling it means the entry lies (a zip bomb).
    const out = inflateSync(data, { out: new Uint8Array(size + 1) });
    if (out.length > size) throw new InflateTooLarge();
    return out;
  },
  deflater,
  crc32,
  async sha256(bytes) {
    const subtle = globalThis.crypto?.subtle;
    if (subtle) {
      try {
        const digest = new Uint8Array(await subtle.digest("SHA-256", bytes.slice()));
        return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
      } catch {
        // an insecure context: computed here instead
      }
    }
    return sha256Hex(bytes);
  },
};
