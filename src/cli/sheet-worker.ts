// The CLI's second thread. Reading (sheet-reader.ts): reads the sheets it is given first, in
// order, each the main thread has not taken first, and sends each back packed (a sheet that fails
// here is sent back as undefined, to be read, and its problem said, on the main thread). Writing
// (sheet-deflater.ts): takes a sheet's layout and its rows in batches, writes the XML with the one
// worksheet writer, and encodes, checksums and deflates it as zip entries are (zlib here,
// synchronously: this thread has nothing else to do), sending the compressed pieces back in
// order, a batch's acknowledgement after its rows.
import { parentPort } from "node:worker_threads";
import { packSheet } from "../xlsx/read/ahead.js";
import { WorksheetWriter, type Value } from "../xlsx/write/worksheet.js";
import { EntryDeflater } from "../xlsx/write/zip-writer.js";
import { CELL_NUMBER, CELL_TEXT, FREE, WORKER, type FromWorker, type ReaderData, type ToWorker } from "./sheet-protocol.js";
import { deflateBlockSync, nodeHost } from "./host.js";
import { collectNow } from "./memory.js";

const port = parentPort;
/** Rows joined into one chunk before encoding (short strings die young). */
const CHUNK_ROWS = 16;

if (port) {
  const send = (m: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);
  const deflater = { push: deflateBlockSync };
  let writer: WorksheetWriter | undefined;
  let entry: EntryDeflater | undefined;
  let styles: number[][] = [];
  const cells: Value[] = [];
  const handle = async (m: ToWorker): Promise<void> => {
    if (m.t === "read") return read(m.data, send);
    if (m.t === "start") {
      writer = new WorksheetWriter(m.layout);
      styles = [];
      entry = new EntryDeflater(nodeHost, deflater, (data) => {
        // A copy of its own, handed over whole (zlib's buffer may share its memory).
        const bytes = new Uint8Array(data);
        send({ t: "data", bytes }, [bytes.buffer]);
      });
      await entry.push(writer.head());
      return;
    }
    if (!writer || !entry) throw new Error("rows before the sheet's start");
    if (m.t === "rows") {
      styles.push(...m.styles);
      let at = 0;
      let pos = 0;
      let buf = "";
      for (let i = 0; i < m.counts.length; i++) {
        const count = m.counts[i] ?? 0;
        const height = m.heights[i] ?? Number.NaN;
        // The row's cells unpacked (texts are slices of the batch's one string).
        cells.length = 0;
        for (let c = at; c < at + count; c++) {
          const kind = m.kinds[c];
          const v = m.values[c] ?? 0;
          if (kind === CELL_NUMBER) cells.push(v);
          else if (kind === CELL_TEXT) {
            cells.push(m.text.slice(pos, pos + v));
            pos += v;
          } else cells.push(null);
        }
        buf += writer.row(cells, styles[m.styleRefs[i] ?? 0] ?? [], Number.isNaN(height) ? undefined : height);
        at += count;
        if ((i + 1) % CHUNK_ROWS === 0) {
          await entry.push(buf);
          buf = "";
        }
      }
      await entry.push(buf);
      send({ t: "ack" });
      return;
    }
    await entry.push(writer.tail());
    const { crc, size } = await entry.finish();
    writer = undefined;
    entry = undefined;
    send({ t: "done", crc, size });
  };
  // One message after the other, in order; the sheets to read, if any, first.
  let queue = Promise.resolve();
  port.on("message", (m: ToWorker) => {
    queue = queue.then(() => handle(m)).catch((e: unknown) => send({ t: "error", message: e instanceof Error ? e.message : String(e) }));
  });
}

/** Reads each sheet the main thread has not taken, in order, and sends it back. */
async function read(data: ReaderData, send: (m: FromWorker, transfer?: ArrayBuffer[]) => void): Promise<void> {
  const state = new Int32Array(data.states);
  let taken = 0;
  for (const [i, job] of data.jobs.entries()) {
    if (Atomics.compareExchange(state, i, FREE, WORKER) !== FREE) continue;
    taken++;
    try {
      const { packed, transfer } = await packSheet(data.input, job, nodeHost);
      send({ t: "sheet", i, packed }, transfer);
    } catch {
      send({ t: "sheet", i, packed: undefined });
    }
  }
  // What reading left is not left to sit beside what writing makes.
  if (taken) collectNow();
}
