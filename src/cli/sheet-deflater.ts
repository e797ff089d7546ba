// The CLI's second thread for a province's result sheets: this thread makes the rows and hands
// them over in batches; the worker (sheet-worker.ts) writes their XML, encodes, checksums and
// deflates it, and sends the compressed pieces back in order. Started once per run, and only for
// a workbook that large; where the worker's file is not there (the sources run by tests), the
// sheets are written on this thread as before.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { SheetDeflater } from "../xlsx/codec.js";
import type { Value, Worksheet } from "../xlsx/write/worksheet.js";
import { CELL_EMPTY, CELL_NUMBER, CELL_TEXT, SHEET_WORKER, WORKER_LIMITS, type FromWorker, type ToWorker } from "./sheet-protocol.js";
import { takeSpare } from "./sheet-thread.js";

/** The worker failed or stopped (not the rows being made): the sheets can be written on this thread instead. */
export class SheetWriterStopped extends Error {
  constructor(why: string) {
    super(why);
    this.name = "SheetWriterStopped";
  }
}

export { SHEET_WORKER } from "./sheet-protocol.js";

/** Rows per batch handed over, and batches on their way at most (memory stays flat). */
const BATCH_ROWS = 500;
const IN_FLIGHT = 16;
/**
 * Batches on their way at most for a sheet written ahead (the notes, while this thread ranks): the
 * second thread keeps up with them, and 160 held some 18 MiB more at the peak for no time gained
 * (40,000 towns: 367–382 MiB against 383–401; 32 was slower).
 */
const AHEAD_IN_FLIGHT = 64;

/**
 * A batch being packed, straight into typed arrays that are handed over (transferred, not copied)
 * when it is sent; the cells' arrays grow as a batch needs.
 */
class Batch {
  kinds = new Uint8Array(BATCH_ROWS * 8);
  values = new Float64Array(BATCH_ROWS * 8);
  cells = 0;
  text = "";
  readonly counts = new Int32Array(BATCH_ROWS);
  readonly heights = new Float64Array(BATCH_ROWS);
  readonly styleRefs = new Int32Array(BATCH_ROWS);
  rows = 0;
  readonly styles: number[][] = [];

  /** Adds a row's cells, packed. */
  add(cells: readonly Value[], height: number | undefined, styleRef: number): void {
    const n = cells.length;
    if (this.cells + n > this.kinds.length) this.grow(this.cells + n);
    const { kinds, values } = this;
    let at = this.cells;
    for (let i = 0; i < n; i++, at++) {
      const v = cells[i];
      if (typeof v === "number") {
        kinds[at] = CELL_NUMBER;
        values[at] = v;
      } else if (typeof v === "string") {
        kinds[at] = CELL_TEXT;
        values[at] = v.length;
        this.text += v;
      } else {
        kinds[at] = CELL_EMPTY;
        values[at] = 0;
      }
    }
    this.cells = at;
    this.counts[this.rows] = n;
    this.heights[this.rows] = height ?? Number.NaN;
    this.styleRefs[this.rows] = styleRef;
    this.rows++;
  }

  private grow(need: number): void {
    const size = Math.max(need, this.kinds.length * 2);
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds.subarray(0, this.cells));
    const values = new Float64Array(size);
    values.set(this.values.subarray(0, this.cells));
    this.kinds = kinds;
    this.values = values;
  }

  /** The message, and the buffers it hands over (this batch is not used again). */
  message(): { m: ToWorker; transfer: ArrayBuffer[] } {
    const m: ToWorker = {
      t: "rows",
      kinds: this.kinds.subarray(0, this.cells),
      values: this.values.subarray(0, this.cells),
      text: this.text,
      counts: this.counts.subarray(0, this.rows),
      heights: this.heights.subarray(0, this.rows),
      styleRefs: this.styleRefs.subarray(0, this.rows),
      styles: this.styles,
    };
    return { m, transfer: [this.kinds.buffer, this.values.buffer, this.counts.buffer, this.heights.buffer, this.styleRefs.buffer] };
  }
}

export function startSheetDeflater(file: URL = SHEET_WORKER): SheetDeflater | undefined {
  if (!existsSync(fileURLToPath(file))) return undefined;
  // The one that read the workbook, where it did; else one of its own.
  const worker = takeSpare(file) ?? new Worker(file, { resourceLimits: WORKER_LIMITS });
  let failure: Error | undefined;
  // The sheets given and not yet done, in order: the worker's pieces belong to the first.
  const sheets: { emit: (data: Uint8Array) => void; resolve: (r: { crc: number; size: number }) => void; reject: (e: Error) => void }[] = [];
  // Batches handed over and acknowledged, over every sheet.
  let sent = 0;
  let acked = 0;
  let wake: (() => void) | undefined;
  const fail = (e: Error): void => {
    failure ??= e;
    for (const s of sheets.splice(0)) s.reject(failure);
    wake?.();
  };
  worker.on("message", (m: FromWorker) => {
    if (m.t === "data") {
      // Where the pieces go may fail (a full disk): that ends the sheet, with that error.
      try {
        sheets[0]?.emit(m.bytes);
      } catch (e) {
        fail(e instanceof Error ? e : new Error(String(e)));
      }
    } else if (m.t === "ack") {
      acked++;
      wake?.();
    } else if (m.t === "done") sheets.shift()?.resolve({ crc: m.crc, size: m.size });
    else if (m.t === "sheet") return; // read for a workbook, and no longer wanted
    else fail(new SheetWriterStopped(m.message));
  });
  worker.on("error", (e) => fail(new SheetWriterStopped(e.message)));
  worker.on("exit", (code) => fail(new SheetWriterStopped(`exit ${code}`)));
  const send = (m: ToWorker): void => worker.postMessage(m);
  const post = (b: Batch): void => {
    const { m, transfer } = b.message();
    worker.postMessage(m, transfer);
  };
  return {
    async deflate(ws: Worksheet, emit, o = {}) {
      if (failure) throw failure;
      const done = new Promise<{ crc: number; size: number }>((resolve, reject) => {
        sheets.push({ emit, resolve, reject });
      });
      // A failure while the rows are made is thrown from the loop; `done` is awaited only after it.
      done.catch(() => undefined);
      const { rows, ...layout } = ws;
      send({ t: "start", layout });
      // Style lists are shared between rows: each is sent once, then named by its number.
      const numbered = new Map<readonly number[], number>();
      let b = new Batch();
      try {
        for (const row of rows) {
          let ref = numbered.get(row.styles);
          if (ref === undefined) {
            ref = numbered.size;
            numbered.set(row.styles, ref);
            b.styles.push([...row.styles]);
          }
          b.add(row.cells, row.height, ref);
          if (b.rows < BATCH_ROWS) continue;
          post(b);
          sent++;
          b = new Batch();
          // Ahead, far more may wait for the other thread (this one goes on meanwhile), but not
          // every row: a province's notes queued whole were the run's peak of memory.
          const cap = o.ahead ? AHEAD_IN_FLIGHT : IN_FLIGHT;
          while (sent - acked > cap && !failure) await new Promise<void>((r) => (wake = r));
          if (failure) throw failure;
        }
      } catch (e) {
        // The worker is left halfway through the sheet: it writes no other.
        failure ??= e instanceof Error ? e : new Error(String(e));
        throw e;
      }
      post(b);
      sent++;
      send({ t: "end" });
      o.handed?.();
      return done;
    },
    close() {
      worker.removeAllListeners("exit");
      void worker.terminate();
    },
  };
}
