import type { Process } from '../../host/process.ts';
import type { Systemd } from '../../host/systemd/systemd.ts';
import type { Options } from './options.ts';

/** Ctx is what each verb gets: the process, its host's systemd and the options. */
export interface Ctx {
  p: Process;
  sd: Systemd;
  o: Options;
  out: (s: string) => void;
  err: (s: string) => void;
}

/** isPrivileged tells whether the caller may manage units (root; polkit asks everyone else). */
export function isPrivileged(p: Process): boolean {
  return p.user.uid === 0;
}

/**
 * deniedText is what systemd 249 prints when an unprivileged user manages a
 * unit without a polkit agent to ask for a password (Ubuntu, non-interactive).
 */
export function deniedText(action: string, unit?: string): string {
  if (unit === undefined) return `Failed to ${action}: Interactive authentication required.\n`;
  return `Failed to ${action} ${unit}: Interactive authentication required.\nSee system logs and 'systemctl status ${unit}' for details.\n`;
}

/** mayReadJournal tells whether a user sees the system journal (root, adm, systemd-journal). */
export function mayReadJournal(p: Process, groupName: (gid: number) => string): boolean {
  if (p.user.uid === 0) return true;
  return p.user.groups.some((g) => ['adm', 'systemd-journal'].includes(groupName(g)));
}
