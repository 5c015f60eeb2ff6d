import { basename } from '../../host/fs/path.ts';
import { has, parseOrUsage } from './lib/args.ts';
import { errText, qa, resolve } from './lib/io.ts';
import { def } from './def.ts';

/** mv moves or renames files. */
export const mv = def(
  'mv',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'finvTu', withArg: 't', long: { force: 'f', 'no-clobber': 'n', verbose: 'v', 'target-directory=': 't', 'no-target-directory': 'T', interactive: 'i' } });
    if (typeof a === 'number') return a;
    const args = [...a.args];
    const target = a.opts.get('t')?.[0];
    if (args.length === 0) {
      p.stderr.write("mv: missing file operand\nTry 'mv --help' for more information.\n");
      return 1;
    }
    if (args.length === 1 && target === undefined) {
      p.stderr.write(`mv: missing destination file operand after ${qa(args[0]!)}\nTry 'mv --help' for more information.\n`);
      return 1;
    }
    const dest = target ?? args.pop()!;
    const destPath = resolve(p, dest);
    let destDir = false;
    try {
      destDir = p.fs.stat(destPath).type === 'dir' && !has(a, 'T');
    } catch {
      destDir = false;
    }
    if (args.length > 1 && !destDir) {
      p.stderr.write(`mv: target ${qa(dest)}: Not a directory\n`);
      return 1;
    }
    let code = 0;
    for (const s of args) {
      const src = resolve(p, s);
      const to = destDir ? `${destPath}/${basename(s)}` : destPath;
      const shownTo = destDir ? `${dest.replace(/\/+$/, '')}/${basename(s)}` : dest;
      try {
        p.fs.lstat(src);
      } catch (e) {
        p.stderr.write(`mv: cannot stat ${qa(s)}: ${errText(e)}\n`);
        code = 1;
        continue;
      }
      if (has(a, 'n') && p.fs.exists(to)) continue;
      if (to === src || (to.startsWith(src + '/') && p.fs.lstat(src).type === 'dir')) {
        p.stderr.write(to === src ? `mv: ${qa(s)} and ${qa(shownTo)} are the same file\n` : `mv: cannot move ${qa(s)} to a subdirectory of itself, ${qa(shownTo)}\n`);
        code = 1;
        continue;
      }
      try {
        p.fs.rename(src, to);
        if (has(a, 'v')) p.stdout.write(`renamed ${qa(s)} -> ${qa(shownTo)}\n`);
      } catch (e) {
        const msg = errText(e);
        if (/Is a directory/.test(msg)) p.stderr.write(`mv: cannot overwrite directory ${qa(shownTo)} with non-directory\n`);
        else if (/Not a directory/.test(msg)) p.stderr.write(`mv: cannot overwrite non-directory ${qa(shownTo)} with directory ${qa(s)}\n`);
        else p.stderr.write(`mv: cannot move ${qa(s)} to ${qa(shownTo)}: ${msg}\n`);
        code = 1;
      }
    }
    return code;
  },
  'mv - move (rename) files\n\nSYNOPSIS\n       mv [OPTION]... SOURCE DEST\n       mv [OPTION]... SOURCE... DIRECTORY\n\nDESCRIPTION\n       Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.',
);
