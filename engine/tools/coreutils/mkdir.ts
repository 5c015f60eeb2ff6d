import { has, parseOrUsage, val } from './lib/args.ts';
import { errText, qa, ql, resolve } from './lib/io.ts';
import { parseMode } from './lib/mode.ts';
import { def } from './def.ts';

/** mkdir creates directories (-p: with parents, no error if existing; -m: mode). */
export const mkdir = def(
  'mkdir',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'pv', withArg: 'm', long: { parents: 'p', verbose: 'v', 'mode=': 'm' } });
    if (typeof a === 'number') return a;
    if (a.args.length === 0) {
      p.stderr.write("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
      return 1;
    }
    let mode = 0o755;
    const m = val(a, 'm');
    if (m !== undefined) {
      const parsed = parseMode(m, 0o777, true);
      if (parsed === undefined) {
        p.stderr.write(`mkdir: invalid mode ${ql(m)}\n`);
        return 1;
      }
      mode = parsed;
    }
    let code = 0;
    for (const d of a.args) {
      const path = resolve(p, d);
      try {
        if (has(a, 'p')) {
          const parts = path.split('/').filter((x) => x);
          const shownParts = d.split('/').filter((x) => x);
          const skip = parts.length - shownParts.length;
          let cur = '';
          for (const [k, part] of parts.entries()) {
            cur += '/' + part;
            const shown = (d.startsWith('/') ? '/' : '') + shownParts.slice(0, Math.max(0, k - skip + 1)).join('/');
            if (p.fs.exists(cur)) {
              if (p.fs.stat(cur).type !== 'dir') throw Object.assign(new Error('Not a directory'), { at: cur });
              continue;
            }
            p.fs.mkdir(cur, { mode: cur === path ? mode : 0o755 });
            if (cur === path && m !== undefined) p.fs.chmod(cur, mode);
            if (has(a, 'v')) p.stdout.write(`mkdir: created directory ${qa(shown)}\n`);
          }
        } else {
          p.fs.mkdir(path, { mode });
          if (m !== undefined) p.fs.chmod(path, mode);
          if (has(a, 'v')) p.stdout.write(`mkdir: created directory ${qa(d)}\n`);
        }
      } catch (e) {
        p.stderr.write(`mkdir: cannot create directory ${ql(d)}: ${errText(e)}\n`);
        code = 1;
      }
    }
    return code;
  },
  'mkdir - make directories\n\nSYNOPSIS\n       mkdir [OPTION]... DIRECTORY...\n\nDESCRIPTION\n       Create the DIRECTORY(ies), if they do not already exist.\n\n       -m, --mode=MODE\n              set file mode (as in chmod), not a=rwx - umask\n       -p, --parents\n              no error if existing, make parent directories as needed',
);

/** rmdir removes empty directories. */
export const rmdir = def(
  'rmdir',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'pv', long: { parents: 'p', verbose: 'v', 'ignore-fail-on-non-empty': 'I' } });
    if (typeof a === 'number') return a;
    if (a.args.length === 0) {
      p.stderr.write("rmdir: missing operand\nTry 'rmdir --help' for more information.\n");
      return 1;
    }
    let code = 0;
    for (const d of a.args) {
      try {
        p.fs.rmdir(resolve(p, d));
      } catch (e) {
        if (has(a, 'I') && /not empty/.test(errText(e))) continue;
        p.stderr.write(`rmdir: failed to remove ${qa(d)}: ${errText(e)}\n`);
        code = 1;
      }
    }
    return code;
  },
  'rmdir - remove empty directories\n\nSYNOPSIS\n       rmdir [OPTION]... DIRECTORY...',
);
