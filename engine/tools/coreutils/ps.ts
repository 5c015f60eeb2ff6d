import type { ProcessInfo } from '../../host/process.ts';
import { def } from './def.ts';

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

/** ps reports the host's processes: ps, ps aux, ps -ef. */
export const ps = def(
  'ps',
  async (p) => {
    const args = p.argv.slice(1).join(' ');
    // The stages of a pipeline start together: by the time ps reads /proc, `grep` in `ps aux | grep x` runs
    // too and lists itself. Let the later stages (started on the following turns) enter the table first.
    for (let i = 0; i < 64; i++) await Promise.resolve();
    const list: ProcessInfo[] = p.sys.processes?.() ?? [];
    const bsd = /^-?a?u?x|aux/.test(args) && !args.startsWith('-e');
    if (/aux|axu|-aux|\bu\b/.test(args) || (bsd && args.includes('u'))) {
      let out = 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n';
      for (const x of list) {
        out += `${user8(x.user).padEnd(8)} ${String(x.pid).padStart(7)} ${'0.0'.padStart(4)} ${((x.rssKb / MEM_KB) * 100).toFixed(1).padStart(4)} ${String(x.vszKb).padStart(6)} ${String(x.rssKb).padStart(5)} ${x.tty.padEnd(8)} ${x.state.padEnd(4)} ${hhmm(x.start).padStart(5)} ${cpuTime(x.cpuMs, false).padStart(6)} ${x.command}\n`;
      }
      p.stdout.write(out);
      return 0;
    }
    if (/-e|-A|ax/.test(args)) {
      const full = /f/.test(args);
      let out = full ? 'UID          PID    PPID  C STIME TTY          TIME CMD\n' : '    PID TTY          TIME CMD\n';
      for (const x of list) {
        if (full) out += `${user8(x.user).padEnd(8)} ${String(x.pid).padStart(7)} ${String(x.ppid).padStart(7)}  0 ${hhmm(x.start)} ${x.tty.padEnd(8)} ${cpuTime(x.cpuMs, true)} ${x.command}\n`;
        else out += `${String(x.pid).padStart(7)} ${x.tty.padEnd(8)} ${cpuTime(x.cpuMs, true)} ${x.command.split(' ')[0]!.split('/').pop()}\n`;
      }
      p.stdout.write(out);
      return 0;
    }
    let out = '    PID TTY          TIME CMD\n';
    for (const x of list) if (x.tty === 'pts/0' && x.uid === p.user.uid) out += `${String(x.pid).padStart(7)} ${x.tty.padEnd(8)} ${cpuTime(x.cpuMs, true)} ${x.command.replace(/^-/, '').split(' ')[0]!.split('/').pop()}\n`;
    p.stdout.write(out);
    return 0;
  },
  'ps - report a snapshot of the current processes.\n\nSYNOPSIS\n       ps [options]\n\nDESCRIPTION\n       ps aux   every process in BSD format\n       ps -ef   every process in standard full format',
);
