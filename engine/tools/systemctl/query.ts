import { Systemd } from '../../host/systemd/systemd.ts';
import { findDropIns, findFragment, unitName } from '../../host/systemd/unit-load.ts';
import { formatTimestamp } from '../../host/journal/time.ts';
import { statusParen } from '../../host/systemd/exit-status.ts';
import type { ProcessInfo } from '../../host/process.ts';
import { mayReadJournal, type Ctx } from './context.ts';
import { statusText } from './status.ts';

/** cgroupOf is the unit's control group: its main process, that process' children, and what was placed in the group (containerd's shims). */
function cgroupOf(c: Ctx, unit: string, mainPid: number | undefined): ProcessInfo[] {
  if (mainPid === undefined) return [];
  const main = c.sd.host.procs.get(mainPid);
  const members = c.sd.host.procs.list().filter((p) => p.pid !== mainPid && (p.ppid === mainPid || p.cgroup === unit));
  return main ? [main, ...members] : members;
}

/** status prints `systemctl status` for each unit (exit 3 when one is not active, 4 when one is unknown). */
export function status(c: Ctx): number {
  if (c.o.args.length === 0) {
    const failed = c.sd.loadedUnits().filter((u) => u.active === 'failed').length;
    c.out(`● ${c.p.hostname}\n    State: ${failed ? 'degraded' : 'running'}\n     Jobs: 0 queued\n   Failed: ${failed} units\n    Since: ${formatTimestamp(c.sd.bootTime)}\n   CGroup: /\n`);
    return 0;
  }
  let code = 0;
  let first = true;
  const seeJournal = mayReadJournal(c.p, (g) => c.sd.host.users.groupName(g));
  for (const arg of c.o.args) {
    const n = unitName(arg);
    const rt = c.sd.runtime(n);
    if (rt.unit.loadState === 'not-found' && rt.since === undefined) {
      c.err(`Unit ${n} could not be found.\n`);
      code = 4;
      continue;
    }
    if (!first) c.out('\n');
    first = false;
    c.out(statusText({
      rt, enable: c.sd.enableState(n), now: c.sd.sys.runtime.now, hostname: c.p.hostname,
      journal: seeJournal ? c.sd.journal : undefined, lines: c.o.lines, cgroup: cgroupOf(c, rt.unit.name, rt.mainPid), color: c.p.stdout.isTTY,
    }));
    if (c.sd.needsReload(n)) c.err(Systemd.reloadWarning(n) + '\n');
    if (rt.active !== 'active' && code === 0) code = 3;
  }
  return code;
}

/** isActive prints each unit's ActiveState; exit 0 only when all are active. */
export function isActive(c: Ctx): number {
  let ok = c.o.args.length > 0;
  if (!ok) {
    c.err('Too few arguments.\n');
    return 1;
  }
  for (const a of c.o.args) {
    const s = c.sd.activeState(a);
    if (!c.o.quiet) c.out(s + '\n');
    if (s !== 'active') ok = false;
  }
  return ok ? 0 : 3;
}

/** isFailed prints each unit's ActiveState; exit 0 when one is failed. */
export function isFailed(c: Ctx): number {
  let any = false;
  for (const a of c.o.args) {
    const s = c.sd.activeState(a);
    if (!c.o.quiet) c.out(s + '\n');
    if (s === 'failed') any = true;
  }
  return any ? 0 : 1;
}

/** isEnabled prints each unit file's state. */
export function isEnabled(c: Ctx): number {
  if (c.o.args.length === 0) {
    c.err('Too few arguments.\n');
    return 1;
  }
  let ok = false;
  for (const a of c.o.args) {
    const s = c.sd.enableState(a);
    if (s === 'not-found') {
      c.err(`Failed to get unit file state for ${unitName(a)}: No such file or directory\n`);
      return 1;
    }
    if (!c.o.quiet) c.out(s + '\n');
    if (['enabled', 'static', 'alias', 'indirect'].includes(s)) ok = true;
  }
  return ok ? 0 : 1;
}

/** cat prints a unit's file and drop-ins as they are on disk now. */
export function cat(c: Ctx): number {
  if (c.o.args.length === 0) {
    c.err('Too few arguments.\n');
    return 1;
  }
  const fs = c.sd.host.fs;
  let code = 0;
  let first = true;
  for (const a of c.o.args) {
    const n = unitName(a);
    const frag = findFragment(fs, n);
    if (!frag || frag.masked) {
      c.err(frag ? `Unit ${n} is masked.\n` : `No files found for ${n}.\n`);
      code = 1;
      continue;
    }
    if (c.sd.needsReload(n)) {
      c.err(`# Warning: ${n} changed on disk, the version systemd has loaded is outdated.\n# This output shows the current version of the unit's original fragment and drop-in files.\n# If fragments or drop-ins were added or removed, they are not properly reflected in this output.\n# Run 'systemctl daemon-reload' to reload units.\n`);
    }
    for (const path of [frag.path, ...findDropIns(fs, n)]) {
      let text = '';
      try {
        text = fs.readFile(path);
      } catch {
        continue;
      }
      c.out(`${first ? '' : '\n'}# ${path}\n${text}${text.endsWith('\n') || text === '' ? '' : '\n'}`);
      first = false;
    }
  }
  return code;
}

function usec(ms: number | undefined): string {
  return ms === undefined ? '' : formatTimestamp(ms);
}

/** properties lists what `systemctl show` prints for a unit. */
export function properties(c: Ctx, name: string): Array<[string, string]> {
  const rt = c.sd.runtime(name);
  const u = rt.unit;
  const cfg = u.config;
  const lm = rt.lastMain;
  const exec = cfg.execStart.map((e) => `{ path=${e.path} ; argv[]=${e.words.join(' ')} ; ignore_errors=${e.ignoreFailure ? 'yes' : 'no'} ; start_time=[${usec(rt.activeEnter) || 'n/a'}] ; stop_time=[${usec(lm?.at) || 'n/a'}] ; pid=${rt.mainPid ?? lm?.pid ?? 0} ; code=${rt.mainPid ? '(null)' : (lm?.exit.code ?? '(null)')} ; status=${rt.mainPid || !lm ? '0/0' : statusParen(lm.exit).replace(/^\(code=\w+, (status|signal)=/, '').replace(/\)$/, '')} }`).join(' ');
  return [
    ['Type', cfg.type], ['Restart', cfg.restart], ['RestartUSec', cfg.restartMs >= 1000 ? `${cfg.restartMs / 1000}s` : `${cfg.restartMs}ms`],
    ['MainPID', String(rt.mainPid ?? 0)], ['ExecMainStartTimestamp', usec(rt.activeEnter)], ['ExecMainPID', String(rt.mainPid ?? lm?.pid ?? 0)],
    ['ExecMainCode', lm && !rt.mainPid ? (lm.exit.code === 'exited' ? '1' : '2') : '0'], ['ExecMainStatus', String(lm && !rt.mainPid ? lm.exit.status : 0)],
    ['ExecStart', exec], ['Result', rt.result], ['NRestarts', String(rt.nRestarts)], ['User', cfg.user ?? ''],
    ['WorkingDirectory', cfg.workingDirectory ?? ''], ['Environment', cfg.environment.map(([k, v]) => `${k}=${/\s/.test(v) ? `"${v}"` : v}`).join(' ')],
    ['EnvironmentFiles', cfg.environmentFiles.map((f) => `${f.path} (ignore_errors=${f.optional ? 'yes' : 'no'})`).join(' ')],
    ['Id', u.name], ['Names', u.name], ['Description', cfg.description || u.name], ['LoadState', u.loadState],
    ['ActiveState', rt.active], ['SubState', rt.sub], ['FragmentPath', u.fragmentPath ?? ''], ['DropInPaths', u.dropIns.join(' ')],
    ['UnitFileState', c.sd.enableState(name).replace('not-found', '')], ['UnitFilePreset', 'enabled'],
    ['StateChangeTimestamp', usec(rt.since)], ['ActiveEnterTimestamp', usec(rt.activeEnter)], ['InactiveEnterTimestamp', usec(rt.inactiveEnter)],
    ['Documentation', cfg.documentation.map((d) => `"${d}"`).join(' ')], ['After', cfg.after.join(' ')], ['Wants', cfg.wants.join(' ')],
    ['WantedBy', cfg.wantedBy.join(' ')], ['NeedDaemonReload', c.sd.needsReload(name) ? 'yes' : 'no'],
  ];
}

/** show prints properties as Key=Value (or only values with --value). */
export function show(c: Ctx): number {
  const names = c.o.args.length ? c.o.args : [];
  if (names.length === 0) {
    c.out('Version=249.11-0ubuntu3.12\nArchitecture=x86-64\nSystemState=running\n');
    return 0;
  }
  names.forEach((n, i) => {
    if (i > 0) c.out('\n');
    let props = properties(c, n);
    if (c.o.properties.length) props = c.o.properties.map((p): [string, string] => props.find(([k]) => k === p) ?? [p, '']).filter(([k]) => props.some(([x]) => x === k));
    else if (!c.o.all) props = props.filter(([, v]) => v !== '');
    for (const [k, v] of props) c.out(c.o.value ? `${v}\n` : `${k}=${v}\n`);
  });
  return 0;
}
