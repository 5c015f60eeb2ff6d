import { catalogLines } from '../../host/journal/catalog.ts';
import { formatEntry } from '../../host/journal/format.ts';
import type { JournalEntry, JournalQuery } from '../../host/journal/journal.ts';
import { matches } from '../../host/journal/journal.ts';
import { formatTimestamp, parseTimeArg } from '../../host/journal/time.ts';
import type { Process } from '../../host/process.ts';
import { systemdOf } from '../../host/systemd/registry.ts';
import { unitName } from '../../host/systemd/unit-load.ts';
import type { ProgramDef } from '../types.ts';
import { parseOptions, type Options } from './options.ts';

const HINT = "Hint: You are currently not seeing messages from other users and the system.\n      Users in groups 'adm', 'systemd-journal' can see all messages.\n      Pass -q to turn off this notice.\n";

function render(e: JournalEntry, o: Options, host: string, tty: boolean): string {
  let line = formatEntry(e, host, o.output);
  if (o.noHostname && o.output.startsWith('short')) line = line.replace(` ${host} `, ' ');
  if (tty && o.output !== 'json' && o.output !== 'cat' && e.priority <= 5) {
    const idx = line.length - e.message.length;
    const color = e.priority <= 3 ? '\x1b[0;1;31m' : '\x1b[0;1;39m';
    line = line.slice(0, idx) + color + e.message + '\x1b[0m';
  }
  let text = line + '\n';
  if (o.catalog && o.output !== 'json') for (const c of catalogLines(e.messageId, { UNIT: e.unit ?? '', ...(e.fields ?? {}) })) text += c + '\n';
  return text;
}

/** runJournalctl is the journalctl program over the host's journal. */
export async function runJournalctl(p: Process): Promise<number> {
  const o = parseOptions(p.argv.slice(1));
  if ('error' in o) {
    p.stderr.write(o.error + '\n');
    return 1;
  }
  const sd = systemdOf(p);
  if (!sd) {
    // A machine without journald (the exam terminal, a container) has no journal files.
    p.stderr.write('No journal files were found.\n');
    p.stdout.write('-- No entries --\n');
    return 0;
  }
  const j = sd.journal;
  const now = p.sys.runtime.now;
  const q: JournalQuery = {};
  if (o.units.length) q.units = o.units.map(unitName);
  if (o.idents.length) q.idents = o.idents;
  if (o.kernel) q.idents = ['kernel'];
  for (const [flag, arg] of [['since', o.since], ['until', o.until]] as const) {
    if (arg === undefined) continue;
    const t = parseTimeArg(arg, now);
    if (t === undefined) {
      p.stderr.write(`Failed to parse timestamp: ${arg}\n`);
      return 1;
    }
    if (flag === 'since') q.since = t;
    else q.until = t;
  }
  if (o.priority) {
    q.maxPriority = o.priority.max;
    q.minPriority = o.priority.min;
  }
  for (const m of o.matches) {
    const u = /^_SYSTEMD_UNIT=(.+)$/.exec(m);
    if (u) q.units = [...(q.units ?? []), u[1]!];
    else if (/^SYSLOG_IDENTIFIER=/.test(m)) q.idents = [...(q.idents ?? []), m.split('=')[1]!];
    else if (!m.includes('=')) {
      p.stderr.write(`Failed to add match '${m}': Invalid argument\n`);
      return 1;
    }
  }
  if (o.listBoots) {
    const c = j.cutoff();
    if (c) p.stdout.write(` 0 ${bootId(p.hostname)} ${formatTimestamp(c.first)}—${formatTimestamp(c.last)}\n`);
    return 0;
  }
  if (o.diskUsage) {
    p.stdout.write('Archived and active journals take up 8.0M in the file system.\n');
    return 0;
  }
  const groups = p.user.groups.map((g) => sd.host.users.groupName(g));
  const privileged = p.user.uid === 0 || groups.includes('adm') || groups.includes('systemd-journal');
  if (!privileged && !o.quiet) p.stderr.write(HINT);
  let lines = o.lines;
  if (lines === undefined && (o.follow || o.pagerEnd)) lines = o.follow ? 10 : 1000;
  let list = privileged ? j.entries(q) : [];
  if (lines !== undefined) list = lines === 0 ? [] : list.slice(-lines);
  if (o.reverse) list = list.reverse();
  const tty = p.stdout.isTTY;
  const cut = j.cutoff();
  if (!o.quiet && (lines !== 0 || o.follow) && cut && privileged && o.output !== 'json' && o.output !== 'cat') {
    p.stdout.write(o.follow ? `-- Journal begins at ${formatTimestamp(cut.first)}. --\n` : `-- Journal begins at ${formatTimestamp(cut.first)}, ends at ${formatTimestamp(cut.last)}. --\n`);
  }
  let out = '';
  for (const e of list) out += render(e, o, p.hostname, tty);
  if (out) p.stdout.write(out);
  if (!o.follow) {
    if (list.length === 0 && !o.quiet) p.stdout.write('-- No entries --\n');
    return 0;
  }
  if (!privileged) return 0;
  return new Promise<number>((resolve) => {
    const stop = j.follow((e) => {
      if (matches(e, { ...q, since: undefined })) p.stdout.write(render(e, o, p.hostname, tty));
    });
    p.signal.onInterrupt(() => {
      stop();
      resolve(130);
    });
  });
}

function bootId(host: string): string {
  let h = 0x9e3779b9;
  let out = '';
  for (let r = 0; r < 4; r++) {
    for (const ch of host + 'boot' + r) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

/** JOURNALCTL is the ProgramDef of /usr/bin/journalctl. */
export const JOURNALCTL: ProgramDef[] = [
  {
    name: 'journalctl',
    path: '/usr/bin/journalctl',
    program: runJournalctl,
    man: 'NAME\n       journalctl - Query the systemd journal\n\nSYNOPSIS\n       journalctl [OPTIONS...] [MATCHES...]\n\nDESCRIPTION\n       journalctl may be used to query the contents of the systemd(1) journal as written by systemd-journald.service(8).\n',
  },
];
