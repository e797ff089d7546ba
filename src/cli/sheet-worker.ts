// The second thread of sheet-deflater.ts: takes a sheet's layout and its rows in batches, writes
// the XML with the one worksheet writer, and encodes, checksums and deflates it as zip entries
// are (zlib here, synchronously: this thread has nothing else to do), sending the compressed
// pieces back in order, a batch's acknowledgement after its rows.
import { parentPort } from "node:worker_threads";
import { WorksheetWriter, type Value } from "../xlsx/write/worksheet.js";
import { EntryDeflater } from "../xlsx/write/zip-writer.js";
import { CELL_NUMBER, CELL_TEXT, type FromWorker, type ToWorker } from "./sheet-protocol.js";
import { deflateBlockSync, nodeHost } from "./host.js";

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
  // One message after the other, in order.
  let queue = Promise.resolve();
  port.on("message", (m: ToWorker) => {
    queue = queue.then(() => handle(m)).catch((e: unknown) => send({ t: "error", message: e instanceof Error ? e.message : String(e) }));
  });
}
