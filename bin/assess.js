#!/usr/bin/env node
// The only place that sets the process's exit code; everything else returns one. main() turns
// its own faults into one catalog line (exit 70); this catch is only for a missing build.
import { main } from "../dist/cli/assess.mjs";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`assess: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 70;
  },
);
