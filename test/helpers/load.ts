// Loading a workbook in tests through the library, as the CLI does (the rubrics on disk, Node's
// codec), but from bytes in memory.
import { nodeHost } from "../../src/cli/host.js";
import { rubricSource } from "../../src/cli/rubric-source.js";
import { loadWorkbook, type Loaded } from "../../src/load/index.js";

export async function load(file: string, bytes: Uint8Array, rubric?: string): Promise<Loaded> {
  return loadWorkbook({ file, bytes, rubrics: await rubricSource(rubric), host: nodeHost });
}
