/**
 * uiTable prints rows as helm does (gosuri/uitable): every cell padded to its
 * column's width, columns joined by a tab; cells longer than maxWidth are
 * cut to maxWidth-3 characters and "...".
 */
export function uiTable(rows: string[][], maxWidth = 0): string {
  const cut = (s: string) => (maxWidth > 0 && s.length > maxWidth ? `${s.slice(0, maxWidth - 3)}...` : s);
  const cells = rows.map((r) => r.map(cut));
  const widths: number[] = [];
  for (const r of cells) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return cells.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('\t')).join('\n') + '\n';
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ansic is Go's time.ANSIC in UTC: "Mon Jan  5 09:00:00 2026" (LAST DEPLOYED, history's UPDATED). */
export function ansic(iso: string): string {
  const d = new Date(iso);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** goTimeString is Go's Time.String() in UTC: "2026-01-05 09:00:00.123 +0000 UTC" (list's UPDATED). */
export function goTimeString(iso: string): string {
  const d = new Date(iso);
  const base = d.toISOString().slice(0, 19).replace('T', ' ');
  const ms = d.getUTCMilliseconds();
  const frac = ms ? `.${String(ms).padStart(3, '0').replace(/0+$/, '')}` : '';
  return `${base}${frac} +0000 UTC`;
}

/** rfc3339Nano is how helm stores times ("2026-01-05T09:00:00.123Z"). */
export function rfc3339Nano(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
