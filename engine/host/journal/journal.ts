import type { Writable } from '../streams.ts';

/** JournalEntry is one record of a host's journal. */
export interface JournalEntry {
  /** seq orders entries written at the same simulated time */
  seq: number;
  /** time is simulated ms since the epoch (__REALTIME_TIMESTAMP) */
  time: number;
  /** unit is the service the entry belongs to (_SYSTEMD_UNIT, or UNIT= for systemd's own lines about it) */
  unit?: string;
  /** ident is SYSLOG_IDENTIFIER: "kubelet", "systemd", "kernel"… */
  ident: string;
  /** pid is _PID; 0 prints no [pid] (kernel lines) */
  pid: number;
  /** priority is the syslog level, 0 (emerg) … 7 (debug) */
  priority: number;
  message: string;
  /** messageId names a catalog entry (journalctl -x) */
  messageId?: string;
  /** fields are extra catalog substitutions (JOB_ID, EXIT_CODE, …) */
  fields?: Record<string, string>;
}

/** JournalQuery selects entries the way journalctl's matches do. */
export interface JournalQuery {
  /** units: entries of any of these units (-u, several allowed) */
  units?: string[];
  /** idents: SYSLOG_IDENTIFIER matches (-t) */
  idents?: string[];
  /** since/until in simulated ms, inclusive */
  since?: number;
  until?: number;
  /** maxPriority keeps entries with priority <= it (-p err is 3) */
  maxPriority?: number;
  /** minPriority with maxPriority gives a range (-p warning..err) */
  minPriority?: number;
}

/** DEFAULT_RING is how many entries a journal keeps per unit (and for lines without a unit). */
export const DEFAULT_RING = 2000;

/**
 * Journal is a host's systemd journal: what services write and what systemd
 * says about them. Memory is bounded by a ring per unit, so a service that
 * crash-loops for a simulated week forgets its oldest lines but not the
 * lines of others — close to journald's per-file rotation in effect.
 */
export class Journal {
  private rings = new Map<string, JournalEntry[]>();
  private seq = 0;
  private listeners = new Set<(e: JournalEntry) => void>();

  constructor(
    private readonly now: () => number,
    readonly ringSize = DEFAULT_RING,
  ) {}

  /** append records one entry and tells followers (journalctl -f). */
  append(e: Omit<JournalEntry, 'seq' | 'time'> & { time?: number }): JournalEntry {
    const entry: JournalEntry = { ...e, seq: this.seq++, time: e.time ?? this.now() };
    const key = entry.unit ?? '';
    let ring = this.rings.get(key);
    if (!ring) this.rings.set(key, (ring = []));
    ring.push(entry);
    if (ring.length > this.ringSize) ring.splice(0, ring.length - this.ringSize);
    for (const l of [...this.listeners]) l(entry);
    return entry;
  }

  /** entries returns the matching entries in time order. */
  entries(q: JournalQuery = {}): JournalEntry[] {
    const out: JournalEntry[] = [];
    const keys = q.units ? q.units : [...this.rings.keys()];
    for (const k of keys) for (const e of this.rings.get(k) ?? []) if (matches(e, q)) out.push(e);
    return out.sort((a, b) => a.seq - b.seq);
  }

  /** cutoff is the time of the first and the last entry of the whole journal (the journalctl header). */
  cutoff(): { first: number; last: number } | undefined {
    let first = Infinity;
    let last = -Infinity;
    for (const r of this.rings.values()) {
      if (r.length === 0) continue;
      first = Math.min(first, r[0]!.time);
      last = Math.max(last, r[r.length - 1]!.time);
    }
    return first === Infinity ? undefined : { first, last };
  }

  /** follow calls cb for every new entry until the returned function is called. */
  follow(cb: (e: JournalEntry) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** clear forgets everything (journalctl --rotate --vacuum-time, a rebuilt host). */
  clear(): void {
    this.rings.clear();
  }
}

/** matches tells whether an entry passes a query. */
export function matches(e: JournalEntry, q: JournalQuery): boolean {
  if (q.units && (e.unit === undefined || !q.units.includes(e.unit))) return false;
  if (q.idents && !q.idents.includes(e.ident)) return false;
  if (q.since !== undefined && e.time < q.since) return false;
  if (q.until !== undefined && e.time > q.until) return false;
  if (q.maxPriority !== undefined && e.priority > q.maxPriority) return false;
  if (q.minPriority !== undefined && e.priority < q.minPriority) return false;
  return true;
}

/**
 * JournalStream is the Writable a service's stdout/stderr is connected to
 * (StandardOutput=journal): complete lines become entries; a partial line
 * waits for its newline, as journald's stdout stream does.
 */
export class JournalStream implements Writable {
  readonly isTTY = false;
  private partial = '';

  constructor(
    private readonly journal: Journal,
    private readonly meta: { unit: string; ident: string; pid: () => number; priority?: number },
  ) {}

  write(chunk: string): void {
    const text = this.partial + chunk;
    const lines = text.split('\n');
    this.partial = lines.pop()!;
    for (const line of lines) this.emit(line);
  }

  /** flush writes a pending partial line (when the process exits). */
  flush(): void {
    if (this.partial !== '') this.emit(this.partial);
    this.partial = '';
  }

  private emit(line: string): void {
    let priority = this.meta.priority ?? 6;
    let message = line;
    // sd-daemon(3) prefixes: "<3>text" sets the priority of that line.
    const m = /^<([0-7])>(.*)$/.exec(line);
    if (m) {
      priority = Number(m[1]);
      message = m[2]!;
    }
    this.journal.append({ unit: this.meta.unit, ident: this.meta.ident, pid: this.meta.pid(), priority, message });
  }
}
