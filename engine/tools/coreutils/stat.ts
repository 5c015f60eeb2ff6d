import { has, parseOrUsage, val } from './lib/args.ts';
import { modeString } from './lib/fmt.ts';
import { strftime } from './lib/fmt.ts';
import { errText, groupName, qa, resolve, userName } from './lib/io.ts';
import { def } from './def.ts';
import type { Process } from '../../host/process.ts';
import type { FileStat } from '../../host/types.ts';

function typeName(st: FileStat, path: string): string {
  if (path === '/dev/null') return 'character special file';
  if (st.type === 'dir') return 'directory';
  if (st.type === 'symlink') return 'symbolic link';
  return st.size === 0 ? 'regular empty file' : 'regular file';
}

function blocks(st: FileStat): number {
  if (st.type === 'dir') return 8;
  if (st.type === 'symlink') return 0;
  return Math.ceil(st.size / 4096) * 8;
}

const time = (ms: number) => strftime('%Y-%m-%d %H:%M:%S', ms) + '.' + String((ms % 1000) * 1000000).padStart(9, '0') + ' +0000';

function format(p: Process, fmt: string, file: string, st: FileStat, path: string): string {
  return fmt.replace(/%([%aAbBdDfFgGhinNsuUxXyYzZo])/g, (_, c: string) => {
    switch (c) {
      case '%': return '%';
      case 'a': return (st.mode & 0o7777).toString(8);
      case 'A': return modeString(st, path === '/dev/null');
      case 'b': return String(blocks(st));
      case 'B': return '512';
      case 'd': return '2049';
      case 'D': return '801';
      case 'f': return (({ dir: 0o40000, file: 0o100000, symlink: 0o120000 })[st.type] | st.mode).toString(16);
      case 'F': return typeName(st, path);
      case 'g': return String(st.gid);
      case 'G': return groupName(p, st.gid);
      case 'h': return String(st.nlink);
      case 'i': return String(st.ino);
      case 'n': return file;
      case 'N': return st.type === 'symlink' ? `'${file}' -> '${p.fs.readlink(path)}'` : `'${file}'`;
      case 's': return String(st.size);
      case 'u': return String(st.uid);
      case 'U': return userName(p, st.uid);
      case 'o': return '4096';
      case 'x': case 'y': case 'z': return time(st.mtime);
      case 'X': case 'Y': case 'Z': return String(Math.floor(st.mtime / 1000));
      default: return '?';
    }
  });
}

/** stat shows file status (default layout, or -c FORMAT). */
export const stat = def(
  'stat',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'Lt', withArg: 'c', long: { 'format=': 'c', 'printf=': 'P', dereference: 'L', terse: 't' } });
    if (typeof a === 'number') return a;
    if (a.args.length === 0) {
      p.stderr.write("stat: missing operand\nTry 'stat --help' for more information.\n");
      return 1;
    }
    let code = 0;
    for (const f of a.args) {
      const path = resolve(p, f);
      let st: FileStat;
      try {
        st = has(a, 'L') ? p.fs.stat(path) : p.fs.lstat(path);
      } catch (e) {
        p.stderr.write(`stat: cannot statx ${qa(f)}: ${errText(e)}\n`);
        code = 1;
        continue;
      }
      const c = val(a, 'c');
      const pf = val(a, 'P');
      if (c !== undefined) p.stdout.write(format(p, c, f, st, path) + '\n');
      else if (pf !== undefined) p.stdout.write(format(p, pf.replace(/\\n/g, '\n').replace(/\\t/g, '\t'), f, st, path));
      else {
        const name = st.type === 'symlink' ? `${f} -> ${p.fs.readlink(path)}` : f;
        p.stdout.write(
          `  File: ${name}\n` +
            `  Size: ${String(st.size).padEnd(10)}\tBlocks: ${String(blocks(st)).padEnd(10)} IO Block: 4096   ${typeName(st, path)}\n` +
            `Device: 8,1\tInode: ${String(st.ino).padEnd(11)} Links: ${st.nlink}\n` +
            `Access: (${(st.mode & 0o7777).toString(8).padStart(4, '0')}/${modeString(st, path === '/dev/null')})  Uid: (${String(st.uid).padStart(5)}/${userName(p, st.uid).padStart(8)})   Gid: (${String(st.gid).padStart(5)}/${groupName(p, st.gid).padStart(8)})\n` +
            `Access: ${time(st.mtime)}\nModify: ${time(st.mtime)}\nChange: ${time(st.mtime)}\n Birth: ${time(st.mtime)}\n`,
        );
      }
    }
    return code;
  },
  'stat - display file or file system status\n\nSYNOPSIS\n       stat [OPTION]... FILE...\n\nDESCRIPTION\n       -c  --format=FORMAT\n              use the specified FORMAT instead of the default',
);
