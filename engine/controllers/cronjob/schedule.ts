/**
 * Schedule is a parsed cron schedule with robfig/cron's standard semantics:
 * five fields (minute hour day-of-month month day-of-week) or a descriptor
 * (@yearly @annually @monthly @weekly @daily @midnight @hourly); when both
 * day fields are restricted a day matches either one.
 */
export interface Schedule {
  minute: Set<number>;
  hour: Set<number>;
  dom: Set<number>;
  month: Set<number>;
  dow: Set<number>;
  domStar: boolean;
  dowStar: boolean;
}

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};
const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

function field(s: string, lo: number, hi: number, names: Record<string, number> = {}): { set: Set<number>; star: boolean } {
  const set = new Set<number>();
  let star = false;
  const val = (x: string) => {
    const n = names[x.toLowerCase()] ?? (/^\d+$/.test(x) ? Number(x) : NaN);
    if (Number.isNaN(n)) throw new Error(`failed to parse int from ${x}`);
    return n;
  };
  for (const part of s.split(',')) {
    const [range, stepS] = part.split('/');
    const step = stepS === undefined ? 1 : val(stepS);
    let a: number;
    let b: number;
    if (range === '*' || range === '?') {
      [a, b] = [lo, hi];
      if (stepS === undefined) star = true;
    } else {
      const [x, y] = range!.split('-');
      a = val(x!);
      b = y === undefined ? (stepS === undefined ? a : hi) : val(y);
    }
    if (a < lo || b > hi || a > b || step < 1) throw new Error(`invalid range ${part}`);
    for (let i = a; i <= b; i += step) set.add(i);
  }
  return { set, star };
}

/** parseSchedule parses a CronJob schedule (throws on an invalid one; the apiserver has already validated it). */
export function parseSchedule(spec: string): Schedule {
  const text = DESCRIPTORS[spec.trim()] ?? spec.trim();
  const f = text.split(/\s+/);
  if (f.length !== 5) throw new Error(`expected exactly 5 fields, found ${f.length}: ${spec}`);
  const dom = field(f[2]!, 1, 31);
  const dow = field(f[4]!, 0, 7, DAYS);
  if (dow.set.has(7)) dow.set.add(0);
  return { minute: field(f[0]!, 0, 59).set, hour: field(f[1]!, 0, 23).set, dom: dom.set, month: field(f[3]!, 1, 12, MONTHS).set, dow: dow.set, domStar: dom.star, dowStar: dow.star };
}

function dayMatches(s: Schedule, d: Date): boolean {
  const domOk = s.dom.has(d.getUTCDate());
  const dowOk = s.dow.has(d.getUTCDay());
  if (s.domStar || s.dowStar) return domOk && dowOk;
  return domOk || dowOk;
}

/** next is the first activation strictly after t (ms, UTC), or undefined within five years. */
export function next(s: Schedule, t: number): number | undefined {
  const d = new Date(Math.floor(t / 60_000) * 60_000 + 60_000);
  const limit = t + 5 * 366 * 24 * 3600 * 1000;
  while (d.getTime() <= limit) {
    if (!s.month.has(d.getUTCMonth() + 1)) {
      d.setUTCMonth(d.getUTCMonth() + 1, 1);
      d.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!dayMatches(s, d)) {
      d.setUTCDate(d.getUTCDate() + 1);
      d.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!s.hour.has(d.getUTCHours())) {
      d.setUTCHours(d.getUTCHours() + 1, 0, 0, 0);
      continue;
    }
    if (!s.minute.has(d.getUTCMinutes())) {
      d.setUTCMinutes(d.getUTCMinutes() + 1, 0, 0);
      continue;
    }
    return d.getTime();
  }
  return undefined;
}

/**
 * mostRecent is mostRecentScheduleTime: the latest activation in (from, now],
 * and how many were missed; undefined when none is due.
 */
export function mostRecent(s: Schedule, from: number, now: number): { time?: number; missed: number; next?: number } {
  let t = next(s, from);
  let last: number | undefined;
  let missed = 0;
  while (t !== undefined && t <= now) {
    last = t;
    missed++;
    if (missed > 1000) break;
    t = next(s, t);
  }
  return { time: last, missed, next: last === undefined ? t : next(s, last) };
}
