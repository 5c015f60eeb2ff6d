/** Exit codes and signals as systemd names them (src/basic/exit-status.c, signal-util.c). */

const EXIT_NAMES: Record<number, string> = {
  0: 'SUCCESS', 1: 'FAILURE', 2: 'INVALIDARGUMENT', 3: 'NOTIMPLEMENTED', 4: 'NOPERMISSION', 5: 'NOTINSTALLED',
  6: 'NOTCONFIGURED', 7: 'NOTRUNNING', 200: 'CHDIR', 203: 'EXEC', 209: 'STDOUT', 217: 'USER', 226: 'NAMESPACE',
};

const SIGNAL_NAMES: Record<number, string> = {
  1: 'HUP', 2: 'INT', 3: 'QUIT', 4: 'ILL', 6: 'ABRT', 9: 'KILL', 11: 'SEGV', 13: 'PIPE', 14: 'ALRM', 15: 'TERM',
};

/** signalName is "TERM" for 15 (kill -l without SIG). */
export function signalName(sig: number): string {
  return SIGNAL_NAMES[sig] ?? String(sig);
}

/** ExitInfo is how a main process ended. */
export interface ExitInfo {
  code: 'exited' | 'killed' | 'dumped';
  /** exit status, or signal number when killed */
  status: number;
}

/** statusText is "status=1/FAILURE" or "status=9/KILL" (the journal's form). */
export function statusText(e: ExitInfo): string {
  if (e.code === 'exited') {
    const n = EXIT_NAMES[e.status];
    return n ? `status=${e.status}/${n}` : `status=${e.status}`;
  }
  return `status=${e.status}/${signalName(e.status)}`;
}

/** statusParen is "(code=exited, status=1/FAILURE)" or "(code=killed, signal=TERM)" as systemctl status writes it. */
export function statusParen(e: ExitInfo): string {
  if (e.code === 'exited') return `(code=exited, ${statusText(e)})`;
  return `(code=${e.code}, signal=${signalName(e.status)})`;
}

/** isCleanExit tells whether systemd counts an exit as success: status 0, or SIGHUP/INT/TERM/PIPE. */
export function isCleanExit(e: ExitInfo): boolean {
  if (e.code === 'exited') return e.status === 0;
  return [1, 2, 13, 15].includes(e.status);
}
