import { describeChanges, Systemd } from '../../host/systemd/systemd.ts';
import { unitName } from '../../host/systemd/unit-load.ts';
import { deniedText, isPrivileged, type Ctx } from './context.ts';

const NO_INSTALL = `The unit files have no installation config (WantedBy=, RequiredBy=, Also=,
Alias= settings in the [Install] section, and DefaultInstance= for template
units). This means they are not meant to be enabled using systemctl.
 
Possible reasons for having this kind of units are:
• A unit may be statically enabled by being symlinked from another unit's
  .wants/ or .requires/ directory.
• A unit's purpose may be to act as a helper for some other unit which has
  a requirement dependency on it.
• A unit may be started when needed via activation (socket, path, timer,
  D-Bus, udev, scripted systemctl call, ...).
• In case of template units, the unit is meant to be enabled with some
  instance name specified.
`;

function jobFailedText(unit: string, why: string): string {
  const reason = why === 'start-limit-hit' ? 'start of the service was attempted too often' : why === 'resources' ? 'of unavailable resources or another system error' : 'the control process exited with error code';
  let t = `Job for ${unit} failed because ${reason}.\nSee "systemctl status ${unit}" and "journalctl -xeu ${unit}" for details.\n`;
  if (why === 'start-limit-hit') t += `To force a start use "systemctl reset-failed ${unit}"\nfollowed by "systemctl start ${unit}" again.\n`;
  return t;
}

/** startStop runs start, stop, restart, try-restart, reload and reload-or-restart on each named unit. */
export function startStop(c: Ctx): number {
  const verb = c.o.verb;
  if (c.o.args.length === 0) {
    c.err('Too few arguments.\n');
    return 1;
  }
  const action = verb === 'reload-or-restart' || verb === 'try-restart' ? 'restart' : verb;
  let code = 0;
  for (const arg of c.o.args) {
    const n = unitName(arg);
    if (!isPrivileged(c.p)) {
      c.err(deniedText(action, n));
      code = 1;
      continue;
    }
    if (c.sd.needsReload(n)) c.err(Systemd.reloadWarning(n) + '\n');
    const rt = c.sd.runtime(n);
    let r;
    if (verb === 'start') r = c.sd.start(n);
    else if (verb === 'stop') r = c.sd.stop(n);
    else if (verb === 'try-restart') r = rt.active === 'active' ? c.sd.restart(n) : { ok: true as const };
    else if (verb === 'reload') {
      if (rt.unit.loadState === 'not-found') r = { ok: false as const, error: `Unit ${n} not found.` };
      else if (rt.unit.config.execReload.length === 0) r = { ok: false as const, error: `Job type reload is not applicable for unit ${n}.` };
      else if (rt.active !== 'active') r = { ok: false as const, error: `Unit ${n} is not active, cannot reload.` };
      else r = { ok: true as const };
    } else r = c.sd.restart(n);
    if (r.ok) continue;
    if (r.jobFailed) {
      c.err(jobFailedText(n, r.error));
      code = 1;
      continue;
    }
    c.err(`Failed to ${action} ${n}: ${r.error}\n`);
    if (/not found|not loaded/.test(r.error)) code = 5;
    else {
      if (!/masked/.test(r.error)) c.err(`See system logs and 'systemctl status ${n}' for details.\n`);
      code = 1;
    }
  }
  return code;
}

/** enableDisable runs enable/disable [--now]. */
export function enableDisable(c: Ctx): number {
  const verb = c.o.verb as 'enable' | 'disable';
  if (c.o.args.length === 0) {
    c.err('Too few arguments.\n');
    return 1;
  }
  if (!isPrivileged(c.p)) {
    c.err(deniedText(`${verb} unit`));
    return 1;
  }
  let noInstall = false;
  for (const arg of c.o.args) {
    const r = verb === 'enable' ? c.sd.enable(arg) : c.sd.disable(arg);
    if (r.error) {
      c.err(`Failed to ${verb} unit: ${r.error}\n`);
      return 1;
    }
    c.err(describeChanges(r.changes));
    if (verb === 'enable' && r.changes.length === 0 && !c.sd.runtime(arg).unit.config.hasInstall && c.sd.enableState(arg) !== 'enabled') noInstall = true;
  }
  if (noInstall) c.err(NO_INSTALL);
  if (!c.o.now) return 0;
  c.o.verb = verb === 'enable' ? 'start' : 'stop';
  return startStop(c);
}

/** maskUnmask links a unit to /dev/null (mask) or removes that link (unmask). */
export function maskUnmask(c: Ctx): number {
  if (c.o.args.length === 0) {
    c.err('Too few arguments.\n');
    return 1;
  }
  if (!isPrivileged(c.p)) {
    c.err(deniedText(`${c.o.verb} unit`));
    return 1;
  }
  const fs = c.sd.host.fs;
  for (const arg of c.o.args) {
    const link = `/etc/systemd/system/${unitName(arg)}`;
    let kind: string | undefined;
    try {
      kind = fs.lstat(link).type;
    } catch {
      kind = undefined;
    }
    const isMask = kind === 'symlink' && fs.readlink(link) === '/dev/null';
    if (c.o.verb === 'mask') {
      if (isMask) continue;
      if (kind !== undefined) {
        c.err(`Failed to mask unit: File ${link} already exists.\n`);
        return 1;
      }
      fs.symlink('/dev/null', link);
      c.err(`Created symlink ${link} → /dev/null.\n`);
    } else if (isMask) {
      fs.unlink(link);
      c.err(`Removed ${link}.\n`);
    }
  }
  c.sd.daemonReload();
  if (c.o.now && c.o.verb === 'mask') {
    for (const a of c.o.args) c.sd.stop(a);
  }
  return 0;
}

/** daemonReload re-reads unit files. */
export function daemonReload(c: Ctx): number {
  if (!isPrivileged(c.p)) {
    c.err(deniedText('reload daemon'));
    return 1;
  }
  c.sd.daemonReload();
  return 0;
}

/** resetFailed clears failed states. */
export function resetFailed(c: Ctx): number {
  if (!isPrivileged(c.p)) {
    c.err(deniedText('reset failed state of unit'));
    return 1;
  }
  const names = c.o.args.length ? c.o.args : c.sd.loadedUnits().map((u) => u.unit.name);
  for (const n of names) c.sd.resetFailed(n);
  return 0;
}

/** kill sends a signal to a unit's main process (systemctl kill [-s SIG]). */
export function killUnit(c: Ctx): number {
  if (!isPrivileged(c.p)) {
    c.err(deniedText('kill unit', c.o.args[0]));
    return 1;
  }
  const sigs: Record<string, number> = { HUP: 1, INT: 2, KILL: 9, TERM: 15, SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };
  const sig = c.o.signal === undefined ? 15 : (sigs[c.o.signal.toUpperCase()] ?? Number(c.o.signal));
  if (!Number.isInteger(sig) || sig <= 0) {
    c.err(`Failed to parse signal string ${c.o.signal}.\n`);
    return 1;
  }
  for (const a of c.o.args) c.sd.signalMain(a, sig);
  return 0;
}
