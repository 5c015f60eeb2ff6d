import type { Writable } from '../../host/streams.ts';

/** LogLine is one line a container printed, as the CRI log file stores it. */
export interface LogLine {
  time: number;
  stream: 'stdout' | 'stderr';
  text: string;
  /** partial: the line had no newline yet when the container stopped (the CRI "P" tag) */
  partial?: boolean;
}

/** LOG_RING is how many lines a container keeps (containerd rotates at 10Mi; this bounds memory instead). */
export const LOG_RING = 5000;

/**
 * ContainerLog is one container instance's log: a ring of timestamped lines,
 * two writers that split output into lines, and followers for `logs -f`.
 */
export class ContainerLog {
  readonly lines: LogLine[] = [];
  private partial: Record<'stdout' | 'stderr', string> = { stdout: '', stderr: '' };
  private followers = new Set<(l: LogLine) => void>();

  constructor(private readonly now: () => number) {}

  /** writer is the Writable a container's stdout or stderr goes to. */
  writer(stream: 'stdout' | 'stderr'): Writable {
    return { isTTY: false, write: (chunk) => this.write(stream, chunk) };
  }

  private write(stream: 'stdout' | 'stderr', chunk: string): void {
    const text = this.partial[stream] + chunk;
    const parts = text.split('\n');
    this.partial[stream] = parts.pop()!;
    if (parts.length === 0) return;
    const time = this.now();
    const lines = parts.map((text): LogLine => ({ time, stream, text }));
    // the lines of one write reach the log file in one append (a program prints its banner at once)
    this.sink?.(lines);
    for (const l of lines) this.keep(l);
  }

  /** sink receives every line, the lines of one write together (the CRI log file on the node) */
  sink: ((lines: LogLine[]) => void) | undefined;

  private push(l: LogLine): void {
    this.sink?.([l]);
    this.keep(l);
  }

  private keep(l: LogLine): void {
    this.lines.push(l);
    if (this.lines.length > LOG_RING) this.lines.splice(0, this.lines.length - LOG_RING);
    for (const f of this.followers) f(l);
  }

  /** close flushes unterminated output (the container exited) as partial lines. */
  close(): void {
    for (const s of ['stdout', 'stderr'] as const) {
      if (this.partial[s] !== '') this.push({ time: this.now(), stream: s, text: this.partial[s], partial: true });
      this.partial[s] = '';
    }
  }

  /** follow calls cb with each new line; it returns the function that stops following. */
  follow(cb: (l: LogLine) => void): () => void {
    this.followers.add(cb);
    return () => this.followers.delete(cb);
  }
}

/** LogOptions select lines the way PodLogOptions do. */
export interface LogOptions {
  tailLines?: number;
  sinceTime?: number;
  limitBytes?: number;
  timestamps?: boolean;
}

/** rfc3339Nano is the timestamp `kubectl logs --timestamps` and crictl print (nanoseconds, UTC). */
export function rfc3339Nano(ms: number, seq = 0): string {
  // Lines come in bursts at one instant: the date part is formatted once per millisecond.
  if (ms !== lastStamp.ms) lastStamp = { ms, head: new Date(ms).toISOString().slice(0, 23) };
  return `${lastStamp.head}${String(seq % 1_000_000).padStart(6, '0')}Z`;
}

let lastStamp = { ms: Number.NaN, head: '' };

/** renderLog turns log lines into the text the kubelet serves. */
export function renderLog(lines: LogLine[], o: LogOptions = {}): string {
  let sel = o.sinceTime !== undefined ? lines.filter((l) => l.time >= o.sinceTime!) : lines;
  if (o.tailLines !== undefined && o.tailLines >= 0) sel = o.tailLines === 0 ? [] : sel.slice(-o.tailLines);
  let out = sel.map((l, i) => (o.timestamps ? `${rfc3339Nano(l.time, i * 1000 + 123)} ` : '') + l.text + (l.partial ? '' : '\n')).join('');
  if (o.limitBytes !== undefined && o.limitBytes >= 0) out = out.slice(0, o.limitBytes);
  return out;
}

/** criLogLine is one line of a CRI log file: "2026-01-05T09:00:05.123456789Z stdout F text". */
export function criLogLine(l: LogLine, seq: number): string {
  return `${rfc3339Nano(l.time, seq)} ${l.stream} ${l.partial ? 'P' : 'F'} ${l.text}\n`;
}
