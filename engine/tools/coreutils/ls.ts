import { byteOrder } from '../../host/fs/memfs.ts';
import type { Process } from '../../host/process.ts';
import type { FileStat } from '../../host/types.ts';
import { has, parseOrUsage, val } from './lib/args.ts';
import { columnize } from './lib/columns.ts';
import { humanSize, lsDate, modeString, strftime } from './lib/fmt.ts';
import { errText, groupName, qa, resolve, userName } from './lib/io.ts';
import { def } from './def.ts';

interface Entry {
  name: string;
  path: string;
  st: FileStat;
  target?: string;
  targetSt?: FileStat;
}

type Opts = ReturnType<typeof options>;

function options(a: Exclude<ReturnType<typeof parseOrUsage>, number>, p: Process) {
  const color = val(a, 'color');
  const format = has(a, 'l') || has(a, 'g') || has(a, 'o') || has(a, 'n') ? 'long' : has(a, '1') ? 'one' : has(a, 'C') ? 'cols' : has(a, 'x') ? 'across' : p.stdout.isTTY ? 'cols' : 'one';
  return {
    all: has(a, 'a'), almost: has(a, 'A'), human: has(a, 'h'), rec: has(a, 'R'), dirSelf: has(a, 'd'), classify: has(a, 'F'), slash: has(a, 'p'),
    rev: has(a, 'r'), byTime: has(a, 't'), bySize: has(a, 'S'), unsorted: has(a, 'U') || has(a, 'f'), inode: has(a, 'i'), numeric: has(a, 'n'), noOwner: has(a, 'g'), noGroup: has(a, 'o') || has(a, 'G'),
    blocks: has(a, 's'), deref: has(a, 'L'), format,
    color: color === 'always' || color === 'yes' || color === 'force' || ((color === 'auto' || color === 'tty' || color === 'if-tty' || (color === '' && a.opts.has('color'))) && p.stdout.isTTY),
    width: Number(p.env['COLUMNS']) || (p.stdout.isTTY ? p.sys.terminal.columns : 80),
    timeStyle: val(a, 'ts'),
  };
}

const kb = (st: FileStat) => (st.type === 'file' ? Math.ceil(st.size / 4096) * 4 : st.type === 'dir' ? 4 : 0);

function decorate(e: Entry, o: Opts): string {
  let name = e.name;
  if (o.color) {
    const t = e.st.type;
    const code = t === 'dir' ? ((e.st.mode & 0o1002) === 0o1002 ? '30;42' : '01;34') : t === 'symlink' ? (e.targetSt ? '01;36' : '40;31;01') : e.path === '/dev/null' ? '40;33;01' : (e.st.mode & 0o4000) ? '37;41' : (e.st.mode & 0o111) ? '01;32' : /\.(tar|tgz|gz|zip|xz|bz2)$/.test(name) ? '01;31' : '';
    if (code) name = `\x1b[${code}m${name}\x1b[0m`;
  }
  if (o.classify) name += e.st.type === 'dir' ? '/' : e.st.type === 'symlink' ? '@' : e.st.mode & 0o111 ? '*' : '';
  else if (o.slash && e.st.type === 'dir') name += '/';
  return name;
}

function plainWidth(e: Entry, o: Opts): number {
  const extra = o.classify ? (e.st.type === 'dir' || e.st.type === 'symlink' || e.st.mode & 0o111 ? 1 : 0) : o.slash && e.st.type === 'dir' ? 1 : 0;
  return [...e.name].length + extra;
}

function sortEntries(list: Entry[], o: Opts): Entry[] {
  if (o.unsorted) return list;
  const s = [...list].sort((x, y) => {
    if (o.byTime && x.st.mtime !== y.st.mtime) return y.st.mtime - x.st.mtime;
    if (o.bySize && x.st.size !== y.st.size) return y.st.size - x.st.size;
    return byteOrder(x.name, y.name);
  });
  return o.rev ? s.reverse() : s;
}

function long(p: Process, list: Entry[], o: Opts): string {
  const now = p.sys.runtime.now;
  const rows = list.map((e) => {
    const dev = e.path === '/dev/null';
    return {
      ino: String(e.st.ino),
      blocks: String(kb(e.st)),
      mode: modeString(e.st, dev),
      nlink: String(e.st.nlink),
      owner: o.numeric ? String(e.st.uid) : userName(p, e.st.uid),
      group: o.numeric ? String(e.st.gid) : groupName(p, e.st.gid),
      size: dev ? '1, 3' : o.human ? humanSize(e.st.size) : String(e.st.size),
      date: o.timeStyle?.startsWith('+') ? strftime(o.timeStyle.slice(1), e.st.mtime) : o.timeStyle === 'long-iso' ? strftime('%Y-%m-%d %H:%M', e.st.mtime) : o.timeStyle === 'full-iso' ? strftime('%Y-%m-%d %H:%M:%S.000000000 +0000', e.st.mtime) : lsDate(e.st.mtime, now),
      name: decorate(e, o) + (e.st.type === 'symlink' && e.target !== undefined ? ` -> ${e.target}` : ''),
    };
  });
  const w = (k: keyof (typeof rows)[number]) => Math.max(0, ...rows.map((r) => r[k].length));
  const wi = w('ino'), wb = w('blocks'), wn = w('nlink'), wo = w('owner'), wg = w('group'), ws = w('size');
  return rows
    .map((r) => {
      let s = '';
      if (o.inode) s += r.ino.padStart(wi) + ' ';
      if (o.blocks) s += r.blocks.padStart(wb) + ' ';
      s += `${r.mode} ${r.nlink.padStart(wn)} `;
      if (!o.noOwner) s += r.owner.padEnd(wo) + ' ';
      if (!o.noGroup) s += r.group.padEnd(wg) + ' ';
      return s + `${r.size.padStart(ws)} ${r.date} ${r.name}\n`;
    })
    .join('');
}

function render(p: Process, list: Entry[], o: Opts): string {
  if (o.format === 'long') return long(p, list, o);
  const prefix = (e: Entry) => (o.inode ? String(e.st.ino) + ' ' : '') + (o.blocks ? String(kb(e.st)) + ' ' : '');
  if (o.format === 'one') return list.map((e) => prefix(e) + decorate(e, o) + '\n').join('');
  const names = list.map((e) => prefix(e) + decorate(e, o));
  const widths = list.map((e) => prefix(e).length + plainWidth(e, o));
  return columnize(names, widths, o.width);
}

function entry(p: Process, name: string, path: string, o: Opts, follow: boolean): Entry {
  const st = follow ? p.fs.stat(path) : p.fs.lstat(path);
  const e: Entry = { name, path, st };
  if (st.type === 'symlink') {
    try {
      e.target = p.fs.readlink(path);
      e.targetSt = p.fs.stat(path);
    } catch {
      e.targetSt = undefined;
    }
  }
  void o;
  return e;
}

/** ls lists directory contents like GNU ls (long format, columns, -R, -a, -h…). */
export const ls = def(
  'ls',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'aAlhR1dFprtSUfinsgoGLCx', long: { all: 'a', 'almost-all': 'A', 'human-readable': 'h', recursive: 'R', directory: 'd', classify: 'F', reverse: 'r', inode: 'i', 'numeric-uid-gid': 'n', size: 's', dereference: 'L', 'color=': 'color', color: 'color', 'group-directories-first': 'gdf', 'full-time': 'l', 'time-style=': 'ts' }, usageCode: 2 });
    if (typeof a === 'number') return a;
    const o = options(a, p);
    const operands = a.args.length ? a.args : ['.'];
    let code = 0;
    const files: Entry[] = [];
    const dirs: Entry[] = [];
    for (const op of operands) {
      const path = resolve(p, op);
      try {
        const e = entry(p, op, path, o, o.deref || (!o.dirSelf && o.format !== 'long') || op.endsWith('/'));
        let isDir = e.st.type === 'dir';
        if (e.st.type === 'symlink' && !o.dirSelf && o.format === 'long') isDir = false;
        else if (e.st.type === 'symlink' && e.targetSt?.type === 'dir' && !o.dirSelf) isDir = true;
        if (isDir && !o.dirSelf) dirs.push(e);
        else files.push(e);
      } catch (err) {
        p.stderr.write(`ls: cannot access ${qa(op)}: ${errText(err)}\n`);
        code = 2;
      }
    }
    let out = render(p, sortEntries(files, o), o);
    const showHeaders = operands.length > 1 || o.rec;
    let first = files.length === 0;
    const listDir = (d: Entry) => {
      let names: string[];
      try {
        names = p.fs.readdir(d.path);
      } catch (err) {
        p.stdout.write(out);
        out = '';
        p.stderr.write(`ls: cannot open directory ${qa(d.name)}: ${errText(err)}\n`);
        code = code || (d.name === operands.find((x) => x === d.name) ? 2 : 1);
        return;
      }
      if (o.all) names = ['.', '..', ...names];
      else if (!o.almost) names = names.filter((n) => !n.startsWith('.'));
      else names = names.filter((n) => n !== '.' && n !== '..');
      const entries: Entry[] = [];
      for (const n of names) {
        const path = n === '.' ? d.path : n === '..' ? `${d.path}/..` : d.path === '/' ? `/${n}` : `${d.path}/${n}`;
        try {
          entries.push(entry(p, n, path, o, o.deref));
        } catch {
          // vanished while listing
        }
      }
      const sorted = sortEntries(entries, o);
      if (showHeaders) out += `${first ? '' : '\n'}${d.name}:\n`;
      first = false;
      if (o.format === 'long' || o.blocks) out += `total ${o.human ? humanSize(sorted.reduce((s, e) => s + kb(e.st), 0) * 1024) : sorted.reduce((s, e) => s + kb(e.st), 0)}\n`;
      out += render(p, sorted, o);
      if (out.length > 65536) {
        p.stdout.write(out);
        out = '';
      }
      if (o.rec) {
        for (const e of sorted) {
          if (e.st.type === 'dir' && e.name !== '.' && e.name !== '..') listDir({ ...e, name: d.name === '/' ? `/${e.name}` : `${d.name.replace(/\/$/, '')}/${e.name}` });
        }
      }
    };
    for (const d of sortEntries(dirs, o)) listDir(d);
    p.stdout.write(out);
    return code;
  },
  'ls - list directory contents\n\nSYNOPSIS\n       ls [OPTION]... [FILE]...\n\nDESCRIPTION\n       List information about the FILEs (the current directory by default).\n\n       -a, --all\n              do not ignore entries starting with .\n       -h, --human-readable\n              with -l and -s, print sizes like 1K 234M 2G etc.\n       -l     use a long listing format\n       -R, --recursive\n              list subdirectories recursively\n       -1     list one file per line',
);
