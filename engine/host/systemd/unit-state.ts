import type { Timer } from '../../base/runtime.ts';
import type { ExecCommand } from './environment.ts';
import type { ExitInfo } from './exit-status.ts';
import type { DaemonHandle } from './spawn.ts';
import type { LoadedUnit } from './unit-load.ts';

/** ActiveState is systemd's high-level unit state. */
export type ActiveState = 'active' | 'inactive' | 'failed' | 'activating' | 'deactivating' | 'reloading';

/** SubState is the service-specific state shown in parentheses ("running", "auto-restart", "dead"…). */
export type SubState = 'running' | 'dead' | 'failed' | 'auto-restart' | 'exited' | 'start';

/** UnitResult is Result= of a service. */
export type UnitResult = 'success' | 'exit-code' | 'signal' | 'core-dump' | 'start-limit-hit' | 'resources' | 'timeout';

/** MainExit is the last main process and how it ended ("Process:" / "Main PID:" lines). */
export interface MainExit {
  pid: number;
  cmd: ExecCommand;
  exit: ExitInfo;
  at: number;
}

/** UnitRuntime is systemd's in-memory state of one unit. */
export interface UnitRuntime {
  unit: LoadedUnit;
  active: ActiveState;
  sub: SubState;
  result: UnitResult;
  /** StateChangeTimestamp: the time "since" refers to */
  since?: number;
  activeEnter?: number;
  inactiveEnter?: number;
  mainPid?: number;
  mainCmd?: ExecCommand;
  mainArgv?: string[];
  handle?: DaemonHandle;
  lastMain?: MainExit;
  nRestarts: number;
  restartTimer?: Timer;
  /** start times inside the start-limit window */
  starts: number[];
  /** generation invalidates exit callbacks of processes systemd already gave up on */
  generation: number;
  /** cpuMs of earlier invocations is not kept: systemd resets accounting per start */
  startedAt?: number;
}

/** newRuntime is a unit that has never run. */
export function newRuntime(unit: LoadedUnit): UnitRuntime {
  return { unit, active: 'inactive', sub: 'dead', result: 'success', nRestarts: 0, starts: [], generation: 0 };
}

/** description is what "Started …" names: Description= or the unit name. */
export function description(u: LoadedUnit): string {
  return u.config.description || u.name;
}

/** simulatedCpuMs is a running service's CPU time: a small start cost plus ~1% of its wall time. */
export function simulatedCpuMs(rt: UnitRuntime, now: number): number {
  if (rt.startedAt === undefined) return 0;
  const seed = (rt.mainPid ?? rt.lastMain?.pid ?? 1) % 50;
  return 40 + seed + Math.floor((now - rt.startedAt) / 100);
}
