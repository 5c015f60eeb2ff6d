import { formatEntry } from '../../host/journal/format.ts';
import type { Journal } from '../../host/journal/journal.ts';
import { formatRelative, formatTimestamp, formatTimespan } from '../../host/journal/time.ts';
import type { ProcessInfo } from '../../host/process.ts';
import { statusParen } from '../../host/systemd/exit-status.ts';
import type { EnableState } from '../../host/systemd/enablement.ts';
import { description, simulatedCpuMs, type UnitRuntime } from '../../host/systemd/unit-state.ts';

/** StatusInput is everything `systemctl status` shows about one unit. */
export interface StatusInput {
  rt: UnitRuntime;
  enable: EnableState;
  now: number;
  hostname: string;
  journal?: Journal;
  lines: number;
  /** processes of the unit's control group (main pid first) */
  cgroup: ProcessInfo[];
  color: boolean;
}

const GREEN = '\x1b[0;1;32m';
const RED = '\x1b[0;1;31m';
const OFF = '\x1b[0m';
const INDENT = '             ';

/** glyph is the bullet before the unit name: ● active, × failed, ○ inactive. */
function glyph(rt: UnitRuntime, color: boolean): string {
  if (rt.active === 'failed') return color ? `${RED}×${OFF}` : '×';
  if (rt.active === 'inactive') return '○';
  return color && rt.active === 'active' ? `${GREEN}●${OFF}` : '●';
}

function label(name: string): string {
  return name.padStart(11) + ': ';
}

/** memText is format_bytes(): 1024-based with one decimal ("40.2M"). */
export function memText(bytes: number): string {
  const units = ['B', 'K', 'M', 'G', 'T'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  if (i === 0) return `${bytes}B`;
  // format_bytes truncates to one decimal rather than rounding.
  return `${(Math.floor(v * 10) / 10).toFixed(1)}${units[i]}`;
}

/** commName is the 15-character process name shown as "Main PID: 1234 (kubelet)". */
function commName(argv0: string): string {
  return argv0.split('/').pop()!.slice(0, 15);
}

function loadedLine(rt: UnitRuntime, enable: EnableState): string {
  const u = rt.unit;
  if (u.loadState === 'not-found') return `${label('Loaded')}not-found (Reason: Unit ${u.name} not found.)`;
  if (u.loadState === 'masked') return `${label('Loaded')}masked (Reason: Unit ${u.name} is masked.)`;
  const state = u.loadState === 'bad-setting' ? 'bad-setting (Reason: Unit ' + u.name + ' has a bad unit file setting.)' : 'loaded';
  if (u.loadState === 'bad-setting') return `${label('Loaded')}${state}`;
  const en = enable === 'not-found' ? 'disabled' : enable;
  return `${label('Loaded')}loaded (${u.fragmentPath}; ${en}; vendor preset: enabled)`;
}

function dropInLines(paths: string[]): string[] {
  const out: string[] = [];
  let dir: string | undefined;
  let names: string[] = [];
  const flush = () => {
    if (dir === undefined) return;
    out.push(`${out.length === 0 ? label('Drop-In') : INDENT}${dir}`);
    out.push(`${INDENT}└─${names.join(', ')}`);
  };
  for (const p of paths) {
    const d = p.slice(0, p.lastIndexOf('/'));
    if (d !== dir) {
      flush();
      dir = d;
      names = [];
    }
    names.push(p.slice(p.lastIndexOf('/') + 1));
  }
  flush();
  return out;
}

function activeLine(rt: UnitRuntime, now: number, color: boolean): string {
  // The sub-state is left out when it says the same ("failed", not "failed (failed)").
  let state = rt.sub === rt.active ? rt.active : `${rt.active} (${rt.sub})`;
  if (color && rt.active === 'active') state = `${GREEN}${state}${OFF}`;
  if (color && rt.active === 'failed') state = `${RED}${state}${OFF}`;
  if (rt.result !== 'success' && (rt.active === 'failed' || rt.active === 'activating')) state += ` (Result: ${rt.result})`;
  const since = rt.since !== undefined ? ` since ${formatTimestamp(rt.since)}; ${formatRelative(rt.since, now)}` : '';
  return `${label('Active')}${state}${since}`;
}

/** statusText renders `systemctl status <unit>` for one unit, ending in a newline. */
export function statusText(s: StatusInput): string {
  const { rt, now } = s;
  const u = rt.unit;
  const desc = description(u);
  const out: string[] = [`${glyph(rt, s.color)} ${u.name}${desc !== u.name ? ` - ${desc}` : ''}`];
  out.push(loadedLine(rt, s.enable));
  if (u.loadState === 'loaded') out.push(...dropInLines(u.dropIns));
  out.push(activeLine(rt, now, s.color));
  const docs = u.config.documentation;
  docs.forEach((d, i) => out.push(`${i === 0 ? label('Docs') : INDENT}${d}`));
  const running = rt.mainPid !== undefined;
  if (!running && rt.lastMain) {
    const lm = rt.lastMain;
    out.push(`${label('Process')}${lm.pid} ExecStart=${lm.cmd.raw} ${statusParen(lm.exit)}`);
    out.push(`${label('Main PID')}${lm.pid} ${statusParen(lm.exit)}`);
  }
  if (running) {
    out.push(`${label('Main PID')}${rt.mainPid} (${commName(rt.mainArgv?.[0] ?? rt.mainCmd?.path ?? '')})`);
    const main = s.cgroup[0];
    out.push(`${label('Tasks')}${8 + ((rt.mainPid ?? 0) % 9)} (limit: 4557)`);
    out.push(`${label('Memory')}${memText((main?.rssKb ?? 20000) * 1024)}`);
  }
  if (rt.startedAt !== undefined) out.push(`${label('CPU')}${formatTimespan(simulatedCpuMs(rt, running ? now : (rt.lastMain?.at ?? now)))}`);
  if (running && s.cgroup.length) {
    out.push(`${label('CGroup')}/system.slice/${u.name}`);
    const width = Math.max(...s.cgroup.map((p) => String(p.pid).length));
    s.cgroup.forEach((p, i) => out.push(`${INDENT}${i === s.cgroup.length - 1 ? '└─' : '├─'}${String(p.pid).padStart(width)} ${p.command}`));
  }
  let text = out.join('\n') + '\n';
  if (s.journal && s.lines > 0) {
    const entries = s.journal.entries({ units: [u.name] }).slice(-s.lines);
    if (entries.length) text += '\n' + entries.map((e) => formatEntry(e, s.hostname) + '\n').join('');
  }
  return text;
}
