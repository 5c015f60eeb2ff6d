import type { Runtime } from '../base/runtime.ts';
import type { Host } from '../host/host.ts';
import type { Writable } from '../host/streams.ts';
import type { User } from '../host/types.ts';
import type { HostContext } from './interp/context.ts';
import { newShellState } from './interp/init.ts';
import { Interp } from './interp/interp.ts';
import { loginEnv } from './login-env.ts';

/** LoginRequest describes a nested shell to open. */
export interface LoginRequest {
  host: Host;
  user: User;
  loginShell: boolean;
  cwd?: string;
  env?: Record<string, string>;
  closeMessage?: string;
  /** the login came over the network (ssh): its shell runs under that host's sshd */
  remote?: boolean;
}

/** Login is one level of a session's login stack. */
export interface Login {
  host: Host;
  user: User;
  interp: Interp;
  loginShell: boolean;
  shellPid: number;
  /** the sshd processes an ssh login runs under (privileged monitor, then the user's session), ended with it */
  sessionPids: number[];
  closeMessage?: string;
  historyFile?: string;
  historyStart: number;
}

function usableDir(host: Host, user: User, dir: string): boolean {
  try {
    const fs = host.fsFor(user);
    return fs.stat(dir).type === 'dir' && (fs.access ? fs.access(dir, 1) : true);
  } catch {
    return false;
  }
}

/** openLogin creates the shell of a new login (environment, cwd, history); startup files run afterwards. */
export function openLogin(req: LoginRequest, o: { parent?: Login; ctx: HostContext; tty: string; runtime: Runtime }): Login {
  const { host, user } = req;
  const env = req.loginShell ? loginEnv(user, req.env) : { ...(o.parent?.interp.state.exportedEnv() ?? loginEnv(user)), ...(req.env ?? {}) };
  let cwd = req.cwd ?? (req.loginShell ? user.home : (o.parent?.interp.state.cwd ?? user.home));
  if (!usableDir(host, user, cwd)) cwd = '/';
  env['PWD'] = cwd;
  // An ssh login (even to the same machine) hangs under that host's sshd, not under the caller's shell.
  const sessionPids = req.remote ? sshdSession(host, user, o.tty) : [];
  const ppid = sessionPids.length ? sessionPids[sessionPids.length - 1]! : o.parent?.shellPid;
  const pid = host.procs.spawn({ user: user.name, uid: user.uid, command: req.loginShell ? '-bash' : 'bash', tty: o.tty, state: 'Ss', ppid });
  const st = newShellState({ env, cwd, pid, ppid: ppid ?? 1, uid: user.uid, hostname: host.name, runtime: o.runtime, interactive: true, login: req.loginShell });
  const interp = new Interp(st, o.ctx, { kind: 'interactive' });
  const historyFile = st.get('HISTFILE');
  if (historyFile) {
    try {
      st.history.push(...host.fsFor(user).readFile(historyFile).split('\n').filter((l) => l !== ''));
    } catch {
      // no history yet
    }
  }
  return { host, user, interp, loginShell: req.loginShell, shellPid: pid, sessionPids, closeMessage: req.closeMessage, historyFile, historyStart: st.history.length };
}

/** closeLogin ends a login: saves new history lines, says "logout"/"exit", and leaves the process table. */
export function closeLogin(l: Login, stderr: Writable, announce: boolean): void {
  const st = l.interp.state;
  if (l.historyFile && st.history.length > l.historyStart) {
    try {
      l.host.fsFor(l.user).writeFile(l.historyFile, st.history.slice(l.historyStart).join('\n') + '\n', { append: true, mode: 0o600 });
    } catch {
      // an unwritable home keeps its history in memory only
    }
  }
  if (announce) stderr.write(l.loginShell ? 'logout\n' : 'exit\n');
  if (l.closeMessage) stderr.write(l.closeMessage + '\n');
  l.host.procs.exit(l.shellPid);
  for (const pid of l.sessionPids) l.host.procs.exit(pid);
}

/** sshdSession registers OpenSSH's per-connection processes: `sshd: user [priv]` under the listener, `sshd: user@pts/N` under it. */
function sshdSession(host: Host, user: User, tty: string): number[] {
  const listener = host.procs.list().find((p) => p.command.startsWith('sshd: /usr/sbin/sshd'))?.pid ?? 1;
  const priv = host.procs.spawn({ user: 'root', uid: 0, command: `sshd: ${user.name} [priv]`, ppid: listener, state: 'Ss' });
  const session = host.procs.spawn({ user: user.name, uid: user.uid, command: `sshd: ${user.name}@${tty}`, ppid: priv, state: 'S' });
  return [priv, session];
}
