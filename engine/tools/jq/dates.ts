import { JqError, type Value } from './values.ts';

/**
 * jq's date builtins on "broken down time" arrays
 * [year, month (0-11), day, hours, minutes, seconds, weekday, yearday], in UTC.
 */
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function gmtime(v: Value): Value[] {
  if (typeof v !== 'number') throw new JqError('gmtime() requires a number');
  const d = new Date(Math.floor(v) * 1000);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const yday = Math.floor((d.getTime() - yearStart) / 86400000);
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds() + (v - Math.floor(v)), d.getUTCDay(), yday];
}

function brokenDown(v: Value, what: string): number[] {
  if (!Array.isArray(v) || v.length < 6 || v.slice(0, 6).some((x) => typeof x !== 'number')) throw new JqError(`${what} requires array of 6 numbers`);
  return v.map((x) => (typeof x === 'number' ? x : 0));
}

export function mktime(v: Value): number {
  if (!Array.isArray(v)) throw new JqError('mktime requires array of 6 numbers');
  const t = brokenDown(v, 'mktime');
  return Math.floor(Date.UTC(t[0]!, t[1]!, t[2]!, t[3]!, t[4]!, Math.floor(t[5]!)) / 1000);
}

const pad = (n: number, w = 2, c = '0'): string => String(n).padStart(w, c);

export function strftime(v: Value, fmt: Value): string {
  if (typeof v === 'number') v = gmtime(v);
  if (!Array.isArray(v)) throw new JqError('strftime/1 requires parsed datetime inputs');
  if (typeof fmt !== 'string') throw new JqError('strftime/1 requires a string format');
  const t = brokenDown(v, 'strftime/1');
  const [Y, M, D, h, m, s] = [t[0]!, t[1]!, t[2]!, t[3]!, t[4]!, Math.floor(t[5]!)];
  const date = new Date(Date.UTC(Y, M, D, h, m, s));
  const wd = date.getUTCDay();
  const yd = Math.floor((date.getTime() - Date.UTC(Y, 0, 1)) / 86400000);
  return fmt.replace(/%([a-zA-Z%])/g, (all, c: string) => {
    switch (c) {
      case 'Y': return String(Y);
      case 'C': return pad(Math.floor(Y / 100));
      case 'y': return pad(Y % 100);
      case 'm': return pad(M + 1);
      case 'd': return pad(D);
      case 'e': return pad(D, 2, ' ');
      case 'H': return pad(h);
      case 'I': return pad(h % 12 === 0 ? 12 : h % 12);
      case 'M': return pad(m);
      case 'S': return pad(s);
      case 'j': return pad(yd + 1, 3);
      case 'Z': return 'UTC';
      case 'z': return '+0000';
      case 'a': return DAYS[wd]!.slice(0, 3);
      case 'A': return DAYS[wd]!;
      case 'b': case 'h': return MONTHS[M]!.slice(0, 3);
      case 'B': return MONTHS[M]!;
      case 'p': return h < 12 ? 'AM' : 'PM';
      case 'u': return String(wd === 0 ? 7 : wd);
      case 'w': return String(wd);
      case 's': return String(Math.floor(date.getTime() / 1000));
      case 'T': return `${pad(h)}:${pad(m)}:${pad(s)}`;
      case 'D': return `${pad(M + 1)}/${pad(D)}/${pad(Y % 100)}`;
      case 'F': return `${Y}-${pad(M + 1)}-${pad(D)}`;
      case 'R': return `${pad(h)}:${pad(m)}`;
      case 'c': return `${DAYS[wd]!.slice(0, 3)} ${MONTHS[M]!.slice(0, 3)} ${pad(D, 2, ' ')} ${pad(h)}:${pad(m)}:${pad(s)} ${Y}`;
      case 'n': return '\n';
      case 't': return '\t';
      case '%': return '%';
      default: return all;
    }
  });
}

/** strptime parses the common conversions (%Y %m %d %H %M %S %Z %z %j %b %a %T %F and literals). */
export function strptime(v: Value, fmt: Value): Value[] {
  if (typeof v !== 'string') throw new JqError(`strptime/1 requires string inputs and arguments`);
  if (typeof fmt !== 'string') throw new JqError('strptime/1 requires string inputs and arguments');
  const f = fmt.replace(/%T/g, '%H:%M:%S').replace(/%F/g, '%Y-%m-%d');
  let Y = 1900, M = 0, D = 0, h = 0, m = 0, s = 0;
  let i = 0;
  const fail = (): never => {
    throw new JqError(`date "${v}" does not match format "${fmt}"`);
  };
  const num = (max: number): number => {
    const mm = new RegExp(`^[+-]?\\d{1,${max}}`).exec(v.slice(i));
    if (!mm) fail();
    i += mm![0].length;
    return Number(mm![0]);
  };
  for (let k = 0; k < f.length; k++) {
    const c = f[k]!;
    if (c !== '%') {
      if (/\s/.test(c)) {
        while (/\s/.test(v[i] ?? '')) i++;
      } else if (v[i++] !== c) fail();
      continue;
    }
    const d = f[++k];
    switch (d) {
      case 'Y': Y = num(4); break;
      case 'm': M = num(2) - 1; break;
      case 'd': case 'e': D = num(2); break;
      case 'H': h = num(2); break;
      case 'M': m = num(2); break;
      case 'S': s = num(2); break;
      case 'j': num(3); break;
      case 'y': Y = 1900 + num(2); if (Y < 1969) Y += 100; break;
      case 'Z': while (/[A-Za-z]/.test(v[i] ?? '')) i++; break;
      case 'z': { const mm = /^[+-]\d{4}|^Z/.exec(v.slice(i)); if (!mm) fail(); i += mm![0].length; break; }
      case 'b': case 'h': case 'B': { const idx = MONTHS.findIndex((n) => v.slice(i).toLowerCase().startsWith(n.slice(0, 3).toLowerCase())); if (idx < 0) fail(); M = idx; i += v.slice(i).toLowerCase().startsWith(MONTHS[idx]!.toLowerCase()) ? MONTHS[idx]!.length : 3; break; }
      case 'a': case 'A': { const idx = DAYS.findIndex((n) => v.slice(i).toLowerCase().startsWith(n.slice(0, 3).toLowerCase())); if (idx < 0) fail(); i += v.slice(i).toLowerCase().startsWith(DAYS[idx]!.toLowerCase()) ? DAYS[idx]!.length : 3; break; }
      case '%': if (v[i++] !== '%') fail(); break;
      default: fail();
    }
  }
  if (i !== v.length) fail();
  const t = Date.UTC(Y, M, D, h, m, s) / 1000;
  return gmtime(t);
}
