// Memory between the steps of a province's run. Each step leaves most of what it made behind
// (reading its XML and cells, the notes their rows, ranking its sort keys and ranges), and V8
// collects the old generation only once it has grown well past what is alive: the next step's
// work then piles up on the last one's garbage. Measured on 40,000 towns under the comprehensive
// rubric, a full collection before the rankings and another after them take the peak from
// 414–446 MiB to 380–389 (a district's 40,000 towns: 367–417 to 314–320), for about 0.15 s.
// Since the largest sheets are read on the sheet worker, a third after reading, and one on the
// worker once it has read, keep the peak where it was (380–400 MiB).
// Node gives no way to ask for one but the --expose-gc flag: set here, where the function is
// taken, and unset at once, so that nothing else sees a `gc`.
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { COMPACT_UNITS } from "../report/compact.js";

let collect: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      const gc: unknown = runInNewContext("gc");
      collect = typeof gc === "function" ? () => void gc() : null;
    } catch {
      collect = null;
    } finally {
      setFlagsFromString("--no-expose-gc");
    }
  }
  return collect;
}

/** Collects this thread's garbage now (the sheet worker's, once it has read a workbook's sheets). */
export function collectNow(): void {
  collector()?.();
}

/** Where a step of a run of `units` units has ended: its garbage is collected now, if the run is a province's (as large as a compact result's). */
export function stepEnded(units: number): void {
  if (units >= COMPACT_UNITS) collector()?.();
}

/** How far the heap may grow within a step before its garbage is collected in the middle of it. */
const GROWN = 48 * 1024 * 1024;

/**
 * For the parts of a long step of a province's run (its rankings, each leaving its sort keys and
 * ranges behind): collects between two parts where the heap has grown by GROWN since the step
 * began or was last collected (a rubric of few rankings, or small ones, is never collected in
 * between). Undefined for a run too small to need it.
 */
export function betweenParts(units: number): (() => void) | undefined {
  if (units < COMPACT_UNITS) return undefined;
  const used = (): number => getHeapStatistics().used_heap_size;
  let mark = used();
  return () => {
    if (used() - mark < GROWN) return;
    collector()?.();
    mark = used();
  };
}
