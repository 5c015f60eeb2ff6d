import type { FileStat } from '../../../host/types.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** modeString renders type and permission bits like ls -l (drwxr-xr-x, -rwsr-xr-x, drwxrwxrwt). */
export function modeString(st: Pick<FileStat, 'type' | 'mode'>, devNull = false): string {
  const t = devNull ? 'c' : st.type === 'dir' ? 'd' : st.type === 'symlink' ? 'l' : '-';
  const m = st.mode;
  const rwx = (bits: number, special: boolean, ch: string) => (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + (special ? (bits & 1 ? ch : ch.toUpperCase()) : bits & 1 ? 'x' : '-');
  return t + rwx((m >> 6) & 7, (m & 0o4000) !== 0, 's') + rwx((m >> 3) & 7, (m & 0o2000) !== 0, 's') + rwx(m & 7, (m & 0o1000) !== 0, 't');
}

/** lsDate formats an mtime like ls: "Jan  5 09:00" within six months, "Jan  5  2025" otherwise (UTC). */
export function lsDate(mtime: number, now: number): string {
  const d = new Date(mtime);
  const md = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)}`;
  const sixMonths = (365.2425 / 2) * 86400000;
  if (mtime > now - sixMonths && mtime <= now + 60000) return `${md} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
  return `${md}  ${d.getUTCFullYear()}`;
}

/** humanSize formats bytes like ls -h / du -h / df -h (1024 based, one decimal below 10). */
export function humanSize(n: number, si = false): string {
  const base = si ? 1000 : 1024;
  if (n < base) return String(n);
  const units = si ? ['k', 'M', 'G', 'T', 'P'] : ['K', 'M', 'G', 'T', 'P'];
  let v = n;
  let u = -1;
  while (v >= base && u < units.length - 1) {
    v /= base;
    u++;
  }
  if (v < 10) {
    const r = Math.ceil(v * 10) / 10;
    if (r >= 10) return `${Math.ceil(r)}${units[u]}`;
    return `${r.toFixed(1)}${units[u]}`;
  }
  const r = Math.ceil(v);
  if (r >= base && u < units.length - 1) return `1.0${units[u + 1]}`;
  return `${r}${units[u]}`;
}

/** Tm is a broken-down UTC time. */
export interface Tm {
  year: number;
  month: number;
  day: number;
  hour: number;
  min: number;
  sec: number;
  wday: number;
  yday: number;
  ms: number;
}

/** breakDown splits ms since epoch into UTC fields. */
export function breakDown(ms: number): Tm {
  const d = new Date(ms);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(), hour: d.getUTCHours(), min: d.getUTCMinutes(), sec: d.getUTCSeconds(),
    wday: d.getUTCDay(), yday: Math.floor((ms - start) / 86400000), ms: ((ms % 1000) + 1000) % 1000,
  };
}

/** strftime formats a time with the conversions date(1) supports (UTC). */
export function strftime(fmt: string, ms: number, tz = 'UTC'): string {
  const t = breakDown(ms);
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== '%') {
      out += c;
      continue;
    }
    let pad: string | undefined;
    let n = fmt[++i];
    if (n === '-' || n === '_' || n === '0') {
      pad = n;
      n = fmt[++i];
    }
    const num = (v: number, w: number, dflt = '0') => {
      const p = pad === '-' ? '' : pad === '_' ? ' ' : pad === '0' ? '0' : dflt;
      return p === '' ? String(v) : String(v).padStart(w, p);
    };
    switch (n) {
      case 'Y': out += t.year; break;
      case 'C': out += num(Math.floor(t.year / 100), 2); break;
      case 'y': out += num(t.year % 100, 2); break;
      case 'm': out += num(t.month + 1, 2); break;
      case 'd': out += num(t.day, 2); break;
      case 'e': out += num(t.day, 2, ' '); break;
      case 'H': out += num(t.hour, 2); break;
      case 'k': out += num(t.hour, 2, ' '); break;
      case 'I': out += num(t.hour % 12 || 12, 2); break;
      case 'l': out += num(t.hour % 12 || 12, 2, ' '); break;
      case 'M': out += num(t.min, 2); break;
      case 'S': out += num(t.sec, 2); break;
      case 'N': out += String(t.ms * 1000000).padStart(9, '0'); break;
      case 'p': out += t.hour < 12 ? 'AM' : 'PM'; break;
      case 'P': out += t.hour < 12 ? 'am' : 'pm'; break;
      case 'j': out += num(t.yday + 1, 3); break;
      case 'a': out += DAYS[t.wday]; break;
      case 'A': out += ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][t.wday]; break;
      case 'b': case 'h': out += MONTHS[t.month]; break;
      case 'B': out += ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][t.month]; break;
      case 'u': out += t.wday === 0 ? 7 : t.wday; break;
      case 'w': out += t.wday; break;
      case 's': out += Math.floor(ms / 1000); break;
      case 'Z': out += tz; break;
      case 'z': out += '+0000'; break;
      case 'F': out += `${t.year}-${p2(t.month + 1)}-${p2(t.day)}`; break;
      case 'T': out += `${p2(t.hour)}:${p2(t.min)}:${p2(t.sec)}`; break;
      case 'R': out += `${p2(t.hour)}:${p2(t.min)}`; break;
      case 'D': out += `${p2(t.month + 1)}/${p2(t.day)}/${p2(t.year % 100)}`; break;
      case 'c': out += `${DAYS[t.wday]} ${MONTHS[t.month]} ${String(t.day).padStart(2)} ${p2(t.hour)}:${p2(t.min)}:${p2(t.sec)} ${t.year}`; break;
      case 'x': out += `${p2(t.month + 1)}/${p2(t.day)}/${p2(t.year % 100)}`; break;
      case 'X': out += `${p2(t.hour)}:${p2(t.min)}:${p2(t.sec)}`; break;
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case '%': out += '%'; break;
      default: out += '%' + (n ?? '');
    }
  }
  return out;
}
