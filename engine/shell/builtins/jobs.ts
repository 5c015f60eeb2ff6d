import { jobLine, jobMark, jobState } from '../interp/jobs.ts';
import { fail, out, type Builtin } from './types.ts';
import { signalName, signalNumber, signalTable } from '../../host/signals.ts';

/** jobs lists background jobs. */
export const jobs: Builtin = (c) => {
  const list = c.sh.state.jobs;
  for (const j of list) {
    out(c, jobLine(j, jobMark(list, j), jobState(j)) + '\n');
    // a finished job jobs has shown is not announced again before the next prompt
    if (j.done) j.reported = true;
  }
  c.sh.state.jobs = list.filter((j) => !j.reported);
  return 0;
};

/** wait waits for background jobs (all, or the given %n / pids). */
export const wait: Builtin = async (c) => {
  const st = c.sh.state;
  const args = c.argv.slice(1).filter((a) => a !== '-n' && a !== '-f');
  let code = 0;
  if (args.length === 0) {
    for (const j of [...st.jobs]) code = await j.promise;
    return 0;
  }
  for (const a of args) {
    const j = a.startsWith('%') ? st.jobs.find((x) => x.id === Number(a.slice(1))) : st.jobs.find((x) => x.pid === Number(a));
    if (!j) {
      code = fail(c, a.startsWith('%') ? `${a}: no such job` : `pid ${a} is not a child of this shell`, 127);
      continue;
    }
    code = await j.promise;
  }
  return code;
};

/** kill signals jobs and processes. */
export const kill: Builtin = (c) => {
  const st = c.sh.state;
  let args = c.argv.slice(1);
  if (args[0] === '-l' || args[0] === '-L') {
    if (args.length === 1) {
      out(c, signalTable());
      return 0;
    }
    // kill -l NAME gives the number, kill -l N the name
    let code = 0;
    for (const a of args.slice(1)) {
      const name = /^\d+$/.test(a) ? signalName(Number(a) > 128 ? Number(a) - 128 : Number(a)) : undefined;
      const num = /^\d+$/.test(a) ? undefined : signalNumber(a);
      if (name) out(c, name + '\n');
      else if (num !== undefined) out(c, num + '\n');
      else code = fail(c, `${a}: invalid signal specification`);
    }
    return code;
  }
  let sig = 15;
  if (args[0]?.startsWith('-')) {
    const s = args[0] === '-s' ? args[1] ?? '' : args[0].slice(1);
    args = args[0] === '-s' ? args.slice(2) : args.slice(1);
    const n = signalNumber(s);
    if (n === undefined) return fail(c, `${s}: invalid signal specification`);
    sig = n;
  }
  if (args.length === 0) return fail(c, 'usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]', 2);
  let code = 0;
  const procs = c.sh.ctx.host.procs;
  for (const a of args) {
    const j = a.startsWith('%') ? st.jobs.find((x) => x.id === Number(a.slice(1) || st.jobs.length)) : st.jobs.find((x) => x.pid === Number(a));
    if (j) {
      j.signal?.raise(128 + sig);
      continue;
    }
    if (a.startsWith('%')) {
      code = fail(c, `${a}: no such job`);
      continue;
    }
    const pid = Number(a);
    const p = Number.isInteger(pid) ? procs.get(pid) : undefined;
    if (!p) {
      code = fail(c, Number.isInteger(pid) ? `(${a}) - No such process` : `${a}: arguments must be process or job IDs`);
      continue;
    }
    if (c.sh.ctx.user.uid !== 0 && p.uid !== c.sh.ctx.user.uid) {
      code = fail(c, `(${a}) - Operation not permitted`);
      continue;
    }
    procs.signal(pid, sig);
  }
  return code;
};
