import { has, parseOrUsage } from './lib/args.ts';
import { errText, qa, ql, resolve } from './lib/io.ts';
import { parseMode } from './lib/mode.ts';
import { walk } from './lib/walk.ts';
import { def } from './def.ts';

/** chmod changes permission bits (octal or symbolic; -R recursive). */
export const chmod = def(
  'chmod',
  async (p) => {
    const argv = p.argv.slice(1);
    const modeIdx = argv.findIndex((x) => !x.startsWith('-') || /^-[rwxXst]+$/.test(x));
    const a = parseOrUsage({ ...p, argv: [p.argv[0]!, ...argv.filter((_, i) => i !== modeIdx)] }, { flags: 'Rvcf', long: { recursive: 'R', verbose: 'v', changes: 'c', silent: 'f', quiet: 'f' } });
    if (typeof a === 'number') return a;
    const mode = modeIdx >= 0 ? argv[modeIdx]! : undefined;
    if (mode === undefined) {
      p.stderr.write("chmod: missing operand\nTry 'chmod --help' for more information.\n");
      return 1;
    }
    if (a.args.length === 0) {
      p.stderr.write(`chmod: missing operand after ${ql(mode)}\nTry 'chmod --help' for more information.\n`);
      return 1;
    }
    if (parseMode(mode, 0, false) === undefined) {
      p.stderr.write(`chmod: invalid mode: ${ql(mode)}\nTry 'chmod --help' for more information.\n`);
      return 1;
    }
    let code = 0;
    const apply = (path: string, shown: string) => {
      try {
        const st = p.fs.stat(path);
        const next = parseMode(mode, st.mode, st.type === 'dir')!;
        p.fs.chmod(path, next);
        if (has(a, 'v') || (has(a, 'c') && next !== st.mode)) p.stdout.write(`mode of ${qa(shown)} ${next === st.mode ? 'retained as' : 'changed from'} ${st.mode.toString(8).padStart(4, '0')}${next === st.mode ? '' : ` to ${next.toString(8).padStart(4, '0')}`}\n`);
      } catch (e) {
        const msg = errText(e);
        if (!has(a, 'f')) p.stderr.write(/Operation not permitted/.test(msg) ? `chmod: changing permissions of ${qa(shown)}: ${msg}\n` : `chmod: cannot access ${qa(shown)}: ${msg}\n`);
        code = 1;
      }
    };
    for (const f of a.args) {
      const path = resolve(p, f);
      if (has(a, 'R') && p.fs.exists(path)) {
        walk(p.fs, path, (child, type) => {
          if (type !== 'symlink') apply(child, f + child.slice(path.length));
        });
      } else apply(path, f);
    }
    return code;
  },
  'chmod - change file mode bits\n\nSYNOPSIS\n       chmod [OPTION]... MODE[,MODE]... FILE...\n       chmod [OPTION]... OCTAL-MODE FILE...\n\nDESCRIPTION\n       -R, --recursive\n              change files and directories recursively',
);
