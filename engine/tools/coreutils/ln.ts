import { basename } from '../../host/fs/path.ts';
import { has, parseOrUsage } from './lib/args.ts';
import { errText, qa, resolve } from './lib/io.ts';
import { def } from './def.ts';

/** ln makes hard links, or symbolic links with -s. */
export const ln = def(
  'ln',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'sfnvTrL', withArg: 't', long: { symbolic: 's', force: 'f', 'no-dereference': 'n', verbose: 'v', 'target-directory=': 't', 'no-target-directory': 'T', relative: 'r' } });
    if (typeof a === 'number') return a;
    const args = [...a.args];
    if (args.length === 0) {
      p.stderr.write("ln: missing file operand\nTry 'ln --help' for more information.\n");
      return 1;
    }
    const target = a.opts.get('t')?.[0];
    const dest = target ?? (args.length === 1 ? '.' : args.pop()!);
    const destPath = resolve(p, dest);
    let destDir = false;
    try {
      destDir = !has(a, 'T') && (has(a, 'n') ? p.fs.lstat(destPath).type === 'dir' : p.fs.stat(destPath).type === 'dir');
    } catch {
      destDir = false;
    }
    if (args.length > 1 && !destDir) {
      p.stderr.write(`ln: target ${qa(dest)}: Not a directory\n`);
      return 1;
    }
    let code = 0;
    for (const src of args) {
      const link = destDir ? `${destPath}/${basename(src)}` : destPath;
      const shown = destDir ? `${dest.replace(/\/+$/, '')}/${basename(src)}` : dest;
      try {
        if (has(a, 'f')) {
          try {
            if (p.fs.lstat(link).type !== 'dir') p.fs.unlink(link);
          } catch {
            // nothing to replace
          }
        }
        if (has(a, 's')) p.fs.symlink(src, link);
        else {
          if (!p.fs.link) throw new Error('Operation not permitted');
          p.fs.link(resolve(p, src), link);
        }
        if (has(a, 'v')) p.stdout.write(`${qa(shown)} ${has(a, 's') ? '->' : '=>'} ${qa(src)}\n`);
      } catch (e) {
        const msg = errText(e);
        if (has(a, 's')) p.stderr.write(`ln: failed to create symbolic link ${qa(shown)}: ${msg}\n`);
        else if (/No such file/.test(msg) && !p.fs.exists(resolve(p, src))) p.stderr.write(`ln: failed to access ${qa(src)}: ${msg}\n`);
        else p.stderr.write(`ln: failed to create hard link ${qa(shown)} => ${qa(src)}: ${msg}\n`);
        code = 1;
      }
    }
    return code;
  },
  'ln - make links between files\n\nSYNOPSIS\n       ln [OPTION]... [-T] TARGET LINK_NAME\n       ln [OPTION]... TARGET... DIRECTORY\n\nDESCRIPTION\n       -s, --symbolic\n              make symbolic links instead of hard links\n       -f, --force\n              remove existing destination files',
);
