// Progress on stderr for long runs, only when stderr is a terminal (never in pipes, files or CI):
// one line, rewritten in place, cleared at the end.
import { statSync } from "node:fs";
import type { Ctx } from "./io.js";

/** Inputs at least this large show progress (10,000 towns, 1.7 MB, were scored for 13 s without a word at 2 MB). */
const LARGE = 1024 * 1024;

export interface Progress {
  step(code: string, data?: Record<string, string | number>): void;
  done(): void;
}

const SILENT: Progress = { step: () => {}, done: () => {} };

export function progressFor(ctx: Ctx, file: string): Progress {
  if (!ctx.io.errIsTTY) return SILENT;
  try {
    if (statSync(file).size < LARGE) return SILENT;
  } catch {
    return SILENT;
  }
  const start = Date.now();
  let shown = false;
  return {
    step(code, data = {}) {
      const secs = ((Date.now() - start) / 1000).toFixed(1);
      ctx.io.err(`\r\x1b[2K${ctx.t(code, data)} (${secs}s)`);
      shown = true;
    },
    done() {
      if (shown) ctx.io.err("\r\x1b[2K");
    },
  };
}
