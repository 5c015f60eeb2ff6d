import { SimClock, type Clock } from './clock.ts';
import { Rand } from './rand.ts';

/**
 * RUNAWAY_STEPS is how many callbacks may run at one simulated instant before
 * work scheduled for "now" is pushed a millisecond on. A component that
 * retries at zero delay forever (a bug: retries wait with back-off) then lets
 * the clock move and the rest of the lab run, instead of holding the engine
 * at one instant. From then on that label's zero-delay work always waits a
 * millisecond, and onError is told once. Boot, the busiest instant, runs a
 * few thousand.
 */
export const RUNAWAY_STEPS = 100_000;

/** Timer is a handle on a scheduled callback. */
export interface Timer {
  cancel(): void;
}

interface Entry {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
  label: string;
}

/**
 * Runtime is the deterministic heart of the engine: one simulated clock, one
 * seeded random source and one event queue ordered by (time, insertion order).
 * Components never sleep or set real timers; they schedule work here, and
 * whoever drives the runtime (a test, the CLI, the browser's ticker) decides
 * how far time moves.
 */
export class Runtime {
  readonly clock: SimClock;
  readonly rand: Rand;
  private heap: Entry[] = [];
  private seq = 0;
  private running = false;
  /** the instant callbacks are running at, and how many have run at it (see RUNAWAY_STEPS) */
  private instant = { at: Number.NaN, steps: 0 };
  private runaways = new Set<string>();
  /** onError receives exceptions thrown by scheduled work; the queue keeps going. */
  onError: (err: unknown, label: string) => void = () => {};

  constructor(opts: { start: number; seed: number }) {
    this.clock = new SimClock(opts.start);
    this.rand = new Rand(opts.seed);
  }

  get now(): number {
    return this.clock.now();
  }

  /** after runs fn once, delayMs of simulated time from now (0 means "as soon as the current work ends"). */
  after(delayMs: number, fn: () => void, label = ''): Timer {
    let at = this.clock.now() + Math.max(0, delayMs);
    if (delayMs <= 0 && (this.runaways.has(label) || (at === this.instant.at && this.instant.steps >= RUNAWAY_STEPS))) {
      at += 1;
      if (!this.runaways.has(label)) {
        this.runaways.add(label);
        this.onError(new Error(`runaway work: more than ${RUNAWAY_STEPS} callbacks ran at one instant; "${label}" work without delay now waits 1ms`), label);
      }
    }
    const entry: Entry = { at, seq: this.seq++, fn, cancelled: false, label };
    this.push(entry);
    return { cancel: () => void (entry.cancelled = true) };
  }

  /** every runs fn every intervalMs of simulated time until cancelled. */
  every(intervalMs: number, fn: () => void, label = ''): Timer {
    let current: Timer | undefined;
    let stopped = false;
    const tick = () => {
      if (stopped) return;
      current = this.after(intervalMs, tick, label);
      fn();
    };
    current = this.after(intervalMs, tick, label);
    return {
      cancel: () => {
        stopped = true;
        current?.cancel();
      },
    };
  }

  /** nextAt is the time of the earliest pending work, or undefined when the queue is empty. */
  nextAt(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /** pending counts queued callbacks that have not been cancelled. */
  pending(): number {
    return this.heap.filter((e) => !e.cancelled).length;
  }

  /**
   * settle runs everything due at or before the current time, including work
   * that this work schedules for "now". maxSteps guards against a component
   * that reschedules itself at zero delay forever.
   */
  settle(maxSteps = 1_000_000): number {
    return this.runUntil(this.clock.now(), maxSteps);
  }

  /** advance moves the clock forward by ms, running every event on the way in order. */
  advance(ms: number, maxSteps = 10_000_000): number {
    const target = this.clock.now() + Math.max(0, ms);
    const steps = this.runUntil(target, maxSteps);
    this.clock.set(target);
    return steps;
  }

  /** advanceTo moves the clock to the absolute time t (never backwards). */
  advanceTo(t: number): number {
    return this.advance(Math.max(0, t - this.clock.now()));
  }

  private runUntil(target: number, maxSteps: number): number {
    if (this.running) return 0; // re-entrant calls (work that advances time) are ignored
    this.running = true;
    let steps = 0;
    try {
      while (steps < maxSteps) {
        this.dropCancelled();
        const top = this.heap[0];
        if (!top || top.at > target) break;
        this.pop();
        this.clock.set(top.at);
        steps++;
        if (top.at === this.instant.at) this.instant.steps++;
        else this.instant = { at: top.at, steps: 1 };
        try {
          top.fn();
        } catch (err) {
          this.onError(err, top.label);
        }
      }
    } finally {
      this.running = false;
    }
    return steps;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.pop();
  }

  private push(e: Entry): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private pop(): Entry | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && less(h[l]!, h[m]!)) m = l;
        if (r < h.length && less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

function less(a: Entry, b: Entry): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

export type { Clock };
