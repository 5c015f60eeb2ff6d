import type { Runtime } from '../../base/runtime.ts';
import { ShellState } from './state.ts';

/** BASH_VERSION_TEXT is the bash release the hosts imitate (Ubuntu 22.04). */
export const BASH_VERSION_TEXT = '5.1.16(1)-release';

/**
 * newShellState makes the state of a freshly started bash: the environment
 * it inherits (all exported) plus the variables bash sets itself.
 */
export function newShellState(opts: {
  env: Record<string, string>;
  cwd: string;
  pid: number;
  ppid: number;
  uid: number;
  hostname: string;
  runtime: Runtime;
  interactive: boolean;
  login: boolean;
}): ShellState {
  const st = new ShellState();
  for (const [k, v] of Object.entries(opts.env)) st.vars.set(k, { value: v, exported: true, readonly: false });
  const setLocal = (k: string, v: string, readonly = false) => st.vars.set(k, { value: v, exported: false, readonly });
  setLocal('IFS', ' \t\n');
  setLocal('PS4', '+ ');
  setLocal('PS2', '> ');
  setLocal('OPTIND', '1');
  setLocal('BASH', '/bin/bash');
  setLocal('BASH_VERSION', BASH_VERSION_TEXT);
  st.vars.set('BASH_VERSINFO', { value: ['5', '1', '16', '1', 'release', 'x86_64-pc-linux-gnu'], exported: false, readonly: true });
  setLocal('HOSTNAME', opts.hostname);
  setLocal('HOSTTYPE', 'x86_64');
  setLocal('MACHTYPE', 'x86_64-pc-linux-gnu');
  setLocal('OSTYPE', 'linux-gnu');
  setLocal('UID', String(opts.uid), true);
  setLocal('EUID', String(opts.uid), true);
  setLocal('PPID', String(opts.ppid), true);
  const shlvl = Number(opts.env['SHLVL'] ?? '0');
  st.vars.set('SHLVL', { value: String((Number.isFinite(shlvl) ? shlvl : 0) + 1), exported: true, readonly: false });
  if (!opts.env['PWD'] || opts.env['PWD'] !== opts.cwd) st.vars.set('PWD', { value: opts.cwd, exported: true, readonly: false });
  st.cwd = opts.cwd;
  st.pid = opts.pid;
  st.interactive = opts.interactive;
  st.login = opts.login;
  if (opts.interactive) {
    st.shopt.add('expand_aliases');
    setLocal('PS1', '\\s-\\v\\$ ');
    setLocal('HISTFILE', (opts.env['HOME'] ?? '') + '/.bash_history');
    setLocal('HISTSIZE', '500');
  }
  if (opts.login) st.shopt.add('login_shell');
  const start = opts.runtime.now;
  st.dynamic = (name) => {
    if (name === 'RANDOM') return String(opts.runtime.rand.uint32() % 32768);
    if (name === 'SECONDS') return String(Math.floor((opts.runtime.now - start) / 1000));
    if (name === 'EPOCHSECONDS') return String(Math.floor(opts.runtime.now / 1000));
    if (name === 'EPOCHREALTIME') return (opts.runtime.now / 1000).toFixed(6);
    return undefined;
  };
  return st;
}
