/** systemd of a lab host: unit files, the service manager, daemons and the journal. See README.md. */
export { Systemd, describeChanges, type OpResult, type StateChange, type SystemdOptions } from './systemd.ts';
export { attachSystemd, systemdFor, systemdOf } from './registry.ts';
export { spawnDaemon, KillSignal, type DaemonHandle, type DaemonOptions } from './spawn.ts';
export { loadUnit, unitName, findFragment, findDropIns, listUnitFiles, UNIT_PATHS, type LoadedUnit, type LoadState } from './unit-load.ts';
export { parseUnitFile, splitWords, type Assignment } from './unit-file.ts';
export { expandCommandLine, parseEnvironmentFile, parseExecLine, type ExecCommand } from './environment.ts';
export { type UnitConfig, type RestartPolicy } from './unit-config.ts';
export { type ActiveState, type SubState, type UnitRuntime, type UnitResult } from './unit-state.ts';
export { type EnableState, type Change } from './enablement.ts';
export { statusParen, statusText, signalName, type ExitInfo } from './exit-status.ts';
export { installUnitFile } from './install.ts';
