/**
 * Clock is the only source of "now" in the engine. Nothing in engine/ may call
 * Date.now(): every component receives a Clock, so tests advance time
 * explicitly and every run is repeatable.
 */
export interface Clock {
  /** now returns the simulated wall time in milliseconds since the Unix epoch. */
  now(): number;
}

/** SimClock is a Clock whose time only moves when the runtime moves it. */
export class SimClock implements Clock {
  private current: number;

  constructor(startMs: number) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  /** set moves the clock to t; time never runs backwards. */
  set(t: number): void {
    if (t > this.current) this.current = t;
  }
}

/** DEFAULT_EPOCH is the start time of a lab when nobody asks for another one (2026-01-05T09:00:00Z). */
export const DEFAULT_EPOCH = Date.UTC(2026, 0, 5, 9, 0, 0);

// Every write stamps the same simulated second (or millisecond) many times: the last text of each is kept.
let lastSecond = NaN;
let lastSecondText = '';
let lastMilli = NaN;
let lastMicroText = '';

/** rfc3339 formats a time the way Kubernetes serialises metav1.Time (second precision, Z). */
export function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastSecondText = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    lastSecond = second;
  }
  return lastSecondText;
}

/** rfc3339Micro formats a time the way Kubernetes serialises metav1.MicroTime. */
export function rfc3339Micro(ms: number): string {
  if (ms !== lastMilli) {
    lastMicroText = new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
    lastMilli = ms;
  }
  return lastMicroText;
}

// Printers parse the same few timestamps (creation, transitions) on every list: remember them.
const parsed = new Map<string, number>();
const PARSED_MAX = 50_000;

/** parseTime reads an RFC 3339 timestamp into milliseconds, or undefined. */
export function parseTime(s: unknown): number | undefined {
  if (typeof s !== 'string' || s === '') return undefined;
  let t = parsed.get(s);
  if (t === undefined) {
    t = Date.parse(s);
    if (parsed.size >= PARSED_MAX) parsed.clear();
    parsed.set(s, t);
  }
  return Number.isNaN(t) ? undefined : t;
}
