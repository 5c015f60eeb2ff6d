/**
 * systemd's ways of writing times (src/basic/time-util.c), in UTC because lab
 * hosts run with TZ=Etc/UTC: absolute timestamps, "2min 3s ago" and spans.
 */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** formatTimestamp is format_timestamp(): "Mon 2026-01-05 09:00:05 UTC". */
export function formatTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC`;
}

/** syslogTime is the short output's "Jan 05 09:00:05". */
export function syslogTime(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** isoTime is short-iso's "2026-01-05T09:00:05+0000". */
export function isoTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}T${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}+0000`;
}

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 2629800 * SEC;
const YEAR = 31557600 * SEC;

/** formatRelative is format_timestamp_relative(): "2min 3s ago", "1 day 2h ago", "now". */
export function formatRelative(ms: number, now: number): string {
  let d = now - ms;
  let s = 'ago';
  if (d < 0) {
    d = -d;
    s = 'left';
  }
  const f = Math.floor;
  const pl = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (d >= YEAR) return `${pl(f(d / YEAR), 'year', 'years')} ${pl(f((d % YEAR) / MONTH), 'month', 'months')} ${s}`;
  if (d >= MONTH) return `${pl(f(d / MONTH), 'month', 'months')} ${pl(f((d % MONTH) / DAY), 'day', 'days')} ${s}`;
  if (d >= WEEK) return `${pl(f(d / WEEK), 'week', 'weeks')} ${pl(f((d % WEEK) / DAY), 'day', 'days')} ${s}`;
  if (d >= 2 * DAY) return `${f(d / DAY)} days ${s}`;
  if (d >= 25 * HOUR) return `1 day ${f((d - DAY) / HOUR)}h ${s}`;
  if (d >= 6 * HOUR) return `${f(d / HOUR)}h ${s}`;
  if (d >= HOUR) return `${f(d / HOUR)}h ${f((d % HOUR) / MIN)}min ${s}`;
  if (d >= 5 * MIN) return `${f(d / MIN)}min ${s}`;
  if (d >= MIN) return `${f(d / MIN)}min ${f((d % MIN) / SEC)}s ${s}`;
  if (d >= SEC) return `${f(d / SEC)}s ${s}`;
  if (d >= 1) return `${f(d)}ms ${s}`;
  return 'now';
}

/**
 * formatTimespan is format_timespan(t, accuracy) with ms input: "1min 3.219s",
 * "52ms", "10s". accuracyMs is the smallest unit shown (1 for CPU times).
 */
export function formatTimespan(ms: number, accuracyMs = 1): string {
  if (ms <= 0) return '0';
  const table: Array<[string, number]> = [['y', YEAR], ['month', MONTH], ['w', WEEK], ['d', DAY], ['h', HOUR], ['min', MIN], ['s', SEC], ['ms', 1]];
  const parts: string[] = [];
  let t = ms;
  let something = false;
  for (const [suffix, unit] of table) {
    if (t <= 0 || t < accuracyMs) break;
    if (t < unit) continue;
    let a = Math.floor(t / unit);
    let b = t % unit;
    // Seconds with a sub-second rest print as a decimal ("3.219s"), as systemd does.
    if (unit === SEC && b > 0 && accuracyMs < SEC) {
      let frac = String(b).padStart(3, '0');
      while (frac.endsWith('0')) frac = frac.slice(0, -1);
      parts.push(`${a}.${frac}${suffix}`);
      t = 0;
      something = true;
      break;
    }
    parts.push(`${a}${suffix}`);
    t = b;
    something = true;
    a = 0;
    b = 0;
  }
  return something ? parts.join(' ') : '0';
}

/** parseTimeArg reads journalctl's --since/--until forms: "5 minutes ago", "-1h", "today", "2026-01-05 09:00:00", "09:00". */
export function parseTimeArg(arg: string, now: number): number | undefined {
  const a = arg.trim();
  const startOfDay = (t: number) => t - (t % DAY);
  if (a === 'now') return now;
  if (a === 'today') return startOfDay(now);
  if (a === 'yesterday') return startOfDay(now) - DAY;
  if (a === 'tomorrow') return startOfDay(now) + DAY;
  const rel = /^([+-])?\s*(.+?)(\s+ago)?$/.exec(a);
  if (rel && (rel[1] || rel[3])) {
    const span = parseTimespan(rel[2]!);
    if (span !== undefined) return rel[1] === '+' && !rel[3] ? now + span : now - span;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?(?:\s*UTC)?$/.exec(a);
  if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(a);
  if (t) return startOfDay(now) + Number(t[1]) * HOUR + Number(t[2]) * MIN + Number(t[3] ?? 0) * SEC;
  return undefined;
}

const SPAN_UNITS: Record<string, number> = {
  us: 0.001, usec: 0.001, ms: 1, msec: 1, s: SEC, sec: SEC, second: SEC, seconds: SEC,
  m: MIN, min: MIN, minute: MIN, minutes: MIN, h: HOUR, hr: HOUR, hour: HOUR, hours: HOUR,
  d: DAY, day: DAY, days: DAY, w: WEEK, week: WEEK, weeks: WEEK, M: MONTH, month: MONTH, months: MONTH,
  y: YEAR, year: YEAR, years: YEAR,
};

/** parseTimespan reads "5 minutes", "1h 30min", "10s", "100ms" (parse_sec); a bare number is seconds. */
export function parseTimespan(text: string): number | undefined {
  const s = text.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s) * SEC;
  const re = /(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*/gy;
  let total = 0;
  let pos = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const unit = SPAN_UNITS[m[2]!];
    if (unit === undefined) return undefined;
    total += Number(m[1]) * unit;
    pos = re.lastIndex;
  }
  return pos === s.length && pos > 0 ? Math.round(total) : undefined;
}
