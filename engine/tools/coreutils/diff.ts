import type { Process } from '../../host/process.ts';
import { has, parseOrUsage, val } from './lib/args.ts';
import { strftime } from './lib/fmt.ts';
import { errText, readStdin, resolve } from './lib/io.ts';
import { diffLines, type Edit } from './lib/lcs.ts';
import { def } from './def.ts';

interface Side {
  name: string;
  lines: string[];
  noEol: boolean;
  mtime: number;
}

function range(start: number, count: number, sep: string): string {
  return count === 1 ? String(start + 1) : `${start + 1}${sep}${start + count}`;
}

function normal(a: Side, b: Side, edits: Edit[]): string {
  let out = '';
  let i = 0;
  while (i < edits.length) {
    if (edits[i]!.op === '=') {
      i++;
      continue;
    }
    let j = i;
    while (j < edits.length && edits[j]!.op !== '=') j++;
    const del = edits.slice(i, j).filter((e) => e.op === '-');
    const ins = edits.slice(i, j).filter((e) => e.op === '+');
    const aStart = del.length ? del[0]!.a : edits[i]!.a;
    const bStart = ins.length ? ins[0]!.b : edits[i]!.b;
    const ar = del.length ? range(aStart, del.length, ',') : String(aStart);
    const br = ins.length ? range(bStart, ins.length, ',') : String(bStart);
    out += `${ar}${del.length && ins.length ? 'c' : del.length ? 'd' : 'a'}${br}\n`;
    for (const e of del) out += `< ${a.lines[e.a]}\n` + (e.a === a.lines.length - 1 && a.noEol ? '\\ No newline at end of file\n' : '');
    if (del.length && ins.length) out += '---\n';
    for (const e of ins) out += `> ${b.lines[e.b]}\n` + (e.b === b.lines.length - 1 && b.noEol ? '\\ No newline at end of file\n' : '');
    i = j;
  }
  return out;
}

function unified(a: Side, b: Side, edits: Edit[], ctx: number, labels: [string?, string?]): string {
  const stamp = (ms: number) => strftime('%Y-%m-%d %H:%M:%S', ms) + '.' + String((ms % 1000) * 1e6).padStart(9, '0') + ' +0000';
  let out = `--- ${labels[0] ?? `${a.name}\t${stamp(a.mtime)}`}\n+++ ${labels[1] ?? `${b.name}\t${stamp(b.mtime)}`}\n`;
  const changes = edits.map((e, i) => (e.op !== '=' ? i : -1)).filter((i) => i >= 0);
  let h = 0;
  while (h < changes.length) {
    let start = Math.max(0, changes[h]! - ctx);
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
    for (const e of hunk) {
      if (e.op === '=') out += ` ${a.lines[e.a]}\n` + (e.a === a.lines.length - 1 && a.noEol ? '\\ No newline at end of file\n' : '');
      else if (e.op === '-') out += `-${a.lines[e.a]}\n` + (e.a === a.lines.length - 1 && a.noEol ? '\\ No newline at end of file\n' : '');
      else out += `+${b.lines[e.b]}\n` + (e.b === b.lines.length - 1 && b.noEol ? '\\ No newline at end of file\n' : '');
    }
    start = end;
  }
  return out;
}

async function load(p: Process, name: string): Promise<Side> {
  const text = name === '-' ? await readStdin(p) : p.fs.readFile(resolve(p, name));
  const mtime = name === '-' ? p.sys.runtime.now : p.fs.stat(resolve(p, name)).mtime;
  const noEol = text !== '' && !text.endsWith('\n');
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  return { name, lines, noEol, mtime };
}

/** diff compares files line by line (normal output, -u unified, -q brief). */
export const diff = def(
  'diff',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'uqsiwbBN', withArg: 'UL', long: { unified: 'u', 'unified=': 'U', brief: 'q', 'report-identical-files': 's', 'ignore-case': 'i', 'ignore-all-space': 'w', 'ignore-space-change': 'b', 'label=': 'L', color: 'C', 'color=': 'C' }, usageCode: 2 });
    if (typeof a === 'number') return a;
    if (a.args.length < 2) {
      p.stderr.write(`diff: missing operand after '${a.args[0] ?? 'diff'}'\ndiff: Try 'diff --help' for more information.\n`);
      return 2;
    }
    if (a.args.length > 2) {
      p.stderr.write(`diff: extra operand '${a.args[2]}'\ndiff: Try 'diff --help' for more information.\n`);
      return 2;
    }
    let x: Side;
    let y: Side;
    try {
      x = await load(p, a.args[0]!);
    } catch (e) {
      p.stderr.write(`diff: ${a.args[0]}: ${errText(e)}\n`);
      return 2;
    }
    try {
      y = await load(p, a.args[1]!);
    } catch (e) {
      p.stderr.write(`diff: ${a.args[1]}: ${errText(e)}\n`);
      return 2;
    }
    const norm = (s: string) => {
      let t = s;
      if (has(a, 'i')) t = t.toLowerCase();
      if (has(a, 'w')) t = t.replace(/\s+/g, '');
      else if (has(a, 'b')) t = t.replace(/\s+/g, ' ').replace(/ $/, '');
      return t;
    };
    const xa = x.lines.map(norm);
    const ya = y.lines.map(norm);
    if (x.noEol !== y.noEol && xa.length) xa[xa.length - 1] += x.noEol ? '\0' : '';
    if (x.noEol !== y.noEol && ya.length) ya[ya.length - 1] += y.noEol ? '\0' : '';
    const edits = diffLines(xa, ya);
    const same = edits.every((e) => e.op === '=');
    if (same) {
      if (has(a, 's')) p.stdout.write(`Files ${x.name} and ${y.name} are identical\n`);
      return 0;
    }
    if (has(a, 'q')) {
      p.stdout.write(`Files ${x.name} and ${y.name} differ\n`);
      return 1;
    }
    const ctx = val(a, 'U') !== undefined ? Number(val(a, 'U')) : has(a, 'u') ? 3 : -1;
    const labels = a.opts.get('L') ?? [];
    p.stdout.write(ctx >= 0 ? unified(x, y, edits, ctx, [labels[0], labels[1]]) : normal(x, y, edits));
    return 1;
  },
  'diff - compare files line by line\n\nSYNOPSIS\n       diff [OPTION]... FILES\n\nDESCRIPTION\n       -q, --brief\n              report only when files differ\n       -u, -U NUM, --unified[=NUM]\n              output NUM (default 3) lines of unified context',
);
