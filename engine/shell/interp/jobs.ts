import { EMPTY_INPUT, type Writable } from '../../host/streams.ts';
import type { Stmt } from '../parser/ast.ts';
import type { Interp } from './interp.ts';
import { Interrupt } from '../../host/interrupt.ts';
import type { Job, ShellState } from './state.ts';
import type { Io } from './types.ts';

/** startJob runs a statement in the background (`cmd &`) and registers it as a job. */
export function startJob(sh: Interp, s: Stmt, io: Io): Job {
  const st = sh.state;
  const host = sh.ctx.host;
  const src = s.src.replace(/\s*&\s*$/, '');
  const pid = host.procs.spawn({ user: sh.ctx.user.name, uid: sh.ctx.user.uid, command: src, ppid: st.pid, tty: sh.ctx.tty });
  const id = (st.jobs.filter((j) => !j.done || !j.reported).reduce((m, j) => Math.max(m, j.id), 0) || 0) + 1;
  const sub = sh.sub();
  const signal = new Interrupt();
  const jobIo: Io = { ...io, stdin: EMPTY_INPUT, signal };
  const job: Job = { id, pid, src, done: false, code: 0, reported: false, promise: Promise.resolve(0), signal };
  job.promise = (async () => {
    try {
      return await sub.runStmt({ ...s, background: false }, jobIo);
    } catch (e) {
      return sub.settle(e, jobIo, s.line);
    }
  })().then((code) => {
    job.done = true;
    // a job that kill(1) signalled dies of the signal, whatever its program would have returned (SIGTERM: 143, "Terminated")
    job.code = signal.interrupted ? signal.code : code;
    host.procs.exit(pid);
    return code;
  });
  st.jobs.push(job);
  st.lastBgPid = pid;
  if (st.interactive) io.stderr.write(`[${id}] ${pid}\n`);
  return job;
}

/** jobMark is the job's mark in `jobs` and notices: + for the current job (the last started), - for the previous one. */
export function jobMark(jobs: readonly Job[], j: Job): '+' | '-' | ' ' {
  const i = jobs.indexOf(j);
  return i === jobs.length - 1 ? '+' : i === jobs.length - 2 ? '-' : ' ';
}

/** jobLine formats a job the way `jobs` and the completion notice print it. */
export function jobLine(j: Job, mark: '+' | '-' | ' ', state: string): string {
  return `[${j.id}]${mark}  ${state.padEnd(24)}${j.src}${state.startsWith('Running') ? ' &' : ''}`;
}

/** SIGNAL_TEXT is how bash names the signal that ended a job (strsignal). */
const SIGNAL_TEXT: Record<number, string> = { 1: 'Hangup', 2: 'Interrupt', 3: 'Quit', 6: 'Aborted', 9: 'Killed', 13: 'Broken pipe', 15: 'Terminated' };

/** jobState is a job's state as `jobs` and the completion notice print it: Running, Done, Exit N, or the signal that ended it (kill %1: Terminated). */
export function jobState(j: Job): string {
  if (!j.done) return 'Running';
  if (j.code === 0) return 'Done';
  if (j.signal?.interrupted && SIGNAL_TEXT[j.code - 128]) return SIGNAL_TEXT[j.code - 128]!;
  return `Exit ${j.code}`;
}

/** reportDoneJobs prints "[1]+  Done  cmd" for finished jobs, as bash does before the next prompt. */
export function reportDoneJobs(st: ShellState, out: Writable): void {
  for (const j of st.jobs) {
    if (!j.done || j.reported) continue;
    j.reported = true;
    out.write(jobLine(j, jobMark(st.jobs, j), jobState(j)) + '\n');
  }
  st.jobs = st.jobs.filter((j) => !j.reported);
}
