import { diffLines, type Edit } from '../../../coreutils/lib/lcs.ts';

/** stamp is GNU diff's timestamp: "2026-11-23 01:39:08.224550867 +0000". */
export function diffStamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1_000_000).padStart(9, '0')} +0000`;
}

/** unifiedDiff is `diff -u -N a b` for one pair of texts (three lines of context); "" when equal. */
export function unifiedDiff(aName: string, aText: string, bName: string, bText: string, mtime: number): string {
  if (aText === bText) return '';
  const a = aText === '' ? [] : aText.replace(/\n$/, '').split('\n');
  const b = bText === '' ? [] : bText.replace(/\n$/, '').split('\n');
  const edits: Edit[] = diffLines(a, b);
  let out = `diff -u -N ${aName} ${bName}\n--- ${aName}\t${diffStamp(mtime)}\n+++ ${bName}\t${diffStamp(mtime)}\n`;
  const changes = edits.map((e, i) => (e.op !== '=' ? i : -1)).filter((i) => i >= 0);
  const ctx = 3;
  let h = 0;
  while (h < changes.length) {
    const start = Math.max(0, changes[h]! - ctx);
    let end = Math.min(edits.length, changes[h]! + ctx + 1);
    while (h + 1 < changes.length && changes[h + 1]! - ctx <= end) {
      h++;
      end = Math.min(edits.length, changes[h]! + ctx + 1);
    }
    h++;
    const hunk = edits.slice(start, end);
    const aLines = hunk.filter((e) => e.op !== '+');
    const bLines = hunk.filter((e) => e.op !== '-');
    const aStart = aLines.length ? aLines[0]!.a + 1 : (hunk[0]?.a ?? 0);
    const bStart = bLines.length ? bLines[0]!.b + 1 : (hunk[0]?.b ?? 0);
    const r = (s: number, c: number) => (c === 1 ? `${s}` : `${c === 0 ? s : s},${c}`);
    out += `@@ -${r(aStart, aLines.length)} +${r(bStart, bLines.length)} @@\n`;
    for (const e of hunk) out += e.op === '=' ? ` ${a[e.a]}\n` : e.op === '-' ? `-${a[e.a]}\n` : `+${b[e.b]}\n`;
  }
  return out;
}
