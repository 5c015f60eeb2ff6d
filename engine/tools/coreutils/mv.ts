import { has, parseOrUsage } from './lib/args.ts';
import { errText, qa } from './lib/io.ts';
import { def } from './def.ts';
import { sourcesAndTarget } from './lib/targets.ts';

/** mv moves or renames files. */
export const mv = def(
  'mv',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'finvTu', withArg: 't', long: { force: 'f', 'no-clobber': 'n', verbose: 'v', 'target-directory=': 't', 'no-target-directory': 'T', interactive: 'i' } });
    if (typeof a === 'number') return a;
    const moves = sourcesAndTarget(p, 'mv', a);
    if (typeof moves === 'number') return moves;
    let code = 0;
    for (const { src: s, srcPath: src, to, shownTo } of moves) {
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
