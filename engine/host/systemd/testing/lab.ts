import { Runtime } from '../../../base/runtime.ts';
import { DEFAULT_EPOCH } from '../../../base/clock.ts';
import { installBinary } from '../../binaries.ts';
import type { Host } from '../../host.ts';
import { createHost } from '../../image.ts';
import type { Program, SystemServices } from '../../process.ts';
import { formatEntry } from '../../journal/format.ts';
import { attachSystemd } from '../registry.ts';
import type { Systemd } from '../systemd.ts';

/** flush lets pending promise callbacks run (daemons exiting, systemd noticing). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** advance moves simulated time event by event, letting async daemons react between events. */
export async function advance(runtime: Runtime, ms: number): Promise<void> {
  const target = runtime.now + ms;
  await flush();
  for (;;) {
    const next = runtime.nextAt();
    if (next === undefined || next > target) break;
    runtime.advanceTo(next);
    await flush();
  }
  runtime.advanceTo(target);
  await flush();
}

/** TEST_PROGRAMS are small daemons: one that crashes at once, one that runs until stopped, one that prints its argv. */
export const TEST_PROGRAMS: Record<string, Program> = {
  crasher: async (p) => {
    p.stderr.write(`E0105 crasher.go:1] failed to run: open /etc/crasher.conf: no such file or directory\n`);
    return 1;
  },
  sleeper: async (p) => {
    p.stdout.write(`sleeper started as ${p.argv.join(' ')}\n`);
    await new Promise<void>((resolve) => p.signal.onInterrupt(resolve));
    return 143;
  },
};

/** sysFor builds minimal SystemServices over a runtime. */
export function sysFor(runtime: Runtime, host: Host): SystemServices {
  return {
    runtime,
    sleep: (ms, signal) =>
      new Promise((resolve) => {
        const t = runtime.after(ms, () => resolve(true));
        signal?.onInterrupt(() => {
          t.cancel();
          resolve(false);
        });
      }),
    net: { resolve: () => undefined, dial: () => { throw new Error('no network'); }, listen: () => ({ close() {} }) },
    hostIp: host.ip,
    machines: () => [host.name],
    session: { login: () => {}, logout: () => {} },
    editor: { edit: async () => ({ saved: false }) },
    terminal: { columns: 80, rows: 24, interactive: false },
  };
}

/** systemdLab is a host named controlplane with systemd attached and the test daemons installed. */
export function systemdLab(extra: Record<string, Program> = {}): { runtime: Runtime; host: Host; sd: Systemd; journalText: (unit?: string) => string } {
  const runtime = new Runtime({ start: DEFAULT_EPOCH, seed: 1 });
  const host = createHost({ name: 'controlplane', ip: '192.168.1.10', clock: runtime.clock });
  const programs = { ...TEST_PROGRAMS, ...extra };
  for (const name of Object.keys(programs)) installBinary(host.fs, name, `/usr/bin/${name}`);
  const sd = attachSystemd({ host, sys: sysFor(runtime, host), programs: (n) => (programs[n] ? { program: programs[n]! } : undefined) });
  const journalText = (unit?: string) =>
    sd.journal.entries(unit ? { units: [unit] } : {}).map((e) => formatEntry(e, 'controlplane') + '\n').join('');
  return { runtime, host, sd, journalText };
}

/** RunResult is what a program printed and returned. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** runOn runs a program on a lab host as root (or the named user), with no terminal. */
export async function runOn(lab: { runtime: Runtime; host: Host }, program: Program, argv: string[], opts: { user?: string; stdin?: string; tty?: boolean } = {}): Promise<RunResult> {
  const { Collector, StringReader, EMPTY_INPUT } = await import('../../streams.ts');
  const stdout = new Collector(opts.tty ?? false);
  const stderr = new Collector();
  const user = lab.host.user(opts.user ?? 'root')!;
  const code = await program({
    argv, env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', HOME: user.home }, cwd: user.home, hostname: lab.host.name, user,
    fs: user.uid === 0 ? lab.host.fs : lab.host.fsFor(user), stdin: opts.stdin === undefined ? EMPTY_INPUT : new StringReader(opts.stdin),
    stdout, stderr, signal: { interrupted: false, onInterrupt: () => () => {} }, sys: sysFor(lab.runtime, lab.host),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
