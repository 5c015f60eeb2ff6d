import { MESSAGE_IDS } from '../journal/catalog.ts';
import { JournalStream } from '../journal/journal.ts';
import { isCleanExit, statusText, type ExitInfo } from './exit-status.ts';
import { resolveExec, serviceEnvironment } from './exec-resolve.ts';
import { spawnDaemon } from './spawn.ts';
import type { OpResult, Systemd } from './systemd.ts';
import { description, type UnitRuntime } from './unit-state.ts';

/**
 * The life of a service's main process: starting it (with the start limit,
 * the environment files and the executable lookup), noticing how it ended,
 * and the restart job Restart= schedules. Kept apart from the manager's
 * bookkeeping in systemd.ts.
 */

/** Manager is the Systemd these steps act on. */
type Manager = Systemd;

/** activate runs a unit's ExecStart= as its main process (a start job, manual or automatic). */
export function activate(m: Manager, rt: UnitRuntime): OpResult {
  const n = rt.unit.name;
  const cfg = rt.unit.config;
  const jobId = m.nextJobId();
  if (cfg.startLimitIntervalMs > 0 && cfg.startLimitIntervalMs !== Infinity && cfg.startLimitBurst > 0) {
    rt.starts = rt.starts.filter((t) => t > m.now - cfg.startLimitIntervalMs);
    if (rt.starts.length >= cfg.startLimitBurst) {
      m.log(n, `${n}: Start request repeated too quickly.`, 4);
      m.log(n, `${n}: Failed with result 'start-limit-hit'.`, 4, MESSAGE_IDS.unitResult, { UNIT_RESULT: 'start-limit-hit' });
      m.log(n, `Failed to start ${description(rt.unit)}.`, 3, MESSAGE_IDS.unitFailed, { JOB_ID: jobId, JOB_RESULT: 'failed' });
      rt.result = 'start-limit-hit';
      m.setState(rt, 'failed', 'failed');
      return { ok: false, error: 'start-limit-hit', jobFailed: true };
    }
    rt.starts.push(m.now);
  }
  const { env, missing } = serviceEnvironment(m.host.fs, cfg);
  const cmd = cfg.execStart[0]!;
  if (missing !== undefined) {
    m.log(n, `${n}: Failed to load environment files: No such file or directory`, 3);
    m.log(n, `${n}: Failed to run 'start' task: No such file or directory`, 3);
    m.log(n, `${n}: Failed with result 'resources'.`, 4, MESSAGE_IDS.unitResult, { UNIT_RESULT: 'resources' });
    m.log(n, `Failed to start ${description(rt.unit)}.`, 3, MESSAGE_IDS.unitFailed, { JOB_ID: jobId, JOB_RESULT: 'failed' });
    rt.result = 'resources';
    m.setState(rt, 'failed', 'failed');
    return { ok: false, error: 'resources', jobFailed: true };
  }
  const r = resolveExec(m.host.fs, cmd, env, n, m.programs);
  const user = (cfg.user && m.host.user(cfg.user)) || m.host.user(0)!;
  rt.generation++;
  const gen = rt.generation;
  rt.startedAt = m.now;
  rt.result = 'success';
  if (!r.ok) {
    // Type=simple: the job is done once the child is forked; exec fails in the child afterwards.
    const pid = m.host.procs.spawn({ user: user.name, uid: user.uid, command: cmd.words.join(' ') });
    m.host.procs.exit(pid);
    rt.mainPid = pid;
    rt.mainCmd = cmd;
    m.setState(rt, 'active', 'running');
    m.log(n, `Started ${description(rt.unit)}.`, 6, MESSAGE_IDS.unitStarted, { JOB_ID: jobId, JOB_RESULT: 'done' });
    if (r.step === 'EXEC') for (const l of r.lines) m.journal.append({ unit: n, ident: 'systemd', pid, priority: 3, message: l });
    onExit(m, rt, gen, { code: 'exited', status: r.ok ? 0 : 203 });
    return { ok: true };
  }
  // Units with an activating phase (Type=notify, forking) log "Starting …" first; Type=simple goes straight to "Started".
  if (cfg.type === 'notify' || cfg.type === 'forking') m.log(n, `Starting ${description(rt.unit)}...`, 6);
  let pid = 0;
  const out = new JournalStream(m.journal, { unit: n, ident: r.path.split('/').pop()!, pid: () => pid });
  const handle = spawnDaemon({
    host: m.host, program: r.program, argv: r.argv, env: r.env, cwd: cfg.workingDirectory ?? '/', user, sys: m.sys,
    stdout: out, stderr: out,
    onSignal: (sig) => m.signalMain(n, sig),
  });
  pid = handle.pid;
  rt.handle = handle;
  rt.mainPid = pid;
  rt.mainCmd = cmd;
  rt.mainArgv = r.argv;
  m.setState(rt, 'active', 'running');
  m.log(n, `Started ${description(rt.unit)}.`, 6, MESSAGE_IDS.unitStarted, { JOB_ID: jobId, JOB_RESULT: 'done' });
  void handle.done.then((exit) => {
    out.flush();
    onExit(m, rt, gen, exit);
  });
  return { ok: true };
}

/** onExit records how the main process ended and applies Restart=. */
export function onExit(m: Manager, rt: UnitRuntime, gen: number, exit: ExitInfo): void {
  if (gen !== rt.generation) return;
  rt.generation++;
  const n = rt.unit.name;
  const cfg = rt.unit.config;
  const pid = rt.mainPid ?? 0;
  rt.lastMain = { pid, cmd: rt.mainCmd!, exit, at: m.now };
  rt.mainPid = undefined;
  rt.handle = undefined;
  const clean = isCleanExit(exit) || rt.mainCmd?.ignoreFailure === true;
  const fields = { COMMAND: 'ExecStart', EXIT_CODE: exit.code, EXIT_STATUS: String(exit.status) };
  if (clean) {
    m.log(n, `${n}: Deactivated successfully.`, 6, MESSAGE_IDS.unitSuccess);
    rt.result = 'success';
  } else {
    m.log(n, `${n}: Main process exited, code=${exit.code}, ${statusText(exit)}`, 5, MESSAGE_IDS.unitProcessExit, fields);
    rt.result = exit.code === 'exited' ? 'exit-code' : 'signal';
    m.log(n, `${n}: Failed with result '${rt.result}'.`, 4, MESSAGE_IDS.unitResult, { UNIT_RESULT: rt.result });
  }
  const restart =
    cfg.restart === 'always' || (cfg.restart === 'on-failure' && !clean) || (cfg.restart === 'on-success' && clean) ||
    (cfg.restart === 'on-abnormal' && exit.code !== 'exited') || (cfg.restart === 'on-abort' && exit.code !== 'exited' && !clean);
  if (restart) {
    m.setState(rt, 'activating', 'auto-restart');
    rt.restartTimer = m.sys.runtime.after(cfg.restartMs, () => autoRestart(m, rt), `systemd:${n}:restart`);
    return;
  }
  if (clean && cfg.remainAfterExit) m.setState(rt, 'active', 'exited');
  else if (clean) m.setState(rt, 'inactive', 'dead');
  else m.setState(rt, 'failed', 'failed');
}

/** autoRestart is the restart job systemd queues RestartSec after a failure. */
export function autoRestart(m: Manager, rt: UnitRuntime): void {
  rt.restartTimer = undefined;
  if (rt.active !== 'activating' || rt.sub !== 'auto-restart') return;
  const n = rt.unit.name;
  rt.nRestarts++;
  m.log(n, `${n}: Scheduled restart job, restart counter is at ${rt.nRestarts}.`, 6, MESSAGE_IDS.unitRestartScheduled);
  m.log(n, `Stopped ${description(rt.unit)}.`, 6, MESSAGE_IDS.unitStopped, { JOB_ID: m.nextJobId(), JOB_RESULT: 'done' });
  activate(m, rt);
}
