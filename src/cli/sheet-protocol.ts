// What the CLI's main thread and its sheet worker say to each other. Reading (sheet-reader.ts):
// the sheets to read, in its first message, and each sheet's rows packed back. Writing
// (sheet-deflater.ts): a sheet's layout, its rows in packed batches, its end; the compressed
// pieces, acknowledgements and the part's checksum back.
import type { AheadInput, AheadJob, PackedSheet } from "../xlsx/read/ahead.js";
import type { SheetLayout } from "../xlsx/write/worksheet.js";

/** The worker as built (the bundle's sheet-worker.mjs beside this module's file). */
export const SHEET_WORKER = new URL("./sheet-worker.mjs", import.meta.url);

/** A small young generation: the worker's strings and cells die young, and its memory stays small. */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

/** A sheet to read's state, shared by both threads: free, the worker's, or the main thread's. */
export const FREE = 0;
export const WORKER = 1;
export const HERE = 2;

/** The sheets to read, the worker's first message, and each one's state (an Int32Array over shared memory). */
export interface ReaderData {
  readonly input: AheadInput;
  readonly jobs: readonly AheadJob[];
  readonly states: SharedArrayBuffer;
}

/** A packed cell's kind. */
export const CELL_EMPTY = 0;
export const CELL_NUMBER = 1;
export const CELL_TEXT = 2;

/** What the main thread sends the worker: sheets to read; a sheet to write's start, its rows in batches, its end. */
export type ToWorker =
  | { readonly t: "read"; readonly data: ReaderData }
  | { readonly t: "start"; readonly layout: SheetLayout }
  | {
      readonly t: "rows";
      /**
       * Every row's cells, one after the other, packed: each cell's kind (0 empty, 1 number, 2
       * text), its number or its text's length, and the texts as one string (a message of a few
       * arrays and one string is quick to copy between threads; thousands of values are not).
       */
      readonly kinds: Uint8Array;
      readonly values: Float64Array;
      readonly text: string;
      /** Each row's count of cells, height (NaN: none) and style list (by its number). */
      readonly counts: Int32Array;
      readonly heights: Float64Array;
      readonly styleRefs: Int32Array;
      /** Style lists first used in this batch, numbered on from those before. */
      readonly styles: number[][];
    }
  | { readonly t: "end" };

/** What the worker sends back: a sheet read (undefined: to be read on the main thread), or what writing gives. */
export type FromWorker = { readonly t: "sheet"; readonly i: number; readonly packed: PackedSheet | undefined } | { readonly t: "data"; readonly bytes: Uint8Array } | { readonly t: "ack" } | { readonly t: "done"; readonly crc: number; readonly size: number } | { readonly t: "error"; readonly message: string };
