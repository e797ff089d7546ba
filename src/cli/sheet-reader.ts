// The CLI's second thread for reading a large workbook: the largest sheets are read there
// (sheet-worker.ts) while this thread reads the others, each handed back packed. Which thread
// reads a sheet is settled when this one comes to it: a sheet the worker has not begun is taken
// back and read here, so neither waits on a queue the other could have worked through. Once the
// sheets are read, the worker is kept for writing the results (sheet-thread.ts). Where the
// worker's file is not there (the sources run by tests), every sheet is read here.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { AheadReads } from "../xlsx/codec.js";
import type { AheadInput, AheadJob, PackedSheet } from "../xlsx/read/ahead.js";
import { FREE, HERE, SHEET_WORKER, WORKER_LIMITS, type FromWorker, type ReaderData, type ToWorker } from "./sheet-protocol.js";
import { park } from "./sheet-thread.js";

export function startSheetReader(input: AheadInput, jobs: readonly AheadJob[], file: URL = SHEET_WORKER): AheadReads | undefined {
  if (!existsSync(fileURLToPath(file))) return undefined;
  const states = new SharedArrayBuffer(4 * jobs.length);
  const state = new Int32Array(states);
  const waiting = new Map<number, (p: PackedSheet | undefined) => void>();
  const arrived = new Map<number, PackedSheet | undefined>();
  let worker: Worker | undefined;
  const settle = (i: number, p: PackedSheet | undefined): void => {
    const w = waiting.get(i);
    if (w) {
      waiting.delete(i);
      w(p);
    } else arrived.set(i, p);
  };
  const onMessage = (m: FromWorker): void => {
    if (m.t === "sheet") settle(m.i, m.packed);
  };
  const onFailure = (): void => end(false);
  // Whatever it has not sent by then is read here.
  const end = (keep: boolean): void => {
    const w = worker;
    worker = undefined;
    if (w) {
      w.off("message", onMessage);
      w.off("error", onFailure);
      w.off("exit", onFailure);
      if (keep) park(w, file);
      else void w.terminate();
    }
    for (const resolve of waiting.values()) resolve(undefined);
    waiting.clear();
    arrived.clear();
  };
  try {
    worker = new Worker(file, { resourceLimits: WORKER_LIMITS });
    // A message, not the worker's start data: that would hold the sheets' bytes to its end.
    const data: ReaderData = { input, jobs, states };
    const m: ToWorker = { t: "read", data };
    worker.postMessage(m, jobs.map((j) => j.data.buffer as ArrayBuffer));
  } catch {
    return undefined;
  }
  worker.on("message", onMessage);
  worker.on("error", onFailure);
  worker.on("exit", onFailure);
  return {
    claim: (i) => Atomics.compareExchange(state, i, FREE, HERE) === FREE,
    result: (i) => {
      if (arrived.has(i)) {
        const p = arrived.get(i);
        arrived.delete(i);
        return Promise.resolve(p);
      }
      if (!worker) return Promise.resolve(undefined);
      return new Promise((resolve) => waiting.set(i, resolve));
    },
    // Kept for writing the results once every sheet was asked for; else (a failure on the way) stopped.
    close: (finished) => end(finished),
  };
}
