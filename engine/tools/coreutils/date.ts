import { has, parseOrUsage, val } from './lib/args.ts';
import { strftime } from './lib/fmt.ts';
import { ql } from './lib/io.ts';
import { def } from './def.ts';

const UNITS: Record<string, number> = { sec: 1000, second: 1000, min: 60000, minute: 60000, hour: 3600000, day: 86400000, week: 604800000, fortnight: 1209600000 };

/** parseDate reads the date strings of date -d: ISO dates and times, @epoch, now/today/tomorrow/yesterday, relative offsets. */
export function parseDate(s: string, now: number): number | undefined {
  let t = s.trim().toLowerCase();
  if (t === '' || t === 'now' || t === 'today') return now;
  let m = /^@(-?\d+(\.\d+)?)$/.exec(t);
  if (m) return Math.round(Number(m[1]) * 1000);
  let base = now;
  if (t.startsWith('tomorrow')) {
    base += 86400000;
    t = t.slice(8).trim();
  } else if (t.startsWith('yesterday')) {
    base -= 86400000;
    t = t.slice(9).trim();
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(z|utc|[+-]\d{2}:?\d{2})?(.*)$/.exec(t);
  if (m) {
    let ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
    if (m[7] && /^[+-]/.test(m[7])) {
      const z = m[7].replace(':', '');
      ms -= (Number(z.slice(0, 3)) * 60 + Math.sign(Number(z.slice(0, 3)) || 1) * Number(z.slice(3))) * 60000;
    }
    base = ms;
    t = m[8]!.trim();
  } else if ((m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(.*)$/.exec(t))) {
    const d = new Date(base);
    base = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), Number(m[1]), Number(m[2]), Number(m[3] ?? 0));
    t = m[4]!.trim();
  }
  while (t !== '') {
    m = /^([+-]?\s*\d+)?\s*(sec|second|min|minute|hour|day|week|fortnight|month|year)s?\b\s*(ago)?\s*(.*)$/.exec(t);
    const nx = /^next\s+(\w+?)s?\b\s*(.*)$/.exec(t);
    const last = /^last\s+(\w+?)s?\b\s*(.*)$/.exec(t);
    let n: number;
    let unit: string;
    let rest: string;
    if (m) {
      n = m[1] === undefined ? 1 : Number(m[1].replace(/\s/g, ''));
      if (m[3]) n = -n;
      unit = m[2]!;
      rest = m[4]!;
    } else if (nx || last) {
      const r = (nx ?? last)!;
      n = nx ? 1 : -1;
      unit = r[1]!;
      rest = r[2]!;
    } else return undefined;
    if (unit === 'month' || unit === 'year') {
      const d = new Date(base);
      if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + n);
      else d.setUTCFullYear(d.getUTCFullYear() + n);
      base = d.getTime();
    } else if (UNITS[unit]) base += n * UNITS[unit]!;
    else return undefined;
    t = rest.trim();
  }
  return base;
}

/** date prints (or, for root, would set) the simulated time. */
export const date = def(
  'date',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'uRI', withArg: 'ds', long: { 'date=': 'd', 'set=': 's', utc: 'u', universal: 'u', 'rfc-email': 'R', 'iso-8601': 'I', 'rfc-3339=': '3' } });
    if (typeof a === 'number') return a;
    const now = p.sys.runtime.now;
    if (has(a, 's')) {
      p.stderr.write('date: cannot set date: Operation not permitted\n');
      return 1;
    }
    let t = now;
    const ds = val(a, 'd');
    if (ds !== undefined) {
      const parsed = parseDate(ds, now);
      if (parsed === undefined) {
        p.stderr.write(`date: invalid date ${ql(ds)}\n`);
        return 1;
      }
      t = parsed;
    }
    const fmtArg = a.args.find((x) => x.startsWith('+'));
    const extra = a.args.find((x) => !x.startsWith('+'));
    if (extra !== undefined) {
      p.stderr.write(`date: invalid date ${ql(extra)}\n`);
      return 1;
    }
    let fmt = '%a %b %e %H:%M:%S %Z %Y';
    if (fmtArg) fmt = fmtArg.slice(1);
    else if (has(a, 'R')) fmt = '%a, %d %b %Y %H:%M:%S %z';
    else if (has(a, 'I')) fmt = '%Y-%m-%d';
    else if (val(a, '3') === 'seconds') fmt = '%Y-%m-%d %H:%M:%S+00:00';
    else if (val(a, '3') === 'date') fmt = '%Y-%m-%d';
    p.stdout.write(strftime(fmt, t) + '\n');
    return 0;
  },
  'date - print or set the system date and time\n\nSYNOPSIS\n       date [OPTION]... [+FORMAT]\n\nDESCRIPTION\n       Display the current time in the given FORMAT.\n\n       -d, --date=STRING\n              display time described by STRING, not \'now\'\n       -u, --utc\n              print Coordinated Universal Time (UTC)\n       -R, --rfc-email\n              output date and time in RFC 5322 format',
);
