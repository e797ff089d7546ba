// The floor a reader cannot beat: unzip every part and tokenize its XML (fflate + saxes), nothing
// more. Prints the peak RSS in KiB on its last line.
import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";

const files = unzipSync(readFileSync(process.argv[2]));
let tags = 0;
const decoder = new TextDecoder();
for (const [name, bytes] of Object.entries(files)) {
  if (!name.endsWith(".xml") && !name.endsWith(".rels")) continue;
  const p = new SaxesParser();
  p.on("opentag", () => tags++);
  p.write(decoder.decode(bytes)).close();
  delete files[name];
}
process.stdout.write(`${tags}\n${process.resourceUsage().maxRSS}\n`);
