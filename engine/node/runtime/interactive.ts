import type { Readable, Writable } from '../../host/streams.ts';
import { Interrupt } from '../../host/interrupt.ts';
import type { SystemServices } from '../../host/process.ts';
import type { HostContext } from '../../shell/interp/context.ts';
import { ExitSignal } from '../../shell/interp/errors.ts';
import { newShellState } from '../../shell/interp/init.ts';
import { Interp } from '../../shell/interp/interp.ts';
import { parseShell } from '../../shell/parser/parse.ts';
import { cpuSlices, type ContainerEnv } from './services.ts';

/**
 * interactiveShell is a container's shell on a terminal (`kubectl exec -it
 * pod -- sh`): one shell state across lines, a prompt before each, until
 * `exit` or the end of input. Busybox's ash prompts "/ # ", bash "root@pod:/# ".
 */
export async function interactiveShell(env: ContainerEnv, sys: SystemServices, o: { name: string; user: string; vars: Record<string, string>; cwd: string; stdin: Readable; stdout: Writable; stderr: Writable; signal: Interrupt }): Promise<number> {
  const host = env.host;
  const user = host.user(o.user) ?? host.user(0)!;
  const pid = host.procs.spawn({ user: user.name, uid: user.uid, command: o.name, tty: 'pts/0', state: 'Ss' });
  const st = newShellState({ env: o.vars, cwd: o.cwd, pid, ppid: 0, uid: user.uid, hostname: host.name, runtime: env.runtime, interactive: true, login: false });
  const ctx: HostContext = { host, user, sys, programs: env.programs, yieldToHost: cpuSlices(env), tty: 'pts/0' };
  const interp = new Interp(st, ctx, { kind: 'interactive' });
  const bash = o.name === 'bash';
  const flavour = bash ? 'bash' : shFlavour(host.fs);
  const sign = user.uid === 0 ? '#' : '$';
  const prompt = () => {
    const cwd = interp.state.cwd;
    const short = user.home && (cwd === user.home || cwd.startsWith(`${user.home}/`)) ? `~${cwd.slice(user.home.length)}` : cwd;
    // Each image's /bin/sh prompts its own way: bash's user@host, Debian's dash a bare sign, bash as sh its version, busybox ash the directory.
    if (flavour === 'bash') return `${user.name}@${host.name}:${short}${sign} `;
    if (flavour === 'dash') return `${sign} `;
    if (flavour === 'bash-as-sh') return `sh-5.1${sign} `;
    return `${short} ${sign} `;
  };
  let buf = '';
  let code = 0;
  try {
    for (;;) {
      o.stdout.write(prompt());
      let line: string | undefined;
      while (line === undefined) {
        const nl = buf.indexOf('\n');
        if (nl >= 0) {
          line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          break;
        }
        const chunk = await o.stdin.read();
        if (chunk === null) {
          if (buf === '') {
            o.stdout.write(bash ? 'exit\n' : '\n');
            return code;
          }
          line = buf;
          buf = '';
        } else buf += chunk;
      }
      if (line.trim() === '') continue;
      const r = await parseShell(`${line}\n`);
      if (r.kind !== 'ok') {
        o.stderr.write(`${bash ? 'bash' : 'sh'}: syntax error\n`);
        code = 2;
        continue;
      }
      const signal = new Interrupt();
      const off = o.signal.onInterrupt(() => signal.raise(130));
      try {
        code = await interp.runList(r.stmts, { stdin: o.stdin, stdout: o.stdout, stderr: o.stderr, signal });
      } catch (e) {
        if (e instanceof ExitSignal) return e.code;
        code = 1;
      } finally {
        off();
      }
    }
  } finally {
    host.procs.exit(pid);
  }
}

/** shFlavour tells which shell /bin/sh is in an image, from its /etc/os-release: dash on Debian and Ubuntu, bash on Enterprise Linux, busybox ash elsewhere. */
function shFlavour(fs: { readFile(path: string): string }): 'dash' | 'bash-as-sh' | 'ash' {
  let id = '';
  try {
    id = /^ID="?([^"\n]*)"?$/m.exec(fs.readFile('/etc/os-release'))?.[1] ?? '';
  } catch {
    /* no os-release: a scratch or busybox image */
  }
  if (id === 'debian' || id === 'ubuntu') return 'dash';
  if (['ol', 'rhel', 'centos', 'fedora', 'rocky', 'almalinux', 'amzn'].includes(id)) return 'bash-as-sh';
  return 'ash';
}
