import { basename } from '../../../host/fs/path.ts';
import type { Process } from '../../../host/process.ts';
import { has, type Parsed } from './args.ts';
import { qa, resolve } from './io.ts';

/** Move is one source and where it goes, for cp and mv. */
export interface Move {
  /** the operand as typed, and its absolute path */
  src: string;
  srcPath: string;
  /** the absolute destination path, and how messages name it */
  to: string;
  shownTo: string;
}

/**
 * sourcesAndTarget reads cp/mv's operands (SOURCE... DEST, or -t DIR SOURCE...,
 * -T) the way coreutils does, printing its operand errors; it returns the exit
 * code on error.
 */
export function sourcesAndTarget(p: Process, cmd: string, a: Parsed): Move[] | number {
  const target = a.opts.get('t')?.[0];
  const args = [...a.args];
  if (args.length === 0) {
    p.stderr.write(`${cmd}: missing file operand\nTry '${cmd} --help' for more information.\n`);
    return 1;
  }
  if (args.length === 1 && target === undefined) {
    p.stderr.write(`${cmd}: missing destination file operand after ${qa(args[0]!)}\nTry '${cmd} --help' for more information.\n`);
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
    p.stderr.write(`${cmd}: target ${qa(dest)}: Not a directory\n`);
    return 1;
  }
  return args.map((s) => ({
    src: s,
    srcPath: resolve(p, s),
    to: destDir ? `${destPath}/${basename(s)}` : destPath,
    shownTo: destDir ? `${dest.replace(/\/+$/, '')}/${basename(s)}` : dest,
  }));
}
