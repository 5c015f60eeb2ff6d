/**
 * The text helpers etcdctl's printers rely on: olekukonko/tablewriter as
 * etcdctl configures it (right-aligned cells, centred headers), go-humanize's
 * byte sizes, Go's time.Duration text and zap's log lines.
 */

/** table renders rows the way etcdctl's table printer does. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = '+' + widths.map((w) => '-'.repeat(w + 2)).join('+') + '+\n';
  const center = (s: string, w: number) => {
    const gap = w - s.length;
    const left = Math.floor(gap / 2);
    return ' '.repeat(left) + s + ' '.repeat(gap - left);
  };
  let out = line + '|' + header.map((h, i) => ` ${center(h, widths[i]!)} `).join('|') + '|\n' + line;
  for (const r of rows) out += '|' + widths.map((w, i) => ` ${' '.repeat(w - [...(r[i] ?? '')].length)}${r[i] ?? ''} `).join('|') + '|\n';
  if (rows.length > 0) out += line;
  return out;
}

/** humanBytes is go-humanize's Bytes (SI units): "20 kB", "7.3 MB". */
export function humanBytes(n: number): string {
  if (n < 10) return `${n} B`;
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  const e = Math.floor(Math.log(n) / Math.log(1000));
  const v = Math.floor((n / 1000 ** e) * 10 + 0.5) / 10;
  if (v < 10) return `${v.toFixed(1)} ${units[e]}`;
  // Go's %.0f rounds halves to even (20.5 → "20").
  const r = Math.abs(v - Math.trunc(v) - 0.5) < 1e-9 ? (Math.trunc(v) % 2 === 0 ? Math.trunc(v) : Math.trunc(v) + 1) : Math.round(v);
  return `${r} ${units[e]}`;
}

/** goDuration formats nanoseconds as Go's time.Duration.String: "895.554µs", "3.943415ms", "1.2s". */
export function goDuration(ns: number): string {
  const trim = (s: string) => s.replace(/\.?0+$/, '');
  if (ns < 1000) return `${ns}ns`;
  if (ns < 1_000_000) return `${trim((ns / 1000).toFixed(3))}µs`;
  if (ns < 1_000_000_000) return `${trim((ns / 1_000_000).toFixed(6))}ms`;
  return `${trim((ns / 1_000_000_000).toFixed(9))}s`;
}

/** isoMicros is zap's ISO8601 time with microseconds, as etcd 3.5's JSON logs print "ts". */
export function isoMicros(ms: number): string {
  const d = new Date(ms).toISOString();
  return `${d.slice(0, 23)}${String(Math.floor((ms * 1000) % 1000)).padStart(3, '0')}Z`;
}

/** isoSeconds is the console logger's time ("2025-03-02T13:38:07Z"). */
export function isoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** zapJson writes one JSON log line with the fields in the given order. */
export function zapJson(level: string, ts: string, fields: [string, unknown][]): string {
  const parts = [`"level":${JSON.stringify(level)}`, `"ts":${JSON.stringify(ts)}`, ...fields.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)];
  return `{${parts.join(',')}}\n`;
}

/** zapConsole writes one console log line: time, level, caller, message and the fields as JSON. */
export function zapConsole(ts: string, caller: string, msg: string, fields?: [string, unknown][]): string {
  const f = fields ? `\t{${fields.map(([k, v]) => `${JSON.stringify(k)}: ${consoleValue(v)}`).join(', ')}}` : '';
  return `${ts}\tinfo\t${caller}\t${msg}${f}\n`;
}

function consoleValue(v: unknown): string {
  return Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]` : JSON.stringify(v);
}
