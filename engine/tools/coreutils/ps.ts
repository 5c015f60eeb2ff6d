import type { Process, ProcessInfo } from '../../host/process.ts';
import { flavourOf } from '../net/flavour.ts';
import { def } from './def.ts';
import { processName } from './procps/match.ts';

const MEM_KB = 4015440;
const p2 = (n: number) => String(n).padStart(2, '0');
/** user8 fits a user name in ps's 8-column field, marking a cut with + as procps does. */
const user8 = (u: string) => (u.length > 8 ? u.slice(0, 7) + '+' : u);

function hhmm(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
}

function cpuTime(ms: number, long: boolean): string {
  const s = Math.floor(ms / 1000);
  if (long) return `${p2(Math.floor(s / 3600))}:${p2(Math.floor(s / 60) % 60)}:${p2(s % 60)}`;
  return `${Math.floor(s / 60)}:${p2(s % 60)}`;
}

/**
 * snapshot reads the process table as /proc shows it at that moment: ps
 * itself is the one process running (state R), whatever it was registered as.
 */
async function snapshot(p: Process): Promise<ProcessInfo[]> {
  // The stages of a pipeline start together: by the time ps reads /proc, `grep` in `ps aux | grep x` runs
  // too and lists itself. Let the later stages (started on the following turns) enter the table first.
  for (let i = 0; i < 64; i++) await Promise.resolve();
  const list: ProcessInfo[] = p.sys.processes?.() ?? [];
  return list.map((x) => (x.pid === p.pid ? { ...x, state: `R${x.state.slice(1)}` } : x));
}

/** procps is procps-ng's ps (the hosts, Debian and Ubuntu images that install it): ps, ps aux, ps -ef. */
async function procps(p: Process): Promise<number> {
  const args = p.argv.slice(1).join(' ');
  const list = await snapshot(p);
  const bsd = /^-?a?u?x|aux/.test(args) && !args.startsWith('-e');
  if (/aux|axu|-aux|\bu\b/.test(args) || (bsd && args.includes('u'))) {
    let out = 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n';
    for (const x of list) {
      out += `${user8(x.user).padEnd(8)} ${String(x.pid).padStart(7)} ${'0.0'.padStart(4)} ${((x.rssKb / MEM_KB) * 100).toFixed(1).padStart(4)} ${String(x.vszKb).padStart(6)} ${String(x.rssKb).padStart(5)} ${x.tty.padEnd(8)} ${x.state.padEnd(4)} ${hhmm(x.start).padStart(5)} ${cpuTime(x.cpuMs, false).padStart(6)} ${x.command}\n`;
    }
    p.stdout.write(out);
    return 0;
  }
  const short = (x: ProcessInfo) => `${String(x.pid).padStart(7)} ${x.tty.padEnd(8)} ${cpuTime(x.cpuMs, true)} ${processName(x.command)}\n`;
  if (/-e|-A|ax/.test(args)) {
    const full = /f/.test(args);
    let out = full ? 'UID          PID    PPID  C STIME TTY          TIME CMD\n' : '    PID TTY          TIME CMD\n';
    for (const x of list) {
      if (full) out += `${user8(x.user).padEnd(8)} ${String(x.pid).padStart(7)} ${String(x.ppid).padStart(7)}  0 ${hhmm(x.start)} ${x.tty.padEnd(8)} ${cpuTime(x.cpuMs, true)} ${x.command}\n`;
      else out += short(x);
    }
    p.stdout.write(out);
    return 0;
  }
  // without options: the processes of the caller's user on the caller's terminal (with none, those without one)
  const tty = list.find((x) => x.pid === p.pid)?.tty ?? 'pts/0';
  let out = '    PID TTY          TIME CMD\n';
  for (const x of list) if (x.tty === tty && x.uid === p.user.uid) out += short(x);
  p.stdout.write(out);
  return 0;
}

/** BUSYBOX_COLUMNS are busybox ps's -o columns: name, header, width (procps/ps.c out_spec). */
const BUSYBOX_COLUMNS: Record<string, { header: string; width: number; value: (x: ProcessInfo) => string; right?: boolean }> = {
  user: { header: 'USER', width: 8, value: (x) => x.user },
  group: { header: 'GROUP', width: 8, value: (x) => (x.uid === 0 ? 'root' : x.user) },
  comm: { header: 'COMMAND', width: 16, value: (x) => x.command.split(' ')[0]!.split('/').pop()!.slice(0, 15) },
  args: { header: 'COMMAND', width: 0, value: (x) => x.command },
  pid: { header: 'PID', width: 5, value: (x) => String(x.pid), right: true },
  ppid: { header: 'PPID', width: 5, value: (x) => String(x.ppid), right: true },
  pgid: { header: 'PGID', width: 5, value: (x) => String(x.pid), right: true },
  etime: { header: 'ELAPSED', width: 7, value: () => ' 0:00' },
  time: { header: 'TIME', width: 5, value: (x) => busyboxTime(x.cpuMs) },
  tty: { header: 'TT', width: 6, value: (x) => (x.tty === '?' ? '?' : '136,0') },
  vsz: { header: 'VSZ', width: 4, value: (x) => busyboxSize(x.vszKb) },
  sid: { header: 'SID', width: 5, value: (x) => String(x.pid), right: true },
  stat: { header: 'STAT', width: 4, value: (x) => x.state[0] ?? 'S' },
  rss: { header: 'RSS', width: 4, value: (x) => busyboxSize(x.rssKb) },
};

/** busyboxTime is format_time: "%2u:%02u" minutes and seconds, then hours, then days. */
function busyboxTime(ms: number): string {
  let t = Math.floor(ms / 1000);
  const s = t % 60;
  t = Math.floor(t / 60);
  if (t < 60) return `${String(t).padStart(2)}:${p2(s)}`;
  return `${String(Math.floor(t / 60)).padStart(2)}h${p2(t % 60)}`;
}

/** busyboxSize is smart_ulltoa4 of kilobytes: up to 4 characters, m for thousands of kilobytes. */
function busyboxSize(kb: number): string {
  return kb < 10000 ? String(kb) : `${Math.round(kb / 1024)}m`;
}

/**
 * busybox is busybox's ps (busybox and alpine images): the POSIX options are
 * taken and ignored, -o picks columns, BSD words (aux) are not options; the
 * default columns are pid, user, time and the full command line.
 */
async function busybox(p: Process): Promise<number> {
  const cols: string[] = [];
  const headers = new Map<number, string>();
  const args = p.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a === '-') continue;
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'o') {
        const spec = a.slice(j + 1) || args[++i];
        if (spec === undefined) {
          p.stderr.write("ps: option requires an argument -- 'o'\n");
          return 1;
        }
        for (const part of spec.split(',')) {
          const [name, header] = part.split('=');
          if (!BUSYBOX_COLUMNS[name!.slice(0, 6)]) {
            p.stderr.write(`ps: bad -o argument '${name}', supported arguments: user,group,comm,args,pid,ppid,pgid,etime,time,tty,vsz,sid,stat,rss\n`);
            return 1;
          }
          if (header !== undefined) headers.set(cols.length, header);
          cols.push(name!.slice(0, 6));
        }
        break;
      }
      if (!'ZaAdeflT'.includes(c)) {
        p.stderr.write(`ps: invalid option -- '${c}'\n`);
        return 1;
      }
    }
  }
  if (cols.length === 0) cols.push('pid', 'user', 'time', 'args');
  const specs = cols.map((c, i) => ({ ...BUSYBOX_COLUMNS[c]!, header: headers.get(i) ?? BUSYBOX_COLUMNS[c]!.header }));
  // a header given as "user=NAME" sets the column's width
  const widths = specs.map((s, i) => (headers.get(i) ? s.header.length : s.width));
  const line = (cells: string[]) => cells.map((v, i) => (i === cells.length - 1 ? v : v.padEnd(widths[i]!))).join(' ');
  let out = specs.some((s) => s.header) ? `${line(specs.map((s) => s.header))}\n` : '';
  for (const x of await snapshot(p)) {
    out += `${line(specs.map((s, i) => {
      const v = s.value(x) || '-';
      if (s.right) return v.padStart(widths[i]!);
      return i === specs.length - 1 ? v : v.slice(0, widths[i]!);
    }))}\n`;
  }
  p.stdout.write(out);
  return 0;
}

/** ps reports the host's (or container's) processes, as procps-ng or busybox prints them. */
export const ps = def(
  'ps',
  (p) => (flavourOf(p).busybox ? busybox(p) : procps(p)),
  'ps - report a snapshot of the current processes.\n\nSYNOPSIS\n       ps [options]\n\nDESCRIPTION\n       ps aux   every process in BSD format\n       ps -ef   every process in standard full format',
);
