import { has, parseOrUsage } from './lib/args.ts';
import { errText, qa } from './lib/io.ts';
import { def } from './def.ts';
import { sourcesAndTarget } from './lib/targets.ts';
import type { Process } from '../../host/process.ts';

interface CpOpts {
  rec: boolean;
  preserve: boolean;
  noDeref: boolean;
  noClobber: boolean;
  verbose: boolean;
}

function copyOne(p: Process, src: string, dst: string, shownSrc: string, shownDst: string, o: CpOpts): boolean {
  let st;
  try {
    st = o.noDeref ? p.fs.lstat(src) : p.fs.stat(src);
  } catch (e) {
    p.stderr.write(`cp: cannot stat ${qa(shownSrc)}: ${errText(e)}\n`);
    return false;
  }
  if (st.type === 'dir') {
    if (!o.rec) {
      p.stderr.write(`cp: -r not specified; omitting directory ${qa(shownSrc)}\n`);
      return false;
    }
    if (dst === src || dst.startsWith(src + '/')) {
      p.stderr.write(`cp: cannot copy a directory, ${qa(shownSrc)}, into itself, ${qa(shownDst)}\n`);
      return false;
    }
    try {
      if (!p.fs.exists(dst)) p.fs.mkdir(dst, { mode: st.mode & 0o7777 });
      else if (p.fs.stat(dst).type !== 'dir') {
        p.stderr.write(`cp: cannot overwrite non-directory ${qa(shownDst)} with directory ${qa(shownSrc)}\n`);
        return false;
      }
    } catch (e) {
      p.stderr.write(`cp: cannot create directory ${qa(shownDst)}: ${errText(e)}\n`);
      return false;
    }
    if (o.verbose) p.stdout.write(`${qa(shownSrc)} -> ${qa(shownDst)}\n`);
    let ok = true;
    let names: string[] = [];
    try {
      names = p.fs.readdir(src);
    } catch (e) {
      p.stderr.write(`cp: cannot access ${qa(shownSrc)}: ${errText(e)}\n`);
      return false;
    }
    for (const n of names) ok = copyOne(p, `${src}/${n}`, `${dst}/${n}`, `${shownSrc}/${n}`, `${shownDst}/${n}`, o) && ok;
    if (o.preserve) finish(p, dst, st.mode, st.uid, st.gid, st.mtime);
    return ok;
  }
  try {
    if (o.noClobber && p.fs.exists(dst)) return true;
    if (st.type === 'symlink') {
      if (p.fs.exists(dst) || isLink(p, dst)) p.fs.unlink(dst);
      p.fs.symlink(p.fs.readlink(src), dst);
    } else {
      const existed = p.fs.exists(dst);
      p.fs.writeFile(dst, p.fs.readBytes(src), { mode: st.mode & 0o777 & ~0o022 });
      if (!existed && !o.preserve) p.fs.chmod(dst, st.mode & 0o777 & ~0o022);
      if (o.preserve) finish(p, dst, st.mode, st.uid, st.gid, st.mtime);
    }
    if (o.verbose) p.stdout.write(`${qa(shownSrc)} -> ${qa(shownDst)}\n`);
    return true;
  } catch (e) {
    p.stderr.write(`cp: cannot create regular file ${qa(shownDst)}: ${errText(e)}\n`);
    return false;
  }
}

function isLink(p: Process, path: string): boolean {
  try {
    return p.fs.lstat(path).type === 'symlink';
  } catch {
    return false;
  }
}

function finish(p: Process, path: string, mode: number, uid: number, gid: number, mtime: number): void {
  try {
    p.fs.chmod(path, mode & 0o7777);
    if (p.user.uid === 0) p.fs.chown(path, uid, gid);
    p.fs.utimes?.(path, mtime);
  } catch {
    // preserving is best effort, as cp -p is for non-root
  }
}

/** cp copies files and (with -r) directories. */
export const cp = def(
  'cp',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'aRrpdfinvTHLPu', withArg: 't', long: { archive: 'a', recursive: 'r', preserve: 'p', force: 'f', 'no-clobber': 'n', verbose: 'v', 'target-directory=': 't', 'no-target-directory': 'T', 'no-dereference': 'P' } });
    if (typeof a === 'number') return a;
    const rec = has(a, 'r') || has(a, 'R') || has(a, 'a');
    const o: CpOpts = { rec, preserve: has(a, 'p') || has(a, 'a'), noDeref: (rec && !has(a, 'L')) || has(a, 'P') || has(a, 'd'), noClobber: has(a, 'n'), verbose: has(a, 'v') };
    const moves = sourcesAndTarget(p, 'cp', a);
    if (typeof moves === 'number') return moves;
    let code = 0;
    for (const { src: s, srcPath, to, shownTo } of moves) {
      if (to === srcPath) {
        p.stderr.write(`cp: ${qa(s)} and ${qa(shownTo)} are the same file\n`);
        code = 1;
        continue;
      }
      if (!copyOne(p, srcPath, to, s, shownTo, o)) code = 1;
    }
    return code;
  },
  'cp - copy files and directories\n\nSYNOPSIS\n       cp [OPTION]... SOURCE DEST\n       cp [OPTION]... SOURCE... DIRECTORY\n\nDESCRIPTION\n       -a, --archive\n              same as -dR --preserve=all\n       -p     same as --preserve=mode,ownership,timestamps\n       -R, -r, --recursive\n              copy directories recursively',
);
