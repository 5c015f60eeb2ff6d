import { has, parseOrUsage, val } from './lib/args.ts';
import { errText, qa, ql, resolve } from './lib/io.ts';
import { parseDate } from './date.ts';
import { def } from './def.ts';

function parseStamp(s: string, now: number): number | undefined {
  const m = /^(\d{2}|\d{4})?(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{2}))?$/.exec(s);
  if (!m) return undefined;
  let year = new Date(now).getUTCFullYear();
  if (m[1]) year = m[1].length === 2 ? (Number(m[1]) < 69 ? 2000 : 1900) + Number(m[1]) : Number(m[1]);
  return Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
}

/** touch creates files or updates their modification time (-d DATE, -t STAMP, -c). */
export const touch = def(
  'touch',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'acmfh', withArg: 'dtr', long: { 'no-create': 'c', 'date=': 'd', 'reference=': 'r', 'time=': 'T' } });
    if (typeof a === 'number') return a;
    if (a.args.length === 0) {
      p.stderr.write("touch: missing file operand\nTry 'touch --help' for more information.\n");
      return 1;
    }
    const now = p.sys.runtime.now;
    let when = now;
    const d = val(a, 'd');
    const t = val(a, 't');
    const r = val(a, 'r');
    if (d !== undefined) {
      const parsed = parseDate(d, now);
      if (parsed === undefined) {
        p.stderr.write(`touch: invalid date format ${ql(d)}\n`);
        return 1;
      }
      when = parsed;
    } else if (t !== undefined) {
      const parsed = parseStamp(t, now);
      if (parsed === undefined) {
        p.stderr.write(`touch: invalid date format ${ql(t)}\n`);
        return 1;
      }
      when = parsed;
    } else if (r !== undefined) {
      try {
        when = p.fs.stat(resolve(p, r)).mtime;
      } catch (e) {
        p.stderr.write(`touch: failed to get attributes of ${qa(r)}: ${errText(e)}\n`);
        return 1;
      }
    }
    let code = 0;
    for (const f of a.args) {
      const path = resolve(p, f);
      try {
        if (!p.fs.exists(path)) {
          if (has(a, 'c')) continue;
          p.fs.writeFile(path, '', { mode: 0o644 });
        }
        if (p.fs.utimes) p.fs.utimes(path, when);
        else p.fs.writeFile(path, '', { append: true });
      } catch (e) {
        p.stderr.write(`touch: cannot touch ${qa(f)}: ${errText(e)}\n`);
        code = 1;
      }
    }
    return code;
  },
  'touch - change file timestamps\n\nSYNOPSIS\n       touch [OPTION]... FILE...\n\nDESCRIPTION\n       Update the access and modification times of each FILE to the current time.  A FILE argument that does not exist is created empty.\n\n       -c, --no-create\n              do not create any files\n       -d, --date=STRING\n              parse STRING and use it instead of current time',
);
