import { has, parseOrUsage, val } from './lib/args.ts';
import { errText, qf, readText, resolve, splitLines } from './lib/io.ts';
import { def } from './def.ts';

/** uniq collapses adjacent equal lines: -c -d -u -i -f -s. */
export const uniq = def(
  'uniq',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'cdDuiz', withArg: 'fsw', long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i', 'skip-fields=': 'f', 'skip-chars=': 's', 'check-chars=': 'w' } });
    if (typeof a === 'number') return a;
    const input = a.args[0] ?? '-';
    let text: string;
    try {
      text = await readText(p, input);
    } catch (e) {
      p.stderr.write(`uniq: ${qf(input)}: ${errText(e)}\n`);
      return 1;
    }
    const skipF = Number(val(a, 'f') ?? 0);
    const skipC = Number(val(a, 's') ?? 0);
    const width = val(a, 'w') !== undefined ? Number(val(a, 'w')) : undefined;
    const key = (l: string) => {
      let s = l;
      for (let i = 0; i < skipF; i++) s = s.replace(/^[ \t]*[^ \t]*/, '');
      s = s.slice(skipC);
      if (width !== undefined) s = s.slice(0, width);
      return has(a, 'i') ? s.toLowerCase() : s;
    };
    const lines = splitLines(text);
    let out = '';
    for (let i = 0; i < lines.length; ) {
      let j = i + 1;
      while (j < lines.length && key(lines[j]!) === key(lines[i]!)) j++;
      const n = j - i;
      const show = has(a, 'd') || has(a, 'D') ? n > 1 : has(a, 'u') ? n === 1 : true;
      if (show) {
        if (has(a, 'D')) for (let k = i; k < j; k++) out += lines[k] + '\n';
        else out += (has(a, 'c') ? String(n).padStart(7) + ' ' : '') + lines[i] + '\n';
      }
      i = j;
    }
    if (a.args[1]) {
      try {
        p.fs.writeFile(resolve(p, a.args[1]), out);
      } catch (e) {
        p.stderr.write(`uniq: ${qf(a.args[1])}: ${errText(e)}\n`);
        return 1;
      }
    } else p.stdout.write(out);
    return 0;
  },
  'uniq - report or omit repeated lines\n\nSYNOPSIS\n       uniq [OPTION]... [INPUT [OUTPUT]]\n\nDESCRIPTION\n       -c, --count\n              prefix lines by the number of occurrences\n       -d, --repeated\n              only print duplicate lines, one for each group\n       -u, --unique\n              only print unique lines',
);
