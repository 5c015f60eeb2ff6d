import type { User } from '../host/types.ts';

/** DEFAULT_PATH is the PATH a login gets from /etc/environment on the hosts. */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin';

/** loginEnv is the environment login(1)/sshd give a fresh login of user. */
export function loginEnv(user: User, extra: Record<string, string> = {}): Record<string, string> {
  return {
    HOME: user.home,
    USER: user.name,
    LOGNAME: user.name,
    SHELL: user.shell,
    PATH: DEFAULT_PATH,
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    MAIL: `/var/mail/${user.name}`,
    PWD: user.home,
    ...extra,
  };
}

/** historyEntry turns a (possibly multi-line) input into one history line, as bash's cmdhist does. */
export function historyEntry(input: string): string {
  const lines = input.replace(/\n$/, '').split('\n');
  if (lines.length === 1) return lines[0]!;
  if (/<<-?\s*['"]?\w+/.test(input)) return lines.join('\n');
  let out = lines[0]!;
  for (const l of lines.slice(1)) {
    const t = l.trim();
    if (t === '') continue;
    const glue = /(\b(do|then|else|in)|[{|(]|&&|\|\||\\)\s*$/.test(out) || /^(\)|;;)/.test(t) ? ' ' : '; ';
    out = out.replace(/\\$/, '') + glue + t;
  }
  return out;
}
