// Runs the CLI in-process with captured streams, as a user's shell would see it.
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function cli(args: string[], env: NodeJS.ProcessEnv = { LANG: "zh_CN.UTF-8" }): Promise<Run> {
  let out = "";
  let err = "";
  const io: Io = {
    out: (s) => (out += s),
    err: (s) => (err += s),
    env,
    cwd: process.cwd(),
    outIsTTY: false,
    errIsTTY: false,
  };
  const code = await main(args, io);
  return { code, out, err };
}
