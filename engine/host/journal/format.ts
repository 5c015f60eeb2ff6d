import type { JournalEntry } from './journal.ts';
import { isoTime, syslogTime } from './time.ts';

/** OutputMode is journalctl's -o. */
export type OutputMode = 'short' | 'short-iso' | 'short-precise' | 'short-unix' | 'cat' | 'json' | 'with-unit';

/** OUTPUT_MODES lists the -o values the lab prints. */
export const OUTPUT_MODES: readonly OutputMode[] = ['short', 'short-iso', 'short-precise', 'short-unix', 'cat', 'json', 'with-unit'];

function tag(e: JournalEntry): string {
  return e.pid > 0 ? `${e.ident}[${e.pid}]` : e.ident;
}

/**
 * formatEntry writes one entry the way journalctl (and systemctl status) do:
 * `Jan 05 09:00:05 controlplane kubelet[1234]: message`.
 */
export function formatEntry(e: JournalEntry, hostname: string, mode: OutputMode = 'short'): string {
  switch (mode) {
    case 'cat':
      return e.message;
    case 'short-iso':
      return `${isoTime(e.time)} ${hostname} ${tag(e)}: ${e.message}`;
    case 'short-precise': {
      const us = String((e.time % 1000) * 1000 + (e.seq % 1000)).padStart(6, '0');
      return `${syslogTime(e.time)}.${us} ${hostname} ${tag(e)}: ${e.message}`;
    }
    case 'short-unix': {
      const us = String((e.time % 1000) * 1000 + (e.seq % 1000)).padStart(6, '0');
      return `${Math.floor(e.time / 1000)}.${us} ${hostname} ${tag(e)}: ${e.message}`;
    }
    case 'with-unit':
      return `${syslogTime(e.time)} ${hostname} ${e.unit ?? tag(e)}: ${e.message}`;
    case 'json':
      return JSON.stringify({
        __REALTIME_TIMESTAMP: String(e.time * 1000 + (e.seq % 1000)),
        _HOSTNAME: hostname,
        PRIORITY: String(e.priority),
        SYSLOG_IDENTIFIER: e.ident,
        ...(e.pid > 0 ? { _PID: String(e.pid) } : {}),
        ...(e.unit ? (e.ident === 'systemd' ? { UNIT: e.unit } : { _SYSTEMD_UNIT: e.unit }) : {}),
        ...(e.messageId ? { MESSAGE_ID: e.messageId } : {}),
        MESSAGE: e.message,
      });
    default:
      return `${syslogTime(e.time)} ${hostname} ${tag(e)}: ${e.message}`;
  }
}

/** PRIORITY_NAMES are syslog levels by number, as journalctl -p accepts them. */
export const PRIORITY_NAMES = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];

/** parsePriority reads -p's "err", "3" or "warning..err" into a range. */
export function parsePriority(arg: string): { min: number; max: number } | undefined {
  const one = (s: string): number | undefined => {
    if (/^[0-7]$/.test(s)) return Number(s);
    const i = PRIORITY_NAMES.indexOf(s === 'error' ? 'err' : s === 'panic' ? 'emerg' : s === 'warn' ? 'warning' : s);
    return i < 0 ? undefined : i;
  };
  const range = arg.split('..');
  if (range.length === 2) {
    const a = one(range[0]!);
    const b = one(range[1]!);
    if (a === undefined || b === undefined) return undefined;
    return { min: Math.min(a, b), max: Math.max(a, b) };
  }
  const p = one(arg);
  return p === undefined ? undefined : { min: 0, max: p };
}
