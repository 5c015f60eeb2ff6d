import type { ProcessInfo } from '../../../host/process.ts';

/**
 * processName is the kernel's comm of a process as pgrep matches it: the
 * program's file name from the command line (a login shell's "-bash" is
 * bash, nginx's "nginx: master process …" is nginx), cut to 15 characters.
 */
export function processName(command: string): string {
  const first = command.replace(/^\[(.*)\]$/, '$1').split(' ')[0] ?? '';
  // /sbin/init is a link to systemd: the kernel names the process after the file it ran
  if (first === '/sbin/init') return 'systemd';
  return first.replace(/^-/, '').replace(/:$/, '').split('/').pop()!.slice(0, 15);
}

/** Criteria are the selection options pgrep and pkill share. */
export interface Criteria {
  pattern?: RegExp;
  full: boolean;
  inverse: boolean;
  newest: boolean;
  oldest: boolean;
  uids?: Set<number>;
  parents?: Set<number>;
  terminals?: Set<string>;
}

/** selectProcesses is the processes the criteria pick, by pid (-n/-o: the one started last/first). */
export function selectProcesses(list: ProcessInfo[], c: Criteria): ProcessInfo[] {
  const picked = list.filter((x) => {
    const text = c.full ? x.command : processName(x.command);
    const matched =
      (!c.pattern || c.pattern.test(text)) &&
      (!c.uids || c.uids.has(x.uid)) &&
      (!c.parents || c.parents.has(x.ppid)) &&
      (!c.terminals || c.terminals.has(x.tty));
    return matched !== c.inverse;
  });
  if (!c.newest && !c.oldest) return picked;
  const byStart = [...picked].sort((a, b) => a.start - b.start || a.pid - b.pid);
  const one = c.newest ? byStart[byStart.length - 1] : byStart[0];
  return one ? [one] : [];
}
