import type { Process, ProcessInfo } from '../../../host/process.ts';
import { Interrupt } from '../../../host/interrupt.ts';
import { Collector } from '../../../host/streams.ts';
import { runUptime } from '../../sysadmin/info.ts';
import { def } from '../def.ts';
import { MEMORY_KB } from '../du.ts';
import { parseArgs, UsageError } from '../lib/args.ts';
import { processName } from './match.ts';

/**
 * top is procps-ng's top as the Ubuntu machines have it: the summary (uptime,
 * tasks, CPU states, memory in MiB) and the task table sorted by %CPU, then
 * PID. -b prints frames for a pipe or a file (-n of them, -d seconds apart);
 * without -b it needs a terminal ("top: failed tty get" otherwise) and redraws
 * every -d seconds until q or Ctrl-C. -p, -u, -c and -o select, show and sort.
 */

const HEADER = '    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND';

interface Options {
  batch: boolean;
  iterations: number;
  delayMs: number;
  pids?: Set<number>;
  user?: string;
  full: boolean;
  sortBy: string;
}

function options(p: Process): Options | string {
  let parsed;
  try {
    parsed = parseArgs(p.argv.slice(1), { flags: 'bcHiSsh', withArg: 'ndpuUow', long: {} });
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  const o = (k: string) => parsed.opts.get(k)?.at(-1);
  const n = o('n');
  const d = o('d');
  if (n !== undefined && !/^\d+$/.test(n)) return `bad iterations argument '${n}'`;
  if (d !== undefined && !(Number(d) >= 0)) return `bad delay interval '${d}'`;
  const pids = parsed.opts.get('p')?.flatMap((v) => v.split(',')).map(Number);
  if (pids?.some((x) => !Number.isInteger(x) || x < 0)) return `bad pid '${parsed.opts.get('p')!.at(-1)}'`;
  return {
    batch: parsed.opts.has('b'),
    iterations: n === undefined ? Infinity : Number(n) || 1,
    delayMs: d === undefined ? 3000 : Number(d) * 1000,
    pids: pids ? new Set(pids) : undefined,
    user: o('u') ?? o('U'),
    full: parsed.opts.has('c'),
    sortBy: (o('o') ?? '%CPU').replace(/^[+-]/, '').toUpperCase(),
  };
}

const f1 = (n: number, w: number) => n.toFixed(1).padStart(w);

/** priority is PR and NI: kernel helper threads run at real-time or nice -20 priority, the rest at 20 and 0. */
function priority(cmd: string): [string, string] {
  if (/^\[(migration|watchdog|idle_inject|cpuhp)/.test(cmd)) return [cmd.startsWith('[cpuhp') ? '20' : 'rt', '0'];
  if (/^\[(kworker\/[^\]]*H|rcu_gp|rcu_par_gp|slub_flushwq|netns|mm_percpu_wq|kblockd|kintegrityd|[a-z_]+-wq|[a-z_]+_wq)/.test(cmd)) return ['0', '-20'];
  return ['20', '0'];
}

/** cpuTime is TIME+: minutes, seconds and hundredths. */
function cpuTime(ms: number): string {
  const cs = Math.floor(ms / 10);
  return `${Math.floor(cs / 6000)}:${String(Math.floor(cs / 100) % 60).padStart(2, '0')}.${String(cs % 100).padStart(2, '0')}`;
}

function row(x: ProcessInfo, upMs: number, full: boolean): { line: string; cpu: number; mem: number } {
  const [pr, ni] = priority(x.command);
  const cpu = upMs > 0 ? Math.min(100, (x.cpuMs / upMs) * 100) : 0;
  const mem = (x.rssKb / MEMORY_KB.total) * 100;
  const shr = Math.floor(x.rssKb * 0.62);
  const command = full ? x.command : processName(x.command);
  const line = `${String(x.pid).padStart(7)} ${x.user.slice(0, 8).padEnd(8)} ${pr.padStart(3)} ${ni.padStart(3)} ${String(x.vszKb).padStart(7)} ${String(x.rssKb).padStart(6)} ${String(shr).padStart(6)} ${x.state[0] ?? 'S'} ${f1(cpu, 5)} ${f1(mem, 5)} ${cpuTime(x.cpuMs).padStart(9)} ${command}`;
  return { line, cpu, mem };
}

async function frame(p: Process, o: Options): Promise<string> {
  const up = new Collector();
  await runUptime({ ...p, argv: ['uptime'], stdout: up });
  const all = (p.sys.processes?.() ?? []).map((x) => (x.pid === p.pid ? { ...x, state: `R${x.state.slice(1)}` } : x));
  const running = all.filter((x) => x.state.startsWith('R')).length;
  const load = Number(/load average: ([\d.]+)/.exec(up.text)?.[1] ?? 0);
  const us = Math.min(95, load * 20 + 1.6);
  const sy = us / 2;
  const m = MEMORY_KB;
  const mib = (kb: number) => f1(kb / 1024, 8);
  const now = p.sys.runtime.now;
  let out = `top - ${up.text.trim()}\n`;
  out += `Tasks: ${String(all.length).padStart(3)} total, ${String(running).padStart(3)} running, ${String(all.length - running).padStart(3)} sleeping,   0 stopped,   0 zombie\n`;
  out += `%Cpu(s): ${f1(us, 4)} us, ${f1(sy, 4)} sy,  0.0 ni, ${f1(100 - us - sy, 4)} id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st\n`;
  out += `MiB Mem : ${mib(m.total)} total, ${mib(m.free)} free, ${mib(m.used)} used, ${mib(m.buffCache)} buff/cache\n`;
  out += `MiB Swap: ${mib(0)} total, ${mib(0)} free, ${mib(0)} used. ${mib(m.available)} avail Mem \n\n`;
  out += `${HEADER}\n`;
  const shown = all.filter((x) => (!o.pids || o.pids.has(x.pid)) && (!o.user || x.user === o.user || String(x.uid) === o.user));
  const rows = shown.map((x) => ({ x, ...row(x, now - x.start, o.full) }));
  const key = (r: (typeof rows)[number]) => (o.sortBy === '%MEM' || o.sortBy === 'RES' ? r.mem : o.sortBy === 'PID' ? -r.x.pid : r.cpu);
  rows.sort((a, b) => key(b) - key(a) || a.x.pid - b.x.pid);
  for (const r of rows) out += `${r.line}\n`;
  return out;
}

async function runTop(p: Process): Promise<number> {
  const o = options(p);
  if (typeof o === 'string') {
    p.stderr.write(`top: ${o}\nUsage:\n  top -hv | -bcEeHiOSs1 -d secs -n max -u|U user -p pid(s) -o field -w [cols]\n`);
    return 1;
  }
  if (!o.batch && !p.stdout.isTTY) {
    p.stderr.write('top: failed tty get\n');
    return 1;
  }
  // at a terminal, q ends it as Ctrl-C does (between frames, the wait is cut short)
  const stop = new Interrupt();
  const offInt = p.signal.onInterrupt(() => stop.raise(130));
  if (!o.batch) {
    void (async () => {
      for (;;) {
        const key = await p.stdin.read();
        if (key === null || key.includes('q')) return stop.raise(0);
      }
    })();
  }
  try {
    for (let i = 0; i < o.iterations; i++) {
      const text = await frame(p, o);
      // a terminal gets each frame on a cleared screen; a batch goes on with a blank line between frames
      p.stdout.write(o.batch ? (i > 0 ? `\n${text}` : text) : `\x1b[H\x1b[2J${text}`);
      if (i + 1 >= o.iterations) break;
      if (!(await p.sys.sleep(o.delayMs, stop))) return stop.code;
    }
    return 0;
  } finally {
    offInt();
  }
}

export const top = def('top', runTop, 'top - display Linux processes\n\nSYNOPSIS\n       top -hv|-bcEeHiOSs1 -d secs -n max -u|U user -p pids -o field -w [cols]\n\nDESCRIPTION\n       -b  batch mode: for a pipe or a file\n       -n  the number of frames to print\n       -d  the seconds between frames');
