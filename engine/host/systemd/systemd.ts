import type { Host } from '../host.ts';
import { Journal } from '../journal/journal.ts';
import { MESSAGE_IDS } from '../journal/catalog.ts';
import type { Program, SystemServices } from '../process.ts';
import { changeText, disableLinks, enableLinks, enableState, type Change, type EnableState } from './enablement.ts';
import { activate, onExit } from './lifecycle.ts';
import { loadUnit, fingerprintOf, unitName, type LoadedUnit } from './unit-load.ts';
import { description, newRuntime, simulatedCpuMs, type ActiveState, type SubState, type UnitRuntime } from './unit-state.ts';
import { formatTimespan } from '../journal/time.ts';
import type { ExitInfo } from './exit-status.ts';

/** SystemdOptions wires a host's systemd to the world. */
export interface SystemdOptions {
  host: Host;
  /** sys is what the services' processes see (runtime, network, machines…) */
  sys: SystemServices;
  /** programs resolves a binary's program name (engine/tools/registry.ts programByName) */
  programs: (name: string) => { program: Program } | undefined;
  journal?: Journal;
}

/** OpResult is the outcome of a manager call; error is systemctl's text after "Failed to start x: ". */
export type OpResult = { ok: true } | { ok: false; error: string; jobFailed?: boolean };

/** StateChange is what onStateChange listeners receive. */
export interface StateChange {
  unit: string;
  active: ActiveState;
  sub: SubState;
}

/**
 * Systemd is PID 1 of one host: it loads units from disk, runs their
 * ExecStart= programs as daemons, restarts them per Restart=, keeps the
 * journal and the enablement links. The API mirrors what systemctl asks of the
 * real manager over D-Bus; kubeadm and the kubelet's installers call it too.
 */
export class Systemd {
  readonly host: Host;
  readonly journal: Journal;
  readonly sys: SystemServices;
  /** programs resolves program names (used by the lifecycle steps) */
  readonly programs: SystemdOptions['programs'];
  private units = new Map<string, UnitRuntime>();
  private listeners = new Set<(c: StateChange) => void>();
  private jobId = 100;

  /** nextJobId numbers systemd's jobs (journalctl -x shows them). */
  nextJobId(): string {
    return String(this.jobId++);
  }
  /** bootTime is when this systemd started (journalctl -b, uptime) */
  readonly bootTime: number;

  constructor(o: SystemdOptions) {
    this.host = o.host;
    this.sys = o.sys;
    this.programs = o.programs;
    this.journal = o.journal ?? new Journal(() => o.sys.runtime.now);
    this.bootTime = o.sys.runtime.now;
  }

  /** now is the simulated time. */
  get now(): number {
    return this.sys.runtime.now;
  }

  /** runtime returns systemd's state of a unit, loading it from disk on first use (not-found units are re-read each time). */
  runtime(name: string): UnitRuntime {
    const n = unitName(name);
    let rt = this.units.get(n);
    if (!rt || (rt.unit.loadState === 'not-found' && rt.active === 'inactive' && !rt.since)) {
      rt = newRuntime(loadUnit(this.host.fs, n));
      this.units.set(n, rt);
    }
    return rt;
  }

  /** loadedUnits lists the units systemd holds in memory, by name. */
  loadedUnits(): UnitRuntime[] {
    return [...this.units.values()].filter((u) => u.unit.loadState !== 'not-found').sort((a, b) => (a.unit.name < b.unit.name ? -1 : 1));
  }

  /** needsReload tells whether a unit's files changed since it was loaded (systemctl warns then). */
  needsReload(name: string): boolean {
    const rt = this.units.get(unitName(name));
    return !!rt && rt.unit.loadState !== 'not-found' && fingerprintOf(this.host.fs, rt.unit.name) !== rt.unit.fingerprint;
  }

  /** reloadWarning is systemd 249's warning text for a unit changed on disk. */
  static reloadWarning(name: string): string {
    return `Warning: The unit file, source configuration file or drop-ins of ${unitName(name)} changed on disk. Run 'systemctl daemon-reload' to reload units.`;
  }

  /** daemonReload re-reads every unit file; running services keep running with their old process. */
  daemonReload(): void {
    for (const [n, rt] of this.units) {
      rt.unit = loadUnit(this.host.fs, n);
    }
  }

  /** onStateChange subscribes to unit state changes; it returns the unsubscribe function. */
  onStateChange(cb: (c: StateChange) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** isActive tells whether a unit is active (running). */
  isActive(name: string): boolean {
    return this.runtime(name).active === 'active';
  }

  /** activeState returns a unit's ActiveState (is-active prints it). */
  activeState(name: string): ActiveState {
    return this.runtime(name).active;
  }

  /** enableState reads is-enabled from the links on disk. */
  enableState(name: string): EnableState {
    const n = unitName(name);
    return enableState(this.host.fs, loadUnit(this.host.fs, n));
  }

  /** log writes one of systemd's own lines about a unit. */
  log(unit: string, message: string, priority = 6, messageId?: string, fields: Record<string, string> = {}): void {
    this.journal.append({ unit, ident: 'systemd', pid: 1, priority, message, messageId, fields: { UNIT: unit, ...fields } });
  }

  /** setState moves a unit to a state, stamping its timestamps and telling listeners. */
  setState(rt: UnitRuntime, active: ActiveState, sub: SubState): void {
    const changed = rt.active !== active || rt.sub !== sub;
    if (active === 'active' && rt.active !== 'active') rt.activeEnter = this.now;
    if ((active === 'inactive' || active === 'failed') && rt.active !== active) rt.inactiveEnter = this.now;
    rt.active = active;
    rt.sub = sub;
    if (changed) {
      rt.since = this.now;
      for (const l of [...this.listeners]) l({ unit: rt.unit.name, active, sub });
    }
  }

  /** start starts a unit (systemctl start); a unit that is already active is left alone. */
  start(name: string): OpResult {
    const rt = this.runtime(name);
    const n = rt.unit.name;
    if (rt.unit.loadState === 'not-found') return { ok: false, error: `Unit ${n} not found.` };
    if (rt.unit.loadState === 'masked') return { ok: false, error: `Unit ${n} is masked.` };
    if (rt.unit.loadState === 'bad-setting') return { ok: false, error: `Unit ${n} has a bad unit file setting.` };
    if (rt.active === 'active') return { ok: true };
    rt.restartTimer?.cancel();
    rt.restartTimer = undefined;
    rt.nRestarts = 0;
    return activate(this, rt);
  }


  /** signalMain delivers kill(1) to a unit's main process: TERM, INT and KILL end it at once. */
  signalMain(name: string, sig: number): void {
    const rt = this.runtime(name);
    if (!rt.handle || rt.mainPid === undefined) return;
    if (sig !== 9 && sig !== 15 && sig !== 2) {
      rt.handle.kill(sig);
      return;
    }
    const gen = rt.generation;
    rt.handle.kill(sig);
    this.host.procs.exit(rt.mainPid);
    onExit(this, rt, gen, { code: 'killed', status: sig });
  }



  /** stop stops a unit (systemctl stop): SIGTERM to the main process, then the unit is inactive. */
  stop(name: string): OpResult {
    const rt = this.runtime(name);
    const n = rt.unit.name;
    if (rt.unit.loadState === 'not-found' && rt.active === 'inactive') return { ok: false, error: `Unit ${n} not loaded.` };
    const desc = description(rt.unit);
    const jobId = this.nextJobId();
    if (rt.restartTimer) {
      rt.restartTimer.cancel();
      rt.restartTimer = undefined;
      this.log(n, `Stopped ${desc}.`, 6, MESSAGE_IDS.unitStopped, { JOB_ID: jobId, JOB_RESULT: 'done' });
      this.setState(rt, 'inactive', 'dead');
      return { ok: true };
    }
    if (rt.active !== 'active') return { ok: true };
    this.log(n, `Stopping ${desc}...`, 6, MESSAGE_IDS.unitStopping, { JOB_ID: jobId });
    const cpu = simulatedCpuMs(rt, this.now);
    if (rt.handle && rt.mainPid !== undefined) {
      rt.generation++;
      const handle = rt.handle;
      handle.kill(15);
      this.host.procs.exit(rt.mainPid);
      const last = { pid: rt.mainPid, cmd: rt.mainCmd!, exit: { code: 'killed', status: 15 } as ExitInfo, at: this.now };
      rt.lastMain = last;
      // A program that handles SIGTERM and returns (the kubelet, Go servers) shows "code=exited, status=0/SUCCESS".
      void handle.done.then((exit) => {
        if (rt.lastMain === last) last.exit = exit;
      });
    }
    rt.mainPid = undefined;
    rt.handle = undefined;
    rt.result = 'success';
    this.log(n, `${n}: Deactivated successfully.`, 6, MESSAGE_IDS.unitSuccess);
    this.setState(rt, 'inactive', 'dead');
    this.log(n, `Stopped ${desc}.`, 6, MESSAGE_IDS.unitStopped, { JOB_ID: jobId, JOB_RESULT: 'done' });
    this.log(n, `${n}: Consumed ${formatTimespan(cpu)} CPU time.`, 6, MESSAGE_IDS.unitResources);
    return { ok: true };
  }

  /** restart stops (if running) and starts a unit. */
  restart(name: string): OpResult {
    const rt = this.runtime(name);
    if (rt.unit.loadState !== 'loaded') return this.start(name);
    this.stop(name);
    return this.start(name);
  }

  /** resetFailed clears the failed state and the start-limit counter (systemctl reset-failed). */
  resetFailed(name: string): void {
    const rt = this.runtime(name);
    rt.starts = [];
    rt.nRestarts = 0;
    if (rt.active === 'failed') {
      rt.result = 'success';
      this.setState(rt, 'inactive', 'dead');
    }
  }

  /** enable writes the [Install] links; now also starts the unit. */
  enable(name: string): { changes: Change[]; error?: string } {
    const u = loadUnit(this.host.fs, unitName(name));
    if (u.loadState === 'not-found') return { changes: [], error: `Unit file ${u.name} does not exist.` };
    if (u.loadState === 'masked') return { changes: [], error: `Unit file ${u.name} is masked.` };
    return { changes: enableLinks(this.host.fs, u) };
  }

  /** disable removes the [Install] links. */
  disable(name: string): { changes: Change[]; error?: string } {
    const u = loadUnit(this.host.fs, unitName(name));
    if (u.loadState === 'not-found') return { changes: [], error: `Unit file ${u.name} does not exist.` };
    return { changes: disableLinks(this.host.fs, u) };
  }

  /** boot starts every unit wanted by multi-user.target, dependencies (After=) first. */
  boot(): void {
    let names: string[] = [];
    try {
      names = this.host.fs.readdir('/etc/systemd/system/multi-user.target.wants').filter((x) => x.endsWith('.service'));
    } catch {
      return;
    }
    const done = new Set<string>();
    const visit = (n: string, depth: number) => {
      if (done.has(n) || depth > 20) return;
      done.add(n);
      for (const dep of this.runtime(n).unit.config.after) if (names.includes(dep)) visit(dep, depth + 1);
      this.start(n);
    };
    for (const n of names.sort()) visit(n, 0);
  }
}

/** describeChanges turns enable/disable changes into systemctl's stderr lines. */
export function describeChanges(changes: Change[]): string {
  return changes.map((c) => changeText(c) + '\n').join('');
}

export type { LoadedUnit };
