import type { Process } from '../../host/process.ts';
import { systemdOf } from '../../host/systemd/registry.ts';
import type { Systemd } from '../../host/systemd/systemd.ts';

/** Out collects a program's stdout lines. */
export type Line = (s: string) => void;

/** progressLines are apt's first lines: with " Done" on a terminal, bare when piped. */
export function progressLines(p: Process, steps: string[]): string {
  const done = p.stdout.isTTY ? ' Done' : '';
  return steps.map((s) => `${s}...${done}\n`).join('');
}

/** READING is the opening of apt-get install/remove. */
export const READING = ['Reading package lists', 'Building dependency tree', 'Reading state information'];

/** lockError is what apt-get says to a user who is not root. */
export function lockError(kind: 'dpkg' | 'lists'): string {
  if (kind === 'lists') {
    return 'E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n' +
      'W: Problem unlinking the file /var/cache/apt/pkgcache.bin - RemoveCaches (13: Permission denied)\nW: Problem unlinking the file /var/cache/apt/srcpkgcache.bin - RemoveCaches (13: Permission denied)\n';
  }
  return 'E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n';
}

/** wrapList writes apt's indented, wrapped package list ("  a b c"). */
export function wrapList(names: string[], width = 80): string {
  const lines: string[] = [];
  let cur = ' ';
  for (const n of names) {
    if (cur.length + 1 + n.length > width - 1 && cur.trim() !== '') {
      lines.push(cur);
      cur = ' ';
    }
    cur += ' ' + n;
  }
  lines.push(cur);
  return lines.join('\n') + '\n';
}

/** dpkgNow is the timestamp format of /var/log/dpkg.log. */
export function dpkgNow(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

/** sdOf finds the host's systemd for postinst scripts (absent on machines without it). */
export function sdOf(p: Process): Systemd | undefined {
  return systemdOf(p);
}

/** readYes reads the answer to "Do you want to continue? [Y/n]": yes on Enter, y or Y. */
export async function readYes(p: Process): Promise<boolean> {
  const answer = await p.stdin.read();
  if (answer === null) return false;
  const a = answer.trim();
  return a === '' || a === 'y' || a === 'Y' || a.toLowerCase() === 'yes';
}
