// The CLI's one second thread, between its jobs: the worker that read a large workbook's sheets
// (sheet-reader.ts) is kept here, idle, for writing the results (sheet-deflater.ts), rather than
// ended and another started: one thread's memory, not two, and no second start. Idle, it does not
// keep the process alive.
import type { Worker } from "node:worker_threads";

let spare: { worker: Worker; file: string; gone: () => void } | undefined;

/**
 * Keeps a worker that has done its job for the next (the one kept before is ended). The caller
 * has taken its own listeners off (not all of them: the worker's own are among them).
 */
export function park(worker: Worker, file: URL): void {
  if (spare) {
    drop(spare.worker, spare.gone);
    void spare.worker.terminate();
  }
  worker.unref();
  // Should it stop while kept, it is simply not there to take.
  const gone = (): void => {
    if (spare?.worker === worker) spare = undefined;
  };
  worker.on("exit", gone);
  worker.on("error", gone);
  spare = { worker, file: file.href, gone };
}

/** The worker kept, if it runs this file; it is the caller's now. */
export function takeSpare(file: URL): Worker | undefined {
  if (!spare || spare.file !== file.href) return undefined;
  const { worker, gone } = spare;
  spare = undefined;
  drop(worker, gone);
  worker.ref();
  return worker;
}

function drop(worker: Worker, gone: () => void): void {
  worker.off("exit", gone);
  worker.off("error", gone);
}
