// Writing results the safe way: into a temporary file in the target's folder, flushed to disk,
// then renamed over the target, so an interrupted run leaves either nothing or a whole file.
// The input workbook is never a target.
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import type { Diagnostic } from "../diagnostics/index.js";
import { fileError } from "./files.js";

const pendingTemps = new Set<string>();
let handlersInstalled = false;

/** On Ctrl-C or termination, remove the temporary files we were writing. */
function installCleanup(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const clean = (signal: NodeJS.Signals): void => {
    for (const t of pendingTemps) rmSync(t, { force: true });
    process.exitCode = signal === "SIGINT" ? 130 : 143;
    process.exit();
  };
  process.once("SIGINT", clean);
  process.once("SIGTERM", clean);
}

function samePath(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

/** Refuses an output that is an input; returns a diagnostic or undefined. */
export function checkTarget(target: string, inputs: readonly string[]): Diagnostic | undefined {
  if (inputs.some((i) => samePath(i, target))) return fileError(target, "file.output-is-input");
  try {
    if (!statSync(dirname(resolve(target))).isDirectory()) return fileError(target, "file.output-dir-missing");
  } catch {
    return fileError(target, "file.output-dir-missing");
  }
  try {
    if (statSync(target).isDirectory()) return fileError(target, "file.is-directory");
  } catch {
    // does not exist yet: fine
  }
  return undefined;
}

/**
 * Writes target atomically. `produce` writes the whole content to the temporary path it is given
 * (or returns bytes to write there).
 */
export async function writeAtomic(target: string, produce: (tmp: string) => Promise<Uint8Array | void>): Promise<Diagnostic | undefined> {
  installCleanup();
  const dir = dirname(resolve(target));
  const tmp = join(dir, `.${basename(target)}.${randomBytes(4).toString("hex")}.tmp`);
  pendingTemps.add(tmp);
  try {
    const bytes = await produce(tmp);
    if (bytes) writeFileSync(tmp, bytes, { flag: "wx" });
    const fd = openSync(tmp, "r+");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
    return undefined;
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    return fileError(target, "file.unwritable", { detail: code });
  } finally {
    pendingTemps.delete(tmp);
  }
}
