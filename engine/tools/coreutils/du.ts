import { has, parseOrUsage, val } from './lib/args.ts';
import { humanSize } from './lib/fmt.ts';
import { errText, qa, resolve } from './lib/io.ts';
import { def } from './def.ts';
import type { Process } from '../../host/process.ts';

/** du estimates disk usage in 1K blocks (4K allocation units, like ext4). */
export const du = def(
  'du',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'ahscxbkm', withArg: 'd', long: { all: 'a', 'human-readable': 'h', summarize: 's', total: 'c', 'max-depth=': 'd', 'apparent-size': 'A' } });
    if (typeof a === 'number') return a;
    const maxDepth = has(a, 's') ? 0 : val(a, 'd') !== undefined ? Number(val(a, 'd')) : Infinity;
    const fmt = (k: number) => (has(a, 'h') ? humanSize(k * 1024) : has(a, 'm') ? String(Math.ceil(k / 1024)) : String(k));
    let code = 0;
    let total = 0;
    const size = (pr: Process, path: string, shown: string, depth: number): number => {
      let st;
      try {
        st = pr.fs.lstat(path);
      } catch (e) {
        pr.stderr.write(`du: cannot access ${qa(shown)}: ${errText(e)}\n`);
        code = 1;
        return 0;
      }
      if (st.type !== 'dir') {
        const k = st.type === 'file' ? Math.ceil(st.size / 4096) * 4 : 0;
        if (depth === 0 || (has(a, 'a') && depth <= maxDepth)) pr.stdout.write(`${fmt(k)}\t${shown}\n`);
        return k;
      }
      let k = 4;
      let names: string[] = [];
      try {
        names = pr.fs.readdir(path);
      } catch (e) {
        pr.stderr.write(`du: cannot read directory ${qa(shown)}: ${errText(e)}\n`);
        code = 1;
      }
      for (const n of names) k += size(pr, path === '/' ? '/' + n : `${path}/${n}`, shown === '/' ? '/' + n : `${shown.replace(/\/+$/, '')}/${n}`, depth + 1);
      if (depth <= maxDepth) pr.stdout.write(`${fmt(k)}\t${shown}\n`);
      return k;
    };
    for (const f of a.args.length ? a.args : ['.']) total += size(p, resolve(p, f), f, 0);
    if (has(a, 'c')) p.stdout.write(`${fmt(total)}\ttotal\n`);
    return code;
  },
  'du - estimate file space usage\n\nSYNOPSIS\n       du [OPTION]... [FILE]...\n\nDESCRIPTION\n       -h, --human-readable\n              print sizes in human readable format (e.g., 1K 234M 2G)\n       -s, --summarize\n              display only a total for each argument',
);

const FS = [
  ['/dev/root', 30298176, 5839612, '/'],
  ['tmpfs', 2007720, 0, '/dev/shm'],
  ['tmpfs', 803088, 1064, '/run'],
  ['tmpfs', 5120, 0, '/run/lock'],
  ['/dev/sda15', 106858, 6186, '/boot/efi'],
] as const;

/** df reports file system usage (a fixed picture of a 30 GB cloud disk). */
export const df = def(
  'df',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'hTaik', long: { 'human-readable': 'h', 'print-type': 'T' } });
    if (typeof a === 'number') return a;
    const h = has(a, 'h');
    const rows = [['Filesystem', h ? 'Size' : '1K-blocks', 'Used', h ? 'Avail' : 'Available', 'Use%', 'Mounted on']];
    const mountOf = (path: string) => [...FS].filter(([, , , m]) => path === m || path.startsWith(m === '/' ? '/' : m + '/')).sort((x, y) => y[3].length - x[3].length)[0]!;
    const wanted = a.args.length ? new Set(a.args.map((f) => mountOf(f.startsWith('/') ? f : `${p.cwd}/${f}`)[3])) : undefined;
    for (const [fs, total, used, mnt] of FS) {
      if (wanted && !wanted.has(mnt)) continue;
      const avail = total - used;
      const pct = `${Math.ceil((used / (used + avail)) * 100)}%`;
      const f = (k: number) => (h ? humanSize(k * 1024) : String(k));
      rows.push([fs, f(total), f(used), f(avail), pct, mnt]);
    }
    const mins = h ? [14, 5, 5, 5, 4, 0] : [14, 9, 8, 9, 4, 0];
    const w = rows[0]!.map((_, i) => Math.max(mins[i]!, ...rows.map((r) => r[i]!.length)));
    p.stdout.write(rows.map((r) => r.map((c, i) => (i === 0 || i === 5 ? c.padEnd(i === 5 ? 0 : w[i]!) : c.padStart(w[i]!))).join(' ').trimEnd() + '\n').join(''));
    return 0;
  },
  'df - report file system space usage\n\nSYNOPSIS\n       df [OPTION]... [FILE]...\n\nDESCRIPTION\n       -h, --human-readable\n              print sizes in powers of 1024 (e.g., 1023M)',
);

/** MEMORY_KB is the machines' memory as /proc/meminfo gives it (a 4 GB machine): free and top report it. */
export const MEMORY_KB = { total: 4015440, used: 962936, free: 1721344, shared: 1024, buffCache: 1331160, available: 3052424 };

/** free reports memory usage (a 4 GB machine). */
export const free = def(
  'free',
  async (p) => {
    const a = parseOrUsage(p, { flags: 'hmgkbtw', long: { human: 'h', mega: 'm', giga: 'g', kilo: 'k' } });
    if (typeof a === 'number') return a;
    const m = MEMORY_KB;
    const mem = [m.total, m.used, m.free, m.shared, m.buffCache, m.available];
    const f = (k: number) => (has(a, 'h') ? (k === 0 ? '0B' : humanSize(k * 1024).replace(/([KMGT])$/, '$1i')) : has(a, 'm') ? String(Math.floor(k / 1024)) : has(a, 'g') ? String(Math.floor(k / 1048576)) : String(k));
    const row = (name: string, vals: number[]) => name.padEnd(8) + vals.map((v) => f(v).padStart(12)).join('') + '\n';
    p.stdout.write('               total        used        free      shared  buff/cache   available\n' + row('Mem:', mem) + row('Swap:', [0, 0, 0]));
    return 0;
  },
  'free - Display amount of free and used memory in the system\n\nSYNOPSIS\n       free [options]',
);
