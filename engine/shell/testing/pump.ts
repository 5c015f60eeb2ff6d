import type { Runtime } from '../../base/runtime.ts';

/** PumpOptions bound how far simulated time may run while waiting. */
export interface PumpOptions {
  /** stop advancing after this much simulated time (ms); default one hour */
  maxSimMs?: number;
  /** called once when the limit is reached or the command is blocked with nothing scheduled (e.g. Ctrl-C it) */
  onStuck?: (why: 'time' | 'blocked') => void;
  /** stop after this many yields in a row without any progress in time (a busy loop); then onStuck('blocked') */
  maxYields?: number;
}

/**
 * pump drives a promise that depends on simulated time to completion: it
 * yields to the host event loop (so microtasks and other macrotasks run),
 * runs what is due now, and when nothing is due it advances the runtime to
 * its next event. This is the contract the CLI and the Web Worker follow.
 */
export async function pump<T>(runtime: Runtime, p: Promise<T>, yieldToHost: () => Promise<void>, o: PumpOptions = {}): Promise<T> {
  let done = false;
  p.then(
    () => (done = true),
    () => (done = true),
  );
  const limit = runtime.now + (o.maxSimMs ?? 3_600_000);
  let stuck = false;
  let yields = 0;
  let idle = 0;
  while (!done) {
    await yieldToHost();
    if (done) break;
    if (o.maxYields !== undefined && ++yields > o.maxYields && !stuck) {
      stuck = true;
      o.onStuck?.('blocked');
      continue;
    }
    if (runtime.settle() > 0) {
      idle = 0;
      continue;
    }
    const next = runtime.nextAt();
    if (next !== undefined && next <= limit) {
      idle = 0;
      runtime.advanceTo(next);
      continue;
    }
    // Nothing is due: the promise waits for input, or for more microtask rounds; give it a few turns first.
    if (++idle < 20) continue;
    if (!stuck) {
      stuck = true;
      idle = 0;
      o.onStuck?.(next === undefined ? 'blocked' : 'time');
      continue;
    }
    if (next !== undefined) runtime.advanceTo(next);
    else throw new Error('pump: the command is blocked (waiting for input that never comes)');
  }
  return p;
}

/** macrotaskYield is a yieldToHost for Node tests and the CLI (setImmediate, or a zero timeout elsewhere). */
export function macrotaskYield(): Promise<void> {
  const g = globalThis as { setImmediate?: (cb: () => void) => void; setTimeout?: (cb: () => void, ms: number) => void };
  return new Promise((resolve) => (g.setImmediate ? g.setImmediate(resolve) : g.setTimeout!(resolve, 0)));
}
