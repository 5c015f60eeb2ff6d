import { has, parseOrUsage } from './lib/args.ts';
import { errText, qa, resolve } from './lib/io.ts';
import { def } from './def.ts';
import type { Process } from '../../host/process.ts';

function removeTree(p: Process, path: string, shown: string, verbose: boolean): boolean {
  let ok = true;
  let names: string[] = [];
  try {
    names = p.fs.readdir(path);
  } catch (e) {
    p.stderr.write(`rm: cannot remove ${qa(shown)}: ${errText(e)}\n`);
    return false;
  }
  for (const n of names) {
    const child = `${path === '/' ? '' : path}/${n}`;
    const shownChild = `${shown.replace(/\/+$/, '')}/${n}`;
    let type;
    try {
      type = p.fs.lstat(child).type;
    } catch {
      continue;
    }
    if (type === 'dir') ok = removeTree(p, child, shownChild, verbose) && ok;
    else {
      try {
        p.fs.unlink(child);
        if (verbose) p.stdout.write(`removed ${qa(shownChild)}\n`);
      } catch (e) {
        p.stderr.write(`rm: cannot remove ${qa(shownChild)}: ${errText(e)}\n`);
        ok = false;
      }
    }
  }
  try {
    p.fs.rmdir(path);
    if (verbose) p.stdout.write(`removed directory ${qa(shown)}\n`);
  } catch (e) {
    if (ok) p.stderr.write(`rm: cannot remove ${qa(shown)}: ${errText(e)}\n`);
    return false;
  }
  return ok;
}

/** rm removes files (-r: directories too, -f: quietly). */
export const rm = def(
  'rm',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'fiIrRdv', long: { force: 'f', recursive: 'r', dir: 'd', verbose: 'v', 'no-preserve-root': 'N', 'preserve-root': 'P' } });
    if (typeof a === 'number') return a;
    const force = has(a, 'f');
    const rec = has(a, 'r') || has(a, 'R');
    const verbose = has(a, 'v');
    if (a.args.length === 0) {
      if (force) return 0;
      p.stderr.write("rm: missing operand\nTry 'rm --help' for more information.\n");
      return 1;
    }
    let code = 0;
    for (const f of a.args) {
      const base = f.replace(/\/+$/, '').split('/').pop();
      if (base === '.' || base === '..') {
        p.stderr.write(`rm: refusing to remove '.' or '..' directory: skipping ${qa(f)}\n`);
        code = 1;
        continue;
      }
      const path = resolve(p, f);
      if (rec && path === '/' && !has(a, 'N')) {
        p.stderr.write(`rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n`);
        code = 1;
        continue;
      }
      let type;
      try {
        type = p.fs.lstat(path).type;
      } catch (e) {
        if (!force) {
          p.stderr.write(`rm: cannot remove ${qa(f)}: ${errText(e)}\n`);
          code = 1;
        }
        continue;
      }
      if (type === 'dir') {
        if (rec) {
          if (!removeTree(p, path, f, verbose)) code = 1;
          continue;
        }
        if (has(a, 'd')) {
          try {
            p.fs.rmdir(path);
            if (verbose) p.stdout.write(`removed directory ${qa(f)}\n`);
          } catch (e) {
            p.stderr.write(`rm: cannot remove ${qa(f)}: ${errText(e)}\n`);
            code = 1;
          }
          continue;
        }
        p.stderr.write(`rm: cannot remove ${qa(f)}: Is a directory\n`);
        code = 1;
        continue;
      }
      try {
        p.fs.unlink(path);
        if (verbose) p.stdout.write(`removed ${qa(f)}\n`);
      } catch (e) {
        p.stderr.write(`rm: cannot remove ${qa(f)}: ${errText(e)}\n`);
        code = 1;
      }
    }
    return code;
  },
  'rm - remove files or directories\n\nSYNOPSIS\n       rm [OPTION]... [FILE]...\n\nDESCRIPTION\n       -f, --force\n              ignore nonexistent files and arguments, never prompt\n       -r, -R, --recursive\n              remove directories and their contents recursively\n       -d, --dir\n              remove empty directories\n       -v, --verbose\n              explain what is being done',
);
